"""When two reports describe the same happening.

Papers word one happening differently (``أقر مجلس الأمن … الخميس`` /
``صادق مجلس الأمن بالإجماع أمس``), date it differently, and one paper may
tell it twice. Two reports are merged into one event when their dates are
compatible and the evidence says it is one happening; the more the dates
differ, the more evidence it takes.

**Dates.** A report's date is its interval of days (a part of day, a clock
time or "about" aside: ``الساعة 10:30 صباح أمس`` is yesterday). Two reports'
dates are

* the *same* when the intervals are equal;
* *adjacent* when they are single days one apart and the later one was read
  from ``اليوم``/``أمس``/``الليلة`` alone (*deictic*, no weekday, month or
  number beside it). Such a date counts from the publication day, and a
  print paper's "أمس" was written the evening before the date on its page,
  a late copy's "اليوم" is the copy's day: the deictic date is the one that
  runs a day late. Two explicit dates (a weekday, a calendar date) one day
  apart are two days;
* *nested* when one is a week or a month and the other a day or week inside
  it (``الأسبوع الماضي`` / ``الشهر الماضي`` for one signing);
* *lagged* when a deictic date is two or three days after the other: a late
  copy of a wire story. Only a reprint of the same sentence bridges that.

Adjacent and lagged dates come from two articles: one article's ``أمس`` and
``أول أمس`` count from one day and are two days. Adjacent ones (unless a
reprint) also need the earlier date explicit and the later-dated report
published no later than the other: two issues' ``أمس`` a day apart are two
days (a daily market report). A
report that says it is another one (``مرة أخرى``, ``هجوم آخر``) is merged
across dates never.

**Evidence on the same date** — any of these is enough:

* the same sentence text (a wire story reprinted, a caption repeated on the page);
* a shared *specific* place named in both titles (a town and the province
  seat at the same spot count as one place) and the same kind of happening
  (the class of the verb: attack, meeting, decision, statement…);
* a shared specific actor or place and some shared wording (Jaccard ≥ 0.12,
  a shared place's own name left out of the words), the kinds not differing;
  between two attacks or two seizures, also a specific word beyond the shared
  names: a side of a war (ميليشيات الحوثي) is named in every report of the day;
* the same kind of happening and much shared wording: at least three content
  words in common covering 30 % of the shorter title, or four covering 25 %,
  two of them specific: neither words of the kind itself (نفذت، ضربة، هجوم)
  nor generic ones (قوات، عنيفة، نائب: ``generic_words`` in ``merge.json``);
* the same kind of happening told in at most three content words, every one
  beyond the kind's own found in the other report (``عقب تفجير سروج``);
* inside one article: the same kind of happening where one report mentions it
  back (``الهجوم الذي وقع ليل الجمعة``, ``حادث التفجير``), sharing a word
  beyond the kind, naming no different place or person and no "another"
  (``هجوم آخر``);
* inside one article, on one day: one known kind of happening (not a
  market's moves), neither report told by a say verb, and two specific words
  beyond the names or a shared actor or place and one such word
  (``_retold_in_article``);
* on a single day, one count given by both (``قتيلين و24 جريحا`` / ``جرح 24 آخرون``; not a
  year, a date, an age, a duration or a share: ``counts``), the kinds not
  differing (one may be unknown; not markets or statements) and a specific
  word beyond the names in common (``_shared_count``);
* most of the wording shared (Jaccard ≥ 0.45) whatever the verbs.

Inside one article, a report that says it is another (``وفي حادثة منفصلة``)
is never merged with another report of that article.

**Evidence across dates:** adjacent reports need a shared specific actor or
place, the same kind, much shared wording with two specific words (beyond the
kind's own, the generic ones of ``merge.json`` and the shared names) and
Jaccard ≥ 0.15 (a shared place's name left out), all of them, or a reprint
(Jaccard ≥ 0.8): wars and markets make similar reports every day; two
statements a day apart need the actor and most of their wording (Jaccard ≥
0.45). Nested ones need the same kind, and much shared wording with two
specific words and Jaccard ≥ 0.25, or a shared actor or place with Jaccard ≥
0.2. Lagged ones need a reprint: nearly all words (Jaccard ≥ 0.8, eight or
more) and the same numbers. When a report could join events of several days,
one of its own day wins.

A statement (not a reaction: ندد، أدان، رحب) whose words tell a happening (``قال المرصد «خطف عناصر من جبهة
النصرة…»``) is compared with a report of that kind as that kind, but only on
wording beyond the shared names: a shared actor with Jaccard ≥ 0.2 of the
rest and a specific word, or much shared wording; never on a shared place
alone.

Two statements (both told by a say verb: أعلنت، قال) are compared on what they state,
without the say verbs, and need a shared actor with shared wording (Jaccard ≥ 0.2) or most wording shared: the
police and the army each announcing a different blow against one group are two happenings.

Two clock times more than an hour apart on one day (``الساعة التاسعة`` /
``الساعة العاشرة وعشرين دقيقة``) are two happenings unless one reprints the other.

Never enough: a shared dateline or date alone, a shared *generic* entity
(countries and capitals are left out of the entity sets, "Iraq" on the same
day proves nothing), two different kinds of happening (an attack and a
statement about it), reports each naming a means of attack and none in common
(a landmine and a suicide bomber: ``weapons`` in ``merge.json``), or reports each naming a place or a person the other
does not (the army taking a camp in Lahj and entering Zinjibar the same day,
the king receiving two presidents): these are merged only on the same day
with nearly the same wording (Jaccard ≥ 0.6).
Two happenings cut from one sentence are never merged with each other.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .calendar import interval
from .happening import word_class as _word_class
from .lexicon import load_json
from .normalize import fold

SHARED_WORDING_WITH_ACTOR = 0.12
SHARED_WORDING_ALONE = 0.45
SHARED_WORDING_STATEMENTS = 0.2
SHARED_WORDING_DIFFERENT_KINDS = 0.6
SAME_KIND_COVERAGE = 0.3
SAME_KIND_MIN_SHARED = 3
SHORT_REPORT_WORDS = 3
CLOCK_APART_MINUTES = 60  # two clock times further apart tell two happenings (reports round a time)
STATEMENT_WORDING = 0.25  # and the share of their words
STATEMENT_SPECIFIC = 3  # specific words two same-day statements with no shared actor must share
NESTED_WORDING = 0.25
NESTED_WORDING_WITH_ACTOR = 0.2
REPRINT_WORDING = 0.8
ADJACENT_WORDING = 0.15
ADJACENT_SPECIFIC = 2
REPRINT_MIN_WORDS = 8
NESTED_MAX_DAYS = 31  # a month at most: "in 2015" says nothing about which day
LAGGED_MAX_DAYS = 3
SAME_PLACE_KM = 25  # a governorate is placed at its seat: عسير and أبها are one spot

SAME, ADJACENT, NESTED, LAGGED = "same", "adjacent", "nested", "lagged"
_FIGHTS = frozenset({"attack", "control"})  # the kinds a war reports every day
_CLOCK = re.compile(r"(?:(?:ال)?ساعه\s+)?\d{1,2}\s*[:.]\s*\d{2}|(?:ال)?ساعه\s+\d{1,2}")


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What the merge rule looks at for one report.

    ``begin``/``last`` are the report's interval (computed from value and mod
    when not given); ``deictic``: dated by اليوم/أمس/الليلة alone;
    ``doc``: the article it comes from and ``published`` its day (None when unknown).
    """

    value: str
    mod: str | None
    entities: frozenset[str]
    tokens: frozenset[str]
    sentence: str
    kind: str | None = None  # the happening's class, from its verb
    begin: date | None = None
    last: date | None = None
    deictic: bool = False
    doc: object = None
    published: date | None = None  # the article's publication day

    def days(self) -> tuple[date, date] | None:
        """The report's interval of days, or None when its value has none."""
        if self.begin is not None and self.last is not None:
            return self.begin, self.last
        return interval(self.value, self.mod) if self.value else None


@lru_cache(maxsize=65536)
def word_class(word: str) -> str | None:
    """The happening class of a folded word (cached: the merge asks for the same words again and again)."""
    return _word_class(word)


def specific_word(word: str) -> bool:
    """A content word that is neither a word of a happening's kind (هجوم) nor a generic one (قوات)."""
    return word_class(word) is None and word not in _words()["generic"]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def coverage(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over the smaller set (0 when either is empty)."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


@lru_cache(maxsize=1)
def _words() -> dict:
    data = load_json("lexicon/merge.json")
    temporal = load_json("lexicon/temporal.json")["relative_days"]
    months = load_json("lexicon/months.json")
    weekdays = load_json("lexicon/weekdays.json")["weekdays"]
    from .events import content_tokens  # events imports the gazetteer; merge stays light to import

    month_names = [w for calendar in months.values() if isinstance(calendar, dict)
                   for names in calendar.values() if isinstance(names, list) for w in names]
    return {
        "deictic": _alternation(w for offset, words in temporal.items() for w in words if offset in ("0", "-1", "-2")),
        "explicit": _alternation([*month_names, *(w for names in weekdays.values() for w in names)]),
        "relatives": frozenset(fold(w) for w in data["relatives"]),
        "incident": frozenset(fold(w) for w in data["incident_nouns"]),
        "another": _alternation(data["another"]),
        "reaction": _alternation(data["reaction_verbs"]),
        "approximate": re.compile("(?:" + "|".join(re.escape(fold(w)) for w in data["approximators"]) + r")\s*$"),
        "count_units": re.compile("|".join(re.escape(fold(w)) for w in sorted(data["count_units"], key=len, reverse=True))),
        # A means may carry the article and a pronoun: الغارات، غاراته، قذائفها. One pattern for all
        # families, its match looked up in ``weapon_family``: every report of a day is read once.
        "weapons": _alternation([w for words in data["weapons"].values() for w in words],
                                "(?:ه|ها|هم|هما)?", "[وفبل]?(?:ال)?|لل", capture=True),
        "weapon_family": {fold(w): family for family, words in data["weapons"].items() for w in words},
        "generic": frozenset(t for w in data["generic_words"] for t in content_tokens(w)) | frozenset(
            fold(w) for w in data["generic_words"]),
    }


def _alternation(words, suffixes: str = "", prefixes: str = "[وفبل]", capture: bool = False) -> re.Pattern:
    body = "|".join(re.escape(fold(w)) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{prefixes})?({'' if capture else '?:'}{body}){suffixes}(?![^\W\d_])")


@lru_cache(maxsize=4096)
def deictic(timex_text: str) -> bool:
    """Whether a date was read from اليوم/أمس/الليلة alone, counted from the publication day.

    ``أمس الخميس``, ``اليوم 5 يوليو`` name their day and are not deictic.
    """
    # A clock time (الساعة 10:30 صباح أمس) names an hour, not a day.
    folded = _CLOCK.sub(" ", fold(timex_text))
    words = _words()
    return (words["deictic"].search(folded) is not None and words["explicit"].search(folded) is None
            and not any(ch.isdigit() for ch in folded))


def without_day_words(folded: str) -> str:
    """Folded text without its day words (اليوم، أمس، weekdays, months): a late copy of a wire
    story changes only those (``أمس`` becomes ``اليوم``)."""
    words = _words()
    return words["explicit"].sub(" ", words["deictic"].sub(" ", folded))


def relation(a: MergeKey, b: MergeKey) -> str | None:
    """How the dates of two reports relate: SAME, ADJACENT, NESTED, LAGGED or None (see module doc)."""
    da, db = a.days(), b.days()
    if da is None or db is None:
        return SAME if a.value.split("T")[0] == b.value.split("T")[0] and a.mod == b.mod else None
    if da == db:
        return SAME
    single_a, single_b = da[0] == da[1], db[0] == db[1]
    if single_a and single_b:
        later, gap = (a, (da[0] - db[0]).days) if da[0] > db[0] else (b, (db[0] - da[0]).days)
        if not later.deictic:
            return None
        return ADJACENT if gap == 1 else LAGGED if gap <= LAGGED_MAX_DAYS else None
    outer, inner = (da, db) if da[0] <= db[0] and db[1] <= da[1] else (db, da)
    if outer[0] <= inner[0] and inner[1] <= outer[1] and (outer[1] - outer[0]).days < NESTED_MAX_DAYS:
        return NESTED
    return None


def dates_agree(a: MergeKey, b: MergeKey) -> bool:
    """Same interval of days (a part of day, a clock time or "about" aside)."""
    return relation(a, b) == SAME


@lru_cache(maxsize=16384)  # asked for both reports of every comparison; a frozenset keeps its hash
def _places(ids: frozenset[str], kind: str) -> dict[str, tuple[float | None, float | None]]:
    """The entities of ``kind`` among ``ids``, with their coordinates (a shared dict: do not change it)."""
    if not ids:
        return {}
    from .gazetteer import gazetteer

    entities = gazetteer().entities
    return {i: (entities[i].lat, entities[i].lon) for i in ids if i in entities and entities[i].kind == kind}


def _km(p: tuple, q: tuple) -> float | None:
    if None in p or None in q:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*p, *q))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def _near(a: dict, b: dict) -> bool:
    """Whether some place of ``a`` is one of ``b`` or at the same spot."""
    return any(i == j or ((d := _km(p, q)) is not None and d <= SAME_PLACE_KM)
               for i, p in a.items() for j, q in b.items())


@lru_cache(maxsize=4096)
def _name_words(entity_id: str) -> frozenset[str]:
    """The content words of an entity's name (المدينة المنورة → مدين، منور)."""
    from .events import content_tokens
    from .gazetteer import gazetteer

    entity = gazetteer().entities.get(entity_id)
    return content_tokens(entity.name) if entity is not None else frozenset()


def beyond_names(a: MergeKey, b: MergeKey, kind: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """Both reports' words without the names of the entities (of ``kind``, or all) they share.

    A shared name is counted once, as the actor or place, not again as shared wording.
    """
    shared = a.entities & b.entities
    if kind is not None:
        shared = set(_places(frozenset(shared), kind))
    names = frozenset().union(*(_name_words(e) for e in shared)) if shared else frozenset()
    return a.tokens - names, b.tokens - names


def shared_place(a: MergeKey, b: MergeKey) -> bool:
    """A specific place named in both reports (or one at the same spot)."""
    return _near_places(a.entities, b.entities)


def shared_actor(a: MergeKey, b: MergeKey) -> bool:
    """A specific actor or place named in both reports (a place at the same spot counts)."""
    return bool(a.entities & b.entities) or _near_places(a.entities, b.entities)


@lru_cache(maxsize=16384)
def _near_places(a: frozenset[str], b: frozenset[str]) -> bool:
    return _near(_places(a, "place"), _places(b, "place"))


def conflict(a: MergeKey, b: MergeKey) -> bool:
    """Whether each report names a place, or a person, that the other does not.

    The king receiving one president and the king receiving another are two
    meetings; a place at the same spot as one of the other's is no difference.
    """
    return _conflict(a.entities, b.entities)


@lru_cache(maxsize=16384)  # a pure function of the two entity sets, asked again for every pair of reports
def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    for kind in ("place", "person"):
        pa, pb = _places(a, kind), _places(b, kind)
        only_a = {i: p for i, p in pa.items() if not _near({i: p}, pb)}
        only_b = {i: p for i, p in pb.items() if not _near({i: p}, pa)}
        if only_a and only_b:
            return True
    return False


@lru_cache(maxsize=4096)
def _anaphoric(sentence: str) -> bool:
    """A happening noun mentioned back: ``الهجوم الذي …``, ``حادث التفجير``."""
    words = _words()
    tokens = re.findall(r"[^\W\d_]+", fold(sentence))
    for i, word in enumerate(tokens):
        if word_class(word) in (None, "statement"):
            continue
        after = tokens[i + 1:i + 3]
        if word.startswith(("ال", "بال", "وال", "لل")) and any(t in words["relatives"] for t in after):
            return True
        if i and tokens[i - 1].lstrip("وفبل") in words["incident"]:
            return True
    return False


@lru_cache(maxsize=4096)
def _reaction(sentence: str) -> bool:
    """Whether a sentence tells a reaction (ندد، أدان، رحب) rather than reporting a happening."""
    return _words()["reaction"].search(fold(sentence)) is not None


@lru_cache(maxsize=4096)
def _another(sentence: str) -> bool:
    return _words()["another"].search(fold(sentence)) is not None


@lru_cache(maxsize=16384)
def weapons(sentence: str) -> frozenset[str]:
    """The families of the means of attack a sentence names (``mine``, ``suicide``…, ``merge.json``)."""
    words = _words()
    return frozenset(words["weapon_family"][m[1]] for m in words["weapons"].finditer(fold(sentence)))


def different_means(a: MergeKey, b: MergeKey) -> bool:
    """Whether each report names a means of attack and they share none.

    One group's landmine under a convoy and its suicide bomber at a post, on
    one day, are two attacks even where neither town is in the gazetteer.
    """
    wa, wb = weapons(a.sentence), weapons(b.sentence)
    return bool(wa) and bool(wb) and not wa & wb


def _wide(a: frozenset[str], b: frozenset[str]) -> bool:
    """Much shared wording beyond the kind's own words (see module doc)."""
    shared = len(a & b)
    # The verbs and event nouns of the kind itself (نفذت، ضربة، هجوم) say nothing more than the
    # kind, and generic words (قوات، عنيفة، نائب) nothing about which happening.
    beyond_kind = sum(1 for t in a & b if specific_word(t))
    return beyond_kind >= 2 and (
        (shared >= SAME_KIND_MIN_SHARED and coverage(a, b) >= SAME_KIND_COVERAGE)
        or (shared >= SAME_KIND_MIN_SHARED + 1 and coverage(a, b) >= SAME_KIND_COVERAGE - 0.05))


def _reprint(a: MergeKey, b: MergeKey) -> bool:
    """The same sentence printed again (a late copy): nearly all words and the same numbers."""
    if a.sentence == b.sentence:
        return True
    return (min(len(a.tokens), len(b.tokens)) >= REPRINT_MIN_WORDS and jaccard(a.tokens, b.tokens) >= REPRINT_WORDING
            and re.findall(r"\d+", a.sentence) == re.findall(r"\d+", b.sentence))


def _runs_late(a: MergeKey, b: MergeKey) -> bool:
    """Whether the later of two reports a day apart can be the other one told late.

    Its date is deictic (see ``relation``), the other's explicit (a weekday, a
    calendar date), and it was published no later than the other: two papers
    of one morning, one saying الاثنين and the other أمس. One article's أمس
    and أول أمس, or two issues' أمس a day apart, count from their own days and
    are two days.
    """
    if a.doc is not None and a.doc == b.doc:
        return False
    later, earlier = (a, b) if (a.days() or (date.min,))[0] > (b.days() or (date.min,))[0] else (b, a)
    if earlier.deictic:
        return False  # two papers' أمس a day apart may be two days' reports (a daily market report)
    return later.published is None or earlier.published is None or later.published <= earlier.published


def same_happening(a: MergeKey, b: MergeKey) -> bool:
    """Whether reports ``a`` and ``b`` describe the same happening (see module doc)."""
    how = relation(a, b)
    if how is None:
        return False
    if not (a.tokens & b.tokens) and a.sentence != b.sentence and not shared_actor(a, b):
        return False  # nothing in common: every rule below needs a shared word, actor or sentence
    if how == LAGGED:
        return (a.doc is None or a.doc != b.doc) and _reprint(a, b)
    if _hours_apart(a.value, b.value) and not _reprint(a, b):
        return False  # the spokesman's 9:00 and 10:20 incidents of one morning are two
    if how == SAME and a.sentence == b.sentence:
        return True
    original_kinds = (a.kind, b.kind)
    a, b = _reported(a, b), _reported(b, a)
    # A statement read as the happening it tells is a second-hand report: it joins on shared wording
    # beyond the names, never on a shared place alone (two blows near one town are two happenings).
    looked_through = a.kind != original_kinds[0] or b.kind != original_kinds[1]
    statements = a.kind == "statement" and b.kind == "statement"
    if statements:
        # Two announcements are compared on what they state: the say verbs (أعلنت) are no evidence.
        a = replace(a, tokens=frozenset(t for t in a.tokens if word_class(t) != "statement"))
        b = replace(b, tokens=frozenset(t for t in b.tokens if word_class(t) != "statement"))
    overlap = jaccard(a.tokens, b.tokens)
    actor = shared_actor(a, b)
    # A shared place's name (المدينة المنورة) is the place, not shared wording; a day apart, and
    # between fights, no shared name (مجلس الأمن، الحوثيون) counts as a specific word either.
    own_a, own_b = beyond_names(a, b)
    actor_overlap = jaccard(*beyond_names(a, b, "place"))
    fights = a.kind in _FIGHTS and b.kind in _FIGHTS
    beyond_actor = any(specific_word(t) for t in own_a & own_b)
    apart = conflict(a, b) or different_means(a, b)
    wide = _wide(a.tokens, b.tokens)
    same_kind = a.kind is not None and a.kind == b.kind
    different_kinds = a.kind is not None and b.kind is not None and a.kind != b.kind
    if how != SAME and (_another(a.sentence) or _another(b.sentence)):
        return False  # وقصفت الطائرات ميناء الحديدة مرة أخرى
    if a.doc is not None and a.doc == b.doc and (_another(a.sentence) or _another(b.sentence)):
        return False  # in its own article, وفي حادثة منفصلة tells another happening of that day
    if how == SAME and not apart and _retold_in_article(a, b, own_a, own_b):
        return True
    if how == ADJACENT and _reprint(a, b):
        return a.doc is None or a.doc != b.doc
    if apart or different_kinds:
        # Each names a place or person the other does not, or they tell different kinds of
        # happening: only nearly the same words on the same day make them one.
        return how == SAME and overlap >= SHARED_WORDING_DIFFERENT_KINDS
    if how == ADJACENT and statements:
        # Officials speak on a subject every day: two days' statements are one only in nearly one wording.
        return _runs_late(a, b) and actor and actor_overlap >= SHARED_WORDING_ALONE
    if how == ADJACENT:
        specific = sum(1 for t in own_a & own_b if specific_word(t))
        return (_runs_late(a, b) and actor and same_kind and wide and specific >= ADJACENT_SPECIFIC
                and actor_overlap >= ADJACENT_WORDING)
    if how == NESTED:
        specific = sum(1 for t in a.tokens & b.tokens if specific_word(t))
        return same_kind and ((wide and specific >= 2 and overlap >= NESTED_WORDING)
                              or (actor and actor_overlap >= NESTED_WORDING_WITH_ACTOR))
    if actor and statements:
        # One actor (داعش) named in two announcements on one day: they must also share their wording.
        if actor_overlap >= SHARED_WORDING_STATEMENTS:
            return True
    elif looked_through:
        specific = sum(1 for t in own_a & own_b if specific_word(t))
        return (actor and jaccard(own_a, own_b) >= SHARED_WORDING_STATEMENTS and specific >= 2) or _wide(own_a, own_b)
    elif (actor and actor_overlap >= SHARED_WORDING_WITH_ACTOR and (beyond_actor or not fights)) or (
            same_kind and shared_place(a, b)):
        # A side of a war (الحوثيون) is named in every report of the day: with it, the kind
        # alone is not enough; a town is named only where something happened.
        return True
    if same_kind and wide and not statements:
        return True
    if (statements and how == SAME and wide and overlap >= STATEMENT_WORDING
            and sum(1 for t in own_a & own_b if specific_word(t)) >= STATEMENT_SPECIFIC):
        # Two announcements of one thing by no named actor (أعلنت المنامة / قالت وزارة الداخلية):
        # what they state shares many specific words (إحباط، تهريب، متفجرات).
        return True
    if how == SAME and _shared_count(a, b, own_a, own_b):
        return True
    if same_kind and not statements and _covered(a.tokens, b.tokens):
        return True
    if same_kind and not statements and _one_article_mention(a, b):
        return True
    return overlap >= SHARED_WORDING_ALONE


_TIME = re.compile(r"T(\d{2}):(\d{2})")


def _hours_apart(a: str, b: str) -> bool:
    """Whether two values name clock times more than ``CLOCK_APART_MINUTES`` apart."""
    ma, mb = _TIME.search(a), _TIME.search(b)
    if ma is None or mb is None:
        return False
    minutes = abs((int(ma[1]) * 60 + int(ma[2])) - (int(mb[1]) * 60 + int(mb[2])))
    return minutes > CLOCK_APART_MINUTES


def _reported(a: MergeKey, b: MergeKey) -> MergeKey:
    """``a`` as a report of ``b``'s kind when ``a`` is a statement telling a happening of that kind.

    ``قال المرصد «خطف عناصر من جبهة النصرة…»`` is a statement whose words
    tell an abduction: against an abduction report it is one, not a different
    kind. A statement naming no word of the other's kind stays a statement.
    """
    if a.kind != "statement" or b.kind in (None, "statement") or _reaction(a.sentence):
        return a  # ندد الوزير بالهجوم: a reaction is a statement of its own
    if any(word_class(t) == b.kind for t in a.tokens):
        return replace(a, kind=b.kind)
    return a


def _retold_in_article(a: MergeKey, b: MergeKey, own_a: frozenset[str], own_b: frozenset[str]) -> bool:
    """One article telling one happening twice on one day (a lead and its details, a quote of it).

    Both reports come from one article, on one day (not a month's figures);
    they tell one known kind of happening, never a market's moves; neither is
    told by a say verb (an announcement naming the attacks it answers is not
    the attack); and they share two specific words beyond the names,
    or a specific actor or place and one such word. The caller has ruled out
    reports naming different places, persons or means, and "another".
    """
    if a.doc is None or a.doc != b.doc or _reaction(a.sentence) or _reaction(b.sentence):
        return False  # ندد الوزير بالهجوم: a reaction is a statement of its own
    days = a.days()
    if days is None or days[0] != days[1]:
        return False  # a month's or a year's figures in one article are many happenings
    if a.kind is None or a.kind != b.kind or a.kind in ("market", "statement") or _said(a) or _said(b):
        # A clause of no known kind (figures, a column), a market's many moves of one day, or an
        # announcement (a prime minister's promise of measures "after the attacks" beside his
        # army's strikes, two speakers on one killing) are left to the other rules.
        return False
    specific = sum(1 for t in own_a & own_b if specific_word(t))
    named = bool(a.entities & b.entities) or shared_place(a, b)
    return specific >= 2 or (named and specific >= 1)


_COUNT = re.compile(r"(?<![\d:.,/\-])(?<!/ )(\d{2,5})(?!\s?[\d:.,/%])(\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)?")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@lru_cache(maxsize=16384)
def counts(sentence: str) -> frozenset[int]:
    """The counts a sentence gives (``24 جريحا``, ``29 متهما``): numbers of two digits or more that are
    no year, no clock time, no date, no model (إف-16), not followed by a month or a unit of
    ``count_units`` (``26 يونيو``, ``30 عاما``, ``1436 هـ``) and not a round figure (``أكثر من 60``)."""
    found = set()
    explicit, units, approximate = _words()["explicit"], _words()["count_units"], _words()["approximate"]
    text = sentence.translate(_DIGITS)
    for m in _COUNT.finditer(text):
        n = int(m[1])
        after = fold(m[2] or "").split()
        # A year (Gregorian or Hijri), a day of a month, an age, a duration or a share is no count,
        # and a round figure (أكثر من 60 هجوما) is shared by many reports.
        if 1300 <= n <= 2100 or (after and (explicit.search(after[0]) or units.fullmatch(after[0])
                                            or units.fullmatch(" ".join(after)))):
            continue
        if approximate.search(fold(text[max(0, m.start() - 16):m.start()])):
            continue
        found.add(n)
    return frozenset(found)


def _shared_count(a: MergeKey, b: MergeKey, own_a: frozenset[str], own_b: frozenset[str]) -> bool:
    """Two reports of one single day giving one count (``قتيلين و24 جريحا`` / ``قتل جنديان وجرح 24``),
    of one kind or one of no known kind, with a specific word beyond the names in common.

    A toll or a number of defendants is rarely the same for two happenings of one day; the
    caller has ruled out reports naming different places, persons or means.
    """
    if a.kind != b.kind and None not in (a.kind, b.kind):
        return False
    if a.kind in ("market", "statement") or b.kind in ("market", "statement"):
        return False  # prices and figures repeat
    days = a.days()
    if days is None or days[0] != days[1]:
        return False  # a month's figures (a bulletin's ATMs and cards) repeat their counts
    shared = counts(a.sentence) & counts(b.sentence) - {days[0].day}
    return bool(shared) and any(specific_word(t) for t in own_a & own_b)


def _said(k: MergeKey) -> bool:
    """Whether a report is told by a say verb (أعلن، قال), whatever kind its words tell."""
    return k.kind == "statement" or _says(k.sentence)


@lru_cache(maxsize=16384)
def _says(sentence: str) -> bool:
    # The say verbs are stop words, not among a report's tokens: read the sentence.
    return any(word_class(w) == "statement" for w in re.findall(r"[^\W\d_]+", fold(sentence)))


def _one_article_mention(a: MergeKey, b: MergeKey) -> bool:
    """One article telling its happening again (``الهجوم الذي وقع ليل الجمعة``)."""
    if a.doc is None or a.doc != b.doc or _another(a.sentence) or _another(b.sentence):
        return False
    generic = _words()["generic"]
    specific = {t for t in a.tokens & b.tokens if word_class(t) is None and t not in generic}
    return bool(specific) and (_anaphoric(a.sentence) or _anaphoric(b.sentence))


def _covered(a: frozenset[str], b: frozenset[str]) -> bool:
    """A short report (عقب تفجير سروج) whose every word beyond its kind is in the other."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    specific = {t for t in small if word_class(t) is None}
    return 0 < len(small) <= SHORT_REPORT_WORDS and bool(specific) and specific <= large


def strength(a: MergeKey, b: MergeKey) -> float:
    """How alike two reports are, to pick the best of several merge targets (a report of the same day first)."""
    return (jaccard(a.tokens, b.tokens) + 0.5 * shared_actor(a, b) + 0.25 * (a.kind is not None and a.kind == b.kind)
            + 2 * (relation(a, b) == SAME))
