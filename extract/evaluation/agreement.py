"""Two readers' labels of the same documents compared, field by field: how far people agree.

A second reader's label file is read as if it were what a build holds for the document: its
amounts, milestones and statements are found in the document's text by their quotes, its
headings, title and date taken as they stand. The first reader's labels then score it as
``kb eval`` scores a build (:mod:`extract.evaluation.fields`). Precision is the share of the
second reader's records the first reader also labelled, recall the share of the first
reader's labels the second reader also found; for records both labelled, the share with each
value (years, kind, bounds, groups, level, role …) the same. What two careful readers reach
is the most a tool can be measured to reach against either of them.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from extract.evaluation.fields import DocumentFields, score
from extract.evaluation.labels import LabelFile, file_name, find_document
from extract.facts.corrections import locate

# For each field placed by its quote: the label key of the quote, and the values a record carries.
PLACED = {
    "amounts": ("quote", ("value_dkk", "year_from", "year_to", "per_year", "kind")),
    "milestones": ("date_text", ("date_start", "date_end", "precision", "kind")),
    "target_groups": ("quote", ("age_min", "age_max")),
}


def label_rows(label: LabelFile, text: str) -> tuple[dict[str, Any], list[str]]:
    """A reader's labels of a document as the rows :func:`fields.score` reads, and the quotes
    that do not stand in ``text`` (left out)."""
    data = label.data
    rows: dict[str, Any] = {
        "document": {"title": data.get("title"), "date": data.get("date")},
        "text": text,
        "sections": [
            {"heading": s["heading"], "number": None, "level": s.get("level"), "role": s.get("role")}
            for s in data.get("sections") or []
        ],
    }
    lost = []
    for kind, (key, values) in PLACED.items():
        rows[kind] = []
        for item in data.get(kind) or []:
            at = locate(text, item[key], item.get("near"), item.get("nth"))
            if at is None:
                lost.append(f"{kind}: {item[key]!r} is not in the text")
                continue
            row = {"char_start": at, "char_end": at + len(item[key]), key: item[key]}
            row.update({v: item.get(v) for v in values})
            if kind == "target_groups":
                row["groups"] = json.dumps(sorted(item.get("groups") or []))
            rows[kind].append(row)
        rows[kind].sort(key=lambda r: r["char_start"])
    return rows, lost


def compare(db, first: list[LabelFile], second: list[LabelFile]) -> tuple[list[DocumentFields], list[str]]:
    """The second reader's labels scored by the first reader's, for each document both labelled
    (matched by file name) and the database holds; and what could not be compared, one line each."""
    by_name = {file_name(s.document): s for s in second}
    scores, problems = [], []
    for label in first:
        name = file_name(label.document)
        other: Optional[LabelFile] = by_name.pop(name, None)
        if other is None:
            problems.append(f"{label.path.name}: the second reader has no labels of {name}")
            continue
        doc_id = find_document(db, label)
        if doc_id is None:
            problems.append(f"{label.path.name}: {name} is not in the knowledge base (build it first)")
            continue
        text = next(db.query("select text from texts where document_id = ?", [doc_id]))["text"]
        rows, lost = label_rows(other, text)
        problems += [f"{other.path.name}: {line}" for line in lost]
        scores.append(score(label, rows))
    problems += [f"{s.path.name}: the first reader has no labels of {name}" for name, s in by_name.items()]
    return scores, problems
