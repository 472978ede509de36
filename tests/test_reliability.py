"""Interruptions, concurrency, odd databases and terminal injection, in real processes."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from waqai.extract.pipeline import analyze
from waqai.tui.bidi import render
from terminal import run_on_a_terminal

WAQAI = [sys.executable, "-m", "waqai.tui.cli"]


def waqai(*args, env: dict | None = None, **options) -> subprocess.CompletedProcess:
    """Run the real command in a fresh process."""
    return subprocess.run([*WAQAI, *map(str, args)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, **options)


def make_archive(folder: Path, corpus_dir: Path, copies: range) -> Path:
    """Copies of the bundled articles, each made distinct by a closing line, with a manifest."""
    folder.mkdir(parents=True)
    manifest = json.loads((corpus_dir / "manifest.json").read_text(encoding="utf-8"))["documents"]
    rows = []
    for copy in copies:
        for row in manifest:
            name = f"{copy:03d}-{row['file']}"
            text = (corpus_dir / row["file"]).read_text(encoding="utf-8")
            (folder / name).write_text(text + f"\nالنسخة {copy}.\n", encoding="utf-8")
            rows.append({**row, "file": name})
    (folder / "manifest.json").write_text(json.dumps({"documents": rows}, ensure_ascii=False), encoding="utf-8")
    return folder


def document_count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def wait_for_documents(db: Path, at_least: int, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if (count := document_count(db)) >= at_least:
            return count
        time.sleep(0.02)
    raise AssertionError("the ingest never got going")


def assert_every_document_is_whole(db: Path) -> int:
    """Integrity holds and each stored document has all its sentences, timexes and event sources."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    documents = conn.execute("SELECT id, text, published FROM documents").fetchall()
    for doc_id, text, published in documents:
        from datetime import date

        expected = analyze(text, date.fromisoformat(published) if published else None)
        stored = [conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id = ?", [doc_id]).fetchone()[0]
                  for table in ("sentences", "timexes", "event_sources")]
        assert stored == [len(expected.layout.sentences), len(expected.timexes), len(expected.events)]
    return len(documents)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built_db(tmp_path_factory, corpus_dir) -> Path:
    """A database of the bundled corpus, written by a process that has exited."""
    path = tmp_path_factory.mktemp("built") / "waqai.db"
    assert waqai("ingest", corpus_dir, "--db", path).returncode == 0
    return path


def copy_db(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


# --- interruptions ------------------------------------------------------------------------------


def test_sigkill_mid_ingest_leaves_whole_documents_and_a_rerun_completes(tmp_path, corpus_dir):
    archive = make_archive(tmp_path / "archive", corpus_dir, range(40))
    db = tmp_path / "w.db"
    process = subprocess.Popen([*WAQAI, "ingest", str(archive), "--db", str(db)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_documents(db, 10, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = assert_every_document_is_whole(db)
    assert 10 <= stored < 200, "the kill must land part-way through"

    again = waqai("ingest", archive, "--db", db)
    assert again.returncode == 0, again.stderr
    assert f"{stored} skipped" in again.stdout
    assert assert_every_document_is_whole(db) == 200


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_stops_cleanly_with_a_summary(tmp_path, corpus_dir, jobs):
    archive = make_archive(tmp_path / "archive", corpus_dir, range(40))
    db = tmp_path / "w.db"
    process = subprocess.Popen([*WAQAI, "ingest", str(archive), "--db", str(db), "--jobs", str(jobs)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_documents(db, 5, process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in out and "Traceback" not in err
    stored = assert_every_document_is_whole(db)
    assert out.startswith(f"{stored} documents")


def test_a_full_disk_during_ingest_rolls_back_and_reports_what_was_stored(tmp_path, corpus_dir):
    import resource

    archive = make_archive(tmp_path / "archive", corpus_dir, range(6))
    db = tmp_path / "w.db"

    def small_disk() -> None:
        # Writes past 600 kB fail (EFBIG) as on a full disk; a few documents fit first.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (600_000, 600_000))

    result = subprocess.run([*WAQAI, "ingest", str(archive), "--db", str(db)], capture_output=True, text=True,
                            preexec_fn=small_disk, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "refused the write" in result.stderr
    stored = assert_every_document_is_whole(db)
    assert 1 <= stored < 30
    assert result.stdout.startswith(f"{stored} documents"), result.stdout


# --- concurrency --------------------------------------------------------------------------------


def test_two_ingests_at_once_both_complete_and_readers_see_consistent_events(tmp_path, corpus_dir):
    first = make_archive(tmp_path / "first", corpus_dir, range(0, 20))
    second = make_archive(tmp_path / "second", corpus_dir, range(10, 30))  # copies 10-19 in both
    db = tmp_path / "w.db"
    writers = [subprocess.Popen([*WAQAI, "ingest", str(folder), "--db", str(db)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for folder in (first, second)]
    reads = 0
    while any(w.poll() is None for w in writers):
        result = waqai("list", "--json", "--db", db)
        if result.returncode == 0:
            for event in json.loads(result.stdout):
                assert event["corroboration"] == len({s["doc"] for s in event["sources"]})
            reads += 1
        else:
            assert "no database" in result.stderr  # only before the first writer created it
    outputs = [w.communicate() for w in writers]
    for writer, (out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
        assert "locked" not in err + out
    assert reads >= 1
    assert assert_every_document_is_whole(db) == 150


# --- odd databases ------------------------------------------------------------------------------


def test_a_read_only_database_serves_lookups_and_refuses_ingest(tmp_path, built_db, corpus_dir):
    db = copy_db(built_db, tmp_path / "ro.db")
    os.chmod(db, 0o444)
    before = sha(db)
    listed = waqai("list", "--json", "--db", db)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) > 20
    assert waqai("stats", "--db", db).returncode == 0
    assert waqai("search", "كالسو", "--db", db).returncode == 0
    refused = waqai("ingest", corpus_dir, "--db", db)
    assert refused.returncode == 2 and "read-only" in refused.stderr and "Traceback" not in refused.stderr
    assert sha(db) == before


async def test_the_explorer_opens_a_read_only_database(tmp_path, built_db):
    from waqai.store.db import open_for_lookup
    from waqai.tui.app import WaqaiApp

    db = copy_db(built_db, tmp_path / "ro.db")
    os.chmod(db, 0o444)
    before = sha(db)
    app = WaqaiApp(open_for_lookup(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.model.event_count > 20
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SourcesScreen"
    assert sha(db) == before


def _leave_a_wal(db: Path) -> None:
    """A writer that changed event 1 and was killed before any checkpoint: the change is only in -wal."""
    code = ("import os, sqlite3, sys\n"
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
            "conn.execute(\"UPDATE events SET title = 'عنوان بعد التعديل' WHERE id = 1\")\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)
    assert Path(f"{db}-wal").stat().st_size > 0


def _no_shared_memory_for_readers(monkeypatch) -> None:
    """What a user without write permission on the folder gets: SQLite cannot set up a read-only WAL
    reader (root, which runs these tests, always can), so only an immutable open succeeds."""
    from waqai.store import db as db_module

    real_connect = sqlite3.connect

    def connect(target, *args, **kwargs):
        if kwargs.get("uri") and "mode=ro" in str(target) and "immutable=1" not in str(target):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(db_module.sqlite3, "connect", connect)


def test_a_read_only_database_with_a_leftover_wal_says_what_to_do(tmp_path, built_db, monkeypatch):
    from click.testing import CliRunner

    from waqai.tui.cli import main

    db = copy_db(built_db, tmp_path / "ro.db")
    _leave_a_wal(db)
    os.chmod(db, 0o444)
    before = (sha(db), sha(Path(f"{db}-wal")))
    _no_shared_memory_for_readers(monkeypatch)
    for args in (["show", "1", "--json"], ["list", "--json"], ["stats"]):
        result = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert result.exit_code == 2, (args, result.output[:300])
        assert f"{db}-wal" in result.output and "write permission" in result.output, result.output
    assert (sha(db), sha(Path(f"{db}-wal"))) == before
    monkeypatch.undo()
    os.chmod(db, 0o644)
    shown = waqai("show", "1", "--json", "--db", db)
    assert json.loads(shown.stdout)["title"] == "عنوان بعد التعديل"  # once writable, the change is there


def test_a_read_only_database_without_a_wal_is_still_read_immutably(tmp_path, built_db, monkeypatch):
    from click.testing import CliRunner

    from waqai.tui.cli import main

    db = copy_db(built_db, tmp_path / "ro.db")
    os.chmod(db, 0o444)
    _no_shared_memory_for_readers(monkeypatch)
    result = CliRunner().invoke(main, ["list", "--json", "--db", str(db)])
    assert result.exit_code == 0 and len(json.loads(result.output)) > 20


def _corrupt(db: Path) -> None:
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):
        data[offset:offset + 64] = b"\xa5" * 64
    db.write_bytes(bytes(data))


def _truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def _newer(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage,message", [
    (_corrupt, "damaged"),
    (_truncate, "damaged"),
    (_newer, "newer waqai"),
    (lambda db: db.write_bytes(b"<html>not a database</html>"), "not a SQLite database"),
])
def test_damaged_or_foreign_databases_are_refused_and_never_modified(tmp_path, built_db, corpus_dir, damage, message):
    db = copy_db(built_db, tmp_path / "odd.db")
    damage(db)
    before = sha(db)
    for args in (["list", "--json"], ["stats"], ["show", "1"], ["ingest", corpus_dir]):
        result = waqai(*args, "--db", db)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
        assert sha(db) == before


def _overwrite_one_page(db: Path, seed: int) -> None:
    """Scribble over one page past the schema, as a bad sector or a stray write would."""
    import random

    data = bytearray(db.read_bytes())
    pages = len(data) // 4096
    page = random.Random(seed).randrange(2, pages)
    data[page * 4096:(page + 1) * 4096] = random.Random(seed).randbytes(4096)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("seed", [3, 4, 7, 8])  # pages the old ingest wrote past
def test_ingest_never_writes_into_a_database_with_one_damaged_page(tmp_path, built_db, seed):
    db = copy_db(built_db, tmp_path / "odd.db")
    _overwrite_one_page(db, seed)
    try:
        damaged = sqlite3.connect(db).execute("PRAGMA quick_check").fetchone() != ("ok",)
    except sqlite3.DatabaseError:
        damaged = True
    assert damaged
    before = sha(db)
    (tmp_path / "a.txt").write_text("تقرير\nأعلن الجيش في 5 حزيران 2014 سيطرته على المدينة بالكامل.\n", encoding="utf-8")
    result = waqai("ingest", tmp_path / "a.txt", "--db", db)
    assert result.returncode == 2 and "damaged" in result.stderr and "Traceback" not in result.stderr, result
    assert len(result.stderr.strip().splitlines()) == 1
    for args in (["list", "--json"], ["stats"], ["show", "1"], ["search", "الموصل"], ["export"]):
        looked = waqai(*args, "--db", db)
        assert looked.returncode in (0, 2) and "Traceback" not in looked.stderr, (args, looked.stderr)
        assert looked.returncode == 0 or "damaged" in looked.stderr, (args, looked.stderr)
    assert sha(db) == before


@pytest.mark.parametrize("args", [["list"], ["stats"], ["ingest", "{article}"]])
def test_a_device_or_fifo_as_database_is_refused_without_side_files(tmp_path, args):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text("تقرير\nأعلن الجيش في 5 حزيران 2014 سيطرته على المدينة بالكامل.\n", encoding="utf-8")
    args = [a.format(article=tmp_path / "a.txt") for a in args]
    side_files = ("/dev/null-journal", "/dev/null-wal", "/dev/null-shm")
    before = {p for p in side_files if os.path.exists(p)}
    for target in ("/dev/null", fifo):
        result = subprocess.run([*WAQAI, *args, "--db", str(target)], capture_output=True, text=True, timeout=20)
        assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert {p for p in side_files if os.path.exists(p)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "pipe.db"]


def test_a_lookup_never_migrates_an_empty_sqlite_database_made_by_another_program(tmp_path):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")  # a valid, empty SQLite file with a header
    conn.close()
    before = sha(db)
    for args in (["list"], ["stats"], ["show", "1"]):
        result = waqai(*args, "--db", db)
        assert result.returncode == 2 and "no database at" in result.stderr, result.stderr
    assert sha(db) == before and sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


# --- terminal injection -------------------------------------------------------------------------

HOSTILE = (
    "هجوم على قاعدة\x1b[2J التنف\n"
    "أعلنت كتائب\x1b]52;c;cm0gLXJmIH4K\x07 حزب الله\u202e أمس الثلاثاء مسؤوليتها\x9b31m عن قصف"
    " \x1b]8;;http://evil.example\x1b\\قاعدة التنف\x1b]8;;\x1b\\.\n"
)
CLEAN_SENTENCE = "أعلنت كتائب حزب الله أمس الثلاثاء مسؤوليتها عن قصف قاعدة التنف."
SHAPED = render("التنف", 20)[0].text  # the word as it looks on screen
FORBIDDEN = ("\x1b", "\x07", "\x9b", "\x9c", "\x9d", "\u202e", "[2J", "]52;", "31m", "]8;")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "w.db"
    assert waqai("ingest", folder / "hostile.txt", "--published", "2024-01-31", "--db", db).returncode == 0
    return db


CLEAN_TITLE = "أعلنت كتائب حزب الله مسؤوليتها عن قصف قاعدة التنف"


@pytest.mark.parametrize("args,expected", [
    (["list", "--plain"], CLEAN_TITLE), (["show", "1", "--plain"], CLEAN_SENTENCE),
    (["search", "التنف", "--plain"], CLEAN_SENTENCE), (["export"], CLEAN_SENTENCE),
    (["export", "--format", "csv"], CLEAN_SENTENCE),
])
def test_article_controls_never_reach_cli_output_or_markdown(hostile_db, args, expected):
    result = waqai(*args, "--db", hostile_db)
    assert result.returncode == 0, result.stderr
    assert not [c for c in FORBIDDEN if c in result.stdout], result.stdout
    assert expected in result.stdout


@pytest.mark.parametrize("args", [["list", "--json"], ["show", "1", "--json"], ["search", "التنف", "--json"],
                                  ["export", "--format", "json"]])
def test_json_output_escapes_controls_so_it_is_inert(hostile_db, args):
    result = waqai(*args, "--db", hostile_db)
    assert result.returncode == 0, result.stderr
    assert not [c for c in ("\x1b", "\x07", "\x9b", "\u202e") if c in result.stdout]
    assert "\\u001b]52;c;" in result.stdout and "\\u202e" in result.stdout and "\\u009b" in result.stdout


def test_json_keeps_stored_text_exactly(hostile_db):
    (event,) = json.loads(waqai("list", "--json", "--db", hostile_db).stdout)
    assert event["sources"][0]["sentence"] == HOSTILE.splitlines()[1]


def test_rendered_terminal_output_has_no_article_controls(hostile_db):
    """The bidi-rendered path, as a user's terminal receives it (a real pty)."""
    code, received = run_on_a_terminal("show", "1", "--db", hostile_db, timeout=30)
    assert code == 0
    assert b"\x1b" not in received and b"\x07" not in received and b"\xc2\x9b" not in received
    assert "\u202e".encode() not in received and b"]52;" not in received
    assert SHAPED.encode() in received  # the Arabic did arrive, shaped


async def test_article_controls_never_reach_the_explorer_screen(hostile_db):
    from waqai.store.db import open_for_lookup
    from waqai.tui.app import WaqaiApp

    app = WaqaiApp(open_for_lookup(hostile_db))
    async with app.run_test(size=(180, 30)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        for keys in ([], ["enter"], ["o"]):  # timeline, sources, whole article
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            on_screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
            assert SHAPED in on_screen
            assert not [c for c in FORBIDDEN if c in on_screen], keys
