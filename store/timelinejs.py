"""Export a chronology as TimelineJS JSON, so a newsroom can publish it as an interactive page.

The shape follows TimelineJS3's documented format
(https://timeline.knightlab.com/docs/json-format.html): one object with
``title`` (a slide) and ``events`` (slides); a slide has ``start_date``
(a date object: ``year`` required, ``month`` and ``day`` optional, as
numbers), optional ``end_date``, ``text`` (``headline`` and HTML ``text``),
``group``, ``display_date`` and ``unique_id``.

Dates keep their precision: a day gives year/month/day, a month
year/month, a year the year alone; any other span (a week, a quarter, a
third of a month) gives its first and last day as start and end. The
text quotes every source sentence with its outlet, date and link, and the
analyst's note and corrections. Untrusted text is sanitized and
HTML-escaped.
"""

from __future__ import annotations

import html
import re

from .edits import correction_note
from .export import date_label
from .sanitize import safe_json, sanitize

_ACTOR_KINDS = ("group", "person")


def _esc(text: str | None) -> str:
    return html.escape(sanitize(text or "").replace("\n", " "))


def _day(iso: str, parts: int = 3) -> dict:
    year, month, day = (int(x) for x in iso.split("-"))
    return {"year": year, "month": month, "day": day} if parts == 3 else (
        {"year": year, "month": month} if parts == 2 else {"year": year})


def dates(event: dict) -> dict:
    """``start_date`` (and ``end_date`` for spans that are not one day, month or year) at the event's precision."""
    grain, mod, begin, end = event["granularity"], event.get("mod"), event["begin"], event["end"]
    plain = mod in (None, "APPROX", "LESS_THAN", "MORE_THAN")
    if begin == end:
        return {"start_date": _day(begin)}
    if grain == "month" and plain:
        return {"start_date": _day(begin, 2)}
    if grain == "year" and plain:
        return {"start_date": _day(begin, 1)}
    if grain in ("decade", "century"):
        return {"start_date": _day(begin, 1), "end_date": _day(end, 1)}
    return {"start_date": _day(begin), "end_date": _day(end)}


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"^https?://[^\s\"'<>]+$", url) else None


def slide(event: dict) -> dict:
    """One event as a TimelineJS slide."""
    parts = []
    if event.get("note"):
        parts.append(f"<p><strong>ملاحظة / Note:</strong> {_esc(event['note'])}</p>")
    correction = correction_note(event)
    if correction:
        parts.append(f"<p><em>{_esc(correction)}</em></p>")
    for source in event["sources"]:
        meta = "، ".join(filter(None, [source.get("source"), source.get("published") or "تاريخ النشر غير معروف", source.get("title")]))
        url = _safe_url(source.get("url"))
        link = f' <a href="{html.escape(url)}">{html.escape(url)}</a>' if url else ""
        parts.append(f'<blockquote dir="rtl">{_esc(source["sentence"])}</blockquote><p dir="rtl">— {_esc(meta)}{link}</p>')
    headline = ("★ " if event.get("marked") else "") + sanitize(event["title"])
    result = {"unique_id": f"event-{event['id']}", **dates(event), "display_date": date_label(event),
              "text": {"headline": headline, "text": "\n".join(parts)}}
    actors = [e["name"] for e in event["entities"] if e["kind"] in _ACTOR_KINDS]
    if actors:
        result["group"] = sanitize(actors[0])
    return result


def timeline(events: list[dict], title: str = "Chronology") -> dict:
    """The TimelineJS document for a list of events (contract-shaped dicts)."""
    return {"title": {"text": {"headline": sanitize(title), "text": f"{len(events)} events"}},
            "events": [slide(e) for e in events]}


def to_timelinejs(events: list[dict], title: str = "Chronology") -> str:
    """The TimelineJS JSON text."""
    return safe_json(timeline(events, title), indent=1) + "\n"
