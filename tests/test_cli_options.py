"""Which database a command uses: only the default one is ever seeded; group options apply everywhere."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main
from terminal import run_on_a_terminal

ARTICLE = "هجوم على قاعدة\nأعلنت كتائب حزب الله أمس الثلاثاء مسؤوليتها عن قصف قاعدة التنف.\n"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A user data directory of our own and no $WAQAI_DB: the default database lives in it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("WAQAI_DB", raising=False)
    return tmp_path / "xdg" / "waqai" / "waqai.db"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def documents(db: Path) -> int:
    return sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0]


# --- item 1: only the default database is seeded ----------------------------------------------


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["show", "1"], ["search", "كالسو"], ["stats"],
                                  ["export"], ["tui"]])
def test_a_lookup_on_a_missing_db_says_so_and_creates_nothing(tmp_path, home, args):
    missing = tmp_path / "typo.db"
    result = run(*args, "--db", missing)
    assert result.exit_code == 2, result.output
    assert f"no database at {missing}" in result.output and "Traceback" not in result.output
    assert not missing.exists() and not home.exists()


def test_a_lookup_in_a_missing_folder_creates_no_folder(tmp_path, home):
    result = run("list", "--db", tmp_path / "nowhere" / "w.db")
    assert result.exit_code == 2 and "no database at" in result.output
    assert not (tmp_path / "nowhere").exists()


def test_a_missing_waqai_db_from_the_environment_is_not_seeded(tmp_path, home, monkeypatch):
    monkeypatch.setenv("WAQAI_DB", str(tmp_path / "env.db"))
    result = run("stats")
    assert result.exit_code == 2 and "no database at" in result.output
    assert not (tmp_path / "env.db").exists()


def test_the_default_database_is_seeded_on_first_use(home):
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output[result.output.index("{"):])["documents"] == 5
    assert documents(home) == 5


def test_ingest_into_a_missing_db_creates_it_empty_of_samples(tmp_path, home):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "new" / "w.db"
    assert run("ingest", tmp_path / "a.txt", "--published", "2024-01-31", "--db", db).exit_code == 0
    assert documents(db) == 1 and not home.exists()


# --- item 2: options before the subcommand apply to every subcommand ---------------------------


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "w.db"
    assert run("ingest", folder / "a.txt", "--published", "2024-01-31", "--db", db).exit_code == 0
    return db


@pytest.mark.parametrize("args,expected", [
    (["list", "--json"], "2024-01-30"),
    (["show", "1", "--json"], "2024-01-30"),
    (["search", "التنف", "--json"], "a.txt"),
    (["stats", "--json"], '"documents": 1'),
    (["export", "--format", "json"], "2024-01-30"),
])
def test_db_before_a_lookup_subcommand_is_used(small_db, home, args, expected):
    result = run("--db", small_db, *args)
    assert result.exit_code == 0, result.output
    assert expected in result.output
    assert not home.exists(), "the default database must not be created or seeded"


def test_db_before_ingest_is_used(tmp_path, home):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "w.db"
    assert run("--db", db, "ingest", tmp_path / "a.txt", "--published", "2024-01-31").exit_code == 0
    assert documents(db) == 1 and not home.exists()


def test_db_after_the_subcommand_wins_over_the_one_before(small_db, tmp_path, home):
    result = run("--db", tmp_path / "other.db", "stats", "--json", "--db", small_db)
    assert result.exit_code == 0 and '"documents": 1' in result.output


@pytest.mark.parametrize("before", [True, False])
def test_db_and_bidi_reach_the_explorer(small_db, home, monkeypatch, before):
    from waqai.tui import app as app_module

    opened = {}

    def fake_run(self):
        opened.update(path=self.db.path, bidi=self.bidi)

    monkeypatch.setattr(app_module.WaqaiApp, "run", fake_run)
    args = ["--db", small_db, "--bidi", "terminal", "tui"] if before else ["tui", "--db", small_db, "--bidi", "terminal"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert opened == {"path": small_db, "bidi": "terminal"} and not home.exists()


def test_db_and_bidi_before_serve_reach_the_served_command(small_db, home, monkeypatch):
    import shlex
    import types

    served = {}

    class FakeServer:
        def __init__(self, command, **_):
            served["command"] = command

        def serve(self):
            pass

    module = types.ModuleType("textual_serve.server")
    module.Server = FakeServer
    monkeypatch.setitem(sys.modules, "textual_serve", types.ModuleType("textual_serve"))
    monkeypatch.setitem(sys.modules, "textual_serve.server", module)
    assert run("--db", small_db, "--bidi", "terminal", "serve").exit_code == 0
    command = shlex.split(served["command"])
    assert command[command.index("--db") + 1] == str(small_db)
    assert command[command.index("--bidi") + 1] == "terminal"


@pytest.mark.parametrize("command", ["extract", "eval"])
def test_db_before_a_command_without_a_database_touches_no_database(tmp_path, home, command):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    if command == "extract":
        args = ["extract", tmp_path / "a.txt", "--dct", "2024-01-31", "--json"]
    else:
        gold = tmp_path / "gold.jsonl"
        gold.write_text(json.dumps({"doc": "a.txt", "dct": "2024-01-31", "timexes": []}) + "\n", encoding="utf-8")
        args = ["eval", gold]
    result = run("--db", tmp_path / "w.db", *args)
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "w.db").exists() and not home.exists()


def _on_a_terminal(*args: str) -> str:
    """What a terminal receives from the real command (a pty)."""
    return run_on_a_terminal(*args)[1].decode("utf-8", "replace")


@pytest.mark.parametrize("args", [["list"], ["show", "1"], ["search", "التنف"]])
def test_bidi_terminal_before_the_subcommand_prints_logical_text(small_db, args):
    shown = _on_a_terminal("--bidi", "terminal", "--db", str(small_db), *args)
    assert "قاعدة التنف" in shown, shown  # logical order, not reshaped into presentation forms
    reshaped = _on_a_terminal("--db", str(small_db), *args)
    assert "قاعدة التنف" not in reshaped
