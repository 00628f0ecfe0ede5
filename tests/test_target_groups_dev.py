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
            ["unge"],
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
            ["dagpengemodtagere", "ledige_generelt", "seniorer"],  # the insured unemployed are on dagpenge
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
        # a Målgruppe section: pupils of the 8th and 9th form
        (
            "greve_beu_2025-01-06_p03_juniormesterlaere",
            "Juniormesterlæreordningen skal være et tilbud til alle elever",
            ["børn"],
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


def test_an_offer_in_a_list_of_costs_is_no_statement():
    # "… forsorgshjem/herberger og botilbud samt større indtægter fra resultattilskud for flygtninge."
    stem = "greve_beu_2025-02-03_p03_reform-boliganvisning"
    assert not [t for t in statements(stem) if t.quote.startswith("Det drejer sig om færre udgifter")]
