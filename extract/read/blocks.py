"""A document read as blocks (headings, paragraphs, list items, tables) written as the
text the structure finder reads: the shape a PDF's layout is written in.

A heading is a markdown heading (``#`` per level), a list item a line of its own
opening with its mark ("- " for a bullet, "1." as numbered), a table its rows with
TAB-separated cells (each table's span is kept, as a PDF's ruled tables are), a
paragraph its text with its line breaks. Blocks are separated by a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from extract.read.normalise import line_ends

_SPACE = re.compile(r"[ \t\u00a0]+")
MAX_DEPTH = 6


@dataclass
class Heading:
    level: int  # 1 is the title's level, 2 the first level of headings below it
    text: str


@dataclass
class Paragraph:
    text: str
    mark: str = ""  # a list item's mark ("- ", "1. "), empty for body text


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)


Block = Union[Heading, Paragraph, Table]


def clean(text: str) -> str:
    """White space within a line made one space; line breaks kept, without blank lines (the
    text a parser already decoded: entities and tags in it are the document's words)."""
    lines = (_SPACE.sub(" ", ln).strip() for ln in line_ends(text).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def cell(text: str) -> str:
    """A table cell's text on one line."""
    return " ".join(clean(text).split())


def write_blocks(blocks: list[Block]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The blocks as one text, and the (start, end) of each table's rows."""
    out: list[str] = []
    length = 0
    spans: list[tuple[int, int]] = []
    for block in blocks:
        if isinstance(block, Table):
            rows = [r for r in block.rows if any(c.strip() for c in r)]
            if not rows:
                continue
            piece = "\n".join("\t".join(cell(c) for c in r) for r in rows)
            spans.append((length, length + len(piece)))
        elif isinstance(block, Heading):
            piece = " ".join(clean(block.text).split())
            if not piece:
                continue
            piece = "#" * max(1, min(block.level, MAX_DEPTH)) + " " + piece
        else:
            piece = clean(block.text)
            if not piece:
                continue
            piece = block.mark + piece
        out.append(piece + "\n\n")
        length += len(piece) + 2
    return "".join(out).rstrip("\n") + "\n", tuple(spans)
