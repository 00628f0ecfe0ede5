"""HTML files (exports of agenda systems, saved web pages) read with an HTML parser.

The parser (the standard library's) walks the elements: ``h1``–``h6`` become headings of
their level, ``li`` list items ("- ", or "N. " inside ``ol``), ``table`` rows of
TAB-separated cells (``td``/``th``) — unless the table lays the page out (it holds a
heading or another table, or one cell a row, as agenda systems wrap an item): then its
cells are read as the blocks they hold —
``br`` a line break, block elements (``p``, ``div``, ...) paragraphs; ``script``,
``style``, ``head`` and comments are dropped and entities decoded. ``<sup>1</sup>``
becomes "¹", so a footnote mark never glues onto a number.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Optional

from extract.read.blocks import Block, Heading, Paragraph, Table
from extract.read.normalise import SUPERSCRIPT

_WHITE = re.compile(r"[ \t\r\n\f]+")
_HEADING = re.compile(r"^h([1-6])$")
BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
    "pre", "address", "dl", "dt", "dd", "ul", "ol", "form", "fieldset", "figure", "figcaption",
    "caption", "hr", "body", "center",
}  # fmt: skip
DROPPED = {"script", "style", "head", "title", "noscript", "template", "svg"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> Optional[str]:
    """The encoding a ``<meta charset>`` declares in the file's head, when Python knows it."""
    found = _CHARSET.search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace")
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


class _TableKinds(HTMLParser):
    """First pass: which tables (by their place in the document) lay a page out rather than
    hold data: those holding a heading or another table, or only one cell a row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.count = 0
        self.open: list[int] = []
        self.cells: dict[int, int] = {}  # most cells in one row
        self.row = 0
        self.layout: set[int] = set()

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self.layout.update(self.open)
            self.open.append(self.count)
            self.cells[self.count] = 0
            self.count += 1
        elif _HEADING.match(tag):
            self.layout.update(self.open)
        elif tag == "tr":
            self.row = 0
        elif tag in ("td", "th") and self.open:
            self.row += 1
            self.cells[self.open[-1]] = max(self.cells[self.open[-1]], self.row)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.open:
            table = self.open.pop()
            if self.cells[table] <= 1:
                self.layout.add(table)


class _Reader(HTMLParser):
    def __init__(self, layout: set[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.layout = layout  # tables that lay the page out: their cells are read as blocks
        self.blocks: list[Block] = []
        self.text: list[str] = []  # the text of the block being read
        self.dropped = 0  # depth inside elements whose content is dropped
        self.heading: Optional[int] = None
        self.lists: list[list] = []  # open lists: [tag, items so far]
        self.item: Optional[str] = None  # the mark of the list item being read
        self.tables = 0  # tables started so far
        self.open: list[bool] = []  # for each open table, whether it holds data
        self.table: Optional[Table] = None  # the data table being read
        self.cell: Optional[list[str]] = None  # the text of the cell being read
        self.sup = False

    def _flush(self) -> None:
        text = "".join(self.text)
        self.text = []
        if not text.strip():
            return
        if self.heading is not None:
            self.blocks.append(Heading(self.heading, text))
        else:
            self.blocks.append(Paragraph(text, self.item or ""))
            self.item = None

    def _data_table(self) -> bool:
        return bool(self.open) and self.open[-1] and self.table is not None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROPPED:
            self.dropped += 1
        elif self.dropped:
            return
        elif tag == "br":
            self._add("\n")
        elif tag == "sup":
            self.sup = True
        elif tag == "table":
            data = self.tables not in self.layout
            self.tables += 1
            self.open.append(data)
            self._flush()
            if data:
                self.table = Table()
        elif tag in ("tr", "td", "th") and self._data_table():
            if tag == "tr" or not self.table.rows:
                self.table.rows.append([])
            if tag != "tr":
                self.cell = []
        elif self.cell is not None:
            if tag in BLOCK_TAGS or tag == "li" or _HEADING.match(tag):
                self._add("\n")
        elif (m := _HEADING.match(tag)) is not None:
            self._flush()
            self.heading = int(m.group(1))
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._flush()
            if self.lists:
                self.lists[-1][1] += 1
            ordered = self.lists and self.lists[-1][0] == "ol"
            self.item = f"{self.lists[-1][1]}. " if ordered else "- "
        elif tag in BLOCK_TAGS or tag in ("tr", "td", "th"):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self.dropped = max(0, self.dropped - 1)
        elif self.dropped:
            return
        elif tag == "sup":
            self.sup = False
        elif tag == "table" and self.open:
            if self.open.pop() and self.table is not None:
                self.blocks.append(self.table)
                self.table, self.cell = None, None
            else:
                self._flush()
        elif tag in ("td", "th") and self.cell is not None and self._data_table():
            self.table.rows[-1].append("".join(self.cell))
            self.cell = None
        elif self.cell is not None:
            return
        elif _HEADING.match(tag):
            self._flush()
            self.heading = None
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li" or tag in BLOCK_TAGS or tag in ("tr", "td", "th"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.dropped:
            data = _WHITE.sub(" ", data)  # white space in HTML source is a space; <br> breaks a line
            self._add(data.translate(SUPERSCRIPT) if self.sup and data.strip().isdigit() else data)

    def _add(self, text: str) -> None:
        (self.cell if self.cell is not None else self.text).append(text)

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(text: str) -> list[Block]:
    """The blocks of an HTML document, in order."""
    kinds = _TableKinds()
    kinds.feed(text)
    kinds.close()
    reader = _Reader(kinds.layout)
    reader.feed(text)
    reader.close()
    return reader.blocks
