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
from extract.amounts import find_amounts
from extract.document_meta import find_meta
from extract.errors import SourceError
from extract.milestones import find_milestones
from extract.read_pdf import read_pdf_source
from extract.read_text import TEXT_SUFFIXES, read_text_source
from extract.records import Extraction, Section, SourceText
from extract.rulebook import rules_dir
from extract.sentences import sentence_spans
from extract.structure import find_sections
from extract.target_groups import find_target_groups

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


def read_source(path: Path, data: Optional[bytes] = None, limits: Limits = Limits()) -> SourceText:
    """Read a PDF or text file into normalised text; raises SourceError with the reason."""
    check_supported(path)
    if data is None:
        check_size(path, path.stat().st_size, limits)
    else:
        check_size(path, len(data), limits)
    if path.suffix.lower() == ".pdf":
        return read_pdf_source(path, max_pages=limits.max_pages, data=data)
    if data is None:
        data = path.read_bytes()
    if not data:
        raise SourceError(path.name, "the file is empty")
    return read_text_source(path, data)


def extract_source(src: SourceText) -> Extraction:
    """Run every extractor over one read document (pure: text in, records out)."""
    sections = find_sections(src)
    meta = find_meta(src, sections)
    spans = sentence_spans(src.text)
    amounts = find_amounts(src.text, spans)
    milestones = find_milestones(src.text, spans, [(a.char_start, a.char_end) for a in amounts])
    targets = find_target_groups(src.text, spans, sections)
    attach_provenance(src, sections, [*amounts, *milestones, *targets])
    for s in sections:
        s.page = src.page_at(s.char_start)
    return Extraction(src, meta, sections, amounts, targets, milestones)


def extract_file(path: Path, data: Optional[bytes] = None, limits: Limits = Limits()) -> Extraction:
    return extract_source(read_source(path, data, limits))


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
    """Hash of every rules file and the extractor version: a change re-extracts all."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in sorted(rules_dir().glob("*.yml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
