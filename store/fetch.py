"""Fetching articles over HTTP: single pages and RSS/Atom feeds, politely, for a daily cron.

``fetch`` downloads each URL; a feed (RSS or Atom, parsed by feedparser) is
expanded into its entries' pages, optionally only those published since a
day. Every page is saved under ``pages/`` beside the database (the stored
article text is the page's visible text, so the saved page is the only copy of
what was served) and ingested like a saved ``.html`` file, with the entry's or
the page's date, the feed's title as source and the URL.

Politeness: a User-Agent naming waqai, a timeout per request, up to three
tries with exponential backoff on timeouts, 429 and 5xx (``Retry-After``
honoured up to a cap), robots.txt read once per host and obeyed, and
conditional GET (``ETag``/``Last-Modified`` remembered in a state file beside
the database), so an unchanged feed or page costs one small request.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from .files import replace_file
from .errors import InputError

USER_AGENT = "waqai/0.1 (Arabic news chronology; +robots.txt obeyed)"
TIMEOUT = 15.0
TRIES = 3
BACKOFF = 1.0
MAX_RETRY_AFTER = 30.0
MAX_BYTES = 20 * 1024 * 1024
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_FEED_TYPES = ("application/rss", "application/atom", "application/rdf", "application/xml", "text/xml")


@dataclass(frozen=True, slots=True)
class Response:
    """What a GET returned: status 200 with a body, or 304 (unchanged)."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


class FetchFailed(Exception):
    """One URL could not be fetched; the message says which and why."""


@dataclass
class FetchState:
    """Validators of earlier responses by URL, kept in a JSON file for conditional GET."""

    path: Path
    validators: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "FetchState":
        """The state saved at ``path``, or an empty one (a damaged file is started afresh)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                return cls(path, {k: v for k, v in data.items() if isinstance(v, dict)})
        except (OSError, ValueError):
            pass
        return cls(path)

    def save(self) -> None:
        """Write the state atomically (a temporary file renamed over the old one)."""
        replace_file(self.path, json.dumps(self.validators, ensure_ascii=False, indent=0))

    def headers(self, url: str) -> dict[str, str]:
        """Conditional-GET headers for ``url``."""
        seen = self.validators.get(url, {})
        headers = {}
        if seen.get("etag"):
            headers["If-None-Match"] = seen["etag"]
        if seen.get("last_modified"):
            headers["If-Modified-Since"] = seen["last_modified"]
        return headers

    def remember(self, response: Response) -> None:
        """Keep ``response``'s validators for next time."""
        if response.etag or response.last_modified:
            self.validators[response.url] = {k: v for k, v in
                                             (("etag", response.etag), ("last_modified", response.last_modified)) if v}


class Client:
    """A polite HTTP client: robots.txt, retries with backoff, conditional GET."""

    def __init__(self, state: FetchState, sleep: Callable[[float], None] = time.sleep,
                 timeout: float = TIMEOUT) -> None:
        self.state = state
        self.sleep = sleep
        self.timeout = timeout
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets waqai fetch ``url`` (no robots.txt: yes)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            robots = urllib.robotparser.RobotFileParser()
            try:
                response = self._get(f"{host}/robots.txt", {}, tries=1)
                robots.parse(response.body.decode("utf-8", "replace").splitlines())
            except FetchFailed:
                robots = None  # unreachable or absent robots.txt: nothing forbids
            self._robots[host] = robots
        robots = self._robots[host]
        return robots is None or robots.can_fetch(USER_AGENT, url)

    def get(self, url: str) -> Response:
        """GET ``url`` (conditionally, when it was fetched before); FetchFailed with the reason."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchFailed(f"{url}: only http and https URLs can be fetched")
        if not self.allowed(url):
            raise FetchFailed(f"{url}: robots.txt does not allow fetching it")
        return self._get(url, self.state.headers(url), tries=TRIES)

    def _get(self, url: str, headers: dict[str, str], tries: int) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **headers})
        delay = BACKOFF
        for attempt in range(1, tries + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                    body = reply.read(MAX_BYTES + 1)
                    if len(body) > MAX_BYTES:
                        raise FetchFailed(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
                    return Response(reply.geturl(), reply.status, body, reply.headers.get("Content-Type", ""),
                                    reply.headers.get("ETag"), reply.headers.get("Last-Modified"))
            except urllib.error.HTTPError as error:
                if error.code == 304:
                    return Response(url, 304)
                if error.code not in _RETRY_STATUS or attempt == tries:
                    raise FetchFailed(f"{url}: HTTP {error.code} {error.reason}") from None
                delay = _retry_after(error.headers.get("Retry-After"), delay)
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                if attempt == tries:
                    reason = getattr(error, "reason", error)
                    raise FetchFailed(f"{url}: {reason}") from None
            self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")


def _retry_after(value: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), capped."""
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return default
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def is_feed(response: Response) -> bool:
    """Whether a response is an RSS/Atom feed (by its type, or by its first element)."""
    kind = response.content_type.split(";")[0].strip().lower()
    if kind.startswith(_FEED_TYPES) or kind.endswith("+xml"):
        return True
    head = response.body[:512].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: its page's URL, title and day."""

    url: str
    title: str | None
    published: date | None


def feed_entries(response: Response) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and its entries; FetchFailed when it cannot be parsed at all."""
    import feedparser

    parsed = feedparser.parse(response.body)
    if parsed.bozo and not parsed.entries:
        raise FetchFailed(f"{response.url}: not a readable feed ({parsed.get('bozo_exception')})")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(FeedEntry(link, entry.get("title"), date(*when[:3]) if when else None))
    return parsed.feed.get("title"), entries


@dataclass(frozen=True, slots=True)
class SavedPage:
    """A page downloaded and saved, with what its feed or URL said about it."""

    path: Path
    url: str
    source: str
    published: date | None


@dataclass
class FetchSummary:
    """What a fetch run did."""

    unchanged: int = 0
    older: int = 0
    failures: list[str] = field(default_factory=list)
    saved: list[SavedPage] = field(default_factory=list)

    def line(self) -> str:
        """One line for the end of a run."""
        return (f"{len(self.saved)} pages downloaded, {self.unchanged} unchanged since the last fetch, "
                f"{self.older} feed entries older than --since, {len(self.failures)} failed")


def page_path(folder: Path, url: str) -> Path:
    """Where the page of ``url`` is saved: one file per URL, named by its hash."""
    return folder / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:24]}.html"


def fetch(urls: list[str], folder: Path, client: Client, since: date | None = None) -> FetchSummary:
    """Download pages and feeds' pages into ``folder``; the summary lists the pages saved.

    A URL that fails is recorded in the summary and the run goes on. The
    client's state learns the new validators; the caller saves it once the
    pages are stored, so a run that dies before storing them fetches them again.
    """
    folder.mkdir(parents=True, exist_ok=True)
    summary = FetchSummary()

    def page(url: str, source: str | None, day: date | None, response: Response | None = None) -> None:
        response = response or client.get(url)
        if response.status == 304:
            summary.unchanged += 1
            return
        path = page_path(folder, url)
        path.write_bytes(response.body)
        client.state.remember(response)
        summary.saved.append(SavedPage(path, url, source or urlsplit(url).netloc, day))

    for url in urls:
        try:
            response = client.get(url)
            if response.status == 200 and is_feed(response):
                title, entries = feed_entries(response)
                client.state.remember(response)
                for entry in entries:
                    if since and entry.published and entry.published < since:
                        summary.older += 1
                        continue
                    try:
                        page(entry.url, title, entry.published)
                    except FetchFailed as error:
                        summary.failures.append(str(error))
            elif response.status == 304:
                summary.unchanged += 1
            else:
                page(url, None, None, response)
        except FetchFailed as error:
            summary.failures.append(str(error))
    return summary


def parse_since(text: str) -> date:
    """The ``--since`` day; InputError when it is not YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--since: bad date {text!r} (expected YYYY-MM-DD)") from None
