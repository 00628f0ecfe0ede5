"""From PDF pages to the same shape of text a converted document has.

Lines come from PDFium (:mod:`extract.read.pdf_lines`; a page PDFium cannot read, from
pdfplumber) with their type size and weight, ruled tables from pdfplumber as rows
standing in for lines (:mod:`extract.read.pdf_tables`). Running headers and
footers (lines repeated at the top or bottom of pages, page numbers) are dropped;
a line in bold or in type clearly larger than the body text, short and standing
alone, becomes a markdown heading whose depth follows its type size; words
hyphenated across a line end are joined; lines are re-flowed into paragraphs,
across page breaks too when a sentence runs on; ruled tables become tab-separated
rows. The structure finder then reads the result as it reads markdown.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import median
from typing import Optional, Sequence

from extract.records import Line

EDGE = 0.09  # top and bottom share of a page where running headers and footers live
RUNNING_SLACK = 3.0  # points a running header or footer may move from page to page
HEADING_SIZE_RATIO = 1.12
SHORT_LINE = 0.7  # a body line ending before this share of the right margin ends a line on purpose
MAX_HEADING_CHARS = 160
_PAGE_NUMBER = re.compile(r"^(?:side\s*)?\d{1,4}(?:\s*(?:af|/|of)\s*\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")
# a list item: a bullet mark, or "1." / "2)" before a capital ("24. september" is a date)
_BULLET = re.compile(r"^(?:[-•▪●]\s|\d{1,2}[.)]\s+(?=[A-ZÆØÅ]))")
PAGE_NUMBER_SLACK = 10  # a printed page number differs from the page's place by at most this
PARAGRAPH_GAP = 0.25  # extra space (share of the body size) over the usual line gap that ends a paragraph
_BULLET_MARK = re.compile(r"^[-•▪●]\s")


def in_edge(ln: Line) -> bool:
    """The line stands in the top or bottom band of its page, where running headers and footers live."""
    return ln.top < ln.page_height * EDGE or ln.bottom > ln.page_height * (1 - EDGE)


def running_lines(pages: list[list[Line]], body: float) -> dict[str, list[float]]:
    """Texts (digits folded) that repeat at the top or bottom of several pages in
    running-header type (not a title or heading that happens to repeat them), each with
    the distances from the page edge it stands at. A running header keeps its place on
    every page; a line of text that happens to repeat near the edge of two pages of a short
    document, at different places, is text."""
    places: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for lines in pages:
        for ln in lines:
            if in_edge(ln) and ln.text and not _looks_like_heading(ln, body):
                places[_DIGITS.sub("#", ln.text)].append((ln.page, _edge_offset(ln)))
    need = max(2, len(pages) // 2)
    running: dict[str, list[float]] = {}
    for text, found in places.items():
        if len({page for page, _ in found}) < need:
            continue  # most edge lines: too few pages to be running, whatever their places
        found.sort(key=lambda f: f[1])
        offsets = [off for _, off in found]
        kept = [off for off in offsets
                if len({page for page, _ in found[bisect_left(offsets, off - RUNNING_SLACK):
                                                  bisect_right(offsets, off + RUNNING_SLACK)]}) >= need]
        if kept:
            running[text] = kept
    return running


def _edge_offset(ln: Line) -> float:
    """Signed distance of the line from its page's nearer edge: top edge positive, bottom negative."""
    return ln.top if ln.top < ln.page_height * EDGE else -(ln.page_height - ln.bottom)


def body_size(pages: list[list[Line]]) -> float:
    sizes: Counter = Counter()
    for lines in pages:
        for ln in lines:
            if ln.text:
                sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def heading_levels(pages: list[list[Line]], body: float) -> dict[float, int]:
    """Markdown depth for each heading type size: the largest is the title (1)."""
    sizes = sorted({round(ln.size, 1) for lines in pages for ln in lines if _looks_like_heading(ln, body)}, reverse=True)
    return {size: depth for depth, size in enumerate(sizes, start=1)}


def _looks_like_heading(ln: Line, body: float) -> bool:
    """Bold or clearly larger type, short. OCR'd lines are left to the plain-text
    heading rules (short lines standing alone), which the structure finder applies."""
    if ln.ocr or not ln.text or len(ln.text) > MAX_HEADING_CHARS or _BULLET_MARK.match(ln.text):
        return False
    return ln.bold or ln.size >= body * HEADING_SIZE_RATIO


@dataclass
class LaidOut:
    text: str
    page_starts: tuple[int, ...]  # offset where each page starts
    table_spans: tuple[tuple[int, int], ...]  # (start, end) of each ruled table's rows


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


class HeadingDepths:
    """Which lines are headings, and how deep, in order of trust: the PDF's outline
    (bookmarks) where it has one, a heading's level there giving its depth; else bold or
    larger type, the depth following the type size. A line holding a whole outline title
    is a heading whatever its type; one holding its start, only in heading type (the
    heading wraps onto the next lines). With an outline, other lines that look like
    headings sit below the outline's levels (the title, in the largest type, above them)."""

    MIN_PREFIX = 12  # characters of an outline title the first line of a wrapped heading must hold

    def __init__(self, pages: list[list[Line]], body: float, outline: Sequence[tuple[int, str]] = ()):
        self.body = body
        self.entries = [(level, _squash(title)) for level, title in outline]
        self.titles = {title: level for level, title in reversed(self.entries)}  # first level of each title
        self.cursor = 0  # outline entries before this one are matched already (the outline is in text order)
        self.max_level = max(self.titles.values(), default=0)
        self.sizes = heading_levels(pages, body)
        self.pending = ("", 0)  # the rest of an outline title wrapped onto the next line, and its level

    def depth(self, ln: Line) -> tuple[Optional[int], Optional[bool]]:
        """(markdown depth, or None for body text; for an outline heading whether the line
        goes on with the heading before, None for a heading found by its type)."""
        key = _squash(ln.text)
        if self.titles and key:
            rest, level = self.pending
            if rest.startswith(key):
                self.pending = (rest[len(key):], level)
                return level + 1, True
            found = self._match(key, len(key) >= self.MIN_PREFIX and _looks_like_heading(ln, self.body))
            if found is not None:
                level, title = found
                self.pending = (title[len(key):], level)
                return level + 1, False
            self.pending = ("", 0)
        if not _looks_like_heading(ln, self.body):
            return None, None
        depth = self.sizes.get(round(ln.size, 1), len(self.sizes))
        if self.titles and depth > 1:
            depth += self.max_level
        return depth, None

    def _match(self, key: str, prefix: bool) -> Optional[tuple[int, str]]:
        """(level, title) of the next outline entry holding the line (whole, or its start)."""
        def holds(title: str) -> bool:
            return title == key or (prefix and title.startswith(key))

        for i in range(self.cursor, len(self.entries)):
            if holds(self.entries[i][1]):
                self.cursor = i + 1
                return self.entries[i]
        return next(((level, t) for t, level in self.titles.items() if holds(t)), None)


def layout_text(pages: list[list[Line]], outline: Sequence[tuple[int, str]] = ()) -> LaidOut:
    """The document as one string with markdown headings, where each page starts and where
    its tables are. ``outline``: the PDF's bookmarks as (level from 1, title)."""
    body = body_size(pages)
    running = running_lines(pages, body)
    headings = HeadingDepths(pages, body, outline)
    right = text_right_edge(pages, body)
    gap_limit = line_gap(pages, body) + body * PARAGRAPH_GAP
    out: list[str] = []
    starts: list[int] = []
    table_spans: list[tuple[int, int]] = []
    para: list[str] = []
    last_bottom: Optional[float] = None
    last_right: Optional[float] = None
    para_x0 = 0.0  # where the paragraph's first line starts
    hanging = False  # the paragraph is a list item whose wrapped lines keep its indent

    def text_len() -> int:
        return sum(len(p) for p in out)

    def flush() -> None:
        if para:
            out.append(join_lines(para) + "\n\n")
            para.clear()

    for lines in pages:
        keep = [ln for ln in lines if not _is_running(ln, running, body)]
        full_line = last_right is not None and last_right >= right * SHORT_LINE
        runs_on = bool(para) and bool(keep) and _continues(para[-1], keep[0], body, full_line)
        if not runs_on:
            flush()
        starts.append(text_len() + (len(join_lines(para)) + 1 if para else 0))
        last_bottom = None
        last_right = None
        for ln in keep:
            if ln.table_rows is not None:
                flush()
                rows = "\n".join("\t".join(r) for r in ln.table_rows)
                table_spans.append((text_len(), text_len() + len(rows)))
                out.append(rows + "\n\n")
            elif (found := headings.depth(ln))[0] is not None:
                flush()
                depth, continued = found
                mark = "#" * min(depth + 1, 6) + " "
                wrapped = continued if continued is not None else (
                    out and out[-1].startswith(mark) and last_bottom is not None and ln.top - last_bottom < ln.size * 0.9)
                if wrapped:  # a long heading wrapped onto the next line
                    out[-1] = out[-1].rstrip("\n") + " " + ln.text + "\n\n"
                else:
                    out.append(mark + ln.text + "\n\n")
            else:
                if para and _BULLET.match(ln.text):
                    flush()
                elif para and not _runs_on(para, ln) and (
                        (last_bottom is not None and ln.top - last_bottom > gap_limit)
                        or (hanging and ln.x0 < para_x0 - 3
                            and last_right is not None and last_right < right * SHORT_LINE)):
                    flush()  # white space, or a list item ended short and the text is back at the margin
                if not para:
                    para_x0, hanging = ln.x0, False
                elif _BULLET.match(para[0]) and len(para) == 1:
                    hanging = ln.x0 >= para_x0 - 3  # the item's lines keep its indent
                if para and para[-1] != "\n" and last_right is not None and last_right < right * SHORT_LINE:
                    para.append("\n")  # the line ended before the margin: a hard line break
                para.append(ln.text)
            last_bottom = ln.bottom
            last_right = ln.x1 if ln.table_rows is None else None
    flush()
    return LaidOut("".join(out).rstrip("\n") + "\n", tuple(starts), tuple(table_spans))


def _is_running(ln: Line, running: dict[str, list[float]], body: float) -> bool:
    if not in_edge(ln) or _looks_like_heading(ln, body):
        return False
    offsets = running.get(_DIGITS.sub("#", ln.text), ())
    return any(abs(_edge_offset(ln) - off) <= RUNNING_SLACK for off in offsets) or _is_page_number(ln)


def _is_page_number(ln: Line) -> bool:
    """"7", "Side 7", "7 af 12" near the page's own number (cover pages may shift the count);
    a year wrapped onto a line of its own at the foot of a page ("2015") is text."""
    m = _PAGE_NUMBER.match(ln.text)
    return bool(m) and abs(int(_DIGITS.search(ln.text).group()) - ln.page) <= PAGE_NUMBER_SLACK


_SENTENCE_END = (".", ":", "!", "?")


def _goes_on(line: Line) -> bool:
    """The line starts in lower case or with a digit: it goes on with a sentence."""
    return line.text[:1].islower() or line.text[:1].isdigit()


def _runs_on(para: list[str], line: Line) -> bool:
    """The line goes on with a sentence the paragraph left open."""
    last = next((p for p in reversed(para) if p != "\n"), "")
    return _goes_on(line) and not last.rstrip().endswith(_SENTENCE_END)


def _continues(previous: str, line: Line, body: float, full_line: bool) -> bool:
    """A paragraph runs on over a page break when it stops mid-sentence and the
    next page goes on with body text (not a heading, bullet or table) that starts
    in lower case or with a digit, or after a page whose last line ran to the margin."""
    return (
        line.table_rows is None and bool(line.text) and not previous.rstrip().endswith(_SENTENCE_END)
        and not _looks_like_heading(line, body) and not _BULLET.match(line.text)
        and (_goes_on(line) or full_line)
    )


def join_lines(lines: list[str]) -> str:
    """Re-flow lines into one paragraph, joining words hyphenated across line ends;
    a "\\n" item is a hard line break that is kept."""
    text = lines[0]
    for prev, nxt in zip(lines, lines[1:]):
        if nxt == "\n" or prev == "\n":
            text += nxt if nxt == "\n" else nxt
        elif re.search(r"[a-zæøå]-$", text) and nxt[:1].islower():
            text = text[:-1] + nxt
        else:
            text = text + " " + nxt
    return text


def line_gap(pages: list[list[Line]], body: float) -> float:
    """The usual white space between two lines of one paragraph (median over body lines)."""
    gaps = []
    for lines in pages:
        body_lines = [ln for ln in lines if ln.text and not in_edge(ln) and not _looks_like_heading(ln, body)]
        for a, b in zip(body_lines, body_lines[1:]):
            gap = b.top - a.bottom
            if 0 <= gap < body:
                gaps.append(gap)
    return median(gaps) if gaps else body * 0.6


def text_right_edge(pages: list[list[Line]], body: float) -> float:
    """Where body lines usually end: the right margin of justified or ragged text."""
    ends = sorted(ln.x1 for lines in pages for ln in lines if ln.text and not _looks_like_heading(ln, body))
    return ends[int(len(ends) * 0.9)] if ends else 0.0
