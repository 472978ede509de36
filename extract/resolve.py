"""From a matched expression to its TIMEX3 type, value and mod.

Relative expressions resolve against the document creation time (DCT);
anaphoric ones against the dates already in force in the text, which
``Context`` tracks while the tagger walks the document in order. The
conventions are those of ARCHITECTURE.md: a bare weekday or month is the
latest such day or month on or before the DCT, ``الماضي`` the latest before
it, ``الجاري``/``الحالي`` the DCT's own, ``المقبل`` the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from .calendar import add_months, iso_week, safe_date
from .lexicon import alternation, folded_index, folded_words, load_json, squash
from .patterns import Lexicon, lexicon

_QUOTES_OPEN = "“«"
_QUOTES_CLOSE = "”»"
# A definite word after a match: a noun in construct with it (منذ سنوات الطفرة), not إلى/إلا folded to the same shape.
_NOT_ARTICLE = rf"(?!{alternation(load_json('lexicon/temporal.json')['article_lookalikes']['words'])}(?![^\W\d_]))"
_DEFINITE_WORD = re.compile(rf"^[^\S\n]+{_NOT_ARTICLE}ال[^\W\d_]")
# A week named in the clause before a bare weekday.
_WEEK_IN_CLAUSE = re.compile(r"(?<![^\W\d_])[لب]?الاسبوع[^\S\n]+(الماضي|المنصرم|الفائت|المقبل|القادم)(?![^\W\d_])")


@lru_cache(maxsize=1)
def _adverbial() -> dict[str, frozenset[str]]:
    data = load_json("lexicon/temporal.json")["adverbial_refs"]
    return {k: folded_words(data[k]) for k in ("words", "verbs", "titles")}


def _subjunctive_future() -> frozenset[str]:
    return _temporal_words("subjunctive_future_verbs")


# A closed bracket or a short quoted name (حفل «إم تي في») inside a clause.
_ASIDE = re.compile(r"\([^()\n]{1,40}\)|«[^«»\n]{1,40}»|“[^“”\n]{1,40}”|\"[^\"\n]{1,40}\"")


def _clause(tail: str) -> str:
    """The text after the last clause boundary (punctuation) in ``tail``."""
    boundary = _LAST_BOUNDARY.match(tail)
    return tail[boundary.end():] if boundary else tail


# Everything up to the last clause boundary (punctuation) before a match, in one pass.
_LAST_BOUNDARY = re.compile(r"(?s).*[.،,؛:!؟()\"«»“”]")
# A verb with the future prefix: سيلتقي, ستعقد, سنواصل (nouns such as سيارة are exceptions in the lexicon).
_FUTURE_VERB = re.compile(r"^س[يتن][^\W\d_]{3,}$")
# The first person singular future, سأعود, سأسافر (folded سا…), not a past verb, noun or adjective
# (سافرت, ساعدتهم, ساخنة, ساحلي): no past ending once a pronoun is stripped, no nominal ending.
_FIRST_PERSON_FUTURE = re.compile(r"^سا[^\W\d_]{3,}$")
_NOT_FIRST_PERSON_FUTURE = re.compile(r"(?:ت|نا|وا|تم|ه|ا|ات|ين|ي|يه)$")
# The first words of the clause after a match (up to punctuation).
_CLAUSE_AFTER = re.compile(r"^[^.،,؛:!؟()\"«»“”\n]*")
# "اليوم" followed by an adjective or ordinal is a noun (اليوم العالمي, اليوم الأول), not today.
# … or a number with the article (اليوم الـ15 من سبتمبر): the nth day, not today. The preposition
# إلى (folded الي) has the shape of an adjective and is none (وصل الوفد اليوم إلى المطار).
_DAY_NOUN_ADJECTIVE = re.compile(rf"^[^\S\n]+(?:{_NOT_ARTICLE}ال[^\W\d_]*(?:ي|يه|ى|ول|اني|الث|ابع|امس|ادس|ابع|امن|اسع|اشر|اخير|ذي|تي|تالي)(?![^\W\d_])"
                                 r"|ال[^\S\n]*\d)")
# A ten after a weekday word makes it a number (مكاتبها الاثنين والعشرين).
_TENS_AFTER = re.compile(r"^[^\S\n]+و(?:ال)?(?:عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)(?:ين|ون)(?![^\W\d_])")
# The connector before the end of a range of days (و/حتى/إلى/-).
_RANGE_CONNECTOR = re.compile(r"(?:(?<![^\W\d_])و?(?:حتي|الي)|[-–])[^\S\n]*$")
# A day named earlier in the sentence (أمس, اليوم, a weekday, a day number and month).
_DAY_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?:[وفبل]?(?:ال)?امس|[وفبل]?اليوم|[وفبل]?غدا?|ال(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه))(?![^\W\d_])")
# Comparatives before من: أكثر من المتوقع compares with a forecast, it makes none.
_COMPARATIVES = frozenset("اكثر اقل اعلي ادني اكبر اصغر افضل اسوا اسرع ابطا اقوي اضعف".split())
# TIMEX3 letters of the units under a day (after the T): hours, minutes, seconds.
_TIME_CODES = {"H": "H", "MIN": "M", "S": "S"}
# "Today's X, tomorrow's Y" (قارئ اليوم قائد الغد): nouns in construct around both words, neither is a day
_SLOGAN_PARTICLES = r"(?:ان|من|في|علي|الي|عن|مع|لا|لم|لن|قد|ثم|او|هو|هي)"
_SLOGAN_TOMORROW = re.compile(rf"^[^\S\n]+(?!ال|[وف]|{_SLOGAN_PARTICLES}[^\S\n])[^\W\d_]{{2,}}[^\S\n]+(?:ال)?غد(?![^\W\d_])")
_SLOGAN_TODAY = re.compile(rf"(?<![^\W\d_])(?!ال|[وف])[^\W\d_]{{2,}}[^\S\n]+اليوم[^\S\n]+(?!ال|[وف]|{_SLOGAN_PARTICLES}[^\S\n])[^\W\d_]{{2,}}[^\S\n]+$")
# The head of a clause: nothing before, a punctuation mark, or a glued و/ف (وبعد عشر سنوات)
_CLAUSE_HEAD = re.compile(r"(?:^|[.،,؛:!؟\n])[^\S\n]*$|(?<![^\W\d_])[وف]$")
# Era words after a date (folded): 19/10/1436 هجرية, 4/8/2015 ميلادية
_HIJRI_MARKS = frozenset({"ه", "هـ", "هجري", "هجريه", "للهجره"})
_GREGORIAN_MARKS = frozenset({"م", "ميلادي", "ميلاديه", "للميلاد"})
# After a counted plural (الأيام الثلاثة): an ordinal adjective makes it a stretch of a larger period.
_DEFINITE_FOLLOWS_COUNT = re.compile(r"^[^\S\n]+(?:الاولي|الاول|الاخيره|الاخير|الاواخر|الاوائل)(?![^\W\d_])")
_NEXT_WORD = re.compile(r"^[^\S\n]*[,،]?[^\S\n]*([^\s,،.]+)")
_PREV_WORD = re.compile(r"([^\s,،.]+)[^\S\n]*$")
# بعد عامين من, بعد عامين فقط من: the length of time before an event, not a date
# (not من الزمن / من الوقت: "a decade of time" is a filler, قبل عقد من الزمن is a decade ago)
_FOLLOWED_BY_OF = re.compile(r"^[^\S\n]+(?:(?:فقط|تقريبا)[^\S\n]+)?(?:من|عن)(?![^\W\d_])(?![^\S\n]+(?:الزمن|الوقت|الدهر)(?![^\W\d_]))")
# بعد ثلاث سنوات على الحادث: "since", like من (after قبل, على is only "on": قال قبل أسبوع على التلفزيون)
_FOLLOWED_BY_ALA = re.compile(r"^[^\S\n]+(?:(?:فقط|تقريبا)[^\S\n]+)?علي(?![^\W\d_])")
# "العام" is also the adjective "general": الأمين العام السابق is no year.
_GENERAL_NOUNS = frozenset(
    "الامين امين المدير مدير النائب المدعي الراي القطاع المؤتمر الاضراب الامن الشان المال "
    "المرشد القائد المفتش المنسق الحشد التعبئه الاتحاد المجلس الامانه الراي العفو".split()
)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the resolver says about one expression."""

    type: str
    value: str
    mod: str | None = None
    explicit: tuple[date, date] | None = None
    # Offsets (into the folded match) to trim from the left of the extent.
    trim_left: int = 0
    # Left out of the output when it ends up with no value (عشية an undated event).
    optional: bool = False
    # غداة/عشية: days from the event's date, when that date only comes later in the sentence.
    event_offset: int | None = None


@dataclass
class Context:
    """Dates in force while walking a document in text order."""

    dct: date | None
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
    # Where last_day was written: (sentence, paragraph).
    last_day_at: tuple[int, int] | None = None
    # The day the article calls "today" when a weekday contradicts the DCT
    # (``اليوم الاثنين`` in a paper dated Friday): relative days count from it.
    today: date | None = None
    # The Hijri (year, month) in force when the last month written was a Hijri one.
    hijri_month: tuple[int, int] | None = None
    # The year of the last date written (a year alone counts too).
    last_year: int | None = None
    # Whether last_day was written in a background clause (وكان … قد أغلق يوم الخميس, مقارنة بـ …):
    # a flashback or a comparison, not the day the following sentences narrate.
    last_day_background: bool = False
    # The last day written outside a background clause, and where: what a later clock time falls back on.
    foreground_day: date | None = None
    foreground_at: tuple[int, int] | None = None
    # The last quarter, half or month written (its part without the year) and where: what
    # ``الفترة نفسها من العام الماضي`` repeats in another year.
    last_period: tuple[str, int, int] | None = None
    # Where last_month was written (sentence, paragraph): the start of a range of months.
    last_month_at: tuple[int, int] | None = None
    # The last ISO week written (year, week) when no day was written after it: what ذات الأسبوع repeats.
    last_week: tuple[int, int] | None = None

    @property
    def ref(self) -> date | None:
        """The day relative expressions count from: the corrected today, else the DCT."""
        return self.today or self.dct

    def day_in_force(self, sentence: int, paragraph: int) -> date | None:
        """The last day written in this paragraph or the three sentences before, if any."""
        if self.last_day is None or self.last_day_at is None:
            return None
        s_index, s_paragraph = self.last_day_at
        return self.last_day if s_paragraph == paragraph or sentence - s_index <= 3 else None
    # (sentence index, paragraph, year) of explicit years, most recent last.
    years: list[tuple[int, int, int]] = field(default_factory=list)

    def year_in_force(self, sentence: int, paragraph: int) -> int | None:
        """An explicit year from this sentence or the previous one in the same paragraph.

        Without a DCT any earlier explicit year in the document is in force.
        """
        for s_index, s_paragraph, year in reversed(self.years):
            if s_index == sentence or (s_index == sentence - 1 and s_paragraph == paragraph):
                return year
            if self.dct is None:
                return year
        return None

    def year_in_sentence(self, sentence: int) -> bool:
        """Whether an explicit year was written earlier in this sentence."""
        return any(s_index == sentence for s_index, _, _ in self.years)

    def note(self, value: str, sentence: int, paragraph: int, explicit_year: bool,
             hijri: tuple[int, int] | None = None, background: bool = False) -> None:
        """Record a resolved DATE so that later anaphora can use it.

        ``hijri`` is the Hijri (year, month) of a Hijri date, so that ``الخامس من
        الشهر نفسه`` after it counts days of that Hijri month.
        """
        if re.match(r"^\d{4}-\d{2}", value) or hijri:
            self.hijri_month = hijri
        period = re.match(r"^\d{4}-(Q[1-4]|H[12]|\d{2})$", value)
        if period:
            self.last_period = (period[1], sentence, paragraph)
        week = re.match(r"^(\d{4})-W(\d{2})$", value)
        self.last_week = (int(week[1]), int(week[2])) if week else (None if re.match(r"^\d{4}-\d{2}-\d{2}", value) else self.last_week)
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
        if m and explicit_year and re.match(r"^\d{4}-(Q|H)", value):
            self.years.append((sentence, paragraph, int(m[1])))  # النصف الأول من العام 2016: 2016 is in force
        if not m or re.match(r"^\d{4}-(W|Q|H|SP|SU|FA|WI)", value):
            return
        year = int(m[1])
        self.last_year = year
        if explicit_year:
            self.years.append((sentence, paragraph, year))
        if m[2]:
            self.last_month = (year, int(m[2]))
            self.last_month_at = (sentence, paragraph)
        if m[3]:
            self.last_day = safe_date(year, int(m[2]), int(m[3]))
            self.last_day_at = (sentence, paragraph)
            self.last_day_background = background
            if not background:
                self.foreground_day, self.foreground_at = self.last_day, self.last_day_at


@dataclass(frozen=True, slots=True)
class Where:
    """Where a match sits: its sentence, and the folded text around it."""

    sentence: int
    paragraph: int
    before: str  # folded sentence text before the match
    after: str  # folded sentence text after the match
    pod: str | None = None  # part of day found to the left
    quantity_mod: str | None = None
    has_day_context: bool = False

    @property
    def tail(self) -> str:
        """The last 120 characters before the match: enough for every look-back,
        and it keeps ``$``-anchored searches from scanning a long sentence."""
        return self.before[-120:]


@lru_cache(maxsize=None)
def _temporal_words(key: str) -> frozenset[str]:
    """The folded words of one ``{"words": […]}`` list of data/lexicon/temporal.json."""
    return folded_words(load_json("lexicon/temporal.json")[key]["words"])


def _lasting_verbs() -> frozenset[str]:
    return _temporal_words("lasting_verbs")


@lru_cache(maxsize=1)
def _decade_words() -> dict[str, frozenset[str]]:
    data = load_json("lexicon/temporal.json")
    return {"before": folded_words(data["decade_context"]["before"]), "after": folded_words(data["decade_context"]["after"]),
            "names": folded_words(data["name_particles"]["words"])}


@lru_cache(maxsize=1)
def _anaphoric_shift() -> dict[str, frozenset[str]]:
    data = load_json("lexicon/temporal.json")
    return {k: folded_words(data["anaphoric_" + k]) for k in ("previous", "following")}


# كل عام وأنتم بخير is a greeting, not a habit; هذا العام in the sentence makes a feast this year's
_GREETING = re.compile(r"(?<![^\W\d_])[وف]?كل[^\S\n]+(?:عام|سنه|عيد)[^\S\n]+و(?:انتم|انت|انتن|انتما|نحن|هم)(?![^\W\d_])")
_THIS_YEAR = re.compile(r"(?<![^\W\d_])[وفبل]?(?:هذا[^\S\n]+العام|هذه[^\S\n]+السنه|العام[^\S\n]+(?:الحالي|الجاري))(?![^\W\d_])")
# time prepositions before العقد الماضي (the last ten years, not the last contract)
_DECADE_SPAN_WORDS = frozenset({"خلال", "في", "طوال", "طيله", "مدي", "مدار", "عبر", "منذ", "وخلال", "وفي"})
# the start of a sentence, a paragraph or a quotation (what may come before a word heading its sentence)
_SENTENCE_HEAD = re.compile(r"(?:^|[.!؟?:\n«\"“])[^\S\n]*[وف]?$")


@lru_cache(maxsize=1)
def _framing_after() -> re.Pattern[str]:
    """و + a framing word right after اليوم (اليوم ورغم …, اليوم وبعد مضي …): nowadays set against the past."""
    words = load_json("lexicon/temporal.json")["nowadays_cues"]["framing_after"]
    return re.compile(rf"^[^\S\n]+و{alternation(words)}(?![^\W\d_])")


@lru_cache(maxsize=1)
def _since_until() -> tuple[frozenset[str], frozenset[str]]:
    """(until words, since words): منذ … وحتى اليوم is a stretch that reaches now."""
    cues = load_json("lexicon/temporal.json")["nowadays_cues"]
    return folded_words(cues["until"]), folded_words(cues["since"])


@lru_cache(maxsize=1)
def _time_filler() -> re.Pattern[str]:
    """``من الزمن`` right after a unit: what follows is a filler, the unit a length of time."""
    words = load_json("lexicon/temporal.json")["time_fillers"]["words"]
    return re.compile(rf"^[^\S\n]+{alternation(words)}(?![^\W\d_])")


@lru_cache(maxsize=1)
def _clock_half_marks() -> dict[str, str]:
    """The half-of-day letters after a clock time (ص, م), folded, to the part of day they stand for."""
    marks = load_json("lexicon/temporal.json")["clock_half_marks"]
    return folded_index({k: v for k, v in marks.items() if k[0] != "_"})


@lru_cache(maxsize=1)
def _feast_goods() -> frozenset[str]:
    """Nouns of goods and customs before العيد (ملابس العيد) that make it a kind of feast, not a day."""
    return folded_words(load_json("lexicon/temporal.json")["feast_goods"]["words"])


@lru_cache(maxsize=1)
def _habitual() -> re.Pattern[str]:
    """Words of a habit (سنويا, كل عام, اعتادت) that make a feast without a year general."""
    words = load_json("lexicon/temporal.json")["habitual_cues"]["words"]
    return re.compile(rf"(?<![^\W\d_])[وف]?{alternation(words)}(?![^\W\d_])")


@lru_cache(maxsize=1)
def _someday_modals() -> frozenset[str]:
    """Modal cues (ربما, قد, يمكن) that make an indefinite day a coming one."""
    return folded_words(load_json("lexicon/temporal.json")["someday"]["modal_cues"])


@lru_cache(maxsize=1)
def _set_manner() -> dict[str, str]:
    """يومي -> P1D: the adjectives that a noun of manner (بشكل) makes a recurrence."""
    return folded_index(load_json("lexicon/temporal.json")["set_manner"]["adjectives"])


def _waw_nouns() -> frozenset[str]:
    return _temporal_words("waw_nouns")


@lru_cache(maxsize=1)
def _rate_words() -> dict:
    data = load_json("lexicon/temporal.json")["rate_counts"]
    return {"counts": folded_words(data["words"]), "units": folded_index(data["units"])}


def _event_verbs_ahead() -> frozenset[str]:
    return _temporal_words("event_verbs_ahead")


@lru_cache(maxsize=1)
def _name_words() -> dict[str, frozenset[str]]:
    entities = load_json("lexicon/entities.json")
    roles = [w for w in entities["discovery"]["roles"] if " " not in w] + load_json("lexicon/temporal.json")["role_words"]["words"]
    return {"first": folded_words(entities["first_names"]), "roles": folded_words(roles)}


@lru_cache(maxsize=1)
def _weekday_blockers() -> dict[str, frozenset[str]]:
    data = load_json("lexicon/temporal.json")["weekday_blockers"]
    return {k: folded_words(data[k]) for k in ("two", "friday")}


@lru_cache(maxsize=1)
def _consecutive() -> re.Pattern[str]:
    return re.compile(rf"^[^\S\n]+{alternation(load_json('lexicon/temporal.json')['consecutive_words']['words'])}(?![^\W\d_])")


@lru_cache(maxsize=1)
def _feast_day_ordinals() -> dict[str, int]:
    return {w: int(k) for w, k in folded_index(load_json("lexicon/temporal.json")["feast_day_ordinals"]).items()}


def _in_years(unit: str, amount: float | None) -> tuple[str, float | None]:
    """Decades and centuries as years (TIMEX3 has no unit for them); other units as they are."""
    if unit not in ("DE", "CE"):
        return unit, amount
    return "Y", None if amount is None else amount * (10 if unit == "DE" else 100)


def _number(text: str, lx: Lexicon) -> float | None:
    text = squash(text.strip("() \t"))
    head, _, last = text.rpartition(" ")
    if head and last in lx.scales:  # 32 ألف, 4.5 مليار
        number = _number(head, lx)
        return None if number is None else number * lx.scales[last]
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    if text in lx.cardinals:
        return float(lx.cardinals[text])
    unit, sep, ten = text.partition(" و")
    # أربع وعشرين, الأربع والعشرين; the accusative خمسا وعشرين drops its alif first
    unit = unit[2:] if unit.startswith("ال") and unit[2:] in lx.cardinals else unit
    ten = ten.strip()
    ten = ten[2:] if ten.startswith("ال") and ten[2:] in lx.cardinals else ten
    if sep and ten in lx.cardinals:
        ones = lx.cardinals.get(unit) or (lx.cardinals.get(unit[:-1]) if unit.endswith("ا") else None)
        if ones is not None and ones < 10:
            return float(ones + lx.cardinals[ten])
    return None


def _day_number(text: str, lx: Lexicon) -> int | None:
    text = squash(text.strip("() \t"))
    if text.startswith("ال") and text[2:].strip().isdigit():
        text = text[2:].strip()  # الـ7, الـ 7
    if text.isdigit():
        return int(text)
    if text == "غره":
        return 1  # غرة رمضان: the first day of the month
    if text not in lx.day_ordinals and text.startswith("ل"):
        return lx.day_ordinals.get("ا" + text)  # للسادس: ل + السادس
    return lx.day_ordinals.get(text)


def _month_number(phrase: str, lx: Lexicon) -> int | None:
    """The month of a phrase like ``يونيو/ حزيران`` (the first name decides)."""
    from .patterns import grammar

    m = grammar().month_word.search(phrase)
    return lx.months.get(squash(m.group())) if m else None


# 1436/1437هـ: a Hijri year followed by the next one with the era mark.
_HIJRI_YEAR_PAIR = re.compile(r"^[^\S\n]*[/\-][^\S\n]*1[34]\d\d[^\S\n]*(?:هـ|ه)(?![^\W\d_])")
# What may follow a year written alone: punctuation, the end, و + another year, a range.
_YEAR_CLOSER = re.compile(r"^(?:[^\S\n]*(?:[.،,؛:!؟)\]\"”»]|$)|[^\S\n]*[-–/][^\S\n]*\d{4}|[^\S\n]+(?:و|او|الي|حتي|إلى)[^\S\n]*\d{4})")
_YEAR_RANGE = re.compile(r"^[^\S\n]*(?:[-–/]|[^\S\n](?:و|الي|حتي))[^\S\n]*(?:1[5-9]|20)\d\d(?!\d)")
_YEAR_DASH_RANGE = re.compile(r"^[^\S\n]*[-–][^\S\n]*(?:1[5-9]|20)\d\d(?!\d)")
_YEAR_DASH_RANGE_END = re.compile(r"(?:1[5-9]|20)\d\d[^\S\n]*[-–][^\S\n]*$")
_YEAR_RANGE_END = re.compile(r"(?:1[5-9]|20)\d\d[^\S\n]*(?:[-–/]|[^\S\n](?:و|الي|حتي))[^\S\n]*$")
# A number after these words is an amount, not a year.
_QUANTITY_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:من|نحو|حوالي|حوالى|قرابه|اكثر|اقل|بلغ|بلغت|يبلغ|تبلغ|رقم|الرقم|بنحو|بحوالي|وصل|الي|مقابل|بقيمه|مبلغ)|[$€£]|\d[^\S\n]*(?:و|الي|-))[^\S\n]*$"
)

# The paper named Al-Yaum: "(اليوم)", «اليوم», لـ"اليوم".
_PAPER_NAME = re.compile(r"[(\"«“][^\S\n]*$")
_PAPER_CLOSE = re.compile(r"^[^\S\n]*[)\"»”]")
# A byline or dateline before the paper's name: "الدمام - اليوم", "نايف عبدالله – اليوم".
_DATELINE_BEFORE = re.compile(r"^[^.،,]{0,40}[-–][^\S\n]*$")

# "لـ X" after اليوم التالي: the day after a named happening.
_OF_EVENT = re.compile(r"^[^\S\n]*ل(?:ل|[^\S\n]|[^\W\d_])")

# A definite nisba adjective (العراقي, الدولية) after a month name makes it a name.
_NISBA_AFTER = re.compile(r"^[^\S\n]+ال(?!ماضي|جاري|حالي|منصرم|فائت|تالي|ذي(?![^\W\d_])|تي(?![^\W\d_]))[^\W\d_]+(?:ي|يه)(?![^\W\d_])")

_PAIRED_RELATIVE = re.compile(
    r"^[^\S\n]+(?:او|و)[^\S\n]*([^\s,،.]+(?:[^\S\n]+ال(?:اول|ثاني))?)[^\S\n]+"
    r"(المقبلين|القادمين|الماضيين|المنصرمين|المقبلتين|القادمتين)"
)


@lru_cache(maxsize=1)
def _date_after_weekday() -> re.Pattern[str]:
    """A day and month written after a clock time's weekday (مساء الأحد 26 يوليو, الخميس الموافق السادس من أغسطس)."""
    lx = lexicon()
    ordinals = alternation(list(lx.day_ordinals) + ["ل" + w[1:] for w in lx.day_ordinals if w.startswith("ال")])
    return re.compile(rf"^[^\S\n]*[,،]?[^\S\n]*(?:(?:ال)?موافق[^\S\n]+)?(?P<day>\d{{1,2}}(?!\d)|{ordinals})[^\S\n]*"
                      rf"(?:من[^\S\n]+)?(?:شهر[^\S\n]+)?(?P<month>{alternation(lx.months)})"
                      rf"(?:[^\S\n]+(?P<rel>{alternation(lx.relative_offsets)}))?(?![^\W\d_])")


# What joins the two ends of a range (folded): إلى/حتى with or without و, or a dash.
_RANGE_TO = r"(?:و?(?:الي|حتي)|-|–)"


@lru_cache(maxsize=1)
def _range_to_dated_month() -> re.Pattern[str]:
    """The end of a range whose month carries the year: إلى حزيران (يونيو) من عام 2012, - 20 يونيو 2014."""
    months = alternation(lexicon().months)
    return re.compile(rf"^[^\S\n]*{_RANGE_TO}[^\S\n]*(?:(?:ال)?\d{{1,2}}[^\S\n]*(?:من[^\S\n]+)?)?(?:شهر[^\S\n]+)?"
                      rf"(?P<month>{months})(?:[^\S\n]*[/(\-–][^\S\n]*{months}[^\S\n]*\)?|[^\S\n]+{months})?"
                      rf"[^\S\n]*[,،]?[^\S\n]*(?:(?:من|في)[^\S\n]+)?(?:(?:عام|العام|سنه)[^\S\n]+)?(?P<year>(?:1[5-9]|20)\d\d)(?!\d)")


def _range_year(month: int, after: str) -> int | None:
    """The year of a month written without one at the start of a range that ends in a dated month."""
    m = _range_to_dated_month().match(after)
    if not m:
        return None
    end = lexicon().months.get(squash(m["month"]))
    if end is None:
        return None
    year = int(m["year"])
    return year if month <= end else year - 1


def _month_range_follows(after: str) -> bool:
    """Whether another month follows as the end of a range (… إلى مايو, - مايو)."""
    from .patterns import grammar

    m = re.match(rf"^[^\S\n]*{_RANGE_TO}[^\S\n]*(?:شهر[^\S\n]+)?", after)
    return bool(m) and bool(grammar().month_word.match(after, m.end()))


def grammar_month(word: str) -> bool:
    """Whether a (folded) word is a month name."""
    return squash(word) in lexicon().months


@lru_cache(maxsize=1)
def _weekday_list_rel() -> re.Pattern[str]:
    """What follows a weekday in a list that ends with one plural offset (والاثنين المقبلين)."""
    weekdays = list(lexicon().weekdays)
    days = alternation(weekdays + [w[2:] for w in weekdays if w.startswith("ال")])
    # the offsets that agree with a plural (أيام … المقبلة) or a list of days (المقبلين), not المقبل
    offsets = [w for k, ws in load_json("lexicon/temporal.json")["relative_offsets"].items() if k != "0"
               for w in ws if w.endswith(("ة", "ين"))]
    return re.compile(rf"^(?:[^\S\n]*[,،]?[^\S\n]*و?(?:{days}))*[^\S\n]+(?P<rel>{alternation(offsets)})(?![^\W\d_])")


@lru_cache(maxsize=1)
def _range_end_pattern() -> re.Pattern[str]:
    hours = alternation(lexicon().hours)
    adverbs = load_json("lexicon/temporal.json")["pod_adverbs"]
    return re.compile(rf"^[^\S\n]*[-–]?[^\S\n]*(?:{_RANGE_TO}|و)?[^\S\n]*(?:الساعه[^\S\n]+)?"
                      rf"(?:(?P<h>\d{{1,2}})(?:[:.]\d{{2}})?|(?P<hw>{hours}))[^\S\n]+"
                      rf"(?P<pod>{alternation(adverbs['anywhere'] + adverbs['at_phrase_end'])})(?![^\W\d_])")


class _LazyRangeEnd:
    def match(self, text: str):
        return _range_end_pattern().match(text)


_RANGE_END = _LazyRangeEnd()
_LIGHT_YEAR = re.compile(r"^[^\S\n]+ضوئي")
# من الأحد للخميس, بين السبت والثلاثاء, من يوم الأحد إلى الخميس: the first weekday of a range, before the second
_WEEKDAY_RANGE_FROM = re.compile(
    r"(?<![^\W\d_])(?:من|بين)[^\S\n]+(?:يوم[^\S\n]+)?(?P<w1>[^\W\d_]+)[^\S\n]+(?:(?:الي|حتي|لغايه|لحد)[^\S\n]+|[لو])?$")
# What follows a vague word at the end of its clause (بكلمك بعدين.)
# قد + an imperfect verb (قد يعود: may come back); قد + a past verb is "has"
_MAY_IMPERFECT = re.compile(r"(?<![^\W\d_])[وف]?قد[^\S\n]+[يتن][^\W\d_]{2,}")
# لا, لن (not لم: لم يصل إلا قبل يومين is "two days ago")
_NEGATION = re.compile(r"(?<![^\W\d_])[وف]?(?:لا|لن)(?![^\W\d_])(?![^\S\n]*سيما)")  # not لا سيما (especially)
_CLAUSE_END = re.compile(r"^[^\S\n]*(?:[.،,؛:!؟?)\n]|$|و)")
_MONTH_PREPOSITIONS = frozenset("في خلال منذ حتي قبل بعد طوال وفي وخلال ومنذ وحتي".split())
# A name after it makes رمضان a person: في رمضان عبد الله.
_NEXT_NAME = re.compile(r"^[^\S\n]+(?:عبد|بن|ابو)(?![^\W\d_])")


# What may follow a plural unit standing alone as a duration (في أعوام!, بعد سنوات من).
_PLURAL_CLOSER = re.compile(
    r"^(?:[^\S\n]*(?:[.،,؛:!؟)\]\"”»\-–]|$)|[^\S\n]+(?:من|في|علي|الي|عن|قبل|بعد|حتي|نحو|او|ثم|فقط|و[^\W\d_]+)(?![^\W\d_])"
    # a feminine adjective (سنوات جيدة), not an idafa (أيام عيد)
    r"|[^\S\n]+(?!ال)[^\W\d_]{2,}ه(?![^\W\d_]))"
)


_GREETING_AFTER = re.compile(r"^[^\S\n]*[؟?،,]*[^\S\n]*و(?:انت|انتم|انتما|انتن|هم|نحن|من[^\S\n]+العايدين)(?![^\W\d_])")


def _after_month_and(tail: str, lx: Lexicon) -> bool:
    """Whether the text before ends with a month name and a glued و (``يناير و``)."""
    m = re.search(r"([^\s,،.]+)[^\S\n]+و$", tail)
    return bool(m) and squash(m.group(1)) in lx.months


def _definite(word: str) -> str:
    """``لعام`` (from للعام) back to ``العام``."""
    word = squash(word)
    return "ا" + word if word.startswith("ل") and not word.startswith("ال") else word


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def inside_quote(before: str) -> bool:
    """Whether text ending with ``before`` is inside an open quotation."""
    return _inside_quote(before)


def _inside_quote(before: str) -> bool:
    opened = sum(before.count(q) for q in _QUOTES_OPEN) - sum(before.count(q) for q in _QUOTES_CLOSE)
    return opened > 0 or before.count('"') % 2 == 1


class Resolver:
    """Computes TIMEX3 attributes for matches, with the document's context."""

    def __init__(self, context: Context) -> None:
        self.ctx = context
        self.lx = lexicon()
        # The Hijri (year, month) of the last Hijri expression resolved.
        self.last_hijri: tuple[int, int] | None = None

    # -- helpers ---------------------------------------------------------

    def _future(self, where: Where) -> bool:
        """Whether the clause before a match is in the future tense.

        A cue word (سوف, من المقرر, يعتزم …) or a verb with the future prefix
        سـ (سيلتقي, ستعقد) among the last eight words of the clause.
        """
        # A closed bracketed aside (بطولة (خليجي 23) في ديسمبر) does not end the clause.
        clause = _clause(_ASIDE.sub(" ", where.tail)).split()
        words = clause[-8:]
        if all(w == "يوم" or w in self.lx.parts_of_day for w in clause):
            # An expression heading its clause takes the tense of the words after it:
            # الأربعاء سيعقد المجلس, السنة الجاية بدي أتزوج, مساء الخميس سنحتفل.
            words = _CLAUSE_AFTER.match(where.after).group().split()[:4]
        if clause and clause[-1] in ("حتي", "وحتي") and any(w in ("لن", "ولن", "فلن") for w in clause[-15:]):
            return True  # لن … حتى X (not until X): لن يتم أي نقاش … حتى 26 أكتوبر
        if words and words[-1] in self.lx.past_prepositions:
            return False  # منذ يناير: "since" looks back, whatever the verb before it
        for word in clause[:2]:
            if (word[1:] if word[:1] in "وف" else word) in _event_verbs_ahead():
                return True  # ويفتتح المعرض أبوابه في الثامن من أكتوبر: a coming event announced
        if len(clause) > 1 and clause[0] in ("من", "ومن") and clause[1] in self.lx.future_cues:
            return True  # ومن المؤمل أن يزور الوزير مصر يوم الأحد: the cue opening the clause rules all of it
        if (any((w[1:] if w[:1] in "وف" else w) in _temporal_words("call_verbs") for w in clause[:2])
                and any(w in ("الي", "الى") for w in clause[2:])):
            return True  # دعا الأمين العام إلى اجتماع طارئ يوم الثلاثاء: the meeting called for is ahead
        for i, word in enumerate(words):
            bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
            if (word in self.lx.future_cues or bare in self.lx.future_cues) and not (
                    bare.startswith("ال") and i > 0 and (words[i - 1] in ("عن", "مما", "عما") or (
                        words[i - 1] == "من" and i > 1 and words[i - 2] in _COMPARATIVES))):
                return True  # (أكثر من المتوقع: a comparison, not a forecast; من المتوقع أن is one)
            if (word in ("ان", "وان") and i + 1 < len(words) and words[i + 1] in _subjunctive_future()
                    and (i == 0 or words[i - 1] not in ("قبل", "بعد", "وقبل", "وبعد"))):
                return True  # على أن تقام البطولة في ديسمبر: a planned event
            if _FUTURE_VERB.match(bare) and not self._future_exception(bare):
                return True
            if (_FIRST_PERSON_FUTURE.match(bare) and not self._future_exception(bare)
                    and not _NOT_FIRST_PERSON_FUTURE.search(bare) and not _NOT_FIRST_PERSON_FUTURE.search(self._without_pronoun(bare))):
                return True  # سأعود يوم الثلاثاء
            if bare == "قد" and i + 1 < len(words) and re.match(r"^ي[^\W\d_]{2,}$", words[i + 1]):
                return True  # قد يخرج من السجن في نوفمبر: "may", a possibility ahead
        return False

    def _without_pronoun(self, word: str) -> str:
        """``word`` without an attached pronoun (ساعدتهم -> ساعدت), keeping a stem of three letters."""
        for suffix in self.lx.pronoun_suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word

    def _future_exception(self, word: str) -> bool:
        """Whether ``word`` only looks like a سـ verb: a listed noun, also with a pronoun attached (سيارته)."""
        exceptions = self.lx.future_verb_exceptions
        if word in exceptions or word.endswith(self.lx.past_plural_endings):
            return True  # سيطروا: a past plural, never سـ + imperfect (that ends in ون)
        if word.endswith("يا") and len(word) >= 5:
            return True  # سياحيا, سنويا: an adverbial adjective, not a verb
        for suffix in self.lx.pronoun_suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: -len(suffix)]
                # A ta marbuta is written ت before a pronoun: سيارته is سيارة + ه.
                if stem in exceptions or (stem.endswith("ت") and stem[:-1] + "ه" in exceptions):
                    return True
        return False

    def _upcoming(self, months_ahead: int, where: Where) -> bool:
        """Whether a bare month (or day of it) ``months_ahead`` after the DCT's month means the coming one.

        Future tense says so; otherwise a month at most two ahead is nearer
        than the same month of last year, and news name it without a year
        only when it is the near one (تسليم أغسطس, في سبتمبر المقبل).
        """
        return self._future(where) or 1 <= months_ahead <= 2

    def _month_year(self, month: int, rel: int | None, where: Where, weekday: int | None = None,
                    day: int | None = None) -> int | None:
        """Choose the year of a month named without one."""
        dct = self.ctx.dct
        if rel is not None and dct is not None:
            if rel == 0:
                return dct.year
            if month == dct.month and day is not None:
                # 6 أغسطس القادم in a paper of 2 August: later this month, not next year
                if rel < 0:
                    return dct.year if day < dct.day else dct.year - 1
                return dct.year if day > dct.day else dct.year + 1
            if rel < 0:
                return dct.year if month < dct.month else dct.year - 1
            return dct.year if month > dct.month else dct.year + 1
        in_force = self.ctx.year_in_force(where.sentence, where.paragraph)
        by_dct = None
        if dct is not None:
            if month == dct.month and day is not None and day > dct.day and self._future(where):
                by_dct = dct.year
            elif month == dct.month:
                by_dct = dct.year
            elif self._upcoming((month - dct.month) % 12, where):
                by_dct = dct.year if month > dct.month else dct.year + 1
            else:
                by_dct = dct.year if month < dct.month else dct.year - 1
        if in_force is not None and dct is not None and in_force < dct.year and self._future(where):
            in_force = None  # a future clause cannot be about a past year
        if (in_force is not None and dct is not None and in_force > dct.year and not self._future(where)
                and not self.ctx.year_in_sentence(where.sentence)):
            in_force = None  # a forecast year of the sentence before does not frame a month told in the past
        if in_force is not None:
            if weekday is None or day is None or by_dct is None:
                return in_force
            candidate = safe_date(in_force, month, day)
            if candidate and candidate.isoweekday() == weekday:
                return in_force
        return by_dct

    def _with_pod(self, value: str, where: Where) -> str:
        return f"{value}T{where.pod}" if where.pod and value else value

    # -- families --------------------------------------------------------

    def resolve(self, family: str, m: re.Match[str], where: Where) -> Resolution | None:
        """Resolve one match; None rejects it as not a temporal expression.

        Arithmetic that leaves the calendar (``أمس`` published 0001-01-01,
        ``غدا`` on 9999-12-31) keeps the expression with an empty value, as
        an unanchored relative date is kept.
        """
        try:
            return getattr(self, "_" + family)(m, where)
        except (OverflowError, ValueError):
            return Resolution("DATE", "")

    def _day_month(self, m: re.Match[str], where: Where) -> Resolution | None:
        lx = self.lx
        day = _day_number(m["day"], lx)
        month = _month_number(m["month"], lx)
        if day is None or month is None or not 1 <= day <= 31:
            return None
        weekday = lx.weekdays.get(squash(m["weekday"])) if m["weekday"] else None
        rel = lx.relative_offsets.get(m["rel"]) if m["rel"] else None
        if month == 3 and day in (8, 14) and not m["year"] and self._is_bloc(where):
            return None  # قوى 14 آذار: the Lebanese bloc, not a date
        prev = _PREV_WORD.search(where.tail)
        prev_word = prev.group(1) if prev else ""
        if not m["year"] and not m["weekday"] and (prev_word in lx.place_nouns or prev_word[1:] in lx.place_nouns):
            return None  # شارع 26 سبتمبر: a street, not a day
        named = lx.named_dates.get(squash(f"{day} {m['month']}"))
        if named and not m["year"] and not m["rel"] and (
            (prev and prev.group(1) in lx.named_date_nouns) or not self._future(where)
        ):
            return Resolution("DATE", named)  # هجمات 11 سبتمبر, مشاكل 11 سبتمبر (unless a future clause)
        if m["year"]:
            year = int(m["year"])
            if m["yearmark"] in ("ه", "هـ") or not 1000 <= year <= 2999:
                return None
        elif m["yrel"] and self.ctx.dct is not None:
            year = self.ctx.dct.year + lx.relative_offsets.get(m["yrel"], 0)
        else:
            year = _range_year(month, where.after) if rel is None else None
            year = year or self._month_year(month, rel, where, weekday, day)
            start = self._range_start(where) if rel is None and year is not None else None
            if start is not None and (safe_date(year, month, day) or start) < start:
                year += 1  # من 20 ديسمبر إلى 5 يناير: the range ends after it begins
        if year is None:
            if safe_date(2000, month, day) is None:
                return None
            return Resolution("DATE", "")
        d = safe_date(year, month, day)
        if d is None:
            return None
        return Resolution("DATE", self._with_pod(d.isoformat(), where))

    def _is_bloc(self, where: Where) -> bool:
        prev = _PREV_WORD.search(where.tail)
        nxt = _NEXT_WORD.match(where.after)
        return bool(prev and prev.group(1) in self.lx.bloc_nouns) or bool(nxt and nxt.group(1) in ("وقوي", "و8", "و14"))

    def _duration_list(self, m: re.Match[str], where: Where) -> Resolution | None:
        """The first number of ``بين 19 و28 عاما``: a duration in the unit of the second."""
        unit = self.lx.units.get(squash(m["unit"]))
        number = int(m["num"]) if m["num"] else _number(m["numword"], self.lx)
        if number is None or number != int(number):
            return None
        amount = int(number)
        if unit is None or not 0 < amount <= 10000:
            return None
        code = unit[0]
        if code in ("DE", "CE"):
            code, amount = "Y", amount * (10 if code == "DE" else 100)
        if code in ("H", "MIN", "S"):
            return Resolution("DURATION", f"PT{amount}{_TIME_CODES[code]}")
        return Resolution("DURATION", f"P{amount}{code}")

    def _day_list(self, m: re.Match[str], where: Where) -> Resolution | None:
        """The first day of ``يومي 10 و12 أغسطس`` / ``من 5 إلى 10 مايو``: the month comes after the second."""
        day = _day_number(m["day"], self.lx)
        if m["dlhmonth"]:
            hmonth = self.lx.hijri_months.get(squash(m["dlhmonth"]))
            if day is None or hmonth is None or not 1 <= day <= 30:
                return None
            if m["dlhyear"]:
                hyear = int(m["dlhyear"])
            elif self.ctx.dct and re.match(rf"^[^.،,\n]*?{re.escape(m['dlhmonth'])}[^\S\n]+(?:الجاري|الحالي)(?![^\W\d_])", where.after):
                # 10 - 12 شوال الجاري: the DCT's Hijri year
                hyear = Gregorian(self.ctx.dct.year, self.ctx.dct.month, self.ctx.dct.day).to_hijri().year
            else:
                first = self._nearest_hijri(hmonth, day, None, where)
                if first is None:
                    return Resolution("DATE", "")
                hyear = Gregorian(first.year, first.month, first.day).to_hijri().year
            return self._hijri_day(hyear, hmonth, day, where)
        month = _month_number(m["month"], self.lx)
        if day is None or month is None or not 1 <= day <= 31:
            return None
        rel = self.lx.relative_offsets.get(m["rel"]) if m["rel"] else None
        year = int(m["year"]) if m["year"] else self._month_year(month, rel, where, None, day)
        if year is None:
            return Resolution("DATE", "")
        d = safe_date(year, month, day)
        return Resolution("DATE", self._with_pod(d.isoformat(), where)) if d else None

    def _month(self, m: re.Match[str], where: Where) -> Resolution | None:
        lx = self.lx
        month = _month_number(m["month"], lx)
        if month is None:
            return None
        names = [squash(x.group()) for x in re.finditer(r"[^\s/\\()\-–]+(?:[^\S\n]+ال(?:اول|ثاني))?", m["month"])]
        ambiguous = all(n in lx.ambiguous_months for n in names if n in lx.months)
        prev = _PREV_WORD.search(where.tail)
        prev_word = prev.group(1) if prev else ""
        if re.search(r"\d[^\S\n]*$", where.tail):
            return None  # a day number we did not take ("4 من عناصرها" is not here)
        if prev_word in lx.place_nouns:
            return None  # محافظة إب: the Yemeni governorate, not the month آب
        if not (m["year"] or m["rel"] or m["yrel"] or m["shahr"]) and _NISBA_AFTER.match(where.after):
            return None  # مفاعل تموز العراقي: a name, not the month (شهر مايو المتبقي is the month)
        licensed = bool(m["shahr"] or m["year"] or m["rel"] or m["yrel"] or len(names) > 1 or where.has_day_context
                        or _after_month_and(where.tail, lx)  # يناير ومارس
                        or _month_range_follows(where.after))  # من مارس إلى مايو
        if ambiguous and not licensed and prev_word not in ("في", "منذ", "حتي", "خلال", "بحلول", "وفي", "ومنذ", "وحتي"):
            return None
        rel = lx.relative_offsets.get(m["rel"]) if m["rel"] else None
        if rel is None:
            # نوفمبر أو ديسمبر المقبلين: a plural relative word also governs the month before it.
            nxt = _PAIRED_RELATIVE.match(where.after)
            if nxt and grammar_month(nxt.group(1)):
                rel = lx.relative_offsets.get(nxt.group(2))
        if m["year"]:
            year = int(m["year"])
            if m["yearmark"] in ("ه", "هـ") or not 1000 <= year <= 2999:
                return None
        elif m["yrel"]:
            if self.ctx.dct is None:
                return Resolution("DATE", "")
            year = self.ctx.dct.year + lx.relative_offsets.get(m["yrel"], 0)
        else:
            year = (_range_year(month, where.after) if rel is None else None) or self._month_year(month, rel, where)
            start = self.ctx.last_month if self.ctx.last_month_at and self.ctx.last_month_at[0] == where.sentence else None
            if year is not None and rel is None and start and _RANGE_CONNECTOR.search(where.tail) and (year, month) < start:
                year += 1  # من أيلول إلى تشرين الثاني … / من نوفمبر إلى فبراير: a range ends after it begins
        if year is None:
            return Resolution("DATE", "")
        return Resolution("DATE", f"{year:04d}-{month:02d}")

    def _numeric(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["y1"]:
            year, month, day = int(m["y1"]), int(m["m1"]), int(m["d1"])
        else:
            year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
            if month > 12 and day <= 12:  # month-first only where the day is > 12
                month, day = day, month
        if m["yearmark"] in _HIJRI_MARKS or (self._is_hijri_year(year) and m["yearmark"] not in _GREGORIAN_MARKS):
            return self._hijri_day(year, month, day, where)
        if not 1000 <= year <= 2999:
            return None
        d = safe_date(year, month, day)
        return Resolution("DATE", self._with_pod(d.isoformat(), where)) if d else None

    def _is_hijri_year(self, year: int) -> bool:
        """A year number that only makes sense as a Hijri year in recent news (1350 up to a decade ahead)."""
        current = 1436
        if self.ctx.dct is not None:
            try:
                current = Gregorian(self.ctx.dct.year, self.ctx.dct.month, self.ctx.dct.day).to_hijri().year
            except (ValueError, OverflowError):
                pass
        return 1350 <= year <= current + 10

    def _hijri_day(self, year: int, month: int, day: int, where: Where) -> Resolution | None:
        try:
            g = Hijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return Resolution("DATE", self._with_pod(date(g.year, g.month, g.day).isoformat(), where))

    def _year(self, m: re.Match[str], where: Where) -> Resolution | None:
        year = int(m["year"])
        mark = m["yearmark"] or ""
        if mark in self.lx.hijri_year_markers or (not mark and self._is_hijri_year(year)):
            return self._hijri_year(year)
        if not 1000 <= year <= 2999:
            return None
        return Resolution("DATE", f"{year:04d}")

    def _hijri_year(self, year: int) -> Resolution | None:
        try:
            first = Hijri(year, 1, 1).to_gregorian()
            last_month = Hijri(year, 12, 1)
            last = last_month.to_gregorian() + timedelta(days=last_month.month_length() - 1)
        except (ValueError, OverflowError):
            return None
        begin, end = date(first.year, first.month, first.day), date(last.year, last.month, last.day)
        middle = begin + (end - begin) / 2
        return Resolution("DATE", f"{middle.year:04d}", explicit=(begin, end))

    def _bare_year(self, m: re.Match[str], where: Where) -> Resolution | None:
        """A year written alone: after a preposition, with an era mark, before
        punctuation, in a list or range of years, or after a noun that takes a
        year (كأس العالم 2010); never a count (2015 شخصا)."""
        year = int(m["year"])
        mark = m["yearmark"] or ""
        trim = m.start("year") - m.start()
        hijri = mark in self.lx.hijri_year_markers
        if m["year2"]:
            # 1436/1437هـ, a fiscal or school year: one span, valued by the
            # Gregorian year that holds 1 Muharram of the later Hijri year.
            later = max(year, int(m["year2"]))
            if not self._is_hijri_year(later):
                return None
            try:
                g = Hijri(later, 1, 1).to_gregorian()
            except (ValueError, OverflowError):
                return None
            return Resolution("DATE", f"{g.year:04d}", trim_left=trim)
        if hijri or (not mark and year < 1500):
            if not (hijri or _HIJRI_YEAR_PAIR.match(where.after)) or not self._is_hijri_year(year):
                return None
            res = self._hijri_year(year)
            return Resolution(res.type, res.value, explicit=res.explicit, trim_left=trim) if res else None
        upper = self.ctx.dct.year + 30 if self.ctx.dct else 2100
        # an older year needs a preposition, a mark or a range (عاش بين 1835-1919)
        if not 1500 <= year <= upper or (year < 1900 and not (m["lead"] or mark or where.has_day_context
                                                             or _YEAR_DASH_RANGE.match(where.after)
                                                             or _YEAR_DASH_RANGE_END.search(where.tail))):
            return None
        nxt = _NEXT_WORD.match(where.after)
        next_word = nxt.group(1) if nxt else ""
        if next_word in self.lx.counted_nouns or next_word.startswith("%"):
            return None
        if not (m["lead"] or mark):
            prev = _PREV_WORD.search(where.tail)
            prev_word = prev.group(1) if prev else ""
            before_tail = where.before.rstrip()
            in_list = bool(re.search(r"(?:\d{4}[^\S\n]*[-–/،,][^\S\n]*|\d{4}[^\S\n]+و)$", where.tail))
            closed = bool(_YEAR_CLOSER.match(where.after))
            accepted = (
                (before_tail.endswith(("(", "-", "–")) and closed)  # (2001-2007)
                or prev_word in self.lx.year_after_nouns  # كأس العالم 2010
                or (prev_word[:1] in "وبل" and prev_word[1:] in self.lx.year_after_nouns)
                or self._after_title(where.tail)  # جائزة الحكومة الذكية 2015, مهرجان صيف الشرقية 2015
                or where.has_day_context  # بداية 2010
                or in_list
                or bool(_YEAR_RANGE_END.search(where.tail))  # من 1984 إلى 2010
                or bool(_YEAR_RANGE.match(where.after))
                or (closed and not _QUANTITY_BEFORE.search(where.tail))
            )
            if not accepted:
                return None
        return Resolution("DATE", f"{year:04d}", trim_left=trim)

    def _after_title(self, tail: str) -> bool:
        """Whether a year closes a name headed by a noun that takes a year, through up to two
        definite words (جائزة الحكومة الذكية 2015, بطولة آسيا للشباب 2016)."""
        words = [squash(w) for w in re.split(r"[.،,؛:!؟()\n]", tail)[-1].split()][-3:]
        for i, w in enumerate(words[:-1]):
            head = w[1:] if w[:1] in "وبل" and w[1:] in self.lx.year_after_nouns else w
            if head in self.lx.year_after_nouns and all(x.startswith(("ال", "لل")) or x in self.lx.year_after_nouns
                                                       for x in words[i + 1:]):
                return True
        return False

    def _weekday(self, m: re.Match[str], where: Where) -> Resolution | None:
        word = squash(m["weekday"])
        weekday = self.lx.weekdays.get(word)
        if weekday is None and word.startswith("ل"):
            # للخميس after من الأحد: the end of a range (alone, للاثنين is "for both")
            weekday = self.lx.weekdays.get("ا" + word) if _WEEKDAY_RANGE_FROM.search(where.tail[:-1]) else None
        ref = self.ctx.ref
        if weekday is None:
            return None
        if _TENS_AFTER.match(where.after):
            return None  # الاثنين والعشرين: the number twenty-two, not Monday
        if not m["rel"] and self._family_name(where):
            return None  # أحمد الخميس، أمين عام الاتحاد: a family name
        prev = _PREV_WORD.search(where.tail)
        prev_word = squash(prev.group(1)) if prev else ""
        if not m["rel"] and not where.pod and not where.has_day_context and (
                prev_word in _weekday_blockers()["two"] and squash(m["weekday"]) == "الاثنين"
                or prev_word in _weekday_blockers()["friday"] and squash(m["weekday"]) == "الجمعه"):
            return None  # بين الاثنين (the two), خطب الجمعة (Friday sermons in general)
        if ref is None:
            return Resolution("DATE", "")
        if m["weekrel"]:
            # الثلاثاء من الأسبوع المقبل: that weekday in the named week.
            offset = self.lx.relative_offsets.get(m["weekrel"], 0)
            monday = ref - timedelta(days=ref.isoweekday() - 1) + timedelta(weeks=offset)
            return Resolution("DATE", self._with_pod((monday + timedelta(days=weekday - 1)).isoformat(), where))
        if m["wpod"]:
            where = replace(where, pod=self.lx.parts_of_day.get(squash(m["wpod"])))
        if m["wthis"]:
            # هذا السبت: the coming one (today if it is that day)
            return Resolution("DATE", self._with_pod((ref + timedelta(days=(weekday - ref.isoweekday()) % 7)).isoformat(), where))
        first = _WEEKDAY_RANGE_FROM.search(where.tail) if not m["rel"] else None
        if first and self.lx.weekdays.get(squash(first.group("w1"))) and self.lx.weekdays[squash(first.group("w1"))] != weekday:
            # من الأحد للخميس, بين السبت والثلاثاء: the second day follows the first
            w1 = self.lx.weekdays[squash(first.group("w1"))]
            if self._future(replace(where, before=where.before[: len(where.before) - len(first.group())])):
                start = ref + timedelta(days=(w1 - ref.isoweekday()) % 7)
            else:
                start = ref - timedelta(days=(ref.isoweekday() - w1) % 7)
            day = start + timedelta(days=(weekday - w1) % 7 or 7)
            return Resolution("DATE", self._with_pod(day.isoformat(), where))
        rel = self.lx.relative_offsets.get(squash(m["rel"])) if m["rel"] else None
        if rel is None:
            # الأحد والاثنين المقبلين, أيام الأحد والاثنين والثلاثاء المقبلة: one offset for the list
            listed = _weekday_list_rel().match(where.after)
            if listed:
                rel = self.lx.relative_offsets.get(listed.group("rel"))
        week = _WEEK_IN_CLAUSE.search(_clause(where.tail)) if rel is None else None
        if week:
            # "فقد 3% الأسبوع الماضي بعد خسائر يوم الاثنين": the weekday of the week in force.
            offset = self.lx.relative_offsets.get(week.group(1), 0)
            monday = ref - timedelta(days=ref.isoweekday() - 1) + timedelta(weeks=offset)
            return Resolution("DATE", self._with_pod((monday + timedelta(days=weekday - 1)).isoformat(), where))
        back = (ref.isoweekday() - weekday) % 7
        if m["before_last"]:
            # الثلاثاء قبل الماضي: the one before last
            return Resolution("DATE", self._with_pod((ref - timedelta(days=(back or 7) + 7)).isoformat(), where))
        if rel == 1 or (rel is None and self._future(where)):
            ahead = (weekday - ref.isoweekday()) % 7 or (7 if rel == 1 else 0)
            day = ref + timedelta(days=ahead)
        else:
            if rel == -1 and back == 0:
                back = 7
            day = ref - timedelta(days=back)
        return Resolution("DATE", self._with_pod(day.isoformat(), where))

    def _relative_day(self, m: re.Match[str], where: Where) -> Resolution | None:
        word = squash(m["relday"])
        offset = self.lx.relative_days.get(word)
        if offset is None:
            return None
        named = m["weekday"] or m["weekday_b"]
        prev = _PREV_WORD.search(where.tail)
        prev_word = prev.group(1).strip("\"“”«»()'") if prev else ""
        if word == "امس" and where.before.endswith(("ل", "ك")) and not m["pod"]:
            return None  # لامس (touched), not "yesterday"
        if word == "امس" and not m["pod"] and re.match(r"^[^\S\n]+(?:ال)?حاج", where.after):
            return None  # في أمسّ الحاجة: "in dire need", a superlative
        if word in ("بكره", "بكرا") and re.match(r"^[^\S\n]+ال(?:قدم|يد|سله|طائره|ماء|مضرب|طاوله)(?![^\W\d_])", where.after):
            return None  # بكرة القدم: ب + كرة (football), not "tomorrow"
        if not named and not m["pod"] and (
                (word == "اليوم" and _SLOGAN_TOMORROW.match(where.after)
                 and re.search(r"(?<![^\W\d_])(?!ال|[وف])[^\W\d_]{2,}[^\S\n]*$", where.tail))
                or (word in ("الغد", "غد") and _SLOGAN_TODAY.search(where.tail))):
            return None  # قارئ اليوم قائد الغد, شباب اليوم رجال الغد: "today's X, tomorrow's Y", a slogan
        if word in ("اليوم", "الليله"):
            if not named and _DAY_NOUN_ADJECTIVE.match(where.after):
                return None  # اليوم العالمي, اليوم الأول من الحرب
            if not named and not m["pod"] and m.group() == word and self._after_amount(where):
                return None  # مرتين في اليوم: a rate (the rate family)
            if re.split(r"[\"“”«»()']", prev_word)[-1] in self.lx.newspaper_words or _PAPER_NAME.search(where.tail) and _PAPER_CLOSE.match(where.after):
                return None  # عين اليوم, (اليوم), لـ"اليوم": the newspaper
            if not named and _DATELINE_BEFORE.search(where.before) and not where.after.strip(" \t-–"):
                return None  # a byline: "الدمام - اليوم"
            if word == "اليوم" and not named and not m["pod"] and not self._future(where) \
                    and not re.match(r"^[^\S\n]+الواحد", where.after):
                bare_prev = prev_word[1:] if prev_word[:1] in "وف" and len(prev_word) > 3 else prev_word
                sentence = where.before + " " + where.after
                presented = any(re.search(rf"(?<![^\W\d_]){p}[^\S\n]*$", where.tail) for p in self.lx.nowadays_presentatives)
                if (presented or prev_word in self.lx.nowadays_becoming or bare_prev in self.lx.nowadays_becoming
                        or any(re.search(rf"(?<![^\W\d_]){c}(?![^\W\d_])", sentence) for c in self.lx.nowadays_contrast)
                        or (squash(prev_word) in _since_until()[0] and _CLAUSE_END.match(where.after)
                            and self._since_long_ago(where.before))
                        or (_SENTENCE_HEAD.search(where.before) and _framing_after().match(where.after))):
                    return Resolution("DATE", "PRESENT_REF")  # أصبح اليوم, في الماضي … اليوم: nowadays
        if word in ("غداه", "عشيه") and not named:
            return self._next_day_of_event(where, offset)
        pod = self.lx.parts_of_day.get(squash(m["pod"] or m["rpod"] or "")) or where.pod
        if word.startswith("الليله"):
            pod = "NI"  # الليلة الماضية: last night
        anchor = self.ctx.ref
        quoted = word == "اليوم" and _inside_quote(where.before) and self.ctx.last_day is not None
        if quoted:
            opening = max(where.before.rfind(q) for q in _QUOTES_OPEN + '"')
            if _DAY_WORD_BEFORE.search(where.before[opening + 1:]):
                # “اجتمع المجلس أمس الأربعاء واليوم”: the speaker's own days count from the writing day
                quoted = False
        weekday = self.lx.weekdays.get(squash(named)) if named else None
        if quoted and weekday is not None and anchor is not None and \
                (anchor + timedelta(days=offset)).isoweekday() == weekday:
            # “راجعت الشركة اليوم الأربعاء” in a Wednesday paper: the weekday names the writing day
            quoted = False
        if quoted:
            # "today" in reported speech is the day the words were said.
            anchor = self.ctx.last_day
        if anchor is None:
            return Resolution("DATE", "")
        day = anchor + timedelta(days=offset)
        if weekday is not None and day.isoweekday() != weekday and abs(offset) <= 1:
            # اليوم الجمعة in a paper dated Saturday: the article was written the
            # day before; trust the weekday, and count later relative days from it.
            back = (day.isoweekday() - weekday) % 7
            ahead = (weekday - day.isoweekday()) % 7
            # Reported speech counts from the last day written, which the speech may follow by a day or two.
            day += timedelta(days=ahead) if quoted and ahead <= 2 else -timedelta(days=back)
            if not quoted and back and not re.search(r"(?<![^\W\d_])هذا\s*$", where.tail):
                self.ctx.today = day - timedelta(days=offset)
        value = day.isoformat()
        return Resolution("DATE", f"{value}T{pod}" if pod else value)

    def _next_day_of_event(self, where: Where, offset: int) -> Resolution:
        """غداة X / عشية X: the day after / before X, whose date is the one in force.

        Unresolved when no date is in force; عشية with no date in force is left
        out altogether (the conventions annotate it only for a dated event).
        """
        day = self.ctx.day_in_force(where.sentence, where.paragraph)
        clause = re.split(r"[.،,؛:!؟\n]", where.tail)[-1]
        if day is not None and _DAY_WORD_BEFORE.search(clause):
            # أكدت الحركة أمس وفاته غداة إعلان الحكومة: the day in the same clause dates the main event,
            # which happened غداة X; the day is that one, not the one after it
            offset = 0
        opening = (clause.split() or [""])[0]
        if day is not None and (opening[1:] if opening[:1] in "وف" else opening) in _temporal_words("came_after_verbs"):
            # وجاءت الضربات غداة الإعلان: the strikes, dated before, are the day after X; that day is in force
            offset = 0
        return Resolution("DATE", (day + timedelta(days=offset)).isoformat() if day else "", optional=offset < 0,
                          event_offset=offset)

    def _relative_unit(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["vday"]:
            # في وقت سابق من اليوم: earlier today (or yesterday), a day.
            if not m["vague"]:
                return None
            ref = self.ctx.ref
            offset = self.lx.relative_days.get(squash(m["vday"]), 0)
            return Resolution("DATE", (ref + timedelta(days=offset)).isoformat() if ref else "")
        if m["this_ha"] and where.before.endswith(("ل", "ب", "و", "ف")):
            return None  # a word that happens to start with ه
        if m["unit_g"]:
            # خلال العقد الماضي: the last ten years; فسخ العقد الماضي is a contract
            prev = _PREV_WORD.search(where.tail)
            return Resolution("DURATION", "P10Y") if prev and squash(prev.group(1)) in _DECADE_SPAN_WORDS else None
        unit = self.lx.relative_units.get(_definite(m["unit_a"] or m["unit_b"] or m["unit_c"] or m["unit_d"]
                                                    or m["unit_e"] or m["unit_f"]))
        if unit is None:
            return None
        if m["unit_d"]:
            if squash(m["last"]).startswith("الواحد") and m["unit_d"].startswith("ل") and not m["unit_d"].startswith("ال"):
                return Resolution("SET", f"P1{unit}")  # للعام الواحد: per year, a rate
            return Resolution("DURATION", f"P1{unit}")  # السنة الأخيرة, العام الواحد: one year long
        if m["unit_c"]:
            if not where.has_day_context or _DEFINITE_WORD.match(where.after):
                return None  # الشهر alone is only a date after مطلع, نهاية … (not بداية العام الدراسي)
            offset = 0
        elif m["this"] or m["this_ha"]:
            offset = 0
        elif m["unit_e"] or m["unit_f"]:
            offset = 2 if m["unit_f"] else -2
            prev = _PREV_WORD.search(where.tail)
            if unit == "Y" and prev and prev.group(1) in _GENERAL_NOUNS:
                return None  # الأمين العام قبل الماضي: a person, not a year
        else:
            offset = self.lx.relative_offsets.get(m["rel"])
            if offset is None or m["rel"] in ("هذا", "هذه"):
                return None
            prev = _PREV_WORD.search(where.tail)
            if unit == "Y" and prev and prev.group(1) in _GENERAL_NOUNS:
                return None
        ref = self.ctx.ref if unit == "W" else self.ctx.dct
        if ref is None:
            return Resolution("DATE", "")
        if unit == "W":
            return Resolution("DATE", iso_week(ref + timedelta(weeks=offset)))
        if unit == "M":
            y, mo = add_months(ref.year, ref.month, offset)
            return Resolution("DATE", f"{y:04d}-{mo:02d}")
        if m["year"] and m["unit_b"]:
            # العام الماضي 2014: the written year decides; العام الجاري 1436هـ is a Hijri year
            year = int(m["year"])
            mark = m["yearmark"] or ""
            if mark in self.lx.hijri_year_markers or (not mark and self._is_hijri_year(year)):
                return self._hijri_year(year)
            return Resolution("DATE", m["year"])
        return Resolution("DATE", f"{ref.year + offset:04d}")

    def _after_amount(self, where: Where) -> bool:
        """Whether ``في``/``بـ`` before the match follows an amount (a number or a count word among its three words)."""
        tail = _clause(where.tail)
        cut = re.search(r"(?:(?<![^\W\d_])في[^\S\n]+|(?<![^\W\d_])ب)$", tail)
        if not cut:
            return False
        # the amount is the word before في or the one before that (مرتين في اليوم, 1000 شخص بالساعة)
        words = tail[: cut.start()].split()[-2:]
        counts = _rate_words()["counts"]
        return any(any(c.isdigit() for c in w) or squash(w) in self.lx.cardinals or squash(w) in counts
                   or (w[:1] == "و" and squash(w[1:]) in self.lx.cardinals) for w in words)

    def _rate(self, m: re.Match[str], where: Where) -> Resolution | None:
        """مرتين في اليوم, 1000 شخص بالساعة: once per unit (SET), only after an amount."""
        unit = _rate_words()["units"].get(squash(m["rate_unit"]))
        if unit is None or _DAY_NOUN_ADJECTIVE.match(where.after) or not self._after_amount(where):
            return None
        return Resolution("SET", "PT1H" if unit == "H" else f"P1{unit}")

    def _range_start(self, where: Where) -> date | None:
        """The day a range began when the match ends it (من 15 ذي القعدة وحتى …): the day written before the connector in this sentence."""
        if not _RANGE_CONNECTOR.search(where.tail) or self.ctx.last_day_at is None:
            return None
        return self.ctx.last_day if self.ctx.last_day_at[0] == where.sentence else None

    def _family_name(self, where: Where) -> bool:
        """Whether a word such as الخميس or العيد is a family name: right after a given name and
        before punctuation or a role (أحمد الخميس أمين عام الاتحاد, إبراهيم العيد، ومساعد المدرب)."""
        prev = _PREV_WORD.search(where.tail)
        if where.pod or not prev or where.tail[prev.end():].strip() or squash(prev.group(1)) not in _name_words()["first"]:
            return False  # (صباح السبت: a part of day, though صباح is also a given name)
        nxt = _NEXT_WORD.match(where.after)
        return bool(re.match(r"^[^\S\n]*[.،,؛:)]", where.after) or (nxt and squash(nxt.group(1)) in _name_words()["roles"]))

    def _pod_adverb(self, m: re.Match[str], where: Where) -> Resolution | None:
        """صباحا, ليلا … alone: the part of a day written just before (أمس … صباحا), else nothing."""
        word = squash(m["podadv"])
        pod = self.lx.parts_of_day.get(word) or self.lx.parts_of_day.get(word.rstrip("ا"))
        at = self.ctx.last_day_at
        if pod is None or re.search(r"\d\)?[^\S\n]*$", where.tail):
            return None  # الـ 4 عصرا: an hour's part of day
        # the day in force: this sentence or the one before in the paragraph (clauses after "، و" are sentences here)
        if self.ctx.last_day is None or at is None or not (
                at[0] == where.sentence or (at[0] == where.sentence - 1 and at[1] == where.paragraph)):
            # While candidates are gathered the sentence's own days are not noted yet: keep the
            # match when one is written before it; the final pass (in text order) dates it or drops it.
            return Resolution("DATE", "") if _DAY_WORD_BEFORE.search(where.before) else None
        return Resolution("DATE", f"{self.ctx.last_day.isoformat()}T{pod}")

    def _same_period(self, m: re.Match[str], where: Where) -> Resolution | None:
        """الفترة نفسها من العام الماضي: the period just written (a quarter, half or month) in that year, else the year."""
        if self.ctx.dct is None:
            return Resolution("DATE", "")
        year = self.ctx.dct.year + self.lx.relative_offsets.get(m["sprel"], 0)
        period = self.ctx.last_period
        if period and (period[1] == where.sentence or (period[1] == where.sentence - 1 and period[2] == where.paragraph)):
            return Resolution("DATE", f"{year:04d}-{period[0]}")
        return Resolution("DATE", f"{year:04d}")

    def _week_of_month(self, m: re.Match[str], where: Where) -> Resolution | None:
        """الأسبوع الأول من الشهر المقبل: the ISO week that holds the middle of the n-th seven days."""
        dct = self.ctx.dct
        n = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}.get(m["wk"])
        if m["whmonth"]:
            # a week of a Hijri month: the middle of its n-th seven days (the last: days 23-29), by the
            # occurrence of that month nearest the DCT, like the month alone
            hmonth = self.lx.hijri_months.get(squash(m["whmonth"]))
            if hmonth is None:
                return None
            if dct is None:
                return Resolution("DATE", "")
            rel = self.lx.relative_offsets.get(m["whrel"]) if m["whrel"] else None
            day = self._nearest_hijri(hmonth, 7 * (n - 1) + 4 if n else 26, rel, where)
            return Resolution("DATE", iso_week(day)) if day else Resolution("DATE", "")
        if m["wmonth"]:
            month = _month_number(m["wmonth"], self.lx)
            if month is None:
                return None
            rel = self.lx.relative_offsets.get(m["wmrel"]) if m["wmrel"] else None
            year = int(m["wyear"]) if m["wyear"] else self._month_year(month, rel, where)
        else:
            if dct is None:
                return Resolution("DATE", "")
            year, month = add_months(dct.year, dct.month, self.lx.relative_offsets.get(m["wrel"], 0))
        if year is None:
            return Resolution("DATE", "")
        if n is None:  # الأخير: the last seven days of the month
            y2, m2 = add_months(year, month, 1)
            day = date(y2, m2, 1) - timedelta(days=4)
        else:
            day = date(year, month, 7 * (n - 1) + 4)
        return Resolution("DATE", iso_week(day))

    def _plural_recent(self, m: re.Match[str], where: Where) -> Resolution | None:
        unit = self.lx.plural_recent.get(_definite(m["plural"]))
        if unit is None:
            return None
        if m["pnum2"]:
            number = _number(m["pnum2"], self.lx) or _number(squash(m["pnum2"])[2:].strip(), self.lx)
            if not number or _DEFINITE_FOLLOWS_COUNT.match(where.after):
                return None  # السنوات الخمس الأولى من العقد: an ordinal stretch, not a length
            amount = _format_amount(number)
        else:
            amount = _format_amount(_number(m["pnum"], self.lx) or 0) if m["pnum"] else "X"
        if amount == "0":
            return None
        if unit == "DE":
            # العقود الثلاثة الماضية = P30Y; without a time adjective العقود الثلاثة are contracts
            if not m["adj"]:
                return None
            unit, amount = "Y", amount if amount == "X" else _format_amount(10 * float(amount))
        return Resolution("DURATION", f"PT{amount}H" if unit == "H" else f"P{amount}{unit}")

    def _anaphoric(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["ana_this"]:
            if re.search(r"(?<![^\W\d_])[وفب]?مثل[^\S\n]*$", where.tail):
                return None  # في مثل هذا اليوم: the same day of another year, left to اليوم
            # the proximal demonstrative points at the writing day (ونحن نودع العيد هذا اليوم), not the day in force
            day = self.ctx.ref
            return Resolution("DATE", self._with_pod(day.isoformat(), where)) if day else Resolution("DATE", "")
        unit_word = squash(m["ana_unit"] or m["ana_unit2"])
        ana = squash(m["ana"]) if m["ana"] else ""
        nxt = ana in ("التالي", "التاليه", "اللاحق", "اللاحقه") or ana in _anaphoric_shift()["following"]
        if ana in _anaphoric_shift()["previous"]:
            if unit_word not in ("العام", "السنه"):
                return None  # the week or day "before it" needs its event: left out
            year = self.ctx.last_year
            return Resolution("DATE", f"{year - 1:04d}") if year else Resolution("DATE", "")
        if m["ana_pre"] == "ذلك" and unit_word == "الليله":  # ذلك الليلة is ungrammatical
            return None
        day = self.ctx.last_day or self.ctx.dct
        if nxt and _OF_EVENT.match(where.after):
            # في اليوم التالي لـ X: the day after X, dated by the date in force, else unknown.
            day = self.ctx.day_in_force(where.sentence, where.paragraph)
        if unit_word in ("اليوم", "الليله"):
            if day is None:
                return Resolution("DATE", "")
            value = (day + timedelta(days=1 if nxt else 0)).isoformat()
            if unit_word == "الليله":
                return Resolution("DATE", value + "TNI")
            return Resolution("DATE", self._with_pod(value, where))  # صباح اليوم التالي: that day's morning
        if unit_word == "الاسبوع":
            if self.ctx.last_week:
                # الأسبوع الفائت … وفي ذات الأسبوع: the week just written
                monday = date.fromisocalendar(self.ctx.last_week[0], self.ctx.last_week[1], 1)
                return Resolution("DATE", iso_week(monday + timedelta(weeks=1 if nxt else 0)))
            return Resolution("DATE", iso_week(day + timedelta(weeks=1 if nxt else 0))) if day else Resolution("DATE", "")
        month = self.ctx.last_month or ((self.ctx.dct.year, self.ctx.dct.month) if self.ctx.dct else None)
        if month is None:
            return Resolution("DATE", "")
        if unit_word == "الشهر":
            y, mo = add_months(month[0], month[1], 1 if nxt else 0)
            return Resolution("DATE", f"{y:04d}-{mo:02d}")
        year = self.ctx.last_year or month[0]  # وفي العام التالي after عام 2011
        return Resolution("DATE", f"{year + (1 if nxt else 0):04d}")

    def _day_same_month(self, m: re.Match[str], where: Where) -> Resolution | None:
        day = _day_number(m["day"], self.lx)
        month = self.ctx.last_month
        if self.ctx.hijri_month and day and not (m["dsm_rel"] or m["dsm_this"]):
            return self._hijri_day(*self.ctx.hijri_month, day, where)
        if m["dsm_rel"] or m["dsm_this"]:
            # 22 من الشهر الجاري, 15 من هذا الشهر, 20 هالشهر: a day of the DCT's month (or the one before/after).
            offset = self.lx.relative_offsets.get(squash(m["dsm_rel"])) if m["dsm_rel"] else 0
            if offset is None or self.ctx.dct is None:
                return Resolution("DATE", "") if day and offset is not None else None
            month = add_months(self.ctx.dct.year, self.ctx.dct.month, offset)
        if day is None or month is None:
            return Resolution("DATE", "") if day else None
        d = safe_date(month[0], month[1], day)
        return Resolution("DATE", self._with_pod(d.isoformat(), where)) if d else None

    def _duration(self, m: re.Match[str], where: Where) -> Resolution | None:
        lx = self.lx
        lead = m["lead"]
        trim = 0
        if lead:  # the extent starts after the introducing preposition
            rest = m.group()[m.end("lead") - m.start() :]
            trim = len(m.group()) - len(rest.lstrip())
        qmod = lx.modifiers.get(squash(m["qmod"])) if m["qmod"] else None
        # لا يمكن معرفة حجم الكارثة قبل بضعة أيام, لا تأكل منه قبل 60 يوما: "not before N have passed",
        # a length of time, not a day N ago
        negated = lead == "قبل" and _NEGATION.search(" ".join(re.split(r"[.،,؛:!؟\n]", where.tail)[-1].split()[-10:])) is not None
        if _LIGHT_YEAR.match(where.after):
            return None  # 1400 سنة ضوئية: a distance
        if re.match(r"^[^\S\n]*\(?[^\S\n]*\d{4}(?!\d)", where.after) and squash(m["unit"] or m["single"] or "") in ("عام", "سنه"):
            return None  # الثاني والعشرين عام 1432, 1.43 عام 2014: the word belongs to the year after it
        if lead == "بعد" and not m["num"]:
            # يوما بعد يوم, عاما بعد عام: "progressively", no time of its own
            prev = _PREV_WORD.search(where.tail)
            unit_here = lx.units.get(squash(m["single"] or m["dual"] or m["bare"] or ""))
            prev_word = squash(prev.group(1)) if prev else ""
            prev_unit = lx.units.get(prev_word) or (lx.units.get(prev_word[1:]) if prev_word[:1] in "وف" else None)
            if unit_here and prev_unit and prev_unit[0] == unit_here[0]:
                return None
        if m["num"]:
            amount = _number(m["num"], lx)
            unit_word = squash(m["unit"])
        elif m["dual"] or m["dualdef"]:
            amount, unit_word = 2.0, squash(m["dual"] or m["dualdef"])
            if m["dualdef"] and not (m["recent"] or (where.quantity_mod and not _DEFINITE_WORD.match(where.after))):
                return None  # اليومين alone is not a duration (قرابة الشهرين is, like قرابة العام)
        elif m["fewword"]:
            amount, unit_word = None, squash(m["fewunit"])
            if lead == "قبل" and unit_word in lx.units and not _FOLLOWED_BY_OF.match(where.after) and not negated:
                return Resolution("DATE", "PAST_REF")  # قبل بضعة عقود, قبل عدة أسابيع: some time ago
        elif m["defsingle"]:
            # قرابة العام, أكثر من الشهر: one unit, only after a quantity word.
            if not where.quantity_mod or _DEFINITE_WORD.match(where.after):
                return None
            amount, unit_word = 1.0, squash(m["defsingle"])
        elif m["fracpre"]:
            amount, unit_word = lx.unit_fractions.get(squash(m["fracpre"])), squash(m["funit"])
            if amount is None:
                return None
        elif m["bare"]:
            amount, unit_word = None, squash(m["bare"])
            if "مضت" in (m["padj"], m["padj2"], m["recent"]):
                return Resolution("DATE", "PAST_REF")  # قرون مضت, سنوات مضت: some time ago
            # لدقائق, بسنوات: a glued ل (for) or ب (by) introduces the length like لمدة
            glued = re.search(r"(?<![^\W\d_])[وف]?[لب]$", where.tail) is not None
            if glued and _DEFINITE_WORD.match(where.after):
                return None  # لساعات العمل: a noun phrase
            # قضى شهورا في, أمضى أياما: the accusative ending alone makes the plural an adverb of time
            accusative = unit_word.endswith("ا")
            if not (lead or glued or accusative or m["padj"] or m["recent"]) and not _PLURAL_CLOSER.match(where.after):
                return None  # سنوات الحرب, أول أيام عيد الفطر: a noun phrase, not a length of time
            if lead and _DEFINITE_WORD.match(where.after):
                return None  # منذ سنوات الطفرة
            if not (lead or m["padj"] or m["recent"]) and squash(unit_word) == "اشهر" and _NEXT_WORD.match(where.after):
                nxt = _NEXT_WORD.match(where.after).group(1)
                if nxt not in ("من", "و", "او", "علي", "في"):
                    return None  # أشهر لاعب: "the most famous", not months
        else:
            amount, unit_word = 1.0, squash(m["single"])
            nxt = _NEXT_WORD.match(where.after)
            next_word = nxt.group(1) if nxt else ""
            if m["calendar"] and not m["one"]:
                return None  # عام هجري: a kind of year, not a length
            # يسجن ثماني سنوات منها سنة بموجب المادة: one unit of a length just written (partitive منها)
            partitive = re.search(r"(?<![^\W\d_])[وف]?(?:منها|منهما)[^\S\n]*$", where.tail) is not None
            if not (lead or m["frac"] or where.quantity_mod or qmod or m["one"] or m["whole"] or partitive
                    or _time_filler().match(where.after)  # عقدا من الزمن
                    or (m["single"].endswith("ا") and self._after_lasting_verb(where)
                        and not re.match(r"^[^\S\n]+بعد(?![^\W\d_])", where.after))):  # not يوما بعد يوم
                return None
            if m["one"] or m["whole"]:
                next_word = ""  # the unit's phrase ends with واحد
            if next_word in lx.weekdays or next_word in lx.months or next_word in lx.hijri_months or next_word[:1].isdigit() or (
                next_word in lx.relative_days  # خلال يوم أمس: that day, not a day's length
            ) or (
                next_word.startswith("ال") and not m["frac"]
            ):
                return None
        if unit_word not in lx.units:
            return None
        unit = lx.units[unit_word][0]
        prev = _PREV_WORD.search(where.tail)
        if prev and squash(prev.group(1)) in _decade_words()["names"]:
            return None  # أبو قرنين: a name
        if unit == "DE" and not self._decade_in_time(m, where, lead, prev):
            return None
        if amount is not None and m["frac"]:
            extra = lx.fractions.get(squash(m["frac"]), 0.5)
            if extra < 0:
                qmod = qmod or "MORE_THAN"  # خمس سنوات ونيف
            else:
                amount += extra
        if amount is not None and (amount <= 0 or (amount > 10000 and unit != "Y")):
            return None  # 20 ألف ساعة عمل: an amount of work, not a length of time
        if amount is not None and amount > 10000 and lead == "قبل":
            # قبل نحو 32 ألف سنة: older than any calendar date, a length (قبل stays out, like منذ)
            return Resolution("DURATION", f"P{_format_amount(amount)}Y", mod=qmod, trim_left=trim)
        if m["fromnow"] and amount is not None:
            unit, amount = _in_years(unit, amount)  # قبل قرن من الآن: a century back from the writing day, a year
        anchored = (lead in ("قبل", "بعد") and not negated and not _FOLLOWED_BY_OF.match(where.after)
                    and not (lead == "بعد" and _FOLLOWED_BY_ALA.match(where.after)))
        if anchored and unit in ("D", "W", "M", "Y") and (amount is None or amount == int(amount)):
            if lead == "قبل":
                base = self.ctx.ref if unit in ("D", "W") else self.ctx.dct
            elif m["fromnow"]:
                base = self.ctx.dct  # بعد عامين من الآن: from the writing day, whatever date is in force
            else:
                # بعد ثلاثة أشهر: counted from the date in force; with none, from the DCT only
                # in a future clause (سأعود بعد أسبوعين, رح نوصل بعد 3 أيام).
                base = self.ctx.day_in_force(where.sentence, where.paragraph)
                if base is None and (self._future(where) or self._subject_then_after(where)):
                    base = self.ctx.ref if unit in ("D", "W") else self.ctx.dct
                    if amount is None and base is not None and m["bare"] and not (m["padj"] or m["recent"]):
                        # رح تخلص الإجازة بعد أيام (not بعد أسابيع معدودة: a length, PXW)
                        return Resolution("DATE", "FUTURE_REF")
            if lead == "قبل" and amount is None:
                return Resolution("DATE", "PAST_REF")
            if base is not None and amount is not None:
                sign = -1 if lead == "قبل" else 1
                if (sign > 0 and unit == "Y" and amount >= 10 and self.ctx.dct and base.year + amount > self.ctx.dct.year + 1
                        and not self._future(where)):
                    # تعود الكشافة إلى اليابان بعد 45 عاما: after an absence that long, not a date decades ahead
                    return Resolution("DURATION", f"P{int(amount)}Y", mod=qmod, trim_left=trim)
                return Resolution("DATE", _shift(base, unit, sign * int(amount)), mod=qmod)
            if amount is not None and lead == "بعد" and unit == "Y":
                # سقط النظام في 2001. وبعد 13 عاما: years counted from the year in force
                year = self.ctx.year_in_force(where.sentence, where.paragraph)
                if year is not None and self.ctx.dct and year + amount > self.ctx.dct.year and not self._future(where):
                    return Resolution("DURATION", f"P{int(amount)}Y", mod=qmod, trim_left=trim)  # an absence that long
                if year is not None:
                    return Resolution("DATE", f"{year + int(amount):04d}", mod=qmod)
            if amount is not None and lead == "بعد" and _CLAUSE_HEAD.search(where.tail):
                # وبعد عشر سنوات، كان …: heading a clause of a story with nothing to count from, the phrase
                # gives a length, not a date (الرحلة بعد يومين inside a clause stays a date to be found)
                return Resolution("DURATION", f"P{_format_amount(amount)}{unit}", mod=qmod, trim_left=trim)
            if amount is not None:
                return Resolution("DATE", "", mod=qmod)
        elif lead == "قبل" and amount is not None and unit in ("M", "Y") and not negated and not _FOLLOWED_BY_OF.match(where.after):
            # قبل شهر ونصف الشهر: a fraction of a month or year back, at that granularity.
            base = self.ctx.dct
            if base is not None:
                days = round(amount * (30.44 if unit == "M" else 365.25))
                back = base - timedelta(days=days)
                return Resolution("DATE", f"{back.year:04d}-{back.month:02d}" if unit == "M" else f"{back.year:04d}", mod=qmod)
        if anchored and lead == "قبل" and unit in ("H", "MIN") and self.ctx.ref is not None:
            return Resolution("DATE", self.ctx.ref.isoformat())
        if (anchored and lead == "بعد" and unit in ("H", "MIN") and self.ctx.ref is not None
                and self.ctx.day_in_force(where.sentence, where.paragraph) is None
                and (self._future(where) or self._subject_then_after(where))):
            return Resolution("DATE", self.ctx.ref.isoformat())  # سأتصل بك بعد نصف ساعة: later today
        unit, amount = _in_years(unit, amount)
        quantity = "X" if amount is None else _format_amount(amount)
        if unit in ("H", "MIN", "S"):
            value = f"PT{quantity}{_TIME_CODES[unit]}"
        else:
            value = f"P{quantity}{unit}"
        if m["qmod"]:
            trim = m.start("qmod") - m.start()
        return Resolution("DURATION", value, mod=qmod, trim_left=trim)

    def _subject_then_after(self, where: Where) -> bool:
        """Whether بعد + a length is the predicate of a definite subject heading its clause
        (الرحلة بعد يومين, الموعد بعد عشرة أيام): a verbless clause that looks ahead."""
        words = re.split(r"[.،,؛:!؟\n]", where.tail)[-1].split()
        return len(words) == 1 and words[0].startswith(("ال", "وال"))

    def _after_lasting_verb(self, where: Where) -> bool:
        """Whether a verb of lasting (تستمر, أمضى) is among the last four words of the clause: تستمر الجولة أسبوعا."""
        words = re.split(r"[^\S\n]+", re.split(r"[.،,؛:!؟\n]", where.tail)[-1].strip())[-4:]
        verbs = _lasting_verbs()
        return any(w in verbs or (w[:1] in "وف" and w[1:] in verbs) for w in words)

    def _decade_in_time(self, m: re.Match[str], where: Where, lead: str | None, prev) -> bool:
        """Whether عقد/عقود is a decade here, not a contract (عقود رعاية, بعد عقد صفقة)."""
        if m["recent"] or m["padj"] or m["frac"] or m["one"] or _time_filler().match(where.after):
            return True  # عقود طويلة, عقد ونصف, عقد واحد, عقد من الزمن
        words = _decade_words()
        counted = m["num"] or m["dual"]
        before_cue = (prev is not None and squash(prev.group(1)) in words["before"]) or where.tail.endswith("ل")
        if not (lead or counted or before_cue or where.quantity_mod):
            return False
        nxt = _NEXT_WORD.match(where.after)
        next_word = squash(nxt.group(1)) if nxt else ""
        if not next_word or not re.match(r"^[^\S\n]*[^\W\d_]", where.after):
            return True  # the phrase ends: منذ عقود؟
        if next_word in words["after"]:
            return True
        # منذ عقود والبلاد تعاني: after a time preposition a clause may follow
        if lead in ("منذ", "طوال", "خلال") and (where.quantity_mod or m["qmod"]):
            return True  # منذ أكثر من عقد لسوء معاملة: unambiguous, whatever follows
        return next_word.startswith("و") and lead in ("منذ", "طوال", "قبل", "خلال")

    def _clock(self, m: re.Match[str], where: Where) -> Resolution | None:
        lx = self.lx
        if m["midnight"]:
            # منتصف الليل: the first minute of the next day.
            day = self._clock_day(m, where)
            day = day + timedelta(days=1) if day else None
            return Resolution("TIME", (day.isoformat() if day else "XXXX-XX-XX") + "T00:00")
        if m["hh"]:
            hour, minute = int(m["hh"]), int(m["mm"] or 0)
            if m["mm"] and m.start("mm") == m.end("hh") and len(m["hh"]) == 1:
                return None  # الساعة 349 $: a price (an hour without separator is written 0659)
        elif m["hh2"]:
            hour, minute = int(m["hh2"]), int(m["mm2"] or 0)
            if not 1 <= hour <= 12:
                return None
        else:
            word = squash(m["hword"] or m["hword2"] or m["hcard"])
            hour, minute = lx.hours.get(word, lx.clock_hours.get(word, -1)), 0
        if m["hmin"]:
            parts = [_number(p.strip(), lx) for p in re.split(r"[^\S\n]+و", squash(m["hmin"]))]
            if any(p is None for p in parts) or not 0 <= sum(parts) < 60:
                return None
            minute = int(sum(parts))
        frac = m["hfrac"] or m["hfrac2"]
        if frac:
            minute = lx.clock_fractions.get(squash(frac), -15)
            if minute < 0:  # إلا ربع: a quarter to the hour
                hour, minute = hour - 1, 60 + minute
        hpod = m["hpod"] or m["hpod2"] or m["hpod3"]
        pod = lx.parts_of_day.get(squash(hpod)) if hpod else (lx.parts_of_day.get(squash(m["dpod"])) if m["dpod"] else where.pod)
        if m["hhalf"]:
            pod = _clock_half_marks().get(squash(m["hhalf"]))  # الساعة 6 (م): after noon
        if pod is None and m["ppod"]:
            pod = lx.parts_of_day.get(squash(m["ppod"]))  # بكرا الصبح الساعة 8
        if pod is None and m["prelday"] and squash(m["prelday"]).startswith(("الليله", "هذه الليله")):
            pod = "NI"  # الليلة الساعة 9: tonight
        if pod is None and 1 <= hour < 12:
            # من 5 إلى 9 مساء, الساعة الخامسة وحتى العاشرة مساء: the range's part of day, unless the
            # first hour is later than the second (من 10 إلى 2 ظهرا starts in the morning)
            rng = _RANGE_END.match(where.after)
            if rng:
                second = int(rng.group("h")) if rng.group("h") else lx.hours.get(squash(rng.group("hw")), 0)
                if second > hour:
                    pod = lx.parts_of_day.get(squash(rng.group("pod")))
        if pod is None and m["hh"] and 1 <= hour < 12:
            # عصر اليوم … في تمام الساعة 5:30: a part of day earlier in the same clause sets the half of the day
            clause = re.split(r"[.،,؛:!؟\n]", where.tail)[-1].split()[-6:]
            pods = [lx.parts_of_day.get(w) or lx.parts_of_day.get(w[1:]) for w in clause]
            pod = next((p for p in reversed(pods) if p), None)
        day = self._clock_day(m, where)
        if hour == 12 and pod in ("EV", "NI"):
            # الساعة 12 مساء is midnight: the first minute of the next day.
            hour, day = 0, day + timedelta(days=1) if day else None
        elif hour == 12 and pod == "MO" and (m["hpod"] or m["hpod2"] or m["hpod3"]):
            hour = 0  # الساعة 12.30 صباحا: half past midnight
        elif pod in ("AF", "EV", "NI") and 1 <= hour < 12 and not (pod == "NI" and hour <= 4):
            hour += 12
        elif pod == "MI" and 1 <= hour <= 5:
            hour += 12  # الواحدة ظهرا
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        stamp = f"T{hour:02d}:{minute:02d}"
        return Resolution("TIME", (day.isoformat() if day else "XXXX-XX-XX") + stamp)

    def _clock_day(self, m: re.Match[str], where: Where) -> date | None:
        """The day of a clock time: the one in its phrase, else the one in force, else today."""
        ref = self.ctx.ref
        relday = m["drelday"] or m["prelday"]
        weekday_word = m["dweekday"] or m["pweekday"]
        if relday:
            offset = self.lx.relative_days.get(squash(relday))
            return ref + timedelta(days=offset) if ref and offset is not None else None
        if weekday_word:
            weekday = self.lx.weekdays.get(squash(weekday_word))
            if ref is None or weekday is None:
                return None
            rel_word = m["drel"] or m["prel"]
            rel = self.lx.relative_offsets.get(rel_word) if rel_word else None
            written = _date_after_weekday().match(where.after) if m["dweekday"] else None
            if written:
                # مساء الأحد 26 يوليو: the written date decides when its weekday agrees
                number, month = _day_number(written["day"], self.lx), self.lx.months.get(squash(written["month"]))
                wrel = self.lx.relative_offsets.get(written["rel"]) if written["rel"] else None
                year = self._month_year(month, wrel, where, weekday, number) if number and month else None
                day = safe_date(year, month, number) if year else None
                if day and day.isoweekday() == weekday:
                    return day
            if rel == 1 or (rel is None and self._future(where)):
                return ref + timedelta(days=(weekday - ref.isoweekday()) % 7 or 7)
            back = (ref.isoweekday() - weekday) % 7 or (7 if rel == -1 else 0)
            return ref - timedelta(days=back)
        if self.ctx.last_day and where.has_day_context:
            return self.ctx.last_day
        day = self.ctx.day_in_force(where.sentence, where.paragraph)
        if day and self.ctx.last_day_background and self.ctx.last_day_at and self.ctx.last_day_at[0] != where.sentence:
            # a day in an earlier flashback or comparison does not date a later clock time: the day
            # told before it (same paragraph or three sentences) does, else today
            at = self.ctx.foreground_at
            if self.ctx.foreground_day and at and (at[1] == where.paragraph or where.sentence - at[0] <= 3):
                return self.ctx.foreground_day
            return ref
        return day or ref

    def _since_long_ago(self, before: str) -> bool:
        """Whether the sentence opened a stretch with منذ that began before the last few days
        (منذ السبعينيات, منذ عام 2003; not منذ أمس, منذ الخميس, منذ يومين)."""
        words = [squash(w) for w in before.split()]
        since = [i for i, w in enumerate(words) if w in _since_until()[1]]
        if not since or since[-1] + 1 >= len(words):
            return False
        nxt = words[since[-1] + 1]
        unit = self.lx.units.get(nxt)
        return not (nxt in self.lx.relative_days or nxt in self.lx.weekdays or nxt in self.lx.parts_of_day
                    or (unit is not None and unit[0] in ("D", "H", "MIN", "S")))

    def _present_ref(self, m: re.Match[str], where: Where) -> Resolution | None:
        before, after = self.lx.present_ref_blockers
        if before or after:
            prev = _PREV_WORD.search(where.tail)
            nxt = _NEXT_WORD.match(where.after)
            if (prev and squash(prev.group(1)) in before) or (nxt and squash(nxt.group(1)) in after):
                return None  # منذ ذلك الحين (since then), بين الحين والآخر (now and then)
        return Resolution("DATE", "PRESENT_REF")

    def _past_ref_context(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["ref_past_end"]:
            nxt = _NEXT_WORD.match(where.after)
            if nxt and squash(nxt.group(1)) in _waw_nouns():
                return None  # من قبل وزارة الخدمة: "by" the ministry
        return Resolution("DATE", "PAST_REF")

    def _past_ref(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["cref_past"]:
            return Resolution("DATE", "PAST_REF")
        word = squash(m["ref_past"] or "")
        bare_word = word[1:] if word[:1] in "وف" and word[1:] in _adverbial()["words"] else word
        if bare_word in _adverbial()["words"]:
            return self._adverbial_ref(bare_word, where)
        if word.endswith(("فتره", "مده")) and _DEFINITE_WORD.match(where.after):
            return None  # قبل فترة التدريب: a named period, not "a while ago"
        if word == "اخيرا" and (not where.before.strip() or where.before.rstrip().endswith(("و", "،", ",", ".", ":"))
                                or m.group()[:1] in "وف"):
            return None  # وأخيرا at the head of a clause is "finally"
        if m["ref_past"] and squash(m["ref_past"]) == "وقت لاحق":
            return Resolution("DATE", "FUTURE_REF")
        return Resolution("DATE", "PAST_REF")

    def _adverbial_ref(self, word: str, where: Where) -> Resolution | None:
        """سابقا/لاحقا: an adverb after a verb or participle, 'former' after a noun."""
        if not where.tail.strip() or re.search(r"[.،,؛:!؟]\s*$", where.tail):
            # لاحقا، قال …: an adverb at the head of a clause
            if word == "لاحقا" and self._future(where):
                return Resolution("DATE", "FUTURE_REF")
            return Resolution("DATE", "PAST_REF")
        prev_m = re.search(r"([^\W\d_]+)[^\S\n]*$", where.tail)
        if not prev_m:
            return None
        prev = squash(prev_m.group(1))
        if prev[:1] in "وف" and len(prev) > 3:
            prev = prev[1:] if prev[1:] in _adverbial()["verbs"] or prev[1:2] in "يت" else prev
        lex = _adverbial()
        stem = prev[2:] if prev.startswith("ال") else prev
        if stem in lex["titles"]:
            return None
        # يسهم, تسهم; not تبعه (past + pronoun), تحصينا (a noun), تاسير (a name)
        imperfect = (bool(re.match(r"^(?:ي[^\W\d_]{2,7}|ت[^ا\W\d_][^\W\d_]{1,6})$", prev))
                     and not prev.endswith(("ه", "ا")) and not self._future_exception(prev))
        participle = bool(re.match(r"^م[^\W\d_]{3,4}[اه]?$", stem)) and not stem.endswith("يا")
        if word == "قديما" and prev.startswith("ال") and len(prev) > 3 and _CLAUSE_END.match(where.after):
            # حياة الناس قديما: an indefinite adjective cannot follow a definite noun, so this is the adverb
            return Resolution("DATE", "PAST_REF")
        if not (prev in lex["verbs"] or imperfect or participle):
            return None
        if word == "لاحقا" and (imperfect or self._future(where)):
            return Resolution("DATE", "FUTURE_REF")
        return Resolution("DATE", "PAST_REF")

    def _future_ref(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["cref_future"]:
            return Resolution("DATE", "FUTURE_REF")
        if m["someday"] or m["someday_bare"]:
            clause = re.split(r"[.،,؛:!؟\n]", where.tail)[-1]
            modal = any(squash(w) in _someday_modals() or (w[:1] in "وف" and squash(w[1:]) in _someday_modals())
                        for w in clause.split()) or _MAY_IMPERFECT.search(clause) is not None
            if m["someday_bare"]:
                # يمكن أن يحيي يوما الأمل: "one day" after a modal; not a length (قد يستمر يوما)
                if not modal or self._after_lasting_verb(where):
                    return None
                return Resolution("DATE", "FUTURE_REF")
            return Resolution("DATE", "FUTURE_REF" if modal or self._future(where) else "PAST_REF")
        word = squash(m["ref_future"] or "")
        if word == "قريبا" and re.match(r"^[^\S\n]+(?:من|الي|علي|ل)(?![^\S\n]*(?:الي[^\S\n]+)?جانب)", where.after):
            return None  # قريبا من: near, not soon
        if word.endswith(("فتره", "مده")) and _DEFINITE_WORD.match(where.after):
            return None
        if word == "بعدين" and not _CLAUSE_END.match(where.after):
            return None  # بعدين (later) closes its clause; بعدين عن (far from) is an adjective
        if word == "بعد فتره":
            nxt = _NEXT_WORD.match(where.after)
            next_word = squash(nxt.group(1)) if nxt and re.match(r"^[^\S\n]+[^\W\d_]", where.after) else ""
            ahead = self._future(where) or bool(_FUTURE_VERB.match(next_word[1:] if next_word[:1] in "وف" else next_word))
            # بعد فترة صمت, وبعد فترة من الزمان وجد نفسه: a stretch of a past story, not the future
            if next_word and not ahead and not (next_word.endswith("ه") and not next_word.startswith("ال")):
                return None
        if word == "وقت قريب" and re.search(r"(?<![^\W\d_])و?(?:منذ|قبل|حتي|الي)[^\S\n]+(?:[^\W\d_]+[^\S\n]+)?$", where.tail):
            return Resolution("DATE", "PAST_REF")  # منذ وقت قريب, حتى وقت قريب: (until) recently
        return Resolution("DATE", "FUTURE_REF")

    def _set(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["set"] and _GREETING_AFTER.match(where.after):
            return None  # كل عام وأنتم بخير, وكل يوم وأنت منتصر: a greeting
        if m["setweekday"]:
            if _weekday_list_rel().match(where.after):
                return None  # أيام الأحد والاثنين المقبلة: those coming days, not every Sunday
            word = squash(m["setweekday"])
            weekday = self.lx.weekdays.get(word) or self.lx.weekdays.get("ال" + word)
            return Resolution("SET", f"XXXX-WXX-{weekday}") if weekday else None
        if m["setday"]:
            if _GREETING_AFTER.match(where.after):
                return None
            weekday = self.lx.weekdays.get("ال" + squash(m["setday"]))
            return Resolution("SET", f"XXXX-WXX-{weekday}") if weekday else None
        if m["setseason"]:
            season = self.lx.seasons.get(squash(m["setseason"]))
            return Resolution("SET", f"XXXX-{season}") if season else None
        if m["setfrac"]:
            unit = self.lx.units.get(squash(m["setfunit"]))
            amount = self.lx.unit_fractions.get(squash(m["setfrac"]))
            if unit is None or amount is None or unit[0] in ("DE", "CE"):
                return None
            code = unit[0]
            return Resolution("SET", f"PT{amount:g}{'H' if code == 'H' else 'M'}" if code in ("H", "MIN")
                              else f"P{amount:g}{code}")
        if m["setpod"]:
            pod = self.lx.parts_of_day.get(squash(m["setpod"])) or self.lx.set_pods.get(squash(m["setpod"]))
            return Resolution("SET", f"T{pod}") if pod else None
        if m["setnum"] or m["setdual"]:
            amount = _number(m["setnum"], self.lx) if m["setnum"] else 2
            unit = self.lx.units.get(squash(m["setunit"] or m["setdual"]))
            if not amount or unit is None or unit[0] in ("DE", "CE"):
                return None
            code = unit[0]
            return Resolution("SET", f"PT{int(amount)}{_TIME_CODES[code]}" if code in ("H", "MIN", "S")
                              else f"P{int(amount)}{code}")
        if m["setmanner"]:
            value = _set_manner().get(squash(m["setmanner"]))
            return Resolution("SET", value) if value else None
        if m["setadj"]:
            # رواتب شهرية, تدريباته اليومية: a recurrence; بمعدل سنوي, أكبر خسارة يومية: a rate
            before = where.tail.split()[-2:]
            if any(w in self.lx.set_adjective_blockers or w[1:] in self.lx.set_adjective_blockers
                   for w in (squash(x) for x in before)):
                return None
            if any(squash(w) in self.lx.newspaper_words for w in where.tail.split()[-3:]):
                return None  # صحيفة الشروق اليومية: the kind of paper in its name, not a time
            value = self.lx.set_adjectives.get(squash(m["setadj"]))
            return Resolution("SET", value) if value else None
        value = self.lx.sets.get(squash(m["set"]))
        return Resolution("SET", value) if value else None

    def _weekend(self, m: re.Match[str], where: Where) -> Resolution | None:
        """عطلة نهاية الأسبوع, الويكند الماضي: the weekend of an ISO week (``2015-W30-WE``).

        With an offset, that week's; a bare one is the coming weekend in a future
        clause (or with هذا), else the last one begun on or before the reference day.
        """
        ref = self.ctx.ref
        if ref is None:
            return Resolution("DATE", "")
        rel = self.lx.relative_offsets.get(squash(m["werel"])) if m["werel"] else None
        if rel is None and not m["wethis"] and not self._future(where) and ref.isoweekday() < 5:
            rel = -1  # قضينا الويكند عند أهلي (on a Monday): the weekend just past; from Friday on, this one
        return Resolution("DATE", iso_week(ref + timedelta(weeks=rel or 0)) + "-WE")

    def _bare_day(self, m: re.Match[str], where: Where) -> Resolution | None:
        """يوم 28: a day of the month: the next one in a future clause, else the last on or before the DCT."""
        day = int(m["bday"])
        ref = self.ctx.ref
        if not 1 <= day <= 31:
            return None
        if ref is None:
            return Resolution("DATE", "")
        future = self._future(where)
        year, month = ref.year, ref.month
        if future and day < ref.day:
            year, month = add_months(year, month, 1)
        elif not future and day > ref.day:
            year, month = add_months(year, month, -1)
        d = safe_date(year, month, day)
        return Resolution("DATE", d.isoformat()) if d else None

    def _gregorian_holiday(self, m: re.Match[str], where: Where) -> Resolution | None:
        """عيد الأم, ليلة رأس السنة: the occurrence nearest the DCT, or the next one in a future clause."""
        feast = (12, 25) if m["xmas"] else self.lx.gregorian_holidays.get(squash(m["gholiday"]))
        ref = self.ctx.dct
        if feast is None:
            return None
        if ref is None:
            return Resolution("DATE", "")
        month, day = feast[0], feast[1]
        candidates = [d for d in (safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if d]
        offset = self.lx.relative_offsets.get(squash(m["grel2"])) if m["grel2"] else None
        if offset is not None and offset != 0:
            # عيد الميلاد المقبل / الماضي: the next one after the DCT, or the last one before it
            ahead = [d for d in candidates if (d > ref if offset > 0 else d < ref)]
            best = min(ahead, key=lambda d: abs((d - ref).days)) if ahead else None
            return Resolution("DATE", best.isoformat() + (f"T{feast[2]}" if len(feast) > 2 else "")) if best else None
        if self._future(where):
            candidates = [d for d in candidates if d >= ref] or candidates
        best = min(candidates, key=lambda d: abs((d - ref).days))
        return Resolution("DATE", best.isoformat() + (f"T{feast[2]}" if len(feast) > 2 else ""))

    def _this_pod(self, m: re.Match[str], where: Where) -> Resolution | None:
        """هذا المساء, هالمسا: a part of today."""
        if where.before.endswith(("ل", "ب", "و", "ف")) and not m.group().startswith("هذ"):
            return None
        pod = self.lx.parts_of_day.get(squash(m["tpod"]))
        ref = self.ctx.ref
        if pod is None:
            return None
        return Resolution("DATE", f"{ref.isoformat()}T{pod}" if ref else "")

    def _age(self, m: re.Match[str], where: Where) -> Resolution | None:
        word = m["agenum"] or m["agenum2"]
        years = _day_number(word, self.lx) or self.lx.day_ordinals.get(squash(word)) or _number(word, self.lx)
        if years is None and squash(word).startswith("ال"):
            years = _number(squash(word)[2:], self.lx)
        if not years or not 1 <= years <= 130:
            return None
        return Resolution("DURATION", f"P{int(years)}Y")

    def _holiday(self, m: re.Match[str], where: Where) -> Resolution | None:
        """عيد الفطر, عيد الأضحى, أيام العيد: the feast's first day, the occurrence nearest the DCT."""
        key = squash(m["holiday"])
        month_day = self.lx.holidays.get(key)
        if month_day is None:
            return None
        if key == "العيد" and _DEFINITE_WORD.match(where.after) and not re.match(r"^[^\S\n]+(?:المبارك|السعيد)", where.after):
            return None  # العيد الوطني, العيد الستين: not the feast
        if key == "العيد" and not m["rel"] and self._family_name(where):
            return None  # مدير المنتخب إبراهيم العيد، ومساعده: a family name
        sentence = where.before + " " + where.after
        if not (m["rel"] or m["hord"]) and _habitual().search(_GREETING.sub(" ", sentence)) and not _THIS_YEAR.search(sentence):
            return None  # احتفالات العيد كل عام: the feast in general, not one day
        prev = _PREV_WORD.search(where.tail)
        goods = squash(prev.group(1)) if prev else ""
        if key == "العيد" and not m["rel"] and (goods in _feast_goods() or goods[1:] in _feast_goods()):
            return None  # ملابس العيد, حلوى العيد: the feast as a kind
        if self.ctx.dct is None:
            return Resolution("DATE", "")
        rel = self.lx.relative_offsets.get(m["rel"]) if m["rel"] else None
        feasts = [month_day] if month_day != (0, 0) else [(10, 1), (12, 10)]
        best = None
        for hm, hd in feasts:
            day = self._nearest_hijri(hm, hd, rel, where)
            if day and (best is None or abs((day - self.ctx.dct).days) < abs((best - self.ctx.dct).days)):
                best = day
        if best and m["hord"]:
            best += timedelta(days=_feast_day_ordinals()[squash(m["hord"])] - 1)
        return Resolution("DATE", best.isoformat()) if best else Resolution("DATE", "")

    def _nearest_hijri(self, month: int, day: int, rel: int | None, where: Where) -> date | None:
        """The Gregorian day of Hijri month/day nearest the DCT: the last one, or the
        next when the text says so (المقبل, future tense) or it is under 90 days away and nearer."""
        dct = self.ctx.dct
        try:
            year = Gregorian(dct.year, dct.month, dct.day).to_hijri().year
            days = []
            for y in (year - 1, year, year + 1):
                g = Hijri(y, month, min(day, Hijri(y, month, 1).month_length())).to_gregorian()
                days.append(date(g.year, g.month, g.day))
        except (ValueError, OverflowError):
            return None
        past = max((d for d in days if d <= dct), default=None)
        upcoming = min((d for d in days if d > dct), default=None)
        if rel == -1 or upcoming is None:
            return past
        if rel == 1 or past is None:
            return upcoming
        if self._future(where):
            return past if past == dct else upcoming  # تعقد … خلال 10 - 12 شوال: today is not behind a future clause
        if (upcoming - dct).days <= 90 and (upcoming - dct) < (dct - past):
            return upcoming
        return past

    def _season(self, m: re.Match[str], where: Where) -> Resolution | None:
        season = self.lx.seasons.get(squash(m["season"] or m["season_bare"]))
        if season is None:
            return None
        if m["year"]:
            return Resolution("DATE", f"{int(m['year']):04d}-{season}")
        dct = self.ctx.dct
        if dct is None:
            return Resolution("DATE", "")
        if m["rel2"] or m["sthis"]:
            offset = self.lx.relative_offsets.get(m["rel2"], 0) if m["rel2"] else 0
            return Resolution("DATE", f"{dct.year + offset:04d}-{season}")
        if m["pthis"] and not m["rel"]:
            return Resolution("DATE", _season_this(dct, season))
        if not m["rel"] and self.ctx.year_in_sentence(where.sentence):
            # لعام 1957 عندما … خلال فصل الصيف: a bare season takes the year written before it in its sentence
            year = self.ctx.year_in_force(where.sentence, where.paragraph)
            if year is not None:
                return Resolution("DATE", f"{year:04d}-{season}")
        offset = self.lx.relative_offsets.get(m["rel"], 0) if m["rel"] else 0
        return Resolution("DATE", _season_near(dct, season, offset))

    def _quarter(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["mn"]:
            first = m["mpos"] == "الاولي"
            part = ("Q1" if first else "Q4") if m["mn"] == "الثلاثه" else ("H1" if first else "H2")
            if m["myear"]:
                return Resolution("DATE", f"{int(m['myear']):04d}-{part}")
            if self.ctx.dct is None:
                return Resolution("DATE", "")
            offset = self.lx.relative_offsets.get(m["mrel"], 0) if m["mrel"] else 0
            return Resolution("DATE", f"{self.ctx.dct.year + offset:04d}-{part}")
        if m["half"]:
            half = 1 if m["half"] == "الاول" else 2
            if m["hyear"]:
                return Resolution("DATE", f"{int(m['hyear']):04d}-H{half}")
            if self.ctx.dct is None:
                return Resolution("DATE", "")
            offset = self.lx.relative_offsets.get(m["hrel"], 0) if m["hrel"] else 0
            return Resolution("DATE", f"{self.ctx.dct.year + offset:04d}-H{half}")
        quarter = self.lx.quarters.get(squash(m["quarter"]))
        if quarter is None:
            return None
        if not m["year"] and not m["rel"] and _consecutive().match(where.after):
            return None  # للربع الثالث على التوالي: a count of quarters
        if m["year"]:
            return Resolution("DATE", f"{int(m['year']):04d}-Q{quarter}")
        if not m["rel"]:
            year = self.ctx.year_in_force(where.sentence, where.paragraph)
            if year is not None:
                return Resolution("DATE", f"{year:04d}-Q{quarter}")
        if self.ctx.dct is None:
            return Resolution("DATE", "")
        offset = self.lx.relative_offsets.get(m["rel"], 0) if m["rel"] else 0
        return Resolution("DATE", f"{self.ctx.dct.year + offset:04d}-Q{quarter}")

    def _century_digits(self, word: str | None) -> str | None:
        if not word:
            return "19"
        word = squash(word)
        if word in ("الماضي", "الحالي", "الجديد", "المنصرم"):
            if self.ctx.dct is None:
                return None
            current = self.ctx.dct.year // 100
            return f"{current - 1 if word in ('الماضي', 'المنصرم') else current:02d}"
        key = self.lx.centuries.get(word)
        if key is None and word in self.lx.day_ordinals:
            key = f"{self.lx.day_ordinals[word] - 1:02d}"  # القرن السابع عشر = the 1600s
        return key

    def _decade(self, m: re.Match[str], where: Where) -> Resolution | None:
        word = squash(m["decade"])
        digit = self.lx.decades.get(word) or self.lx.decades.get("ال" + word)
        if m["decage"]:
            return Resolution("DURATION", f"P{digit}0Y") if digit else None  # في العشرينات من عمره
        if m["decera"] and squash(m["decera"]).startswith("الهجري"):
            return None  # الستينات الهجرية: a Hijri decade, no Gregorian value
        century = self._century_digits(m["century"])
        if digit is None or century is None:
            return Resolution("DATE", "") if digit else None
        return Resolution("DATE", f"{century}{digit}")

    def _century(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["cnum"]:
            number = int(m["cnum"])
            return Resolution("DATE", f"{number - 1:02d}") if 1 <= number <= 21 else None
        century = self._century_digits(m["century"])
        return Resolution("DATE", century) if century else Resolution("DATE", "")

    def _hijri_numeric_month(self, m: re.Match[str], where: Where) -> Resolution | None:
        """``1435/7هـ``: the Gregorian month holding the Hijri month's middle, like ``رجب 1435``;
        ``شهر 5/2015``: that Gregorian month."""
        if m["gnm"]:
            month = int(m["gnm"])
            return Resolution("DATE", f"{m['gny']}-{month:02d}") if 1 <= month <= 12 else None
        year, month = (int(m["hny"]), int(m["hnm"])) if m["hny"] else (int(m["hny2"]), int(m["hnm2"]))
        if not 1 <= month <= 12:
            return None
        try:
            first = Hijri(year, month, 1)
            g = first.to_gregorian()
        except (ValueError, OverflowError):
            return None
        begin = date(g.year, g.month, g.day)
        end = begin + timedelta(days=first.month_length() - 1)
        middle = begin + (end - begin) / 2
        return Resolution("DATE", f"{middle.year:04d}-{middle.month:02d}", explicit=(begin, end))

    def _hijri(self, m: re.Match[str], where: Where) -> Resolution | None:
        lx = self.lx
        month = lx.hijri_months.get(squash(m["hmonth"]))
        day = _day_number(m["day"], lx) if m["day"] else None
        if month is None:
            return None
        if day and not m["hyear"] and "/" in m.group()[: m.start("hmonth") - m.start()]:
            return None  # 4/ صفر is a score; 10/شوال/ 1436هـ is a date
        if squash(m["hmonth"]) in lx.ambiguous_months and not (day or m["hyear"] or m["shahr"] or m["rel"] or m["hdays"]
                                                               or m["hthis"] or m["hepithet"] or where.has_day_context):
            prev = _PREV_WORD.search(where.tail)
            licensed = prev and (prev.group(1) in _MONTH_PREPOSITIONS or prev.group(1) in lx.hijri_month_nouns
                                 or prev.group(1)[1:] in lx.hijri_month_nouns
                                 # الليلة الأولى من رمضان, الأيام الأخيرة من رمضان
                                 or re.search(r"(?<![^\W\d_])(?:الاولي|الاخيره|الاول|الاخير)[^\S\n]+من[^\S\n]*$", where.tail))
            if not licensed or _NEXT_NAME.match(where.after):
                return None  # رمضان the name; but في رمضان is the month
        if m["hyear"]:
            year = int(m["hyear"])
        elif self.ctx.dct is not None:
            rel = self.lx.relative_offsets.get(m["rel"]) if m["rel"] else None
            if rel == 0 or m["hthis"] or m["hyrel"]:
                try:
                    year = Gregorian(self.ctx.dct.year, self.ctx.dct.month, self.ctx.dct.day).to_hijri().year
                except (ValueError, OverflowError):
                    return Resolution("DATE", "")
                if m["hyrel"]:
                    year += self.lx.relative_offsets.get(m["hyrel"], 0)
            else:
                first = self._nearest_hijri(month, day or 1, rel, where)
                if first is None:
                    return Resolution("DATE", "")
                g = Gregorian(first.year, first.month, first.day).to_hijri()
                year = g.year
                start = self._range_start(where)
                if rel is None and start is not None and first < start:
                    year += 1  # من 15 ذي القعدة وحتى 15 محرم: a range ends after it begins
        else:
            return Resolution("DATE", "")
        self.last_hijri = (year, month)
        try:
            if day:
                g = Hijri(year, month, day).to_gregorian()
                d = date(g.year, g.month, g.day)
                weekday = lx.weekdays.get(squash(m["weekday"])) if m["weekday"] else None
                if weekday and d.isoweekday() != weekday:
                    # A month begun by local sighting can be a day off the Umm al-Qura
                    # calendar: the written weekday decides between the neighbours.
                    d = next((d + timedelta(days=k) for k in (-1, 1) if (d + timedelta(days=k)).isoweekday() == weekday), d)
                return Resolution("DATE", self._with_pod(d.isoformat(), where))
            first = Hijri(year, month, 1)
            g = first.to_gregorian()
        except (ValueError, OverflowError):
            return None
        begin = date(g.year, g.month, g.day)
        end = begin + timedelta(days=first.month_length() - 1)
        middle = begin + (end - begin) / 2
        # A Hijri month straddles two Gregorian months: the value names the one
        # holding its middle, the interval is exact.
        return Resolution("DATE", f"{middle.year:04d}-{middle.month:02d}", explicit=(begin, end))


def _shift(base: date, unit: str, amount: int) -> str:
    """The value ``amount`` units from ``base``, at the unit's granularity."""
    if unit == "D":
        return (base + timedelta(days=amount)).isoformat()
    if unit == "W":
        return iso_week(base + timedelta(weeks=amount))
    if unit == "M":
        y, mo = add_months(base.year, base.month, amount)
        return f"{y:04d}-{mo:02d}"
    return f"{base.year + amount:04d}"


def _season_this(dct: date, season: str) -> str:
    """هذا الصيف / هذا الشتاء: the season the DCT is in, else the coming one (this winter, said in August)."""
    from .calendar import interval

    for year in range(dct.year - 1, dct.year + 2):
        span = interval(f"{year:04d}-{season}")
        if span and span[0] <= dct <= span[1]:
            return f"{year:04d}-{season}"
    return _season_near(dct, season, 1)


def _season_near(dct: date, season: str, offset: int) -> str:
    """The season nearest the DCT: the current one (0), the last one (-1) or the next (1)."""
    from .calendar import interval

    candidates = []
    for year in range(dct.year - 2, dct.year + 2):
        span = interval(f"{year:04d}-{season}")
        if span:
            candidates.append((span[0], span[1], year))
    if offset < 0:
        year = max(y for b, e, y in candidates if e < dct)
    elif offset > 0:
        year = min(y for b, e, y in candidates if b > dct)
    else:
        year = max(y for b, e, y in candidates if b <= dct)
    return f"{year:04d}-{season}"


__all__ = ["Context", "Resolution", "Resolver", "Where", "inside_quote"]
