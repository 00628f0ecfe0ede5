"""The rules of allocations (``rules/allocations.yml``), loaded and validated.

What makes an amount's money granted, requested, spent …; whose money it is; which words
make a sum a total of parts or a share of a total; which words point back to money named
before; how the years a budget text gives are meant; and how far a budget looks ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.rules import (
    RuleError,
    require_choice,
    require_examples,
    require_keys,
    require_mapping,
    require_number,
    require_regex,
)

STATUSES = ("granted", "requested", "proposed", "spent", "underspent", "overspent", "saving", "frame", "other")
SCOPES = ("own", "external")
PLACES = ("before", "after", "clause", "sentence", "paragraph")


@dataclass(frozen=True)
class CueRule:
    """Words around an amount that give it a status, a scope or a link to money named
    before: ``place`` says where they stand (just before it, just after it, in its clause,
    anywhere in its sentence, in its paragraph before its sentence)."""

    id: str
    value: str
    place: str
    pattern: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class AllocationRules:
    statuses: tuple[CueRule, ...]  # the nearest that holds gives the status (on a tie, the first)
    default_status: str
    scopes: tuple[CueRule, ...]
    default_scope: str
    total: re.Pattern  # words that make a sum the total of parts stated beside it
    total_row: re.Pattern  # a line (table row) that is a total
    share: re.Pattern  # words just before a share of a total ("hvoraf")
    coordination: re.Pattern  # words that join an amount to the one before it ("og", ",")
    back_references: tuple[CueRule, ...]  # words that point back to money named before
    sum_over_period: re.Pattern  # words that make money over several years one sum, spread evenly
    period_length: re.Pattern  # "over fire år": group 'n', a number or a number word
    number_words: dict  # number word → number
    year_list: re.Pattern  # years listed after an amount ("2019, 2021 og 2022")
    price_level: re.Pattern  # a price level after an amount ("(2007 niveau)", "2020-PL"): no year
    then_year: re.Pattern  # a year a clause moves to before an amount ("overført til 2008, hvor …")
    since_year: re.Pattern  # "siden april 2010 …": per-year money from that year to the budget's
    budget_year: tuple[re.Pattern, ...]  # the budget year of a document, from its title or text
    horizon_years: int  # the budget year and this many overslagsår
    rounding_share: float  # a rounded restatement differs from the exact value by at most this share
    max_parts: int  # how many allocations before a total may be its parts
    examples: tuple


def _cue(entry, i: int, key: str, value_key: str, values: tuple[str, ...]) -> CueRule:
    rid = entry.get("id", f"{key}[{i}]") if isinstance(entry, dict) else f"{key}[{i}]"
    keys = ["id", "place", "pattern", "examples"] + ([value_key] if value_key else [])
    entry = require_keys(entry, rid, keys)
    return CueRule(
        rid,
        require_choice(entry[value_key], rid, value_key, values) if value_key else "",
        require_choice(entry["place"], rid, "place", PLACES),
        require_regex(entry["pattern"], rid, flags=re.I),
        require_examples(entry, rid),
    )


def _cues(data, key: str, value_key: str, values: tuple[str, ...]) -> tuple[CueRule, ...]:
    if not isinstance(data.get(key), list) or not data[key]:
        raise RuleError(key, "must be a non-empty list of rules")
    return tuple(_cue(e, i, key, value_key, values) for i, e in enumerate(data[key]))


def _patterns(data, key: str, group: str) -> tuple[re.Pattern, ...]:
    entries = data[key]
    if not isinstance(entries, list) or not entries:
        raise RuleError(key, f"must be a list of patterns, each with a group named {group!r}")
    patterns = tuple(require_regex(p, f"{key}[{i}]", flags=re.I) for i, p in enumerate(entries))
    if not all(group in p.groupindex for p in patterns):
        raise RuleError(key, f"every pattern needs a group named {group!r}")
    return patterns


def load_rules(data) -> AllocationRules:
    keys = (
        "statuses default_status scopes default_scope total total_row share coordination back_references "
        "sum_over_period period_length number_words year_list price_level then_year since_year budget_year "
        "horizon_years rounding_share max_parts examples"
    ).split()
    data = require_keys(data, "-", keys)
    regex = {k: require_regex(data[k], k, flags=re.I) for k in
             "total total_row share coordination sum_over_period year_list price_level".split()}  # fmt: skip
    period = _patterns({"period_length": [data["period_length"]]}, "period_length", "n")[0]
    words = require_mapping(data["number_words"], "number_words")
    if not all(isinstance(n, int) for n in words.values()):
        raise RuleError("number_words", "every number word needs a whole number")
    return AllocationRules(
        statuses=_cues(data, "statuses", "status", STATUSES),
        default_status=require_choice(data["default_status"], "default_status", "default_status", STATUSES),
        scopes=_cues(data, "scopes", "scope", SCOPES),
        default_scope=require_choice(data["default_scope"], "default_scope", "default_scope", SCOPES),
        back_references=_cues(data, "back_references", "", ()),
        period_length=period,
        number_words={str(k).lower(): int(n) for k, n in words.items()},
        then_year=_patterns({"then_year": [data["then_year"]]}, "then_year", "year")[0],
        since_year=_patterns({"since_year": [data["since_year"]]}, "since_year", "year")[0],
        budget_year=_patterns(data, "budget_year", "year"),
        horizon_years=require_number(data, "horizon_years", "horizon_years", int, 0, 10),
        rounding_share=require_number(data, "rounding_share", "rounding_share", float, 0, 0.2),
        max_parts=require_number(data, "max_parts", "max_parts", int, 1, 12),
        examples=tuple(data["examples"] or ()),
        **regex,
    )
