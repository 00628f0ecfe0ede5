"""The rules of amount extraction (``rules/amounts.yml``), loaded and validated.

Frozen dataclasses for how a sum of money is written (numbers, scale words, kroner and
other currencies, fractions), which time expression and budget frame tie to it, and how
a table's caption or header gives its cells a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.extractors import amount_rule_sections as sections
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
    "total_before",
    "total_after",
    "per_year_noun",
    "per_year_noun_before",
    "kinds",
    "frames",
    "frames_joined",
    "label_no_frame",
    "label_part",
    "label_source_year",
    "frame_excluded",
    "coordination",
    "clause_break",
    "period_break",
    "dated_year",
    "origin_year",
    "table_units",
    "table_cell",
    "table_unit_header",
    "table_unit_label_row",
    "table_total",
    "table_money_columns",
    "table_part_columns",
    "table_percent_columns",
    "document_frame",
    "document_budget_year",
    "neighbour_scaled",
    "continues_before",
    "respective",
    "restated_sum",
    "year_label",
    "sentence_lead_frame",
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
    title_budget_year: re.Pattern  # "Budget 2024 og Budgetoverslag 2025-28": the budget year
    title_yearly: re.Pattern  # titles of a report on one year whose yearly sums are its year's
    yearly_ahead: re.Pattern  # a sentence looking ahead: its yearly sum runs on, no report's year
    whole_period: re.Pattern  # a sum of the whole budget ("i alt"): no budget year
    kinds: tuple[Rule, ...]
    frames: tuple[Frame, ...]
    frames_joined: re.Pattern  # a label naming two frames joined ("Drifts- og anlægs…"): no guide
    label_no_frame: re.Pattern  # a label naming what is no frame ("Skatter", "Ordinært driftsresultat")
    label_part: re.Pattern  # a frame a label names as a part ("heraf serviceramme"): not the label's
    label_source_year: re.Pattern  # a row label's year its money came from ("Overført fra 2023"): not the row's
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
    total_before: re.Pattern  # right before an amount: a total ("i alt"), no sum of each year
    total_after: re.Pattern  # after an amount in its clause: a total ("i 2024 og 2025 tilsammen")
    per_year_noun: re.Pattern  # "en årlig besparelse": names a yearly sum of its own, not the amount before
    per_year_noun_before: re.Pattern  # "en årlig besparelse på renter og afdrag på": the amount after is yearly
    coordination: re.Pattern
    clause_break: re.Pattern
    period_break: re.Pattern  # a new clause after an amount: a year past it is the next amount's
    dated_year: re.Pattern  # a year that is part of a date: says when, not which year's money
    origin_year: re.Pattern  # where money came from ("overførsler fra 2024"): no period of the sum
    table_units: tuple[Scale, ...]
    table_cell: re.Pattern
    table_unit_header: re.Pattern  # a header line ending in the unit over rows of a label and a number
    table_unit_label_row: re.Pattern  # a row whose label names the unit in brackets, its figures after it
    table_total: re.Pattern  # the label of a table's (sub)total row
    table_money_columns: tuple[Rule, ...]  # a header cell naming a sum in kroner, no unit written ("Beløb brutto")
    table_part_columns: tuple[Rule, ...]  # a header cell naming a share or mean of the column before it
    table_percent_columns: tuple[Rule, ...]  # a header cell over percentages ("Pct.", "Afvigelse i %")
    neighbour_scaled: re.Pattern  # a bare number with decimals that takes its sentence's scale
    later_years: re.Pattern  # "ud i overslagsårene": the budget's years after those of the amount before
    later_years_count: int  # … how many ("i overslagsårene" without "ud": the budget's later years)
    later_years_range: re.Pattern  # the words between a range's bounds: both are the later years'
    continues_before: re.Pattern  # a sentence's opening words that point back ("Heraf", "Der resterer derved")
    respective: re.Pattern  # the words before sums each for one year of their span ("hhv. 6, 1,5 og 2 mio. kr.")
    sentence_lead_frame: re.Pattern  # the words opening a sentence before the frame they name ("På anlæg")
    restated_sum: re.Pattern  # the words before a sum named again ("de 750.000 kr."): the sum already named
    year_label: re.Pattern  # a year labelling the amount right after it ("2026: 58,0 mio. kr.")
    year_entry: re.Pattern  # a year labelling a list entry's line ("- Budget 2026: …"), each sum's on it
    list_entry: re.Pattern  # how a list's entry starts ("• ", "1) ")
    list_lead: re.Pattern  # how the line that announces a list ends (":", "herunder"): its frame is the entries'
    document_budget_year: re.Pattern  # "budget 2022": a document naming one budget year only is about it
    adopted_from_month: int  # … the coming year's budget, adopted, from this month of the document's date on
    budget_made: re.Pattern  # in an undated document, words stating the agreement made ("afsat", "vedtaget")
    status_day: re.Pattern  # a follow-up named by its day alone ("budgetopfølgning 30/6"): the document's year
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
    fractions = sections.fractions(data["fractions"])
    fraction = "|".join(re.escape(c) for c, _ in fractions)
    number_words = sections.number_words(data["number_words"])
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
        **sections.title_year(data["title_year"]),
        kinds=tuple(_rule(e, i, "kinds") for i, e in enumerate(data["kinds"])),
        frames=tuple(_frame(e, i) for i, e in enumerate(data["frames"])),
        frames_joined=sections.frames_joined(data["frames_joined"]),
        label_no_frame=require_regex(data["label_no_frame"], "label_no_frame", flags=re.I),
        label_part=require_regex(data["label_part"], "label_part", flags=re.I),
        label_source_year=sections.pattern_with_examples(data["label_source_year"], "label_source_year"),
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
        total_before=require_regex(data["total_before"], "total_before", flags=re.I),
        total_after=require_regex(data["total_after"], "total_after", flags=re.I),
        per_year_noun=require_regex(data["per_year_noun"], "per_year_noun", flags=re.I),
        per_year_noun_before=require_regex(data["per_year_noun_before"], "per_year_noun_before", flags=re.I),
        coordination=require_regex(data["coordination"], "coordination", flags=re.S),
        clause_break=require_regex(data["clause_break"], "clause_break", flags=re.I),
        period_break=require_regex(data["period_break"], "period_break", flags=re.I),
        dated_year=require_regex(data["dated_year"], "dated_year", flags=re.I),
        origin_year=sections.pattern_with_examples(data["origin_year"], "origin_year"),
        table_units=tuple(_scale(e, i, "table_units") for i, e in enumerate(data["table_units"])),
        table_cell=require_regex(_filled(data["table_cell"], fill), "table_cell"),
        table_unit_header=sections.pattern_with_examples(data["table_unit_header"], "table_unit_header"),
        table_unit_label_row=sections.pattern_with_examples(data["table_unit_label_row"], "table_unit_label_row"),
        table_total=require_regex(data["table_total"], "table_total", flags=re.I),
        table_money_columns=_rules(data, "table_money_columns"),
        table_part_columns=_rules(data, "table_part_columns"),
        table_percent_columns=_rules(data, "table_percent_columns"),
        neighbour_scaled=require_regex(data["neighbour_scaled"], "neighbour_scaled", flags=re.I),
        continues_before=sections.pattern_with_examples(data["continues_before"], "continues_before"),
        respective=sections.pattern_with_examples(data["respective"], "respective"),
        restated_sum=sections.pattern_with_examples(data["restated_sum"], "restated_sum"),
        **sections.year_label(data["year_label"]),
        sentence_lead_frame=sections.pattern_with_examples(data["sentence_lead_frame"], "sentence_lead_frame"),
        **sections.list_lead_in(data["list_lead_in"]),
        **sections.budget_span_words(data["budget_span_words"]),
        **sections.later_years(data["later_years"]),
        **sections.document_budget_year(data["document_budget_year"]),
        **sections.document_frame(data["document_frame"]),
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
