"""Explicit references: the meeting items a text cites ("Byrådet den 26. juni 2024 (punkt 37)",
"BIU 08.10.12, punkt 10") and the meeting item a document is, by its path (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from extract.links.link_rules import ReferenceRules


@dataclass(frozen=True)
class Meeting:
    """A meeting's item: where (its document's municipality, else the place its path names;
    "" when unknown), which body, the day (ISO) and the item's number."""

    place: str
    body: str
    date: str
    item: int
    bodies: tuple[str, ...] = ()  # every body the item's text says handles it (its procedure), the first ``body``


@dataclass(frozen=True)
class Citation:
    meeting: Meeting
    quote: str  # the words that cite it
    start: int  # where the citation stands in the text
    end: int


def meeting_of(path: str, rules: ReferenceRules) -> Optional[Meeting]:
    """The meeting item a document is, when its path names one."""
    m = rules.meeting_path.search(path or "")
    if not m:
        return None
    return Meeting(m.group("place"), m.group("body"), m.group("date"), int(m.group("item")))


def procedure_bodies(text: str, rules: ReferenceRules) -> tuple[str, ...]:
    """The bodies an agenda item's text says handle it ("Sagsprocedure: Økonomiudvalget og
    Byrådet"), in order; () when the text names none."""
    m = rules.procedure.search(text or "")
    if not m:
        return ()
    parts = (p.strip(" .") for p in rules.body_split.split(m.group("bodies")))
    return tuple(p for p in parts if p)


def item_in_text(text: str, rules: ReferenceRules) -> Optional[int]:
    """The item number a minutes' header states ("… møde 28. november 2005 Punkt 1:")."""
    m = rules.item_in_text.search((text or "")[: rules.header_chars])
    return int(m.group("item")) if m else None


def meeting_of_document(text: str, date: Optional[str], path: str, rules: ReferenceRules) -> Optional[Meeting]:
    """The meeting item a document is: its body, date and item number from its text and
    metadata (``date``) where they give them, the path's only for what they leave out."""
    named = meeting_of(path, rules)
    bodies = procedure_bodies(text, rules)
    item = item_in_text(text, rules)
    body = bodies[0] if bodies else (named.body if named else "")
    day = date or (named.date if named else None)
    item = item if item is not None else (named.item if named else None)
    if not body or not day or item is None:
        return None
    return Meeting(named.place if named else "", body, day, item, bodies or (body,))


def committee_of(text: str, path: str, rules: ReferenceRules) -> str:
    """The committee whose item a document is: the first body its text's procedure names, else
    the body its path names ("" when neither does)."""
    bodies = procedure_bodies(text, rules)
    if bodies:
        return bodies[0]
    named = meeting_of(path, rules)
    return named.body if named else ""


def place_of(path: str, rules: ReferenceRules) -> str:
    found = meeting_of(path, rules)
    return found.place if found else ""


def citations(text: str, rules: ReferenceRules, place: str = "") -> list[Citation]:
    """Every meeting item the text cites with a whole date and an item number, in order;
    the place is the citing document's (a municipality cites its own bodies)."""
    out: dict[int, Citation] = {}
    for pattern in rules.patterns:
        for m in pattern.finditer(text or ""):
            day = _date(m.group("day"), m.group("month"), m.group("year"), rules)
            if day is None or m.start() in out:
                continue
            body = (m.groupdict().get("body") or "").strip()
            meeting = Meeting(place, body, day, int(m.group("item")))
            out[m.start()] = Citation(meeting, " ".join(m.group(0).split()), m.start(), m.end())
    return [out[k] for k in sorted(out)]


def _date(day: str, month: str, year: str, rules: ReferenceRules) -> Optional[str]:
    number = int(month) if month.isdigit() else rules.months.get(month.lower())
    if number is None:
        return None
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < rules.two_digit_pivot else 1900
    try:
        return date(y, number, int(day)).isoformat()
    except ValueError:
        return None


def same_body(a: str, b: str, rules: ReferenceRules) -> bool:
    """Two names of one body: the letters of one spell the other's in order, the first at
    a word start ("Plan- og Tryghedsudvalget" ~ "ptu", "Byrådet" ~ "byraad", "BIU" ~ "biu")."""
    a, b = _letters(a, rules), _letters(b, rules)
    if not a or not b:
        return False
    return _spells(a.replace(" ", ""), b) or _spells(b.replace(" ", ""), a)


def _letters(name: str, rules: ReferenceRules) -> str:
    name = name.lower()
    for letter, written in rules.transliterate.items():
        name = name.replace(letter, written)
    return " ".join("".join(c if c.isalnum() else " " for c in name).split())


def _spells(short: str, long: str) -> bool:
    """Each letter of ``short`` in ``long`` in order, the first at a word's start."""
    for start in (i for i, c in enumerate(long) if c == short[0] and (i == 0 or long[i - 1] == " ")):
        i = start + 1
        for c in short[1:]:
            i = long.find(c, i) + 1
            if i == 0:
                break
        else:
            return True
    return False


def cites(citation: Meeting, cited: Meeting, rules: ReferenceRules) -> bool:
    """Whether a citation names the meeting item: its day and number, a body of that name,
    and the same place when the citing document's place is known."""
    if (citation.date, citation.item) != (cited.date, cited.item):
        return False
    if citation.place and citation.place != cited.place:
        return False
    return bool(citation.body) and any(same_body(citation.body, b, rules) for b in cited.bodies or (cited.body,))


def same_meeting(a: Meeting, b: Meeting, rules: ReferenceRules) -> bool:
    """Two citations of one meeting item (by two documents)."""
    if (a.date, a.item, a.place) != (b.date, b.item, b.place):
        return False
    return bool(a.body and b.body) and same_body(a.body, b.body, rules)
