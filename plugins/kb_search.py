"""Datasette plugin of the knowledge base's search, through the ``prepare_connection`` hook.

- ``kb_excerpt(heading, body, q)``: the excerpt of a search hit with the searched text in
  bold (extract/publish/search_excerpt.py). The ranked search query ``soeg``
  (metadata.yml) ranks the matches first and calls it for the rows it returns only.
- Each connection reads the database through a memory map (``MMAP_BYTES``).

The table pages' own search (``?_search=``), their counts and facets are Datasette's.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from extract.publish.search_excerpt import search_excerpt

# A search visits thousands of rows spread over the file: read page by page through system
# calls, the table page's queries (rows, count, facets) took ~1.3x as long on the scale
# corpus (BENCHMARKS.md). The map is of the file the OS caches anyway: no memory of its own.
MMAP_BYTES = 1 << 30


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.execute(f"pragma mmap_size = {MMAP_BYTES}")
    conn.create_function("kb_excerpt", 3, search_excerpt, deterministic=True)
