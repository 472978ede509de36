"""Claims and their denials, linked both ways.

The extractor marks an event as denied (نفت، المفبرك، "هذه المعلومات خاطئة")
but stores the denial apart from the report it answers: they are worded
differently and name different actors. A denial is linked to the events
that are not denials, whose interval is the same, and that either come
from one of the denial's articles or name a specific (non-generic) actor
or place in common. A country or a capital shared is no evidence, as in
the merge rule.
"""

from __future__ import annotations

from waqai.extract.gazetteer import gazetteer

from .db import Database


def _specific(entity_ids: set[str]) -> set[str]:
    names = gazetteer().entities
    return {e for e in entity_ids if e in names and not names[e].generic}


def linked(db: Database, event_id: int) -> list[dict]:
    """The events a denial answers, or the denials of a report: ``{"id", "value", "title", "relation"}``."""
    row = db.execute("SELECT begin_day, end_day, stance FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        return []
    begin, end, stance = row
    denied = stance == "denied"
    docs = {r[0] for r in db.execute("SELECT doc_id FROM event_sources WHERE event_id = ?", [event_id])}
    entities = _specific({r[0] for r in db.execute("SELECT entity_id FROM event_entities WHERE event_id = ?", [event_id])})
    found = []
    for other, value, title in db.execute(
        "SELECT id, value, title FROM events WHERE begin_day = ? AND end_day = ? AND id <> ?"
        " AND (COALESCE(stance, '') = 'denied') = ? ORDER BY id", (begin, end, event_id, 0 if denied else 1)
    ).fetchall():
        other_docs = {r[0] for r in db.execute("SELECT doc_id FROM event_sources WHERE event_id = ?", [other])}
        other_entities = _specific({r[0] for r in db.execute("SELECT entity_id FROM event_entities WHERE event_id = ?", [other])})
        if docs & other_docs or entities & other_entities:
            found.append({"id": other, "value": value, "title": title, "relation": "denies" if denied else "denied by"})
    return found
