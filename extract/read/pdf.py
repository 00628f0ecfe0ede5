"""Reading PDF sources: text per page, joined into one string.

A page's lines come from PDFium (:mod:`extract.read.pdfium_lines`: the same records as
pdfplumber's, sooner) unless it holds ruling lines (tables), has no usable text or is
of a kind PDFium's reading cannot match exactly: those pages are read by pdfplumber,
as all pages were before 0.2.2.

Pages are separated by a blank line; ``SourceText.page_starts`` records where
each page begins so every record can carry its page number. A page without a
text layer, or with a text layer of noise (a broken font encoding, a bad OCR),
is read by OCR when Tesseract is there, its æ, ø, å damage repaired
(:mod:`extract.read.ocr_repair`); else it is left empty and reported. A PDF with no
usable text on any page, an encrypted PDF, or one over the page limit is refused
with the reason.
"""
from __future__ import annotations

import os
import re
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from extract.read import ocr
from extract.errors import SourceError
from extract.read.normalise import detect_format, normalise, repair_damage
from extract.read.ocr_repair_rules import OcrRepairRules
from extract.read.pdf_layout import layout_text, page_lines
from extract.read.pdfium_lines import PdfiumPages, open_pdfium
from extract.records import Line, SourceText

# A "word" a reader would recognise: Latin letters (with Danish ones), at least
# one vowel. A text layer where few tokens are words is noise.
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"^[(\"'„“]*[A-Za-zÆØÅæøåÉéÜüÖöÄä-]*[AEIOUYÆØÅaeiouyæøåéü][A-Za-zÆØÅæøåÉéÜüÖöÄä-]*[.,;:!?)\"'”]*$")
_NUMBER = re.compile(r"^[\d.,:;%()/–-]+$")
MIN_WORD_SHARE = 0.5


def is_garbage(text: str) -> bool:
    """True when a text layer is mostly noise rather than words and numbers."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < 5:
        return False
    readable = sum(1 for t in tokens if _WORD.match(t) or _NUMBER.match(t))
    return readable < MIN_WORD_SHARE * len(tokens)


def _open_error(path: Path, e: Exception) -> SourceError:
    cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
    name = type(cause).__name__
    if "Password" in name or "Encryption" in name:
        return SourceError(path.name, "the PDF is password-protected or encrypted: add an unprotected copy")
    detail = str(cause) or name
    return SourceError(path.name, f"not a readable PDF ({detail})")


@dataclass
class ParsedPdf:
    """What parsing a PDF gives, before its lines are laid out as text: kept in the parse cache."""

    pages: list[list[Line]]
    ocr_confidence: dict[int, float]
    outline: list[tuple[int, str]]


def parse_pdf(path: Path, max_pages: Optional[int] = None, data: Optional[bytes] = None,
              use_pdfium: bool = True) -> ParsedPdf:
    """The lines of every page (OCR'd where there is no text layer) and the outline.
    ``use_pdfium=False`` reads every page with pdfplumber (as before 0.2.2: to compare)."""
    import io

    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data) if data is not None else path)
    except Exception as e:  # pdfminer raises many untyped errors on broken files
        raise _open_error(path, e) from None
    with pdf:
        try:
            check_page_count(path, len(pdf.pages), max_pages)
            fast = open_pdfium(data if data is not None else path, pdf) if use_pdfium else None
            with fast or nullcontext():
                pages, ocr_confidence = _read_pages(pdf.pages, fast)
            outline = read_outline(pdf)
        except SourceError:
            raise
        except Exception as e:
            raise _open_error(path, e) from None
    return ParsedPdf(pages, ocr_confidence, outline)


def check_page_count(path: Path, count: int, max_pages: Optional[int]) -> None:
    """Refuse a document with more pages than ``max_pages`` (memory stays bounded)."""
    if max_pages is not None and count > max_pages:
        raise SourceError(path.name, f"{count} pages, over the limit of {max_pages} pages (kb build --max-pages)")


def pdf_source(path: Path, parsed: ParsedPdf, repair: OcrRepairRules) -> SourceText:
    """The parsed PDF laid out as one text (headings, paragraphs, tables, pages), its OCR
    damage repaired (``repair``: the rules)."""
    return _join_pages(path, parsed.pages, parsed.ocr_confidence, parsed.outline, repair)


def read_pdf_source(path: Path, repair: OcrRepairRules, max_pages: Optional[int] = None,
                    data: Optional[bytes] = None) -> SourceText:
    return pdf_source(path, parse_pdf(path, max_pages, data), repair)


def read_outline(pdf) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (level from 1, title); none when it has no outline or a broken one."""
    try:
        entries = list(pdf.doc.get_outlines())
    except Exception:  # pdfminer: PDFNoOutlines, or an outline it cannot follow
        return []
    out = []
    for entry in entries:
        level, title = entry[0], entry[1]
        if isinstance(title, bytes):
            title = title.decode("utf-16" if title.startswith((b"\xfe\xff", b"\xff\xfe")) else "latin-1", "replace")
        if isinstance(title, str) and title.strip():
            out.append((int(level), normalise(title).strip()))
    return out


def _read_pages(pdf_pages, fast: Optional[PdfiumPages] = None) -> tuple[list[list[Line]], dict[int, float]]:
    """Lines of every page (from PDFium where ``fast`` can give them exactly, else from
    pdfplumber); pages without a usable text layer are OCR'd in parallel batches when
    Tesseract is there (their mean confidence is returned per page)."""
    use_ocr = ocr.ocr_available()
    batch_size = 2 * (os.cpu_count() or 1)
    pages: list[list[Line]] = []
    pending: list[tuple[int, object, float]] = []
    confidence: dict[int, float] = {}

    def run_batch() -> None:
        for number, result in ocr.ocr_pages(pending).items():
            if result.lines and not is_garbage(" ".join(ln.text for ln in result.lines)):
                pages[number - 1] = result.lines
                confidence[number] = result.confidence
        pending.clear()

    for number, page in enumerate(pdf_pages, start=1):
        lines = fast.lines(number - 1, page) if fast is not None else None
        if lines is None or not _usable(lines):  # ruled, unusual or without usable text: as pdfplumber reads it
            lines = _usable_lines(page, number)
        if not lines and use_ocr:
            pending.append((number, page.to_image(resolution=ocr.DPI).original, float(page.height)))
        page.close()  # free the parsed layout: long PDFs stay within memory
        pages.append(lines)
        if len(pending) >= batch_size:
            run_batch()
    if pending:
        run_batch()
    return pages, confidence


def _usable_lines(page, number: int) -> list[Line]:
    """The page's lines (pdfplumber's), or none when it has no usable text layer."""
    lines = page_lines(page, number)
    return lines if _usable(lines) else []


def _usable(lines: list[Line]) -> bool:
    """The lines hold text (or a table) that is not noise."""
    text = " ".join(ln.text for ln in lines)
    if not text.strip() and not any(ln.table_rows for ln in lines):
        return False
    return not is_garbage(text)


def _join_pages(path: Path, pages: list[list[Line]], ocr_confidence: dict[int, float],
                outline: list[tuple[int, str]], repair: OcrRepairRules) -> SourceText:
    needs_ocr = [n for n, lines in enumerate(pages, start=1) if not lines]
    hint = "no text was found by OCR either" if ocr.ocr_available() else f"it needs OCR: {ocr.INSTALL_HINT}"
    if len(needs_ocr) == len(pages):
        raise SourceError(
            path.name, f"no usable text layer on any of its {len(pages)} page(s) (empty or garbage): {hint}")
    warnings = [f"page {n} of {len(pages)} has no usable text layer ({hint}); left empty" for n in needs_ocr]
    warnings += [f"page {n} was read by OCR (Tesseract, mean confidence {c:.0f})" for n, c in sorted(ocr_confidence.items())]
    laid = layout_text(pages, outline)
    ends = [*laid.page_starts[1:], len(laid.text)]
    ocr_spans = [(laid.page_starts[n - 1], ends[n - 1]) for n in sorted(ocr_confidence)]
    fixed = repair_damage(laid.text, repair, ocr_spans)
    moved = fixed.map_offset
    return SourceText(text=fixed.text, format=detect_format(fixed.text, ".pdf"),
                      page_starts=tuple(moved(s) for s in laid.page_starts),
                      table_spans=tuple((moved(a), moved(b)) for a, b in laid.table_spans),
                      warnings=tuple(warnings) + fixed.warnings, origin="pdf",
                      ocr_pages=tuple(sorted(ocr_confidence.items())), ocr_damaged=fixed.damaged,
                      original_text=fixed.original_text, repairs=fixed.repairs)
