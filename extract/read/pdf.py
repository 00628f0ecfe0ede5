"""Reading PDF sources: text per page, joined into one string.

Every page is read through PDFium (pypdfium2): its characters gathered into runs
(:mod:`extract.read.pdf_chars`), the runs into lines (:mod:`extract.read.pdf_lines`).
pdfplumber is opened only where it adds something (:mod:`extract.read.pdf_tables`): on a
page whose rules close table cells it finds the tables (the text around them is still
PDFium's), and a page PDFium's reading cannot use (an error, text without Unicode, text
mostly not upright) it reads whole. The outline, the page count and the refusals of an
encrypted or unreadable file come from PDFium.

Pages are separated by a blank line; ``SourceText.page_starts`` records where
each page begins so every record can carry its page number. A page without a
text layer, or with a text layer of noise (a broken font encoding, a bad OCR),
is read by OCR when Tesseract is there (the page rendered by PDFium), its æ, ø, å
damage repaired (:mod:`extract.read.ocr_repair`); else it is left empty and reported.
A PDF with no usable text on any page, an encrypted PDF, or one over the page limit is
refused with the reason.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from extract.errors import SourceError
from extract.read import ocr
from extract.read.layout_rules import LayoutRules
from extract.read.normalise import detect_format, normalise, repair_damage
from extract.read.ocr_repair_rules import OcrRepairRules
from extract.read.pdf_chars import read_page_text
from extract.read.pdf_layout import layout_text
from extract.read.pdf_lines import lines_of
from extract.read.pdf_repair import rebuilt
from extract.read.pdf_tables import PlumberPages, holds_ruled_table, page_lines, page_without_images, table_lines
from extract.records import Line, SourceText

# A "word" a reader would recognise: Latin letters (with Danish ones), at least
# one vowel. A text layer where few tokens are words is noise.
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"^[(\"'„“]*[A-Za-zÆØÅæøåÉéÜüÖöÄä-]*[AEIOUYÆØÅaeiouyæøåéü][A-Za-zÆØÅæøåÉéÜüÖöÄä-]*[.,;:!?)\"'”]*$")
_NUMBER = re.compile(r"^[\d.,:;%()/–-]+$")
MIN_WORD_SHARE = 0.5
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one call into it at a time in a process
PDFIUM = "pdfium"
PDFIUM_TABLES = "pdfium + pdfplumber tables"
OCR = "ocr"
NOT_LOADED = "pdfplumber: PDFium could not load the page"
LOST = "lost: the page is damaged (neither reader could load it)"
REBUILT_WARNING = "the file is damaged (cut short or corrupt): read with its cross-reference table rebuilt"


def is_garbage(text: str) -> bool:
    """True when a text layer is mostly noise rather than words and numbers."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < 5:
        return False
    readable = sum(1 for t in tokens if _WORD.match(t) or _NUMBER.match(t))
    return readable < MIN_WORD_SHARE * len(tokens)


def _is_protected(e: Exception) -> bool:
    """The PDF could not be opened because it is password-protected or encrypted."""
    import pypdfium2.raw as raw

    if getattr(e, "err_code", None) in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
        return True
    cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
    return "Password" in type(cause).__name__ or "Encryption" in type(cause).__name__


def _open_error(path: Path, e: Exception) -> SourceError:
    if _is_protected(e):
        return SourceError(path.name, "the PDF is password-protected or encrypted: add an unprotected copy")
    cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
    detail = str(cause) or type(cause).__name__
    found = re.search(r"\(PDFium: ([^)]*)\)", detail)
    return SourceError(path.name, f"not a readable PDF ({found.group(1) if found else detail})")


@dataclass
class ParsedPdf:
    """What parsing a PDF gives, before its lines are laid out as text: kept in the parse cache."""

    pages: list[list[Line]]
    ocr_confidence: dict[int, float]
    outline: list[tuple[int, str]]
    readers: tuple[str, ...] = ()  # per page what read it: PDFIUM, PDFIUM_TABLES, OCR, "pdfplumber: <why>" or LOST
    ocr_rotations: tuple[tuple[int, int], ...] = ()  # (page, degrees turned clockwise before OCR) of turned pages
    rebuilt: bool = False  # the file was damaged: read with its cross-reference table rebuilt (pdf_repair)


def parse_pdf(
    path: Path, max_pages: Optional[int] = None, data: Optional[bytes] = None, use_pdfium: bool = True
) -> ParsedPdf:
    """The lines of every page (OCR'd where there is no text layer) and the outline.
    ``use_pdfium=False`` reads every page's lines with pdfplumber (to compare)."""
    import pypdfium2 as pdfium

    source: Union[Path, bytes] = data if data is not None else path
    rebuilt = False
    try:
        with _PDFIUM:
            doc = pdfium.PdfDocument(source)
    except Exception as e:  # PdfiumError, or the file cannot be read
        doc, source = _open_rebuilt(path, source, e)
        rebuilt = True
    plumber = PlumberPages(source)
    try:
        check_page_count(path, len(doc), max_pages)
        pages, confidence, readers, rotations = _read_pages(doc, plumber, use_pdfium)
        with _PDFIUM:
            outline = read_outline(doc)
    except SourceError:
        raise
    except Exception as e:
        raise _open_error(path, e) from None
    finally:
        plumber.close()
        with _PDFIUM:
            doc.close()
    return ParsedPdf(pages, confidence, outline, tuple(readers), tuple(sorted(rotations.items())), rebuilt)


def _open_rebuilt(path: Path, source: Union[Path, bytes], error: Exception):
    """A PDF PDFium cannot open, opened with its cross-reference table rebuilt from the
    objects it still holds (a file cut short or damaged); the first error when that fails."""
    import pypdfium2 as pdfium

    failed = _open_error(path, error)
    if _is_protected(error):  # protected, not damaged
        raise failed from None
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError:
        raise failed from None
    fixed = rebuilt(data)
    if fixed is None:
        raise failed from None
    try:
        with _PDFIUM:
            return pdfium.PdfDocument(fixed), fixed
    except Exception:
        raise failed from None


def check_page_count(path: Path, count: int, max_pages: Optional[int]) -> None:
    """Refuse a document with more pages than ``max_pages`` (memory stays bounded)."""
    if max_pages is not None and count > max_pages:
        raise SourceError(path.name, f"{count} pages, over the limit of {max_pages} pages (kb build --max-pages)")


def pdf_source(path: Path, parsed: ParsedPdf, repair: OcrRepairRules, layout: LayoutRules) -> SourceText:
    """The parsed PDF laid out as one text (headings, paragraphs, tables, pages), its OCR
    damage repaired (``repair``: the rules)."""
    return _join_pages(path, parsed, repair, layout)


def read_pdf_source(
    path: Path,
    repair: OcrRepairRules,
    layout: LayoutRules,
    max_pages: Optional[int] = None,
    data: Optional[bytes] = None,
) -> SourceText:
    return pdf_source(path, parse_pdf(path, max_pages, data), repair, layout)


def read_outline(doc) -> list[tuple[int, str]]:
    """The bookmarks of a PDFium document as (level from 1, title); none when it has no
    outline or a broken one."""
    out = []
    try:
        for mark in doc.get_toc():
            title = mark.get_title()
            if title and title.strip():
                out.append((mark.level + 1, normalise(title).strip()))
    except Exception:  # an outline PDFium cannot follow
        return []
    return out


def read_page(doc, index: int, plumber: PlumberPages) -> tuple[list[Line], str]:
    """One page's lines and what read them: PDFium, with pdfplumber's tables where the
    page's rules close table cells; pdfplumber alone where PDFium's reading cannot be used
    (and for a table on a page turned for display, whose tables pdfplumber finds turned)."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            return _plumber_lines(plumber, index), NOT_LOADED
        try:
            box = page.get_bbox()
            turned = page.get_rotation() % 360 != 0
            textpage = page.get_textpage()
            try:
                text = read_page_text(textpage.raw, box)
            finally:
                textpage.close()
            ruled = bool(text.runs) and text.unreadable is None and holds_ruled_table(page.raw)
        finally:
            page.close()
    if text.unreadable is None and ruled and turned:
        text.unreadable = "a ruled table on a page turned for display"
    if text.unreadable is not None:
        return _plumber_lines(plumber, index), f"pdfplumber: {text.unreadable}"
    tables = _plumber_tables(plumber, index, doc) if ruled else []
    boxes = [(t.x0, t.top, t.x1, t.bottom) for t in tables]
    lines = lines_of(text.runs, index + 1, box[3] - box[1], boxes, box[2] - box[0]) + tables
    return sorted(lines, key=lambda ln: (ln.top, ln.x0)), PDFIUM_TABLES if ruled else PDFIUM


def _plumber_lines(plumber: PlumberPages, index: int) -> list[Line]:
    """The page as pdfplumber reads it; none when it cannot (then OCR may)."""
    try:
        page = plumber.page(index)
        try:
            return page_lines(page, index + 1)
        finally:
            page.close()
    except Exception:  # pdfminer raises many untyped errors on broken content
        return []


def _plumber_tables(plumber: PlumberPages, index: int, doc) -> list[Line]:
    """The page's ruled tables as pdfplumber finds them: in a copy of the page without its
    images when it has any (they hold no table and cost pdfplumber's parsing most)."""
    with _PDFIUM:
        lean = page_without_images(doc, index)
    try:
        if lean is not None:
            copy = PlumberPages(lean)
            try:
                return table_lines(copy.page(0), index + 1)
            finally:
                copy.close()
        page = plumber.page(index)
        try:
            return table_lines(page, index + 1)
        finally:
            page.close()
    except Exception:  # the tables are lost, the text is PDFium's
        return []


def _page_image(doc, index: int) -> tuple[object, float]:
    """The page rendered for OCR at ``ocr.DPI``, and its height in points."""
    with _PDFIUM:
        page = doc[index]
        try:
            return ocr.page_image(page), float(page.get_height())
        finally:
            page.close()


def _read_pages(doc, plumber: PlumberPages, use_pdfium: bool):
    """Lines of every page and what read each; pages without a usable text layer are
    OCR'd in parallel batches when Tesseract is there (their mean confidence, and the
    turn that set them upright, are returned per page; a page OCR gave only noise stays
    empty, with its confidence)."""
    use_ocr = ocr.ocr_available()
    batch_size = 2 * (os.cpu_count() or 1)
    pages: list[list[Line]] = []
    readers: list[str] = []
    pending: list[tuple[int, object, float]] = []
    confidence: dict[int, float] = {}
    rotations: dict[int, int] = {}

    def run_batch() -> None:
        for number, result in ocr.ocr_pages(pending).items():
            confidence[number] = result.confidence
            if result.rotated:
                rotations[number] = result.rotated
            if result.lines and not is_garbage(" ".join(ln.text for ln in result.lines)):
                pages[number - 1] = result.lines
                readers[number - 1] = OCR
        pending.clear()

    for index in range(len(doc)):
        if use_pdfium:
            lines, reader = read_page(doc, index, plumber)
        else:
            lines, reader = _plumber_lines(plumber, index), "pdfplumber: asked for"
        if not lines and reader == NOT_LOADED:
            lines, reader = [], LOST  # damaged: neither reader can load it, nor render it for OCR
        elif not _usable(lines):
            lines, reader = [], f"{reader} (no usable text)"
            if use_ocr:
                pending.append((index + 1, *_page_image(doc, index)))
        pages.append(lines)
        readers.append(reader)
        if len(pending) >= batch_size:
            run_batch()
    if pending:
        run_batch()
    return pages, confidence, readers, rotations


def _usable(lines: list[Line]) -> bool:
    """The lines hold text (or a table) that is not noise."""
    text = " ".join(ln.text for ln in lines)
    if not text.strip() and not any(ln.table_rows for ln in lines):
        return False
    return not is_garbage(text)


def _format(text: str) -> str:
    """A PDF whose layout gave headings (by type, weight or outline) is read as markdown,
    however few: its other short lines (an address block, a signature) are no headings."""
    found = detect_format(text, ".pdf")
    if found == "text" and re.search(r"^#{1,6} \S", text, re.M):
        return "markdown"
    return found


def _ocr_warnings(
    name: str, parsed: ParsedPdf, minimum: float, lost: set[int]
) -> tuple[list[list[Line]], dict[int, float], list[str]]:
    """The pages to lay out (a page OCR read below ``minimum`` confidence emptied:
    unreadable), the confidence of the pages OCR read, and what to tell the user. A page
    OCR found no text on (blank, or only noise) is a page without text, whatever the
    confidence of that noise."""
    count = len(parsed.pages)
    turned = dict(parsed.ocr_rotations)
    read = {n: c for n, c in parsed.ocr_confidence.items() if parsed.pages[n - 1]}
    unreadable = {n: c for n, c in read.items() if c < minimum}
    pages = [[] if n in unreadable else lines for n, lines in enumerate(parsed.pages, start=1)]
    confidence = {n: c for n, c in read.items() if n not in unreadable}
    hint = "no text was found by OCR either" if ocr.ocr_available() else f"it needs OCR: {ocr.INSTALL_HINT}"
    needs_ocr = [n for n, lines in enumerate(pages, start=1) if not lines and n not in unreadable and n not in lost]
    if len(needs_ocr) + len(unreadable) + len(lost) == count:
        why = f"OCR read them below a mean confidence of {minimum:.0f}" if unreadable else hint
        raise SourceError(name, f"no usable text layer on any of its {count} page(s) (empty or garbage): {why}")
    warnings = [f"page {n} of {count} has no usable text layer ({hint}); left empty" for n in needs_ocr]
    warnings += [
        f"page {n} of {count} is unreadable: OCR read it at a mean confidence of {c:.0f}, below {minimum:.0f}"
        f" (rules/ocr_repair.yml, limits.min_page_confidence); left empty"
        for n, c in sorted(unreadable.items())
    ]
    warnings += [
        f"page {n} was read by OCR (Tesseract, mean confidence {c:.0f})"
        + (f", turned {turned[n]}° clockwise upright first" if n in turned else "")
        for n, c in sorted(confidence.items())
    ]
    return pages, confidence, warnings


def _damage_warnings(parsed: ParsedPdf) -> tuple[tuple[int, ...], list[str]]:
    """The pages of a damaged PDF that could not be read, and what to tell the user."""
    lost = tuple(n for n, reader in enumerate(parsed.readers, start=1) if reader == LOST)
    count = len(parsed.pages)
    warnings = [REBUILT_WARNING] * parsed.rebuilt
    if lost:
        listed = ", ".join(map(str, lost))
        warnings.append(f"{len(lost)} of {count} page(s) damaged and not read (page {listed}); built from the rest")
    return lost, warnings


def _join_pages(path: Path, parsed: ParsedPdf, repair: OcrRepairRules, layout: LayoutRules) -> SourceText:
    lost, damage = _damage_warnings(parsed)
    if len(lost) == len(parsed.pages) or parsed.rebuilt and not any(parsed.pages):
        count = len(parsed.pages)
        raise SourceError(path.name, f"not a readable PDF (damaged: none of its {count} page(s) can be read)")
    pages, ocr_confidence, warnings = _ocr_warnings(path.name, parsed, repair.min_page_confidence, set(lost))
    warnings = damage + warnings
    laid = layout_text(pages, layout, parsed.outline)
    ends = [*laid.page_starts[1:], len(laid.text)]
    ocr_spans = [(laid.page_starts[n - 1], ends[n - 1]) for n in sorted(ocr_confidence)]
    fixed = repair_damage(laid.text, repair, ocr_spans)
    moved = fixed.map_offset
    return SourceText(
        text=fixed.text,
        format=_format(fixed.text),
        page_starts=tuple(moved(s) for s in laid.page_starts),
        table_spans=tuple((moved(a), moved(b)) for a, b in laid.table_spans),
        warnings=tuple(warnings) + fixed.warnings,
        origin="pdf",
        ocr_pages=tuple(sorted(ocr_confidence.items())),
        ocr_damaged=fixed.damaged,
        original_text=fixed.original_text,
        repairs=fixed.repairs,
        pages_lost=lost,
        damaged=parsed.rebuilt or bool(lost),
    )
