"""The rules of linking across documents (rules/initiatives.yml, rules/abbreviations.yml):
every example holds, and every quoted sentence occurs in a document of the corpora."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, RULES

from extract.links import editions, match, names
from extract.links import references as refs

IR = RULES["initiatives.yml"]
AR = RULES["abbreviations.yml"]
CURATED = names.curated(AR)
DEV_TEXT = ROOT.parent / "shared" / "dev-corpus" / "text"
HELD_OUT = ("aarhus_teknisk-udvalg_2025-10-01_p06", "greve_beu_2022-04-25_p05", "greve_kfu_2025-04-30_p06",
            "koebenhavn_biu_2026-10-19_p02", "syddjurs_2009-04-30_politik")  # fmt: skip


def _corpus_text() -> str:
    files = [p for p in (ROOT / "sources").iterdir() if p.suffix in (".txt", ".md")]
    files += [p for p in sorted(DEV_TEXT.glob("*.txt")) if not p.name.startswith(HELD_OUT)]
    return " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in files)


CORPUS = _corpus_text()
QUOTED = [
    *IR.continuation_examples,
    *(e for f in IR.fates for e in f.examples),
    *(e for a in AR.curated for e in a.examples),
    *(e["text"] for e in AR.definition_examples),
    *(e["text"].lstrip("- ") for e in IR.list_item_examples),
    *(e["text"] for e in IR.references.examples),
]


@pytest.mark.parametrize("quote", QUOTED, ids=[q[:40] for q in QUOTED])
def test_each_quoted_example_is_real_text_of_the_corpus(quote):
    assert " ".join(quote.split()).lstrip("- ") in CORPUS


@pytest.mark.parametrize("example", IR.generic_examples, ids=[e["heading"][:40] for e in IR.generic_examples])
def test_generic_words_leave_the_name(example):
    assert names.normalise(example["heading"], IR, CURATED) == example["name"]


def test_series_titles():
    assert all(editions.is_series(t, IR) for t in IR.series_examples)
    assert not any(editions.is_series(t, IR) for t in IR.series_not_examples)


def test_headings_that_name_nothing():
    assert all(IR.not_unit_heading.search(h) for h in IR.not_unit_examples)
    assert not any(IR.not_unit_heading.search(h) for h in IR.unit_examples)


@pytest.mark.parametrize("example", IR.list_item_examples, ids=[e["text"][:40] for e in IR.list_item_examples])
def test_list_items(example):
    found = [m.group("item") for m in IR.list_item.finditer(example["text"])]
    found = [f for f in found if not IR.not_unit_heading.search(f)]
    assert found == ([example["item"]] if example["item"] else [])


@pytest.mark.parametrize("example", IR.period_examples, ids=[e["title"] for e in IR.period_examples])
def test_budget_periods(example):
    m = IR.period.search(example["title"])
    assert (re.sub(r"\s", "", m.group(1)) if m else None) == example["period"]


@pytest.mark.parametrize("example", IR.edition_examples, ids=[f"{e['a']} ~ {e['b']}" for e in IR.edition_examples])
def test_editions_of_one_series(example):
    assert editions.same_series(example["a"], example["b"], IR) == example["same"]


def _item(doc: str, title: str) -> match.Unit:
    return match.Unit(doc, None, title, names.normalise(title, IR, CURATED), None, kind="item")


@pytest.mark.parametrize("example", IR.link_examples, ids=[f"{e['a']} ~ {e['b']}" for e in IR.link_examples])
def test_link_examples(example):
    found = match.link(_item("a", example["a"]), _item("b", example["b"]), IR)
    assert (found is not None) == example["linked"]


def test_never_a_link_inside_one_document():
    assert match.link(_item("a", "Jobrotation"), _item("a", "Jobrotation"), IR) is None


@pytest.mark.parametrize("example", IR.continuation_examples, ids=[e[:40] for e in IR.continuation_examples])
def test_continuation_phrases(example):
    assert IR.continuation.search(example)


FATES = [(f.fate, e) for f in IR.fates for e in f.examples]


@pytest.mark.parametrize("fate,example", FATES, ids=[e[:40] for _, e in FATES])
def test_fates(fate, example):
    assert editions.fate(example, IR) == (fate, example.lstrip())


CURATED_USES = [(a.abbr, e) for a in AR.curated for e in a.examples]


@pytest.mark.parametrize("abbr,example", CURATED_USES, ids=[f"{a}: {e[:30]}" for a, e in CURATED_USES])
def test_curated_abbreviations_are_used_as_words(abbr, example):
    assert abbr in names.used(example, CURATED)


@pytest.mark.parametrize("example", AR.definition_examples, ids=[e["text"][:40] for e in AR.definition_examples])
def test_definitions_found_in_text(example):
    found = [(d.abbr, d.expansion) for d in names.definitions(example["text"], AR)]
    assert found == ([(example["abbr"], example["expansion"])] if example["abbr"] else [])
    for d in names.definitions(example["text"], AR):
        assert example["text"][d.char_start : d.char_end] == d.quote


def test_an_abbreviation_in_a_name_is_expanded_before_names_are_compared():
    assert names.normalise("Ungeindsatsen (UU/JKS)", IR, CURATED) == (
        "ungeindsatsen ungdommens uddannelsesvejledning jobcenter københavn skelbækgade"
    )


def test_a_text_citing_a_documents_case_number_links_to_that_document():
    """A real sentence citing the City Council's decision by its case number."""
    citing = "Indstilling er godkendt i BR den 2. april 2009 (2009-19598) og implementeres af Økonomiforvaltningen."
    a = match.Unit("a", "s1", "Flere integrationsstillinger i Københavns Kommune", "", None, text=citing)
    b = match.Unit("b", None, "Integrationsstillinger", "", None, kind="item", case_number="2009-19598")
    found = match.link(a, b, IR)
    assert found is not None and found.basis == "reference"
    assert match.link(a, match.Unit("c", None, "x", "", None, kind="item", case_number="2009-19599"), IR) is None


RR = IR.references


@pytest.mark.parametrize("example", RR.examples, ids=[e["text"][:40] for e in RR.examples])
def test_meeting_citations(example):
    found = refs.citations(example["text"], RR)
    if example["body"] is None:
        assert found == []
    else:
        first = found[0].meeting
        assert (first.body, first.date, first.item) == (example["body"], example["date"], example["item"])
        assert found[0].quote in " ".join(example["text"].split())


@pytest.mark.parametrize("example", RR.path_examples, ids=[e["path"][-40:] for e in RR.path_examples])
def test_the_meeting_a_path_names(example):
    found = refs.meeting_of(example["path"], RR)
    if example["place"] is None:
        assert found is None
    else:
        assert found == refs.Meeting(example["place"], example["body"], example["date"], example["item"])


@pytest.mark.parametrize("example", RR.body_examples, ids=[f"{e['a']} ~ {e['b']}" for e in RR.body_examples])
def test_names_of_one_body(example):
    assert refs.same_body(example["a"], example["b"], RR) == example["same"]


def _doc_unit(path: str, title: str, text: str = "") -> match.Unit:
    return match.Unit(path, None, title, names.normalise(title, IR, CURATED), None, text=text, kind="item",
                      place=refs.place_of(path, RR), meeting=refs.meeting_of(path, RR))  # fmt: skip


def test_an_item_citing_a_meeting_item_links_to_it_when_the_citation_names_it():
    """The Greve BEU item on the control of social benefits cites the Plan- og
    Tryghedsudvalget's case "den 10. juni 2024 (punkt 14)" on the same control effort: it is
    linked to that item, and to no other item of that meeting or of another body."""
    path = "text/greve_beu_2025-06-02_p04_kontrol-sociale-ydelser-aarsrapport-2024.txt"
    citing = _doc_unit(path, "Kontrol med sociale ydelser. Årsrapport 2024 og forslag til business case",
                       (DEV_TEXT.parent / path).read_text(encoding="utf-8"))  # fmt: skip
    cited = _doc_unit("text/greve_ptu_2024-06-10_p14_kontrol-sociale-ydelser.txt", "Kontrolindsatsen")
    found = match.link(citing, cited, IR)
    assert found is not None and found.basis == "reference"
    assert found.quote == "Plan- og Tryghedsudvalget behandlede den 10. juni 2024 (punkt 14)"
    real = _doc_unit("text/greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper.txt",
                     "Samarbejde med boligselskaber om boliger til særlige målgrupper")  # fmt: skip
    assert match.link(citing, real, IR) is None  # punkt 12 of that meeting: another matter
    other = _doc_unit("text/greve_beu_2024-06-10_p14_kontrol-sociale-ydelser.txt", "Kontrolindsatsen")
    assert match.link(citing, other, IR) is None  # another body's item 14 of that day
    elsewhere = _doc_unit("text/roskilde_ptu_2024-06-10_p14_kontrol.txt", "Kontrolindsatsen")
    assert match.link(citing, elsewhere, IR) is None  # another municipality's
    unnamed = _doc_unit("text/greve_ptu_2024-06-10_p14_lukkedage.txt", "Lukkedage på rådhuset i julen")
    assert match.link(citing, unnamed, IR) is None  # the words around the citation do not name it


def test_a_citation_without_an_item_number_cites_no_item():
    """BEU's budget follow-up says the follow-up "blev behandlet i Byrådet den 2. oktober 2024";
    that meeting's item 9 in the corpus is the budget's 2. behandling, another matter."""
    path = "text/greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt"
    text = (DEV_TEXT.parent / path).read_text(encoding="utf-8")
    assert not [c for c in refs.citations(text, RR, "greve") if c.meeting.date == "2024-10-02"]


@pytest.mark.parametrize("example", RR.procedure_examples, ids=[e["text"][:40] for e in RR.procedure_examples])
def test_the_bodies_an_items_procedure_names(example):
    assert refs.procedure_bodies(example["text"], RR) == tuple(example["bodies"])


@pytest.mark.parametrize("example", RR.item_examples, ids=[e["text"][:40] for e in RR.item_examples])
def test_the_item_number_a_minutes_header_states(example):
    assert refs.item_in_text(example["text"], RR) == example["item"]


@pytest.mark.parametrize("area", IR.areas, ids=[a.area for a in IR.areas])
def test_budget_area_headings(area):
    """Each example heading names its area and no earlier one (the first area a heading matches is its area)."""
    for heading in area.examples:
        assert next(a.area for a in IR.areas if a.pattern.search(heading)) == area.area, heading


def test_area_headings_that_name_no_area():
    """A part of an area ("Renter", "Afkast kapitalforvaltning") or another area ("Øvrige
    driftsområder", "Driftsoverskud", "Drift inden for servicerammen") names none."""
    for heading in ("Renter", "Afkast kapitalforvaltning", "Øvrige driftsområder", "Driftsoverskud",
                    "Drift inden for servicerammen", "Forklaringer til regnskabsopgørelsen"):  # fmt: skip
        assert not any(a.pattern.search(heading) for a in IR.areas), heading


def test_the_meeting_an_item_is_comes_from_its_text_before_its_file_name():
    """Greve's PTU item of 10 June 2024 names its bodies in "Sagsprocedure": under a file name
    that names no meeting, its body comes from the text and its date from the metadata; the
    item number, which these texts do not state, comes from a minutes' header when one gives
    it, and from the file name only when the text does not."""
    text = (DEV_TEXT / "greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper.txt").read_text(encoding="utf-8")
    assert refs.meeting_of_document(text, "2024-06-10", "uploads/dagsorden.txt", RR) is None  # no item number
    assert refs.committee_of(text, "uploads/dagsorden.txt", RR) == "Plan- og Tryghedsudvalget"  # its committee
    header = "Plan- og Tryghedsudvalgets møde 10. juni 2024 Punkt 12: Boliger\n\n"
    found = refs.meeting_of_document(header + text, "2024-06-10", "uploads/dagsorden.txt", RR)
    assert found is not None and (found.body, found.date, found.item) == ("Plan- og Tryghedsudvalget", "2024-06-10", 12)
    assert found.bodies == ("Plan- og Tryghedsudvalget", "Social- og Handicapudvalget", "Økonomiudvalget", "Byrådet")
    path = "text/greve_xyz_2024-06-10_p12_boliger.txt"  # a file name with a wrong body: the text's wins
    named = refs.meeting_of_document(text, "2024-06-10", path, RR)
    assert named is not None and (named.place, named.body, named.item) == ("greve", "Plan- og Tryghedsudvalget", 12)
    citation = refs.Meeting("greve", "Økonomiudvalget", "2024-06-10", 12)  # a body of its procedure cites it too
    assert refs.cites(citation, named, RR)
    assert not refs.cites(refs.Meeting("greve", "Kultur- og Fritidsudvalget", "2024-06-10", 12), named, RR)
