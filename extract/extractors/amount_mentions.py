"""Money figures in a text: every number with a scale word or kroner, normalised to kroner.

An amount is a number with a scale word ("4,0 mio. kr.", "6 mio."), a number with
kroner ("26.898.526 kr."), kroner before a number ("kr.12,5 mill."), a number in words
with its scale and kroner ("to mio. kr.") or a bare number right after a money noun
("lån (5.000 – 50.000)"); a range gives two figures. Percentages, counts of people,
years and case numbers have no scale or kroner word and are never taken. Years and
kinds are tied to the figures by ``amounts``. The forms are in ``rules/amounts.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.extractors.amount_rules import AmountRules
from extract.extractors.amount_tables import YEAR, unit_spans
from extract.extractors.numbers import parse_danish_number


@dataclass
class _Mention:
    start: int
    end: int
    value: float
    rule: str
    currency: Optional[str] = None  # None: kroner; else the code of another currency


def find_mentions(text: str, r: AmountRules) -> list[_Mention]:
    """Every money figure in ``text`` (no years or kinds yet), in text order. The words
    that give a table its unit ("(1.000 kr.)") are not figures."""
    taken: list[tuple[int, int]] = unit_spans(text, r)
    out: list[_Mention] = []
    for form in r.forms:
        for m in form.pattern.finditer(text):
            if _overlaps(m.span(), taken) or not _word_start(text, m.start()):
                continue
            mentions = _mentions_of(m, form.id, text, r)
            if mentions:
                taken.append(m.span())
                out += mentions
    return sorted(out, key=lambda x: x.start)


def parse_danish_amount(s: str, r: AmountRules) -> Optional[float]:
    """Kroner value of one written amount ("12,5 mio.kr."), or None (never raises)."""
    try:
        return parse_danish_amount_strict(s, r)
    except (ValueError, TypeError):
        return None


def parse_danish_amount_strict(s: str, r: AmountRules) -> float:
    """Kroner value of one written amount; ValueError names the text if it is not one."""
    if not isinstance(s, str):
        raise ValueError(f"not an amount: {s!r} (expected text)")
    mentions = find_mentions(s, r)
    if len(mentions) != 1:
        raise ValueError(f"not one Danish amount: {s!r} (found {len(mentions)})")
    return mentions[0].value


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,")


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in taken)


def _mentions_of(m: re.Match, rule: str, text: str, r: AmountRules) -> list[_Mention]:
    groups = m.groupdict()
    factor = _factor(groups.get("scale"), r)
    named = groups.get("cur") or groups.get("fx")
    if groups.get("scale") and not named and r.not_money_after.match(text, m.end()):
        return []
    bare = not groups.get("scale") and not named
    nums = [k for k in ("num", "num2", "words") if groups.get(k)]
    currency = _currency(groups.get("fx"), r)
    values = [
        dict(r.number_words).get(" ".join(groups[key].lower().split()))
        if key == "words"
        else parse_danish_number(groups[key], decimal_point=bool(groups.get("scale")), fractions=r.fractions)
        for key in nums
    ]
    out = []
    for i, (key, value) in enumerate(zip(nums, values)):
        if value is None or (bare and (value < r.min_bare_value or _looks_like_year(groups[key]))):
            return []
        if value == 0:
            continue  # a sum of zero states no money ("0 mio. kr.")
        if i == 0 and len(nums) == 2 and _year_before_sum(groups[key], values[1]):
            continue  # "Visionspulje 2024 - 473.148 kroner": the year of a name, no range's bound
        start, end = _quote_span(m, key, i, len(nums), bare)
        out.append(_Mention(start, end, value * factor, rule, currency))
    return out


def _year_before_sum(first: str, second: Optional[float]) -> bool:
    """Is the first number of a dash-joined pair a year and the second a sum far larger (a pool's
    name with its year before its sum), not the lower bound of a range?"""
    return _looks_like_year(first) and second is not None and second > 10 * float(first)


def _currency(written: Optional[str], r: AmountRules) -> Optional[str]:
    if not written:
        return None
    return next((c.code for c in r.currencies if c.pattern.fullmatch(written.strip())), written.strip())


def _looks_like_year(s: str) -> bool:
    return bool(YEAR.fullmatch(s.strip()))


def _quote_span(m: re.Match, key: str, i: int, count: int, bare: bool) -> tuple[int, int]:
    """A range's first number is quoted alone, its last with the unit; bare numbers alone."""
    if bare:
        return m.span(key)
    if count == 1:
        return m.span()
    return (m.start(key), m.end(key)) if i == 0 else (m.start(key), m.end())


def _factor(scale: Optional[str], r: AmountRules) -> float:
    if not scale:
        return 1.0
    for s in r.scales:
        if s.pattern.fullmatch(scale.strip()):
            return s.factor
    return 1.0
