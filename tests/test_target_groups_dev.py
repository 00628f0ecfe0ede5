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
        # a result target naming a share of a group; a pool for the unemployed over 50 (in its first sentence)
        (
            "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50",
            "Målet for projektet er, at mindst 98% af de deltagende seniorer",
            ["seniorer"],
            (None, None),
        ),
        (
            "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50",
            "Sagen handler om, at Greve Kommune sammen med fem andre kommuner",
            ["dagpengemodtagere", "seniorer"],  # the insured unemployed are on dagpenge (the pool's
            # name in the title is no statement: the labels take the sentence, not the title)
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
            ["piger", "unge"],
            (None, 24),
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
        # housing, money, places and offers given to a group, wherever the agenda field says it
        (
            "greve_oeu_2025-04-09_p27_flygtninge-ukraine-boliger",
            "Samlet set vurderes det derfor, at der skal findes boliger til ca. 55 flygtninge",
            ["indvandrere_flygtninge"],
            (None, None),
        ),
        (
            "greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper",
            "Baggrunden for denne indsats er ønsket om en større fleksibilitet",
            ["udsatte_voksne"],
            (None, None),
        ),
        (
            "greve_beu_2022-05-30_p08_tryghed-greve-nord-halvaarsstatus",
            "Koordineret familierettet indsats til de mest udsatte familier",
            ["udsatte_familier"],
            (None, None),
        ),
        (
            "greve_sbu_2023-01-10_p06_kapacitet-dagtilbud",
            "I denne sag fremlægges midlertidige løsningsforslag",
            ["børn"],
            (None, None),
        ),
        (
            "greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024",
            "Med den igangværende krig i Ukraine er det fortsat nødvendigt at huse fordrevne",
            ["indvandrere_flygtninge"],
            (None, None),
        ),
        (
            "greve_byraad_2024-03-13_p11_drifts-og-anlaegsoverfoersler-2023-2024",
            "En Pose Penge omfatter decentrale kommunale og selvejende institutioner",
            ["institutioner"],
            (None, None),
        ),
        (
            "greve_beu_2024-01-08_p04_pulje-digitalt-udfordrede-ledige",
            "FVU er et undervisningstilbud til",
            ["borgere_generelt"],
            (25, None),
        ),
        # groups that apply for, are granted or receive something; a rule of leave for the staff
        (
            "greve_sou_2024-04-22_p07_paragraf-79-puljen-frie-midler",
            "På samme møde blev det besluttet, at de frie midler uddeles",
            ["foreninger"],
            (None, None),
        ),
        (
            "koebenhavn_fou_2026-10-20_p12_udviklingspuljen-boern-unge-tilsagn",
            "Jernbanebyen Idrætsforening fået bevilliget",
            ["foreninger"],
            (None, None),
        ),
        (
            "greve_sou_2025-06-02_p06_robotstoevsugere-hjemmeplejen",
            "Borgere, der er bevilget hjælp til rengøring",
            ["hjemmeplejemodtagere"],
            (None, None),
        ),
        (
            "greve_oeu_2024-08-28_p08_lukkedage-julen-2024",
            "Hvis rådhuset er lukket den pågældende dag, vil medarbejderne",
            ["medarbejdere"],
            (None, None),
        ),
        # a project's purpose names whom it is for
        (
            "koebenhavn_fou_2026-10-20_p12_udviklingspuljen-boern-unge-tilsagn",
            "Projektets formål er at styrke pigers deltagelse",
            ["piger"],
            (None, None),
        ),
        # children's ages are ages ("3-11 år"), and a statement about children is not about "unge"
        (
            "koebenhavn_fou_2026-10-20_p12_udviklingspuljen-boern-unge-tilsagn",
            "Ajax Club Daily er et nyt foreningstilbud i dagtimerne for børn i alderen 3-11 år",
            ["børn"],
            (3, 11),
        ),
        # "børn og unge" is both groups
        (
            "greve_beu_2022-05-30_p08_tryghed-greve-nord-halvaarsstatus",
            "Idræts- og Fritidssekretariatet har med støtte fra TrygFonden iværksat et projekt",
            ["børn", "unge"],
            (None, None),
        ),
        # a requirement put to a scheme's participants; a young group offered a job ("15-17½")
        (
            "greve_beu_2022-05-30_p08_tryghed-greve-nord-halvaarsstatus",
            "Kravet til deltagerne i ordningen er, at den unge passer sin skole",
            ["unge"],
            (None, None),
        ),
        (
            "greve_beu_2022-05-30_p08_tryghed-greve-nord-halvaarsstatus",
            "I forslaget til indsats indgår det, at skolesøgende unge i alderen 15-17½",
            ["kriminalitetstruede", "unge"],
            (15, 17),
        ),
        # a sum given to each member of a group
        (
            "greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse",
            "Der er afsat op til 4 mio. kr. til hver kommune",
            ["kommuner"],
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
    assert [(t.rule, t.groups) for t in hits] == [("visiteret_til", ["hjemmeplejemodtagere"])]


def test_an_offer_in_a_list_of_costs_is_no_statement():
    # "… forsorgshjem/herberger og botilbud samt større indtægter fra resultattilskud for flygtninge."
    stem = "greve_beu_2025-02-03_p03_reform-boliganvisning"
    assert not [t for t in statements(stem) if t.quote.startswith("Det drejer sig om færre udgifter")]


def test_the_help_offered_is_not_the_group_granted_it():
    # "Administrationen har således opnået en besparelse ved at tilbyde hjælp til rengøring med robotstøvsugere."
    stem = "greve_sou_2025-06-02_p06_robotstoevsugere-hjemmeplejen"
    assert not [t for t in statements(stem) if t.quote.startswith("Administrationen har således opnået")]


def test_those_outside_the_target_group_are_no_statement():
    # "Det vil sige, at ledige der får en indsats med tolkning, ikke er i målgruppen for projektet."
    stem = "greve_beu_2024-01-08_p04_pulje-digitalt-udfordrede-ledige"
    # (it says more about the statement before it in the Målgruppe section)
    assert not [t for t in statements(stem) if t.quote.startswith("Det vil sige, at ledige der får en indsats")]


def test_housing_named_after_a_group_is_no_group():
    # "… et restbudget på 5,7 mio. kr. i anlægsmidler til flygtningeboliger."
    stem = "greve_oeu_2025-04-09_p27_flygtninge-ukraine-boliger"
    assert not [t for t in statements(stem) if "anlægsmidler til flygtningeboliger" in t.quote]


def test_a_group_hidden_by_a_word_before_it_is_read_from_the_cue():
    """'… de midler der i forvejen gives til Tune Idrætsforening': the "i" before the club's
    name hides it in the whole sentence, but the offer's cue names it."""
    t = [
        t
        for t in statements("greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse")
        if "gives til Tune Idrætsforening" in t.quote
    ]
    assert t and t[0].groups == ["foreninger"]


@pytest.mark.parametrize(
    "name",
    [
        "syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf",
        "syddjurs_2013-06-20_kulturkommune-2017-arbejdsoplaeg.pdf",
    ],
)
def test_experiences_offered_to_the_citizens_name_them_as_the_group(name):
    """A plan's goal '… kulturoplevelser til kommunens borgere': after an offer or experience
    "borgere" alone says whom it is for."""
    rows = extract_file(DEV.parent / "pdf" / name).target_groups
    hits = [t for t in rows if "kulturoplevelser til kommunens borgere" in t.quote]
    assert hits and all(t.groups == ["borgere_generelt"] and t.rule == "oplevelser_til_borgere" for t in hits)


def test_the_municipalitys_service_to_its_citizens_is_no_offer_to_a_group():
    # "… den økonomiske ramme for kommunens aktiviteter og service til borgerne"
    rows = statements("greve_byraad_2025-09-08_p19_budget-2026-29-1-behandling")
    assert not [t for t in rows if "service til borgerne" in t.quote]
