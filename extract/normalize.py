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
from dataclasses import dataclass

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

# Removed from the folded view: harakat, dagger alef, Quranic marks, tatweel,
# and invisible format characters (ZWNJ/ZWJ, marks, bidi controls).
# Character-class bodies shared with sanitizing and bidi rendering.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides, isolates
C0_C1_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # all but tab and newline

_DELETED = f"[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u061c{BIDI_CONTROLS}\ufeff]"
_DELETED_RE = re.compile(_DELETED)
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


def fold(text: str) -> str:
    """Return the folded form of ``text`` used for matching and search.

    Alef/hamza forms become ا, alef maqsura ي, ta marbuta ه; Arabic-Indic and
    Persian digits become ASCII; harakat, tatweel and format characters go;
    terminal controls become spaces.
    """
    return _DELETED_RE.sub("", blank_controls(text).translate(_FOLD_TABLE))


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A folded view of a text with the map back to original offsets."""

    original: str
    folded: str
    # offsets[i] is the original index of folded[i]; None when the map is 1:1.
    offsets: tuple[int, ...] | None

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
    translated = blank_controls(text).translate(_FOLD_TABLE)
    if not _DELETED_RE.search(translated):
        return FoldedText(text, translated, None)
    kept: list[int] = []
    previous = 0
    for deleted in _DELETED_RE.finditer(translated):
        kept.extend(range(previous, deleted.start()))
        previous = deleted.end()
    kept.extend(range(previous, len(translated)))
    folded = _DELETED_RE.sub("", translated)
    return FoldedText(text, folded, tuple(kept))
