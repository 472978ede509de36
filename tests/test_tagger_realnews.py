"""The tagger on the families seen in real news (issue 13), on sentences written for these tests.

Conventions: docs/timex-conventions.md. Each case is (text, DCT, [(span, type, value, mod)]).
"""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract.tagger import tag

FRI = date(2015, 7, 31)  # a Friday, 15 Shawwal 1436
WED = date(2015, 7, 22)  # a Wednesday, 6 Shawwal 1436

CASES = {
    # vague references
    "vague_past": ("تراجعت الأسعار في الآونة الأخيرة كما ارتفعت حديثا في الماضي.", FRI,
                   [("الآونة الأخيرة", "DATE", "PAST_REF", None), ("حديثا", "DATE", "PAST_REF", None),
                    ("الماضي", "DATE", "PAST_REF", None)]),
    "vague_present": ("يشهد السوق هذه الأيام ركودا لم نعرفه حتى هذه اللحظة.", FRI,
                      [("هذه الأيام", "DATE", "PRESENT_REF", None), ("هذه اللحظة", "DATE", "PRESENT_REF", None)]),
    "vague_future": ("سيعلن الفريق قريبا عن صفقات الفترة المقبلة وفي قادم الأيام.", FRI,
                     [("قريبا", "DATE", "FUTURE_REF", None), ("الفترة المقبلة", "DATE", "FUTURE_REF", None),
                      ("قادم الأيام", "DATE", "FUTURE_REF", None)]),
    "vague_future_after_fi": ("نأمل أن نرى في المستقبل جيلا جديدا.", FRI, [("المستقبل", "DATE", "FUTURE_REF", None)]),
    "centuries_ago": ("ترجع هذه العادة إلى قرون مضت.", FRI, [("قرون مضت", "DATE", "PAST_REF", None)]),
    "the_following_year": ("شارك الفريق في المسابقة عام 2011، وفي العام التالي فاز بميداليتين.", FRI,
                           [("عام 2011", "DATE", "2011", None), ("العام التالي", "DATE", "2012", None)]),
    "vague_some_days_ago": ("التقيته قبل أيام في المطار.", FRI, [("قبل أيام", "DATE", "PAST_REF", None)]),
    "near_is_not_soon": ("وأن يكون المدرب قريبا من لاعبيه.", FRI, []),
    "finally_is_not_recently": ("وأخيرا وصل الوفد إلى المطار.", FRI, []),
    "earlier_this_month": ("وكان قد قال في وقت سابق من الشهر الجاري إنه مستعد.", FRI,
                           [("وقت سابق من الشهر الجاري", "DATE", "2015-07", None)]),
    "later_this_year": ("قد يرفع البنك الفائدة في وقت لاحق هذا العام.", FRI,
                        [("وقت لاحق هذا العام", "DATE", "2015", None)]),
    # Islamic calendar
    "eid_past": ("احتفل الأهالي بعيد الفطر في الحديقة.", WED, [("بعيد الفطر", "DATE", "2015-07-17", None)]),
    "adha_near_ahead": ("تبدأ الإجازة قبل عيد الأضحى بيومين.", WED, [("عيد الأضحى", "DATE", "2015-09-23", None),
                                                                     ("بيومين", "DURATION", "P2D", None)]),
    "eid_days": ("ازدحمت الأسواق خلال أيام العيد.", WED, [("أيام العيد", "DATE", "2015-07-17", None)]),
    "national_day_is_no_eid": ("احتفلت الكويت بالعيد الوطني.", WED, []),
    "ramadan_past": ("ارتفعت المبيعات في رمضان بنسبة كبيرة.", WED, [("رمضان", "DATE", "2015-07", None)]),
    "late_ramadan": ("وقع الحادث في أواخر رمضان قرب الحرم.", FRI, [("أواخر رمضان", "DATE", "2015-07", "END")]),
    "hijri_numeric": ("صدر القرار بتاريخ 4/1/1426هـ ثم عدل في 7 / 11 / 1436 هـ.", FRI,
                      [("4/1/1426هـ", "DATE", "2005-02-13", None), ("7 / 11 / 1436 هـ", "DATE", "2015-08-22", None)]),
    "hijri_long_form": ("تقام الحفلة يوم الأربعاء 20 شوال لعام 1436هـ في القاعة.", FRI,
                        [("يوم الأربعاء 20 شوال لعام 1436هـ", "DATE", "2015-08-05", None)]),
    # 20 Shawwal 1436 is Wednesday 5 August by Umm al-Qura; a paper following local sighting writes Thursday
    "hijri_weekday_decides": ("تقام الحفلة يوم الخميس 20 شوال 1436هـ في مسقط.", FRI,
                              [("يوم الخميس 20 شوال 1436هـ", "DATE", "2015-08-06", None)]),
    "hijri_gregorian_pair": ("مكة 19 شوال 1436 هـ الموافق 4 أغسطس 2015 م أعلنت الوزارة.", FRI,
                             [("19 شوال 1436 هـ الموافق 4 أغسطس 2015 م", "DATE", "2015-08-04", None)]),
    "hijri_day_ahead": ("يبدأ التسجيل في 8 ذي القعدة حسب التقويم.", WED, [("8 ذي القعدة", "DATE", "2015-08-23", None)]),
    "hijri_year_alone": ("تأسست الجمعية عام 1413 في جدة.", FRI, [("عام 1413", "DATE", "1992", None)]),
    # a Hijri year pair is one span, valued by the year holding 1 Muharram of the later year
    "hijri_year_pair": ("ميزانية العام الدراسي 1436/1437هـ كبيرة وميزانية 1437 - 1438 هـ أكبر.", FRI,
                        [("1436/1437هـ", "DATE", "2015", None), ("1437 - 1438 هـ", "DATE", "2016", None)]),
    "same_hijri_month": ("تبدأ الاختبارات في الأول من ذي القعدة المقبل وحتى الخامس من الشهر نفسه.", date(2015, 8, 4),
                         [("الأول من ذي القعدة المقبل", "DATE", "2015-08-16", None),
                          ("الخامس من الشهر نفسه", "DATE", "2015-08-20", None)]),
    "ramadan_this_year": ("توفي في 24 رمضان هذا العام.", WED, [("24 رمضان هذا العام", "DATE", "2015-07-11", None)]),
    # vague plural durations
    "plural_few_past": ("تحسنت الأحوال في الأسابيع القليلة الماضية والأيام القليلة الماضية.", FRI,
                        [("الأسابيع القليلة الماضية", "DURATION", "PXW", None),
                         ("والأيام القليلة الماضية", "DURATION", "PXD", None)]),
    "plural_counted": ("سيعود بعد أسابيع معدودة.", FRI, [("أسابيع معدودة", "DURATION", "PXW", None)]),
    "years_after": ("عاد إلى قريته بعد سنوات من الغياب.", FRI, [("سنوات", "DURATION", "PXY", None)]),
    "hours_before": ("وصل قبل ساعات من الانفجار.", FRI, [("ساعات", "DURATION", "PTXH", None)]),
    "long_years": ("عاش هناك لسنوات طويلة قبل أن يعود.", FRI, [("لسنوات طويلة", "DURATION", "PXY", None)]),
    "days_of_the_feast_are_no_duration": ("احتفلوا في أول أيام عيد الفطر.", WED, [("أول أيام عيد الفطر", "DATE", "2015-07-17", None)]),
    "years_with_adjective": ("أمامي سنوات جيدة في الملعب.", FRI, [("سنوات", "DURATION", "PXY", None)]),
    "rhino_horns": ("تتكون قرون وحيد القرن من الكيراتين.", FRI, []),
    "years_of_war_are_no_duration": ("خلفت سنوات الحرب دمارا كبيرا.", FRI, []),
    "numbered_last_months": ("ارتفع المؤشر خلال الأشهر الـ18 الأخيرة.", FRI, [("الأشهر الـ18 الأخيرة", "DURATION", "P18M", None)]),
    "six_months_in_words": ("تعاقبت العمليات خلال الأشهر الستّة الماضية.", FRI,
                            [("الأشهر الستّة الماضية", "DURATION", "P6M", None)]),
    "previous_year": ("ارتفعت القروض مقارنة بنهاية العام السابق، وقال الأمين العام السابق إنها كثيرة.", FRI,
                      [("بنهاية العام السابق", "DATE", "2014", "END")]),
    "number_range_of_years": ("تراوحت أعمارهم بين 19 و28 عاماً.", FRI,
                              [("19", "DURATION", "P19Y", None), ("28 عاماً", "DURATION", "P28Y", None)]),
    "one_year_long": ("تحسنت النتائج على مدار العام الواحد، وبلغ الراتب مليون يورو للعام الواحد.", FRI,
                      [("العام الواحد", "DURATION", "P1Y", None), ("للعام الواحد", "SET", "P1Y", None)]),
    "months_in_a_list": ("يكتمل القمر مرتين في شهري يناير ومارس.", FRI,
                         [("شهري يناير", "DATE", "2015-01", None), ("ومارس", "DATE", "2015-03", None)]),
    "definite_duals": ("قتل ثلاثة خلال اليومين الماضيين والأسبوعين الأخيرين.", FRI,
                       [("اليومين الماضيين", "DURATION", "P2D", None), ("والأسبوعين الأخيرين", "DURATION", "P2W", None)]),
    "coming_years": ("ستنفذ الخطة على مدى 15 عاما قادمة.", FRI, [("15 عاما قادمة", "DURATION", "P15Y", None)]),
    # ages
    "age_ordinal": ("توفي الشاعر في العشرين من عمره.", FRI, [("العشرين من عمره", "DURATION", "P20Y", None)]),
    "age_bracketed": ("طفل يبلغ من العمر (9) سنوات.", FRI, [("(9) سنوات", "DURATION", "P9Y", None)]),
    "age_sinn": ("بدأ العزف في سن العاشرة.", FRI, [("سن العاشرة", "DURATION", "P10Y", None)]),
    "bracketed_day": ("صدر المرسوم في (14) مايو الماضي.", FRI, [("(14) مايو الماضي", "DATE", "2015-05-14", None)]),
    "unclosed_bracket": ("توفي الإطفائي (38 عاما) أثناء عمله.", FRI, [("38 عاما", "DURATION", "P38Y", None)]),
    # modifiers with proclitics
    "proclitic_more_than": ("استمر الحصار لأكثر من عشر سنوات.", FRI, [("لأكثر من عشر سنوات", "DURATION", "P10Y", "MORE_THAN")]),
    "proclitic_less_than": ("انتهت المباراة بأقل من ساعتين.", FRI, [("بأقل من ساعتين", "DURATION", "PT2H", "LESS_THAN")]),
    "trailing_about": ("استمر الحصار عامين تقريباً ثم انتهى.", FRI, [("عامين تقريباً", "DURATION", "P2Y", "APPROX")]),
    "about_a_year": ("استغرق البناء قرابة العام.", FRI, [("قرابة العام", "DURATION", "P1Y", "APPROX")]),
    "quarter_century": ("عاش هناك ربع قرن ثم انتظر نصف ساعة.", FRI,
                        [("ربع قرن", "DURATION", "P25Y", None), ("نصف ساعة", "DURATION", "PT0.5H", None)]),
    "few_previous_weeks": ("تحسنت الأسعار في الأسابيع القليلة السابقة.", FRI,
                           [("الأسابيع القليلة السابقة", "DURATION", "PXW", None)]),
    "end_of_year": ("ستنتهي الأعمال مع انتهاء العام وتبدأ المرحلة الثانية بداية العام.", FRI,
                    [("انتهاء العام", "DATE", "2015", "END"), ("بداية العام", "DATE", "2015", "START")]),
    "school_year_is_no_year": ("تستعد المدارس لبداية العام الدراسي.", FRI, []),
    "about_two_weeks_ago": ("وصل الوفد قبل نحو أسبوعين.", FRI, [("قبل نحو أسبوعين", "DATE", "2015-W29", "APPROX")]),
    "about_fifty_years_ago": ("بني الجسر قبل نحو 50 عاماً.", FRI, [("قبل نحو 50 عاماً", "DATE", "1965", "APPROX")]),
    "month_and_a_half_ago": ("وقع الاتفاق قبل شهر ونصف الشهر.", FRI, [("قبل شهر ونصف الشهر", "DATE", "2015-06", None)]),
    # clock times
    "midnight": ("بدأ الحظر الساعة الـ12 مساء أمس.", FRI, [("الساعة الـ12 مساء أمس", "TIME", "2015-07-31T00:00", None)]),
    "midnight_words": ("بدأ القصف منتصف الليل واستمر حتى الفجر.", FRI, [("منتصف الليل", "TIME", "2015-08-01T00:00", None)]),
    "midnight_of_a_day": ("انطلقت الحملة منتصف الليل من يوم الخميس الماضي.", FRI,
                          [("منتصف الليل من يوم الخميس الماضي", "TIME", "2015-07-31T00:00", None)]),
    "midnight_in_force": ("بدأ الحظر الساعة الـ12 مساء.", FRI, [("الساعة الـ12 مساء", "TIME", "2015-08-01T00:00", None)]),
    "clock_without_saa": ("انطلق القطار السادسة صباحا.", FRI, [("السادسة صباحا", "TIME", "2015-07-31T06:00", None)]),
    "clock_day_in_phrase": ("وقع الانفجار الساعة الرابعة عصراً من الاثنين الماضي.", FRI,
                            [("الساعة الرابعة عصراً من الاثنين الماضي", "TIME", "2015-07-27T16:00", None)]),
    "clock_tomorrow_evening": ("يبدأ الحفل الساعة التاسعة من مساء غد.", FRI,
                               [("الساعة التاسعة من مساء غد", "TIME", "2015-08-01T21:00", None)]),
    "clock_noon_pm": ("أعلنت النتائج الساعة 1:43 ظهراً.", FRI, [("الساعة 1:43 ظهراً", "TIME", "2015-07-31T13:43", None)]),
    "clock_gmt": ("بلغ السعر 1090 دولارا بحلول الساعة 1920 بتوقيت جرينتش.", FRI,
                  [("الساعة 1920 بتوقيت جرينتش", "TIME", "2015-07-31T19:20", None)]),
    # nights and compound relatives
    "last_night": ("سمع دوي انفجار الليلة الماضية.", FRI, [("الليلة الماضية", "DATE", "2015-07-30TNI", None)]),
    "before_noon_yesterday": ("وصل الوزير قبل ظهر أمس.", FRI, [("قبل ظهر أمس", "DATE", "2015-07-30TMO", None)]),
    "early_hour_of_dawn": ("وقع الانفجار في ساعة مبكرة من فجر اليوم.", FRI,
                           [("ساعة مبكرة من فجر اليوم", "DATE", "2015-07-31TMO", None)]),
    "yawm_ams": ("أعلن الجيش يوم أمس سيطرته على المدينة.", FRI, [("يوم أمس", "DATE", "2015-07-30", None)]),
    "tomorrow_morning_weekday": ("يعقد اللقاء صباح غد السبت.", FRI, [("صباح غد السبت", "DATE", "2015-08-01TMO", None)]),
    # weekday vs today
    "weekday_overrides_today": ("تراجعت أسعار الذهب اليوم الاثنين. وكانت قد ارتفعت يوم الجمعة.", FRI,
                                [("اليوم الاثنين", "DATE", "2015-07-27", None), ("يوم الجمعة", "DATE", "2015-07-24", None)]),
    "weekday_of_the_week_in_force": ("خسر الذهب 3% الأسبوع الماضي بعد خسائر حادة يوم الاثنين.", FRI,
                                     [("الأسبوع الماضي", "DATE", "2015-W30", None), ("يوم الاثنين", "DATE", "2015-07-20", None)]),
    "writing_day_before_its_weekday": ("عقد اللقاء مساء اليوم. وتقرر الصلاة عليه بعد صلاة غد الجمعة.", FRI,
                                       [("مساء اليوم", "DATE", "2015-07-30TEV", None), ("غد الجمعة", "DATE", "2015-07-31", None)]),
    "day_before_yesterday_is_no_correction": ("تبنى المجلس أول من أمس (الأربعاء) قرارا وسيجتمع بعد غد الأحد.", FRI,
                                              [("أول من أمس (الأربعاء)", "DATE", "2015-07-29", None),
                                               ("بعد غد الأحد", "DATE", "2015-08-02", None)]),
    "weekday_in_brackets": ("وصل الرئيس اليوم (الثلاثاء) إلى القاهرة.", date(2015, 8, 4),
                            [("اليوم (الثلاثاء)", "DATE", "2015-08-04", None)]),
    "weekday_of_next_week": ("سيخضع للفحص الطبي الثلاثاء من الأسبوع المقبل.", FRI,
                             [("الثلاثاء من الأسبوع المقبل", "DATE", "2015-08-04", None)]),
    # tense
    "future_weekday": ("سيلتقي الوزير نظيره الأربعاء في الرياض.", FRI, [("الأربعاء", "DATE", "2015-08-05", None)]),
    "past_weekday": ("التقى الوزير نظيره الأربعاء في الرياض.", FRI, [("الأربعاء", "DATE", "2015-07-29", None)]),
    "future_month": ("يعتزم الرئيس السفر إلى نيويورك في نوفمبر.", FRI, [("نوفمبر", "DATE", "2015-11", None)]),
    "past_month": ("زار الرئيس نيويورك في نوفمبر.", FRI, [("نوفمبر", "DATE", "2014-11", None)]),
    "coming_months_plural": ("ستجرى الانتخابات في نوفمبر أو ديسمبر المقبلين.", FRI,
                             [("نوفمبر", "DATE", "2015-11", None), ("ديسمبر المقبلين", "DATE", "2015-12", None)]),
    "cue_with_conjunction": ("افتتح المعرض أمس ويستمر حتى الثالث من يناير.", FRI,
                             [("أمس", "DATE", "2015-07-30", None), ("الثالث من يناير", "DATE", "2016-01-03", None)]),
    "next_month_without_year": ("ارتفعت عقود الذهب تسليم أغسطس.", FRI, [("أغسطس", "DATE", "2015-08", None)]),
    "future_verb_noun_is_no_cue": ("توفي رجل من رابيد سيتي في حريق اندلع يوم الخميس.", FRI,
                                   [("يوم الخميس", "DATE", "2015-07-30", None)]),
    # traps
    "paper_byline": ("عين اليوم – لندن\nتراجعت أسعار النفط.", FRI, []),
    "paper_in_brackets": ("وقال المدير لـ(اليوم) إن العمل مستمر.", FRI, []),
    "real_today_before_noun": ("قتل ثلاثة في غارة نفذتها اليوم الطائرات الحربية.", FRI, [("اليوم", "DATE", "2015-07-31", None)]),
    "ibb_governorate": ("اشتدت المعارك في محافظة إب وسط اليمن.", FRI, []),
    "ibb_preposition": ("سيطر المسلحون على مواقع في إب أمس.", FRI, [("أمس", "DATE", "2015-07-30", None)]),
    "march_14_bloc": ("رفضت قوى 14 آذار البيان.", FRI, []),
    "sunnis": ("التقى ممثلون عن السنّة والشيعة.", FRI, []),
    "month_before_relative_clause": ("زادت المبيعات مقارنة بشهر أبريل الذي سبقه.", FRI, [("بشهر أبريل", "DATE", "2015-04", None)]),
    "tammuz_reactor": ("قصفت إسرائيل مفاعل تموز العراقي.", FRI, []),
    "touched_is_no_yesterday": ("لامس الذهب أدنى مستوى له.", FRI, []),
    "greeting_is_no_set": ("وكل عام وأنتم بخير.", FRI, []),
    "greeting_variants": ("محبتي وكل يوم وأنت منتصر، وكل عام؟، ومن العايدين.", FRI, []),
    # centuries, SET, numeric dates, lists, day of this month
    "century_ordinal": ("بني القصر في القرن السابع عشر.", FRI, [("القرن السابع عشر", "DATE", "16", None)]),
    "century_new": ("منذ بداية القرن الميلادي الجديد تغير كل شيء.", FRI, [("بداية القرن الميلادي الجديد", "DATE", "20", "START")]),
    "set_daily": ("يستقبل المطار 40 رحلة يوميا ويصدر تقريرا سنويا كل عام.", FRI,
                  [("يوميا", "SET", "P1D", None), ("سنويا", "SET", "P1Y", None), ("كل عام", "SET", "P1Y", None)]),
    "numeric_with_spaces": ("تأسس النادي في 7 - 9 - 2012 م في الرياض.", FRI, [("7 - 9 - 2012 م", "DATE", "2012-09-07", None)]),
    "numeric_backslashes": ("قتل يوم الأربعاء الماضي 29\\7\\2015 في الهجوم.", FRI,
                            [("يوم الأربعاء الماضي", "DATE", "2015-07-29", None), ("29\\7\\2015", "DATE", "2015-07-29", None)]),
    "two_days_one_month": ("تجرى الانتخابات يومي 10 و12 أغسطس.", FRI,
                           [("يومي 10", "DATE", "2015-08-10", None), ("12 أغسطس", "DATE", "2015-08-12", None)]),
    "day_range_next_may": ("يقام المعرض من 5 إلى 10 مايو المقبل.", FRI,
                           [("5", "DATE", "2016-05-05", None), ("10 مايو المقبل", "DATE", "2016-05-10", None)]),
    "ordinal_day_range": ("تقام البطولة خلال الفترة من السادس إلى 15 أغسطس.", FRI,
                          [("السادس", "DATE", "2015-08-06", None), ("15 أغسطس", "DATE", "2015-08-15", None)]),
    "day_of_current_month": ("تنطلق البطولة في 22 من الشهر الجاري.", FRI, [("22 من الشهر الجاري", "DATE", "2015-07-22", None)]),
    "day_month_last_year": ("وقع الهجوم في 20 يناير من العام الماضي.", FRI, [("20 يناير من العام الماضي", "DATE", "2014-01-20", None)]),
    "month_in_year": ("يكتمل القمر الأزرق في شهر يوليو في العام 2034.", FRI, [("شهر يوليو في العام 2034", "DATE", "2034-07", None)]),
    "month_pair_space": ("يرفع البنك الفائدة في سبتمبر أيلول.", FRI, [("سبتمبر أيلول", "DATE", "2015-09", None)]),
    "last_year_with_number": ("ارتفعت الصادرات العام الماضي 2014 بنسبة كبيرة.", FRI, [("العام الماضي 2014", "DATE", "2014", None)]),
    "for_next_year": ("أعلنت الوزارة خطتها للعام المقبل.", FRI, [("للعام المقبل", "DATE", "2016", None)]),
    # bare years
    "year_after_event_noun": ("سجل هدفا في كأس العالم 2010 ونجا من الطرد.", FRI, [("2010", "DATE", "2010", None)]),
    "year_range": ("لعب مع النادي (2001-2007) ثم اعتزل.", FRI, [("2001", "DATE", "2001", None), ("2007", "DATE", "2007", None)]),
    "year_era_mark": ("تستضيف قطر كأس العالم 2022م.", FRI, [("2022م", "DATE", "2022", None)]),
    "year_glued_list": ("فاز باللقب في 2008 و2010.", FRI, [("2008", "DATE", "2008", None), ("2010", "DATE", "2010", None)]),
    "some_years_more": ("عاش هناك خمس سنوات ونيف.", FRI, [("خمس سنوات ونيف", "DURATION", "P5Y", "MORE_THAN")]),
    "eve_of_dated_event": ("وقعت الحرب في 3 أغسطس 2015، وقد زاره الوزير عشية الحرب.", FRI,
                           [("3 أغسطس 2015", "DATE", "2015-08-03", None), ("عشية", "DATE", "2015-08-02", None)]),
    "eve_of_an_event_dated_later": ("وصرح اللاعب عشية مباراة فريقه يوم الثلاثاء بأنه جاهز.", date(2015, 8, 4),
                                    [("عشية", "DATE", "2015-08-03", None), ("يوم الثلاثاء", "DATE", "2015-08-04", None)]),
    "eve_of_undated_event": ("زاره الوزير عشية الحرب.", FRI, []),
    "year_old_with_preposition": ("ولد جده في 1895، وعمل حمالا.", FRI, [("1895", "DATE", "1895", None)]),
    "count_is_no_year": ("شارك في السباق 2015 عداء من عشرين دولة.", FRI, []),
    "amount_is_no_year": ("بلغ سعر الأوقية أكثر من 1200 دولار.", FRI, []),
    "start_of_bare_year": ("تدهور الاقتصاد منذ بداية 2010.", FRI, [("بداية 2010", "DATE", "2010", "START")]),
    "since_year_is_no_frame": ("بلغ أدنى مستوى منذ بداية 2010 ويتوقع رفع الفائدة في سبتمبر أيلول.", FRI,
                               [("بداية 2010", "DATE", "2010", "START"), ("سبتمبر أيلول", "DATE", "2015-09", None)]),
    "future_clause_ignores_past_year": ("خسر الفريق عام 2012، وسيلعب المباراة المقبلة في نوفمبر.", FRI,
                                        [("عام 2012", "DATE", "2012", None), ("نوفمبر", "DATE", "2015-11", None)]),
    "street_is_no_date": ("سيطرت المقاومة على شارع 26سبتمبر وقصر 22 مايو الجمهوري.", FRI, []),
    "starting_from_is_no_start": ("يبدأ المهرجان بدءا من يوم الخميس 21 شوال 1436هـ (6 أغسطس 2015).", FRI,
                                  [("يوم الخميس 21 شوال 1436هـ", "DATE", "2015-08-06", None),
                                   ("6 أغسطس 2015", "DATE", "2015-08-06", None)]),
    "september_11_any_noun": ("تذكر ما حدث في فورة مشاكل 11 سبتمبر في أميركا.", FRI, [("11 سبتمبر", "DATE", "2001-09-11", None)]),
    "a_future_september_11": ("سيعقد المؤتمر في 11 سبتمبر المقبل.", FRI, [("11 سبتمبر المقبل", "DATE", "2015-09-11", None)]),
    "september_11": ("تغير العالم بعد هجمات 11 سبتمبر.", FRI, [("11 سبتمبر", "DATE", "2001-09-11", None)]),
    # quarters, seasons, start of month/week
    "quarter_without_year": ("ارتفعت الأرباح في الربع الثاني.", FRI, [("الربع الثاني", "DATE", "2015-Q2", None)]),
    "bare_summer": ("تشتد الحرائق خلال الصيف في كاليفورنيا.", FRI, [("الصيف", "DATE", "2015-SU", None)]),
    "start_of_month": ("انخفض السعر منذ مطلع الشهر.", FRI, [("مطلع الشهر", "DATE", "2015-07", "START")]),
}

# Conversational forms (the kinds Duckling's and Recognizers-Text's Arabic suites test), own sentences.
CONVERSATION = {
    "tomorrow_at_three_pm": ("سأراك غدا الساعة 3 مساء في المقهى.", FRI, [("غدا الساعة 3 مساء", "TIME", "2015-08-01T15:00", None)]),
    "sunday_at_ten": ("ستعقد الجلسة يوم الأحد الساعة العاشرة صباحا.", FRI,
                      [("يوم الأحد الساعة العاشرة صباحا", "TIME", "2015-08-02T10:00", None)]),
    "colloquial_tomorrow": ("نلتقي بكرة في السوق.", FRI, [("بكرة", "DATE", "2015-08-01", None)]),
    "day_after_tomorrow": ("نسافر بعد غد إن شاء الله.", FRI, [("بعد غد", "DATE", "2015-08-02", None)]),
    "next_tuesday": ("موعدنا الثلاثاء القادم.", FRI, [("الثلاثاء القادم", "DATE", "2015-08-04", None)]),
    "within_two_weeks": ("أنهي التقرير خلال أسبوعين.", FRI, [("أسبوعين", "DURATION", "P2W", None)]),
    "tonight": ("يبدأ العرض الليلة في المسرح.", FRI, [("الليلة", "DATE", "2015-07-31TNI", None)]),
    "first_night_is_no_tonight": ("كانت الليلة الأولى صعبة.", FRI, []),
    "next_week": ("سأزورك الأسبوع القادم.", FRI, [("الأسبوع القادم", "DATE", "2015-W32", None)]),
    "every_two_days": ("أزور جدتي كل يومين وأسافر كل ثلاثة أسابيع.", FRI,
                       [("كل يومين", "SET", "P2D", None), ("كل ثلاثة أسابيع", "SET", "P3W", None)]),
    "every_monday": ("يجتمع النادي كل يوم اثنين ويتدرب أيام الخميس.", FRI,
                     [("كل يوم اثنين", "SET", "XXXX-WXX-1", None), ("أيام الخميس", "SET", "XXXX-WXX-4", None)]),
}
CASES.update(CONVERSATION)

SUN = date(2015, 8, 2)  # a Sunday
# Families found on unannotated articles of the slice (helper tagacc), on sentences written here.
REAL_NEWS_MORE = {
    "compound_cardinal_hours": ("أمهلت الشرطة المحتجين ثماني وأربعين ساعة، ووصل الوفد بعد أربع وعشرين ساعة من الحادث.", SUN,
                                [("ثماني وأربعين ساعة", "DURATION", "PT48H", None),
                                 ("أربع وعشرين ساعة", "DURATION", "PT24H", None)]),
    "compound_cardinal_years": ("عمل في الشركة خمسا وعشرين سنة وتقاعد عن اثنين وستين عاما.", SUN,
                                [("خمسا وعشرين سنة", "DURATION", "P25Y", None), ("اثنين وستين عاما", "DURATION", "P62Y", None)]),
    "contracts_are_not_decades": ("وقع النادي عقود رعاية جديدة وعقودا باهظة، وبعد عقد صفقة اللاعب غادر المدرب.", SUN, []),
    "decades_with_time_context": ("ظلت المنطقة مهملة على مدى عقود من الزمن، ولم تتغير منذ عقود.", SUN,
                                  [("عقود", "DURATION", "PXY", None), ("عقود", "DURATION", "PXY", None)]),
    "a_name_is_not_a_duration": ("وحضر اللقاء العميد سالم أبو قرنين وعدد من الضباط.", SUN, []),
    "months_after_ago_of": ("عاد الفريق بعد عامين فقط من رحيله.", SUN, [("عامين", "DURATION", "P2Y", None)]),
    "month_of_last_year_without_min": ("غادر المدرب النادي في تشرين الأول (أكتوبر) العام الماضي.", SUN,
                                       [("تشرين الأول (أكتوبر) العام الماضي", "DATE", "2014-10", None)]),
    "day_of_last_year_without_min": ("افتتح المصنع في 12 مارس العام الماضي.", SUN,
                                     [("12 مارس العام الماضي", "DATE", "2014-03-12", None)]),
    "coming_day_later_this_month": ("تفتتح القناة يوم 9 أغسطس القادم بعد أن تأجلت في 1 أغسطس الماضي.", SUN,
                                    [("يوم 9 أغسطس القادم", "DATE", "2015-08-09", None),
                                     ("1 أغسطس الماضي", "DATE", "2015-08-01", None)]),
    "quoted_name_keeps_the_future_clause": ("فاز المخرج بالجائزة عام 2009. وستعرض قناة «الشرق» فيلمه الجديد يوم 20 سبتمبر.",
                                            SUN, [("عام 2009", "DATE", "2009", None), ("يوم 20 سبتمبر", "DATE", "2015-09-20", None)]),
    "since_year_is_not_the_frame": ("وتعد الزيارة الأولى منذ 2011 وجاءت بعد أن رفعت الحكومة الحظر أواخر مارس.", SUN,
                                    [("2011", "DATE", "2011", None), ("أواخر مارس", "DATE", "2015-03", "END")]),
    "years_later_from_the_year_in_force": ("تأسس النادي في 1980. وبعد خمس سنوات فاز بأول بطولة.", SUN,
                                           [("1980", "DATE", "1980", None), ("وبعد خمس سنوات", "DATE", "1985", None)]),
    "feast_honorific_outside": ("هنأ الأمير المواطنين بعيد الأضحى المبارك وتمنى لهم عيد فطر سعيدا.", SUN,
                                [("بعيد الأضحى", "DATE", "2015-09-23", None)]),
    "nth_day_of_the_feast": ("زار المحافظ المرضى في ثالث أيام عيد الفطر، ثم سافر في خامس أيام العيد.", SUN,
                             [("ثالث أيام عيد الفطر", "DATE", "2015-07-19", None),
                              ("خامس أيام العيد", "DATE", "2015-07-21", None)]),
    "days_of_a_named_feast": ("تكتظ الحدائق بالزوار خلال أيام عيد الفطر.", SUN, [("أيام عيد الفطر", "DATE", "2015-07-17", None)]),
    "nisba_adverb_is_no_future_verb": ("سجلت الفنادق إقبالا سياحيا كبيرا في أيام العيد.", SUN,
                                       [("أيام العيد", "DATE", "2015-07-17", None)]),
    "same_period_of_last_year": ("نمت الأرباح في الربع الثاني بنسبة 8% مقارنة بالفترة نفسها من العام الماضي.", SUN,
                                 [("الربع الثاني", "DATE", "2015-Q2", None),
                                  ("بالفترة نفسها من العام الماضي", "DATE", "2014-Q2", None)]),
    "same_period_without_a_period": ("ارتفع عدد الزوار مقارنة بنفس الفترة من العام الماضي.", SUN,
                                     [("بنفس الفترة من العام الماضي", "DATE", "2014", None)]),
    "levantine_months_without_article": ("تنتهي المهلة في 8 كانون أول المقبل بعد أن بدأت في 3 تشرين ثاني الماضي.", SUN,
                                         [("8 كانون أول المقبل", "DATE", "2015-12-08", None),
                                          ("3 تشرين ثاني الماضي", "DATE", "2014-11-03", None)]),
    "the_day_before_yesterday_with_article": ("وكان المدرب قد أعلن بالأمس الأول قائمة المنتخب.", SUN,
                                              [("بالأمس الأول", "DATE", "2015-07-31", None)]),
    "lam_before_the_article_ordinal": ("يستمر المعرض حتى الموافق للعاشر من سبتمبر.", SUN,
                                       [("للعاشر من سبتمبر", "DATE", "2015-09-10", None)]),
    "lam_before_the_article_quarter": ("بلغت إيرادات الشركة للربع الأول 3 مليارات ريال، وتراجعت مبيعاتها للربع الرابع على التوالي.",
                                       SUN, [("للربع الأول", "DATE", "2015-Q1", None)]),
    "the_year_before_it": ("نمت المبيعات عام 2014 بنسبة 9% بعد أن تراجعت في العام الذي سبقه.", SUN,
                           [("عام 2014", "DATE", "2014", None), ("العام الذي سبقه", "DATE", "2013", None)]),
    "never_before_in_a_quote": ("قال الباحث: «هذا أمر لم يشهده العالم من قبل».", SUN, [("من قبل", "DATE", "PAST_REF", None)]),
    "hijri_month_after_since_is_no_duration": ("تضاعفت الأسعار منذ شهر رجب.", SUN, [("شهر رجب", "DATE", "2015-05", None)]),
    "this_summer_with_ba": ("تنشط السياحة الداخلية بهذا الصيف.", SUN, [("بهذا الصيف", "DATE", "2015-SU", None)]),
    "ramadan_by_its_epithet": ("تكثر المسابقات الثقافية طوال الشهر الفضيل.", SUN, [("الشهر الفضيل", "DATE", "2015-07", None)]),
    "counted_plural_without_adjective": ("قضى الوزير السنوات الخمس في تطوير القطاع.", SUN,
                                         [("السنوات الخمس", "DURATION", "P5Y", None)]),
    "seconds": ("انهار المبنى في غضون ثوان، وسجل العداء رقما بفارق 30 ثانية.", SUN,
                [("ثوان", "DURATION", "PTXS", None), ("30 ثانية", "DURATION", "PT30S", None)]),
    "second_as_ordinal_is_no_duration": ("حل الفريق ثانية في الترتيب للمرة الثانية.", SUN, []),
    "weekday_word_before_a_ten_is_a_number": ("افتتحت الهيئة فروعها الاثنين والعشرين في المناطق.", SUN, []),
    "the_nth_day_is_not_today": ("يمتد الحظر حتى نهاية اليوم الـ 15 من سبتمبر.", SUN, [("15 من سبتمبر", "DATE", "2015-09-15", None)]),
    "clock_weekday_with_its_date": ("يقام الحفل الساعة الثامنة من مساء الأحد 9 أغسطس في قاعة المركز.", SUN,
                                    [("الساعة الثامنة من مساء الأحد", "TIME", "2015-08-09T20:00", None)]),
    "old_year_range": ("عاش الشاعر بين 1821-1881 في موسكو.", SUN, [("1821", "DATE", "1821", None), ("1881", "DATE", "1881", None)]),
    "alan_is_a_name": ("فاز الدراج آلان مارتن بالمرحلة.", SUN, []),
    "by_the_ministry_is_not_before": ("لن يقبل أي طلب من قبل وزارة العمل بعد الموعد.", SUN, []),
    "rate_per_day_and_hour": ("يتناول المريض الدواء ثلاث مرات في اليوم، وتعبر الجسر 4 آلاف سيارة بالساعة.", SUN,
                              [("اليوم", "SET", "P1D", None), ("بالساعة", "SET", "PT1H", None)]),
    "in_the_day_after_a_count_is_not_always_a_rate": ("وأصيب شاب يبلغ 20 عاما في ساعة مبكرة من صباح اليوم.", SUN,
                                                       [("20 عاما", "DURATION", "P20Y", None),
                                                        ("ساعة مبكرة من صباح اليوم", "DATE", "2015-08-02TMO", None)]),
    "year_range_with_ila": ("تضاعف عدد السكان في الفترة من 1990 إلى 2010 ، وارتفع من 1500 إلى 2000 شخص.", SUN,
                            [("1990", "DATE", "1990", None), ("2010", "DATE", "2010", None)]),
    "month_range_takes_the_year_of_its_end": ("تراجعت المبيعات من آذار (مارس) إلى أيار (مايو) من عام 2012.", SUN,
                                              [("آذار (مارس)", "DATE", "2012-03", None),
                                               ("أيار (مايو) من عام 2012", "DATE", "2012-05", None)]),
    "month_range_across_the_new_year": ("امتدت الأزمة من نوفمبر حتى فبراير 2014.", SUN,
                                        [("نوفمبر", "DATE", "2013-11", None), ("فبراير 2014", "DATE", "2014-02", None)]),
    "hijri_range_ends_after_it_begins": ("تعمل العيادات المتنقلة من 20 ذي القعدة حتى 10 صفر.", SUN,
                                         [("20 ذي القعدة", "DATE", "2015-09-04", None), ("10 صفر", "DATE", "2015-11-22", None)]),
    "may_happen_is_ahead": ("قال المحامي إن موكله قد يغادر السجن في ديسمبر.", SUN, [("ديسمبر", "DATE", "2015-12", None)]),
    "had_happened_is_behind": ("وكان قد غادر السجن في ديسمبر.", SUN, [("ديسمبر", "DATE", "2014-12", None)]),
    "after_a_while_in_a_past_story": ("وبعد فترة صمت طويلة عاد الكاتب إلى النشر، وبعد فترة من الزمان وجد نفسه وحيدا.", SUN, []),
    "after_a_while_ahead": ("سيعلن المدرب قائمته بعد فترة قصيرة.", SUN, [("بعد فترة", "DATE", "FUTURE_REF", None)]),
    "during_yesterday_is_a_day": ("جمعت البلدية 40 طنا من المخلفات خلال يوم أمس.", SUN, [("يوم أمس", "DATE", "2015-08-01", None)]),
    "quarter_with_restated_year": ("قدم البنك خلال الربع الثاني من العام الحالي 2015م قروضا جديدة.", SUN,
                                   [("الربع الثاني من العام الحالي 2015م", "DATE", "2015-Q2", None)]),
    "ordinal_before_a_year_is_no_duration": ("شارك المنتخب في البطولة الحادية والعشرين عام 2013.", SUN,
                                             [("عام 2013", "DATE", "2013", None)]),
    "back_after_decades_is_a_duration": ("شارك الفريق في الدورة عام 1980. ويعود الفريق إلى المكسيك بعد 45 عاما.", SUN,
                                         [("عام 1980", "DATE", "1980", None), ("45 عاما", "DURATION", "P45Y", None)]),
    "dire_need_is_not_yesterday": ("النازحون في أمس الحاجة إلى الغذاء.", SUN, []),
    "after_days_since_an_event": ("شنت الطائرات غاراتها بعد أربعة أيام على الهجوم.", SUN, [("أربعة أيام", "DURATION", "P4D", None)]),
    "the_same_week_repeats_the_week_written": ("اعتقلت الشرطة المشتبه به الأسبوع الماضي، وفي ذات الأسبوع أغلقت المعبر.", SUN,
                                               [("الأسبوع الماضي", "DATE", "2015-W30", None), ("ذات الأسبوع", "DATE", "2015-W30", None)]),
    "quarterly_is_not_yearly": ("يصدر البنك تقريرا ربع سنوي عن أسواق السلع.", SUN, []),
    "yuliyh_the_verb": ("يعكس الاهتمام الذي يوليه المستثمرون للقطاع، وافتتح المصنع في يوليه الماضي.", SUN,
                        [("يوليه الماضي", "DATE", "2015-07", None)]),
    "decades_before_a_demonstrative": ("ينمو الاقتصاد بأبطأ وتيرة له في أكثر من عقدين هذا العام.", SUN,
                                       [("أكثر من عقدين", "DURATION", "P20Y", "MORE_THAN"), ("هذا العام", "DATE", "2015", None)]),
    "their_walk_is_no_future_verb": ("تعرضت الأسرة لحادث أثناء سيرها على الكورنيش ثاني أيام عيد الفطر.", SUN,
                                     [("ثاني أيام عيد الفطر", "DATE", "2015-07-18", None)]),
    "an_event_verb_heading_the_clause_looks_ahead": ("ويفتتح المعرض أبوابه في الثامن من ديسمبر في الرياض.", SUN,
                                                    [("الثامن من ديسمبر", "DATE", "2015-12-08", None)]),
    "a_watch_price_is_no_clock": ("تكلف الساعة 349 دولارا للنموذج الأساسي.", SUN, []),
    "football_is_not_tomorrow": ("تحدث عن الكوارث التي حلت بكرة القدم المحلية.", SUN, []),
    "the_night_before_last": ("وصلت سفينة الإغاثة إلى الميناء البارحة الأولى.", SUN, [("البارحة الأولى", "DATE", "2015-07-31", None)]),
    "inside_out_is_no_month": ("حل فيلم انسايد أوت في المركز الثالث.", SUN, []),
    "weekday_as_a_family_name": ("من جهته، أكد أحمد الخميس أمين عام الاتحاد أن المنتخب جاهز. وقال خالد الاثنين إن الفريق جاهز.", SUN,
                                 [("الاثنين", "DATE", "2015-07-27", None)]),
    "eid_as_a_family_name": ("تضم البعثة مدير المنتخب إبراهيم العيد، ومساعد المدرب.", SUN, []),
    "feast_then_this_month": ("استعد السكان للاحتفال بعيد الفطر هذا الشهر.", SUN,
                              [("بعيد الفطر", "DATE", "2015-07-17", None), ("هذا الشهر", "DATE", "2015-08", None)]),
    "nth_day_of_eid_without_ayyam": ("أعيد العرض ضمن فعاليات ثالث العيد.", SUN, [("ثالث العيد", "DATE", "2015-07-19", None)]),
    "part_of_day_adverb_after_a_day": ("قتل شخصان في الهجوم الخميس، ثم أصيب ثالث ليلا.", SUN,
                                       [("الخميس", "DATE", "2015-07-30", None), ("ليلا", "DATE", "2015-07-30TNI", None)]),
    "part_of_day_adverb_alone_is_habit": ("يتدرب الفريق صباحا ومساء في الصيف الحار.", SUN, []),
    "hour_with_article_after_ila": ("يستقبل المركز المراجعين من الساعة الثامنة صباحا إلى الـ 4 عصرا.", SUN,
                                    [("الساعة الثامنة صباحا", "TIME", "2015-08-02T08:00", None),
                                     ("الـ 4 عصرا", "TIME", "2015-08-02T16:00", None)]),
    "clock_with_a_comma": ("استقبل المستشفى في الساعة 9,11 من صباح اليوم طفلا مصابا.", SUN,
                           [("الساعة 9,11 من صباح اليوم", "TIME", "2015-08-02T09:11", None)]),
    "hijri_day_list_of_the_current_month_in_a_future_clause": (
        "تعقد الإدارة خلال الفترة 10 - 12 شوال الجاري البرنامج التدريبي الأول.", date(2015, 7, 26),
        [("10", "DATE", "2015-07-26", None), ("12 شوال الجاري", "DATE", "2015-07-28", None)]),
    "sabah_before_a_weekday_is_morning": ("ارتفع عدد الضحايا بعد انتشال جثتين صباح السبت.", SUN,
                                          [("صباح السبت", "DATE", "2015-08-01TMO", None)]),
    "since_more_than_a_decade": ("يتعرض الأطفال منذ أكثر من عقد لسوء المعاملة.", SUN,
                                 [("أكثر من عقد", "DURATION", "P10Y", "MORE_THAN")]),
    "more_than_expected_is_no_forecast": ("ارتفع مؤشر المصانع أكثر من المتوقع في يوليو، ومن المتوقع أن يرتفع في ديسمبر.", SUN,
                                          [("يوليو", "DATE", "2015-07", None), ("ديسمبر", "DATE", "2015-12", None)]),
    "bracketed_clock_half_past_midnight": ("تلقت الإدارة اليوم في تمام الساعة (12.30) صباحاً بلاغا.", SUN,
                                           [("اليوم", "DATE", "2015-08-02", None),
                                            ("الساعة (12.30) صباحاً", "TIME", "2015-08-02T00:30", None)]),
    "a_day_glued_to_a_number_is_not_split": ("استمرت الدورة من 5 محرم حتى30 صفر.", SUN,
                                              [("5 محرم", "DATE", "2015-10-18", None)]),
    "day_of_this_month": ("تنتهي الزيارة في الخامس عشر من هذا الشهر الجاري.", SUN,
                          [("الخامس عشر من هذا الشهر الجاري", "DATE", "2015-08-15", None)]),
    "same_month_of_last_year": ("زادت المبيعات خلال يوليو الماضي بنسبة 14% مقارنة بالشهر نفسه من العام الماضي.", SUN,
                                [("يوليو الماضي", "DATE", "2015-07", None),
                                 ("بالشهر نفسه من العام الماضي", "DATE", "2014-07", None)]),
    "compound_number_with_the_article": ("بقيت الطفلة تحت المراقبة طيلة الساعات الأربع والعشرين الماضية.", SUN,
                                          [("الساعات الأربع والعشرين الماضية", "DURATION", "PT24H", None)]),
    "between_the_two_is_no_monday": ("كثير من القادة لا يفرقون بين الاثنين، واجتمع المجلس الاثنين.", SUN,
                                     [("الاثنين", "DATE", "2015-07-27", None)]),
    "friday_sermons_in_general": ("وجه الوزير بتوزيع موسوعة خطب الجمعة على فروع الوزارة.", SUN, []),
    "weekday_before_last": ("اقترب المسبار من الكوكب يوم الثلاثاء قبل الماضي.", SUN,
                            [("يوم الثلاثاء قبل الماضي", "DATE", "2015-07-21", None)]),
    "the_day_word_is_whole": ("توفي الشيخ قبل فجر ذلك اليوم 15/10/1419هـ، الموافق 1/2/1999م.", SUN,
                              [("فجر ذلك اليوم", "DATE", "2015-08-02", None),
                               ("15/10/1419هـ، الموافق 1/2/1999م", "DATE", "1999-02-01", None)]),
    "month_range_ends_after_it_begins": ("طرحت المؤسسة مناقصة لتوريد القمح خلال الفترة من سبتمبر إلى نوفمبر.", SUN,
                                         [("سبتمبر", "DATE", "2015-09", None), ("نوفمبر", "DATE", "2015-11", None)]),
    "ambiguous_month_starting_a_range": ("ارتفعت الأسعار في الفترة من مارس إلى مايو.", SUN,
                                         [("مارس", "DATE", "2015-03", None), ("مايو", "DATE", "2015-05", None)]),
    "clock_of_today_named_by_its_weekday": ("وعند الساعة السادسة من صباح اليوم الأحد تلقت الفرق بلاغا.", SUN,
                                            [("الساعة السادسة من صباح اليوم الأحد", "TIME", "2015-08-02T06:00", None)]),
}
CASES.update(REAL_NEWS_MORE)


@pytest.mark.parametrize("text,dct,expected", list(CASES.values()), ids=list(CASES))
def test_real_news_families(text, dct, expected):
    found = [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]
    assert found == expected


def test_the_day_after_an_event_is_dated_by_the_date_in_force():
    text = "وقع الهجوم في 10 يوليو 2015. وفي اليوم التالي للهجوم أعلن الجيش حظر التجول."
    assert [(t.text, t.value) for t in tag(text, FRI)] == [("10 يوليو 2015", "2015-07-10"), ("اليوم التالي", "2015-07-11")]
    text = "وقع الهجوم في 10 يوليو 2015، وغداة الهجوم زار الوزير المكان."
    assert [(t.text, t.value) for t in tag(text, FRI)] == [("10 يوليو 2015", "2015-07-10"), ("وغداة", "2015-07-11")]


def test_the_day_after_an_undated_event_stays_unresolved():
    text = "وفي اليوم التالي للهجوم أعلن الجيش حظر التجول. وغداة الاقتحام زار الوزير المكان."
    assert [(t.text, t.value) for t in tag(text, FRI)] == [("اليوم التالي", ""), ("وغداة", "")]


def test_three_months_later_counts_from_the_date_in_force_not_the_dct():
    dated = [(t.text, t.value) for t in tag("وقعت الاتفاقية في 5 مارس 2010، وبعد ثلاثة أشهر انهارت.", FRI)]
    assert dated == [("5 مارس 2010", "2010-03-05"), ("وبعد ثلاثة أشهر", "2010-06")]
    # nothing to count from: the length of time, not a date from the DCT
    undated = [(t.text, t.type, t.value) for t in tag("انهارت الهدنة بعد ثلاثة أشهر.", FRI)]
    assert undated == [("ثلاثة أشهر", "DURATION", "P3M")]


def test_today_corrected_by_a_weekday_moves_later_relative_days():
    text = "تراجع الذهب اليوم الاثنين. وكان قد ارتفع أمس."
    assert [t.value for t in tag(text, FRI)] == ["2015-07-27", "2015-07-26"]


def test_the_trigger_prefilter_changes_no_result(monkeypatch, corpus_dir):
    """Skipping families whose trigger words are absent must give the same timexes as running them all."""
    from waqai.extract.patterns import Grammar, grammar

    texts = [(text, dct) for text, dct, _ in CASES.values()]
    texts += [(path.read_text(encoding="utf-8-sig"), FRI) for path in sorted(corpus_dir.glob("*.txt"))]
    filtered = [[t.as_json() for t in tag(text, dct)] for text, dct in texts]
    everything = frozenset(name for name, _ in grammar().families)
    monkeypatch.setattr(Grammar, "families_for", lambda self, sentence: everything)
    assert [[t.as_json() for t in tag(text, dct)] for text, dct in texts] == filtered
