"""Page furniture, paragraphs, sentences and the title of an article.

Works on the folded text (see ``normalize``) so that lexicon entries match
any spelling, and reports every span in the original text as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .clauses import refine_sentences
from .happening import event_words, starts_with_verb
from .lexicon import load_json, squash
from .normalize import FoldedText, fold, fold_with_offsets

ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3]")
_PUNCT = re.compile(r"[^\w\s]+")
# A sentence ends at . ! ? ؟ ؛ (one or more, but not "..") followed by optional
# closing quotes/brackets and white space. " .الذي" (no space after) does not
# end a sentence: it is a common typo inside one; ".وكان" (a full stop glued
# to the و that opens the next sentence) does.
_SENTENCE_END = re.compile(r"(?<!\.)(?:[.!?؟؛]+|\.\.\.)(?<!\.\.)(?<![^.]\.\.)[\"”’»)\]]*(?=\s|$|(?<=[^\W\d_]\.)و[^\W\d_]{2})")
_STOP_MARK = re.compile(r"[.!?؟؛]")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[^\W\d_]|[A-Z][a-z]?|د|م|ص|ج|أ|ش)\.$")
# At least five runs of \w+ (more than four words), found without listing them all.
_FIVE_WORDS = re.compile(r"\w+(?:\W+\w+){4}")
_BULLET_ONLY = re.compile(r"^[\-–—•*·]+$")
_HEADLINE_WORDS = 15
_DATELINE = re.compile(r"^\S+\s?[-–]\s?\S+$|^\S*وكالات$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of real content, with spans in the original and folded text."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    folded_start: int
    folded_end: int


@dataclass(frozen=True, slots=True)
class Layout:
    """An article cut into content sentences, with its title and furniture count."""

    folded: FoldedText
    title: str | None
    sentences: tuple[Sentence, ...]
    furniture_lines: int


@dataclass(frozen=True)
class _Furniture:
    lines: frozenset[str]
    contains: tuple[str, ...]
    after: frozenset[str]
    # ``contains`` as one search and ``after`` as a tuple for str.startswith: one C call per line each.
    contains_re: re.Pattern[str] = re.compile("(?!)")
    after_prefixes: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _furniture() -> _Furniture:
    data = load_json("lexicon/boilerplate.json")

    def key(s: str) -> str:
        return squash(_PUNCT.sub(" ", fold(s))).lower()

    contains = tuple(key(s) for s in data["contains"])
    after = frozenset(key(s) for s in data["after_markers"])
    return _Furniture(
        lines=frozenset(key(s) for s in data["lines"]),
        contains=contains,
        after=after,
        contains_re=re.compile("|".join(map(re.escape, contains)) if contains else "(?!)"),
        after_prefixes=tuple(after),
    )


def _line_key(line: str) -> str:
    return squash(_PUNCT.sub(" ", line)).lower()


@lru_cache(maxsize=64)
def _source_key(source: str) -> str:
    return _line_key(fold(source))


def _opens_with_marker(key: str, markers: frozenset[str]) -> bool:
    """Whether a line is an end-of-article marker, or opens with one glued to the list it heads.

    Flattened pages run the heading into its first item (``مقالات أخرى للكاتبفي العيد …``).
    """
    return key in markers or key.startswith(tuple(markers))


def is_furniture(folded_line: str, previous: str = "", source: str | None = None) -> bool:
    """Whether a (folded, stripped) line is page furniture rather than article text.

    By lexicon (``data/lexicon/boilerplate.json``) and by shape: lines with no
    Arabic letters and at most four words (``fbpx``, ``Political Keys``, ``-``),
    one- or two-word labels and breadcrumbs, datelines (``دبي-الشرقوكالات``),
    the line naming the source, and the headline after a bullet in a list of
    related links.
    """
    furniture = _furniture()
    key = _line_key(folded_line)
    if not key:
        return True
    if key in furniture.lines or key.startswith(furniture.after_prefixes):
        return True  # _opens_with_marker(key, furniture.after)
    if furniture.contains_re.search(key):
        return True  # a phrase of furniture.contains in the line
    words = key.split()
    if not ARABIC_LETTER.search(folded_line) and len(words) <= 4:
        return True
    if len(words) <= 2 and not re.search(r"[.!?؟:]$", folded_line.strip()) and not re.search(r"\d", key):
        return True
    if len(words) <= 3 and _DATELINE.match(folded_line.strip()):
        return True
    if source and key == _source_key(source):
        return True
    # A related headline after a bullet is short; a paragraph after a section break (***) is text.
    return bool(_BULLET_ONLY.match(previous.strip())) and len(words) <= _HEADLINE_WORDS


def _abbreviation_before(line: str, begin: int, dot: int) -> bool:
    """Whether the word ending at ``line[dot]`` (a full stop) is an abbreviation such as ``د.``.

    Only the last four characters can match, so only they are searched:
    rescanning from the sentence start made ``"أ. " * 20000`` quadratic.
    A window cut short of ``begin`` gets a sentinel so that ``^`` still
    means the sentence start and nothing else.
    """
    start = max(begin, dot - 3)
    window = line[start : dot + 1]
    return bool(_ABBREVIATION.search(window if start == begin else "#" + window))


def _sentence_ends(line: str):
    """``_SENTENCE_END.finditer(line)``, tried only where a stop mark stands.

    Every match starts on a stop mark; the pattern opens with a look-behind,
    which keeps the regex engine from skipping ahead to one by itself.
    """
    position = 0
    while True:
        mark = _STOP_MARK.search(line, position)
        if mark is None:
            return
        m = _SENTENCE_END.match(line, mark.start())
        if m is None:
            position = mark.start() + 1
            continue
        yield m
        position = m.end()


def _split_sentences(line: str, offset: int) -> list[tuple[int, int]]:
    """Split one folded line into sentence spans (folded offsets)."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _sentence_ends(line):
        if m.group().startswith(".") and _abbreviation_before(line, begin, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, len(line)))
    # A short trailing fragment ("31 مايو 2019 - AFP" after a caption) belongs
    # to the sentence before it.
    while len(spans) > 1 and not _FIVE_WORDS.search(line, spans[-1][0], spans[-1][1]):
        last = spans.pop()
        spans[-1] = (spans[-1][0], last[1])
    result = []
    for s, e in spans:
        piece = line[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - trail > s + lead:
            result.append((offset + s + lead, offset + e - trail))
    return result


_TERMINAL = re.compile(r"[.!?؟:؛…]+[\"”’»)\]]*$")
_WRAPPED_MIN_WORDS = 10


def _wrapped(line: str, following: str) -> bool:
    """Whether ``following`` (folded, stripped) continues a sentence that a line break cut in ``line``.

    Some pages break lines inside sentences (``… في مسجد قوات الطوارئ الخاصة`` /
    ``بالمنطقة أمس، وذلك بعد …``). A long line with no full stop, followed by a
    line that opens on no verb, conjunction, particle, filler or digit, is one
    sentence with it; short lines (headlines) and lines ending on a credit or a
    figure (captions, tables) stay apart.
    """
    if len(line.split()) < _WRAPPED_MIN_WORDS or _TERMINAL.search(line):
        return False
    if not ARABIC_LETTER.search(line.split()[-1]):
        return False  # a caption's credit (31 مايو 2019 - AFP) or a figure ends its line
    first = following.split()[0]
    if not re.match(r"[^\W\d_]", first):
        return False
    return not (first[0] in "وف" or first in _continuation_stops() or starts_with_verb(following)
                or event_words().fillers.match(following))


@lru_cache(maxsize=1)
def _continuation_stops() -> frozenset[str]:
    data = load_json("lexicon/events.json")
    return frozenset(fold(w) for w in data["title_particles"] + data["adjunct_openers"] + data["contrast_openers"])


def segment(text: str, source: str | None = None) -> Layout:
    """Cut an article into its title and content sentences, skipping furniture."""
    folded = fold_with_offsets(text)
    ftext = folded.folded
    furniture = _furniture()
    sentences: list[Sentence] = []
    skipped = 0
    paragraph = -1
    previous = ""
    position = 0
    ended = False
    pending: list[int] = []  # folded [start, end) of the paragraph being read, its lines joined

    def flush() -> None:
        nonlocal paragraph
        if not pending:
            return
        paragraph += 1
        begin, finish = pending
        for fs, fe in refine_sentences(ftext, _split_sentences(ftext[begin:finish], begin)):
            start, end = folded.original_span(fs, fe)
            sentences.append(Sentence(len(sentences), paragraph, start, end, text[start:end], fs, fe))
        pending.clear()

    for raw_line in ftext.split("\n"):
        line_start = position
        position += len(raw_line) + 1
        stripped = raw_line.strip()
        if not stripped:
            flush()
            continue
        if ended or is_furniture(stripped, previous, source):
            flush()
            skipped += 1
            ended = ended or _opens_with_marker(_line_key(stripped), furniture.after)
            previous = stripped
            continue
        # The headline (first paragraph) never takes the line after it.
        if pending and paragraph >= 0 and _wrapped(previous, stripped):
            pending[1] = line_start + len(raw_line)
        else:
            flush()
            pending[:] = [line_start, line_start + len(raw_line)]
        previous = stripped
    flush()
    # The title is the first real line.
    title = squash(" ".join(s.text for s in sentences if s.paragraph == 0)) or None
    return Layout(folded, title, tuple(sentences), skipped)
