"""kb_hit_facets: facet counts of a search's hits from column values held in memory,
checked against SQLite's own group by on the built knowledge base."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from extract import fts_hits
from extract import hit_facets
from extract.hit_facets import register

TERMS = ["kontanthjælp", "unge", "mio. kr.", "jobrotation", "ledighed"]
COLUMNS = ["document_id", "role", "level", "page", "number", "initiative_id", "parent_id"]


def phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def in_memory(conn: sqlite3.Connection, table: str, rowids: list[int], limit: int, columns: list[str],
              function: str = hit_facets.SQL_FUNCTION) -> list[list] | None:
    answer = conn.execute(f"select {function}(?, ?, ?, {', '.join('?' * len(columns))})",
                          (table, json.dumps(rowids), limit, *columns)).fetchone()[0]
    return None if answer is None else json.loads(answer)


def by_sqlite(conn: sqlite3.Connection, table: str, column: str, rowids: list[int], limit: int) -> list[tuple]:
    return conn.execute(f"select [{column}], count(*) from [{table}] where rowid in (select value from json_each(?)) "
                        f"and [{column}] is not null group by [{column}] order by count(*) desc, [{column}] "
                        f"limit {limit}", (json.dumps(rowids),)).fetchall()


@pytest.fixture
def conn(built_db):
    conn = sqlite3.connect(f"file:{built_db}?mode=ro", uri=True)
    register(conn)
    return conn


@pytest.mark.parametrize("term", TERMS)
@pytest.mark.parametrize("limit", [1, 2, 5, 31])
def test_the_counts_are_sqlites_with_nulls_left_out_and_ties_ordered_by_value(conn, term, limit):
    rowids = [r[0] for r in conn.execute("select rowid from sections_fts where sections_fts match ?", (phrase(term),))]
    assert rowids
    got = in_memory(conn, "sections", rowids, limit, COLUMNS)
    for i, column in enumerate(COLUMNS):
        assert [(v, n) for f, v, n in got if f == i] == by_sqlite(conn, "sections", column, rowids, limit)
    assert {f for f, _, _ in got} >= {0, 1, 2}


def test_mixed_values_are_ordered_as_sqlite_orders_them(tmp_path):
    conn = sqlite3.connect(tmp_path / "mixed.db")
    conn.execute("create table t (v)")
    values = [3, 3, "b", "b", 2.5, 2.5, "A", "A", "Å", "Å", "a", 10, 10, None, None, None, "ø"]
    conn.executemany("insert into t values (?)", [(v,) for v in values])
    conn.execute("delete from t where rowid = 12")  # one 10 gone: its rowid is asked for and must not count
    register(conn)
    rowids = list(range(-3, len(values) + 5))  # rowids with no row, below and above the table's, are not counted
    for limit in (1, 3, 4, 20):
        got = [(v, n) for _, v, n in in_memory(conn, "t", rowids, limit, ["v"])]
        assert got == by_sqlite(conn, "t", "v", rowids, limit)
    assert got[:6] == [(2.5, 2), (3, 2), ("A", 2), ("b", 2), ("Å", 2), (10, 1)]


def test_columns_are_read_once_per_database_state(built_db, tmp_path):
    path = tmp_path / "kb.db"
    shutil.copy(built_db, path)
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    facets = register(reader)
    rowids = [r[0] for r in reader.execute("select rowid from sections_fts where sections_fts match ?",
                                           (phrase("kontanthjælp"),))]
    first = in_memory(reader, "sections", rowids, 31, ["role", "level"])
    assert in_memory(reader, "sections", rowids[:3], 31, ["level"]) and facets.loaded == 1
    writer = sqlite3.connect(path)
    writer.execute("update sections set role = 'ny_rolle' where rowid = ?", (rowids[0],))
    writer.commit()
    after = in_memory(reader, "sections", rowids, 31, ["role", "level"])
    assert facets.loaded == 2 and after != first
    assert [(v, n) for f, v, n in after if f == 0] == by_sqlite(reader, "sections", "role", rowids, 31)
    assert ["ny_rolle", 1] in [[v, n] for f, v, n in after if f == 0]


def test_columns_it_cannot_hold_are_refused_so_the_caller_counts_in_sql(conn, tmp_path):
    small = hit_facets.HitFacets(conn, max_value_chars=1000)
    conn.create_function("small_facets", -1, small)
    rowids = [r[0] for r in conn.execute("select rowid from sections limit 50")]
    assert in_memory(conn, "sections", rowids, 5, ["level", "body"], "small_facets") is None  # too much text
    assert in_memory(conn, "sections", rowids, 5, ["level"], "small_facets")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("create table blobs (v)")
    other.execute("create table folded (v text collate nocase)")
    other.executemany("insert into blobs values (?)", [(b"\x00\x01",), (b"\x02",)])
    other.executemany("insert into folded values (?)", [("a",), ("A",)])
    held = register(other)
    assert in_memory(other, "blobs", [1, 2], 5, ["v"]) is None
    assert in_memory(other, "folded", [1, 2], 5, ["v"]) is None
    assert held.loaded == 1  # the blobs were read (and refused); a table with a collation is not read at all


# sqlite3 hands the function's ValueError to sys.unraisablehook before it raises OperationalError
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_only_names_and_a_positive_limit_are_accepted(conn):
    for table, limit, column in [("sections]; drop table sections; --", 5, "level"), ("sections", 0, "level"),
                                 ("sections", 5, "level] from sections; --")]:
        with pytest.raises(sqlite3.OperationalError, match="user-defined function raised exception"):
            in_memory(conn, table, [1], limit, [column])
    assert conn.execute("select count(*) from sections").fetchone()[0] > 0


def test_a_reading_cut_short_by_the_time_limit_is_not_tried_again_until_the_database_changes(built_db, tmp_path):
    path = tmp_path / "kb.db"
    shutil.copy(built_db, path)
    conn = sqlite3.connect(path)
    facets = register(conn)
    rowids = [r[0] for r in conn.execute("select rowid from sections limit 40")]
    conn.set_progress_handler(lambda: 1, 1000)  # as Datasette's time limit does when it runs out
    assert in_memory(conn, "sections", rowids, 5, ["level"]) is None
    conn.set_progress_handler(None, 0)
    assert in_memory(conn, "sections", rowids, 5, ["level"]) is None and facets.loaded <= 1
    other = sqlite3.connect(path)
    other.execute("update sections set level = level where rowid = ?", (rowids[0],))
    other.commit()
    got = in_memory(conn, "sections", rowids, 5, ["level"])
    assert [(v, n) for _, v, n in got] == by_sqlite(conn, "sections", "level", rowids, 5) and got


def test_the_query_reads_the_hits_of_the_cached_search(conn):
    fts_hits.register(conn)
    clause = fts_hits.cached_search_clause("rowid", "sections_fts", ":search", ordered_scan=True)
    rowids_sql = fts_hits.cached_rowids_sql(clause)
    assert rowids_sql == fts_hits.cached_rowids_sql(fts_hits.cached_search_clause("rowid", "sections_fts", ":search"))
    assert fts_hits.cached_rowids_sql(clause + " and role = 'initiative'") is None
    assert fts_hits.cached_rowids_sql(fts_hits.cached_search_clause("id", "sections_fts", ":search")) is None
    rows = json.loads(conn.execute(hit_facets.hit_facets_sql("sections", rowids_sql, 3, ["role", "level"]),
                                   {"search": phrase("unge")}).fetchone()[0])
    hits = [r[0] for r in conn.execute("select rowid from sections_fts where sections_fts match ?", (phrase("unge"),))]
    assert [(v, n) for f, v, n in rows if f == 1] == by_sqlite(conn, "sections", "level", hits, 3)
    assert {f for f, _, _ in rows} == {0, 1}
