"""Target groups named as the items of a list: a list announced by "over for følgende grupper:"
or "Puljen kan søges af:" (each item a statement), or a list of focus areas, members or goals
(an item counts when it names a group), bulleted or copied without its bullets.
"""

from __future__ import annotations

from extract.extractors.target_group_labels import find_labels, specific
from extract.extractors.target_group_records import record
from extract.extractors.target_group_rules import TargetGroupRules
from extract.records import TargetGroup
from extract.structure.sentences import Span, line_of, sentence_at


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def list_items(text: str, pos: int, r: TargetGroupRules) -> list[tuple[int, int]]:
    """(start, end) of each bullet paragraph that follows ``pos``, up to the first non-bullet
    paragraph (one right after an item that ends with a colon is that item's description) or the
    first bullet indented less than the list's first (the outer list the intro stands in goes on)."""
    items: list[tuple[int, int]] = []
    described, first_indent = False, 0
    # a paragraph, or a line that opens with a bullet (lists written one item a line)
    for para in r.list_paragraph.finditer(text[pos:]):
        bullet = r.list_bullet.match(para.group())
        if not bullet and r.bare_conjunct and para.group().strip().lower() in r.bare_conjunct.joined_by:
            continue  # "eller" on a line of its own between two items
        if not bullet:
            if not described:
                break
            items[-1] = (items[-1][0], pos + para.end())
            described = False
            continue
        at = pos + para.start()
        indent = len(text[line_of(text, at, at).start : at].expandtabs())
        if items and indent < first_indent:
            break
        if not items:
            first_indent = indent
        items.append((pos + para.start() + bullet.end(), pos + para.end()))
        described = para.group().rstrip().endswith(":")
    return items


def bare_items(text: str, pos: int, r: TargetGroupRules, headings: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of one short line after ``pos``, a list copied without its
    bullets (a web page's list: "Særligt tilskud ydes til:" over "Fysisk og psykisk handicappede
    under 40 år. …"), up to the first paragraph of more lines or more words, a bullet's or a
    heading's (``headings``: the sections' starts)."""
    items = []
    for para in r.list_paragraph.finditer(text[pos:]):
        one_line = "\n" not in para.group() and len(para.group().split()) <= r.list_bare_words
        if not one_line or pos + para.start() in headings or r.list_bullet.match(para.group()):
            break
        items.append((pos + para.start(), pos + para.end()))
    return items


def _opens_with_group(text: str, a: int, b: int, r: TargetGroupRules) -> bool:
    """Does the paragraph ``a:b`` open with the group it names, in its first words ("Fysisk og psykisk
    handicappede under 40 år. …"), as a list's item does, not a sentence that names one later ("På
    Ærø skal flere drikke mindre, og alkoholdebuten hos unge …", a goal)?"""
    lead = " ".join(text[a:b].split()[: r.list_bare_lead_words])
    return specific(find_labels(lead, r), r)


def list_rows(
    text: str, sentences: list[Span], r: TargetGroupRules, headings: set[int]
) -> tuple[list[TargetGroup], list[tuple[int, int]]]:
    """One row per list item (its label), and the items' whole spans (label and description)."""
    rows, spans = [], []
    intros = [(m, False) for m in r.list_rule.pattern.finditer(text)]
    intros += [(m, True) for m in r.list_intro_named.finditer(text)] if r.list_intro_named else []
    for intro, named in intros:
        items = list_items(text, intro.end(), r)
        bare = not items and r.list_bare_words and text[intro.end() : intro.end() + 2].strip() == ""
        for start, end in items or (bare_items(text, intro.end(), r, headings) if bare else []):
            colon = text.find(":", start, min(end, start + r.list_max_label))
            sent = sentence_at(sentences, start)
            stop = colon if colon >= 0 else min(end, sent.end if sent else end)
            a, b = trimmed(text, start, stop)
            row = record(text, a, b, r.list_rule.id, r) if b > a else None
            figure = named and r.list_named_item_not and r.list_named_item_not.match(text, a)
            if bare and (figure or not _opens_with_group(text, a, b, r)):
                break  # a list without bullets ends at the first paragraph that opens with no group
            if row and named and (not specific(row.groups, r) or figure):
                continue  # an item of a list of areas, members or goals that names no group, or a figure of one
            spans.append((start, end))
            if row:
                rows.append(row)
    return rows, spans
