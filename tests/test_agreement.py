"""Two readers' labels of the same documents compared, field by field (``kb agree``).

tests/golden/dev-second/ holds a second reader's labels of some documents of the development
corpus, written from the guide (tests/golden/dev/README.md) without seeing the first reader's
(tests/golden/dev/). How far the two agree is written to tests/output/dev_agreement.txt and
its summary printed at the end of the test run: it is what a tool can be measured to reach
against either reader.
"""

from __future__ import annotations

import copy
import json

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import GOLDEN, ROOT, build_labelled

from extract.cli import cli
from extract.evaluation import agreement, fields
from extract.evaluation.labels import LabelFile, load_labels

FIRST = GOLDEN / "dev"
SECOND = GOLDEN / "dev-second"
OUT = ROOT / "tests" / "output" / "dev_agreement.txt"


def _name(label: LabelFile) -> str:
    return label.document.rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def second() -> list[LabelFile]:
    return load_labels(SECOND, "sections")


@pytest.fixture(scope="module")
def first(second) -> list[LabelFile]:
    """The first reader's labels of the documents the second reader labelled."""
    names = {_name(s) for s in second}
    return [lb for lb in load_labels(FIRST, "sections") if _name(lb) in names]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, first):
    return build_labelled(first, tmp_path_factory.mktemp("agree"))


@pytest.fixture(scope="module")
def db(db_path):
    return sqlite_utils.Database(db_path)


def _total(scores, kind: str) -> fields.FieldScore:
    out = fields.FieldScore()
    for d in scores:
        out.add(d.fields[kind])
    return out


def test_the_second_reader_labelled_documents_of_several_municipalities(first, second):
    assert len(second) >= 6 and len(first) == len(second)
    assert len({_name(s).split("_")[0] for s in second}) >= 3
    assert not any(lb.held_out for lb in first)  # the held-out documents stay unread


def test_a_reader_agrees_with_themselves_in_every_field(db, first):
    scores, problems = agreement.compare(db, first, first)
    assert not problems and len(scores) == len(first)
    for kind in fields.FIELDS:
        t = _total(scores, kind)
        assert t.labelled > 0 and t.matched == t.labelled == t.built, kind
        assert all(v == t.matched for v in t.right.values()), kind
    assert all(d.title_right and d.date_right for d in scores)


def test_what_a_second_reading_leaves_out_or_reads_otherwise_is_disagreement(db, first):
    """A statement left out lowers recall, one more lowers precision, another kind of a
    milestone or level of a heading lowers the share of that value, another title is wrong."""
    label = next(lb for lb in first if len(lb.data["target_groups"]) >= 2 and lb.data["milestones"])
    data = copy.deepcopy(label.data)
    data["target_groups"].pop()
    data["milestones"][0]["kind"] = "event" if data["milestones"][0]["kind"] != "event" else "deadline"
    data["sections"][0]["level"] += 1
    data["title"] = "Et andet navn"
    other = LabelFile(label.path, label.document, data)
    (d,), problems = agreement.compare(db, [label], [other])
    assert not problems
    tg = d.fields["target_groups"]
    assert tg.matched == tg.built == tg.labelled - 1
    assert d.fields["milestones"].right["kind"] == d.fields["milestones"].matched - 1
    assert d.fields["sections"].right["level"] == d.fields["sections"].matched - 1
    assert not d.title_right and d.date_right
    (d,), _ = agreement.compare(db, [other], [label])  # the other way round: one statement more
    assert d.fields["target_groups"].built == d.fields["target_groups"].matched + 1


def test_a_quote_the_text_does_not_hold_and_a_document_one_reader_left_are_named(db, first):
    label = next(lb for lb in first if lb.data["amounts"])
    data = copy.deepcopy(label.data)
    data["amounts"][0]["quote"] = "987.654.321 kr."
    scores, problems = agreement.compare(db, [label, first[-1]], [LabelFile(label.path, label.document, data)])
    assert len(scores) == 1 and scores[0].fields["amounts"].built == len(data["amounts"]) - 1
    assert any("987.654.321 kr." in p and label.path.name in p for p in problems)
    assert any(first[-1].path.name in p and "second reader has no labels" in p for p in problems)


def test_two_readers_of_the_development_corpus(db, first, second):
    """The report of how far the two readers agree; each field was labelled by both, and
    they agree on most of it (a reading this far apart would say the guide is unclear)."""
    scores, problems = agreement.compare(db, first, second)
    assert not problems and len(scores) == len(second)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(fields.report(scores, details=True)) + "\n", encoding="utf-8")
    for kind in fields.FIELDS:
        t = _total(scores, kind)
        assert t.labelled and t.built and t.matched / max(t.labelled, t.built) >= 0.5, kind


def test_kb_agree_prints_the_agreement_per_field_and_document(db_path, second, tmp_path):
    result = CliRunner().invoke(cli, ["agree", str(FIRST), str(SECOND), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "tuned documents" in result.output and "target_groups" in result.output
    assert _name(second[0]).removesuffix(".txt") in result.output
    # documents the first reader labelled and the second did not are named, one line each
    assert result.output.count("Warning:") == len(load_labels(FIRST, "sections")) - len(second)
    as_json = json.loads(
        CliRunner().invoke(cli, ["agree", str(SECOND), str(SECOND), "--db", str(db_path), "--json"]).output
    )
    assert set(as_json) == {s.path.stem for s in second}
    assert all(v["sections"] == [1.0, 1.0] for v in as_json.values())
    empty = tmp_path / "none"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["agree", str(SECOND), str(empty), "--db", str(tmp_path / "kb.db")])
    assert result.exit_code != 0 and "kb build" in result.output
    # a folder without label files, or a label file that is no JSON: one line naming it, no traceback
    result = CliRunner().invoke(cli, ["agree", str(SECOND), str(empty), "--db", str(db_path)])
    assert result.exit_code == 1 and f"{empty}: no label files" in result.output and "Traceback" not in result.output
    (empty / "broken.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["agree", str(empty), str(SECOND), "--db", str(db_path)])
    assert result.exit_code == 1 and "broken.json: not a label file" in result.output
