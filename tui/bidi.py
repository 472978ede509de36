"""Rendering Arabic right-to-left in terminals that do no bidi of their own.

The recipe (ARCHITECTURE.md): sanitize; split paragraphs on newlines; find
each paragraph's base direction; reshape the logical text (harakat removed,
word ligatures such as الله off, lam-alef kept); wrap by cell width on the
reshaped *logical* text; reorder each wrapped line with the paragraph's
direction; mirror brackets (python-bidi ≥ 0.5 does not); strip leftover
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

_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_CONTROLS = re.compile(f"[\u200e\u200f\u061c{BIDI_CONTROLS}]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_STRONG = re.compile(r"[A-Za-z\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


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
    """Whether a paragraph's base direction is right-to-left (first strong character)."""
    return bool(paragraph.strip()) and _STRONG.search(paragraph) is not None and get_base_level(paragraph) == 1


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
    if not any(ch in "()[]{}<>«»" for ch in display):
        return display
    out = []
    for i, ch in enumerate(display):
        if ch in "()[]{}<>«»":
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
    ``direction`` is each paragraph's base direction: ``"auto"`` (its first
    strong character), or ``"ltr"``/``"rtl"`` for lines whose layout is
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
            display = get_display(piece, base_dir="R" if rtl else "L") if piece else piece
            if rtl:
                display = _mirror_rtl_brackets(display)
            lines.append(Line(_CONTROLS.sub("", display), rtl))
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
