"""Danish date expressions: find them in text and read them into ISO day bounds.

Every expression becomes a :class:`DateRange` (first day, last day, precision):

* ``15. november 2012`` / ``1-10-2012`` / ``26.11.09`` → that day (``day``)
* ``januar 2013`` → the month; ``januar/februar 2013`` → both months (``month``)
* ``3. kvartal 2009`` → Jul 1 – Sep 30 (``quarter``); ``1. halvår 2013`` → Jan 1 – Jun 30 (``half``)
* ``primo/medio/ultimo 2013`` (also "begyndelsen af", "midten af", "slutningen af")
  → the first/middle/last third of the year, or of a month (``third``)
* ``efteråret 2012`` → the season's months; ``vinteren`` runs into the next year (``season``)
* ``udgangen af 2009`` → the last day of the period (``day``)
* ``A – B``, ``A til B``, two day dates in adjacent table cells, ``31. august og 1. september``
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

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Optional

from extract.rules import RuleError, require_keys

PRECISIONS = ("day", "month", "quarter", "half", "third", "season", "year")
FORM_IDS = (
    "numeric",
    "day_month",
    "month_third",
    "month_list",
    "month",
    "quarter",
    "half",
    "year_third",
    "season",
    "period_end",
    "year",
    "range",
)
YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d|-\d{3,})")


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    precision: str


@dataclass(frozen=True)
class DateMatch:
    """A date expression found in text: offsets, the text as written, whether it is a range."""

    start: int
    end: int
    text: str
    form: str
    is_range: bool


@dataclass(frozen=True)
class Form:
    id: str
    regex: re.Pattern
    build: Callable[[re.Match, Optional[int]], Optional[DateRange]]


@dataclass(frozen=True)
class DateRules:
    months: dict
    ordinals: dict
    thirds: dict  # word -> part (1..3)
    year_thirds: tuple
    month_thirds: tuple
    seasons: dict  # word -> (first month, last month)
    period_end_words: tuple
    pivot: int
    forms: tuple  # of Form, in the order they are tried
    single: re.Pattern  # any one expression, for finditer
    range_re: re.Pattern  # A <sep> B, whole string
    list_separators: tuple
    day_joiner: str
    examples: tuple  # (form id, example dict)


def _alt(words) -> str:
    parts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)


def _plain(pattern: str) -> str:
    """The pattern with named groups made anonymous, for composing bigger patterns."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _norm(word: str) -> str:
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

    def numeric(m, _):
        y = int(m["year"])
        if len(m["year"]) == 2:
            y += 2000 if y <= r["pivot"] else 1900
        d = date(y, int(m["month"]), int(m["day"]))
        return DateRange(d, d, "day")

    def day_month(m, default):
        y = _year_of(m, default)
        d = date(y, months[_norm(m["month"])], int(m["day"])) if y else None
        return DateRange(d, d, "day") if d else None

    def month_third(m, default):
        y = _year_of(m, default)
        if not y:
            return None
        month = months[_norm(m["month"])]
        first, last = r["month_thirds"][thirds[_norm(m["third"])] - 1]
        last = min(last, calendar.monthrange(y, month)[1])
        return DateRange(date(y, month, first), date(y, month, last), "third")

    def month_list(m, default):
        y = _year_of(m, default)
        return _months(y, months[_norm(m["month"])], months[_norm(m["month2"])], "month") if y else None

    def month(m, default):
        y = _year_of(m, default)
        k = months[_norm(m["month"])]
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
        y, q = _year_of(m, default), ordinal(m["ord"])
        return _months(y, 3 * q - 2, 3 * q, "quarter") if y and 1 <= q <= 4 else None

    def half(m, default):
        y, h = _year_of(m, default), ordinal(m["ord"])
        return _months(y, 6 * h - 5, 6 * h, "half") if y and h in (1, 2) else None

    def year_third(m, default):
        y = _year_of(m, default)
        first, last = r["year_thirds"][thirds[_norm(m["third"])] - 1]
        return _months(y, first, last, "third") if y else None

    def season(m, default):
        y = _year_of(m, default)
        return _months(y, *seasons[_norm(m["season"])], "season") if y else None

    def year(m, _):
        y = int(m["year"])
        return DateRange(date(y, 1, 1), date(y, 12, 31), "year")

    return {
        "quarter": quarter,
        "half": half,
        "half_needs_year": half,
        "year_third": year_third,
        "season": season,
        "year": year,
    }


def _builders(r: dict) -> dict:
    return {**_day_builders(r), **_period_builders(r)}


def _patterns(data: dict) -> dict:
    """Form id -> regular expression (with named groups), built from the rule words."""
    month = rf"(?P<month>{_alt(data['months'])})(?![\wæøå])"
    filler = rf"(?:\s+(?:{_alt(data['month_filler'])}))?"
    ordinal = rf"(?:[1-4]\.|(?:{_alt(data['ordinals'])})(?=\s))"
    third = rf"(?P<third>{_alt(w for t in data['thirds'] for w in t['words'])})"
    # not inside a word or number; after a hyphen only when a word or number ends
    # right before it ("juni-august 2013", "januar 2013-marts 2014": a range)
    before = r"(?:(?<![\wæøå.,/-])|(?<=[\wæøå]-))"

    def joiner(form: str) -> str:  # an optional word between the period and its year
        return rf"(?:(?:{_alt(data['year_joiners'][form])})\s+)?"

    return {
        "numeric": r"(?:(?<![\d.,/-])|(?<=(?:19|20)\d\d[-–])(?=\d{1,2}[-./]\d{1,2}[-./]\d{4}))"
        r"(?P<day>\d{1,2})[-./](?P<month>\d{1,2})[-./](?P<year>\d{4}|\d{2})(?![\d])(?!\.\d)",
        "month_third": rf"{before}{third}\s+{month}(?:{filler}\s+{YEAR})?",
        "day_month": rf"(?<![\d.,])(?P<day>[0-3]?\d)\.\s{{0,4}}{month}(?:{filler}\s+{YEAR})?",
        "month_list": rf"{before}{month}\s*(?:/|\s(?:{_alt(data['list_separators'])})\s)\s*"
        + month.replace("month", "month2")
        + rf"{filler}\s+{YEAR}",
        "year_third": rf"{before}{third}\s+{YEAR}",
        "quarter": rf"{before}(?P<ord>{ordinal})\s*(?:{_alt(data['quarter_words'])})(?![\wæøå])"
        rf"(?:\s+{joiner('quarter')}{YEAR})?",
        "half": rf"{before}(?P<ord>{ordinal})\s*(?:{_alt(data['half_words'])})(?![\wæøå])"
        rf"(?:\s+{joiner('half')}{YEAR})?",
        "half_needs_year": rf"{before}(?P<ord>{ordinal})\s*(?:{_alt(data['half_words_needs_year'])})\s+"
        rf"{joiner('half_needs_year')}{YEAR}",
        "season": rf"{before}(?P<season>{_alt(w for s in data['seasons'] for w in s['words'])})(?![\wæøå])"
        rf"(?:\s+{YEAR})?",
        "month": rf"{before}{month}(?:{filler}\s+{YEAR})?",
        "year": YEAR,
    }


def load_rules(data) -> DateRules:
    keys = [
        "months",
        "ordinals",
        "quarter_words",
        "half_words",
        "half_words_needs_year",
        "thirds",
        "year_thirds",
        "month_thirds",
        "seasons",
        "period_end_words",
        "month_filler",
        "range_separators",
        "list_separators",
        "year_joiners",
        "day_joiner",
        "two_digit_year_pivot",
        "forms",
    ]
    data = require_keys(data, "-", keys)
    _validate(data)
    pats = _patterns(data)
    r = {
        "months": {_norm(k): v for k, v in data["months"].items()},
        "ordinals": {_norm(k): v for k, v in data["ordinals"].items()},
        "thirds": {_norm(w): t["part"] for t in data["thirds"] for w in t["words"]},
        "seasons": {_norm(w): tuple(s["months"]) for s in data["seasons"] for w in s["words"]},
        "year_thirds": tuple(tuple(x) for x in data["year_thirds"]),
        "month_thirds": tuple(tuple(x) for x in data["month_thirds"]),
        "pivot": int(data["two_digit_year_pivot"]),
    }
    builders = _builders(r)
    order = [
        "numeric",
        "month_third",
        "day_month",
        "month_list",
        "year_third",
        "quarter",
        "half",
        "half_needs_year",
        "season",
        "month",
    ]
    inner = "|".join(_plain(pats[k]) for k in ("quarter", "half", "half_needs_year", "month"))
    end_words = _alt(data["period_end_words"])
    period_end = rf"(?<![\wæøå])(?P<endword>{end_words})\s+(?P<inner>{inner}|{_plain(YEAR)})"
    forms = [Form("period_end", re.compile(period_end, re.I), lambda m, y: None)]
    forms += [Form(k, re.compile(pats[k], re.I), builders[k]) for k in order + ["year"]]
    single = "|".join(f"(?:{_plain(p)})" for p in [period_end] + [pats[k] for k in order])
    seps = "|".join(re.escape(s) if not s[0].isalpha() else rf"\s{_alt([s])}\s" for s in data["range_separators"])
    range_re = rf"(?P<a>{single})(?P<sep>\s*(?:{seps}|\s{_alt([data['day_joiner']])}\s)\s*|\t)(?P<b>{single})"
    examples = tuple((f["id"], ex) for f in data["forms"] for ex in f["examples"])
    return DateRules(
        r["months"],
        r["ordinals"],
        r["thirds"],
        r["year_thirds"],
        r["month_thirds"],
        r["seasons"],
        tuple(_norm(w) for w in data["period_end_words"]),
        r["pivot"],
        tuple(forms),
        re.compile(single, re.I),
        re.compile(range_re, re.I),
        tuple(data["list_separators"]),
        _norm(data["day_joiner"]),
        examples,
    )


def _validate(data: dict) -> None:
    joiners = require_keys(data["year_joiners"], "year_joiners", ["quarter", "half", "half_needs_year"])
    for form, words in joiners.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise RuleError(f"year_joiners.{form}", "must be a list of words")
    if not isinstance(data["day_joiner"], str) or not data["day_joiner"].strip():
        raise RuleError("day_joiner", "must be a word")
    for name, number in data["months"].items():
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise RuleError(f"months.{name}", "month number must be 1..12")
    for i, t in enumerate(data["thirds"]):
        require_keys(t, f"thirds[{i}]", ["id", "words", "part"])
        if t["part"] not in (1, 2, 3):
            raise RuleError(t["id"], "part must be one of [1, 2, 3]")
    for i, s in enumerate(data["seasons"]):
        require_keys(s, f"seasons[{i}]", ["id", "words", "months"])
        if len(s["months"]) != 2 or not all(1 <= m <= 12 for m in s["months"]):
            raise RuleError(s["id"], "months must be [first month, last month], each 1..12")
    for key, top in (("year_thirds", 12), ("month_thirds", 31)):
        rows = data[key]
        if len(rows) != 3 or not all(len(x) == 2 and 1 <= x[0] <= x[1] <= top for x in rows):
            raise RuleError(key, f"needs three [first, last] pairs within 1..{top}")
    for i, f in enumerate(data["forms"]):
        require_keys(f, f"forms[{i}]", ["id", "examples"])
        if f["id"] not in FORM_IDS:
            raise RuleError(f["id"], f"unknown form; allowed values: {list(FORM_IDS)}")
        for ex in f["examples"] or []:
            require_keys(ex, f["id"], ["text", "start", "end", "precision"], ["year"])
            if ex["precision"] not in PRECISIONS:
                raise RuleError(f["id"], f"precision {ex['precision']!r}; allowed values: {list(PRECISIONS)}")
        if not f["examples"]:
            raise RuleError(f["id"], "needs a non-empty list of real Danish 'examples'")


def _single(text: str, year: Optional[int], r: DateRules) -> Optional[DateRange]:
    for form in r.forms:
        m = form.regex.fullmatch(text)
        if not m:
            continue
        if form.id == "period_end":
            inner = _single(m["inner"], year, r)
            return DateRange(inner.end, inner.end, "day") if inner else None
        return form.build(m, year)
    return None


def _span_days(d: DateRange) -> int:
    return (d.end - d.start).days


def _range(a_text: str, sep: str, b_text: str, year: Optional[int], r: DateRules) -> Optional[DateRange]:
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
    if a is None or b is None:
        return None
    if _norm(sep) == r.day_joiner and not (a.precision == b.precision == "day"):
        return None
    if b.end < a.start:
        bumped = _bump_year(b_text, r)
        a, b = (a, bumped) if bumped and bumped.end >= a.start else (b, a)
    precision = a.precision if _span_days(a) >= _span_days(b) else b.precision
    return DateRange(a.start, b.end, precision)


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
        found = _range(m["a"], m["sep"], m["b"], year, r) if m else None
        return found or _single(text, year, r)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def find_date_expressions(text: str, r: DateRules) -> list[DateMatch]:
    """Every date expression in ``text``, in order; adjacent ones joined into ranges.

    Two expressions become one range when only a range separator ("–", "-", "til",
    "til og med") or, for two day dates, a tab lies between them.
    """
    found = [DateMatch(m.start(), m.end(), m.group(), _form_of(m.group(), r), False) for m in r.single.finditer(text)]
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            joined = text[a.start : b.end]
            m = r.range_re.fullmatch(joined)
            if m and _norm(m["sep"]) != r.day_joiner and _range_ok(m, a, b):
                out.append(DateMatch(a.start, b.end, joined, "range", True))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range_ok(m: re.Match, a: DateMatch, b: DateMatch) -> bool:
    if m["sep"] == "\t":
        return a.form in ("numeric", "day_month") and b.form in ("numeric", "day_month")
    return "\t" not in m["sep"] and "\n" not in m["sep"]


def _form_of(text: str, r: DateRules) -> str:
    for form in r.forms:
        if form.regex.fullmatch(text):
            return form.id
    return "unknown"
