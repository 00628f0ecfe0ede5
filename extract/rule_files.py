"""Every rules file in ``rules/`` and the function that loads and validates it.

``kb rules check`` and the rule tests walk this registry.
"""
from __future__ import annotations

from extract.extractors import amounts
from extract.structure import sentences
from extract.extractors import target_group_rules
from extract.extractors import dates as danish_dates
from extract.extractors import milestones
from extract.extractors import document_meta
from extract.structure import headings
from extract.read import ocr_repair_rules

LOADERS = {
    "amounts.yml": amounts.load_rules,
    "target_groups.yml": target_group_rules.load_rules,
    "sentences.yml": sentences.load_rules,
    "dates.yml": danish_dates.load_rules,
    "milestones.yml": milestones.load_rules,
    "headings.yml": headings.load_rules,
    "document_meta.yml": document_meta.load_rules,
    "ocr_repair.yml": ocr_repair_rules.load_rules,
}
