"""Schema 7: a sentence keeps its text exactly while some event reports it, whoever writes the reports."""

from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from waqai.tui.cli import main

# Two articles of one happening (they merge), with sentences that report nothing.
FIRST = ("قصفت طائرات حربية أمس الاثنين مستودعا للذخيرة قرب مطار المدينة.\n"
         "وقال شهود إن الدخان غطى الأحياء المجاورة لساعات.\n"
         "ويعيش في المنطقة نحو عشرين ألف نسمة.\n")
SECOND = ("أكد مسؤول محلي أن طائرات حربية قصفت أمس الاثنين مستودعا للذخيرة قرب مطار المدينة.\n"
          "ولم تعلن أي جهة مسؤوليتها عن الهجوم.\n")


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def kept_texts(db) -> dict[int, tuple]:
    """Each sentence: (its reported_text, its text cut from the document, whether a report names it)."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT s.id, s.reported_text, substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset),"
        " EXISTS (SELECT 1 FROM event_sources es WHERE es.sentence_id = s.id)"
        " FROM sentences s JOIN documents d ON d.id = s.doc_id").fetchall()
    conn.close()
    return {r[0]: tuple(r[1:]) for r in rows}


def assert_in_step(db) -> None:
    """Reported sentences hold their own text, the others none."""
    kept = kept_texts(db)
    assert kept, "no sentences"
    for sentence_id, (own, cut, reported) in kept.items():
        assert own == (cut if reported else None), sentence_id


def ingested(tmp_path):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    db = tmp_path / "w.db"
    run("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--published", "2024-05-07", "--db", db)
    return db


def test_ingest_keeps_the_text_of_reported_sentences_only(tmp_path):
    db = ingested(tmp_path)
    assert_in_step(db)
    kept = kept_texts(db)
    assert sum(1 for own, _, _ in kept.values() if own) >= 2
    assert sum(1 for own, _, _ in kept.values() if own is None) >= 2
    # What a lookup shows is that text, at the offsets of the stored document.
    events = json.loads(run("list", "--json", "--db", db))
    sources = [s for e in events for s in e["sources"]]
    assert {s["sentence"] for s in sources} == {own for own, _, _ in kept.values() if own}


def test_redating_splitting_merging_and_undoing_keep_the_texts_in_step(tmp_path):
    db = ingested(tmp_path)
    events = json.loads(run("list", "--json", "--db", db))
    merged = next(e for e in events if len(e["sources"]) == 2)
    run("split", merged["id"], 2, "--db", db)
    assert_in_step(db)
    run("edits", "undo", "--db", db)
    assert_in_step(db)
    run("redate", "a.txt", "2024-06-10", "--db", db)  # its reports are deleted and written again
    assert_in_step(db)
    assert {s["sentence"] for e in json.loads(run("list", "--json", "--db", db)) for s in e["sources"]} == {
        own for own, _, _ in kept_texts(db).values() if own}


def test_reports_written_or_removed_by_another_tool_keep_the_texts_in_step(tmp_path):
    db = ingested(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    silent = conn.execute("SELECT id, doc_id FROM sentences WHERE reported_text IS NULL ORDER BY id").fetchone()
    event_id = conn.execute("SELECT MIN(event_id) FROM event_sources").fetchone()[0]
    timex_id = conn.execute("SELECT MIN(id) FROM timexes WHERE id NOT IN"
                            " (SELECT timex_id FROM event_sources WHERE event_id = ?)", [event_id]).fetchone()[0]
    with conn:
        conn.execute("INSERT INTO event_sources(event_id, timex_id, sentence_id, doc_id, clause_tokens, clause_entities)"
                     " VALUES (?, ?, ?, ?, '[]', '[]')", (event_id, timex_id, silent[0], silent[1]))
    assert kept_texts(db)[silent[0]][0] is not None
    assert_in_step(db)
    with conn:  # the added report moves to the last sentence, which reports nothing
        conn.execute("UPDATE event_sources SET sentence_id = (SELECT MAX(id) FROM sentences) WHERE timex_id = ?",
                     [timex_id])
    assert kept_texts(db)[silent[0]][0] is None
    assert_in_step(db)
    with conn:
        conn.execute("DELETE FROM events WHERE id = ?", [event_id])  # its reports go by cascade
    conn.close()
    assert_in_step(db)
