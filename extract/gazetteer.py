"""Actors and places named in text, from the gazetteer in ``data/gazetteer.json``.

Names match on folded text, so أبو آلاء الولائي and أبو العلاء الولائي, or
سوريا and سورية, need one alias each at most; quotes inside a name
(كتائب “حزب الله”) and one-letter proclitics before it (والعراق، بسوريا،
للعراق) are allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_json, squash
from .normalize import fold, fold_with_offsets

_QUOTES = "\"“”«»'‘’"
_GAP = rf"[\s{_QUOTES}]+"


@dataclass(frozen=True, slots=True)
class Entity:
    """One gazetteer entry."""

    id: str
    kind: str
    name: str
    name_en: str
    lat: float | None = None
    lon: float | None = None
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named in a text (original offsets)."""

    entity: Entity
    start: int
    end: int


@dataclass(frozen=True)
class Gazetteer:
    """The loaded gazetteer with its compiled matcher."""

    entities: dict[str, Entity]
    by_alias: dict[str, str]
    pattern: re.Pattern[str]

    def mentions(self, text: str) -> list[Mention]:
        """Every entity mention in ``text``, longest names first where they overlap."""
        folded = fold_with_offsets(text)
        found = []
        for m in self.pattern.finditer(folded.folded):
            key = _alias_key(m.group("name"))
            entity_id = self.by_alias.get(key)
            if entity_id is None:
                continue
            start, end = folded.original_span(m.start("name"), m.end("name"))
            found.append(Mention(self.entities[entity_id], start, end))
        return found

    def find(self, name: str) -> Entity | None:
        """Look an entity up by id, Arabic name or alias, or English name."""
        if name in self.entities:
            return self.entities[name]
        entity_id = self.by_alias.get(_alias_key(fold(name)))
        if entity_id:
            return self.entities[entity_id]
        lowered = name.strip().lower()
        return next((e for e in self.entities.values() if e.name_en.lower() == lowered), None)


def _alias_key(folded_name: str) -> str:
    return squash(re.sub(rf"[{_QUOTES}]", " ", folded_name))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load ``gazetteer.json`` once and compile one matcher for every alias."""
    data = load_json("gazetteer.json")
    entities: dict[str, Entity] = {}
    by_alias: dict[str, str] = {}
    for row in data["entities"]:
        entity = Entity(row["id"], row["kind"], row["name"], row.get("name_en", ""), row.get("lat"),
                        row.get("lon"), bool(row.get("generic", False)))
        entities[entity.id] = entity
        for alias in [row["name"], *row.get("aliases", [])]:
            key = _alias_key(fold(alias))
            by_alias.setdefault(key, entity.id)
            if key.startswith("ال"):
                by_alias.setdefault("لل" + key[2:], entity.id)  # للعراق = ل + العراق
    aliases = sorted(by_alias, key=len, reverse=True)
    names = "|".join(_GAP.join(re.escape(word) for word in alias.split()) for alias in aliases)
    pattern = re.compile(rf"(?<![^\W\d_])(?:[وفبلك]{{1,2}})?[{_QUOTES}]?(?P<name>{names})(?![^\W\d_])")
    return Gazetteer(entities, by_alias, pattern)
