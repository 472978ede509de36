"""What a waqai database holds, by content rather than by row ids, to compare two databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def contents(path: Path) -> dict[str, list]:
    """Every stored fact, with ids replaced by what they point to (document hash, sentence index…).

    ``ingested_at`` is left out: it is the clock, not the content.
    """
    conn = sqlite3.connect(path)
    one = lambda sql: sorted(conn.execute(sql).fetchall(), key=repr)  # noqa: E731
    sources = (
        "SELECT d.sha256, s.idx, t.start_offset, es.attribution, es.stance, es.clause_tokens, es.clause_entities"
        " FROM event_sources es JOIN documents d ON d.id = es.doc_id JOIN sentences s ON s.id = es.sentence_id"
        " JOIN timexes t ON t.id = es.timex_id"
    )
    events = []
    for row in conn.execute("SELECT id, value, mod, begin_day, end_day, granularity, title, stance, n_sources, n_documents"
                            " FROM events").fetchall():
        event_sources = sorted(conn.execute(sources + " WHERE es.event_id = ?", [row[0]]).fetchall(), key=repr)
        entities = sorted(r[0] for r in conn.execute("SELECT entity_id FROM event_entities WHERE event_id = ?", [row[0]]))
        events.append((row[1:], event_sources, entities))
    result = {
        "documents": one("SELECT name, path, sha256, title, source, url, published, published_estimated, encoding, text"
                         " FROM documents"),
        "sentences": one("SELECT d.sha256, s.idx, s.paragraph, s.start_offset, s.end_offset FROM sentences s"
                         " JOIN documents d ON d.id = s.doc_id"),
        # A contentless index cannot be read back: each sentence's token count in it is compared instead.
        "sentences_fts": one("SELECT d.sha256, s.idx, hex(z.sz) FROM sentences_fts_docsize z"
                             " JOIN sentences s ON s.id = z.id JOIN documents d ON d.id = s.doc_id"),
        "timexes": one("SELECT d.sha256, s.idx, t.start_offset, t.end_offset, t.text, t.type, t.value, t.mod,"
                       " t.begin_day, t.end_day FROM timexes t JOIN documents d ON d.id = t.doc_id"
                       " LEFT JOIN sentences s ON s.id = t.sentence_id"),
        "events": sorted(events, key=repr),
        "event_sources": one(sources),
        "event_entities": one("SELECT e.value, e.title, ee.entity_id FROM event_entities ee JOIN events e ON e.id = ee.event_id"),
        "entities": one("SELECT id, name, name_en, kind, lat, lon FROM entities"),
    }
    conn.close()
    return result


def ingest_texts(tmp_path: Path, docs: list[tuple[str, str, str]]):
    """Ingest (name, publication day, text) articles into a fresh database; return it and its events."""
    from datetime import date

    from waqai.store.db import open_db
    from waqai.store.ingest import Article, ingest
    from waqai.store.queries import EventFilter, list_events

    tmp_path.mkdir(parents=True, exist_ok=True)
    articles = []
    for name, day, text in docs:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        articles.append(Article(path, date.fromisoformat(day), source="test"))
    db = open_db(tmp_path / "events.db")
    ingest(db, articles)
    return db, list_events(db, EventFilter())
