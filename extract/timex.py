"""The TIMEX3 record produced by the tagger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .calendar import granularity, interval


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: its span in the original text and its TIMEX3 attributes.

    ``value`` is "" when the expression is relative and cannot be resolved
    (no publication date, no anchor). ``begin``/``last`` are the calendar
    interval of a resolved DATE or TIME.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    begin: date | None = None
    last: date | None = None

    @property
    def granularity(self) -> str | None:
        """day, week, month, season, quarter, year, decade or century; None otherwise."""
        return granularity(self.value) if self.type in ("DATE", "TIME") and self.value else None

    def as_json(self) -> dict:
        """The **contract** JSON shape of ``waqai extract``.

        The interval's first day is ``begin``; its last day is ``end_day``
        because ``end`` already names the span's end offset.
        """
        record: dict = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
        }
        if self.begin is not None and self.last is not None:
            record["begin"] = self.begin.isoformat()
            record["end_day"] = self.last.isoformat()
        return record


def make_timex(
    start: int,
    end: int,
    text: str,
    type_: str,
    value: str,
    mod: str | None,
    explicit: tuple[date, date] | None = None,
) -> Timex:
    """Build a Timex, computing its interval from value and mod when it has one."""
    span = explicit
    if span is None and type_ in ("DATE", "TIME") and value:
        span = interval(value, mod)
    begin, last = span if span else (None, None)
    return Timex(start, end, text, type_, value, mod, begin, last)
