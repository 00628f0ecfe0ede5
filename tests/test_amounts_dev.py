"""Amounts on real documents of other municipalities (the development corpus): budget
frames from headings, table rows and clauses; tables whose caption or header gives the
unit; year columns; what is not an amount (unit captions, year rows, counts)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from conftest import ROOT

from extract.pipeline import extract_file

DEV = ROOT.parent / "shared" / "dev-corpus" / "text"


@lru_cache(maxsize=None)
def found(stem: str):
    return extract_file(Path(DEV / f"{stem}.txt")).amounts


def at(stem: str, quote: str, near: str = "", nth: int = 1):
    """The ``nth`` amount quoted ``quote`` whose sentence holds ``near``."""
    hits = [a for a in found(stem) if a.quote == quote and near in a.sentence]
    assert len(hits) >= nth, f"{quote!r} near {near!r} not found in {stem}"
    return hits[nth - 1]


BO2 = "greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024"
BEU_BO2 = "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024"
BUDGET_26 = "greve_byraad_2025-09-08_p19_budget-2026-29-1-behandling"
OVERFOERSLER = "greve_byraad_2024-03-13_p11_drifts-og-anlaegsoverfoersler-2023-2024"
CYKEL = "aarhus_byraad_2025-10-08_p20_oekonomiteknisk-justering-cykelmidler"
BUDGET_25 = "greve_byraad_2024-10-02_p09_budget-2025-28-2-behandling"


@pytest.mark.parametrize(
    "stem,quote,near,kind",
    [
        # the clause names the frame: right after the amount, or before it
        (BO2, "22,5 mio. kr.", "uden for servicerammen", "overførsler"),
        (BO2, "35,7 mio. kr.", "på service", "service"),
        (BO2, "4,9 mio. kr.", "anlægsprojekter i 2024", "anlæg"),
        (BO2, "7,2 mio. kr.", "renter og realiseret kursgevinst", "finansposter"),
        (BO2, "4,2 mio. kr.", "driften på", "drift"),
        # a table row's label: "Overførselsudgifter<TAB>Der forventes et mindreforbrug udenfor servicerammen …"
        (BO2, "15,3 mio. kr.", "udenfor servicerammen", "overførsler"),
        # the heading above: "Drift inden for servicerammen" / "Drift uden for servicerammen"
        (BEU_BO2, "0,6 mio. kr.", "En Pose Penge", "service"),
        # a list that repeats its noun shares the frame: "reduktion af rådighedsbeløb i 2025 med -33,8 mio. kr., en reduktion med 0,7 mio. kr. i 2026, …"
        (CYKEL, "0,7 mio. kr.", "reduktion af rådighedsbeløb", "anlæg"),
        (CYKEL, "3,8 mio. kr.", "reduktion af rådighedsbeløb", "anlæg"),
        # "den tekniske serviceramme overskrides med 20,2 mio. kr. og den tekniske anlægsramme …"
        (BUDGET_25, "20,2 mio. kr.", "tekniske serviceramme", "service"),
        (BUDGET_25, "13,2 mio. kr.", "tekniske serviceramme", "anlæg"),
        # "den ordinære drift (før anlæg og finansielle poster) på mindst 120 mio. kr."
        (BUDGET_25, "120 mio. kr.", "ordinære drift", "drift"),
        # the heading "Eventuel sanktion og behov for ændret anlægsperiodisering" names no frame
        (BUDGET_25, "3 mia. kr.", "bloktilskuddet", None),
    ],
)
def test_kind_from_the_frame_the_amount_stands_under(stem, quote, near, kind):
    assert at(stem, quote, near).kind == kind


def test_table_with_unit_in_its_header_gives_amounts_with_their_row_frame():
    # "Serviceudgifter (mio. kr.)<TAB>Oprindelig Serviceramme …" then "Serviceudgifter<TAB>2.598,6 …"
    a = at(BO2, "2.598,6", "Serviceudgifter")
    assert (a.value_dkk, a.kind) == (2598600000, "service")
    # "<TAB>1.000 kr.<TAB>Oprindeligt budget …": rows "Drift udenfor servicerammen<TAB>898.124 …"
    row = at(BO2, "898.124")
    assert (row.value_dkk, row.kind, row.year_from) == (
        898124000,
        "overførsler",
        2024,
    )  # caption "Resultatoversigt 2024"
    assert at(BO2, "2.598.615").kind == "service"
    # the unit is no amount, nor the year of a header cell "Forventede udgifter 2024 mio.kr."
    assert not [a for a in found(BO2) if a.quote in ("1.000 kr.", "2024 mio.kr.")]
    assert at(BO2, "7,7", "Økonomiudvalget (DUT)").value_dkk == 7700000


def test_year_columns_give_each_cell_its_year_and_the_year_row_is_no_amount():
    # "Resultatopgørelse (mio. kr.)<TAB>2026<TAB>2027<TAB>2028<TAB>2029"
    cells = [a for a in found(BUDGET_26) if "Driftsudgifter\t" in a.sentence]
    assert [(a.quote, a.value_dkk, a.year_from, a.year_to) for a in cells] == [
        ("3.899,4", 3899400000, 2026, 2026),
        ("3.843,7", 3843700000, 2027, 2027),
        ("4.000,9", 4000900000, 2028, 2028),
        ("4.133,9", 4133900000, 2029, 2029),
    ]
    assert not [a for a in found(BUDGET_26) if a.quote in ("2026", "2027", "2028", "2029")]
    # a table without a unit ("Overholdelse af den økonomiske politik<TAB>Budget 2026") gives none
    assert not [a for a in found(BUDGET_26) if a.quote in ("14,1", "487,4")]


def test_caption_unit_and_column_header_years():
    # "Tabel 1: Drifts- og anlægsoverførsler fra 2023 til 2024 (mio. kr.)"; columns "Afvigelser 2023", "… budget 2024"
    first, second = (a for a in found(OVERFOERSLER) if a.sentence.strip().startswith("Anlæg\t"))
    assert (first.value_dkk, first.year_from, first.kind) == (73183000, 2023, "anlæg")
    assert (second.value_dkk, second.year_from) == (73183000, 2024)


def test_unit_of_one_column_and_of_one_row():
    # "Beløb i kr." heads one column: the counts beside it are not money
    stem = "greve_beu_2025-06-02_p04_kontrol-sociale-ydelser-aarsrapport-2024"
    rows = [a for a in found(stem) if a.sentence.startswith("Anonyme anmeldelser\t")]
    # the "Gennem- snit" column beside it is their mean, also in kroner (two years' tables)
    got = [(a.quote, a.value_dkk) for a in rows]
    assert got == [("265.043", 265043), ("132.522", 132522), ("818.219", 818219), ("116.888", 116888)]
    # "Gennemsnitspris i 1.000 kr.<TAB>415<TAB>705<TAB>70%": that row only, not "Helårspersoner<TAB>5,6"
    stem = "greve_shu_2025-01-06_p02_handleplan-specialiserede-voksenomraade-status"
    assert at(stem, "415").value_dkk == 415000
    assert not [a for a in found(stem) if a.quote == "5,6"]


def test_a_thousand_kroner_table_with_a_year_header():
    # "Besparelse (beløb i 1.000 kr.)<TAB>2023<TAB>2024?"
    stem = "greve_beu_2022-09-12_p04_anden-delaftale-nytaenkning-beskaeftigelse"
    a = at(stem, "3.223")
    assert (a.value_dkk, a.year_from) == (3223000, 2023)
    assert not [x for x in found(stem) if x.quote == "1.000 kr."]


def test_kroner_after_a_tab_is_not_the_next_cell():
    # "… 5.000 kr.<TAB>386.291 kr." was once read as "kr.<TAB>386.291"
    stem = "greve_kfu_2022-02-09_p06_udbetalt-tilskud-kultur-2021"
    assert not [a for a in found(stem) if "\t" in a.quote]
    assert at(stem, "386.291 kr.").value_dkk == 386291


def test_unit_caption_of_a_flattened_table_is_no_amount():
    # "I 1.000 kr. 2027 p/l" once gave "kr. 2027"
    stem = "koebenhavn_kfu_2026-10-22_p02_udmoentning-budget-2027"
    assert not [a for a in found(stem) if "2027" in a.quote or a.quote == "1.000 kr."]


def test_table_written_one_cell_a_line():
    # "I 1.000 kr. 2027 p/l", "2027" … "2030", "I alt", then "Service", "66.407", …
    stem = "koebenhavn_kfu_2026-10-22_p02_udmoentning-budget-2027"
    cells = [a for a in found(stem) if a.rule == "amount_table_cell"]
    assert [(a.quote, a.value_dkk, a.year_from, a.year_to, a.kind) for a in cells[:5]] == [
        ("66.407", 66407000, 2027, 2027, "service"),
        ("282.523", 282523000, 2028, 2028, "service"),
        ("264.048", 264048000, 2029, 2029, "service"),
        ("264.300", 264300000, 2030, 2030, "service"),
        ("877.278", 877278000, 2027, 2030, "service"),  # the "I alt" column: the years of the others
    ]
    assert {a.kind for a in cells[10:]} == {"finansposter"}  # "Finansposter" "/overførsler"
    # "3,6 mio. kr. på finansposter og overførsler": the frame named first
    assert at(stem, "3,6 mio. kr.").kind == "finansposter"
    # "… 877,3 mio. kr. på service, 793,5 mio. kr. på anlæg og 3,6 mio. kr. … i perioden 2027-2030"
    assert (at(stem, "877,3 mio. kr.").year_from, at(stem, "877,3 mio. kr.").year_to) == (2027, 2030)


def test_overfoersler_mv_rows_and_account_numbers_that_are_no_years():
    stem = "koebenhavn_kfu_2026-10-22_p03_anden-regnskabsprognose-2026"
    assert at(stem, "596,1").kind == "overførsler"  # "Overførsler mv. - KFF- udgifter (1560)"
    assert all(a.year_from != 2060 for a in found(stem))  # "Anlæg – KFF- indtægter (2060)"


KFU_PROGNOSE = "koebenhavn_kfu_2026-10-22_p03_anden-regnskabsprognose-2026"
ROBOT = "greve_sou_2025-06-02_p06_robotstoevsugere-hjemmeplejen"
TILSKUD = "greve_kfu_2022-02-09_p06_udbetalt-tilskud-kultur-2021"
KLIMA = "greve_ktm_2024-10-10_p05_klimapulje-2024-udmoentning"
BOLIGER = "greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper"
BO0 = "greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023"


def test_flat_table_whose_unit_cell_has_a_footnote_star():
    # "Mio kr.*" over "Korrigeret budget / Forventet regnskab / Afvigelse"; "Service-KFF (1060)" 2.125,6 …
    a = at(KFU_PROGNOSE, "2.125,6")
    assert (a.value_dkk, a.year_from, a.kind) == (2125600000, 2026, "service")


def test_amount_written_in_a_cell_takes_its_column_or_caption_year():
    # "Model 2<TAB>2025 (fra 1. juli)<TAB>2026 …" over "Robotstøvsuger u. gulvvask<TAB>8.820 kr.<TAB>22.932 kr. …"
    assert (at(ROBOT, "8.820 kr.").year_from, at(ROBOT, "22.932 kr.").year_from) == (2025, 2026)
    # caption "Udgifterne for 2021 er nærmere specificeret herunder:"; the cell's clause is its own row
    portalen = at(TILSKUD, "7.144.950 kr.")
    assert (portalen.year_from, portalen.kind) == (2021, None)


def test_a_row_year_cell_gives_the_years_of_its_row():
    # "Bevilling i mio. kr.<TAB>Forventet gennemførsel": "… (Byrådet den 4. september 2023 …)<TAB>0,65<TAB>2025-2027"
    assert (at(KLIMA, "0,65").year_from, at(KLIMA, "0,65").year_to) == (2025, 2027)
    assert at(KLIMA, "0,25", "Ladestandere").year_from == 2023  # "Ladestandere* (…)<TAB>-0,25<TAB>2023"


@pytest.mark.parametrize(
    "stem,quote,near,per_year",
    [
        # a rate of another period: "0,766 mio. kr. årligt og 64.000 kr. om måneden pr. borger"
        (BOLIGER, "64.000 kr.", "om måneden", False),
        # a range shares its rate: "i intervallet 0,250 – 4,0 mio. kr. årligt"
        (BOLIGER, "0,250", "intervallet", True),
        # "restgæld på 57,6 mio. kr. vil medføre en årlig besparelse på …": another sum's rate
        (BO0, "57,6 mio. kr.", "restgæld", False),
        # "overført merforbrug fra 2023 på 7,9 mio. kr.": where it came from, no yearly sum
        (BO2, "7,9 mio. kr.", "overført merforbrug fra 2023", False),
    ],
)
def test_per_year_belongs_to_the_amount_it_stands_with(stem, quote, near, per_year):
    assert at(stem, quote, near).per_year is per_year


def test_rows_take_the_frame_of_the_subtotal_that_closes_their_group():
    # "Tabel 1: Drifts- og anlægsoverførsler …" (two frames: no guide); rows above "Drift i alt"
    # are drift's (through the nested "En Pose Penge I alt"), those above "Anlæg i alt" anlæg's
    assert at(OVERFOERSLER, "4,946", "En Pose Penge automatiske").kind == "drift"
    assert at(OVERFOERSLER, "16,427", "Køb og Salg").kind == "anlæg"
    assert at(OVERFOERSLER, "63,212", "I alt").kind is None
