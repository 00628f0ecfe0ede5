"""The tables, indexes, full-text search and views of ``kb.db``, declared as data.

:mod:`extract.save` applies them idempotently on every build; ``metadata.yml`` describes
every table and column for the site.
"""

from __future__ import annotations

from typing import Any

from extract.link_schema import LINK_INDEXES, LINK_SCHEMA, LINK_VIEWS, LINKS_BY_DOCUMENT

# Tables of extracted records, in the order they are written.
RECORD_TABLES = (
    "sections",
    "amounts",
    "target_groups",
    "milestones",
    "tables",
    "table_cells",
    "allocations",
    "allocation_mentions",
)
# Child tables of a document, in the order they are deleted.
CHILD_TABLES = (
    "allocation_mentions",
    "allocations",
    "table_cells",
    "tables",
    "amounts",
    "target_groups",
    "milestones",
    "sections",
    "ocr_repairs",
    "pages",
    "texts",
)
# Rows across documents that go with a document (column naming it): deleted with it.
DOCUMENT_LINKS = LINKS_BY_DOCUMENT

# The columns every record of a section has first (its key and links) and where it stands.
LINKS = {"id": str, "document_id": str, "section_id": str, "initiative_id": str}
PLACE = {"page": int, "char_start": int, "char_end": int}
LINK_KEYS = [("document_id", "documents", "id"), ("section_id", "sections", "id"), ("initiative_id", "sections", "id")]

SCHEMA: dict[str, dict[str, Any]] = {
    "documents": {
        "columns": {
            "id": str,
            "path": str,
            "sha256": str,
            "title": str,
            "date": str,
            "date_basis": str,
            "kind": str,
            "municipality": str,  # the municipality (or region) the document is of; null: unknown
            "municipality_basis": str,  # text, file_name or none
            "municipality_rule": str,  # the cue that decided (rules/places.yml), file_name, or null
            "municipality_quote": str,  # the words it read (a letterhead's name, a web address, the file name)
            "municipality_kind": str,  # municipality or region; null: unknown
            "case_number": str,
            "document_number": str,
            "author": str,
            "format": str,
            "extracted_at": str,
            "extractor_version": str,
            "rules_hash": str,
            "status": str,
            "error": str,
            "warnings": str,
            "size_bytes": int,
            "pages": int,
            "ocr_damaged": int,
            "pages_lost": str,  # JSON list of the pages of a damaged PDF that could not be read
            "damaged": int,  # 1: the file was damaged and read as far as it goes
            "ocr_pages": str,
            "ocr_confidence": float,
            "records_hash": str,
        },
        "pk": "id",
        "not_null": {"path", "sha256"},
    },
    "texts": {
        "columns": {"document_id": str, "text": str, "original_text": str},
        "pk": "document_id",
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "pages": {  # the pages of a PDF: where each starts in texts.text, and whether OCR read it
        "columns": {
            "id": str,
            "document_id": str,
            **PLACE,
            "ocr": int,
            "ocr_confidence": float,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "ocr_repairs": {  # words whose æ, ø, å OCR lost, as read and as repaired (offsets into texts.text)
        "columns": {
            "id": str,
            "document_id": str,
            "char_start": int,
            "char_end": int,
            "page": int,
            "original": str,
            "repaired": str,
            "method": str,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "sections": {
        "columns": {
            "id": str,
            "document_id": str,
            "parent_id": str,
            "initiative_id": str,
            "position": int,
            "level": int,
            "number": str,
            "heading": str,
            "role": str,
            "body": str,
            **PLACE,
            "rule": str,
            "expansions": str,  # the abbreviations it uses and what they stand for (searched too)
        },
        "pk": "id",
        "foreign_keys": [
            ("document_id", "documents", "id"),
            ("parent_id", "sections", "id"),
            ("initiative_id", "sections", "id"),
        ],
    },
    "amounts": {
        "columns": {
            **LINKS,
            "quote": str,
            "value_dkk": int,
            "year_from": int,
            "year_to": int,
            "per_year": int,
            "kind": str,
            "currency": str,
            "sentence": str,
            **PLACE,
            "rule": str,
        },
        "pk": "id",
        "foreign_keys": LINK_KEYS,
    },
    "target_groups": {
        "columns": {
            **LINKS,
            "quote": str,
            "groups": str,
            "age_min": int,
            "age_max": int,
            "match_groups": str,
            "size": int,
            **PLACE,
            "rule": str,
        },
        "pk": "id",
        "foreign_keys": LINK_KEYS,
    },
    "milestones": {
        "columns": {
            **LINKS,
            "quote": str,
            "date_text": str,
            "date_start": str,
            "date_end": str,
            "precision": str,
            "kind": str,
            **PLACE,
            "rule": str,
        },
        "pk": "id",
        "foreign_keys": LINK_KEYS,
    },
    "tables": {
        "columns": {
            **LINKS,
            "position": int,
            "page": int,
            "page_end": int,
            "n_rows": int,
            "n_columns": int,
            "header": str,
            "char_start": int,
            "char_end": int,
            "rule": str,
        },
        "pk": "id",
        "foreign_keys": LINK_KEYS,
    },
    "table_cells": {
        "columns": {
            "id": str,
            "table_id": str,
            "document_id": str,
            "section_id": str,
            "initiative_id": str,
            "row": int,
            "column": int,
            "column_name": str,
            "text": str,
            **PLACE,
        },
        "pk": "id",
        "foreign_keys": [
            ("table_id", "tables", "id"),
            ("document_id", "documents", "id"),
            ("section_id", "sections", "id"),
            ("initiative_id", "sections", "id"),
        ],
    },
    "allocations": {  # one row per sum of money a document states, however often it states it
        "columns": {
            **LINKS,
            "position": int,
            "value_dkk": int,
            "year_from": int,
            "year_to": int,
            "years": str,  # JSON list of the calendar years the money is for
            "per_year": int,
            "spread": int,
            "kind": str,
            "status": str,
            "scope": str,
            "is_total": int,
            "part_of": str,
            "mentions": int,
            "basis": str,
            "rule": str,
            "quote": str,
            **PLACE,
            "corrected": int,
            "correction": str,
        },
        "pk": "id",
        "foreign_keys": [*LINK_KEYS, ("part_of", "allocations", "id")],
    },
    "allocation_mentions": {  # each amount mention and the allocation it states (at most one)
        "columns": {"amount_id": str, "allocation_id": str, "document_id": str},
        "pk": "amount_id",
        "foreign_keys": [
            ("amount_id", "amounts", "id"),
            ("allocation_id", "allocations", "id"),
            ("document_id", "documents", "id"),
        ],
    },
    "corrections": {  # the corrections of corrections/*.yml at the last build, and what each did
        "columns": {
            "id": str,
            "file": str,
            "document": str,
            "quote": str,
            "field": str,
            "value": str,
            "why": str,
            "status": str,  # applied or orphaned
            "problem": str,  # why an orphaned correction found no row
            "allocation_id": str,
            "original": str,
        },
        "pk": "id",
    },
    "sections_folded": {  # each section's heading and body as the search folds them (rules/search.yml)
        "columns": {"section_rowid": int, "heading": str, "body": str},
        "pk": "section_rowid",
    },
    "search_folding": {  # the digest of the search rules the folded text was made with
        "columns": {"id": int, "rules_digest": str},
        "pk": "id",
    },
    **LINK_SCHEMA,
    "build_runs": {
        "columns": {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "inserted": int,
            "updated": int,
            "unchanged": int,
            "removed": int,
            "failed": int,
            "extractor_version": str,
            "rules_hash": str,
        },
        "pk": "id",
    },
    "build_errors": {
        "columns": {"id": int, "run_id": int, "file": str, "error": str, "time": str},
        "pk": "id",
        "foreign_keys": [("run_id", "build_runs", "id")],
    },
}

INDEXES = [
    ("sections", ["document_id", "position"]),
    ("amounts", ["document_id"]),
    ("amounts", ["section_id"]),
    ("amounts", ["initiative_id"]),
    ("target_groups", ["initiative_id"]),
    ("target_groups", ["document_id"]),
    ("milestones", ["document_id"]),
    ("milestones", ["date_start"]),
    ("documents", ["path"]),
    ("ocr_repairs", ["document_id"]),
    ("tables", ["document_id"]),
    ("table_cells", ["table_id", "row", "column"]),
    ("table_cells", ["initiative_id"]),
    ("allocations", ["document_id"]),
    ("allocations", ["initiative_id"]),
    ("allocations", ["status", "scope"]),
    ("allocation_mentions", ["allocation_id"]),
    ("allocation_mentions", ["document_id"]),
    *LINK_INDEXES,
]

FTS = {"sections": ["heading", "body", "expansions"]}

# The search's indexes of the folded text (extract/publish/search_query.py): a trigram index
# finds words inside compounds ("kontanthjaelp" in "kontanthjaelpsmodtagere"), a word index
# finds short words whole ("ac" in "ac-ledigheden", not in "vaccination").
FOLDED_FTS = {"sections_folded_fts": "trigram", "sections_words_fts": "unicode61"}

VIEWS = {
    # what each allocation means per calendar year: its value in each of its years (a sum
    # spread over a period divided evenly); corrections of years or value follow at once
    "allocations_per_year": """
select a.id as allocation_id, a.document_id, a.initiative_id, cast(y.value as integer) as year,
       case when a.spread then a.value_dkk * 1.0 / json_array_length(a.years) else a.value_dkk end as value_dkk,
       a.status, a.scope, a.kind, a.is_total, a.part_of is not null as is_share
from allocations a, json_each(a.years) y
where a.years is not null""",
    "amounts_with_context": """
select a.id, d.title as document, d.path, i.heading as initiative, s.heading as section,
       s.role as section_role, a.quote, a.value_dkk, a.currency, a.year_from, a.year_to, a.per_year, a.kind,
       a.sentence, a.page, a.document_id, a.initiative_id, a.section_id, a.rule
from amounts a
join documents d on d.id = a.document_id
left join sections s on s.id = a.section_id
left join sections i on i.id = a.initiative_id
order by d.path, a.char_start""",
    "target_groups_with_initiative": """
select t.id, d.title as document, d.path, coalesce(i.heading, s.heading) as initiative,
       s.heading as section, t.quote, t.groups, t.age_min, t.age_max, t.match_groups, t.size,
       t.page, t.document_id, t.initiative_id, t.section_id, t.rule
from target_groups t
join documents d on d.id = t.document_id
left join sections s on s.id = t.section_id
left join sections i on i.id = t.initiative_id
order by d.path, t.char_start""",
    "milestones_with_context": """
select m.id, d.title as document, i.heading as initiative, s.heading as section, m.date_text,
       m.date_start, m.date_end, m.precision, m.kind, m.quote, m.page, m.document_id,
       m.initiative_id, m.section_id, m.rule
from milestones m
join documents d on d.id = m.document_id
left join sections s on s.id = m.section_id
left join sections i on i.id = m.initiative_id
order by m.date_start is null, m.date_start, m.date_end, m.document_id, m.char_start""",
    **LINK_VIEWS,
}
