"""Initiatives followed across documents, on real documents: the Copenhagen corpus of
sources/ and agenda items of the development corpus (budget follow-ups, budget rounds,
pools, a cultural programme), built into one database."""

from __future__ import annotations

import pytest
import sqlite_utils
from conftest import ROOT, SOURCES

from extract.build import build

DEV = ROOT.parent / "shared" / "dev-corpus"
DEV_DOCS = [
    "text/greve_beu_2022-05-30_p10_budgetopfoelgning-1-2022.txt",
    "text/greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt",
    "text/greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023.txt",
    "text/greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024.txt",
    "text/greve_oeu_2025-04-09_p10_aarsregnskab-2024-til-revisionen.txt",
    "text/greve_oeu_2023-05-08_p08_budget-2024-27-status.txt",
    "text/greve_oeu_2023-11-27_p08_tids-og-procesplan-budget-2025-28.txt",
    "text/greve_oeu_2024-02-28_p04_budget-2025-28-status-og-maaltal.txt",
    "text/greve_byraad_2024-10-02_p09_budget-2025-28-2-behandling.txt",
    "text/greve_byraad_2025-09-08_p19_budget-2026-29-1-behandling.txt",
    "text/aarhus_byraad_2025-10-08_p02_forslag-budget-2026-2029.txt",
    "text/greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50.txt",
    "text/greve_beu_2024-01-08_p04_pulje-digitalt-udfordrede-ledige.txt",
    "pdf/syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf",
    "pdf/syddjurs_2013-06-20_kulturkommune-2017-arbejdsoplaeg.pdf",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> sqlite_utils.Database:
    path = tmp_path_factory.mktemp("links") / "kb.db"
    summary = build([SOURCES, *(DEV / d for d in DEV_DOCS)], str(path), root=ROOT)
    assert summary.failed == 0, summary.errors
    assert summary.stages_run["links"] == len(DEV_DOCS) + 5  # every document linked once
    return sqlite_utils.Database(path)


def initiative(db, file: str, heading=None):
    """The initiative of a document's unit (heading None: the whole document)."""
    where = "u.section_id is null" if heading is None else "u.heading = ?"
    rows = list(db.query(
        f"select u.initiative_id from initiative_sections u join documents d on d.id = u.document_id "
        f"where d.path like ? and {where}", ["%/" + file, *([] if heading is None else [heading])]))  # fmt: skip
    return rows[0]["initiative_id"] if rows else None


def test_a_budget_area_is_followed_from_one_follow_up_to_the_next(db):
    a = initiative(db, "greve_beu_2022-05-30_p10_budgetopfoelgning-1-2022.txt", "Uden for servicerammen")
    b = initiative(db, "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt", "Drift uden for servicerammen")
    inside = initiative(db, "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt", "Drift inden for servicerammen")
    assert a is not None and a == b != inside


def test_an_analysis_continued_into_the_next_budget_round(db):
    """ "5c. Kørsel (visiteret kørsel/befordring)" of Budget 2024-27 is continued as "Kørsel -
    visiteret kørsel/befordring (fortsat fra Budget 2024-27)"; 5a and 5b are other analyses."""
    first = initiative(db, "greve_oeu_2023-05-08_p08_budget-2024-27-status.txt", "Kørsel (visiteret kørsel/befordring)")
    plan = "greve_oeu_2023-11-27_p08_tids-og-procesplan-budget-2025-28.txt"
    later = initiative(db, plan, "Kørsel - visiteret kørsel/befordring (fortsat fra Budget 2024-27)")
    assert first is not None and first == later
    headings = {
        r["heading"] for r in db.query("select heading from initiative_sections where initiative_id = ?", [first])
    }
    assert not headings & {"Kørsel (kollektiv trafik/Movia)", "Kørsel (egen bilpark - inkl. busser)"}


def test_the_documents_of_one_budget_round_are_one_thread_and_other_rounds_are_not(db):
    rounds = [
        initiative(db, f)
        for f in (
            "greve_oeu_2023-11-27_p08_tids-og-procesplan-budget-2025-28.txt",
            "greve_oeu_2024-02-28_p04_budget-2025-28-status-og-maaltal.txt",
            "greve_byraad_2024-10-02_p09_budget-2025-28-2-behandling.txt",
        )
    ]
    assert rounds[0] is not None and len(set(rounds)) == 1
    assert initiative(db, "greve_oeu_2023-05-08_p08_budget-2024-27-status.txt") != rounds[0]
    assert initiative(db, "greve_byraad_2025-09-08_p19_budget-2026-29-1-behandling.txt") != initiative(
        db, "aarhus_byraad_2025-10-08_p02_forslag-budget-2026-2029.txt"
    )


def test_hard_negatives_stay_apart(db):
    assert initiative(db, "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50.txt") != initiative(
        db, "greve_beu_2024-01-08_p04_pulje-digitalt-udfordrede-ledige.txt"
    )
    assert initiative(db, "budget-2013-nye-initiativer.md", "Unge med psykiske lidelser") != initiative(
        db, "status-beskaeftigelsesaftale-2009.txt", "Unge psykiske syge i arbejde eller uddannelse"
    )
    assert initiative(db, "budget-2013-nye-initiativer.md", "AC-Pakke") != initiative(
        db, "beskaeftigelsesplan-2022.txt", "AC-eftersyn"
    )


def test_one_budget_area_under_other_headings_in_the_follow_ups_and_the_accounts(db):
    """ØU's budget follow-up 2 2024 forecasts "Drift" and "Likviditet"; the accounts 2024 report
    them as "Driftsudgifter" and "Forklaringer til finansieringsoversigten"; ØU's follow-up 0
    2023 reports the liquidity as "Pres på gennemsnitslikviditeten". BEU's follow-up is another
    committee's: its "Drift inden for servicerammen" is not ØU's operating budget."""
    bo2, accounts = "greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024.txt", "greve_oeu_2025-04-09_p10_aarsregnskab-2024-til-revisionen.txt"  # fmt: skip
    drift = initiative(db, bo2, "Drift")
    assert drift is not None and drift == initiative(db, accounts, "Driftsudgifter")
    cash = initiative(db, bo2, "Likviditet")
    assert cash is not None and cash == initiative(db, accounts, "Forklaringer til finansieringsoversigten")
    assert cash == initiative(db, "greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023.txt", "Pres på gennemsnitslikviditeten")  # fmt: skip
    assert initiative(db, bo2, "Finansiering") == initiative(db, accounts, "Renter og kursregulering") is not None
    assert drift != cash != initiative(db, bo2, "Renter")  # the interest line is part of the area, not the area
    beu = initiative(db, "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt", "Drift inden for servicerammen")
    assert beu != drift


def test_identical_headings_of_two_budget_rounds_are_two_things(db):
    """The spring status of Budget 2024-27 and of Budget 2025-28 both have "Status og
    finansieringsbehov", "Budgetanalyser" and "Tidligere effektiviseringsforslag": each round's
    own need, analyses and list. An analysis whose heading names the earlier round it continues
    ("(fortsat fra Budget 2024-27)") is still followed (test above)."""
    a, b = "greve_oeu_2023-05-08_p08_budget-2024-27-status.txt", "greve_oeu_2024-02-28_p04_budget-2025-28-status-og-maaltal.txt"  # fmt: skip
    for heading in ("Status og finansieringsbehov", "Budgetanalyser", "Tidligere effektiviseringsforslag"):
        mine = initiative(db, a, heading)
        assert mine is None or mine != initiative(db, b, heading), heading
    same = initiative(db, a, "Fortsættelse af administrative justeringer")  # a list item "3. …"
    assert same is not None and same == initiative(db, b, "Fortsættelse af administrative justeringer (fortsat fra Budget 2024-27)")  # fmt: skip


def test_a_programme_followed_from_its_theme_meeting_to_its_work_plan(db):
    a = initiative(db, "syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf")
    assert a is not None and a == initiative(db, "syddjurs_2013-06-20_kulturkommune-2017-arbejdsoplaeg.pdf")


def test_two_budget_rounds_follow_up_one_decision_they_both_cite(db):
    """Budget 2024-27's "Kan/skal-fagudvalgssager" and Budget 2025-28's "Kan/skal-katalog" both
    start from "Byrådet besluttede på møde den 30. januar 2023 (pkt. 14)": one analysis; the
    link says so with the citation."""
    a = initiative(db, "greve_oeu_2023-05-08_p08_budget-2024-27-status.txt", "Kan/skal-fagudvalgssager")
    b = initiative(db, "greve_oeu_2024-02-28_p04_budget-2025-28-status-og-maaltal.txt", "Kan/skal-katalog")
    assert a is not None and a == b
    row = next(db.query("select * from initiative_links where match_basis = 'shared_reference'"))
    assert row["quote"] == "Byrådet besluttede på møde den 30. januar 2023 (pkt. 14)"
    other = initiative(db, "greve_oeu_2023-05-08_p08_budget-2024-27-status.txt", "Status og finansieringsbehov")
    assert other is not None and other != a


def test_a_report_on_initiatives_is_a_unit_too_and_another_years_agreement_is_another(db):
    """The 2009 status of the employment agreement has initiative sections and is a unit as a
    whole too; the 2012 agreement's themes share its words and target groups but name
    another year: another agreement, not linked."""
    status = initiative(db, "status-beskaeftigelsesaftale-2009.txt")
    themes = initiative(db, "temaer-beskaeftigelsesaftale-2012.txt")
    assert status is not None and themes is not None and status != themes
    assert initiative(db, "status-beskaeftigelsesaftale-2009.txt", "Ny jobbus i boligområderne") not in (None, status)


def test_no_initiative_holds_two_units_of_one_document_and_every_link_says_why(db):
    assert not list(db.query(
        "select initiative_id from initiative_sections group by initiative_id, document_id having count(*) > 1"))  # fmt: skip
    assert not list(db.query("select * from initiative_links where document_a = document_b"))
    bases = {r["match_basis"] for r in db.query("select match_basis from initiative_links")}
    assert bases and bases <= {"name", "name+target_groups", "name+allocation", "continuation", "name+series", "reference",
                               "same_period", "shared_reference", "budget_area"}  # fmt: skip


def test_editions_of_a_series(db):
    series = {}
    for r in db.query("select e.series_id, d.path from editions e join documents d on d.id = e.document_id"):
        series.setdefault(r["series_id"], set()).add(r["path"].rsplit("/", 1)[-1])
    groups = sorted(sorted(s) for s in series.values())
    assert ["greve_beu_2022-05-30_p10_budgetopfoelgning-1-2022.txt",
            "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt"] in groups  # fmt: skip
    assert ["greve_oeu_2023-01-23_p06_budgetopfoelgning-0-2023.txt",
            "greve_oeu_2024-09-25_p03_budgetopfoelgning-2-2024.txt"] in groups  # fmt: skip
    assert not any("aarhus_byraad_2025-10-08_p02_forslag-budget-2026-2029.txt" in g for g in groups)


def test_what_changed_between_two_editions(db):
    rows = list(db.query("select * from edition_changes where series like 'Budgetopfølgning 1 2022%'"))
    kept = {(r["earlier_heading"], r["later_heading"]) for r in rows if r["change"] == "kept"}
    assert ("Uden for servicerammen", "Drift uden for servicerammen") in kept
    added = {r["later_heading"] for r in rows if r["change"] == "added"}
    assert "Fordrevne fra Ukraine" in added  # a budget line the 2022 follow-up did not have


def test_the_history_of_an_initiative_in_date_order(db):
    first = initiative(db, "greve_oeu_2023-05-08_p08_budget-2024-27-status.txt", "Kørsel (visiteret kørsel/befordring)")
    rows = list(db.query("select * from initiative_history where initiative_id = ?", [first]))
    assert [r["date"] for r in rows] == ["2023-05-08", "2023-11-27", "2024-02-28"]
    assert rows[1]["fate"] == "continued" and "fortsat fra Budget 2024-27" in rows[1]["fate_quote"]


def test_the_fate_the_text_states(db):
    fates = {r["heading"]: r["fate"] for r in db.query(
        "select u.heading, u.fate from initiative_sections u join documents d on d.id = u.document_id "
        "where d.path like '%budget-2013-nye-initiativer.md'")}  # fmt: skip
    assert fates["TTA"] == "reduced"  # "ikke realistisk … i tilnærmelsesvis samme niveau som i 2012"
    assert fates["Udbredelse af ligebehandling"] == "ended"  # "… i perioden 2014-16, som ikke blev givet"
    assert fates["Københavns Værtsprogram"] == "expanded"  # "vil programmet blive udvidet"


def test_abbreviations_defined_in_a_document_with_their_place(db):
    rows = list(db.query("select a.*, t.text from abbreviations a join texts t on t.document_id = a.document_id "
                         "where a.abbr = 'JKS' and a.source = 'document'"))  # fmt: skip
    assert rows and rows[0]["expansion"] == "Jobcenter København Skelbækgade"
    assert rows[0]["text"][rows[0]["char_start"] : rows[0]["char_end"]] == rows[0]["quote"]
    assert db.execute("select count(*) from abbreviations where source = 'rules'").fetchone()[0] >= 10


def test_search_finds_a_section_by_the_expansion_of_an_abbreviation_it_uses(db):
    rows = list(db.query(
        "select s.heading, s.body, s.expansions from sections_fts f join sections s on s.rowid = f.rowid "
        "where sections_fts match '\"Arbejdsmarkedscenter\"'"))  # fmt: skip
    only_abbr = [r for r in rows if "Arbejdsmarkedscenter" not in (r["heading"] or "") + (r["body"] or "")]
    assert only_abbr and all("AMC = Arbejdsmarkedscenter" in r["expansions"] for r in only_abbr)
    # the site's search (the folded index, typed without æ, ø, å) finds them too
    from extract.publish.search_rules import project_search_rules

    folded = project_search_rules().fold("Arbejdsmarkedscenter")
    found = {r["rowid"] for r in db.query(
        "select rowid from sections_folded_fts where sections_folded_fts match ?", [f'"{folded}"'])}  # fmt: skip
    assert {
        r["rowid"] for r in db.query("select rowid from sections where expansions like '%Arbejdsmarkedscenter%'")
    } <= found


QUERIES = {  # the site's canned queries about links, with parameters a user gives
    "indsats_historik": {"indsats": "Kørsel"},
    "indsatser_i_flere_dokumenter": {},
    "udgaver_aendringer": {"serie": "Budgetopfølgning"},
    "forkortelser": {"forkortelse": "JKS"},
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_the_sites_queries_about_links_answer(db, name):
    import yaml

    query = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["kb"]["queries"][name]
    rows = list(db.query(query["sql"], QUERIES[name]))
    assert rows
    if name == "indsats_historik":
        assert [r["dato"] for r in rows] == sorted(r["dato"] for r in rows)
    if name == "indsats_historik":  # a link made on a citation shows it
        rows = list(db.query(query["sql"], {"indsats": "Kan/skal-katalog"}))
        assert "Byrådet besluttede på møde den 30. januar 2023 (pkt. 14)" in {r["henvisning"] for r in rows}
    if name == "forkortelser":
        assert {r["betydning"] for r in rows} == {"Jobcenter København Skelbækgade"}
