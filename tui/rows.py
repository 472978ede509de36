"""The columns of one timeline row: date, badges, actors/places, title, fitted to a width.

Below ``NARROW`` cells the date and badge columns take compact forms so the
title keeps most of the line. Imports no Textual: it is plain layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len

from waqai.store.edits import markers
from waqai.store.labels import date_label

from .bidi import render_line

NARROW = 90  # content width: an 80-column terminal is narrow, a 100-column one is not
WIDE = 140  # from here the outlets that corroborate an event are named after its actors
_DATE_WIDE, _DATE_NARROW = 21, 19  # "  2023-11-16 afternoon " / "  2023-11-16 night "
_BADGE_WIDE, _BADGE_NARROW = 8, 7
DENIED = "نفي"
PLANNED = "◷"  # scheduled, not yet reported done


@dataclass(frozen=True, slots=True)
class RowColumns:
    """One event row's cells, each already cut to its column."""

    date: str
    badges: str
    tags: str
    title: str
    title_width: int


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending with … when it had to be cut."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out.rstrip() + "…"


def badges(event: dict, mode: str = "app") -> str:
    """The row's markers: the analyst's ★ ✎ ✱ ⊘ first (they matter most to them), ``×N``
    articles when corroborated, نفي (rendered) when denied, ◷ when planned."""
    marks = markers(event)
    if event["corroboration"] > 1:
        marks.append(f"×{event['corroboration']}")
    if event.get("stance") == "denied":
        marks.append(render_line(DENIED, 10, mode))
    if event.get("planned"):
        marks.append(PLANNED)
    return " ".join(marks)


def entity_names(event: dict, width: int) -> str:
    """The English names of the event's actors/places, separated by ·, cut with … to ``width``."""
    names = " · ".join(e["name_en"] or e["name"] for e in event["entities"])
    return cut(names, width) if width > 0 else ""


def outlets(event: dict) -> list[str]:
    """The distinct outlets of the event's sources, in source order."""
    return list(dict.fromkeys(s["source"] for s in event.get("sources") or [] if s.get("source")))


def row_columns(event: dict, width: int, mode: str = "app") -> RowColumns:
    """Lay out one event row in ``width`` cells."""
    narrow = width < NARROW
    date_width = _DATE_NARROW if narrow else _DATE_WIDE
    badge_width = _BADGE_NARROW if narrow else _BADGE_WIDE
    date = cut("  " + date_label(event, short=narrow), date_width - 1).ljust(date_width)
    badge = cut(badges(event, mode), badge_width - 1).ljust(badge_width)
    rest = max(0, width - date_width - badge_width)
    names = " · ".join(e["name_en"] or e["name"] for e in event["entities"])
    reported = outlets(event) if width >= WIDE and event["corroboration"] > 1 else []
    shown_outlets = ("‖ " + " · ".join(render_line(o, 30, mode) for o in reported)) if len(reported) > 1 else ""
    wanted = cell_len(names) + (cell_len(shown_outlets) + 1 if shown_outlets else 0)
    tag_width = min(wanted, rest // (4 if narrow else 3))
    if shown_outlets and names:
        tags = cut(cut(names, max(1, tag_width // 2)) + " " + shown_outlets, tag_width) + " "
    elif shown_outlets:
        tags = cut(shown_outlets, tag_width) + " "
    else:
        tags = (entity_names(event, tag_width) + " ") if tag_width else ""
    title_width = max(1, rest - cell_len(tags) - 1)
    return RowColumns(date, badge, tags, render_line(event["title"], title_width, mode), title_width)
