"""Milestones: one row per dated deadline, start, phase or event.

Principle (the same for every document): a date expression is a milestone when it
dates something that is done, decided, started, ended or due — in the plan or, in a
report, what already happened — and it names at least a month, a third (primo /
medio / ultimo), a season, a quarter, a half year or the end of a year
("udgangen af 2009"). We do not judge importance: every such dated happening is kept.

Not milestones (``rules/milestones.yml`` → ``exclusions``):

* bare years ("i 2013", "2013-16", "frem til og med 2010", "Integrationspolitik
  2019-22", "Budgetaftalen for 2013"): a bare year is a budget year, a name or a
  horizon, never a milestone by itself; "udgangen af 2009" is (31 December);
* the document's own date: a line holding only a date near the top, or a labelled
  one ("Dato: 24-04-2008", "Sidst opdateret: 26.11.09");
* reference dates of figures: "pr./per 3. kvartal", "status pr. …", "ved udgangen af
  3. kvartal", a date alone in parentheses after a value ("54,4 % (november 2006)"),
  a date followed closely by a count ("i maj 2012 i alt 890"), any date in a
  sentence that reports a percentage or an "i alt" figure (unless it is a
  deadline: "målet er 64 % med udgangen af 2010" stays), label sentences ("Status
  ultimo 2007", "Fordelingen af konsulenter ultimo 2007") and notes on figures
  ("Tallene er udarbejdet …");
* states that hold "siden" a date (background, not a step);
* the dates of documents and citations: "statusrapport af 24. september 2012",
  "(BIU 25.06.12, punkt 6)", a date inside a quoted title;
* a date tied to a money amount (the amount's period): only connecting words
  ("årligt i", "i drift i") lie between the amount and the date.

Kind (``kinds``): a written range is a ``phase``; "inden/senest/frem til/indtil/
…frist/udgangen af" make a ``deadline``; "fra/fra og med", and "pr." before a day,
a ``start``; otherwise an end verb (slutter, stopper …) near the date gives a
``deadline``, a start verb (igangsættes, påbegyndes, startes op, opstart …) a
``start``; anything else is an ``event``. "januar/februar 2013" is one event over
both months. Two consecutive days joined by "og" ("31. august og 1. september")
are one milestone from the first day to the second (one event lasting two days);
days further apart joined by "og" stay two milestones.

Missing year ("3. kvartal", "senest 31. december", "i første halvår"): the nearest
year written before the expression in the same sentence; else in the same block
(paragraph, bullet or table cell); else the document's context year — the first
year written in the document outside a date or case number, normally the title
("Budget 2013 - …"). We use the block rather than the section because only the
text reaches this function. If no year is found the expression is skipped.
Expressions with "året" instead of a year ("inden årets udgang") are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from extract.extractors.dates import (
    YEAR_IN_TEXT,
    DateMatch,
    DateRange,
    DateRules,
    find_date_expressions,
    parse_date_expression,
)
from extract.records import Milestone
from extract.rules import RuleError, require_keys, require_regex
from extract.structure.sentences import Sentences, Span, sentence_at

KINDS = ("deadline", "start", "phase", "event")
PRECISIONS = ("day", "month", "quarter", "half", "third", "season", "year")
CONDITIONS = ("before", "after", "near", "sentence", "date_text")
OPTIONAL = CONDITIONS + ("precisions", "range", "max_offset", "examples")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: Optional[str]  # None for exclusions
    patterns: dict  # condition name -> compiled regex
    precisions: Optional[frozenset]
    range: Optional[bool]
    max_offset: Optional[int]
    unless_kinds: frozenset
    examples: tuple


@dataclass(frozen=True)
class MilestoneRules:
    kinds: tuple
    exclusions: tuple
    near_before: int
    near_after: int
    yearless_needs_before: re.Pattern
    amount_link: re.Pattern
    amount_link_examples: tuple


def _rule(entry: dict, i: int, section: str, is_kind: bool) -> Rule:
    rid = entry.get("id", f"{section}[{i}]") if isinstance(entry, dict) else f"{section}[{i}]"
    extra = ("kind",) if is_kind else ("unless_kinds",)
    entry = require_keys(entry, rid, ["id"], OPTIONAL + extra)
    if is_kind:
        require_keys(entry, rid, ["id", "kind"], OPTIONAL + extra)
        if entry["kind"] not in KINDS:
            raise RuleError(rid, f"kind is {entry['kind']!r}; allowed values: {list(KINDS)}")
    patterns = {c: require_regex(entry[c], rid, c) for c in CONDITIONS if c in entry}
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
    )


def load_rules(data) -> MilestoneRules:
    keys = [
        "near_words_before",
        "near_words_after",
        "yearless_needs_before",
        "amount_link",
        "amount_link_examples",
        "kinds",
        "exclusions",
    ]
    data = require_keys(data, "-", keys)
    kinds = tuple(_rule(e, i, "kinds", True) for i, e in enumerate(data["kinds"]))
    if not kinds or kinds[-1].patterns or kinds[-1].range is not None or kinds[-1].precisions:
        raise RuleError("kinds", "the last kind rule must have no conditions (the default kind)")
    exclusions = tuple(_rule(e, i, "exclusions", False) for i, e in enumerate(data["exclusions"]))
    return MilestoneRules(
        kinds,
        exclusions,
        int(data["near_words_before"]),
        int(data["near_words_after"]),
        require_regex(data["yearless_needs_before"], "yearless_needs_before"),
        require_regex(data["amount_link"], "amount_link"),
        tuple(data["amount_link_examples"] or ()),
    )


@dataclass(frozen=True)
class Context:
    """Where one date expression sits: the texts the rule conditions look at."""

    before: str
    after: str
    near: str
    sentence: str
    quote_start: int
    quote_end: int


def _context(
    text: str, sentences: list[Span], m: DateMatch, prev_end: int, next_start: int, r: MilestoneRules
) -> Context:
    first = sentence_at(sentences, m.start) or Span(m.start, m.end)
    last = sentence_at(sentences, m.end - 1) or first
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(first.start, line_start) : m.start]
    after = text[m.end : min(last.end, line_end, max(next_start, m.end))]
    words_before = text[max(first.start, prev_end) : m.start].split()[-r.near_before :]
    words_after = text[m.end : min(last.end, max(next_start, m.end))].split()[: r.near_after]
    near = " ".join(words_before) + " | " + " ".join(words_after)
    return Context(before, after, near, text[first.start : last.end], first.start, last.end)


def _holds(rule: Rule, ctx: Context, m: DateMatch, dr: DateRange) -> bool:
    if rule.precisions is not None and dr.precision not in rule.precisions:
        return False
    if rule.range is not None and rule.range != m.is_range:
        return False
    if rule.max_offset is not None and m.start > rule.max_offset:
        return False
    values = {"before": ctx.before, "after": ctx.after, "near": ctx.near, "sentence": ctx.sentence, "date_text": m.text}
    return all(p.search(values[c]) for c, p in rule.patterns.items())


def kind_of(ctx: Context, m: DateMatch, dr: DateRange, r: MilestoneRules) -> Rule:
    return next(rule for rule in r.kinds if _holds(rule, ctx, m, dr))


def excluded_by(ctx: Context, m: DateMatch, dr: DateRange, kind: str, r: MilestoneRules) -> Optional[str]:
    for rule in r.exclusions:
        if kind not in rule.unless_kinds and _holds(rule, ctx, m, dr):
            return rule.id
    return None


def _years_outside(text: str, dates: list[DateMatch]) -> list[re.Match]:
    spans = [(d.start, d.end) for d in dates]
    return [y for y in YEAR_IN_TEXT.finditer(text) if not any(a <= y.start() < b for a, b in spans)]


def _year_before(text: str, start: int, end: int) -> Optional[int]:
    years = YEAR_IN_TEXT.findall(text, start, end)
    return int(years[-1]) if years else None


def _context_year(
    text: str, sentences: list[Span], block_spans: list[Span], m: DateMatch, doc_year: Optional[int]
) -> Optional[int]:
    sent = sentence_at(sentences, m.start)
    block = sentence_at(block_spans, m.start)
    for span in (sent, block):
        if span is not None:
            year = _year_before(text, span.start, m.start)
            if year:
                return year
    return doc_year


def _tied_to_amount(text: str, m: DateMatch, amount_spans: list[tuple[int, int]], r: MilestoneRules) -> bool:
    for a, b in amount_spans:
        if a < m.end and m.start < b:
            return True
        if b <= m.start and m.start - b <= 80 and r.amount_link.fullmatch(text[b : m.start]):
            return True
    return False


def _candidates(
    text: str, found: Sentences, amount_spans: list[tuple[int, int]], r: MilestoneRules, dr_rules: DateRules
) -> list[Milestone]:
    sentences, block_spans = found.spans, found.blocks
    dates = find_date_expressions(text, dr_rules)
    years = _years_outside(text, dates)
    doc_year = int(years[0].group()) if years else None
    out = []
    for i, m in enumerate(dates):
        prev_end = dates[i - 1].end if i else 0
        next_start = dates[i + 1].start if i + 1 < len(dates) else len(text)
        ctx = _context(text, sentences, m, prev_end, next_start, r)
        dr = parse_date_expression(m.text, dr_rules)
        if dr is None:
            if m.form in ("month", "season") and not r.yearless_needs_before.search(ctx.before):
                continue
            year = _context_year(text, sentences, block_spans, m, doc_year)
            dr = parse_date_expression(m.text, dr_rules, year) if year else None
        if dr is None or dr.precision == "year" or _tied_to_amount(text, m, amount_spans, r):
            continue
        kind_rule = kind_of(ctx, m, dr, r)
        if excluded_by(ctx, m, dr, kind_rule.kind, r):
            continue
        out.append(
            Milestone(
                text[ctx.quote_start : ctx.quote_end],
                m.text,
                dr.start.isoformat(),
                dr.end.isoformat(),
                dr.precision,
                kind_rule.kind,
                m.start,
                m.end,
                rule=kind_rule.id,
            )
        )
    return out


def _join_consecutive_days(text: str, sentences: list[Span], found: list[Milestone], joiner: str) -> list[Milestone]:
    """ "31. august og 1. september": two consecutive days joined by the day joiner become one milestone."""
    joined_by = re.compile(rf"\s+{re.escape(joiner)}\s+")
    out: list[Milestone] = []
    for ms in found:
        prev = out[-1] if out else None
        if (
            prev
            and prev.precision == ms.precision == "day"
            and prev.date_start == prev.date_end
            and joined_by.fullmatch(text[prev.char_end : ms.char_start])
            and _next_day(prev.date_end) == ms.date_start
        ):
            first = sentence_at(sentences, prev.char_start) or Span(prev.char_start, prev.char_end)
            last = sentence_at(sentences, ms.char_end - 1) or Span(ms.char_start, ms.char_end)
            out[-1] = Milestone(
                text[first.start : last.end],
                text[prev.char_start : ms.char_end],
                prev.date_start,
                ms.date_end,
                "day",
                prev.kind,
                prev.char_start,
                ms.char_end,
                rule=prev.rule,
            )
            continue
        out.append(ms)
    return out


def _next_day(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def find_milestones(
    text: str, sentences: Sentences, amount_spans: list[tuple[int, int]], r: MilestoneRules, dates: DateRules
) -> list[Milestone]:
    """Every milestone in ``text``, in document order (section_position and page left None)."""
    found = _candidates(text, sentences, amount_spans, r, dates)
    return _join_consecutive_days(text, sentences.spans, found, dates.day_joiner)
