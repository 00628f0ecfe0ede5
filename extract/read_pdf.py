"""Reading PDF sources with pdfplumber: text per page, joined into one string.

Pages are separated by a blank line; ``SourceText.page_starts`` records where
each page begins so every record can carry its page number. A page without a
text layer, or with a text layer of noise (a broken font encoding, a bad OCR),
is left empty and reported: such pages need OCR. A PDF with no usable text on
any page, an encrypted PDF, or one over the page limit is refused with the reason.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from extract.errors import SourceError
from extract.read_text import normalise
from extract.records import SourceText

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


def read_pdf_source(path: Path, max_pages: Optional[int] = None, data: Optional[bytes] = None) -> SourceText:
    import io

    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data) if data is not None else path)
    except Exception as e:  # pdfminer raises many untyped errors on broken files
        raise _open_error(path, e) from None
    with pdf:
        try:
            count = len(pdf.pages)
            if max_pages is not None and count > max_pages:
                raise SourceError(path.name, f"{count} pages, over the limit of {max_pages} pages (kb build --max-pages)")
            texts = [_page_text(page) for page in pdf.pages]
        except SourceError:
            raise
        except Exception as e:
            raise _open_error(path, e) from None
    return _join_pages(path, texts)


def _page_text(page) -> Optional[str]:
    """The page's text, or None when it has no usable text layer."""
    text = normalise(page.extract_text() or "")
    page.close()  # free the parsed layout: long PDFs stay within memory
    if not text.strip() or is_garbage(text):
        return None
    return text


def _join_pages(path: Path, texts: list[Optional[str]]) -> SourceText:
    needs_ocr = [n for n, t in enumerate(texts, start=1) if t is None]
    if len(needs_ocr) == len(texts):
        raise SourceError(
            path.name,
            f"no usable text layer on any of its {len(texts)} page(s) (empty or garbage): "
            "it needs OCR, which this version does not do yet",
        )
    warnings = [f"page {n} of {len(texts)} has no usable text layer (needs OCR); left empty" for n in needs_ocr]
    parts, starts, offset = [], [], 0
    for t in texts:
        starts.append(offset)
        parts.append(t or "")
        offset += len(t or "") + 2
    return SourceText(text="\n\n".join(parts), format="pdf", page_starts=tuple(starts), warnings=tuple(warnings))
