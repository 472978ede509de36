"""The console script's quick path for ``waqai list --json`` prints what the click CLI prints, or leaves it to click."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from waqai.extract.calendar import interval
from waqai.store.db import open_for_lookup
from waqai.store.edits import add_edit
from waqai.store.errors import QueryError
from waqai.store.filters import date_filter
from waqai.tui.cli import main as cli_main
from waqai.tui.front import plain_list_options, quick_list

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The same program name for both, so click's messages ("see: waqai list --help") match.
FRONT = "import sys; sys.argv[0] = 'waqai'; from waqai.tui.front import main; main()"
CLICK = "import sys; sys.argv[0] = 'waqai'; from waqai.tui.cli import main; main()"


def run(code: str, args: list, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, timeout=120, **options)


QUICK = [
    ["--on", "2021-06"], ["--on=2021"], ["--from", "2020", "--to", "2021-06-30"], ["--to", "2019"],
    ["--from", "2022-01-01"], [], ["--limit", "2", "--plain"], ["--include-hidden", "--on", "٢٠٢١"],
    ["--marked"], ["--with-notes", "--include-hidden"], ["--on", "2021", "--from", "2021-06-29"],
    ["--from", "2022", "--on", "2021"],
]


@pytest.mark.parametrize("args", QUICK)
def test_the_quick_path_prints_the_clis_bytes(bundled_db, capfdbinary, args):
    expected = CliRunner().invoke(cli_main, ["list", "--json", *args, "--db", str(bundled_db)])
    assert expected.exit_code == 0, expected.output
    assert quick_list(["list", *args, "--json", "--db", str(bundled_db)])
    assert capfdbinary.readouterr().out == expected.stdout_bytes


def test_the_fixture_answers_are_not_all_empty(bundled_db):
    answer = CliRunner().invoke(cli_main, ["list", "--json", "--on", "2021-06", "--db", str(bundled_db)]).stdout_bytes
    assert answer.count(b'"sources"') >= 3


def test_the_console_script_answers_without_click_or_the_extractor(bundled_db):
    code = FRONT + "; sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in ('click', 'textual',"
    code += " 'rich') or m.startswith(('waqai.extract', 'waqai.tui.cli', 'waqai.store.queries')))))"
    quick = run(code, ["list", "--on", "2021-06", "--json", "--db", bundled_db])
    assert quick.returncode == 0 and quick.stderr == b"[]", quick.stderr
    assert quick.stdout == run(CLICK, ["list", "--on", "2021-06", "--json", "--db", bundled_db]).stdout


DECLINED = [
    ["--on", "2021-6"], ["--on", "0000-05"], ["--on", "2021-02-30"], ["--from", "2022", "--to", "2021"],
    ["--limit", "0"], ["--limit", "+3"], ["--limit", "99999999999999999999"], ["--on", "2021", "--on", "2022"],
    ["--entity", "Kalsu"], ["--query", "قصف"], ["--bogus"], ["extra"], ["--on"], ["--on", "--plain"],
    ["--json=yes"], ["--help"],
]


@pytest.mark.parametrize("args", DECLINED)
def test_other_command_lines_go_to_click_unchanged(bundled_db, capfdbinary, args):
    command = ["list", "--json", *args, "--db", bundled_db]
    assert not quick_list([str(a) for a in command])
    assert capfdbinary.readouterr() == (b"", b"")
    front, click = run(FRONT, command), run(CLICK, command)
    assert (front.returncode, front.stdout, front.stderr) == (click.returncode, click.stdout, click.stderr)
    assert b"Traceback" not in front.stderr


def test_a_month_of_year_zero_is_refused_in_one_line(bundled_db):
    # It raised ValueError from the calendar (a traceback) before date_filter checked the year itself.
    result = run(CLICK, ["list", "--on", "0000-05", "--db", bundled_db])
    assert result.returncode == 2
    assert result.stderr.decode() == "Error: '0000-05' is not a date (use 2021, 2021-06 or 2021-06-29)\n"


@pytest.mark.parametrize("args", [["list"], ["list", "--on", "2021"], ["show", "1", "--json"], ["stats"]])
def test_commands_other_than_list_json_are_left_to_click(bundled_db, args):
    assert plain_list_options([*args, "--db", str(bundled_db)]) is None
    front, click = run(FRONT, [*args, "--db", bundled_db]), run(CLICK, [*args, "--db", bundled_db])
    assert (front.returncode, front.stdout, front.stderr) == (click.returncode, click.stdout, click.stderr)


def test_databases_the_quick_path_cannot_answer_are_left_to_click(tmp_path, capfdbinary):
    (tmp_path / "folder.db").mkdir()
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "text.db").write_text("not a database")
    for name in ("missing.db", "folder.db", "empty.db", "text.db"):
        command = ["list", "--json", "--db", str(tmp_path / name)]
        assert not quick_list(command)
        front, click = run(FRONT, command), run(CLICK, command)
        assert front.returncode == 2 and (front.returncode, front.stdout, front.stderr) == (
            click.returncode, click.stdout, click.stderr)
    assert capfdbinary.readouterr() == (b"", b"")
    assert not (tmp_path / "missing.db").exists()


def test_a_database_with_edits_is_answered_by_the_cli(edited_db, capfdbinary):
    db = open_for_lookup(edited_db)
    first = db.execute("SELECT id FROM events ORDER BY begin_day, end_day, id LIMIT 1").fetchone()[0]
    add_edit(db, first, "note", "راجع المصدر")
    db.close()
    command = ["list", "--json", "--db", str(edited_db)]
    assert not quick_list(command)
    assert capfdbinary.readouterr() == (b"", b"")
    front = run(FRONT, command)
    assert front.returncode == 0 and "راجع المصدر".encode() in front.stdout
    assert front.stdout == run(CLICK, command).stdout


def test_a_database_to_upgrade_is_upgraded_by_the_cli_with_its_notice(tmp_path):
    quick, clicked = tmp_path / "a" / "w.db", tmp_path / "b" / "w.db"
    for path in (quick, clicked):
        path.parent.mkdir()
        shutil.copy(FIXTURES / "schema6.db", path)
    front = run(FRONT, ["list", "--json", "--db", quick])
    click = run(CLICK, ["list", "--json", "--db", clicked])
    assert front.returncode == click.returncode == 0
    assert front.stdout == click.stdout and b'"sources"' in front.stdout
    assert front.stderr.replace(str(quick).encode(), b"DB") == click.stderr.replace(str(clicked).encode(), b"DB")
    assert b"Upgrading" in front.stderr
    assert sqlite3.connect(quick).execute("PRAGMA user_version").fetchone() == (7,)


def test_a_full_standard_output_ends_with_clicks_line(bundled_db):
    results = []
    for code in (FRONT, CLICK):
        with open("/dev/full", "wb") as full:
            results.append(subprocess.run([sys.executable, "-c", code, "list", "--json", "--db", str(bundled_db)],
                                          stdout=full, stderr=subprocess.PIPE, timeout=120))
    assert [(r.returncode, r.stderr) for r in results] == [
        (2, b"Error: cannot write to standard output: No space left on device\n")] * 2


def _date_filter_before(text: str) -> tuple[str, str]:
    """date_filter as it was: a regular expression, then the tagger's calendar."""
    text = text.strip()
    try:
        span = interval(text) if re.match(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$", text) else None
    except ValueError:  # year 0 of a month: a traceback then, refused now (test above)
        span = None
    if span is None:
        raise QueryError(f"{text!r} is not a date (use 2021, 2021-06 or 2021-06-29)")
    return span[0].isoformat(), span[1].isoformat()


def _outcome(function, text):
    try:
        return function(text)
    except QueryError as error:
        return str(error)


_DATES = st.one_of(
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩-T \n", max_size=12),
    st.builds(lambda y, m, d, cut: f"{y:04d}-{m:02d}-{d:02d}"[:cut], st.integers(0, 9999), st.integers(0, 13),
              st.integers(0, 32), st.sampled_from([4, 7, 10, 11])),
)


@given(_DATES)
def test_date_filter_accepts_and_refuses_what_it_did(text):
    assert _outcome(date_filter, text) == _outcome(_date_filter_before, text)


def test_date_filter_spans():
    assert date_filter(" 2024-02 ") == ("2024-02-01", "2024-02-29")
    assert date_filter("9999-12") == ("9999-12-01", "9999-12-31")
    assert date_filter("٢٠٢١-٠٦-٢٩") == ("2021-06-29", "2021-06-29")
    assert date_filter("0001") == ("0001-01-01", "0001-12-31")
