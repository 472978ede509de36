"""Screens: an event's sources, a whole article, help, and small prompts."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from waqai.store.export import date_label
from waqai.store.queries import context_sentences, document

from .bidi import ltr_label, render

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

    def _lines(self, width: int):
        return render(self.logical, max(1, width), self.bidi)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        width = max(1, self.size.width)
        out = Text()
        rendered_marks = []
        for mark, style in self.marks:
            shown = render(mark, 10_000, self.bidi)
            if shown and shown[0].text.strip():
                rendered_marks.append((shown[0].text.strip(), style))
        for i, line in enumerate(self._lines(width)):
            text = Text(line.aligned(width), style=self.base_style)
            for shown, style in rendered_marks:
                start = text.plain.find(shown)
                while start >= 0:
                    text.stylize(style, start, start + len(shown))
                    start = text.plain.find(shown, start + len(shown))
            if i:
                out.append("\n")
            out.append_text(text)
        return out


class SourcesScreen(Screen):
    """Every source sentence of one event, with context, article and date."""

    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back"),
        Binding("o", "open_article", "Open article"),
        Binding("down,j", "next_source(1)", "Next source", show=False),
        Binding("up,k", "next_source(-1)", "Previous source", show=False),
    ]

    def __init__(self, db, event: dict, bidi: str = "app") -> None:
        super().__init__()
        self.db = db
        self.event = event
        self.bidi = bidi
        self.current = 0

    def compose(self) -> ComposeResult:
        event = self.event
        head = f"#{event['id']}  {date_label(event)}  ·  {len(event['sources'])} source(s) from {event['corroboration']} article(s)"
        if event.get("stance") == "denied":
            head += "  ·  denied"
        yield Static(head, id="event-head", classes="bar")
        yield BidiText(event["title"], bidi=self.bidi, style=Style(bold=True), id="event-title")
        if event["entities"]:
            yield Static(Text("  " + " · ".join(f"{e['name_en']} ({e['kind']})" for e in event["entities"])), id="event-entities")
        with VerticalScroll(id="sources"):
            names = [e["name"] for e in event["entities"]]
            for i, source in enumerate(event["sources"]):
                fields = [source.get("source"), source.get("published") or "publication date unknown", source["doc"]]
                if source.get("attribution"):
                    fields.append("reported by: " + source["attribution"])
                yield Static(Text(f"[{i + 1}] " + ltr_label(fields, mode=self.bidi)), classes="source-meta")
                if source.get("title"):
                    yield BidiText(source["title"], bidi=self.bidi, style=Style(italic=True), classes="source-title")
                for ctx in context_sentences(self.db, source["doc_id"], source["sentence_index"]):
                    is_source = ctx["index"] == source["sentence_index"]
                    marks = [(source["timex"], HIGHLIGHT_TIMEX)] + [(n, HIGHLIGHT_ENTITY) for n in names] if is_source else []
                    yield BidiText(ctx["text"], marks, self.bidi, Style(dim=not is_source),
                                   classes="sentence" + (" source-sentence" if is_source else ""))
        yield Footer()

    def action_next_source(self, step: int) -> None:
        self.query_one("#sources", VerticalScroll).scroll_relative(y=step * 3, animate=False)

    def action_open_article(self) -> None:
        source = self.event["sources"][self.current]
        self.app.push_screen(ArticleScreen(self.db, source["doc_id"], source["sentence_index"], self.bidi))


class ArticleScreen(Screen):
    """The whole article, scrolled to the reported sentence."""

    BINDINGS = [Binding("escape,backspace", "app.pop_screen", "Back")]

    def __init__(self, db, doc_id: int, sentence_index: int, bidi: str = "app") -> None:
        super().__init__()
        self.doc = document(db, doc_id)
        self.sentence_index = sentence_index
        self.bidi = bidi

    def compose(self) -> ComposeResult:
        doc = self.doc
        fields = [doc["doc"], doc.get("source"), doc.get("published") or "publication date unknown"]
        yield Static(Text(ltr_label(fields, mode=self.bidi)), classes="bar")
        with VerticalScroll(id="article"):
            text = doc["text"]
            for s in doc["sentences"]:
                target = s["index"] == self.sentence_index
                yield BidiText(text[s["start"]:s["end"]], bidi=self.bidi,
                               style=Style(bold=True, underline=True) if target else Style(),
                               id=f"s{s['index']}", classes="article-sentence")
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
        ("Escape", "back; on the timeline, clear the filters"), ("/", "search sentences (live, Arabic-normalized)"),
        ("f", "filter by actor or place"), ("t", "jump to a date (2021, 2021-06, 2021-06-29)"),
        ("e", "export this view to Markdown"), ("Ctrl+P", "command palette (every action)"), ("?", "this help"), ("q", "quit"),
    ]

    def compose(self) -> ComposeResult:
        width = max(cell_len(k) for k, _ in self.KEYS) + 2
        lines = "\n".join(f"{k.ljust(width)}{v}" for k, v in self.KEYS)
        yield Static("waqai — keys\n\n" + lines, id="help")


class Prompt(ModalScreen[str | None]):
    """A one-line question (jump to date, search)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Label(self.question)
        yield Input(placeholder=self.placeholder, id="prompt-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class EntityPicker(ModalScreen[str | None]):
    """Choose an actor or place to filter by; typing any of its names (any spelling, English) narrows the list."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("down", "to_list", "List", show=False)]

    def __init__(self, entities: list[tuple[str, str, str, int]]) -> None:
        super().__init__()
        self.entities = entities

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

    def action_to_list(self) -> None:
        self.query_one("#entity-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
