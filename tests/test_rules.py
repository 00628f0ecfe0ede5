"""Every rules file loads and validates; every rule's own examples hold."""

from __future__ import annotations

import pytest
from conftest import RULES

from extract.pipeline import RULE_FILES, STAGES, check_rules, load_rule_file
from extract.rules import RULES_DIR, RuleError
from extract.structure.sentences import SentenceRules, sentences


def test_every_rules_file_is_valid_and_known():
    assert check_rules() == []
    assert sorted(p.name for p in RULES_DIR.glob("*.yml")) == sorted(RULE_FILES)


def test_every_rules_file_is_read_by_a_stage_and_every_stage_reads_known_files():
    read = {name for stage in STAGES.values() for name in stage.reads}
    assert read == set(RULE_FILES)


@pytest.mark.parametrize("name", sorted(RULE_FILES))
def test_each_rules_file_loads_into_its_rules(name):
    loaded = load_rule_file(RULES_DIR / name)
    assert type(loaded).__name__.endswith("Rules") and loaded == RULES[name]


def test_a_stage_cannot_read_a_rules_file_it_does_not_declare():
    view = RULES.only(STAGES["amounts"].reads)
    assert isinstance(view["amounts.yml"], type(RULES["amounts.yml"]))
    with pytest.raises(KeyError, match="dates.yml"):
        view["dates.yml"]


SENTENCE_RULES: SentenceRules = RULES["sentences.yml"]
SENTENCE_EXAMPLES = SENTENCE_RULES.examples


@pytest.mark.parametrize("example", SENTENCE_EXAMPLES, ids=[e["text"][:40] for e in SENTENCE_EXAMPLES])
def test_sentence_examples(example):
    assert sentences(example["text"], SENTENCE_RULES) == example["sentences"]


def test_a_missing_key_names_file_and_allowed_keys(tmp_path):
    bad = tmp_path / "sentences.yml"
    bad.write_text("never_final: []\nmay_end: []\nexamples: []\n", encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert "sentences.yml" in str(e.value) and "block_starts" in str(e.value)


BROKEN = [
    # (file, text replaced, replacement, what the message must name)
    ("document_meta.yml", "field: author", "field: writer", ["document_meta.yml", "author"]),
    ("headings.yml", "role: maalgruppe\n", "role: target_group\n", ["headings.yml", "maalgruppe"]),
    (
        "amounts.yml",
        "    factor: 1000000000\n",
        "    faktor: 1000000000\n",
        ["amounts.yml", "scale_mia", "allowed keys"],
    ),
    ("target_groups.yml", "position: start", "position: somewhere", ["target_groups.yml", "anywhere"]),
    ("milestones.yml", "kind: phase", "kind: periode", ["milestones.yml", "phase_range", "deadline"]),
]


@pytest.mark.parametrize("name,old,new,named", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_rule_names_file_rule_and_allowed_values(tmp_path, name, old, new, named):
    text = (RULES_DIR / name).read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / name
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    for word in named:
        assert word in str(e.value)


LAYOUT_RULES = RULES["layout.yml"]


@pytest.mark.parametrize("example", LAYOUT_RULES.examples, ids=[e["text"][:30] for e in LAYOUT_RULES.examples])
def test_layout_examples(example):
    from extract.read.layout_rules import kinds_of

    assert kinds_of(example["text"], LAYOUT_RULES) == example["is"]
