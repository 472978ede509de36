"""Which dated clauses become events, their reference point and their planned flag (issue 14).

Every sentence here is written for this suite; none comes from a corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract import happening
from waqai.extract.pipeline import analyze
from waqai.extract.segment import segment
from waqai.extract.tagger import tag_layout

DCT = date(2030, 3, 8)  # a Friday


def events_of(text: str, dct: date = DCT):
    """The event candidates of a text published on ``dct``."""
    return analyze(text, dct, source="test").events


def values_of(text: str, dct: date = DCT) -> list[str]:
    return [e.timex.value for e in events_of(text, dct)]


def timexes_of(text: str, dct: date = DCT):
    return tag_layout(segment(text, "test"), dct)


# ---------------------------------------------------------------- essays and wire marks


_COLUMN_WITH_US = (
    "ما الذي ينتظره المجتمع منا؟ الكثير.\n"
    "وليس هذا ما يليق بنا في هذه المرحلة.\n"
    "ودورنا اليوم أن نساند الجهات الأمنية في عملها ونقف صفا واحدا.\n"
)


def test_a_column_saying_with_us_is_still_an_essay():
    # بنا ("with us") is spelled like the Bahrain agency's mark; in prose it is no wire mark.
    assert events_of(_COLUMN_WITH_US) == []


def test_an_ambiguous_agency_name_set_off_as_a_mark_still_makes_a_report():
    text = "المنامة (بنا)\nوتساءل الوزير: من يتحمل كلفة التأخير؟\nوافتتح الوزير اليوم مستشفى جديدا في المدينة.\n"
    assert values_of(text) == ["2030-03-08"]


# ---------------------------------------------------------------- lasting states


@pytest.mark.parametrize("sentence", [
    "وتستمر فعاليات المهرجان حتى الخامس عشر من الشهر الجاري.",
    "وأوضح النادي أن موافقة الإدارة على انتقال اللاعب سارية حتى يوم الخميس المقبل.",
    "وأقر البرلمان قانونا يقضي بالعفو عن المعتقلين منذ بداية الأزمة وحتى تاريخ أمس.",
    "ويبقى المدير في منصبه حتى نهاية مايو المقبل.",
])
def test_a_date_that_ends_a_lasting_state_is_not_a_happening(sentence):
    assert events_of(sentence + "\n") == []


def test_a_happening_until_a_date_without_a_lasting_state_still_dates():
    # لن … حتى X and a happening that reaches a day (وصل حتى) are not states that last.
    assert values_of("ووصلت القافلة حتى أطراف المدينة يوم الأربعاء.\n") == ["2030-03-06"]


@pytest.mark.parametrize("sentence", [
    "وتقع البلدة في المحافظة التي شهدت معارك عنيفة منذ مطلع 2027.",
    "والمدينة التي عانت من الحصار منذ يناير 2028 تنتظر المساعدات.",
])
def test_a_place_that_witnessed_fighting_since_a_date_is_a_state(sentence):
    assert events_of(sentence + "\n") == []


def test_a_happening_since_a_date_is_still_kept_with_other_verbs():
    assert values_of("سيطرت المعارضة على البلدة منذ 12 يناير الماضي.\n") == ["2030-01-12"]


@pytest.mark.parametrize("sentence", [
    "وكان الرجل مستشارا لرئيس الاتحاد عام 2019 قبل أن ينفصل عنه.",
    "وكانت الأسعار مرتفعة جدا في 2021.",
])
def test_was_with_a_noun_is_a_past_state(sentence):
    assert events_of(sentence + "\n") == []


def test_was_then_a_fifth_form_perfect_is_a_happening():
    # ترأس after a masculine كان is a perfect (he chaired), not an imperfect: كانت القوات تسيطر is a state.
    (event,) = events_of("وكان رئيس الوزراء ترأس أمس الخميس اجتماعا أمنيا طارئا في العاصمة.\n")
    assert event.timex.value == "2030-03-07"
    assert "ترأس" in event.title
    assert events_of("الملعب الذي كانت القوات تسيطر عليه الأسبوع الماضي.\n") == []


# ---------------------------------------------------------------- verbs


def test_a_passive_casualty_verb_tells_a_happening():
    (event,) = events_of("أُصيب طفلان وفتاة عصر اليوم إثر سقوط قذيفة على منزلهم في البلدة.\n")
    assert event.timex.value == "2030-03-08TAF"
    assert happening.has_verb("وأصيبوا بجروح طفيفة")


# ---------------------------------------------------------------- reference points


def test_the_day_after_tomorrow_beside_today_is_a_second_dated_happening():
    events = events_of("أعلن الحلف اليوم الجمعة في بيان عن عقد جلسة طارئة لسفرائه بعد غد الأحد بناء على طلب أحد أعضائه.\n")
    assert sorted(e.timex.value for e in events) == ["2030-03-08", "2030-03-10"]
    assert [e.planned for e in events if e.timex.value == "2030-03-10"] == [True]


def test_an_offset_from_another_happening_still_dates_nothing():
    events = events_of("أصدرت الحكومة يوم السبت قرارا بتمديد الحظر بعد تسعة أشهر من فرضه.\n")
    assert [e.timex.value for e in events] == ["2030-03-02"]


def test_the_night_between_two_weekdays_is_one_date():
    events = events_of("وقتل 12 مسلحا في مواجهات اندلعت، ليل الأحد الإثنين، غربي المدينة.\n", date(2030, 3, 5))
    assert [e.timex.value for e in events] == ["2030-03-03TNI"]


def test_friday_prayer_beside_another_date_names_the_prayer():
    events = events_of("وتعرض المسجد إلى تفجير خلال صلاة الجمعة في 14 فبراير الماضي ما أدى إلى مقتل عشرة أشخاص.\n")
    assert [e.timex.value for e in events] == ["2030-02-14"]


def test_a_weekday_of_prayer_alone_still_dates():
    (event,) = events_of("وأدى الأمير صلاة الجمعة في المسجد الكبير بحضور الوزراء.\n", date(2030, 3, 9))
    assert event.timex.value == "2030-03-08"


def test_came_the_day_after_keeps_the_day_of_the_happening_told_before():
    # وجاءت الضربات غداة X: غداة is the strikes' own day; a quoted "اليوم" after it is that day too.
    text = ("قصفت الطائرات اليوم الجمعة مواقع للمسلحين قرب الحدود. وجاءت الضربات غداة الإعلان عن اتفاق بين البلدين. "
            "وقال الجيش في بيان: \"استهدفت طائراتنا ثلاثة مواقع فجر اليوم الجمعة\".\n")
    timexes = [t for t in timexes_of(text) if t.type == "DATE"]
    assert [t.value for t in timexes if "غداة" in t.text] == ["2030-03-08"]
    assert [t.value for t in timexes if "فجر" in t.text] == ["2030-03-08TMO"]


def test_this_day_in_a_quoted_official_text_is_not_the_papers_writing_day():
    # هذا اليوم السبت is the order's own day; the paper of Sunday still means Saturday by أمس.
    text = ("صدر أمس أمر رسمي فيما يلي نصه:\n"
            "ونظرا لعزمنا على السفر هذا اليوم السبت التاسع من شهر شوال، فقد أنبنا ولي العهد في إدارة شؤون الدولة.\n")
    dct = date(2030, 3, 10)  # a Sunday
    (yesterday,) = [t for t in timexes_of(text, dct) if t.text == "أمس"]
    assert yesterday.value == "2030-03-09"


# ---------------------------------------------------------------- planned


def test_it_is_hoped_marks_a_plan():
    assert happening.is_future("ومن المؤمل أن يزور الوزير العاصمة")
    (event,) = events_of("ومن المؤمل أن يزور وزير الخارجية القاهرة يوم الأحد لإجراء محادثات.\n")
    assert event.timex.value == "2030-03-10" and event.planned


def test_a_nouns_coming_year_does_not_make_a_done_statement_planned():
    (event,) = events_of("أكد وزير التعليم اليوم جاهزية المدارس للعام الدراسي القادم.\n")
    assert event.timex.value == "2030-03-08" and not event.planned
    (event,) = events_of("سيزور وزير التعليم اليوم مدرسة جديدة في المدينة.\n")
    assert event.planned


def test_a_state_since_a_date_after_words_with_tanween_is_still_a_state():
    # Folding drops the tanween (جزئياً): the منذ found on folded text must be placed on the clause's own text.
    assert events_of("والمدينة التي دمرت جزئياً وأحياناً كلياً شهدت معارك عنيفة منذ مطلع 2027.\n") == []


# ---------------------------------------------------------------- figures, spans and feasts


@pytest.mark.parametrize("sentence", [
    "وهبطت مبيعات المنازل في المدينة بنحو الثلثين في النصف الأول من 2029.",
    "وقالت الشركة إن قيمة الصفقات انخفضت 40 بالمئة إلى ثلاثة مليارات درهم في 2029.",
    "بين عامي 2010 و2028، استثمرت الشركات الناشئة أكثر من 500 مليار دولار.",
])
def test_a_figure_over_a_period_or_a_span_of_years_is_a_statistic(sentence):
    assert events_of(sentence + "\n") == []


def test_a_loss_in_a_month_without_a_figure_is_still_a_happening():
    assert values_of("وفقد الجيش السيطرة على البلدة في مايو الماضي.\n") == ["2029-05"]
    assert values_of("وانخفضت أسعار النفط 3 بالمئة اليوم الجمعة.\n") == ["2030-03-08"]


@pytest.mark.parametrize("sentence", [
    "وتبادل الموظفون التهنئة بعيد الفطر المبارك متمنين للجميع الصحة والعافية.",
    "وتعددت مظاهر عيد الفطر المبارك في المدينة لا سيما على الشواطئ.",
])
def test_a_feast_no_date_word_brings_names_the_occasion(sentence):
    assert events_of(sentence + "\n") == []


def test_a_feast_a_date_word_brings_still_dates():
    (event,) = events_of("وزار المحافظ المرضى في المستشفى في يوم العيد.\n")
    assert event.timex.begin is not None
    (event,) = events_of("احتفل المسلمون أمس بعيد الفطر في الساحات العامة.\n")
    assert event.timex.value == "2030-03-07"


def test_what_a_speaker_adds_is_no_second_happening():
    text = "وتحدث المدرب عن مباراة فريقه أمام المنافس اليوم الجمعة، مشيرا إلى أن مثل هذه اللقاءات تعد أمرا ممتعا للجماهير.\n"
    assert len(events_of(text)) == 1


# ---------------------------------------------------------------- anaphoric reference points


_ANCHORED = (
    "وسط ضغوط تتعرض لها الحكومة غداة التفجير الانتحاري الذي استهدف سوق بلدة الحمراء، نفى رئيس الحكومة الاتهامات الموجهة لها.\n"
    "وقال مصدر أمني إن منفذ العملية الانتحارية في بلدة الحمراء، أول من أمس، شاب في العشرين.\n"
)


def test_the_day_after_x_is_dated_by_x_told_elsewhere_in_the_article():
    events = events_of(_ANCHORED)  # published Friday 8 March: the bombing was on Wednesday the 6th
    denial = [e for e in events if "نفى" in e.title]
    assert [e.timex.value for e in denial] == ["2030-03-07"]
    assert denial[0].title.startswith("نفى رئيس الحكومة")


def test_the_day_after_an_x_the_article_does_not_date_stays_undated():
    text = "وسط ضغوط تتعرض لها الحكومة غداة التفجير الانتحاري في سوق البلدة، نفى رئيس الحكومة الاتهامات الموجهة لها.\n"
    assert events_of(text) == []


def test_a_foreign_name_that_looks_like_a_future_verb_does_not_turn_a_weekday_ahead():
    # ستريت (Street) is no سـ + imperfect: the Thursday of a report published on Friday is the day before.
    (event,) = events_of("فيما قالت صحيفة وول ستريت جورنال الخميس إن الحكومة وافقت على فتح القاعدة الجوية.\n")
    assert event.timex.value == "2030-03-07" and not event.planned


def test_today_with_a_we_verb_ending_a_speech_that_said_we_is_rhetorical():
    # The speech says "we" (مسؤوليتنا، علينا) in an earlier sentence of its paragraph.
    text = ("وقال المحافظ في كلمته: \"إن حماية الوطن مسؤوليتنا جميعا وواجب علينا. ولن ننسى تضحيات رجال الأمن. "
            "واليوم نودع ثلاثة من أبنائنا الأبطال الذين سقطوا دفاعا عن الوطن\".\n")
    assert len(segment(text, "test").sentences) == 3
    assert all(e.timex.text not in ("اليوم", "واليوم") for e in events_of(text))


def test_a_weekday_after_what_a_call_asks_for_is_ahead():
    (event,) = events_of("دعا الأمين العام للحلف إلى اجتماع طارئ يوم الثلاثاء لبحث الوضع الأمني.\n")
    assert event.timex.value == "2030-03-12" and event.planned
    (event,) = events_of("دعا الرئيس الأحد إلى الهدوء في البلاد.\n")
    assert event.timex.value == "2030-03-03" and not event.planned


def test_a_came_clause_that_frames_the_happening_told_before_is_not_another():
    text = ("يصوت مجلس الأمن صباح اليوم الجمعة على قرار بتشكيل لجنة تحقيق. "
            "ويأتي تصويت المجلس اليوم بعد اتفاق بين الوزيرين أمس في العاصمة.\n")
    assert sorted(e.timex.value for e in events_of(text)) == ["2030-03-07", "2030-03-08TMO"]


# ---------------------------------------------------------------- sentence shapes (evnoise3)


def test_a_range_of_days_dates_its_start_not_its_end():
    text = "وكان من المقرر أن تقام البطولة في الفترة بين 12 نوفمبر المقبل والثالث من ديسمبر المقبل."
    assert values_of(text) == ["2030-11-12"]


def test_a_range_from_a_day_until_a_day_dates_its_start():
    text = "وتقام فعاليات المعرض من 20 مارس حتى 25 مارس بمشاركة 40 شركة."
    assert values_of(text) == ["2030-03-20"]


def test_a_range_whose_start_the_tagger_missed_still_dates_nothing_at_its_end():
    assert happening.closes_a_span("تعيق إقامتها بالموعد المحدد من 2031 نوفمبر وحتى ")
    assert not happening.closes_a_span("وصل الوفد يوم الأحد وغادر ")


def test_an_alternative_date_is_no_second_happening():
    text = "وقال رئيس الاتحاد إن بلاده ستكون مستعدة لاستضافة البطولة في نوفمبر 2031 أو يناير 2032."
    assert values_of(text) == ["2031-11"]


def test_two_days_joined_without_a_range_opener_both_date():
    text = "وزار الوزير مدينة جدة يوم الأحد والتقى المحافظ يوم الاثنين."
    assert values_of(text, date(2030, 3, 5)) == ["2030-03-03", "2030-03-04"]


@pytest.mark.parametrize("sentence", [
    "وأعلنت المنظمة اليوم أن أكثر من ثلاثة آلاف شخص لقوا حتفهم هذا العام أثناء عبور الحدود.",
    "وقال المتحدث إن عدد الذين غادروا البلاد بلغ 450 ألفا بحلول نهاية الأسبوع الماضي.",
    "وتم إنقاذ حوالي 9 آلاف شخص هذه السنة.",
])
def test_a_count_over_a_running_period_is_a_total(sentence):
    # Only the day the figure was announced (when the sentence says it) dates; the running period does not.
    assert all(v == "2030-03-08" for v in values_of(sentence))


def test_a_planned_count_in_the_running_month_is_still_a_plan():
    text = "وستسلم الشركة 300 حافلة جديدة للبلدية هذا الشهر."
    assert values_of(text) == ["2030-03"]


def test_a_happening_this_year_without_a_count_still_dates():
    assert values_of("وافتتحت الوزارة مستشفى جديدا في المدينة هذا العام.") == ["2030"]


def test_a_year_that_numbers_a_case_dates_nothing():
    text = "وقالت النيابة إنها أحالت القضية (رقم 17 لسنة 2029) إلى محكمة الجنايات."
    assert values_of(text) == []
    assert happening.is_numbered("صدر القانون رقم 5 لعام ", 23, "2029")


def test_a_year_after_a_case_word_without_a_number_still_dates():
    assert values_of("وأحالت النيابة القضية إلى المحكمة في عام 2029.") == ["2029"]


def test_a_happening_since_a_date_with_no_state_word_still_dates():
    text = "وسيطرت القوات على البلدة منذ 28 فبراير بعد معارك عنيفة."
    assert values_of(text) == ["2030-02-28"]


@pytest.mark.parametrize("sentence", [
    "وقال المسؤول إن المدينة اليوم باتت أكثر أمنا من ذي قبل.",
    "والعاصمة اليوم أصبحت مركزا للاستثمار في المنطقة.",
])
def test_today_before_a_verb_of_becoming_is_nowadays(sentence):
    assert values_of(sentence) == []


def test_a_forecast_end_is_a_planned_happening():
    text = "وأشار المتحدث إلى أن أعمال الإطفاء قد تستمر حتى ظهر اليوم."
    found = events_of(text)
    assert [e.timex.value for e in found] == ["2030-03-08TAF"] and found[0].planned


def test_whether_does_not_silence_the_happening_before_it():
    text = ("وقرر الاجتماع أمس تأجيل البطولة على أن يعقد اجتماع لرؤساء الاتحادات في مايو المقبل"
            " لتحديد إذا ما كانت البطولة ستبقى في الكويت.")
    assert values_of(text) == ["2030-03-07", "2030-05"]


def test_a_condition_still_silences_a_hypothetical_plan():
    text = "وسيكون بالإمكان فرض العقوبات مجددا في مايو المقبل إذا انتهكت الحكومة الاتفاق."
    assert values_of(text) == []


def test_a_named_day_without_a_year_dates_nothing():
    text = "واستهل الوزير اللقاء بالحديث عن أهمية ثورتي «25 يناير» و«30 يونيو» وتأثيرهما على السياسة الخارجية."
    assert values_of(text) == []


def test_a_named_day_the_tagger_knows_keeps_its_year():
    text = "وتحدث الرئيس أمس عن هجمات 11 سبتمبر وتداعياتها."
    assert "2001-09-11" in values_of(text)


def test_two_plain_days_joined_by_and_both_date():
    assert values_of("وزار الوزير جدة في 25 يناير و30 يناير.") == ["2030-01-25", "2030-01-30"]


@pytest.mark.parametrize("sentence", [
    "وأظهرت الإحصائية أن عدد الشركات العاملة في القطاع وصل إلى 1250 شركة في عام 2027.",
    "فيما بلغ إجمالي القروض القائمة بنهاية العام الماضي 30.9 مليار ريال.",
    "وبلغ متوسط سعر اللتر نحو 1.45 يورو في الربع الأول.",
])
def test_a_figure_for_a_month_or_a_year_is_a_statistic(sentence):
    assert values_of(sentence) == []


def test_a_statement_about_a_figure_is_still_a_happening():
    text = "وأعلنت الوزارة في يناير الماضي أن عدد الزوار تجاوز مليون زائر."
    assert values_of(text) == ["2030-01"]


def test_a_days_or_a_weeks_figure_is_not_a_figure_over_a_period():
    clause = "وبلغ إجمالي قيمة الأسهم المتداولة 5.2 مليار ريال"
    assert happening.is_figure_over_a_period(clause, "year")
    assert not happening.is_figure_over_a_period(clause, "day")
    assert not happening.is_figure_over_a_period(clause, "week")


def test_the_warmest_since_the_start_of_records_ranks_rather_than_dates():
    text = "وأعلنت الإدارة أمس أن الشهر الماضي كان الأكثر دفئا منذ بدء تسجيل درجات الحرارة في عام 1888."
    assert "1888" not in values_of(text)


def test_the_first_since_the_onset_without_a_superlative_still_dates():
    text = "وعاد اللاجئون إلى قراهم منذ بدء الهدنة في مارس الماضي."
    assert values_of(text) == ["2029-03"]


def test_the_longest_since_the_onset_of_a_war_ranks_against_it():
    text = "وعاد اللاجئون بعد أن أعلنت الهدنة في فبراير الماضي، وهي الأطول منذ بدء النزاع في 2027."
    assert values_of(text) == ["2030-02"]


@pytest.mark.parametrize("sentence", [
    "وأكدت الإدارة أن التعميم يأتي ضمن الخطة التشغيلية لموسم الحج لعام 1451هـ.",
    "وأعلنت اللجنة أمس فوز المدينة بحق استضافة الألعاب الشتوية لعام 2034.",
    "ورفض العاملون استلام رواتبهم لشهر فبراير احتجاجا على الاستقطاع.",
])
def test_a_date_for_which_a_thing_is_does_not_date_the_happening(sentence):
    assert all(v.startswith("2030-03") for v in values_of(sentence))
    assert "2034" in " ".join(e.title for e in events_of(sentence)) or "2034" not in sentence


def test_a_date_set_for_a_happening_still_dates():
    assert values_of("وأجلت المحكمة الجلسة لشهر مايو المقبل.") == ["2030-05"]
    assert values_of("وتقرر تأجيل الاجتماع لشهر مايو المقبل.") == ["2030-05"]


def test_a_year_joined_to_a_month_is_that_months_year():
    assert happening.is_attribute_date("ميزانية الدولة ", 15, "لهذا العام")
    assert not happening.is_attribute_date("يعقد الملتقى أواخر صفر ", 23, "للعام المقبل")


def test_the_baseline_of_a_comparison_dates_nothing():
    assert values_of("وزاد متوسط ساعات العمل الأسبوعية إلى 34.6 ساعة مقابل 34.5 ساعة في يناير الماضي.") == []
    # The day the figure was announced still dates; the period it is compared with does not.
    text = "وأعلنت الشركة أمس أنها خدمت 23 مليون زبون إضافي مقارنة بالفترة نفسها من عام 2029."
    assert values_of(text) == ["2030-03-07"]


def test_an_exchange_is_no_comparison():
    text = "وأفرجت الجماعة عن الرهينة مقابل فدية يوم الأحد الماضي."
    assert values_of(text) == ["2030-03-03"]


def test_a_figure_whose_number_follows_its_clause_is_still_a_statistic():
    text = "وشهد إجمالي عدد العمليات المنفذة عبر النظام العام الماضي، ارتفاعا بنسبة 11 في المئة."
    assert values_of(text) == []


@pytest.mark.parametrize("sentence", [
    "لماذا استقلت من منصبك كسفير خلال الأزمة عام 2027؟",
    "وهل يزور الوزير المدينة يوم الأحد المقبل؟",
    "ألم تفكروا في إرسال اللاعبين إلى أوروبا خلال فترة الصيف الماضي؟",
])
def test_a_date_in_a_question_tells_no_happening(sentence):
    assert values_of(sentence) == []


def test_a_fact_beside_a_question_still_dates():
    text = "لكن، لماذا اختارت الحكومة الرد الآن، خصوصا أنه في عام 2027 وقع انفجار أكبر في البلاد؟"
    assert values_of(text) == ["2027"]


def test_what_a_happening_was_worth_is_no_figure_over_a_period():
    text = "وتلقت الشركة دعما بقيمة 45 مليون دولار في يناير الماضي من صندوق استثماري."
    assert values_of(text) == ["2030-01"]


def test_between_yesterday_and_today_is_then_and_now():
    assert values_of("ومع ما يكون بين الأمس واليوم من اختلافات كثيرة في كل شيء تغيرت عادات الناس.") == []


def test_daily_hours_between_two_clock_times_are_no_happening():
    text = "وشمل القرار تمديد حظر التجوال في المنطقة ما بين السابعة مساء وحتى السادسة صباحا."
    assert values_of(text) == []


@pytest.mark.parametrize("sentence", [
    "وأطلق رئيس الوزراء هذا العام صندوقا لأبحاث الخرف بقيمة 100 مليون دولار.",
    "وتعمل السلطات في المدينة هذا الشهر على إزالة أكثر من 20 ألف قفل من الجسر.",
])
def test_a_happening_with_a_sum_or_a_count_late_in_its_clause_still_dates(sentence):
    assert len(values_of(sentence)) == 1


@pytest.mark.parametrize("sentence", [
    "وأوضح المتحدث أن المعاش زيد بقرار مجلس الوزراء رقم 11 بتاريخ 19/ 1/ 1429هـ.",
    "ويعمل البرنامج وفق الأمر السامي رقم (أ / 20) وتاريخ 20/ 3/ 1432هـ.",
])
def test_a_register_citation_dates_nothing(sentence):
    assert values_of(sentence) == []


def test_a_happening_on_a_written_date_still_dates():
    assert values_of("وأحيلت الطفلة إلى مستشفى الولادة بتاريخ 21/ 4/ 1451هـ.") != []


def test_a_baseline_six_words_after_the_comparison_word_dates_nothing():
    text = "ويتحرك سعر الصرف حاليا بين 59 و60 وحدة لكل دولار مقابل 49 و50 وحدة لكل دولار في يناير الماضي."
    assert values_of(text) == []


def test_months_a_sum_is_for_do_not_date_the_statement():
    text = "وأوضح السفير أمس أن المبلغ يمثل المساهمات الشهرية لدعم الميزانية لأشهر يناير وفبراير."
    assert values_of(text) == ["2030-03-07"]


def test_yesterday_and_today_as_two_days_both_date():
    text = "وأعلنت السفارة أمس في بيان لها أن الطائرات وصلت إلى القاعدة الجوية أمس واليوم."
    assert "2030-03-07" in values_of(text)


def test_a_verbless_amount_reported_for_the_running_year_is_a_total():
    text = "وأكد البيان أن التزام الحكومة هذا العام بتقديم الدعم المقدر بحوالى 1.3 مليار دولار، يأتي في إطار الشراكة."
    assert "2030" not in values_of(text)


def test_today_after_in_is_a_rate_per_day():
    assert values_of("ويعمل الموظفون لساعات طويلة في اليوم.") == []
    assert happening.is_per_day("رفع الإنتاج إلى 900 ألف برميل في ", 34, "اليوم")


def test_a_figure_reached_by_a_threshold_year_is_a_total():
    text = "وتقدر الحكومة الإيرادات المتوقعة من القناة بنحو 13 مليار دولار بحلول 2035."
    assert values_of(text) == []
