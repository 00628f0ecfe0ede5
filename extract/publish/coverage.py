"""What the knowledge base holds, document by document, for the site's home page: date,
kind, counts of records, and flags for what looks incomplete."""

from __future__ import annotations

import json

from extract.extractors.document_meta import load_rules as load_meta_rules
from extract.read.ocr_repair_rules import load_rules as load_ocr_rules
from extract.rules import project_file

SHOWN = 200  # documents listed on the home page (the documents table has them all)
EMPTY_PAGE_CHARS = 20  # a PDF page with less text than this is flagged as without text

COVERAGE_SQL = f"""
select d.id, d.title, d.path, d.date, d.kind, d.format, d.status, d.pages_lost, d.damaged,
  (select count(*) from sections s where s.document_id = d.id) as sections,
  (select count(*) from sections s where s.document_id = d.id and s.role = 'initiative') as initiatives,
  (select count(*) from allocations a where a.document_id = d.id) as allocations,
  (select count(*) from target_groups t where t.document_id = d.id) as target_groups,
  (select count(*) from milestones m where m.document_id = d.id) as milestones,
  (select count(*) from pages p where p.document_id = d.id
     and p.char_end - p.char_start < {EMPTY_PAGE_CHARS}) as empty_pages,
  (select count(*) from pages p where p.document_id = d.id and p.ocr
     and p.ocr_confidence < :low_ocr) as low_ocr_pages,
  (select count(*) from allocations a where a.document_id = d.id and a.corrected) as corrected
from documents d
order by d.date desc, d.path
limit {SHOWN}
"""


def low_ocr_confidence() -> float:
    """Tesseract's mean confidence (0-100) below which an OCR page is flagged
    (``rules/ocr_repair.yml``, ``limits.flag_page_confidence``)."""
    return project_file("ocr_repair.yml", load_ocr_rules).flag_page_confidence


def coverage_params() -> dict[str, float]:
    """The parameters COVERAGE_SQL is run with."""
    return {"low_ocr": low_ocr_confidence()}


def _meeting_kinds() -> tuple[str, ...]:
    """Kinds of documents about a meeting's matters: no initiative sections is no gap there."""
    return project_file("document_meta.yml", load_meta_rules).meeting_kinds


def flags(doc: dict) -> list[str]:
    """What looks incomplete about a document (Danish, for the home page).

    >>> flags({"kind": "beskæftigelsesplan", "initiatives": 0, "sections": 40, "empty_pages": 1, "corrected": 2,
    ...        "low_ocr_pages": 0, "status": "ok", "pages_lost": "[2]"})  # doctest: +NORMALIZE_WHITESPACE
    ['ingen indsatser fundet', '1 side uden tekst', '1 side beskadiget og ikke læst (side 2)',
     '2 rækker rettet af en bruger']
    >>> flags({"kind": "dagsordenspunkt", "initiatives": 0, "sections": 8, "status": "ok"})
    []
    """
    out = []
    if doc.get("status") == "stale":
        out.append("filen fejler nu; data fra en tidligere kørsel")
    if not doc.get("sections"):
        out.append("ingen afsnit fundet")
    elif not doc.get("initiatives") and doc.get("kind") not in _meeting_kinds():
        out.append("ingen indsatser fundet")
    if doc.get("empty_pages"):
        n = doc["empty_pages"]
        out.append(f"{n} side{'r' if n != 1 else ''} uden tekst")
    lost = json.loads(doc.get("pages_lost") or "[]")
    if doc.get("damaged") and not lost:
        out.append("filen er beskadiget; læst så langt den kunne")
    if lost:
        listed = ", ".join(map(str, lost))
        out.append(f"{len(lost)} side{'r' if len(lost) != 1 else ''} beskadiget og ikke læst (side {listed})")
    if doc.get("low_ocr_pages"):
        out.append(f"{doc['low_ocr_pages']} OCR-side(r) med lav sikkerhed (under {low_ocr_confidence():g})")
    if doc.get("corrected"):
        out.append(f"{doc['corrected']} række{'r' if doc['corrected'] != 1 else ''} rettet af en bruger")
    return out
