"""What on a PDF page is not the document's text: running headers and footers, page
numbers, and letters stacked one above the other (a banner set letter by letter down the
margin).

A running header or footer is a line (digits folded: "Side 3" and "Side 4" are one)
that repeats near the top or bottom edge of several pages at the same distance from the
edge. In body type, half the pages (at least two) make it running; in heading type (a
bold document name repeated on every page) three pages and half of them, and its first
occurrence stays (it may be the title). A page number ("Side 2", "1/3", "2 of 11", "- 4 -":
``rules/layout.yml``) near the edge, or in an address column beside the flow, goes
whatever its type when its number is near the page's own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Protocol

from extract.read.layout_rules import LayoutRules
from extract.records import Line

EDGE = 0.09  # top and bottom share of a page where running headers and footers live
RUNNING_SLACK = 3.0  # points a running header or footer may move from page to page
PAGE_NUMBER_SLACK = 10  # a printed page number differs from the page's place by at most this
HEADING_PAGES = 3  # pages a line in heading type must repeat on to be running
STACK = 3  # letters one above the other that make a vertical banner
STACK_CHARS = 2  # a line of at most this many characters may be a stacked letter
STACK_X = 3.0  # points the letters of a stack may stand apart sideways
_DIGITS = re.compile(r"\d+")


class _Style(Protocol):
    r: LayoutRules

    def looks_like_heading(self, ln: Line) -> bool: ...


def in_edge(ln: Line) -> bool:
    """The line stands in the top or bottom band of its page, where running headers and footers live."""
    return ln.top < ln.page_height * EDGE or ln.bottom > ln.page_height * (1 - EDGE)


def _edge_offset(ln: Line) -> float:
    """Signed distance of the line from its page's nearer edge: top edge positive, bottom negative."""
    return ln.top if ln.top < ln.page_height * EDGE else -(ln.page_height - ln.bottom)


def _key(ln: Line, style: _Style) -> tuple[bool, str]:
    return style.looks_like_heading(ln), _DIGITS.sub("#", ln.text)


class Running:
    """The running lines of a document: for each (in heading type?, text with digits
    folded), the distances from the edge it repeats at and the first page it stands on."""

    def __init__(self, pages: list[list[Line]], style: _Style):
        self.style = style
        places: dict[tuple[bool, str], list[tuple[int, float]]] = defaultdict(list)
        for lines in pages:
            for ln in lines:
                if in_edge(ln) and ln.text and not ln.aside:
                    places[_key(ln, style)].append((ln.page, _edge_offset(ln)))
        self.offsets: dict[tuple[bool, str], list[float]] = {}
        self.first: dict[tuple[bool, str], int] = {}
        for key, found in places.items():
            need = max(HEADING_PAGES if key[0] else 2, len(pages) // 2)
            kept = _repeated(found, need)
            if kept:
                self.offsets[key] = kept
                self.first[key] = min(page for page, _ in found)

    def holds(self, ln: Line) -> bool:
        """The line is a running header or footer, or a page number."""
        if (in_edge(ln) or ln.aside) and is_page_number(ln, self.style.r):
            return True
        if not in_edge(ln):
            return False
        key = _key(ln, self.style)
        if key[0] and ln.page == self.first.get(key):
            return False  # a document name in heading type on every page: its first stays
        return any(abs(_edge_offset(ln) - off) <= RUNNING_SLACK for off in self.offsets.get(key, ()))


def _repeated(found: list[tuple[int, float]], need: int) -> list[float]:
    """The distances from the edge at which a text stands on at least ``need`` pages. A
    running header keeps its place on every page; a line of text that happens to repeat
    near the edge of two pages, at different places, is text."""
    if len({page for page, _ in found}) < need:
        return []
    found.sort(key=lambda f: f[1])
    offsets = [off for _, off in found]
    return [
        off
        for off in offsets
        if len(
            {
                page
                for page, _ in found[
                    bisect_left(offsets, off - RUNNING_SLACK) : bisect_right(offsets, off + RUNNING_SLACK)
                ]
            }
        )
        >= need
    ]


def is_page_number(ln: Line, r: LayoutRules) -> bool:
    """ "7", "Side 7", "7 af 12" near the page's own number (cover pages may shift the count);
    a year wrapped onto a line of its own at the foot of a page ("2015") is text."""
    m = r.page_number.match(ln.text)
    return bool(m) and abs(int(_DIGITS.search(ln.text).group()) - ln.page) <= PAGE_NUMBER_SLACK


def stacked_letters(lines: list[Line]) -> set[int]:
    """ids of lines that are letters set one above the other (at least ``STACK`` of a
    character or two, at one place across, each a line or two below the one before): a
    banner down the margin, read across it is no word and no heading."""
    short = sorted(
        (ln for ln in lines if ln.text and len(ln.text.replace(" ", "")) <= STACK_CHARS), key=lambda ln: ln.top
    )
    out: set[int] = set()
    used: set[int] = set()
    for ln in short:
        if id(ln) in used:
            continue
        stack = [ln]
        for other in short:
            last = stack[-1]
            if (
                other.top > last.top
                and abs(other.x0 - last.x0) <= STACK_X
                and other.top - last.bottom <= 2 * (last.bottom - last.top)
            ):
                stack.append(other)
        used.update(id(s) for s in stack)
        if len(stack) >= STACK and all(any(ch.isalpha() for ch in s.text) for s in stack):
            out.update(id(s) for s in stack)
    return out
