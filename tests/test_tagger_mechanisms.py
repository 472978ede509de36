"""Round 3 on unseen news: mechanisms that cover a class of forms (sentences written for these
tests, no article text). Each group names the shape it covers, not one phrase."""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract.tagger import tag

D = date(2015, 7, 22)  # a Wednesday, 6 Shawwal 1436

CASES = [
    # accusative plural units are adverbs of time by their ending alone (no preposition, no adjective)
    ("أمضى السجين شهورا في حفر النفق تحت الزنزانة.", D, [("شهورا", "DURATION", "PXM", None)]),
    ("قضى المهاجرون أياما في العراء قبل وصول المساعدات.", D, [("أياما", "DURATION", "PXD", None)]),
    ("عاش الشاعر أعواما في المهجر ثم عاد.", D, [("أعواما", "DURATION", "PXY", None)]),
    # … while the bare nominative plural in a noun phrase stays out
    ("استعاد الكاتب أيام الدراسة في مقاله.", D, []),
    # time adjectives stack after a plural unit: any two of the list make one vague length
    ("شهدت المنطقة خلال الأسابيع الأخيرة الماضية توترا كبيرا.", D,
     [("الأسابيع الأخيرة الماضية", "DURATION", "PXW", None)]),
    ("عانى السكان خلال السنوات الطويلة الماضية من الإهمال.", D,
     [("السنوات الطويلة الماضية", "DURATION", "PXY", None)]),
    # SET by shape: كل + any part of day; a noun of manner + an indefinite recurrence adjective
    ("يتفقد الحارس الزنازين كل ليلة ويمر على البوابة كل مساء.", D,
     [("كل ليلة", "SET", "TNI", None), ("كل مساء", "SET", "TEV", None)]),
    ("تتابع الوزارة الأسعار بشكل يومي وتنشرها بشكل شهري في موقعها.", D,
     [("يومي", "SET", "P1D", None), ("شهري", "SET", "P1M", None)]),
    ("أنهى المتدرب شهري التدريب في الشركة.", D, []),
    # the frequency in a newspaper's name is no recurrence of the event
    ("قال مدير تحرير صحيفة الفجر اليومية إن الطبعة تأخرت.", D, []),
    # a demonstrative before a definite named period is in its span (the value does not change)
    ("استعدت الوزارة لموسم حج هذا العام 1436هـ بخطة جديدة.", D, [("هذا العام 1436هـ", "DATE", "2015", None)]),
    ("قال التاجر إن هذا الشهر الفضيل شهد إقبالا كبيرا على الأسواق.", D,
     [("هذا الشهر الفضيل", "DATE", "2015-07", None)]),
    ("خصصت البلدية لهذا العام 2015 ميزانية أكبر.", D, [("لهذا العام 2015", "DATE", "2015", None)]),
    # an introducing preposition stays out of the span: until now (not "until the last moment")
    ("وحتى اللحظة لم يصدر أي بيان رسمي عن الحادث.", D, [("اللحظة", "DATE", "PRESENT_REF", None)]),
    ("لم تعلن الشرطة حتى الساعة أسماء الضحايا.", D, [("الساعة", "DATE", "PRESENT_REF", None)]),
    ("قاوم الفريق حتى اللحظة الأخيرة من المباراة.", D, []),
    ("يفتح المتجر أبوابه حتى الساعة العاشرة مساء.", D, [("الساعة العاشرة مساء", "TIME", "2015-07-22T22:00", None)]),
    # the named days of the Hajj and of Muharram are Hijri days (the coming one when less than 90 days ahead)
    ("يتوجه الحجاج إلى منى في يوم التروية ثم يقضون أيام التشريق فيها.", D,
     [("يوم التروية", "DATE", "2015-09-21", None), ("أيام التشريق", "DATE", "2015-09-24", None)]),
    # a night named by the two days it joins is one span: the first day's night
    ("أقر البرلمان ليل الجمعة السبت قانونا جديدا.", D, [("ليل الجمعة السبت", "DATE", "2015-07-17TNI", None)]),
    ("وقع الانفجار ليلة الأحد إلى الاثنين قرب السوق.", D,
     [("ليلة الأحد إلى الاثنين", "DATE", "2015-07-19TNI", None)]),
    ("اجتمع المجلس الجمعة ثم السبت.", D, [("الجمعة", "DATE", "2015-07-17", None), ("السبت", "DATE", "2015-07-18", None)]),
    # اليوم closing a stretch opened long ago with منذ is now (PRESENT_REF); after منذ أمس it stays today
    ("واصل الكاتب هجومه على الحكومة منذ الثمانينيات وحتى اليوم.", D,
     [("الثمانينيات", "DATE", "198", None), ("اليوم", "DATE", "PRESENT_REF", None)]),
    ("ظلت القضية معلقة منذ عام 2003 إلى اليوم، دون حل.", D,
     [("عام 2003", "DATE", "2003", None), ("اليوم", "DATE", "PRESENT_REF", None)]),
    ("توقفت الرحلات منذ أمس وحتى اليوم.", D, [("أمس", "DATE", "2015-07-21", None), ("اليوم", "DATE", "2015-07-22", None)]),
    # قبل + a length in a negated clause (لا, لن) is "not before N have passed": a DURATION without قبل
    ("قالت المنظمة إنه لا يمكن معرفة حجم الخسائر قبل بضعة أيام.", D, [("بضعة أيام", "DURATION", "PXD", None)]),
    ("لن تظهر نتائج التحقيق قبل شهرين.", D, [("شهرين", "DURATION", "P2M", None)]),
    ("غادر الوزير البلاد قبل ثلاثة أيام.", D, [("قبل ثلاثة أيام", "DATE", "2015-07-19", None)]),
    ("لم يصل الوفد إلا قبل يومين.", D, [("قبل يومين", "DATE", "2015-07-20", None)]),
    ("تحسنت الأسواق لا سيما قبل ثلاثة أيام.", D, [("قبل ثلاثة أيام", "DATE", "2015-07-19", None)]),
    # a time adjective heading a plural time noun is a vague reference, its direction from the head
    ("سيتم إسناد المشروع لمستثمر في مقبل الأيام.", D, [("مقبل الأيام", "DATE", "FUTURE_REF", None)]),
    ("كانت القرية في سالف الأزمان مركزا للتجارة.", D, [("سالف الأزمان", "DATE", "PAST_REF", None)]),
    # an indefinite day: coming in a modal or future clause, past otherwise; a bare يوما only after a modal
    ("لا تحرق الجسور، فربما تحتاجها للعودة يومًا ما.", D, [("يومًا ما", "DATE", "FUTURE_REF", None)]),
    ("اشترى صديقي ذات يوم لبنا من السوق.", D, [("ذات يوم", "DATE", "PAST_REF", None)]),
    ("هذا اتفاق يمكن أن يحيي يوماً الأمل في المنطقة.", D, [("يوماً", "DATE", "FUTURE_REF", None)]),
    ("فقد رأوا يوماً في حقيبتها رسالة.", D, []),
    ("قد يستمر الاجتماع يوما كاملا.", D, [("يوما", "DURATION", "P1D", None)]),
    ("تتحسن الحال يوما بعد يوم.", D, []),
    # the word شهر before a month name makes it the month whatever adjective follows (not a name)
    ("أودعت الإدارة راتب شهر مايو المتبقي للاعبين.", D, [("شهر مايو", "DATE", "2015-05", None)]),
    ("قصفت الطائرات مفاعل تموز العراقي.", D, []),
    # a year closing a name headed by a noun that takes a year (through definite words)
    ("فازت الهيئة بجائزة الحكومة الذكية 2015 عن تطبيقها.", D, [("2015", "DATE", "2015", None)]),
    ("تراجعت الإيرادات عن العام المالي 2013 بنسبة قليلة.", D, [("2013", "DATE", "2013", None)]),
    ("بلغ عدد الطلاب المسجلين 2015 طالبا.", D, []),
    # a year restated after a relative month is in its span, a count after it is not
    ("زار المعرض 900 ألف زائر خلال شهر مايو الماضي 2015 مقابل 700 ألف.", D,
     [("شهر مايو الماضي 2015", "DATE", "2015-05", None)]),
    ("بلغ عدد الفروع بنهاية شهر مايو الماضي 1959 فرعا.", D, [("بنهاية شهر مايو الماضي", "DATE", "2015-05", "END")]),
    # the era tail, definite too, is in the span of any dated family and decides the calendar
    ("صدر القرار في 15 شوال 1436 الهجري.", D, [("15 شوال 1436 الهجري", "DATE", "2015-07-31", None)]),
    ("تأسست المدرسة في 1420 الهجري.", D, [("1420 الهجري", "DATE", "1999", None)]),
    ("بنيت القلعة في عام 1750 الميلادي.", D, [("عام 1750 الميلادي", "DATE", "1750", None)]),
    # a quantity word makes a definite dual a length, like قرابة العام
    ("استمرت المفاوضات قرابة الشهرين تقريبا.", D, [("قرابة الشهرين تقريبا", "DURATION", "P2M", "APPROX")]),
    # من الزمن after a length is a filler, not the event it counts from
    ("قبل عامين من الزمن كان الوضع مختلفا.", D, [("قبل عامين", "DATE", "2013", None)]),
    ("قبل عامين من الحرب كان الوضع مختلفا.", D, [("عامين", "DURATION", "P2Y", None)]),
    # an ordinal week of a Hijri month: the ISO week of the middle of its n-th seven days
    ("تزداد الحجوزات في الأسبوع الأول من رمضان.", D, [("الأسبوع الأول من رمضان", "DATE", "2015-W25", None)]),
    ("ستبدأ الرحلات في الأسبوع الثاني من ذي الحجة المقبل.", D,
     [("الأسبوع الثاني من ذي الحجة المقبل", "DATE", "2015-W39", None)]),
    # decades: counted plural with a time adjective, the era tail, two units ahead
    ("على مدى العقود الثلاثة الماضية تغيرت المدينة.", D, [("العقود الثلاثة الماضية", "DURATION", "P30Y", None)]),
    ("وقعت الشركة العقود الثلاثة مع الموردين.", D, []),
    ("بدأت الهجرة إلى المدن في الستينات الميلادية.", D, [("الستينات الميلادية", "DATE", "196", None)]),
    ("انتشرت الكتاتيب في الثمانينات الهجرية.", D, []),
    ("تنطلق البطولة في العام بعد المقبل.", D, [("العام بعد المقبل", "DATE", "2017", None)]),
    ("يعود الوفد الأسبوع بعد القادم.", D, [("الأسبوع بعد القادم", "DATE", "2015-W32", None)]),
    # a feast without a year in a sentence about a habit is the feast in general
    ("شاركت الأسر المنتجة في احتفالات العيد كل عام.", D, [("كل عام", "SET", "P1Y", None)]),
    ("اعتادت الشركة على إقامة الحفل بعد إجازة عيد الفطر المبارك.", D, []),
    ("احتفل الأهالي بعيد الفطر وسط أجواء مبهجة.", D, [("بعيد الفطر", "DATE", "2015-07-17", None)]),
    # one unit after the partitive منها is a part of the length just written
    ("قضت المحكمة بسجنه ثماني سنوات منها سنة بموجب نظام الجرائم المعلوماتية.", D,
     [("ثماني سنوات", "DURATION", "P8Y", None), ("سنة", "DURATION", "P1Y", None)]),
    ("حصل الفريق على ثلاث جوائز منها جائزة الإبداع.", D, []),
    # العيد after a noun of goods is the feast as a kind; the joy of the feast is the day
    ("ينفق المستهلكون مبالغ كبيرة على شراء ملابس العيد وحلوى العيد.", D, []),
    ("شارك الأطفال المرضى فرحة العيد في المستشفى.", D, [("العيد", "DATE", "2015-07-17", None)]),
    # بعد + a length as the predicate of a definite subject heading its clause looks ahead from the writing day
    ("الاجتماع بعد يومين في مقر الوزارة.", D, [("بعد يومين", "DATE", "2015-07-24", None)]),
    ("عاد اللاعب إلى الملعب بعد يومين.", D, [("بعد يومين", "DATE", "", None)]),
    # اليوم heading its sentence before و + a framing word sets the present against the past
    ("تعثر المشروع طويلا. اليوم وبعد مضي عشر سنوات على إطلاقه بدأت ثماره تظهر.", D,
     [("اليوم", "DATE", "PRESENT_REF", None), ("عشر سنوات", "DURATION", "P10Y", None)]),
    ("قال الوزير: اليوم وفي هذه الجلسة نعلن النتائج.", D, [("اليوم", "DATE", "2015-07-22", None)]),
    ("يفتح المعرض أبوابه اليوم وغدا للزوار.", D, [("اليوم", "DATE", "2015-07-22", None), ("وغدا", "DATE", "2015-07-23", None)]),
    # a part of day before the first day of a list is in its span
    ("يتساقط الشهب بكثافة فجر 13 و 14 أغسطس.", D,
     [("فجر 13", "DATE", "2015-08-13TMO", None), ("14 أغسطس", "DATE", "2015-08-14", None)]),
    # the last decade after a time preposition is a length; after a verb it is a contract
    ("عمل خلال العقد المنصرم نحو 200 محقق في القضية.", D, [("العقد المنصرم", "DURATION", "P10Y", None)]),
    ("فسخ النادي العقد الماضي مع اللاعب.", D, []),
    ("يعود الوفد الأسبوع ما بعد المقبل.", D, [("الأسبوع ما بعد المقبل", "DATE", "2015-W32", None)]),
    # a greeting is no habit, and this year's feast is one day even in a sentence that says كل عام
    ("كل عام وأنتم بخير، عاد الموظفون اليوم بعد إجازة العيد المبارك.", D,
     [("اليوم", "DATE", "2015-07-22", None), ("إجازة العيد", "DATE", "2015-07-17", None)]),
    ("تتكرر المشكلة كل عام لكنها في هذا العام أكبر لأن الإجازة بدأت مع أيام عيد الفطر.", D,
     [("كل عام", "SET", "P1Y", None), ("هذا العام", "DATE", "2015", None), ("أيام عيد الفطر", "DATE", "2015-07-17", None)]),
    # a negation far back in a long clause does not reach قبل; حتى الساعة before a part of day is a clock time
    ("فاز النادي بأول بطولة لا يضاهيه فيها أحد من الأندية في تاريخ الحركة الرياضية السعودية الحديثة كلها قبل 59 عاما.", D,
     [("قبل 59 عاما", "DATE", "1956", None)]),
    ("بلغ عدد المراجعين حتى الساعة مساء أمس 354 ألف شخص.", D, [("مساء أمس", "DATE", "2015-07-21TEV", None)]),
    ("لم تصدق نفسها حتى اللحظة الحالية.", D, [("اللحظة الحالية", "DATE", "PRESENT_REF", None)]),
]


@pytest.mark.parametrize("text,dct,expected", CASES)
def test_mechanisms(text, dct, expected):
    got = [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]
    assert got == expected
