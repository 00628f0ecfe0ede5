"""Corrections a user writes in ``corrections/*.yml``, loaded and validated.

A correction names a document (its sha256, or a prefix of at least 12 hex digits, or its
path), the quote of an amount in it (with ``near``/``nth`` when the quote occurs more than
once), the field of that amount's allocation to set, the right value and why::

    corrections:
      - document: sources/jobkonsulenter-redegoerelse-2007.txt
        quote: "14,530 mill. kr."
        near: "på i alt"
        field: status
        value: granted
        why: "the centres' share of the state grant, not a frame"

Every build applies them after extraction (:func:`extract.save.apply_corrections`), so a
correction survives re-extraction; one whose quote no longer occurs is reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml

from extract.facts.allocation_rules import SCOPES, STATUSES
from extract.rules import RuleError, require_keys

CORRECTIONS_DIR = Path("corrections")
_YEARS = re.compile(r"^\s*((?:19|20)\d\d)\s*(?:[-–]\s*((?:19|20)\d\d))?\s*$")


@dataclass(frozen=True)
class Correction:
    file: str  # the file's name, for messages
    number: int  # its place in the file, from 1
    document: str
    quote: str
    near: Optional[str]
    nth: Optional[int]
    field: str
    value: Any  # as the column takes it
    why: str

    @property
    def key(self) -> str:
        return f"{self.file}#{self.number}"

    def columns(self) -> dict[str, Any]:
        """The columns of ``allocations`` the correction sets."""
        if self.field == "years":
            return {"years": json.dumps(self.value), "year_from": min(self.value, default=None),
                    "year_to": max(self.value, default=None)}  # fmt: skip
        return {self.field: self.value}


def _years(value: Any) -> list[int]:
    if isinstance(value, int):
        return [value]
    if isinstance(value, list) and all(isinstance(y, int) for y in value):
        return sorted(set(value))
    m = _YEARS.match(str(value))
    if m:
        return list(range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1))
    raise ValueError("years are a year, a list of years or a range such as 2013-2016")


def _flag(value: Any) -> int:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return int(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a number of kroner (4000000, not '4 mio.')")
    return float(value)


def _choice(values: tuple[str, ...]):
    def check(value: Any) -> str:
        if value not in values:
            raise ValueError(f"must be one of {list(values)}")
        return value

    return check


FIELDS = {
    "value_dkk": _number,
    "status": _choice(STATUSES),
    "scope": _choice(SCOPES),
    "years": _years,
    "per_year": _flag,
    "spread": _flag,
    "is_total": _flag,
    "kind": lambda v: str(v),
}


def _correction(entry: Any, file: str, number: int) -> Correction:
    rid = f"correction {number}"
    entry = require_keys(entry, rid, ["document", "quote", "field", "value", "why"], ["near", "nth"])
    if entry["field"] not in FIELDS:
        raise RuleError(rid, f"field is {entry['field']!r}; allowed fields: {sorted(FIELDS)}")
    try:
        value = FIELDS[entry["field"]](entry["value"])
    except ValueError as e:
        raise RuleError(rid, f"value {entry['value']!r} of {entry['field']}: {e}") from None
    for key in ("document", "quote", "why"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise RuleError(rid, f"{key} must be a non-empty text")
    nth = entry.get("nth")
    if nth is not None and (not isinstance(nth, int) or nth < 1):
        raise RuleError(rid, "nth must be a whole number from 1")
    return Correction(file, number, entry["document"].strip(), entry["quote"], entry.get("near"), nth,
                      entry["field"], value, entry["why"].strip())  # fmt: skip


def load_file(path: Path) -> list[Correction]:
    """The corrections of one file (raises RuleError naming the file and the correction)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("corrections"), list):
            raise RuleError("-", "expected a mapping with a list 'corrections'")
        return [_correction(e, path.name, n) for n, e in enumerate(data["corrections"], start=1)]
    except yaml.YAMLError as e:
        raise RuleError("-", f"not valid YAML: {str(e).splitlines()[0]}").in_file(path.name) from None
    except RuleError as e:
        raise e.in_file(path.name) from None


def load_corrections(folder: Path = CORRECTIONS_DIR) -> list[Correction]:
    """Every correction of the folder's ``*.yml`` files (none when there is no folder)."""
    if not folder.is_dir():
        return []
    return [c for path in sorted(folder.glob("*.yml")) for c in load_file(path)]


def check_corrections(folder: Path = CORRECTIONS_DIR) -> list[str]:
    """The error of each invalid corrections file (empty: all good)."""
    errors = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        try:
            load_file(path)
        except RuleError as e:
            errors.append(str(e))
    return errors


def _pattern(quote: str) -> re.Pattern:
    """The quote, its spaces matching any run of white space (a PDF's line breaks)."""
    return re.compile(r"\s+".join(re.escape(w) for w in quote.split()) or re.escape(quote))


def locate(text: str, quote: str, near: Optional[str] = None, nth: Optional[int] = None) -> Optional[int]:
    """Where a quote stands in a text (any run of white space for a space; not inside a
    longer number: "5 mio." is not in "15 mio."): its ``nth`` occurrence, else the first
    with ``near`` written just before it (within a few words), else its first; None when it does not occur."""
    places = [m.start() for m in _pattern(quote).finditer(text)]
    places = [p for p in places if p == 0 or not (text[p - 1].isalnum() or text[p - 1] in ",.")]
    if not places:
        return None
    if nth:
        return places[nth - 1] if nth <= len(places) else None
    if near:
        near = " ".join(near.split())
        return next((p for p in places if near in " ".join(text[max(0, p - len(near) - 48) : p].split())), None)
    return places[0]
