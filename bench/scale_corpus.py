"""Generate a scale corpus: thousands of documents recombined from the corpus in sources/,
with new amounts and dates, and the true records of every document.

    .venv/bin/python bench/scale_corpus.py bench/out/scale [--docs 2000] [--seed 1] [--pdf-share 0.5]

How a document is made: a host document is drawn from sources/ (weighted by the square
root of its length). The document is the host's preamble (title and metadata), then
sections drawn at random — mostly the host's own, some from another corpus document
read the same way (same format, same OCR state; only sections whose dates all carry
their year, so no date depends on the other document's context year) — until a target
length of 2-16 pages (``--pages``) is reached. A section is a top-level section with
its sub-sections, split into its children when it is over 10,000 characters; sections
are drawn from a shuffled deck, so one repeats only in a document longer than its
source's deck. Every year in the document is shifted by one offset (1-12 years), so
every year-less date keeps the context year it had. Each copy of a section gets new
amounts and dates. A document with the same bytes as an earlier one is drawn again
(kb build keys documents by their bytes).

How the truth is known: from the golden files (tests/golden/*.json, written by a
person reading each document), never from the extractor's output on the generated
documents. The extractor is run once on each corpus document only to find where each
golden record sits (offsets), and a record is only taken where it equals the golden
one. While a section is copied, each golden amount quote is replaced by a new value
written in the same form (sometimes another Danish form of a "mio. kr." amount:
"mio.kr.", non-breaking spaces, "mill. kr.", whole kroner "4.300.000 kr."), and each
golden date by one of the same form with another day, month, quarter, half, third or
season; its true range is computed from what was written. Ranges, "udgangen af" and
two-day expressions only have their year shifted.

Pages: a PDF counts its pages; a text document counts one page per 2,800 characters,
the rate at which the corpus documents render in tests/fixtures/pdf (193,000
characters on 68.5 pages). PDFs are rendered by tests/fixtures/render_pdfs.py,
alternately with fpdf2 and reportlab, laid out as the fixtures are (its ``blocks_of``
reads the text's headings and tables with the extractor: layout only, never truth),
with fixed creation dates so a seed always gives the same bytes. The truth goes to
``<OUT_DIR>.truth.jsonl`` (beside the folder, so
``kb build OUT_DIR`` does not read it): one line per document with its file name and
true amounts (value_dkk) and milestones (date_start, date_end).
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import importlib.util
import json
import logging
import math
import multiprocessing
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pipeline import extract_source, project_rules, read_source  # noqa: E402

SOURCES = ROOT / "sources"
GOLDEN = ROOT / "tests" / "golden"
RENDER_PDFS = ROOT / "tests" / "fixtures" / "render_pdfs.py"
CHARS_PER_PAGE = 2800
MAX_UNIT_CHARS = 10_000
FOREIGN_SHARE = 0.3
FORM_CHANGE_SHARE = 0.35
PRODUCERS = ("fpdf", "reportlab")
FIXED_PDF_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class CorpusError(Exception):
    """A golden record could not be found in its corpus document."""


# --- the corpus: golden records located in the text of each corpus document -------


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # amount or milestone
    golden: dict


@dataclass(frozen=True)
class Unit:
    stem: str
    start: int
    end: int
    portable: bool  # every date in it carries its year


@dataclass
class CorpusDoc:
    stem: str
    suffix: str
    family: tuple[str, bool]  # (format, OCR-damaged): documents that may share sections
    text: str
    preamble_end: int
    units: list[Unit]
    marks: list[Mark]
    weight: float = 1.0


def load_corpus(sources: Path = SOURCES, golden_dir: Path = GOLDEN) -> dict[str, CorpusDoc]:
    """Every corpus document that has a golden file, with its golden records located."""
    out = {}
    for path in sorted(p for p in sources.iterdir() if p.is_file() and not p.name.startswith(".")):
        golden_path = golden_dir / f"{path.stem}.json"
        if golden_path.exists():
            out[path.stem] = corpus_doc(path, json.loads(golden_path.read_text(encoding="utf-8")))
    return out


def corpus_doc(path: Path, golden: dict) -> CorpusDoc:
    rules = project_rules()
    src = read_source(path, rules)
    ex = extract_source(src, rules)
    text = src.text
    marks = sorted(
        locate(golden["amounts"], ex.amounts, "amount", text)
        + locate(golden["milestones"], ex.milestones, "milestone", text),
        key=lambda m: m.start,
    )
    for a, b in zip(marks, marks[1:]):
        if b.start < a.end:
            raise CorpusError(f"{path.name}: golden records overlap at {b.start}")
    sections = ex.sections
    preamble_end = sections[0].char_start if sections else len(text)
    units = [Unit(path.stem, a, b, portable(marks, a, b)) for a, b in unit_spans(sections, len(text))]
    return CorpusDoc(
        path.stem,
        path.suffix,
        (src.format, src.ocr_damaged),
        text,
        preamble_end,
        units,
        marks,
        math.sqrt(len(text) / CHARS_PER_PAGE),
    )


def _golden_key(g: dict, kind: str) -> tuple:
    if kind == "amount":
        return g["quote"], g["value_dkk"]
    return g["date_text"], g["date_start"], g["date_end"]


def _found_key(rec: Any, kind: str) -> tuple:
    if kind == "amount":
        return rec.quote, rec.value_dkk
    return rec.date_text, rec.date_start, rec.date_end


def locate(golden: list[dict], found: list, kind: str, text: str) -> list[Mark]:
    """Offsets of each golden record: the extracted record equal to it, in order, else
    the next occurrence of its quote in the text."""
    marks, j, cursor = [], 0, 0
    for g in golden:
        k = next((i for i in range(j, len(found)) if _found_key(found[i], kind) == _golden_key(g, kind)), None)
        if k is not None:
            start, end, j = found[k].char_start, found[k].char_end, k + 1
        else:
            quote = g["quote"] if kind == "amount" else g["date_text"]
            start = text.find(quote, cursor)
            if start < 0:
                raise CorpusError(f"golden {kind} {quote!r} not found in the text")
            end = start + len(quote)
        cursor = end
        marks.append(Mark(start, end, kind, g))
    return marks


def unit_spans(sections: list, text_len: int) -> list[tuple[int, int]]:
    """Top-level sections with their sub-sections; one over MAX_UNIT_CHARS is cut at its children."""
    cuts: set[int] = set()

    def subtree_end(i: int) -> int:
        nxt = (s.char_start for s in sections[i + 1 :] if s.level <= sections[i].level)
        return next(nxt, text_len)

    def visit(i: int) -> None:
        cuts.add(sections[i].char_start)
        if subtree_end(i) - sections[i].char_start > MAX_UNIT_CHARS:
            for j, s in enumerate(sections):
                if s.parent_position == sections[i].position:
                    visit(j)

    for i, s in enumerate(sections):
        if s.parent_position is None:
            visit(i)
    points = sorted(cuts)
    return list(zip(points, points[1:] + [text_len]))


def portable(marks: list[Mark], start: int, end: int) -> bool:
    return all(_YEAR.search(m.golden["date_text"]) for m in marks if m.kind == "milestone" and start <= m.start < end)


# --- years ------------------------------------------------------------------------

_YEARS = re.compile(
    r"(?<!\d)(?P<y4>(?:19|20)\d\d)(?:(?P<sep>[-–/])(?P<yy>\d\d))?(?!\d)"
    r"|(?<![\d.])(?P<dm>\d{1,2}(?P<s>[.-])\d{1,2}(?P=s))(?P<y2>\d\d)(?![\d.])"
)


def shift_years(text: str, delta: int) -> str:
    """Every year shifted by ``delta``: "2013", "2011-12", "25.06.12" (same length)."""

    def two(yy: str) -> str:
        return f"{(int(yy) + delta) % 100:02d}"

    def sub(m: re.Match) -> str:
        if m.group("y4"):
            tail = m.group("sep") + two(m.group("yy")) if m.group("yy") else ""
            return str(int(m.group("y4")) + delta) + tail
        return m.group("dm") + two(m.group("y2"))

    return _YEARS.sub(sub, text)


def shift_date(d: date, delta: int, month_end: bool) -> date:
    """``d`` ``delta`` years on; a month's last day stays its last day when ``month_end``."""
    year = d.year + delta
    last = calendar.monthrange(year, d.month)[1]
    if month_end and d.day == calendar.monthrange(d.year, d.month)[1]:
        return date(year, d.month, last)
    return date(year, d.month, min(d.day, last))


# --- dates: a new date expression of the same form, and its true range ------------

MONTHS = (
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
)
THIRDS = (
    ("primo", "medio", "ultimo"),
    ("begyndelsen af", "midten af", "slutningen af"),
    ("starten af", "midten af", "slutningen af"),
)
SEASONS = (("foråret", "sommeren", "efteråret"), ("forår", "sommer", "efterår"))
SEASON_MONTHS = ((3, 5), (6, 8), (9, 11))
ORDINALS = ("første", "anden", "tredje", "fjerde")
_M, _Y = "|".join(MONTHS), r"(?P<year>\s+\d{4})?"
_T = "|".join(w for family in THIRDS for w in family)
_S = "|".join(w for family in SEASONS for w in family)
DATE_FORMS = {
    name: re.compile(pattern, re.I)
    for name, pattern in {
        "numeric": r"(?P<day>\d{1,2})(?P<s>[-.])(?P<month>\d{1,2})(?P=s)(?:\d{2}|\d{4})",
        "day": rf"(?P<day>\d{{1,2}})\.\s+(?P<month>{_M}){_Y}",
        "month_list": rf"(?P<month>{_M})(?:\s*/\s*|\s+og\s+)(?P<month2>{_M}){_Y}",
        "month": rf"(?P<month>{_M})(?:\s+måned)?{_Y}",
        "month_third": rf"(?P<third>{_T})\s+(?P<month>{_M}){_Y}",
        "year_third": rf"(?P<third>{_T})\s+\d{{4}}",
        "quarter": rf"(?P<part>[1-4]\.|{'|'.join(ORDINALS)})\s+kvartal{_Y}",
        "half": r"(?P<part>[12]\.|første|anden|andet)\s+(?P<word>halvåret|halvår|halvdelen|halvdel)"
        r"(?:(?:\s+af)?\s+\d{4})?",
        "season": rf"(?P<season>{_S}){_Y}",
    }.items()
}


def _last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_of(word: str) -> int:
    return int(word) if word.isdigit() else MONTHS.index(word.lower()) + 1


def _third_of(word: str) -> int:
    return next(f.index(word.lower()) + 1 for f in THIRDS if word.lower() in f)


def _season_of(word: str) -> int:
    return next(f.index(word.lower()) for f in SEASONS if word.lower() in f)


def read_slots(form: str, m: re.Match) -> dict[str, int]:
    """The values an expression of ``form`` states, besides its year."""
    g = m.groupdict()
    slots: dict[str, int] = {}
    if g.get("day"):
        slots["day"] = int(g["day"])
    if g.get("month"):
        slots["month"] = _month_of(g["month"])
    if g.get("month2"):
        slots["month2"] = _month_of(g["month2"])
    if g.get("third"):
        slots["part"] = _third_of(g["third"])
    if g.get("part"):
        part = g["part"].lower()
        slots["part"] = int(part[0]) if part[0].isdigit() else {"andet": 2}.get(part, ORDINALS.index(part) + 1)
    if g.get("season"):
        slots["season"] = _season_of(g["season"])
    return slots


def range_of(form: str, s: dict[str, int], y: int) -> tuple[date, date]:
    """First and last day an expression means, from its values and year ``y``."""
    if form in ("numeric", "day"):
        d = date(y, s["month"], s["day"])
        return d, d
    if form in ("month", "month_list"):
        return date(y, s["month"], 1), _last(y, s.get("month2", s["month"]))
    if form == "month_third":  # "ultimo august 2022": the whole month (rules/dates.yml)
        return date(y, s["month"], 1), _last(y, s["month"])
    if form == "year_third":  # primo / ultimo: the first / last quarter; medio: May to August
        first, last = ((1, 3), (5, 8), (10, 12))[s["part"] - 1]
        return date(y, first, 1), _last(y, last)
    if form == "season":
        first, last = SEASON_MONTHS[s["season"]]
        return date(y, first, 1), _last(y, last)
    size = {"quarter": 3, "half": 6}[form]
    return date(y, (s["part"] - 1) * size + 1, 1), _last(y, s["part"] * size)


def choose_slots(form: str, s: dict[str, int], rng: random.Random) -> dict[str, int]:
    new = dict(s)
    if "day" in s:
        new["day"] = rng.randint(1, 28)
    if "month2" in s:
        k = rng.choice([k for k in range(1 - s["month"], 13 - s["month2"]) if k] or [0])
        new["month"], new["month2"] = s["month"] + k, s["month2"] + k
    elif "month" in s:
        new["month"] = rng.randint(1, 12)
    if "part" in s:
        new["part"] = rng.randint(1, {"quarter": 4, "half": 2}.get(form, 3))
    if "season" in s:
        new["season"] = rng.randrange(3)
    return new


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _slot_text(name: str, value: int, old: str, m: re.Match) -> str:
    if name in ("day", "month") and old.isdigit():
        padded = m.groupdict().get("s") and len(m.group("day")) == len(m.group("month")) == 2  # "30-06-2013"
        return f"{value:02d}" if padded else str(value)
    if name in ("month", "month2"):
        return _cased(MONTHS[value - 1], old)
    if name == "third":
        return _cased(next(f for f in THIRDS if old.lower() in f)[value - 1], old)
    if name == "season":
        return _cased(next(f for f in SEASONS if old.lower() in f)[value], old)
    if old[0].isdigit():
        return f"{value}."
    halves = ("første", "andet" if (m.groupdict().get("word") or "").startswith("halvår") else "anden")
    return _cased((halves if m.groupdict().get("word") else ORDINALS)[value - 1], old)


def write_slots(m: re.Match, slots: dict[str, int]) -> str:
    """The matched expression with each stated value replaced."""
    groups = {
        "day": "day",
        "month": "month",
        "month2": "month2",
        "season": "season",
        "part": "third" if m.groupdict().get("third") else "part",
    }
    edits = sorted((m.span(groups[k]), _slot_text(groups[k], v, m.group(groups[k]), m)) for k, v in slots.items())
    out, pos = [], m.start()
    for (a, b), new in edits:
        out += [m.string[pos:a], new]
        pos = b
    return "".join(out) + m.string[pos : m.end()]


def vary_date(
    text: str, start: date, end: date, precision: str, delta: int, rng: random.Random
) -> tuple[str, date, date]:
    """A new expression of the same form as ``text`` (which means start..end), its years
    shifted by ``delta``, and the range it means."""
    shifted = shift_years(text, delta)
    year = start.year + delta
    for form, pattern in DATE_FORMS.items():
        m = pattern.fullmatch(shifted)
        if m and not re.match(r"(?i)udgangen", shifted):
            old = read_slots(form, m)
            if range_of(form, old, start.year) != (start, end):  # not read as the golden file reads it
                break
            new = choose_slots(form, old, rng)
            return (write_slots(m, new), *range_of(form, new, year))
    implied = precision != "day"
    return shifted, shift_date(start, delta, False), shift_date(end, delta, implied)


# --- amounts: a new value written in the same (or another Danish) form ------------

_NUMBER = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:[,.]\d{1,3})?"
_AMOUNT = re.compile(rf"(?P<pre>kr\.\s?)?(?P<num>{_NUMBER})(?P<post>.*)", re.S)
_GROUPED = re.compile(r"\d{1,3}(?:(?P<sep>[.\u00a0\u202f ])\d{3})+(?:,(?P<dec>\d+))?")
_MIO_KR = re.compile(r"(?P<num>\d+(?:,\d{1,3})?) mio\. kr\.")
_SCALES = (
    (re.compile(r"(?i)\bmia\b|milliard"), 10**9),
    (re.compile(r"(?i)\bmio\b|\bmill\b|million"), 10**6),
    (re.compile(r"(?i)\bt\.\s?kr|\btkr"), 10**3),
)
MIO_FORMS: tuple[Callable[[str, int], str], ...] = (
    lambda num, kr: f"{num} mio.kr.",
    lambda num, kr: f"{num}\u00a0mio.\u00a0kr.",
    lambda num, kr: f"{num} mill. kr.",
    lambda num, kr: f"{group(str(kr), '.')} kr.",
    lambda num, kr: f"{group(str(kr), chr(0xA0))} kr.",
)


@dataclass(frozen=True)
class NumberStyle:
    sep: str  # thousands separator, or ""
    mark: str  # decimal mark, or "" for whole numbers
    decimals: int


def group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def read_number(num: str) -> tuple[Decimal, NumberStyle]:
    grouped = _GROUPED.fullmatch(num)
    if grouped:
        dec = grouped.group("dec") or ""
        style = NumberStyle(grouped.group("sep"), "," if dec else "", len(dec))
        return Decimal(num.replace(style.sep, "").replace(",", ".")), style
    mark = "," if "," in num else "." if "." in num else ""
    decimals = len(num.partition(mark)[2]) if mark else 0
    return Decimal(num.replace(",", ".")), NumberStyle("", mark, decimals)


def write_number(x: Decimal, style: NumberStyle) -> str:
    q = x.quantize(Decimal(1).scaleb(-style.decimals))
    whole, _, frac = f"{q:f}".partition(".")
    whole = group(whole, style.sep) if style.sep else whole
    return whole + (style.mark + frac if style.decimals else "")


def scale_of(words: str) -> int:
    return next((factor for pattern, factor in _SCALES if pattern.search(words)), 1)


def new_number(x: Decimal, style: NumberStyle, rng: random.Random) -> Decimal:
    """Another positive value that writes in ``style`` (a grouped number stays >= 1000)."""
    step = Decimal(1).scaleb(-style.decimals)
    for _ in range(50):
        y = (x * Decimal(str(round(rng.uniform(0.3, 3.0), 3)))).quantize(step)
        if style.sep:
            y = max(y, Decimal(1000 + rng.randrange(9000)))
        if y > 0 and y != x and not (not style.mark and not style.sep and _YEAR.fullmatch(str(y))):
            return y
    return x + step


def vary_amount(quote: str, value: float, rng: random.Random) -> tuple[str, float]:
    """A new amount written like ``quote`` (value ``value`` kroner), and its value."""
    m = _AMOUNT.fullmatch(quote)
    if not m:
        raise CorpusError(f"amount {quote!r}: not a number the generator can rewrite")
    x, style = read_number(m.group("num"))
    factor = scale_of((m.group("pre") or "") + m.group("post"))
    if abs(float(x * factor) - value) > 0.5:
        raise CorpusError(f"amount {quote!r} reads as {x * factor}, the golden file says {value}")
    y = new_number(x, style, rng)
    kroner = y * factor
    mio = _MIO_KR.fullmatch(quote)
    if mio and rng.random() < FORM_CHANGE_SHARE:
        text = rng.choice(MIO_FORMS)(write_number(y, style), int(kroner))
    else:
        text = (m.group("pre") or "") + write_number(y, style) + m.group("post")
    return text, int(kroner) if kroner == int(kroner) else float(kroner)


# --- rewriting a stretch of a corpus document ------------------------------------


@dataclass
class Piece:
    text: str = ""
    amounts: list[dict] = field(default_factory=list)
    milestones: list[dict] = field(default_factory=list)

    def append(self, other: Piece) -> None:
        self.text += other.text
        self.amounts += other.amounts
        self.milestones += other.milestones


def rewrite(doc: CorpusDoc, start: int, end: int, delta: int, rng: random.Random) -> Piece:
    """``doc.text[start:end]`` with years shifted, golden amounts and dates replaced."""
    piece, pos = Piece(), start
    marks: list[Optional[Mark]] = [m for m in doc.marks if start <= m.start and m.end <= end]
    for mark in marks + [None]:
        gap_end = mark.start if mark else end
        piece.append(Piece(shift_years(doc.text[pos:gap_end], delta)))
        if mark:
            piece.append(replace_mark(doc.stem, mark, delta, rng))
            pos = mark.end
    return piece


def replace_mark(stem: str, mark: Mark, delta: int, rng: random.Random) -> Piece:
    g = mark.golden
    if mark.kind == "amount":
        text, value = vary_amount(g["quote"], g["value_dkk"], rng)
        return Piece(
            text,
            amounts=[
                {
                    "value_dkk": value,
                    "quote": text,
                    "source": stem,
                    "golden_quote": g["quote"],
                    "golden_value": g["value_dkk"],
                }
            ],
        )
    text, first, last = vary_date(
        g["date_text"],
        date.fromisoformat(g["date_start"]),
        date.fromisoformat(g["date_end"]),
        g["precision"],
        delta,
        rng,
    )
    return Piece(
        text,
        milestones=[
            {
                "date_start": first.isoformat(),
                "date_end": last.isoformat(),
                "date_text": text,
                "source": stem,
                "golden_date_text": g["date_text"],
                "golden_start": g["date_start"],
                "golden_end": g["date_end"],
            }
        ],
    )


# --- a document: host preamble and drawn sections --------------------------------


def compose(corpus: dict[str, CorpusDoc], host: CorpusDoc, rng: random.Random, target_chars: int) -> tuple[Piece, int]:
    """The host's preamble, then drawn sections until ``target_chars``; and the year shift."""
    delta = rng.randint(1, 12)
    piece = rewrite(host, 0, host.preamble_end, delta, rng)
    partners = [
        u for d in corpus.values() if d.stem != host.stem and d.family == host.family for u in d.units if u.portable
    ]
    decks: dict[bool, list[Unit]] = {False: [], True: []}
    while len(piece.text) < target_chars and host.units:
        unit = draw_unit(decks, host.units, partners, rng)
        if not piece.text.endswith("\n\n"):
            piece.text = piece.text.rstrip("\n") + "\n\n"
        piece.append(rewrite(corpus[unit.stem], unit.start, unit.end, delta, rng))
    return piece, delta


def draw_unit(decks: dict[bool, list[Unit]], own: list[Unit], partners: list[Unit], rng: random.Random) -> Unit:
    """A section from the host or (sometimes) a partner document, each drawn from a
    shuffled deck, so a section repeats only once its deck is used up."""
    foreign = bool(partners) and rng.random() < FOREIGN_SHARE
    deck = decks[foreign]
    if not deck:
        pool = partners if foreign else own
        deck.extend(rng.sample(pool, len(pool)))
    return deck.pop()


def load_renderer() -> Any:
    """tests/fixtures/render_pdfs.py as a module (its Block, clean and two producers)."""
    if "render_pdfs" in sys.modules:
        return sys.modules["render_pdfs"]
    spec = importlib.util.spec_from_file_location("render_pdfs", RENDER_PDFS)
    module = importlib.util.module_from_spec(spec)
    sys.modules["render_pdfs"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def fix_pdf_dates() -> None:
    """Fixed creation dates and ids in both producers: a seed gives the same bytes."""
    from fpdf import FPDF
    from reportlab import rl_config

    rl_config.invariant = 1
    logging.getLogger("fpdf").setLevel(logging.ERROR)  # "missing glyph: \t" in tables of contents
    if getattr(FPDF, "_fixed_creation_date", False):
        return
    original = FPDF.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.creation_date = FIXED_PDF_DATE

    FPDF.__init__ = init
    FPDF._fixed_creation_date = True


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def render_pdf(render: Any, producer: str, text: str, suffix: str, target: Path) -> int:
    """Write ``text`` as a PDF with ``producer``, laid out the way the corpus fixtures
    are (``render_pdfs.blocks_of`` on the text: headings, tables and title as the
    extractor reads them, for layout only); its number of pages."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{target.stem}{suffix}"
        source.write_text(text, encoding="utf-8")
        blocks = render.blocks_of(source)
    title = next((b.text for b in blocks if b.kind == "title"), target.stem)
    (render.render_fpdf if producer == "fpdf" else render.render_reportlab)(blocks, title, target)
    return len(_PAGE_OBJECT.findall(target.read_bytes()))


# --- the corpus: documents in parallel, the truth file ---------------------------


@dataclass(frozen=True)
class Settings:
    out_dir: Path
    seed: int
    pages: tuple[int, int]  # each document's target length, in pages


def make_document(
    corpus: dict[str, CorpusDoc], render: Any, settings: Settings, index: int, producer: Optional[str], attempt: int = 0
) -> dict:
    """Generate, write and describe one document (its truth line); ``attempt`` draws
    another one for the same place."""
    rng = random.Random(f"{settings.seed}:{index}" + (f":{attempt}" if attempt else ""))
    docs = list(corpus.values())
    host = rng.choices(docs, weights=[d.weight for d in docs])[0]
    piece, delta = compose(corpus, host, rng, rng.randint(*settings.pages) * CHARS_PER_PAGE)
    name = f"scale-{index:05d}" + (".pdf" if producer else host.suffix)
    target = settings.out_dir / name
    if producer:
        pages = render_pdf(render, producer, piece.text, host.suffix, target)
    else:
        target.write_text(piece.text, encoding="utf-8")
        pages = max(1, math.ceil(len(piece.text) / CHARS_PER_PAGE))
    return {
        "file": name,
        "host": host.stem,
        "format": producer or "text",
        "years_shifted": delta,
        "pages": pages,
        "chars": len(piece.text),
        "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "amounts": piece.amounts,
        "milestones": piece.milestones,
    }


def assign_producers(docs: int, pdf_share: float, seed: int) -> list[Optional[str]]:
    """Which documents are PDFs (exactly ``pdf_share`` of them) and by which producer, alternately."""
    rng = random.Random(f"{seed}:formats")
    chosen = sorted(rng.sample(range(docs), round(docs * pdf_share)))
    out: list[Optional[str]] = [None] * docs
    for n, index in enumerate(chosen):
        out[index] = PRODUCERS[n % len(PRODUCERS)]
    return out


_WORKER: dict[str, Any] = {}


def _init_worker(corpus: dict[str, CorpusDoc], settings: Settings) -> None:
    _WORKER.update(corpus=corpus, settings=settings)


def _make(job: tuple[int, Optional[str], int]) -> dict:
    """One document in a worker (the renderer is loaded here: an error in a pool's
    initializer would make the pool restart its workers for ever)."""
    if "render" not in _WORKER:
        fix_pdf_dates()
        _WORKER["render"] = load_renderer()
    return make_document(_WORKER["corpus"], _WORKER["render"], _WORKER["settings"], *job)


def truth_path_for(out_dir: Path) -> Path:
    """Where the truth of the corpus in ``out_dir`` goes: beside the folder."""
    return out_dir.parent / f"{out_dir.name}.truth.jsonl"


def generate(
    out_dir: Path,
    docs: int = 2000,
    seed: int = 1,
    pdf_share: float = 0.5,
    pages: tuple[int, int] = (2, 16),
    workers: Optional[int] = None,
    truth_path: Optional[Path] = None,
) -> dict[str, Any]:
    """Write ``docs`` documents into ``out_dir`` and their truth; returns the totals."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("scale-*"):
        old.unlink()
    truth_path = truth_path or truth_path_for(out_dir)
    corpus = load_corpus()
    settings = Settings(out_dir, seed, pages)
    jobs = [(index, producer, 0) for index, producer in enumerate(assign_producers(docs, pdf_share, seed))]
    workers = workers or multiprocessing.cpu_count()
    _init_worker(corpus, settings)
    if workers == 1:
        rows = [_make(job) for job in jobs]
    else:
        with multiprocessing.Pool(workers, _init_worker, (corpus, settings)) as pool:
            rows = list(pool.imap(_make, jobs, chunksize=2))
    rows = without_duplicates(rows, jobs)
    with open(truth_path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return totals(rows, truth_path, time.perf_counter() - started)


def without_duplicates(rows: list[dict], jobs: list[tuple[int, Optional[str], int]]) -> list[dict]:
    """A document with the same bytes as an earlier one (a short one drawn from a small
    host can be) is drawn again: kb build keys documents by their bytes."""
    seen: set[str] = set()
    out = []
    for row, (index, producer, _) in zip(rows, jobs):
        attempt = 0
        while row["sha256"] in seen:
            attempt += 1
            row = _make((index, producer, attempt))
        seen.add(row["sha256"])
        out.append(row)
    return out


def totals(rows: list[dict], truth_path: Path, seconds: float) -> dict[str, Any]:
    pdf = [r for r in rows if r["format"] != "text"]
    return {
        "documents": len(rows),
        "pdf_documents": len(pdf),
        "text_documents": len(rows) - len(pdf),
        "pages": sum(r["pages"] for r in rows),
        "pdf_pages": sum(r["pages"] for r in pdf),
        "amounts": sum(len(r["amounts"]) for r in rows),
        "milestones": sum(len(r["milestones"]) for r in rows),
        "truth": str(truth_path),
        "seconds": round(seconds, 1),
    }


def parse_pages(value: str) -> tuple[int, int]:
    low, _, high = value.partition("-")
    return int(low), int(high or low)


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pdf-share", type=float, default=0.5)
    ap.add_argument("--pages", type=parse_pages, default=(2, 16), help="target pages per document, MIN-MAX (2-16)")
    ap.add_argument("--workers", type=int, default=None, help="processes (default: one per CPU)")
    ap.add_argument("--truth", type=Path, default=None, help="truth file (default: <OUT_DIR>.truth.jsonl)")
    args = ap.parse_args(argv)
    t = generate(args.out_dir, args.docs, args.seed, args.pdf_share, args.pages, args.workers, args.truth)
    print(f"{t['documents']} documents ({t['text_documents']} text, {t['pdf_documents']} PDF) in {args.out_dir}")
    print(f"{t['pages']} pages ({t['pdf_pages']} in PDFs; text at {CHARS_PER_PAGE} characters a page)")
    print(f"truth: {t['amounts']} amounts, {t['milestones']} milestones in {t['truth']}")
    print(f"time: {t['seconds']} s")


if __name__ == "__main__":
    main()
