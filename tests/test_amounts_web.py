"""Amounts as agenda systems publish them on the web: tables exported to text (rows of cells
closed by "|", cells one a line under a header naming the unit) and minutes of several items."""

from __future__ import annotations

from conftest import RULES as ALL_RULES

from extract.extractors.amounts import find_amounts
from extract.structure.sentences import sentence_spans

RULES = ALL_RULES["amounts.yml"]


def amounts(text: str, title=None):
    return find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), title)


def test_a_pipe_table_under_a_thousand_kroner_caption_gives_its_cells_in_kroner():
    # made up in the genre's words: an anlægsregnskab exported from an agenda web page
    text = (
        "Anlægsregnskabet viser følgende:\n"
        "Afsluttede anlægsprojekter (i 1.000 kr.)\n"
        "Projekt | Rådighedsbeløb 2023 | Forbrug 2023 |\n"
        "Renovering af svømmehal | 1.250 | 1.180 |\n"
    )
    found = amounts(text)
    assert [(a.quote, a.value_dkk, a.year_from) for a in found] == [("1.250", 1250000, 2023), ("1.180", 1180000, 2023)]
    assert found[0].kind == "anlæg"  # its column's header "Rådighedsbeløb 2023"


def test_a_caption_unit_with_a_stray_full_stop_still_names_thousands():
    # made up: "(i 1.000. kr.)" is a slip for "(i 1.000 kr.)"
    text = "Regnskab (i 1.000. kr.)\nPost | Forbrug |\nVedligeholdelse | 166 |\n"
    assert [(a.quote, a.value_dkk) for a in amounts(text)] == [("166", 166000)]


def test_a_pipe_row_of_meeting_facts_gives_no_amount():
    text = "Dato: |\n05-03-2014 13:00:00 |\n---|---|\nUdvalg: |\nArbejdsmarkedsudvalget |\n"
    assert amounts(text) == []


def test_cells_one_a_line_under_a_header_naming_kroner_are_amounts():
    # made up in the genre's words: a pool's applications, exported one cell a line
    text = (
        "Ansøgninger til behandling på dette møde:\n\nAnsøger\n\nAktivitet\n\nAnsøgt (kr.)\n\n"
        "Indstilling (kr.)\n\nByens Musikforening\n\nSommerkoncert i parken 2025\n\n25.000\n\n"
        "20.000\n\nI alt\n\n25.000\n\n20.000\n\nAdministrationens bemærkninger\n\n"
        "Der er herefter 480.000 kr. tilbage i puljen."
    )
    found = amounts(text, "Kulturpuljen 2025 - status")
    assert [(a.quote, a.value_dkk) for a in found] == [
        ("25.000", 25000),
        ("20.000", 20000),
        ("25.000", 25000),
        ("20.000", 20000),
        ("480.000 kr.", 480000),
    ]
    assert {a.year_from for a in found} == {2025}  # the year of the title


def test_a_number_line_after_a_paragraph_is_no_cell_of_the_table_above():
    text = (
        "Beløb (kr.)\n\n12.000\n\n"
        "Administrationen bemærker, at foreningen i alt har 1.400 medlemmer i kommunen.\n\n1.400\n"
    )
    assert [a.value_dkk for a in amounts(text)] == [12000]


def test_a_small_count_under_a_kroner_header_is_no_sum():
    text = "Antal deltagere\n\nTilskud (kr.)\n\n12\n\n36.000\n"
    assert [a.value_dkk for a in amounts(text)] == [36000]


def test_a_budget_year_named_only_in_an_agenda_list_gives_the_document_no_year():
    # made up in the genre's words: minutes of several items, one of them about a budget
    text = (
        "Dagsorden\n10. Godkendelse af dagsorden\n11. Udmøntning af budget 2024 - puljer\n\n"
        "Sagsfremstilling\nDer frigives 1,5 mio. kr. til etablering af et nyt familiehus."
    )
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    assert [a.year_from for a in find_amounts(text, spans, RULES, (), "Referat", "2024-02-01")] == [None]
    prose = "Sagsfremstilling\nI budget 2024 er der afsat midler.\nDer frigives 1,5 mio. kr. til et nyt familiehus."
    spans = sentence_spans(prose, ALL_RULES["sentences.yml"])
    assert [a.year_from for a in find_amounts(prose, spans, RULES, (), "Referat", "2024-02-01")] == [2024]


def test_how_often_a_pool_takes_applications_is_no_yearly_sum():
    # made up in the style of a municipality's page of grant schemes
    text = "Puljen kan søges hele året. Ansøgninger om beløb over 20.000 kr. har frist 4 gange årligt."
    assert [(a.value_dkk, a.per_year) for a in amounts(text)] == [(20000, False)]
    text = "Foreningen modtager et tilskud på 15.000 kr. årligt."
    assert [(a.value_dkk, a.per_year) for a in amounts(text)] == [(15000, True)]


def test_the_frame_over_a_tables_unit_line_gives_its_cells_their_kind():
    # made up in the style of a municipality's page on its budget by committee, one cell a line
    text = (
        "Udvalgets andel af budgettet i overblik:\n\n  Drift - serviceudgifter\n\n  Budget 2026\n\n"
        "  (1.000 kr.)\n\n  Vej og Park\n\n  109.331\n\n  Kollektiv trafik\n\n  58.178\n"
    )
    found = amounts(text)
    assert [(a.quote, a.value_dkk, a.kind) for a in found] == [
        ("109.331", 109331000, "service"),
        ("58.178", 58178000, "service"),
    ]
