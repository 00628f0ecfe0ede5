"""Document metadata: title, date, kind, case and document number, author.

Labels ("Sagsnr.", "Dokumentnr."/"Dok.nr.", "Sagsbehandler", "Dato:", "Sidst
opdateret:") are read near the top of the document (a web page's day of publication
anywhere); the value follows the label on the same line or alone on the next line. The
date is read before the first heading: a labelled date, else a line holding only a date
(the budget note's "23-09-2012", a letter's "Den 3. januar 2013"), else, on an agenda
item's or a meeting's page, a meeting date ("mødet den 3. maj 2024"), else the latest day
the decisions under its items name beside the body; dates inside other sentences are never
the document's date. An agenda item, agenda or minutes (by its layout or its kind) without a
date in its text takes the date in its file name; ``date_basis`` says which. The title is the first
title line read with the document's items (``extract.extractors.document_title``); the kind comes
from words of the title or of the line it was read from ("Punkt 5: …"), else from an item's layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Day
from itertools import islice
from types import MappingProxyType
from typing import Collection, Mapping, Optional

from extract.extractors.dates import YEAR_IN_TEXT, DateRules, iso_date
from extract.extractors.document_title import document_title
from extract.extractors.meeting_body import decisions_on_days
from extract.records import DocumentMeta, Section, SourceText
from extract.rules import RuleError, require_keys, require_number, require_regex, require_strings
from extract.structure.agenda_lines import MEETING_PART
from extract.structure.headings import HeadingRules, line_at
from extract.structure.titles import named_kind

FIELDS = ("case_number", "document_number", "author", "date", "published")
DATES = ("date", "published")  # fields holding a day


@dataclass(frozen=True)
class LabelRule:
    id: str
    field: str
    label: re.Pattern
    value: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class KindRule:
    id: str
    kind: str
    pattern: re.Pattern
    examples: tuple


@dataclass(frozen=True)
class DateRule:
    id: str
    pattern: re.Pattern  # with a group `value`: the written date
    examples: tuple


@dataclass(frozen=True)
class MetaRules:
    search_chars: int
    labels: tuple[LabelRule, ...]
    date_line: re.Pattern
    date_line_id: str
    date_line_examples: tuple
    kinds: tuple[KindRule, ...]
    meeting_dates: tuple[DateRule, ...]  # an agenda item's or minutes' meeting date in the text
    file_name_date: DateRule  # the meeting date in an agenda item's file name (last resort)
    agenda_kind: str  # the kind of a document laid out as an agenda item
    meeting_kinds: tuple[str, ...] = ()  # kinds of documents about a meeting's matters (no initiatives)
    short_months: tuple[tuple[re.Pattern, str], ...] = ()  # a header's month cut short, and its full name
    byline_date: Optional[DateRule] = None  # a news page's date line in its first lines
    byline_within: int = 0  # ... read within this many characters of the text's start
    weekday_day: Optional[DateRule] = None  # a weekday, day and month without a year; groups weekday, day, month
    agenda_approval: tuple = ()  # DateRules of the item's own meeting named in its text (its agenda approved)
    viewer_cover: Optional[DateRule] = None  # the first day of a document viewer's title of the PDF's cover
    agenda_roles: tuple[str, ...] = ()  # roles of headings only an agenda item holds ("Sagsfremstilling")
    approval_line: tuple = ()  # DateRules of a plan's approval or an agreement's making on a line of its own


def _label(entry, i: int) -> LabelRule:
    rid = entry.get("id", f"labels[{i}]") if isinstance(entry, dict) else f"labels[{i}]"
    entry = require_keys(entry, rid, ["id", "field", "pattern", "value", "examples"])
    if entry["field"] not in FIELDS:
        raise RuleError(rid, f"field is {entry['field']!r}; allowed values: {list(FIELDS)}")
    if not entry["examples"]:
        raise RuleError(rid, "needs a non-empty list of real Danish 'examples'")
    return LabelRule(
        rid,
        entry["field"],
        require_regex(entry["pattern"], rid),
        require_regex(entry["value"], rid, "value"),
        tuple(entry["examples"]),
    )


def _kind(entry, i: int) -> KindRule:
    rid = entry.get("id", f"kinds[{i}]") if isinstance(entry, dict) else f"kinds[{i}]"
    entry = require_keys(entry, rid, ["id", "kind", "pattern", "examples"])
    if not entry["examples"] or not all(isinstance(e, str) for e in entry["examples"]):
        raise RuleError(rid, "needs 'examples': a list of real titles of this kind")
    return KindRule(rid, entry["kind"], require_regex(entry["pattern"], rid), tuple(entry["examples"]))


DATE_GROUPS = (("value",), ("day", "month", "year"))  # a date rule's groups: the date whole, or its parts


def _date_rule(entry, rid: str, groups: tuple[tuple[str, ...], ...] = DATE_GROUPS) -> DateRule:
    """A rule finding a date, its pattern with one of ``groups``' sets of named groups."""
    rid = entry.get("id", rid) if isinstance(entry, dict) else rid
    entry = require_keys(entry, rid, ["id", "pattern", "examples"])
    pattern = require_regex(entry["pattern"], rid)
    if not any(set(names) <= set(pattern.groupindex) for names in groups):
        named = " or ".join("groups " + ", ".join(f"'{g}'" for g in names) for names in groups)
        raise RuleError(rid, f"pattern needs {named}")
    if not entry["examples"]:
        raise RuleError(rid, "needs a non-empty list of real Danish 'examples'")
    return DateRule(rid, re.compile(pattern.pattern, pattern.flags | re.M), tuple(entry["examples"]))


def load_rules(data) -> MetaRules:
    keys = ["search_chars", "labels", "date_line", "kinds", "meeting_dates", "file_name_date", "agenda_kind",
            "meeting_kinds", "short_months", "byline_date", "byline_within", "weekday_day",
            "agenda_approval", "viewer_cover", "agenda_roles", "approval_line"]  # fmt: skip
    data = require_keys(data, "-", keys)
    line = require_keys(data["date_line"], "date_line", ["id", "pattern", "examples"])
    pattern = require_regex(line["pattern"], line["id"])
    if "value" not in pattern.groupindex:
        raise RuleError(line["id"], "pattern needs a group named 'value'")
    return MetaRules(
        search_chars=int(data["search_chars"]),
        labels=tuple(_label(e, i) for i, e in enumerate(data["labels"])),
        date_line=re.compile(pattern.pattern, pattern.flags | re.M),
        date_line_id=line["id"],
        date_line_examples=tuple(line["examples"]),
        kinds=tuple(_kind(e, i) for i, e in enumerate(data["kinds"])),
        meeting_dates=tuple(_date_rule(e, f"meeting_dates[{i}]") for i, e in enumerate(data["meeting_dates"] or [])),
        file_name_date=_date_rule(data["file_name_date"], "file_name_date"),
        agenda_kind=str(data["agenda_kind"]),
        meeting_kinds=require_strings(data["meeting_kinds"], "meeting_kinds"),
        short_months=_short_months(data["short_months"]),
        byline_date=_date_rule(data["byline_date"], "byline_date"),
        byline_within=require_number(data, "byline_within", "byline_within", int, 1),
        weekday_day=_date_rule(data["weekday_day"], "weekday_day", (("weekday", "day", "month"),)),
        agenda_approval=tuple(_date_rule(e, f"agenda_approval[{i}]") for i, e in enumerate(data["agenda_approval"])),
        viewer_cover=_date_rule(data["viewer_cover"], "viewer_cover"),
        agenda_roles=require_strings(data["agenda_roles"], "agenda_roles"),
        approval_line=tuple(_date_rule(e, f"approval_line[{i}]") for i, e in enumerate(data["approval_line"])),
    )


def _short_months(data) -> tuple[tuple[re.Pattern, str], ...]:
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise RuleError("short_months", "must map each short month to its full name")
    return tuple((re.compile(rf"(?i)(?<=\d\.)(\s*){re.escape(k)}\.?(?=\s+\d{{4}})"), v) for k, v in data.items())


def full_months(text: str, r: MetaRules) -> str:
    """The date with a month cut short without a full stop written out ("06. apr 2022")."""
    for pattern, name in r.short_months:
        text = pattern.sub(lambda m: f"{m.group(1)}{name}", text)
    return text


def label_value(text: str, rule: LabelRule, dates: DateRules, alone: bool = False) -> Optional[str]:
    """The value after the first occurrence of the rule's label (same or next line); with
    ``alone``, only a value that ends its line (not a sentence going on: "… af Sundhedsstyrelsen.")."""
    for m in re.finditer(rule.label.pattern, text, rule.label.flags | re.M):
        rest = text[m.end() :]
        rest = re.sub(r"^[ \t]*:?[ \t]*\|?[ \t]*(?:\n[ \t]*)?", "", rest, count=1)  # a table's cell bar too
        value = rule.value.match(rest)
        if value and alone and rest[value.end() :].split("\n", 1)[0].strip(" \t|"):
            continue
        if value:
            found = value.group(0).strip()
            return iso_date(found, dates, line_at(rest, value.end())) if rule.field in DATES else found
    return None


def labelled_fields(text: str, r: MetaRules, dates: DateRules) -> dict[str, str]:
    head = full_months(text[: r.search_chars], r)  # a label's day with its month cut short ("21. sept. 2021")
    fields: dict[str, str] = {}
    for rule in r.labels:
        if rule.field not in fields:
            value = label_value(head, rule, dates)
            if value:
                fields[rule.field] = value
    return fields


def published_anywhere(text: str, r: MetaRules, dates: DateRules) -> Optional[str]:
    """A web page's day of publication or last update wherever it stands (its foot, after the
    last section: "Publiceret 07-02-2019"), on a line of the label and the date alone."""
    text = full_months(text, r)  # a label's day with its month cut short ("21. sept. 2021")
    for rule in r.labels:
        if rule.field == "published":
            value = label_value(text, rule, dates, alone=True)
            if value:
                return value
    return None


def date_alone(text: str, limit: int, r: MetaRules, dates: DateRules) -> Optional[str]:
    """A line holding only a date, before ``limit``; not a day of publication under its label
    ("Publiceringsdato: den 02. november 2018" below a meeting's title: the meeting's day is the date),
    nor one of a run of such lines (a table of rounds copied a cell to a line: "15. november 2022" over
    "12. januar 2023")."""
    published = [rule.label for rule in r.labels if rule.field == "published"]
    found = list(r.date_line.finditer(text[:limit]))
    runs = _date_runs(text, found)
    for m in found:
        if any(label.match(m.group(0)) for label in published) or m.start() in runs:
            continue
        value = iso_date(full_months(m.group("value"), r), dates, line_at(text[:limit], m.end("value")))
        if value:
            return value
    return None


def byline_date(text: str, r: MetaRules, dates: DateRules) -> Optional[str]:
    """A news page's date line in its first lines ("09.10.2019", "08.09.2020 Forfatter: …"), its
    month also cut short ("25. okt. 2022", ``short_months``); not a day of a run of date lines."""
    head = full_months(text[: r.byline_within], r)
    found = r.byline_date.pattern.search(head) if r.byline_date else None
    if found is None or head.rfind("\n", 0, found.end() - 1) + 1 in _date_runs(head, list(r.date_line.finditer(head))):
        return None
    return first_date(head, (r.byline_date,), dates)


def _date_runs(text: str, found: list[re.Match]) -> set[int]:
    """Where the lines start, among the lines holding only a date ``found`` in ``text``, that stand in
    a run of such lines, nothing but blank lines between (a table of rounds copied a cell to a line)."""
    out = set()
    for m, n in zip(found, found[1:]):
        if not text[m.end() : n.start()].strip():
            out |= {m.start(), n.start()}
    return out


def kind_of(title: Optional[str], r: MetaRules) -> Optional[str]:
    for rule in r.kinds:
        if title and rule.pattern.search(title):
            return rule.kind
    return None


def first_date(text: str, rules: tuple[DateRule, ...], dates: DateRules) -> Optional[str]:
    """The first day one of ``rules`` finds in ``text``, as an ISO date."""
    return first_dated_line(text, rules, dates)[0]


def first_dated_line(text: str, rules: tuple[DateRule, ...], dates: DateRules) -> tuple[Optional[str], str]:
    """The first day one of ``rules`` finds in ``text`` (ISO) and the line it stands on."""
    for rule in rules:
        for m in rule.pattern.finditer(text):
            named = "value" in m.re.groupindex
            written = m.group("value") if named else _day_month_year(m)
            value = iso_date(written, dates, line_at(text, m.end("value")) if named else "")
            if value:
                return value, line_at(text, m.start())
    return None, ""


def _day_month_year(m: re.Match) -> str:
    """A date written month first ("Oktober 1, 2024") in the order the dates rules read."""
    return f"{m.group('day')}. {m.group('month').lower()} {m.group('year')}"


def weekday_date(text: str, name: str, r: MetaRules, dates: DateRules, title: Optional[str] = None) -> Optional[str]:
    """The day the page's first lines name by its weekday, day and month without a year
    ("Tirsdag 7. oktober holdt byrådet sit møde"), when the calendar puts that weekday on that
    day of the file name's year (the file name's date), or, without one, of a year its title
    names ("Byrådet har besluttet - marts 2023" over "Tirsdag 28. marts …"), the only day so
    named (a list of a year's meetings, "Mandag den 11. januar", … is no page's day)."""
    day = file_name_date(name, r)
    years = [day[:4]] if day else YEAR_IN_TEXT.findall(title or "")
    if not years or r.weekday_day is None or not dates.weekdays:
        return None
    found = []
    for m in r.weekday_day.pattern.finditer(text[: r.byline_within]):
        for year in years:
            written = iso_date(f"{m.group('day')}. {m.group('month').lower()} {year}", dates)
            weekday = dates.weekdays[Day.fromisoformat(written).weekday()] if written else None
            if written and (day is None or written == day) and weekday == m.group("weekday").lower():
                found.append(written)
    return found[0] if found and (day or len(set(found)) == 1) else None


def file_name_date(name: str, r: MetaRules) -> Optional[str]:
    """The ISO date written in a file name ("..._2022-03-14_p04_..."), if it is a real day."""
    m = r.file_name_date.pattern.search(name)
    try:
        return Day.fromisoformat(m.group("value")).isoformat() if m else None
    except ValueError:
        return None


def is_agenda_item(sections: list[Section], headings: HeadingRules, roles: Collection[str] = ()) -> bool:
    """Is the document laid out as an agenda item or minutes (fields or items as headings, or a
    heading of the ``roles`` only an agenda item holds)?"""
    fields = {f.id for f in headings.agenda.fields}
    return any(s.rule in fields or s.role == headings.agenda.item_role or s.role in roles for s in sections)


def decision_day(text: str, sections: list[Section], headings: HeadingRules, dates: DateRules) -> Optional[str]:
    """The meeting's day its items' decisions name beside the body ("Beslutning i Teknisk Udvalg
    4. oktober 2024:"), for a meeting's page whose header gives none: the latest such day (an
    item's decisions name the bodies it went through before, on earlier days)."""
    return max((day for _, day in decisions_on_days(text, sections, headings, dates)), default=None)


_FIELD_LINES = 3  # how many first lines of a heading's body may be the header's fields
_FILLED_LINE = re.compile(r"[^\S\n]*\S[^\n]*")  # a line with a character on it


def _ends_header(text: str, s: Section, r: MetaRules) -> bool:
    """Does the heading end the document's header? Not one of the labelled fields ("Offentliggjort:
    01-03-2018"), which a short line between paragraphs may have made a heading, nor the page's
    first line, a heading over the header (a web archive's name over a meeting's "Mødedato: …"),
    nor a heading whose first lines are the header's labelled fields ("Indhold", a site's skip
    target, over "Udvalg: …" and "Mødedato: …"), nor a part of the meeting's record ("Deltagere:"
    over the names, then "Dato: …")."""
    if not s.heading or not text[: s.char_start].strip() or s.rule == MEETING_PART:
        return False
    first = islice((m.group() for m in _FILLED_LINE.finditer(text, s.body_start, s.char_end)), _FIELD_LINES)
    if any(rule.label.match(line) for line in first for rule in r.labels):
        return False
    return not any(rule.label.match(s.heading) for rule in r.labels)


def find_meta(
    src: SourceText,
    sections: list[Section],
    r: MetaRules,
    headings: HeadingRules,
    dates: DateRules,
    name: str = "",
    places: Mapping[str, str] = MappingProxyType({}),
) -> DocumentMeta:
    """The document's title, date (and where it comes from), kind, case and document number
    and author. The date is read before the first heading: a date label or a line
    holding a date, else, on an agenda item's or a meeting's page, a meeting date ("mødet den 3.
    maj 2024"; a web page or note reports a meeting in its sentences: "godkendt af Byrådet den
    25. maj 2016"), else the latest day its items' decisions name beside the body ("Beslutning i
    Teknisk Udvalg den 01-10-2024"), else the day of the meeting whose agenda its first item approves
    ("Godkendelse af dagsorden for udvalget den 8. maj 2019"); a date in a field of an agenda item
    ("Sagsforløb", "Tidligere behandling") is another meeting's; a web page's day of publication
    or last update ("Offentliggjort: …", "Publiceret …") before the first heading when none of
    these is written; on a document that is no meeting's, a news page's date line, else a plan's
    approval on a line of its own ("Godkendt af kommunalbestyrelsen den 6. december 2023"). An
    agenda item (also one under a heading only agenda items hold) without one takes the date in
    its file ``name``. The last resort, anywhere in the text (a web page's foot): a line of a
    publication label and its date alone ("Publiceret 07-02-2019"; not a citation going on "… af
    Sundhedsstyrelsen.").
    ``places``: the places' names in lower case (``rules/places.yml``), which alone on a line are
    the sender's, no title."""
    fields = labelled_fields(src.text, r, dates)
    first_heading = next((s.char_start for s in sections if _ends_header(src.text, s, r)), len(src.text))
    head = src.text[: min(first_heading, r.search_chars)]
    labelled = labelled_fields(head, r, dates)
    date = labelled.get("date") or date_alone(head, len(head), r, dates)
    # the line naming the meeting's day may name its kind ("Referat Magistraten 29-08-2016" over the items)
    meeting_day, day_line = (None, "") if date else first_dated_line(head, r.meeting_dates, dates)
    approved = None if date or meeting_day else first_date(src.text, r.agenda_approval, dates)  # its first item
    title, title_found = document_title(src, sections, headings, dates, date or meeting_day or approved, places)
    title = named_kind(title, headings)
    read_from_line = title_found is not None and title == title_found[1]  # not a meeting's item or body
    first_line = src.text[title_found[0] :].split("\n", 1)[0] if read_from_line else ""
    agenda = is_agenda_item(sections, headings, r.agenda_roles)
    kind = kind_of(title, r) or kind_of(first_line.strip(), r) or (r.agenda_kind if agenda else None)
    led = meeting_day and headings.titles.kind_word.fullmatch((day_line.split() or [""])[0])  # "Referat …"
    kind = kind or (kind_of(day_line.strip(), r) if led else None)
    date = date or first_date(src.text, (r.viewer_cover,), dates)  # the cover's day, where the pages lost the year
    if agenda or kind in r.meeting_kinds:  # elsewhere a meeting named in a sentence is one it reports
        date = date or meeting_day or decision_day(src.text, sections, headings, dates) or approved
    date = date or labelled.get("published")
    if date is None and not agenda and kind not in r.meeting_kinds:  # a news page's date line under its headline
        date = byline_date(src.text, r, dates) or first_date(src.text, r.approval_line, dates)
    basis = "text" if date else None
    if date is None and (agenda or kind in r.meeting_kinds):
        date = file_name_date(name, r)
        basis = "file name" if date else None
    if date is None:  # a day named by its weekday without a year, the year the file name's or the title's
        date = weekday_date(src.text, name, r, dates, title)
        basis = ("file name" if file_name_date(name, r) else "text") if date else None
    if date is None:  # the last resort: a day of publication on a line of its own, anywhere
        date = published_anywhere(src.text, r, dates)
        basis = "text" if date else None
    return DocumentMeta(
        title=title,
        date=date,
        kind=kind,
        date_basis=basis,
        case_number=fields.get("case_number"),
        document_number=fields.get("document_number"),
        author=fields.get("author"),
    )
