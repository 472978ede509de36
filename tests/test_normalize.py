"""Folding: what is remembered between calls."""

from __future__ import annotations

from waqai.extract import normalize


def test_fold_remembers_short_texts_but_never_a_whole_article():
    sentence = "قالت الوزارة إن الاجتماع عُقد في الرياض."
    article = "في الخامس من حزيران عام ٢٠١٤ أعلنت الحكومة " * 200
    before = normalize._fold_remembered.cache_info().currsize
    assert normalize.fold(article) == normalize._fold(article)
    assert normalize._fold_remembered.cache_info().currsize == before
    assert normalize.fold(sentence) == normalize.fold(sentence) == normalize._fold(sentence)
    assert normalize._fold_remembered.cache_info().hits >= 1
