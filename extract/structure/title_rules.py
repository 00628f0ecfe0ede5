"""Rules for finding a document's title (the ``titles`` part of ``rules/headings.yml``), loaded."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.rules import RuleError, require_keys, require_regex


@dataclass(frozen=True)
class TitleRules:
    kind_word: re.Pattern  # a line naming only the kind of document ("Notat"): the title follows it
    with_body: re.Pattern  # a kind word that takes the body's name after it ("Referat" + "Teknisk Udvalg")
    body_name: re.Pattern  # a line naming a political body
    addressee: re.Pattern  # a line naming whom a note or letter is for: never the title
    trailing_date: re.Pattern  # a letter's date glued to the end of its subject line
    broken_word: re.Pattern  # the hyphen and space of a word broken across lines ("aflastnings- institutionen")
    examples: tuple


def load_title_rules(data) -> TitleRules:
    keys = ["kind_word", "with_body", "body_name", "addressee", "trailing_date", "broken_word", "examples"]
    data = require_keys(data, "titles", keys)
    if not data["examples"]:
        raise RuleError("titles", "needs a non-empty list of real Danish 'examples'")
    return TitleRules(
        *(require_regex(data[k], "titles", k) for k in keys[:-1]),
        examples=tuple(data["examples"]),
    )
