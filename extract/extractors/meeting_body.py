"""The body whose meeting a page records, as the page names it: in a header field, alone on a header
line, beside the meeting's day (the decisions of one meeting: "Beslutning i Ældreudvalget den
12-03-2015" under each item), or, naming it nowhere there, most often in its items' titles and decisions.
Used by ``extract.extractors.document_title`` (a minutes title's body) and
``extract.extractors.document_meta`` (the meeting's day from its decisions). Pure functions.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from extract.extractors.dates import DateRules, iso_date
from extract.records import Section
from extract.structure.agenda_lines import field_of
from extract.structure.headings import HeadingRules, line_at, strip_marks
from extract.structure.titles import (
    body_of,
    committee_name,
    drop_period,
    item_list_line,
    labelled_body,
    name_form,
    text_lines,
    without_genitive,
)


def header_end(text: str, sections: list[Section], r: HeadingRules) -> int:
    """Where a meeting's header ends: at its first heading that is no block of the header (the
    attendance, a table of contents: "Deltagere", "Indholdsfortegnelse") nor a numbered line (an
    item's), near the top."""
    heads = (
        s.char_start
        for s in sections
        if s.heading and s.number is None and not r.titles.never_title.search(s.heading.strip())
    )
    return min(min(heads, default=len(text)), r.title_search_chars)


def meeting_body(
    text: str, sections: list[Section], r: HeadingRules, day: Optional[str], dates: DateRules
) -> Optional[str]:
    """The meeting's body: named in a header field, alone on a header line, or beside the
    meeting's day (when that day is not known, beside one day only: the decisions of one meeting,
    "Beslutning i Ældreudvalget den 12-03-2015" under each item); else the one the page names most."""
    head = [(a, strip_marks(line)) for a, line in text_lines(text[: header_end(text, sections, r)]) if line.strip()]
    body = labelled_body(head, r)
    if body:
        return body
    for _, line in head:
        archived = r.titles.archive_tail.search(line)
        line = line[: archived.start()] if archived else line
        alone = body_of(line, r) or (committee_name(line, r) if archived else None)
        if alone and not item_list_line(line, r) and not line.rstrip().endswith("."):
            if alone == name_form(drop_period(line, r).strip(), r) or archived:
                return alone  # the body alone ("Teknisk Udvalg (22-25)"), or over its archive
    dated = _bodies_on_days(text, r, dates)  # each body named beside a day, read once
    for _, _, body, on in dated:
        if day and body and on == day:
            return body
    named = set(_decided(text, dated, sections, r)) if not day else set()
    if len(named) == 1:  # the meeting's day not known: the decisions of one meeting
        return next(iter(named))[0]
    return None if named else most_named(text, [(a, b) for a, b, _, _ in dated], r)  # several bodies': none


def most_named(text: str, dated: list[tuple[int, int]], r: HeadingRules) -> Optional[str]:
    """The committee the page names most often, at least ``body_named_times`` times and more often than
    any other, not beside a day (``dated``: another meeting's decision), as an agenda system's page
    with no body in its header names it in its items' titles and decisions ("Budgetlægning 2026 … på
    Børne- og Familieudvalgets område", "Beslutning Børne- og Familieudvalget godkendte …")."""
    counts: Counter[str] = Counter()
    for m in r.titles.body_in_text.finditer(text):
        if not any(a <= m.start() < b for a, b in dated):
            body = body_of(without_genitive(m.group(0), r), r)
            counts.update([body] if body else [])
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < r.titles.body_named_times or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def decisions_on_days(text: str, sections: list[Section], r: HeadingRules, dates: DateRules) -> list[tuple[str, str]]:
    """(body, ISO day) of each decision written under an item that names its body beside the day
    ("Beslutning i Teknisk Udvalg den 01-10-2024"; an earlier treatment listed elsewhere is not
    read)."""
    return _decided(text, _bodies_on_days(text, r, dates), sections, r)


def _decided(text: str, named: list, sections: list[Section], r: HeadingRules) -> list[tuple[str, str]]:
    """(body, ISO day) of those of ``named`` (``_bodies_on_days``) that stand in an item's own decision."""
    return [(body, on) for at, _, body, on in named if body and on and _in_decision(text, at, sections, r)]


def _bodies_on_days(
    text: str, r: HeadingRules, dates: DateRules
) -> list[tuple[int, int, Optional[str], Optional[str]]]:
    """(where the body's words start, where the match ends, body, ISO day) of each line naming a body beside a day
    (``titles.body_on_date``: "Beslutning i Teknisk Udvalg den 01-10-2024"), wherever it stands; body or
    day None where the words name none."""
    found = []
    for pattern in r.titles.body_on_date:
        for m in pattern.finditer(text):
            day = iso_date(m.group("value"), dates, line_at(text, m.end("value")))
            found.append((m.start("body"), m.end(), body_of(m.group("body"), r), day))
    return found


def _in_decision(text: str, pos: int, sections: list[Section], r: HeadingRules) -> bool:
    """Is ``pos`` in the item's own decision: on a line that names the decision's field
    ("Beslutning i Byrådet d. 27. november 2024"), or in a section of the decision's role? A body
    beside a day elsewhere (an earlier treatment listed under "Sagsforløb") is another meeting's."""
    field = field_of(line_at(text, text.rfind("\n", 0, pos) + 1), r.agenda)
    role = r.agenda.label_body_role
    if field is not None and field.role == role:
        return True
    return any(s.role == role and s.char_start <= pos < s.char_end for s in sections)


def body_alone(line: str, r: HeadingRules) -> bool:
    """Does the line name a body alone ("Beskæftigelsesudvalget"; not "Budgetopfølgning 2, Beskæftigelsesudvalget",
    nor "Teknisk Udvalg - Referat")? Its web archive's name after it is none of it ("Byrådet - Dagsordener")."""
    line = r.titles.archive_tail.sub("", line)
    if r.titles.not_body_alone.search(line) or r.titles.with_body.search(line):
        return False
    return body_of(line, r) == name_form(line, r)
