"""The table pages' facets (metadata.yml) through Datasette in this process: each count is
SQLite's GROUP BY on the built database, with and without a search, and a facet over
Datasette's facet time limit is dropped while the page still answers."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import sys

import pytest
import yaml
from conftest import ROOT
from datasette.app import Datasette
from datasette.utils import escape_fts

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
TABLES = METADATA["databases"]["kb"]["tables"]
FACET_SIZE = 30  # Datasette's default_facet_size
HITS = "rowid in (select rowid from sections_fts where sections_fts match ?)"


def make_site(built_db, **settings) -> Datasette:
    return Datasette(
        [str(built_db)],
        metadata=METADATA,
        plugins_dir=str(ROOT / "plugins"),
        settings={"suggest_facets": False, **settings},
    )


@pytest.fixture(scope="module")
def site(built_db):
    return make_site(built_db)


def get(site: Datasette, path: str) -> dict:
    return json.loads(get_text(site, path))


def get_text(site: Datasette, path: str) -> str:
    async def fetch():
        response = await site.client.get(path)
        assert response.status_code == 200, response.text
        return response.text

    return asyncio.run(fetch())


def facet_counts(page: dict, column: str) -> list[tuple]:
    return [(f["value"], f["count"]) for f in page["facet_results"][column]["results"]]


def group_by(
    conn: sqlite3.Connection, table: str, column: str, where: str = "1", params: tuple = (), limit: int = FACET_SIZE
) -> list[tuple]:
    return conn.execute(
        f"select {column}, count(*) from {table} where {where} and {column} is not null "
        f"group by {column} order by count(*) desc, {column} limit {limit}",
        params,
    ).fetchall()


def array_group_by(conn: sqlite3.Connection, table: str, column: str) -> list[tuple]:
    return conn.execute(
        f"select g.value, count(*) from {table} t, json_each(t.{column}) g group by g.value "
        f"order by count(*) desc, g.value limit {FACET_SIZE}"
    ).fetchall()


def configured_facets(table: str) -> list[tuple[str, str]]:
    """(kind, column) of each facet metadata.yml gives the table: ("column", c) or ("array", c)."""
    return [("array", f["array"]) if isinstance(f, dict) else ("column", f) for f in TABLES[table].get("facets", [])]


def test_each_table_has_a_few_facets_and_sections_its_role_and_document():
    assert [c for _, c in configured_facets("sections")] == ["role", "document_id"]
    for table in TABLES:
        assert len(configured_facets(table)) <= 3, table


@pytest.mark.parametrize("table", sorted(t for t in TABLES if TABLES[t].get("facets")))
def test_every_tables_facets_count_as_sqlite_groups(site, built_db, table):
    page = get(site, f"/kb/{table}.json?_size=1")
    assert sorted(page["facet_results"]) == sorted(c for _, c in configured_facets(table))  # none timed out
    with sqlite3.connect(built_db) as conn:
        for kind, column in configured_facets(table):
            expected = array_group_by(conn, table, column) if kind == "array" else group_by(conn, table, column)
            assert facet_counts(page, column) == expected, column
        total = conn.execute(f"select count(*) from {table}").fetchone()[0]
    assert page["filtered_table_rows_count"] == total
    if table in ("sections", "amounts", "target_groups", "milestones"):  # the corpus has these records
        assert total > 0 and all(facet_counts(page, c) for _, c in configured_facets(table))


@pytest.mark.parametrize("q", ["kontanthjælp", "mio. kr.", 'målgruppe "unge"', "zzzz-ingen-træf"])
def test_a_search_counts_its_rows_and_facets_as_sqlite_does(site, built_db, q):
    page = get(site, "/kb/sections.json?_size=1000&_search=" + q)
    with sqlite3.connect(built_db) as conn:
        ids = [r[0] for r in conn.execute(f"select id from sections where {HITS} order by id", (escape_fts(q),))]
        for _, column in configured_facets("sections"):
            assert facet_counts(page, column) == group_by(conn, "sections", column, HITS, (escape_fts(q),))
    assert page["filtered_table_rows_count"] == len(ids)
    assert [r[0] for r in page["rows"]] == ids
    assert (len(ids) > 0) == (q != "zzzz-ingen-træf")


def test_document_ids_are_shown_by_their_titles(site, built_db):
    page = get(site, "/kb/sections.json?_search=kontanthj%C3%A6lp")
    labels = {f["value"]: f["label"] for f in page["facet_results"]["document_id"]["results"]}
    with sqlite3.connect(built_db) as conn:
        titles = dict(conn.execute("select id, title from documents"))
    assert labels and all(labels[d] == titles[d] for d in labels)


def test_a_short_facet_is_truncated_and_a_chosen_value_selected(site, built_db):
    page = get(site, "/kb/sections.json?_search=kontanthj%C3%A6lp&role=initiative&_facet_size=2")
    role = page["facet_results"]["role"]
    assert [(f["value"], f["selected"]) for f in role["results"]] == [("initiative", True)]
    documents = page["facet_results"]["document_id"]
    with sqlite3.connect(built_db) as conn:
        n = conn.execute(
            f"select count(distinct document_id) from sections where role = 'initiative' and {HITS}",
            (escape_fts("kontanthjælp"),),
        ).fetchone()[0]
    assert n > 2 and len(documents["results"]) == 2 and documents["truncated"]
    assert all("role=initiative" in f["toggle_url"] for f in documents["results"])


def test_a_search_with_a_filter_is_counted_as_sqlite_does(site, built_db):
    page = get(site, "/kb/sections.json?_search=kontanthj%C3%A6lp&level=2")
    where = f"level = 2 and {HITS}"
    phrase = (escape_fts("kontanthjælp"),)
    with sqlite3.connect(built_db) as conn:
        for _, column in configured_facets("sections"):
            got = facet_counts(page, column)
            assert got == group_by(conn, "sections", column, where, phrase) and got
        count = conn.execute(f"select count(*) from sections where {where}", phrase).fetchone()[0]
    assert page["filtered_table_rows_count"] == count > 0


def many_sections(built_db, folder, copies: int) -> str:
    """A copy of the built database (as kb.db in folder) with its sections repeated, so
    that counting them takes far longer than 1 ms."""
    db = folder / "kb.db"
    shutil.copy(built_db, db)
    with sqlite3.connect(db) as conn:
        for (trigger,) in conn.execute(
            "select name from sqlite_master where type = 'trigger' and tbl_name = 'sections'"
        ).fetchall():
            conn.execute(f"drop trigger [{trigger}]")  # the copies need no full-text index
        columns = [r[1] for r in conn.execute("pragma table_info(sections)") if r[1] != "id"]
        cols = ", ".join(columns)
        for n in range(1, copies):
            conn.execute(
                f"insert into sections (id, {cols}) select id || ':{n}', {cols} from sections where id not like '%:%:%'"
            )
    return str(db)


def test_a_facet_over_the_time_limit_is_dropped_and_the_page_still_answers(built_db, tmp_path):
    db = many_sections(built_db, tmp_path, copies=50)
    slow = make_site(db, facet_time_limit_ms=1)
    page = get(slow, "/kb/sections.json?_size=5")
    assert page["facet_results"] == {}  # both over 1 ms: dropped
    assert "These facets timed out: role, document_id" in get_text(slow, "/kb/sections?_size=5")
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("select id from sections order by id limit 5")]
        total = conn.execute("select count(*) from sections").fetchone()[0]
    assert [r[0] for r in page["rows"]] == ids and page["filtered_table_rows_count"] == total
    with sqlite3.connect(built_db) as conn:
        assert total == 50 * conn.execute("select count(*) from sections").fetchone()[0]
    counted = get(make_site(db), "/kb/sections.json?_size=5")  # the default limit counts them
    assert sorted(counted["facet_results"]) == ["document_id", "role"]


def test_the_site_reads_the_database_through_a_memory_map(site):
    sys.path.insert(0, str(ROOT / "plugins"))
    from kb_search import MMAP_BYTES

    async def mmap_size():
        return (await site.get_database("kb").execute("pragma mmap_size")).first()[0]

    assert asyncio.run(mmap_size()) == MMAP_BYTES > 0
