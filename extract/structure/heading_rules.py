"""The rules of ``rules/headings.yml`` as frozen dataclasses, validated on load
(which lines are headings, role words, numbering, detectors, agenda fields, titles)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.records import INITIATIVE, OTHER, PREAMBLE
from extract.rules import RuleError, require_choice, require_examples, require_keys, require_number, require_regex
from extract.structure.agenda_rules import AgendaRules, load_agenda_rules, rule_ids
from extract.structure.title_rules import TitleRules, load_title_rules


@dataclass(frozen=True)
class RoleWords:
    id: str
    role: str
    words: tuple[str, ...]
    examples: tuple


@dataclass(frozen=True)
class PatternRule:
    id: str
    pattern: Optional[re.Pattern]
    style: Optional[str]
    examples: tuple


@dataclass(frozen=True)
class HeadingRules:
    fuzzy_min_ratio: float
    fuzzy_max_length_difference: int
    max_words: int
    max_chars: int
    max_plain_words: int  # a line of plain text with no mark of a heading has at most this many words
    plain_heading_list: re.Pattern  # … unless its commas join a list's items ("A, B og C")
    plain_heading_list_examples: tuple
    min_body_words: int  # an unmarked heading line stands over running text of at least this many words
    min_sentence_words: int  # … or over a sentence (final stop) of at least this many
    list_end_body_words: int  # the last short line of a list over a paragraph this long is its heading
    headline_words: int  # a headline with its verb, directly over its text, has at most this many words
    headline_not: re.Pattern  # … and opens with no pronoun ("Det mener vi ikke")
    over_list_not: re.Pattern  # a line alone over a bulleted list that leads in to it, no heading
    role_words: tuple[RoleWords, ...]
    role_word_ids: frozenset  # the ids of role_words: a standard sub-heading's words ("Formål", "Indledning")
    numbering: tuple[PatternRule, ...]
    detectors: dict
    heading_lines: tuple[PatternRule, ...]
    not_headings: tuple[PatternRule, ...]
    lead_in_ending: re.Pattern
    lead_in_examples: tuple
    sentence_cues: re.Pattern
    sentence_examples: tuple
    inverted_heading: re.Pattern  # a plan's short heading with its object first ("Det skal vi arbejde med")
    inverted_examples: tuple
    list_label_words: int  # a label over its list ("Hvem kan søge:") has at most this many words
    list_label_question: re.Pattern  # … and may read as a sentence when it opens with a question word
    list_label_asks: re.Pattern  # a short question with its "?", a heading also directly over its answer
    list_label_not: re.Pattern  # … never a sentence to the reader ("Du finder tidsplanen her:")
    list_label_verb: re.Pattern  # … nor a subject and its finite verb ("Direktionen indstiller:")
    list_label_lead_in: re.Pattern  # … nor a lead-in ("Udvalget godkendte følgende:", "Bl.a.:")
    list_label_name_role: re.Pattern  # … nor a speaker's name and role ("Anne Holm, formand:")
    list_label_examples: tuple
    not_title: re.Pattern
    not_title_examples: tuple
    evidence_roles: frozenset
    initiative_parent: re.Pattern
    initiative_examples: tuple
    table_row_role: str
    initiative_name: re.Pattern  # any format but a table: a heading naming one pool or grant scheme
    initiative_name_examples: tuple
    roles: tuple[str, ...]  # every role a section can have
    title_search_chars: int
    agenda: AgendaRules  # fields of agenda items and minutes
    marked_not_headings: frozenset  # ids of not_headings rules that reject "#" headings too
    sentence_not_headings: frozenset  # ids of not_headings rules that reject a sentence (a body may open so)
    title_not_headings: frozenset  # ids of not_headings rules that reject no title line (its date, two sentences)
    unnumbered_not_headings: frozenset  # ids of not_headings rules that reject no line with a heading number
    credit_not_headings: frozenset  # ids of not_headings rules whose line stands between a headline and its body
    fold_not_headings: frozenset  # ids of not_headings rules of the buttons over a page's folded sections
    folded_value_words: int  # a bulleted label over an indented line of at most so many words, no stop: a value
    link_not_headings: frozenset  # ids of not_headings rules of a link's line (a notice over it opens no page)
    item_mark_not_headings: frozenset  # ids of not_headings rules of an item's mark (its access), over its fields
    control_not_headings: frozenset  # ids of not_headings rules of a page's buttons ("Til toppen") between items
    titles: TitleRules
    parts: PatternRule  # headings that open a part of a laid-out document ("DEL 2 …", "Bilag 1")
    bullet: re.Pattern  # the mark of a bulleted list's point (the not_headings rule ``bullet``), looked up once
    run_in_line_chars: int  # a line this long runs on for a page: agenda fields may be named inside it
    run_in_next: re.Pattern  # … when the word after the field's name opens so (a capital)
    run_in_not_after: re.Pattern  # … and the word before it is none of these (a name's preposition)
    run_in_examples: tuple  # {text, fields}: the fields named inside the line
    run_in_colon_roles: frozenset  # the roles of fields named there with their colon, whatever follows
    decided_roles: frozenset  # the roles of a decision's line under each item of a page of minutes
    decided_min: int  # how many items over their decision's line make such a page
    decided_examples: tuple
    run_in_item: re.Pattern  # an item's number inside a run-on line ("2. BU - Valg af …")
    run_in_item_end: re.Pattern  # where its title ends before the item's record ("Sagsnr.:")
    run_in_item_words: int  # … a title of at most so many words
    run_in_item_examples: tuple  # {text, items}
    # a table of contents whose lines end in their page numbers, no leaders: its heading line, an
    # entry's form, the fewest entries, examples {text, entries}
    contents_heading: re.Pattern = re.compile(r"(?!)")
    contents_entry: re.Pattern = re.compile(r"(?!)")
    contents_min_entries: int = 3
    contents_examples: tuple = ()


def _patterns(entries, key: str, with_style: bool = False, optional: bool = False) -> tuple[PatternRule, ...]:
    out = []
    for i, entry in enumerate(entries or []):
        rid = entry.get("id", f"{key}[{i}]") if isinstance(entry, dict) else f"{key}[{i}]"
        extra = ("style",) if with_style else ()
        required = ["id", "examples"] + ([] if optional else ["pattern"])
        entry = require_keys(entry, rid, required, ("pattern",) + extra)
        examples = require_examples(entry, rid)
        pattern = require_regex(entry["pattern"], rid) if "pattern" in entry else None
        if with_style and not entry.get("style"):
            raise RuleError(rid, "needs a 'style' naming its numbering scheme")
        out.append(PatternRule(rid, pattern, entry.get("style"), examples))
    return tuple(out)


def _role_words(entries, roles: tuple[str, ...]) -> tuple[RoleWords, ...]:
    out = []
    for i, entry in enumerate(entries or []):
        rid = entry.get("id", f"role_words[{i}]") if isinstance(entry, dict) else f"role_words[{i}]"
        entry = require_keys(entry, rid, ["id", "role", "words", "examples"])
        require_choice(entry["role"], rid, "role", roles)
        if not entry["words"] or not all(isinstance(w, str) for w in entry["words"]):
            raise RuleError(rid, "words must be a non-empty list of strings")
        out.append(RoleWords(rid, entry["role"], tuple(entry["words"]), require_examples(entry, rid)))
    return tuple(out)


def load_rules(data) -> HeadingRules:
    keys = [
        "fuzzy_min_ratio",
        "fuzzy_max_length_difference",
        "max_heading_words",
        "max_heading_chars",
        "max_plain_heading_words",
        "plain_heading_list",
        "plain_heading_list_examples",
        "min_body_words",
        "min_sentence_words",
        "list_end_body_words",
        "headline_words",
        "headline_not",
        "over_list_not",
        "role_words",
        "numbering",
        "detectors",
        "heading_lines",
        "not_headings",
        "lead_in_ending",
        "lead_in_examples",
        "sentence_cues",
        "sentence_examples",
        "inverted_heading",
        "inverted_examples",
        "list_label",
        "not_title",
        "not_title_examples",
        "initiatives",
        "roles",
        "title_search_chars",
        "agenda",
        "titles",
        "marked_not_headings",
        "sentence_not_headings",
        "title_not_headings",
        "unnumbered_not_headings",
        "credit_not_headings",
        "fold_not_headings",
        "folded_value_words",
        "link_not_headings",
        "item_mark_not_headings",
        "control_not_headings",
        "parts",
        "run_in_fields",
        "contents_list",
    ]
    data = require_keys(data, "-", keys)
    standard = data["roles"]
    if (
        not isinstance(standard, list)
        or not standard
        or not all(isinstance(r, str) and r.isidentifier() for r in standard)
    ):
        raise RuleError("roles", "must be a non-empty list of role ids (letters, digits, _)")
    roles = (INITIATIVE, *standard, OTHER, PREAMBLE)
    detectors = {d.id: d for d in _patterns(data["detectors"], "detectors", optional=True)}
    needed = {"markdown_heading", "bold_line", "italic_role_line", "run_in_label", "table_row"}
    missing = needed - {k for k, d in detectors.items() if d.pattern is not None}
    if missing:
        raise RuleError("detectors", f"missing detector pattern(s) {sorted(missing)}")
    not_headings = _patterns(data["not_headings"], "not_headings")
    bullet = next((rule.pattern for rule in not_headings if rule.id == "bullet"), None)
    if bullet is None:
        raise RuleError("not_headings", "needs a rule with id 'bullet' (the mark of a bulleted list's point)")
    role_words = _role_words(data["role_words"], roles)
    return HeadingRules(
        fuzzy_min_ratio=float(data["fuzzy_min_ratio"]),
        fuzzy_max_length_difference=int(data["fuzzy_max_length_difference"]),
        max_words=int(data["max_heading_words"]),
        max_chars=int(data["max_heading_chars"]),
        max_plain_words=require_number(data, "max_plain_heading_words", "max_plain_heading_words", int, 1, 40),
        plain_heading_list=require_regex(data["plain_heading_list"], "plain_heading_list"),
        plain_heading_list_examples=tuple(data["plain_heading_list_examples"] or ()),
        min_body_words=int(data["min_body_words"]),
        min_sentence_words=int(data["min_sentence_words"]),
        list_end_body_words=require_number(data, "list_end_body_words", "list_end_body_words", int, 1, 200),
        headline_words=require_number(data, "headline_words", "headline_words", int, 1, 20),
        headline_not=require_regex(data["headline_not"], "headline_not"),
        over_list_not=require_regex(data["over_list_not"], "over_list_not"),
        role_words=role_words,
        role_word_ids=frozenset(w.id for w in role_words),
        numbering=_patterns(data["numbering"], "numbering", with_style=True),
        detectors=detectors,
        heading_lines=_patterns(data["heading_lines"], "heading_lines"),
        not_headings=not_headings,
        lead_in_ending=require_regex(data["lead_in_ending"], "lead_in_ending"),
        lead_in_examples=tuple(data["lead_in_examples"] or ()),
        sentence_cues=require_regex(data["sentence_cues"], "sentence_cues"),
        sentence_examples=tuple(data["sentence_examples"] or ()),
        inverted_heading=require_regex(data["inverted_heading"], "inverted_heading"),
        inverted_examples=tuple(data["inverted_examples"] or ()),
        **_list_label(data["list_label"]),
        not_title=require_regex(data["not_title"], "not_title"),
        not_title_examples=tuple(data["not_title_examples"] or ()),
        **_initiative_rules(data["initiatives"], roles),
        roles=roles,
        title_search_chars=int(data["title_search_chars"]),
        agenda=load_agenda_rules(data["agenda"], roles),
        titles=load_title_rules(data["titles"]),
        marked_not_headings=rule_ids(data["marked_not_headings"], data["not_headings"], "marked_not_headings"),
        sentence_not_headings=rule_ids(data["sentence_not_headings"], data["not_headings"], "sentence_not_headings"),
        title_not_headings=rule_ids(data["title_not_headings"], data["not_headings"], "title_not_headings"),
        unnumbered_not_headings=rule_ids(
            data["unnumbered_not_headings"], data["not_headings"], "unnumbered_not_headings"
        ),
        credit_not_headings=rule_ids(data["credit_not_headings"], data["not_headings"], "credit_not_headings"),
        fold_not_headings=rule_ids(data["fold_not_headings"], data["not_headings"], "fold_not_headings"),
        folded_value_words=require_number(data, "folded_value_words", "-", int, 0, 20),
        link_not_headings=rule_ids(data["link_not_headings"], data["not_headings"], "link_not_headings"),
        item_mark_not_headings=rule_ids(data["item_mark_not_headings"], data["not_headings"], "item_mark_not_headings"),
        control_not_headings=rule_ids(data["control_not_headings"], data["not_headings"], "control_not_headings"),
        parts=_patterns([data["parts"]], "parts")[0],
        bullet=bullet,
        **_run_in(data["run_in_fields"], roles),
        **_contents(data["contents_list"]),
    )


def _run_in(data, roles: tuple[str, ...]) -> dict:
    keys = ["line_chars", "next_word", "not_after", "colon_roles", "examples", "item", "item_end", "item_words",
            "item_examples", "decided_roles", "decided_min", "decided_examples"]  # fmt: skip
    data = require_keys(data, "run_in_fields", keys)
    for key in ("colon_roles", "decided_roles"):
        for role in data[key] or ():
            require_choice(role, "run_in_fields", key, roles)
    return {
        "decided_roles": frozenset(data["decided_roles"]),
        "decided_min": require_number(data, "decided_min", "run_in_fields", int, 1, 100),
        "decided_examples": tuple(data["decided_examples"] or ()),
        "run_in_item": require_regex(data["item"], "run_in_fields", "item"),
        "run_in_item_end": require_regex(data["item_end"], "run_in_fields", "item_end"),
        "run_in_item_words": require_number(data, "item_words", "run_in_fields", int, 1, 100),
        "run_in_item_examples": tuple(data["item_examples"] or ()),
        "run_in_colon_roles": frozenset(data["colon_roles"] or ()),
        "run_in_line_chars": require_number(data, "line_chars", "run_in_fields", int, 80, 100000),
        "run_in_next": require_regex(data["next_word"], "run_in_fields", "next_word"),
        "run_in_not_after": require_regex(data["not_after"], "run_in_fields", "not_after"),
        "run_in_examples": require_examples(data, "run_in_fields"),
    }


def _contents(data) -> dict:
    data = require_keys(data, "contents_list", ["heading", "entry", "min_entries", "examples"])
    return {
        "contents_heading": require_regex(data["heading"], "contents_list", "heading"),
        "contents_entry": require_regex(data["entry"], "contents_list", "entry"),
        "contents_min_entries": require_number(data, "min_entries", "contents_list", int, 2, 20),
        "contents_examples": require_examples(data, "contents_list"),
    }


def _list_label(data) -> dict:
    data = require_keys(
        data,
        "list_label",
        [
            "max_words",
            "question",
            "run_in_question",
            "not_label",
            "finite_verb",
            "lead_in_word",
            "name_role",
            "examples",
        ],
    )
    return {
        "list_label_words": require_number(data, "max_words", "list_label", int, 1, 20),
        "list_label_question": require_regex(data["question"], "list_label", "question"),
        "list_label_asks": require_regex(data["run_in_question"], "list_label", "run_in_question"),
        "list_label_not": require_regex(data["not_label"], "list_label", "not_label"),
        "list_label_verb": require_regex(data["finite_verb"], "list_label", "finite_verb"),
        "list_label_lead_in": require_regex(data["lead_in_word"], "list_label", "lead_in_word"),
        "list_label_name_role": require_regex(data["name_role"], "list_label", "name_role"),
        "list_label_examples": require_examples(data, "list_label"),
    }


def _initiative_rules(data, roles: tuple[str, ...]) -> dict:
    keys = ["evidence_roles", "parent_pattern", "examples", "table_row_role", "name_pattern", "name_examples"]
    data = require_keys(data, "initiatives", keys)
    for role in data["evidence_roles"]:
        require_choice(role, "initiatives", "evidence_roles", roles)
    require_choice(data["table_row_role"], "initiatives", "table_row_role", roles)
    return {
        "evidence_roles": frozenset(data["evidence_roles"]),
        "initiative_parent": require_regex(data["parent_pattern"], "initiatives", "parent_pattern"),
        "initiative_examples": tuple(data["examples"]),
        "table_row_role": data["table_row_role"],
        "initiative_name": require_regex(data["name_pattern"], "initiatives", "name_pattern"),
        "initiative_name_examples": tuple(data["name_examples"] or ()),
    }
