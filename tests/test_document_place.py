"""The municipality a document is of (extract/extractors/document_place.py, rules/places.yml):
each rule's examples, and every document of the development corpus and of ``sources/``
against the municipality its source names (the corpus README's source of each file)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from conftest import ROOT, SOURCES

from extract.extractors.document_place import find_place, place_in_file_name, place_in_text, place_key
from extract.pipeline import project_rules, read_source

RULES = project_rules()
R = RULES["places.yml"]
DEV = ROOT.parent / "shared" / "dev-corpus"

# the municipality (or region) of each development document, as the corpus README's source
# line gives it (its data file's municipality), not as the reader found it
DEV_PLACES = {
    "text/aarhus_byraad_2025-10-08_p02_forslag-budget-2026-2029.txt": "Aarhus",
    "text/aarhus_byraad_2025-10-08_p20_oekonomiteknisk-justering-cykelmidler.txt": "Aarhus",
    "text/aarhus_byraad_2025-10-08_p24_byggemodning-trige.txt": "Aarhus",
    "text/aarhus_teknisk-udvalg_2025-10-01_p06_maaltal-busfremkommelighed.txt": "Aarhus",
    "text/ballerup_kmb-it-udvalget_2013-05-15_p02_standard-it-arbejdsplads.txt": "Ballerup",
    "text/greve_beu_2022-03-14_p04_nye-regler-uddannelseshjaelp.txt": "Greve",
    "text/greve_beu_2022-04-25_p05_intensiveret-indsats-ledighedsydelse.txt": "Greve",
    "text/greve_beu_2022-05-30_p08_tryghed-greve-nord-halvaarsstatus.txt": "Greve",
    "text/greve_beu_2022-05-30_p10_budgetopfoelgning-1-2022.txt": "Greve",
    "text/greve_beu_2022-09-12_p04_anden-delaftale-nytaenkning-beskaeftigelse.txt": "Greve",
    "text/greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50.txt": "Greve",
    "text/greve_beu_2024-01-08_p04_pulje-digitalt-udfordrede-ledige.txt": "Greve",
    "text/greve_beu_2024-06-03_p06_status-handlingsplan-erhvervscentret.txt": "Greve",
    "text/greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt": "Greve",
    "text/greve_beu_2025-01-06_p03_juniormesterlaere.txt": "Greve",
    "text/greve_beu_2025-02-03_p03_reform-boliganvisning.txt": "Greve",
    "text/greve_beu_2025-06-02_p04_kontrol-sociale-ydelser-aarsrapport-2024.txt": "Greve",
    "text/greve_beu_2025-08-11_p04_kontanthjaelpsreformen-status.txt": "Greve",
    "text/greve_byraad_2024-03-13_p11_drifts-og-anlaegsoverfoersler-2023-2024.txt": "Greve",
    "text/greve_byraad_2024-10-02_p09_budget-2025-28-2-behandling.txt": "Greve",
    "text/greve_byraad_2025-09-08_p19_budget-2026-29-1-behandling.txt": "Greve",
    "text/greve_kfu_2022-02-09_p06_udbetalt-tilskud-kultur-2021.txt": "Greve",
    "text/greve_kfu_2025-04-30_p06_handicappulje-2025.txt": "Greve",
    "text/greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse.txt": "Greve",
    "text/greve_ktm_2024-10-10_p05_klimapulje-2024-udmoentning.txt": "Greve",
    "text/greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023.txt": "Greve",
    "text/greve_oeu_2023-05-08_p08_budget-2024-27-status.txt": "Greve",
    "text/greve_oeu_2023-11-27_p08_tids-og-procesplan-budget-2025-28.txt": "Greve",
    "text/greve_oeu_2024-02-28_p04_budget-2025-28-status-og-maaltal.txt": "Greve",
    "text/greve_oeu_2024-08-28_p08_lukkedage-julen-2024.txt": "Greve",
    "text/greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024.txt": "Greve",
    "text/greve_oeu_2025-04-09_p10_aarsregnskab-2024-til-revisionen.txt": "Greve",
    "text/greve_oeu_2025-04-09_p27_flygtninge-ukraine-boliger.txt": "Greve",
    "text/greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper.txt": "Greve",
    "text/greve_sbu_2023-01-10_p06_kapacitet-dagtilbud.txt": "Greve",
    "text/greve_shu_2025-01-06_p02_handleplan-specialiserede-voksenomraade-status.txt": "Greve",
    "text/greve_sou_2024-04-22_p07_paragraf-79-puljen-frie-midler.txt": "Greve",
    "text/greve_sou_2025-06-02_p06_robotstoevsugere-hjemmeplejen.txt": "Greve",
    "text/koebenhavn_biu_2026-10-19_p02_udmoentning-budgetaftalen-2027.txt": "København",
    "text/koebenhavn_fou_2026-10-20_p12_udviklingspuljen-boern-unge-tilsagn.txt": "København",
    "text/koebenhavn_kfu_2026-10-22_p02_udmoentning-budget-2027.txt": "København",
    "text/koebenhavn_kfu_2026-10-22_p03_anden-regnskabsprognose-2026.txt": "København",
    "text/region-hovedstaden_forretningsudvalget_2012-09-25_p02_hospitalsudstyr-patientnaere-arealer.txt": (
        "Region Hovedstaden"
    ),
    "text/region-hovedstaden_forretningsudvalget_2012-09-25_p03_konference-infrastruktur-vaekst.txt": (
        "Region Hovedstaden"
    ),
    "pdf/ballerup_2012-11-19_notat-torvevej-budgettilpasning-2013-2014.pdf": "Ballerup",
    "pdf/ballerup_2013-01-03_bilag-kl-brev-monopolbrud.pdf": "Ballerup",  # KL's letter, a bilag of Ballerup's
    "pdf/syddjurs_2009-04-30_politik-kultur-og-fritid-lokalt-engagement.pdf": "Syddjurs",
    "pdf/syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf": "Syddjurs",
    "pdf/syddjurs_2013-06-20_kulturkommune-2017-arbejdsoplaeg.pdf": "Syddjurs",
}


def _read(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_source(path, RULES)


def test_every_municipality_and_region_once():
    kinds = [p.kind for p in R.places]
    assert (kinds.count("municipality"), kinds.count("region")) == (98, 5)
    assert len({p.name for p in R.places}) == 103


@pytest.mark.parametrize(
    "cue,example", [(c, e) for c in R.cues for e in c.examples], ids=lambda x: getattr(x, "id", "")
)
def test_cue_examples(cue, example):
    m = cue.pattern.search(example["text"])
    got = R.by_form.get(place_key(m.group("place"))) if m else None
    assert got == example["place"], example["text"]


@pytest.mark.parametrize("pattern,example", R.citing_examples)
def test_citing_examples(pattern, example):
    assert bool(pattern.search(example["text"][-R.citing_window :])) is example["cited"], example["text"]


@pytest.mark.parametrize("sender,example", [(s, e) for s in R.other_senders for e in s.examples])
def test_other_sender_examples(sender, example):
    assert bool(sender.pattern.search(example["text"])) is example["sender"]


@pytest.mark.parametrize("example", R.examples, ids=lambda e: e["file"])
def test_document_examples(example):
    found = find_place(example["text"], example["file"], R)
    assert (found.municipality or None, found.basis) == (example["place"], example["basis"])


def test_a_citation_of_another_municipality_does_not_outweigh_the_senders_own():
    text = (
        "Greve Kommune har fået tilsagn fra puljen. Projektet gennemføres i samarbejde med Solrød Kommune, "
        "ligesom Roskilde Kommune har gjort det. Greve Kommunes jobcenter står for det."
    )
    assert place_in_text(text, R).municipality == "Greve"
    assert place_in_text("Projektet gennemføres i samarbejde med Solrød Kommune.", R) is None


def test_a_tie_between_two_municipalities_is_unknown():
    assert place_in_text("Greve Kommune og Køge Kommune. Køge Kommune og Greve Kommune.", R) is None


def test_file_names_of_agenda_items_and_others():
    assert place_in_file_name("hoeje-taastrup_oeu_2020-01-01_p01_x.txt", R) == "Høje-Taastrup"
    assert place_in_file_name("lyngby-taarbaek_oeu_2023-12-14_budgetproces-2025-28.txt", R) == "Lyngby-Taarbæk"
    assert place_in_file_name("sources/koebenhavn_biu_2026-10-19_p02_x.txt", R) == "København"
    assert place_in_file_name("greve.pdf", R) == "Greve"
    assert place_in_file_name("greveskolen-budget.pdf", R) == ""  # a word that starts with a name is no name
    assert place_in_file_name("budget-2013-nye-initiativer.md", R) == ""


@pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus is not there")
@pytest.mark.parametrize("name", sorted(DEV_PLACES))
def test_each_development_document_is_of_its_municipality(name):
    found = find_place(_read(DEV / name).text, Path(name).name, R)
    assert found.municipality == DEV_PLACES[name]


def test_each_corpus_document_is_of_copenhagen_by_its_text():
    for path in sorted(p for p in SOURCES.iterdir() if p.is_file() and not p.name.startswith(".")):
        found = find_place(_read(path).text, path.name, R)
        assert (found.municipality, found.basis) == ("København", "text"), path.name


# The texts below are made up, in the genre's words (a reviewer's failing inputs).


def test_a_file_names_municipality_is_not_outvoted_by_the_names_its_body_counts():
    partner = (
        "Sagsfremstilling\n\nKøge Kommune er projektejer på Ungeindsatsen. Køge Kommune ansætter en koordinator, "
        "og Køge Kommune afholder udgiften til lokaler. Greve Kommune bidrager med 200.000 kr."
    )
    found = find_place(partner, "greve_beu_2024-01-08_p05_ungeindsats.txt", R)
    assert (found.municipality, found.basis) == ("Greve", "file_name")
    region = (
        "Sagsfremstilling\n\nRegion Sjælland har bevilget 2 mio. kr. til projektet. Region Sjælland stiller krav "
        "om evaluering. Køge Kommune skal medfinansiere."
    )
    assert find_place(region, "koege_sou_2024-01-08_p05_x.txt", R).municipality == "Køge"


def test_a_senders_letterhead_or_web_address_overrides_a_file_name():
    letter = "Solrød Kommune\nTeknik og Miljø\n\nHøringssvar\n\nGreve Kommune har sendt planen i høring."
    assert find_place(letter, "greve_ptu_2024-06-10_p12_bilag.pdf", R).municipality == "Solrød"
    mail = "Fra: jens@solrod.dk\nEmne: Høringssvar\n\nVi har læst planen."
    assert find_place(mail, "greve_ptu_2024-06-10_p12_bilag.pdf", R).municipality == "Solrød"


def test_two_municipalities_named_together_are_a_tie():
    assert place_in_text("Fælles projekt\n\nGreve Kommune og Solrød Kommune etablerer et fælles jobcenter.", R) is None
    assert place_in_text("Samarbejdsaftale mellem Greve Kommune og Køge Kommune om ungeindsats.", R) is None


def test_a_letterhead_line_outweighs_a_pair_in_the_header():
    text = "Herlev Kommune\n\nNotat\n\nBallerup Kommune og Herlev Kommune indgår et samarbejde om jobcentret."
    assert place_in_text(text, R).municipality == "Herlev"
    region = "Region Hovedstaden\n\nSundhedsaftale\n\nHvidovre Kommune har udviklet et tilbud. Hvidovre Kommune står for det."
    assert place_in_text(region, R).municipality == "Region Hovedstaden"


@pytest.mark.parametrize(
    "text",
    [
        "Beskæftigelsesministeriet\nStyrelsen for Arbejdsmarked og Rekruttering\nwww.star.dk\n\nTil Odense Kommune\n\n"
        "Odense Kommune har ansøgt om midler fra puljen.",
        "Ankestyrelsen\n\nAnkestyrelsen har modtaget klage over Greve Kommune. Greve Kommune har truffet afgørelse.",
        "KL\nWeidekampsgade 10\n\nTil kommunerne\n\nGreve Kommune har rejst spørgsmålet. Greve Kommune foreslår en model.",
    ],
)
def test_a_letter_of_a_state_body_or_kl_is_not_of_the_municipality_it_names(text):
    assert place_in_text(text, R) is None


def test_every_citing_entry_is_read():
    text = "Sagsfremstilling\n\nAnkestyrelsen har behandlet en klage over Køge Kommune. Greve Kommune har svaret."
    assert place_in_text(text, R).municipality == "Greve"


@pytest.mark.parametrize(
    "text,file,place",
    [
        ("Se mere på https://www.sonderborgkommune.dk/puljer", "x.txt", "Sønderborg"),
        ("Kontakt: rodovre@rk.dk", "x.txt", "Rødovre"),
        ("Høje Taastrup Kommune\nBørn og Unge", "x.txt", "Høje-Taastrup"),
        ("Notat", "sonderborg_bu_2020-01-01_x.pdf", "Sønderborg"),
        ("Notat", "hillerod_x.pdf", "Hillerød"),
        ("Notat", "ishoj_x.pdf", "Ishøj"),
        ("Notat", "helsingor_x.pdf", "Helsingør"),
    ],
)
def test_both_ascii_spellings_and_a_hyphen_as_a_space(text, file, place):
    assert find_place(text, file, R).municipality == place


def test_a_third_partys_hyphenated_domain_is_not_the_municipalitys():
    assert place_in_text("Læs mere på visit-faxe.dk om sommerens tilbud.", R) is None
