"""The explorer driven with a Pilot, asserting on what is on screen and on app state."""

from __future__ import annotations

import pytest

from waqai.store.db import open_db
from waqai.tui.app import WaqaiApp
from waqai.tui.screens import ArticleScreen, HelpScreen, Prompt, SourcesScreen
from waqai.tui.timeline import TimelineView


BOTH_SIZES = [(80, 24), (160, 45)]


@pytest.fixture
def db_path(bundled_db):
    return bundled_db


def screen_text(app) -> str:
    """The characters on screen, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def shaped(text: str) -> str:
    """How Arabic text looks on screen (reshaped, display order)."""
    from waqai.tui.bidi import render

    return render(text, 500)[0].text


async def settle(app, pilot, *keys):
    """Press keys, then wait for the reload they start and the repaint."""
    await pilot.press(*keys)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def started(app, pilot):
    await pilot.pause(0.3)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_timeline_shows_years_months_and_rtl_titles(db_path):
    app = WaqaiApp(open_db(db_path), export_dir=db_path.parent)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        text = screen_text(app)
        assert " 2013 " in text and "2013 · year" in text
        assert shaped("تشكلت “الكتائب” العراقية") in text  # reshaped and reordered
        assert "event 1 of 30" in text
        first_row = [line for line in text.splitlines() if "2013 · year" in line][0]
        assert first_row.rstrip().endswith(shaped("تشكلت"))  # right-aligned, first word whole


async def test_navigation_keys(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        timeline = app.query_one(TimelineView)
        first = timeline.selected_event_id
        await pilot.press("j", "j")
        assert "event 3 of 30" in screen_text(app)
        await pilot.press("k")
        assert "event 2 of 30" in screen_text(app)
        await pilot.press("G")
        assert "event 30 of 30" in screen_text(app)
        assert "2024-04-21" in screen_text(app)
        await pilot.press("g")
        assert timeline.selected_event_id == first
        await pilot.press("right_square_bracket")
        assert app.model.events([timeline.selected_event_id])[timeline.selected_event_id]["value"] == "2014"
        await pilot.press("pagedown")
        assert timeline.cursor > 5


async def test_drill_down_to_sources_and_article_and_back(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("t")
        await pilot.press(*"2024-04-20", "enter")
        await pilot.pause()
        timeline = app.query_one(TimelineView)
        event = app.model.events([timeline.selected_event_id])[timeline.selected_event_id]
        assert event["value"] == "2024-04-20"
        cursor = timeline.cursor
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        text = screen_text(app)
        assert "2024-04-22" in text and "004_e47daf4445c2a758.txt" in text and shaped("الشرق") in text
        assert shaped("كالسو") in text
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.query_one(TimelineView).cursor == cursor


async def test_live_search_and_clearing_it(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        await settle(app, pilot, "slash", *"زمار")
        assert app.model.event_count == 1
        assert f"[search: {shaped('زمار')}]" in screen_text(app)
        await settle(app, pilot, "enter", "escape")
        assert app.model.event_count == 30


@pytest.mark.parametrize("query", ["[/bold]", "[link=x]ك", "NEAR(", "\"", "*"])
async def test_search_text_is_shown_as_typed_never_as_markup_or_sql(db_path, query):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        await settle(app, pilot, "slash", *query)
        if any(ch.isalpha() for ch in query):
            assert f"[search: {shaped(query)}]" in screen_text(app)
        else:  # nothing to search for: the whole chronology stays
            assert app.model.event_count == 30 and "[search:" not in screen_text(app)
        await settle(app, pilot, "enter", "escape")
        assert app.model.event_count == 30


async def test_entity_filter(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")  # the most frequent actor/place
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "[actor/place:" in screen_text(app)
        assert 0 < app.model.event_count < 30


async def test_help_lists_every_binding(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for key in ("PageUp", "Enter", "Escape", "Ctrl+P", "export", "jump to a date"):
            assert key in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def export(app, pilot, *answer: str) -> None:
    """Press e and answer the prompt (Enter alone accepts the default path)."""
    await pilot.press("e")
    await pilot.pause()
    await pilot.press(*answer, "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_export_asks_where_and_writes_the_view_with_its_filters(db_path, tmp_path, size):
    app = WaqaiApp(open_db(db_path), export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#prompt-input").value == str(tmp_path / "waqai-chronology.md")
        assert "waqai-chronology.md" in screen_text(app)  # the default, shown and editable
        await pilot.press("enter")
        await pilot.pause()
        text = (tmp_path / "waqai-chronology.md").read_text(encoding="utf-8")
        assert "عدد الوقائع: 30" in text and "## 2024" in text
        await settle(app, pilot, "slash", *"كالسو", "enter")
        await export(app, pilot)  # the first file exists: a new name is offered
        filtered = (tmp_path / "waqai-chronology-2.md").read_text(encoding="utf-8")
        assert "بحث: كالسو" in filtered and "عدد الوقائع: 30" not in filtered
        assert (tmp_path / "waqai-chronology.md").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_export_never_overwrites_without_a_yes(db_path, tmp_path, size):
    target = tmp_path / "mine.md"
    target.write_text("my notes", encoding="utf-8")
    app = WaqaiApp(open_db(db_path), export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"mine.md", "enter")
        await pilot.pause()
        assert "exists. Overwrite it" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "my notes"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"mine.md", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "عدد الوقائع: 30" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_an_empty_view_is_not_exported_without_asking(db_path, tmp_path, size):
    target = tmp_path / "waqai-chronology.md"
    app = WaqaiApp(open_db(db_path), export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await settle(app, pilot, "slash", *"xyzxyz", "enter")
        assert app.model.event_count == 0
        await export(app, pilot)
        assert "no events" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert not target.exists()


async def test_small_and_large_terminals_and_resize(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        assert all(len(line) <= 80 for line in screen_text(app).splitlines())
        await pilot.resize_terminal(250, 60)
        await pilot.pause()
        text = screen_text(app)
        assert all(len(line) <= 250 for line in text.splitlines())
        assert "2024-04-21" in text  # everything fits on a tall screen


async def test_clicking_the_density_strip_jumps_to_that_year(db_path):
    from waqai.tui.density import DensityStrip

    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        strip = app.query_one(DensityStrip)
        assert strip.years[0] == 2013 and strip.years[-1] == 2024
        await pilot.click(DensityStrip, offset=(strip.column_of_year(2021), 1))
        await pilot.pause()
        timeline = app.query_one(TimelineView)
        assert app.model.year_of_row(timeline.cursor) == 2021
        assert "▲ 2021" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert "▲ 2013" in screen_text(app)


async def test_with_no_color_the_highlights_still_stand_out(db_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        assert app.no_color
        await pilot.press("G", "enter")
        await pilot.pause()
        segments = [s for strip in app.screen._compositor.render_strips() for s in strip]
        timex = app.screen.event["sources"][0]["timex"]
        marked = [s for s in segments if s.text.strip() and s.text.strip() in shaped(timex) and s.style and s.style.bold]
        assert marked, "the date as written must be marked by more than colour"
        colours = {s.style.color.name for s in segments if s.style and s.style.color and s.text.strip()}
        assert all(c.startswith("#") and len({c[1:3], c[3:5], c[5:7]}) == 1 for c in colours if c.startswith("#"))


def selected_line(app) -> str | None:
    """The screen line drawn in the cursor's style (reverse video), or None when it is off screen."""
    timeline = app.query_one(TimelineView)
    event = app.model.events([timeline.selected_event_id])[timeline.selected_event_id]
    from waqai.store.export import date_label

    for strip in app.screen._compositor.render_strips():
        shown = "".join(s.text for s in strip if s.style and s.style.reverse)
        if date_label(event)[:10] in shown:
            return strip.text
    return None


SIZES = [(80, 24), (100, 30), (160, 45)]


@pytest.mark.parametrize("size", SIZES)
async def test_the_selected_event_is_always_on_screen(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        timeline = app.query_one(TimelineView)
        assert not timeline.show_horizontal_scrollbar
        await pilot.press("G")
        await pilot.pause()
        assert "event 30 of 30" in screen_text(app) and selected_line(app) is not None
        await pilot.press("g", *"jjjjjj")
        await pilot.pause()
        assert "event 7 of 30" in screen_text(app) and selected_line(app) is not None
        await pilot.press("t", *"2022", "enter")
        await pilot.pause()
        assert selected_line(app) is not None  # no event in 2022: the first one after it
        for _ in range(12):
            await pilot.press("pagedown")
            await pilot.pause()
            assert selected_line(app) is not None
        assert all(len(line) <= size[0] for line in screen_text(app).splitlines())


async def test_the_selected_event_stays_on_screen_after_a_resize(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await started(app, pilot)
        await pilot.press("G")
        await pilot.pause()
        for size in [(80, 24), (60, 12), (160, 45), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert selected_line(app) is not None, size
            assert not app.query_one(TimelineView).show_horizontal_scrollbar



async def select_event(app, pilot, day: str, event_id: int) -> None:
    """Jump to ``day`` and move down to ``event_id``."""
    await pilot.press("t", *day, "enter")
    await pilot.pause()
    timeline = app.query_one(TimelineView)
    for _ in range(10):
        if timeline.selected_event_id == event_id:
            return
        await pilot.press("j")
        await pilot.pause()
    raise AssertionError(f"event {event_id} not found after {day}")


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_the_denial_badge_is_shaped_and_ordered(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await select_event(app, pilot, "2024-04-20", 30)
        row = selected_line(app)
        assert shaped("نفي") in row and "نفي" not in row


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_arabic_typed_into_search_is_shown_shaped_and_right_to_left(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await settle(app, pilot, "slash", *"قاعدة كالسو")
        box = app.query_one("#search")
        line = app.screen._compositor.render_strips()[box.content_region.y].text
        assert shaped("قاعدة كالسو") in line and "كالسو" not in line
        assert line.rstrip(" ▎").endswith(shaped("قاعدة كالسو"))  # right-aligned, first word at the right
        assert box.value == "قاعدة كالسو"  # the value stays logical


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_a_long_reported_by_field_wraps_with_its_words_in_order(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await select_event(app, pilot, "2024-01-30", 21)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        attribution = "ميليشيات كتائب حزب الله المتحالفة مع إيران"
        assert "reported by: " + shaped(attribution) in text
        assert all(len(line) <= size[0] for line in text.splitlines())


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_the_sources_screen_counts_in_words(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("G", "enter")
        await pilot.pause()
        assert "1 source from 1 article" in screen_text(app)
        assert "(s)" not in screen_text(app)


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_the_article_view_opens_the_source_under_the_cursor_and_highlights_it(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await select_event(app, pilot, "2014", 22)
        await pilot.press("enter")
        await pilot.pause()
        first, second = app.screen.event["sources"]
        assert first["doc"] != second["doc"]
        assert "▶ [1]" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert "▶ [2]" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        text = screen_text(app)
        assert text.splitlines()[0].startswith(" " + second["doc"]) or second["doc"] in text.splitlines()[0]
        target = app.screen.query_one(f"#s{second['sentence_index']}")
        assert "target" in target.classes
        underlined = "".join(s.text for strip in app.screen._compositor.render_strips() for s in strip
                             if s.style and s.style.underline and s.style.bold)
        first_word = second["sentence"].split()[0]
        assert shaped(first_word) in underlined  # the source sentence is on screen, marked
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.query_one(TimelineView).selected_event_id == 22


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_the_article_view_keeps_paragraph_breaks(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("G", "enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        scroller = app.screen.query_one("#article")
        region = scroller.content_region
        lines = [line.strip() for line in screen_text(app).splitlines()[region.y:region.bottom]]
        gaps = [i for i in range(1, len(lines) - 1) if not lines[i] and lines[i - 1] and lines[i + 1]]
        assert gaps, "paragraphs must be set apart by a blank line"
        starts = app.screen.query(".paragraph-start")
        assert len(starts) >= 3


@pytest.mark.parametrize("size,label", [((80, 24), "2023-11-15 eve"), ((160, 45), "2023-11-15 evening")])
async def test_rows_show_human_dates_and_separated_names(db_path, size, label):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await select_event(app, pilot, "2023-11-15", 18)
        row = selected_line(app)
        assert label in row and "TEV" not in screen_text(app) and "TMO" not in screen_text(app)
        assert (" · " if size[0] >= 100 else "Global Coal…") in row  # several names: apart, or cut with …
        await pilot.press("enter")
        await pilot.pause()
        assert "2023-11-15 evening" in screen_text(app)


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_escape_removes_the_last_filter_only_and_keeps_the_cursors_event(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")  # the most frequent actor/place
        await app.workers.wait_for_complete()
        await pilot.pause()
        with_entity = app.model.event_count
        await settle(app, pilot, "slash", *"قاعدة", "enter")
        assert 0 < app.model.event_count <= with_entity
        await pilot.press("G")
        await pilot.pause()
        chosen = app.query_one(TimelineView).selected_event_id
        await settle(app, pilot, "escape")
        assert app.model.event_count == with_entity  # the search went, the actor/place stayed
        assert "[actor/place:" in screen_text(app) and "[search:" not in screen_text(app)
        assert app.query_one(TimelineView).selected_event_id == chosen
        assert selected_line(app) is not None
        await settle(app, pilot, "escape")
        assert app.model.event_count == 30 and "[actor/place:" not in screen_text(app)
        assert app.query_one(TimelineView).selected_event_id == chosen
        assert selected_line(app) is not None


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_a_jump_before_the_background_load_finishes_lands_on_the_right_event(db_path, monkeypatch, size):
    import threading

    from waqai.tui import app as app_module
    from waqai.tui.model import TimelineModel

    gate = threading.Event()
    original = TimelineModel.load

    def held_load(self, limit=None):
        if limit is None:
            gate.wait(60)  # the full layout arrives only when the test says so
        original(self, limit)

    monkeypatch.setattr(app_module, "FIRST_SCREEN", 5)
    monkeypatch.setattr(TimelineModel, "load", held_load)
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.model.event_count:
                break
        assert not app.model.complete and app.model.event_count == 5
        await pilot.press("t", *"2024-01", "enter")
        await pilot.pause()
        assert not [n for n in app._notifications if "No event" in n.message]
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        timeline = app.query_one(TimelineView)
        assert app.model.events([timeline.selected_event_id])[timeline.selected_event_id]["value"] == "2024-01-29"
        assert selected_line(app) is not None


async def palette(app, pilot, query: str) -> str:
    """Open the command palette, type ``query`` and return what it shows."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    for _ in range(3):
        await pilot.pause(0.1)
    return screen_text(app)


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_the_command_palette_offers_the_explorers_own_commands(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        shown = await palette(app, pilot, "export")
        assert "Export this view" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Prompt) and "Export this view to" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        shown = await palette(app, pilot, "date range")
        assert "Filter by date range" in shown
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"2023..2024-01", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "[dates: 2023..2024-01]" in screen_text(app)
        assert all(e["begin"] <= "2024-01-31" and e["end"] >= "2023-01-01"
                   for e in app.model.events(list(app.model.ids)).values())


async def test_the_palette_filters_by_a_named_actor_and_toggles_bidi(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await started(app, pilot)
        assert "Filter by Kata'ib Hezbollah" in await palette(app, pilot, "Kataib Hezb")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "[actor/place: Kata'ib Hezbollah]" in screen_text(app) and 0 < app.model.event_count < 30
        await palette(app, pilot, "toggle bidi")
        await pilot.press("enter")
        await pilot.pause()
        assert app.bidi == "terminal"
        assert selected_line(app) is not None and "ﺐﺋﺎﺘﻛ" not in screen_text(app)  # logical text, unshaped


def strip_rows(app) -> list[str]:
    """The density strip's three rows as on screen: two of bars, one of labels."""
    from waqai.tui.density import DensityStrip

    region = app.query_one(DensityStrip).region
    lines = screen_text(app).splitlines()
    return [line[region.x:region.right] for line in lines[region.y:region.bottom]]


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_the_density_strip_of_an_empty_view_draws_no_bars(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        await settle(app, pilot, "slash", *"xyzxyz", "enter")
        assert app.model.event_count == 0
        rows = strip_rows(app)
        assert not any(ch in "".join(rows) for ch in "▁▂▃▄▅▆▇█")
        assert "no events" in rows[-1]


@pytest.mark.parametrize("size", BOTH_SIZES)
async def test_a_lone_year_is_drawn_by_month_not_as_a_wall_of_blocks(db_path, size):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=size) as pilot:
        await started(app, pilot)
        app._set_filter("dates", "2024", begin="2024-01-01", end="2024-12-31")
        await app.workers.wait_for_complete()
        await pilot.pause()
        bars = "".join(strip_rows(app)[:2])
        assert bars.count("█") < len(bars) / 2 and bars.count(" ") > len(bars) / 4
        assert "2024-01" in strip_rows(app)[2]


async def test_every_years_label_shows_when_there_is_room_and_the_marker_follows_a_resize(db_path):
    from waqai.tui.density import DensityStrip

    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(160, 45)) as pilot:
        await started(app, pilot)
        await pilot.press("t", *"2021", "enter")
        await pilot.pause()
        labels = strip_rows(app)[2]
        assert "▲ 2021" in labels
        assert all(str(year) in labels for year in range(2013, 2025))
        for size in [(80, 24), (120, 30)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            strip = app.query_one(DensityStrip)
            assert strip.bin_at(strip_rows(app)[2].index("▲")).year == 2021


async def test_the_search_cursor_sits_at_its_logical_place_in_shaped_arabic(db_path):
    app = WaqaiApp(open_db(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        await settle(app, pilot, "slash", *"زمار")
        box = app.query_one("#search")
        box.cursor_blink = False
        await pilot.press("home")
        await pilot.pause()
        strip = app.screen._compositor.render_strips()[box.content_region.y]
        cursor_style = box.get_component_rich_style("input--cursor")
        marked = [s.text for s in strip if s.text.strip() and s.style and s.style.bgcolor == cursor_style.bgcolor]
        assert marked == [shaped("زمار")[-1]]  # the first letter, which a right-to-left line shows rightmost
