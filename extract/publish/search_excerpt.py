"""The excerpt shown beside a search hit: the words around the first place the searched
text occurs, the searched text in **bold** (markdown), whitespace folded to single spaces
and the document's own emphasis marks (*…*, _…_) left out, so they cannot mix with the bold.

It marks what the search finds (extract/publish/search_query.py): each searched word as a
case-insensitive substring ("kontanthjælp" in "Kontanthjælpsmodtagere"), typed with or
without æ, ø, å, a short word whole, a quoted phrase as a whole. SQLite's snippet() would do the
same inside the query, but only on rows of the match itself, so a ranked search would have
to join every matching section before keeping the best 50; with this function the search
ranks first and builds excerpts for the rows it returns only (see soeg in metadata.yml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.publish.search_query import hit_pattern as query_pattern
from extract.publish.search_rules import project_search_rules

ELLIPSIS = "…"
BEFORE = 80  # characters of context kept before the first hit
WIDTH = 280  # characters an excerpt holds at most, marks and ellipses aside

_SPACE = re.compile(r"\s+")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")


@lru_cache(maxsize=256)
def hit_pattern(query: str) -> re.Pattern[str] | None:
    """The searched words and phrases as the search matches them (extract/publish/search_query.py):
    case-insensitive, æ, ø, å as typed or folded, short words whole."""
    return query_pattern(project_search_rules(), query)


def excerpt(text: str | None, query: str | None, width: int = WIDTH) -> str:
    """The part of text around the first hit of query, hits in **bold**.

    >>> excerpt("Målgruppen er unge kontanthjælpsmodtagere under 30 år.", "kontanthjælp")
    'Målgruppen er unge **kontanthjælp**smodtagere under 30 år.'
    """
    flat = _SPACE.sub(" ", _EMPHASIS.sub("", text or "")).strip()
    pattern = hit_pattern(query or "")
    first = pattern.search(flat) if pattern else None
    start = 0
    if first and first.start() > BEFORE:
        start = flat.rfind(" ", 0, first.start() - BEFORE) + 1
    end = len(flat)
    if end - start > width:
        cut = flat.rfind(" ", start, start + width)
        end = cut if cut > (first.end() if first else start) else start + width
    window = flat[start:end]
    if pattern:
        window = pattern.sub(lambda m: f"**{m.group(0)}**", window)
    return (f"{ELLIPSIS} " if start else "") + window + (f" {ELLIPSIS}" if end < len(flat) else "")


def search_excerpt(heading: str | None, body: str | None, query: str | None) -> str:
    """The body's excerpt when the body holds the searched text, else the heading's
    (a section found by its heading alone shows the heading with the hit marked)."""
    pattern = hit_pattern(query or "")
    if pattern and not pattern.search(body or "") and pattern.search(heading or ""):
        return excerpt(heading, query)
    return excerpt(body, query)
