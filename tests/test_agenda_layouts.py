"""Agenda items and minutes as other municipalities' agenda systems lay them out on the web:
the field names of those systems, numbered items with their fields one level below, the
lines of the item's record and the page's buttons that are no headings.

The development corpus holds only a few agenda systems (Greve, Aarhus, København, Region
Hovedstaden, Ballerup); the documents here are made up in the style of the others (numbered
items through the year, "Sagstema"/"Redegørelse", "Udskriv"/"Til toppen" buttons, pages
copied without blank lines) and name no real case."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import RULES as ALL_RULES
from conftest import extract_text

from extract.pipeline import load_rule_file
from extract.read.text import read_text_source
from extract.rules import RULES_DIR, RuleError
from extract.structure.agenda import colon_label, meeting_part
from extract.structure.agenda_lines import field_at_start, joined_parts, procedural_name, unglue
from extract.structure.sections import find_sections

RULES = ALL_RULES["headings.yml"]
AGENDA = RULES.agenda


def outline(text: str) -> list[tuple[int, str, str]]:
    src = read_text_source(Path("referat.txt"), text.encode("utf-8"), ALL_RULES["ocr_repair.yml"])
    return [(s.level, s.heading, s.role) for s in find_sections(src, RULES) if s.heading]


MINUTES = """14. maj 2024

Deltagere:

 • Anne Holm (A)
 • Peter Lund (V)

41. Godkendelse af dagsorden

Udskriv

Sagstema

Dagsordenen for mødet forelægges til godkendelse.

Redegørelse

Ifølge forretningsordenen godkendes dagsordenen som første punkt.

Retsgrundlag

Styrelsesvedtægten.

Økonomiske konsekvenser

Ingen.

Andre konsekvenser

Ingen.

Høring og sagsgang

Udvalget den 14. maj 2024

Indstilling

Til godkendelse.

Beslutning

Godkendt.

Til toppen

42. Ny model for visitation til aktivitetstilbud

Udskriv

Sagstema

Forvaltningen fremlægger en ny model for visitation.

Redegørelse

Modellen er udarbejdet i samarbejde med tilbuddene.

Ældrerådet:

Ældrerådet bakker op om modellen og ser frem til at følge den første evaluering.

Indstilling

Forvaltningen indstiller, at modellen godkendes.
"""


def test_numbered_items_hold_their_fields_one_level_down():
    assert outline(MINUTES) == [
        (1, "Deltagere", "other"),  # a part of the meeting's record above the items
        (1, "41. Godkendelse af dagsorden", "punkt"),
        (2, "Sagstema", "other"),
        (2, "Redegørelse", "sagsfremstilling"),
        (2, "Retsgrundlag", "lovgrundlag"),
        (2, "Økonomiske konsekvenser", "oekonomi"),
        (2, "Andre konsekvenser", "other"),
        (2, "Høring og sagsgang", "other"),
        (2, "Indstilling", "indstilling"),
        (2, "Beslutning", "beslutning"),
        (1, "42. Ny model for visitation til aktivitetstilbud", "punkt"),
        (2, "Sagstema", "other"),
        (2, "Redegørelse", "sagsfremstilling"),
        (3, "Ældrerådet", "other"),  # a short label over running text
        (2, "Indstilling", "indstilling"),
    ]


def test_an_item_after_lines_of_its_record():
    text = (
        "Referat for Teknisk Udvalg møde den 4. juni 2024\n\nÅBNE SAGER\n\n117. Frigivelse af anlægsbevilling til fortov på Skolevej\nSagsnr.: 2024-001234\n"
        "Sagsbehandler: Anne Holm\n\nPræsentation:\n\nFrigivelse af anlægsbevilling til fortov.\n\n"
        "Forvaltningen foreslår:\n\n • At bevillingen frigives.\n\nSagsbeskrivelse:\n\nFortovet anlægges i 2025.\n"
    )
    assert outline(text) == [
        (1, "ÅBNE SAGER", "other"),
        (1, "117. Frigivelse af anlægsbevilling til fortov på Skolevej", "punkt"),
        (2, "Præsentation", "other"),
        (2, "Forvaltningen foreslår", "indstilling"),
        (2, "Sagsbeskrivelse", "sagsfremstilling"),
    ]


def test_an_item_whose_record_names_its_competence_with_a_full_stop():
    """A label's value ended by a full stop ("Kompetence: Teknisk Udvalg.") is a line of the item's
    record, no sentence: the item over it is an item all the same (made up in the style of one
    municipality's minutes, each item's title written twice, its decision's points numbered)."""
    item = (
        "{n}. {title} (B)\n\n{n}.     {title} (B)\n\nSagsnr.: 330-2020-{n}          Åbent\n"
        "Kompetence: Teknisk Udvalg{stop}\nBeslutningstema\nUdvalget skal tage stilling.\nIndstilling\n"
        "Direktøren indstiller,\n1.    at forslaget godkendes.\nBeslutning i Teknisk Udvalg den 12. januar 2021:\nGodkendt.\n\n"
    )
    text = item.format(n=1, title="Godkendelse af dagsorden", stop="") + item.format(n=2, title="Budget 2021", stop=".")
    items = [(level, heading) for level, heading, role in outline(text) if role == "punkt"]
    assert items == [(1, "1. Godkendelse af dagsorden (B)"), (1, "2. Budget 2021 (B)")]


def test_a_list_of_the_items_names_no_item():
    text = (
        "Indholdsfortegnelse\n\n1. Godkendelse af dagsorden\n2. Orientering om ledigheden\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning i Beskæftigelsesudvalget den 04-03-2024\n\nGodkendt.\n\n"
        "2. Orientering om ledigheden\n\nBeslutning i Beskæftigelsesudvalget den 04-03-2024\n\nTaget til efterretning.\n"
    )
    assert outline(text) == [
        (1, "Indholdsfortegnelse", "other"),  # the list's heading is one, its lines are none
        (1, "1. Godkendelse af dagsorden", "punkt"),
        (2, "Beslutning i Beskæftigelsesudvalget den 04-03-2024", "beslutning"),
        (1, "2. Orientering om ledigheden", "punkt"),
        (2, "Beslutning i Beskæftigelsesudvalget den 04-03-2024", "beslutning"),
    ]


def test_a_page_copied_without_blank_lines():
    text = (
        "Børne- og Skoleudvalget\nReferat • 3. juni 2024 kl. 15.00\n"
        "Beslutning i Børne- og Skoleudvalget den 03-06-2024\nGodkendt.\nBeslutningstema\n"
        "Udvalget skal tage stilling til nye åbningstider i fritidsklubberne.\nIndstilling\n"
        "Direktionen indstiller, at åbningstiderne godkendes.\nSagsfremstilling\n"
        "Klubberne har i foråret afprøvet længere åbent om fredagen.\nSagen afgøres i\nBørne- og Skoleudvalget\n"
    )
    assert outline(text) == [
        (1, "Beslutning i Børne- og Skoleudvalget den 03-06-2024", "beslutning"),
        (1, "Beslutningstema", "other"),
        (1, "Indstilling", "indstilling"),
        (1, "Sagsfremstilling", "sagsfremstilling"),
        (1, "Sagen afgøres i", "other"),
    ]


def test_items_in_a_bulleted_list_and_under_a_case_number():
    bulleted = (
        "Referat\n\n • Pkt. 12 Busbetjening 2025\n\n  Pkt. 12\n\n  Busbetjening 2025\n\n"
        "  Teknikudvalget, 01-10-2024, pkt. 12\n\n  Resume\n\n  Udvalget skal beslutte om busdriften.\n\n"
        "  Beslutningskompetence\n\n  Teknikudvalget\n"
    )
    assert outline(bulleted) == [
        (1, "Pkt. 12 Busbetjening 2025", "punkt"),
        (2, "Resume", "resume"),
        (2, "Beslutningskompetence", "other"),
    ]
    case_numbered = (
        "Kommunalbestyrelsen\n\nTakster for 2025\n\nSag nr. 88 (ØU 101/24)\n\nSagens kerne\n\n"
        "Taksterne reguleres med pris- og lønudviklingen.\n\nBeslutning\n\nGodkendt.\n"
    )
    assert outline(case_numbered) == [
        (1, "Takster for 2025", "punkt"),
        (2, "Sagens kerne", "other"),
        (2, "Beslutning", "beslutning"),
    ]


def test_an_items_number_alone_in_a_bullet_over_its_title():
    """A web page's list of the meeting's items prints each item's number alone in a bullet over
    its title, the title again and the item's fields under it."""
    text = (
        "Teknisk Udvalg: Referat af mødet 1. oktober 2024\n\nTeknisk Udvalg\n\n"
        "Starttidspunkt for møde: 1. oktober 2024 kl. 09:00\n"
        "  • 34. \n\n    Beslutningssag: Godkendelse af dagsorden\n\n    Beslutningssag: Godkendelse af dagsorden\n"
        "    INDSTILLING:\n\n    Det indstilles, at dagsordenen godkendes.\n\n    BESLUTNING\n    Godkendt\n\n"
        "  • 35. \n\n    Orienteringssag: Busplan 2025\n\n    Orienteringssag: Busplan 2025\n"
        "    INDSTILLING:\n\n    Det indstilles, at orienteringen tages til efterretning.\n"
    )
    assert outline(text) == [
        (1, "Beslutningssag: Godkendelse af dagsorden", "punkt"),
        (2, "INDSTILLING", "indstilling"),
        (2, "BESLUTNING", "beslutning"),
        (1, "Orienteringssag: Busplan 2025", "punkt"),
        (2, "INDSTILLING", "indstilling"),
    ]


def test_a_decision_cited_by_its_body_day_and_item_number_is_a_heading_over_what_it_decided():
    """Minutes that print each item's decision under the body, day and item number, with no colon
    ("Kulturudvalget, 03-04-2019, pkt. 43") over a list of announcements or a one-word decision:
    the decision's heading, beside the item's fields (written in the style of such minutes)."""
    minutes = (
        "Referat\n\n • Pkt. 42 Beslutninger om dagsordenen\n\n • Pkt. 43 Meddelelser\n\n"
        "  Pkt. 42\n\n  Beslutninger om dagsordenen\n\n  Kulturudvalget, 03-04-2019, pkt. 42\n\n"
        "  Godkendt.\n\n  Pkt. 43\n\n  Meddelelser\n\n  Kulturudvalget, 03-04-2019, pkt. 43\n\n"
        "  - Standerhejsning i roklubben\n  - Afslutning for musikskolen\n\n"
        "  Pkt. 44\n\n  Ny strategi for museet\n\n  Resume\n\n  Museet har udarbejdet en ny strategi for årene frem.\n\n"
        "  Kulturudvalget, 03-04-2019, pkt. 44\n\n  Drøftet\n"
    )
    assert [h for h in outline(minutes) if h[2] == "beslutning"] == [
        (2, "Kulturudvalget, 03-04-2019, pkt. 42", "beslutning"),
        (2, "Kulturudvalget, 03-04-2019, pkt. 43", "beslutning"),
        (2, "Kulturudvalget, 03-04-2019, pkt. 44", "beslutning"),
    ]


def test_an_aggregators_account_holds_every_field_after_it_the_decision_too():
    """An agenda aggregator's page prints the municipality's fields, its decision first, inside one
    field named for the aggregator (written in that style): all of them one level below it."""
    page = (
        "Vestby\n\nBeslutning om mødeplan for 2026\n\nBilag\n\nFirst-agenda Sagsfremstilling\n\n"
        "Beslutning\n\nGodkendt.\n\nSagsfremstilling\n\nResume og sagens baggrund\n\n"
        "Udvalget skal fastsætte sin mødeplan for 2026.\n\nIndstillinger\n\nKulturchefen indstiller, "
        "at mødeplanen godkendes.\n\nSagsfremstilling\n\nUdvalget holder ordinære møder fem gange årligt.\n"
    )
    assert outline(page) == [
        (1, "Bilag", "bilag"),
        (1, "First-agenda Sagsfremstilling", "sagsfremstilling"),
        (2, "Beslutning", "beslutning"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Resume og sagens baggrund", "resume"),
        (2, "Indstillinger", "indstilling"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
    ]


def test_a_heading_word_before_the_first_field_opens_a_field():
    text = (
        "Udvidelse af åbningstiden på biblioteket\n\nBaggrund\n\nBiblioteket har i foråret haft flere besøgende.\n\n"
        "Sagsfremstilling\n\nForvaltningen har undersøgt, hvad en udvidelse koster.\n\nIndstilling\n\n"
        "Forvaltningen indstiller, at åbningstiden udvides.\n"
    )
    assert outline(text) == [
        (1, "Baggrund", "other"),
        (1, "Sagsfremstilling", "sagsfremstilling"),
        (1, "Indstilling", "indstilling"),
    ]


@pytest.mark.parametrize("example", AGENDA.label_examples, ids=lambda e: e["text"])
def test_colon_label_examples(example):
    assert colon_label(example["text"], example["following"], RULES) == example["heading"]


@pytest.mark.parametrize("text", AGENDA.item_case_number_examples)
def test_case_number_examples(text):
    assert AGENDA.item_case_number.match(text)


@pytest.mark.parametrize("example", AGENDA.item_repeated_number_examples, ids=lambda e: e["text"])
def test_repeated_list_number_examples(example):
    assert AGENDA.item_repeated_number.sub("", example["text"], count=1).strip() == example["item"]


@pytest.mark.parametrize("example", AGENDA.item_control_tail_examples, ids=lambda e: e["text"])
def test_control_tail_examples(example):
    assert AGENDA.item_control_tail.sub("", example["text"], count=1) == example["item"]


@pytest.mark.parametrize("example", AGENDA.item_glued_examples, ids=lambda e: e["text"])
def test_glued_item_examples(example):
    text = example["text"]
    found = unglue(text, set(), AGENDA)
    got = text[found[0] :] if found else text if AGENDA.item_glued_title.match(text) else None
    assert got == example["item"]


# written in the style of minutes pages copied as text: the list's last line glued to the first
# item's title, a page word glued to the second, a number glued to the third's title
GLUED = """PUNKTER

21. Godkendelse af dagsorden
22. Frigivelse af anlægsmidler til Skolevej
23. Orientering om budgetopfølgning
24. Eventuelt den 12.03.202421. Godkendelse af dagsorden

Indstilling
Direktøren indstiller, at udvalget godkender dagsordenen.

Beslutning
Godkendt.
Referat22. Frigivelse af anlægsmidler til Skolevej

Sagsfremstilling
Der søges om frigivelse af 2,1 mio. kr. til ombygning af skolens faglokaler i 2024.

Beslutning
Godkendt.
23Orientering om budgetopfølgning
Sagsfremstilling
Udvalget orienteres om forventet regnskab for 2024 på udvalgets område.
"""


def test_item_titles_glued_to_the_line_before_are_items():
    items = [(level, heading) for level, heading, role in outline(GLUED) if role == "punkt"]
    assert items == [
        (1, "21. Godkendelse af dagsorden"),
        (1, "22. Frigivelse af anlægsmidler til Skolevej"),
        (1, "23Orientering om budgetopfølgning"),
    ]
    # the fields under a line without a blank line between are fields all the same
    assert [(level, h) for level, h, _ in outline(GLUED)][-1] == (2, "Sagsfremstilling")
    assert [level for level, heading, _ in outline(GLUED) if heading == "Beslutning"] == [2, 2]


# written in the style of an agenda system's minutes page copied as text: a closed item shows
# only its decision made public, under "Åben beslutning"
PUBLIC_DECISION = """Referat
Fold alle punkter

31Godkendelse af dagsorden

Beslutning

Godkendt.

32Orientering om sag vedr. kontraktforlængelse (Lukket punkt)

Åben beslutning

Taget til efterretning.

33Beslutning om ordensregler for svømmehallen

Resume

Svømmehallen åbner i foråret, og udvalget skal tage stilling til ordensregler.

Beslutning

Godkendt.
"""


def test_a_closed_items_public_decision_is_its_decision_and_the_items_after_it_are_read():
    rows = outline(PUBLIC_DECISION)
    assert [heading for _, heading, role in rows if role == "punkt"] == [
        "31Godkendelse af dagsorden",
        "32Orientering om sag vedr. kontraktforlængelse (Lukket punkt)",
        "33Beslutning om ordensregler for svømmehallen",
    ]
    assert (2, "Åben beslutning", "beslutning") in rows


# written in the style of an agenda system's web page copied as text: each item's title glued
# to the text of the button that folds it out
FOLD_BUTTONS = """Dagsordenpunkter
1. Valg af formandKlik her for at se punktet
Sagsfremstilling
Udvalget vælger sin formand for resten af valgperioden.
Beslutning
Anne Berg blev valgt.
2. Tilskud til lokale foreningerKlik her for at se punktet
Sagsfremstilling
Udvalget skal fordele 250.000 kr. til lokale foreninger i 2025.
Beslutning
Godkendt.
"""


def test_button_text_glued_to_an_item_title_is_cut_off():
    items = [heading for _, heading, role in outline(FOLD_BUTTONS) if role == "punkt"]
    assert items == ["1. Valg af formand", "2. Tilskud til lokale foreninger"]


@pytest.mark.parametrize("example", AGENDA.summary_examples, ids=lambda e: e["text"][:40])
def test_summary_block_examples(example):
    """An aggregator's summary over the item's fields: its headings at their levels, the fields after it."""
    assert [[level, heading] for level, heading, _ in outline(example["text"])] == example["headings"]


def test_summary_block_words_without_its_opening_line_are_no_block():
    """Without the block's first line, "Spørgsmål" over a question is no heading of a summary."""
    text = AGENDA.summary_examples[0]["text"].replace("Prompt resultater\n\n", "")
    assert "Relevans v1" not in [heading for _, heading, _ in outline(text)]


@pytest.mark.parametrize("example", AGENDA.meeting_part_examples, ids=lambda e: e["text"])
def test_meeting_part_examples(example):
    assert meeting_part(example["text"], AGENDA) == example["part"]


@pytest.mark.parametrize("example", AGENDA.field_joint_examples, ids=lambda e: e["text"])
def test_field_joint_examples(example):
    assert [rule.role for rule in joined_parts(example["text"], AGENDA)] == example["parts"]


@pytest.mark.parametrize("example", AGENDA.item_group_examples, ids=lambda e: e["text"])
def test_item_group_examples(example):
    assert bool(AGENDA.item_group.fullmatch(example["text"])) == example["group"]


@pytest.mark.parametrize("example", AGENDA.meeting_list_line_examples, ids=lambda e: e["text"])
def test_meeting_list_line_examples(example):
    assert bool(AGENDA.meeting_list_line.match(example["text"])) == example["list"]


def test_a_header_block_of_labels_over_values_is_no_heading_but_its_list_of_items_is():
    """A meeting page whose header is a block of labels, each over its value, then the list of
    items and the items: the labels and their values are no headings (the cells of the header's
    table: readers of such pages in the latest five sets labelled none of them), the list's label
    "PUNKTER" is a part of the record (made up in the style of one agenda system's minutes pages)."""
    text = (
        "UDVALG\n\nUdvalget for Kultur og Fritid\n\nMØDE\n\nReferat\n\nSTED\n\nMødelokale 2\n\n"
        "STARTTIDSPUNKT\n\n04-03-2020 16:00:00\n\n\nPUNKTER\n\n1. Godkendelse af dagsorden\n2. Takster 2021\n\n\n"
        "1. Godkendelse af dagsorden\n\nIndstilling\n\nAdministrationen indstiller, at dagsordenen godkendes.\n\n"
        "Beslutning i Udvalget for Kultur og Fritid den 04-03-2020\n\nGodkendt.\n\n"
        "2. Takster 2021\n\nIndstilling\n\nAdministrationen indstiller, at taksterne godkendes.\n"
    )
    got = outline(text)
    assert got[0] == (1, "PUNKTER", "other")
    assert (1, "1. Godkendelse af dagsorden", "punkt") in got
    labels_and_values = ("UDVALG", "MØDE", "STED", "STARTTIDSPUNKT", "Udvalget for Kultur og Fritid", "Mødelokale 2")
    assert not any(h in labels_and_values for _, h, _ in got)


def test_the_absent_under_a_decisions_heading_with_its_colon_is_a_field_of_its_own():
    """ "Fraværende:" right under the decision's heading, which ends with its colon, over the
    decision's text (one municipality's minutes print it so under each item; made up in that
    style): a field beside the decision, not a line of it."""
    text = (
        "1. Godkendelse af dagsorden (B)\n\nIndstilling\nCenterchefen indstiller,\n1.    at Dagsorden godkendes.\n"
        "Beslutning i Seniorudvalget den 12. januar 2021:\nFraværende: \nGodkendt med den ændring, at sag nr. 7 udsættes.\n\n"
        "2. Budget 2021 (B)\n\nIndstilling\nCenterchefen indstiller, at budgettet drøftes.\n"
    )
    assert (2, "Fraværende", "other") in outline(text)


def test_the_header_of_minutes_has_parts_but_no_labels_of_its_facts():
    text = (
        "Referat - Socialudvalget den 2. april 2024\n\nMødefakta\n\nDato: Tirsdag den 2. april 2024\n"
        "Mødested: Mødelokale 3\n\nMedlemmer\n\n • Anne Holm (A)\n • Peter Lund (V)\n\n"
        "Fraværende med afbud\n\n • Bo Jensen (C)\n\nMøde:\nSocialudvalget\nMødetid:\n2. april 2024 kl. 15:00\n\n"
        "Indholdsfortegnelse\n\n1. Godkendelse af dagsorden\n2. Takster 2025\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning i Socialudvalget den 02-04-2024\n\nGodkendt.\n\n"
        "2. Takster 2025\n\nBeslutning i Socialudvalget den 02-04-2024\n\nGodkendt.\n\n"
        "Sagsfremstilling\n\nTaksterne reguleres med pris- og lønudviklingen.\n"
    )
    assert outline(text) == [
        (1, "Mødefakta", "other"),
        (1, "Medlemmer", "other"),
        (1, "Fraværende med afbud", "other"),
        (1, "Indholdsfortegnelse", "other"),
        (1, "1. Godkendelse af dagsorden", "punkt"),
        (2, "Beslutning i Socialudvalget den 02-04-2024", "beslutning"),
        (1, "2. Takster 2025", "punkt"),
        (2, "Beslutning i Socialudvalget den 02-04-2024", "beslutning"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
    ]


def test_a_procedural_first_item_read_as_the_title_line_leaves_the_header_parts_headings():
    """A meeting's page with no title line of its own, whose first line reading as a title is its
    first, procedural item ("Nr.8 - Godkendelse af dagsordenen"): the parts of the header above
    it (the members, the absent) are headings all the same (made up in the style of such pages)."""
    text = (
        "12-03-2024 kl. 16:00\nRådhuset, mødelokale 2\n\nMedlemmer\n\nAnne Holm (A)\n\nPeter Lund (V)\n\n"
        "Afbud\n\nIngen\n\nNr.8 - Godkendelse af dagsordenen\n\n"
        "Beslutning i Socialudvalget den 12-03-2024\n\nGodkendt.\n\n"
        "Nr.9 - Takster 2025\n\nSag nr. 24/1234\n\nSagsfremstilling\n\nTaksterne reguleres med pris- og lønudviklingen.\n"
    )
    headings = [h for _, h, _ in outline(text)]
    assert headings[:2] == ["Medlemmer", "Afbud"]
    assert "Nr.9 - Takster 2025" in headings


@pytest.mark.parametrize("label", ["Baggrund:", "Status:", "Seniorrådet:"])
def test_a_label_with_its_colon_over_its_text_is_a_sub_heading_though_a_heading_word(label):
    """A short label with its colon over the field's running text, a blank line between, is a
    sub-heading also when it is a heading word of its own ("Baggrund", "Status"; made up in the
    style of minutes pages)."""
    text = (
        "Resume\n\nEn kort tekst om sagen her.\n\nSagsfremstilling\n\n"
        f"{label}\n\nByrådet bevilgede med budget 2025-2028 300.000 kr. til tre aktivitetsområder.\n\n"
        "Indstilling\n\nDet indstilles, at sagen tages til efterretning.\n"
    )
    assert (2, label.rstrip(":")) in [(level, heading) for level, heading, _ in outline(text)]


def test_unnumbered_item_titles_over_the_field_each_item_opens_with():
    """Minutes of several items whose titles carry no number, each alone in its paragraph over the
    field the items open with ("Beslutning"): the titles are the items, their fields one level
    below (made up in the style of a council's minutes page); a case type or a route over the field
    is no title."""
    text = (
        "Referat Magistraten 14-09-2026\n\n  Ny strategi for borgerinddragelse\n\n  Beslutning\n  Drøftet.\n"
        "  Resumé\n  Strategien skal styrke dialogen med borgerne i hele kommunen.\n\n  Bilag\n\n"
        "  Referat fra Magistratens møde den 7. september 2026\n\n  Beslutning\n  Godkendt.\n\n  Bilag\n"
    )
    assert outline(text) == [
        (1, "Ny strategi for borgerinddragelse", "punkt"),
        (2, "Beslutning", "beslutning"),
        (2, "Resumé", "resume"),
        (2, "Bilag", "bilag"),
        (1, "Referat fra Magistratens møde den 7. september 2026", "punkt"),
        (2, "Beslutning", "beslutning"),
        (2, "Bilag", "bilag"),
    ]
    routed = text.replace("Ny strategi for borgerinddragelse", "Beslutningssag").replace(
        "Referat fra Magistratens møde den 7. september 2026", "ØK, BY"
    )
    assert [level for level, _, _ in outline(routed)] == [1] * len(outline(routed))


def test_sub_headings_inside_a_folded_field():
    """A web page's folded field ("• Sagsfremstilling") whose text holds short lines over running
    text, indented as the text is: they are the field's sub-headings (made up in the style of a
    council's minutes page)."""
    text = (
        "Referat Byrådet 29-05-2026\n\nPunkt 341 Lokalplan for området ved skolen\n  • Resumé\n\n"
        "    Administrationen har udarbejdet et forslag til lokalplan for området ved skolen.\n\n"
        "  • Sagsfremstilling\n\n    Lokalplanens baggrund\n\n"
        "    Gennem de seneste år har kommunen og lokale aktører arbejdet for et nyt fælleshus i byen.\n\n"
        "    Lokalplanens område\n\n"
        "    Lokalplanområdet ligger i byen og omfatter et areal på cirka 2,1 ha ved skolen og hallen.\n\n"
        "  • Indstilling\n\n    Direktionen indstiller, at forslaget vedtages.\n"
    )
    headings = [heading for _, heading, _ in outline(text)]
    assert "Lokalplanens baggrund" in headings and "Lokalplanens område" in headings


def test_a_bodys_name_with_a_colon_opens_its_decision_but_not_without():
    # made up in the style of a council's minutes (the body that treated the item before)
    text = (
        "Kommunalbestyrelsen\n\nTakster for 2025\n\nSag nr. 88 (ØU 101/24)\n\nSagens kerne\n\n"
        "Taksterne reguleres med pris- og lønudviklingen fra 1. januar 2025.\n\nØkonomiudvalget:\n\n"
        "Anbefales over for Kommunalbestyrelsen, idet taksterne offentliggøres på hjemmesiden.\n\n"
        "Sagen afgøres af\n\nKommunalbestyrelsen\n\nBeslutning\n\nGodkendt.\n"
    )
    assert outline(text) == [
        (1, "Takster for 2025", "punkt"),
        (2, "Sagens kerne", "other"),
        (2, "Økonomiudvalget", "beslutning"),
        (2, "Sagen afgøres af", "other"),
        (2, "Beslutning", "beslutning"),
    ]


@pytest.mark.parametrize("example", AGENDA.label_body_examples, ids=lambda e: e["text"])
def test_label_body_examples(example):
    assert bool(AGENDA.label_body.fullmatch(example["text"])) == example["body"]


def test_a_committee_over_a_list_is_no_heading():
    # the committees' areas listed under each committee's name (the style of a budget status item)
    text = (
        "Budget 2025-28\n\nSagsfremstilling\n\nOmrådet omfatter følgende politikområder:\n\n"
        "Kultur og Fritidsudvalget:\n\n- Folkeoplysning\n- Idræts- og Fritidspulje\n\nBeslutning\n\nGodkendt.\n"
    )
    assert outline(text) == [(1, "Sagsfremstilling", "sagsfremstilling"), (1, "Beslutning", "beslutning")]


def test_numbered_points_over_running_text_sit_below_the_subheading_before():
    # made up in the style of an item weighing options; the points end with a full stop
    text = (
        "Flere pladser i dagtilbud\n\nSagsfremstilling\n\nMuligheder for flere pladser\n\n"
        "Forvaltningen vurderer, at der er følgende muligheder:\n\n"
        "1. Udvidelse af pavillonerne ved Nordskolen (potentiale 20 pladser).\n\n"
        "Pavillonerne kan udvides med to moduler inden for den gældende lokalplan.\n\n"
        "2. Leje af lokaler i bymidten (potentiale ukendt).\n\nForvaltningen undersøger markedet for egnede lokaler.\n\n"
        "Økonomi\n\nUdgifterne afholdes inden for rammen.\n\n1. Anlæg.\n2. Drift.\n\n"
        "Indstilling\n\nForvaltningen indstiller, at orienteringen tages til efterretning.\n"
    )
    assert outline(text) == [
        (1, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Muligheder for flere pladser", "other"),
        (3, "Udvidelse af pavillonerne ved Nordskolen (potentiale 20 pladser).", "other"),
        (3, "Leje af lokaler i bymidten (potentiale ukendt).", "other"),
        (1, "Økonomi", "oekonomi"),
        (1, "Indstilling", "indstilling"),
    ]


def test_the_next_item_whatever_its_first_field():
    # made up in the style of minutes: the first item has only a decision, the next starts with its summary
    text = (
        "Referat - Socialudvalget den 2. april 2024\n\n1. Godkendelse af dagsorden\n\n"
        "Beslutning i Socialudvalget den 02-04-2024\n\nGodkendt.\n\n2. Takster for madservice 2025\n\n"
        "Resume\n\nTaksterne for madservice reguleres med pris- og lønudviklingen.\n\n"
        "Beslutning i Socialudvalget den 02-04-2024\n\nGodkendt.\n"
    )
    assert outline(text) == [
        (1, "1. Godkendelse af dagsorden", "punkt"),
        (2, "Beslutning i Socialudvalget den 02-04-2024", "beslutning"),
        (1, "2. Takster for madservice 2025", "punkt"),
        (2, "Resume", "resume"),
        (2, "Beslutning i Socialudvalget den 02-04-2024", "beslutning"),
    ]


def test_an_items_title_may_end_with_a_full_stop_a_sentences_may_not():
    # made up in the style of minutes of three municipalities that end their items' titles with a stop
    text = (
        "Referat - Økonomiudvalget den 2. marts 2021\n\n346. Godkendelse af dagsorden.\n\nBeslutning\n\nGodkendt.\n\n"
        "347. Evaluering af budgetprocessen og fremadrettet økonomistyringspraksis.\n\nIndstilling\n\n"
        "Direktionen indstiller, at evalueringen tages til efterretning.\n\nBeslutning\n\n"
        "1. Evalueringen er taget til efterretning.\n\n2. Udvalget ønsker en ny proces.\n\nBilag\n\nNotat\n"
    )
    assert outline(text) == [
        (1, "346. Godkendelse af dagsorden.", "punkt"),
        (2, "Beslutning", "beslutning"),
        (1, "347. Evaluering af budgetprocessen og fremadrettet økonomistyringspraksis.", "punkt"),
        (2, "Indstilling", "indstilling"),
        (2, "Beslutning", "beslutning"),
        (2, "Bilag", "bilag"),
    ]


def test_absent_members_under_a_decision_without_a_blank_line_are_a_field():
    # made up in the style of one municipality's minutes pages, each item's fields run together
    text = (
        "Referat\n\n25.   Godkendelse af dagsorden\n\n\nIndstilling\nMødet afholdes i byrådsstuen kl. 15.30.\n"
        "Beslutning\nGodkendt.\nFraværende\nBent Hansen (O)\n\nTil toppen\n\n\n26.   Budgetanalyser 2021\n\n\n"
        "Indstilling\nDirektionen indstiller, at analyserne drøftes.\nBeslutning\nDrøftet.\nFraværende\nBent Hansen (O)\n"
    )
    assert [(level, heading) for level, heading, _ in outline(text)] == [
        (1, "25. Godkendelse af dagsorden"),
        (2, "Indstilling"),
        (2, "Beslutning"),
        (2, "Fraværende"),
        (1, "26. Budgetanalyser 2021"),
        (2, "Indstilling"),
        (2, "Beslutning"),
        (2, "Fraværende"),
    ]


@pytest.mark.parametrize("example", RULES.run_in_examples, ids=lambda e: e["text"][:30])
def test_run_in_field_examples(example):
    from extract.structure.run_in_fields import run_in_fields

    line = example["text"] + " " + "Teksten fortsætter." * (RULES.run_in_line_chars // 19 + 1)
    assert [c.heading for c in run_in_fields(line, RULES)] == example["fields"]
    assert run_in_fields(example["text"][: RULES.run_in_line_chars - 1], RULES) == []  # a line of its own length


@pytest.mark.parametrize("example", RULES.run_in_item_examples, ids=lambda e: e["text"][:30])
def test_run_in_item_examples(example):
    from extract.structure.run_in_fields import run_in_fields, run_in_items

    line = example["text"] + " " + "Teksten fortsætter." * (RULES.run_in_line_chars // 19 + 1)
    assert [c.heading for c in run_in_items(line, run_in_fields(line, RULES), RULES)] == example["items"]


@pytest.mark.parametrize("example", RULES.decided_examples, ids=lambda e: e["text"][:30])
def test_decided_item_examples(example):
    from extract.structure.run_in_fields import decided_items

    assert [c.heading for c in decided_items(example["text"], RULES)] == example["items"]


def test_a_page_of_minutes_listing_items_over_their_decisions_has_them_as_items():
    """A committee's minutes page lists its items each over its decision's line (as one agenda system
    prints it; made up in that style): every item is a section of level 1, no decision's line is one."""
    text = (
        "Sundheds- og Kulturudvalget\n\nSundheds- og Kulturudvalget 27. oktober 2021\n\nÅben\n\n"
        "1. Godkendelse af dagsorden\nBeslutning: Godkendt\n2. Godkendelse af status for forvaltningen 2021\n"
        "Beslutning: Anbefales\n3. Eventuelt\nBeslutning: Intet\n"
    )
    for copy in (text, text.replace("\n", "\n\n")):  # also with blank lines between the lines
        src = read_text_source(Path("referat.txt"), copy.encode("utf-8"), ALL_RULES["ocr_repair.yml"])
        found = [(s.heading, s.level) for s in find_sections(src, RULES) if s.heading]
        assert [h for h, _ in found][-3:] == [
            "1. Godkendelse af dagsorden",
            "2. Godkendelse af status for forvaltningen 2021",
            "3. Eventuelt",
        ]
        assert {level for h, level in found if h[0].isdigit()} == {1}
        assert not any(h.startswith("Beslutning") for h, _ in found)


def test_a_run_on_transcript_of_minutes_has_its_fields_as_sections():
    # made up in the style of copies of three municipalities' minutes that lost their line breaks
    text = (
        "Referat\n\n3 Beskæftigelsesudvalget Budgetopfølgning / Jesper Hansen Beslutningstema Jævnfør principperne "
        "har forvaltningen udarbejdet en budgetopfølgning for udvalgets område for regnskabsåret 2024 Sagsbeskrivelse "
        "Budgetopfølgningen tager udgangspunkt i det konstaterede forbrug ultimo juli 2024 og forventningerne til "
        "resten af året Retsgrundlag Styrelsesloven Indstilling Beskæftigelseschefen indstiller, at udvalget tager "
        "budgetopfølgningen til efterretning Beslutning Taget til efterretning.\n"
    )
    assert outline(text) == [
        (1, "Beslutningstema", "other"),
        (1, "Sagsbeskrivelse", "sagsfremstilling"),
        (1, "Retsgrundlag", "lovgrundlag"),
        (1, "Indstilling", "indstilling"),
        (1, "Beslutning", "beslutning"),
    ]


# written in the style of an agenda item: an applicant's name and address, a list of names
# without bullets and the name above a signature are short lines over short lines, no headings;
# the sub-heading over running text is one
SHORT_LINES = """Tilskud fra kulturpuljen 2024

Sagsfremstilling
Forvaltningen har modtaget to ansøgninger til puljen i 2024.

Kulturhuset Vesterled
Hovedgaden 12

Ansøgningen gælder en koncertrække for børn og unge i efterårsferien.

Nye aktiviteter for unge

Puljen har i år særligt prioriteret aktiviteter for unge mellem 15 og 24 år.

Arbejdsgruppen

Anne Holm

Peter Lund

Indstilling
Forvaltningen indstiller, at ansøgningen imødekommes.
"""


def test_short_lines_over_short_lines_are_no_subheadings():
    assert [(level, heading) for level, heading, _ in outline(SHORT_LINES)] == [
        (1, "Sagsfremstilling"),
        (2, "Nye aktiviteter for unge"),
        (1, "Indstilling"),
    ]


# Made up in the style of agenda systems seen only in the probe pages (the development corpus
# has none): items numbered "1: …" or "2  …", a page whose fields are the points of a bulleted
# list (folded sections) with the case's parts inside "Sagsfremstilling", groups of items, and
# a meeting header with its standing items written without numbers.
COLON_ITEMS = """Referat: 7. oktober 2024 kl. 13:00

Teknisk Udvalg

Deltagere

 • Anne Holm
 • Peter Lund

1: Godkendelse af dagsorden

Beslutning

Teknisk Udvalg godkendte dagsordenen.

2: Trafikplan 2025

Sagsfremstilling

Forvaltningen har udarbejdet et forslag til en trafikplan for de kommende fire år.

Beslutning

Godkendt.
"""


def test_items_numbered_with_a_colon_hold_their_fields():
    assert outline(COLON_ITEMS) == [
        (1, "Deltagere", "other"),
        (1, "1: Godkendelse af dagsorden", "punkt"),
        (2, "Beslutning", "beslutning"),
        (1, "2: Trafikplan 2025", "punkt"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Beslutning", "beslutning"),
    ]


FOLDED = """Teknisk Udvalg - Referat fra mødet den 07-10-2024

Referat

  • 1 Præsentation af trafikplanen
    • Resume

      Forvaltningen præsenterer et forslag til en ny trafikplan for kommunen.

    • Beslutning i Teknisk Udvalg den 07-10-2024

      Teknisk Udvalg tog orienteringen til efterretning.

    • Sagsfremstilling

      Historik

      Udvalget drøftede trafikplanen på sit møde den 3. juni 2024 og bad om et forslag.

      Beskrivelse

      Forslaget indeholder tre spor for cykeltrafik, kollektiv trafik og trafiksikkerhed.

      Tidsperspektiv

      Planen gælder fra 2025 og fire år frem, med en midtvejsstatus i 2027.
"""


def test_a_page_of_folded_fields_nests_the_case_parts_in_its_account():
    assert outline(FOLDED) == [
        (1, "1 Præsentation af trafikplanen", "punkt"),
        (2, "Resume", "resume"),
        (2, "Beslutning i Teknisk Udvalg den 07-10-2024", "beslutning"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
        (3, "Historik", "other"),
        (3, "Beskrivelse", "other"),  # the account inside the account is a part of it
        (3, "Tidsperspektiv", "videre_proces"),
    ]


GROUPED = """Referat
til
mødet i Teknisk Udvalg
den 7. oktober 2024 kl. 08:30

Mødet hævet kl. 11.05

Indholdsfortegnelse:

Åbne
2  Godkendelse af dagsorden
3  Trafikplan 2025

Godkendelse af dagsorden:
Godkendt

Meddelelser:
Formanden orienterede om vejarbejdet på Hovedgaden.

A. Sager til afgørelse i udvalget

3  Trafikplan 2025

Åbent - 2024/12345

Hvem beslutter

Teknisk Udvalg beslutter.

Resumé

Forvaltningen fremlægger et forslag til en trafikplan for de kommende fire år.

Indstilling og beslutning

Forvaltningen indstiller, at trafikplanen godkendes.

Teknik- og Miljøudvalget, d. 7. oktober 2024:

Godkendt som indstillet af forvaltningen og sendt videre til byrådet.
"""


def test_a_meeting_header_with_standing_items_and_groups_of_items():
    assert outline(GROUPED) == [
        (1, "Indholdsfortegnelse", "other"),
        (1, "Åbne", "other"),
        (1, "Godkendelse af dagsorden", "punkt"),
        (1, "Meddelelser", "punkt"),
        (1, "A. Sager til afgørelse i udvalget", "other"),
        (2, "3 Trafikplan 2025", "punkt"),  # an item of the group, one level below it
        (3, "Hvem beslutter", "other"),
        (3, "Resumé", "resume"),
        (3, "Indstilling og beslutning", "indstilling"),
        (4, "Teknik- og Miljøudvalget, d. 7. oktober 2024", "beslutning"),  # in the field named for it
    ]


# A page copied with blank lines between some paragraphs only: a field's name directly over
# its first sub-heading (made up in that style).
FIELD_OVER_SUBHEADING = """Administrativ indstilling
Kommunaldirektøren indstiller, at budgetforslaget sendes til 1. behandling i byrådet.

Sagsfremstilling
Supplerende tekniske ændringer
Økonomiudvalgets udgifter til licenser nedsættes med 180.000 kr. årligt.

Budgetforslag til 1. behandling
Budgetforslaget er udarbejdet på baggrund af budgetseminaret og gennemgås nedenfor.
"""


def test_a_field_name_directly_over_a_sub_heading():
    assert outline(FIELD_OVER_SUBHEADING) == [
        (1, "Administrativ indstilling", "indstilling"),
        (1, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Supplerende tekniske ændringer", "other"),
        (2, "Budgetforslag til 1. behandling", "other"),
    ]


# A meeting's page printing the item's numbered line over its case number and its title again
# (made up in the style of such pages; the development corpus holds none).
ITEM_OVER_ITS_TITLE = """Udvalg: Teknisk Udvalg

Mødedato: 07-10-2024

Mødested: Rådhuset, mødelokale 2

3.Anlægsbevilling til cykelsti langs Skolevej (C)

Sagsnummer: 24/1234

Anlægsbevilling til cykelsti langs Skolevej (C)


Administrativ indstilling
Direktøren indstiller, at der gives en anlægsbevilling til cykelstien.

Sagsfremstilling
Cykelstien skal gøre skolevejen tryggere for børn og unge, der cykler til skole.
"""


def test_an_items_numbered_line_over_its_title_again_is_the_item():
    assert outline(ITEM_OVER_ITS_TITLE) == [
        (1, "3.Anlægsbevilling til cykelsti langs Skolevej (C)", "punkt"),  # as written, number kept
        (2, "Administrativ indstilling", "indstilling"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
    ]


def test_an_items_numbered_title_without_a_repeat_stays_the_title():
    text = ITEM_OVER_ITS_TITLE.replace("Anlægsbevilling til cykelsti langs Skolevej (C)\n\n\n", "")
    assert outline(text) == [
        (1, "Administrativ indstilling", "indstilling"),
        (1, "Sagsfremstilling", "sagsfremstilling"),
    ]


def test_an_item_under_its_record_of_abbreviated_labels():
    """An item's record between its numbered line and its first field holds labels abbreviated
    with a stop ("Sagsnr.") and their values as cells: no sentence, so the line is an item; the
    page's first line is its first item when the next item follows (made up in the style of a
    minutes page printing each item's record as a table)."""
    record = "\n\nSagsnr.\n\n450-2024-1234\n\nInitialer\n\nABC\n\nÅbent\n\n"
    text = (
        f"1.      Spørgetid{record}Sagsfremstilling\n\nBorgerne kan stille spørgsmål til byrådet.\n\n"
        f"2.      Indkaldelse af stedfortræder{record}Sagsfremstilling\n\nEt medlem har forfald.\n\n"
        "Indstilling\n\nBorgmesteren indstiller, at stedfortræderen indkaldes.\n"
    )
    assert outline(text) == [
        (1, "1. Spørgetid", "punkt"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
        (1, "2. Indkaldelse af stedfortræder", "punkt"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Indstilling", "indstilling"),
    ]
    sentence = text.replace("Initialer\n\nABC", "Sagen blev udsat sidst.")
    assert (1, "2. Indkaldelse af stedfortræder", "punkt") not in outline(sentence)


def test_items_after_a_decisions_points_at_the_pages_end_and_no_sentence_about_an_item():
    """An item's line directly under the numbered points of the decision before ("1. Godkendt.")
    is an item, the page's last item is one with its fields cut off when it numbers the item after
    the one before, and "Punkt 7 flyttes til …" is a sentence, no item (made up in the style of
    minutes pages copied from the web)."""
    text = (
        "Referat\n\n • 6. Godkendelse af dagsorden\n\n  Resume\n\n  Dagsordenen godkendes.\n\n  Beslutning\n\n"
        "  1.  Dagsorden godkendt.\n • 7. Økonomisk overblik\n\n  Resume\n\n  Budgettet følges.\n\n  Beslutning\n\n"
        "Punkt 9 flyttes til sidst på dagsordenen, fordi sagen behandles for lukkede døre.\n\n  Godkendt.\n\n"
        "8. Orientering om puljen\n"
    )
    assert outline(text) == [
        (1, "6. Godkendelse af dagsorden", "punkt"),
        (2, "Resume", "resume"),
        (2, "Beslutning", "beslutning"),
        (1, "7. Økonomisk overblik", "punkt"),
        (2, "Resume", "resume"),
        (2, "Beslutning", "beslutning"),
        (1, "8. Orientering om puljen", "punkt"),
    ]
    assert (1, "9. Orientering om puljen", "punkt") not in outline(text.replace("8. Orientering", "9. Orientering"))


def test_a_web_lists_number_before_the_items_own_is_dropped():
    """A page copied from a web list prints the list's number before the item's own, the same
    (" 1.  1. Godkendelse af dagsorden"; made up in that style): the item keeps its own."""
    text = (
        "Referat\n\n 1.  1. Godkendelse af dagsorden\n\n  Resumé\n\n  Udvalget ser på dagsordenen.\n\n"
        "  Beslutning i Ældreudvalget den 12-03-2024\n\n  Godkendt.\n\n"
        " 2.  2. Ungestrategien\n\n  Resumé\n\n  Strategien er vedtaget.\n"
    )
    assert [h for h in outline(text) if h[2] == "punkt"] == [
        (1, "1. Godkendelse af dagsorden", "punkt"),
        (1, "2. Ungestrategien", "punkt"),
    ]


def test_an_items_title_restated_under_its_numbered_line_is_no_field():
    # an agenda system prints the item's title again under its numbered line; here the title is
    # also a field's name ("Bemærkninger til dagsordenen"): it is the title, not a field
    text = (
        "1. Bemærkninger til dagsordenen\n\nBemærkninger til dagsordenen\n\nBeslutning\nIngen.\n\n"
        "2. Trafikplan 2025\n\nTrafikplan 2025\n\nSagsfremstilling\n\nPlanen forelægges udvalget til godkendelse.\n"
    )
    assert outline(text) == [
        (1, "1. Bemærkninger til dagsordenen", "punkt"),
        (2, "Beslutning", "beslutning"),
        (1, "2. Trafikplan 2025", "punkt"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
    ]


# made up in the style of municipal web pages on pools and grants (the development corpus holds
# none): the pools' names are initiatives; a link, a contact line, a sentence left without its
# stop, a dated label and an image's file are no headings
POOLS_PAGE = """Puljer til foreninger

Foreninger kan søge flere puljer og tilskud. Her er en oversigt over dem.

foreninger-i-kommunen.jpg

Kulturpuljen

I kan søge løbende. Ved beløb over 25.000 kr. er der fire frister om året.

Det er en pulje til nye kulturelle aktiviteter for alle i kommunen

Tilskud til spejder- og træningslejre

Lejre kan støttes hele året, dog senest den 1. november for lejre i det følgende år.

Ansøgningsfrist: 1. november 2025

Hvem kan søge?

Alle godkendte foreninger i kommunen kan søge om tilskud fra puljerne.

Læs retningslinjerne for puljerne

Spørgsmål om puljerne kan rettes til fritidskonsulenten på fritid@kommune.dk
"""


def test_a_pool_pages_headings():
    assert outline(POOLS_PAGE) == [
        (1, "Kulturpuljen", "initiative"),
        (1, "Tilskud til spejder- og træningslejre", "initiative"),
        (1, "Hvem kan søge?", "other"),
    ]


def test_a_procedural_items_name_is_as_long_as_the_rules_allow():
    # made up in the style of a meeting's record: an item's name without a number over its decision
    assert procedural_name("Godkendelse af dagsorden", RULES)
    longer = "Orientering fra formanden om budgettet"  # five words: a line that only starts so
    assert not procedural_name(longer, RULES)
    assert procedural_name(longer, replace(RULES, agenda=replace(AGENDA, procedural_max_words=5)))


def _refused(tmp_path, old: str, new: str) -> str:
    """The error that loading the project's headings rules with ``old`` replaced by ``new`` raises."""
    text = (RULES_DIR / "headings.yml").read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "headings.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    return str(e.value)


@pytest.mark.parametrize("value", ["0", "40", "'4'", "2.5"])
def test_a_procedural_items_length_out_of_range_is_refused(tmp_path, value):
    error = _refused(tmp_path, "procedural_max_words: 4\n", f"procedural_max_words: {value}\n")
    assert "procedural_max_words" in error and "headings.yml" in error


def test_the_headings_rules_need_the_bullet_rule(tmp_path):
    error = _refused(tmp_path, "  - id: bullet\n", "  - id: bulleted_point\n")
    assert "bullet" in error and "not_headings" in error


@pytest.mark.parametrize(
    "old,new,named",
    [
        ("sentence_rules: [sentence_verb]", "sentence_rules: [sentence_verbs]", ["sentence_rules", "sentence_verbs"]),
        ("list_label:\n  max_words: 8\n", "list_label:\n  max_words: 0\n", ["list_label", "max_words"]),
    ],
)
def test_a_rule_naming_an_unknown_rule_or_a_count_out_of_range_is_refused(tmp_path, old, new, named):
    text = (RULES_DIR / "headings.yml").read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "headings.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert all(word in str(e.value) for word in ["headings.yml", *named])


def test_a_numbered_list_of_attachments_after_the_last_field_is_no_item():
    """Made up in the style of agenda items: the attachments listed under "Bilag" are no items."""
    page = (
        "1. Budgetopfølgning\n\nSagsfremstilling\n\nForvaltningen fremlægger budgetopfølgningen.\n\n"
        "Beslutning\n\nGodkendt.\n\nBilag\n\n1. Notat om budgettet\n\n2. Tidsplan for anlægget\n"
    )
    assert [h for _, h, role in outline(page) if role == "punkt"] == ["1. Budgetopfølgning"]


def test_a_proposal_numbered_as_the_next_item_is_an_item():
    """A party's proposal put on the council's agenda is titled by the proposal, a sentence's
    verb and all; numbered after the item before and over the item's fields it is an item. The
    same line in a list of points after a lead-in stays a point."""
    text = (
        "11. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "12. Venstre foreslår, at kommunen etablerer en ny hal\n\nSagsfremstilling\n\n"
        "Venstre har bedt om at få sagen på dagsordenen, og forslaget lyder sådan.\n\nBeslutning\n\nForkastet.\n"
    )
    got = outline(text)
    assert (1, "12. Venstre foreslår, at kommunen etablerer en ny hal", "punkt") in got
    assert [h for level, h, _ in got if level == 2] == ["Beslutning", "Sagsfremstilling", "Beslutning"]
    lone = "5. Venstre foreslår, at kommunen etablerer en ny hal\n\nSagsfremstilling\n\nTekst om hallen her.\n"
    assert all(role != "punkt" for _, _, role in outline("Indstilling\n\nTekst.\n\n" + lone))


def test_minutes_with_titles_over_case_ids_and_fields_in_capitals():
    """Made up in the style of minutes whose web page prints each item as a bulleted number over
    its title and case id ("Sagsid.: 24/1234"), its fields in capitals with a colon; the header's
    label over a case id is no item."""
    text = (
        "Referat\n\nTorsdag den 3. oktober 2024 kl. 17:00\n\nMødested: Rådhuset\nUdvalg: Teknisk Udvalg\n\n"
        " • 1\n  Ny cykelsti langs Skolevej\n  Sagsid.: 24/1234\n\n"
        "  ANBEFALING:\n\n  Administrationen anbefaler, at udvalget godkender projektet.\n\n"
        "  SAGSFREMSTILLING:\n\n  Stien skal forbinde skolen med boligområdet mod nord.\n\n"
        "  ØKONOMI/PERSONALEFORHOLD:\n\n  Projektet finansieres af anlægsrammen for 2025.\n\n"
        "  BESLUTNINGSPROCES:\n\n  Teknisk Udvalg den 3. oktober 2024.\n\n"
        "  BESLUTNING: Teknisk Udvalg den 03-10-2024\n\n  Godkendt.\n\n"
        " • 2\n  Trafikplan for bymidten\n  Sagsid.: 24/2345\n\n"
        "  ANBEFALING:\n\n  Administrationen anbefaler, at planen sendes i høring.\n"
    )
    assert outline(text) == [
        (1, "Ny cykelsti langs Skolevej", "punkt"),
        (2, "ANBEFALING", "indstilling"),
        (2, "SAGSFREMSTILLING", "sagsfremstilling"),
        (2, "ØKONOMI/PERSONALEFORHOLD", "oekonomi"),
        (2, "BESLUTNINGSPROCES", "other"),
        (2, "BESLUTNING: Teknisk Udvalg den 03-10-2024", "beslutning"),
        (1, "Trafikplan for bymidten", "punkt"),
        (2, "ANBEFALING", "indstilling"),
    ]
    header = "Mødested: Rådhussalen\nSagsnr.: 00.01.00-P35-34-24\nBeslutningstema\nDeltagerne noteres her.\n"
    header += "Sagsfremstilling\nRegnskabet viser et overskud.\n"
    assert all(role != "punkt" for _, _, role in outline(header))


def test_a_summary_blocks_headings_over_lists_above_the_first_field():
    """Made up in the style of a page that shows an agenda item under its own summary: a short line
    alone in its paragraph over a bulleted list or over running text above the item's first field
    is a heading; the header's lines (a label, a room with its number, a member) are none."""
    text = (
        "Tilskud til foreninger\n\nUdvalg: Kultur- og Fritidsudvalget\n\nMødelokale 2, Rådhuset\n\n"
        "Anne Holm (A)\n\nAfbud fra udvalgets formand, der er på ferie i hele oktober.\n\nOpsummering\n\n"
        "Udvalget skal godkende fordelingen af tilskud til byens foreninger for 2025.\n\n"
        "Fordele\n\n  • Flere aktive foreninger\n  • Bedre lokaler\n\nUlemper\n\n  • Højere udgifter\n\n"
        "Resumé\n\nSagen handler om tilskud til foreningerne i 2025.\n\n"
        "Sagsfremstilling\n\nForeningerne har søgt om tilskud til deres aktiviteter.\n"
    )
    assert [(level, h) for level, h, _ in outline(text)] == [
        (1, "Opsummering"),
        (1, "Fordele"),
        (1, "Ulemper"),
        (1, "Resumé"),
        (1, "Sagsfremstilling"),
    ]


def test_an_earlier_bodys_decision_cited_with_its_item_number_is_a_field():
    """Made up in the style of a council's item that cites the committee's treatment ("Body, day,
    pkt. N:", printed twice on the page) over its short decision."""
    text = (
        "Sagsfremstilling\n\nHallen skal renoveres i 2025 og 2026 efter planen.\n\n"
        "Økonomiudvalget, 12. marts 2024, pkt. 45:\n\nØkonomiudvalget, 12. marts 2024, pkt. 45:\n\n"
        "Anbefales.\n\nBeslutning\n\nGodkendt.\n"
    )
    got = outline(text)
    assert got.count((1, "Økonomiudvalget, 12. marts 2024, pkt. 45", "beslutning")) == 1
    assert [h for _, h, _ in got] == ["Sagsfremstilling", "Økonomiudvalget, 12. marts 2024, pkt. 45", "Beslutning"]


def test_a_bare_account_holds_the_fields_after_it_when_its_name_comes_again():
    # made up in the style of an agenda page that prints the item's fields inside its account
    held = (
        "Mødeplan for 2026\n\nBeslutning\n\nGodkendt.\n\nSagsfremstilling\n\nResume og sagens baggrund\n\n"
        "Mødekalenderen for året skal vedtages.\n\nIndstillinger\n\nForvaltningen indstiller, at planen godkendes.\n\n"
        "Sagsfremstilling\n\nUdvalget holder fem møder om året.\n"
    )
    assert [(lv, h, role) for lv, h, role in outline(held)] == [
        (1, "Beslutning", "beslutning"),
        (1, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Resume og sagens baggrund", "resume"),
        (2, "Indstillinger", "indstilling"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
    ]
    # an empty account over the recommendation is a field like the others (its name does not come again)
    empty = (
        "Godkendelse af dagsorden\n\nSagsfremstilling\n\nIndstilling\n\nForvaltningen indstiller, at udvalget "
        "godkender dagsordenen.\n\nBeslutning\n\nGodkendt.\n"
    )
    assert [lv for lv, _, _ in outline(empty)] == [1, 1, 1]


# An item page printing the decision above the account, those absent after each decision, and
# the account's parts after it (made up in that style).
DECIDED_FIRST = """Status på forløb for unge ledige

Resumé

Udvalget får en status på jobcentrets nye forløb for unge ledige.

Forslag

Direktøren indstiller, at orienteringen tages til efterretning.

Beslutning Beskæftigelsesudvalget den 04-03-2024

Orienteringen blev taget til efterretning.

Fraværende:

Jens Madsen

Sagsfremstilling

Historik

Udvalget besluttede på sit møde i oktober at starte et forløb for unge ledige under 30 år.
"""


def test_absence_beside_its_decision_and_an_account_after_the_decision_holds_its_parts():
    assert outline(DECIDED_FIRST) == [
        (1, "Resumé", "resume"),
        (1, "Forslag", "indstilling"),
        (1, "Beslutning Beskæftigelsesudvalget den 04-03-2024", "beslutning"),
        (1, "Fraværende", "other"),
        (1, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Historik", "other"),
    ]


# Minutes whose fields run on in the item's text (made up in that style).
def test_items_named_punkt_whose_fields_run_on_in_the_text():
    text = (
        "Referat af Byrådets møde 12.03.2024\n\nPunkt 21: Godkendelse af dagsorden\n\n"
        "00.01.00-A00-1-24 Beslutning Byrådet, 12.03.2024 Godkendt.\n\n"
        "Punkt 22: Salg af grund på Skolevej\n\n"
        "82.00.00-A00-2-24 Resume Byrådet skal tage stilling til salget af grunden.\n\n"
        "Beslutning\n\nPunkt 22 Salg af grund på Skolevej udsættes.\n"
    )
    assert [h for h in outline(text) if h[2] == "punkt"] == [
        (1, "Punkt 21: Godkendelse af dagsorden", "punkt"),
        (1, "Punkt 22: Salg af grund på Skolevej", "punkt"),
    ]


def test_a_plans_numbered_points_without_fields_are_no_agenda_items():
    # "Punkt N:" headings of a plan, no header naming minutes or an agenda (made up in a plan's style)
    text = (
        "Handleplan for klima 2025\n\nPlanen har to punkter, som kommunen arbejder med.\n\n"
        "Punkt 1: Energi i kommunens bygninger\n\nKommunen vil renovere skoler og haller.\n\n"
        "Punkt 2: Transport\n\nFlere borgere skal cykle til arbejde.\n"
    )
    assert all(role != "punkt" for _, _, role in outline(text))


def test_items_over_the_item_a_page_shows_are_items_without_fields():
    """A meeting's page lists a closed item, or the items it does not open, as bare numbered lines
    over the item it shows (made up in the style of agenda systems' web pages): those lines are
    items too, with no fields of their own."""
    text = (
        "Referat\n\nIndholdsfortegnelse\n\n1. Godkendelse af dagsorden\n\n2. Meddelelser\n\n"
        "3. Tilskud til foreningernes lokaler\n\nSagsnummer: 18.20.00-A00-1-24\n\nResume\n\n"
        "Udvalget skal tage stilling til tilskuddet.\n\nBeslutning\n\nGodkendt.\n\n"
        "4. Lukket punkt\n5. Salg af grund\n\nResume\n\nSagen handler om et salg.\n"
    )
    assert [h for _, h, role in outline(text) if role == "punkt"] == [
        "1. Godkendelse af dagsorden",
        "2. Meddelelser",
        "3. Tilskud til foreningernes lokaler",
        "4. Lukket punkt",
        "5. Salg af grund",
    ]


def test_a_table_of_contents_over_the_meetings_record_gives_no_items():
    """A list of the items over the meeting's record ("Fraværende:") is a table of contents, no
    items (made up in that style)."""
    text = (
        "Referat\n\nIndholdsfortegnelse:\n\n12 Budgetopfølgning\n13 Tilskud til lokaler\n\n"
        "Fraværende:\n\nAnne Hansen\n\n12. Budgetopfølgning\n\nSagsfremstilling\n\nBudgettet holder.\n\n"
        "Beslutning\n\nTaget til efterretning.\n"
    )
    assert [h for _, h, role in outline(text) if role == "punkt"] == ["12. Budgetopfølgning"]


def test_a_line_the_text_ends_on_is_no_heading():
    """A page cut off after a heading's first letters ("Økonomiske kon") or a box's title at its
    foot heads nothing: no section (made up in the style of agenda items)."""
    text = "Resume\n\nUdvalget orienteres om status.\n\nSagsfremstilling\n\nIndsatsen er i gang.\n\nØkonomiske kon"
    assert outline(text) == [(1, "Resume", "resume"), (1, "Sagsfremstilling", "sagsfremstilling")]


def test_a_field_the_text_ends_on_stays_a_heading():
    """An agenda's decision field before the meeting has nothing under it yet: it stays a heading
    (made up in the style of agenda items)."""
    text = "Sagsfremstilling\n\nIndsatsen er i gang.\n\nIndstilling\n\nAt sagen tages til efterretning.\n\nBeslutning\n"
    assert outline(text)[-1] == (1, "Beslutning", "beslutning")


def test_a_marked_heading_the_text_ends_on_stays():
    """A heading marked as one (markdown, as Word and HTML files are read) stays a heading at the
    text's end: only a plain text may be cut off (made up)."""
    text = "# Tilskud til foreninger\n\nPuljen er åben.\n\n## Kontakt\n"
    src = read_text_source(Path("side.md"), text.encode("utf-8"), ALL_RULES["ocr_repair.yml"])
    assert [s.heading for s in find_sections(src, RULES) if s.heading][-1:] == ["Kontakt"]


@pytest.mark.parametrize("example", AGENDA.label_cited_examples, ids=lambda e: e["text"])
def test_label_cited_examples(example):
    from extract.structure.agenda_lines import cited_label

    assert cited_label(example["text"], ALL_RULES["headings.yml"]) == example["cited"]


def test_an_item_printing_its_number_twice_is_an_item_though_a_numbered_list_stands_over_it():
    """Made up in the style of a council's minutes page that prints each item's number twice (the
    list's and the item's): the item under a decision's numbered list of absentees is an item."""
    text = (
        "Referat\n\n 1.  1. Godkendelse af dagsordenen\n\n  Sagsfremstilling\n\n  At godkende dagsordenen.\n\n"
        "  Beslutning i Byrådet den 24-06-2026\n\n  Godkendt.\n\n  Afbud:\n  1. Jens Jensen, Ø\n"
        " 2.  2. Orientering fra borgmesteren\n\n  Sagsfremstilling\n\n  Borgmesteren orienterer.\n"
    )
    items = [(level, heading) for level, heading, role in outline(text) if role == AGENDA.item_role]
    assert items == [(1, "1. Godkendelse af dagsordenen"), (1, "2. Orientering fra borgmesteren")]


def test_a_part_of_the_record_over_a_blank_line_is_one_though_a_label_stands_over_it():
    """Made up in the style of a council's minutes page: "Fraværende:" over "Afbud:", then a blank
    line and the names: both are parts of the meeting's record."""
    text = (
        "Referat\n\nDeltagere:\n\nAnne Hansen, A\n\nFraværende:\nAfbud:\n\n\nJens Jensen, Ø\n\n"
        " 1.  1. Godkendelse af dagsordenen\n\n  Sagsfremstilling\n\n  At godkende dagsordenen.\n"
    )
    assert [heading for _, heading, _ in outline(text)][:3] == ["Deltagere", "Fraværende", "Afbud"]


@pytest.mark.parametrize("example", AGENDA.table_cell_examples, ids=lambda e: e["text"][:60])
def test_table_cell_examples(example):
    """A field's name among the header's cells of a table printed a cell to a line under its
    caption is a cell; after the table's cells, over running text, it is the field."""
    item = (
        "Resumé\n\nAdministrationen fremlægger opfølgningen på budgettet for udvalgets område.\n\n"
        "Sagsfremstilling\n\nForligskredsen har indgået forlig om en række ændringer af budgettet for året.\n\n"
    )
    assert (example["heading"] in [heading for _, heading, _ in outline(item + example["text"])]) == example["field"]


def test_items_of_minutes_under_a_header_naming_the_meeting_by_its_body_and_day():
    """Minutes whose fields run on in the items' text are items under a header line naming the
    meeting by its body and day, as under one naming the kind (made up in the style of a
    council's minutes page: "Byrådet 22-11-2016" over "Punkt 171: …")."""
    text = (
        "Byrådet 22-11-2016\nPunkt 171: Godkendelse af dagsorden\n"
        "00.22.02-A26-1-13 Beslutning Byrådet, 22.11.2016 Godkendt.\n"
        "Punkt 172: Endelig vedtagelse af lokalplan for et nyt boligområde\n"
        "Forslaget har været i offentlig høring i otte uger, og der er ikke kommet indsigelser. Godkendt.\n"
    )
    assert [(level, role) for level, _, role in outline(text)] == [(1, "punkt"), (1, "punkt")]
    plan = text.replace("Byrådet 22-11-2016", "Handleplan for boligområdet")
    assert [role for _, _, role in outline(plan)] != ["punkt", "punkt"]  # a plan's "Punkt 1: …" is none


# An item whose fields stand one a line with no blank line between, as one region's agenda
# system prints them (made up in that style): the options and the other committees touched are
# fields beside the others, "Retligt grundlag" the legal basis.
FIELDS_LINE_BY_LINE = """1. Integrationsområdet (O)

Sagsnr.: 330-2018-5844
Beslutningstema
Orientering om status fra området for nyankomne udlændinge.
Retligt grundlag
Integrationsloven.
Handlemuligheder
Ingen bemærkninger.
Økonomiske og personalemæssige konsekvenser
Ingen bemærkninger.
Konsekvenser for andre udvalg
Ingen bemærkninger.
Indstilling
Direktøren indstiller, at orienteringen tages til efterretning.
"""


def test_fields_one_a_line_include_options_legal_basis_and_other_committees():
    assert outline(FIELDS_LINE_BY_LINE) == [
        (1, "1. Integrationsområdet (O)", "punkt"),
        (2, "Beslutningstema", "other"),
        (2, "Retligt grundlag", "lovgrundlag"),
        (2, "Handlemuligheder", "other"),
        (2, "Økonomiske og personalemæssige konsekvenser", "oekonomi"),
        (2, "Konsekvenser for andre udvalg", "other"),
        (2, "Indstilling", "indstilling"),
    ]


# written in the style of a council's minutes copied from its web page, which lost each item's title
# and prints only the item's access over its fields
MARKED_ITEMS = """Byrådet 15. maj 2023

Åben

Beslutning

Godkendt.

Åben

Indstilling

Udvalget indstiller, at regnskabet godkendes.

Beslutning

Godkendt.

Åben

Indstilling

Udvalget indstiller, at der ydes en kommunal lånegaranti på 2,9 mio. kr.

Beslutning

Godkendt.
"""


def test_an_items_access_mark_over_its_fields_stands_for_the_lost_title():
    assert outline(MARKED_ITEMS) == [
        (1, "Åben", "other"),
        (2, "Beslutning", "beslutning"),
        (1, "Åben", "other"),
        (2, "Indstilling", "indstilling"),
        (2, "Beslutning", "beslutning"),
        (1, "Åben", "other"),
        (2, "Indstilling", "indstilling"),
        (2, "Beslutning", "beslutning"),
    ]


def test_an_access_mark_under_an_items_title_is_no_heading():
    text = (
        "1. Godkendelse af dagsorden\n\nÅben\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Regnskab 2022\n\nÅben\n\nIndstilling\n\nUdvalget indstiller, at regnskabet godkendes.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert outline(text) == [
        (1, "1. Godkendelse af dagsorden", "punkt"),
        (2, "Beslutning", "beslutning"),
        (1, "2. Regnskab 2022", "punkt"),
        (2, "Indstilling", "indstilling"),
        (2, "Beslutning", "beslutning"),
    ]


# written in the style of one agenda system's meeting pages: the header's fields, the part over the
# items, then each item with its fields (the page's title is its meeting's)
PARTS_OVER_ITEMS = """Dagsordener og referater

Udvalg: Beskæftigelsesudvalget
Mødedato: 28. april 2021
Mødested: Rådhuset

Dagsordenpunkter

Sagsnr.: 15.00.00-A00-19-20

Drøftelse af fleksjobstrategi

Sagsresume

Udvalget drøfter en ny strategi for fleksjob i kommunen.

Sagsfremstilling

Strategien skal styrke indsatsen for borgere i fleksjob.

Sagsnr.: 15.00.00-A00-20-20

Opfølgning på budgetforlig

Sagsresume

Udvalget orienteres om status på budgetforliget.

Sagsfremstilling

Forliget følges op hvert kvartal.
"""


def test_a_part_over_the_items_above_the_first_items_title_is_a_part_of_the_record(tmp_path):
    assert outline(PARTS_OVER_ITEMS)[:2] == [(1, "Dagsordenpunkter", "other"), (1, "Sagsresume", "resume")]
    meta = extract_text(PARTS_OVER_ITEMS, tmp_path, "udvalg.txt").meta
    assert meta.date == "2021-04-28" and meta.title != "Dagsordenpunkter"


def test_a_part_of_the_record_over_the_headers_day_leaves_the_day_to_the_header(tmp_path):
    """Written in the style of a council's minutes page that lists those present over its day."""
    text = (
        "Deltagere:\n\nAnne Hansen\n\nPeter Jensen\n\nDato: Tirsdag den 10. september 2019\n\n"
        "1. Orientering fra borgmesteren\n\nSagsfremstilling\n\nBorgmesteren orienterede udvalget.\n\n"
        "Beslutning\n\nTaget til efterretning.\n\n"
        "2. Budget 2020\n\nSagsfremstilling\n\nBudgettet drøftes.\n\nBeslutning\n\nDrøftet.\n"
    )
    assert outline(text)[0] == (1, "Deltagere", "other")
    assert extract_text(text, tmp_path, "udvalg.txt").meta.date == "2019-09-10"


def test_an_items_title_printed_again_under_its_numbered_line_is_the_same_item():
    """Written in the style of one agenda system's minutes pages (two bodies' minutes): each item's
    numbered line, then its title alone again, then its fields."""
    text = (
        "Referat fra ekstraordinært møde\n\n"
        "12. Godkendelse af dagsorden\n\nGodkendelse af dagsorden\n\n"
        "Sagsgang og sagstype\nByrådet\n\nIndstilling\nDirektøren indstiller, at dagsordenen godkendes.\n\n"
        "Beslutning i Byrådet den 29-06-2016\nGodkendt.\n\n"
        "13. Budgetrevision 2\n\nBudgetrevision 2\n\n"
        "Sagsgang og sagstype\nByrådet\n\nIndstilling\nDirektøren indstiller, at revisionen godkendes.\n\n"
        "Beslutning i Byrådet den 29-06-2016\nGodkendt.\n"
    )
    items = [(level, heading) for level, heading, role in outline(text) if role == "punkt"]
    assert items == [(1, "12. Godkendelse af dagsorden"), (1, "13. Budgetrevision 2")]
    assert (2, "Sagsgang og sagstype", "other") in outline(text)


@pytest.mark.parametrize("example", AGENDA.glued_examples, ids=lambda e: e["text"])
def test_glued_field_examples(example):
    found = field_at_start(example["text"], AGENDA)
    assert (example["text"][: found[1]] if found else None) == example["field"]


def test_fields_glued_to_their_text_are_an_items_fields():
    """Written in the style of one municipality's minutes pages, which run each field's name into
    its text and number their items "1: …" or "1 : …", a button's line over each."""
    text = (
        "Referat: 30. september 2025 kl. 08:30\nDeltagere\n- Anne Hansen\n- Peter Jensen\n"
        "Kopier link til punktet - Print\n1 : Godkendelse af dagsorden\nSagsnr:\nBilagIngen bilag.\n"
        "BeslutningGodkendt.\nKopier link til punktet - Print\n2 : Budget 2026\nSagsnr: 24-025116\n"
        "SagsfremstillingBudgettet fremsendes til 2. behandling.\nBeslutningAnbefales.\n"
    )
    assert outline(text) == [
        (1, "Deltagere", "other"),
        (1, "1 : Godkendelse af dagsorden", "punkt"),
        (2, "Bilag", "bilag"),
        (2, "Beslutning", "beslutning"),
        (1, "2 : Budget 2026", "punkt"),
        (2, "Sagsfremstilling", "sagsfremstilling"),
        (2, "Beslutning", "beslutning"),
    ]


def test_an_item_numbered_inside_a_run_on_transcript_heads_its_fields():
    """Written in the style of a document site's transcripts of two municipalities' minutes: each
    page one run-on line, the item's number after the page's "Side N", its fields named inside."""
    page = (
        "4 Side 4 2. BU - Valg af næstformand Sagsnr.: 10/17 Resumé: Udvalget skal vælge en næstformand for "
        "resten af valgperioden, da den hidtidige næstformand er udtrådt af udvalget. Indstilling: Direktionen "
        "indstiller, at udvalget vælger en næstformand blandt sine medlemmer. Beslutning Udvalget valgte "
        "Anne Hansen som næstformand for resten af valgperioden, og valget træder i kraft straks."
    )
    text = "Referat Børneudvalget\n\nTranskript\n\n" + page + "\n"
    assert outline(text) == [
        (1, "2. BU - Valg af næstformand", "punkt"),
        (2, "Resumé", "resume"),
        (2, "Indstilling", "indstilling"),
        (2, "Beslutning", "beslutning"),
    ]


def test_the_run_in_fields_colon_roles_are_roles(tmp_path):
    error = _refused(tmp_path, "  colon_roles: [resume, ", "  colon_roles: [resumé, ")
    assert "colon_roles" in error and "headings.yml" in error


def test_an_item_over_a_pages_button_and_the_committees_decisions_on_their_days(tmp_path):
    """A numbered line over the next item with only a page's button between ("Til toppen") is an item
    whose fields the page does not show; an item's title may open with an ordinal ("15.   1.
    Økonomiske …"); each committee that treated the case names its decision by its name and day
    ("Kultur- og Idrætsudvalget 11-01-2021"), a field of the item (made up in the style of a
    municipality's minutes)."""
    text = (
        "Deltagere:\n\nAnne Hansen, (A)\nBo Jensen, (V)\n\n\n14.   Godkendelse af dagsorden\n\n\n\nTil toppen\n\n\n"
        "15.   1. Økonomiske Redegørelse 2021\n\n\nIndstilling\n\nDirektionen indstiller, at redegørelsen tages til "
        "efterretning.\n\nKultur- og Idrætsudvalget 11-01-2022\nDrøftet og taget til efterretning.\n\n"
        "Økonomiudvalget 12-01-2022\nAnbefales.\n\nBaggrund og vurdering\n\nRedegørelsen viser et mindreforbrug.\n"
    )
    found = [(s.heading, s.role) for s in extract_text(text, tmp_path, "referat.txt").sections if s.heading]
    assert ("14. Godkendelse af dagsorden", "punkt") in found
    assert ("15. 1. Økonomiske Redegørelse 2021", "punkt") in found
    assert ("Kultur- og Idrætsudvalget 11-01-2022", "beslutning") in found
    assert ("Økonomiudvalget 12-01-2022", "beslutning") in found


# A meeting's page of one agenda system (pages of two committees of one municipality, 2025; made up in
# their style): the items numbered "N : title", a closed one "N LUKKET PUNKT: title" with no field under
# it but its case number, the field's name glued to its text.
CLOSED_ITEM = """Referat: 9. april 2026 kl. 13:00
Deltagere
- Anne Holm
- Peter Lund
Kopier link til punktet - Print
1 : Godkendelse af dagsorden
Sagsnr:
BilagIngen bilag.
BeslutningTeknisk Udvalg godkendte dagsordenen.
Kopier link til punktet - Print
2 LUKKET PUNKT: Salg af grund ved havnen
Sagsnr: 26-012345
Kopier link til punktet - Print
3 : Skolevej 12, 6950 - Dispensation fra lokalplan
Sagsnr: 26-010944
SagsfremstillingUdvalget skal tage stilling til en dispensation fra lokalplanen.
"""


def test_a_closed_item_over_its_case_number_alone_is_an_item_numbered_as_the_others():
    items = [(level, heading) for level, heading, role in outline(CLOSED_ITEM) if role == AGENDA.item_role]
    assert items == [
        (1, "1 : Godkendelse af dagsorden"),
        (1, "2 LUKKET PUNKT: Salg af grund ved havnen"),
        (1, "3 : Skolevej 12, 6950 - Dispensation fra lokalplan"),
    ]


LAW_AND_PLANS = """Sagens kerne

Kommunalbestyrelsen skal vedtage lokalplanen endeligt.

Indstilling

Forvaltningen indstiller, at lokalplanen vedtages.

Lov- og plangrundlag

Planloven og kommuneplanen.

Økonomiske konsekvenser

Ingen.
"""


def test_the_field_of_the_law_and_plans_a_case_rests_on_is_its_legal_basis():
    """ "Lov- og plangrundlag" (one council's agenda system; made up in its style) is the item's field of
    its legal basis, beside the other fields."""
    assert [(h, role) for _, h, role in outline(LAW_AND_PLANS)] == [
        ("Sagens kerne", "other"),
        ("Indstilling", "indstilling"),
        ("Lov- og plangrundlag", "lovgrundlag"),
        ("Økonomiske konsekvenser", "oekonomi"),
    ]
