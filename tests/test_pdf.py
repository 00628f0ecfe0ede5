"""PDF reading: the rendered corpus PDFs (two producers) against their text sources.

tests/fixtures/render_pdfs.py renders each corpus document the way a word
processor would (headings bold and larger, justified body, running header, page
numbers, ruled tables) with fpdf2 and with reportlab.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import closing

import pdfplumber
import pypdfium2 as pdfium
import pytest
from conftest import CORPUS, ROOT, RULES

from extract.read import pdf_layout
from extract.records import Line

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
LAYOUT = RULES["layout.yml"]


def layout_text(pages, outline=()):
    return pdf_layout.layout_text(pages, LAYOUT, outline)


def join_lines(lines):
    return pdf_layout.join_lines(lines, LAYOUT)


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
        (a.year_from, a.year_to, a.per_year, a.kind) for a in text.amounts
    ]


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_every_record_carries_the_page_its_quote_is_on(stem, producer, pdf_extractions):
    ex = pdf_extractions[(stem, producer)]
    with pdfplumber.open(PDF_DIR / f"{stem}.{producer}.pdf") as pdf:
        # a page's text and, since columns interleave in it, each table cell's text
        pages = [
            squash((p.extract_text() or "") + "".join(c or "" for t in p.extract_tables() for row in t for c in row))
            for p in pdf.pages
        ]

    def on_page(quote: str, page: int) -> bool:
        """The quote is on its page, or starts there and runs over the break onto the next
        (whose first lines may be a running header)."""
        q = squash(quote)
        if q in pages[page - 1]:
            return True
        return page < len(pages) and any(
            q[:k] in pages[page - 1] and q[k:] in pages[page][:200] for k in range(1, len(q))
        )

    assert ex.sections and (ex.amounts or ex.milestones)  # there are records whose pages to check
    for rec in [*ex.amounts, *ex.milestones]:
        quote = rec.quote if hasattr(rec, "value_dkk") else rec.date_text
        assert rec.page is not None and on_page(quote, rec.page), (rec.page, quote)
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


@pytest.mark.parametrize(
    "lines,joined",
    [
        (
            ["Borgeren skal bringes tættere på arbejds-", "markedet og i job."],
            "Borgeren skal bringes tættere på arbejdsmarkedet og i job.",
        ),
        (["samarbejde med AC-", "a-kasserne"], "samarbejde med AC- a-kasserne"),
        (["Dato: 24-04-2008", "\n", "Sagsnr.: 2008-15091"], "Dato: 24-04-2008\nSagsnr.: 2008-15091"),
        (["Formålet er at", "motivere unge."], "Formålet er at motivere unge."),
    ],
)
def test_lines_are_reflowed_and_hyphenation_joined(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_pdf_gives_the_same_heading_tree_as_the_text_source(stem, producer, pdf_extractions, extractions):
    """Headings in order with their levels and roles, compared without white space, because
    a word broken inside a narrow table cell comes back with a space in it."""

    def tree(ex):
        return [(squash(s.heading), s.level, s.role) for s in ex.sections]

    assert tree(pdf_extractions[(stem, producer)]) == tree(extractions[stem])


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_pdf_gives_the_same_milestones_as_the_text_source(stem, producer, pdf_extractions, extractions):
    def dates(ex):
        return [(m.date_start, m.date_end, m.kind) for m in ex.milestones]

    assert dates(pdf_extractions[(stem, producer)]) == dates(extractions[stem])


@pytest.mark.parametrize("stem,producer", CASES, ids=IDS)
def test_pdf_gives_the_same_target_groups_as_the_text_source(stem, producer, pdf_extractions, extractions):
    def groups(ex):
        return [(tuple(t.groups), t.age_min, t.age_max, tuple(t.match_groups), t.size) for t in ex.target_groups]

    assert groups(pdf_extractions[(stem, producer)]) == groups(extractions[stem])


@pytest.mark.parametrize("stem", [c[0] for c in CASES if c[1] == "fpdf"])
def test_one_producer_writes_an_outline_and_the_other_none(stem, extractions):
    """fpdf2's bookmarks hold every heading (a status table's rows are no headings, so it has
    none); reportlab writes no outline, so its headings come from the layout alone."""
    from extract.read.pdf import read_outline

    text = extractions[stem]
    expected = (
        [] if text.source.format == "table" else [(s.level, squash(s.heading)) for s in text.sections if s.heading]
    )
    with closing(pdfium.PdfDocument(PDF_DIR / f"{stem}.fpdf.pdf")) as pdf:
        got = [(level, squash(title)) for level, title in read_outline(pdf)]
    assert len(got) == len(expected)
    assert [level for level, _ in got] == [level for level, _ in expected]
    assert all(heading in title for (_, title), (_, heading) in zip(got, expected))
    with closing(pdfium.PdfDocument(PDF_DIR / f"{stem}.reportlab.pdf")) as pdf:
        assert read_outline(pdf) == []


def _line(text: str, top: float, size: float = 10, bold: bool = False) -> Line:
    return Line(text, 1, top, top + size, 50, 50 + 5 * len(text), size, bold, 842)


def test_the_outline_gives_headings_and_levels_where_the_type_gives_none():
    """A document typed all in one size and weight: only the bookmarks tell the headings."""
    lines = [
        _line("2. Beskrivelse af proces og anvendelse af midlerne i 2007", 100),
        _line("Københavns Kommune har i 2007 modtaget en bevilling på 26.898.526 kr.", 114),
        _line("1: Proces.", 140),
        _line("Processen har været todelt.", 154),
        _line("Milepæle", 180),
        _line("Milepæl 1, 1. februar 2013: Indsatsen begynder.", 194),
    ]
    outline = [(1, "2. Beskrivelse af proces og anvendelse af midlerne i 2007"), (2, "1: Proces."), (3, "Milepæle")]
    text = layout_text([lines], outline).text
    assert [ln for ln in text.split("\n") if ln.startswith("#")] == [
        "### 2. Beskrivelse af proces og anvendelse af midlerne i 2007",
        "#### 1: Proces.",
        "##### Milepæle",
    ]
    assert layout_text([lines]).text.count("#") == 0


def test_a_heading_wrapped_over_two_lines_is_matched_to_its_bookmark():
    lines = [
        _line("A. Generel styrkelse af indsatsen i job- og beskæftigelsescentre for", 100, 12, True),
        _line("den samlede målgruppe", 115, 12, True),
        _line("Jobkonsulenter til indsatsen i jobcenterenhederne.", 140, 11, True),
        _line("Der er ansat 20 jobkonsulenter.", 160),
    ]
    outline = [
        (1, "A. Generel styrkelse af indsatsen i job- og beskæftigelsescentre for den samlede målgruppe"),
        (2, "Jobkonsulenter til indsatsen i jobcenterenhederne."),
    ]
    headings = [ln for ln in layout_text([lines], outline).text.split("\n") if ln.startswith("#")]
    assert headings == [
        "### A. Generel styrkelse af indsatsen i job- og beskæftigelsescentre for den samlede målgruppe",
        "#### Jobkonsulenter til indsatsen i jobcenterenhederne.",
    ]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_an_ocr_damaged_text_layer_is_repaired_like_the_text_source(producer, pdf_extractions, extractions):
    """The theme note was OCR'd with an English model; its PDF carries the same damage."""
    stem = "temaer-beskaeftigelsesaftale-2012"
    pdf, text = pdf_extractions[(stem, producer)].source, extractions[stem].source
    assert pdf.ocr_damaged and text.ocr_damaged
    assert Counter((r.original, r.repaired) for r in pdf.repairs) == Counter(
        (r.original, r.repaired) for r in text.repairs
    )
    assert len(pdf.repairs) > 100 and "Kebenhavn" in pdf.original_text and "Kebenhavn" not in pdf.text


def test_a_year_alone_at_the_foot_of_a_page_is_text_and_a_page_number_is_not():
    """A date wrapped so that its year stands alone at the bottom of a page (seen in the
    scale corpus) must not be dropped as a page number."""
    page5 = [
        _line("Ansøgningerne skal være modtaget inden 3. marts", 400),
        Line("2015", 5, 800, 810, 50, 75, 10, False, 842),
        Line("5", 5, 815, 825, 290, 296, 10, False, 842),
    ]
    for ln in page5[:1]:
        ln.page = 5
    text = layout_text([[], [], [], [], page5]).text
    assert "inden 3. marts 2015" in text and not text.rstrip().endswith("5\n5")
    assert text.count("2015") == 1 and "\n5\n" not in text and not text.rstrip().endswith(" 5")


def test_a_line_repeated_near_the_edge_of_two_pages_at_different_places_is_text():
    """A short document: the running header stands at the same place on both pages and is
    dropped; a sentence that happens to repeat near the foot of both pages, higher on one
    than on the other, is text and is kept both times."""

    def page(n: int, repeat_top: float) -> list[Line]:
        lines = [
            Line("Beskæftigelses- og Integrationsforvaltningen", n, 30, 38, 50, 300, 8, False, 842),
            Line("Indsatsen følges op hvert kvartal.", n, 400, 410, 50, 250, 10, False, 842),
            Line("Der afsættes 1,5 mio. kr. årligt.", n, repeat_top, repeat_top + 10, 50, 250, 10, False, 842),
        ]
        return lines

    text = layout_text([page(1, 770), page(2, 790)]).text
    assert "Integrationsforvaltningen" not in text
    assert text.count("Der afsættes 1,5 mio. kr. årligt.") == 2
