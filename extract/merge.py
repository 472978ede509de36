"""When two reports describe the same happening.

Papers word one happening differently (``أقر مجلس الأمن … الخميس`` /
``صادق مجلس الأمن بالإجماع أمس``), and one paper may tell it twice. Two
reports are merged into one event when their dates agree and the evidence
says it is one happening:

Dates agree when the values (day part, ignoring a part of day) and mods are
equal. Reports one day apart stay apart even when they tell one happening
(a paper's "أمس" and another's weekday): an event has one date, and merging
would hide the other report's own date; measured on the development gold,
allowing it cost recall and gained no merges.

On the same date, any of these is enough:

* the same sentence text (a wire story reprinted, a caption repeated on the page);
* a shared *specific* actor or place named in both titles, and the same kind
  of happening (the class of its verb: attack, meeting, decision,
  statement…) or some shared wording (Jaccard ≥ 0.12);
* the same kind of happening and much shared wording: at least three content
  words in common covering 30 % of the shorter title, or four covering 25 %,
  two of them more than words of the kind itself (نفذت، ضربة، هجوم);
* the same kind of happening told in at most three content words, every one
  beyond the kind's own found in the other report (``عقب تفجير سروج``);
* most of the wording shared (Jaccard ≥ 0.45) whatever the verbs.

Two statements (both told by a say verb: أعلنت، قال) are compared on what they state,
without the say verbs, and need a shared actor with shared wording (Jaccard ≥ 0.2) or most wording shared: the
police and the army each announcing a different blow against one group are two happenings.

Never enough: a shared dateline or date alone, a shared *generic* entity
(countries and capitals are left out of the entity sets, "Iraq" on the same
day proves nothing), and two different kinds of happening (an attack and a
statement about it) unless their wording is nearly the same (Jaccard ≥ 0.6).
Two happenings cut from one sentence are never merged with each other.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .happening import word_class

SHARED_WORDING_WITH_ACTOR = 0.12
SHARED_WORDING_ALONE = 0.45
SHARED_WORDING_STATEMENTS = 0.2
SHARED_WORDING_DIFFERENT_KINDS = 0.6
SAME_KIND_COVERAGE = 0.3
SAME_KIND_MIN_SHARED = 3
SHORT_REPORT_WORDS = 3


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What the merge rule looks at for one report."""

    value: str
    mod: str | None
    entities: frozenset[str]
    tokens: frozenset[str]
    sentence: str
    kind: str | None = None  # the happening's class, from its verb


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def coverage(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over the smaller set (0 when either is empty)."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def dates_agree(a: MergeKey, b: MergeKey) -> bool:
    """Same day part of the value (a part of day or clock time aside) and same mod."""
    return a.mod == b.mod and a.value.split("T")[0] == b.value.split("T")[0]


def same_happening(a: MergeKey, b: MergeKey) -> bool:
    """Whether reports ``a`` and ``b`` describe the same happening (see module doc)."""
    if not dates_agree(a, b):
        return False
    if a.sentence == b.sentence:
        return True
    statements = a.kind == "statement" and b.kind == "statement"
    if statements:
        # Two announcements are compared on what they state: the say verbs (أعلنت) are no evidence.
        a = replace(a, tokens=frozenset(t for t in a.tokens if word_class(t) != "statement"))
        b = replace(b, tokens=frozenset(t for t in b.tokens if word_class(t) != "statement"))
    overlap = jaccard(a.tokens, b.tokens)
    shared_actor = bool(a.entities & b.entities)
    same_kind = a.kind is not None and a.kind == b.kind
    different_kinds = a.kind is not None and b.kind is not None and a.kind != b.kind
    shared = len(a.tokens & b.tokens)
    # The verbs and event nouns of the kind itself (نفذت، ضربة، هجوم) say nothing more than the kind.
    beyond_kind = sum(1 for t in a.tokens & b.tokens if word_class(t) is None)
    wide = beyond_kind >= 2 and (
        (shared >= SAME_KIND_MIN_SHARED and coverage(a.tokens, b.tokens) >= SAME_KIND_COVERAGE)
        or (shared >= SAME_KIND_MIN_SHARED + 1 and coverage(a.tokens, b.tokens) >= SAME_KIND_COVERAGE - 0.05))
    if a.sentence == b.sentence:
        return True
    if different_kinds:
        return overlap >= SHARED_WORDING_DIFFERENT_KINDS
    if shared_actor and statements:
        # One actor (داعش) named in two announcements on one day: they must also share their wording.
        if overlap >= SHARED_WORDING_STATEMENTS:
            return True
    elif shared_actor and (same_kind or overlap >= SHARED_WORDING_WITH_ACTOR):
        return True
    if same_kind and wide and not statements:
        return True
    if same_kind and not statements and _covered(a.tokens, b.tokens):
        return True
    return overlap >= SHARED_WORDING_ALONE


def _covered(a: frozenset[str], b: frozenset[str]) -> bool:
    """A short report (عقب تفجير سروج) whose every word beyond its kind is in the other."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    specific = {t for t in small if word_class(t) is None}
    return 0 < len(small) <= SHORT_REPORT_WORDS and bool(specific) and specific <= large


def strength(a: MergeKey, b: MergeKey) -> float:
    """How alike two reports are, to pick the best of several merge targets."""
    return jaccard(a.tokens, b.tokens) + 0.5 * bool(a.entities & b.entities) + 0.25 * (a.kind is not None and a.kind == b.kind)
