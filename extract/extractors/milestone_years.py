"""The year of a milestone the text does not write, and bare years that are milestones.

Missing year ("3. kvartal", "den 14. oktober"): the year of the next date when the two are
joined ("frist 1. april og 1. september 2019"; the year before when that puts it after the
next and the year before within ``turn_of_year_days`` of it: "den 15. december og 10. januar
2025", but "den 12. juni og 3. april 2025" is June 2025); else the nearest year written before the
expression in the same sentence; else the year the label a date is listed under names ("I
2025 er fristerne:" over "4. februar"); else, in a document without a date, the year of the same
day written with its year elsewhere in it ("senest den 3. oktober 2016 kl. 12", then
"senest den 1. september!"), when it writes that day of one year only; else the document's
own date (the meeting date of an
agenda item, the date line of a note) — always for a point of "the year" ("inden årets
udgang", "fra årsskiftet") and in a sentence that says "i år" (neither moved back).
That date's year is moved one year on when the period has passed at the document's date (its
end, of a third of a month the third's own, "sidst i juni"; or its middle day, unless the text
says it is going on, "i løbet af maj-juni"), a day more
than ``future_tense_grace_days`` before it, and the sentence speaks of the future
(``future_tense`` of ``rules/milestones.yml``: "vil", "skal", "forventes", "iværksættes" …), one
year back when it is to come and the sentence speaks of the past
(``past_tense``: "blev", "besluttede" …) and it lies more than ``past_tense_grace_days``
after the document's date; a sentence that speaks of both moves nothing. A reading a year
away from the document's date whose reading in the year before or after lies within
``turn_of_year_days`` (``rules/dates.yml``) of it across the turn of the year takes that
nearer year — the year before only when the sentence speaks of the past ("i uge 52" told
in an item of 5 January 2021 is the week just past; "Fristen er den 15. december" is this
year's).
Without a document date: the year its block opens with gives it (an accounts page's
paragraph on its year, "2020 blev et år, hvor … Allerede i marts …"); else the last day (or
month) written with its year before it, else the first after it, stands in for it (a web
page with no date line reports a decision, "Den 14. december 2023 blev budgetprocessen …
godkendt", and lists the plan after it); with none, the nearest year before it in the same
block (paragraph, bullet or table cell), else the document's context year, the first year
written in it outside a date (normally its title). No year: skipped. A year of a span or
name of years ("budget 2025-28", "budgetforslag 2025-2028") never gives the year: it is a
period, not the year of a day. A line of a time plan right after another ("14. december:
…", then "9.-11. januar: …") takes the first year that puts it on or after the line
before: a plan runs in date order.

Bare years ("i løbet af 2022", "I 2013 vil programmet blive udvidet",
"forventes afsluttet i 2025") are milestones of precision ``year`` only when a rule of
``year_items`` holds; never a year of a written range or name ("2025-28", "2013/14"),
never a year in a sentence that names a sum of money (the money's year). Two years in a
row joined by a list word ("i løbet af 2027 og 2028", "i 2026 eller 2027") are one record
over both, kept only where the first year alone would be a milestone, with its kind where
its words give one (a deadline, a start); a span ("og") of an event is a phase. Not where
the second year opens a clause of its own (``year_pair_breaks``). A whole span of years
("i perioden 2019-21", "for årene 2018-2020") is one milestone of precision ``year`` from the
first day of its first year to the last of its last only where a year rule written for spans
(``range: true``) holds, in a sentence without a sum of money.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from extract.extractors.dates import (
    YEAR_IN_TEXT,
    DateMatch,
    DateRange,
    DateRules,
    parse_date_expression,
    third_end,
    year_before_within,
    year_joined_to,
    year_list,
)
from extract.extractors.milestone_rules import Context, MilestoneRules, Rule, excluded_by, holds, kind_of
from extract.structure.sentences import Span, line_of, sentence_at

# a span of whole years, its end written in full or by its last two digits: "2019-21",
# "2014 -2017"; not a day ("2019-03-05": the end before the start) nor part of a longer number
YEAR_SPAN = re.compile(r"(?<![\d/.\-])\b((?:19|20)\d\d) ?[-–] ?((?:19|20)\d\d|\d\d)\b(?![-–/.,]?\d)")
YEAR_SPAN_MAX = 20  # years a span of years may run
# a year that is part of a span or a name of years: "2025-28", "2013/14", "2026-2029"
YEAR_SPAN_NEXT = re.compile(r"\s?[-–/]\s?\d")
YEAR_SPAN_PREV = re.compile(r"\d\s?[-–/]\s?$")


def years_outside(text: str, dates: list[DateMatch]) -> list[re.Match]:
    spans = [(d.start, d.end) for d in dates]
    return [y for y in YEAR_IN_TEXT.finditer(text) if not any(a <= y.start() < b for a, b in spans)]


def told_of_the_past(ctx: Context, r: MilestoneRules) -> bool:
    """Does the sentence tell of the past only (a past tense and no future)? Such a sentence
    puts a year-less day in the year before, and a history of meetings may list the newest first."""
    return bool(r.past_tense.search(ctx.sentence) and not r.future_tense.search(ctx.sentence))


def _year_before(text: str, start: int, end: int, r: MilestoneRules) -> Optional[int]:
    # a year of a span or name of years ("budget 2025-28") is a period, not the date's year;
    # nor is a year that names a budget ("til budget 2026", ``year_name_before``): it is
    # prepared in the year before
    years = [y for y in YEAR_IN_TEXT.finditer(text, start, end) if not names_a_period(text, y, r, start)]
    return int(years[-1].group()) if years else None


def names_a_period(text: str, y: re.Match, r: MilestoneRules, start: int = 0) -> bool:
    """Is the year ``y`` one of a span of years, or the name of a budget or accounts
    (``year_name_before``, looked for from ``start`` on): a period, not a year-less date's year?"""
    return in_span_of_years(text, y) or bool(r.year_name_before.search(text, max(start, y.start() - 40), y.start()))


def reference_day(
    text: str,
    blocks: list[Span],
    document_date: Optional[date],
    days: list[tuple[int, date]],
    at: int,
    r: MilestoneRules,
) -> Optional[date]:
    """The day a year-less date at ``at`` is read from: the document's own; else (a page with no
    date of its own) none when its block opens with a year (``block_opening_year``: a paragraph
    of an accounts page on its year, "2020 blev et år, hvor … Allerede i marts …"; the block's
    year gives it, see :func:`resolve_yearless`); else the last day or month written with its
    year before it ("Den 14. december 2023 blev …", "I marts 2021 blev der forelagt …"), the time
    the page reports, from which the dates of its plan are read; with none before it, the first
    after it (a news item tells of a meeting "den 5. september", then of rules in force "fra 1.
    januar 2019")."""
    if document_date is not None:
        return document_date
    block = sentence_at(blocks, at)
    if block is not None and r.block_opening_year.match(text, block.start, at):
        return None
    before = [d for end, d in days if end <= at]
    after = [d for end, d in days if end > at]
    return before[-1] if before else (after[0] if after else None)


def _where_to_look(m: DateMatch, ctx: Context, document_date: Optional[date], r: MilestoneRules) -> tuple:
    """Which of (sentences, blocks) may give the year: with a document date only the
    sentence, and nothing for a point of "the year" or a sentence that says "this year"."""
    if document_date is None:
        return (0, 1)
    if m.form == "year_point" or r.this_year.search(ctx.sentence):
        return ()
    return (0,)


def resolve_yearless(
    text: str,
    spans: tuple[list[Span], list[Span]],
    m: DateMatch,
    ctx: Context,
    document_date: Optional[date],
    context_year: Optional[int],
    r: MilestoneRules,
    dr_rules: DateRules,
    joined: Optional[date] = None,
    repeats: Optional[date] = None,
) -> Optional[DateRange]:
    """The date range of an expression without a year, or None (see the module's head);
    ``joined`` is the day, written with its year, that the expression is joined to;
    ``repeats`` the one day of the same day and month the document writes with its year."""
    if joined is not None:  # "den 15. december og 10. januar 2025"
        dr = year_joined_to(m.read_as, joined, dr_rules)
        if dr is not None:
            return dr
    for i in _where_to_look(m, ctx, document_date, r):
        span = sentence_at(spans[i], m.start)
        year = _year_before(text, span.start, m.start, r) if span is not None else None
        if year:
            return parse_date_expression(m.read_as, dr_rules, year)
    label_year = _year_before(ctx.label, 0, len(ctx.label), r) if ctx.label else None
    if label_year:  # "I 2025 er fristerne:" over "• 4. februar": the year its label names
        return parse_date_expression(m.read_as, dr_rules, label_year)
    if repeats is not None:  # "senest den 1. september 2014", later "senest den 1. september!"
        return parse_date_expression(m.read_as, dr_rules, repeats.year)
    if document_date is None:
        return parse_date_expression(m.read_as, dr_rules, context_year) if context_year else None
    dr = parse_date_expression(m.read_as, dr_rules, document_date.year)
    if dr is None:
        return None
    future, past = r.future_tense.search(ctx.sentence), r.past_tense.search(ctx.sentence)
    third = third_end(m, dr, dr_rules)  # "sidst i juni" is read as the month; the third's own end decides
    end = third or dr.end
    passed = end < document_date or (
        third is None and dr.start + (dr.end - dr.start) / 2 < document_date and not r.ongoing.search(ctx.before)
    )
    just_passed = 0 < (document_date - end).days <= r.future_tense_grace_days  # told before the meeting
    if passed and future and not past and not just_passed and m.form != "year_point":
        return parse_date_expression(m.read_as, dr_rules, document_date.year + 1)
    keeps_year = m.form == "year_point" or r.this_year.search(ctx.sentence)
    soon_after = (dr.start - document_date).days <= r.past_tense_grace_days
    if dr.start > document_date and told_of_the_past(ctx, r) and not keeps_year and not soon_after:
        return parse_date_expression(m.read_as, dr_rules, document_date.year - 1)
    if keeps_year:
        return dr
    return _across_turn_of_year(m, dr, document_date, dr_rules, bool(past), bool(past and not future))


def _across_turn_of_year(
    m: DateMatch, dr: DateRange, document_date: date, dr_rules: DateRules, told: bool, gone: bool
) -> DateRange:
    """The reading in the year before or after, when it lies within ``turn_of_year_days`` of
    the document's date across the turn of the year and the document's year puts the date
    about a year away ("i uge 52" in an item of 5 January: the week just past) — back only
    when the sentence speaks of the past (``told``: a standing rule in the present, "Fristen
    er den 15. december", is this year's), not on when it speaks only of the past (``gone``).
    Both tests measure the edge nearest the document's date (the end of a period before it,
    the start of one after it), so a day and its month agree ("den 5. februar", "i februar")."""
    near = dr_rules.turn_of_year_days
    if near and told and (dr.end - document_date).days > 365 - near:
        before = year_before_within(m.read_as, document_date, dr_rules)
        if before is not None:
            return before
    if near and not gone and (document_date - dr.start).days > 365 - near:
        after = parse_date_expression(m.read_as, dr_rules, document_date.year + 1)
        if after is not None and 0 <= (after.start - document_date).days <= near:
            return after
    return dr


def after_previous_line(
    m: DateMatch, dr: DateRange, previous: DateRange, dr_rules: DateRules, in_order: bool = True
) -> DateRange:
    """A year-less line of a time plan right after another: a plan runs in date order, so it takes
    the first year that puts it on or after the line before ("14. december: …" then "9.-11. januar: …"
    is January of the next year); not ``in_order`` (days told of the past), the year before's."""
    year = previous.start.year
    again = parse_date_expression(m.read_as, dr_rules, year)
    if in_order and again is not None and again.end < previous.start:
        again = parse_date_expression(m.read_as, dr_rules, year + 1)
    return again or dr


def on_its_weekday(text: str, m: DateMatch, dr: DateRange, dr_rules: DateRules) -> DateRange:
    """A day read without its year whose weekday stands before it ("torsdag den 13. oktober",
    "mandag d. 11. oktober") falls on that weekday: when the year read puts it on another, the year
    before or after (or two before or after; of these four years one at most puts it there) that
    puts it there is taken instead ("Budgettet blev endeligt vedtaget i byrådet torsdag den 13.
    oktober" on a page of budget 2023: 2022, not 2021)."""
    if dr.precision != "day" or dr.start != dr.end:
        return dr
    named = dr_rules.weekday_before.search(text, max(0, m.start - 30), m.start)
    if named is None:
        return dr
    weekday = dr_rules.weekdays.index(named.group("weekday").lower())
    if dr.start.weekday() == weekday:
        return dr
    for year in (dr.start.year - 1, dr.start.year + 1, dr.start.year - 2, dr.start.year + 2):  # one fits at most
        other = parse_date_expression(m.read_as, dr_rules, year)
        if other is not None and other.start.weekday() == weekday:
            return other
    return dr


def in_span_of_years(text: str, y: re.Match) -> bool:
    # the span's joint ("2024-", "2024 – ") stands within 4 characters before the year
    return bool(YEAR_SPAN_NEXT.match(text, y.end()) or YEAR_SPAN_PREV.search(text, max(0, y.start() - 4), y.start()))


def year_candidates(
    text: str,
    dates: list[DateMatch],
    sentences: list[Span],
    amount_spans,
    dr_rules: DateRules,
    breaks: tuple = (),
    with_money: Optional[re.Pattern] = None,
) -> list[DateMatch]:
    """Bare years that may be milestones: outside every date expression and span of years,
    in a sentence without a sum of money; then the spans of whole years that may be. Two years
    in a row joined by a list separator ("i 2022 og 2023") are one record over both, a list as
    "oktober eller november" is, not a range; not where a rule of ``breaks`` finds the second
    year opening a clause of its own ("Forsøget starter i 2024 og 2025 skal det evalueres"). A year
    that ``with_money`` finds in the words before it in its sentence is one also beside a sum (the
    year a building shall be finished by, in the sentence of what it costs)."""
    out: list[DateMatch] = []
    spans = year_span_candidates(text, dates, sentences, amount_spans, dr_rules)
    years = [
        y
        for y in years_outside(text, dates)
        if not in_span_of_years(text, y) and not any(m.start <= y.start() < m.end for m in spans)
    ]
    for i, y in enumerate(years):
        if out and out[-1].end >= y.end():
            continue  # the second year of a pair already read
        sent = _sentence_without_money(sentences, y, amount_spans, text, with_money)
        if sent is None:
            continue
        nxt = years[i + 1] if i + 1 < len(years) else None
        pair = _year_pair(text, sent, y, nxt, dr_rules, breaks) if nxt is not None else None
        out.append(pair or DateMatch(y.start(), y.end(), y.group(), "year", False))
    return out + spans


def _sentence_without_money(
    sentences: list[Span], y: re.Match, amount_spans, text: str = "", with_money: Optional[re.Pattern] = None
) -> Optional[Span]:
    """The sentence a year (or span of years) stands in, None when it names a sum of money (the money's
    years), unless ``with_money`` finds the words before the year in it."""
    sent = sentence_at(sentences, y.start()) or Span(y.start(), y.end())
    if not any(sent.start <= a < sent.end for a, _ in amount_spans):
        return sent
    return sent if with_money is not None and with_money.search(text, sent.start, y.start()) else None


def year_span_candidates(
    text: str, dates: list[DateMatch], sentences: list[Span], amount_spans, dr_rules: DateRules
) -> list[DateMatch]:
    """Spans of whole years ("i perioden 2019-21", "for årene 2018-2020", "fra 2019 til 2021": a range
    word of ``dr_rules`` between them) that may be milestones: outside every date expression, in a
    sentence without a sum of money (the money's years)."""
    out = []
    found = sorted([*YEAR_SPAN.finditer(text), *dr_rules.year_range.finditer(text)], key=lambda y: y.start())
    for y in found:
        first, last = int(y.group(1)), int(y.group(2))
        last = last if last > 99 else first // 100 * 100 + last
        if not first < last <= first + YEAR_SPAN_MAX or any(d.start < y.end() and y.start() < d.end for d in dates):
            continue
        if _sentence_without_money(sentences, y, amount_spans) is not None:
            out.append(DateMatch(y.start(), y.end(), y.group(), "year_span", True, f"{first}-{last}"))
    return out


def read_range(m: DateMatch, dr_rules: DateRules) -> Optional[DateRange]:
    """The range a date expression or a candidate year means; a span of years from the first
    day of its first year to the last day of its last."""
    if m.form != "year_span":
        return parse_date_expression(m.read_as, dr_rules)
    first, last = (int(y) for y in m.read_as.split("-"))
    return DateRange(date(first, 1, 1), date(last, 12, 31), "year")


def is_bare_year(m: DateMatch) -> bool:
    return m.form in ("year", "year_span")


def _year_pair(
    text: str, sent: Span, y: re.Match, nxt: re.Match, dr_rules: DateRules, breaks: tuple
) -> Optional[DateMatch]:
    """A year and the next one joined by a list separator on one line as one record, or None:
    not a list of more ("2024, 2025 og 2026"), not two clauses."""
    dr = year_list(text[y.start() : nxt.end()], dr_rules)
    if (
        dr is None
        or "\n" in text[y.end() : nxt.start()]
        or re.search(r",\s*$", text[max(0, y.start() - 3) : y.start()])
    ):
        return None
    m = DateMatch(y.start(), nxt.end(), text[y.start() : nxt.end()], "year", False)
    line = line_of(text, y.start(), nxt.end())
    before = text[max(sent.start, line.start) : y.start()]
    after = text[nxt.end() : min(max(sent.end, nxt.end()), line.end)]
    ctx = Context(before, after, "", text[sent.start : sent.end], sent.start, sent.end)
    return None if any(holds(rule, ctx, m, dr) for rule in breaks) else m


def is_year_pair(m: DateMatch) -> bool:
    return m.form == "year" and m.end - m.start > 4


def year_kind(ctx: Context, m: DateMatch, dr: DateRange, r: MilestoneRules, dr_rules: DateRules) -> Optional[Rule]:
    """The kind rule of a bare year that is a milestone; None when it is none. Two years in a
    row are one only where their first year alone is (the pair widens a record, it never makes
    one), read where it stands with the rest of the pair after it; they keep its kind where its
    words give one ("afsluttet i 2025 og 2026" a deadline, "senest i 2027 eller 2028" too), else
    the pair's own ("i løbet af 2025 og 2026" a phase, "færdigt i 2026 eller 2027" an event)."""
    if not is_year_pair(m):
        return kind_of(ctx, m, dr, r) if is_year_item(ctx, m, dr, r) else None
    first = DateMatch(m.start, m.start + 4, m.text[:4], "year", False)
    one = parse_date_expression(first.read_as, dr_rules)
    # the first year's own place: the pair's, with the rest of the pair ("og 2026") after it
    rest = m.text[4:]
    alone = ctx.with_after(rest, r.near_after)
    if one is None or not is_year_item(alone, first, one, r):
        return None
    rule = kind_of(alone, first, one, r)
    if excluded_by(alone, first, one, rule.kind, r):
        return None
    return kind_of(ctx, m, dr, r) if rule.kind in ("event", "phase") else rule


def is_year_item(ctx: Context, m: DateMatch, dr: DateRange, r: MilestoneRules) -> Optional[str]:
    """The id of the year rule by which a bare year is a milestone, or None; a span of years
    only by a rule written for spans (``range: true``)."""
    return next((x.id for x in r.year_items if (x.range or not m.is_range) and holds(x, ctx, m, dr)), None)
