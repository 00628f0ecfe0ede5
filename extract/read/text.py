"""Reading text sources (.txt, .md, .tsv, .html) into one normalised string.

Decoding: UTF-8 (with or without BOM), UTF-16 with BOM, else the encoding that
charset-normalizer finds (Windows-1252 and Latin-1 files with Danish letters).
A byte that is not valid in the chosen encoding becomes U+FFFD and is reported
as a warning, never an error.

The decoded text is normalised and, when it looks OCR-damaged, repaired as every
reader's text is (:mod:`extract.read.normalise`).
"""

from __future__ import annotations

from pathlib import Path

from extract.errors import SourceError
from extract.read.normalise import detect_format, normalise, repair_damage
from extract.read.ocr_repair_rules import OcrRepairRules
from extract.records import SourceText

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".tsv", ".text", ".htm", ".html"}


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


def read_text_source(path: Path, data: bytes, repair: OcrRepairRules) -> SourceText:
    """A text file's bytes as one normalised text, its OCR damage repaired (``repair``: the rules)."""
    text, warnings = decode(data, path.name)
    text = normalise(text)
    if not text.strip():
        raise SourceError(path.name, "the file holds no text")
    fmt = detect_format(text, path.suffix.lower())
    fixed = repair_damage(text, repair)
    return SourceText(
        text=fixed.text,
        format=fmt,
        warnings=tuple(warnings) + fixed.warnings,
        ocr_damaged=fixed.damaged,
        original_text=fixed.original_text,
        repairs=fixed.repairs,
    )
