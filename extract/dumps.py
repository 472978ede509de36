"""Reading article dumps: JSON arrays, JSON Lines, CSV and zips of those, streamed.

Scrapers (news-please, trafilatura, SaudiNewsNet) write archives as one file of
many articles. Each row is mapped to an article through a ``FieldMap``: the
common names by default (``content``/``text``/``maintext``/``body``…), overridable
per role (``content=body``). Rows are read one at a time, so memory stays flat
whatever the size of the dump; a row that cannot be used becomes a ``BadRow``
naming its position, and the rest of the dump goes on.

A row's ``locator`` says where it came from: ``news.jsonl:17`` (a line),
``2015-07-22.json#123`` (the position in a JSON array, counted from 0) or
``day.csv:5`` (a CSV record's first line), prefixed by the zip's name for a
zip member (``2015-07-22.zip!2015-07-22.json#123``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Iterator

DUMP_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".zip")
_ROW_SUFFIXES = DUMP_SUFFIXES[:-1]

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "content": ("content", "text", "maintext", "body", "article", "article_body"),
    "title": ("title", "headline"),
    "published": ("date", "date_publish", "published", "date_published", "pubdate", "date_extracted"),
    "url": ("url", "link"),
    "source": ("source", "source_domain", "outlet", "site_name"),
}
ROLES = tuple(DEFAULT_FIELDS)

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_CHUNK = 1 << 16


class DumpError(Exception):
    """A dump waqai cannot read at all (not a bad row: the file itself); the message names it."""


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which field of a row plays each role; the first name present wins."""

    names: dict[str, tuple[str, ...]]

    @classmethod
    def parse(cls, overrides: tuple[str, ...] | list[str] = ()) -> "FieldMap":
        """The default map with ``ROLE=FIELD`` overrides; DumpError on a malformed one."""
        names = dict(DEFAULT_FIELDS)
        for item in overrides:
            role, sep, field = item.partition("=")
            role, field = role.strip(), field.strip()
            if not sep or not field or role not in ROLES:
                raise DumpError(f"--field {item!r}: expected ROLE=FIELD with ROLE one of {', '.join(ROLES)}")
            names[role] = (field,)
        return cls(names)

    def get(self, row: dict, role: str):
        """The value the row gives for ``role``, or None."""
        for name in self.names[role]:
            value = row.get(name)
            if value not in (None, ""):
                return value
        return None


@dataclass(frozen=True, slots=True)
class DumpArticle:
    """One usable row of a dump."""

    locator: str
    text: str
    title: str | None
    published: date | None
    url: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that was skipped, and why."""

    locator: str
    reason: str


def is_dump(path: Path) -> bool:
    """Whether ``path`` names a dump by its suffix."""
    return path.suffix.lower() in DUMP_SUFFIXES


def parse_published(value) -> date | None:
    """A publication day from a row's date field (ISO date or date-time); ValueError when unusable."""
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not text")
    m = _DAY.match(value.strip())
    if not m:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    return date(int(m[1]), int(m[2]), int(m[3]))


def read_dump(path: Path, fields: FieldMap | None = None) -> Iterator[DumpArticle | BadRow]:
    """Every row of the dump at ``path``, in order, as an article or a bad row."""
    fields = fields or FieldMap.parse()
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".zip":
            yield from _read_zip(path, fields)
            return
        with open(path, "rb") as raw:
            yield from _read_stream(raw, path.name, suffix, fields)
    except OSError as error:
        raise DumpError(f"{path}: cannot read ({error.strerror or error})") from None


def _member_suffix(name: str) -> str:
    return Path(name).suffix.lower()


def _read_zip(path: Path, fields: FieldMap) -> Iterator[DumpArticle | BadRow]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise DumpError(f"{path}: not a valid zip file") from None
    with archive:
        members = sorted((i for i in archive.infolist() if not i.is_dir() and _member_suffix(i.filename) in _ROW_SUFFIXES),
                         key=lambda i: i.filename)
        if not members:
            raise DumpError(f"{path}: the zip holds no .json, .jsonl, .ndjson or .csv file")
        for info in members:
            suffix = _member_suffix(info.filename)
            with archive.open(info) as raw:
                yield from _read_stream(raw, f"{path.name}!{info.filename}", suffix, fields)


def _read_stream(raw: IO[bytes], name: str, suffix: str, fields: FieldMap) -> Iterator[DumpArticle | BadRow]:
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
    try:
        if suffix == ".json":
            rows = _json_array(text, name)
        elif suffix == ".csv":
            rows = _csv_rows(text, name)
        else:
            rows = _json_lines(text, name)
        for locator, row in rows:
            yield _article(locator, row, fields)
    except UnicodeDecodeError as error:
        raise DumpError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start} of a chunk)") from None


def _article(locator: str, row, fields: FieldMap) -> DumpArticle | BadRow:
    if isinstance(row, BadRow):
        return row
    if not isinstance(row, dict):
        return BadRow(locator, f"a {type(row).__name__}, not an object")
    text = fields.get(row, "content")
    if not isinstance(text, str) or not text.strip():
        wanted = "/".join(fields.names["content"])
        return BadRow(locator, f"no article text (field {wanted})")
    raw_day = fields.get(row, "published")
    try:
        published = parse_published(raw_day) if raw_day is not None else None
    except ValueError as error:
        return BadRow(locator, str(error))
    values = {}
    for role in ("title", "url", "source"):
        value = fields.get(row, role)
        if value is not None and not isinstance(value, str):
            return BadRow(locator, f"{role} {value!r} is not text")
        values[role] = value
    return DumpArticle(locator, text, values["title"], published, values["url"], values["source"])


def _json_lines(text: IO[str], name: str) -> Iterator[tuple[str, object]]:
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        locator = f"{name}:{number}"
        try:
            yield locator, json.loads(line)
        except (ValueError, RecursionError) as error:
            yield locator, BadRow(locator, f"not JSON ({_short(error)})")


def _csv_rows(text: IO[str], name: str) -> Iterator[tuple[str, object]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed csv's 128 KB default
    reader = csv.DictReader(text)
    try:
        reader.fieldnames  # reads the header, so line numbers below are those of records
    except csv.Error as error:
        raise DumpError(f"{name}: not CSV ({error})") from None
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield f"{name}:{line}", BadRow(f"{name}:{line}", f"not CSV ({error})")
            return
        yield f"{name}:{line}", row


def _json_array(text: IO[str], name: str) -> Iterator[tuple[str, object]]:
    """The elements of a top-level JSON array, decoded one at a time from a text stream."""
    decoder = json.JSONDecoder()
    buffer, eof = "", False

    def fill() -> bool:
        nonlocal buffer, eof
        chunk = text.read(_CHUNK)
        eof = not chunk
        buffer += chunk
        return bool(chunk)

    def skip_space() -> None:
        nonlocal buffer
        while True:
            stripped = buffer.lstrip()
            if stripped or eof:
                buffer = stripped
                return
            buffer = ""
            fill()

    fill()
    skip_space()
    if not buffer.startswith("["):
        raise DumpError(f"{name}: not a JSON array of articles")
    buffer = buffer[1:]
    index = 0
    while True:
        skip_space()
        if buffer.startswith("]"):
            return
        if index:
            if not buffer.startswith(","):
                raise DumpError(f"{name}: JSON broken after element #{index - 1}")
            buffer = buffer[1:]
            skip_space()
        locator = f"{name}#{index}"
        while True:
            try:
                value, end = decoder.raw_decode(buffer)
            except ValueError as error:
                if not eof and fill():
                    continue
                raise DumpError(f"{name}: JSON broken at element #{index} ({_short(error)})") from None
            except RecursionError:
                raise DumpError(f"{name}: element #{index} is nested too deeply") from None
            # A number may continue in the next chunk ("12" then "34"): only trust it with more text behind.
            if end == len(buffer) and not eof and fill():
                continue
            break
        buffer = buffer[end:]
        yield locator, value
        index += 1


def _short(error: Exception) -> str:
    return str(error).split(":")[0]
