"""Mentions of the same money made one allocation.

A later mention states the money of an earlier one when words point back to it ("de 4.0
mio. kr.", "Tilsagnet på 1.814.500 kr.", "finansieret af det afsatte rådighedsbeløb")
and the value is the same, in the same initiative; when one is written exactly and the
other rounded ("26.898.526 kr." … "26,9 mill. kr."), for the same years; or when it
gives a sum over a period per year ("120 mio. kr. over fire år (30 mio. kr. årligt)":
the sum becomes the total of the money per year, which takes its years).
"""

from __future__ import annotations

import re
from typing import Optional

from extract.facts.allocation_rules import AllocationRules
from extract.facts.mentions import Clause, nearest
from extract.records import Allocation

_NUMBER = re.compile(r"\d[\d.,\u00a0 ]*")


def significant_digits(quote: str) -> int:
    """How many digits the amount is written with ("26.898.526 kr." 8, "26,9 mill. kr." 3)."""
    m = _NUMBER.search(quote)
    return len(re.sub(r"\D", "", m.group())) if m else 0


def _close(x: float, y: float, share: float) -> bool:
    return abs(x - y) <= share * max(abs(x), abs(y), 1)


def _rounded(first: Allocation, later: Allocation, r: AllocationRules) -> bool:
    x, y = abs(first.value_dkk), abs(later.value_dkk)
    if x == y or not _close(x, y, r.rounding_share):
        return False
    if first.years and later.years and first.years != later.years:
        return False
    digits = sorted((significant_digits(first.quote), significant_digits(later.quote)))
    return digits[1] >= 6 > digits[0]


def _per_year_of(total: Allocation, later: Allocation, r: AllocationRules) -> bool:
    """``later``, with no years of its own, gives the sum over a period ``total`` stated
    just before it per year."""
    n = len(total.years)
    undated = later.basis.endswith(("years:budget_year", "years:no_year"))
    return total.spread and n > 1 and later.per_year and undated and \
        _close(later.value_dkk * n, total.value_dkk, r.rounding_share)  # fmt: skip


def same_money(earlier: Allocation, fact: Allocation, c: Clause, same_place: bool, r: AllocationRules) -> Optional[str]:
    """Why ``fact`` states the money of ``earlier`` again, or None."""
    if _rounded(earlier, fact, r):
        return "rounded"
    if not same_place:
        return None
    if abs(earlier.value_dkk) == abs(fact.value_dkk) and (
        not earlier.years or not fact.years or earlier.years == fact.years
    ):
        back = nearest(r.back_references, c)
        if back is not None:
            return back.id
    return None


def join_restatements(
    facts: list[Allocation], clauses: list[Clause], place: list[Optional[int]], r: AllocationRules
) -> list[Allocation]:
    """One allocation per sum of money: a mention that states money of an earlier one
    joins it (the latest such), with the years it gives where the first gave none."""
    kept: list[Allocation] = []
    for fact in facts:
        i = fact.position
        if kept and kept[-1].mentions[-1] == i - 1 and _per_year_of(kept[-1], fact, r):
            # "120 mio. kr. over fire år (30 mio. kr. årligt)": the sum is the total of its years
            total = kept[-1]
            total.is_total, total.basis = True, total.basis + f" total_of:{i}"
            fact.years, fact.basis = list(total.years), fact.basis + " years_of_the_sum"
            kept.append(fact)
            continue
        for earlier in reversed(kept):
            why = same_money(earlier, fact, clauses[i], place[earlier.position] == place[i], r)
            if why:
                earlier.mentions.append(i)
                earlier.basis += f" restated:{why}"
                if not earlier.years and fact.years:
                    earlier.years, earlier.per_year, earlier.spread = fact.years, fact.per_year, fact.spread
                break
        else:
            kept.append(fact)
    return kept
