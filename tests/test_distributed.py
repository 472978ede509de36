"""ingest --dask: extraction on a Dask cluster gives the database a local ingest gives."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from db_contents import contents
from waqai.tui.cli import main

distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install -e '.[dask]'")

ROWS = [
    {"title": "انسحاب", "content": "وقالت مصادر محلية إن كتائب سيد الشهداء انسحبت من سورية أواخر يونيو/ حزيران الماضي.",
     "date": "2021-08-12"},
    {"title": "معرض", "content": "افتتح معرض الكتاب أبوابه في 9 شباط 2022 بمشاركة مئة دار نشر.", "date": "2022-02-10"},
    {"title": "معرض", "content": "افتتح معرض الكتاب أبوابه في 9 شباط 2022 بمشاركة مئة دار نشر.", "date": "2022-02-10"},
]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=3, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, corpus_dir):
    folder = tmp_path_factory.mktemp("dask-inputs")
    shutil.copytree(corpus_dir, folder / "corpus")
    (folder / "rows.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS), encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><meta property='article:published_time' content='2023-03-02'></head><body><nav>الرئيسية</nav>"
        "<h1>لقاء</h1><p>التقى وفد من أربيل مسؤولين في بغداد أمس الأربعاء.</p></body></html>", encoding="utf-8")
    # windows-1256 bytes: the stored encoding must come from the file, not from the task
    (folder / "old.txt").write_bytes("عاد الوفد إلى بغداد في 12 نيسان 2019 بعد جولة طويلة.\n".encode("cp1256"))
    return [folder / "corpus", folder / "rows.jsonl", folder / "page.html", folder / "old.txt"]


def test_dask_ingest_gives_the_same_database_as_a_local_ingest(tmp_path, cluster, inputs):
    local, remote = tmp_path / "local.db", tmp_path / "dask.db"
    expected = run("ingest", *inputs, "--db", local, "--jobs", "2")
    assert expected.exit_code == 0, expected.output
    result = run("ingest", *inputs, "--db", remote, "--dask", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert result.output == expected.output  # same counts, merges and skips
    assert contents(remote) == contents(local)
    conn = sqlite3.connect(remote)
    assert conn.execute("SELECT encoding FROM documents WHERE name = 'old.txt'").fetchone() == ("cp1256",)
    assert conn.execute("SELECT published FROM documents WHERE name = 'page.html'").fetchone() == ("2023-03-02",)
    names = [r[0] for r in sqlite3.connect(local).execute("SELECT name FROM documents ORDER BY id")]
    assert [r[0] for r in conn.execute("SELECT name FROM documents ORDER BY id")] == names  # input order


def test_stored_texts_are_not_sent_to_the_cluster(tmp_path, cluster, inputs, monkeypatch):
    from waqai.store import distributed as module

    db = tmp_path / "w.db"
    assert run("ingest", inputs[1], "--db", db, "--dask", cluster.scheduler_address).exit_code == 0
    sent = tmp_path / "sent.txt"  # tasks are serialized even in process: they report through a file
    original = module.remote_analysis

    def counted(article):
        with open(sent, "a", encoding="utf-8") as handle:
            handle.write(article.name + "\n")
        return original(article)

    monkeypatch.setattr(module, "remote_analysis", counted)
    result = run("ingest", inputs[1], inputs[2], "--db", db, "--dask", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "3 skipped" in result.output
    assert sent.read_text(encoding="utf-8").split() == ["page.html"]


def test_a_small_window_keeps_input_order(tmp_path, cluster, inputs):
    from waqai.store.db import open_for_writing
    from waqai.store.distributed import dask_runner
    from waqai.store.ingest import collect, ingest

    db = open_for_writing(tmp_path / "w.db")
    summary = ingest(db, collect(inputs), runner=dask_runner(cluster.scheduler_address, window=1))
    assert summary.documents == 9 and summary.skipped == 1
    local = open_for_writing(tmp_path / "local.db")
    ingest(local, collect(inputs))
    assert contents(db.path) == contents(local.path)


def test_an_unreachable_scheduler_is_a_readable_error(tmp_path, inputs):
    from waqai.store.db import open_for_writing
    from waqai.store.distributed import dask_runner
    from waqai.store.errors import StoreError
    from waqai.store.ingest import collect, ingest

    db = open_for_writing(tmp_path / "w.db")
    with pytest.raises(StoreError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        ingest(db, collect([inputs[3]]), runner=dask_runner("tcp://127.0.0.1:9", connect_timeout="1s"))
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
