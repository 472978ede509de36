"""Events in the store: planned flag, merging across articles, the merge index, upgrades.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from waqai.store.db import SCHEMA_VERSION
from db_contents import ingest_texts
from waqai.tui.cli import main


def _ingest(tmp_path, docs: list[tuple[str, str, str]]):
    """Ingest (name, publication day, text) articles into a fresh database; return it and its events."""
    return ingest_texts(tmp_path, docs)


def _event_with(events: list[dict], word: str) -> list[dict]:
    return [e for e in events if any(word in s["sentence"] for s in e["sources"])]


def test_reports_of_one_vote_worded_differently_become_one_event(tmp_path):
    db, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "أقر مجلس الأمن الدولي أمس قرارا يدين الهجوم على ميناء الحديدة ويطالب بتحقيق دولي.\n"),
        ("b.txt", "2030-03-07", "صادق مجلس الأمن الدولي بالإجماع اليوم على قرار يدين الهجوم على ميناء الحديدة.\n"),
    ])
    vote = _event_with(events, "مجلس الأمن")
    assert len(vote) == 1 and vote[0]["corroboration"] == 2 and vote[0]["value"] == "2030-03-07"


def test_different_happenings_on_one_day_with_a_shared_country_stay_apart(tmp_path):
    db, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "قصفت طائرات حربية أمس مستودعا للذخيرة قرب مدينة الحديدة في اليمن.\n"),
        ("b.txt", "2030-03-08", "افتتح وزير الصحة أمس مستشفى جديدا للأطفال في مدينة تعز في اليمن.\n"),
    ])
    assert len(_event_with(events, "مستودعا")) == 1 and len(_event_with(events, "مستشفى")) == 1
    assert _event_with(events, "مستودعا")[0]["id"] != _event_with(events, "مستشفى")[0]["id"]


def test_an_attack_and_a_statement_about_it_are_not_merged(tmp_path):
    db, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "هاجم مسلحون أمس نقطة تفتيش لقوات حرس الحدود قرب بلدة الطوال.\n"
                                "وندد وزير الداخلية أمس بالهجوم على نقطة تفتيش حرس الحدود قرب بلدة الطوال.\n"),
    ])
    assert len(events) == 2


def test_one_article_telling_a_happening_twice_gives_one_event(tmp_path):
    db, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "اقتحمت قوات الأمن أمس مخزنا للأسلحة في حي الشيخ عثمان بمدينة عدن.\n"
                                "وأوضح المصدر أن قوات الأمن اقتحمت أمس مخزن الأسلحة في حي الشيخ عثمان وصادرت محتوياته.\n"),
    ])
    assert len(events) == 1 and events[0]["corroboration"] == 1 and len(events[0]["sources"]) == 2


def test_a_different_day_is_a_different_event_even_in_the_same_words(tmp_path):
    _, events = _ingest(tmp_path, [
        ("c.txt", "2030-03-09", "قصفت الطائرات أمس ميناء الحديدة. وقصفت الطائرات أول أمس ميناء الحديدة مرة أخرى.\n"),
    ])
    assert len(events) == 2


def test_planned_flag_in_json_list_and_merging(tmp_path):
    db, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "يصوت مجلس الأمن الدولي غدا على قرار يدين الهجوم على ميناء الحديدة.\n"),
        ("b.txt", "2030-03-08", "سيزور وزير الخارجية الفرنسي الرياض الأسبوع المقبل لبحث الأزمة.\n"),
        ("c.txt", "2030-03-10", "صوت مجلس الأمن الدولي أمس على قرار يدين الهجوم على ميناء الحديدة.\n"),
    ])
    visit = _event_with(events, "سيزور")
    vote = _event_with(events, "مجلس الأمن")
    assert visit[0]["planned"] is True
    # One paper announced the vote, another reported it done: it happened.
    assert len(vote) == 1 and vote[0]["planned"] is False
    db.close()
    listed = CliRunner().invoke(main, ["list", "--plain", "--db", str(tmp_path / "events.db")])
    assert "planned" in listed.output
    exported = json.loads(CliRunner().invoke(main, ["list", "--json", "--db", str(tmp_path / "events.db")]).output)
    assert all(isinstance(e["planned"], bool) for e in exported)
    csv_text = CliRunner().invoke(main, ["export", "--format", "csv", "--db", str(tmp_path / "events.db")]).output
    assert "planned" in csv_text.splitlines()[0]


def test_a_schema_2_database_upgrades_in_place_with_its_merge_index(tmp_path, corpus_dir, downgrade):
    path = tmp_path / "old.db"
    assert CliRunner().invoke(main, ["ingest", str(corpus_dir), "--db", str(path)]).exit_code == 0
    before = json.loads(CliRunner().invoke(main, ["list", "--json", "--db", str(path)]).output)
    downgrade(path, 2)
    result = CliRunner().invoke(main, ["list", "--json", "--db", str(path)])
    assert result.exit_code == 0
    after = json.loads(result.stdout)
    assert [e["id"] for e in after] == [e["id"] for e in before]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert conn.execute("SELECT COUNT(DISTINCT event_id) FROM event_keys").fetchone() == \
        conn.execute("SELECT COUNT(*) FROM events").fetchone()
    conn.close()
    # New reports of stored events still find them through the rebuilt index.
    again = tmp_path / "again"
    again.mkdir()
    for source in corpus_dir.glob("00[0-1]*.txt"):
        (again / source.name).write_text(source.read_text(encoding="utf-8-sig") + "\nنص إضافي.\n", encoding="utf-8")
    manifest = json.loads((corpus_dir / "manifest.json").read_text(encoding="utf-8"))
    (again / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert CliRunner().invoke(main, ["ingest", str(again), "--db", str(path)]).exit_code == 0
    grown = json.loads(CliRunner().invoke(main, ["list", "--json", "--db", str(path)]).output)
    assert len(grown) == len(before)


def _comparisons_per_report(tmp_path, monkeypatch, sentences: int) -> float:
    """Reports compared by the merge rule per stored report, ingesting ``sentences`` same-day sentences."""
    import random

    from waqai.store import ingest as ingest_module

    rng = random.Random(12)
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    verbs = ["افتتح", "زار", "استقبل", "أعلن", "وقع", "قصف", "ناقش", "أقر", "اعتقل", "دشن"]

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(4, 6)))

    calls = 0
    compare = ingest_module.same_happening

    def counted(a, b):
        nonlocal calls
        calls += 1
        return compare(a, b)

    monkeypatch.setattr(ingest_module, "same_happening", counted)
    lines = [f"{rng.choice(verbs)} {word()} {word()} أمس {word()} {word()} في {word()} {word()}." for _ in range(sentences)]
    _, events = _ingest(tmp_path / str(sentences), [("many.txt", "2030-03-08", "\n".join(lines) + "\n")])
    assert len(events) > 0.9 * sentences
    return calls / sentences


def test_merging_cost_stays_flat_for_thousands_of_same_day_sentences(tmp_path, monkeypatch):
    # Issue 12, item 12: every candidate used to be compared with every event
    # of its day (8,000 sentences: 200 s inside the write transaction). Counted,
    # not timed: the comparisons per report must not grow with the day's events
    # (they would grow fourfold from 600 to 2,400 sentences were the day scanned).
    small = _comparisons_per_report(tmp_path, monkeypatch, 600)
    large = _comparisons_per_report(tmp_path, monkeypatch, 2400)
    assert large < 1.3 * small + 1, (small, large)


def test_an_event_titled_by_a_relative_clause_takes_a_verb_first_title_from_a_later_report(tmp_path):
    _, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "أعلن الجيش اليوم أن قواته استعادت المطار من أيدي المسلحين الذين سيطروا عليه منذ يناير.\n"),
        ("b.txt", "2030-03-09", "وسيطر المسلحون على المطار في يناير الماضي بعد معارك عنيفة.\n"),
    ])
    (seized,) = [e for e in events if e["value"] == "2030-01"]
    assert len(seized["sources"]) == 2 and seized["title"].startswith("سيطر المسلحون على المطار")


def test_a_merged_event_shows_a_later_report_s_title_when_the_first_was_cut_for_length(tmp_path):
    _, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "جمدت الحكومة اليوم أموال ثلاثة من قادة الجماعة المسلحة ونجل الرئيس السابق وعدد من مساعديه"
         " المقربين وأصحاب الشركات الكبرى والمصارف الخاصة والمكاتب التجارية والمصانع الكبرى والمزارع الواسعة والفنادق"
         " الفخمة والمطاعم الشهيرة.\n"),
        ("b.txt", "2030-03-09", "جمدت الحكومة أمس أموال ثلاثة من قادة الجماعة المسلحة ونجل الرئيس السابق.\n"),
    ])
    (frozen,) = _event_with(events, "جمدت")
    assert len(frozen["sources"]) == 2
    assert frozen["title"] == "جمدت الحكومة أموال ثلاثة من قادة الجماعة المسلحة ونجل الرئيس السابق"


def test_a_merged_event_keeps_its_first_title_when_a_later_one_is_only_worded_differently(tmp_path):
    _, events = _ingest(tmp_path, [
        ("a.txt", "2030-03-08", "جمدت الحكومة اليوم أموال ثلاثة من قادة الجماعة المسلحة ونجل الرئيس السابق.\n"),
        ("b.txt", "2030-03-09", "جمدت الحكومة أمس أموال قادة الجماعة المسلحة الثلاثة ونجل الرئيس السابق وعددا من مساعديه.\n"),
    ])
    (frozen,) = _event_with(events, "جمدت")
    assert len(frozen["sources"]) == 2
    assert frozen["title"] == "جمدت الحكومة أموال ثلاثة من قادة الجماعة المسلحة ونجل الرئيس السابق"
