"""The PDFium line reader (extract/pdfium_lines.py) against pdfplumber's ``page_lines``:
on every page of every fixture PDF the same lines, and the same source text from
``read_pdf_source`` whichever reader gives the lines.

Geometry is compared within GEOMETRY_SLACK: PDFium holds positions as single-precision
floats (a step of 6e-5 pt at 600 pt), pdfminer as double; over a line of text the
difference measured on these files stays under 0.001 pt, three thousand times less than
the smallest distance the layout rules compare (RUNNING_SLACK, the 3-pt indent test).
Type sizes, text and weight must be equal (a line's size is kept to a thousandth of a
point by both readers: pdfminer's carries rounding in its last bits, 9.999999999999943
for 10-pt type, and PDFium multiplies the page's matrices in single precision).
"""
from __future__ import annotations

import dataclasses

import pdfplumber
import pytest

from conftest import ROOT, RULES
from extract.read import pdf as read_pdf
from extract.read.pdf_layout import page_lines
from extract.read.pdfium_lines import PdfiumPages, open_pdfium

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
PDFS = sorted(PDF_DIR.glob("*.pdf"))
GEOMETRY_SLACK = 0.002


def ruled(page) -> bool:
    return bool(page.rects or page.lines or page.curves)


def assert_same_lines(new, old, where: str) -> None:
    assert [ln.text for ln in new] == [ln.text for ln in old], where
    for a, b in zip(new, old):
        assert (a.page, a.bold, a.table_rows, a.ocr, a.page_height) == (b.page, b.bold, b.table_rows, b.ocr, b.page_height), (where, a.text)
        assert a.size == b.size, (where, a.text)
        for key in ("top", "bottom", "x0", "x1"):
            assert getattr(a, key) == pytest.approx(getattr(b, key), abs=GEOMETRY_SLACK), (where, key, a.text)


def test_the_fixtures_are_there():
    assert len(PDFS) == 11


@pytest.mark.parametrize("pdf_path", PDFS, ids=[p.name for p in PDFS])
def test_pdfium_gives_pdfplumbers_lines_on_every_page(pdf_path):
    read = 0
    with pdfplumber.open(pdf_path) as pdf, PdfiumPages(pdf_path, pdf) as fast:
        for index, page in enumerate(pdf.pages):
            new = fast.lines(index, page)
            old = page_lines(page, index + 1)
            if new is None:  # left to pdfplumber: on these files exactly the pages with ruled tables
                assert ruled(page), f"page {index + 1} fell back without ruling lines"
                continue
            assert not ruled(page), f"page {index + 1} has ruling lines but was read by PDFium"
            assert_same_lines(new, old, f"{pdf_path.name} page {index + 1}")
            read += bool(new)
    if "scanned" in pdf_path.name:
        assert read == 0  # no text layer: the OCR path reads it
    elif "status" not in pdf_path.name:  # the status tables are ruled on every page
        assert read >= len(pdf.pages) - 2


@pytest.mark.parametrize("pdf_path", [p for p in PDFS if "scanned" not in p.name],
                         ids=[p.name for p in PDFS if "scanned" not in p.name])
def test_read_pdf_source_is_the_same_with_either_reader(pdf_path, monkeypatch):
    calls = []
    real_lines = PdfiumPages.lines

    def counting(self, index, page):
        found = real_lines(self, index, page)
        calls.append(found is not None)
        return found

    monkeypatch.setattr(PdfiumPages, "lines", counting)
    new = read_pdf.read_pdf_source(pdf_path, RULES["ocr_repair.yml"], data=pdf_path.read_bytes())
    old = read_pdf.pdf_source(pdf_path, read_pdf.parse_pdf(pdf_path, use_pdfium=False), RULES["ocr_repair.yml"])
    assert calls and (any(calls) or "status" in pdf_path.name)  # the default path does use PDFium
    assert new.text == old.text
    assert dataclasses.asdict(new) == dataclasses.asdict(old)


def _one_page_pdf(tmp_path, draw, rotate: int = 0):
    from reportlab.pdfgen import canvas

    path = tmp_path / "page.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    draw(c)
    if rotate:
        c.setPageRotation(rotate)
    c.showPage()
    c.save()
    return path


def _pdfium_lines(path):
    with pdfplumber.open(path) as pdf:
        fast = open_pdfium(path, pdf)
        assert fast is not None
        with fast:
            return fast.lines(0, pdf.pages[0]), page_lines(pdf.pages[0], 1)


def test_plain_text_with_a_font_change_in_a_line_is_read_exactly(tmp_path):
    def draw(c):
        t = c.beginText(72, 700)
        t.textOut("Budget 2013: ")
        t.setFont("Helvetica-Bold", 10)
        t.textOut("12,5 mio. kr. ")
        t.setFont("Helvetica", 10)
        t.textLine("til nye initiativer i alt.")
        t.textLine("Anden linje med flere ord, kerning og tal 1.234.")
        c.drawText(t)

    new, old = _pdfium_lines(_one_page_pdf(tmp_path, draw))
    assert new is not None and [ln.text for ln in new] == [
        "Budget 2013: 12,5 mio. kr. til nye initiativer i alt.", "Anden linje med flere ord, kerning og tal 1.234."]
    assert_same_lines(new, old, "font change")


def test_a_page_with_ruling_lines_is_left_to_pdfplumber(tmp_path):
    def draw(c):
        c.drawString(72, 700, "Tabel")
        c.line(72, 690, 300, 690)

    new, old = _pdfium_lines(_one_page_pdf(tmp_path, draw))
    assert new is None and [ln.text for ln in old] == ["Tabel"]


def test_a_rotated_page_is_left_to_pdfplumber(tmp_path):
    new, _ = _pdfium_lines(_one_page_pdf(tmp_path, lambda c: c.drawString(72, 700, "Drejet side"), rotate=90))
    assert new is None


def test_rotated_text_is_left_to_pdfplumber(tmp_path):
    def draw(c):
        c.drawString(72, 700, "Vandret")
        c.saveState()
        c.translate(300, 300)
        c.rotate(90)
        c.drawString(0, 0, "Lodret")
        c.restoreState()

    new, _ = _pdfium_lines(_one_page_pdf(tmp_path, draw))
    assert new is None


def test_horizontal_scaling_rise_and_spacing_are_read_exactly(tmp_path):
    def draw(c):
        t = c.beginText(72, 700)
        t.setHorizScale(60)
        t.textLine("Smal tekst med vandret skalering på 60 procent.")
        t.setHorizScale(100)
        t.setCharSpace(1.5)
        t.setWordSpace(3)
        t.textLine("Spærret tekst med ord.")
        t.setCharSpace(0)
        t.setWordSpace(0)
        t.textOut("Fodnote")
        t.setRise(4)
        t.textOut("1")
        t.setRise(0)
        t.textLine(" og tekst videre.")
        c.drawText(t)

    new, old = _pdfium_lines(_one_page_pdf(tmp_path, draw))
    assert new is not None and len(new) == 4
    assert_same_lines(new, old, "text state")


def test_text_drawn_twice_for_fake_bold_is_left_to_pdfplumber(tmp_path):
    def draw(c):
        c.drawString(72, 700, "Fed overskrift")
        c.drawString(72.3, 700, "Fed overskrift")  # PDFium reads this once, pdfminer twice
        c.drawString(72, 680, "Brødtekst her.")

    new, old = _pdfium_lines(_one_page_pdf(tmp_path, draw))
    assert new is None and [ln.text for ln in old][-1] == "Brødtekst her."
