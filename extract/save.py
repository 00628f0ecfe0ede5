"""The one place that writes ``kb.db``.

Schema, full-text search and views are declared as data (:mod:`extract.schema`) and
applied idempotently on every build. Each document is written in its own transaction:
its old rows are deleted and its new rows inserted together, so a reader never
sees half a document and a crash leaves the previous version intact.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any, Iterable, Optional

import sqlite_utils

from extract.records import Extraction
from extract.schema import CHILD_TABLES, FTS, INDEXES, RECORD_TABLES, SCHEMA, VIEWS


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def open_db(path: str) -> sqlite_utils.Database:
    """Open (creating if needed) the knowledge base, in WAL mode with the schema applied."""
    conn = sqlite3.connect(path, timeout=30)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    # in WAL mode a commit is safe against a crash of the process (the kill tests) without a
    # sync of the disk per commit; a power cut may lose the last documents written, never
    # leave a half one
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=OFF")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    with db.atomic():
        for name, spec in SCHEMA.items():
            db[name].create(
                spec["columns"],
                pk=spec["pk"],
                foreign_keys=spec.get("foreign_keys"),
                not_null=spec.get("not_null"),
                if_not_exists=True,
            )
            existing = db[name].columns_dict
            for column, kind in spec["columns"].items():  # a database built by an older version
                if column not in existing:
                    db[name].add_column(column, kind)
        for table, cols in INDEXES:
            db[table].create_index(cols, if_not_exists=True)
    for table, cols in FTS.items():
        if f"{table}_fts" not in db.table_names():
            db[table].enable_fts(cols, tokenize="trigram", create_triggers=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def document_by_path(db: sqlite_utils.Database, path: str) -> Optional[dict]:
    rows = list(db.query("select * from documents where path = ?", [path]))
    return rows[0] if rows else None


def delete_document(db: sqlite_utils.Database, doc_id: str) -> None:
    """Delete a document and its rows (call inside a transaction)."""
    for table in CHILD_TABLES:
        key = "document_id"
        db.execute(f"delete from [{table}] where [{key}] = ?", [doc_id])
    db.execute("delete from documents where id = ?", [doc_id])


def mark_stale(db: sqlite_utils.Database, doc_id: str, error: str) -> None:
    """Keep a document's records but flag that its file now fails to extract."""
    with db.atomic():
        db.execute("update documents set status = 'stale', error = ? where id = ?", [error, doc_id])


def replace_document(
    db: sqlite_utils.Database,
    doc_row: dict[str, Any],
    extraction: Extraction,
    old_id: Optional[str] = None,
) -> dict[str, int]:
    """Write one document and all its records in one transaction, in place of its old
    rows (those of ``old_id`` too, a changed file's earlier bytes); returns row counts."""
    doc_id = doc_row["id"]
    rows = record_rows(doc_id, extraction)
    rows["texts"] = [
        {"document_id": doc_id, "text": extraction.source.text, "original_text": extraction.source.original_text}
    ]
    rows["ocr_repairs"] = ocr_repair_rows(doc_id, extraction)
    rows["pages"] = page_rows(doc_id, extraction)
    with db.atomic():
        if old_id:
            delete_document(db, old_id)
        delete_document(db, doc_id)
        db["documents"].insert(doc_row)
        for table in ("texts", "ocr_repairs", "pages", *RECORD_TABLES):
            if rows[table]:
                db[table].insert_all(rows[table])
    return {table: len(rows[table]) for table in RECORD_TABLES}


def mark_current(db: sqlite_utils.Database, doc_id: str, extractor_version: str, rules_hash: str) -> None:
    """A document extracted again whose records came out the same (their fingerprint is the
    stored one): only the rules and time it was extracted with change."""
    with db.atomic():
        db["documents"].update(
            doc_id,
            {
                "extracted_at": now_iso(),
                "extractor_version": extractor_version,
                "rules_hash": rules_hash,
                "status": "ok",
                "error": None,
            },
        )


def ocr_repair_rows(doc_id: str, ex: Extraction) -> list[dict[str, Any]]:
    """One row per word repaired for OCR damage to æ, ø, å, keyed by document and position."""
    return [
        {
            "id": f"{doc_id}:o{n:05d}",
            "document_id": doc_id,
            "char_start": r.char_start,
            "char_end": r.char_end,
            "page": ex.source.page_at(r.char_start),
            "original": r.original,
            "repaired": r.repaired,
            "method": r.method,
        }
        for n, r in enumerate(ex.source.repairs)
    ]


def record_rows(doc_id: str, ex: Extraction) -> dict[str, list[dict[str, Any]]]:
    """Turn an extraction into table rows with stable keys (document, position)."""

    def section_id(position: Optional[int]) -> Optional[str]:
        return None if position is None else f"{doc_id}:s{position:04d}"

    initiative = outermost_initiatives(ex.sections)

    def initiative_id(position: Optional[int]) -> Optional[str]:
        return None if position is None else section_id(initiative.get(position))

    sections = []
    for s in ex.sections:
        sections.append(
            {
                "id": section_id(s.position),
                "document_id": doc_id,
                "parent_id": section_id(s.parent_position),
                "initiative_id": initiative_id(s.position),
                "position": s.position,
                "level": s.level,
                "number": s.number,
                "heading": s.heading,
                "role": s.role,
                "body": s.body,
                "page": s.page,
                "char_start": s.char_start,
                "char_end": s.char_end,
                "rule": s.rule,
            }
        )

    def child(prefix: str, n: int, rec: Any, extra: dict[str, Any]) -> dict[str, Any]:
        base = {
            "id": f"{doc_id}:{prefix}{n:04d}",
            "document_id": doc_id,
            "section_id": section_id(rec.section_position),
            "initiative_id": initiative_id(rec.section_position),
            "quote": rec.quote,
            "page": rec.page,
            "char_start": rec.char_start,
            "char_end": rec.char_end,
            "rule": rec.rule,
        }
        base.update(extra)
        return base

    amounts = [
        child(
            "a",
            n,
            a,
            {
                "value_dkk": a.value_dkk,
                "year_from": a.year_from,
                "year_to": a.year_to,
                "per_year": int(a.per_year),
                "kind": a.kind,
                "sentence": a.sentence,
            },
        )
        for n, a in enumerate(ex.amounts)
    ]
    targets = [
        child(
            "t",
            n,
            t,
            {
                "groups": json.dumps(t.groups, ensure_ascii=False),
                "age_min": t.age_min,
                "age_max": t.age_max,
                "match_groups": json.dumps(t.match_groups),
                "size": t.size,
            },
        )
        for n, t in enumerate(ex.target_groups)
    ]
    milestones = [
        child(
            "m",
            n,
            m,
            {
                "date_text": m.date_text,
                "date_start": m.date_start,
                "date_end": m.date_end,
                "precision": m.precision,
                "kind": m.kind,
            },
        )
        for n, m in enumerate(ex.milestones)
    ]
    tables, cells = table_rows(doc_id, ex, section_id, initiative_id)
    return {
        "sections": sections,
        "amounts": amounts,
        "target_groups": targets,
        "milestones": milestones,
        "tables": tables,
        "table_cells": cells,
    }


def page_rows(doc_id: str, ex: Extraction) -> list[dict[str, Any]]:
    src = ex.source
    confidence = dict(src.ocr_pages)
    ends = [*src.page_starts[1:], len(src.text)]
    return [
        {
            "id": f"{doc_id}:p{n:04d}",
            "document_id": doc_id,
            "page": n,
            "char_start": start,
            "char_end": end,
            "ocr": int(n in confidence),
            "ocr_confidence": confidence.get(n),
        }
        for n, (start, end) in enumerate(zip(src.page_starts, ends), start=1)
    ]


def table_rows(doc_id: str, ex: Extraction, section_id, initiative_id) -> tuple[list[dict], list[dict]]:
    """Rows of ``tables`` and ``table_cells``; each cell linked to the section that holds it."""
    tables, cells = [], []
    for t in ex.tables:
        tid = f"{doc_id}:b{t.position:04d}"
        at = t.section_position
        tables.append(
            {
                "id": tid,
                "document_id": doc_id,
                "section_id": section_id(at),
                "initiative_id": initiative_id(at),
                "position": t.position,
                "page": t.page,
                "page_end": t.page_end,
                "n_rows": t.n_rows,
                "n_columns": t.n_columns,
                "header": json.dumps(t.header, ensure_ascii=False) if t.header else None,
                "char_start": t.char_start,
                "char_end": t.char_end,
                "rule": t.rule,
            }
        )
        for c in t.cells:
            name = t.header[c.column] if t.header and c.column < len(t.header) and c.row > 0 else None
            cells.append(
                {
                    "id": f"{tid}:r{c.row:03d}c{c.column:02d}",
                    "table_id": tid,
                    "document_id": doc_id,
                    "section_id": section_id(c.section_position),
                    "initiative_id": initiative_id(c.section_position),
                    "row": c.row,
                    "column": c.column,
                    "column_name": name or None,
                    "text": c.text,
                    "page": c.page,
                    "char_start": c.char_start,
                    "char_end": c.char_end,
                }
            )
    return tables, cells


def outermost_initiatives(sections) -> dict[int, int]:
    """For each section position, the outermost initiative that holds it (or is it)."""
    by_position = {s.position: s for s in sections}
    out: dict[int, int] = {}
    for s in sections:
        found, node = None, s
        while node is not None:
            if node.role == "initiative":
                found = node.position
            node = by_position.get(node.parent_position) if node.parent_position is not None else None
        if found is not None:
            out[s.position] = found
    return out


def start_run(db: sqlite_utils.Database, extractor_version: str, rules_hash: str) -> int:
    with db.atomic():
        table = db["build_runs"]
        table.insert(
            {
                "started_at": now_iso(),
                "extractor_version": extractor_version,
                "rules_hash": rules_hash,
                "inserted": 0,
                "updated": 0,
                "unchanged": 0,
                "removed": 0,
                "failed": 0,
            }
        )
        return int(table.last_pk)


def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict[str, int]) -> None:
    with db.atomic():
        db["build_runs"].update(run_id, {"finished_at": now_iso(), **counts})


def record_error(db: sqlite_utils.Database, run_id: int, file: str, error: str) -> None:
    with db.atomic():
        db["build_errors"].insert({"run_id": run_id, "file": file, "error": error, "time": now_iso()})


def documents_by_path(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    return {row["path"]: row for row in db.query("select * from documents")}


def table_counts(db: sqlite_utils.Database, tables: Iterable[str]) -> dict[str, int]:
    return {t: db[t].count for t in tables}
