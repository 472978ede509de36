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
from pathlib import Path

from .files import replace_file
from .labels import date_label
from .sanitize import safe_json, sanitize

__all__ = ["date_label", "md_escape", "to_csv", "to_json", "to_markdown", "LABELS"]

_MONTHS = {
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
           "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
LABELS = {
    "ar": {"title": "تسلسل زمني", "count": "عدد الوقائع: {n}", "filters": "المرشحات", "none": "لا مرشحات: التسلسل كاملًا",
           "entities": "الأطراف والأماكن", "denied": "منفي", "unknown": "تاريخ النشر غير معروف",
           "reported": "نقلًا عن", "file": "الملف", "comma": "، ", "search": "بحث", "actor/place": "طرف أو مكان", "dates": "التاريخ",
           "from": "من", "to": "إلى", "on": "في", "entity": "طرف أو مكان", "query": "بحث",
           "marked": "★ مميَّزة", "note": "ملاحظة", "planned": "مقرَّر",
           "noted": "مع ملاحظات", "hidden": "مع المخفية"},
    "en": {"title": "Chronology", "count": "{n} events.", "filters": "Filters", "none": "No filters: the whole chronology",
           "entities": "Actors and places", "denied": "denied", "unknown": "publication date unknown",
           "reported": "reported by", "file": "file", "comma": ", ", "search": "search", "actor/place": "actor/place", "dates": "dates",
           "from": "from", "to": "to", "on": "on", "entity": "actor/place", "query": "search",
           "marked": "★ marked", "note": "Note", "planned": "planned",
           "noted": "with notes", "hidden": "including hidden"},
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
_URL = re.compile(r"^https?://[^\s<>()\x00-\x1f]+$")


def md_escape(text: str) -> str:
    """Escape CommonMark specials in untrusted text (after sanitizing it)."""
    return _MD_SPECIAL.sub(r"\\\1", sanitize(text).replace("\n", " "))


def code_span(text: str) -> str:
    """Untrusted text as a CommonMark code span: literal, no backslash escapes, fenced
    with more backticks than the text holds in a row."""
    text = sanitize(text).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _citation(source: dict, labels: dict) -> str:
    """Where a quote comes from: title, outlet, date, then the file (a link when its URL is
    known) isolated left to right, so its name reads whole inside right-to-left text."""
    parts = [md_escape(x) for x in (source.get("title"), source.get("source")) if x]
    parts.append(md_escape(source.get("published") or labels["unknown"]))
    if source.get("attribution"):
        parts.append(f"{labels['reported']} {md_escape(source['attribution'])}")
    name = code_span(source["doc"])
    url = source.get("url") or ""
    if _URL.match(url):
        name = f"[{name}](<{url}>)"
    return labels["comma"].join(parts) + f' · <bdi dir="ltr">{name}</bdi>'


def filter_lines(filters: list[tuple[str, str]] | None, lang: str = "ar") -> str:
    """The active filters as one line for a file's header (``search: كالسو · from: 2021``)."""
    labels = LABELS[lang]
    if not filters:
        return labels["none"]
    shown = " · ".join(f"{labels.get(key, key)}: {md_escape(value)}" for key, value in filters)
    return f"{labels['filters']}: {shown}"


def to_markdown(events: list[dict], title: str | None = None, filters: list[tuple[str, str]] | None = None,
                lang: str = "ar") -> str:
    """A CommonMark chronology grouped by year and month, inside one right-to-left block.

    ``lang`` chooses the language of every label (Arabic by default: the
    chronologies are Arabic); ``filters`` are written under the title so the
    file says what it holds.
    """
    labels = LABELS[lang]
    direction = "rtl" if lang == "ar" else "ltr"
    out = [f'<div dir="{direction}">', "", f"# {md_escape(title or labels['title'])}", "",
           labels["count"].format(n=len(events)), "", filter_lines(filters, lang), ""]
    year = month = None
    for event in events:
        begin = event["begin"]
        if begin[:4] != year:
            year, month = begin[:4], None
            out += [f"## {year}", ""]
        event_month = begin[5:7] if event["granularity"] in ("day", "week", "month") else None
        if event_month and event_month != month:
            month = event_month
            out += [f"### {year}-{month} — {_MONTHS[lang][int(month) - 1]}", ""]
        written = sorted({s["timex"] for s in event["sources"]})
        stance = f" — **{labels['denied']}**" if event.get("stance") == "denied" else ""
        stance += f" — *{labels['planned']}*" if event.get("planned") else ""
        if lang == "en":
            out += ['<div dir="rtl">', ""]
        out.append(f"**{md_escape(date_label(event, lang))}** ({md_escape('، '.join(written))}) — {md_escape(event['title'])}{stance}")
        out.append("")
        out += _analyst_lines(event, labels)
        names = [e["name"] for e in event["entities"]]
        if names:
            out += [f"{labels['entities']}: {md_escape('، '.join(names))}", ""]
        for source in event["sources"]:
            out.append(f"> {md_escape(source['sentence'])}")
            out.append(">")
            out.append(f"> — {_citation(source, labels)}")
            out.append("")
        if lang == "en":
            out += ["</div>", ""]
    out += ["</div>", ""]
    return "\n".join(out).rstrip() + "\n"


def _analyst_lines(event: dict, labels: dict[str, str]) -> list[str]:
    """The analyst's mark, note and corrections, under the event's title."""
    from .edits import correction_note

    lines = []
    if event.get("marked"):
        lines += [labels["marked"], ""]
    if event.get("note"):
        lines += [f"*{labels['note']}:* {md_escape(event['note'])}", ""]
    if correction_note(event):
        lines += [f"*{md_escape(correction_note(event))}*", ""]
    return lines


def to_json(events: list[dict]) -> str:
    """The events as a JSON array (contract shape)."""
    return safe_json(events, indent=1) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """Untrusted text as a CSV cell: sanitized, and never read as a formula by a spreadsheet.

    OWASP's rule: a cell starting with = + - @ (or tab/CR) gets a leading
    apostrophe, so ``=HYPERLINK(…)`` in an article stays text.
    """
    text = sanitize(text, expand_tabs=False)
    return "'" + text if text.startswith(_FORMULA_START) else text


CSV_COLUMNS = ["event_id", "value", "mod", "begin", "end", "granularity", "title", "stance", "planned", "entities",
               "doc", "outlet", "url", "published", "attribution", "source_stance", "timex", "sentence",
               "marked", "note", "corrected"]


def to_csv(events: list[dict], bom: bool = False) -> str:
    """One row per event source, with the event's date and title repeated.

    ``bom`` starts the text with a UTF-8 byte order mark, which spreadsheet
    programs need to read Arabic as UTF-8.
    """
    from .edits import correction_note

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for e in events:
        entities = csv_cell("; ".join(x["name"] for x in e["entities"]))
        for s in e["sources"] or [{}]:
            writer.writerow([e["id"], e["value"], e["mod"] or "", e["begin"], e["end"], e["granularity"],
                             csv_cell(e["title"]), e.get("stance") or "", "yes" if e.get("planned") else "", csv_cell(entities), csv_cell(s.get("doc", "")),
                             csv_cell(s.get("source") or ""), csv_cell(s.get("url") or ""), s.get("published") or "",
                             csv_cell(s.get("attribution") or ""), s.get("stance") or "",
                             csv_cell(s.get("timex", "")), csv_cell(s.get("sentence", "")),
                             "yes" if e.get("marked") else "", csv_cell(e.get("note") or ""),
                             csv_cell(correction_note(e) or "")])
    return ("\ufeff" if bom else "") + buffer.getvalue()


FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv"}


def write_export(path: Path, events: list[dict], filters: list[tuple[str, str]] | None = None, lang: str = "ar") -> str:
    """Write ``events`` to ``path`` in the format its suffix names (Markdown otherwise).

    The file is replaced whole (``store.files.replace_file``), so a failed
    write never leaves a truncated file where a good one was. Returns the format written (``md``, ``json`` or ``csv``).
    """
    fmt = FORMATS.get(path.suffix.lower(), "md")
    text = {"md": lambda: to_markdown(events, filters=filters, lang=lang), "json": lambda: to_json(events),
            "csv": lambda: to_csv(events, bom=True)}[fmt]()
    replace_file(path, text)
    return fmt


def free_name(folder: Path, name: str = "waqai-chronology.md") -> Path:
    """``folder/name``, or ``name-2``, ``name-3``… when that file already exists."""
    path = folder / name
    stem, suffix, number = path.stem, path.suffix, 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path
