"""The merge rule (extract/merge.py) and its candidate lookup, both directions of every rule.

Every sentence here was written for these tests.
"""

from __future__ import annotations


import pytest

from waqai.extract import happening
from waqai.extract.events import content_tokens
from waqai.extract.gazetteer import gazetteer
from waqai.extract.merge import ADJACENT, LAGGED, NESTED, SAME, MergeKey, counts, deictic, relation, same_happening
from db_contents import ingest_texts


def _key(title: str, value: str = "2030-03-07", *, is_deictic: bool = False, doc=None, sentence: str | None = None):
    """A report as the ingest builds it: specific entities of the title, its words and kind."""
    entities = frozenset(m.entity.id for m in gazetteer().mentions(title) if not m.entity.generic)
    return MergeKey(value, None, entities, content_tokens(title), sentence or title, happening.happening_kind(title),
                    deictic=is_deictic, doc=doc)


def _ingest(tmp_path, docs: list[tuple[str, str, str]]) -> list[dict]:
    """Ingest (name, publication day, text) articles into a fresh database; return its events."""
    return ingest_texts(tmp_path, docs)[1]


def _events_with(events: list[dict], word: str) -> list[dict]:
    return [e for e in events if any(word in s["sentence"] for s in e["sources"])]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("text, expected", [
    ("أمس", True), ("اليوم", True), ("مساء اليوم", True), ("الليلة الماضية", True),
    ("نحو الساعة 10:30 صباح أمس", True),  # a clock time names an hour, not a day
    ("أمس الخميس", False), ("اليوم الاثنين", False), ("يوم السبت", False), ("5 يوليو", False),
    ("الأسبوع الماضي", False),
])
def test_a_date_read_from_today_or_yesterday_alone_is_deictic(text, expected):
    assert deictic(text) is expected


def test_how_two_dates_relate():
    day = _key("x", "2030-03-07")
    assert relation(day, _key("x", "2030-03-07T10:30")) == SAME
    assert relation(day, _key("x", "2030-03-08", is_deictic=True)) == ADJACENT
    assert relation(day, _key("x", "2030-03-08")) is None  # two explicit dates a day apart
    assert relation(_key("x", "2030-03-07", is_deictic=True), _key("x", "2030-03-08")) is None  # the deictic runs late, not early
    assert relation(day, _key("x", "2030-03-10", is_deictic=True)) == LAGGED
    assert relation(day, _key("x", "2030-03-12", is_deictic=True)) is None
    assert relation(day, _key("x", "2030-03")) == NESTED
    assert relation(day, _key("x", "2030-W10")) == NESTED
    assert relation(day, _key("x", "2030")) is None  # a year says nothing about which day


# ---------------------------------------------------------------- the rule, both ways


VOTE_A = "صادق مجلس الأمن الدولي بالإجماع على قرار يدعم اتفاق الهدنة في اليمن"
VOTE_B = "أقر مجلس الأمن الدولي قرارا يدعم اتفاق الهدنة في اليمن ويطالب بمراقبين"


def test_a_late_yesterday_meets_the_weekday_of_another_paper():
    assert same_happening(_key(VOTE_A, "2030-03-07"), _key(VOTE_B, "2030-03-08", is_deictic=True, doc=2))


def test_two_explicit_dates_a_day_apart_stay_apart_however_alike():
    assert not same_happening(_key(VOTE_A, "2030-03-07"), _key(VOTE_B, "2030-03-08"))


def test_a_day_apart_needs_a_shared_actor_and_the_kind():
    a = _key("قصفت الطائرات مستودعا للذخيرة قرب الميناء الجنوبي", "2030-03-07")
    b = _key("قصفت الطائرات مستودعا للذخيرة قرب الميناء الجنوبي للمدينة", "2030-03-08", is_deictic=True, doc=2)
    assert not a.entities and not same_happening(a, b)
    with_place = _key("قصفت الطائرات مستودعا للذخيرة قرب ميناء الحديدة", "2030-03-07")
    assert same_happening(with_place, _key("قصفت الطائرات مستودعا للذخيرة في ميناء الحديدة", "2030-03-08",
                                           is_deictic=True, doc=2))


def test_one_articles_yesterday_and_day_before_are_two_days():
    a = _key("قصفت الطائرات مستودعا للذخيرة في ميناء الحديدة", "2030-03-07", is_deictic=True, doc=1)
    b = _key("قصفت الطائرات مستودعا للذخيرة في ميناء الحديدة", "2030-03-08", is_deictic=True, doc=1)
    assert not same_happening(a, b)
    assert same_happening(a, b.__class__(**{**_fields(b), "doc": 2}))


def _fields(key: MergeKey) -> dict:
    return {name: getattr(key, name) for name in key.__slots__}


def test_again_is_never_merged_across_dates():
    a = _key("قصفت الطائرات مستودعا للذخيرة في ميناء الحديدة", "2030-03-07")
    b = _key("قصفت الطائرات مستودعا للذخيرة في ميناء الحديدة مرة أخرى", "2030-03-08", is_deictic=True, doc=2)
    assert not same_happening(a, b)


def test_a_signing_last_week_is_the_signing_last_month():
    week = _key("الاتفاق الذي أبرم في جنيف بين الحكومة والمعارضة المسلحة", "2030-W10")
    month = _key("الاتفاق الذي أبرمته الحكومة والمعارضة المسلحة في جنيف", "2030-03")
    assert same_happening(week, month)
    assert not same_happening(week, _key("افتتح الوزير معرضا للكتاب في جنيف", "2030-03"))


def test_a_late_reprint_bridges_days_only_with_the_same_words_and_numbers():
    sentence = "وقال مدير الشرطة إن عبوة ناسفة انفجرت مساء اليوم بدورية أمنية في قرية الساحل مما أدى إلى إصابة 3 من أفرادها"
    a = _key(sentence, "2030-03-07", doc=1)
    later = _key(sentence.replace("إن", "”إن"), "2030-03-09", is_deictic=True, doc=2)
    assert same_happening(a, later)
    other_numbers = _key(sentence.replace("3", "5"), "2030-03-09", is_deictic=True, doc=2)
    assert not same_happening(a, other_numbers)
    explicit = _key(sentence, "2030-03-09", doc=2)
    assert not same_happening(a, explicit)


def test_a_town_and_its_province_seat_are_one_place():
    a = _key("فجر انتحاري نفسه داخل مسجد في مدينة أبها")
    b = _key("استهدف تفجير انتحاري مسجد قوات الطوارئ في منطقة عسير")
    assert a.entities == {"abha"} and b.entities == {"asir"} and same_happening(a, b)


def test_one_actor_in_two_places_is_two_happenings():
    camp = _key("سيطرت قوات الجيش اليمني على معسكر لبوزة في محافظة لحج")
    town = _key("دخلت قوات الجيش اليمني مدينة زنجبار")
    assert camp.kind == town.kind == "control" and not same_happening(camp, town)
    assert same_happening(town, _key("دخلت قوات الجيش اليمني وسط زنجبار بعد معارك"))


def test_one_host_receiving_two_guests_is_two_meetings():
    a = _key("استقبل الملك سلمان الرئيس الفرنسي فرانسوا هولاند في قصر السلام")
    b = _key("استقبل الملك سلمان الرئيس التركي رجب طيب أردوغان")
    assert not same_happening(a, b)
    assert same_happening(a, _key("استقبل الملك سلمان الرئيس الفرنسي هولاند وبحثا العلاقات"))


def test_an_article_telling_its_happening_again_is_one_event():
    first = _key("انفجرت سيارة مفخخة في سوق شعبي مزدحم ببلدة الوادي", doc=1)
    back = _key("وقال المحافظ إن عشرات أصيبوا في الهجوم الذي وقع في السوق", doc=1,
                sentence="وقال المحافظ إن عشرات أصيبوا في الهجوم الذي وقع ليل الجمعة في السوق")
    assert first.kind == back.kind == "attack" and same_happening(first, back)
    assert not same_happening(first, MergeKey(**{**_fields(back), "doc": 2}))  # not across papers
    another = _key("وقال المحافظ إن عشرات أصيبوا في هجوم آخر وقع في السوق", doc=1,
                   sentence="وقال المحافظ إن عشرات أصيبوا في هجوم آخر وقع في السوق")
    assert not same_happening(first, another)


# ---------------------------------------------------------------- through the store


def test_a_print_papers_yesterday_and_another_papers_weekday_are_one_event(tmp_path):
    events = _ingest(tmp_path, [
        ("a.txt", "2030-03-09", "صادق مجلس الأمن الدولي بالإجماع أمس على قرار يدعم اتفاق الهدنة في اليمن.\n"),
        ("b.txt", "2030-03-09", "أقر مجلس الأمن الدولي الخميس قرارا يدعم اتفاق الهدنة في اليمن.\n"),
    ])
    vote = _events_with(events, "مجلس الأمن")
    assert len(vote) == 1 and vote[0]["corroboration"] == 2


def test_two_papers_explicit_days_a_day_apart_stay_two_events(tmp_path):
    events = _ingest(tmp_path, [
        ("a.txt", "2030-03-09", "صادق مجلس الأمن الدولي بالإجماع الأربعاء على قرار يدعم اتفاق الهدنة في اليمن.\n"),
        ("b.txt", "2030-03-09", "أقر مجلس الأمن الدولي الخميس قرارا يدعم اتفاق الهدنة في اليمن.\n"),
    ])
    assert len(_events_with(events, "مجلس الأمن")) == 2


def test_a_late_copy_of_a_wire_story_joins_the_first_print(tmp_path):
    wire = "وقال مدير الشرطة إن عبوة ناسفة انفجرت مساء اليوم بدورية أمنية في قرية الساحل مما أدى إلى إصابة 3 من أفرادها.\n"
    events = _ingest(tmp_path / "copy", [
        ("a.txt", "2030-03-07", wire),
        ("b.txt", "2030-03-09", wire.replace("إن", "“إن")),
    ])
    assert [len(e["sources"]) for e in _events_with(events, "عبوة ناسفة")] == [2]
    events = _ingest(tmp_path / "other", [
        ("a.txt", "2030-03-07", wire),
        ("c.txt", "2030-03-09", wire.replace("3", "4")),  # another blast, told in the same words
    ])
    assert [len(e["sources"]) for e in _events_with(events, "عبوة ناسفة")] == [1, 1]


def test_a_signing_dated_by_week_and_by_month_is_one_event(tmp_path):
    events = _ingest(tmp_path, [
        ("a.txt", "2030-03-14", "وقعت الحكومة والمعارضة المسلحة الأسبوع الماضي في جنيف اتفاقا لوقف إطلاق النار.\n"),
        ("b.txt", "2030-04-02", "وكانت الحكومة والمعارضة المسلحة قد وقعتا في جنيف الشهر الماضي اتفاقا لوقف إطلاق النار.\n"),
    ])
    signing = [e for e in events if "جنيف" in e["title"]]
    assert len(signing) == 1 and len(signing[0]["sources"]) == 2, [(e["value"], e["title"]) for e in events]


# ---------------------------------------------------------------- what one day apart does not prove


def test_two_issues_yesterday_a_day_apart_are_two_days():
    # A daily market report: each issue's أمس is its own day; only a reprint (same numbers) is one.
    a = _key("واصل مؤشر بورصة البحرين تراجعه في تعاملات جلسة أمس ليغلق عند مستوى 1331 نقطة", "2030-03-06",
             is_deictic=True, doc=1)
    b = _key("واصل مؤشر بورصة البحرين تراجعه في تعاملات جلسة أمس ليغلق عند مستوى 1329 نقطة", "2030-03-07",
             is_deictic=True, doc=2)
    assert not same_happening(a, b)
    explicit = MergeKey(**{**_fields(a), "deictic": False})
    assert same_happening(explicit, b)


def test_statements_a_day_apart_need_nearly_one_wording():
    a = _key("أكد وزير الخارجية الإيطالي أن الوضع الأمني في ليبيا صعب للغاية", "2030-03-06")
    other = _key("أكد وزير الخارجية الإيطالي أن الحوار الليبي يحتاج إلى دعم أوروبي", "2030-03-07",
                 is_deictic=True, doc=2)
    assert a.kind == other.kind == "statement" and not same_happening(a, other)
    again = _key("أكد وزير الخارجية الإيطالي أن الوضع الأمني في ليبيا صعب للغاية ومقلق", "2030-03-07",
                 is_deictic=True, doc=2)
    assert same_happening(a, again)


def test_a_side_of_a_war_and_the_kind_are_not_enough_a_town_and_the_kind_are():
    a = _key("قصفت ميليشيات الحوثي أحياء سكنية شرق المدينة")
    b = _key("استهدف الطيران تجمعات لميليشيات الحوثي قرب الجبل")
    assert a.entities & b.entities == {"houthis"} and a.kind == b.kind == "attack"
    assert not same_happening(a, b)
    assert same_happening(_key("قصف الطيران مواقع قرب كالسو"), _key("غارة جوية تستهدف معسكرا في كالسو"))


def test_a_shared_place_name_is_the_place_not_shared_wording():
    a = _key("قدم مدير شرطة المدينة المنورة التعازي لذوي الشهيد")
    b = _key("باشرت فرق الدفاع المدني في المدينة المنورة حريقا في منزل")
    assert "madinah" in a.entities & b.entities and not same_happening(a, b)


def test_happened_and_an_organisation_are_not_kinds_of_happening():
    # وقع الحادث (it happened) is no signing, تنظيم داعش no organised event: a wrong kind merged an
    # accident with a contract signing, and every two ISIS reports of a day as 'launches'.
    assert happening.word_class("وقع") is None and happening.word_class("تنظيم") is None
    assert happening.word_class("يوقع") == "agreement" and happening.word_class("نظمت") == "launch"


# ---------------------------------------------------------------- a statement telling a happening, unknown kinds


def test_a_quoted_report_of_an_abduction_is_the_abduction():
    said = _key("وقال المرصد «خطف عناصر من جبهة النصرة قائد الفرقة الثالثة عشرة العقيد سامر الأحمد وأربعة من مرافقيه»")
    told = _key("خطف مسلحو جبهة النصرة مساء الأربعاء قائد الفرقة الثالثة عشرة أثناء عودته من اجتماع في الريف الشمالي")
    assert (said.kind, told.kind) == ("statement", "arrest") and same_happening(said, told)
    other = _key("خطفت جبهة النصرة ثلاثة صحفيين أجانب قرب الحدود")  # the same group, another abduction
    assert not same_happening(_key("وقال المرصد «خطف عناصر من جبهة النصرة قائدا في الفرقة الثالثة عشرة»"), other)


def test_two_blows_near_one_town_stay_apart_when_one_is_announced():
    # The announcement reads as an attack, but it shares only the names and 'terrorist', 'Iraqi'.
    announced = _key("أعلنت قيادة الشرطة صد هجوم لتنظيم داعش الإرهابي شرقي الرمادي ومقتل 12 من عناصره العراقية")
    other = _key("قتل 15 عنصرا من تنظيم داعش الإرهابي بعملية أمنية نفذتها القوات العراقية شرقي الرمادي")
    assert announced.kind == "statement" and other.kind == "attack"
    assert "ramadi" in announced.entities & other.entities and not same_happening(announced, other)


def test_a_report_of_no_known_kind_does_not_take_the_others_kind():
    # On real news a verb of no known class met every report of its organisation that day: the
    # railway's contract signing and its inspection visit share the organisation's long name.
    inspects = _key("تفقد رئيس المؤسسة العامة للخطوط الحديدية مشروع القطار السريع في محطة الشمال")
    signs = _key("وقعت المؤسسة العامة للخطوط الحديدية عقدا لتجديد الخط الحديدي الخاص بنقل البضائع")
    assert inspects.kind is None and signs.kind is not None
    assert not same_happening(inspects, signs)


# ---------------------------------------------------------------- one article, one day; the means of an attack


def test_one_article_telling_its_attack_twice_is_one_event():
    lead = _key("قتل ثلاثة حراس في هجوم مسلح على مستودع للوقود عند أطراف القرية فجر اليوم", doc=1)
    later = _key("وأحرق المهاجمون المستودع بعد مقتل الحراس ثم لاذوا بالفرار", doc=1)
    assert lead.kind == later.kind == "attack" and same_happening(lead, later)
    assert not same_happening(lead, MergeKey(**{**_fields(later), "doc": 2}))  # two papers need more
    announced = MergeKey(**{**_fields(later), "sentence": "وقال المتحدث إن " + later.sentence})
    assert not same_happening(lead, announced)  # an announcement is left to the statement rules


def test_one_articles_figures_of_one_month_are_not_one_happening():
    machines = _key("بلغ عدد أجهزة الصرف الآلي في المملكة 16 ألف جهاز بزيادة مئة جهاز", "2030-05", doc=1)
    cash = _key("وتجاوزت قيمة السحوبات عبر أجهزة الصرف الآلي في المملكة 60 مليار ريال", "2030-05", doc=1)
    assert not same_happening(machines, cash)


def test_a_separate_incident_in_one_article_is_another_happening():
    bomber = _key("قتل جنديان وجرح عشرون في هجوم لمسلحي حزب العمال الكردستاني على مركز للدرك شرق البلاد", doc=1)
    separate = _key("وفي حادثة منفصلة نسبت إلى حزب العمال الكردستاني قتل جندي وجرح أربعة آخرون شرق البلاد", doc=1)
    assert "pkk" in bomber.entities & separate.entities and not same_happening(bomber, separate)


def test_one_groups_mine_and_suicide_bomber_on_one_day_are_two_attacks():
    bomber = _key("قتل جنديان في هجوم انتحاري بجرار مفخخ نفذه مسلحو حزب العمال الكردستاني على مخفر للدرك")
    mine = _key("قتل جندي عندما انفجر لغم أرضي زرعه مسلحو حزب العمال الكردستاني تحت قافلة للدرك")
    assert "pkk" in bomber.entities & mine.entities and not same_happening(bomber, mine)
    told_again = _key("قتل جنديان في تفجير انتحاري لمسلحي حزب العمال الكردستاني استهدف مخفرا للدرك", doc=2)
    assert same_happening(bomber, told_again)  # one means, one attack


def test_a_means_with_a_pronoun_is_still_that_means():
    strikes = _key("شنت مقاتلات تركية غارات على مواقع لتنظيم داعش في ريف حلب الشمالي")
    first = _key("بعد أيام من هجوم انتحاري شن سلاح الجو التركي أولى غاراته على مواقع لتنظيم داعش في ريف حلب الشمالي",
                 doc=2)
    assert same_happening(strikes, first)


def test_two_papers_giving_one_toll_of_one_day_tell_one_attack():
    post = _key("قتل جنديان وجرح 24 آخرون صباح الأحد في هجوم استهدف مخفرا للدرك في الريف الشرقي", doc=1)
    toll = _key("وأسفر التفجير الذي وقع فجرا عن سقوط قتيلين و24 جريحا بين عناصر المخفر", doc=2)
    assert same_happening(post, toll)
    other_toll = _key("وأسفر التفجير الذي وقع فجرا عن سقوط قتيلين و17 جريحا بين عناصر المخفر", doc=2)
    assert not same_happening(post, other_toll)


@pytest.mark.parametrize("text, expected", [
    ("قتيلين و24 جريحا في 26 يونيو", {24}),  # a day of a month is no count
    ("اعتقل مواطن (30 عاما) لمدة 15 يوما", set()),  # an age, a duration
    ("السبت 9 / 10 / 1436 هـ الموافق 25 / 7 / 2015 م", set()),  # dates and years
    ("أقلعت ثلاث مقاتلات إف-16", set()),  # a model
    ("ارتفع المؤشر 45 في المائة", set()),  # a share
    ("بدأت محاكمة 29 متهما", {29}),
    ("استهدفت الفصائل القواعد في أكثر من 60 هجوما", set()),  # a round figure
])
def test_what_counts_as_a_count(text, expected):
    assert counts(text) == frozenset(expected)


# ---------------------------------------------------------------- lookups and joined events, through the store


def test_a_late_copy_whose_yesterday_became_today_joins_the_first_print(tmp_path):
    # The day word sits early in the sentence, so the sentence's first characters differ.
    late = ("وشدد المتحدث باسم وزارة الخارجية المصرية في تصريحات له {} على رفض بلاده أي تدخل في الشؤون"
            " الداخلية لدول الجوار العربي.\n")
    events = _ingest(tmp_path, [("a.txt", "2030-03-07", late.format("أمس")), ("b.txt", "2030-03-09", late.format("اليوم"))])
    assert [(e["value"], len(e["sources"])) for e in _events_with(events, "المتحدث")] == [("2030-03-06", 2)]


def test_a_day_inside_ramadan_meets_a_report_dated_by_ramadan(tmp_path):
    # Ramadan 1451 runs from 2030-01-05 to 2030-02-03: no Gregorian week or month holds it.
    events = _ingest(tmp_path, [
        ("a.txt", "2030-02-20", "وتعرض مسجد الرحمة في حي النخيل إلى تفجير انتحاري خلال صلاة الظهر في شهر رمضان الماضي.\n"),
        ("b.txt", "2030-02-20", "وكان انتحاري قد فجر نفسه في مسجد الرحمة في حي النخيل خلال صلاة الظهر في 25 يناير الماضي.\n"),
    ])
    assert [(e["begin"], e["end"], len(e["sources"])) for e in events] == [("2030-01-05", "2030-02-03", 2)]


def test_a_report_told_in_the_words_of_two_stored_events_joins_them(tmp_path):
    # The morning paper's أمس (a day late) and the evening paper's الخميس stayed two events;
    # a third paper's الخميس, in nearly the words of both, says they are one.
    late = "صادق مجلس الأمن الدولي أمس على قرار يدعم اتفاق الهدنة في اليمن ويطالب بنشر مراقبين.\n"
    evening = "أقر مجلس الأمن الدولي الخميس بالإجماع قرارا يدعم اتفاق الهدنة في اليمن ويدعو إلى وقف القتال.\n"
    both = "صادق مجلس الأمن الدولي الخميس بالإجماع على قرار يدعم اتفاق الهدنة في اليمن ويطالب بنشر مراقبين.\n"
    db, events = ingest_texts(tmp_path / "two", [("a.txt", "2030-03-09", late), ("b.txt", "2030-03-08", evening)])
    assert len(_events_with(events, "مجلس الأمن")) == 2
    db, events = ingest_texts(tmp_path / "three", [("a.txt", "2030-03-09", late), ("b.txt", "2030-03-08", evening),
                                                   ("c.txt", "2030-03-09", both)])
    vote = _events_with(events, "مجلس الأمن")
    assert [(e["value"], len(e["sources"]), e["corroboration"]) for e in vote] == [("2030-03-07", 3, 3)]
    # The joined event's index keys and entity links moved with its reports.
    assert db.execute("SELECT COUNT(DISTINCT event_id) FROM event_keys").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM event_entities WHERE event_id NOT IN (SELECT id FROM events)").fetchone()[0] == 0


def test_two_announcements_of_one_seizure_merge_on_what_they_state():
    a = _key("أعلنت المنامة إحباط عملية تهريب كمية من المواد المتفجرة شديدة الخطورة والأسلحة الآلية عن طريق البحر")
    b = _key("قالت وزارة الداخلية إن قواتها أحبطت محاولة لتهريب متفجرات شديدة الخطورة وأسلحة آلية عبر البحر")
    assert a.kind == b.kind == "statement" and not a.entities & b.entities and same_happening(a, b)
    assert not same_happening(_key("أعلنت الشرطة إحباط محاولة لتهريب أسلحة عبر الحدود"),
                              _key("قالت وزارة الداخلية إن دورياتها أحبطت تهريب أسلحة في ميناء جدة"))
