"""Names of initiatives made comparable, and abbreviations: expanded where used, found
where a document defines them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Optional

from extract.links.link_rules import AbbreviationRules, InitiativeRules

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TOKEN = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Definition:
    """An abbreviation a document defines: where the whole "long form (ABBR)" stands."""

    abbr: str
    expansion: str
    char_start: int
    char_end: int
    quote: str


def expand(text: str, expansions: Mapping[str, str]) -> str:
    """``text`` with each abbreviation used as a word (or a word's first part: "IPS-misbrug")
    replaced by its expansion."""
    if not expansions:
        return text

    def one(m: re.Match) -> str:
        return expansions.get(m.group(0), m.group(0))

    return _abbreviations(tuple(expansions)).sub(one, text)


@lru_cache(maxsize=64)
def _abbreviations(keys: tuple[str, ...]) -> re.Pattern:
    """One pattern for every abbreviation used as a word (the longest first)."""
    ordered = sorted(keys, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in ordered) + r")(?![\w])")


def used(text: str, expansions: Mapping[str, str]) -> list[str]:
    """The abbreviations of ``expansions`` that ``text`` uses as words, in order of first use."""
    if not expansions:
        return []
    found: dict[str, None] = {}
    for m in _abbreviations(tuple(expansions)).finditer(text):
        found.setdefault(m.group(0), None)
    return list(found)


def normalise(name: str, rules: InitiativeRules, expansions: Mapping[str, str]) -> str:
    """Lowercase words of the name, abbreviations expanded, generic words and numbers left out."""
    words = [w.lower() for w in _WORD.findall(expand(name, expansions))]
    return " ".join(w for w in words if w not in rules.generic_words)


def definitions(text: str, rules: AbbreviationRules) -> list[Definition]:
    """Every "long form (ABBR)" of the text whose long form spells the abbreviation."""
    out = []
    for m in rules.definition.finditer(text):
        abbr = m.group(1)
        line_start = max(text.rfind(stop, 0, m.start()) for stop in ("\n", "\t", ". ", ")")) + 1
        before = text[line_start : m.start()].rstrip()
        long_form = _long_form(abbr, before, rules.max_words)
        if long_form:
            start = m.start() - (len(text[line_start : m.start()]) - len(before)) - len(long_form)
            out.append(Definition(abbr, long_form, start, m.end(), text[start : m.end()]))
    return out


def _long_form(abbr: str, before: str, max_words: int) -> Optional[str]:
    """The shortest run of the last words of ``before`` whose letters spell ``abbr`` in order,
    the first letter starting a word (the long form of a defined abbreviation)."""
    words = list(_TOKEN.finditer(before))
    for n in range(1, min(max_words, len(words)) + 1):
        start = words[-n].start()
        candidate = before[start:]
        if candidate[0].lower() == abbr[0].lower() and _spells(abbr.lower(), candidate.lower()):
            return candidate
    return None


def _spells(short: str, long: str) -> bool:
    """Each letter of ``short`` occurs in ``long`` in order, from the end; the first at a word start."""
    i = len(long) - 1
    for k in range(len(short) - 1, -1, -1):
        c = short[k]
        while i >= 0 and (long[i] != c or (k == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def curated(rules: AbbreviationRules) -> dict[str, str]:
    return {a.abbr: a.expansion for a in rules.curated}


def merged(base: Mapping[str, str], found: Iterable[Definition]) -> dict[str, str]:
    """The curated expansions, and a document's own definitions where curation has none."""
    out = dict(base)
    for d in found:
        out.setdefault(d.abbr, d.expansion)
    return out
