"""Allocations of a built knowledge base scored against labels (``kb eval``).

For each labelled document: precision and recall of status and scope (each labelled
allocation compared with the allocation that holds its first mention; an allocation of
the database that holds no labelled mention counts against precision), of mentions joined
as one allocation (pairs), of totals and shares, and the per-year totals of own granted
money beside the reader's. Pure over rows: :func:`score_document` takes what
:func:`document_rows` reads.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from extract.evaluation.labels import LabelFile, find_document
from extract.facts.allocation_rules import SCOPES, STATUSES
from extract.facts.corrections import locate


@dataclass
class Tally:
    """True positives, false positives and false negatives per class."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: Optional[str], predicted: Optional[str]) -> None:
        if gold is not None and gold == predicted:
            self.tp[gold] += 1
            return
        if predicted is not None:
            self.fp[predicted] += 1
        if gold is not None:
            self.fn[gold] += 1

    def merge(self, other: "Tally") -> None:
        self.tp.update(other.tp), self.fp.update(other.fp), self.fn.update(other.fn)

    def pr(self, cls: Optional[str] = None) -> tuple[Optional[float], Optional[float]]:
        tp = self.tp[cls] if cls else sum(self.tp.values())
        fp = self.fp[cls] if cls else sum(self.fp.values())
        fn = self.fn[cls] if cls else sum(self.fn.values())
        return (tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


@dataclass
class DocumentScore:
    name: str
    held_out: bool
    status: Tally
    scope: Tally
    joined: Tally  # class "pair": mentions stated as one allocation
    total: Tally  # classes "total", "share"
    per_year: dict[int, tuple[float, float]]  # year → (labelled, built)
    unfound: list[str]  # labelled quotes the database has no amount for
    differences: list[str] = field(default_factory=list)  # labelled allocations read otherwise
    labelled: int = 0  # labelled allocations
    without_amount: int = 0  # labelled allocations none of whose mentions is an amount of the database


def document_rows(db, label: LabelFile) -> Optional[dict[str, Any]]:
    """What the database holds of the labelled document (None: it is not built)."""
    doc_id = find_document(db, label)
    if doc_id is None:
        return None
    q = lambda sql: list(db.query(sql, [doc_id]))  # noqa: E731
    return {
        "text": q("select text from texts where document_id = ?")[0]["text"],
        "amounts": q("select id, char_start, char_end from amounts where document_id = ? order by char_start"),
        "allocations": {r["id"]: r for r in q("select * from allocations where document_id = ?")},
        "mentions": {
            r["amount_id"]: r["allocation_id"]
            for r in q("select amount_id, allocation_id from allocation_mentions where document_id = ?")
        },  # fmt: skip
        "per_year": {
            r["year"]: r["value"]
            for r in q(
                "select year, sum(value_dkk) as value from allocations_per_year where document_id = ? and status = "
                "'granted' and scope = 'own' and not is_total and not is_share group by year"
            )
        },  # fmt: skip
    }


def _amount_at(amounts: list[dict], start: int, end: int) -> Optional[str]:
    return next((a["id"] for a in amounts if a["char_start"] < end and start < a["char_end"]), None)


def score_document(label: LabelFile, rows: dict[str, Any]) -> DocumentScore:
    text, allocations, mention_of = rows["text"], rows["allocations"], rows["mentions"]
    score = DocumentScore(label.path.stem, label.held_out, Tally(), Tally(), Tally(), Tally(), {}, [])
    gold_of_amount: dict[str, int] = {}  # amount id → index of its labelled allocation
    for n, gold in enumerate(label.data["allocations"]):
        found = []
        for m in gold["mentions"]:
            at = locate(text, m["quote"], m.get("near"), m.get("nth"))
            amount = _amount_at(rows["amounts"], at, at + len(m["quote"])) if at is not None else None
            if amount is None:
                score.unfound.append(m["quote"])
            else:
                found.append(amount)
                gold_of_amount[amount] = n
        predicted = allocations.get(mention_of.get(found[0])) if found else None
        score.labelled += 1
        score.without_amount += not found
        _differences(score.differences, gold, predicted)
        score.status.add(gold["status"], predicted and predicted["status"])
        score.scope.add(gold["scope"], predicted and predicted["scope"])
        _score_totals(score.total, gold, predicted)
    labelled = {mention_of.get(amount) for amount in gold_of_amount}
    for alloc_id, a in allocations.items():  # allocations of the database no label holds
        if alloc_id not in labelled:
            score.status.add(None, a["status"])
            score.scope.add(None, a["scope"])
    _score_pairs(score.joined, gold_of_amount, mention_of)
    gold_years = {int(y): float(v) for y, v in label.data.get("per_year_own_granted", {}).items()}
    for year in sorted(set(gold_years) | set(rows["per_year"])):
        score.per_year[year] = (gold_years.get(year, 0.0), float(rows["per_year"].get(year) or 0.0))
    return score


def _differences(out: list[str], gold: dict, predicted: Optional[dict]) -> None:
    quote = gold["mentions"][0]["quote"]
    if predicted is None:
        out.append(f"{quote!r}: no allocation")
        return
    built = {
        "status": predicted["status"],
        "scope": predicted["scope"],
        "years": json.loads(predicted["years"]),
        "is_total": bool(predicted["is_total"]),
        "part_of": predicted["part_of"] is not None,
    }
    labelled = {
        "status": gold["status"],
        "scope": gold["scope"],
        "years": gold.get("years", []),
        "is_total": bool(gold.get("is_total")),
        "part_of": gold.get("part_of") is not None,
    }
    wrong = [f"{k} {labelled[k]} ≠ {built[k]}" for k in labelled if labelled[k] != built[k]]
    if wrong:
        out.append(f"{quote!r} ({predicted['basis']}): " + "; ".join(wrong))


def _score_totals(tally: Tally, gold: dict, predicted: Optional[dict]) -> None:
    for cls, in_gold, in_db in (
        ("total", gold.get("is_total"), predicted and predicted["is_total"]),
        ("share", gold.get("part_of"), predicted and predicted["part_of"]),
    ):
        tally.add(cls if in_gold else None, cls if in_db else None)


def _score_pairs(tally: Tally, gold_of_amount: dict[str, int], mention_of: dict[str, str]) -> None:
    amounts = sorted(gold_of_amount)
    for i, x in enumerate(amounts):
        for y in amounts[i + 1 :]:
            same_gold = gold_of_amount[x] == gold_of_amount[y]
            same_db = mention_of.get(x) is not None and mention_of.get(x) == mention_of.get(y)
            tally.add("pair" if same_gold else None, "pair" if same_db else None)


def _fmt(x: Optional[float]) -> str:
    return "   -" if x is None else f"{x:4.2f}"


def report(scores: list[DocumentScore], details: bool = False) -> list[str]:
    """Lines of the report: per document (with ``details``, each labelled allocation read
    otherwise), then the tuned and held-out documents together."""
    lines = []
    for s in scores:
        p, r = s.status.pr()
        lines.append(f"{s.name}{' (held out)' if s.held_out else ''}: status {_fmt(p)}/{_fmt(r)}  "
                     f"scope {'/'.join(map(_fmt, s.scope.pr()))}  joined {'/'.join(map(_fmt, s.joined.pr()))}  "
                     f"totals {'/'.join(map(_fmt, s.total.pr()))}"
                     + (f"  unfound {len(s.unfound)}" if s.unfound else ""))  # fmt: skip
        for year, (gold, built) in s.per_year.items():
            mark = "" if abs(gold - built) <= max(1.0, 0.005 * abs(gold)) else "   ≠"
            lines.append(f"    {year}  labelled {gold:>16,.0f}  built {built:>16,.0f}{mark}")
        if details:
            lines += [f"    - {d}" for d in s.differences] + [f"    - {q!r}: no amount here" for q in s.unfound]
    for held_out in (False, True):
        group = [s for s in scores if s.held_out == held_out]
        if group:
            lines += _summary("held-out documents" if held_out else "tuned documents", group)
    return lines


def _summary(title: str, group: list[DocumentScore]) -> list[str]:
    labelled, missing = sum(s.labelled for s in group), sum(s.without_amount for s in group)
    lines = [
        f"{title} ({len(group)}): precision/recall over {labelled} labelled allocations, {missing} of them "
        "with no amount in the database (numbers without a unit, as in tables: not amounts)"
    ]
    for name, values in (("status", STATUSES), ("scope", SCOPES)):
        tally = Tally()
        for s in group:
            tally.merge(getattr(s, name))
        p, r = tally.pr()
        per_class = "  ".join(f"{v} {'/'.join(map(_fmt, tally.pr(v)))}" for v in values
                              if tally.tp[v] + tally.fp[v] + tally.fn[v])  # fmt: skip
        lines.append(f"  {name:7} all {_fmt(p)}/{_fmt(r)}   {per_class}")
    for name in ("joined", "total"):
        tally = Tally()
        for s in group:
            tally.merge(getattr(s, name))
        lines.append(f"  {name:7} {'/'.join(map(_fmt, tally.pr()))}")
    years = [(g, b) for s in group for g, b in s.per_year.values()]
    exact = sum(abs(g - b) <= max(1.0, 0.005 * abs(g)) for g, b in years)
    lines.append(f"  per-year own granted totals right (±0.5 %): {exact} of {len(years)} document-years")
    return lines


def as_json(scores: list[DocumentScore]) -> dict:
    """Per document: [precision, recall] of status, scope, joined mentions and totals, and the
    money per year (labelled, built)."""
    return {s.name: {"status": s.status.pr(), "scope": s.scope.pr(), "joined": s.joined.pr(),
                     "total": s.total.pr(), "per_year": s.per_year, "held_out": s.held_out}
            for s in scores}  # fmt: skip


def evaluate(db, labels: list[LabelFile]) -> tuple[list[DocumentScore], list[str]]:
    """The scores of the labelled documents the database holds, and the names of those it lacks."""
    scores, missing = [], []
    for label in labels:
        rows = document_rows(db, label)
        if rows is None:
            missing.append(label.document)
        else:
            scores.append(score_document(label, rows))
    return scores, missing
