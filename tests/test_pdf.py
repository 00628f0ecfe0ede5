"""PDF reading: the rendered corpus PDFs (two producers) against their text sources.

tests/fixtures/render_pdfs.py renders each corpus document the way a word
processor would (headings bold and larger, justified body, running header, page
numbers, ruled tables) with fpdf2 and with reportlab.
"""
from __future__ import annotations

import re
from collections import Counter

import pdfplumber
import pytest

from conftest import CORPUS, ROOT
from extract.pdf_layout import join_lines

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
PRODUCERS = ("fpdf", "reportlab")
CASES = [(src.stem, producer) for src in CORPUS for producer in PRODUCERS]
IDS = [f"{s}-{p}" for s, p in CASES]


@pytest.fixture(scope="module")
def pdf_extractions():
    from extract.pipeline import extract_file

    return {(stem, p): extract_file(PDF_DIR / f"{stem}.{p}.pdf") for stem, p in CASES}


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_pdf_gives_the_same_amounts_as_the_text_source(stem, producer, pdf_extractions, extractions):
    pdf = pdf_extractions[(stem, producer)]
    text = extractions[stem]
    assert Counter(a.value_dkk for a in pdf.amounts) == Counter(a.value_dkk for a in text.amounts)
    assert [(a.year_from, a.year_to, a.per_year, a.kind) for a in pdf.amounts] == [
        (a.year_from, a.year_to, a.per_year, a.kind) for a in text.amounts]


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_every_record_carries_the_page_its_quote_is_on(stem, producer, pdf_extractions):
    ex = pdf_extractions[(stem, producer)]
    with pdfplumber.open(PDF_DIR / f"{stem}.{producer}.pdf") as pdf:
        # a page's text and, since columns interleave in it, each table cell's text
        pages = [squash((p.extract_text() or "") + "".join(
            c or "" for t in p.extract_tables() for row in t for c in row)) for p in pdf.pages]
    assert ex.amounts or not ex.sections or ex.milestones
    for rec in [*ex.amounts, *ex.milestones]:
        quote = rec.quote if hasattr(rec, "value_dkk") else rec.date_text
        assert rec.page is not None and squash(quote) in pages[rec.page - 1], (rec.page, quote)
    for s in ex.sections:
        assert s.page is not None and squash(s.heading)[:20] in pages[s.page - 1], (s.page, s.heading)


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_running_headers_and_page_numbers_are_removed(stem, producer, pdf_extractions):
    ex = pdf_extractions[(stem, producer)]
    assert not re.search(r"^Side \d+$", ex.source.text, re.M)
    title = ex.meta.title
    assert title and ex.source.text.count(title) <= 2  # the title once (and a table of contents)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_long_headings_wrapped_over_lines_are_one_heading(producer, pdf_extractions):
    ex = pdf_extractions[("beskaeftigelsesplan-2022", producer)]
    headings = [s.heading for s in ex.sections]
    assert any(h.endswith("og virksomhedernes efterspørgsel efter arbejdskraft") for h in headings)


@pytest.mark.parametrize("lines,joined", [
    (["Borgeren skal bringes tættere på arbejds-", "markedet og i job."], "Borgeren skal bringes tættere på arbejdsmarkedet og i job."),
    (["samarbejde med AC-", "a-kasserne"], "samarbejde med AC- a-kasserne"),
    (["Dato: 24-04-2008", "\n", "Sagsnr.: 2008-15091"], "Dato: 24-04-2008\nSagsnr.: 2008-15091"),
    (["Formålet er at", "motivere unge."], "Formålet er at motivere unge."),
])
def test_lines_are_reflowed_and_hyphenation_joined(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_pdf_gives_the_same_headings_as_the_text_source(stem, producer, pdf_extractions, extractions):
    """Headings in order, compared without white space, because a word broken inside a
    narrow table cell comes back with a space in it. (Levels and roles are not yet equal
    for plain-text documents rendered to PDF: see the PDF issue's note.)"""
    def tree(ex):
        return [squash(s.heading) for s in ex.sections]

    assert tree(pdf_extractions[(stem, producer)]) == tree(extractions[stem])
