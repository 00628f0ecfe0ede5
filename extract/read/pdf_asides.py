"""Text beside a page's flow: a letterhead's address block, a letter's sidebar.

Letters and notes of municipalities and their associations print the sender's
department, address, telephone numbers, the date and the page number ("1/3") in small
type in a column at the right, level with the body text. Read row by row, these join
the body's lines ("... som skal gennemføres af Postboks 3370"). They are found before
the rows are made: runs in clearly smaller type than the page's body text, starting in
the right part of the page, with no run of their size to their left on their row (a
table's cells and a footnote's words have one), and whose block no other text enters.
They become lines of their own, marked ``aside``: the layout writes them apart from the
flow and never takes them for headings.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from extract.read.pdf_chars import Run

SMALLER = 0.85  # an aside's type is at most this share of the body's size
RIGHT_PART = 0.55  # of the page's width: an aside starts right of this
NEIGHBOUR = 0.35  # of the page's width: a run of the same size this close to the left makes it a line's part
SAME_SIZE = 0.5  # points
MIN_RUNS = 2
MIN_LETTERS = 6
ROW_OVERLAP = 0.5


def _body_size(runs: Sequence[Run]) -> float:
    sizes: Counter = Counter()
    for r in runs:
        sizes[round(r.size, 1)] += r.chars
    return sizes.most_common(1)[0][0]


def _same_row(a: Run, b: Run) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= ROW_OVERLAP * min(a.bottom - a.top, b.bottom - b.top)


def split_asides(runs: Sequence[Run], width: float) -> tuple[list[Run], list[Run]]:
    """(the runs of the page's flow, the runs beside it)."""
    if len(runs) < MIN_RUNS + 1 or width <= 0:
        return list(runs), []
    body = _body_size(runs)
    small = {id(r) for r in runs if r.size <= body * SMALLER and r.x0 >= width * RIGHT_PART and r.text.strip()}
    aside = [
        r
        for r in runs
        if id(r) in small
        and not any(
            id(o) not in small
            and o.x1 <= r.x0 + SAME_SIZE
            and abs(o.size - r.size) < SAME_SIZE
            and r.x0 - o.x1 < width * NEIGHBOUR
            and _same_row(o, r)
            for o in runs
        )
    ]
    if len(aside) < MIN_RUNS or sum(ch.isalpha() for r in aside for ch in r.text) < MIN_LETTERS:
        return list(runs), []
    x0, x1 = min(r.x0 for r in aside), max(r.x1 for r in aside)
    top, bottom = min(r.top for r in aside), max(r.bottom for r in aside)
    ids = {id(r) for r in aside}
    rest = [r for r in runs if id(r) not in ids]
    if any(r.x1 > x0 and r.x0 < x1 and r.bottom > top and r.top < bottom for r in rest):
        return list(runs), []  # other text enters the block: it is no column of its own
    return rest, aside
