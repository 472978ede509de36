"""Shared fixtures: paths to the bundled corpus and the development evaluation files.

``tests/eval`` holds a copy of the shared gold set and seed chronology, so a
clean checkout tests against them without the ``../shared`` folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
EVAL = ROOT / "tests" / "eval"


def _load_eval(name: str) -> Path:
    return EVAL / name


@pytest.fixture(scope="session")
def gold_path() -> Path:
    """The hand-annotated TIMEX gold set (development set)."""
    return _load_eval("seeds_gold.jsonl")


@pytest.fixture(scope="session")
def seeds_chronology() -> list[dict]:
    """The events the bundled chronology must contain."""
    return json.loads(_load_eval("seeds_chronology.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled corpus folder (with its manifest)."""
    return CORPUS


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory) -> Path:
    """A database of the bundled corpus, as a fresh install builds it (only --db is never seeded)."""
    from click.testing import CliRunner

    from waqai.tui.cli import main

    path = tmp_path_factory.mktemp("bundled") / "waqai.db"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path
