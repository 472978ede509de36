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

from waqai.store.export import free_name, write_export
from waqai.store.queries import EventFilter, QueryError, contract_event, date_filter, fts_query, list_events

from . import analyst
from .bidi import ltr_label
from .bidi_input import BidiInput
from .commands import WaqaiCommands
from .density import DensityStrip, bins_for
from .model import TimelineModel
from .screens import ArticleScreen, Confirm, EntityPicker, HelpScreen, Prompt, SourcesScreen
from .timeline import TimelineView

# Switch VTE/mintty to explicit bidi mode (we reorder ourselves) and back.
BIDI_EXPLICIT_ON = "\x1b[8l"
BIDI_EXPLICIT_OFF = "\x1b[8h"


# Events read before the first paint; the rest load in the background.
FIRST_SCREEN = 300

# The EventFilter fields each labelled filter sets (Escape resets them).
FILTER_FIELDS = {"search": ("query",), "actor/place": ("entity",), "dates": ("begin", "end")}


class WaqaiApp(analyst.AnalystActions, App):
    """Browse a chronology: keyboard first, bidi-correct, rows fetched on demand."""

    TITLE = "waqai — وقائع"
    CSS_PATH = "waqai.tcss"
    COMMANDS = App.COMMANDS | {WaqaiCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("f", "pick_entity", "Actor/place"),
        Binding("t", "jump", "Jump to date"),
        Binding("e", "export", "Export"),
        Binding("escape", "pop_filter", "Remove last filter", show=False),
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
        self._keep_event: int | None = None  # the event the cursor returns to after a reload
        self._pending_jump: str | None = None  # a jump asked for before the layout was complete

    def compose(self) -> ComposeResult:
        yield Static("", id="status", classes="bar")
        yield DensityStrip(id="density")
        yield TimelineView(self.model, bidi=self.bidi, id="timeline")
        yield BidiInput(placeholder="search sentences (Arabic spellings folded)…", id="search", bidi=self.bidi)
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

    def reload(self, keep: int | None = None) -> None:
        """Rebuild the timeline for the current filter: a first screenful, then the rest.

        With ``keep`` (an event id), the cursor returns to that event once the
        rows that hold it are loaded, if the new filter still shows it.
        """
        self._keep_event = keep
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
            self._restore_cursor(timeline)
            self.restore_cursor()  # after an edit that moved or hid an event
            if model.complete:
                self._update_strip()
            else:
                self.load_model(model.filter)
            self._update_status()
        elif event.state == WorkerState.ERROR:
            self.notify(f"Could not load events: {event.worker.error}", severity="error", markup=False)

    def _restore_cursor(self, timeline: TimelineView) -> None:
        """After a load: go back to the kept event, and answer a jump that waited for the rows."""
        if self._keep_event is not None:
            row = self.model.row_of_event(self._keep_event)
            if row is not None:
                timeline.go_to_row(row)
            if row is not None or self.model.complete:
                self._keep_event = None
        if self._pending_jump is not None and self.model.complete:
            day, self._pending_jump = self._pending_jump, None
            self._jump_to(day)

    def _update_strip(self) -> None:
        self.query_one(DensityStrip).show(bins_for(self.model.per_month))
        self._update_year_marker()

    def _update_year_marker(self, row: int | None = None) -> None:
        """Put the strip's ▲ under the selected event's year (or month, when it shows one year)."""
        timeline = self.query_one(TimelineView)
        row = timeline.cursor if row is None else row
        year = self.model.year_of_row(row) if self.model.is_event(row) else None
        month = None
        if year is not None and len(self.query_one(DensityStrip).years) == 1:
            event_id = self.model.row(row).kind
            event = self.model.events([event_id]).get(event_id)
            month = int(event["begin"][5:7]) if event else None
        self.query_one(DensityStrip).select(year, month)

    @on(DensityStrip.YearClicked)
    def _year_clicked(self, message: "DensityStrip.YearClicked") -> None:
        if message.month is not None:
            event_id = self.model.first_event_on_or_after(f"{message.year}-{message.month:02d}-01")
            row = self.model.row_of_event(event_id) if event_id is not None else None
        else:
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
        hint = ["Esc removes the last filter"] if filters else []
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
        if query == self.filter.query:  # emptied by Escape, or an edit that searches the same words
            if query:
                self.filter_labels["search"] = event.value.strip()
                self._update_status()
            return
        self._set_filter("search", event.value.strip() if query else None, query=query)

    @on(Input.Submitted, "#search")
    def _search_done(self, event: Input.Submitted) -> None:
        self.query_one(TimelineView).focus()

    def _set_filter(self, label: str, shown: str | None, **changes) -> None:
        """Set (or with ``shown`` None, remove) one filter; the newest filter is the one Escape removes."""
        self.filter = replace(self.filter, **changes)
        self.filter_labels.pop(label, None)
        if shown:
            self.filter_labels[label] = shown
        self.reload(keep=self.query_one(TimelineView).selected_event_id)

    def action_pop_filter(self) -> None:
        """Remove the most recent filter, keeping the cursor on its event."""
        if not self.filter_labels:
            return
        label = list(self.filter_labels)[-1]
        if label == "search":
            box = self.query_one("#search", Input)
            self.filter = replace(self.filter, query=None)
            box.value = ""
            box.display = False
        self._set_filter(label, None, **{field: None for field in FILTER_FIELDS[label]})
        self.query_one(TimelineView).focus()

    def action_clear_filters(self) -> None:
        """Remove every filter, keeping the cursor on its event."""
        box = self.query_one("#search", Input)
        self.filter = EventFilter()
        box.value = ""
        box.display = False
        self.filter_labels = {}
        self.reload(keep=self.query_one(TimelineView).selected_event_id)
        self.query_one(TimelineView).focus()

    def _entity_rows(self) -> list[tuple]:
        return self.db.execute(
            "SELECT en.id, en.name, en.name_en, en.kind, COUNT(*) FROM entities en JOIN event_entities ee ON ee.entity_id = en.id"
            " GROUP BY en.id ORDER BY COUNT(*) DESC, en.name_en"
        ).fetchall()

    def entity_names(self) -> list[tuple[str, str, str]]:
        """(id, English name, Arabic name) of every actor and place some event names."""
        return [(row[0], row[2], row[1]) for row in self._entity_rows()]

    def filter_by_entity(self, entity_id: str) -> None:
        """Keep the events that name one actor or place."""
        names = {row[0]: row[2] or row[1] for row in self._entity_rows()}
        if entity_id in names:
            self._set_filter("actor/place", names[entity_id], entity=entity_id)

    def action_pick_entity(self) -> None:
        """Choose an actor or place to filter by."""
        self.push_screen(EntityPicker(self._entity_rows()), lambda entity_id: self.filter_by_entity(entity_id) if entity_id else None)

    def action_filter_dates(self) -> None:
        """Ask for a date or a range (2021, 2021-06, 2021..2023) and keep the events overlapping it."""
        def chosen(text: str | None) -> None:
            if not text or not text.strip():
                return
            first, _, last = text.strip().partition("..")
            try:
                begin, end = date_filter(first)[0], date_filter(last or first)[1]
            except QueryError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self._set_filter("dates", text.strip(), begin=begin, end=end)

        self.push_screen(Prompt("Filter by date or range", "2021, 2021-06 or 2021..2023"), chosen)

    def action_open_sources(self) -> None:
        """Open the sources of the event under the cursor."""
        self.query_one(TimelineView).action_open()

    def action_open_article(self) -> None:
        """Open the article of the selected event's first source."""
        event_id = self.query_one(TimelineView).selected_event_id
        event = self.model.events([event_id]).get(event_id) if event_id is not None else None
        if event and event["sources"]:
            source = event["sources"][0]
            self.push_screen(ArticleScreen(self.db, source["doc_id"], source["sentence_index"], self.bidi, source["timex"]))

    def action_edge(self, end: int) -> None:
        """Go to the first (0) or last (1) event."""
        self.query_one(TimelineView).action_edge(end)

    def action_toggle_bidi(self) -> None:
        """Switch between reordering Arabic here (app) and leaving it to the terminal."""
        self.bidi = "terminal" if self.bidi == "app" else "app"
        if self._driver is not None:
            self._driver.write(BIDI_EXPLICIT_ON if self.bidi == "app" else BIDI_EXPLICIT_OFF)
        timeline = self.query_one(TimelineView)
        timeline.bidi = self.query_one("#search", BidiInput).bidi = self.bidi
        timeline.refresh_rows()
        self._update_status()
        self.notify(f"bidi: {self.bidi}", markup=False)

    def action_jump(self) -> None:
        """Ask for a date and move to the first event on or after it."""
        self.push_screen(Prompt("Jump to date", "2021-06"), lambda text: self._jump_to(text) if text else None)

    def _jump_to(self, text: str) -> None:
        try:
            begin, _ = date_filter(text)
        except QueryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        event_id = self.model.first_event_on_or_after(begin)  # asks the database, not the rows loaded so far
        if event_id is None:
            self.notify(f"No event on or after {text}", severity="warning", markup=False)
            return
        row = self.model.row_of_event(event_id)
        if row is None and not self.model.complete:
            self._pending_jump = text  # its row is not laid out yet: jump when it is
            return
        if row is not None:
            self.query_one(TimelineView).go_to_row(row)

    def action_export(self) -> None:
        """Ask where to export this view; never overwrite a file, or write an empty view, unasked."""
        default = free_name(self.export_dir)
        self.push_screen(Prompt("Export this view to (.md, .csv or .json)", str(default), str(default)), self._export_to)

    def _export_to(self, answer: str | None) -> None:
        if not answer or not answer.strip():
            return
        path = Path(answer.strip()).expanduser()
        path = path if path.is_absolute() else self.export_dir / path
        events = [contract_event(e) for e in list_events(self.db, self.filter)]

        def write(confirmed: bool = True) -> None:
            if confirmed:
                self._write_export(path, events)

        if not events:
            what = f"overwrite {path} with" if path.exists() else "write"
            self.push_screen(Confirm(f"This view has no events. Really {what} an empty chronology?"), write)
        elif path.exists():
            self.push_screen(Confirm(f"{path} exists. Overwrite it with {len(events)} events?"), write)
        else:
            write()

    def _write_export(self, path: Path, events: list[dict]) -> None:
        try:
            write_export(path, events, filters=list(self.filter_labels.items()))
        except OSError as error:
            self.notify(f"Export failed: {error.strerror or error}", severity="error", markup=False)
            return
        self.notify(f"Exported {len(events)} events to {path}", markup=False)
        self.last_export = path
