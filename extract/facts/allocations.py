"""Allocations: the sums of money a document states, each once, with what they are.

Pure: a document's text, amounts, sentences, sections and metadata in, allocations and
warnings out. Each amount mention is read in its clause (:mod:`extract.facts.mentions`:
status, scope, years by ``rules/allocations.yml``); mentions of the same money are made
one allocation (:mod:`extract.facts.restatements`); totals of parts beside them and shares
of a total are marked (:mod:`extract.facts.totals`), so that counting own granted money
counts each krone once.
"""

from __future__ import annotations

from typing import Optional

from extract.facts.allocation_rules import AllocationRules
from extract.facts.mentions import mention_facts
from extract.facts.restatements import join_restatements
from extract.facts.totals import mark_totals
from extract.records import Allocation, Amount, DocumentMeta, Section
from extract.structure.outline import outermost_initiatives, section_at
from extract.structure.sentences import Span


def places(amounts: list[Amount], sections: list[Section]) -> list[Optional[int]]:
    """For each amount, where it stands: its outermost initiative, else its section."""
    initiative = outermost_initiatives(sections)
    out = []
    for a in amounts:
        section = section_at(sections, a.char_start)
        out.append(initiative.get(section, section) if section is not None else None)
    return out


def find_allocations(
    text: str,
    amounts: list[Amount],
    sentences: list[Span],
    sections: list[Section],
    meta: DocumentMeta,
    r: AllocationRules,
) -> tuple[list[Allocation], list[str]]:
    """The allocations of one document (in the order they are first stated) and what was
    found amiss (a stated total its parts do not make). Amounts in another currency than
    kroner have no value to count and make none; positions stay those of ``amounts``."""
    where = [i for i, a in enumerate(amounts) if a.value_dkk is not None]
    if len(where) < len(amounts):
        kept, warnings = find_allocations(text, [amounts[i] for i in where], sentences, sections, meta, r)
        for f in kept:
            f.position, f.mentions = where[f.position], [where[m] for m in f.mentions]
            f.part_of = None if f.part_of is None else where[f.part_of]
        return kept, warnings
    facts, clauses = mention_facts(text, amounts, sentences, meta, r)
    where = places(amounts, sections)
    kept = join_restatements(facts, clauses, where, r)
    warnings = mark_totals(kept, clauses, where, r)
    return kept, warnings
