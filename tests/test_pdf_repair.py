"""A PDF cut short read with its cross-reference table rebuilt (extract/read/pdf_repair.py)."""

from __future__ import annotations

import pypdfium2 as pdfium
from conftest import ROOT

from extract.read.pdf_repair import rebuilt

DEV_PDF = ROOT.parent / "shared" / "dev-corpus" / "pdf"


def test_a_pdf_cut_in_half_opens_with_the_pages_it_still_holds():
    whole = (DEV_PDF / "syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf").read_bytes()
    cut = whole[: len(whole) // 2]
    fixed = rebuilt(cut)
    assert fixed is not None and fixed.startswith(cut[: cut.rfind(b"endobj")])
    doc = pdfium.PdfDocument(fixed)
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    assert len(texts) == 3 and "Kulturkommune" in texts[0]


def test_nothing_of_a_pdf_left_gives_none():
    assert rebuilt(b"hello, not a PDF") is None
    assert rebuilt(b"%PDF-1.4\n1 0 obj\n<< /Type /Font >>\nendobj\n") is None  # no catalogue
    assert rebuilt(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pag") is None  # no complete object
