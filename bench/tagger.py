"""Tagger throughput and value F1 for waqai and dateparser, side by side, on the same texts.

    pip install -e ".[bench]" && python bench/tagger.py [--repeat 20]

Texts: the gold documents (../shared/eval/seeds_gold.jsonl over data/corpus).
dateparser runs `search_dates(languages=['ar'])` with the DCT as RELATIVE_BASE;
its matches are scored with the same TempEval-3 code (dates only, no types).
Speeds are characters per second of CPU time (one core), so that other work on a
shared machine does not change them; on an idle machine they equal wall-clock speeds.
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    """Print both taggers' figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
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
