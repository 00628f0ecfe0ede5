"""Word .docx files: headings from styles and numbering, paragraphs, tables as tables, no pages.

The documents are built at test time with python-docx from the text of a real agenda
item of the development corpus (never committed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import RULES

from extract.errors import SourceError
from extract.pipeline import extract_source, read_source
from extract.read.docx import style_kind

DEV_TEXT = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus" / "text"
ITEM = DEV_TEXT / "greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse.txt"
FIELDS = {"Beslutning", "Fremstilling", "Sagsprocedure", "Resume", "Indstilling", "Sagsbeskrivelse",
          "Lovgrundlag", "Økonomiske konsekvenser", "Tidsplan", "Øvrige forhold"}  # fmt: skip
SUBHEADINGS = {"Ansøgning om midler til energiforbedringsprojekter", "Øvrige projekter til senere behandling"}
FORMATS = RULES["formats.yml"]


def agenda_item_docx() -> bytes:
    """The agenda item as its agenda system writes it to Word: the item's title in the title
    style, its fields as "Heading 1", two sub-headings in a Danish template's "Overskrift 2",
    its budget table as a Word table."""
    docx = pytest.importorskip("docx")
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    danish = document.styles.add_style("Overskrift 2", WD_STYLE_TYPE.PARAGRAPH)
    danish.base_style = document.styles["Normal"]
    lines = [ln.strip() for ln in ITEM.read_text(encoding="utf-8").split("\n") if ln.strip()]
    document.add_paragraph(lines[0], style="Title")
    rows = []
    for line in lines[1:]:
        if "\t" in line:
            rows.append([cell.strip() for cell in line.split("\t")])
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=2)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            rows = []
        if line in FIELDS:
            document.add_paragraph(line, style="Heading 1")
        elif line in SUBHEADINGS:
            document.add_paragraph(line, style="Overskrift 2")
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def extraction():
    path = Path("genopretningspuljen.docx")
    return extract_source(read_source(path, RULES, data=agenda_item_docx()), RULES)


def test_headings_come_from_paragraph_styles(extraction):
    assert extraction.meta.title == "Frigivelse af midler fra Genopretningspuljen"
    marked = [ln for ln in extraction.source.text.split("\n") if ln.startswith("#")]
    assert marked[:3] == ["# Frigivelse af midler fra Genopretningspuljen", "## Beslutning", "## Fremstilling"]
    assert "## Økonomiske konsekvenser" in marked and "### Øvrige projekter til senere behandling" in marked
    assert len(marked) == 1 + len(FIELDS) + len(SUBHEADINGS)
    levels = {s.heading: s.level for s in extraction.sections if s.heading}  # not the preamble
    assert levels["Ansøgning om midler til energiforbedringsprojekter"] == levels["Sagsbeskrivelse"] + 1
    assert [s.heading for s in extraction.sections if s.heading][:3] == ["Beslutning", "Fremstilling", "Sagsprocedure"]
    assert {s.heading for s in extraction.sections if s.heading} == FIELDS | SUBHEADINGS


def test_tables_are_tables_and_pages_unknown(extraction):
    assert extraction.source.page_starts == () and extraction.source.origin == "docx"
    [table] = extraction.tables
    text = extraction.source.text[table.char_start : table.char_end]
    assert text.split("\n")[0] == "Projekt\tBudget i t. kr."
    assert "Mosedeskolen, branddøre\t1.000" in text and text.endswith("I alt\t9.000")
    assert all(a.page is None for a in extraction.amounts)
    assert any(a.quote.startswith("13 mio. kr") for a in extraction.amounts)


def test_word_numbers_its_headings():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    # the template's numbered-list numbering, as a template with numbered headings gives it
    numbered = document.styles["List Number"].element.pPr.numPr.numId.val
    for text in ("Indledning", "Målgruppe", "Økonomi"):
        paragraph = document.add_paragraph(text, style="Heading 1")
        num = paragraph.paragraph_format.element.get_or_add_pPr().get_or_add_numPr()
        num.get_or_add_numId().val = numbered
        num.get_or_add_ilvl().val = 0
    out = io.BytesIO()
    document.save(out)
    src = read_source(Path("plan.docx"), RULES, data=out.getvalue())
    assert [ln for ln in src.text.split("\n") if ln] == ["## 1. Indledning", "## 2. Målgruppe", "## 3. Økonomi"]


@pytest.mark.parametrize("example", FORMATS.examples, ids=[e["style"] for e in FORMATS.examples])
def test_style_examples(example):
    assert style_kind(example["style"], FORMATS) == (example["is"], example.get("level"))


def test_a_broken_docx_is_refused_with_what_to_do():
    with pytest.raises(SourceError) as e:
        read_source(Path("referat.docx"), RULES, data=b"PK\x03\x04 not really a zip")
    assert "referat.docx" in str(e.value) and "save it again as .docx or PDF" in str(e.value)
