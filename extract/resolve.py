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
from dataclasses import dataclass, field
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from .calendar import add_months, iso_week, safe_date
from .lexicon import squash
from .patterns import Lexicon, lexicon

_QUOTES_OPEN = "“«"
_QUOTES_CLOSE = "”»"
_DEFINITE_WORD = re.compile(r"^[^\S\n]+ال[^\W\d_]")
_NEXT_WORD = re.compile(r"^[^\S\n]*[,،]?[^\S\n]*([^\s,،.]+)")
_PREV_WORD = re.compile(r"([^\s,،.]+)[^\S\n]*$")
_FOLLOWED_BY_OF = re.compile(r"^[^\S\n]+(?:من|على|عن)(?![^\W\d_])")
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


@dataclass
class Context:
    """Dates in force while walking a document in text order."""

    dct: date | None
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
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

    def note(self, value: str, sentence: int, paragraph: int, explicit_year: bool) -> None:
        """Record a resolved DATE so that later anaphora can use it."""
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
        if not m or re.match(r"^\d{4}-(W|Q|H|SP|SU|FA|WI)", value):
            return
        year = int(m[1])
        if explicit_year:
            self.years.append((sentence, paragraph, year))
        if m[2]:
            self.last_month = (year, int(m[2]))
        if m[3]:
            self.last_day = safe_date(year, int(m[2]), int(m[3]))


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


def _number(text: str, lx: Lexicon) -> float | None:
    text = squash(text)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    return float(lx.cardinals[text]) if text in lx.cardinals else None


def _day_number(text: str, lx: Lexicon) -> int | None:
    text = squash(text)
    if text.startswith("ال") and text[2:].isdigit():
        text = text[2:]
    if text.isdigit():
        return int(text)
    return lx.day_ordinals.get(text)


def _month_number(phrase: str, lx: Lexicon) -> int | None:
    """The month of a phrase like ``يونيو/ حزيران`` (the first name decides)."""
    from .patterns import grammar

    m = grammar().month_word.search(phrase)
    return lx.months.get(squash(m.group())) if m else None


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _inside_quote(before: str) -> bool:
    opened = sum(before.count(q) for q in _QUOTES_OPEN) - sum(before.count(q) for q in _QUOTES_CLOSE)
    return opened > 0 or before.count('"') % 2 == 1


class Resolver:
    """Computes TIMEX3 attributes for matches, with the document's context."""

    def __init__(self, context: Context) -> None:
        self.ctx = context
        self.lx = lexicon()

    # -- helpers ---------------------------------------------------------

    def _future(self, where: Where) -> bool:
        return any(cue in self.lx.future_cues for cue in where.before.split()[-8:])

    def _month_year(self, month: int, rel: int | None, where: Where, weekday: int | None = None,
                    day: int | None = None) -> int | None:
        """Choose the year of a month named without one."""
        dct = self.ctx.dct
        if rel is not None and dct is not None:
            if rel == 0:
                return dct.year
            if rel < 0:
                return dct.year if month < dct.month else dct.year - 1
            return dct.year if month > dct.month else dct.year + 1
        in_force = self.ctx.year_in_force(where.sentence, where.paragraph)
        by_dct = None
        if dct is not None:
            if self._future(where):
                by_dct = dct.year if month >= dct.month else dct.year + 1
            else:
                by_dct = dct.year if month <= dct.month else dct.year - 1
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
        if m["year"]:
            year = int(m["year"])
            if m["yearmark"] in ("ه", "هـ") or not 1000 <= year <= 2999:
                return None
        else:
            year = self._month_year(month, rel, where, weekday, day)
        if year is None:
            if safe_date(2000, month, day) is None:
                return None
            return Resolution("DATE", "")
        d = safe_date(year, month, day)
        if d is None:
            return None
        return Resolution("DATE", self._with_pod(d.isoformat(), where))

    def _month(self, m: re.Match[str], where: Where) -> Resolution | None:
        lx = self.lx
        month = _month_number(m["month"], lx)
        if month is None:
            return None
        names = [squash(x.group()) for x in re.finditer(r"[^\s/\\()\-–]+(?:[^\S\n]+ال(?:اول|ثاني))?", m["month"])]
        ambiguous = all(n in lx.ambiguous_months for n in names if n in lx.months)
        prev = _PREV_WORD.search(where.before)
        prev_word = prev.group(1) if prev else ""
        if re.search(r"\d[^\S\n]*$", where.before):
            return None  # a day number we did not take ("4 من عناصرها" is not here)
        licensed = bool(m["shahr"] or m["year"] or m["rel"] or len(names) > 1 or where.has_day_context)
        if ambiguous and not licensed and prev_word not in ("في", "منذ", "حتى", "خلال", "بحلول", "وفي", "ومنذ", "وحتى"):
            return None
        rel = lx.relative_offsets.get(m["rel"]) if m["rel"] else None
        if m["year"]:
            year = int(m["year"])
            if m["yearmark"] in ("ه", "هـ") or not 1000 <= year <= 2999:
                return None
        else:
            year = self._month_year(month, rel, where)
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
        if not 1000 <= year <= 2999:
            return None
        d = safe_date(year, month, day)
        return Resolution("DATE", self._with_pod(d.isoformat(), where)) if d else None

    def _year(self, m: re.Match[str], where: Where) -> Resolution | None:
        year = int(m["year"])
        mark = m["yearmark"] or ""
        if mark in self.lx.hijri_year_markers:
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
        year = int(m["year"])
        upper = self.ctx.dct.year + 5 if self.ctx.dct else 2100
        if not 1900 <= year <= upper:
            return None
        nxt = _NEXT_WORD.match(where.after)
        if nxt and (nxt.group(1) in self.lx.counted_nouns or nxt.group(1).startswith("%")):
            return None
        return Resolution("DATE", f"{year:04d}", trim_left=m.start("year") - m.start())

    def _weekday(self, m: re.Match[str], where: Where) -> Resolution | None:
        weekday = self.lx.weekdays.get(squash(m["weekday"]))
        dct = self.ctx.dct
        if weekday is None:
            return None
        if dct is None:
            return Resolution("DATE", "")
        rel = self.lx.relative_offsets.get(m["rel"]) if m["rel"] else None
        back = (dct.isoweekday() - weekday) % 7
        if rel == 1 or (rel is None and self._future(where)):
            ahead = (weekday - dct.isoweekday()) % 7 or (7 if rel == 1 else 0)
            day = dct + timedelta(days=ahead)
        else:
            if rel == -1 and back == 0:
                back = 7
            day = dct - timedelta(days=back)
        return Resolution("DATE", self._with_pod(day.isoformat(), where))

    def _relative_day(self, m: re.Match[str], where: Where) -> Resolution | None:
        word = squash(m["relday"])
        offset = self.lx.relative_days.get(word)
        if offset is None:
            return None
        if word == "اليوم":
            if not m["weekday"] and _DEFINITE_WORD.match(where.after):
                return None  # اليوم العالمي, اليوم الأول من الحرب
        pod = self.lx.parts_of_day.get(squash(m["pod"])) if m["pod"] else where.pod
        anchor = self.ctx.dct
        if word == "اليوم" and _inside_quote(where.before) and self.ctx.last_day:
            # "today" in reported speech is the day the words were said.
            anchor = self.ctx.last_day
        if anchor is None:
            return Resolution("DATE", "")
        value = (anchor + timedelta(days=offset)).isoformat()
        return Resolution("DATE", f"{value}T{pod}" if pod else value)

    def _relative_unit(self, m: re.Match[str], where: Where) -> Resolution | None:
        unit = self.lx.relative_units.get(squash(m["unit_a"] or m["unit_b"]))
        if m["this"]:
            offset = 0
        else:
            offset = self.lx.relative_offsets.get(m["rel"])
            if offset is None or m["rel"] in ("هذا", "هذه"):
                return None
            prev = _PREV_WORD.search(where.before)
            if unit == "Y" and (m["rel"].startswith("السابق") or (prev and prev.group(1) in _GENERAL_NOUNS)):
                return None
        dct = self.ctx.dct
        if unit is None:
            return None
        if dct is None:
            return Resolution("DATE", "")
        if unit == "W":
            return Resolution("DATE", iso_week(dct + timedelta(weeks=offset)))
        if unit == "M":
            y, mo = add_months(dct.year, dct.month, offset)
            return Resolution("DATE", f"{y:04d}-{mo:02d}")
        return Resolution("DATE", f"{dct.year + offset:04d}")

    def _plural_recent(self, m: re.Match[str], where: Where) -> Resolution | None:
        unit = self.lx.plural_recent.get(squash(m["plural"]))
        if unit is None:
            return None
        return Resolution("DURATION", "PTXH" if unit == "H" else f"PX{unit}")

    def _anaphoric(self, m: re.Match[str], where: Where) -> Resolution | None:
        unit_word = squash(m["ana_unit"] or m["ana_unit2"])
        nxt = bool(m["ana"]) and squash(m["ana"]) in ("التالي", "التاليه", "اللاحق", "اللاحقه")
        if m["ana_pre"] == "ذلك" and unit_word == "الليله":  # ذلك الليلة is ungrammatical
            return None
        day = self.ctx.last_day or self.ctx.dct
        if unit_word in ("اليوم", "الليله"):
            if day is None:
                return Resolution("DATE", "")
            value = (day + timedelta(days=1 if nxt else 0)).isoformat()
            return Resolution("DATE", value + ("TNI" if unit_word == "الليله" else ""))
        if unit_word == "الاسبوع":
            return Resolution("DATE", iso_week(day + timedelta(weeks=1 if nxt else 0))) if day else Resolution("DATE", "")
        month = self.ctx.last_month or ((self.ctx.dct.year, self.ctx.dct.month) if self.ctx.dct else None)
        if month is None:
            return Resolution("DATE", "")
        if unit_word == "الشهر":
            y, mo = add_months(month[0], month[1], 1 if nxt else 0)
            return Resolution("DATE", f"{y:04d}-{mo:02d}")
        return Resolution("DATE", f"{month[0] + (1 if nxt else 0):04d}")

    def _day_same_month(self, m: re.Match[str], where: Where) -> Resolution | None:
        day = _day_number(m["day"], self.lx)
        month = self.ctx.last_month
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
        if m["num"]:
            amount = _number(m["num"], lx)
            unit_word = squash(m["unit"])
        elif m["dual"] or m["dualdef"]:
            amount, unit_word = 2.0, squash(m["dual"] or m["dualdef"])
            if m["dualdef"] and not m["recent"]:
                return None  # اليومين alone is not a duration
        elif m["fewword"]:
            amount, unit_word = None, squash(m["fewunit"])
        else:
            amount, unit_word = 1.0, squash(m["single"])
            nxt = _NEXT_WORD.match(where.after)
            next_word = nxt.group(1) if nxt else ""
            if not (lead or m["frac"] or where.quantity_mod):
                return None
            if next_word in lx.weekdays or next_word in lx.months or next_word[:1].isdigit() or (
                next_word.startswith("ال") and not m["frac"]
            ):
                return None
        if unit_word not in lx.units:
            return None
        unit = lx.units[unit_word][0]
        if amount is not None and m["frac"]:
            amount += 0.25 if "ربع" in m["frac"] else 0.5
        if amount is not None and (amount <= 0 or amount > 10000):
            return None
        anchored = lead in ("قبل", "بعد") and not _FOLLOWED_BY_OF.match(where.after)
        if anchored and unit in ("D", "W", "M", "Y") and (amount is None or amount == int(amount)):
            base = self.ctx.dct if lead == "قبل" else self.ctx.last_day
            if lead == "قبل" and amount is None:
                return Resolution("DATE", "PAST_REF")
            if base is not None and amount is not None:
                sign = -1 if lead == "قبل" else 1
                return Resolution("DATE", _shift(base, unit, sign * int(amount)))
            if lead == "قبل":
                return Resolution("DATE", "")
        if anchored and lead == "قبل" and unit in ("H", "MIN") and self.ctx.dct is not None:
            return Resolution("DATE", self.ctx.dct.isoformat())
        if unit == "DE":
            unit, amount = "Y", None if amount is None else amount * 10
        quantity = "X" if amount is None else _format_amount(amount)
        if unit in ("H", "MIN"):
            value = f"PT{quantity}{'H' if unit == 'H' else 'M'}"
        else:
            value = f"P{quantity}{unit}"
        return Resolution("DURATION", value, trim_left=trim)

    def _clock(self, m: re.Match[str], where: Where) -> Resolution | None:
        if m["hh"]:
            hour, minute = int(m["hh"]), int(m["mm"] or 0)
        else:
            hour, minute = self.lx.hours.get(squash(m["hword"]), -1), 0
        if m["hfrac"]:
            minute = {"والنصف": 30, "والربع": 15}.get(squash(m["hfrac"]), 45)
            if minute == 45:
                hour -= 1
        pod = self.lx.parts_of_day.get(squash(m["hpod"])) if m["hpod"] else where.pod
        if pod in ("AF", "EV", "NI") and 1 <= hour < 12 and not (pod == "NI" and hour <= 4):
            hour += 12
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        day = self.ctx.last_day if self.ctx.last_day and where.has_day_context else self.ctx.dct
        stamp = f"T{hour:02d}:{minute:02d}"
        return Resolution("TIME", (day.isoformat() if day else "XXXX-XX-XX") + stamp)

    def _present_ref(self, m: re.Match[str], where: Where) -> Resolution | None:
        return Resolution("DATE", "PRESENT_REF")

    def _past_ref(self, m: re.Match[str], where: Where) -> Resolution | None:
        if squash(m["ref_past"]) == "وقت لاحق":
            return Resolution("DATE", "FUTURE_REF")
        return Resolution("DATE", "PAST_REF")

    def _future_ref(self, m: re.Match[str], where: Where) -> Resolution | None:
        return Resolution("DATE", "FUTURE_REF")

    def _season(self, m: re.Match[str], where: Where) -> Resolution | None:
        season = self.lx.seasons.get(squash(m["season"]))
        if season is None:
            return None
        if m["year"]:
            return Resolution("DATE", f"{int(m['year']):04d}-{season}")
        dct = self.ctx.dct
        if dct is None:
            return Resolution("DATE", "")
        if m["rel2"]:
            offset = self.lx.relative_offsets.get(m["rel2"], 0)
            return Resolution("DATE", f"{dct.year + offset:04d}-{season}")
        offset = self.lx.relative_offsets.get(m["rel"], 0)
        return Resolution("DATE", _season_near(dct, season, offset))

    def _quarter(self, m: re.Match[str], where: Where) -> Resolution | None:
        quarter = self.lx.quarters.get(squash(m["quarter"]))
        if quarter is None:
            return None
        if m["year"]:
            return Resolution("DATE", f"{int(m['year']):04d}-Q{quarter}")
        if self.ctx.dct is None:
            return Resolution("DATE", "")
        offset = self.lx.relative_offsets.get(m["rel"], 0)
        return Resolution("DATE", f"{self.ctx.dct.year + offset:04d}-Q{quarter}")

    def _century_digits(self, word: str | None) -> str | None:
        if not word:
            return "19"
        key = self.lx.centuries.get(squash(word))
        if squash(word) in ("الماضي", "الحالي"):
            if self.ctx.dct is None:
                return None
            current = self.ctx.dct.year // 100
            return f"{current - 1 if squash(word) == 'الماضي' else current:02d}"
        return key

    def _decade(self, m: re.Match[str], where: Where) -> Resolution | None:
        word = squash(m["decade"])
        digit = self.lx.decades.get(word) or self.lx.decades.get("ال" + word)
        century = self._century_digits(m["century"])
        if digit is None or century is None:
            return Resolution("DATE", "") if digit else None
        return Resolution("DATE", f"{century}{digit}")

    def _century(self, m: re.Match[str], where: Where) -> Resolution | None:
        century = self._century_digits(m["century"])
        return Resolution("DATE", century) if century else Resolution("DATE", "")

    def _hijri(self, m: re.Match[str], where: Where) -> Resolution | None:
        lx = self.lx
        month = lx.hijri_months.get(squash(m["hmonth"]))
        day = _day_number(m["day"], lx) if m["day"] else None
        if month is None:
            return None
        if squash(m["hmonth"]) in lx.ambiguous_months and not (day or m["hyear"] or m["shahr"] or m["rel"]):
            return None
        if m["hyear"]:
            year = int(m["hyear"])
        elif self.ctx.dct is not None:
            try:
                today = Gregorian(self.ctx.dct.year, self.ctx.dct.month, self.ctx.dct.day).to_hijri()
            except (ValueError, OverflowError):
                return Resolution("DATE", "")
            rel = self.lx.relative_offsets.get(m["rel"]) if m["rel"] else None
            if rel == 0:
                year = today.year
            elif rel == 1:
                year = today.year if month > today.month else today.year + 1
            elif rel == -1:
                year = today.year if month < today.month else today.year - 1
            else:
                year = today.year if month <= today.month else today.year - 1
        else:
            return Resolution("DATE", "")
        try:
            if day:
                g = Hijri(year, month, day).to_gregorian()
                return Resolution("DATE", self._with_pod(date(g.year, g.month, g.day).isoformat(), where))
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


__all__ = ["Context", "Resolution", "Resolver", "Where"]
