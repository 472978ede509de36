"""The CLI end to end with click's CliRunner, on a database built from the bundled corpus."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main


@pytest.fixture
def db(bundled_db):
    return bundled_db


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def test_list_json_matches_every_seed_event(db, seeds_chronology):
    events = json.loads(run("list", "--json", "--db", db).output)
    assert [e["begin"] for e in events] == sorted(e["begin"] for e in events)
    for seed in seeds_chronology:
        matches = [
            e for e in events
            if e["value"].split("T")[0] == seed["value"] and e["mod"] == seed.get("mod", e["mod"])
            and any(s["doc"] == seed["doc"] and seed["keyword"] in s["sentence"] for s in e["sources"])
        ]
        assert matches, seed


def test_list_covers_all_five_articles_from_2013_to_kalsu(db):
    events = json.loads(run("list", "--json", "--db", db).output)
    assert {s["doc"][:3] for e in events for s in e["sources"]} == {"000", "001", "002", "003", "004"}
    assert events[0]["value"] == "2013"
    assert any("كالسو" in s["sentence"] and e["value"] == "2024-04-20" for e in events for s in e["sources"])


def test_event_json_shape_is_the_contract(db):
    overlapping = json.loads(run("list", "--json", "--on", "2021-06", "--db", db).output)
    assert [e["value"] for e in overlapping][:2] == ["2021", "2021-06"]  # the year overlaps June too
    event = overlapping[1]
    for key in ("id", "value", "mod", "begin", "end", "granularity", "title", "entities", "sources"):
        assert key in event
    source = event["sources"][0]
    for key in ("doc", "title", "published", "sentence", "start", "end", "timex"):
        assert key in source
    assert event["value"] == "2021-06" and event["mod"] == "END"
    assert (event["begin"], event["end"], event["granularity"]) == ("2021-06-21", "2021-06-30", "month")
    assert source["timex"] == "أواخر يونيو/ حزيران الماضي"
    assert {"name": "كتائب سيد الشهداء", "name_en": "Kata'ib Sayyid al-Shuhada", "kind": "group"} in event["entities"]


def test_source_offsets_index_the_document_text(db):
    conn = sqlite3.connect(db)
    for event in json.loads(run("list", "--json", "--db", db).output):
        for s in event["sources"]:
            text = conn.execute("SELECT text FROM documents WHERE name = ?", [s["doc"]]).fetchone()[0]
            assert text[s["start"]:s["end"]] == s["sentence"]


def test_the_same_happening_in_two_articles_is_one_event(db):
    events = json.loads(run("list", "--json", "--on", "2014", "--db", db).output)
    coalition = [e for e in events if {s["doc"][:3] for s in e["sources"]} == {"002", "003"}]
    assert len(coalition) == 1 and coalition[0]["corroboration"] == 2
    # …while the other 2014 happenings (a battle, ISIS's advance) stay apart.
    assert len(events) == 3


def test_filters(db):
    by_entity = json.loads(run("list", "--json", "--entity", "Kalsu base", "--db", db).output)
    assert by_entity and all(any(x["name"] == "كالسو" for x in e["entities"]) for e in by_entity)
    by_query = json.loads(run("list", "--json", "--query", "زمار", "--db", db).output)
    assert [e["value"] for e in by_query] == ["2024-04-21"]
    ranged = json.loads(run("list", "--json", "--from", "2023-11", "--to", "2023-11-16", "--db", db).output)
    assert ranged and all("2023-11-01" <= e["end"] and e["begin"] <= "2023-11-16" for e in ranged)
    assert len(json.loads(run("list", "--json", "--limit", "2", "--db", db).output)) == 2


def test_show_kalsu_gives_sentence_article_and_date(db):
    kalsu = [e for e in json.loads(run("list", "--json", "--query", "كالسو", "--db", db).output) if e["value"] == "2024-04-20"]
    result = run("show", kalsu[0]["id"], "--plain", "--db", db)
    assert result.exit_code == 0
    assert "قاعدة \"كالسو\" العسكرية بمحافظة بابل" in result.output
    assert "004_e47daf4445c2a758.txt" in result.output and "2024-04-22" in result.output
    shown = json.loads(run("show", kalsu[0]["id"], "--json", "--db", db).output)
    assert shown["sources"][0]["published"] == "2024-04-22"


def test_search_folds_arabic_spellings(db):
    hits = json.loads(run("search", "كالسو", "--json", "--db", db).output)
    assert any("قاعدة \"كالسو\" العسكرية" in h["sentence"] for h in hits)
    # أبو الاء (no hamza, no madda) finds أبو آلاء; الولائى (alef maqsura) finds الولائي.
    assert any("أبو آلاء الولائي" in h["sentence"] for h in json.loads(run("search", "أبو الاء", "--json", "--db", db).output))
    assert json.loads(run("search", "الولائى", "--json", "--db", db).output)


@pytest.mark.parametrize("query", ['"unbalanced', "*", "NEAR(a b)", "-x", "'; DROP TABLE events; --", "OR AND"])
def test_search_input_is_text_never_an_sql_error(db, query):
    result = run("search", query, "--json", "--db", db)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output and "sqlite" not in result.output.lower()


def test_stats_offers_what_an_undated_document_allows(db):
    stats = json.loads(run("stats", "--json", "--db", db).output)
    assert stats["documents"] == 5
    (undated,) = stats["documents_without_publication_date"]
    assert undated["doc"] == "003_b4a12e420ae2588d.txt" and undated["published_on_or_after"] == "2021-12-31"


def test_export_markdown_groups_by_year_and_month_in_logical_order(db, tmp_path):
    out = tmp_path / "chronology.md"
    assert run("export", "--format", "md", "-o", out, "--db", db).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "## 2013" in text and "## 2024" in text and "### 2024-04" in text
    assert text.index("## 2013") < text.index("## 2021") < text.index("## 2024")
    assert "أواخر يونيو/ حزيران الماضي" in text  # the date as written, logical order, not reshaped
    assert "\ufe8d" not in text and "ﻝ" not in text  # no presentation forms
    assert "> — " in text and "2024-04-22" in text


def test_export_csv_and_json(db):
    csv_text = run("export", "--format", "csv", "--on", "2024-04", "--db", db).output
    assert csv_text.splitlines()[0].startswith("event_id,value,mod")
    assert "كالسو" in csv_text
    assert json.loads(run("export", "--format", "json", "--on", "2024-04", "--db", db).output)


@pytest.mark.parametrize("args,message", [
    (["list", "--on", "yesterday"], "is not a date"),
    (["list", "--from", "2021-13"], "is not a date"),
    (["list", "--entity", "Nobody Known"], "unknown actor"),
    (["show", "99999"], "no event #99999"),
])
def test_bad_lookups_give_one_line_and_exit_2(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some notes, not a database\n")
    result = run("list", "--db", path)
    assert result.exit_code == 2 and "not a SQLite database" in result.output
    assert path.read_bytes() == b"just some notes, not a database\n"


def test_every_command_has_help():
    for name, command in main.commands.items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0


def test_serve_runs_the_explorer_command_on_the_chosen_database(tmp_path, monkeypatch):
    import shlex
    import sys
    import types

    served = {}

    class FakeServer:
        def __init__(self, command, host, port, title, templates_path=None):
            served.update(command=command, host=host, port=port, title=title)

        def serve(self):
            served["serving"] = True

    module = types.ModuleType("textual_serve.server")
    module.Server = FakeServer
    monkeypatch.setitem(sys.modules, "textual_serve", types.ModuleType("textual_serve"))
    monkeypatch.setitem(sys.modules, "textual_serve.server", module)
    db = tmp_path / "my archive.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert served["serving"] and served["port"] == 8123
    assert shlex.split(served["command"])[-4:] == ["waqai.tui.cli", "tui", "--db", str(db)]


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2 and "pip install 'waqai[serve]'" in result.output


@pytest.mark.parametrize("args", [["--on", "2021-06"], ["--on", "2014"], ["--from", "2019-12-31", "--to", "2020-01-03"],
                                  ["--from", "2023"], ["--to", "2014-06"]])
def test_date_filters_keep_exactly_the_overlapping_events(db, args):
    everything = json.loads(CliRunner().invoke(main, ["list", "--json", "--db", str(db)]).output)
    kept = json.loads(CliRunner().invoke(main, ["list", "--json", "--db", str(db), *args]).output)
    options = dict(zip(args[::2], args[1::2]))
    from waqai.store.queries import date_filter

    low = date_filter(options.get("--on") or options.get("--from") or "0001")[0]
    high = date_filter(options.get("--on") or options.get("--to") or "9999")[1]
    assert [e["id"] for e in kept] == [e["id"] for e in everything if e["begin"] <= high and e["end"] >= low]
    assert kept or args == ["--from", "2019-12-31", "--to", "2020-01-03"]


def test_a_schema_1_database_is_upgraded_with_its_interval_index(tmp_path, corpus_dir, downgrade):
    path = tmp_path / "old.db"
    assert CliRunner().invoke(main, ["ingest", str(corpus_dir), "--db", str(path)]).exit_code == 0
    downgrade(path, 1)
    result = CliRunner().invoke(main, ["list", "--on", "2021-06", "--json", "--db", str(path)])
    assert result.exit_code == 0 and json.loads(result.stdout) and "Upgrading" in result.stderr
    conn = sqlite3.connect(path)
    from waqai.store.db import SCHEMA_VERSION

    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert conn.execute("SELECT COUNT(*) FROM events_span").fetchone() == conn.execute("SELECT COUNT(*) FROM events").fetchone()
