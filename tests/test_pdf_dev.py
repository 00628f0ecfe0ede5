"""Real PDFs of other municipalities (the development corpus): page numbers and running
headers of any producer left out, an address column beside a letter's body and a
letterhead's block kept out of the body's sentences and never taken for headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import RULES

from extract.pipeline import extract_source, read_source

DEV_PDF = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus" / "pdf"
NOTE = DEV_PDF / "ballerup_2012-11-19_notat-torvevej-budgettilpasning-2013-2014.pdf"  # Word 2007, "Side 2" in bold
LETTER = DEV_PDF / "ballerup_2013-01-03_bilag-kl-brev-monopolbrud.pdf"  # Word 2010, address column, "1/3"
THEME = DEV_PDF / "syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf"  # "1 of 3" headers
PLAN = DEV_PDF / "syddjurs_2013-06-20_kulturkommune-2017-arbejdsoplaeg.pdf"  # "2 of 11" headers
PAGE_NUMBER = re.compile(r"(?i)^(?:side\s*)?\d{1,3}(?:\s*(?:af|of|/)\s*\d{1,3})?$")

pytestmark = pytest.mark.skipif(not DEV_PDF.is_dir(), reason="the development corpus is not there")


@pytest.fixture(scope="module", params=[NOTE, LETTER, THEME, PLAN], ids=lambda p: p.name[:24])
def extraction(request):
    return extract_source(read_source(request.param, RULES), RULES)


def test_no_page_number_or_running_header_is_read(extraction):
    lines = [ln.lstrip("# ").strip() for ln in extraction.source.text.split("\n")]
    assert not [ln for ln in lines if PAGE_NUMBER.match(ln)]
    assert not [s.heading for s in extraction.sections if PAGE_NUMBER.match(s.heading)]
    assert not re.search(r"\b\d+ of \d+\b", extraction.source.text)


def test_a_letters_address_column_stays_out_of_its_sentences():
    text = read_source(LETTER, RULES).text
    assert "hvor KL bad alle kommuner om at tilslutte sig en række udbud, som skal gennemføres af KOMBIT" in text
    assert "tidspunkt er indsendt. 74 kommuner har dags dato tilmeldt sig, mens en række kommuner har meddelt" in text
    assert "\n## Tilslutning til monopolbruddet\n" in text  # the subject line, no longer glued to the date
    assert (
        text.startswith("Den 3. januar 2013\n\n") and "\nWeidekampsgade 10\nPostboks 3370\n2300 København S\n" in text
    )
    assert "1/3" not in text
    ex = extract_source(read_source(LETTER, RULES), RULES)
    assert ex.meta.title == "Tilslutning til monopolbruddet"


def test_a_letterheads_block_is_no_heading():
    ex = extract_source(read_source(NOTE, RULES), RULES)
    assert ex.meta.title.startswith("Tilpasning af budget 2 %")  # the subject line under "Notat"
    assert [s.heading for s in ex.sections if s.heading] == []  # a note without headings
    assert not [s.heading for s in ex.sections if "BESKÆFTIGELSE" in s.heading or "Side" in s.heading]
    assert ex.source.text.startswith("SOCIAL, SUNDHED OG\nBESKÆFTIGELSE\nUdviklingshæmmede - Administrationen\n")
    assert "\nTil: SFU\n" in ex.source.text


def _tree(path: Path) -> list[tuple[str, int, str]]:
    return [(s.heading, s.level, s.role) for s in extract_source(read_source(path, RULES), RULES).sections if s.heading]


def test_bold_bullet_lines_over_their_paragraph_are_headings_below_the_heading_that_lists_them():
    tree = _tree(THEME)
    assert ("Perspektivering", 1, "other") in tree and ("Rammen for arbejdet", 1, "other") in tree
    for theme in ["God timing", "Branding", "Identitet i kulturtilbud", "Kultur som planredskab", "Tidskapsel"]:
        assert (theme, 2, "other") in tree
    # the bulleted questions and the plain bullets of the same note are no headings
    assert not [h for h, _, _ in tree if h.startswith(("Byrådsmedlemmerne", "Lokalet", "Før sommerferien"))]


def test_parts_hold_the_headings_in_their_type_and_an_appendix_closes_them():
    tree = _tree(PLAN)
    assert ("DEL1 Hvad er rammen om kulturudviklingen", 1, "other") in tree  # its subtitle sentence is body text
    assert ("DEL 2 Indhold -at bo, leve og besøge", 1, "other") in tree
    for area in ["Landområderne", "Ebeltoftområdet", "Det grønne bånd", "Det blå bånd"]:
        assert (area, 2, "other") in tree
    assert ("Markedsføring / intern branding", 3, "other") in tree  # "2. …", its number apart
    assert ("Bilag 1", 1, "bilag") in tree
    assert ("Indledning", 1, "other") in tree
