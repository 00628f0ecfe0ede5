"""Amounts in tables written one cell a line, as publishing systems export them to text.

Two shapes: a line naming the unit ("I 1.000 kr. 2027 p/l") over column headers of years
and rows of a label and its numbers (``flat_table_amounts``); and a table whose header
cells name the unit themselves ("Ansøgt (kr.)", "Bevilget (kr.)") over rows of labels and
numbers (``unit_column_amounts``): a line that is a number alone under such a header, with
only a table's short lines between, is a sum in that unit. A third: a header line whose last
cell names the unit over rows of a label and one number, parted by single spaces
(``unit_header_rows``). A fourth: rows whose label names the unit in brackets, the figures after
it on the line, or whose header line names the unit and a year for each figure
(``unit_label_rows``). In all, as in a table of tab-parted cells, a row's label naming one year
("Ramme for 2024") gives its cells that year when their column names none. Pure: text in, cells
out. The patterns are in ``rules/amounts.yml`` (``table_units``, ``table_cell``).
"""

from __future__ import annotations

import re

from extract.extractors.amount_periods import label_years, row_label_years
from extract.extractors.amount_rules import AmountRules
from extract.extractors.amount_tables import CAPTION_MAX, YEAR, Cell, CellAmount, percent_column, unit_factor
from extract.extractors.numbers import parse_danish_number

_LINE = re.compile(r"[^\n]+")
_CELL_LINE_MAX = 60  # a longer line is a paragraph: the table is above it or has ended
_SHORT_HEADER = 25  # a header cell this short may end in a full stop ("Pct.")
_COLUMN_NUMBER = re.compile(r"(\d{1,2})(?:\s*\([^()\n]*\))?")  # "3", "3 (1+2)"
_LETTER = re.compile(r"[^\W\d_]")
_FIGURE = re.compile(r"\S+")  # a figure of a row parted by spaces
_ROW = re.compile(r"[ \t]*(?P<label>\S(?:[^\t\n]*\S)?)[ \t\u00a0]+(?P<cell>\S+)[ \t]*")  # a label, then one number


def _lines_after(text: str, pos: int, limit: int) -> list[Cell]:
    """The first ``limit`` non-empty lines of ``text`` from ``pos`` on, each as a cell."""
    out: list[Cell] = []
    for m in _LINE.finditer(text, pos):
        stripped = m.group().strip()
        if stripped:
            lead = len(m.group()) - len(m.group().lstrip())
            out.append(Cell(stripped, m.start() + lead, m.start() + lead + len(stripped)))
            if len(out) == limit:
                break
    return out


def _column_numbers(lines: list[Cell]) -> set[int]:
    """Which lines number a table's columns: three lines or more in a row reading 1, 2, 3 …
    (a budget table's "1", "2", "3 (1+2)", "4", "5 (4-3)"), no sums."""
    out: set[int] = set()
    run: list[int] = []
    for i, cell in enumerate(lines + [Cell("", 0, 0)]):
        number = _COLUMN_NUMBER.fullmatch(cell.text)
        if number and int(number.group(1)) == len(run) + 1:
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = [i] if number and number.group(1) == "1" else []
    return out


def _header_cell(text: str) -> bool:
    """A line short enough to head a column: a word or two ("Pct.", "B2024"), or a longer
    header ("Korr. budget 2025 ekskl. overførsler mellem årene") that ends no sentence or lead."""
    return len(text) <= _SHORT_HEADER or len(text) <= _CELL_LINE_MAX and not text.endswith((".", ":"))


def _one_year(header: str) -> int | None:
    """The one year a column's header names ("2024", "B2024", "Regnskab 2024"), or None."""
    found = set(YEAR.findall(header))
    return int(found.pop()) if len(found) == 1 else None


def flat_table_amounts(text: str, r: AmountRules) -> list[CellAmount]:
    """Tables written one cell a line (as some publishing systems export them): a line
    naming the unit ("I 1.000 kr. 2027 p/l", or a caption of a sentence's length ending in
    "(1.000 kr.)"), the column headers ("2027", …, "I alt"; "Korrigeret budget", …), then rows
    of a label (one line or more) and its numbers."""
    out: list[CellAmount] = []
    for m in re.finditer(r"(?m)^[^\t\n]{1,%d}$" % CAPTION_MAX, text):
        factor = unit_factor(m.group(), r)
        if factor is None or r.table_cell.fullmatch(m.group().strip()):
            continue
        lines = _lines_after(text, m.end(), 400)
        # a year alone is a column's header, not a sum ("2024" of a year is written "2.024" in thousands)
        numbering = _column_numbers(lines)
        is_number = [bool(r.table_cell.fullmatch(c.text)) and not YEAR.fullmatch(c.text) for c in lines]
        width = next((i for i in range(len(lines) - 1) if not is_number[i] and is_number[i + 1]), 0)
        header, first_row = lines[:width], width
        if any(is_number[:width]):
            continue  # a number over the first row's label is a row's number ("1"), not a header
        if width > 2 and not _one_year(header[0].text) and any(_one_year(c.text) for c in header[1:]):
            header, width = header[1:], width - 1  # the first header cell heads the labels ("Område")
        if width < 2 or not all(_header_cell(c.text) for c in header):
            continue
        column_years = [_one_year(c.text) for c in header]
        shares = {j for j, c in enumerate(header) if percent_column(c.text, r)}
        known = [y for y in column_years if y]
        span = (min(known), max(known)) if len(known) > 1 else None
        i, label, group = first_row, [], ""
        while i < len(lines):
            if i in numbering:  # the label over the columns' numbers names the rows below ("Drift")
                group, label = " ".join(label) or group, []
                i += 1
                continue
            if not is_number[i]:
                if label and not any(is_number[i + 1 : i + 3]):
                    break
                label.append(lines[i].text)
                i += 1
                continue
            row = lines[i : i + width]
            cells = [c for c, number in zip(row, is_number[i : i + width]) if number]
            # the year its label names ("Endelig ramme 2015"): its cells' when their column names none
            row_years = row_label_years(" ".join(label), r)
            for j, c in enumerate(cells):
                num = r.table_cell.fullmatch(c.text)
                value = 0.0 if j in shares else parse_danish_number(num.group("num"))
                year = column_years[j] if j < len(column_years) else None
                if value:  # a cell of 0 states no sum
                    start, end = c.start + num.start("num"), c.start + num.end("num")
                    labels = (" ".join(label), "", m.group(), group)
                    out.append(
                        CellAmount(
                            start, end, value * factor, (year, year) if year else row_years or span, labels, m.start()
                        )
                    )
            i, label = i + len(cells), []
    return out


_CAPTION_LINES = 2  # how many short lines over a table's unit line belong to its caption
_HEADER_REACH = 16  # how many of a table's lines a header's unit reaches down


def _caption_above(lines: list[Cell], at: int) -> list[str]:
    """The short lines right over a table's unit line ("Drift - serviceudgifter" over "Budget 2021"
    over "(1.000 kr.)"): the rest of its caption, which may name the budget frame of its sums."""
    out: list[str] = []
    for cell in reversed(lines[max(0, at - _CAPTION_LINES) : at]):
        if len(cell.text) > _CELL_LINE_MAX or cell.text.endswith((".", ":")):
            break
        out.insert(0, cell.text)
    return out


def unit_column_amounts(text: str, r: AmountRules) -> list[CellAmount]:
    """The lines that are a number alone under a header cell naming the unit ("Ansøgt
    (kr.)"), with only a table's short lines (cells) between: each a sum in that unit."""
    out: list[CellAmount] = []
    lines = _lines_after(text, 0, len(text))
    numbering = _column_numbers(lines)
    for i, cell in enumerate(lines):
        num = r.table_cell.fullmatch(cell.text)
        if not num or YEAR.fullmatch(num.group("num")) or i in numbering:
            continue
        unit, label, at = None, "", 0
        for k in range(i - 1, max(0, i - _HEADER_REACH) - 1, -1):
            above = lines[k]
            if len(above.text) > _CELL_LINE_MAX or percent_column(above.text, r):
                break  # a paragraph; or a column of percentages, which the table's reading leaves out
            if not r.table_cell.fullmatch(above.text) and unit_factor(above.text, r) is not None:
                unit, at = above, k
                break
            label = label or ("" if r.table_cell.fullmatch(above.text) else above.text)  # its row's label
        value = parse_danish_number(num.group("num"))
        if unit is None or not value or value * unit_factor(unit.text, r) < r.min_bare_value:
            continue  # a cell of 0 states no sum; a small one in kroner counts something else
        start, end = cell.start + num.start("num"), cell.start + num.end("num")
        labels = ("", "", " ".join([*_caption_above(lines, at), unit.text]), "")
        # the year its row's label names ("Endelig ramme 2015"), when the header naming the unit names none
        years = None if label_years(unit.text, r) else row_label_years(label, r)
        out.append(CellAmount(start, end, value * unit_factor(unit.text, r), years, labels, unit.start))
    return out


def unit_header_rows(text: str, r: AmountRules) -> list[CellAmount]:
    """The rows right under a header line whose last cell names the unit, one space between the
    cells ("Politikområde nr. Område Mio. kr." over "09 Senior 732,0"), each a label and one
    number: each number a sum in that unit (``table_unit_header``), two such rows at least."""
    out: list[CellAmount] = []
    for m in r.table_unit_header.finditer(text):
        factor = unit_factor(m.group("unit").strip(), r)
        rows, pos = [], m.end() + 1
        while factor and pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            row = _ROW.fullmatch(text, pos, end)
            num = r.table_cell.fullmatch(row.group("cell")) if row and _LETTER.search(row.group("label")) else None
            if not num or YEAR.fullmatch(num.group("num")):
                break
            rows.append((row.start("cell") + num.start("num"), row.start("cell") + num.end("num"), num, row))
            pos = end + 1
        for start, end, num, row in rows if len(rows) >= 2 else []:
            value = parse_danish_number(num.group("num")) * factor
            if value:
                labels = (row.group("label").strip(), "", m.group().strip(), "")
                out.append(CellAmount(start, end, value, row_label_years(row.group("label"), r), labels, m.start()))
    return out


def unit_label_rows(text: str, r: AmountRules) -> list[CellAmount]:
    """A flattened table's rows whose label names the unit in brackets, the figures after it parted
    by spaces ("Likvide beholdning (mio. kr.) 304 287 274 …", ``table_unit_label_row``): each figure
    a sum in that unit, in its column's year when the line above names a year for each figure. A
    label naming no unit takes it from that line, if it names a year for each figure."""
    out: list[CellAmount] = []
    above, end = "", None
    for m in r.table_unit_label_row.finditer(text):
        if end is None or text[end : m.start()].strip():  # a row right under the row before keeps its header line
            above = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
        cells = list(_FIGURE.finditer(text, m.start("cells"), m.end("cells")))
        nums = [r.table_cell.fullmatch(c.group()) for c in cells]
        years = [int(y) for y in YEAR.findall(above)]
        if m.group("unit") is not None:
            factor = unit_factor(m.group("unit"), r)
        else:  # the unit in the header line, which names a year for each figure; a label without digits
            in_header = len(years) == len(cells) and not re.search(r"\d", m.group("label"))
            factor = unit_factor(above, r) if in_header else None
        if not factor or not all(nums) or all(YEAR.fullmatch(c.group()) for c in cells):
            continue  # no unit, a figure that is no number, or the header's years ("(mio. kr.) 2026 2027 2028")
        end = m.end()
        labels = (m.group("label").strip(), "", above.strip(), "")
        for i, (c, num) in enumerate(zip(cells, nums)):
            value = parse_danish_number(num.group("num")) * factor
            year = (years[i], years[i]) if len(years) == len(cells) else row_label_years(m.group("label"), r)
            if value:
                out.append(CellAmount(c.start(), c.end(), value, year, labels, m.start()))
    return out


def flat_tables(text: str, r: AmountRules) -> list[CellAmount]:
    """The sums of every shape of table written as text this module reads."""
    return (
        flat_table_amounts(text, r)
        + unit_column_amounts(text, r)
        + unit_header_rows(text, r)
        + unit_label_rows(text, r)
    )
