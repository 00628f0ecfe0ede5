"""The document's title as a reader names it; none where the text holds no title line.

The title line (``extract.structure.titles.find_title``) is read with what the document holds. A meeting's page that
does not name its kind (its title line names only the body; a header line names the meeting, "Teknisk Udvalgs møde den
…"; or a header of fields, "Udvalg: …", "Mødedato: …", or a day and the attendance, stands over its items) and shows
one item is that agenda item, titled by the item ("117. Frigivelse af …", without its route "ØU/KB - "), unless the
item is procedural ("Godkendelse af dagsorden"). A page that names its kind ("Referat for Teknisk Udvalgs møde …"),
one of several items (item headings, the item lines of its header and table of contents, or an item's first field
standing again: "Sagsresume" under each item), or of none titled in the text, is the meeting's minutes or agenda,
titled by the kind word (written in its header, else the one over its list of items, "Åben dagsorden", else "Referat")
and the body's name ("Referat Teknisk Udvalg"): the body read from the title line, a header field ("Udvalg:", "Møde:",
also as a table's cells), a header line naming only the body (also over a web archive's name, "… - Dagsordener og
referater") or the meeting, or a line naming it beside the meeting's day ("Beslutning i Teknisk Udvalg den
01-10-2024"); naming no body, by the kind word alone. A field's heading is never the title. A place's name alone on a
line (the site's logo) is the sender, no title; a single word of a site's trail over a heading that narrows it
("Puljer" over "Kulturpuljen") gives way to that heading. Without a title line: the first line near the top that reads
as a title; a page that opens with running text has none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Collection, Optional

from extract.extractors.dates import DateRules, find_date_expressions, iso_date
from extract.extractors.document_place import place_key
from extract.extractors.meeting_body import body_alone, header_end, meeting_body
from extract.extractors.title_line import first_title_line
from extract.records import OTHER, Section, SourceText
from extract.structure.agenda_lines import MEETING_PART, field_of
from extract.structure.headings import HeadingRules, parse_number, strip_marks, title_candidate
from extract.structure.title_skips import reads_as_sentence
from extract.structure.titles import (
    BULLETS,
    before_fields,
    clean_title,
    committee_name,
    find_title,
    header_lines,
    item_list_line,
    kind_line_rest,
    labelled_body,
    meeting_line,
    meeting_line_body,
    text_lines,
    without_genitive,
)


def meeting_items(text: str, sections: list[Section], r: HeadingRules) -> dict[str, str]:
    """The meeting's items, number (or heading) to title: its item headings and the item lines
    of its header (a table of contents: near the top, before the first heading past it; not a
    numbered list whose lines are half or more sentences ``item_sentence_words`` long, a page's list of
    priorities; one long title ending in a stop among an agenda's items is an item's)."""
    items: dict[str, str] = {}
    for s in sections:
        if s.role == r.agenda.item_role:
            heading = s.heading
            if s.number and heading.startswith(s.number):  # "1 Strategi for …": the number parted by spaces
                heading = heading[len(s.number) :].lstrip(" \t.:") or heading
            items.setdefault(s.number or s.heading, clean_title(heading, r))
    contents: dict[str, str] = {}
    lines: dict[str, str] = {}  # the numbered lines
    sentences = 0  # how many of them read as a sentence (a page's list of priorities)?
    for _, line in text_lines(text[: header_end(text, sections, r)]):
        line = strip_marks(line).strip(" \t•·")
        number = r.titles.item_number.match(line)
        sentences += bool(number and line.endswith(".") and len(line.split()) >= r.titles.item_sentence_words)
        if number and (numbered := parse_number(line, r)) is not None:
            lines.setdefault(numbered[0], clean_title(line, r))
        elif number:
            lines.setdefault(number.group(0).strip(" .:-–"), clean_title(line, r))
        elif listed := r.titles.contents_line.match(line):
            contents.setdefault(listed.group(0).split()[-1], line[listed.end() :].strip())  # "åbent 1": "1"
    for number, title in ({} if sentences and 2 * sentences >= len(lines) else lines).items():
        items.setdefault(number, title)
    if len(contents) >= 2:  # a table of contents, not a stray number
        for number, title in contents.items():
            items.setdefault(number, title)
    return items


def _kind_word(title: str, r: HeadingRules) -> Optional[str]:
    """The kind word a minutes or agenda title starts with ("Referat Teknisk Udvalg")."""
    first = title.split(maxsplit=1)[0].rstrip(".") if title.strip() else ""  # "Referat. Mødedato: …"
    return first if r.titles.with_body.fullmatch(first) else None


def _kind_line_meeting(title: str, kind: str, r: HeadingRules) -> Optional[str]:
    """The body whose meeting a title line names after its kind word ("Referat af Byrådets møde
    den …" → "Byrådet"), the word that leads on to it dropped; None if it names none."""
    rest = title[len(kind) :].lstrip(" \t-–:,")
    rest = rest.split(maxsplit=1)[1] if rest[:1].islower() and " " in rest else rest
    return meeting_line_body(rest, r)


def _over_day(text: str, start: int, day: Optional[str], dates: DateRules, r: HeadingRules) -> bool:
    """Does the line at ``start`` stand right over a header line giving the meeting's day ("Mandag
    den 7. oktober 2024 kl. 16:30"; a line never a title that names that day)?"""
    nxt = next((line.strip() for line in text[start:].split("\n")[1:] if line.strip()), "")
    if not day or not r.titles.never_title.search(nxt):
        return False
    return any(iso_date(m.read_as, dates) == day for m in find_date_expressions(nxt, dates))


def _numbered_items(text: str, r: HeadingRules, titled: bool = True) -> int:
    """How many items a page shows by their numbered title lines ("Punkt 134: Godkendelse af
    dagsorden"), wherever they stand (headings found or not); not ``titled``: any numbered line."""
    numbers = set()
    for _, line in text_lines(text):
        line = strip_marks(line).strip()
        m = r.titles.item_number.match(line)
        words = _ORDINAL.sub("", line[m.end() :], count=1) if m else ""  # "1. behandling af …"
        if m and (not titled or _reads_as_title(words[:1].upper() + words[1:], r)):
            numbers.add(m.group(0).strip(" .:-–"))
    return len(numbers)


def _part_kind(text: str, sections: list[Section], fields: list[Section], r: HeadingRules) -> str:
    """The kind word of a meeting's page whose header writes none: the minutes' ("Referat") when a
    decision stands written (systems keep a page's "Åben dagsorden" and add the decisions), else the
    one over its list of items ("Åben dagsorden" → "Dagsorden"), else the minutes' when the page
    shows no item's fields, else the agenda's (``agenda_kind``): items with their fields and no
    decision, the page before the meeting. ``fields``: the page's sections headed by a field."""
    if _decided(text, sections, r):
        return r.titles.unnamed_kind
    m = r.titles.part_kind.search(text)
    if m:
        return m.group("kind").capitalize()
    return r.titles.agenda_kind if fields else r.titles.unnamed_kind


def _item_under_kind_line(text: str, at: int, r: HeadingRules) -> Optional[str]:
    """The one item of a meeting's page headed by its kind line ("Referat Aarhus Byråd 29-04-2020"
    over "Øget anlægsaktivitet for at afbøde krise" over "Beslutning …"): the line right under the
    kind line when it reads as a title of three words or more, no comma (the meeting's room: "Rådhuset,
    byrådssalen"), no procedural item (the announcements: the meeting's page), and a field opens the
    line after it."""
    lines = [line.strip() for line in text[at:].split("\n", 8)[1:8] if line.strip()]
    if len(lines) < 2 or not _reads_as_title(lines[0], r) or "," in lines[0] or len(lines[0].split()) < 3:
        return None
    title = clean_title(lines[0], r)
    return title if field_of(lines[1].split()[0], r.agenda) and not r.titles.procedural_item.match(title) else None


def _minutes_kind(kind: str, text: str, r: HeadingRules, at: Optional[int] = None) -> str:
    """The minutes' kind word for a page headed as an agenda whose header also names its minutes
    (``minutes_line``: "Dagsorden" over the meeting's day and "Referat" alone over its items, as a
    system prints a meeting's page once decided; or "Referat af …møde …" over the agenda's line
    at ``at``), else ``kind``."""
    if kind.lower() != r.titles.agenda_kind.lower():
        return kind
    lines = [(a, line.strip()) for a, line in before_fields(header_lines(text, r), r)]
    alone = any(r.titles.with_body.fullmatch(line) and line.lower() != kind.lower() for _, line in lines)
    over = any(r.titles.minutes_line.match(line) and (at is None or a < at) for a, line in lines)
    return r.titles.unnamed_kind if alone or over else kind


def _decided(text: str, sections: list[Section], r: HeadingRules) -> bool:
    """Does the page write a decision: a decision's field with words under it, or a decision's words
    alone after a colon or on a line ("Godkendelse af dagsorden: Godkendt.", ``decided_words``)?"""
    return any(s.role == r.agenda.label_body_role and s.body.strip() for s in sections) or bool(
        r.titles.decided_words.search(text)
    )


def _header_field_body(text: str, r: HeadingRules) -> Optional[str]:
    """The meeting's body a field of the page's header names before the first field of an item
    ("Udvalg: Kommunalbestyrelsen 2022-2025" over "Mødedato: …"), if one does."""
    return labelled_body(before_fields(header_lines(text, r), r), r)


def _field_repeated(text: str, fields: list[Section], r: HeadingRules) -> bool:
    """Does the page's first field of an item stand again with a line reading as a title in the
    text before it, since the field above ("Sagsresume" under each item's title): the page holds
    several items, whether or not their titles are numbered or found. A field standing again
    with only the text of the field above before it is the same item's, treated again or handed
    on ("Sagsfremstilling" under "Indstilling" and its sentence). ``fields``: the page's sections
    headed by a field."""
    first = fields[0].heading.strip().lower() if fields else None
    for above, s in zip(fields, fields[1:]):
        if s.heading.strip().lower() == first:
            if any(_reads_as_title(line, r) for line in text[above.char_start : s.char_start].split("\n")[1:]):
                return True
    return False


def _fields(sections: list[Section], r: HeadingRules) -> list[Section]:
    """The page's sections headed by an item's field ("Sagsfremstilling"), no part of the record's."""
    roles = {f.role for f in r.agenda.fields}
    return [s for s in sections if s.heading and s.number is None and s.role in roles and s.rule != MEETING_PART]


def _reads_as_title(line: str, r: HeadingRules) -> bool:
    """Does a line read as an item's title: a capital first, more than one word, no sentence,
    label, list or decision of one word ("Godkendt")?"""
    text = strip_marks(line).strip()
    if not text[:1].isupper() or len(text.split()) < 2 or line.lstrip()[:1] in BULLETS:
        return False
    title = title_candidate(text, r)
    return bool(title) and not title.endswith((".", ":", ",")) and not r.titles.never_title.search(title)


def _field_heads(sections: list[Section], r: HeadingRules) -> frozenset[int]:
    """Where the headings of an item's fields and blocks start (never the title); an item's
    heading, or a numbered one, is its title."""
    return frozenset(s.char_start for s in sections if s.heading and s.number is None and s.role != r.agenda.item_role)


_ORDINAL = re.compile(r"^\d{1,3}\.\s+")  # an ordinal before a title's first word


def _title_past_places(
    src: SourceText, r: HeadingRules, places: Collection[str]
) -> tuple[Optional[tuple[int, str]], bool]:
    """(title line, whether a line naming a place alone was passed over): the municipality's
    name over a web page (its logo's text) is the sender, no title; the line after it is the
    title even where the page's sections took it for a heading. ``places``: names in lower case."""
    found, passed = find_title(src, r), False
    for _ in range(3):
        if found is None or place_key(found[1]) not in places:
            break
        start, end = found[0], src.text.find("\n", found[0])
        end = len(src.text) if end < 0 else end
        src = replace(src, text=src.text[:start] + " " * (end - start) + src.text[end:])
        found, passed = find_title(src, r), True
    narrower = _narrower_heading(src.text, found, r) if found else None
    return (narrower, True) if narrower else (found, passed)


def _narrower_heading(text: str, found: tuple[int, str], r: HeadingRules) -> Optional[tuple[int, str]]:
    """A web page's heading under the one word of the site's section it belongs to, the lines
    between them more of the trail ("Tilskud" over "Frivillig forening" over "Aktivitetstilskud";
    "Puljer" over "Kulturpuljen"): the first of the next few lines, each a title, whose last
    word ends in that word, inflected or not (``trail_inflection``: the endings either may
    take). None when the title line is no single word or none follows."""
    word = found[1].strip()
    if len(word.split()) != 1 or not word[:1].isupper():
        return None
    pos = text.find("\n", found[0])
    for start, raw in text_lines(text[pos + 1 : pos + 1 + r.title_search_chars])[:8] if pos >= 0 else []:
        line = strip_marks(raw).strip()
        if not line:
            continue
        title = title_candidate(line, r)
        if not title or title != line or reads_as_sentence(title, r) or r.titles.never_title.search(line):
            return None  # the trail ends: body text, a label, a heading's mark
        if narrows(word, line.split()[-1], r):
            return pos + 1 + start, clean_title(line, r)
    return None


def narrows(word: str, last: str, r: HeadingRules) -> bool:
    """Is ``last`` (a heading's last word) a compound of a trail's ``word``, either inflected by
    ``trail_inflection`` ("Puljer" and "Kulturpuljen", "Tilskud" and "Aktivitetstilskud")?"""
    stem = r.titles.trail_inflection.sub("", word.lower())
    ends = re.escape(stem) + f"(?:{r.titles.trail_inflection.pattern})"
    return len(last) > len(word) and re.search(ends, last.lower()) is not None


def document_title(
    src: SourceText,
    sections: list[Section],
    r: HeadingRules,
    dates: DateRules,
    day: Optional[str] = None,
    places: Collection[str] = (),
) -> tuple[Optional[str], Optional[tuple[int, str]]]:
    """(title, title line found): the title as a reader names it (see the module's docstring);
    ``places``: the names of places in lower case, which alone on a line are no title.
    A meeting's page (its title line names only the body, a header line names the meeting, or
    no title line stands over its items) that holds one item is that agenda item;
    one of several items (or none in the text) is the meeting's minutes or agenda, titled by the
    kind word and the body; any other title line stays."""
    heads = _field_heads(sections, r)
    found, passed = _title_past_places(src, r, places)
    kind = _kind_word(found[1], r) if found else None
    if found and found[0] in heads and not kind and not passed:
        found = None  # a field's heading ("Beslutningstema") is no title
    items = meeting_items(src.text, sections, r)
    fields = _fields(sections, r)
    agenda_fields = any(f.role != OTHER for f in fields)  # an item's fields ("Sagsfremstilling"), not only others
    bare = found is not None and body_alone(found[1], r) and (bool(items) or agenda_fields)
    rest = found[1][len(kind) :].strip(" ()") if kind else ""  # "Referat (1.10.2024)", "Dagsorden med vedtagelser"
    alone = kind is not None and (not rest or bool(iso_date(rest, dates) or r.titles.kind_qualifier.fullmatch(rest)))
    meeting = found is not None and meeting_line(found[1], r) is not None  # "Byrådets møde den …"
    meeting = meeting and (bool(items) or bool(fields))  # a news page's headline on a meeting holds none
    held = meeting_line_body(src.text, r) if found is None or bare or alone or meeting else None
    # items listed under "Åben dagsorden", written out or not
    parted = r.titles.part_kind.search(src.text) is not None and _numbered_items(src.text, r, titled=False) >= 2
    several = len(items) >= 2 or _field_repeated(src.text, fields, r) or parted
    fielded = _header_field_body(src.text, r) if found is None or several else None
    item_line = found is not None and not kind and (found[1] in items.values() or fielded) and several
    over_day = (
        found is not None and not (kind or bare or held) and several and _over_day(src.text, found[0], day, dates, r)
    )
    committee = committee_name(found[1], r) if over_day else None  # "Plan og Miljø" over the meeting's day
    if kind or bare or held or fielded or found is None or item_line or committee:
        only = next(iter(items.values())) if len(items) == 1 and not several else None
        if only and not kind and not r.titles.procedural_item.match(only):
            return only, found
        if kind and not alone:
            listed = several or _numbered_items(src.text, r) >= 2
            body = _kind_line_meeting(found[1], kind, r) if listed else None
            named = _minutes_kind(kind, src.text, r, found[0])
            if body:  # "Referat af Byrådets møde d. 1.10.2024" over the meeting's items
                return f"{named} {clean_title(body, r)}", found
            item = None if several else _item_under_kind_line(src.text, found[0], r)
            if item:
                return item, found
            return named + without_genitive(kind_line_rest(found[1][len(kind) :], r), r), found  # "Referat Teknisk …"
        if kind or bare or held or fielded or several:
            body = held or committee or meeting_body(src.text, sections, r, day, dates) or fielded
            body = body or (found[1] if bare else None)
            if body:
                named = kind or _part_kind(src.text, sections, fields, r)
                named = _minutes_kind(named, src.text, r, found and found[0])
                return f"{named} {clean_title(body, r)}", found
    if found:
        return found[1], found
    head = src.text[: min((f.char_start for f in fields), default=len(src.text))] if several else src.text
    line = first_title_line(head, r, heads, places)  # a meeting's page: a line over its first field
    if several and (day or agenda_fields) and (not line or item_list_line(line, r) or line in items.values()):
        return _part_kind(src.text, sections, fields, r), found  # a meeting's page naming no body: its kind
    return line, found
