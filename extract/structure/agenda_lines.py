"""What one line of an agenda item or minutes is: a field's name (also as a bulleted point), a
part of the meeting's record or one of its procedural items, a label over running text, an
item's title glued to the line before, or why it is no sub-heading. Used by
``extract.structure.agenda``, which builds the outline."""

from __future__ import annotations

import re
from typing import Optional

from extract.structure.agenda_rules import AgendaRules, FieldRule
from extract.structure.headings import (
    HeadingRules,
    filled_line_start,
    line_at,
    never_heading,
    parse_number,
    starts_lowercase,
    strip_marks,
)
from extract.structure.titles import clean_title, text_lines

_STOPS = (".", ":", ";", ",")
MEETING_PART = "meeting_part"  # the rule of a part of a meeting's record ("Deltagere", "Dagsordenpunkter")


def squash(s: str) -> str:
    """White space (no-break spaces too) made single spaces, none at the ends."""
    return " ".join(s.split())


def field_of(line: str, r: AgendaRules) -> Optional[FieldRule]:
    """The agenda field a heading line names ("Resume", "ØKONOMISKE KONSEKVENSER:"), else None."""
    return r.field_named(squash(strip_marks(squash(line))))


def field_at_start(line: str, r: AgendaRules) -> Optional[tuple[FieldRule, int]]:
    """(field, where its name ends in the line) of a line that names a field ("Resume"), or opens
    with a field's name glued to its text ("BeslutningGodkendt.", ``glued_text``); else None."""
    rule = field_of(line, r)
    if rule is not None:
        return rule, len(line)
    for glue in r.glued_text.finditer(line):
        rule = field_of(line[: glue.start()], r)
        if rule is not None:
            return rule, glue.start()
    return None


def header_cells(text: str, paras: list[tuple[int, int]], r: AgendaRules) -> set[int]:
    """Where the paragraphs start that are cells of a table's header, the table printed a cell to
    a line under its caption ("Tabel 1: …" over "Måltal", "Forslag", "Mio. kr."): each a short
    line over a short line, with at most ``header_cells`` short lines between the caption and it."""

    def cell(k: int) -> bool:
        line = text[paras[k][0] : paras[k][1]].strip()
        return "\n" not in line and len(line.split()) <= r.cell_max_words

    out = set()
    for i, (a, b) in enumerate(paras):
        caption = text[a:b].strip().split("\n")[-1]
        if any(p.pattern.search(caption) for p in r.captions):
            k = i + 1
            while k + 1 < len(paras) and k - i <= r.header_cells and cell(k) and cell(k + 1):
                out.add(paras[k][0])
                k += 1
    return out


def rejected_subheading(
    line: str, following: str, r: AgendaRules, numbered: bool = False, max_words: Optional[int] = None
) -> Optional[str]:
    """Why a heading line inside a field is no sub-heading (a rule id), else None. A numbered
    heading over running text may end with a full stop ("1. Udflytning af beskæftigede
    flygtninge (potentiale 10 flygtninge)."); an item's title may be longer (``max_words``)."""
    text = squash(line)
    if not re.search(r"[^\W\d_]{2}", text):
        return "no_words"
    stop = text.endswith(_STOPS) and not (numbered and text.endswith("."))
    if stop and not r.abbreviation_end.search(text):
        return "final_stop"
    if len(text.split()) > (max_words or r.max_subheading_words):
        return "max_subheading_words"
    for rule in r.not_subheadings:
        if rule.pattern.search(text):
            return rule.id
    following = squash(following)
    for rule in r.not_before:
        if rule.pattern.search(text) or rule.pattern.search(following):
            return rule.id
    return None


def unbullet(line: str, r: HeadingRules) -> str:
    """The line without the mark of a bulleted list's point ("• Resume" → "Resume")."""
    return r.bullet.sub("", line, count=1)


def bullet_field(line: str, following: str, r: HeadingRules) -> Optional[FieldRule]:
    """The field a bulleted line names over running text ("• Resume" over the summary: a web
    page's folded sections), not in a list of bulleted lines; else None."""
    bullet = r.bullet
    if not bullet.search(line) or bullet.search(following):
        return None
    return field_of(bullet.sub("", line, count=1), r.agenda)


def unglue(line: str, listed: set[str], r: AgendaRules) -> Optional[tuple[int, str]]:
    """(offset, text) of an item's numbered title glued to what stands before it on the line: a
    word ("Referat9. Frigivelse af …"), or the list's last line when the rest is a line of the
    document of its own ("… 29.01.20138. Godkendelse af …"); else None."""
    for m in r.item_glued.finditer(line):
        rest = line[m.start() :]
        if line[m.start() - 1].isalpha() or squash(rest) in listed:
            return m.start(), rest
    return None


def colon_label(line: str, following: str, r: HeadingRules) -> bool:
    """Is the line a short label ending with a colon over running text ("Seniorrådet:" over the
    council's statement; a period of a time plan, "Oktober 2024 – Januar 2025:", over what happens
    then), not a lead-in to a list or a table, nor a sentence ("Det indstilles:")? A body's
    treatment cited by its day and item number is one with or without its colon, over whatever
    it decided ("Økonomiudvalget, 04-09-2019, pkt. 295" over a list of announcements), but not
    over a field's heading."""
    text, nxt = squash(line), squash(following)
    if cited_label(text, r):  # a body's treatment cited by its day and item number, over whatever it decided
        # (over the item's first field it heads nothing: an agenda's item before its meeting)
        twice = nxt.rstrip(":") == text.rstrip(":")
        return "\t" not in line + following and not twice and not field_of(following, r.agenda)
    words = text[:-1].split()
    period = r.agenda.label_period.fullmatch(text[:-1].strip())  # a period of a time plan, however long
    if not text.endswith(":") or not words or "\t" in line + following:
        return False
    body = r.agenda.label_body.fullmatch(text[:-1].strip())  # a body's name, perhaps with the day, however long
    if len(words) > r.agenda.label_max_words and not period and not body:
        return False
    if not words[0][0].isupper() or never_heading(line, r) or r.sentence_cues.search(text):
        return False
    if never_heading(following, r) == "bullet" or starts_lowercase(following) or nxt == text:
        return False  # a list, a sentence running on, or the label printed twice (the second is it)
    if body and nxt.endswith((".", "!")):
        return True  # a body's decision may be a short sentence ("Anbefales.")
    return len(nxt.split()) >= r.agenda.label_min_following_words


def cited_label(line: str, r: HeadingRules) -> bool:
    """Does the line cite a body's treatment of the item by its day and the item's number there
    ("Økonomiudvalget, 04-09-2019, pkt. 295", "Forebyggelse, Social og Sundhed, 23. januar 2018,
    pkt. 4:"): the heading over that body's decision, whatever the body is called?"""
    return bool(r.agenda.label_cited.fullmatch(squash(line).rstrip(":").rstrip()))


def meeting_part(line: str, r: AgendaRules) -> bool:
    """Does the line name a part of a meeting's record ("Deltagere:", "Indholdsfortegnelse")?"""
    return bool(r.meeting_part.fullmatch(squash(strip_marks(squash(line)))))


def first_line_after(text: str, end: int) -> str:
    """The first line of the paragraph after the one that ends at ``end``."""
    return line_at(text, filled_line_start(text, end))


def procedural_name(heading: str, r: HeadingRules) -> bool:
    """Is the line the name of a meeting's procedural item alone ("Meddelelser", "Godkendelse af dagsorden")?"""
    if not 0 < len(heading.split()) <= r.agenda.procedural_max_words or ":" in heading:
        return False  # "Fraværende: Birgit Hansen" is a label and its value
    if meeting_part(heading, r.agenda):
        return False
    return bool(r.titles.procedural_item.match(heading))


def numbered_item(line: str, r: HeadingRules) -> Optional[tuple[str, str, str, str, str]]:
    """The line's number, heading, style, rule and text when it is numbered as an item can be
    (also in a bulleted list: a web page's list of items, or of its folded sections)."""
    text = r.agenda.item_repeated_number.sub("", strip_marks(line), count=1)
    rejected = never_heading(line, r)
    if rejected == "bullet":
        text = strip_marks(unbullet(line, r))
    parsed = parse_number(text, r)
    glued = r.agenda.item_glued_title.match(text) if parsed is None and rejected in (None, "bullet") else None
    glued = glued if r.agenda.item_numbered_styles else None
    if glued:  # "37Godkendelse af dagsorden": an item when a field follows
        parsed = (glued.group("number"), glued.group("heading"), r.agenda.item_numbered_styles[0], "item_glued_title")
    if parsed is None or rejected not in (None, "bullet"):
        return None
    return (*parsed, text) if parsed[2] in (r.agenda.item_style, *r.agenda.item_numbered_styles) else None


def item_over_title(text: str, title_at: Optional[int], r: HeadingRules) -> Optional[int]:
    """Where the text read for headings starts: after the title line, or on it when it is an
    item's numbered line whose title the item's record repeats below it (a meeting's page printing
    "1.Anlægsbevilling byggemodning (C)" over "Sagsnummer: …" over "Anlægsbevilling byggemodning
    (C)"): that line is the item, a heading of the page, and the repeat is its title."""
    if title_at is None:
        return None
    raw = line_at(text, title_at)
    line = squash(raw)
    subject = clean_title(strip_marks(line), r)
    if subject != line and procedural_name(subject, r):  # "Nr.29 - Godkendelse af dagsordenen"
        return None  # a meeting's first item, no title: the parts of its header ("Medlemmer") are read too
    parsed = numbered_item(line, r) if line else None
    if parsed is None or parsed[2] == r.agenda.item_style:
        return title_at
    after = [squash(strip_marks(x)) for _, x in text_lines(text[title_at + len(raw) :]) if x.strip()]
    if squash(parsed[1]) in after[: r.agenda.item_max_gap_lines]:
        return title_at - 1 if title_at else None
    return title_at


def joined_parts(heading: str, r: AgendaRules) -> tuple[FieldRule, ...]:
    """The fields a field's name joins ("Indstilling og beslutning", "FN's Verdensmål og
    Kommunalbestyrelsens vision"), when it names two or more parts; else none."""
    parts = r.field_joint.split(squash(strip_marks(heading)))
    if len(parts) < 2:
        return ()
    return tuple(rule for rule in (field_of(p, r) for p in parts) if rule is not None)


def names_part(outer: str, inner: str, r: AgendaRules) -> bool:
    """Does ``inner`` name one of the parts of a heading named for two ("Energipriser" in
    "Fordrevne fra Ukraine og energipriser")?"""
    parts = r.field_joint.split(squash(outer).casefold())
    return len(parts) > 1 and squash(inner).casefold() in parts


def record_sentence(line: str, min_words: int) -> bool:
    """Is a line of an item's record a sentence (a full stop after a few words), not a label
    abbreviated with a stop ("Sagsnr.") nor a label's value ended by one ("Kompetence:
    Forebyggelses- og Seniorudvalget.")?"""
    words = line.split()
    return line.endswith(".") and len(words) >= min_words and not words[0].endswith(":")
