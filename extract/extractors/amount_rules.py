"""The rules of amount extraction (``rules/amounts.yml``), loaded and validated.

Frozen dataclasses for how a sum of money is written (numbers, scale words, kroner and
other currencies, fractions), which time expression and budget frame tie to it, and how
a table's caption or header gives its cells a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.rules import RuleError, require_examples, require_keys, require_number, require_regex

_KEYS = [
    "number",
    "fractions",
    "number_words",
    "scales",
    "currency",
    "foreign_currencies",
    "not_money_after",
    "money_nouns",
    "min_bare_value",
    "forms",
    "periods",
    "relative_periods",
    "heading_periods",
    "title_year",
    "window_after",
    "window_before",
    "per_year_window",
    "per_year",
    "per_other_period",
    "per_year_noun",
    "per_year_noun_before",
    "kinds",
    "frames",
    "frames_joined",
    "label_no_frame",
    "label_part",
    "frame_excluded",
    "coordination",
    "clause_break",
    "period_break",
    "dated_year",
    "table_units",
    "table_cell",
    "table_total",
    "table_money_columns",
    "table_part_columns",
    "table_percent_columns",
    "document_frame",
    "document_budget_year",
    "neighbour_scaled",
    "continues_before",
    "later_years",
    "list_lead_in",
    "budget_span_words",
]


@dataclass(frozen=True)
class Scale:
    id: str
    pattern: re.Pattern
    factor: float
    examples: tuple = ()


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern
    examples: tuple
    budget_period: bool = False  # a period rule: its year and the budget's later years, a sum each year
    each_year: bool = False  # a period rule naming each of its years ("i årene 2024, 2025 og 2026"): a sum each year


@dataclass(frozen=True)
class RelativePeriod:
    """A year named relative to the document's date ("i år", "næste år"): its year plus ``offset``."""

    id: str
    pattern: re.Pattern
    offset: int
    examples: tuple


@dataclass(frozen=True)
class Currency:
    """A currency other than kroner ("EUR", "€"): its amounts have no value in kroner."""

    code: str
    pattern: re.Pattern
    examples: tuple = ()


@dataclass(frozen=True)
class Frame:
    """A budget frame a heading, a table's row or caption or a sentence names: its kind."""

    id: str
    kind: str
    pattern: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class AmountRules:
    scales: tuple[Scale, ...]
    forms: tuple[Rule, ...]
    periods: tuple[Rule, ...]
    heading_periods: tuple[Rule, ...]
    title_year: Optional[re.Pattern]  # titles of documents about one year: their amounts with no years take it
    title_carry_over: Optional[re.Pattern]  # titles of carry-over items: their amounts take the span's last year
    title_budget_year: Optional[re.Pattern]  # "Budget 2024 og Budgetoverslag 2025-28": the budget year
    title_yearly: re.Pattern  # titles of a report on one year whose yearly sums are its year's
    yearly_ahead: re.Pattern  # a sentence looking ahead: its yearly sum runs on, no report's year
    whole_period: re.Pattern  # a sum of the whole budget ("i alt"): no budget year
    kinds: tuple[Rule, ...]
    frames: tuple[Frame, ...]
    frames_joined: re.Pattern  # a label naming two frames joined ("Drifts- og anlægs…"): no guide
    label_no_frame: re.Pattern  # a label naming what is no frame ("Skatter", "Ordinært driftsresultat")
    label_part: re.Pattern  # a frame a label names as a part ("heraf serviceramme"): not the label's
    frame_excluded: re.Pattern  # an aside that leaves a frame out ("(før anlæg …)")
    currencies: tuple[Currency, ...]
    fractions: tuple[tuple[str, float], ...]
    number_words: tuple[tuple[str, float], ...]  # a number written in words ("to", "en halv") and its value
    not_money_after: re.Pattern
    min_bare_value: float
    window_after: int
    window_before: int
    per_year_window: int
    per_year: re.Pattern
    per_other_period: re.Pattern  # right after an amount: it is the sum of a month, a week or a day
    per_year_noun: re.Pattern  # "en årlig besparelse": names a yearly sum of its own, not the amount before
    per_year_noun_before: re.Pattern  # "en årlig besparelse på renter og afdrag på": the amount after is yearly
    coordination: re.Pattern
    clause_break: re.Pattern
    period_break: re.Pattern  # a new clause after an amount: a year past it is the next amount's
    dated_year: re.Pattern  # a year that is part of a date: says when, not which year's money
    table_units: tuple[Scale, ...]
    table_cell: re.Pattern
    table_total: re.Pattern  # the label of a table's (sub)total row
    table_money_columns: tuple[Rule, ...]  # a header cell naming a sum in kroner, no unit written ("Beløb brutto")
    table_part_columns: tuple[Rule, ...]  # a header cell naming a share or mean of the column before it
    table_percent_columns: tuple[Rule, ...]  # a header cell over percentages ("Pct.", "Afvigelse i %")
    neighbour_scaled: re.Pattern  # a bare number with decimals that takes its sentence's scale
    later_years: re.Pattern  # "ud i overslagsårene": the budget's years after those of the amount before
    later_years_count: int  # … how many ("i overslagsårene" without "ud": the budget's later years)
    later_years_range: re.Pattern  # the words between a range's bounds: both are the later years'
    continues_before: re.Pattern  # a sentence's opening words that point back ("Heraf", "Der resterer derved")
    list_entry: re.Pattern  # how a list's entry starts ("• ", "1) ")
    list_lead: re.Pattern  # how the line that announces a list ends (":", "herunder"): its frame is the entries'
    document_budget_year: re.Pattern  # "budget 2022": a document naming one budget year only is about it
    adopted_from_month: int  # … the coming year's budget, adopted, from this month of the document's date on
    budget_made: re.Pattern  # in an undated document, words stating the agreement made ("afsat", "vedtaget")
    document_frame_kinds: tuple[str, ...]  # frames a whole document may be about
    document_frame_min: int  # … when it names that frame at least this often
    document_frame_share: float  # … and this share of all the frames it names
    document_frame_follow_on: re.Pattern  # running costs that follow from a project: not counted
    relative_periods: tuple[RelativePeriod, ...] = ()  # "i år", "næste år": years from the document's date
    this_year: Optional[int] = None  # the year of the document's date (set per document), for relative_periods
    budget_span_words: Optional[re.Pattern] = None  # "i alle budgetårene": the years of the document's budget
    budget_span_titles: Optional[re.Pattern] = None  # … the titles that name such a budget ("Budget 2026-29")
    budget_span: Optional[tuple[int, int]] = None  # … its years (set per document from its title)


def load_rules(data) -> AmountRules:
    data = require_keys(data, "-", _KEYS)
    scales = tuple(_scale(e, i, "scales") for i, e in enumerate(data["scales"]))
    currencies = tuple(_currency(e, i) for i, e in enumerate(data["foreign_currencies"]))
    fractions = _fractions(data["fractions"])
    fraction = "|".join(re.escape(c) for c, _ in fractions)
    number_words = _number_words(data["number_words"])
    fill = {
        "number": _filled(data["number"], {"fraction": fraction}),
        "number_words": "(?i:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w, _ in number_words) + ")",
        "currency": data["currency"],
        "foreign": "|".join(f"(?:{c.pattern.pattern})" for c in currencies),
        "money_nouns": data["money_nouns"],
        "scale": "|".join(f"(?:{s.pattern.pattern})" for s in scales),
    }
    for key in ("number", "currency", "money_nouns"):
        require_regex(fill[key], key)
    forms = tuple(_rule(e, i, "forms", fill) for i, e in enumerate(data["forms"]))
    return AmountRules(
        scales=scales,
        forms=forms,
        periods=tuple(_period_rule(e, i) for i, e in enumerate(data["periods"])),
        relative_periods=tuple(_relative(e, i) for i, e in enumerate(data["relative_periods"])),
        heading_periods=tuple(_rule(e, i, "heading_periods") for i, e in enumerate(data["heading_periods"])),
        **_title_year(data["title_year"]),
        kinds=tuple(_rule(e, i, "kinds") for i, e in enumerate(data["kinds"])),
        frames=tuple(_frame(e, i) for i, e in enumerate(data["frames"])),
        frames_joined=require_regex(data["frames_joined"], "frames_joined", flags=re.I),
        label_no_frame=require_regex(data["label_no_frame"], "label_no_frame", flags=re.I),
        label_part=require_regex(data["label_part"], "label_part", flags=re.I),
        frame_excluded=require_regex(data["frame_excluded"], "frame_excluded", flags=re.I),
        currencies=currencies,
        fractions=fractions,
        number_words=number_words,
        not_money_after=require_regex(data["not_money_after"], "not_money_after", flags=re.I),
        min_bare_value=float(data["min_bare_value"]),
        window_after=int(data["window_after"]),
        window_before=int(data["window_before"]),
        per_year_window=int(data["per_year_window"]),
        per_year=require_regex(data["per_year"], "per_year", flags=re.I),
        per_other_period=require_regex(data["per_other_period"], "per_other_period", flags=re.I),
        per_year_noun=require_regex(data["per_year_noun"], "per_year_noun", flags=re.I),
        per_year_noun_before=require_regex(data["per_year_noun_before"], "per_year_noun_before", flags=re.I),
        coordination=require_regex(data["coordination"], "coordination", flags=re.S),
        clause_break=require_regex(data["clause_break"], "clause_break", flags=re.I),
        period_break=require_regex(data["period_break"], "period_break", flags=re.I),
        dated_year=require_regex(data["dated_year"], "dated_year", flags=re.I),
        table_units=tuple(_scale(e, i, "table_units") for i, e in enumerate(data["table_units"])),
        table_cell=require_regex(_filled(data["table_cell"], fill), "table_cell"),
        table_total=require_regex(data["table_total"], "table_total", flags=re.I),
        table_money_columns=_rules(data, "table_money_columns"),
        table_part_columns=_rules(data, "table_part_columns"),
        table_percent_columns=_rules(data, "table_percent_columns"),
        neighbour_scaled=require_regex(data["neighbour_scaled"], "neighbour_scaled", flags=re.I),
        continues_before=_continues_before(data["continues_before"]),
        **_list_lead_in(data["list_lead_in"]),
        **_budget_span_words(data["budget_span_words"]),
        **_later_years(data["later_years"]),
        **_document_budget_year(data["document_budget_year"]),
        **_document_frame(data["document_frame"]),
    )


def _id(entry, i: int, key: str) -> str:
    return str(entry.get("id", f"{key}[{i}]")) if isinstance(entry, dict) else f"{key}[{i}]"


def _filled(pattern: str, fill: dict) -> str:
    for name, value in fill.items():
        pattern = pattern.replace("{" + name + "}", f"(?:{value})")
    return pattern


def _scale(entry: dict, i: int, key: str) -> Scale:
    rule = _id(entry, i, key)
    entry = require_keys(entry, rule, ["id", "pattern", "factor", "examples"])
    if not isinstance(entry["factor"], (int, float)) or entry["factor"] <= 0:
        raise RuleError(rule, "factor must be a positive number")
    examples = require_examples(entry, rule)
    return Scale(entry["id"], require_regex(entry["pattern"], rule, flags=re.I), float(entry["factor"]), examples)


def _document_budget_year(entry) -> dict:
    entry = require_keys(entry, "document_budget_year", ["pattern", "adopted_from_month", "made", "examples"])
    if not entry["examples"]:
        raise RuleError("document_budget_year", "needs real sentences as 'examples' ({text, years})")
    month = entry["adopted_from_month"]
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        raise RuleError("document_budget_year", f"adopted_from_month is {month!r}; a month 1-12")
    return {
        "document_budget_year": require_regex(entry["pattern"], "document_budget_year", flags=re.I),
        "adopted_from_month": month,
        "budget_made": require_regex(entry["made"], "document_budget_year.made", flags=re.I),
    }


def _later_years(entry) -> dict:
    entry = require_keys(entry, "later_years", ["pattern", "range", "years", "examples"])
    require_examples(entry, "later_years")
    return {
        "later_years": require_regex(entry["pattern"], "later_years", flags=re.I),
        "later_years_range": require_regex(entry["range"], "later_years", flags=re.I),
        "later_years_count": require_number(entry, "years", "later_years", int, 1, 10),
    }


def _continues_before(entry) -> re.Pattern:
    entry = require_keys(entry, "continues_before", ["pattern", "examples"])
    require_examples(entry, "continues_before")
    return require_regex(entry["pattern"], "continues_before", flags=re.I)


def _list_lead_in(entry) -> dict:
    entry = require_keys(entry, "list_lead_in", ["entry", "lead", "examples"])
    require_examples(entry, "list_lead_in")
    return {
        "list_entry": require_regex(entry["entry"], "list_lead_in"),
        "list_lead": require_regex(entry["lead"], "list_lead_in", flags=re.I),
    }


def _budget_span_words(entry) -> dict:
    entry = require_keys(entry, "budget_span_words", ["pattern", "titles", "examples"])
    require_examples(entry, "budget_span_words")
    return {
        "budget_span_words": require_regex(entry["pattern"], "budget_span_words", flags=re.I),
        "budget_span_titles": require_regex(entry["titles"], "budget_span_words", flags=re.I),
    }


def _document_frame(entry) -> dict:
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


def _rules(data: dict, key: str) -> tuple[Rule, ...]:
    return tuple(_rule(e, i, key) for i, e in enumerate(data[key]))


def _rule(entry: dict, i: int, key: str, fill: Optional[dict] = None) -> Rule:
    rule = _id(entry, i, key)
    entry = require_keys(entry, rule, ["id", "pattern", "examples"])
    pattern = _filled(entry["pattern"], fill or {})
    return Rule(entry["id"], require_regex(pattern, rule, flags=re.I), require_examples(entry, rule))


def _period_rule(entry: dict, i: int) -> Rule:
    """A time expression; ``budget_period: true`` marks one naming a year and the budget's
    later years ("i 2017 og overslagsårene"): that year and ``later_years.years`` more;
    ``each_year: true`` one naming each of its years, whose sum is every year's."""
    rule = _id(entry, i, "periods")
    entry = require_keys(entry, rule, ["id", "pattern", "examples"], ["budget_period", "each_year"])
    for flag in ("budget_period", "each_year"):
        if not isinstance(entry.get(flag, False), bool):
            raise RuleError(rule, f"{flag} must be true or false")
    pattern = require_regex(entry["pattern"], rule, flags=re.I)
    examples = require_examples(entry, rule)
    return Rule(entry["id"], pattern, examples, entry.get("budget_period", False), entry.get("each_year", False))


def _frame(entry: dict, i: int) -> Frame:
    rule = _id(entry, i, "frames")
    entry = require_keys(entry, rule, ["id", "kind", "pattern", "examples"])
    if not isinstance(entry["kind"], str) or not entry["kind"]:
        raise RuleError(rule, "kind must be the name of a budget frame")
    pattern = require_regex(entry["pattern"], rule, flags=re.I)
    return Frame(entry["id"], entry["kind"], pattern, require_examples(entry, rule))


def _relative(entry: dict, i: int) -> RelativePeriod:
    rule = _id(entry, i, "relative_periods")
    entry = require_keys(entry, rule, ["id", "pattern", "offset", "examples"])
    offset = require_number(entry, "offset", rule, int, -5, 5)
    pattern = require_regex(entry["pattern"], rule, flags=re.I)
    return RelativePeriod(entry["id"], pattern, offset, require_examples(entry, rule))


def _currency(entry: dict, i: int) -> Currency:
    rule = _id(entry, i, "foreign_currencies")
    entry = require_keys(entry, rule, ["code", "pattern", "examples"])
    examples = require_examples(entry, rule)
    return Currency(str(entry["code"]), require_regex(entry["pattern"], rule), examples)


def _fractions(data) -> tuple[tuple[str, float], ...]:
    if not isinstance(data, dict) or not data:
        raise RuleError("fractions", "must map each fraction sign to its value (½: 0.5)")
    for sign, value in data.items():
        if not isinstance(sign, str) or len(sign) != 1 or not isinstance(value, (int, float)):
            raise RuleError("fractions", f"{sign!r}: a single sign and a number")
    return tuple((sign, float(value)) for sign, value in data.items())


def _number_words(data) -> tuple[tuple[str, float], ...]:
    """The words of ``number_words``, the longest first ("en halv" before "en")."""
    if not isinstance(data, dict) or not data:
        raise RuleError("number_words", "must map each number word to its value (to: 2)")
    for word, value in data.items():
        if not isinstance(word, str) or not word.strip() or not isinstance(value, (int, float)) or value <= 0:
            raise RuleError("number_words", f"{word!r}: a word and a positive number")
    return tuple(sorted(((w.lower(), float(v)) for w, v in data.items()), key=lambda x: -len(x[0])))


def _title_year(entry) -> dict:
    entry = require_keys(
        entry,
        "title_year",
        ["titles", "carry_over", "budget_year", "yearly_titles", "yearly_ahead", "whole_period", "examples"],
    )
    if not entry["examples"]:
        raise RuleError("title_year", "needs real titles as 'examples' ({title, years})")
    return {
        "title_year": require_regex(entry["titles"], "title_year", flags=re.I) if entry["titles"] else None,
        "title_carry_over": require_regex(entry["carry_over"], "title_year", flags=re.I)
        if entry["carry_over"]
        else None,
        "title_budget_year": require_regex(entry["budget_year"], "title_year", flags=re.I),
        "title_yearly": require_regex(entry["yearly_titles"], "title_year.yearly_titles", flags=re.I),
        "yearly_ahead": require_regex(entry["yearly_ahead"], "title_year.yearly_ahead", flags=re.I),
        "whole_period": require_regex(entry["whole_period"], "title_year.whole_period", flags=re.I),
    }
