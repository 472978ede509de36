"""docs/ecosystem.md's SQL and docs/metadata.json's canned queries and facets, run against a real database.

Datasette itself is not a test dependency (about 25 MB and 15 packages): its
metadata is checked here with sqlite3 the way Datasette uses it — every canned
query runs with its named parameters, every faceted column exists in its
table or view — and the facet values are checked against waqai's own answers.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main

DOCS = Path(__file__).resolve().parent.parent / "docs"
METADATA = json.loads((DOCS / "metadata.json").read_text(encoding="utf-8"))["databases"]["waqai"]
# An actor, a month, an event and a word of the bundled corpus (its articles are the project's own sample).
PARAMETERS = {"actor": "Hamas", "month": "2023-10", "event": 1, "q": "قصف"}


@pytest.fixture
def conn(bundled_db):
    connection = sqlite3.connect(f"file:{bundled_db}?mode=ro", uri=True)
    yield connection
    connection.close()


def _cli_json(bundled_db, *args):
    result = CliRunner().invoke(main, [*args, "--json", "--db", str(bundled_db)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _run(conn, sql: str) -> list[sqlite3.Row]:
    names = set(re.findall(r":(\w+)", sql))
    assert names <= PARAMETERS.keys(), names
    return conn.execute(sql, {n: PARAMETERS[n] for n in names}).fetchall()


def test_every_sql_example_of_the_ecosystem_page_runs_and_finds_something(conn):
    blocks = re.findall(r"```sql\n(.*?)```", (DOCS / "ecosystem.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 3
    for sql in blocks:
        assert _run(conn, sql), sql


def test_the_canned_queries_answer_as_waqai_does(conn, bundled_db):
    queries = METADATA["queries"]
    actor = _run(conn, queries["events_of_actor_in_month"]["sql"])
    listed = _cli_json(bundled_db, "list", "--on", PARAMETERS["month"], "--entity", PARAMETERS["actor"])
    assert [row[0] for row in actor] == [e["id"] for e in listed] and actor
    sources = _run(conn, queries["sources_of_event"]["sql"])
    shown = _cli_json(bundled_db, "show", str(PARAMETERS["event"]))
    assert [(r[0], r[4], r[5]) for r in sources] == [(s["doc"], s["sentence"], s["timex"]) for s in shown["sources"]]
    found = _run(conn, queries["search_sentences"]["sql"])
    searched = _cli_json(bundled_db, "search", PARAMETERS["q"])
    assert sorted(r[0] for r in found) == sorted(h["sentence"] for h in searched) and found


def test_the_facets_name_columns_that_exist_and_hold_what_waqai_shows(conn, bundled_db):
    for table, settings in METADATA["tables"].items():
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        assert columns, f"{table} is not in the database"
        for facet in settings.get("facets", []):
            column = facet if isinstance(facet, str) else next(iter(facet.values()))
            assert column in columns, (table, column)
            if isinstance(facet, dict) and "array" in facet:
                # An array facet needs a JSON array in every row.
                for (value,) in conn.execute(f'SELECT "{column}" FROM "{table}"'):
                    assert isinstance(json.loads(value), list)
    overview = {r[0]: r[1:] for r in conn.execute("SELECT id, year, actors, places, stance, planned FROM event_overview")}
    for event in _cli_json(bundled_db, "list"):
        year, actors, places, stance, planned = overview[event["id"]]
        assert year == event["begin"][:4] and stance == event["stance"] and bool(planned) == event["planned"]
        named = {e["name"] for e in event["entities"]}
        assert set(json.loads(actors)) | set(json.loads(places)) == named
