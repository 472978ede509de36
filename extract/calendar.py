"""Calendar arithmetic for TIMEX3 values: intervals, granularity, offsets.

A DATE value maps to a closed interval of calendar days used for sorting and
range queries (see ARCHITECTURE.md): ``2021-06`` is June 1-30; with mod
START/MID/END the first, middle or last third of it.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Return (year, month) ``delta`` months after ``year-month``."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    """Return the last day of a month."""
    return date(year, month, _cal.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when it does not exist (31 شباط)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_week(day: date) -> str:
    """Return the ISO week value (``2022-W49``) containing ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def strip_part_of_day(value: str) -> str:
    """Drop a trailing part of day (``2023-11-16TMO`` -> ``2023-11-16``)."""
    return re.sub(r"T(MO|MI|AF|EV|NI|DT)$", "", value)


def _span(value: str) -> tuple[date, date, str] | None:
    """The whole interval of a value, and its granularity."""
    if m := _DAY.match(value):
        d = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (d, d, "day") if d else None
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return (date(y, mo, 1), month_end(y, mo), "month") if 1 <= mo <= 12 else None
    if m := _YEAR.match(value):
        y = int(m[1])
        return (date(y, 1, 1), date(y, 12, 31), "year") if y >= 1 else None
    if m := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return monday, monday + timedelta(days=6), "week"
    if m := _QUARTER.match(value):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter"
    if m := _HALF.match(value):
        y, h = int(m[1]), int(m[2])
        return date(y, 6 * h - 5, 1), month_end(y, 6 * h), "half"
    if m := _SEASON.match(value):
        y, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
        ly, lm = add_months(y, first, last - first)
        return date(y, first, 1), month_end(ly, lm), "season"
    if m := _DECADE.match(value):
        d = int(m[1]) * 10
        return (date(d, 1, 1), date(d + 9, 12, 31), "decade") if d >= 1 else None
    if m := _CENTURY.match(value):
        c = int(m[1]) * 100
        return (date(c, 1, 1), date(c + 99, 12, 31), "century") if c >= 1 else None
    return None


def granularity(value: str) -> str | None:
    """Return day, week, month, season, quarter, half, year, decade or century."""
    span = _span(value)
    return span[2] if span else None


def interval(value: str, mod: str | None = None) -> tuple[date, date] | None:
    """Return the closed day interval of a DATE/TIME value, narrowed by ``mod``.

    START/MID/END take the first/middle/last third: for a month the days
    1-10, 11-20 and 21-end; for a year Jan-Apr, May-Aug, Sep-Dec; for other
    spans an even split of the days.
    """
    span = _span(value)
    if span is None:
        return None
    begin, end, grain = span
    if mod not in ("START", "MID", "END") or grain == "day":
        return begin, end
    third = {"START": 0, "MID": 1, "END": 2}[mod]
    if grain == "month":
        starts = (1, 11, 21)
        first = begin.replace(day=starts[third])
        last = end if third == 2 else begin.replace(day=starts[third + 1] - 1)
        return first, last
    if grain == "year":
        first_month = 1 + 4 * third
        return date(begin.year, first_month, 1), month_end(begin.year, first_month + 3)
    days = (end - begin).days + 1
    first = begin + timedelta(days=days * third // 3)
    last = begin + timedelta(days=days * (third + 1) // 3 - 1)
    return first, last
