"""kb serve: Datasette answers on a real port with the built database."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import ROOT
from datasette.utils import escape_fts
from serving import kb_serve

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out


@pytest.fixture(scope="module")
def server(built_db):
    with kb_serve(built_db, ROOT) as base:
        yield base


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.read().decode("utf-8")


def test_home_page_shows_the_knowledge_base(server):
    status, html = get(server + "/")
    assert status == 200
    assert "Vidensbase for kommunale beskæftigelsesdokumenter" in html


def test_a_table_page_lists_documents(server):
    status, html = get(server + "/kb/documents")
    assert status == 200
    assert "Beskæftigelsesplan 2022" in html


def test_search_finds_compounds_of_the_query(server):
    q = urllib.parse.quote("kontanthjælp")
    status, body = get(server + f"/kb/sections.json?_search={q}&_shape=array")
    rows = json.loads(body)
    assert status == 200 and rows
    assert any("kontanthjælpsmodtagere" in (r["heading"] + r["body"]) for r in rows)


def allocation_labels(stem: str) -> dict:
    with open(ROOT / "tests" / "golden" / "allocations" / f"{stem}.json", encoding="utf-8") as f:
        return json.load(f)


def counted(allocation: dict) -> bool:
    """What a reader counts as the municipality's own granted money (each krone once)."""
    a = allocation
    return a["status"] == "granted" and a["scope"] == "own" and not a["is_total"] and not a["part_of"]


def test_the_biggest_allocations_are_the_readers(server):
    """The eleven biggest own grants of the corpus are those a careful reader labelled; the
    twelfth differs (the reader counts "14 millioner til indkøb" as a part of a larger
    grant the text does not call it a part of)."""
    status, body = get(server + "/kb/stoerste_bevillinger.json?_shape=array")
    rows = json.loads(body)
    assert status == 200 and len(rows) == 25
    stems = [p.stem for p in (ROOT / "tests" / "golden" / "allocations").glob("*.json")
             if allocation_labels(p.stem)["document"].startswith("sources/")]  # fmt: skip
    labelled = sorted((a["value_dkk"] for s in stems for a in allocation_labels(s)["allocations"] if counted(a)),
                      reverse=True)  # fmt: skip
    assert [r["value_dkk"] for r in rows[:11]] == labelled[:11]
    assert all((r["status"], r["scope"]) == ("granted", "own") for r in rows)
    assert "300 mill. kr." not in {r["quote"] for r in rows}  # fifteen municipalities' money
    requested = json.loads(get(server + "/kb/stoerste_bevillinger.json?_shape=array&status=requested")[1])
    assert {r["quote"] for r in requested} >= {"7,8 mio. kr.", "10,2 mio. kr."}


def query(server: str, name: str, **params) -> list[dict]:
    qs = urllib.parse.urlencode({**params, "_shape": "array"})
    status, body = get(f"{server}/kb/{name}.json?{qs}")
    assert status == 200
    return json.loads(body)


def golden(stem: str) -> dict:
    with open(ROOT / "tests" / "golden" / f"{stem}.json", encoding="utf-8") as f:
        return json.load(f)


def document_id(server: str, path: str) -> str:
    status, body = get(server + "/kb/documents.json?_shape=array&path=" + urllib.parse.quote(path))
    return json.loads(body)[0]["id"]


@pytest.mark.parametrize(
    "path", ["sources/jobkonsulenter-redegoerelse-2007.txt", "sources/beskaeftigelsesplan-2022.txt"]
)
def test_money_per_year_is_what_the_reader_counts(server, path):
    """The per-year query counts allocations, not mentions: for the state-grant report the
    mentions summed to 136,5 mio. kr. in 2007; the grant was 26.898.526 kr."""
    rows = query(server, "beloeb_pr_aar", document=document_id(server, path))
    got: dict[int, float] = {}
    for r in rows:
        got[r["year"]] = got.get(r["year"], 0) + r["kroner"]
    stem = path.split("/")[-1].rsplit(".", 1)[0]
    expected = {int(y): v for y, v in allocation_labels(stem)["per_year_own_granted"].items()}
    assert got == pytest.approx(expected, abs=1)


def test_money_per_year_of_all_documents_and_of_another_status(server):
    everything = query(server, "beloeb_pr_aar", document="")
    by_document = [
        r for p in sorted((ROOT / "sources").iterdir())
        for r in query(server, "beloeb_pr_aar", document=document_id(server, f"sources/{p.name}"))
    ]  # fmt: skip
    assert sum(r["kroner"] for r in everything) == pytest.approx(sum(r["kroner"] for r in by_document))
    requested = query(server, "beloeb_pr_aar", document="", status="requested")
    per_year = {y: sum(r["kroner"] for r in requested if r["year"] == y) for y in (2013, 2016)}
    assert per_year[2016] >= 7_800_000 and per_year[2013] > per_year[2016]  # the budget request of 7,8 mio. kr. årligt


def test_initiatives_for_a_target_group(server):
    rows = query(server, "maalgruppe", label="unge")
    initiatives = {r["initiative"] for r in rows}
    assert "Nytteaktivering af unge kontanthjælpsmodtagere" in initiatives
    # the initiative's statements: its purpose ("motivere unge …") and whom it is aimed at ("de 25-29-årige …")
    nytte = [r for r in rows if r["initiative"] == "Nytteaktivering af unge kontanthjælpsmodtagere"]
    assert any((r["age_min"], r["age_max"]) == (25, 29) and "4,0 mio. kr. 2013-2013" in r["amounts"] for r in nytte)
    assert all("unge" in json.loads(r["groups"]) for r in rows)


def test_milestones_in_a_date_range_match_the_golden_files(server):
    rows = query(server, "milepaele_i_periode", fra="2013-01-01", til="2013-01-31")
    expected = sorted(
        (m["date_start"], m["date_end"])
        for p in sorted((ROOT / "tests" / "golden").glob("*.json"))
        for m in json.loads(p.read_text(encoding="utf-8"))["milestones"]
        if m["date_end"] >= "2013-01-01" and m["date_start"] <= "2013-01-31"
    )
    assert sorted((r["date_start"], r["date_end"]) for r in rows) == expected
    assert [r["date_start"] for r in rows] == sorted(r["date_start"] for r in rows)


@pytest.mark.parametrize(
    "q,heading_word",
    [
        ("kontanthjælp", "kontanthjælp"),
        ("jobrotation", "jobrotation"),
        ("akademiker", "ac"),
        ("ledighed", "ledig"),
    ],
)
def test_search_puts_relevant_sections_first(server, q, heading_word):
    rows = query(server, "soeg", q=q)
    assert rows
    assert heading_word in rows[0]["heading"].lower() or heading_word in rows[0]["uddrag_md"].lower()
    assert any("**" in r["uddrag_md"] for r in rows[:5])


@pytest.mark.parametrize("q", ["mentor", "kontanthjælp", '"mio. kr."', "mio. kr."])
def test_every_search_hit_shows_the_searched_text_in_bold(server, q):
    rows = query(server, "soeg", q=q)
    assert len(rows) > 3
    words = {q.strip('"')} if q.startswith('"') else set(q.split())  # a phrase in quotes, else each word
    for r in rows:
        marked = [m.lower() for m in r["uddrag_md"].split("**")[1::2]]
        assert marked and set(marked) <= words, r


def test_search_order_is_the_bm25_order_with_headings_weighted(server, built_db):
    with sqlite3.connect(built_db) as conn:
        expected = [
            r[0]
            for r in conn.execute(
                "select s.id from sections_folded_fts f join sections s on s.rowid = f.rowid"
                " where sections_folded_fts match '(\"mentor\")' order by bm25(sections_folded_fts, 10.0, 1.0), s.rowid"
                " limit 50"
            )
        ]
    rows = query(server, "soeg", q="mentor")
    assert [r["section_id"] for r in rows] == expected
    assert "mentor" in rows[0]["heading"].lower()


def test_one_initiative_full_record(server):
    rows = query(server, "indsats", indsats="Mikrolån")
    types = {r["type"] for r in rows}
    assert {"afsnit", "penge", "målgruppe"} <= types
    money = [(r["hvad"], r["detalje"]) for r in rows if r["type"] == "penge"]
    assert money == [("1,1 mio. kr.", "1.100.000 kr. 2013-2014 årligt (drift), granted, own"),
                     ("0,7 mio. kr.", "700.000 kr. 2013-2014 årligt (indsats), granted, own")]  # fmt: skip
    loans = [r["hvad"] for r in query(server, "indsats", indsats="Mikrolån", status="other") if r["type"] == "penge"]
    assert loans == ["5.000", "50.000"]  # the loans' sizes: not money granted


def test_served_safely(server):
    status, robots = get(server + "/robots.txt")
    assert status == 200 and "Disallow: /" in robots
    status, body = get(server + "/-/settings.json")
    settings = json.loads(body)
    assert settings["sql_time_limit_ms"] == 3000 and settings["max_returned_rows"] == 2000
    assert settings["suggest_facets"] is False  # a query per column on every table page: slow at scale
    assert settings["facet_time_limit_ms"] == 100  # a slower facet is left out of the page
    # 16 concurrent readers: queries in the server's thread and 20 rows a page (bench/bench_load.py)
    assert settings["num_sql_threads"] == 0 and settings["default_page_size"] == 20
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(server + "/kb.json?sql=" + urllib.parse.quote("delete from amounts"), timeout=10)
    assert e.value.code == 400 and "must be a SELECT" in e.value.read().decode()
    _, amounts = get(server + "/kb/amounts.json?_shape=array&_size=1")
    assert json.loads(amounts)


def test_a_document_row_links_to_its_source_file(server):
    _, html = get(server + "/kb/documents")
    assert '<a href="/sources/beskaeftigelsesplan-2022.txt">' in html
    status, text = get(server + "/sources/beskaeftigelsesplan-2022.txt")
    assert status == 200 and "Beskæftigelsesplan 2022" in text


@pytest.mark.parametrize("q", ["kontanthjælp", "mio. kr.", 'målgruppe "unge"', "zzzz-ingen-træf"])
def test_the_table_search_finds_and_counts_as_sqlite_does(server, built_db, q):
    with sqlite3.connect(built_db) as conn:
        phrase = escape_fts(q)
        hits = "rowid in (select rowid from sections_fts where sections_fts match ?)"
        ids = [r[0] for r in conn.execute(f"select id from sections where {hits} order by id", (phrase,))]
        by_role = dict(conn.execute(f"select role, count(*) from sections where {hits} group by role", (phrase,)))
    _, body = get(server + "/kb/sections.json?" + urllib.parse.urlencode({"_search": q, "_size": 1000}))
    page = json.loads(body)
    assert "sections_fts match escape_fts(:search)" in page["query"]["sql"]  # Datasette's own search
    assert page["filtered_table_rows_count"] == len(ids)
    assert [r[0] for r in page["rows"]] == ids
    facet = page["facet_results"]["role"]["results"]
    assert {f["value"]: f["count"] for f in facet} == by_role


def test_the_table_search_combines_with_filters_and_its_sql_runs_on_its_own(server):
    qs = urllib.parse.urlencode({"_search": "kontanthjælp", "role": "initiative", "_shape": "objects"})
    _, body = get(server + "/kb/sections.json?" + qs)
    page = json.loads(body)
    assert page["rows"] and all(r["role"] == "initiative" for r in page["rows"])
    sql, params = page["query"]["sql"], page["query"]["params"]
    _, body = get(server + "/kb.json?" + urllib.parse.urlencode({"sql": sql, **params, "_shape": "array"}))
    assert [r["id"] for r in json.loads(body)] == [r["id"] for r in page["rows"]]
    status, html = get(server + "/kb/sections?" + qs)
    assert status == 200 and 'value="kontanthjælp"' in html and "search matches &#34;kontanthjælp&#34;" in html
