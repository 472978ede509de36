"""Ingesting articles: files and folders in, documents/sentences/timexes/events stored.

Every document is stored in one ``BEGIN IMMEDIATE`` transaction: a crash or
Ctrl+C leaves it fully stored or absent. The same content (by SHA-256) is
stored once. Every input is checked before anything is written.

Extraction (``prepare``) is pure and picklable, so ``jobs > 1`` runs it in
worker processes while this process stays the single writer, storing
documents in input order so that merging does not depend on timing.
"""

from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import threading
from bisect import bisect_right
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from waqai.extract import furniture
from waqai.extract.events import EventCandidate
from waqai.extract.titles import better_title
from waqai.extract.gazetteer import gazetteer
from waqai.extract.merge import SHARED_WORDING_ALONE, MergeKey, deictic, jaccard, same_happening, strength
from waqai.extract.normalize import fold
from waqai.extract.pipeline import Analysis, analyze
from waqai.extract.dumps import BadRow, DumpError, FieldMap, is_dump, read_dump
from waqai.extract.data_shape import DataFileError
from waqai.extract.reader import ARTICLE_SUFFIXES, ArticleText, UnreadableArticle, read_article

from . import merge_index, sentences
from .db import Database, ensure_intact, immediate_transaction
from .errors import IngestStopped, InputError


@dataclass(frozen=True, slots=True)
class Article:
    """One file to ingest, with its manifest metadata."""

    path: Path
    published: date | None = None
    published_estimated: bool = False
    source: str | None = None
    url: str | None = None
    text: str | None = None  # a dump row's text; None for a file, which is read when prepared
    title: str | None = None
    locator: str | None = None  # where a dump row came from: "day.zip!day.json#12"
    furniture: frozenset[str] = frozenset()  # learned from the source's articles in this run

    @property
    def name(self) -> str:
        """The document's name: the file's, or the dump row's locator."""
        return self.locator or self.path.name


@dataclass
class IngestSummary:
    """What an ingest run did."""

    documents: int = 0
    sentences: int = 0
    timexes: int = 0
    events: int = 0
    merged: int = 0
    skipped: int = 0
    empty: int = 0
    interrupted: bool = False
    skipped_names: list[str] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    failed: list[BadRow] = field(default_factory=list)  # articles whose analysis raised (not stored)

    def skip(self, name: str) -> None:
        """Count a document whose content was already stored."""
        self.skipped += 1
        self.skipped_names.append(name)

    def line(self) -> str:
        """The one-line summary printed at the end of an ingest."""
        text = (
            f"{self.documents} documents, {self.sentences} sentences, {self.timexes} timexes, "
            f"{self.events} new events, {self.merged} merged into existing events, {self.skipped} skipped (already stored)"
        )
        if self.bad_rows:
            text += f", {len(self.bad_rows)} bad dump rows skipped"
        if self.empty:
            text += f", {self.empty} empty files skipped"
        if self.failed:
            text += f", {len(self.failed)} articles waqai failed to analyse (not stored)"
        return text + (" — interrupted, the rest was not ingested (run the same command again to finish)" if self.interrupted else "")


def parse_day(text: str, where: str) -> date:
    """Parse a YYYY-MM-DD publication date, raising InputError naming ``where``."""
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise InputError(f"{where}: bad publication date {text!r} (expected YYYY-MM-DD)") from None


def _manifest(folder: Path) -> dict[str, dict]:
    path = folder / "manifest.json"
    return read_manifest(path) if path.exists() else {}


def read_manifest(path: Path) -> dict[str, dict]:
    """A manifest's rows by file name (relative to the manifest); InputError when malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        rows = data["documents"]
        return {row["file"]: row for row in rows}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not a valid manifest ({error})") from None


@dataclass(frozen=True, slots=True)
class Dump:
    """A dump of many articles (.json, .jsonl, .ndjson, .csv, .zip), read row by row at ingest."""

    path: Path
    fields: FieldMap
    published: date | None = None
    source: str | None = None
    url: str | None = None
    furniture: dict[str, frozenset[str]] = field(default_factory=dict)  # by source, learned in this run

    def articles(self, bad_rows: list[BadRow]) -> Iterator[Article]:
        """The dump's usable rows as articles; the others are appended to ``bad_rows``."""
        for row in read_dump(self.path, self.fields):
            if isinstance(row, BadRow):
                bad_rows.append(row)
                continue
            source = row.source or self.source
            yield Article(self.path, row.published or self.published, False, source, row.url or self.url,
                          text=row.text, title=row.title, locator=row.locator,
                          furniture=self.furniture.get(source, frozenset()))


Input = Article | Dump


def collect(paths: Iterable[str | Path], published: date | None = None, source: str | None = None,
            url: str | None = None, fields: FieldMap | None = None) -> list[Input]:
    """Resolve files, folders and dumps into inputs, validating names and manifests first."""
    articles: list[Input] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_file() and is_dump(path):
            articles.append(Dump(path, fields or FieldMap.parse(), published, source, url))
        elif path.is_dir():
            manifest = _manifest(path)
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise InputError(f"{path}: no .txt, .md or .html articles in this folder")
            for file in files:
                _check_name(file)
                row = manifest.get(file.relative_to(path).as_posix(), {})
                articles.append(_manifest_article(file, row, f"{path / 'manifest.json'} ({file.name})",
                                                  published, source, url))
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            _check_name(path)
            articles.append(Article(path, published, False, source, url))
        else:
            raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; waqai reads .txt, .md, .html, .htm"
                             " and dumps (.json, .jsonl, .ndjson, .csv, .zip)")
    return articles


def _check_name(path: Path) -> None:
    """Refuse a file name the database cannot store (bytes that are not UTF-8)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise InputError(f"{shown}: the file name is not valid UTF-8; rename the file") from None


def _manifest_article(file: Path, row: dict, where: str, published: date | None, source: str | None,
                      url: str | None) -> Article:
    """One manifest row as an Article, every field checked for its type."""
    for key in ("published", "source", "url"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise InputError(f"{where}: {key!r} must be a string, not {type(row[key]).__name__}")
    estimated = row.get("published_estimated", False)
    if not isinstance(estimated, bool):
        raise InputError(f"{where}: 'published_estimated' must be true or false, not {estimated!r}")
    day = row.get("published")
    return Article(file, parse_day(day, where) if day else published, estimated,
                   row.get("source", source), row.get("url", url))


def check_readable(inputs: list[Input], sample: int = 300) -> list[Input]:
    """Read every file and parse every dump once, so bad input stops the run before any write;
    the inputs come back with the furniture each source repeats across its articles.

    The same pass gathers at most ``sample`` texts per source for
    ``extract/furniture.py`` (a dump's rows are streamed, not held). A dump's
    bad rows are not bad input: they are skipped and reported at ingest.
    """
    texts: dict[str, list[str]] = {}

    def keep(source: str | None, text: str) -> None:
        if source and len(texts.setdefault(source, [])) < sample:
            texts[source].append(text)

    for item in inputs:
        if isinstance(item, Dump):
            try:
                for row in read_dump(item.path, item.fields):
                    if not isinstance(row, BadRow):
                        keep(row.source or item.source, row.text)
            except DumpError as error:
                raise InputError(str(error)) from None
            continue
        try:
            keep(item.source, read_article(item.path).text)
        except UnreadableArticle as error:
            raise InputError(str(error)) from None
    learned = {source: furniture.learn(group) for source, group in texts.items()
               if len(group) >= furniture.MIN_ARTICLES}
    return [replace(item, furniture=learned) if isinstance(item, Dump)
            else replace(item, furniture=learned.get(item.source, frozenset())) for item in inputs]


@dataclass(slots=True)
class Prepared:
    """One article read and analysed, ready for the writer (picklable)."""

    article: Article
    text: str
    encoding: str
    digest: str
    analysis: Analysis | None  # None when the content is already stored (or empty)
    encoding_confidence: float = 1.0
    empty: bool = False
    failed: str | None = None  # why the analysis raised: a bug to report, the ingest goes on

    def failure(self) -> BadRow:
        """The article whose analysis raised, and the error, as ingest and extract --jsonl list it."""
        return BadRow(self.article.name, f"waqai failed to analyse it ({self.failed}); please report this")


def prepare(article: Article, known: frozenset[str] = frozenset()) -> Prepared:
    """Read and analyse one article; skip the analysis of content already stored."""
    if article.text is not None:
        read = ArticleText(article.text, "utf-8", article.title, format="dump")
    else:
        try:
            read = read_article(article.path)
        except UnreadableArticle as error:
            raise InputError(str(error)) from None
    digest = hashlib.sha256(read.text.encode("utf-8")).hexdigest()
    if read.published and not article.published:
        article = replace(article, published=read.published)
    if not read.text.strip():
        return Prepared(article, read.text, read.encoding, digest, None, read.encoding_confidence, empty=True)
    if digest in known:
        return Prepared(article, read.text, read.encoding, digest, None, read.encoding_confidence)
    try:
        analysis = analyze(read.text, article.published, article.source, title=read.title, furniture=article.furniture)
    except DataFileError:
        raise  # the user's malformed lexicon or gazetteer override: every article would fail alike
    except Exception as error:  # noqa: BLE001 - one article's bug must not stop an archive of thousands
        return Prepared(article, read.text, read.encoding, digest, None, read.encoding_confidence,
                        failed=f"{type(error).__name__}: {error}")
    # The folded copy and its offset map are only needed during analysis.
    analysis = replace(analysis, layout=replace(analysis.layout, folded=None))
    return Prepared(article, read.text, read.encoding, digest, analysis, read.encoding_confidence)


_known_in_worker: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    import signal

    global _known_in_worker
    _known_in_worker = known
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the writer's to handle


def _prepare_in_worker(article: Article) -> Prepared:
    return prepare(article, _known_in_worker)


def _prepared(articles: Iterable[Article], known: frozenset[str], jobs: int) -> Iterator[Prepared]:
    """Prepared articles in input order, from worker processes when ``jobs > 1``."""
    if jobs <= 1:
        for article in articles:
            yield prepare(article, known)
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(known,))
    window: deque = deque()
    pending = iter(articles)
    try:
        for article in pending:
            window.append(pool.submit(_prepare_in_worker, article))
            if len(window) >= jobs * 8:  # bounded: results never pile up in memory
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _expand(inputs: list[Input], bad_rows: list[BadRow]) -> Iterator[Article]:
    """Files as they are and dumps row by row, so a dump is never held in memory whole."""
    for item in inputs:
        if isinstance(item, Dump):
            yield from item.articles(bad_rows)
        else:
            yield item


Runner = Callable[[Iterable[Article], frozenset[str]], Iterator[Prepared]]


def known_digests(db: Database) -> frozenset[str]:
    """The SHA-256 of every stored document's text."""
    return frozenset(row[0] for row in db.execute("SELECT sha256 FROM documents"))


def ingest(db: Database, articles: list[Input],
           progress: Callable[[Article], None] | None = None, jobs: int = 1,
           runner: Runner | None = None) -> IngestSummary:
    """Store articles one transaction each; already stored content is skipped.

    Every file is read and every dump parsed before the first write, so bad
    input stores nothing (a dump's unusable rows are skipped and listed in the
    summary). Ctrl+C stops after the document being written and the summary
    says so; a second Ctrl+C stops at once (the open transaction is rolled back).
    ``runner`` replaces the local extraction (worker processes) by another one
    that yields Prepared articles in input order, e.g. a Dask cluster.
    """
    summary = IngestSummary()
    articles = check_readable(articles)
    known = known_digests(db)
    expanded = _expand(articles, summary.bad_rows)
    prepared = runner(expanded, known) if runner else _prepared(expanded, known, jobs)
    return write_prepared(db, prepared, summary, progress)


def write_prepared(db: Database, prepared: Iterator[Prepared], summary: IngestSummary,
                   progress: Callable[[Article], None] | None = None) -> IngestSummary:
    """The single writer: store prepared articles in order, one transaction each.

    Shared by ``ingest`` and ``waqai load``; closes ``prepared`` when done.
    A damaged database is refused before the first write (``ensure_intact``).
    """
    ensure_intact(db)
    _STORED.start()
    try:
        with _interrupt_between_documents() as stop_requested:
            for item in prepared:
                if item.empty:
                    summary.empty += 1
                elif item.failed:
                    summary.failed.append(item.failure())
                elif item.analysis is None:
                    summary.skip(item.article.name)
                else:
                    _store(db.conn, item, summary)
                if progress:
                    progress(item.article)
                if stop_requested():
                    summary.interrupted = next(prepared, None) is not None
                    break
    except KeyboardInterrupt:
        summary.interrupted = True
    except sqlite3.OperationalError as error:
        # The document being written was rolled back; the ones before it are stored.
        raise IngestStopped(f"{db.path}: the database refused the write ({error}); the documents counted above are"
                            " stored, the rest are not: free some space and run the same command again", summary) from None
    finally:
        _STORED.stop()
        if hasattr(prepared, "close"):
            prepared.close()  # stops worker processes now, not when the generator is collected
    if summary.documents:
        from .edits import apply_dates

        apply_dates(db)  # the analyst's corrections of the articles just stored (store/edits.py)
    return summary


@contextmanager
def _interrupt_between_documents() -> Iterator[Callable[[], bool]]:
    """Make Ctrl+C a request honoured between documents; a second Ctrl+C interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: False
        return
    requests: list[int] = []

    def request_stop(signum, frame) -> None:
        if requests:
            raise KeyboardInterrupt
        requests.append(signum)

    previous = signal.signal(signal.SIGINT, request_stop)
    try:
        yield lambda: bool(requests)
    finally:
        signal.signal(signal.SIGINT, previous)


def _store(conn: sqlite3.Connection, item: Prepared, summary: IngestSummary) -> None:
    with immediate_transaction(conn):
        # Another process may have stored the same text since we looked.
        stored = conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", [item.digest]).fetchone()
        if not stored:
            counts = _write_document(conn, item)
    if stored:
        summary.skip(item.article.name)
        return
    summary.documents += 1
    summary.sentences += counts[0]
    summary.timexes += counts[1]
    summary.events += counts[2]
    summary.merged += counts[3]


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    # Safe only inside BEGIN IMMEDIATE: no other writer can take ids meanwhile.
    return conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]


def _write_document(conn: sqlite3.Connection, item: Prepared) -> tuple[int, int, int, int]:
    """Insert one analysed article (inside the caller's transaction); returns the counts."""
    article, analysis = item.article, item.analysis
    text = sentences.storable_text(item.text)
    layout = analysis.layout
    doc_id = conn.execute(
        "INSERT INTO documents(name, path, sha256, title, source, url, published, published_estimated, encoding,"
        " encoding_confidence, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (article.name, str(article.path), item.digest, layout.title, article.source, article.url,
         article.published.isoformat() if article.published else None, int(article.published_estimated),
         item.encoding, item.encoding_confidence, text, datetime.now(timezone.utc).isoformat(timespec="seconds")),
    ).lastrowid
    first_sentence = _next_id(conn, "sentences")
    sentence_ids = {s.index: first_sentence + i for i, s in enumerate(layout.sentences)}
    # Plain executemany, not sqlite-utils' insert_all: on 3,978 real articles insert_all
    # cost the single writer about 1 ms more per article (+11 % of its CPU).
    # A sentence is a span of the document's text: no copy of it is stored (store/sentences.py).
    conn.executemany(
        "INSERT INTO sentences(id, doc_id, idx, paragraph, start_offset, end_offset) VALUES (?,?,?,?,?,?)",
        [(sentence_ids[s.index], doc_id, s.index, s.paragraph, s.start, s.end) for s in layout.sentences],
    )
    sentences.index(conn, sentences.index_rows(text, [(sentence_ids[s.index], s.start, s.end) for s in layout.sentences]))
    first_timex = _next_id(conn, "timexes")
    timex_ids = {t.start: first_timex + i for i, t in enumerate(analysis.timexes)}
    starts = [s.start for s in layout.sentences]
    conn.executemany(
        "INSERT INTO timexes(id, doc_id, sentence_id, start_offset, end_offset, text, type, value, mod, begin_day, end_day)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(timex_ids[t.start], doc_id, sentence_ids.get(_sentence_of(starts, layout, t.start)), t.start, t.end, t.text,
          t.type, t.value, t.mod, t.begin.isoformat() if t.begin else None, t.last.isoformat() if t.last else None)
         for t in analysis.timexes],
    )
    new_events = merged = 0
    texts = sentences.Texts(conn, doc_id, text)
    for candidate in analysis.events:
        is_new = _store_event(conn, texts, doc_id, article.published, sentence_ids[candidate.sentence.index],
                              timex_ids[candidate.timex.start], candidate)
        new_events += is_new
        merged += not is_new
    return len(layout.sentences), len(analysis.timexes), new_events, merged


def _sentence_of(starts: list[int], layout, offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    return layout.sentences[i].index if i >= 0 and offset < layout.sentences[i].end else None


_REPORTS_PER_CANDIDATE = 8
JOIN_WORDING = SHARED_WORDING_ALONE


def _report_key(value, mod, entities, tokens, sentence, kind, begin, end, timex_text, doc_id, published) -> MergeKey:
    return MergeKey(value, mod, entities, tokens, sentence, kind,
                    date.fromisoformat(begin) if begin else None, date.fromisoformat(end) if end else None,
                    deictic(timex_text or ""), doc_id, date.fromisoformat(published) if published else None)


class _StoredReports:
    """The merge keys of stored reports, built once per writer run.

    A stored report is a candidate again for every later report sharing a
    signature with it; parsing its words, cutting its sentence from another
    document and reading its date each time was most of the merge's cost.
    Everything a key holds is fixed once the report is stored, except the
    date of its event (a joined event), which is part of the cache key. The
    writer runs one transaction per document and never deletes a stored
    report meanwhile; ``start`` and ``stop`` bracket a run, and outside one
    (``store/redate.py`` rewriting a document) nothing is kept.
    """

    LIMIT = 50_000  # keys kept; past it the cache starts again (memory stays bounded)

    def __init__(self) -> None:
        self.keys: dict[tuple, tuple[MergeKey, ...]] = {}
        self.active = False

    def start(self) -> None:
        """Start a writer run with no key kept."""
        self.keys.clear()
        self.active = True

    def stop(self) -> None:
        """End the run: forget every key."""
        self.keys.clear()
        self.active = False

    def get(self, texts: sentences.Texts, row: tuple) -> tuple[MergeKey, ...]:
        """The keys to compare a candidate row with: the report on its own date, then on its event's
        date when that differs (see ``_merge_target``)."""
        (_, value, mod, entities, tokens, sentence_doc, sentence_start, sentence_end, kind, sentence_id, timex_id,
         event_begin, event_end, own_value, own_mod, own_begin, own_end, own_text, other_doc, other_published) = row
        cache_key = (sentence_id, timex_id, tokens, kind, value, mod, event_begin, event_end)
        found = self.keys.get(cache_key)
        if found is not None:
            return found
        entities, tokens = frozenset(json.loads(entities)), frozenset(json.loads(tokens))
        sentence = texts.get(sentence_doc, sentence_start, sentence_end)
        others = []
        if own_value:
            others.append(_report_key(own_value, own_mod, entities, tokens, sentence, kind, own_begin, own_end,
                                      own_text, other_doc, other_published))
        if not own_value or (own_value, own_mod, own_begin, own_end) != (value, mod, event_begin, event_end):
            others.append(_report_key(value, mod, entities, tokens, sentence, kind, event_begin, event_end, None,
                                      other_doc, other_published))
        found = tuple(others)
        if self.active:
            if len(self.keys) >= self.LIMIT:
                self.keys.clear()
            self.keys[cache_key] = found
        return found


_STORED = _StoredReports()


def _merge_target(conn: sqlite3.Connection, texts: sentences.Texts, c: EventCandidate, doc_id: int,
                  published: date | None, sentence_id: int, timex_id: int,
                  sigs: list[str]) -> tuple[int | None, list[int]]:
    """The stored event this candidate reports, if any (see extract/merge.py), and the other
    stored events it is the same happening as.

    A report that is one happening with two stored events proves them one: a
    paper's ``أمس`` stored a day late and another's ``الاثنين`` became two events
    until a third report said both. The caller joins them.

    Only events sharing a signature with the candidate are looked at
    (store/merge_index.py), so the cost per candidate stays flat. Each stored
    report is compared on its own date (a report merged from the next day
    keeps its "أمس"), and on its event's date when that differs.
    """
    t = c.timex
    begin, end = t.begin.isoformat(), t.last.isoformat()
    key = MergeKey(t.value, t.mod, c.clause_entities, c.clause_tokens, c.sentence.text, c.kind,
                   t.begin, t.last, deictic(t.text), doc_id, published)
    ids = merge_index.candidates(conn, begin, end, t.mod, c.clause_entities, c.clause_tokens, c.sentence.text,
                                 key.deictic, sigs)
    if not ids:
        return None, []
    marks = ",".join("?" * len(ids))
    # An event told by hundreds of reports is judged by its newest few, so the
    # cost per candidate does not grow with the event either.
    rows = conn.execute(
        "SELECT e.id, e.value, e.mod, r.clause_entities, r.clause_tokens, s.doc_id, s.start_offset, s.end_offset, r.kind,"
        " r.sentence_id, r.timex_id, e.begin_day, e.end_day, t.value, t.mod, t.begin_day, t.end_day, t.text, r.doc_id, d.published"
        " FROM events e JOIN"
        " (SELECT es.*, ROW_NUMBER() OVER (PARTITION BY es.event_id ORDER BY es.rowid DESC) AS n"
        f"  FROM event_sources es WHERE es.event_id IN ({marks})) r ON r.event_id = e.id"
        " JOIN sentences s ON s.id = r.sentence_id LEFT JOIN timexes t ON t.id = r.timex_id"
        " JOIN documents d ON d.id = r.doc_id"
        f" WHERE r.n <= {_REPORTS_PER_CANDIDATE} OR r.sentence_id = ? OR r.timex_id = ?",
        [*ids, sentence_id, timex_id],
    ).fetchall()
    # Two happenings cut from one sentence stay apart, and one timex reports an event once.
    excluded = {r[0] for r in rows if r[9] == sentence_id or r[10] == timex_id}
    best, best_strength = None, -1.0
    matched: dict[int, float] = {}  # event → the best wording overlap of its matching reports
    for row in rows:
        row_id = row[0]
        if row_id in excluded:
            continue
        # The report on its own date first, then on its event's date when that differs.
        for other in _STORED.get(texts, row):
            if same_happening(key, other):
                matched[row_id] = max(matched.get(row_id, 0.0), jaccard(key.tokens, other.tokens))
                score = strength(key, other)
                if score > best_strength:
                    best, best_strength = row_id, score
                break
    # Joining chains: only a report told in nearly the words of both events' reports joins them.
    if best is None or matched[best] < JOIN_WORDING:
        return best, []
    return best, [i for i, wording in matched.items() if i != best and wording >= JOIN_WORDING]


def _join_events(conn: sqlite3.Connection, keep: int, others: list[int]) -> None:
    """Move the reports of ``others`` into ``keep`` and drop them: one happening, one event.

    Two events holding reports of one sentence are two happenings cut from it
    and stay apart. ``keep`` keeps its date and title.
    """
    own = {r[0] for r in conn.execute("SELECT sentence_id FROM event_sources WHERE event_id = ?", (keep,))}
    for gone in others:
        theirs = {r[0] for r in conn.execute("SELECT sentence_id FROM event_sources WHERE event_id = ?", (gone,))}
        if own & theirs:
            continue
        own |= theirs
        conn.execute("UPDATE event_sources SET event_id = ? WHERE event_id = ?", (keep, gone))
        conn.execute("INSERT INTO event_keys(key, event_id, n) SELECT key, ?, n FROM event_keys WHERE event_id = ? AND true"
                     " ON CONFLICT (key, event_id) DO UPDATE SET n = n + excluded.n", (keep, gone))
        conn.execute("INSERT OR IGNORE INTO event_entities(event_id, entity_id) SELECT ?, entity_id FROM event_entities"
                     " WHERE event_id = ?", (keep, gone))
        # A happening is denied when a report denies it, planned while every report says so.
        conn.execute(
            "UPDATE events SET stance = CASE WHEN (SELECT stance FROM events WHERE id = ?) = 'denied' THEN 'denied'"
            " ELSE stance END, planned = planned AND (SELECT planned FROM events WHERE id = ?) WHERE id = ?",
            (gone, gone, keep))
        conn.execute("DELETE FROM events WHERE id = ?", (gone,))  # its keys and entity links go with it (cascade)
        conn.execute(
            "UPDATE events SET n_sources = (SELECT COUNT(*) FROM event_sources WHERE event_id = ?),"
            " n_documents = (SELECT COUNT(DISTINCT doc_id) FROM event_sources WHERE event_id = ?) WHERE id = ?",
            (keep, keep, keep))


def _store_event(conn, texts: sentences.Texts, doc_id: int, published: date | None, sentence_id: int, timex_id: int,
                 c: EventCandidate) -> bool:
    """Attach the candidate to the event it reports, or create one. True when created."""
    t = c.timex
    sigs = merge_index.signatures(c.clause_entities, c.clause_tokens, c.sentence.text)  # once: lookup and index
    event_id, also = _merge_target(conn, texts, c, doc_id, published, sentence_id, timex_id, sigs)
    if also:
        _join_events(conn, event_id, also)
    created = event_id is None
    if created:
        event_id = conn.execute(
            "INSERT INTO events(value, mod, begin_day, end_day, granularity, title, stance, planned, n_sources, n_documents)"
            " VALUES (?,?,?,?,?,?,?,?,1,1)",
            (t.value, t.mod, t.begin.isoformat(), t.last.isoformat(), t.granularity or "day", c.title, c.stance,
             int(c.planned)),
        ).lastrowid
    else:
        new_document = conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM event_sources WHERE event_id = ? AND doc_id = ?)", (event_id, doc_id)
        ).fetchone()[0]
        # The event shows its best report's title (a fragment gives way to a verb-first clause).
        current = conn.execute("SELECT title FROM events WHERE id = ?", (event_id,)).fetchone()[0]
        if better_title(c.title, current):
            conn.execute("UPDATE events SET title = ? WHERE id = ?", (c.title, event_id))
        # A happening is planned only while every report says so: one report of it done makes it done.
        conn.execute(
            "UPDATE events SET n_sources = n_sources + 1, n_documents = n_documents + ?,"
            " stance = CASE WHEN ? = 'denied' THEN 'denied' ELSE stance END, planned = planned AND ? WHERE id = ?",
            (new_document, c.stance, int(c.planned), event_id),
        )
    conn.execute(
        "INSERT INTO event_sources(event_id, timex_id, sentence_id, doc_id, attribution, stance, clause_tokens,"
        " clause_entities, planned, kind) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (event_id, timex_id, sentence_id, doc_id, c.attribution, c.stance,
         json.dumps(sorted(c.clause_tokens), ensure_ascii=False), json.dumps(sorted(c.clause_entities)),
         int(c.planned), c.kind),
    )
    merge_index.add_keys(conn, event_id, t.begin.isoformat(), t.last.isoformat(), t.mod,
                         c.clause_entities, c.clause_tokens, c.sentence.text, sigs)
    if c.entities:
        names = gazetteer()
        conn.executemany(
            "INSERT OR IGNORE INTO entities(id, name, name_en, kind, lat, lon) VALUES (?,?,?,?,?,?)",
            [(e.id, e.name, e.name_en, e.kind, e.lat, e.lon) for e in (names.entities[i] for i in c.entities)],
        )
        conn.executemany("INSERT OR IGNORE INTO event_entities(event_id, entity_id) VALUES (?,?)",
                         [(event_id, entity_id) for entity_id in c.entities])
    return created


def bundled_corpus() -> Path:
    """The folder of the bundled corpus shipped in the package."""
    from waqai.extract.lexicon import data_path

    return data_path("corpus")
