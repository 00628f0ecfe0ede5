"""Datasette plugin of the knowledge base: links a document's path to its source file.

``kb serve`` mounts the sources folder at /sources/ (read-only static files), so a
user can open the document behind any row. Everything else is escaped as usual:
no HTML from a document is ever rendered.
"""
from __future__ import annotations

from urllib.parse import quote

from datasette import hookimpl
from markupsafe import Markup, escape

SOURCES_PREFIX = "sources/"


@hookimpl
def render_cell(value, column, table, database):
    if table == "documents" and column == "path" and isinstance(value, str) and value.startswith(SOURCES_PREFIX):
        href = "/" + quote(value)
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    return None
