"""Future tense decides whether a bare month is the coming one; nouns that look like سـ verbs do not."""

from __future__ import annotations

from datetime import date

import pytest

from waqai.extract.tagger import tag

DCT = date(2030, 3, 8)


def values(text: str) -> list[str]:
    return [t.value for t in tag(text, DCT)]


@pytest.mark.parametrize("text", [
    "قتلت غارة قائد الفصيل بينما كان يتنقل في سيارته في الثامن من فبراير.",
    "أوقفت الشرطة السائق وسيارتهم في الثامن من فبراير.",
    "تحدث الوزير عن سياستها في الثامن من فبراير.",
])
def test_a_noun_with_a_pronoun_that_looks_like_a_future_verb_keeps_the_past_month(text):
    assert values(text) == ["2030-02-08"]


@pytest.mark.parametrize("text", [
    "سيقتله المسلحون في الثامن من فبراير.",
    "ستعقد اللجنة اجتماعها في الثامن من فبراير.",
])
def test_a_future_verb_with_or_without_a_pronoun_makes_the_month_the_coming_one(text):
    assert values(text) == ["2031-02-08"]


@pytest.mark.parametrize("text", [
    "استعاد الجيش المطار من المسلحين الذين سيطروا عليه في يناير.",
    "ما زال المسلحون في المطار منذ يناير.",
    "سيعود النازحون إلى المدينة التي هجروها منذ يناير.",
])
def test_a_past_plural_verb_or_since_looks_back(text):
    assert values(text) == ["2030-01"]
