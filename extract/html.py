"""Saved web pages: the visible text, the headline and the publication date.

Scripts, styles, navigation, headers, footers, forms and hidden elements are
dropped; block elements become line breaks so the segmenter sees the page's
paragraphs. The standard library's tolerant ``html.parser`` is enough here:
saved news pages need text, not a DOM.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

# Elements whose content is never article text.
_DROPPED = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer",
    "aside", "form", "button", "select", "textarea", "iframe", "object", "canvas", "head", "title",
})
_BLOCKS = frozenset({
    "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "tr", "td", "th", "table", "article", "section", "main", "blockquote", "pre", "figure",
    "figcaption", "caption", "address",
})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"})
# Meta names/properties that carry a publication date, most specific first.
_DATE_KEYS = (
    "article:published_time", "datepublished", "og:published_time", "publishdate", "publish-date",
    "pubdate", "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date", "date",
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, slots=True)
class Page:
    """What a saved page says: visible text, headline, publication date."""

    text: str
    title: str | None
    published: date | None


def _day(value: str | None) -> date | None:
    match = _ISO_DAY.search(value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _hidden(attrs: dict[str, str | None]) -> bool:
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "hidden" in attrs or attrs.get("aria-hidden") == "true" or "display:none" in style


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping: list[str] = []
        self.capture: str | None = None  # "title" or "h1" while inside one
        self.title_text: list[str] = []
        self.h1_text: list[str] = []
        self.dates: dict[str, str] = {}
        self.ld_json: list[str] = []
        self.in_ld_json = False
        self.in_pre = 0

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attrs_list)
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in _DATE_KEYS and attrs.get("content"):
                self.dates.setdefault(key, attrs["content"] or "")
            return
        if tag == "time" and ((attrs.get("itemprop") or "").lower() == "datepublished" or "pubdate" in attrs):
            self.dates.setdefault("datepublished", attrs.get("datetime") or "")
        if tag == "script" and (attrs.get("type") or "").lower() == "application/ld+json":
            self.in_ld_json = True
        if tag == "title" and not self.skipping_body():
            self.capture = "title"
        if tag in _VOID:
            if tag in _BLOCKS:
                self.chunks.append("\n")
            return
        if tag in _DROPPED or _hidden(attrs) or self.skipping:
            self.skipping.append(tag)
            return
        if tag == "pre":
            self.in_pre += 1
        if tag == "h1" and not self.h1_text:
            self.capture = "h1"
        if tag in _BLOCKS:
            self.chunks.append("\n")

    def skipping_body(self) -> bool:
        """True inside a dropped element other than <head> (where <title> lives)."""
        return any(tag != "head" for tag in self.skipping)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_ld_json = False
        if tag in ("title", "h1"):
            self.capture = None
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        if tag in _BLOCKS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_ld_json:
            self.ld_json.append(data)
        if self.capture == "title":
            self.title_text.append(data)
        elif self.capture == "h1" and not self.skipping:
            self.h1_text.append(data)
        if not self.skipping:
            # Source line breaks are spaces in HTML; only blocks (and <br>) break lines.
            self.chunks.append(data if self.in_pre else data.replace("\r", " ").replace("\n", " "))


def _ld_json_date(blocks: list[str]) -> str | None:
    for block in blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):  # deeply nested JSON exhausts the parser's stack
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    return item["datePublished"]
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return None


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def parse_page(markup: str) -> Page:
    """A saved page's article text, headline and date.

    With the ``web`` extra installed, the text is trafilatura's main text: the
    article without menus, related links, comments or "most read" boxes, whose
    dates would otherwise become events. Without it (or where trafilatura finds
    no main text) it is every visible block. Headline and date come from the
    page's own markup either way (``<h1>``/``<title>``, meta tags, JSON-LD):
    they are exact, where a guessed date from the text is not.
    """
    page = parse_visible(markup)
    main = _main_text(markup, page.text)
    return Page(main, page.title, page.published) if main else page


def _main_text(markup: str, visible: str) -> str | None:
    """trafilatura's main text of the page, one line per paragraph, or None.

    Only lines that are visible are kept: trafilatura reads ``hidden`` and
    ``display:none`` elements as text, and a hidden date must not become an event.
    """
    if os.environ.get("WAQAI_HTML") == "visible":
        return None
    try:
        import trafilatura
    except ImportError:
        return None
    text = trafilatura.extract(markup, include_comments=False, include_tables=True, favor_precision=True,
                               deduplicate=False, with_metadata=False)
    if not text or not text.strip():
        return None
    lines = [line for line in (_clean(line) for line in text.split("\n")) if line and line in visible]
    return "\n".join(lines) + "\n" if lines else None


def parse_visible(markup: str) -> Page:
    """Every visible block of a saved page (one line per block), its headline and date."""
    # html.parser hands an unclosed "<!--" back as text at the end: it is a comment to the end.
    opened = markup.rfind("<!--")
    if opened != -1 and markup.find("-->", opened + 4) == -1:
        markup = markup[:opened]
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    lines = (_clean(line) for line in "".join(parser.chunks).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = _clean("".join(parser.h1_text)) or _clean("".join(parser.title_text)) or None
    published = None
    for key in _DATE_KEYS:
        published = _day(parser.dates.get(key))
        if published:
            break
    published = published or _day(_ld_json_date(parser.ld_json))
    return Page(text + "\n" if text else "", title, published)
