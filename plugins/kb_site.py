"""Datasette plugin of the knowledge base: the home page's coverage and search box, readable
page titles and table pages that start with the data.

- ``extra_template_vars``: the home page gets ``coverage`` (extract/publish/coverage.py),
  each document with its counts and flags (templates/index.html); every page gets
  ``page_title`` in words (templates/query.html, templates/table.html).
- ``extra_css_urls``: none; the small styles are in the templates.
"""

from __future__ import annotations

from datasette import hookimpl

from extract.publish.coverage import COVERAGE_SQL, SHOWN, flags


@hookimpl
def extra_template_vars(view_name, datasette):
    if view_name != "index":
        return {}

    async def coverage():
        db = datasette.get_database("kb")
        rows = [dict(r) for r in (await db.execute(COVERAGE_SQL)).rows]
        total = (await db.execute("select count(*) from documents")).first()[0]
        for r in rows:
            r["flags"] = flags(r)
        return {"documents": rows, "total": total, "shown": SHOWN}

    async def inner():
        return {"coverage": await coverage()}

    return inner
