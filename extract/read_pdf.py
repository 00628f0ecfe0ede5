"""Reading PDF sources with pdfplumber: text per page, joined into one string.

Pages are separated by a blank line; ``SourceText.page_starts`` records where
each page begins so every record can carry its page number.
"""
from __future__ import annotations

from pathlib import Path

from extract.errors import SourceError
from extract.read_text import normalise
from extract.records import SourceText


def read_pdf_source(path: Path) -> SourceText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    parts: list[str] = []
    starts: list[int] = []
    warnings: list[str] = []
    offset = 0
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                text = normalise(page.extract_text() or "")
                if not text.strip():
                    warnings.append(f"page {number} has no text layer (needs OCR)")
                starts.append(offset)
                parts.append(text)
                offset += len(text) + 2
    except PDFPasswordIncorrect:
        raise SourceError(path.name, "the PDF is password-protected") from None
    except PDFSyntaxError as e:
        raise SourceError(path.name, f"not a readable PDF ({e})") from None
    except Exception as e:  # pdfminer raises many untyped errors on broken files
        raise SourceError(path.name, f"not a readable PDF ({type(e).__name__}: {e})") from None
    text = "\n\n".join(parts)
    if not text.strip():
        raise SourceError(path.name, "the PDF has no text layer on any page (needs OCR)")
    return SourceText(text=text, format="pdf", page_starts=tuple(starts), warnings=tuple(warnings))
