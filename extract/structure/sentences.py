"""Sentence splitting for Danish text, by the rules of ``rules/sentences.yml``.

Text is first cut into blocks (paragraphs, bullet items, headings, table cells), so no
sentence runs across a bullet or a heading. Inside a block a sentence ends at a full
stop, "!" or "?" that ends a word, and the next one starts at the next word that is not
punctuation (closing quotes and brackets stay with the sentence they close). A full
stop that belongs to an abbreviation or an ordinal ends nothing: "mio. kr.", "bl.a.",
"jf.", "1. januar", "t. kr." and "A. Hansen" go on; after an abbreviation that may end
a sentence ("kr.", "m.v.") or an ordinal, a word with a capital starts a new one ("…
m.v. Som et supplement …", "… jf. tabel 1. Denne model …"). A line break inside a block
is white space like any other: only a blank line, a bullet or a heading ends a block.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from extract.rules import RuleError, require_keys, require_regex, require_strings

_WHITESPACE = re.compile(r"\s+")
_ORDINAL = re.compile(r"^(?:[1-9]|[12]\d|3[01])\.$")  # "1. januar", "§ 5."; "tabel 1." before a capital ends a sentence
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,4}\.){2,}$")  # "m.v.", "f.eks.", "mio.kr.": an abbreviation
_ELLIPSIS_PARTS = re.compile(r"(…)")


@dataclass(frozen=True)
class SentenceRules:
    never_final: frozenset[str]  # abbreviations after which a sentence never ends
    may_end: frozenset[str]  # abbreviations after which a word with a capital starts a sentence
    one_letter_words: frozenset[str]  # words of one letter: their full stop ends a sentence
    final_marks: frozenset[str]
    block_start: re.Pattern
    bullet_marker: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentences:
    """A text's sentences and the blocks they lie in (paragraphs, bullets, headings, cells)."""

    spans: list[Span]
    blocks: list[Span]


def load_rules(data) -> SentenceRules:
    keys = ["never_final", "may_end", "one_letter_words", "final_marks", "block_starts", "bullet_markers", "examples"]
    data = require_keys(data, "-", keys)
    for key in keys[:-1]:
        require_strings(data[key], key)
    if not all(len(mark) == 1 for mark in data["final_marks"]):
        raise RuleError("final_marks", "must be single characters")
    parts = []
    for i, pattern in enumerate(data["block_starts"]):
        require_regex(pattern, f"block_starts[{i}]")
        parts.append(f"(?:{pattern})")
    block_start = re.compile(r"^[ \t]*(?:" + "|".join(parts) + ")", re.M)
    markers = []
    for i, pattern in enumerate(data["bullet_markers"]):
        require_regex(pattern, f"bullet_markers[{i}]")
        markers.append(f"(?:{pattern})")
    examples = data["examples"]
    if not isinstance(examples, list) or not examples:
        raise RuleError("examples", "needs a non-empty list of real Danish examples")
    for i, ex in enumerate(examples):
        require_keys(ex, f"examples[{i}]", ["text", "sentences"])
    return SentenceRules(
        never_final=frozenset(x.lower() for x in data["never_final"]),
        may_end=frozenset(x.lower() for x in data["may_end"]),
        one_letter_words=frozenset(x.lower() for x in data["one_letter_words"]),
        final_marks=frozenset(data["final_marks"]),
        block_start=block_start,
        bullet_marker=re.compile(r"^[ \t]*(?:" + "|".join(markers) + ")"),
        examples=tuple(examples),
    )


def blocks(text: str, r: SentenceRules) -> list[Span]:
    """Cut text into blocks: paragraphs, bullets, headings, table cells."""
    cuts = {0, len(text)}
    for m in re.finditer(r"\n[ \t]*\n|\t", text):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in r.block_start.finditer(text):
        cuts.add(m.start())
    points = sorted(cuts)
    spans = []
    for a, b in zip(points, points[1:]):
        seg = text[a:b]
        m = r.bullet_marker.match(seg)
        if m:
            a += m.end()
            seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            spans.append(Span(a + lead, b - trail))
    return spans


def find_sentences(text: str, r: SentenceRules) -> Sentences:
    """Every sentence of ``text`` and the blocks they lie in, in order."""
    bl = blocks(text, r)
    return Sentences(_sentence_spans(text, bl, r), bl)


def sentence_spans(text: str, r: SentenceRules) -> list[Span]:
    """Offsets of every sentence in ``text``, in order."""
    return _sentence_spans(text, blocks(text, r), r)


def _sentence_spans(text: str, bl: list[Span], r: SentenceRules) -> list[Span]:
    out: list[Span] = []
    for block in bl:
        tokens = _tokens(text[block.start : block.end], r)
        bounds = _sentence_starts(tokens, r) + [len(tokens)]
        for i, j in zip(bounds, bounds[1:]):
            while i < j and tokens[i][1].isspace():
                i += 1
            while j > i and tokens[j - 1][1].isspace():
                j -= 1
            if i < j:
                last_start, last = tokens[j - 1]
                out.append(Span(block.start + tokens[i][0], block.start + last_start + len(last)))
    return out


@lru_cache(maxsize=None)
def _is_punct_char(c: str) -> bool:
    return unicodedata.category(c).startswith("P")


def _is_punct(token: str) -> bool:
    return all(_is_punct_char(c) for c in token)


def _open_dots(word: str) -> Optional[int]:
    """Where the dots that leave a thought open start at the word's end ("...", "…", a dot
    leader of a table of contents): the longest tail made of runs of two or more full stops and
    ellipsis marks; None when the word ends in none. Read by hand, not by a nested repeat in a
    pattern: a leader of many dots before a single one would take such a pattern exponential time."""
    tail = len(word) - len(word.rstrip(".…"))
    start = len(word)
    for part in reversed(_ELLIPSIS_PARTS.split(word[len(word) - tail :])):
        if part == "…" or len(part) >= 2:
            start -= len(part)
        elif part:  # a single full stop: the open dots begin after it (or there are none)
            break
    return start if start < len(word) else None


def _keeps_stop(word: str, r: SentenceRules) -> bool:
    """The word's full stop is part of it: an abbreviation, an ordinal or an initial."""
    low = word.lower()
    if low in r.never_final or low in r.may_end or _ORDINAL.match(word) or _DOTTED.match(word):
        return True
    return len(word) == 2 and word[0].isalpha() and low[0] not in r.one_letter_words


def _word_tokens(chunk: str, r: SentenceRules) -> list[str]:
    """A run of text without white space as tokens: opening punctuation, the word, and the
    punctuation that ends it (a full stop only when it is not part of the word)."""
    if chunk[0].isalnum() and chunk[-1].isalnum():
        return [chunk]  # most words: nothing to split off
    if _open_dots(chunk) == 0:
        return [chunk]
    lead = []
    i = 0
    while i < len(chunk) - 1 and _is_punct_char(chunk[i]) and chunk[i] not in ".-…":
        lead.append(chunk[i])
        i += 1
    word, trail = chunk[i:], []
    while len(word) > 1 and not _keeps_stop(word, r):
        dots = _open_dots(word)
        if dots:
            trail.insert(0, word[dots:])
            word = word[:dots]
        elif word[-1] in r.final_marks or (_is_punct_char(word[-1]) and word[-1] != "-"):
            trail.insert(0, word[-1])
            word = word[:-1]
        else:
            break
    return lead + [word] + trail


def _tokens(text: str, r: SentenceRules) -> list[tuple[int, str]]:
    """(offset, token) of a block: words, punctuation, and white space other than the one
    space after a word (a line break, a run of spaces) as a token of its own."""
    out: list[tuple[int, str]] = []
    pos = 0
    for gap in _WHITESPACE.finditer(text + " "):
        at = pos
        for token in _word_tokens(text[pos : gap.start()], r) if gap.start() > pos else []:
            out.append((at, token))
            at += len(token)
        space = text[gap.start() : min(gap.end(), len(text))]
        rest = space[1:] if space.startswith(" ") else space
        if rest:
            out.append((gap.start() + len(space) - len(rest), rest))
        pos = gap.end()
    return out


def _sentence_starts(tokens: list[tuple[int, str]], r: SentenceRules) -> list[int]:
    """Indexes of the tokens where sentences start: the first token after a final mark that
    is not punctuation, and a word with a capital after an abbreviation that may end one."""
    starts = [0]
    seen_final = False
    prev_low = ""
    for i, (_, text) in enumerate(tokens):
        is_start = False
        if seen_final and text not in r.final_marks and not _is_punct(text):
            is_start, seen_final = True, False
        elif text in r.final_marks:
            seen_final = True
        if i:
            if prev_low in r.never_final:
                is_start = False
            elif text[:1].isupper() and _may_end(prev_low, r):
                is_start = True
            if is_start:
                starts.append(i)
        if not text.isspace():  # a line break between "kr." and a capital keeps the abbreviation in view
            prev_low = text.lower()
    return starts


def _may_end(word: str, r: SentenceRules) -> bool:
    """An ordinal, or an abbreviation that may end a sentence ("kr.", also in "mio.kr.")."""
    return bool(_ORDINAL.match(word)) or any(word == m or word.endswith("." + m) for m in r.may_end)


def sentences(text: str, r: SentenceRules) -> list[str]:
    """The sentences of ``text`` as strings (for tests and debugging)."""
    return [text[s.start : s.end] for s in sentence_spans(text, r)]


def sentence_at(spans: list[Span], offset: int) -> Optional[Span]:
    """The sentence span that holds ``offset`` (binary search)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo].start <= offset < spans[lo].end:
        return spans[lo]
    return None


def line_above(text: str, line_start: int, skip: Optional[Callable[[str], object]] = None) -> Optional[tuple[int, str]]:
    """(start, text) of the first line above the line starting at ``line_start`` that is not blank
    (nor one ``skip`` passes over), or None at the top of the text."""
    start = line_start
    while start > 0:
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not (skip and skip(line)):
            return start, line
    return None


def line_of(text: str, start: int, end: int) -> Span:
    """The line or lines that hold ``text[start:end]``, without their final line break."""
    line_end = text.find("\n", end)
    return Span(text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end)
