"""The merge-candidate index: which stored events a new report could be.

Comparing a report with every event of its day made ingest quadratic (8,000
same-day sentences took 200 s inside the write transaction). Each stored
report instead leaves signatures in ``event_keys``: its specific entities
(``e:kalsu``), its content words (``t:قصف``) and its sentence (``x:…``), with
its day (a day number, for single-day dates) or its whole span
(``begin|end|mod``, for months, years…), stored as one 64-bit hash of the
pair (``key``): the text of a signature was most of the table's size, and a
hash collision only adds a candidate that the merge rule then rejects. A new report looks up the events
sharing one of its signatures on its day or span, taking at most
``PER_SIGNATURE`` of the newest per signature, so the work per report stays flat however many events the day
holds. The merge rule needs a shared entity or shared words, so an event
sharing no signature could never have merged anyway.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

from waqai.extract.normalize import fold

PER_SIGNATURE = 20
_SENTENCE_KEY_CHARS = 120


def create_index(conn: sqlite3.Connection) -> None:
    """Create ``event_keys`` and fill it from the reports already stored (a migration step)."""
    from .sentences import text_sql
    from .writer import utils_database

    from sqlite_utils.db import ForeignKey

    table = utils_database(conn).table("event_keys")
    table.create({"event_id": int, "key": int}, not_null={"event_id", "key"},
                 foreign_keys=[ForeignKey("event_keys", "event_id", "events", "id", on_delete="CASCADE")])
    table.create_index(["key", "event_id"], index_name="event_keys_key")
    table.create_index(["event_id"], index_name="event_keys_event")
    rows = conn.execute(
        f"SELECT es.event_id, e.begin_day, e.end_day, e.mod, es.clause_entities, es.clause_tokens, {text_sql()}"
        " FROM event_sources es JOIN events e ON e.id = es.event_id JOIN sentences s ON s.id = es.sentence_id"
        " JOIN documents d ON d.id = s.doc_id ORDER BY es.rowid"
    )
    for event_id, begin, end, mod, entities, tokens, sentence in rows.fetchall():
        add_keys(conn, event_id, begin, end, mod, json.loads(entities), json.loads(tokens), sentence)


def _day_number(begin: str, end: str) -> int | None:
    return date.fromisoformat(begin).toordinal() if begin == end else None


def _span(begin: str, end: str, mod: str | None) -> str:
    return f"{begin}|{end}|{mod or ''}"


def _when(begin: str, end: str, mod: str | None) -> str:
    """A single day by its number (whatever its mod), any other interval by its span and mod."""
    day = _day_number(begin, end)
    return f"d{day}" if day is not None else _span(begin, end, mod)


def key(sig: str, when: str) -> int:
    """The stored key of one signature on one day or span: a signed 64-bit hash of both."""
    digest = hashlib.blake2b(f"{sig}\x1f{when}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def signatures(entities, tokens, sentence: str) -> list[str]:
    """The index signatures of one report."""
    return ([f"e:{e}" for e in sorted(entities)] + [f"t:{t}" for t in sorted(tokens)]
            + [f"x:{fold(sentence)[:_SENTENCE_KEY_CHARS]}"])


def add_keys(conn: sqlite3.Connection, event_id: int, begin: str, end: str, mod: str | None,
             entities, tokens, sentence: str) -> None:
    """Index one report of ``event_id``."""
    when = _when(begin, end, mod)
    conn.executemany("INSERT INTO event_keys(event_id, key) VALUES (?,?)",
                     [(event_id, key(sig, when)) for sig in signatures(entities, tokens, sentence)])


def candidates(conn: sqlite3.Connection, begin: str, end: str, mod: str | None,
               entities, tokens, sentence: str) -> list[int]:
    """Ids of stored events that share a signature with a report dated ``[begin, end]``."""
    when = _when(begin, end, mod)
    found: dict[int, None] = {}
    for sig in signatures(entities, tokens, sentence):
        # Equality on the key lets the index yield the newest ids first and LIMIT stop the scan.
        for (event_id,) in conn.execute("SELECT event_id FROM event_keys WHERE key = ? ORDER BY event_id DESC LIMIT ?",
                                        (key(sig, when), PER_SIGNATURE)):
            found[event_id] = None
    return list(found)
