"""A table of contents copied without its leaders: under its heading ("Indholdsfortegnelse",
"Indhold"), lines that each end in the page their part begins on ("1. Udgangspunktet for
budgetaftalen 1", "2. Det økonomiske udgangspunkt 2", "Bilag 1. Overblik - Ændringer til budgettet
23"), the pages never going back. Its lines name the headings further on; they are none themselves."""

from __future__ import annotations

from extract.structure.heading_rules import HeadingRules
from extract.structure.headings import line_at, next_line_start


def contents_entries(text: str, r: HeadingRules) -> frozenset[int]:
    """The starts of the lines of every such table of contents in ``text``: at least
    ``contents_min_entries`` lines matching ``contents_entry`` (group ``page``) right under a line
    matching ``contents_heading``, blank lines allowed between them, their pages in order."""
    found: set[int] = set()
    for heading in r.contents_heading.finditer(text):
        pos = heading.end() + 1
        entries: list[int] = []
        last_page = 0
        while pos < len(text):
            line = line_at(text, pos)
            if line.strip():
                entry = r.contents_entry.fullmatch(line)
                if entry is None or int(entry.group("page")) < last_page:
                    break
                last_page = int(entry.group("page"))
                entries.append(pos)
            pos = next_line_start(text, pos)
        if len(entries) >= r.contents_min_entries:
            found.update(entries)
    return frozenset(found)
