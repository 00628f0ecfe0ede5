"""Reading text sources (.txt, .md, .tsv, .html) into one normalised string.

Decoding (:mod:`extract.read.encodings`): UTF-8 (with or without BOM), UTF-16 with
BOM, else the encoding that reads most like Danish (``rules/encodings.yml``). A byte
that is not valid in the chosen encoding becomes U+FFFD and is counted in a warning,
never an error.

The decoded text is normalised, its tables written with "|" between cells become TAB
rows (:mod:`extract.read.pipe_tables`), and, when it looks OCR-damaged, repaired as every
reader's text is (:mod:`extract.read.normalise`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from extract.errors import SourceError
from extract.read import encodings as _encodings
from extract.read.encodings import EncodingRules
from extract.read.normalise import detect_format, normalise, repair_damage
from extract.read.ocr_repair_rules import OcrRepairRules
from extract.read.pipe_tables import pipe_rows_as_tabs
from extract.records import SourceText
from extract.rules import project_file

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".tsv", ".text"}


def project_encodings() -> EncodingRules:
    """The project's ``rules/encodings.yml`` (for callers that read a text file without a
    rule set: the site serving a source file)."""
    return project_file("encodings.yml", _encodings.load_rules)


def decode(data: bytes, name: str, encodings: Optional[EncodingRules] = None) -> tuple[str, list[str]]:
    """Bytes to text, with warnings (:func:`extract.read.encodings.decode`; without
    ``encodings``, by the project's rules)."""
    return _encodings.decode(data, name, encodings or project_encodings())


def read_text_source(
    path: Path, data: bytes, repair: OcrRepairRules, encodings: Optional[EncodingRules] = None
) -> SourceText:
    """A text file's bytes as one normalised text, its OCR damage repaired (``repair``,
    ``encodings``: the rules; without ``encodings``, the project's)."""
    text, warnings = decode(data, path.name, encodings)
    text = pipe_rows_as_tabs(normalise(text))
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
