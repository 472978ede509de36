"""Cutting a sentence into clauses, so each date governs its own happening.

A clause ends at a comma-like mark or a spaced dash, and a new one starts
before an opener that begins another happening or an aside (في حين، فيما،
بينما، لكن، وفي…), before an attribution (بحسب، وفق، نقلا عن), before a
relative pronoun (الذي، التي، الذين), before the complement of a say-verb
(قال … إن، أعلنت … أن) and before ``و`` + a verb of a listed happening class.
Every clause keeps its offsets in the sentence and a kind that says how it
attaches to the clause before it.

``refine_sentences`` cuts the long unpunctuated paragraphs some papers write
(two thousand characters without a full stop) into sentences at clause
boundaries, and cuts off datelines that open a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .happening import event_words, other_verbs, starts_with_verb, waw_nouns, word_class
from .lexicon import load_json, squash
from .normalize import fold, fold_with_offsets

# A colon between digits is a clock (03:00), not a break.
_PUNCT_BREAK = re.compile(r"\s*(?:[،,؛;]|(?<!\d):|:(?!\d)|\s[-–—]\s|\s\.(?=\S))\s*")
_COMMA_BREAK = re.compile(r"\s*[،,؛;]\s*")
_WORD = re.compile(r"[^\W_]+")
_RELATIVE = re.compile(r"(?:\s|(?<=[.،,؛]))(?=و?(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)(?![^\W\d_]))")
_WORD_AFTER_WAW = re.compile(r"\s(?=و([^\W\d_]{3,}))")
ATTRIBUTION_SPLIT_WORDS = 30
ATTRIBUTION_TAIL_WORDS = 12
LONG_SENTENCE_WORDS = 60


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence: ``[start, end)`` in the sentence, and how it attaches.

    ``kind``: ``main``; ``relative`` (الذي…, describes the words before it);
    ``reported`` (the إن/أن complement of a say-verb); ``attribution`` (بحسب…);
    ``opener`` (في حين، فيما…: often a happening of its own); ``coordinate``
    (و + verb: another happening).
    """

    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = event_words()
    attribution = sorted({squash(fold(w)) for w in words.attribution}, key=len, reverse=True)
    openers = sorted({squash(fold(w)) for w in words.openers} - set(attribution), key=len, reverse=True)

    def alternation(items: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)

    # حسب تقويم أم القرى، وفق الخطة: a calendar or a rule, not who reports.
    rules = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["not_a_source"]}, key=len, reverse=True)
    attribution_re = re.compile(rf"\s(?=(?:{alternation(attribution)})(?![^\W\d_])(?!\s*(?:{alternation(rules)})(?![^\W\d_])))")
    opener_re = re.compile(rf"\s(?=(?:{alternation(openers)})(?![^\W\d_]))")
    say = alternation(sorted(words.say_verbs, key=len, reverse=True))
    # قال/أعلنت … إن/أن: the complement starts a reported clause. The say-verb
    # must come within the clause's first words, so "بعد أن" is not a complement.
    reported_re = re.compile(
        rf"^\s*(?:[^\s،,.]+\s+){{0,6}}?[وف]?(?:{say})(?![^\W\d_])[^،,.]{{0,120}}?\s(?=(?:ان|انه|انها|بان)(?![^\W\d_]))"
    )
    return attribution_re, opener_re, reported_re


def clauses(text: str) -> list[Clause]:
    """The clauses of one sentence, in order, covering its text but the breaks."""
    folded = fold_with_offsets(text)
    ftext = folded.folded
    attribution_re, opener_re, reported_re = _patterns()
    cuts: dict[int, str] = {}  # folded position where a clause starts → its kind
    pieces: list[tuple[int, int]] = []
    begin = 0
    breaks: list[int] = []
    for m in _PUNCT_BREAK.finditer(ftext):
        pieces.append((begin, m.start()))
        begin = m.end()
        breaks.append(begin)
    pieces.append((begin, len(ftext)))
    for m in attribution_re.finditer(ftext):
        cuts[m.end()] = "attribution"
    for m in opener_re.finditer(ftext):
        cuts.setdefault(m.end(), "opener")
    for m in _RELATIVE.finditer(ftext):
        cuts.setdefault(m.end(), "relative")
    for m in _apodosis().finditer(ftext):
        # في إطار الحملة على الخلايا فقد أسفرت الجهود أمس عن …: the happening starts at فقد.
        # فقد قيمته (lost) is a verb: the particle فقد comes before another verb.
        after = _WORD.findall(ftext[m.end():m.end() + 40])[1:2]
        if not after or (ftext.startswith("فقد", m.end()) and not starts_with_verb(after[0])):
            continue
        if len(_WORD.findall(ftext[max((b for b in [0, *breaks] if b <= m.start()), default=0):m.start()])) >= 3:
            cuts.setdefault(m.end(), "main")
    for m in _WORD_AFTER_WAW.finditer(ftext):
        # The word without its و must be a listed verb: وقتل splits, وصفته (a root و) does not.
        if ((word_class(m.group(1)) or m.group(1) in other_verbs()) and not m.group(1).startswith("ال")
                and _looks_perfect(m.group(1))
                and not ("و" + m.group(1)).startswith(waw_nouns())):
            cuts.setdefault(m.end(), "coordinate")
    for s, e in pieces:
        m = reported_re.match(ftext, s, e) if s < e else None
        if m:
            cuts.setdefault(m.end(), "reported")
    for p in breaks:
        # After a comma the clause keeps the kind its first word gives it (، التي …).
        cuts.setdefault(p, "main")
    spans: list[tuple[int, int, str]] = []
    for s, e in pieces:
        inner = sorted(p for p in cuts if s < p < e)
        kind = cuts.get(s, "main")
        start = s
        for p in inner:
            if ftext[start:p].strip():
                spans.append((start, p, kind))
            start, kind = p, cuts[p]
        spans.append((start, e, kind))
    result = []
    for s, e, kind in spans:
        while s < e and ftext[s].isspace():
            s += 1
        while e > s and ftext[e - 1].isspace():
            e -= 1
        if e > s and re.search(r"[^\W_]", ftext[s:e]):
            os_, oe = folded.original_span(s, e)
            result.append(Clause(os_, oe, kind))
    return result


@lru_cache(maxsize=1)
def _apodosis() -> re.Pattern:
    words = sorted({squash(fold(w)) for w in load_json("lexicon/events.json")["apodosis_openers"]}, key=len, reverse=True)
    return re.compile(r"\s(?=(?:" + "|".join(re.escape(w) for w in words) + r")\s)")


def _looks_perfect(word: str) -> bool:
    # A verb in the perfect tense starts the word; nouns of the same class in
    # the construct state (وقصف المدينة) are rarer after a full clause.
    return not word.startswith(("ي", "ت", "م")) or word.startswith(("تم", "توصل", "توجه", "تبن", "تقدم"))


@lru_cache(maxsize=1)
def _sentence_patterns() -> tuple[re.Pattern, re.Pattern]:
    data = load_json("lexicon/events.json")
    contrast = "|".join(re.escape(squash(fold(w))).replace(r"\ ", r"\s+") for w in data["contrast_openers"])
    marks = "|".join(re.escape(squash(fold(w))).replace(r"\ ", r"\s+") for w in data["dateline_prefix_marks"])
    # [،,\s]\s* is (?:[،,]\s*|\s+) opening on a character class, which the regex engine skips ahead to.
    contrast_re = re.compile(rf"[،,\s]\s*(?=(?:{contrast})(?![^\W\d_]))")
    # "سبق- الرياض:" / "الرياض - واس:" opening a paragraph.
    prefix_re = re.compile(rf"\s*(?:(?:{marks})\s*[-–—]\s*[^\s:]+(?:\s[^\s:]+)?|[^\s:]+(?:\s[^\s:]+)?\s*[-–—]\s*(?:{marks}))\s*[:：]\s*")
    return contrast_re, prefix_re


@lru_cache(maxsize=1)
def _adjunct_start() -> re.Pattern:
    """A piece opening on a preposition of place or cause (داخل مسجد، قرب الحدود، إثر انفجار)."""
    words = load_json("lexicon/events.json")["adjunct_openers"]
    body = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{body})(?![^\W\d_])(?!\s+حين)")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def refine_sentences(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut one paragraph's sentences further (``spans`` index the folded text ``line``).

    A dateline prefix opening the paragraph (``سبق- الرياض:``) becomes a
    sentence of its own (furniture, no event); a sentence is cut before a
    contrast (``…، لكن سيكون …``); a sentence over 30 words is
    cut before an attribution (بحسب، وفق، نقلا عن: what follows is who said
    it, often with facts of its own) when at least twelve words follow it; one over 60 words (a paragraph without
    full stops) is also cut at its commas, though not before an adjunct
    (``…، داخل مسجد``: where the happening before it took place). Every piece cut by length keeps
    at least six words.
    """
    contrast_re, prefix_re = _sentence_patterns()
    attribution_re, opener_re, _ = _patterns()
    out: list[tuple[int, int]] = []
    for n, (s, e) in enumerate(spans):
        if n == 0:
            m = prefix_re.match(line, s, e)
            if m and len(line[m.end():e].split()) >= 3:
                out.append((s, s + len(line[s:m.end()].rstrip())))
                s = m.end()
        piece = line[s:e]
        points = {m.end() for m in contrast_re.finditer(piece)
                  if len(piece[:m.start()].split()) >= 6 and len(piece[m.end():].split()) >= 6}
        words = _words(piece)
        if words > ATTRIBUTION_SPLIT_WORDS:
            # A short tail (…، بحسب ما ذكر المرصد، الخميس.) only says who reported and when: it stays.
            points |= {m.end() for m in attribution_re.finditer(piece)
                       if len(piece[:m.start()].split()) >= 8 and len(piece[m.end():].split()) >= ATTRIBUTION_TAIL_WORDS}
        if words > LONG_SENTENCE_WORDS:
            # Commas only: a spaced dash is more often a parenthesis (– بمشيئة الله –),
            # and an opener (بينما كان …) often needs the clause before it.
            # Never before an adjunct (…أمس، داخل مسجد في …): it tells where and why of the clause before.
            points |= {m.end() for m in _COMMA_BREAK.finditer(piece) if not _adjunct_start().match(piece, m.end())}
        start = 0
        if points:
            # Word counts by position: every cut point follows a space or a comma, so no word
            # straddles one, and the words of piece[a:b] are those starting in [a, b).
            word_starts = [m.start() for m in _WORD.finditer(piece)]
            total = len(word_starts)
            for p in sorted(points):
                before_p = bisect_left(word_starts, p)
                if before_p - bisect_left(word_starts, start) >= 6 and total - before_p >= 6:
                    out.append((s + start, s + len(piece[:p].rstrip())))
                    start = p
        out.append((s + start, e))
    return out
