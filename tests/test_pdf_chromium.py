"""The PDF reader on PDFs of a third producer, headless Chromium (Skia: TrueType subsets as
CID fonts, a page matrix made of two ``cm`` operators, each space a text object of its
own, list bullets and cell borders drawn as paths), rendered at test time.

The plain rendering gives pdfplumber's lines on every page; the renderings in unusual
text states (tests/fixtures/render_chromium.py: ``stretch`` — a horizontally scaled form
where Skia's ligatures sit; ``spacing`` — letter and word spacing; ``synth`` — bold faked
by drawing twice, and a text shadow) read as the same text as the plain one, where
pdfplumber reads the text drawn twice as doubled letters ("SSoomm").
"""

from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT, SOURCES
from test_pdf_reader import assert_same_lines, read_both

from extract.read.pdf import parse_pdf

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from render_chromium import render  # noqa: E402  (Chromium: setup.sh --test)

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

STEM = "temaer-beskaeftigelsesaftale-2012"
VARIANTS = ("stretch", "spacing", "synth")


@pytest.fixture(scope="module")
def renderings(tmp_path_factory):
    out = tmp_path_factory.mktemp("chromium")
    source = next(SOURCES.glob(STEM + ".*"))
    return {variant: render(source, out / f"{STEM}-{variant or 'plain'}.pdf", variant) for variant in (None, *VARIANTS)}


def read_text(path) -> tuple[str, list]:
    """The text of every line of the document without white space, and its tables' rows."""
    pages = parse_pdf(path).pages
    return (
        re.sub(r"\s+", "", "".join(ln.text for lines in pages for ln in lines)),
        [ln.table_rows for lines in pages for ln in lines if ln.table_rows],
    )


def test_the_plain_rendering_gives_pdfplumbers_lines_on_every_page(renderings):
    pages = read_both(renderings[None])
    assert len(pages) == 3
    for number, ((new, reader), old) in enumerate(pages, start=1):
        assert reader == "pdfium"  # bullets are filled circles: no table
        assert_same_lines(new, old, f"page {number}")


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_unusual_text_state_reads_as_the_plain_rendering(variant, renderings):
    plain, plain_tables = read_text(renderings[None])
    text, tables = read_text(renderings[variant])
    assert len(plain) > 9000
    assert text == plain and tables == plain_tables
    assert "supplementsupplement" not in text and "SSoomm" not in text
