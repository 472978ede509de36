"""waqai's events on real news, scored against a development gold chronology.

    python bench/realnews_events.py [--gold bench/gold/events_dev.json] [--dataset DIR] [--dump]

The gold (``bench/gold/events_dev.json``) names SaudiNewsNet articles by id (``DAY#INDEX``,
see ``bench/saudinewsnet.py``) and holds, per article, the happenings an analyst wants
(``events``: id, doc, value, mod, keyword, title_words, key_entity, planned, stance,
required), the groups of reports of one happening (``same_happening``), the pairs that must
stay apart (``apart``) and the noise that must not become an event (``noise``).

The articles are written as ``.txt`` files with a ``manifest.json`` (publication date =
``Article.dct``, source, url) into a temporary folder outside the repository, ingested with
waqai's own ingest into a temporary database, and scored:

* recall: required gold events matched. An event matches a gold event when one of its source
  sentences comes from the gold's document and contains the gold keyword (spelling-folded),
  and the event's value (and mod, when the gold gives one) equals the gold's, or that
  report's own date does: a report merged into an event of another day (a late copy's
  "اليوم", a print paper's "أمس" against another's weekday) still dates itself;
* precision: system events matching some gold event / system events;
* titles: matched events whose title holds every ``title_words`` entry and has a good form
  (more than one word, balanced brackets and quotes, not ending on a particle, preposition
  or opening bracket);
* planned: matched events whose ``planned`` flag equals the gold's;
* merge: gold same-happening pairs that end in one system event; wrong merges: apart pairs
  that do, i.e. one event holds two different reports (sentences), one matching each side, or
  both sides are told in one sentence that gave a single event (two happenings cut from one
  sentence into two events are apart, even if both events' sentence holds both keywords);
* noise: system events whose source sentence, from the noise item's document, holds its
  keyword (``noise_not_gold``: those of them that match no gold event, i.e. are not a real
  happening told in the same sentence as the noise);
* key entity: matched events naming the gold's key entity (for the gazetteer's owner).

The error list follows the figures. ``--dump`` prints every system event too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import saudinewsnet  # noqa: E402

from waqai.extract.normalize import fold  # noqa: E402
from waqai.store.db import open_db  # noqa: E402
from waqai.store.ingest import collect, ingest  # noqa: E402
from waqai.store.queries import EventFilter, list_events  # noqa: E402

DEFAULT_GOLD = ROOT / "bench" / "gold" / "events_dev.json"
DEFAULT_DATASET = ROOT.parent / "shared" / "datasets" / "saudinewsnet-dev"

# A title may not end on one of these (particles, prepositions, conjunctions).
_BAD_LAST = frozenset(fold(w) for w in (
    "في من على إلى الى عن مع ب ل و ف أن إن أو ثم قد لم لن لا ما الذي التي الذين حتى منذ خلال بعد قبل"
    " عند لدى نحو حول ضد بين أمام خلف عبر تجاه بشأن حيث كما لـ بـ وفي ومن وعلى وإلى يوم").split())
_OPENING = "([{«\"“"
_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”"}


def file_name(article_id: str) -> str:
    """The temporary file name of an article id (``2015-07-22#12`` → ``2015-07-22_12.txt``)."""
    return article_id.replace("#", "_") + ".txt"


def title_form_ok(title: str) -> tuple[bool, str]:
    """Whether a title has a good form, and why not."""
    words = title.rstrip("…").split()
    if len(words) < 2:
        return False, "one word"
    for opening, closing in _PAIRS.items():
        if title.count(opening) != title.count(closing):
            return False, "unbalanced " + opening + closing
    if title.count('"') % 2:
        return False, 'unbalanced "'
    last = words[-1]
    # A straight quote closes a quoted word ("داعش"); alone at the end it opens nothing useful.
    if last[-1] in "([{«“" or last == '"':
        return False, "ends on an opening bracket"
    if fold(last.strip("\"”»)]،,.:؛")) in _BAD_LAST:
        return False, f"ends on {last!r}"
    return True, ""


def _has(sentence: str, keyword: str) -> bool:
    return fold(keyword) in fold(sentence)


def _latin_key(name: str) -> str:
    """An English name compared loosely: no accents, case, hyphens or a leading article (al-Anad = Al Anad)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = re.sub(r"[^\w]+", " ", plain.lower()).split()
    return " ".join(words[1:] if words[:1] in (["al"], ["the"], ["el"]) else words)


@lru_cache(maxsize=1)
def _english_names() -> dict[str, list[str]]:
    """Every English name the gazetteer knows for an entity, by its Arabic name."""
    data = json.loads((ROOT / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    return {e["name"]: [e.get("name_en") or "", *e.get("aliases_en", [])] for e in data["entities"]}


def names_entity(entities: list[dict], key: str) -> bool:
    """Whether one of an event's entities is the gold's key entity, by any of its Arabic or English names."""
    wanted = _latin_key(key)
    for entity in entities:
        if _has(entity["name"], key):
            return True
        for english in [entity.get("name_en") or "", *_english_names().get(entity["name"], [])]:
            if english and (_latin_key(english) == wanted or f" {wanted} " in f" {_latin_key(english)} "):
                return True
    return False


def prepare(gold: dict, dataset: Path, folder: Path) -> list[str]:
    """Write the gold's articles and their manifest into ``folder``; return the ids."""
    ids = sorted({e["doc"] for e in gold["events"]} | {n["doc"] for n in gold.get("noise", [])} | set(gold.get("articles", [])) | set(gold.get("docs", [])))
    rows = []
    for article_id in ids:
        article = saudinewsnet.article(article_id, dataset)
        (folder / file_name(article_id)).write_text(article.content, encoding="utf-8")
        rows.append({"file": file_name(article_id), "published": article.dct.isoformat(),
                     "source": article.source, "url": article.url})
    (folder / "manifest.json").write_text(json.dumps({"documents": rows}, ensure_ascii=False), encoding="utf-8")
    return ids


def system_events(folder: Path, db_path: Path) -> list[dict]:
    """Ingest the folder into a fresh database and return every event.

    Each source also carries ``report_value``/``report_mod``: the date its own timex resolved to.
    """
    db = open_db(db_path)
    ingest(db, collect([folder]))
    events = list_events(db, EventFilter())
    own = {(d, start): (value, mod) for d, start, value, mod in
           db.execute("SELECT doc_id, start_offset, value, mod FROM timexes").fetchall()}
    for e in events:
        for s in e["sources"]:
            s["report_value"], s["report_mod"] = own.get((s.get("doc_id"), s.get("timex_start")), (None, None))
    return events


def _same_date(value: str | None, mod: str | None, gold_event: dict) -> bool:
    if not value or value.split("T")[0] != gold_event["value"].split("T")[0]:
        return False
    return not gold_event.get("mod") or mod == gold_event["mod"]


def gold_sources(event: dict, gold_event: dict) -> list[dict]:
    """The sources of ``event`` that report the gold event (document and keyword), dated as the gold."""
    doc = file_name(gold_event["doc"])
    event_dated = _same_date(event["value"], event["mod"], gold_event)
    return [s for s in event["sources"] if s["doc"] == doc and _has(s["sentence"], gold_event["keyword"])
            and (event_dated or _same_date(s.get("report_value"), s.get("report_mod"), gold_event))]


def matches(event: dict, gold_event: dict) -> bool:
    """Whether a system event is the gold event (value, mod, document, keyword)."""
    return bool(gold_sources(event, gold_event))


def wrongly_merged(a: dict, b: dict, matched_a: list[dict], matched_b: list[dict]) -> bool:
    """Whether two must-stay-apart gold events ended in one system event (see the module doc)."""
    ids_b = {e["id"] for e in matched_b}
    for event in matched_a:
        if event["id"] not in ids_b:
            continue
        sentences_a = {(s["doc"], s["start"]) for s in gold_sources(event, a)}
        sentences_b = {(s["doc"], s["start"]) for s in gold_sources(event, b)}
        if sentences_a | sentences_b != sentences_a & sentences_b:
            return True  # two different reports in one event
        if len({e["id"] for e in matched_a} | ids_b) == 1:
            return True  # one sentence, one event for both
    return False


def _pairs(groups) -> list[tuple[str, str]]:
    pairs = []
    for group in groups:
        members = group["events"] if isinstance(group, dict) else group
        pairs += list(itertools.combinations(members, 2))
    return pairs


def score(gold: dict, events: list[dict]) -> tuple[dict, list[str]]:
    """The figures and the error list."""
    errors: list[str] = []
    by_id = {g["id"]: g for g in gold["events"]}
    matched: dict[str, list[dict]] = {g["id"]: [e for e in events if matches(e, g)] for g in gold["events"]}
    required = [g for g in gold["events"] if g.get("required", True)]
    found = [g for g in required if matched[g["id"]]]
    for g in required:
        if not matched[g["id"]]:
            errors.append(f"MISSED   {g['id']} {g['doc']} {g['value']} {g.get('mod') or ''} «{g['keyword']}» — {g.get('what', '')}")
    hit_ids = {e["id"] for ms in matched.values() for e in ms}
    for e in events:
        if e["id"] not in hit_ids:
            docs = ", ".join(sorted({s["doc"] for s in e["sources"]}))
            errors.append(f"EXTRA    #{e['id']} {e['value']} {e['mod'] or ''} [{docs}] {e['title']}")
    titled = planned_ok = entity_total = entity_ok = 0
    matched_gold = [g for g in gold["events"] if matched[g["id"]]]
    for g in matched_gold:
        # Several events may match (two happenings cut from one sentence): judge the best-titled.
        event = max(matched[g["id"]], key=lambda e: sum(_has(e["title"], w) for w in g.get("title_words", [])))
        ok, why = title_form_ok(event["title"])
        missing = [w for w in g.get("title_words", []) if not _has(event["title"], w)]
        if ok and not missing:
            titled += 1
        else:
            errors.append(f"TITLE    {g['id']} #{event['id']} {why or 'lacks ' + ', '.join(missing)}: {event['title']}")
        if "planned" in g:
            if bool(event.get("planned")) == bool(g["planned"]):
                planned_ok += 1
            else:
                errors.append(f"PLANNED  {g['id']} #{event['id']} gold {g['planned']} system {event.get('planned')}: {event['title']}")
        if g.get("key_entity"):
            entity_total += 1
            if names_entity(event["entities"], g["key_entity"]):
                entity_ok += 1
            else:
                have = ", ".join(x["name"] for x in event["entities"]) or "none"
                errors.append(f"ENTITY   {g['id']} #{event['id']} lacks {g['key_entity']} (has {have}): {event['title']}")
    same = [p for p in _pairs(gold.get("same_happening", [])) if p[0] in by_id and p[1] in by_id]
    merged = 0
    for a, b in same:
        if {e["id"] for e in matched[a]} & {e["id"] for e in matched[b]}:
            merged += 1
        else:
            errors.append(f"UNMERGED {a} / {b}: {by_id[a].get('what', '')}")
    wrong = 0
    for a, b in _pairs(gold.get("apart", [])):
        if a in matched and b in matched and wrongly_merged(by_id[a], by_id[b], matched[a], matched[b]):
            wrong += 1
            errors.append(f"WRONG    {a} + {b} merged into one event")
    noise = noise_alone = 0
    for item in gold.get("noise", []):
        doc = file_name(item["doc"])
        for e in events:
            if any(s["doc"] == doc and _has(s["sentence"], item["keyword"]) for s in e["sources"]):
                noise += 1
                # An event that is a gold happening sharing its sentence with the noise is counted
                # above (the brief's definition) but is not itself noise.
                noise_alone += e["id"] not in hit_ids
                mark = "NOISE   " if e["id"] not in hit_ids else "NOISE(=)"
                errors.append(f"{mark} #{e['id']} {item['doc']} «{item['keyword']}» {item.get('why', item.get('what', ''))}: {e['title']}")
    precise = sum(1 for e in events if e["id"] in hit_ids)
    figures = {
        "recall": round(len(found) / len(required), 3) if required else None,
        "precision": round(precise / len(events), 3) if events else None,
        "titles": round(titled / len(matched_gold), 3) if matched_gold else None,
        "planned": round(planned_ok / len(matched_gold), 3) if matched_gold else None,
        "merge": round(merged / len(same), 3) if same else None,
        "wrong_merges": wrong,
        "noise_events": noise,
        "noise_not_gold": noise_alone,
        "key_entity": round(entity_ok / entity_total, 3) if entity_total else None,
        "events": len(events),
        "required": len(required),
        "same_pairs": len(same),
    }
    return figures, errors


def main() -> None:
    """Parse options, ingest, score, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--dump", action="store_true", help="print every system event")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    options = parser.parse_args()
    gold = json.loads(options.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="waqai-events-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        prepare(gold, options.dataset, folder)
        events = system_events(folder, Path(tmp) / "events.db")
    figures, errors = score(gold, events)
    if options.dump:
        for e in events:
            docs = ",".join(sorted({s["doc"] for s in e["sources"]}))
            mark = " [planned]" if e.get("planned") else ""
            print(f"#{e['id']} {e['value']} {e['mod'] or ''}{mark} [{docs}] {e['title']}")
        print()
    if options.json:
        print(json.dumps(figures))
        return
    for line in errors:
        print(line)
    print()
    for key, value in figures.items():
        print(f"{key:>14}: {value}")


if __name__ == "__main__":
    main()
