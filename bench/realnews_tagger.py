"""The tagger on real news: TempEval-3 figures against the development gold, overall and by family.

    python bench/realnews_tagger.py [DATASET] [--gold bench/gold/timex_dev.jsonl] [--dateparser] [--errors]

The gold file holds article ids (``DAY#INDEX``), offsets and values only; the texts are read
from the SaudiNewsNet slice at DATASET (default ``../shared/datasets/saudinewsnet-dev``
relative to the repository). Each gold timex is put in one family by the simple rules of
``family``; a system timex that matches no gold one is counted in the family its own text
falls in, so each family has its own precision and recall.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from waqai.extract.evaluate import Score, score_document
from waqai.extract.tagger import tag

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import saudinewsnet  # noqa: E402
from timex_table import header, print_errors, row  # noqa: E402

DEFAULT_DATASET = ROOT.parent / "shared" / "datasets" / "saudinewsnet-dev"
DEFAULT_GOLD = ROOT / "bench" / "gold" / "timex_dev.jsonl"

_HIJRI = re.compile(r"هـ|ه\b|هجري|رمضان|شوال|العيد|عيد|الفطر|الأضحى|الاضحى|محرم|صفر|ربيع|جماد|رجب|شعبان|القعدة|الحجة|1[34]\d\d")
_CLOCK = re.compile(r"الساعة|صباحا|صباحاً|مساء|عصرا|عصراً|ظهرا|فجرا|\d:\d")
_RELDAY = re.compile(r"اليوم|أمس|امس|غدا|غداً|الغد|غداة|الليلة|البارحة")
_WEEKDAY = re.compile(r"الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد")
_MONTH = re.compile(
    r"يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|"
    r"كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين"
)


def family(t: dict) -> str:
    """The family of a timex, by simple rules on its type, value and text."""
    text, value, type_ = t["text"], t.get("value") or "", t["type"]
    if type_ == "SET":
        return "set"
    if type_ == "TIME" or (type_ == "DATE" and _CLOCK.search(text) and "T" in value[4:] and ":" in value):
        return "clock"
    if value.endswith("_REF"):
        return "vague_ref"
    if type_ == "DURATION":
        if "عمر" in text or "سن " in text or "العمر" in text:
            return "age"
        if "X" in value:
            return "vague_duration"
        return "duration"
    if _HIJRI.search(text):
        return "hijri"
    if re.search(r"\d+\s*[-/.]\s*\d+\s*[-/.]\s*\d{2,4}", text):
        return "numeric"
    if _RELDAY.search(text):
        return "relative_day"
    if _WEEKDAY.search(text) and not re.search(r"\d|" + _MONTH.pattern, text):
        return "weekday"
    if _MONTH.search(text):
        return "month_date"
    if re.fullmatch(r"\d{3,4}|\d{2}", value):
        return "year_decade_century"
    if "قبل" in text or "بعد" in text or "الماضي" in text or "المقبل" in text or "الجاري" in text or "الحالي" in text:
        return "relative_unit"
    return "other"


def load_gold(path: Path) -> list[dict]:
    """The gold lines, one per article (incomplete trailing lines skipped)."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            docs.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return docs


def run_waqai(gold: list[dict], dataset: Path) -> dict[str, list[dict]]:
    """waqai's timexes for each gold article."""
    out = {}
    for d in gold:
        a = saudinewsnet.article(d["doc"], dataset)
        out[d["doc"]] = [t.as_json() for t in tag(a.content, a.dct, a.source)]
    return out


def run_dateparser(gold: list[dict], dataset: Path) -> dict[str, list[dict]]:
    """dateparser's search_dates matches for each gold article (dates only)."""
    from dateparser.search import search_dates

    out = {}
    for d in gold:
        a = saudinewsnet.article(d["doc"], dataset)
        settings = {"RELATIVE_BASE": datetime.combine(a.dct, datetime.min.time())}
        found, position = [], 0
        for expression, when in search_dates(a.content, languages=["ar"], settings=settings) or []:
            start = a.content.find(expression, position)
            if start < 0:
                continue
            position = start + len(expression)
            found.append({"start": start, "end": position, "text": expression, "type": "DATE",
                          "value": when.date().isoformat()})
        out[d["doc"]] = found
    return out


def score(gold: list[dict], system: dict[str, list[dict]]) -> tuple[Score, dict[str, Score]]:
    """The overall score and one score per family."""
    total = Score()
    by_family: dict[str, Score] = defaultdict(Score)
    for d in gold:
        found = system[d["doc"]]
        score_document(d["doc"], d["timexes"], found, total)
        names = {family(t) for t in d["timexes"]}
        names.update(family(t) for t in found)
        for name in names:
            g = [t for t in d["timexes"] if family(t) == name]
            # A system timex belongs to the family of the gold timex it overlaps, else to its own.
            s = []
            for t in found:
                over = next((x for x in d["timexes"] if x["start"] < t["end"] and t["start"] < x["end"]), None)
                if family(over or t) == name:
                    s.append(t)
            score_document(d["doc"], g, s, by_family[name])
    return total, dict(by_family)


def report(name: str, total: Score, by_family: dict[str, Score]) -> None:
    """Print the figures of one tagger, overall and by family."""
    print(f"== {name}")
    print(header(22))
    print(row("ALL", total, 22))
    for fam in sorted(by_family, key=lambda k: -by_family[k].gold):
        print(row(fam, by_family[fam], 22))


def main() -> None:
    """Score waqai (and optionally dateparser) against the development gold."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--dateparser", action="store_true", help="also score dateparser (the bench extra)")
    parser.add_argument("--no-errors", action="store_true", help="figures only")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    print(f"{len(gold)} articles, {sum(len(d['timexes']) for d in gold)} gold timexes")
    system = run_waqai(gold, args.dataset)
    total, by_family = score(gold, system)
    report("waqai", total, by_family)
    if args.dateparser:
        total_dp, by_family_dp = score(gold, run_dateparser(gold, args.dataset))
        report("dateparser", total_dp, by_family_dp)
    if not args.no_errors:
        print_errors(total, gold, system, where=lambda doc, start: f"{doc:<18}{start if start is not None else '':>6}")


if __name__ == "__main__":
    main()
