"""A built knowledge base scored, field by field, against a reader's labels of documents
(``tests/golden/dev/``: title, date, headings with levels and roles, amounts, milestones,
target-group statements).

Records are matched by place: a labelled amount, milestone or statement is found in the
document's text by its quote (with ``near``/``nth``) and matched to the record of the
database that stands there; headings are matched by their text, in order. Precision is
the share of the database's records a label matches, recall the share of labels matched;
for matched records, the share whose values (years, kind, bounds, groups, level, role …)
are right. Pure over rows: :func:`score` takes what :func:`document_rows` reads.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from extract.evaluation.labels import LabelFile, find_document
from extract.facts.corrections import locate

FIELDS = ("sections", "amounts", "milestones", "target_groups")
# For each field, the values compared on matched records: label key → database column(s).
VALUES = {
    "sections": ("level", "role"),
    "amounts": ("value_dkk", "years", "per_year", "kind"),
    "milestones": ("bounds", "precision", "kind"),
    "target_groups": ("groups", "ages"),
}


@dataclass
class FieldScore:
    matched: int = 0
    labelled: int = 0
    built: int = 0
    right: dict[str, int] = field(default_factory=dict)  # value → matched records with it right
    misses: list[str] = field(default_factory=list)  # labels not found, records no label holds, values wrong

    def add(self, other: "FieldScore") -> None:
        self.matched += other.matched
        self.labelled += other.labelled
        self.built += other.built
        for k, v in other.right.items():
            self.right[k] = self.right.get(k, 0) + v

    @property
    def precision(self) -> Optional[float]:
        return self.matched / self.built if self.built else None

    @property
    def recall(self) -> Optional[float]:
        return self.matched / self.labelled if self.labelled else None


@dataclass
class DocumentFields:
    name: str
    held_out: bool
    fields: dict[str, FieldScore]
    title_right: bool
    date_right: bool
    title: tuple[Optional[str], Optional[str]]  # (labelled, built)
    date: tuple[Optional[str], Optional[str]]


def document_rows(db, label: LabelFile) -> Optional[dict[str, Any]]:
    doc_id = find_document(db, label)
    if doc_id is None:
        return None

    def q(sql: str) -> list[dict]:
        return list(db.query(sql, [doc_id]))

    return {
        "document": q("select title, date from documents where id = ?")[0],
        "text": q("select text from texts where document_id = ?")[0]["text"],
        "sections": q(
            "select heading, number, level, role, char_start from sections where document_id = ? order by position"
        ),
        "amounts": q(
            "select char_start, char_end, quote, value_dkk, year_from, year_to, per_year, kind "
            "from amounts where document_id = ? order by char_start"
        ),  # fmt: skip
        "milestones": q(
            "select char_start, char_end, date_text, date_start, date_end, precision, kind "
            "from milestones where document_id = ? order by char_start"
        ),  # fmt: skip
        "target_groups": q(
            "select char_start, char_end, quote, groups, age_min, age_max "
            "from target_groups where document_id = ? order by char_start"
        ),  # fmt: skip
    }


def _norm(text: Optional[str]) -> str:
    """A heading or title as compared: no markup, no final colon, case and spaces folded."""
    text = re.sub(r"[#*_]+", " ", text or "")
    return " ".join(text.split()).strip(" :.").casefold()


def _values(kind: str, label: dict, row: dict) -> dict[str, bool]:
    if kind == "sections":
        return {"level": label.get("level") == row["level"], "role": label.get("role") == row["role"]}
    if kind == "amounts":
        value = label.get("value_dkk")  # stored in whole kroner: a sum with øre is right within half a krone
        return {"value_dkk": value is None and row["value_dkk"] is None
                or value is not None and abs(abs(value) - abs(row["value_dkk"] or 0)) <= 0.5,
                "years": (label.get("year_from"), label.get("year_to")) == (row["year_from"], row["year_to"]),
                "per_year": bool(label.get("per_year")) == bool(row["per_year"]),
                "kind": label.get("kind") == row["kind"]}  # fmt: skip
    if kind == "milestones":
        return {
            "bounds": (label["date_start"], label["date_end"]) == (row["date_start"], row["date_end"]),
            "precision": label.get("precision") == row["precision"],
            "kind": label.get("kind") == row["kind"],
        }
    return {
        "groups": sorted(label.get("groups") or []) == sorted(json.loads(row["groups"] or "[]")),
        "ages": (label.get("age_min"), label.get("age_max")) == (row["age_min"], row["age_max"]),
    }


def _match_by_place(kind: str, labels: list[dict], rows: list[dict], text: str, score: FieldScore) -> None:
    key = "date_text" if kind == "milestones" else "quote"
    used: set[int] = set()
    for label in labels:
        quote = label[key]
        at = locate(text, quote, label.get("near"), label.get("nth"))
        if at is None:
            score.misses.append(f"{kind}: {quote!r} is not in the text")
            continue
        end = at + len(quote)
        found = [i for i, r in enumerate(rows) if i not in used and r["char_start"] < end and at < r["char_end"]]
        if kind == "milestones":  # "3. og 7. maj 2024": two milestones at one place, told by their days
            found.sort(key=lambda i: rows[i]["date_start"] != label.get("date_start"))
        if not found:
            score.misses.append(f"{kind}: {quote!r} not found")
            continue
        used.add(found[0])
        _count(kind, label, rows[found[0]], score)
    score.misses += [f"{kind}: {r.get('quote') or r.get('date_text')!r} has no label"
                     for i, r in enumerate(rows) if i not in used]  # fmt: skip


# For a value that differs, what the label and the record hold (the database's column names).
SHOWN = {"level": ("level",), "role": ("role",), "value_dkk": ("value_dkk",), "years": ("year_from", "year_to"),
         "per_year": ("per_year",), "kind": ("kind",), "bounds": ("date_start", "date_end"),
         "precision": ("precision",), "groups": ("groups",), "ages": ("age_min", "age_max")}  # fmt: skip


def _count(kind: str, label: dict, row: dict, score: FieldScore) -> None:
    score.matched += 1
    for name, ok in _values(kind, label, row).items():
        score.right[name] = score.right.get(name, 0) + ok
        if not ok:
            keys = SHOWN[name]
            labelled = "/".join(str(label.get(k)) for k in keys)
            built = "/".join(str(row.get(k)) for k in keys)
            score.misses.append(f"{kind}: {label.get('quote') or label.get('date_text') or label.get('heading')!r}: "
                                f"{name} differs (labelled {labelled}, built {built})")  # fmt: skip


def _heading_texts(row: dict, text: str = "") -> set[str]:
    """A heading as a reader may write it: with or without its number ("1. Stjernehuset"), or as
    its line in the document reads (an item's number written in words: "Punkt 3: Stjernehuset")."""
    heading, number = row["heading"], row.get("number")
    forms = {heading} | ({f"{number} {heading}", f"{number}. {heading}"} if number else set())
    start = row.get("char_start")
    if number and text and start is not None:
        end = text.find("\n", start)
        forms.add(text[start : end if end >= 0 else len(text)])
    return {_heading_key(f) for f in forms}


def _heading_key(text: Optional[str]) -> str:
    """A heading as compared: as ``_norm``, and blind to where a PDF's text put its spaces
    ("Strategier &planer" is "Strategier & planer")."""
    return "".join(_norm(text).split())


def _match_headings(labels: list[dict], rows: list[dict], score: FieldScore, text: str = "") -> None:
    """Headings in order: the labels matched to database headings of the same text, as many as an
    order-keeping alignment allows (a heading missed once, or repeated further down, takes no
    later heading's match away)."""
    rows = [r for r in rows if _norm(r["heading"])]  # a section before the first heading has none
    score.built = len(rows)
    pairs = _aligned([_heading_key(label["heading"]) for label in labels], [_heading_texts(r, text) for r in rows])
    for i, label in enumerate(labels):
        if i in pairs:
            _count("sections", label, rows[pairs[i]], score)
        else:
            score.misses.append(f"sections: {label['heading']!r} not found")
    matched = set(pairs.values())
    score.misses += [f"sections: {r['heading']!r} has no label" for i, r in enumerate(rows) if i not in matched]


def _aligned(wants: list[str], forms: list[set[str]]) -> dict[int, int]:
    """The longest order-keeping matching of ``wants`` to ``forms`` (label index → row index), the
    earliest rows taken where several matchings are as long."""
    n, m = len(wants), len(forms)
    best = [[0] * (m + 1) for _ in range(n + 1)]  # best[i][j]: matches of wants[i:] with forms[j:]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            same = best[i + 1][j + 1] + 1 if wants[i] in forms[j] else 0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], same)
    pairs, i, j = {}, 0, 0
    while i < n and j < m:
        if wants[i] in forms[j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs[i], i, j = j, i + 1, j + 1
        elif best[i][j + 1] == best[i][j]:
            j += 1
        else:
            i += 1
    return pairs


def score(label: LabelFile, rows: dict[str, Any]) -> DocumentFields:
    fields = {}
    for kind in FIELDS:
        labels = label.data.get(kind) or []
        s = FieldScore(labelled=len(labels), built=len(rows[kind]))
        if kind == "sections":
            _match_headings(labels, rows[kind], s, rows["text"])
        else:
            _match_by_place(kind, labels, rows[kind], rows["text"], s)
        fields[kind] = s
    doc = rows["document"]
    title, date = (label.data.get("title"), doc["title"]), (label.data.get("date"), doc["date"])
    return DocumentFields(label.path.stem, label.held_out, fields, _norm(title[0]) == _norm(title[1]),
                          date[0] == date[1], title, date)  # fmt: skip


def evaluate(db, labels: list[LabelFile]) -> tuple[list[DocumentFields], list[str]]:
    scores, missing = [], []
    for label in labels:
        rows = document_rows(db, label)
        if rows is None:
            missing.append(label.document)
        else:
            scores.append(score(label, rows))
    return scores, missing


def _pr(s: FieldScore) -> str:
    p, r = s.precision, s.recall
    return f"{'-' if p is None else f'{p:.2f}'}/{'-' if r is None else f'{r:.2f}'}"


def _rights(s: FieldScore, kind: str) -> str:
    return " ".join(f"{k} {s.right.get(k, 0) / s.matched:.2f}" for k in VALUES[kind]) if s.matched else ""


def report(scores: list[DocumentFields], details: bool = False) -> list[str]:
    """Per document, then the tuned and held-out documents together, per field."""
    lines = []
    for d in scores:
        parts = [f"{k} {_pr(d.fields[k])}" for k in FIELDS]
        lines.append(f"{d.name}{' (held out)' if d.held_out else ''}: title {'ok' if d.title_right else 'WRONG'}, "
                     f"date {'ok' if d.date_right else 'WRONG'}; " + "  ".join(parts))  # fmt: skip
        if details and not d.held_out:
            if not d.title_right:
                lines.append(f"    - title: labelled {d.title[0]!r}, built {d.title[1]!r}")
            if not d.date_right:
                lines.append(f"    - date: labelled {d.date[0]!r}, built {d.date[1]!r}")
            lines += [f"    - {m}" for k in FIELDS for m in d.fields[k].misses]
    for held_out in (False, True):
        group = [d for d in scores if d.held_out == held_out]
        if not group:
            continue
        lines.append(f"{'held-out' if held_out else 'tuned'} documents ({len(group)}): precision/recall, and of "
                     "the matched records the share with each value right")  # fmt: skip
        for kind in FIELDS:
            total = FieldScore()
            for d in group:
                total.add(d.fields[kind])
            lines.append(f"  {kind:14} {_pr(total)}  ({total.matched} matched of {total.labelled} labelled, "
                         f"{total.built} built)  {_rights(total, kind)}")  # fmt: skip
        lines.append(f"  title right {sum(d.title_right for d in group)} of {len(group)}, "
                     f"date right {sum(d.date_right for d in group)} of {len(group)}")  # fmt: skip
    return lines


def as_json(scores: list[DocumentFields]) -> dict[str, Any]:
    """Per document and field: [precision, recall] (null where nothing was built or labelled),
    and whether the title and date are right."""
    out: dict[str, Any] = {}
    for d in scores:
        out[d.name] = {k: [d.fields[k].precision, d.fields[k].recall] for k in FIELDS}
        out[d.name].update(held_out=d.held_out, title=d.title_right, date=d.date_right)
    return out
