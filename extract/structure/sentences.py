"""Sentence splitting for Danish text with spaCy (``spacy.blank("da")`` + sentencizer).

Text is first cut into blocks (paragraphs, bullet items, headings, table cells),
so no sentence runs across a bullet or a heading; inside a block spaCy's
sentencizer splits at full stops, corrected for Danish abbreviations from
``rules/sentences.yml`` ("mio. kr.", "bl.a.", "jf." do not end a sentence;
"kr." and "m.v." do when a capital letter follows).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extract.rules import RuleError, require_keys, require_regex, require_strings

_ORDINAL = re.compile(r"^\d+\.$")  # "tabel 1." before a capital ends a sentence


@dataclass(frozen=True)
class SentenceRules:
    never_final: frozenset[str]
    may_end: frozenset[str]
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
    data = require_keys(data, "-", ["never_final", "may_end", "block_starts", "bullet_markers", "examples"])
    for key in ("never_final", "may_end", "block_starts", "bullet_markers"):
        require_strings(data[key], key)
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
        block_start=block_start,
        bullet_marker=re.compile(r"^[ \t]*(?:" + "|".join(markers) + ")"),
        examples=tuple(examples),
    )


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000  # only the tokenizer and sentencizer run: no parser memory
    return nlp


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
    nlp = _nlp()
    punct = frozenset(nlp.get_pipe("sentencizer").punct_chars)
    for block, doc in zip(bl, nlp.tokenizer.pipe(text[b.start : b.end] for b in bl)):
        starts = _sentence_starts(doc, r, punct)
        bounds = starts + [len(doc)]
        for i, j in zip(bounds, bounds[1:]):
            while i < j and doc[i].is_space:
                i += 1
            while j > i and doc[j - 1].is_space:
                j -= 1
            if i < j:
                last = doc[j - 1]
                out.append(Span(block.start + doc[i].idx, block.start + last.idx + len(last.text)))
    return out


def _sentence_starts(doc, r: SentenceRules, punct: frozenset) -> list[int]:
    """Token indexes where sentences start: spaCy's sentencizer (the token after a run of
    punctuation that holds a full stop, "!" or "?"), done here in the same pass as the
    Danish corrections, so the sentencizer need not run."""
    starts = [0]
    seen_final = False
    prev_low = None
    for i, tok in enumerate(doc):
        text = tok.text
        is_start = False
        if seen_final and not tok.is_punct and text not in punct:
            is_start, seen_final = True, False
        elif text in punct:
            seen_final = True
        if i == 0:
            prev_low = text.lower()
            continue
        if prev_low in r.never_final:
            is_start = False
        elif text[:1].isupper() and (prev_low in r.may_end or _ORDINAL.match(prev_low)):
            is_start = True
        if is_start:
            starts.append(i)
        prev_low = text.lower()
    return starts


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
