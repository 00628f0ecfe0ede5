"""The scale corpus (bench/scale_corpus.py): a small one, built, against its own truth.

The truth comes from the golden files and the generator's substitutions, never from the
extractor, so this checks both: the generator writes what it says it writes, and the
extractor reads new amounts and dates in the corpus's forms as well as the originals.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import GOLDEN, ROOT

sys.path.insert(0, str(ROOT / "bench"))

import scale_accuracy  # noqa: E402
import scale_corpus  # noqa: E402

DOCS = 12


@pytest.fixture(scope="module")
def scale(tmp_path_factory) -> dict:
    from extract.build import build

    tmp = tmp_path_factory.mktemp("scale")
    out = tmp / "scale"
    totals = scale_corpus.generate(out, docs=DOCS, seed=3, pdf_share=0.5, pages=(1, 3))
    summary = build([out], str(tmp / "kb.db"), root=tmp)
    assert summary.failed == 0, summary.errors
    truth_path = Path(totals["truth"])
    rows = [json.loads(line) for line in truth_path.read_text(encoding="utf-8").splitlines()]
    return {"totals": totals, "rows": rows, "out": out, "accuracy": scale_accuracy.accuracy(tmp / "kb.db", truth_path)}


def test_the_corpus_mixes_text_and_both_pdf_producers(scale):
    rows = scale["rows"]
    assert len(rows) == DOCS == len(list(scale["out"].iterdir()))
    assert {r["format"] for r in rows} == {"text", "fpdf", "reportlab"}
    assert all((scale["out"] / r["file"]).stat().st_size > 0 for r in rows)
    assert scale["totals"]["pages"] >= DOCS


def test_the_truth_is_not_empty(scale):
    assert scale["totals"]["amounts"] >= 10
    assert scale["totals"]["milestones"] >= 10


def golden_values() -> set[float]:
    return {
        a["value_dkk"]
        for p in GOLDEN.glob("*.json")
        for a in json.loads(p.read_text(encoding="utf-8")).get("amounts", [])
    }


def test_the_truth_varies_from_the_corpus_values(scale):
    amounts = [a for r in scale["rows"] for a in r["amounts"]]
    milestones = [m for r in scale["rows"] for m in r["milestones"]]
    assert all(a["value_dkk"] != a["golden_value"] for a in amounts)
    assert sum(a["value_dkk"] not in golden_values() for a in amounts) > len(amounts) / 2
    assert all(m["date_start"] != m["golden_start"] for m in milestones)
    assert all(m["date_start"] <= m["date_end"] for m in milestones)


@pytest.mark.parametrize("kind", scale_accuracy.KINDS)
def test_the_extractor_finds_the_true_records(scale, kind):
    result = scale["accuracy"]
    assert result["built"] == DOCS
    figures = result[kind]["all"]
    examples = result[kind]["misses"] + result[kind]["false_hits"]
    assert figures["precision"] >= 0.98 and figures["recall"] >= 0.98, (figures, examples)
