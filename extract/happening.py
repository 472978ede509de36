"""Is a dated clause a happening? Its kind, whether it is planned, and its stance.

The words live in ``data/lexicon/events.json``; everything here matches them
on folded text (``normalize.fold``), so any spelling of a listed word counts.

* ``verb_class``: the kind of happening a clause tells (attack, meeting,
  decision, statement…), from its first word of a listed class.
* ``has_verb``: whether a clause has a finite verb at all (a listed verb, a
  future or imperfect prefix on a word, or a perfect-tense ending on one).
* ``is_byline``: bylines, datelines and other furniture lines that carry a
  date or the paper's name (``عين اليوم – بيروت``, ``رغد عشميل – عين اليوم``).
* ``is_dateline``: a date that opens a paragraph as its dateline
  (``جدة 20 شوال 1436 هـ الموافق 5 أغسطس 2015 م واس``): it dates the paper,
  not a happening.
* ``is_nowadays``: ``اليوم`` meaning "nowadays" (``نحن اليوم``, ``حتى اليوم``).
* ``is_statistic``: standing figures and descriptions (``يبلغ عدد``, ``تعد من``).
* ``is_planned``: future tense (سـ، سوف، يعتزم، من المقرر…) or a date after
  publication.
* ``stance``: ``denied`` when the clause denies (نفى، أكاذيب، مزاعم كاذبة),
  ``claimed`` when it claims (زعم، ادعى، تبنى المسؤولية); ``تبنى`` with a
  resolution or a decision is adoption, not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .lexicon import any_spelling, load_json, squash
from .normalize import fold, fold_with_offsets

_WORD = re.compile(r"[^\W\d_]+")
# Endings a listed verb or noun takes (قصف → قصفت، قصفوا؛ قرار → قرارات).
_SUFFIXES = ("", "ت", "وا", "ا", "ه", "ها", "هم", "ات", "ين", "ون", "ان", "تا", "تم", "نا", "وه", "اه")
_ARTICLE = re.compile(r"^(?:وال|بال|فال|لل|ال)")
_IMPERFECT = re.compile(r"^[وف]?[يت](?:[^\W\d_]{2,6})$")
_FUTURE_PREFIX = re.compile(r"^[وف]?س[يتن][^\W\d_]{2,}$")
_PERFECT = re.compile(r"^[وف]?(?:ا|است|ان|ت)?[^\W\d_]{2,4}(?:ت|وا|تا)$")


@dataclass(frozen=True)
class EventWords:
    """The compiled contents of ``data/lexicon/events.json``."""

    fillers: re.Pattern
    waw_roots: tuple[str, ...]
    discourse: re.Pattern
    openers: tuple[str, ...]
    attribution: tuple[str, ...]
    say_verbs: frozenset[str]
    denial: re.Pattern
    claim: re.Pattern
    adopt_verbs: frozenset[str]
    adopt_objects: frozenset[str]
    stop: frozenset[str]
    future: re.Pattern
    future_exceptions: tuple[str, ...]
    bylines: re.Pattern
    agencies: re.Pattern
    nowadays: re.Pattern
    statistics: re.Pattern
    superlatives: frozenset[str]
    hypothetical: re.Pattern
    leave_words: frozenset[str]
    clock_openers: tuple[str, ...]
    clock_day_words: frozenset[str]
    classes: dict[str, str]  # folded word → class
    class_phrases: tuple[tuple[str, str], ...]  # folded multi-word phrase → class


def _phrases(words: list[str]) -> re.Pattern:
    folded = sorted({squash(fold(w)) for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)
    # With or without a glued conjunction or preposition: ونفى، بمزاعم، وأكاذيب.
    return re.compile(rf"(?<![^\W\d_])(?:[وف]?(?:ب|ل|لل)?)(?:{body})(?![^\W\d_])")


@lru_cache(maxsize=1)
def event_words() -> EventWords:
    """Load and compile the event lexicon (cached)."""
    data = load_json("lexicon/events.json")
    classes: dict[str, str] = {}
    class_phrases: list[tuple[str, str]] = []
    for name, words in data["verb_classes"].items():
        if name.startswith("_"):
            continue
        for word in words:
            key = squash(fold(word))
            if " " in key:
                class_phrases.append((key, name))
            else:
                classes.setdefault(key, name)
    return EventWords(
        fillers=re.compile(
            r"^(?:" + "|".join(any_spelling(re.escape(squash(w)).replace(r"\ ", r"\s+"))
                               for w in sorted(data["leading_fillers"], key=len, reverse=True)) + r")(?:\s+|$)"
        ),
        waw_roots=tuple(data["waw_roots"]),
        discourse=re.compile(r"^\s*و?(?:" + "|".join(re.escape(w) for w in data["discourse_fillers"]) + r")\s*$"),
        openers=tuple(data["clause_openers"]),
        attribution=tuple(data["attribution_markers"]),
        say_verbs=frozenset(fold(w) for w in data["say_verbs"]),
        denial=_phrases(data["denial_words"]),
        claim=_phrases(data["claim_words"]),
        adopt_verbs=frozenset(fold(w) for w in data["claim_adopt_verbs"]),
        adopt_objects=frozenset(fold(w) for w in data["claim_adopt_objects"]),
        stop=frozenset(fold(w) for w in data["stop_words"]),
        future=_phrases(data["future_words"]),
        future_exceptions=tuple(fold(w) for w in data["future_prefix_exceptions"]),
        bylines=_phrases(data["byline_marks"]),
        agencies=_phrases(data["dateline_agencies"]),
        nowadays=_phrases(data["nowadays_contexts"]),
        statistics=_phrases(data["statistic_patterns"]),
        superlatives=frozenset(fold(w) for w in data["superlatives"]),
        hypothetical=_phrases(data["hypothetical_markers"]),
        leave_words=frozenset(fold(w) for w in data["not_a_date_after"]),
        clock_openers=tuple(squash(fold(w)) for w in data["clock_span_openers"]),
        clock_day_words=frozenset(fold(w) for w in data["clock_day_words"]),
        classes=classes,
        class_phrases=tuple(class_phrases),
    )


@lru_cache(maxsize=1)
def _not_verbs() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["not_verbs"])


def _bare(word: str) -> list[str]:
    """A folded word without its conjunction/future/preposition prefixes, most likely first."""
    forms = [word]
    if len(word) > 3 and word[0] in "وف" and not word.startswith(waw_nouns()):
        forms.append(word[1:])
    for form in list(forms):
        if len(form) > 3 and form[0] == "س" and form[1] in "يتن":
            forms.append(form[1:])
        if len(form) > 4 and form[0] in "بل" and form[1:3] == "ال":
            forms.append(form[1:])
    return forms


@lru_cache(maxsize=1)
def waw_nouns() -> tuple[str, ...]:
    """Folded nouns whose و is their first letter, not a conjunction (وزارة is a ministry, not "and he visited her")."""
    return tuple(fold(w) for w in load_json("lexicon/events.json")["waw_nouns"])


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked for every word of every title
def word_class(word: str) -> str | None:
    """The happening class of one folded word, or None."""
    classes = event_words().classes
    for form in _bare(word):
        for suffix in _SUFFIXES:
            if suffix and not form.endswith(suffix):
                continue
            stem = form[: len(form) - len(suffix)] if suffix else form
            if len(stem) >= 2 and stem in classes:
                return classes[stem]
    return None


@lru_cache(maxsize=4096)  # a pure function of the clause; build_events asks about one clause several times
def verb_class(text: str) -> str | None:
    """The kind of happening a clause tells: the class of its first listed word.

    ``ندد الوزير بالهجوم`` is a statement (about an attack), ``شن الجيش هجوما``
    an attack.
    """
    folded = fold(text)
    found: list[tuple[int, str]] = []
    for phrase, name in event_words().class_phrases:
        at = folded.find(phrase)
        if at >= 0:
            found.append((at, name))
    market_ok = _market_words().search(folded) is not None
    for m in _WORD.finditer(folded):
        name = word_class(m.group())
        if name == "market" and not market_ok:
            continue  # ارتفعت حصيلة الضحايا is no market move
        if name == "decision" and re.match(r"\s+(?:\S+\s+){0,3}?(?:ال)?بيان", folded[m.end():]):
            name = "statement"  # أصدر الديوان بيانا: a statement, not a decision
        if name == "attack" and re.match(r"\s+(?:\S+\s+)?(?:ب|بال)?عقوبات", folded[m.end():]):
            name = "decision"  # استهدافهم بالعقوبات: sanctions, not an attack
        if name:
            found.append((m.start(), name))
            break
    return min(found)[1] if found else None


@lru_cache(maxsize=1)
def other_verbs() -> frozenset[str]:
    """Folded verbs of no listed class that still tell a happening (قام ب، تم، جرى، بات)."""
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["other_verbs"])


@lru_cache(maxsize=1)
def casualty_verbs() -> frozenset[str]:
    """Folded passive verbs of casualties (أُصيب، أصيبوا، جُرح): a happening, of no class of their own."""
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["casualty_verbs"])


_COMPLEMENT = re.compile(r"(?<![^\W\d_])(?:ان|انه|انها|بان)(?![^\W\d_])")


def happening_kind(title: str) -> str | None:
    """The kind of happening a title tells, looking through a report of it.

    ``قال مصدر إن منفذ العملية الانتحارية …`` tells an attack: a say-verb
    followed by what it says gives the kind of what is said (when that has
    one). ``ندد الوزير بالهجوم`` is not a report but a reaction: a statement.
    """
    kind = verb_class(title)
    words = _WORD.findall(fold(title))
    if kind != "statement" or not words:
        return kind
    first = next((w for w in words[:4] if w in event_words().say_verbs or w[1:] in event_words().say_verbs), None)
    m = _COMPLEMENT.search(fold(title))
    if first is None or m is None:
        return kind
    return verb_class(fold(title)[m.end():]) or kind


def starts_with_verb(text: str) -> bool:
    """Whether a clause opens on a finite verb (أعلنت، قصفت، يزور، سيغادر)."""
    words = _WORD.findall(fold(text))
    if not words:
        return False
    w = words[0]
    if w in event_words().say_verbs or w in other_verbs():
        return True
    if _ARTICLE.match(w) or w in _not_verbs() or w.startswith("م"):
        return False
    return bool(word_class(w) or _IMPERFECT.match(w) or _FUTURE_PREFIX.match(w)
                or (_PERFECT.match(w) and not w.endswith("ات")))


_RELATIVE_THEN_WORD = re.compile(r"^\s*و?(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)\s+(?P<next>[^\W\d_]{3,})")
_TANWEEN_WORD = re.compile(r"\S*[\u064B-\u064D]\S*")


@lru_cache(maxsize=4096)  # a pure function of the clause; build_events asks about one clause several times
def has_verb(text: str) -> bool:
    """Whether a clause holds a finite verb (a happening, a statement, a plan).

    A word written with tanween (قراراً، هجومٌ، بيانٍ) is a noun, never a verb.
    """
    words = event_words()
    folded = fold(_TANWEEN_WORD.sub(" ", text))
    if any(phrase in folded for phrase, _ in words.class_phrases):
        return True
    m = _RELATIVE_THEN_WORD.match(folded)
    if m and not _ARTICLE.match(m["next"]) and m["next"] not in words.stop and m["next"] not in _not_verbs():
        return True  # الذين طالتهم …: right after a relative pronoun comes its verb
    for m in _WORD.finditer(folded):
        w = m.group()
        if (w in words.say_verbs or word_class(w) or w in other_verbs() or (w[0] in "وف" and w[1:] in other_verbs())
                or w in casualty_verbs() or (w[0] in "وف" and w[1:] in casualty_verbs())):
            return True
        if _ARTICLE.match(w) or w in _not_verbs():
            continue
        if _IMPERFECT.match(w) or (_FUTURE_PREFIX.match(w) and not _future_exception(w)):
            return True
        if _PERFECT.match(w) and len(w) >= 4 and not (w.endswith("ات") and len(w) >= 5):
            return True  # -ات ends plural nouns (عبوات) more often than verbs
    return False


def _future_exception(word: str) -> bool:
    bare = word[1:] if word[0] in "وف" else word
    return any(bare.startswith(e) for e in event_words().future_exceptions)


@lru_cache(maxsize=1)
def _planned_cues() -> re.Pattern:
    return _phrases(load_json("lexicon/events.json")["planned_cues"])


def is_future(text: str) -> bool:
    """Whether a clause is in the future tense (سـ، سوف، يعتزم، من المقرر، من المؤمل، غدا…)."""
    folded = fold(text)
    if event_words().future.search(folded) or _planned_cues().search(folded):
        return True
    return any(_FUTURE_PREFIX.match(m.group()) and not _future_exception(m.group()) for m in _WORD.finditer(folded))


def _starts_imperfect(text: str) -> bool:
    for m in _WORD.finditer(fold(text)):
        w = m.group()
        return bool(_IMPERFECT.match(w)) and w not in _not_verbs() and not _ARTICLE.match(w)
    return False


_HYPOTHESIS = re.compile(r"(?<![^\W\d_])(?:اذا|لو|في حال)(?![^\W\d_]).*$")
_PAST_INTENT = re.compile(r"(?<![^\W\d_])و?كان(?:ت|وا|ا)?\s+[^\W\d_]+")


# المقبل/القادم after a noun (للعام الدراسي القادم) describes the noun, not the tense of the clause's verb.
_COMING = re.compile(r"(?<=[^\W\d_]\s)(?:ال)?(?:مقبل|مقبله|قادم|قادمه)(?![^\W\d_])")


def _asserted(title: str) -> str:
    """The part of a title that asserts: without what follows إذا/لو, without كانوا يعتزمون (a past intent)
    and without a noun's "coming" (العام الدراسي القادم)."""
    return _COMING.sub(" ", _PAST_INTENT.sub(" ", _HYPOTHESIS.sub(" ", fold(title))))


@lru_cache(maxsize=1)
def _relative_future() -> re.Pattern:
    return _phrases(load_json("lexicon/events.json")["relative_future_words"])


def is_planned(title: str, begin: date | None, dct: date | None, timex_text: str = "",
               last: date | None = None, clause: str = "") -> bool:
    """Whether the happening is scheduled rather than done.

    A date after publication is planned; a date wholly before it is not,
    whatever the tense (``سيتوجه الملك … السبت`` read on Sunday). Otherwise
    the future tense on the title's verb (its first words: سيزور، من المقرر
    أن، يعتزم), or a present-tense title dated on the publication day itself
    (``يصوت المجلس اليوم``: the paper went to press before the vote).
    """
    head = " ".join(_WORD.findall(fold(title))[:4])
    if _relative_future().search(fold(timex_text) + " " + head + " " + " ".join(_WORD.findall(fold(clause))[:8])):
        return True  # غدا، المقبل: future for the writer, even when the paper was filed later
    if begin is not None and dct is not None:
        if begin > dct:
            return True
        if (last or begin) < dct:
            return False
    if is_future(_asserted(title)):
        return True
    if _forecast_continuation().search(squash(fold(clause or title))):
        return True  # قد تستمر أعمال الإطفاء حتى ظهر اليوم: a forecast end
    return (begin is not None and begin == dct and _starts_imperfect(title)
            and not fold(timex_text).startswith("امس"))


def is_byline(text: str) -> bool:
    """Whether a sentence is a byline, dateline or similar furniture rather than news.

    A short line (at most six words) that names the paper or an agency
    (``عين اليوم – بيروت``, ``رغد عشميل – عين اليوم``, ``آخر تحديث …``) or that
    has no verb at all.
    """
    folded = squash(fold(text))
    words = _WORD.findall(folded)
    if len(words) > 6:
        return False
    if event_words().bylines.search(folded):
        return not has_verb(_strip_marks(folded)) or len(words) <= 3
    return len(words) <= 4 and not has_verb(folded)


def _strip_marks(folded: str) -> str:
    return event_words().bylines.sub(" ", folded)


def is_dateline(sentence: str, start: int, end: int) -> bool:
    """Whether the date at ``[start, end)`` is the sentence's dateline.

    A dateline opens the paragraph: at most three words (a place) before the
    date, no verb among them, and after it an agency mark (واس، أ ف ب،
    رويترز…), a dash, or nothing.
    """
    before = fold(sentence[:start])
    if len(_WORD.findall(before)) > 3 or has_verb(before):
        return False
    after = fold(sentence[end:]).lstrip(" \t-–—:،,.()")
    after = re.sub(r"^(?:م|هـ|ه)(?![^\W\d_])[\s.\-–—]*", "", after)
    if not after.strip():
        return True
    m = event_words().agencies.match(after)
    if m:
        return True
    return bool(re.match(r"^[-–—]", fold(sentence[end:]).strip()))


_WE_VERB_TODAY = re.compile(r"(?<![^\W\d_])ن[^\W\d_]{2,}\s+(?:ال)?يوم(?![^\W\d_])")
_TODAY_WE_VERB = re.compile(r"(?<![^\W\d_])و?اليوم\s+ن[^\W\d_]{2,4}(?![^\W\d_])")
# The speaker says "we": a word of the first person plural (نحن، علينا، مسؤوليتنا).
_WE = re.compile(r"(?<![^\W\d_])(?:نحن|اننا|لنا|علينا|منا|بنا|[^\W\d_]{2,}تنا)(?![^\W\d_])")


# الأمس واليوم، بين الأمس واليوم، اليوم والأمس (folded): then and now.
_YESTERDAY_AND_TODAY = re.compile(r"(?<![^\W\d_])(?:(?:بال|ال)امس\s+واليوم|اليوم\s+و(?:بال|ال)امس)(?![^\W\d_])")


def is_nowadays(sentence: str, timex_text: str, before: str = "") -> bool:
    """Whether a bare ``اليوم`` means "nowadays" here (نحن اليوم، حتى اليوم، ما نعرفه اليوم).

    ``before``: the sentences of the paragraph before this one; a speech that
    said "we" there (مسؤوليتنا، علينا …) makes its ``واليوم نودع`` rhetorical too.
    """
    own = squash(fold(timex_text))
    folded = squash(fold(sentence))
    if own in ("الامس", "بالامس") and _YESTERDAY_AND_TODAY.search(folded):
        return True  # بين الأمس واليوم: then and now, not two days (أمس واليوم, with no article, are two days)
    if own not in ("اليوم", "واليوم", "لليوم"):
        return False
    if event_words().nowadays.search(folded) or _WE_VERB_TODAY.search(folded):
        return True
    # واليوم نودع … in a speech that says "we": the speaker's rhetorical today, not the paper's day.
    return bool(_TODAY_WE_VERB.search(folded) and (_WE.search(folded) or _WE.search(squash(fold(before)))))


_BARE_RELATIVE_DAYS = frozenset(("اليوم", "واليوم", "لليوم", "غدا", "وغدا"))


def is_essay(text: str) -> bool:
    """Whether an article argues rather than reports: it asks its reader questions and cites no agency.

    An opinion column asks (هل …؟، ما الفائدة …؟!) and carries no wire mark
    (واس، أ ف ب، رويترز); its bare ``اليوم`` and ``غدا`` mean nowadays and the
    future, not the paper's day.
    """
    if "؟" not in text:
        return False
    # The whole text, furniture included: a dateline (الرياض (واس)) is cut from the sentences.
    folded = squash(fold(text))
    return not any(_is_wire_mark(folded, m) for m in event_words().agencies.finditer(folded))


@lru_cache(maxsize=1)
def _marks_only() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["agency_marks_only"])


def _is_wire_mark(folded: str, m: re.Match) -> bool:
    """Whether an agency name found in ``folded`` is a wire mark.

    Names that are also common words (بنا "with us", قنا) count only when set
    off as a mark: in brackets, beside a dash or a colon, or alone on a line.
    """
    name = m.group().strip()
    if not any(name.endswith(w) and set(name[: len(name) - len(w)]) <= set("وفبل") for w in _marks_only()):
        return True
    before = folded[max(0, m.start() - 2):m.start()].strip(" ")
    after = folded[m.end():m.end() + 2].strip(" ")
    return bool((before and before[-1] in "(-–—:\n") or (after and after[0] in ")-–—:\n") or not before or not after)


def is_essay_day(timex_text: str) -> bool:
    """Whether a timex is a bare relative day (اليوم، غدا) that an essay uses figuratively."""
    return squash(fold(timex_text)).strip() in _BARE_RELATIVE_DAYS


def _words_before(sentence: str, start: int, count: int) -> list[str]:
    return _WORD.findall(fold(sentence[:start]))[-count:]


def ranks_rather_than_dates(sentence: str, start: int, timex_text: str) -> bool:
    """Whether the date at ``start`` ranks (الأكثر دموية لهذا العام، أدنى مستوى منذ مايو) rather than dates.

    A period word (العام، الشهر…) within three words after a superlative, or
    a ``منذ`` date in a sentence ranking something.
    """
    words = event_words()
    before = _words_before(sentence, start, 3)
    folded = fold(timex_text)
    # The period must lead the timex: لأول مرة في أكتوبر العام الماضي is a month (it dates), لهذا العام ranks.
    if any(w in words.superlatives for w in before) and re.match(r"^(?:[وفبل]?(?:هذا|هذه)\s+)?[وفبل]*(?:ال)?(?:عام|شهر|اسبوع|سنه)", folded):
        return True
    if before and before[-1] == "منذ":
        # أدنى مستوى منذ مايو ranks; أكثر من 60 هجوما منذ أكتوبر counts, and is news.
        after = _WORD.findall(fold(sentence[start:]))
        # … منذ أوائل فبراير عندما أوقفت الجماعات هجماتها: the date is a happening's.
        anchored = any(w in ("عندما", "حين", "حينما", "بعدما", "يوم") for w in after[len(_WORD.findall(fold(timex_text))):][:2])
        return not anchored and _ranks(_WORD.findall(fold(sentence[:start])))
    return _ranks_against_onset(sentence, start, timex_text)


def _ranks(words: list[str]) -> bool:
    """Whether ``words`` rank something: a superlative (أدنى، الأسوأ، الأكثر دفئا), not a count (أكثر من 60)."""
    ranking = event_words().superlatives - {"اكثر", "الاكثر", "اقل", "الاقل"}
    for i, w in enumerate(words):
        bare = w[1:] if w[:1] in "وف" and w[1:] in event_words().superlatives else w  # والأسوأ
        if bare in ranking:
            return True
        # الأكثر دفئا، الأقل تكلفة: the definite comparative before an adjective ranks; أكثر من counts.
        if bare in ("الاكثر", "الاقل") and i + 1 < len(words) and words[i + 1] != "من":
            return True
    return False


def _ranks_against_onset(sentence: str, start: int, timex_text: str) -> bool:
    """Whether the date closes ``منذ`` + the onset of a period after a superlative (الأكثر دفئا منذ بدء تسجيل
    درجات الحرارة في عام 1888، أعنف المعارك منذ بدء القتال في 2012): the onset is what is ranked against."""
    at = _since_at(sentence, start, timex_text)
    if at is None or at >= start:
        return False
    governed = _WORD.findall(fold(sentence[at:start]))[1:]
    return bool(governed) and governed[0] in _onset_nouns() and _ranks(_WORD.findall(fold(sentence[:at]))[-8:])


def is_attribute_date(sentence: str, start: int, timex_text: str, granularity: str | None = "year") -> bool:
    """Whether a date glued to ل says what period a thing is for (ميزانية الدولة لهذا العام، رواتب لشهر يوليو).

    It describes a noun, not when a happening was: it dates nothing and stays in the title. A day
    (لهذا اليوم، ليوم الخميس) is the day the thing is for, and still dates.
    Within four words after a word of scheduling (حدد موعد الجلسة لشهر أكتوبر) it is the time set for a
    happening, and still dates.
    """
    if granularity in (None, "day", "time"):
        return False  # توقعت الأرصاد في تقريرها لهذا اليوم: a day set for a thing is that thing's day
    first = (_WORD.findall(fold(timex_text)) or [""])[0]
    last = _words_before(sentence, start, 1)
    if first not in _folded_set("attribute_date_openers"):
        # لأشهر يناير وفبراير: the opener may stand before the date the tagger found.
        if not (last and last[0] in _folded_set("attribute_date_openers") and re.search(r"\s$", sentence[:start])):
            return False
        return not any(w in _folded_set("scheduling_words") for w in _words_before(sentence, start, 5))
    if last and (last[0] in _months() or last[0].isdigit()):
        return False  # أواخر صفر للعام المقبل: the year of the month before it
    return not any(w in _folded_set("scheduling_words") or (w[:1] in "وف" and w[1:] in _folded_set("scheduling_words"))
                   for w in _words_before(sentence, start, 4))


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    from .patterns import lexicon  # the tagger's month names, every spelling

    return frozenset(w for name in (*lexicon().months, *lexicon().hijri_months) for w in _WORD.findall(name))


@lru_cache(maxsize=None)
def _folded_set(key: str) -> frozenset[str]:
    return frozenset(squash(fold(w)) for w in load_json("lexicon/events.json")[key])


def is_comparison_base(sentence: str, start: int, timex_text: str) -> bool:
    """Whether a date is the baseline a figure is compared with (مقارنة بعام 2013، قياسا بالفترة نفسها من العام الماضي).

    A comparison word within the six words before it, or "the same period" in or
    right before it, after a figure: the date dates nothing (the figure is now's) and stays in the title.
    """
    # A figure compared comes before (5%، 34.6 ساعة): مقابل فدية يوم الأحد is an exchange, not a comparison.
    if not re.search(r"\d|%", " ".join(sentence[:start].split()[-10:])):
        return False
    before = _words_before(sentence, start, 6)
    if any(w in _folded_set("comparison_markers") for w in before):
        return True
    around = squash(fold(" ".join(before[-3:]) + " " + timex_text))
    return any(p in around for p in _folded_set("same_period_words"))


_PIECE_BREAK = re.compile(r"[،,؛;.:!?؟]")


def is_question(sentence: str, start: int, end: int) -> bool:
    """Whether the date at ``[start, end)`` stands in a question (لماذا استقلت من منصبك عام 2011؟).

    The piece of the sentence around it (between punctuation) closes on a question
    mark and holds a question word (هل، لماذا، متى، ألم…) before the date: it asks, it
    does not tell. A fact told in a piece of its own beside the question still dates.
    """
    breaks = list(_PIECE_BREAK.finditer(sentence))
    left = max((m.end() for m in breaks if m.end() <= start), default=0)
    close = next((m for m in breaks if m.start() >= end), None)
    if close is None or close.group() not in "?؟":
        return False
    words = _WORD.findall(fold(sentence[left:start]))
    questions = _folded_set("question_words")
    pairs = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
    return any(w in questions or (w[:1] in "وف" and w[1:] in questions) for w in words) or any(p in questions for p in pairs)


def is_per_day(sentence: str, start: int, timex_text: str) -> bool:
    """Whether a bare ``اليوم`` after في is a rate (900 ألف برميل في اليوم، لساعات طويلة في اليوم): per day, no date."""
    if squash(fold(timex_text)) != "اليوم":
        return False
    before = _words_before(sentence, start, 1)
    return bool(before) and before[0] in _folded_set("rate_prepositions")


def is_leave(sentence: str, start: int, granularity: str | None = None) -> bool:
    """Whether the date at ``start`` names a leave, a model or a contract, not a happening's day.

    إجازة نهاية الأسبوع، موديل 2011; a bare month after a contract word
    (``عقد أغسطس``، ``تسليم سبتمبر``) when ``granularity`` says it is a month.
    """
    before = _words_before(sentence, start, 1)
    if not before:
        return False
    if granularity == "month" and before[0] in _contract_words():
        return True
    return before[0] in event_words().leave_words and not re.search(r"عيد", fold(sentence[start:start + 12]))


def names_a_group(sentence: str, start: int, timex_text: str) -> bool:
    """Whether a day and month right after a group word name a political group (قوى 14 آذار، فريق الرابع عشر من آذار).

    Such a date dates nothing: the bloc is named after a day long past. A year
    or a relative word in the timex (تحالف أمس) makes it a date again.
    """
    words = _WORD.findall(fold(timex_text))
    if re.search(r"\d{4}", timex_text) or any(w in _RELATIVE_DATE_WORDS or w in _weekdays() for w in words):
        return False
    # The tagger may leave a spelled day out of the month (فريق الرابع عشر من آذار): look past it.
    tokens = re.findall(r"[^\W_]+", fold(sentence[:start]))[-4:]
    for i in range(len(tokens) - 1, -1, -1):
        between = tokens[i + 1:]
        if between and not (between[-1] == "من" or between[-1].isdigit()):
            break
        word = tokens[i]
        bare = word[1:] if len(word) > 3 and word[0] in "وبلف" else word
        if {word, bare} & _group_words():
            return True
    return False


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["date_named_groups"])


@lru_cache(maxsize=1)
def _count_words() -> re.Pattern:
    return _phrases(load_json("lexicon/events.json")["count_words"])


_SINCE_WORD = re.compile(r"(?<![^\W\d_])و?منذ(?![^\W\d_])")
_SINCE_REACH = 6  # words between منذ and the date it governs (منذ بداية هذا الصراع في مارس 2011)


def _since_at(clause: str, start: int, timex_text: str) -> int | None:
    """Where the منذ governing the date at ``start`` of ``clause`` begins, or None."""
    if _SINCE_WORD.match(fold(timex_text).strip()):
        return start
    before = clause[:start]
    # Folding drops harakat (جزئياً): positions are mapped back to the clause's own text.
    folded = fold_with_offsets(before)
    found = list(_SINCE_WORD.finditer(folded.folded))
    if not found:
        return None
    at, end = folded.original_span(found[-1].start(), found[-1].end())
    between = before[end:]
    if len(_WORD.findall(between)) > _SINCE_REACH or re.search(r"[،,؛;:.]", between):
        return None
    return at


def _perfect_verb(text: str) -> bool:
    """Whether ``text`` holds a word that reads as a past-tense (perfect) verb.

    Verbs of continuation (ظل، استمر) tell a state and do not count. A short
    bare word opening a piece of the clause (، أسهم الحشد …) is read as its
    verb: Arabic clauses open on their verb, and a masculine perfect has no
    ending to tell it by.
    """
    words = event_words()
    folded = fold(_TANWEEN_WORD.sub(" ", text))
    if _continuation_start().search(folded) or _since_state_verbs().search(folded):
        return False  # ظل، استمر; شهدت المحافظة معارك منذ …: a lasting state, not a happening
    for piece in re.split(r"[،,؛;:«»\"“”()]", folded):
        first = (_WORD.findall(piece) or [""])[0]
        bare = first[1:] if len(first) > 3 and first[0] in "وف" else first
        if (3 <= len(bare) <= 4 and not _ARTICLE.match(first) and not _IMPERFECT.match(first)
                and not _FUTURE_PREFIX.match(first) and first not in words.stop and bare not in words.stop
                and bare not in _not_verbs() and not bare.startswith("م")):
            return True
    for m in _WORD.finditer(folded):
        w = m.group()
        bare = w[1:] if len(w) > 3 and w[0] in "وف" else w
        if (w in other_verbs() or bare in other_verbs() or w in words.say_verbs or bare in words.say_verbs) and not (
                _IMPERFECT.match(bare)):
            return True  # ألقت folds to القت: a listed verb before the article test
        if _ARTICLE.match(w) or w in _not_verbs() or bare in _not_verbs() or w.startswith("م"):
            continue
        if _IMPERFECT.match(w) or (_FUTURE_PREFIX.match(w) and not _future_exception(w)) or bare in ("لا", "لم", "لن", "ما"):
            continue
        if (w in words.say_verbs or bare in words.say_verbs or bare in other_verbs() or word_class(w)
                or (_PERFECT.match(w) and len(w) >= 4 and not w.endswith("ات"))):
            return True
    return False


def is_since_state(clause: str, start: int, timex_text: str) -> bool:
    """Whether a date governed by ``منذ`` starts a standing state or a running total, not a happening.

    ``تقود واشنطن منذ أغسطس ائتلافا``، ``النظام شبه منهار منذ عام 2012``: no
    past-tense verb in the clause, only a present one or none, so the date
    opens a state. ``قتل أكثر من 240 ألفا منذ بداية الصراع في مارس 2011``: a
    count since the onset of a period is a running total (``أكثر من 60 هجوما
    منذ منتصف أكتوبر`` still dates the campaign's start). ``سيطرت المعارضة على البلدة منذ 28 مايو`` still
    tells when the town fell.
    """
    at = _since_at(clause, start, timex_text)
    if at is None:
        return False
    rest = clause[:at] + " " + clause[start + len(timex_text):]
    governed = _WORD.findall(fold(clause[at:start]))[1:]
    # منذ فرضها لأول مرة في أكتوبر: منذ governs a happening whose date follows; only منذ + date opens a state.
    direct = not governed or bool(_SINCE_WORD.match(fold(timex_text).strip()))
    # منذ بداية الصراع في مارس 2011: the onset of a period, not a happening of its own. A count
    # right after منذ + date (أكثر من 60 هجوما منذ منتصف أكتوبر) dates a campaign's start: news.
    onset = not direct and governed[0] in _onset_nouns()
    counted = _count_words().search(fold(rest)) or any(31 < int(n) < 1900 or int(n) > 2100 for n in re.findall(r"\d+", rest))
    if counted and onset:
        return True  # a count (240 ألفا، 45 قتيلا) since then; a day (1..31) or a year is a date, not a count
    return direct and not _perfect_verb(rest)


@lru_cache(maxsize=1)
def _continuation_start() -> re.Pattern:
    return _phrases(load_json("lexicon/events.json")["continuation_verbs"])


@lru_cache(maxsize=1)
def _since_state_verbs() -> re.Pattern:
    return _phrases(load_json("lexicon/events.json")["since_state_verbs"])


@lru_cache(maxsize=1)
def _until_words() -> re.Pattern:
    words = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["until_words"]}, key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s*$")


@lru_cache(maxsize=1)
def _until_state_words() -> re.Pattern:
    return _phrases(load_json("lexicon/events.json")["until_state_words"])


def is_until_state(clause: str, start: int, timex_text: str) -> bool:
    """Whether a date after ``حتى`` ("until") ends a lasting state rather than dating a happening.

    ``تستمر فعالياته حتى الـ24 من الشهر``، ``الموافقة سارية حتى يوم الجمعة``،
    ``العفو عن كل الليبيين منذ سقوط النظام وحتى تاريخ أمس``: the date bounds
    something that lasts (a continuation verb, a word of validity, or a
    ``منذ`` range in the clause), not the day something happened.
    """
    before = squash(fold(clause[:start]))
    if not _until_words().search(before):
        return False
    rest = before + " " + fold(clause[start + len(timex_text):])
    if _forecast_continuation().search(rest):
        return False  # قد تستمر عمليات الإطفاء حتى ظهر اليوم: a forecast end, a planned happening
    return bool(_continuation_start().search(rest) or _until_state_words().search(rest))


@lru_cache(maxsize=1)
def _forecast_continuation() -> re.Pattern:
    """A continuation verb in the future or after قد (قد تستمر، ستستمر، يتوقع أن تستمر)."""
    verbs = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["continuation_verbs"]
                    if fold(w)[:1] in "يت" and " " not in w}, key=len, reverse=True)
    body = "|".join(re.escape(v) for v in verbs)
    markers = "|".join(re.escape(squash(fold(w))).replace(r"\ ", r"\s+")
                       for w in sorted(load_json("lexicon/events.json")["forecast_markers"], key=len, reverse=True))
    # ستستمر: the future prefix on the verb itself.
    return re.compile(rf"(?<![^\W\d_])(?:(?:{markers})\s+(?:{body})|و?س(?:{body}))(?![^\W\d_])")


@lru_cache(maxsize=1)
def _onset_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["onset_nouns"])


_RELATIVE_DATE_WORDS = frozenset(("امس", "اليوم", "غد", "غدا", "الماضي", "الماضيه", "المقبل", "المقبله", "الجاري", "القادم",
                                  "القادمه", "الحالي", "الحاليه", "هذا", "هذه", "الفائت", "المنصرم"))


def is_named_by_date(sentence: str, start: int, timex_text: str) -> bool:
    """Whether a written date is part of a name (هجمات 11 سبتمبر، ثورة 25 يناير، اتفاق 2015).

    A listed noun right before it and no relative word in it (أحداث أمس is
    yesterday's events, not a name).
    """
    if is_numbered(sentence, start, timex_text):
        return True
    before = _words_before(sentence, start, 1)
    words = _WORD.findall(fold(timex_text))
    if not before or any(w in _RELATIVE_DATE_WORDS or w in _weekdays() for w in words):
        return False
    word = before[0]
    bare = word[1:] if len(word) > 3 and word[0] in "وبلف" else word
    return word in _naming_nouns() or bare in _naming_nouns()


def is_numbered(sentence: str, start: int, timex_text: str) -> bool:
    """Whether a year numbers a law, a case or a decision (القانون رقم 12 لسنة 2015، الجناية (رقم 40 لسنة 2015)).

    ``N لسنة YYYY`` is a register's number, part of the thing's name: it dates nothing.
    """
    before = squash(fold(sentence[:start]))
    own = squash(fold(timex_text))
    if _register_citation().search(before):
        return True  # المرسوم الملكي رقم م/6 وتاريخ 22/3/1385هـ: the entry's date is part of how it is cited
    words = _register_years()
    glued = next((w for w in words if own.startswith(w + " ") or own == w), None)
    if glued is None:
        tail = _WORD.findall(before)[-1:]
        if not tail or tail[0] not in words:
            return False
        before = before[: before.rfind(tail[0])]
    return bool(re.search(r"\d+\s*[)\]]?\s*$", before))


@lru_cache(maxsize=1)
def _register_citation() -> re.Pattern:
    """رقم/العدد, a number of up to four parts (م/6، 11 / 8، (أ / 20)), then وتاريخ/بتاريخ, ending the text."""
    data = load_json("lexicon/events.json")
    numbers = "|".join(re.escape(squash(fold(w))) for w in data["register_numbers"])
    dates = "|".join(re.escape(squash(fold(w))) for w in sorted(data["register_dates"], key=len, reverse=True))
    part = r"[^\s/()]{1,12}"
    return re.compile(rf"(?<![^\W\d_])(?:{numbers})\s*\(?\s*{part}(?:\s*/\s*{part}){{0,3}}\s*\)?\s*(?:{dates})\s*$")


@lru_cache(maxsize=1)
def _register_years() -> frozenset[str]:
    return frozenset(squash(fold(w)) for w in load_json("lexicon/events.json")["register_years"])


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    from .patterns import lexicon  # the tagger's weekday names, every spelling

    return frozenset(w for name in lexicon().weekdays for w in _WORD.findall(name))


@lru_cache(maxsize=1)
def _naming_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["date_naming_nouns"])


@lru_cache(maxsize=1)
def _contract_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["not_a_month_after"])


def is_daily_hours(sentence: str, start: int, timex_text: str, timex_type: str) -> bool:
    """Whether a bare clock time opens daily hours (حظر التجول من السابعة مساء، يبدأ من منتصف الليل).

    A TIME that names no day (no digit date, weekday, اليوم، صباح …), right after ``من``
    or another span opener, is the hour a standing arrangement starts each day, not a happening.
    """
    if timex_type != "TIME" or re.search(r"\d+\s*[/.\-]\s*\d+\s*[/.\-]|\d{4}", timex_text):
        return False
    words = event_words()
    if any(w in words.clock_day_words for w in _WORD.findall(fold(timex_text))):
        return False
    before = " ".join(_words_before(sentence, start, 2))
    return any(before == o or before.endswith(" " + o) for o in words.clock_openers)


def is_hypothetical(clause: str) -> bool:
    """Whether a clause tells what could happen (سيكون بالإمكان … إذا انتهكت), not a plan or a fact."""
    if verb_class(clause) == "statement":
        return False  # saying what could happen is itself a happening
    # سيجتمعون في ديسمبر لتحديد ما إذا كانت …: "whether" opens a question inside the clause; only what
    # comes before it tells (or not) a conditional happening.
    clause = squash(fold(clause))
    m = _whether().search(clause)
    if m:
        clause = clause[: m.start("q") if m["q"] else m.start("q2")]
    return bool(event_words().hypothetical.search(clause)) and is_future(clause)


@lru_cache(maxsize=1)
def _whether() -> re.Pattern:
    """ما إذا، فيما إذا، عما إذا, or إذا ما after a word of asking (لتحديد إذا ما): "whether", not a condition."""
    heads = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["whether_heads"]}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in heads)
    data = load_json("lexicon/events.json")
    markers = "|".join(re.escape(squash(fold(w))).replace(r"\ ", r"\s+")
                       for w in sorted(data["whether_markers"], key=len, reverse=True))
    # إذا ما after a word of asking: the folded "if" and "what", as in whether_markers the other way round.
    if_what = r"\s+".join(reversed(squash(fold(data["whether_markers"][0])).split()))
    return re.compile(rf"(?<![^\W\d_])(?:(?P<q>{markers})|(?:{body})\s+(?P<q2>{if_what}))(?![^\W\d_])")


# كان opening the clause (or its relative pronoun), then an imperfect verb.
# The imperfect agrees with كان: تـ after كانت (كانت القوات تسيطر), يـ after كان/كانوا; after كان a تـ
# word is a perfect of the fifth form (وكان الوزير ترأس أمس اجتماعا): a happening.
_PAST_STATE = re.compile(r"^(?:[^\W\d_]+\s+){0,2}و?(?:كانت\s+(?:[^\W\d_]+\s+){0,3}?[يت]|كان(?:وا)?\s+(?:[^\W\d_]+\s+){0,3}?ي)"
                         r"[^\W\d_]{2,}(?![^\W\d_])")
# كان opening the clause (after at most one word) with no verb after it: كان مستشارا للرئيس عام 1998.
_SUBORDINATE = re.compile(r"(?<![^\W\d_])(?:قبل|بعد|حتى|عندما|حين|حينما|لكن|ثم)(?![^\W\d_])")
_WAS_PREDICATE = re.compile(r"^(?:[^\W\d_]+\s+)?و?(?:كان|كانت|كانوا)\s+(?P<rest>.+)$")


def is_past_state(clause: str) -> bool:
    """Whether a clause describes a past standing state (كانت القوات تسيطر عليه، كان مستشارا له), not a happening."""
    folded = squash(fold(clause))
    if re.search(r"(?<![^\W\d_])قد(?![^\W\d_])", folded[:60]):
        return False  # وكانت الحكومة قد أعلنت: a past perfect tells a happening
    m = _PAST_STATE.search(folded)
    if m:
        return m.group().split()[-1] not in _not_verbs()
    m = _WAS_PREDICATE.match(folded)
    # … قبل أن ينفصل عنه: a verb after a subordinator tells another happening, not the predicate of كان.
    return bool(m) and not has_verb(_SUBORDINATE.split(m["rest"])[0])


@lru_cache(maxsize=1)
def _market_words() -> re.Pattern:
    return _phrases(load_json("lexicon/events.json")["market_words"])


def is_statistic(clause: str, granularity: str | None = None, timex_before: str = "") -> bool:
    """Whether a clause states a standing figure or description rather than a happening.

    ``يبلغ عدد``، ``تعد من``; a market move over a week, month or year
    (``سجل برنت الأسبوع الماضي ثالث خسارة``; a day's move is news); a count
    over a period (``قتل 4 آلاف خلال الأشهر الستة الأولى``).
    """
    folded = squash(fold(clause))
    if event_words().statistics.search(folded) and verb_class(clause) in (None, "market"):
        return True
    coarse = granularity not in (None, "day", "time")
    if coarse and verb_class(clause) == "market" and _market_words().search(folded):
        return True
    if fold(timex_before).strip() in _span_openers() and granularity in ("year", "decade", "century"):
        # بين عامي 1996 و2013 استثمرت الشركات …: a total over a span of years. A range of days or
        # months (بين 22 ديسمبر والرابع من يناير) dates a happening at its start.
        return True
    # هبطت المبيعات بنحو الثلثين في النصف الأول من العام، انخفضت القيمة 66 بالمئة في 2025: a move of a
    # figure over a period, whatever is counted; a day's move is news.
    if coarse and _figure_words().search(folded) and any(word_class(w) == "market" for w in _WORD.findall(folded)):
        return True
    return coarse and fold(timex_before).strip() in ("خلال", "طوال") and bool(re.search(r"\d{2,}|الاف|الف", folded))


def is_period_total(clause: str, timex_text: str, timex_before: str = "", granularity: str | None = None) -> bool:
    """Whether a count dated by a running period or a threshold date is a running total, not a happening.

    ``لقي أكثر من ألفي مهاجر حتفهم هذا العام``، ``تم إنقاذ 188 ألف شخص هذه السنة``،
    ``قتل أكثر من ألفين بحلول نهاية الأسبوع الماضي``: the period still runs (هذا
    العام) or the date is a threshold reached (بحلول), and the clause counts (a
    figure of 100 or more that is no year, a count word, a figure word). A
    threshold of a day or an hour (بحلول الساعة الرابعة) is a day's news.
    """
    words = load_json("lexicon/events.json")
    running = _phrases(words["current_periods"]).search(squash(fold(timex_text)))
    threshold = squash(fold(timex_before)) in _threshold_words() and granularity not in (None, "day", "time")
    if not (running or threshold):
        return False
    if is_future(clause):
        return False  # ستسلم 200 دبابة هذا الشهر: a plan, not a total
    # The count is the clause's, not the date's (نهاية الربع الثالث، 1436هـ are no figures).
    folded = squash(fold(clause.replace(timex_text, " ")))
    folded = re.sub(r"\d+\s*(?:ه|م)(?![^\W\d_])", " ", folded)
    # What is counted is what the clause (or what it reports, after أن) is about: its first words.
    # أطلق كاميرون هذا العام صندوقا بقيمة 100 مليون دولار tells a launch; the sum is its worth.
    reported = re.split(r"(?<![^\W\d_])(?:ان|انه|انها|بان)(?![^\W\d_])", folded)
    said = reported[-1]
    # A threshold (بحلول 2023) is reached by whatever the clause counts; a running period's total opens it.
    head = said if threshold else " ".join(re.findall(r"[^\W_]+", said)[:_COUNT_REACH])
    figures = [int(n) for n in re.findall(r"(?<![\d.,])\d+(?![\d.,]\d)", head)]
    counted = any(n >= 100 and not 1900 <= n <= 2100 for n in figures)
    if counted or _count_words().search(head) or _figure_words().search(head) or any(w in _statistic_nouns() for w in head.split()):
        return True
    # أكد البيان أن التزام الولايات المتحدة هذا العام بتقديم دعم بحوالى 1.3 مليار دولار: what is reported
    # has no verb, only a figure: a standing amount for the period.
    return len(reported) > 1 and not has_verb(said) and bool(_figure_words().search(said) or _count_words().search(said))


_COUNT_REACH = 6  # words: a total's count opens its clause (لقي أكثر من ألفي مهاجر حتفهم، تم إنقاذ 188 ألف شخص)


def is_figure_over_a_period(clause: str, granularity: str | None, sentence: str = "") -> bool:
    """Whether a clause gives a figure (its subject عدد، نسبة، إجمالي…) for a month, a year or longer.

    ``إن عدد الشركات العاملة وصلت إلى 1250 شركة في عام 2005``، ``بلغت نسبة النمو 3 في المئة
    العام الماضي``: a measure of the period, not a happening in it. A day's figure is news,
    and so is a statement about a figure (أعلنت الوزارة في مايو أن عدد …). The figure may follow the
    clause in its ``sentence`` (شهد إجمالي عدد العمليات العام الماضي، ارتفاعا بنسبة 11.4%).
    """
    if granularity in (None, "day", "time", "week"):
        return False
    folded = squash(fold(clause))
    words = _WORD.findall(folded)
    if any(w in event_words().say_verbs or word_class(w) == "statement" for w in words[:3]):
        return False  # أعلنت الوزارة أن عدد …: the statement is the happening (طالب later is a student)
    nouns = _statistic_nouns()
    head = [w for w in words[:6] if w not in ("ان", "انه", "بان", "انها")][:5]
    # بقيمة 45 مليون دولار is what a happening was worth, not the subject of a figure.
    if not any(w in nouns or (w[:1] in "وف" and w[1:] in nouns) for w in head):
        return False
    folded = squash(fold(sentence)) if sentence else folded
    figures = [int(n) for n in re.findall(r"(?<![\d.,])\d+(?![\d.,]\d)", re.sub(r"\d+\s*(?:ه|م)(?![^\W\d_])", " ", folded))]
    return any(n >= 10 and not 1900 <= n <= 2100 for n in figures) or bool(
        _count_words().search(folded) or _figure_words().search(folded))


@lru_cache(maxsize=1)
def _statistic_nouns() -> frozenset[str]:
    return frozenset(squash(fold(w)) for w in load_json("lexicon/events.json")["statistic_nouns"])


@lru_cache(maxsize=1)
def _threshold_words() -> frozenset[str]:
    return frozenset(squash(fold(w)) for w in load_json("lexicon/events.json")["threshold_words"])


@lru_cache(maxsize=1)
def _figure_words() -> re.Pattern:
    words = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["figure_words"]}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![^\W\d_])(?:[وب]?)(?:{body})(?![^\W\d_])|%")


@lru_cache(maxsize=1)
def _span_openers() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("lexicon/events.json")["span_openers"])


def closes_a_span(before: str) -> bool:
    """Whether the text ``before`` a date opens a span whose end it is (بين عامي 2010 و[2028]،
    من 2015 ديسمبر وحتى [الرابع من يناير]): a range opener, at most three words with a figure, a joiner."""
    words = re.findall(r"[^\W_]+", fold(before))[-6:]
    openers, joiners, _ = _range_words()
    if len(words) < 3 or not (words[-1] in joiners or " ".join(words[-2:]) in joiners):
        return False
    body = words[:-1] if words[-1] in joiners else words[:-2]
    for i, w in enumerate(body):
        inside = body[i + 1:]
        if (w in openers or w in _span_openers()) and 0 < len(inside) <= 3 and any(x.isdigit() for x in inside):
            return True
    return False


@lru_cache(maxsize=1)
def _range_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_json("lexicon/events.json")
    return (frozenset(squash(fold(w)) for w in data["range_openers"]),
            frozenset(squash(fold(w)) for w in data["range_joiners"]),
            frozenset(squash(fold(w)) for w in data["alternative_joiners"]))


def ends_a_range(before_first: str, first_text: str, between: str, timex_text: str) -> bool:
    """Whether a date ends a range, or is an alternative to, the date right before it.

    ``بين 22 ديسمبر والرابع من يناير``، ``من الأحد حتى الخميس``: the range's
    start dates the happening, its end dates nothing of its own (a range
    opener, بين or من, must introduce the first date). ``في ديسمبر 2016 أو
    يناير 2017``: the second date is an alternative, not a second happening.
    ``before_first`` is the text before the first date, ``between`` the text
    between the two dates.
    """
    openers, joiners, alternatives = _range_words()
    joint = squash(fold(between)).strip(" ،,()")
    own = squash(fold(timex_text))
    if not joint and re.match(r"^و(?:ال|\d|[^\W\d_]{3,})", own) and not own.startswith(("وقت", "ومن")):
        joint = "و"  # والرابع من يناير: the joiner is glued to the date
    if joint in alternatives:
        return True
    if joint not in joiners:
        return False
    words = _WORD.findall(fold(before_first))[-3:]
    lead = _WORD.findall(fold(first_text))[:1]
    tails = {" ".join(words[-k:]) for k in (1, 2, 3) if len(words) >= k}
    return bool(tails & openers) or bool(lead and lead[0] in openers)


@lru_cache(maxsize=1)
def _text_introducer() -> re.Pattern:
    words = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["text_introducers"]}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\s*(?<![^\W\d_])(?:{body})\s*[:：.…،,]*\s*$")


def cut_text_introducer(text: str) -> str:
    """``text`` without a closing introducer of a following text (البيان التالي:، فيما يلي نصه)."""
    folded = fold_with_offsets(text)
    m = _text_introducer().search(folded.folded)
    if not m or not folded.folded[: m.start()].strip():
        return text
    return text[: folded.original_span(m.start(), m.end())[0]]


def heads_a_text(clause: str) -> bool:
    """Whether a clause only announces a statement whose text follows (صدر عن الديوان البيان التالي:).

    Such a heading is no happening of its own: the text after it tells what
    was said. An order or a decision heading its text (صدر أمر ملكي فيما يلي
    نصه) is still one.
    """
    if not _text_introducer().search(fold(clause)):
        return False
    return verb_class(cut_text_introducer(clause)) in (None, "statement")


def stance(clause: str) -> str | None:
    """``denied``, ``claimed`` or None for the clause that tells the happening."""
    words = event_words()
    folded = squash(fold(clause))
    if words.denial.search(folded):
        return "denied"
    if words.claim.search(folded):
        return "claimed"
    tokens = _WORD.findall(folded)
    for i, w in enumerate(tokens):
        bare = w[1:] if w[0] in "وف" and w[1:] in words.adopt_verbs else w
        if bare in words.adopt_verbs:
            # تبنى مجلس الأمن القرار is adoption; تبنى التنظيم الهجوم/المسؤولية a claim.
            following = tokens[i + 1 : i + 6]
            if any(t in words.adopt_objects for t in following):
                return "claimed"
    return None


def stop_words() -> frozenset[str]:
    """Folded words too common to tell two happenings apart."""
    return event_words().stop
