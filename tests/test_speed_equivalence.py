"""The tagger's fast paths give exactly what the plain code they replace gives.

Each fast path (folding by replacement, the sparse offset map, sentence ends tried at stop
marks, trigger lookup by chunk, windows around trigger words, end-anchored searches on the
last chunks) is compared with the straightforward computation on
sentences written for this test.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from waqai.extract import tagger
from waqai.extract.lexicon import squash
from waqai.extract.normalize import _DELETED_RE, _FOLD_TABLE, _translate, blank_controls, fold_with_offsets
from waqai.extract.patterns import _TOKEN, grammar, lexicon
from waqai.extract.scan import Chunks, find_matches, reach, search_tail
from waqai.extract.segment import _SENTENCE_END, _sentence_ends, segment

SENTENCES = [
    "قال وزير الخارجية أمس الاثنين إن المحادثات ستستأنف في 5 أغسطس 2015 بعد توقف دام ثلاثة أشهر تقريبا.",
    "وكانت الحكومة قد أعلنت في الأسبوع الماضي عن خطة تمتد حتى نهاية العام المقبل، بحسب مصادر مطلعة في الوزارة.",
    "وصل الوفد صباح اليوم الثلاثاء إلى العاصمة، على أن يلتقي الرئيس يوم الخميس المقبل في تمام الساعة العاشرة صباحا.",
    "شهدت المدينة خلال الأيام القليلة الماضية احتجاجات متفرقة، فيما دعت المعارضة إلى مسيرة كبرى بعد غد الجمعة.",
    "ولد الكاتب عام 1948 في قرية صغيرة، وتوفي في العشرين من عمره الثاني بعد مرض طويل منذ 2010 حتى 2014م.",
    "تبدأ إجازة عيد الفطر يوم 17/7/2015 وتستمر حتى 20 شوال 1436 هـ الموافق 5 أغسطس، ويعود الموظفون للعمل بعدها.",
    "في الربع الأول من عام 2015 ارتفعت الصادرات بنسبة 12% مقارنة بالفترة نفسها من العام الماضي، وفي النصف الثاني من العام الجاري تراجعت.",
    "يذكر أن المشروع الذي بدأ في ثمانينيات القرن الماضي توقف لسنوات طويلة قبل أن يستأنف مطلع الشهر الجاري وفق ما أفادت به الوكالة.",
    "ويعقد المجلس اجتماعه كل يوم اثنين، بينما تصدر التقارير سنويا في ديسمبر من كل عام، وآخرها صدر قبل نحو أسبوعين من الآن.",
    "من 5 إلى 10 مايو تقام المعارض، ويومي 12 و13 يونيو الندوات، والأيام العشرة الأولى من الشهر المقبل للعروض الختامية في الصيف القادم.",
    "وأوضح المتحدث أن القوات سيطرت على المنطقة في وقت سابق من اليوم، وأن الاشتباكات استمرت طوال الليلة الماضية وحتى فجر أمس الأحد.",
    # relative_unit runs here for الشهر, and its "من اليوم" lies far from it, holding none of its triggers.
    "أعلنت الشركة في الشهر الماضي عن نتائج جيدة للمساهمين والعاملين في فروعها المنتشرة داخل المملكة وخارجها، "
    "وقالت إن العمل بالنظام الجديد سيبدأ اعتبارا من اليوم في جميع المواقع التابعة لها دون استثناء.",
    "لم يتغير شيء في ذلك اليوم ولا في اليوم التالي، وفي الماضي كانت الأمور مختلفة تماما عما هي عليه في الوقت الحالي أو في المستقبل القريب.",
]
DCT = date(2015, 8, 4)


def _long_text() -> str:
    # Long paragraphs (no full stop for many words) exercise the windows and the clause cuts.
    rng = random.Random(7)
    words = " ".join(SENTENCES).replace(".", " ").split()
    return "\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(40, 160))) + "." for _ in range(12))


TEXTS = SENTENCES + [_long_text(), "\n".join(SENTENCES)]


def test_translate_is_str_translate():
    rng = random.Random(1)
    alphabet = [chr(k) for k in _FOLD_TABLE] + list("ابتثجةى ٣٤abc")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _translate(text) == text.translate(_FOLD_TABLE)


def _table(text: str) -> list[int]:
    """The original index of each folded character, computed one character at a time."""
    translated = blank_controls(text).translate(_FOLD_TABLE)
    return [i for i, ch in enumerate(translated) if not _DELETED_RE.match(ch)]


@pytest.mark.parametrize("text", ["مَرْحَبًا بِكُمْ فِي الـــرياض", "حالياً", "بدون تشكيل", "\u200fنص\u200f مع علامات\u0640\u0640", ""])
def test_offset_map_is_the_table(text):
    folded = fold_with_offsets(text)
    table = _table(text)
    assert len(folded.folded) == len(table)
    if folded.offsets is not None:
        assert list(folded.offsets) == table
        assert [folded.offsets[i] for i in range(-len(table), 0)] == table
        with pytest.raises(IndexError):
            folded.offsets[len(table)]
    for start in range(len(table) + 1):
        for end in range(start, len(table) + 1):
            os_, oe = folded.original_span(start, end)
            assert 0 <= os_ <= oe <= len(text)


def test_sentence_ends_are_finditer():
    rng = random.Random(2)
    alphabet = list("اب .!?؟؛\"”)]و\n")
    for _ in range(5000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert [m.span() for m in _sentence_ends(line)] == [m.span() for m in _SENTENCE_END.finditer(line)]


def test_squash_is_the_regex():
    for text in ["  a \t b\n\nc  ", "", "\u00a0x\u2003y\u3000", "كلمة  واحدة"]:
        assert squash(text) == re.sub(r"\s+", " ", text).strip()


def _families_by_token(sentence: str) -> frozenset[str]:
    """Grammar.families_for as it was: each token of the sentence looked up in turn."""
    g = grammar()
    found: set[str] = set()
    for token in set(_TOKEN.findall(sentence)):
        found |= g.token_families(token)
    return frozenset(found)


def test_families_for_chunks_is_families_by_token():
    g = grammar()
    for text in TEXTS:
        for sentence in segment(text).sentences:
            folded = fold_with_offsets(sentence.text).folded
            assert g.families_for(folded) == _families_by_token(folded)


def test_windows_find_what_finditer_finds():
    """With windows forced on every sentence, each family finds exactly finditer's matches."""
    g = grammar()
    checked = 0
    for text in TEXTS:
        layout = segment(text)
        folded = layout.folded.folded
        for s in layout.sentences:
            chunks = Chunks(folded, s.folded_start, s.folded_end)
            for family, pattern in g.families:
                width = reach(pattern)
                if width is None or family not in g.families_for(folded[s.folded_start : s.folded_end]):
                    continue
                expected = [m.span() for m in pattern.finditer(folded, s.folded_start, s.folded_end)]
                found = [m.span() for m in find_matches(pattern, folded, s.folded_start, s.folded_end, chunks,
                                                         chunks.triggers(family, g.window_families), width)]
                assert found == expected, family
                checked += len(expected)
    assert checked > 30


def test_reach_bounds():
    assert reach(re.compile(r"ab[^\S\n]+cd")) == 3
    assert reach(re.compile(r"(?<=x y)ab")) == 2  # a look-behind reads what lies before
    assert reach(re.compile(r"ab(?=[^\S\n]+cd[^\S\n]+e)")) == 4  # a look-ahead reads on
    assert reach(re.compile(r"(?:ab[^\S\n]+)+")) is None
    assert reach(re.compile(r".+")) is None


def test_search_tail_is_search():
    g = grammar()
    lx = lexicon()
    words = list(lx.parts_of_day) + list(lx.modifiers) + ["يوم", "منذ", "من", "في", "الايام", "العشره", "الاولي", "5", "و"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "  ", "\n", "", " ، "]) for _ in range(rng.randint(0, 7)))
        for pattern in (g.left_day_context, g.left_modifier, g.left_quantity, tagger._SINCE):
            a, b = pattern.search(text), search_tail(pattern, text)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_tagging_with_windows_is_tagging_without(monkeypatch):
    """The whole tagger, windows on (long sentences) and off, on the same texts."""
    windowed = [[t.as_json() for t in tagger.tag(text, DCT)] for text in TEXTS]
    widths = grammar().widths
    for family in list(widths):
        monkeypatch.setitem(widths, family, None)
    plain = [[t.as_json() for t in tagger.tag(text, DCT)] for text in TEXTS]
    assert windowed == plain
    assert sum(map(len, plain)) > 40


def test_a_family_that_matches_has_a_core_that_matches():
    from waqai.extract.scan import cores

    g = grammar()
    seen = 0
    for text in TEXTS:
        layout = segment(text)
        folded = layout.folded.folded
        for s in layout.sentences:
            for family, pattern in g.families:
                if not any(m.end() > m.start() for m in pattern.finditer(folded, s.folded_start, s.folded_end)):
                    continue
                checks = cores(pattern)
                assert checks is None or any(c.search(folded, s.folded_start, s.folded_end) for c in checks), family
                seen += checks is not None
    assert seen > 30


def test_cores_of_simple_patterns():
    from waqai.extract.scan import cores

    found = cores(re.compile(r"(?<![^\W\d_])(?:قبل[^\S\n]+)?(?P<n>\d+)[^\S\n]+(?:يوم|عام)"))
    assert found is not None and len(found) == 1
    assert found[0].search("منذ 5 عام") and not found[0].search("منذ خمسة اعوام")
    assert cores(re.compile(r"(a)\1")) is None  # a back-reference: no shortcut


def test_tagging_with_cores_is_tagging_without(monkeypatch):
    with_cores = [[t.as_json() for t in tagger.tag(text, DCT)] for text in TEXTS]
    monkeypatch.setattr(type(grammar()), "may_match", lambda self, family, text, start, end: True)
    without = [[t.as_json() for t in tagger.tag(text, DCT)] for text in TEXTS]
    assert with_cores == without


def test_opening_finds_what_the_pattern_finds():
    """Each family behind its look-ahead of first characters finds the same matches, groups and all."""
    from waqai.extract.scan import opening

    g = grammar()
    rng = random.Random(11)
    words = " ".join(SENTENCES).split() + ["(5", "12/11/1436هـ", "،", "-", "\n", "2015م", "لل", "و"]
    fuzz = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 25))) for _ in range(300)]
    texts = [fold_with_offsets(t).folded for t in TEXTS + fuzz]
    prefixed = 0
    for family, pattern in g.families:
        fast = opening(pattern)
        prefixed += fast is not pattern
        for text in texts:
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == expected, family
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text, 3, len(text) - 2)] == \
                [(m.span(), m.groupdict()) for m in pattern.finditer(text, 3, len(text) - 2)], family
    assert prefixed >= len(g.families) - 2


def test_opening_of_simple_patterns():
    from waqai.extract.scan import opening

    fast = opening(re.compile(r"(?<![^\W\d_])(?:قبل[^\S\n]+)?(?:(?P<n>\d+)|ثلاثه)[^\S\n]+ايام"))
    assert fast.pattern.startswith("(?=[")
    for text in ["منذ قبل 5 ايام", "قبل  ثلاثه ايام", "xقبل 5 ايام", "5 ايام", "ثلاثه"]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(fast.pattern[fast.pattern.index(")") + 1 :], text)]
    empty = re.compile(r"(?:ab)?")
    assert opening(empty) is empty  # an empty match has no first character
    anything = re.compile(r"(?<!x).b")
    assert opening(anything) is anything  # "." can start with anything: nothing to look ahead for
    negated = opening(re.compile(r"[^\S\n]*\d"))
    assert negated.pattern.startswith(r"(?=[\s\d])")  # [^\S\n] matches only white space
    assert negated.findall("a 1\n22") == [" 1", "2", "2"] == re.findall(r"[^\S\n]*\d", "a 1\n22")


def _events(text: str) -> list[tuple]:
    from waqai.extract.pipeline import analyze

    return [(e.timex.start, e.title, e.clause_tokens, e.clause_entities, e.kind, e.stance, e.planned)
            for e in analyze(text, DCT).events]


def test_events_do_not_depend_on_what_was_analysed_before():
    # The event helpers remember texts (has_verb, verb_class, finish_title, word stems): a cache
    # keyed on less than its answer depends on would make an article's events depend on the one before.
    from waqai.extract import events, happening

    caches = (happening.has_verb, happening.verb_class, events.finish_title, events._content_stem)
    for cache in caches:
        cache.cache_clear()
    cold = [_events(text) for text in SENTENCES]
    assert any(cold), "the sentences must give events for this test to mean anything"
    warm = [_events(text) for text in reversed(SENTENCES)][::-1]
    assert warm == cold
    assert all(cache.cache_info().hits for cache in caches)


def _all_matches(pattern: re.Pattern[str], text: str) -> list:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


def test_trie_alternation_is_the_alternation():
    # Words that are prefixes of one another (عام/عاما/عامان), multi-word entries and a
    # continuation that forces backtracking into the alternation: the same matches, the same groups.
    from waqai.extract.lexicon import alternation, trie_alternation

    rng = random.Random(3)
    stock = ["عام", "عاما", "عامان", "العام", "ثلاث", "ثلاثه", "ثلاثين", "تشرين", "تشرين الاول", "تشرين الثاني",
             "يوم", "يوما", "يومين", "اليوم", "اليومين", "شهر", "شهرا", "شهرين", "س", "سن", "سنه", "x.y", "و نصف", "ونصف"]
    for _ in range(300):
        words = rng.sample(stock, rng.randint(1, len(stock)))
        for shape in ("({})", r"(?<![^\W\d_])({})(?![^\W\d_])", r"({})(ا|ين)?\s", r"({})\s*(ونصف|و\s+نصف)?"):
            plain = re.compile(shape.format(alternation(words)))
            tree = re.compile(shape.format(trie_alternation(words)))
            for _ in range(5):
                text = " ".join(rng.choice(stock + ["في", "من", "2015", "،"]) for _ in range(rng.randint(1, 12)))
                text = text.replace(" ", rng.choice([" ", "  ", "\t "]), rng.randint(0, 3))
                assert _all_matches(tree, text) == _all_matches(plain, text), (words, shape, text)


def test_word_start_is_the_three_look_behinds():
    from waqai.extract.patterns import WORD_START

    plain = re.compile(r"(?:(?<![^\W\d_])|(?<=\b[وفبلك])|(?<=\b[وف][بلك]))")
    fast = re.compile(WORD_START)
    rng = random.Random(5)
    alphabet = list("وفبلكاعمن2_ .،") + ["ال"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert [bool(fast.match(text, i)) for i in range(len(text) + 1)] == [bool(plain.match(text, i)) for i in range(len(text) + 1)], text


def test_furniture_phrases_by_one_search_are_the_loops():
    from waqai.extract.segment import _FIVE_WORDS, _furniture, _line_key

    furniture = _furniture()
    rng = random.Random(11)
    pieces = list(furniture.contains) + list(furniture.after) + ["خبر", "عاجل", "2015", "-", "،", "اقرأ", "ذات"]
    for _ in range(3000):
        key = _line_key(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))[rng.randint(0, 3):])
        assert bool(furniture.contains_re.search(key)) == any(phrase in key for phrase in furniture.contains), key
        assert key.startswith(furniture.after_prefixes) == any(key.startswith(m) for m in furniture.after), key
        start = rng.randint(0, len(key))
        assert bool(_FIVE_WORDS.search(key, start)) == (len(re.findall(r"\w+", key[start:])) > 4), key
