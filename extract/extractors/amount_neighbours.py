"""Amounts that borrow from their neighbours: a bare number the unit of the amounts of its
sentence; a sentence that continues the one before it the years and frame said there.

A budget text often writes a figure without its unit when the sentence's other sums give
it: "-0,7 mio. kr. (-4,3 inkl. Ukraine)", "1,96 mio. kr. fra 2023 til 2024 heraf 1,63 fra
drift til anlæg", "… udgjorde 3.489,8 mio. kr. … i forhold til det korrigerede budget på
3.508,9 (kolonne c)". A number with decimals standing so (``neighbour_scaled`` in
``rules/amounts.yml``: after "på", "heraf" or an opening bracket, before a bracket, a
comma or a few linking words) is an amount in the one scale (mio. kr., mia. kr.) all the
written amounts of its sentence share. A sentence opening with words that point back
("Heraf er 1,0 mio. kr. bevilget", "Der resterer derved 15,6 mio. kr.", "Her fastsættes
sparekravet til 5 mio. kr."; ``continues_before``) is about the money of the sentence before
it: its amounts with no years or frame of their own take those of that sentence
(``carried_over``). An amount in a list's entry that names no frame takes the one the
list's lead-in names ("… justering af budget 2024 på drift, herunder" over "• fordeling af
besparelser på 80 mio.kr."; ``lead_in_frame``), and the years it names when it names none of
its own ("Budgetforslaget for perioden 2025-2028 viser følgende:"; ``lead_in_years``). An
amount under a short line that heads the paragraphs below it as a sub-heading ("Status drift",
"Anlæg", "Serviceudgifter") takes the frame that line names (``SubHeadings``, read once a
text). A sum named again with the definite article ("Rammen på de 420.000 kr.";
``restated_sum``) takes the years its value's other mentions agree on (``restated_years``).
Pure: text in, spans and values out.
"""

from __future__ import annotations

import bisect
from typing import Optional, Sequence

from extract.extractors.amount_frames import frame_before, frame_in_label
from extract.extractors.amount_periods import last_period
from extract.extractors.amount_rules import AmountRules
from extract.extractors.amount_table_rows import row_separator
from extract.extractors.numbers import parse_danish_number
from extract.structure.sentences import Span, sentence_at
from extract.structure.sentences import line_above as above_line

NEIGHBOUR_RULE = "amount_scale_of_its_sentence"  # the rule of a bare number in its sentence's scale


def _scale_of(quote: str, r: AmountRules) -> Optional[float]:
    return next((s.factor for s in r.scales if s.pattern.search(quote)), None)


def neighbour_scaled(
    text: str, sentences: Sequence[Span], written: Sequence[tuple[int, int]], r: AmountRules
) -> list[tuple[int, int, float]]:
    """(start, end, kroner) of each bare number with decimals that takes the one scale of
    the amounts written in its sentence (``written``: their spans); none in a sentence
    whose amounts are in kroner or in several scales."""
    out: list[tuple[int, int, float]] = []
    for m in r.neighbour_scaled.finditer(text):
        start, end = m.span("num")
        if any(a < end and start < b for a, b in written) or "\t" in text[text.rfind("\n", 0, start) + 1 : start]:
            continue
        sent = sentence_at(list(sentences), start)
        if sent is None:
            continue
        scales = {_scale_of(text[a:b], r) for a, b in written if sent.start <= a and b <= sent.end}
        if len(scales) != 1 or None in scales:
            continue
        value = parse_danish_number(m.group("num"), decimal_point=True, fractions=r.fractions)
        if value:
            out.append((start, end, value * scales.pop()))
    return out


def carried_over(
    text: str,
    sent: Span,
    sentences: Sequence[Span],
    before: Sequence[tuple[int, Optional[tuple], Optional[str]]],
    r: AmountRules,
) -> tuple[Optional[tuple[int, Optional[int]]], Optional[str]]:
    """The years and frame a sentence that points back (``continues_before``) takes from
    the sentence before it: those of that sentence's last amount (``before``: (offset,
    years, kind) of the amounts found so far), else its last time expression and the
    frame it names last. (None, None) for a sentence that does not point back, or a table's
    cell."""
    line_start = text.rfind("\n", 0, sent.start) + 1
    if not r.continues_before.match(text, sent.start) or "\t" in text[line_start : text.find("\n", sent.start)]:
        return None, None
    i = bisect.bisect_right([s.start for s in sentences], sent.start) - 1
    prev = sentences[i - 1] if i >= 1 and sentences[i].start == sent.start else None
    if prev is None:
        return None, None
    theirs = [(years, kind) for at, years, kind in before if prev.start <= at < prev.end]
    if theirs:
        return theirs[-1]
    period = last_period(text, prev.start, prev.end, r)
    return (period[:2] if period else None), frame_before(text[prev.start : prev.end], r)


def line_above(text: str, line_start: int, r: AmountRules, past_entries: bool = False) -> Optional[tuple[int, str]]:
    """(start, text) of the first line above the line starting at ``line_start`` that is not
    blank (nor, with ``past_entries``, a list's entry), or None at the top of the text."""
    return above_line(text, line_start, r.list_entry.match if past_entries else None)


def announces_list(line: str, r: AmountRules) -> bool:
    """Whether ``line`` is a list's (or a table's) lead-in (``list_lead_in.lead``: ending
    with a colon, "herunder", "følgende") that joins no two frames ("… på drift og anlæg:"),
    whose frame then is that of the entries below it."""
    return bool(r.list_lead.search(line)) and not r.frames_joined.search(line)


def lead_in_frame(text: str, offset: int, r: AmountRules) -> Optional[str]:
    """The frame named last in the lead-in of the list whose entry holds ``offset``: the
    first line above the entries (and the blank lines between them) when it announces the
    list (``list_lead_in.lead``); None out of a list, under a line that is no lead-in, or
    under one that joins two frames ("… ændringer på drift og anlæg:")."""
    found = _lead_in(text, offset, r)
    return frame_before(found[1], r) or _continued_frame(text, *found, r) if found else None


def lead_in_years(text: str, offset: int, r: AmountRules) -> Optional[tuple[int, Optional[int]]]:
    """The years named last in the lead-in of the list whose entry holds ``offset``
    ("Budgettet for perioden 2025-2028 viser følgende:" over "- Et underskud på 12,0 mio.
    kr."): an entry's amount that names no years of its own is for them; None out of a list
    or under a line that is no lead-in (see ``lead_in_frame``)."""
    found = _lead_in(text, offset, r)
    period = last_period(text, found[0], found[0] + len(found[1]), r) if found else None
    return period[:2] if period else None


def _lead_in(text: str, offset: int, r: AmountRules) -> Optional[tuple[int, str]]:
    """(start, line) of the lead-in of the list whose entry holds ``offset``: the first line above
    the entries (and the blank lines between them) when it announces the list; else None."""
    start = text.rfind("\n", 0, offset) + 1
    if not r.list_entry.match(text, start):
        return None
    found = line_above(text, start, r, past_entries=True)
    return found if found is not None and announces_list(found[1], r) else None


def _continued_frame(text: str, start: int, line: str, r: AmountRules) -> Optional[str]:
    """The frame of the line above a lead-in that goes on from it in lower case ("… at 2.
    totalopfølgning – DRIFT tages til efterretning" over "og indstiller følgende til
    Byrådet:"), or None."""
    if not line.strip()[:1].islower():
        return None
    found = line_above(text, start, r)
    if found is None or r.list_entry.match(found[1]) or r.frames_joined.search(found[1]):
        return None
    return frame_before(found[1], r)


_SUBHEADING_MAX = 40  # a longer line is prose
_SENTENCE_END = (".", ",", ":", ";", "!", "?")


def _is_subheading(line: str, r: AmountRules) -> bool:
    """Whether a line (stripped) heads the text below it as a sub-heading: short,
    capitalised, no sentence's end, no list's entry, no table's row (cells parted by tabs
    or closed by "|")."""
    if not line or len(line) > _SUBHEADING_MAX or line.endswith(_SENTENCE_END) or not line[0].isupper():
        return False
    return not r.list_entry.match(line) and row_separator(line) not in ("\t", "|")


class SubHeadings:
    """The lines of a text that head the text below them as sub-headings ("Status drift",
    "Anlæg", "Sygeplejen"), by position: found once a text, looked up for each amount; the
    frame each names read when first asked for."""

    def __init__(self, text: str, r: AmountRules):
        self.text, self.r = text, r
        self.starts: list[int] = []
        self.ends: list[int] = []  # where each line ends (its "\n"), ascending
        self._frames: dict[int, Optional[str]] = {}
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            if _is_subheading(line.strip(), r):
                self.starts.append(start)
                self.ends.append(end)
            start = end + 1

    def frame(self, offset: int, floor: int) -> Optional[str]:
        """The frame named by the nearest sub-heading above the line of ``offset``, not
        above ``floor`` (the start of its section; a line ``floor`` cuts counts from there).
        A sub-heading naming no frame gives none; a list's entry or a paragraph is passed over."""
        end = self.text.rfind("\n", 0, offset)
        if end <= floor:
            return None
        i = bisect.bisect_right(self.ends, end) - 1
        if i >= 0 and self.starts[i] >= floor:
            if i not in self._frames:
                self._frames[i] = frame_in_label(self.text[self.starts[i] : self.ends[i]].strip(), self.r)
            return self._frames[i]
        line_start = self.text.rfind("\n", 0, floor) + 1
        line_end = self.text.find("\n", floor)
        if line_start < floor < line_end:  # the line ``floor`` falls in, read from ``floor``
            cut = self.text[floor:line_end].strip()
            if _is_subheading(cut, self.r):
                return frame_in_label(cut, self.r)
        return None


def restated_years(text: str, amounts: list, r: AmountRules) -> None:
    """A sum named again with the definite article and no years of its own ("Puljen på de
    750.000 kr.", ``restated_sum``) is the sum the text has already named: when every mention
    of that value in the running text that has years has the same years ("I 2021 er der
    750.000 kr. at søge"), it takes them, and with them whether it is the sum of each year
    ("1 mio. kr. årligt i 2024-2027"); a value its mentions give different years is left alone.
    Only for the sums of the running text (a table's column repeats figures of other years).
    Changes ``amounts`` in place."""
    found: dict[float, set] = {}
    for a in amounts:
        if a.value_dkk and a.year_from is not None:
            found.setdefault(a.value_dkk, set()).add((a.year_from, a.year_to, a.per_year))
    for a in amounts:
        years = found.get(a.value_dkk) if a.value_dkk else None
        if a.year_from is None and years and len(years) == 1:
            if r.restated_sum.search(text, max(0, a.char_start - 10), a.char_start):
                a.year_from, a.year_to, per_year = next(iter(years))
                a.per_year = a.per_year or per_year
