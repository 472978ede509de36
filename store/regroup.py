"""Merging two events and splitting a source off an event, as edits that survive re-ingest.

Both are rows of the ``edits`` log (see ``store/edits.py``), anchored to
text like every edit:

- ``merge`` is anchored at the kept event's first source; its value holds
  the anchor of the absorbed event and, for undo, that event's sources,
  date, title and entities.
- ``split`` is anchored at the source taken off; its value holds the
  anchor of a source that stays, so undo knows where to put it back.

They change which sources form an event, so they are written into
``events``/``event_sources`` (``apply_regroupings``, after every ingest
and import, in log order; applying one twice changes nothing). The edits
of an absorbed event follow its sources to the kept event.
"""

from __future__ import annotations

import json
import sqlite3

from .db import Database, immediate_transaction
from .errors import QueryError
from .edits import _now, _writable, anchor_of

Anchor = tuple[str, int, int, int, int]

_RESOLVE = (
    "SELECT es.event_id, es.timex_id FROM documents d JOIN timexes t ON t.doc_id = d.id"
    " JOIN event_sources es ON es.timex_id = t.id"
    " WHERE d.sha256 = ? AND t.start_offset < ? AND t.end_offset > ? ORDER BY t.start_offset, es.rowid LIMIT 1"
)


def _source(conn: sqlite3.Connection, anchor: Anchor) -> tuple[int, int] | None:
    """(event id, timex id) of the source a text anchor points at, or None when its article is absent."""
    sha, _, _, timex_start, timex_end = anchor
    row = conn.execute(_RESOLVE, (sha, timex_end, timex_start)).fetchone()
    return (row[0], row[1]) if row else None


def _anchors(conn: sqlite3.Connection, event_id: int) -> list[Anchor]:
    return [tuple(r) for r in conn.execute(
        "SELECT d.sha256, s.start_offset, s.end_offset, t.start_offset, t.end_offset FROM event_sources es"
        " JOIN documents d ON d.id = es.doc_id JOIN sentences s ON s.id = es.sentence_id"
        " JOIN timexes t ON t.id = es.timex_id WHERE es.event_id = ? ORDER BY es.rowid", [event_id])]


def _recount(conn: sqlite3.Connection, event_id: int) -> None:
    conn.execute(
        "UPDATE events SET n_sources = (SELECT COUNT(*) FROM event_sources WHERE event_id = :id),"
        " n_documents = (SELECT COUNT(DISTINCT doc_id) FROM event_sources WHERE event_id = :id),"
        " stance = CASE WHEN EXISTS (SELECT 1 FROM event_sources WHERE event_id = :id AND stance = 'denied')"
        " THEN 'denied' ELSE (SELECT stance FROM event_sources WHERE event_id = :id ORDER BY rowid LIMIT 1) END"
        " WHERE id = :id", {"id": event_id})


def _merge(conn: sqlite3.Connection, kept: int, absorbed: int) -> None:
    conn.execute("UPDATE event_sources SET event_id = ? WHERE event_id = ?", (kept, absorbed))
    conn.execute("INSERT OR IGNORE INTO event_entities(event_id, entity_id)"
                 " SELECT ?, entity_id FROM event_entities WHERE event_id = ?", (kept, absorbed))
    conn.execute("DELETE FROM events WHERE id = ?", [absorbed])
    _recount(conn, kept)


def _new_event_like(conn: sqlite3.Connection, like: int, title: str | None = None, date: dict | None = None,
                    wanted_id: int | None = None) -> int:
    row = conn.execute("SELECT value, mod, begin_day, end_day, granularity, title FROM events WHERE id = ?", [like]).fetchone()
    value, mod, begin, end, grain, same_title = row
    if date:
        value, mod, begin, end, grain = date["value"], date["mod"], date["begin"], date["end"], date["granularity"]
    if wanted_id is not None and conn.execute("SELECT 1 FROM events WHERE id = ?", [wanted_id]).fetchone():
        wanted_id = None
    return conn.execute(
        "INSERT INTO events(id, value, mod, begin_day, end_day, granularity, title, stance, n_sources, n_documents)"
        " VALUES (?,?,?,?,?,?,?,NULL,0,0)", (wanted_id, value, mod, begin, end, grain, title or same_title)).lastrowid


def _move(conn: sqlite3.Connection, anchors: list[Anchor], into: int) -> list[int]:
    """Move the sources at ``anchors`` into event ``into``; returns the events they left."""
    left = []
    for anchor in anchors:
        found = _source(conn, anchor)
        if found and found[0] != into:
            conn.execute("UPDATE event_sources SET event_id = ? WHERE event_id = ? AND timex_id = ?", (into, found[0], found[1]))
            left.append(found[0])
    return left


def _clause_entities(conn: sqlite3.Connection, event_id: int) -> None:
    for (entities,) in conn.execute("SELECT clause_entities FROM event_sources WHERE event_id = ?", [event_id]).fetchall():
        conn.executemany("INSERT OR IGNORE INTO event_entities(event_id, entity_id) SELECT ?, id FROM entities WHERE id = ?",
                         [(event_id, entity) for entity in json.loads(entities)])


def _drop_if_empty(conn: sqlite3.Connection, event_id: int) -> None:
    if not conn.execute("SELECT 1 FROM event_sources WHERE event_id = ?", [event_id]).fetchone():
        conn.execute("DELETE FROM events WHERE id = ?", [event_id])
    else:
        _recount(conn, event_id)


def _apply_one(conn: sqlite3.Connection, kind: str, anchor: Anchor, value: dict) -> int | None:
    """Apply one merge or split if it is not in effect yet; returns the event it produced or kept."""
    here = _source(conn, anchor)
    if here is None:
        return None
    if kind == "merge":
        other = _source(conn, tuple(value["other"]))
        if other is None or other[0] == here[0]:
            return here[0]
        _merge(conn, here[0], other[0])
        return here[0]
    if conn.execute("SELECT COUNT(*) FROM event_sources WHERE event_id = ?", [here[0]]).fetchone()[0] < 2:
        return here[0]
    new = _new_event_like(conn, here[0])
    _move(conn, [anchor], new)
    _clause_entities(conn, new)
    _recount(conn, new)
    _recount(conn, here[0])
    return new


def _record(db: Database, kind: str, anchor: Anchor, value: dict) -> int:
    conn = db.conn
    with immediate_transaction(conn):
        from .edits import _apply_dates

        result = _apply_one(conn, kind, anchor, value)
        conn.execute(
            "INSERT INTO edits(doc_sha256, sentence_start, sentence_end, timex_start, timex_end, kind, value, created_at)"
            " VALUES (?,?,?,?,?,?,?,?)", (*anchor, kind, json.dumps(value, ensure_ascii=False), _now()))
        _apply_dates(conn)
    return result


def merge(db: Database, kept: int, absorbed: int) -> int:
    """Merge event ``absorbed`` into ``kept`` (one happening the extractor split); returns ``kept``."""
    _writable(db)
    if kept == absorbed:
        raise QueryError("choose two different events to merge")
    row = db.execute("SELECT value, mod, begin_day, end_day, granularity, title FROM events WHERE id = ?", [absorbed]).fetchone()
    if row is None:
        raise QueryError(f"no event #{absorbed}")
    value = {"id": absorbed, "other": list(anchor_of(db, absorbed)), "sources": [list(a) for a in _anchors(db.conn, absorbed)],
             "date": dict(zip(("value", "mod", "begin", "end", "granularity"), row[:5])), "title": row[5],
             "entities": [r[0] for r in db.execute("SELECT entity_id FROM event_entities WHERE event_id = ? ORDER BY rowid", [absorbed])]}
    return _record(db, "merge", anchor_of(db, kept), value)


def split(db: Database, event_id: int, number: int) -> int:
    """Take source ``number`` (1-based, in the event's order) off an event into an event of its own; returns the new id."""
    _writable(db)
    anchors = _anchors(db.conn, event_id)
    if not anchors:
        raise QueryError(f"no event #{event_id}")
    if len(anchors) < 2:
        raise QueryError(f"#{event_id} has one source: nothing to split off")
    if not 1 <= number <= len(anchors):
        raise QueryError(f"#{event_id} has sources 1 to {len(anchors)}")
    ordered = _sources_in_display_order(db, event_id)
    chosen = ordered[number - 1]
    stays = next(a for a in ordered if a != chosen)
    return _record(db, "split", chosen, {"stays": list(stays)})


def _sources_in_display_order(db: Database, event_id: int) -> list[Anchor]:
    # The order ``events_by_id`` shows sources in, so "source 2" is the one the user sees second.
    return [tuple(r) for r in db.execute(
        "SELECT d.sha256, s.start_offset, s.end_offset, t.start_offset, t.end_offset FROM event_sources es"
        " JOIN documents d ON d.id = es.doc_id JOIN sentences s ON s.id = es.sentence_id"
        " JOIN timexes t ON t.id = es.timex_id WHERE es.event_id = ? ORDER BY d.published, d.id, s.idx", [event_id])]


def undo(conn: sqlite3.Connection, kind: str, anchor: Anchor, value: dict) -> int | None:
    """Reverse a merge or split that is in effect (inside the caller's transaction); returns an event to show."""
    here = _source(conn, anchor)
    if here is None:
        return None
    if kind == "merge":
        # The absorbed event gets its id back when free, so `waqai show ID` still finds it.
        restored = _new_event_like(conn, here[0], value["title"], value["date"], value.get("id"))
        _move(conn, [tuple(a) for a in value["sources"]], restored)
        conn.executemany("INSERT OR IGNORE INTO event_entities(event_id, entity_id) SELECT ?, id FROM entities WHERE id = ?",
                         [(restored, entity) for entity in value["entities"]])
        _drop_if_empty(conn, restored)
        _recount(conn, here[0])
        return here[0]
    stays = _source(conn, tuple(value["stays"]))
    if stays is None or stays[0] == here[0]:
        return here[0]
    _merge(conn, stays[0], here[0])
    return stays[0]


def apply_regroupings(conn: sqlite3.Connection) -> None:
    """Re-apply every merge and split, in the order they were made (after an ingest or an import)."""
    for kind, *anchor, value in conn.execute(
        "SELECT kind, doc_sha256, sentence_start, sentence_end, timex_start, timex_end, value FROM edits"
        " WHERE kind IN ('merge', 'split') ORDER BY id"
    ).fetchall():
        _apply_one(conn, kind, tuple(anchor), json.loads(value))
