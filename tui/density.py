"""The density strip: events per year as a Sparkline that jumps to the year clicked."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Sparkline


class DensityStrip(Sparkline):
    """A Sparkline of events per year; clicking a column asks to jump to its year."""

    @dataclass
    class YearClicked(Message):
        """The user clicked the column of ``year``."""

        year: int

    def __init__(self, data=None, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.years: list[int] = []

    def column_of_year(self, year: int) -> int:
        """The strip column that shows ``year`` (Sparkline spreads years over the width)."""
        width = max(1, self.size.width)
        if not self.years:
            return 0
        index = min(max(year - self.years[0], 0), len(self.years) - 1)
        return min(width - 1, int((index + 0.5) * width / len(self.years)))

    def year_at(self, x: int) -> int | None:
        """The year shown at column ``x``."""
        if not self.years:
            return None
        width = max(1, self.size.width)
        index = min(len(self.years) - 1, max(0, x * len(self.years) // width))
        return self.years[index]

    def on_click(self, event: events.Click) -> None:
        year = self.year_at(event.x)
        if year is not None:
            self.post_message(self.YearClicked(year))
