"""A picture of one PDF page with what the extractor found on it boxed.

Headings (red), tables (blue), amounts (green) and milestone dates (orange) are
drawn over the page with pdfplumber's ``page.to_image()``, so a user can see why a
heading was missed or an amount not read. Each record is located on the page by
searching its text (white space between any two characters allowed, since a
quote may wrap over lines); what cannot be located is listed, not drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import SourceError
from extract.records import Extraction

COLOURS = {"heading": "#d62728", "table": "#1f77b4", "amount": "#2ca02c", "milestone": "#ff7f0e"}
RESOLUTION = 110


@dataclass
class PageDebug:
    path: Path
    boxed: dict[str, int] = field(default_factory=dict)
    not_found: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)


def _pattern(text: str) -> str:
    chars = [re.escape(c) for c in re.sub(r"\s+", "", text)]
    return r"\s*".join(chars)


def _targets(ex: Extraction, page: int) -> list[tuple[str, str]]:
    out = [("heading", s.heading) for s in ex.sections if s.page == page and s.heading]
    out += [("amount", a.quote) for a in ex.amounts if a.page == page]
    out += [("milestone", m.date_text) for m in ex.milestones if m.page == page]
    return out


def draw_page(pdf_path: Path, page: int, ex: Extraction, out: Path) -> PageDebug:
    """Write ``out`` (PNG): page ``page`` (1-based) of the PDF with its records boxed."""
    import pdfplumber

    result = PageDebug(out)
    with pdfplumber.open(pdf_path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise SourceError(pdf_path.name, f"has {len(pdf.pages)} page(s); there is no page {page}")
        p = pdf.pages[page - 1]
        image = p.to_image(resolution=RESOLUTION)
        tables = p.find_tables()
        for t in tables:
            image.draw_rect(t.bbox, stroke=COLOURS["table"], fill=(0, 0, 0, 0), stroke_width=3)
        result.boxed["table"] = len(tables)
        searched: dict[str, int] = {}
        for kind, text in _targets(ex, page):
            matches = p.search(_pattern(text), regex=True, case=True) if text.strip() else []
            nth = searched.get(text, 0)  # the same text twice on a page: box the next match each time
            searched[text] = nth + 1
            if nth >= len(matches):
                result.not_found.append((kind, text))
                continue
            m = matches[nth]
            image.draw_rect(
                (m["x0"], m["top"], m["x1"], m["bottom"]), stroke=COLOURS[kind], fill=(0, 0, 0, 0), stroke_width=2
            )
            result.boxed[kind] = result.boxed.get(kind, 0) + 1
        image.save(out, format="PNG")
    return result
