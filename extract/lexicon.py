"""Loading the data files in ``data/`` (lexicons, gazetteer, bundled corpus).

Words live in JSON files so that users can extend them without touching
code. A folder named by ``$WAQAI_DATA_DIR`` is looked at first, so a user can
override any file (``lexicon/months.json``, ``gazetteer.json``) with their own
copy.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

from .normalize import fold


def data_path(relative: str) -> Path:
    """Return the path of a data file, preferring ``$WAQAI_DATA_DIR`` overrides."""
    override = os.environ.get("WAQAI_DATA_DIR")
    if override:
        candidate = Path(override) / relative
        if candidate.exists():
            return candidate
    return Path(str(files("waqai.data").joinpath(relative)))


@lru_cache(maxsize=None)
def load_json(relative: str) -> Any:
    """Load and cache a JSON data file such as ``lexicon/months.json``.

    A user's override is checked against the bundled file's shape; a
    malformed one raises DataFileError naming the file and the field.
    """
    path = data_path(relative)
    bundled = Path(str(files("waqai.data").joinpath(relative)))
    if path == bundled:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    from .data_shape import DataFileError, check_shape

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise DataFileError(f"{path}: not a readable JSON data file ({error})") from None
    with open(bundled, encoding="utf-8") as handle:
        try:
            check_shape(data, json.load(handle))
        except DataFileError as error:
            raise DataFileError(f"{path}: {error}") from None
    return data


def alternation(words: Iterable[str]) -> str:
    """Build a regex alternation of folded words, longest first.

    Spaces inside multi-word entries match any run of horizontal spaces, so
    ``تشرين الأول`` also matches ``تشرين  الأول``.
    """
    folded = {fold(w).strip() for w in words if w and w.strip()}
    parts = sorted(folded, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"[^\S\n]+") for p in parts) + ")"


def trie_alternation(words: Iterable[str]) -> str:
    """``alternation(words)`` with shared beginnings written once: the same matches, found faster.

    Python's regex engine tries the branches of an alternation one by one at
    every position, so 60 number words cost 60 tests where a prefix tree costs
    a few. The branches of a node come before the end of its word, so, as in
    ``alternation`` (longest first), the words that fit at a position are tried
    longest first: they are prefixes of one another, the branches of one path.
    """
    root: dict = {}
    for word in {fold(w).strip() for w in words if w and w.strip()}:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = None  # the end of a word
    return "(?:" + _trie_body(root) + ")"


def _trie_body(node: dict) -> str:
    branches = [(r"[^\S\n]+" if char == " " else re.escape(char)) + _trie_body(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    ends = "" in node
    if len(branches) == 1:
        return f"(?:{branches[0]})?" if ends else branches[0]
    return "(?:" + "|".join(branches) + (")?" if ends else ")")


def folded_index(mapping: dict[str, list[str]]) -> dict[str, str]:
    """Invert ``{key: [words]}`` into ``{folded word with single spaces: key}``."""
    index: dict[str, str] = {}
    for key, words in mapping.items():
        if key.startswith("_"):
            continue
        for word in words:
            index[squash(fold(word))] = key
    return index


def folded_words(words: Iterable[str]) -> frozenset[str]:
    """The words folded and with single spaces, as the taggers compare them."""
    return frozenset(squash(fold(w)) for w in words)


_SPACES = re.compile(r"\s+")


def any_spelling(pattern: str) -> str:
    """A regex pattern (already escaped) made to match unfolded text in any hamza/alef, ya/alef
    maqsura and ta marbuta spelling (يشار الى ان as well as يشار إلى أن, الاولى as well as الأولى)."""
    return re.sub("[اأإآ]", "[اأإآ]", pattern).replace("ى", "[ىي]").replace("ة", "[ةه]")


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    # Same as _SPACES.sub(" ", text).strip(): \s and str.split() share one definition of white space.
    return " ".join(text.split())
