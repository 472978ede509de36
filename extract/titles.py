"""Which of several titles of one happening reads best.

When reports of one happening merge into one event, the event shows one
title. The first report's is not always the best: a later report may tell
the happening itself (``جمدت تركيا أموال …``) where the first only reported
a detail of it (``أوضحت الوكالة أن القرار الذي صدر يطال …``). ``title_score``
rates a title by its form, so the store keeps the best one; a tie keeps the
title already there (the first report's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import happening
from .events import fragmentary_title
from .lexicon import load_json
from .normalize import fold

GOOD_LENGTH = (4, 18)  # words: fewer says too little, more was cut or rambles
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"), ("{", "}"))
_WORD = re.compile(r"[^\W\d_]+")
_SAY_THEN_COMPLEMENT = re.compile(r"(?<![^\W\d_])(?:ان|انه|انها|بان)(?![^\W\d_])")


@lru_cache(maxsize=1)
def _title_particles() -> frozenset[str]:
    # A title ends neither on a particle nor on a word that needs what follows (يطال كلا، عدد).
    data = load_json("lexicon/events.json")
    return frozenset(fold(w) for w in data["title_particles"] + data["title_no_cut_after"])


def form_ok(title: str) -> bool:
    """Whether a title has a sound form: two words or more, brackets and quotes
    balanced, not ending on a particle, a preposition, a quantifier or an opening bracket."""
    words = title.rstrip("…").split()
    if len(words) < 2:
        return False
    if any(title.count(a) != title.count(b) for a, b in _PAIRS) or title.count('"') % 2:
        return False
    last = words[-1]
    return last[-1] not in "([{«“" and fold(last.strip("\"”»)]،,.:؛")) not in _title_particles()


def says_rather_than_tells(title: str) -> bool:
    """Whether a title opens on a say-verb and goes on to what is said (قال الوزير إن …):
    it reports the happening rather than telling it."""
    words = _WORD.findall(fold(title))[:3]
    say = happening.event_words().say_verbs
    return any(w in say or (w[:1] in "وف" and w[1:] in say) for w in words) and bool(
        _SAY_THEN_COMPLEMENT.search(fold(title)))


def attribution_debris(title: str) -> bool:
    """Whether a title opens on what is left of an attribution whose verb was cut off:
    a name and the complement particle (``جون كيري إن الاتفاق …``)."""
    words = _WORD.findall(fold(title))[:4]
    say = happening.event_words().say_verbs
    for i, w in enumerate(words):
        if _SAY_THEN_COMPLEMENT.fullmatch(w):
            return i > 0 and not any(v in say or (v[:1] in "وف" and v[1:] in say) for v in words[:i])
    return False


def title_score(title: str) -> int:
    """How well a title tells its happening: higher is better.

    A sound form weighs most, then not being a fragment (a noun and its
    relative clause, a prepositional phrase, an attribution cut from its
    verb), then holding a verb and opening on it, telling rather than
    reporting, being whole (not cut with …) and a length in ``GOOD_LENGTH``.
    """
    if not title:
        return 0
    words = len(title.rstrip("…").split())
    return (
        4 * form_ok(title)
        + 3 * (not fragmentary_title(title))
        + 3 * (not attribution_debris(title))
        + 2 * happening.has_verb(title)
        + happening.starts_with_verb(title)
        + (not says_rather_than_tells(title))
        + (not title.endswith("…"))
        + (GOOD_LENGTH[0] <= words <= GOOD_LENGTH[1])
    )


MARGIN = 2  # a title gives way only to a clearly better one, not to a mere difference of style


def better_title(candidate: str, current: str | None) -> bool:
    """Whether ``candidate`` should replace ``current`` as an event's title.

    Only a clearly better title (by ``MARGIN``) replaces the one already
    there: the first report's title stays unless it is defective.
    """
    return not current or title_score(candidate) >= title_score(current) + MARGIN
