"""The bidi renderer shared by the explorer and the CLI: display order, shaping, fitting."""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len

from waqai.tui.bidi import Line, is_rtl, render, render_line, wrap


def letters(line: Line) -> str:
    """A display line with presentation forms folded back to plain letters (still display order)."""
    return unicodedata.normalize("NFKC", line.text)


def test_arabic_reads_right_to_left_and_numbers_left_to_right():
    (line,) = render("في عام 2021 قصفت", 40)
    assert line.rtl and letters(line) == "تفصق 2021 ماع يف"


def test_latin_inside_arabic_keeps_its_own_order():
    (line,) = render("أعلنت كتائب حزب الله KH مسؤوليتها", 60)
    assert letters(line) == "اهتيلوؤسم KH هللا بزح بئاتك تنلعأ"


def test_arabic_inside_an_english_paragraph_is_reversed_in_place():
    (line,) = render("KH attacked قاعدة at 5pm", 40)
    assert not line.rtl and letters(line) == "KH attacked ةدعاق at 5pm"


@pytest.mark.parametrize("logical,display", [
    ("قال (المتحدث) أمس", "سمأ (ثدحتملا) لاق"),
    ("فصيل [حركة] «النجباء»", "«ءابجنلا» [ةكرح] ليصف"),
    ("القرار (2254) نافذ", "ذفان (2254) رارقلا"),
])
def test_brackets_are_mirrored_so_they_still_open_towards_their_content(logical, display):
    (line,) = render(logical, 60)
    assert letters(line) == display


def test_harakat_are_dropped_for_terminal_fonts():
    (line,) = render("مُحَمَّدٌ", 20)
    assert letters(line) == "دمحم"


def test_letters_take_their_joined_forms_and_lam_alef_is_one_glyph():
    (alone,) = render("لا", 10)
    assert alone.text == "\ufefb"  # LAM WITH ALEF, isolated
    (word,) = render("سلام", 10)
    assert word.text == "\ufee1\ufefc\ufeb3"  # meem final, lam-alef final, seen initial
    (allah,) = render("الله", 10)
    assert "\ufdf2" not in allah.text  # the word ligature is missing from most terminal fonts


def test_each_paragraph_is_its_own_line_in_order():
    lines = render("سطر أول\nسطر ثان\n\nThird line", 30)
    assert [letters(line) for line in lines] == ["لوأ رطس", "ناث رطس", "", "Third line"]
    assert [line.rtl for line in lines] == [True, True, False, False]


def test_wrapped_lines_fit_and_read_top_to_bottom():
    words = ["كلمة", "أولى", "ثانية", "ثالثة", "رابعة", "خامسة", "سادسة", "سابعة", "ثامنة", "تاسعة"]
    lines = render(" ".join(words), 17)
    assert len(lines) > 2
    assert all(cell_len(line.text) <= 17 for line in lines)
    # Each display line reversed is logical text again; together they give the words in order.
    recovered = " ".join(letters(line)[::-1] for line in lines).split()
    assert recovered == [unicodedata.normalize("NFKC", w) for w in words]


def test_a_word_longer_than_the_width_is_broken_and_nothing_is_lost():
    word = "كلمةطويلةجداجداجداجداجدا"
    lines = render(word, 8)
    assert all(cell_len(line.text) <= 8 for line in lines)
    assert "".join(letters(line)[::-1] for line in lines) == word


def test_a_glyph_wider_than_the_line_becomes_an_ellipsis():
    assert [line.text for line in render("中", 1)] == ["…"]


@pytest.mark.parametrize("text", ["", "   ", "\n", " \t \n  "])
def test_empty_and_blank_text_renders_as_blank_lines(text):
    lines = render(text, 10)
    assert lines and all(line.text == "" and not line.rtl for line in lines)


@pytest.mark.parametrize("hostile,shown", [
    ("abc\u202edef", "abcdef"),  # RIGHT-TO-LEFT OVERRIDE cannot reverse what follows
    ("\u2067abc\u2069 def", "abc def"),  # isolates are dropped
    ("x\u202bابc\u202cy", "xبا"),
])
def test_bidi_controls_in_untrusted_text_never_take_effect(hostile, shown):
    (line,) = render(hostile, 40)
    assert not any(ch in line.text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert letters(line).startswith(shown)


def test_terminal_mode_leaves_order_and_shape_to_the_terminal():
    (line,) = render("قال (المتحدث)\u202e أمس", 40, mode="terminal")
    assert line.text == "قال (المتحدث) أمس" and line.rtl


def test_rtl_lines_align_right_and_ltr_lines_left():
    assert render("نص", 10)[0].aligned(6) == "    " + render("نص", 10)[0].text
    assert render("text", 10)[0].aligned(6) == "text  "


def test_render_line_cuts_with_an_ellipsis_at_the_logical_end():
    text = "أعلنت كتائب حزب الله مسؤوليتها عن قصف قاعدة التنف"
    shown = render_line(text, 20)
    assert cell_len(shown) <= 20
    # The cut keeps the beginning of the sentence, which an RTL reader finds at the right.
    assert letters(Line(shown, True)).endswith("تنلعأ") and shown.startswith("…")


def test_wrap_works_on_logical_text_and_keeps_every_word():
    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    assert is_rtl("  «قال»") and not is_rtl("2021") and not is_rtl("")


def test_a_mostly_arabic_paragraph_opening_with_a_latin_word_reads_right_to_left():
    (line,) = render("CNN قالت المصادر (الرسمية) إن الهجوم وقع", 80)
    assert line.rtl
    assert letters(line) == "عقو موجهلا نإ (ةيمسرلا) رداصملا تلاق CNN"
    assert is_rtl("CNN قالت إن") and not is_rtl("CNN said قالت yesterday")


def test_brackets_mirror_in_an_arabic_run_of_an_english_paragraph():
    (line,) = render("The statement said «بيان (رسمي) صادر» yesterday in Baghdad", 80)
    assert not line.rtl
    assert letters(line) == "The statement said «رداص (يمسر) نايب» yesterday in Baghdad"


def test_english_in_brackets_inside_arabic_keeps_its_brackets():
    (line,) = render("قالت وكالة (Reuters) إن", 40)
    assert letters(line) == "نإ (Reuters) ةلاكو تلاق"


@pytest.mark.parametrize("text", [
    "في عام 2021 قصفت", "KH attacked قاعدة at 5pm", "أعلنت كتائب حزب الله KH مسؤوليتها",
    "السعر 1,500 دولار و 20% فقط", "A B ج د E F", "٢٠٢١ عام", "قال: «لا» - ثم غادر",
])
def test_reordering_agrees_with_python_bidi_where_no_bracket_is_involved(text):
    from bidi import get_display

    from waqai.tui.bidi import reorder

    for rtl in (True, False):
        expected = get_display(text, base_dir="R" if rtl else "L")
        if "«" not in text:
            assert reorder(text, rtl) == expected


def test_label_lines_wrap_between_fields_and_keep_a_long_value_in_reading_order():
    from waqai.tui.bidi import label_lines

    value = "مصدر أمني مسؤول في قيادة العمليات المشتركة ببغداد ومصادر عسكرية عراقية"
    lines = label_lines(["الشرق", "2024-04-22", "004_e47daf4445c2a758.txt", ("reported by: ", value)], 30)
    assert all(cell_len(line) <= 30 for line in lines)
    assert lines[0] == render_line("الشرق", 99) + " · 2024-04-22"
    assert lines[2].startswith("reported by: ")
    continued = [lines[2].removeprefix("reported by: "), *lines[3:]]
    recovered = " ".join(letters(Line(line, True))[::-1] for line in continued).split()
    assert recovered == [unicodedata.normalize("NFKC", w) for w in value.split()]
