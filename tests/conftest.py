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



@pytest.fixture
def edited_db(bundled_db, tmp_path) -> Path:
    """A private copy of the bundled database, free to edit (marks, notes, merges)."""
    import sqlite3

    path = tmp_path / "edited.db"
    source, target = sqlite3.connect(bundled_db), sqlite3.connect(path)
    source.backup(target)
    source.close(), target.close()
    return path


def _downgrade(path: Path, version: int) -> None:
    """Turn a current database back into schema ``version``, as an older waqai left it."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.isolation_level = None
    if version < 5:
        conn.execute("DROP TABLE event_keys")
        conn.execute("ALTER TABLE events DROP COLUMN planned")
        conn.execute("ALTER TABLE event_sources DROP COLUMN planned")
        conn.execute("ALTER TABLE event_sources DROP COLUMN kind")
        conn.execute("DELETE FROM migrations WHERE name = '0005_planned_and_merge_index'")
    if version < 4:
        conn.execute("ALTER TABLE documents DROP COLUMN encoding_confidence")
        conn.execute("DELETE FROM migrations WHERE name = '0004_encoding_confidence'")
    if version < 3:
        for view in ("edit_state", "edit_targets"):
            conn.execute(f"DROP VIEW {view}")
        conn.execute("DROP TABLE edits")
        conn.execute("DROP INDEX event_sources_timex")
        conn.execute("DELETE FROM migrations WHERE name = '0003_analyst_edits'")
    if version < 2:
        for trigger in ("events_span_ai", "events_span_ad"):
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("DROP TABLE events_span")
        conn.execute("DELETE FROM migrations WHERE name = '0002_events_span_rtree'")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


@pytest.fixture(scope="session")
def downgrade():
    """A function that turns a current database back into an older schema."""
    return _downgrade
