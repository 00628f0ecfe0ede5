"""The budget frame and the years a heading, a table or a sentence lead gives an amount.

Danish budget documents group their money under frames: a heading "Drift inden for
servicerammen", a table's row "Anlægsudgifter", a sentence "Uden for servicerammen
forventes …". An amount whose own words name no kind takes the frame named nearest
it: right after it in its clause, before it in its clause, its table's row label,
caption or header, then its section's heading and the headings above it. A heading or
caption with one year or span ("Afsat i 2015", "Budget 2024-27") gives its amounts
without years of their own those years; the time expressions of a sentence
(``periods``: "i 2023 og frem", "i perioden 2025-2027") give the years of the amounts
next to them. The frames and patterns are in ``rules/amounts.yml`` (``frames``,
``heading_periods``, ``periods``). Pure functions.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional, Sequence

from extract.extractors.amount_rules import AmountRules
from extract.records import Section


def frame_in_label(s: str, r: AmountRules) -> Optional[str]:
    """The kind a heading, caption or row label names: the first frame (in the rules'
    order, the most specific first) that it names; none when it joins two frames
    ("Drifts- og anlægsoverførsler")."""
    if r.frames_joined.search(s):
        return None
    for frame in r.frames:
        if frame.pattern.search(s):
            return frame.kind
    return None


def frame_before(s: str, r: AmountRules) -> Optional[str]:
    """The kind the last frame named in ``s`` gives (the words before an amount); an aside
    that leaves a frame out names none ("drift (før anlæg og finansielle poster)")."""
    s = r.frame_excluded.sub(lambda m: " " * len(m.group()), s)
    best: Optional[tuple[int, int, str]] = None
    for rank, frame in enumerate(r.frames):
        for m in frame.pattern.finditer(s):
            key = (m.end(), -rank, frame.kind)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def frame_after(s: str, r: AmountRules) -> Optional[str]:
    """The kind the first frame named in ``s`` gives (the words right after an amount)."""
    best: Optional[tuple[int, int, str]] = None
    for rank, frame in enumerate(r.frames):
        m = frame.pattern.search(s)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, frame.kind)
    return best[2] if best else None


def period_years(m: re.Match) -> tuple[int, Optional[int]]:
    """The years a period rule's match names: groups ``from``, ``to`` (2 or 4 digits:
    "2024-27") and ``open`` (the period runs on: no end year)."""
    start = int(m.group("from"))
    groups = m.groupdict()
    if groups.get("open") is not None:  # "og frem", or a rule whose period runs on by itself
        return start, None
    to = groups.get("to")
    if not to:
        return start, start
    end = int(to) if len(to) == 4 else (start // 100) * 100 + int(to)
    return start, end if end >= start else start


def _period(m: re.Match) -> tuple[int, Optional[int], bool]:
    """The years of a period rule's match, and whether words say it runs on ("og frem",
    "ud i overslagsårene"); "fra 2023" alone may be a start or where money came from
    ("overført merforbrug fra 2023"), so it makes no yearly sum."""
    start, end = period_years(m)
    return start, end, end is None and bool(m.groupdict().get("open"))


def first_period(
    text: str, start: int, end: int, r: AmountRules, at: Optional[int] = None
) -> Optional[tuple[int, Optional[int], bool]]:
    """The first time expression in text[start:end] (one starting at ``at`` when given);
    the words before ``start`` still count for what a rule looks back at ("Budgetaftalen
    for 2013" is no period)."""
    hits = [
        (m.start(), -m.end(), _period(m))
        for rule in r.periods
        for m in rule.pattern.finditer(text, start, end)
        if at is None or m.start() == at
    ]
    return min(hits, key=lambda h: h[:2])[2] if hits else None


def last_period(text: str, start: int, end: int, r: AmountRules) -> Optional[tuple[int, Optional[int], bool]]:
    """The last time expression in text[start:end]."""
    hits = [(m.end(), -m.start(), _period(m)) for rule in r.periods for m in rule.pattern.finditer(text, start, end)]
    return max(hits, key=lambda h: h[:2])[2] if hits else None


def label_years(s: str, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
    """The one year or span a heading or caption names, or None (none, or several)."""
    found = {period_years(m) for rule in r.heading_periods for m in rule.pattern.finditer(s)}
    return found.pop() if len(found) == 1 else None


class Headings:
    """The heading path above any offset of a text: innermost heading first."""

    def __init__(self, sections: Sequence[Section], title: Optional[str] = None):
        self.title = title
        self.sections = sorted(sections, key=lambda s: s.char_start)
        self.starts = [s.char_start for s in self.sections]
        self.by_position = {s.position: s for s in self.sections}

    def path(self, offset: int) -> list[str]:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.sections[i].char_end:
            return []
        out, sec = [], self.sections[i]
        while sec is not None:
            out.append(sec.heading)
            sec = self.by_position.get(sec.parent_position) if sec.parent_position is not None else None
        return out

    def kind(self, offset: int, r: AmountRules) -> Optional[str]:
        for heading in self.path(offset):
            kind = frame_in_label(heading, r)
            if kind:
                return kind
        return None

    def years(self, offset: int, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
        for heading in self.path(offset):
            years = label_years(heading, r)
            if years:
                return years
        return title_year(self.title, r)


def title_year(title: Optional[str], r: AmountRules) -> Optional[tuple[int, int]]:
    """The one year the title of a document about one year names ("Budgetopfølgning 2
    (2024)", "Klimapulje 2024"): the year its amounts are for when nothing nearer says; a
    span of years ("Budget 2025-28") or several are no guide, nor the year of a plan."""
    years = label_years(title, r) if title and r.title_year and r.title_year.search(title) else None
    return years if years and years[0] == years[1] else None
