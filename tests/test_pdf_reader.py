"""The PDF reader (extract/read/pdf.py with pdf_chars, pdf_lines, pdf_tables): PDFium's
lines against pdfplumber's on the fixture PDFs, and pages made to test one thing each.

pdfplumber's lines are those of its ``extract_text_lines`` (type size the median of a
line's characters, bold when 80 % of them are in a bold font), its tables those of
``find_tables``: what the reader gave before it read pages through PDFium. Positions
differ by how the two measure a line's box (PDFium: the type size split at the baseline
as the font's ascent and descent are; pdfminer: the descent below the baseline, the type
size above it): under a point, a third of the smallest distance the layout compares.
"""

from __future__ import annotations

import dataclasses
from contextlib import closing

import pypdfium2 as pdfium
import pytest
from conftest import ROOT, RULES

from extract.read import pdf as read_pdf
from extract.read.pdf_tables import PlumberPages, holds_ruled_table, page_lines

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
BORN_DIGITAL = sorted(p for p in PDF_DIR.glob("*.pdf") if "scanned" not in p.name)
GEOMETRY_SLACK = 1.0
REPAIR = RULES["ocr_repair.yml"]
LAYOUT = RULES["layout.yml"]


def read_both(path):
    """Per page: (PDFium's lines and reader, pdfplumber's lines)."""
    plumber = PlumberPages(path)
    doc = pdfium.PdfDocument(path)
    try:
        return [(read_pdf.read_page(doc, i, plumber), page_lines(plumber.page(i), i + 1)) for i in range(len(doc))]
    finally:
        plumber.close()
        doc.close()


@pytest.fixture(scope="module")
def fixture_pages():
    return {path.name: read_both(path) for path in BORN_DIGITAL}


def assert_same_lines(new, old, where: str) -> None:
    assert [ln.text for ln in new] == [ln.text for ln in old], where
    for a, b in zip(new, old):
        assert (a.size, a.bold, a.table_rows, a.page) == (b.size, b.bold, b.table_rows, b.page), (where, a.text)
        for key in ("top", "bottom", "x0", "x1"):
            assert getattr(a, key) == pytest.approx(getattr(b, key), abs=GEOMETRY_SLACK), (where, key, a.text)


def test_the_fixtures_are_there():
    assert len(BORN_DIGITAL) == 10


@pytest.mark.parametrize("name", [p.name for p in BORN_DIGITAL])
def test_every_page_gives_pdfplumbers_lines_and_tables(name, fixture_pages):
    """Text, type size, weight and place of every line, and the rows of every ruled table;
    pdfplumber is asked for tables on exactly the pages where it finds one."""
    for number, ((new, reader), old) in enumerate(fixture_pages[name], start=1):
        assert_same_lines(new, old, f"{name} page {number}")
        has_table = any(ln.table_rows for ln in old)
        assert reader == (read_pdf.PDFIUM_TABLES if has_table else read_pdf.PDFIUM), (name, number)


@pytest.mark.parametrize("name", [p.name for p in BORN_DIGITAL])
def test_the_source_text_is_the_same_as_from_pdfplumbers_lines(name, fixture_pages):
    path = PDF_DIR / name
    with closing(pdfium.PdfDocument(path)) as doc:
        outline = read_pdf.read_outline(doc)
    plumber = read_pdf.ParsedPdf([old for _, old in fixture_pages[name]], {}, outline)
    new = read_pdf.read_pdf_source(path, REPAIR, LAYOUT, data=path.read_bytes())
    assert new.text == read_pdf.pdf_source(path, plumber, REPAIR, LAYOUT).text
    assert dataclasses.asdict(new) == dataclasses.asdict(read_pdf.pdf_source(path, plumber, REPAIR, LAYOUT))


def one_page_pdf(tmp_path, draw, rotate: int = 0, name: str = "page.pdf"):
    from reportlab.pdfgen import canvas

    path = tmp_path / name
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    draw(c)
    if rotate:
        c.setPageRotation(rotate)
    c.showPage()
    c.save()
    return path


def parsed(path) -> read_pdf.ParsedPdf:
    return read_pdf.parse_pdf(path, data=path.read_bytes())


def body(c, top: float = 700, lines: int = 6) -> None:
    for i in range(lines):
        c.drawString(72, top - 14 * i, f"Linje {i + 1} af brødteksten om indsatsen for unge ledige i kommunen.")


def test_headings_get_their_type_size_and_weight(tmp_path):
    def draw(c):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 760, "Målgruppe")
        t = c.beginText(72, 730)
        t.setFont("Helvetica", 10)
        t.textOut("Budget 2013: ")
        t.setFont("Helvetica-Bold", 10)
        t.textOut("12,5 mio. kr. ")
        t.setFont("Helvetica", 10)
        t.textLine("til nye initiativer i alt.")
        c.drawText(t)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, 700, "Fed")
        c.setFont("Helvetica", 10)
        c.drawString(94, 700, "tekst")

    lines = parsed(one_page_pdf(tmp_path, draw)).pages[0]
    assert [(ln.text, ln.size, ln.bold) for ln in lines] == [
        ("Målgruppe", 14.0, True),
        ("Budget 2013: 12,5 mio. kr. til nye initiativer i alt.", 10.0, False),
        ("Fed tekst", 10.0, False),
    ]


def test_scaling_spacing_and_a_raised_footnote_mark_are_read_in_their_lines(tmp_path):
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
        t.setFont("Helvetica", 7)
        t.textOut("1")
        t.setRise(0)
        t.setFont("Helvetica", 10)
        t.textLine(" og tekst videre.")
        c.drawText(t)

    lines = parsed(one_page_pdf(tmp_path, draw)).pages[0]
    assert [ln.text for ln in lines] == [
        "Smal tekst med vandret skalering på 60 procent.",
        "Spærret tekst med ord.",
        "Fodnote1 og tekst videre.",
    ]
    assert [ln.size for ln in lines] == [10.0, 10.0, 10.0]


def test_text_drawn_twice_for_fake_bold_is_read_once(tmp_path):
    def draw(c):
        c.drawString(72, 700, "Fed overskrift")
        c.drawString(72.3, 700, "Fed overskrift")
        c.drawString(72, 680, "Brødtekst her.")

    assert [ln.text for ln in parsed(one_page_pdf(tmp_path, draw)).pages[0]] == ["Fed overskrift", "Brødtekst her."]


def test_a_rotated_margin_banner_is_no_line_of_the_page(tmp_path):
    """A banner turned up the margin ("Udkast …", as a case system stamps it) is left out:
    not a line of body text, not a heading; the page is still PDFium's."""

    def draw(c):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 760, "Beskæftigelsesplan 2022")
        c.setFont("Helvetica", 10)
        body(c)
        c.saveState()
        c.translate(40, 300)
        c.rotate(90)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(0, 0, "UDKAST - MÅ IKKE CITERES")
        c.restoreState()

    path = one_page_pdf(tmp_path, draw)
    result = parsed(path)
    assert result.readers == (read_pdf.PDFIUM,)
    assert [ln.text for ln in result.pages[0]][0] == "Beskæftigelsesplan 2022" and len(result.pages[0]) == 7
    text = read_pdf.pdf_source(path, result, REPAIR, LAYOUT).text
    assert "UDKAST" not in text and "CITERES" not in text
    assert text.startswith("## Beskæftigelsesplan 2022\n") and "Linje 6 af brødteksten" in text


def test_a_page_shown_turned_is_read_in_the_direction_of_its_text(tmp_path):
    """A page whose /Rotate turns it for display (reportlab makes its box 842 × 595 wide):
    its text runs along the page's own x."""

    def draw(c):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 540, "Målgruppe")
        c.setFont("Helvetica", 10)
        body(c, top=500)

    result = parsed(one_page_pdf(tmp_path, draw, rotate=90))
    assert result.readers == (read_pdf.PDFIUM,)
    assert [ln.text for ln in result.pages[0]][:2] == [
        "Målgruppe",
        "Linje 1 af brødteksten om indsatsen for unge ledige i kommunen.",
    ]


def test_a_page_of_text_turned_on_its_side_is_left_to_pdfplumber(tmp_path):
    def draw(c):
        c.saveState()
        c.translate(100, 100)
        c.rotate(90)
        body(c, top=-20, lines=5)
        c.restoreState()

    assert parsed(one_page_pdf(tmp_path, draw)).readers == ("pdfplumber: text mostly not upright",)


def test_rules_logos_and_a_framed_paragraph_leave_the_page_to_pdfium(tmp_path):
    """A rule under the letterhead, an underlined word, a logo of curves and straight
    strokes and a box around a paragraph: no table, so pdfplumber is not opened."""

    def draw(c):
        c.drawString(72, 790, "Københavns Kommune")
        c.setLineWidth(1.5)
        c.line(72, 780, 523, 780)
        c.circle(500, 800, 15, stroke=1, fill=1)
        c.rect(470, 790, 12, 12, stroke=1, fill=0)
        c.line(460, 785, 490, 785)
        body(c)
        c.line(72, 698, 100, 698)
        c.rect(66, 610, 460, 30, stroke=1, fill=0)
        c.drawString(72, 620, "En boks om et afsnit.")

    path = one_page_pdf(tmp_path, draw)
    with closing(pdfium.PdfDocument(path)) as doc:
        page = doc[0]
        assert not holds_ruled_table(page.raw)
    result = parsed(path)
    assert result.readers == (read_pdf.PDFIUM,)
    assert [ln.text for ln in result.pages[0]][-1] == "En boks om et afsnit."


ROWS = [
    ["Indsats", "Budget", "Status"],
    ["Jobklubber", "1,5 mio. kr.", "I gang"],
    ["Mentorer", "2,0 mio. kr.", "Afsluttet"],
]


def test_a_ruled_table_gives_its_rows_and_the_text_around_it_its_lines(tmp_path):
    from reportlab.platypus import Table

    def draw(c):
        c.drawString(72, 760, "Tabellen viser indsatserne.")
        table = Table(ROWS, colWidths=[150, 120, 120])
        table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), "Helvetica")])
        table.wrapOn(c, 400, 200)
        table.drawOn(c, 72, 650)
        c.drawString(72, 600, "Teksten efter tabellen.")

    result = parsed(one_page_pdf(tmp_path, draw))
    assert result.readers == (read_pdf.PDFIUM_TABLES,)
    lines = result.pages[0]
    assert [ln.text for ln in lines] == ["Tabellen viser indsatserne.", "", "Teksten efter tabellen."]
    assert lines[1].table_rows == ROWS


def test_a_table_among_many_images_is_found_in_a_copy_of_the_page_without_them(tmp_path):
    """A page of a thousand small images (a system's export draws its background so) and a
    ruled table: pdfplumber reads the tables from a copy of the page without the images, and
    finds the very rows it finds on the page itself."""
    from PIL import Image
    from reportlab.platypus import Table

    dot = tmp_path / "dot.png"
    Image.new("RGB", (2, 2), "lightgrey").save(dot)

    def draw(c):
        for i in range(1000):
            c.drawImage(str(dot), 20 + (i % 40) * 14, 20 + (i // 40) * 14, 4, 4)
        c.drawString(72, 760, "Tabellen viser indsatserne.")
        table = Table(ROWS, colWidths=[150, 120, 120])
        table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), "Helvetica")])
        table.wrapOn(c, 400, 200)
        table.drawOn(c, 72, 650)

    path = one_page_pdf(tmp_path, draw)
    with closing(pdfium.PdfDocument(path)) as doc:
        assert read_pdf.page_without_images(doc, 0) is not None
    result = parsed(path)
    whole = read_pdf.parse_pdf(path, use_pdfium=False)
    assert result.readers == (read_pdf.PDFIUM_TABLES,)
    tables = [ln.table_rows for ln in result.pages[0] if ln.table_rows]
    assert tables == [ln.table_rows for ln in whole.pages[0] if ln.table_rows] == [ROWS]


def test_on_a_cropped_page_the_table_and_the_lines_are_measured_alike(tmp_path):
    """PDFium measures from the crop box, pdfplumber from the media box: the table's box
    must still hold the table's text, and nothing else."""
    from reportlab.platypus import Table

    def draw(c):
        c.setCropBox((40, 30, 560, 800))
        c.drawString(72, 760, "Tabellen viser indsatserne.")
        table = Table(ROWS, colWidths=[150, 120, 120])
        table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), "Helvetica")])
        table.wrapOn(c, 400, 200)
        table.drawOn(c, 72, 650)

    lines = parsed(one_page_pdf(tmp_path, draw)).pages[0]
    assert [(ln.text, ln.table_rows) for ln in lines] == [("Tabellen viser indsatserne.", None), ("", ROWS)]
    heading, table = lines
    assert heading.x0 == pytest.approx(72 - 40, abs=0.5) and table.x0 == pytest.approx(72 - 40, abs=1)
    assert heading.bottom < table.top and heading.page_height == table.page_height == pytest.approx(770)


def test_table_borders_drawn_as_thin_bars_are_a_ruled_table(tmp_path):
    """Word draws a table's borders as filled rectangles half a point thin."""

    def draw(c):
        xs, ys = [72, 222, 342, 462], [700, 680, 660, 640]
        for y in ys:
            c.rect(xs[0], y, xs[-1] - xs[0], 0.5, stroke=0, fill=1)
        for x in xs:
            c.rect(x, ys[-1], 0.5, ys[0] - ys[-1], stroke=0, fill=1)
        for row, y in zip(ROWS, ys):
            for cell, x in zip(row, xs):
                c.drawString(x + 4, y - 14, cell)

    result = parsed(one_page_pdf(tmp_path, draw))
    assert result.readers == (read_pdf.PDFIUM_TABLES,)
    assert [ln.table_rows for ln in result.pages[0]] == [ROWS]


def test_characters_without_unicode_leave_the_page_to_pdfplumber(tmp_path):
    """A font whose encoding names glyphs no Unicode is known for (and no ToUnicode map)."""
    content = b"BT /F1 12 Tf 72 700 Td (ABCDEFG HIJ KLMNOP) Tj ET"
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/Differences [65 " + b" ".join(b"/g%d" % i for i in range(1, 17)) + b"] >> >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font,
    ]
    data = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "uden-unicode.pdf"
    path.write_bytes(data)
    assert parsed(path).readers == ("pdfplumber: characters without Unicode",)


def test_letters_stacked_down_the_margin_are_no_heading(tmp_path):
    """A banner set letter by letter down the margin, each letter upright ("UDKAST" as a
    case system prints it): no line of text, no heading, not the title."""

    def draw(c):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 760, "Beskæftigelsesplan 2022")
        c.setFont("Helvetica", 10)
        body(c)
        c.setFont("Helvetica-Bold", 14)
        for i, letter in enumerate("UDKAST"):
            c.drawString(30, 600 - 18 * i, letter)

    path = one_page_pdf(tmp_path, draw)
    text = read_pdf.pdf_source(path, parsed(path), REPAIR, LAYOUT).text
    assert [ln for ln in text.split("\n") if ln.startswith("#")] == ["## Beskæftigelsesplan 2022"]
    assert not [ln for ln in text.split("\n") if len(ln.strip()) == 1]
    assert "Linje 6 af brødteksten" in text


def test_a_document_name_in_bold_on_every_page_is_a_running_header(tmp_path):
    """The document's name in bold at the top of each of four pages (a Word header): kept
    once, where it first stands, not a heading on every page; a bold heading that repeats
    on two pages only is a heading each time."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "fire-sider.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in range(4):
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, 800, "KULTURKOMMUNE 2017 - Arbejdsoplæg")
        if page in (1, 2):
            c.setFont("Helvetica-Bold", 12)
            c.drawString(72, 720, "Markedsføring / intern branding")
        c.setFont("Helvetica", 10)
        body(c, top=690)
        c.drawString(500, 40, f"{page + 1} of 4")
        c.showPage()
    c.save()
    text = read_pdf.pdf_source(path, parsed(path), REPAIR, LAYOUT).text
    assert text.count("KULTURKOMMUNE 2017 - Arbejdsoplæg") == 1
    assert text.split("\n")[0].endswith("# KULTURKOMMUNE 2017 - Arbejdsoplæg")
    assert text.count("Markedsføring / intern branding") == 2
    assert " of 4" not in text
