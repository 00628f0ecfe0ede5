"""Document metadata: title, date, kind, case and document number, author.

Labels ("Sagsnr.", "Dokumentnr."/"Dok.nr.", "Sagsbehandler", "Dato:", "Sidst
opdateret:") are read near the top of the document; the value follows the label on
the same line or alone on the next line. The date is a labelled date, else a line
holding only a date before the first section (the budget note's "23-09-2012");
dates inside sentences are never the document's date, so a document without such a
line has no date. The title is the first title line (``extract.structure.sections.find_title``);
the kind comes from title words (``rules/document_meta.yml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.extractors.dates import DateRules, parse_date_expression
from extract.records import DocumentMeta, Section, SourceText
from extract.rules import RuleError, require_keys, require_regex
from extract.structure.headings import HeadingRules
from extract.structure.sections import find_title

FIELDS = ("case_number", "document_number", "author", "date")


@dataclass(frozen=True)
class LabelRule:
    id: str
    field: str
    label: re.Pattern
    value: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class KindRule:
    id: str
    kind: str
    pattern: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class MetaRules:
    search_chars: int
    labels: tuple[LabelRule, ...]
    date_line: re.Pattern
    date_line_id: str
    date_line_examples: tuple
    kinds: tuple[KindRule, ...]


def _label(entry, i: int) -> LabelRule:
    rid = entry.get("id", f"labels[{i}]") if isinstance(entry, dict) else f"labels[{i}]"
    entry = require_keys(entry, rid, ["id", "field", "pattern", "value", "examples"])
    if entry["field"] not in FIELDS:
        raise RuleError(rid, f"field is {entry['field']!r}; allowed values: {list(FIELDS)}")
    if not entry["examples"]:
        raise RuleError(rid, "needs a non-empty list of real Danish 'examples'")
    return LabelRule(
        rid,
        entry["field"],
        require_regex(entry["pattern"], rid),
        require_regex(entry["value"], rid, "value"),
        tuple(entry["examples"]),
    )


def _kind(entry, i: int) -> KindRule:
    rid = entry.get("id", f"kinds[{i}]") if isinstance(entry, dict) else f"kinds[{i}]"
    entry = require_keys(entry, rid, ["id", "kind", "pattern", "examples"])
    if not entry["examples"] or not all(isinstance(e, str) for e in entry["examples"]):
        raise RuleError(rid, "needs 'examples': a list of real titles of this kind")
    return KindRule(rid, entry["kind"], require_regex(entry["pattern"], rid), tuple(entry["examples"]))


def load_rules(data) -> MetaRules:
    data = require_keys(data, "-", ["search_chars", "labels", "date_line", "kinds"])
    line = require_keys(data["date_line"], "date_line", ["id", "pattern", "examples"])
    pattern = require_regex(line["pattern"], line["id"])
    if "value" not in pattern.groupindex:
        raise RuleError(line["id"], "pattern needs a group named 'value'")
    return MetaRules(
        search_chars=int(data["search_chars"]),
        labels=tuple(_label(e, i) for i, e in enumerate(data["labels"])),
        date_line=re.compile(pattern.pattern, pattern.flags | re.M),
        date_line_id=line["id"],
        date_line_examples=tuple(line["examples"]),
        kinds=tuple(_kind(e, i) for i, e in enumerate(data["kinds"])),
    )


def iso_date(text: str, dates: DateRules) -> Optional[str]:
    """A written day ("23-09-2012", "26.11.09", "24. april 2008") as an ISO date."""
    found = parse_date_expression(text.strip(), dates)
    if found is None or found.precision != "day":
        return None
    return found.start.isoformat()


def label_value(text: str, rule: LabelRule, dates: DateRules) -> Optional[str]:
    """The value after the first occurrence of the rule's label (same or next line)."""
    for m in re.finditer(rule.label.pattern, text, rule.label.flags | re.M):
        rest = text[m.end() :]
        rest = re.sub(r"^[ \t]*:?[ \t]*(?:\n[ \t]*)?", "", rest, count=1)
        value = rule.value.match(rest)
        if value:
            found = value.group(0).strip()
            return iso_date(found, dates) if rule.field == "date" else found
    return None


def labelled_fields(text: str, r: MetaRules, dates: DateRules) -> dict[str, str]:
    head = text[: r.search_chars]
    fields: dict[str, str] = {}
    for rule in r.labels:
        if rule.field not in fields:
            value = label_value(head, rule, dates)
            if value:
                fields[rule.field] = value
    return fields


def date_alone(text: str, limit: int, r: MetaRules, dates: DateRules) -> Optional[str]:
    """A line holding only a date, before ``limit``."""
    for m in r.date_line.finditer(text[:limit]):
        value = iso_date(m.group("value"), dates)
        if value:
            return value
    return None


def kind_of(title: Optional[str], r: MetaRules) -> Optional[str]:
    for rule in r.kinds:
        if title and rule.pattern.search(title):
            return rule.kind
    return None


def find_meta(
    src: SourceText, sections: list[Section], r: MetaRules, headings: HeadingRules, dates: DateRules
) -> DocumentMeta:
    """The document's title, date, kind, case and document number and author."""
    title_found = find_title(src, headings)
    title = title_found[1] if title_found else None
    fields = labelled_fields(src.text, r, dates)
    first_section = sections[0].char_start if sections else len(src.text)
    date = fields.get("date") or date_alone(src.text, min(first_section, r.search_chars), r, dates)
    return DocumentMeta(
        title=title,
        date=date,
        kind=kind_of(title, r),
        case_number=fields.get("case_number"),
        document_number=fields.get("document_number"),
        author=fields.get("author"),
    )
