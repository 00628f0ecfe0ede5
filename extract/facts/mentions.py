"""Each amount mention read in its clause: what its money is, whose, for which years.

An amount's clause is the text between it and the amount before it in its sentence
(``before``) and up to the next amount or the sentence's end (``after``). Of the cue
rules of ``rules/allocations.yml`` that hold there, the one whose words stand nearest the
amount decides its status and its scope; an amount with no cue of its own takes those of
the amount before it in the same sentence ("afsat 2,0 mio. kr. til drift og 8,0 mio. kr.
til indsats"), then a cue anywhere in its sentence, then the default.

Years as the document means them: years listed after it ("2019, 2021 og 2022"),
open-ended money ("fra 2013 og frem") up to the budget's horizon, a budget's "X mio. kr. i
2013-2016" as X in each year unless words make it one sum over the period ("i alt", "over
4 år": spread evenly), a year the clause moves to ("overført til 2008, hvor …") before the
year of a price level ("2007 niveau"), and, with no year at all, the document's budget
year for money of the budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.extractors.amount_tables import TABLE_CELL_RULE, column_header
from extract.facts.allocation_rules import AllocationRules, CueRule
from extract.records import Allocation, Amount, DocumentMeta
from extract.structure.sentences import Span, sentence_at

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MINUS = re.compile(r"(?:^|[\s(:])[-−–]+$")  # a minus written against the number, not a dash between words
_PRESENT = ("granted", "spent", "underspent", "overspent", "saving", "frame", "proposed", "requested")
CLAUSE = ("before", "after", "clause")


@dataclass(frozen=True)
class Clause:
    """Where one amount stands: its clause before and after it, its sentence, its line."""

    before: str
    after: str
    sentence: str
    line: str
    sentence_start: int
    paragraph: str  # the paragraph before the sentence


def clause_of(text: str, amounts: list[Amount], i: int, sentences: list[Span]) -> Clause:
    a = amounts[i]
    sent = sentence_at(sentences, a.char_start) or Span(a.char_start, a.char_end)
    prev_end = amounts[i - 1].char_end if i and amounts[i - 1].char_end <= a.char_start else 0
    start = max(sent.start, prev_end)
    nxt = amounts[i + 1].char_start if i + 1 < len(amounts) else len(text)
    end = max(a.char_end, min(max(sent.end, a.char_end), nxt))
    line_start = text.rfind("\n", 0, a.char_start) + 1
    line_end = text.find("\n", a.char_end)
    sentence_start = min(sent.start, a.char_start)
    paragraph_start = text.rfind("\n\n", 0, sentence_start) + 1
    return Clause(
        text[start : a.char_start],
        text[a.char_end : end],
        text[sentence_start : max(sent.end, a.char_end)],
        text[line_start : len(text) if line_end < 0 else line_end],
        sentence_start,
        text[paragraph_start:sentence_start],
    )


def _distance(rule: CueRule, c: Clause) -> Optional[int]:
    """How far from the amount the rule's words stand (None: they do not)."""
    if rule.place in ("sentence", "paragraph"):
        return 0 if rule.pattern.search(c.sentence if rule.place == "sentence" else c.paragraph) else None
    found = []
    if rule.place in ("before", "clause"):
        last = None
        for last in rule.pattern.finditer(c.before):
            pass
        if last is not None:
            found.append(len(c.before) - last.end())
    if rule.place in ("after", "clause"):
        first = rule.pattern.search(c.after)
        if first is not None:
            found.append(first.start())
    return min(found) if found else None


def nearest(rules: tuple[CueRule, ...], c: Clause, places: tuple[str, ...] = CLAUSE) -> Optional[CueRule]:
    """Of the rules that look in ``places``, the one whose words stand nearest the amount
    (on a tie, the first listed)."""
    best, best_distance = None, None
    for rule in rules:
        if rule.place not in places:
            continue
        d = _distance(rule, c)
        if d is not None and (best_distance is None or d < best_distance):
            best, best_distance = rule, d
    return best


def budget_year(text: str, meta: DocumentMeta, r: AllocationRules) -> Optional[int]:
    """The first year of the budget the document is about: by the rules' patterns in its
    title, then its first lines; else its title's first year; else the year of its date."""
    for where in (meta.title or "", text[:2000]):
        for pattern in r.budget_year:
            m = pattern.search(where)
            if m:
                return int(m.group("year"))
    m = _YEAR.search(meta.title or "")
    if m:
        return int(m.group())
    return int(meta.date[:4]) if meta.date else None


def _period_length(c: Clause, r: AllocationRules) -> Optional[int]:
    m = r.period_length.search(c.after[:40]) or r.period_length.search(c.before[-40:])
    if not m:
        return None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else r.number_words.get(n)


def years_of(a: Amount, c: Clause, status: str, budget: Optional[int], r: AllocationRules):
    """(years, per year, spread, which rule) of one mention."""
    if status == "other":  # a rate, a price, a threshold: money of no year
        return [], a.per_year, False, "none_for_other"
    listed = r.year_list.match(c.after)
    if listed:
        return sorted({int(y) for y in _YEAR.findall(listed.group())}), True, False, "year_list"
    then = r.then_year.search(c.before)
    if then and (a.year_from is None or a.year_from == a.year_to):
        return [int(then.group("year"))], a.per_year, False, "then_year"
    if a.year_from is not None and a.year_to is None:
        last = max(a.year_from, (budget or a.year_from) + r.horizon_years)
        return list(range(a.year_from, last + 1)), True, False, "open_to_horizon"
    n = _period_length(c, r)
    if a.year_from is None and n and not a.per_year:
        first = [int(y) for y in _YEAR.findall(c.before)] or ([budget] if budget else [])
        if first:
            return list(range(first[-1], first[-1] + n)), False, True, "sum_over_period"
    if a.year_from is not None:
        years = list(range(a.year_from, a.year_to + 1))
        if r.price_level.match(c.after) and len(years) == 1 and budget is not None and not a.per_year:
            return [budget], False, False, "price_level_not_a_year"
        if len(years) > 1 and not a.per_year and (n or r.sum_over_period.search(c.before + " " + c.after)):
            return years, False, True, "sum_over_period"
        return years, a.per_year or len(years) > 1, False, "amount_years"
    since = r.since_year.search(c.before)
    if since and a.per_year and budget is not None and int(since.group("year")) < budget:
        return list(range(int(since.group("year")), budget)), True, False, "since_year"
    if budget is not None and status in _PRESENT:
        return [budget] if not a.per_year else list(range(budget, budget + r.horizon_years + 1)), \
            a.per_year, False, "budget_year"  # fmt: skip
    return [], a.per_year, False, "no_year"


def _cues(c: Clause, prev: Optional[Allocation], r: AllocationRules) -> tuple[str, str, str, str]:
    """(status, scope, and the rule that gave each) of a mention: its own cue, else the
    mention's before it in its sentence, else a cue in its sentence, in its paragraph, else
    the default."""
    status_rule, scope_rule = nearest(r.statuses, c), nearest(r.scopes, c)
    if prev is None:
        status_rule = status_rule or nearest(r.statuses, c, ("sentence",)) or nearest(r.statuses, c, ("paragraph",))
        scope_rule = scope_rule or nearest(r.scopes, c, ("sentence",)) or nearest(r.scopes, c, ("paragraph",))
    status = status_rule.value if status_rule else prev.status if prev else r.default_status
    scope = scope_rule.value if scope_rule else prev.scope if prev else r.default_scope
    status_basis = status_rule.id if status_rule else "as_before" if prev else "default"
    scope_basis = scope_rule.id if scope_rule else "as_before" if prev else "default"
    return status, scope, status_basis, scope_basis


def _cell_clause(text: str, a: Amount, c: Clause) -> Clause:
    """A table cell read as its column header and its row's label ("Afvigelser 2023",
    "Forventet regnskab" above; "Drift i alt" before it)."""
    label = c.line.split("\t")[0] if c.line.split("\t")[0].strip() else c.line.lstrip(" \t").split("\t")[0]
    before = f"{column_header(text, a.char_start)}\t{label}\t" + ("-" if _MINUS.search(c.before) else "")
    return Clause(before, "", c.sentence, c.line, c.sentence_start, c.paragraph)


def mention_facts(
    text: str, amounts: list[Amount], sentences: list[Span], meta: DocumentMeta, r: AllocationRules
) -> tuple[list[Allocation], list[Clause]]:
    """One allocation per mention, before mentions of the same money are joined."""
    budget = budget_year(text, meta, r)
    facts: list[Allocation] = []
    clauses = [clause_of(text, amounts, i, sentences) for i in range(len(amounts))]
    for i, (a, c) in enumerate(zip(amounts, clauses)):
        prev = facts[-1] if facts and clauses[i - 1].sentence_start == c.sentence_start else None
        if a.rule == TABLE_CELL_RULE:  # a cell's status is its column's: read in its header
            c, prev = _cell_clause(text, a, c), None
        status, scope, status_basis, scope_basis = _cues(c, prev, r)
        years, per_year, spread, years_rule = years_of(a, c, status, budget, r)
        value = -a.value_dkk if _MINUS.search(c.before) else a.value_dkk
        facts.append(Allocation(
            position=i, mentions=[i], value_dkk=value, years=years, per_year=per_year, spread=spread,
            status=status, scope=scope, kind=a.kind, rule=status_basis,
            basis=f"status:{status_basis} scope:{scope_basis} years:{years_rule}", quote=a.quote,
            char_start=a.char_start, char_end=a.char_end,  # section and page: attached with the others'
        ))  # fmt: skip
    return facts, clauses
