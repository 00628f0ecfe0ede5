"""Datasette plugin of the knowledge base: the home page's coverage and search box, readable
page titles and table pages that start with the data.

- ``extra_template_vars``: the home page gets ``coverage`` (extract/publish/coverage.py),
  each document with its counts and flags (templates/index.html); every page gets
  ``page_title`` in words (templates/query.html, templates/table.html); a table page gets
  its ``key_columns``, shown first (templates/_table.html).
- ``render_cell``: a long text (a section's body, a document's text, an amount's sentence)
  shows its start, the whole one click away (``<details>``), so a table page shows rows.
"""

from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup, escape

from extract.publish.coverage import COVERAGE_SQL, SHOWN, coverage_params, flags

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


# The columns a table page shows first, after the row's link (templates/_table.html).
KEY_COLUMNS = {
    "documents": ["title", "date", "kind", "path"],
    "sections": ["heading", "role", "body"],
    "amounts": ["quote", "value_dkk", "year_from", "year_to", "kind", "sentence"],
    "allocations": ["quote", "value_dkk", "years", "status", "scope", "kind", "initiative_id"],
    "target_groups": ["quote", "groups", "age_min", "age_max", "initiative_id"],
    "milestones": ["date_text", "date_start", "date_end", "kind", "quote", "initiative_id"],
}


@hookimpl
def extra_template_vars(view_name, table, datasette):
    if view_name == "table":
        return {"key_columns": KEY_COLUMNS.get(table, [])}
    if view_name != "index":
        return {}

    async def coverage():
        db = datasette.get_database("kb")
        rows = [dict(r) for r in (await db.execute(COVERAGE_SQL, coverage_params())).rows]
        total = (await db.execute("select count(*) from documents")).first()[0]
        for r in rows:
            r["flags"] = flags(r)
        return {"documents": rows, "total": total, "shown": SHOWN}

    async def inner():
        return {"coverage": await coverage()}

    return inner
