"""The actor/place picker with type-ahead: the list narrows to the names holding what is typed.

Arabic is matched folded (hamza forms, ta marbuta, alef maqsura, harakat),
English case-insensitively, so ``ابو الاء`` finds أبو آلاء الولائي.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from waqai.extract.normalize import fold

from .bidi import ltr_label
from .screens import EntityPicker


class TypeAheadPicker(EntityPicker):
    """Choose an actor or place, typing part of its Arabic or English name to narrow the list."""

    BINDINGS = [
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Label("Filter by actor or place (type to narrow, Enter chooses)")
        yield Input(placeholder="Arabic or English name", id="entity-filter")
        yield OptionList(*self._options(""), id="entity-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0 if self.entities else None
        self.query_one(Input).focus()

    def _options(self, typed: str) -> list[Option]:
        folded, lower = fold(typed).strip(), typed.strip().lower()
        return [Option(Text(ltr_label([en, name, f"{kind}, {n}"], " — ")), id=entity_id)
                for entity_id, name, en, kind, n in self.entities
                if not lower or folded in fold(name) or lower in (en or "").lower()]

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        options.highlighted = 0 if options.option_count else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_move(self, step: int) -> None:
        """Move the highlight while the typing line keeps the focus."""
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()
