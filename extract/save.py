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

from extract.facts.corrections import Correction, locate
from extract.publish.search_rules import SearchRules, project_search_rules
from extract.records import Extraction
from extract.rows import document_rows
from extract.schema import CHILD_TABLES, DOCUMENT_LINKS, FOLDED_FTS, FTS, INDEXES, RECORD_TABLES, SCHEMA, VIEWS


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
        _add_missing_columns(db)
        for table, cols in INDEXES:
            db[table].create_index(cols, if_not_exists=True)
    for table, cols in FTS.items():
        fts = f"{table}_fts"
        if fts in db.table_names() and db[fts].columns_dict.keys() != set(cols):  # built by an older version
            db[table].disable_fts()
        if fts not in db.table_names():
            db[table].enable_fts(cols, tokenize="trigram", create_triggers=True)
            db[table].rebuild_fts()
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
    ensure_folded_search(db)


def _add_missing_columns(db: sqlite_utils.Database) -> list[str]:
    """The columns of the schema a database built by an older version lacks, added (empty)."""
    added = []
    for name, spec in SCHEMA.items():
        if not db[name].exists():
            continue
        existing = db[name].columns_dict
        for column, kind in spec["columns"].items():
            if column not in existing:
                db[name].add_column(column, kind)
                added.append(f"{name}.{column}")
    return added


def add_missing_columns(path: str) -> list[str]:
    """Before a database built by an older version is served: its tables' new columns added,
    empty until the next build fills them (the site's facets and queries name them)."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        db = sqlite_utils.Database(conn)
        with db.atomic():
            return _add_missing_columns(db)
    finally:
        conn.close()


def ensure_folded_search(db: sqlite_utils.Database, rules: Optional[SearchRules] = None) -> None:
    """The indexes of the folded sections, and the folded text made again for every section
    when the search rules changed since it was made."""
    rules = rules or project_search_rules()
    with db.atomic():
        for name, tokenizer in FOLDED_FTS.items():
            db.execute(
                f"create virtual table if not exists [{name}] using fts5(heading, body, content='sections_folded', "
                f"content_rowid='section_rowid', tokenize='{tokenizer}')"
            )
            for event, old, new in (("insert", False, True), ("delete", True, False), ("update", True, True)):
                actions = []
                if old:
                    actions.append(f"insert into [{name}]([{name}], rowid, heading, body) "
                                   "values ('delete', old.section_rowid, old.heading, old.body);")  # fmt: skip
                if new:
                    actions.append(f"insert into [{name}](rowid, heading, body) "
                                   "values (new.section_rowid, new.heading, new.body);")  # fmt: skip
                db.execute(f"create trigger if not exists [{name}_{event}] after {event} on sections_folded "
                           f"begin {' '.join(actions)} end")  # fmt: skip
        stored = db.execute("select rules_digest from search_folding where id = 1").fetchone()
        if stored is None or stored[0] != rules.digest():
            db.execute("delete from sections_folded")
            rows = [(r, h, with_expansions(b, x)) for r, h, b, x in
                    db.execute("select rowid, heading, body, expansions from sections").fetchall()]  # fmt: skip
            db["sections_folded"].insert_all(folded_rows(rules, rows), batch_size=1000)
            db["search_folding"].upsert({"id": 1, "rules_digest": rules.digest()}, pk="id")


def with_expansions(body: Optional[str], expansions: Optional[str]) -> str:
    """A section's text as the site's search reads it: its body and what its abbreviations
    stand for ("BIU = Beskæftigelses- og Integrationsudvalget")."""
    return (body or "") + (f"\n{expansions}" if expansions else "")


def folded_rows(rules: SearchRules, sections: Iterable[tuple]) -> Iterable[dict[str, Any]]:
    return ({"section_rowid": r, "heading": rules.fold(h), "body": rules.fold(b)} for r, h, b in sections)


def delete_document(db: sqlite_utils.Database, doc_id: str) -> None:
    """Delete a document and its rows (call inside a transaction)."""
    db.execute("delete from sections_folded where section_rowid in (select rowid from sections where document_id = ?)",
               [doc_id])  # fmt: skip
    for table in CHILD_TABLES:
        key = "document_id"
        db.execute(f"delete from [{table}] where [{key}] = ?", [doc_id])
    for table, key in DOCUMENT_LINKS:  # its links across documents go with it
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
    rows = document_rows(doc_id, extraction)
    with db.atomic():
        if old_id:
            delete_document(db, old_id)
        delete_document(db, doc_id)
        db["documents"].insert(doc_row)
        for table in ("texts", "ocr_repairs", "pages", *RECORD_TABLES):
            if rows[table]:
                db[table].insert_all(rows[table])
        sections = db.execute("select rowid, heading, body from sections where document_id = ? order by position",
                              [doc_id]).fetchall()  # fmt: skip
        folded = extraction.folded_sections  # folded by the search stage with the build's rules
        if len(folded) == len(sections):
            db["sections_folded"].insert_all(
                {"section_rowid": r[0], "heading": h, "body": b} for r, (h, b) in zip(sections, folded)
            )
        else:  # an extraction made without that stage
            db["sections_folded"].insert_all(folded_rows(project_search_rules(), sections))
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


def apply_corrections(db: sqlite_utils.Database, corrections: list[Correction]) -> list[dict[str, Any]]:
    """Apply the user's corrections to the allocations (in one transaction) and return what
    each did (also kept in ``corrections``): the corrections of the previous build are
    undone first where their rows were not extracted again, so the result is the same
    however often it runs, and a correction whose quote no longer occurs is ``orphaned``."""
    with db.atomic():
        applied = list(db.query("select * from corrections where status = 'applied' order by rowid desc"))
        kept = {r["allocation_id"] for r in applied if db.execute(  # rows not extracted again since
            "select 1 from allocations where id = ? and corrected = 1", [r["allocation_id"]]).fetchone()}  # fmt: skip
        for row in applied:  # the last applied undone first
            if row["allocation_id"] in kept:
                db["allocations"].update(row["allocation_id"], json.loads(row["original"]))
        for allocation_id in kept:
            db["allocations"].update(allocation_id, {"corrected": None, "correction": None})
        db.execute("delete from corrections")
        done = [_apply_correction(db, c) for c in corrections]
        if done:
            db["corrections"].insert_all(done)
    return done


def _apply_correction(db: sqlite_utils.Database, c: Correction) -> dict[str, Any]:
    row = {
        "id": c.key,
        "file": c.file,
        "document": c.document,
        "quote": c.quote,
        "field": c.field,
        "value": json.dumps(c.value),
        "why": c.why,
        "status": "orphaned",
        "problem": None,
        "allocation_id": None,
        "original": None,
    }
    doc = db.execute(
        "select d.id, t.text from documents d join texts t on t.document_id = d.id where d.path = ? or "
        "(length(?) >= 12 and d.sha256 like ? || '%') order by d.path = ? desc limit 1",
        [c.document, c.document, c.document.lower(), c.document],
    ).fetchone()
    at = locate(doc[1], c.quote, c.near, c.nth) if doc else None
    found = db.execute(
        "select m.allocation_id from amounts a join allocation_mentions m on m.amount_id = a.id "
        "where a.document_id = ? and a.char_start < ? and ? < a.char_end order by a.char_start limit 1",
        [doc[0], at + len(c.quote), at],
    ).fetchone() if at is not None else None  # fmt: skip
    if found is None:
        row["problem"] = "the document is not in the knowledge base" if doc is None else \
            "the quote no longer occurs as an amount of the document"  # fmt: skip
        return row
    columns = c.columns()
    if columns.get("value_dkk") is not None:
        columns["value_dkk"] = int(round(columns["value_dkk"]))  # whole kroner, as extracted amounts
    current = db["allocations"].get(found[0])
    note = c.why if not current["correction"] else f"{current['correction']}; {c.why}"
    original = {k: current[k] for k in columns}
    db["allocations"].update(found[0], {**columns, "corrected": 1, "correction": note})
    return {**row, "status": "applied", "allocation_id": found[0], "original": json.dumps(original)}


def write_links(
    db: sqlite_utils.Database,
    linked: list[str],
    digest: str,
    links: list[dict],
    derived: dict[str, list[dict]],
    curated: list[dict],
    definitions: list[dict],
    expansions: dict[str, dict[str, str]],
) -> None:
    """In one transaction: the links of the documents just linked (their old ones replaced),
    those documents marked linked under ``digest``, their abbreviations and the expansions
    of their sections; and the initiatives and editions recomputed from every link."""
    with db.atomic():
        for doc_id in linked:
            for table, key in (("initiative_links", "document_a"), ("initiative_links", "document_b"),
                               ("abbreviations", "document_id")):  # fmt: skip
                db.execute(f"delete from [{table}] where [{key}] = ?", [doc_id])
        if links:
            db["initiative_links"].insert_all(links, replace=True)
        if linked:
            db["linked_documents"].insert_all(
                [{"document_id": d, "links_digest": digest, "linked_at": now_iso()} for d in linked], replace=True
            )
        db.execute("delete from abbreviations where source = 'rules'")
        for rows in (curated, definitions):
            if rows:
                db["abbreviations"].insert_all(rows, replace=True)
        search = project_search_rules()
        for section_id, found in expansions.items():
            text = "; ".join(f"{a} = {e}" for a, e in found.items()) or None
            changed = db.execute(
                "update sections set expansions = ? where id = ? and expansions is not ?", [text, section_id, text]
            ).rowcount
            if changed:  # the site's search finds the section by what its abbreviations stand for too
                rowid, body = db.execute("select rowid, body from sections where id = ?", [section_id]).fetchone()
                db.execute("update sections_folded set body = ? where section_rowid = ?",
                           [search.fold(with_expansions(body, text)), rowid])  # fmt: skip
        for table in ("initiative_sections", "initiatives", "editions"):
            db.execute(f"delete from [{table}]")
            if derived[table]:
                db[table].insert_all(derived[table])
