"""The rules of OCR repair (``rules/ocr_repair.yml``), loaded and validated.

Frozen dataclasses for the confusion table, the whole-word rules and the thresholds;
a bad entry is rejected with the file, the rule and the allowed keys or values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extract.read.lexicon import CompoundShape
from extract.rules import RuleError, require_choice, require_keys, require_number

_TOP_KEYS = [
    "limits",
    "compounds",
    "fuzzy",
    "prefer",
    "short_words",
    "abbreviations",
    "damaged_text",
    "words",
    "confusions",
]
LETTERS = ("æ", "ø", "å")
POSITIONS = ("anywhere", "start", "end", "inside")


@dataclass(frozen=True)
class Example:
    damaged: str
    repaired: str


@dataclass(frozen=True)
class Confusion:
    """``damaged`` (lowercase, as OCR wrote it) may stand for any of ``letters``."""

    id: str
    damaged: str
    letters: tuple[str, ...]
    cost: float
    position: str
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class WordRule:
    """A whole token OCR reads wrongly ("1" for "i"), with the words it may not stand beside."""

    id: str
    damaged: str
    repaired: str
    not_after: frozenset[str]
    not_before: frozenset[str]
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class OcrRepairRules:
    confusions: tuple[Confusion, ...]
    words: tuple[WordRule, ...]
    min_word_length: int
    max_substitutions: int
    max_candidates: int
    max_acronym_length: int
    compounds: CompoundShape
    compound_examples: tuple[Example, ...]
    fuzzy_min_length: int
    fuzzy_min_score: float
    fuzzy_min_margin: float
    fuzzy_length_spread: int
    fuzzy_examples: tuple[Example, ...]
    prefer: tuple[str, ...]
    prefer_examples: tuple[Example, ...]
    abbreviations: frozenset[str]
    abbreviation_examples: tuple[Example, ...]
    short_max_length: int
    short_words: frozenset[str]
    short_examples: tuple[Example, ...]
    damaged_min_repairs: int
    damaged_min_share: float
    min_page_confidence: float = 0.0  # a page OCR reads at a lower mean confidence is unreadable
    flag_page_confidence: float = 0.0  # a page read at a lower mean confidence is flagged for a look


def _examples(entry: dict, rule: str) -> tuple[Example, ...]:
    raw = entry.get("examples")
    if not raw or not isinstance(raw, list):
        raise RuleError(rule, "needs a non-empty list of real Danish 'examples' ({damaged: …, repaired: …})")
    out = []
    for ex in raw:
        ex = require_keys(ex, rule, ["damaged", "repaired"])
        if not all(isinstance(ex[k], str) and ex[k] for k in ("damaged", "repaired")):
            raise RuleError(rule, "each example's damaged and repaired must be non-empty text")
        out.append(Example(ex["damaged"], ex["repaired"]))
    return tuple(out)


def _words(entry: dict, key: str, rule: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w == w.lower() for w in value):
        raise RuleError(rule, f"{key} must be a list of lowercase words")
    return tuple(value)


def _confusion(entry: Any, i: int) -> Confusion:
    rule = str(entry.get("id", f"confusions[{i}]")) if isinstance(entry, dict) else f"confusions[{i}]"
    entry = require_keys(entry, rule, ["id", "damaged", "letters", "cost", "examples"], ["position"])
    damaged = entry["damaged"]
    if not isinstance(damaged, str) or not damaged or damaged != damaged.lower():
        raise RuleError(rule, "damaged must be non-empty lowercase text (as OCR wrote it)")
    letters = entry["letters"]
    if not isinstance(letters, list) or not letters:
        raise RuleError(rule, f"letters must be a non-empty list; allowed values: {list(LETTERS)}")
    for letter in letters:
        require_choice(letter, rule, "letters", LETTERS)
    position = require_choice(entry.get("position", "anywhere"), rule, "position", POSITIONS)
    return Confusion(
        id=rule,
        damaged=damaged,
        letters=tuple(letters),
        cost=require_number(entry, "cost", rule, float, 0.1, 10),
        position=position,
        examples=_examples(entry, rule),
    )


def _word_rule(entry: Any, i: int) -> WordRule:
    rule = str(entry.get("id", f"words[{i}]")) if isinstance(entry, dict) else f"words[{i}]"
    entry = require_keys(entry, rule, ["id", "damaged", "repaired", "examples"], ["not_after", "not_before"])
    if not all(
        isinstance(entry[k], str) and entry[k].strip() == entry[k] and entry[k] for k in ("damaged", "repaired")
    ):
        raise RuleError(rule, "damaged and repaired must be single tokens")
    return WordRule(
        id=rule,
        damaged=entry["damaged"],
        repaired=entry["repaired"],
        not_after=frozenset(_words(entry, "not_after", rule)),
        not_before=frozenset(_words(entry, "not_before", rule)),
        examples=_examples(entry, rule),
    )


def _list(data: dict, key: str) -> list:
    value = data[key]
    if not isinstance(value, list) or not value:
        raise RuleError(key, "must be a non-empty list")
    return value


def load_rules(data) -> OcrRepairRules:
    data = require_keys(data, "-", _TOP_KEYS)
    limits = require_keys(
        data["limits"],
        "limits",
        [
            "min_word_length",
            "max_substitutions",
            "max_candidates",
            "max_acronym_length",
            "min_page_confidence",
            "flag_page_confidence",
        ],
    )
    min_confidence = require_number(limits, "min_page_confidence", "limits", float, 0, 100)
    flag_confidence = require_number(limits, "flag_page_confidence", "limits", float, min_confidence, 100)
    compounds = require_keys(
        data["compounds"],
        "compounds",
        ["min_part_length", "min_last_part_length", "max_parts", "linking", "shared_letter", "examples"],
    )
    fuzzy = require_keys(
        data["fuzzy"], "fuzzy", ["min_word_length", "min_score", "min_margin", "length_spread", "examples"]
    )
    prefer = require_keys(data["prefer"], "prefer", ["words", "examples"])
    short = require_keys(data["short_words"], "short_words", ["max_length", "words", "examples"])
    abbreviations = require_keys(data["abbreviations"], "abbreviations", ["words", "examples"])
    damaged = require_keys(data["damaged_text"], "damaged_text", ["min_repairs", "min_share"])
    confusions = tuple(_confusion(e, i) for i, e in enumerate(_list(data, "confusions")))
    ids = [c.id for c in confusions]
    if len(set(ids)) != len(ids):
        raise RuleError("confusions", f"ids must be unique; repeated: {sorted({i for i in ids if ids.count(i) > 1})}")
    return OcrRepairRules(
        confusions=confusions,
        words=tuple(_word_rule(e, i) for i, e in enumerate(_list(data, "words"))),
        min_word_length=require_number(limits, "min_word_length", "limits", int, 1, 10),
        max_substitutions=require_number(limits, "max_substitutions", "limits", int, 1, 5),
        max_candidates=require_number(limits, "max_candidates", "limits", int, 100, 1_000_000),
        max_acronym_length=require_number(limits, "max_acronym_length", "limits", int, 0, 20),
        min_page_confidence=min_confidence,
        flag_page_confidence=flag_confidence,
        compounds=CompoundShape(
            min_part=require_number(compounds, "min_part_length", "compounds", int, 2, 20),
            min_last_part=require_number(compounds, "min_last_part_length", "compounds", int, 2, 20),
            max_parts=require_number(compounds, "max_parts", "compounds", int, 1, 5),
            linking=_words(compounds, "linking", "compounds"),
            shared_letter=require_choice(compounds["shared_letter"], "compounds", "shared_letter", [True, False]),
        ),
        compound_examples=_examples(compounds, "compounds"),
        fuzzy_min_length=require_number(fuzzy, "min_word_length", "fuzzy", int, 4, 50),
        fuzzy_min_score=require_number(fuzzy, "min_score", "fuzzy", float, 50, 100),
        fuzzy_min_margin=require_number(fuzzy, "min_margin", "fuzzy", float, 0, 50),
        fuzzy_length_spread=require_number(fuzzy, "length_spread", "fuzzy", int, 0, 10),
        fuzzy_examples=_examples(fuzzy, "fuzzy"),
        prefer=_words(prefer, "words", "prefer"),
        prefer_examples=_examples(prefer, "prefer"),
        short_max_length=require_number(short, "max_length", "short_words", int, 0, 5),
        short_words=frozenset(_words(short, "words", "short_words")),
        short_examples=_examples(short, "short_words"),
        abbreviations=frozenset(_words(abbreviations, "words", "abbreviations")),
        abbreviation_examples=_examples(abbreviations, "abbreviations"),
        damaged_min_repairs=require_number(damaged, "min_repairs", "damaged_text", int, 1, 1000),
        damaged_min_share=require_number(damaged, "min_share", "damaged_text", float, 0, 1),
    )


def all_examples(r: OcrRepairRules) -> list[tuple[str, Example]]:
    """(rule id, example) for every example in the file, for the parametrized test."""
    out = [(c.id, ex) for c in r.confusions for ex in c.examples]
    out += [(w.id, ex) for w in r.words for ex in w.examples]
    out += [("compounds", ex) for ex in r.compound_examples] + [("fuzzy", ex) for ex in r.fuzzy_examples]
    out += [("prefer", ex) for ex in r.prefer_examples] + [("abbreviations", ex) for ex in r.abbreviation_examples]
    out += [("short_words", ex) for ex in r.short_examples]
    return out
