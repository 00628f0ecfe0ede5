"""Danish date expressions: find them in text and read them into ISO day bounds.

Every expression becomes a :class:`DateRange` (first day, last day, precision):

* ``15. november 2012`` / ``1-10-2012`` / ``26.11.09`` → that day (``day``)
* ``januar 2013`` → the month; ``januar/februar 2013`` → both months (``month``)
* ``3. kvartal 2009`` → Jul 1 – Sep 30 (``quarter``); ``1. halvår 2013`` → Jan 1 – Jun 30 (``half``)
* ``primo/medio/ultimo 2013`` (also "begyndelsen af", "midten af", "slutningen af")
  → the part of the year the rules give (primo/ultimo: the first/last quarter); of a
  month ("ultimo august 2022") the whole month
* ``efteråret 2012`` → the season's months; ``vinteren`` runs into the next year (``season``)
* ``udgangen af 2009`` → the whole period named (or its last day, as the rules say)
* ``ultimo 2024 eller primo 2025``, ``foråret og sommeren 2022`` → two adjacent periods of a
  list read as one, from the first one's start to the second one's end
* ``skoleåret 2025/26`` → a year that begins in another month than January: 1 August
  2025 – 31 July 2026 (``year``)
* ``A – B``, ``A til B`` (a clock time after A, a weekday before B allowed), two day dates in
  adjacent table cells, ``31. august og 1. september``, ``mellem d. 23. januar og 1. februar``
  → from A's first day to B's last day.

The words, thirds, seasons and separators come from ``rules/dates.yml``.

Ranges are always ordered. When the end of a written range lies before its start
and the end has its own year, we read it as a slip in the end's year and move the
end one year forward ("1. oktober 2012 – 31. januar 2012" → to 31 January 2013,
the phase after it starts 1 February 2013); if that still does not order the
range, the two ends are swapped. A year-less start takes the end's year (a year
earlier when it would come after the end); a year-less end takes the start's year
(a year later when it would come before the start).

:func:`parse_date_expression` never raises: anything it cannot read gives ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from extract.extractors.date_rules import DateRange, DateRules, word_key

YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d|-\d{3,})")


@dataclass(frozen=True)
class DateMatch:
    """A date expression found in text: offsets, the text as written, whether it is a range."""

    start: int
    end: int
    text: str
    form: str
    is_range: bool
    reading: str = ""  # what is read when the text alone does not say it ("3." of "3. og 7. maj 2024")

    @property
    def read_as(self) -> str:
        return self.reading or self.text


def _single(text: str, year: Optional[int], r: DateRules) -> Optional[DateRange]:
    for form in r.forms:
        m = form.regex.fullmatch(text)
        if not m:
            continue
        if form.id == "period_end":
            inner = _single(m["inner"], year, r)
            if inner is None or r.period_end_covers == "period":
                return inner
            return DateRange(inner.end, inner.end, "day")
        return form.build(m, year)
    return None


def _span_days(d: DateRange) -> int:
    return (d.end - d.start).days


BARE_DAY = re.compile(r"\s*[0-3]?\d\.?\s*")
DAY_PREFIX = re.compile(r"^\s*[0-3]?\d\.\s*")


def complete_bare_day(day: str, later: str) -> str:
    """A day written alone ("3.") read with the month and year of the later day it is joined to."""
    if not BARE_DAY.fullmatch(day) or not DAY_PREFIX.match(later):
        return day
    return f"{day.strip().rstrip('.')}. {DAY_PREFIX.sub('', later, count=1)}"


def _range(a_text: str, sep: str, b_text: str, year: Optional[int], r: DateRules) -> Optional[DateRange]:
    ends = _ends(a_text, b_text, year, r)
    if ends is None:
        return None
    a, b = ends
    if word_key(sep) == r.day_joiner and not (a.precision == b.precision == "day"):
        return None
    precision = a.precision if _span_days(a) >= _span_days(b) else b.precision
    return DateRange(a.start, b.end, precision)


def _ends(a_text: str, b_text: str, year: Optional[int], r: DateRules) -> Optional[tuple[DateRange, DateRange]]:
    """The two ends of a range or list, each read with the year the other gives, in order."""
    a_text = complete_bare_day(a_text, b_text)
    a, b = _single(a_text, None, r), _single(b_text, None, r)
    if a is None and b is not None:
        a = _single(a_text, b.end.year, r)
        if a and a.start > b.start:
            a = _single(a_text, b.end.year - 1, r)
    elif b is None and a is not None:
        b = _single(b_text, a.start.year, r)
        if b and b.end < a.start:
            b = _single(b_text, a.start.year + 1, r)
    elif a is None:
        a, b = _single(a_text, year, r), _single(b_text, year, r)
        if a and b and year and b.end < a.start:  # "24. december til 2. januar": into the next year
            b = _single(b_text, year + 1, r)
    if a is None or b is None:
        return None
    if b.end < a.start:
        bumped = _bump_year(b_text, r)
        a, b = (a, bumped) if bumped and bumped.end >= a.start else (b, a)
    return a, b


def _bump_year(text: str, r: DateRules) -> Optional[DateRange]:
    """The expression read with its (last) written year one higher, or None."""
    years = list(YEAR_IN_TEXT.finditer(text))
    if not years:
        return None
    y = years[-1]
    return _single(text[: y.start()] + str(int(y.group()) + 1) + text[y.end() :], None, r)


def parse_date_expression(s: str, r: DateRules, year: Optional[int] = None) -> Optional[DateRange]:
    """Read one Danish date expression; ``year`` is used when the text names none.

    Never raises: text that is not a date expression (or an impossible date) gives None.
    """
    try:
        text = s.strip() if isinstance(s, str) else ""
        if not text:
            return None
        m = r.range_re.fullmatch(text)
        found = _range(m["a"], m["core"] or m["sep"], m["b"], year, r) if m else None
        listed = r.list_re.fullmatch(text) if not found else None
        if listed and {_form_of(listed["a"], r), _form_of(listed["b"], r)} <= set(PERIOD_FORMS):
            found = _range(listed["a"], "", listed["b"], year, r)
        return found or year_list(text, r) or _single(text, year, r)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def year_list(text: str, r: DateRules) -> Optional[DateRange]:
    """Two years in a row joined by a list separator word ("2022 og 2023"): one period over
    both, as two periods of any other form are; None for anything else."""
    m = r.year_list.fullmatch(text)
    if not m or int(m[2]) != int(m[1]) + 1:
        return None
    return DateRange(date(int(m[1]), 1, 1), date(int(m[2]), 12, 31), "year")


def iso_date(text: str, r: DateRules, line_after: str = "") -> Optional[str]:
    """A written day ("23-09-2012", "26.11.09", "24. april 2008") as an ISO date; None when the
    text is no single day. ``line_after``: the rest of the text's line, read with the day when its
    form goes on into it (a clock with AM/PM after a numeric day, "9/11/2019 3:00:00 PM": month first)."""
    text = text.strip()
    if line_after:
        first = next(iter(find_date_expressions(text + line_after, r)), None)
        text = first.text if first and first.start == 0 and len(first.text) > len(text) else text
    found = parse_date_expression(text, r)
    return found.start.isoformat() if found is not None and found.precision == "day" else None


def find_date_expressions(text: str, r: DateRules) -> list[DateMatch]:
    """Every date expression in ``text``, in order; adjacent ones joined into ranges.

    Two expressions become one range when only a range separator ("–", "-", "til",
    "til og med") or, for two day dates, a tab lies between them.
    """
    found = [DateMatch(m.start(), m.end(), m.group(), _form_at(text, m, r), False) for m in r.single.finditer(text)]
    for i in range(len(found) - 2, -1, -1):  # from the end: "19., 21. og 23. august"
        a, b = found[i], found[i + 1]
        if a.form == "bare_day":
            found[i] = DateMatch(a.start, a.end, a.text, a.form, False, complete_bare_day(a.text, b.read_as))
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            joined = text[a.start : b.end]
            m = r.range_re.fullmatch(joined)
            between = m and word_key(m["sep"]) == r.day_joiner and r.between.search(text, 0, a.start)
            joins = m and (word_key(m["core"] or m["sep"]) != r.day_joiner or between) and _range_ok(m, a, b)
            joins = joins and not _sign_chain(text, found, i, r)
            backwards = joins and _backwards(a, b, r)
            if backwards and a.form == "bare_day":
                i += 1  # a number before a later day of its month ("§ 18 - 1. oktober"): no day
                continue
            if joins and not backwards:
                out.append(DateMatch(a.start, b.end, joined, "range", True))
                i += 2
                continue
            if _adjacent_periods(joined, a, b, r):
                out.append(DateMatch(a.start, b.end, joined, "period_list", False))
                i += 2
                continue
        out.append(a)
        i += 1
    return _years_across_lists(text, out, r)


def _sign_chain(text: str, found: list[DateMatch], i: int, r: DateRules) -> bool:
    """Is the sign between the expression at ``i`` and the next one (``sign_link``: "-", "–") a link of
    a chain of three days or more joined so ("Ansøgningsfrister i 2024: 8. februar - 24. april - 22.
    august - 21. november"): a list of days, no span?"""

    def linked(k: int) -> bool:
        return 0 <= k < len(found) - 1 and r.sign_link.fullmatch(text[found[k].end : found[k + 1].start]) is not None

    return linked(i) and (linked(i - 1) or linked(i + 1))


def _years_across_lists(text: str, found: list[DateMatch], r: DateRules) -> list[DateMatch]:
    """A day without a year takes the year of the next day of its list: "den 28. august og
    4. september 2024" is 28 August 2024; the year before across New Year (``year_joined_to``):
    "den 28. december og 3. januar 2025" is 28 December 2024."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        year = YEAR_IN_TEXT.findall(b.read_as)
        if (
            a.form in ("day_month", "bare_day")
            and b.form in ("day_month", "bare_day")
            and year
            and not YEAR_IN_TEXT.search(a.read_as)
            and r.list_link.fullmatch(text[a.end : b.start])
        ):
            later = parse_date_expression(b.read_as, r)
            day = year_joined_to(a.read_as, later.start, r) if later else None
            y = day.start.year if day else int(year[-1])
            found[i] = DateMatch(a.start, a.end, a.text, a.form, False, f"{a.read_as.strip()} {y}")
    return found


def year_joined_to(read_as: str, dated: date, r: DateRules) -> Optional[DateRange]:
    """A date without a year joined to a day written with its year ("den 28. august og 4.
    september 2024"): read in that day's year; in the year before only when it then falls
    after the day and the year before puts it within ``turn_of_year_days`` before it (a list
    across New Year, "den 28. december og 3. januar 2025"); a list merely out of calendar
    order keeps the year ("den 12. juni og 3. april 2025")."""
    dr = parse_date_expression(read_as, r, dated.year)
    if dr is not None and dr.start > dated:
        return year_before_within(read_as, dated, r) or dr
    return dr


def year_before_within(read_as: str, day: date, r: DateRules) -> Optional[DateRange]:
    """The expression read in the year before ``day``'s when it then ends on ``day`` or within
    ``turn_of_year_days`` before it ("den 28. december" before 3 January), else None."""
    before = parse_date_expression(read_as, r, day.year - 1)
    if before is not None and 0 <= (day - before.end).days <= r.turn_of_year_days:
        return before
    return None


def _form_at(text: str, m: re.Match, r: DateRules) -> str:
    if r.bare_day.match(text, m.start()) and r.bare_day.match(text, m.start()).end() == m.end():
        return "bare_day"
    return _form_of(m.group(), r)


# periods that a list of two ("ultimo 2024 eller primo 2025", "foråret og sommeren 2022")
# reads as one record from the first one's start to the second one's end
PERIOD_FORMS = ("month", "month_third", "year_third", "season", "quarter", "half", "half_needs_year")


def _adjacent_periods(joined: str, a: DateMatch, b: DateMatch, r: DateRules) -> bool:
    """Two periods joined by a list separator, the second starting when the first ends."""
    m = r.list_re.fullmatch(joined)
    if not m or a.form not in PERIOD_FORMS or b.form not in PERIOD_FORMS or "\n" in m["sep"]:
        return False
    ends = _ends(a.text, b.text, 2000, r)
    return ends is not None and 0 < (ends[1].start - ends[0].end).days <= 1


_LEAP_YEAR = 2000


def _backwards(a: DateMatch, b: DateMatch, r: DateRules) -> bool:
    """Does the second day come before the first in the same month, read in the year one of them writes
    ("fremrykke udvalgsmødet tirsdag d. 19. juni til torsdag d. 7. juni 2018"): a day moved to an earlier
    one, no span (a span across the turn of the year ends in another month)? Two days that write no year
    are read in a leap year (so "29. februar" reads)."""
    years = [x.end.year for x in (_single(a.read_as, None, r), _single(b.read_as, None, r)) if x] or [_LEAP_YEAR]
    first, second = _single(a.read_as, years[-1], r), _single(b.read_as, years[0], r)
    if first is None or second is None:
        return False
    return second.end < first.start and (second.end.year, second.end.month) == (first.start.year, first.start.month)


def _range_ok(m: re.Match, a: DateMatch, b: DateMatch) -> bool:
    """A tab joins two day dates (a table's cells); a line break only a sentence wrapped before its word
    ("fra den 22. januar" over "til den 19. marts 2013"), never a sign that may be the next line's bullet."""
    if m["sep"] == "\t":
        return a.form in ("numeric", "day_month") and b.form in ("numeric", "day_month")
    wrapped = m["sep"].count("\n") == 1 and (m["core"] or "").strip()[:1].isalpha()
    return "\t" not in m["sep"] and ("\n" not in m["sep"] or wrapped)


def _form_of(text: str, r: DateRules) -> str:
    for form in r.forms:
        if form.regex.fullmatch(text):
            return form.id
    return "unknown"


def third_end(m: DateMatch, dr: DateRange, r: DateRules) -> Optional[date]:
    """For a third of a month, whose reading covers the whole month ("sidst i juni"), the day the third
    itself ends on (``month_thirds``' ``ends``); None for any other expression."""
    if m.form != "month_third":
        return None
    form = next((f for f in r.forms if f.id == m.form), None)
    found = form.regex.fullmatch(m.read_as.strip()) if form is not None else None
    if found is None:
        return None
    return dr.end.replace(day=min(r.month_third_ends[r.thirds[word_key(found["third"])] - 1], dr.end.day))
