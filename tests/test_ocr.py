"""Scanned pages: OCR with Tesseract (Danish) recovers the amounts and headings of a page."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from extract.errors import SourceError
from extract.pipeline import extract_file
from extract.read import ocr

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
SCANNED = PDF_DIR / "beskaeftigelsesplan-2022.scanned-p3.pdf"
RENDERED = PDF_DIR / "beskaeftigelsesplan-2022.fpdf.pdf"
PAGE = 3


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def scanned():
    assert ocr.ocr_available(), "Tesseract with Danish data is installed by ./setup.sh --test"
    return extract_file(SCANNED)


@pytest.fixture(scope="module")
def rendered():
    return extract_file(RENDERED)


def test_the_scanned_page_is_read_by_ocr_and_says_so(scanned):
    assert scanned.source.origin == "pdf"
    assert [n for n, _ in scanned.source.ocr_pages] == [1]
    assert scanned.source.ocr_pages[0][1] > 80
    assert any("read by OCR" in w for w in scanned.source.warnings)


def test_every_amount_of_the_page_is_recovered(scanned, rendered):
    expected = [(a.value_dkk, a.year_from, a.year_to) for a in rendered.amounts if a.page == PAGE]
    assert expected
    assert [(a.value_dkk, a.year_from, a.year_to) for a in scanned.amounts] == expected


def test_every_heading_of_the_page_is_recovered(scanned, rendered):
    expected = [squash(s.heading) for s in rendered.sections if s.page == PAGE]
    got = [squash(s.heading) for s in scanned.sections]
    assert expected and all(h in got for h in expected), (expected, got)


def test_without_tesseract_the_reason_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    with pytest.raises(SourceError, match="install tesseract-ocr-dan"):
        extract_file(SCANNED)


def test_tesseract_tsv_becomes_lines_in_points():
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t200\t400\t150\t40\t96.5\tMålgruppe\n"
        "5\t1\t1\t1\t1\t2\t360\t400\t60\t40\t93.5\ter\n"
        "5\t1\t1\t1\t2\t1\t200\t460\t100\t30\t-1\t \n"
    )
    page = ocr.tsv_to_page(tsv, 4, 842.0)
    assert [ln.text for ln in page.lines] == ["Målgruppe er"]
    line = page.lines[0]
    assert (line.page, round(line.x0, 1), round(line.top, 1), round(line.size, 1)) == (4, 72.0, 144.0, 14.4)
    assert line.ocr and page.confidence == 95.0


def test_the_build_records_each_page_and_whether_ocr_read_it(tmp_path):
    import shutil
    import sqlite3

    from extract.build import build

    (tmp_path / "sources").mkdir()
    shutil.copy(SCANNED, tmp_path / "sources" / SCANNED.name)
    shutil.copy(RENDERED, tmp_path / "sources" / RENDERED.name)
    build([tmp_path / "sources"], str(tmp_path / "kb.db"), root=tmp_path)
    con = sqlite3.connect(tmp_path / "kb.db")
    rows = con.execute(
        "select d.path, p.page, p.ocr, p.ocr_confidence, p.char_start, p.char_end "
        "from pages p join documents d on d.id = p.document_id order by d.path, p.page"
    ).fetchall()
    scanned = [r for r in rows if r[0].endswith(SCANNED.name)]
    rendered = [r for r in rows if r[0].endswith(RENDERED.name)]
    assert [(page, ocr) for _, page, ocr, *_ in scanned] == [(1, 1)] and scanned[0][3] > 80
    assert [page for _, page, *_ in rendered] == list(range(1, len(rendered) + 1)) and len(rendered) > 3
    assert all(ocr == 0 and conf is None for _, _, ocr, conf, *_ in rendered)
    assert all(a[5] == b[4] for a, b in zip(rendered, rendered[1:]))  # pages follow each other in the text


# --- scanned on its side: orientation detected and corrected, or the page unreadable ---

DEV_NOTE = (
    ROOT.parent / "shared" / "dev-corpus" / "pdf" / "ballerup_2012-11-19_notat-torvevej-budgettilpasning-2013-2014.pdf"
)


def scanned_pdf(tmp_path, turns: list[int]):
    """The notat's first page rendered as a scan would be, once per entry of ``turns``,
    each turned that many degrees counter-clockwise (fed into the scanner on its side or
    upside down), written as a PDF of images without a text layer."""
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(DEV_NOTE) as doc:
        image = doc[0].render(scale=ocr.DPI / 72).to_pil().convert("L")
    pages = [image.rotate(turn, expand=True) for turn in turns]
    path = tmp_path / "scannet.pdf"
    pages[0].save(path, "PDF", resolution=ocr.DPI, save_all=True, append_images=pages[1:])
    return path


@pytest.mark.parametrize("turn,upright", [(90, 90), (180, 180)])
def test_a_page_scanned_on_its_side_is_turned_upright_before_ocr(tmp_path, turn, upright):
    from extract.pipeline import project_rules, read_source

    src = read_source(scanned_pdf(tmp_path, [turn]), project_rules())
    assert "Tilpasning af budget 2 % i 2013 og 3 % i 2014" in " ".join(src.text.split())
    assert "Ballerup kommune overtog i 2007" in src.text
    assert src.ocr_pages[0][1] > 85
    assert (
        f"page 1 was read by OCR (Tesseract, mean confidence {src.ocr_pages[0][1]:.0f}), turned {upright}°"
        in (src.warnings[0])
    )


def test_a_page_ocr_cannot_read_well_enough_is_unreadable_not_noise(tmp_path, monkeypatch):
    """Without the turn (its detection told to trust nothing), the page on its side is read
    at a mean confidence near 40: it is recorded as unreadable, the upright page is kept."""
    from extract.pipeline import project_rules, read_source

    monkeypatch.setattr(ocr, "MIN_ORIENTATION_CONFIDENCE", 1000.0)
    src = read_source(scanned_pdf(tmp_path, [0, 90]), project_rules())
    assert [n for n, _ in src.ocr_pages] == [1]
    unreadable = [w for w in src.warnings if w.startswith("page 2 of 2 is unreadable")]
    assert unreadable and "below 60 (rules/ocr_repair.yml, limits.min_page_confidence); left empty" in unreadable[0]
    assert len(src.page_starts) == 2 and "Ballerup kommune overtog i 2007" in src.text
    assert src.text[src.page_starts[1] :].strip() == ""
