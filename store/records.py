"""Extraction records: one JSON line per analysed article, and loading them.

``waqai extract --jsonl`` writes, per article, everything ingest stores: the
document's metadata, text and SHA-256, its sentences with offsets, its
timexes and its event candidates (``docs/extract-jsonl.md`` documents the
shape, version 1). A Spark or Dask job elsewhere can produce these lines
with ``record(prepare(article))``; ``waqai load`` stores them with the same
single writer and merge rule as ``waqai ingest``, so the database is the
same as if the articles had been ingested here.

Loading validates every line of every file before the first write (bad input
stores nothing), then reads them again to store them: memory stays constant
whatever the size of the files.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from waqai.extract.events import EventCandidate
from waqai.extract.gazetteer import gazetteer
from waqai.extract.pipeline import Analysis
from waqai.extract.segment import Layout, Sentence
from waqai.extract.timex import Timex

from .db import Database
from .errors import InputError
from .ingest import Article, IngestSummary, Input, Prepared, _expand, _prepared, check_readable, known_digests, write_prepared

FORMAT = "waqai-extract"
VERSION = 1


def record(item: Prepared) -> dict:
    """The version-1 record of one prepared article (see docs/extract-jsonl.md)."""
    article, analysis = item.article, item.analysis
    if analysis is None:
        raise ValueError("a record needs the article's analysis (it was skipped as already stored)")
    layout = analysis.layout
    timex_index = {t.start: i for i, t in enumerate(analysis.timexes)}
    for s in layout.sentences:
        if item.text[s.start:s.end] != s.text:  # the record stores offsets only
            raise ValueError(f"{article.name}: sentence {s.index} is not the text at its offsets")
    return {
        "format": FORMAT,
        "version": VERSION,
        "doc": article.name,
        "path": str(article.path),
        "sha256": item.digest,
        "encoding": item.encoding,
        "title": layout.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_estimated": article.published_estimated,
        "furniture_lines": layout.furniture_lines,
        "text": item.text,
        "sentences": [{"index": s.index, "paragraph": s.paragraph, "start": s.start, "end": s.end}
                      for s in layout.sentences],
        "timexes": [t.as_json() for t in analysis.timexes],
        "events": [{
            "timex": timex_index[c.timex.start],
            "sentence": c.sentence.index,
            "title": c.title,
            "entities": list(c.entities),
            "clause_entities": sorted(c.clause_entities),
            "clause_tokens": sorted(c.clause_tokens),
            "attribution": c.attribution,
            "stance": c.stance,
        } for c in analysis.events],
    }


def extract_records(inputs: list[Input], jobs: int = 1, bad_rows: list | None = None) -> Iterator[dict]:
    """Records of every article of ``inputs`` (files, folders' files, dump rows), in input order.

    Inputs are checked first, as ingest does; a dump's unusable rows are
    appended to ``bad_rows``.
    """
    inputs = check_readable(inputs)  # with learned furniture, so records match what ingest stores
    bad_rows = [] if bad_rows is None else bad_rows
    for item in _prepared(_expand(inputs, bad_rows), frozenset(), jobs):
        if item.failed:
            bad_rows.append(item.failure())
            continue
        yield record(item)


class BadRecord(ValueError):
    """A line that is not a valid extraction record."""


def _day(value, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadRecord(f"{what}: {value!r} is not a YYYY-MM-DD day") from None


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise BadRecord(message)


def prepared_from_record(data: object, known: frozenset[str] = frozenset()) -> Prepared:
    """Rebuild the writer's input from a record, checking it on the way; BadRecord when invalid.

    A record whose text is already stored (its SHA-256 in ``known``) comes
    back without analysis, which the writer counts as skipped.
    """
    _check(isinstance(data, dict), "not a JSON object")
    _check(data.get("format") == FORMAT, f"not a waqai extraction record (format {data.get('format')!r})")
    version = data.get("version")
    _check(isinstance(version, int) and version <= VERSION,
           f"record version {version!r}: this waqai reads version {VERSION} and older; upgrade waqai")
    try:
        text, digest = data["text"], data["sha256"]
        _check(isinstance(text, str) and isinstance(data["doc"], str), "text and doc must be strings")
        _check(hashlib.sha256(text.encode("utf-8")).hexdigest() == digest, "sha256 does not match the text")
        article = Article(Path(data["path"]), _day(data["published"], "published"), bool(data["published_estimated"]),
                          data["source"], data["url"], locator=data["doc"])
        if digest in known:
            return Prepared(article, text, data["encoding"], digest, None)
        sentences = []
        for s in data["sentences"]:
            start, end = s["start"], s["end"]
            _check(isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text),
                   f"sentence {s['index']}: offsets outside the text")
            _check(isinstance(s["index"], int) and isinstance(s["paragraph"], int), "sentence index and paragraph must be integers")
            sentences.append(Sentence(s["index"], s["paragraph"], start, end, text[start:end], -1, -1))
        timexes = []
        for t in data["timexes"]:
            _check(isinstance(t["start"], int) and isinstance(t["end"], int) and text[t["start"]:t["end"]] == t["text"],
                   f"timex at {t['start']}: its text is not the text at its offsets")
            _check(isinstance(t["type"], str) and isinstance(t["value"], str) and isinstance(t["mod"], (str, type(None))),
                   f"timex at {t['start']}: type and value must be strings, mod a string or null")
            timexes.append(Timex(t["start"], t["end"], t["text"], t["type"], t["value"], t["mod"],
                                 _day(t.get("begin"), "timex begin"), _day(t.get("end_day"), "timex end_day")))
        by_index = {s.index: s for s in sentences}
        names = gazetteer().entities
        events = []
        for e in data["events"]:
            _check(isinstance(e["timex"], int) and 0 <= e["timex"] < len(timexes), f"event timex {e['timex']!r} out of range")
            timex = timexes[e["timex"]]
            _check(timex.begin is not None and timex.last is not None, f"event dated by {timex.text!r}, which has no interval")
            _check(e["sentence"] in by_index, f"event sentence {e['sentence']!r} is not among the sentences")
            _check(isinstance(e["title"], str), "event title must be a string")
            unknown = [i for i in e["entities"] if i not in names]
            _check(not unknown, f"entities {unknown} are not in this gazetteer (extract and load with the same data)")
            events.append(EventCandidate(timex, by_index[e["sentence"]], e["title"], tuple(e["entities"]),
                                         frozenset(e["clause_entities"]), frozenset(e["clause_tokens"]),
                                         e["attribution"], e["stance"]))
        layout = Layout(None, data["title"], tuple(sentences), data["furniture_lines"])
    except (KeyError, TypeError, AttributeError) as error:
        raise BadRecord(f"missing or malformed field ({type(error).__name__}: {error})") from None
    return Prepared(article, text, data["encoding"], digest, Analysis(layout, timexes, events))


def _open(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def _lines(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """(``file:line``, text) of every non-blank line."""
    for path in paths:
        try:
            with _open(path) as handle:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        yield f"{path}:{number}", line
        except (OSError, UnicodeDecodeError, EOFError) as error:
            raise InputError(f"{path}: cannot be read ({error})") from None


def _parsed(paths: Iterable[Path], known: frozenset[str]) -> Iterator[Prepared]:
    for where, line in _lines(paths):
        try:
            yield prepared_from_record(json.loads(line), known)
        except (ValueError, RecursionError) as error:  # BadRecord and JSON errors alike
            raise InputError(f"{where}: {error}") from None


def check_records(paths: list[Path]) -> int:
    """Validate every line of every file; the number of records, InputError at the first bad one."""
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
    return sum(1 for _ in _parsed(paths, frozenset()))


def load(db: Database, paths: list[Path], progress: Callable[[Article], None] | None = None) -> IngestSummary:
    """Store the records of ``paths`` as ``ingest`` stores articles (same writer, same merges).

    Everything is validated before the first write. Records whose text is
    already stored are skipped, so loading the same file twice is harmless.
    """
    check_records(paths)
    summary = IngestSummary()
    return write_prepared(db, _parsed(paths, known_digests(db)), summary, progress)
