"""Actors and places on real news: how many events name one, and a sample to judge by reading.

    python bench/realnews_entities.py                       # 300 security articles of the dev slice
    python bench/realnews_entities.py --gazetteer-dir OLD   # the same with OLD/gazetteer.json (before/after)
    python bench/realnews_entities.py --sample 60 --seed 15 --unknown 20 > /tmp/judge.txt

The slice is chosen by a fixed rule (``security_words.json``): the first N articles of the
SaudiNewsNet development slice, in id order, that hold at least ``min_distinct`` security words.
They are ingested into a temporary database (texts never leave the temporary folder), then the
script reports:

* ingest rate (articles/s, sentences/s) for the slice, extraction and writing included;
* the share of events with at least one actor or place;
* for articles about Iraq, Syria or Yemen (their title or opening names one), the share of
  events naming a place or country, and a place or country of that article's country;
* a seeded random sample of events with their sentence and entities, to judge by reading;
* the first page of ``waqai entities --unknown`` on the slice;
* key-entity presence against an events gold file when one is given or found
  (``/work/gold/events_dev.json``: events with a ``key_entity``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import saudinewsnet  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLD = Path("/work/gold/events_dev.json")


def select(n: int, rule: dict, path: Path) -> list:
    """The first ``n`` security articles of the slice (fixed rule, id order)."""
    from waqai.extract.normalize import fold

    words = [re.compile(r"(?<![^\W\d_])(?:[وفبلك]|ال|وال|بال)?" + re.escape(fold(w))) for w in rule["words"]]
    chosen = []
    for article in saudinewsnet.articles(path):
        text = fold(article.title + "\n" + article.content)
        if sum(1 for w in words if w.search(text)) >= rule["min_distinct"]:
            chosen.append(article)
            if len(chosen) >= n:
                break
    return chosen


def countries_of(article, rule: dict) -> set[str]:
    """The conflict countries an article is about: named in its title or its first 300 characters."""
    from waqai.extract.normalize import fold

    head = fold(article.title + " " + article.content[:300])
    return {code for code, words in rule["countries"].items()
            if any(re.search(r"(?<![^\W\d_])(?:[وفبلك]|ال)?" + re.escape(fold(w)) + r"(?![^\W\d_])", head) for w in words)}


def write_folder(articles: list, folder: Path) -> dict[str, object]:
    """Write the articles and a manifest into a temporary folder; file name -> article."""
    files, rows = {}, []
    for article in articles:
        name = article.id.replace("#", "_") + ".txt"
        (folder / name).write_text((article.title + "\n\n" if article.title else "") + article.content, encoding="utf-8")
        rows.append({"file": name, "published": article.dct.isoformat(), "source": article.source})
        files[name] = article
    (folder / "manifest.json").write_text(json.dumps({"documents": rows}, ensure_ascii=False), encoding="utf-8")
    return files


def main() -> None:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles in the slice")
    parser.add_argument("--sample", type=int, default=60, help="events printed for judging")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--unknown", type=int, default=20, help="rows of the unknown-names page")
    parser.add_argument("--data", type=Path, default=saudinewsnet.DEFAULT_PATH)
    parser.add_argument("--gazetteer-dir", type=Path, help="a folder whose gazetteer.json replaces the bundled one")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--keep-db", type=Path, help="keep the database at this path")
    parser.add_argument("--gold-only", action="store_true", help="only the gold report")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="waqai-realnews-"))
    os.environ["WAQAI_CONFIG_DIR"] = str(work / "config")  # no user gazetteer
    if args.gazetteer_dir:
        os.environ["WAQAI_DATA_DIR"] = str(args.gazetteer_dir.resolve())

    from waqai.store.db import open_for_writing
    from waqai.store.ingest import collect, ingest
    from waqai.store.queries import events_by_id

    if args.gold_only:
        gold_report(args.gold)
        return
    rule = json.loads((HERE / "security_words.json").read_text(encoding="utf-8"))
    articles = select(args.n, rule, args.data)
    folder = work / "articles"
    folder.mkdir()
    files = write_folder(articles, folder)
    db_path = args.keep_db or work / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db = open_for_writing(db_path)
    from waqai.extract.gazetteer import gazetteer

    started = time.perf_counter()
    gazetteer()
    loaded = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    summary = ingest(db, collect([folder]))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"slice: {len(articles)} security articles ({articles[0].id} … {articles[-1].id}), "
          f"gazetteer {len(gazetteer().entities)} entities loaded in {loaded * 1000:.0f} ms")
    print(f"ingest: {summary.line()}")
    print(f"ingest rate: {len(articles) / seconds:.1f} articles/s, {summary.sentences / seconds:.0f} sentences/s ({seconds:.1f} s);"
          f" CPU {cpu:.1f} s = {len(articles) / cpu:.1f} articles per CPU second (steadier on a shared machine)")

    ids = [r[0] for r in db.execute("SELECT id FROM events ORDER BY id")]
    events = {e["id"]: e for e in events_by_id(db, ids)}
    kinds = {r[0]: r[1] for r in db.execute("SELECT id, kind FROM entities")}
    links: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
    for event_id, entity_id in db.execute("SELECT event_id, entity_id FROM event_entities ORDER BY rowid"):
        links[event_id].append((entity_id, kinds[entity_id]))
    from waqai.extract.gazetteer import gazetteer as names

    country_of = {e.id: getattr(e, "country", None) for e in names().entities.values()}
    with_any = sum(1 for i in ids if links[i])
    print(f"\nevents: {len(ids)}; with ≥1 actor or place: {with_any} ({100 * with_any / max(1, len(ids)):.1f} %)")
    with_actor = sum(1 for i in ids if any(k in ("group", "person") for _, k in links[i]))
    with_place = sum(1 for i in ids if any(k in ("place", "country") for _, k in links[i]))
    print(f"  with an actor (group/person): {100 * with_actor / max(1, len(ids)):.1f} %; "
          f"with a place or country: {100 * with_place / max(1, len(ids)):.1f} %")

    conflict_events, placed, placed_home = 0, 0, 0
    for event_id in ids:
        docs = {s["doc"] for s in events[event_id]["sources"]}
        about = set().union(*(countries_of(files[d], rule) for d in docs if d in files))
        if not about:
            continue
        conflict_events += 1
        places = [(e, k) for e, k in links[event_id] if k in ("place", "country")]
        placed += bool(places)
        placed_home += any(country_of.get(e) in about for e, _ in places)
    print(f"events of articles about Iraq/Syria/Yemen: {conflict_events}; naming a place or country: "
          f"{100 * placed / max(1, conflict_events):.1f} %; one of that country: {100 * placed_home / max(1, conflict_events):.1f} %")

    print(f"\n--- sample of {args.sample} events (seed {args.seed}) ---")
    rng = random.Random(args.seed)
    for event_id in sorted(rng.sample(ids, min(args.sample, len(ids)))):
        event = events[event_id]
        source = event["sources"][0]
        names_shown = "; ".join(f"{e['name_en'] or e['name']} [{e['kind']}]" for e in event["entities"]) or "—"
        print(f"\n#{event_id} {event['value']} {source['doc']}")
        print(f"  title: {event['title']}")
        print(f"  sentence: {' '.join(source['sentence'].split())[:400]}")
        print(f"  entities: {names_shown}")

    try:
        from waqai.store.entities import unknown_names
    except ImportError:  # measuring an older waqai (before/after)
        unknown_names = None
    print(f"\n--- waqai entities --unknown (first {args.unknown}) ---")
    for u in unknown_names(db, args.unknown) if unknown_names else []:
        print(f"{u.count:>4}  {u.name}  ({u.kind}; after {'/'.join(sorted(u.cues))})")

    if args.gold and args.gold.exists():
        gold_report(args.gold)


def gold_report(path: Path, db=None) -> None:
    """Key-entity presence on an events gold file (``events`` with ``doc``, ``keyword``, ``value``, ``key_entity``).

    The gold's 80 articles are ingested into their own temporary database. For each gold event:
    the key entity is looked up by its English name (``waqai entities find``); the reporting
    sentence is the one holding ``keyword``. Three figures: the key entity is named in that
    sentence (gazetteer alone, with the article's context); it is attached to the stored event
    reported by that sentence on the gold day; and how many gold events have no stored event there.
    """
    from waqai.extract.gazetteer import gazetteer
    from waqai.extract.segment import segment
    from waqai.store.db import open_for_writing
    from waqai.store.ingest import collect, ingest

    data = json.loads(path.read_text(encoding="utf-8"))
    gold = [e for e in data["events"] if e.get("key_entity")]
    names = gazetteer()
    work = Path(tempfile.mkdtemp(prefix="waqai-gold-"))
    folder = work / "articles"
    folder.mkdir()
    files = write_folder([saudinewsnet.article(i) for i in data["articles"]], folder)
    db = open_for_writing(work / "gold.db")
    ingest(db, collect([folder]))
    known = in_sentence = attached = no_event = 0
    unknown: dict[str, int] = {}
    misses = []
    for item in gold:
        entity = names.find(item["key_entity"])
        if entity is None:
            unknown[item["key_entity"]] = unknown.get(item["key_entity"], 0) + 1
            continue
        known += 1
        doc = item["doc"].replace("#", "_") + ".txt"
        text = (folder / doc).read_text(encoding="utf-8")
        layout = segment(text)
        sentence = next((s for s in layout.sentences if item["keyword"] in s.text), None)
        if sentence is not None:
            context = names.article_context(layout)
            found = [m.entity.id for m in names.mentions(sentence.text, context)]
            ids = names.with_home(tuple(dict.fromkeys(found)), context)
            in_sentence += entity.id in ids
        rows = db.execute(
            "SELECT e.id, e.value, s.text FROM event_sources es JOIN documents d ON d.id = es.doc_id"
            " JOIN sentences s ON s.id = es.sentence_id JOIN events e ON e.id = es.event_id WHERE d.name = ?",
            [doc],
        ).fetchall()
        day = item["value"].split("T")[0]
        hits = [r for r in rows if item["keyword"] in r[2] and r[1].split("T")[0] == day] or \
               [r for r in rows if item["keyword"] in r[2]]
        if not hits:
            no_event += 1
            continue
        linked = {r[0] for r in db.execute(
            f"SELECT event_id FROM event_entities WHERE entity_id = ? AND event_id IN ({','.join('?' * len(hits))})",
            [entity.id, *[h[0] for h in hits]])}
        attached += bool(linked)
        if not linked:
            misses.append(f"{item['id']} {item['key_entity']} ({entity.id})")
    total = len(gold)
    print(f"\ngold {path}: {total} events with a key entity; {known} of them name one the gazetteer knows "
          f"(not known: {', '.join(f'{k} ×{v}' if v > 1 else k for k, v in sorted(unknown.items()))})")
    print(f"  key entity named in the reporting sentence: {in_sentence}/{known} ({100 * in_sentence / max(1, known):.1f} %); "
          f"of all gold events: {100 * in_sentence / max(1, total):.1f} %")
    print(f"  attached to the stored event: {attached}/{known - no_event} events found "
          f"({100 * attached / max(1, known - no_event):.1f} %); no stored event for {no_event}")
    if misses:
        print("  not attached: " + "; ".join(misses[:30]))


if __name__ == "__main__":
    main()
