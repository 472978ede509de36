"""The tagger on conversational Arabic: TempEval-3 figures against the conversational gold, by form family.

    python bench/conversational.py [--gold bench/gold/timex_conversational.jsonl] [--no-errors] [--json]

The gold holds short sentences written for this project (no dataset text), one per line with its own
``dct``, inline ``text`` and a ``family`` naming the form it tests ("in two weeks", "tomorrow at 3 pm",
dialect words …). Every timex of a line, and every system timex on it, counts in the line's family.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from waqai.extract.evaluate import Score, score_document
from waqai.extract.gold import GoldError, parse_gold_line
from waqai.extract.tagger import tag

from timex_table import header, print_errors, row

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "bench" / "gold" / "timex_conversational.jsonl"


def load_gold(path: Path) -> list[dict]:
    """The gold lines; a malformed line stops the run with its line number."""
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = parse_gold_line(line)
        except GoldError as error:
            raise SystemExit(f"{path}:{number}: {error}") from None
        if doc.get("text") is None or doc.get("dct") is None:
            raise SystemExit(f"{path}:{number}: a conversational line needs its own text and dct")
        try:
            date.fromisoformat(doc["dct"])
        except ValueError:
            raise SystemExit(f"{path}:{number}: dct {doc['dct']!r} is not a YYYY-MM-DD date") from None
        docs.append(doc)
    return docs


def run(gold: list[dict]) -> dict[str, list[dict]]:
    """waqai's timexes for each gold sentence."""
    return {d["doc"]: [t.as_json() for t in tag(d["text"], date.fromisoformat(d["dct"]))] for d in gold}


def score(gold: list[dict], system: dict[str, list[dict]]) -> tuple[Score, dict[str, Score]]:
    """The overall score and one score per family (the line's family)."""
    total = Score()
    by_family: dict[str, Score] = defaultdict(Score)
    for d in gold:
        score_document(d["doc"], d["timexes"], system[d["doc"]], total)
        score_document(d["doc"], d["timexes"], system[d["doc"]], by_family[d.get("family") or "other"])
    return total, dict(by_family)


def report(total: Score, by_family: dict[str, Score]) -> None:
    """Print the figures, overall and by family."""
    print(header(16))
    print(row("ALL", total, 16))
    for name in sorted(by_family, key=lambda k: (-by_family[k].gold, k)):
        print(row(name, by_family[name], 16))


def main() -> None:
    """Score waqai against the conversational gold."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--no-errors", action="store_true", help="figures only")
    parser.add_argument("--json", action="store_true", help="the figures as one JSON object (overall and by family)")
    args = parser.parse_args()
    if not args.gold.is_file():
        sys.exit(f"no gold file at {args.gold}")
    gold = load_gold(args.gold)
    system = run(gold)
    total, by_family = score(gold, system)
    if args.json:
        print(json.dumps({"all": total.figures(), "families": {k: v.figures() for k, v in by_family.items()}}))
        return
    print(f"{len(gold)} sentences, {sum(len(d['timexes']) for d in gold)} gold timexes")
    report(total, by_family)
    if not args.no_errors:
        texts = {d["doc"]: d["text"] for d in gold}
        print_errors(total, gold, system, where=lambda doc, start: doc, context=texts.get)


if __name__ == "__main__":
    main()
