"""Document metadata: labelled fields, the document's date, kind from title words."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RULES as ALL_RULES

from extract.extractors import document_meta as meta
from extract.extractors.document_meta import kind_of

ROOT = Path(__file__).resolve().parent.parent
RULES = ALL_RULES["document_meta.yml"]
DATES = ALL_RULES["dates.yml"]


def label_value(text, rule):
    return meta.label_value(text, rule, DATES)


def date_alone(text, limit):
    return meta.date_alone(text, limit, RULES, DATES)


def iso_date(text):
    return meta.iso_date(text, DATES)


LABEL_EXAMPLES = [(r, e) for r in RULES.labels for e in r.examples]


@pytest.mark.parametrize("rule,example", LABEL_EXAMPLES, ids=[f"{r.id}:{e['text'][:30]}" for r, e in LABEL_EXAMPLES])
def test_label_examples(rule, example):
    assert label_value(example["text"], rule) == example["value"]


@pytest.mark.parametrize("example", RULES.date_line_examples, ids=[e["text"][:30] for e in RULES.date_line_examples])
def test_date_line_examples(example):
    assert date_alone(example["text"], len(example["text"])) == example["value"]


KIND_EXAMPLES = [(r.kind, title) for r in RULES.kinds for title in r.examples]


@pytest.mark.parametrize("kind,title", KIND_EXAMPLES, ids=[t[:40] for _, t in KIND_EXAMPLES])
def test_kind_examples(kind, title):
    assert kind_of(title, RULES) == kind


@pytest.mark.parametrize(
    "written,iso",
    [
        ("23-09-2012", "2012-09-23"),
        ("24-04-2008", "2008-04-24"),
        ("26.11.09", "2009-11-26"),
        ("12. november 2012", "2012-11-12"),
        ("november 2012", None),
        ("2012", None),
    ],
)
def test_iso_dates(written, iso):
    assert iso_date(written) == iso


@pytest.mark.parametrize(
    "text,field,value",
    [
        ("Sagsnr.  \n2011-176323\n\nDesuden gennemgås enkelte centrale initiativer", "case_number", "2011-176323"),
        ("Dato: 24-04-2008\nSagsnr.: 2008-15091\nDok.nr.: 2008-216613\n", "document_number", "2008-216613"),
        ("Dato: 24-04-2008\nSagsnr.: 2008-15091\nDok.nr.: 2008-216613\n", "case_number", "2008-15091"),
        ("Sagsbehandler  \nThomas Hansen\n\n### Nytteaktivering", "author", "Thomas Hansen"),
        ("Sagsnr.\n\nDer er ikke oplyst noget sagsnummer.", "case_number", None),
    ],
)
def test_labels_in_context(text, field, value):
    rule = next(r for r in RULES.labels if r.field == field)
    assert label_value(text, rule) == value


def test_a_date_inside_a_sentence_is_not_the_documents_date():
    text = "Udvalget har på budgetseminaret den 28. februar 2011 drøftet udfordringer.\n"
    assert date_alone(text, len(text)) is None


MEETING_EXAMPLES = [(r.id, e) for r in RULES.meeting_dates for e in r.examples]


@pytest.mark.parametrize(
    "rule_id,example", MEETING_EXAMPLES, ids=[f"{i}:{e['text'][:30]}" for i, e in MEETING_EXAMPLES]
)
def test_meeting_date_examples(rule_id, example):
    rule = next(r for r in RULES.meeting_dates if r.id == rule_id)
    assert meta.first_date(example["text"], (rule,), DATES) == example["value"]


@pytest.mark.parametrize("example", RULES.file_name_date.examples, ids=lambda e: e["text"][:30])
def test_file_name_date_examples(example):
    assert meta.file_name_date(example["text"], RULES) == example["value"]


def test_a_file_name_without_a_real_day_gives_no_date():
    assert meta.file_name_date("referat_2024-13-45.txt", RULES) is None
    assert meta.file_name_date("budget-2013-nye-initiativer.md", RULES) is None
