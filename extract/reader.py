"""Reading one article file: plain text or a saved web page, refused with a reason.

The single entry point for ``waqai ingest``, ``waqai extract`` and
``waqai eval``, so that every command decodes, strips the BOM and extracts
HTML the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .decode import MAX_BYTES, NotText, decode

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


class UnreadableArticle(Exception):
    """An article file waqai cannot read; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article's text (what offsets refer to), its encoding and what the file said about it."""

    text: str
    encoding: str
    title: str | None = None
    published: date | None = None
    format: str = "text"
    encoding_confidence: float = 1.0


def article_from_bytes(data: bytes, name: str = "-", *, html: bool = False) -> ArticleText:
    """Decode article bytes; ``html`` extracts a saved page's visible text."""
    try:
        decoded = decode(data)
    except NotText as error:
        raise UnreadableArticle(f"{name}: {error}") from None
    text = decoded.text.lstrip("\ufeff")
    if not html:
        return ArticleText(text, decoded.encoding, encoding_confidence=decoded.confidence)
    from .html import parse_page

    page = parse_page(text)
    if not page.text.strip():
        raise UnreadableArticle(f"{name}: the page has no visible text")
    return ArticleText(page.text, decoded.encoding, page.title, page.published, "html", decoded.confidence)


def read_article(path: Path | str) -> ArticleText:
    """Read an article file (.txt, .md, .html, .htm), refusing what is not one."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableArticle(f"{path}: larger than the {MAX_BYTES // (1024 * 1024)} MB limit for one article")
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableArticle(f"{path}: cannot read ({error.strerror or error})") from None
    return article_from_bytes(data, str(path), html=path.suffix.lower() in HTML_SUFFIXES)
