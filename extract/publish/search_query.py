"""What someone types into the search, as full-text queries of the folded indexes and as
the pattern that marks the hits in an excerpt.

All words by default ("ledige unge" finds sections with both words, anywhere), a phrase
in double quotes ("\\"ledige unge\\"" finds the words together); æ, ø, å folded as in the
index (rules/search.yml); words shorter than the rules' ``whole_word_below`` matched
whole in the word index (AC, UU, BR), longer ones anywhere in a word in the trigram index
(kontanthjælp in kontanthjælpsmodtagere).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.publish.search_rules import SearchRules

NOTHING = '""'  # the query that matches nothing (a query of a full-text index cannot be empty)
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Term:
    text: str  # as typed
    phrase: bool  # typed in double quotes
    short: bool  # matched as a whole word


def terms(rules: SearchRules, q: str | None) -> list[Term]:
    """The words and quoted phrases of a query (those with a letter or digit in them)."""
    out = []
    for m in _TERM.finditer(q or ""):
        text = " ".join((m.group(1) if m.group(1) is not None else m.group(2)).split())
        if text and _HAS_WORD.search(text):
            phrase = m.group(1) is not None and " " in text
            out.append(Term(text, phrase, not phrase and rules.is_short(text)))
    return out


def _quoted(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _any_of(forms: list[str]) -> str:
    return "(" + " OR ".join(_quoted(f) for f in forms) + ")"


def trigram_query(rules: SearchRules, q: str | None) -> str:
    """The query of the trigram index of folded text: every long word or phrase, in any of
    its spellings; :data:`NOTHING` when the query has none.

    >>> from extract.publish.search_rules import project_search_rules as r
    >>> trigram_query(r(), 'Ledige unge AC')
    '("ledige") AND ("unge")'
    >>> trigram_query(r(), '"ledige unge" København')
    '("ledige unge") AND ("kobenhavn")'
    """
    return " AND ".join(_any_of(rules.forms(t.text)) for t in terms(rules, q) if not t.short) or NOTHING


def word_query(rules: SearchRules, q: str | None) -> str:
    """The query of the word index: every short word whole; :data:`NOTHING` when the query has none.

    >>> from extract.publish.search_rules import project_search_rules as r
    >>> word_query(r(), 'AC ledighed UU')
    '("ac") AND ("uu")'
    """
    return " AND ".join(_any_of(rules.forms(t.text)) for t in terms(rules, q) if t.short) or NOTHING


def _unfolded(rules: SearchRules, folded: str) -> str:
    """A pattern matching the original spellings of folded text ("kontanthjaelp" matches
    "kontanthjælp" too)."""
    back = sorted(rules.fold_map, key=lambda p: -len(p[1]))
    out, i = [], 0
    while i < len(folded):
        for letter, as_ in back:
            if folded.startswith(as_, i):
                out.append(f"(?:{re.escape(as_)}|{re.escape(letter)})")
                i += len(as_)
                break
        else:
            out.append(r"\s+" if folded[i].isspace() else re.escape(folded[i]))
            i += 1
    return "".join(out)


def hit_pattern(rules: SearchRules, q: str | None) -> re.Pattern[str] | None:
    """Where the query's words and phrases occur in the original text, case-insensitive.

    >>> from extract.publish.search_rules import project_search_rules as r
    >>> [m.group(0) for m in hit_pattern(r(), "kontanthjaelp ac").finditer("Kontanthjælp til AC-ledige og vaccine")]
    ['Kontanthjælp', 'AC']
    """
    parts = []
    for t in terms(rules, q):
        forms = sorted({_unfolded(rules, f) for f in rules.forms(t.text)}, key=len, reverse=True)
        either = "(?:" + "|".join(forms) + ")"
        parts.append(rf"(?<!\w){either}(?!\w)" if t.short else either)
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None
