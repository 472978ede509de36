"""Property-based tests: the tagger, sentence splitter and bidi renderer never fail."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from waqai.extract.segment import segment
from waqai.extract.tagger import tag
from waqai.tui.bidi import render
from rich.cells import cell_len

ARABIC_BITS = ["يونيو", "حزيران", "الماضي", " ", "\n", "أمس", "الثلاثاء", "عام", "2014", "١٥", "ـ", "ً", "،", ".",
               "(", ")", "\u202e", "\x1b[2J", "الـ16 من", "شهر", "ونصف", "قبل", "يومين", "اليوم", "التالي", "F-16",
               "هـ", "شوال", "1445", "/", "31 شباط", "الساعة", "18:42", "\u200f", "ﻻ", "لا"]
texts = st.lists(st.one_of(st.sampled_from(ARABIC_BITS), st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))))
def test_tagger_never_raises_and_spans_are_exact(text, dct):
    for timex in tag(text, dct):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_are_ordered_spans_of_the_text(text):
    previous_end = 0
    for sentence in segment(text).sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=1, max_value=120))
def test_rendered_lines_fit_and_carry_no_controls(text, width):
    for line in render(text, width):
        assert cell_len(line.text) <= width
        assert not any(ch in line.text for ch in "\x1b\u202e\u202d\u2066\u2067\u2068\u2069\x9b")
