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
