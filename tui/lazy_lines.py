"""Display lines of a very long text, rendered only when a row is asked for.

``bidi.render`` reshapes a whole paragraph before wrapping it; for a 1 MB
sentence that is seconds of work for each width the layout tries, although
a screen shows thirty rows. ``LazyLines`` wraps the *logical* text (cheap)
and reshapes and reorders a row when it is first shown. Reshaping never
widens text (a lam-alef pair becomes one cell), so a wrapped logical row
still fits; rows can end a few cells earlier than ``bidi.render`` would
break them, which is why short texts keep using ``bidi.render``.
"""

from __future__ import annotations

from collections.abc import Sequence

from waqai.store.sanitize import sanitize

from .bidi import Line, is_rtl, render, wrap

LAZY_FROM = 20_000  # characters; below this, rendering everything at once takes milliseconds


class LazyLines(Sequence):
    """The display lines of ``text`` at ``width``, each rendered on first access."""

    def __init__(self, text: str, width: int, mode: str = "app") -> None:
        self.width, self.mode = max(1, width), mode
        self._rows: list[tuple[str, bool]] = []
        for paragraph in sanitize(text).split("\n"):
            rtl = is_rtl(paragraph)
            self._rows.extend((piece, rtl) for piece in wrap(paragraph, self.width))
        self._done: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if index not in self._done:
            piece, rtl = self._rows[index]
            shown = render(piece, self.width, self.mode, "rtl" if rtl else "ltr") if piece else [Line("", rtl)]
            self._done[index] = shown[0] if shown else Line("", rtl)
        return self._done[index]


def display_lines(text: str, width: int, mode: str = "app") -> Sequence[Line]:
    """``bidi.render`` for ordinary texts; ``LazyLines`` for very long ones."""
    if len(text) < LAZY_FROM:
        return render(text, width, mode)
    return LazyLines(text, width, mode)
