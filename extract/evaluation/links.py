"""Links across documents of a built knowledge base scored against pairs a reader labelled
(``kb eval`` on a folder whose JSON file has "pairs", tests/golden/links/README.md).

A labelled unit is a document and a heading of it (or null: the whole document). The
database says two units are the same initiative when both are units of one initiative
(``initiative_sections``). Precision and recall of "same" over the labelled pairs, tuned
and held-out pairs apart; a pair whose document is not in the database is not scored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from extract.evaluation.labels import document_id

_MARKUP = re.compile(r"^[#*\s]+|[*\s:]+$")
_NUMBER = re.compile(r"^\d+[a-z]?[.)]\s+")


@dataclass
class PairScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    unscored: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> Optional[float]:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> Optional[float]:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "unscored": len(self.unscored),
        }


def load_pairs(folder: Path) -> list[tuple[Path, dict]]:
    """The label files of a folder with "pairs" (empty list: none)."""
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("pairs"), list):
            out.append((path, data))
    return out


def _clean(heading: str) -> str:
    return " ".join(_MARKUP.sub("", heading).split()).casefold()


def initiative_of(db, unit: dict) -> tuple[bool, Optional[str]]:
    """(the document is in the database, the initiative the labelled unit is part of)."""
    doc = document_id(db, unit["document"])
    if doc is None:
        return False, None
    heading = unit.get("heading")
    if heading is None:
        row = db.execute(
            "select initiative_id from initiative_sections where document_id = ? and section_id is null", [doc]
        ).fetchone()
        return True, row[0] if row else None
    want = _NUMBER.sub("", _clean(heading))
    for sid, text in db.execute("select id, heading from sections where document_id = ? order by position", [doc]):
        if text and _NUMBER.sub("", _clean(text)) == want:
            row = db.execute("select initiative_id from initiative_sections where id = ?", [f"{doc}:{sid}"]).fetchone()
            if row:
                return True, row[0]
    units = db.execute("select heading, initiative_id from initiative_sections where document_id = ?", [doc])
    for text, initiative in units:  # a list item the database took for an initiative
        if text and _NUMBER.sub("", _clean(text)) == want:
            return True, initiative
    return True, None


def score(db, pairs: list[dict]) -> dict[bool, PairScores]:
    """Scores of the tuned (False) and held-out (True) pairs."""
    out = {False: PairScores(), True: PairScores()}
    for pair in pairs:
        s = out[bool(pair.get("held_out"))]
        name = (
            f"{pair['a']['document'].rsplit('/', 1)[-1]} «{pair['a'].get('heading')}» ~ "
            f"{pair['b']['document'].rsplit('/', 1)[-1]} «{pair['b'].get('heading')}»"
        )
        found_a, ia = initiative_of(db, pair["a"])
        found_b, ib = initiative_of(db, pair["b"])
        if not (found_a and found_b):
            s.unscored.append(name)
            continue
        same = ia is not None and ia == ib
        gold = bool(pair["same"])
        if gold and same:
            s.tp += 1
        elif same:
            s.fp += 1
            s.wrong.append(f"linked, not the same: {name}")
        elif gold:
            s.fn += 1
            s.wrong.append(f"not linked: {name}")
        else:
            s.tn += 1
    return out


def _pct(x: Optional[float]) -> str:
    return "–" if x is None else f"{x:.2f}"


def report(scores: dict[bool, PairScores], details: bool = False) -> list[str]:
    lines = ["links across documents (pairs a reader labelled):"]
    for held_out, label in ((False, "tuned pairs"), (True, "held-out pairs")):
        s = scores[held_out]
        lines.append(
            f"  {label}: precision {_pct(s.precision)}  recall {_pct(s.recall)}  "
            f"(tp {s.tp}, fp {s.fp}, fn {s.fn}, tn {s.tn}; {len(s.unscored)} not in the database)"
        )
        if details and not held_out:
            lines += [f"    {w}" for w in s.wrong]
    return lines


def as_json(scores: dict[bool, PairScores]) -> dict[str, Any]:
    return {"tuned": scores[False].as_dict(), "held_out": scores[True].as_dict()}
