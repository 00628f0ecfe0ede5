"""Amounts of tables whose unit stands where only a reader looks for it (development corpus):
a column header naming a sum in kroner ("Beløb brutto", "Budget i kr.", "(kr. årligt)"),
columns that are a share or the mean of a money column, and a unit written in the label of
the closing total row ("I alt (beløb i mio. kr.)"). Counts and percentages beside them stay
no amount."""

from __future__ import annotations

from conftest import RULES as ALL_RULES
from test_amounts_dev import found

RULES = ALL_RULES["amounts.yml"]
KONTROL = "greve_beu_2025-06-02_p04_kontrol-sociale-ydelser-aarsrapport-2024"
PULJE = "greve_sou_2024-04-22_p07_paragraf-79-puljen-frie-midler"
BOLIG = "greve_beu_2025-02-03_p03_reform-boliganvisning"
TRYGHED = "greve_beu_2022-05-30_p08_tryghed-greve-nord-halvaarsstatus"


def row(stem: str, label: str):
    return [a for a in found(stem) if a.sentence.startswith(label + "\t")]


def test_sum_columns_without_a_unit_are_kroner_and_their_shares_too():
    # "Ydelse | Beløb brutto | Kommunal andel (gennemsnit) | Beløb netto": the share in % is no sum
    assert [(a.quote, a.value_dkk) for a in row(KONTROL, "Kontanthjælp")] == [
        ("1.107.647", 1107647),
        ("829.628", 829628),
    ]
    # "Kontrolenhed | Beløb brutto | Heraf kommunal andel | Heraf statslig andel"
    assert [a.value_dkk for a in row(KONTROL, "Greve Kommunes kontrolgruppe")] == [2159149, 1588931, 570218]
    # "Kilde | Modtaget antal | Heraf med provenu | Beløb i kr. | Gennem- snit": counts are no money
    assert [a.quote for a in row(KONTROL, "Politi")] == ["481.041"] * 4  # sum and mean, 2024 and 2021-24
    assert not [a for a in found(KONTROL) if a.quote in ("17", "64", "274")]


def test_kroner_per_year_in_column_headers_with_two_years():
    # "Beløb modtaget i 2022 og 2023 (kr. årligt) | Ansøgt beløb for 2024 og 2025 (kr. årligt) | …"
    got = [(a.value_dkk, a.year_from, a.year_to, a.per_year) for a in row(PULJE, "Greve Pensionistcenter")]
    assert got == [(21000, 2022, 2023, True), (21000, 2024, 2025, True), (10000, 2024, 2025, True)]
    # a cell of 0 states no sum
    assert [a.value_dkk for a in row(PULJE, "Bridgeklubben")] == [5000, 5000]


def test_budget_in_kroner_named_by_the_header_label():
    # "Budget i kr. (2022-PL) | 2022 | 2023 | 2024 | 2025"; "Afklares" and 0 are no sums
    # (a cell's value is the sum it names; its sign stays in the row's text)
    got = [(a.quote, a.value_dkk, a.year_from) for a in row(TRYGHED, "Tryghed i Greve Nord")]
    assert got == [("810.551", 810551, year) for year in (2022, 2023, 2024, 2025)]
    assert [(a.value_dkk, a.year_from) for a in row(TRYGHED, "Indsats 1 - Tryghedsvandring")] == [(10000, 2022)]


def test_unit_in_the_label_of_the_closing_total_row():
    # "I alt (beløb i mio. kr.)" closes a table whose header holds years and budget areas ("6.02")
    got = [(a.value_dkk, a.year_from) for a in row(BOLIG, "Lønudgift")]
    assert got == [(900000, 2025), (1500000, 2026), (1500000, 2027), (1500000, 2028)]
    assert not [a for a in found(BOLIG) if a.quote in ("1.01", "6.02", "8.02")]


def test_column_rule_examples():
    for rule in RULES.table_money_columns + RULES.table_part_columns:
        for example in rule.examples:
            assert rule.pattern.search(example), (rule.id, example)
    assert not any(p.pattern.search("Modtaget antal") for p in RULES.table_money_columns)
    assert not any(p.pattern.search("Heraf med provenu") for p in RULES.table_part_columns)
