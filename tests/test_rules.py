"""Every rules file loads and validates; every rule's own examples hold."""
from __future__ import annotations

import pytest

from extract.rule_files import LOADERS
from extract.rules import RuleError, check_all, rules_path
from extract.structure.sentences import load_rules as load_sentence_rules, sentences


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


BROKEN = [
    # (file, text replaced, replacement, what the message must name)
    ("document_meta.yml", "field: author", "field: writer", ["document_meta.yml", "author"]),
    ("headings.yml", "role: maalgruppe\n", "role: target_group\n", ["headings.yml", "maalgruppe"]),
    ("amounts.yml", "    factor: 1000000000\n", "    faktor: 1000000000\n", ["amounts.yml", "scale_mia", "allowed keys"]),
    ("target_groups.yml", "position: start", "position: somewhere", ["target_groups.yml", "anywhere"]),
    ("milestones.yml", "kind: phase", "kind: periode", ["milestones.yml", "phase_range", "deadline"]),
]


@pytest.mark.parametrize("name,old,new,named", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_rule_names_file_rule_and_allowed_values(tmp_path, name, old, new, named):
    text = rules_path(name).read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / name
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        LOADERS[name](bad)
    for word in named:
        assert word in str(e.value)
