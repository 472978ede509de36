"""The virtual timeline: one ScrollView line per row, rendered on demand (toolong's way).

No widget per event: ``render_line`` maps a screen line to a row of the
``TimelineModel``, fetches the events on screen in one query, and caches
rendered strips in an LRU cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from waqai.store.export import date_label

from .bidi import render_line
from .model import HEADER_YEAR, TimelineModel

_DATE_WIDTH = 18
_META_WIDTH = 10


class TimelineView(ScrollView, can_focus=True):
    """Events in date order under year and month headers; Enter opens sources."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
        Binding("right_square_bracket", "year(1)", "Next year"),
        Binding("left_square_bracket", "year(-1)", "Previous year"),
        Binding("enter", "open", "Sources"),
    ]
    DEFAULT_CSS = """
    TimelineView { height: 1fr; }
    """

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Opened(Message):
        """The user asked for the sources of an event."""

        event_id: int

    @dataclass
    class Moved(Message):
        """The cursor moved to another event row."""

        row: int

    def __init__(self, model: TimelineModel, bidi: str = "app", **kwargs) -> None:
        super().__init__(**kwargs)
        self.model = model
        self.bidi = bidi
        self._strips: LRUCache[tuple, Strip] = LRUCache(2000)

    def reload(self, model: TimelineModel) -> None:
        """Show another model (a new filter), keeping the cursor in range."""
        self.model = model
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(model))
        self.cursor = self._nearest_event(0, 1)
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def extend(self, model: TimelineModel) -> None:
        """Show a longer layout of the same filter whose rows start like the current ones."""
        self.model = model
        self.virtual_size = Size(self.size.width, len(model))
        self.refresh()

    def on_mount(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.model))
        self.cursor = self._nearest_event(0, 1)

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self.model))

    # -- navigation --------------------------------------------------------

    def _nearest_event(self, row: int, step: int) -> int:
        n = len(self.model)
        if n == 0:
            return 0
        row = max(0, min(n - 1, row))
        probe = row
        while 0 <= probe < n and not self.model.is_event(probe):
            probe += step
        if not 0 <= probe < n:
            probe = row
            while 0 <= probe < n and not self.model.is_event(probe):
                probe -= step
        return max(0, min(n - 1, probe))

    def go_to_row(self, row: int) -> None:
        """Put the cursor on the event at or after ``row`` and scroll it into view."""
        self.cursor = self._nearest_event(row, 1)

    def watch_cursor(self, old: int, new: int) -> None:
        height = max(1, self.size.height)
        if new < self.scroll_offset.y:
            self.scroll_to(y=max(0, new - 1 if new and not self.model.is_event(new - 1) else new), animate=False)
        elif new >= self.scroll_offset.y + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()
        self.post_message(self.Moved(new))

    def action_move(self, step: int) -> None:
        target = self.cursor + step
        while 0 <= target < len(self.model) and not self.model.is_event(target):
            target += step
        if 0 <= target < len(self.model):
            self.cursor = target

    def action_page(self, direction: int) -> None:
        self.cursor = self._nearest_event(self.cursor + direction * max(1, self.size.height - 1), direction)

    def action_edge(self, end: int) -> None:
        self.cursor = self._nearest_event(len(self.model) - 1, -1) if end else self._nearest_event(0, 1)

    def action_year(self, step: int) -> None:
        years = self.model.year_rows()
        if step > 0:
            later = [row for _, row in years if row > self.cursor]
            if later:
                self.cursor = self._nearest_event(later[0], 1)
        else:
            current = [row for _, row in years if row < self.cursor]
            if len(current) >= 2:
                self.cursor = self._nearest_event(current[-2], 1)
            elif current:
                self.cursor = self._nearest_event(current[0], 1)

    def action_open(self) -> None:
        event_id = self.selected_event_id
        if event_id is not None:
            self.post_message(self.Opened(event_id))

    @property
    def selected_event_id(self) -> int | None:
        """The id of the event under the cursor."""
        if not self.model.is_event(self.cursor):
            return None
        return self.model.row(self.cursor).kind

    # -- rendering ---------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if row >= len(self.model):
            return Strip.blank(width, self.rich_style)
        selected = row == self.cursor
        key = (row, width, selected, self.has_focus)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        first = self.scroll_offset.y
        visible = [self.model.row(i).kind for i in range(first, min(len(self.model), first + self.size.height)) if self.model.is_event(i)]
        events = self.model.events(visible)
        strip = self._render_row(row, width, selected, events)
        self._strips[key] = strip
        return strip

    def _render_row(self, row: int, width: int, selected: bool, events: dict[int, dict]) -> Strip:
        item = self.model.row(row)
        base = self.rich_style
        if item.kind < 0:
            style = base + Style(bold=True, reverse=item.kind == HEADER_YEAR)
            label = f" {item.label} " if item.kind == HEADER_YEAR else f"  {item.label}"
            return Strip([Segment(label, style)]).extend_cell_length(width, base if item.kind != HEADER_YEAR else base)
        event = events.get(item.kind) or self.model.events([item.kind]).get(item.kind)
        if event is None:
            return Strip.blank(width, base)
        row_style = base + Style(reverse=True) if selected and self.has_focus else base + Style(bold=True) if selected else base
        date_text = f"  {date_label(event)}"[:_DATE_WIDTH].ljust(_DATE_WIDTH)
        meta = []
        if event["corroboration"] > 1:
            meta.append(f"×{event['corroboration']}")
        if event.get("stance") == "denied":
            meta.append("نفي")
        if event.get("planned"):
            meta.append("◷")  # scheduled, not yet reported done
        meta_text = " ".join(meta)[:_META_WIDTH].ljust(_META_WIDTH)
        tags = " ".join(e["name_en"] for e in event["entities"][:3])
        tag_width = min(cell_len(tags), max(0, (width - _DATE_WIDTH - _META_WIDTH) // 3))
        tags = tags[:tag_width]
        title_width = max(1, width - _DATE_WIDTH - _META_WIDTH - tag_width - 2)
        title = render_line(event["title"], title_width, self.bidi)
        pad = " " * max(0, title_width - cell_len(title))
        segments = [
            Segment(date_text, row_style + Style(color="cyan" if not selected else None)),
            Segment(meta_text, row_style + Style(color="yellow" if not selected else None)),
            Segment(tags + " ", row_style + Style(color="green" if not selected else None, italic=True)),
            Segment(pad + title + " ", row_style),
        ]
        return Strip(segments).crop_extend(0, width, row_style)
