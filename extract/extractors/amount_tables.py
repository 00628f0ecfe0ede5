"""Amounts in tables: the cells of a table whose caption, header or row names the unit.

A table of a text is a run of lines holding tab-separated cells (or cells closed by "|",
as web pages export them, or lined up by runs of spaces: ``amount_table_rows``); its
caption is the line just above it. A unit ("(mio. kr.)",
"i 1.000 kr.", a header cell "1.000 kr.") in the caption or the first row applies to
every cell of the table, one in a row's label cell to that row (and to the rows below
when that row holds no number). A cell that is a number
alone is then an amount: its value the number times the unit, its years those of its
column's header ("2026", "Budget 2024"), its budget frame the one its row label, the
caption or the header names (or the row above that heads its group: a label and no
number, "Driftsudgifter:"). A row of years is a header (or a chart's axis), never
amounts; the unit itself is not an amount, nor a row's number left of its label, nor a
cell under a header of percentages (``table_percent_columns``). Pure:
text in, cells out. The patterns are in ``rules/amounts.yml`` (``table_units``,
``table_cell``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.extractors.amount_frames import Headings, frame_before, frame_in_label
from extract.extractors.amount_neighbours import announces_list, line_above
from extract.extractors.amount_periods import caption_years, row_label_years
from extract.extractors.amount_rules import AmountRules
from extract.extractors.amount_table_rows import YEAR, Cell, Table, row_cells, row_separator, text_tables
from extract.extractors.numbers import parse_danish_number
from extract.records import Amount

TABLE_CELL_RULE = "amount_table_cell"  # the rule of an amount read from a table's cell
_YEAR_CELL = re.compile(r"(?P<from>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<to>(?:19|20)?\d\d))?")
CAPTION_MAX = 80  # a longer line above a table is a paragraph: no caption naming its unit or years


@dataclass(frozen=True)
class CellAmount:
    """A number in a table cell with the unit, column year and labels around it."""

    start: int
    end: int
    value: float
    years: Optional[tuple[int, int]]  # its column's year; the span of the year columns for a total column
    # where a frame may be named: the row label, the label of the subtotal row that closes
    # the row's group ("Drift i alt"), the caption, the header's first cell
    labels: tuple[str, ...]
    table_start: int
    per_year: bool = False  # its column's header says the sums are yearly ("(kr. årligt)")


def percent_column(s: str, r: AmountRules) -> bool:
    """A header cell over percentages ("Pct.", "Afvigelse i %"): its column holds no sums."""
    return any(p.pattern.search(s) for p in r.table_percent_columns)


def unit_factor(s: str, r: AmountRules) -> Optional[float]:
    """The factor of the unit ``s`` names ("(mio. kr.)" → 1 000 000), or None."""
    for unit in r.table_units:
        if unit.pattern.search(s):
            return unit.factor
    return None


def unit_spans(text: str, r: AmountRules) -> list[tuple[int, int]]:
    """Where ``text`` names a unit for the figures around it: those words are no amount."""
    return [m.span() for unit in r.table_units for m in unit.pattern.finditer(text)]


def _label(row: list[Cell], r: AmountRules) -> str:
    return next((c.text for c in row if c.text and not r.table_cell.fullmatch(c.text)), "")


def _numbers(row: list[Cell], r: AmountRules) -> list[tuple[int, Cell, re.Match]]:
    """(index from the right, cell, match) of the cells that are a number alone."""
    out = []
    for i, c in enumerate(row):
        m = r.table_cell.fullmatch(c.text)
        if m:
            out.append((len(row) - i, c, m))
    return out


def _is_years(row: list[Cell], r: AmountRules) -> bool:
    nums = _numbers(row, r)
    return bool(nums) and all(YEAR.fullmatch(m.group("num")) for _, _, m in nums)


def _column_years(header: list[Cell]) -> dict[int, int]:
    """Index from the right → the one year its header cell names."""
    years = {}
    for i, c in enumerate(header):
        found = set(YEAR.findall(c.text))
        if len(found) == 1:
            years[len(header) - i] = int(found.pop())
    return years


def _column_spans(header: list[Cell]) -> dict[int, tuple[int, int]]:
    """Index from the right → the span of the two years its header cell names ("Beløb
    modtaget i 2022 og 2023", "2025-2028 i alt")."""
    spans = {}
    for i, c in enumerate(header):
        found = sorted({int(y) for y in YEAR.findall(c.text)})
        if len(found) == 2:
            spans[len(header) - i] = (found[0], found[1])
    return spans


def _units(table: Table, header: list[Cell], r: AmountRules) -> tuple[Optional[float], dict[int, float]]:
    """The unit of the whole table (caption, first row's label, a header cell over the
    labels) and those of single columns (a header cell over numbers: "Beløb i kr.")."""
    whole = unit_factor(table.caption, r)
    first = table.rows[0]
    if not header:
        return whole or unit_factor(_label(first, r), r), {}
    number_columns = {i for row in table.rows if row is not header for i, _, _ in _numbers(row, r)}
    columns: dict[int, float] = {}
    for i, cell in enumerate(header):
        factor = unit_factor(cell.text, r)
        if factor is None:
            continue
        if len(header) - i in number_columns and i > 0:
            columns[len(header) - i] = factor
        else:
            whole = whole or factor
    for i, cell in enumerate(header):
        from_right = len(header) - i
        if i == 0 or from_right not in number_columns or from_right in columns:
            continue
        if whole is None and any(p.pattern.search(cell.text) for p in r.table_money_columns):
            columns[from_right] = 1.0
        elif from_right + 1 in columns and any(p.pattern.search(cell.text) for p in r.table_part_columns):
            columns[from_right] = columns[from_right + 1]
    return whole, columns


def _row_years(
    row: list[Cell], header: list[Cell], years: dict[int, int], column_factors: dict[int, float]
) -> Optional[tuple[int, tuple[int, int]]]:
    """(column from the right, years) of the one cell of a row that is a year or a span of
    years ("2024", "2025-2027") in a column whose header names no year and no unit ("Forventet
    gennemførsel"): the years of the row's amounts; that cell is no amount."""
    if not header:
        return None
    found = []
    for i, c in enumerate(row):
        from_right = len(row) - i
        m = _YEAR_CELL.fullmatch(c.text)
        if m and from_right not in years and from_right not in column_factors and from_right < len(row):
            start, to = int(m.group("from")), m.group("to")
            end = start if not to else int(to) if len(to) == 4 else (start // 100) * 100 + int(to)
            found.append((from_right, (start, max(start, end))))
    return found[0] if len(found) == 1 else None


def _row_number(row: list[Cell], from_right: int, m: re.Match) -> bool:
    """A whole number left of its row's label ("1", "12"): the row's number, no sum."""
    index = len(row) - from_right
    before, after = row[:index], row[index + 1 :]
    return (
        m.group().isdigit()
        and all(not c.text or c.text.isdigit() for c in before)
        and any(c.text[:1].isalpha() for c in after)
    )


def _group_totals(rows: list[list[Cell]], r: AmountRules) -> dict[int, str]:
    """Row (by id) → the label of the subtotal row that closes its group: the rows above
    "Drift i alt" since the last total naming a frame are drift's, those above "Anlæg i alt"
    anlæg's; a total naming none ("En Pose Penge I alt") is part of the next group, one naming
    what is no frame ("Ordinær drift i alt") closes a group of none."""
    out: dict[int, str] = {}
    pending: list[list[Cell]] = []
    for row in rows:
        label = _label(row, r)
        if r.table_total.search(label) and (frame_in_label(label, r) or r.label_no_frame.search(label)):
            out.update((id(p), label) for p in pending)
            pending = []
        else:
            pending.append(row)
    return out


def _group_heads(rows: list[list[Cell]], r: AmountRules) -> dict[int, str]:
    """Row (by id) → the label of the row above that heads its group: a row holding a label
    and no number ("Driftsudgifter:", "Anlæg") whose label names a frame reaches down to the
    next row without numbers or the next total ("I alt")."""
    out: dict[int, str] = {}
    head = ""
    for row in rows:
        label = _label(row, r)
        if not _numbers(row, r):
            head = label if frame_in_label(label, r) else ""
        elif r.table_total.search(label):
            head = ""
        elif head:
            out[id(row)] = head
    return out


def table_amounts(text: str, r: AmountRules) -> list[CellAmount]:
    """Every cell of a table that its unit makes an amount."""
    out: list[CellAmount] = []
    for table in text_tables(text):
        first = table.rows[0]
        header = first if not _numbers(first, r) or _is_years(first, r) else []
        table_factor, column_factors = _units(table, header, r)
        years = _column_years(header) if header else {}
        spans = _column_spans(header) if header else {}
        yearly = {len(header) - i for i, c in enumerate(header) if r.per_year.search(c.text)}
        shares = {len(header) - i for i, c in enumerate(header) if percent_column(c.text, r)}
        span = (min(years.values()), max(years.values())) if len(years) > 1 else None
        # a total column beside columns of one year ("Rådighedsbeløb 2013 | Forbrug 2013 | Total
        # bevilling"): the project's sum over all its years, none of that year alone, unless its
        # cell is the sum of its row's cells of that year ("Drift 2024 | Anlæg 2024 | I alt")
        totals = {len(header) - i for i, c in enumerate(header) if r.table_total.search(c.text)}
        one_year = len(set(years.values())) == 1
        header_label = _label(first, r) if header else ""
        groups = _group_heads(table.rows, r) | _group_totals(table.rows, r)
        for row in table.rows:
            if row is header or _is_years(row, r):
                continue
            label = _label(row, r)
            if not _numbers(row, r) and table_factor is None:  # a row naming the unit alone: for the rows below
                table_factor = unit_factor(label, r)
            row_factor = unit_factor(label, r) or table_factor
            when = _row_years(row, header, years, column_factors)
            numbers = _numbers(row, r)
            of_year = sum(parse_danish_number(m.group("num")) or 0 for i, _c, m in numbers if i in years)
            for from_right, cell, m in numbers:
                if when and from_right == when[0] or from_right in shares or _row_number(row, from_right, m):
                    continue
                factor = column_factors.get(from_right, row_factor)
                value = parse_danish_number(m.group("num"))
                if not value or factor is None:  # a cell of 0 states no sum
                    continue
                start, end = cell.start + m.start("num"), cell.start + m.end("num")
                labels = (label, groups.get(id(row), ""), table.caption, header_label)
                year = years.get(from_right)
                # a row label's one year or span ("Disponibelt beløb ultimo 2027") before the table's
                row_years = when[1] if when else row_label_years(label, r)
                whole = None if one_year and from_right in totals and not _about(value, of_year) else span
                cell_years = (year, year) if year else spans.get(from_right) or row_years or whole
                out.append(
                    CellAmount(
                        start, end, value * factor, cell_years, labels, table.caption_start, from_right in yearly
                    )
                )
    return out


def _about(value: float, total: float) -> bool:
    """Whether ``value`` is ``total`` but for the rounding of the figures summed."""
    return total != 0 and abs(value - total) <= 0.01 * abs(total)


def column_header(text: str, offset: int) -> str:
    """The header cell above the cell at ``offset`` of a table (its column counted from
    the right, as rows with fewer cells leave out the first ones), or ""."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    sep = row_separator(line)
    if not sep:
        return ""
    row = row_cells(line, line_start, sep)
    from_right = next((len(row) - i for i, c in enumerate(row) if c.start <= offset <= c.end), 0)
    start = line_start
    while start > 0:
        prev_start = text.rfind("\n", 0, start - 1) + 1
        if row_separator(text[prev_start : start - 1]) != sep:
            break
        start = prev_start
    end = text.find("\n", start)
    header = row_cells(text[start : end if end >= 0 else len(text)], start, sep)
    return header[-from_right].text if 0 < from_right <= len(header) and start != line_start else ""


def table_caption(text: str, offset: int) -> str:
    """The line above the table whose cell holds ``offset`` (its first row's line start
    walked up past the table's rows and blank lines), or "" outside a table."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    if "\t" not in text[line_start : len(text) if line_end < 0 else line_end]:
        return ""
    start = line_start
    while start > 0:
        prev_start = text.rfind("\n", 0, start - 1) + 1
        prev = text[prev_start : start - 1]
        if prev.strip() and "\t" not in prev:
            return prev.strip()
        start = prev_start
    return ""


def table_lead_frame(text: str, table_start: int, r: AmountRules) -> Optional[str]:
    """The frame named last in the line that announces the table starting at ``table_start``
    (the line above its caption, ending with a colon or "følgende": "Anlægsregnskabet viser
    følgende:"), or None; a line joining two frames names neither."""
    found = line_above(text, text.rfind("\n", 0, table_start) + 1, r)
    if found is None:
        return None
    line = found[1].strip()
    return frame_before(line, r) if announces_list(line, r) else None


def cell_amount(text: str, c: CellAmount, headings: Headings, r: AmountRules, above: Optional[str]) -> Amount:
    """A table cell's sum with the frame its row, its group's total, its column, the caption,
    the lines above its table (``above``: the frame of its lead-in or sub-heading, read once a
    table) or the headings name (a row naming what is no frame gives none), and its years."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    if r.label_no_frame.search(c.labels[0]):  # its row names what is no frame ("Skatter, tilskud og udligning")
        kind = None
    else:
        row, total, caption, header = c.labels
        kind = (
            frame_in_label(row, r)
            or frame_in_label(total, r)
            or frame_in_label(column_header(text, c.start), r, column=True)
            or frame_in_label(caption, r)
            or frame_in_label(header, r)
            or above
            or headings.kind(c.start, r)
        )
    years = c.years or caption_years(c.labels[2], r) or headings.years(c.start, r) or (None, None)
    return Amount(
        quote=text[c.start : c.end],
        value_dkk=clean_value(c.value),
        char_start=c.start,
        char_end=c.end,
        sentence=text[line_start : len(text) if line_end < 0 else line_end],
        year_from=years[0],
        year_to=years[1],
        per_year=c.per_year,
        kind=kind,
        rule=TABLE_CELL_RULE,
    )


def clean_value(value: float) -> float:
    """Kroner rounded to øre, a whole number as an int."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded
