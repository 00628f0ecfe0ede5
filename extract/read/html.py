"""HTML files (exports of agenda systems, saved web pages) read with an HTML parser.

The parser (the standard library's) walks the elements: ``h1``–``h6`` become headings of
their level, ``li`` list items ("- ", or "N. " inside ``ol``), ``table`` rows of
TAB-separated cells (``td``/``th``; a table inside a cell gives its text to that cell),
``br`` a line break, block elements (``p``, ``div``, ...) paragraphs; ``script``,
``style``, ``head`` and comments are dropped and entities decoded. ``<sup>1</sup>``
becomes "¹", so a footnote mark never glues onto a number.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Optional

from extract.read.blocks import Block, Heading, Paragraph, Table

_WHITE = re.compile(r"[ \t\r\n\f]+")
_HEADING = re.compile(r"^h([1-6])$")
BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
    "pre", "address", "dl", "dt", "dd", "ul", "ol", "form", "fieldset", "figure", "figcaption",
    "caption", "hr", "body", "center",
}  # fmt: skip
DROPPED = {"script", "style", "head", "title", "noscript", "template", "svg"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
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


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []  # the text of the block being read
        self.dropped = 0  # depth inside elements whose content is dropped
        self.heading: Optional[int] = None
        self.lists: list[list] = []  # open lists: [tag, items so far]
        self.item: Optional[str] = None  # the mark of the list item being read
        self.tables: list[Table] = []
        self.cell: Optional[list[str]] = None  # the text of the cell being read
        self.sup = False

    # --- blocks ---
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

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROPPED:
            self.dropped += 1
            return
        if self.dropped:
            return
        if tag == "br":
            self._add("\n")
            return
        if tag == "sup":
            self.sup = True
            return
        if self.cell is not None and tag not in ("td", "th", "tr", "table"):
            if tag in BLOCK_TAGS or tag == "li" or _HEADING.match(tag):
                self._add("\n")
            return
        if tag == "table":
            if self.tables and self.cell is not None:  # a table inside a cell: its text is the cell's
                self.tables.append(Table())
                return
            self._flush()
            self.tables.append(Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            if len(self.tables) > 1 and self.cell is not None:
                self._add(" ")
                return
            if not self.tables[-1].rows:
                self.tables[-1].rows.append([])
            self.cell = []
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
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self.dropped = max(0, self.dropped - 1)
            return
        if self.dropped:
            return
        if tag == "sup":
            self.sup = False
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            if not self.tables:
                self.blocks.append(table)
        elif tag in ("td", "th") and self.cell is not None and len(self.tables) == 1:
            self.tables[-1].rows[-1].append("".join(self.cell))
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
        elif tag == "li" or tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.dropped:
            data = _WHITE.sub(" ", data)  # white space in HTML source is a space; <br> breaks a line
            self._add(data.translate(_SUPERSCRIPT) if self.sup and data.strip().isdigit() else data)

    def _add(self, text: str) -> None:
        (self.cell if self.cell is not None else self.text).append(text)

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(text: str) -> list[Block]:
    """The blocks of an HTML document, in order."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.blocks
