"""What ``kb eval`` and ``kb agree`` report: folders of label files scored against a built
knowledge base. Each returns the report's lines, the same scores as a dict (``--json``) and
what could not be scored, one line each; a folder without label files, or a label file that
is no JSON, raises :class:`KbError` naming it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.errors import KbError
from extract.evaluation import agreement, allocations, fields
from extract.evaluation import links as link_eval
from extract.evaluation.labels import load_labels

Report = tuple[list[str], dict[str, Any], list[str]]


def evaluate_folder(db, golden_dir: Path, details: bool) -> Report:
    """Every kind of label file in ``golden_dir`` (fields, allocations, pairs of units) scored;
    the problems name the labelled documents the database lacks."""
    field_labels = load_labels(golden_dir, "sections", required=False)
    money_labels = load_labels(golden_dir, "allocations", required=False)
    pair_labels = [p for _, data in link_eval.load_pairs(golden_dir) for p in data["pairs"]]
    if not field_labels and not money_labels and not pair_labels:
        raise KbError(f"{golden_dir}: no label files (see tests/golden/dev/README.md)")
    lines: list[str] = []
    as_dict: dict[str, Any] = {}
    missing: list[str] = []
    if field_labels:
        scores, lacking = fields.evaluate(db, field_labels)
        missing += lacking
        as_dict["fields"] = fields.as_json(scores)
        lines += fields.report(scores, details)
    if money_labels:
        money, lacking = allocations.evaluate(db, money_labels)
        missing += lacking
        as_dict["allocations"] = allocations.as_json(money)
        lines += allocations.report(money, details)
    if pair_labels:
        link_scores = link_eval.score(db, pair_labels)
        as_dict["links"] = link_eval.as_json(link_scores)
        lines += link_eval.report(link_scores, details)
    return lines, as_dict, missing


def agree_folders(db, first_dir: Path, second_dir: Path, details: bool) -> Report:
    """The second reader's label files scored by the first reader's (``agreement.compare``);
    the problems name what could not be compared (no lines: no document both label that the
    database holds)."""
    scores, problems = agreement.compare(db, load_labels(first_dir, "sections"), load_labels(second_dir, "sections"))
    return fields.report(scores, details), fields.as_json(scores), problems
