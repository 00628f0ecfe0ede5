"""The search's rules (rules/search.yml): how Danish letters are folded, which other
spellings a query word is tried with, and below which length a word is matched whole.

Pure functions of the rules: :meth:`SearchRules.fold` (the text as indexed beside the
original), :meth:`SearchRules.forms` (the spellings a query word is looked up as).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extract.rules import RuleError, project_file

FILE = "search.yml"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchRules:
    fold_map: tuple[tuple[str, str], ...]  # (letter, as what it is indexed)
    alternatives: tuple[tuple[str, str], ...]  # (as typed, as what it is also tried)
    whole_word_below: int
    examples: tuple[dict, ...] = ()

    def fold(self, text: str | None) -> str:
        """The text as the search index holds it: lower case, the letters folded.

        >>> project_search_rules().fold("Kontanthjælp i København, Målgruppe")
        'kontanthjaelp i kobenhavn, maalgruppe'
        """
        out = (text or "").lower()
        for letter, folded in self.fold_map:
            out = out.replace(letter, folded)
        return out

    def forms(self, word: str) -> list[str]:
        """The folded spellings a query word is looked up as (the first is the word folded).

        >>> project_search_rules().forms("Koebenhavn")
        ['koebenhavn', 'kobenhavn']
        """
        forms = [self.fold(word)]
        for typed, meant in self.alternatives:
            if typed in forms[0]:
                forms.append(forms[0].replace(typed, meant))
        return list(dict.fromkeys(forms))

    def digest(self) -> str:
        """What the folded text depends on: changed, the text is folded again."""
        return repr((self.fold_map, self.alternatives))

    def is_short(self, word: str) -> bool:
        return len(self.fold(word)) < self.whole_word_below

    def finds(self, text: str, typed: str) -> bool:
        """Whether every word typed occurs in the text once both are folded (a short word
        as a whole word): what the rules' examples promise."""
        folded = self.fold(text)
        words = set(_WORD.findall(folded))
        for w in typed.split():
            forms = self.forms(w)
            if self.is_short(w):
                if not any(f in words for f in forms):
                    return False
            elif not any(f in folded for f in forms):
                return False
        return True


def load_rules(data: Any) -> SearchRules:
    if not isinstance(data, dict):
        raise RuleError("-", "must be a mapping with fold, alternatives, whole_word_below, examples")

    def pairs(key: str, a: str, b: str) -> tuple[tuple[str, str], ...]:
        items = data.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) and {a, b} == set(i) for i in items):
            raise RuleError(key, f"must be a list of {{{a}: …, {b}: …}}")
        return tuple((str(i[a]), str(i[b])) for i in items)

    below = data.get("whole_word_below")
    if not isinstance(below, int) or below < 1:
        raise RuleError("whole_word_below", "must be a whole number of letters, at least 1")
    rules = SearchRules(pairs("fold", "letter", "as"), pairs("alternatives", "typed", "as"), below,
                        tuple(data.get("examples") or ()))  # fmt: skip
    if not rules.examples:
        raise RuleError("examples", "give at least one passage of a document and what someone types to find it")
    for e in rules.examples:
        if not isinstance(e, dict) or set(e) != {"text", "typed"}:
            raise RuleError("examples", "each example is {text: …, typed: …}")
        if not rules.finds(e["text"], e["typed"]):
            raise RuleError("examples", f"{e['typed']!r} does not find {e['text']!r}")
    return rules


def project_search_rules() -> SearchRules:
    """The project's search rules, loaded once per process."""
    return project_file(FILE, load_rules)
