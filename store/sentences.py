"""Sentences as spans of their document, and their full-text index.

Since schema 6 a ``sentences`` row holds offsets only: its text is cut from
``documents.text`` when read (``text_sql``), because a stored copy and its
folded copy made the database about twice the size of the text again.
Since schema 7 the sentences that some event reports (about one in five on
real news) keep their text in ``reported_text``, once however many reports
name them: every source a lookup shows reads it from its own row instead of
loading its document's whole text. Triggers on ``event_sources`` keep it in
step, so every writer (ingest, load, redate, regroup, another tool) does.
``sentences_fts`` is a contentless FTS5 index of the folded sentence text,
keyed by sentence id; it stores no copy either. A contentless index cannot
read back what it indexed, so removing a sentence from it means folding its
text again: every deletion of sentences goes through ``delete_document_sentences``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# SQLite's substr counts characters (code points), as Python's str offsets do.
_CUT_SQL = "substr({d}.text, {s}.start_offset + 1, {s}.end_offset - {s}.start_offset)"
# COALESCE stops at the first non-null argument, so a reported sentence never
# loads its document's text (the overflow pages of a long article).
_TEXT_SQL = "COALESCE({s}.reported_text, " + _CUT_SQL + ")"


def text_sql(sentence: str = "s", document: str = "d") -> str:
    """SQL for a sentence's text, given the aliases of a joined ``sentences`` row and its ``documents`` row."""
    return _TEXT_SQL.format(s=sentence, d=document)


def cut_sql(sentence: str = "s", document: str = "d") -> str:
    """SQL cutting a sentence's text from its document only: for migration steps that run before 0007 made ``reported_text``."""
    return _CUT_SQL.format(s=sentence, d=document)


_CUT_OWN = _CUT_SQL.format(s="sentences", d="d")
_REPORTED = "SELECT 1 FROM event_sources WHERE sentence_id = {id}"

# A sentence keeps its text while at least one report names it. The text is
# cut by SQLite from the stored document, so it is the same whoever inserts
# the report; a document's text never changes once stored.
REPORTED_TEXT_TRIGGERS = f"""
CREATE TRIGGER event_sources_text_ai AFTER INSERT ON event_sources BEGIN
    UPDATE sentences SET reported_text = (SELECT {_CUT_OWN} FROM documents d WHERE d.id = sentences.doc_id)
    WHERE id = new.sentence_id AND reported_text IS NULL;
END;
CREATE TRIGGER event_sources_text_ad AFTER DELETE ON event_sources BEGIN
    UPDATE sentences SET reported_text = NULL
    WHERE id = old.sentence_id AND NOT EXISTS ({_REPORTED.format(id="old.sentence_id")});
END;
CREATE TRIGGER event_sources_text_au AFTER UPDATE OF sentence_id ON event_sources BEGIN
    UPDATE sentences SET reported_text = NULL
    WHERE id = old.sentence_id AND NOT EXISTS ({_REPORTED.format(id="old.sentence_id")});
    UPDATE sentences SET reported_text = (SELECT {_CUT_OWN} FROM documents d WHERE d.id = sentences.doc_id)
    WHERE id = new.sentence_id AND reported_text IS NULL;
END;
"""

# The same text for the sentences already reported when the column is added (migration 0007).
FILL_REPORTED_TEXT = (
    f"UPDATE sentences SET reported_text = (SELECT {_CUT_OWN} FROM documents d WHERE d.id = sentences.doc_id)"
    " WHERE id IN (SELECT sentence_id FROM event_sources)"
)


def storable_text(text: str) -> str:
    """The document text as stored: NUL characters become U+FFFD, one for one.

    SQLite's text functions stop at a NUL, so ``substr`` could not cut a
    sentence after one; the replacement keeps every offset where it was.
    """
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def index_rows(text: str, spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, str]]:
    """``(sentence id, folded text)`` rows for ``sentences_fts`` from ``(id, start, end)`` spans of ``text``."""
    from waqai.extract.normalize import fold  # here: a lookup reads text_sql() without loading the extractor

    return [(sentence_id, fold(text[start:end])) for sentence_id, start, end in spans]


def index(conn: sqlite3.Connection, rows: list[tuple[int, str]]) -> None:
    """Add ``(sentence id, folded text)`` rows to the full-text index."""
    conn.executemany("INSERT INTO sentences_fts(rowid, norm) VALUES (?, ?)", rows)


class Texts:
    """Sentence texts for the writer: the document being written from memory, others read once each.

    Cutting a sentence in SQL loads its whole document, which made merging
    into a long document quadratic; one write transaction reads each other
    document once and slices it in Python.
    """

    def __init__(self, conn: sqlite3.Connection, doc_id: int, text: str) -> None:
        self.conn = conn
        self.documents = {doc_id: text}

    def get(self, doc_id: int, start: int, end: int) -> str:
        """The text of the sentence at ``[start, end)`` of document ``doc_id``."""
        text = self.documents.get(doc_id)
        if text is None:
            text = self.documents[doc_id] = self.conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
        return text[start:end]


def delete_document_sentences(conn: sqlite3.Connection, doc_id: int) -> None:
    """Delete a document's sentences and their full-text entries (inside the caller's transaction)."""
    row = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        return
    spans = conn.execute("SELECT id, start_offset, end_offset FROM sentences WHERE doc_id = ?", [doc_id]).fetchall()
    # A contentless index is told exactly what it indexed, or it is corrupted.
    conn.executemany("INSERT INTO sentences_fts(sentences_fts, rowid, norm) VALUES ('delete', ?, ?)",
                     index_rows(row[0], spans))
    conn.execute("DELETE FROM sentences WHERE doc_id = ?", [doc_id])
