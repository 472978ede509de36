"""The analyst's keys in the explorer: mark, note, hide, correct, undo, copy and cite, open the source.

``AnalystActions`` is mixed into ``WaqaiApp``; the edits themselves are
stored by ``waqai.store.edits``. Copying goes through the terminal's
clipboard (OSC 52, which Textual's ``App.copy_to_clipboard`` writes and
which works over SSH): selecting reshaped Arabic with the mouse copies
display-order glyphs, so copies are always built from logical text.
"""

from __future__ import annotations

import os
import sqlite3
import webbrowser
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from waqai.store import edits
from waqai.store.errors import QueryError, StoreError
from waqai.store.sanitize import sanitize

from .cite import citation, markdown_block

BINDINGS = [
    Binding("m", "toggle_mark", "Mark"),
    Binding("n", "note", "Note"),
    Binding("y", "copy_citation", "Copy+cite"),
    Binding("Y", "copy_markdown", "Copy as Markdown", show=False),
    Binding("O", "open_source", "Open source URL", show=False),
    Binding("x", "toggle_hide", "Hide as noise", show=False),
    Binding("c", "correct_date", "Correct date", show=False),
    Binding("r", "correct_title", "Correct title", show=False),
    Binding("u", "undo_edit", "Undo last edit", show=False),
    Binding("P", "correct_published", "Correct the article's publication date", show=False),
    Binding("M", "merge_marked", "Merge the two marked events", show=False),
    Binding("S", "split_source", "Split a source off", show=False),
    Binding("d", "date_range", "Date range", show=False),
    Binding("a", "filter_actor", "This event's actor", show=False),
    Binding("asterisk", "only_marked", "Marked only", show=False),
    Binding("N", "only_noted", "With notes", show=False),
]

HELP_KEYS = [
    ("m  n  x", "mark / write a note / hide as noise"),
    ("c  r  P", "correct the date (TIMEX) / title / article's date"),
    ("u", "undo the last edit"), ("M  S", "merge the two marked / split a source off"),
    ("*  N", "only marked / only with notes"),
    ("d  a", "a date range (2021-06..2023) / this actor only"),
    ("y  Y", "copy sentence + citation / event as Markdown"),
    ("O  l", "open the URL / the linked claim or denial"),
]






def over_ssh() -> bool:
    """Whether the explorer runs in an SSH session (a browser would open on the remote machine)."""
    return bool(os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"))


class EditPrompt(ModalScreen[str | None]):
    """A one-line edit with its current value, and an optional live preview (the interval of a date)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    EditPrompt { align: center middle; }
    EditPrompt > Label, EditPrompt > Input { width: 72; background: $surface; padding: 0 1; }
    """

    def __init__(self, question: str, value: str = "", preview: Callable[[str], str] | None = None) -> None:
        super().__init__()
        self.question, self.value, self.preview = question, value, preview

    def compose(self) -> ComposeResult:
        yield Label(self.question)
        yield Input(value=self.value, id="edit-input")
        if self.preview:
            yield Label(self.preview(self.value), id="edit-preview")

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.preview:
            self.query_one("#edit-preview", Label).update(self.preview(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def date_preview(text: str) -> str:
    """What a typed date value stands for, or why it is not one."""
    if not text.strip():
        return "type a TIMEX value: 2021-07, 2021-06 END, 2022-W49, 2024-Q1, 198"
    try:
        return "→ " + edits.parse_date(text).preview()
    except QueryError as error:
        return str(error)


def date_range(text: str) -> tuple[str | None, str | None]:
    """``2021-06..2023``, ``2021..``, ``..2019-05`` or one date as (first day, last day); QueryError otherwise."""
    from waqai.store.queries import date_filter

    first, sep, last = text.strip().partition("..")
    if not sep:
        return date_filter(first)
    begin = date_filter(first)[0] if first.strip() else None
    end = date_filter(last)[1] if last.strip() else None
    if begin is None and end is None:
        raise QueryError("give a date on at least one side of '..'")
    if begin and end and begin > end:
        raise QueryError(f"{text.strip()!r} ends before it begins")
    return begin, end


class AnalystActions:
    """The explorer's editing, copying and source actions (mixed into WaqaiApp)."""

    _pending_event: int | None = None
    _pending_row: int | None = None

    # -- helpers -----------------------------------------------------------

    def _selected(self) -> dict | None:
        from .timeline import TimelineView

        event_id = self.query_one(TimelineView).selected_event_id
        if event_id is None:
            return None
        return self.model.events([event_id]).get(event_id)

    def _edit(self, event_id: int, kind: str, value: str | None = None, relayout: bool = False) -> bool:
        """Store one edit (toggling marks and hides), then repaint or reload; False when refused."""
        try:
            if value is None:
                edits.toggle(self.db, event_id, kind)
            else:
                edits.add_edit(self.db, event_id, kind, value)
        except (QueryError, StoreError, sqlite3.Error) as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        self._refresh_after_edit(event_id, relayout)
        return True

    def _refresh_after_edit(self, event_id: int | None, relayout: bool) -> None:
        from .timeline import TimelineView

        timeline = self.query_one(TimelineView)
        self.model._cache.clear()  # noqa: SLF001 - records carry the edits; re-read them
        if relayout or self.filter.marked or self.filter.noted:
            self._pending_event, self._pending_row = event_id, timeline.cursor
            self.reload()
        else:
            timeline._strips.clear()  # noqa: SLF001
            timeline.refresh()
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_edits"):
                screen.refresh_edits(self.model.events([screen.event["id"]]).get(screen.event["id"]))

    def restore_cursor(self) -> None:
        """After a reload an edit caused: back to the edited event, or to the row it left."""
        from .timeline import TimelineView

        if self._pending_event is None and self._pending_row is None:
            return
        timeline = self.query_one(TimelineView)
        # The new layout may start with the same ids (TimelineView.extend keeps its cached
        # rows) while their records changed: repaint from the new records.
        timeline._strips.clear()  # noqa: SLF001
        timeline.refresh()
        if not self.model.complete:
            return
        row = self.model.row_of_event(self._pending_event) if self._pending_event is not None else None
        timeline.go_to_row(row if row is not None else min(self._pending_row or 0, max(0, len(self.model) - 1)))
        self._pending_event = self._pending_row = None

    # -- edits -------------------------------------------------------------

    def action_toggle_mark(self) -> None:
        event = self._selected()
        if event and self._edit(event["id"], "mark"):
            self.notify("Marked ★" if not event.get("marked") else "Mark removed", markup=False)

    def action_toggle_hide(self) -> None:
        event = self._selected()
        if event and self._edit(event["id"], "hide", relayout=True):
            self.notify(f"#{event['id']} hidden as noise (u undoes)", markup=False)

    def action_note(self) -> None:
        event = self._selected()
        if event is None:
            return

        def save(text: str | None) -> None:
            if text is not None and self._edit(event["id"], "note", text):
                self.notify("Note saved" if text.strip() else "Note removed", markup=False)

        self.push_screen(EditPrompt(f"Note for #{event['id']} (empty removes it)", event.get("note") or ""), save)

    def action_correct_date(self) -> None:
        event = self._selected()
        if event is None:
            return
        current = " ".join(filter(None, [event["value"], event.get("mod")]))

        def save(text: str | None) -> None:
            if text and self._edit(event["id"], "date", text, relayout=True):
                self.notify(f"#{event['id']} dated {edits.parse_date(text).preview()}", markup=False)

        self.push_screen(EditPrompt(f"Date of #{event['id']} (TIMEX value, optional START/MID/END/APPROX)",
                                    current, date_preview), save)

    def action_correct_title(self) -> None:
        event = self._selected()
        if event is None:
            return

        def save(text: str | None) -> None:
            if text is not None and self._edit(event["id"], "title", text):
                self.notify("Title corrected" if text.strip() else "Extracted title restored", markup=False)

        self.push_screen(EditPrompt(f"Title of #{event['id']} (empty restores the extracted one)", event["title"]), save)

    def action_undo_edit(self) -> None:
        try:
            done = edits.undo_last(self.db)
        except (StoreError, sqlite3.Error) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if done is None:
            self.notify("No edit to undo", severity="warning", markup=False)
            return
        self._refresh_after_edit(done["event_id"], relayout=done["kind"] in ("hide", "date", "merge", "split", "published"))
        self.notify(f"Undid the last edit ({done['kind']})", markup=False)

    def action_correct_published(self) -> None:
        from waqai.store.redate import redate

        event = self._selected()
        if event is None or not event["sources"]:
            return
        source = event["sources"][0]

        def save(text: str | None) -> None:
            if not text:
                return
            try:
                done = redate(self.db, source["doc"], text.strip())
            except (QueryError, StoreError, sqlite3.Error) as error:
                self.notify(str(error), severity="error", markup=False)
                return
            from .screens import SourcesScreen

            if isinstance(self.screen, SourcesScreen):
                self.pop_screen()  # its sources were re-read from the re-analysed article
            self._refresh_after_edit(None, relayout=True)
            self.notify(f"{done['doc']} published {done['published']}: its dates resolved again (u undoes)", markup=False)

        known = source.get("published") or ""
        state = "estimated" if source.get("published_estimated") else "unknown" if not known else "given"
        self.push_screen(EditPrompt(f"Publication date of {source['doc']} ({state}), YYYY-MM-DD", known), save)

    def action_merge_marked(self) -> None:
        from waqai.store.queries import EventFilter, event_ids
        from waqai.store.regroup import merge

        from .timeline import TimelineView

        marked = event_ids(self.db, EventFilter(marked=True))
        if len(marked) != 2:
            self.notify(f"Mark exactly two events to merge ({len(marked)} marked)", severity="warning", markup=False)
            return
        cursor = self.query_one(TimelineView).selected_event_id
        kept, absorbed = (marked if cursor != marked[1] else marked[::-1])
        try:
            merge(self.db, kept, absorbed)
        except (QueryError, StoreError, sqlite3.Error) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._refresh_after_edit(kept, relayout=True)
        self.notify(f"#{absorbed} merged into #{kept} (u undoes)", markup=False)

    def action_split_source(self) -> None:
        from waqai.store.regroup import split

        event = self._selected()
        if event is None:
            return
        if len(event["sources"]) < 2:
            self.notify(f"#{event['id']} has one source: nothing to split off", severity="warning", markup=False)
            return

        def save(text: str | None) -> None:
            if not text:
                return
            try:
                new = split(self.db, event["id"], int(text) if text.strip().isdigit() else 0)
            except (QueryError, StoreError, sqlite3.Error) as error:
                self.notify(str(error), severity="error", markup=False)
                return
            from .screens import SourcesScreen

            if isinstance(self.screen, SourcesScreen):
                self.pop_screen()  # it lists the sources the event no longer has
            self._refresh_after_edit(event["id"], relayout=True)
            self.notify(f"Source {text} of #{event['id']} is now event #{new} (u undoes)", markup=False)

        self.push_screen(EditPrompt(f"Split which source off #{event['id']}? (1 to {len(event['sources'])})",
                                    str(len(event["sources"]))), save)

    def action_date_range(self) -> None:
        def chosen(text: str | None) -> None:
            if text is None:
                return
            if not text.strip():
                self._set_filter("dates", None, begin=None, end=None)
                return
            try:
                begin, end = date_range(text)
            except QueryError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self._set_filter("dates", text.strip().replace("..", " … "), begin=begin, end=end)

        shown = self.filter_labels.get("dates", "").replace(" … ", "..")
        self.push_screen(EditPrompt("Events in a date range: FROM..TO, FROM.., ..TO or one date (empty: all)", shown), chosen)

    def action_filter_actor(self) -> None:
        from waqai.extract.gazetteer import gazetteer

        event = self._selected()
        if event is None or not event["entities"]:
            return
        names = gazetteer()
        found = [names.find(e["name"]) for e in event["entities"]]
        # A specific actor first: filtering by a country would keep half the chronology.
        ranked = sorted((f for f in found if f), key=lambda f: (f.generic, f.kind not in ("group", "person")))
        if not ranked:
            return
        from .screens import SourcesScreen

        while isinstance(self.screen, SourcesScreen):
            self.pop_screen()
        self._set_filter("actor/place", ranked[0].name_en, entity=ranked[0].id)

    def action_only_marked(self) -> None:
        on = not self.filter.marked
        self._set_filter("marked", "only" if on else None, marked=on)

    def action_only_noted(self) -> None:
        on = not self.filter.noted
        self._set_filter("notes", "with notes" if on else None, noted=on)

    # -- copy, cite, open --------------------------------------------------

    def _source_in_view(self) -> tuple[dict | None, int]:
        """The event shown and the source chosen: in an event's sources the one j/k selected, else the first."""
        from .screens import SourcesScreen

        if isinstance(self.screen, SourcesScreen):
            return self.screen.event, self.screen.current
        return self._selected(), 0

    def action_copy_citation(self) -> None:
        event, index = self._source_in_view()
        if event and event["sources"]:
            self.copy_to_clipboard(citation(event, index))
            self.notify("Copied the sentence and its citation", markup=False)

    def action_copy_markdown(self) -> None:
        event = self._selected()
        if event:
            self.copy_to_clipboard(markdown_block(event))
            self.notify("Copied the event as Markdown", markup=False)

    def action_open_source(self) -> None:
        event, index = self._source_in_view()
        sources = (event or {}).get("sources", [])
        chosen = sources[index:index + 1] + sources  # the chosen source's URL first, else any
        url = next((s["url"] for s in chosen if s.get("url")), None)
        if url is None:
            self.notify("This event's articles have no URL", severity="warning", markup=False)
            return
        url = sanitize(url)
        if not over_ssh() and webbrowser.open(url):
            self.notify(f"Opened {url}", markup=False)
            return
        self.copy_to_clipboard(url)
        self.notify(f"Copied the URL (no browser here): {url}", markup=False, timeout=10)
