"""The label a date is listed under: a line naming what the days of a list or a table date
("Ansøgningsfrist:" over "• Den 1. maj 2024" and "• Den 1. oktober 2024"), read by the rule
condition ``label`` (``extract.extractors.milestones``).

A table of dates copied as text puts its column headers on lines of their own over the cells, and
the cells row by row: "Ansøgningsfrist" over "Til behandling i udvalget" over "1. februar 8. marts",
"1. maj", "7. juni" … A date in such a table is labelled by its column's header: the cells before it
in the table, counted, give its column."""

from __future__ import annotations

from typing import Optional

from extract.extractors.dates import DateMatch
from extract.extractors.milestone_rules import MilestoneRules
from extract.structure.headings import line_at, next_line_start
from extract.structure.sentences import Span
from extract.structure.titles import BULLETS


def label_above(text: str, line: Span, m: DateMatch, r: MilestoneRules) -> str:
    """The label a date opening its line is listed under: the nearest line above that is not
    itself a list item ("Ansøgningsfrist:", then "• Den 1. maj 2024", "• Den 1. oktober 2024"),
    when it ends in a colon or is a heading of a few words alone on its line ("Ansøgningsfrist"
    over the list), or the sentence that leads into the list when the date's line is an item of
    it ("Der er én ansøgningsperiode i 2017." over "• 1. april – 8. maj."); in a table of dates
    under two column headers, its column's header; "" otherwise."""
    if not r.label_item_before.search(text[line.start : m.start]):
        return ""
    end = line.start
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        above = text[start : end - 1]
        end = start
        if not above.strip() or r.label_list_item.search(above):
            continue
        column = _column_header(text, start, line, m, r)
        if column is not None:
            return column
        heading = _header_line(above, r.label_heading_words)
        lead = above.rstrip().endswith(".") and r.label_list_item.search(text[line.start : line.end]) is not None
        return above.strip() if above.rstrip().endswith(":") or heading or lead else ""
    return ""


def _header_line(line: str, words: int) -> bool:
    """A line of at most ``words`` words with no stop, comma or colon at its end: a heading alone."""
    return 0 < len(line.split()) <= words and not line.rstrip().endswith((".", ",", ":"))


def _column_header(text: str, start: int, line: Span, m: DateMatch, r: MilestoneRules) -> Optional[str]:
    """The header of the date's column when the line at ``start`` and the line above it are the two
    column headers of a table of dates (the first a heading of a few words, the second at most
    ``label_column_words`` words) over cells with no list mark, an even number of them: the cells
    before the date, counted row by row, give its column. None when they are no such table."""
    second = line_at(text, start)
    above_start = start
    first = ""
    while above_start > 0:
        above_start = text.rfind("\n", 0, above_start - 1) + 1
        first = line_at(text, above_start)
        if first.strip():
            break
    if not (_header_line(first, r.label_heading_words) and _header_line(second, r.label_column_words)):
        return None
    cells, before, pos = 0, -1, start + len(second) + 1
    while pos < len(text):
        row = line_at(text, pos)
        if row.strip():
            if not r.label_list_item.search(row) or row.lstrip()[:1] in BULLETS:
                break
            if pos == line.start:
                before = cells + len(r.label_table_cell.findall(text, pos, m.start))
            cells += len(r.label_table_cell.findall(row))
        pos = next_line_start(text, pos)
    if before < 0 or cells < 4 or cells % 2:
        return None
    return (first if before % 2 == 0 else second).strip()
