"""Datasette plugin of the knowledge base's search: the SQL function ``kb_excerpt``.

``kb_excerpt(heading, body, q)`` is the excerpt of a search hit with the searched text in
bold (extract/publish/search_excerpt.py). The ranked search query ``soeg`` (metadata.yml)
ranks the matches first and calls it for the rows it returns only. It is given to every
connection through Datasette's ``prepare_connection`` hook; the table pages' own search
(``?_search=``), their counts and facets are Datasette's, unchanged.
"""
from __future__ import annotations

import sqlite3

from datasette import hookimpl

from extract.publish.search_excerpt import search_excerpt


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("kb_excerpt", 3, search_excerpt, deterministic=True)
