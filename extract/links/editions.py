"""Documents of one series (editions) and what the text says became of an initiative."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from rapidfuzz import fuzz

from extract.links.link_rules import InitiativeRules

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])|\n+")


@dataclass(frozen=True)
class Dated:
    document_id: str
    title: str
    date: Optional[str]


def document_date(date: Optional[str], path: str, rules: InitiativeRules) -> Optional[str]:
    """The document's date, else the date its path gives."""
    if date:
        return date
    m = rules.path_date.search(path or "")
    return m.group(1) if m else None


def is_series(title: str, rules: InitiativeRules) -> bool:
    return bool(title and rules.series.search(title))


def series_name(title: str, rules: InitiativeRules) -> str:
    """A series title without its numbers and the words editions ignore."""
    return " ".join(w.lower() for w in _WORD.findall(title or "") if w.lower() not in rules.edition_ignore)


def same_series(a: str, b: str, rules: InitiativeRules) -> bool:
    """Two titles of one series."""
    return same_series_names(series_name(a, rules), series_name(b, rules), rules)


def same_series_names(na: str, nb: str, rules: InitiativeRules) -> bool:
    """Two series names alike: the same words, nearly, or all words of one (enough of them) in the other."""
    if not (na and nb):
        return False
    if fuzz.token_sort_ratio(na, nb) >= rules.edition_min_ratio:
        return True
    short, long = sorted((set(na.split()), set(nb.split())), key=len)
    return len(short) >= rules.series_min_words and len(short) > rules.series_min_share * len(long) and short <= long


def editions(docs: Sequence[Dated], rules: InitiativeRules) -> list[list[Dated]]:
    """Series of two or more documents of series titles in different years, each in date order."""
    candidates = sorted((d for d in docs if is_series(d.title, rules)), key=lambda d: (d.date or "", d.document_id))
    groups: list[list[Dated]] = []
    for d in candidates:
        for group in groups:
            if same_series(group[0].title, d.title, rules) and all(_year(g) != _year(d) for g in group):
                group.append(d)
                break
        else:
            groups.append([d])
    return [g for g in groups if len(g) > 1]


def _year(d: Dated) -> Optional[str]:
    return d.date[:4] if d.date else None


def fate(text: str, rules: InitiativeRules) -> Optional[tuple[str, str]]:
    """(fate, sentence): the first fate, in the rules' order of precedence, a sentence says."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]
    for rule in rules.fates:
        for sentence in sentences:
            if rule.pattern.search(sentence):
                return rule.fate, sentence
    return None
