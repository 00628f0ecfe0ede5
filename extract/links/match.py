"""Which units of different documents are one initiative, and why (pure functions)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from rapidfuzz import fuzz

from extract.links import references as refs
from extract.links.editions import same_series_names
from extract.links.link_rules import InitiativeRules


@dataclass(frozen=True)
class Unit:
    """What can be an initiative: a section naming one, or a whole agenda item about one
    (``section_id`` None). ``name`` is normalised; ``text`` is what the unit says."""

    document_id: str
    section_id: Optional[str]
    heading: str
    name: str
    date: Optional[str]
    text: str = ""
    groups: frozenset[str] = frozenset()
    amounts: frozenset[float] = frozenset()
    kind: str = "initiative"  # initiative, item (a whole agenda item), series_section, series_document
    series: str = ""  # the series name of its document's title, when that is a series' title
    years: frozenset[str] = frozenset()  # the years its document's title names
    period: str = ""  # a budget round's period, for a series document
    case_number: str = ""  # its document's case number, which other documents may cite
    refers: frozenset[str] = frozenset()  # budget periods its heading names ("fortsat fra Budget 2024-27")
    at: Optional[int] = None  # where a list item stands in the text (kind list_item; section_id: its section)
    place: str = ""  # its document's municipality where known, else the place its path names
    municipality: str = ""  # the municipality (or region) its document is of ("" when unknown)
    meeting: Optional[refs.Meeting] = None  # the meeting item its document is (its text, metadata, else path)
    area: str = ""  # the budget area a series section's heading names (rules "budget_areas")
    committee: str = ""  # the committee whose item its document is (its text's procedure, else its path)

    @property
    def key(self) -> tuple[str, str]:
        return (self.document_id, f"{self.section_id}@{self.at}" if self.at is not None else self.section_id or "")


@dataclass(frozen=True)
class Link:
    a: Unit
    b: Unit
    basis: str  # name, name+target_groups, name+allocation, continuation, name+series, same_period, reference,
    # shared_reference, budget_area
    score: float
    quote: str = ""  # a reference's words


def name_score(a: str, b: str, rules: InitiativeRules) -> float:
    """How alike two normalised names are (0-100): the words in any order, or one name
    inside the other when the shorter is long enough to name something."""
    if not a or not b:
        return 0.0
    score = fuzz.token_sort_ratio(a, b)
    short, long = sorted((a.split(), b.split()), key=len)
    if len("".join(short)) >= rules.name_min_chars and len(short) >= rules.name_min_cover * len(long):
        score = max(score, fuzz.token_set_ratio(a, b) - 1)  # one name inside the other: below the same name
    return float(score)


def link(a: Unit, b: Unit, rules: InitiativeRules, cited: Optional[Mapping] = None) -> Optional[Link]:
    """The link between two units of different documents, or None (never within one document,
    never between documents of two known municipalities).
    ``cited``: each unit's key → the meeting items its text cites (:func:`citations`)."""
    if a.document_id == b.document_id:
        return None
    if a.municipality and b.municipality and a.municipality != b.municipality:
        return None  # two municipalities' documents: a like-named pool of each is two pools
    cited = cited if cited is not None else citations((a, b), rules)
    for citing, other in ((a, b), (b, a)):  # an explicit reference: the text cites the document's case number
        if other.case_number and other.kind in ("item", "series_document") and other.case_number in citing.text:
            return Link(a, b, "reference", 100.0, other.case_number)
        quote = _cites(citing, other, cited.get(citing.key, ()), rules)  # or the meeting item it is
        if quote:
            return Link(a, b, "reference", 100.0, quote)
    if "series_document" in (a.kind, b.kind):  # one budget round: its period written alike
        same = a.kind == b.kind and a.period and a.period == b.period
        return Link(a, b, "same_period", 100.0) if same else None
    score = name_score(a.name, b.name, rules)
    if a.refers and b.refers and not a.refers & b.refers:  # headings of different budget rounds
        return None
    if a.section_id is None is b.section_id and a.years and b.years and not a.years & b.years:
        return None  # documents whose titles name other years: editions, other years' pools, not one initiative
    if score >= rules.references.min_ratio:  # both follow up one decision: they cite one meeting item
        for x in cited.get(a.key, ()):
            if any(refs.same_meeting(x.meeting, y.meeting, rules.references) for y in cited.get(b.key, ())):
                return Link(a, b, "shared_reference", score, x.quote)
    if {"series_section", "list_item"} & {a.kind, b.kind}:  # a budget area or analysis: in related documents only
        if not related(a, b, rules):
            return None
        if score >= rules.name_min_ratio:
            return Link(a, b, "name+series", score)
        if a.area and a.area == b.area and same_committee(a, b, rules):
            return Link(a, b, "budget_area", rules.area_score)
        return None
    if score >= rules.name_min_ratio:
        return Link(a, b, "name", score)
    if score >= rules.supported_min_ratio:
        if a.groups & b.groups:
            return Link(a, b, "name+target_groups", score)
        big = {x for x in a.amounts & b.amounts if abs(x) >= rules.supported_min_amount}
        if big:
            return Link(a, b, "name+allocation", score)
    earlier, later = (a, b) if (a.date or "") <= (b.date or "") else (b, a)
    found = continues(later.text, earlier.name, rules)
    if found is not None:
        return Link(a, b, "continuation", found)
    return None


def citations(units: Iterable[Unit], rules: InitiativeRules) -> dict[tuple, list[refs.Citation]]:
    """The meeting items each unit's own text cites (a series' whole document cites too much
    to stand for one of them; a list item has no text of its own)."""
    return {
        u.key: refs.citations(u.text, rules.references, u.place)
        for u in units
        if u.kind not in ("series_document", "list_item")
    }


def _cites(citing: Unit, cited: Unit, found: Sequence[refs.Citation], rules: InitiativeRules) -> str:
    """The words with which ``citing`` cites the agenda item ``cited`` is, when its name or the
    words around the citation name that item ("" when it does not)."""
    if cited.kind != "item" or cited.meeting is None or not found:
        return ""
    rr = rules.references
    for c in found:
        if not refs.cites(c.meeting, cited.meeting, rr):
            continue
        around = citing.text[max(0, c.start - rr.window) : c.end + rr.window].lower()
        if name_score(citing.name, cited.name, rules) >= rr.min_ratio or (
            len(cited.name.replace(" ", "")) >= rules.name_min_chars
            and fuzz.partial_ratio(cited.name, around) >= rules.continuation_min_ratio
        ):
            return c.quote
    return ""


def same_committee(a: Unit, b: Unit, rules: InitiativeRules) -> bool:
    """Units of one committee's documents (and of one place, when their municipality or path names it)."""
    known = a.committee and b.committee and refs.same_body(a.committee, b.committee, rules.references)
    return bool(known) and a.place == b.place


def related(a: Unit, b: Unit, rules: InitiativeRules) -> bool:
    """Units of documents of one series or one budget round, whose titles name the same year,
    or one of which names the other's budget round; never of two budget rounds unless one
    names the other's."""
    if a.period and b.period and a.period != b.period:
        return a.period in b.refers or b.period in a.refers
    if a.period and (a.period == b.period or a.period in b.refers) or b.period and b.period in a.refers:
        return True
    if a.series and b.series and same_series_names(a.series, b.series, rules):
        return True
    return bool(a.years & b.years)


def continues(text: str, name: str, rules: InitiativeRules) -> Optional[float]:
    """The score with which ``text`` says it continues the initiative called ``name``
    ("videreførelse af …" followed by the name), or None."""
    if len(name.replace(" ", "")) < rules.name_min_chars:
        return None
    for m in rules.continuation.finditer(text):
        window = text[m.end() : m.end() + rules.continuation_window].lower()
        score = fuzz.partial_ratio(name, window)
        if score >= rules.continuation_min_ratio:
            return float(score)
    return None


def links(new: Sequence[Unit], others: Sequence[Unit], rules: InitiativeRules) -> list[Link]:
    """Links of the new units to each other and to the other (already linked) units.

    Only candidates are compared: units that share the start of a name word or a budget area, or whose
    continuation phrase is followed by such a word, one budget round's documents, a
    document and a text that cites its case number, and units citing one meeting's item
    or the meeting item itself (a link needs one of these)."""
    names, continued, meetings = defaultdict(list), defaultdict(list), defaultdict(list)
    every = [*new, *others]
    quoted = citations(every, rules)
    for u in every:
        for k in _keys(u, rules):
            names[k].append(u)
        for k in _continuation_keys(u, rules):
            continued[k].append(u)
        for c in quoted.get(u.key, ()):
            meetings[(c.meeting.date, c.meeting.item)].append(u)
        if u.meeting is not None and u.section_id is None:
            meetings[(u.meeting.date, u.meeting.item)].append(u)
    cited = [u for u in every if u.case_number and u.kind in ("item", "series_document")]
    done: set[tuple] = set()
    out = []
    for a in new:
        candidates = {id(b): b for k in _keys(a, rules) for b in (*names[k], *continued[k])}
        candidates.update((id(b), b) for k in _continuation_keys(a, rules) for b in names[k])
        candidates.update((id(b), b) for b in cited if b.case_number in a.text)
        if a in cited:
            candidates.update((id(b), b) for b in every if a.case_number in b.text)
        mine = [(c.meeting.date, c.meeting.item) for c in quoted.get(a.key, ())]
        if a.meeting is not None and a.section_id is None:
            mine.append((a.meeting.date, a.meeting.item))
        candidates.update((id(b), b) for k in mine for b in meetings[k])
        for b in candidates.values():
            pair = tuple(sorted((a.key, b.key)))
            if b.document_id == a.document_id or pair in done:
                continue
            done.add(pair)
            found = link(a, b, rules, quoted)
            if found:
                out.append(found)
    return out


def _keys(u: Unit, rules: InitiativeRules) -> set[str]:
    keys = {w[: rules.candidate_prefix] for w in u.name.split()}
    if u.kind == "series_document" and u.period:
        keys.add(f"period:{u.period}")
    if u.area:
        keys.add(f"area:{u.area}")
    return keys


def _continuation_keys(u: Unit, rules: InitiativeRules) -> set[str]:
    keys: set[str] = set()
    for m in rules.continuation.finditer(u.text):
        window = u.text[m.end() : m.end() + rules.continuation_window].lower()
        keys.update(w[: rules.candidate_prefix] for w in re.findall(r"[^\W\d_]+", window))
    return keys


def threads(units: Iterable[Unit], found: Iterable[tuple[tuple, tuple, float]]) -> dict[tuple, tuple]:
    """Initiatives: each unit's key → the key of its initiative's first unit. Links are
    taken best first; a link that would put two units of one document into one
    initiative is left out."""
    parent = {u.key: u.key for u in units}
    docs = {u.key: {u.document_id} for u in units}

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b, _ in sorted(found, key=lambda x: (-x[2], x[0], x[1])):
        if a not in parent or b not in parent:
            continue
        ra, rb = root(a), root(b)
        if ra == rb or docs[ra] & docs[rb]:
            continue
        keep, drop = sorted((ra, rb))
        parent[drop] = keep
        docs[keep] |= docs.pop(drop)
    return {k: root(k) for k in parent}
