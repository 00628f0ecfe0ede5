"""The rows of ``kb.db`` that one document's extraction gives, with stable keys.

Pure: an :class:`~extract.records.Extraction` in, rows out (:mod:`extract.save` writes
them). Every child row is keyed by its document and position (``<doc>:s0003``, the
fourth section; ``<doc>:a0012``, the thirteenth amount), so building a document twice
gives the same keys. A record is linked to the section whose text holds it and to the
outermost initiative that holds that section.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from extract.records import Extraction, Section
from extract.structure.outline import outermost_initiatives

Row = dict[str, Any]


class _Links:
    """The keys of a document's sections and of the initiative that holds each."""

    def __init__(self, doc_id: str, sections: list[Section]):
        self.doc_id = doc_id
        self.initiative = outermost_initiatives(sections)

    def section(self, position: Optional[int]) -> Optional[str]:
        return None if position is None else f"{self.doc_id}:s{position:04d}"

    def initiative_of(self, position: Optional[int]) -> Optional[str]:
        return None if position is None else self.section(self.initiative.get(position))

    def of(self, position: Optional[int]) -> Row:
        """The document, section and initiative columns of a record in that section."""
        return {"document_id": self.doc_id, "section_id": self.section(position),
                "initiative_id": self.initiative_of(position)}  # fmt: skip


def kroner(value: Optional[float]) -> Optional[int]:
    """An amount as stored: whole kroner (the documents state none finer)."""
    return None if value is None else int(round(value))


def document_rows(doc_id: str, ex: Extraction) -> dict[str, list[Row]]:
    """Every row of the document but its ``documents`` row, by table."""
    links = _Links(doc_id, ex.sections)
    tables, cells = table_rows(links, ex)
    return {
        "texts": [{"document_id": doc_id, "text": ex.source.text, "original_text": ex.source.original_text}],
        "ocr_repairs": ocr_repair_rows(doc_id, ex),
        "pages": page_rows(doc_id, ex),
        "sections": section_rows(links, ex),
        "amounts": [
            _child(links, "a", n, a, value_dkk=kroner(a.value_dkk), year_from=a.year_from, year_to=a.year_to,
                   per_year=int(a.per_year), kind=a.kind, currency=a.currency, sentence=a.sentence)
            for n, a in enumerate(ex.amounts)
        ],
        "target_groups": [
            _child(links, "t", n, t, groups=json.dumps(t.groups, ensure_ascii=False), age_min=t.age_min,
                   age_max=t.age_max, match_groups=json.dumps(t.match_groups), size=t.size)
            for n, t in enumerate(ex.target_groups)
        ],
        "milestones": [
            _child(links, "m", n, m, date_text=m.date_text, date_start=m.date_start, date_end=m.date_end,
                   precision=m.precision, kind=m.kind)
            for n, m in enumerate(ex.milestones)
        ],
        "tables": tables,
        "table_cells": cells,
        **allocation_rows(links, ex),
    }  # fmt: skip


def section_rows(links: _Links, ex: Extraction) -> list[Row]:
    return [
        {"id": links.section(s.position), "document_id": links.doc_id, "parent_id": links.section(s.parent_position),
         "initiative_id": links.initiative_of(s.position), "position": s.position, "level": s.level,
         "number": s.number, "heading": s.heading, "role": s.role, "body": s.body, "page": s.page,
         "char_start": s.char_start, "char_end": s.char_end, "rule": s.rule}
        for s in ex.sections
    ]  # fmt: skip


def _child(links: _Links, prefix: str, n: int, rec: Any, **columns: Any) -> Row:
    """A record's row: its key, links, quote, place and rule, then its own columns."""
    return {"id": f"{links.doc_id}:{prefix}{n:04d}", **links.of(rec.section_position), "quote": rec.quote,
            "page": rec.page, "char_start": rec.char_start, "char_end": rec.char_end, "rule": rec.rule,
            **columns}  # fmt: skip


def ocr_repair_rows(doc_id: str, ex: Extraction) -> list[Row]:
    """One row per word repaired for OCR damage to æ, ø, å, keyed by document and position."""
    return [
        {"id": f"{doc_id}:o{n:05d}", "document_id": doc_id, "char_start": r.char_start, "char_end": r.char_end,
         "page": ex.source.page_at(r.char_start), "original": r.original, "repaired": r.repaired,
         "method": r.method}
        for n, r in enumerate(ex.source.repairs)
    ]  # fmt: skip


def page_rows(doc_id: str, ex: Extraction) -> list[Row]:
    """One row per page of a PDF: where it starts and ends in the text, and whether OCR read it."""
    src = ex.source
    confidence = dict(src.ocr_pages)
    ends = [*src.page_starts[1:], len(src.text)]
    return [
        {"id": f"{doc_id}:p{n:04d}", "document_id": doc_id, "page": n, "char_start": start, "char_end": end,
         "ocr": int(n in confidence), "ocr_confidence": confidence.get(n)}
        for n, (start, end) in enumerate(zip(src.page_starts, ends), start=1)
    ]  # fmt: skip


def table_rows(links: _Links, ex: Extraction) -> tuple[list[Row], list[Row]]:
    """Rows of ``tables`` and ``table_cells``; each cell linked to the section that holds it."""
    tables, cells = [], []
    for t in ex.tables:
        tid = f"{links.doc_id}:b{t.position:04d}"
        tables.append(
            {"id": tid, **links.of(t.section_position), "position": t.position, "page": t.page,
             "page_end": t.page_end, "n_rows": t.n_rows, "n_columns": t.n_columns,
             "header": json.dumps(t.header, ensure_ascii=False) if t.header else None,
             "char_start": t.char_start, "char_end": t.char_end, "rule": t.rule}
        )  # fmt: skip
        for c in t.cells:
            name = t.header[c.column] if t.header and c.column < len(t.header) and c.row > 0 else None
            cells.append(
                {"id": f"{tid}:r{c.row:03d}c{c.column:02d}", "table_id": tid, **links.of(c.section_position),
                 "row": c.row, "column": c.column, "column_name": name or None, "text": c.text, "page": c.page,
                 "char_start": c.char_start, "char_end": c.char_end}
            )  # fmt: skip
    return tables, cells


def allocation_rows(links: _Links, ex: Extraction) -> dict[str, list[Row]]:
    """Rows of ``allocations`` (keyed by the position of their first mention) and of
    ``allocation_mentions`` (each amount and the allocation it states)."""

    def key(position: int) -> str:
        return f"{links.doc_id}:f{position:04d}"

    allocations, mentions = [], []
    for a in ex.allocations:
        allocations.append(
            _child(links, "f", a.position, a, position=a.position, value_dkk=kroner(a.value_dkk),
                   year_from=min(a.years, default=None), year_to=max(a.years, default=None),
                   years=json.dumps(a.years), per_year=int(a.per_year), spread=int(a.spread), kind=a.kind,
                   status=a.status, scope=a.scope, is_total=int(a.is_total),
                   part_of=None if a.part_of is None else key(a.part_of), mentions=len(a.mentions), basis=a.basis)
        )  # fmt: skip
        mentions += [{"amount_id": f"{links.doc_id}:a{m:04d}", "allocation_id": key(a.position),
                      "document_id": links.doc_id} for m in a.mentions]  # fmt: skip
    return {"allocations": allocations, "allocation_mentions": mentions}
