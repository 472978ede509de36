"""Human date labels and the timeline row's columns."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from waqai.store.labels import date_label, human_value
from waqai.tui.bidi import render_line
from waqai.tui.rows import NARROW, row_columns


@pytest.mark.parametrize("value,shown", [
    ("2023-11-15TEV", "2023-11-15 evening"), ("2023-11-16TMO", "2023-11-16 morning"),
    ("2024-02-09T18:42", "2024-02-09 18:42"), ("2022-W49", "2022 week 49"), ("2014-SU", "summer 2014"),
    ("198", "1980s"), ("2024-Q1", "2024 Q1"), ("2021-06-29", "2021-06-29"),
])
def test_timex_values_read_as_words(value, shown):
    assert human_value(value) == shown


def test_date_labels_show_precision_and_modifiers():
    assert date_label({"value": "2013", "mod": None, "granularity": "year"}) == "2013 · year"
    assert date_label({"value": "2021-06", "mod": "END", "granularity": "month"}) == "2021-06 late"
    assert date_label({"value": "2023-11-15TEV", "mod": None, "granularity": "day"}) == "2023-11-15 evening"
    assert date_label({"value": "2013", "mod": None, "granularity": "year"}, short=True) == "2013"
    assert date_label({"value": "2021-06", "mod": "END", "granularity": "month"}, lang="ar") == "أواخر 2021-06"


EVENT = {"id": 1, "value": "2023-11-16TMO", "mod": None, "granularity": "day", "corroboration": 2, "stance": "denied",
         "title": "أشارت المصادر إلى أن الاجتماع الذي عقد حضره اللواء حسام لوقا مدير إدارة المخابرات",
         "entities": [{"name": "حسام لوقا", "name_en": "Hussam Louka", "kind": "person"},
                      {"name": "الحكومة السورية", "name_en": "Syrian government", "kind": "group"},
                      {"name": "الحرس الجمهوري", "name_en": "Republican Guard", "kind": "group"}]}


@pytest.mark.parametrize("width", [76, 98, 158])
def test_a_row_fits_its_width_with_every_column(width):
    columns = row_columns(EVENT, width)
    row = columns.date + columns.badges + columns.tags + " " * (columns.title_width - cell_len(columns.title)) + columns.title
    assert cell_len(row) <= width
    assert columns.date.strip().startswith("2023-11-16 morn")
    assert "×2" in columns.badges and render_line("نفي", 9) in columns.badges


def test_at_80_columns_the_title_gets_most_of_the_line_and_names_are_cut_with_an_ellipsis():
    narrow = row_columns(EVENT, 76)
    assert narrow.title_width >= 34  # 29 when the columns kept their wide sizes
    assert narrow.tags.startswith("Hussam") and narrow.tags.strip().endswith("…")
    wide = row_columns(EVENT, 158)
    assert "Hussam Louka · Syrian government" in wide.tags  # names apart, never run together
    assert wide.date.strip() == "2023-11-16 morning" and NARROW <= 158


def test_density_bins_span_every_year_or_the_months_of_a_lone_year():
    from waqai.tui.density import bins_for

    assert bins_for({}) == []
    years = bins_for({(2013, 5): 1, (2015, 1): 2, (2015, 7): 1})
    assert [(b.label, b.count) for b in years] == [("2013", 1), ("2014", 0), ("2015", 3)]
    months = bins_for({(2024, 1): 2, (2024, 4): 4})
    assert len(months) == 12 and months[3].label == "2024-04" and months[3].count == 4 and months[1].count == 0
