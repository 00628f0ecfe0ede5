"""Allocations: the sums of money a document states, each once, with what they are.

The corpus statements an analyst's sums went wrong on (the issue's list), each rule's own
examples from real documents, and what must hold for every document built.
"""

from __future__ import annotations

import json

import pytest
import sqlite_utils
from conftest import RULES

from extract.extractors import amounts
from extract.facts.allocation_rules import load_rules
from extract.facts.allocations import find_allocations
from extract.records import DocumentMeta
from extract.structure import sentences

ALLOCATION_RULES = RULES["allocations.yml"]


def allocations_of(text: str, meta: DocumentMeta = DocumentMeta()):
    spans = sentences.find_sentences(text, RULES["sentences.yml"]).spans
    money = amounts.find_amounts(text, spans, RULES["amounts.yml"])
    found, _ = find_allocations(text, money, spans, [], meta, ALLOCATION_RULES)
    return money, found


def holding(money, found, quote: str, nth: int = 1):
    """The allocation whose mentions hold the ``nth`` amount written ``quote``."""
    positions = [i for i, a in enumerate(money) if a.quote == quote]
    assert len(positions) >= nth, f"{quote!r} is not found as an amount {nth} time(s)"
    return next(a for a in found if positions[nth - 1] in a.mentions)


def rule_examples():
    for key in ("statuses", "scopes", "back_references"):
        for rule in getattr(ALLOCATION_RULES, key):
            for n, example in enumerate(rule.examples):
                yield pytest.param(rule.id, example, id=f"{rule.id}-{n}")


@pytest.mark.parametrize("rule_id,example", list(rule_examples()))
def test_each_rule_example_reads_as_it_says(rule_id, example):
    money, found = allocations_of(example["text"])
    got = holding(money, found, example["amount"], example.get("nth", 1))
    if "status" in example:
        assert got.status == example["status"], got.basis
    if "scope" in example:
        assert got.scope == example["scope"], got.basis
    if "same_as" in example:
        assert got is holding(money, found, example["same_as"]), got.basis
        assert f"restated:{rule_id}" in got.basis


def test_rules_without_examples_or_with_unknown_values_are_refused():
    import yaml

    from extract.pipeline import RULE_FILES
    from extract.rules import RULES_DIR, RuleError

    data = yaml.safe_load((RULES_DIR / "allocations.yml").read_text(encoding="utf-8"))
    assert RULE_FILES["allocations.yml"] is load_rules
    bad = {**data, "statuses": [{**data["statuses"][0], "status": "approved"}]}
    with pytest.raises(RuleError, match="approved"):
        load_rules(bad)
    bad = {**data, "scopes": [{k: v for k, v in data["scopes"][0].items() if k != "examples"}]}
    with pytest.raises(RuleError, match="examples"):
        load_rules(bad)
    with pytest.raises(RuleError, match="year"):
        load_rules({**data, "budget_year": ["budget (\\d{4})"]})


# --- the corpus: what an analyst's sums got wrong -------------------------------------------


@pytest.fixture(scope="module")
def db(built_db):
    return sqlite_utils.Database(built_db)


def doc_id(db, stem: str) -> str:
    return next(db.query("select id from documents where path like ?", [f"sources/{stem}.%"]))["id"]


def allocation_at(db, stem: str, quote: str, before: str = "") -> dict:
    """The allocation stating the amount written ``quote`` just after ``before``."""
    doc = doc_id(db, stem)
    text = next(db.query("select text from texts where document_id = ?", [doc]))["text"]
    at = text.index(before + quote) + len(before)
    row = next(
        db.query(
            "select al.* from amounts a join allocation_mentions m on m.amount_id = a.id "
            "join allocations al on al.id = m.allocation_id where a.document_id = ? and a.char_start = ?",
            [doc, at],
        )
    )
    return row


def per_year(db, allocation_ids) -> dict[int, float]:
    out: dict[int, float] = {}
    for aid in allocation_ids:
        for r in db.query("select year, value_dkk from allocations_per_year where allocation_id = ?", [aid]):
            out[r["year"]] = out.get(r["year"], 0) + r["value_dkk"]
    return out


def own_granted_per_year(db, stem: str) -> dict[int, float]:
    return {
        r["year"]: r["kroner"]
        for r in db.query(
            "select year, sum(value_dkk) as kroner from allocations_per_year where document_id = ? and status = 'granted' "
            "and scope = 'own' and not is_total and not is_share group by year",
            [doc_id(db, stem)],
        )
    }


def test_money_restated_is_one_allocation(db):
    first = allocation_at(db, "budget-2013-nye-initiativer", "4,0 mio. kr.", "indsatsmidler svarende til ")
    again = allocation_at(db, "budget-2013-nye-initiativer", "4.0 mio. kr.", "give de ")
    assert first["id"] == again["id"] and first["mentions"] == 2
    assert (first["status"], first["scope"], json.loads(first["years"])) == ("granted", "own", [2013])


def test_a_budget_request_is_requested(db):
    request = allocation_at(db, "budget-2013-nye-initiativer", "7,8 mio. kr.", "budgetønske på ")
    assert request["status"] == "requested"


def test_a_threshold_adds_nothing_per_year(db):
    threshold = allocation_at(db, "budget-2013-nye-initiativer", "100.000 kr.", "under ")
    assert threshold["status"] == "other"
    assert per_year(db, [threshold["id"]]) == {}


def test_money_of_fifteen_municipalities_is_external(db):
    pool = allocation_at(db, "jobkonsulenter-redegoerelse-2007", "300 mill. kr.")
    assert pool["scope"] == "external" and pool["spread"] == 1
    assert per_year(db, [pool["id"]]) == {y: 75_000_000 for y in range(2007, 2011)}


def test_a_budget_text_period_is_money_per_year(db):
    strategy = allocation_at(db, "budget-2013-nye-initiativer", "1,1 mio. kr.", "under Sikker By afsat: ")
    assert per_year(db, [strategy["id"]]) == {y: 1_100_000 for y in range(2013, 2017)}


def test_years_listed_are_the_years_of_the_money(db):
    doc = doc_id(db, "beskaeftigelsesplan-2022")
    text = next(db.query("select text from texts where document_id = ?", [doc]))["text"]
    start = text.index("ubevidst diskrimination (")
    end = text.index("\n", start)
    ids = [
        r["allocation_id"]
        for r in db.query(
            "select m.allocation_id from amounts a join allocation_mentions m on m.amount_id = a.id "
            "where a.document_id = ? and a.char_start between ? and ?",
            [doc, start, end],
        )
    ]
    assert per_year(db, ids) == {2019: 800_000, 2020: 600_000, 2021: 800_000, 2022: 800_000}


def test_open_ended_money_runs_to_the_budget_horizon(db):
    compensation = allocation_at(db, "budget-2013-nye-initiativer", "57,6 mio. kr.")
    assert (compensation["status"], compensation["scope"]) == ("granted", "own")
    years = per_year(db, [compensation["id"]])
    assert all(years[y] == 57_600_000 for y in (2013, 2014, 2015))
    assert max(years) == 2016  # the budget year 2013 and its three overslagsår


def test_a_total_beside_its_parts_counts_once(db):
    initiative = allocation_at(db, "budget-2013-nye-initiativer", "1,7 mio. kr.")["initiative_id"]
    total = allocation_at(db, "budget-2013-nye-initiativer", "3,7 mio. kr.", "samlet set anvendes ")
    assert total["is_total"] == 1
    rows = db.query(
        "select sum(value_dkk) as kroner from allocations_per_year where initiative_id = ? and year = 2013 and "
        "status = 'granted' and scope = 'own' and not is_total and not is_share",
        [initiative],
    )
    assert next(rows)["kroner"] == 3_700_000


def test_a_total_stated_over_a_period_is_checked_against_its_parts(db):
    """ "samlet 3,1 mio. kr. … i perioden 2013 – 2015 og 1,1 mio. kr. i 2016" is 1,1 + 2,0 per year."""
    total = allocation_at(db, "budget-2013-nye-initiativer", "3,1 mio. kr.", "hermed samlet ")
    after = allocation_at(db, "budget-2013-nye-initiativer", "1,1 mio. kr.", "2013 – 2015 og ")
    assert total["is_total"] == after["is_total"] == 1
    assert total["per_year"] == 1 and json.loads(total["years"]) == [2013, 2014, 2015]


def test_the_state_grant_report_sums_to_the_grant(db):
    """The issue: mentions summed to 136,5 mio. kr.; the grant was 26,9 mio. kr."""
    assert own_granted_per_year(db, "jobkonsulenter-redegoerelse-2007") == {2007: 26_898_526}


def test_a_footnote_on_the_finance_act_is_the_states_money(db):
    assert allocation_at(db, "budget-2013-nye-initiativer", "35 mio. kr.", "Der afsættes ")["scope"] == "external"


# --- every document ---------------------------------------------------------------------------


def test_every_amount_states_at_most_one_allocation_and_every_allocation_has_a_mention(db):
    assert db.execute("select count(*) from allocation_mentions").fetchone()[0] == db["amounts"].count
    assert (
        db.execute(
            "select count(*) from allocations al where not exists "
            "(select 1 from allocation_mentions m where m.allocation_id = al.id)"
        ).fetchone()[0]
        == 0
    )
    assert db.execute("select count(*) from allocations where mentions < 1").fetchone()[0] == 0


def test_shares_and_totals_stay_in_their_document(db):
    assert (
        db.execute(
            "select count(*) from allocations a join allocations t on t.id = a.part_of "
            "where t.document_id != a.document_id"
        ).fetchone()[0]
        == 0
    )


def test_per_year_values_add_up_to_the_allocation(db):
    for a in db.query("select * from allocations where years != '[]'"):
        years = json.loads(a["years"])
        total = sum(per_year(db, [a["id"]]).values())
        expected = a["value_dkk"] if a["spread"] else a["value_dkk"] * len(years)
        assert total == pytest.approx(expected), a["id"]


def test_a_stated_total_its_parts_do_not_make_is_a_warning():
    """The budget note's jobrotation sentence, with its total mistyped: the parts are
    counted, the total stays counted too, and the build says so."""
    text = "I budgetaftalen for 2013 er afsat 1,7 mio. kr. til drift og 2,0 mio. kr. til indsats, i alt 3,9 mio. kr."
    spans = sentences.find_sentences(text, RULES["sentences.yml"]).spans
    money = amounts.find_amounts(text, spans, RULES["amounts.yml"])
    found, warnings = find_allocations(text, money, spans, [], DocumentMeta(), ALLOCATION_RULES)
    assert not any(a.is_total for a in found)
    assert len(warnings) == 1 and "'3,9 mio. kr.'" in warnings[0] and "3,700,000" in warnings[0]
    right = text.replace("3,9", "3,7")
    money = amounts.find_amounts(right, spans, RULES["amounts.yml"])
    found, warnings = find_allocations(right, money, spans, [], DocumentMeta(), ALLOCATION_RULES)
    assert [a.is_total for a in found] == [False, False, True] and not warnings


def test_shares_are_of_their_total_and_counted_through_it():
    money, found = allocations_of(
        "Der forventes et mindreforbrug på 6 mio. kr., hvoraf 3 mio. kr. vedrører udgifter til aktivering og "
        "3 mio. kr. vedrører aktivering af unge."
    )
    total = holding(money, found, "6 mio. kr.")
    shares = [holding(money, found, "3 mio. kr.", n) for n in (1, 2)]
    assert [s.part_of for s in shares] == [total.position] * 2
    assert {s.status for s in shares} == {"underspent"}


def test_the_budget_year_comes_from_the_title_then_the_date():
    from extract.facts.mentions import budget_year

    r = ALLOCATION_RULES
    assert budget_year("", DocumentMeta(title="Budget 2013 - udmøntning af nye initiativer"), r) == 2013
    assert budget_year("", DocumentMeta(title="Budgetopfølgning 2 (2024) - Beskæftigelsesudvalget"), r) == 2024
    assert budget_year("", DocumentMeta(title="Redegørelse for den statslige pulje for 2007", date="2008-04-24"),
                       r) == 2007  # fmt: skip
    assert budget_year("", DocumentMeta(title="Pulje til særlig indsats", date="2023-11-13"), r) == 2023
