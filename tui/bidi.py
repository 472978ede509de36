"""Rendering Arabic right-to-left in terminals that do no bidi of their own.

The recipe (ARCHITECTURE.md): sanitize; split paragraphs on newlines; find
each paragraph's base direction (its dominant strong script); reshape the
logical text (harakat removed, word ligatures such as الله off, lam-alef
kept); wrap by cell width on the reshaped *logical* text; reorder each
wrapped line with the paragraph's direction, mirroring brackets at every
right-to-left level (python-bidi ≥ 0.5 does not mirror); strip leftover
bidi controls; right-align RTL lines.

Logical text stays the only truth: copying, searching and exporting never
use what this module returns. This module imports no Textual, so the CLI
prints with it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bidi import get_base_level, get_display
from rich.cells import cell_len

from waqai.extract.normalize import BIDI_CONTROLS
from waqai.store.sanitize import sanitize

_BRACKETS = "()[]{}<>«»‹›"
_MIRROR = str.maketrans(_BRACKETS, ")(][}{><»«›‹")
_CONTROLS = re.compile(f"[\u200e\u200f\u061c{BIDI_CONTROLS}]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_STRONG = re.compile(r"[A-Za-z\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")
_LEVEL = re.compile(r"Level\(\s*(\d+),")


@dataclass(frozen=True, slots=True)
class Line:
    """One rendered line: display-ordered text and whether it reads right-to-left."""

    text: str
    rtl: bool

    def aligned(self, width: int) -> str:
        """The line padded to ``width`` cells, right-aligned when RTL."""
        pad = max(0, width - cell_len(self.text))
        return " " * pad + self.text if self.rtl else self.text + " " * pad


@lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper
    from arabic_reshaper.ligatures import LETTERS_LIGATURES, SENTENCES_LIGATURES, WORDS_LIGATURES

    config = {"delete_harakat": True, "support_ligatures": True}
    for name, _ in SENTENCES_LIGATURES + WORDS_LIGATURES + LETTERS_LIGATURES:
        # Keep only lam-alef: other ligature glyphs are missing from most terminal fonts.
        config[name] = name.startswith("ARABIC LIGATURE LAM WITH ALEF") and "MAKSURA" not in name
    return arabic_reshaper.ArabicReshaper(configuration=config)


def is_rtl(paragraph: str) -> bool:
    """Whether a paragraph's base direction is right-to-left.

    The dominant strong script decides, so a mostly-Arabic paragraph that
    opens with a Latin name (``CNN قالت …``) still reads right to left; on a
    tie, the first strong character decides (the UBA's rule P2).
    """
    if not paragraph.strip() or _STRONG.search(paragraph) is None:
        return False
    rtl = len(_RTL_LETTER.findall(paragraph))
    ltr = len(_LETTER.findall(paragraph)) - rtl
    if rtl != ltr:
        return rtl > ltr
    return get_base_level(paragraph) == 1


def _levels(text: str, rtl: bool) -> list[int] | None:
    """The resolved embedding level of each character (UBA with bracket pairs), or None.

    python-bidi's Rust core exposes its levels (one per UTF-8 byte) only in
    its debug output; None if that output is not in the expected shape.
    """
    info = get_display(text, base_dir="R" if rtl else "L", debug=True)
    start, end = info.find("levels: ["), info.find("paragraphs: [")
    if start < 0 or end < start:
        return None
    per_byte = [int(level) for level in _LEVEL.findall(info, start, end)]
    if len(per_byte) != len(text.encode("utf-8")):
        return None
    levels, offset = [], 0
    for ch in text:
        levels.append(per_byte[offset])
        offset += len(ch.encode("utf-8"))
    return levels


def _visual(text: str, levels: list[int]) -> str:
    """Reorder one line by its levels (UBA rule L2) and mirror brackets at odd levels (L4)."""
    chars = [ch.translate(_MIRROR) if level % 2 else ch for ch, level in zip(text, levels)]
    order = list(range(len(chars)))
    odd = [level for level in levels if level % 2]
    if odd:
        for level in range(max(levels), min(odd) - 1, -1):
            i = 0
            while i < len(order):
                if levels[order[i]] >= level:
                    j = i
                    while j < len(order) and levels[order[j]] >= level:
                        j += 1
                    order[i:j] = reversed(order[i:j])
                    i = j
                else:
                    i += 1
    return "".join(chars[i] for i in order)


def reorder(line: str, rtl: bool) -> str:
    """One wrapped line of logical text in display order, brackets mirrored in every RTL run."""
    if not line:
        return line
    if not any(ch in _BRACKETS for ch in line):
        return get_display(line, base_dir="R" if rtl else "L")  # nothing to mirror: the fast path
    levels = _levels(line, rtl)
    if levels is None:
        display = get_display(line, base_dir="R" if rtl else "L")
        return _mirror_rtl_brackets(display) if rtl else display
    return _visual(line, levels)


def _break_word(word: str, width: int) -> list[str]:
    pieces, current = [], ""
    for ch in word:
        if cell_len(ch) > width:
            ch = "…"  # a wide glyph cannot fit a narrower line
        if current and cell_len(current + ch) > width:
            pieces.append(current)
            current = ""
        current += ch
    return pieces + ([current] if current else [])


def wrap(text: str, width: int) -> list[str]:
    """Wrap logical text into lines of at most ``width`` cells, breaking long words."""
    width = max(1, width)
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if cell_len(word) > width:
            *full, current = _break_word(word, width)
            lines.extend(full)
        else:
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def _mirror_rtl_brackets(display: str) -> str:
    """Mirror brackets that sit in right-to-left runs of a display-ordered line."""
    if not any(ch in _BRACKETS for ch in display):
        return display
    out = []
    for i, ch in enumerate(display):
        if ch in _BRACKETS:
            left = _STRONG.findall(display[:i])
            right = _STRONG.findall(display[i + 1 :])
            ltr = bool(left and right and _LATIN_OR_DIGIT.match(left[-1]) and _LATIN_OR_DIGIT.match(right[0]))
            out.append(ch if ltr else ch.translate(_MIRROR))
        else:
            out.append(ch)
    return "".join(out)


def render(text: str, width: int, mode: str = "app", direction: str = "auto") -> list[Line]:
    """Render untrusted logical text into display lines of at most ``width`` cells.

    ``mode="app"`` reshapes and reorders; ``mode="terminal"`` leaves both to
    a terminal that does bidi itself and only sanitizes and wraps.
    ``direction`` is each paragraph's base direction: ``"auto"`` (its dominant
    strong script, see ``is_rtl``), or ``"ltr"``/``"rtl"`` for lines whose layout is
    fixed, such as an English label followed by an Arabic name.
    """
    lines: list[Line] = []
    for paragraph in sanitize(text).split("\n"):
        rtl = is_rtl(paragraph) if direction == "auto" else direction == "rtl"
        if mode != "app":
            lines.extend(Line(piece, rtl) for piece in wrap(paragraph, width))
            continue
        shaped = _reshaper().reshape(paragraph) if rtl or re.search(r"[\u0600-\u06ff]", paragraph) else paragraph
        for piece in wrap(shaped, width):
            lines.append(Line(_CONTROLS.sub("", reorder(piece, rtl)), rtl))
    return lines


def render_line(text: str, width: int, mode: str = "app", direction: str = "auto") -> str:
    """Render text onto a single line of at most ``width`` cells, cut with … when longer."""
    flat = " ".join(sanitize(text).split())
    if cell_len(flat) > width:
        flat = wrap(flat, max(1, width - 1))[0] + "…"
    return render(flat, width, mode, direction)[0].text


def ltr_label(fields: list[str], separator: str = " · ", mode: str = "app") -> str:
    """A left-to-right line of fields (labels, dates, Arabic names), each rendered on its own.

    Rendering each field in isolation (as Unicode isolates would) keeps an
    Arabic name from pulling the digits of the next field into its run.
    """
    return separator.join(render_line(field, 10_000, mode) for field in fields if field)


def label_lines(fields: list[str | tuple[str, str]], width: int, separator: str = " · ", mode: str = "app") -> list[str]:
    """Fields laid out left to right and wrapped between fields to ``width`` cells.

    A field is text, or a (label, value) pair whose English label stays in
    front of its value. A field too long for one line is wrapped on its own
    logical text, so an Arabic value's words read in order from line to line.
    """
    width = max(1, width)
    lines: list[str] = []
    current = ""
    for field in fields:
        label, value = field if isinstance(field, tuple) else ("", field)
        if not value:
            continue
        shown = label + render_line(value, 10_000, mode)
        joined = f"{current}{separator}{shown}" if current else shown
        if cell_len(joined) <= width:
            current = joined
            continue
        if current:
            lines.append(current)
        if cell_len(shown) <= width:
            current = shown
            continue
        pieces = [line.text for line in render(value, max(1, width - cell_len(label)), mode)]
        pieces[0] = label + pieces[0]
        lines.extend(pieces[:-1])
        current = pieces[-1]
    return lines + [current] if current or not lines else lines
