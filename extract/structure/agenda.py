"""Agenda items and minutes as structure: fields of the top level, headings inside them.

A document is laid out as an agenda item when at least ``min_fields`` of its lines are
field names of Danish agenda systems (``agenda.fields`` in ``rules/headings.yml``), or one
is under an item of minutes. Then:

* a field name alone on its line (or on the first line of its paragraph, or as a bulleted
  point over running text: a web page's folded field "• Resume"; not a cell of a table's header
  printed a cell to a line under its caption, "Tabel 1: …" over "Forslag") is a heading of level 1,
  with the field's role; an item of minutes ("Punkt 3: …", "117. Frigivelse af …", "3: …",
  "2  Status på …" followed by a field, perhaps after a few short lines of its record; a
  title above its case number "Sag nr. 142") is a heading of level 1 and the fields after it
  sit one level below (the number after the item before is an item whatever field follows
  it); a field's name inside a folded field ("Historik" in "• Sagsfremstilling") one below that;
* a text without any blank line (a web page copied line by line) is read line by line;
* a heading line of plain text inside a field that holds running text is a sub-heading one
  level below the field when it reads as a title: short, no final stop or colon (a numbered
  point over running text may end with a stop), no verb of a sentence, not a label
  ("Afbud: …"), a table caption, a dated entry, a number, a legend or the name above a
  signature ("Mikkel Boje" / "/ Janus …"), nor the item's title again; a short label ending
  with a colon over running text ("Seniorrådet:", a period of a time plan "Marts – April
  2025:") is one too; a label naming a committee or council ("Økonomiudvalget:") is that
  body's decision, a field beside the others;
* a sub-heading that repeats the sub-heading before it ahead of a colon ("Service" →
  "Service: Københavns Ejendomme") names a part of it and sits one level below it, and so
  do numbered points after an unnumbered sub-heading ("1. Udflytning af …");
* the parts of a meeting's record above the first item or field ("Mødefakta", "Deltagere",
  "Indholdsfortegnelse", "Dagsordenpunkter"), each alone in its paragraph or over a list, and
  its procedural items written without a number ("Godkendelse af dagsorden:"), are headings
  of level 1, and so are the groups of its items wherever they stand ("A. Sager til afgørelse
  i udvalget"), the items of a group one level below it and their fields below those; an item's
  numbered line over its case number and its title again ("1.Anlægsbevilling …" over
  "Sagsnummer: …" over "Anlægsbevilling …") is the item, though the title is read from it;
  above the first field, item or heading word ("Baggrund", which opens a field of its own) only a
  block's heading alone in its paragraph over a bulleted list or over a sentence (a page's own
  summary of the item, "Fordele" over "• …") is a heading of level 1, and an aggregator's summary
  block ("Prompt resultater" over "Opsummering v1" over "Fordele") has its own three levels
  (``summary_block``); nothing else is (the title, a case number, the body's name, a label).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

from extract.records import INITIATIVE, OTHER
from extract.structure.agenda_items import item_groups, meeting_items, meeting_parts
from extract.structure.agenda_lines import (
    bullet_field,
    cited_label,
    colon_label,
    field_at_start,
    first_line_after,
    header_cells,
    item_over_title,
    joined_parts,
    meeting_part,
    names_part,
    rejected_subheading,
    squash,
    unbullet,
)
from extract.structure.agenda_rules import AgendaRules, FieldRule
from extract.structure.headings import (
    Candidate,
    HeadingRules,
    filled_line_start,
    heading_starts,
    line_at,
    never_heading,
    next_line_start,
    over_list,
    over_text,
    parse_number,
    strip_marks,
)
from extract.structure.summary_block import summary_headings
from extract.structure.titles import body_of, meeting_line, paragraphs, text_lines

_MIN_LINES = 4  # a text of one paragraph with this many lines or more was copied without blank lines


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs; of the lines, in a text without any blank line between
    its lines (a web page copied line by line)."""
    paras = paragraphs(text)
    if len(paras) != 1 or text.count("\n", *paras[0]) + 1 < _MIN_LINES:
        return paras
    return [(a, a + len(line)) for a, line in text_lines(text) if line.strip()]


def _qualifies(outer: str, inner: str) -> bool:
    """Does ``inner`` name a part of ``outer`` by repeating it before a colon ("Anlæg" →
    "Anlæg: Københavns Ejendomme")?"""
    head, colon, rest = inner.partition(":")
    return bool(colon and rest.strip()) and squash(head).lower() == squash(outer).lower()


def _labels(text: str, paras, r: HeadingRules) -> list[Candidate]:
    out = []
    for i, (a, b) in enumerate(paras):
        lines = text[a:b].split("\n")
        following = (
            lines[1] if len(lines) > 1 else text[slice(*paras[i + 1])].split("\n")[0] if i + 1 < len(paras) else ""
        )
        if colon_label(lines[0], following, r):
            body = min(next_line_start(text, a), len(text))
            heading = strip_marks(lines[0])
            if r.agenda.label_body.fullmatch(squash(heading)) or cited_label(heading, r):  # a body's decision
                role, rule = r.agenda.label_body_role, "body_label"
            else:
                role, rule = OTHER, "colon_label"
            out.append(Candidate(a, body, heading, None, None, None, "label", role, rule))
    return out


def _repeats(item: str, heading: str) -> bool:
    """Does the heading repeat the start or the end of the item's title ("Pkt. 129",
    "Beslutninger om dagsordenen" under "Pkt. 129 Beslutninger om dagsordenen")?"""
    head, title = squash(heading).casefold(), item.casefold()
    return bool(head and title) and (title.startswith(head) or title.endswith(head))


def _restates(item: str, heading: str, r: HeadingRules) -> bool:
    """Is the heading the item's whole title without its number ("Bemærkninger til dagsordenen"
    under "1. Bemærkninger til dagsordenen"), as agenda systems print it again?"""
    parsed = parse_number(item.strip(), r)
    title = parsed[1] if parsed else r.titles.item_number.sub("", item.strip(), count=1)
    return bool(title) and squash(heading).casefold() == squash(title).casefold()


def _paragraph_starts(text: str, paras: list[tuple[int, int]]) -> dict[int, str]:
    """For each paragraph start, the first line of the paragraph after it."""
    out = {}
    for i, (a, _) in enumerate(paras):
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        out[a] = text[nxt[0] : nxt[1]].split("\n")[0] if nxt else ""
    return out


def _block_heading(text: str, c: Candidate, starts: set[int], r: HeadingRules) -> bool:
    """Is the short line above an item's first field a block's heading: over a bulleted list, or
    a title's words alone (no digit, no label's colon, none of the item's record: "Mødested: …",
    "06. apr 2022", a member's name, the body's name) over running text (a sentence with its
    stop), not over a heading? Never a line naming the document's kind ("Referat" over the items)."""
    if r.titles.kind_word.fullmatch(c.heading.strip()):
        return False
    if over_list(text, c.start, r):
        return True
    if any(ch.isdigit() for ch in c.heading) or ":" in c.heading:
        return False
    if rejected_subheading(c.heading, "", r.agenda) or never_heading(c.heading, r):
        return False
    if body_of(c.heading, r) or never_heading(line_at(text, c.start), r):
        return False  # the meeting's body ("Teknisk Udvalg" over "Mødet den 1. oktober …")
    pos = filled_line_start(text, next_line_start(text, c.start))
    below = line_at(text, pos).strip()
    sentence = below.endswith((".", "!", "?")) and len(below.split()) >= r.min_body_words
    return pos < len(text) and pos not in starts and sentence


def _field_candidates(text: str, paras, skip: set, r: HeadingRules) -> list[tuple[Candidate, FieldRule]]:
    """Field names, each on the first line of its paragraph (none at ``skip``); also as the point of
    a bulleted list over running text (a web page's folded sections: "• Resume" over the summary)."""
    out = []
    for a, b in paras:
        if a in skip:
            continue
        end = text.find("\n", a, b)
        line = text[a : b if end < 0 else end]
        (rule, named), kind = field_at_start(line, r.agenda) or (None, len(line)), "field"
        if rule is None:
            following = line_at(text, end + 1) if end >= 0 else first_line_after(text, b)
            rule, kind = bullet_field(line, following, r), "folded"
            line = unbullet(line, r)
        if rule is not None:
            heading = strip_marks(squash(line[:named]))
            body = a + named if named < len(line) else b + 1 if end < 0 else end + 1  # a name glued to its text
            out.append(
                (Candidate(a, min(body, len(text)), heading, None, None, None, kind, rule.role, rule.id, True), rule)
            )
    return out


def _split_at_fields(text: str, paras: list[tuple[int, int]], r: HeadingRules) -> list[tuple[int, int]]:
    """The paragraphs, each also split before a line inside it that names a field ("Beslutning"
    under the line before, no blank line between: a page copied with blank lines in some
    places only), unless the line before runs on into it ("… og", "… til") or the line names a part of
    a meeting's record as well ("Fraværende:" among the header's labels; after a decision's "Godkendt."
    it splits); and after a field's name (its first line of text may be a sub-heading)."""
    out = []
    for a, b in paras:
        start = a
        pos = text.find("\n", a, b)
        head_field = pos >= 0 and _names_field(text[a:pos], r.agenda)  # the paragraph's first line
        while pos >= 0:
            line, head = line_at(text, pos + 1), text[start:pos]
            line_field = _names_field(line, r.agenda, head.rstrip().endswith("."))
            nxt = text.find("\n", pos + 1, b)
            split = line_field or bullet_field(line, line_at(text, nxt + 1) if nxt >= 0 else "", r)
            alone = "\n" not in head and head_field  # a field's name alone: its colon leads into no other's
            split = split or alone
            if split and (not r.lead_in_ending.search(head.rstrip()) or alone and field_at_start(line, r.agenda)):
                out.append((start, pos))
                start = pos + 1
                head_field = line_field  # the line is the head of the paragraph's next part
            pos = text.find("\n", pos + 1, b)
        out.append((start, b))
    return out


def _names_field(line: str, r: AgendaRules, after_stop: bool = False) -> bool:
    """Does the line name a field and not a part of a meeting's record as well ("Fraværende:" in a
    header), unless it stands after a sentence's stop?"""
    return field_at_start(line, r) is not None and (after_stop or not meeting_part(line, r))


def _nesting(
    text: str,
    c: Candidate,
    rule: FieldRule,
    after: list[Candidate],
    rule_at: dict,
    ends: set,
    decision: str,
    decided: bool = False,
) -> str:
    """How a field nests the fields after it: a "bare" field (no text of its own, directly over a
    field) holds them when its name comes again as a field before the item ends or its decision
    stands ("Sagsfremstilling" over "Resume …", "Indstillinger", "Sagsfremstilling"), or when the
    item's decision stood above it (``decided``: the account closes the item, "Historik" and the
    other fields after it are its parts, whatever their nesting: "closes"); else ""."""
    if rule.nesting != "bare":
        return rule.nesting
    if not after or after[0].start not in rule_at or text[c.body_start : after[0].start].strip():
        return ""
    for d in after:
        if d.start in ends:
            break  # the item ends
        if d.role == decision:
            return ""  # its decision closes it (the next item's fields follow)
        if d.start in rule_at and d.heading.casefold() == c.heading.casefold():
            return "holds"
    return "closes" if decided and c.kind != "folded" else ""  # a folded field holds its parts already


def agenda_layout(
    text: str,
    paras: list[tuple[int, int]],
    title_at: Optional[int],
    plain_lines: Callable[[list[tuple[int, int]]], list[Candidate]],
    r: HeadingRules,
) -> Optional[tuple[list[Candidate], list[int]]]:
    """Headings and their levels of an agenda item or minutes, or None for another document
    (``plain_lines`` gives the heading lines of the text read as plain text in the given paragraphs)."""
    ag = r.agenda
    title_at = item_over_title(text, title_at, r)
    paras = _split_at_fields(text, paras, r)
    cells = header_cells(text, paras, ag)  # a table's header under its caption ("Forslag", "Økonomi")
    fields = _field_candidates(text, paras, cells | {title_at}, r)
    record = {c.start for c, _ in fields if meeting_part(c.heading, ag)}  # fields that name a part of the record too
    items = meeting_items(text, fields, record, title_at, r)
    if not fields:  # minutes whose fields run on in the item's text: only items named so ("Punkt 3: …")
        first = min((c.start for c in items), default=0)  # under a header naming minutes or an agenda
        head = text[:first]  # or naming a meeting ("Byrådet 22-11-2016"); a plan's "Punkt 1: …" is none
        minutes = r.titles.with_body.search(head) is not None or any(meeting_line(ln, r) for _, ln in text_lines(head))
        items = [c for c in items if c.style == ag.item_style] if minutes else []
    if len(fields) < ag.min_fields and not items:  # one field is enough under an item of minutes
        return None
    plain = [c for c in plain_lines(paras) if c.start not in cells]
    rule_at = {c.start: rule for c, rule in fields}
    following = _paragraph_starts(text, paras)
    item_at = {c.start for c in items}
    # a label over a list is read as an agenda item's label (``_labels``), not as a page's heading;
    # so is a body's decision cited without a colon ("Økonomiudvalget, 04-09-2019, pkt. 295")
    labels = _labels(text, paras, r)
    bodies, label_at = {c.start for c in labels if c.rule == "body_label"}, {c.start for c in labels}
    placed = rule_at.keys() | item_at | bodies
    others = [c for c in plain if c.start not in placed and c.kind != "label"]
    taken = rule_at.keys() | item_at | {c.start for c in others}
    others += [c for c in labels if c.start not in taken]
    first = min([c.start for c, _ in fields if c.start not in record] + [c.start for c in items], default=len(text))
    parts = meeting_parts(text, paras, title_at, first, r)
    parts = [c for c in parts if c.start not in rule_at]  # "Fraværende:" is a field of its own
    parts += [c for c in item_groups(text, paras, title_at, ag) if c.start not in rule_at.keys() | item_at]
    summary = summary_headings(text, first, ag)  # an aggregator's summary over the item's fields
    part_at = {c.start for c in parts if c.start not in summary}
    placed_apart = part_at | summary.keys()
    others = [c for c in others if c.start not in placed_apart] + [c for c in parts if c.start in part_at]
    others += [c for c, _ in summary.values()]
    merged = sorted([c for c, _ in fields] + items + others, key=lambda c: c.start)
    starts = heading_starts(text, merged, r)
    out: list[Candidate] = []
    levels: list[int] = []
    in_item = False
    allows = True  # may the field the text is in hold sub-headings (an item's own text may)?
    top = None  # level of the current field or item
    held = False  # inside a field that holds the fields after it
    held_all = False  # inside a field that holds every field after it to the item's end, its decision too
    closing = False  # inside an account that closes the item (its decision above it)
    lead: Optional[bool] = None  # do the current field's sub-headings name efforts (None: none seen yet)
    sub = ""  # the text of the field's last sub-heading
    sub_numbered = False  # is that sub-heading numbered?
    item = ""  # the current item's title
    fold = ""  # the role of the folded field the text is in (a web page's bulleted field, "• Sagsfremstilling")
    para_before = {paras[i][0]: paras[i - 1] for i in range(1, len(paras))}  # each paragraph's one before
    grouped = 1  # level of the items: 2 under a group of items ("A. Sager til afgørelse"), else 1
    joined: tuple[int, tuple[FieldRule, ...]] = (0, ())  # level and parts of a field named for two
    decision_above = False  # has the current item's decision stood above?
    for n, c in enumerate(merged):
        if c.start in summary:
            out.append(c)
            levels.append(summary[c.start][1])
            continue
        if c.start in part_at:
            out.append(c)  # a part of the meeting's record: the top level, above every item and field
            levels.append(1)
            grouped, joined = 2 if c.rule == "item_group" else 1, (0, ())
            continue
        elif c.start in item_at:
            in_item, allows, top, held, lead, sub, item, fold = True, True, grouped, False, None, "", c.heading, ""
            held_all = False
            closing = False
            joined = (0, ())
        elif c.start in rule_at and in_item and _restates(item, c.heading, r):
            continue  # the item's title again under its numbered line, however it reads as a field
        elif c.start in rule_at and rule_at[c.start] in joined[1]:
            # a part of a field named for two ("FNs verdensmål" in "FN's Verdensmål og Kommunalbestyrelsens vision")
            lead, sub, allows, top = None, "", rule_at[c.start].subheadings, joined[0] + 1
        elif c.start in rule_at:
            lead, sub = None, ""
            rule = rule_at[c.start]
            after = merged[n + 1 :]
            nesting = _nesting(text, c, rule, after, rule_at, item_at | part_at, ag.label_body_role, decision_above)
            closing = closing or nesting == "closes"  # an account closing the item holds every field after it
            inside_all, held_all = held_all, held_all or nesting == "holds_all"
            held = held and nesting == "" or nesting in ("holds", "closes", "holds_all") or closing or inside_all
            allows = rule.subheadings
            top = (grouped + 1 if in_item else 1) + (
                held and (nesting == "" or closing and nesting != "closes" or inside_all)
            )
            if c.kind == "folded":
                fold = c.role
            elif fold:  # a field's name inside a folded field ("Historik" in "• Sagsfremstilling") is a part of it
                top += 1
                c = replace(c, role=OTHER) if c.role == fold else c
            joined = (top, joined_parts(c.heading, ag))
        elif c.rule == "body_label" and top is not None:
            # the decision of a body that treated the item before ("Økonomiudvalget:"): beside the
            # fields, or inside the field named for the decision too ("Indstilling og beslutning")
            inside = any(p.role == ag.label_body_role for p in joined[1])
            allows, held, lead, sub = False, False, None, ""
            top = joined[0] + 1 if inside else grouped + 1 if in_item else 1
        elif top is None and c.kind == "short_line" and not in_item and _block_heading(text, c, starts, r):
            # a block's heading above the item's first field, alone in its paragraph over a
            # bulleted list or running text (a page's own summary of the item: "Fordele" over
            # "• …", "Opsummering" over its text), at the top level
            out.append(c)
            levels.append(1)
            continue
        elif c.kind == "word" and (top is None or not allows):
            # a heading word ("Baggrund") before the first field, or after a field without
            # sub-headings, starts a field of its own
            allows, top = True, top or 1
        elif top is not None and allows:
            if _repeats(item, c.heading):
                continue  # the item's title (or its number) again
            labelled = c.kind == "label" or c.start in label_at  # "Baggrund:" over its text, a heading word too
            line = c.heading if labelled else line_at(text, c.start)
            after = following.get(c.start, "")
            numbered = c.number is not None and parse_number(after.strip(), r) is None  # not a list's point
            if rejected_subheading(line, after, ag, numbered) or not over_text(text, c, starts, r):
                continue
            if lead is None:
                a, b = para_before.get(c.start, (c.start, c.start))
                lead = bool(ag.initiative_lead.search(text[a:b]))
            if lead or ag.initiative_heading.search(c.heading):
                c = Candidate(c.start, c.body_start, c.heading, c.number, c.style, c.depth, c.kind, INITIATIVE, c.rule)
            out.append(c)
            directly = bool(sub) and not text[out[-2].body_start : c.start].strip()
            if sub and _qualifies(sub, c.heading):
                levels.append(top + 2)  # "Service: Københavns Ejendomme" under "Service"
            elif sub and c.number is not None and not sub_numbered:
                levels.append(top + 2)  # numbered points ("1. Udflytning af …") under the sub-heading before
            elif directly or (sub and names_part(sub, c.heading, ag)):
                # a sub-heading directly under the one before, with no text between ("Eksterne
                # samarbejdsrelationer" over "Erhvervshus Sjælland"), or naming a part of the one
                # named for two ("Energipriser" in "Fordrevne fra Ukraine og energipriser")
                levels.append(top + 2)
            else:
                sub_numbered = c.number is not None
                levels.append(top + 1)
                sub = c.heading
            continue
        else:
            continue
        out.append(c)
        levels.append(top)
        decision_above = decision_above and c.start not in item_at or c.role == ag.label_body_role
    return out, levels
