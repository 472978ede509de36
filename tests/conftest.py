"""Shared fixtures: paths to the bundled corpus and the development evaluation files.

``tests/eval`` holds a copy of the shared gold set and seed chronology, so a
clean checkout tests against them without the ``../shared`` folder.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
EVAL = ROOT / "tests" / "eval"


def _load_eval(name: str) -> Path:
    return EVAL / name


@pytest.fixture(scope="session")
def gold_path() -> Path:
    """The hand-annotated TIMEX gold set (development set)."""
    return _load_eval("seeds_gold.jsonl")


@pytest.fixture(scope="session")
def seeds_chronology() -> list[dict]:
    """The events the bundled chronology must contain."""
    return json.loads(_load_eval("seeds_chronology.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled corpus folder (with its manifest)."""
    return CORPUS


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory) -> Path:
    """A database of the bundled corpus, as a fresh install builds it (only --db is never seeded)."""
    from click.testing import CliRunner

    from waqai.tui.cli import main

    path = tmp_path_factory.mktemp("bundled") / "waqai.db"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path



@pytest.fixture
def edited_db(bundled_db, tmp_path) -> Path:
    """A private copy of the bundled database, free to edit (marks, notes, merges)."""
    import sqlite3

    path = tmp_path / "edited.db"
    source, target = sqlite3.connect(bundled_db), sqlite3.connect(path)
    source.backup(target)
    source.close(), target.close()
    return path


@pytest.fixture
def folder_with_a_failing_article(tmp_path, monkeypatch) -> Path:
    """A folder of two articles, a.txt and b.txt, where analysing b.txt raises (a bug in waqai on one
    article of an archive), as ingest and extract must survive it."""
    import waqai.store.ingest as ingest_module

    real = ingest_module.analyze

    def analyze(text, *args, **kwargs):
        if "عطب" in text:
            raise IndexError("list index out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "analyze", analyze)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("وصل الوفد إلى بغداد في 5 حزيران 2014 للقاء المسؤولين.", encoding="utf-8")
    (folder / "b.txt").write_text("عطب: انفجرت عبوة في 6 حزيران 2014 قرب السوق.", encoding="utf-8")
    return folder


def _downgrade(path: Path, version: int) -> None:
    """Turn a current database back into schema ``version``, as an older waqai left it."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.isolation_level = None
    if version < 7:
        _downgrade_7(conn)
    if version < 6:
        _downgrade_6(conn)
    if version < 5:
        conn.execute("DROP TABLE event_keys")
        conn.execute("ALTER TABLE events DROP COLUMN planned")
        conn.execute("ALTER TABLE event_sources DROP COLUMN planned")
        conn.execute("ALTER TABLE event_sources DROP COLUMN kind")
        conn.execute("DELETE FROM migrations WHERE name = '0005_planned_and_merge_index'")
    if version < 4:
        conn.execute("ALTER TABLE documents DROP COLUMN encoding_confidence")
        conn.execute("DELETE FROM migrations WHERE name = '0004_encoding_confidence'")
    if version < 3:
        for view in ("edit_state", "edit_targets"):
            conn.execute(f"DROP VIEW {view}")
        conn.execute("DROP TABLE edits")
        conn.execute("DROP INDEX event_sources_timex")
        conn.execute("DELETE FROM migrations WHERE name = '0003_analyst_edits'")
    if version < 2:
        for trigger in ("events_span_ai", "events_span_ad"):
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("DROP TABLE events_span")
        conn.execute("DELETE FROM migrations WHERE name = '0002_events_span_rtree'")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def _downgrade_7(conn) -> None:
    """Schema 7 back to 6: no sentence keeps its text, and nothing keeps it in step."""
    for trigger in ("event_sources_text_ai", "event_sources_text_ad", "event_sources_text_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("ALTER TABLE sentences DROP COLUMN reported_text")
    conn.execute("DELETE FROM migrations WHERE name = '0007_reported_sentence_text'")


def _downgrade_6(conn) -> None:
    """Schema 6 back to 5: sentences with their text and folded copy, an external-content FTS
    kept by triggers, and merge keys as text (as waqai 0005 wrote them)."""
    from waqai.extract.normalize import fold
    from waqai.store.merge_index import signatures

    conn.execute("PRAGMA legacy_alter_table = ON")  # the views naming sentences are not re-checked
    conn.execute("DROP VIEW sentence_text")
    conn.execute("DROP VIEW event_overview")
    conn.execute("DROP TABLE sentences_fts")
    conn.execute(
        "CREATE TABLE sentences_v5 (id INTEGER PRIMARY KEY,"
        " doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,"
        " paragraph INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,"
        " text TEXT NOT NULL, norm TEXT NOT NULL)")
    rows = conn.execute("SELECT s.id, s.doc_id, s.idx, s.paragraph, s.start_offset, s.end_offset, d.text"
                        " FROM sentences s JOIN documents d ON d.id = s.doc_id").fetchall()
    conn.executemany("INSERT INTO sentences_v5 VALUES (?,?,?,?,?,?,?,?)",
                     [(*r[:6], r[6][r[4]:r[5]], fold(r[6][r[4]:r[5]])) for r in rows])
    conn.execute("DROP TABLE sentences")
    conn.execute("ALTER TABLE sentences_v5 RENAME TO sentences")
    conn.execute("CREATE INDEX sentences_doc ON sentences(doc_id, idx)")
    conn.execute("CREATE VIRTUAL TABLE sentences_fts USING fts5(norm, content='sentences', content_rowid='id')")
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
    conn.execute("CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN"
                 " INSERT INTO sentences_fts(rowid, norm) VALUES (new.id, new.norm); END")
    conn.execute("CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN"
                 " INSERT INTO sentences_fts(sentences_fts, rowid, norm) VALUES ('delete', old.id, old.norm); END")
    conn.execute("DROP TABLE event_keys")
    conn.execute("CREATE TABLE event_keys (event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
                 " day INTEGER, span TEXT NOT NULL, sig TEXT NOT NULL)")
    conn.execute("CREATE INDEX event_keys_day ON event_keys(sig, day, event_id)")
    conn.execute("CREATE INDEX event_keys_span ON event_keys(sig, span, event_id)")
    conn.execute("CREATE INDEX event_keys_event ON event_keys(event_id)")
    for event_id, begin, end, mod, entities, tokens, sentence in conn.execute(
        "SELECT es.event_id, e.begin_day, e.end_day, e.mod, es.clause_entities, es.clause_tokens, s.text"
        " FROM event_sources es JOIN events e ON e.id = es.event_id JOIN sentences s ON s.id = es.sentence_id"
    ).fetchall():
        day = date.fromisoformat(begin).toordinal() if begin == end else None
        conn.executemany("INSERT INTO event_keys(event_id, day, span, sig) VALUES (?,?,?,?)",
                         [(event_id, day, f"{begin}|{end}|{mod or ''}", sig)
                          for sig in signatures(json.loads(entities), json.loads(tokens), sentence)])
    conn.execute("PRAGMA legacy_alter_table = OFF")
    conn.execute("DELETE FROM migrations WHERE name = '0006_compact_sentences_and_keys'")


@pytest.fixture(scope="session")
def downgrade():
    """A function that turns a current database back into an older schema."""
    return _downgrade
