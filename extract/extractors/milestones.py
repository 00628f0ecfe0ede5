"""Milestones: one row per dated deadline, start, phase or event.

Principle (the same for every document): a date expression is a milestone when it
dates something that is done, decided, started, ended or due — in the plan or, in a
report, what already happened — and it names at least a month, a third (primo /
medio / ultimo), a season, a quarter, a half year or the end of a year
("udgangen af 2009"). We do not judge importance: every such dated happening is kept.

Not milestones (``rules/milestones.yml`` → ``exclusions``):

* bare years ("i 2013", "2013-16", "frem til og med 2010", "Integrationspolitik
  2019-22", "Budgetaftalen for 2013"): a bare year is a budget year, a name or a
  horizon, unless a year rule finds it planned ("i løbet af 2022", a plan's "i perioden 2019-21");
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
* a step the text says will not be taken then ("Der laves ikke et katalog i foråret");
* the dates of documents and citations: "statusrapport af 24. september 2012",
  "Høringssvar fra Ældrerådet af 12. marts 2024", "LBK nr. 1234 af 24/11/2023",
  "dateret 5. maj 2024", "(BIU 25.06.12, punkt 6)", the day the state passed or issued a
  law ("vedtog Folketinget den 21. december 2021 et lovforslag"), a date inside a quoted title or an
  attachment's title ("Bilag 3: …"), a letter's signature line, a web page's record
  ("Oprettet den …"), a policy's own adoption line ("Vedtaget af Byrådet den …"), a
  document the case encloses ("… den 30. maj 2024 er vedlagt");
* figures' dates: a caption ("Tabel 2: …, januar 2023 - april 2024"), a count or share
  right before the date ("1.180 i april 2016"), a date compared with ("56 færre end i
  februar"), the period a table or figure reports, a date of birth, a date that recurs
  "hvert år";
* a date tied to a money amount (the amount's period): only connecting words
  ("årligt i", "i drift i") lie between the amount and the date.

A date alone in a table's cell ("18. september<TAB>Frist for politiske ændringsforslag")
is read with its row: the row is its sentence for every rule and its quote.
A date that opens its line under a label line ending in a colon ("Ansøgningsfrist:", then
"• Den 1. maj 2024" and "• Den 1. oktober 2024") is read with that label (the condition
``label``): a deadline label makes each day of the list a deadline; a written range alone on
its line ("Anlægsperiode:", then "Primo marts til ultimo oktober 2025") is a period, never
the document's own date. In a table of dates copied as text, its two column headers over its cells
("Ansøgningsfrist" over "Til behandling i …udvalget" over "1. februar 8. marts", "1. maj", …),
each date is read with its column's header (``extract.extractors.milestone_labels``).

Kind (``kinds``): a written range (not one after "i løbet af", the time one thing happens
within), two periods joined by "og" ("marts og april 2025") and a season gone through
("hen over sommeren") are a ``phase``; "inden/senest/frem til/indtil/
…frist/udgangen af" make a ``deadline``; "fra/fra og med", and "pr." before a day,
a ``start``; otherwise an end verb (slutter, stopper …) near the date gives a
``deadline``, a start verb (igangsættes, påbegyndes, startes op, opstart …) a
``start``; the year of a target ("Det er målet, at … i 2024", "I 2030 skal 90 % …") a
``deadline``; anything else is an ``event`` — unless it is joined to the date read just
before it by the words of a list ("den 1. april og den 1. november"): then it has that
date's kind. "januar/februar 2013" is one event over
both months. Two consecutive days joined by "og" ("31. august og 1. september")
are one milestone from the first day to the second (one event lasting two days);
days further apart joined by "og" stay two milestones.

Missing year ("3. kvartal", "senest 31. december", "inden årets udgang"): from the sentence,
the block, else the document's own date and the sentence's tense — see
:mod:`extract.extractors.milestone_years`, which also decides when a bare year ("i løbet af
2022") is a milestone of precision ``year``. A date without a year followed by words naming the
year after ("senest den 1. april det efterfølgende år", ``year_after``) is put one year on; a
day told with its weekday ("torsdag den 13. oktober") falls on it. A pool's yearly rounds ("to
årlige ansøgningsrunder den 1. april og den 1. oktober", ``yearly_rounds``) on a page with no
date of its own keep no year. A page with no date of its own and no year written anywhere keeps
a deadline, start or phase without a year with no bounds (``date_start``/``date_end`` None:
"Ansøgningsfristen er 1. april" on a pool's page, the same day every year); an event there is
once, in a year the page does not give, and no milestone (the exclusion
``event_without_a_year``). The document's own date (``document_date``: its meeting date or date
line; when none is given, the meeting's date printed in a header near the top,
``meeting_header_*`` of the rules) is never a milestone of it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Optional

from extract.extractors.dates import DateMatch, DateRange, DateRules, find_date_expressions, parse_date_expression
from extract.extractors.milestone_labels import label_above
from extract.extractors.milestone_rules import Context, MilestoneRules, excluded_by, kind_of, load_rules, near_of
from extract.extractors.milestone_years import (
    after_previous_line,
    in_span_of_years,
    is_bare_year,
    names_a_period,
    on_its_weekday,
    read_range,
    reference_day,
    resolve_yearless,
    told_of_the_past,
    year_candidates,
    year_kind,
    years_outside,
)
from extract.records import Milestone
from extract.structure.sentences import Sentences, Span, line_above, line_of, sentence_at

__all__ = ["find_milestones", "load_rules"]

_WORD = re.compile(r"[^\W\d_]")
_NEXT_LINE = re.compile(r"(?<=\n)[ \t]*\S[^\n]*")  # the next line holding text
_ANY_YEAR = 2000  # a leap year: a date without bounds is read in it for its kind ("29. februar" too)


def _context(
    text: str,
    sentences: list[Span],
    m: DateMatch,
    prev_end: int,
    next_start: int,
    r: MilestoneRules,
    document_date: Optional[date] = None,
    dr=None,
) -> Context:
    first = sentence_at(sentences, m.start) or Span(m.start, m.end)
    last = sentence_at(sentences, m.end - 1) or first
    line = line_of(text, m.start, m.end)
    if not _WORD.search(text, first.start, m.start) and not _WORD.search(text, m.end, last.end):
        # a date alone in a table's cell ("18. september<TAB>Frist for …"): its row is its sentence
        first = last = line
    before = text[max(first.start, line.start) : m.start]
    after = text[m.end : min(last.end, line.end, max(next_start, m.end))]
    words_before = text[max(first.start, prev_end) : m.start].split()[-r.near_before :]
    words_after = text[m.end : min(last.end, max(next_start, m.end))].split()[: r.near_after]
    near = near_of(words_before, words_after)
    own = document_date is not None and dr is not None and dr.precision == "day" and dr.start == dr.end == document_date
    label = label_above(text, line, m, r)
    below = _NEXT_LINE.search(text, line.end)
    below_text = below.group() if below else ""
    sentence, whole = text[first.start : last.end], text[line.start : line.end]
    above = line_above(text, line.start)
    return Context(
        before,
        after,
        near,
        sentence,
        first.start,
        last.end,
        own,
        label,
        below_text,
        whole,
        above[1].strip() if above else "",
    )


def _tied_to_amount(text: str, m: DateMatch, amount_spans: list[tuple[int, int]], r: MilestoneRules) -> bool:
    for a, b in amount_spans:
        if a < m.end and m.start < b:
            return True
        if b <= m.start and m.start - b <= 80 and r.amount_link.fullmatch(text[b : m.start]):
            return True
    return False


def _milestone(text: str, m: DateMatch, ctx: Context, dr, rule_id: str, kind: str, no_year: bool) -> Milestone:
    return Milestone(
        text[ctx.quote_start : ctx.quote_end],
        m.text,
        None if no_year else dr.start.isoformat(),
        None if no_year else dr.end.isoformat(),
        dr.precision,
        kind,
        m.start,
        m.end,
        rule=rule_id,
    )


def _candidates(
    text: str,
    found: Sentences,
    amount_spans: list[tuple[int, int]],
    r: MilestoneRules,
    dr_rules: DateRules,
    document_date: Optional[date],
) -> list[Milestone]:
    sentences = found.spans
    dates = find_date_expressions(text, dr_rules)
    first = len(text) - len(text.lstrip())
    title_end = line_of(text, first, first).end  # the first line's year: "Budget 2013" names its year
    years = [
        y
        for y in years_outside(text, dates)
        if not in_span_of_years(text, y) and (y.start() < title_end or not names_a_period(text, y, r))
    ]
    context_year = int(years[0].group()) if years else None  # the page's first year of no budget's process
    days = _days_written(text, dates, dr_rules)
    bare_years = year_candidates(text, dates, sentences, amount_spans, dr_rules, r.year_pair_breaks, r.year_with_money)
    every = sorted(dates + bare_years, key=lambda d: d.start)
    out = []
    plan_above: Optional[tuple[int, DateRange]] = None  # the line of a time plan just read: its end, its dates
    for i, m in enumerate(every):
        prev_end = every[i - 1].end if i else 0
        next_start = every[i + 1].start if i + 1 < len(every) else len(text)
        dr = read_range(m, dr_rules)
        no_year = False
        ctx = _context(text, sentences, m, prev_end, next_start, r, document_date, dr)
        plan_line = bool(r.plan_line_before.search(ctx.before) and r.plan_line_after.search(ctx.after))
        line = line_of(text, m.start, m.end)
        follows_plan = plan_line and plan_above is not None and not text[plan_above[0] : line.start].strip()
        if dr is None:
            if m.form in ("month", "season", "period_list") and not (
                r.yearless_needs_before.search(ctx.before) or plan_line
            ):
                continue
            spans = (sentences, found.blocks)
            yearly = document_date is None and any(r.yearly_rounds.search(t) for t in (ctx.sentence, ctx.label))
            reference = None if yearly else reference_day(text, found.blocks, document_date, days, m.start, r)
            joined = _joined_day(text, every, i, r, dr_rules)
            repeats = _same_day_written(m, days, dr_rules) if document_date is None else None
            if not yearly:  # a yearly round's day on an undated page: no year to read (below)
                dr = resolve_yearless(text, spans, m, ctx, reference, context_year, r, dr_rules, joined, repeats)
            if dr is None and reference is None:  # no year to read it from: kept without bounds
                dr = parse_date_expression(m.read_as, dr_rules, _ANY_YEAR)
                no_year = dr is not None
            if dr is not None and r.year_after.match(text, m.end):  # "senest den 1. april det efterfølgende år"
                dr = parse_date_expression(m.read_as, dr_rules, dr.start.year + 1) or dr
            if dr is not None and follows_plan:
                dr = after_previous_line(m, dr, plan_above[1], dr_rules)
            elif dr is not None and (before_it := _joined_to_previous(text, out, m, r)) is not None:
                dr = after_previous_line(m, dr, before_it, dr_rules, in_order=not told_of_the_past(ctx, r))
            if dr is not None and not no_year:
                dr = on_its_weekday(text, m, dr, dr_rules)  # "torsdag den 13. oktober": the year it is a Thursday
            ctx = replace(
                _context(text, sentences, m, prev_end, next_start, r, document_date, dr), year_known=not no_year
            )
        if plan_line and dr is not None and not no_year:
            plan_above = (line.end, dr)
        # a span given to the day after a sum ("835.352 kr. i perioden 1. december 2023 til
        # 31. december 2024") is the project's period, a phase, not only the sum's years
        project_period = m.is_range and dr is not None and dr.precision == "day"
        if dr is None or (_tied_to_amount(text, m, amount_spans, r) and not project_period):
            continue
        kind_rule = year_kind(ctx, m, dr, r, dr_rules) if is_bare_year(m) else kind_of(ctx, m, dr, r)
        # the last kind, which has no condition, is what nothing else named: a date joined to the
        # one before by a list's words takes that one's kind instead
        if kind_rule is not None and kind_rule is r.kinds[-1] and (prev := _joined_milestone(text, out, m, r)):
            kind_rule = next((k for k in r.kinds if k.id == prev.rule), kind_rule)  # "1. april og 1. november"
        if kind_rule is None or excluded_by(ctx, m, dr, kind_rule.kind, r):
            continue
        out.append(_milestone(text, m, ctx, dr, kind_rule.id, kind_rule.kind, no_year))
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
            and prev.date_start is not None
            and ms.date_start is not None
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
    text: str,
    sentences: Sentences,
    amount_spans: list[tuple[int, int]],
    r: MilestoneRules,
    dates: DateRules,
    document_date: Optional[str] = None,
) -> list[Milestone]:
    """Every milestone in ``text``, in document order (section_position and page left None).

    ``document_date`` (ISO) is the document's own date: year-less dates are read from it,
    and it is never a milestone of its document, nor is the meeting's day in the page's first line."""
    header, day = _meeting_header_date(text, r, dates)
    own = _iso_date(document_date) or day
    found = _candidates(text, sentences, amount_spans, r, dates, own)
    first = len(text) - len(text.lstrip())
    title_line = line_of(text, first, first)
    if (not own or own == day) and header is not None and header < title_line.end:
        found = [f for f in found if f.char_start != header]  # the title's meeting day, its year unwritten too
    return _join_consecutive_days(text, sentences.spans, found, dates.day_joiner)


def _meeting_header_date(text: str, r: MilestoneRules, dr_rules: DateRules) -> tuple[Optional[int], Optional[date]]:
    """Where the day of the first meeting header near the top stands ("Referat • 14. oktober 2025
    kl. 16.30", "Møde i kommunalbestyrelsen den 26. maj"), and that day when its year is written."""
    for m in find_date_expressions(text[: r.meeting_header_max_offset], dr_rules):
        line = line_of(text, m.start, m.end)
        if r.meeting_header_before.search(text[line.start : m.start]) and r.meeting_header_after.search(
            text[m.end : line.end]
        ):
            dr = parse_date_expression(m.read_as, dr_rules)
            day = dr.start if dr is not None and dr.precision == "day" and dr.start == dr.end else None
            return m.start, day
    return None, None


def _joined_to_previous(text: str, out: list[Milestone], m: DateMatch, r: MilestoneRules) -> Optional[DateRange]:
    """The day of the milestone just read when the year-less date ``m`` is joined to it ("1.
    november og 1. marts"): a list of days to come runs in date order, so ``m`` falls on or after
    it; told of the past, ``m`` keeps its year ("den 12. marts 2025 og den 4. februar")."""
    prev = _joined_milestone(text, out, m, r)
    if prev is None or prev.date_start is None or prev.precision != "day":
        return None
    return DateRange(date.fromisoformat(prev.date_start), date.fromisoformat(prev.date_end), "day")


def _joined_milestone(text: str, out: list[Milestone], m: DateMatch, r: MilestoneRules) -> Optional[Milestone]:
    """The milestone just read when the date ``m`` is joined to it by the words of a list
    (``year_from_joined_date``: "den 1. april og den 1. november")."""
    prev = out[-1] if out else None
    return prev if prev is not None and r.year_from_joined_date.search(text[prev.char_end : m.start]) else None


def _joined_day(text: str, every: list[DateMatch], i: int, r: MilestoneRules, dr_rules: DateRules) -> Optional[date]:
    """The day, written with its year, that the date expression ``every[i]`` is joined to by
    the words between them (``year_from_joined_date``: "1. april og 1. september 2019")."""
    if i + 1 >= len(every) or not r.year_from_joined_date.search(text[every[i].end : every[i + 1].start]):
        return None
    dr = parse_date_expression(every[i + 1].read_as, dr_rules)
    return dr.start if dr is not None and dr.precision == "day" and dr.start == dr.end else None


def _days_written(text: str, dates: list[DateMatch], dr_rules: DateRules) -> list[tuple[int, date]]:
    """The days and months written with their year, each with where it ends (a month as
    its last day: "I marts 2021 blev der forelagt …" reports March); a span as its first day
    (a page naming a period of activities to come, "i perioden november til og med februar
    2026", is written before it starts: a deadline "senest den 20. november" is that November's)."""
    out = []
    for m in dates:
        dr = parse_date_expression(m.read_as, dr_rules)
        if dr is not None and dr.precision in ("day", "month"):
            out.append((m.end, dr.start if m.is_range else dr.end))
    return out


def _same_day_written(m: DateMatch, days: list[tuple[int, date]], dr_rules: DateRules) -> Optional[date]:
    """The day a year-less day of an undated document repeats: the one day of the same day
    and month the document writes with its year ("senest den 3. oktober 2016 kl. 12", later
    "senest den 1. september!"); None when it writes none, or that day of several years (a
    dated document reads it from its own date)."""
    if m.form not in ("day_month", "bare_day"):
        return None
    probe = parse_date_expression(m.read_as, dr_rules, 2000)
    if probe is None or probe.precision != "day":
        return None
    same = {d for _, d in days if (d.month, d.day) == (probe.start.month, probe.start.day)}
    return same.pop() if len(same) == 1 else None


def _iso_date(iso: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(iso) if iso else None
    except (TypeError, ValueError):
        return None
