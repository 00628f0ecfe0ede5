"""Parts of the target-group rules (``rules/target_groups.yml``) that stand apart from the
vocabulary and the cues: the OCR-tolerant regex reader, the rule of a bare conjunct, the rule of
initiative lists, placeholders and the small validated values (bounds, label lists, words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from extract.rules import RuleError, require_examples, require_keys, require_regex, require_strings


def ocr_tolerant(pattern: str, letters: dict[str, list[str]]) -> str:
    """Let each literal æ/ø/å outside a character class also match its OCR renderings."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        low = ch.lower()
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif not in_class and low in letters:
            ch = "(?:" + "|".join([re.escape(ch)] + [re.escape(v) for v in letters[low]]) + ")"
        out.append(ch)
    return "".join(out)


def _regex(entry: dict, key: str, rule: str, letters: dict, flags: int = re.I) -> re.Pattern:
    raw = entry.get(key)
    require_regex(raw, rule, key)
    return re.compile(ocr_tolerant(raw, letters), flags)


@dataclass(frozen=True)
class BareConjunctRule:
    """A fallback word between a token of ``before`` and one of ``after`` (or the text's end)
    stands bare in an enumeration; not, unless it is ``joined_by`` a word before it, when
    ``after`` is one of ``open_after`` and the next token one of ``not_then`` (a relative
    clause: "til borgere, der …"). After a word of ``first_only`` (the agent "af") the word is only
    the first item of an enumeration: ``joined_by`` must follow it ("søges af borgere, foreninger …",
    not "opleves … af borgerne."). After a word of ``list_only`` (the statement's start, "^") a word of
    ``open_after`` must follow it: the first of a list of three or more ("Borgere, foreninger og
    institutioner kan søge"), not a pair that is a clause's subject ("Borgere og virksomheder skal …")."""

    before: frozenset[str]
    joined_by: frozenset[str]  # words of ``before`` that join the word to a group before it
    after: frozenset[str]
    open_after: frozenset[str]
    not_then: frozenset[str]
    first_only: frozenset[str]
    list_only: frozenset[str]  # after these the word opens a list of three or more (``open_after`` follows it)
    examples: tuple


def _bare_conjunct_rule(entry) -> BareConjunctRule:
    keys = ["before", "joined_by", "after", "open_after", "not_then", "first_only", "list_only"]
    entry = require_keys(entry, "bare_conjunct", keys + ["examples"])
    for key in keys:
        if not all(require_strings(entry[key], f"bare_conjunct.{key}")):
            raise RuleError("bare_conjunct", f"'{key}' must be a list of words or marks")
    words = {key: frozenset(w.lower() for w in entry[key]) for key in keys}
    return BareConjunctRule(**words, examples=require_examples(entry, "bare_conjunct"))


@dataclass(frozen=True)
class InitiativeListRule:
    """The lines of a section whose heading matches ``pattern`` name initiatives or offers."""

    id: str
    pattern: re.Pattern
    max_line: int
    actor_labels: frozenset[str]  # a line naming only these names a partner or place, not whom it is for
    examples: tuple


def _initiative_list_rule(entry, letters: dict, labels: list) -> InitiativeListRule:
    entry = require_keys(entry, "initiative_lists", ["id", "heading", "max_line_length", "actor_labels", "examples"])
    return InitiativeListRule(
        id=_word(entry, "id"),
        pattern=_regex(entry, "heading", "initiative_lists", letters),
        max_line=int(entry["max_line_length"]),
        actor_labels=frozenset(_labels_named({**entry, "labels": labels}, "actor_labels")),
        examples=require_examples(entry, "initiative_lists"),
    )


def _placeholders(entry) -> Callable[[str], str]:
    """Named alternations: an upper-case NAME in a statement's or size's pattern stands for its words."""
    named = isinstance(entry, dict) and all(re.fullmatch("[A-Z]+", k) and isinstance(v, str) for k, v in entry.items())
    if not named:
        raise RuleError("placeholders", "must map upper-case names to regex alternations")
    if not entry:
        return lambda p: p
    names = re.compile(r"\b(?:" + "|".join(entry) + r")\b")
    return lambda p: names.sub(lambda m: entry[m.group()], p) if isinstance(p, str) else p


def _bounds(data: dict, key: str) -> tuple[int, int]:
    bounds = data[key]
    if not (isinstance(bounds, list) and len(bounds) == 2 and all(isinstance(b, int) for b in bounds)):
        raise RuleError(key, "must be a list of two whole numbers [lowest, highest]")
    return bounds[0], bounds[1]


def _labels_named(data: dict, key: str) -> list[str]:
    """A list of labels of the vocabulary."""
    value, known = data[key], {e.get("id") for e in data["labels"] if isinstance(e, dict)}
    if not isinstance(value, list) or not all(v in known for v in value):
        raise RuleError(key, f"must be a list of labels of the vocabulary, got {value!r}")
    return value


def _word(data: dict, key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise RuleError(key, "must be one word or id")
    return value
