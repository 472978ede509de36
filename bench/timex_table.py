"""The figures table and span differences the TIMEX bench scripts print (realnews_tagger, conversational)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from waqai.extract.evaluate import Score


def header(width: int) -> str:
    """The column names of ``row``."""
    return f"{'family':<{width}}{'gold':>6}{'sys':>6}{'strict':>9}{'relaxed':>9}{'value':>8}{'type':>8}{'v.prec':>8}{'v.rec':>8}"


def row(name: str, s: Score, width: int) -> str:
    """One line of figures: counts, strict/relaxed/value/type F1, value precision and recall."""
    f = s.figures()
    precision = s.value / s.system if s.system else 0.0
    recall = s.value / s.gold if s.gold else 0.0
    return (f"{name:<{width}}{s.gold:>6}{s.system:>6}{f['strict_f1']:>9.3f}{f['relaxed_f1']:>9.3f}{f['value_f1']:>8.3f}"
            f"{f['type_f1']:>8.3f}{precision:>8.3f}{recall:>8.3f}")


def span_differences(gold: list[dict], system: dict[str, list[dict]]) -> Iterator[tuple[str, dict, dict]]:
    """(doc, gold timex, first overlapping system timex) where they overlap but no system span is the gold's."""
    for d in gold:
        for g in d["timexes"]:
            over = [t for t in system[d["doc"]] if t["start"] < g["end"] and g["start"] < t["end"]]
            if over and not any(t["start"] == g["start"] and t["end"] == g["end"] for t in over):
                yield d["doc"], g, over[0]


def print_errors(total: Score, gold: list[dict], system: dict[str, list[dict]],
                 where: Callable[[str, int], str], context: Callable[[str], str] = lambda doc: "") -> None:
    """Print misses, spurious timexes, wrong values and span differences.

    ``where(doc, start)`` is the leading column of a line (the document, and the offset where
    there is one); ``context(doc)`` is what ends a miss or a spurious line (its sentence, when short).
    """
    for title, items in (("misses", total.misses), ("spurious", total.spurious)):
        print(f"\n-- {title} ({len(items)})")
        for m in items:
            tail = context(m["doc"])
            print(f"  {where(m['doc'], m.get('start'))}  {m['text']!r:<36} {m['type']} {m['value']} {m.get('mod') or ''}"
                  + (f"   | {tail}" if tail else ""))
    print(f"\n-- wrong values ({len(total.wrong_values)})")
    for m in total.wrong_values:
        print(f"  {where(m['doc'], None)}  {m['text']!r:<32} gold {m['gold']!s:<16} system {m['system']!s:<16} {m['system_text']!r}")
    print("\n-- span differences (relaxed, not strict)")
    for doc, g, other in span_differences(gold, system):
        print(f"  {where(doc, g['start'])}  gold {g['text']!r:<32} system {other['text']!r}")
