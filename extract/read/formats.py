"""Which files are read, by which reader, and what to do with the others.

Text (.txt, .md, .tsv), PDF, Word .docx (:mod:`extract.read.docx`) and HTML
(:mod:`extract.read.html`). Any other file gets one line saying what to do with it
(save a .doc as .docx, export a sheet as a tab-separated file), recorded as the
document's build error.
"""

from __future__ import annotations

from pathlib import Path

from extract.errors import SourceError
from extract.read.blocks import write_blocks
from extract.read.docx import FormatRules, docx_blocks
from extract.read.encodings import EncodingRules, decode, score
from extract.read.html import declared_charset, html_blocks
from extract.read.normalise import detect_format, repair_damage
from extract.read.ocr_repair_rules import OcrRepairRules
from extract.read.text import TEXT_SUFFIXES
from extract.records import SourceText

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | {".pdf"}

_WORD = "open it in Word or LibreOffice, save it as .docx (or PDF) and add that file instead"
_SHEET = "export the sheet as a tab-separated .tsv file (or save it as PDF) and add that file instead"
_SLIDES = "save the presentation as PDF and add that file instead"
ADVICE = {
    ".doc": f"an old Word .doc file is not read: {_WORD}",
    ".docm": f"a Word file with macros is not read: {_WORD}",
    ".dot": f"a Word template is not read: {_WORD}",
    ".dotx": f"a Word template is not read: {_WORD}",
    ".odt": f"an OpenDocument text is not read: {_WORD}",
    ".rtf": f"an RTF file is not read: {_WORD}",
    ".wpd": f"a WordPerfect file is not read: {_WORD}",
    ".pages": "a Pages file is not read: export it as .docx or PDF and add that file instead",
    ".xls": f"a spreadsheet is not read: {_SHEET}",
    ".xlsx": f"a spreadsheet is not read: {_SHEET}",
    ".xlsm": f"a spreadsheet is not read: {_SHEET}",
    ".ods": f"a spreadsheet is not read: {_SHEET}",
    ".csv": "a comma-separated file is not read: save the sheet as a tab-separated .tsv file and add that instead",
    ".ppt": f"a presentation is not read: {_SLIDES}",
    ".pptx": f"a presentation is not read: {_SLIDES}",
    ".odp": f"a presentation is not read: {_SLIDES}",
    ".msg": "an e-mail file is not read: save the message or its attachment as PDF and add that file instead",
    ".eml": "an e-mail file is not read: save the message or its attachment as PDF and add that file instead",
    ".zip": "an archive is not read: unpack it into the folder and build again",
}


def check_supported(path: Path) -> None:
    """Raise ``SourceError`` with what to do when the file is of a kind that is not read."""
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return
    advice = ADVICE.get(suffix)
    if advice is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        advice = f"unsupported file type {suffix or '(none)'}: save it as PDF or .docx (read: {supported})"
    raise SourceError(path.name, advice)


def _from_blocks(path: Path, blocks, repair: OcrRepairRules, origin: str, warnings=()) -> SourceText:
    text, spans = write_blocks(blocks)
    if not text.strip():
        raise SourceError(path.name, "the file holds no text")
    fixed = repair_damage(text, repair)
    moved = fixed.map_offset
    fmt = "markdown" if any(line.startswith("#") for line in text.split("\n")) else detect_format(text, ".txt")
    return SourceText(
        text=fixed.text,
        format=fmt,
        warnings=tuple(warnings) + fixed.warnings,
        origin=origin,
        table_spans=tuple((moved(a), moved(b)) for a, b in spans),
        ocr_damaged=fixed.damaged,
        original_text=fixed.original_text,
        repairs=fixed.repairs,
    )


def read_docx_source(path: Path, data: bytes, repair: OcrRepairRules, formats: FormatRules) -> SourceText:
    """A Word .docx file as one text: headings by style, list items, tables as TAB rows; no pages."""
    return _from_blocks(path, docx_blocks(data, path.name, formats), repair, "docx")


def read_html_source(path: Path, data: bytes, repair: OcrRepairRules, encodings: EncodingRules) -> SourceText:
    """An HTML file as one text: headings h1–h6, list items, tables as TAB rows; no pages."""
    charset = declared_charset(data)
    text, warnings = decode(data, path.name, encodings)  # as the bytes read most like Danish
    if charset:
        try:
            declared = data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            declared = None
        if declared is not None and score(declared, encodings) >= score(text, encodings):
            text, warnings = declared, []
        else:
            warnings.append(
                f"the file declares {charset} but reads as another encoding: decoded as the text reads most like Danish"
            )
    return _from_blocks(path, html_blocks(text), repair, "html", warnings)
