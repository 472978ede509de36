"""Schema 6: sentences cut from their document, a contentless full-text index kept in step,
and sqlite-utils imported by writers only."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from click.testing import CliRunner

from waqai.tui.cli import main

BRIDGE = ("افتتح المجلس البلدي أمس جسرا جديدا فوق النهر في وسط المدينة.\n"
          "وقال رئيس المجلس إن الجسر سيخفف الازدحام عن الطريق الساحلي.\n")
ROAD = ("افتتح وزير النقل الثلاثاء الماضي طريقا سريعا يربط الميناء بالمطار.\n"
        "وأكد الوزير أن الطريق سيختصر زمن الرحلة إلى نصف ساعة.\n")


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_lookups_and_the_explorer_start_without_importing_sqlite_utils(edited_db, tmp_path):
    code = f"""
import asyncio, sys
from click.testing import CliRunner
from waqai.tui.cli import main
db = {str(edited_db)!r}
for args in (["list", "--json"], ["list", "--on", "2021"], ["show", "1"], ["search", "قصف"], ["stats"]):
    result = CliRunner().invoke(main, [*args, "--db", db])
    assert result.exit_code == 0, result.output
from waqai.store.db import open_for_lookup
from waqai.tui.app import WaqaiApp
async def start():
    async with WaqaiApp(open_for_lookup(db)).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
asyncio.run(start())
print("after lookups:", "sqlite_utils" in sys.modules)
(folder := __import__("pathlib").Path({str(tmp_path)!r})).joinpath("a.txt").write_text({BRIDGE!r}, encoding="utf-8")
result = CliRunner().invoke(main, ["ingest", str(folder / "a.txt"), "--published", "2024-05-02",
                                   "--db", str(folder / "new.db")])
assert result.exit_code == 0, result.output
print("after ingest:", "sqlite_utils" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    # The second line shows the check can see the import: a writer does load it.
    assert result.stdout.splitlines()[-2:] == ["after lookups: False", "after ingest: True"]


def _hits(db, word: str) -> list[str]:
    return [h["sentence"] for h in json.loads(run("search", word, "--json", "--db", db))]


def _vocabulary(db) -> list[tuple]:
    """Each indexed word with the number of sentences and occurrences the index counts for it."""
    conn = sqlite3.connect(db)
    conn.execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, sentences_fts, 'row')")
    rows = conn.execute("SELECT term, doc, cnt FROM temp.vocabulary ORDER BY term").fetchall()
    conn.close()
    return rows


def test_redating_documents_keeps_the_full_text_index_in_step(tmp_path):
    (tmp_path / "a.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ROAD, encoding="utf-8")
    db, fresh = tmp_path / "w.db", tmp_path / "fresh.db"
    for path in (db, fresh):
        run("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--published", "2024-05-02", "--db", path)
    before = _hits(db, "الطريق")
    assert len(before) == 2 and len(set(before)) == 2
    # Redating replaces a document's sentences: the first one's come back under new ids,
    # the last one's under the same ids. Entries left behind would stay in the index.
    run("redate", "a.txt", "2024-06-10", "--db", db)
    run("redate", "b.txt", "2024-06-10", "--db", db)
    assert sorted(_hits(db, "الطريق")) == sorted(before)
    assert _hits(db, "الوزير") == [ROAD.splitlines()[1]]
    assert _vocabulary(db) == _vocabulary(fresh)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 0)")
    assert conn.execute("SELECT COUNT(*) FROM sentences_fts_docsize").fetchone()[0] == 4
    conn.close()


def test_a_nul_in_a_dump_row_is_stored_as_a_replacement_character_and_sentences_still_cut(tmp_path):
    text = "وصل الوفد\x00 إلى العاصمة أمس الأحد لبحث الاتفاق.\nوقال رئيس الوفد إن المحادثات بناءة.\n"
    dump = tmp_path / "rows.jsonl"
    dump.write_text(json.dumps({"title": "وفد", "content": text, "date": "2024-03-04"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    db = tmp_path / "w.db"
    run("ingest", dump, "--db", db)
    stored = sqlite3.connect(db).execute("SELECT text FROM documents").fetchone()[0]
    assert stored == text.replace("\x00", "\ufffd")
    sources = [s for e in json.loads(run("list", "--json", "--db", db)) for s in e["sources"]]
    assert sources and all(stored[s["start"]:s["end"]] == s["sentence"] for s in sources)
    assert _hits(db, "المحادثات") == ["وقال رئيس الوفد إن المحادثات بناءة."]


def test_a_date_lookup_does_not_import_the_article_reader(edited_db):
    # The reader and its decoders cost a cold lookup about 4 ms; only reading articles needs them.
    code = f"""
import sys
from waqai.tui.cli import main
sys.argv = ["waqai", "list", "--on", "2021", "--json", "--db", {str(edited_db)!r}]
try:
    main()
except SystemExit:
    pass
print(sorted(m for m in ("waqai.extract.reader", "waqai.extract.decode") if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
