"""The merge-candidate index: which stored events a new report could be.

Comparing a report with every event of its day made ingest quadratic (8,000
same-day sentences took 200 s inside the write transaction). Each stored
report instead leaves signatures in ``event_keys``: its specific entities
(``e:kalsu``), its content words (``t:قصف``) and its sentence (``x:…``, and
``r:`` for its letters only), with its day (a day number, for single-day
dates) or its whole span (``begin|end|mod``, for months, years…). A new
report looks up the events sharing one of its signatures on its day or span
(and the neighbouring days and nesting spans the merge rule allows), taking at most
``PER_SIGNATURE`` of the newest per signature, so the work per report stays flat however many events the day
holds. The merge rule needs a shared entity or shared words, so an event
sharing no signature could never have merged anyway.
"""

from __future__ import annotations

import hashlib
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

    ``x:`` is the sentence as written; ``r:`` a short hash of its letters and
    digits only, so a reprint whose quotes or spaces differ (``"`` / ``”``)
    still meets it.
    """
    letters = " ".join(_LETTERS.findall(fold(sentence)))[:_SENTENCE_KEY_CHARS]
    return ([f"e:{e}" for e in sorted(entities)] + [f"t:{t}" for t in sorted(tokens)]
            + [f"x:{fold(sentence)[:_SENTENCE_KEY_CHARS]}",
               "r:" + hashlib.blake2b(letters.encode("utf-8"), digest_size=8).hexdigest()])


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
               entities, tokens, sentence: str) -> list[int]:
    """Ids of stored events that share a signature with a report dated ``[begin, end]``.

    Besides the report's own day or span, it looks where the merge rule
    (extract/merge.py) may still find the happening: the day before and
    after by a shared actor or place, a few days either side by the same
    sentence (a late reprint), the week and month holding a day or week, and
    the days and weeks inside a week or month.
    """
    day, span = _day_number(begin, end), _span(begin, end, mod)
    first, last = date.fromisoformat(begin), date.fromisoformat(end)
    nested = (last - first).days < NESTED_MAX_DAYS
    around = _containers(first, last) if mod is None and nested else []
    inside = _contained_weeks(first, last) if day is None and nested else []
    found: dict[int, None] = {}
    for sig in signatures(entities, tokens, sentence):
        if day is not None:
            # A range on (sig, day) still walks the index; the newest ids come first after a small sort.
            reach = {"e": 1, "x": LAGGED_MAX_DAYS, "r": LAGGED_MAX_DAYS}.get(sig[0], 0)
            lookups = [("SELECT event_id FROM event_keys WHERE sig = ? AND day BETWEEN ? AND ? ORDER BY event_id DESC LIMIT ?",
                        (sig, day - reach, day + reach, PER_SIGNATURE))]
        else:
            lookups = [("SELECT event_id FROM event_keys WHERE sig = ? AND span = ? ORDER BY event_id DESC LIMIT ?",
                        (sig, span, PER_SIGNATURE))]
            if nested:
                lookups.append(("SELECT event_id FROM event_keys WHERE sig = ? AND day BETWEEN ? AND ?"
                                " ORDER BY event_id DESC LIMIT ?",
                                (sig, first.toordinal(), last.toordinal(), PER_SIGNATURE)))
        spans = around + inside
        if spans:
            marks = ",".join("?" * len(spans))
            lookups.append((f"SELECT event_id FROM event_keys WHERE sig = ? AND span IN ({marks})"
                            " ORDER BY event_id DESC LIMIT ?", (sig, *spans, PER_SIGNATURE)))
        for sql, params in lookups:
            for (event_id,) in conn.execute(sql, params):
                found[event_id] = None
    return list(found)
