"""Export a chronology to Markdown, JSON or CSV.

Markdown groups events by year and month; each event gives its date as
written and as normalized, its title, and its source sentences quoted with
article title, source and publication date. Text stays in logical order
(never reshaped or reordered) and is sanitized, so the file is safe to open
and renders right-to-left in any Markdown viewer.
"""

from __future__ import annotations

import csv
import io
import re

from .sanitize import safe_json, sanitize

_MONTHS_AR = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
              "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"]
_MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Escape CommonMark specials in untrusted text (after sanitizing it)."""
    return _MD_SPECIAL.sub(r"\\\1", sanitize(text).replace("\n", " "))


def date_label(event: dict) -> str:
    """The normalized date with its precision visible: ``2021-06 late``, ``2013 · year``."""
    value = event["value"]
    mod = _MOD_WORDS.get(event.get("mod") or "")
    if mod:
        return f"{value} {mod}"
    return value if event["granularity"] == "day" else f"{value} · {event['granularity']}"


def to_markdown(events: list[dict], title: str = "Chronology") -> str:
    """A CommonMark chronology grouped by year and month."""
    out = [f"# {md_escape(title)}", "", f"{len(events)} events.", ""]
    year = month = None
    for event in events:
        begin = event["begin"]
        if begin[:4] != year:
            year, month = begin[:4], None
            out += [f"## {year}", ""]
        event_month = begin[5:7] if event["granularity"] in ("day", "week", "month") else None
        if event_month and event_month != month:
            month = event_month
            out += [f"### {year}-{month} — {_MONTHS_AR[int(month) - 1]}", ""]
        written = sorted({s["timex"] for s in event["sources"]})
        stance = " — **denied**" if event.get("stance") == "denied" else ""
        stance += " — *planned*" if event.get("planned") else ""
        out.append(f'<div dir="rtl">')
        out.append("")
        out.append(f"**{md_escape(date_label(event))}** ({md_escape('، '.join(written))}) — {md_escape(event['title'])}{stance}")
        out.append("")
        names = [e["name"] for e in event["entities"]]
        if names:
            out += [f"الأطراف والأماكن: {md_escape('، '.join(names))}", ""]
        for source in event["sources"]:
            meta = "، ".join(filter(None, [source.get("title"), source.get("source"), source.get("published") or "تاريخ النشر غير معروف"]))
            out.append(f"> {md_escape(source['sentence'])}")
            out.append(">")
            out.append(f"> — {md_escape(meta)} (`{md_escape(source['doc'])}`)")
            out.append("")
        out += ["</div>", ""]
    return "\n".join(out).rstrip() + "\n"


def to_json(events: list[dict]) -> str:
    """The events as a JSON array (contract shape)."""
    return safe_json(events, indent=1) + "\n"


def to_csv(events: list[dict]) -> str:
    """One row per event source, with the event's date and title repeated."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["event_id", "value", "mod", "begin", "end", "granularity", "title", "stance", "planned",
                     "entities", "doc", "published", "timex", "sentence"])
    for e in events:
        entities = "; ".join(x["name"] for x in e["entities"])
        for s in e["sources"] or [{}]:
            writer.writerow([e["id"], e["value"], e["mod"] or "", e["begin"], e["end"], e["granularity"],
                             sanitize(e["title"]), e.get("stance") or "", "yes" if e.get("planned") else "", entities, s.get("doc", ""),
                             s.get("published") or "", sanitize(s.get("timex", "")), sanitize(s.get("sentence", ""))])
    return buffer.getvalue()
