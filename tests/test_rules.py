"""Every rules file loads and validates; every rule's own examples hold."""
from __future__ import annotations

import pytest

from extract.rule_files import LOADERS
from extract.rulebook import RuleError, check_all, rules_path
from extract.sentences import load_rules as load_sentence_rules, sentences


def test_every_rules_file_is_valid_and_known():
    assert check_all() == []


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_each_rules_file_loads(name):
    assert LOADERS[name](rules_path(name)) is not None


SENTENCE_EXAMPLES = load_sentence_rules().examples


@pytest.mark.parametrize("example", SENTENCE_EXAMPLES, ids=[e["text"][:40] for e in SENTENCE_EXAMPLES])
def test_sentence_examples(example):
    assert sentences(example["text"]) == example["sentences"]


def test_a_missing_key_names_file_and_allowed_keys(tmp_path):
    bad = tmp_path / "sentences.yml"
    bad.write_text("never_final: []\nmay_end: []\nexamples: []\n", encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_sentence_rules(bad)
    assert "sentences.yml" in str(e.value) and "block_starts" in str(e.value)
