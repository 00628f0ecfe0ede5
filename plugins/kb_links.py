"""Datasette plugin of the knowledge base: a document's path links to its source file (a
document built from a file outside the sources folder: to its text as stored, /-/tekst/<id>).

``kb serve`` tells the plugin where the sources folder is (``KB_SOURCES_DIR``); the
plugin serves those files read-only at /sources/… — only files a document of the database
was built from, and only inside that folder: PDFs as they are, text files
decoded the way the extractor decodes them and sent as UTF-8 plain text, so Danish
letters show right and nothing in a document is ever rendered as HTML.
"""

from __future__ import annotations

import mimetypes
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from extract.publish.passage import SOURCES_PREFIX, source_file, sources_dir


@hookimpl
def render_cell(row, value, column, table, database):
    if table == "documents" and column == "path" and isinstance(value, str):
        # a file of the sources folder links to itself; one built from elsewhere to its text
        # as read (from the database: no file outside the sources folder is ever served)
        href = "/" + quote(value) if value.startswith(SOURCES_PREFIX) else f"/-/tekst/{quote(str(row['id']))}"
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    return None


async def serve_text(request, datasette):
    """A document's text as read and stored in the database, as UTF-8 plain text."""
    db = datasette.get_database()
    rows = await db.execute("select text from texts where document_id = ?", [request.url_vars["id"]])
    if not rows.rows:
        return Response.text("Not found", status=404)
    return Response(rows.rows[0][0] or "", content_type="text/plain; charset=utf-8",
                    headers={"X-Content-Type-Options": "nosniff"})  # fmt: skip


async def is_document(datasette, stored_path: str) -> bool:
    """Whether a document of the knowledge base was built from this path (as stored)."""
    db = datasette.get_database()
    rows = await db.execute("select 1 from documents where path = ? limit 1", [stored_path])
    return bool(rows.rows)


async def serve_source(request, datasette):
    """A document's source file: only a file a document of the database was built from, and
    only under the sources folder (no "..", no absolute path, no symlink leading out); every
    refusal is the same 404 that names no path."""
    folder = sources_dir()
    name = request.url_vars["path"]
    not_found = Response.text("Not found", status=404)
    if folder is None or not await is_document(datasette, SOURCES_PREFIX + name):
        return not_found
    path = source_file(folder, SOURCES_PREFIX + name)
    if path is None:
        return not_found
    data = path.read_bytes()
    if path.suffix.lower() == ".pdf":
        return Response(data, content_type="application/pdf")
    from extract.read.text import decode

    try:
        text, _ = decode(data, path.name)
    except Exception:
        return Response(data, content_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream")
    return Response(text, content_type="text/plain; charset=utf-8", headers={"X-Content-Type-Options": "nosniff"})


@hookimpl
def register_routes():
    return [(r"^/sources/(?P<path>.+)$", serve_source), (r"^/-/tekst/(?P<id>[0-9a-f]+)$", serve_text)]
