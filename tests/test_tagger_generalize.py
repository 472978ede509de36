"""Generalization cases written for these tests (no article text): families the
development gold saw rarely — halves of a year, a relative year with its Hijri number,
SET forms and clock times."""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract.tagger import tag

D = date(2015, 7, 24)  # a Friday

CASES = [
    # halves of a year: only with a year (not the half of a match)
    ("ارتفعت المبيعات خلال النصف الأول من العام الجاري بنسبة كبيرة.", D,
     [("النصف الأول من العام الجاري", "DATE", "2015-H1", None)]),
    ("ربحت الشركة في النصف الثاني من 2014 ثم في النصف الأول من هذا العام.", D,
     [("النصف الثاني من 2014", "DATE", "2014-H2", None), ("النصف الأول من هذا العام", "DATE", "2015-H1", None)]),
    ("تقدم الفريق بهدف في النصف الأول من المباراة.", D, []),
    # a relative year followed by its Hijri number is one Hijri year
    ("بلغ عدد الطلبات في العام الجاري 1436 هـ أكثر من ألف طلب.", D,
     [("العام الجاري 1436 هـ", "DATE", "2015", None)]),
    ("نما الاقتصاد العام الماضي 2014 بنسبة قليلة.", D, [("العام الماضي 2014", "DATE", "2014", None)]),
    # adjectives of recurrence are SET, except after a rate or a superlative
    ("يتقاضى كل متدرب مكافأة شهرية ويحضر الاجتماع الأسبوعي.", D,
     [("شهرية", "SET", "P1M", None), ("الأسبوعي", "SET", "P1W", None)]),
    ("واصل اللاعبون تمارينهم اليومية في الملعب.", D, [("اليومية", "SET", "P1D", None)]),
    ("نما الإنتاج بمعدل سنوي مرتفع.", D, []),
    ("سجلت العملة أكبر خسارة يومية لها.", D, []),
    ("افتتح المعرض يومي 3 و4 مايو.", D, [("يومي 3", "DATE", "2015-05-03", None), ("4 مايو", "DATE", "2015-05-04", None)]),
    # a weekday with its own offset before a written date is one span; the date decides
    ("تفتتح القاعة يوم السبت المقبل 9 شوال 1436، الموافق 25 يوليو 2015م، كما تقرر.", D,
     [("يوم السبت المقبل 9 شوال 1436، الموافق 25 يوليو 2015م", "DATE", "2015-07-25", None)]),
    ("عاد الوفد الخميس الماضي 23 يوليو.", D, [("الخميس الماضي 23 يوليو", "DATE", "2015-07-23", None)]),
    # an ambiguous Hijri month after a noun that takes the month (not a person's name)
    ("تزدحم الأسواق في ليالي رمضان عادة.", D, [("رمضان", "DATE", "2015-07", None)]),
    ("فاز الممثل محمد رمضان بالجائزة.", D, []),
    # a bare hour with a part-of-day adverb after a range word is a clock time; a count is not
    ("تفتح القاعة من 8 صباحا إلى 2 ظهرا وحتى 11 مساء.", D,
     [("8 صباحا", "TIME", "2015-07-24T08:00", None), ("2 ظهرا", "TIME", "2015-07-24T14:00", None),
      ("11 مساء", "TIME", "2015-07-24T23:00", None)]),
    ("أصيب 10 مساء أمس في الحادث.", D, [("مساء أمس", "DATE", "2015-07-23TEV", None)]),
    # a part of day earlier in the clause sets the half of the day of a clock time without one
    ("وقع عصر اليوم في تمام الساعة 5:30 حادث سير.", D,
     [("عصر اليوم", "DATE", "2015-07-24TAF", None), ("الساعة 5:30", "TIME", "2015-07-24T17:30", None)]),
    # "X after X" is "progressively", a light-year a distance: no time
    ("تتحسن الخدمات عاما بعد عام ويوما بعد يوم.", D, []),
    ("رصد الفلكيون مجرة على بعد 900 سنة ضوئية.", D, []),
    ("غادر بعد يوم من الحادث.", D, [("يوم", "DURATION", "P1D", None)]),
    # an ordinal week of a month is one span: the ISO week holding the middle of those seven days
    ("تنطلق الدورة في الأسبوع الأول من الشهر المقبل.", date(2015, 7, 22),
     [("الأسبوع الأول من الشهر المقبل", "DATE", "2015-W32", None)]),
    ("أغلق المصنع في الأسبوع الأخير من يونيو الماضي.", date(2015, 7, 22),
     [("الأسبوع الأخير من يونيو الماضي", "DATE", "2015-W26", None)]),
    ("وصل الوفد في الأسبوع الأول من مارس 2014.", D, [("الأسبوع الأول من مارس 2014", "DATE", "2014-W10", None)]),
    # a list of weekdays ending with one plural offset: each day takes it (and is no SET)
    ("تعقد الورشة أيام السبت والأحد والاثنين المقبلة.", date(2015, 7, 22),
     [("السبت", "DATE", "2015-07-25", None), ("والأحد", "DATE", "2015-07-26", None),
      ("والاثنين المقبلة", "DATE", "2015-07-27", None)]),
    ("زار الوزير المنطقة الأحد والاثنين الماضيين.", date(2015, 7, 22),
     [("الأحد", "DATE", "2015-07-19", None), ("والاثنين الماضيين", "DATE", "2015-07-20", None)]),
    ("أقيمت الصلاة الجمعة الماضية.", date(2015, 7, 22), [("الجمعة الماضية", "DATE", "2015-07-17", None)]),
    ("يفتح المتحف أيام الجمعة للزوار.", D, [("أيام الجمعة", "SET", "XXXX-WXX-5", None)]),
    # bracketed Hijri and Gregorian equivalents are one span; a month name between slashes; an en dash
    ("تسري الهدنة من يوم الأحد (10 شوال 1436هـ) الموافق (26 يوليو 2015) لمدة أسبوع.", D,
     [("يوم الأحد (10 شوال 1436هـ) الموافق (26 يوليو 2015)", "DATE", "2015-07-26", None),
      ("أسبوع", "DURATION", "P1W", None)]),
    ("تسري الهدنة من يوم الأحد (10/شوال/ 1436هـ) الموافق (26/7/2015).", D,
     [("يوم الأحد (10/شوال/ 1436هـ) الموافق (26/7/2015)", "DATE", "2015-07-26", None)]),
    ("يستمر التسجيل حتى يوم الثلاثاء الموافق 3 – 11 - 1436هـ.", D,
     [("يوم الثلاثاء الموافق 3 – 11 - 1436هـ", "DATE", "2015-08-18", None)]),
    ("فاز الفريق 3- صفر على ضيفه.", D, []),
    # لمدة/مدة introduce a single unit (the grammar is matched on folded text: مده)
    ("سافر الوزير لمدة شهر وبقي مدة عام كامل.", D,
     [("شهر", "DURATION", "P1M", None), ("عام", "DURATION", "P1Y", None)]),
    # literals written unfolded (حتى, على) never matched the folded text
    ("تمتد الخطة حتى 2020 وفق البيان.", D, [("2020", "DATE", "2020", None)]),
    # على after قبل + amount is not "before X" (قال قبل ثلاثة أسابيع على محطة …): the date stays
    ("قال قبل ثلاثة أسابيع على محطة التلفزيون إن الاتفاق قريب.", D,
     [("قبل ثلاثة أسابيع", "DATE", "2015-W27", None)]),
    # the unit before the last: قبل الماضي is two back
    ("ارتفعت الأسعار الشهر قبل الماضي وانخفضت في السنة قبل الماضية.", date(2015, 7, 22),
     [("الشهر قبل الماضي", "DATE", "2015-05", None), ("السنة قبل الماضية", "DATE", "2013", None)]),
    ("وقع الحادث الأسبوع قبل الماضي.", date(2015, 7, 22), [("الأسبوع قبل الماضي", "DATE", "2015-W28", None)]),
    # كل + a bare weekday, season or part of day is a SET; a greeting is not
    ("يصوم كل خميس ويسافر كل صيف ويتمرن كل صباح.", D,
     [("كل خميس", "SET", "XXXX-WXX-4", None), ("كل صيف", "SET", "XXXX-SU", None), ("كل صباح", "SET", "TMO", None)]),
    ("تتكرر الزيارة كل ليلة.", D, [("كل ليلة", "SET", "TNI", None)]),  # a part of day, like كل صباح
    ("كل جمعة وأنتم بخير.", D, []),
    # الشهري is a family name; a level (مستوى شهري) is a rate
    ("قال المتحدث علي الشهري إن الصادرات بلغت مستوى شهري قياسي.", D, []),
    # a range of hours shares the part of day written after its second hour
    ("تقام الورش (من 5 إلى 9 مساء) وتفتح القاعة من الساعة الرابعة وحتى العاشرة مساء.", D,
     [("5", "TIME", "2015-07-24T17:00", None), ("9 مساء", "TIME", "2015-07-24T21:00", None),
      ("الساعة الرابعة", "TIME", "2015-07-24T16:00", None), ("العاشرة مساء", "TIME", "2015-07-24T22:00", None)]),
    ("يعمل المكتب من 10 إلى 2 ظهرا.", D, [("10", "TIME", "2015-07-24T10:00", None), ("2 ظهرا", "TIME", "2015-07-24T14:00", None)]),
    ("فاز الفريق 2-1 مساء الجمعة.", D, [("مساء الجمعة", "DATE", "2015-07-24TEV", None)]),
    # more ways to say "soon"; منذ وقت قريب is "recently"
    ("ستعلن اللجنة النتائج في القريب العاجل أو عما قريب.", D,
     [("القريب العاجل", "DATE", "FUTURE_REF", None), ("عما قريب", "DATE", "FUTURE_REF", None)]),
    ("تغير الوضع منذ وقت قريب.", D, [("وقت قريب", "DATE", "PAST_REF", None)]),
    # غرة is the first day; a Hijri month "of last/next year" counts Hijri years from the DCT's
    ("تبدأ الدراسة غرة ذي القعدة.", D, [("غرة ذي القعدة", "DATE", "2015-08-16", None)]),
    ("ارتفعت الأسعار خلال شهر ذي الحجة من العام الماضي.", D,
     [("شهر ذي الحجة من العام الماضي", "DATE", "2014-10", None)]),
    # the last/first ten days of a month are its END/START
    ("يكثر المعتمرون في العشر الأواخر من رمضان.", D, [("العشر الأواخر من رمضان", "DATE", "2015-07", "END")]),
    ("يصوم العشر الأوائل من ذي الحجة.", D, [("العشر الأوائل من ذي الحجة", "DATE", "2015-09", "START")]),
    # the first/last three or six months of a year are its quarter or half
    ("نمت الأرباح خلال الأشهر الستة الأولى من العام الجاري وتراجعت في الأشهر الثلاثة الأخيرة من 2014.", D,
     [("الأشهر الستة الأولى من العام الجاري", "DATE", "2015-H1", None),
      ("الأشهر الثلاثة الأخيرة من 2014", "DATE", "2014-Q4", None)]),
    ("ارتفعت الأسعار خلال الأشهر الستة الماضية.", D, [("الأشهر الستة الماضية", "DURATION", "P6M", None)]),
    # a score written like a slashed Hijri day stays out; a half with its year puts the year in force
    ("فاز الفريق على ضيفه 4/ صفر، وتأهل.", D, []),
    ("ترفع القيود في النصف الأول من العام 2016 ثم نهائيا في شهر ديسمبر.", D,
     [("النصف الأول من العام 2016", "DATE", "2016-H1", None), ("شهر ديسمبر", "DATE", "2016-12", None)]),
    # a number before a currency is an amount, not a year; حتى وقت قريب is "until recently"
    ("تتراوح الأسعار بين 200 ريال وحتى 1500 ريال.", D, []),
    ("كان ذلك ممنوعا حتى وقت قريب.", D, [("وقت قريب", "DATE", "PAST_REF", None)]),
    # اليوم as "nowadays": after a verb of becoming, or set against the past in its sentence
    ("لقد أصبح اليوم العالم قرية صغيرة.", D, [("اليوم", "DATE", "PRESENT_REF", None)]),
    ("يكتب الناس الرسائل اليوم بالهاتف، أما في الماضي فكانوا يكتبونها بالقلم.", D,
     [("اليوم", "DATE", "PRESENT_REF", None), ("الماضي", "DATE", "PAST_REF", None)]),
    ("سيلتقي الوزير نظيره اليوم في الرياض.", D, [("اليوم", "DATE", "2015-07-24", None)]),
    # a single unit with "one" is a length of time, the word "one" in the span
    ("أقرت الشركة إجازة يوم واحد وقضى عاما واحدا في الخارج.", D,
     [("يوم واحد", "DURATION", "P1D", None), ("عاما واحدا", "DURATION", "P1Y", None)]),
    ("احتفل المسلمون ببداية العام الهجري.", D, []),
    # a decade "of his age" is an age, not the 1920s
    ("أصيب شاب في العشرينات من عمره.", D, [("العشرينات من عمره", "DURATION", "P20Y", None)]),
    # minutes written after the hour belong to the clock time
    ("وقع الانفجار الساعة العاشرة و15 دقيقة صباحا وانتهت الهدنة الساعة الحادية عشرة وتسع وخمسين دقيقة مساء.", D,
     [("الساعة العاشرة و15 دقيقة صباحا", "TIME", "2015-07-24T10:15", None),
      ("الساعة الحادية عشرة وتسع وخمسين دقيقة مساء", "TIME", "2015-07-24T23:59", None)]),
    # a weekday before a numeric date is in its span; شهري + an ambiguous Hijri month licenses it
    ("يبدأ التسجيل يوم الخميس 20/10/1436هـ الموافق 6/8/2015م.", D,
     [("يوم الخميس 20/10/1436هـ الموافق 6/8/2015م", "DATE", "2015-08-06", None)]),
    ("ارتفعت المبيعات خلال شهري رمضان وشوال.", D,
     [("شهري رمضان", "DATE", "2015-07", None), ("وشوال", "DATE", "2015-07", None)]),
    # the first day of a list or range takes the Hijri month (and year) of the second
    ("تستمر الدورة من 1 إلى 15 ذي القعدة 1436هـ.", D,
     [("1", "DATE", "2015-08-16", None), ("15 ذي القعدة 1436هـ", "DATE", "2015-08-30", None)]),
    # after اليوم/غد the weekday stays with the relative day (no span starting inside اليوم), and a
    # relative day naming its weekday right before a full date is one span valued by the date
    ("أعلنت الوزارة اليوم الأحد 17/10/1436هـ النتائج.", date(2015, 8, 2),
     [("اليوم الأحد 17/10/1436هـ", "DATE", "2015-08-02", None)]),
    ("تنطلق الدورة يوم غد الخميس 6 أغسطس في المعهد.", date(2015, 8, 5),
     [("يوم غد الخميس 6 أغسطس", "DATE", "2015-08-06", None)]),
    ("يغادر الوفد غدا الأربعاء 20/10/1436هـ إلى جدة.", date(2015, 8, 4),
     [("غدا الأربعاء 20/10/1436هـ", "DATE", "2015-08-05", None)]),
    ("عاد الفريق أمس الاثنين (3 أغسطس) من المعسكر.", date(2015, 8, 4),
     [("أمس الاثنين (3 أغسطس)", "DATE", "2015-08-03", None)]),
    # a paragraph after a section break (***) is text, not a related headline after a bullet
    ("رأي في المشهد العام.\n***\nومن الأمثلة على ذلك التصريحات التي صدرت مؤخرا عن عدد من المسؤولين في القطاع الخاص والعام حول الأسعار.", D,
     [("مؤخرا", "DATE", "PAST_REF", None)]),
    # a day written in a flashback (كان … قد) or a comparison does not date a clock time in a later sentence
    ("وكانت الأسهم قد تراجعت يوم الأحد 2 أغسطس بشدة. وصعدت الأسهم عند الساعة العاشرة صباحا.", date(2015, 8, 5),
     [("يوم الأحد 2 أغسطس", "DATE", "2015-08-02", None), ("الساعة العاشرة صباحا", "TIME", "2015-08-05T10:00", None)]),
    ("هبط المؤشر مقارنة بإغلاق يوم الاثنين 3 أغسطس. وعاد للصعود عند الساعة الواحدة ظهرا.", date(2015, 8, 5),
     [("يوم الاثنين 3 أغسطس", "DATE", "2015-08-03", None), ("الساعة الواحدة ظهرا", "TIME", "2015-08-05T13:00", None)]),
    ("افتتح الأمير المعرض يوم الاثنين 3 أغسطس. وألقى كلمة عند الساعة الثامنة مساء.", date(2015, 8, 5),
     [("يوم الاثنين 3 أغسطس", "DATE", "2015-08-03", None), ("الساعة الثامنة مساء", "TIME", "2015-08-03T20:00", None)]),
    # a list of weekdays before الموافق and a list of days: each weekday takes the date in its place
    ("تعقد الندوة يومي الأحد والاثنين الموافق 9 و10 أغسطس.", date(2015, 8, 4),
     [("الأحد", "DATE", "2015-08-09", None), ("والاثنين", "DATE", "2015-08-10", None),
      ("9", "DATE", "2015-08-09", None), ("10 أغسطس", "DATE", "2015-08-10", None)]),
    ("يستقبل المركز الطلاب أيام الأحد والاثنين والثلاثاء الموافق 9 و10 و11 أغسطس.", date(2015, 8, 4),
     [("أيام الأحد", "DATE", "2015-08-09", None), ("والاثنين", "DATE", "2015-08-10", None),
      ("والثلاثاء", "DATE", "2015-08-11", None), ("9", "DATE", "2015-08-09", None),
      ("10", "DATE", "2015-08-10", None), ("11 أغسطس", "DATE", "2015-08-11", None)]),
    # a day list of three or more takes the month of the last
    ("تجرى الاختبارات في 3 و5 و9 سبتمبر المقبل.", date(2015, 8, 4),
     [("3", "DATE", "2015-09-03", None), ("5", "DATE", "2015-09-05", None),
      ("9 سبتمبر المقبل", "DATE", "2015-09-09", None)]),
    # "our time" with a possessive is the present: وقتنا الحالي, عصرنا الحاضر, يومنا هذا
    ("تغيرت عادات الزواج كثيرا في وقتنا الحالي.", D, [("وقتنا الحالي", "DATE", "PRESENT_REF", None)]),
    ("ما زال الجسر القديم صامدا حتى يومنا هذا.", D, [("يومنا هذا", "DATE", "PRESENT_REF", None)]),
    ("تعد البرمجة من أهم المهارات في عصرنا الحاضر.", D, [("عصرنا الحاضر", "DATE", "PRESENT_REF", None)]),
    # future reading: أن + a verb of holding (على أن تقام), a bracketed aside does not end the clause,
    # لن … حتى X (not until X); قبل أن تنطلق stays past
    ("واتفق الاتحادان على أن تقام الدورة (النسخة الثالثة) في أواخر نوفمبر.", date(2015, 8, 2),
     [("أواخر نوفمبر", "DATE", "2015-11", "END")]),
    ("لن تبت اللجنة في طلبات الأندية المتأخرة بشأن العقود الجديدة حتى 20 أكتوبر.", date(2015, 8, 2),
     [("20 أكتوبر", "DATE", "2015-10-20", None)]),
    ("وصل المنتخب قبل أن تنطلق البطولة في أبريل.", date(2015, 8, 2), [("أبريل", "DATE", "2015-04", None)]),
    # an event called upcoming (المقبلة/القادمة) in the clause makes a bare day+month the coming one
    ("وتستضيف الرياض القمة الاقتصادية المقبلة في 12 نوفمبر.", date(2015, 8, 2),
     [("12 نوفمبر", "DATE", "2015-11-12", None)]),
    # a future year of the sentence before does not frame a month told in the past
    ("ويتوقع البنك نمو الاقتصاد في عام 2017. وكان البنك قد خفض توقعاته في مارس.", date(2015, 8, 2),
     [("عام 2017", "DATE", "2017", None), ("مارس", "DATE", "2015-03", None)]),
    # a season of this year / of the current year restated with its number is one span
    ("شارك مئات المتطوعين في برامج صيف هذا العام.", date(2015, 8, 2),
     [("صيف هذا العام", "DATE", "2015-SU", None)]),
    ("تنطلق دورات لصيف العام الجاري 2015م في جدة.", date(2015, 7, 2),
     [("لصيف العام الجاري 2015م", "DATE", "2015-SU", None)]),
    # a century written with digits (not a Hijri one)
    ("تحديات التعليم في القرن الـ21 كثيرة.", D, [("القرن الـ21", "DATE", "20", None)]),
    ("شيد المسجد في القرن 18 الميلادي.", D, [("القرن 18 الميلادي", "DATE", "17", None)]),
    ("عاش العالم في القرن الـ7 الهجري.", D, []),
    # قريبا before إلى جانب (alongside) is "soon"; قريبا إلى/من + a place or person stays "near"
    ("يرجح المحللون خفض الفائدة قريبا إلى جانب إجراءات أخرى.", D, [("قريبا", "DATE", "FUTURE_REF", None)]),
    ("ظل المدرب قريبا إلى اللاعبين.", D, []),
    # سابقا/لاحقا are adverbs after a verb or participle, "former" after a noun or title
    ("كما أوضحنا في التقرير، هذا ما أعلنت سابقا اللجنة.", D, [("سابقا", "DATE", "PAST_REF", None)]),
    ("عاد الموعد المحدد سابقا للاجتماع.", D, [("سابقا", "DATE", "PAST_REF", None)]),
    ("وهي خطوة قد تسهم لاحقا في خفض التكاليف.", D, [("لاحقا", "DATE", "FUTURE_REF", None)]),
    ("حضر اللقاء وزير النقل سابقا ومدربا سابقا للمنتخب.", D, []),
    # قديما is an adverb (in old times) after a verb, an adjective after a noun; an adverb heading a clause
    ("كان الأجداد يستخدمون قديما الفخار.", D, [("قديما", "DATE", "PAST_REF", None)]),
    ("رمم الأهالي بابا قديما للقلعة.", D, []),
    ("رفض الممثل العرض. لاحقا اعترف بخطئه.", D, [("لاحقا", "DATE", "PAST_REF", None)]),
    # هذا + a season is one span: the season the DCT is in, else the coming one
    ("تتوقع الأرصاد أمطارا غزيرة هذا الشتاء.", date(2015, 8, 2), [("هذا الشتاء", "DATE", "2015-WI", None)]),
    ("امتلأت الشواطئ بالزوار هذا الصيف.", date(2015, 8, 2), [("هذا الصيف", "DATE", "2015-SU", None)]),
    # a counted stretch of days or weeks at the start/end of a month or year is that month or year, START/END
    ("ارتفعت المبيعات خلال الأيام العشرة الأولى من الشهر الجاري.", date(2015, 8, 14),
     [("الأيام العشرة الأولى من الشهر الجاري", "DATE", "2015-08", "START")]),
    ("تراجعت الأسعار في الأسابيع الثلاثة الأخيرة من العام الماضي.", date(2015, 8, 14),
     [("الأسابيع الثلاثة الأخيرة من العام الماضي", "DATE", "2014", "END")]),
    # a day after بعد أن or a closing price is background too; the day told before it dates the clock time
    ("تراجع الدولار بعد أن صعد يوم الاثنين 3 أغسطس. وانخفض اليورو عند الساعة 0900 بتوقيت جرينتش.", date(2015, 8, 5),
     [("يوم الاثنين 3 أغسطس", "DATE", "2015-08-03", None),
      ("الساعة 0900 بتوقيت جرينتش", "TIME", "2015-08-05T09:00", None)]),
    ("افتتحت السوق يوم الثلاثاء 4 أغسطس متراجعة عن سعر الإغلاق في 30 يوليو. وبلغ التراجع ذروته عند الساعة 11 صباحا.",
     date(2015, 8, 5),
     [("يوم الثلاثاء 4 أغسطس", "DATE", "2015-08-04", None), ("30 يوليو", "DATE", "2015-07-30", None),
      ("الساعة 11 صباحا", "TIME", "2015-08-04T11:00", None)]),
]


@pytest.mark.parametrize("text,dct,expected", CASES)
def test_generalize(text, dct, expected):
    got = [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]
    assert got == expected


# Round 2 on unseen news (issue 13): families seen in a fresh held-out set, with sentences written here.
CASES_ROUND2 = [
    # an era word after a numeric Hijri date is in its span, and the الموافق pair stays one date
    ("صدر القرار بتاريخ 3/11/1436 هجرية الموافق 18/8/2015.", D,
     [("3/11/1436 هجرية الموافق 18/8/2015", "DATE", "2015-08-18", None)]),
    ("يبدأ التسجيل في 25/10/1436 هجري.", D, [("25/10/1436 هجري", "DATE", "2015-08-10", None)]),
    # a range of lengths written once: the first number borrows the unit of the second
    ("تستمر فترة العلاج من ثلاثة إلى ستة أشهر عادة.", D,
     [("ثلاثة", "DURATION", "P3M", None), ("ستة أشهر", "DURATION", "P6M", None)]),
    ("يحتاج المريض إلى خمسة أو سبعة أيام للتعافي.", D,
     [("خمسة", "DURATION", "P5D", None), ("سبعة أيام", "DURATION", "P7D", None)]),
    ("فاز الفريق بثلاثة أهداف إلى هدف.", D, []),
    # a plural unit with a glued ل (for) or ب (by), or an adjective of quantity, is a length of time
    ("توقف البث لدقائق ثم عاد.", D, [("لدقائق", "DURATION", "PTXM", None)]),
    ("سبق الاتفاق الحرب بسنوات.", D, [("بسنوات", "DURATION", "PXY", None)]),
    ("لم يبق في المدينة سوى ساعات محدودة.", D, [("ساعات محدودة", "DURATION", "PTXH", None)]),
    ("يمتد الدوام لساعات العمل الرسمية.", D, []),
    # بعد N with nothing to count from is the length of time (not an empty date)
    ("تابعت الدراسة المشاركين، وبعد خمس سنوات، أصيب عدد منهم بالمرض.", D,
     [("خمس سنوات", "DURATION", "P5Y", None)]),
    # vague references by shape: a demonstrative of distance + a plural calendar unit (not a singular one,
    # which is the anaphor ذلك اليوم, and not a vague period noun: تلك الفترة, ذلك الوقت are left out)
    ("روى الأهالي ما عاشوه في تلك السنوات من خوف.", D, [("تلك السنوات", "DATE", "PAST_REF", None)]),
    ("وفي تلك الفترة كانت الأسواق مغلقة.", D, []),
    # the noun "the past" after a preposition or before an adjective of worth; not the adjective of a unit
    ("يحن كبار السن إلى الماضي ويتحدثون عنه.", D, [("الماضي", "DATE", "PAST_REF", None)]),
    ("يذكرنا المعرض بالماضي وحكايات الأجداد.", D, [("بالماضي", "DATE", "PAST_REF", None)]),
    ("تعيد هذه البيوت الماضي الجميل للقرية.", D, [("الماضي", "DATE", "PAST_REF", None)]),
    ("ارتفعت الأسعار منذ الشهر الماضي.", D, [("الشهر الماضي", "DATE", "2015-06", None)]),
    # قديما after a definite noun closing its clause is the adverb (an adjective would be indefinite)
    ("تظهر الصور بيوت الطين قديما.", D, [("قديما", "DATE", "PAST_REF", None)]),
    ("أهدى الرجل المتحف سيفا قديما.", D, []),
    # قبل + an unspecified count + a unit is some time ago
    ("وقبل بضعة عقود كانت القرية بلا كهرباء.", D, [("وقبل بضعة عقود", "DATE", "PAST_REF", None)]),
    # هذا اليوم is one span (with a glued ل and a part of day before it), the writing day
    ("تتوقع الأرصاد لهذا اليوم رياحا نشطة على السواحل.", D, [("لهذا اليوم", "DATE", "2015-07-24", None)]),
    ("وقال المتحدث إن الطريق أغلق منذ صباح هذا اليوم.", D, [("صباح هذا اليوم", "DATE", "2015-07-24TMO", None)]),
    # extents: الـ apart from the day, a quarter's year after ل, a local time zone, أيام + a Hijri month, its epithet
    ("تنتهي المهلة في الـ 20 من الشهر الجاري.", D, [("الـ 20 من الشهر الجاري", "DATE", "2015-07-20", None)]),
    ("نمت أرباح البنك بنهاية الربع الثاني للعام 2015م.", D, [("بنهاية الربع الثاني للعام 2015م", "DATE", "2015-Q2", "END")]),
    ("تراجعت المبيعات في الربع الأول لعام 2014.", D, [("الربع الأول لعام 2014", "DATE", "2014-Q1", None)]),
    ("انطلق السباق في الساعة السابعة صباحا بالتوقيت المحلي.", D,
     [("الساعة السابعة صباحا بالتوقيت المحلي", "TIME", "2015-07-24T07:00", None)]),
    ("يكثر الزوار في أيام رمضان عادة.", D, [("أيام رمضان", "DATE", "2015-07", None)]),
    ("تزدحم الأسواق في شهر رمضان المبارك.", D, [("شهر رمضان المبارك", "DATE", "2015-07", None)]),
    # an ambiguous Hijri month after أيام inside its span is the month (not the name رمضان)
    ("اعتاد الأهالي أيام رمضان السهر في الحدائق.", D, [("أيام رمضان", "DATE", "2015-07", None)]),
    # غداة / عشية X with a day in the same clause: that day dates the main event, so it is the value
    ("ونفى الجيش أمس الخبر \"جملة وتفصيلا\" غداة نشر التقرير.", D,
     [("أمس", "DATE", "2015-07-23", None), ("غداة", "DATE", "2015-07-23", None)]),
    ("سقطت المدينة في 3 يوليو 2015، وغداة سقوطها فر السكان.", D,
     [("3 يوليو 2015", "DATE", "2015-07-03", None), ("وغداة", "DATE", "2015-07-04", None)]),
    # the newspaper's name after a glued ل and a curly quote
    ("أوضح المتحدث لـ”عين اليوم” أن العمل مستمر.", D, []),
    # Christmas named with its offset (not عيد الميلاد alone: a birthday)
    ("تستعد المتاجر لموسم عيد الميلاد المقبل بعروض كبيرة.", D, [("عيد الميلاد المقبل", "DATE", "2015-12-25", None)]),
    ("احتفل اللاعب بعيد الميلاد مع أسرته.", D, []),
    # a bare season before إلى, with فصل, and in a sentence that wrote its year
    ("يقضي الطلاب إجازتهم خلال الصيف إلى جانب أسرهم.", D, [("الصيف", "DATE", "2015-SU", None)]),
    ("افتتح المتحف عام 1990 في فصل الشتاء.", D, [("عام 1990", "DATE", "1990", None), ("فصل الشتاء", "DATE", "1990-WI", None)]),
    # a Hijri month written with its year and era mark: the Gregorian month holding its middle
    ("قدم طلبه في 1435/7هـ ولم يتلق ردا حتى 1436/2هـ.", D,
     [("1435/7هـ", "DATE", "2014-05", None), ("1436/2هـ", "DATE", "2014-12", None)]),
    ("ارتفعت النسبة إلى 5/1436 من المجموع.", D, []),
    # an unspecified plural length with القليلة/الطويلة alone (before a relative clause)
    ("يزداد الطلب في الأسابيع القليلة التي تسبق الموسم.", D, [("الأسابيع القليلة", "DURATION", "PXW", None)]),
    # "today's X, tomorrow's Y" is a slogan (a competition's or a lecture's name), neither word a day
    ("أطلق النادي مسابقة «كاتب اليوم نجم الغد» للشباب.", D, []),
    ("يصل الوفد اليوم ويغادر الغد.", D, [("اليوم", "DATE", "2015-07-24", None), ("الغد", "DATE", "2015-07-25", None)]),
    # a singular unit in the accusative after a verb of lasting is a length; a number glued to its unit too
    ("تستمر الدورة التدريبية أسبوعا في مقر المعهد.", D, [("أسبوعا", "DURATION", "P1W", None)]),
    ("أمضى الوفد شهرا في العاصمة.", D, [("شهرا", "DURATION", "P1M", None)]),
    ("لم يتأخر يوما عن عمله.", D, []),
    ("تتفاقم المشكلة يوما بعد يوم.", D, []),
    ("أوقفت الشرطة شابا (19عاما) في الحي.", D, [("19عاما", "DURATION", "P19Y", None)]),
    # "today" in a quotation that names its own yesterday counts from the writing day, not from that yesterday
    ("أعلن المتحدث اليوم الخميس النتائج. وقال “بدأ الفرز أمس الأربعاء واليوم ننتهي منه”.", D,
     [("اليوم الخميس", "DATE", "2015-07-23", None), ("أمس الأربعاء", "DATE", "2015-07-22", None),
      ("واليوم", "DATE", "2015-07-23", None)]),
    # a presentative (ها هي, ها نحن) before اليوم makes it "nowadays"
    ("بعد سنوات من الركود ها هي اليوم المدينة تستعيد حيويتها.", D,
     [("سنوات", "DURATION", "PXY", None), ("اليوم", "DATE", "PRESENT_REF", None)]),
    # a counted stretch at the start of a Hijri month is the month, START (الأولى is no day number)
    ("تزداد أعداد المعتمرين في الأيام العشرة الأولى من رمضان.", D,
     [("الأيام العشرة الأولى من رمضان", "DATE", "2015-07", "START")]),
    ("بدأ الصيام في الأول من رمضان.", D, [("الأول من رمضان", "DATE", "2015-06-18", None)]),
    # a part of day before an anaphoric day keeps its part of day
    ("وقع الحادث يوم الأربعاء، وفي صباح اليوم التالي وصل المحققون.", D,
     [("يوم الأربعاء", "DATE", "2015-07-22", None), ("صباح اليوم التالي", "DATE", "2015-07-23TMO", None)]),
    ("نودع شهر رمضان هذا اليوم بقلوب حزينة.", D, [("شهر رمضان", "DATE", "2015-07", None), ("هذا اليوم", "DATE", "2015-07-24", None)]),
]


@pytest.mark.parametrize("text,dct,expected", CASES_ROUND2)
def test_generalize_round2(text, dct, expected):
    got = [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]
    assert got == expected
