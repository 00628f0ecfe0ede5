"""Datasette plugin of the knowledge base: every record's source passage, one click away.

- ``/-/kilde/<table>/<id>``: the document's text around the record's quote with the quote
  marked, the section path above it, links to the record's row, its document and the source
  file; for a PDF the page image with the quote boxed (templates/kilde.html).
- ``/-/kilde/<table>/<id>.png``: that page image, drawn once with pdfplumber and kept in
  a folder beside the database (``kb.pages/`` beside ``kb.db``); only for documents of the
  database whose file lies inside the sources folder (extract/publish/passage.py).
- ``render_cell``: a ``kilde`` column (the canned queries', metadata.yml) links to that page;
  a canned query's ``section_id``, ``initiative_id``, ``allocation_id`` and ``document_id``
  link to their rows, a row page's keys show the label of their row; a query's page links
  (``liste``, ``frister``, …) are links.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from extract.publish.passage import RECORD_TABLES, draw_page, image_name, passage, source_file, sources_dir

ROW_LINKS = {"section_id": "sections", "initiative_id": "sections", "allocation_id": "allocations",
             "document_id": "documents", "amount_id": "amounts"}  # fmt: skip
# Keys of other rows, with the table and column that name them (Datasette labels them on
# table pages; a row page shows the bare key, so render_cell labels it there).
FOREIGN_LABELS = {"document_id": ("documents", "title"), "section_id": ("sections", "heading"),
                  "initiative_id": ("sections", "heading"), "parent_id": ("sections", "heading"),
                  "part_of": ("allocations", "quote"), "allocation_id": ("allocations", "quote"),
                  "amount_id": ("amounts", "quote")}  # fmt: skip
LINK_TEXTS = {"liste": "liste", "penge_pr_aar": "penge pr. år", "frister": "frister", "indsatsside": "indsatsen"}


def _row_url(datasette, table: str, key: str) -> str:
    return datasette.urls.row("kb", table, tilde_encode(key))


@hookimpl
def render_cell(value, column, table, datasette):
    if not isinstance(value, str) or not value:
        return None
    if column == "kilde" and value.startswith("/-/kilde/"):
        return Markup(f'<a class="kilde" href="{escape(value)}">kilde</a>')
    if table is None and value.startswith("/kb/") and column in LINK_TEXTS:
        return Markup(f'<a href="{escape(value)}">{escape(LINK_TEXTS[column])}</a>')
    if table is None and column in ROW_LINKS:
        return Markup(f'<a href="{escape(_row_url(datasette, ROW_LINKS[column], value))}">{escape(value)}</a>')
    if table is not None and column in FOREIGN_LABELS:  # a row page: its keys shown with their labels
        return _labelled(datasette, column, value)
    return None


async def _labelled(datasette, column: str, value: str) -> Markup:
    target, label = FOREIGN_LABELS[column]
    rows = await datasette.get_database("kb").execute(f"select {label} from [{target}] where id = ?", [value])
    text = rows.rows[0][0] if rows.rows and rows.rows[0][0] else value
    href = escape(_row_url(datasette, target, value))
    return Markup(f'<a href="{href}">{escape(text)}</a> <small>{escape(value)}</small>')


async def _record(db, table: str, key: str) -> dict | None:
    own = "id" if table == "sections" else "section_id"
    quote = {"sections": "heading", "tables": "header", "table_cells": "text"}.get(table, "quote")
    rows = await db.execute(
        f"select document_id, {own} as section_id, char_start, char_end, page, {quote} as quote "
        f"from [{table}] where id = ?",
        [key],
    )
    return dict(rows.rows[0]) if rows.rows else None


async def _section_path(db, section_id: str | None) -> list[dict]:
    path: list[dict] = []
    while section_id and len(path) < 12:
        rows = await db.execute("select id, parent_id, number, heading from sections where id = ?", [section_id])
        if not rows.rows:
            break
        row = dict(rows.rows[0])
        path.insert(0, row)
        section_id = row["parent_id"]
    return path


async def _context(datasette, table: str, key: str) -> dict | None:
    if table not in RECORD_TABLES:
        return None
    db = datasette.get_database("kb")
    rec = await _record(db, table, key)
    if rec is None or rec["char_start"] is None:
        return None
    doc = dict((await db.execute("select * from documents where id = ?", [rec["document_id"]])).rows[0])
    text = (await db.execute("select text from texts where document_id = ?", [rec["document_id"]])).first()[0]
    start, end = rec["char_start"], rec["char_end"] or rec["char_start"]
    if table == "sections":  # the heading marked, the section's text after it
        at = text.find(rec["quote"] or "", start, end)
        start, end = (at, at + len(rec["quote"])) if at >= 0 else (start, start)
    return {"rec": rec, "doc": doc, "text": text, "start": start, "end": end,
            "path": await _section_path(db, rec["section_id"]), "db": db}  # fmt: skip


def _pages_dir(db) -> Path:
    return Path(str(db.path) + ".pages") if not str(db.path).endswith(".db") else Path(str(db.path)[:-3] + ".pages")


async def passage_page(request, datasette):
    table, key = request.url_vars["table"], request.url_vars["key"]
    c = await _context(datasette, table, key)
    if c is None:
        return Response.text("Not found", status=404)
    doc, rec = c["doc"], c["rec"]
    source = source_file(sources_dir(), doc["path"])
    is_pdf = doc.get("format") == "pdf" and rec["page"] and source is not None
    html = await datasette.render_template(
        "kilde.html",
        {
            "table": table,
            "key": key,
            "doc": doc,
            "rec": rec,
            "path": c["path"],
            "passage": passage(c["text"], c["start"], c["end"]).html(),
            "row_url": _row_url(datasette, table, key),
            "doc_url": _row_url(datasette, "documents", doc["id"]),
            "image_url": f"/-/kilde/{table}/{key}.png" if is_pdf else None,
            "source_url": "/" + doc["path"] if source else None,
        },
        request=request,
    )
    return Response.html(html)


async def page_image(request, datasette):
    table, key = request.url_vars["table"], request.url_vars["key"]
    c = await _context(datasette, table, key)
    not_found = Response.text("Not found", status=404)
    if c is None or not c["rec"]["page"]:
        return not_found
    pdf = source_file(sources_dir(), c["doc"]["path"])
    if pdf is None or pdf.suffix.lower() != ".pdf":
        return not_found
    page, quote = c["rec"]["page"], c["text"][c["start"] : c["end"]]
    out = _pages_dir(c["db"]) / image_name(c["doc"]["id"], page, quote, c["start"])
    if not out.exists():
        rows = await c["db"].execute(
            "select char_start from pages where document_id = ? and page = ?", [c["doc"]["id"], page]
        )
        page_start = rows.rows[0][0] if rows.rows else 0
        nth = c["text"][page_start : c["start"]].count(quote) if quote else 0
        await asyncio.to_thread(draw_page, pdf, page, quote, nth, out)  # the site answers others meanwhile
    return Response(out.read_bytes(), content_type="image/png", headers={"Cache-Control": "max-age=3600"})


@hookimpl
def register_routes():
    return [
        (r"^/-/kilde/(?P<table>\w+)/(?P<key>[^/]+)\.png$", page_image),
        (r"^/-/kilde/(?P<table>\w+)/(?P<key>[^/]+)$", passage_page),
    ]
