"""Datasette plugin: a table page's column facets counted in one pass over its rows.

Datasette 0.65 counts each facet with a query of its own over the filtered rows, so
the sections table searched for a common word visited every hit once per facet
(document, role, level). ``OnePassColumnFacet`` takes the place of Datasette's
``ColumnFacet`` (a pluggy wrapper around ``register_facet_classes``): when a page has
two or more column facets it counts them all in one query — the rows are read once into
a temporary table, each column is grouped there — and hands the counts to Datasette's
own code, which builds the facets (labels, links, selection) exactly as before.

A page that is a full-text search and nothing else (the search box's page, and every
page after it) is counted faster still: its hits are known as rowids (extract/fts_hits.py)
and their values in the faceted columns are looked up in memory
(extract/hit_facets.py), no row read. When a way of counting fails or runs over the
facet time limit, the next is tried, down to one query per facet as Datasette does.
"""
from __future__ import annotations

import json
import re

from datasette import hookimpl
from datasette.database import Results
from datasette.facets import ColumnFacet
from datasette.utils import escape_sqlite

from extract import fts_hits
from extract import hit_facets

# The query Datasette's ColumnFacet writes for one column (datasette/facets.py)
_FACET_SQL = re.compile(r"^\s*select (?P<col>.+?) as value, count\(\*\) as count from \(", re.S)


def one_pass_sql(sql: str, columns: list[str], limit: int) -> str:
    """Counts of every value of each column over the rows of ``sql``: rows
    (facet index, value, count), at most ``limit`` per column, ordered as Datasette
    orders one facet (count descending, then value)."""
    cols = [escape_sqlite(c) for c in columns]
    counted = "\n  union all ".join(
        f"select {i} as facet, {col} as value, count(*) as count from hits where {col} is not null group by {col}"
        for i, col in enumerate(cols))
    return (f"with hits as materialized (select {', '.join(cols)} from ({sql})),\n"
            f"counted as ({counted})\n"
            "select facet, value, count from (select facet, value, count, row_number() over "
            "(partition by facet order by count desc, value) as n from counted)\n"
            f"where n <= {int(limit)} order by facet, n")


class _Answered:
    """The Datasette object as one facet sees it: the count query of a column counted
    already is answered from those counts; everything else goes to Datasette."""

    def __init__(self, ds, answers: dict[str, Results]):
        self._ds = ds
        self._answers = answers

    def __getattr__(self, name):
        return getattr(self._ds, name)

    async def execute(self, database, sql, *args, **kwargs):
        m = _FACET_SQL.match(sql)
        if m and m["col"] in self._answers:
            return self._answers[m["col"]]
        return await self._ds.execute(database, sql, *args, **kwargs)


@hookimpl
def prepare_connection(conn):
    hit_facets.register(conn)


class OnePassColumnFacet(ColumnFacet):
    async def facet_results(self):
        columns = [c["config"].get("column") or c["config"]["simple"] for c in self.get_configs()]
        counted = await self._counted(columns, self.get_facet_size() + 1)
        if counted is None:
            return await super().facet_results()
        per_column: dict[str, list[dict]] = {escape_sqlite(c): [] for c in columns}
        for facet, value, count in counted:
            per_column[escape_sqlite(columns[facet])].append({"value": value, "count": count})
        answers = {col: Results(rows, False, [("value",), ("count",)]) for col, rows in per_column.items()}
        ds = self.ds
        self.ds = _Answered(ds, answers)
        try:
            return await super().facet_results()
        finally:
            self.ds = ds

    async def _counted(self, columns: list[str], limit: int) -> list[tuple] | None:
        """(facet index, value, count) of every column: in memory when the page is a search
        alone, else in one pass when there are two columns or more; None: one query a facet,
        as Datasette does."""
        in_memory = await self._hit_facets_sql(columns, limit)
        if in_memory is not None:
            # the columns are read once per connection and database state: within the time
            # limit of a query (then a few ms); NULL when they are not held
            result = await self._run(in_memory, "sql_time_limit_ms")
            answer = result.first()[0] if result is not None else None
            if answer is not None:
                return [tuple(row) for row in json.loads(answer)]
        if len(columns) > 1:
            result = await self._run(one_pass_sql(self.sql, columns, limit), "facet_time_limit_ms")
            if result is not None:
                return [tuple(row) for row in result.rows]
        return None

    async def _run(self, sql: str, time_limit: str) -> Results | None:
        """The query's results, or None when it failed: over the time limit (QueryInterrupted),
        an unknown column … (then the next way of counting is tried)."""
        try:
            return await self.ds.execute(self.database, sql, self.params, truncate=False,
                                         custom_time_limit=self.ds.setting(time_limit))
        except Exception:
            return None

    async def _hit_facets_sql(self, columns: list[str], limit: int) -> str | None:
        """The in-memory count's query when the page's rows are a full-text search's hits and
        nothing else: its SQL is then exactly Datasette's select of the table's columns with the
        cached search as the one where clause."""
        if not self.table:
            return None
        names = await self.ds.get_database(self.database).table_columns(self.table)
        select = ", ".join(escape_sqlite(c) for c in names)
        for head in (f"select {select} from ", f"select rowid, {select} from "):
            head += f"{escape_sqlite(self.table)} where "
            if self.sql.startswith(head):
                rowids = fts_hits.cached_rowids_sql(self.sql[len(head):])
                return rowids and hit_facets.hit_facets_sql(self.table, rowids, limit, columns)
        return None


@hookimpl(wrapper=True)
def register_facet_classes():
    groups = yield
    return [[OnePassColumnFacet if cls is ColumnFacet else cls for cls in group] for group in groups]
