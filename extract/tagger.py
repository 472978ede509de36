"""The TIMEX3 tagger: find, extend, choose and resolve temporal expressions.

For each content sentence, every family of the grammar proposes matches;
each match is widened to the left by the words that belong to its extent
(part of day, ``يوم``, modifiers such as ``أواخر`` or ``أقل من``); matches the
resolver rejects are dropped; the longest non-overlapping ones win; and they
are resolved in text order so that anaphora see the dates before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import squash, trie_alternation
from .normalize import fold
from .patterns import grammar, lexicon
from .resolve import Context, Resolution, Resolver, Where, inside_quote
from .scan import Chunks, find_matches, search_tail
from .segment import Layout, Sentence, segment
from .timex import Timex, make_timex

# Families whose extent takes a part of day and "يوم" on the left.
_DAY_FAMILIES = frozenset({"day_month", "weekday", "numeric", "anaphoric", "day_same_month", "hijri", "relative_day", "holiday",
                           "day_list"})  # فجر 13 و14 أغسطس: a part of day before a list's first day
# Families that take START/MID/END modifiers (أواخر يونيو, منتصف عام 2020).
_COARSE_FAMILIES = frozenset(
    {"month", "year", "bare_year", "relative_unit", "season", "quarter", "decade", "century", "hijri", "anaphoric"}
)
# Families whose extent takes a quantity on the left (أكثر من ثلاثة أيام, قرابة العام).
_QUANTITY_FAMILIES = frozenset({"duration", "clock", "day_month", "month", "year", "relative_unit"})
# Families whose explicit year puts that year in force for what follows.
_EXPLICIT_YEAR = frozenset({"day_month", "month", "numeric", "year", "bare_year", "season", "quarter"})


@dataclass(slots=True)
class _Candidate:
    family: str
    match: re.Match[str]
    start: int  # folded, after widening
    end: int
    where: Where
    mod: str | None


def _widen(family: str, m: re.Match[str], text: str, sentence: Sentence, pieces) -> _Candidate:
    start = m.start()
    # The widening patterns are anchored at the match: 80 characters are plenty.
    left = text[max(sentence.folded_start, start - 80) : start]
    pod = None
    mod = None
    has_day_context = False
    if family in _DAY_FAMILIES:
        ctx = search_tail(pieces.left_day_context, left)
        if ctx and ctx.group():
            pod = lexicon().parts_of_day.get(squash(ctx["pod"])) if ctx["pod"] else None
            has_day_context = True
            start -= len(ctx.group())
            left = left[: len(left) - len(ctx.group())]
    if family in _COARSE_FAMILIES:
        modifier = search_tail(pieces.left_modifier, left)
        if modifier:
            mod = lexicon().modifiers.get(squash(modifier["mod"]))
            if modifier["cpos"]:
                mod = "START" if modifier["cpos"] == "الاولي" else "END"
            has_day_context = True
            start -= len(modifier.group())
            left = left[: len(left) - len(modifier.group())]
    quantity_mod = None
    quantity = search_tail(pieces.left_quantity, left) if family in _QUANTITY_FAMILIES else None
    if quantity:
        quantity_mod = lexicon().modifiers.get(squash(quantity["mod"]))
        start -= len(quantity.group())
    elif family in _NAMED_PERIOD_FAMILIES and text.startswith("ال", start):
        # هذا العام 1436هـ, هذا الشهر الفضيل: a demonstrative before a definite named period is in its span
        demonstrative = _DEMONSTRATIVE.search(text, max(sentence.folded_start, start - 12), start)
        if demonstrative:
            start = demonstrative.start()
    where = Where(
        sentence=sentence.index,
        paragraph=sentence.paragraph,
        before=text[sentence.folded_start : m.start()],
        after=text[m.end() : sentence.folded_end],
        pod=pod,
        quantity_mod=quantity_mod,
        has_day_context=has_day_context,
    )
    return _Candidate(family, m, start, m.end(), where, mod or quantity_mod)


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidates that do not overlap, in text order."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def tag_layout(layout: Layout, dct: date | None) -> list[Timex]:
    """Tag the content sentences of an already segmented article."""
    pieces = grammar()
    folded = layout.folded
    text = folded.folded
    context = Context(dct)
    context.today = _writing_day(layout, dct)
    resolver = Resolver(context)
    timexes: list[Timex] = []
    window_lookup = pieces.window_lookup()
    for sentence in layout.sentences:
        chunk_texts = text[sentence.folded_start : sentence.folded_end].split()
        wanted = pieces.families_for_chunks(chunk_texts)
        if not wanted:
            continue  # no trigger word: no family can match, and nothing is noted in the context
        candidates = []
        chunks = None
        for family, pattern, width in pieces.to_run(wanted):
            if not pieces.may_match(family, text, sentence.folded_start, sentence.folded_end):
                continue
            if width is not None and len(chunk_texts) > 2 * width + 2:
                # A long sentence: search only around the family's trigger words (same matches).
                if chunks is None:
                    chunks = Chunks(text, sentence.folded_start, sentence.folded_end, chunk_texts)
                matches = find_matches(pattern, text, sentence.folded_start, sentence.folded_end, chunks,
                                       chunks.triggers(family, window_lookup), width)
            else:
                matches = pattern.finditer(text, sentence.folded_start, sentence.folded_end)
            for m in matches:
                if m.end() == m.start():
                    continue
                cand = _widen(family, m, text, sentence, pieces)
                if resolver.resolve(family, m, cand.where) is not None:
                    candidates.append(cand)
        day_seen = False
        pending: list[tuple[int, int, bool]] = []  # (index in timexes, days from the event, optional)
        for cand in _choose(candidates):
            where = cand.where
            if cand.family == "clock" and day_seen:
                where = Where(where.sentence, where.paragraph, where.before, where.after, where.pod,
                              where.quantity_mod, True)
            res: Resolution | None = resolver.resolve(cand.family, cand.match, where)
            if res is None:
                continue
            start = cand.match.start() + res.trim_left if res.trim_left else cand.start
            start = _with_proclitic(text, start, sentence.folded_start)
            o_start, o_end = folded.original_span(start, cand.end)
            span_text = layout.folded.original[o_start:o_end]
            if _TRAP.search(span_text):
                continue
            span_text = _balanced(span_text)
            stripped = span_text.strip()
            o_start += len(span_text) - len(span_text.lstrip())
            o_end = o_start + len(stripped)
            if stripped.count("(") > stripped.count(")") and layout.folded.original[o_end : o_end + 1] == ")":
                o_end += 1  # أمس الاثنين (3 أغسطس): close the bracket opened inside the span
                stripped = layout.folded.original[o_start:o_end]
            mod = cand.mod or res.mod
            if res.type == "DURATION" and cand.mod in ("START", "MID", "END"):
                mod = res.mod
            about = _ABOUT_AFTER.match(layout.folded.original, o_end)
            if about and res.type in ("DATE", "DURATION"):
                # قرابة العام تقريبا / نصف قرن تقريبا: a trailing تقريبا belongs to the expression.
                o_end = about.end()
                stripped = layout.folded.original[o_start:o_end]
                mod = mod or "APPROX"
            timex = make_timex(o_start, o_end, stripped, res.type, res.value, mod, res.explicit)
            if timexes and _join_equivalent(layout.folded.original, timexes, timex, cand.family):
                continue
            if timexes and _join_named_day(layout.folded.original, timexes, timex, cand.family):
                continue
            timexes.append(timex)
            if res.event_offset is not None and not res.value:
                pending.append((len(timexes) - 1, res.event_offset, res.optional))
            if res.type == "DATE" and res.value and res.value[0].isdigit():
                # "منذ 2010" is where a span began, not the frame of what follows.
                explicit = (cand.family in _EXPLICIT_YEAR and _has_year(cand) and not search_tail(_SINCE, where.before)
                            and _lead(cand) not in ("منذ", "ومنذ"))
                hijri = resolver.last_hijri if cand.family == "hijri" else None
                background = bool(_BACKGROUND.search(where.before))
                context.note(res.value, sentence.index, sentence.paragraph, explicit, hijri, background)
                day_seen = day_seen or timex.granularity == "day"
        if pending:
            _date_events(timexes, pending)
            timexes = [t for t in timexes if t is not None]
    _weekdays_by_equivalent(layout.folded.original, timexes)
    return timexes


def _lead(cand: _Candidate) -> str | None:
    """The preposition a match holds before its extent (منذ 2009), if its family has one."""
    return cand.match.groupdict().get("lead")


_PROCLITICS = "وفبلك"
# Families whose definite match names a period by itself (العام 1436هـ, الشهر الفضيل, العيد): a
# demonstrative before it points at that same period, so it joins the extent without changing the value.
_NAMED_PERIOD_FAMILIES = frozenset({"year", "hijri", "holiday", "century", "decade"})
_DEMONSTRATIVE = re.compile(r"(?:(?<![^\W\d_])|(?<=\b[وفبل]))(?:هذا|هذه)[^\S\n]+$")
# A background clause before a day: the pluperfect (وكان المؤشر قد أغلق), a comparison (مقارنة بإغلاق, عن سعر
# الإغلاق في 26 يونيو) or an earlier event (بعد أن خسر … يوم الاثنين).
_BACKGROUND = re.compile(r"(?<![^\W\d_])[وف]?كان(?:ت)?(?:[^\S\n]+[^\W\d_]+){0,4}[^\S\n]+قد(?![^\W\d_])"
                         r"|(?<![^\W\d_])(?:مقارنه|مقارنة|بالمقارنه|مقابل|بعد[^\S\n]+ان|بعدما|الاغلاق|الإغلاق)(?![^\W\d_])")
_ABOUT_AFTER = re.compile("[^\\S\\n]+(?:تقريب[اًاٌ]+|تقريبًا)(?![^\\W\\d_])")
_SINCE = re.compile(r"(?<![^\W\d_])و?منذ[^\S\n]+(?:[^\W\d_]+[^\S\n]+)?$")
# Words spelled like dates that are not: the Yemeni governorate إب (the month is
# آب), and السنّة with a shadda (the Sunnis, not "the year").
# The name آلان (Alan) folds like الآن (now).
_TRAP = re.compile(r"(?<![^\W\d_])[وفبل]?إب(?![^\W\d_])|السن\u0651ة|السنّة|(?<![^\W\d_])آلان(?![^\W\d_])")
# Between a Hijri date and its Gregorian equivalent: "الموافق", "الموافق لـ", "، الموافق".
_EQUIVALENT = re.compile(r"^[\s,،()\-–]*(?:و)?(?:ال|أل)?موافق[\s]*(?:لـ|ل)?[\s(]*$")


def _date_events(timexes: list, pending: list[tuple[int, int, bool]]) -> None:
    """Date ``غداة X`` / ``عشية X`` by a day written later in the same sentence (X's date).

    With no such day, غداة stays unresolved and عشية is left out (None in the list).
    """
    for index, offset, optional in pending:
        later = next((t for t in timexes[index + 1 :] if t is not None and t.granularity == "day"), None)
        this = timexes[index]
        if later is not None:
            value = (later.begin + timedelta(days=offset)).isoformat()
            timexes[index] = make_timex(this.start, this.end, this.text, "DATE", value, this.mod)
        elif optional:
            timexes[index] = None


def _writing_day(layout: Layout, dct: date | None) -> date | None:
    """The day the article was written, when a weekday beside اليوم/أمس/غدا contradicts the DCT.

    ``اليوم الاثنين`` in a paper dated Friday means it was written on Monday:
    every relative day of the article, before and after that phrase, counts
    from Monday. None when nothing contradicts the DCT.
    """
    if dct is None:
        return None
    text = layout.folded.folded
    pattern = _today_with_weekday()
    weekday = _weekday_word()
    if weekday.search(text) is None:
        return None
    lx = lexicon()
    for sentence in layout.sentences:
        # Every match holds a weekday: the full pattern only runs where one stands.
        if weekday.search(text, sentence.folded_start, sentence.folded_end) is None:
            continue
        for m in pattern.finditer(text, sentence.folded_start, sentence.folded_end):
            if inside_quote(text[sentence.folded_start : m.start()]):
                continue
            offset = lx.relative_days.get(squash(m["relday"]))
            weekday = lx.weekdays.get(squash(m["weekday"]))
            if offset is None or weekday is None or abs(offset) > 1:
                continue
            named = dct + timedelta(days=offset)
            back = (named.isoweekday() - weekday) % 7
            return dct - timedelta(days=back) if back else None
    return None


@lru_cache(maxsize=1)
def _weekday_word() -> re.Pattern[str]:
    return re.compile(trie_alternation(lexicon().weekdays))


@lru_cache(maxsize=1)
def _today_with_weekday() -> re.Pattern[str]:
    lx = lexicon()
    relday = trie_alternation(w for w, off in lx.relative_days.items() if abs(off) <= 1 and w not in ("غداه", "عشيه"))
    # أول من أمس and بعد غد are other days (−2, +2), not أمس and غدا. هذا اليوم السبت is the own day of
    # an official text the paper quotes (اعتبارا من هذا اليوم السبت …), not the paper's writing day.
    return re.compile(rf"(?<![^\W\d_])(?<!اول )(?<!اول من )(?<!بعد )(?<!هذا )[وف]?(?P<relday>{relday})[^\S\n]*[,،]?[^\S\n]*\(?[^\S\n]*"
                      rf"(?P<weekday>{trie_alternation(lx.weekdays)})(?![^\W\d_])")


def _balanced(span: str) -> str:
    """Blank an opening bracket the span does not close (``(30 عاما`` -> `` 30 عاما``) and vice versa,
    and a pair of brackets around the whole span (``(6 أغسطس 2015)``)."""
    inner = span.strip()
    if inner.startswith("(") and inner.endswith(")") and "(" not in inner[1:-1] and ")" not in inner[1:-1]:
        return span.replace("(", " ", 1)[: span.rindex(")")]
    if span.lstrip().startswith("(") and ")" not in span:
        return " " + span.lstrip()[1:]
    if span.rstrip().endswith(")") and "(" not in span:
        return span.rstrip()[:-1]
    return span


def _join_equivalent(original: str, timexes: list[Timex], timex: Timex, family: str) -> bool:
    """Join ``20 شوال 1436 هـ الموافق 5 أغسطس 2015 م`` into one DATE valued by its Gregorian day.

    Returns True when ``timex`` was merged into the previous one.
    """
    previous = timexes[-1]
    between = original[previous.end : timex.start]
    if not _EQUIVALENT.match(between) or timex.type != "DATE" or previous.type != "DATE":
        return False
    if (len(timexes) > 1 and _weekday_only(previous.text) is not None and _weekday_only(timexes[-2].text) is not None
            and _LIST_SEP.match(original[timexes[-2].end : previous.start])):
        return False  # يومي الأربعاء والخميس الموافق 5 و6 أغسطس: a list of days, paired by _weekdays_by_equivalent
    gregorian = timex if family != "hijri" else previous
    end = timex.end
    text = original[previous.start : end]
    if text.count("(") > text.count(")") and original[end : end + 1] == ")":
        end += 1  # يوم الأحد (10 شوال 1436هـ) الموافق (26 يوليو 2015): close the last bracket too
        text = original[previous.start : end]
    timexes[-1] = make_timex(previous.start, end, text, "DATE", gregorian.value, gregorian.mod,
                             (gregorian.begin, gregorian.last) if gregorian.begin else None)
    return True


_DATED_FAMILIES = frozenset({"day_month", "numeric", "hijri"})
_NAMED_DAY_BETWEEN = re.compile(r"^[^\S\n]*[,،]?[^\S\n]*\(?[^\S\n]*$")


def _join_named_day(original: str, timexes: list[Timex], timex: Timex, family: str) -> bool:
    """Join ``يوم غد الخميس 6 أغسطس`` / ``اليوم الأحد 17/10/1436هـ`` into one DATE valued by the date.

    A relative day naming its weekday, right before a full day date, is one expression
    (one expression, one span); the written date decides the value.
    """
    previous = timexes[-1]
    if family not in _DATED_FAMILIES or timex.type != "DATE" or previous.type != "DATE":
        return False
    if not timex.value or len(timex.value) != 10 or not _NAMED_DAY_BETWEEN.match(original[previous.end : timex.start]):
        return False
    if not _today_with_weekday().search(squash(fold(previous.text))):
        return False
    last = squash(fold(previous.text)).split()[-1].strip("()")
    if lexicon().weekdays.get(last) is None:
        return False
    timexes[-1] = make_timex(previous.start, timex.end, original[previous.start : timex.end], "DATE", timex.value,
                             timex.mod, (timex.begin, timex.last) if timex.begin else None)
    return True


_LIST_SEP = re.compile(r"^[\s,،\-–]*(?:و)?[\s]*$")
_DAY_LIST_WORDS = ("يوم", "يومي", "ايام")


@lru_cache(maxsize=4096)  # a pure function of the span's text, asked of every timex of every article
def _weekday_only(text: str) -> int | None:
    """The ISO weekday of a span that is only a weekday (``والخميس``, ``يومي الأربعاء``), else None."""
    words = squash(fold(text)).split()
    if words and words[0] in _DAY_LIST_WORDS:
        words = words[1:]
    if len(words) != 1:
        return None
    word = words[0]
    lx = lexicon()
    if word not in lx.weekdays and word[:1] in "وف":
        word = word[1:]
    return lx.weekdays.get(word)


def _weekdays_by_equivalent(original: str, timexes: list[Timex]) -> None:
    """``يومي الأربعاء والخميس الموافق 5 و6 أغسطس``: each weekday of the list takes the date in its place.

    Only when the two lists have the same length and every weekday agrees with its date.
    """
    i = 0
    while i < len(timexes):
        run = [i]
        if _weekday_only(timexes[i].text) is None:
            i += 1
            continue
        j = i + 1
        while j < len(timexes) and _weekday_only(timexes[j].text) is not None and _LIST_SEP.match(
                original[timexes[j - 1].end : timexes[j].start]):
            run.append(j)
            j += 1
        if len(run) >= 2 and j < len(timexes) and _EQUIVALENT.match(original[timexes[j - 1].end : timexes[j].start]):
            dates = [j]
            k = j + 1
            while k < len(timexes) and len(dates) < len(run) and _LIST_SEP.match(original[timexes[k - 1].end : timexes[k].start]):
                dates.append(k)
                k += 1
            days = [timexes[d] for d in dates]
            if len(days) == len(run) and all(t.type == "DATE" and re.match(r"^\d{4}-\d\d-\d\d$", t.value or "") for t in days):
                pairs = [(timexes[w], date.fromisoformat(t.value)) for w, t in zip(run, days)]
                if all(_weekday_only(w.text) == d.isoweekday() for w, d in pairs):
                    for w, (weekday, d) in zip(run, pairs):
                        timexes[w] = make_timex(weekday.start, weekday.end, weekday.text, "DATE", d.isoformat(), None)
        i = j
    return None


def _with_proclitic(text: str, start: int, floor: int) -> int:
    """Move a span's start back over a glued proclitic (``وأمس``, ``لهذا العام``, ``بيومين``).

    The conventions take the whole written word, so a one- or two-letter
    conjunction or preposition written onto the first word joins the extent.
    """
    if text[start : start + 1].isdigit():
        return start  # و2010: a و glued to a number stays out (يومي 10 و12 -> 12)
    for length in (1, 2):
        at = start - length
        if at < floor or text[at] not in _PROCLITICS:
            return start
        if at == floor or not text[at - 1].isalnum():
            return at
    return start


def _has_year(cand: _Candidate) -> bool:
    groups = cand.match.groupdict()
    return bool(groups.get("year") or groups.get("y1") or groups.get("y2") or groups.get("hyear") or groups.get("myear"))


def tag(text: str, dct: date | None = None, source: str | None = None) -> list[Timex]:
    """Find and normalize every temporal expression in an article.

    ``dct`` is the publication date; without it absolute expressions still
    resolve and relative ones get an empty value. Spans index ``text``.
    """
    return tag_layout(segment(text, source), dct)
