"""Running a family's regular expression only near its trigger words, with the same matches.

A family's pattern opens with look-behinds, so the regex engine tries it at every character of
a sentence. Every match of a family holds one of its trigger tokens (``patterns._trigger_index``),
and the engine, started at one position, reads at most a bounded number of white-space separated
chunks (``reach``, computed from the pattern itself). So the matches ``finditer`` would find in a
sentence are found by searching only the chunks around each trigger (``find_matches``), in a
window cut short on the right where that cannot change what the engine sees.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

_UNBOUNDED = 10**6
_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
_CATEGORY_REGEX = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}


def _in_class(items, char: str) -> bool:
    """Whether a parsed character class (``IN``) matches ``char``."""
    negate = False
    hit = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            hit = hit or chr(av) == char
        elif op is _c.RANGE:
            hit = hit or av[0] <= ord(char) <= av[1]
        elif op is _c.CATEGORY:
            regex = _CATEGORY_REGEX.get(av)
            hit = hit or (regex is None or re.match(regex, char) is not None)  # unknown: assume it matches
        else:
            hit = True  # anything else: assume it matches
    return hit != negate


def _single(op, av) -> tuple[bool, bool] | None:
    """For a one-character item: (can match white space, can match anything else); None otherwise."""
    if op is _c.LITERAL:
        return chr(av).isspace(), not chr(av).isspace()
    if op in (_c.NOT_LITERAL, _c.ANY):
        return True, True
    if op is _c.IN:
        space = any(_in_class(av, s) for s in _SPACES)
        # Only white space: a negated class of \S (and more), or a plain class of white-space literals.
        negated = any(o is _c.NEGATE for o, _ in av)
        if negated:
            other = not any(o is _c.CATEGORY and a is _c.CATEGORY_NOT_SPACE for o, a in av)
        else:
            other = not all((o is _c.LITERAL and chr(a).isspace()) or (o is _c.CATEGORY and a is _c.CATEGORY_SPACE)
                            for o, a in av)
        return space, other
    return None


def _crossings(items) -> int:
    """Most runs of white space the engine can step into while matching ``items`` (looking ahead too)."""
    total = 0
    for op, av in items:
        single = _single(op, av)
        if single is not None:
            total += 1 if single[0] else 0
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            low, high, sub = av
            inner = list(sub)
            one = _single(*inner[0]) if len(inner) == 1 else None
            if one is not None and not one[1]:
                total += 1 if one[0] else 0  # a run of white space: one run however long
            else:
                count = _crossings(inner)
                if count:
                    total += _UNBOUNDED if high is _c.MAXREPEAT or high >= _UNBOUNDED else count * high
        elif op is _c.SUBPATTERN:
            total += _crossings(av[-1])
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            total += _crossings(av)
        elif op is _c.BRANCH:
            total += max(_crossings(alternative) for alternative in av[1])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = av
            if direction > 0:  # a look-ahead reads on; a look-behind reads what lies before the start
                total += _crossings(sub)
        elif op is _c.AT:
            pass
        elif op is _c.GROUPREF_EXISTS:
            _, yes, no = av
            total += max(_crossings(yes), _crossings(no) if no is not None else 0)
        else:  # a back-reference or anything unknown: no bound
            return _UNBOUNDED
        if total >= _UNBOUNDED:
            return _UNBOUNDED
    return total


def _reads_digits(items) -> bool:
    for op, av in items:
        if op is _c.LITERAL:
            if chr(av).isdigit():
                return True
        elif op in (_c.NOT_LITERAL, _c.ANY):
            return True
        elif op is _c.IN:
            if any(_in_class(av, d) for d in "0123456789"):
                return True
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            if _reads_digits(av[2]):
                return True
        elif op is _c.SUBPATTERN:
            if _reads_digits(av[-1]):
                return True
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            if _reads_digits(av):
                return True
        elif op is _c.BRANCH:
            if any(_reads_digits(a) for a in av[1]):
                return True
        elif op is _c.ASSERT:
            if av[0] > 0 and _reads_digits(av[1]):
                return True
        elif op is _c.GROUPREF_EXISTS:
            if _reads_digits(av[1]) or (av[2] is not None and _reads_digits(av[2])):
                return True
        elif op not in (_c.AT, _c.ASSERT_NOT):
            return True  # unknown: assume so
    return False


def reads_digits(pattern: re.Pattern[str]) -> bool:
    """Whether a match (or what it looks ahead at) may hold a digit; look-behinds and negative look-aheads aside."""
    try:
        return _reads_digits(_parse.parse(pattern.pattern, pattern.flags))
    except Exception:
        return True


@lru_cache(maxsize=None)
def reach(pattern: re.Pattern[str]) -> int | None:
    """How many white-space separated chunks the engine may read from one start position, or None.

    An upper bound, counted on the parsed pattern: each element that can match white space may
    step into the next chunk; look-aheads count, look-behinds read only what lies before the
    start. One chunk more covers the character the engine peeks at past an element. None when
    the pattern has no bound (an unbounded repetition of something that can cross white space).
    """
    try:
        count = _crossings(_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unexpected parse tree: no windows for this pattern
        return None
    return None if count >= _UNBOUNDED else count + 2


def _has_references(items) -> bool:
    for op, av in items:
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            return True
        if op is _c.SUBPATTERN and _has_references(av[-1]):
            return True
        if op is _c.BRANCH and any(_has_references(a) for a in av[1]):
            return True
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and _has_references(av[2]):
            return True
        if op in (_c.ASSERT, _c.ASSERT_NOT) and _has_references(av[1]):
            return True
    return False


_MAX_CORES = 12


def _strip(items, depth: int = 0) -> list | None:
    """Sequences, each opening on a character or a list of words, one of which matches inside any match of ``items``.

    Leading assertions and optional parts are dropped (a match still holds what follows
    them), groups are opened, a repetition gives its first round, and an alternation is
    split into its branches. None when that gives nothing usable.
    """
    if not items or depth > 60:
        return None
    op, av = items[0]
    rest = items[1:]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _strip(rest, depth + 1)
    if op is _c.SUBPATTERN:
        return _strip(list(av[-1]) + rest, depth + 1)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, sub = av
        if low == 0:
            return _strip(rest, depth + 1)
        more = [] if high == 1 else [(op, (low - 1, high if high is _c.MAXREPEAT else high - 1, sub))]
        return _strip(list(sub) + more + rest, depth + 1)
    if op in (_c.LITERAL, _c.IN):
        return [items]
    if op is _c.BRANCH:
        if all(all(o in (_c.AT, _c.ASSERT, _c.ASSERT_NOT) for o, _ in a) for a in av[1]):
            return _strip(rest, depth + 1)  # a choice of assertions (the start of a word)
        if all(a and a[0][0] is _c.LITERAL for a in av[1]):
            return [items]  # a list of words: the engine skips to their first letters by itself
        found: list = []
        for alternative in av[1]:
            sequences = _strip(list(alternative) + rest, depth + 1)
            if sequences is None:
                return None
            for sequence in sequences:
                if all(str(sequence) != str(other) for other in found):
                    found.append(sequence)
            if len(found) > _MAX_CORES:
                return None
        return found
    return None


@lru_cache(maxsize=None)
def cores(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...] | None:
    """Patterns one of which finds something in any text where ``pattern`` does, but fast.

    Each opens on a literal, a character class or a list of words, so the regex engine
    skips ahead to where it can start instead of trying every position as it must for a
    pattern that opens on look-behinds. A sentence where none matches has no match of
    ``pattern``. None when the pattern does not lend itself to this.
    """
    try:
        from re import _compiler as compiler
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as compiler  # type: ignore[no-redef]
    try:
        parsed = _parse.parse(pattern.pattern, pattern.flags)
        if _has_references(parsed.data):
            return None
        sequences = _strip(list(parsed.data))
        if sequences is None:
            return None
        return tuple(compiler.compile(_parse.SubPattern(parsed.state, sequence), pattern.flags) for sequence in sequences)
    except Exception:  # an unexpected parse tree: no shortcut for this pattern
        return None


_CATEGORY_CLASS = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}


class _NoFirst(Exception):
    """The first character of a match cannot be told (a negated class, ``.``, a back-reference)."""


def _class_item(op, av) -> str:
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is _c.CATEGORY and av in _CATEGORY_CLASS:
        return _CATEGORY_CLASS[av]
    raise _NoFirst


# A negated class that excludes every non-space (``[^\S\n]``), non-word (``[^\W\d_]``) or non-digit
# character matches only within the class named here.
_NEGATED_WITHIN = {_c.CATEGORY_NOT_SPACE: r"\s", _c.CATEGORY_NOT_WORD: r"\w", _c.CATEGORY_NOT_DIGIT: r"\d"}


def _negated(items) -> str:
    """A positive class item that holds every character the negated class ``items`` matches."""
    for op, av in items:
        if op is _c.CATEGORY and av in _NEGATED_WITHIN:
            return _NEGATED_WITHIN[av]
    raise _NoFirst


def _firsts(items, found: list[str]) -> bool:
    """Add to ``found`` the class items one of which the first character a match of ``items`` consumes matches.

    Returns whether ``items`` can match without consuming anything (then what follows counts too).
    Assertions consume nothing and only narrow a match, so they are passed over.
    """
    for op, av in items:
        if op is _c.LITERAL:
            found.append(_class_item(op, av))
            return False
        if op is _c.IN:
            if any(o is _c.NEGATE for o, _ in av):
                found.append(_negated(av))
            else:
                found.extend(_class_item(o, a) for o, a in av)
            return False
        if op is _c.SUBPATTERN:
            if not _firsts(av[-1], found):
                return False
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            if not _firsts(av, found):
                return False
        elif op is _c.BRANCH:
            empty = False
            for alternative in av[1]:
                empty = _firsts(alternative, found) or empty
            if not empty:
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
            low, _, sub = av
            if not _firsts(sub, found) and low > 0:
                return False
        elif op is _c.GROUPREF_EXISTS:
            _, yes, no = av
            empty = _firsts(yes, found)
            empty = (_firsts(no, found) if no is not None else True) or empty
            if not empty:
                return False
        elif op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            raise _NoFirst
    return True


@lru_cache(maxsize=None)
def opening(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters its matches can start with: the same matches, found faster.

    A family's pattern opens with look-behinds (the start of a word), which the regex engine
    checks at every character; one character class fails sooner where no match can start
    (spaces, punctuation, the letters no word of the family begins with). A pattern that can
    match the empty string, or whose first character cannot be told, is returned as it is.
    """
    try:
        found: list[str] = []
        if _firsts(_parse.parse(pattern.pattern, pattern.flags).data, found) or not found:
            return pattern
    except _NoFirst:
        return pattern
    except Exception:  # an unexpected parse tree: no shortcut
        return pattern
    return re.compile(f"(?=[{''.join(dict.fromkeys(found))}])" + pattern.pattern, pattern.flags)


class Chunks:
    """The white-space separated chunks of one sentence: their texts and where each ends in the text."""

    __slots__ = ("texts", "ends", "_families")

    def __init__(self, text: str, start: int, end: int, texts: list[str] | None = None) -> None:
        self.texts = text[start:end].split() if texts is None else texts
        ends = []
        position = start
        find = text.find
        for chunk in self.texts:
            # Only white space lies between two chunks, so a chunk's first occurrence after the
            # previous one is the chunk itself.
            position = find(chunk, position) + len(chunk)
            ends.append(position)
        self.ends = ends
        self._families: list[frozenset[str]] | None = None

    def triggers(self, family: str, families_of) -> list[int]:
        """The indexes of the chunks that hold one of ``family``'s trigger tokens (``families_of(chunk)``)."""
        if self._families is None:
            self._families = list(map(families_of, self.texts))
        return [i for i, families in enumerate(self._families) if family in families]


def find_matches(pattern: re.Pattern[str], text: str, start: int, end: int, chunks: Chunks,
                 triggers: list[int], width: int) -> list[re.Match[str]]:
    """The matches of ``pattern.finditer(text, start, end)``, found by searching only near triggers.

    ``triggers`` are the indexes (in order) of the chunks holding one of the family's trigger
    tokens: every match holds one, within ``width`` (``reach``) chunks of its start. Each
    trigger chunk ``i`` is searched from the end of chunk ``i - width`` (a match holding it
    cannot start earlier) to the end of chunk ``i + width + 1`` (from a start no later than chunk
    ``i`` the engine reads nothing beyond); a match found there that starts in chunk ``i`` or
    before is the one ``finditer`` finds, and with none the next trigger is tried. The positions
    before a window are covered by the windows of earlier triggers, so nothing is skipped.
    """
    ends = chunks.ends
    last = len(ends) - 1
    found: list[re.Match[str]] = []
    cursor = start  # finditer's position: no match starts in [start, cursor) but those found
    k = 0
    while k < len(triggers):
        i = triggers[k]
        if ends[i] <= cursor:
            k += 1
            continue
        left = i - width
        pos = max(cursor, ends[left] if left >= 0 else start)
        right = i + width + 1
        stop = ends[right] if right <= last else end
        m = pattern.search(text, pos, stop)
        if m is not None and m.start() == m.end():
            # An empty match changes how finditer steps on: let it finish the sentence.
            found.extend(x for x in pattern.finditer(text, m.start(), end))
            return found
        if m is not None and (m.start() < ends[i] or stop == end):
            found.append(m)
            cursor = m.end()
            continue  # the same trigger chunk may hold another match after this one
        if stop == end:
            return found  # searched to the sentence's end: nothing more
        cursor = ends[i]  # no match starts before the end of this chunk
        k += 1
    return found


def search_tail(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern anchored at the end (``…$``), tried only on the last chunks.

    A match must read on to the end of ``text``, and from one start the engine reads at most
    ``reach`` chunks: no match can start before the last ``reach`` of them.
    """
    width = reach(pattern)
    if width is None:
        return pattern.search(text)
    pieces = text.rsplit(None, width)
    return pattern.search(text, len(pieces[0]) if len(pieces) > width else 0)


__all__ = ["Chunks", "cores", "find_matches", "opening", "reach", "reads_digits", "search_tail"]
