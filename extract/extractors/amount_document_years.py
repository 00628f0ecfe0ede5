"""The one year a document, its agenda items or its title give the amounts that name none.

A document naming one budget year in its running text ("i budget 2022 afsat 13 mio. kr.")
gives it to its sums (each agenda item its own, in minutes of several items); a title about
one year ("Budgetopfølgning 2 (2024)", "Klimapulje 2024"), a budget's title naming its
budget year ("Budget 2027 og Budgetoverslag 2028 - 2031") or its span ("Budget 2026-29"),
and a carry-over's title or heading (the year its money moves to) give theirs. The patterns
are in ``rules/amounts.yml``. Pure functions.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from extract.extractors.amount_periods import label_years, period_years
from extract.extractors.amount_rules import AmountRules
from extract.records import Section


def item_years(
    text: str, sections: Sequence[Section], r: AmountRules, date: Optional[str]
) -> list[tuple[int, int, Optional[tuple[int, int]]]]:
    """(start, end, one budget year) of each agenda item (a section of role ``punkt`` with
    the sections under it) of a document of several items; none for a single item."""
    ordered = sorted(sections, key=lambda s: s.char_start)
    items = [s for s in ordered if s.role == "punkt"]
    if len(items) < 2:
        return []
    out = []
    for item in items:
        end = next(
            (s.char_start for s in ordered if s.char_start > item.char_start and s.level <= item.level), len(text)
        )
        out.append((item.char_start, end, document_year(text[item.char_start : end], r, date)))
    return out


def document_year(text: str, r: AmountRules, date: Optional[str]) -> Optional[tuple[int, int]]:
    """The one budget year a document names ("i budget 2022 afsat 13 mio. kr."), when it
    names no other budget year and no budget of several years ("Budget 2023-26"), its
    running text names it (a heading or a list of items naming it is no guide), and that
    year has begun by the document's ``date`` (ISO): a later budget is where money is still
    to go ("De anlægsmidler der mangler vil således skulle indgå i budget 2027"), unless the
    words say it is adopted ("budgetvedtagelsen 2020" in December 2019: the coming year's) and
    the document is dated in the autumn it is adopted in (``adopted_from_month`` on). An
    undated document (a web page announcing a pool, a news article) takes the year only from
    such words in a sentence that states the agreement made (``made``): "med budgetaftalen for
    2022 afsat 800.000 kr." has given the money; "Forslaget kan indgå i budgetaftalen for 2027"
    has not; or from a report of the money as it stood on a day (``status``: "bevillingskontrollen
    pr. 30. juni 2020"), which is that day's year. A dated document naming no budget year but
    a follow-up by its day alone ("budgetopfølgning 30/6", "økonomiopfølgning pr. 1/10";
    ``status_day``) is about the year it is dated in: a follow-up reports on the running year."""
    matches = list(r.document_budget_year.finditer(text))
    found = {period_years(m) for m in matches}
    day = r.status_day.search(text) if not found and date and date[:4].isdigit() else None
    if day:  # "budgetopfølgning 30/6": the follow-up of the year it is made in (of a later month: the year before's)
        month = day.groupdict().get("month")
        year = int(date[:4]) - bool(month and int(month) > int(date[5:7] or 0))
        return year, year
    in_prose = any(_in_prose(text, m.start()) for m in matches)
    year = found.pop() if len(found) == 1 and in_prose else None
    if not year or year[0] != year[1]:
        return None
    said_adopted = any(m.groupdict().get("adopted") for m in matches)
    if not (date and date[:4].isdigit()):
        made = any(m.groupdict().get("adopted") and r.budget_made.search(_sentence_of(text, m)) for m in matches)
        status = any(m.groupdict().get("status") for m in matches)  # a report of the money as it stood on a day
        return (year[0], year[0]) if made or status else None
    month = int(date[5:7]) if date[5:7].isdigit() else 0
    adopted = month >= r.adopted_from_month and said_adopted
    return (year[0], year[0]) if year[0] <= int(date[:4]) + adopted else None


def _sentence_of(text: str, m: re.Match) -> str:
    """The sentence around a match: from the stop or line break before it to the one after."""
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


_HEADING_LINE_MAX = 80  # a shorter line not ending a sentence is a heading or a list's entry


def _in_prose(text: str, offset: int) -> bool:
    """Whether ``offset`` stands in a line of running text, not in a heading or an agenda's
    list of items (minutes of several items name other items' budgets: "11. Udmøntning af
    budget 2013 - udviklingspuljer")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end].strip()
    return len(line) > _HEADING_LINE_MAX or line.endswith((".", "!", "?", ":"))


def title_budget_span(title: Optional[str], r: AmountRules) -> Optional[tuple[int, int]]:
    """The years of the budget of several years a title names ("Budget 2026-29 - 1.
    behandling"), or of the budget a title names by its budget year alone ("Budgetforlig om
    kommunens budget 2020": that year and its later years): what "i alle budgetårene" means
    in its text; None for any other title or one naming several spans or years."""
    if not title or r.budget_span_titles is None or not r.budget_span_titles.search(title):
        return None
    years = label_years(title, r)
    if years and years[1] == years[0] and not title_budget_year(title, r):
        # a budget named by its budget year alone ("Budgetforlig om budget 2025"):
        # that year and the later years of its budget period
        return years[0], years[0] + r.later_years_count
    return (years[0], years[1]) if years and years[1] is not None and years[1] > years[0] else None


def title_year(title: Optional[str], r: AmountRules) -> Optional[tuple[int, int]]:
    """The one year the title of a document about one year names ("Budgetopfølgning 2
    (2024)", "Klimapulje 2024"): the year its amounts are for when nothing nearer says; a
    span of years ("Budget 2025-28") or several are no guide, nor the year of a plan. A
    carry-over item's span ("Drifts- og anlægsoverførsler 2023-2024") gives its last year,
    the budget the money moves to."""
    if not title:
        return None
    years = label_years(title, r) if r.title_year and r.title_year.search(title) else None
    if years and years[0] == years[1]:
        return years
    return carry_over_year(title, r)


def title_budget_year(title: Optional[str], r: AmountRules) -> Optional[tuple[int, int]]:
    """The budget year of a budget's title that names it apart from its later years
    ("Budgetforslag for 2023 og overslagsårene 2024-2026", "Budget 2024 og Budgetoverslag
    2025 - 2028"): the year of its sums that name none, not of its yearly sums (every year's)."""
    found = r.title_budget_year.search(title) if title else None
    return (int(found["from"]), int(found["from"])) if found else None


def carry_over_year(label: str, r: AmountRules) -> Optional[tuple[int, int]]:
    """The year a carry-over's title or heading moves its money to: the last of the span
    it names ("Drifts- og anlægsoverførsler 2023-2024", "Godkendelse af overførsel af
    drifts- og anlægsmidler fra 2022 til 2023"), or None."""
    if not (r.title_carry_over and r.title_carry_over.search(label)):
        return None
    spans = [period_years(m) for rule in r.heading_periods for m in rule.pattern.finditer(label)]
    ends = {b if b is not None else a for a, b in spans}
    if len(spans) == 1 and spans[0][1] != spans[0][0]:
        return spans[0][1], spans[0][1]
    if len(spans) == 2 and len(ends) == 2:  # "fra 2024 til 2025"
        return spans[1][1], spans[1][1]
    return None
