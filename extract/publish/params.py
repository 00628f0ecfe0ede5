"""Forgiving parameters of the canned queries: a date typed the way people type one.

"01-01-2013", "2013-01-01", "januar 2013", "1. januar 2013", "2013" — read with the
extractor's Danish date parser (rules/dates.yml), ISO dates as they are. A period's first
and last day are its bounds ("januar 2013" from 2013-01-01 to 2013-01-31).
"""

from __future__ import annotations

from datetime import date

from extract.extractors.date_rules import load_rules as load_date_rules
from extract.extractors.dates import parse_date_expression
from extract.rules import project_file


def _date_rules():
    return project_file("dates.yml", load_date_rules)


def date_bound(text: str | None, end: bool) -> str | None:
    """The first (or, with ``end``, the last) day of the date typed, as an ISO date; None
    when the text is no date.

    >>> [date_bound(t, False) for t in ("01-01-2013", "2013-01-01", "januar 2013")]
    ['2013-01-01', '2013-01-01', '2013-01-01']
    >>> date_bound("januar 2013", True), date_bound("ingen dato", True)
    ('2013-01-31', None)
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    found = parse_date_expression(text, _date_rules())
    if found is None:
        return None
    return (found.end if end else found.start).isoformat()
