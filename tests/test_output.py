"""Output that cannot be written: a full standard output, an export file on a full disk; CSV cells."""

from __future__ import annotations

import csv
import io
import os
import resource
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from waqai.store.export import to_csv
from waqai.tui.cli import main

WAQAI = [sys.executable, "-m", "waqai.tui.cli"]


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["show", "3"], ["export"], ["export", "--format", "csv"],
                                  ["stats"], ["search", "كالسو"]])
def test_a_full_standard_output_ends_with_one_line(bundled_db, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run([*WAQAI, *args, "--db", str(bundled_db)], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == "Error: cannot write to standard output: No space left on device"


def _small_disk(limit: int):
    def apply() -> None:
        # Writes past `limit` bytes fail with EFBIG, as they would on a full disk.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_export_on_a_full_disk_keeps_the_previous_file(bundled_db, tmp_path):
    import sqlite3

    # A read-only rollback-journal copy: reading it needs no -shm file, which the small disk could not hold.
    db = tmp_path / "db" / "w.db"
    db.parent.mkdir()
    source, conn = sqlite3.connect(bundled_db), sqlite3.connect(db)
    source.backup(conn)  # the bundled database may still have its last commits in its -wal
    conn.execute("PRAGMA journal_mode = DELETE")
    source.close()
    conn.close()
    os.chmod(db, 0o444)
    out = tmp_path / "out" / "chronology.md"
    out.parent.mkdir()
    out.write_text("# my previous chronology\n", encoding="utf-8")
    result = subprocess.run([*WAQAI, "export", "-o", str(out), "--db", str(db)], capture_output=True, text=True,
                            preexec_fn=_small_disk(4096), timeout=60)
    assert result.returncode == 2 and f"cannot write {out}" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert out.read_text(encoding="utf-8") == "# my previous chronology\n"
    assert [p.name for p in out.parent.iterdir()] == ["chronology.md"], "no temporary file is left behind"


def test_export_replaces_the_file_when_it_can(bundled_db, tmp_path):
    out = tmp_path / "chronology.md"
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o640)
    assert CliRunner().invoke(main, ["export", "-o", str(out), "--lang", "en", "--db", str(bundled_db)]).exit_code == 0
    assert "# Chronology" in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o640


def _event(title: str, doc: str, timex: str = "أمس") -> dict:
    return {"id": 1, "value": "2024-01-30", "mod": None, "begin": "2024-01-30", "end": "2024-01-30",
            "granularity": "day", "title": title, "stance": None,
            "entities": [{"name": "=HYPERLINK(\"http://evil.example\")", "name_en": "x", "kind": "group"}],
            "sources": [{"doc": doc, "published": "2024-01-31", "timex": timex, "sentence": "@SUM(1+1)*cmd|' /C calc'!A0"}]}


@pytest.mark.parametrize("payload", ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_would_run_as_formulas_are_neutralised(payload):
    rows = list(csv.reader(io.StringIO(to_csv([_event(payload, payload + ".txt")]))))
    header, row = rows[0], rows[1]
    for column in ("title", "doc", "sentence", "entities"):
        cell = row[header.index(column)]
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, cell)
    assert row[header.index("title")].lstrip("'").strip() == payload.strip()


def test_csv_keeps_dates_and_ordinary_text_as_they_are():
    rows = list(csv.reader(io.StringIO(to_csv([_event("قصف قاعدة التنف", "a.txt")]))))
    row = dict(zip(rows[0], rows[1]))
    assert (row["title"], row["doc"], row["value"], row["begin"]) == ("قصف قاعدة التنف", "a.txt", "2024-01-30", "2024-01-30")


def test_csv_file_names_are_sanitized():
    rows = list(csv.reader(io.StringIO(to_csv([_event("عنوان", "a\x1b]52;c;eA==\x07\u202e.txt")]))))
    assert rows[1][rows[0].index("doc")] == "a.txt"
