"""The years the words around an amount give it.

A sentence's time expressions (``periods``: "i 2023 og frem", "i perioden 2025-2027",
"i 2017 og overslagsårene") give the years of the amounts next to them, and the budget's
later years named after a sum ("ud i overslagsårene") run on from those of the sum before
it. A heading or caption with one year or span ("Afsat i 2015", "Budget 2024-27") gives
its amounts without years of their own those years. The patterns are in
``rules/amounts.yml`` (``periods``, ``heading_periods``). Pure functions.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.extractors.amount_rules import AmountRules


def later_years(
    text: str, spans: list[tuple[int, int]], years: list[Optional[tuple[int, Optional[int]]]], r: AmountRules
) -> dict[int, _Period]:
    """The budget's later years named right after the amounts of a sentence (``spans``,
    with their own ``years`` or None): "2,9 mio. kr. i 2022 og 3,1 mio. kr. ud i
    overslagsårene" gives the second amount the years after those of the amount before it,
    running on for "ud i", else over the rule's ``years``; a range's lower bound takes them
    from its upper ("mellem 50,0 og 79,4 mio. kr. i overslagsårene")."""
    out: dict[int, _Period] = {}
    for i in range(1, len(spans)):
        before = [j for j in range(i) if j not in out and years[j]]
        end = spans[i][1]
        if i + 1 < len(spans) and r.later_years_range.match(text[spans[i][1] : spans[i + 1][0]]):
            end = spans[i + 1][1]
        m = r.later_years.match(text, end)
        if before and m:
            base = years[before[-1]]
            first = (base[1] or base[0]) + 1
            runs_on = m.groupdict().get("open") is not None
            out[i] = (first, None if runs_on else first + r.later_years_count - 1, runs_on)
    return out


def respective_years(
    text: str, spans: list[tuple[int, int]], years: list[Optional[tuple[int, Optional[int]]]], r: AmountRules
) -> dict[int, tuple[int, int]]:
    """Each sum of a list "henholdsvis" the year of its place in the span all of them were given
    ("hhv. 6, 1,5, 2 og 3 mio. kr. i 2019-22": 2019, 2020, 2021, 2022), when the list holds as
    many sums as the span has years; the list's sums joined by ``coordination``."""
    out: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and r.coordination.search(text[spans[j][1] : spans[j + 1][0]]):
            j += 1
        span = years[i]
        lead = r.respective.search(text[max(0, spans[i][0] - 20) : spans[i][0]])
        same = span is not None and span[1] is not None and all(years[k] == span for k in range(i, j + 1))
        if lead and j > i and same and span[1] - span[0] == j - i:
            out.update({k: (span[0] + k - i, span[0] + k - i) for k in range(i, j + 1)})
        i = j + 1
    return out


def labelled_year(text: str, start: int, end: int, r: AmountRules) -> Optional[_Period]:
    """The year a label right before the amount at ``end`` names ("2027: 352.930 kr.", also
    inside a line a PDF's text runs together: "… i overskud 2026: 58,0 mio. kr. …";
    ``year_label``), looked for in text[start:end]; not the year of a date ("den 3. maj 2024:").
    A label is the amount's own: it goes before a year written after it. A line labelled by its
    year ("- Budget 2026: -6,4 mio. kr. netto (brutto 7,9 mio. kr.)"; ``year_entry``) gives it to
    each sum on the line, when the line names no other years."""
    m = r.year_label.search(text, start, end)
    if m is None:
        line_end = text.find("\n", end)
        m = r.year_entry.match(text, text.rfind("\n", 0, end) + 1, end)
        if m is None or _period_hits(text, m.end(), len(text) if line_end < 0 else line_end, r):
            return None
    if any(
        d.start() <= m.start("from") < d.end() for d in r.dated_year.finditer(text, max(0, m.start() - 20), m.end())
    ):
        return None
    return int(m["from"]), int(m["from"]), False


def period_years(m: re.Match) -> tuple[int, Optional[int]]:
    """The years a period rule's match names: groups ``from``, ``to`` (2 or 4 digits:
    "2024-27") and ``open`` (the period runs on: no end year)."""
    start = int(m.group("from"))
    groups = m.groupdict()
    if groups.get("open") is not None:  # "og frem", or a rule whose period runs on by itself
        return start, None
    to = groups.get("to")
    if not to:
        return start, start
    end = int(to) if len(to) == 4 else (start // 100) * 100 + int(to)
    return start, end if end >= start else start


_NUMBER = re.compile(r"\d+")


def _period(m: re.Match, each_year: bool = False) -> tuple[int, Optional[int], bool]:
    """The years of a period rule's match, and whether words say it runs on ("og frem",
    "ud i overslagsårene") or name each year ("i årene 2024, 2025 og 2026": a sum each
    year, when they run without a gap); "fra 2023" alone may be a start or where money came from ("overført
    merforbrug fra 2023"), so it makes no yearly sum."""
    start, end = period_years(m)
    if each_year:  # a list with a gap ("i årene 2024 og 2026") names no sum for the years between
        listed = [int(y) for y in _NUMBER.findall(m.group(0))]
        each_year = listed == list(range(listed[0], listed[0] + len(listed))) if listed else False
    return start, end, each_year or (end is None and bool(m.groupdict().get("open")))


def _budget_period(m: re.Match, r: AmountRules) -> tuple[int, Optional[int], bool]:
    """A year and the budget's later years ("260.000 kr. i 2021 og overslagsårene"): that
    year and the ``later_years_count`` after it, the same sum in each."""
    start = int(m.group("from"))
    return start, start + r.later_years_count, True


_Period = tuple[int, Optional[int], bool]  # first year, last year (None: runs on), says it runs on


def _period_hits(text: str, start: int, end: int, r: AmountRules) -> list[tuple[int, int, _Period]]:
    """(start, end, period) of every time expression in text[start:end]: the years written
    out, and, when the document's year is known (``r.this_year``), those named relative to
    it ("i indeværende år", "næste år")."""
    hits = [
        (m.start(), m.end(), _budget_period(m, r) if rule.budget_period else _period(m, rule.each_year))
        for rule in r.periods
        for m in rule.pattern.finditer(text, start, end)
    ]
    if r.budget_span is not None and r.budget_span_words is not None:
        a, b = r.budget_span
        hits += [(m.start(), m.end(), (a, b, False)) for m in r.budget_span_words.finditer(text, start, end)]
    if r.this_year is not None:
        for rel in r.relative_periods:
            year = r.this_year + rel.offset
            hits += [(m.start(), m.end(), (year, year, False)) for m in rel.pattern.finditer(text, start, end)]
    # the year money came from ("overførsler fra 2024 på …") is no period of it
    origins = [o.span() for o in r.origin_year.finditer(text, max(0, start - 40), end)]
    return [h for h in hits if not any(a <= h[0] < b for a, b in origins)]


def first_period(
    text: str, start: int, end: int, r: AmountRules, at: Optional[int] = None
) -> Optional[tuple[int, Optional[int], bool]]:
    """The first time expression in text[start:end] (one starting at ``at`` when given);
    the words before ``start`` still count for what a rule looks back at ("Budgetaftalen
    for 2013" is no period)."""
    hits = [(a, -b, p) for a, b, p in _period_hits(text, start, end, r) if at is None or a == at]
    return min(hits, key=lambda h: h[:2])[2] if hits else None


def last_period(text: str, start: int, end: int, r: AmountRules) -> Optional[tuple[int, Optional[int], bool]]:
    """The last time expression in text[start:end]."""
    hits = [(b, -a, p) for a, b, p in _period_hits(text, start, end, r)]
    return max(hits, key=lambda h: h[:2])[2] if hits else None


def label_years(s: str, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
    """The one year or span a heading or caption names, or None (none, or several)."""
    found = {period_years(m) for rule in r.heading_periods for m in rule.pattern.finditer(s)}
    return found.pop() if len(found) == 1 else None


def row_label_years(label: str, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
    """The one year or span a table row's label names as its own ("Ramme for 2024"), or None:
    none when the label names the year its money came from ("Overført fra 2023")."""
    return None if r.label_source_year.search(label) else label_years(label, r)


_SENTENCE_END = re.compile(r"(?<=[.:!?])\s+(?=\S)")


def caption_years(caption: str, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
    """The years of the line above a table: its one year or span, else, for a paragraph,
    those of its last sentence that names a year ("… opgjort resultatet samlet for årene
    2021-24. Det ser sådan ud:")."""
    years = label_years(caption, r)
    if years:
        return years
    for sentence in reversed(_SENTENCE_END.split(caption)):
        if any(rule.pattern.search(sentence) for rule in r.heading_periods):
            return label_years(sentence, r)
    return None
