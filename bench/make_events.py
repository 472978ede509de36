"""Write a valid waqai database with N synthetic events spread over 1990-2025.

    python bench/make_events.py --events N --db PATH

Each event has one source sentence (in a synthetic document of 50
sentences), its timex, and one or two entities from the gazetteer, so every
waqai command (list, show, search, export, the TUI) can open the result.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from waqai.extract.calendar import interval
from waqai.extract.gazetteer import gazetteer
from waqai.extract.normalize import fold
from waqai.store.db import open_db

VERBS = ["قصفت", "استهدفت", "أعلنت", "نفت", "هاجمت", "انسحبت من", "عقدت اجتماعا في", "فرضت عقوبات على"]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
PER_DOCUMENT = 50


def main() -> None:
    """Parse arguments and write the database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.db.exists():
        sys.exit(f"{args.db} exists; choose a new path")
    started = time.perf_counter()
    write(args.db, args.events, random.Random(args.seed))
    print(f"wrote {args.events} events to {args.db} in {time.perf_counter() - started:.1f}s")


def write(path: Path, n: int, rng: random.Random) -> None:
    """Write ``n`` events into a new database at ``path``.

    Each document's text is its sentences, one a line, and every offset
    indexes it. The same script fills a schema-5 or schema-6 database (run
    from an older checkout) so lookups compare like for like. Every sentence
    reports an event, so from schema 7 every one keeps its text.
    """
    db = open_db(path)
    conn = db.conn
    names = gazetteer()
    actors = [e for e in names.entities.values() if e.kind in ("group", "person")]
    places = [e for e in names.entities.values() if e.kind == "place"]
    sentence_columns = {row[1] for row in conn.execute("PRAGMA table_info(sentences)")}
    conn.execute("BEGIN IMMEDIATE")
    for e in names.entities.values():
        conn.execute("INSERT INTO entities(id, name, name_en, kind, lat, lon) VALUES (?,?,?,?,?,?)",
                     (e.id, e.name, e.name_en, e.kind, e.lat, e.lon))
    start_day, span = date(1990, 1, 1), (date(2025, 12, 31) - date(1990, 1, 1)).days
    doc_id = sentence_id = 0
    lines: list[str] = []
    offset = 0

    def finish_document() -> None:
        text = "\n".join(lines)
        conn.execute("UPDATE documents SET text = ? WHERE id = ?", (text, doc_id))
        if "text" not in sentence_columns:
            from waqai.store import sentences

            spans = conn.execute("SELECT id, start_offset, end_offset FROM sentences WHERE doc_id = ?", [doc_id]).fetchall()
            sentences.index(conn, sentences.index_rows(text, spans))
        if "reported_text" in sentence_columns:
            # The report's trigger cut its sentence from the text before it was written.
            conn.executemany("UPDATE sentences SET reported_text = ? WHERE id = ?",
                             [(text[start:end], sentence_id) for sentence_id, start, end in
                              conn.execute("SELECT id, start_offset, end_offset FROM sentences WHERE doc_id = ?", [doc_id])])

    for i in range(n):
        if i % PER_DOCUMENT == 0:
            if lines:
                finish_document()
            lines, offset = [], 0
            doc_id += 1
            published = start_day + timedelta(days=rng.randrange(span))
            conn.execute(
                "INSERT INTO documents(id, name, path, sha256, title, source, url, published, published_estimated, encoding, text, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,0,'utf-8',?,?)",
                (doc_id, f"synthetic_{doc_id:07d}.txt", None, hashlib.sha256(f"doc{doc_id}".encode()).hexdigest(),
                 f"تقرير تجريبي رقم {doc_id}", "مصدر تجريبي", None, published.isoformat(), "", "2026-01-01T00:00:00"),
            )
        day = start_day + timedelta(days=rng.randrange(span))
        grain = rng.random()
        actor, place = rng.choice(actors), rng.choice(places)
        if grain < 0.7:
            value, timex_text = day.isoformat(), f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        elif grain < 0.9:
            value, timex_text = f"{day.year}-{day.month:02d}", f"{MONTHS[day.month - 1]} {day.year}"
        else:
            value, timex_text = f"{day.year}", f"عام {day.year}"
        sentence = f"{rng.choice(VERBS)} {actor.name} مواقع في {place.name} في {timex_text}."
        begin, last = interval(value)
        sentence_id += 1
        if "text" in sentence_columns:
            conn.execute("INSERT INTO sentences(id, doc_id, idx, paragraph, start_offset, end_offset, text, norm)"
                         " VALUES (?,?,?,?,?,?,?,?)", (sentence_id, doc_id, i % PER_DOCUMENT, i % PER_DOCUMENT, offset,
                                                       offset + len(sentence), sentence, fold(sentence)))
        else:
            conn.execute("INSERT INTO sentences(id, doc_id, idx, paragraph, start_offset, end_offset) VALUES (?,?,?,?,?,?)",
                         (sentence_id, doc_id, i % PER_DOCUMENT, i % PER_DOCUMENT, offset, offset + len(sentence)))
        timex_start = offset + sentence.index(timex_text)
        lines.append(sentence)
        offset += len(sentence) + 1
        timex_id = conn.execute(
            "INSERT INTO timexes(doc_id, sentence_id, start_offset, end_offset, text, type, value, mod, begin_day, end_day)"
            " VALUES (?,?,?,?,?,'DATE',?,NULL,?,?)",
            (doc_id, sentence_id, timex_start, timex_start + len(timex_text), timex_text, value, begin.isoformat(), last.isoformat()),
        ).lastrowid
        granularity = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
        event_id = conn.execute(
            "INSERT INTO events(value, mod, begin_day, end_day, granularity, title, stance, n_sources, n_documents) VALUES (?,NULL,?,?,?,?,NULL,1,1)",
            (value, begin.isoformat(), last.isoformat(), granularity, sentence[:-1].replace(f" في {timex_text}", "")),
        ).lastrowid
        conn.execute("INSERT INTO event_sources(event_id, timex_id, sentence_id, doc_id, attribution, stance,"
                     " clause_tokens, clause_entities) VALUES (?,?,?,?,NULL,NULL,?,?)",
                     (event_id, timex_id, sentence_id, doc_id, "[]", json.dumps([actor.id, place.id])))
        conn.execute("INSERT INTO event_entities VALUES (?,?)", (event_id, actor.id))
        conn.execute("INSERT INTO event_entities VALUES (?,?)", (event_id, place.id))
    if lines:
        finish_document()
    conn.execute("COMMIT")
    conn.execute("PRAGMA optimize")


if __name__ == "__main__":
    main()
