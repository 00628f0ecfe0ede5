"""Rules for agenda items and minutes (the ``agenda`` part of ``rules/headings.yml``), loaded.

Danish agenda systems (eDoc, SBSYS, FirstAgenda, Acadre, kk.dk) give every item the same
fields under fixed names ("Resume", "Sagsfremstilling", "Indstilling", "Økonomiske
konsekvenser", "Beslutning", "Bilag"). A field name alone on its line is a heading of the
top level; other headings of an item sit one level below the field they are in, and only
in fields that hold running text (a recommendation, a decision or a legal basis has none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.rules import require_choice, require_examples, require_keys, require_number, require_regex


@dataclass(frozen=True)
class FieldRule:
    id: str
    role: str
    pattern: re.Pattern  # matches the whole heading text (marks and a final ":" removed)
    subheadings: bool  # may the field hold headings of its own?
    examples: tuple
    # "holds": a field that holds the fields after it (they sit one level below it);
    # "bare": one that holds them when it has no text of its own before the next field;
    # "beside": a field at the top level even after one that holds fields (not after an account
    # printed after the item's decision: that account holds every field after it); "" otherwise
    nesting: str = ""


@dataclass(frozen=True)
class LinePattern:
    id: str
    pattern: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class AgendaRules:
    min_fields: int
    fields: tuple[FieldRule, ...]
    max_subheading_words: int
    not_subheadings: tuple[LinePattern, ...]
    subheading_examples: tuple  # real sub-headings no rule rejects
    not_before: tuple[LinePattern, ...]  # a line followed by such a paragraph is no heading
    initiative_heading: re.Pattern
    initiative_examples: tuple
    initiative_lead: re.Pattern  # a paragraph announcing that the sub-headings after it name efforts
    initiative_lead_examples: tuple
    item_style: str  # the numbering style of an item of minutes ("Punkt 3: …")
    item_numbered_styles: tuple[str, ...]  # numbered lines that are items when a field follows ("3. Godkendelse …")
    item_role: str
    item_max_gap_lines: int  # short lines of the item's record allowed between an item and its first field
    item_sentence_rules: frozenset  # not_subheadings rules that let an item numbered next read as a sentence
    item_case_number: re.Pattern  # a case number under an unnumbered item title ("Sag nr. 142")
    item_case_number_examples: tuple
    item_glued: re.Pattern  # where an item's number starts glued to what stands before it on its line
    item_glued_title: re.Pattern  # an item's number glued to its title ("37Godkendelse af dagsorden")
    item_repeated_number: re.Pattern  # a web list's number before the item's own, the same ("1.  1. …")
    item_repeated_number_examples: tuple
    item_control_tail: re.Pattern  # a web page's button text glued to the end of an item's title
    item_control_tail_examples: tuple  # {text, item}: the item's line without it
    item_glued_examples: tuple  # {text, item}: the item as it stands in the line, or null
    glued_text: re.Pattern  # where a field's text starts glued to its name ("BeslutningGodkendt.")
    glued_examples: tuple  # {text, field}: the field's name, or null
    label_max_words: int  # a sub-heading ending with a colon ("Seniorrådet:") has at most this many words
    label_min_following_words: int  # … and the running text after it at least this many
    label_examples: tuple
    label_period: re.Pattern  # a label naming a period of a time plan ("Marts – April 2025:"), of any length
    label_body: re.Pattern  # a label naming a body that treated the item before ("Økonomiudvalget:"): its decision
    label_body_role: str
    label_body_examples: tuple
    label_cited: re.Pattern  # a body, its day and the item's number there ("Økonomiudvalget, 04-09-2019, pkt. 295")
    label_cited_examples: tuple
    abbreviation_end: re.Pattern  # a heading's final stop that ends an abbreviation ("2 pct.")
    abbreviation_examples: tuple
    meeting_part: re.Pattern  # a part of a meeting's record above its first item ("Deltagere", "Indholdsfortegnelse")
    meeting_part_examples: tuple
    procedural_max_words: int  # a procedural item written without a number has at most this many words
    item_group: re.Pattern  # a group of a meeting's items ("A. Sager til afgørelse i udvalget")
    item_group_examples: tuple  # {text, group}
    field_joint: re.Pattern  # what joins the parts of a field named for two ("Indstilling og beslutning")
    field_joint_examples: tuple  # {text, parts}: the roles of the fields the name joins
    meeting_list_line: re.Pattern  # a line of a list under a part ("• Anne Hansen", "åbent 1 Fraværende …")
    meeting_list_line_examples: tuple  # {text, list}
    summary_opens: re.Pattern  # the first line of an aggregator's summary of the item ("Prompt resultater")
    summary_holds: re.Pattern  # a line of the block that shows it holds a summary ("Opsummering v1")
    summary_levels: tuple  # (level, pattern) of the summary's other headings ("Opsummering v1", "Fordele")
    summary_examples: tuple  # {text, headings: [[level, heading], …]}
    captions: tuple[LinePattern, ...]  # not_subheadings rules of a table's caption ("Tabel 1: …")
    cell_max_words: int  # a line of at most this many words under a caption is one of the table's cells
    header_cells: int  # … and one of its header's when at most this many cells stand between them
    table_cell_examples: tuple  # {text, heading, field}: is the field's name (heading) in the text a field?

    def field_named(self, text: str) -> Optional[FieldRule]:
        """The field whose name is the whole of ``text`` (marks and spaces already made plain), else None."""
        return next((rule for rule in self.fields if rule.pattern.fullmatch(text)), None)


def rule_ids(ids, rules, rule: str, key: str = "id") -> frozenset:
    """``ids`` (a list in a rules file, or null) as a set, each the id of one of ``rules``."""
    known = sorted({e.get("id") for e in rules or [] if isinstance(e, dict)})
    for rid in ids or []:
        require_choice(rid, rule, key, known)
    return frozenset(ids or [])


def _field(entry, i: int, roles: tuple[str, ...]) -> FieldRule:
    rid = entry.get("id", f"agenda.fields[{i}]") if isinstance(entry, dict) else f"agenda.fields[{i}]"
    entry = require_keys(entry, rid, ["id", "role", "pattern", "subheadings", "examples"], ["nesting"])
    require_choice(entry["role"], rid, "role", roles)
    require_choice(entry["subheadings"], rid, "subheadings", (True, False))
    nesting = entry.get("nesting", "")
    require_choice(nesting, rid, "nesting", ("", "holds", "holds_all", "bare", "beside"))
    pattern = require_regex(entry["pattern"], rid)
    return FieldRule(rid, entry["role"], pattern, entry["subheadings"], require_examples(entry, rid), nesting)


def _line_pattern(entry, i: int) -> LinePattern:
    rid = entry.get("id", f"agenda.not_subheadings[{i}]") if isinstance(entry, dict) else f"agenda[{i}]"
    entry = require_keys(entry, rid, ["id", "pattern", "examples"])
    return LinePattern(rid, require_regex(entry["pattern"], rid), require_examples(entry, rid))


def load_agenda_rules(data, roles: tuple[str, ...]) -> AgendaRules:
    keys = [
        "min_fields",
        "item",
        "glued_text",
        "glued_examples",
        "fields",
        "max_subheading_words",
        "not_subheadings",
        "subheading_examples",
        "not_before",
        "initiative_heading",
        "abbreviation_end",
        "abbreviation_examples",
        "colon_label",
        "meeting_parts",
        "item_groups",
        "field_joint",
        "summary_block",
        "table_cells",
    ]
    data = require_keys(data, "agenda", keys)
    item = require_keys(
        data["item"],
        "agenda.item",
        [
            "style",
            "numbered_styles",
            "role",
            "max_gap_lines",
            "case_number",
            "case_number_examples",
            "glued",
            "glued_title",
            "glued_examples",
            "repeated_number",
            "repeated_number_examples",
            "control_tail",
            "control_tail_examples",
            "sentence_rules",
        ],
    )
    require_choice(item["role"], "agenda.item", "role", roles)
    label_keys = ["max_words", "min_following_words", "examples", "period", "body", "body_role", "body_examples",
                  "cited", "cited_examples"]  # fmt: skip
    label = require_keys(data["colon_label"], "agenda.colon_label", label_keys)
    require_choice(label["body_role"], "agenda.colon_label", "body_role", roles)
    parts = require_keys(
        data["meeting_parts"],
        "agenda.meeting_parts",
        ["pattern", "examples", "list_line", "list_line_examples", "procedural_max_words"],
    )
    groups = require_keys(data["item_groups"], "agenda.item_groups", ["pattern", "examples"])
    summary = require_keys(data["summary_block"], "agenda.summary_block", ["opens", "summary", "levels", "examples"])
    cell_keys = ["captions", "cell_max_words", "header_cells", "examples"]
    cells = require_keys(data["table_cells"], "agenda.table_cells", cell_keys)
    not_subheadings = tuple(_line_pattern(e, i) for i, e in enumerate(data["not_subheadings"] or []))
    captions = rule_ids(cells["captions"], data["not_subheadings"], "agenda.table_cells", "captions")
    joint = require_keys(data["field_joint"], "agenda.field_joint", ["pattern", "examples"])
    initiative_keys = ["pattern", "examples", "lead_pattern", "lead_examples"]
    initiative = require_keys(data["initiative_heading"], "agenda.initiative_heading", initiative_keys)
    return AgendaRules(
        min_fields=int(data["min_fields"]),
        fields=tuple(_field(e, i, roles) for i, e in enumerate(data["fields"] or [])),
        max_subheading_words=int(data["max_subheading_words"]),
        not_subheadings=not_subheadings,
        subheading_examples=tuple(data["subheading_examples"] or ()),
        not_before=tuple(_line_pattern(e, i) for i, e in enumerate(data["not_before"] or [])),
        initiative_heading=require_regex(initiative["pattern"], "agenda.initiative_heading"),
        initiative_examples=require_examples(initiative, "agenda.initiative_heading"),
        initiative_lead=require_regex(initiative["lead_pattern"], "agenda.initiative_heading.lead_pattern"),
        initiative_lead_examples=tuple(initiative["lead_examples"] or ()),
        item_style=str(item["style"]),
        item_numbered_styles=tuple(item["numbered_styles"] or ()),
        item_role=item["role"],
        item_max_gap_lines=int(item["max_gap_lines"]),
        item_sentence_rules=rule_ids(item["sentence_rules"], data["not_subheadings"], "agenda.item", "sentence_rules"),
        item_case_number=require_regex(item["case_number"], "agenda.item", "case_number"),
        item_case_number_examples=tuple(item["case_number_examples"] or ()),
        item_glued=require_regex(item["glued"], "agenda.item", "glued"),
        item_glued_title=require_regex(item["glued_title"], "agenda.item", "glued_title"),
        item_glued_examples=tuple(item["glued_examples"] or ()),
        item_repeated_number=require_regex(item["repeated_number"], "agenda.item", "repeated_number"),
        item_repeated_number_examples=tuple(item["repeated_number_examples"] or ()),
        item_control_tail=require_regex(item["control_tail"], "agenda.item", "control_tail"),
        item_control_tail_examples=tuple(item["control_tail_examples"] or ()),
        glued_text=require_regex(data["glued_text"], "agenda", "glued_text"),
        glued_examples=tuple(data["glued_examples"] or ()),
        label_max_words=int(label["max_words"]),
        label_min_following_words=int(label["min_following_words"]),
        label_examples=require_examples(label, "agenda.colon_label"),
        label_period=require_regex(label["period"], "agenda.colon_label", "period"),
        label_body=require_regex(label["body"], "agenda.colon_label", "body"),
        label_body_role=label["body_role"],
        label_body_examples=tuple(label["body_examples"] or ()),
        label_cited=require_regex(label["cited"], "agenda.colon_label", "cited"),
        label_cited_examples=tuple(label["cited_examples"] or ()),
        abbreviation_end=require_regex(data["abbreviation_end"], "agenda.abbreviation_end"),
        abbreviation_examples=tuple(data["abbreviation_examples"] or ()),
        meeting_part=require_regex(parts["pattern"], "agenda.meeting_parts"),
        item_group=require_regex(groups["pattern"], "agenda.item_groups"),
        item_group_examples=tuple(groups["examples"] or ()),
        field_joint=require_regex(joint["pattern"], "agenda.field_joint"),
        field_joint_examples=tuple(joint["examples"] or ()),
        meeting_part_examples=require_examples(parts, "agenda.meeting_parts"),
        procedural_max_words=require_number(parts, "procedural_max_words", "agenda.meeting_parts", int, 1, 12),
        meeting_list_line=require_regex(parts["list_line"], "agenda.meeting_parts", "list_line"),
        meeting_list_line_examples=tuple(parts["list_line_examples"] or ()),
        summary_opens=require_regex(summary["opens"], "agenda.summary_block", "opens"),
        summary_holds=require_regex(summary["summary"], "agenda.summary_block", "summary"),
        summary_levels=tuple(_summary_level(e, i) for i, e in enumerate(summary["levels"] or [])),
        summary_examples=require_examples(summary, "agenda.summary_block"),
        captions=tuple(p for p in not_subheadings if p.id in captions),
        cell_max_words=require_number(cells, "cell_max_words", "agenda.table_cells", int, 1, 10),
        header_cells=require_number(cells, "header_cells", "agenda.table_cells", int, 0, 40),
        table_cell_examples=require_examples(cells, "agenda.table_cells"),
    )


def _summary_level(entry, i: int) -> tuple[int, re.Pattern]:
    rid = f"agenda.summary_block.levels[{i}]"
    entry = require_keys(entry, rid, ["level", "pattern"])
    return require_number(entry, "level", rid, int, 1, 6), require_regex(entry["pattern"], rid)
