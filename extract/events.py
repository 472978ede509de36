"""From dated sentences to event candidates: date, title, actors, attribution, stance.

A sentence yields one event per distinct dated happening it reports: each
DATE/TIME with a calendar interval dates the clause it stands in. Durations,
``PRESENT_REF``-like values and unresolved relatives date nothing; a ``منذ``
("since") date dates its clause only when the clause has no other date.
Titles are cut from the sentence itself, never written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, Mention, gazetteer
from .lexicon import squash
from .normalize import blank_controls, fold
from .segment import Layout, Sentence
from .timex import Timex

_CLAUSE_BREAK = re.compile(r"[،,؛;:]|\s[-–]\s|\s\.(?=\S)|\s(?=(?:وفي|في حين|فيما|بينما|والتي|مشيرا|مشيراً|مضيفا|مضيفاً|موضحا|موضحاً)\s)")
_LEADING_FILLER = re.compile(
    r"^(?:و?كان(?:ت)?\s+|يذكر\s+(?:أن|ان)\s+|يشار\s+(?:إلى\s+)?(?:أن|ان)(?:ه)?\s+|و?قد\s+"
    r"|(?:مشيرا|مشيراً|مضيفا|مضيفاً|موضحا|موضحاً)\s+(?:إلى\s+)?(?:أن\s+)?|(?:في حين|فيما|بينما)\s+"
    r"|و(?!(?:صف|قع|صل|جه|فق|ضع|عد|قف|زع|رد|جد|لد|ثق|سع|صو|حد|طن|زير|زار|كال|لاي|ثيق|ضح)|ل[اي]\S)(?=\S{2,}))"
)
_DISCOURSE_FILLER = re.compile(r"^\s*و?(?:في صعيد متصل|في المقابل|من جهته|من جهتها|بدوره|بدورها|في غضون ذلك|في حين|إلى ذلك)\s*$")
_PREPOSITIONAL = re.compile(r"^(?:في|خلال|عقب|إثر|أثناء)\s")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_ATTRIBUTION_TAIL = re.compile(r"\s*[،,]?\s*(?:بحسب|حسب|وفق|وفقا|وفقاً|نقلا عن|نقلاً عن)\s.*$")
_INTRODUCERS = re.compile(r"(?:\s|^)(?:في|منذ|خلال|حتى|بحلول|بتاريخ|يوم|وفي|ومنذ|وحتى|عند|بعد)\s*$")
_RELATIVE_START = re.compile(r"^(?:الذي|التي|الذين|اللذين|والتي|والذي)\s")
_STRIP = "،,؛;:.-–— \"“”«»()"
_ATTRIBUTION = re.compile(
    r"(?<![^\W\d_])(?:بحسب|حسب|وفق(?:اً|ًا|ا)?(?:\s*لـ?)?|نقل(?:اً|ًا|ا)\s+عن)\s*(?P<src>[^،,.\s][^،,.]{1,60})"
    r"|(?P<src2>(?<![^\W\d_])(?:ال)?(?:مصادر|مصدر|مصدران)(?:\s[^\s،,.]+){0,3}?)(?=\s*[،,.]|\s(?:إلى|أن|إن|عن|لـ?|ذكر\S*|أوضح\S*|قال\S*|أفاد\S*))"
)
_SAY_VERB = re.compile(r"(?:^|\s)و?(?:قال|قالت|أفاد|أفادت|ذكر|ذكرت|أعلن|أعلنت|أكد|أكدت|أوضح|أوضحت|كشف|كشفت|نفى|نفت)\s+(?P<who>[^،,.:]{3,60}?)\s*(?:[،,:]|\sإن|\sأن|\sفي\s|\sعن\s|\s?$)")
_DENIAL = re.compile(r"(?<![^\W\d_])و?(?:نفت|نفى|تنفي|ينفي|نفي|نفته|نفيه|المفبرك|مفبرك|مفبركة|خاطئة|كذبت|تكذيب)(?![^\W\d_])")
_CLAIM = re.compile(r"(?<![^\W\d_])و?(?:تبنى|تبنت|تبنته|تتبنى|يتبنى|زعم|زعمه|يزعم|تزعم|ادعى|ادعت|حسب زعمه)(?![^\W\d_])")
_TITLE_WORDS = 16
_STOP = frozenset(fold(w) for w in (
    "في من على الى إلى عن مع أن إن الذي التي الذين هذا هذه ذلك تلك قد كان كانت وكان لم لن ما لا هو هي هم "
    "بعد قبل خلال منذ حتى بين عند كما أو ثم وقد وفي وهو وهي إلى تم عدد نحو أكثر أقل كل بشكل").split())


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """One dated happening reported by one sentence."""

    timex: Timex
    sentence: Sentence
    title: str
    entities: tuple[str, ...]  # entity ids named in the sentence
    clause_entities: frozenset[str]  # specific entity ids named in the title
    clause_tokens: frozenset[str]  # content words of the title, for merging
    attribution: str | None
    stance: str | None  # "denied", "claimed" or None


def dates_an_event(timex: Timex) -> bool:
    """Whether a timex can date a happening on its own: a DATE/TIME with an interval."""
    return timex.type in ("DATE", "TIME") and timex.begin is not None


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((begin, m.start()))
        begin = m.end()
    spans.append((begin, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip(_STRIP)]


def _clean(text: str) -> str:
    text = squash(text).strip(_STRIP)
    for _ in range(2):
        text = _LEADING_FILLER.sub("", text).strip(_STRIP)
    return text


def _words(text: str) -> int:
    return len(text.split())


def _cut(text: str) -> str:
    words = text.split()
    return " ".join(words[:_TITLE_WORDS]) + ("…" if len(words) > _TITLE_WORDS else "")


def content_tokens(text: str) -> frozenset[str]:
    """Folded content words with light stemming (ال, و, ب, ل dropped), for similarity."""
    tokens = set()
    for word in re.findall(r"[^\W\d_]+", fold(text)):
        for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix):]
                break
        if len(word) >= 3 and word not in _STOP:
            tokens.add(word)
    return frozenset(tokens)


def make_title(sentence_text: str, timex_start: int, timex_end: int) -> tuple[str, str]:
    """Cut a title for the happening dated at ``[timex_start, timex_end)`` of a sentence.

    Returns (title, clause): the clause is the part of the sentence the date
    governs, the title that clause without the date, leading fillers
    (وكان، يذكر أن) and attribution tails (بحسب…، وفق…), at most 16 words.
    """
    clauses = _clauses(sentence_text)
    index = next((i for i, (s, e) in enumerate(clauses) if s <= timex_start < e), 0)
    start, end = clauses[index] if clauses else (0, len(sentence_text))

    def without_date(s: int, e: int) -> str:
        before = sentence_text[s:max(s, timex_start)]
        before = _INTRODUCERS.sub(" ", before) if timex_start >= s else before
        after = sentence_text[min(e, timex_end):e] if timex_end <= e else ""
        return before + " " + after if s <= timex_start < e else sentence_text[s:e]

    clause = sentence_text[start:end]
    title = _clean(_ATTRIBUTION_TAIL.sub("", without_date(start, end)))
    if _RELATIVE_START.match(title) and index > 0:
        # والتي بدأت في 7 أكتوبر: the happening is named in the previous clause.
        previous = sentence_text[clauses[index - 1][0]:clauses[index - 1][1]].split()[-6:]
        title = _clean(" ".join(previous) + " " + title)
    elif _words(title) < 3 or re.match(r"^\s*و?ذلك\s", clause):
        # The date stands in a parenthesis of its own (أمس الثلاثاء، …) or in a
        # trailing "وذلك …": the rest of the sentence is the happening.
        pieces = [
            sentence_text[s:e] for i, (s, e) in enumerate(clauses)
            if i != index and _ARABIC.search(sentence_text[s:e]) and not _DISCOURSE_FILLER.match(sentence_text[s:e])
        ]
        title = _clean(_ATTRIBUTION_TAIL.sub("", " ".join(pieces)))
        clause = sentence_text
    elif _words(title) < 8 and index + 1 < len(clauses) and not sentence_text[timex_end:end].strip(_STRIP):
        # أصدرت الولايات المتحدة يوم الجمعة، عقوبات …: the date closes a short
        # clause and what happened follows it.
        following = sentence_text[clauses[index + 1][0]:clauses[index + 1][1]]
        title = _clean(title + " " + _ATTRIBUTION_TAIL.sub("", following))
    elif _PREPOSITIONAL.match(title) and index + 1 < len(clauses):
        # وفي بيان نشر … يوم الجمعة، وصف الولائي …: the date sits in an adjunct.
        following = sentence_text[clauses[index + 1][0]:clauses[index + 1][1]]
        if _words(_clean(following)) >= 3:
            title = _clean(_ATTRIBUTION_TAIL.sub("", following))
    return _cut(title) or _cut(_clean(sentence_text)), clause


def _attribution(text: str) -> str | None:
    m = _ATTRIBUTION.search(text)
    if m:
        found = m["src"] or m["src2"] or ""
    else:
        m = _SAY_VERB.search(text)
        found = m["who"] if m else ""
    return squash(re.sub("[\"“”«»]", " ", found)).strip(_STRIP) or None


def _stance(text: str) -> str | None:
    if _DENIAL.search(text):
        return "denied"
    if _CLAIM.search(text):
        return "claimed"
    return None


def build_events(layout: Layout, timexes: list[Timex], names: Gazetteer | None = None) -> list[EventCandidate]:
    """Turn a tagged article into event candidates, in text order."""
    names = names or gazetteer()
    by_sentence: dict[int, list[Timex]] = {}
    sentences = layout.sentences
    cursor = 0
    for timex in timexes:
        while cursor < len(sentences) and sentences[cursor].end <= timex.start:
            cursor += 1
        if cursor < len(sentences) and sentences[cursor].start <= timex.start:
            by_sentence.setdefault(cursor, []).append(timex)
    events: list[EventCandidate] = []
    context = names.article_context(layout)  # ambiguous names are resolved by the whole article
    for index, dated in by_sentence.items():
        sentence = sentences[index]
        mentions = names.mentions(sentence.text, context)
        entity_ids = names.with_home(tuple(dict.fromkeys(m.entity.id for m in mentions)), context)
        attribution = _attribution(sentence.text)
        stance = _stance(sentence.text)
        chosen = _governing(sentence, [t for t in dated if dates_an_event(t)])
        for timex in chosen:
            local_start, local_end = timex.start - sentence.start, timex.end - sentence.start
            title, _clause = make_title(blank_controls(sentence.text), local_start, local_end)
            # The title is the text of the happening: its actors decide merging.
            clause_entities = frozenset(m.entity.id for m in names.mentions(title, context) if not m.entity.generic)
            events.append(EventCandidate(timex, sentence, title, entity_ids, clause_entities,
                                         content_tokens(title), attribution, stance))
    return events


def _governing(sentence: Sentence, dated: list[Timex]) -> list[Timex]:
    """The timexes that date a happening of their own in this sentence."""
    if not dated:
        return []
    clauses = _clauses(sentence.text)

    def clause_of(t: Timex) -> int:
        local = t.start - sentence.start
        return next((i for i, (s, e) in enumerate(clauses) if s <= local < e), -1)

    def after_since(t: Timex) -> bool:
        before = sentence.text[: t.start - sentence.start].rstrip()
        return before.endswith("منذ")

    chosen: list[Timex] = []
    seen: set[tuple[str, str | None]] = set()
    for t in dated:
        key = (t.value.split("T")[0], t.mod)
        if key in seen:
            continue
        if after_since(t) and any(clause_of(o) == clause_of(t) and not after_since(o) for o in dated if o is not t):
            continue
        seen.add(key)
        chosen.append(t)
    return chosen
