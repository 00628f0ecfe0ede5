"""The PDFium line reader against pdfplumber's ``page_lines`` on PDFs of a third producer,
headless Chromium (Skia: TrueType subsets, CID fonts, a page matrix made of two ``cm``
operators): two corpus documents rendered at test time, every page compared.

Rendered with the ``unruled`` variant (list dashes in the text, tables without borders):
Chromium draws disc bullets and cell borders as paths, which send a page to pdfplumber
anyway. Measured: status 5/5 pages and temaer 2/3 read by PDFium (temaer's 3rd page holds
a space drawn as a text object of its own, which PDFium's text page leaves out).
"""
from __future__ import annotations

import sys

import pdfplumber
import pytest

from conftest import ROOT, SOURCES
from extract.read.pdf_layout import page_lines
from extract.read.pdfium_lines import open_pdfium
from test_pdfium_lines import assert_same_lines

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from render_chromium import render  # noqa: E402  (Chromium: setup.sh --test)

DOCS = ["status-beskaeftigelsesaftale-2009", "temaer-beskaeftigelsesaftale-2012"]


@pytest.fixture(scope="module")
def chromium_pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("chromium")
    return [render(next(SOURCES.glob(stem + ".*")), out / f"{stem}.pdf", "unruled") for stem in DOCS]


def test_pdfium_gives_pdfplumbers_lines_on_chromium_pdfs(chromium_pdfs):
    accepted = pages = 0
    for path in chromium_pdfs:
        with pdfplumber.open(path) as pdf:
            fast = open_pdfium(path, pdf)
            assert fast is not None
            with fast:
                for index, page in enumerate(pdf.pages):
                    pages += 1
                    new = fast.lines(index, page)
                    if new is None:
                        continue
                    accepted += 1
                    assert_same_lines(new, page_lines(page, index + 1), f"{path.name} page {index + 1}")
    assert pages == 8
    assert accepted >= 6  # measured 7 of 8
