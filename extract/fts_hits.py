"""The rows a full-text search matches, computed once per search and database state.

Datasette's table page answers a search with several queries — the rows, their count
and one per facet — and each repeats the same ``rowid in (select rowid from FTS where
FTS match …)``. On a trigram index that match is the expensive part (tens of
milliseconds at 75,000 sections), so a page paid for it five times. ``FtsHits`` is the
SQL function ``kb_fts_rowids(fts_table, match)``: the matching rowids as a JSON array,
kept per connection for as long as the database is unchanged, so the page's queries
become ``rowid in (select value from json_each(kb_fts_rowids(…)))`` and the match runs
once.

The cache is keyed by ``PRAGMA data_version``, which changes when another connection
(a build) commits and always names the snapshot the connection reads, so a hit list
never outlives the data it was computed from.
"""
from __future__ import annotations

import re
import sqlite3
from collections import OrderedDict

SQL_FUNCTION = "kb_fts_rowids"
MAX_CACHED_ROWIDS = 2_000_000  # per connection (~16 MB of JSON at most)
_NAME = re.compile(r"^\w+$")


class FtsHits:
    """``kb_fts_rowids(fts_table, match)`` for one connection, with a bounded cache."""

    def __init__(self, conn: sqlite3.Connection, max_rowids: int = MAX_CACHED_ROWIDS):
        self.conn = conn
        self.max_rowids = max_rowids
        self._cache: OrderedDict[tuple[int, str, str], tuple[str, int]] = OrderedDict()
        self._held = 0
        self.computed = 0  # matches run, not answered from the cache (the tests count them)

    def __call__(self, fts_table: str, match: str) -> str:
        if not isinstance(fts_table, str) or not _NAME.match(fts_table):
            raise ValueError(f"{SQL_FUNCTION}: not a table name: {fts_table!r}")
        version = self.conn.execute("pragma data_version").fetchone()[0]
        key = (version, fts_table, match)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found[0]
        # the list built by SQLite: a Python loop over the rows took as long as the match itself
        hits, n = self.conn.execute(f"select json_group_array(rowid), count(*) from [{fts_table}] "
                                    f"where [{fts_table}] match ?", (match,)).fetchone()
        self.computed += 1
        self._remember(key, hits, n)
        return hits

    def _remember(self, key: tuple[int, str, str], hits: str, n: int) -> None:
        if n > self.max_rowids:
            return
        for old in [k for k in self._cache if k[0] != key[0]]:  # the database changed: all older lists go
            self._held -= self._cache.pop(old)[1]
        self._cache[key] = (hits, n)
        self._held += n
        while self._held > self.max_rowids:
            self._held -= self._cache.popitem(last=False)[1][1]


def register(conn: sqlite3.Connection) -> FtsHits:
    """Give the connection the SQL function ``kb_fts_rowids``."""
    hits = FtsHits(conn)
    conn.create_function(SQL_FUNCTION, 2, hits)
    return hits


def cached_search_clause(fts_pk: str, fts_table: str, match_sql: str, ordered_scan: bool = False) -> str:
    """The where clause of a table search that reads the matching rowids from the cache.

    ``ordered_scan`` writes the column as ``+[pk]``, so SQLite cannot look the hits up one
    by one and instead walks the table in the page's order, checking each row against the
    hit list: for a search that hits a large share of the table, the first page is found
    after a few rows instead of after reading and sorting every hit."""
    column = f"+[{fts_pk}]" if ordered_scan else f"[{fts_pk}]"
    return f"{column} in (select value from json_each({hits_sql(fts_table, match_sql)}))"


def hits_sql(fts_table: str, match_sql: str) -> str:
    """The SQL expression of the matching rowids, a JSON list (cached as above)."""
    return f"{SQL_FUNCTION}('{fts_table}', {match_sql})"


_CACHED_CLAUSE = re.compile(
    rf"^\+?\[(?P<pk>\w+)\] in \(select value from json_each\({SQL_FUNCTION}\('(?P<fts>\w+)', "
    r"(?P<match>:search|escape_fts\(:search\))\)\)\)$")


def cached_rowids_sql(clause: str) -> str | None:
    """For a clause written by ``cached_search_clause`` over rowids: the SQL expression of the
    matching rowids (a JSON list); None for any other clause."""
    m = _CACHED_CLAUSE.match(clause.strip())
    if not m or m["pk"] != "rowid":
        return None
    return hits_sql(m["fts"], m["match"])
