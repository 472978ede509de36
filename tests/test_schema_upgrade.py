"""Databases written by the schema-5 and schema-6 releases upgrade in place, whole or not at all.

``fixtures/schema5.db`` was made by waqai at commit fd80acd (schema 5) and
``fixtures/schema6.db`` at commit 0e5086f (schema 6), the same way: the
bundled corpus ingested, event #3 marked and #5 noted, then checkpointed.
Their facts are read with plain sqlite3 before the upgrade and must all be
there after it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
# Schema 5's sentences hold their text; schema 6's are cut from their document.
_OWN_TEXT = {5: "s.text", 6: "substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset)"}


def _facts(path: Path) -> dict:
    """What an old file says, read with its own tables."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    text = _OWN_TEXT[conn.execute("PRAGMA user_version").fetchone()[0]]
    events = {r[0]: r[1:] for r in conn.execute("SELECT id, value, title, begin_day, end_day FROM events")}
    sources: dict[int, list] = {}
    for event_id, *source in conn.execute(
        f"SELECT es.event_id, d.name, {text}, s.start_offset, s.end_offset, t.text FROM event_sources es"
        " JOIN documents d ON d.id = es.doc_id JOIN sentences s ON s.id = es.sentence_id"
        " JOIN timexes t ON t.id = es.timex_id"
    ):
        sources.setdefault(event_id, []).append(tuple(source))
    found = sorted(r[0] for r in conn.execute(
        f"SELECT {text} FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
        " JOIN documents d ON d.id = s.doc_id WHERE sentences_fts MATCH '\"قصف\"'"))
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return {"events": events, "sources": {k: sorted(v) for k, v in sources.items()}, "search": found,
            "version": version}


@pytest.fixture(params=[5, 6])
def old_db(request, tmp_path) -> Path:
    path = tmp_path / "waqai.db"
    shutil.copyfile(FIXTURES / f"schema{request.param}.db", path)
    return path


def _run(*args) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_first_command_on_an_old_database_says_it_is_upgrading_it(old_db):
    version = _facts(old_db)["version"]
    first = CliRunner().invoke(main, ["list", "--json", "--db", str(old_db)])
    assert first.exit_code == 0
    assert first.stderr.strip() == f"Upgrading {old_db} from schema {version} to 7 (once; a large archive takes a minute)…"
    assert json.loads(first.stdout)
    again = CliRunner().invoke(main, ["list", "--json", "--db", str(old_db)])
    assert again.stderr == "" and again.stdout == first.stdout


def test_an_old_database_upgrades_in_place_keeping_every_fact(old_db):
    before = _facts(old_db)
    assert before["version"] in (5, 6) and before["search"]
    events = json.loads(_run("list", "--json", "--db", str(old_db)))
    conn = sqlite3.connect(old_db)
    assert conn.execute("PRAGMA user_version").fetchone() == (7,)
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert {r[1] for r in conn.execute("PRAGMA table_info(sentences)")} == {
        "id", "doc_id", "idx", "paragraph", "start_offset", "end_offset", "reported_text"}
    # The reported sentences, and only they, keep their text: the one cut from their document.
    kept = conn.execute("SELECT s.id, s.reported_text, substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset),"
                        " EXISTS (SELECT 1 FROM event_sources es WHERE es.sentence_id = s.id)"
                        " FROM sentences s JOIN documents d ON d.id = s.doc_id").fetchall()
    assert any(reported for *_, reported in kept) and not all(reported for *_, reported in kept)
    assert all((own == cut) if reported else own is None for _, own, cut, reported in kept)
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


def test_the_upgrade_rebuilds_merge_keys_with_todays_key_functions(old_db):
    # Schema 7 changed the reprint key (day words no longer count): keys kept
    # from the old release would miss late copies, so the upgrade rebuilds them.
    from waqai.store.merge_index import create_index

    _run("stats", "--db", str(old_db))  # upgrades
    conn = sqlite3.connect(old_db)
    upgraded = sorted(conn.execute("SELECT key, event_id, n FROM event_keys"))
    conn.execute("DROP TABLE event_keys")
    create_index(conn)
    assert upgraded == sorted(conn.execute("SELECT key, event_id, n FROM event_keys"))
    conn.close()


def test_a_failing_upgrade_leaves_the_old_database_as_it_was(old_db, monkeypatch):
    from waqai.store import sentences
    from waqai.store.db import open_db
    from waqai.store.errors import StoreError

    before = _facts(old_db)
    conn = sqlite3.connect(old_db)
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    # The last step of the last migration fails, after every other one has written.
    monkeypatch.setattr(sentences, "FILL_REPORTED_TEXT", "UPDATE sentences SET reported_text = json('disk trouble')")
    with pytest.raises(StoreError, match="malformed JSON"):
        open_db(old_db)
    assert _facts(old_db) == before  # the version included
    conn = sqlite3.connect(old_db)
    assert conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    conn.close()


def _database_of_a_build(path: Path, names: list[str]) -> None:
    """A database as a build whose migrations carried ``names`` (each one of today's, maybe renamed) left it."""
    from waqai.store import db as store_db

    functions = {name: apply for name, apply in store_db.MIGRATIONS}
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name in names:
        functions[name.replace("0003_encoding", "0004_encoding")](conn)
        conn.execute("INSERT INTO migrations VALUES (?, '2026-11-23T04:30:05+00:00')", (name,))
    conn.execute(f"PRAGMA user_version = {len(names)}")
    conn.execute(f"PRAGMA application_id = {store_db._APPLICATION_ID}")
    conn.commit()
    conn.close()


def test_a_database_that_recorded_encoding_confidence_as_migration_3_upgrades(tmp_path):
    # A development build numbered the encoding migration 3 before the analyst edits took that number:
    # its databases hold the column already and lack the edits' tables.
    path = tmp_path / "dev.db"
    _database_of_a_build(path, ["0001_initial", "0002_events_span_rtree", "0003_encoding_confidence"])
    result = CliRunner().invoke(main, ["list", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "edits" in tables  # the analyst edits' migration ran
    assert "encoding_confidence" in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}


def test_a_database_with_a_migration_this_waqai_does_not_know_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    _database_of_a_build(path, ["0001_initial", "0002_events_span_rtree"])
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES ('0003_something_else', '2026-11-23T04:30:05+00:00')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["list", "--db", str(path), "--json"])
    assert result.exit_code != 0
    assert "0003_something_else" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert path.read_bytes() == before
