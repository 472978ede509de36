"""Conversational and dialect date forms (issue 13, second priority), one group of cases per form family.

Sentences written for these tests (Levantine, Gulf, Iraqi and MSA speech), none taken from a dataset or
from another tagger's suite. Reference days: WED = Wednesday 2015-07-22 (ISO week 30), MON = Monday
2016-11-07 (week 45), THU = Thursday 2024-03-14 (week 11).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from waqai.extract.tagger import tag

WED = date(2015, 7, 22)
MON = date(2016, 11, 7)
THU = date(2024, 3, 14)

CASES = {
    # tomorrow / yesterday / the day after tomorrow, dialect words
    "relative_day": [
        ("بنلتقي عند المطعم بكره إن شاء الله.", WED, [("بكره", "DATE", "2015-07-23")]),
        ("أخوي رجع من الرياض امبارح بالليل.", MON, [("امبارح بالليل", "DATE", "2016-11-06TNI")]),
        ("رح نسافر بعد بكرة على بيروت.", THU, [("بعد بكرة", "DATE", "2024-03-16")]),
        ("وصلت الطلبية أول امبارح.", WED, [("أول امبارح", "DATE", "2015-07-20")]),
        ("بدي شوفك اليوم العصر.", MON, [("اليوم العصر", "DATE", "2016-11-07TAF")]),
        ("النهارده الجو حر جدا.", THU, [("النهارده", "DATE", "2024-03-14")]),
    ],
    # next / last weekday, dialect offsets, the week in the phrase
    "weekday": [
        ("الاجتماع الأحد الجاي بالمكتب.", WED, [("الأحد الجاي", "DATE", "2015-07-26")]),
        ("شفت خالد الثلاثاء اللي فات.", MON, [("الثلاثاء اللي فات", "DATE", "2016-11-01")]),
        ("سأزورك يوم الأحد.", THU, [("يوم الأحد", "DATE", "2024-03-17")]),
        ("عندي موعد السبت الأسبوع الجاي.", WED, [("السبت الأسبوع الجاي", "DATE", "2015-08-01")]),
        ("هذا الجمعة رح نطلع عالبحر.", MON, [("هذا الجمعة", "DATE", "2016-11-11")]),
        ("الأربعاء سيعقد المجلس جلسته.", MON, [("الأربعاء", "DATE", "2016-11-09")]),
    ],
    # this / next / last week, month, year; هال- (Levantine "this")
    "relative_unit": [
        ("هالشهر المصاريف كتير.", WED, [("هالشهر", "DATE", "2015-07")]),
        ("رح نبلش الشغل الأسبوع الجاي.", THU, [("الأسبوع الجاي", "DATE", "2024-W12")]),
        ("تخرجت بنتي السنة اللي فاتت.", MON, [("السنة اللي فاتت", "DATE", "2015")]),
        ("هالسنة ما سافرنا.", THU, [("هالسنة", "DATE", "2024")]),
    ],
    # in N units (from now, in a future clause) and N units ago
    "offsets": [
        ("سأرجع بعد ثلاثة أسابيع.", WED, [("بعد ثلاثة أسابيع", "DATE", "2015-W33")]),
        ("رح يخلص الترميم بعد 4 أيام.", MON, [("بعد 4 أيام", "DATE", "2016-11-11")]),
        ("سنتصل بكم بعد ساعتين.", THU, [("بعد ساعتين", "DATE", "2024-03-14")]),
        ("رح تخلص الامتحانات بعد أيام.", WED, [("بعد أيام", "DATE", "FUTURE_REF")]),
        ("غادر الضيوف قبل ربع ساعة.", MON, [("قبل ربع ساعة", "DATE", "2016-11-07")]),
        ("سيبدأ العرض بعد خمس دقايق.", THU, [("بعد خمس دقايق", "DATE", "2024-03-14")]),
    ],
    # clock times: cardinal hours, ونص/وربع/إلا ربع, dialect parts of day, the day before الساعة
    "clock": [
        ("نلتقي الساعة سبعة المسا.", WED, [("الساعة سبعة المسا", "TIME", "2015-07-22T19:00")]),
        ("الباص بيطلع الساعة أربعة ونص الصبح.", MON, [("الساعة أربعة ونص الصبح", "TIME", "2016-11-07T04:30")]),
        ("المباراة الساعة تسعة إلا ربع بالليل.", THU, [("الساعة تسعة إلا ربع بالليل", "TIME", "2024-03-14T20:45")]),
        ("موعدنا بكرا العصر الساعة 5.", WED, [("بكرا العصر الساعة 5", "TIME", "2015-07-23T17:00")]),
        ("الاجتماع الخميس الجاي الساعة 10 الصبح.", MON, [("الخميس الجاي الساعة 10 الصبح", "TIME", "2016-11-10T10:00")]),
        ("العشاء الليلة الساعة 8.", THU, [("الليلة الساعة 8", "TIME", "2024-03-14T20:00")]),
        ("المحل مفتوح من 9 الصبح لـ6 المسا.", WED,
         [("9 الصبح", "TIME", "2015-07-22T09:00"), ("6 المسا", "TIME", "2015-07-22T18:00")]),
    ],
    # parts of today
    "part_of_day": [
        ("هالمسا رح نحضر المباراة.", WED, [("هالمسا", "DATE", "2015-07-22TEV")]),
        ("هذا الصباح كان الطريق زحمة.", MON, [("هذا الصباح", "DATE", "2016-11-07TMO")]),
        ("يوم الجمعة الصبح رح نروح عالسوق.", THU, [("يوم الجمعة الصبح", "DATE", "2024-03-15TMO")]),
    ],
    # weekends: the ISO week's WE
    "weekend": [
        ("رح نقضي الويكند بالجبل.", WED, [("الويكند", "DATE", "2015-W30-WE")]),
        ("قضينا عطلة نهاية الأسبوع عند جدتي.", MON, [("عطلة نهاية الأسبوع", "DATE", "2016-W44-WE")]),
        ("سنسافر في عطلة نهاية الأسبوع القادم.", THU, [("عطلة نهاية الأسبوع القادم", "DATE", "2024-W12-WE")]),
    ],
    # a day of this/next month, with no month name
    "month_day": [
        ("الإيجار بينزل 5 الشهر الجاي.", WED, [("5 الشهر الجاي", "DATE", "2015-08-05")]),
        ("الحفلة 25 هالشهر.", MON, [("25 هالشهر", "DATE", "2016-11-25")]),
        ("التسليم العشرين من هذا الشهر.", THU, [("العشرين من هذا الشهر", "DATE", "2024-03-20")]),
        ("سأسافر يوم 30.", WED, [("يوم 30", "DATE", "2015-07-30")]),
        ("استلمت الراتب يوم 2.", MON, [("يوم 2", "DATE", "2016-11-02")]),
        ("رح أقبض نص الشهر.", THU, [("نص الشهر", "DATE", "2024-03")]),
    ],
    # ranges: the first day takes the month of the second; a weekday range runs forward
    "range": [
        ("الإجازة من 10 لـ20 آب.", WED, [("10", "DATE", "2015-08-10"), ("20 آب", "DATE", "2015-08-20")]),
        ("رح أشتغل من السبت للأربعاء.", MON, [("السبت", "DATE", "2016-11-12"), ("للأربعاء", "DATE", "2016-11-16")]),
    ],
    # lengths of time
    "duration": [
        ("استنيت عالدور نص ساعة.", WED, [("نص ساعة", "DURATION", "PT0.5H")]),
        ("قعدنا عندهم يوم كامل.", MON, [("يوم", "DURATION", "P1D")]),
        ("المحاضرة ساعة ونص.", THU, [("ساعة ونص", "DURATION", "PT1.5H")]),
        ("ما شفته من عشر دقايق لليوم.", WED, [("عشر دقايق", "DURATION", "PT10M")]),
    ],
    # recurrences
    "set": [
        ("بنمشي كل صبح على الكورنيش.", WED, [("كل صبح", "SET", "TMO")]),
        ("القطار بيمر كل ربع ساعة.", MON, [("كل ربع ساعة", "SET", "PT0.25H")]),
    ],
    # now, later, a moment ago
    "vague": [
        ("أنا بالطريق هلق.", WED, [("هلق", "DATE", "PRESENT_REF")]),
        ("وين صرت الحين؟", MON, [("الحين", "DATE", "PRESENT_REF")]),
        ("هسه خلصت الدوام.", THU, [("هسه", "DATE", "PRESENT_REF")]),
        ("نحكي بالموضوع بعدين.", WED, [("بعدين", "DATE", "FUTURE_REF")]),
        ("وصلت رسالتك من شوي.", MON, [("من شوي", "DATE", "PAST_REF")]),
    ],
    # fixed Gregorian feasts: the nearest occurrence
    "holiday": [
        ("اشترينا هدايا عيد الأم.", WED, [("عيد الأم", "DATE", "2015-03-21")]),
        ("وين رح تسهروا ليلة رأس السنة؟", MON, [("ليلة رأس السنة", "DATE", "2016-12-31TNI")]),
    ],
}


@pytest.mark.parametrize(
    "text,dct,expected",
    [case for cases in CASES.values() for case in cases],
    ids=[f"{family}-{i}" for family, cases in CASES.items() for i in range(len(cases))],
)
def test_conversational_form(text, dct, expected):
    assert [(t.text, t.type, t.value) for t in tag(text, dct)] == expected


# -- traps: what the conversational words must not catch in news ---------------------------------------

@pytest.mark.parametrize(
    "text,dct,word",
    [
        ("وزاد متوسط الأجر في الساعة خمسة سنتات الشهر الماضي.", WED, "خمسة"),  # per hour, not five o'clock
        ("لم يصاحب الإعلان نشر سيرة ذاتية للاثنين.", MON, "للاثنين"),  # for both, not Monday
        ("وتراجعت الأسعار منذ ذلك الحين.", THU, "الحين"),  # since then, not now
        ("تتكرر الحوادث بين الحين والآخر.", WED, "الحين"),  # now and then
        ("تلك قيم غريبة على هذا العصر.", MON, "العصر"),  # this era, not this afternoon
        ("عادت الطيور بعيدين عن بعضنا.. بعدين بما يكفي عن الخطر.", THU, "بعدين"),  # far, not later
    ],
)
def test_not_a_conversational_date(text, dct, word):
    assert not [t.text for t in tag(text, dct) if word in t.text]


def test_a_part_of_day_on_the_left_is_a_whole_word():
    """انفجر ends with the letters of فجر: they are not a part of day before صباح أمس."""
    found = [(t.text, t.value) for t in tag("انفجر صباح أمس لغم أرضي قرب الحدود.", WED)]
    assert found == [("صباح أمس", "2015-07-21TMO")]


def test_first_person_future_reads_the_coming_weekday():
    assert [t.value for t in tag("سأعود إلى المكتب الثلاثاء.", WED)] == ["2015-07-28"]
    # a past verb or an adjective that starts with سا is not سأفعل
    assert [t.value for t in tag("ساعدتهم الشرطة الثلاثاء.", WED)] == ["2015-07-21"]
    assert [t.value for t in tag("وكان 22 سائحا قد تعرضوا يوم الثلاثاء لحادث.", WED)] == ["2015-07-21"]


def test_after_n_units_without_a_future_clause_stays_anchored_to_the_day_in_force():
    """بعد N counts from the DCT only in a future clause; a past narrative keeps the news convention."""
    assert [t.value for t in tag("انهارت الهدنة بعد أسبوعين.", WED)] == [""]
    assert [t.value for t in tag("ستنهار الهدنة بعد أسبوعين.", WED)] == ["2015-W32"]


def test_news_weekend_keeps_end_of_week_without_a_weekend_word():
    """نهاية الأسبوع alone is the week with mod END (the conventions' modifiers), not the weekend."""
    found = [(t.text, t.value, t.mod) for t in tag("تعقد اللجنة اجتماعها نهاية الأسبوع.", WED)]
    assert found == [("نهاية الأسبوع", "2015-W30", "END")]


def test_the_trigger_prefilter_changes_no_result_on_conversational_text(monkeypatch):
    """The new families and dialect words are in the trigger index: skipping families changes nothing."""
    from waqai.extract.patterns import Grammar, grammar

    gold = Path(__file__).resolve().parent.parent / "bench" / "gold" / "timex_conversational.jsonl"
    texts = [(d["text"], date.fromisoformat(d["dct"])) for d in map(json.loads, gold.read_text(encoding="utf-8").splitlines())]
    texts += [(text, dct) for cases in CASES.values() for text, dct, _ in cases]
    filtered = [[t.as_json() for t in tag(text, dct)] for text, dct in texts]
    everything = frozenset(name for name, _ in grammar().families)
    monkeypatch.setattr(Grammar, "families_for", lambda self, sentence: everything)
    assert [[t.as_json() for t in tag(text, dct)] for text, dct in texts] == filtered


def test_every_weekend_and_feast_phrase_wakes_its_family():
    """The trigger words of the weekend and Gregorian feast families cover every phrase of their lexicons."""
    from waqai.extract.patterns import grammar, lexicon

    lx, g = lexicon(), grammar()
    assert all("weekend" in g.families_for(phrase) for phrase in lx.weekend)
    assert all("gregorian_holiday" in g.families_for(phrase) for phrase in lx.gregorian_holidays)
