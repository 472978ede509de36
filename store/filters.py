"""The event filters: the day spans ``--from``/``--to``/``--on`` accept, and their SQL.

Nothing here imports more than ``datetime``: the console script's quick path
for ``waqai list --json`` (``tui/front.py``) builds its filter from these
functions without loading click, the extractor or ``dataclasses``, and
``queries.EventFilter``/``make_filter`` use the same ones, so both paths
filter alike.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from .errors import QueryError


def date_filter(text: str) -> tuple[str, str]:
    """``2021``, ``2021-06`` or ``2021-06-29`` as a closed interval of ISO days."""
    text = text.strip()
    span = _span(text)
    if span is None:
        raise QueryError(f"{text!r} is not a date (use 2021, 2021-06 or 2021-06-29)")
    return span[0].isoformat(), span[1].isoformat()


def _span(text: str) -> tuple[date, date] | None:
    # Digits are any decimal digits (٢٠٢١ too), as the regular expression \d was.
    parts = text.split("-")
    if len(parts) > 3 or len(parts[0]) != 4 or any(len(part) != 2 for part in parts[1:]):
        return None
    if not all(part.isdecimal() for part in parts):
        return None
    year, *rest = (int(part) for part in parts)
    try:
        if not rest:
            return date(year, 1, 1), date(year, 12, 31)
        if len(rest) == 1:
            first = date(year, rest[0], 1)
            return first, (date(year, 12, 31) if first.month == 12 else date(year, first.month + 1, 1) - timedelta(days=1))
        day = date(year, rest[0], rest[1])
        return day, day
    except ValueError:  # year 0, month 13, 30 February
        return None


def date_bounds(date_from: str | None, date_to: str | None, on: str | None) -> tuple[str | None, str | None]:
    """The first and last ISO day that ``--from``, ``--to`` and ``--on`` leave (None: open); QueryError on bad input."""
    begin = date_filter(date_from)[0] if date_from else None
    end = date_filter(date_to)[1] if date_to else None
    if begin and end and begin > end:
        raise QueryError(f"--from {date_from} is after --to {date_to}: no day is in both")
    if on:
        on_begin, on_end = date_filter(on)
        begin, end = max(filter(None, [begin, on_begin])), min(filter(None, [end, on_end]))
    return begin, end


def filter_sql(begin: str | None = None, end: str | None = None, entity: str | None = None,
               query: str | None = None, marked: bool = False, noted: bool = False,
               hidden: bool = False) -> tuple[str, list]:
    """SQL WHERE clause (over ``events e``) and its parameters for these filters (see ``queries.EventFilter``)."""
    clauses, params = [], []
    if not hidden:
        clauses.append("e.id NOT IN (SELECT event_id FROM edit_state WHERE kind = 'hide' AND value = '1')")
    if marked:
        clauses.append("e.id IN (SELECT event_id FROM edit_state WHERE kind = 'mark' AND value = '1')")
    if noted:
        clauses.append("e.id IN (SELECT event_id FROM edit_state WHERE kind = 'note' AND value <> '')")
    if begin and end:
        clauses.append(
            "e.id IN (SELECT id FROM events_span WHERE first_day <= CAST(julianday(?) AS INTEGER)"
            " AND last_day >= CAST(julianday(?) AS INTEGER))"
        )
        params += [end, begin]
    elif begin:
        clauses.append("e.end_day >= ?")
        params.append(begin)
    elif end:
        clauses.append("e.begin_day <= ?")
        params.append(end)
    if entity:
        clauses.append("e.id IN (SELECT event_id FROM event_entities WHERE entity_id = ?)")
        params.append(entity)
    if query:
        clauses.append(
            "e.id IN (SELECT es.event_id FROM event_sources es WHERE es.sentence_id IN"
            " (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))"
        )
        params.append(query)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def has_edits(db) -> bool:
    """Whether the analyst has edited anything in this database (a cheap check, for fast paths)."""
    try:
        return db.execute("SELECT 1 FROM edits LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:  # a database from before the edits table
        return False
