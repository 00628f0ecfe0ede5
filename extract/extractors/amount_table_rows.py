"""The rows and cells of tables written as text: cells parted by tabs, by "|" (as web
pages export them, at times a row's cells one a line: "Drift: |", "|") or lined up by
runs of two or more spaces (as tables saved as plain text are). Pure: text in, cells out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?![\d.,])")  # a year in a cell or header (not "2.025")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Table:
    caption: str
    caption_start: int
    rows: list[list[Cell]] = field(default_factory=list)
    sep: str = "\t"
    line_starts: list[int] = field(default_factory=list)


# a row of a table exported from a web page as text: cells closed by "|" ("a | 173 | 166 |")
_PIPE_ROW = re.compile(r"^[^|\n]*\|(?:[^|\n]*\|)+[ \t]*$")
# one cell of such a row on a line of its own ("Drift: |", "|"): web exports break a row
# whose cells hold line breaks or nothing over several lines
_PIPE_CELL_LINE = re.compile(r"^[^|\n]*\|[ \t]*$")
# a row of a table saved as plain text: cells lined up by runs of two or more spaces
SPACES = "  "
_GAP = re.compile(r"[ \u00a0]{2,}")
_CHUNK = re.compile(r"[^ \u00a0]+(?:[ \u00a0][^ \u00a0]+)*")
_SPACE_CELL_MAX = 40  # a longer chunk is prose, not a cell
_SPACE_ROWS_MIN = 2  # one line of spaced words is no table
_SPLIT_NUMBER = re.compile(r"\(?[-−–+÷]?\d[\d.]*,\d+\)?")  # a number with decimals, one space from the next


def _space_cells(line: str) -> list[tuple[int, int]]:
    """(start, end) in ``line`` of the chunks that runs of two or more spaces part."""
    return [m.span() for m in _CHUNK.finditer(line)] if _GAP.search(line.strip()) else []


def row_separator(line: str) -> Optional[str]:
    """The character that separates the cells of a table's row ("\t", "|" for a row
    written "a | b |", two spaces for cells lined up by spaces), or None for a line that
    is no row."""
    if "\t" in line:
        return "\t"
    if _PIPE_ROW.match(line):
        return "|"
    chunks = [line[a:b] for a, b in _space_cells(line)]
    if len(chunks) < 2 or any(len(c) > _SPACE_CELL_MAX for c in chunks):
        return None
    return SPACES if any(YEAR.search(c) or _NUMBER_ALONE.fullmatch(c) for c in chunks[1:]) else None


# a cell that is a number alone, signed or in brackets, for telling rows of spaced cells
_NUMBER_ALONE = re.compile(r"\(?[-−–+÷]?[ \u00a0]*\d[\d.,\u00a0]*\)?(?:[ \u00a0]*%)?")


def text_tables(text: str) -> list[Table]:
    """Runs of lines with tab-, pipe- or space-separated cells, each with the line above it as caption."""
    tables: list[Table] = []
    pos, prev_line, prev_start, current = 0, "", 0, None
    for line in text.split("\n"):
        sep = row_separator(line)
        if current is not None and current.sep == "|" and is_pipe_cell_line(line):
            _add_cell_line(current, row_cells(line, pos, "|"), pos)
        elif sep and (current is None or SPACES not in (sep, current.sep) or sep == current.sep):
            if current is None:
                current = Table(prev_line.strip(), prev_start, sep=sep)
                tables.append(current)
            current.rows.append(row_cells(line, pos, sep))
            current.line_starts.append(pos)
        else:
            current = None
            if line.strip():
                prev_line, prev_start = line, pos
        pos += len(line) + 1
    return [_aligned(t) if t.sep == SPACES else t for t in tables if t.sep != SPACES or len(t.rows) >= _SPACE_ROWS_MIN]


def is_pipe_cell_line(line: str) -> bool:
    """A line holding one cell closed by "|": part of a pipe table's row broken over lines."""
    return bool(_PIPE_CELL_LINE.match(line))


def _add_cell_line(table: Table, cells: list[Cell], pos: int) -> None:
    """A cell on a line of its own goes on the last row while that row has fewer cells than
    the first (the row's closing empty cell replaced), else starts a row of its own."""
    last = table.rows[-1]
    if len(table.rows) > 1 and len(last) < len(table.rows[0]):
        table.rows[-1] = last[:-1] + cells if last and not last[-1].text else last + cells
    else:
        table.rows.append(cells)
        table.line_starts.append(pos)


def _aligned(table: Table) -> Table:
    """A table lined up by spaces with each short row's numbers put under the column whose
    right edge is nearest theirs (an empty cell leaves no gap in such a row): blank cells
    fill the columns it leaves out."""
    widest = max(range(len(table.rows)), key=lambda i: len(table.rows[i]))
    ref, ref_start = table.rows[widest], table.line_starts[widest]
    edges = [c.end - ref_start for c in ref]
    for k, (row, start) in enumerate(zip(table.rows, table.line_starts)):
        if len(row) == len(ref) or len(row) < 2:
            continue
        placed: list[Optional[Cell]] = [None] * len(ref)
        taken, rest = -1, row
        if row[0].start - start <= edges[0]:  # it starts under the labels: it is the row's label
            placed[0], taken, rest = row[0], 0, row[1:]
        for c in rest:
            free = [j for j in range(taken + 1, len(ref)) if placed[j] is None]
            if not free:
                break
            j = min(free, key=lambda j: abs(edges[j] - (c.end - start)))
            placed[j], taken = c, j
        table.rows[k] = [c or Cell("", 0, 0) for c in placed]
    return table


def row_cells(line: str, pos: int, sep: str = "\t") -> list[Cell]:
    if sep == SPACES:
        return _spaced_cells(line, pos)
    cells = []
    for part in line.split(sep):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append(Cell(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(part) + 1
    return cells


def _spaced_cells(line: str, pos: int) -> list[Cell]:
    """The cells of a row lined up by spaces; a chunk of years or numbers one space apart
    ("2022 2023 2024") is one cell each."""
    cells = []
    for a, b in _space_cells(line):
        words = list(re.finditer(r"\S+", line[a:b]))
        if len(words) > 1 and all(YEAR.fullmatch(w.group()) or _SPLIT_NUMBER.fullmatch(w.group()) for w in words):
            cells += [Cell(w.group(), pos + a + w.start(), pos + a + w.end()) for w in words]
        else:
            cells.append(Cell(line[a:b], pos + a, pos + b))
    return cells
