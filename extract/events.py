"""From dated sentences to event candidates: date, title, actors, kind, plan, stance.

A sentence yields one event per distinct dated happening it reports. Each
DATE/TIME with a calendar interval dates the clause it stands in (see
``clauses``); durations, ``PRESENT_REF``-like values and unresolved relatives
date nothing, and neither do bylines, datelines, "nowadays" اليوم, standing
figures and clauses with no finite verb (``happening``). A ``منذ`` ("since")
date dates its clause only when the clause has no other date. A clause
opened by في حين / فيما / بينما or a و + verb that tells a second happening
and has no date of its own becomes a second event with the date of the
clause before it.

Titles are cut from the governing clause itself, never written: the verb
and its subject (with a short object), without the date and the debris its
removal leaves, without attribution, fillers and asides, brackets balanced,
never ending on a particle or a preposition, never one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from . import happening
from .clauses import Clause, clauses
from .furniture import is_learned
from .gazetteer import Gazetteer, gazetteer
from .lexicon import any_spelling, folded_words, load_json, squash
from .normalize import blank_controls, fold
from .patterns import lexicon as _temporal_lexicon
from .segment import Layout, Sentence
from .timex import Timex, make_timex

_TITLE_WORDS = 22
_WHOLE_WORDS = 26  # a clause this long is shown whole rather than cut a few words before its end
_MERGE_WORDS = 20  # merge evidence from the title's head, so a longer title does not dilute it
_ARABIC = re.compile(r"[\u0621-\u064a]")
_WORD = re.compile(r"[^\W\d_]+")
_STRIP = "،,؛;:.-–—_ \t\n"
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"), ("{", "}"))
_QUOTES = ('"', "'")
_ASIDE = re.compile(r"^\s*و?(?:هو|هي|هم|هما)\s")  # ، وهو مسؤول أمني في …،
_THAT_WHEN = re.compile(r"^\s*و?ذلك\s+")
_CONJUNCTION_OPENER = re.compile(r"^\s*(?:فيما|بينما|في حين|وذلك|ذلك)(?![^\W\d_])")
# (15:00 تغ), (00.24 ت غ): the same hour in universal time, glossing a clock the title no longer holds.
_CLOCK_GLOSS = re.compile(r"\(\s*\d{1,2}[.:]\d{2}\s*(?:ت\s*\.?\s*غ|تغ|غرينتش|بتوقيت\s+غرينتش|GMT)\s*\.?\s*\)")
_HIJRI_DEBRIS = re.compile(r"\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4}\s*(?:هـ|ه|م)?(?![^\W\d_])")
_COMPLEMENT_START = re.compile(r"^\s*(?:إن|أن|ان|بأن|بان|إنه|أنه|إنها|أنها)\s")
_LONE_DASHES = re.compile(r"(?<!\S)[-–—ـ]+(?!\S)")
_BRACKETS = re.compile(r"[()\[\]«»“”{}\"']")


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
    planned: bool = False  # scheduled, not yet done (future tense or a date after publication)
    kind: str | None = None  # the happening's class: attack, meeting, decision, statement…


@dataclass(frozen=True)
class _TitleWords:
    drop: re.Pattern
    particles: frozenset[str]
    introducers: re.Pattern
    attribution: re.Pattern
    say: re.Pattern
    lead: re.Pattern


@lru_cache(maxsize=1)
def _title_words() -> _TitleWords:
    data = load_json("lexicon/events.json")

    def alternation(items) -> str:
        return "|".join(any_spelling(re.escape(squash(w)).replace(r"\ ", r"\s+"))
                        for w in sorted(set(items), key=len, reverse=True))

    say = alternation(data["say_verbs"])
    markers = alternation(data["attribution_markers"])
    rules = alternation(data["not_a_source"])
    return _TitleWords(
        drop=re.compile(rf"(?<![^\W\d_])(?:{alternation(data['title_drop'])})(?![^\W\d_])"),
        particles=frozenset(fold(w) for w in data["title_particles"]),
        # من (1982-1990): the bracket opening a date goes with the word introducing it.
        introducers=re.compile(rf"(?:^|\s|(?<=[(«\"“]))(?:{alternation(data['introducers'])})\s*[(«\"“]?\s*$"),
        attribution=re.compile(
            rf"(?<![^\W\d_])(?:{markers})\s*(?:ما\s+)?(?!(?:{rules})(?![^\W\d_]))(?P<src>[^،,.\s][^،,.]{{1,60}})"
            r"|(?P<src2>(?<![^\W\d_])(?:ال)?(?:مصادر|مصدر|مصدران)(?:\s[^\s،,.]+){0,3}?)"
            r"(?=\s*[،,.]|\s(?:إلى|أن|إن|عن|لـ?|ذكر\S*|أوضح\S*|قال\S*|أفاد\S*))"
        ),
        say=re.compile(rf"(?:^|\s)[وف]?(?:{say})\s+(?P<who>[^،,.:]{{3,60}}?)\s*(?:[،,:]|\sإن|\sأن|\sفي\s|\sعن\s|\s?$)"),
        # بحسب ما نقلته القناة فإن …، وطبقا لما ذكره المتحدث بأنه …: who reports, up to what is reported.
        lead=re.compile(rf"^\s*[وف]?(?:{markers})(?!\s*(?:ما\s+)?(?:{rules})(?![^\W\d_]))(?P<src>[^.!?؟]{{0,160}}?)\s(?:فإن|فان|فقد|بأنه|بانه|بأنها|بانها|بأن|بان|أنه|انه|أنها|انها|أن|ان|إن)\s+"),
    )


@lru_cache(maxsize=1)
def _adjunct() -> re.Pattern:
    words = load_json("lexicon/events.json")["adjunct_openers"]
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # في حين opens a happening, not a place; بـ/لـ/بال/لل glue a preposition to the word.
    return re.compile(rf"^\s*(?:(?:{body})(?<!في)\s|في(?!\s+حين)\s|بـ|لـ|بال|لل)")


def dates_an_event(timex: Timex) -> bool:
    """Whether a timex can date a happening on its own: a DATE/TIME with an interval."""
    return timex.type in ("DATE", "TIME") and timex.begin is not None


def content_tokens(text: str) -> frozenset[str]:
    """Folded content words, lightly stemmed, for similarity.

    Prefixes (ال، و، ب، ل، ف) and plural/feminine endings (ون، ين، وا، ات،
    ان، ه) go, so سيطروا/سيطر and الحوثيون/الحوثيين meet.
    """
    return frozenset(stem for stem in map(_content_stem, _WORD.findall(fold(text))) if stem is not None)


@lru_cache(maxsize=1 << 16)  # a pure function of the word: stemmed once, not in every title that holds it
def _content_stem(word: str) -> str | None:
    """A folded word without its prefix and ending, or None when it is no content word."""
    stop = happening.stop_words()
    if word in stop:
        return None
    for prefix in ("وال", "بال", "فال", "لل", "ال", "و", "ل", "ب", "ف"):
        need = 4 if prefix in ("ب", "ف") else 3
        if word.startswith(prefix) and len(word) - len(prefix) >= need:
            word = word[len(prefix):]
            break
    for suffix in ("ون", "ين", "وا", "ات", "ان", "ا", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and len(word) >= 5:
            word = word[: -len(suffix)]
            break
    return word if len(word) >= 3 and word not in stop else None


# ---------------------------------------------------------------- titles


@lru_cache(maxsize=1)
def _waw_roots() -> tuple[str, ...]:
    return tuple(fold(w) for w in happening.event_words().waw_roots)


def _strip_fillers(text: str) -> str:
    words = happening.event_words()
    text = squash(text).strip(_STRIP)
    for _ in range(4):
        before = text
        m = words.fillers.match(text)
        if m and len(text) > m.end():
            text = text[m.end():].strip(_STRIP)
        if text.startswith("و") and len(text) > 3 and text[1] not in " و" and not fold(text[1:]).startswith(_waw_roots()):
            # والقوات → القوات, وأعلن → أعلن, واستمرت → استمرت; وافق, وصل, وزير, واشنطن keep their و.
            text = text[1:]
        elif text.startswith(("فإن ", "فان ", "فال")) or (
                text.startswith("فقد ") and happening.starts_with_verb(text[4:])):  # not فقدت, فقد قيمته (lost)
            text = text[1:]
        if text == before:
            break
    return text


def _balance(text: str) -> str:
    """Drop brackets and quotes that have no partner in the title."""
    if not _BRACKETS.search(text):
        return squash(text)
    chars = list(text)
    for opening, closing in _PAIRS:
        if opening not in text and closing not in text:
            continue  # most titles hold one kind of bracket at most: no walk over their characters for the others
        stack: list[int] = []
        for i, ch in enumerate(chars):
            if ch == opening:
                stack.append(i)
            elif ch == closing:
                if stack:
                    stack.pop()
                else:
                    chars[i] = " "
        for i in stack:
            chars[i] = " "
    for quote in _QUOTES:
        if quote not in text:
            continue
        positions = [i for i, ch in enumerate(chars) if ch == quote]
        if len(positions) % 2:
            chars[positions[-1]] = " "
    text = "".join(chars)
    text = re.sub(r"([(\[«“])\s*([)\]»”])", " ", text)  # empty pairs left by the date's removal
    text = re.sub(r"\"\s*\"", " ", text)
    text = re.sub(r"([(\[«“])\s+", r"\1", text)  # ( غالبا) after the date inside the brackets went
    return squash(text)


_YEAR_WORDS = frozenset(("عام", "العام", "سنه", "السنه", "لعام"))


def _trim_end(words: list[str]) -> list[str]:
    particles = _title_words().particles
    while len(words) > 2:
        last = fold(words[-1].strip("\"'”»)]،,.:؛…«“(["))  # «و left of «30 و31 يوليو» is a lone و
        # هجمات 11 سبتمبر عام 2001: a year after عام or a month is kept, other trailing figures are debris.
        year = re.fullmatch(r"\d{4}", last) and (fold(words[-2]) in _YEAR_WORDS or fold(words[-2]) in _temporal_lexicon().months)
        # مقرا للفرقة 30، القرار رقم 2231: a number after a definite noun or رقم is part of a name.
        # خليجي 23، لخليجي 22: so is one after any content word; after a particle or a date word it is debris.
        before = fold(words[-2].strip("\"'«»“”()"))
        named = (re.fullmatch(r"\d{1,4}", last) and not year and re.fullmatch(r"[^\W\d_]{2,}", before) is not None
                 and before not in particles and before not in _introducer_words()
                 and before not in _temporal_lexicon().months and before not in _YEAR_WORDS)
        if (not last or last in particles or len(last) == 1 or words[-1][-1] in "([{«“"
                or (re.fullmatch(r"[\d.,%/]+", last) and not year and not named)):
            words.pop()
            continue
        break
    return words


def _without_attribution_lead(text: str) -> str:
    """``text`` without an attribution opening it and running to what it reports (``بحسب ما نقلته
    القناة فإن …``، ``طبقا لما ذكره المتحدث بأنه …``): the reported happening is the title."""
    m = _title_words().lead.match(text)
    if not m or len(_WORD.findall(m["src"])) > _ATTRIBUTION_LEAD_WORDS:
        return text
    rest = text[m.end():]
    # The particle (فإن، بأنه، أن) opens a whole clause: what follows it is the happening reported.
    return rest if len(_WORD.findall(rest)) >= _REPORTED_WORDS else text


_ATTRIBUTION_LEAD_WORDS = 16  # an attribution longer than this is more likely a clause of its own
_REPORTED_WORDS = 4  # what is reported, shorter than this, says too little alone


@lru_cache(maxsize=1)
def _introducer_words() -> frozenset[str]:
    # Single words only, and the clock's own words: a number after them is what is left of a date.
    words = load_json("lexicon/events.json")["introducers"]
    return folded_words([w for w in words if " " not in w]) | folded_words(["الساعة", "ساعة", "الساعه", "عام", "سنة"])


@lru_cache(maxsize=4096)  # a pure function of the text; make_title tries the same pieces more than once
def finish_title(text: str) -> str:
    """A clause's text made a title: fillers, attribution and asides out, brackets balanced, at most 22 words."""
    tw = _title_words()
    text = happening.cut_text_introducer(tw.drop.sub(" ", text))
    text = _without_attribution_lead(_strip_fillers(text))
    text = _HIJRI_DEBRIS.sub(" ", text)  # a numeric date the tagger left (14 / 10 / 1436هـ)
    text = _CLOCK_GLOSS.sub(" ", text)
    text = _LONE_DASHES.sub(" ", text)  # -بمشيئة الله- out leaves "- -"; أمريكي-روسي keeps its hyphen
    text = _strip_fillers(text)
    text = _balance(text)
    words = text.split()
    cut = len(words) > _WHOLE_WORDS
    words = _trim_end(words[:_WHOLE_WORDS])
    title = _balance(" ".join(words)).strip(_STRIP)
    return title + ("…" if cut and title else "")


_SHORTEST_CUT = 16  # words: a cut at a boundary further back loses too much of the happening


@lru_cache(maxsize=1)
def _cut_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("lexicon/events.json")
    return folded_words(data["title_cut_before"]), folded_words(data["title_no_cut_after"]) | _title_words().particles


def shown_title(title: str) -> str:
    """The title an event shows: whole up to ``_WHOLE_WORDS`` words; a longer one made to end
    where a phrase or a clause starts, within ``_TITLE_WORDS``.

    It ends before the last relative pronoun, clause marker or preposition
    (… عن طريق البحر | إلى جانب عدد من الأسلحة …) that leaves at least ``_SHORTEST_CUT``
    words, unless the word before it needs what follows (عدد من، من قبل); with no such
    boundary it is cut mid-phrase at ``_TITLE_WORDS`` words, with ….
    """
    if not title.endswith("…"):
        return title
    words = title[:-1].split()
    if len(words) <= _TITLE_WORDS:
        return title  # the sentence's own ellipsis (… ends many a lead), not a cut
    before, not_after = _cut_words()
    for k in range(_TITLE_WORDS, _SHORTEST_CUT - 1, -1):
        word, previous = fold(words[k]).strip("\"'«»“”()"), fold(words[k - 1]).strip("\"'«»“”()،,")
        if word in before and previous not in not_after and not previous.isdigit():
            return _balance(" ".join(_trim_end(words[:k]))).strip(_STRIP)
    return _balance(" ".join(_trim_end(words[:_TITLE_WORDS]))).strip(_STRIP) + "…"


def _without_date(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> str:
    """The clause ``text[start:end]`` without its dates and the words introducing them."""
    tw = _title_words()
    out, cursor = [], start
    for d_start, d_end in sorted(dates):
        if d_end <= start or d_start >= end or d_start < cursor:
            continue
        before = text[cursor:d_start]
        for _ in range(3):
            trimmed = tw.introducers.sub(" ", before)
            if trimmed == before:
                break
            before = trimmed
        out.append(before)
        cursor = min(d_end, end)
    out.append(text[cursor:end])
    return squash(" ".join(out))


def _has_happening(text: str) -> bool:
    return happening.has_verb(text) and len(_WORD.findall(text)) >= 2


def _tells_a_past_happening(text: str) -> bool:
    """Whether the word after a clause's opener is a verb in the past (إذ استعادت، حيث تمكنت), not a
    present state (إذ تستهدف الجماعة … منذ شهور)."""
    words = _WORD.findall(fold(text))[1:2]
    return bool(words) and happening.starts_with_verb(words[0]) and (
        not words[0].startswith(("ي", "ت")) or words[0].startswith("تم"))


@lru_cache(maxsize=None)
def _opener_words(key: str) -> frozenset[str]:
    return folded_words(load_json("lexicon/events.json")[key])


def _opens_on(text: str, key: str) -> bool:
    """Whether ``text`` opens on a word of the lexicon list ``key``."""
    words = _WORD.findall(fold(text))[:1]
    return bool(words) and squash(words[0]) in _opener_words(key)


@lru_cache(maxsize=1)
def _antecedent_cuts() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["antecedent_cuts"])


def _antecedent(text: str, clause: Clause) -> str:
    """The noun phrase a relative clause describes: the last words before it, from its head noun."""
    words = _title_words().drop.sub(" ", text[: clause.start]).rstrip(_STRIP).split()[-_ANTECEDENT_REACH:]
    particles = _antecedent_cuts()
    # Start after the last preposition/particle: من ايدي المتمردين الحوثيين → المتمردين الحوثيين.
    for i in range(len(words) - 1, -1, -1):
        if len(words) - i > 5:
            # بعد أن عزل الجيش الرئيس السابق محمد مرسي الذي …: the verb whose object the antecedent is comes too.
            if i < len(words) - 1 and _verb_of_antecedent(words, i):
                return " ".join(words[i:])
            continue
        if fold(words[i]) in particles or fold(words[i]) in _COMPLEMENTS:
            return " ".join(words[i + 1 :])
        if i > 0 and re.match(r"^(?:بال|لل|كال)[^\W\d_]{2,}", words[i]):
            # ندد الوزير بالتفجير الذي …: the noun after a glued preposition, without it.
            return " ".join(["ال" + words[i][2:] if words[i].startswith("لل") else words[i][1:]] + words[i + 1 :])
        if i < len(words) - 1 and _verb_of_antecedent(words, i):
            return " ".join(words[i:])
    return " ".join(words[-5:])


_ADJUNCT_WORDS = 8  # a fronted adjunct this short follows the happening it frames in the title
_DONE_VERBS = frozenset(("تم", "تمت", "جري", "جرت", "وتم", "وتمت", "وجري", "وجرت"))  # folded: تم/جرى + verbal nouns
_COMPLEMENTS = frozenset(("ان", "بان", "انه", "انها"))  # قالت القوة … إن التحالف الذي …: the antecedent starts after it
_ANTECEDENT_REACH = 8  # words: a verb this far before a relative clause still governs the noun it describes


def _verb_of_antecedent(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a listed verb, or an indefinite word right after أن (أن عزل), i.e. a verb."""
    w = fold(words[i])
    after_an = i > 0 and fold(words[i - 1]) in ("ان", "بان") and not w.startswith("ال")
    return after_an or (happening.word_class(w) is not None and happening.starts_with_verb(words[i]))


def _ends_on_date(text: str, clause: Clause, dates: list[tuple[int, int]]) -> bool:
    """Whether one of ``dates`` closes the clause (nothing but spacing and commas after it)."""
    return any(clause.start <= d_start and d_end <= clause.end and not text[d_end:clause.end].strip(" \t،,")
               for d_start, d_end in dates)


def make_title(sentence_text: str, timex_start: int, timex_end: int,
               parts: list[Clause] | None = None, dates: list[tuple[int, int]] | None = None) -> tuple[str, str]:
    """Cut a title for the happening dated at ``[timex_start, timex_end)`` of a sentence.

    Returns (title, clause): the clause is the text the date governs, the
    title that clause made readable (see ``finish_title``), without any of
    the sentence's ``dates`` (local spans; the timex itself by default). A
    date in an adjunct, a parenthesis or an attribution (``في قصر السلام يوم
    أمس``، ``بحسب … أمس``) dates the nearest clause with a verb; a relative
    clause (``التي سيطرت عليها أمس``) keeps the words it describes; a short
    clause or a statement continues into its object or what it states
    (``أعلنت الوزارة … أن القوات استعادت …``).
    """
    parts = parts if parts is not None else clauses(sentence_text)
    dates = dates if dates is not None else [(timex_start, timex_end)]
    if not parts:
        return finish_title(sentence_text), sentence_text
    sentence_text, parts = _rejoin_around_dates(sentence_text, parts, dates, timex_start)
    index = next((i for i, c in enumerate(parts) if c.start <= timex_start < c.end), None)
    if index is None:
        index = max((i for i, c in enumerate(parts) if c.start <= timex_start), default=0)
    clause = parts[index]
    since = _since_happening(sentence_text[clause.start:timex_start])
    if since:
        # قتل المئات منذ الإطاحة بالرئيس في يوليو 2013: the date dates the ouster, not the killing since.
        # The governed text runs from the sentence's start: its verb tells that there is a happening.
        return since, sentence_text[:timex_end]

    cut: dict[int, str] = {}  # the rules below ask for the same few clauses a dozen times each

    def text_of(i: int) -> str:
        found = cut.get(i)
        if found is None:
            found = cut[i] = _without_date(sentence_text, parts[i].start, parts[i].end, dates)
        return found

    own = text_of(index)
    pieces: list[int] = [index]
    head = index
    # بينما كان يتنقل …: the happening is before (a relative past state is no happening at all).
    circumstance = index > 0 and clause.kind != "relative" and happening.is_past_state(own)
    # …في بلدة أريحا التي تسيطر عليها المعارضة في محافظة إدلب يوم أمس: a relative clause telling a standing
    # state (تسيطر، يقود، تضم) only describes its noun; the date closing it dates the clause it hangs on.
    # الذي يسيطر على … منذ يونيو 2014: a state since a date is what that date dates.
    describes = (index > 0 and clause.kind == "relative" and _relative_state(own)
                 and not re.search(r"منذ\s*$", sentence_text[clause.start:timex_start]))
    circumstance = circumstance or describes
    def can_head(i: int) -> bool:
        text = text_of(i)
        return _has_happening(text) and not _adjunct().match(text) and not _ASIDE.match(text)

    main = next((i for i in range(index - 1, -1, -1) if parts[i].kind == "main" and can_head(i)), None)
    # …، بحسب ما ذكرت مصادر، الخميس.: a date alone after an attribution is the report's date, as inside it.
    attributed = clause.kind == "attribution" or (
        index > 0 and parts[index - 1].kind == "attribution" and not _WORD.findall(finish_title(own)))
    if attributed:
        clause = replace(clause, kind="attribution")
    main_undated = main is not None and not any(parts[main].start <= d[0] < parts[main].end for d in dates)
    raw = sentence_text[clause.start:clause.end]
    told_with_main = main is not None and sum(len(text_of(i).split()) for i in range(main, index + 1)) <= _TITLE_WORDS
    circumstantial = index > 0 and _opens_on(raw, "circumstantial_openers") and main_undated
    # وسط ضغوط تتعرض لها الحكومة غداة التفجير، نفى رئيس الحكومة …: a fronted adjunct dates the main clause after it.
    verb_main = next((i for i in range(1, len(parts)) if parts[i].kind != "relative"), None) if index == 0 else None
    # وفي بيان صدر اليوم، أعرب المفوض …: a و before the preposition changes nothing.
    bare_own = re.sub(r"^\s*[وف](?=(?:في|ب|ل|خلال|بعد|قبل|عقب|إثر|اثر|عند|على|مع)[^\W\d_]*\s)", "", own)
    fronted = (index == 0 and clause.kind == "main" and _adjunct().match(bare_own) is not None and verb_main is not None
               and parts[verb_main].kind == "main" and happening.starts_with_verb(text_of(verb_main)))
    trailing_adjunct = ""
    # اعترف المتهم في تفجير يونيو بانتمائه …، وذلك لدى بدء محاكمته الثلاثاء: وذلك + an adjunct says when the main
    # clause's verb happened, whatever other date the main clause names.
    # Only an adjunct of the same time (لدى، خلال، أثناء): وذلك عقب تفجير سروج الاثنين dates the bombing.
    that_when = (clause.kind == "opener" and main is not None and _THAT_WHEN.match(own) is not None
                 and _opens_on(_THAT_WHEN.sub("", own), "simultaneous_openers")
                 and sum(len(text_of(i).split()) for i in range(main, index + 1)) <= _WHOLE_WORDS)
    if ((clause.kind == "opener" and _CONJUNCTION_OPENER.match(own) and main_undated) or (circumstantial and told_with_main)
            or that_when):
        # قتل أربعة … فيما أصيب ثلاثة آخرون اليوم: the date governs the sentence's main happening too;
        # دافع الرئيس عن الاتفاق، مؤكدا في كلمة أمس أن …: so it does for how its subject acted.
        pieces = list(range(main, index + 1))
        head = main
    elif circumstantial and len(text_of(main).split()) + len(own.split()) <= _TITLE_WORDS:
        # …، الذي توصل إليه بلده مع القوى الست، مؤكدا …: the main clause without what describes its object.
        pieces = [main, index]
        head = main
    elif (not _WORD.findall(finish_title(own)) and re.match(r"^\s*[وف]", raw) and index + 1 < len(parts)
          and parts[index + 1].kind == "main" and can_head(index + 1)
          and not any(parts[index + 1].start <= d[0] < parts[index + 1].end for d in dates)):
        # …، وفي مساء الثلاثاء، تم رصد قاربين: a fronted date dates the clause after it.
        pieces = [index + 1]
        head = index + 1
    elif fronted:
        pieces = [verb_main]
        head = verb_main
        # وفي هجوم جديد اليوم استهدف قافلة، قتل جنديان: the short adjunct tells where and how; it follows the
        # happening in the title rather than being lost.
        if len(_WORD.findall(bare_own)) <= _ADJUNCT_WORDS and verb_main == 1:
            trailing_adjunct = bare_own
    elif (clause.kind == "attribution" or circumstance or not _has_happening(own)
          or (index > 0 and _adjunct().match(own) and main is not None)):
        # The date sits in an adjunct: the happening is the nearest clause with a verb.
        before = [i for i in range(index - 1, -1, -1) if parts[i].kind != "attribution" and can_head(i)]
        # وجه الأمير بنقل الجندي، الذي أصيب خلال عملية إنقاذ، من مستشفى …، بواسطة طيران الإخلاء صباح أمس: a
        # relative clause between describes a noun; the clause that tells the happening is the one it hangs on.
        before = [i for i in before if parts[i].kind != "relative"] + [i for i in before if parts[i].kind == "relative"]
        after = [i for i in range(index + 1, len(parts)) if parts[i].kind != "attribution" and _has_happening(text_of(i))]
        # …، حسبما أفاد مصدر الأربعاء: the report's date dates the sentence's own happening, its first main clause.
        first = next((i for i in range(index) if parts[i].kind == "main" and can_head(i)), None)
        if clause.kind == "attribution" and first is not None:
            head = first
        elif before:
            head = before[0]
        elif after and clause.kind != "attribution":
            head = after[0]
        if head != index:
            pieces = [head] if clause.kind == "attribution" else list(range(min(head, index), max(head, index) + 1))
            if sum(len(text_of(i).split()) for i in pieces) > _TITLE_WORDS:
                # Too long to tell whole: a relative clause between commas (، الذي أصيب …،) only describes
                # a noun; it goes first.
                pieces = [i for i in pieces if i in (head, index) or not _relative_aside(sentence_text, parts, i)]
    prefix = ""
    if parts[head].kind == "relative" and head > 0:
        previous = text_of(head - 1)
        main = next((i for i in range(head - 2, -1, -1) if _has_happening(text_of(i))), None)
        extended = list(range(main if main is not None else head - 1, max(pieces) + 1))
        # A long main clause before would push the relative clause (the dated happening) out of the title.
        fits = sum(len(text_of(i).split()) for i in extended) <= _TITLE_WORDS
        antecedent = _antecedent(sentence_text, parts[head])
        # التحالف الدولي الذي أنشئ: a short relative clause says too little alone; the clause it hangs on comes too.
        fits_after = len(previous.split()) + len(text_of(head).split()) <= _TITLE_WORDS
        # وتغيب الوزير الأستاذ السابق الذي حوكم …: a short clause opening on its verb is told whole before
        # it when no preposition or verb marks where the noun the relative clause describes starts.
        uncut = antecedent == " ".join(_title_words().drop.sub(" ", sentence_text[: parts[head].start]).rstrip(_STRIP).split()[-5:])
        short = parts[head - 1].kind == "main" and fits_after and (
            len(_WORD.findall(antecedent + " " + text_of(head))) < 5
            or (uncut and len(previous.split()) <= 8 and happening.starts_with_verb(previous)
                and not any(parts[head - 1].start <= d[0] < parts[head - 1].end for d in dates)))
        if parts[head - 1].kind == "reported" and len(previous.split()) <= 6 and not _has_happening(previous):
            # قالت القيادة … إن التحالف الذي نفذ …: what is said starts with the noun the relative clause describes.
            pieces = list(range(head - 1, max(pieces) + 1))
        elif len(previous.split()) <= 6 and not _has_happening(previous) and fits:
            pieces = extended
        elif short:
            pieces = list(range(head - 1, max(pieces) + 1))
        else:
            prefix = antecedent
    chosen = sorted(i for i in set(pieces) if i == head or not _ASIDE.match(text_of(i)))
    # سيغادر – بمشيئة الله تعالى – يوم غد …: a verb cut off by a pious formula or a dash.
    while chosen[0] > 0 and parts[chosen[0]].kind == "main" and parts[chosen[0] - 1].kind == "main":
        previous = finish_title(text_of(chosen[0] - 1))
        if previous and not (len(previous.split()) <= 2 and happening.has_verb(previous)):
            break
        chosen.insert(0, chosen[0] - 1)
    statement = happening.verb_class(" ".join(text_of(i) for i in chosen)) == "statement"
    # A short clause or a statement continues into what follows: its object
    # (أصدرت الولايات المتحدة يوم الجمعة، عقوبات …) or what it states.
    for j in range(chosen[-1] + 1, len(parts)):
        nxt = parts[j]
        words = sum(len(text_of(i).split()) for i in chosen)
        # An adjunct (في سقوط صاروخ أطلقته…، إثر انفجار…) tells where and how.
        adjunct = nxt.kind == "main" and _adjunct().match(text_of(j)) is not None
        # …، أمس الثلاثاء، إن جميع المجموعات انسحبت: what the statement says.
        says = statement and _COMPLEMENT_START.match(text_of(j)) is not None
        # قالت الوكالة، نقلا عن الوزارة، إن …: who the statement cites sits between it and what it says.
        if (statement and nxt.kind == "attribution" and j + 1 < len(parts)
                and _COMPLEMENT_START.match(text_of(j + 1)) is not None):
            continue
        # أوضحت الوكالة أن القرار الذي صدر يطال …: what is said has its subject, not yet its verb.
        said = _COMPLEMENT_START.sub("", text_of(chosen[-1])).split()
        subject_only = (parts[chosen[-1]].kind == "reported" and nxt.kind == "relative" and len(said) <= 3
                        and not any(happening.starts_with_verb(w) for w in said))
        if subject_only:
            chosen.append(j)
            continue
        own_date = any(nxt.start <= d[0] < nxt.end for d in dates)
        # عززت القوات مكاسبها أمس، إذ استعادت المدينة: a short title goes on into what it explains;
        # لمحت السلطات إلى تورط جهات في التفجير الذي وقع قرب العاصمة: into a short relative clause that says which.
        explains = _opens_on(text_of(j), "explanation_openers") and _tells_a_past_happening(text_of(j))
        which = (nxt.kind == "relative" and len(text_of(j).split()) <= 8 and not _SEGMENT_BREAK.search(
            sentence_text[parts[j - 1].end:nxt.start]) and (j == len(parts) - 1 or parts[j + 1].kind == "attribution"))
        if words <= 10 and (explains or which) and not own_date and words + len(text_of(j).split()) <= 18:
            chosen.append(j)
            break
        # يطال كلا من: المخلوع …: a piece ending on a word that needs what follows has not got its argument yet.
        ending = (_WORD.findall(fold(text_of(chosen[-1]))) or [""])[-1]
        if (ending in _cut_words()[1] and nxt.kind == "main" and not own_date
                and words + len(text_of(j).split()) <= _WHOLE_WORDS):
            chosen.append(j)
            continue
        # تم تطويق القارب وإيقافه، والقبض على شخصين: a further verbal noun of what تم/جرى tells.
        done_too = (words <= 14 and re.match(r"^\s*وال", text_of(j)) is not None and not own_date
                    and (_WORD.findall(fold(_COMPLEMENT_START.sub("", text_of(chosen[0])))) or [""])[0] in _DONE_VERBS)
        if nxt.kind in ("attribution", "opener", "coordinate", "relative") or (
                words >= (16 if adjunct else 12) and not says and not done_too):
            break
        # نفذت في الساعات الأولى من فجر اليوم، كمائن …: a date closing the clause parted the verb from its object.
        object_after_date = (j == chosen[-1] + 1 and words < 12 and _ends_on_date(sentence_text, parts[chosen[-1]], dates)
                             and parts[chosen[-1]].kind != "relative" and not happening.starts_with_verb(text_of(j))
                             and fold((text_of(j).split() or [""])[0]) not in _title_words().particles
                             and not happening.event_words().fillers.match(squash(text_of(j))))
        if (nxt.kind == "reported" or says or not _has_happening(text_of(j)) or adjunct or object_after_date
                or (statement and words <= 8) or done_too):
            chosen.append(j)
            # What a statement says may continue into its object (… أنها نفذت، كمائن …).
            statement = False
            continue
        break
    last = len(parts) - 1
    if chosen[-1] == last - 1 and parts[last].kind == "main" and _place_tail(text_of(last)):
        chosen.append(last)  # …، جنوبي الرمادي.: where it happened, said last
    if not prefix:
        chosen = _with_its_subject(parts, chosen, text_of, can_head, dates)
        if (chosen[0] > 0 and _speaker_referred(text_of(chosen[0])) and _speaker(text_of(chosen[0] - 1))
                and len(text_of(chosen[0] - 1).split()) <= _SPEAKER_WORDS):
            # قال نائب الرئيس: إن زيارته إلى عدن أمس تأتي …: "his visit" is the speaker's; who speaks stays.
            chosen.insert(0, chosen[0] - 1)
    body = prefix + " " + " ".join(_THAT_WHEN.sub("", text_of(i)) if that_when and i == index else text_of(i)
                                   for i in chosen)
    if trailing_adjunct and len(text_of(head).split()) + len(trailing_adjunct.split()) <= _TITLE_WORDS:
        body = " ".join(text_of(i).rstrip(_STRIP) + (" " + trailing_adjunct if i == head else "") for i in chosen)
    if parts[chosen[0]].kind == "reported":
        body = re.sub(r"^\s*(?:إن|أن|ان|بأن|بان|إنه|أنه|انه)\s+", "", body.strip())
    title = finish_title(body)
    if len(title.split()) < 2:
        title = finish_title(_without_date(sentence_text, 0, len(sentence_text), dates))
    governed = " ".join(sentence_text[parts[i].start:parts[i].end] for i in chosen)
    return title, governed


_TANWEEN = re.compile("[\u064b-\u064d]")
_JOINABLE = ("main", "coordinate", "reported")


def _opens_on_a_verb(text: str) -> bool:
    """Whether ``text`` opens on a finite verb; a word written with tanween (قرارًا) is a noun."""
    words = text.split()
    return bool(words) and not _TANWEEN.search(words[0]) and happening.starts_with_verb(text)


def _without_introducers(text: str) -> str:
    """``text`` without the words at its end that introduce a date after it (في، يوم، صباح…)."""
    tw = _title_words()
    for _ in range(3):
        trimmed = tw.introducers.sub(" ", text)
        if trimmed == text:
            break
        text = trimmed
    return text


def _only_introducers(text: str) -> bool:
    """Whether ``text`` holds nothing but the words that introduce a date and spacing."""
    return not _without_introducers(text).strip(" \t،,(«\"“")


def _rejoin_around_dates(text: str, parts: list[Clause], dates: list[tuple[int, int]],
                         at: int) -> tuple[str, list[Clause]]:
    """The clauses, with those the date at ``at`` parted by commas joined again, and the text with those
    commas blanked (same offsets).

    ``أصدر الرئيس، أمس، قرارا …``، ``حض الاتحاد، اليوم (الثلاثاء)، تركيا على …``، ``استهدف فجر الأحد،
    مخفرا …``: the commas only set the date off; the verb and its subject before it and the object after
    it are one clause, which the date governs. A piece after the date that opens on a verb is a clause of
    its own (``…، أمس، قرر المجلس``), and so is one with a date of its own.
    """
    def dated(c: Clause) -> list[tuple[int, int]]:
        return [d for d in dates if c.start <= d[0] < c.end]

    def comma_between(a: Clause, b: Clause) -> bool:
        return text[a.end:b.start].strip() in ("،", ",")

    def object_after(c: Clause, n: Clause) -> bool:
        # What follows the date is the verb's object or complement: no verb, no date, no aside of its own.
        own = text[n.start:n.end]
        return (n.kind == "main" and comma_between(c, n) and not dated(n) and not _opens_on_a_verb(own)
                and not _ASIDE.match(own) and not _ATTRIBUTION_START.match(fold(own))
                and not _opens_on(own, "circumstantial_openers"))

    out = list(parts)
    joints: list[tuple[int, int]] = []

    def join(a: Clause, b: Clause) -> Clause:
        joints.append((a.end, b.start))
        return Clause(a.start, b.end, a.kind)

    i = 0
    while i < len(out):
        part = out[i]
        spans = sorted(dated(part))
        if not spans or not part.start <= at < part.end:
            i += 1
            continue
        first_start, last_end = spans[0][0], max(d[1] for d in spans)
        rest = _CLOCK_GLOSS.sub(" ", text[last_end:part.end])
        starts_on_date = _only_introducers(text[part.start:first_start])
        ends_on_date = not rest.strip(" \t()،,")
        previous = out[i - 1] if i > 0 else None
        if (previous is not None and i > 1 and _relative_aside(text, out, i - 1) and out[i - 2].kind in _JOINABLE
                and not dated(out[i - 2]) and not dated(previous)):
            # أصدرت محكمة في طرابلس، التي تسيطر عليها الميليشيات، اليوم، حكما …: the aside goes with its noun.
            previous = join(out[i - 2], previous)
            out[i - 2:i] = [previous]
            i -= 1
        # …، وفي مساء الثلاثاء، تم رصد …; …، أمس، قرر المجلس …: a date opened by و, or one a verb follows,
        # is fronted for the clause after it.
        fronted = re.match(r"\s*[وف]", text[part.start:first_start + 1]) is not None or (
            ends_on_date and i + 1 < len(out) and _opens_on_a_verb(text[out[i + 1].start:out[i + 1].end]))
        if (starts_on_date and len(spans) == 1 and not fronted and previous is not None and previous.kind in _JOINABLE and not dated(previous)
                and not _ASIDE.match(text[previous.start:previous.end]) and comma_between(previous, part) and not _opens_on_a_verb(rest)
                and len(_WORD.findall(text[previous.start:previous.end])) >= 2):
            # V S، DATE، O  /  V S، DATE O: one clause.
            part = join(previous, part)
            out[i - 1:i + 1] = [part]
            i -= 1
            if ends_on_date and i + 1 < len(out) and object_after(part, out[i + 1]):
                out[i:i + 2] = [join(part, out[i + 1])]
            i += 1
            continue
        before = _WORD.findall(_without_introducers(text[part.start:first_start]))
        if (ends_on_date and before and i + 1 < len(out) and not _TANWEEN.search(before[-1])
                and happening.starts_with_verb(before[-1]) and happening.word_class(fold(before[-1])) is not None
                and object_after(part, out[i + 1])):
            # استهدف فجر الأحد، مخفرا …: the verb before the date, its object after the comma.
            out[i:i + 2] = [join(part, out[i + 1])]
        i += 1
    if not joints:
        return text, parts
    chars = list(text)
    for a, b in joints:
        chars[a:b] = [" "] * (b - a)
    return "".join(chars), out


_RELATIVE_PRONOUN = re.compile(r"^\s*و?(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)\s+(?P<verb>[^\W\d_]+)")


def _relative_aside(text: str, parts: list[Clause], i: int) -> bool:
    """Whether ``parts[i]`` is a relative clause set off by commas on both sides (، الذي أصيب في الحادث،)."""
    if parts[i].kind != "relative" or i == 0 or i + 1 >= len(parts):
        return False
    return all(re.fullmatch(r"\s*[،,]\s*", gap) for gap in (text[parts[i - 1].end:parts[i].start],
                                                         text[parts[i].end:parts[i + 1].start]))


def _relative_state(text: str) -> bool:
    """Whether a relative clause tells a standing state of its noun (التي تسيطر عليها المعارضة، الذي يقوده)."""
    m = _RELATIVE_PRONOUN.match(fold(text))
    # التحالف الذي تقوده الولايات المتحدة نفذ …: a verb after the state is the sentence's own predicate.
    return bool(m) and squash(m["verb"]) in _opener_words("relative_state_verbs") and not happening.has_verb(
        fold(text)[m.end():])


def _subjectless(text: str) -> bool:
    """Whether a piece tells no one doing anything: it opens on a preposition (في لقطات انتشرت …) or is
    a verb with at most a prepositional phrase or a pronoun object after it (انعقدت في العاصمة، جرى إقراره)."""
    title = finish_title(text)
    words = title.split()
    if not words or _adjunct().match(title) or _glued_verbal_noun(words[0]):
        return bool(words)
    if len(words) > 3 or not happening.starts_with_verb(title):
        return False
    rest = [fold(w) for w in words[1:]]
    return not rest or rest[0] in _title_words().particles or re.match(r"^(?:بال|لل|في|ب|ل)", rest[0]) is not None or (
        len(rest) == 1 and rest[0].endswith(("ه", "ها", "هم")))


# إنها/إنهم + anything, إنه + a verb of his own (إنه سيزور، إنه لن): أنه تم …، أنه راجعت الطالبة … is "that", no one.
_SPEAKER_WORDS = 12  # a say-clause this short names who speaks; a longer one tells more than that
_SAID_PRONOUN = re.compile(r"^\s*(?:إن|أن|ان|بأن|بان)(?:ها|هم|هما|ه\s+(?:س|ي|لن\s|لم\s|سوف\s|قد\s|لا\s))")
_SAID_START = re.compile(r"^\s*(?:إن|أن|ان|بأن|بان)\s+(?P<word>[^\W\d_]+)")


def _speaker_referred(text: str) -> bool:
    """Whether what a say-verb introduces opens on the speaker as a pronoun: إنه/أنها …, or a noun that
    carries it (إن زيارته، أن بلاده)."""
    if _SAID_PRONOUN.match(text):
        return True
    m = _SAID_START.match(text)
    word = m["word"] if m else ""
    return (len(word) >= 4 and not fold(word).startswith("ال")
            and (word.endswith(("ته", "ها", "هم", "هما")) or fold(word).endswith(("اده", "يه"))))


def _glued_verbal_noun(word: str) -> bool:
    """Whether a word is a preposition glued to a verbal noun (بنقل، لبحث): a phrase, not a verb (بحث، لقي)."""
    w = fold(word)
    return (len(w) >= 4 and w[0] in "بل" and not w.startswith(("بال", "لل"))
            and happening.word_class(w) is None and happening.word_class(w[1:]) is not None)


def _verb_first(text: str) -> bool:
    """Whether a piece opens on a verb, not on a noun of a verb's class (زيارة، هجوم: a ة or an article)."""
    words = _WORD.findall(fold(text))
    return bool(words) and happening.starts_with_verb(text) and not words[0].endswith("ه") and not words[0].startswith("ال")


def _with_its_subject(parts: list[Clause], chosen: list[int], text_of, can_head, dates) -> list[int]:
    """The pieces of a title, reaching back to the clause that tells who acts when they alone do not.

    ``…خلال جلسة استماع في مجلس الشيوخ، انعقدت في العاصمة يوم أمس``: the hearing held yesterday
    reads whole only with the clause before it; so does an adjunct (…، في لقطات انتشرت اليوم) and a
    verb after a string of appositions (أجرى نائب الرئيس، رئيس الحكومة، خالد الأحمد، زيارة …).
    """
    first = chosen[0]
    if first == 0:
        return chosen
    own = finish_title(" ".join(text_of(i) for i in chosen))
    # أجرى نائب الرئيس، رئيس الحكومة، خالد الأحمد، زيارة خاطفة: short verbless pieces are appositions.
    apposed = parts[first].kind == "main" and parts[first - 1].kind == "main" and not _verb_first(own) and (
        len(text_of(first - 1).split()) <= 3 and not happening.starts_with_verb(text_of(first - 1)))
    if not (apposed or _subjectless(own)):
        return chosen
    words = sum(len(text_of(i).split()) for i in chosen)
    for i in range(first - 1, max(-1, first - 5), -1):
        if parts[i].kind == "attribution" or any(parts[i].start <= d[0] < parts[i].end for d in dates):
            break
        words += len(text_of(i).split())
        if words > _WHOLE_WORDS:  # a title that long is cut for showing; its subject must not be
            break
        # The clause before need not hold a verb the lexicon knows (ضغط مشرعون …): it is not a fragment itself.
        whole = parts[i].kind in ("main", "coordinate") and not _adjunct().match(text_of(i)) and not _ASIDE.match(text_of(i))
        if (whole and not _subjectless(text_of(i)) and len(text_of(i).split()) >= 2
                and (not apposed or _verb_first(text_of(i)))):
            return list(range(i, chosen[-1] + 1))
        if apposed and (len(text_of(i).split()) > 3 or _verb_first(text_of(i)) or parts[i].kind != "main"):
            break
    return chosen


_SINCE = re.compile(r"(?<![^\W\d_])منذ\s+(?P<what>[^\W\d_]+(?:\s+[^\s،,.]+){1,6}?)\s*$")
_PRONOUN_END = ("ها", "هم", "هما", "هن", "كم", "نا")


def _since_happening(before: str) -> str | None:
    """The happening a date closes after ``منذ`` (منذ الإطاحة بالرئيس [في] يوليو 2013), as a title.

    Only a definite verbal noun phrase (الإطاحة بالرئيس، بدء الحرب، سقوط النظام)
    names a happening; ``منذ فرضها`` (a pronoun) names nothing on its own.
    """
    before = _without_introducers(before)
    m = _SINCE.search(squash(before))
    if not m:
        return None
    words = m["what"].split()
    first, second = fold(words[0]), fold(words[1])
    if first.endswith(_PRONOUN_END) or not (first.startswith("ال") or second.startswith(("ال", "بال", "لل"))):
        return None
    title = finish_title(m["what"])
    return title if len(title.split()) >= 2 else None


@lru_cache(maxsize=1)
def _place_tail_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["place_tails"])


def _place_tail(text: str) -> bool:
    """Whether a piece is a short place (جنوبي الرمادي، بمحافظة الأنبار) with no verb."""
    words = _WORD.findall(fold(text))
    return 2 <= len(words) <= 4 and words[0] in _place_tail_words() and not happening.has_verb(text)


_RELATIVE_HEAD = re.compile(r"^(?:\S+\s+){0,4}?(?:الذي|التي|الذين|والتي|والذي)\s")


def fragmentary_title(title: str) -> bool:
    """Whether a title is a noun phrase and its relative clause, or opens on a preposition."""
    return bool(_RELATIVE_HEAD.match(title) or _adjunct().match(title))


# ---------------------------------------------------------------- events


def _attribution(text: str) -> str | None:
    tw = _title_words()
    m = tw.attribution.search(text)
    if m:
        found = m["src"] or m["src2"] or ""
    else:
        m = tw.say.search(text)
        found = m["who"] if m else ""
    # Derived text: quotes and invisible bidi controls have no place in a name.
    return squash(re.sub("[\"“”«»\u200e\u200f\u202a-\u202e\u2066-\u2069]", " ", found)).strip(_STRIP) or None


_SEGMENT_BREAK = re.compile(r"[،,؛;.:!?؟]")


def _segment(text: str, start: int, end: int) -> tuple[str, int]:
    """The punctuation-bounded piece of ``text`` around ``[start, end)`` and the span's start in it."""
    left = max((m.end() for m in _SEGMENT_BREAK.finditer(text, 0, start)), default=0)
    breaks = [m.start() for m in _SEGMENT_BREAK.finditer(text, end)] + [len(text)]
    # ومنذ يونيو الماضي، سيطر المسلحون …: a fronted date's clause follows its comma.
    fronted = len(_WORD.findall(text[left:start])) <= 2 and len(_WORD.findall(text[end:breaks[0]])) <= 1
    right = breaks[1] if fronted and len(breaks) > 1 else breaks[0]
    return text[left:right], start - left


def _not_a_happening(sentence: Sentence, timex: Timex, clause: str, context: str = "") -> bool:
    """Furniture, datelines, nowadays اليوم, rankings, leaves, figures, states, verbless clauses.

    ``context``: the sentences of the paragraph before this one (a speech's "we").
    """
    local = timex.start - sentence.start, timex.end - sentence.start
    text = sentence.text
    before = (_WORD.findall(text[: local[0]]) or [""])[-1]
    return (
        happening.is_byline(text)
        or happening.is_dateline(text, *local)
        or happening.is_question(text, *local)
        or happening.is_per_day(text, local[0], timex.text)
        or happening.is_nowadays(text, timex.text, context)
        or happening.ranks_rather_than_dates(text, local[0], timex.text)
        or happening.is_leave(text, local[0], timex.granularity)
        or happening.names_a_group(text, local[0], timex.text)
        or happening.is_numbered(text, local[0], timex.text)
        or happening.is_since_state(*_segment(text, *local), timex.text)
        or happening.is_until_state(*_segment(text, *local), timex.text)
        or happening.is_daily_hours(text, local[0], timex.text, timex.type)
        or happening.is_statistic(clause, timex.granularity, before)
        or happening.is_period_total(clause, timex.text, before, timex.granularity)
        or happening.is_figure_over_a_period(clause, timex.granularity, text)
        or happening.closes_a_span(text[: local[0]])
        or happening.is_hypothetical(clause)
        or happening.heads_a_text(clause)
        or happening.is_past_state(clause)
        or not happening.has_verb(clause)
    )


def build_events(layout: Layout, timexes: list[Timex], names: Gazetteer | None = None,
                 dct: date | None = None, furniture: frozenset[str] = frozenset(),
                 anchored: frozenset[int] = frozenset()) -> list[EventCandidate]:
    """Turn a tagged article into event candidates, in text order.

    ``anchored``: starts of anchor words (غداة X) dated by X's happening told
    elsewhere in the article (``date_anchors``); they date their clause.

    ``furniture``: lines learned as the source's furniture (``furniture.learn``) tell no event.
    """
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
    # An opinion column's bare اليوم/غدا is nowadays and the future (في سوريا اليوم), never the paper's day.
    essay = happening.is_essay(layout.folded.original)
    # Ambiguous names are resolved by the whole article: read once the first sentence needs it
    # (about one article in four has no dated happening and never does).
    context = None
    for index, dated in by_sentence.items():
        sentence = sentences[index]
        if is_learned(sentence.text, furniture):
            continue
        text = blank_controls(sentence.text)
        parts = clauses(text)
        # بداية إجازة عيد الأضحى يوم 4/12: the feast names what the date after it dates.
        feasts = [t for t in dated if _feast_beside_a_date(sentence, parts, t, dated) or _feast_as_occasion(sentence, t)]
        offsets = [t for t in dated if _offset_beside_a_date(sentence, parts, t, dated)]
        # بين 22 ديسمبر والرابع من يناير، في ديسمبر أو يناير: a range's end or an alternative dates nothing.
        offsets += [t for t in dated if _ends_a_range(sentence, t, dated) or _named_with_a_guessed_year(sentence, t, dct, dated)]
        # ميزانية الدولة لهذا العام: a date glued to ل says what a thing is for; it stays in the title.
        # ارتفع بنسبة 5% مقارنة بعام 2013: the baseline of a comparison, likewise.
        attributes = [t for t in dated if happening.is_attribute_date(sentence.text, t.start - sentence.start, t.text, t.granularity)
                      or happening.is_comparison_base(sentence.text, t.start - sentence.start, t.text)]
        # لأشهر يناير وفبراير: a date joined by و to such a date is one too.
        for t, nxt in zip(dated, dated[1:]):
            if t in attributes and nxt not in attributes and not sentence.text[t.end - sentence.start:nxt.start - sentence.start].strip() \
                    and fold(nxt.text).startswith("و"):
                attributes.append(nxt)
        offsets += attributes
        # Neither dates; an offset still leaves the title like a date, a feast stays in it. Both still
        # take part in telling a date said in pieces (عيد الفطر 1436هـ: the year is the feast's).
        # غداة إقدام الجبهة على الخطف: an anchor word alone has only a guessed day; it dates no event.
        chosen = [t for t in _governing(sentence, parts, [t for t in dated if dates_an_event(t)])
                  if t not in feasts and t not in offsets
                  and (squash(fold(t.text)) not in _anchor_words() or t.start in anchored)]
        dated = [t for t in dated if t not in feasts]
        if not chosen:
            continue
        if context is None:
            context = names.article_context(layout)
        mentions = names.mentions(sentence.text, context)
        entity_ids = names.with_home(tuple(dict.fromkeys(m.entity.id for m in mentions)), context)
        attribution = _attribution(text)
        # A leave's or a contract's month (عقد أغسطس) names a thing, and a duration
        # (معسكر يستمر ثلاثة أسابيع) is no date: they stay in the title.
        # A date that is part of a name (هجمات 11 سبتمبر) stays too.
        # غداة لقاء مع نظيره: an anchor word alone dates by the happening after it, which reads whole only with it.
        spans = [(t.start - sentence.start, t.end - sentence.start) for t in dated
                 if (t.type in ("DATE", "TIME") or _relative_offset(sentence.text, t.start - sentence.start, t.text))
                 and squash(fold(t.text)) not in _anchor_words()
                 and not happening.is_leave(sentence.text, t.start - sentence.start, t.granularity)
                 and not happening.is_named_by_date(sentence.text, t.start - sentence.start, t.text)
                 and t not in attributes]
        for timex in chosen:
            local_start, local_end = timex.start - sentence.start, timex.end - sentence.start
            title, governed = make_title(text, local_start, local_end, parts, spans)
            speech = " ".join(s.text for s in sentences[max(0, index - _SPEECH_LOOKBACK):index]
                              if s.paragraph == sentence.paragraph)
            if _not_a_happening(sentence, timex, governed, speech) or (essay and happening.is_essay_day(timex.text)):
                continue
            if _reports_the_last(sentence, timex, title, events) or _restates_the_last(sentence, timex, title, events):
                continue
            shown = _with_speaker(title, text, lambda: _recent_speaker(sentences, index))
            events.append(_candidate(names, timex, sentence, title, governed, entity_ids, attribution, dct, context, shown))
            own = next((c for c in parts if c.start <= local_start < c.end), None)
            if (own is not None and own.kind == "opener" and _CONJUNCTION_OPENER.match(text[own.start:own.end])
                    and not (_THAT_WHEN.match(text[own.start:own.end])  # وذلك لدى …: when, not what
                             and _opens_on(_THAT_WHEN.sub("", text[own.start:own.end]), "simultaneous_openers"))):
                # قام الجيش بمحاصرة المدينة في حين قصف الطيران المنازل أمس: the opener is a happening too.
                second = finish_title(_without_date(text, own.start, own.end, spans))
                kind = happening.verb_class(second)
                if kind not in (None, "statement") and len(second.split()) >= 3 and not title.startswith(second[:20]):
                    events.append(_candidate(names, timex, sentence, second, text[own.start:own.end], entity_ids,
                                             attribution, dct, context))
        if events and events[-1].sentence is sentence:
            events.extend(_second_happenings(names, sentence, text, parts, chosen, entity_ids, attribution, dct, events,
                                             context))
    return events


_ATTRIBUTION_START = re.compile(r"^\s*[وف]?(?:بحسب|حسب|حسبما|وفق|وفقا|نقلا عن)(?![^\W\d_])")


def _reports_the_last(sentence: Sentence, timex: Timex, title: str, events: list[EventCandidate]) -> bool:
    """Whether an attribution opening the sentence (…، حسب ما نقلت الوكالة اليوم عن الوزارة "…") only
    reports, on the same day, the happening the sentence before it told: that happening is the event."""
    if not _ATTRIBUTION_START.match(fold(title)):
        return False
    return any(e.sentence.index == sentence.index - 1 and e.sentence.paragraph == sentence.paragraph
               and e.timex.value == timex.value for e in events)


@lru_cache(maxsize=1)
def _came_verbs() -> frozenset[str]:
    return folded_words(load_json("lexicon/temporal.json")["came_after_verbs"]["words"])


def _restates_the_last(sentence: Sentence, timex: Timex, title: str, events: list[EventCandidate]) -> bool:
    """Whether a clause opening on جاء/يأتي (ويأتي تصويت المجلس اليوم بعد …) only places, on the same day,
    the happening the sentence before told: it frames that happening, it is not another one."""
    words = _WORD.findall(fold(title))
    if not words or (words[0][1:] if words[0][:1] in "وف" else words[0]) not in _came_verbs():
        return False
    return any(e.sentence.index == sentence.index - 1 and e.sentence.paragraph == sentence.paragraph
               and e.timex.begin == timex.begin and e.timex.begin is not None for e in events)


@lru_cache(maxsize=1)
def _feasts() -> tuple[str, ...]:
    return tuple(_temporal_lexicon().holidays)


@lru_cache(maxsize=1)
def _folded_feasts() -> tuple[str, ...]:
    # Folded once, not for every timex of every sentence.
    return tuple(squash(fold(f)) for f in _feasts())


def _feast_beside_a_date(sentence: Sentence, parts: list[Clause], timex: Timex, dated: list[Timex]) -> bool:
    """Whether ``timex`` names a feast beside another date, of another day, of its clause or sentence.

    ``بداية إجازة عيد الأضحى يوم 4/12``، ``بدأ، صباح اليوم، حفل المعايدة بعيد الفطر``:
    the feast is the occasion (or the holiday that begins), not the day of the
    happening; it stays in the title. Beyond its clause only when no date word
    (في، يوم، منذ…) introduces it: ``وصل في عيد الفطر وغادر يوم 5 مايو`` keeps both dates.
    A weekday naming a prayer (``خلال صلاة الجمعة في 26 يونيو``) is an occasion too,
    beside any other date, a feast's included.
    """
    prayer = _after_prayer_word(sentence, timex)
    text = squash(fold(timex.text))
    if not (prayer or any(f in text for f in _feasts())):
        return False

    def clause_of(t: Timex) -> int:
        local = t.start - sentence.start
        return next((i for i, c in enumerate(parts) if c.start <= local < c.end), -1)

    own = clause_of(timex)
    # احتفل المسلمون بعيد الأضحى أمس: a feast no date word introduces is the occasion wherever the other date is.
    introduced = _title_words().introducers.search(sentence.text[: timex.start - sentence.start]) is not None
    return any(o is not timex and dates_an_event(o) and o.begin != timex.begin and (clause_of(o) == own or not introduced)
               and (prayer or not any(f in squash(fold(o.text)) for f in _feasts())) for o in dated)


def _feast_as_occasion(sentence: Sentence, timex: Timex) -> bool:
    """Whether a feast no date word introduces names the occasion (تبادلوا التهنئة بعيد الفطر، مظاهر عيد الفطر).

    A feast dates a happening when a date word brings it (في عيد الفطر، يوم العيد،
    خلال أيام العيد); glued to بـ/لـ or after a noun it is what is celebrated or
    described, and it says nothing of the day.
    """
    text = squash(fold(timex.text))
    bare = text[1:] if text[:1] in "وبلف" and not text.startswith(("ليله",)) else text
    if not bare.startswith(_folded_feasts()) or bare.startswith(("يوم", "ايام", "ليله")):
        return False
    before = sentence.text[: timex.start - sentence.start]
    return _title_words().introducers.search(squash(before)) is None and not before.rstrip().endswith(("في", "يوم"))


@lru_cache(maxsize=1)
def _prayer_words() -> frozenset[str]:
    return folded_words(load_json("lexicon/events.json")["prayer_words"])


def _after_prayer_word(sentence: Sentence, timex: Timex) -> bool:
    """Whether a weekday or a feast names a prayer (صلاة الجمعة، خطبة العيد): the occasion, like a feast."""
    if not _opens_on_weekday(timex.text):
        return False  # صلاة العصر اليوم: a prayer's hour on a day, which still dates
    before = _WORD.findall(fold(sentence.text[: timex.start - sentence.start]))[-1:]
    return bool(before) and squash(before[0]) in _prayer_words()


_SPEECH_LOOKBACK = 4  # sentences of the same paragraph that may open the speech a "we" sentence ends
_SPEAKER_LOOKBACK = 3  # sentences: وقال … in a later paragraph may be someone else


def _speaker(text: str) -> str | None:
    """Who a sentence opening on a say-verb names as speaker (قال وزير الخارجية جون كيري إن …)."""
    m = _title_words().say.match(squash(text))
    if not m:
        return None
    words = m["who"].split()
    if not words or fold(words[0]) in _title_words().particles or happening.starts_with_verb(words[0]):
        return None
    return " ".join(words[:6])


def _recent_speaker(sentences: tuple[Sentence, ...], index: int) -> str | None:
    """The speaker named by one of the few sentences before ``index``, the nearest first."""
    for i in range(index - 1, max(-1, index - 1 - _SPEAKER_LOOKBACK), -1):
        found = _speaker(blank_controls(sentences[i].text))
        if found:
            return found
    return None


_SAY_COLON = re.compile(r"^\s*[وف]?(?P<verb>[^\W\d_]+)\s*:")


def _with_speaker(title: str, sentence_text: str, speaker) -> str:
    """A title opening on a say-verb with no subject (وقال خلال مؤتمر صحفي …، وأضاف: …) gets the
    speaker of the sentences before it; ``speaker`` is called only then."""
    words = title.split()
    if len(words) < 2 or fold(words[0].rstrip(":")) not in happening.event_words().say_verbs:
        return title
    verb, rest = words[0].rstrip(":"), words[1:]
    second = fold(rest[0].strip("\"“«"))
    colon = _SAY_COLON.match(sentence_text)
    if not ((colon and fold(colon["verb"]) == fold(verb)) or second in _title_words().particles or rest[0][0] in "\"“«"
            or second in ("خلال", "امام", "لدى", "عبر")):
        return title
    who = speaker()
    if not who:
        return title
    return finish_title(" ".join([verb, who, *rest]))


def _candidate(names: Gazetteer, timex: Timex, sentence: Sentence, title: str, governed: str,
               entity_ids: tuple[str, ...], attribution: str | None, dct: date | None, context=None,
               shown: str | None = None) -> EventCandidate:
    # The title is the text of the happening: its actors decide merging. ``shown``
    # (the title with a speaker named by an earlier sentence) is only displayed.
    # Merging and the kind read the title's first _TITLE_WORDS words, however long the title shown.
    head = " ".join(title.rstrip("…").split()[:_TITLE_WORDS])
    clause_entities = frozenset(m.entity.id for m in names.mentions(head, context) if not m.entity.generic)
    return EventCandidate(
        timex, sentence, shown_title(shown or title), entity_ids, clause_entities, content_tokens(" ".join(title.split()[:_MERGE_WORDS])), attribution,
        happening.stance(governed), happening.is_planned(head, timex.begin, dct, timex.text, timex.last, governed),
        happening.happening_kind(head),
    )


def _second_happenings(names, sentence, text, parts, chosen, entity_ids, attribution, dct, events, context=None):
    """Clauses opened by في حين/فيما/بينما or و + verb that tell another happening without a date."""
    extra = []
    dated_clauses = {i: t for t in chosen for i, c in enumerate(parts) if c.start <= t.start - sentence.start < c.end}
    for i, c in enumerate(parts):
        if c.kind not in ("opener", "coordinate") or i in dated_clauses:
            continue
        previous = [j for j in dated_clauses if j < i]
        if not previous:
            continue
        own = text[c.start:c.end]
        kind = happening.verb_class(own)
        if kind in (None, "statement") or len(own.split()) < 4 or not happening.has_verb(own):
            continue
        if squash(fold(own)).split()[0] in _say_participles():
            continue  # …، مشيرا إلى أن مثل هذه اللقاءات تعد …: what the speaker said, not a second happening
        title = finish_title(own)
        if len(title.split()) < 3 or _continuation().match(squash(fold(title))):
            continue  # فيما استمرت الاشتباكات: an ongoing state borrows no date
        timex = dated_clauses[max(previous)]
        if any(e.timex is timex and e.title == title for e in events):
            continue
        extra.append(_candidate(names, timex, sentence, title, own, entity_ids, attribution, dct, context))
    return extra


@lru_cache(maxsize=1)
def _say_participles() -> frozenset[str]:
    return folded_words(load_json("lexicon/events.json")["say_participles"])


@lru_cache(maxsize=1)
def _continuation() -> re.Pattern:
    words = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["continuation_verbs"]}, key=len, reverse=True)
    return re.compile(r"^[وف]?(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W\d_])")


@lru_cache(maxsize=1)
def _anchor_words() -> frozenset[str]:
    return folded_words(load_json("lexicon/events.json")["anchor_words"])


def _offset_beside_a_date(sentence: Sentence, parts: list[Clause], timex: Timex, dated: list[Timex]) -> bool:
    """Whether ``timex`` counts from something (بعد تسعة شهور) in a clause that also names an absolute date.

    The tagger counts such an offset from the publication date; beside ``فرضت
    لأول مرة في أكتوبر`` it counts from that other happening, which the clause
    dates already: the offset dates nothing of its own.
    """
    words = _WORD.findall(fold(timex.text))
    if not words or words[0] not in ("بعد", "وبعد", "قبل", "وقبل") or not re.search(r"\d|[^\W\d_]", timex.text):
        return False
    if len(words) > 1 and words[1] in ("غد", "غدا", "الغد", "امس", "الامس"):
        return False  # بعد غد، قبل أمس: a day counted from publication, not from the other happening

    def clause_of(t: Timex) -> int:
        local = t.start - sentence.start
        return next((i for i, c in enumerate(parts) if c.start <= local < c.end), -1)

    own = clause_of(timex)
    return any(o is not timex and dates_an_event(o) and clause_of(o) == own and (_WORD.findall(fold(o.text)) or [""])[0] not in ("بعد", "قبل")
               for o in dated)


def _ends_a_range(sentence: Sentence, timex: Timex, dated: list[Timex]) -> bool:
    """Whether ``timex`` ends a range (or is an alternative) opened by the date right before it (see ``happening.ends_a_range``)."""
    before = [o for o in dated if o.end <= timex.start and dates_an_event(o)]
    if not before:
        return False
    first = max(before, key=lambda o: o.end)
    text, base = sentence.text, sentence.start
    return happening.ends_a_range(text[: first.start - base], first.text, text[first.end - base: timex.start - base], timex.text)


def _named_with_a_guessed_year(sentence: Sentence, timex: Timex, dct: date | None, dated: list[Timex] = ()) -> bool:
    """Whether a day and month naming something (ثورتي «25 يناير» و«30 يونيو»، ثورة 25 يناير) got its year by a guess.

    With no year written, the tagger places the day in the year around publication;
    a named day is usually years old, so it dates nothing (a name the tagger knows,
    هجمات 11 سبتمبر → 2001, keeps its own year and still dates).
    """
    if timex.begin is None or re.search(r"\d{4}", timex.text) or timex.granularity != "day":
        return False
    if dct is not None and abs(timex.begin.year - dct.year) > 1:
        return False
    if happening.is_named_by_date(sentence.text, timex.start - sentence.start, timex.text):
        return True
    # ثورتي «25 يناير» و«30 يونيو»: a day joined by و to a named one is named too.
    before = [o for o in dated if o.end <= timex.start]
    if not before:
        return False
    previous = max(before, key=lambda o: o.end)
    joint = sentence.text[previous.end - sentence.start: timex.start - sentence.start].strip(" «»\"“”()")
    return joint == "و" and _named_with_a_guessed_year(sentence, previous, dct, dated)


def _relative_offset(text: str, start: int, timex_text: str) -> bool:
    """Whether a duration at ``start`` measures from another happening (بعد يوم من إعلان…): a date, not a length."""
    before = _WORD.findall(fold(text[:start]))[-1:] + _WORD.findall(fold(timex_text))[:1]
    return any(w in ("بعد", "وبعد", "قبل", "وقبل") for w in before)


_RELATIVE_DAYS = frozenset(("اليوم", "امس", "الامس", "غدا", "غد", "هذا", "يوم"))


def _relative_day(text: str) -> bool:
    words = _WORD.findall(fold(text))
    return bool(words) and all(w in _RELATIVE_DAYS for w in words)


def _opens_on_weekday(text: str) -> bool:
    words = _WORD.findall(fold(text))
    return bool(words) and words[0] in _temporal_lexicon().weekdays


def _governing(sentence: Sentence, parts: list[Clause], dated: list[Timex]) -> list[Timex]:
    """The timexes that date a happening of their own in this sentence."""
    if not dated:
        return []

    def clause_of(t: Timex) -> int:
        local = t.start - sentence.start
        return next((i for i, c in enumerate(parts) if c.start <= local < c.end), -1)

    def after_since(t: Timex) -> bool:
        before = sentence.text[: t.start - sentence.start].rstrip()
        return before.endswith("منذ")

    chosen: list[Timex] = []
    seen: set[tuple[str, str | None]] = set()

    def right_after(t: Timex) -> Timex | None:
        return next((o for o in dated if o is not t and 0 <= o.start - t.end <= 3
                     and not sentence.text[t.end - sentence.start:o.start - sentence.start].strip(" ()")), None)

    def restated(t: Timex) -> bool:
        # هذا اليوم (أمس): a quoted document's own "today" that the paper glosses for its reader
        # in brackets; اليوم الخميس, with a weekday of another day, is that weekday's.
        nxt = right_after(t)
        if nxt is None or nxt.begin == t.begin or not _relative_day(t.text):
            return False
        glossed = sentence.text[t.end - sentence.start:nxt.start - sentence.start].strip() == "(" and _relative_day(nxt.text)
        return glossed or _opens_on_weekday(nxt.text)

    dated = [t for t in dated if not restated(t)]

    def night_end(t: Timex) -> bool:
        # ليل الأحد الإثنين، ليلة الخميس إلى الجمعة: the night between two days is the first day's night.
        night = next((o for o in dated if o is not t and o.value.endswith("TNI") and 0 <= t.start - o.end <= 4
                      and o.begin is not None and t.begin is not None and (t.begin - o.begin).days == 1), None)
        if night is None or not _opens_on_weekday(t.text) or len(_WORD.findall(t.text)) > 1:
            return False
        return sentence.text[night.end - sentence.start:t.start - sentence.start].strip(" -–/") in ("", "إلى", "الى", "و")

    dated = [t for t in dated if not night_end(t)]

    def said_in_pieces(t: Timex, o: Timex) -> bool:
        # في أكتوبر العام الماضي: a year right after a month (or a month after a day)
        # is the same date said in two pieces; so is a year its clause also gives
        # as a day (يوم الأحد 8/11/1436 هـ الموافق 23/8 2015م). The finer one dates.
        if o is t or not (o.begin >= t.begin and o.last <= t.last and (o.begin, o.last) != (t.begin, t.last)):
            return False
        adjacent = 0 <= t.start - o.end <= 3 and not sentence.text[o.end - sentence.start:t.start - sentence.start].strip(" ،,")
        return adjacent or clause_of(o) == clause_of(t) != -1

    dated = [t for t in dated if not any(said_in_pieces(t, o) for o in dated)]
    for t in dated:
        key = (t.value.split("T")[0], t.mod)
        if key in seen:
            continue
        if after_since(t) and any(clause_of(o) == clause_of(t) and not after_since(o) for o in dated if o is not t):
            continue
        seen.add(key)
        chosen.append(t)
    return chosen


_ANCHOR_OFFSETS = {"غداه": 1, "وغداه": 1, "عشيه": -1, "وعشيه": -1}
_ANCHOR_REACH = 12  # words of X after the anchor word, at most to its clause's end
_ANCHOR_SHARED = 2  # content words X shares with the happening that dates it


def date_anchors(layout: Layout, timexes: list[Timex], events: list[EventCandidate]) -> list[Timex]:
    """Date ``غداة X`` / ``عشية X`` left undated by the tagger from X's happening told elsewhere in the article.

    ``وسط ضغوط غداة التفجير الانتحاري في بلدة سروج، نفى رئيس الحكومة …`` with
    ``منفذ العملية الانتحارية في سروج، أول من أمس``: X is the event of the
    article, dated to a day, of the same kind as X whose title shares at least
    two content words with X (a report of it, whose title opens on a say-verb,
    does not count). One such event only: with none, or two of different days,
    the anchor stays undated rather than guessed. Returns ``timexes`` with the
    anchors so dated (same spans, new values).
    """
    out = list(timexes)
    for i, t in enumerate(timexes):
        offset = _ANCHOR_OFFSETS.get(squash(fold(t.text)))
        if offset is None or t.begin is not None:
            continue
        sentence = next((s for s in layout.sentences if s.start <= t.start < s.end), None)
        if sentence is None:
            continue
        after = re.split(r"[،,؛;:.]", sentence.text[t.end - sentence.start:])[0]
        x = " ".join(after.split()[:_ANCHOR_REACH])
        kind, tokens = happening.verb_class(x), content_tokens(x)
        if kind is None:
            continue
        days = {e.timex.begin for e in events
                if e.sentence is not sentence and e.timex.granularity == "day" and happening.verb_class(e.title) == kind
                and len(e.clause_tokens & tokens) >= _ANCHOR_SHARED}
        if len(days) == 1:
            day = next(iter(days)) + timedelta(days=offset)
            out[i] = make_timex(t.start, t.end, t.text, "DATE", day.isoformat(), t.mod)
    return out
