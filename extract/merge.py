"""When two reports describe the same happening.

Two reports are merged into one event when they carry the same date (value
and mod) and either

* name at least one specific actor or place in common in the dated clause
  (countries and capitals do not count: "Iraq" on the same day is no proof)
  and share some wording (Jaccard ≥ 0.12 over content words), or
* share most of their wording (Jaccard ≥ 0.45), or
* are the same sentence text (a caption repeated on the page).

Distinct happenings that merely share a date share neither actors nor
wording, and stay apart.
"""

from __future__ import annotations

from dataclasses import dataclass

SHARED_WORDING_WITH_ACTOR = 0.12
SHARED_WORDING_ALONE = 0.45


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What the merge rule looks at for one report."""

    value: str
    mod: str | None
    entities: frozenset[str]
    tokens: frozenset[str]
    sentence: str


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def same_happening(a: MergeKey, b: MergeKey) -> bool:
    """Whether reports ``a`` and ``b`` describe the same happening (see module doc)."""
    if a.value.split("T")[0] != b.value.split("T")[0] or a.mod != b.mod:
        return False
    if a.sentence == b.sentence:
        return True
    overlap = jaccard(a.tokens, b.tokens)
    if a.entities & b.entities and overlap >= SHARED_WORDING_WITH_ACTOR:
        return True
    return overlap >= SHARED_WORDING_ALONE
