"""Actors and places named in text, from the gazetteer in ``data/gazetteer.json``.

Names match on folded text, so أبو آلاء الولائي and أبو العلاء الولائي, or
سوريا and سورية, need one alias each at most; quotes inside a name
(كتائب “حزب الله”) and one- or two-letter proclitics before it (والعراق،
بسوريا، للعراق) are allowed.

Matching is a scan over the words of the folded text with an index from each
name's first word to the names that start with it, so its cost grows with
the text, not with the size of the gazetteer.

Some names need the article to tell whom they name:

* a *weak* alias — a family name alone (الأسد، صالح، هادي), a short form
  (الحشد، التحالف) or a place name that is also a word — names its entity
  only when the article's other names point to it (its country, one of its
  cues, the entity's own full name); a person's family name also needs that
  full name, a title before it (الرئيس الأسد) or a coordinated actor
  (الحوثي وصالح), and never names the person right after another given
  name (سليمان الأسد is not Bashar al-Assad);
* an alias several entities share is given to the one the article's context
  favours, or left unresolved when nothing decides.

A user gazetteer (``waqai entities add``) is merged over the bundled one: see
:func:`user_gazetteer_path`.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .lexicon import load_json
from .normalize import fold, fold_with_offsets

_QUOTES = "\"“”«»'‘’"
_WORD = re.compile(r"[^\W\d_]+|\d+")
_GAP = re.compile(rf"[\s{_QUOTES}\-–]*")
_KUNYA = frozenset({"ابو", "ابي", "ابا", "ام"})
_PROCLITICS = "وفبل"  # ك is left out: كامل is not ك + آمل


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
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named in a text (original offsets)."""

    entity: Entity
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Claim:
    entity_id: str
    weak: bool


@dataclass(frozen=True, slots=True)
class _Raw:
    """A name found in a text before resolution."""

    key: str
    start: int  # folded offsets
    end: int
    proclitic: str
    previous: str  # the folded word before it ("" at the start)
    before_previous: str  # the word before that
    after_and: bool  # the name carries و and follows another name directly


@dataclass
class Context:
    """What an article says around its names: its countries and the entities it names plainly."""

    countries: Counter = field(default_factory=Counter)
    entities: set[str] = field(default_factory=set)
    names_in: dict[str, list] = field(default_factory=dict, repr=False)  # folded sentence -> names found in it

    def holds(self, cue: str) -> bool:
        """Whether a cue (a country code or an entity id) is present in the article."""
        return cue in self.entities or self.countries.get(cue, 0) > 0


def _key(name: str) -> str:
    """The folded lookup key of a name as typed by a user or a data file (quotes and punctuation dropped)."""
    return " ".join(_WORD.findall(fold(name)))


@dataclass(frozen=True)
class Gazetteer:
    """The loaded gazetteer with its word index."""

    entities: dict[str, Entity]
    by_alias: dict[str, tuple[_Claim, ...]]
    first_words: dict[str, dict[str, tuple[tuple[str, ...], ...]]]  # first word -> next word -> tails
    cues: dict[str, tuple[str, ...]]
    titles: frozenset[str]
    first_names: frozenset[str]
    blocked: frozenset[str]
    after_place_word: frozenset[str] = frozenset()  # entity ids named only after a place word
    place_words: frozenset[str] = frozenset()
    english: tuple[tuple[str, str], ...] = ()  # (English name, entity id), indexed on first use
    country_entities: dict[str, str] = field(default_factory=dict)  # ISO code -> country entity id
    _names_en: dict[str, str] = field(default_factory=dict)
    _loose: dict[str, str] = field(default_factory=dict)
    _starts: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # word -> (form, proclitic) that start names

    @property
    def names_en(self) -> dict[str, str]:
        """English names (lower case, punctuation dropped) to entity ids."""
        if not self._names_en and self.english:
            for english, entity_id in self.english:
                self._names_en.setdefault(_english_key(english), entity_id)
            # Then the parts: "Houthis (Ansar Allah)" is found as "ansar allah", "Diyala Governorate"
            # as "diyala", unless a full name already is (Aleppo the city, Turkey the country).
            for english, entity_id in self.english:
                for variant in (*re.split(r"\s*[()]\s*", english), re.sub(r"\s+governorate$", "", english, flags=re.I)):
                    if _english_key(variant):
                        self._names_en.setdefault(_english_key(variant), entity_id)
        return self._names_en

    # -- matching -------------------------------------------------------------------------------

    def _raw(self, folded: str) -> list[_Raw]:
        """Every longest name in a folded text, left to right, before resolution."""
        words = _WORD.findall(folded)
        matches: list[re.Match[str]] = []  # the words' positions, found once a name may start
        found: list[_Raw] = []
        starts = self._starts
        i, last_end, count = 0, -1, len(words)
        while i < count:
            word = words[i]
            candidates = starts.get(word)
            if candidates is None:
                # Most words start no name: remember that once per distinct word.
                candidates = tuple((f, p) for f, p in _forms(word) if f in self.first_words)
                if len(starts) < 200_000:
                    starts[word] = candidates
            if not candidates:
                i += 1
                continue
            if not matches:
                matches = list(_WORD.finditer(folded))
            best: tuple[int, str, str] | None = None  # (words used, key, proclitic)
            following = words[i + 1] if i + 1 < count else None
            for form, proclitic in candidates:
                by_next = self.first_words[form]
                for tail in by_next.get(following, ()) if following is not None else ():
                    n = len(tail) + 1
                    if best and n <= best[0]:
                        break
                    if i + n <= count and _continues(folded, matches, words, i, tail):
                        best = (n, " ".join((form, *tail)), proclitic)
                        break
                if (not best) and () in by_next.get("", ()):
                    best = (1, form, proclitic)
            if best is None:
                i += 1
                continue
            n, key, proclitic = best
            start, end = matches[i].start(), matches[i + n - 1].end()
            previous = words[i - 1] if i else ""
            before_previous = words[i - 2] if i > 1 else ""
            after_and = proclitic.startswith("و") and last_end >= 0 and not folded[last_end:start].strip()
            found.append(_Raw(key, start, end, proclitic, previous, before_previous, after_and))
            last_end = end
            i += n
        return found

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Folded spans of every name the gazetteer holds in a folded text, resolved or not."""
        return [(raw.start, raw.end) for raw in self._raw(folded) if self.by_alias.get(raw.key)]

    def context(self, texts: Iterable[str]) -> Context:
        """The context of an article: countries and entities its unambiguous names give."""
        return self._context(fold(text) for text in texts)

    def article_context(self, layout) -> Context:
        """:meth:`context` of a segmented article, from the folded text it already carries."""
        if getattr(layout, "folded", None) is not None:
            folded = layout.folded.folded
            return self._context(folded[s.folded_start:s.folded_end] for s in layout.sentences)
        return self.context(s.text for s in layout.sentences)

    def _context(self, folded_texts: Iterable[str]) -> Context:
        ctx = Context()
        for folded in folded_texts:
            raws = ctx.names_in[folded] = self._raw(folded)
            for raw in raws:
                claims = self.by_alias.get(raw.key, ())
                strong = [c for c in claims if not c.weak]
                if len(claims) == 1 and strong:
                    entity = self.entities[strong[0].entity_id]
                    ctx.entities.add(entity.id)
                    if entity.country:
                        ctx.countries[entity.country] += 1
        return ctx

    def mentions(self, text: str, context: Context | None = None) -> list[Mention]:
        """Every entity mention in ``text``, longest names first where they overlap.

        ``context`` is the article's (:meth:`context`); without it the text is
        its own context.
        """
        folded = fold_with_offsets(text)
        if context is None:
            context = self.context([text])
        raws = context.names_in.get(folded.folded)
        if raws is None:
            raws = self._raw(folded.folded)
        found = []
        for raw in raws:
            entity_id = self._resolve(raw, context)
            if entity_id is None:
                continue
            start, end = folded.original_span(raw.start, raw.end)
            entity = self.entities[entity_id]
            found.append(Mention(entity, start, end))
            if entity.kind == "person" and " " in raw.key:
                # زعيم الحوثيين، قائد فيلق القدس قاسم سليماني: a title names the group too.
                inner = raw.key.split(" ", 1)[1]
                for group_raw in self._raw(inner):
                    group_id = self._resolve(group_raw, context)
                    if group_id and self.entities[group_id].kind == "group":
                        found.append(Mention(self.entities[group_id], start, end))
        return found

    def _resolve(self, raw: _Raw, ctx: Context) -> str | None:
        claims = self.by_alias.get(raw.key, ())
        if not claims or raw.key in self.blocked:
            return None
        eligible = []
        for claim in claims:
            if claim.entity_id in self.after_place_word and _bare(raw.previous) not in self.place_words:
                continue  # a village named like a word (السجن) counts only as قرية السجن, بلدة السجن…
            kind = self.entities[claim.entity_id].kind
            if kind == "country" and raw.before_previous in _KUNYA and not raw.proclitic:
                continue  # أبو قتادة المغربي is a man, not Morocco
            person = kind == "person"
            if claim.weak and person and raw.proclitic not in ("", "و", "ف"):
                continue  # لصالح is "in favour of", not Saleh
            if claim.weak and not self._weak_holds(claim.entity_id, raw, ctx):
                continue
            eligible.append(claim)
        if not eligible:
            return None
        if len(eligible) == 1:
            only = eligible[0]
            if only.weak or len(claims) == 1 or self._score(only.entity_id, ctx) > 0:
                return only.entity_id
            others = [c for c in claims if c is not only]
            # A plain name loses only to another entity the article points to.
            return only.entity_id if all(self._score(c.entity_id, ctx) == 0 for c in others) else None
        scored = sorted(((self._score(c.entity_id, ctx), c.entity_id) for c in eligible), reverse=True)
        if scored[0][0] > scored[1][0]:
            return scored[0][1]
        return None

    def _score(self, entity_id: str, ctx: Context) -> int:
        entity = self.entities[entity_id]
        score = 100 if entity_id in ctx.entities else 0
        if entity.country:
            score += ctx.countries.get(entity.country, 0)
        for cue in self.cues.get(entity_id, ()):
            score += 10 if cue in ctx.entities else ctx.countries.get(cue, 0)
        return score

    def _weak_holds(self, entity_id: str, raw: _Raw, ctx: Context) -> bool:
        entity = self.entities[entity_id]
        cues = self.cues.get(entity_id, ())
        if entity.kind != "person":
            return entity_id in ctx.entities or any(ctx.holds(c) for c in (entity.country, *cues) if c)
        if raw.previous in self.first_names and not raw.proclitic:
            return False  # سليمان الأسد: a family name after another given name is someone else
        if entity_id in ctx.entities:
            return True
        if raw.previous in self.titles and not raw.proclitic:
            return any(ctx.holds(c) for c in (entity.country, *cues) if c)
        if raw.after_and:
            return any(ctx.holds(c) for c in cues if c)
        return False

    def with_home(self, entity_ids: tuple[str, ...], ctx: Context) -> tuple[str, ...]:
        """``entity_ids``, specific ones first, plus the article's own country when they name no place or country.

        The article's country is the one its names point to clearly (at least
        three mentions and half again as many as the next country); a report
        from Aden in an article about Yemen then carries Yemen even when its
        sentence only says "the city".
        """
        # Specific names first: a list shows "Popular Mobilization Forces" before "United States".
        entity_ids = tuple(sorted(entity_ids, key=lambda e: self.entities[e].generic))
        if any(self.entities[e].kind in ("place", "country") for e in entity_ids):
            return entity_ids
        ranked = ctx.countries.most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
            return entity_ids
        home = self.country_entities.get(ranked[0][0])
        return (*entity_ids, home) if home else entity_ids

    # -- lookup ---------------------------------------------------------------------------------

    def find(self, name: str) -> Entity | None:
        """Look an entity up by id, any Arabic name or alias (any spelling), or English name."""
        name = name.strip()
        if name in self.entities:
            return self.entities[name]
        claims = self.by_alias.get(_key(name), ())
        if claims:
            strong = [c for c in claims if not c.weak] or list(claims)
            return self.entities[strong[0].entity_id]
        loose = _loose(_key(name))
        if loose:
            # كتايب for كتائب, مسؤول for مسئول: hamza on a seat is not folded in text, but a user may skip it.
            if not self._loose:
                for key, key_claims in self.by_alias.items():
                    if key_claims:
                        self._loose.setdefault(_loose(key), key_claims[0].entity_id)
            entity_id = self._loose.get(loose)
            if entity_id:
                return self.entities[entity_id]
        entity_id = self.names_en.get(_english_key(name))
        return self.entities[entity_id] if entity_id else None

    def suggest(self, name: str, limit: int = 5) -> list[Entity]:
        """Entities whose names are close to ``name`` (for "did you mean")."""
        import difflib

        key = _key(name)
        if re.search(r"[\u0600-\u06ff]", name):
            pool = {k: c[0].entity_id for k, c in self.by_alias.items() if c}
            close = difflib.get_close_matches(key, pool, n=limit * 3, cutoff=0.7)
            close += [k for k in pool if key and len(key) >= 3 and key in k][: limit * 2]
        else:
            pool = self.names_en
            lowered = _english_key(name)
            close = difflib.get_close_matches(lowered, pool, n=limit * 3, cutoff=0.6)
            close += [k for k in pool if len(lowered) >= 3 and lowered in k][: limit * 2]
        seen: dict[str, Entity] = {}
        for k in close:
            entity = self.entities[pool[k]]
            seen.setdefault(entity.id, entity)
        return list(seen.values())[:limit]


_LOOSE = str.maketrans({"ئ": "ي", "ؤ": "و", "ء": None, "ه": "ه"})


def _loose(key: str) -> str:
    """A key with hamza seats dropped too (ئ→ي، ؤ→و، ء gone), for lookups of typed names."""
    return key.translate(_LOOSE)


def _english_key(name: str) -> str:
    """Lower case, accents and apostrophes dropped: "Türkiye" → "turkiye", "Kata'ib" → "kataib"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", plain.lower().replace("'", "")).strip()


def _bare(word: str) -> str:
    """A word without a one-letter proclitic (بمدينة → مدينة)."""
    return word[1:] if len(word) > 3 and word[0] in _PROCLITICS else word


def _forms(word: str) -> list[tuple[str, str]]:
    """A word and the words it may be after proclitics: وللعراق → للعراق, العراق…"""
    forms = [(word, "")]
    for n in (1, 2):
        head, rest = word[:n], word[n:]
        if len(rest) < 2 or any(ch not in _PROCLITICS for ch in head):
            break
        if n == 2 and head[0] not in "وف":
            break
        forms.append((rest, head))
    # للعراق = ل + العراق
    for prefix in ("لل", "ولل", "فلل"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            forms.append(("ال" + word[len(prefix):], prefix[:-1]))
    return forms


def _continues(folded: str, matches: list, words: list[str], i: int, tail: tuple[str, ...]) -> bool:
    for offset, expected in enumerate(tail, start=1):
        if words[i + offset] != expected:
            return False
        if _GAP.fullmatch(folded, matches[i + offset - 1].end(), matches[i + offset].start()) is None:
            return False
    return True


def user_gazetteer_path() -> Path:
    """The user's own gazetteer: ``$WAQAI_CONFIG_DIR/gazetteer.json``, else the user config dir."""
    override = os.environ.get("WAQAI_CONFIG_DIR")
    if override:
        return Path(override) / "gazetteer.json"
    from platformdirs import user_config_dir

    return Path(user_config_dir("waqai", appauthor=False)) / "gazetteer.json"


def read_user_gazetteer(path: Path | None = None) -> dict:
    """The user gazetteer's data (``{"entities": [...]}``), empty when there is none or it is unreadable."""
    path = path or user_gazetteer_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"entities": []}
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        return {"entities": []}
    # A hand-edited row without its id, kind or name is skipped rather than breaking every command.
    rows = [r for r in data["entities"] if isinstance(r, dict) and all(isinstance(r.get(k), str) and r[k] for k in ("id", "kind", "name"))]
    return {**data, "entities": rows}


def build(rows: list[dict], not_names: Iterable[str] = (), lexicon: dict | None = None) -> Gazetteer:
    """A gazetteer from entity rows (later rows with a known id add aliases to it)."""
    lexicon = lexicon if lexicon is not None else load_json("lexicon/entities.json")
    entities: dict[str, Entity] = {}
    claims: dict[str, list[_Claim]] = {}
    cues: dict[str, tuple[str, ...]] = {}
    english: list[tuple[str, str]] = []
    after_place_word: set[str] = set()

    def claim(key: str, entity_id: str, weak: bool) -> None:
        if not key:
            return
        listed = claims.setdefault(key, [])
        if any(c.entity_id == entity_id for c in listed):
            return
        listed.append(_Claim(entity_id, weak))

    for row in rows:
        entity_id = row["id"]
        if entity_id not in entities:
            entities[entity_id] = Entity(entity_id, row["kind"], row["name"], row.get("name_en", ""), row.get("lat"),
                                         row.get("lon"), bool(row.get("generic", False)), row.get("country"))
        entity = entities[entity_id]
        weak = {_key(w) for w in row.get("weak", [])}
        matched_name = [row.get("name", entity.name)] if row.get("name_matches") != "no" else []
        for alias in [*matched_name, *row.get("aliases", []), *row.get("weak", [])]:
            key = _key(alias)
            claim(key, entity_id, key in weak)
        if row.get("after_place_word"):
            after_place_word.add(entity_id)
        if row.get("cues"):
            cues[entity_id] = tuple(dict.fromkeys([*cues.get(entity_id, ()), *row["cues"]]))
        english += [(name, entity_id) for name in [row.get("name_en", ""), *row.get("aliases_en", [])] if name]
    blocked = frozenset(_key(n) for n in not_names)
    for key in blocked:
        claims.setdefault(key, [])
    first_words: dict[str, list[tuple[str, ...]]] = {}
    for key in claims:
        words = key.split()
        first_words.setdefault(words[0], []).append(tuple(words[1:]))
    # first word -> next word -> the rest of the names that go on with it, longest first;
    # "" -> (()) when the first word is a name by itself.
    index: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for word, tails in first_words.items():
        by_next: dict[str, list[tuple[str, ...]]] = {}
        for tail in set(tails):
            by_next.setdefault(tail[0] if tail else "", []).append(tail)
        index[word] = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_next.items()}
    return Gazetteer(
        entities, {k: tuple(v) for k, v in claims.items()}, index, cues,
        frozenset(_key(t) for t in lexicon.get("titles", [])),
        frozenset(_key(n) for n in lexicon.get("first_names", [])), blocked, frozenset(after_place_word),
        frozenset(_key(w) for w in lexicon.get("discovery", {}).get("place_words", []) + lexicon.get("place_words_plural", [])),
        tuple(english),
        {e.country: e.id for e in entities.values() if e.kind == "country" and e.country},
    )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the bundled gazetteer once, with the user's gazetteer merged over it."""
    data = load_json("gazetteer.json")
    user = read_user_gazetteer()
    return build([*data["entities"], *user["entities"]], [*data.get("not_names", []), *user.get("not_names", [])])


def reload() -> Gazetteer:
    """Forget the loaded gazetteer (after the user gazetteer changed) and load it again."""
    gazetteer.cache_clear()
    return gazetteer()
