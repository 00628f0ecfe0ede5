"""Facet counts of a full-text search's hits, from column values held in memory.

A table page searched for a common word counts its facets over every hit: "unge" hits
16,000 of 75,000 sections, and SQLite spends about a microsecond a row finding each
one and another two grouping it, however the query is written (BENCHMARKS.md). The
hits are known already, as a list of rowids (extract/fts_hits.py); what the counts need
is each hit's value in the faceted columns. ``HitFacets`` is the SQL function
``kb_hit_facets(table, rowids, limit, column, …)``: it reads the columns once per
connection and database state (one scan of the table, values coded as small
integers), then counts the hits of any search by looking them up (numpy: a fraction of a
millisecond for 16,000 hits).

It answers with the counts Datasette's own facet query would give: a JSON list of
``[column index, value, count]``, NULL left out, at most ``limit`` per column,
ordered by count descending and then value as SQLite orders values of the BINARY
collation (numbers before text, text by code point, which is UTF-8 byte order). A
table declaring any other collation, a column holding blobs, and a column whose
distinct values would take more than ``MAX_VALUE_CHARS`` are not held: the answer is
then NULL and the caller counts in SQL instead. So are columns whose reading the query's
time limit cut short, until the database changes (the caller gives the call the time
limit of a query, not of a facet: the reading is done once per connection and database
state, ~150 ms at 75,000 rows).
"""
from __future__ import annotations

import json
import re
import sqlite3

import numpy as np

SQL_FUNCTION = "kb_hit_facets"
MAX_VALUE_CHARS = 4_000_000  # distinct text of one column kept per connection (a body column is far larger)
_NAME = re.compile(r"^[^\]\x00]+$")


class HitFacets:
    """``kb_hit_facets(table, rowids_json, limit, column, …)`` for one connection."""

    def __init__(self, conn: sqlite3.Connection, max_value_chars: int = MAX_VALUE_CHARS):
        self.conn = conn
        self.max_value_chars = max_value_chars
        self._version: int | None = None
        # (table, column) -> (code of each rowid, distinct values by code), or None when refused
        self._held: dict[tuple[str, str], tuple[np.ndarray, list] | None] = {}
        self.loaded = 0  # table scans made (the tests count them)

    def __call__(self, table: str, rowids_json: str, limit: int, *columns: str) -> str | None:
        for name in (table, *columns):
            if not isinstance(name, str) or not _NAME.match(name):
                raise ValueError(f"{SQL_FUNCTION}: not a table or column name: {name!r}")
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"{SQL_FUNCTION}: limit must be a positive integer, not {limit!r}")
        try:
            version = self.conn.execute("pragma data_version").fetchone()[0]
            if version != self._version:  # the database changed: every held column goes
                self._held.clear()
                self._version = version
            self._load(table, [c for c in dict.fromkeys(columns) if (table, c) not in self._held])
        except sqlite3.OperationalError as e:
            if "interrupt" not in str(e):
                raise
            # too big to read within the query's time limit: not tried again until the database changes
            self._refuse(table, [c for c in columns if (table, c) not in self._held])
            return None
        if any(self._held[(table, c)] is None for c in columns):
            return None
        rowids = np.array(json.loads(rowids_json), dtype=np.int64)
        answer = []
        for index, column in enumerate(columns):
            held = self._held[(table, column)]
            answer.extend([index, value, n] for value, n in _top(held, rowids, limit))
        return json.dumps(answer, ensure_ascii=False)

    def _load(self, table: str, columns: list[str]) -> None:
        if not columns:
            return
        schema = self.conn.execute("select sql from sqlite_master where type = 'table' and name = ?",
                                   (table,)).fetchone()
        if schema is None:
            raise ValueError(f"{SQL_FUNCTION}: no such table: {table}")
        low, top, n = self.conn.execute(f"select min(rowid), max(rowid), count(*) from [{table}]").fetchone()
        # the codes are an array indexed by rowid: not for negative or very sparse rowids
        unusable = bool(n) and (low < 0 or top > 4 * n + 1_000_000)
        if unusable or (schema[0] and re.search(r"\bcollate\b", schema[0], re.I)):
            return self._refuse(table, columns)
        self.loaded += 1
        # One scan, each column read in SQLite as a JSON list: a Python loop over the cursor
        # took ~1 µs a value, this a fifth of that
        arrays = ", ".join(f"json_group_array([{c}])" for c in columns)
        try:
            read = self.conn.execute(f"select json_group_array(rowid), {arrays} from [{table}]").fetchone()
        except sqlite3.OperationalError as e:
            if "interrupt" in str(e):
                raise
            read = None  # a blob ("JSON cannot hold BLOB values")
        if read is None:
            return self._refuse(table, columns)
        rowids = np.array(json.loads(read[0]), dtype=np.int64)
        for column, values in zip(columns, read[1:]):
            self._held[(table, column)] = self._coded(json.loads(values), rowids, (top or 0) + 1)

    def _refuse(self, table: str, columns: list[str]) -> None:
        for column in columns:
            self._held[(table, column)] = None

    def _coded(self, values: list, rowids: np.ndarray, size: int) -> tuple[np.ndarray, list] | None:
        """Each row's value as a number (its index among the distinct values), by rowid."""
        coder: dict = {}
        code = coder.setdefault
        codes = np.array([-1 if v is None else code(v, len(coder)) for v in values], dtype=np.int32)
        distinct = list(coder)
        if sum(len(v) if isinstance(v, str) else 8 for v in distinct) > self.max_value_chars:
            return None
        none = len(distinct)  # the code of NULL and of a rowid with no row: not counted
        codes[codes < 0] = none
        by_rowid = np.full(size, none, dtype=np.int32)
        by_rowid[rowids] = codes
        return by_rowid, distinct


def _top(held: tuple[np.ndarray, list], rowids: np.ndarray, limit: int) -> list[tuple]:
    """The ``limit`` most frequent non-NULL values among the rows ``rowids``, as SQLite orders them."""
    by_rowid, values = held
    counts = np.bincount(by_rowid[rowids[(rowids >= 0) & (rowids < len(by_rowid))]], minlength=len(values) + 1)
    counts[-1] = 0  # NULL, or no such row
    found = np.flatnonzero(counts)
    if len(found) > limit:  # only values as frequent as the limit-th can be among the first
        least = np.partition(counts[found], len(found) - limit)[len(found) - limit]
        found = found[counts[found] >= least]
    counted = [(values[code], int(counts[code])) for code in found.tolist()]
    counted.sort(key=lambda vn: (-vn[1], isinstance(vn[0], str), vn[0]))
    return counted[:limit]


def register(conn: sqlite3.Connection) -> HitFacets:
    """Give the connection the SQL function ``kb_hit_facets``."""
    facets = HitFacets(conn)
    conn.create_function(SQL_FUNCTION, -1, facets)
    return facets


def hit_facets_sql(table: str, rowids_sql: str, limit: int, columns: list[str]) -> str:
    """The query of the facets of the rows ``rowids_sql`` (an SQL expression giving a JSON
    list of rowids): one value, the JSON list of [facet, value, count], or NULL."""
    quoted = ", ".join(_quote(c) for c in columns)
    return f"select {SQL_FUNCTION}({_quote(table)}, {rowids_sql}, {int(limit)}, {quoted})"


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"
