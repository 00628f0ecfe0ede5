"""The table page's facets counted in one pass (plugins/kb_facets.py) and its search
match run once (plugins/kb_search.py), checked through Datasette in this process with
its SQL trace: same facets as counting each column in SQLite, fewer queries."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import sys

import pytest
import yaml
from datasette.app import Datasette
from datasette.utils import escape_fts

from conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from kb_facets import one_pass_sql  # noqa: E402

FACETS = ["document_id", "role", "level"]


@pytest.fixture(scope="module")
def site(built_db):
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    return Datasette([str(built_db)], metadata=metadata, plugins_dir=str(ROOT / "plugins"),
                     settings={"trace_debug": True, "suggest_facets": False})


def get(site: Datasette, path: str) -> dict:
    async def fetch():
        response = await site.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()
    return asyncio.run(fetch())


def sqlite_facet(conn: sqlite3.Connection, column: str, where: str, params: tuple, limit: int) -> list[tuple]:
    return conn.execute(f"select {column}, count(*) from sections where {where} and {column} is not null "
                        f"group by {column} order by count(*) desc, {column} limit {limit}", params).fetchall()


@pytest.mark.parametrize("q", ["kontanthjælp", "mio. kr.", "unge", None])
def test_facets_count_as_sqlite_does_and_take_one_query(site, built_db, q):
    path = "/kb/sections.json?_trace=1" + (f"&_search={q}" if q else "")
    page = get(site, path)
    where, params = ("rowid in (select rowid from sections_fts where sections_fts match ?)", (escape_fts(q),)) \
        if q else ("1", ())
    with sqlite3.connect(built_db) as conn:
        for column in FACETS:
            got = [(f["value"], f["count"]) for f in page["facet_results"][column]["results"]]
            assert got == sqlite_facet(conn, column, where, params, 30)
    labels = {f["value"]: f["label"] for f in page["facet_results"]["document_id"]["results"]}
    with sqlite3.connect(built_db) as conn:
        titles = dict(conn.execute("select id, title from documents"))
    assert labels and all(labels[d] == titles[d] for d in labels)  # document ids shown by their titles
    sqls = [t["sql"] for t in page["_trace"]["traces"]]
    # a search and nothing else: its hits counted in memory; no search: one pass in SQL
    in_memory = sum("kb_hit_facets('sections', kb_fts_rowids('sections_fts'" in s for s in sqls)
    one_pass = sum(s.startswith("with hits as materialized") for s in sqls)
    assert (in_memory, one_pass) == ((1, 0) if q else (0, 1))
    assert not any(" as value, count(*) as count from (" in s for s in sqls)  # no query per facet
    if q:
        assert all("sections_fts where sections_fts match" not in s for s in sqls)  # the match: once, cached


def test_a_short_facet_is_truncated_and_a_chosen_value_selected(site, built_db):
    page = get(site, "/kb/sections.json?_search=kontanthj%C3%A6lp&role=initiative&_facet_size=2")
    role = page["facet_results"]["role"]
    assert [(f["value"], f["selected"]) for f in role["results"]] == [("initiative", True)]
    documents = page["facet_results"]["document_id"]
    with sqlite3.connect(built_db) as conn:
        n = conn.execute("select count(distinct document_id) from sections where role = 'initiative' and rowid in "
                         "(select rowid from sections_fts where sections_fts match ?)",
                         (escape_fts("kontanthjælp"),)).fetchone()[0]
    assert len(documents["results"]) == min(2, n) and documents["truncated"] == (n > 2)
    assert all("role=initiative" in f["toggle_url"] for f in documents["results"])


def test_a_search_with_a_filter_is_counted_in_sql_and_as_sqlite_does(site, built_db):
    page = get(site, "/kb/sections.json?_trace=1&_search=kontanthj%C3%A6lp&level=2")
    sqls = [t["sql"] for t in page["_trace"]["traces"]]
    assert not any("kb_hit_facets(" in s for s in sqls) and sum(s.startswith("with hits") for s in sqls) == 1
    assert not any(s.startswith("select json_array_length(") and "max(rowid)" not in s for s in sqls)
    where = "level = 2 and rowid in (select rowid from sections_fts where sections_fts match ?)"
    with sqlite3.connect(built_db) as conn:
        for column in FACETS:
            got = [(f["value"], f["count"]) for f in page["facet_results"][column]["results"]]
            assert got == sqlite_facet(conn, column, where, (escape_fts("kontanthjælp"),), 30) and got
        count = conn.execute(f"select count(*) from sections where {where}", (escape_fts("kontanthjælp"),)).fetchone()[0]
    assert page["filtered_table_rows_count"] == count > 0


@pytest.mark.parametrize("q", ["kontanthjælp", "jobrotation", "zzzz-ingen-træf"])
def test_a_search_alone_is_counted_from_its_hits_and_a_common_one_read_in_page_order(site, built_db, q):
    page = get(site, "/kb/sections.json?_trace=1&_size=5&_search=" + q)
    sqls = [t["sql"] for t in page["_trace"]["traces"]]
    hits = "rowid in (select rowid from sections_fts where sections_fts match ?)"
    with sqlite3.connect(built_db) as conn:
        ids = [r[0] for r in conn.execute(f"select id from sections where {hits} order by id", (escape_fts(q),))]
        total = conn.execute("select count(*) from sections").fetchone()[0]
    assert page["filtered_table_rows_count"] == len(ids)
    assert [r[0] for r in page["rows"]] == ids[:5]
    assert "select json_array_length(kb_fts_rowids('sections_fts', escape_fts(:search)))" in sqls  # the count
    assert not any(s.startswith("select count(*)") for s in sqls)
    ordered = "+[rowid] in (select value" in page["query"]["sql"]
    assert ordered == (len(ids) / total >= 0.05)  # ORDERED_SCAN_SHARE; each parameter one side of it
    assert ordered == (q == "kontanthjælp")


def test_one_facet_alone_is_counted_by_datasette_as_before(site):
    page = get(site, "/kb/build_runs.json?_trace=1&_facet=extractor_version")
    sqls = [t["sql"] for t in page["_trace"]["traces"]]
    assert page["facet_results"]["extractor_version"]["results"][0]["count"] >= 1
    assert not any(s.startswith("with hits as materialized") for s in sqls)
    assert sum(" as value, count(*) as count from (" in s for s in sqls) == 1


def test_column_facets_beside_an_array_facet(site, built_db):
    page = get(site, "/kb/target_groups.json")
    with sqlite3.connect(built_db) as conn:
        for column in ("document_id", "age_max"):
            got = [(f["value"], f["count"]) for f in page["facet_results"][column]["results"]]
            assert got == conn.execute(
                f"select {column}, count(*) from target_groups where {column} is not null group by {column} "
                f"order by count(*) desc, {column} limit 30").fetchall()
        groups = conn.execute("select g.value, count(*) from target_groups t, json_each(t.groups) g "
                              "group by g.value order by count(*) desc, g.value limit 30").fetchall()
    assert [(f["value"], f["count"]) for f in page["facet_results"]["groups"]["results"]] == groups


def test_the_one_pass_query_orders_ties_by_value(built_db):
    with sqlite3.connect(built_db) as conn:
        rows = conn.execute(one_pass_sql("select * from amounts", ["kind", "per_year", "year_from"], 4)).fetchall()
        for i, column in enumerate(["kind", "per_year", "year_from"]):
            expected = conn.execute(f"select {column}, count(*) from amounts where {column} is not null "
                                    f"group by {column} order by count(*) desc, {column} limit 4").fetchall()
            assert [(v, n) for f, v, n in rows if f == i] == expected
            assert expected
    assert json.dumps(rows)  # plain values: what Datasette serialises


def test_the_site_reads_the_database_through_a_memory_map(site):
    from kb_search import MMAP_BYTES

    async def mmap_size():
        return (await site.get_database("kb").execute("pragma mmap_size")).first()[0]

    assert asyncio.run(mmap_size()) == MMAP_BYTES > 0


def test_only_the_count_of_a_search_alone_is_answered_from_its_hits():
    from kb_search import count_of_hits_sql

    from extract.fts_hits import cached_search_clause
    datasettes = "[rowid] in (select rowid from [sections_fts] where [sections_fts] match escape_fts(:search))"
    for ordered in (False, True):
        search = cached_search_clause("rowid", "sections_fts", "escape_fts(:search)", ordered)
        assert search != datasettes
        assert count_of_hits_sql(f"select count(*) from sections where {search} ") == \
            "select json_array_length(kb_fts_rowids('sections_fts', escape_fts(:search)))"
        for other in (f"select count(*) from sections where {search} and role = :p0",
                      f"select count(*) from sections where role = :p0 and {search}",
                      f"select count(*) from (select * from sections where {search} limit 10)",
                      f"select id from sections where {search}", "select count(*) from sections"):
            assert count_of_hits_sql(other) == other
