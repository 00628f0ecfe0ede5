"""Accuracy of a built knowledge base against the truth of a generated scale corpus.

    .venv/bin/python bench/scale_accuracy.py DB TRUTH [--examples 5]

DB is a kb.db built from the corpus that bench/scale_corpus.py wrote; TRUTH its truth
file (``<OUT_DIR>.truth.jsonl``). Documents are matched by file name. Within a document,
amounts are compared as a multiset of values (kroner, to the øre) and milestones as a
multiset of (date_start, date_end); a true record the database lacks is a miss, a
database record the truth lacks a false hit. Prints precision and recall for each, per
document format (text, fpdf, reportlab) too, and the first misses and false hits.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Hashable, Iterable, Optional

KINDS = ("amounts", "milestones")
LABELS = {"misses": "miss", "false_hits": "false hit"}


def amount_key(value: float) -> float:
    return round(float(value), 2)


def truth_key(kind: str, rec: dict) -> Hashable:
    return amount_key(rec["value_dkk"]) if kind == "amounts" else (rec["date_start"], rec["date_end"])


def load_truth(truth_path: Path) -> dict[str, dict]:
    """File name -> its truth line."""
    with open(truth_path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {row["file"]: row for row in rows}


def load_found(db_path: Path, names: Iterable[str]) -> dict[str, dict[str, list[dict]]]:
    """File name -> the amounts and milestones the database holds for it (only ``names``)."""
    wanted = set(names)
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        docs = {row["id"]: Path(row["path"]).name for row in conn.execute("select id, path from documents")}
        found: dict[str, dict[str, list[dict]]] = {n: {k: [] for k in KINDS} for n in docs.values() if n in wanted}
        queries = {
            "amounts": "select document_id, quote, value_dkk from amounts order by document_id, char_start",
            "milestones": "select document_id, date_text, date_start, date_end from milestones "
            "order by document_id, char_start",
        }
        for kind, sql in queries.items():
            for row in conn.execute(sql):
                name = docs.get(row["document_id"])
                if name in found:
                    found[name][kind].append(dict(row))
    finally:
        conn.close()
    return found


def _describe(kind: str, rec: dict) -> str:
    if kind == "amounts":
        return f"{rec['quote']!r} = {amount_key(rec['value_dkk']):g} kr."
    return f"{rec['date_text']!r} = {rec['date_start']}..{rec['date_end']}"


def _unmatched(kind: str, records: list[dict], against: list[dict]) -> list[dict]:
    """The records with no counterpart left in ``against`` (multiset difference)."""
    left = Counter(truth_key(kind, r) for r in against)
    out = []
    for rec in records:
        key = truth_key(kind, rec)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(rec)
    return out


def compare(kind: str, truth: list[dict], found: list[dict]) -> tuple[int, list[dict], list[dict]]:
    """Matched count, true records missed, found records that are false hits."""
    missed = _unmatched(kind, truth, found)
    return len(truth) - len(missed), missed, _unmatched(kind, found, truth)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score(true: int, found: int, matched: int) -> dict[str, Any]:
    return {
        "true": true,
        "found": found,
        "matched": matched,
        "precision": _ratio(matched, found),
        "recall": _ratio(matched, true),
    }


def accuracy(db_path: Path | str, truth_path: Path | str, examples: int = 5) -> dict[str, Any]:
    """Precision and recall of amounts and milestones in ``db_path`` against ``truth_path``."""
    truth = load_truth(Path(truth_path))
    found = load_found(Path(db_path), truth)
    result: dict[str, Any] = {
        "documents": len(truth),
        "built": len(found),
        "missing_documents": sorted(set(truth) - set(found)),
    }
    for kind in KINDS:
        counts: dict[str, Counter] = defaultdict(Counter)
        misses, false_hits = [], []
        for name, row in truth.items():
            got = found.get(name, {}).get(kind, [])
            matched, missed, extra = compare(kind, row[kind], got)
            for group in ("all", row["format"]):
                counts[group].update(true=len(row[kind]), found=len(got), matched=matched)
            misses += [(name, row["format"], r) for r in missed]
            false_hits += [(name, row["format"], r) for r in extra]
        result[kind] = {group: score(c["true"], c["found"], c["matched"]) for group, c in counts.items()}
        result[kind]["misses"] = [_example(kind, *m, "truth") for m in misses[:examples]]
        result[kind]["false_hits"] = [_example(kind, *m, "found") for m in false_hits[:examples]]
    return result


def _example(kind: str, name: str, fmt: str, rec: dict, side: str) -> dict[str, Any]:
    text = _describe(kind, rec)
    if side == "truth":
        golden = rec.get("golden_quote") or rec.get("golden_date_text")
        text += f" (from {rec.get('source')}: {golden!r})"
    return {"file": name, "format": fmt, "record": text}


def report(result: dict[str, Any]) -> list[str]:
    lines = [
        f"documents: {result['documents']} in the truth, {result['built']} in the database"
        + (
            f" ({len(result['missing_documents'])} missing, e.g. {result['missing_documents'][:3]})"
            if result["missing_documents"]
            else ""
        )
    ]
    for kind in KINDS:
        for group, s in result[kind].items():
            if isinstance(s, dict) and "precision" in s:
                lines.append(
                    f"{kind:<11} {group:<10} precision {s['precision']:.4f}  recall {s['recall']:.4f}"
                    f"  (true {s['true']}, found {s['found']}, matched {s['matched']})"
                )
    for kind in KINDS:
        for label in ("misses", "false_hits"):
            for ex in result[kind][label]:
                lines.append(f"  {kind} {LABELS[label]}: {ex['file']} [{ex['format']}] {ex['record']}")
    return lines


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("truth", type=Path)
    ap.add_argument("--examples", type=int, default=5, help="misses and false hits to show of each kind")
    args = ap.parse_args(argv)
    print("\n".join(report(accuracy(args.db, args.truth, args.examples))))


if __name__ == "__main__":
    main()
