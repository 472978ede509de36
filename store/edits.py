"""The analyst's edits: marks, notes, hidden events, date and title corrections, and where they live.

Why this design survives re-ingesting the articles and a better extractor:

- Edits live in their own table, ``edits``, an append-only log that ingest
  never reads or deletes. A row is anchored not to an event id (ids change
  when a database is rebuilt, or when the extractor merges differently) but
  to the text it is about: the document's SHA-256, and the offsets of the
  source sentence and of the date expression in that document.
- The view ``edit_targets`` resolves an anchor to the event that has a
  source whose date expression overlaps the anchored span in the document
  with that hash; failing that (the tagger now cuts the expression
  differently), to an event reported by a sentence overlapping the anchored
  sentence. An anchor whose document is absent resolves to nothing and
  waits: importing edits before ingesting the articles works too.
- The state of an event is, for each kind, the latest edit among the
  anchors resolving to it (view ``edit_state``). Unmarking or clearing a
  note is a new row; undo deletes the last row, so the previous state
  returns by itself.
- Marks, notes, hides and titles are applied when events are read
  (``decorate``, and ``EventFilter`` for hidden/marked/noted). A date
  correction moves the event in the chronology, whose order comes from an
  index, so ``apply_dates`` writes it into ``events`` (and its R*Tree);
  it runs after every edit, undo, import and ingest. The machine's date
  stays recoverable: it is the date of the event's first source.
- Edits that change which sources form an event (merge, split: see
  ``store/regroup.py``) or how a document is read (its publication date:
  ``store/redate.py``) are rows of the same log, re-applied in the same
  places, before the date corrections.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timezone

from waqai.extract.calendar import granularity, interval

from .db import Database, immediate_transaction
from .errors import QueryError, StoreError
from .filters import has_edits  # noqa: F401 (defined there: the quick lookup path checks it without this module)

KINDS = ("mark", "note", "hide", "date", "title", "merge", "split", "published")
_SIMPLE = KINDS[:5]  # merge and split are recorded by store/regroup.py, published by store/redate.py
_MODS = {"START": "START", "EARLY": "START", "MID": "MID", "END": "END", "LATE": "END", "APPROX": "APPROX",
         "ABOUT": "APPROX", "LESS_THAN": "LESS_THAN", "MORE_THAN": "MORE_THAN"}
EXPORT_FORMAT = "waqai-edits/1"


def migration(conn: sqlite3.Connection) -> None:
    """Create the edits log and the views that resolve it (a migration step of store/db.py)."""
    from .db import execute_script

    execute_script(
        conn,
        """
        CREATE TABLE edits (
            id INTEGER PRIMARY KEY,
            doc_sha256 TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            timex_start INTEGER NOT NULL,
            timex_end INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('mark', 'note', 'hide', 'date', 'title', 'merge', 'split', 'published')),
            value TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX edits_document ON edits(doc_sha256, id);
        CREATE INDEX event_sources_timex ON event_sources(timex_id);
        CREATE VIEW edit_targets AS
        SELECT ed.id AS edit_id, ed.kind, ed.value, COALESCE(
            (SELECT es.event_id FROM documents d JOIN timexes t ON t.doc_id = d.id
                 JOIN event_sources es ON es.timex_id = t.id
             WHERE d.sha256 = ed.doc_sha256 AND t.start_offset < ed.timex_end AND t.end_offset > ed.timex_start
             ORDER BY t.start_offset, es.rowid LIMIT 1),
            (SELECT es.event_id FROM documents d JOIN sentences s ON s.doc_id = d.id
                 JOIN event_sources es ON es.sentence_id = s.id
             WHERE d.sha256 = ed.doc_sha256 AND s.start_offset < ed.sentence_end AND s.end_offset > ed.sentence_start
             ORDER BY es.rowid LIMIT 1)) AS event_id
        FROM edits ed;
        CREATE VIEW edit_state AS
        SELECT event_id, kind, value, edit_id FROM (
            SELECT event_id, kind, value, edit_id,
                   ROW_NUMBER() OVER (PARTITION BY event_id, kind ORDER BY edit_id DESC) AS newest
            FROM edit_targets WHERE event_id IS NOT NULL)
        WHERE newest = 1;
        """,
    )


@dataclass(frozen=True)
class DateCorrection:
    """A TIMEX3 value typed by the user, with its interval."""

    value: str
    mod: str | None
    begin: str
    end: str
    granularity: str

    def preview(self) -> str:
        """The interval the value stands for, as shown while typing."""
        mod = f" {self.mod}" if self.mod else ""
        return f"{self.value}{mod} = {self.begin} … {self.end} ({self.granularity})"


def parse_date(text: str) -> DateCorrection:
    """``2021-07``, ``2021-06 END``, ``2022-W49``, ``2024-Q1``, ``198`` … as a correction.

    The interval comes from the same calendar code the tagger uses; raises
    QueryError when the text is not a TIMEX3 DATE value.
    """
    words = text.strip().split()
    if not words or len(words) > 2:
        raise QueryError(f"{text!r} is not a date value (try 2021-07, 2021-06 END, 2022-W49, 2024-Q1)")
    value, mod = words[0], None
    if len(words) == 2:
        mod = _MODS.get(words[1].upper())
        if mod is None:
            raise QueryError(f"{words[1]!r} is not a modifier (START, MID, END, APPROX, LESS_THAN, MORE_THAN)")
    span = interval(value, mod)
    if span is None:
        raise QueryError(f"{value!r} is not a date value (try 2021-07, 2021-06 END, 2022-W49, 2024-Q1)")
    return DateCorrection(value, mod, span[0].isoformat(), span[1].isoformat(), granularity(value) or "day")


def _writable(db: Database) -> None:
    if db.readonly:
        raise StoreError(f"{db.path} is read-only: edits need a writable database")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def anchor_of(db: Database, event_id: int) -> tuple[str, int, int, int, int]:
    """The text an edit of this event is anchored to: its first source's document hash and offsets."""
    row = db.execute(
        "SELECT d.sha256, s.start_offset, s.end_offset, t.start_offset, t.end_offset FROM event_sources es"
        " JOIN documents d ON d.id = es.doc_id JOIN sentences s ON s.id = es.sentence_id"
        " JOIN timexes t ON t.id = es.timex_id WHERE es.event_id = ? ORDER BY es.rowid LIMIT 1",
        [event_id],
    ).fetchone()
    if row is None:
        raise QueryError(f"no event #{event_id}")
    return tuple(row)


def state(db: Database, event_ids: list[int]) -> dict[int, dict[str, str]]:
    """For each event with edits: its current value of each kind of edit."""
    if not event_ids:
        return {}
    wanted = set(event_ids)
    marks = ",".join("?" * len(wanted))
    newest: dict[tuple[int, str], tuple[int, str]] = {}
    # An anchor resolves through the sources of its own document, so only the edits of
    # these events' documents can apply: the whole log is not resolved for one screen.
    for event_id, kind, value, edit_id in db.execute(
        "SELECT t.event_id, t.kind, t.value, t.edit_id FROM edits ed JOIN edit_targets t ON t.edit_id = ed.id"
        " WHERE ed.doc_sha256 IN (SELECT d.sha256 FROM event_sources es JOIN documents d ON d.id = es.doc_id"
        f" WHERE es.event_id IN ({marks}))", list(wanted)
    ):
        if event_id in wanted and edit_id > newest.get((event_id, kind), (-1, ""))[0]:
            newest[(event_id, kind)] = (edit_id, value)
    found: dict[int, dict[str, str]] = {}
    for (event_id, kind), (_, value) in newest.items():
        found.setdefault(event_id, {})[kind] = value
    return found


def add_edit(db: Database, event_id: int, kind: str, value: str) -> int:
    """Record one edit of an event (mark '1'/'0', note text, hide '1'/'0', title text, date value).

    An empty note or title removes it; a date is checked and stored as
    value and mod. Returns the edit's id.
    """
    _writable(db)
    if kind not in _SIMPLE:
        raise QueryError(f"unknown edit {kind!r} (one of {', '.join(_SIMPLE)})")
    if kind in ("mark", "hide") and value not in ("0", "1"):
        raise QueryError(f"a {kind} is 1 or 0, not {value!r}")
    if kind == "date":
        correction = parse_date(value)
        value = json.dumps({"value": correction.value, "mod": correction.mod})
    if kind in ("note", "title"):
        value = value.strip()
    conn = db.conn
    with immediate_transaction(conn):
        edit_id = conn.execute(
            "INSERT INTO edits(doc_sha256, sentence_start, sentence_end, timex_start, timex_end, kind, value, created_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (*anchor_of(db, event_id), kind, value, _now()),
        ).lastrowid
        if kind == "date":
            _apply_dates(conn, [event_id])
    return edit_id


def toggle(db: Database, event_id: int, kind: str) -> bool:
    """Flip a mark or a hide; returns the new state."""
    on = state(db, [event_id]).get(event_id, {}).get(kind) != "1"
    add_edit(db, event_id, kind, "1" if on else "0")
    return on


def undo_last(db: Database) -> dict | None:
    """Remove the newest edit (the previous state returns); returns what was undone, or None."""
    _writable(db)
    conn = db.conn
    with immediate_transaction(conn):
        row = conn.execute(
            "SELECT t.edit_id, t.kind, t.value, t.event_id, ed.doc_sha256, ed.sentence_start, ed.sentence_end,"
            " ed.timex_start, ed.timex_end FROM edit_targets t JOIN edits ed ON ed.id = t.edit_id"
            " ORDER BY t.edit_id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None  # nothing to undo: the empty transaction commits nothing
        event_id = row[3]
        if row[1] in ("merge", "split"):
            from .regroup import undo

            event_id = undo(conn, row[1], tuple(row[4:9]), json.loads(row[2]))
        conn.execute("DELETE FROM edits WHERE id = ?", [row[0]])
        if row[1] == "published":
            from . import redate
            from .regroup import apply_regroupings

            redate.undo(conn, row[4], json.loads(row[2]))
            apply_regroupings(conn)
            _apply_dates(conn)
        elif row[1] in ("date", "merge", "split") and event_id is not None:
            _apply_dates(conn, [event_id])
    return {"id": row[0], "kind": row[1], "value": row[2], "event_id": event_id}


def machine_date(db: Database, event_id: int) -> dict:
    """The extractor's date of an event: the date expression of its first source."""
    row = db.execute(
        "SELECT t.value, t.mod, t.begin_day, t.end_day FROM event_sources es JOIN timexes t ON t.id = es.timex_id"
        " WHERE es.event_id = ? ORDER BY es.rowid LIMIT 1",
        [event_id],
    ).fetchone()
    return {"value": row[0], "mod": row[1], "begin": row[2], "end": row[3]} if row else {}


def _apply_dates(conn: sqlite3.Connection, also: list[int] = ()) -> int:
    """Write corrected dates into events (and restore the machine's date for ``also``
    when it no longer has a correction). Inside the caller's transaction."""
    corrected = {event_id: json.loads(value) for event_id, value in
                 conn.execute("SELECT event_id, value FROM edit_state WHERE kind = 'date'")}
    changed = 0
    for event_id in set(corrected) | set(also):
        if event_id in corrected:
            wanted = parse_date(" ".join(filter(None, [corrected[event_id]["value"], corrected[event_id]["mod"]])))
            value, mod, begin, end, grain = wanted.value, wanted.mod, wanted.begin, wanted.end, wanted.granularity
        else:
            row = conn.execute(
                "SELECT t.value, t.mod, t.begin_day, t.end_day FROM event_sources es JOIN timexes t ON t.id = es.timex_id"
                " WHERE es.event_id = ? ORDER BY es.rowid LIMIT 1", [event_id]).fetchone()
            if row is None:
                continue
            value, mod, begin, end = row
            grain = granularity(value) or "day"
        now = conn.execute("SELECT value, mod, begin_day, end_day FROM events WHERE id = ?", [event_id]).fetchone()
        if now is None or tuple(now) == (value, mod, begin, end):
            continue
        conn.execute("UPDATE events SET value = ?, mod = ?, begin_day = ?, end_day = ?, granularity = ? WHERE id = ?",
                     (value, mod, begin, end, grain, event_id))
        conn.execute("UPDATE events_span SET first_day = CAST(julianday(?) AS INTEGER),"
                     " last_day = CAST(julianday(?) AS INTEGER) WHERE id = ?", (begin, end, event_id))
        changed += 1
    return changed


def apply_dates(db: Database) -> int:
    """Re-apply every date correction (after an ingest or an import); returns how many events moved."""
    if db.readonly or not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'edit_state'").fetchone():
        return 0
    conn = db.conn
    with immediate_transaction(conn):
        from .redate import apply_published
        from .regroup import apply_regroupings

        apply_published(conn)
        apply_regroupings(conn)
        changed = _apply_dates(conn)
    return changed


def decorate(db: Database, events: dict[int, dict]) -> None:
    """Add the analyst's edits to event records read from the database.

    ``marked``, ``note`` and ``hidden`` appear only when set; a corrected
    title replaces the machine's; ``corrected`` keeps the machine's title
    and date, so the original is available on request.
    """
    for event_id, edits in state(db, list(events)).items():
        event = events[event_id]
        if edits.get("mark") == "1":
            event["marked"] = True
        if edits.get("note"):
            event["note"] = edits["note"]
        if edits.get("hide") == "1":
            event["hidden"] = True
        corrected = {}
        if edits.get("title"):
            corrected["title"] = event["title"]
            event["title"] = edits["title"]
        if "date" in edits:
            corrected["date"] = machine_date(db, event_id)
        if corrected:
            event["corrected"] = corrected


def list_edits(db: Database) -> list[dict]:
    """Every edit in the log, oldest first, with the event it applies to now (None when its article is absent)."""
    rows = db.execute(
        "SELECT ed.id, ed.kind, ed.value, ed.created_at, t.event_id, ed.doc_sha256, ed.sentence_start, ed.sentence_end,"
        " ed.timex_start, ed.timex_end, (SELECT name FROM documents d WHERE d.sha256 = ed.doc_sha256),"
        " (SELECT substr(d.text, ed.timex_start + 1, ed.timex_end - ed.timex_start) FROM documents d WHERE d.sha256 = ed.doc_sha256)"
        " FROM edits ed JOIN edit_targets t ON t.edit_id = ed.id ORDER BY ed.id"
    ).fetchall()
    return [{"id": r[0], "kind": r[1], "value": r[2], "created_at": r[3], "event_id": r[4], "doc_sha256": r[5],
             "sentence_start": r[6], "sentence_end": r[7], "timex_start": r[8], "timex_end": r[9], "doc": r[10],
             "timex": r[11]} for r in rows]


_PORTABLE = ("doc_sha256", "sentence_start", "sentence_end", "timex_start", "timex_end", "kind", "value", "created_at")


def export_edits(db: Database) -> dict:
    """The whole edits log as a JSON-ready object, free of event ids (so another database can import it)."""
    rows = db.execute(f"SELECT {', '.join(_PORTABLE)} FROM edits ORDER BY id").fetchall()
    return {"format": EXPORT_FORMAT, "edits": [dict(zip(_PORTABLE, row)) for row in rows]}


def import_edits(db: Database, data: dict) -> tuple[int, int]:
    """Append exported edits not already in the log, in their original order; returns (added, already there).

    Date corrections are applied at once to the articles already ingested,
    and by ``apply_dates`` after later ingests.
    """
    _writable(db)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not isinstance(data.get("edits"), list):
        raise QueryError(f"not a waqai edits file (expected format {EXPORT_FORMAT!r})")
    rows = []
    for number, edit in enumerate(data["edits"], start=1):
        try:
            row = tuple(edit[key] for key in _PORTABLE)
            ints_ok = all(isinstance(v, int) for v in row[1:5])
        except (KeyError, TypeError):
            row, ints_ok = None, False
        if row is None or not ints_ok or row[5] not in KINDS or not all(isinstance(v, str) for v in (row[0], *row[5:])):
            raise QueryError(f"edit {number} of the file is malformed")
        if row[5] == "date":
            try:
                stored = json.loads(row[6])
                parse_date(" ".join(filter(None, [stored["value"], stored.get("mod")])))
            except (ValueError, KeyError, TypeError):
                raise QueryError(f"edit {number} of the file has a bad date {row[6]!r}") from None
        if row[5] == "published":
            try:
                date.fromisoformat(json.loads(row[6])["published"])
            except (ValueError, KeyError, TypeError):
                raise QueryError(f"edit {number} of the file has a bad publication date {row[6]!r}") from None
        if row[5] in ("merge", "split"):
            try:
                target = json.loads(row[6])["other" if row[5] == "merge" else "stays"]
                well_formed = len(target) == 5 and isinstance(target[0], str) and all(isinstance(v, int) for v in target[1:])
            except (ValueError, KeyError, TypeError):
                well_formed = False
            if not well_formed:
                raise QueryError(f"edit {number} of the file has a bad {row[5]} {row[6]!r}")
        rows.append(row)
    conn = db.conn
    with immediate_transaction(conn):
        added = 0
        where = " AND ".join(f"{key} = ?" for key in _PORTABLE)
        for row in rows:
            if conn.execute(f"SELECT 1 FROM edits WHERE {where}", row).fetchone():
                continue
            conn.execute(f"INSERT INTO edits({', '.join(_PORTABLE)}) VALUES ({', '.join('?' * len(_PORTABLE))})", row)
            added += 1
        from .redate import apply_published
        from .regroup import apply_regroupings

        apply_published(conn)
        apply_regroupings(conn)
        _apply_dates(conn)
    return added, len(rows) - added


def markers(event: dict) -> list[str]:
    """Short signs of the analyst's work on an event: ★ marked, ✎ note, ✱ corrected, ⊘ hidden."""
    signs = []
    if event.get("marked"):
        signs.append("★")
    if event.get("note"):
        signs.append("✎")
    if event.get("corrected"):
        signs.append("✱")
    if event.get("hidden"):
        signs.append("⊘")
    return signs


def correction_note(event: dict) -> str | None:
    """A line saying what the analyst corrected and what the machine said, or None."""
    corrected = event.get("corrected")
    if not corrected:
        return None
    parts = []
    if "date" in corrected:
        machine = corrected["date"]
        parts.append("date corrected (extracted: " + " ".join(filter(None, [machine.get("value"), machine.get("mod")])) + ")")
    if "title" in corrected:
        parts.append(f"title corrected (extracted: {corrected['title']})")
    return "; ".join(parts)
