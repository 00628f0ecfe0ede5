"""The rules of laying out a PDF's lines as text (``rules/layout.yml``), loaded and validated.

What a printed page number looks like, which lines open a list item, which marks end a
sentence and how a word hyphenated over a line end is recognised: the Danish parts of
:mod:`extract.read.pdf_layout`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.rules import RuleError, require_keys, require_regex, require_strings


@dataclass(frozen=True)
class LayoutRules:
    page_number: re.Pattern  # a line that is a page number ("7", "Side 7", "7 af 12")
    bullet: re.Pattern  # a line that starts with a bullet mark
    list_item: re.Pattern  # a line that opens a list item: a bullet, or "1." / "2)" before a capital
    sentence_end: tuple[str, ...]  # a paragraph ending with one of these ends its sentence
    hyphenated: re.Pattern  # the end of a line whose last word is hyphenated over the line end
    examples: tuple  # {text, is: [kinds the line is]}


KINDS = ("page_number", "bullet", "list_item", "hyphenated")


def load_rules(data) -> LayoutRules:
    keys = ["page_number", "bullet", "list_item", "sentence_end", "hyphenated", "examples"]
    data = require_keys(data, "-", keys)
    marks = require_strings(data["sentence_end"], "sentence_end")
    examples = data["examples"]
    if not isinstance(examples, list) or not examples:
        raise RuleError("examples", "needs a non-empty list of real lines from PDFs ({text, is: [...]})")
    for i, ex in enumerate(examples):
        ex = require_keys(ex, f"examples[{i}]", ["text", "is"])
        if not isinstance(ex["is"], list) or not set(ex["is"]) <= set(KINDS):
            raise RuleError(f"examples[{i}]", f"is must list kinds of line; allowed values: {list(KINDS)}")
    return LayoutRules(
        page_number=require_regex(data["page_number"], "page_number"),
        bullet=require_regex(data["bullet"], "bullet"),
        list_item=require_regex(data["list_item"], "list_item"),
        sentence_end=marks,
        hyphenated=require_regex(data["hyphenated"], "hyphenated"),
        examples=tuple(examples),
    )


def kinds_of(line: str, r: LayoutRules) -> list[str]:
    """Which kinds of line ``line`` is, by the rules (for the rules' own examples)."""
    patterns = {"page_number": r.page_number, "bullet": r.bullet, "list_item": r.list_item, "hyphenated": r.hyphenated}
    return [kind for kind in KINDS if patterns[kind].search(line)]
