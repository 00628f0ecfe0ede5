"""Word files (.docx) read with python-docx: headings, paragraphs, lists and tables in order.

A paragraph is a heading by its style (``rules/formats.yml``: "Heading 1".."Heading 9",
"Overskrift 1".., the title style) or by its outline level; a heading Word numbers
itself ("1.2 Økonomi", the number not in the text) keeps its number. A numbered or
bulleted paragraph is a list item with its number or "- ". Tables are tables: rows of
TAB-separated cells. A .docx has no pages as it is read: every record's page is unknown.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Optional

from extract.errors import SourceError
from extract.read.blocks import Block, Heading, Paragraph, Table
from extract.rules import RuleError, require_keys, require_regex

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KINDS = ("heading", "title", "body")


@dataclass(frozen=True)
class FormatRules:
    heading_style: re.Pattern  # group "level"
    title_style: re.Pattern
    examples: tuple


def load_rules(data) -> FormatRules:
    data = require_keys(data, "-", ["heading_style", "title_style", "examples"])
    heading = require_regex(data["heading_style"], "heading_style")
    if "level" not in heading.groupindex:
        raise RuleError("heading_style", "needs a group named level: (?P<level>[1-9])")
    examples = data["examples"]
    if not isinstance(examples, list) or not examples:
        raise RuleError("examples", "needs a list of {style, is, level}")
    for i, ex in enumerate(examples):
        ex = require_keys(ex, f"examples[{i}]", ["style", "is"], ["level"])
        if ex["is"] not in KINDS:
            raise RuleError(f"examples[{i}]", f"is must be one of {list(KINDS)}")
    return FormatRules(heading, require_regex(data["title_style"], "title_style"), tuple(examples))


def style_kind(name: str, r: FormatRules) -> tuple[str, Optional[int]]:
    """("heading", level), ("title", None) or ("body", None) for a paragraph style's name."""
    found = r.heading_style.match(name.strip())
    if found:
        return "heading", int(found.group("level"))
    if r.title_style.match(name.strip()):
        return "title", None
    return "body", None


class Numbering:
    """The numbers Word puts before numbered paragraphs, counted as the document goes."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (format, text, start)
        self.counts: dict[str, list[int]] = {}
        from docx.opc.constants import RELATIONSHIP_TYPE

        try:
            root = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        except (KeyError, AttributeError):  # a document without numbering definitions
            return
        abstract = {}
        for a in root.findall(f"{W}abstractNum"):
            lvls = {}
            for lvl in a.findall(f"{W}lvl"):
                fmt, text, start = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText"), lvl.find(f"{W}start")
                lvls[int(lvl.get(f"{W}ilvl"))] = (
                    fmt.get(f"{W}val") if fmt is not None else "decimal",
                    text.get(f"{W}val") if text is not None else "",
                    int(start.get(f"{W}val")) if start is not None else 1,
                )
            abstract[a.get(f"{W}abstractNumId")] = lvls
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{W}numId")] = abstract.get(ref.get(f"{W}val"), {})

    def mark(self, paragraph) -> Optional[str]:
        """The paragraph's number ("2.", "1.3") or "-" for a bullet; None when it has none."""
        found = _numbering_of(paragraph)
        if found is None:
            return None
        num_id = found.find(f"{W}numId")
        ilvl = found.find(f"{W}ilvl")
        num = num_id.get(f"{W}val") if num_id is not None else None
        level = int(ilvl.get(f"{W}val")) if ilvl is not None else 0
        lvls = self.levels.get(num)
        if not num or num == "0" or lvls is None:
            return None
        fmt, text, _ = lvls.get(level, ("decimal", f"%{level + 1}.", 1))
        if fmt == "bullet":
            return "-"
        counts = self.counts.setdefault(num, [0] * 9)
        counts[level] = counts[level] + 1 if counts[level] else lvls.get(level, ("", "", 1))[2]
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        mark = re.sub(r"%([1-9])", lambda m: str(counts[int(m.group(1)) - 1] or 1), text)
        return mark.strip() or None


def _numbering_of(paragraph):
    """The paragraph's numbering properties: its own, else its style's (a numbered heading style)."""
    found = paragraph._p.find(f"{W}pPr/{W}numPr")
    style = paragraph.style
    while found is None and style is not None:
        found = style.element.find(f"{W}pPr/{W}numPr")
        style = style.base_style
    return found


def _cells(row) -> list[str]:
    """A row's cells' texts, a cell merged over several columns once."""
    out, seen = [], None
    for c in row.cells:
        if c._tc is not seen:
            out.append(c.text)
        seen = c._tc
    return out


def _outline_level(paragraph) -> Optional[int]:
    found = paragraph._p.find(f"{W}pPr/{W}outlineLvl")
    if found is None:
        return None
    value = int(found.get(f"{W}val", "9"))
    return value + 1 if value < 9 else None


def docx_blocks(data: bytes, name: str, r: FormatRules) -> list[Block]:
    """The blocks of a .docx file, in document order."""
    import docx
    from docx.table import Table as DocxTable

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # a zip that is not a Word document, a broken part
        raise SourceError(name, f"not a readable Word .docx file ({type(e).__name__}): save it again as .docx or PDF")
    numbering = Numbering(document)
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            blocks.append(Table([_cells(row) for row in item.rows]))
            continue
        text = item.text
        if not text.strip():
            continue
        kind, level = style_kind(item.style.name if item.style is not None else "", r)
        level = level or (_outline_level(item) if kind == "body" else None)
        mark = numbering.mark(item)
        if kind == "title":
            blocks.append(Heading(1, text))
        elif level is not None:
            blocks.append(Heading(level + 1, f"{mark} {text}" if mark and mark != "-" else text))
        else:
            blocks.append(Paragraph(text, f"{mark} " if mark else ""))
    return blocks
