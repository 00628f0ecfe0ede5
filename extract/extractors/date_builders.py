"""How a match of a Danish date expression's form becomes a :class:`DateRange`.

One function per form (a day, a month, a third of a month, a quarter, a half, a season,
a week, a year, a named year, a point of the year), each given the match and the year to
use when the text names none; :mod:`extract.extractors.date_rules` pairs them with the
forms' regular expressions.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    precision: str


def word_key(word: str) -> str:
    return " ".join(word.lower().split())


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(y: int, first: int, last: int, precision: str) -> DateRange:
    end_year = y + 1 if last < first else y
    return DateRange(date(y, first, 1), _month_end(end_year, last), precision)


def _year_of(m: re.Match, default: Optional[int], group: str = "year") -> Optional[int]:
    text = m.groupdict().get(group)
    return int(text) if text else default


def _day_builders(r: dict) -> dict:
    """Day/month form id -> function(match, default year) -> DateRange | None."""
    months, thirds = r["months"], r["thirds"]

    def numeric(m, default):
        if m["bday"]:  # "den 11.9": the year is the written one ("d. 11.9. 2026") or the text's
            y = int(m["byear"]) if m["byear"] else default
            d = date(y, int(m["bmonth"]), int(m["bday"])) if y else None
            return DateRange(d, d, "day") if d else None
        y = int(m["year"])
        if len(m["year"]) == 2:
            y += 2000 if y <= r["pivot"] else 1900
        day, month = int(m["day"]), int(m["month"])
        # "8/29/2019" reads only month first, as systems set to English print it; "9/11/2019 3:00:00 PM"
        # is month first by its clock (month_first_clock)
        english = "/" in m.group(0) and (month > 12 >= day or m["clock12"])
        if english and day <= 12:
            day, month = month, day
        d = date(y, month, day)
        return DateRange(d, d, "day")

    def day_month(m, default):
        y = _year_of(m, default)
        d = date(y, months[word_key(m["month"])], int(m["day"])) if y else None
        return DateRange(d, d, "day") if d else None

    def month_third(m, default):
        y = _year_of(m, default)
        if not y:
            return None
        month = months[word_key(m["month"])]
        (first, last), precision = r["month_thirds"][thirds[word_key(m["third"])] - 1]
        last = min(last, calendar.monthrange(y, month)[1])
        return DateRange(date(y, month, first), date(y, month, last), precision)

    def month_list(m, default):
        y = _year_of(m, default)
        return _months(y, months[word_key(m["month"])], months[word_key(m["month2"])], "month") if y else None

    def month(m, default):
        y = _year_of(m, default)
        k = months[word_key(m["month"])]
        return _months(y, k, k, "month") if y else None

    return {
        "numeric": numeric,
        "day_month": day_month,
        "month_third": month_third,
        "month_list": month_list,
        "month": month,
    }


def _period_builders(r: dict) -> dict:
    """Quarter/half/third/season/year form id -> function(match, default year) -> DateRange | None."""
    ords, thirds, seasons = r["ordinals"], r["thirds"], r["seasons"]

    def ordinal(text: str) -> int:
        text = text.strip().lower()
        return int(text.rstrip(".")) if text[0].isdigit() else ords[text]

    def quarter(m, default):
        y = _year_of(m, default)
        q = int(m["qnum"]) if m.groupdict().get("qnum") else ordinal(m["ord"])
        return _months(y, 3 * q - 2, 3 * q, "quarter") if y and 1 <= q <= 4 else None

    def half(m, default):
        y, h = _year_of(m, default), ordinal(m["ord"])
        return _months(y, 6 * h - 5, 6 * h, "half") if y and h in (1, 2) else None

    def year_third(m, default):
        y = _year_of(m, default)
        (first, last), precision = r["year_thirds"][thirds[word_key(m["third"])] - 1]
        return _months(y, first, last, precision) if y else None

    def season(m, default):
        y = _year_of(m, default)
        return _months(y, *seasons[word_key(m["season"])], "season") if y else None

    def year(m, _):
        y = int(m["year"])
        return DateRange(date(y, 1, 1), date(y, 12, 31), "year")

    def named_year(m, _):
        # "skoleåret 2025/26": from the first month of 2025 to the month before it in 2026;
        # "valgperioden 2022-2025" (a year from January): from 2022 to the end of 2025
        first = r["named_years"][word_key(m["yword"])]
        y = int(m["year"])
        last = int(m["last_year"])
        last = last if last >= 100 else y // 100 * 100 + last
        if last < y or last - y > 10:
            return None  # no years of one period
        if first > 1:
            return DateRange(date(y, first, 1), _month_end(last, first - 1), "year")
        return DateRange(date(y, 1, 1), _month_end(last, 12), "year")

    def week(m, default):
        y, w = _year_of(m, default), int(m["week"])
        if not y:
            return None
        last = int(m["week_end"]) if m["week_end"] else w
        end_year = y + 1 if last < w else y  # "uge 51-2": into the next year
        return DateRange(date.fromisocalendar(y, w, 1), date.fromisocalendar(end_year, last, 7), "week")

    def year_point(m, default):
        if not default:
            return None
        month, day, shift, covers = r["year_points"][word_key(m["point"])]
        if covers == "year":
            return DateRange(date(default + shift, 1, 1), date(default + shift, 12, 31), "year")
        if covers == "quarter":
            q = (month - 1) // 3
            return _months(default + shift, 3 * q + 1, 3 * q + 3, "quarter")
        d = date(default + shift, month, day)
        return DateRange(d, d, "day")

    return {
        "week": week,
        "year_point": year_point,
        "quarter": quarter,
        "half": half,
        "half_needs_year": half,
        "year_third": year_third,
        "season": season,
        "year": year,
        "named_year": named_year,
    }


def builders(r: dict) -> dict:
    """Form id -> function(match, default year) -> DateRange | None, for the rules' words ``r``."""
    return {**_day_builders(r), **_period_builders(r)}
