"""From PDF pages to the same shape of text a converted document has.

Lines come from PDFium (:mod:`extract.read.pdf_lines`; a page PDFium cannot read, from
pdfplumber) with their type size and weight, ruled tables from pdfplumber as rows
standing in for lines (:mod:`extract.read.pdf_tables`). Running headers and
footers (lines repeated at the top or bottom of pages, page numbers) and letters stacked
down a margin are dropped (:mod:`extract.read.pdf_running`);
a line in bold or in type clearly larger than the body text, short and standing
alone, becomes a markdown heading whose depth follows its type size; words
hyphenated across a line end are joined; lines are re-flowed into paragraphs,
across page breaks too when a sentence runs on; ruled tables become tab-separated
rows. The structure finder then reads the result as it reads markdown.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median
from typing import Optional, Sequence

from extract.read.layout_rules import LayoutRules
from extract.read.pdf_running import Running, in_edge, stacked_letters
from extract.records import Line

HEADING_SIZE_RATIO = 1.12
SHORT_LINE = 0.7  # a body line ending before this share of the right margin ends a line on purpose
MAX_HEADING_CHARS = 160
PARAGRAPH_GAP = 0.25  # extra space (share of the body size) over the usual line gap that ends a paragraph
ASIDE_GAP = 0.6  # of a line's height: white space between two lines beside the flow that parts two blocks
HANG = 3.0  # points a list item's wrapped lines may stand left of its first line and still keep its indent
SAME_SIZE = 1.03  # heading type sizes closer than this ratio are one size (13.9 and 14.0 points)
SUBTITLE_WORDS = 3  # a sentence of at least this many words under a heading, in its type, is a subtitle
BULLET_HEADING_WORDS = 8  # a bold bullet line of at most this many words over its own paragraph is a heading


@dataclass(frozen=True)
class Style:
    """The body type size of a document and the rules of its layout: what the layout's
    questions about one line are answered by."""

    body: float
    r: LayoutRules

    def looks_like_heading(self, ln: Line) -> bool:
        """Bold or clearly larger type, short, no list item. OCR'd lines are left to the
        plain-text heading rules (short lines standing alone), which the structure finder applies."""
        if ln.ocr or ln.aside or not ln.text or len(ln.text) > MAX_HEADING_CHARS or self.r.bullet.match(ln.text):
            return False
        return ln.bold or ln.size >= self.body * HEADING_SIZE_RATIO

    def ends_sentence(self, text: str) -> bool:
        return text.rstrip().endswith(self.r.sentence_end)


def body_size(pages: list[list[Line]]) -> float:
    sizes: Counter = Counter()
    for lines in pages:
        for ln in lines:
            if ln.text:
                sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def heading_levels(pages: list[list[Line]], style: Style) -> dict[float, int]:
    """Markdown depth for each heading type size: the largest is the title (1). Sizes within
    ``SAME_SIZE`` of the next larger one share its depth (a producer's 13.9 and 14.0 points)."""
    sizes = sorted({round(ln.size, 1) for lines in pages for ln in lines if style.looks_like_heading(ln)}, reverse=True)
    out: dict[float, int] = {}
    depth, last = 0, None
    for size in sizes:
        if last is None or size * SAME_SIZE < last:
            depth += 1
            last = size
        out[size] = depth
    return out


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

    def __init__(self, pages: list[list[Line]], style: Style, outline: Sequence[tuple[int, str]] = ()):
        self.style = style
        self.entries = [(level, _squash(title)) for level, title in outline]
        self.titles = {title: level for level, title in reversed(self.entries)}  # first level of each title
        self.cursor = 0  # outline entries before this one are matched already (the outline is in text order)
        self.max_level = max(self.titles.values(), default=0)
        self.sizes = heading_levels(pages, style)
        self.pending = ("", 0)  # the rest of an outline title wrapped onto the next line, and its level

    def depth(self, ln: Line) -> tuple[Optional[int], Optional[bool]]:
        """(markdown depth, or None for body text; for an outline heading whether the line
        goes on with the heading before, None for a heading found by its type)."""
        key = _squash(ln.text)
        if self.titles and key:
            rest, level = self.pending
            if rest.startswith(key):
                self.pending = (rest[len(key) :], level)
                return level + 1, True
            found = self._match(key, len(key) >= self.MIN_PREFIX and self.style.looks_like_heading(ln))
            if found is not None:
                level, title = found
                self.pending = (title[len(key) :], level)
                return level + 1, False
            self.pending = ("", 0)
        if not self.style.looks_like_heading(ln):
            return None, None
        return self._typed(ln), None

    def _typed(self, ln: Line) -> int:
        """The depth of a heading found by its type size."""
        depth = self.sizes.get(round(ln.size, 1), len(self.sizes))
        if self.titles and depth > 1:
            depth += self.max_level
        return depth

    def bullet_depth(self, ln: Line) -> int:
        """A bold bullet line over its own paragraph ("• God timing"): one below the headings
        in its type, as the items of a list of themes sit under the heading that lists them."""
        size = round(ln.size, 1)
        return (self._typed(ln) if size in self.sizes else len(self.sizes) + (self.max_level if self.titles else 0)) + 1

    def _match(self, key: str, prefix: bool) -> Optional[tuple[int, str]]:
        """(level, title) of the next outline entry holding the line (whole, or its start)."""

        def holds(title: str) -> bool:
            return title == key or (prefix and title.startswith(key))

        for i in range(self.cursor, len(self.entries)):
            if holds(self.entries[i][1]):
                self.cursor = i + 1
                return self.entries[i]
        return next(((level, t) for t, level in self.titles.items() if holds(t)), None)


def layout_text(pages: list[list[Line]], r: LayoutRules, outline: Sequence[tuple[int, str]] = ()) -> LaidOut:
    """The document as one string with markdown headings, where each page starts and where
    its tables are. ``outline``: the PDF's bookmarks as (level from 1, title)."""
    style = Style(body_size(pages), r)
    running = Running(pages, style)
    writer = _Writer(
        style,
        HeadingDepths(pages, style, outline),
        text_right_edge(pages, style),
        line_gap(pages, style) + style.body * PARAGRAPH_GAP,
    )
    for lines in pages:
        stacked = stacked_letters(lines)
        writer.page([ln for ln in lines if not running.holds(ln) and id(ln) not in stacked])
    return writer.laid_out()


class _Writer:
    """The text of the document as its pages' lines are written out one after another:
    paragraphs re-flowed, headings and tables on lines of their own."""

    def __init__(self, style: Style, headings: HeadingDepths, right: float, gap_limit: float):
        self.style, self.headings, self.right, self.gap_limit = style, headings, right, gap_limit
        self.out: list[str] = []
        self.length = 0  # characters in ``out``
        self.starts: list[int] = []
        self.table_spans: list[tuple[int, int]] = []
        self.para: list[str] = []
        self.last_bottom: Optional[float] = None
        self.last_right: Optional[float] = None
        self.para_x0 = 0.0  # where the paragraph's first line starts
        self.hanging = False  # the paragraph is a list item whose wrapped lines keep its indent

    def _write(self, text: str) -> None:
        self.out.append(text)
        self.length += len(text)

    def flush(self) -> None:
        if self.para:
            self._write(join_lines(self.para, self.style.r) + "\n\n")
            self.para.clear()

    def page(self, keep: list[Line]) -> None:
        full_line = self.last_right is not None and self.last_right >= self.right * SHORT_LINE
        if not (self.para and keep and _continues(self.para[-1], keep[0], self.style, full_line)):
            self.flush()
        asides = [ln for ln in keep if ln.aside]
        if asides:
            self.flush()
        self.starts.append(self.length + (len(join_lines(self.para, self.style.r)) + 1 if self.para else 0))
        self.asides(asides)
        self.last_bottom = self.last_right = None
        flow = [ln for ln in keep if not ln.aside]
        for i, ln in enumerate(flow):
            if ln.table_rows is not None:
                self.table(ln.table_rows)
            elif (found := self.headings.depth(ln))[0] is not None:
                self.heading(ln, *found)
            elif self._bullet_heading(ln, flow[i + 1] if i + 1 < len(flow) else None):
                heading = replace(ln, text=self.style.r.bullet.sub("", ln.text))
                self.heading(heading, self.headings.bullet_depth(ln), None)
            else:
                self.body_line(ln)
            self.last_bottom = ln.bottom
            self.last_right = ln.x1 if ln.table_rows is None else None

    def _bullet_heading(self, ln: Line, nxt: Optional[Line]) -> bool:
        """A bold bullet line, short and no sentence, whose next line is its paragraph: body
        text not in bold, no list item, indented under the bullet's text ("• Branding" over
        "Det er ikke muligt at …")."""
        r = self.style.r
        return (
            ln.bold
            and not ln.ocr
            and r.bullet.match(ln.text) is not None
            and len(ln.text.split()) <= BULLET_HEADING_WORDS + 1
            and not self.style.ends_sentence(ln.text)
            and nxt is not None
            and nxt.table_rows is None
            and not nxt.bold
            and not r.list_item.match(nxt.text)
            and nxt.x0 > ln.x0 + HANG
            and nxt.top - ln.bottom < ln.size
        )

    def asides(self, lines: list[Line]) -> None:
        """Text beside the flow, before the page's flow: a block of lines for each group
        the white space between them separates (a department, a date, an address)."""
        if not lines:
            return
        gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]))
        usual = gaps[0] if gaps else 0.0  # the white space between two lines of one block
        last: Optional[Line] = None
        for ln in lines:
            if last is not None and ln.top - last.bottom > usual + (last.bottom - last.top) * ASIDE_GAP:
                self.flush()
            if self.para and not (self.style.r.hyphenated.search(self.para[-1]) and ln.text[:1].islower()):
                self.para.append("\n")  # a line of its own, unless its word goes on from the line before
            self.para.append(ln.text)
            last = ln
        self.flush()

    def table(self, table_rows: list[list[str]]) -> None:
        self.flush()
        rows = "\n".join("\t".join(r) for r in table_rows)
        self.table_spans.append((self.length, self.length + len(rows)))
        self._write(rows + "\n\n")

    def heading(self, ln: Line, depth: int, continued: Optional[bool]) -> None:
        self.flush()
        mark = "#" * min(depth + 1, 6) + " "
        wrapped = (
            continued
            if continued is not None
            else (
                self.out
                and self.out[-1].startswith(mark)
                and self.last_bottom is not None
                and ln.top - self.last_bottom < ln.size * 0.9
            )
        )
        if wrapped and continued is None and self._subtitle(ln):
            self.body_line(ln)  # a sentence under a heading in its type: the heading's subtitle
            return
        if wrapped:  # a long heading wrapped onto the next line
            last = self.out.pop()
            self.length -= len(last)
            self._write(join_lines([last.rstrip("\n"), ln.text], self.style.r) + "\n\n")
        else:
            self._write(mark + ln.text + "\n\n")

    def _subtitle(self, ln: Line) -> bool:
        """A line in a heading's type right under it that is a sentence of its own, begun
        with a capital and ended with a full stop ("DEL1 Hvad er rammen om kulturudviklingen"
        over "Et overblik over rammer og baggrund.")."""
        text = ln.text.strip()
        return text[:1].isupper() and text.endswith(".") and len(text.split()) >= SUBTITLE_WORDS

    def body_line(self, ln: Line) -> None:
        para, r = self.para, self.style.r
        ended_short = self.last_right is not None and self.last_right < self.right * SHORT_LINE
        if para and r.list_item.match(ln.text):
            self.flush()
        elif (
            para
            and not _runs_on(para, ln, self.style)
            and (
                (self.last_bottom is not None and ln.top - self.last_bottom > self.gap_limit)
                or (self.hanging and ln.x0 < self.para_x0 - HANG and ended_short)
            )
        ):
            self.flush()  # white space, or a list item ended short and the text is back at the margin
        if not para:
            self.para_x0, self.hanging = ln.x0, False
        elif r.list_item.match(para[0]) and len(para) == 1:
            self.hanging = ln.x0 >= self.para_x0 - HANG  # the item's lines keep its indent
        if para and para[-1] != "\n" and ended_short:
            para.append("\n")  # the line ended before the margin: a hard line break
        para.append(ln.text)

    def laid_out(self) -> LaidOut:
        self.flush()
        return LaidOut("".join(self.out).rstrip("\n") + "\n", tuple(self.starts), tuple(self.table_spans))


def _goes_on(line: Line) -> bool:
    """The line starts in lower case or with a digit: it goes on with a sentence."""
    return line.text[:1].islower() or line.text[:1].isdigit()


def _runs_on(para: list[str], line: Line, style: Style) -> bool:
    """The line goes on with a sentence the paragraph left open."""
    last = next((p for p in reversed(para) if p != "\n"), "")
    return _goes_on(line) and not style.ends_sentence(last)


def _continues(previous: str, line: Line, style: Style, full_line: bool) -> bool:
    """A paragraph runs on over a page break when it stops mid-sentence and the
    next page goes on with body text (not a heading, bullet or table) that starts
    in lower case or with a digit, or after a page whose last line ran to the margin."""
    return (
        line.table_rows is None
        and bool(line.text)
        and not style.ends_sentence(previous)
        and not style.looks_like_heading(line)
        and not style.r.list_item.match(line.text)
        and (_goes_on(line) or full_line)
    )


def join_lines(lines: list[str], r: LayoutRules) -> str:
    """Re-flow lines into one paragraph, joining words hyphenated across line ends;
    a "\\n" item is a hard line break that is kept."""
    text = lines[0]
    for prev, nxt in zip(lines, lines[1:]):
        if nxt == "\n" or prev == "\n":
            text += nxt
        elif r.hyphenated.search(text) and nxt[:1].islower():
            text = text[:-1] + nxt
        else:
            text = text + " " + nxt
    return text


def line_gap(pages: list[list[Line]], style: Style) -> float:
    """The usual white space between two lines of one paragraph (median over body lines)."""
    gaps = []
    for lines in pages:
        body_lines = [ln for ln in lines if ln.text and not in_edge(ln) and not style.looks_like_heading(ln)]
        for a, b in zip(body_lines, body_lines[1:]):
            gap = b.top - a.bottom
            if 0 <= gap < style.body:
                gaps.append(gap)
    return median(gaps) if gaps else style.body * 0.6


def text_right_edge(pages: list[list[Line]], style: Style) -> float:
    """Where body lines usually end: the right margin of justified or ragged text."""
    ends = sorted(ln.x1 for lines in pages for ln in lines if ln.text and not style.looks_like_heading(ln))
    return ends[int(len(ends) * 0.9)] if ends else 0.0
