"""Regression check for speed work: the extraction's output, dumped and compared article by article.

    python bench/tagger_identity.py --write REF.jsonl.gz [--limit N] [--events]   # before a change
    python bench/tagger_identity.py --check REF.jsonl.gz                          # after it

Texts: the bundled corpus (``data/corpus`` with its manifest's dates), the seed gold documents and
the SaudiNewsNet development slice (``--dataset``, every article or the first ``--limit`` of an even
spread over all days). Each record holds the article id and ``tag()``'s timexes (offsets, type,
value, mod, interval); with ``--events`` also what ``pipeline.analyze`` gives the store (sentences,
title, furniture count, event candidates), so a change to segmentation or event building is checked
too. ``--check`` reads the options back from the reference, recomputes and prints the first
differences; the exit status is 1 when anything differs. The reference holds spans of article text:
keep it outside the repository (the corpus licence), e.g. in ``$TMPDIR``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import saudinewsnet  # noqa: E402

from waqai.extract.pipeline import analyze  # noqa: E402
from waqai.extract.tagger import tag  # noqa: E402

SEEDS = ROOT.parent / "shared" / "eval" / "seeds_gold.jsonl"


def texts(dataset: Path, limit: int | None):
    """(id, text, dct, source, title) of every article to check, in a fixed order."""
    corpus = ROOT / "data" / "corpus"
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    for doc in manifest["documents"]:
        published = date.fromisoformat(doc["published"]) if doc.get("published") else None
        yield "corpus/" + doc["file"], (corpus / doc["file"]).read_text(encoding="utf-8-sig"), published, doc.get("source"), None
    if SEEDS.exists():
        for line in SEEDS.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            text = d.get("text") or (corpus / d["doc"]).read_text(encoding="utf-8-sig")
            yield "seed/" + d["doc"], text, date.fromisoformat(d["dct"]) if d["dct"] else None, None, None
    ids = [f"{day}#{i}" for day in saudinewsnet.days(dataset) for i in range(len(saudinewsnet._day(str(dataset), day)))]
    if limit is not None and limit < len(ids):
        ids = [ids[i * len(ids) // limit] for i in range(limit)]
    for article_id in ids:
        a = saudinewsnet.article(article_id, dataset)
        yield a.id, a.content, a.dct, a.source, a.title or None


def record(doc: str, text: str, dct: date | None, source: str | None, title: str | None, events: bool) -> dict:
    """What the checked code produces for one article, as plain JSON."""
    out: dict = {"doc": doc, "timexes": [t.as_json() for t in tag(text, dct, source)]}
    if events:
        analysis = analyze(text, dct, source, title=title)
        layout = analysis.layout
        out["title"] = layout.title
        out["furniture"] = layout.furniture_lines
        out["sentences"] = [[s.index, s.paragraph, s.start, s.end, s.folded_start, s.folded_end] for s in layout.sentences]
        out["analysis_timexes"] = [t.as_json() for t in analysis.timexes]
        out["events"] = [
            {"timex": [e.timex.start, e.timex.end, e.timex.value, e.timex.mod], "sentence": e.sentence.index,
             "title": e.title, "entities": list(e.entities), "clause_entities": sorted(e.clause_entities),
             "clause_tokens": sorted(e.clause_tokens), "attribution": e.attribution, "stance": e.stance,
             "planned": e.planned, "kind": e.kind}
            for e in analysis.events
        ]
    return out


def main() -> int:
    """Write or check a reference dump."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="REF")
    mode.add_argument("--check", type=Path, metavar="REF")
    parser.add_argument("--dataset", type=Path, default=None,
                        help="the slice (default: the one the reference was written from, else the dev slice)")
    parser.add_argument("--limit", type=int, default=None, help="real articles to check (default: all)")
    parser.add_argument("--events", action="store_true", help="also compare analyze(): sentences, events")
    parser.add_argument("--show", type=int, default=10, help="differences to print")
    args = parser.parse_args()
    header: dict = {}
    if args.check and args.check.exists():
        with gzip.open(args.check, "rt", encoding="utf-8") as handle:
            header = json.loads(handle.readline())
    # --check reads the articles the reference was written from: another folder (say with the
    # held-out days) would compare other articles, and open ones the user meant to keep unread.
    args.dataset = args.dataset or Path(header.get("dataset") or saudinewsnet.DEFAULT_PATH)
    if not args.dataset.is_dir():
        print(f"no dataset folder at {args.dataset}", file=sys.stderr)
        return 2
    if args.check:
        if not args.check.exists():
            print(f"no reference file at {args.check}", file=sys.stderr)
            return 2
        with gzip.open(args.check, "rt", encoding="utf-8") as handle:
            header = json.loads(handle.readline())
            reference = [json.loads(line) for line in handle]
        limit, events = header["limit"], header["events"]
    else:
        limit, events, reference = args.limit, args.events, None
    started = time.process_time()
    records = [record(*item, events) for item in texts(args.dataset, limit)]
    elapsed = time.process_time() - started
    timexes = sum(len(r["timexes"]) for r in records)
    print(f"{len(records)} articles, {timexes} timexes, {elapsed:.1f} s CPU")
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(args.write, "wt", encoding="utf-8") as handle:
            handle.write(json.dumps({"limit": limit, "events": events, "dataset": str(args.dataset.resolve())}) + "\n")
            for r in records:
                handle.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"reference written to {args.write}")
        return 0
    differing = [(old, new) for old, new in zip(reference, records) if old != new]
    if len(reference) != len(records):
        print(f"DIFFERENT: {len(reference)} articles in the reference, {len(records)} now")
        return 1
    for old, new in differing[: args.show]:
        print(f"--- {old['doc']}")
        for key in old:
            if old[key] != new.get(key):
                before, after = old[key], new.get(key)
                if isinstance(before, list) and isinstance(after, list):
                    gone = [x for x in before if x not in after]
                    added = [x for x in after if x not in before]
                    print(f"  {key}: -{json.dumps(gone, ensure_ascii=False)[:400]}\n  {key}: +{json.dumps(added, ensure_ascii=False)[:400]}")
                else:
                    print(f"  {key}: {before!r} -> {after!r}")
    if differing:
        print(f"DIFFERENT: {len(differing)} of {len(records)} articles")
        return 1
    print(f"IDENTICAL: {len(records)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
