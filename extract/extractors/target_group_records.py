"""Target groups: the record of one statement, read for its groups, ages, match groups and size.

``record`` builds the row of a statement at ``start:end`` of a text: its labels (see
target_group_labels), the joined age range of its age expressions (which may add the labels of
children, young people, seniors or the elderly), its match groups and the stated number of persons; a
statement about "borgere" only may take the groups its document's title names.
"""

from __future__ import annotations

from typing import Optional

from extract.extractors.target_group_labels import fallbacks, find_labels, specific
from extract.extractors.target_group_rules import TargetGroupRules
from extract.records import TargetGroup


def find_ages(
    text: str, r: TargetGroupRules, children: bool = False, youth: bool = False
) -> tuple[Optional[int], Optional[int]]:
    """The joined age range of every age expression in ``text`` (open bounds stay open); a
    statement about ``children`` has ages of its own ("børn i alderen 3-11 år"), and one about
    children and ``youth`` alike spans both ("både børn og unge på 0-25 år"); a pattern that names
    the years itself reads an elderly person's age too ("over 75 år", ``named_age_max``)."""
    lo, hi = r.child_age_bounds if children else r.age_bounds
    hi = max(hi, r.age_bounds[1]) if children and youth else hi
    ranges = []
    for rule in r.ages:
        top = r.named_age_max if rule.names_years and not children else hi  # "over 75 år", not a bare "under 80"
        for m in rule.pattern.finditer(text):
            a = int(m.group(rule.age_min)) if rule.age_min else None
            b = int(m.group(rule.age_max)) if rule.age_max else None
            if all(v is None or lo <= v <= top for v in (a, b)):
                ranges.append((a, b + rule.max_adjust if b is not None else None))
    if not ranges:
        return None, None
    mins, maxs = [a for a, _ in ranges], [b for _, b in ranges]
    return (None if None in mins else min(mins)), (None if None in maxs else max(maxs))


def childhood_ages(text: str, r: TargetGroupRules) -> tuple[Optional[int], Optional[int]]:
    """The ages of a statement that names persons by their ages from childhood only ("aktiviteter,
    som henvender sig til 0-18 årige"): a range whose lower bound is below ``age_bounds``' lower
    bound is children's (read with ``child_age_bounds``); else (None, None)."""
    lo, hi = find_ages(text, r, True, True)
    return (lo, hi) if lo is not None and lo < r.age_bounds[0] else (None, None)


def find_match_groups(text: str, r: TargetGroupRules) -> list[int]:
    groups: set[int] = set()
    for m in r.match_groups.pattern.finditer(text):
        parts = r.match_words.findall(m.group(1))
        prev, pending_range = None, False
        for part in parts:
            if part.isdigit():
                n = int(part)
                groups.update(range(prev + 1, n + 1) if pending_range and prev is not None else [n])
                prev, pending_range = n, False
            else:
                pending_range = part in r.match_range_words
    return sorted(groups)


def _number(s: Optional[str]) -> Optional[int]:
    return int(s.replace(".", "")) if s else None


def find_size(text: str, r: TargetGroupRules) -> Optional[int]:
    """The first stated number of persons in ``text``; a range gives its upper bound."""
    best: Optional[tuple[int, int]] = None
    for rule in r.sizes:
        found = [
            m
            for m in rule.pattern.finditer(text)
            if not r.size_not_after.search(text[max(0, m.start() - 15) : m.start()])
        ]
        if not found:
            continue
        values = [_number(m.groupdict().get("n2") or m.groupdict().get("n3") or m.group("n")) for m in found]
        value = sum(values) if rule.sum_all else values[0]
        if best is None or found[0].start() < best[0]:
            best = (found[0].start(), value)
    return best[1] if best else None


def record(text: str, start: int, end: int, rule_id: str, r: TargetGroupRules, title: str = "") -> TargetGroup:
    quote = text[start:end]
    groups = find_labels(quote, r)
    children = r.child_label in groups
    age_min, age_max = find_ages(quote, r, children, r.young_label in groups)
    early = childhood_ages(quote, r) if (age_min, age_max) == (None, None) and not children else (None, None)
    if early[0] is not None:  # children, and young people past a child's ages
        (age_min, age_max), children = early, True
        young = age_max is None or age_max > r.child_age_bounds[1]
        groups = sorted(set(groups) - fallbacks(r) | {r.child_label} | ({r.young_label} if young else set()))
    if r.title_context and title and set(groups) <= fallbacks(r) | r.title_context_with:
        named = find_labels(title, r)
        if specific(named, r) and not set(named) & set(groups):  # a group of the title named here says enough
            groups = sorted(set(groups) - fallbacks(r) | set(named))
    young = age_max is not None and age_max <= r.young_age_max and (age_min is None or age_min < r.young_age_max)
    if young and not children and r.young_label not in groups:
        groups = sorted(set(groups) - fallbacks(r) | {r.young_label})
    if age_min is not None and age_min >= r.elderly_age_min:  # past the age of pension: the elderly
        groups = groups if r.elderly_label in groups else sorted(set(groups) - fallbacks(r) | {r.elderly_label})
    elif age_min is not None and age_min >= r.senior_age_min and r.senior_label not in groups:
        groups = sorted(set(groups) - fallbacks(r) | {r.senior_label})
    return TargetGroup(
        quote=quote,
        char_start=start,
        char_end=end,
        groups=groups,
        age_min=age_min,
        age_max=age_max,
        match_groups=find_match_groups(quote, r),
        size=find_size(quote, r),
        rule=rule_id,
    )
