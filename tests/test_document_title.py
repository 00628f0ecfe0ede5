"""The document's title as a reader names it: an agenda item by its item, a meeting's page of
several items by its kind word and body, never empty."""

from __future__ import annotations

import pytest
from conftest import RULES as ALL_RULES
from conftest import extract_text

from extract.extractors.document_title import narrows
from extract.extractors.meeting_body import meeting_body
from extract.extractors.title_line import first_title_line

HEADINGS = ALL_RULES["headings.yml"]
DATES = ALL_RULES["dates.yml"]


def _meta_of(text, tmp_path, name="kommune_utm_2024-10-07_p07_side.txt"):
    return extract_text(text, tmp_path, name).meta


@pytest.mark.parametrize("example", HEADINGS.titles.body_on_date_examples, ids=lambda e: e["text"][:30])
def test_body_on_date_examples(example):
    assert meeting_body(example["text"], [], HEADINGS, example["date"], DATES) == example["body"]


# The pages below are made up in the style of agenda systems' web pages (the development corpus
# holds single agenda items without a meeting's header).

ONE_ITEM = """Udvalg: Teknisk Udvalg
Mødedato: 7. oktober 2024
Mødested: Rådhuset

Dagsordenpunkter

127. Frigivelse af anlægsbevilling til en cykelsti

Sagsnr.: 01.02.03

Sagsresume

Der søges om frigivelse af 2,0 mio. kr.

Sagsfremstilling

Cykelstien anlægges i 2025.

Indstilling

Forvaltningen indstiller, at bevillingen frigives.
"""

TWO_ITEMS = """07. okt 2024

Deltagere:

 • Anne Hansen (A)
 • Bo Jensen (V)

12. Godkendelse af dagsorden

Sagstema

Dagsordenen for mødet forelægges til godkendelse.

Høring og sagsgang

Erhvervsudvalget den 7. oktober 2024

Beslutning

Godkendt.

13. Ny strategi for erhvervsservice

Sagstema

Udkast til strategi.

Høring og sagsgang

Erhvervsudvalget den 7. oktober 2024
Byrådet den 29. oktober 2024

Beslutning

Anbefales.
"""

BODY_OVER_ITEMS = """Kommunalbestyrelsen

07-10-2024

Sager 88 - 89

Budgetforslag 2025
Sag nr. 88

Sagens kerne

Budgetforslaget fremlægges til 1. behandling.

Beslutning

Oversendt til 2. behandling.

Diverse
Sag nr. 89

Beslutning

Taget til efterretning.
"""

MINUTES_OF_ONE_ITEM = """Referat for Teknik- og Miljøudvalget møde den 7. oktober 2024

Møde:
Teknik- og Miljøudvalget
Mødetid:
7. oktober 2024 kl. 14:00

ÅBNE SAGER

41. Frigivelse af midler til cykelstier
Sagsnr.: 2024-001234

Præsentation:

Frigivelse af midler.

Forvaltningen foreslår:

 • At midlerne frigives.

Sagsbeskrivelse:

Midlerne udgør 2 mio. kr.
"""

PAGE_FLIP = """1 Referat Udvalget for Plan & Klima torsdag den 10. oktober 2024 Kl. 15:30 i Mødelokale 3

2 Indholdsfortegnelse 1. Dagsordenen 2. Cykelstier i høring Eventuelt...5

3 Kommunen Udvalget for Plan & Klima Side 1 1. Dagsordenen Beslutning: Dagsordenen blev vedtaget.
"""


def test_a_meeting_header_over_one_item_is_titled_by_the_item(tmp_path):
    found = _meta_of(ONE_ITEM, tmp_path)
    assert (found.title, found.date) == ("Frigivelse af anlægsbevilling til en cykelsti", "2024-10-07")


def test_a_page_of_several_items_is_the_minutes_of_the_body_named_beside_the_meeting_day(tmp_path):
    found = _meta_of(TWO_ITEMS, tmp_path)
    assert (found.title, found.kind, found.date) == ("Referat Erhvervsudvalget", "referat", "2024-10-07")


def test_a_body_beside_another_day_is_not_the_meetings():
    text = TWO_ITEMS.replace("Erhvervsudvalget den 7. oktober 2024", "Erhvervsudvalget den 2. september 2024")
    assert meeting_body(text, [], HEADINGS, "2024-10-07", DATES) is None


def test_a_body_named_alone_over_several_items_is_the_minutes_body(tmp_path):
    found = _meta_of(BODY_OVER_ITEMS, tmp_path)
    assert (found.title, found.date) == ("Referat Kommunalbestyrelsen", "2024-10-07")


def test_a_page_naming_itself_minutes_is_the_minutes_even_over_one_item(tmp_path):
    """Readers title a page whose header says "Referat for …" as the meeting's minutes, however
    few of its items the page shows (a header without the kind word over one item is that item:
    test_a_meeting_header_over_one_item_is_titled_by_the_item)."""
    found = _meta_of(MINUTES_OF_ONE_ITEM, tmp_path)
    assert (found.title, found.kind) == ("Referat Teknik- og Miljøudvalget", "referat")
    two = MINUTES_OF_ONE_ITEM.replace(
        "ÅBNE SAGER\n", "ÅBNE SAGER\n\n40. Godkendelse af dagsorden\n\nBeslutning:\n\nGodkendt.\n"
    )
    assert _meta_of(two, tmp_path).title == "Referat Teknik- og Miljøudvalget"


# made up in the style of a minutes page whose header names the meeting without a kind word and
# glues each item's number to its title (the development corpus holds no such page)
MEETING_LINE = """Klima og Miljøs møde den 07. oktober 2024
Mødelokale 2 kl. 08.00
12Godkendelse af dagsorden
Beslutning
Godkendt.
13Orientering om klimaplanen
Resume
Udvalget orienteres om klimaplanen.
Indstilling
Det indstilles, at orienteringen tages til efterretning.
"""


def test_a_header_naming_the_meeting_gives_the_minutes_title(tmp_path):
    found = _meta_of(MEETING_LINE, tmp_path)
    assert (found.title, found.date) == ("Referat Klima og Miljø", "2024-10-07")


def test_an_item_about_another_meeting_keeps_its_title(tmp_path):
    text = MEETING_LINE.replace("Klima og Miljøs møde", "Orientering fra Kontaktrådets møde", 1)
    assert _meta_of(text, tmp_path).title == "Orientering fra Kontaktrådets møde"


# the heading line of a council's news pages, in the style of two municipalities' "Nyt fra
# byrådet"/"Nyt fra byrådsmødet" pages: the day belongs to the headline
NEWS_HEADLINE = """Nyt fra byrådet den 11. oktober 2023

Byrådet vedtog på mødet budgettet for 2024-2027.
"""


def test_a_news_headline_keeps_its_day(tmp_path):
    found = _meta_of(NEWS_HEADLINE, tmp_path, name="nyt-fra-byraadet.txt")
    assert (found.title, found.date) == ("Nyt fra byrådet den 11. oktober 2023", "2023-10-11")


def test_an_items_case_number_in_brackets_is_no_part_of_its_title_but_a_period_is():
    """Written in the style of one council's item pages, whose readers drop the case's number."""
    from extract.structure.titles import clean_title

    assert clean_title("B-sag: Administrative bevillinger fra puljen for børn og unge (2017-0370854)", HEADINGS) == (
        "B-sag: Administrative bevillinger fra puljen for børn og unge"
    )
    assert clean_title("Budgetaftale (2024-2027)", HEADINGS) == "Budgetaftale (2024-2027)"


def test_a_title_naming_a_body_is_no_body_alone():
    from extract.extractors.document_title import body_alone

    assert body_alone("Beskæftigelsesudvalget", HEADINGS)
    assert body_alone("Udvalget for Teknik og Miljø", HEADINGS)
    assert not body_alone("Budgetopfølgning 1 2022, Beskæftigelses- og Erhvervsudvalget", HEADINGS)
    assert not body_alone("Udbetalt tilskud til Kulturområdet 2021", HEADINGS)
    assert not body_alone("Færdselssikkerhedsrådet - Referat", HEADINGS)


@pytest.mark.parametrize("example", HEADINGS.titles.never_title_examples, ids=lambda e: e["text"][:30])
def test_never_title_examples(example):
    assert bool(HEADINGS.titles.never_title.search(example["text"])) == example["never"]


@pytest.mark.parametrize("example", HEADINGS.titles.field_heading_examples, ids=lambda e: e["text"][:30])
def test_field_heading_examples(example):
    assert bool(HEADINGS.titles.field_heading.match(example["text"])) == example["field"]


def test_a_page_opening_at_a_pools_field_has_no_title_and_keeps_its_headings(tmp_path):
    """A pool's page copied from its first field on ("Hvem kan søge?" over its answer) has no title
    line: the search stops at the field (no later line, "Midlerne fordeles …:", is taken), and the
    field stays a heading (made up in the style of pool pages)."""
    text = (
        "Hvem kan søge?\n\nAlle godkendte foreninger kan søge puljen.\n\nPuljens størrelse:\n\n"
        "Puljen er på 150.000 kr. i 2021.\n\nMidlerne fordeles med 1/3 på hvert af de følgende 3 puljer:\n\n"
        " 1. Erhverv\n 2. Frivillighed\n 3. Kultur\n"
    )
    found = extract_text(text, tmp_path, "pulje.txt")
    assert found.meta.title is None
    assert "Hvem kan søge?" in [s.heading for s in found.sections]


def test_a_page_opening_at_its_first_numbered_section_has_no_title(tmp_path):
    """A page copied from its first section on ("1. Indledning" over running text) has no title line:
    the standard sub-heading is the document's first section (made up in the style of a budget
    agreement's web page)."""
    text = (
        "1. Indledning\n\nDenne budgetaftale bygger videre på den retning, som byrådet har lagt.\n\n"
        "2. De økonomiske rammebetingelser\n\nKommunens gæld udgør knapt 2 mia. kr.\n"
    )
    assert _meta_of(text, tmp_path, "aftale.txt").title is None


def test_a_page_flip_header_gives_title_and_meeting_day(tmp_path):
    found = _meta_of(PAGE_FLIP, tmp_path)
    assert (found.title, found.date, found.date_basis) == ("Referat Udvalget for Plan & Klima", "2024-10-10", "text")


def test_without_a_title_line_the_first_line_reading_as_a_title_is_the_title(tmp_path):
    text = "• Anne Hansen (A)\nOrientering om nøgletal for ledigheden\nUdvalget orienteres om ledigheden i september.\n"
    assert first_title_line(text, HEADINGS) == "Orientering om nøgletal for ledigheden"
    assert _meta_of(text, tmp_path, "notat.txt").title == "Orientering om nøgletal for ledigheden"


def test_a_text_with_no_title_line_has_no_title_not_its_file_names_words(tmp_path):
    """Readers label no title where the text holds no title line; the file's name stays its path."""
    name = "kommune_2024-10-07_p03_tilskud-til-foreninger.txt"
    assert _meta_of("• 1.000 kr.\n• 2.000 kr.\n", tmp_path, name).title is None
    opening = (
        "Kommunen yder hvert år et tilskud til foreningernes frivillige sociale arbejde.\n\nSøg senest 1. april.\n"
    )
    assert first_title_line(opening, HEADINGS) is None
    assert _meta_of(opening, tmp_path, name).title is None


# a pool's page copied without its headline, in the style of two municipalities' pool pages: it
# opens with its standard sub-heading "Formål"
POOL_WITHOUT_HEADLINE = """Formål

Støtte til mindre projekter og aktiviteter, som gør kommunen til et mere levende sted at bo.

Hvem kan søge:

 • Foreninger
 • Institutioner

Kriterier for at søge

Der lægges vægt på, at aktiviteten er åben for alle.
"""


def test_a_page_opening_with_a_standard_sub_heading_has_no_title_and_keeps_its_headings(tmp_path):
    found = extract_text(POOL_WITHOUT_HEADLINE, tmp_path, "pulje.txt")
    assert found.meta.title is None
    headings = [s.heading for s in found.sections if s.heading]
    assert headings[:1] == ["Formål"] and "Kriterier for at søge" in headings


def test_a_headline_over_its_date_and_hour_in_one_paragraph_is_the_title(tmp_path):
    # made up in the style of a municipality's press release copied onto a local portal
    text = "Ny pulje til foreningslivet i kommunen\n25-04-2021 09:00\n\nNy pulje til foreningslivet\n\ni kommunen\n"
    found = _meta_of(text, tmp_path, "nyhed.txt")
    assert (found.title, found.date) == ("Ny pulje til foreningslivet i kommunen", "2021-04-25")


def test_minutes_of_another_meeting_among_an_items_attachments_are_not_its_title(tmp_path):
    text = (
        "Ny strategi for cykeltrafik\n\nSagsfremstilling\n\nStrategien er drøftet i rådene.\n\n"
        "Bilag\n\nReferat fra mødet i Handicaprådet\n"
    )
    assert _meta_of(text, tmp_path).title == "Ny strategi for cykeltrafik"


def test_a_body_is_a_name_not_a_phrase_after_the_kind_word():
    from extract.structure.titles import body_of

    assert body_of("af Handicaprådets møde den 3. oktober 2024", HEADINGS) is None
    assert body_of("Teknisk Udvalgs møde den 3. oktober 2024", HEADINGS) == "Teknisk Udvalg"


# A municipality's web page that is no agenda item (a plan, a pool's guidelines, a news item):
# the guide is silent; readers title it by the page's own heading line. Made up in that style.
WEB_PAGE = """Budgetlægning 2027-2030

Her på siden følger vi arbejdet med budgettet for 2027-2030, fra forslag til vedtagelse.

Tidsplan

Byrådet vedtager budgettet ved 2. behandlingen den 8. oktober 2026.
"""


def test_a_web_page_that_is_no_agenda_item_keeps_its_heading_line(tmp_path):
    found = _meta_of(WEB_PAGE, tmp_path, name="kommune_budgetlaegning-2027-2030.txt")
    assert found.title == "Budgetlægning 2027-2030"


# A meeting's page whose header names only the body; it heads its list of items "Åben dagsorden"
# (made up in the style of such pages).
OPEN_AGENDA = """Frivillighedsrådet

07.10.2024 kl. 17:00
Rådhuset, mødelokale 2

Deltagere
 • Anne Hansen - Deltog
 • Peter Lund - Deltog

Åben dagsorden

 1. Godkendelse af dagsorden
 2. Uddeling af puljen til lokale kulturprojekter

Beslutning

Godkendt.

Sagsfremstilling

Rådet fordeler puljen efter de vedtagne kriterier.
"""


def test_a_page_naming_its_kind_only_over_its_items_takes_that_kind_until_it_holds_a_decision(tmp_path):
    """Agenda systems keep a meeting's page and its list's label ("Åben dagsorden") after the
    meeting and add the decisions: a decision written makes the page minutes (two readers of two
    such pages of one system said so); without one it is the agenda its label says."""
    assert _meta_of(OPEN_AGENDA, tmp_path).title == "Referat Frivillighedsrådet"
    undecided = OPEN_AGENDA.replace("Beslutning\n\nGodkendt.\n\n", "")
    assert _meta_of(undecided, tmp_path).title == "Dagsorden Frivillighedsrådet"
    unnamed = OPEN_AGENDA.replace("Åben dagsorden\n\n", "")
    assert _meta_of(unnamed, tmp_path).title == "Referat Frivillighedsrådet"


def test_a_page_listing_its_items_under_its_part_is_the_meetings_though_one_items_fields_show(tmp_path):
    """The list under "Åben dagsorden" names two items, the first written out as a sentence; the
    page shows the second's fields only: it is the meeting's minutes, not that item (made up in
    the style of such pages)."""
    text = OPEN_AGENDA.replace(
        " 1. Godkendelse af dagsorden\n 2. Uddeling af puljen til lokale kulturprojekter\n",
        " 1. Rådet har modtaget en ny udtalelse om reglerne for offentliggørelse af beslutninger.\n"
        " 2. Uddeling af puljen til lokale kulturprojekter\n\n  Bilag\n  1 bilag\n",
    )
    assert _meta_of(text, tmp_path).title == "Referat Frivillighedsrådet"


def test_minutes_without_a_header_are_titled_by_the_body_of_their_decisions(tmp_path):
    """A meeting's page whose header names no body (or that starts with its first item) takes
    the body of the decision under its items, "Beslutning i Byrådet 27. november 2024", with or
    without "den", indented as a web page prints it (made up in the style of such pages)."""
    items = (
        "1.      Spørgetid\n\nSagsfremstilling\n\nBorgerne kan stille spørgsmål i en halv time.\n\n"
        "  Beslutning i Byrådet 27. november 2024:\n\n  Ingen spørgsmål.\n\n"
        "2.      Indkaldelse af stedfortræder\n\nSagsfremstilling\n\nEt medlem har forfald.\n\n"
        "  Beslutning i Byrådet 27. november 2024:\n\n  Godkendt.\n"
    )
    assert _meta_of(items, tmp_path).title == "Referat Byrådet"
    headed = "Referat\n\nDeltagere:\n\nAnne Holm,\nBo Hansen,\n\n" + items.replace("Byrådet 27.", "Byrådet den 27.")
    assert _meta_of(headed, tmp_path).title == "Referat Byrådet"
    two = headed.replace(
        "Beslutning i Byrådet den 27. november 2024:\n\n  Godkendt.",
        "Beslutning i Økonomiudvalget den 20. november 2024:\n\n  Anbefalet.",
    )
    assert _meta_of(two, tmp_path).title == "Referat"  # two bodies: neither is the meeting's


def test_a_header_field_naming_the_body_makes_a_meetings_page(tmp_path):
    """A header of fields ("Udvalg: Kommunalbestyrelsen 2022-2025", "Mødedato: …") over items
    whose titles the page does not print is the meeting's page, the election period dropped
    (made up in the style of such a page)."""
    text = (
        "Udvalg: Kommunalbestyrelsen 2022-2025\nMødedato: 28. maj 2025\nMødested: Byrådssalen\n"
        "Sagsnr.: 00.01.00-P35-12-25\nBeslutningstema\nMødets deltagere noteres her.\n"
        "Sagsnr.: 00.30.14-S00-7-25\nBeslutningstema\nKommunalbestyrelsen skal godkende årsregnskabet.\n"
        "Sagsfremstilling\nRegnskabet viser et overskud.\n"
    )
    assert _meta_of(text, tmp_path).title.endswith(" Kommunalbestyrelsen")


def test_a_covers_title_over_two_lines_is_read_whole_and_its_month_is_no_title(tmp_path):
    # made up in the style of a budget book copied as text (its cover lines without blank lines)
    text = "FORORD 2\nVestby Kommune\nSeptember 2024\nBudget 2025 og\nBudgetoverslag 2026 - 2029\nIndhold\nForord 3\n"
    text += "Budget 2025 er vedtaget af et enigt byråd, og det glæder mig som borgmester.\n"
    assert _meta_of(text, tmp_path, "kommune_budget-2025.txt").title == "Budget 2025 og Budgetoverslag 2026 - 2029"


def test_a_line_that_leads_in_to_a_list_is_no_title(tmp_path):
    # made up in the style of a municipality's web page on a plan (its first lines lead in to lists)
    text = "Der er 3 spor i handleplanen:\n\n • Spor 1 Læring og uddannelse\n • Spor 2 Beskæftigelse\n\n"
    text += "Økonomiudvalget har ansvaret for:\n\n • Integrationspolitik\n • Modtagelse af flygtninge\n\n"
    text += "Planen følges op hvert år i Økonomiudvalget, som også godkender handleplanen.\n"
    found = _meta_of(text, tmp_path, "kommune_integrationsplan.txt")
    assert found.title not in {"Der er 3 spor i handleplanen", "Økonomiudvalget har ansvaret for"}
    assert found.kind != "referat"


def test_a_body_under_the_case_history_is_not_the_meetings_when_its_day_is_unknown(tmp_path):
    """A meeting's page of two items that names neither the meeting's day nor its body takes no
    body from the earlier treatments listed under "Sagsforløb" ("Økonomiudvalget den 10.
    september 2024"): only the item's own decision names the meeting's body (made up in the
    style of agenda systems' pages)."""
    items = (
        "1. Anlægsbevilling til en ny hal\n\nSagsfremstilling\n\nHallen skal bygges i 2025.\n\n"
        "Sagsforløb\n\nØkonomiudvalget den 10. september 2024\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Tilskud til foreninger\n\nSagsfremstilling\n\nForeningerne kan søge tilskud.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    text = "Referat\n\nDeltagere:\n\nAnne Holm,\nBo Hansen,\n\n" + items
    assert meeting_body(text, [], HEADINGS, None, DATES) is None
    assert _meta_of(text, tmp_path, "kommune_side.txt").title == "Referat"
    decided = text.replace(
        "Beslutning\n\nGodkendt.\n\n2.", "Beslutning i Byrådet den 1. oktober 2024\n\nGodkendt.\n\n2."
    )
    assert meeting_body(decided, [], HEADINGS, None, DATES) == "Byrådet"


def test_a_title_joined_over_two_lines_that_reads_as_a_sentence_is_no_title():
    """The first line breaks off after a word that leads on, and with the next line it is a
    sentence (made up in the style of a web page's opening lines): no title."""
    text = "Kommunen har i år afsat penge til\nforeningernes arbejde med unge.\n\nPuljen til unge\n\nTekst.\n"
    assert first_title_line(text, HEADINGS) == "Puljen til unge"
    cover = "Budget 2025 og\nBudgetoverslag 2026 - 2029\n\nIndhold\n"
    assert first_title_line(cover, HEADINGS) == "Budget 2025 og Budgetoverslag 2026 - 2029"


def test_a_title_broken_off_after_a_bodys_genitive_goes_on_on_the_next_line():
    """A title line that ends in a municipality's or a council's genitive ("Nordby Kommunes",
    made up in the style of a budget agreement's cover) leads on: the next line is the rest."""
    cover = "Nordby Kommunes\nBudgetaftale indgået for 2027 og 2028\n\nI Nordby Kommune skal alle have et godt liv.\n"
    assert first_title_line(cover, HEADINGS) == "Nordby Kommunes Budgetaftale indgået for 2027 og 2028"
    council = "Politisk aftale om Sydby Byråds\nbudget 2027-2030\n\nTekst.\n"
    assert first_title_line(council, HEADINGS) == "Politisk aftale om Sydby Byråds budget 2027-2030"


@pytest.mark.parametrize("example", HEADINGS.titles.body_period_examples, ids=lambda e: e["text"])
def test_body_period_examples(example):
    """Only two years that span an election period are dropped beside a body's name."""
    from extract.structure.titles import drop_period

    assert drop_period(example["text"], HEADINGS).strip() == example["body"]


@pytest.mark.parametrize("example", HEADINGS.titles.body_place_examples, ids=lambda e: e["text"])
def test_body_place_examples(example):
    """The municipality or region a header names with its body is no part of the body's name; a
    name in capitals is written as running text writes it."""
    from extract.structure.titles import body_of

    assert body_of(example["text"], HEADINGS) == example["body"]


@pytest.mark.parametrize("example", HEADINGS.titles.committee_label_examples, ids=lambda e: e["text"][:30])
def test_committee_label_examples(example):
    """A committee's field names the committee whatever its name holds."""
    from extract.structure.titles import labelled_body, text_lines

    assert labelled_body(text_lines(example["text"]), HEADINGS) == example["body"]


def test_a_minutes_header_naming_the_municipality_is_titled_by_the_body_alone(tmp_path):
    """Made up in the style of a council's agenda page that names the municipality over its body."""
    text = (
        "Tønder Kommune – Kommunalbestyrelsen\nDagsorden\nMødedato:\n25. juni 2025\nMødelokale:\nByrådssalen\n\n"
        "1. Godkendelse af dagsorden\n\nSagsfremstilling\n\nDagsordenen forelægges til godkendelse.\n\n"
        "Indstilling\n\nAdministrationen indstiller, at dagsordenen godkendes.\n\n"
        "2. Trafikplan 2026\n\nSagsfremstilling\n\nTrafikplanen sendes i høring i efteråret.\n\n"
        "Indstilling\n\nAdministrationen indstiller, at planen sendes i høring.\n"
    )
    assert _meta_of(text, tmp_path, "kommune_side.txt").title == "Dagsorden Kommunalbestyrelsen"


def test_a_page_listing_the_meetings_items_is_the_meetings_though_it_shows_one(tmp_path):
    """Made up in the style of a meeting's page that lists its items with their status, links back
    to the list and prints the one item shown with its number parted from the title by spaces:
    readers of three such pages of two municipalities titled each by the meeting, not the item."""
    text = (
        "Dagsordenspunkter\n\n  åbent 1 Handleplan for erhverv\n  åbent 2 Handleplan for turisme\n\n"
        "Til indholdsfortegnelse\n\n Åbent  Møde.\n\n 1                  Handleplan for erhverv\n\n"
        "                 00.01.10P22-0002\n\nResumé\n\nUdvalget skal drøfte handleplanen for erhverv.\n\n"
        "Sagsfremstilling\n\nHandleplanen bygger på dialog med virksomhederne i kommunen.\n"
    )
    assert _meta_of(text, tmp_path, "kommune_side.txt").title == "Dagsorden"
    named = text.replace("Udvalget skal", "Social- og Sundhedsudvalget\n\nUdvalget skal")
    assert _meta_of(named, tmp_path, "kommune_side.txt").title == "Dagsorden Social- og Sundhedsudvalget"


def test_the_body_after_the_kind_word_is_read_from_its_label():
    """ "Referat" over "Udvalg: Teknisk Udvalg" (made up in the style of a meeting's header)."""
    from conftest import RULES as R

    from extract.structure.titles import _after_kind_word

    text = "Referat\nUdvalg: Teknisk Udvalg\nMødedato: 01-10-2024\n"
    assert _after_kind_word(text, R["headings.yml"])[1] == "Referat Teknisk Udvalg"


def test_an_item_treated_again_printing_its_fields_twice_is_one_item(tmp_path):
    """A forwarded item prints its case text again under the later treatment ("Sagsfremstilling"
    under "Indstilling"): its first field standing twice is no proof of several items (made up
    in the style of an agenda system's item page under a header of fields)."""
    text = (
        "Udvalg: Byrådet\nMødedato: 13. marts 2024\n\nAnlægsbevilling til ny cykelsti\n\n"
        "Sagsfremstilling\n\nDer søges om en anlægsbevilling til en ny cykelsti langs Hovedgaden.\n\n"
        "Indstilling\n\nAdministrationen indstiller, at der gives en anlægsbevilling.\n\n"
        "Sagsfremstilling\n\nØkonomiudvalget behandlede sagen den 4. marts 2024 og anbefaler indstillingen.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    found = _meta_of(text, tmp_path, "kommune_byraad_2024-03-13_p12_cykelsti.txt")
    assert (found.title, found.kind) == ("Anlægsbevilling til ny cykelsti", "dagsordenspunkt")
    # two items, each title over the table of the bodies the case goes through: several
    item = "Sagsnr.: 24/{0} Sagsbehandler: Anne Holm\n\n{1}\n\nTMU\n\nØKE\n\n X\n\nSagsresume\n\n{1} forelægges.\n\n"
    items = item.format(1234, "Trafikplan 2025") + "Beslutning\n\nGodkendt.\n\n" + item.format(5678, "Nye cykelstier")
    found = _meta_of("Udvalg: Teknisk Udvalg\nMødedato: 7. oktober 2024\n\n" + items, tmp_path)
    assert (found.title, found.kind) == ("Referat Teknisk Udvalg", "referat")


@pytest.mark.parametrize(
    "line",
    [
        "Ungdomsskolens bestyrelse, referat fra møde den 2. maj 2024",
        "Handicaprådet, referat fra møde den 3. maj 2024",
        "Referat af Handicaprådets møde den 3. maj 2024",
    ],
)
def test_an_item_handing_on_another_bodys_minutes_keeps_its_title(tmp_path, line):
    """An item laid before a committee for information names the minutes it hands on (made up
    in the style of an agenda system's item page): the title is the item's, not the minutes'."""
    text = (
        f"{line}\n\nResume\n\nReferatet forelægges til orientering.\n\n"
        "Indstilling\n\nForvaltningen indstiller, at udvalget tager referatet til efterretning.\n\n"
        "Beslutning\n\nTaget til efterretning.\n"
    )
    title = _meta_of(text, tmp_path, "kommune_sou_2024-05-27_p08_side.txt").title
    assert title == line.split(" den ")[0]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "kommune_nyhed_2025-02-10_borgermoede.txt",
            "Offentligt møde den 3. marts om lokalplan for Havnen\n\nKommunen inviterer til borgermøde om "
            "den nye lokalplan. Her kan du høre om planerne og stille spørgsmål til politikerne.\n\n"
            "Mødet holdes på biblioteket kl. 19.00.\n",
        ),
        (
            "kommune_nyhed_2025-10-08_byraadsmoede.txt",
            "Byrådets møde den 7. oktober\n\nByrådet besluttede på mødet at bygge en ny skole i Vestbyen. "
            "Skolen skal stå klar til skolestart, og byggeriet begynder til foråret.\n\n"
            "Desuden blev budgettet for næste år vedtaget med stemmer fra et bredt flertal.\n",
        ),
    ],
)
def test_a_news_page_headed_by_a_meeting_is_no_minutes(tmp_path, name, text):
    """A news page's headline on a meeting over running text, no item nor field of a meeting's
    page (made up in the style of municipalities' news pages), keeps its headline."""
    found = _meta_of(text, tmp_path, name)
    assert (found.title, found.kind) == (text.split("\n")[0], None)


def test_a_body_and_a_committee_are_read_from_the_same_part_of_the_line():
    """The meeting's day, the election period and the marks at the ends are cut from a header
    line once, whether it names a body ("Teknisk Udvalg") or a committee named for its field."""
    from extract.structure.titles import _name_part, body_of, committee_name

    line = "Teknisk Udvalg (2022-2025) møde den 7. oktober 2024 -"
    assert _name_part(line, HEADINGS) == "Teknisk Udvalg"
    assert body_of(line, HEADINGS) == committee_name(line, HEADINGS) == "Teknisk Udvalg"
    assert (
        committee_name("Plan, teknik og miljø (2022-2025) møde den 7. oktober 2024", HEADINGS)
        == "Plan, teknik og miljø"
    )


@pytest.mark.parametrize("example", HEADINGS.titles.not_body_name_examples, ids=lambda e: e["text"])
def test_not_body_name_examples(example):
    from extract.structure.titles import body_of

    assert body_of(example["text"], HEADINGS) == example["body"]


def test_a_committee_named_for_its_field_over_the_meetings_day_is_the_meetings_body(tmp_path):
    """A committee named for its field, without a word for a body, on the line right over the
    meeting's day and over several items (made up in the style of an agenda system's meeting
    page) names the meeting's body; the same line over running text keeps its heading."""
    items = (
        "4. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "5. Trafikplan 2025\n\nSagsfremstilling\n\nPlanen forelægges.\n\nBeslutning\n\nGodkendt.\n"
    )
    text = "Dagsordener og referater\n\nPlan og Miljø\n\nTirsdag den 01-10-2024 kl. 16:30\n\nTilbage\n\n" + items
    found = _meta_of(text, tmp_path)
    assert (found.title, found.kind, found.date) == ("Referat Plan og Miljø", "referat", "2024-10-01")
    news = "Plan og Miljø\n\n01-10-2024\n\nKommunen har lagt en ny plan for trafikken frem til høring i år.\n"
    assert _meta_of(news, tmp_path, "kommune_nyhed.txt").title == "Plan og Miljø"


def test_the_municipalitys_name_alone_over_a_web_page_is_no_title(tmp_path):
    """A web page printing the municipality's name alone over its heading (the site's logo, made
    up in the style of municipal sites) is titled by its heading; the name is the sender's."""
    text = "Greve\n\nPulje til lokale projekter\n\nForeninger kan søge puljen til projekter i lokalområdet.\n"
    assert _meta_of(text, tmp_path, "greve_pulje.txt").title == "Pulje til lokale projekter"
    text = "Greve Kommune\n\nPulje til lokale projekter\n\nForeninger kan søge puljen til projekter i lokalområdet.\n"
    assert _meta_of(text, tmp_path, "greve_pulje.txt").title == "Pulje til lokale projekter"
    hyphened = (
        "Høje-Taastrup\n\nPulje til lokale projekter\n\nForeninger kan søge puljen til projekter i lokalområdet.\n"
    )
    assert _meta_of(hyphened, tmp_path, "pulje.txt").title == "Pulje til lokale projekter"  # a name with a hyphen


def test_a_heading_under_the_one_word_of_its_sites_section_is_the_title(tmp_path):
    """The word of the site's section over a web page's heading that names a kind of it, other
    lines of the trail between (made up in the style of municipal sites), is no title; a single
    word over running text stays the title."""
    text = "Puljer\n\nKultur og fritid\n\nKulturpuljen\n\nForeninger kan søge puljen til nye aktiviteter.\n"
    assert _meta_of(text, tmp_path, "kommune_pulje.txt").title == "Kulturpuljen"
    alone = "Kulturpuljen\n\nForeninger kan søge puljen til nye aktiviteter.\n"
    assert _meta_of(alone, tmp_path, "kommune_pulje.txt").title == "Kulturpuljen"
    other = "Puljer\n\nKultur og fritid\n\nForeninger kan søge puljen til nye aktiviteter.\n"
    assert _meta_of(other, tmp_path, "kommune_pulje.txt").title == "Puljer"


def test_a_line_opening_with_a_small_letter_is_no_title(tmp_path):
    """The rest of a sentence broken over two lines (a web page's banner over its heading, made up
    in the style of municipal sites) is no title; the page's heading under it is."""
    text = (
        "Gå til hovedindhold\n\nVores hjemmeside bliver opdateret i weekenden ...\n\n"
        "og derfor kan nogle sider være utilgængelige i kortere tid.\n\nDu er her:\n\n"
        "Pulje til sommeraktiviteter for børn 2025\n\nKommunen har afsat 200.000 kr. til sommeraktiviteter.\n"
    )
    assert _meta_of(text, tmp_path, "kommune_pulje.txt").title == "Pulje til sommeraktiviteter for børn 2025"


def test_an_items_number_alone_in_a_bullet_starts_the_items_under_the_archives_name(tmp_path):
    """A web archive's name over a meeting's page (with the bodies it holds after it) and an
    item's number alone in a bullet over the item's title (made up in the style of agenda
    systems' pages): the page is the minutes of the body its header field names, dated by the
    header's day, and the item's title stays a heading, no title line."""
    item = "  • {n}\n\n    {title}\n\n    • Beslutning\n\n      Godkendt.\n\n"
    text = (
        "Dagsordener og referater fra udvalg, råd og nævn\n\nHer finder du møderne i kommunens udvalg.\n\n"
        "Udvalg: Teknisk Udvalg\n\nMødedato: 07-10-2024 17:00:00\n\n"
        + item.format(n=12, title="Trafikplan 2025")
        + item.format(n=13, title="Nye cykelstier langs landevejen")
    )
    found = _meta_of(text, tmp_path, "kommune_side.txt")
    assert (found.title, found.date) == ("Referat Teknisk Udvalg", "2024-10-07")


@pytest.mark.parametrize("example", HEADINGS.titles.trail_examples, ids=lambda e: e["text"])
def test_trail_examples(example):
    word, last = example["text"].split(" / ")
    assert narrows(word, last, HEADINGS) == example["title"]


@pytest.mark.parametrize("example", HEADINGS.titles.decided_words_examples, ids=lambda e: e["text"])
def test_decided_words_examples(example):
    assert bool(HEADINGS.titles.decided_words.search(example["text"])) == example["decided"]


@pytest.mark.parametrize(
    "image", ["Design Uden Navn (9)", "Klik på billedet for at se det i fuld størrelse.", "Børn i hallen.jpg"]
)
def test_an_images_line_over_the_headline_leaves_the_headline_the_title(tmp_path, image):
    """A web page copied as text prints an image's name or hint on the line over its headline,
    no blank line between (made up in the style of municipalities' pool pages)."""
    text = (
        f"{image}\nRetningslinjer for Aktivitetspuljen\n\n"
        "Ansøgningsfristen er den 1. marts 2026. Puljen er på 200.000 kr.\n\n"
        "Formål\n\nPuljen støtter nye aktiviteter i foreningerne.\n"
    )
    assert _meta_of(text, tmp_path, name="side.txt").title == "Retningslinjer for Aktivitetspuljen"


def test_minutes_dated_only_by_the_approval_of_their_agenda(tmp_path):
    """Minutes whose header writes no day take the meeting's day from their first item's approval
    of the agenda (made up in the style of minutes pages of several municipalities)."""
    text = (
        "Referat\n\n • 184. Dagsorden - godkendelse\n\n  Resume\n\n"
        "  Godkendelse af dagsorden for Teknisk Udvalg den 8. maj 2025.\n\n  Beslutning\n\n  Godkendt.\n\n"
        " • 185. Budgetopfølgning 2\n\n  Resume\n\n  Udvalget behandler budgetopfølgning 2, pr. 31. marts 2025.\n\n"
        "  Beslutning\n\n  Godkendt.\n"
    )
    assert _meta_of(text, tmp_path, name="side.txt").date == "2025-05-08"


def test_a_meetings_page_naming_no_body_is_titled_by_its_kind_not_a_line_inside_a_field(tmp_path):
    """Made up in the style of a page copying a council's minutes from its first item's fields on:
    the line under a field's label ("Sagen afgøres i" over "Byrådet.") is the field's value, no title."""
    text = (
        "Sagsid.: S2026-360\nSagsfremstilling\nTo medlemmer har meldt forfald til mødet.\n"
        "Indstilling\nDet indstilles, at stedfortræderne indkaldes.\nSagen afgøres i\nByrådet.\n"
        "Beslutning\nGodkendt.\nPkt. 2 Spørgetid\nSagsid.: S2026-355\nSagsfremstilling\n"
        "Mødet starter med spørgetid.\nBeslutning\nIngen spørgsmål.\n"
    )
    assert _meta_of(text, tmp_path, "kommune_side.txt").title == "Referat"


def test_a_web_page_headed_by_a_councils_name_is_no_meetings_page(tmp_path):
    """Made up in the style of a local council's web page: its name over headings of its own, no
    item and no field of an agenda item under it."""
    text = (
        "Nordby Lokalråd\n\nFind information om lokalrådet.\n\nPolitiske beslutninger for Nordby\n\n"
        "Her kan du læse beslutninger, som har betydning for dit lokalområde.\n\n"
        "Ny cykelsti langs skolevejen\n\nUdvalget har besluttet at anlægge en cykelsti.\n"
    )
    assert _meta_of(text, tmp_path, "kommune_side.txt").title == "Nordby Lokalråd"


def test_a_sites_notice_over_its_link_does_not_end_the_search_for_a_title_line():
    """Made up in the style of a news page: a notice in a sentence over its link, then the headline."""
    text = (
        "Mange er smittet med influenza - læs om rådene til og med 7. februar og om vaccinationer.\n\n"
        "Læs mere her - Information om influenza\n\nBudgetforlig med fokus på børnelivet\n"
    )
    assert first_title_line(text, HEADINGS) == "Budgetforlig med fokus på børnelivet"
    assert first_title_line(text.replace("Læs mere her - Information om influenza", "Mere i morgen."), HEADINGS) is None


def test_a_numbered_list_of_sentences_is_no_meetings_list_of_items(tmp_path):
    """Made up in the style of a pool's page: its numbered priorities, one a sentence of 15 words
    or more, are no items of a meeting; the page opens with running text and has no title line."""
    text = (
        "Kommunen afsætter hvert år midler til støtte af frivilligt socialt arbejde. Det sker efter "
        "serviceloven.\n\nStøtten fordeles på følgende måde:\n\n"
        " 1. Ansøgninger fra lokale foreninger eller enkeltpersoner, der indeholder en beskrivelse af nye "
        "projekter indenfor frivilligt socialt arbejde.\n 2. Ansøgninger fra landsdækkende organisationer\n"
    )
    assert _meta_of(text, tmp_path, "kommune_side.txt").title is None


def test_one_long_item_title_ending_in_a_stop_keeps_a_meetings_list_of_items(tmp_path):
    """A committee's minutes page lists its items, each over its decision; one item's title is a
    sentence of 15 words or more ending in a stop (an agenda system's page of minutes, as written):
    the list is still the meeting's, titled and dated by its header."""
    text = (
        "Sundheds- og Kulturudvalget\n\nSundheds- og Kulturudvalget 27. oktober 2021\n\nÅben\n\n"
        "1. Godkendelse af dagsorden\nBeslutning: Godkendt\n"
        "2. Godkendelse af aktuel status for forvaltningen 2021, tillægsbevilling\nBeslutning: Anbefales\n"
        "3. Godkendelse af ændring i finansieringen af det nye anlæg i zoologisk have og omlægning af bestående lån.\n"
        "Beslutning: Anbefales\n4. Eventuelt\nBeslutning: Intet\n5. Godkendelse af referat\nBeslutning: Godkendt\n"
    )
    meta = _meta_of(text, tmp_path, "udvalg.txt")
    assert (meta.title, meta.date) == ("Referat Sundheds- og Kulturudvalget", "2021-10-27")


def test_the_title_search_does_not_read_a_line_its_window_cuts_off():
    """A sentence cut off by the end of the searched window no longer ends in its stop: it is still
    running text, no title (made up in the style of a pool's page whose title line is missing)."""
    sentence = "Ansøgningen skal indeholde en kort beskrivelse af initiativet og en redegørelse for brugen af midlerne."
    text = "Spring menu over\n\n" + "Fristen i 2022 er:\n\n" + "\n\n".join([sentence] * 40) + "\n"
    assert first_title_line(text, HEADINGS) is None


def test_a_meetings_page_naming_no_body_is_titled_by_its_kind_not_by_its_first_item(tmp_path):
    """Made up in the style of an agenda system's minutes page that opens on its first item: the
    item's title is no title of the page of several items, which is the meeting's minutes."""
    text = (
        "21.    Godkendelse af dagsorden\n\nSag 306-2010-395\n\nSagsfremstilling\n\n"
        "Beslutning fra udvalget\n\nGodkendt.\n\n22.    Meddelelser\n\nSag 306-2010-396\n\n"
        "Sagsfremstilling\n\nFormanden orienterede om konferencen i april.\n\n"
        "Beslutning fra udvalget\n\nTaget til efterretning.\n"
    )
    assert _meta_of(text, tmp_path, "kommune_side.txt").title == "Referat"


def test_two_sentences_of_running_text_on_a_line_are_no_title():
    # made up in the style of a follow-up's anlæg section, the line's last stop cut off by the excerpt
    text = (
        "Ved denne opfølgning aflægges der anlægsregnskaber for:\n• Cykelsti langs Skolevej\n"
        "Den samlede udgift på anlægget udgør 0,5 mio. kr., hvilket giver et mindreforbrug på 0,3 mio. kr. "
        "i forhold til budgettet. Mindreforbruget foreslås tilført anlægsprojektet - Projekter i rammen\n"
    )
    assert first_title_line(text, HEADINGS) is None
    assert first_title_line("Cykelsti langs Skolevej\n\nDen samlede udgift er 0,5 mio. kr.\n", HEADINGS) == (
        "Cykelsti langs Skolevej"
    )


def test_a_numbered_line_is_no_sentence_break():
    # an item's number before a capital is no stop between two sentences (made up in the style of a council's minutes)
    text = "Deltagere: Anne Hansen\n\n1. Dagsorden for mødet den 19. maj 2023 – godkendt\n\n2. Meddelelser\n"
    assert first_title_line(text, HEADINGS) == "Dagsorden for mødet den 19. maj 2023 – godkendt"


# A committee's minutes whose item holds a field "Orientering" over a sentence (made up in the style of
# one municipality's pages): the note's kind word under an item's field is the item's sub-heading, and
# the line under it is no title; the page is the committee's minutes.
ORIENTERING_UNDER_FIELD = """Vækst- og Skoleudvalget

Tirsdag den 04-10-2016 kl. 15:00

Godkendelse af dagsorden:
Godkendt

28. Mødeplan 2017
Sagsfremstilling
Udvalget får mødeplanen for 2017 til orientering.

Orientering
Mødeplanen er godkendt af Byrådet. Følgende er værd at bemærke i forhold til den fremlagte plan:

 • Forslaget følger kommunens kutymer for møder i de politiske udvalg.
 • Mødeplanen indeholder fem forløb fra fagudvalg til Byrådet i foråret.

Beslutning
Godkendt.
"""


def test_a_note_kind_word_under_an_items_field_gives_no_title(tmp_path):
    meta = _meta_of(ORIENTERING_UNDER_FIELD, tmp_path, "kommune_vsu_2016-10-04_referat.txt")
    assert meta.title == "Referat Vækst- og Skoleudvalget"


# Two pools' pages and a finance page of three municipalities open with their headline right over
# the running text, no blank line between; one puts an asked sub-heading in capitals between.
HEADLINE_OVER_TEXT = [
    (
        "Facilitetspuljen\nUnder Budgetforliget 2021-2028 er der afsat 150.000 kr. årligt i en Facilitetspulje.\n\n"
        "Ansøgningsfrist\nDer kan søges løbende.\n",
        "Facilitetspuljen",
    ),
    (
        "Fakta om økonomien\nHer får du et hurtigt overblik over kommunens økonomi i de kommende år.\n"
        "Spørgsmål og svar\n- Svaret er et både-og.\n\nSidst opdateret\n",
        "Fakta om økonomien",
    ),
    (
        "Kulturpuljen\nHVAD ER KULTURPULJEN?\nKulturpuljen har til formål at støtte et bredt udbud af "
        "kulturaktiviteter i kommunen.\n\nKulturpuljen i 2020\nDer er 631.400 kr. til udmøntning.\n\n"
        "Desuden prioriteres projekter, hvor aktiviteterne lægger sig inden for et af fire spor:\n\n"
        "• Spor 1: Et kulturliv, der favner bredt\n",
        "Kulturpuljen",
    ),
]


@pytest.mark.parametrize("text, title", HEADLINE_OVER_TEXT, ids=lambda v: v[:20])
def test_a_headline_right_over_its_running_text_is_the_pages_title(text, title, tmp_path):
    record = extract_text(text, tmp_path, "kommune_side.txt")
    assert record.meta.title == title
    assert title not in [s.heading for s in record.sections]  # the title is no section


def test_a_headline_over_text_further_down_is_no_title(tmp_path):
    text = "Pressemeddelelser\nForsvaret rykker ind på skolen\nDe første soldater kommer i næste uge til byen.\n"
    text += "Investor vil bygge boksbutikker\nEn investor har købt grunden ved motorvejen i sidste måned.\n"
    assert extract_text(text, tmp_path, "kommune_side.txt").meta.title == "Pressemeddelelser"


def test_a_standard_sub_heading_over_the_pages_text_is_no_title(tmp_path):
    text = "Forord\nKommunen er en af landets hurtigst voksende kommuner, og behovet for kommunikation vokser.\n"
    record = extract_text(text, tmp_path, "kommune_side.txt")
    assert record.meta.title != "Forord" and "Forord" in [s.heading for s in record.sections]


# A council's minutes page (made up in the style of one municipality's site): the site's menu over
# its page tool, the kind word with the meeting's day in brackets, the body named by each decision.
KIND_WITH_DAY = """Byråd og udvalg
 • Få siden oplæst

29. august 2017

Referat (29. august 2017)

Deltagere:

Anne Hansen (A)

1. Godkendelse af dagsorden

Beslutning Byrådet den 29-08-2017

Godkendt.

2. Forslag om uddannelsesklausuler i anlægsprojekterne

Sagsnr: 14/110

Baggrund

Byrådet har vedtaget nogle store anlægsprojekter de kommende år.

Beslutning Byrådet den 29-08-2017

Forslaget blev oversendt til Økonomiudvalget.
"""


def test_a_kind_word_with_the_meetings_day_takes_the_body_from_the_decisions(tmp_path):
    assert _meta_of(KIND_WITH_DAY, tmp_path, "kommune_byraad_referat.txt").title == "Referat Byrådet"


CASE_LINES = """Dagsorden

Dato: Onsdag, September 25, 2019 - 16:30
Sted: Mødelokale 2A
 • Pkt. 352 Beslutninger om dagsordenen

  Pkt. 352

  Beslutninger om dagsordenen

  Sagsnr. 295848 Økonomiudvalget Åbent punkt
 • Pkt. 353 Budgetopfølgning pr. 30. juni 2019

  Pkt. 353

  Budgetopfølgning pr. 30. juni 2019

  Sagsnr. 313425 Økonomiudvalget Åbent punkt

  Resume

  Økonomiudvalget orienteres om budgetopfølgningen.

  Indstilling

  Forvaltningen indstiller, at Økonomiudvalget tager orienteringen til efterretning.
"""


def test_an_items_case_line_gives_the_body_but_is_not_its_name(tmp_path):
    """A meeting's page whose only mention of its body is in each item's case line ("Sagsnr. 295848
    Økonomiudvalget Åbent punkt", made up in the style of one council's meeting pages): the title names
    the body, without the case number and the item's status."""
    assert _meta_of(CASE_LINES, tmp_path, "kommune_oeu_dagsorden.txt").title == "Dagsorden Økonomiudvalget"


def test_a_news_sites_section_label_over_the_headline_is_no_title(tmp_path):
    """ "Kort Nyt" over a budget agreement's headline (a local news site's page; made up in its style):
    the headline is the title."""
    text = (
        "Kort Nyt\n\nEt budgetforlig med bred opbakning er i hus\n\nAf Redaktionen\n\n"
        "Seks partier har indgået budgetforlig for det kommende år i kommunen.\n"
    )
    assert _meta_of(text, tmp_path, "avis_budgetforlig.txt").title == "Et budgetforlig med bred opbakning er i hus"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # "Senior & Sundhedsudvalget - 08-06-2023" over an item's fields (one municipality's agenda pages)
        (
            "Senior & Sundhedsudvalget - 08-06-2023\nØkonomi\nIngen økonomiske konsekvenser.\nBeslutning\nGodkendt.\n"
            "Resume\nUdvalget holder dialogmøde med Seniorrådet.\n",
            "kommune_ssu_punkt.txt",
            ("Referat Senior & Sundhedsudvalget", "2023-06-08"),
        ),
        # a council's minutes page, "Handicaprådet 20. november 2023" over the items (a municipality's
        # pages of its disability council)
        (
            "20. november 2023 - referat fra Handicaprådet\n\nHandicaprådet 20. november 2023\n\nÅben\n\n"
            "Indstilling\n\nGodkendelse af dagsorden.\n\nBeslutning\n\nGodkendt.\n",
            "kommune_handicapraad.txt",
            ("Referat Handicaprådet", "2023-11-20"),
        ),
    ],
    ids=["ampersand", "council"],
)
def test_a_header_line_naming_a_body_gives_the_meetings_day(tmp_path, text, name, expected):
    """A header line naming the body and the day (made up in the style of the pages named): the meeting's
    day and the body's name, for a body named with "&" and for a council as for a committee."""
    meta = _meta_of(text, tmp_path, name)
    assert (meta.title, meta.date) == expected


def test_a_jump_menus_label_is_no_title_nor_heading(tmp_path):
    """ "Spring til..." over a plan's page (a municipality's site prints its jump menu so; made up
    in that style): the page's heading is the title, and the label is no section."""
    text = (
        "Spring til...\n\nGældende Kommuneplan 2024\n\nByrådet vedtog den 25. september 2025 Kommuneplan 2024.\n\n"
        "Udviklingsstrategi\n\nStrategien sætter retningen for kommunens udvikling.\n"
    )
    found = extract_text(text, tmp_path, "kommune_kommuneplan.txt")
    assert found.meta.title == "Gældende Kommuneplan 2024"
    assert "Spring til..." not in [s.heading for s in found.sections]


def test_a_members_line_naming_the_council_that_sent_him_is_no_title(tmp_path):
    """A leisure committee's minutes page opening with its day, place and members, each named with the
    council or association that sent them ("Lars Hansen (Idrætsrådet) (formand)"; one council's pages,
    made up in their style): no member is the title or the body; the decisions name the body."""
    text = (
        "17-09-2024 kl. 17:00\nMødelokalet\n\nMedlemmer\n\nBo Holm (A)\n\nLars Hansen (Idrætsrådet) (formand)\n\n"
        "Mette Lund (Kulturelt Samråd)\n\nAnne Berg (Børne- og Ungdomsorganisationernes Samråd\n\n"
        "Nr.1 - Godkendelse af dagsorden\n\nBeslutning i Folkeoplysningsudvalget (22-25) den 17-09-2024\n\n"
        "Godkendt.\n\nNr.2 - Tilskud til lokaler\n\nBeslutning i Folkeoplysningsudvalget (22-25) den 17-09-2024\n\n"
        "Godkendt.\n"
    )
    meta = _meta_of(text, tmp_path, "kommune_fou.txt")
    assert (meta.title, meta.date) == ("Referat Folkeoplysningsudvalget", "2024-09-17")


def test_a_photos_caption_or_a_cookie_banner_over_the_headline_is_no_title(tmp_path):
    """A news page opening with its photo's caption, the credit at its end, or with a cookie banner in
    sentences (pages of a municipality and a local paper; made up in their style): the headline below
    is the title."""
    caption = (
        "Borgmesteren besøger den nye afdeling. Arkivfoto\n\nKommunen vil spare tre mio. på psykiatrien\n\n"
        "Kommunen vil i de kommende år finde besparelser på området, skriver forvaltningen.\n"
    )
    assert _meta_of(caption, tmp_path, "avis_psykiatri.txt").title == "Kommunen vil spare tre mio. på psykiatrien"
    cookies = (
        "Vi samler statistik ved hjælp af cookies for at forbedre hjemmesiden. Det sker først, når du klikker "
        "videre.\n\nKommunen investerer i de ledige\n\nKommunen har vedtaget en ny strategi for de ledige.\n"
    )
    assert _meta_of(cookies, tmp_path, "kommune_ledige.txt").title == "Kommunen investerer i de ledige"


def test_a_meetings_first_item_of_several_stays_a_heading(tmp_path):
    """A meeting's page whose header lists members and absentees over its items ("Nr.1 - Træffetid", "Nr.2 - …";
    one council's minutes pages, made up in their style): the first item is no title line but the first
    item's heading, and the page is the body's minutes."""
    text = (
        "17-09-2024 kl. 17:00\nMødelokalet\n\nMedlemmer\n\nBo Holm (A)\n\nAfbud\n\nJens Lund (C)\n\n"
        "Nr.1 - Træffetid\n\nJens Lund (C)\n\nBeslutning i Folkeoplysningsudvalget (22-25) den 17-09-2024\n\n"
        "Ingen mødt.\n\nNr.2 - Godkendelse af dagsorden\n\nBeslutning i Folkeoplysningsudvalget (22-25) den "
        "17-09-2024\n\nGodkendt.\n"
    )
    found = extract_text(text, tmp_path, "kommune_fou.txt")
    assert found.meta.title == "Referat Folkeoplysningsudvalget"
    assert [s.heading for s in found.sections if s.level == 1][-2:] == [
        "Nr.1 - Træffetid",
        "Nr.2 - Godkendelse af dagsorden",
    ]
