"""A document's header as the title reads it: lines a PDF or its web copy broke after a
preposition joined again, a meeting's page dated by its title line over a day of publication,
a site's menu and an image's file name never the title."""

from __future__ import annotations

import pytest
from conftest import RULES as ALL_RULES
from conftest import extract_text

from extract.structure.titles import header_lines, text_lines

HEADINGS = ALL_RULES["headings.yml"]


def _meta_of(text, tmp_path, name="side.txt"):
    return extract_text(text, tmp_path, name).meta


@pytest.mark.parametrize("example", HEADINGS.titles.line_goes_on_examples, ids=lambda e: e["text"][:30])
def test_line_goes_on_examples(example):
    assert [line.strip() for _, line in header_lines(example["text"], HEADINGS)] == example["lines"]


# Made up in the style of a PDF agenda's cover copied as a web page: each line of the header
# on a line of its own, blank lines between.
BROKEN_COVER = """Side 1 af 12

Kommunen

Dagsorden til

møde i

Økonomiudvalget

Dagsorden åben

Mødedato 7. oktober 2024

Mødetidspunkt 17.00

1 Anlægsbevilling til en ny cykelsti

Sagsfremstilling
Forvaltningen foreslår en anlægsbevilling på 2,5 mio. kr. til en ny cykelsti.
"""


def test_a_broken_cover_header_gives_kind_and_body(tmp_path):
    found = _meta_of(BROKEN_COVER, tmp_path)
    assert (found.title, found.date) == ("Dagsorden Økonomiudvalget", "2024-10-07")


# Made up in the style of a meeting's page of an agenda system: the title line with the meeting's
# day, the day of publication below it.
PUBLISHED_LATER = """Referat byrådet 3. oktober 2024

Publiceringsdato: den 07. oktober 2024

1. Godkendelse af dagsorden

Sagsfremstilling
Byrådet godkender dagsordenen for mødet.

Beslutning
Godkendt.
"""


def test_a_meetings_day_in_its_title_line_wins_over_the_day_of_publication(tmp_path):
    found = _meta_of(PUBLISHED_LATER, tmp_path)
    assert (found.title, found.date) == ("Referat Byrådet", "2024-10-03")


# Made up in the style of a meeting's page that heads it with the body and the day and hour in
# figures: the day line is no heading, and the page's date.
DAY_AND_HOUR = """Teknik- og Miljøudvalget

03.10.2024 kl. 16:00
Mødecenter B, Lokale 2 på Rådhuset

Deltagere
  • Anne Hansen (A) - Deltog

  • Ole Jensen (B) - Afbud

Åben dagsorden


  1. Orientering om vejarbejder i efteråret.

  2. Tidsplan for regnskabsafslutningen for regnskabsåret 2024.

    Bilag
    1 bilag

  3. Status på ledigheden i september.
"""


def test_a_day_and_hour_line_under_the_body_is_the_date_and_no_heading(tmp_path):
    extracted = extract_text(DAY_AND_HOUR, tmp_path, "side.txt")
    assert extracted.meta.date == "2024-10-03"
    assert "03.10.2024 kl. 16:00" not in [s.heading for s in extracted.sections]


# Made up in the style of a municipality's news page copied without blank lines: the headline a
# question over its lead, the page's folded questions below.
QUESTION_HEADLINE = """Nyt liv til byens mødesteder?
Har dit forsamlingshus brug for en kærlig hånd? En fond har åbnet for ansøgninger til en pulje.
Med en pulje på 75 millioner kroner kan foreninger få hjælp til renovering.
Hvem kan søge?
Foreninger, der driver et lokalt mødested, kan søge.
Ansøgningsfrist
Fristen er den 31. marts 2025.
"""


def test_a_headline_over_its_lead_is_the_title_though_it_heads_the_page(tmp_path):
    assert _meta_of(QUESTION_HEADLINE, tmp_path, "nyhed.txt").title == "Nyt liv til byens mødesteder?"


# Made up in the style of a municipality's page under its site's top menu.
UNDER_THE_MENU = """logo med link til forsiden

Borger

Erhverv

Politik og Indflydelse

Søg

Pulje til kultur og idræt

Læs mere og ansøg om tilskud fra puljen.
Opdateret 05.02.2025

Hvem kan søge?

Foreninger i kommunen kan søge om tilskud.
"""


def test_a_sites_top_menu_is_no_title_and_its_update_line_dates_the_page(tmp_path):
    found = _meta_of(UNDER_THE_MENU, tmp_path, "pulje.txt")
    assert (found.title, found.date) == ("Pulje til kultur og idræt", "2025-02-05")


def test_the_header_window_drops_the_line_its_limit_cuts_off():
    """The lines of a text's first characters leave out the line the limit cuts in two (its cut
    half reads as a line of its own); a first line longer than the limit is kept, cut."""
    text = "Referat Teknisk Udvalg\nMødet blev holdt på rådhuset i byens store sal.\n"
    assert [line for _, line in text_lines(text, 30)] == ["Referat Teknisk Udvalg", ""]
    assert [line for _, line in text_lines(text, 10)] == ["Referat Te"]
    assert [line for _, line in text_lines(text)] == [*text.split("\n")]


# Made up in the style of a region's meeting page: the trail of links from the front page, its
# arrows' text run into the words, ends in the page's heading, which stands again below it.
UNDER_A_TRAIL = """Gå til indhold

ForsidepilPolitikpilDagsordener og referaterpilSundhedsudvalgetpilSundhedsudvalget - Referat - 25. oktober 2016

Sundhedsudvalget - Referat - 25. oktober 2016

Mødedato
25-10-2016 kl. 15:00 - 16:10

Mødested
Mødelokale 5
"""

# Made up in the style of a municipality's pool page: a trail of links over the page's headline.
UNDER_A_TRAIL_NO_KIND = """Borger › Kultur og fritid › Tilskud og puljer › Pulje til lokale fællesskaber

Pulje til lokale fællesskaber

Foreninger og borgere kan søge om tilskud til nye aktiviteter, der samler folk på tværs af alder.
"""


def test_a_trail_of_links_ending_in_the_heading_below_is_no_title(tmp_path):
    found = _meta_of(UNDER_A_TRAIL, tmp_path, "referat.txt")
    assert (found.title, found.date) == ("Referat Sundhedsudvalget", "2016-10-25")
    assert _meta_of(UNDER_A_TRAIL_NO_KIND, tmp_path, "pulje.txt").title == "Pulje til lokale fællesskaber"


# Made up in the style of a municipality's pool page under the site's banner: two sentences of
# news, the last one without its full stop, over the banner's link.
UNDER_A_BANNER = """Mange er smittet med influenza - læs bl.a. om de nye råd til og med 7. februar. Vaccinationscenter åbnet i byen


Læs mere her - Information om influenza

Ekstra pulje til frivilligt socialt arbejde

Frivillige, sociale foreninger kan nu søge puljen på 100.000 kr. til aktiviteter resten af 2026.
"""

# Made up in the style of a municipality's pool page under a cookie banner in sentences.
UNDER_A_COOKIE_BANNER = """Vi bruger cookies til statistik som en del af vores arbejde for at lave en god hjemmeside. Hvis du ikke siger nej tak, accepterer du.

Accepter cookies

Søg midler fra sundhedspuljen

Sundhedspuljen støtter initiativer, der fremmer sundheden for borgerne.
"""


def test_a_sites_banner_or_cookie_notice_over_the_headline_is_no_title(tmp_path):
    assert _meta_of(UNDER_A_BANNER, tmp_path, "pulje.txt").title == "Ekstra pulje til frivilligt socialt arbejde"
    assert _meta_of(UNDER_A_COOKIE_BANNER, tmp_path, "pulje2.txt").title == "Søg midler fra sundhedspuljen"


# Made up in the style of a document site's title of a municipality's minutes: the cover's lines
# joined by full stops, the kind word first.
KIND_FIRST_COVER = """BESLUTNINGSPROTOKOL. Teknisk Udvalg. Møde nr. : 12/2011 Sted : Rådhuset Dato : 6. september 2011

1. Godkendelse af dagsorden

Sagsfremstilling
Udvalget godkender dagsordenen for mødet.

Beslutning
Godkendt.

2. Budgetopfølgning

Sagsfremstilling
Udvalget orienteres om budgettet.

Beslutning
Taget til efterretning.
"""


def test_a_cover_line_with_the_kind_word_first_gives_kind_and_body(tmp_path):
    found = _meta_of(KIND_FIRST_COVER, tmp_path)
    assert (found.title, found.date) == ("Referat Teknisk Udvalg", "2011-09-06")


# Made up in the style of a council's agenda pages: the kind word alone over the items, the body
# and the day named only by the first item's approval of the agenda.
KIND_ALONE = """Dagsorden

 • 58. Godkendelse af dagsorden

  Resume

  Godkendelse af dagsorden for Kommunalbestyrelsen den 20. januar 2022.

 • 59. Mødeplan for 2022

  Resume

  Forslag til mødeplan for 2022 foreligger til politisk behandling.

  Indstilling

  Forvaltningen indstiller, at mødeplanen godkendes.
"""


def test_a_kind_word_alone_takes_the_body_its_first_item_approves_the_agenda_of(tmp_path):
    found = _meta_of(KIND_ALONE, tmp_path)
    assert (found.title, found.date) == ("Dagsorden Kommunalbestyrelsen", "2022-01-20")
