"""TempEval-3 scoring of tagged timexes against a gold set.

Strict F1 counts exact spans, relaxed F1 overlapping ones; value and type F1
count relaxed matches whose value (ignoring a trailing part of day) or type
also match, over the same system and gold totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .calendar import strip_part_of_day


@dataclass
class Score:
    """Counts accumulated over documents, and the figures derived from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    misses: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    wrong_values: list[dict] = field(default_factory=list)

    @staticmethod
    def _f1(hits: int, system: int, gold: int) -> float:
        if hits == 0:
            return 0.0
        precision, recall = hits / system, hits / gold
        return 2 * precision * recall / (precision + recall)

    def figures(self) -> dict:
        """Precision/recall-based F1 figures, rounded for display."""
        return {
            "documents_gold_timexes": self.gold,
            "system_timexes": self.system,
            "strict_f1": round(self._f1(self.strict, self.system, self.gold), 4),
            "relaxed_f1": round(self._f1(self.relaxed, self.system, self.gold), 4),
            "value_f1": round(self._f1(self.value, self.system, self.gold), 4),
            "type_f1": round(self._f1(self.type, self.system, self.gold), 4),
            "strict_precision": round(self.strict / self.system, 4) if self.system else 0.0,
            "strict_recall": round(self.strict / self.gold, 4) if self.gold else 0.0,
        }


def _same_value(a: str | None, b: str | None) -> bool:
    return strip_part_of_day(a or "") == strip_part_of_day(b or "")


def score_document(doc: str, gold: list[dict], system: list[dict], score: Score) -> None:
    """Add one document's comparison to ``score``.

    Each gold timex is paired with at most one system timex: the exact span
    if there is one, else the first overlapping one not yet used.
    """
    score.gold += len(gold)
    score.system += len(system)
    used: set[int] = set()
    for g in gold:
        exact = next((i for i, s in enumerate(system) if i not in used and s["start"] == g["start"] and s["end"] == g["end"]), None)
        match = exact
        if match is None:
            match = next(
                (i for i, s in enumerate(system) if i not in used and s["start"] < g["end"] and g["start"] < s["end"]),
                None,
            )
        if match is None:
            score.misses.append({"doc": doc, **g})
            continue
        used.add(match)
        s = system[match]
        score.relaxed += 1
        score.strict += exact is not None
        if _same_value(s.get("value"), g.get("value")):
            score.value += 1
        else:
            score.wrong_values.append({"doc": doc, "text": g["text"], "gold": g.get("value"), "system": s.get("value"), "system_text": s["text"]})
        score.type += s.get("type") == g.get("type")
    for i, s in enumerate(system):
        if i not in used:
            score.spurious.append({"doc": doc, **s})
