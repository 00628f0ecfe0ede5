"""Tables: found in text and PDF sources alike, kept as tables and cells a user can query."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import ROOT

from extract.structure.tables import find_tables

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
STATUS = "status-beskaeftigelsesaftale-2009"


def test_status_rows_with_a_cell_written_over_several_lines_are_one_row_each():
    text = (
        "Nr.\tIndsatsmål / aktivitet\tIndsatsmål\tResultatmål\tStatus\n"
        "1.6\tFlere integrationsstillinger\tDer oprettes 50 stillinger.\tBidrager.\tPlanmæssigt.\n"
        "\n"
        "1.7\tKompetence-udvikling af alle medarbejdere i BIF\t\n"
        " 1) 200 medarbejdere om året gennemfører kursusdage.\tInitiativet bidrager.\n"
        "Ad.1: Der er afholdt fem grundtræningskursusforløb.\n"
        "\t\n"
        "\n"
        "Tallene fordeler sig således for 3. kvartal.\n"
    )
    [table] = find_tables(text)
    assert table.header == ["Nr.", "Indsatsmål / aktivitet", "Indsatsmål", "Resultatmål", "Status"]
    assert table.n_rows == 3
    first = {c.row: c.text for c in table.cells if c.column == 0}
    assert first == {0: "Nr.", 1: "1.6", 2: "1.7"}
    cell = next(c for c in table.cells if c.row == 2 and c.column == 2)
    assert cell.text.startswith("1) 200 medarbejdere") and "Ad.1: Der er afholdt" not in cell.text
    assert "Tallene fordeler sig" not in text[table.char_start : table.char_end]
    for c in table.cells:
        assert text[c.char_start : c.char_end] == c.text


def test_a_table_of_contents_and_single_tabbed_lines_are_not_tables():
    text = "Indhold\n\n1. Indledning.....\t2\n2. Budget 2022.....\t2\n3. Vision\t3\n\nDato:\t24-04-2008\tx\n"
    assert find_tables(text) == []


def test_a_header_row_with_an_empty_corner_names_the_columns():
    text = (
        "\tForventet opstartsdato\tForventet slutdato\n"
        "Udviklingsfase\t1-10-2012\t30-11-2012\n"
        "Implementeringsfase\t1-12-2012\t31-1-2013\n"
    )
    [table] = find_tables(text)
    assert table.header == ["", "Forventet opstartsdato", "Forventet slutdato"]
    assert (table.n_rows, table.n_columns) == (3, 3)


def test_rows_of_numbers_are_not_a_header():
    text = "Under 30 år\t648\t519\t33 %\nOver 30 år\t770\t663\t67 %\n"
    assert find_tables(text)[0].header is None


def test_a_pdf_table_going_on_over_a_page_break_is_one_table():
    text = "Nr.\tNavn\tStatus\n1.1\tA\tI gang\n\n1.2\tB\tAfsluttet\n\nEt afsnit.\n\n2.1\tC\tx\ty\n"

    def span(rows: str) -> tuple[int, int]:
        return text.index(rows), text.index(rows) + len(rows)

    spans = [span("Nr.\tNavn\tStatus\n1.1\tA\tI gang"), span("1.2\tB\tAfsluttet"), span("2.1\tC\tx\ty")]
    tables = find_tables(text, spans)
    assert [t.n_rows for t in tables] == [3, 1]
    assert tables[0].rule == "pdf_ruled_table"


@pytest.fixture(scope="module")
def status_pdfs():
    from extract.pipeline import extract_file

    return {p: extract_file(PDF_DIR / f"{STATUS}.{p}.pdf") for p in ("fpdf", "reportlab")}


def _row_numbers(ex) -> list[str]:
    return [
        c.text
        for t in ex.tables
        for c in t.cells
        if c.column == 0 and c.row > 0 or (c.column == 0 and c.row == 0 and t.header is None)
    ]


@pytest.mark.parametrize("producer", ["fpdf", "reportlab"])
def test_the_status_table_pdf_gives_the_rows_of_the_text_source(producer, status_pdfs, extractions):
    text = extractions[STATUS]
    pdf = status_pdfs[producer]
    assert len(text.tables) == 1 and text.tables[0].n_rows == 22  # the header and 21 numbered rows
    assert _row_numbers(pdf) == _row_numbers(text)
    assert pdf.tables[0].header == text.tables[0].header
    for t in pdf.tables:
        assert t.rule == "pdf_ruled_table" and t.page is not None and t.page_end >= t.page
        for c in t.cells:
            assert pdf.source.text[c.char_start : c.char_end] == c.text


def test_tables_and_cells_are_in_the_database_linked_to_their_initiative(built_db):
    con = sqlite3.connect(built_db)
    rows = con.execute(
        "select t.n_rows, t.header from tables t join documents d on d.id = t.document_id "
        "where d.path like ? order by t.position",
        [f"%{STATUS}%"],
    ).fetchall()
    assert rows[0][0] == 22 and '"Resultatmål"' in rows[0][1]
    cells = con.execute(
        "select c.column_name, s.heading, s.role, i.heading from table_cells c join sections s on s.id = c.section_id "
        "join sections i on i.id = c.initiative_id where c.text like 'Der gennemføres mindst 100 jobklub%'"
    ).fetchall()
    # the row's own section, and the outermost initiative holding it (the row "1" above it)
    assert cells == [
        ("Indsatsmål", "Jobklubber for kontanthjælpsmodtagere", "initiative", "Jobplan: Flere Indvandrere i Arbejde")
    ]
    texts = dict(con.execute("select document_id, text from texts"))
    for doc, start, end, text in con.execute("select document_id, char_start, char_end, text from table_cells"):
        assert texts[doc][start:end] == text
