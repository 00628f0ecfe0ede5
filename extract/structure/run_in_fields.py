"""Agenda fields and items named inside a line that runs on for a page: a transcript of a PDF that
lost its line breaks ("… boligplan for plejeboliger 2030 Resumé SÆH-udvalget tager …", "… Side 4
2. BU - Valg af næstformand Sagsnr.: 10/17 …"); and the items of a page of minutes that lists each
right over its decision's line ("1. Godkendelse af dagsorden" over "Beslutning: Godkendt"). Pure
functions: text in, heading candidates out (``rules/headings.yml``: ``run_in_fields``)."""

from __future__ import annotations

import re

from extract.structure.agenda_lines import field_of, meeting_part
from extract.structure.headings import Candidate, HeadingRules, parse_number
from extract.structure.titles import text_lines

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
        heading = line[words[i].start() : words[i + n - 1].end()].rstrip(":")
        out.append(Candidate(start, pos + words[i + n].start(), heading, None, None, None, "field", rule.role, rule.id))
        i += n
    return out


def _field_at(line: str, words: list[re.Match], i: int, r: HeadingRules, seen: dict):
    """(number of words, field rule) of a field's name starting at word ``i``, the longest first;
    ``seen``: the names looked up before, with what they name."""
    for n in range(min(_MAX_FIELD_WORDS, len(words) - 1 - i), 0, -1):
        name = line[words[i].start() : words[i + n - 1].end()]
        if not name.endswith(":") and not r.run_in_next.match(words[i + n].group()):
            continue  # the sentence's own word (a field's name with its colon names it whatever follows)
        if name not in seen:
            rule = field_of(name, r.agenda)
            seen[name] = rule if rule is not None and not meeting_part(name, r.agenda) else None
        if seen[name] is not None and (not name.endswith(":") or seen[name].role in r.run_in_colon_roles):
            return n, seen[name]
    return None


def run_in_items(text: str, fields: list[Candidate], r: HeadingRules) -> list[Candidate]:
    """The items numbered inside the text's run-on lines ("2. BU - Valg af næstformand", ``run_in_item``),
    each followed by one of the ``fields`` found there (``run_in_fields``), no other item's number
    between: the title runs from the number to the item's record (``run_in_item_end``: "Sagsnr.:")
    or its first field, at most ``run_in_item_words`` words and no sentence's end inside."""
    out, pos = [], 0
    for line in text.split("\n"):
        if len(line) >= r.run_in_line_chars:
            starts = [f.start - pos for f in fields if pos <= f.start < pos + len(line)]
            for m in r.run_in_item.finditer(line):
                field = next((a for a in starts if a > m.end()), None)
                if field is None or r.run_in_item.search(line, m.end(), field):
                    continue
                record = r.run_in_item_end.search(line, m.end(), field)
                at = m.start("number")
                title = line[at : record.start() if record else field].rstrip(" :-–")
                if len(title.split()) > r.run_in_item_words or r.titles.sentence_stop.search(title, m.end() - at):
                    continue
                start = pos + at
                out.append(Candidate(start, start + len(title), title, m.group("number"), "dot1", None,
                                     "numbered", r.agenda.item_role, "run_in_item", True))  # fmt: skip
        pos += len(line) + 1
    return out


def decided_items(text: str, r: HeadingRules) -> list[Candidate]:
    """The items of a page of minutes that lists each over its decision on one line ("1. Godkendelse
    af dagsorden" over "Beslutning: Godkendt", blank lines perhaps between): a numbered line over a
    line naming a field of ``decided_roles`` and its text after a colon, where the item's body starts;
    none unless ``decided_min`` such pairs stand."""
    out = []
    lines = [(a, line) for a, line in text_lines(text) if line.strip()]
    for (a, line), (b, below) in zip(lines, lines[1:]):
        label, colon, decision = below.partition(":")
        parsed = parse_number(line.strip(), r) if colon and decision.strip() else None
        rule = field_of(label, r.agenda) if parsed else None
        if parsed and rule is not None and rule.role in r.decided_roles:
            start = a + len(line) - len(line.lstrip())
            out.append(Candidate(start, b, line.strip(), parsed[0], parsed[2], None,
                                 "numbered", r.agenda.item_role, "decided_item", True))  # fmt: skip
    return out if len(out) >= r.decided_min else []
