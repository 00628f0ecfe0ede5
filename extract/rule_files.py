"""Every rules file in ``rules/`` and the function that loads and validates it.

``kb rules check`` and the rule tests walk this registry.
"""
from __future__ import annotations

from extract import sentences

LOADERS = {
    "sentences.yml": sentences.load_rules,
}
