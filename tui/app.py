"""The waqai explorer: a density strip, the virtual timeline, filters, drill-down."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from waqai.store.export import to_markdown
from waqai.store.queries import EventFilter, QueryError, contract_event, date_filter, fts_query, list_events

from . import analyst
from .bidi import ltr_label
from .density import DensityStrip
from .model import TimelineModel
from .picker import TypeAheadPicker
from .screens import HelpScreen, Prompt, SourcesScreen
from .timeline import TimelineView

# Switch VTE/mintty to explicit bidi mode (we reorder ourselves) and back.
BIDI_EXPLICIT_ON = "\x1b[8l"
BIDI_EXPLICIT_OFF = "\x1b[8h"


# Events read before the first paint; the rest load in the background.
FIRST_SCREEN = 300


class WaqaiApp(analyst.AnalystActions, App):
    """Browse a chronology: keyboard first, bidi-correct, rows fetched on demand."""

    TITLE = "waqai — وقائع"
    CSS_PATH = "waqai.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("f", "pick_entity", "Actor/place"),
        Binding("t", "jump", "Jump to date"),
        Binding("e", "export", "Export"),
        Binding("escape", "clear_filters", "Clear filters", show=False),
        *analyst.BINDINGS,
    ]

    def __init__(self, db, bidi: str = "app", export_dir: Path | None = None) -> None:
        super().__init__()
        self.db = db
        self.bidi = bidi
        self.export_dir = export_dir or Path.cwd()
        self.filter = EventFilter()
        self.filter_labels: dict[str, str] = {}
        self.model = TimelineModel(db)

    def compose(self) -> ComposeResult:
        yield Static("", id="status", classes="bar")
        yield DensityStrip([], id="density")
        yield Static("", id="years")
        yield TimelineView(self.model, bidi=self.bidi, id="timeline")
        yield Input(placeholder="search sentences (Arabic spellings folded)…", id="search")
        yield Footer()

    def on_mount(self) -> None:
        if self.bidi == "app" and self._driver is not None:
            self._driver.write(BIDI_EXPLICIT_ON)
        self.query_one("#search", Input).display = False
        self.reload()
        self.query_one(TimelineView).focus()

    def on_unmount(self) -> None:
        if self.bidi == "app" and self._driver is not None:
            self._driver.write(BIDI_EXPLICIT_OFF)

    # -- loading -----------------------------------------------------------

    def reload(self) -> None:
        """Rebuild the timeline for the current filter: a first screenful, then the rest."""
        self.load_model(self.filter, FIRST_SCREEN)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_model(self, flt: EventFilter, limit: int | None = None) -> TimelineModel:
        model = TimelineModel(self.db, flt)
        model.load(limit)
        return model

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        if event.state == WorkerState.SUCCESS:
            model, timeline = event.worker.result, self.query_one(TimelineView)
            same_start = model.ids[: len(self.model.ids)] == self.model.ids
            if len(self.model.ids) and model.filter == self.model.filter and same_start:
                timeline.extend(model)  # the full layout after the first screenful: nothing moves
            else:
                timeline.reload(model)
            self.model = model
            self.restore_cursor()  # after an edit that moved or hid an event
            if model.complete:
                self._update_strip()
            else:
                self.load_model(model.filter)
            self._update_status()
        elif event.state == WorkerState.ERROR:
            self.notify(f"Could not load events: {event.worker.error}", severity="error", markup=False)

    def _update_strip(self) -> None:
        years = sorted(self.model.per_year)
        spark = self.query_one("#density", DensityStrip)
        if not years:
            spark.years, spark.data = [], [0]
            self.query_one("#years", Static).update("")
            return
        span = list(range(years[0], years[-1] + 1))
        spark.years = span
        spark.data = [self.model.per_year.get(y, 0) for y in span]
        self._update_year_marker()

    def _update_year_marker(self, row: int | None = None) -> None:
        """Under the strip: a ▲ at the selected event's year, and the span's first and last year."""
        spark = self.query_one("#density", DensityStrip)
        timeline = self.query_one(TimelineView)
        if not spark.years:
            return
        year = self.model.year_of_row(timeline.cursor if row is None else row)
        width = max(1, spark.size.width or 1)
        label = f"{spark.years[0]} … {spark.years[-1]} · events per year (click to jump)"
        text = " " * width
        marker = spark.column_of_year(year) if year is not None else None
        if marker is not None:
            label += f" · ▲ {year}"
            text = text[:marker] + "▲" + text[marker + 1:]
        # The labels go left of the marker, or right of it, wherever they do not cover it.
        if marker is None or marker > len(label) + 2:
            text = label + text[len(label):]
        elif width - marker > len(label) + 3:
            text = text[:marker + 3] + label + text[marker + 3 + len(label):]
        self.query_one("#years", Static).update(Text(text[:width]), layout=False)

    @on(DensityStrip.YearClicked)
    def _year_clicked(self, message: "DensityStrip.YearClicked") -> None:
        row = self.model.row_of_year(message.year)
        if row is not None:
            self.query_one(TimelineView).go_to_row(row)

    def _update_status(self, row: int | None = None) -> None:
        timeline = self.query_one(TimelineView)
        event_id = timeline.selected_event_id
        position = ""
        if event_id is not None:
            index = self.model.rows[timeline.cursor]  # an event row holds its index into ids
            total = f"{self.model.event_count:,}" + ("" if self.model.complete else "+ (loading…)")
            position = f"event {index + 1:,} of {total}"
        else:
            position = f"{self.model.event_count:,} events"
        filters = [f"[{k}: {v}]" for k, v in self.filter_labels.items()]
        hint = ["Esc clears filters"] if filters else []
        # Filter values are typed or Arabic: plain Text (never markup), bidi-rendered.
        self.query_one("#status", Static).update(Text(" " + ltr_label([position, *filters, *hint], "   ", self.bidi)), layout=False)

    @on(TimelineView.Moved)
    def _moved(self, message: TimelineView.Moved) -> None:
        self._update_status(message.row)
        self._update_year_marker(message.row)

    # -- drill-down --------------------------------------------------------

    @on(TimelineView.Opened)
    def _open(self, message: TimelineView.Opened) -> None:
        event = self.model.events([message.event_id]).get(message.event_id)
        if event:
            self.push_screen(SourcesScreen(self.db, event, self.bidi))

    # -- actions -----------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        query = fts_query(event.value, prefix_last=True) if event.value.strip() else None
        self._set_filter("search", event.value.strip() if query else None, query=query)

    @on(Input.Submitted, "#search")
    def _search_done(self, event: Input.Submitted) -> None:
        self.query_one(TimelineView).focus()

    def _set_filter(self, label: str, shown: str | None, **changes) -> None:
        self.filter = replace(self.filter, **changes)
        if shown:
            self.filter_labels[label] = shown
        else:
            self.filter_labels.pop(label, None)
        self.reload()

    def action_clear_filters(self) -> None:
        if not self.filter_labels:
            return
        box = self.query_one("#search", Input)
        box.value = ""
        box.display = False
        self.filter = EventFilter()
        self.filter_labels = {}
        self.reload()
        self.query_one(TimelineView).focus()

    def action_pick_entity(self) -> None:
        rows = self.db.execute(
            "SELECT en.id, en.name, en.name_en, en.kind, COUNT(*) FROM entities en JOIN event_entities ee ON ee.entity_id = en.id"
            " GROUP BY en.id ORDER BY COUNT(*) DESC, en.name_en"
        ).fetchall()

        def chosen(entity_id: str | None) -> None:
            if entity_id:
                name = next(r[2] for r in rows if r[0] == entity_id)
                self._set_filter("actor/place", name, entity=entity_id)

        self.push_screen(TypeAheadPicker(rows), chosen)

    def action_jump(self) -> None:
        def jump(text: str | None) -> None:
            if not text:
                return
            try:
                begin, _ = date_filter(text)
            except QueryError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            row = self.model.first_row_on_or_after(begin)
            if row is None:
                self.notify(f"No event on or after {text}", severity="warning", markup=False)
            else:
                self.query_one(TimelineView).go_to_row(row)

        self.push_screen(Prompt("Jump to date", "2021-06"), jump)

    def action_export(self) -> None:
        events = [contract_event(e) for e in list_events(self.db, self.filter)]
        path = self.export_dir / "waqai-chronology.md"
        try:
            path.write_text(to_markdown(events), encoding="utf-8")
        except OSError as error:
            self.notify(f"Export failed: {error.strerror}", severity="error", markup=False)
            return
        self.notify(f"Exported {len(events)} events to {path}", markup=False)
        self.last_export = path
