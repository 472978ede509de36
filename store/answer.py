"""Events as contract JSON, built inside SQLite and handed on as UTF-8 bytes.

At a million events ``waqai list --on 2021-06 --json`` returns 4,878 events
(3.7 MB). Building a dict per event and source and encoding them in Python
cost more than fetching the rows. Here one SQL statement writes each event's
JSON by joining ``json_quote`` values, which escape strings exactly as
``json.dumps`` with ``ensure_ascii=False`` does (C0 controls as ``\\u001b``).
The rows come back as bytes, so they are not decoded into ``str`` and
encoded again. Python joins them and escapes the few characters
``json.dumps`` leaves alone: DEL, C1 and bidi controls (as
``sanitize.safe_json`` does). This module imports only the store's light
modules, for the console script's quick path (``tui/front.py``).

The output is byte for byte ``safe_json([contract_event(e) for e in
list_events(...)])`` in UTF-8. The fields are the tables below, in contract
order: adding one to the JSON is adding one ``(key, SQL expression)`` row,
where the expression yields JSON text (``_text`` for a column, ``_flag`` for
a boolean).
"""

from __future__ import annotations

from collections.abc import Iterator

from .db import Database
from .sentences import text_sql

# ``flt`` below is a queries.EventFilter, named in annotations only (never evaluated):
# importing queries would load the extractor.


def _text(column: str) -> str:
    """A column as a JSON value: a quoted, escaped string, a number or null."""
    return f"json_quote({column})"


def _flag(column: str) -> str:
    """An integer column as JSON true/false."""
    return f"CASE WHEN {column} THEN 'true' ELSE 'false' END"


def _object(fields: list[tuple[str, str]]) -> str:
    """SQL concatenating ``{"key": value, …}`` with json.dumps's separators.

    (A single ``printf`` measured slower than this chain of ``||``.)
    """
    parts = []
    for position, (key, expression) in enumerate(fields):
        # Keys are fixed identifiers: no quote or backslash to escape.
        opening = "{" if position == 0 else ", "
        parts.append(f"'{opening}\"{key}\": ' || {expression}")
    return "(" + " || ".join(parts) + " || '}')"


ENTITY_FIELDS: list[tuple[str, str]] = [
    ("name", _text("en.name")),
    ("name_en", _text("en.name_en")),
    ("kind", _text("en.kind")),
]

SOURCE_FIELDS: list[tuple[str, str]] = [
    ("doc", _text("d.name")),
    ("title", _text("d.title")),
    ("published", _text("d.published")),
    ("source", _text("d.source")),
    ("sentence", _text(text_sql())),
    ("start", _text("s.start_offset")),
    ("end", _text("s.end_offset")),
    ("timex", _text("t.text")),
    ("attribution", _text("es.attribution")),
    ("stance", _text("es.stance")),
    ("url", _text("d.url")),
    ("published_estimated", _flag("d.published_estimated")),
]

# The JSON arrays are correlated subqueries: their rows are ordered in an
# inner SELECT because SQLite 3.40 has no ORDER BY inside group_concat.
_ENTITIES = (
    "SELECT {obj} AS j FROM event_entities ee JOIN entities en ON en.id = ee.entity_id"
    " WHERE ee.event_id = e.id ORDER BY ee.rowid"
)
_SOURCES = (
    "SELECT {obj} AS j FROM event_sources es JOIN documents d ON d.id = es.doc_id"
    " JOIN sentences s ON s.id = es.sentence_id JOIN timexes t ON t.id = es.timex_id"
    " WHERE es.event_id = e.id ORDER BY d.published, d.id, s.idx"
)


def _array(select: str, fields: list[tuple[str, str]]) -> str:
    inner = select.format(obj=_object(fields))
    return f"COALESCE((SELECT '[' || group_concat(j, ', ') || ']' FROM ({inner})), '[]')"


EVENT_FIELDS: list[tuple[str, str]] = [
    ("id", _text("e.id")),
    ("value", _text("e.value")),
    ("mod", _text("e.mod")),
    ("begin", _text("e.begin_day")),
    ("end", _text("e.end_day")),
    ("granularity", _text("e.granularity")),
    ("title", _text("e.title")),
    ("stance", _text("e.stance")),
    ("planned", _flag("e.planned")),
    ("corroboration", _text("e.n_documents")),
    ("entities", _array(_ENTITIES, ENTITY_FIELDS)),
    ("sources", _array(_SOURCES, SOURCE_FIELDS)),
]


def event_json_rows(db: Database, where: str, params: list, limit: int | None = None) -> Iterator[bytes]:
    """Each event's contract JSON as UTF-8 bytes, in list order (begin, end, id), for a ``filters.filter_sql`` clause.

    One statement, so the rows come from one consistent state of the database.
    """
    sql = f"SELECT CAST({_object(EVENT_FIELDS)} AS BLOB) FROM events e{where} ORDER BY e.begin_day, e.end_day, e.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    for (data,) in db.execute(sql, params):
        yield data


def events_json(db: Database, flt: EventFilter, limit: int | None = None) -> bytes:
    """The contract JSON array of ``waqai list --json`` in UTF-8, terminal-inert (see module doc)."""
    return filtered_json(db, *flt.where(), limit)


def filtered_json(db: Database, where: str, params: list, limit: int | None = None) -> bytes:
    """``events_json`` for a WHERE clause and its parameters from ``filters.filter_sql``."""
    return inert_json_utf8(b"[" + b", ".join(event_json_rows(db, where, params, limit)) + b"]")


# What json.dumps leaves unescaped and sanitize.inert_json escapes, in UTF-8: DEL, C1 (C2 80-9F),
# U+202A-202E (E2 80 AA-AE) and U+2066-2069 (E2 81 A6-A9).
_UNSAFE_UTF8 = rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"


def inert_json_utf8(data: bytes) -> bytes:
    """``sanitize.inert_json`` for UTF-8 JSON bytes, fast when there is nothing to escape.

    Scanning megabytes with a character class costs tens of instructions a
    byte; the lead bytes are found with memchr (``bytes.find``) instead, and
    only the rare answers with a match load ``re`` and are rewritten.
    """
    if b"\x7f" not in data and not _unsafe_after(data, b"\xc2") and not _unsafe_after(data, b"\xe2"):
        return data
    import re

    return re.sub(_UNSAFE_UTF8, lambda m: f"\\u{ord(m.group().decode('utf-8')):04x}".encode("ascii"), data)


def _unsafe_after(data: bytes, lead: bytes) -> bool:
    """Whether some ``lead`` byte in ``data`` starts a character of ``_UNSAFE_UTF8``."""
    i = data.find(lead)
    while i != -1:
        second = data[i + 1:i + 2]
        if lead == b"\xc2":
            if b"\x80" <= second <= b"\x9f":
                return True
        elif (second == b"\x80" and b"\xaa" <= data[i + 2:i + 3] <= b"\xae"
              or second == b"\x81" and b"\xa6" <= data[i + 2:i + 3] <= b"\xa9"):
            return True
        i = data.find(lead, i + 1)
    return False
