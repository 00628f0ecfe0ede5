"""The rules of target-group extraction (``rules/target_groups.yml``), loaded and validated.

Frozen dataclasses for the label vocabulary and the statement, list, age, match-group
and size patterns; every æ, ø, å in a pattern also matches its OCR-damaged forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.extractors.target_group_rule_parts import (
    BareConjunctRule,
    InitiativeListRule,
    _bare_conjunct_rule,
    _bounds,
    _initiative_list_rule,
    _labels_named,
    _placeholders,
    _regex,
    _word,
)
from extract.rules import RuleError, require_choice, require_examples, require_keys, require_number, require_regex

_TOP_KEYS = [
    "ocr_letters",
    "fuzzy",
    "not_after_window",
    "heading_line_max",
    "not_after_stops",
    "labels",
    "continuation",
    "not_statement",
    "contents_line",
    "statements",
    "label",
    "lists",
    "table_titles",
    "initiative_lists",
    "question_headings",
    "answer_paragraph",
    "question_line",
    "section_body_end",
    "age_bounds",
    "named_age_max",
    "child_age_bounds",
    "child_label",
    "ages",
    "young_age_max",
    "match_groups",
    "placeholders",
    "sizes",
    "section_role",
    "section_rule",
    "no_label",
    "young_label",
    "senior_age_min",
    "senior_label",
    "elderly_age_min",
    "elderly_label",
    "size_not_after",
    "title_context",
    "title_context_with",
    "section_continues",
    "section_opens",
    "compound_thing_heads",
    "bare_conjunct",
    "quoted_name",
    "unit_name",
    "name_line",
    "item_list_line",
    "defined_group",
    "enumeration_tail",
]


@dataclass(frozen=True)
class LabelRule:
    id: str
    stems: tuple[str, ...]
    words: tuple[re.Pattern, ...]
    phrases: tuple[str, ...]
    not_after: frozenset[str]
    fallback: bool
    examples: tuple
    patterns: tuple[re.Pattern, ...] = ()  # regexes on the statement's lowercased text ("8. og 9. klasse")
    not_in_phrase: bool = False  # a word of another label's phrase does not count ("forsikrede ledige")
    not_before: frozenset[str] = frozenset()  # the token does not count before these words ("ledige lokaler")


@dataclass(frozen=True)
class PatternRule:
    """A regex rule: statement cues, ages and sizes share this shape."""

    id: str
    pattern: re.Pattern
    examples: tuple
    position: str = "anywhere"
    needs_label: bool = False
    age_min: Optional[int] = None
    age_max: Optional[int] = None
    max_adjust: int = 0
    sum_all: bool = False
    in_roles: tuple[str, ...] = ()  # only in a section of one of these roles (or below one); () anywhere
    label_within: Optional[int] = None  # needs_label: the group stands in the next so many words after the cue
    label_in_cue: bool = False  # needs_label: the group stands in the cue (in its part named "group", if any)
    weak_group: bool = False  # needs_label: a fallback group ("kommunens borgere") is enough after this cue
    min_labels: int = 1  # needs_label: the named text holds at least so many labels (an enumeration of groups)
    names_years: bool = False  # ages: the pattern reads the word for years itself ("over 75 år"): up to named_age_max


@dataclass(frozen=True)
class TargetGroupRules:
    labels: tuple[LabelRule, ...]
    not_after_window: int
    heading_line_max: int  # the longest line read as a heading a sentence took in (a start rule may start after it)
    not_after_stops: frozenset[str]  # words that end the window before a token ("til gavn for virksomheder")
    not_statement: re.Pattern
    contents_line: re.Pattern  # a line of a table of contents: never a statement
    fuzzy_min_stem: int
    fuzzy_min_ratio: float
    fuzzy_fold: tuple[tuple[str, str], ...]
    fuzzy_examples: tuple
    continuation: PatternRule
    statements: tuple[PatternRule, ...]
    label: PatternRule
    list_rule: PatternRule
    list_bullet: re.Pattern
    list_paragraph: re.Pattern  # a paragraph, or a line that opens with a bullet (lists written one item a line)
    list_max_label: int
    list_bare_words: int  # a list copied without bullets: each item a paragraph of one line of at most so many words
    list_bare_lead_words: int  # … that names its group in its first so many words
    list_intro_named: Optional[re.Pattern]  # an intro whose items count only when they name a specific group
    list_named_item_not: Optional[re.Pattern]  # ... and do not state a rate or mean of it
    table_title: PatternRule
    section_body_end: re.Pattern
    section_continues: re.Pattern  # a sentence of a Målgruppe section that says more about the statement before it
    section_opens: re.Pattern  # a cue that lets a later sentence of a Målgruppe section open a statement
    initiative_lists: "InitiativeListRule"
    age_bounds: tuple[int, int]
    named_age_max: int  # the oldest age a pattern that names the years itself reads (an elderly person's "fyldt 80 år")
    child_age_bounds: tuple[int, int]  # the age bounds of a statement about children (child_label)
    child_label: str
    ages: tuple[PatternRule, ...]
    young_age_max: int
    match_groups: PatternRule
    match_range_words: frozenset[str]
    match_words: re.Pattern  # a number, range word or list word inside a match-group expression
    size_not_after: re.Pattern
    sizes: tuple[PatternRule, ...]
    section_role: str  # the role of a section whose body is a statement
    section_rule: str  # the rule id of such a statement
    no_label: str  # the label of a statement that names no group of the vocabulary
    young_label: str  # the label of a statement about ages up to young_age_max
    senior_age_min: int = 50
    senior_label: str = "seniorer"  # the label of a statement about ages from senior_age_min
    elderly_age_min: int = 65
    elderly_label: str = "ældre"  # the label of a statement about ages from elderly_age_min (not seniorer)
    title_context: bool = False  # a statement naming no specific group takes the groups its document's title names
    title_context_with: frozenset[str] = frozenset()  # ... nor any but these (ages: "unge")
    compound_thing_heads: tuple[str, ...] = ()  # a stem followed by one of these names a thing ("flygtningeboliger")
    bare_conjunct: Optional["BareConjunctRule"] = None  # a fallback word bare in an enumeration keeps its label
    quoted_name: Optional[re.Pattern] = None  # a name in quotes: its groups count only when no other is named
    quoted_name_examples: tuple = ()
    unit_name: Optional[re.Pattern] = None  # a unit's name in capitals inside a sentence: its words name no group
    unit_name_examples: tuple = ()
    name_line: Optional[re.Pattern] = None  # a grant's or pool's name alone on its line: no statement
    name_line_examples: tuple = ()
    item_list_line: Optional[re.Pattern] = None  # a line of a meeting's list of items: no statement
    item_list_examples: tuple = ()
    relative_clause: Optional[re.Pattern] = None  # a relative clause right after a group's head word
    defined_group: Optional[re.Pattern] = None  # persons a relative clause defines: a group after any cue
    defined_group_examples: tuple = ()
    enumeration_tail: Optional[PatternRule] = None  # ", børn og unge": an enumeration going on after a comma
    question_heading: Optional[PatternRule] = None  # "Hvem kan søge?": the paragraph after it says whom
    answer_paragraph: re.Pattern = re.compile(r"(?!)")  # … that paragraph: to a blank line or the next question
    question_line: re.Pattern = re.compile(r"(?!)")  # a line that asks the next question: an answer's list ends there


_CHOICES = {
    "position": ["start", "anywhere"],
    "needs_label": [True, False],
    "age_min": [None, 1, 2, 3],
    "age_max": [None, 1, 2, 3],
    "max_adjust": [-1, 0, 1],
    "sum_all": [True, False],
    "label_within": [None, *range(1, 13)],
    "label_in_cue": [True, False],
    "weak_group": [True, False],
    "min_labels": [1, 2, 3],
    "names_years": [True, False],
}


def _pattern_rule(entry: dict, rule: str, letters: dict, extra: tuple = (), flags: int = re.I) -> PatternRule:
    """A regex rule with examples; ``extra`` names the optional settings it may carry (see _CHOICES)."""
    rule = str(entry.get("id", rule)) if isinstance(entry, dict) else rule
    entry = require_keys(entry, rule, ["pattern", "examples"], ("id",) + extra)
    settings = {k: require_choice(entry[k], rule, k, _CHOICES[k]) for k in extra if k in entry and k in _CHOICES}
    if "in_roles" in entry:
        roles = entry["in_roles"]
        if not isinstance(roles, list) or not roles or not all(isinstance(x, str) for x in roles):
            raise RuleError(rule, "'in_roles' must be a list of section roles")
        settings["in_roles"] = tuple(roles)
    return PatternRule(
        id=rule,
        pattern=_regex(entry, "pattern", rule, letters, flags),
        examples=require_examples(entry, rule),
        **settings,
    )


def norm_form(word: str) -> str:
    """Lowercase and drop word-internal hyphens ("kontant-hjælpsmodtagere", "a-kasse")."""
    return re.sub(r"(?<=\w)-(?=\w)", "", word.lower())


def _load_label(entry: dict, i: int) -> LabelRule:
    rule = str(entry.get("id", f"labels[{i}]")) if isinstance(entry, dict) else f"labels[{i}]"
    entry = require_keys(
        entry,
        rule,
        ["id", "examples"],
        ["stems", "words", "phrases", "patterns", "not_after", "fallback", "not_in_phrase", "not_before"],
    )
    if not any(entry.get(k) for k in ("stems", "words", "phrases", "patterns")):
        raise RuleError(rule, "needs at least one of stems, words, phrases, patterns")
    words = [_regex({"w": w}, "w", rule, {}) for w in entry.get("words", [])]
    return LabelRule(
        id=entry["id"],
        stems=tuple(norm_form(s) for s in entry.get("stems", [])),
        words=tuple(words),
        phrases=tuple(entry.get("phrases", [])),
        not_after=frozenset(entry.get("not_after", [])),
        fallback=bool(entry.get("fallback", False)),
        examples=require_examples(entry, rule),
        patterns=tuple(_regex({"p": p}, "p", rule, {}) for p in entry.get("patterns", [])),
        not_in_phrase=bool(entry.get("not_in_phrase", False)),
        not_before=frozenset(entry.get("not_before", [])),
    )


def _rules_list(data: dict, key: str, letters: dict, extra: tuple) -> tuple[PatternRule, ...]:
    return tuple(_pattern_rule(e, f"{key}[{i}]", letters, extra) for i, e in enumerate(data[key]))


def _bare_limit(lists: dict, key: str, high: int) -> int:
    """A limit of a list copied without bullets (``lists``' ``bare_item_max_words`` and
    ``bare_item_lead_words``, both or neither): 0, reading no such list, when the rules set none."""
    if "bare_item_max_words" not in lists and "bare_item_lead_words" not in lists:
        return 0
    return require_number(lists, key, "lists", int, 1, high)


def load_rules(data) -> TargetGroupRules:
    data = require_keys(data, "-", _TOP_KEYS)
    quoted = require_keys(data["quoted_name"], "quoted_name", ["pattern", "examples"])
    unit = require_keys(data["unit_name"], "unit_name", ["pattern", "examples"])
    named = require_keys(data["name_line"], "name_line", ["pattern", "examples"])
    items = require_keys(data["item_list_line"], "item_list_line", ["pattern", "examples"])
    defined = require_keys(data["defined_group"], "defined_group", ["clause", "pattern", "examples"])
    letters = {k: list(v) for k, v in data["ocr_letters"].items()}
    fuzzy = require_keys(data["fuzzy"], "fuzzy", ["min_stem_length", "min_ratio", "fold", "examples"])
    list_keys = ["id", "intro", "bullet", "max_label_length", "examples"]
    list_optional = ["intro_named", "named_item_not", "bare_item_max_words", "bare_item_lead_words"]
    lists = require_keys(data["lists"], "lists", list_keys, list_optional)
    matches = require_keys(data["match_groups"], "match_groups", ["pattern", "range_words", "list_words", "examples"])
    fill = _placeholders(data["placeholders"])
    # an entry without a pattern stays without one (its loader says so), not an empty pattern
    sizes, statements = (
        [dict(e, pattern=fill(e["pattern"])) if isinstance(e, dict) and "pattern" in e else e for e in data[key]]
        for key in ("sizes", "statements")
    )
    bounds, child_bounds = _bounds(data, "age_bounds"), _bounds(data, "child_age_bounds")
    return TargetGroupRules(
        labels=tuple(_load_label(e, i) for i, e in enumerate(data["labels"])),
        not_after_window=int(data["not_after_window"]),
        heading_line_max=int(data["heading_line_max"]),
        not_after_stops=frozenset(data["not_after_stops"]),
        not_statement=_regex(data, "not_statement", "-", letters),
        contents_line=_regex(data, "contents_line", "-", letters, 0),
        fuzzy_min_stem=int(fuzzy["min_stem_length"]),
        fuzzy_min_ratio=float(fuzzy["min_ratio"]),
        fuzzy_fold=tuple(fuzzy["fold"].items()),
        fuzzy_examples=tuple(fuzzy["examples"]),
        continuation=_pattern_rule(data["continuation"], "continuation", letters),
        statements=_rules_list(
            {"statements": statements},
            "statements",
            letters,
            ("position", "needs_label", "in_roles", "label_within", "label_in_cue", "weak_group", "min_labels"),
        ),
        label=_pattern_rule(data["label"], "label", letters),
        list_rule=PatternRule(
            id=lists["id"], pattern=_regex(lists, "intro", "lists", letters), examples=require_examples(lists, "lists")
        ),
        list_bullet=_regex(lists, "bullet", "lists", {}, re.M),
        list_paragraph=re.compile(
            r"\S(?:.|\n(?![ \t]*\n)(?!" + _regex(lists, "bullet", "lists", {}).pattern.lstrip("^") + r"))*"
        ),
        list_max_label=int(lists["max_label_length"]),
        list_bare_words=_bare_limit(lists, "bare_item_max_words", 200),
        list_bare_lead_words=_bare_limit(lists, "bare_item_lead_words", 20),
        list_intro_named=_regex(lists, "intro_named", "lists", letters) if "intro_named" in lists else None,
        list_named_item_not=_regex(lists, "named_item_not", "lists", letters) if "named_item_not" in lists else None,
        table_title=_pattern_rule(data["table_titles"], "table_titles", letters, flags=re.M),
        initiative_lists=_initiative_list_rule(data["initiative_lists"], letters, data["labels"]),
        question_heading=_pattern_rule(data["question_headings"], "question_headings", letters, flags=re.I | re.M),
        answer_paragraph=require_regex(data["answer_paragraph"], "answer_paragraph"),
        question_line=require_regex(data["question_line"], "question_line"),
        section_body_end=re.compile(data["section_body_end"], re.M),
        section_continues=_regex(data, "section_continues", "section_continues", letters),
        section_opens=_regex(data, "section_opens", "section_opens", letters),
        age_bounds=bounds,
        named_age_max=require_number(data, "named_age_max", "named_age_max", int, bounds[1], 120),
        child_age_bounds=child_bounds,
        child_label=_labels_named({**data, "child_label": [data["child_label"]]}, "child_label")[0],
        ages=_rules_list(data, "ages", letters, ("age_min", "age_max", "max_adjust", "names_years")),
        young_age_max=int(data["young_age_max"]),
        senior_age_min=int(data["senior_age_min"]),
        elderly_age_min=int(data["elderly_age_min"]),
        title_context=require_choice(data["title_context"], "title_context", "title_context", [True, False]),
        title_context_with=frozenset(_labels_named(data, "title_context_with")),
        compound_thing_heads=tuple(norm_form(h) for h in data["compound_thing_heads"]),
        bare_conjunct=_bare_conjunct_rule(data["bare_conjunct"]),
        quoted_name=require_regex(quoted["pattern"], "quoted_name"),
        quoted_name_examples=require_examples(quoted, "quoted_name"),
        unit_name=require_regex(unit["pattern"], "unit_name"),
        unit_name_examples=require_examples(unit, "unit_name"),
        name_line=require_regex(named["pattern"], "name_line"),
        name_line_examples=require_examples(named, "name_line"),
        item_list_line=require_regex(items["pattern"], "item_list_line"),
        item_list_examples=require_examples(items, "item_list_line"),
        relative_clause=_regex(defined, "clause", "defined_group", letters),
        defined_group=_regex(defined, "pattern", "defined_group", letters),
        defined_group_examples=require_examples(defined, "defined_group"),
        enumeration_tail=_pattern_rule(data["enumeration_tail"], "enumeration_tail", letters),
        match_groups=_pattern_rule(matches, "match_groups", letters, ("range_words", "list_words")),
        match_range_words=frozenset(matches["range_words"]),
        match_words=re.compile(
            "|".join([r"\d", *(re.escape(w) for w in [*matches["range_words"], *matches["list_words"]])])
        ),
        size_not_after=require_regex(data["size_not_after"], "size_not_after"),
        sizes=_rules_list({"sizes": sizes}, "sizes", letters, ("sum_all",)),
        **{
            key: _word(data, key)
            for key in ("section_role", "section_rule", "no_label", "young_label", "senior_label", "elderly_label")
        },
    )
