"""A database written by the schema-5 release upgrades in place to schema 6, whole or not at all.

``fixtures/schema5.db`` was made by waqai at commit fd80acd (schema 5, before
this change): the bundled corpus ingested, event #3 marked and #5 noted, then
checkpointed. Its facts are read with plain sqlite3 before the upgrade and
must all be there after it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "schema5.db"


def _facts(path: Path) -> dict:
    """What the schema-5 file says, read with its own tables (sentences still hold their text)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    events = {r[0]: r[1:] for r in conn.execute("SELECT id, value, title, begin_day, end_day FROM events")}
    sources: dict[int, list] = {}
    for event_id, *source in conn.execute(
        "SELECT es.event_id, d.name, s.text, s.start_offset, s.end_offset, t.text FROM event_sources es"
        " JOIN documents d ON d.id = es.doc_id JOIN sentences s ON s.id = es.sentence_id"
        " JOIN timexes t ON t.id = es.timex_id"
    ):
        sources.setdefault(event_id, []).append(tuple(source))
    found = sorted(r[0] for r in conn.execute(
        "SELECT s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
        " WHERE sentences_fts MATCH '\"قصف\"'"))
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return {"events": events, "sources": {k: sorted(v) for k, v in sources.items()}, "search": found,
            "version": version}


@pytest.fixture
def old_db(tmp_path) -> Path:
    path = tmp_path / "waqai.db"
    shutil.copyfile(FIXTURE, path)
    return path


def _run(*args) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_first_command_on_an_old_database_says_it_is_upgrading_it(old_db):
    first = CliRunner().invoke(main, ["list", "--json", "--db", str(old_db)])
    assert first.exit_code == 0
    assert first.stderr.strip() == f"Upgrading {old_db} from schema 5 to 6 (once; a large archive takes a minute)…"
    assert json.loads(first.stdout)
    again = CliRunner().invoke(main, ["list", "--json", "--db", str(old_db)])
    assert again.stderr == "" and again.stdout == first.stdout


def test_a_schema_5_database_upgrades_in_place_keeping_every_fact(old_db):
    before = _facts(old_db)
    assert before["version"] == 5 and before["search"]
    events = json.loads(_run("list", "--json", "--db", str(old_db)))
    conn = sqlite3.connect(old_db)
    assert conn.execute("PRAGMA user_version").fetchone() == (6,)
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert {r[1] for r in conn.execute("PRAGMA table_info(sentences)")} == {
        "id", "doc_id", "idx", "paragraph", "start_offset", "end_offset"}
    # transform() kept the references of the rebuilt table, cascade included.
    assert [(r[2], r[6]) for r in conn.execute("PRAGMA foreign_key_list(sentences)")] == [("documents", "CASCADE")]
    conn.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 0)")
    conn.close()
    assert {e["id"]: (e["value"], e["title"], e["begin"], e["end"]) for e in events} == before["events"]
    for event in events:
        got = sorted((s["doc"], s["sentence"], s["start"], s["end"], s["timex"]) for s in event["sources"])
        assert got == before["sources"][event["id"]]
    by_id = {e["id"]: e for e in events}
    assert by_id[3].get("marked") is True and by_id[5].get("note") == "يراجع لاحقا"
    hits = json.loads(_run("search", "قصف", "--json", "--db", str(old_db)))
    assert sorted(h["sentence"] for h in hits) == before["search"]


def test_the_upgraded_merge_index_finds_the_events_already_stored(old_db, tmp_path, corpus_dir):
    # The same article under another headline: every report is one already stored,
    # found through the merge keys that the upgrade computed from the schema-5 rows.
    article = (corpus_dir / "002_73f41709de56d920.txt").read_text(encoding="utf-8")
    copy = tmp_path / "again.txt"
    copy.write_text("نسخة ثانية: " + article, encoding="utf-8")
    events_before = len(json.loads(_run("list", "--json", "--db", str(old_db))))
    output = _run("ingest", str(copy), "--published", "2024-02-21", "--db", str(old_db))
    assert " 0 new events" in output and " 0 merged" not in output
    assert len(json.loads(_run("list", "--json", "--db", str(old_db)))) == events_before


def test_a_failing_upgrade_leaves_the_schema_5_database_as_it_was(old_db, monkeypatch):
    from waqai.store import merge_index
    from waqai.store.db import open_db

    before = _facts(old_db)

    def broken(conn):
        raise RuntimeError("disk trouble in the middle of the upgrade")

    monkeypatch.setattr(merge_index, "create_index", broken)
    with pytest.raises(RuntimeError):
        open_db(old_db)
    assert _facts(old_db) == before  # the version and the sentences' text columns included
    conn = sqlite3.connect(old_db)
    assert "text" in {r[1] for r in conn.execute("PRAGMA table_info(sentences)")}
    conn.close()
