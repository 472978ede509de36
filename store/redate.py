"""Correcting a document's publication date, so its relative dates are resolved again.

The correction is a row of the ``edits`` log (kind ``published``, anchored
to the document's SHA-256 with zero offsets, value: the new date and the
one it replaced). Applying it re-analyses the stored text with the new
date: the document's sentences, timexes and event sources are replaced
(events left without a source are removed, others recounted), and its
reports merge into the chronology like a fresh ingest. The other edits of
its events follow, because they are anchored to offsets in the unchanged
text. ``apply_published`` re-applies corrections after ingest and import;
a document already at its corrected date is left alone.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from .db import Database, immediate_transaction
from .errors import QueryError
from .edits import _apply_dates, _now, _writable
from .sentences import delete_document_sentences


def _document(db: Database, name: str) -> tuple[int, str, str | None]:
    """(id, sha256, published) of the document named ``name`` (file name, or a SHA-256 prefix of 8+ characters)."""
    rows = db.execute("SELECT id, sha256, published FROM documents WHERE name = ?", [name]).fetchall()
    if not rows and len(name) >= 8:
        rows = db.execute("SELECT id, sha256, published FROM documents WHERE sha256 LIKE ?", [name.lower() + "%"]).fetchall()
    if len(rows) != 1:
        raise QueryError(f"no document {name!r}" if not rows else f"{name!r} names {len(rows)} documents; give its SHA-256")
    return rows[0]


def _rebuild(conn: sqlite3.Connection, sha256: str, published: str | None, estimated: bool = False) -> None:
    """Re-analyse one stored document with another publication date (inside the caller's transaction)."""
    from waqai.extract.pipeline import analyze

    from .ingest import Article, Prepared, _write_document
    from .regroup import _recount

    row = conn.execute("SELECT id, name, path, title, source, url, encoding, text FROM documents WHERE sha256 = ?",
                       [sha256]).fetchone()
    if row is None:
        return
    doc_id, name, path, title, source, url, encoding, text = row
    affected = [r[0] for r in conn.execute("SELECT DISTINCT event_id FROM event_sources WHERE doc_id = ?", [doc_id])]
    conn.execute("DELETE FROM event_sources WHERE doc_id = ?", [doc_id])
    for event_id in affected:
        if conn.execute("SELECT 1 FROM event_sources WHERE event_id = ?", [event_id]).fetchone():
            _recount(conn, event_id)
        else:
            conn.execute("DELETE FROM events WHERE id = ?", [event_id])
    conn.execute("DELETE FROM timexes WHERE doc_id = ?", [doc_id])
    delete_document_sentences(conn, doc_id)  # and their full-text entries
    conn.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    day = date.fromisoformat(published) if published else None
    analysis = analyze(text, day, source, title=title)
    analysis = replace(analysis, layout=replace(analysis.layout, folded=None))
    # The path's file name is the document's name; a stored path of another name is kept as it was.
    article = Article(Path(path) if path and Path(path).name == name else Path(name), day, estimated, source, url)
    _write_document(conn, Prepared(article, text, encoding, sha256, analysis))


def redate(db: Database, name: str, published: str) -> dict:
    """Set a document's publication date (YYYY-MM-DD) and resolve its relative dates again.

    Returns the document's name, its new date and the one it had.
    """
    _writable(db)
    try:
        day = date.fromisoformat(published).isoformat()
    except ValueError:
        raise QueryError(f"{published!r} is not a day (YYYY-MM-DD)") from None
    doc_id, sha256, was = _document(db, name)
    estimated = bool(db.execute("SELECT published_estimated FROM documents WHERE id = ?", [doc_id]).fetchone()[0])
    value = {"published": day, "was": was, "was_estimated": estimated}
    conn = db.conn
    with immediate_transaction(conn):
        conn.execute(
            "INSERT INTO edits(doc_sha256, sentence_start, sentence_end, timex_start, timex_end, kind, value, created_at)"
            " VALUES (?,0,0,0,0,'published',?,?)", (sha256, json.dumps(value), _now()))
        _rebuild(conn, sha256, day)
        _reapply_others(conn)
    return {"doc": name, "published": day, "was": was}


def _reapply_others(conn: sqlite3.Connection) -> None:
    from .regroup import apply_regroupings

    apply_regroupings(conn)
    _apply_dates(conn)


def undo(conn: sqlite3.Connection, sha256: str, value: dict) -> None:
    """Give a document back the date it had before a correction (inside the caller's transaction)."""
    _rebuild(conn, sha256, value.get("was"), bool(value.get("was_estimated")))


def apply_published(conn: sqlite3.Connection) -> None:
    """Re-apply every publication-date correction whose document has another date (after ingest or import)."""
    latest = conn.execute(
        "SELECT ed.doc_sha256, ed.value FROM edits ed WHERE ed.kind = 'published' AND ed.id ="
        " (SELECT MAX(id) FROM edits x WHERE x.kind = 'published' AND x.doc_sha256 = ed.doc_sha256)"
    ).fetchall()
    for sha256, value in latest:
        wanted = json.loads(value)["published"]
        row = conn.execute("SELECT published FROM documents WHERE sha256 = ?", [sha256]).fetchone()
        if row is not None and row[0] != wanted:
            _rebuild(conn, sha256, wanted)
