"""The source passage of a record: the document's text around the quote, the quote marked,
the section path above it; for a PDF the page with the quote boxed.

Pure functions over rows the site reads (plugins/kb_passage.py serves them); the page image
is drawn with pdfplumber once and kept in a folder beside the database.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

CONTEXT = 700  # characters of text shown before and after the quote
RECORD_TABLES = ("sections", "amounts", "target_groups", "milestones", "allocations", "tables", "table_cells")
PAGE_RESOLUTION = 110  # dots per inch of a page image


@dataclass(frozen=True)
class Passage:
    before: str
    quote: str
    after: str
    cut_before: bool
    cut_after: bool

    def html(self) -> Markup:
        """The passage as HTML: the text escaped, the quote in <mark>, line breaks kept."""
        return Markup(
            ("… " if self.cut_before else "")
            + str(escape(self.before))
            + f'<mark id="citat">{escape(self.quote)}</mark>'
            + str(escape(self.after))
            + (" …" if self.cut_after else "")
        )


def passage(text: str, start: int, end: int, context: int = CONTEXT) -> Passage:
    """The text around [start, end), cut at line breaks (else at spaces) about ``context``
    characters away.

    >>> p = passage("Første linje.\\nBeløbet er 4,0 mio. kr. i 2013.\\nSidste linje.", 25, 37)
    >>> (p.quote, p.before[-11:], p.after[:9])
    ('4,0 mio. kr.', 'Beløbet er ', ' i 2013.\\n')
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo = max(0, start - context)
    if lo > 0:
        cut = text.find("\n", lo, start)
        lo = cut + 1 if cut >= 0 else text.find(" ", lo, start) + 1
    hi = min(len(text), end + context)
    if hi < len(text):
        cut = text.rfind("\n", end, hi)
        hi = cut if cut >= 0 else max(end, text.rfind(" ", end, hi))
    return Passage(text[lo:start], text[start:end], text[end:hi], lo > 0, hi < len(text))


def image_name(document_id: str, page: int, quote: str, start: int) -> str:
    """The cached image's file name: one per document, page and quote."""
    key = hashlib.sha256(f"{quote}\0{start}".encode()).hexdigest()[:16]
    return f"{document_id}-p{page}-{key}.png"


def draw_page(pdf: Path, page: int, quote: str, nth: int, out: Path) -> bool:
    """Draw the page of the PDF with the nth occurrence of the quote boxed (the first when
    there are fewer) into ``out``; whether the quote was found on the page."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        p = doc.pages[page - 1]
        words = quote.split()
        pattern = r"\s*".join(_escape(w) for w in words) if words else ""
        found = p.search(pattern, regex=True, case=False) if pattern else []
        image = p.to_image(resolution=PAGE_RESOLUTION)
        if found:
            match = found[min(nth, len(found) - 1)]
            for box in _line_boxes(match["chars"]):
                image.draw_rect(box, fill=(255, 230, 0, 70), stroke=(220, 0, 0), stroke_width=3)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp.png")
        image.save(tmp, format="PNG")
        tmp.replace(out)
        return bool(found)


def _escape(word: str) -> str:
    import re

    return re.escape(word)


def _line_boxes(chars: list[dict]) -> list[tuple[float, float, float, float]]:
    """One box per line the characters stand on (a quote may wrap)."""
    lines: dict[int, list[dict]] = {}
    for c in chars:
        lines.setdefault(round(c["top"]), []).append(c)
    pad = 2
    return [
        (min(c["x0"] for c in cs) - pad, min(c["top"] for c in cs) - pad,
         max(c["x1"] for c in cs) + pad, max(c["bottom"] for c in cs) + pad)
        for cs in lines.values()
    ]  # fmt: skip


SOURCES_PREFIX = "sources/"


def sources_dir() -> Path | None:
    """The sources folder ``kb serve`` serves files from (it sets ``KB_SOURCES_DIR``)."""
    folder = os.environ.get("KB_SOURCES_DIR")
    return Path(folder).resolve() if folder else None


def source_file(folder: Path | None, stored_path: str) -> Path | None:
    """The file a document was built from, when it lies inside the sources folder (no "..",
    no absolute path, no symlink leading out); None otherwise."""
    if folder is None or not stored_path.startswith(SOURCES_PREFIX):
        return None
    path = (folder / stored_path[len(SOURCES_PREFIX) :]).resolve()
    return path if folder in path.parents and path.is_file() else None
