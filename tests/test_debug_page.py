"""kb extract FILE.pdf --debug-page N: a PNG of the page with what was found on it boxed."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import ROOT, SOURCES
from PIL import Image

from extract.cli import cli
from extract.pipeline import extract_file
from extract.read.pdf_debug import COLOURS, draw_page

PDF = ROOT / "tests" / "fixtures" / "pdf" / "budget-2013-nye-initiativer.reportlab.pdf"
PAGE = 6  # a table, role headings, an initiative heading and two amounts


def _has_colour(image: Image.Image, hex_colour: str) -> bool:
    want = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    return any(colour == want for _, colour in colours)


def test_every_heading_amount_and_table_of_the_page_is_boxed(tmp_path):
    ex = extract_file(PDF)
    result = draw_page(PDF, PAGE, ex, tmp_path / "page.png")
    headings = [s for s in ex.sections if s.page == PAGE]
    amounts = [a for a in ex.amounts if a.page == PAGE]
    assert headings and amounts
    assert result.boxed == {"table": 1, "heading": len(headings), "amount": len(amounts)}
    assert result.not_found == []
    image = Image.open(tmp_path / "page.png")
    assert image.width > 800
    for kind in ("heading", "table", "amount"):
        assert _has_colour(image, COLOURS[kind]), kind


def test_the_command_writes_the_png_and_says_what_it_boxed(tmp_path):
    out = tmp_path / "debug.png"
    result = CliRunner().invoke(cli, ["extract", str(PDF), "--debug-page", str(PAGE), "--debug-out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 10_000
    assert result.output.startswith(f"{out}: page {PAGE} with 1 table")


def test_a_page_past_the_end_and_a_text_file_are_refused_in_one_line(tmp_path):
    result = CliRunner().invoke(
        cli, ["extract", str(PDF), "--debug-page", "999", "--debug-out", str(tmp_path / "x.png")]
    )
    assert result.exit_code == 1 and "there is no page 999" in result.output
    text = next(SOURCES.glob("*.md"))
    result = CliRunner().invoke(cli, ["extract", str(text), "--debug-page", "1"])
    assert result.exit_code == 1 and "--debug-page needs a PDF" in result.output
    assert len(result.output.strip().splitlines()) == 1
