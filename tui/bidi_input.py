"""A one-line Input that shows Arabic shaped and right-to-left while the value stays logical."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import Input

from .bidi import is_rtl, render_line

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


class BidiInput(Input):
    """An Input whose Arabic text is displayed reshaped and reordered (``bidi="app"``).

    Editing, ``value`` and the messages stay in logical order. The cursor is
    drawn where the next typed letter appears: at the left end of a
    right-to-left line, at the right end of a left-to-right one. Text without
    Arabic, and ``bidi="terminal"``, render exactly as a plain Input.
    """

    def __init__(self, *args, bidi: str = "app", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bidi = bidi

    def render_line(self, y: int) -> Strip:
        """The input line: shaped right-to-left Arabic, or the plain Input's rendering."""
        if y != 0 or self.bidi != "app" or self.password or not _ARABIC.search(self.value):
            return super().render_line(y)
        width = self.scrollable_content_region.width
        shown = render_line(self.value, width - 1, self.bidi)
        rtl = is_rtl(self.value)
        cursor_style = self.get_component_rich_style("input--cursor")
        visible = self.has_focus and self._cursor_visible
        end_cell = [Segment(" ", cursor_style if visible and self.cursor_at_end else Style())]
        pad = [Segment(" " * max(0, width - 1 - cell_len(shown)))]
        text = self._text_segments(shown, rtl, cursor_style if visible and not self.cursor_at_end else None)
        segments = pad + end_cell + text if rtl else text + end_cell + pad
        return Strip(segments).crop_extend(0, width, None).apply_style(self.rich_style)

    def _text_segments(self, shown: str, rtl: bool, cursor_style: Style | None) -> list[Segment]:
        """The displayed text, with the cursor on the letter it stands before (logically).

        In a right-to-left line the letters before the cursor are the ones
        at the right, so the cursor sits just left of them (exact for
        Arabic-only text, close for mixed text).
        """
        if cursor_style is None:
            return [Segment(shown)]
        before = cell_len(render_line(self.value[: self.cursor_position], 10_000, self.bidi)) if self.cursor_position else 0
        at = len(shown) - before - 1 if rtl else before
        at = max(0, min(len(shown) - 1, at))
        return [Segment(shown[:at]), Segment(shown[at], cursor_style), Segment(shown[at + 1:])]
