"""Arabic normalization that keeps a way back to the original offsets.

Matching happens on a *folded* view of the text (one spelling per letter,
ASCII digits, no harakat or tatweel); spans are reported in the original
text. Most foldings replace one character by one character, so the folded
text usually has the same length as the original and offsets map 1:1; only
deletions (harakat, tatweel, invisible format characters) shift them, and
then an explicit offset table is built.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# One character in, one character out.
_FOLD_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian keheh
        "ة": "ه",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "٫": ".",
        "٬": ",",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    }
)

# The same mapping as pairs: str.translate looks every character up in a dict,
# which costs more than a fast scan per folded character on Arabic text.
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD_TABLE.items() if not 0x0660 <= k <= 0x0669 and not 0x06F0 <= k <= 0x06F9)
_OTHER_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _translate(text: str) -> str:
    """``text.translate(_FOLD_TABLE)``, faster: each pair is one C-level scan, and digits are rare."""
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    if _OTHER_DIGITS.search(text):
        text = text.translate(_FOLD_TABLE)
    return text


# Removed from the folded view: harakat, dagger alef, Quranic marks, tatweel,
# and invisible format characters (ZWNJ/ZWJ, marks, bidi controls).
# Character-class bodies shared with sanitizing and bidi rendering.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides, isolates
C0_C1_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # all but tab and newline

_DELETED = f"[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u061c{BIDI_CONTROLS}\ufeff]"
_DELETED_RE = re.compile(_DELETED)
_DELETED_RUN = re.compile(_DELETED + "+")
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")

# Terminal escape sequences that web text sometimes carries: CSI (ESC[2J and
# its 8-bit form), OSC/DCS/SOS/PM/APC up to their terminator (ESC]52;…BEL),
# and two-character escapes. Their payload is not article text.
CONTROL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
# C0 controls but tab and newline, DEL, and C1 controls.
CONTROL_CHARACTER = re.compile(f"[{C0_C1_CONTROLS}]")


def blank_controls(text: str) -> str:
    """Replace escape sequences and control characters by spaces, keeping every offset."""
    if not CONTROL_CHARACTER.search(text):
        return text
    text = CONTROL_SEQUENCE.sub(lambda m: " " * len(m.group()), text)
    return CONTROL_CHARACTER.sub(" ", text)


_REMEMBERED_LENGTH = 1_000  # characters: sentences and clauses, never a whole article (memory stays small)


def fold(text: str) -> str:
    """Return the folded form of ``text`` used for matching and search.

    Alef/hamza forms become ا, alef maqsura ي, ta marbuta ه; Arabic-Indic and
    Persian digits become ASCII; harakat, tatweel and format characters go;
    terminal controls become spaces.
    """
    return _fold_remembered(text) if len(text) <= _REMEMBERED_LENGTH else _fold(text)


def _fold(text: str) -> str:
    return _DELETED_RE.sub("", _translate(blank_controls(text)))


# The event helpers fold the same sentence and clause texts again and again (about
# seven calls in eight repeat a text already folded for the same article). Only short
# texts are kept: 4,096 whole articles of a large archive would be hundreds of MB a worker.
_fold_remembered = lru_cache(maxsize=4096)(_fold)


class OffsetMap(Sequence[int]):
    """The original index of each folded character, kept as the few places where deletions shift it.

    A table of one integer per character cost more to build than the rest of folding;
    ``offset_map[i]`` is looked up by bisection among the deletion runs instead.
    """

    __slots__ = ("_at", "_shift", "_length")

    def __init__(self, at: list[int], shift: list[int], length: int) -> None:
        self._at = at  # folded index of the first character after each run of deleted ones
        self._shift = shift  # characters deleted before that index, in total
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("folded index out of range")
        k = bisect_right(self._at, index)
        return index + self._shift[k - 1] if k else index

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and (self._at, self._shift, self._length) == (other._at, other._shift, other._length)

    def __repr__(self) -> str:
        return f"OffsetMap({self._at!r}, {self._shift!r}, {self._length})"


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A folded view of a text with the map back to original offsets."""

    original: str
    folded: str
    # offsets[i] is the original index of folded[i]; None when the map is 1:1.
    offsets: OffsetMap | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span ``[start, end)`` to the original text."""
        if self.offsets is None:
            return start, end
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        last = self.offsets[end - 1] + 1
        # Harakat after the last letter belong to the word (حالياً keeps its tanween).
        while last < len(self.original) and _MARKS.match(self.original[last]):
            last += 1
        return self.offsets[start], last


def fold_with_offsets(text: str) -> FoldedText:
    """Fold ``text`` and keep the offset map needed to report original spans."""
    translated = _translate(blank_controls(text))
    if not _DELETED_RE.search(translated):
        return FoldedText(text, translated, None)
    at: list[int] = []
    shift: list[int] = []
    deleted = 0
    for run in _DELETED_RUN.finditer(translated):
        at.append(run.start() - deleted)
        deleted += run.end() - run.start()
        shift.append(deleted)
    folded = _DELETED_RE.sub("", translated)
    return FoldedText(text, folded, OffsetMap(at, shift, len(folded)))
