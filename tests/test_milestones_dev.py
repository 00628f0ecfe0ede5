"""Milestones on agenda items of other municipalities (the development corpus, ../shared/dev-corpus):
year-less dates read from the meeting date, joined days and spans, weeks, "årets udgang",
planned years; citations, reference dates, the meeting's own date and money years left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import RULES

from extract.extractors.amounts import find_amounts
from extract.extractors.milestones import find_milestones
from extract.read.text import read_text_source
from extract.structure.sentences import find_sentences

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev-corpus" / "text"
# kept out of rule writing: never read here
HELD_OUT = ("aarhus_teknisk", "2022-04-25_p05", "kfu_2025-04-30", "koebenhavn_biu", "syddjurs_2009")

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="the development corpus is not beside the project")


def milestones(name: str, document_date: str):
    path = DEV / name
    assert not any(h in name for h in HELD_OUT)
    text = read_text_source(path, path.read_bytes(), RULES["ocr_repair.yml"]).text
    found = find_sentences(text, RULES["sentences.yml"])
    money = [(a.char_start, a.char_end) for a in find_amounts(text, found.spans, RULES["amounts.yml"])]
    return find_milestones(text, found, money, RULES["milestones.yml"], RULES["dates.yml"], document_date)


def by_text(found) -> dict:
    out: dict = {}
    for m in found:
        out.setdefault(" ".join(m.date_text.split()), []).append((m.date_start, m.date_end, m.precision, m.kind))
    return out


def test_a_budget_process_plan_reads_its_days_from_the_meeting_date():
    got = by_text(milestones("greve_oeu_2023-11-27_p08_tids-og-procesplan-budget-2025-28.txt", "2023-11-27"))
    # "planlægges … den 22. maj": May has passed in November, the sentence plans: next year
    assert got["22. maj"] == [("2024-05-22", "2024-05-22", "day", "event")]
    # "henholdsvis den 31. august og 4. september 2024": the year of the day after it
    assert got["31. august"] == [("2024-08-31", "2024-08-31", "day", "event")]
    assert got["12. september 2024 til den 13. september 2024"] == [("2024-09-12", "2024-09-13", "day", "phase")]
    assert got["12.-13. september 2024"] == [("2024-09-12", "2024-09-13", "day", "phase")]
    # "I løbet af 2024 vil …" and "Det anbefales, at dette fortsætter i 2024."
    assert got["2024"] == [("2024-01-01", "2024-12-31", "year", "event")] * 2
    # the meeting's own date and recurring dates are not milestones; the decisions a "jf." cites
    # are events of the case ("(jf. KTMU d. 25. maj 2023/BY d. 19. juni 2023)")
    assert "27. november 2023" not in got
    assert got["25. maj 2023"] == [("2023-05-25", "2023-05-25", "day", "event")]
    assert len(got["19. juni 2023"]) == 2  # "Byrådet besluttede på møde den 19. juni 2023 …" and the "jf."
    assert "juni" not in got and "august" not in got


def test_a_time_plan_without_years_lies_in_the_meetings_year():
    got = by_text(milestones("greve_oeu_2024-02-28_p04_budget-2025-28-status-og-maaltal.txt", "2024-02-28"))
    assert got["17. april"][0][:2] == ("2024-04-17", "2024-04-17")
    assert got["12. og 13. september"] == [("2024-09-12", "2024-09-13", "day", "event")]
    assert got["2. oktober"] == [("2024-10-02", "2024-10-02", "day", "event")]


def test_list_of_days_gives_each_day():
    got = by_text(milestones("greve_oeu_2023-05-08_p08_budget-2024-27-status.txt", "2023-05-08"))
    # "Workshops om budgettet den 19. og 23. august"
    assert got["19."] == [("2023-08-19", "2023-08-19", "day", "event")]
    assert got["23. august"] == [("2023-08-23", "2023-08-23", "day", "event")]
    # "Budgetseminar den 17. april": already held in May of the same year, no tense to move it
    assert got["17. april"][-1][:2] == ("2023-04-17", "2023-04-17")


def test_past_decisions_keep_their_year_and_a_hearing_is_one_phase():
    got = by_text(milestones("greve_byraad_2025-09-08_p19_budget-2026-29-1-behandling.txt", "2025-09-08"))
    assert ("2025-08-27", "2025-08-27", "day", "event") in got["27. august"]  # "besluttede den 27. august"
    got = by_text(milestones("greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023.txt", "2023-01-23"))
    assert got["23. januar til den 31. januar 2023"] == [("2023-01-23", "2023-01-31", "day", "phase")]
    assert "23. januar 2023" not in got  # the meeting itself


def test_week_and_end_of_year():
    got = by_text(milestones("greve_sou_2024-04-22_p07_paragraf-79-puljen-frie-midler.txt", "2024-04-22"))
    assert got["uge 12"] == [("2024-03-18", "2024-03-24", "week", "event")]
    got = by_text(milestones("koebenhavn_kfu_2026-10-22_p03_anden-regnskabsprognose-2026.txt", "2026-10-22"))
    assert got["årets udgang"] == [("2026-01-01", "2026-12-31", "year", "deadline")]  # "inden årets udgang": the year
    got = by_text(milestones("greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse.txt", "2022-01-17"))
    assert got["udgangen af året"] == [("2022-01-01", "2022-12-31", "year", "deadline")]


def test_vague_words_cover_what_plan_readers_take_them_for():
    """primo/ultimo of a year = its first/last quarter; of a month = the whole month; "udgangen
    af" = the whole period named; lists of adjacent periods and spans between two days are one."""
    got = by_text(milestones("greve_beu_2022-05-30_p08_tryghed-greve-nord-halvaarsstatus.txt", "2022-05-30"))
    assert got["primo 2023"] == [("2023-01-01", "2023-03-31", "quarter", "start")]
    assert got["ultimo august 2022"][0][:3] == ("2022-08-01", "2022-08-31", "month")
    assert got["sommeren"] == [("2022-06-01", "2022-08-31", "season", "phase")]  # "hen over sommeren"
    got = by_text(milestones("greve_ktm_2024-10-10_p05_klimapulje-2024-udmoentning.txt", "2024-10-10"))
    assert got["ultimo 2024 eller primo 2025"] == [("2024-10-01", "2025-03-31", "quarter", "start")]
    assert got["ultimo 2025/primo 2026"][0][:3] == ("2025-10-01", "2026-03-31", "quarter")
    got = by_text(milestones("greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse.txt", "2022-01-17"))
    assert got["foråret og sommeren 2022"] == [("2022-03-01", "2022-08-31", "season", "phase")]
    assert got["slutningen af 2022"][0][:3] == ("2022-10-01", "2022-12-31", "quarter")
    got = by_text(
        milestones("greve_shu_2025-01-06_p02_handleplan-specialiserede-voksenomraade-status.txt", "2025-01-06")
    )
    assert ("2025-01-01", "2025-12-31", "year", "deadline") in got["udgangen af 2025"]
    got = by_text(milestones("ballerup_kmb-it-udvalget_2013-05-15_p02_standard-it-arbejdsplads.txt", "2013-05-15"))
    assert got["udgangen af november 2013"] == [("2013-11-01", "2013-11-30", "month", "deadline")]
    got = by_text(milestones("greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023.txt", "2023-01-23"))
    assert got["23. januar og 1. februar"] == [("2023-01-23", "2023-02-01", "day", "phase")]
    assert got["23. januar kl. 13 til den 31. januar 2023"] == [("2023-01-23", "2023-01-31", "day", "phase")]
    got = by_text(milestones("greve_oeu_2024-08-28_p08_lukkedage-julen-2024.txt", "2024-08-28"))
    assert got["24. december til torsdag den 2. januar"] == [("2024-12-24", "2025-01-02", "day", "phase")]
    got = by_text(milestones("greve_beu_2025-02-03_p03_reform-boliganvisning.txt", "2025-02-03"))
    assert got["Februar"] == [("2025-02-01", "2025-02-28", "month", "event")]  # a line of a time plan


def test_law_citations_and_reference_dates_stay_out():
    for name, date in [
        ("greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50.txt", "2023-11-13"),
        ("greve_beu_2024-01-08_p04_pulje-digitalt-udfordrede-ledige.txt", "2024-01-08"),
    ]:
        got = by_text(milestones(name, date))
        assert "januar 2019" not in got and "31. oktober 2016" not in got  # law citations
    got = by_text(milestones("greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt", "2024-10-07"))
    assert "31. juli 2024" not in got  # "udarbejdet pr. 31. juli 2024"
    got = by_text(milestones("greve_ktm_2024-10-10_p05_klimapulje-2024-udmoentning.txt", "2024-10-10"))
    # the decisions the table cites ("(Byrådet den 4. september 2023 (pkt. 23))") are events
    assert set(got["4. september 2023"]) == {("2023-09-04", "2023-09-04", "day", "event")}
    # "Byrådet godkendte den 26. juni 2024 (pkt. 20) at prioritere 0,25 mio. kr. …" is the decision
    assert set(got["26. juni 2024"]) == {("2024-06-26", "2024-06-26", "day", "event")}  # and the table's citations
    assert got["2024"] == [  # "forventes færdiggjort i 2024", "de indstillede projekter igangsættes i 2024"
        ("2024-01-01", "2024-12-31", "year", "deadline"),
        ("2024-01-01", "2024-12-31", "year", "start"),
    ]
    got = by_text(milestones("greve_sou_2025-06-02_p06_robotstoevsugere-hjemmeplejen.txt", "2025-06-02"))
    assert "maj 2025" not in got  # "datatræk fra omsorgssystemet i maj 2025"
    assert got["2. juni 2025"] == [("2025-06-02", "2025-06-02", "day", "deadline")]  # "med frist den …"


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in DEV.glob("*.txt") if not any(h in p.name for h in HELD_OUT)) if DEV.is_dir() else [],
)
def test_years_of_money_and_names_are_never_milestones(name):
    date = name.split("_")[2] if name.count("_") >= 3 and name.split("_")[2][:2] == "20" else None
    for m in milestones(name, date):
        if m.precision == "year":
            assert "kr." not in m.quote, m.quote  # the year of a sum of money
            if len(m.date_text) == 4:  # one year out of a span or a name ("2025-28"); a whole span may be one
                assert not m.quote[m.quote.find(m.date_text) + 4 :].startswith(("-", "/")), m.quote
            else:  # a whole span: never a budget's years ("budget for perioden 2025-28")
                assert not re.search(
                    r"(?i)budget\w*\s+(?:for\s+)?(?:perioden\s+)?$", m.quote[: m.quote.find(m.date_text)]
                )


def test_attachment_names_are_not_milestones_but_the_case_history_is():
    for name in (
        "aarhus_byraad_2025-10-08_p02_forslag-budget-2026-2029.txt",
        "aarhus_byraad_2025-10-08_p24_byggemodning-trige.txt",
    ):
        got = by_text(milestones(name, "2025-10-08"))
        # "- Byrådsdebat 10.09.2025", "- Foretræde Kultursamvirket (påført 02.10.2025)" in the Bilag list
        assert "10.09.2025" not in got and "02.10.2025" not in got
        # "Dato: 10-09-2025" of the Sagsforløb and "byrådets møde den 10. september 2025"
        assert got["10-09-2025"] == [("2025-09-10", "2025-09-10", "day", "event")]
        assert got["10. september 2025"] == [("2025-09-10", "2025-09-10", "day", "event")]


def test_the_periods_of_amounts_and_a_tables_columns_are_not_milestones():
    got = by_text(milestones("greve_sou_2025-06-02_p06_robotstoevsugere-hjemmeplejen.txt", "2025-06-02"))
    assert "andet halvår 2025" not in got  # "merudgifterne … inklusiv andet halvår 2025"
    assert "1. juli" not in got  # the column "2025 (fra 1. juli)"
    assert ("2025-07-01", "2025-07-01", "day", "start") in got["1. juli 2025"]  # "Fra den 1. juli 2025 bliver …"
    assert got["31. august 2025"] == [("2025-08-31", "2025-08-31", "day", "deadline")]  # "aftalen udløber den …"


def test_figures_comparisons_and_cited_cases_are_not_milestones():
    got = by_text(milestones("greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024.txt", "2024-09-25"))
    assert "ultimo juli måned 2024" not in got  # "tager udgangspunkt i forbrugstallene ultimo juli måned 2024"
    assert got["2. oktober"] == [("2024-10-02", "2024-10-02", "day", "event")]
    got = by_text(milestones("greve_oeu_2025-04-09_p10_aarsregnskab-2024-til-revisionen.txt", "2025-04-09"))
    assert "31. december 2023" not in got  # "I forhold til 31. december 2023, er … likviditet steget"
    assert got["maj 2025"] == [("2025-05-01", "2025-05-31", "month", "event")]
    got = by_text(milestones("greve_oeu_2025-04-09_p27_flygtninge-ukraine-boliger.txt", "2025-04-09"))
    assert "10. oktober 2024" not in got  # "Som beskrevet i orienteringssag til … den 10. oktober 2024"
    assert got["13. november 2024"] == [("2024-11-13", "2024-11-13", "day", "event")]
    got = by_text(milestones("greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023.txt", "2023-01-23"))
    assert "efteråret 2022" not in got  # "energipriserne efter store stigninger i efteråret 2022 faldet"


def test_deadlines_with_a_clock_time_and_a_negated_date():
    got = by_text(milestones("greve_byraad_2025-09-08_p19_budget-2026-29-1-behandling.txt", "2025-09-08"))
    # "Ændringsforslag kan fremsættes frem til og med den 18. september 2025 kl. 8.00"
    assert got["18. september 2025"] == [("2025-09-18", "2025-09-18", "day", "deadline")]
    assert "3. september 2025" not in got  # "den 8. september og ikke den 3. september 2025"
    got = by_text(milestones("greve_byraad_2024-10-02_p09_budget-2025-28-2-behandling.txt", "2024-10-02"))
    # "Den 19. september 2024 kl. 8.00 var der frist for indsendelse af politiske ændringsforslag"
    assert ("2024-09-19", "2024-09-19", "day", "deadline") in got["19. september 2024"]


def test_a_school_year_and_a_day_before_an_item_number():
    got = by_text(milestones("greve_beu_2025-01-06_p03_juniormesterlaere.txt", "2025-01-06"))
    assert got["skoleåret 2025/26"] == [("2025-08-01", "2026-07-31", "year", "start")] * 2
    # "Administrationen aftaler fra april 2025" (the verb, not a cited agreement)
    assert ("2025-04-01", "2025-04-30", "month", "start") in got["april 2025"]
    got = by_text(milestones("ballerup_kmb-it-udvalget_2013-05-15_p02_standard-it-arbejdsplads.txt", "2013-05-15"))
    assert got["5. december 2012"] == [("2012-12-05", "2012-12-05", "day", "event")]  # "… den 5. december 2012 Punkt 3"


def test_risky_dates_need_a_stronger_cue():
    # a part of a year without its year: only with a deadline or start cue
    got = by_text(milestones("greve_oeu_2023-11-27_p08_tids-og-procesplan-budget-2025-28.txt", "2023-11-27"))
    assert "primo året" not in got  # "HovedMED ser en fordel i at mødes med Byrådet allerede primo året"
    got = by_text(milestones("greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse.txt", "2022-01-17"))
    # "godkendes senest i starten af året" stays; "ikke … hele … udmøntet i starten af året" goes
    assert [k for *_, k in got["starten af året"]] == ["deadline"]
    # "fra <month>" without a year: only in a sentence that plans a step
    got = by_text(milestones("greve_ptu_2024-06-10_p12_boliger-saerlige-maalgrupper.txt", "2024-06-10"))
    assert "marts" not in got  # "En analyse i administrationen fra marts måned viste"
    got = by_text(
        milestones(
            "region-hovedstaden_forretningsudvalget_2012-09-25_p03_konference-infrastruktur-vaekst.txt", "2012-09-25"
        )
    )
    assert "april" not in got  # "den regionale klimastrategi fra april"
    assert "efteråret" in got  # "på relevante konferencer i efteråret som Femern Days"
    # a bare year of a saving is a budget year
    got = by_text(milestones("greve_beu_2022-09-12_p04_anden-delaftale-nytaenkning-beskaeftigelse.txt", "2022-09-12"))
    assert "2023" not in got  # "I 2023 skal besparelsen næsten udelukkende hentes på …"
