"""The budget frame and the years a heading, a table or a sentence lead gives an amount.

Danish budget documents group their money under frames: a heading "Drift inden for
servicerammen", a table's row "Anlægsudgifter", a sentence "Uden for servicerammen
forventes …". An amount whose own words name no kind takes the frame named nearest
it: right after it in its clause, before it in its clause, its table's row label,
caption or header, then its section's heading and the headings above it, then the
document's title ("Anlægsbevilling til ny daginstitution"). A heading or
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


def frame_in_label(s: str, r: AmountRules, column: bool = False) -> Optional[str]:
    """The kind a heading, caption or row label names: the first frame (in the rules'
    order, the most specific first) that it names; none when it joins two frames
    ("Drifts- og anlægsoverførsler") or names what is no frame ("Ordinært driftsresultat");
    a frame it names as a part ("…, heraf serviceramme og …") is not its own, but a
    ``column`` header's ("Heraf serviceramme") is its cells'."""
    s = s if column else r.label_part.sub(" ", s)
    if r.frames_joined.search(s) or r.label_no_frame.search(s):
        return None
    for frame in r.frames:
        if frame.pattern.search(s):
            return frame.kind
    return None


def _without_excluded(s: str, r: AmountRules) -> str:
    """``s`` with the asides and results that name no frame blanked out (offsets kept), and
    two frames joined ("besparelser på både drift og anlæg") marked as naming neither."""
    s = r.frame_excluded.sub(lambda m: " " * len(m.group()), s)
    return r.frames_joined.sub(lambda m: _JOINED + " " * (len(m.group()) - len(_JOINED)), s)


_JOINED = "\x00"  # stands where two frames are joined: the frame named there is none


def frame_before(s: str, r: AmountRules) -> Optional[str]:
    """The kind the last frame named in ``s`` gives (the words before an amount); an aside
    that leaves a frame out names none ("drift (før anlæg og finansielle poster)")."""
    s = _without_excluded(s, r)
    best: Optional[tuple[int, int, Optional[str]]] = None
    for rank, frame in enumerate(r.frames):
        for m in frame.pattern.finditer(s):
            key = (m.end(), -rank, frame.kind)
            if best is None or key[:2] > best[:2]:
                best = key
    joined = s.rfind(_JOINED)
    if joined >= 0 and (best is None or joined >= best[0]):
        return None
    return best[2] if best else None


def frame_after(s: str, r: AmountRules) -> Optional[str]:
    """The kind the first frame named in ``s`` gives (the words right after an amount); an
    aside leaving a frame out, or an account's result, names none here either."""
    s = _without_excluded(s, r)
    best: Optional[tuple[int, int, str]] = None
    for rank, frame in enumerate(r.frames):
        m = frame.pattern.search(s)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, frame.kind)
    joined = s.find(_JOINED)
    if joined >= 0 and (best is None or joined < best[0]):
        return None
    return best[2] if best else None


def later_years(
    text: str, spans: list[tuple[int, int]], years: list[Optional[tuple[int, Optional[int]]]], r: AmountRules
) -> dict[int, _Period]:
    """The budget's later years named right after the amounts of a sentence (``spans``,
    with their own ``years`` or None): "2,9 mio. kr. i 2022 og 3,1 mio. kr. ud i
    overslagsårene" gives the second amount the years after those of the amount before it,
    running on for "ud i", else over the rule's ``years``; a range's lower bound takes them
    from its upper ("mellem 50,0 og 79,4 mio. kr. i overslagsårene")."""
    out: dict[int, _Period] = {}
    for i in range(1, len(spans)):
        before = [j for j in range(i) if j not in out and years[j]]
        end = spans[i][1]
        if i + 1 < len(spans) and r.later_years_range.match(text[spans[i][1] : spans[i + 1][0]]):
            end = spans[i + 1][1]
        m = r.later_years.match(text, end)
        if before and m:
            base = years[before[-1]]
            first = (base[1] or base[0]) + 1
            runs_on = m.groupdict().get("open") is not None
            out[i] = (first, None if runs_on else first + r.later_years_count - 1, runs_on)
    return out


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


_NUMBER = re.compile(r"\d+")


def _period(m: re.Match, each_year: bool = False) -> tuple[int, Optional[int], bool]:
    """The years of a period rule's match, and whether words say it runs on ("og frem",
    "ud i overslagsårene") or name each year ("i årene 2024, 2025 og 2026": a sum each
    year, when they run without a gap); "fra 2023" alone may be a start or where money came from ("overført
    merforbrug fra 2023"), so it makes no yearly sum."""
    start, end = period_years(m)
    if each_year:  # a list with a gap ("i årene 2024 og 2026") names no sum for the years between
        listed = [int(y) for y in _NUMBER.findall(m.group(0))]
        each_year = listed == list(range(listed[0], listed[0] + len(listed))) if listed else False
    return start, end, each_year or (end is None and bool(m.groupdict().get("open")))


def _budget_period(m: re.Match, r: AmountRules) -> tuple[int, Optional[int], bool]:
    """A year and the budget's later years ("147.000 kr. i 2017 og overslagsårene"): that
    year and the ``later_years_count`` after it, the same sum in each."""
    start = int(m.group("from"))
    return start, start + r.later_years_count, True


_Period = tuple[int, Optional[int], bool]  # first year, last year (None: runs on), says it runs on


def _period_hits(text: str, start: int, end: int, r: AmountRules) -> list[tuple[int, int, _Period]]:
    """(start, end, period) of every time expression in text[start:end]: the years written
    out, and, when the document's year is known (``r.this_year``), those named relative to
    it ("i indeværende år", "næste år")."""
    hits = [
        (m.start(), m.end(), _budget_period(m, r) if rule.budget_period else _period(m, rule.each_year))
        for rule in r.periods
        for m in rule.pattern.finditer(text, start, end)
    ]
    if r.budget_span is not None and r.budget_span_words is not None:
        a, b = r.budget_span
        hits += [(m.start(), m.end(), (a, b, False)) for m in r.budget_span_words.finditer(text, start, end)]
    if r.this_year is not None:
        for rel in r.relative_periods:
            year = r.this_year + rel.offset
            hits += [(m.start(), m.end(), (year, year, False)) for m in rel.pattern.finditer(text, start, end)]
    return hits


def first_period(
    text: str, start: int, end: int, r: AmountRules, at: Optional[int] = None
) -> Optional[tuple[int, Optional[int], bool]]:
    """The first time expression in text[start:end] (one starting at ``at`` when given);
    the words before ``start`` still count for what a rule looks back at ("Budgetaftalen
    for 2013" is no period)."""
    hits = [(a, -b, p) for a, b, p in _period_hits(text, start, end, r) if at is None or a == at]
    return min(hits, key=lambda h: h[:2])[2] if hits else None


def last_period(text: str, start: int, end: int, r: AmountRules) -> Optional[tuple[int, Optional[int], bool]]:
    """The last time expression in text[start:end]."""
    hits = [(b, -a, p) for a, b, p in _period_hits(text, start, end, r)]
    return max(hits, key=lambda h: h[:2])[2] if hits else None


def label_years(s: str, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
    """The one year or span a heading or caption names, or None (none, or several)."""
    found = {period_years(m) for rule in r.heading_periods for m in rule.pattern.finditer(s)}
    return found.pop() if len(found) == 1 else None


_SENTENCE_END = re.compile(r"(?<=[.:!?])\s+(?=\S)")


def caption_years(caption: str, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
    """The years of the line above a table: its one year or span, else, for a paragraph,
    those of its last sentence that names a year ("… opgjort resultatet samlet for årene
    2021-24. Det ser sådan ud:")."""
    years = label_years(caption, r)
    if years:
        return years
    for sentence in reversed(_SENTENCE_END.split(caption)):
        if any(rule.pattern.search(sentence) for rule in r.heading_periods):
            return label_years(sentence, r)
    return None


class Headings:
    """The heading path above any offset of a text: innermost heading first."""

    def __init__(
        self,
        sections: Sequence[Section],
        title: Optional[str] = None,
        frame: Optional[str] = None,
        year: Optional[tuple[int, int]] = None,
        items: Sequence[tuple[int, int, Optional[tuple[int, int]]]] = (),
    ):
        self.title = title
        self.frame = frame  # the one frame the whole document is about (document_frame)
        self.year = year  # the one budget year the whole document names (document_year)
        self.items = items  # (start, end, its one budget year) of each agenda item of minutes
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
        """The frame of the innermost heading above ``offset`` that names one, else the one
        frame the document's title names ("Frigivelse af anlægsbevilling til cykelsti"),
        else the frame the whole document is about."""
        for heading in [*self.path(offset), self.title or ""]:
            kind = frame_in_label(heading, r)
            if kind:
                return kind
        return self.frame

    def section_start(self, offset: int) -> int:
        """Where the innermost section holding ``offset`` starts (0 outside every one)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sections[i].char_start if i >= 0 and offset < self.sections[i].char_end else 0

    def years(
        self, offset: int, r: AmountRules, yearly: bool = False, whole: bool = False, ahead: bool = False
    ) -> Optional[tuple[int, Optional[int]]]:
        """The years of the innermost heading above ``offset`` that names one or a span,
        else the one year of the title, else the budget year of a budget's title or the one
        budget year of the document. A ``yearly`` sum takes none of the last three ("et
        årligt tilskud på 2,2 mio. kr."; "en årlig driftsbesparelse på 30.000 kr." under
        "Klimapulje 2024" is every year's) but the year of a report on one year's money
        (``yearly_titles``: "en årlig udgift på 1,2 mio. kr." under "Budgetopfølgning 2
        (2024)" is that year's, unless its sentence looks ``ahead``: "vil medføre en årlig
        besparelse på 2,7 mio. kr." runs on); a sum of the ``whole`` budget period ("i alt", "fordelt over
        budgetperioden") is no budget year's of a budget's title."""
        if yearly:
            in_report = self.title and r.title_yearly.search(self.title) and not ahead
            return self.path_years(offset, r) or (title_year(self.title, r) if in_report else None)
        budget_title = title_budget_year(self.title, r)
        if whole and budget_title:
            return self.path_years(offset, r) or title_year(self.title, r)
        return self.path_years(offset, r) or title_year(self.title, r) or budget_title or self.budget_year(offset)

    def budget_year(self, offset: int) -> Optional[tuple[int, int]]:
        """The one budget year the agenda item holding ``offset`` names, when the document
        is minutes of several items (one item's follow-up year is not the next item's
        grant's); else the one the whole document names."""
        for start, end, year in self.items:
            if start <= offset < end:
                return year
        return self.year

    def path_years(self, offset: int, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
        """The one year or span of the innermost heading above ``offset`` that names one,
        or the year a carry-over's heading moves its money to."""
        for heading in self.path(offset):
            years = label_years(heading, r) or carry_over_year(heading, r)
            if years:
                return years
        return None


def item_years(
    text: str, sections: Sequence[Section], r: AmountRules, date: Optional[str]
) -> list[tuple[int, int, Optional[tuple[int, int]]]]:
    """(start, end, one budget year) of each agenda item (a section of role ``punkt`` with
    the sections under it) of a document of several items; none for a single item."""
    ordered = sorted(sections, key=lambda s: s.char_start)
    items = [s for s in ordered if s.role == "punkt"]
    if len(items) < 2:
        return []
    out = []
    for item in items:
        end = next(
            (s.char_start for s in ordered if s.char_start > item.char_start and s.level <= item.level), len(text)
        )
        out.append((item.char_start, end, document_year(text[item.char_start : end], r, date)))
    return out


def document_frame(text: str, r: AmountRules) -> Optional[str]:
    """The frame a document is about when nearly every frame it names is that one (an item
    granting anlægsbevillinger for renovations: "meddeles anlægsbevilling på 1,0 mio. kr.",
    "afsættes rådighedsbeløb i 2022"): its sums that name no frame are that frame's."""
    counts: dict[str, int] = {}
    text = r.document_frame_follow_on.sub(" ", text)  # "afledt drift" of a project is no item about drift
    for frame in r.frames:
        counts[frame.kind] = counts.get(frame.kind, 0) + len(frame.pattern.findall(text))
    total = sum(counts.values())
    kind = max(counts, key=lambda k: counts[k]) if total else None
    if kind not in r.document_frame_kinds or counts[kind] < max(r.document_frame_min, r.document_frame_share * total):
        return None
    return kind


def document_year(text: str, r: AmountRules, date: Optional[str]) -> Optional[tuple[int, int]]:
    """The one budget year a document names ("i budget 2022 afsat 13 mio. kr."), when it
    names no other budget year and no budget of several years ("Budget 2023-26"), its
    running text names it (a heading or a list of items naming it is no guide), and that
    year has begun by the document's ``date`` (ISO): a later budget is where money is still
    to go ("De anlægsmidler der mangler vil således skulle indgå i budget 2027"), unless the
    words say it is adopted ("budgetvedtagelsen 2020" in December 2019: the coming year's) and
    the document is dated in the autumn it is adopted in (``adopted_from_month`` on). An
    undated document (a web page announcing a pool, a news article) takes the year only from
    such words in a sentence that states the agreement made (``made``): "med budgetaftalen for
    2022 afsat 800.000 kr." has given the money; "Forslaget kan indgå i budgetaftalen for 2027"
    has not."""
    matches = list(r.document_budget_year.finditer(text))
    found = {period_years(m) for m in matches}
    in_prose = any(_in_prose(text, m.start()) for m in matches)
    year = found.pop() if len(found) == 1 and in_prose else None
    if not year or year[0] != year[1]:
        return None
    said_adopted = any(m.groupdict().get("adopted") for m in matches)
    if not (date and date[:4].isdigit()):
        made = any(m.groupdict().get("adopted") and r.budget_made.search(_sentence_of(text, m)) for m in matches)
        return (year[0], year[0]) if made else None
    month = int(date[5:7]) if date[5:7].isdigit() else 0
    adopted = month >= r.adopted_from_month and said_adopted
    return (year[0], year[0]) if year[0] <= int(date[:4]) + adopted else None


def _sentence_of(text: str, m: re.Match) -> str:
    """The sentence around a match: from the stop or line break before it to the one after."""
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


_HEADING_LINE_MAX = 80  # a shorter line not ending a sentence is a heading or a list's entry


def _in_prose(text: str, offset: int) -> bool:
    """Whether ``offset`` stands in a line of running text, not in a heading or an agenda's
    list of items (minutes of several items name other items' budgets: "11. Udmøntning af
    budget 2013 - udviklingspuljer")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end].strip()
    return len(line) > _HEADING_LINE_MAX or line.endswith((".", "!", "?", ":"))


def title_budget_span(title: Optional[str], r: AmountRules) -> Optional[tuple[int, int]]:
    """The years of the budget of several years a title names ("Budget 2026-29 - 1.
    behandling"), or of the budget a title names by its budget year alone ("Budgetforlig om
    kommunens budget 2020": that year and its later years): what "i alle budgetårene" means
    in its text; None for any other title or one naming several spans or years."""
    if not title or r.budget_span_titles is None or not r.budget_span_titles.search(title):
        return None
    years = label_years(title, r)
    if years and years[1] == years[0] and not title_budget_year(title, r):
        # a budget named by its budget year alone ("Budgetforlig om kommunens budget 2020"):
        # that year and the later years of its budget period
        return years[0], years[0] + r.later_years_count
    return (years[0], years[1]) if years and years[1] is not None and years[1] > years[0] else None


def title_year(title: Optional[str], r: AmountRules) -> Optional[tuple[int, int]]:
    """The one year the title of a document about one year names ("Budgetopfølgning 2
    (2024)", "Klimapulje 2024"): the year its amounts are for when nothing nearer says; a
    span of years ("Budget 2025-28") or several are no guide, nor the year of a plan. A
    carry-over item's span ("Drifts- og anlægsoverførsler 2023-2024") gives its last year,
    the budget the money moves to."""
    if not title:
        return None
    years = label_years(title, r) if r.title_year and r.title_year.search(title) else None
    if years and years[0] == years[1]:
        return years
    return carry_over_year(title, r)


def title_budget_year(title: Optional[str], r: AmountRules) -> Optional[tuple[int, int]]:
    """The budget year of a budget's title that names it apart from its later years
    ("Budgetforslag for 2019 og overslagsårene 2020-2022", "Budget 2024 og Budgetoverslag
    2025 - 2028"): the year of its sums that name none, not of its yearly sums (every year's)."""
    found = r.title_budget_year.search(title) if title else None
    return (int(found["from"]), int(found["from"])) if found else None


def carry_over_year(label: str, r: AmountRules) -> Optional[tuple[int, int]]:
    """The year a carry-over's title or heading moves its money to: the last of the span
    it names ("Drifts- og anlægsoverførsler 2023-2024", "Godkendelse af overførsel af
    drifts- og anlægsmidler fra 2019 til 2020"), or None."""
    if not (r.title_carry_over and r.title_carry_over.search(label)):
        return None
    spans = [period_years(m) for rule in r.heading_periods for m in rule.pattern.finditer(label)]
    ends = {b if b is not None else a for a, b in spans}
    if len(spans) == 1 and spans[0][1] != spans[0][0]:
        return spans[0][1], spans[0][1]
    if len(spans) == 2 and len(ends) == 2:  # "fra 2024 til 2025"
        return spans[1][1], spans[1][1]
    return None
