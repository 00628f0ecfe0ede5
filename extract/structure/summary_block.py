"""An agenda aggregator's summary of an item, printed over the item's own fields: its headings.

Pages of many municipalities copied from an agenda aggregator print, above the item's fields,
the aggregator's summary of the item: a block opened by a line such as "Prompt resultater", its
groups named with a version ("Relevans v1", "Opsummering v1") over their labels ("Spørgsmål",
"Opsummering", "Fordele", "Emneord"), each on a line of its own (``agenda.summary_block`` in
``rules/headings.yml`` names them and their levels).
"""

from __future__ import annotations

from extract.records import OTHER
from extract.structure.agenda_lines import squash
from extract.structure.agenda_rules import AgendaRules
from extract.structure.headings import Candidate, strip_marks
from extract.structure.titles import text_lines


def summary_headings(text: str, first: int, ag: AgendaRules) -> dict[int, tuple[Candidate, int]]:
    """The summary block's headings before offset ``first`` (where the item's first field or the
    first item starts), by where they start, each with its level; none when no line opens a block
    or the block holds no summary (the viewer's frame over a verdict alone: "Relevans" over "Nej")."""
    out: dict[int, tuple[Candidate, int]] = {}
    for a, raw in text_lines(text[:first]):
        line = squash(strip_marks(raw))
        if not out:
            level = 1 if line and ag.summary_opens.fullmatch(line) else None
        else:
            level = next((n for n, pattern in ag.summary_levels if pattern.fullmatch(line)), None)
        if level is not None:
            out[a] = (Candidate(a, a + len(raw) + 1, line, None, None, None, "part", OTHER, "summary_block"), level)
    return out if any(ag.summary_holds.fullmatch(c.heading) for c, _ in out.values()) else {}
