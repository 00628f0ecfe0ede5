"""Repair of OCR damage to æ, ø, å: "Kebenhavns" → "Københavns", "malgrupper" → "målgrupper".

:func:`repair_text` is pure: text in, repaired text and the list of repaired words out.
Each word that is not Danish is tried with the confusions of ``rules/ocr_repair.yml``
(e→æ/ø, a→æ/å, o→ø, @→æ, …); a candidate is kept only when the lexicon
(:mod:`extract.read.lexicon`) knows it, as a word or as a compound of words. Long
words that no confusion repairs get a last, strict fuzzy look-up. A valid word, a
number, an abbreviation or an acronym is never changed, and case is kept.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Optional, Sequence

from extract.read.lexicon import Lexicon, load_lexicon
from extract.read.ocr_repair_rules import Confusion, OcrRepairRules, WordRule
from extract.records import OcrRepair

_TOKEN = re.compile(r"[\w@&]+(?:['’][\w@&]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_VOWEL = re.compile(r"[aeiouyæøåé]")
_DANISH = re.compile(r"[æøå]")
_NOTE_NUMBER = re.compile(r"^(.*[^\W\d_])(\d{1,3})$")


@dataclass(frozen=True)
class Repaired:
    """The repaired text, each repaired word (offsets into ``text``), where each stood in
    the original text (``original_spans``, one per repair), and the lexicon's warnings."""

    text: str
    repairs: tuple[OcrRepair, ...]
    original_spans: tuple[tuple[int, int], ...]
    warnings: tuple[str, ...] = ()

    def map_offset(self, offset: int) -> int:
        """Where an offset of the original text lies in the repaired text."""
        i = bisect.bisect_right([end for _, end in self.original_spans], offset)  # repairs ending at or before it
        if i < len(self.original_spans) and self.original_spans[i][0] < offset:  # inside a repaired word
            return self.repairs[i].char_start + min(offset - self.original_spans[i][0], len(self.repairs[i].repaired))
        return offset if i == 0 else offset + self.repairs[i - 1].char_end - self.original_spans[i - 1][1]


@dataclass(frozen=True)
class _Options:
    """What a damaged word may be: candidate → (cost, substitution labels), all of one kind."""

    kind: str  # lexicon, compound or fuzzy
    found: dict[str, tuple[float, tuple[str, ...]]]


@dataclass(frozen=True)
class _Substitution:
    start: int
    end: int
    letter: str
    cost: float
    label: str  # "e→ø"


def repair_text(
    text: str,
    rules: OcrRepairRules,
    spans: Optional[Sequence[tuple[int, int]]] = None,
    lexicon: Optional[Lexicon] = None,
) -> Repaired:
    """Repair the words of ``text`` (only those starting inside ``spans`` when given)."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    tokens = [m for m in _TOKEN.finditer(text) if _inside(m.start(), spans)]
    words: list[tuple[int, str, tuple[str, bool]]] = []  # (start, token, (lowercase, name-like))
    options: dict[tuple[str, bool], Optional[_Options]] = {}
    for m in tokens:
        token = _without_note_number(m.group())
        if _is_word_token(token, text, m.start() + len(token), rules):
            key = (token.lower(), _name_like(token, text, m.start()))
            words.append((m.start(), token, key))
            if key not in options:
                options[key] = _options(*key, lexicon, rules)
    habits = Counter(
        label
        for _, _, key in words
        if (o := options[key]) and len(o.found) == 1 and o.kind != "fuzzy"
        for label in next(iter(o.found.values()))[1]
    )
    decided = {key: _choose(o, rules, habits) for key, o in options.items() if o}
    found = [
        (start, start + len(token), _keep_case(token, decided[key][0]), decided[key][1])
        for start, token, key in words
        if decided.get(key)
    ]
    if len(found) >= rules.damaged_min_repairs and len(found) >= rules.damaged_min_share * max(len(words), 1):
        found += _word_rule_repairs(tokens, text, rules.words)
    return _apply(text, sorted(found), lexicon.warnings)


def _without_note_number(token: str) -> str:
    """A word with a footnote or house number glued on ("beskzeftigelse13"): the word."""
    m = _NOTE_NUMBER.match(token)
    return m.group(1) if m and m.group(2) != "4" else token


def repair_warnings(repaired: Repaired) -> list[str]:
    """The document warning that names how many words were repaired."""
    n = len(repaired.repairs)
    return [f"{n} word{'s' if n != 1 else ''} repaired (OCR damage to æ/ø/å)"] if n else []


def _inside(offset: int, spans: Optional[Sequence[tuple[int, int]]]) -> bool:
    return spans is None or any(start <= offset < end for start, end in spans)


def _is_word_token(token: str, text: str, end: int, rules: OcrRepairRules) -> bool:
    """A token that may be repaired: letters (and the damaged digit 4), one case pattern,
    not an acronym or an abbreviation."""
    letters = _LETTER.findall(token)
    if len(token) < rules.min_word_length or not letters:
        return False
    if any(ch.isdigit() and ch != "4" for ch in token) or "_" in token:
        return False
    cased = [ch for ch in letters if ch.lower() != ch.upper()]
    upper = [ch for ch in cased if ch.isupper()]
    if len(upper) == len(cased) >= 2:
        if len(letters) <= rules.max_acronym_length:
            return False
    elif upper and (len(upper) > 1 or not token[0].isupper()):
        return False  # mixed case: BIFs, AC'ere, LigebehandlingKBH
    low = token.lower()
    if low in rules.abbreviations:
        return False
    return not (text.startswith(".", end) and not _VOWEL.search(low))


def _name_like(token: str, text: str, start: int) -> bool:
    """Capitalised inside a sentence: maybe a name, repaired only to a word of the lexicon."""
    if not token[0].isupper() or token.isupper():
        return False
    before = text[:start].rstrip(" \t\"'“”„(-•*▪●")
    return bool(before) and before[-1] not in ".!?:\n"


def _keep_case(original: str, repaired: str) -> str:
    cased = [ch for ch in original if ch.lower() != ch.upper()]
    if len(cased) >= 2 and all(ch.isupper() for ch in cased):
        return repaired.upper()
    if original[0].isupper():
        return repaired[0].upper() + repaired[1:]
    return repaired


def _options(word: str, name_like: bool, lexicon: Lexicon, rules: OcrRepairRules) -> Optional[_Options]:
    """The words a lowercase word may be a damaged form of, or None to keep it.

    A lexicon word is kept. A word valid as a compound ("sale|des") gives way only to a
    lexicon word ("således"), and so does a word that may be a name; the others may also
    become a compound and, as the last resort, the closest long lexicon word. A very
    short word becomes only one of the short words of the rules ("pd" → "på")."""
    if word in lexicon:
        return None
    weak = name_like or lexicon.is_compound(word, rules.compounds)
    subs = _substitutions(word, rules.confusions)
    for kind in ("lexicon",) if weak else ("lexicon", "compound"):
        for k in range(1, rules.max_substitutions + 1):
            found: dict[str, tuple[float, tuple[str, ...]]] = {}
            for combo in itertools.islice(_combinations(subs, k), rules.max_candidates):
                candidate = _substitute(word, combo)
                if _known(candidate, kind, lexicon, rules):
                    cost = sum(s.cost for s in combo)
                    if candidate not in found or cost < found[candidate][0]:
                        found[candidate] = (cost, tuple(s.label for s in combo))
            if len(word) <= rules.short_max_length:
                found = {w: v for w, v in found.items() if w in rules.short_words}
            if found:
                return _Options(kind, found)
    return None if weak else _fuzzy(word, lexicon, rules)


def _known(candidate: str, kind: str, lexicon: Lexicon, rules: OcrRepairRules) -> bool:
    if kind == "lexicon":
        return candidate in lexicon
    return lexicon.is_compound(
        candidate, replace(rules.compounds, min_last_part=rules.compounds.min_part, shared_letter=False)
    )


def _substitutions(word: str, confusions: Iterable[Confusion]) -> list[_Substitution]:
    out = []
    for c in confusions:
        start = word.find(c.damaged)
        while start >= 0:
            end = start + len(c.damaged)
            where_ok = {
                "anywhere": True,
                "start": start == 0,
                "end": end == len(word),
                "inside": 0 < start and end < len(word),
            }[c.position]
            if where_ok:
                out += [_Substitution(start, end, letter, c.cost, f"{c.damaged}→{letter}") for letter in c.letters]
            start = word.find(c.damaged, start + 1)
    return sorted(out, key=lambda s: (s.start, s.end))


def _combinations(subs: list[_Substitution], k: int) -> Iterable[tuple[_Substitution, ...]]:
    """Sets of ``k`` substitutions that do not overlap, in word order."""
    for combo in itertools.combinations(subs, k):
        if all(a.end <= b.start for a, b in zip(combo, combo[1:])):
            yield combo


def _substitute(word: str, combo: Sequence[_Substitution]) -> str:
    for s in reversed(combo):
        word = word[: s.start] + s.letter + word[s.end :]
    return word


def _choose(options: _Options, rules: OcrRepairRules, habits: Counter) -> Optional[tuple[str, str]]:
    """(word, method): the only candidate; else a preferred word; else the cheapest; else
    the one made by the substitutions this text needed most often elsewhere (its OCR's
    habits: "arligt" is "årligt" where a stood for å, not æ); None when still a tie."""
    found = options.found
    pool = [w for w in found if any(w == p or w.endswith(p) for p in rules.prefer)] or list(found)
    for rank in (lambda w: -found[w][0], lambda w: sum(habits[label] for label in found[w][1])):
        top = max(rank(w) for w in pool)
        pool = [w for w in pool if rank(w) == top]
    if len(pool) != 1:
        return None
    return pool[0], f"{options.kind}:{','.join(found[pool[0]][1])}"


def _fuzzy(word: str, lexicon: Lexicon, rules: OcrRepairRules) -> Optional[_Options]:
    if len(word) < rules.fuzzy_min_length:
        return None
    ranked = lexicon.closest(word, rules.fuzzy_length_spread)
    if not ranked or ranked[0][1] < rules.fuzzy_min_score:
        return None
    best, score = ranked[0]
    if len(ranked) > 1 and score - ranked[1][1] < rules.fuzzy_min_margin:
        return None
    if len(_DANISH.findall(best)) <= len(_DANISH.findall(word)):
        return None
    return _Options("fuzzy", {best: (0.0, (f"{score:.0f}",))})


def _word_rule_repairs(
    tokens: list[re.Match], text: str, word_rules: Sequence[WordRule]
) -> list[tuple[int, int, str, str]]:
    """Whole-token rules ("1" → "i" between two words), for a text that shows OCR damage."""
    out = []
    for i, m in enumerate(tokens):
        for rule in word_rules:
            if m.group() != rule.damaged or not _between_words(tokens, i, text, rule):
                continue
            out.append((m.start(), m.end(), rule.repaired, f"word:{rule.damaged}→{rule.repaired}"))
    return out


def _between_words(tokens: list[re.Match], i: int, text: str, rule: WordRule) -> bool:
    m = tokens[i]
    if i == 0 or i + 1 == len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    gap_before, gap_after = text[before.end() : m.start()], text[m.end() : after.start()]
    if gap_before.strip() or gap_after.strip() or not gap_before or not gap_after:
        return False  # only spaces or line breaks around it: "1." and "(matchgruppe 1)" are numbers
    prev, nxt = before.group(), after.group()
    if not _LETTER.match(prev[-1]) or not _LETTER.match(nxt[0]):
        return False
    return prev.lower() not in rule.not_after and nxt.lower() not in rule.not_before


def _apply(text: str, found: list[tuple[int, int, str, str]], warnings: tuple[str, ...]) -> Repaired:
    parts, repairs, spans = [], [], []
    pos = shift = 0
    for start, end, repaired, method in found:
        parts += [text[pos:start], repaired]
        new_start = start + shift
        repairs.append(OcrRepair(new_start, new_start + len(repaired), text[start:end], repaired, method))
        spans.append((start, end))
        shift += len(repaired) - (end - start)
        pos = end
    parts.append(text[pos:])
    return Repaired("".join(parts), tuple(repairs), tuple(spans), warnings)
