"""Tables written with "|" between their cells in text sources: read as tables a user can
query, their sums of money read with the caption's unit and the header's years.

The texts are made up in two styles that text sources hold: a Markdown table, and a web
page's table copied as text, one row a line, cells parted by " | " and each row ending in
"|" (the way budget follow-ups and accounts on municipal web pages come out when copied),
with a row group's name alone on its line and empty cells spilled onto lines of their own."""

from __future__ import annotations

from pathlib import Path

from conftest import RULES

from extract.extractors.amounts import find_amounts
from extract.read.pipe_tables import pipe_rows_as_tabs
from extract.read.text import read_text_source
from extract.structure.sentences import sentence_spans
from extract.structure.tables import find_tables

WEB_COPY = (
    "Opfølgningen har medført følgende behov for ændringer i bevillinger:\n"
    "(Hele 1.000 kr.) | Note | 2025 | 2026 | 2027-2029 |\n"
    "Ansøgninger om tillægsbevilling til driftsbevilling (serviceudgifter) |\n"
    "|\n"
    "|\n"
    "Skolepolitik | 1. | -1.250 | -80 | 0 |\n"
    "Ældrepolitik | 2. | 640 | 120 | 120 |\n"
    "Bevillingerne søges som anført.\n"
)

MARKDOWN = (
    "# Regnskab\n\n"
    "| Mio. kr. | Budget 2025 | Regnskab 2025 |\n"
    "|---|---:|---:|\n"
    "| Driftsudgifter | 3.202,7 | 3.191,8 |\n"
    "| Renter | 9,9 | 7,5 |\n"
)


def _read(text: str, name: str = "side.txt") -> str:
    return read_text_source(Path(name), text.encode("utf-8"), RULES["ocr_repair.yml"]).text


def test_a_web_tables_copy_becomes_tab_rows():
    out = pipe_rows_as_tabs(WEB_COPY)
    assert out.split("\n")[1:5] == [
        "(Hele 1.000 kr.)\tNote\t2025\t2026\t2027-2029",
        "Ansøgninger om tillægsbevilling til driftsbevilling (serviceudgifter)\t\t\t\t",
        "Skolepolitik\t1.\t-1.250\t-80\t0",
        "Ældrepolitik\t2.\t640\t120\t120",
    ]
    assert out.startswith("Opfølgningen har") and out.endswith("Bevillingerne søges som anført.\n")


def test_a_markdown_table_loses_its_rule_line_and_outer_pipes():
    [table] = find_tables(_read(MARKDOWN, "regnskab.md"))
    assert table.header == ["Mio. kr.", "Budget 2025", "Regnskab 2025"]
    assert table.n_rows == 3 and table.n_columns == 3
    assert [c.text for c in table.cells if c.row == 2] == ["Renter", "9,9", "7,5"]


def test_labels_and_their_values_and_prose_with_a_pipe_stay_as_written():
    text = (
        "Mødested: | Lokale 425 |\n"
        "Udvalg: | Social- og Sundhedsudvalget |\n"
        "Referat | Byrådet\n"
        "Et afsnit om budgettet | med en streg.\n"
    )
    assert pipe_rows_as_tabs(text) == text
    assert find_tables(_read(text)) == []


def test_the_sums_of_a_copied_table_take_the_captions_unit_and_the_columns_years():
    text = _read(WEB_COPY)
    [table] = find_tables(text)
    assert table.n_rows == 4 and table.n_columns == 5
    found = find_amounts(text, sentence_spans(text, RULES["sentences.yml"]), RULES["amounts.yml"])
    got = [(abs(a.value_dkk), a.year_from, a.year_to, a.kind) for a in found]
    assert got == [
        (1_250_000, 2025, 2025, "service"),
        (80_000, 2026, 2026, "service"),
        (640_000, 2025, 2025, "service"),
        (120_000, 2026, 2026, "service"),
        (120_000, 2027, 2029, "service"),
    ]
