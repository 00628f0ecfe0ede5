"""The rules of milestones (``rules/milestones.yml``), loaded and validated, and the test
of one rule against the place of one date expression.

A rule is a set of conditions on the text around a date expression (see the rules file's
head for what each condition looks at); every condition must hold for the rule to apply.
:mod:`extract.extractors.milestones` uses the kind rules (the first that holds gives the
kind), the year rules (a bare year is a milestone only when one holds) and the exclusions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from extract.extractors.date_rules import PRECISIONS, DateRange
from extract.extractors.dates import DateMatch
from extract.rules import RuleError, require_keys, require_number, require_regex

KINDS = ("deadline", "start", "phase", "event")
CONDITIONS = ("before", "after", "near", "sentence", "date_text", "label", "next_line", "prev_line", "line")
OPTIONAL = CONDITIONS + ("precisions", "range", "max_offset", "document_date", "year_known", "ahead", "examples")


@dataclass(frozen=True)
class _Ahead:
    """The condition ``ahead``: the sentence tells of what is to come — a word of the future
    (``future_tense``) or none of the past (``past_tense``)."""

    future: re.Pattern
    past: re.Pattern

    def search(self, sentence: str) -> bool:
        return bool(self.future.search(sentence) or not self.past.search(sentence))


@dataclass(frozen=True)
class Rule:
    id: str
    kind: Optional[str]  # None for exclusions and year rules
    patterns: dict  # condition name -> compiled regex
    precisions: Optional[frozenset]
    range: Optional[bool]
    max_offset: Optional[int]
    unless_kinds: frozenset
    examples: tuple
    document_date: Optional[bool] = None  # true: only for a date that is the document's own date
    year_known: Optional[bool] = None  # false: only for a date the document gives no year to read


@dataclass(frozen=True)
class MilestoneRules:
    kinds: tuple
    exclusions: tuple
    near_before: int
    near_after: int
    yearless_needs_before: re.Pattern
    amount_link: re.Pattern
    amount_link_examples: tuple
    year_items: tuple = ()
    future_tense: re.Pattern = re.compile(r"(?!)")
    past_tense: re.Pattern = re.compile(r"(?!)")
    tense_examples: tuple = ()
    this_year: re.Pattern = re.compile(r"(?!)")
    ongoing: re.Pattern = re.compile(r"(?!)")
    plan_line_before: re.Pattern = re.compile(r"(?!)")  # a line of a time plan: "Februar: Behandling i fagudvalg."
    plan_line_after: re.Pattern = re.compile(r"(?!)")
    # the meeting's own date in a header ("Referat • 14. oktober 2025 kl. 16.30"): the
    # document's date when none is given
    meeting_header_before: re.Pattern = re.compile(r"(?!)")
    meeting_header_after: re.Pattern = re.compile(r"(?!)")
    meeting_header_max_offset: int = 0
    meeting_header_examples: tuple = ()
    past_tense_grace_days: int = 0  # a date told in the past this close after the document's keeps its year
    # the words joining a date without a year to the next, which gives it its year
    year_from_joined_date: re.Pattern = re.compile(r"(?!)")
    # where two years joined by a list word belong to two clauses ("starter i 2024 og 2025 skal det …")
    year_pair_breaks: tuple = ()
    # words right after a date without a year that put it in the year after ("det efterfølgende år")
    year_after: re.Pattern = re.compile(r"(?!)")
    future_tense_grace_days: int = 0  # a date told in the future this close before the document's keeps its year
    # a date listed under a label line ("Ansøgningsfrist:" then "• Den 1. maj 2024"): what may
    # stand before the date on its line, and the mark of a list item above it
    label_item_before: re.Pattern = re.compile(r"(?!)")
    label_list_item: re.Pattern = re.compile(r"(?!)")
    label_heading_words: int = 0  # a line of at most this many words alone over the list is its label
    # a table of dates copied as text: a cell of it (a day, a month) and the most words of its
    # second column's header under the first's
    label_table_cell: re.Pattern = re.compile(r"(?!)")
    label_column_words: int = 0
    # a sentence or a list's label saying its days come back every year ("Der er to årlige
    # ansøgningsrunder den 1. april og den 1. oktober"), naming no year: on a page with no date
    # of its own, its days keep no year
    yearly_rounds: re.Pattern = re.compile(r"(?!)")
    # the words before a year in its sentence that make it a milestone's year also beside a sum
    # ("… koster 170 mio. kr. og skal stå færdigt i 2030"): searched up to the year, anchor with $
    year_with_money: re.Pattern = re.compile(r"(?!)")
    # words right before a year that make it a name ("budget 2026"), not the year of a date
    year_name_before: re.Pattern = re.compile(r"(?!)")
    # the opening of a block that names its year ("2020 blev et år, hvor …"), group ``year``
    block_opening_year: re.Pattern = re.compile(r"(?!)")


@dataclass(frozen=True)
class Context:
    """Where one date expression sits: the texts the rule conditions look at."""

    before: str
    after: str
    near: str
    sentence: str
    quote_start: int
    quote_end: int
    is_document_date: bool = False
    label: str = ""  # the line ending in a colon that the date's line is listed under ("Ansøgningsfrist:")
    next_line: str = ""  # the next line holding text after the date's line
    line: str = ""  # the date's whole line
    prev_line: str = ""  # the nearest line holding text before the date's line
    year_known: bool = True  # false: a date without a year in a document that gives none to read

    def with_after(self, after: str, near_after: int) -> "Context":
        """The same place with ``after`` after the date instead (the words near it too)."""
        near = near_of(self.near.partition(NEAR_JOIN)[0].split(), after.split()[:near_after])
        return replace(self, after=after, near=near)


NEAR_JOIN = " | "  # in Context.near, between the words before the date and the words after it


def near_of(words_before: list[str], words_after: list[str]) -> str:
    """Context.near of the words before a date and the words after it."""
    return " ".join(words_before) + NEAR_JOIN + " ".join(words_after)


def _rule(entry: dict, i: int, section: str, is_kind: bool, ahead: _Ahead) -> Rule:
    rid = entry.get("id", f"{section}[{i}]") if isinstance(entry, dict) else f"{section}[{i}]"
    extra = ("kind",) if is_kind else ("unless_kinds",)
    entry = require_keys(entry, rid, ["id"], OPTIONAL + extra)
    if is_kind:
        require_keys(entry, rid, ["id", "kind"], OPTIONAL + extra)
        if entry["kind"] not in KINDS:
            raise RuleError(rid, f"kind is {entry['kind']!r}; allowed values: {list(KINDS)}")
    patterns = {c: require_regex(entry[c], rid, c) for c in CONDITIONS if c in entry}
    if entry.get("ahead") not in (None, True):
        raise RuleError(rid, f"ahead is {entry['ahead']!r}; allowed values: [true]")
    if entry.get("ahead"):
        patterns["ahead"] = ahead
    precisions = entry.get("precisions")
    if precisions is not None and not set(precisions) <= set(PRECISIONS):
        raise RuleError(rid, f"precisions {precisions}; allowed values: {list(PRECISIONS)}")
    unless = entry.get("unless_kinds", [])
    if not set(unless) <= set(KINDS):
        raise RuleError(rid, f"unless_kinds {unless}; allowed values: {list(KINDS)}")
    examples = entry.get("examples")
    if not examples or not all(isinstance(e, dict) and "text" in e and "expect" in e for e in examples):
        raise RuleError(rid, "needs 'examples': a list of {text, expect: [[date_text, kind], ...]}")
    return Rule(
        rid,
        entry.get("kind"),
        patterns,
        frozenset(precisions) if precisions else None,
        entry.get("range"),
        entry.get("max_offset"),
        frozenset(unless),
        tuple(examples),
        entry.get("document_date"),
        entry.get("year_known"),
    )


def load_rules(data) -> MilestoneRules:
    keys = [
        "near_words_before",
        "near_words_after",
        "yearless_needs_before",
        "future_tense",
        "past_tense",
        "this_year",
        "ongoing",
        "plan_line_before",
        "plan_line_after",
        "label_item_before",
        "label_list_item",
        "label_heading_words",
        "label_table_cell",
        "label_column_words",
        "yearly_rounds",
        "year_name_before",
        "year_with_money",
        "block_opening_year",
        "meeting_header_before",
        "meeting_header_after",
        "meeting_header_max_offset",
        "meeting_header_examples",
        "tense_examples",
        "past_tense_grace_days",
        "future_tense_grace_days",
        "year_from_joined_date",
        "year_after",
        "amount_link",
        "amount_link_examples",
        "kinds",
        "year_items",
        "year_pair_breaks",
        "exclusions",
    ]
    data = require_keys(data, "-", keys)
    ahead = _Ahead(require_regex(data["future_tense"], "future_tense"), require_regex(data["past_tense"], "past_tense"))
    kinds = tuple(_rule(e, i, "kinds", True, ahead) for i, e in enumerate(data["kinds"]))
    if not kinds or kinds[-1].patterns or kinds[-1].range is not None or kinds[-1].precisions:
        raise RuleError("kinds", "the last kind rule must have no conditions (the default kind)")
    exclusions = tuple(_rule(e, i, "exclusions", False, ahead) for i, e in enumerate(data["exclusions"]))
    year_items = tuple(_rule(e, i, "year_items", False, ahead) for i, e in enumerate(data["year_items"]))
    breaks = tuple(_rule(e, i, "year_pair_breaks", False, ahead) for i, e in enumerate(data["year_pair_breaks"]))
    tense = data["tense_examples"]
    if not tense or not all(isinstance(e, dict) and {"text", "date", "expect"} <= set(e) for e in tense):
        raise RuleError("tense_examples", "needs a list of {text, date (the document's), expect}")
    headers = data["meeting_header_examples"]
    if not headers or not all(isinstance(e, dict) and {"text", "expect"} <= set(e) for e in headers):
        raise RuleError("meeting_header_examples", "needs a list of {text, expect: [[date_text, kind], ...]}")
    return MilestoneRules(
        kinds,
        exclusions,
        int(data["near_words_before"]),
        int(data["near_words_after"]),
        require_regex(data["yearless_needs_before"], "yearless_needs_before"),
        require_regex(data["amount_link"], "amount_link"),
        tuple(data["amount_link_examples"] or ()),
        year_items,
        ahead.future,
        ahead.past,
        tuple(tense),
        require_regex(data["this_year"], "this_year"),
        require_regex(data["ongoing"], "ongoing"),
        require_regex(data["plan_line_before"], "plan_line_before"),
        require_regex(data["plan_line_after"], "plan_line_after"),
        require_regex(data["meeting_header_before"], "meeting_header_before"),
        require_regex(data["meeting_header_after"], "meeting_header_after"),
        int(data["meeting_header_max_offset"]),
        tuple(headers),
        int(data["past_tense_grace_days"]),
        require_regex(data["year_from_joined_date"], "year_from_joined_date"),
        breaks,
        year_after=require_regex(data["year_after"], "year_after"),
        future_tense_grace_days=int(data["future_tense_grace_days"]),
        label_item_before=require_regex(data["label_item_before"], "label_item_before"),
        label_list_item=require_regex(data["label_list_item"], "label_list_item"),
        label_heading_words=require_number(data, "label_heading_words", "label_heading_words", int, 0, 10),
        label_table_cell=require_regex(data["label_table_cell"], "label_table_cell"),
        label_column_words=require_number(data, "label_column_words", "label_column_words", int, 0, 20),
        yearly_rounds=require_regex(data["yearly_rounds"], "yearly_rounds"),
        year_name_before=require_regex(data["year_name_before"], "year_name_before"),
        year_with_money=require_regex(data["year_with_money"], "year_with_money"),
        block_opening_year=require_regex(data["block_opening_year"], "block_opening_year"),
    )


def holds(rule: Rule, ctx: Context, m: DateMatch, dr: DateRange) -> bool:
    if rule.precisions is not None and dr.precision not in rule.precisions:
        return False
    if rule.range is not None and rule.range != m.is_range:
        return False
    if rule.max_offset is not None and m.start > rule.max_offset:
        return False
    if rule.document_date is not None and rule.document_date != ctx.is_document_date:
        return False
    if rule.year_known is not None and rule.year_known != ctx.year_known:
        return False
    values = {"before": ctx.before, "after": ctx.after, "near": ctx.near, "sentence": ctx.sentence, "date_text": m.text}
    values.update(label=ctx.label, ahead=ctx.sentence, next_line=ctx.next_line, prev_line=ctx.prev_line, line=ctx.line)
    return all(p.search(values[c]) for c, p in rule.patterns.items())


def kind_of(ctx: Context, m: DateMatch, dr: DateRange, r: MilestoneRules) -> Rule:
    return next(rule for rule in r.kinds if holds(rule, ctx, m, dr))


def excluded_by(ctx: Context, m: DateMatch, dr: DateRange, kind: str, r: MilestoneRules) -> Optional[str]:
    for rule in r.exclusions:
        if kind not in rule.unless_kinds and holds(rule, ctx, m, dr):
            return rule.id
    return None
