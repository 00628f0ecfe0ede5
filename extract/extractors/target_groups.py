"""Target groups: one row per statement of who an initiative is for.

A statement is a sentence of a *Målgruppe* section that names a group (with the sentences
after it that say more), a "Målgruppe:" label in running text, a sentence with a statement
cue ("Målgruppen er …", "Tilbuddet er målrettet …", "Indsatsen retter sig mod …", and in
an agenda item's title and fields an offer, effort, rule or contact given to a group or a
group that receives something), an item of a list announced by "over for følgende
grupper:" (or of a list of focus areas or members, when the item names a group), or the
title cell of a numbered status-table row that names a group.
Statements inside a Målgruppe section are covered by the section's rows.

Each statement is read for ``groups`` (labels from the vocabulary in
``rules/target_groups.yml``, see target_group_labels; a statement about "borgere" only may
take the groups its document's title names), ages, match groups and the stated number of
persons. All patterns live in the rules.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from extract.extractors.target_group_labels import fallbacks, find_labels, specific
from extract.extractors.target_group_lists import list_items, list_rows, trimmed
from extract.extractors.target_group_records import childhood_ages, find_ages, find_match_groups, find_size
from extract.extractors.target_group_records import record as _record
from extract.extractors.target_group_rules import PatternRule, TargetGroupRules
from extract.records import Section, TargetGroup
from extract.structure.outline import roles_at
from extract.structure.sentences import Span, line_of, sentence_at

__all__ = ["find_ages", "find_match_groups", "find_size", "find_target_groups"]

_LINE = re.compile(r"[^\n]+")


def _opens_statement(text: str, a: int, b: int, part: list[int], r: TargetGroupRules) -> bool:
    """Whether the sentence ``a:b`` of a Målgruppe section is a statement of its own after ``part``:
    it names a group with a cue of whom something is for, is no list item, follows no colon, and is
    no share, assessment or exclusion."""
    line_start = text.rfind("\n", 0, a) + 1
    bullet = r.list_bullet.match(text, line_start)
    if (bullet and a <= bullet.end()) or text[part[0] : part[1]].rstrip().endswith(":"):
        return False
    if r.not_statement.search(text, a, b) or r.section_continues.search(text, a, b):
        return False
    if r.section_opens.search(text, a, b):
        return _names_group(text[a:b], r)
    return any(_is_statement(text, a, b, rule, r) for rule in r.statements)


def _is_statement(text: str, a: int, b: int, rule: PatternRule, r: TargetGroupRules, end: int = 0) -> bool:
    """Whether the sentence ``a:b`` is a statement by ``rule`` (its cue, and the group where it
    asks for one, up to ``end`` when the statement goes on), wherever the sentence stands."""
    if rule.position == "start":
        cues = [m] if (m := rule.pattern.match(text, a, b)) else []
    else:
        cues = list(rule.pattern.finditer(text, a, b))
    if not rule.needs_label:
        return bool(cues) and _names_group(text[a:b], r)
    return any(_names_group(*_named_weak(text, cue, max(b, end), rule, r), rule.min_labels) for cue in cues)


def _named_weak(text: str, cue: re.Match, end: int, rule: PatternRule, r: TargetGroupRules) -> tuple:
    """What ``_named`` reads, the rules, and whether a fallback group is enough there: after a cue
    that allows it, or when a relative clause defines the persons ("til borgere, der ikke …")."""
    named = _named(text, cue, end, rule, r)
    defined = bool(rule.label_within and r.defined_group and r.defined_group.search(named))
    if rule.label_in_cue and "group" in cue.re.groupindex and r.defined_group and cue.end() == cue.end("group") > 0:
        # the cue's group at its end, defined by a relative clause right after it ("holde hånden
        # under de borgere, som har mest brug for hjælp")
        space = text.rfind(" ", cue.start("group"), cue.end("group"))
        last = space + 1 if space >= 0 else cue.start("group")  # the group's last word
        defined = bool(r.defined_group.match(text, last, min(end, cue.end("group") + 12)))
    return named, r, rule.weak_group or defined


def _section_rows(text: str, sentences: list[Span], sections: list[Section], r: TargetGroupRules) -> list[TargetGroup]:
    """The statements of each Målgruppe section: one per sentence that names a group, with
    the sentences after it that name none (they say more about it) and the list its
    sentence announces with a colon."""
    rows = []
    for sec in sections:
        if sec.role != r.section_role:
            continue
        stop = r.section_body_end.search(text, sec.body_start, sec.char_end)
        start, end = trimmed(text, sec.body_start, stop.start() if stop else sec.char_end)
        parts: list[list[int]] = []
        for sent in sentences:
            a, b = max(sent.start, start), min(sent.end, end)
            if b <= a:
                continue
            opens = not parts or _opens_statement(text, a, b, parts[-1], r)
            if parts and not opens:
                parts[-1][1] = b
            else:
                parts.append([a, b])
        if parts:
            parts[0][0], parts[-1][1] = start, end
        for a, b in parts:
            a, b = trimmed(text, a, b)
            if b > a:
                rows.append(_record(text, a, b, r.section_rule, r))
    return rows


def _same_paragraph(text: str, end: int, nxt: Span) -> bool:
    return "\n\n" not in re.sub(r"[ \t]+", "", text[end : nxt.start])


def _line_starts(text: str, sent: Span, r: TargetGroupRules) -> list[int]:
    """Where a sentence's lines start: its own start, and the start of each line inside it that
    opens with a capital after a short line (a heading the sentence took in: "Puljens
    målgruppe\nPuljens målgruppe er …", also a label's "Målgruppen:\nMålgruppen er …"; not a
    line a long paragraph was wrapped into)."""
    starts = [sent.start]
    for m in re.finditer(r"\n[ \t]*(?=[^\W\d_])", text[sent.start : sent.end]):
        at = sent.start + m.end()
        line = text[text.rfind("\n", 0, sent.start + m.start()) + 1 : sent.start + m.start()].strip()
        if text[at].isupper() and 0 < len(line) <= r.heading_line_max and line[-1] not in ",;-–(":
            starts.append(at)
    return starts


def _statement_span(text: str, sentences: list[Span], i: int, r: TargetGroupRules) -> tuple[int, int]:
    """A cue sentence, extended over a paragraph broken mid-sentence and over continuation sentences."""
    start, end = sentences[i].start, sentences[i].end
    j = i + 1
    while j < len(sentences):
        nxt = sentences[j]
        broken = text[end - 1] not in ".!?:;" and text[nxt.start].islower()
        goes_on = _same_paragraph(text, end, nxt) and r.continuation.pattern.match(text, nxt.start)
        if not (broken or goes_on):
            break
        end, j = nxt.end, j + 1
    return start, end


def _cue_labels(text: str, a: int, b: int, rule: PatternRule, r: TargetGroupRules, end: int) -> set[str]:
    """The specific labels the cue of ``rule`` names in the sentence ``a:b`` (read on their own)."""
    if rule.position == "start":
        cues = [m] if (m := rule.pattern.match(text, a, b)) else []
    else:
        cues = list(rule.pattern.finditer(text, a, b))
    labels = (set(find_labels(_named(text, cue, max(b, end), rule, r), r)) for cue in cues)
    return next((found - fallbacks(r) for found in labels if specific(list(found), r)), set())


def _ages_aside_opened(text: str, r: TargetGroupRules) -> str:
    """The text with the brackets around an aside of ages taken away (as many spaces), so the words
    after it still count as the group's ("til enkeltpersoner (over 15 år), kunstnere, foreninger");
    other asides stay closed."""

    def opened(m: re.Match) -> str:
        return f" {m.group(1)} " if find_ages(m.group(1), r) != (None, None) else m.group()

    return re.sub(r"\(([^()\n]{1,40})\)", opened, text)


def _named(text: str, found: re.Match, end: int, rule: PatternRule, r: TargetGroupRules) -> str:
    """The text that must name the group of a cue: the cue itself, the next words after it
    (up to the end of their clause; on to the end of a group named by more words that starts
    among them, when they name persons: "til borgere med varigt nedsat fysisk eller psykisk
    funktionsevne"), or the
    rest of the statement."""
    if rule.label_in_cue:  # the cue's named part "group" when it has one ("… at <group> får …")
        return found.group("group") if "group" in found.re.groupindex else found.group()
    after = text[found.end() : end]
    if rule.label_within:
        after = _ages_aside_opened(after, r)
        words = re.match(r"\s*(?:\S+\s+){0,%d}\S*" % (rule.label_within - 1), after)
        head = re.split(r"[,;:(]", words.group())[0] if words else ""  # the words of the cue's clause
        enum = r.enumeration_tail.pattern.match(after, len(head)) if r.enumeration_tail else None
        head = after[: enum.end()] if enum else head  # an enumeration goes on past its commas
        clause = re.split(r"[,;:(.!?]", after, maxsplit=1)[0].lower()
        if find_labels(head, r) == [r.no_label]:  # no person among the words: no group goes on after them
            return head
        rel = r.relative_clause.match(after, len(head)) if r.relative_clause else None
        if rel:  # persons a relative clause defines: the clause names them ("til personer, der kæmper med …")
            return after[: rel.end()]
        starts = [m for label in r.labels for p in label.patterns if (m := p.search(clause)) and m.start() < len(head)]
        return after[: max(m.end() for m in starts)] if starts else head  # a group of more words than those
    return after


def _names_group(named: str, r: TargetGroupRules, weak: bool = False, least: int = 1) -> bool:
    labels = find_labels(named, r)
    if least > 1 and len(set(labels) - {r.no_label}) < least:  # an enumeration naming fewer groups than asked
        return False
    if specific(labels, r) or (weak and any(lb != r.no_label for lb in labels)):  # weak: "kommunens borgere"
        return True
    ages = find_ages(named, r, r.child_label in labels, r.young_label in labels)
    return ages != (None, None) or childhood_ages(named, r) != (None, None)


def _in_item_list(text: str, at: int, r: TargetGroupRules) -> bool:
    """Is the line at ``at`` one of a meeting's list of items, a line next to it one too ("64 Jobcafe
    for ledige" between "63 Projekt …" and "65 Orientering …")? The item's own title is read under it."""
    line = line_of(text, at, at)
    if r.item_list_line is None or not r.item_list_line.match(text, line.start):
        return False
    around = ([line_of(text, line.start - 1, line.start - 1)] if line.start else []) + (
        [line_of(text, line.end + 1, line.end + 1)] if line.end < len(text) else []
    )
    return any(r.item_list_line.match(text, other.start) for other in around)


def _cue_rows(
    text: str,
    sentences: list[Span],
    r: TargetGroupRules,
    covered: Callable[[int], bool],
    sections: list[Section],
    title: str,
) -> list[TargetGroup]:
    """Statements opened by a cue sentence; sentences ``covered`` by another statement are
    skipped, and a rule for some sections only applies in them."""
    rows = []
    roles = roles_at(sections)
    for i, sent in enumerate(sentences):
        line = text.rfind("\n", 0, sent.start) + 1, text.find("\n", sent.start) % (len(text) + 1)
        if covered(sent.start) or r.contents_line.search(text, *line):  # a contents line is read whole
            continue
        if r.name_line is not None and r.name_line.match(text, line[0]):  # a grant's name, not whom it is for
            continue
        here: Optional[set[str]] = None  # the roles around the sentence, when a rule asks
        for rule in r.statements:
            if rule.in_roles:
                here = roles(sent.start) if here is None else here
                if not here & set(rule.in_roles):
                    continue
            if rule.position == "start":  # at the sentence's start, or at a line's start inside it
                at = next((a for a in _line_starts(text, sent, r) if rule.pattern.match(text, a, sent.end)), None)
                found = at is not None
            else:
                at, found = sent.start, bool(rule.pattern.search(text, sent.start, sent.end))
            if not found:
                continue
            if r.not_statement.search(text, at, sent.end) or _in_item_list(text, at, r):
                break
            end = _statement_span(text, sentences, i, r)[1]
            if not rule.needs_label or _is_statement(text, at, sent.end, rule, r, end):
                row = _record(text, at, end, rule.id, r, title)
                if rule.needs_label and not specific(row.groups, r):  # a word before the group hid it
                    row.groups = sorted(_cue_labels(text, at, sent.end, rule, r, end)) or row.groups
                rows.append(row)
                break
    return rows


def _label_rows(text: str, sentences: list[Span], r: TargetGroupRules) -> list[TargetGroup]:
    rows = []
    for m in r.label.pattern.finditer(text):
        sent = sentence_at(sentences, m.end())
        line_end = text.find("\n", m.end())
        end = min(sent.end if sent else len(text), line_end if line_end >= 0 else len(text))
        start, end = trimmed(text, m.end(), end)
        if end > start:
            rows.append(_record(text, start, end, r.label.id, r))
    return rows


def _table_rows(text: str, r: TargetGroupRules) -> list[TargetGroup]:
    rows = []
    for m in r.table_title.pattern.finditer(text):
        a, b = trimmed(text, m.start("title"), m.end("title"))
        row = _record(text, a, b, r.table_title.id, r)
        if specific(row.groups, r):
            rows.append(row)
    return rows


def _short_lines(text: str, a: int, b: int, sentences: list[Span]) -> list[tuple[int, int]]:
    """The answer's lines, each an item, when it lists them one a line with no sentence's end
    ("Foreninger" over "Grupper af borgere" over "Institutioner"); else its sentences, each a
    statement of its own ("Alle unge mellem 15-27 år … . Der kan ansøges både som privatperson og forening.")."""
    spans = [m.span() for m in _LINE.finditer(text, a, b)]
    listed = len(spans) > 1 and not any(text[x:y].rstrip().endswith((".", "!", "?", ":", ",")) for x, y in spans)
    if listed:
        return spans
    return [(max(s.start, a), min(s.end, b)) for s in sentences if s.start < b and a < s.end] or [(a, b)]


def _answer_rows(text: str, sentences: list[Span], sections: list[Section], r: TargetGroupRules) -> list[TargetGroup]:
    """The answer to a question heading of whom an offer is for ("Hvem kan søge?"): the paragraph
    right after it, up to the next heading, when it names a group ("alle" and "borgere" are groups
    here) and asks nothing."""
    rows = []
    for m in r.question_heading.pattern.finditer(text) if r.question_heading else ():
        para = r.answer_paragraph.search(text, m.end())
        if not para:
            continue
        # a page that runs its questions and answers on without blank lines: the answer ends where
        # the next heading starts ("Hvem kan søge" / "Godkendte foreninger …" / "Hvad kan der søges til")
        end = min((s.char_end for s in sections if s.body_start <= para.start() < s.char_end), default=para.end())
        # an answer written as a list: each item that names a group, also under a line that leads in to
        # it ("Ansøgere kan være:"), up to the next question; an answer that denies (not_statement:
        # "Puljen gælder ikke for enkeltpersoner.") names nobody it is for
        asked = r.question_line.search(text, m.end() + 1)
        stop = asked.start() if asked else len(text)
        led = para.group().rstrip().endswith(":")
        items = [(a, min(b, stop)) for a, b in list_items(text, para.end() if led else m.end(), r) if a < stop]
        answers = items or _short_lines(text, para.start(), min(para.end(), end), sentences)
        for a, b in (trimmed(text, a, b) for a, b in answers):
            if (
                b > a
                and text[b - 1] != "?"
                and not r.not_statement.search(text, a, b)
                and _names_group(text[a:b], r, weak=True)
            ):
                rows.append(_record(text, a, b, r.question_heading.id, r))
    return rows


def _initiative_list_rows(text: str, sections: list[Section], r: TargetGroupRules) -> list[TargetGroup]:
    """One row per short line of a section whose heading says its lines are initiatives or
    offers ("Kulturelle initiativer": "Børnekultur i forsamlingshusene 2015"), when the line
    names a specific group."""
    rule = r.initiative_lists
    rows = []
    for sec in sections:
        if not rule.pattern.search(sec.heading):
            continue
        for line in re.finditer(r"[^\n]+", text[sec.body_start : sec.char_end]):
            a, b = trimmed(text, sec.body_start + line.start(), sec.body_start + line.end())
            if 0 < b - a <= rule.max_line and text[b - 1] not in ".:":
                row = _record(text, a, b, rule.id, r)
                if set(row.groups) - fallbacks(r) - rule.actor_labels:
                    rows.append(row)
    return rows


def find_target_groups(
    text: str, sentences: list[Span], sections: list[Section], r: TargetGroupRules, title: str = ""
) -> list[TargetGroup]:
    """Every target-group statement in ``text``, in document order, without overlaps; a
    statement that names no specific group may take the groups of the document's ``title``."""
    section_rows = _section_rows(text, sentences, sections, r)
    covered = [(s.body_start, s.char_end) for s in sections if s.role == r.section_role]
    listed, list_spans = list_rows(text, sentences, r, {s.char_start for s in sections})
    others = _label_rows(text, sentences, r) + listed + _table_rows(text, r)
    others += _initiative_list_rows(text, sections, r) + _answer_rows(text, sentences, sections, r)

    def in_section_or_list(offset: int) -> bool:
        return any(a <= offset < b for a, b in covered) or any(a <= offset < b for a, b in list_spans)

    kept = list(section_rows)
    for row in others + _cue_rows(text, sentences, r, in_section_or_list, sections, title):
        inside = any(a <= row.char_start < b for a, b in covered)
        if row.rule != r.list_rule.id and any(a <= row.char_start < b for a, b in list_spans):
            continue  # a statement inside a list item is covered by the item's row
        overlaps = any(row.char_start < k.char_end and k.char_start < row.char_end for k in kept)
        if not inside and not overlaps:
            kept.append(row)
    return sorted(kept, key=lambda t: t.char_start)
