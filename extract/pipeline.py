"""From a file to its records: read, find sections, run the extractors, attach provenance.

Nothing here touches a database; ``kb extract`` and ``kb build`` both call
:func:`extract_file`.
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from extract import __version__
from extract.extractors.amounts import find_amounts
from extract.read.lexicon import lexicon_identity
from extract.extractors.document_meta import find_meta
from extract.errors import SourceError
from extract.extractors.milestones import find_milestones
from extract.cache import PDF_STAGE, ParseCache
from extract.read.pdf import check_page_count, parse_pdf, pdf_source, read_pdf_source
from extract.read.text import TEXT_SUFFIXES, read_text_source
from extract.records import Extraction, Section, SourceText
from extract.rules import rules_dir
from extract.structure.sentences import sentence_spans
from extract.structure.sections import find_sections
from extract.structure.tables import find_tables
from extract.extractors.target_groups import find_target_groups

SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf"}
OFFICE_SUFFIXES = {".doc", ".docx", ".odt", ".rtf", ".pages", ".wpd"}
EXTRACTOR_VERSION = __version__


@dataclass(frozen=True)
class Limits:
    """Documents over these are refused before they are read (memory stays bounded)."""

    max_bytes: int = 16 * 1024 * 1024
    max_pages: int = 1500


def check_supported(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in OFFICE_SUFFIXES:
        raise SourceError(path.name, f"Word/office files ({suffix}) are not read: save the document as PDF and add that")
    if suffix not in SUPPORTED_SUFFIXES:
        raise SourceError(
            path.name, f"unsupported file type {suffix or '(none)'}; supported: " + ", ".join(sorted(SUPPORTED_SUFFIXES))
        )


def check_size(path: Path, size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise SourceError(
            path.name, f"{size / 1e6:.1f} MB, over the limit of {limits.max_bytes / 1e6:.1f} MB (kb build --max-mb)"
        )


def read_source(path: Path, data: Optional[bytes] = None, limits: Limits = Limits(),
                cache: Optional[ParseCache] = None, sha256: Optional[str] = None) -> SourceText:
    """Read a PDF or text file into normalised text; raises SourceError with the reason.
    A document read before (same bytes, ``sha256``) is taken from ``cache``; so is a PDF
    parsed before, when only what reading does after parsing changed."""
    check_supported(path)
    if data is None:
        check_size(path, path.stat().st_size, limits)
    else:
        check_size(path, len(data), limits)
    if cache is None or sha256 is None:
        return _read(path, data, limits)
    src = cache.memo("source", sha256, lambda: _read(path, data, limits, cache, sha256))
    check_page_count(path, len(src.page_starts), limits.max_pages)  # the limit may have been lowered since
    return src


def _read(path: Path, data: Optional[bytes], limits: Limits, cache: Optional[ParseCache] = None,
          sha256: Optional[str] = None) -> SourceText:
    if path.suffix.lower() == ".pdf":
        if cache is None or sha256 is None:
            return read_pdf_source(path, max_pages=limits.max_pages, data=data)
        parsed = cache.memo(PDF_STAGE, sha256, lambda: parse_pdf(path, max_pages=limits.max_pages, data=data))
        return pdf_source(path, parsed)
    if data is None:
        data = path.read_bytes()
    if not data:
        raise SourceError(path.name, "the file is empty")
    return read_text_source(path, data)


def _source_digest(src: SourceText) -> str:
    """What the extractors see of a document: its text and how it is laid out."""
    h = hashlib.sha256(src.text.encode())
    h.update(repr((src.format, src.ocr_damaged, src.origin, src.page_starts, src.table_spans)).encode())
    return h.hexdigest()


def extract_source(src: SourceText, cache: Optional[ParseCache] = None) -> Extraction:
    """Run every extractor over one read document (pure: text in, records out). With a
    ``cache``, a stage whose rules and input are unchanged gives its earlier result."""
    cache = cache or ParseCache(None)
    digest = _source_digest(src) if cache.folder is not None else ""
    sections = cache.memo("sections", digest, lambda: find_sections(src))
    meta = cache.memo("meta", digest, lambda: find_meta(src, sections))
    spans = cache.memo("sentences", digest, lambda: sentence_spans(src.text))
    amounts = cache.memo("amounts", digest, lambda: find_amounts(src.text, spans))
    # milestones read the amounts' places only, not the amount rules: keyed by those places,
    # a change of amounts.yml that finds the same amounts leaves them as they were
    amount_spans = [(a.char_start, a.char_end) for a in amounts]
    milestones = cache.memo("milestones", f"{digest}\0{amount_spans!r}",
                            lambda: find_milestones(src.text, spans, amount_spans))
    targets = cache.memo("target_groups", digest, lambda: find_target_groups(src.text, spans, sections))
    tables = cache.memo("tables", digest, lambda: find_tables(src.text, src.table_spans))
    cells = [c for t in tables for c in t.cells]
    attach_provenance(src, sections, [*amounts, *milestones, *targets, *tables, *cells])
    for s in sections:
        s.page = src.page_at(s.char_start)
    for t in tables:
        t.page_end = src.page_at(max(t.char_start, t.char_end - 1))
    return Extraction(src, meta, sections, amounts, targets, milestones, tables)


def extract_file(path: Path, data: Optional[bytes] = None, limits: Limits = Limits(),
                 cache: Optional[ParseCache] = None, sha256: Optional[str] = None) -> Extraction:
    return extract_source(read_source(path, data, limits, cache, sha256), cache)


def attach_provenance(src: SourceText, sections: Sequence[Section], records: Iterable) -> None:
    """Set each record's section (the one whose text holds its start) and page."""
    starts = [s.char_start for s in sections]
    for rec in records:
        rec.page = src.page_at(rec.char_start)
        i = bisect.bisect_right(starts, rec.char_start) - 1
        if i >= 0 and rec.char_start < sections[i].char_end:
            rec.section_position = sections[i].position
        else:
            rec.section_position = None


def rules_hash() -> str:
    """Hash of every rules file, the Danish lexicon of OCR repair (its files' sizes and
    times) and the extractor version: a change re-extracts all."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    h.update(lexicon_identity().encode())
    for path in sorted(rules_dir().glob("*.yml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
