"""Documents of other municipalities scored field by field against a careful reader's labels
(tests/golden/dev/: title, date, headings with levels and roles, amounts, milestones,
target-group statements), as ``kb eval`` scores them.

The labelled documents are built into one knowledge base; the report (per document, with
every miss) is written to tests/output/dev_eval.txt and its summary printed at the end of
the test run. The tuned documents must keep the figures the rules reached; the held-out
documents (nobody writing rules read them) are reported apart, above floors.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import GOLDEN, ROOT, build_labelled

from extract.cli import cli
from extract.evaluation import fields
from extract.evaluation.labels import LabelFile, load_labels

LABELS = GOLDEN / "dev"
OUT = ROOT / "tests" / "output" / "dev_eval.txt"
# What the tuned documents reach (precision, recall), and the share of matched records
# with each value right, a little below the figures of 0.11.0 (tests/output/dev_eval.txt);
# the held-out documents' floors a little below what they reached. Target-group
# statements are below 0.80 recall: the readers counted every sentence that names whom
# something is for, the rules find explicit statements, each group-naming sentence of a
# Målgruppe section, and, in agenda fields, rules, offers, efforts, contacts, housing, money
# and places given to a named group, received, applied for or granted to one.
TUNED = {
    "sections": ((0.97, 0.96), {"level": 0.98, "role": 0.94}),
    "amounts": ((0.99, 0.97), {"value_dkk": 0.99, "years": 0.92, "per_year": 0.97, "kind": 0.90}),
    "milestones": ((0.95, 0.87), {"bounds": 0.95, "precision": 0.97, "kind": 0.94}),
    "target_groups": ((0.80, 0.85), {"groups": 0.86}),
}
HELD_OUT = {
    "sections": (0.90, 0.95),
    "amounts": (0.95, 0.90),
    "milestones": (0.40, 0.70),
    "target_groups": (0.80, 0.35),
}


@pytest.fixture(scope="module")
def labels() -> list[LabelFile]:
    return load_labels(LABELS, "sections")


@pytest.fixture(scope="module")
def labelled_db(tmp_path_factory, labels):
    return build_labelled(labels, tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="module")
def scores(labelled_db, labels):
    got, missing = fields.evaluate(sqlite_utils.Database(labelled_db), labels)
    assert not missing
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(fields.report(got, details=True)) + "\n", encoding="utf-8")
    return got


def total(scores, held_out: bool, kind: str) -> fields.FieldScore:
    out = fields.FieldScore()
    for d in scores:
        if d.held_out == held_out:
            out.add(d.fields[kind])
    return out


def test_twenty_documents_labelled_some_held_out(labels):
    assert len(labels) >= 20
    assert sum(label.held_out for label in labels) >= 4
    assert any(label.document.endswith(".pdf") for label in labels)
    assert any(label.document.endswith(".pdf") and label.held_out for label in labels)


@pytest.mark.parametrize("kind", list(TUNED))
def test_tuned_documents_keep_their_figures(scores, kind):
    (p_min, r_min), values = TUNED[kind]
    got = total(scores, False, kind)
    assert got.precision >= p_min and got.recall >= r_min, (kind, got.precision, got.recall)
    for name, floor in values.items():
        assert got.right.get(name, 0) / got.matched >= floor, (kind, name)


@pytest.mark.parametrize("kind", list(HELD_OUT))
def test_held_out_documents_are_reported_above_a_floor(scores, kind):
    p_min, r_min = HELD_OUT[kind]
    got = total(scores, True, kind)
    assert got.precision >= p_min and got.recall >= r_min, (kind, got.precision, got.recall)


def test_details_list_the_misses_of_tuned_documents_only(scores):
    """Whoever reads the report while writing rules never sees a held-out document's misses."""
    lines = fields.report(scores, details=True)
    owner = None
    listed = set()
    for line in lines:
        if not line.startswith("    -") and ":" in line:
            owner = line.split(":")[0]
        elif line.startswith("    -"):
            listed.add(owner)
    assert listed and not [name for name in listed if name.endswith("(held out)")]
    assert any(d.held_out and any(d.fields[k].misses for k in fields.FIELDS) for d in scores)


def test_every_labelled_quote_stands_in_its_document(scores):
    """A label the scorer cannot place would count against the tool for a reader's slip: each
    quote and date as written, its ``near``/``nth`` resolving to one place of the text."""
    unplaced = [
        (d.name, m) for d in scores for k in fields.FIELDS for m in d.fields[k].misses if "is not in the text" in m
    ]
    assert [name for name, _ in unplaced] == []


def test_titles_and_dates(scores):
    tuned = [d for d in scores if not d.held_out]
    assert sum(d.title_right for d in tuned) >= 0.95 * len(tuned)
    assert sum(d.date_right for d in tuned) >= 0.95 * len(tuned)


# Page furniture as the producers of the development PDFs print it: page numbers ("Side 2",
# "Side 2 af 5", "2/5", "- 2 -", "2 of 5") and single letters of a rotated banner.
FURNITURE = re.compile(r"(?i)^\s*(?:side\s+\d+(?:\s+af\s+\d+)?|\d+\s*/\s*\d+|-\s*\d+\s*-|\d+\s+of\s+\d+|\S)\s*$")


def test_no_running_header_footer_or_banner_letter_is_a_heading(labelled_db):
    db = sqlite_utils.Database(labelled_db)
    headings = [r["heading"] for r in db.query("select heading from sections where heading is not null")]
    assert len(headings) > 100
    assert [h for h in headings if FURNITURE.match(h)] == []


def test_a_wrong_label_is_scored_as_a_miss(labelled_db, labels):
    """The scorer can fail: a label moved off its document's words, or given another value,
    lowers recall or the share of right values."""
    label = next(lb for lb in labels if lb.data.get("amounts") and not lb.held_out)
    db = sqlite_utils.Database(labelled_db)
    good = fields.score(label, fields.document_rows(db, label)).fields["amounts"]
    data = copy.deepcopy(label.data)
    data["amounts"][0]["quote"] = "987.654.321 kr."
    data["amounts"][-1]["value_dkk"] = (data["amounts"][-1]["value_dkk"] or 0) + 1000
    bad = fields.score(LabelFile(label.path, label.document, data), fields.document_rows(db, label)).fields["amounts"]
    assert bad.matched == good.matched - 1 and bad.right["value_dkk"] < good.right["value_dkk"]


def test_an_item_heading_matches_its_line_as_written(tmp_path):
    """A reader writes an item's heading as its line reads ("Punkt 171: Godkendelse af
    dagsorden"); the build stores the title with its number apart: the same heading. A line
    that reads otherwise is still a miss."""
    text = "Byrådet\nPunkt 171: Godkendelse af dagsorden\nGodkendt.\n"
    rows = {
        "document": {"title": None, "date": None},
        "text": text,
        "sections": [{"heading": "Godkendelse af dagsorden", "number": "171", "level": 1, "role": "punkt",
                      "char_start": text.index("Punkt")}],
        "amounts": [], "milestones": [], "target_groups": [],
    }  # fmt: skip

    def matched(heading: str) -> int:
        data = {"sections": [{"heading": heading, "level": 1, "role": "punkt"}]}
        return fields.score(LabelFile(tmp_path / "x.json", "x.txt", data), rows).fields["sections"].matched

    assert matched("Punkt 171: Godkendelse af dagsorden") == 1
    assert matched("171. Godkendelse af dagsorden") == 1
    assert matched("Punkt 172: Godkendelse af dagsorden") == 0


def test_kb_eval_prints_the_scores_per_field_and_document(labelled_db, labels):
    result = CliRunner().invoke(cli, ["eval", str(LABELS), "--db", str(labelled_db)])
    assert result.exit_code == 0, result.output
    assert "tuned documents" in result.output and "held-out documents" in result.output
    assert f"{labels[0].path.stem}" in result.output and "milestones" in result.output
    as_json = json.loads(CliRunner().invoke(cli, ["eval", str(LABELS), "--db", str(labelled_db), "--json"]).output)
    assert labels[0].path.stem in as_json["fields"] and set(as_json) == {"fields"}


def test_kb_eval_names_a_label_file_that_is_no_json(labelled_db, tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--db", str(labelled_db)])
    assert result.exit_code == 1 and "broken.json: not a label file" in result.output
    assert "Traceback" not in result.output


def test_a_heading_matches_whatever_spaces_a_pdf_put_around_its_words(tmp_path):
    """pdfplumber may drop or add a space ("Strategier &planer"): the reader's heading still
    matches the built one, and a different heading still does not."""
    label = LabelFile(
        tmp_path / "x.json",
        "x.pdf",
        {"sections": [{"heading": "Strategier &planer", "level": 2, "role": "other"},
                      {"heading": "Politikker", "level": 2, "role": "other"}]},
    )  # fmt: skip
    rows = {
        "document": {"title": None, "date": None},
        "text": "",
        "sections": [{"heading": "Strategier & planer", "number": None, "level": 2, "role": "other"},
                     {"heading": "Principper", "number": None, "level": 2, "role": "other"}],
        "amounts": [],
        "milestones": [],
        "target_groups": [],
    }  # fmt: skip
    got = fields.score(label, rows).fields["sections"]
    assert (got.matched, got.labelled, got.built) == (1, 2, 2)


def test_a_sum_with_oere_is_right_in_whole_kroner():
    """The database keeps whole kroner (rounded half to even): "kr. 272.562,50" stored as 272562
    is the labelled 272562.5; a krone off is not."""
    from extract.evaluation.fields import _values

    row = {"value_dkk": 272562, "year_from": None, "year_to": None, "per_year": 0, "kind": None}
    assert _values("amounts", {"value_dkk": 272562.5}, row)["value_dkk"]
    assert not _values("amounts", {"value_dkk": 272563.5}, row)["value_dkk"]


def test_a_heading_missed_once_takes_no_later_heading_away(tmp_path):
    """A page that repeats its headings (an accordion of pools: "Ansøgningsfrist" under each): a
    heading the build missed the first time matches no later one out of order, so the headings
    between still match."""
    heads = ["Formål", "Ansøgningsfrist", "Hvem kan søge?", "Kontakt", "Formål", "Ansøgningsfrist"]
    label = LabelFile(
        tmp_path / "x.json", "x.txt", {"sections": [{"heading": h, "level": 1, "role": "other"} for h in heads]}
    )
    built = [h for i, h in enumerate(heads) if i != 1]  # the first "Ansøgningsfrist" missed
    rows = {
        "document": {"title": None, "date": None},
        "text": "",
        "sections": [{"heading": h, "number": None, "level": 1, "role": "other"} for h in built],
        "amounts": [], "milestones": [], "target_groups": [],
    }  # fmt: skip
    got = fields.score(label, rows).fields["sections"]
    assert (got.matched, got.labelled, got.built) == (5, 6, 5)
    assert got.misses == ["sections: 'Ansøgningsfrist' not found"]
