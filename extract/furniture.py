"""Learning a source's page furniture from repetition across its articles.

Lists (``data/lexicon/boilerplate.json``, the byline marks of
``data/lexicon/events.json``) know the common furniture; every paper also has
its own: a byline formula (``عين اليوم – بيروت``, ``سبق- الرياض:``), a footer,
a "more from this writer" line. What a paper prints in many of its articles
is furniture, not news: a short line (at most six words) seen in at least
``MIN_ARTICLES`` articles of one source, and at least ``MIN_SHARE`` of them,
is learned whole; so are the first and last two words of label-like lines
of three or four words without a full stop (the formula around a changing
place or name). Learned lines stay sentences (their offsets, search) but
tell no event.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from .normalize import fold

MIN_ARTICLES = 3
MIN_SHARE = 0.3
SHORT_LINE_WORDS = 6
EDGE_LINE_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")


def line_key(line: str) -> str:
    """A line's comparison key: folded words only (digits, punctuation and spacing dropped)."""
    return " ".join(_WORD.findall(fold(line)))


def _edges(key: str, raw: str) -> set[str]:
    words = key.split()
    # Only label-like lines (a byline formula), never a sentence that ends with a full stop.
    if not 3 <= len(words) <= EDGE_LINE_WORDS or raw.rstrip().endswith((".", "؟", "!")):
        return set()
    return {"^" + " ".join(words[:2]), " ".join(words[-2:]) + "$"}


def learn(texts: Iterable[str]) -> frozenset[str]:
    """The furniture keys of one source: whole short lines and their edges repeated across its articles."""
    counts: Counter[str] = Counter()
    articles = 0
    for text in texts:
        articles += 1
        seen: set[str] = set()
        for raw in text.split("\n"):
            key = line_key(raw)
            if not key or len(key.split()) > SHORT_LINE_WORDS:
                continue
            seen.add(key)
            seen |= _edges(key, raw)
        counts.update(seen)
    needed = max(MIN_ARTICLES, MIN_SHARE * articles)
    return frozenset(key for key, n in counts.items() if n >= needed)


def is_learned(line: str, learned: frozenset[str]) -> bool:
    """Whether a short line is furniture by what was learned from its source."""
    if not learned:
        return False
    key = line_key(line)
    if not key or len(key.split()) > SHORT_LINE_WORDS:
        return False
    return key in learned or bool(_edges(key, line) & learned)
