"""Datasette plugin of the knowledge base's search.

- ``kb_excerpt(heading, body, q)``: the excerpt of a search hit with the searched text in
  bold (extract/search_excerpt.py). The search query soeg ranks the matches first and
  calls it for the rows it returns only.
- ``kb_fts_rowids(fts_table, match)``: the rowids a full-text match finds, cached per
  connection while the database is unchanged (extract/fts_hits.py). A table page's
  ``?_search=`` runs its match once for the rows, the count and every facet: the search
  clause Datasette writes is handed over to it (a pluggy wrapper around the
  ``filters_from_request`` hook). A clause of another shape is left as it is.
- A search hitting a large share of the table (``ORDERED_SCAN_SHARE``) is written so
  that SQLite walks the table in the page's order and stops at the page's last row,
  instead of reading and sorting every hit (``ordered_scan`` in extract/fts_hits.py).
- The count of a page that is a search and nothing else is the number of hits: Datasette's
  ``select count(*) … where <the cached search>`` is answered by the length of the hit
  list instead of by reading every hit (the FTS index is the table's own: sqlite-utils'
  triggers keep every indexed rowid a row of the table). The database's ``execute`` is
  wrapped at startup to rewrite that one query shape; any other query passes unchanged.
"""
from __future__ import annotations

import re
import sqlite3

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import await_me_maybe, escape_sqlite

from extract import fts_hits
from extract.publish.search_excerpt import search_excerpt

# The clause Datasette 0.65 writes for ?_search= (datasette/filters.py, search_filters)
_SEARCH_CLAUSE = re.compile(
    r"^(?P<pk>\[?\w+\]?) in \(select rowid from (?P<fts>\[?\w+\]?) where (?P=fts) match "
    r"(?P<match>:search|escape_fts\(:search\))\)$")


# Share of the table's rowids a search must hit for the ordered walk: at 5 % the first
# 20 hits are found within ~400 rows, while looking up 5 % of 75,000 sections and sorting
# them takes ~4 ms and grows with the hits (BENCHMARKS.md).
ORDERED_SCAN_SHARE = 0.05

_COUNT = re.compile(r"^select count\(\*\) from (?P<table>\[[^\]]+\]|\w+) where (?P<clause>.+?)\s*$", re.S)


# Read the database through a memory map: a search visits thousands of rows spread over
# the file; read page by page through system calls, the faceted search page was ~1.5x slower
# (BENCHMARKS.md). The map is of the file the OS caches anyway: no memory of its own.
MMAP_BYTES = 1 << 30


@hookimpl
def prepare_connection(conn):
    conn.execute(f"pragma mmap_size = {MMAP_BYTES}")
    conn.create_function("kb_excerpt", 3, search_excerpt, deterministic=True)
    fts_hits.register(conn)


@hookimpl
def startup(datasette):
    for db in datasette.databases.values():
        if not getattr(db.execute, "counts_hits", False):
            db.execute = _counting_hits(db.execute)


def _counting_hits(execute):
    async def counted(sql, *args, **kwargs):
        return await execute(count_of_hits_sql(sql), *args, **kwargs)
    counted.counts_hits = True
    return counted


def count_of_hits_sql(sql: str) -> str:
    """``select count(*) from T where <cached search>`` as the length of the hit list; any
    other query unchanged."""
    m = _COUNT.match(sql)
    rowids = m and fts_hits.cached_rowids_sql(m["clause"])
    return f"select json_array_length({rowids})" if rowids else sql


@hookimpl(wrapper=True)
def filters_from_request(request, database, table, datasette):
    results = yield
    if "_search" not in request.args:
        return results
    return [_with_cached_search(r, datasette.get_database(database), table) for r in results]


def _search_parts(clause: str) -> tuple[str, str, str] | None:
    """(pk, FTS table, match expression) of Datasette's ?_search= clause; None for any other."""
    m = _SEARCH_CLAUSE.match(clause)
    return (m["pk"].strip("[]"), m["fts"].strip("[]"), m["match"]) if m else None


async def _hits_share(db, table: str, rowids_sql: str, params: dict) -> float:
    """The hits of the search as a share of the table's rowid range (the match is cached)."""
    t = escape_sqlite(table)
    try:
        hits, span = (await db.execute(
            f"select json_array_length({rowids_sql}), (select max(rowid) from {t}) - (select min(rowid) from {t}) + 1",
            params)).first()
    except (sqlite3.Error, QueryInterrupted):  # a searchable view has no rowid: the plain clause
        return 0.0
    return hits / span if span else 0.0


def _with_cached_search(result, db, table):
    """Datasette's search clause rewritten to read the cached match (ordered_scan for a
    search hitting a large share of the table); any other clause unchanged."""
    async def inner():
        arguments = await await_me_maybe(result)
        if arguments is None:
            return None
        clauses = []
        for clause in arguments.where_clauses:
            parts = _search_parts(clause)
            if parts is not None:
                pk, fts, match = parts
                share = await _hits_share(db, table, fts_hits.hits_sql(fts, match), arguments.params)
                clause = fts_hits.cached_search_clause(pk, fts, match, share >= ORDERED_SCAN_SHARE)
            clauses.append(clause)
        arguments.where_clauses = clauses
        return arguments
    return inner
