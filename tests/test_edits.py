"""The analyst's edits: marks, notes, hides, corrections, undo, export/import, surviving re-ingest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from waqai.store.db import open_db
from waqai.store.edits import add_edit, parse_date, undo_last
from waqai.store.errors import QueryError
from waqai.store.ingest import collect, ingest
from waqai.store.queries import EventFilter, get_event, list_events, make_filter
from waqai.tui.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def event_with(events: list[dict], word: str) -> dict:
    return next(e for e in events if any(word in s["sentence"] for s in e["sources"]))


def test_mark_and_note_from_the_shell_filter_list_and_export(edited_db):
    events = json.loads(run("list", "--json", "--db", edited_db).output)
    zummar = event_with(events, "زمار")
    assert run("mark", zummar["id"], "--db", edited_db).exit_code == 0
    assert run("note", zummar["id"], "ثلاثة مصادر تؤكد — verify launch site", "--db", edited_db).exit_code == 0
    marked = json.loads(run("list", "--marked", "--json", "--db", edited_db).output)
    assert [e["id"] for e in marked] == [zummar["id"]] and marked[0]["marked"] is True
    noted = json.loads(run("list", "--with-notes", "--json", "--db", edited_db).output)
    assert noted[0]["note"] == "ثلاثة مصادر تؤكد — verify launch site"
    markdown = run("export", "--marked", "--lang", "en", "--db", edited_db).output
    assert "1 events." in markdown and "ثلاثة مصادر تؤكد" in markdown and "★ marked" in markdown
    arabic = run("export", "--marked", "--db", edited_db).output
    assert "عدد الوقائع: 1" in arabic and "★ مميَّزة" in arabic and "*ملاحظة:*" in arabic
    csv_text = run("export", "--marked", "--format", "csv", "--db", edited_db).output
    assert "verify launch site" in csv_text.splitlines()[1]
    plain = run("list", "--marked", "--plain", "--db", edited_db).output
    assert "★ ✎" in plain and "✎ ثلاثة مصادر تؤكد" in plain
    # Unmarking is an edit too; the note stays.
    assert run("mark", zummar["id"], "--off", "--db", edited_db).exit_code == 0
    assert json.loads(run("list", "--marked", "--json", "--db", edited_db).output) == []
    assert len(json.loads(run("list", "--with-notes", "--json", "--db", edited_db).output)) == 1


def test_date_correction_moves_the_event_and_undo_restores_it(edited_db):
    db = open_db(edited_db)
    june = event_with(list_events(db, make_filter(on="2021-06")), "أواخر يونيو")
    assert (june["value"], june["mod"]) == ("2021-06", "END")
    add_edit(db, june["id"], "date", "2021-07 END")
    moved = get_event(db, june["id"])
    assert (moved["value"], moved["mod"], moved["begin"], moved["end"]) == ("2021-07", "END", "2021-07-21", "2021-07-31")
    assert moved["corrected"]["date"]["value"] == "2021-06"
    assert june["id"] not in [e["id"] for e in list_events(db, make_filter(on="2021-06"))]  # the R*Tree follows
    assert june["id"] in [e["id"] for e in list_events(db, make_filter(on="2021-07-25"))]
    shown = run("show", june["id"], "--plain", "--db", edited_db).output
    assert "date corrected (extracted: 2021-06 END)" in shown and "✱" in shown
    assert "2021-08-11 (estimated)" in shown and "https://alsouria.net/" in shown
    assert undo_last(db)["kind"] == "date"
    back = get_event(db, june["id"])
    assert (back["value"], back["begin"], back["end"]) == ("2021-06", "2021-06-21", "2021-06-30") and "corrected" not in back
    assert june["id"] in [e["id"] for e in list_events(db, make_filter(on="2021-06"))]


@pytest.mark.parametrize("text, interval", [
    ("2021-07", ("2021-07-01", "2021-07-31")), ("2022-W49", ("2022-12-05", "2022-12-11")),
    ("2024-Q1", ("2024-01-01", "2024-03-31")), ("198", ("1980-01-01", "1989-12-31")),
    ("2021 late", ("2021-09-01", "2021-12-31")), ("2023-11-16TMO", ("2023-11-16", "2023-11-16")),
])
def test_any_timex_value_gets_its_interval_from_the_calendar(text, interval):
    correction = parse_date(text)
    assert (correction.begin, correction.end) == interval
    assert interval[0] in correction.preview()


@pytest.mark.parametrize("text", ["", "June", "2021-13", "2021-06 soon", "2021 06 07"])
def test_a_date_that_is_not_a_timex_value_is_refused(text):
    with pytest.raises(QueryError):
        parse_date(text)


def test_title_correction_and_hiding_noise(edited_db):
    db = open_db(edited_db)
    events = list_events(db, EventFilter())
    target = events[0]
    add_edit(db, target["id"], "title", "تأسيس الكتائب")
    renamed = get_event(db, target["id"])
    assert renamed["title"] == "تأسيس الكتائب" and renamed["corrected"]["title"] == target["title"]
    add_edit(db, target["id"], "hide", "1")
    assert target["id"] not in [e["id"] for e in list_events(db, EventFilter())]
    assert target["id"] in [e["id"] for e in list_events(db, EventFilter(hidden=True))]
    assert json.loads(run("list", "--json", "--db", edited_db).output)[0]["id"] != target["id"]
    with_hidden = json.loads(run("list", "--json", "--include-hidden", "--db", edited_db).output)
    assert with_hidden[0]["id"] == target["id"] and with_hidden[0]["hidden"] is True
    assert "⊘" in run("list", "--include-hidden", "--plain", "--limit", "1", "--db", edited_db).output
    undo_last(db)
    assert list_events(db, EventFilter())[0]["id"] == target["id"]


def test_edits_listing_undo_and_a_read_only_database(edited_db):
    first = json.loads(run("list", "--json", "--limit", "1", "--db", edited_db).output)[0]
    assert "No edits yet." in run("edits", "--db", edited_db).output
    run("mark", first["id"], "--db", edited_db)
    listed = json.loads(run("edits", "--json", "--db", edited_db).output)
    assert [(e["kind"], e["value"], e["event_id"], e["timex"]) for e in listed] == [
        ("mark", "1", first["id"], first["sources"][0]["timex"])]
    assert "mark  on" in run("edits", "--db", edited_db).output
    assert run("edits", "undo", "--db", edited_db).exit_code == 0
    assert json.loads(run("edits", "--json", "--db", edited_db).output) == []
    result = run("edits", "undo", "--db", edited_db)
    assert result.exit_code == 2 and "no edit to undo" in result.output
    edited_db.chmod(0o444)
    try:
        result = run("mark", first["id"], "--db", edited_db)
        assert result.exit_code == 2 and "read-only" in result.output
    finally:
        edited_db.chmod(0o644)


def _sentence_of(event: dict) -> str:
    return event["sources"][0]["sentence"]


def test_edits_survive_reingest_into_the_same_and_a_fresh_database(edited_db, tmp_path, corpus_dir):
    db = open_db(edited_db)
    events = list_events(db, EventFilter())
    kalsu = event_with(events, "كالسو")
    june = event_with(events, "أواخر يونيو")
    zummar = event_with(events, "زمار")
    add_edit(db, kalsu["id"], "mark", "1")
    add_edit(db, kalsu["id"], "note", "قاعدة كالسو: انفجار أم قصف؟")
    add_edit(db, june["id"], "date", "2021-06-27")
    add_edit(db, zummar["id"], "hide", "1")
    add_edit(db, june["id"], "title", "غارة أمريكية على الحدود")

    # The same articles into the same database: stored content is recognised, edits stay.
    result = run("ingest", corpus_dir, "--db", edited_db)
    assert result.exit_code == 0 and "5 skipped" in result.output
    assert get_event(db, kalsu["id"])["note"] == "قاعدة كالسو: انفجار أم قصف؟"
    assert get_event(db, june["id"])["value"] == "2021-06-27"

    exported = tmp_path / "edits.json"
    assert run("edits", "export", exported, "--db", edited_db).exit_code == 0
    assert "event_id" not in exported.read_text(encoding="utf-8")

    # A fresh database, articles stored in the opposite order (other event ids);
    # the edits are imported before the articles exist, and wait for them.
    fresh_path = tmp_path / "fresh.db"
    assert run("edits", "import", exported, "--db", fresh_path).exit_code == 0  # creates it, empty
    fresh = open_db(fresh_path)
    waiting = run("edits", "--db", fresh_path).output
    assert waiting.count("(article not in this database)") == 5 and "#" not in waiting
    ingest(fresh, list(reversed(collect([corpus_dir]))))  # re-applies the edits itself
    again = list_events(fresh, EventFilter(hidden=True))
    new_kalsu = event_with(again, "كالسو")
    assert new_kalsu["id"] != kalsu["id"]
    assert new_kalsu["marked"] is True and new_kalsu["note"] == "قاعدة كالسو: انفجار أم قصف؟"
    new_june = event_with(again, "أواخر يونيو")
    assert (new_june["value"], new_june["begin"], new_june["title"]) == ("2021-06-27", "2021-06-27", "غارة أمريكية على الحدود")
    assert event_with(again, "زمار")["hidden"] is True
    assert "زمار" not in json.dumps(list_events(fresh, EventFilter()), ensure_ascii=False)
    # Importing twice adds nothing.
    assert "Imported 0 edits (5 already present)" in run("edits", "import", exported, "--db", fresh_path).output


def test_a_file_that_is_not_an_edits_export_is_refused(edited_db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "waqai-edits/1", "edits": [{"kind": "mark"}]}', encoding="utf-8")
    result = run("edits", "import", bad, "--db", edited_db)
    assert result.exit_code == 2 and "malformed" in result.output
    bad.write_text("[1, 2]", encoding="utf-8")
    assert "not a waqai edits file" in run("edits", "import", bad, "--db", edited_db).output
    assert json.loads(run("edits", "--json", "--db", edited_db).output) == []


# TimelineJS3's documented JSON format (timeline.knightlab.com/docs/json-format.html).
_TIMELINE_KEYS = {"events", "title", "eras", "scale"}
_SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
_DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}


def _check_date(date: dict) -> tuple:
    assert set(date) <= _DATE_KEYS and isinstance(date["year"], int)
    assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31
    assert "day" not in date or "month" in date
    return tuple(date.get(k, 0) for k in ("year", "month", "day"))


def validate_timelinejs(document: dict) -> None:
    """Fail unless ``document`` has the shape TimelineJS documents."""
    assert set(document) <= _TIMELINE_KEYS and isinstance(document["events"], list)
    assert set(document["title"]) <= _SLIDE_KEYS and isinstance(document["title"]["text"]["headline"], str)
    ids = set()
    for slide in document["events"]:
        assert set(slide) <= _SLIDE_KEYS
        start = _check_date(slide["start_date"])
        if "end_date" in slide:
            assert _check_date(slide["end_date"]) >= start
        assert set(slide["text"]) <= {"headline", "text"} and all(isinstance(v, str) for v in slide["text"].values())
        assert isinstance(slide.get("group", ""), str) and isinstance(slide.get("display_date", ""), str)
        assert slide["unique_id"] not in ids
        ids.add(slide["unique_id"])


def test_timelinejs_export_has_the_documented_shape_with_precision_marks_and_notes(edited_db):
    db = open_db(edited_db)
    events = list_events(db, EventFilter())
    kalsu = event_with(events, "كالسو")
    add_edit(db, kalsu["id"], "mark", "1")
    add_edit(db, kalsu["id"], "note", "<b>unconfirmed</b> & disputed")
    result = run("export", "--format", "timelinejs", "--db", edited_db)
    assert result.exit_code == 0
    document = json.loads(result.output)
    validate_timelinejs(document)
    slides = {s["unique_id"]: s for s in document["events"]}
    assert len(slides) == len(events)
    by_value = {e["value"] + (e["mod"] or ""): slides[f"event-{e['id']}"] for e in events}
    assert by_value["2013"]["start_date"] == {"year": 2013} and "end_date" not in by_value["2013"]
    assert by_value["2023-12"]["start_date"] == {"year": 2023, "month": 12}
    assert by_value["2021-06-29"]["start_date"] == {"year": 2021, "month": 6, "day": 29}
    late_june = by_value["2021-06END"]
    assert (late_june["start_date"], late_june["end_date"]) == ({"year": 2021, "month": 6, "day": 21}, {"year": 2021, "month": 6, "day": 30})
    assert late_june["display_date"] == "2021-06 late"
    marked = slides[f"event-{kalsu['id']}"]
    assert marked["text"]["headline"].startswith("★ ")
    assert "&lt;b&gt;unconfirmed&lt;/b&gt; &amp; disputed" in marked["text"]["text"]  # notes are text, not HTML
    assert kalsu["sources"][0]["sentence"].replace('"', "&quot;") in marked["text"]["text"]
    assert "group" not in marked  # Kalsu's report names places, no actor
    grouped = slides[f"event-{event_with(events, 'زمار')['id']}"]
    assert "group" not in grouped or grouped["group"] in {e["name"] for e in event_with(events, "زمار")["entities"]}
    assert any(s.get("group") == "كتائب حزب الله" for s in document["events"])
    assert 'href="https://alsouria.net/"' in by_value["2021-06-29"]["text"]["text"]
    only_marked = json.loads(run("export", "--format", "timelinejs", "--marked", "--db", edited_db).output)
    assert [s["unique_id"] for s in only_marked["events"]] == [f"event-{kalsu['id']}"]


def test_merge_and_split_survive_a_rebuilt_database_and_undo(edited_db, tmp_path, corpus_dir):
    db = open_db(edited_db)
    coalition = event_with(list_events(db, make_filter(on="2014")), "تحالف دولي")
    assert coalition["corroboration"] == 2
    result = run("split", coalition["id"], 2, "--db", edited_db)
    assert result.exit_code == 0, result.output
    in_2014 = list_events(db, make_filter(on="2014"))
    assert len(in_2014) == 4 and all(e["corroboration"] == 1 for e in in_2014)
    battle = event_with(in_2014, "الشيخ مسكين")
    isis = event_with(in_2014, "استولى")
    assert run("merge", battle["id"], isis["id"], "--db", edited_db).exit_code == 0
    merged = get_event(db, battle["id"])
    assert len(merged["sources"]) == 2 and merged["corroboration"] == 2
    assert {e["name_en"] for e in merged["entities"]} >= {"Islamic State", "Daraa"}
    assert get_event(db, isis["id"]) is None
    add_edit(db, battle["id"], "note", "two battles or one?")

    exported = tmp_path / "edits.json"
    run("edits", "export", exported, "--db", edited_db)
    fresh_path = tmp_path / "fresh.db"
    fresh = open_db(fresh_path)
    ingest(fresh, list(reversed(collect([corpus_dir]))))
    assert run("edits", "import", exported, "--db", fresh_path).exit_code == 0
    rebuilt = list_events(fresh, make_filter(on="2014"))
    assert sorted(len(e["sources"]) for e in rebuilt) == [1, 1, 2]
    assert event_with(rebuilt, "استولى")["note"] == "two battles or one?"
    assert event_with(rebuilt, "الشيخ مسكين") is event_with(rebuilt, "استولى")

    # Undo, newest first: the note, the merge, the split.
    for _ in range(3):
        assert run("edits", "undo", "--db", edited_db).exit_code == 0
    again = list_events(db, make_filter(on="2014"))
    assert len(again) == 3 and event_with(again, "تحالف دولي")["corroboration"] == 2
    assert event_with(again, "الشيخ مسكين")["id"] == battle["id"] and len(get_event(db, battle["id"])["sources"]) == 1


def test_merge_and_split_refuse_what_cannot_be_done(edited_db):
    events = json.loads(run("list", "--json", "--limit", "1", "--db", edited_db).output)
    only = events[0]["id"]
    assert "nothing to split off" in run("split", only, 1, "--db", edited_db).output
    assert "two different events" in run("merge", only, only, "--db", edited_db).output
    assert "no event #9999" in run("merge", only, 9999, "--db", edited_db).output


def test_correcting_a_publication_date_resolves_the_articles_relative_dates_again(edited_db, tmp_path, corpus_dir):
    db = open_db(edited_db)
    yesterday = event_with(list_events(db, EventFilter()), "أمس الثلاثاء")
    assert yesterday["value"] == "2021-08-10" and yesterday["sources"][0]["published_estimated"]
    add_edit(db, yesterday["id"], "mark", "1")
    result = run("redate", "000_54a217171b406f97.txt", "2021-08-18", "--db", edited_db)
    assert result.exit_code == 0 and "was 2021-08-11" in result.output
    moved = event_with(list_events(db, EventFilter()), "أمس الثلاثاء")
    assert moved["value"] == "2021-08-17" and moved["marked"] is True  # the mark follows the text
    assert moved["sources"][0]["published"] == "2021-08-18" and not moved["sources"][0]["published_estimated"]
    assert event_with(list_events(db, EventFilter()), "أواخر يونيو")["value"] == "2021-06"
    assert len(list_events(db, EventFilter())) == 30
    assert "publication date 2021-08-18 (was 2021-08-11)" in run("edits", "--db", edited_db).output

    exported = tmp_path / "edits.json"
    run("edits", "export", exported, "--db", edited_db)
    fresh_path = tmp_path / "fresh.db"
    assert run("ingest", corpus_dir, "--db", fresh_path).exit_code == 0
    assert run("edits", "import", exported, "--db", fresh_path).exit_code == 0
    rebuilt = event_with(list_events(open_db(fresh_path), EventFilter()), "أمس الثلاثاء")
    assert rebuilt["value"] == "2021-08-17" and rebuilt["marked"] is True

    assert run("edits", "undo", "--db", edited_db).exit_code == 0
    back = event_with(list_events(db, EventFilter()), "أمس الثلاثاء")
    assert back["value"] == "2021-08-10" and back["sources"][0]["published_estimated"] and back["marked"] is True
    assert "no document" in run("redate", "nothing.txt", "2021-08-18", "--db", edited_db).output
    assert "not a day" in run("redate", "000_54a217171b406f97.txt", "2021-08", "--db", edited_db).output


def test_an_edit_follows_its_text_when_the_tagger_cuts_the_date_differently(edited_db):
    db = open_db(edited_db)
    june = event_with(list_events(db, EventFilter()), "أواخر يونيو")
    add_edit(db, june["id"], "note", "the strike before the withdrawal")
    source = june["sources"][0]
    # A later tagger drops "أواخر" from the span: the anchor still overlaps it.
    db.execute("UPDATE timexes SET start_offset = start_offset + 6 WHERE start_offset = ? AND doc_id = ?",
               [source["timex_start"], source["doc_id"]])
    assert get_event(db, june["id"])["note"] == "the strike before the withdrawal"
    # One that no longer sees a date there at all: the edit stays with the event of that sentence.
    db.execute("UPDATE timexes SET start_offset = start_offset + 500, end_offset = end_offset + 500"
               " WHERE start_offset = ? AND doc_id = ?", [source["timex_start"] + 6, source["doc_id"]])
    assert get_event(db, june["id"])["note"] == "the strike before the withdrawal"
