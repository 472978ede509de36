"""Ingest: idempotence, manifests, one transaction per document, clear refusals."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main

ARTICLE = "هجوم على قاعدة\nأعلنت كتائب حزب الله أمس الثلاثاء مسؤوليتها عن قصف قاعدة التنف.\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def counts(db):
    conn = sqlite3.connect(db)
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "sentences", "timexes", "events")}


def test_ingest_a_file_with_published_date_and_summary(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "w.db"
    result = run("ingest", article, "--published", "2024-01-31", "--source", "test", "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "1 new events" in result.output
    (event,) = json.loads(run("list", "--json", "--db", db).output)
    assert event["value"] == "2024-01-30" and event["sources"][0]["published"] == "2024-01-31"


def test_ingest_is_idempotent_by_content(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy.md").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "w.db"
    assert run("ingest", tmp_path / "a.txt", tmp_path / "copy.md", "--db", db).exit_code == 0
    before = counts(db)
    second = run("ingest", tmp_path / "a.txt", "--db", db)
    assert "1 skipped" in second.output
    assert counts(db) == before and before["documents"] == 1


def test_folder_with_manifest(tmp_path, corpus_dir):
    folder = tmp_path / "corpus"
    shutil.copytree(corpus_dir, folder)
    db = tmp_path / "w.db"
    assert run("ingest", folder, "--db", db).exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT published, source FROM documents WHERE name LIKE '004%'").fetchone() == ("2024-04-22", "الشرق")


@pytest.mark.parametrize("setup,message", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: (p / "x.pdf").write_bytes(b"%PDF") and p / "x.pdf", "unsupported file type"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "no .txt, .md or .html"),
    (lambda p: (p / "bin.txt").write_bytes(b"\x00\x01\x02binary") and p / "bin.txt", "binary"),
])
def test_bad_input_is_refused_with_exit_2_and_nothing_stored(tmp_path, setup, message):
    target = setup(tmp_path)
    db = tmp_path / "w.db"
    result = run("ingest", target, "--db", db)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert not db.exists() or counts(db)["documents"] == 0


def test_a_manifest_with_a_bad_date_stores_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("نص آخر عن 5 حزيران 2014 في الموصل.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"documents": [{"file": "b.txt", "published": "2024-02-30"}]}))
    db = tmp_path / "w.db"
    result = run("ingest", tmp_path, "--db", db)
    assert result.exit_code == 2 and "bad publication date" in result.output
    assert not db.exists() or counts(db)["documents"] == 0


def test_legacy_arabic_encoding_is_detected(tmp_path):
    (tmp_path / "old.txt").write_bytes("قصفت الطائرات القاعدة في 5 حزيران 2014.".encode("cp1256"))
    db = tmp_path / "w.db"
    assert run("ingest", tmp_path / "old.txt", "--db", db).exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT encoding FROM documents").fetchone() == ("cp1256",)
    assert json.loads(run("list", "--json", "--db", db).output)[0]["value"] == "2014-06-05"


def test_a_failure_inside_a_document_leaves_no_half_stored_document(tmp_path, monkeypatch):
    from waqai.store import ingest as ingest_module

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "w.db"

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest_module, "_store_event", boom)
    with pytest.raises(RuntimeError):
        from waqai.store.db import open_db

        from datetime import date

        ingest_module.ingest(open_db(db), ingest_module.collect([tmp_path / "a.txt"], published=date(2024, 1, 31)))
    assert counts(db) == {"documents": 0, "sentences": 0, "timexes": 0, "events": 0}
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


# --- round two: every field is checked before the first write -----------------------------------

EARLIER = "تقرير أول\nأعلن الجيش في 5 حزيران 2014 سيطرته على المدينة بالكامل.\n"
RELATIVE = "تقرير ثان\nقصفت الطائرات مواقع المسلحين أمس، وقال قائد ميداني إنهم سيعودون غدا إلى المنطقة.\n"


def _folder_with_manifest(tmp_path, rows: dict[str, dict]):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EARLIER, encoding="utf-8")
    (folder / "b.txt").write_text(RELATIVE, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"documents": [{"file": k, **v} for k, v in rows.items()]}),
                                          encoding="utf-8")
    return folder


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_an_edge_publication_date_in_a_manifest_stores_every_document(tmp_path, day):
    folder = _folder_with_manifest(tmp_path, {"a.txt": {"published": "2014-06-10"}, "b.txt": {"published": day}})
    db = tmp_path / "w.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert counts(db)["documents"] == 2
    conn = sqlite3.connect(db)
    # Dates beyond the calendar cannot be placed: the expressions are kept, unresolved.
    values = dict(conn.execute("SELECT t.text, t.value FROM timexes t JOIN documents d ON d.id = t.doc_id"
                               " WHERE d.name = 'b.txt'").fetchall())
    assert values["أمس" if day.startswith("0001") else "غدا"] == ""


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_an_edge_published_option_or_meta_date_is_not_a_crash(tmp_path, day):
    (tmp_path / "b.txt").write_text(RELATIVE, encoding="utf-8")
    (tmp_path / "c.html").write_text(f'<meta name="pubdate" content="{day}"><p>{RELATIVE}</p>', encoding="utf-8")
    db = tmp_path / "w.db"
    assert run("ingest", tmp_path / "b.txt", "--published", day, "--db", db).exit_code == 0
    assert run("ingest", tmp_path / "c.html", "--db", db).exit_code == 0
    assert counts(db)["documents"] == 2
    assert run("extract", tmp_path / "b.txt", "--dct", day).exit_code == 0


@pytest.mark.parametrize("row,message", [
    ({"source": 42}, "source"),
    ({"source": ["الشرق"]}, "source"),
    ({"url": {"x": 1}}, "url"),
    ({"published_estimated": "no"}, "published_estimated"),
    ({"published": 20240131}, "published"),
])
def test_a_manifest_field_of_the_wrong_type_stores_nothing(tmp_path, row, message):
    folder = _folder_with_manifest(tmp_path, {"a.txt": {"published": "2014-06-10"}, "b.txt": row})
    db = tmp_path / "w.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 2, result.output
    assert message in result.output and "b.txt" in result.output and "Traceback" not in result.output
    assert not db.exists() or counts(db)["documents"] == 0


def test_a_file_name_that_is_not_utf8_stores_nothing(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EARLIER, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"b\xff.txt"), "w", encoding="utf-8") as handle:
        handle.write(RELATIVE)
    db = tmp_path / "w.db"
    result = run("ingest", folder, "--published", "2024-01-31", "--db", db)
    assert result.exit_code == 2, result.output
    assert "not valid UTF-8" in result.output and "Traceback" not in result.output
    assert not db.exists() or counts(db)["documents"] == 0


def test_a_deeply_nested_json_ld_block_is_ignored_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "a.txt").write_text(EARLIER, encoding="utf-8")
    (tmp_path / "deep.html").write_text(f'<script type="application/ld+json">{deep}</script><p>{RELATIVE}</p>',
                                        encoding="utf-8")
    db = tmp_path / "w.db"
    result = run("ingest", tmp_path / "a.txt", tmp_path / "deep.html", "--db", db)
    assert result.exit_code == 0, result.output
    assert counts(db)["documents"] == 2


@pytest.mark.parametrize("value,expected", [(True, 1), (False, 0)])
def test_published_estimated_must_be_a_boolean(tmp_path, value, expected):
    folder = _folder_with_manifest(tmp_path, {"b.txt": {"published": "2024-01-31", "published_estimated": value}})
    db = tmp_path / "w.db"
    assert run("ingest", folder, "--db", db).exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT published_estimated FROM documents WHERE name = 'b.txt'").fetchone() == (expected,)


def test_an_article_whose_analysis_fails_is_named_and_the_others_are_stored(tmp_path, folder_with_a_failing_article):
    # A bug on one article of an archive must not throw away the thousands around it.
    folder = folder_with_a_failing_article
    db = tmp_path / "w.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "failed b.txt: waqai failed to analyse it (IndexError: list index out of range)" in result.output
    assert "1 documents" in result.output and "1 articles waqai failed to analyse" in result.output
    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM documents")]
    assert names == ["a.txt"]
