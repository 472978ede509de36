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

from waqai.extract.merge import LAGGED_MAX_DAYS, NESTED_MAX_DAYS, specific_word
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
    for around in (_week, _month):
        try:
            outer = around(first)
        except OverflowError:
            continue  # the last week or month of the calendar (9999-12-31) holds nothing else
        if outer[0] <= first and last <= outer[1] and outer != (first, last):
            spans.append(_span(outer[0].isoformat(), outer[1].isoformat(), None))
    return spans


def _contained_weeks(first: date, last: date) -> list[str]:
    """The spans of the whole weeks inside a month."""
    spans = []
    try:
        monday = _week(first)[0]
        while monday + timedelta(days=6) <= last:
            if monday >= first:
                spans.append(_span(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), None))
            monday += timedelta(days=7)
    except OverflowError:
        pass  # the calendar's last week
    return spans


def candidates(conn: sqlite3.Connection, begin: str, end: str, mod: str | None,
               entities, tokens, sentence: str, deictic: bool = False) -> list[int]:
    """Ids of stored events that share a signature with a report dated ``[begin, end]``.

    Besides the report's own day or span, it looks where the merge rule
    (extract/merge.py) may still find the happening: the day after (a late
    deictic report of this one) and, when this one is deictic, the day before,
    by a shared actor or place; a few days either side by the same sentence
    (a late reprint); the week and month holding a day or week, and the days
    and weeks inside a week or month (nested dates merge only on shared
    words beyond the kind's own, so only those are looked up there). Those
    wider looks are one query each for all the signatures, capped at
    ``WIDER_LIMIT`` events.
    """
    day, span = _day_number(begin, end), _span(begin, end, mod)
    first, last = date.fromisoformat(begin), date.fromisoformat(end)
    nested = (last - first).days < NESTED_MAX_DAYS
    sigs = signatures(entities, tokens, sentence)
    lookups = []
    for sig in sigs:
        # Equality on (sig, day) lets the index yield the newest ids first and
        # LIMIT stop the scan, so a common word costs no more on a busy day.
        if day is not None:
            lookups.append(("SELECT event_id FROM event_keys WHERE sig = ? AND day = ? ORDER BY event_id DESC LIMIT ?",
                            [sig, day, PER_SIGNATURE]))
        else:
            lookups.append(("SELECT event_id FROM event_keys WHERE sig = ? AND span = ? ORDER BY event_id DESC LIMIT ?",
                            [sig, span, PER_SIGNATURE]))
    actors = [sig for sig in sigs if sig[0] == "e"]
    reprints = [sig for sig in sigs if sig[0] in "xr"]
    words = [sig for sig in sigs if sig[0] == "e" or (sig[0] == "t" and specific_word(sig[2:]))]
    if day is not None:
        near = [day - 1, day + 1] if deictic else [day + 1]
        lookups.append(_wider("day IN (%s)" % ",".join("?" * len(near)), actors, near))
        lookups.append(_wider("day BETWEEN ? AND ?", reprints, [day - LAGGED_MAX_DAYS, day + LAGGED_MAX_DAYS]))
    elif nested:
        lookups.append(_wider("day BETWEEN ? AND ?", words, [first.toordinal(), last.toordinal()]))
    spans = (_containers(first, last) if mod is None and nested else []) + (
        _contained_weeks(first, last) if day is None and nested else [])
    if spans:
        lookups.append(_wider("span IN (%s)" % ",".join("?" * len(spans)), words, spans))
    found: dict[int, None] = {}
    for sql, params in lookups:
        if sql is None:
            continue
        for (event_id,) in conn.execute(sql, params):
            found[event_id] = None
    return list(found)


WIDER_LIMIT = 40


def _wider(where: str, sigs: list[str], params: list) -> tuple[str | None, list]:
    """One query for the events holding any of ``sigs`` where ``where`` says (None when no signature)."""
    if not sigs:
        return None, []
    marks = ",".join("?" * len(sigs))
    return (f"SELECT DISTINCT event_id FROM event_keys WHERE sig IN ({marks}) AND {where} ORDER BY event_id DESC LIMIT ?",
            [*sigs, *params, WIDER_LIMIT])
