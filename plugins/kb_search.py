"""Datasette plugin of the knowledge base's search, through the ``prepare_connection`` hook.

- ``kb_trigram_query(q)`` and ``kb_word_query(q)``: what someone typed as queries of the
  folded indexes (extract/publish/search_query.py): all words by default, a phrase in
  double quotes, æ, ø, å folded (rules/search.yml), short words (AC, UU) whole.
- ``kb_fold(text)``: text as the search folds it (a label typed without æ, ø, å).
- ``kb_date_from(text)``, ``kb_date_to(text)``: a date parameter typed as people type it
  (extract/publish/params.py).
- ``kb_excerpt(heading, body, q)``: the excerpt of a search hit with the searched words in
  bold (extract/publish/search_excerpt.py). The ranked search query ``soeg``
  (metadata.yml) ranks the matches first and calls it for the rows it returns only.
- Each connection reads the database through a memory map (``MMAP_BYTES``).

The table pages' own search (``?_search=``), their counts and facets are Datasette's.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from extract.publish.params import date_bound
from extract.publish.search_excerpt import search_excerpt
from extract.publish.search_query import trigram_query, word_query
from extract.publish.search_rules import project_search_rules

# A search visits thousands of rows spread over the file: read page by page through system
# calls, the table page's queries (rows, count, facets) took ~1.3x as long on the scale
# corpus (BENCHMARKS.md). The map is of the file the OS caches anyway: no memory of its own.
MMAP_BYTES = 1 << 30


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    rules = project_search_rules()
    conn.execute(f"pragma mmap_size = {MMAP_BYTES}")
    conn.create_function("kb_excerpt", 3, search_excerpt, deterministic=True)
    conn.create_function("kb_trigram_query", 1, lambda q: trigram_query(rules, q), deterministic=True)
    conn.create_function("kb_word_query", 1, lambda q: word_query(rules, q), deterministic=True)
    conn.create_function("kb_fold", 1, rules.fold, deterministic=True)
    # a date typed as people type one ("01-01-2013", "januar 2013"): its first or last day
    conn.create_function("kb_date_from", 1, lambda t: date_bound(t, end=False), deterministic=True)
    conn.create_function("kb_date_to", 1, lambda t: date_bound(t, end=True), deterministic=True)
