"""Datasette plugin of the knowledge base: the home page's coverage and search box, readable
page titles and table pages that start with the data.

- ``extra_template_vars``: the home page gets ``coverage`` (extract/publish/coverage.py),
  each document with its counts and flags (templates/index.html); every page gets
  ``page_title`` in words (templates/query.html, templates/table.html).
- ``render_cell``: a long text (a section's body, a document's text, an amount's sentence)
  shows its start, the whole one click away (``<details>``), so a table page shows rows.
"""

from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup, escape

from extract.publish.coverage import COVERAGE_SQL, SHOWN, flags

LONG_COLUMNS = {"body", "text", "original_text", "sentence", "detalje"}
SHOWN_CHARS = 240  # characters of a long text shown before "more"


@hookimpl
def render_cell(value, column):
    if column in LONG_COLUMNS and isinstance(value, str) and len(value) > SHOWN_CHARS + 60:
        cut = value.rfind(" ", 0, SHOWN_CHARS)
        start = value[: cut if cut > 0 else SHOWN_CHARS]
        return Markup(
            f'<details class="lang"><summary>{escape(start)} … <em>(vis alt, {len(value):,} tegn)</em></summary>'
            f'<div style="white-space: pre-wrap">{escape(value)}</div></details>'
        )
    return None


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
