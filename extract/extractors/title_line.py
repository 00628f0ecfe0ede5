"""The first line near the top of a text that reads as a title: the title of a text without a
title line found by its form (``extract.structure.titles.find_title``), such as a meeting's page
whose first line over its fields names the meeting. Used by ``extract.extractors.document_title``."""

from __future__ import annotations

import re
from typing import Collection, Optional

from extract.extractors.document_place import place_key
from extract.structure.headings import HeadingRules, strip_marks, title_candidate
from extract.structure.title_skips import passed_over, reads_as_sentence, sentences_on_one_line, standard_heading
from extract.structure.titles import BULLETS, clean_title, text_lines

_YEAR_ALONE = re.compile(r"(?:19|20)\d\d(?:[ \t]*[-–/][ \t]*(?:19|20)?\d\d)?")


def first_title_line(
    text: str, r: HeadingRules, heads: frozenset[int] = frozenset(), places: Collection[str] = ()
) -> Optional[str]:
    """The first line near the top that reads as a title (no label, date, sender, list or sentence,
    no place's name alone) above the first line at ``heads`` (the headings of an item's fields, save the
    text's first line: the lines under a field are its text), with the next line when it breaks off
    after a word that leads on ("Budget 2024 og" over "Budgetoverslag 2025 - 2028") and the two do not
    read as a sentence."""
    lines = text_lines(text, r.title_search_chars)
    joined = -1  # the line read with the one before it as a sentence
    first = next((start for start, raw in lines if raw.strip()), None)
    for i, (start, raw) in enumerate(lines):
        line = strip_marks(raw).strip()
        if start in heads and start != first:
            break  # an item's field begins ("Sagsfremstilling"): the lines under it are its text, no title
        if not line or i == joined or raw.lstrip()[:1] in BULLETS:
            continue
        if place_key(line) in places:
            continue
        if r.titles.field_heading.match(line) or (start == first and standard_heading(line, r)):
            break  # the page opens at a pool's field ("Hvem kan søge?") or a standard sub-heading
            # ("1. Indledning"): its title was not copied
        passed = passed_over(text, start, start + len(raw), r)
        if passed is False:
            break  # the page opens with its running text: no title line stands over it
        if passed:
            continue
        if sentences_on_one_line(line, r):
            continue  # two sentences of running text on one line, its last stop cut off: no title
        title = title_candidate(line, r)
        if title and reads_as_sentence(title, r):
            continue
        if title and not title.endswith((":", ",")):
            rest = strip_marks(lines[i + 1][1]).strip() if i + 1 < len(lines) else ""
            if _YEAR_ALONE.fullmatch(rest) and not _YEAR_ALONE.search(title):
                title = f"{title} {rest}"  # the year broken off onto a line of its own ("Budgetaftale" over "2024")
            elif r.lead_in_ending.search(title) and rest and title_candidate(rest, r):
                title = f"{title} {rest}"
                if reads_as_sentence(title, r):
                    joined = i + 1
                    continue  # the two lines are a sentence, no title
            return clean_title(title, r)
    return None
