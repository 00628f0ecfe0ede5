"""Danish date expressions → ISO day bounds (extract/danish_dates.py, rules/dates.yml)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import RULES

from extract.extractors import dates
from extract.pipeline import load_rule_file
from extract.rules import RULES_DIR, RuleError

DATES = RULES["dates.yml"]


def parse_date_expression(text, year=None):
    return dates.parse_date_expression(text, DATES, year)


def find_date_expressions(text):
    return dates.find_date_expressions(text, DATES)


D = date.fromisoformat

# (text, year used when the text has none, start, end, precision)
FORMS = [
    # day
    ("15. november 2012", None, "2012-11-15", "2012-11-15", "day"),
    ("1. januar 2013", None, "2013-01-01", "2013-01-01", "day"),
    ("31. december", 2012, "2012-12-31", "2012-12-31", "day"),
    ("31.\n\ndecember", 2012, "2012-12-31", "2012-12-31", "day"),
    ("1-10-2012", None, "2012-10-01", "2012-10-01", "day"),
    ("30-06-2013", None, "2013-06-30", "2013-06-30", "day"),
    ("26.11.09", None, "2009-11-26", "2009-11-26", "day"),
    ("24-04-2008", None, "2008-04-24", "2008-04-24", "day"),
    # month
    ("januar 2013", None, "2013-01-01", "2013-01-31", "month"),
    ("februar 2013", None, "2013-02-01", "2013-02-28", "month"),
    ("maj måned 2007", None, "2007-05-01", "2007-05-31", "month"),
    ("september", 2013, "2013-09-01", "2013-09-30", "month"),
    ("januar/februar 2013", None, "2013-01-01", "2013-02-28", "month"),
    ("oktober og november 2007", None, "2007-10-01", "2007-11-30", "month"),
    # quarter
    ("3. kvartal 2009", None, "2009-07-01", "2009-09-30", "quarter"),
    ("1. kvartal 2009", None, "2009-01-01", "2009-03-31", "quarter"),
    ("4. kvartal", 2009, "2009-10-01", "2009-12-31", "quarter"),
    ("fjerde kvartal 2009", None, "2009-10-01", "2009-12-31", "quarter"),
    ("3.kvartal", 2009, "2009-07-01", "2009-09-30", "quarter"),
    ("Q3 2024", None, "2024-07-01", "2024-09-30", "quarter"),
    ("3. kvartal 2024", None, "2024-07-01", "2024-09-30", "quarter"),
    # ISO weeks: Monday to Sunday
    ("uge 12", 2024, "2024-03-18", "2024-03-24", "week"),
    ("uge 1 2025", None, "2024-12-30", "2025-01-05", "week"),
    # points of "the year"
    ("årets udgang", 2026, "2026-01-01", "2026-12-31", "year"),
    ("inden året er omme"[6:], 2009, "2009-01-01", "2009-12-31", "year"),
    ("årsskiftet", 2012, "2013-01-01", "2013-01-01", "day"),
    # days over one month name
    ("1.-4. marts 2024", None, "2024-03-01", "2024-03-04", "day"),
    ("1. til den 4. marts", 2024, "2024-03-01", "2024-03-04", "day"),
    # half
    ("1. halvår 2013", None, "2013-01-01", "2013-06-30", "half"),
    ("første halvår 2013", None, "2013-01-01", "2013-06-30", "half"),
    ("første halvår af 2013", None, "2013-01-01", "2013-06-30", "half"),
    ("2. halvår", 2013, "2013-07-01", "2013-12-31", "half"),
    ("første halvår", 2013, "2013-01-01", "2013-06-30", "half"),
    ("første halvdel af 2022", None, "2022-01-01", "2022-06-30", "half"),
    # thirds of a year
    ("primo 2013", None, "2013-01-01", "2013-03-31", "quarter"),
    ("medio 2013", None, "2013-05-01", "2013-08-31", "third"),
    ("ultimo 2013", None, "2013-10-01", "2013-12-31", "quarter"),
    ("Ultimo 2012", None, "2012-10-01", "2012-12-31", "quarter"),
    ("slutningen af 2013", None, "2013-10-01", "2013-12-31", "quarter"),
    ("midten af 2011", None, "2011-05-01", "2011-08-31", "third"),
    ("starten af 2008", None, "2008-01-01", "2008-03-31", "quarter"),
    # thirds of a month
    ("primo juli 2007", None, "2007-07-01", "2007-07-31", "month"),
    ("medio juli 2007", None, "2007-07-01", "2007-07-31", "month"),
    ("ultimo februar 2007", None, "2007-02-01", "2007-02-28", "month"),
    ("ultimo februar 2012", None, "2012-02-01", "2012-02-29", "month"),
    ("begyndelsen af september 2012", None, "2012-09-01", "2012-09-30", "month"),
    # seasons
    ("foråret 2013", None, "2013-03-01", "2013-05-31", "season"),
    ("sommeren 2009", None, "2009-06-01", "2009-08-31", "season"),
    ("efteråret 2012", None, "2012-09-01", "2012-11-30", "season"),
    ("vinteren 2012", None, "2012-12-01", "2013-02-28", "season"),
    ("vinteren 2015", None, "2015-12-01", "2016-02-29", "season"),
    ("sommer 2020", None, "2020-06-01", "2020-08-31", "season"),
    # end of a period
    ("udgangen af 2009", None, "2009-01-01", "2009-12-31", "year"),
    ("udgangen af 3. kvartal 2009", None, "2009-07-01", "2009-09-30", "quarter"),
    ("udgangen af 3. kvartal", 2021, "2021-07-01", "2021-09-30", "quarter"),
    # ranges
    ("1-10-2012\t30-11-2012", None, "2012-10-01", "2012-11-30", "day"),
    ("1. oktober 2012 – 31. januar 2013", None, "2012-10-01", "2013-01-31", "day"),
    ("28. februar - 1. marts 2011", None, "2011-02-28", "2011-03-01", "day"),
    ("juni 2021 til december 2023", None, "2021-06-01", "2023-12-31", "month"),
    ("2. halvår 2011 - 1. halvår 2012", None, "2011-07-01", "2012-06-30", "half"),
    ("1. kvartal til 3. kvartal 2020", None, "2020-01-01", "2020-09-30", "quarter"),
    ("31. august og 1. september", 2013, "2013-08-31", "2013-09-01", "day"),
]


@pytest.mark.parametrize("text,year,start,end,precision", FORMS, ids=[f[0].replace("\n", " ") for f in FORMS])
def test_danish_date_forms(text, year, start, end, precision):
    got = parse_date_expression(text, year)
    assert got is not None, text
    assert (got.start, got.end, got.precision) == (D(start), D(end), precision)


# The end written before the start: a slip in the end's year, read as the next year.
def test_range_with_end_before_start_is_read_as_next_year():
    got = parse_date_expression("1. oktober 2012 – 31. januar 2012")
    assert (got.start, got.end) == (D("2012-10-01"), D("2013-01-31"))


# Two years in a row joined by a list word are one period over both, as two adjacent
# periods of any other form are; two years apart are no period.
def test_two_years_in_a_row_are_one_period():
    got = parse_date_expression("2015 og 2016")
    assert (got.start, got.end, got.precision) == (D("2015-01-01"), D("2016-12-31"), "year")
    assert parse_date_expression("2022 og 2024") is None


def test_range_that_cannot_be_repaired_by_a_year_is_swapped():
    got = parse_date_expression("15. marts 2014 – 1. februar 2012")
    assert (got.start, got.end) == (D("2012-02-01"), D("2014-03-15"))


@pytest.mark.parametrize("text,year,start,end,precision", FORMS, ids=[f[0].replace("\n", " ") for f in FORMS])
def test_every_range_is_ordered(text, year, start, end, precision):
    got = parse_date_expression(text, year)
    assert got.start <= got.end


@pytest.mark.parametrize(
    "text",
    [
        "",
        "i 2013",
        "3. kvartal",
        "første halvår",
        "primo",
        "45. januar 2013",
        "31-02-2012",
        "Budgetaftalen for",
        "2011-176323",
        "ikke en dato",
        None,
        "13-13-2013",
    ],
)
def test_lenient_parse_never_raises(text):
    assert parse_date_expression(text) is None


def test_expressions_without_a_year_need_one():
    assert parse_date_expression("3. kvartal") is None
    assert parse_date_expression("3. kvartal", 2009).start == D("2009-07-01")


@pytest.mark.parametrize(
    "text,found",
    [
        ("Der gøres status over initiativet primo 2013.", ["primo 2013"]),
        (
            "De 300 pladser skal være aftalt med virksomhederne senest 31.\n\ndecember. Plan for 2013",
            ["31.\n\ndecember"],
        ),
        ("Udviklingsfase\t1-10-2012\t30-11-2012", ["1-10-2012\t30-11-2012"]),
        ("Sagsnr.  \n2011-176323 og BR 2009-19598", []),
        # a case file's journal number (made-up, in the form municipalities' case systems print)
        ("Sagsnr.: 27.12.00-G01-3-19 Sagsbehandler: A. B.", []),
        ("Møde 1-10-2012 - Referat", ["1-10-2012"]),
        ("der holdes 1.800 forløb og 3.600 jobklubforløb", []),
        ("ca. halvdelen vil blive udvalgt, og den anden halvdel til kontrolgruppen", []),
        ("Tilskuddet udbetales kvartalsvis, hver 3.måned.", []),
        ("fra 1. kvartal til 3. kvartal 2020", ["1. kvartal til 3. kvartal 2020"]),
        ("Forløbet varer 12 uger, og tilmelding sker i ugen før.", []),
        ("Budgetforhandlinger den 12. og 13. september", ["12.", "13. september"]),
        ("i perioden fra den 23. januar til den 31. januar 2023", ["23. januar til den 31. januar 2023"]),
        # a day and month in figures without a year, after a day's article (made-up, in the style
        # of a letter to a board on a pool's applications): a date; not a sum, a share, two days
        # joined by a slash before a month's name, nor a day written with its year
        ("til mødet d. 11.9, og dagsorden udsendes ca. den 27.8", ["d. 11.9", "den 27.8"]),
        ("Den 1.5 mio. kr. og den 2.5 % er brugt; den 23/24. februar", ["24. februar"]),
        ("den 14/3 2012 og den 26.11.09", ["14/3 2012", "26.11.09"]),
        # ... nor a sum, a fraction or an ordinal before a noun, and a written year is its year
        # (made-up, in the style of municipal minutes)
        ("Tilskuddet udgør den 1.5 millioner kroner om året.", []),
        ("Kommunen betaler den 1/3 af udgiften", []),
        ("midler til den 2.3 etape", []),
        ("Mødet d. 11.9. 2026 aflyses.", ["d. 11.9. 2026"]),
        ("Der er møde den 11.9 2026 i salen.", ["den 11.9 2026"]),
        # two days of months joined by a dash, no year: not a day and a two-digit year ("2/5-30"
        # read as 2 May 2030); a sports office's page of dates writes them so
        ("Udlån af haller og sale i sommerperioden 2/5-30/6: 15. marts", ["15. marts"]),
        # a range wrapped before its word (a council's minutes; made-up in the style of a hearing's
        # notice): one span; a dash opening the next line is its bullet, no range
        ("har været i høring fra den 22. januar\ntil den 19. marts 2013.", ["22. januar\ntil den 19. marts 2013"]),
        ("Høringen løber fra 3. maj\ntil og med 31. maj 2024", ["3. maj\ntil og med 31. maj 2024"]),
        ("Frister: 1. marts\n- 1. september", ["1. marts", "1. september"]),
        # a meeting moved to an earlier day of its month (a committee's minutes; made-up in that style):
        # two days, no span; a span across the turn of the year stays one
        ("at fremrykke mødet tirsdag d. 19. juni til torsdag d. 7. juni 2018", ["19. juni", "7. juni 2018"]),
        ("Mødet flyttes fra 12. maj til 5. maj", ["12. maj", "5. maj"]),
        ("lukket fra 24. december til 2. januar 2025", ["24. december til 2. januar 2025"]),
        # ... and a number before a later day of its month is no day (a page of pools' deadlines)
        ("Frivilligt socialt arbejde § 18 - 1. oktober og 1. maj", ["1. oktober", "1. maj"]),
        # three days or more joined by dashes are a list of days, no spans (a pool's deadlines, as
        # a city's page on a pool writes them); two stay a span
        (
            "Ansøgningsfrister i 2024: 8. februar - 24. april - 22. august - 21. november.",
            ["8. februar", "24. april", "22. august", "21. november"],
        ),
        ("Høringen løber 8. februar - 24. april 2024.", ["8. februar - 24. april 2024"]),
    ],
)
def test_find_date_expressions(text, found):
    assert [m.text for m in find_date_expressions(text)] == found


@pytest.mark.parametrize(
    "text,read",
    [
        # a day written alone is read with the month (and year) of the later day of its list
        ("Møderne holdes 3. og 7. maj 2024.", ["3. maj 2024", "7. maj 2024"]),
        ("Workshops om budgettet den 19., 21. og 23. august", ["19. august", "21. august", "23. august"]),
        # a day without a year takes the year of the next day of its list
        ("vedtog henholdsvis den 28. august og 4. september 2024", ["28. august 2024", "4. september 2024"]),
        # ... the year before when the day's month comes later than the next day's (made-up
        # examples in the style of a holiday notice, no bracket word such as "mellem" before them)
        ("Lukket den 28. december og 3. januar 2025.", ["28. december 2024", "3. januar 2025"]),
        ("Åbent den 28., 30. december og 3. januar 2025", ["28. december 2024", "30. december 2024", "3. januar 2025"]),
        # ... but a list merely out of calendar order, farther apart than the turn of the year,
        # keeps the dated day's year (made-up examples in the style of a meeting plan)
        ("Møderne holdes den 12. juni og 3. april 2025.", ["12. juni 2025", "3. april 2025"]),
        ("Fristerne er den 1. september og 1. marts 2025.", ["1. september 2025", "1. marts 2025"]),
        # ... never across other words
        ("den 3. september og andenbehandling den 1. oktober 2025", ["3. september", "1. oktober 2025"]),
    ],
)
def test_days_of_a_list_are_read_with_their_month_and_year(text, read):
    assert [m.read_as for m in find_date_expressions(text)] == read


def test_day_and_month_after_an_article_take_a_written_year():
    # made-up, in the style of a notice of a meeting; the document's year is 2025
    for text in ("Mødet d. 11.9. 2026 aflyses.", "Der er møde den 11.9 2026 i salen."):
        m = find_date_expressions(text)[0]
        assert parse_date_expression(m.text, 2025).start == date(2026, 9, 11)


def test_offsets_point_at_the_text():
    text = "Indsatsen iværksættes fra januar 2013 og varer frem til december 2013."
    for m in find_date_expressions(text):
        assert text[m.start : m.end] == m.text


EXAMPLES = DATES.examples


@pytest.mark.parametrize("form,example", EXAMPLES, ids=[f"{f}:{e['text']}" for f, e in EXAMPLES])
def test_rule_examples(form, example):
    got = parse_date_expression(example["text"], example.get("year"))
    assert got is not None
    assert (got.start.isoformat(), got.end.isoformat(), got.precision) == (
        example["start"],
        example["end"],
        example["precision"],
    )


def test_bad_season_names_file_rule_and_allowed(tmp_path):
    import yaml

    data = yaml.safe_load((RULES_DIR / "dates.yml").read_text(encoding="utf-8"))
    data["seasons"][0]["months"] = [13, 5]
    bad = tmp_path / "dates.yml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert "dates.yml" in str(e.value) and "forår" in str(e.value) and "1..12" in str(e.value)


def test_unknown_form_id_lists_allowed(tmp_path):
    import yaml

    data = yaml.safe_load((RULES_DIR / "dates.yml").read_text(encoding="utf-8"))
    data["forms"][0]["id"] = "weekday"
    bad = tmp_path / "dates.yml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert "weekday" in str(e.value) and "numeric" in str(e.value)


def test_a_stop_example_still_read_as_a_date_is_reported(tmp_path):
    import yaml

    data = yaml.safe_load((RULES_DIR / "dates.yml").read_text(encoding="utf-8"))
    data["day_article_stops"]["words"].remove("etape")
    bad = tmp_path / "dates.yml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert "day_article_stops" in str(e.value) and "etape" in str(e.value)


@pytest.mark.parametrize(
    "key, value", [("turn_of_year_days", "45"), ("turn_of_year_days", -1), ("day_article_stops", None)]
)
def test_turn_of_year_days_and_day_article_stops_are_validated(tmp_path, key, value):
    import yaml

    data = yaml.safe_load((RULES_DIR / "dates.yml").read_text(encoding="utf-8"))
    if key == "day_article_stops":
        data[key]["after_slash"] = []  # no stop words after a slash: a list of at least one word is needed
    else:
        data[key] = value
    bad = tmp_path / "dates.yml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert key in str(e.value)


def test_two_years_in_a_row_are_read_by_one_pattern_of_the_rules():
    # the list words are compiled once with the rules, not on every expression read
    assert DATES.year_list.fullmatch("2022 eller 2023")
    assert not DATES.year_list.fullmatch("2022/2023")
    got = parse_date_expression("2022 eller 2023")
    assert (got.start, got.end) == (D("2022-01-01"), D("2023-12-31"))


def test_a_search_parameter_of_two_years_in_a_row_runs_over_both():
    from extract.publish.params import date_bound

    assert date_bound("2025 og 2026", end=False) == "2025-01-01"
    assert date_bound("2025 og 2026", end=True) == "2026-12-31"
    assert date_bound("2025 og 2027", end=True) is None


def test_a_seasons_second_year_stands_right_after_its_slash():
    """A winter with both its years is one date; a count after a spaced slash is no year of it."""
    r = RULES["dates.yml"]
    assert [m.text for m in dates.find_date_expressions("i vinteren 2025/26 holder vi åbent", r)] == [
        "vinteren 2025/26"
    ]
    assert [m.text for m in dates.find_date_expressions("i foråret 2024 / 25 stk.", r)] == ["foråret 2024"]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Udvalget mødes d. 14 november 2023 i byrådssalen.", "14 november 2023"),
        ("Onsdag, 17 februar, 2021", "17 februar"),
        ("Budgetkontrol pr. 31 marts", "31 marts"),
        ("Projektet har fase 2 august til december 2025.", "august til december 2025"),
        ("Ansøgningsrunde 2 september 2025 er åben.", "september 2025"),
        ("Side 3 af 12 marts 2025", "marts 2025"),
    ],
)
def test_a_day_without_its_stop_only_after_an_article_or_weekday(text, found):
    """A day written without its full stop is a day after "d.", "den", "pr." or a weekday, and
    a number before a month elsewhere is none (made up in the style of headers and plans)."""
    assert [m.text for m in find_date_expressions(text)] == [found]


@pytest.mark.parametrize(
    "text, start",
    [
        # a clock with AM/PM: a system set to English wrote the day, month first (made up in the
        # style of an agenda system's meeting line "Mødedato: 8/29/2019 4:00:00 PM")
        ("Mødedato: 9/11/2019 3:00:00 PM", "2019-09-11"),
        ("Mødedato: 9/11/2019 11:30 AM", "2019-09-11"),
        # a Danish clock leaves the day first
        ("Mødedato: 9/11/2019 kl. 15.00", "2019-11-09"),
        ("Mødedato: 9/11/2019 15:00", "2019-11-09"),
    ],
)
def test_a_clock_with_am_or_pm_reads_the_month_first(text, start):
    [found] = find_date_expressions(text)
    assert parse_date_expression(found.text).start.isoformat() == start
