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
import sqlite3
from datetime import date

from waqai.extract.normalize import fold

PER_SIGNATURE = 20
_SENTENCE_KEY_CHARS = 120


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
    """The index signatures of one report."""
    return ([f"e:{e}" for e in sorted(entities)] + [f"t:{t}" for t in sorted(tokens)]
            + [f"x:{fold(sentence)[:_SENTENCE_KEY_CHARS]}"])


def add_keys(conn: sqlite3.Connection, event_id: int, begin: str, end: str, mod: str | None,
             entities, tokens, sentence: str) -> None:
    """Index one report of ``event_id``."""
    day, span = _day_number(begin, end), _span(begin, end, mod)
    conn.executemany(
        "INSERT INTO event_keys(event_id, day, span, sig) VALUES (?,?,?,?)",
        [(event_id, day, span, sig) for sig in signatures(entities, tokens, sentence)],
    )


def candidates(conn: sqlite3.Connection, begin: str, end: str, mod: str | None,
               entities, tokens, sentence: str) -> list[int]:
    """Ids of stored events that share a signature with a report dated ``[begin, end]``."""
    day, span = _day_number(begin, end), _span(begin, end, mod)
    found: dict[int, None] = {}
    for sig in signatures(entities, tokens, sentence):
        # Equality on (sig, day) lets the index yield the newest ids first and
        # LIMIT stop the scan.
        if day is not None:
            lookups = [("SELECT event_id FROM event_keys WHERE sig = ? AND day = ? ORDER BY event_id DESC LIMIT ?",
                        (sig, day, PER_SIGNATURE))]
        else:
            lookups = [("SELECT event_id FROM event_keys WHERE sig = ? AND span = ? ORDER BY event_id DESC LIMIT ?",
                        (sig, span, PER_SIGNATURE))]
        for sql, params in lookups:
            for (event_id,) in conn.execute(sql, params):
                found[event_id] = None
    return list(found)
