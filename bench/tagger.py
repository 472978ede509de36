"""Tagger throughput and value F1 for waqai and dateparser, side by side, on the same texts.

    pip install -e ".[bench]" && python bench/tagger.py [--repeat 20]
    python bench/tagger.py --dataset [DIR] [--articles 2000] [--repeat 5] [--instructions] [--prepare]

Texts: the gold documents (../shared/eval/seeds_gold.jsonl over data/corpus).
dateparser runs `search_dates(languages=['ar'])` with the DCT as RELATIVE_BASE;
its matches are scored with the same TempEval-3 code (dates only, no types).
Speeds are characters per second of CPU time (one core), so that other work on a
shared machine does not change them; on an idle machine they equal wall-clock speeds.

``--dataset`` tags real news instead: ``--articles`` articles spread evenly over the days of
the SaudiNewsNet slice (default ``../shared/datasets/saudinewsnet-dev``), each with its own
publication date and source, ``--repeat`` times; it prints the best and the median run in
characters per second of CPU time (the best is the figure least disturbed by other work on a
shared machine). ``--prepare`` also times ``store.ingest.prepare`` (segmentation, tagging,
events: the extraction half of an ingest) in articles/s. ``--instructions`` counts the
user-space instructions per character of one tagging run under valgrind's callgrind, which the
machine's load does not change (a run over one article is subtracted, so imports and the
grammar's compilation are not counted); with ``--prepare`` also ``prepare``'s instructions per article.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

from waqai.extract.evaluate import Score, score_document
from waqai.extract.tagger import tag

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.jsonl"


def load() -> list[tuple[dict, str, date | None]]:
    """The gold documents with their texts and DCTs."""
    docs = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        text = (ROOT / "data" / "corpus" / d["doc"]).read_text(encoding="utf-8-sig")
        docs.append((d, text, date.fromisoformat(d["dct"]) if d["dct"] else None))
    return docs


def run_waqai(docs, repeat: int) -> tuple[float, dict]:
    """Characters per second and scores for waqai."""
    chars = sum(len(t) for _, t, _ in docs) * repeat
    started = time.process_time()
    for _ in range(repeat):
        results = [[t.as_json() for t in tag(text, dct)] for _, text, dct in docs]
    elapsed = time.process_time() - started
    score = Score()
    for (d, _, _), found in zip(docs, results):
        score_document(d["doc"], d["timexes"], found, score)
    return chars / elapsed, score.figures()


def run_dateparser(docs, repeat: int) -> tuple[float, dict]:
    """Characters per second and scores for dateparser's search_dates."""
    from dateparser.search import search_dates

    chars = sum(len(t) for _, t, _ in docs) * repeat
    started = time.process_time()
    for _ in range(repeat):
        results = []
        for _, text, dct in docs:
            settings = {"RELATIVE_BASE": datetime.combine(dct, datetime.min.time())} if dct else {}
            found, position = [], 0
            for expression, when in search_dates(text, languages=["ar"], settings=settings) or []:
                start = text.find(expression, position)
                if start < 0:
                    continue
                position = start + len(expression)
                found.append({"start": start, "end": position, "text": expression, "type": "DATE", "value": when.date().isoformat()})
            results.append(found)
    elapsed = time.process_time() - started
    score = Score()
    for (d, _, _), found in zip(docs, results):
        score_document(d["doc"], d["timexes"], found, score)
    return chars / elapsed, score.figures()


def real_news(dataset: Path, count: int) -> list:
    """``count`` articles of the SaudiNewsNet slice, spread evenly over its days."""
    sys.path.insert(0, str(ROOT / "bench"))
    import saudinewsnet

    ids = [f"{day}#{i}" for day in saudinewsnet.days(dataset) for i in range(len(saudinewsnet._day(str(dataset), day)))]
    if count < len(ids):
        ids = [ids[i * len(ids) // count] for i in range(count)]
    return [saudinewsnet.article(article_id, dataset) for article_id in ids]


def run_dataset(articles: list, repeat: int, prepare: bool) -> None:
    """Print the tagger's (and optionally prepare()'s) speed on real articles."""
    chars = sum(len(a.content) for a in articles)
    tag(articles[0].content, articles[0].dct, articles[0].source)  # compile outside the timing
    times = []
    for _ in range(repeat):
        started = time.process_time()
        for a in articles:
            tag(a.content, a.dct, a.source)
        times.append(time.process_time() - started)
    print(f"{len(articles)} real articles, {chars:,} characters, {repeat} runs (CPU time, one core)")
    print(f"tagger   best {chars / min(times):>12,.0f} chars/s   median {chars / statistics.median(times):>12,.0f} chars/s")
    if prepare:
        from waqai.store.ingest import Article, prepare as prepare_one

        items = [Article(Path(a.id), a.dct, False, a.source, a.url, text=a.content, title=a.title or None, locator=a.id)
                 for a in articles]
        times = []
        for _ in range(repeat):
            started = time.process_time()
            for item in items:
                prepare_one(item)
            times.append(time.process_time() - started)
        print(f"prepare  best {len(items) / min(times):>12,.1f} articles/s median {len(items) / statistics.median(times):>8,.1f} articles/s"
              f"   ({chars / min(times):,.0f} chars/s)")


def instructions(arguments: list[str]) -> int | None:
    """User-space instructions of this script run with ``arguments`` under callgrind, or None."""
    if not shutil.which("valgrind"):
        return None
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, *arguments],
                            capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) if found else None


def main() -> None:
    """Print both taggers' figures, or the tagger's speed on real news."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=None, help="runs (default 20 on the seeds, 5 on --dataset)")
    parser.add_argument("--dataset", type=Path, nargs="?", const=ROOT.parent / "shared" / "datasets" / "saudinewsnet-dev",
                        help="tag real news from the SaudiNewsNet slice at this folder")
    parser.add_argument("--articles", type=int, default=2000, help="real articles to tag with --dataset")
    parser.add_argument("--prepare", action="store_true", help="with --dataset, also time store.ingest.prepare")
    parser.add_argument("--instructions", action="store_true", help="with --dataset, count instructions per character")
    parser.add_argument("--tag-only", action="store_true", help=argparse.SUPPRESS)  # the run callgrind measures
    parser.add_argument("--prepare-only", action="store_true", help=argparse.SUPPRESS)  # the same for --prepare
    args = parser.parse_args()
    if args.dataset is not None:
        if not args.dataset.is_dir():
            print(f"no dataset folder at {args.dataset}", file=sys.stderr)
            sys.exit(2)
        articles = real_news(args.dataset, args.articles) if args.articles > 0 else []
        if args.tag_only:
            for a in articles:
                tag(a.content, a.dct, a.source)
            return
        if args.prepare_only:
            from waqai.store.ingest import Article, prepare as prepare_one

            for a in articles:
                prepare_one(Article(Path(a.id), a.dct, False, a.source, a.url, text=a.content, title=a.title or None,
                                    locator=a.id))
            return
        if args.instructions:
            base = ["--dataset", str(args.dataset), "--tag-only"]
            full = instructions(base + ["--articles", str(args.articles)])
            empty = instructions(base + ["--articles", "1"])
            if full is None or empty is None:
                print("valgrind not installed: no instruction counts")
                return
            chars = sum(len(a.content) for a in articles) - len(articles[0].content)
            print(f"{len(articles)} real articles, {chars:,} characters: {(full - empty) / chars:,.0f} instructions per character (callgrind)")
            if args.prepare:
                # The whole extraction (segmentation, tagging, events), per article: the first
                # article's run is subtracted as above, so imports and compilation are not counted.
                base = ["--dataset", str(args.dataset), "--prepare-only"]
                full = instructions(base + ["--articles", str(args.articles)])
                empty = instructions(base + ["--articles", "1"])
                print(f"prepare: {(full - empty) / (len(articles) - 1):,.0f} instructions per article (callgrind)")
            return
        run_dataset(articles, args.repeat or 5, args.prepare)
        return
    args.repeat = args.repeat or 20
    docs = load()
    tag(docs[0][1], docs[0][2])  # compile the grammar outside the timing
    rows = [("waqai", *run_waqai(docs, args.repeat))]
    try:
        rows.append(("dateparser", *run_dateparser(docs, max(1, args.repeat // 10))))
    except ImportError:
        print("dateparser not installed (pip install -e '.[bench]'); showing waqai only")
    print(f"{'tagger':<12}{'chars/s':>12}{'strict F1':>11}{'relaxed F1':>12}{'value F1':>10}")
    for name, speed, figures in rows:
        print(f"{name:<12}{speed:>12,.0f}{figures['strict_f1']:>11.3f}{figures['relaxed_f1']:>12.3f}{figures['value_f1']:>10.3f}")


if __name__ == "__main__":
    main()
