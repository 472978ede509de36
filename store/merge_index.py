"""The merge-candidate index: which stored events a new report could be.

Comparing a report with every event of its day made ingest quadratic (8,000
same-day sentences took 200 s inside the write transaction). Each stored
report instead leaves signatures in ``event_keys``: its specific entities
(``e:kalsu``), its content words (``t:قصف``) and its sentence (``x:…``, and
``r:`` for its letters only), with
its day (a day number, for single-day dates) or its whole span
(``begin|end|mod``, for months, years…), stored as one 48-bit hash of the
pair (``key``): the text of a signature was most of the table's size, and a
hash collision only adds a candidate that the merge rule then rejects. One
row per key and event counts the event's reports with that key (``n``). A
new report looks up the events sharing one of its signatures on its day or
span, taking those of the ``PER_SIGNATURE`` newest reports per signature, so
the work per report stays flat however many events the day
holds. The merge rule needs a shared entity or shared words, so an event
sharing no signature could never have merged anyway.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import date, timedelta
from functools import lru_cache

from waqai.extract.merge import LAGGED_MAX_DAYS, NESTED_MAX_DAYS, specific_word, without_day_words
from waqai.extract.normalize import fold

PER_SIGNATURE = 20
_SENTENCE_KEY_CHARS = 120
_LETTERS = re.compile(r"[^\W_]+")


def create_index(conn: sqlite3.Connection) -> None:
    """Create ``event_keys`` and fill it from the reports already stored (a migration step).

    Hand-written, not sqlite-utils: it cannot create a WITHOUT ROWID table,
    which stores each (key, event) once, clustered by key, with no rowid
    table beside its index.
    """
    from .sentences import cut_sql  # migrations 0005 and 0006 run before sentences had reported_text

    conn.execute(
        "CREATE TABLE event_keys (key INTEGER NOT NULL,"
        " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
        " n INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (key, event_id)) WITHOUT ROWID"
    )
    conn.execute("CREATE INDEX event_keys_event ON event_keys(event_id)")
    rows = conn.execute(
        f"SELECT es.event_id, e.begin_day, e.end_day, e.mod, es.clause_entities, es.clause_tokens, {cut_sql()}"
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


@lru_cache(maxsize=1 << 17)  # a word of a busy day is looked up by every report of that day
def key(sig: str, when: str) -> int:
    """The stored key of one signature on one day or span: a signed 48-bit hash of both.

    48 bits keep a key in six bytes; with millions of keys a collision stays
    rare, and it only adds a candidate that the merge rule then rejects.
    """
    digest = hashlib.blake2b(f"{sig}\x1f{when}".encode("utf-8"), digest_size=6).digest()
    return int.from_bytes(digest, "big", signed=True)


def signatures(entities, tokens, sentence: str) -> list[str]:
    """The index signatures of one report.

    ``x:`` is the sentence as written; ``r:`` a short hash of its letters and
    digits only, without its day words, so a reprint whose quotes or spaces
    differ (``"`` / ``”``), or a late copy whose ``أمس`` became ``اليوم``,
    still meets it.
    """
    letters = " ".join(_LETTERS.findall(without_day_words(fold(sentence))))[:_SENTENCE_KEY_CHARS]
    return ([f"e:{e}" for e in sorted(entities)] + [f"t:{t}" for t in sorted(tokens)]
            + [f"x:{fold(sentence)[:_SENTENCE_KEY_CHARS]}",
               "r:" + hashlib.blake2b(letters.encode("utf-8"), digest_size=8).hexdigest()])


def add_keys(conn: sqlite3.Connection, event_id: int, begin: str, end: str, mod: str | None,
             entities, tokens, sentence: str, sigs: list[str] | None = None) -> None:
    """Index one report of ``event_id``: each of its keys counts one more report of the event.

    ``sigs``: the report's ``signatures`` when the caller has them already.
    """
    when = _when(begin, end, mod)
    if sigs is None:
        sigs = signatures(entities, tokens, sentence)
    conn.executemany("INSERT INTO event_keys(key, event_id) VALUES (?,?) ON CONFLICT (key, event_id) DO UPDATE SET n = n + 1",
                     [(key(sig, when), event_id) for sig in sigs])


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _hijri_month(day: date) -> tuple[date, date]:
    """The Gregorian days of the Hijri month holding ``day`` (شهر رمضان is a span of its own)."""
    from hijridate import Gregorian, Hijri

    h = Gregorian(day.year, day.month, day.day).to_hijri()
    month = Hijri(h.year, h.month, 1)
    first = month.to_gregorian()
    return first, first + timedelta(days=month.month_length() - 1)


@lru_cache(maxsize=4096)  # the reports of one day ask for the same weeks and months
def _containers(first: date, last: date) -> tuple[str, ...]:
    """The spans of the weeks and months (Gregorian and Hijri) that hold ``[first, last]`` (a nested date, extract/merge.py)."""
    spans = []
    for around in (_week, _month, _hijri_month):
        try:
            outer = around(first)
        except (OverflowError, ValueError):
            continue  # the calendar's last week or month, or a day out of the Hijri tables, holds nothing else
        if outer[0] <= first and last <= outer[1] and outer != (first, last):
            spans.append(_span(outer[0].isoformat(), outer[1].isoformat(), None))
    return tuple(spans)


@lru_cache(maxsize=4096)
def _contained_weeks(first: date, last: date) -> tuple[str, ...]:
    """The spans of the whole weeks inside a month."""
    spans = []
    try:
        monday = _week(first)[0]
        while monday + timedelta(days=6) <= last:
            if monday >= first:
                spans.append(_span(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), None))
            monday += timedelta(days=7)
    except OverflowError:
        pass  # the calendar's last week
    return tuple(spans)


def candidates(conn: sqlite3.Connection, begin: str, end: str, mod: str | None,
               entities, tokens, sentence: str, deictic: bool = False, sigs: list[str] | None = None) -> list[int]:
    """Ids of stored events that share a signature with a report dated ``[begin, end]``.

    On the report's own day or span: per signature, the newest events covering
    its ``PER_SIGNATURE`` newest reports (``n`` counts an event's reports with
    that key). Besides, where the merge rule (extract/merge.py) may still find
    the happening: the day after (a late deictic report of this one) and, when
    this one is deictic, the day before, by a shared actor or place; a few days
    either side by the same sentence (a late reprint); the week and month
    holding a day or week, and the days and weeks inside a week or month
    (nested dates merge only on shared words beyond the kind's own, so only
    those are looked up there). Each of those wider looks is one query over
    the keys of its signatures on its days or spans, capped at ``WIDER_LIMIT``
    events.
    """
    when = _when(begin, end, mod)
    found: dict[int, None] = {}
    if sigs is None:
        sigs = signatures(entities, tokens, sentence)
    for sig in sigs:
        # The primary key yields the newest ids first; the loop stops the scan.
        rows = conn.execute("SELECT event_id, n FROM event_keys WHERE key = ? ORDER BY event_id DESC", (key(sig, when),))
        reports = 0
        for event_id, n in rows:
            found[event_id] = None
            reports += n
            if reports >= PER_SIGNATURE:
                break
        rows.close()
    day = _day_number(begin, end)
    first, last = date.fromisoformat(begin), date.fromisoformat(end)
    nested = (last - first).days < NESTED_MAX_DAYS
    actors = [sig for sig in sigs if sig[0] == "e"]
    reprints = [sig for sig in sigs if sig[0] in "xr"]
    words = [sig for sig in sigs if sig[0] == "e" or (sig[0] == "t" and specific_word(sig[2:]))]
    wider: list[tuple[list[str], list[str]]] = []
    if day is not None:
        near = [day - 1, day + 1] if deictic else [day + 1]
        wider.append((actors, [f"d{n}" for n in near]))
        wider.append((reprints, [f"d{n}" for n in range(day - LAGGED_MAX_DAYS, day + LAGGED_MAX_DAYS + 1) if n != day]))
    elif nested:
        wider.append((words, [f"d{n}" for n in range(first.toordinal(), last.toordinal() + 1)]))
    spans = [*(_containers(first, last) if mod is None and nested else ()),
             *(_contained_weeks(first, last) if day is None and nested else ())]
    if spans:
        wider.append((words, spans))
    for group, whens in wider:
        keys = [key(sig, w) for sig in group for w in whens]
        if not keys:
            continue
        marks = ",".join("?" * len(keys))
        sql = f"SELECT DISTINCT event_id FROM event_keys WHERE key IN ({marks}) ORDER BY event_id DESC LIMIT ?"
        for (event_id,) in conn.execute(sql, [*keys, WIDER_LIMIT]):
            found[event_id] = None
    return list(found)


WIDER_LIMIT = 40
