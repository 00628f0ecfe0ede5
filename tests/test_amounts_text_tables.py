"""Tables that reach us as plain text, in every shape agenda exports give them: cells
parted by tabs, by runs of spaces, by pipes, or one a line; the unit above or in the header;
years in the header; minus written "-", "–", "÷" or as brackets; sum rows. Each numeric cell
is one amount in the unit, of its column's year; years, row numbers and percentages are not.

The tables here are made up (no document holds them), written in the style of the
accounts' main figures and budget follow-up tables of Danish agenda items."""

from __future__ import annotations

import pytest
import yaml
from conftest import RULES as ALL_RULES

from extract.extractors.amounts import find_amounts
from extract.rules import RULES_DIR
from extract.structure.sentences import sentence_spans

RULES = ALL_RULES["amounts.yml"]
RULES_DATA = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))

# made up: one table in five shapes, in millions, four year columns, a sum row
ROWS = [
    ("Drift", ["12,3", "-4,5", "6,0", "7,1"]),
    ("Anlæg", ["(2,0)", "÷ 1,5", "3,0", "–0,8"]),
    ("I alt", ["10,3", "-6,0", "9,0", "6,3"]),
]
YEARS = ["2022", "2023", "2024", "2025"]
WANT = [
    (12_300_000, 2022, "drift"), (4_500_000, 2023, "drift"), (6_000_000, 2024, "drift"), (7_100_000, 2025, "drift"),
    (2_000_000, 2022, "anlæg"), (1_500_000, 2023, "anlæg"), (3_000_000, 2024, "anlæg"), (800_000, 2025, "anlæg"),
    (10_300_000, 2022, None), (6_000_000, 2023, None), (9_000_000, 2024, None), (6_300_000, 2025, None),
]  # fmt: skip


def _tabs() -> str:
    return "Beløb i mio. kr.\t" + "\t".join(YEARS) + "\n" + "".join(f"{a}\t" + "\t".join(c) + "\n" for a, c in ROWS)


def _spaces() -> str:
    head = "Beløb i mio. kr.".ljust(20) + "".join(y.rjust(10) for y in YEARS)
    return head + "\n" + "".join(a.ljust(20) + "".join(c.rjust(10) for c in cs) + "\n" for a, cs in ROWS)


def _pipes() -> str:
    head = "(mio. kr.)\n| | " + " | ".join(YEARS) + " |\n|---|---|---|---|---|\n"
    return head + "".join(f"| {a} | " + " | ".join(c) + " |\n" for a, c in ROWS)


def _lines() -> str:
    return "(mio. kr.)\n" + "\n".join(YEARS) + "\n" + "".join(f"{a}\n" + "\n".join(c) + "\n" for a, c in ROWS)


def _years_one_space() -> str:
    head = "Beløb i mio. kr.".ljust(20) + "  " + " ".join(YEARS)
    return head + "\n" + "".join(a.ljust(20) + "  " + " ".join(c.rjust(4) for c in cs) + "\n" for a, cs in ROWS[:1])


def _found(text: str):
    return find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES)


def _read(text: str):
    text = "Tabel 1. Hovedtal\n\n" + text + "\nTeksten fortsætter med en almindelig sætning om budgettet.\n"
    found = _found(text)
    return [(a.value_dkk, a.year_from, a.kind) for a in found if a.year_from == a.year_to and not a.per_year]


@pytest.mark.parametrize("shape", [_tabs, _spaces, _pipes, _lines])
def test_every_shape_reads_every_cell_in_its_unit_and_year(shape):
    assert _read(shape()) == WANT


def test_years_one_space_apart_in_a_spaced_header_are_columns():
    assert _read(_years_one_space()) == WANT[:4]


def test_a_spaced_row_with_an_empty_cell_keeps_its_numbers_under_their_columns():
    # made up: the 2023 cell of "Anlæg" is empty
    text = (
        "(mio. kr.)\n"
        "                  B2024     R2024     B2025\n"
        "Drift              10,0      11,5      12,0\n"
        "Anlæg               4,0                 5,5\n"
    )
    assert _read(text)[-2:] == [(4_000_000, 2024, "anlæg"), (5_500_000, 2025, "anlæg")]


def test_row_numbers_and_percentages_are_no_amounts():
    # made up, in the style of an accounts' overview: a row number, two year columns, a deviation and its share
    text = (
        "1.000 kr.\tRegnskab 2024\tKorrigeret budget 2024\tAfvigelse\tPct.\n"
        "1\tServiceudgifter\t1.234,5\t1.200,0\t34,5\t2,9\n"
        "2\tAnlæg\t(200,0)\t-150,0\t-50,0\t33\n"
    )
    assert _read(text) == [
        (1_234_500, 2024, "service"), (1_200_000, 2024, "service"), (34_500, 2024, "service"),
        (200_000, 2024, "anlæg"), (150_000, 2024, "anlæg"), (50_000, 2024, "anlæg"),
    ]  # fmt: skip


def test_one_cell_a_line_with_a_header_over_the_labels_and_a_percent_column():
    # made up: "Område" heads the labels, "Pct." a column of shares
    text = "(mio. kr.)\nOmråde\nB2024\nR2024\nPct.\nServiceudgifter\n512,3\n498,1\n2,8\nAnlæg\n40,0\n22,7\n43\n"
    assert _read(text) == [
        (512_300_000, 2024, "service"), (498_100_000, 2024, "service"),
        (40_000_000, 2024, "anlæg"), (22_700_000, 2024, "anlæg"),
    ]  # fmt: skip


def test_one_cell_a_line_with_long_headers_and_a_row_numbering_the_columns():
    # made up, in the style of a committee's budget follow-up copied from its web page: headers
    # longer than a word or two, a row numbering the columns ("3 (1+2)") under a group label,
    # whose frame its rows take; the numbers of the columns are no sums
    text = (
        "I 1.000 kr.\nOpr. budget 2025\nTillægsbevillinger og omplaceringer\n"
        "Korr. budget 2025 ekskl. overførsler mellem årene\nForventet regnskab 2025\n"
        "Drift\n1\n2\n3 (1+2)\n4\nÆldre og sundhed\n1.200\n35\n1.235\n1.250\n"
        "Handicap\n800\n-20\n780\n790\n"
    )
    assert [(v, k) for v, _, k in _read(text)] == [
        (1_200_000, "drift"), (35_000, "drift"), (1_235_000, "drift"), (1_250_000, "drift"),
        (800_000, "drift"), (20_000, "drift"), (780_000, "drift"), (790_000, "drift"),
    ]  # fmt: skip


def test_a_numbered_row_of_labels_is_no_header():
    # made up, in the style of a pool's table of grants copied from its web page: each row opens
    # with its number, then the association's name (longer than a column's header)
    text = (
        "Bevilling 2025 (kr.)\n1\nForeningen for Unge Musikere i Byen\nInstrumenter\n3.000\n"
        "2\nRoklubben\nRobåd\n50.000\n"
    )
    found = _found(text)
    assert [a.value_dkk for a in found] == [3_000, 50_000]


def test_a_unit_in_a_row_of_its_own_applies_to_the_rows_below():
    # made up: a markdown table whose unit stands in the first body row
    text = (
        "| | Oprindeligt budget 2025 | Korrigeret budget 2025 |\n|---|---|---|\n"
        "| Beløb i 1.000 kr. | | |\n| Drift | 10.500 | 11.200 |\n"
    )
    assert _read(text) == [(10_500_000, 2025, "drift"), (11_200_000, 2025, "drift")]


def test_prose_with_double_spaces_is_no_table():
    text = "Der er afsat 4,0 mio. kr.  Beløbet dækker 2024  og 2025.\nUdvalget drøfter sagen  den 12. marts.\n"
    found = _found(text)
    assert [a.quote for a in found] == ["4,0 mio. kr."]


def test_the_line_announcing_a_table_gives_its_cells_its_frame():
    # made up, in the style of a closed projects' account: only the first column's header names a frame
    text = (
        "Anlægsregnskabet viser følgende:\nAfsluttede projekter (i 1.000 kr.)\n"
        "Projekt | Rådighedsbeløb 2013 | Forbrug 2013 | Total forbrug |\n"
        "Renovering af skolens tag | 173 | 166 | 677 |\n"
    )
    assert [a[2] for a in _read(text)] == ["anlæg", "anlæg", "anlæg"]


def test_a_table_announced_by_a_line_naming_no_frame_takes_none():
    text = "Udvalget får følgende oversigt:\n(i 1.000 kr.)\nForening | Tilskud 2024 |\nSpejderne | 40 |\nRoklubben | 25 |\n"
    assert [a[2] for a in _read(text)] == [None, None]


def test_a_web_table_with_its_unit_and_sign_note_in_the_first_header_cell():
    # made up, in the style of an accounts' main figures as an agenda system's web page
    # writes them: cells closed by "|", the unit and the sign convention in the cell over
    # the labels, a difference column without a year, result rows naming no frame
    text = (
        "Regnskabets hovedtal for 2023:\n"
        "mio. kr., + = udgift og - = indtægt | Oprindeligt budget 2023 | Regnskab 2023 | Afvigelse |\n"
        "Skatter og generelle tilskud | -2.100,4 | -2.110,9 | -10,5 |\n"
        "Serviceudgifter | 1.950,2 | 1.941,0 | -9,2 |\n"
        "Resultat af ordinær driftsvirksomhed | -150,2 | -169,9 | -19,7 |\n"
        "Optagne lån | -12,0 | -12,0 | 0,0 |\n"
    )
    assert _read(text) == [
        (2_100_400_000, 2023, None), (2_110_900_000, 2023, None), (10_500_000, 2023, None),
        (1_950_200_000, 2023, "service"), (1_941_000_000, 2023, "service"), (9_200_000, 2023, "service"),
        (150_200_000, 2023, None), (169_900_000, 2023, None), (19_700_000, 2023, None),
        (12_000_000, 2023, "finansposter"), (12_000_000, 2023, "finansposter"),
    ]  # fmt: skip


def test_a_web_table_row_broken_over_lines_heads_the_rows_below():
    # made up, in the style of a budget's result by year on an agenda system's web page:
    # a row of a label and empty cells written one cell a line ("Anlæg: |", "|", …) heads
    # the group of rows below it; the year header, the empty cells are no amounts
    text = (
        "Det samlede resultat er:\n"
        "Beløb i mio. kr. | 2025 | 2026 | 2027 |\n"
        "Indtægter i alt | -812,0 | -820,5 | -831,1 |\n"
        "Anlæg: |\n|\n|\n|\n"
        "Skoler | 12,5 | 8,0 | 8,0 |\n"
        "Veje | 4,1 | 4,1 | 3,0 |\n"
        "I alt | 16,6 | 12,1 | 11,0 |\n"
    )
    assert _read(text) == [
        (812_000_000, 2025, None), (820_500_000, 2026, None), (831_100_000, 2027, None),
        (12_500_000, 2025, "anlæg"), (8_000_000, 2026, "anlæg"), (8_000_000, 2027, "anlæg"),
        (4_100_000, 2025, "anlæg"), (4_100_000, 2026, "anlæg"), (3_000_000, 2027, "anlæg"),
        (16_600_000, 2025, None), (12_100_000, 2026, None), (11_000_000, 2027, None),
    ]  # fmt: skip


def test_a_web_table_row_is_no_sub_heading_for_the_prose_below():
    # made up: the last row of a table closed by "|" names a frame; the paragraph below is not under it
    text = (
        "(mio. kr.)\nPost | Regnskab 2023 |\nDrift | 40,0 |\nRenter | 2,5 |\n"
        "Resultatet blev bedre end ventet.\nDer er hentet 3 mio. kr. mere ind fra refusioner end budgetteret.\n"
    )
    found = _found(text)
    assert [(a.quote, a.kind) for a in found] == [("40,0", "drift"), ("2,5", "finansposter"), ("3 mio. kr.", None)]


def test_one_cell_a_line_with_a_header_over_the_labels_and_a_total_column():
    # made up: "Område" heads the labels, a total column ("I alt", no year of its own) ends the
    # header; each row reads from its own label
    text = "(mio. kr.)\nOmråde\n2024\n2025\nI alt\nDrift\n1,0\n2,0\n3,0\nAnlæg\n4,0\n5,0\n9,0\n"
    assert _read(text) == [
        (1_000_000, 2024, "drift"), (2_000_000, 2025, "drift"), (4_000_000, 2024, "anlæg"), (5_000_000, 2025, "anlæg"),
    ]  # fmt: skip


def test_a_total_column_beside_columns_of_one_year_takes_no_year():
    # made up in the style of an anlæg account: the year's budget and spending, then the
    # project's total over all its years; a total column beside several years' columns spans them
    one = "(i 1.000 kr.)\nProjekt | Rådighedsbeløb 2016 | Forbrug 2016 | Total bevilling | Total forbrug |\nSti | 212 | 198 | 845 | 803 |\n"
    several = "(i 1.000 kr.)\nProjekt | 2024 | 2025 | I alt |\nVej | 173 | 166 | 339 |\n"

    def years(text: str):
        found = _found(text)
        return [(a.value_dkk, a.year_from, a.year_to) for a in found]

    assert years(one) == [(212_000, 2016, 2016), (198_000, 2016, 2016), (845_000, None, None), (803_000, None, None)]
    assert years(several) == [(173_000, 2024, 2024), (166_000, 2025, 2025), (339_000, 2024, 2025)]


def test_a_total_column_summing_its_rows_cells_of_one_year_takes_that_year():
    # made up in the style of a follow-up table: drift and anlæg of one year and their sum
    text = (
        "| Område (kr.) | Drift 2024 | Anlæg 2024 | I alt |\n|---|---|---|---|\n"
        "| Plejecentre | 1.200.000 | 300.000 | 1.500.000 |\n"
    )
    found = _found(text)
    assert [(a.value_dkk, a.year_from, a.year_to) for a in found] == [
        (1_200_000, 2024, 2024), (300_000, 2024, 2024), (1_500_000, 2024, 2024),
    ]  # fmt: skip


def test_one_cell_a_line_under_a_long_caption_naming_the_unit():
    # made up in the style of a budget follow-up's main figures: a caption of a sentence's
    # length names the unit, the header's cells name no year (one of them over two lines), and
    # each row, down to the last, reads in that unit with its own label's frame
    text = (
        "Tabel 2. Forventet regnskab for året fordelt på hovedområder (1.000 kr.)\n"
        "Korrigeret budget\nForventet\nregnskab\nAfvigelse\n"
        "Renter\n-300\n-300\n0\nDriftsudgifter\n4.100\n4.250\n150\n"
        "Øvrige driftsudgifter\n1.200\n1.150\n-50\nAnlæg\n900\n700\n-200\n"
    )
    found = _found(text)
    assert [(a.value_dkk, a.kind) for a in found] == [
        (300_000, "finansposter"), (300_000, "finansposter"),
        (4_100_000, "drift"), (4_250_000, "drift"), (150_000, "drift"),
        (1_200_000, "drift"), (1_150_000, "drift"), (50_000, "drift"),
        (900_000, "anlæg"), (700_000, "anlæg"), (200_000, "anlæg"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # made up: a header cell naming the unit over rows of a label and its number, one a line
        "Mio. kr.\nRamme for 2024\n32,0\nRamme for 2025 (skønnet)\n28,0\nI alt\n60,0\n",
        # made up: a line naming the unit over column headers naming no year
        "(mio. kr.)\nBudget\nForbrug\nRamme for 2024\n32,0\n30,0\nRamme for 2025 (skønnet)\n28,0\n27,0\nI alt\n60,0\n57,0\n",
    ],
)
def test_one_cell_a_line_a_row_label_naming_a_year_gives_its_cells_that_year(text):
    # as in a table of tab-parted cells, a row's label names its cells' year when their column names none
    found = _found(text)
    years = {a.value_dkk: (a.year_from, a.year_to) for a in found}
    assert years[32_000_000] == (2024, 2024)
    assert years[28_000_000] == (2025, 2025)
    assert years[60_000_000] == (None, None)


@pytest.mark.parametrize(
    "table",
    [
        # made up in the words of a budget follow-up: one cell a line, under a unit line ...
        "Beløb i mio. kr.\nKorrigeret budget\nForventet regnskab\nAfvigelse\n",
        # ... or a caption naming the unit
        "Tabel 1: Overførsler og tillægsbevillinger på udvalgets område (mio. kr.)\n"
        "Korrigeret budget\nForventet regnskab\nAfvigelse\n",
        # ... or tab-parted cells
        "Mio. kr.\tKorrigeret budget\tForventet regnskab\tAfvigelse\n",
    ],
)
def test_a_row_label_naming_where_its_money_came_from_gives_no_year(table):
    rows = [("Overført fra 2023", ["12,5", "11,0", "-1,5"]), ("Tillægsbevilling vedtaget i 2023", ["3,2", "3,2"])]
    if "\t" in table:
        body = "".join(f"{label}\t" + "\t".join(cells) + "\n" for label, cells in rows)
    else:
        body = "".join(f"{label}\n" + "\n".join(cells) + "\n" for label, cells in rows)
    text = "Budgetopfølgning 2 2024\n\n" + table + body + "\nForvaltningen forventer et samlet mindreforbrug.\n"
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), "Budgetopfølgning 2 2024")
    # the cells are the follow-up's year's, as those of a row naming no year
    assert [(a.value_dkk, a.year_from, a.year_to) for a in found] == [
        (12_500_000, 2024, 2024), (11_000_000, 2024, 2024), (1_500_000, 2024, 2024),
        (3_200_000, 2024, 2024), (3_200_000, 2024, 2024),
    ]  # fmt: skip


def test_cells_one_a_line_under_a_header_naming_the_unit_take_no_year_from_a_source_label():
    # made up: a grant's row names the year it was granted in, not the year of its money
    text = "Bevilget (kr.)\nTilskud bevilget i 2023\n450.000\n"
    found = _found(text)
    assert [(a.value_dkk, a.year_from) for a in found] == [(450_000, None)]
    text = "Bevilget (kr.)\nTilskud for 2024\n450.000\n"
    found = _found(text)
    assert [(a.value_dkk, a.year_from) for a in found] == [(450_000, 2024)]


def test_one_length_parts_a_tables_caption_from_a_paragraph_in_every_reader():
    from extract.extractors.amount_tables import CAPTION_MAX

    # made up; the line above the table cut to the length (a longer line is a paragraph)
    words = "Tabel 1. Udgifterne for 2024 er fordelt på udvalgets områder, institutioner og puljerne herunder"
    for length, caption in ((CAPTION_MAX, True), (CAPTION_MAX + 1, False)):
        # one cell a line: the caption names the unit
        line = words[: length - len(" (mio. kr.)")] + " (mio. kr.)"
        text = line + "\nKorrigeret budget\nForventet regnskab\nDrift\n12,5\n11,0\n"
        found = _found(text)
        assert len(line) == length and [a.value_dkk for a in found] == ([12_500_000, 11_000_000] if caption else [])
        # a sum in a tab-parted cell: the caption names its year
        line = words[: length - 1] + ":"
        text = line + "\nOmråde\tBeløb\nDrift\t8.820 kr.\n"
        found = _found(text)
        assert len(line) == length and [a.year_from for a in found] == [2024 if caption else None]


@pytest.mark.parametrize("example", RULES_DATA["table_unit_header"]["examples"], ids=lambda e: e["text"][:30])
def test_rows_under_a_header_ending_in_the_unit_are_sums_in_that_unit(example):
    text = example["text"]
    found = _found(text)
    assert [a.value_dkk for a in found] == example["values"]


@pytest.mark.parametrize("example", RULES_DATA["table_unit_label_row"]["examples"], ids=lambda e: e["text"][:30])
def test_a_rows_figures_after_a_label_naming_the_unit_are_sums_in_that_unit(example):
    found = _found(example["text"])
    assert [a.value_dkk for a in found] == example["values"]
    assert [a.year_from for a in found] == example["years"]


def test_a_rows_figures_under_a_header_naming_the_unit_and_each_columns_day_are_sums_of_that_day():
    """A cash-balance table flattened to lines of single spaces ("Beløb i mio. kr." and a day for each
    column over "Likvide beholdning 212 225 274"): each figure a sum in millions in its column's year.
    Made up in the style of a finance committee's report on its cash; the same rows under a header
    naming no unit, or fewer days than figures, are no sums."""
    header = "Kommunen Beløb i mio. kr. 30. nov. 2014 31. dec. 2014 31. jan. 2015 28. feb. 2015\n"
    rows = "Likvide beholdning 212 225 274 298\nKassekreditregel 498 499 497 499\n"
    found = _found("Sagsfremstilling\n\n" + header + rows)
    assert [(a.value_dkk, a.year_from) for a in found] == [
        (212_000_000, 2014), (225_000_000, 2014), (274_000_000, 2015), (298_000_000, 2015),
        (498_000_000, 2014), (499_000_000, 2014), (497_000_000, 2015), (499_000_000, 2015),
    ]  # fmt: skip
    assert _found("Antal 30. nov. 2014 31. dec. 2014 31. jan. 2015 28. feb. 2015\n" + rows) == []
    assert _found("Beløb i mio. kr. 30. nov. 2014 31. dec. 2014\n" + rows) == []
