"""Event building on sentences written for these tests: happenings only, titles, plans, stance, merging.

Each rule of issue 14 has its own tests; none of these sentences comes from a real article.
"""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract import happening
from waqai.extract.events import content_tokens, make_title
from waqai.extract.merge import MergeKey, same_happening
from waqai.extract.pipeline import analyze
from waqai.extract.segment import segment

DCT = date(2030, 3, 8)  # a Friday


_PARTICLES = {"في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "و", "ب", "ل", "بعد", "قبل", "منذ", "حتى", "الذي", "التي"}


def title_form_ok(title: str) -> tuple[bool, str]:
    """More than one word, balanced brackets and quotes, not ending on a particle or an open bracket."""
    words = title.rstrip("…").split()
    if len(words) < 2:
        return False, "one word"
    if any(title.count(a) != title.count(b) for a, b in ("()", "[]", "«»", "“”")) or title.count('"') % 2:
        return False, "unbalanced"
    if words[-1][-1] in "([«“\"" or words[-1].strip("\"”»)") in _PARTICLES:
        return False, "ends badly"
    return True, ""


def events_of(text: str, dct: date = DCT):
    """The event candidates of a text published on ``dct``."""
    return analyze(text, dct, source="test").events


def titles_of(text: str, dct: date = DCT) -> list[str]:
    return [e.title for e in events_of(text, dct)]


# ---------------------------------------------------------------- only happenings


@pytest.mark.parametrize("line", [
    "عين اليوم – بيروت",
    "سلمى الأحمد – عين اليوم",
    "آخر تحديث اليوم",
])
def test_bylines_and_datelines_are_not_events(line):
    assert events_of(line + "\nقصفت الطائرات مخزنا للذخيرة في المدينة.\n") == []


def test_a_hijri_dateline_opening_a_paragraph_dates_nothing():
    text = "جدة 20 شوال 1451 هـ الموافق 5 أغسطس 2029 م واس\nافتتح الوزير مستشفى جديدا في المدينة.\n"
    assert events_of(text, date(2030, 3, 8)) == []


def test_a_sabq_style_dateline_prefix_is_cut_off_the_sentence():
    sentences = [s.text for s in segment("سبق- الطائف: افتتح الوزير اليوم مستشفى جديدا في المدينة.\n").sentences]
    assert sentences == ["سبق- الطائف:", "افتتح الوزير اليوم مستشفى جديدا في المدينة."]
    (event,) = events_of("سبق- الطائف: افتتح الوزير اليوم مستشفى جديدا في المدينة.\n")
    assert "سبق" not in event.sentence.text


def test_nowadays_today_in_an_opinion_column_is_not_an_event():
    assert events_of("إن ما نعرفه اليوم من تقدم علمي هو ثمرة جهود طويلة.\n") == []
    assert events_of("نحن اليوم بحاجة إلى مراجعة صادقة لأولوياتنا.\n") == []


_COLUMN = (
    "ما الذي تغير في مدننا؟ لا شيء تقريبا.\n"
    "ويتنافس في أسواقنا اليوم ثلاثة أنواع من التجار.\n"
    "ومن يخسر اليوم يربح غدا إذا صبر.\n"
)


def test_bare_today_in_a_column_that_asks_its_reader_is_nowadays():
    assert events_of(_COLUMN) == []


def test_a_report_with_a_question_but_a_wire_mark_keeps_its_today():
    text = "الرياض (واس)\nوتساءل الوزير: ما الذي يمنع التجار من خفض الأسعار؟\nوافتتح الوزير اليوم سوقا جديدة في المدينة.\n"
    assert [e.timex.value for e in events_of(text)] == ["2030-03-08"]


def test_a_column_keeps_its_written_dates():
    (event,) = events_of(_COLUMN + "وقد افتتحت البلدية السوق في 12 مايو 2028.\n")
    assert event.timex.value == "2028-05-12"


@pytest.mark.parametrize("sentence", [
    "تبلغ مساحتها نحو عشرين كيلومترا مربعا منذ عام 2010.",
    "وسجل خام برنت الأسبوع الماضي ثالث خسارة أسبوعية على التوالي.",
    "لقي ما لا يقل عن 400 شخص حتفهم في حوادث الطرق خلال الأشهر الستة الأولى من العام الحالي.",
    "وتراجع سعر الذهب إلى أدنى مستوياته منذ ديسمبر.",
    "وكان الهجوم الأكثر دموية لهذا العام في المنطقة.",
])
def test_statistics_rankings_and_standing_figures_are_not_events(sentence):
    assert events_of(sentence + "\n") == []


def test_a_past_standing_state_is_not_an_event_but_the_happening_before_it_is():
    assert events_of("الملعب الذي كانت القوات تسيطر عليه الأسبوع الماضي.\n") == []
    (event,) = events_of("قتلت غارة قائد الفصيل بينما كان يتنقل في سيارته في الثامن من فبراير.\n")
    assert event.timex.value == "2030-02-08" and "قتلت غارة" in event.title


def test_a_hypothetical_future_is_not_an_event_and_is_cut_from_the_fact():
    text = "وافق البرلمان أمس على الاتفاق مقابل رفع القيود، لكن سيكون بالإمكان إعادة فرض القيود خلال العقد المقبل إذا أخل الطرف الآخر بالتزاماته.\n"
    events = events_of(text)
    assert [e.timex.value for e in events] == ["2030-03-07"]
    assert "العقد المقبل" not in events[0].sentence.text


def test_a_leave_is_not_the_day_of_a_happening():
    assert events_of("غادر معظم المتدربين في إجازة نهاية الأسبوع.\n") == []


def test_a_birth_year_is_not_a_happening():
    assert events_of("والمتهمون الموقوفون هم (سالم ناصر مواليد 1991) وقد انضم وقاتل مع التنظيم في الخارج.\n") == []
    (event,) = events_of("أوقفت الشرطة أمس شابا من مواليد 1993 في حي الصفا.\n")
    assert event.timex.value == "2030-03-07"


@pytest.mark.parametrize("sentence", [
    "وسخر الخطيب من الحكومة ومن تيار الرابع عشر من آذار دون أن يسميهما.",
    "وانتقد الخطيب فريق الثامن من آذار واتهمه بتعطيل الحكومة.",
])
def test_a_bloc_named_after_a_day_is_not_a_date(sentence):
    assert events_of(sentence + "\n") == []


def test_a_bloc_word_before_a_full_date_still_dates():
    (event,) = events_of("أعلن تحالف المعارضة في 14 آذار 2029 مقاطعة الانتخابات.\n")
    assert event.timex.value == "2029-03-14"


@pytest.mark.parametrize("sentence", [
    "وتقود الولايات المتحدة منذ سبتمبر الماضي تحالفا لمكافحة المهربين.",
    "والمصنع شبه متوقف منذ عام 2027 ويعجز عن دفع الرواتب.",
    "الحي الذي يسيطر عليه المسلحون منذ يونيو 2028.",
    "وظلت الأسعار مجمدة عند مستواها منذ أبريل 2028.",
])
def test_a_state_since_a_date_is_not_a_happening(sentence):
    assert events_of(sentence + "\n") == []


@pytest.mark.parametrize("sentence", [
    "وقال المرصد إن أكثر من 12 ألف شخص قتلوا منذ بداية النزاع في مايو 2027.",
    "وذكر المرصد أن نحو مليوني شخص قد أصيبوا منذ اندلاع الحرب في أبريل 2026.",
    "وقتل 57 مدنيا منذ بدء الغارات على الإقليم في أكتوبر الماضي.",
])
def test_a_running_total_since_a_date_is_not_a_happening(sentence):
    assert events_of(sentence + "\n") == []


def test_a_count_right_after_since_a_date_dates_the_campaign_start():
    (event,) = events_of("وحملت الحكومة المتمردين مسؤولية أكثر من 40 هجوما منذ منتصف يناير الماضي.\n")
    assert event.timex.value == "2030-01"
    (event,) = events_of("وألقت الحكومة باللوم على المتمردين في أكثر من 40 هجوما منذ منتصف يناير الماضي.\n")
    assert event.timex.value == "2030-01"


def test_a_happening_since_which_a_state_lasts_is_kept():
    (event,) = events_of("سيطرت المعارضة على البلدة منذ 12 يناير الماضي.\n")
    assert event.timex.value == "2030-01-12"
    (event,) = events_of("ومنذ 12 يناير الماضي، سيطرت المعارضة على البلدة.\n")
    assert event.timex.value == "2030-01-12"
    (event,) = events_of("وقال المحلل: «منذ مايو 2028، أسهم الحرس في صد الهجوم على الميناء».\n")
    assert event.timex.value == "2028-05"
    # منذ governs the happening (فرضه), whose date follows: the date is the imposition's.
    (event,) = events_of("وهذا هو التمديد الرابع لحظر التجول منذ فرضه لأول مرة في نوفمبر 2028 في الإقليم.\n")
    assert event.timex.value == "2028-11"


def test_worst_since_ranks_even_with_a_conjunction():
    assert events_of("يعد التفجير من أكثر الهجمات دموية في المدينة منذ أشهر والأسوأ منذ مايو 2027.\n") == []


def test_an_anchor_word_alone_dates_no_event():
    # غداة X where X has no date of its own: the day is only a guess (here the day after Friday), so no event.
    text = "هاجم المسلحون اليوم الجمعة مقرا للشرطة في البلدة. ويأتي هذا الهجوم غداة إقدام المسلحين على خطف ثمانية من عناصر الشرطة.\n"
    assert [e.timex.value for e in events_of(text)] == ["2030-03-08"]


def test_today_with_a_we_verb_in_a_speech_is_rhetorical():
    text = "وقال المحافظ في كلمته إن حماية الوطن مسؤوليتنا جميعا، واليوم نودع ثلاثة من أبنائنا الأبطال.\n"
    assert all(e.timex.text not in ("اليوم", "واليوم") for e in events_of(text))


def test_an_offset_beside_a_bare_year_does_not_crash():
    # قبل 16 عاما in the clause of a year written in digits only: the year has no word to look at.
    # (A forecast figure for a year, عدد العاملين في 2029 أقل من النصف, is a statistic: a happening here.)
    text = "وأوضح التقرير أن المصنع افتتح في 2029 بعد أن أعلن عنه قبل 16 عاما.\n"
    assert [e.timex.value for e in events_of(text)] == ["2029"]


def test_a_photo_caption_of_a_happening_is_kept():
    (event,) = events_of("مقاتلون في عرض عسكري وسط المدينة. 31 مايو 2029 - AFP\n")
    assert event.timex.value == "2029-05-31"


# ---------------------------------------------------------------- planned


@pytest.mark.parametrize("sentence, planned", [
    ("سيزور وزير الخارجية العاصمة الأسبوع المقبل.", True),
    ("ومن المقرر أن يعقد المجلس اجتماعا الأحد المقبل.", True),
    ("يعتزم الوزير افتتاح المعرض في العاشر من أبريل.", True),
    ("يصوت مجلس الأمن اليوم على مشروع القرار.", True),
    ("افتتح الوزير المعرض أمس في قاعة المؤتمرات.", False),
    ("أعلنت الوزارة اليوم نتائج التحقيق.", False),
])
def test_planned_flag(sentence, planned):
    (event,) = events_of(sentence + "\n")
    assert event.planned is planned


def test_a_date_after_publication_is_planned_whatever_the_tense():
    (event,) = events_of("انطلاق المهرجان في العشرين من أبريل 2030.\n")
    assert event.planned is True


# ---------------------------------------------------------------- titles


def test_title_has_no_date_and_no_debris():
    (title,) = titles_of("وكانت القوات قد شنت في وقت سابق من نهار أمس هجوما واسعا لاستعادة المطار.\n")
    assert "أمس" not in title and "نهار" not in title and title.startswith("القوات") and "هجوما" in title
    assert title_form_ok(title)[0]


@pytest.mark.parametrize("sentence, wanted", [
    ("قالت وكالة الأنباء الرسمية، اليوم، نقلا عن وزارة الداخلية، إن الشرطة اعتقلت خمسة من المشتبه بهم في الهجوم.",
     "اعتقلت خمسة"),
    ("وأوضحت وكالة الأنباء الرسمية اليوم أن القرار الذي صدر يشمل ثلاثة من قادة الجماعة.", "يشمل ثلاثة"),
    ("وأضاف المجلس في بيان اليوم أن مجلس الوزراء الذي يضم عشرين وزيرا سيجتمع بناء على طلب من الرئيس.", "سيجتمع"),
])
def test_a_statement_title_reaches_what_is_said(sentence, wanted):
    (title,) = titles_of(sentence + "\n")
    assert wanted in title and title_form_ok(title)[0]


def test_a_short_attribution_tail_stays_with_the_happening_it_attributes():
    text = ("هاجم مسلحون مجهولون قافلة تابعة للشركة الوطنية للنقل كانت تنقل مواد غذائية إلى القرى المحاصرة في الجبل "
            "وأحرقوا ثلاث شاحنات منها واختطفوا سائقيها الأربعة، بحسب ما ذكرت مصادر محلية، الخميس.\n")
    (event,) = events_of(text)
    assert event.title.startswith("هاجم مسلحون") and "بحسب" not in event.title


def test_an_attribution_that_only_reports_the_last_sentence_is_not_a_second_event():
    text = ("أعلنت وزارة الداخلية، اليوم (الخميس)، عن ضبط خلية تضم خمسة مطلوبين في العاصمة، فيما يشكل حسب ما نقلت "
            "وكالة الأنباء الرسمية اليوم عن الوزارة \"ضربة استباقية لكل من يحاول العبث بأمن البلاد وأمان مواطنيها "
            "وسلامة منشآتها العامة\".\n")
    (event,) = events_of(text, date(2030, 3, 7))
    assert event.title.startswith("أعلنت وزارة الداخلية")


def test_title_without_attribution_tail():
    (title,) = titles_of("قتل ثلاثة جنود أمس في انفجار عبوة ناسفة بحسب ما أفاد مصدر أمني للصحيفة.\n")
    assert "بحسب" not in title and "مصدر" not in title and "قتل ثلاثة جنود" in title


def test_title_of_a_statement_keeps_what_it_states():
    (title,) = titles_of("أعلنت وزارة الدفاع المعترف بها دوليا الثلاثاء أن القوات استعادت مطار المدينة.\n")
    assert title.startswith("أعلنت وزارة الدفاع") and "استعادت مطار المدينة" in title and "المعترف" not in title


def test_title_when_the_date_is_in_the_reported_clause():
    (title,) = titles_of('وكان قائد ميداني قال للإذاعة إن "القوات" سيطرت اليوم على مدرج المطار.\n')
    assert title.startswith('"القوات" سيطرت') or title.startswith("القوات") and "مدرج المطار" in title
    assert title_form_ok(title)[0]


def test_title_when_the_date_sits_in_an_adjunct():
    (title,) = titles_of("استقبل الأمير، في قصر الضيافة يوم أمس، وزير الخارجية الزائر والوفد المرافق له.\n")
    assert title.startswith("استقبل الأمير") and "وزير الخارجية" in title


def test_title_of_a_relative_clause_keeps_the_happening_it_hangs_on():
    (title,) = titles_of("اعتقلت الشرطة مهربا، في ميناء المدينة، الذي أغلقته أمس، بعد مطاردة طويلة.\n")
    assert "اعتقلت الشرطة مهربا" in title


def test_title_balances_brackets_and_never_ends_on_a_particle():
    title = make_title("أعلنت الهيئة (أمس) إطلاق برنامج جديد لدعم المزارعين في", 13, 16)[0]
    assert "(" not in title and ")" not in title and not title.endswith("في")
    for text in ["وقعت الشركتان أمس اتفاقية لتطوير الميناء في إطار الشراكة التي بدأت بين البلدين منذ سنوات طويلة في مجال الطاقة والنقل البحري والتجارة", "و أمس"]:
        for event in events_of(text + ".\n"):
            assert title_form_ok(event.title)[0], event.title


def test_two_happenings_in_one_sentence_get_two_titles():
    events = events_of("وكانت القوات قد شنت أمس هجوما على المطار في حين انتشر مئات الجنود في الميناء لتأمينه.\n")
    titles = [e.title for e in events]
    assert len(events) == 2 and {e.timex.value for e in events} == {"2030-03-07"}
    assert any("هجوما" in t and "انتشر" not in t for t in titles) and any(t.startswith("انتشر مئات الجنود") for t in titles)


def test_two_dates_in_one_sentence_date_their_own_clauses():
    events = events_of("أعلن الجيش الثلاثاء أن قواته استعادت المطار من أيدي المسلحين الذين سيطروا عليه منذ مارس.\n")
    by_value = {e.timex.value: e.title for e in events}
    assert set(by_value) == {"2030-03-05", "2030-03"}
    assert "سيطروا" in by_value["2030-03"] and by_value["2030-03"].startswith("المسلحين")
    assert by_value["2030-03-05"].startswith("أعلن الجيش")


def test_waw_that_belongs_to_the_verb_is_kept():
    (title,) = titles_of("وافق المجلس أمس على الموازنة العامة.\n")
    assert title.startswith("وافق المجلس")


# ---------------------------------------------------------------- sentences


def test_a_full_stop_glued_to_the_next_sentence_splits_it():
    texts = [s.text for s in segment("قصفت الطائرات المطار أمس.وكان المطار قد أغلق الأسبوع الماضي.\n").sentences]
    assert texts == ["قصفت الطائرات المطار أمس.", "وكان المطار قد أغلق الأسبوع الماضي."]


def test_a_long_unpunctuated_paragraph_is_cut_at_clause_boundaries():
    clause = "وافتتح الوزير مشروعا جديدا للمياه في القرية الشمالية، "
    paragraph = clause * 12
    sentences = segment(paragraph + "\n").sentences
    assert len(sentences) > 1 and all(len(s.text.split()) <= 61 for s in sentences)


# ---------------------------------------------------------------- stance


def test_a_denial_marks_only_the_clause_it_denies():
    events = events_of("وقع الهجوم على المعسكر أمس، ونفى الحرس الثوري اليوم أي علاقة له بالهجوم.\n")
    stance = {e.timex.value: e.stance for e in events}
    assert stance == {"2030-03-07": None, "2030-03-08": "denied"}


def test_adopting_a_resolution_is_not_claiming_responsibility():
    (event,) = events_of("تبنى مجلس الأمن القرار بالإجماع أمس.\n")
    assert event.stance is None
    (event,) = events_of("تبنى التنظيم الهجوم على نقطة التفتيش أمس.\n")
    assert event.stance == "claimed"


@pytest.mark.parametrize("sentence", [
    "ووصفت الحركة أمس ما نشرته الوكالة بأنه أكاذيب لا أساس لها.",
    "وردت الوزارة أمس على ما وصفته بمزاعم كاذبة عن صفقة السلاح.",
])
def test_lies_and_false_claims_are_denials(sentence):
    (event,) = events_of(sentence + "\n")
    assert event.stance == "denied"


# ---------------------------------------------------------------- merging


def _key(title: str, value: str = "2030-03-07", entities=(), kind=None):
    return MergeKey(value, None, frozenset(entities), content_tokens(title), title, kind or happening.happening_kind(title))


def test_same_vote_worded_differently_merges():
    a = _key("أقر مجلس الأمن الدولي قرارا يدين الهجوم على الميناء")
    b = _key("صادق مجلس الأمن الدولي بالإجماع على قرار يدين الهجوم على الميناء")
    assert same_happening(a, b)


def test_shared_specific_actor_and_kind_merges():
    a = _key("قصف الطيران مواقع قرب كالسو", entities={"kalsu"})
    b = _key("غارة جوية تستهدف معسكرا في كالسو", entities={"kalsu"})
    assert same_happening(a, b)


def test_shared_country_or_date_alone_does_not_merge():
    a = _key("افتتح الوزير مستشفى للأطفال في العراق")
    b = _key("قصفت الطائرات مستودعا للذخيرة في العراق")
    assert not same_happening(a, b)


def test_an_attack_and_a_statement_about_it_stay_apart():
    a = _key("هاجم مسلحون نقطة تفتيش لحرس الحدود قرب الطوال")
    b = _key("ندد الوزير بالهجوم على نقطة تفتيش حرس الحدود قرب الطوال")
    assert not same_happening(a, b)


def test_adjacent_days_never_merge():
    a = _key("أقر مجلس الأمن الدولي قرارا يدين الهجوم على الميناء", "2030-03-07")
    b = _key("أقر مجلس الأمن الدولي قرارا يدين الهجوم على الميناء", "2030-03-06")
    assert same_happening(a, _key("أقر مجلس الأمن الدولي قرارا يدين الهجوم على الميناء", "2030-03-07T10:30"))
    assert not same_happening(a, b)


def test_a_report_of_a_happening_has_the_kind_of_what_it_reports():
    assert happening.happening_kind("قال مصدر أمني إن منفذ الهجوم الانتحاري في البلدة فجر نفسه") == "attack"
    assert happening.happening_kind("ندد وزير الداخلية بالهجوم على نقطة التفتيش") == "statement"


def test_a_sources_furniture_is_learned_from_repetition():
    from waqai.extract.furniture import learn

    articles = [f"سجل الأخبار – {city}\nافتتح الوزير أمس مستشفى في {city}.\nتابعوا صفحتنا الجديدة اليوم" for city in
                ("تبوك", "حائل", "نجران", "جازان")]
    learned = learn(articles)
    text = "سجل الأخبار – الباحة\nتابعوا صفحتنا الجديدة اليوم\nافتتح الوزير أمس مستشفى في الباحة.\n"
    assert [e.title for e in analyze(text, DCT, furniture=learned).events] == ["افتتح الوزير مستشفى في الباحة"]
    assert len(analyze(text, DCT).events) == 2  # without what was learned, the footer's اليوم is an event


def test_a_parenthetical_aside_is_not_the_happening():
    (title,) = titles_of("ورفض الناطق العسكري، وهو مسؤول في الحركة في بيان على موقعها، الأحد، الاتهامات ووصفها بأنها سخيفة.\n")
    assert title.startswith("رفض الناطق العسكري") and "الاتهامات" in title and "وهو" not in title


def test_a_trailing_wa_dhalika_date_governs_the_sentence_opened_by_fi_hin():
    (title,) = titles_of("في حين تعهد قائد الفصيل، أبو علي، بالرد على الهجوم، وذلك خلال حديثه للوكالة الشهر الماضي.\n")
    assert title.startswith("تعهد قائد الفصيل")


def test_a_new_dated_clause_opened_by_wa_fi_keeps_its_own_title():
    titles = titles_of("ويقيم في البلاد نحو ألف خبير ضمن البعثة التي أنشئت في العام 2025 وفي العام 2029 أعلنت الحكومة انتهاء مهمتها.\n")
    assert any(t.startswith("أعلنت الحكومة انتهاء مهمتها") for t in titles)


def test_a_verb_cut_off_by_a_pious_formula_and_a_numeric_hijri_date_stay_out_of_the_title():
    (event,) = events_of("سيغادر – بمشيئة الله تعالى – يوم غد الخميس 5 / 11 / 1451هـ الموافق 7 / 3 / 2030م وزير الخارجية"
                         " إلى القاهرة في زيارة رسمية.\n", date(2030, 3, 6))
    assert event.title.startswith("سيغادر وزير الخارجية إلى القاهرة") and "1451" not in event.title
    assert event.planned is True


def test_a_relative_clause_hangs_on_the_noun_after_the_preposition():
    titles = titles_of("وأكد الوزير أن التحقيق يفيد بأن جماعة مسلحة تقف وراء الاعتداء الانتحاري الذي استهدف الأحد بلدة حدودية.\n")
    assert any(t.startswith("الاعتداء الانتحاري الذي استهدف بلدة حدودية") for t in titles)


def test_a_time_adjunct_clause_is_not_the_head():
    (title,) = titles_of("وقعت اشتباكات عنيفة بين الجيش والمسلحين، داخل المطار، بعد نجاح الجيش في اقتحام مدخله، ظهر أمس.\n")
    assert title.startswith("وقعت اشتباكات عنيفة")


def test_a_statement_split_by_commas_keeps_what_it_says():
    (title,) = titles_of("وقال المتحدث باسم الحركة، أبو سالم، في مقابلة تلفزيونية، أمس الثلاثاء، إن جميع المقاتلين انسحبوا من المدينة.\n")
    assert title.startswith("قال المتحدث باسم الحركة") and "انسحبوا من المدينة" in title


def test_complementizers_and_participle_fillers_do_not_open_a_title():
    titles = titles_of("وأضاف، مشيراً إلى ضعف الإجراءات، أن الشرطة اعتقلت أمس ثلاثة مشتبه بهم.\n")
    assert titles and not titles[0].startswith(("أن ", "مشيرا"))


def test_a_month_and_its_year_said_apart_are_one_date():
    (event,) = events_of("وفرضت الحكومة حالة الطوارئ لأول مرة في أكتوبر العام الماضي.\n")
    assert event.timex.value == "2029-10"


def test_fa_of_a_verb_is_kept():
    (title,) = titles_of("فقدت العملة أمس نحو ثلاثة في المئة من قيمتها أمام الدولار.\n")
    assert title.startswith("فقدت العملة")


def test_waw_of_a_verb_with_shadda_is_kept():
    (title,) = titles_of("وقّع الوزير أمس اتفاقية لتطوير الميناء.\n")
    assert title.startswith("وقّع الوزير")


def test_a_dated_opener_is_a_happening_of_its_own_too():
    events = events_of("حاصر الجيش مدينة الساحل، في حين قصف الطيران منازل قادة المسلحين أمس الخميس.\n")
    titles = [e.title for e in events]
    assert any(t.startswith("حاصر الجيش مدينة الساحل") for t in titles)
    assert any(t.startswith("قصف الطيران منازل قادة المسلحين") for t in titles)


def test_honorifics_are_left_out_of_titles():
    (title,) = titles_of("استقبل صاحب السمو الملكي الأمير خالد أمس معالي وزير الخارجية.\n")
    assert "صاحب السمو" not in title and "معالي" not in title and title.startswith("استقبل")


def test_a_rising_toll_is_not_a_market_move():
    assert happening.verb_class("ارتفعت حصيلة ضحايا الهجوم على المسجد إلى 15 قتيلا") != "market"
    assert happening.verb_class("ارتفعت أسعار النفط في التعاملات الآسيوية") == "market"


@pytest.mark.parametrize("sentence", [
    "اعتقلت الشرطة أمس خمسة أشخاص كانوا يعتزمون السفر إلى الخارج.",
    "قال الوزير في مؤتمر صحفي أمس إنه إذا طبق الاتفاق فإنه سيجعل المنطقة أكثر أمنا.",
])
def test_a_past_intent_or_a_hypothesis_does_not_make_a_happening_planned(sentence):
    assert [e.planned for e in events_of(sentence + "\n")] == [False]


def test_a_source_describing_the_bomber_reports_the_same_attack():
    a = _key("قال مصدر أمني إن منفذ العملية الانتحارية في بلدة الساحل شاب في العشرين")
    b = _key("استهدف الاعتداء الانتحاري بلدة الساحل وأوقع ثلاثين قتيلا وتبنى التنظيم منفذ الهجوم")
    assert a.kind == b.kind == "attack" and same_happening(a, b)


def test_a_short_mention_merges_with_the_full_report_of_its_place_but_not_another_place():
    full = _key("استهدف الاعتداء الانتحاري بلدة الساحل وأوقع ثلاثين قتيلا")
    assert same_happening(_key("عقب تفجير الساحل"), full)
    assert not same_happening(_key("عقب تفجير الوادي"), full)


def test_issuing_a_statement_is_a_statement():
    assert happening.verb_class("أصدر الديوان الملكي بيانا حول سفر الملك") == "statement"
    assert happening.verb_class("أصدر الملك أمرا بتعيين وزير جديد") == "decision"


def test_targeted_with_sanctions_is_a_decision():
    assert happening.verb_class("الأشخاص الذين تم استهدافهم بالعقوبات") == "decision"


# ---------------------------------------------------------------- daily hours, model years, glued end markers


def test_clock_time_opening_daily_hours_is_no_happening():
    text = "قررت البلدية تمديد منع السير في الشارع من الثامنة مساء وحتى الخامسة صباحا.\n"
    assert not [e.timex.text for e in events_of(text)]
    text = "يبدأ منع السير في وسط المدينة من منتصف الليل.\n"
    assert not events_of(text)


def test_clock_time_with_its_day_still_dates_a_happening():
    assert happening.is_daily_hours("بدأ القصف من الساعة الثالثة فجر اليوم", 11, "الساعة الثالثة فجر اليوم", "TIME") is False
    assert happening.is_daily_hours("انفجرت القنبلة في الثامنة مساء", 17, "الثامنة مساء", "TIME") is False
    assert happening.is_daily_hours("يمنع السير من الثامنة مساء", 13, "الثامنة مساء", "TIME") is True


def test_model_year_is_no_happening():
    text = "انقلبت شاحنة من طراز قديم موديل 2009 على الطريق السريع أمس.\n"
    values = [e.timex.value for e in events_of(text)]
    assert "2009" not in values
    assert "2030-03-07" in values


def test_end_marker_glued_to_its_list_ends_the_article():
    text = ("افتتح الوزير أمس مدرسة جديدة في القرية.\n"
            "مقالات أخرى للكاتبحكاية المطر في يوم 5 مايو 2029 وداع الصيف\n")
    layout = segment(text)
    assert [s.text for s in layout.sentences][-1].startswith("افتتح")
    assert [e.timex.value for e in events_of(text)] == ["2030-03-07"]


def test_word_with_tanween_is_no_verb():
    assert not happening.has_verb("قراراً بإغلاق المعبر")
    assert happening.has_verb("قرر الوزير إغلاق المعبر")
    title, _ = make_title("أصدرت الوزارة ، مساء أمس ، قراراً بإغلاق المعبر الحدودي.", 16, 24)
    assert "قراراً" in title and "المعبر" in title


def test_long_paragraph_is_not_cut_before_an_adjunct():
    filler = "، ".join(["وأصيب عدد من المارة بجروح طفيفة نقلوا على إثرها إلى المستشفى"] * 6)
    text = "انفجرت سيارة مفخخة يقودها انتحاري مجهول الهوية أمس، قرب سوق الخضار في وسط البلدة الصغيرة، " + filler + "\n"
    sentences = [s.text for s in segment(text).sentences]
    assert "قرب سوق الخضار" in sentences[0]
    titles = [e.title for e in events_of(text)]
    assert any("سوق الخضار" in t for t in titles)


def test_date_closing_a_clause_does_not_part_verb_from_object():
    text = "وقالت الشرطة إن المسلحين أحرقوا في ساعة متأخرة من ليل أمس ، مخازن الحبوب في القرية المجاورة."
    start = text.index("ليل أمس")
    title, _ = make_title(text, start, start + len("ليل أمس"))
    assert "مخازن الحبوب" in title


def test_two_announcements_naming_one_group_stay_apart():
    a = _key("أعلنت قيادة حرس الحدود عن إحباط تسلل عناصر من جماعة المتمردين قرب الوادي", entities=("rebels",),
             kind="statement")
    b = _key("أعلن الجيش عن مقتل خمسة من عناصر جماعة المتمردين بقصف مدفعي على مخبئهم", entities=("rebels",),
             kind="statement")
    assert not same_happening(a, b)
    c = _key("أعلن الجيش عن مقتل خمسة من عناصر جماعة المتمردين بقصف مدفعي", entities=("rebels",), kind="statement")
    assert same_happening(b, c)


def test_piece_opening_on_a_particle_after_a_closing_date_is_not_an_object():
    text = "وقالت الشرطة إن المسلحين أحرقوا في ساعة متأخرة من ليل أمس ، إذ تستهدف الجماعة مخازن الحبوب منذ شهور."
    start = text.index("ليل أمس")
    title, _ = make_title(text, start, start + len("ليل أمس"))
    assert "تستهدف" not in title


# ---------------------------------------------------------------- evtitle: happenings, titles, precision


def test_a_contract_month_is_no_date_and_stays_in_the_title():
    found = [(e.timex.value, e.title) for e in events_of("وينتهي أجل عقد نوفمبر غدا السبت.\n")]
    assert found == [("2030-03-09", "ينتهي أجل عقد نوفمبر")]
    # عقد the verb (held) before a date still dates its happening.
    found = [(e.timex.value, e.title) for e in events_of("وعقد الوزراء أمس اجتماعا طارئا في عمان.\n")]
    assert found == [("2030-03-07", "عقد الوزراء اجتماعا طارئا في عمان")]


def test_the_link_line_of_a_news_site_ends_the_article():
    text = ("أعلن الدفاع المدني اليوم إخماد حريق في مستودع بالدمام.\n"
            "رابط الخبر بصحيفة المرصد: الدفاع المدني يخمد اليوم حريقا في الدمام\n")
    layout = segment(text)
    assert len(layout.sentences) == 1
    assert titles_of(text) == ["أعلن الدفاع المدني إخماد حريق في مستودع بالدمام"]


def test_a_heading_that_announces_the_text_of_a_statement_is_no_event():
    text = "وكان قد صدر عن رئاسة الوزراء أمس البيان التالي:\nبيان من رئاسة الوزراء\n"
    assert events_of(text) == []


def test_an_order_heading_its_text_keeps_its_event_without_the_heading_words():
    text = "صدر أمس مرسومٌ رئاسيٌّ فيما يلي نصه:\nبسم الله الرحمن الرحيم\n"
    assert [(e.timex.value, e.title) for e in events_of(text)] == [("2030-03-07", "صدر مرسومٌ رئاسيٌّ")]


def test_a_feast_beside_a_date_names_the_happening_and_stays_in_the_title():
    found = [(e.timex.value, e.title) for e in events_of("وتبدأ إجازة عيد الفطر يوم 30 مارس الجاري في جميع الجامعات.\n")]
    assert found == [("2030-03-30", "تبدأ إجازة عيد الفطر في جميع الجامعات")]
    found = [(e.timex.value, e.title) for e in events_of("أقامت البلدية صباح اليوم حفل معايدة بعيد الفطر المبارك للموظفين.\n")]
    assert found == [("2030-03-08TMO", "أقامت البلدية حفل معايدة بعيد الفطر المبارك للموظفين")]


def test_a_year_its_clause_also_gives_as_a_day_dates_nothing_more():
    text = "وتنطلق البطولة يوم الأحد 14/ 11/ 1451 هـ الموافق 11/ 3 2030م في ملعب المدينة.\n"
    (only,) = [e.timex for e in events_of(text)]
    assert only.granularity == "day" and only.text.startswith("يوم الأحد")


def test_noting_that_opens_a_clause_of_its_own():
    text = "وأضاف أن التسجيل يبدأ يوم الأحد المقبل علماً بأن الاختبارات تنطلق يوم 20 مارس الجاري.\n"
    found = sorted((e.timex.value, e.title) for e in events_of(text))
    assert found == [("2030-03-10", "التسجيل يبدأ"), ("2030-03-20", "الاختبارات تنطلق")]


def test_a_relative_clause_hangs_on_the_noun_after_a_pronoun_or_a_demonstrative():
    text = "أعلنت الشرطة أن رجلا في الأربعين هو قائد الشاحنة التي اقتحمت السوق يوم الأربعاء.\n"
    assert titles_of(text) == ["قائد الشاحنة التي اقتحمت السوق"]
    text = "وسمعت انفجارات تسببها في هذه الأثناء طائرات الجيش التي بدأت قصف المعسكر في وقت سابق من يوم الخميس.\n"
    assert titles_of(text) == ["طائرات الجيش التي بدأت قصف المعسكر"]


def test_time_of_day_words_left_before_a_date_are_debris():
    text = "ودعا الوزير إلى احترام التهدئة التي بدأ سريانها منتصف الليلة الماضية.\n"
    assert titles_of(text) == ["احترام التهدئة التي بدأ سريانها"]
    text = "وقال المتحدث إن الشرطة تمكنت من دخول المبنى في وقت مبكر من صباح اليوم.\n"
    assert titles_of(text) == ["الشرطة تمكنت من دخول المبنى"]


def test_continuing_a_statement_is_a_say_verb_too():
    text = "وتابع في مؤتمر صحفي بالعاصمة إن الحكومة ستناقش الخطة أثناء اجتماع اليوم الجمعة.\n"
    assert titles_of(text) == ["الحكومة ستناقش الخطة أثناء اجتماع"]


def test_a_date_in_the_attribution_dates_the_sentences_own_happening():
    text = ("أعلنت الشرطة أن سائقاً في الثلاثين هو منفذ الهجوم الذي وقع يوم الاثنين وأوقع خمسة جرحى، "
            "حسبما أفاد مصدر أمني الأربعاء.\n")
    found = {e.timex.value: e.title for e in events_of(text)}
    assert found["2030-03-06"].startswith("أعلنت الشرطة أن سائقاً في الثلاثين هو منفذ الهجوم")
    assert found["2030-03-04"].startswith("منفذ الهجوم الذي وقع")


def test_a_short_place_said_last_joins_the_title():
    text = "أعلنت قيادة العمليات المشتركة في الجيش اليوم، عن مقتل سبعة مسلحين من التنظيم بغارة استهدفت مخبأهم، شمالي المدينة.\n"
    assert titles_of(text) == ["أعلنت قيادة العمليات المشتركة في الجيش عن مقتل سبعة مسلحين من التنظيم بغارة استهدفت مخبأهم شمالي المدينة"]


def test_then_opens_the_next_happening_with_its_own_date_and_title():
    text = ("تغادر اليوم الجمعة إلى تركيا بعثة المنتخب الوطني لإقامة معسكر تدريبي يستمر أسبوعين ومن ثم يتوجه المنتخب "
            "إلى الدوحة لمواجهة نظيره القطري في 28 مارس الجاري.\n")
    found = {e.timex.value: e.title for e in events_of(text)}
    assert found == {
        "2030-03-08": "تغادر إلى تركيا بعثة المنتخب الوطني لإقامة معسكر تدريبي يستمر أسبوعين",
        "2030-03-28": "يتوجه المنتخب إلى الدوحة لمواجهة نظيره القطري",
    }


def test_a_date_closing_a_since_phrase_dates_the_happening_it_names():
    text = "وتشهد المنطقة مواجهات متواصلة قتل فيها العشرات منذ اندلاع الاحتجاجات في الريف في مايو 2027.\n"
    assert [(e.timex.value, e.title) for e in events_of(text)] == [("2027-05", "اندلاع الاحتجاجات في الريف")]
    # منذ + a pronoun names nothing on its own: the sentence's title stays.
    text = "وهذا التمديد هو الثاني لحظر التجول منذ فرضه لأول مرة في يناير الماضي في المدينة.\n"
    (title,) = titles_of(text)
    assert title.startswith("هذا التمديد هو الثاني لحظر التجول")


def test_a_written_date_that_is_part_of_a_name_stays_in_the_title():
    text = "وقال المتحدث إن المتهم كان على علم مسبق بتفجيرات 7 يوليو 2025 في العاصمة.\n"
    (event,) = events_of(text)
    assert event.timex.value == "2025-07-07" and "تفجيرات 7 يوليو 2025" in event.title
    # A relative date or a weekday after the same noun is the happening's day, not a name.
    text = "ونددت الحكومة بتفجيرات الخميس التي استهدفت السوق المركزي.\n"
    titles = titles_of(text)
    assert titles and all("الخميس" not in t for t in titles)


def test_a_say_verb_with_no_subject_takes_the_speaker_of_the_sentence_before():
    text = ("قال وزير الخارجية الأردني سامر الخطيب إن المحادثات كانت بناءة.\n"
            "وقال خلال مؤتمر صحفي اليوم الجمعة \"لن نقبل بأي تسوية ناقصة\".\n")
    assert titles_of(text) == ['قال وزير الخارجية الأردني سامر الخطيب خلال مؤتمر صحفي "لن نقبل بأي تسوية ناقصة"']
    text = ("أكد مدير الجامعة خالد العمري في كلمته، اليوم، جاهزية الكليات للعام الجديد.\n"
            "وأضاف: الدراسة تبدأ يوم الأحد المقبل في جميع الكليات.\n")
    assert "أضاف مدير الجامعة خالد العمري الدراسة تبدأ في جميع الكليات" in titles_of(text)


def test_a_say_verb_with_its_own_subject_or_no_speaker_before_is_left_alone():
    text = "وقال المتحدث باسم الشرطة أمس إن التحقيق مستمر.\n"
    assert titles_of(text) == ["قال المتحدث باسم الشرطة إن التحقيق مستمر"]
    text = "افتتح المعرض أبوابه للزوار.\nوقال خلال الافتتاح اليوم الجمعة إن المعرض يضم مئة جناح.\n"
    assert titles_of(text) == ["قال خلال الافتتاح إن المعرض يضم مئة جناح"]


def test_a_feast_no_date_word_introduces_is_the_occasion_anywhere_in_the_sentence():
    text = "ونظمت، صباح اليوم، جمعية الأيتام حفل معايدة بعيد الأضحى المبارك للأطفال.\n"
    found = [(e.timex.value, e.title) for e in events_of(text)]
    assert found == [("2030-03-08TMO", "نظمت جمعية الأيتام حفل معايدة بعيد الأضحى المبارك للأطفال")]
    # Introduced by في, the feast is a date of its own.
    text = "وصل الوفد في عيد الفطر، وغادر العاصمة يوم 5 مارس الجاري.\n"
    assert len({e.timex.value for e in events_of(text)}) == 2


def test_a_calendar_or_a_rule_after_according_to_is_no_attribution():
    from waqai.extract.clauses import clauses

    text = "وتبدأ الإجازة يوم الأحد 3 شوال حسب تقويم أم القرى، الموافق 10 مارس، وفق الخطة المعتمدة."
    assert all(c.kind != "attribution" for c in clauses(text))
    text = "وتسلم المنتخب الكأس أمس حسب وكالة الأنباء الرسمية."
    assert [c.kind for c in clauses(text)] == ["main", "attribution"]


def test_lone_dashes_left_by_a_pious_formula_are_debris_but_hyphens_stay():
    text = "وسيزور الوزير -بمشيئة الله- العاصمة غدا لبحث الاتفاق الأمريكي-الروسي.\n"
    assert titles_of(text) == ["سيزور الوزير العاصمة لبحث الاتفاق الأمريكي-الروسي"]


def test_a_date_in_brackets_after_another_restates_it():
    # The quoted order's "today" is the paper's "(yesterday)", Thursday: one happening, that day.
    text = "وغادر الرئيس هذا اليوم (أمس) الخميس إلى الخارج في زيارة رسمية.\n"
    assert [e.timex.value for e in events_of(text)] == ["2030-03-07"]


def test_a_sentence_broken_by_a_line_break_is_read_as_one():
    text = ("افتتاح المعرض الدولي للكتاب\n"
            "افتتح وزير الثقافة الدكتور سالم الراشد معرض الكتاب الدولي في قاعة المؤتمرات الكبرى\n"
            "بالعاصمة أمس، وذلك بحضور عدد من الأدباء والناشرين.\n"
            "وأكد الوزير في كلمته أهمية القراءة.\n")
    layout = segment(text)
    assert [s.paragraph for s in layout.sentences] == [0, 1, 2]
    assert layout.title == "افتتاح المعرض الدولي للكتاب"
    assert titles_of(text) == ["افتتح وزير الثقافة الدكتور سالم الراشد معرض الكتاب الدولي في قاعة المؤتمرات الكبرى بالعاصمة"]


@pytest.mark.parametrize("following", [
    "وأكد الوزير في كلمته أهمية القراءة.",  # a conjunction opens a sentence
    "يذكر أن المعرض يقام كل عام.",  # a filler
    "أعلن الناشرون مشاركة مئة دار.",  # a verb
    "في سياق متصل أعلن الناشرون مشاركة مئة دار.",  # a preposition
])
def test_a_line_opening_a_sentence_of_its_own_is_not_joined(following):
    text = ("العنوان الرئيسي للخبر\n"
            "افتتح وزير الثقافة الدكتور سالم الراشد معرض الكتاب الدولي في قاعة المؤتمرات الكبرى بالعاصمة\n"
            + following + "\n")
    assert len(segment(text).sentences) == 3


def test_a_relative_clause_after_a_long_main_clause_keeps_its_antecedent_only():
    text = ("أقام أمير المنطقة الأمير سالم بن فهد بن عبدالله نائب رئيس اللجنة العليا للإغاثة، صلاة الغائب على الضحايا "
            "الذين سقطوا في انهيار جسر المدينة القديمة أمس.\n")
    assert titles_of(text) == ["الضحايا الذين سقطوا في انهيار جسر المدينة القديمة"]


@pytest.mark.parametrize("clause", ["أدى الأمير صلاة الغائب", "ألقى الوزير كلمة في الحفل", "أبدى الوفد استعداده للحوار"])
def test_weak_final_verbs_are_verbs(clause):
    assert happening.has_verb(clause)


def test_a_caption_line_ending_on_its_credit_is_not_joined_to_the_next_line():
    text = ("عرض عسكري للفصائل في العاصمة\n"
            "مقاتلون من الفصائل المسلحة في عرض عسكري وسط العاصمة خلال احتفال رسمي. 31 مايو 2029 - AFP\n"
            "مقاتلون من الفصائل المسلحة في عرض عسكري وسط العاصمة خلال احتفال رسمي. 31 مايو 2029 - AFP\n")
    assert all("\n" not in s.text for s in segment(text).sentences)
    assert [e.timex.value for e in events_of(text)] == ["2029-05-31", "2029-05-31"]


def test_a_duration_measured_from_another_happening_is_no_length_to_keep():
    text = ("وتعرضت القاعدة العسكرية في ريف المدينة الشرقي، مساء الأربعاء، لهجوم بطائرات مسيرة، "
            "بعد يوم من إعلان الجيش تعرض قواته لهجمات عدة.\n")
    (title,) = titles_of(text)
    assert title.startswith("تعرضت القاعدة العسكرية في ريف المدينة الشرقي لهجوم بطائرات مسيرة")
    assert "بعد يوم" not in title


def test_a_relative_clause_right_after_a_full_stop_is_still_relative():
    from waqai.extract.clauses import clauses

    text = "وينتشر في البلاد نحو ألف جندي ضمن التحالف الدولي .الذي أنشئ في العام 2024 لمحاربة الإرهاب."
    assert [c.kind for c in clauses(text)] == ["main", "relative"]


def test_a_short_relative_clause_keeps_the_clause_it_hangs_on():
    text = "وينتشر في البلاد نحو ألف جندي ضمن التحالف الدولي الذي أنشئ في العام 2024.\n"
    assert titles_of(text) == ["ينتشر في البلاد نحو ألف جندي ضمن التحالف الدولي الذي أنشئ"]


def test_the_word_after_a_relative_pronoun_is_its_verb():
    assert happening.has_verb("الذين طالتهم يد الغدر في المسجد")
    assert not happening.has_verb("قوات الأمن في بيروت")


def test_a_relative_clause_after_a_glued_preposition_hangs_on_its_noun():
    text = "وندد رئيس البرلمان الأردني سامر العلي بالتفجير الإرهابي الذي استهدف السوق الشعبي أمس.\n"
    assert titles_of(text) == ["التفجير الإرهابي الذي استهدف السوق الشعبي"]


def test_a_year_kept_in_a_named_date_is_not_trimmed_off_the_title():
    text = "وقال المتحدث إن المتهم كان على علم مسبق بتفجيرات 7 يوليو عام 2025.\n"
    (title,) = titles_of(text)
    assert title.endswith("بتفجيرات 7 يوليو عام 2025")


def test_an_offset_beside_an_absolute_date_of_its_clause_dates_nothing():
    text = ("ومددت الحكومة أمس حظر التجول لشهرين آخرين، بعد ستة أشهر فرض لأول مرة في سبتمبر العام الماضي، "
            "في محاولة لوقف الهجمات.\n")
    values = sorted(e.timex.value for e in events_of(text))
    assert values == ["2029-09", "2030-03-07"]  # no event six months after publication


def test_an_anchor_word_alone_stays_in_the_title():
    text = "وقال الوزير غداة لقائه أمس مع نظيره الفرنسي إن المحادثات كانت مثمرة.\n"
    titles = titles_of(text)
    assert titles and all(t.startswith("قال الوزير غداة لقائه مع نظيره الفرنسي") for t in titles)


def test_an_ongoing_state_borrows_no_date_to_become_a_second_happening():
    text = "وقتل خمسة مسلحين في اشتباكات شرقي المدينة أمس، فيما استمرت الاشتباكات في الأحياء الغربية.\n"
    assert [e.title for e in events_of(text)] == ["قتل خمسة مسلحين في اشتباكات شرقي المدينة"]
    text = "وقتل خمسة مسلحين في اشتباكات شرقي المدينة أمس، فيما قصف الطيران مواقع المسلحين في الأحياء الغربية.\n"
    assert len(events_of(text)) == 2


def test_the_year_of_a_feast_beside_a_date_dates_nothing_either():
    text = "تقيم البلدية حفل المعايدة بمناسبة حلول عيد الفطر المبارك 1451هـ، اليوم في مقرها الرئيسي.\n"
    assert [e.timex.value for e in events_of(text)] == ["2030-03-08"]


@pytest.mark.parametrize("clause, title", [
    ("واستمرت الهجمات على مواقع الجيش", "استمرت الهجمات على مواقع الجيش"),
    ("واتهم الوزير المعارضة بالتحريض", "اتهم الوزير المعارضة بالتحريض"),
    ("وافق البرلمان على الميزانية", "وافق البرلمان على الميزانية"),
    ("واشنطن تفرض عقوبات جديدة", "واشنطن تفرض عقوبات جديدة"),
    ("وادي السيل يشهد أمطارا غزيرة", "وادي السيل يشهد أمطارا غزيرة"),
    ("علمًا أن الفريق حقق فوزه الأول", "الفريق حقق فوزه الأول"),
])
def test_the_conjunction_waw_before_alef_leaves_the_title_but_a_roots_waw_stays(clause, title):
    from waqai.extract.events import finish_title

    assert finish_title(clause) == title
