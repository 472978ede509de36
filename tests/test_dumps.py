"""Dumps of many articles: JSON arrays, JSON Lines, CSV and zips, streamed row by row."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile

import pytest
from click.testing import CliRunner

from waqai.extract import dumps
from waqai.extract.dumps import BadRow, DumpArticle, DumpError, FieldMap, read_dump
from waqai.tui.cli import main

ONE = "أعلنت وزارة الدفاع أمس الأربعاء إسقاط طائرة مسيرة قرب الحدود."
TWO = "وصل وفد الوساطة إلى مسقط يوم الأحد الماضي لبحث وقف إطلاق النار."
THREE = "عقد مجلس النواب جلسة طارئة اليوم لمناقشة الموازنة."


def rows():
    return [
        {"title": "طائرة مسيرة", "content": ONE, "date_extracted": "2015-07-23 06:31:33", "url": "http://a.example/1", "source": "a"},
        {"headline": "وساطة", "text": TWO, "date": "2015-07-24T10:00:00+03:00", "source_domain": "b.example"},
        {"title": "جلسة", "maintext": THREE, "published": "2015-07-25"},
    ]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def stored(db):
    conn = sqlite3.connect(db)
    return conn.execute("SELECT name, title, source, url, published, text FROM documents ORDER BY id").fetchall()


def test_json_array_rows_keep_their_position_dates_and_metadata(tmp_path):
    dump = tmp_path / "day.json"
    dump.write_text(json.dumps(rows(), ensure_ascii=False, indent=1), encoding="utf-8")
    db = tmp_path / "w.db"
    result = run("ingest", dump, "--db", db)
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output
    docs = stored(db)
    assert [d[0] for d in docs] == ["day.json#0", "day.json#1", "day.json#2"]
    assert docs[0][1:5] == ("طائرة مسيرة", "a", "http://a.example/1", "2015-07-23")
    assert docs[1][1:5] == ("وساطة", "b.example", None, "2015-07-24")
    assert docs[2][4] == "2015-07-25" and docs[2][5] == THREE
    events = json.loads(run("list", "--json", "--db", db).output)
    assert "2015-07-22" in {e["value"] for e in events}  # أمس الأربعاء from 2015-07-23


def test_jsonl_bad_rows_are_reported_by_line_and_skipped(tmp_path):
    lines = [json.dumps(rows()[0], ensure_ascii=False), "{not json", "", json.dumps({"title": "x"}),
             json.dumps({"content": TWO, "date": "yesterday"}), json.dumps([1, 2]), json.dumps(rows()[2], ensure_ascii=False)]
    dump = tmp_path / "feed.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    result = run("ingest", dump, "--db", db)
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.output and "4 bad dump rows skipped" in result.output
    assert "skipped feed.jsonl:2: not JSON" in result.output
    assert "skipped feed.jsonl:4: no article text" in result.output
    assert "skipped feed.jsonl:5: date 'yesterday' is not YYYY-MM-DD" in result.output
    assert "skipped feed.jsonl:6: a list, not an object" in result.output
    assert "Traceback" not in result.output
    assert [d[0] for d in stored(db)] == ["feed.jsonl:1", "feed.jsonl:7"]


def test_csv_with_field_override_and_multiline_bodies(tmp_path):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["headline", "body", "day"])
    writer.writeheader()
    writer.writerow({"headline": "طائرة", "body": ONE + "\n" + THREE, "day": "2015-07-23"})
    writer.writerow({"headline": "وساطة", "body": TWO, "day": "2015-07-24"})
    dump = tmp_path / "export.csv"
    dump.write_text(buffer.getvalue(), encoding="utf-8-sig")
    db = tmp_path / "w.db"
    result = run("ingest", dump, "--field", "content=body", "--field", "published=day", "--db", db)
    assert result.exit_code == 0, result.output
    docs = stored(db)
    assert [(d[0], d[4]) for d in docs] == [("export.csv:2", "2015-07-23"), ("export.csv:4", "2015-07-24")]
    assert docs[0][5] == ONE + "\n" + THREE


def test_zip_of_daily_json_arrays_ingests_in_one_command_and_again_skips(tmp_path):
    archive = tmp_path / "2015-07-23.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("2015-07-23.json", json.dumps(rows()[:2], ensure_ascii=False))
        z.writestr("notes/readme.txt", "not a dump member")
    db = tmp_path / "w.db"
    result = run("ingest", archive, "--db", db)
    assert result.exit_code == 0, result.output
    assert [d[0] for d in stored(db)] == ["2015-07-23.zip!2015-07-23.json#0", "2015-07-23.zip!2015-07-23.json#1"]
    again = run("ingest", archive, "--db", db)
    assert "0 documents" in again.output and "2 skipped" in again.output


@pytest.mark.parametrize("content, message", [
    (b"[" + json.dumps({"content": ONE}).encode() + b", {broken", "JSON broken at element #1"),
    (b'{"content": "x"}', "not a JSON array of articles"),
    (b"[\xff\xfe]", "not UTF-8"),
])
def test_a_broken_dump_stores_nothing_and_says_where(tmp_path, content, message):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"content": ONE, "date": "2015-07-23"}, ensure_ascii=False) + "\n", encoding="utf-8")
    dump = tmp_path / "bad.json"
    dump.write_bytes(content)
    db = tmp_path / "w.db"
    result = run("ingest", good, dump, "--db", db)
    assert result.exit_code == 2
    assert message in result.output and "bad.json" in result.output
    assert "Traceback" not in result.output
    assert not db.exists() or stored(db) == []


def test_a_bad_field_option_is_one_line(tmp_path):
    dump = tmp_path / "a.jsonl"
    dump.write_text("{}\n", encoding="utf-8")
    result = run("ingest", dump, "--field", "body", "--db", tmp_path / "w.db")
    assert result.exit_code == 2 and "ROLE=FIELD" in result.output


def test_a_zip_without_dumps_is_refused(tmp_path):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.pdf", b"%PDF")
    result = run("ingest", archive, "--db", tmp_path / "w.db")
    assert result.exit_code == 2 and "holds no .json" in result.output


def test_json_array_streams_across_chunk_boundaries(tmp_path, monkeypatch):
    # Tiny chunks put every boundary inside strings, numbers, escapes and whitespace.
    monkeypatch.setattr(dumps, "_CHUNK", 3)
    data = [{"content": ONE + ' "مقتبس" \\ ]', "n": 123456789, "date": "2015-07-23"}, {"content": TWO, "n": [1, {"a": "]"}]}]
    dump = tmp_path / "d.json"
    dump.write_text("  [ " + " ,\n ".join(json.dumps(r, ensure_ascii=False) for r in data) + " ]  ", encoding="utf-8")
    got = list(read_dump(dump))
    assert [type(g) for g in got] == [DumpArticle, DumpArticle]
    assert got[0].text == data[0]["content"] and got[1].text == TWO and got[0].locator == "d.json#0"


def test_empty_array_and_bad_elements(tmp_path):
    dump = tmp_path / "d.json"
    dump.write_text("[]", encoding="utf-8")
    assert list(read_dump(dump)) == []
    dump.write_text('[{"content": ""}, 5]', encoding="utf-8")
    assert [type(g) for g in read_dump(dump)] == [BadRow, BadRow]


def test_field_map_defaults_and_overrides():
    fields = FieldMap.parse(["title=name"])
    assert fields.get({"name": "x", "title": "y"}, "title") == "x"
    assert fields.get({"maintext": "m"}, "content") == "m"
    with pytest.raises(DumpError):
        FieldMap.parse(["colour=red"])
