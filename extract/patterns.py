"""The grammar of Arabic temporal expressions, compiled from the lexicons.

Every family is one regular expression over *folded* text (see
``normalize.fold``). A family finds the extent of an expression; the
resolver (``resolve.py``) reads the named groups and computes its value.
Words come from ``data/lexicon/*.json``; only the shape of expressions lives
here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import alternation, folded_index, folded_words, load_json, squash, trie_alternation
from .normalize import fold
from .scan import cores, opening, reach, reads_digits

S = r"[^\S\n]+"  # one or more spaces, never a line break
S0 = r"[^\S\n]*"
# Start of a word, allowing the one-letter proclitics و ف ب ل ك before it. Written as
# (?<![^\W\d_])|(?<=\b[وفبلك])|(?<=\b[وف][بلك]), with the proclitic tested once before the
# word boundaries: inside a word (most positions) the engine then gives up after two tests.
WORD_START = r"(?:(?<![^\W\d_])|(?<=[وفبلك])(?:(?<=\b.)|(?<=\b[وف][بلك])))"
WORD_END = r"(?![^\W_])"


@dataclass(frozen=True)
class Lexicon:
    """Folded lookup tables: word -> number/key."""

    months: dict[str, int]
    hijri_months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    cardinals: dict[str, int]
    scales: dict[str, int]  # ألف, مليون, مليار after a number multiply it
    day_ordinals: dict[str, int]
    hours: dict[str, int]
    units: dict[str, tuple[str, str]]  # word -> (unit code, number class)
    modifiers: dict[str, str]
    parts_of_day: dict[str, str]
    relative_days: dict[str, int]
    relative_offsets: dict[str, int]
    relative_units: dict[str, str]
    plural_recent: dict[str, str]
    seasons: dict[str, str]
    quarters: dict[str, int]
    decades: dict[str, int]
    centuries: dict[str, str]
    counted_nouns: frozenset[str]
    future_cues: frozenset[str]
    hijri_year_markers: frozenset[str]
    present_ref: frozenset[str]
    past_ref: frozenset[str]
    future_ref: frozenset[str]
    sets: dict[str, str]  # كل يوم, سنويا -> P1D, P1Y
    named_dates: dict[str, str]  # 11 سبتمبر -> 2001-09-11
    named_date_nouns: frozenset[str]
    plural_units: dict[str, str]  # أيام -> D
    holidays: dict[str, tuple[int, int]]  # عيد الفطر -> (10, 1); (0, 0) = the nearest feast
    future_verb_exceptions: frozenset[str]
    pronoun_suffixes: tuple[str, ...]  # longest first: هما before ها and ه
    past_plural_endings: tuple[str, ...]  # سيطروا, سيطرتا: past verbs that start like سـ + imperfect
    past_prepositions: frozenset[str]  # منذ: what follows it lies in the past
    year_after_nouns: frozenset[str]
    bloc_nouns: frozenset[str]
    place_nouns: frozenset[str]  # شارع 26 سبتمبر: a date that names a place
    newspaper_words: frozenset[str]
    fractions: dict[str, float]
    unit_fractions: dict[str, float]  # نصف ساعة -> 0.5
    set_adjectives: dict[str, str]  # شهرية -> P1M
    nowadays_becoming: frozenset[str]  # أصبح اليوم: nowadays
    nowadays_contrast: tuple[str, ...]  # في الماضي … اليوم
    hijri_month_nouns: frozenset[str]  # ليالي رمضان: a noun that takes a Hijri month
    set_adjective_blockers: frozenset[str]  # بمعدل سنوي: a rate
    # Conversational forms (temporal.json "conversational"): الساعة خمسة, ونص, الويكند, عيد الأم …
    clock_hours: dict[str, int] = field(default_factory=dict)  # cardinal hours, only after الساعة
    clock_fractions: dict[str, int] = field(default_factory=dict)  # ونص -> 30, إلا ربع -> -15
    clock_pods: frozenset[str] = frozenset()  # الصبح, بالليل: a part of day after a bare hour
    whole_unit: frozenset[str] = frozenset()  # أسبوع كامل: one whole unit, a length of time
    weekend: frozenset[str] = frozenset()  # عطلة نهاية الأسبوع, الويكند
    gregorian_holidays: dict[str, tuple] = field(default_factory=dict)  # عيد الأم -> (3, 21)
    set_pods: dict[str, str] = field(default_factory=dict)  # كل صبح -> MO
    present_ref_blockers: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    nowadays_presentatives: tuple[str, ...] = ()  # ها هي اليوم: here it is today


def _merged(base: dict, extra: dict | None) -> dict:
    """``base`` with the lists of ``extra`` (the conversational words) added under the same keys."""
    result = {k: list(v) if isinstance(v, list) else v for k, v in base.items()}
    for key, words in (extra or {}).items():
        if isinstance(words, list):
            result[key] = list(result.get(key, [])) + words
    return result


def _int_index(mapping: dict[str, list[str]]) -> dict[str, int]:
    return {word: int(key) for word, key in folded_index(mapping).items()}


def _day_ordinals(numbers: dict) -> dict[str, int]:
    """Compose the ordinal words for days 1-31 (الأول … الحادي والثلاثين)."""
    units = numbers["ordinal_units"]
    tens = numbers["ordinal_tens"]
    result: dict[str, int] = {}
    for n, words in units.items():
        n = int(n)
        for word in words:
            if not (n == 1 and word in ("الحادي", "الحادية")):
                result[word] = n
            if n < 10:
                for suffix in numbers["teen_suffix"]:
                    result[f"{word} {suffix}"] = 10 + n
            for ten, ten_words in tens.items():
                for ten_word in ten_words:
                    if n < 10 and int(ten) + n <= 31:
                        result[f"{word} و{ten_word}"] = int(ten) + n
    for ten, ten_words in tens.items():
        for ten_word in ten_words:
            if ten_word.startswith("ال"):
                result[ten_word] = int(ten)
    return {squash(fold(k)): v for k, v in result.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load every lexicon file once and fold it into lookup tables."""
    months = load_json("lexicon/months.json")
    weekdays = load_json("lexicon/weekdays.json")
    numbers = load_json("lexicon/numbers.json")
    temporal = load_json("lexicon/temporal.json")
    conv = temporal.get("conversational", {})
    units: dict[str, tuple[str, str]] = {}
    for source in (temporal["units"], conv.get("units", {})):
        for code, forms in source.items():
            for number_class, words in forms.items():
                for word in words:
                    units.setdefault(squash(fold(word)), (code, number_class))

    def words(key: str) -> list[str]:
        return temporal[key] + conv.get(key, [])

    def keyed(key: str) -> dict:
        return _merged(temporal[key], conv.get(key))
    return Lexicon(
        months=_int_index(months["gregorian"]),
        hijri_months=_int_index(months["hijri"]),
        ambiguous_months=folded_words(months["ambiguous"]),
        weekdays=_int_index(weekdays["weekdays"]),
        cardinals=_int_index(numbers["cardinals"]),
        scales=_int_index({k: v for k, v in numbers["scales"].items() if k[0] != "_"}),
        day_ordinals=_day_ordinals(numbers),
        hours=_int_index(numbers["hours"]),
        units=units,
        modifiers=folded_index(keyed("modifiers")),
        parts_of_day=folded_index(keyed("parts_of_day")),
        relative_days=_int_index(keyed("relative_days")),
        relative_offsets=_int_index(keyed("relative_offsets")),
        relative_units=folded_index(temporal["relative_units"]),
        plural_recent=folded_index(temporal["plural_recent"]),
        seasons=folded_index(temporal["seasons"]),
        quarters=_int_index(temporal["quarters"]),
        decades=_int_index(temporal["decades"]),
        centuries=folded_index(temporal["centuries"]),
        counted_nouns=frozenset(fold(w) for w in temporal["counted_nouns"]),
        future_cues=frozenset(fold(w) for w in words("future_cues")),
        hijri_year_markers=frozenset(fold(w) for w in temporal["hijri_year_markers"]),
        present_ref=folded_words(words("present_ref")),
        past_ref=folded_words(words("past_ref")),
        future_ref=folded_words(words("future_ref")),
        sets=folded_index(temporal["set"]),
        named_dates={squash(fold(k)): v for k, v in temporal["named_dates"].items() if not k.startswith("_")},
        named_date_nouns=folded_words(temporal["named_date_nouns"]),
        plural_units=folded_index(temporal["plural_units"]),
        holidays={squash(fold(k)): (v[0], v[1]) for k, v in temporal["holidays"].items() if not k.startswith("_")},
        future_verb_exceptions=folded_words(temporal["future_verb_exceptions"]),
        pronoun_suffixes=tuple(sorted((fold(w) for w in temporal["pronoun_suffixes"]), key=len, reverse=True)),
        past_plural_endings=tuple(fold(w) for w in temporal["past_plural_endings"]),
        past_prepositions=frozenset(fold(w) for w in temporal["past_prepositions"]),
        year_after_nouns=folded_words(temporal["year_after_nouns"]),
        bloc_nouns=folded_words(temporal["bloc_nouns"]),
        place_nouns=folded_words(temporal["place_nouns"]),
        newspaper_words=folded_words(temporal["newspaper_words"]),
        unit_fractions={squash(fold(w)): float(k) for k, ws in keyed("unit_fractions").items()
                        if not k.startswith("_") for w in ws},
        nowadays_becoming=folded_words(temporal["nowadays_cues"]["becoming"]),
        nowadays_contrast=tuple(squash(fold(w)) for w in temporal["nowadays_cues"]["past_contrast"]),
        nowadays_presentatives=tuple(squash(fold(w)) for w in temporal["nowadays_cues"].get("presentatives", [])),
        hijri_month_nouns=folded_words(temporal["hijri_month_nouns"]["words"]),
        set_adjectives={w: k for w, k in folded_index(temporal["set_adjectives"]).items()},
        set_adjective_blockers=folded_words(temporal["set_adjective_blockers"]["words"]),
        # ونيف ("and some") adds nothing to the amount: it makes the duration MORE_THAN.
        fractions={squash(fold(w)): (float(k) if k != "more" else -1.0)
                   for k, ws in keyed("duration_fractions").items() for w in ws},
        clock_hours=_int_index(conv.get("clock_hours", {})),
        clock_fractions=_int_index(conv.get("clock_fractions", {})),
        clock_pods=folded_words(conv.get("clock_pods", [])),
        whole_unit=folded_words(conv.get("whole_unit", [])),
        weekend=folded_words(conv.get("weekend", [])),
        gregorian_holidays={squash(fold(k)): tuple(v) for k, v in conv.get("gregorian_holidays", {}).items()
                            if not k.startswith("_")},
        set_pods=folded_index(conv.get("set_pods", {})),
        present_ref_blockers=(folded_words(conv.get("present_ref_blockers", {}).get("before", [])),
                              folded_words(conv.get("present_ref_blockers", {}).get("after", []))),
    )


# The offsets of MSA news; the other words of relative_offsets are dialect (الجاي, اللي فات).
_MSA_OFFSETS = frozenset(
    "الماضي الماضيه المنصرم المنصرمه الفائت الفائته السابق السابقه الماضيين الماضيتين المنصرمين "
    "الجاري الجاريه الحالي الحاليه هذا هذه المقبل المقبله القادم القادمه المقبلين القادمين المقبلتين القادمتين".split()
)
# Parts of day of MSA news that do not end a bare hour (من 8 الصباح is not in the grammar): not clock triggers.
_MSA_POD_WORDS = frozenset({"الصباح", "الظهر", "الليل", "الفجر", "المساء"})
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_STOP_TOKENS = frozenset({"من", "في", "ما", "عن", "على", "الي", "ال", "و"})
# Frequent words that never need to be a phrase's trigger when the phrase has a rarer word.
_COMMON_TOKENS = frozenset(
    "يوم ايام اجازه عطله ليله راس السنه النبوي الشريف المبارك السعيد الماضيه الماضي المقبله القادمه "
    "الحاليه الاخيره الوقت وقت هذه هذا الفتره المرحله قبل بعد كل الايام حتي فيما اول الاول الاولي "
    "الثاني الثانيه الاخر الاخره".split()
)


def _trigger_index(lx: Lexicon, temporal: dict) -> dict[str, frozenset[str]]:
    """Map each distinctive token to the families whose matches contain it.

    Every match of a family contains at least one of its trigger tokens, so
    skipping a family on a sentence without them changes no result.
    """
    index: dict[str, set[str]] = {}

    def add(words, *families: str) -> None:
        for word in words:
            tokens = [t for t in _TOKEN.findall(fold(word)) if t not in _STOP_TOKENS]
            # One distinctive token per phrase is enough to keep the index exact;
            # common words (يوم, الماضيه) would wake the family on most sentences.
            distinctive = [t for t in tokens if t not in _COMMON_TOKENS] or sorted(tokens, key=len)[-1:]
            for token in distinctive:
                index.setdefault(token, set()).update(families)

    add(lx.months, "day_month", "month", "day_list")
    add(lx.hijri_months, "hijri", "day_list")
    add(lx.weekdays, "weekday", "day_month", "relative_day")
    add(lx.relative_days, "relative_day")  # also ساعة مبكرة من فجر اليوم
    add(lx.relative_units, "relative_unit")
    add(["الشهر"], "day_same_month")
    # Every anaphoric match holds one of these words (اليوم التالي, ذات اليوم, الشهر نفسه).
    add(temporal["anaphoric_next"] + temporal["anaphoric_same"] + ["ذات", "نفس", "ذلك", "تلك"], "anaphoric")
    add(temporal["anaphoric_previous"] + temporal["anaphoric_following"], "anaphoric")  # العام الذي سبقه
    index.setdefault("اليوم", set()).add("anaphoric")  # هذا اليوم (هذا alone is too common a trigger)
    add(lx.units, "duration")
    add(lx.plural_recent, "plural_recent")
    add(lx.present_ref, "present_ref")
    add(temporal["present_ref_after_until"]["words"], "present_ref")  # حتى اللحظة
    add(lx.past_ref, "past_ref")
    add(lx.future_ref, "future_ref")
    add(lx.seasons, "season")
    add(["الربع", "النصف", "الاشهر", "الشهور"], "quarter")
    add(list(lx.decades) + [w[2:] for w in lx.decades if w.startswith("ال")], "decade")
    add(["القرن"], "century", "decade")
    add(["الساعه", "منتصف"], "clock")
    add(lx.hours, "clock")
    add(["صباحا", "مساء", "مساءا", "ظهرا", "عصرا", "فجرا", "ليلا"], "clock")  # حتى 10 مساء
    add(temporal["pod_adverbs"]["anywhere"] + temporal["pod_adverbs"]["at_phrase_end"], "pod_adverb")
    add(["شهر", "شهري"], "month", "hijri", "duration")
    add(lx.sets, "set")
    add(lx.set_adjectives, "set")
    add(lx.units, "set")  # كل يومين, كل ثلاثة أسابيع
    add(lx.weekdays, "set")  # أيام الخميس
    add(["كل"], "set")  # كل جمعة, كل صيف, كل صباح
    add([w for ws in temporal["set_manner"]["adjectives"].values() for w in ws], "set")  # بشكل يومي
    add(lx.plural_units, "duration")
    add(["ال" + w for w in lx.units], "duration")  # اليومين الماضيين, الـ24 ساعة
    add(lx.units, "duration_list")
    add(["قرابه", "نحو", "حوالي", "حوالى", "اكثر", "اقل", "زهاء"], "duration")  # قرابة العام
    add(lx.holidays, "holiday")
    add(temporal["same_period"]["nouns"], "same_period")
    add([w for ws in temporal["rate_counts"]["units"].values() for w in ws], "rate")
    add(["عمره", "عمرها", "عمرهم", "العمر", "سن"], "age")
    index.setdefault("قبل", set()).add("past_ref_context")  # من قبل
    index.setdefault("الماضي", set()).add("past_ref_context")  # في الماضي
    index.setdefault("السابق", set()).add("past_ref_context")
    index.setdefault("المستقبل", set()).add("future_ref")
    add(temporal["construct_refs"]["FUTURE_REF"], "future_ref")  # مقبل الأيام
    add(temporal["construct_refs"]["PAST_REF"], "past_ref")  # سالف الأيام
    add(temporal["someday"]["phrases"] + ["يوما"], "future_ref")  # يوما ما, ذات يوم
    add(lx.relative_units, "relative_unit")
    add(["الاخير", "الاخيره", "سابق", "لاحق", "الواحد"], "relative_unit")
    add(["العقد", "لعقد"], "relative_unit")  # العقد المنصرم
    add(["الاسبوع"], "weekday", "week_of_month")
    add(["عام", "العام", "سنه", "السنه", "لعام", "لسنه"], "year")
    # Families that need a number and no word: every other family with a
    # number also needs a month, unit, hour or year word, which triggers it.
    # Every weekend phrase holds one of these words; every Gregorian feast one of the next list.
    add(["عطله", "العطله", "الويكند", "ويكند", "الويك", "ويك"], "weekend")
    add(["عيد", "راس", "الكريسماس", "الكريسمس"], "gregorian_holiday")
    add(["المساء", "المسا", "الصباح", "الصبح", "هالمسا", "هالصبح", "هالصباح", "هالمساء"], "this_pod")
    add(["هالاسبوع", "هالشهر", "هالسنه", "هالعام"], "relative_unit")
    add(["هالشهر"], "day_same_month")
    add(lx.clock_pods - _MSA_POD_WORDS, "clock")  # من 8 الصبح لـ4 العصر
    index["0"] = {"numeric", "bare_day"}
    index["0000"] = {"numeric", "bare_year", "hijri_numeric_month"}
    return {token: frozenset(families) for token, families in index.items()}


# Each prefix tree written into a pattern, with the plain alternation it stands for: the words a
# family's pattern spells (``Grammar._pattern_words``) are read from the plain form.
_PLAIN: dict[str, str] = {}


def _alt(words) -> str:
    words = list(words)
    tree = trie_alternation(words)
    _PLAIN[tree] = alternation(words)
    return tree


def _plain(pattern: str) -> str:
    """``pattern`` with each prefix tree that ``_alt`` wrote put back as its plain alternation."""
    for tree in sorted(_PLAIN, key=len, reverse=True):
        if tree in pattern:
            pattern = pattern.replace(tree, _PLAIN[tree])
    return pattern


def _alt_lam(words) -> str:
    """An alternation that also matches ``العام`` written ``لعام`` after the preposition ل (للعام)."""
    words = list(words)
    glued = [w[1:] for w in words if w.startswith("ال")]
    return f"(?:{_alt(words)}|(?<=ل){_alt(glued)})" if glued else _alt(words)


@dataclass(frozen=True)
class Grammar:
    """Compiled regular expressions, one per family of expressions."""

    families: tuple[tuple[str, re.Pattern[str]], ...]
    left_day_context: re.Pattern[str]
    left_modifier: re.Pattern[str]
    left_quantity: re.Pattern[str]
    month_word: re.Pattern[str]
    hijri_month_word: re.Pattern[str]
    # token -> families that cannot match a sentence without that token
    triggers: dict[str, frozenset[str]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_memo", _TokenFamilies(self.token_families))
        object.__setattr__(self, "_window_memo", _TokenFamilies(self._window_token_families))
        words: dict[str, set[str]] = {}
        for family, pattern in self.families:
            for word in re.findall(r"[^\W\d_]{2,}", _plain(pattern.pattern)):
                words.setdefault(word, set()).add(family)
        object.__setattr__(self, "_pattern_words", {w: frozenset(f) for w, f in words.items()})
        object.__setattr__(self, "_digit_families", frozenset(f for f, p in self.families if reads_digits(p)))
        # How far around a trigger chunk each family's matches can lie (None: anywhere in the sentence).
        object.__setattr__(self, "widths", {f: reach(p) for f, p in self.families})
        object.__setattr__(self, "_cores", {f: cores(p) for f, p in self.families})
        object.__setattr__(self, "_core_counts", {f: [0, 0] for f, _ in self.families})
        # Compiled with the grammar, not on the first sentence that wants a family: a one-off cost.
        object.__setattr__(self, "_openings", {f: opening(p) for f, p in self.families})
        object.__setattr__(self, "_runs", {})

    def to_run(self, wanted: frozenset[str]) -> tuple[tuple[str, re.Pattern[str], int | None], ...]:
        """The (family, pattern, width) of the ``wanted`` families, in the grammar's order.

        Each pattern is ``scan.opening`` of the family's: the same matches, found faster.

        Kept per set of families: a sentence holds few trigger words, so few sets recur, and a
        sentence then walks only its own families instead of testing every one.
        """
        run = self._runs.get(wanted)
        if run is None:
            run = tuple((f, self._openings[f], self.widths[f]) for f, p in self.families if f in wanted)
            if len(self._runs) < 50_000:  # bounded, whatever the input
                self._runs[wanted] = run
        return run

    def may_match(self, family: str, text: str, start: int, end: int) -> bool:
        """False when ``family`` cannot match ``text[start:end]``: none of its ``scan.cores`` is found there.

        Checking costs a fraction of a scan; a family whose cores rule out too few sentences
        (after the first few hundred) is no longer checked, only scanned.
        """
        checks = self._cores[family]
        if checks is None:
            return True
        counts = self._core_counts[family]
        if counts[0] >= 200 and counts[1] < 0.3 * counts[0]:
            return True
        counts[0] += 1
        for core in checks:
            if core.search(text, start, end) is not None:
                return True
        counts[1] += 1
        return False

    def families_for(self, sentence: str) -> frozenset[str]:
        """The families worth running on a (folded) sentence."""
        # Tokens never cross white space, so each space-separated chunk is looked up
        # (with its tokens) once per process, and a sentence costs one split and a union.
        return self.families_for_chunks(sentence.split())

    def families_for_chunks(self, chunks: list[str]) -> frozenset[str]:
        """``families_for`` of a sentence already split at white space."""
        return frozenset().union(*map(self._memo.__getitem__, set(chunks)))

    def chunk_families(self, chunk: str) -> frozenset[str]:
        """The families a white-space separated chunk of text (``وللعام،``) triggers."""
        return self._memo[chunk]

    def window_families(self, chunk: str) -> frozenset[str]:
        """The families whose matches may hold this chunk: where ``scan.find_matches`` searches.

        A superset of ``chunk_families``: every reading of each token (with and without its
        proclitics) and every word written in a family's own pattern (``من اليوم`` in
        relative_unit) count, and numbers count for every family whose pattern reads digits.
        """
        return self._window_memo[chunk]

    def window_lookup(self):
        """``window_families`` as a plain mapping lookup (``dict.__getitem__``), for ``map`` over many chunks."""
        return self._window_memo.__getitem__

    def _window_token_families(self, token: str) -> frozenset[str]:
        if token[0].isdigit():
            return self._digit_families | self.token_families(token)
        readings = {token}
        if token.startswith("لل"):
            readings.add("ا" + token[1:])
        if token[0] in "وفبلك":
            readings.add(token[1:])
            if len(token) > 2 and token[1] in "وفبلك":
                readings.add(token[2:])
        found: set[str] = set()
        for reading in readings:
            found |= self.triggers.get(reading, _NO_FAMILIES)
            found |= self._pattern_words.get(reading, _NO_FAMILIES)
        return frozenset(found)

    def token_families(self, token: str) -> frozenset[str]:
        """The families a token of a sentence triggers (empty when none)."""
        triggers = self.triggers
        hit = triggers.get(("0000" if len(token) == 4 else "0") if token[0].isdigit() else token)
        if hit is None and token.startswith("لل"):
            hit = triggers.get("ا" + token[1:])  # للعام = ل + العام
        if hit is None and token[0] in "وفبلك":
            hit = triggers.get(token[1:])
            if hit is None and len(token) > 2 and token[1] in "وفبلك":
                hit = triggers.get(token[2:])
        return hit or _NO_FAMILIES


_NO_FAMILIES: frozenset[str] = frozenset()


class _TokenFamilies(dict):
    """Families by white-space chunk of text (``وللعام،``): the union of its tokens' families."""

    def __init__(self, of_token) -> None:
        super().__init__()
        self._of_token = of_token

    def __missing__(self, chunk: str) -> frozenset[str]:
        families = frozenset().union(*map(self._of_token, _TOKEN.findall(chunk)))
        if len(self) < 300_000:  # keep the memo bounded on a long ingest
            self[chunk] = families
        return families


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Compile the grammar once per process."""
    lx = lexicon()
    temporal = load_json("lexicon/temporal.json")

    month = _alt(lx.months)
    hijri_month = _alt(lx.hijri_months)
    weekday = _alt(lx.weekdays)
    pod = _alt(lx.parts_of_day)
    # أربع وعشرين ساعة, ثمانية وأربعين ساعة, خمسا وعشرين سنة: a unit and a ten (composed, not listed)
    unit_cardinals = _alt(w for w, n in lx.cardinals.items() if 1 <= n <= 9)
    ten_cardinals = _alt(w for w, n in lx.cardinals.items() if n in range(20, 100, 10))
    cardinal = rf"(?:(?:ال)?{unit_cardinals}ا?{S}و{S0}(?:ال)?{ten_cardinals}(?![^\W_])|{_alt(lx.cardinals)})"
    ordinal = _alt_lam(lx.day_ordinals)  # also للسادس من أغسطس (ل + السادس)
    hour_word = _alt(lx.hours)
    offsets = _alt(lx.relative_offsets)
    units_any = _alt(lx.units)
    singular_units = _alt(w for w, (_, cls) in lx.units.items() if cls == "singular")
    dual_units = _alt(w for w, (_, cls) in lx.units.items() if cls == "dual")
    year_word = r"(?:عام|العام|سنه|السنه|(?<=ل)لعام|(?<=ل)لسنه)"

    # يونيو/ حزيران, تشرين الثاني/ نوفمبر, أيار (مايو), حزيران - يونيو
    pair = rf"(?:(?:{S0}[/\\(\-–]{S0}|{S})(?:شهر{S})?{month}(?:{S0}\))?)"
    month_phrase = rf"(?P<month>{month}{pair}?)"
    day = rf"(?P<day>\(?(?:ال{S0})?(?<!\d)\d{{1,2}}(?![\d:.]\d)\)?|{ordinal}|غره)"  # الـ 7 (folded: ال 7)
    rel = rf"(?:{S}(?P<rel>{_alt(w for w in lx.relative_offsets if w not in ('هذا', 'هذه'))}))"
    hijri_mark = r"(?P<hmark>هـ|ه|للهجره|هجري|هجريه|الهجري|الهجريه)"  # the era tail, also definite (1436 الهجري)

    # السبت المقبل 9 شوال: the weekday's own offset before a written date (the date decides)
    week_rel = r"(?:الماضي|المقبل|القادم|المنصرم|الفائت)"
    # Dialect offsets (الجاي, اللي فات): every conversational word of relative_offsets
    conv_rel = _alt(w for w in lx.relative_offsets if w not in _MSA_OFFSETS)
    conv_pods = _alt(lx.clock_pods)
    half_marks = _alt(w for k, ws in temporal["clock_half_marks"].items() if k[0] != "_" for w in ws)
    # after a bare hour in a range (من 8 الصبح لـ4 العصر): the dialect words and العصر, each a trigger of clock
    range_pods = _alt(lx.clock_pods - _MSA_POD_WORDS)
    clock_fraction = _alt(lx.clock_fractions)
    clock_hour = _alt(lx.clock_hours)
    month_dual = r"(?:شهر|شهري)"
    hijri_marks = _alt(temporal["hijri_year_markers"])
    year_marks = _alt(temporal["gregorian_year_markers"] + temporal["hijri_year_markers"])
    year_ref = (
        rf"(?:{S0}[,،]?{S0}(?:(?:(?:من|في){S})?{year_word}{S})?\(?(?P<year>\d{{4}})\)?(?!\d)"
        rf"(?:{S0}(?P<yearmark>{year_marks})(?![^\W\d_]))?"
        # يناير من العام الماضي, أيلول (سبتمبر) العام الماضي
        rf"|{S}(?:(?:من|في){S})?(?:العام|السنه){S}(?P<yrel>{offsets}))"
    )
    plural_units = _alt(lx.plural_units)
    # الربع الثاني من العام الحالي 2015م: the year restated after a relative one belongs to the span
    restated_year = rf"(?:{S0}\(?(?:19|20)\d\d\)?(?!\d)(?:{S0}م(?![^\W\d_]))?)?"
    # شهر مايو الماضي 2015 (not بنهاية مايو الماضي 1959 فرعا: a count, whose noun is in the accusative)
    rel_restated_year = rf"(?:{S0}\(?20\d\d\)?(?!\d)(?:{S0}م(?![^\W\d_]))?(?!{S}[^\W\d_]+ا(?![^\W_])))?"
    recent = _alt(temporal["recent_adjectives"])
    plural_adj = _alt(temporal["plural_adjectives"])
    fractions = _alt(lx.fractions)
    qmod = _alt(w for w, key in lx.modifiers.items() if key in ("APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE"))
    relday = _alt(lx.relative_days)
    sep = r"[-–/.\\]"
    gregorian_numeric = (
        rf"(?:(?P<y1>\d{{4}}){S0}{sep}{S0}(?P<m1>\d{{1,2}}){S0}{sep}{S0}(?P<d1>\d{{1,2}})"
        rf"|(?P<d2>\d{{1,2}}){S0}{sep}{S0}(?P<m2>\d{{1,2}}){S0}{sep}{S0}(?P<y2>\d{{4}}))"
    )

    set_manner = temporal["set_manner"]
    construct = temporal["construct_refs"]
    until_after = "|".join(f"(?<={re.escape(squash(fold(w)))} )" for w in temporal["present_ref_after_until"]["prepositions"])
    manner_after = "|".join(f"(?<={re.escape(squash(fold(w)))} )" for w in set_manner["nouns"])

    families = {
        # السبت 18 تشرين الثاني/ نوفمبر, الـ16 من حزيران 2021, السابع من أكتوبر الماضي, (14) مايو
        "day_month": rf"{WORD_START}(?:(?:(?<!اول )(?<!اول من )(?<!بعد )(?:اليوم|امس|الامس|غد|غدا|الغد){S0}[,،]?{S0})?(?P<weekday>{weekday})(?:{S}{week_rel})?{S0}[,،]?{S0})?{day}{S0}(?:من{S})?(?:شهر{S})?"
        rf"{month_phrase}(?:{year_ref})?(?:{rel}{rel_restated_year})?{WORD_END}",
        # شهر يوليو/ تموز الماضي, حزيران 2014, ديسمبر, شهر يوليو في العام 2034, يناير من العام الماضي
        # شهر مايو الماضي 2015: a year restated after the relative word belongs to the span
        "month": rf"{WORD_START}(?:(?P<shahr>{month_dual}){S})?{month_phrase}(?:{year_ref}|{rel}{rel_restated_year})?{WORD_END}",
        # 2024/02/09, 21-04-2016, 7 - 9 - 2012 م, 4 /1 / 1426هـ
        # الخميس 20/10/1436هـ: a weekday written before the date is in its span (the date decides)
        "numeric": rf"(?:{WORD_START}(?<!اليوم )(?<!امس )(?<!غد )(?<!غدا )(?P<nweekday>{weekday}){S0}[,،]?{S0})?(?<![\d/.\-\\]){gregorian_numeric}(?![\d/.\-\\]*\d)"
        rf"(?:{S0}(?P<yearmark>{year_marks})(?![^\W\d_]))?",
        # 1435/7هـ, 7/1435 هـ: a Hijri month written with its year and the era mark
        "hijri_numeric_month": rf"(?<![\d/.\-])(?:(?P<hny>1[34]\d\d){S0}/{S0}(?P<hnm>\d{{1,2}})|(?P<hnm2>\d{{1,2}}){S0}/{S0}(?P<hny2>1[34]\d\d))"
        rf"(?![\d/])(?:{S0}{hijri_marks}(?![^\W\d_]))"
        # شهر 5/2015: a Gregorian month by its number, named as a month
        rf"|{WORD_START}شهر{S}(?P<gnm>\d{{1,2}}){S0}/{S0}(?P<gny>(?:19|20)\d\d)(?![\d/])",
        # عام 2013, العام 2014, سنة 1258م, عام 1445 هـ
        "year": rf"{WORD_START}(?P<yearword>{year_word}){S}(?P<year>\d{{4}})(?!\d)"
        rf"(?:{S0}(?P<yearmark>{year_marks})(?![^\W\d_]))?",
        # في 2003, كأس العالم 2010, (2001-2007), 2018م, 1437هـ (the preposition is context, not extent)
        "bare_year": rf"(?:(?<![^\W\d_])|(?<=\b[وب]))(?:(?P<lead>في|منذ|حتي|خلال|بحلول|وفي|ومنذ|وحتي){S})?"
        rf"(?<![\d.,])(?:(?<=\d{{4}}/)|(?<=\d{{4}} /)|(?<!/))(?P<year>(?:20|1[3-9])\d\d)"
        rf"(?!\d)(?![.:,]\d)(?!{S0}/{S0}\d{{1,2}}(?!\d))(?!{S0}[-/]{S0}\d{{1,2}}{S0}[-/])"
        rf"(?:{S0}[-/]{S0}(?P<year2>1[34]\d\d)(?={S0}(?:هـ|ه)(?![^\W\d_])))?"
        rf"(?:{S0}(?P<yearmark>{year_marks})(?![^\W\d_]))?",
        # الثلاثاء, الجمعة الماضي, الثلاثاء من الأسبوع المقبل
        # ليل الجمعة السبت, ليلة الخميس إلى الجمعة: a night named by the two days it joins is the first day's night
        "weekday": rf"{WORD_START}(?:(?:(?<=ليل )|(?<=ليله ))(?P<night>))?(?:(?P<wthis>هذا){S})?(?P<weekday>{_alt_lam(lx.weekdays)})"
        rf"(?(night)(?:(?:{S0}[-–/]{S0}|{S}(?:الي{S}|و)?)(?P<wnext>{weekday})(?![^\W_]))?)(?:{S}(?P<before_last>قبل{S}الماضي|قبل{S}الماضيه)|{S}(?P<rel>الماضي|المنصرم|الفائت|المقبل|القادم"
        # الجمعة الماضية, والاثنين المقبلين (the end of a list of days)
        rf"|الماضيه|المنصرمه|الفائته|المقبله|القادمه|الماضيين|المقبلين|القادمين|{conv_rel})"
        # الخميس من الأسبوع الجاي, الجمعة الأسبوع الجاي
        rf"|{S}(?:من{S})?الاسبوع{S}(?P<weekrel>{offsets}))?"
        # يوم السبت الصبح: a part of day after the weekday
        rf"(?:{S}(?P<wpod>{conv_pods}))?{WORD_END}",
        # أمس الثلاثاء, صباح اليوم, أول أمس, اليوم (الثلاثاء), صباح غد الاثنين
        "relative_day": rf"{WORD_START}(?:(?:ساعه{S}(?:مبكره|متاخره|متقدمه){S}من{S})?(?P<pod>{pod}){S})?(?P<relday>{relday})"
        rf"(?:{S0}[,،]?{S0}(?P<wopen>\(){S0}(?P<weekday_b>{weekday}){S0}\)|{S0}[,،]?{S0}(?P<weekday>{weekday}))?"
        rf"(?:{S}(?P<rpod>{conv_pods})(?!{S0}\d|{S}(?:الساعه|{hour_word})))?{WORD_END}",
        # بين 19 و28 عاما: the first number takes the unit of the second
        # من ثلاثة إلى 6 أشهر, خمسة أو ستة أيام: a number word too (the second then a word or digits)
        "duration_list": rf"(?:(?<![\d.,])(?P<num>\d+)(?![\d.,])|{WORD_START}(?P<numword>{cardinal})(?![^\W_]))"
        rf"(?={S0}(?:و|او|الي|حتي|-|–){S0}(?:\d+|{cardinal}){S}(?P<unit>{units_any})(?![^\W_]))",
        # يومي 10 و12 أغسطس, من 5 إلى 10 مايو: the first day takes the month of the second
        "day_list": rf"{WORD_START}(?:يومي{S})?(?P<day>(?:ال)?\d{{1,2}}(?!\d)|{ordinal})"
        rf"(?=(?:{S0}(?:و|[,،]){S0}(?:ال)?\d{{1,2}}(?!\d))*"  # 6 و7 و8 أغسطس: a longer list
        rf"{S0}(?:و|الي|حتي|-|–|(?<![^\W\d_])ل){S0}(?:(?:ال)?\d{{1,2}}|{ordinal}){S0}(?:من{S})?(?:شهر{S})?(?:(?P<month>{month})"
        rf"(?:{S0}[,،]?{S0}(?:{year_word}{S})?(?P<year>\d{{4}})|{rel})?"
        # يومي 20 و21 شوال, من 1 إلى 15 ذي القعدة 1436هـ: the same for a Hijri month
        rf"|(?P<dlhmonth>{hijri_month})(?:{S0}[,،]?{S0}(?:{year_word}{S})?(?P<dlhyear>1[34]\d\d)(?!\d))?))",
        # الشهر الماضي, العام الجاري, هذا الأسبوع, العام الماضي 2014, وقت سابق من الشهر الجاري, مطلع الشهر
        "relative_unit": rf"{WORD_START}(?:(?P<vague>وقت{S}(?:سابق|لاحق)){S}(?:من{S})?)?"
        rf"(?:(?:(?P<this>هذا|هذه){S}|(?P<this_ha>ه)(?=ال))(?P<unit_a>{_alt(lx.relative_units)})"
        rf"|(?<=من )(?P<vday>اليوم|امس)"
        rf"|(?P<unit_b>{_alt_lam(lx.relative_units)}){S}(?P<rel>{offsets})(?:{S0}\(?(?P<year>\d{{4}})\)?(?!\d)"
        rf"(?:{S0}(?P<yearmark>{year_marks})(?![^\W\d_]))?)?"
        rf"|(?P<unit_d>{_alt_lam(lx.relative_units)}){S}(?P<last>الاخير|الاخيره|الواحد|الواحده)"
        # العام قبل الماضي, الأسبوع قبل الماضي: the one before the last
        rf"|(?P<unit_e>{_alt_lam(lx.relative_units)}){S}قبل{S}(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته)"
        # العام بعد المقبل, الأسبوع بعد القادم: the one after the next
        rf"|(?P<unit_f>{_alt_lam(lx.relative_units)}){S}(?:ما{S})?بعد{S}(?:المقبل|المقبله|القادم|القادمه)"
        # خلال العقد المنصرم: the last ten years, a length like السنة الأخيرة (not العقد الأخير: also a contract)
        rf"|(?P<unit_g>العقد|(?<=ل)لعقد){S}(?:الماضي|المنصرم|الفائت)"
        rf"|(?<=[^\W\d_] )(?P<unit_c>الشهر|الاسبوع|العام|السنه)(?!{S}(?:{offsets}|نفسه|نفسها|ذاته|ذاتها|التالي|التاليه|الاخير|الاخيره|{S0}\d))){WORD_END}",
        # الأشهر الماضية -> PXM, الأسابيع القليلة الماضية, الأشهر الـ18 الأخيرة
        # الأسابيع الأخيرة الماضية, السنوات الطويلة الماضية: time adjectives stack (any two of the list)
        "plural_recent": rf"{WORD_START}(?P<plural>{_alt_lam(lx.plural_recent)}){S}"
        rf"(?:(?:(?:ال)?{S0}(?P<pnum>\d+|{cardinal}){S})?(?P<adj>{_alt(temporal['plural_recent_adjectives'])})"
        rf"(?:{S}(?P<adj2>{_alt(temporal['plural_recent_adjectives'])}))?"
        # السنوات الست, الأيام الثلاثة: a counted stretch without an adjective
        rf"|(?:ال)?(?P<pnum2>{cardinal}|ال{S0}\d+)){WORD_END}",
        # الفترة نفسها من العام الماضي, بنفس المدة من العام الماضي, الفترة المماثلة من العام السابق
        "same_period": rf"{WORD_START}(?:(?:نفس|ذات){S}(?:{_alt(temporal['same_period']['nouns'])})"
        rf"|(?:{_alt(temporal['same_period']['nouns'])}){S}(?:{_alt(temporal['same_period']['adjectives'])}))"
        rf"{S}من{S}(?:العام|السنه){S}(?P<sprel>{offsets}){WORD_END}",
        # مرتين في اليوم, 107 آلاف طائف في الساعة, 1000 شخص بالساعة: a rate (the amount is checked by the resolver)
        "rate": rf"{WORD_START}(?P<rate_unit>{_alt(w for ws in temporal['rate_counts']['units'].values() for w in ws)})"
        rf"(?:{S}(?:الواحد|الواحده))?{WORD_END}",
        # وأجرى الفريق التدريبات صباحا (after أمس in the sentence): a part of the day in force
        "pod_adverb": rf"{WORD_START}(?P<podadv>{_alt(temporal['pod_adverbs']['anywhere'])}"
        rf"|{_alt(temporal['pod_adverbs']['at_phrase_end'])}(?={S0}(?:[.،,؛:!؟)]|$|{S}و)))(?![^\W_])",
        # اليوم التالي, الشهر نفسه, ذلك اليوم, ذات اليوم
        "anaphoric": rf"{WORD_START}(?:(?P<ana_unit>اليوم|الشهر|العام|السنه|الاسبوع){S}"
        rf"(?P<ana>{_alt(temporal['anaphoric_next'] + temporal['anaphoric_same'] + temporal['anaphoric_previous'] + temporal['anaphoric_following'])})"
        rf"|(?P<ana_pre>ذات|نفس|ذلك|تلك){S}(?P<ana_unit2>اليوم|الشهر|العام|السنه|الاسبوع|الليله)"
        # لهذا اليوم, صباح هذا اليوم: the writing day
        rf"|(?P<ana_this>هذا){S}(?P<ana_unit3>اليوم)){WORD_END}",
        # الأسبوع الأول من الشهر المقبل, الأسبوع الأخير من أغسطس 2015: an ordinal week of a month
        "week_of_month": rf"{WORD_START}الاسبوع{S}(?P<wk>الاول|الثاني|الثالث|الرابع|الاخير){S}من{S}"
        rf"(?:(?:شهر{S})?(?P<wmonth>{month})(?:{S0}[,،]?{S0}(?:{year_word}{S})?(?P<wyear>\d{{4}})(?!\d))?"
        rf"(?:{S}(?P<wmrel>{offsets}))?|الشهر{S}(?P<wrel>{offsets})"
        # الأسبوع الأول من رمضان, الأسبوع الأخير من شهر شعبان المقبل: a week of a Hijri month
        rf"|(?:شهر{S})?(?P<whmonth>{hijri_month})(?:{S}(?P<whrel>{offsets}))?){WORD_END}",
        # 15 من الشهر نفسه, 22 من الشهر الجاري
        "day_same_month": rf"{WORD_START}{day}{S0}(?:من{S})?(?:الشهر{S}(?:نفسه|ذاته|(?P<dsm_rel>{offsets}))"
        # الخامس عشر من هذا الشهر (الجاري), 20 هالشهر
        rf"|(?P<dsm_this>هذا{S}|ه)الشهر(?:{S}(?:الجاري|الحالي))?"
        rf"|(?:ذات|نفس){S}الشهر){WORD_END}",
        # قبل يومين, 48 ساعة, ثلاثة أشهر, شهر ونصف, بعد يوم من, قبل نحو 50 عاما, سنوات طويلة
        "duration": rf"{WORD_START}(?:(?P<lead>(?P<countlead>{_alt(temporal['duration_leads']['counting'])})|{_alt(temporal['duration_leads']['words'])}){S}(?:(?P<qmod>{qmod}){S})?)?"
        rf"(?:(?:ال{S0})?\(?{S0}(?P<num>(?:\d+(?:[.,]\d+)?|{cardinal})(?:{S}{_alt(lx.scales)})?){S0}\)?(?:{S}|(?<=\d))(?P<unit>{units_any})"
        rf"|ال(?P<dualdef>{dual_units})"
        rf"|ال(?P<defsingle>{singular_units})"
        rf"|(?P<dual>{dual_units})"
        rf"|(?P<fewword>{_alt(temporal['unspecified_counts'])}){S}(?P<fewunit>{units_any})"
        rf"|(?P<fracpre>{_alt(lx.unit_fractions)}){S}(?P<funit>{singular_units})"
        rf"|(?P<bare>{plural_units})(?:{S}(?P<padj>{plural_adj}))?(?:{S}(?P<padj2>{plural_adj}))?"
        # شهر واحد, شهر شمسي واحد: "one" makes a single unit a length of time
        rf"|(?P<single>{singular_units})(?:{S}(?P<calendar>شمسي|قمري|هجري|ميلادي))?(?:{S}(?P<one>واحد|واحدا|واحده)(?![^\W_]))?"
        # أسبوع كامل, شهر بحاله: one whole unit (the adjective stays out of the span, like مدة عام كامل)
        rf"(?={S}(?P<whole>{_alt(lx.whole_unit)})(?![^\W_]))?)"
        rf"(?:{S}(?P<frac>{fractions}))?"
        rf"(?:{S}(?P<recent>{recent}))?"
        rf"(?(countlead)(?:{S}من{S}(?P<fromnow>{_alt(temporal['from_now']['words'])}))?){WORD_END}",
        # الساعة 18:42, الساعة الثانية فجراً, السادسة صباحا, الساعة 0659 بتوقيت جرينتش,
        # الساعة الرابعة عصرا من الاثنين الماضي, الساعة التاسعة من مساء غد
        "clock": rf"{WORD_START}(?:(?:يوم{S})?(?:(?P<prelday>{relday})|(?P<pweekday>{weekday})(?:{S}(?P<prel>الماضي|المقبل|القادم|{conv_rel}))?)"
        rf"(?:{S}(?P<ppod>{conv_pods}))?{S}(?:في{S})?(?=الساعه))?"
        rf"(?:(?P<clock>الساعه){S}(?:(?:ال{S0})?(?:(?P<hopen>\(){S0})?(?P<hh>\d{{1,2}})(?:[:.,]?(?P<mm>\d{{2}}))?(?!\d)(?(hopen){S0}\))|(?P<hword>{hour_word})"
        # الساعة خمسة المسا, الساعة تسعة ونص: a cardinal hour, when a part of day, a fraction or the clause's end follows
        # (not الساعة خمسة سنتات: per hour)
        rf"|(?P<hcard>{clock_hour})(?={S0}(?:$|[.،,؛:!؟)]|{S}(?:و|الا|من|في|{clock_fraction}|{pod}|{conv_pods}|{relday}|{weekday})(?![^\W_]))))"
        # الساعة العاشرة و15 دقيقة, الحادية عشرة وتسع وخمسين دقيقة
        rf"(?:{S}و{S0}(?P<hmin>\d{{1,2}}|{cardinal}(?:{S}و{cardinal})?){S}(?:دقيقه|دقائق)(?![^\W_]))?"
        rf"(?:{S}(?P<hfrac>{clock_fraction}))?(?:{S}(?:من{S})?(?P<hpod>{pod}|{conv_pods})|{S0}(?P<hhalf_open>\({S0})?(?P<hhalf>{half_marks})(?(hhalf_open){S0}\))(?![^\W_]))?"
        rf"|(?P<hword2>{hour_word})(?:{S}(?P<hfrac2>والنصف|والربع|الا{S}ربعا))?{S}(?:من{S})?(?P<hpod2>{pod})"
        rf"|(?P<midnight>منتصف{S}الليل)"
        # حتى 10 مساء, من 4.30 عصرا: a bare hour with a part-of-day adverb after a word of time range
        rf"|(?:(?<=حتي )|(?<=الي )|(?<=من )|(?<=عند )|(?<=بين )|(?<=في )|(?<=نحو )|(?<=حوالي )|(?<=\d و)|(?<=\bل))"
        rf"(?:ال{S0})?(?P<hh2>\d{{1,2}})(?:[:.](?P<mm2>\d{{2}}))?(?!\d)(?:{S}(?P<hpod3>صباحا|مساء|مساءا|ظهرا|عصرا|فجرا|ليلا|{range_pods})"
        # من 5 إلى 9 مساء: the first hour of a range takes the part of day written after the second
        rf"|(?=(?:{S}|{S0}[-–]{S0})(?:الي|حتي|و|-|–|ل)?{S0}\d{{1,2}}(?:[:.]\d{{2}})?{S}(?:صباحا|مساء|مساءا|ظهرا|عصرا|فجرا|ليلا|{range_pods})(?![^\W_]))))"
        rf"(?:{S}(?P<gmt>بتوقيت{S}(?:{_alt(temporal['time_zones'])}|[^\W\d_]+)|بالتوقيت{S}(?:المحلي|العالمي|الصيفي|الشتوي|[^\W\d_]+)))?"
        rf"(?:{S}(?:من{S})?(?:(?P<dpod>{pod}){S})?(?:يوم{S})?(?:(?P<drelday>{relday})(?:{S0}[,،]?{S0}(?:\({S0})?{weekday}(?:{S0}\))?)?|(?P<dweekday>{weekday})(?:{S}(?P<drel>الماضي|المقبل|القادم))?))?{WORD_END}",
        "present_ref": rf"{WORD_START}(?P<ref_present>{_alt(lx.present_ref)}){WORD_END}"
        # حتى اللحظة, وإلى الساعة: until now (the preposition is context, not extent)
        rf"|(?:{until_after})(?P<ref_present_until>{_alt(temporal['present_ref_after_until']['words'])})(?![^\W_]|{S}(?:ال|\d|{pod}(?![^\W_])|{relday}(?![^\W_])))",
        "past_ref": rf"{WORD_START}(?P<ref_past>{_alt(lx.past_ref)}){WORD_END}"
        # سالف الأيام, غابر العصور: a past time adjective heading a plural time noun
        rf"|{WORD_START}(?P<cref_past>{_alt(construct['PAST_REF'])}){S}{_alt(construct['nouns'])}{WORD_END}",
        # في الماضي, من قبل at the end of a clause (common words: a family of their own)
        "past_ref_context": rf"(?<=في )(?P<ref_past_fi>{_alt(temporal['past_ref_after_fi'])})(?![^\W_]|{S}(?:ال|\d))"
        rf"|{WORD_START}(?P<ref_past_end>{_alt(temporal['past_ref_at_clause_end'])})(?={S0}(?:[.،,؛:!؟)»”\"]|$|و))"
        # the noun "the past": after a preposition (بالماضي, عن الماضي) or before an adjective of worth (الماضي الجميل)
        rf"|(?:(?<=\b[بل])|(?<=\b[وف][بل])|(?<=\bعن )|(?<=\bالي )|(?<=\bمع )|(?<=\bمن ))(?P<ref_past_noun>الماضي)(?![^\W_]|{S}(?:ال(?!{_alt(temporal['past_noun_adjectives'])})|\d))"
        rf"|(?<![^\W\d_])(?P<ref_past_adj>الماضي)(?={S}(?:{_alt(temporal['past_noun_adjectives'])})(?![^\W_]))",
        "future_ref": rf"{WORD_START}(?P<ref_future>{_alt(lx.future_ref)}){WORD_END}"
        # مقبل الأيام, قادم السنوات: a coming time adjective heading a plural time noun
        rf"|{WORD_START}(?P<cref_future>{_alt(construct['FUTURE_REF'])}){S}{_alt(construct['nouns'])}{WORD_END}"
        # يوما ما, ذات يوم: an indefinite day (the tense decides), and يوما after a modal cue
        rf"|{WORD_START}(?P<someday>{_alt(temporal['someday']['phrases'])}){WORD_END}"
        rf"|(?<![^\W\d_])(?P<someday_bare>يوما)(?![^\W_]|{S}(?:بعد|عن|فيوما|من|ما|واحد|كامل|كاملا)(?![^\W_]))"
        rf"|(?:(?<=في )|(?<=الي ))(?P<ref_future_fi>{_alt(temporal['future_ref_after_fi'])})(?![^\W_]|{S}(?:ال|\d))",
        # كل يوم, سنويا, رواتب شهرية
        # كل يوم, سنويا, كل يومين, كل ثلاثة أسابيع, كل يوم اثنين, أيام الاثنين
        "set": rf"{WORD_START}(?:(?:كل{S}يوم|ايام){S}(?P<setweekday>{weekday}|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)"
        rf"|كل{S}(?:(?P<setnum>\d+|{cardinal}){S}(?P<setunit>{units_any})|(?P<setdual>{dual_units}))"
        # كل جمعة, كل صيف, كل صباح: every such day, season or part of day
        rf"|كل{S}(?:(?P<setday>اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)|(?P<setseason>صيف|شتاء|ربيع|خريف)"
        rf"|(?P<setpod>صباح|مساء|ظهر|فجر|عصر|ليله|ليل|{_alt(lx.set_pods)}))"
        # بشكل يومي, بصورة شهرية: a noun of manner makes even يومي/شهري a recurrence
        rf"|(?:{manner_after})(?P<setmanner>{_alt(w for ws in set_manner['adjectives'].values() for w in ws)})"
        # كل نص ساعة, كل ربع ساعة
        rf"|كل{S}(?P<setfrac>{_alt(lx.unit_fractions)}){S}(?P<setfunit>{singular_units})"
        rf"|(?P<set>{_alt(lx.sets)})|(?P<setadj>{_alt(lx.set_adjectives)})){WORD_END}",
        # عيد الفطر, أيام العيد, إجازة الحج, عيد الأضحى المقبل
        # رابع أيام العيد, ثاني أيام عيد الفطر: the nth day of the feast
        "holiday": rf"{WORD_START}(?:(?P<hord>{_alt(w for k, ws in temporal['feast_day_ordinals'].items() if k[0] != '_' for w in ws)}){S}(?=ايام|العيد))?"
        # عيد الفطر المقبل (not هذا: بعيد الفطر هذا الشهر)
        rf"(?P<holiday>{_alt(lx.holidays)})(?:{S}(?P<rel>{_alt(w for w in lx.relative_offsets if w not in ('هذا', 'هذه'))}))?{WORD_END}",
        # العشرين من عمره, سن العاشرة, يبلغ من العمر (9) سنوات (the last as a duration)
        "age": rf"{WORD_START}(?:(?P<agenum>{ordinal}|{cardinal}|\d{{1,3}}){S}من{S}(?:عمره|عمرها|عمرهم|العمر)"
        rf"|(?P<sinn>سن){S}(?P<agenum2>{ordinal}|(?:ال)?{S0}\d{{1,3}})){WORD_END}",
        # صيف 2014, الشتاء الماضي, صيف العام الماضي, الصيف
        "season": rf"{WORD_START}(?:فصل{S})?(?P<season>{_alt(lx.seasons)})(?:{S}(?:{year_word}{S})?(?P<year>\d{{4}})"
        # صيف هذا العام, صيف العام الحالي 2015م (the year restated)
        rf"|{S}(?P<sthis>ل?هذا|ل?هذه){S}(?:العام|السنه)"
        rf"|{S}(?P<rel>{offsets})|{S}(?P<ryear>العام|السنه){S}(?P<rel2>{offsets})"
        rf"(?:{S}\d{{4}}(?:{S0}م(?![^\W\d_]))?)?"
        # الصيف إلى …: إلى (folded الي) is a preposition, not a definite word that would make الصيف a noun's complement
        rf"){WORD_END}|(?:(?<![^\W\d_])|(?<=\b[وفبل]))(?:(?P<pthis>[لب]?هذا|[لب]?هذه){S}|فصل{S})?(?P<season_bare>ال(?:صيف|شتاء|خريف))(?![^\W_]|{S}(?:ال(?!ي(?![^\W_]))|\d))",
        # الربع الأول من عام 2024, الربع الثاني
        "quarter": rf"{WORD_START}(?:(?:الربع|(?<=ل)لربع){S}(?P<quarter>{_alt(lx.quarters)})(?:{S}(?:من{S}|ل(?=ل?(?:عام|سنه)))?"
        # الربع الأول للعام 2015م, الربع الثاني لعام 2014
        rf"(?:(?:{year_word}{S})?(?P<year>\d{{4}})(?!\d)(?:{S0}م(?![^\W\d_]))?|{_alt_lam(['العام', 'السنه'])}{S}(?P<rel>{offsets}){restated_year}))?"
        # النصف الأول من العام الجاري, النصف الثاني من 2014: a half only with its year (not a match's half)
        rf"|النصف{S}(?P<half>الاول|الثاني){S}من{S}(?:(?:{year_word}{S})?(?P<hyear>\d{{4}})(?!\d)"
        rf"|(?:العام|السنه){S}(?P<hrel>{offsets}){restated_year}|(?:هذا|هذه){S}(?:العام|السنه)(?P<hthis>)))"
        # الأشهر الستة الأولى من العام الجاري = H1, الأشهر الثلاثة الأخيرة من 2014 = Q4
        rf"|(?:الاشهر|الشهور){S}(?P<mn>الثلاثه|السته){S}(?P<mpos>الاولي|الاخيره){S}من{S}"
        rf"(?:(?:{year_word}{S})?(?P<myear>\d{{4}})(?!\d)|(?:العام|السنه){S}(?P<mrel>{offsets})|(?:هذا|هذه){S}(?:العام|السنه))"
        rf"{WORD_END}",
        # الثمانينيات, تسعينيات القرن الماضي
        "decade": rf"{WORD_START}(?:(?:عقد|حقبه){S})?(?P<decade>(?:ال)?"
        rf"{_alt(w[2:] if w.startswith('ال') else w for w in lx.decades)})"
        rf"(?:{S}(?:من{S})?القرن{S}(?P<century>{_alt(lx.centuries)})"
        # العشرينات من عمره: an age, not the 1920s
        rf"|{S}من{S}(?P<decage>عمره|عمرها|عمرهم|عمرهن|العمر))?"
        # الستينات الميلادية: the era tail is in the span (a Hijri one makes it a Hijri decade, left out)
        rf"(?:{S}(?P<decera>الميلاديه|الميلادي|الهجريه|الهجري)(?![^\W_]))?{WORD_END}",
        # القرن السابع عشر, القرن الميلادي الجديد
        "century": rf"{WORD_START}القرن{S}(?:الميلادي{S})?(?:(?P<century>{_alt(list(lx.centuries) + ['الجديد', 'المنصرم'])}|{ordinal})"
        # القرن الـ21, القرن 19 (not a Hijri century: القرن الـ14 الهجري)
        rf"|(?:ال)?{S0}(?P<cnum>[12]?\d)(?!\d)(?!{S0}(?:الهجري|هـ|ه|للهجره)(?![^\W\d_])))"
        rf"(?:{S}(?:الميلادي|للميلاد))?{WORD_END}",
        # 18 شوال 1445 هـ, رمضان 1445, شهر رمضان, 12/11/1436هـ, الخميس 20 شوال لعام 1436هـ
        "hijri": rf"{WORD_START}(?:(?P<weekday>{weekday})(?:{S}{week_rel})?{S0}[,،]?{S0}(?:(?:ال)?موافق{S})?)?"
        # (not الأولى من رمضان: a feminine ordinal counts days or nights, الأيام العشرة الأولى من رمضان = the month, START)
        rf"(?:(?!الاولي{S}من{S}){day}{S0}(?:من{S}|/{S0})?|(?P<hdays>ايام){S}(?=[^\W\d_]))?(?:(?P<shahr>شهر|شهري){S})?(?P<hmonth>{hijri_month})"
        # شهر رمضان المبارك: the month's epithet is in its span (not a feast's: بعيد الفطر المبارك)
        rf"(?:{S}(?P<hepithet>المبارك|الكريم|الفضيل|المعظم)(?![^\W\d_]))?"
        rf"(?:(?:{S0}[,،]?{S}|{S0}[/\-]{S0})(?:(?:ل|من{S}|في{S})?(?:عام|سنه|العام|السنه){S})?(?P<hyear>1[2-5]\d\d)(?!\d)(?:{S0}{hijri_mark}(?![^\W\d_]))?|{rel}"
        rf"|{S}(?:من{S})?(?P<hthis>هذا{S}العام|العام{S}(?:الجاري|الحالي)|هذه{S}السنه)"
        # ذو الحجة من العام الماضي: the Hijri year before the DCT's
        rf"|{S}(?:من{S})?(?:العام|السنه){S}(?:الهجري{S})?(?P<hyrel>الماضي|المنصرم|الفائت|السابق|المقبل|القادم))?{WORD_END}",
        # عطلة نهاية الأسبوع, الويكند الماضي, عطلة نهاية الأسبوع المقبل
        "weekend": rf"{WORD_START}(?:(?P<wethis>هذه|هذا){S})?(?P<weekend>{_alt(lx.weekend)})(?:{S}(?P<werel>{offsets}))?{WORD_END}",
        # يوم 28, يوم 5: a day of the month with no month (not يوم 5 من الشهر, يوم 10 أغسطس, يوم 3/5)
        # (the literal first, then the word start: the search skips to each يوم)
        "bare_day": rf"يوم(?:(?<![^\W\d_]يوم)|(?<=\b[وفبلك]يوم)){S}(?P<bday>\d{{1,2}})(?![\d:%]|{S0}[.\-/–]{S0}\d)(?!{S0}(?:[-–/]|و{S0}\d|ال)|{S}(?:من|{month}|{hijri_month}|{units_any}|\d|[^\W\d_]+{S}(?:من|{month})))",
        # عيد الأم, ليلة رأس السنة, الكريسماس: fixed Gregorian feasts
        # عيد الميلاد المقبل: Christmas only with its offset (عيد الميلاد alone is also a birthday)
        "gregorian_holiday": rf"{WORD_START}(?:(?P<gholiday>{_alt(lx.gregorian_holidays)})"
        rf"|(?P<xmas>عيد{S}الميلاد)(?={S}(?P<grel>المقبل|القادم|الماضي|المنصرم|الفائت)(?![^\W_])))"
        rf"(?:{S}(?P<grel2>المقبل|القادم|الماضي|المنصرم|الفائت))?{WORD_END}",
        # هذا المساء, هالمسا, هذا الصباح: a part of today
        # (not هذا العصر: "this era")
        "this_pod": rf"{WORD_START}(?:هذا{S}|هذه{S}|ه(?=ال))(?P<tpod>الصباح|الصبح|المساء|المسا){WORD_END}",
    }
    compiled = tuple((name, re.compile(pattern)) for name, pattern in families.items())

    modifiers = _alt(w for w, key in lx.modifiers.items() if key in ("START", "MID", "END"))
    quantity = _alt(w for w, key in lx.modifiers.items() if key not in ("START", "MID", "END"))
    triggers = _trigger_index(lx, temporal)
    return Grammar(
        families=compiled,
        # whole words only (ضحى inside الأضحى is the feast's name): ذلك اليوم 15/10/1419هـ does not lend its "يوم" to the date
        left_day_context=re.compile(rf"(?:(?:(?<![^\W\d_])|(?<=\b[وفبل]))(?P<pod>{pod}){S})?"
                                    rf"(?P<yawm>(?:(?<![^\W\d_])|(?<=\b[وفبل]))يوم{S})?$"),
        # … also a counted stretch: الأيام العشرة الأولى من الشهر الجاري (START), الأيام الـ10 الأخيرة من (END)
        left_modifier=re.compile(rf"(?:(?<![^\W\d_])|(?<=\b[وفبل]))(?P<mod>{modifiers}"
                                 rf"|(?:الايام|الاسابيع){S}(?:ال)?{S0}(?:[^\W\d_]+|\d{{1,2}}){S}(?P<cpos>الاولي|الاخيره))"
                                 rf"{S}(?:(?:من|في){S})?$"),
        left_quantity=re.compile(rf"(?:(?<![^\W\d_])|(?<=\b[وفبل]))(?P<mod>{quantity}){S}$"),
        month_word=re.compile(month),
        hijri_month_word=re.compile(hijri_month),
        triggers=triggers,
    )
