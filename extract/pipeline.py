"""One article in, everything the store needs out: the pure extraction step.

``analyze`` has no side effects, so it can run in worker processes or as a
task on a distributed engine, with a single writer storing its results.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .events import EventCandidate, build_events, date_anchors
from .segment import Layout, segment
from .tagger import tag_layout
from .timex import Timex


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article cut, tagged and turned into event candidates."""

    layout: Layout
    timexes: list[Timex]
    events: list[EventCandidate]


def analyze(text: str, dct: date | None, source: str | None = None, title: str | None = None,
            furniture: frozenset[str] = frozenset()) -> Analysis:
    """Segment, tag and build events for one article.

    ``title`` overrides the first-line headline (a web page's ``<h1>``);
    ``furniture`` holds what was learned of the source's page furniture:
    its lines stay sentences (offsets, search) but tell no event.
    """
    layout = segment(text, source)
    if title:
        layout = replace(layout, title=title)
    timexes = tag_layout(layout, dct)
    events = build_events(layout, timexes, dct=dct, furniture=furniture)
    # غداة X with X told elsewhere in the article: dated from X's event, then its clause becomes one.
    dated = date_anchors(layout, timexes, events)
    if dated != timexes:
        anchored = frozenset(t.start for t, old in zip(dated, timexes) if t is not old)
        timexes = dated
        events = build_events(layout, timexes, dct=dct, furniture=furniture, anchored=anchored)
    return Analysis(layout, timexes, events)
