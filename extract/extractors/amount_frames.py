"""The budget frame a heading, a table or a sentence lead gives an amount.

Danish budget documents group their money under frames: a heading "Drift inden for
servicerammen", a table's row "Anlægsudgifter", a sentence "Uden for servicerammen
forventes …". An amount whose own words name no kind takes the frame named nearest
it: right after it in its clause, before it in its clause, its table's row label,
caption or header, then its section's heading and the headings above it, then the
document's title ("Anlægsbevilling til ny daginstitution"). ``Headings`` also gives
an amount the years of the headings above it, else those of the title or the document
(``amount_periods``, ``amount_document_years``). The frames are in ``rules/amounts.yml``
(``frames``). Pure functions.
"""

from __future__ import annotations

import bisect
from typing import Optional, Sequence

from extract.extractors.amount_document_years import carry_over_year, title_budget_year, title_year
from extract.extractors.amount_periods import label_years
from extract.extractors.amount_rules import AmountRules
from extract.records import Section
from extract.structure.sentences import Span


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


def _without_excluded(s: str, r: AmountRules) -> tuple[str, list[int]]:
    """``s`` with the asides and results that name no frame blanked out (offsets kept), and
    with two frames joined ("udgifter på både drift og anlæg") blanked too, as naming
    neither; and where each such join starts."""
    s = r.frame_excluded.sub(lambda m: " " * len(m.group()), s)
    joins = [m.span() for m in r.frames_joined.finditer(s)]
    for a, b in joins:
        s = s[:a] + " " * (b - a) + s[b:]
    return s, [a for a, _ in joins]


def frame_before(s: str, r: AmountRules) -> Optional[str]:
    """The kind the last frame named in ``s`` gives (the words before an amount); an aside
    that leaves a frame out names none ("drift (før anlæg og finansielle poster)")."""
    s, joins = _without_excluded(s, r)
    best: Optional[tuple[int, int, Optional[str]]] = None
    for rank, frame in enumerate(r.frames):
        for m in frame.pattern.finditer(s):
            key = (m.end(), -rank, frame.kind)
            if best is None or key[:2] > best[:2]:
                best = key
    joined = max(joins, default=-1)
    if joined >= 0 and (best is None or joined >= best[0]):
        return None
    return best[2] if best else None


def frame_after(s: str, r: AmountRules) -> Optional[str]:
    """The kind the first frame named in ``s`` gives (the words right after an amount); an
    aside leaving a frame out, or an account's result, names none here either."""
    s, joins = _without_excluded(s, r)
    best: Optional[tuple[int, int, str]] = None
    for rank, frame in enumerate(r.frames):
        m = frame.pattern.search(s)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, frame.kind)
    joined = min(joins, default=-1)
    if joined >= 0 and (best is None or joined < best[0]):
        return None
    return best[2] if best else None


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


def _names_frame_or_result(sentence: str, r: AmountRules) -> bool:
    """Does the sentence name a frame of its own, or what is no frame (a cash result: "Budgettet
    udviser et positivt kassetillæg på …", ``label_no_frame``)?"""
    return bool(frame_before(sentence, r) or r.label_no_frame.search(sentence))


def _goes_on(text: str, end: int, start: int) -> bool:
    """Does the sentence at ``start`` follow the one ending at ``end`` directly, on the same line
    (a paragraph's next sentence, none between them)?"""
    return 0 <= end <= start and not text[end:start].strip() and "\n" not in text[end:start]


def _sentence_lead(text: str, sent: Span, r: AmountRules) -> Optional[str]:
    """The frame a sentence names in its opening words ("På anlæg er der …", "Uden for
    servicerammen forventes …"): the frame of its sums that name none; none for two frames
    joined ("På drift og anlæg …")."""
    lead = r.sentence_lead_frame.match(text, sent.start, sent.end)
    if not lead or r.frames_joined.match(text, lead.end(), sent.end):
        return None
    return next((f.kind for f in r.frames if f.pattern.match(text, lead.end(), sent.end)), None)


def leading_frame(
    text: str, sent: Span, opened: tuple[int, Optional[str]], r: AmountRules
) -> tuple[Optional[str], tuple[int, Optional[str]]]:
    """The frame a sentence's sums take that name none of their own: the one it names in its
    opening words, else that of the sentence before it on its line which had one (``opened``:
    (end, frame) of the sentences so far: "På driftssiden … 7,5 mio. kr. Erhvervsservicen styrkes
    med …"), unless it names a frame or a result of its own; and ``opened`` after it."""
    lead = _sentence_lead(text, sent, r)
    if lead:
        return lead, (sent.end, lead)
    if _goes_on(text, opened[0], sent.start) and not _names_frame_or_result(text[sent.start : sent.end], r):
        return opened[1], (sent.end, opened[1])
    return None, opened
