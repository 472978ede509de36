"""extract --jsonl + load: the same database as ingest, every line checked before the first write."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from db_contents import contents
from waqai.store.ingest import Article, prepare
from waqai.store.records import VERSION, prepared_from_record, record
from waqai.tui.cli import main

# A dump with a merge partner for the corpus, a repeated text and a row without text.
DUMP_ROWS = [
    {"title": "قصف", "content": "وقالت مصادر محلية إن كتائب سيد الشهداء انسحبت من سورية أواخر يونيو/ حزيران الماضي.",
     "date": "2021-08-12", "source": "وكالة"},
    {"title": "سوق", "content": "افتتحت البلدية سوقا شعبية جديدة في 4 تموز 2021 وسط المدينة.", "date": "2021-07-05"},
    {"title": "سوق", "content": "افتتحت البلدية سوقا شعبية جديدة في 4 تموز 2021 وسط المدينة.", "date": "2021-07-05"},
    {"title": "فارغ", "date": "2021-07-05"},
]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, corpus_dir):
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copytree(corpus_dir, folder / "corpus")
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in DUMP_ROWS) + "\n",
                                       encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>صفحة</title></head><body><nav>الرئيسية</nav><h1>اجتماع</h1>"
        "<p>اجتمع وفد من أربيل مع مسؤولين في بغداد يوم الأحد الماضي.</p></body></html>", encoding="utf-8")
    return [folder / "corpus", folder / "feed.jsonl", folder / "page.html"]


def test_extract_jsonl_then_load_gives_the_database_ingest_gives(tmp_path, inputs):
    ingested, loaded = tmp_path / "ingested.db", tmp_path / "loaded.db"
    result = run("ingest", *inputs, "--published", "2024-04-23", "--db", ingested)
    assert result.exit_code == 0, result.output
    extracted = run("extract", "--jsonl", *inputs, "--dct", "2024-04-23")
    assert extracted.exit_code == 0, extracted.output
    lines = [line for line in extracted.stdout.splitlines() if line]
    assert len(lines) == 5 + 3 + 1  # corpus, usable dump rows (one repeated), the page
    records = tmp_path / "part-0.jsonl"
    records.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "part-1.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines[4:]) + "\n")
    result = run("load", records, tmp_path / "part-1.jsonl.gz", "--db", loaded)
    assert result.exit_code == 0, result.output
    assert "1 skipped" in result.output  # the repeated dump row, as in ingest
    expected, got = contents(ingested), contents(loaded)
    assert got == expected
    assert any(len(e[1]) > 1 for e in got["events"]), "the corpus has merged events"
    assert run("load", records, "--db", loaded).output.startswith("0 documents")


def test_record_shape_is_versioned_and_self_checking(tmp_path, corpus_dir):
    item = prepare(Article(sorted(corpus_dir.glob("*.txt"))[0]))
    data = json.loads(json.dumps(record(item), ensure_ascii=False))
    assert data["format"] == "waqai-extract" and data["version"] == VERSION
    sentence = data["sentences"][1]
    assert data["text"][sentence["start"]:sentence["end"]]
    event = data["events"][0]
    assert data["timexes"][event["timex"]]["begin"] and event["sentence"] in {s["index"] for s in data["sentences"]}
    again = prepared_from_record(data)
    assert again.digest == item.digest and again.analysis.timexes == item.analysis.timexes
    assert [c.title for c in again.analysis.events] == [c.title for c in item.analysis.events]


@pytest.mark.parametrize("damage,message", [
    (lambda r: r.update(text=r["text"] + "x"), "sha256 does not match"),
    (lambda r: r.update(version=VERSION + 1), "upgrade waqai"),
    (lambda r: r.update(format="other"), "not a waqai extraction record"),
    (lambda r: r["timexes"][0].update(start=r["timexes"][0]["start"] + 1), "not the text at its offsets"),
    (lambda r: r["events"][0].update(entities=["no-such-entity"]), "not in this gazetteer"),
    (lambda r: r.pop("sentences"), "missing or malformed field"),
    (lambda r: r["sentences"][0].update(end=10**9), "offsets outside the text"),
    (lambda r: r["timexes"][0].update(value=None), "type and value must be strings"),
    (lambda r: r["events"][0].update(title=None), "event title must be a string"),
])
def test_a_bad_line_anywhere_stores_nothing(tmp_path, corpus_dir, damage, message):
    items = [record(prepare(Article(path))) for path in sorted(corpus_dir.glob("*.txt"))[:2]]
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(items[0], ensure_ascii=False) + "\n", encoding="utf-8")
    damage(items[1])
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n" + json.dumps(items[1], ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    result = run("load", good, bad, "--db", db)
    assert result.exit_code == 2
    assert "bad.jsonl:2: " in result.output and message in result.output
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0


def test_not_json_and_missing_files_are_refused(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"format": "waqai-extract"\n', encoding="utf-8")
    result = run("load", broken, "--db", tmp_path / "w.db")
    assert result.exit_code == 2 and "broken.jsonl:1" in result.output
    result = run("load", tmp_path / "missing.jsonl", "--db", tmp_path / "w.db")
    assert result.exit_code == 2 and "missing.jsonl" in result.output


def test_extract_jsonl_refuses_standard_input():
    result = run("extract", "--jsonl", "-")
    assert result.exit_code == 2 and "standard input" in result.output


def test_extract_jsonl_with_worker_processes_keeps_input_order(inputs):
    one = run("extract", "--jsonl", *inputs[:2], "--dct", "2024-04-23")
    two = run("extract", "--jsonl", *inputs[:2], "--dct", "2024-04-23", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert two.stdout == one.stdout
    assert [json.loads(line)["doc"] for line in one.stdout.splitlines()][-1] == "feed.jsonl:3"


def test_extract_jsonl_lists_an_article_whose_analysis_fails_and_writes_the_others(folder_with_a_failing_article):
    result = CliRunner().invoke(main, ["extract", str(folder_with_a_failing_article), "--jsonl", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "skipped b.txt: waqai failed to analyse it (IndexError: list index out of range)" in result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["doc"] for r in records] == ["a.txt"]
