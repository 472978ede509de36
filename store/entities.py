"""Actors and places in the store: finding them the user's way, re-linking events, unknown names.

* :func:`resolve_entity` turns what a user typed (any alias, any hamza or ta
  marbuta spelling, the English name in any case, an id) into an entity id,
  or a :class:`QueryError` that suggests close names;
* :func:`add_to_user_gazetteer` writes the user's gazetteer (never the
  bundled one) and :func:`relink` re-attaches entities to every stored event
  from its stored sentences, without re-ingesting the articles;
* :func:`unknown_names` lists frequent names the gazetteer does not know:
  words after titles and roles, after مدينة/بلدة/محافظة…, quoted
  organisation names.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from waqai.extract.gazetteer import Gazetteer, Mention, gazetteer, reload, user_gazetteer_path
from waqai.extract.lexicon import load_json
from waqai.extract.normalize import fold, fold_with_offsets

from .files import replace_file
from .sentences import text_sql
from .db import Database, immediate_transaction
from .errors import InputError, QueryError

KINDS = ("group", "person", "place", "country")


def resolve_entity(name: str, names: Gazetteer | None = None) -> str:
    """The id of the entity ``name`` names, or QueryError with close names to try."""
    names = names or gazetteer()
    found = names.find(name)
    if found is not None:
        return found.id
    close = names.suggest(name)
    hint = ("; did you mean " + ", ".join(f"{e.name} ({e.name_en})" if e.name_en else e.name for e in close) + "?"
            if close else "; `waqai entities add` adds a name")
    raise QueryError(f"unknown actor or place {name!r}{hint}")


# -- the user gazetteer ---------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def add_to_user_gazetteer(name: str, to: str | None = None, kind: str | None = None, name_en: str | None = None,
                          entity_id: str | None = None, country: str | None = None, lat: float | None = None,
                          lon: float | None = None, path: Path | None = None) -> dict:
    """Add ``name`` as an alias of the entity ``to``, or as a new entity; returns the row written.

    The row goes to the user gazetteer (created when missing), which is
    merged over the bundled one on the next load.
    """
    name = " ".join(name.split())
    if not re.search(r"[^\W\d_]", name):
        raise InputError(f"{name!r} is not a name")
    names = gazetteer()
    if to is not None:
        target = names.find(to)
        if target is None:
            resolve_entity(to, names)  # raises with suggestions
        row = {"id": target.id, "kind": target.kind, "name": target.name, "aliases": [name]}
    else:
        if kind not in KINDS:
            raise InputError(f"a new entity needs --kind ({', '.join(KINDS)}), or --to ENTITY to add an alias")
        known = names.find(name)
        if known is not None and not entity_id:
            raise InputError(f"{name!r} already names {known.name} ({known.name_en or known.id}); "
                             f"use --to {known.id} to add a spelling, or --id to make a new entity")
        entity_id = entity_id or _slug(name_en or "") or "user_" + str(abs(hash(fold(name))) % 10**8)
        if entity_id in names.entities:
            raise InputError(f"the id {entity_id!r} is taken by {names.entities[entity_id].name}; choose another with --id")
        row = {"id": entity_id, "kind": kind, "name": name, "name_en": name_en or "", "aliases": [],
               "country": country.upper() if country else None, "lat": lat, "lon": lon,
               "generic": kind == "country"}
        row = {k: v for k, v in row.items() if v is not None}
    path = path or user_gazetteer_path()
    data = _load_for_update(path)
    merged = next((r for r in data["entities"] if r.get("id") == row["id"]), None)
    if merged is not None:
        for alias in row.get("aliases", []):
            if alias not in merged.setdefault("aliases", []):
                merged["aliases"].append(alias)
    else:
        data["entities"].append(row)
    _write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    reload()
    return row


def _load_for_update(path: Path) -> dict:
    """The user gazetteer as written (every row kept); InputError rather than overwrite a file it cannot read."""
    if not path.exists():
        return {"entities": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{path} is not a readable gazetteer ({error}); fix or move it, waqai will not overwrite it") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise InputError(f"{path} has no \"entities\" list; fix or move it, waqai will not overwrite it")
    return data


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, text)


# -- re-linking -----------------------------------------------------------------------------------


@dataclass
class RelinkSummary:
    """What a re-link changed."""

    events: int = 0
    links_before: int = 0
    links_after: int = 0
    events_with_entity_before: int = 0
    events_with_entity_after: int = 0


def relink(db: Database, names: Gazetteer | None = None) -> RelinkSummary:
    """Re-attach actors and places to every stored event from its stored sentences.

    Each document's sentences give the context that resolves ambiguous names,
    as at ingest; the whole change is one transaction.
    """
    names = names or gazetteer()
    conn = db.conn
    summary = RelinkSummary()
    summary.events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    summary.links_before = conn.execute("SELECT COUNT(*) FROM event_entities").fetchone()[0]
    summary.events_with_entity_before = conn.execute("SELECT COUNT(DISTINCT event_id) FROM event_entities").fetchone()[0]
    links: dict[int, list[str]] = defaultdict(list)
    sources = defaultdict(list)
    for event_id, doc_id, sentence_id in conn.execute(
        "SELECT event_id, doc_id, sentence_id FROM event_sources ORDER BY event_id, doc_id, sentence_id"
    ):
        sources[doc_id].append((event_id, sentence_id))
    for doc_id, pairs in sources.items():
        texts = dict(conn.execute(f"SELECT s.id, {text_sql()} FROM sentences s JOIN documents d ON d.id = s.doc_id"
                                  " WHERE s.doc_id = ? ORDER BY s.idx", [doc_id]).fetchall())
        context = names.context(texts.values())
        found: dict[int, list[Mention]] = {}
        for event_id, sentence_id in pairs:
            if sentence_id not in found:
                found[sentence_id] = names.mentions(texts.get(sentence_id, ""), context)
            for mention in found[sentence_id]:
                if mention.entity.id not in links[event_id]:
                    links[event_id].append(mention.entity.id)
    with immediate_transaction(conn):
        conn.execute("DELETE FROM event_entities")
        used = {entity_id for ids in links.values() for entity_id in ids}
        conn.executemany(
            "INSERT INTO entities(id, name, name_en, kind, lat, lon) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, kind = excluded.kind,"
            " lat = excluded.lat, lon = excluded.lon",
            [(e.id, e.name, e.name_en, e.kind, e.lat, e.lon) for e in (names.entities[i] for i in sorted(used))],
        )
        conn.executemany("INSERT INTO event_entities(event_id, entity_id) VALUES (?,?)",
                         [(event_id, entity_id) for event_id, ids in sorted(links.items()) for entity_id in ids])
        conn.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM event_entities)")
    summary.links_after = sum(len(ids) for ids in links.values())
    summary.events_with_entity_after = sum(1 for ids in links.values() if ids)
    return summary


# -- discovery ------------------------------------------------------------------------------------


@dataclass
class UnknownName:
    """A name the gazetteer does not know, how often it is written, and where."""

    name: str
    kind: str  # what the words around it suggest: person, place or group
    count: int
    example: str
    doc: str
    cues: set[str] = field(default_factory=set)

    def as_json(self) -> dict:
        """The JSON shape of ``waqai entities --unknown --json``."""
        return {"name": self.name, "kind": self.kind, "count": self.count, "example": self.example,
                "doc": self.doc, "after": sorted(self.cues)}


_WORD = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"[\"“«'‘]\s*([^\"”»'’\n]{3,60}?)\s*[\"”»'’]")


@dataclass(frozen=True)
class _Discovery:
    roles: dict[str, str]  # folded cue (one or more words) -> kind it introduces
    max_cue: int
    stop: frozenset[str]  # words that end a name
    generic: frozenset[str]  # words that never start one (مجلس الوزراء، منطقة الشرق)
    heads: frozenset[str]
    joins: frozenset[str]
    quoted_after: frozenset[str]
    needs_al: frozenset[str]  # place cues that are also words (ناحية، قضاء، منفذ): only before an ال name


def _discovery() -> _Discovery:
    lexicon = load_json("lexicon/entities.json")["discovery"]
    roles = {}
    for kind, key in (("person", "roles"), ("place", "place_words"), ("group", "group_words")):
        for word in lexicon[key]:
            roles[" ".join(_WORD.findall(fold(word)))] = kind
    words = lambda key: frozenset(fold(w) for w in lexicon[key])  # noqa: E731
    return _Discovery(roles, max(len(k.split()) for k in roles), words("stop"), words("generic_after"),
                      words("compound_heads"), words("name_joins"), words("quoted_group_words"), words("cues_needing_al"))


def unknown_names(db: Database, limit: int = 20, names: Gazetteer | None = None) -> list[UnknownName]:
    """The most frequent names in the archive the gazetteer does not know, with an example each."""
    names = names or gazetteer()
    rules = _discovery()
    found: dict[str, UnknownName] = {}
    for text, doc in db.execute(f"SELECT {text_sql()}, d.name FROM sentences s JOIN documents d ON d.id = s.doc_id ORDER BY s.id"):
        for name, kind, cue in _candidates(text, names, rules):
            key = " ".join(_WORD.findall(fold(name)))
            entry = found.get(key)
            if entry is None:
                found[key] = entry = UnknownName(name, kind, 0, text, doc)
            entry.count += 1
            entry.cues.add(cue)
    ranked = sorted(found.values(), key=lambda u: (-u.count, fold(u.name)))
    return [u for u in ranked if u.count >= 2][:limit]


def _candidates(text: str, names: Gazetteer, rules: _Discovery) -> list[tuple[str, str, str]]:
    """(name as written, kind, the cue before it) for each unknown name this sentence offers."""
    folded = fold_with_offsets(text)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded.folded)]
    known_spans = names.spans(folded.folded)

    def known(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in known_spans)

    def original(i: int, j: int) -> str:
        start, _ = folded.original_span(words[i][0], words[i][1])
        _, end = folded.original_span(words[j][0], words[j][1])
        return text[start:end]

    out = []
    i = 0
    while i < len(words):
        cue_kind, cue_len = None, 0
        for n in range(rules.max_cue, 0, -1):
            if i + n > len(words):
                continue
            rest = [w[2] for w in words[i + 1:i + n]]
            for first in dict.fromkeys((words[i][2], _strip(words[i][2]))):  # بلدة, and ببلدة → بلدة
                cue = " ".join([first, *rest])
                if cue in rules.roles:
                    cue_kind, cue_len = rules.roles[cue], n
                    break
            if cue_kind:
                break
        if cue_kind is None:
            i += 1
            continue
        j = i + cue_len
        if cue_kind == "person":
            # وزير الخارجية الأمريكي جون كيري: skip the portfolio and known names to reach the person.
            while j < len(words) and j - i - cue_len < 4 and (
                words[j][2].startswith(("ال", "وال")) or known(words[j][0], words[j][1]) or words[j][2] in rules.stop
            ):
                j += 1
        if j >= len(words) or words[j][2] in rules.stop or words[j][2] in rules.generic or known(words[j][0], words[j][1]):
            i += cue_len
            continue
        if words[j][2] in rules.roles or _strip(words[j][2]) in rules.roles:  # قائد لواء الطفوف: the next cue says more
            i = j
            continue
        if (cue_kind == "person") == words[j][2].startswith("ال") and (
            cue_kind == "person" or words[i][2] in rules.needs_al or _strip(words[i][2]) in rules.needs_al
        ):  # persons start with a given name; منفذ الهجوم, قضاء العطلة are no places
            i += cue_len
            continue
        if folded.folded[words[j - 1][1]:words[j][0]].strip(" \t\u00a0"):  # punctuation between cue and name
            i += cue_len
            continue
        end = _name_end(folded.folded, words, j, cue_kind, rules, known)
        name = original(j, end)
        if cue_kind == "person" and (end == j or words[j][2] in rules.joins):
            # a given name alone says too little; بن عبد العزيز is the tail of a name already known
            i = end + 1
            continue
        if len(fold(name).replace(" ", "")) >= 3 and not names.find(name):
            out.append((name, cue_kind, " ".join(w[2] for w in words[i:i + cue_len])))
        i = end + 1
    for m in _QUOTED.finditer(folded.folded):
        before = folded.folded[max(0, m.start() - 12):m.start()].split()
        if not before or not {before[-1], _strip(before[-1])} & rules.quoted_after:
            continue
        inner = m.group(1).strip()
        if 1 <= len(inner.split()) <= 5 and not known(m.start(1), m.end(1)) and not names.find(inner):
            start, end = folded.original_span(m.start(1), m.end(1))
            out.append((text[start:end], "group", before[-1]))
    return out


def _strip(word: str) -> str:
    """A cue word without a proclitic و/ف/ب/ل (وزير، لوزير)."""
    return word[1:] if len(word) > 3 and word[0] in "وفبل" else word


def _name_end(folded: str, words, j: int, kind: str, rules: _Discovery, known) -> int:
    """The index of the last word of the name starting at ``j`` (a name never spans punctuation)."""
    end = j

    def joined(k: int) -> bool:
        return not folded[words[k][1]:words[k + 1][0]].strip()
    if kind == "place":
        # بلدة عين عيسى، مدينة دير حافر: a compound head takes the next word too.
        while words[end][2] in rules.heads and end + 1 < len(words) and end - j < 2 and joined(end):
            end += 1  # خان بني سعد: heads chain
        return end
    limit = 3 if kind == "person" else 4
    while end + 1 < len(words) and end - j + 1 < limit and joined(end):
        nxt = words[end + 1][2]
        if nxt in rules.stop or nxt in rules.generic or known(words[end + 1][0], words[end + 1][1]):
            break
        if kind == "person" and end > j and words[end][2] not in rules.joins and not nxt.startswith("ال"):
            break
        end += 1
    return end


def filter_entities(text: str, rows: list[tuple], names: Gazetteer | None = None) -> list[tuple]:
    """The rows (``id, name, name_en, …``) whose entity ``text`` names, best first.

    Any alias in any hamza or ta marbuta spelling, a part of one, the English
    name in any case, or the id; an empty text keeps every row.
    """
    text = text.strip()
    if not text:
        return list(rows)
    names = names or gazetteer()
    exact = names.find(text)
    needle = " ".join(_WORD.findall(fold(text)))
    lowered = text.lower()
    partial = {c.entity_id for key, claims in names.by_alias.items() if needle and needle in key for c in claims}
    scored = []
    for row in rows:
        entity_id, name, name_en = row[0], row[1], row[2] or ""
        if exact is not None and exact.id == entity_id:
            scored.append((0, row))
        elif entity_id in partial or (needle and needle in fold(name)) or lowered in name_en.lower() or lowered == entity_id:
            scored.append((1, row))
    return [row for _, row in sorted(scored, key=lambda pair: pair[0])]
