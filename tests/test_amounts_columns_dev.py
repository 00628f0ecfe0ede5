"""Amounts of tables whose unit stands where only a reader looks for it (development corpus):
a column header naming a sum in kroner ("Beløb brutto", "Budget i kr.", "(kr. årligt)"),
and columns that are a share or the mean of a money column. Counts and percentages beside
them stay no amount."""

from __future__ import annotations

from conftest import RULES as ALL_RULES
from test_amounts_dev import at, found

RULES = ALL_RULES["amounts.yml"]
KONTROL = "greve_beu_2025-06-02_p04_kontrol-sociale-ydelser-aarsrapport-2024"
PULJE = "greve_sou_2024-04-22_p07_paragraf-79-puljen-frie-midler"
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


def test_column_rule_examples():
    for rule in RULES.table_money_columns + RULES.table_part_columns:
        for example in rule.examples:
            assert rule.pattern.search(example), (rule.id, example)
    assert not any(p.pattern.search("Modtaget antal") for p in RULES.table_money_columns)
    assert not any(p.pattern.search("Heraf med provenu") for p in RULES.table_part_columns)


GENOPRETNING = "greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse"
AFTERSTATE = "greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024"


def test_sums_of_an_item_granting_anlaegsbevillinger_are_anlaeg():
    # every frame the item names is anlæg ("meddeles anlægsbevilling", "afsættes rådighedsbeløb")
    assert at(GENOPRETNING, "12,5 mio. kr.", "Der resterer 12,5 mio. kr. i puljen").kind == "anlæg"
    assert at(GENOPRETNING, "3,4 mio. kr.", "I alt vil projektet derfor").kind == "anlæg"
    # a budget follow-up names drift, service, anlæg and finansposter: no frame for the whole
    assert at(AFTERSTATE, "0,7 mio. kr.", "Budgetopfølgning 2 viser et samlet mindreforbrug").kind is None


def test_a_table_under_a_paragraph_takes_the_years_of_its_last_sentence_naming_them():
    # "… har administrationen opgjort resultatet samlet for årene 2021-24. Det ser sådan ud:"
    total = row(KONTROL, "I alt")
    four_years = [a for a in total if a.value_dkk == 6098572]
    assert [(a.year_from, a.year_to) for a in four_years] == [(2021, 2024)]
    # the first table, under a paragraph naming no year, keeps the year of the title (2024)
    assert [(a.year_from, a.year_to) for a in total if a.value_dkk == 2159149][0] == (2024, 2024)


OVERFOERSLER = "greve_byraad_2024-03-13_p11_drifts-og-anlaegsoverfoersler-2023-2024"
REGNSKAB = "greve_oeu_2025-04-09_p10_aarsregnskab-2024-til-revisionen"


def test_a_bare_number_takes_the_scale_of_the_amounts_of_its_sentence():
    # "-0,7 mio. kr. (-4,3 inkl. Ukraine) svarende til en forbedring på -13,7 mio. kr. (17,3 inkl. Ukraine)"
    assert at(AFTERSTATE, "4,3", "inkl. Ukraine").value_dkk == 4300000
    assert at(AFTERSTATE, "17,3", "inkl. Ukraine").value_dkk == 17300000
    # "… på 1,96 mio. kr. fra 2023 til 2024 heraf 1,63 fra drift til anlæg"
    assert at(OVERFOERSLER, "1,63", "heraf 1,63 fra drift").value_dkk == 1630000
    # "De automatiske overførsler på -3,492 (bilag 1) nedskrives med 0,786 mio. kr."
    assert at(OVERFOERSLER, "3,492", "nedskrives med 0,786 mio. kr.").value_dkk == 3492000
    # "… 3.489,8 mio. kr. (kolonne d) … i forhold til det korrigerede budget på 3.508,9 (kolonne c)"
    assert at(REGNSKAB, "3.508,9", "(kolonne c)").value_dkk == 3508900000
    # a sentence whose amounts are kroner gives a bare number no scale ("på 2,0 pct." is no sum either)
    assert not [a for a in found(OVERFOERSLER) if a.quote in ("2,0", "2")]


def test_no_scale_for_a_bare_number_when_the_sentence_has_kroner_or_several_scales():
    from test_amounts import amounts

    assert [a.quote for a in amounts("Prisen er 1.200 kr. (heraf 2,5 til moms).")] == ["1.200 kr."]
    mixed = "Der gives 0,5 mio. kr. og 500 t.kr. (heraf 2,5 til løn)."
    assert [a.quote for a in amounts(mixed)] == ["0,5 mio. kr.", "500 t.kr."]
    assert [a.value_dkk for a in amounts("Budgettet er 3,0 mio. kr. (1,5 ekskl. moms).")] == [3000000, 1500000]
