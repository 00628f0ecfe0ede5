"""Tables written with "|" between their cells, as text sources hold them, read as tab rows.

Markdown's tables ("| År | Beløb |" over "|---|---|") and the plain-text copies of web
pages' tables ("Driftsudgifter | 3.202,7 | 3.191,8 | -10,7 |") separate cells with "|"
where every other reader of the project writes a TAB. So that the structure stage reads
them as tables (their column headers give years, their cells are amounts of a row), a
block of such lines is rewritten as TAB-separated rows:

- a line belongs to a block when it starts or ends with "|", or holds two " | " or more;
- a block is a table when at least two of its lines hold three cells or more (two cells
  a line are labels and their values, "Mødested: | Lokale 425 |", and stay as written);
- the outer pipes go, each inner "|" becomes a TAB, and a row with fewer cells than the
  widest row is filled with empty cells (a row group's name over its rows stays a row);
- a line of dashes between pipes (Markdown's rule under the header) and a line holding
  nothing but pipes (empty cells a copy spilled onto their own lines) are dropped.

Nothing else changes: offsets then index the text as rewritten, as they index the text
every reader gives.
"""

from __future__ import annotations

import re
from typing import Optional

MIN_CELLS = 3  # as a table of TAB rows in ``extract.structure.tables`` (a reader never imports structure)
MIN_ROWS = 2
_RULE_LINE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
_EMPTY_LINE = re.compile(r"^[\s|]*\|[\s|]*$")


def _is_pipe_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and (stripped.startswith("|") or stripped.endswith("|") or line.count(" | ") >= 2)


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return [c.strip() for c in stripped.split("|")]


def _as_tab_rows(block: list[str]) -> Optional[list[str]]:
    """The block's lines as TAB rows when they make a table (rule lines and lines of bare pipes
    dropped), else None; each line is split once."""
    rows = [_cells(line) for line in block if not _RULE_LINE.match(line) and not _EMPTY_LINE.match(line)]
    if sum(1 for row in rows if len(row) >= MIN_CELLS) < MIN_ROWS:
        return None
    width = max(len(row) for row in rows)
    return ["\t".join(row + [""] * (width - len(row))) for row in rows]


def pipe_rows_as_tabs(text: str) -> str:
    """``text`` with its pipe-separated tables written as TAB-separated rows (pure)."""
    if "|" not in text:
        return text
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        out.extend(_as_tab_rows(block) or block)
        block.clear()

    for line in text.split("\n"):
        if _is_pipe_line(line):
            block.append(line)
            continue
        if block:
            flush()
        out.append(line)
    if block:
        flush()
    return "\n".join(out)
