"""Lines of a PDF page from PDFium's runs of characters (:mod:`extract.read.pdf_chars`).

A line is a row of the page: runs that overlap the row's extent by at least half of the
smaller height (each run is its type size high), so that a bold word, a change of font
or a raised footnote mark stays in its line while the next line, a line height further
down, starts a new one. The runs of a row are put in order from left to right (PDFium's
order is the order of drawing, which a producer may choose freely), text drawn twice
over itself (a shadow, bold faked by drawing twice) is taken once, and the runs are
joined: with a space where PDFium or the PDF put one between them, or where a gap wider
than ``WORD_GAP`` of the type size separates them; glued where a word changes font.
White space in a line is one space.

A line's type size is the median of its characters' sizes, bold when 80 % of its
characters are: the layout finds headings from these (:mod:`extract.read.pdf_layout`).
Text inside a table's box is left to the table.
"""

from __future__ import annotations

from typing import Sequence

from extract.read.normalise import normalise
from extract.read.pdf_asides import split_asides
from extract.read.pdf_chars import Run
from extract.records import Line

ROW_OVERLAP = 0.5  # of the smaller height: how much a run must overlap a row to be in it
WORD_GAP = 0.2  # of the type size: a gap this wide between two runs separates two words
BOLD_SHARE = 0.8
OVERPRINT = 0.5  # of the shorter run's width: two runs overlapping this much are drawn over each other
SIZE_DECIMALS = 3
BOX_SLACK = 1.0  # points a run may stand out of a table's box and still be the table's


def _middle(run: Run) -> float:
    return (run.top + run.bottom) / 2


def rows_of(runs: Sequence[Run]) -> list[list[Run]]:
    """The runs grouped into rows (top to bottom), each row's runs left to right."""
    rows: list[list[Run]] = []
    top = bottom = 0.0  # the row's extent so far
    for run in sorted(runs, key=_middle):
        overlap = min(bottom, run.bottom) - max(top, run.top)
        if rows and overlap >= ROW_OVERLAP * min(run.bottom - run.top, bottom - top):
            rows[-1].append(run)
            top, bottom = min(top, run.top), max(bottom, run.bottom)
        else:
            rows.append([run])
            top, bottom = run.top, run.bottom
    for row in rows:
        row.sort(key=lambda r: (r.x0, r.order))
    return rows


def _drawn_once(row: list[Run]) -> list[Run]:
    """The row without text drawn a second time over itself, a fraction of a point off (a
    shadow, or bold faked by drawing twice): of two runs that overlap by more than half the
    shorter one, one holding the other's text, the longer is kept."""
    kept: list[Run] = []
    for run in row:
        last = kept[-1] if kept else None
        if (
            last is not None
            and min(last.x1, run.x1) - max(last.x0, run.x0) > OVERPRINT * min(last.x1 - last.x0, run.x1 - run.x0)
            and (run.text in last.text or last.text in run.text)
        ):
            if len(run.text) > len(last.text):
                kept[-1] = run
            continue
        kept.append(run)
    return kept


def _joined(row: list[Run]) -> str:
    parts = [row[0].text]
    for before, run in zip(row, row[1:]):
        follows = run.order == before.order + 1 and run.space_before
        gap = run.x0 - before.x1 > WORD_GAP * min(run.size, before.size)
        parts.append(" " if follows or gap else "")
        parts.append(run.text)
    return " ".join("".join(parts).split())


def _median_size(row: list[Run]) -> float:
    """The median of the characters' sizes (of the two middle ones, their mean)."""
    weighted = sorted((run.size, run.chars) for run in row if run.chars)
    total = sum(n for _, n in weighted)
    if not total:
        return row[0].size

    def nth(k: int) -> float:
        seen = 0
        for size, n in weighted:
            seen += n
            if k < seen:
                return size
        return weighted[-1][0]

    middle = total // 2
    return nth(middle) if total % 2 else (nth(middle - 1) + nth(middle)) / 2


def _inside(run: Run, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return (
        run.x0 >= x0 - BOX_SLACK
        and run.x1 <= x1 + BOX_SLACK
        and run.top >= top - BOX_SLACK
        and run.bottom <= bottom + BOX_SLACK
    )


def lines_of(
    runs: Sequence[Run],
    number: int,
    page_height: float,
    table_boxes: Sequence[tuple[float, float, float, float]] = (),
    page_width: float = 0.0,
) -> list[Line]:
    """``Line`` records of the page's runs outside the table boxes (x0, top, x1, bottom),
    in reading order (top to bottom, then left to right); text beside the flow (an address
    column, :mod:`extract.read.pdf_asides`) in lines of its own, marked ``aside``."""
    if table_boxes:
        runs = [r for r in runs if not any(_inside(r, box) for box in table_boxes)]
    flow, asides = split_asides(runs, page_width)
    out = _lines(flow, number, page_height, False) + _lines(asides, number, page_height, True)
    return sorted(out, key=lambda ln: (ln.top, ln.x0))


def _lines(runs: Sequence[Run], number: int, page_height: float, aside: bool) -> list[Line]:
    out: list[Line] = []
    for row in rows_of(runs):
        row = _drawn_once(row)
        text = _joined(row)
        if not text:
            continue
        chars = sum(r.chars for r in row)
        bold = sum(r.chars for r in row if r.bold) >= BOLD_SHARE * chars
        out.append(
            Line(
                normalise(text),
                number,
                min(r.top for r in row),
                max(r.bottom for r in row),
                row[0].x0,
                max(r.x1 for r in row),
                round(_median_size(row), SIZE_DECIMALS),
                bold,
                page_height,
                aside=aside,
            )
        )
    return out
