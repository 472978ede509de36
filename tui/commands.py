"""The explorer's own commands in the command palette (Ctrl+P), next to Textual's."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class WaqaiCommands(Provider):
    """Every explorer action by name, and one "filter by" command per actor or place."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        return [
            ("Search sentences", "Live search over source sentences (/)", app.action_search),
            ("Jump to date…", "First event on or after a date (t)", app.action_jump),
            ("Filter by actor or place…", "Choose from the actors and places named (f)", app.action_pick_entity),
            ("Filter by date range…", "Keep events overlapping 2021, 2021-06 or 2021..2023", app.action_filter_dates),
            ("Remove the last filter", "Undo the newest filter, keeping the event under the cursor (Escape)",
             app.action_pop_filter),
            ("Clear all filters", "Show the whole chronology again", app.action_clear_filters),
            ("Export this view…", "Markdown, CSV or JSON, with the filters in the header (e)", app.action_export),
            ("Open sources of the selected event", "Every source sentence, article and date (Enter)",
             app.action_open_sources),
            ("Open the article of the selected event", "The whole article, the reported sentence highlighted",
             app.action_open_article),
            ("Toggle bidi: app / terminal", "Who reorders Arabic: waqai, or a terminal that does bidi itself",
             app.action_toggle_bidi),
            ("First event", "Go to the first event (g)", partial(app.action_edge, 0)),
            ("Last event", "Go to the last event (G)", partial(app.action_edge, 1)),
            ("Keys", "Every key binding (?)", app.action_help),
        ]

    async def discover(self) -> Hits:
        """The explorer's commands, shown when the palette opens."""
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands and actors/places whose names match what was typed."""
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
        for entity_id, name_en, name in self.app.entity_names():
            label = f"Filter by {name_en or name}"
            score = max(matcher.match(label), matcher.match(name))
            if score > 0:
                yield Hit(score * 0.9, matcher.highlight(label), partial(self.app.filter_by_entity, entity_id),
                          text=label, help="Actor or place")
