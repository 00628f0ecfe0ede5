"""The rules of Danish date expressions (``rules/dates.yml``), loaded and validated.

The month names, ordinals, thirds, seasons, separators and joining words of the rules
file become one regular expression per form of date expression, each with the function
that reads a match into a :class:`DateRange`; :mod:`extract.extractors.dates` finds and
reads expressions with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Optional

from extract.extractors.date_builders import DateRange, builders, word_key
from extract.rules import RuleError, require_keys, require_number, require_regex, require_strings

__all__ = ["DateRange", "DateRules", "Form", "PRECISIONS", "load_rules", "word_key"]

PRECISIONS = ("day", "week", "month", "quarter", "half", "third", "season", "year")
FORM_IDS = tuple(
    "numeric day_month bare_day month_third month_list month week quarter half year_third season year_point "
    "period_end year named_year range".split()
)
YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"


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
    month_third_ends: tuple  # the day each third of a month ends on (a third's reading covers the whole month)
    seasons: dict  # word -> (first month, last month)
    period_end_words: tuple
    pivot: int
    forms: tuple  # of Form, in the order they are tried
    single: re.Pattern  # any one expression, for finditer
    range_re: re.Pattern  # A <sep> B, whole string
    list_separators: tuple
    day_joiner: str
    examples: tuple  # (form id, example dict)
    bare_day: re.Pattern = re.compile(r"(?!)")  # a day number whose month follows a later day ("3. og 7. maj")
    list_link: re.Pattern = re.compile(r"(?!)")  # what joins two days of a list (", ", " og den ")
    period_end_covers: str = "last_day"  # "udgangen af 2009": the whole period, or its last day
    list_re: re.Pattern = re.compile(r"(?!)")  # A <list separator> B, whole string ("ultimo 2024 eller primo 2025")
    between: re.Pattern = re.compile(r"(?!)")  # "mellem (d.) " before the first of two days joined by "og"
    turn_of_year_days: int = 0  # a date this close across the turn of the year from the day it is measured from
    weekdays: tuple = ()  # the weekdays' names in lower case, Monday first
    year_list: re.Pattern = re.compile(r"(?!)")  # two years joined by a list word, whole string ("2022 og 2023")
    # two years joined by a range word ("fra 2019 til 2021", "2017 til og med 2020"): a span of years in text
    year_range: re.Pattern = re.compile(r"(?!)")
    # a weekday (and a day's article) right before a day: "torsdag den ", group ``weekday``
    weekday_before: re.Pattern = re.compile(r"(?!)")
    # a range separator that is a sign ("-", "–"), spaces around it: what joins the days of a chain of
    # three or more, a list of days rather than spans
    sign_link: re.Pattern = re.compile(r"(?!)")


def _alt(words) -> str:
    parts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)


def _plain(pattern: str) -> str:
    """The pattern with named groups made anonymous, for composing bigger patterns."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _stopless_leads(data: dict) -> str:
    """Lookbehinds, right after a day, for the words after which the day may stand without its
    full stop: the day's articles, ``stopless_day_leads`` and the weekdays (also with a comma)."""
    words = [*data["day_articles"], *data["stopless_day_leads"], *data["weekdays"]]
    seps, digits = (r"\s", r",\s"), (r"\d", r"\d\d")
    return "|".join(rf"(?<=\b{re.escape(w)}{sep}{d})" for w in words for sep in seps for d in digits)


def _patterns(data: dict) -> dict:
    """Form id -> regular expression (with named groups), built from the rule words."""
    month = rf"(?P<month>{_alt(data['months'])})(?![\wæøå])"
    filler = rf"(?:\s+(?:{_alt(data['month_filler'])}))?"
    ordinal = rf"(?:[1-4]\.|(?:{_alt(data['ordinals'])})(?=\s))"
    third = rf"(?P<third>{_alt(w for t in data['thirds'] for w in t['words'])})"
    # not inside a word or number; after a hyphen only when a word or number ends
    # right before it ("juni-august 2013", "januar 2013-marts 2014": a range), after a slash
    # only when a year ends right before it ("ultimo 2025/primo 2026": a list)
    before = r"(?:(?<![\wæøå.,/-])|(?<=[\wæøå]-)|(?<=(?:19|20)\d\d/))"

    stops = data["day_article_stops"]

    def joiner(form: str) -> str:  # an optional word between the period and its year
        return rf"(?:(?:{_alt(data['year_joiners'][form])})\s+)?"

    return {
        # a numeric date is no part of a code: not glued to a letter before it, nor followed by
        # a hyphen and a letter (the journal numbers of case files, "02.11.04-P20-3-21")
        "numeric": r"(?:(?<![\w.,/-])|(?<=(?:19|20)\d\d[-–])(?=\d{1,2}[-./]\d{1,2}[-./]\d{4}))"
        # without a year only after a day's article ("den 11.9", "d. 27/8"), no number after it
        rf"(?:(?:{_alt(data['day_articles'])})\s+(?P<bday>0?[1-9]|[12]\d|3[01])[./](?P<bmonth>0?[1-9]|1[0-2])"
        # and a written year after a full stop's form ("d. 11.9. 2026"; "14/3 2012" is the form
        # below); not before a word that makes it a number
        # ("den 1.5 millioner", "den 2.3 etape", "den 1/3 af udgiften": the data's stop words)
        rf"(?:(?<!/\d)(?<!/\d\d)\.?\s+(?P<byear>(?:19|20)\d\d)(?![\d]|[-./,]\d)|"
        rf"(?![\d]|[-./,]\d|\.?\s*(?:%|(?:{_alt(stops['words'])})(?![\wæøå]))"
        rf"|(?:(?<=/\d)|(?<=/\d\d))\s+(?:{_alt(stops['after_slash'])})(?![\wæøå])"
        rf"|\s+(?:19|20)?\d\d\b|\.?\s{{0,4}}{_plain(month)}))|"
        # after a day and month joined by a slash a space may stand before a full year ("28/10 2011")
        r"(?P<day>\d{1,2})[-./](?P<month>\d{1,2})(?:[-./]|(?:(?<=/\d)|(?<=/\d\d))\s(?=\d{4}))"
        r"(?P<year>\d{4}|\d{2})(?![\d])(?![./]\d)(?![-–][^\W\d_])"
        # a clock with AM/PM after it: a system set to English, month first ("9/11/2019 3:00:00 PM")
        rf"(?P<clock12>{data['month_first_clock']})?)",
        # two thirds joined by a slash read as the whole month, as any third of it ("medio/ultimo februar")
        "month_third": rf"{before}(?:{_plain(third)}\s*/\s*)?{third}\s+{month}(?:{filler}\s+{YEAR})?",
        # the day's full stop is at times left out after a day's article or weekday ("d. 31 oktober
        # 2022", "pr. 31 marts", "Onsdag, 17 februar"), never elsewhere ("fase 2 august til …")
        "day_month": rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:\.\s{{0,4}}|[ \t]{{1,4}}){month}(?:{filler}\s+{YEAR})?",
        # … but found in a text only after a day's article or weekday (``_stopless_leads``)
        "day_month_in_text": rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:\.\s{{0,4}}|(?:{_stopless_leads(data)})[ \t]{{1,4}})"
        rf"{month}(?:{filler}\s+{YEAR})?",
        # two months or more ("januar/februar 2013", "juli, august og september 2021"): the first
        # and the last bound the period; two joined by a slash are one also without their year
        # ("i august/september", the year then the text's)
        "month_list": rf"{before}{month}(?:\s*,\s*{_plain(month)})*\s*(?:/|\s(?:{_alt(data['list_separators'])})\s"
        + rf"(?=\s*{_plain(month)}{filler}\s+(?:19|20)\d\d(?!\d)))\s*"
        + month.replace("month", "month2")
        + rf"(?:{filler}\s+{YEAR})?",
        "year_third": rf"{before}{third}\s+{YEAR}",
        "quarter": rf"{before}(?:(?P<ord>{ordinal})\s*(?:{_alt(data['quarter_words'])})"
        rf"|(?:{_alt(data['quarter_letters'])})(?P<qnum>[1-4]))(?![\wæøå])(?:\s+{joiner('quarter')}{YEAR})?",
        # one week or a span of weeks: "uge 12", "uge 12-14"
        "week": rf"{before}(?:{_alt(data['week_words'])})\s+(?P<week>[1-5]?\d)"
        r"(?:\s?[-–]\s?(?P<week_end>[1-5]?\d))?(?![\d]|[.,]\d)"
        rf"(?:\s+{joiner('week')}{YEAR})?",
        "year_point": rf"{before}(?P<point>{_alt(w for p in data['year_points'] for w in p['words'])})(?![\wæøå])",
        "half": rf"{before}(?P<ord>{ordinal})\s*(?:{_alt(data['half_words'])})(?![\wæøå])"
        rf"(?:\s+{joiner('half')}{YEAR})?",
        "half_needs_year": rf"{before}(?P<ord>{ordinal})\s*(?:{_alt(data['half_words_needs_year'])})\s+"
        rf"{joiner('half_needs_year')}{YEAR}",
        # a winter written with both its years ("vinteren 2022/2023", "vinteren 2024/25") is one,
        # the slash right between them (not a count after a spaced slash: "foråret 2024 / 25 stk.")
        "season": rf"{before}(?P<season>{_alt(w for s in data['seasons'] for w in s['words'])})(?![\wæøå])"
        rf"(?:\s+{YEAR}(?:/(?:19|20)?\d\d(?!\d))?)?",
        "month": rf"{before}{month}(?:{filler}\s+{YEAR})?",
        "named_year": rf"{before}(?P<yword>{_alt(w for n in data['named_years'] for w in n['words'])})\s+{YEAR}"
        r"(?:\s?/\s?|\s?[-–]\s?)(?P<last_year>(?:19|20)?\d\d)(?!\d)",
        "year": YEAR,
    }


def load_rules(data) -> DateRules:
    keys = (
        "months ordinals quarter_words half_words half_words_needs_year thirds year_thirds month_thirds seasons "
        "period_end_words month_filler range_separators list_separators year_joiners day_joiner "
        "two_digit_year_pivot forms quarter_letters week_words year_points day_list_separators day_articles "
        "stopless_day_leads month_first_clock "
        "named_years period_end_covers clock_words weekdays between_words turn_of_year_days day_article_stops"
    ).split()
    data = require_keys(data, "-", keys)
    _validate(data)
    pats = _patterns(data)
    numeric = re.compile(pats["numeric"], re.I)
    for text in data["day_article_stops"]["examples"]:
        if numeric.search(text):
            raise RuleError("day_article_stops.examples", f"{text!r} is still read as a date")
    r = {
        "months": {word_key(k): v for k, v in data["months"].items()},
        "ordinals": {word_key(k): v for k, v in data["ordinals"].items()},
        "thirds": {word_key(w): t["part"] for t in data["thirds"] for w in t["words"]},
        "seasons": {word_key(w): tuple(s["months"]) for s in data["seasons"] for w in s["words"]},
        "year_thirds": tuple((tuple(x["months"]), x["precision"]) for x in data["year_thirds"]),
        "month_thirds": tuple((tuple(x["days"]), x["precision"]) for x in data["month_thirds"]),
        "month_third_ends": tuple(x["ends"] for x in data["month_thirds"]),
        "pivot": int(data["two_digit_year_pivot"]),
        "year_points": {
            word_key(w): (p["month"], p["day"], p["year_shift"], p.get("covers", "day"))
            for p in data["year_points"]
            for w in p["words"]
        },
        "named_years": {word_key(w): n["first_month"] for n in data["named_years"] for w in n["words"]},
    }
    build = builders(r)
    order = (
        "numeric named_year year_point month_third day_month month_list year_third quarter week half half_needs_year "
        "season month"
    ).split()
    inner = "|".join(_plain(pats[k]) for k in ("quarter", "half", "half_needs_year", "month"))
    end_words = _alt(data["period_end_words"])
    period_end = rf"(?<![\wæøå])(?P<endword>{end_words})\s+(?P<inner>{inner}|{_plain(YEAR)})"
    forms = [Form("period_end", re.compile(period_end, re.I), lambda m, y: None)]
    forms += [Form(k, re.compile(pats[k], re.I), build[k]) for k in order + ["year"]]
    bare_day = _bare_day(data)
    in_text = [pats.get(f"{k}_in_text", pats[k]) for k in order]  # a form's narrower reading in running text
    single = "|".join(f"(?:{_plain(p)})" for p in [period_end] + in_text + [bare_day])
    seps = "|".join(re.escape(s) if not s[0].isalpha() else rf"\s{_alt([s])}\s" for s in data["range_separators"])
    # a clock time may follow the first end, a weekday (and "den") precede the second:
    # "fra den 23. januar kl. 13 til den 31. januar", "fra tirsdag den 24. december til torsdag den 2. januar"
    clock = rf"(?:\s+(?:{_alt(data['clock_words'])})\s*\d{{1,2}}(?:[.:]\d\d)?)?"
    weekday = rf"(?:(?:{_alt(data['weekdays'])})\s+(?:(?:{_alt(data['day_articles'])})\s+)?)?"
    core = rf"(?P<core>\s*(?:{seps}|\s{_alt([data['day_joiner']])}\s)\s*)"
    range_re = rf"(?P<a>{single})(?P<sep>{clock}{core}{weekday}|\t)(?P<b>{single})"
    list_sep = _separators(data["list_separators"])
    list_re = rf"(?P<a>{single})(?P<sep>\s*(?:{list_sep})\s*)(?P<b>{single})"
    between = rf"(?<![\wæøå])(?:{_alt(data['between_words'])})\s+(?:(?:{_alt(data['day_articles'])})\s+)?$"
    weekday_before = rf"(?<![\wæøå])(?P<weekday>{_alt(data['weekdays'])}),?\s+(?:(?:{_alt(data['day_articles'])})\s*)?$"
    examples = tuple((f["id"], ex) for f in data["forms"] for ex in f["examples"])
    return DateRules(
        r["months"],
        r["ordinals"],
        r["thirds"],
        r["year_thirds"],
        r["month_thirds"],
        r["month_third_ends"],
        r["seasons"],
        tuple(word_key(w) for w in data["period_end_words"]),
        r["pivot"],
        tuple(forms),
        re.compile(single, re.I),
        re.compile(range_re, re.I),
        tuple(data["list_separators"]),
        word_key(data["day_joiner"]),
        examples,
        re.compile(bare_day, re.I),
        re.compile(_list_link(data), re.I),
        data["period_end_covers"],
        re.compile(list_re, re.I),
        re.compile(between, re.I),
        data["turn_of_year_days"],
        tuple(w.lower() for w in data["weekdays"]),
        re.compile(_year_list(data["list_separators"]), re.I),
        weekday_before=re.compile(weekday_before, re.I),
        year_range=re.compile(_year_range(data["range_separators"]), re.I),
        sign_link=re.compile(_sign_link(data["range_separators"])),
    )


def _sign_link(separators) -> str:
    """A range separator that is one sign, spaces around it."""
    signs = [s for s in separators if len(s) == 1 and not s.isalnum()]
    return rf"[ \t]*(?:{'|'.join(map(re.escape, signs))})[ \t]*" if signs else r"(?!)"


def _separators(words) -> str:
    """Signs as they are; words only between spaces."""
    return "|".join(re.escape(s) if not s[0].isalpha() else rf"(?<=\s){_alt([s])}(?=\s)" for s in words)


def _year_list(separators) -> str:
    """Two years joined by a list word (not a sign: "2013/14" is a name of years)."""
    words = [w for w in separators if w[:1].isalpha()]
    return rf"((?:19|20)\d\d)\s+(?:{_alt(words)})\s+((?:19|20)\d\d)" if words else r"(?!)"


def _year_range(separators) -> str:
    """Two years of four figures joined by a range word ("2019 til 2021"), no figure or sign glued on
    (signs join spans of years their own way: ``extract.extractors.milestone_years.YEAR_SPAN``)."""
    words = [w for w in separators if w[:1].isalpha()]
    year = r"((?:19|20)\d\d)"
    return rf"(?<![\d/.\-]){year}\s+(?:{_alt(words)})\s+{year}(?![-–/.,]?\d)" if words else r"(?!)"


def _list_link(data: dict) -> str:
    seps = _separators(data["day_list_separators"])
    return rf"\s*(?:{seps})\s*(?:(?:{_alt(data['day_articles'])})\s+)?"


def _bare_day(data: dict) -> str:
    """A day number written without its month because a later day of the list or span
    names it: "3." of "3. og 7. maj 2024", "1." of "1.-4. marts", "18" of "18-19. april" and
    "1. til den 4. marts"."""
    month = rf"(?:{_alt(data['months'])})(?![\wæøå])"
    sep = _separators([*data["day_list_separators"], *data["range_separators"]])
    article = rf"(?:(?:{_alt(data['day_articles'])})\s+)?"
    link = rf"\s*(?:{sep})\s*{article}"
    # the first day of a span may drop its full stop before the dash: "18-19. april 2024"
    day = r"(?P<day>[0-3]?\d)(?:\.|(?=\s?[-–]\s?[0-3]?\d\.))"
    return rf"(?<![\d.,]){day}(?=(?:{link}[0-3]?\d\.)*{link}[0-3]?\d\.\s{{0,4}}{month})"


def _validate(data: dict) -> None:
    joiners = require_keys(data["year_joiners"], "year_joiners", ["quarter", "half", "half_needs_year", "week"])
    for i, p in enumerate(data["year_points"]):
        require_keys(p, f"year_points[{i}]", ["id", "words", "month", "day", "year_shift"], ["covers"])
        if p.get("covers", "day") not in ("day", "quarter", "year"):
            raise RuleError(p["id"], "covers must be 'day' (the day named), 'quarter' (its quarter) or 'year'")
        try:
            date(2000 + p["year_shift"], p["month"], p["day"])
        except (TypeError, ValueError):
            raise RuleError(p["id"], "month, day and year_shift must name a day (year_shift 0 or 1)") from None
    for form, words in joiners.items():
        _words(words, f"year_joiners.{form}")
    stops = require_keys(data["day_article_stops"], "day_article_stops", ["words", "after_slash", "examples"])
    for key in ("words", "after_slash", "examples"):
        _words(stops[key], f"day_article_stops.{key}", least=1)
    require_number(data, "turn_of_year_days", "turn_of_year_days", int, 0, 182)
    require_regex(data["month_first_clock"], "month_first_clock")
    if len(_words(data["weekdays"], "weekdays", least=7)) != 7:
        raise RuleError("weekdays", "needs the seven weekdays' names, Monday first")
    if not isinstance(data["day_joiner"], str) or not data["day_joiner"].strip():
        raise RuleError("day_joiner", "must be a word")
    for name, number in data["months"].items():
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise RuleError(f"months.{name}", "month number must be 1..12")
    for i, t in enumerate(data["thirds"]):
        require_keys(t, f"thirds[{i}]", ["id", "words", "part"])
        if t["part"] not in (1, 2, 3):
            raise RuleError(t["id"], "part must be one of [1, 2, 3]")
    for i, n in enumerate(data["named_years"]):
        require_keys(n, f"named_years[{i}]", ["id", "words", "first_month"])
        if not isinstance(n["first_month"], int) or not 1 <= n["first_month"] <= 12:
            raise RuleError(n["id"], "first_month must be 1..12")
    for i, s in enumerate(data["seasons"]):
        require_keys(s, f"seasons[{i}]", ["id", "words", "months"])
        if len(s["months"]) != 2 or not all(1 <= m <= 12 for m in s["months"]):
            raise RuleError(s["id"], "months must be [first month, last month], each 1..12")
    for key, fields, top in (("year_thirds", ["months"], 12), ("month_thirds", ["days", "ends"], 31)):
        field = fields[0]
        rows = [require_keys(x, key, [*fields, "precision"]) for x in data[key]]
        if len(rows) != 3 or not all(len(x[field]) == 2 and 1 <= x[field][0] <= x[field][1] <= top for x in rows):
            raise RuleError(key, f"needs three {{{field}: [first, last], precision}} within 1..{top}")
        if not all(x["precision"] in PRECISIONS for x in rows):
            raise RuleError(key, f"precision must be one of {list(PRECISIONS)}")
    if not all(isinstance(x["ends"], int) and 1 <= x["ends"] <= 31 for x in data["month_thirds"]):
        raise RuleError("month_thirds", "`ends`, the day a third ends on, must be within 1..31")
    if data["period_end_covers"] not in ("period", "last_day"):
        raise RuleError("period_end_covers", "must be 'period' (the whole period named) or 'last_day'")
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


def _words(value, rule: str, least: int = 0) -> tuple[str, ...]:
    """A list of at least ``least`` words, none blank."""
    words = require_strings(value, rule)
    if len(words) < least or not all(w.strip() for w in words):
        raise RuleError(rule, f"must be a list of at least {least} words, none blank")
    return words
