"""Datasette plugin of the knowledge base: the SQL function kb_excerpt(heading, body, q),
the excerpt of a search hit with the searched text in bold (extract/search_excerpt.py).

The search query soeg ranks the matches first and calls it for the rows it returns only.
"""
from __future__ import annotations

from datasette import hookimpl

from extract.search_excerpt import search_excerpt


@hookimpl
def prepare_connection(conn):
    conn.create_function("kb_excerpt", 3, search_excerpt, deterministic=True)
