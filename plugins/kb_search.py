"""Datasette plugin of the knowledge base's search.

- ``kb_excerpt(heading, body, q)``: the excerpt of a search hit with the searched text in
  bold (extract/search_excerpt.py). The search query soeg ranks the matches first and
  calls it for the rows it returns only.
- ``kb_fts_rowids(fts_table, match)``: the rowids a full-text match finds, cached per
  connection while the database is unchanged (extract/fts_hits.py). A table page's
  ``?_search=`` runs its match once for the rows, the count and every facet: the search
  clause Datasette writes is handed over to it (a pluggy wrapper around the
  ``filters_from_request`` hook). A clause of another shape is left as it is.
"""
from __future__ import annotations

import re

from datasette import hookimpl
from datasette.utils import await_me_maybe

from extract import fts_hits
from extract.search_excerpt import search_excerpt

# The clause Datasette 0.65 writes for ?_search= (datasette/filters.py, search_filters)
_SEARCH_CLAUSE = re.compile(
    r"^(?P<pk>\[?\w+\]?) in \(select rowid from (?P<fts>\[?\w+\]?) where (?P=fts) match "
    r"(?P<match>:search|escape_fts\(:search\))\)$")


# Read the database through a memory map: a search visits thousands of rows spread over
# the file; read page by page through system calls, the faceted search page was ~1.5x slower
# (BENCHMARKS.md). The map is of the file the OS caches anyway: no memory of its own.
MMAP_BYTES = 1 << 30


@hookimpl
def prepare_connection(conn):
    conn.execute(f"pragma mmap_size = {MMAP_BYTES}")
    conn.create_function("kb_excerpt", 3, search_excerpt, deterministic=True)
    fts_hits.register(conn)


@hookimpl(wrapper=True)
def filters_from_request(request, database, table, datasette):
    results = yield
    if "_search" not in request.args:
        return results
    return [_with_cached_search(r) for r in results]


def cached_clause(clause: str) -> str:
    """Datasette's ?_search= clause rewritten to read the cached match; any other clause unchanged."""
    m = _SEARCH_CLAUSE.match(clause)
    if not m:
        return clause
    return fts_hits.cached_search_clause(m["pk"].strip("[]"), m["fts"].strip("[]"), m["match"])


def _with_cached_search(result):
    async def inner():
        arguments = await await_me_maybe(result)
        if arguments is not None:
            arguments.where_clauses = [cached_clause(c) for c in arguments.where_clauses]
        return arguments
    return inner
