"""The README's promises, checked: its tour runs on the bundled corpus, its links resolve,
usage errors are one line, and the served page is self-contained."""

from __future__ import annotations

import re
import shlex
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from waqai.tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def tour_commands() -> list[list[str]]:
    """The commands of the README's tour block, without the bare ``waqai`` (the explorer)."""
    section = README[README.index("## A short tour"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]
    return [c[1:] for c in commands if c[0] == "waqai" and c[1:] and c[1] not in ("tui", "serve")]


@pytest.mark.parametrize("args", tour_commands(), ids=" ".join)
def test_every_tour_example_runs_on_the_bundled_corpus(args, bundled_db, tmp_path, monkeypatch):
    for name in ("data", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WAQAI_DB", str(bundled_db))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"waqai {shlex.join(args)}: {result.output}"
    written = [tmp_path / a for a in args if a.endswith((".md", ".csv"))]
    assert result.output.strip() or all(p.stat().st_size for p in written)


def test_the_tour_shows_an_event_that_exists():
    shown = [a for a in tour_commands() if a[0] == "show"]
    assert shown, "the tour shows one event"


def test_readme_links_resolve_inside_the_repository():
    links = re.findall(r"\]\(((?:docs/)[^)#]+)", README)
    assert {"docs/architecture.md", "docs/schema.md", "docs/timex-conventions.md"} <= set(links)
    # timex-conventions.md is written on the tagger's branch; the others live here.
    assert all((ROOT / link).is_file() for link in links if link != "docs/timex-conventions.md")
    assert "ARCHITECTURE.md" not in README  # no pointer to a file the repository does not hold


def test_readme_mentions_serve_tui_bidi_the_serve_extra_and_what_e_writes():
    for phrase in ("waqai serve", "waqai tui", "--bidi terminal", "waqai[serve]", "`e` exports", "Ctrl+P"):
        assert phrase in README, phrase


def test_the_contracts_are_documented_in_the_repository():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for heading in ("`waqai extract` output (**contract**)", "Manifest (**contract**)",
                    "Events as JSON (**contract**)", "Gold files and scoring (**contract**)"):
        assert f"## {heading}" in text
    assert "`corroboration`" in text and "`attribution`" in text and "end_day" in text
    schema = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    from waqai.store.db import open_db

    db = open_db(":memory:")
    for table in db.table_names():
        if not table.startswith(("sentences_fts", "events_span")):
            assert f"`{table}`" in schema, table


@pytest.mark.parametrize("args", [["list", "--limit", "0"], ["lst"], ["show", "abc"], ["--bogus"],
                                  ["export", "--format", "pdf"]])
def test_usage_errors_are_one_line_on_stderr_with_exit_code_2(args, bundled_db):
    result = CliRunner().invoke(main, [*args, "--db", str(bundled_db)] if args[0] != "--bogus" else args)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("Error: ") and "--help" in result.stderr


def test_the_served_page_has_a_title_and_loads_nothing_from_outside(monkeypatch, bundled_db):
    started = {}

    class Server:
        def __init__(self, command, **options):
            started.update(options, command=command)

        def serve(self):
            started["served"] = True

    fake = types.ModuleType("textual_serve.server")
    fake.Server = Server
    monkeypatch.setitem(sys.modules, "textual_serve", types.ModuleType("textual_serve"))
    monkeypatch.setitem(sys.modules, "textual_serve.server", fake)
    result = CliRunner().invoke(main, ["serve", "--db", str(bundled_db)])
    assert result.exit_code == 0, result.output
    assert started["served"] and "waqai" in started["title"]
    page = (Path(started["templates_path"]) / "app_index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]+</title>", page)
    loads = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"|url\("([^"]*)"\)', page)
    assert loads and all(next(filter(None, pair)).startswith("{{ config.static.url }}") for pair in loads)
    assert "googleapis" not in page and "cdn" not in page
