"""What every reader does to its text: one normalisation, one test for OCR damage, one repair.

Normalisation keeps the text as written, with three changes that every offset then
refers to: line ends become ``\\n``; HTML tags from converters are removed
(``<sup>1</sup>`` becomes ``¹`` so a footnote mark never glues onto a year, block tags
become line breaks, scripts and styles go with their content); HTML entities are decoded.

A text that looks OCR-damaged (Danish prose without æ, ø, å) is repaired word by word
(:mod:`extract.read.ocr_repair`); so are the pages a reader had OCR read. Offsets then
index the repaired text, and the text as read is kept (``SourceText.original_text``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from extract.read.ocr_repair import repair_text, repair_warnings
from extract.read.ocr_repair_rules import OcrRepairRules
from extract.records import OcrRepair

DAMAGED_WARNING = "text looks OCR-damaged (æ, ø, å missing): headings matched tolerantly"
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_SUP = re.compile(r"<sup>\s*([0-9]{1,3})\s*</sup>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ol|ul|tr|table|h[1-6]|hr)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_TABLE_ROW = re.compile(r"^[^\t\n]*(?:\t[^\t\n]*){3,}$", re.M)
_DANISH_LETTERS = re.compile(r"[æøåÆØÅ]")
_LETTERS = re.compile(r"[^\W\d_]")


def line_ends(text: str) -> str:
    """Windows' and old Macs' line ends as "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise(text: str) -> str:
    """A text file's text: line ends unified, and what an HTML export left in it (tags,
    entities) made text."""
    text = line_ends(text)
    if "<" in text:
        text = _SCRIPT.sub("", text)
        text = _SUP.sub(lambda m: m.group(1).translate(SUPERSCRIPT), text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def detect_format(text: str, suffix: str) -> str:
    """``markdown``, ``table`` (mostly tab-separated status rows, whatever headings stand
    above them) or ``text``."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    rows = _TABLE_ROW.findall(text)
    if suffix == ".tsv" or (lines and len(rows) >= 3 and len(rows) * 3 >= len(lines)):
        return "table"
    if suffix in {".md", ".markdown"} or len(_MARKDOWN_HEADING.findall(text)) >= 3:
        return "markdown"
    return "text"


def looks_ocr_damaged(text: str) -> bool:
    """Danish prose without æ, ø, å is the mark of an OCR run with an English model."""
    letters = len(_LETTERS.findall(text))
    if letters < 2000:
        return False
    return len(_DANISH_LETTERS.findall(text)) * 1000 < letters * 2


@dataclass(frozen=True)
class RepairedText:
    """A read text after the repair of its OCR damage (unchanged when there was none)."""

    text: str
    damaged: bool  # the whole text looked OCR-damaged
    repairs: tuple[OcrRepair, ...]
    original_text: Optional[str]  # the text as read, when a word was repaired
    warnings: tuple[str, ...]
    map_offset: Callable[[int], int]  # an offset of the text as read → of the repaired text


def repair_damage(text: str, rules: OcrRepairRules, ocr_spans: Sequence[tuple[int, int]] = ()) -> RepairedText:
    """Repair the whole text when it looks OCR-damaged, else only ``ocr_spans`` (pages OCR read)."""
    damaged = looks_ocr_damaged(text)
    if not damaged and not ocr_spans:
        return RepairedText(text, False, (), None, (), lambda offset: offset)
    repaired = repair_text(text, rules, None if damaged else ocr_spans)
    warnings = ([DAMAGED_WARNING] if damaged else []) + [*repaired.warnings, *repair_warnings(repaired)]
    return RepairedText(
        repaired.text,
        damaged,
        repaired.repairs,
        text if repaired.repairs else None,
        tuple(warnings),
        repaired.map_offset,
    )
