"""Datasette plugin: a table page's column facets counted in one pass over its rows.

Datasette 0.65 counts each facet with a query of its own over the filtered rows, so
the sections table searched for a common word visited every hit once per facet
(document, role, level). ``OnePassColumnFacet`` takes the place of Datasette's
``ColumnFacet`` (a pluggy wrapper around ``register_facet_classes``): when a page has
two or more column facets it counts them all in one query — the rows are read once into
a temporary table, each column is grouped there — and hands the counts to Datasette's
own code, which builds the facets (labels, links, selection) exactly as before. When
that query fails or runs over the facet time limit, the facets are counted one by one
as Datasette does.
"""
from __future__ import annotations

import re

from datasette import hookimpl
from datasette.database import Results
from datasette.facets import ColumnFacet
from datasette.utils import escape_sqlite

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


class OnePassColumnFacet(ColumnFacet):
    async def facet_results(self):
        columns = [c["config"].get("column") or c["config"]["simple"] for c in self.get_configs()]
        if len(columns) < 2:
            return await super().facet_results()
        limit = self.get_facet_size() + 1
        try:
            counted = await self.ds.execute(
                self.database, one_pass_sql(self.sql, columns, limit), self.params,
                truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"))
        except Exception:  # over the time limit (QueryInterrupted), an unknown column …: one query a
            return await super().facet_results()  # facet, each within the limit, as Datasette does
        per_column: dict[str, list[dict]] = {escape_sqlite(c): [] for c in columns}
        for row in counted.rows:
            per_column[escape_sqlite(columns[row["facet"]])].append({"value": row["value"], "count": row["count"]})
        answers = {col: Results(rows, False, [("value",), ("count",)]) for col, rows in per_column.items()}
        ds = self.ds
        self.ds = _Answered(ds, answers)
        try:
            return await super().facet_results()
        finally:
            self.ds = ds


@hookimpl(wrapper=True)
def register_facet_classes():
    groups = yield
    return [[OnePassColumnFacet if cls is ColumnFacet else cls for cls in group] for group in groups]
