"""Reading text sources (.txt, .md, .tsv, .html) into one normalised string.

Decoding: UTF-8 (with or without BOM), UTF-16 with BOM, else the encoding that
charset-normalizer finds (Windows-1252 and Latin-1 files with Danish letters).
A byte that is not valid in the chosen encoding becomes U+FFFD and is reported
as a warning, never an error.

Normalisation keeps the text as written, with three changes that every offset
then refers to: line ends become ``\\n``; HTML tags from converters are removed
(``<sup>1</sup>`` becomes ``¹`` so a footnote mark never glues onto a year,
block tags become line breaks, scripts and styles go with their content); HTML
entities are decoded.

A text that looks OCR-damaged (Danish prose without æ, ø, å) is repaired word by
word (:mod:`extract.read.ocr_repair`); offsets then index the repaired text, and the
text as read is kept in ``SourceText.original_text``.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from extract.errors import SourceError
from extract.read.ocr_repair import repair_text, repair_warnings
from extract.records import SourceText

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".tsv", ".text", ".htm", ".html"}

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_SUP = re.compile(r"<sup>\s*([0-9]{1,3})\s*</sup>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ol|ul|tr|table|h[1-6]|hr)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_TABLE_ROW = re.compile(r"^[^\t\n]*(?:\t[^\t\n]*){3,}$", re.M)
_DANISH_LETTERS = re.compile(r"[æøåÆØÅ]")
_LETTERS = re.compile(r"[^\W\d_]")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to text, with warnings naming what was repaired."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as e:
            raise SourceError(name, f"UTF-16 text with invalid bytes: {e.reason}") from None
    if b"\x00" in data:
        raise SourceError(name, "contains NUL bytes: not a text file")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as e:
        bad = e.end - e.start
    # Mostly UTF-8 with a stray byte, or another encoding altogether?
    repaired = data.decode("utf-8", errors="replace")
    invalid = repaired.count("\ufffd")
    if invalid <= max(3, len(data) // 5000):
        warnings.append(f"{invalid} invalid UTF-8 byte(s) replaced by U+FFFD")
        return repaired, warnings
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best else "cp1252"
    if encoding.lower().replace("-", "_") in {"ascii", "utf_8"}:
        encoding = "cp1252"
    warnings.append(f"decoded as {encoding} (not UTF-8; first bad run {bad} byte(s))")
    return data.decode(encoding, errors="replace"), warnings


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _SCRIPT.sub("", text)
        text = _SUP.sub(lambda m: m.group(1).translate(_SUPERSCRIPT), text)
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


def read_text_source(path: Path, data: bytes) -> SourceText:
    text, warnings = decode(data, path.name)
    text = normalise(text)
    if not text.strip():
        raise SourceError(path.name, "the file holds no text")
    fmt = detect_format(text, path.suffix.lower())
    damaged = looks_ocr_damaged(text)
    if not damaged:
        return SourceText(text=text, format=fmt, warnings=tuple(warnings))
    warnings.append("text looks OCR-damaged (æ, ø, å missing): headings matched tolerantly")
    repaired = repair_text(text)
    warnings += [*repaired.warnings, *repair_warnings(repaired)]
    return SourceText(text=repaired.text, format=fmt, warnings=tuple(warnings), ocr_damaged=True,
                      original_text=text if repaired.repairs else None, repairs=repaired.repairs)
