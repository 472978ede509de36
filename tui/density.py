"""The density strip: events per year (per month when the view spans one year), with labels.

Two rows of bars scaled from zero, so an empty view draws nothing and a
lone year is not a wall of full blocks; a third row labels every bin that
has room and marks the selected event's bin with ▲. It is drawn from the
widget's current width on every render, so the marker and labels follow a
resize. Clicking a bar asks to jump to its year (or month).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

_LEVELS = " ▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Bin:
    """One column group: a year, or a month of the one year shown."""

    year: int
    month: int | None
    count: int

    @property
    def label(self) -> str:
        """``2021`` or ``2021-06``."""
        return str(self.year) if self.month is None else f"{self.year}-{self.month:02d}"


def bins_for(per_month: dict[tuple[int, int], int]) -> list[Bin]:
    """Bins for event counts per (year, month): every year of the span, or the months of a lone year."""
    if not per_month:
        return []
    years = sorted({year for year, _ in per_month})
    if len(years) == 1:
        year = years[0]
        return [Bin(year, month, per_month.get((year, month), 0)) for month in range(1, 13)]
    per_year: dict[int, int] = {}
    for (year, _), count in per_month.items():
        per_year[year] = per_year.get(year, 0) + count
    return [Bin(year, None, per_year.get(year, 0)) for year in range(years[0], years[-1] + 1)]


class DensityStrip(Widget):
    """Events per year (or month) as bars; clicking a bar asks to jump there."""

    DEFAULT_CSS = "DensityStrip { height: 3; }"

    @dataclass
    class YearClicked(Message):
        """The user clicked the bar of ``year`` (and ``month`` when the strip shows months)."""

        year: int
        month: int | None = None

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bins: list[Bin] = []
        self.selected: int | None = None

    @property
    def years(self) -> list[int]:
        """The years the strip spans."""
        return sorted({b.year for b in self.bins})

    def show(self, bins: list[Bin]) -> None:
        """Draw these bins (no layout pass: the height never changes)."""
        self.bins = bins
        self.selected = None
        self.refresh()

    def select(self, year: int | None, month: int | None = None) -> None:
        """Put the ▲ under the bin of ``year`` (and ``month``), or nowhere."""
        index = self._index_of(year, month) if year is not None else None
        if index != self.selected:
            self.selected = index
            self.refresh()

    def _index_of(self, year: int, month: int | None = None) -> int | None:
        for i, b in enumerate(self.bins):
            if b.year == year and (b.month is None or month is None or b.month == month):
                return i
        return None

    def _span(self, index: int, width: int) -> tuple[int, int]:
        """The columns [start, end) of bin ``index``."""
        n = len(self.bins)
        return index * width // n, (index + 1) * width // n

    def column_of_year(self, year: int, month: int | None = None) -> int:
        """The middle column of the bin showing ``year`` (or its month)."""
        index = self._index_of(year, month)
        if index is None:
            return 0
        start, end = self._span(index, max(1, self.size.width))
        return (start + max(start, end - 1)) // 2

    def marker_column(self) -> int | None:
        """The column of the ▲: the start of the selected bin, where the other labels start too."""
        if self.selected is None:
            return None
        width = max(1, self.size.width)
        label = "▲ " + self.bins[self.selected].label
        return max(0, min(self._span(self.selected, width)[0], width - len(label)))

    def bin_at(self, x: int) -> Bin | None:
        """The bin drawn at column ``x``."""
        if not self.bins:
            return None
        width = max(1, self.size.width)
        for i in range(len(self.bins)):
            if x < self._span(i, width)[1]:
                return self.bins[i]
        return self.bins[-1]

    def year_at(self, x: int) -> int | None:
        """The year shown at column ``x``."""
        found = self.bin_at(x)
        return found.year if found else None

    def render(self) -> Text:
        """Two rows of bars and the label row, at the current width."""
        width = max(1, self.size.width)
        if not self.bins:
            return Text(" " * width + "\n" + " " * width + "\nno events in this view")
        top, bottom = [" "] * width, [" "] * width
        highest = max(b.count for b in self.bins) or 1
        for i, b in enumerate(self.bins):
            # Sixteen steps over two rows; any event at all shows at least one step.
            steps = 0 if not b.count else max(1, round(16 * b.count / highest))
            start, end = self._span(i, width)
            for x in range(start, end):
                bottom[x] = _LEVELS[min(8, steps)]
                top[x] = _LEVELS[max(0, steps - 8)]
        text = Text("".join(top) + "\n" + "".join(bottom) + "\n", style=Style(color="cyan"))
        text.append_text(self._labels(width))
        return text

    def _labels(self, width: int) -> Text:
        """Each bin's label at the start of its bars where it fits; ``▲ label`` for the selected one."""
        cells = [" "] * width
        styles: list[Style | None] = [None] * width
        taken = [False] * width

        def place(at: int, label: str, style: Style | None = None, force: bool = False) -> None:
            at = max(0, min(at, width - len(label)))
            span = range(at, min(width, at + len(label) + 1))
            if not force and any(taken[x] for x in span):
                return
            for k, x in enumerate(range(at, min(width, at + len(label)))):
                cells[x], styles[x] = label[k], style
            for x in span:
                taken[x] = True

        if self.selected is not None:
            place(self.marker_column(), "▲ " + self.bins[self.selected].label, Style(bold=True), force=True)
        for i, b in enumerate(self.bins):
            if i != self.selected:
                place(self._span(i, width)[0], b.label if b.month is None or b.month == 1 else f"{b.month:02d}")
        out = Text()
        for ch, style in zip(cells, styles):
            out.append(ch, style or Style(dim=True))
        return out

    def on_click(self, event: events.Click) -> None:
        """Ask to jump to the year (or month) clicked."""
        found = self.bin_at(event.x)
        if found is not None:
            self.post_message(self.YearClicked(found.year, found.month))
