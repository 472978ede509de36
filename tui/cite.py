"""Text to copy, cite and show for an event: built from logical text, sanitized, no Textual.

Mouse selection of reshaped Arabic copies display-order glyphs, so the
explorer copies these strings instead; ``waqai show`` prints the same
source fields, without importing Textual.
"""

from __future__ import annotations

from waqai.store import edits
from waqai.store.export import date_label, md_escape
from waqai.store.sanitize import sanitize


def citation(event: dict, index: int = 0) -> str:
    """A source sentence and its citation (outlet, date, URL), in logical order, safe to paste."""
    source = event["sources"][index]
    published = source.get("published") or "publication date unknown"
    if source.get("published") and source.get("published_estimated"):
        published += " (estimated)"
    meta = "، ".join(filter(None, [source.get("source"), source.get("title"), published, source.get("url")]))
    return sanitize(f"«{source['sentence']}»\n— {meta}")


def markdown_block(event: dict) -> str:
    """The event as a Markdown block: date and title, note, every source quoted and cited."""
    lines = [f"**{md_escape(date_label(event))}** — {md_escape(event['title'])}", ""]
    if event.get("note"):
        lines += [f"*Note:* {md_escape(event['note'])}", ""]
    correction = edits.correction_note(event)
    if correction:
        lines += [f"*{md_escape(correction)}*", ""]
    for source in event["sources"]:
        published = source.get("published") or "publication date unknown"
        meta = "، ".join(md_escape(x) for x in filter(None, [source.get("source"), source.get("title"), published]))
        url = source.get("url")
        lines += [f"> {md_escape(source['sentence'])}", ">", f"> — {meta}" + (f" <{sanitize(url)}>" if url else ""), ""]
    return "\n".join(lines).rstrip() + "\n"


def analyst_summary(event: dict) -> str:
    """The drill-down's line of the analyst's work: marks, note, corrections (logical text, sanitized)."""
    parts = []
    signs = edits.markers(event)
    if signs:
        parts.append(" ".join(signs))
    if event.get("note"):
        parts.append("note: " + event["note"])
    correction = edits.correction_note(event)
    if correction:
        parts.append(correction)
    return sanitize("  ·  ".join(parts))


def source_fields(source: dict) -> list[str]:
    """The outlet, publication date (flagged when estimated) and URL of a source, for its meta line."""
    published = source.get("published") or "publication date unknown"
    if source.get("published") and source.get("published_estimated"):
        published += " (estimated)"
    return [x for x in (source.get("source"), published, source["doc"], source.get("url")) if x]
