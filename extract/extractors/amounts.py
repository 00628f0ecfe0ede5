"""Money amounts: every kroner figure, normalised to kroner, with its years and budget kind.

The figures come from ``amount_mentions`` (written out) and the table readers
(``amount_tables``, ``amount_flat_tables``: cells whose unit the caption or header gives).

Each amount's years, ``per_year`` and ``kind`` come from the words tied to it: the
first time expression after it in its clause (up to the next amount), else the
last one just before it; amounts joined by "og" share what only one of them says.
All patterns are in ``rules/amounts.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from extract.extractors.amount_document_years import document_year, item_years, title_budget_span, title_year
from extract.extractors.amount_flat_tables import flat_tables
from extract.extractors.amount_frames import (
    Headings,
    document_frame,
    frame_after,
    frame_before,
    frame_in_label,
    leading_frame,
)
from extract.extractors.amount_mentions import (
    _Mention,
    _overlaps,
    find_mentions,
    parse_danish_amount,
    parse_danish_amount_strict,
)
from extract.extractors.amount_neighbours import (
    NEIGHBOUR_RULE,
    SubHeadings,
    carried_over,
    lead_in_frame,
    lead_in_years,
    neighbour_scaled,
    restated_years,
)
from extract.extractors.amount_periods import (
    first_period,
    label_years,
    labelled_year,
    last_period,
    later_years,
    respective_years,
)
from extract.extractors.amount_rules import AmountRules, load_rules
from extract.extractors.amount_tables import (
    CAPTION_MAX,
    cell_amount,
    clean_value,
    column_header,
    table_amounts,
    table_caption,
    table_lead_frame,
)
from extract.records import Amount, Section
from extract.structure.sentences import Span, sentence_at

__all__ = [
    "AmountRules",
    "find_amounts",
    "find_mentions",
    "load_rules",
    "parse_danish_amount",
    "parse_danish_amount_strict",
]


@dataclass
class _Ties:
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    per_year: bool = False
    kind: Optional[str] = None
    has_years: bool = False
    runs_on: bool = False  # its period runs on in words ("i 2026 og frem"): a sum every year
    yearly_noun: bool = False  # yearly by a noun of its own before it ("en årlig besparelse på"): not shared
    total: bool = False  # a total by the words before it ("for i alt 13,2 mio. kr."): no sum of each listed year
    joined: bool = False  # its clause joins two frames ("samlet for drift og anlæg"): no kind, none from further off

    def settled(self) -> bool:
        """Whether its kind is decided: a frame, or two joined (then none)."""
        return self.kind is not None or self.joined


def find_amounts(
    text: str,
    sentences: list[Span],
    r: AmountRules,
    sections: Sequence[Section] = (),
    title: Optional[str] = None,
    date: Optional[str] = None,
) -> list[Amount]:
    """Every sum of money in ``text`` with its years, per-year flag, kind and sentence:
    those written out, then the cells of tables whose unit the caption or header gives.
    What an amount's own words leave open, the frame and years of its clause, table row
    and headings (``sections``) fill in, then the one year the document's ``title`` names, and
    last the one budget year, not after its ``date`` (ISO), that the document names."""
    if date and date[:4].isdigit():  # "i år", "næste år" are years of the document's date
        r = replace(r, this_year=int(date[:4]))
    if budget_span := title_budget_span(title, r):  # "i alle budgetårene": the years of the budget its title names
        r = replace(r, budget_span=budget_span)
    items = item_years(text, sections, r, date)
    headings = Headings(sections, title, document_frame(text, r), document_year(text, r, date), items)
    subheadings = SubHeadings(text, r)
    out: list[Amount] = []
    mentions = [
        m for m in find_mentions(text, r) if m.value or not _in_cell(text, m.start)
    ]  # "0 kr." cells state no sum
    spans = [(m.start, m.end) for m in mentions]
    mentions += [_Mention(a, b, v, NEIGHBOUR_RULE) for a, b, v in neighbour_scaled(text, sentences, spans, r)]
    mentions.sort(key=lambda m: m.start)
    opened: tuple[int, Optional[str]] = (-1, None)  # (end, frame) of the sentences a frame opens, so far
    for sent, items in _by_sentence(mentions, sentences, text):
        ties = [_own_ties(text, sent, items, i, r) for i in range(len(items))]
        lead, opened = leading_frame(text, sent, opened, r)
        for i, t in enumerate(ties):
            if not t.settled():
                t.kind, t.joined = _frame_near(text, sent, items, i, r)
                t.kind = t.kind or (None if t.joined else lead)
        places = [(m.start, m.end) for m in items]
        years = [(t.year_from, t.year_to) if t.has_years else None for t in ties]
        for i, found in later_years(text, places, years, r).items():
            ties[i].year_from, ties[i].year_to, ties[i].runs_on, ties[i].has_years = (*found, True)
        _share_between_coordinated(text, items, ties, r)
        _apply_leading_period(text, sent.start, items[0].start, ties, r)
        shared = [(t.year_from, t.year_to) if t.has_years else None for t in ties]  # after the sharing
        for i, (first, last) in respective_years(text, places, shared, r).items():
            ties[i].year_from, ties[i].year_to = first, last  # "hhv. 6, 1,5 og 2 mio. kr. i 2019-21"
        before = [(a.char_start, (a.year_from, a.year_to) if a.year_from else None, a.kind) for a in out[-20:]]
        carried_years, carried_kind = carried_over(text, sent, sentences, before, r)
        if carried_years and _names_other_year(text, sent, carried_years, r):  # "… overført til 2023"
            carried_years = None
        for m, t in zip(items, ties):
            kind = None  # two frames joined in its clause: neither, nor a frame from further off
            if not t.joined:
                kind = (
                    t.kind
                    or carried_kind
                    or lead_in_frame(text, m.start, r)
                    or subheadings.frame(m.start, headings.section_start(m.start))
                    or headings.kind(m.start, r)
                )
            years = (
                (t.year_from, t.year_to)
                if t.has_years
                else _cell_years(text, m, r)
                or carried_years
                or lead_in_years(text, m.start, r)
                or _heading_years(text, sent, m, headings, r, t.per_year or t.runs_on)
            )
            out.append(
                Amount(
                    quote=text[m.start : m.end],
                    value_dkk=None if m.currency else clean_value(m.value),
                    char_start=m.start,
                    char_end=m.end,
                    sentence=text[sent.start : sent.end],
                    year_from=years[0],
                    year_to=years[1],
                    per_year=t.per_year or (t.runs_on and not (t.total and years[1] is not None)),
                    kind=kind,
                    rule=m.rule,
                    currency=m.currency or "DKK",
                )
            )
    restated_years(text, out, r)
    taken = [(a.char_start, a.char_end) for a in out]
    cells: list = []
    for c in table_amounts(text, r) + flat_tables(text, r):
        if not _overlaps((c.start, c.end), taken):
            taken.append((c.start, c.end))
            cells.append(c)
    # the frame the lines above a table name (its lead-in, else its sub-heading): once a table
    above = {
        s: table_lead_frame(text, s, r) or subheadings.frame(s, headings.section_start(s))
        for s in {c.table_start for c in cells}
    }
    out += [cell_amount(text, c, headings, r, above[c.table_start]) for c in cells]
    return sorted(out, key=lambda a: a.char_start)


_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")


def _heading_years(
    text: str, sent: Span, m: _Mention, headings: Headings, r: AmountRules, yearly: bool = False
) -> tuple[Optional[int], Optional[int]]:
    """The years of the headings above an amount, unless its sentence names another year
    (then the heading is no guide: "aftalt i Budget 2016, … 120 mio. kr."); a sentence
    naming only the heading's one year agrees with it ("… udfordring på 28,2 mio. kr. i
    2023, … mindreforbrug på 8,7 mio. kr." under "Budgetopfølgning 0 for 2023"). The year
    of a date ("pr. 31. juli 2024") says when, not which year's money, and is no such year."""
    # a yearly sum asks only whether its sentence looks ahead, any other only whether it is the whole period's
    ahead = yearly and bool(r.yearly_ahead.search(text, sent.start, sent.end))
    whole = not yearly and bool(r.whole_period.search(text, sent.start, sent.end))
    years = headings.years(m.start, r, yearly, whole, ahead) or (None, None)
    report = not headings.path_years(m.start, r) and years == title_year(headings.title, r)
    return (None, None) if _names_other_year(text, sent, years, r, later_too=not report) else years


def _names_other_year(text: str, sent: Span, years: tuple, r: AmountRules, later_too: bool = True) -> bool:
    """Whether the sentence names a year other than the one ``years`` names (the year of a
    date says when, not which year's money, and the year money came from, "overførsler fra
    2024", is no year of the sum: neither counts). Without ``later_too``, a
    later year does not count either: in the report on one year (an account, a follow-up:
    ``title_year``), a later year is where its money goes next ("mindreforbrug på 56,0 mio.
    kr., hvor størstedelen overføres til 2025"), while its figures are the report's year's;
    an earlier one ("i løbet af 2022") may be the sentence's own year and still counts."""
    dates = [d.span() for d in r.dated_year.finditer(text, sent.start, sent.end)]
    dates += [o.span() for o in r.origin_year.finditer(text, sent.start, sent.end)]  # where money came from
    for y in _YEAR.finditer(text, sent.start, sent.end):
        year = int(y.group())
        if any(a <= y.start() < b for a, b in dates) or (year, year) == years:
            continue
        if later_too or years[0] is None or year < years[0]:
            return True
    return False


def _cell_years(text: str, m: _Mention, r: AmountRules) -> Optional[tuple[Optional[int], Optional[int]]]:
    """The years of an amount written in a table's cell ("8.820 kr." under "2025 (fra 1.
    juli)"): its column's header, else the table's caption ("Udgifterne for 2021 er
    nærmere specificeret herunder:"), when it is a caption and no paragraph."""
    header = column_header(text, m.start)
    caption = table_caption(text, m.start)
    return (label_years(header, r) if header else None) or (
        label_years(caption, r) if len(caption) <= CAPTION_MAX else None
    )


def _frame_near(text: str, sent: Span, items: list[_Mention], i: int, r: AmountRules) -> tuple[Optional[str], bool]:
    """The frame named right after the amount, else last before it in its clause (not in
    the rows of a table its sentence runs on from), else by the label cell of its table row;
    and whether its clause names two frames joined and no other (then no frame)."""
    m = items[i]
    # the window ends with a word, not inside one ("… vedrørende mindreforbrug på overførselsudgifter")
    after_end = min(items[i + 1].start if i + 1 < len(items) else sent.end, _word_end(text, m.end + r.per_year_window))
    after_end = _clause_end(text, m.end, after_end, i + 1 < len(items), r)
    before_start = items[i - 1].end if i > 0 else sent.start
    row_end = text.rfind("|\n", before_start, m.start)  # a sentence run on from a table's rows
    before_start = before_start if row_end < 0 else row_end + 2
    line_start = text.rfind("\n", 0, m.start) + 1
    tab = text.find("\t", line_start, m.start)
    row_label = text[line_start:tab] if tab >= 0 else ""
    after, before = text[m.end : after_end], text[before_start : m.start]
    kind = frame_after(after, r) or frame_before(before, r) or frame_in_label(row_label, r)
    # "samlet for drift og anlæg er et overskud på …": neither, nor a frame from further off
    joined = kind is None and bool(r.frames_joined.search(after) or r.frames_joined.search(before))
    return kind, joined


def _word_end(text: str, offset: int) -> int:
    """``offset``, or the end of the word it falls inside."""
    while 0 < offset < len(text) and text[offset - 1].isalnum() and text[offset].isalnum():
        offset += 1
    return offset


def _by_sentence(mentions: list[_Mention], sentences: list[Span], text: str) -> list[tuple[Span, list[_Mention]]]:
    groups: list[tuple[Span, list[_Mention]]] = []
    for m in mentions:
        line = _line_at(text, m.start)
        sent = sentence_at(sentences, m.start) or line
        if "\t" in text[line.start : line.end]:  # a table's cell: its sentence ends with the cell
            cell_start = max(line.start, text.rfind("\t", line.start, m.start) + 1)
            tab = text.find("\t", m.end, line.end)
            cell_end = line.end if tab < 0 else tab
            sent = Span(max(sent.start, cell_start), min(sent.end, cell_end))
        if sent.end < m.end:
            sent = Span(sent.start, m.end)
        if groups and groups[-1][0] == sent:
            groups[-1][1].append(m)
        else:
            groups.append((sent, [m]))
    return groups


def _in_cell(text: str, offset: int) -> bool:
    line = _line_at(text, offset)
    return "\t" in text[line.start : line.end]


def _line_at(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return Span(start, len(text) if end == -1 else end)


def _own_ties(text: str, sent: Span, items: list[_Mention], i: int, r: AmountRules) -> _Ties:
    m = items[i]
    after_end = min(items[i + 1].start if i + 1 < len(items) else sent.end, m.end + r.window_after)
    if i + 1 < len(items):  # "1,8 mio. kr., og i 2024 … 2,1 mio. kr.": the year past a new clause is the next one's
        cut = r.period_break.search(text, m.end, after_end)
        after_end = cut.start() if cut else after_end
    before_start = max(items[i - 1].end if i > 0 else sent.start, m.start - r.window_before)
    after, before = text[m.end : after_end], text[before_start : m.start]
    ties = _Ties()
    if labelled := labelled_year(text, before_start, m.start, r):  # "… 2026: 58,0 mio. kr.": the year it labels
        period = labelled
    elif _in_brackets(text, m):  # "helhedsplan for 2017-2021 (538.777 kr.)": what it sizes stands before it
        period = last_period(text, before_start, m.start, r) or first_period(text, m.end, after_end, r)
    else:
        period = first_period(text, m.end, after_end, r) or last_period(text, before_start, m.start, r)
    if period:
        ties.year_from, ties.year_to, ties.runs_on = period
        ties.has_years = True
        # a start year right after the amount: a yearly sum from then on ("stigende til 775 mio. kr. fra 2024")
        at = m.end + len(after) - len(after.lstrip())
        ties.runs_on = ties.runs_on or (ties.year_to is None and first_period(text, at, after_end, r, at) is not None)
    near_end = _clause_end(text, m.end, m.end + len(after[: r.per_year_window]), i + 1 < len(items), r)
    near_after = text[m.end : near_end]
    noun = r.per_year_noun.search(near_after)  # "… vil medføre en årlig besparelse på …": another sum's
    near_after = near_after[: noun.start()] if noun else near_after
    own_rate = r.per_other_period.match(near_after)  # "64.000 kr. om måneden": a month's sum, not a year's
    ties.yearly_noun = bool(r.per_year_noun_before.search(before))
    yearly_before = r.per_year.search(before[-30:]) or ties.yearly_noun
    ties.per_year = not own_rate and bool(r.per_year.search(near_after) or yearly_before)
    ties.kind, ties.joined = _kind(after, before, r)
    ties.total = bool(r.total_before.search(before) or r.total_after.match(near_after))
    return ties


def _in_brackets(text: str, m: _Mention) -> bool:
    return text[: m.start].rstrip().endswith("(") and text[m.end :].lstrip().startswith(")")


def _clause_end(text: str, start: int, end: int, more: bool, r: AmountRules) -> int:
    """Where the words that belong to an amount end: with another amount after it in its
    sentence, at the first clause break ("," "og" "mens"): what follows it belongs to the
    next amount ("750 mio. kr. i 2023 og en årlig besparelse på 1,1 mia. kr.")."""
    if not more:
        return end
    cut = r.clause_break.search(text, start, end)
    return cut.start() if cut else end


def _kind(after: str, before: str, r: AmountRules) -> tuple[Optional[str], bool]:
    """The frame the words right around an amount name ("2 mio. kr. til drift"), and whether
    that frame is one of two joined or of a list of the budget's parts ("til drift, anlæg og
    finansiering"): then none, and none from further off."""
    for rule in r.kinds:
        words = after if rule.pattern.pattern.startswith("^") else before
        m = rule.pattern.search(words)
        if m:
            at = m.start("kind")
            if any(j.start() <= at < j.end() for j in r.frames_joined.finditer(words)):
                return None, True
            return m.group("kind").lower(), False
    return None, False


def _apply_leading_period(text: str, start: int, end: int, ties: list[_Ties], r: AmountRules) -> None:
    """A period that opens the sentence ("I 2007 er udmeldt … 14,530 mill. kr.") covers
    every amount in it that has no years of its own."""
    period = last_period(text, start, end, r)
    if not period:
        return
    for t in ties:
        if not t.has_years:
            t.year_from, t.year_to, t.runs_on, t.has_years = period[0], period[1], period[2], True


def _share_between_coordinated(text: str, items: list[_Mention], ties: list[_Ties], r: AmountRules) -> None:
    """Amounts joined by "og" share years (with their per-year flag) and kind."""
    for _ in range(len(items)):  # a list passes what one amount says along to the others
        for i in range(len(items) - 1):
            if not r.coordination.search(text[items[i].end : items[i + 1].start]):
                continue
            for a, b in ((i, i + 1), (i + 1, i)):
                if not ties[a].has_years and ties[b].has_years:
                    ties[a] = replace(
                        ties[a],
                        year_from=ties[b].year_from,
                        year_to=ties[b].year_to,
                        runs_on=ties[b].runs_on,
                        per_year=ties[a].per_year or (ties[b].per_year and not ties[b].yearly_noun),
                        has_years=True,
                    )
                if (
                    not ties[a].has_years
                    and not ties[b].has_years
                    and b > a
                    and ties[b].per_year
                    and not ties[b].yearly_noun
                ):
                    ties[a].per_year = True
                if not ties[a].settled() and ties[b].settled():
                    ties[a].kind, ties[a].joined = ties[b].kind, ties[b].joined
