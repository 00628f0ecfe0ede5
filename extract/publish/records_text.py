"""One document's records as ``kb extract`` prints them: for a person, each record under its
section; for a pipe (``--jsonl``), one JSON record per line, so ``| head`` and ``| grep`` work."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, Iterator

from extract.publish.numbers import kroner
from extract.records import Extraction

KINDS = ("amounts", "target_groups", "milestones", "tables")


def _line(kind: str, r: Any) -> str:
    if kind == "amounts":
        years = f"{r.year_from}-{r.year_to}" if r.year_from else "-"
        extra = " ".join(x for x in ("årligt" if r.per_year else "", r.kind or "") if x)
        return f"amount {kroner(r.value_dkk):>16}  {years:<10} {extra:<14} {r.quote!r}"
    if kind == "target_groups":
        return (f"target {','.join(r.groups)} age {r.age_min}-{r.age_max} match {r.match_groups} size {r.size}: "
                f"{r.quote[:70]!r}")  # fmt: skip
    if kind == "milestones":
        return f"milestone {r.date_start}..{r.date_end} {r.kind} {r.precision}: {r.date_text!r}"
    where = f" page {r.page}" if r.page else ""
    return f"table {r.n_rows} rows x {r.n_columns} columns{where}: {', '.join(r.header or []) or '(no header)'}"


def _by_section(ex: Extraction) -> dict[int | None, list[tuple[int, str]]]:
    grouped: dict[int | None, list[tuple[int, str]]] = {}
    for kind in KINDS:
        for r in getattr(ex, kind):
            grouped.setdefault(r.section_position, []).append((r.char_start, _line(kind, r)))
    return grouped


def text_lines(ex: Extraction, name: str) -> Iterator[str]:
    """The document's line, then each section's heading with its records indented below it,
    in the order of the text (records before the first heading first)."""
    doc = ex.meta
    yield f"{name}: {doc.title!r} ({doc.kind}, {doc.date}), format {ex.source.format}"
    grouped = _by_section(ex)
    for _, line in sorted(grouped.get(None, [])):
        yield "  " + line
    for s in ex.sections:
        indent = "  " * (s.level - 1)
        heading = s.heading or "(before the first heading)"
        yield f"{indent}§ {s.number + ' ' if s.number else ''}{heading} [{s.role}]"
        for _, line in sorted(grouped.get(s.position, [])):
            yield f"{indent}    {line}"


def jsonl_lines(ex: Extraction, name: str) -> Iterator[str]:
    """One JSON object per line: the document, then every section and record in the order of
    the text, each with its ``type``, its document and the heading of its section."""
    document = {"type": "document", "file": name, "format": ex.source.format, **asdict(ex.meta), **ex.place.columns()}
    yield json.dumps(document, ensure_ascii=False, default=str)
    headings = {s.position: s.heading for s in ex.sections}
    records = [(s.char_start, 0, "section", s) for s in ex.sections]
    for n, kind in enumerate(KINDS, start=1):
        records += [(r.char_start, n, kind[:-1], r) for r in getattr(ex, kind)]
    for _, _, kind, r in sorted(records, key=lambda x: (x[0], x[1])):
        row = asdict(r)
        row.pop("body", None) if kind == "section" else None
        section = r.position if kind == "section" else r.section_position
        yield json.dumps({"type": kind, "file": name, "section": headings.get(section), **row},
                         ensure_ascii=False, default=str)  # fmt: skip
