"""Round 4 on unseen news: gaps in known families found on held-out articles, covered as shapes
(sentences written for these tests, no article text)."""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract.tagger import tag

D = date(2015, 7, 22)  # a Wednesday, 6 Shawwal 1436

CASES = [
    # اليوم before the preposition إلى is today: إلى is no adjective of اليوم (اليوم الأول is)
    ("وصل الوفد اليوم إلى المطار الدولي قادما من القاهرة.", D, [("اليوم", "DATE", "2015-07-22", None)]),
    ("عاد اللاعبون اليوم الى الرياض بعد المعسكر.", D, [("اليوم", "DATE", "2015-07-22", None)]),
    ("يبقى اليوم الأول من المعرض للمدعوين فقط.", D, []),
    # a half after a counted unit, in the accusative too
    ("أمضى المعتقل عامين ونصفا في السجن قبل الإفراج عنه.", D, [("عامين ونصفا", "DURATION", "P2.5Y", None)]),
    ("انتظر الركاب ثلاث ساعات ونصفا في الصالة.", D, [("ثلاث ساعات ونصفا", "DURATION", "PT3.5H", None)]),
    # an indefinite coming period is a vague future, with or without a proclitic
    ("أغلقت البلدية السوق لفترة مقبلة بسبب أعمال الصيانة.", D, [("لفترة مقبلة", "DATE", "FUTURE_REF", None)]),
    ("تأجل المشروع إلى فترة قادمة لم تحدد.", D, [("فترة قادمة", "DATE", "FUTURE_REF", None)]),
    # the noon hours with the article (الظهيرة) are a part of day like الظهر: alone, the day of the sentence
    ("قتل شخصان الخميس، ثم أصيب ثالث بعد الظهيرة.", D, [("الخميس", "DATE", "2015-07-16", None),
                                                   ("بعد الظهيرة", "DATE", "2015-07-16TAF", None)]),
    ("وتبدأ جلسات اليوم في فترة ما بعد الظهيرة.", D, [("اليوم", "DATE", "2015-07-22", None),
                                                  ("فترة ما بعد الظهيرة", "DATE", "2015-07-22TAF", None)]),
    # a length named by مدته/مدتها + a bare singular unit
    ("أطلقت الجامعة برنامجا مدته عام لتأهيل المعلمين.", D, [("عام", "DURATION", "P1Y", None)]),
    ("وقع الطرفان عقدا مدته شهر واحد قابلا للتجديد.", D, [("شهر واحد", "DURATION", "P1M", None)]),
    # a bracketed (ص)/(م) after a clock time is its half of the day, in the span
    ("يفتح المتحف أبوابه الساعة 9 (ص) ويغلقها الساعة 6 (م) يوميا.", D,
     [("الساعة 9 (ص)", "TIME", "2015-07-22T09:00", None), ("الساعة 6 (م)", "TIME", "2015-07-22T18:00", None),
      ("يوميا", "SET", "P1D", None)]),
    ("تبدأ المباراة الساعة 12 م وتنتهي الساعة 2 م، ويفتح الملعب الساعة 10 ص.", D,
     [("الساعة 12 م", "TIME", "2015-07-22T12:00", None), ("الساعة 2 م", "TIME", "2015-07-22T14:00", None),
      ("الساعة 10 ص", "TIME", "2015-07-22T10:00", None)]),
    # alone, م after a year is the era, not a half of the day
    ("تأسست الشركة عام 2010 م في جدة.", D, [("عام 2010 م", "DATE", "2010", None)]),
    # إلى is no definite noun in construct with a length before it (منذ سنوات الطفرة is)
    ("وصل الوفد قبل أيام إلى العاصمة في زيارة رسمية.", D, [("قبل أيام", "DATE", "PAST_REF", None)]),
    # in reported speech, اليوم with the writing day's weekday is the writing day, not the last day written
    ('أتم المواطن الفحص في 19 رمضان. وأضاف: "راجعت الشركة اليوم الأربعاء وفوجئت بأن النظام معطل".', D,
     [("19 رمضان", "DATE", "2015-07-06", None), ("اليوم الأربعاء", "DATE", "2015-07-22", None)]),
    ('اجتمع المجلس في 19 رمضان. وقال الوزير: "نعلن اليوم نتائج التحقيق".', D,
     [("19 رمضان", "DATE", "2015-07-06", None), ("اليوم", "DATE", "2015-07-06", None)]),
    # a scale word multiplies the number before it; lengths that long are years older than any date
    ("تكونت الصخور قبل نحو 32 ألف سنة في المنطقة.", D, [("نحو 32 ألف سنة", "DURATION", "P32000Y", "APPROX")]),
    ("تشكلت الأرض قبل 4.5 مليار عام تقريبا.", D, [("4.5 مليار عام تقريبا", "DURATION", "P4500000000Y", "APPROX")]),
    ("عاشت القبيلة في الوادي ثلاثة آلاف سنة.", D, [("ثلاثة آلاف سنة", "DURATION", "P3000Y", None)]),
    # … but thousands of hours are an amount of work
    ("تطوع الشباب 20 ألف ساعة في المخيمات.", D, []),
    # من الزمن after a unit makes it a length (عقد is also a contract)
    ("استمر الجفاف عقدا من الزمن في الإقليم.", D, [("عقدا", "DURATION", "P10Y", None)]),
    ("وقع النادي عقدا مع اللاعب الجديد.", D, []),
    ("ظهرت الأعراض خلال ساعات قلائل من الإصابة.", D, [("ساعات قلائل", "DURATION", "PTXH", None)]),
    # من الآن after قبل/بعد + a length counts it from the writing day, in the span; من + an event does not
    ("أمر الملك بذلك قبل أكثر من شهرين من الآن.", D, [("قبل أكثر من شهرين من الآن", "DATE", "2015-05", "MORE_THAN")]),
    ("وقع الحادث في 2010. وبعد عامين من الآن سيفتتح المتحف.", D,
     [("2010", "DATE", "2010", None), ("وبعد عامين من الآن", "DATE", "2017", None)]),
    ("أعلن ذلك قبل يومين من الحادث.", D, [("يومين", "DURATION", "P2D", None)]),
    ("بني المستشفى قبل قرن من الآن.", D, [("قبل قرن من الآن", "DATE", "1915", None)]),
    # شهر + a month number and a year is that month
    ("سددت الشركة الرواتب حتى شهر 5/2015 فقط.", D, [("شهر 5/2015", "DATE", "2015-05", None)]),
]


@pytest.mark.parametrize("text,dct,expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_round4(text, dct, expected):
    got = [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]
    assert got == expected
