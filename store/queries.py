"""Read queries: events by date/entity/text, one event with its sources, search, stats.

Event dictionaries follow the **contract** shape of ARCHITECTURE.md
(``waqai list --json``), with these additions: ``stance`` and ``planned``
(true for a scheduled happening not yet reported done) on the event, and
``attribution`` on each source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from waqai.extract.normalize import fold

from .db import Database, snapshot
from .sentences import text_sql
from .edits import decorate
from .errors import QueryError
from .filters import date_bounds, date_filter, filter_sql  # noqa: F401 (date_filter: the explorer's too)


def fts_query(text: str, prefix_last: bool = False) -> str | None:
    """An FTS5 query that searches the user's words as plain text.

    Every word is folded and quoted, so quotes, ``*``, ``NEAR``, ``-`` and SQL
    in the input are just text. None when there is no word to search.
    """
    words = re.findall(r"[^\W_]+", fold(text))
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix_last:
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class EventFilter:
    """The filters shared by list, export and the TUI."""

    begin: str | None = None  # events ending on or after this day
    end: str | None = None  # events beginning on or before this day
    entity: str | None = None  # entity id
    query: str | None = None  # FTS5 query over source sentences
    marked: bool = False  # only events the analyst marked
    noted: bool = False  # only events with a note
    hidden: bool = False  # include events the analyst hid as noise

    def where(self) -> tuple[str, list]:
        """SQL WHERE clause (over ``events e``) and its parameters."""
        return filter_sql(self.begin, self.end, self.entity, self.query, self.marked, self.noted, self.hidden)


def make_filter(date_from: str | None = None, date_to: str | None = None, on: str | None = None,
                entity: str | None = None, query: str | None = None, marked: bool = False,
                noted: bool = False, hidden: bool = False) -> EventFilter:
    """Build an EventFilter from user text; raises QueryError on bad input."""
    begin, end = date_bounds(date_from, date_to, on)
    entity_id = None
    if entity is not None and not entity.strip():
        raise QueryError("an empty --entity names no actor or place")
    if entity:
        from .entities import resolve_entity  # only here: a date lookup starts without the gazetteer

        entity_id = resolve_entity(entity)
    fts = None
    if query is not None:
        fts = fts_query(query)
        if fts is None:
            raise QueryError(f"nothing to search for in {query!r}")
    return EventFilter(begin, end, entity_id, fts, marked=marked, noted=noted, hidden=hidden)


_EVENT_COLUMNS = ("e.id, e.value, e.mod, e.begin_day, e.end_day, e.granularity, e.title, e.stance, e.n_sources,"
                  " e.n_documents, e.planned")


def event_ids(db: Database, flt: EventFilter, limit: int | None = None,
              after: tuple[str, str, int] | None = None) -> list[int]:
    """Event ids in chronological order (begin, end, id), with keyset pagination."""
    where, params = flt.where()
    if after:
        where += (" AND " if where else " WHERE ") + "(e.begin_day, e.end_day, e.id) > (?, ?, ?)"
        params += list(after)
    sql = f"SELECT e.id FROM events e{where} ORDER BY e.begin_day, e.end_day, e.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in db.execute(sql, params)]


def count_events(db: Database, flt: EventFilter) -> int:
    """How many events match the filter."""
    where, params = flt.where()
    return db.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]


def events_by_id(db: Database, ids: list[int], with_sources: bool = True) -> list[dict]:
    """Contract-shaped event dicts for ``ids``, in the order given."""
    if not ids:
        return []
    with snapshot(db):
        return _events_by_id(db, ids, with_sources)


def _events_by_id(db: Database, ids: list[int], with_sources: bool) -> list[dict]:
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id IN ({marks})", ids).fetchall()
    events = {
        r[0]: {"id": r[0], "value": r[1], "mod": r[2], "begin": r[3], "end": r[4], "granularity": r[5],
               "title": r[6], "stance": r[7], "planned": bool(r[10]), "corroboration": r[9], "entities": [],
               "sources": []}
        for r in rows
    }
    for event_id, name, name_en, kind in db.execute(
        f"SELECT ee.event_id, en.name, en.name_en, en.kind FROM event_entities ee JOIN entities en ON en.id = ee.entity_id"
        f" WHERE ee.event_id IN ({marks}) ORDER BY ee.event_id, ee.rowid", ids
    ):
        events[event_id]["entities"].append({"name": name, "name_en": name_en, "kind": kind})
    if with_sources:
        for row in db.execute(
            f"SELECT es.event_id, d.name, d.title, d.published, d.source, {text_sql()}, s.start_offset, s.end_offset,"
            " t.text, es.attribution, es.stance, d.id, s.idx, t.start_offset, t.end_offset, d.url, d.published_estimated"
            " FROM event_sources es JOIN documents d ON d.id = es.doc_id JOIN sentences s ON s.id = es.sentence_id"
            f" JOIN timexes t ON t.id = es.timex_id WHERE es.event_id IN ({marks}) ORDER BY d.published, d.id, s.idx",
            ids,
        ):
            events[row[0]]["sources"].append({
                "doc": row[1], "title": row[2], "published": row[3], "source": row[4], "sentence": row[5],
                "start": row[6], "end": row[7], "timex": row[8], "attribution": row[9], "stance": row[10],
                "doc_id": row[11], "sentence_index": row[12], "timex_start": row[13], "timex_end": row[14],
                "url": row[15], "published_estimated": bool(row[16]),
            })
    decorate(db, events)
    return [events[i] for i in ids if i in events]


def list_events(db: Database, flt: EventFilter, limit: int | None = None) -> list[dict]:
    """Events matching the filter, sorted by begin then end."""
    with snapshot(db):
        return events_by_id(db, event_ids(db, flt, limit))


def contract_event(event: dict) -> dict:
    """Drop the internal fields (doc_id, sentence_index, timex offsets) from sources."""
    internal = ("doc_id", "sentence_index", "timex_start", "timex_end")
    return {**event, "sources": [{k: v for k, v in s.items() if k not in internal} for s in event["sources"]]}


def get_event(db: Database, event_id: int) -> dict | None:
    """One event with all its sources, or None."""
    with snapshot(db):
        found = events_by_id(db, [event_id])
    return found[0] if found else None


def context_sentences(db: Database, doc_id: int, index: int, around: int = 1) -> list[dict]:
    """The sentences around one sentence of a document (for drill-down context)."""
    rows = db.execute(
        f"SELECT s.idx, {text_sql()} FROM sentences s JOIN documents d ON d.id = s.doc_id"
        " WHERE s.doc_id = ? AND s.idx BETWEEN ? AND ? ORDER BY s.idx",
        (doc_id, index - around, index + around),
    ).fetchall()
    return [{"index": r[0], "text": r[1]} for r in rows]


def document(db: Database, doc_id: int) -> dict | None:
    """A stored document with its text and sentence offsets."""
    row = db.execute("SELECT id, name, title, source, url, published, text FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    sentences = db.execute("SELECT idx, start_offset, end_offset FROM sentences WHERE doc_id = ? ORDER BY idx", [doc_id]).fetchall()
    return {"id": row[0], "doc": row[1], "title": row[2], "source": row[3], "url": row[4], "published": row[5],
            "text": row[6], "sentences": [{"index": s[0], "start": s[1], "end": s[2]} for s in sentences]}


def search_sentences(db: Database, text: str, limit: int = 50, prefix_last: bool = False) -> list[dict]:
    """Sentences matching ``text`` (Arabic-normalized), best first, with their events."""
    query = fts_query(text, prefix_last)
    if query is None:
        raise QueryError(f"nothing to search for in {text!r}")
    rows = db.execute(
        f"SELECT s.id, d.name, d.title, d.published, {text_sql()}, s.start_offset, s.end_offset,"
        " (SELECT group_concat(es.event_id) FROM event_sources es WHERE es.sentence_id = s.id)"
        " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.doc_id"
        f" WHERE sentences_fts MATCH ? ORDER BY rank LIMIT {int(limit)}",
        [query],
    ).fetchall()
    return [{"doc": r[1], "title": r[2], "published": r[3], "sentence": r[4], "start": r[5], "end": r[6],
             "events": sorted({int(x) for x in r[7].split(",")}) if r[7] else []} for r in rows]


def stats(db: Database) -> dict:
    """Counts, the chronology's span, and documents waiting for a publication date."""
    with snapshot(db):
        return _stats(db)


def _stats(db: Database) -> dict:
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    span = db.execute("SELECT MIN(begin_day), MAX(end_day) FROM events").fetchone()
    undated = []
    for doc_id, name, title in db.execute("SELECT id, name, title FROM documents WHERE published IS NULL ORDER BY id"):
        unresolved = db.execute(
            "SELECT text FROM timexes WHERE doc_id = ? AND value = '' ORDER BY start_offset", [doc_id]
        ).fetchall()
        latest = db.execute("SELECT MAX(end_day) FROM timexes WHERE doc_id = ? AND end_day IS NOT NULL", [doc_id]).fetchone()[0]
        undated.append({"doc": name, "title": title, "unresolved": [r[0] for r in unresolved],
                        "published_on_or_after": latest, "candidates": dct_candidates(db, doc_id)})
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "sentences": one("SELECT COUNT(*) FROM sentences"),
        "timexes": one("SELECT COUNT(*) FROM timexes"),
        "events": one("SELECT COUNT(*) FROM events"),
        "corroborated_events": one("SELECT COUNT(*) FROM events WHERE n_documents > 1"),
        "denied_events": one("SELECT COUNT(*) FROM events WHERE stance = 'denied'"),
        "entities": one("SELECT COUNT(*) FROM entities"),
        "first_day": span[0],
        "last_day": span[1],
        "documents_without_publication_date": undated,
    }


def dct_candidates(db: Database, doc_id: int) -> list[str]:
    """Publication dates a user could confirm for an undated document.

    A weekday written with a day and month (السبت 18 تشرين الثاني) fixes the
    year among the candidates; each such fit since 1990 is offered.
    """
    from waqai.extract.patterns import grammar, lexicon

    lx = lexicon()
    text = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    day_month = dict(grammar().families)["day_month"]
    candidates: set[str] = set()
    for m in day_month.finditer(fold(text)):
        if not m["weekday"] or m["year"]:
            continue
        weekday = lx.weekdays.get(m["weekday"])
        day_text = m["day"].removeprefix("ال")
        month_match = grammar().month_word.search(m["month"])
        if not (weekday and day_text.isdigit() and month_match):
            continue
        month = lx.months.get(month_match.group())
        for year in range(1990, date.today().year + 1):
            try:
                d = date(year, month, int(day_text))
            except (TypeError, ValueError):
                continue
            if d.isoweekday() == weekday:
                candidates.add(d.isoformat())
    return sorted(candidates)
