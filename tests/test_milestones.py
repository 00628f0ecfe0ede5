"""Milestones (extract/milestones.py, rules/milestones.yml): rule examples, corpus parts, invariants."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import CORPUS
from conftest import RULES as ALL_RULES

from extract.extractors.milestones import find_milestones
from extract.pipeline import load_rule_file
from extract.read.text import read_text_source
from extract.rules import RULES_DIR, RuleError
from extract.structure.sentences import find_sentences

RULES = ALL_RULES["milestones.yml"]


def run(text: str, amounts: list[str] = (), document_date=None):
    spans = []
    for amount in amounts:
        start = text.index(amount)
        spans.append((start, start + len(amount)))
    found = find_sentences(text, ALL_RULES["sentences.yml"])
    return find_milestones(text, found, spans, RULES, ALL_RULES["dates.yml"], document_date)


RULE_EXAMPLES = [(rule.id, ex) for rule in RULES.kinds + RULES.year_items + RULES.exclusions for ex in rule.examples]
RULE_EXAMPLES += [("amount_link", ex) for ex in RULES.amount_link_examples]


@pytest.mark.parametrize("rule_id,example", RULE_EXAMPLES, ids=[f"{r}:{e['text'][:40]}" for r, e in RULE_EXAMPLES])
def test_rule_examples(rule_id, example):
    got = [[m.date_text, m.kind] for m in run(example["text"], example.get("amounts", []), example.get("date"))]
    assert got == example["expect"]


@pytest.mark.parametrize(
    "example", RULES.meeting_header_examples, ids=[e["text"][:40] for e in RULES.meeting_header_examples]
)
def test_meeting_header_examples(example):
    """Without a document date, the meeting's date in a header is the document's: no milestone."""
    got = [[m.date_text, m.kind] for m in run(example["text"])]
    assert got == example["expect"]


def test_a_header_date_is_not_taken_when_the_document_date_is_known():
    # made-up minutes header; the known document date wins (the header's day stays an event)
    text = "Referat • 4. marts 2024 kl. 15.00\n\nSagen forelægges Byrådet den 20. marts 2024."
    assert [m.date_text for m in run(text, document_date="2024-03-20")] == ["4. marts 2024"]
    assert [m.date_text for m in run(text)] == ["20. marts 2024"]


@pytest.mark.parametrize("example", RULES.tense_examples, ids=[e["text"][:40] for e in RULES.tense_examples])
def test_tense_examples(example):
    """A date without a year is read from the document's date and the sentence's tense."""
    got = [[m.date_text, m.date_start] for m in run(example["text"], document_date=example["date"])]
    assert got == example["expect"]


def test_a_date_across_the_turn_of_the_year_is_read_in_the_nearer_year_unless_the_tense_says():
    # made-up examples in the style of an item of early January: a plan for the coming
    # December stays in the document's year; the week just past, told in a sentence of both
    # tenses, is last year's (rules/milestones.yml: tense_examples)
    assert [m.date_start for m in run("Der skal afholdes et borgermøde i december.", document_date="2024-01-05")] == [
        "2024-12-01"
    ]
    assert [m.date_start for m in run("Borgermødet blev holdt i januar.", document_date="2024-12-18")] == ["2024-01-01"]


def test_a_day_and_its_month_agree_across_the_turn_of_the_year():
    # made-up examples in the style of items of late November and December on next year's
    # deadlines: the month is read in the same year as a day of it
    for text, day in [
        ("Regnskabet aflægges den 5. februar.", "2024-12-30"),
        ("Regnskabet aflægges i februar.", "2024-12-30"),
    ]:
        assert [m.date_start[:7] for m in run(text, document_date=day)] == ["2025-02"]
    for text in ["Ansøgningsfristen er den 10. januar.", "Ansøgningsfristen er i januar."]:
        assert [m.date_start[:7] for m in run(text, document_date="2024-11-30")] == ["2025-01"]


def test_a_standing_rule_in_the_present_is_not_read_as_last_year():
    # made-up examples in the style of a grant's page or an item of early January: a sentence
    # in the present moves nothing back across the turn of the year (only the past does)
    assert [m.date_start for m in run("Ansøgningsfristen er den 15. december.", document_date="2025-01-05")] == [
        "2025-12-15"
    ]
    assert [m.date_start for m in run("Tilskuddet udbetales i december.", document_date="2025-01-03")] == ["2025-12-01"]
    assert [m.date_start for m in run("Tilskuddet blev udbetalt i december.", document_date="2025-01-03")] == [
        "2024-12-01"
    ]


def test_a_list_out_of_calendar_order_keeps_the_year_of_its_dated_day():
    # made-up examples in the style of a meeting plan; across New Year the year before
    for text, want in [
        ("Møderne holdes den 12. juni og 3. april 2025.", ["2025-06-12", "2025-04-03"]),
        ("Der er informationsmøde den 28. december og 3. januar 2025.", ["2024-12-28", "2025-01-03"]),
    ]:
        assert [m.date_start for m in run(text, document_date="2025-01-10")] == want
        assert [m.date_start for m in run(text)] == want


def test_the_document_date_decides_the_year_of_a_date_without_one():
    text = "Sagen forelægges udvalget den 14. oktober."
    assert [m.date_start for m in run(text, document_date="2024-08-20")] == ["2024-10-14"]
    # the day has passed at the document's date and the sentence speaks of the future: next year
    assert [m.date_start for m in run("Sagen skal forelægges udvalget den 14. marts.", document_date="2024-08-20")] == [
        "2025-03-14"
    ]
    # the document's date wins over the first year written in the document (its title)
    assert [
        m.date_start
        for m in run("Budget 2026-29\n\nFørstebehandling finder sted den 3. september.", document_date="2025-09-08")
    ] == ["2025-09-03"]


def test_a_day_written_again_without_its_year_takes_the_year_it_was_written_with():
    # made-up examples in the style of an undated letter to a committee: the deadline is
    # repeated at the end without its year, after a later meeting day
    text = (
        "Tilmelding sker senest den 15. marts 2019 til sekretariatet.\n\n"
        "Udvalget mødes igen den 2. april 2019.\n\nHusk tilmelding senest den 15. marts."
    )
    assert [m.date_start for m in run(text)] == ["2019-03-15", "2019-04-02", "2019-03-15"]
    # a year in the sentence still comes first; a day written with two years gives none of them
    text = "Mødet holdes den 23. december 2024. Det samme skete i 2019, hvor mødet lå den 23. december."
    assert [m.date_start for m in run(text)][-1] == "2019-12-23"
    text = "Frist den 1. maj 2023 og den 1. maj 2024.\n\nMødet er den 2. juni 2025. Husk fristen den 1. maj."
    assert [m.date_start for m in run(text)][-1] == "2025-05-01"
    # a dated document reads it from its own date, whatever other year the day is written with
    text = "Projektet kører frem til 31. december 2013.\n\nPladserne skal være aftalt senest 31. december."
    assert [m.date_start for m in run(text, document_date="2012-09-23")][-1] == "2012-12-31"


@pytest.mark.parametrize(
    "text,expected",
    [
        # missing year: nearest year before it in the sentence
        (
            "Det forventede antal i 2009 er at alt er klar senest 31. december.",
            [("31. december", "2009-12-31", "deadline")],
        ),
        # ... else in the same block (paragraph / bullet)
        (
            "Indsatsen iværksættes fra januar 2013. Rekruttering sker i løbet af foråret.",
            [("januar 2013", "2013-01-01", "start"), ("foråret", "2013-03-01", "event")],
        ),
        # ... else the document's context year (its title)
        ("Budget 2013\n\nOpfølgning bliver forelagt BIU i første halvår.", [("første halvår", "2013-01-01", "event")]),
        # no year anywhere: skipped
        ("Opfølgning bliver forelagt udvalget i første halvår.", []),
        # a year that names the budget being negotiated is no year of the page: the
        # budget is negotiated in the year before its own (made up in the style of a budget's web page)
        (
            "Budget 2022-2025\n\nBudgetforhandlingerne for 2022 er sat i gang. Høringsfristen udløber den 8. september.",
            [("8. september", None, "deadline")],
        ),
        # bare years are never milestones
        ("I budgetaftalen for 2013 er afsat midler i 2013-16 frem til og med 2016.", []),
        # consecutive days joined by "og": one milestone; days apart: two
        (
            "Budget 2013\n\nSelve arrangementet afholdes 31. august og 1. september.",
            [("31. august og 1. september", "2013-08-31", "event")],
        ),
        # a year-less day before a dated day of a later month's year: the year before (a made-up
        # example in the style of an event notice)
        (
            "Selve arrangementet afholdes 31. december og 1. januar 2014.",
            [("31. december og 1. januar 2014", "2013-12-31", "event")],
        ),
        (
            "Møderne holdes 3. marts 2013 og 15. april 2013.",
            [("3. marts 2013", "2013-03-03", "event"), ("15. april 2013", "2013-04-15", "event")],
        ),
    ],
)
def test_year_context_and_joins(text, expected):
    got = [(m.date_text, m.date_start, m.kind) for m in run(text)]
    assert got == expected


def test_budget_years_tied_to_an_amount_are_not_milestones():
    text = "Der er afsat 3,0 mio. kr. i 3. kvartal 2013 og indsatsen starter 1. oktober 2013."
    got = run(text, ["3,0 mio. kr."])
    assert [m.date_text for m in got] == ["1. oktober 2013"]
    assert [m.date_text for m in run(text)] == ["3. kvartal 2013", "1. oktober 2013"]


def read(path: Path) -> str:
    return read_text_source(path, path.read_bytes(), ALL_RULES["ocr_repair.yml"]).text


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_invariants(path):
    text = read(path)
    for m in run(text):
        assert text[m.char_start : m.char_end] == m.date_text
        assert date.fromisoformat(m.date_start) <= date.fromisoformat(m.date_end)
        assert m.date_text in m.quote and m.quote in text
        assert m.precision in ("day", "week", "month", "quarter", "half", "third", "season", "year")
        assert m.kind in ("deadline", "start", "phase", "event")
        assert m.rule in {r.id for r in RULES.kinds}
        assert m.section_position is None and m.page is None


def test_bad_regex_is_reported(tmp_path):
    bad = tmp_path / "milestones.yml"
    text = (
        (RULES_DIR / "milestones.yml")
        .read_text(encoding="utf-8")
        .replace(r"'(?i)\bsiden\s+$'", "'(?i)\\bsiden(\\s+$'", 1)
    )
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert "reference_since" in str(e.value)


# Made-up pages in the style of municipalities' budget web pages (no dev document is one): no
# date line, a decision told with its day, then a time plan whose lines give no year.
BUDGET_PAGE = (
    "Budgetproces for budget 2027-30\n\n"
    "Den 10. december 2025 blev budgetprocessen for budget 2027-30 godkendt af Økonomiudvalget.\n\n"
    "Tidsplan for budget 2027-30:\n\n"
    "10. december: Budgetprocessen godkendes af Økonomiudvalget.\n\n"
    "12.-14. januar: Fagudvalgene orienteres om budgetprocessen.\n\n"
    "27. maj: Budgetseminar for kommunalbestyrelsen.\n"
)


def test_a_page_without_a_date_reads_its_plan_from_the_day_it_reports():
    got = [(m.date_text, m.date_start, m.date_end) for m in run(BUDGET_PAGE)]
    assert got == [
        ("10. december 2025", "2025-12-10", "2025-12-10"),
        ("10. december", "2025-12-10", "2025-12-10"),
        ("12.-14. januar", "2026-01-12", "2026-01-14"),
        ("27. maj", "2026-05-27", "2026-05-27"),
    ]


def test_a_span_of_years_gives_no_year_to_a_plan():
    text = (
        "Budgetlægning 2027-2030\n\nByrådet behandler budgetforslaget den 6. oktober 2026.\n\n"
        "  • 22. april – Byrådet – 1. budgetseminar\n"
        "  • 1. september – Byrådet – 1. behandling af forslag til budget 2027-2030\n"
        "  • September – Politiske forhandlinger\n"
        "  • 6. oktober – Byrådet – 2. behandling af forslag til budget 2027-2030\n"
    )
    got = [(m.date_text, m.date_start) for m in run(text)]
    assert got == [
        ("6. oktober 2026", "2026-10-06"),
        ("22. april", "2026-04-22"),
        ("1. september", "2026-09-01"),
        ("September", "2026-09-01"),
        ("6. oktober", "2026-10-06"),
    ]


def test_a_date_without_a_year_takes_the_year_of_the_date_it_is_joined_to():
    # made-up, in the style of a pool's web page with no date of its own: the title's year
    # (the pool's name) is no guide where the next date names the year
    text = "Foreningspuljen 2021\n\nPuljen har to runder med frist 1. maj (fristen er udløbet) og 1. oktober 2020."
    assert [(m.date_text, m.date_start, m.kind) for m in run(text)] == [
        ("1. maj", "2020-05-01", "deadline"),
        ("1. oktober 2020", "2020-10-01", "deadline"),
    ]
    # the year before when the next date's would put it after that date
    text = "Møderne holdes den 15. december (på rådhuset) og den 10. januar 2025."
    assert [(m.date_text, m.date_start) for m in run(text)] == [
        ("15. december", "2024-12-15"),
        ("10. januar 2025", "2025-01-10"),
    ]


def test_a_day_joined_to_the_day_before_it_runs_in_date_order_only_in_a_plan():
    # made-up, in the style of an agenda item's history of meetings (the newest first) and of
    # a pool's page (rounds to come)
    text = "Sagen har været behandlet i udvalget den 12. marts 2025 og den 4. februar, hvor udvalget bad om en redegørelse."
    assert [(m.date_text, m.date_start) for m in run(text, document_date=date(2025, 11, 20))] == [
        ("12. marts 2025", "2025-03-12"),
        ("4. februar", "2025-02-04"),
    ]
    text = "Puljen kan søges med frist den 1. november 2025 og den 1. marts."
    assert [(m.date_text, m.date_start) for m in run(text, document_date=date(2025, 9, 20))] == [
        ("1. november 2025", "2025-11-01"),
        ("1. marts", "2026-03-01"),
    ]


def test_a_page_without_a_date_reads_a_day_without_a_year_from_the_month_it_reports_before_it():
    # made-up, in the style of an agenda item exported without its meeting date
    text = (
        "I marts 2018 blev en evaluering af fordelingsmodellen forelagt.\n\n"
        "Forvaltningen foreslår, at et kort notat forelægges udvalget på mødet den 4. december."
    )
    assert [(m.date_text, m.date_start) for m in run(text)] == [
        ("marts 2018", "2018-03-01"),
        ("4. december", "2018-12-04"),
    ]


def test_a_page_without_any_year_keeps_its_deadlines_without_bounds():
    """A pool's page that writes no year and has no date of its own: its deadlines are
    recorded with their day and no bounds (date_start and date_end None), as readers label
    them; a day told of that is no deadline, start or phase (a meeting's day) is once, in a
    year the page does not give: no record. A year written on the page still gives it."""
    # made-up, in the style of pools' pages of several municipalities
    text = (
        "Kulturpuljen\n\nForeninger kan søge to gange om året. "
        "Der er deadline for at søge om tilskud den 1. april og den 1. november."
    )
    got = [(m.date_text, m.date_start, m.date_end, m.kind, m.precision) for m in run(text)]
    assert got == [("1. april", None, None, "deadline", "day"), ("1. november", None, None, "deadline", "day")]
    got = [(m.date_start, m.kind, m.precision) for m in run("Puljen kan søges i perioden januar til og med maj.")]
    assert got == [(None, "phase", "month")]
    assert run("Mandag 26. september var der byrådsmøde i kommunen. Her kan du se, hvad byrådet besluttede.") == []
    assert [m.date_start for m in run("Puljen 2026\n\nAnsøgningsfristen er den 1. april.")] == ["2026-04-01"]


def test_a_page_without_a_date_reads_a_day_without_a_year_from_the_first_dated_day_after_it():
    # made-up, in the style of a municipality's news item on a committee's decision
    text = (
        "Udvalget har på sit møde den 5. september behandlet forslaget.\n\n"
        "Det blev besluttet, at sagen genoptages på udvalgets møde i december.\n\n"
        "De nye kriterier træder i kraft fra 1. januar 2026."
    )
    assert [(m.date_text, m.date_start) for m in run(text)] == [
        ("5. september", "2025-09-05"),
        ("december", "2025-12-01"),
        ("1. januar 2026", "2026-01-01"),
    ]


def test_a_page_without_a_date_reads_a_day_without_a_year_from_the_start_of_a_span_before_it():
    # made-up, in the style of a call for activities: the page names the span of the
    # activities to come, and the deadline to apply falls before it, in its first year
    text = (
        "Puljen støtter aktiviteter for børn og unge i perioden november til og med "
        "februar 2026.\n\nAnsøgningen sendes til forvaltningen senest den 20. november."
    )
    got = [[m.date_text, m.date_start] for m in run(text)]
    assert got == [["november til og med februar 2026", "2025-11-01"], ["20. november", "2025-11-20"]]


def test_a_list_of_days_runs_in_date_order():
    # made-up, in the style of a pool's page with two rounds a year: the second day, earlier
    # in the calendar than the first, is the next year's
    text = "Ansøgningsfristen er 15. oktober 2025 og 1. marts, og puljen fordeles løbende."
    got = [[m.date_text, m.date_start, m.kind] for m in run(text)]
    assert got == [["15. oktober 2025", "2025-10-15", "deadline"], ["1. marts", "2026-03-01", "deadline"]]
    # days already in order keep their year
    text = "Ansøgningsfristen er 1. marts 2026 og 1. september."
    assert [m.date_start for m in run(text)] == ["2026-03-01", "2026-09-01"]


@pytest.mark.parametrize("example", [ex for rule in RULES.year_pair_breaks for ex in rule.examples])
def test_year_pair_break_examples(example):
    """Two years joined by "og" across two clauses are no pair: the first is read alone."""
    assert [[m.date_text, m.kind] for m in run(example["text"])] == example["expect"]


@pytest.mark.parametrize(
    "text,expect",
    [
        # made-up, in the style of a case's time plan: "eller" is one record over both, its kind
        # by its words (what shall be finished by then: a deadline), as "oktober eller november 2022" is
        (
            "Byggeriet forventes færdigt i 2026 eller 2027.",
            [("2026 eller 2027", "2026-01-01", "2027-12-31", "deadline")],
        ),
        (
            "Den nye skole tages i brug senest i 2027 eller 2028.",
            [("2027 eller 2028", "2027-01-01", "2028-12-31", "deadline")],
        ),
        (
            "Projektet forventes afsluttet i 2025 eller 2026, afhængigt af leverancerne fra entreprenøren.",
            [("2025 eller 2026", "2025-01-01", "2026-12-31", "deadline")],
        ),
        # "og" keeps the first year's deadline; it makes a phase only of an event
        (
            "Anlægsarbejdet forventes afsluttet i 2025 og 2026.",
            [("2025 og 2026", "2025-01-01", "2026-12-31", "deadline")],
        ),
        (
            "Forvaltningen forelægger i løbet af 2025 og 2026 status på indsatsen.",
            [("2025 og 2026", "2025-01-01", "2026-12-31", "phase")],
        ),
        # the second year opens a clause of its own: the first is read alone
        ("Forsøget starter i 2024 og 2025 skal det evalueres.", [("2024", "2024-01-01", "2024-12-31", "start")]),
    ],
)
def test_a_pair_of_years_keeps_the_kind_its_first_year_has(text, expect):
    assert [(m.date_text, m.date_start, m.date_end, m.kind) for m in run(text)] == expect


# A pool's yearly rounds on a page with no date of its own keep no year, whatever year the page
# names elsewhere (its sum's year after them, a day of a decision before them); a year in their
# own sentence still gives it.
YEARLY_ROUNDS = [
    # the rounds in one sentence, the pool's sum of a year below them (a pool's page)
    (
        "Hvornår kan der søges?\n\nDer er to årlige ansøgningsrunder den 1. april og den 1. oktober.\n\n"
        "Puljen er på 150.000 kr. i 2021.\n",
        [("1. april", None, "deadline"), ("1. oktober", None, "deadline")],
    ),
    # the rounds under a lead naming them yearly, a decision's day written before it (made up in the
    # style of a pool's page of three rounds)
    (
        "Udvalget vedtog retningslinjerne den 3. marts 2022.\n\nDer er tre årlige ansøgningsrunder til puljen.\n\n"
        "  • 15. januar\n  • 1. maj\n  • 1. september\n",
        [
            ("3. marts 2022", "2022-03-03", "event"),
            ("15. januar", None, "deadline"),
            ("1. maj", None, "deadline"),
            ("1. september", None, "deadline"),
        ],
    ),
    # a year in the rounds' own sentence gives it (made up)
    (
        "I 2026 er der to årlige ansøgningsrunder med frist den 1. april og den 1. oktober.\n",
        [("1. april", "2026-04-01", "deadline"), ("1. oktober", "2026-10-01", "deadline")],
    ),
]


@pytest.mark.parametrize("text,expected", YEARLY_ROUNDS, ids=[t[:40] for t, _ in YEARLY_ROUNDS])
def test_yearly_rounds_on_an_undated_page_keep_no_year(text, expected):
    assert [(m.date_text, m.date_start, m.kind) for m in run(text)] == expected


# A day read without its year whose weekday stands before it falls on that weekday: the year read
# is moved by one when it puts the day on another weekday (a budget page of a municipality: budget
# 2023 agreed on 6 October and adopted on Thursday 13 October, of 2022; made up after it).
WEEKDAY_YEARS = [
    (
        "Budget 2023\n\nDer blev den 30. september 2022 indgået forlig om budget 2023.\n\n"
        "Budgettet blev endeligt vedtaget i byrådet torsdag den 13. oktober.\n",
        [("30. september 2022", "2022-09-30"), ("13. oktober", "2022-10-13")],
    ),
    # read in 2022 from the day before, but a Monday the 11th of October was in 2021
    (
        "Budget 2022\n\nForslaget var i høring til den 1. oktober 2022.\n\nByrådet vedtog budgettet mandag den 11. oktober.\n",
        [("1. oktober 2022", "2022-10-01"), ("11. oktober", "2021-10-11")],
    ),
    # the weekday agrees with the year read: it stays
    (
        "Borgermødet holdes den 2. marts 2026.\n\nHøringen slutter mandag den 16. marts.\n",
        [("2. marts 2026", "2026-03-02"), ("16. marts", "2026-03-16")],
    ),
]


@pytest.mark.parametrize("text,expected", WEEKDAY_YEARS, ids=[t[:40] for t, _ in WEEKDAY_YEARS])
def test_a_day_told_with_its_weekday_falls_on_it(text, expected):
    assert [(m.date_text, m.date_start) for m in run(text)] == expected


@pytest.mark.parametrize(
    "text, want",
    [
        # an agenda item's background (its words), and a deadline made up in the style of a note
        (
            "Sidst på året 2016 indgik kommunen kontrakt på levering af danskuddannelse.",
            ("2016-10-01", "2016-12-31", "quarter"),
        ),
        ("Beslutningen forventes at foreligge sidst i juni måned 2024.", ("2024-06-01", "2024-06-30", "month")),
        ("Først på året 2017 starter projektet.", ("2017-01-01", "2017-03-31", "quarter")),
    ],
)
def test_late_and_early_in_a_year_or_month_are_its_thirds(text, want):
    """ "sidst på året 2016", "sidst i juni", "først på året 2017" are "ultimo"/"primo" in other words."""
    assert [(m.date_start, m.date_end, m.precision) for m in run(text)] == [want]


def test_not_before_a_year_is_the_year_not_its_first_quarter():
    """ "Først i 2026 …" says not before 2026 (its first words mean only then): the year, not early in it."""
    found = run("Først i 2026 når de nye daginstitutioner op på fuld kapacitet.")
    assert [(m.date_start, m.date_end, m.precision) for m in found] == [("2026-01-01", "2026-12-31", "year")]


def test_a_year_that_opens_a_step_reported_in_the_past_is_that_steps_year():
    """ "I 2021 valgte vi at …", "I 2012 formulerede kommunalbestyrelsen …": an event of that year (a budget
    agreement's and a plan strategy's words); a year that opens a state ("I 2019 var underskuddet …") or a
    sentence on money is none."""
    assert [(m.date_text, m.kind) for m in run("I 2021 valgte vi at gennemføre en skattestigning.")] == [
        ("2021", "event")
    ]
    assert [(m.date_text, m.kind) for m in run("I 2012 formulerede byrådet en vision for kommunen.")] == [
        ("2012", "event")
    ]
    assert run("I 2019 var underskuddet større end ventet.") == []
    assert run("I 2015 indgik regeringen og KL aftale om kommunernes økonomi for 2016.") == []


def test_fald_of_an_idiom_is_no_trend_beside_a_date():
    """ "i givet fald", "i så fald" are no fall in figures: the date beside them stays a milestone (an item
    on a trial scheme's evaluation; a pool page's deadline made up in that style), while "et fald i …"
    beside a date is a statistic."""
    found = run("Ordningen evalueres i givet fald ultimo 2027.")
    assert [(m.date_text, m.kind) for m in found] == [("ultimo 2027", "event")]
    found = run("Er fristen overskredet, kan I i så fald søge igen senest 1. oktober 2026.")
    assert [(m.date_text, m.kind) for m in found] == [("1. oktober 2026", "deadline")]
    assert run("Der var et stort fald i antallet af ledige i 2. halvår af 2021.") == []


def test_the_end_of_a_month_not_yet_past_is_this_years():
    """ "sidst i juni" in an item of 17 June (a finance committee's item on next year's grants; its words)
    is late June of that year, though the month's middle has passed: the part of the month decides."""
    found = run("Tilskudsmeddelelsen forventes først at ske sidst i juni måned.", document_date="2025-06-17")
    assert [(m.date_start, m.date_end) for m in found] == [("2025-06-01", "2025-06-30")]


def test_each_third_of_a_month_has_passed_when_its_own_days_have():
    """A third of a month is read as the whole month, but whether it has passed at the document's date
    is told by the third's own days (``month_thirds``' ``ends``): in a plan of 25 June "primo juni" told
    in the future is next June, "medio juni" and "sidst i juni" this June (made up in an item's style)."""
    for words, year in (("primo juni", "2026"), ("medio juni", "2025"), ("sidst i juni", "2025")):
        found = run(f"Meddelelsen forventes at ske {words}.", document_date="2025-06-25")
        assert [m.date_start for m in found] == [f"{year}-06-01"], words


def test_the_year_in_a_clause_of_a_condition_is_no_step():
    """ "i løbet af året" where a condition or a count of times holds it ("såfremt … overskrides i løbet af
    året", "3-4 gange i løbet af året") tells what may happen in any year: no milestone; a plan's
    follow-up "i løbet af året" stays one, in the document's year (made up in the style of a budget
    agreement's rules and a committee's items)."""
    text = "Der gennemføres besparelser, såfremt rammen i det vedtagne\nbudget overskrides i løbet af året."
    assert run(text, document_date="2025-09-21") == []
    assert run("Udvalget får 3-4 gange i løbet af året en budgetopfølgning.", document_date="2025-09-01") == []
    found = run("Der følges op på området i løbet af året.", document_date="2025-03-13")
    assert [(m.date_start, m.date_end) for m in found] == [("2025-01-01", "2025-12-31")]
