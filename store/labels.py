"""Human labels for TIMEX values: ``2023-11-15 evening`` rather than ``2023-11-15TEV``.

One place for how a date reads to a person, in English or Arabic, used by
the explorer, the CLI and the exports. The stored value (the contract) never
changes; this is a view of it.
"""

from __future__ import annotations

import re

_PART_OF_DAY = {
    "en": {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"},
    "ar": {"MO": "صباحًا", "AF": "بعد الظهر", "EV": "مساءً", "NI": "ليلًا", "DT": "نهارًا"},
}
_SHORT_PART_OF_DAY = {"MO": "morn", "AF": "aft", "EV": "eve", "NI": "night", "DT": "day"}
_SEASONS = {
    "en": {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"},
    "ar": {"SP": "ربيع", "SU": "صيف", "FA": "خريف", "AU": "خريف", "WI": "شتاء"},
}
_MODS = {
    "en": {"START": "early", "MID": "mid", "END": "late", "APPROX": "about",
           "LESS_THAN": "before", "MORE_THAN": "after"},
    "ar": {"START": "أوائل", "MID": "منتصف", "END": "أواخر", "APPROX": "نحو",
           "LESS_THAN": "قبل", "MORE_THAN": "بعد"},
}
_GRANULARITY = {
    "en": {"year": "year", "month": "month", "week": "week", "quarter": "quarter", "season": "season",
           "decade": "decade", "half": "half"},
    "ar": {"year": "سنة", "month": "شهر", "week": "أسبوع", "quarter": "ربع", "season": "فصل",
           "decade": "عقد", "half": "نصف"},
}


def human_value(value: str, lang: str = "en", short: bool = False) -> str:
    """A TIMEX3 value as a person reads it: parts of day, weeks, seasons and decades in words."""
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)", value):
        words = _SHORT_PART_OF_DAY if short and lang == "en" else _PART_OF_DAY[lang]
        return f"{m[1]} {words[m[2]]}"
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?", value):
        return f"{m[1]} {m[2]}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"{m[1]} week {int(m[2])}" if lang == "en" else f"{m[1]} الأسبوع {int(m[2])}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
        return f"{_SEASONS[lang][m[2]]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"{m[1]} Q{m[2]}" if lang == "en" else f"{m[1]} الربع {m[2]}"
    if m := re.fullmatch(r"(\d{3})", value):
        return f"{m[1]}0s" if lang == "en" else f"عقد {m[1]}0"
    return value


def date_label(event: dict, lang: str = "en", short: bool = False) -> str:
    """An event's date with its precision visible: ``2021-06 late``, ``2013 · year``, ``2023-11-15 evening``.

    ``short`` leaves out what the value already says (``2013`` is a year) and
    abbreviates parts of day, for narrow columns.
    """
    value = human_value(event["value"], lang, short)
    mod = _MODS[lang].get(event.get("mod") or "")
    if mod:
        return f"{value} {mod}" if lang == "en" else f"{mod} {value}"
    granularity = event.get("granularity") or "day"
    if short or granularity == "day" or value != event["value"]:
        return value
    return f"{value} · {_GRANULARITY[lang].get(granularity, granularity)}"
