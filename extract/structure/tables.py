"""Tables: rows of tab-separated cells in a document's text, as tables a user can query.

A PDF's ruled tables are written into the text as tab-separated rows, one line a
row, by the PDF reader, which also gives their exact spans; a table that goes on
over a page break (same number of columns, nothing but white space between) is
one table. In text sources a table is at least two rows, each starting at a line
with three or more tab-separated cells (a table of contents, with two, is not
one) and holding the lines directly below it (a cell written over several lines).
The first row names the columns when its cells read as column names (short, a few
words, none of them a number).

Every cell keeps its offsets into the text, so its quote can be found again.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from extract.records import Table, TableCell

MIN_CELLS = 3
MIN_ROWS = 2
MAX_HEADER_CELL = 60
MAX_HEADER_WORDS = 6
_NUMBER_CELL = re.compile(r"^\s*[\d.,%-]+\s*$")


def _row_cells(text: str, start: int, end: int) -> list[TableCell]:
    cells, pos = [], start
    for column, part in enumerate(text[start:end].split("\t")):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append(TableCell(0, column, stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(part) + 1
    return cells


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_row_start(line: str, open_row: bool) -> bool:
    """Enough cells; inside a row, a line starting with a tab holds that row's next cells."""
    return line.count("\t") + 1 >= MIN_CELLS and not (open_row and line.startswith("\t"))


def _text_tables(text: str) -> list[list[tuple[int, int]]]:
    """Tables of a text source as lists of row spans. A row starts at a line with enough
    tab-separated cells and takes the lines directly below it (a cell written over several
    lines; while the row has fewer cells than the first row, whatever the lines hold) up
    to the next row or an empty line; after an empty line the table goes on only if the
    next line starts a row."""
    tables: list[list[tuple[int, int]]] = []
    rows: list[tuple[int, int]] = []
    open_row = False  # the last line belongs to a row that may go on
    for start, end in _lines(text):
        line = text[start:end]
        short = open_row and _cells(text, rows[-1]) < _cells(text, rows[0])  # the row lacks cells yet
        if _is_row_start(line, open_row) and not short:
            rows.append((start, end))
            open_row = True
        elif line == "":
            open_row = False
        elif open_row:
            rows[-1] = (rows[-1][0], end)
        elif rows:
            tables.append(rows)
            rows = []
    if rows:
        tables.append(rows)
    return [t for t in tables if len(t) >= MIN_ROWS]


def _cells(text: str, span: tuple[int, int]) -> int:
    return text.count("\t", span[0], span[1]) + 1


def _pdf_tables(text: str, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Tables a PDF reader wrote as one line per row; spans that only white space separates
    and whose rows have as many cells are one table (a table going on over a page break)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and not text[merged[-1][1] : start].strip():
            prev = merged[-1]
            if text[prev[0] : prev[1]].split("\n")[-1].count("\t") == text[start:end].split("\n")[0].count("\t"):
                merged[-1] = (prev[0], end)
                continue
        merged.append((start, end))
    return [[(a, b) for a, b in _lines_in(text, start, end) if a < b] for start, end in merged]


def _lines_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + a, start + b) for a, b in _lines(text[start:end])]


def _is_header(row: list[TableCell]) -> bool:
    """Column names: short cells of a few words ("Nr.", "0-3 mdr.", "Forventet slutdato"), none a number."""
    named = [c.text for c in row if c.text]
    return (
        len(named) >= 2
        and all(len(t) <= MAX_HEADER_CELL and len(t.split()) <= MAX_HEADER_WORDS for t in named)
        and not any(_NUMBER_CELL.match(t) for t in named)
    )


def find_tables(text: str, pdf_spans: Iterable[tuple[int, int]] = ()) -> list[Table]:
    """The document's tables in text order (pure: text in, records out)."""
    pdf_spans = list(pdf_spans)
    rule = "pdf_ruled_table" if pdf_spans else "text_tab_rows"
    tables = []
    for row_spans in _pdf_tables(text, pdf_spans) if pdf_spans else _text_tables(text):
        rows = [_row_cells(text, a, b) for a, b in row_spans]
        width = len(rows[0])
        for row in rows:  # a trailing tab past the first row's width is not a column
            while len(row) > width and not row[-1].text:
                row.pop()
        header: Optional[list[str]] = [c.text for c in rows[0]] if _is_header(rows[0]) else None
        cells = []
        for n, row in enumerate(rows):
            for c in row:
                c.row = n
                cells.append(c)
        tables.append(
            Table(
                position=len(tables),
                char_start=row_spans[0][0],
                char_end=row_spans[-1][1],
                cells=cells,
                n_rows=len(rows),
                n_columns=max(len(r) for r in rows),
                header=header,
                rule=rule,
            )
        )
    return tables
