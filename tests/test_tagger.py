"""The TIMEX3 tagger on expressions written for these tests, family by family."""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract.tagger import tag

D = date(2024, 4, 20)  # a Saturday

CASES = [
    # month systems, pairs, spelling variants
    ("نشر التقرير في أبريل/ نيسان 2019 ثم في إبريل 2020 ثم ابريل 2021.", D,
     [("أبريل/ نيسان 2019", "DATE", "2019-04", None), ("إبريل 2020", "DATE", "2020-04", None), ("ابريل 2021", "DATE", "2021-04", None)]),
    ("وقعت المعركة في جانفي 2015 وفي أفريل 2016 وفي جوان الماضي.", D,
     [("جانفي 2015", "DATE", "2015-01", None), ("أفريل 2016", "DATE", "2016-04", None), ("جوان الماضي", "DATE", "2023-06", None)]),
    ("وصل الوفد في الخامس والعشرين من أيار (مايو) 2022.", None,
     [("الخامس والعشرين من أيار (مايو) 2022", "DATE", "2022-05-25", None)]),
    ("عقد الاجتماع في السابع من تشرين الأول الماضي.", date(2023, 11, 18),
     [("السابع من تشرين الأول الماضي", "DATE", "2023-10-07", None)]),
    ("أعلن ذلك يوم ١٥ آب ٢٠١٩ في بغداد.", None, [("يوم ١٥ آب ٢٠١٩", "DATE", "2019-08-15", None)]),
    ("وأصدرت بيانا في كانون الثاني/ يناير 2020.", None, [("كانون الثاني/ يناير 2020", "DATE", "2020-01", None)]),
    # weekdays and parts of day
    ("أطلقت 5 صواريخ من بلدة زمار الأحد الماضي.", date(2024, 4, 22), [("الأحد الماضي", "DATE", "2024-04-21", None)]),
    ("وقع الحادث مساء الخميس قرب الحدود.", D, [("مساء الخميس", "DATE", "2024-04-18TEV", None)]),
    ("ستعقد الجلسة الأحد المقبل.", D, [("الأحد المقبل", "DATE", "2024-04-21", None)]),
    ("قال في بيان يوم السبت إن القصف توقف.", D, [("يوم السبت", "DATE", "2024-04-20", None)]),
    # relative days
    ("وقع الانفجار فجر اليوم قرب القاعدة.", D, [("فجر اليوم", "DATE", "2024-04-20TMO", None)]),
    ("قال المتحدث مساء أمس إن الوضع هادئ.", D, [("مساء أمس", "DATE", "2024-04-19TEV", None)]),
    ("وصل أول أمس وسيغادر بعد غد.", D, [("أول أمس", "DATE", "2024-04-18", None), ("بعد غد", "DATE", "2024-04-22", None)]),
    ("سيعقد المؤتمر غداً في دمشق.", D, [("غداً", "DATE", "2024-04-21", None)]),
    ("قتل قبل يومين وقبل ثلاثة أسابيع قتل آخر.", D,
     [("قبل يومين", "DATE", "2024-04-18", None), ("وقبل ثلاثة أسابيع", "DATE", "2024-W13", None)]),
    # relative units
    ("تراجعت الهجمات الأسبوع الماضي وارتفعت العام الماضي وقد ترتفع الشهر المقبل.", D,
     [("الأسبوع الماضي", "DATE", "2024-W15", None), ("العام الماضي", "DATE", "2023", None), ("الشهر المقبل", "DATE", "2024-05", None)]),
    ("منذ منتصف عام 2020 وحتى نهاية العام الجاري.", D,
     [("منتصف عام 2020", "DATE", "2020", "MID"), ("نهاية العام الجاري", "DATE", "2024", "END")]),
    ("سجلت الهجمات مطلع الشهر الجاري.", D, [("مطلع الشهر الجاري", "DATE", "2024-04", "START")]),
    # anaphora
    ("اندلعت المعارك عام 1990 وفي الثاني من آب اجتاحت القوات الكويت.", D,
     [("عام 1990", "DATE", "1990", None), ("الثاني من آب", "DATE", "1990-08-02", None)]),
    ("وصل في 10 آذار 2020 وفي اليوم التالي عقد اجتماعا، وفي 15 من الشهر نفسه غادر.", D,
     [("10 آذار 2020", "DATE", "2020-03-10", None), ("اليوم التالي", "DATE", "2020-03-11", None),
      ("15 من الشهر نفسه", "DATE", "2020-03-15", None)]),
    # durations
    ("استمرت المعركة 48 ساعة ثم هدنة لمدة عشرة أيام بعد ثلاثة أشهر من القتال.", D,
     [("48 ساعة", "DURATION", "PT48H", None), ("عشرة أيام", "DURATION", "P10D", None), ("ثلاثة أشهر", "DURATION", "P3M", None)]),
    ("استمر الحصار قرابة عام ونصف.", D, [("قرابة عام ونصف", "DURATION", "P1.5Y", "APPROX")]),
    ("خلال الأشهر الماضية والسنوات الأخيرة تصاعدت الهجمات.", D,
     [("الأشهر الماضية", "DURATION", "PXM", None), ("والسنوات الأخيرة", "DURATION", "PXY", None)]),
    ("خلال اليومين الماضيين وخلال الـ24 ساعة الماضية قتل 3.", D,
     [("اليومين الماضيين", "DURATION", "P2D", None), ("الـ24 ساعة الماضية", "DURATION", "PT24H", None)]),
    ("ضربت القاعدة بعد أقل من 48 ساعة من التهديد.", D, [("أقل من 48 ساعة", "DURATION", "PT48H", "LESS_THAN")]),
    # clock times
    ("وقع الحادث الساعة 18:42 يوم الجمعة.", D,
     # the day of a clock time is the day in its phrase
     [("الساعة 18:42 يوم الجمعة", "TIME", "2024-04-19T18:42", None)]),
    ("انفجرت العبوة الساعة الثانية فجراً.", D, [("الساعة الثانية فجراً", "TIME", "2024-04-20T02:00", None)]),
    # references
    ("أعلنت الوزارة حالياً أن الهجمات توقفت حتى الآن.", D,
     [("حالياً", "DATE", "PRESENT_REF", None), ("الآن", "DATE", "PRESENT_REF", None)]),
    ("وما جرى قبل قليل هو البداية.", D, [("قبل قليل", "DATE", "PAST_REF", None)]),
    # Hijri
    ("توفي في 18 شوال 1445 هـ.", None, [("18 شوال 1445 هـ", "DATE", "2024-04-27", None)]),
    ("في رمضان الماضي زار المدينة.", date(2024, 6, 1), [("رمضان الماضي", "DATE", "2024-03", None)]),
    # numeric dates
    ("وقع الهجوم في 2024/02/09 ثم في 21-04-2016 وأيضا 3/1/2020 و 13/5/2020.", D,
     [("2024/02/09", "DATE", "2024-02-09", None), ("21-04-2016", "DATE", "2016-04-21", None),
      ("3/1/2020", "DATE", "2020-01-03", None), ("13/5/2020", "DATE", "2020-05-13", None)]),
    # seasons, quarters, decades, years
    ("سجلت الأرقام في الربع الأول من عام 2024 وصيف 2014 والشتاء الماضي.", D,
     [("الربع الأول من عام 2024", "DATE", "2024-Q1", None), ("وصيف 2014", "DATE", "2014-SU", None),
      ("والشتاء الماضي", "DATE", "2023-WI", None)]),
    ("شهدت الثمانينيات حربا طويلة وفي تسعينيات القرن الماضي حصارا.", D,
     [("الثمانينيات", "DATE", "198", None), ("تسعينيات القرن الماضي", "DATE", "199", None)]),
    ("سنة 1258م سقطت بغداد.", None, [("سنة 1258م", "DATE", "1258", None)]),
    ("قتل ثلاثة أشخاص في 2003 خلال الغزو.", D, [("2003", "DATE", "2003", None)]),
    # not dates
    ("نشر 2500 جندي في العراق و900 جندي في سوريا.", D, []),
    ("صدر القرار 2254 عن مجلس الأمن.", D, []),
    ("هاجمت الفرقة 17 مواقع قرب البرج 22 وعرضت القناة 12 طائرات F-16 وبنادق M4.", D, []),
    ("مارس الحزب ضغطا على الحكومة.", D, []),
    ("قال الأمين العام السابق إن الأمين العام الحالي مخطئ.", D, []),
    ("يحتفل باليوم العالمي للمرأة.", D, []),
    ("في 31 شباط وقع شيء غريب.", D, []),
    ("قتل 4 من عناصرها في غارة.", D, []),
]


@pytest.mark.parametrize("text,dct,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_expressions(text, dct, expected):
    found = [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]
    assert found == expected


def test_spans_index_the_original_text_with_harakat_and_tatweel():
    text = "وقع الهجومُ يومَ الـ١٦ من تشريـن الثاني، حالياً."
    for timex in tag(text, D):
        assert text[timex.start : timex.end] == timex.text
    assert [t.text for t in tag(text, D)] == ["يومَ الـ١٦ من تشريـن الثاني", "حالياً"]


def test_relative_expressions_without_a_publication_date_keep_an_empty_value():
    found = [(t.text, t.value) for t in tag("قال أمس إن اجتماع 5 حزيران 2014 كان مهما.", None)]
    assert found == [("أمس", ""), ("5 حزيران 2014", "2014-06-05")]


def test_intervals_follow_mod_thirds():
    (late_june,) = tag("أواخر يونيو/ حزيران الماضي", date(2021, 8, 11))
    assert (late_june.begin.isoformat(), late_june.last.isoformat()) == ("2021-06-21", "2021-06-30")
    (early_year,) = tag("مطلع عام 2020", None)
    assert (early_year.begin.isoformat(), early_year.last.isoformat()) == ("2020-01-01", "2020-04-30")


def test_weekday_decides_the_year_in_force():
    # 18 November 2014 was a Tuesday: "السبت 18 ..." cannot take 2014 from the previous sentence.
    text = "استولى التنظيم على المدن عام 2014. وفي السبت 18 تشرين الثاني/ نوفمبر عقد اجتماع."
    values = [t.value for t in tag(text, date(2023, 11, 20))]
    assert values == ["2014", "2023-11-18"]


def test_today_inside_a_quote_is_the_day_the_words_were_said():
    text = 'أعلن العراق السبت سقوط ضحايا. وكتبت سنتكوم: "نفذت غارات في العراق اليوم هذه المعلومات خاطئة".'
    assert [t.value for t in tag(text, date(2024, 4, 22))] == ["2024-04-20", "2024-04-20"]


def test_empty_and_dateless_text():
    assert tag("", D) == []
    assert tag("لا تاريخ في هذه الجملة.", D) == []


def test_a_part_of_day_inside_a_feasts_name_is_no_part_of_day():
    # ضحى (forenoon) is also the end of الأضحى: it widens a date only as a word of its own.
    text = "وتبدأ إجازة عيد الأضحى يوم 4 / 12 / 1436 هـ في جميع المدارس."
    found = [(t.text, t.value) for t in tag(text, date(2015, 7, 22))]
    assert ("يوم 4 / 12 / 1436 هـ", "2015-09-17") in found
    assert all(not t.startswith("ضحى") for t, _ in found)
    # A real forenoon still widens the date.
    (forenoon,) = tag("وصل الوفد ضحى يوم 4 / 12 / 1436 هـ.", date(2015, 7, 22))
    assert (forenoon.text, forenoon.value) == ("ضحى يوم 4 / 12 / 1436 هـ", "2015-09-17TMO")
