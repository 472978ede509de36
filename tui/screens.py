"""Screens: an event's sources, a whole article, help, and small prompts."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from waqai.store.labels import date_label
from waqai.store.links import linked
from waqai.store.queries import context_sentences, document, events_by_id

from .analyst import HELP_KEYS as ANALYST_KEYS
from .bidi import label_lines, ltr_label, render
from .cite import analyst_summary, source_fields
from .lazy_lines import display_lines

HIGHLIGHT_TIMEX = Style(bold=True, color="black", bgcolor="yellow")
HIGHLIGHT_ENTITY = Style(bold=True, color="green")


class BidiText(Widget):
    """Logical text rendered right-to-left at the widget's width, with highlights.

    ``marks`` are (logical substring, style) pairs: each is rendered the same
    way and highlighted where it appears in a display line.
    """

    DEFAULT_CSS = "BidiText { height: auto; }"

    def __init__(self, text: str, marks: list[tuple[str, Style]] | None = None, bidi: str = "app",
                 style: Style | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.logical = text
        self.marks = marks or []
        self.bidi = bidi
        self.base_style = style or Style()

    def update_text(self, text: str) -> None:
        """Show ``text`` instead (cached display lines are dropped)."""
        self.logical = text
        self.__dict__.pop("_lines_by_width", None)
        self.refresh(layout=True)

    def _lines(self, width: int):
        # Rendered once per width: a 1 MB sentence is ~4 s of reshaping and reordering,
        # and layout asks for the height on every key.
        width = max(1, width)
        cache = self.__dict__.setdefault("_lines_by_width", {})
        if width not in cache:
            if len(cache) >= 4:  # layout tries a width with and without a scrollbar
                cache.pop(next(iter(cache)))
            cache[width] = display_lines(self.logical, width, self.bidi)
        return cache[width]

    def _rendered_marks(self) -> list[tuple[str, Style]]:
        if not hasattr(self, "_marks_cache"):
            self._marks_cache = []
            for mark, style in self.marks:
                shown = render(mark, 10_000, self.bidi)
                if shown and shown[0].text.strip():
                    self._marks_cache.append((shown[0].text.strip(), style))
        return self._marks_cache

    def _line_text(self, line, width: int) -> Text:
        text = Text(line.aligned(width), style=self.base_style)
        for shown, style in self._rendered_marks():
            start = text.plain.find(shown)
            while start >= 0:
                text.stylize(style, start, start + len(shown))
                start = text.plain.find(shown, start + len(shown))
        return text

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        width = max(1, self.size.width)
        return Text("\n").join(self._line_text(line, width) for line in self._lines(width))  # all rows: small texts only

    def render_line(self, y: int) -> Strip:
        """Only the visible rows are styled and turned into segments (Textual asks for those)."""
        width = max(1, self.size.width)
        lines = self._lines(width)
        base = self.visual_style.rich_style
        if y >= len(lines):
            return Strip.blank(width, base)
        # Through Textual's own pipeline, so dim/bold/italic look exactly as with render().
        visual = visualize(self, self._line_text(lines[y], width), markup=False)
        return Visual.to_strips(self, visual, width, 1, self.visual_style)[0]


class FieldLines(Widget):
    """Fields (source, date, file, "reported by: …") laid out left to right and wrapped
    between fields, each Arabic field shaped and ordered on its own."""

    DEFAULT_CSS = "FieldLines { height: auto; }"

    def __init__(self, fields: list, prefix: str = "", bidi: str = "app", **kwargs) -> None:
        super().__init__(**kwargs)
        self.fields = fields
        self.prefix = prefix
        self.bidi = bidi

    def _lines(self, width: int) -> list[str]:
        indent = " " * cell_len(self.prefix)
        lines = label_lines(self.fields, max(1, width - len(indent)), mode=self.bidi)
        return [(self.prefix if i == 0 else indent) + line for i, line in enumerate(lines)]

    def get_content_height(self, container, viewport, width: int) -> int:
        """As many rows as the fields need at ``width``."""
        return len(self._lines(width))

    def render(self) -> Text:
        """The wrapped field lines."""
        return Text("\n".join(self._lines(self.size.width)))


def plural(count: int, word: str) -> str:
    """``1 source``, ``2 sources``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class SourcesScreen(Screen):
    """Every source sentence of one event, with context, article and date."""

    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back"),
        Binding("o", "open_article", "Open article"),
        Binding("l", "open_link", "Linked claim/denial", show=False),
        Binding("down,j", "next_source(1)", "Next source"),
        Binding("up,k", "next_source(-1)", "Previous source"),
    ]

    def __init__(self, db, event: dict, bidi: str = "app") -> None:
        super().__init__()
        self.db = db
        self.event = event
        self.bidi = bidi
        self.current = 0

    def compose(self) -> ComposeResult:
        event = self.event
        head = (f"#{event['id']}  {date_label(event)}  ·  {plural(len(event['sources']), 'source')}"
                f" from {plural(event['corroboration'], 'article')}")
        if event.get("stance") == "denied":
            head += "  ·  denied"
        yield Static(head, id="event-head", classes="bar")
        yield BidiText(event["title"], bidi=self.bidi, style=Style(bold=True), id="event-title")
        summary = analyst_summary(event)
        analyst = Static(Text("  " + ltr_label([summary], mode=self.bidi)), id="event-analyst")
        analyst.display = bool(summary)
        yield analyst
        self.links = linked(self.db, event["id"])
        if self.links:
            # (label, title) pairs: the English "denied by #30 (2024-04-20): " never breaks from its title.
            shown = [(f"{link['relation']} #{link['id']} ({link['value']}): ", link["title"]) for link in self.links]
            yield FieldLines([*shown, "l opens it"], "  ", self.bidi, id="event-links")
        if event["entities"]:
            yield Static(Text("  " + " · ".join(f"{e['name_en']} ({e['kind']})" for e in event["entities"])), id="event-entities")
        with VerticalScroll(id="sources"):
            names = [e["name"] for e in event["entities"]]
            for i, source in enumerate(event["sources"]):
                fields = source_fields(source)
                if source.get("attribution"):
                    fields.append(("reported by: ", source["attribution"]))
                yield FieldLines(fields, f"[{i + 1}] ", self.bidi, id=f"source-{i}", classes="source-meta")
                if source.get("title"):
                    yield BidiText(source["title"], bidi=self.bidi, style=Style(italic=True), classes="source-title")
                for ctx in context_sentences(self.db, source["doc_id"], source["sentence_index"]):
                    is_source = ctx["index"] == source["sentence_index"]
                    marks = [(source["timex"], HIGHLIGHT_TIMEX)] + [(n, HIGHLIGHT_ENTITY) for n in names] if is_source else []
                    yield BidiText(ctx["text"], marks, self.bidi, Style(dim=not is_source),
                                   classes="sentence" + (" source-sentence" if is_source else ""))
        yield Footer()

    def on_mount(self) -> None:
        """Start on the first source."""
        self._select(0)

    def _select(self, index: int) -> None:
        """Make source ``index`` the current one: marked ▶ and the one ``o`` opens."""
        self.current = index
        for i, meta in enumerate(self.query(FieldLines).results()):
            if meta.id and meta.id.startswith("source-"):
                meta.prefix = ("▶ " if i == index else "  ") + f"[{i + 1}] "
                meta.set_class(i == index, "-current")
                meta.refresh(layout=True)

    def refresh_edits(self, event: dict | None) -> None:
        """Show the analyst's edits of this event again after one changed."""
        if event is None:
            return
        self.event = event
        analyst = self.query_one("#event-analyst", Static)
        analyst.update(Text("  " + ltr_label([analyst_summary(event)], mode=self.bidi)))
        analyst.display = bool(analyst_summary(event))
        self.query_one("#event-title", BidiText).update_text(event["title"])

    def action_open_link(self) -> None:
        """The sources of the claim this event denies, or of its denial."""
        if self.links:
            found = events_by_id(self.db, [self.links[0]["id"]])
            if found:
                self.app.push_screen(SourcesScreen(self.db, found[0], self.bidi))

    def action_next_source(self, step: int) -> None:
        """Make the next (or previous) source current; past the ends, scroll the text."""
        target = self.current + step
        scroller = self.query_one("#sources", VerticalScroll)
        if 0 <= target < len(self.event["sources"]):
            self._select(target)
            scroller.scroll_to_widget(self.query_one(f"#source-{target}"), animate=False, top=True)
        else:
            scroller.scroll_relative(y=step * 3, animate=False)

    def action_open_article(self) -> None:
        """Open the current source's whole article at its sentence."""
        source = self.event["sources"][self.current]
        self.app.push_screen(ArticleScreen(self.db, source["doc_id"], source["sentence_index"], self.bidi,
                                           timex=source.get("timex")))


class ArticleScreen(Screen):
    """The whole article, its paragraphs apart, scrolled to the reported sentence and highlighting it."""

    BINDINGS = [Binding("escape,backspace", "app.pop_screen", "Back")]

    def __init__(self, db, doc_id: int, sentence_index: int, bidi: str = "app", timex: str | None = None) -> None:
        super().__init__()
        self.doc = document(db, doc_id)
        self.sentence_index = sentence_index
        self.bidi = bidi
        self.timex = timex

    def compose(self) -> ComposeResult:
        doc = self.doc
        fields = [doc["doc"], doc.get("source"), doc.get("published") or "publication date unknown"]
        yield Static(Text(ltr_label(fields, mode=self.bidi)), classes="bar")
        with VerticalScroll(id="article"):
            text = doc["text"]
            previous_end = None
            for s in doc["sentences"]:
                target = s["index"] == self.sentence_index
                # A newline between two sentences ends a paragraph: keep the break on screen.
                new_paragraph = previous_end is not None and "\n" in text[previous_end:s["start"]]
                previous_end = s["end"]
                classes = "article-sentence" + (" paragraph-start" if new_paragraph else "") + (" target" if target else "")
                marks = [(self.timex, HIGHLIGHT_TIMEX)] if target and self.timex else []
                yield BidiText(text[s["start"]:s["end"]], marks, bidi=self.bidi,
                               style=Style(bold=True, underline=True) if target else Style(),
                               id=f"s{s['index']}", classes=classes)
        yield Footer()

    def on_mount(self) -> None:
        target = self.query(f"#s{self.sentence_index}")
        if target:
            self.call_after_refresh(lambda: self.query_one("#article", VerticalScroll).scroll_to_widget(target.first(), animate=False, top=True))


class HelpScreen(ModalScreen):
    """Every key binding."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close")]

    KEYS = [
        ("↑ ↓  j k", "previous / next event"), ("PageUp PageDown", "page"), ("Home End  g G", "first / last event"),
        ("[  ]", "previous / next year"), ("Enter", "sources of the event (o there: whole article)"),
        ("Escape", "back; on the timeline, remove the last filter"), ("/", "search sentences (live, Arabic-normalized)"),
        ("f", "filter by actor or place"), ("t", "jump to a date (2021, 2021-06, 2021-06-29)"),
        ("e", "export this view (.md, .csv or .json; asks where)"), *ANALYST_KEYS,
        ("Ctrl+P", "command palette (every action)"),
        ("click the strip", "jump to that year (month, when one year is shown)"), ("?", "this help"), ("q", "quit"),
    ]

    def compose(self) -> ComposeResult:
        width = max(cell_len(k) for k, _ in self.KEYS) + 2
        lines = "\n".join(f"{k.ljust(width)}{v}" for k, v in self.KEYS)
        yield Static("waqai — keys\n\n" + lines, id="help")


class Prompt(ModalScreen[str | None]):
    """A one-line question (jump to date, export path), optionally with a default answer."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, placeholder: str = "", value: str = "") -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        yield Label(self.question)
        yield Input(self.value, placeholder=self.placeholder, id="prompt-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question: y confirms; n or Escape declines."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield Label(self.question + "  [y/n]", id="confirm-question", markup=False)

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


class EntityPicker(ModalScreen[str | None]):
    """Choose an actor or place to filter by; typing any of its names (any spelling, English) narrows the list."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, entities: list[tuple[str, str, str, int]]) -> None:
        super().__init__()
        self.entities = entities

    def on_mount(self) -> None:
        """Typing starts at once, with the first name highlighted."""
        self.query_one("#entity-list", OptionList).highlighted = 0 if self.entities else None
        self.query_one("#entity-name", Input).focus()

    def compose(self) -> ComposeResult:
        yield Label("Filter by actor or place (type a name: الحوثي, houthis…)")
        yield Input(placeholder="name, alias or English name", id="entity-name")
        yield OptionList(*self._options(self.entities), id="entity-list")

    @staticmethod
    def _options(rows) -> list[Option]:
        return [Option(Text(ltr_label([en, name, f"{kind}, {n}"], " — ")), id=entity_id) for entity_id, name, en, kind, n in rows]

    def on_input_changed(self, event: Input.Changed) -> None:
        from waqai.store.entities import filter_entities

        shown = self.query_one("#entity-list", OptionList)
        shown.clear_options()
        shown.add_options(self._options(filter_entities(event.value, self.entities)))
        if shown.option_count:
            shown.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        shown = self.query_one("#entity-list", OptionList)
        if shown.option_count:
            self.dismiss(shown.get_option_at_index(shown.highlighted or 0).id)
        else:
            self.notify(f"no actor or place in this chronology is named {event.value!r}", severity="warning", markup=False)

    def action_move(self, step: int) -> None:
        """Move the highlight while the typing line keeps the focus."""
        options = self.query_one("#entity-list", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
