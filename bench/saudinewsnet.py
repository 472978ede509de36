"""Read articles of the SaudiNewsNet development slice by id, without copying them anywhere.

The slice (``../shared/datasets/saudinewsnet-dev`` by default) holds one zip per day, each
with one JSON array of articles. An article's id is ``DAY#INDEX``: the zip's day and the
article's position in its array (``2015-07-22#123``). Gold files in ``bench/gold/`` keep only
these ids, offsets and values; the texts are read from the slice at scoring time, because the
corpus licence (CC BY-NC-SA) keeps the articles out of the repository.

The publication date (DCT) of an article is the day of its ``date_extracted`` field.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "saudinewsnet-dev"


@dataclass(frozen=True, slots=True)
class Article:
    """One article of the slice."""

    id: str
    source: str
    url: str
    title: str
    content: str
    dct: date


@lru_cache(maxsize=None)
def _day(path: str, day: str) -> list[dict]:
    with zipfile.ZipFile(Path(path) / f"{day}.zip") as archive:
        return json.loads(archive.read(f"{day}.json"))


def days(path: Path = DEFAULT_PATH) -> list[str]:
    """The days held by the slice, in order."""
    return sorted(p.stem for p in Path(path).glob("*.zip"))


def article(article_id: str, path: Path = DEFAULT_PATH) -> Article:
    """The article with id ``DAY#INDEX``."""
    day, index = article_id.split("#")
    raw = _day(str(path), day)[int(index)]
    return Article(
        id=article_id,
        source=raw["source"],
        url=raw["url"],
        title=raw.get("title") or "",
        content=raw["content"],
        dct=date.fromisoformat(raw["date_extracted"][:10]),
    )


def articles(path: Path = DEFAULT_PATH):
    """Every article of the slice, day by day, in array order."""
    for day in days(path):
        for index in range(len(_day(str(path), day))):
            yield article(f"{day}#{index}", path)
