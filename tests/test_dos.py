"""Hostile sizes: inputs built to make a step quadratic finish in linear time (generous bounds)."""

from __future__ import annotations

import random
import re
import time

import pytest

from waqai.extract import segment as segment_module
from waqai.extract.segment import _split_sentences, segment


@pytest.mark.parametrize("line", ["أ. " * 100_000, "د. م. " * 50_000, "A. " * 100_000])
def test_a_line_of_abbreviations_splits_in_linear_time(line):
    started = time.perf_counter()
    spans = _split_sentences(line, 0)
    assert time.perf_counter() - started < 10  # about 0.5 s here; the old rescan never finished
    assert spans == [(0, len(line) - 1)]  # no full stop after an abbreviation ends a sentence


def test_a_whole_article_of_abbreviations_segments_in_time():
    started = time.perf_counter()
    layout = segment("عنوان التقرير\n" + "أ. " * 20_000 + "\n")
    assert time.perf_counter() - started < 20
    assert len(layout.sentences) == 1


def _reference_split_points(line: str) -> list[int]:
    """The original rule, rescanning from the sentence start (quadratic, fine on short lines)."""
    ends, begin = [], 0
    for m in segment_module._SENTENCE_END.finditer(line):
        if segment_module._ABBREVIATION.search(line[begin : m.start() + 1]) and m.group().startswith("."):
            continue
        ends.append(m.end())
        begin = m.end()
    return ends


def _split_points(line: str) -> list[int]:
    ends, begin = [], 0
    for m in segment_module._SENTENCE_END.finditer(line):
        if m.group().startswith(".") and segment_module._abbreviation_before(line, begin, m.start()):
            continue
        ends.append(m.end())
        begin = m.end()
    return ends


def test_the_windowed_abbreviation_check_agrees_with_the_full_rescan():
    pieces = ["أ", "د", "م", "ص", "كتب", "Dr", "A", "b", "x", ".", ". ", "..", "...", " ", "؟ ", "! ", "» ", "1", "\t"]
    rng = random.Random(12)
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 25)))
        assert _split_points(line) == _reference_split_points(line), repr(line)
