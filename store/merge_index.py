"""The merge-candidate index: which stored events a new report could be.

Comparing a report with every event of its day made ingest quadratic (8,000
same-day sentences took 200 s inside the write transaction). Each stored
report instead leaves signatures in ``event_keys``: its specific entities
(``e:kalsu``), its content words (``t:قصف``) and its sentence (``x:…``), with
its day (a day number, for single-day dates) or its whole span
(``begin|end|mod``, for months, years…). A new report looks up the events
sharing one of its signatures on its day or span, taking at most
``PER_SIGNATURE`` of the newest per signature, so the work per report stays flat however many events the day
holds. The merge rule needs a shared entity or shared words, so an event
sharing no signature could never have merged anyway.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta

from waqai.extract.merge import LAGGED_MAX_DAYS, NESTED_MAX_DAYS
from waqai.extract.normalize import fold

PER_SIGNATURE = 20
_SENTENCE_KEY_CHARS = 120
_LETTERS = re.compile(r"[^\W_]+")


def create_index(conn: sqlite3.Connection) -> None:
    """Create ``event_keys`` and fill it from the reports already stored (a migration step)."""
    conn.execute(
        "CREATE TABLE event_keys (event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
        " day INTEGER, span TEXT NOT NULL, sig TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX event_keys_day ON event_keys(sig, day, event_id)")
    conn.execute("CREATE INDEX event_keys_span ON event_keys(sig, span, event_id)")
    conn.execute("CREATE INDEX event_keys_event ON event_keys(event_id)")
    rows = conn.execute(
        "SELECT es.event_id, e.begin_day, e.end_day, e.mod, es.clause_entities, es.clause_tokens, s.text"
        " FROM event_sources es JOIN events e ON e.id = es.event_id JOIN sentences s ON s.id = es.sentence_id"
    )
    for event_id, begin, end, mod, entities, tokens, sentence in rows.fetchall():
        add_keys(conn, event_id, begin, end, mod, json.loads(entities), json.loads(tokens), sentence)


def _day_number(begin: str, end: str) -> int | None:
    return date.fromisoformat(begin).toordinal() if begin == end else None


def _span(begin: str, end: str, mod: str | None) -> str:
    return f"{begin}|{end}|{mod or ''}"


def signatures(entities, tokens, sentence: str) -> list[str]:
    """The index signatures of one report.

    ``x:`` is the sentence as written; ``r:`` its letters and digits only, so
    a reprint whose quotes or spaces differ (``"`` / ``”``) still meets it.
    """
    letters = " ".join(_LETTERS.findall(fold(sentence)))
    return ([f"e:{e}" for e in sorted(entities)] + [f"t:{t}" for t in sorted(tokens)]
            + [f"x:{fold(sentence)[:_SENTENCE_KEY_CHARS]}", f"r:{letters[:_SENTENCE_KEY_CHARS]}"])


def add_keys(conn: sqlite3.Connection, event_id: int, begin: str, end: str, mod: str | None,
             entities, tokens, sentence: str) -> None:
    """Index one report of ``event_id``."""
    day, span = _day_number(begin, end), _span(begin, end, mod)
    conn.executemany(
        "INSERT INTO event_keys(event_id, day, span, sig) VALUES (?,?,?,?)",
        [(event_id, day, span, sig) for sig in signatures(entities, tokens, sentence)],
    )


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _containers(first: date, last: date) -> list[str]:
    """The spans of the weeks and months that hold ``[first, last]`` (a nested date, extract/merge.py)."""
    spans = []
    for outer in (_week(first), _month(first)):
        if outer[0] <= first and last <= outer[1] and outer != (first, last):
            spans.append(_span(outer[0].isoformat(), outer[1].isoformat(), None))
    return spans


def _contained_weeks(first: date, last: date) -> list[str]:
    """The spans of the whole weeks inside a month."""
    spans, monday = [], _week(first)[0]
    while monday + timedelta(days=6) <= last:
        if monday >= first:
            spans.append(_span(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), None))
        monday += timedelta(days=7)
    return spans


def candidates(conn: sqlite3.Connection, begin: str, end: str, mod: str | None,
               entities, tokens, sentence: str, deictic: bool = False) -> list[int]:
    """Ids of stored events that share a signature with a report dated ``[begin, end]``.

    Besides the report's own day or span, it looks where the merge rule
    (extract/merge.py) may still find the happening: the day before and
    after (by a shared actor or place, or the same sentence), a few days
    back for a reprint of the same sentence when this report's date is
    deictic, the week and month holding the date, and for a week or a
    month the days and weeks inside it.
    """
    day, span = _day_number(begin, end), _span(begin, end, mod)
    first, last = date.fromisoformat(begin), date.fromisoformat(end)
    nested = (last - first).days < NESTED_MAX_DAYS
    found: dict[int, None] = {}
    for sig in signatures(entities, tokens, sentence):
        # Equality on (sig, day) lets the index yield the newest ids first and
        # LIMIT stop the scan.
        if day is not None:
            lookups = [("SELECT event_id FROM event_keys WHERE sig = ? AND day = ? ORDER BY event_id DESC LIMIT ?",
                        (sig, day, PER_SIGNATURE))]
            if sig[0] in "exr":
                # A day apart: an explicit weekday against a late "أمس"; a reprint a few days late.
                back = LAGGED_MAX_DAYS if sig[0] in "xr" and deictic else 1
                lookups.append(("SELECT event_id FROM event_keys WHERE sig = ? AND day BETWEEN ? AND ? AND day != ?"
                                " ORDER BY event_id DESC LIMIT ?", (sig, day - back, day + 1, day, PER_SIGNATURE)))
        else:
            lookups = [("SELECT event_id FROM event_keys WHERE sig = ? AND span = ? ORDER BY event_id DESC LIMIT ?",
                        (sig, span, PER_SIGNATURE))]
            if nested:
                lookups.append(("SELECT event_id FROM event_keys WHERE sig = ? AND day BETWEEN ? AND ?"
                                " ORDER BY event_id DESC LIMIT ?",
                                (sig, first.toordinal(), last.toordinal(), PER_SIGNATURE)))
                lookups += [("SELECT event_id FROM event_keys WHERE sig = ? AND span = ? ORDER BY event_id DESC LIMIT ?",
                             (sig, inner, PER_SIGNATURE)) for inner in _contained_weeks(first, last)]
        if mod is None and nested:
            lookups += [("SELECT event_id FROM event_keys WHERE sig = ? AND span = ? ORDER BY event_id DESC LIMIT ?",
                         (sig, outer, PER_SIGNATURE)) for outer in _containers(first, last)]
        for sql, params in lookups:
            for (event_id,) in conn.execute(sql, params):
                found[event_id] = None
    return list(found)
