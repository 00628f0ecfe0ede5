"""Totals and shares: a sum stated as the total of parts beside it, a share of a total.

A total ("samlet", "i alt", "svarende til", a table row "I alt") is checked against the
allocations before it in its place (initiative or section): the fewest of them that make
its value in each of its years are its parts, and it is marked ``is_total`` (counted
through them). A total that none of them make, beside two or more amounts of its
sentence that come within a quarter of it, is left counted and reported as a warning. A share ("hvoraf 3 mio. kr. …",
"Heraf 0,6 mio. kr.") is ``part_of`` the allocation before it; shares that add up to more
than their total are reported.
"""

from __future__ import annotations

from itertools import combinations
from typing import Optional

from extract.facts.allocation_rules import AllocationRules
from extract.facts.mentions import Clause
from extract.records import Allocation


def _by_year(a: Allocation) -> dict[Optional[int], float]:
    """Its value in each of its years (under None without years)."""
    return dict(a.per_year_values()) if a.years else {None: a.value_dkk}


def _makes(total: Allocation, parts: tuple[Allocation, ...], r: AllocationRules) -> bool:
    """Do ``parts`` make ``total`` in each of its years (without years: as sums)?"""
    want = _by_year(total)
    if total.years and any(p.years and not set(p.years) & set(total.years) for p in parts):
        return False
    got = [_by_year(p) for p in parts]
    for year, value in want.items():
        have = sum(g.get(year, g.get(None, 0)) if year is not None else sum(g.values()) for g in got)
        if abs(have - value) > r.rounding_share * abs(value) + 1:
            return False
    return True


def _parts_of(total: Allocation, candidates: list[Allocation], least: int, r: AllocationRules):
    for size in range(least, len(candidates) + 1):
        for parts in combinations(candidates, size):
            if _makes(total, parts, r):
                return parts
    return None


def _parts_per_year(total: Allocation, candidates: list[Allocation], least: int, r: AllocationRules):
    """A sum a total word made one over its period ("samlet 3,1 mio. kr. … i perioden 2013 –
    2015") whose parts make it in each year: it was per year, and is read so."""
    if not total.spread:
        return None
    each = Allocation(**{**total.__dict__, "spread": False, "per_year": True})
    parts = _parts_of(each, candidates, least, r)
    if parts:
        total.spread, total.per_year = False, True
        total.basis = total.basis.replace("years:sum_over_period", "years:per_year_by_its_parts")
    return parts


def _is_total_cue(a: Allocation, c: Clause, prev: Optional[Allocation], r: AllocationRules) -> Optional[int]:
    """The fewest parts a total needs (2 when its own words say so; 1 when it follows a
    total in its sentence: "samlet 3,1 mio. kr. i 2013-2015 og 1,1 mio. kr. i 2016"), or
    None when it is no total."""
    if r.total.search(c.before) or (r.total_row.match(c.line) and c.line.strip() != a.quote):
        return 2
    if prev is not None and prev.is_total and not r.share.search(c.before):
        return 1
    return None


def mark_totals(
    kept: list[Allocation], clauses: list[Clause], place: list[Optional[int]], r: AllocationRules
) -> list[str]:
    """Mark totals and shares in ``kept`` (in document order); the warnings found."""
    warnings: list[str] = []
    for k, a in enumerate(kept):
        c = clauses[a.position]
        prev = kept[k - 1] if k and clauses[kept[k - 1].position].sentence_start == c.sentence_start else None
        if r.share.search(c.before) or (prev is not None and prev.part_of is not None and
                                         r.coordination.search(c.before)):  # fmt: skip
            _mark_share(a, kept[:k], prev, lambda x, y: place[x.position] == place[y.position], r)
            continue
        least = _is_total_cue(a, c, prev, r)
        if least is None:
            continue
        candidates = [p for p in kept[max(0, k - r.max_parts) : k] if place[p.position] == place[a.position]
                      and not p.is_total and p.part_of is None and p.status != "other"]  # fmt: skip
        parts = _parts_of(a, candidates, least, r) or _parts_per_year(a, candidates, least, r)
        if parts:
            a.is_total = True
            a.basis += " total_of:" + ",".join(str(p.position) for p in parts)
        elif least == 2:
            _warn_unmade(a, [p for p in candidates if clauses[p.position].sentence_start == c.sentence_start], warnings)
    _check_shares(kept, warnings, r)
    return warnings


def _mark_share(a: Allocation, before: list[Allocation], prev: Optional[Allocation], same_place, r: AllocationRules):
    """A share is of the total its sentence's shares are of, else of the allocation before it
    in its place; it is money of the same kind, whose, and (unless it says) years."""
    total = None
    if prev is not None and prev.part_of is not None:
        total = next((t for t in before if t.position == prev.part_of), None)
    if total is None:
        total = next((t for t in reversed(before) if t.part_of is None), None)
        if total is not None and not same_place(total, a):
            total = None
    if total is None or abs(a.value_dkk) > abs(total.value_dkk) * (1 + r.rounding_share):
        return
    a.part_of = total.position
    a.basis += " share"
    if a.status != "other":
        a.status, a.scope = total.status, total.scope
    if not a.years or "years:budget_year" in a.basis or "years:no_year" in a.basis:
        a.years, a.per_year, a.spread = list(total.years), total.per_year, total.spread


def _warn_unmade(total: Allocation, beside: list[Allocation], warnings: list[str]) -> None:
    """A total two or more amounts of its sentence come close to but do not make (within a
    quarter: beyond that they are not its parts but other money)."""
    stated = sum(p.value_dkk for p in beside)
    if len(beside) >= 2 and total.value_dkk and 0.75 <= stated / total.value_dkk <= 1.25:
        warnings.append(f"the total {total.quote!r} (character {total.char_start}) is not the sum of the "
                        f"amounts beside it ({len(beside)} amounts, {stated:,.0f} kr. together)")  # fmt: skip


def _check_shares(kept: list[Allocation], warnings: list[str], r: AllocationRules) -> None:
    shares: dict[int, float] = {}
    for a in kept:
        if a.part_of is not None:
            shares[a.part_of] = shares.get(a.part_of, 0) + abs(a.value_dkk)
    for total in kept:
        got = shares.get(total.position)
        if got is not None and got > abs(total.value_dkk) * (1 + r.rounding_share):
            warnings.append(f"the shares of {total.quote!r} (character {total.char_start}) add up to "
                            f"{got:,.0f} kr., more than it")  # fmt: skip
