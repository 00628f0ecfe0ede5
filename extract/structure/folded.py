"""A web page's folded sections: a bulleted line that reads as a title over running text indented
deeper than its bullet ("• Hvem kan søge?" over its answer), not a list's point nor a label over
its value ("• Startdato" over "20.10.2020")."""

from __future__ import annotations

from typing import Optional

from extract.structure.headings import HeadingRules, LineHeading, indent, plain_line, starts_lowercase


def folded_heading(line: str, following: str, r: HeadingRules) -> Optional[LineHeading]:
    """A bulleted line that reads as a title over running text indented deeper than its bullet:
    a web page's folded section ("• Hvem kan søge?" over its answer), not a list's point."""
    bullet = r.bullet
    if not following.strip() or indent(following) <= indent(line) or not bullet.search(line):
        return None
    label = bullet.sub("", line, count=1)
    if bullet.search(following) or starts_lowercase(following) or _value_line(label, following, r):
        return None
    found = plain_line(label, r)
    if found is None or found.kind in ("numbered", "label") or found.heading.endswith((".", ":")):
        return None
    return LineHeading(found.heading, None, None, None, "folded", "folded_section")


def _value_line(label: str, line: str, r: HeadingRules) -> bool:
    """Is the indented line under a bulleted label its value, no running text ("• Startdato" over
    "20.10.2020", a page's list of facts): a few words, no sentence's stop at its end, under a
    label that asks no question ("• Hvornår kan der søges?" over "Ansøgningsfrist" is a section),
    nor the label itself again?"""
    if label.rstrip().endswith("?") or line.strip().casefold() == label.strip().casefold():
        return False  # a question, or the section's title again inside it ("• Aktindsigt" over "Aktindsigt")
    return len(line.split()) <= r.folded_value_words and not line.rstrip().endswith((".", "!", "?", ":"))
