"""The sections of ``rules/amounts.yml`` that are read into several fields of the amount rules.

Each function takes one section (a mapping or list from the YAML), validates it and returns the
fields it fills (a dict to spread into ``AmountRules``) or the value it stands for.
"""

from __future__ import annotations

import re

from extract.rules import RuleError, require_examples, require_keys, require_number, require_regex


def document_budget_year(entry) -> dict:
    entry = require_keys(
        entry, "document_budget_year", ["pattern", "adopted_from_month", "made", "follow_ups", "status_day", "examples"]
    )
    require_examples(entry, "document_budget_year")
    follow_ups = require_regex(entry["follow_ups"], "document_budget_year.follow_ups").pattern

    def filled(key: str) -> str:  # the report names stand once in the rules, as {follow_ups}
        return entry[key].replace("{follow_ups}", f"(?:{follow_ups})")

    return {
        "document_budget_year": require_regex(filled("pattern"), "document_budget_year", flags=re.I),
        "status_day": require_regex(filled("status_day"), "document_budget_year.status_day", flags=re.I),
        "adopted_from_month": require_number(entry, "adopted_from_month", "document_budget_year", int, 1, 12),
        "budget_made": require_regex(entry["made"], "document_budget_year.made", flags=re.I),
    }


def later_years(entry) -> dict:
    entry = require_keys(entry, "later_years", ["pattern", "range", "years", "examples"])
    require_examples(entry, "later_years")
    return {
        "later_years": require_regex(entry["pattern"], "later_years", flags=re.I),
        "later_years_range": require_regex(entry["range"], "later_years", flags=re.I),
        "later_years_count": require_number(entry, "years", "later_years", int, 1, 10),
    }


def pattern_with_examples(entry, key: str) -> re.Pattern:
    """A section that is one pattern and its examples (``continues_before``, ``restated_sum``, ...)."""
    entry = require_keys(entry, key, ["pattern", "examples"])
    require_examples(entry, key)
    return require_regex(entry["pattern"], key, flags=re.I)


def year_label(entry) -> dict:
    entry = require_keys(entry, "year_label", ["pattern", "entry", "examples"])
    require_examples(entry, "year_label")
    return {
        "year_label": require_regex(entry["pattern"], "year_label", flags=re.I),
        "year_entry": require_regex(entry["entry"], "year_label", flags=re.I | re.M),
    }


def list_lead_in(entry) -> dict:
    entry = require_keys(entry, "list_lead_in", ["entry", "lead", "examples"])
    require_examples(entry, "list_lead_in")
    return {
        "list_entry": require_regex(entry["entry"], "list_lead_in"),
        "list_lead": require_regex(entry["lead"], "list_lead_in", flags=re.I),
    }


def budget_span_words(entry) -> dict:
    entry = require_keys(entry, "budget_span_words", ["pattern", "titles", "examples"])
    require_examples(entry, "budget_span_words")
    return {
        "budget_span_words": require_regex(entry["pattern"], "budget_span_words", flags=re.I),
        "budget_span_titles": require_regex(entry["titles"], "budget_span_words", flags=re.I),
    }


def document_frame(entry) -> dict:
    entry = require_keys(entry, "document_frame", ["kinds", "min_mentions", "share", "follow_on", "examples"])
    require_examples(entry, "document_frame")
    share, least = entry["share"], entry["min_mentions"]
    if not isinstance(share, (int, float)) or not 0.5 < share <= 1 or not isinstance(least, int) or least < 1:
        raise RuleError("document_frame", "share must be in (0.5, 1] and min_mentions a positive integer")
    return {
        "document_frame_kinds": tuple(str(k) for k in entry["kinds"]),
        "document_frame_min": least,
        "document_frame_share": float(share),
        "document_frame_follow_on": require_regex(entry["follow_on"], "document_frame", flags=re.I),
    }


def frames_joined(entry) -> re.Pattern:
    """Two of the budget's frames joined ("drift og anlæg"), or a list of three parts of the
    budget holding a frame ("drift, anlæg og finansiering"): the pattern built from the
    section's word lists (each word standing for the words it starts), its examples checked."""
    key = "frames_joined"
    entry = require_keys(entry, key, ["frames", "parts", "pair_joiners", "list_joiners", "examples"])
    frames, parts = _words(entry, "frames", key), _words(entry, "parts", key)
    frame, part = _stems(frames), _stems(frames + parts)
    pair, listed = _alternatives(_words(entry, "pair_joiners", key)), _alternatives(_words(entry, "list_joiners", key))
    three = [(frame, part, part), (part, frame, part), (part, part, frame)]
    pattern = "|".join(
        [rf"\b{frame}\s+(?:{pair})\s+{frame}"] + [rf"\b{a},\s+{b}\s+(?:{listed})\s+{c}" for a, b, c in three]
    )
    compiled = require_regex(pattern, key, flags=re.I)
    for example in require_examples(entry, key):
        if not isinstance(example, dict) or not isinstance(example.get("text"), str) or "joined" not in example:
            raise RuleError(key, "each example needs 'text' and 'joined' (true or false)")
        if bool(compiled.search(example["text"])) is not example["joined"]:
            raise RuleError(key, f"example {example['text']!r} should be joined: {example['joined']}")
    return compiled


def _words(entry: dict, field: str, key: str) -> list[str]:
    """A non-empty list of words (no spaces), read as text, not as a pattern."""
    words = entry[field]
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.split() == [w] for w in words):
        raise RuleError(f"{key}.{field}", "must be a non-empty list of single words")
    return words


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


def _stems(words: list[str]) -> str:
    """Any word starting with one of ``words``, and a hyphen closing it ("drifts-")."""
    return rf"(?:{_alternatives(words)})\w*-?"


def fractions(data) -> tuple[tuple[str, float], ...]:
    if not isinstance(data, dict) or not data:
        raise RuleError("fractions", "must map each fraction sign to its value (½: 0.5)")
    for sign, value in data.items():
        if not isinstance(sign, str) or len(sign) != 1 or not isinstance(value, (int, float)):
            raise RuleError("fractions", f"{sign!r}: a single sign and a number")
    return tuple((sign, float(value)) for sign, value in data.items())


def number_words(data) -> tuple[tuple[str, float], ...]:
    """The words of ``number_words``, the longest first ("en halv" before "en")."""
    if not isinstance(data, dict) or not data:
        raise RuleError("number_words", "must map each number word to its value (to: 2)")
    for word, value in data.items():
        if not isinstance(word, str) or not word.strip() or not isinstance(value, (int, float)) or value <= 0:
            raise RuleError("number_words", f"{word!r}: a word and a positive number")
    return tuple(sorted(((w.lower(), float(v)) for w, v in data.items()), key=lambda x: -len(x[0])))


def title_year(entry) -> dict:
    entry = require_keys(
        entry,
        "title_year",
        ["titles", "carry_over", "budget_year", "yearly_titles", "yearly_ahead", "whole_period", "examples"],
    )
    require_examples(entry, "title_year")
    return {
        "title_year": _optional_regex(entry["titles"], "title_year.titles"),
        "title_carry_over": _optional_regex(entry["carry_over"], "title_year.carry_over"),
        "title_budget_year": require_regex(entry["budget_year"], "title_year", flags=re.I),
        "title_yearly": require_regex(entry["yearly_titles"], "title_year.yearly_titles", flags=re.I),
        "yearly_ahead": require_regex(entry["yearly_ahead"], "title_year.yearly_ahead", flags=re.I),
        "whole_period": require_regex(entry["whole_period"], "title_year.whole_period", flags=re.I),
    }


def _optional_regex(pattern, rule: str) -> re.Pattern | None:
    """A pattern a rules file may leave empty: None when it does."""
    return require_regex(pattern, rule, flags=re.I) if pattern else None
