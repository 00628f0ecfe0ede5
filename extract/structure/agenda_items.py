"""The items of minutes or an agenda among the lines of a page: numbered lines followed by an
item's field, unnumbered titles over a case number or over the field each item opens with; the
groups of the items and the parts of the meeting's record above them (see
``extract.structure.agenda``)."""

from __future__ import annotations

from itertools import takewhile
from typing import Optional

from extract.records import OTHER
from extract.structure.agenda_lines import (
    MEETING_PART,
    field_of,
    first_line_after,
    meeting_part,
    numbered_item,
    procedural_name,
    record_sentence,
    rejected_subheading,
    squash,
    unglue,
)
from extract.structure.agenda_rules import AgendaRules
from extract.structure.headings import (
    Candidate,
    HeadingRules,
    is_sentence,
    never_heading,
    next_line_start,
    strip_marks,
)
from extract.structure.titles import bulleted_number, text_lines


def meeting_items(text: str, fields, record: set[int], title_at: Optional[int], r: HeadingRules) -> list[Candidate]:
    """Items of minutes or an agenda, titled as written: a "Punkt 3: …" line, or a numbered title
    ("3. Godkendelse af …", "117. Frigivelse af …") that starts a line of its own (not in a run of
    numbered lines: a list of the items; a decision's points "1. Godkendt." over "34. …" are
    another list) and is followed by a field, directly or after at most a few short lines of the
    item's record (case number, case worker, its title again, a web page's buttons, labels
    abbreviated with a stop: "Sagsnr."), no sentence among them (its title may read as one when its
    number follows the item's before: a proposal, "12. Venstre foreslår, at …"); the field is the document's first,
    one it has used before (the fields start again for each item), or the line numbers the item
    after the one before ("2. Meddelelser" after "1. Godkendelse af dagsorden", whatever its first
    field; with no field after it, the page's last item cut off). A number followed by lower-case
    words ("Punkt 166 flyttes til …") is a sentence about an item, no item. The numbered lines
    just over an item, numbered as the items before it, are items whose fields the page does not
    show (``_items_over``). ``record``: where the fields start that name a part of a meeting's
    record as well ("Fraværende:"), no item's field."""
    ag = r.agenda
    raw = [(a, line) for a, line in text_lines(text) if title_at is None or a > title_at]
    listed = {squash(line) for _, line in raw}
    glued = set()
    lines = []
    for a, line in raw:
        found = unglue(line, listed, ag)
        if found:
            glued.add(len(lines))
            a, line = a + found[0], found[1]
        lines.append((a, ag.item_control_tail.sub("", squash(line), count=1)))
    numbered = [numbered_item(line, r) if line else None for _, line in lines]  # blank lines too: runs are adjacent
    _bulleted_numbers(lines, numbered, r)
    field_at = {f.start for f, _ in fields}
    out = []
    for i, (a, line) in enumerate(lines):
        parsed = numbered[i]
        above_case = bool(line) and _above_case_number(line, _next_text(lines, i), r)  # over "Sagsnr: …"
        if parsed is None and above_case:
            body = min(next_line_start(text, a), len(text))
            out.append(
                Candidate(a, body, strip_marks(line), None, None, None, "numbered", ag.item_role, "item_case", True)
            )
        if parsed is None or a in field_at or parsed[1][:1].islower():
            continue  # "Punkt 166 flyttes til …": a sentence about an item
        if parsed[2] == ag.item_style and rejected_subheading(line, "", ag, max_words=r.max_words) == "final_stop":
            continue  # "Punkt 12 Ny skolestruktur udsættes.": a decision's sentence about an item
        if parsed[2] != ag.item_style:
            first = next(((f, rule) for f, rule in fields if f.start > a), None)
            run = []  # the items over this one whose fields the page does not show, when an item's field follows
            if first is not None and first[0].start not in record:
                run = _items_over(lines, numbered, i, out, field_at, r)
            in_list = i and numbered[i - 1] and i not in glued and not _after_other_list(numbered[i - 1][0], parsed[0])
            in_list = in_list and not ag.item_repeated_number.match(line)  # "2.  2. Orientering …": an item's line
            next_item = _next_number(out, parsed[0])
            follows = next_item or bool(run)
            # a title may end with a full stop ("347. Evaluering af budgetprocessen.") when it is numbered as the
            # next item or opens the page's items, above every field (not a point of a field's list), and
            # reads as no sentence ("2. Gennemsnitsarealet pr. bolig er uændret.")
            stop_ok = next_item or not any(f.start < a for f, _ in fields)
            stop_ok = stop_ok and not is_sentence(parsed[1], r)
            rejected = rejected_subheading(line, "", ag, numbered=stop_ok, max_words=r.max_words)
            if rejected in ag.item_sentence_rules and follows:
                rejected = None  # a proposal put on the agenda, numbered as the next item
            if (in_list and not run) or rejected:
                continue
            if first is None:
                prior = next((numbered[j] for j in range(i - 1, -1, -1) if lines[j][1]), None)
                if prior is None and _next_number(out, parsed[0]):  # the page's last item, its fields cut off
                    out.append(_item(text, a, parsed, ag))
                continue  # or a point of a list ("Bilag" over "1. Notat …", "2. Tidsplan …"): no item
            before_field = takewhile(lambda j: lines[j][0] < first[0].start, range(i + 1, len(lines)))
            gap = [j for j in before_field if lines[j][1]]  # the lines are in the text's order
            if not above_case and (  # right over its case number, an item whose fields the page leaves out
                len(gap) > ag.item_max_gap_lines
                or any(numbered[j] or record_sentence(lines[j][1], r.min_sentence_words) for j in gap)
            ):
                continue
            before = {rule.id for f, rule in fields if f.start < a and f.start not in record}
            if before and first[1].id not in before and not follows:
                continue
            out.extend(_item(text, lines[j][0], numbered[j], ag) for j in run)
        out.append(_item(text, a, parsed, ag))
    taken = {c.start for c in out}
    over = [c for c in _titles_over_fields(lines, fields, record, r) if c.start not in taken and not _repeats(c, out)]
    found = sorted(out + over, key=lambda c: c.start)
    return found or _marks_over_fields(lines, fields, record, r)


def _repeats(title: Candidate, items: list[Candidate]) -> bool:
    """Is the unnumbered title the title of the numbered item above it, printed again under the item's
    line ("174. Godkendelse af dagsorden …" over "Godkendelse af dagsorden …", as one agenda system
    prints each item): the same item, no heading of its own."""
    above = max((c for c in items if c.start < title.start), key=lambda c: c.start, default=None)
    return above is not None and above.number is not None and above.heading.endswith(title.heading)


def _lines_over_fields(lines: list[tuple[int, str]], fields, record: set[int]):
    """(row, field's rule) of each line alone in its paragraph right over a field's line, a blank
    line between; not over a field that names a part of the meeting's record (``record``)."""
    row = {a: i for i, (a, _) in enumerate(lines)}
    for f, rule in fields:
        i = row.get(f.start)
        if f.start in record or i is None or i < 2 or lines[i - 1][1]:
            continue
        j = i - 2
        if lines[j][1] and not (j and lines[j - 1][1]):
            yield j, rule


def _titles_over_fields(lines: list[tuple[int, str]], fields, record: set[int], r: HeadingRules) -> list[Candidate]:
    """Unnumbered item titles of minutes of several items: a line alone in its paragraph right over
    the field that opens an item ("Referat fra Magistratens møde den 7. september 2020" over
    "Beslutning"), where two such lines or more stand over fields of one name (the items repeat
    their fields); a title reads as one (no field, number, label, sentence or page's header line)."""
    over: dict[str, list[Candidate]] = {}
    for j, rule in _lines_over_fields(lines, fields, record):
        a, line = lines[j]
        if field_of(line, r.agenda) or numbered_item(line, r):
            continue
        if never_heading(line, r) or r.titles.never_title.search(line.strip()) or meeting_part(line, r.agenda):
            continue
        if rejected_subheading(line, "", r.agenda, max_words=r.max_words) or not _reads_as_item_title(line, r):
            continue
        title, role = squash(strip_marks(line)), r.agenda.item_role
        item = Candidate(a, a + len(line) + 1, title, None, None, None, "numbered", role, "item_over_fields", True)
        over.setdefault(rule.id, []).append(item)
    return [c for found in over.values() if len(found) >= 2 for c in found]


def _marks_over_fields(lines: list[tuple[int, str]], fields, record: set[int], r: HeadingRules) -> list[Candidate]:
    """Items of minutes whose page lost their titles: an item's access mark alone in its paragraph
    right over the field the item opens with ("Åben" over "Indstilling", the not_headings rules of
    ``item_mark_not_headings``) stands for the item, where two marks or more so open items; the mark
    names no role of an item."""
    out = []
    for j, _ in _lines_over_fields(lines, fields, record):
        a, line = lines[j]
        if never_heading(line, r) in r.item_mark_not_headings:
            mark = squash(line)
            out.append(Candidate(a, a + len(line) + 1, mark, None, None, None, "numbered", OTHER, "item_mark", True))
    return out if len(out) >= 2 else []


def _reads_as_item_title(line: str, r: HeadingRules) -> bool:
    """Words of a title, not a line of the item's record: a label and its value ("Sagsforløb: ÆO"),
    a case type in one word ("Beslutningssag"), bodies' abbreviations ("ØK, BY") or the bodies of
    its route ("Udvalget for Ældre og Sundhed, Økonomiudvalget, Kommunalbestyrelsen")."""
    text = squash(strip_marks(line))
    if ":" in text or len(text.split()) < 2 or not any(ch.islower() for ch in text):
        return False
    parts = [p.strip() for p in text.split(",")]
    return len(parts) < 2 or not all(r.titles.body_name.search(p) for p in parts)


def _bulleted_numbers(lines: list[tuple[int, str]], numbered: list, r: HeadingRules) -> None:
    """An item's number alone in a list's bullet over its title ("• 34." over "Beslutningssag:
    Godkendelse af dagsorden", as agenda systems' web pages list a meeting's items): the title
    line is the item, numbered so (``numbered`` updated in place)."""
    if not r.agenda.item_numbered_styles:
        return
    style = r.agenda.item_numbered_styles[0]
    for i, (_, line) in enumerate(lines):
        if not bulleted_number(line):
            continue
        j = next((k for k in range(i + 1, len(lines)) if lines[k][1]), None)
        if j is None or numbered[j] or field_of(lines[j][1], r.agenda) or never_heading(lines[j][1], r):
            continue
        number = line.strip()[1:].strip(" \t.")
        numbered[j] = (number, strip_marks(lines[j][1]), style, "item_bulleted_number", lines[j][1])


def _items_over(lines, numbered, i: int, out: list[Candidate], field_at: set[int], r: HeadingRules) -> list[int]:
    """The lines over item line ``i``, with nothing but blank lines or a web page's buttons between
    ("Til toppen"), numbered as the items just before it ("6. Lukket punkt" over "7. Sundhedsprofil
    …"; a page's list of the items over the one it shows): items whose fields the page does not
    show, when the first of them follows the last item found, or starts the items with no field
    above it; else none."""
    ag, words = r.agenda, r.max_words
    run: list[int] = []
    number = numbered[i][0]
    for j in range(i - 1, -1, -1):
        if not lines[j][1] or never_heading(lines[j][1], r) in r.control_not_headings:
            continue
        prior = numbered[j]
        if prior is None or not (prior[0].isdigit() and number.isdigit() and int(prior[0]) == int(number) - 1):
            break
        if prior[2] == ag.item_style or prior[1][:1].islower():
            return []
        if rejected_subheading(lines[j][1], "", ag, max_words=words):
            return []
        run.insert(0, j)
        number = prior[0]
    if not run:
        return []
    start = lines[run[0]][0]
    if _next_number(out, number) or (not out and not any(f < start for f in field_at)):
        return run
    return []


def _item(text: str, a: int, parsed: tuple[str, str, str, str, str], ag: AgendaRules) -> Candidate:
    body = min(next_line_start(text, a), len(text))
    return Candidate(a, body, parsed[4], parsed[0], parsed[2], None, "numbered", ag.item_role, parsed[3], True)


def _after_other_list(before: str, number: str) -> bool:
    """Does an item's number follow a line of another list, numbered apart from it (a decision's
    points "1. … 2. …" directly over "34. Økonomisk overblik")?"""
    return before.isdigit() and number.isdigit() and int(number) > int(before) + 1


def _next_number(items: list[Candidate], number: str) -> bool:
    """Does ``number`` follow the number of the last item found ("2" after "1")?"""
    last = next((c.number for c in reversed(items) if c.number), None)
    return bool(last and last.isdigit() and number.isdigit() and int(number) == int(last) + 1)


def _next_text(lines: list[tuple[int, str]], i: int) -> str:
    """The first line after line ``i`` that is not blank."""
    return next((lines[j][1] for j in range(i + 1, len(lines)) if lines[j][1]), "")


def _empty_label(line: str) -> bool:
    """Is the line a label whose value holds no word ("PDF: |")?"""
    _, colon, rest = line.partition(":")
    return bool(colon) and not any(ch.isalnum() for ch in rest)


def _above_case_number(line: str, nxt: str, r: HeadingRules) -> bool:
    """Is the line an unnumbered item title, the item's case number on the next line ``nxt`` ("Sag nr. 142")?"""
    if not r.agenda.item_case_number.match(nxt) or r.agenda.item_case_number.match(line) or never_heading(line, r):
        return False
    if r.titles.never_title.search(line) or _empty_label(line) or meeting_part(line, r.agenda):
        return False  # a line of the meeting's header ("Mødested: …", "PDF: |", "Punktoplysning")
    return field_of(line, r.agenda) is None and rejected_subheading(line, "", r.agenda) is None


def meeting_parts(text: str, paras, title_at: Optional[int], first: int, r: HeadingRules) -> list[Candidate]:
    """The parts of a meeting's record above its first item or field: a line alone in its paragraph,
    over a bulleted list (the names of those present, "Deltagere" over "• Anne Hansen") or ending
    its paragraph under another part ("Fraværende:" over "Afbud:"); and the
    meeting's procedural items written without a number, each over its decision ("Godkendelse af
    dagsorden:" over "Godkendt"). The labels of a header printed as a block of labels over their
    values ("UDVALG" over the body, "Mødetid:" over the day) are none: the cells of the header's
    table, which readers of the latest five sets of such pages labelled no heading."""
    out = []
    for a, b in paras:
        if a >= first:
            continue
        lines = text[a:b].split("\n")
        start = a
        for j, line in enumerate(lines):
            above_title = title_at is not None and start <= title_at
            if above_title and not (start < title_at and len(lines) == 1 and meeting_part(line, r.agenda)):
                start += len(line) + 1
                continue  # the header over the title; a part alone in its paragraph there is one
            nxt = lines[j + 1] if j + 1 < len(lines) else first_line_after(text, b)
            heading = strip_marks(squash(line))
            last = 0 < j == len(lines) - 1 and meeting_part(lines[j - 1], r.agenda)  # "Fraværende:" over "Afbud:"
            if meeting_part(line, r.agenda) and (len(lines) == 1 or last or r.agenda.meeting_list_line.match(nxt)):
                out.append(
                    Candidate(start, start + len(line) + 1, heading, None, None, None, "part", OTHER, MEETING_PART)
                )
            elif j == 0 and procedural_name(heading, r):
                role = r.agenda.item_role
                out.append(
                    Candidate(start, start + len(line) + 1, heading, None, None, None, "part", role, "procedural_item")
                )
            start += len(line) + 1
    return out


def item_groups(text: str, paras, title_at: Optional[int], r: AgendaRules) -> list[Candidate]:
    """The groups of a meeting's items ("A. Sager til afgørelse i udvalget"), each alone in its paragraph."""
    out = []
    for a, b in paras:
        line = squash(text[a:b])
        if (title_at is None or a > title_at) and "\n" not in text[a:b] and r.item_group.fullmatch(line):
            out.append(Candidate(a, min(b + 1, len(text)), line, None, None, None, "part", OTHER, "item_group"))
    return out
