"""Agenda fields named inside a line that runs on for a page: a transcript of a PDF that lost its
line breaks ("… boligplan for plejeboliger 2030 Resumé SÆH-udvalget tager …"). Pure functions:
text in, heading candidates out (``rules/headings.yml``: ``run_in_fields``)."""

from __future__ import annotations

import re

from extract.structure.agenda_lines import field_of, meeting_part
from extract.structure.headings import Candidate, HeadingRules

_WORD = re.compile(r"\S+")
_MAX_FIELD_WORDS = 4  # "Høring/borger- og brugerinvolvering", "Økonomi og finansiering"


def run_in_fields(text: str, r: HeadingRules) -> list[Candidate]:
    """The fields named inside the text's run-on lines (``run_in_line_chars`` long or more), never
    at a line's start (a line's first words are read as any line's)."""
    out, pos, seen = [], 0, {}
    for line in text.split("\n"):
        if len(line) >= r.run_in_line_chars:
            out += _in_line(line, pos, r, seen)
        pos += len(line) + 1
    return out


def _in_line(line: str, pos: int, r: HeadingRules, seen: dict) -> list[Candidate]:
    words = list(_WORD.finditer(line))
    out, i = [], 1
    while i < len(words) - 1:
        opens = words[i].group()[:1].isupper() and not r.run_in_not_after.match(words[i - 1].group())
        found = _field_at(line, words, i, r, seen) if opens else None
        if found is None:
            i += 1
            continue
        n, rule = found
        start = pos + words[i].start()
        heading = line[words[i].start() : words[i + n - 1].end()]
        out.append(Candidate(start, pos + words[i + n].start(), heading, None, None, None, "field", rule.role, rule.id))
        i += n
    return out


def _field_at(line: str, words: list[re.Match], i: int, r: HeadingRules, seen: dict):
    """(number of words, field rule) of a field's name starting at word ``i``, the longest first;
    ``seen``: the names looked up before, with what they name."""
    for n in range(min(_MAX_FIELD_WORDS, len(words) - 1 - i), 0, -1):
        name = line[words[i].start() : words[i + n - 1].end()]
        if name.endswith(":") or not r.run_in_next.match(words[i + n].group()):
            continue  # a label with its value ("Afbud: Anne Hansen"), or the sentence's own word
        if name not in seen:
            rule = field_of(name, r.agenda)
            seen[name] = rule if rule is not None and not meeting_part(name, r.agenda) else None
        if seen[name] is not None:
            return n, seen[name]
    return None
