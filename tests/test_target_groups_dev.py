"""Target groups on real documents of other municipalities (the development corpus):
statements without a Målgruppe heading (rules that apply to a group, goals naming a share
of a group, lists of groups one a line) and the vocabulary grown from these documents."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from conftest import ROOT

from extract.pipeline import extract_file

DEV = ROOT.parent / "shared" / "dev-corpus" / "text"


@lru_cache(maxsize=None)
def statements(stem: str):
    return extract_file(Path(DEV / f"{stem}.txt")).target_groups


def starting(stem: str, words: str):
    hits = [t for t in statements(stem) if t.quote.startswith(words)]
    assert hits, f"no statement starting {words!r} in {stem}: {[t.quote[:60] for t in statements(stem)]}"
    return hits[0]


@pytest.mark.parametrize(
    "stem,words,groups,ages",
    [
        # a rule that applies to a group
        (
            "greve_beu_2025-08-11_p04_kontanthjaelpsreformen-status",
            "Grundsats (6.955 kr.) gælder for borgere under 30 år",
            ["kontanthjælpsmodtagere", "unge"],  # "borgere" of an item on the kontanthjælp reform
            (None, 29),
        ),
        (
            "greve_beu_2022-03-14_p04_nye-regler-uddannelseshjaelp",
            "Retten til selvfunden virksomhedspraktik og løntilskud, som i dag gælder for",
            ["dagpengemodtagere", "kontanthjælpsmodtagere", "uddannelseshjælpsmodtagere"],
            (None, None),
        ),
        # a result target naming a share of a group; a pool for the unemployed over 50
        (
            "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50",
            "Målet for projektet er, at mindst 98% af de deltagende seniorer",
            ["seniorer"],
            (None, None),
        ),
        (
            "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50",
            "Pulje til særlig indsats for forsikrede ledige over 50 år",
            ["dagpengemodtagere", "seniorer"],  # the insured unemployed are on dagpenge
            (50, None),
        ),
        # a list of groups, one a line, announced by "Boliger til særlige målgrupper drejer sig … om:"
        (
            "greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper",
            "Boliger til flygtninge fra Ukraine",
            ["indvandrere_flygtninge"],
            (None, None),
        ),
        # an offer for a group, in a pool's grants
        (
            "koebenhavn_fou_2026-10-20_p12_udviklingspuljen-boern-unge-tilsagn",
            "Formålet med projektet er at etablere et nyt aktivitetstilbud inden for boksning for piger under 25 år",
            ["unge"],
            (None, 24),
        ),
        (
            "koebenhavn_fou_2026-10-20_p12_udviklingspuljen-boern-unge-tilsagn",
            "Ajax Club Daily er et nyt foreningstilbud i dagtimerne for børn i alderen 3-11 år",
            ["børn"],
            (None, None),
        ),
        # a Målgruppe section, one statement a sentence that names a group: pupils of the 8th
        # and 9th form, then those of the 7th form the youth guidance must counsel
        (
            "greve_beu_2025-01-06_p03_juniormesterlaere",
            "Juniormesterlæreordningen skal være et tilbud til alle elever",
            ["skoleelever", "unge"],
            (None, None),
        ),
        (
            "greve_beu_2025-01-06_p03_juniormesterlaere",
            "Det indebærer, at den kommunale ungeindsats vil få en særlig vejledningsforpligtelse",
            ["skoleelever", "unge"],
            (None, None),
        ),
        (
            "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50",
            "I Greve Kommune er i alt 140 seniorer i målgruppen for projektet",
            ["seniorer"],
            (55, 66),
        ),
        # an effort, contact or rule for a group, in an agenda item's fields
        (
            "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50",
            "Sagen handler om, at Greve Kommune sammen med fem andre kommuner",
            ["dagpengemodtagere", "seniorer"],
            (50, None),
        ),
        (
            "greve_beu_2024-06-03_p06_status-handlingsplan-erhvervscentret",
            "Endvidere er påbegyndt en koordineret kontakt til nye virksomheder",
            ["virksomheder"],
            (None, None),
        ),
        (
            "greve_beu_2022-09-12_p04_anden-delaftale-nytaenkning-beskaeftigelse",
            "Kontaktforløbet for de forsikrede ledige skal forenkles",
            ["dagpengemodtagere"],
            (None, None),
        ),
        (
            "greve_beu_2022-09-12_p04_anden-delaftale-nytaenkning-beskaeftigelse",
            "Med aftale om ny ret til tidlig pension (2020)",
            ["personer_med_langt_arbejdsliv"],
            (None, None),
        ),
        # a group that receives something, as the subject of its sentence
        (
            "greve_beu_2024-06-03_p06_status-handlingsplan-erhvervscentret",
            "Alle nye virksomheder i kommunen modtager velkomstbrev",
            ["virksomheder"],
            (None, None),
        ),
        (
            "greve_beu_2025-01-06_p03_juniormesterlaere",
            "Elever på 7. årgang får introduktion til forløbet",
            ["skoleelever", "unge"],
            (None, None),
        ),
    ],
)
def test_statement_groups_and_ages(stem, words, groups, ages):
    t = starting(stem, words)
    assert (t.groups, (t.age_min, t.age_max)) == (groups, ages)


def test_every_item_of_a_list_written_one_a_line_is_a_statement():
    stem = "greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper"
    listed = [t.quote for t in statements(stem) if t.rule == "gruppe_liste"]
    assert listed == [
        "Boliger til borgere på forsorgshjem og herberger",
        "Boliger til borgere i midlertidige botilbud, der er klar til udskrivning fra botilbuddet til egen bolig med støtte",
        "Boliger til flygtninge fra Ukraine, der bor i kommunens midlertidige flygtningeboliger",
    ]


def test_a_firm_the_group_is_placed_with_is_not_a_target_group():
    t = starting("greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50", "Målet for projektet er")
    assert "virksomheder" not in t.groups


def test_the_administrations_assessment_is_no_statement():
    # "Administrationen vurderer, at såfremt der er fire måneder mellem tilbuddene til de unge, …"
    stem = "greve_beu_2022-03-14_p04_nye-regler-uddannelseshjaelp"
    assert not [t for t in statements(stem) if "vurder" in t.quote]


def test_a_share_of_the_group_says_more_about_the_statement_before_it():
    # the Målgruppe section's count of seniors by age stays with the statement it counts
    stem = "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50"
    quotes = [t.quote for t in statements(stem) if t.rule == "maalgruppe_section"]
    assert quotes[0].startswith("Projektet omfatter målgruppen af forsikrede ledige over 55 år")
    assert quotes[1].startswith("Alle øvrige ledige med en samlet ledighed på seks måneder")
    assert quotes[2].endswith("78 er mellem 60-66 år.")


def test_citizens_allocated_to_a_service_are_its_target_group():
    # "… 48 borgere er visiteret til hjælp til rengøring uden støvsugning."
    stem = "greve_sou_2025-06-02_p06_robotstoevsugere-hjemmeplejen"
    hits = [t for t in statements(stem) if "er visiteret til hjælp til rengøring" in t.quote]
    assert [(t.rule, t.groups) for t in hits] == [("visiteret_til", ["borgere_generelt"])]


def test_an_offer_in_a_list_of_costs_is_no_statement():
    # "… forsorgshjem/herberger og botilbud samt større indtægter fra resultattilskud for flygtninge."
    stem = "greve_beu_2025-02-03_p03_reform-boliganvisning"
    assert not [t for t in statements(stem) if t.quote.startswith("Det drejer sig om færre udgifter")]
