"""Property and fuzz tests (hypothesis): parsers never raise, generated Danish amounts
and dates read back to their values, and extraction of documents stitched together
from corpus paragraphs keeps its offset, ordering and provenance invariants.

Every test is bounded (max_examples <= 200, no deadline) and derandomized, so the
file runs the same way every time and stays well under a minute.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from fractions import Fraction

from conftest import RULES, SOURCES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.extractors import amounts, dates, milestones
from extract.extractors.numbers import parse_danish_number
from extract.pipeline import extract_source
from extract.read import text as read_text
from extract.records import SourceText
from extract.structure import sentences


def parse_danish_amount(s):
    return amounts.parse_danish_amount(s, RULES["amounts.yml"])


def find_amounts(text, spans):
    return amounts.find_amounts(text, spans, RULES["amounts.yml"])


def parse_date_expression(s, year=None):
    return dates.parse_date_expression(s, RULES["dates.yml"], year)


def find_date_expressions(text):
    return dates.find_date_expressions(text, RULES["dates.yml"])


def sentence_spans(text):
    return sentences.sentence_spans(text, RULES["sentences.yml"])


def find_milestones(text, spans, amount_spans):
    found = sentences.Sentences(spans, sentences.blocks(text, RULES["sentences.yml"]))
    return milestones.find_milestones(text, found, amount_spans, RULES["milestones.yml"], RULES["dates.yml"])


def read_text_source(path, data):
    return read_text.read_text_source(path, data, RULES["ocr_repair.yml"])


FAST = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --------------------------------------------------------------------------- text

MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
MONTH_ABBR = {1: ["jan."], 2: ["feb."], 8: ["aug."], 9: ["sep.", "sept."], 10: ["okt."], 11: ["nov."], 12: ["dec."]}

FRAGMENTS = [
    "Der afsættes ",
    "til drift ",
    "i ",
    "og ",
    "til ",
    "fra ",
    "årligt ",
    "indsats",
    "lån ",
    "på ",
    "ca. ",
    "kr.",
    "kr",
    "kroner",
    "mio.",
    "mio",
    "mill.",
    "mia.",
    "t.kr.",
    "DKK",
    "millioner",
    "1",
    "2",
    "3",
    "0",
    "9",
    "12",
    "2013",
    "2009",
    "20",
    "19",
    ".",
    ",",
    " ",
    "\u00a0",
    "\u202f",
    "\n",
    "\n\n",
    "\t",
    "-",
    "–",
    "/",
    "(",
    ")",
    "%",
    "# ",
    "- ",
    "• ",
    "januar",
    "marts",
    "dec.",
    "kvartal",
    "halvår",
    "halvdel af ",
    "primo ",
    "medio ",
    "ultimo ",
    "udgangen af ",
    "efteråret ",
    "vinteren ",
    "første ",
    "senest ",
    "inden ",
    "unge ",
    "ledige ",
    "borgere ",
    "mellem 18 og 29 år",
    "Status ",
    "pr. ",
    "siden ",
    "Målgruppe",
    "Milepæle",
    "æ",
    "ø",
    "å",
    "Å",
    "?",
    "!",
    ":",
    ";",
    '"',
    "«",
    "»",
    "ﬁ",
    "\ufffd",
    "\u200b",
    "\r",
    "A",
    "B",
    "e ",
    "o ",
]

danish_soup = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), danish_soup, st.tuples(st.text(max_size=40), danish_soup).map("".join))


# ---------------------------------------------------------------- 1. never raise


@FAST
@given(any_text)
def test_number_parsers_never_raise(s):
    n = parse_danish_number(s)
    assert n is None or isinstance(n, float)
    n = parse_danish_number(s, decimal_point=True)
    assert n is None or isinstance(n, float)
    a = parse_danish_amount(s)
    assert a is None or isinstance(a, (int, float))


@FAST
@given(any_text, st.one_of(st.none(), st.integers(1900, 2099)))
def test_date_parser_never_raises_and_is_ordered(s, year):
    dr = parse_date_expression(s, year)
    if dr is not None:
        assert dr.start <= dr.end, (s, dr)


@FAST
@given(any_text)
def test_extractors_never_raise_and_quote_their_text(text):
    spans = sentence_spans(text)
    previous = 0
    for sp in spans:
        assert previous <= sp.start < sp.end <= len(text), (text, spans)
        previous = sp.end
    amounts = find_amounts(text, spans)
    for a in amounts:
        assert text[a.char_start : a.char_end] == a.quote
    for d in find_date_expressions(text):
        assert text[d.start : d.end] == d.text
    for m in find_milestones(text, spans, []):
        assert text[m.char_start : m.char_end] == m.date_text
        assert _bounds_in_order(m), m


def _bounds_in_order(m) -> bool:
    """A milestone's first day is on or before its last, or it has neither (no year to read)."""
    if m.date_start is None or m.date_end is None:
        return m.date_start is None and m.date_end is None
    return m.date_start <= m.date_end


# ---------------------------------------------------- 2. generated Danish amounts

SEPS = [" ", "\u00a0", ""]
SCALES = {  # spelling -> factor; whether a currency word may follow
    "mio.": 10**6,
    "mio": 10**6,
    "mill.": 10**6,
    "mill": 10**6,
    "millioner": 10**6,
    "million": 10**6,
    "mia.": 10**9,
    "milliard": 10**9,
    "milliarder": 10**9,
}
THOUSAND_SCALES = ["t.kr.", "tkr.", "t. kr."]
CURRENCIES = ["kr.", "kroner", "DKK"]


def _group(n: int, sep: str) -> str:
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return sep.join(parts)


@st.composite
def danish_numbers(draw, max_int: int):
    """(written, exact value) for a Danish number: thousands ".", NBSP or space; decimals ","."""
    whole = draw(st.integers(0, max_int))
    if whole >= 1000 and draw(st.booleans()):
        written = _group(whole, draw(st.sampled_from([".", "\u00a0", " "])))
        grouped = True
    else:
        written, grouped = str(whole), False
    value = Fraction(whole)
    decimals = draw(st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=3)))
    if decimals and not (len(str(whole)) > 3 and not grouped):  # "12345,5" is not read: no thousands mark
        written += "," + decimals
        value += Fraction(int(decimals), 10 ** len(decimals))
    return written, value


@st.composite
def danish_amounts(draw):
    """(written amount, value in kroner)."""
    form = draw(st.sampled_from(["scaled", "thousand", "kroner"]))
    if form == "kroner":
        num, value = draw(danish_numbers(10**9))
        sep = draw(st.sampled_from([" ", "\u00a0"]))
        return f"{num}{sep}{draw(st.sampled_from(CURRENCIES))}", value
    num, value = draw(danish_numbers(99_999))
    gap = draw(st.sampled_from(SEPS))
    if form == "thousand":
        return f"{num}{gap}{draw(st.sampled_from(THOUSAND_SCALES))}", value * 1000
    scale = draw(st.sampled_from(sorted(SCALES)))
    written = f"{num}{gap}{scale}"
    cur = draw(st.sampled_from(["", *CURRENCIES]))
    if cur:
        # "mio.kr." is written without a space; a word scale needs one before the currency
        joins = ["", " ", "\u00a0"] if scale.endswith(".") and cur.startswith("kr") else [" ", "\u00a0"]
        written += draw(st.sampled_from(joins)) + cur
    return written, value * SCALES[scale]


SENTENCES = [
    "Der afsættes {amount} til drift i 2014.",
    "I budgetaftalen er der afsat {amount} årligt i 2013-2016 til indsatsen.",
    "Projektet koster {amount}.",
    "{amount} er afsat til formålet.",
    "Kommunen har modtaget {amount}, som bruges i 2012",
]


@FAST
@given(danish_amounts(), st.sampled_from(SENTENCES))
def test_generated_amounts_read_back_to_their_value(amount, template):
    written, value = amount
    text = template.format(amount=written)
    found = find_amounts(text, sentence_spans(text))
    if value == 0:  # a sum of zero states no money: no amount (the labelling guide)
        assert found == [], (text, found)
        return
    assert len(found) == 1, (text, found)
    a = found[0]
    assert abs(Fraction(a.value_dkk) - value) <= Fraction(1, 2), (text, a.value_dkk, float(value))
    assert text[a.char_start : a.char_end] == a.quote
    assert a.quote.rstrip(".") == written.rstrip("."), (text, a.quote)
    parsed = parse_danish_amount(written)
    assert parsed is not None, written
    assert abs(Fraction(parsed) - value) <= Fraction(1, 2), (written, parsed, float(value))


# -------------------------------------------------------- 3. generated dates


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _cap(draw, word: str) -> str:
    return word[:1].upper() + word[1:] if draw(st.booleans()) else word


ORDINAL_WORDS = {1: ["første"], 2: ["anden", "andet"], 3: ["tredje"], 4: ["fjerde"]}
THIRD_WORDS = {1: ["primo", "begyndelsen af", "starten af"], 2: ["medio", "midten af"], 3: ["ultimo", "slutningen af"]}
YEAR_THIRDS = {1: (1, 3), 2: (5, 8), 3: (10, 12)}  # primo / ultimo: a quarter
MONTH_THIRDS = {1: (1, 31), 2: (1, 31), 3: (1, 31)}  # of a month: the whole month
SEASONS = {
    "foråret": (3, 5),
    "forår": (3, 5),
    "sommeren": (6, 8),
    "sommer": (6, 8),
    "efteråret": (9, 11),
    "efterår": (9, 11),
    "vinteren": (12, 2),
    "vinter": (12, 2),
}


def _month_word(draw, month: int) -> str:
    return draw(st.sampled_from([MONTHS[month - 1], *MONTH_ABBR.get(month, [])]))


def _ordinal(draw, n: int) -> str:
    return draw(st.sampled_from([f"{n}.", *ORDINAL_WORDS[n]]))


@st.composite
def date_expressions(draw):
    """(text, expected start, expected end, is a single day)."""
    y = draw(st.integers(1990, 2040))
    form = draw(
        st.sampled_from(
            [
                "day_month",
                "numeric",
                "numeric2",
                "month",
                "month_list",
                "quarter",
                "half",
                "half_needs_year",
                "year_third",
                "month_third",
                "season",
                "period_end",
                "year",
            ]
        )
    )
    if form in ("day_month", "numeric", "numeric2"):
        m = draw(st.integers(1, 12))
        d = draw(st.integers(1, calendar.monthrange(y, m)[1]))
        day = date(y, m, d)
        if form == "day_month":
            text = f"{d}.{draw(st.sampled_from([' ', '  ', '']))}{_month_word(draw, m)} {y}"
        else:
            sep = draw(st.sampled_from(["-", ".", "/"]))
            dd = f"{d:02d}" if draw(st.booleans()) else str(d)
            mm = f"{m:02d}" if draw(st.booleans()) else str(m)
            if form == "numeric2":  # two-digit year: 00-50 -> 20xx, 51-99 -> 19xx
                y2 = draw(st.integers(0, 99))
                full = 2000 + y2 if y2 <= 50 else 1900 + y2
                d = min(d, calendar.monthrange(full, m)[1])
                dd = f"{d:02d}"
                day = date(full, m, d)
                text = f"{dd}{sep}{mm}{sep}{y2:02d}"
            else:
                text = f"{dd}{sep}{mm}{sep}{y}"
        return text, day, day, True
    if form == "month":
        m = draw(st.integers(1, 12))
        filler = draw(st.sampled_from(["", " måned"]))
        return f"{_cap(draw, _month_word(draw, m))}{filler} {y}", date(y, m, 1), _month_end(y, m), False
    if form == "month_list":
        m1 = draw(st.integers(1, 11))
        m2 = draw(st.integers(m1 + 1, 12))
        sep = draw(st.sampled_from(["/", " og ", " eller "]))
        return f"{MONTHS[m1 - 1]}{sep}{MONTHS[m2 - 1]} {y}", date(y, m1, 1), _month_end(y, m2), False
    if form == "quarter":
        q = draw(st.integers(1, 4))
        word = draw(st.sampled_from(["kvartal", "kvartaler"]))
        ord_ = _ordinal(draw, q)
        gap = draw(st.sampled_from([" ", ""])) if ord_.endswith(".") else " "
        i = draw(st.sampled_from(["", "i "]))
        return f"{ord_}{gap}{word} {i}{y}", date(y, 3 * q - 2, 1), _month_end(y, 3 * q), False
    if form in ("half", "half_needs_year"):
        h = draw(st.integers(1, 2))
        ord_ = _ordinal(draw, h)
        if form == "half":
            word = draw(st.sampled_from(["halvår", "halvåret"]))
            af = draw(st.sampled_from(["", "af ", "i "]))
        else:
            word = draw(st.sampled_from(["halvdel", "halvdelen"]))
            af = draw(st.sampled_from(["", "af "]))
        return f"{ord_} {word} {af}{y}", date(y, 6 * h - 5, 1), _month_end(y, 6 * h), False
    if form == "year_third":
        t = draw(st.integers(1, 3))
        first, last = YEAR_THIRDS[t]
        word = _cap(draw, draw(st.sampled_from(THIRD_WORDS[t])))
        return f"{word} {y}", date(y, first, 1), _month_end(y, last), False
    if form == "month_third":
        t = draw(st.integers(1, 3))
        m = draw(st.integers(1, 12))
        first, last = MONTH_THIRDS[t]
        last = min(last, calendar.monthrange(y, m)[1])
        word = draw(st.sampled_from(THIRD_WORDS[t]))
        return f"{word} {_month_word(draw, m)} {y}", date(y, m, first), date(y, m, last), False
    if form == "season":
        word = draw(st.sampled_from(sorted(SEASONS)))
        first, last = SEASONS[word]
        end_year = y + 1 if last < first else y
        return f"{_cap(draw, word)} {y}", date(y, first, 1), _month_end(end_year, last), False
    if form == "period_end":
        inner = draw(st.sampled_from(["year", "quarter", "half", "month"]))
        # the whole period named ("inden udgangen af november 2013" = November 2013)
        if inner == "year":
            text, start, end = str(y), date(y, 1, 1), date(y, 12, 31)
        elif inner == "quarter":
            q = draw(st.integers(1, 4))
            text, start, end = f"{q}. kvartal {y}", date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        elif inner == "half":
            h = draw(st.integers(1, 2))
            text, start, end = f"{_ordinal(draw, h)} halvår {y}", date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        else:
            m = draw(st.integers(1, 12))
            text, start, end = f"{MONTHS[m - 1]} {y}", date(y, m, 1), _month_end(y, m)
        return f"udgangen af {text}", start, end, False
    return str(y), date(y, 1, 1), date(y, 12, 31), False


@FAST
@given(date_expressions())
def test_generated_dates_map_to_their_bounds(expr):
    text, start, end, single_day = expr
    dr = parse_date_expression(text)
    assert dr is not None, text
    assert dr.start <= dr.end, (text, dr)
    assert dr.start.year == start.year and dr.end.year in (start.year, start.year + 1), (text, dr)
    if single_day:
        assert dr.start == dr.end == start, (text, dr)
    assert (dr.start, dr.end) == (start, end), (text, dr)


@FAST
@given(
    date_expressions(), st.sampled_from([" – ", " - ", "-", " til ", " til og med ", "\t", " — "]), date_expressions()
)
def test_written_ranges_are_always_ordered(a, sep, b):
    text = a[0] + sep + b[0]
    dr = parse_date_expression(text)
    if dr is not None:
        assert dr.start <= dr.end, (text, dr)


_TWO_DIGIT_NUMERIC = re.compile(r"\d[-./]\d\d$")


@FAST
@given(date_expressions(), st.sampled_from([" – ", " - ", "-", "–", " til ", " til og med "]), date_expressions())
def test_ordered_ranges_run_from_first_start_to_last_end(a, sep, b):
    """ "januar 2013 – marts 2014", "juni 2013-august 2014", "01.02.2011-18.02.2011"."""
    texts = a[0] + b[0]
    if a[0].isdigit() or b[0].isdigit() or re.search(r" og | eller |/", texts):
        return  # bare years and month lists are not range ends
    if sep in "-–" and (_TWO_DIGIT_NUMERIC.search(a[0]) or _TWO_DIGIT_NUMERIC.search(b[0])):
        return  # "26.01.26-26.05.39" is ambiguous without spaces
    if not (a[1] <= b[1] and a[1] <= b[2]):
        return
    text = a[0] + sep + b[0]
    dr = parse_date_expression(text)
    assert dr is not None and (dr.start, dr.end) == (a[1], b[2]), (text, dr)
    found = find_date_expressions(f"Forløbet kører {text}.")
    assert [d.text for d in found] == [text], found


_YEAR_AT_END = re.compile(r"\s+(?:(?:i|af)\s+)?\d{4}$")
_YEAR_OPTIONAL = re.compile(  # a day, month, third of a month, quarter, half year or season
    "|".join([*MONTHS, *(a for v in MONTH_ABBR.values() for a in v), "kvartal", "halvår", *SEASONS]), re.I
)


@FAST
@given(date_expressions())
def test_yearless_dates_take_the_given_year(expr):
    text, start, end, _ = expr
    yearless = _YEAR_AT_END.sub("", text)
    if yearless == text or re.search(r"halvdel|måned|udgangen|/| og | eller ", yearless):
        return  # month lists, "udgangen af", "halvdel" and "måned" only with a year
    if not _YEAR_OPTIONAL.search(yearless):
        return  # numeric dates, bare years and "primo 2013" always carry a year
    assert parse_date_expression(yearless) is None, yearless
    dr = parse_date_expression(yearless, start.year)
    assert dr is not None and (dr.start, dr.end) == (start, end), (yearless, start.year, dr)


@FAST
@given(
    date_expressions(),
    st.sampled_from(
        [
            "Projektet starter {d}.",
            "Senest {d} skal planen være klar.",
            "Fra {d} igangsættes forløbet",
            "Indsatsen slutter {d}.",
        ]
    ),
)
def test_generated_dates_in_sentences_are_found(expr, template):
    """Every form but a bare year ("2013" is a budget year, not a date) is found in running text."""
    text = template.format(d=expr[0])
    found = find_date_expressions(text)
    assert expr[0].isdigit() or any(d.text == expr[0] for d in found), (text, found)
    for m in find_milestones(text, sentence_spans(text), []):
        assert text[m.char_start : m.char_end] == m.date_text
        assert _bounds_in_order(m), m


# --------------------------------------------- 4. documents from corpus fragments


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(SOURCES.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            src = read_text_source(path, path.read_bytes())
            out += [p for p in re.split(r"\n[ \t]*\n", src.text) if p.strip()]
    return out


PARAGRAPHS = _paragraphs()


def _check_extraction(text: str, fmt: str) -> None:
    ex = extract_source(SourceText(text=text, format=fmt), RULES)
    sections = ex.sections
    previous_end = 0
    for i, s in enumerate(sections):
        assert s.position == i
        assert previous_end <= s.char_start <= s.body_start <= s.char_end <= len(text), s
        assert s.body == text[s.body_start : s.char_end].strip(), s
        previous_end = s.char_end
    by_position = {s.position: s for s in sections}
    for rec in [*ex.amounts, *ex.target_groups]:
        assert text[rec.char_start : rec.char_end] == rec.quote, rec
    for m in ex.milestones:
        assert text[m.char_start : m.char_end] == m.date_text, m
        assert _bounds_in_order(m), m
    for rec in [*ex.amounts, *ex.target_groups, *ex.milestones]:
        if rec.section_position is not None:
            s = by_position[rec.section_position]
            assert s.char_start <= rec.char_start < s.char_end, (rec, s)


@SLOW
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=3, max_size=12), st.sampled_from(["text", "markdown"]))
def test_documents_from_corpus_fragments_keep_offsets_and_sections(paragraphs, fmt):
    _check_extraction("\n\n".join(paragraphs), fmt)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(st.one_of(st.sampled_from(PARAGRAPHS), danish_soup), min_size=2, max_size=8),
    st.sampled_from(["\n\n", "\n", "\t", " "]),
    st.sampled_from(["text", "markdown", "table"]),
)
def test_documents_with_noise_keep_offsets_and_sections(parts, joiner, fmt):
    _check_extraction(joiner.join(parts), fmt)
