"""Shared fixtures: paths to the bundled corpus and the shared evaluation files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def _load_eval(name: str) -> Path:
    path = SHARED_EVAL / name
    if not path.exists():
        pytest.skip(f"{path} is not available in this checkout")
    return path


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
