"""The ``waqai`` console script: ``waqai list … --json`` answered without click, the rest by the click CLI.

A cold ``waqai list --json`` spent about as much on imports (click, the
CLI's modules, the extractor's regexes) as Python and sqlite3 take to
start. This front door recognizes the plain form of that one command
(``--on``/``--from``/``--to``, ``--limit``, ``--db``, the edit filters,
``--plain``) and answers it with the store's light modules alone
(``store/filters.py``, ``store/answer.py``). Every other command line goes
to ``waqai.tui.cli.main`` untouched: another command, ``--entity`` or
``--query``, an option it does not know or sees twice, a value click would
convert or refuse, a database to build, upgrade or decorate with the
analyst's edits, and any error met before the answer is written, which click
then reports in its own words. Both paths print the same bytes
(``tests/test_front.py`` runs them side by side).
"""

from __future__ import annotations

import os
import sys

_VALUED = {"--db": "db", "--from": "date_from", "--to": "date_to", "--on": "on", "--limit": "limit"}
_FLAGS = {"--json": "json", "--plain": "plain", "--marked": "marked", "--with-notes": "noted",
          "--include-hidden": "hidden"}
_SQLITE_MAX = 2**63 - 1  # as cli._SQLITE_INT


class _Declined(Exception):
    """The quick path leaves this command line to click."""


def main() -> None:
    """Run ``waqai``: the quick path when the command line is a plain ``list --json``, else the click CLI."""
    if not quick_list(sys.argv[1:]):
        from waqai.tui.cli import main as cli_main

        cli_main()


def plain_list_options(argv: list[str]) -> dict[str, str | bool] | None:
    """The options of a plain ``list … --json`` command line, or None for anything else."""
    if not argv or argv[0] != "list":
        return None
    found: dict[str, str | bool] = {}
    rest = iter(argv[1:])
    for arg in rest:
        name, equals, value = arg.partition("=")
        if name in _FLAGS and not equals:
            key, value = _FLAGS[name], True
        elif name in _VALUED:
            key = _VALUED[name]
            value = value if equals else next(rest, None)
            if not value or value.startswith("-"):
                return None
        else:
            return None
        if key in found:
            return None
        found[key] = value
    return found if found.get("json") else None


def quick_list(argv: list[str]) -> bool:
    """Answer a plain ``waqai list … --json`` and return True; False (nothing done) to leave it to click."""
    options = plain_list_options(argv)
    if options is None or sys.stdout is None:
        return False
    try:
        data = _answer(options)
    except Exception:  # click runs the command again and reports the error as it always has
        return False
    _write(data)
    return True


def _answer(options: dict) -> bytes:
    from pathlib import Path

    from waqai.store import db as store
    from waqai.store.answer import filtered_json
    from waqai.store.filters import date_bounds, filter_sql, has_edits

    limit = options.get("limit")
    if limit is not None:
        if not (limit.isascii() and limit.isdigit() and 1 <= int(limit) <= _SQLITE_MAX):
            raise _Declined(limit)
        limit = int(limit)
    begin, end = date_bounds(options.get("date_from"), options.get("date_to"), options.get("on"))
    where, params = filter_sql(begin, end, marked=bool(options.get("marked")), noted=bool(options.get("noted")),
                               hidden=bool(options.get("hidden")))
    if options.get("db") is not None:
        path = Path(options["db"])
        # click.Path(dir_okay=False) refuses a folder and an unreadable file.
        if path.is_dir() or (path.exists() and not os.access(path, os.R_OK)):
            raise _Declined(path)
    else:
        path = store.default_db_path()
        if not path.exists() and not os.environ.get("WAQAI_DB"):
            raise _Declined(path)  # first run: the CLI builds it from the bundled corpus
    store.set_upgrade_notice(_decline_upgrade)
    try:
        db = store.open_for_lookup(path)
    finally:
        store.set_upgrade_notice(None)
    try:
        if has_edits(db):
            raise _Declined("edits")  # the analyst's marks and corrections decorate events in Python
        return filtered_json(db, where, params, limit)
    finally:
        db.close()


def _decline_upgrade(line: str) -> None:
    # Raised before the migration writes anything: the CLI upgrades and prints the notice.
    raise _Declined(line)


def _write(data: bytes) -> None:
    """Write the answer and a newline as ``click.echo`` does, failing as ``cli._fail_cleanly`` does."""
    try:
        sys.stdout.buffer.write(data + b"\n")
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except OSError as error:
        from waqai.tui.output import stdout_failed

        failure = stdout_failed(error)
        failure.show()
        sys.exit(failure.exit_code)
