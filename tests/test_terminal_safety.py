"""Hostile bytes in articles, file names, manifest fields and options never reach a terminal raw."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from terminal import WAQAI, run_on_a_terminal

CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"  # OSC 52: set the clipboard of the reviewer's terminal
EVIL_NAME = f"تقرير{CLIPBOARD}\u202e\x9b2J.txt"
SOURCE = f"{CLIPBOARD}وكالة\u202e الأنباء"
ARTICLE = (
    "هجوم على قاعدة\n"
    f"أعلنت كتائب حزب الله أمس الثلاثاء مسؤوليتها عن قصف قاعدة التنف{CLIPBOARD}، بحسب وكالة\x1b[2J الأنباء المحلية.\n"
    "وقال مسؤول إن الطائرات عادت\u202e في اليوم التالي\x1b]8;;http://evil.example\x1b\\ إلى المنطقة نفسها.\n"
)
UNDATED = "تقرير بلا تاريخ\nقصفت الطائرات مواقع المسلحين يوم\x1b[31m الأحد الماضي في ريف المدينة الشرقي.\n"


def on_a_terminal(*args, cwd: Path | None = None) -> bytes:
    """Everything a terminal receives (stdout and stderr) from the real command."""
    return run_on_a_terminal(*args, columns=120, cwd=cwd)[1]


def assert_inert(received: bytes) -> None:
    text = received.decode("utf-8", "replace")
    found = [c for c in text if c in "\x1b\x07\u202e\u2066\u2067\u2068\u2069" or "\x80" <= c <= "\x9f"]
    assert not found, text  # "\\x1b]52;" quoted by an error or "\\u001b" in JSON is inert text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / EVIL_NAME).write_text(ARTICLE, encoding="utf-8")
    undated = folder / "undated"
    undated.mkdir()
    (undated / f"بلا{CLIPBOARD}.txt").write_text(UNDATED, encoding="utf-8")
    (undated / "manifest.json").write_text(json.dumps({"documents": [{"file": f"بلا{CLIPBOARD}.txt", "source": SOURCE}]}),
                                           encoding="utf-8")
    db = folder / "w.db"
    ingest = subprocess.run([*WAQAI, "ingest", str(folder / EVIL_NAME), "--published", "2024-01-31", "--source", SOURCE,
                             "--db", str(db)], capture_output=True)
    assert ingest.returncode == 0, ingest.stderr
    assert subprocess.run([*WAQAI, "ingest", str(undated), "--db", str(db)], capture_output=True).returncode == 0
    gold = folder / "gold.jsonl"
    gold.write_text(json.dumps({"doc": EVIL_NAME, "dct": "2024-01-31", "text": ARTICLE, "timexes": [
        {"start": 0, "end": 4, "text": f"هجوم{CLIPBOARD}", "type": "DATE", "value": "2024"}]}) + "\n", encoding="utf-8")
    return folder, db, gold


COMMANDS = {
    "ingest summary": lambda f, db, gold: ["ingest", f / EVIL_NAME, "--db", db],
    "list": lambda f, db, gold: ["list", "--db", db],
    "show": lambda f, db, gold: ["show", "1", "--db", db],
    "show 2": lambda f, db, gold: ["show", "2", "--db", db],
    "show plain": lambda f, db, gold: ["show", "1", "--plain", "--db", db],
    "show json": lambda f, db, gold: ["show", "1", "--json", "--db", db],
    "search": lambda f, db, gold: ["search", "التنف", "--db", db],
    "stats": lambda f, db, gold: ["stats", "--db", db],
    "export md": lambda f, db, gold: ["export", "--db", db],
    "export csv": lambda f, db, gold: ["export", "--format", "csv", "--db", db],
    "extract": lambda f, db, gold: ["extract", f / EVIL_NAME, "--dct", "2024-01-31"],
    "eval": lambda f, db, gold: ["eval", gold],
    "error: unsupported file": lambda f, db, gold: ["ingest", f / f"x{CLIPBOARD}.pdf", "--db", db],
    "error: missing db": lambda f, db, gold: ["list", "--db", f / f"no{CLIPBOARD}.db"],
    "error: bad date": lambda f, db, gold: ["list", "--on", f"2021{CLIPBOARD}", "--db", db],
    "error: bad published": lambda f, db, gold: ["ingest", f / EVIL_NAME, "--published", f"x{CLIPBOARD}", "--db", db],
    "error: unknown command": lambda f, db, gold: [f"li{CLIPBOARD}st"],
    "error: bad choice": lambda f, db, gold: ["--bidi", f"x{CLIPBOARD}", "list"],
    "error: missing gold": lambda f, db, gold: ["eval", f / f"g{CLIPBOARD}.jsonl"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_no_control_reaches_the_terminal(hostile, name):
    folder, db, gold = hostile
    if name == "error: unsupported file":
        (folder / f"x{CLIPBOARD}.pdf").write_bytes(b"%PDF")
    received = on_a_terminal(*map(str, COMMANDS[name](folder, db, gold)))
    assert received.strip(), name
    assert_inert(received)


def test_the_payload_did_reach_the_commands_that_show_it(hostile):
    """Guard against a vacuous pass: the sanitized words arrive."""
    folder, db, gold = hostile
    shown = on_a_terminal("show", "1", "--plain", "--db", str(db)).decode()
    assert "تقرير" in shown and "الأنباء" in shown and ".txt" in shown
    assert "الأحد الماضي" in on_a_terminal("stats", "--db", str(db)).decode()
    # On a terminal extract shows each expression shaped and ordered for display.
    from waqai.tui.bidi import render_line

    tagged = on_a_terminal("extract", str(folder / EVIL_NAME), "--dct", "2024-01-31").decode()
    assert render_line("أمس الثلاثاء", 99) in tagged
