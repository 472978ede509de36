"""Small inputs at the edges: huge numbers, empty values, files that are not what they claim."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main

ARTICLE = "هجوم على قاعدة\nأعلنت كتائب حزب الله أمس الثلاثاء مسؤوليتها عن قصف قاعدة التنف.\n"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def one_clean_line(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    return result.output


# --- item 14: numbers beyond SQLite's integers ----------------------------------------------------


@pytest.mark.parametrize("args", [["show", str(10**30)], ["list", "--limit", str(10**23)],
                                  ["search", "كالسو", "--limit", str(10**23)], ["export", "--limit", str(10**19)]])
def test_numbers_out_of_range_are_clean_errors(bundled_db, args):
    output = one_clean_line(run(*args, "--db", bundled_db))
    assert "range" in output


def test_the_largest_allowed_limit_works(bundled_db):
    result = run("list", "--json", "--limit", str(2**63 - 1), "--db", bundled_db)
    assert result.exit_code == 0 and json.loads(result.output)


# --- item 16: empty values and files ------------------------------------------------------------


def test_an_unclosed_comment_is_not_stored_as_text():
    from waqai.extract.html import parse_page

    page = parse_page("<p>أعلن الجيش سيطرته على المدينة.</p><!-- ملاحظة المحرر: لا تنشر <p>سري</p>")
    assert page.text == "أعلن الجيش سيطرته على المدينة.\n"


def test_empty_files_are_skipped_and_counted(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    db = tmp_path / "w.db"
    result = run("ingest", tmp_path, "--published", "2024-01-31", "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "2 empty files skipped" in result.output
    assert sqlite3.connect(db).execute("SELECT name FROM documents").fetchall() == [("a.txt",)]


@pytest.mark.parametrize("args", [["ingest", "{a}", "--published", ""], ["extract", "{a}", "--dct", ""]])
def test_an_empty_date_option_is_refused(tmp_path, args):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    output = one_clean_line(run(*[a.format(a=tmp_path / "a.txt") for a in args], "--db", tmp_path / "w.db")
                            if args[0] == "ingest" else run(*[a.format(a=tmp_path / "a.txt") for a in args]))
    assert "bad publication date ''" in output
    assert not (tmp_path / "w.db").exists()


def test_extract_refuses_what_ingest_refuses(tmp_path):
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.7\n" + "تاريخ 5 حزيران 2014".encode())
    output = one_clean_line(run("extract", tmp_path / "paper.pdf", "--dct", "2024-01-31"))
    assert "unsupported file type '.pdf'" in output


# --- item 15: gold files, data overrides and output encodings -----------------------------------


@pytest.mark.parametrize("line,field", [
    ('{"doc": 5, "timexes": []}', "doc"),
    ('{"doc": "a.txt", "timexes": "x"}', "timexes"),
    ('{"doc": "a.txt", "timexes": [5]}', "timexes[0]"),
    ('{"doc": "a.txt", "timexes": [{"start": "x", "end": 3, "text": "أمس"}]}', "timexes[0].start"),
    ('{"doc": "a.txt", "timexes": [{"start": 0, "end": 3, "text": 7}]}', "timexes[0].text"),
    ('{"doc": "a.txt", "timexes": [], "dct": 20240131}', "dct"),
    ('{"doc": "a.txt", "timexes": [], "text": 5}', "text"),
    ('{"doc": "a.txt"}', "timexes"),
    ("[1, 2]", "object"),
])
def test_a_gold_line_of_the_wrong_shape_names_the_field(tmp_path, line, field):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(line + "\n", encoding="utf-8")
    output = one_clean_line(run("eval", tmp_path / "gold.jsonl"))
    assert "gold.jsonl:1: not a gold document" in output and field in output


def test_a_gold_file_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / "gold.jsonl").write_bytes(b'{"doc": "\xff"}\n')
    assert "cannot read the gold file" in one_clean_line(run("eval", tmp_path / "gold.jsonl"))


@pytest.mark.parametrize("relative,content,field", [
    ("gazetteer.json", "{bad", "not a readable JSON data file"),
    ("gazetteer.json", '{"entities": [{"id": "x"}]}', "entities[0] lacks 'kind'"),
    ("gazetteer.json", '{"entities": 5}', "entities must be a list"),
    ("lexicon/weekdays.json", '{"weekdays": 5}', "weekdays must be an object"),
    ("lexicon/months.json", '{"gregorian": {}}', "lacks 'hijri'"),
])
def test_a_malformed_data_override_is_one_line_naming_file_and_field(tmp_path, monkeypatch, relative, content, field):
    from waqai.extract import lexicon

    override = tmp_path / "data"
    (override / relative).parent.mkdir(parents=True, exist_ok=True)
    (override / relative).write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("WAQAI_DATA_DIR", str(override))
    for cached in (lexicon.load_json,):
        cached.cache_clear()
    import waqai.extract.gazetteer as gazetteer_module
    import waqai.extract.patterns as patterns_module
    import waqai.extract.segment as segment_module

    for module in (gazetteer_module, patterns_module, segment_module):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
    try:
        output = one_clean_line(run("ingest", tmp_path / "a.txt", "--published", "2024-01-31", "--db", tmp_path / "w.db"))
        assert str(override / relative) in output and field in output
        assert sqlite3.connect(tmp_path / "w.db").execute("SELECT COUNT(*) FROM documents").fetchone() == (0,)
    finally:
        monkeypatch.delenv("WAQAI_DATA_DIR")
        for module in (lexicon, gazetteer_module, patterns_module, segment_module):
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()


def test_every_bundled_data_file_passes_its_own_shape_check():
    import json
    from pathlib import Path

    from waqai.extract.data_shape import check_shape
    from waqai.extract.lexicon import data_path

    for path in [*Path(data_path("lexicon")).glob("*.json"), Path(data_path("gazetteer.json"))]:
        data = json.loads(path.read_text(encoding="utf-8"))
        check_shape(data, data)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_an_output_encoding_without_arabic_is_one_line(tmp_path, encoding):
    import os
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "waqai.tui.cli", "extract", str(tmp_path / "a.txt"), "--dct", "2024-01-31"],
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": encoding}, timeout=60)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(b"Error: standard output uses the ") and line.endswith(b"set PYTHONIOENCODING=utf-8")


@pytest.mark.parametrize("make,message", [
    (lambda p: p / "missing.txt", "missing.txt: no such file"),
    (lambda p: p, "a folder"),
])
def test_extract_says_what_is_wrong_with_a_path(tmp_path, make, message):
    output = one_clean_line(run("extract", make(tmp_path), "--dct", "2024-01-31"))
    assert message in output
    assert "unsupported file type" not in output


@pytest.mark.parametrize("args,message", [
    (["--from", "2024", "--to", "2020"], "--from 2024 is after --to 2020"),
    (["--entity", " "], "an empty --entity"),
])
def test_list_refuses_filters_that_cannot_mean_anything(bundled_db, args, message):
    output = one_clean_line(run("list", "--db", bundled_db, *args))
    assert message in output
