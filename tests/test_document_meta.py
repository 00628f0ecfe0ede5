"""Document metadata: labelled fields, the document's date, kind from title words."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RULES as ALL_RULES

from extract.extractors import document_meta as meta
from extract.extractors.document_meta import kind_of

ROOT = Path(__file__).resolve().parent.parent
RULES = ALL_RULES["document_meta.yml"]
DATES = ALL_RULES["dates.yml"]


def label_value(text, rule):
    return meta.label_value(text, rule, DATES)


def date_alone(text, limit):
    return meta.date_alone(text, limit, RULES, DATES)


def iso_date(text):
    return meta.iso_date(text, DATES)


LABEL_EXAMPLES = [(r, e) for r in RULES.labels for e in r.examples]


@pytest.mark.parametrize("rule,example", LABEL_EXAMPLES, ids=[f"{r.id}:{e['text'][:30]}" for r, e in LABEL_EXAMPLES])
def test_label_examples(rule, example):
    assert label_value(example["text"], rule) == example["value"]


@pytest.mark.parametrize("example", RULES.date_line_examples, ids=[e["text"][:30] for e in RULES.date_line_examples])
def test_date_line_examples(example):
    assert date_alone(example["text"], len(example["text"])) == example["value"]


KIND_EXAMPLES = [(r.kind, title) for r in RULES.kinds for title in r.examples]


@pytest.mark.parametrize("kind,title", KIND_EXAMPLES, ids=[t[:40] for _, t in KIND_EXAMPLES])
def test_kind_examples(kind, title):
    assert kind_of(title, RULES) == kind


@pytest.mark.parametrize(
    "written,iso",
    [
        ("23-09-2012", "2012-09-23"),
        ("24-04-2008", "2008-04-24"),
        ("26.11.09", "2009-11-26"),
        ("12. november 2012", "2012-11-12"),
        ("november 2012", None),
        ("2012", None),
    ],
)
def test_iso_dates(written, iso):
    assert iso_date(written) == iso


@pytest.mark.parametrize(
    "text,field,value",
    [
        ("Sagsnr.  \n2011-176323\n\nDesuden gennemgås enkelte centrale initiativer", "case_number", "2011-176323"),
        ("Dato: 24-04-2008\nSagsnr.: 2008-15091\nDok.nr.: 2008-216613\n", "document_number", "2008-216613"),
        ("Dato: 24-04-2008\nSagsnr.: 2008-15091\nDok.nr.: 2008-216613\n", "case_number", "2008-15091"),
        ("Sagsbehandler  \nThomas Hansen\n\n### Nytteaktivering", "author", "Thomas Hansen"),
        ("Sagsnr.\n\nDer er ikke oplyst noget sagsnummer.", "case_number", None),
    ],
)
def test_labels_in_context(text, field, value):
    rule = next(r for r in RULES.labels if r.field == field)
    assert label_value(text, rule) == value


def test_a_date_inside_a_sentence_is_not_the_documents_date():
    text = "Udvalget har på budgetseminaret den 28. februar 2011 drøftet udfordringer.\n"
    assert date_alone(text, len(text)) is None


MEETING_EXAMPLES = [(r.id, e) for r in RULES.meeting_dates for e in r.examples]


@pytest.mark.parametrize(
    "rule_id,example", MEETING_EXAMPLES, ids=[f"{i}:{e['text'][:30]}" for i, e in MEETING_EXAMPLES]
)
def test_meeting_date_examples(rule_id, example):
    rule = next(r for r in RULES.meeting_dates if r.id == rule_id)
    assert meta.first_date(example["text"], (rule,), DATES) == example["value"]


@pytest.mark.parametrize("example", RULES.file_name_date.examples, ids=lambda e: e["text"][:30])
def test_file_name_date_examples(example):
    assert meta.file_name_date(example["text"], RULES) == example["value"]


def test_a_file_name_without_a_real_day_gives_no_date():
    assert meta.file_name_date("referat_2024-13-45.txt", RULES) is None
    assert meta.file_name_date("budget-2013-nye-initiativer.md", RULES) is None


# Made up in the style of agenda systems' pages (the development corpus holds single agenda
# items without such meeting headers).
ITEM_WITHOUT_DATE = """Nr.12 - Uddeling af puljen til lokale kulturprojekter 2024

Sagsnr.: 24/123

Beslutningstema

Godkendelse af støtte til foreninger.
"""

MINUTES_HEADER = """Udvalget for Teknik og Miljø
Referat • 1. oktober 2024 kl. 14.30
Indhold
Beslutning i Udvalget for Teknik og Miljø den 01-10-2024
Godkendt.
"""


def _meta_of(text, tmp_path, name):
    from extract.pipeline import extract_source, read_source

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_source(read_source(path, ALL_RULES), ALL_RULES, name=path.name).meta


def test_an_item_numbered_in_its_first_line_is_titled_without_the_number_and_dated_by_its_file_name(tmp_path):
    found = _meta_of(ITEM_WITHOUT_DATE, tmp_path, "kommune_sou_2024-10-01_puljen.txt")
    assert (found.title, found.kind) == ("Uddeling af puljen til lokale kulturprojekter 2024", "dagsordenspunkt")
    assert (found.date, found.date_basis) == ("2024-10-01", "file name")


def test_minutes_named_under_the_body_are_titled_and_dated_by_their_header(tmp_path):
    found = _meta_of(MINUTES_HEADER, tmp_path, "kommune_utm_2024-09-30_referat.txt")
    assert (found.title, found.kind) == ("Referat Udvalget for Teknik og Miljø", "referat")
    assert (found.date, found.date_basis) == ("2024-10-01", "text")  # the header's day, not the file name's


def test_a_month_cut_short_without_a_full_stop_is_read_in_a_date_line():
    assert meta.full_months("06. apr 2022", RULES) == "06. april 2022"
    assert meta.full_months("Vi ses i apr 2022", RULES) == "Vi ses i apr 2022"  # no day before it
    assert date_alone("01. okt 2024\n\nDeltagere:\n", 30) == "2024-10-01"


# made up in the style of a municipality's web page on its budget process (the development
# corpus holds none): a meeting its sentences report is not the page's date
WEB_PAGE = """Budgetlægning 2026-2029

Du kan her følge kommunens budgetlægning for årene 2026-2029.

Økonomiudvalget har på sit møde den 3. marts 2025 behandlet tidsplanen for budgetlægningen.

Byrådet vedtager budgettet den 8. oktober 2025.
"""


def test_a_meeting_reported_in_a_web_pages_sentence_does_not_date_the_page(tmp_path):
    found = _meta_of(WEB_PAGE, tmp_path, "kommune_oeu_2025-03-03_budgetlaegning.txt")
    assert (found.title, found.date) == ("Budgetlægning 2026-2029", None)
    published = WEB_PAGE.replace("\n\nDu kan", "\n\nOffentliggjort: 04-03-2025\n\nDu kan")
    assert _meta_of(published, tmp_path, "side.txt").date == "2025-03-04"


def test_a_minutes_header_dates_the_page_by_its_labelled_day(tmp_path):
    # made up in the style of an agenda system's minutes page (weekday, day without a full stop)
    text = "Teknisk Udvalg - 01-10-2024\n\nReferat\nDato:\nTirsdag, 1 oktober, 2024 - 16:00\nHent som fil:\n"
    text += "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n2. Trafikplan 2025\n\nBeslutning\n\nGodkendt.\n"
    found = _meta_of(text, tmp_path, "kommune_tu_2024-09-30_referat.txt")
    assert (found.title, found.date, found.date_basis) == ("Referat Teknisk Udvalg", "2024-10-01", "text")
    published = text.replace("Referat\n", "Referat\nPubliceret 24-09-2024\n")  # days before the meeting
    assert _meta_of(published, tmp_path, "kommune_tu_2024-09-30_referat.txt").date == "2024-10-01"


def test_a_meeting_page_under_its_archive_and_a_skip_target_is_titled_and_dated_by_its_fields(tmp_path):
    # made up in the style of an agenda system's item page: the site's skip link and skip target
    # ("Indhold") over the meeting's fields, the archive's name over them
    text = "Gå til hovedindhold\n\nSocialudvalget - Dagsordener og referater\n\n"
    text += "Se dagsordener og referater fra udvalgets møder.\n\nIndhold\n\n"
    text += "    Udvalg: Socialudvalget 2022-2025\n    Mødedato: 3. oktober 2024 16:00\n    Mødested: Rådhuset\n\n"
    text += "Sagsnr.: 00.01.00-P35-1-24\nBeslutningstema\nUdvalget skal godkende budgetopfølgningen.\n"
    text += "Sagsfremstilling\nForvaltningen har udarbejdet en budgetopfølgning for udvalgets område.\n"
    found = _meta_of(text, tmp_path, "kommune_side.txt")
    assert (found.title, found.date) == ("Dagsorden Socialudvalget", "2024-10-03")


def test_a_web_pages_numbered_steps_do_not_make_it_an_agenda(tmp_path):
    # made up in the style of a municipality's grant page: numbered steps, no meeting's day nor fields
    text = "Alle godkendte foreninger i kommunen kan søge om tilskud til vedligehold af egne og lejede lokaler.\n\n"
    text += "Sådan gør du\n\n 1. Udfyld oplysninger om ansøger\n 2. Udfyld oplysninger om arbejdet\n"
    text += " 3. Send ansøgning\n\nOfte stillede spørgsmål\n\n • Hvornår skal vi søge?\n\n  I kan søge løbende.\n"
    found = _meta_of(text, tmp_path, "kommune_side.txt")
    assert found.kind != "dagsorden" and found.title != "Dagsorden"


# made up in the style of a municipality's web page on a pool (the development corpus holds none):
# its day of publication at the foot, after its sections
POOL_PAGE = """Puljen til lokale projekter

Kommunen har afsat 500.000 kr. til lokale projekter i 2025.

Hvem kan søge?

Foreninger og lokalråd i kommunen kan søge om tilskud til projekter.

Se landdistriktspolitikken

Publiceret 07-02-2025
"""


def test_a_web_pages_day_of_publication_at_its_foot_dates_it(tmp_path):
    found = _meta_of(POOL_PAGE, tmp_path, "kommune_pulje.txt")
    assert (found.title, found.date) == ("Puljen til lokale projekter", "2025-02-07")
    assert _meta_of(POOL_PAGE.replace("Publiceret 07-02-2025\n", ""), tmp_path, "kommune_pulje.txt").date is None


def test_a_day_of_publication_in_an_attachment_or_a_citation_does_not_date_the_document(tmp_path):
    """Made up in the style of agenda items and reports: an attachment's "Sidst opdateret" loses
    to the item's file name; a literature list's citation dates nothing."""
    item = ITEM_WITHOUT_DATE + "\nBilag\n\nNotat om puljen\n\nSidst opdateret 12.03.2019\n"
    found = _meta_of(item, tmp_path, "kommune_tu_2024-06-10_p03_puljen.txt")
    assert (found.date, found.date_basis) == ("2024-06-10", "file name")
    report = POOL_PAGE.replace(
        "Publiceret 07-02-2025\n", "Litteratur\n\nPubliceret 3. marts 2015 af Sundhedsstyrelsen.\n"
    )
    assert _meta_of(report, tmp_path, "kommune_pulje.txt").date is None


@pytest.mark.parametrize("example", RULES.byline_date.examples, ids=lambda e: e["text"][:30])
def test_byline_date_examples(example):
    assert meta.byline_date(example["text"], RULES, DATES) == example["value"]


def test_a_byline_date_is_read_only_in_the_first_lines():
    # made up in the style of a news page: a date line far down is no date of the page
    text = "Ny pulje\n\n" + "Byrådet har vedtaget en ny pulje til foreningerne. " * 20 + "\n\n03.10.2024\n"
    assert meta.byline_date(text, RULES, DATES) is None


def test_a_date_under_a_label_line_or_in_minutes_is_no_byline(tmp_path):
    """Made up in the style of minutes and a pool's web page: the next meeting's day in minutes
    leaves them their file name's date; a deadline under "Ansøgningsfrist:" or "Vigtige datoer:"
    dates no page."""
    minutes = (
        "Referat af møde i styregruppen for sundhedspolitikken\n\nNæste møde:\n\n12. juni 2025\n\n"
        "1. Godkendelse af dagsorden\n\nDagsordenen blev godkendt uden bemærkninger.\n"
    )
    found = _meta_of(minutes, tmp_path, "sundhed_2025-03-04_referat-styregruppe.txt")
    assert (found.date, found.date_basis) == ("2025-03-04", "file name")
    page = "Pulje til foreningslivet\n\nAnsøgningsfrist:\n\n1. november 2025\n\nKommunen har afsat 500.000 kr.\n"
    assert _meta_of(page, tmp_path, "kommune_pulje.txt").date is None
    page = (
        "Pulje til foreningslivet\n\nVigtige datoer:\n\n1. marts 2026\nAnsøgningsfristen for første runde.\n\n"
        "1. september 2026\nAnsøgningsfristen for anden runde.\n\nPuljen kan søges af foreninger i kommunen.\n"
    )
    assert _meta_of(page, tmp_path, "kommune_pulje.txt").date is None
    # ... while a news page's date line under its headline, a caption and its lead dates it
    page = (
        "Nyt tilskud til foreningerne\n\nBorgmester Anne Hansen\n\nByrådet har vedtaget en ny pulje.\n\n"
        "03.10.2024\nNB - arkivnyhed\n\nPuljen kan søges af foreninger.\n"
    )
    assert _meta_of(page, tmp_path, "kommune_nyhed.txt").date == "2024-10-03"


@pytest.mark.parametrize("within", [True, 0, "600", 12.5])
def test_byline_within_must_be_a_positive_whole_number(within):
    import yaml

    data = yaml.safe_load((ROOT / "rules" / "document_meta.yml").read_text(encoding="utf-8"))
    data["byline_within"] = within
    with pytest.raises(meta.RuleError):
        meta.load_rules(data)


@pytest.mark.parametrize("example", RULES.weekday_day.examples, ids=lambda e: e["name"][:30])
def test_weekday_day_examples(example):
    """A day named by weekday, day and month dates the page only where the calendar puts that
    weekday on that day of the file name's year (7 October 2025 is a Tuesday, 2024's a Monday)."""
    assert meta.weekday_date(example["text"], example["name"], RULES, DATES) == example["value"]


def test_a_weekday_is_named_by_the_date_rules_once():
    """The weekdays' names are the date rules' (dates.yml `weekdays`, Monday first); the page's
    rule gives only the layout, so another word before the day dates nothing (made up in the
    style of municipal news pages)."""
    import dataclasses

    text = "Byrådets beslutninger\n\nTirsdag 7. oktober holdt byrådet sit møde.\n"
    name = "kommune_nyhed_2025-10-07_beslutninger.txt"
    assert meta.weekday_date(text, name, RULES, DATES) == "2025-10-07"
    shifted = dataclasses.replace(DATES, weekdays=DATES.weekdays[1:] + DATES.weekdays[:1])
    assert meta.weekday_date(text, name, RULES, shifted) is None
    assert meta.weekday_date(text.replace("Tirsdag", "Referat"), name, RULES, DATES) is None
    assert not hasattr(RULES, "weekdays")


def test_a_date_rule_names_the_groups_it_needs():
    """One loader for the date rules: a weekday's rule needs its three groups, others a value."""
    entry = {"id": "x", "pattern": r"(?P<day>\d+)\. (?P<month>\w+)", "examples": ["7. oktober"]}
    with pytest.raises(meta.RuleError, match="weekday"):
        meta._date_rule(entry, "x", (("weekday", "day", "month"),))
    with pytest.raises(meta.RuleError, match="value"):
        meta._date_rule(entry, "x")


def test_a_meeting_page_without_a_header_is_dated_by_the_latest_day_its_decisions_name(tmp_path):
    """Items of a meeting printed without a header (made up in the style of agenda systems'
    pages): the decisions name the body beside the meeting's day, the item's earlier treatment
    an earlier day; a day in the item's text is never read."""
    item = (
        "{n}.      {title}\n\nSagsfremstilling\n\nSagen blev drøftet på mødet den 2. september 2024.\n\n"
        "Beslutning i Økonomiudvalget 30. september 2024:\n\nAnbefales.\n\n"
        "Beslutning i Teknisk Udvalg 7. oktober 2024:\n\nGodkendt.\n\n"
    )
    text = item.format(n=1, title="Trafikplan 2025") + item.format(n=2, title="Nye cykelstier")
    found = _meta_of(text, tmp_path, "kommune_side.txt")
    assert (found.date, found.date_basis) == ("2024-10-07", "text")


@pytest.mark.parametrize("example", RULES.viewer_cover.examples, ids=lambda e: e["text"][:30])
def test_viewer_cover_examples(example):
    assert meta.first_date(example["text"], (RULES.viewer_cover,), DATES) == example["value"]


@pytest.mark.parametrize(
    "rule,example", [(rule, e) for rule in RULES.agenda_approval for e in rule.examples], ids=lambda e: str(e)[:30]
)
def test_agenda_approval_examples(rule, example):
    assert meta.first_date(example["text"], (rule,), DATES) == example["value"]


@pytest.mark.parametrize(
    "example", [e for rule in RULES.approval_line for e in rule.examples], ids=lambda e: e["text"][:30]
)
def test_approval_line_examples(example):
    assert meta.first_date(example["text"], RULES.approval_line, DATES) == example["value"]


def test_agenda_roles_are_roles_of_the_heading_rules():
    assert RULES.agenda_roles and set(RULES.agenda_roles) <= set(ALL_RULES["headings.yml"].roles)


def test_a_policy_is_dated_by_its_approval_line_and_an_agenda_item_is_not(tmp_path):
    """Made up in the style of a policy's web page and of an agenda item quoting a policy."""
    policy = (
        "Familie- og læringspolitik 2023-2026\n\n"
        "Familie- og læringspolitikken 2023-2026 blev godkendt af Byrådet d. 21. juni 2023.\n\n"
        "Forord\n\nByrådet sætter rammerne for udviklingen af børneområdet.\n"
    )
    found = _meta_of(policy, tmp_path, "politik.txt")
    assert (found.date, found.date_basis) == ("2023-06-21", "text")
    item = (
        "Revision af politikken\n\nSagsfremstilling\n\n"
        "Politikken blev godkendt af Byrådet d. 21. juni 2023.\n\nIndstilling\n\nAt politikken revideres.\n"
    )
    assert _meta_of(item, tmp_path, "punkt.txt").date is None


def test_an_excerpt_of_an_agenda_item_without_its_header_takes_the_file_names_day(tmp_path):
    """An item's text that starts inside it (no header, no meeting's day written), under a field
    only agenda items hold: the day in its file name, as for any agenda item (made up in that style)."""
    text = (
        "Kommunens nuværende indkøbspolitik er fra 2010.\n\nBaggrund\n\nPolitikken skal revideres.\n\n"
        "Sagsfremstilling\n\nPolitikken sætter rammer for kommunens indkøb.\n"
    )
    found = _meta_of(text, tmp_path, "oekonomiudvalget-2019-02-19-indkoebspolitik.txt")
    assert (found.date, found.date_basis) == ("2019-02-19", "file name")


def test_a_viewers_copy_of_minutes_is_dated_by_the_cover_its_link_quotes(tmp_path):
    """Made up in the style of a document viewer's page: the copied pages lost the year of the
    meeting's day; the cover quoted in the link to the file keeps it."""
    text = (
        "Referat. Økonomiudvalget. Dato 17. februar Tid 15:30\n\nStørrelse: px\n\n"
        'Download "Referat. Økonomiudvalget. Dato 17. februar 2026. Tid 15:30. Sted Rådhuset"\n\nTranskript\n\n'
        "1 Referat Økonomiudvalget Dato 17. februar Tid 15:30 Sted Rådhuset\n\n"
        "2 1. Godkendelse af dagsorden Godkendt. 2. Budget Godkendt.\n"
    )
    assert _meta_of(text, tmp_path, "kommune_side.txt").date == "2026-02-17"


def test_a_weekday_named_day_takes_the_year_its_title_names_where_the_file_name_has_none():
    """A news page on a council's meeting (made up in that style): "Tirsdag 24. marts" under the
    title "Byrådet har besluttet - marts 2026" is 24 March 2026, a Tuesday; a Wednesday is not."""
    text = "Byrådet har besluttet - marts 2026\n\nTirsdag 24. marts var der byrådsmøde. Her er et overblik.\n"
    title = "Byrådet har besluttet - marts 2026"
    assert meta.weekday_date(text, "kommune_nyhed.txt", RULES, DATES, title) == "2026-03-24"
    assert meta.weekday_date(text.replace("Tirsdag", "Onsdag"), "kommune_nyhed.txt", RULES, DATES, title) is None
    assert meta.weekday_date(text, "kommune_nyhed.txt", RULES, DATES) is None  # no year to read it in


def test_a_list_of_weekday_named_days_under_a_title_naming_the_year_dates_no_page():
    """A committee's page listing its meetings of a year (made up in that style): each day is one of
    the list, none the page's day."""
    text = "Udvalgets møder i 2026\n\nMandag den 12. januar\nMandag den 2. februar\nTirsdag den 3. marts\n"
    assert meta.weekday_date(text, "kommune_side.txt", RULES, DATES, "Udvalgets møder i 2026") is None


@pytest.mark.parametrize("clock, day", [("3:00:00 PM", "2024-09-11"), ("15:00", "2024-11-09")])
def test_a_meeting_day_with_a_clock_in_am_or_pm_is_read_month_first(tmp_path, clock, day):
    # made up in the style of an agenda system set to English ("Mødedato: 8/29/2019 4:00:00 PM");
    # the meeting's day is the page's date and no milestone of it
    text = f"Dagsorden\n\nMødedato: 9/11/2024 {clock}\nMødested: Rådhuset\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    found = _meta_of(text, tmp_path, "kommune_oeu_dagsorden.txt")
    assert (found.date, found.date_basis) == (day, "text")


def test_one_item_under_a_meetings_kind_line_is_titled_by_the_item(tmp_path):
    # made up in the style of a council's item pages: the kind line over the item's title over its fields
    text = (
        "Vælg\n\nReferat Vestby Byråd 01-10-2024\n\n    Ny cykelsti langs Skolevej\n\n    Beslutning\n"
        "    Tilbagesendes Teknik og Miljø med bemærkning, at byrådet har vedtaget indstillingen.\n     \n"
        "    Resumé\n    Forvaltningen foreslår en cykelsti langs Skolevej.\n    Indstilling\n    At cykelstien anlægges.\n"
    )
    found = _meta_of(text, tmp_path, "side.txt")
    assert (found.title, found.date) == ("Ny cykelsti langs Skolevej", "2024-10-01")


def test_a_deadlines_day_ending_a_heading_stays_in_the_title_and_dates_no_page(tmp_path):
    # made up in the style of a pool's news page: the day is the pool's deadline
    text = "Natur- og Miljøpuljen: Ansøgningsfrist den 18. april 2026\n\nPuljen støtter lokale grønne tiltag.\n"
    found = _meta_of(text, tmp_path, "side.txt")
    assert (found.title, found.date) == ("Natur- og Miljøpuljen: Ansøgningsfrist den 18. april 2026", None)


def test_a_run_of_days_each_alone_on_its_line_is_no_documents_date(tmp_path):
    # made up in the style of two municipalities' pool pages: the rounds' table copied a cell to a line
    table = "Puljen støtter lokale projekter.\n\nUdvalgets møder\n\n12. januar 2026\n\n8. juni 2026\n"
    assert _meta_of(table, tmp_path, "pulje.txt").date is None
    news = "Nyt om kulturpuljen\n\n09.10.2019\n\nKulturpuljen er åben for ansøgninger til 1. december 2019.\n"
    assert _meta_of(news, tmp_path, "nyhed.txt").date == "2019-10-09"


def test_a_labelled_day_with_its_month_cut_short_dates_the_page():
    """A news page's "added" line with the month cut short ("21. sept. 2021", as a municipality's
    news page prints it; made up in that style) gives the page's day."""
    text = "Nyhed, tilføjet 21. sept. 2026\n\nBred politisk aftale om budget 2027\n\nPartierne er enige.\n"
    assert meta.labelled_fields(text, RULES, DATES).get("published") == "2026-09-21"


def test_a_kind_line_naming_the_body_and_day_dates_a_page_whose_fields_run_into_their_text(tmp_path):
    """A council's page of minutes whose fields run on in their lines ("Beslutning Drøftet."), so
    that no field is read: the kind line naming the body and the day ("Referat Magistraten
    29-08-2016", one municipality's style; made up in it) still makes it minutes of that day."""
    text = (
        "Vælg\n\nReferat Vestby Byråd 29-08-2016\n\n  Ny cykelsti langs Skolevej\n\n\n"
        "  Beslutning Tiltrådt.\n  Byrådet drøftede sagen kort.\n\n  Sagens forløb 29-08-2016 Byrådet\n  Tiltrådt.\n"
    )
    found = _meta_of(text, tmp_path, "side.txt")
    assert (found.kind, found.date) == ("referat", "2016-08-29")


def test_a_header_block_of_labels_over_values_keeps_the_meetings_body_and_day(tmp_path):
    """A header printed as a block of labels over values ("UDVALG" over the body, "STARTTIDSPUNKT"
    over the day; one agenda system's style, made up in it) gives the page's body and day."""
    text = (
        "UDVALG\n\nUdvalget for Kultur og Fritid\n\nMØDE\n\nReferat\n\nSTED\n\nMødelokale 2\n\n"
        "STARTTIDSPUNKT\n\n04-03-2020 16:00:00\n\nSLUTTIDSPUNKT\n\n04-03-2020 18:00:00\n\n\nPUNKTER\n\n"
        "1. Godkendelse af dagsorden\n2. Takster 2021\n\n\n1. Godkendelse af dagsorden\n\nIndstilling\n\n"
        "Administrationen indstiller, at dagsordenen godkendes.\n\n2. Takster 2021\n\nIndstilling\n\n"
        "Administrationen indstiller, at taksterne godkendes.\n"
    )
    found = _meta_of(text, tmp_path, "side.txt")
    assert (found.title, found.date) == ("Referat Udvalget for Kultur og Fritid", "2020-03-04")


# Made up in the style of a budget agreement's text copy (a municipality's, 2023): its title over the
# place and day it was made, then its sub-headings.
AGREEMENT = """Byrådets budgetaftale for 2027-2030

Nordby d. 7. oktober 2026

Budgetaftale 2027-2030

Indholdsfortegnelse

Byrådets budgetaftale for 2027-2030 er indgået mellem partierne i byrådet, og den sikrer en god økonomi.
"""


def test_a_place_and_day_under_the_title_dates_the_document_and_is_no_heading(tmp_path):
    from extract.pipeline import extract_source, read_source

    path = tmp_path / "kommune_budgetaftale.txt"
    path.write_text(AGREEMENT, encoding="utf-8")
    found = extract_source(read_source(path, ALL_RULES), ALL_RULES, name=path.name)
    assert (found.meta.title, found.meta.date) == ("Byrådets budgetaftale for 2027-2030", "2026-10-07")
    assert "Nordby d. 7. oktober 2026" not in [s.heading for s in found.sections]
