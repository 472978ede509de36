"""Timeline rows: which outlets corroborate an event is named on a wide layout."""

from __future__ import annotations

from waqai.tui.bidi import render_line
from waqai.tui.rows import row_columns


def event(outlets: list[str | None], corroboration: int) -> dict:
    return {"id": 1, "value": "2024-04-20", "mod": None, "begin": "2024-04-20", "end": "2024-04-20",
            "granularity": "day", "title": "انفجار في قاعدة عسكرية جنوب بغداد", "stance": None,
            "corroboration": corroboration, "entities": [{"name": "كالسو", "name_en": "Kalsu", "kind": "place"}],
            "sources": [{"source": o} for o in outlets]}


def test_a_wide_row_names_the_outlets_that_corroborate_the_event():
    columns = row_columns(event(["الشرق", "Reuters", "الشرق"], 3), 200)
    assert "Kalsu" in columns.tags and "Reuters" in columns.tags and render_line("الشرق", 30) in columns.tags
    assert columns.tags.count("Reuters") == 1 and "×3" in columns.badges


def test_narrow_rows_and_single_outlets_name_no_outlet():
    assert "Reuters" not in row_columns(event(["الشرق", "Reuters"], 2), 100).tags
    assert "‖" not in row_columns(event(["الشرق", "الشرق"], 2), 200).tags
    assert "‖" not in row_columns(event(["الشرق"], 1), 200).tags


def test_a_planned_event_carries_the_planned_badge_and_a_happened_one_does_not():
    planned = {**event(["الشرق"], 1), "planned": True}
    assert "◷" in row_columns(planned, 100).badges and "◷" in row_columns(planned, 80).badges
    assert "◷" not in row_columns(event(["الشرق"], 1), 100).badges
