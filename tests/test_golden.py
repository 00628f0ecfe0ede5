"""Golden tests: every corpus document against the records a person wrote down by reading it.

``tests/golden/<stem>.json`` holds, for one document, its metadata, heading tree,
amounts, target groups, milestones and tables (size, column names, first column). Each
document and record kind is its own test case; a failure lists the first records that differ.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest
from conftest import CORPUS, GOLDEN

KINDS = ("document", "sections", "amounts", "target_groups", "milestones", "tables")
CASES = [(p.stem, kind) for p in CORPUS for kind in KINDS]


def load_golden(stem: str) -> dict:
    with open(GOLDEN / f"{stem}.json", encoding="utf-8") as f:
        return json.load(f)


def actual_records(ex, kind: str):
    if kind == "document":
        return asdict(ex.meta)
    if kind == "sections":
        return [{"level": s.level, "number": s.number, "heading": s.heading, "role": s.role} for s in ex.sections]
    if kind == "amounts":
        return [
            {
                "quote": a.quote,
                "value_dkk": a.value_dkk,
                "year_from": a.year_from,
                "year_to": a.year_to,
                "per_year": a.per_year,
                "kind": a.kind,
            }
            for a in ex.amounts
        ]
    if kind == "tables":
        return [
            {
                "n_rows": t.n_rows,
                "n_columns": t.n_columns,
                "header": t.header,
                "first_column": [c.text for c in t.cells if c.column == 0],
            }
            for t in ex.tables
        ]
    if kind == "milestones":
        return [
            {
                "date_text": m.date_text,
                "date_start": m.date_start,
                "date_end": m.date_end,
                "precision": m.precision,
                "kind": m.kind,
            }
            for m in ex.milestones
        ]
    return [
        {
            "quote": t.quote,
            "groups": sorted(t.groups),
            "age_min": t.age_min,
            "age_max": t.age_max,
            "match_groups": list(t.match_groups),
            "size": t.size,
        }
        for t in ex.target_groups
    ]


def match_target_groups(expected: list[dict], actual: list[dict]) -> list[str]:
    """Pair each golden statement (by its anchor) with an extracted one, in order."""
    problems = []
    used = set()
    for exp in expected:
        hits = [i for i, a in enumerate(actual) if exp["anchor"] in a["quote"] and i not in used]
        if not hits:
            problems.append(f"missing target group with {exp['anchor']!r}")
            continue
        i = hits[0]
        used.add(i)
        got = {k: v for k, v in actual[i].items() if k != "quote"}
        want = {k: (sorted(v) if k == "groups" else v) for k, v in exp.items() if k != "anchor"}
        if got != want:
            problems.append(f"{exp['anchor']!r}: expected {want}, got {got}")
    extra = [a["quote"][:80] for i, a in enumerate(actual) if i not in used]
    problems += [f"unexpected target group {q!r}" for q in extra]
    return problems


def diff_lists(expected: list, actual: list) -> list[str]:
    problems = []
    for i, (e, a) in enumerate(zip(expected, actual)):
        if e != a:
            problems.append(f"#{i}: expected {e}\n      got {a}")
    if len(expected) != len(actual):
        problems.append(
            f"expected {len(expected)} records, got {len(actual)}; "
            f"first extra/missing: {(expected[len(actual) :] or actual[len(expected) :])[:3]}"
        )
    return problems


@pytest.mark.parametrize("stem,kind", CASES, ids=[f"{s}-{k}" for s, k in CASES])
def test_golden(stem, kind, extractions, request):
    ex = extractions[stem]
    actual = actual_records(ex, kind)
    if request.config.getoption("--update-golden"):
        update_golden(stem, kind, actual)
        return
    expected = load_golden(stem)[kind]
    if kind == "document":
        assert actual == expected
        return
    problems = match_target_groups(expected, actual) if kind == "target_groups" else diff_lists(expected, actual)
    assert not problems, f"{stem} {kind}: {len(problems)} difference(s):\n" + "\n".join(problems[:15])


def update_golden(stem: str, kind: str, actual) -> None:
    path = GOLDEN / f"{stem}.json"
    data = load_golden(stem) if path.exists() else {}
    if kind == "target_groups":
        old = {e["anchor"]: e for e in data.get(kind, [])}
        actual = [
            {
                "anchor": next((a for a in old if a in t["quote"]), t["quote"][:50]),
                **{k: v for k, v in t.items() if k != "quote"},
            }
            for t in actual
        ]
    data[kind] = actual
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
