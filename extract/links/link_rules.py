"""The rules of linking across documents (``rules/initiatives.yml``, ``rules/abbreviations.yml``),
loaded and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.rules import (
    RuleError,
    require_examples,
    require_keys,
    require_mapping,
    require_number,
    require_regex,
    require_strings,
)

FATES = ("continued", "expanded", "reduced", "ended", "evaluated")


@dataclass(frozen=True)
class Fate:
    fate: str
    pattern: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class ReferenceRules:
    """How a text cites a meeting's item, and how a document's path names its meeting."""

    patterns: tuple[re.Pattern, ...]
    months: dict[str, int]
    two_digit_pivot: int
    meeting_path: re.Pattern
    transliterate: dict[str, str]
    min_ratio: float
    window: int
    examples: tuple
    path_examples: tuple
    body_examples: tuple
    procedure: re.Pattern  # the bodies an agenda item's text says handle it ("Sagsprocedure")
    body_split: re.Pattern
    item_in_text: re.Pattern  # the item number the text gives ("Punkt 7")
    header_chars: int
    procedure_examples: tuple
    item_examples: tuple


@dataclass(frozen=True)
class BudgetArea:
    area: str
    pattern: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class InitiativeRules:
    unit_roles: tuple[str, ...]
    series_roles: tuple[str, ...]
    not_unit_heading: re.Pattern
    list_item: re.Pattern
    list_item_max_words: int
    list_item_examples: tuple
    not_unit_examples: tuple
    unit_examples: tuple
    title_year: re.Pattern
    period: re.Pattern
    period_examples: tuple
    generic_words: frozenset[str]
    generic_examples: tuple
    series: re.Pattern
    series_examples: tuple
    series_not_examples: tuple
    edition_min_ratio: float
    edition_ignore: frozenset[str]
    edition_examples: tuple
    name_min_ratio: float
    name_min_chars: int
    name_min_cover: float
    supported_min_ratio: float
    supported_min_amount: float
    continuation_min_ratio: float
    continuation_window: int
    link_examples: tuple
    continuation: re.Pattern
    continuation_examples: tuple
    fates: tuple[Fate, ...]
    path_date: re.Pattern
    references: ReferenceRules
    candidate_prefix: int
    series_min_words: int
    series_min_share: float
    areas: tuple[BudgetArea, ...]
    area_score: float


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansion: str
    examples: tuple


@dataclass(frozen=True)
class AbbreviationRules:
    curated: tuple[Abbreviation, ...]
    definition: re.Pattern
    max_words: int
    definition_examples: tuple


_KEYS = ["unit_roles", "series_sections", "title_year", "period", "generic", "series", "editions", "links",
         "continuation", "fates", "path_date", "references", "budget_areas"]  # fmt: skip


def _named_patterns(entries, section: str, key: str, allowed: Optional[tuple[str, ...]] = None):
    """(name, pattern, examples) of each entry of a list of named patterns ("budget_areas",
    "fates"), the name one of ``allowed`` when given."""
    if not isinstance(entries, list) or not entries:
        raise RuleError(section, "must be a non-empty list")
    out = []
    for entry in entries:
        entry = require_keys(entry, section, [key, "pattern", "examples"])
        name = str(entry[key])
        if allowed is not None and name not in allowed:
            raise RuleError(section, f"{key} is {name!r}; allowed values: {list(allowed)}")
        out.append((name, require_regex(entry["pattern"], name), require_examples(entry, name)))
    return out


def _areas(entries) -> tuple[BudgetArea, ...]:
    return tuple(BudgetArea(*e) for e in _named_patterns(entries, "budget_areas", "area"))


def _fates(entries) -> tuple[Fate, ...]:
    return tuple(Fate(*e) for e in _named_patterns(entries, "fates", "fate", FATES))


def _references(data) -> ReferenceRules:
    keys = ["patterns", "months", "two_digit_pivot", "meeting_path", "transliterate", "min_ratio", "window",
            "examples", "path_examples", "body_examples", "from_text"]  # fmt: skip
    data = require_keys(data, "references", keys)
    patterns = tuple(require_regex(p, "references.patterns") for p in require_strings(data["patterns"], "references"))
    for p in patterns:
        if not {"day", "month", "year", "item"} <= set(p.groupindex):
            raise RuleError("references.patterns", f"{p.pattern!r} needs the groups day, month, year and item")
    path = require_regex(data["meeting_path"], "references.meeting_path")
    if not {"place", "body", "date", "item"} <= set(path.groupindex):
        raise RuleError("references.meeting_path", "needs the groups place, body, date and item")
    months = require_strings(data["months"], "references.months")
    if len(months) != 12:
        raise RuleError("references.months", "must name the twelve months in order")
    letters = require_mapping(data["transliterate"], "references.transliterate")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in letters.items()):
        raise RuleError("references.transliterate", "must map letters to letters")
    from_text = ["procedure", "body_split", "item", "header_chars", "procedure_examples", "item_examples"]
    text = require_keys(data["from_text"], "references.from_text", from_text)
    procedure = require_regex(text["procedure"], "references.from_text", "procedure")
    item = require_regex(text["item"], "references.from_text", "item")
    if "bodies" not in procedure.groupindex or "item" not in item.groupindex:
        raise RuleError("references.from_text", "procedure needs the group bodies, item the group item")
    return ReferenceRules(
        procedure=procedure,
        body_split=require_regex(text["body_split"], "references.from_text", "body_split"),
        item_in_text=item,
        header_chars=require_number(text, "header_chars", "references.from_text", int, 1, 100000),
        procedure_examples=require_examples({"examples": text["procedure_examples"]}, "references.procedure"),
        item_examples=require_examples({"examples": text["item_examples"]}, "references.item"),
        patterns=patterns,
        months={m.lower(): n for n, m in enumerate(months, 1)},
        two_digit_pivot=require_number(data, "two_digit_pivot", "references", int, 0, 99),
        meeting_path=path,
        transliterate=dict(letters),
        min_ratio=require_number(data, "min_ratio", "references", float, 0, 100),
        window=require_number(data, "window", "references", int),
        examples=require_examples(data, "references"),
        path_examples=require_examples({"examples": data["path_examples"]}, "references.path_examples"),
        body_examples=require_examples({"examples": data["body_examples"]}, "references.body_examples"),
    )


def load_initiative_rules(data) -> InitiativeRules:
    data = require_keys(data, "-", _KEYS)
    generic = require_keys(data["generic"], "generic", ["words", "examples"])
    sections = require_keys(
        data["series_sections"], "series_sections", ["roles", "not_heading", "list_item", "examples", "not_examples"]
    )
    items = require_keys(sections["list_item"], "series_sections.list_item", ["pattern", "max_words", "examples"])
    period = require_keys(data["period"], "period", ["pattern", "examples"])
    series = require_keys(data["series"], "series", ["pattern", "examples", "not_examples"])
    editions = require_keys(data["editions"], "editions", ["min_ratio", "ignore", "examples"])
    links = require_keys(
        data["links"], "links", ["candidates", "series", "name", "supported", "continuation", "area", "examples"]
    )
    candidates = require_keys(links["candidates"], "links.candidates", ["prefix"])
    alike = require_keys(links["series"], "links.series", ["min_words", "min_share"])
    area = require_keys(links["area"], "links.area", ["score"])
    name = require_keys(links["name"], "links.name", ["min_ratio", "min_chars", "min_cover"])
    supported = require_keys(links["supported"], "links.supported", ["min_ratio", "min_amount"])
    cont = require_keys(links["continuation"], "links.continuation", ["min_ratio", "window"])
    continuation = require_keys(data["continuation"], "continuation", ["pattern", "examples"])
    fates = _fates(data["fates"])
    return InitiativeRules(
        unit_roles=require_strings(data["unit_roles"], "unit_roles"),
        series_roles=require_strings(sections["roles"], "series_sections"),
        not_unit_heading=require_regex(sections["not_heading"], "series_sections", "not_heading"),
        list_item=require_regex(items["pattern"], "series_sections.list_item"),
        list_item_max_words=require_number(items, "max_words", "series_sections.list_item", int),
        list_item_examples=require_examples(items, "series_sections.list_item"),
        not_unit_examples=require_examples(sections, "series_sections"),
        unit_examples=require_strings(sections["not_examples"], "series_sections"),
        title_year=require_regex(data["title_year"], "title_year"),
        period=require_regex(period["pattern"], "period"),
        period_examples=require_examples(period, "period"),
        generic_words=frozenset(w.lower() for w in require_strings(generic["words"], "generic")),
        generic_examples=require_examples(generic, "generic"),
        series=require_regex(series["pattern"], "series"),
        series_examples=require_examples(series, "series"),
        series_not_examples=require_strings(series["not_examples"], "series"),
        edition_min_ratio=require_number(editions, "min_ratio", "editions", float),
        edition_ignore=frozenset(require_strings(editions["ignore"], "editions")),
        edition_examples=require_examples(editions, "editions"),
        name_min_ratio=require_number(name, "min_ratio", "links.name", float),
        name_min_chars=require_number(name, "min_chars", "links.name", int),
        name_min_cover=require_number(name, "min_cover", "links.name", float),
        supported_min_ratio=require_number(supported, "min_ratio", "links.supported", float),
        supported_min_amount=require_number(supported, "min_amount", "links.supported", float),
        continuation_min_ratio=require_number(cont, "min_ratio", "links.continuation", float),
        continuation_window=require_number(cont, "window", "links.continuation", int),
        link_examples=require_examples(links, "links"),
        continuation=require_regex(continuation["pattern"], "continuation"),
        continuation_examples=require_examples(continuation, "continuation"),
        fates=fates,
        path_date=require_regex(data["path_date"], "path_date"),
        references=_references(data["references"]),
        candidate_prefix=require_number(candidates, "prefix", "links.candidates", int, 1, 30),
        series_min_words=require_number(alike, "min_words", "links.series", int, 1, 20),
        series_min_share=require_number(alike, "min_share", "links.series", float, 0, 1),
        areas=_areas(data["budget_areas"]),
        area_score=require_number(area, "score", "links.area", float, 0, 100),
    )


def load_abbreviation_rules(data) -> AbbreviationRules:
    data = require_keys(data, "-", ["curated", "definition"])
    if not isinstance(data["curated"], list):
        raise RuleError("curated", "must be a list of {abbr, expansion, examples}")
    curated = []
    for entry in data["curated"]:
        entry = require_keys(
            require_mapping(entry, "curated"), str(entry.get("abbr", "curated")), ["abbr", "expansion", "examples"]
        )
        curated.append(Abbreviation(entry["abbr"], entry["expansion"], require_examples(entry, entry["abbr"])))
    definition = require_keys(data["definition"], "definition", ["pattern", "max_words", "examples"])
    return AbbreviationRules(
        curated=tuple(curated),
        definition=require_regex(definition["pattern"], "definition"),
        max_words=require_number(definition, "max_words", "definition", int),
        definition_examples=require_examples(definition, "definition"),
    )
