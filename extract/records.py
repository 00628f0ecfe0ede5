"""Record types: what extraction produces, before anything is written to a database.

Every record carries provenance: character offsets into the document's normalised
text (``SourceText.text``), the page (``None`` for text sources), the exact quote
and the id of the rule that produced it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

# The roles of a section that are not a standard sub-heading's (those are in rules/headings.yml):
INITIATIVE = "initiative"  # a section that is one initiative, project or effort
OTHER = "other"  # any other section
PREAMBLE = "preamble"  # the text before the first heading (title, date, case number): no heading


@dataclass(frozen=True)
class OcrRepair:
    """A word OCR damaged (æ, ø, å lost) and its repair; offsets index the repaired text."""

    char_start: int
    char_end: int
    original: str
    repaired: str
    method: str  # "lexicon:e→ø", "compound:ae→æ,e→ø", "fuzzy:94", "word:1→i"


@dataclass
class Line:
    """A line of text on a PDF page (or a ruled table standing in for lines), in points from the page's top left."""

    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    page_height: float
    table_rows: Optional[list[list[str]]] = None  # a ruled table standing in for lines
    ocr: bool = False  # read by OCR: its size is measured from pixels, too rough for headings
    aside: bool = False  # beside the text's flow (a letterhead's address block, a sidebar): never a heading


@dataclass(frozen=True)
class SourceText:
    """A document read into one normalised string.

    ``text`` is what every offset points into. ``format`` is how the text is
    laid out: ``markdown``, ``text`` or ``table`` (tab-separated rows); a PDF is
    read into one of these and has ``origin`` ``pdf``.
    ``page_starts`` holds the offset where each page begins (page 1 at index 0);
    it is empty for sources without pages. When OCR damage to æ, ø, å was repaired,
    ``original_text`` is the text before the repair and ``repairs`` lists each word.
    """

    text: str
    format: str
    page_starts: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    ocr_damaged: bool = False
    origin: str = "text"  # the file it came from: text or pdf
    ocr_pages: tuple[tuple[int, float], ...] = ()  # (page, Tesseract mean confidence) of OCR'd pages
    table_spans: tuple[tuple[int, int], ...] = ()  # (start, end) of tables a PDF reader found as tables
    original_text: Optional[str] = None  # before OCR repair; None when nothing was repaired
    repairs: tuple[OcrRepair, ...] = ()
    pages_lost: tuple[int, ...] = ()  # pages of a damaged PDF that could not be read (left empty)
    damaged: bool = False  # the file was damaged (a PDF cut short or corrupt): read as far as it goes

    def page_at(self, offset: int) -> Optional[int]:
        """1-based page that holds ``offset``, or None for page-less sources."""
        if not self.page_starts:
            return None
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = number
            else:
                break
        return page


@dataclass
class Section:
    position: int
    level: int
    heading: str
    role: str
    number: Optional[str]
    char_start: int  # start of the heading line
    char_end: int  # end of the section's own body (before the next heading)
    body: str = ""
    body_start: int = 0
    parent_position: Optional[int] = None
    page: Optional[int] = None
    rule: str = ""


@dataclass
class Amount:
    quote: str
    value_dkk: Optional[float]  # None for another currency than kroner
    char_start: int
    char_end: int
    sentence: str
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    per_year: bool = False
    kind: Optional[str] = None
    rule: str = ""
    section_position: Optional[int] = None
    page: Optional[int] = None
    currency: str = "DKK"  # ISO code: "DKK" for kroner, "EUR", "NOK", "USD" …


@dataclass
class TargetGroup:
    quote: str
    char_start: int
    char_end: int
    groups: list[str] = field(default_factory=list)
    age_min: Optional[int] = None
    age_max: Optional[int] = None
    match_groups: list[int] = field(default_factory=list)
    size: Optional[int] = None
    rule: str = ""
    section_position: Optional[int] = None
    page: Optional[int] = None


@dataclass
class Milestone:
    quote: str
    date_text: str
    # ISO dates; both None when the document gives no year to read a year-less date from (a
    # pool's page without a date: "Ansøgningsfristen er 1. marts", a deadline every year)
    date_start: Optional[str]
    date_end: Optional[str]
    precision: str  # day, week, month, quarter, half, third, season, year
    kind: str  # deadline, start, phase, event
    char_start: int  # offset of date_text
    char_end: int
    rule: str = ""
    section_position: Optional[int] = None
    page: Optional[int] = None


@dataclass
class TableCell:
    row: int  # 0-based, the header row (if any) included
    column: int
    text: str
    char_start: int
    char_end: int
    section_position: Optional[int] = None
    page: Optional[int] = None


@dataclass
class Table:
    """A table of the document: its rows of cells, each cell with its offsets."""

    position: int
    char_start: int
    char_end: int
    cells: list[TableCell]
    n_rows: int
    n_columns: int
    header: Optional[list[str]] = None  # column names when the first row names them
    rule: str = ""
    section_position: Optional[int] = None
    page: Optional[int] = None
    page_end: Optional[int] = None


@dataclass
class Allocation:
    """One sum of money a document states, however often it states it (its ``mentions``:
    positions in the document's amounts, the first being where it is stated first), with
    what the money is (``status``), whose (``scope``) and what it means per calendar year
    (``per_year_values``). ``basis`` names the rules that decided, so a reader can see why."""

    position: int
    mentions: list[int]
    value_dkk: float  # negative when written with a minus ("-7,7 mio. kr.": an income, a reduction)
    years: list[int]
    per_year: bool
    spread: bool  # a sum over several years, divided evenly over them
    status: str
    scope: str
    kind: Optional[str] = None
    is_total: bool = False  # the sum of parts stated beside it: counted through them
    part_of: Optional[int] = None  # position of the total it is a share of: counted through it
    basis: str = ""
    rule: str = ""
    quote: str = ""
    char_start: int = 0
    char_end: int = 0
    section_position: Optional[int] = None
    page: Optional[int] = None

    def per_year_values(self) -> list[tuple[int, float]]:
        """(year, kroner) for each year the money is for."""
        if not self.years:
            return []
        each = self.value_dkk / len(self.years) if self.spread else self.value_dkk
        return [(year, each) for year in self.years]


@dataclass
class DocumentMeta:
    title: Optional[str] = None
    date: Optional[str] = None  # ISO
    kind: Optional[str] = None
    # where the date comes from: "text" (a date line or label, a meeting date written before
    # the first heading) or "file name" (an agenda item's date in its file name, the last resort)
    date_basis: Optional[str] = None
    case_number: Optional[str] = None
    document_number: Optional[str] = None
    author: Optional[str] = None


@dataclass(frozen=True)
class DocumentPlace:
    """The municipality (or region) a document is of: its name ("" when unknown), where it
    comes from ("text", "file_name" or "none"), the rule that decided and the words it read,
    and whether it is a municipality or a region ("" when unknown)."""

    municipality: str = ""
    basis: str = "none"
    rule: str = ""
    quote: str = ""
    kind: str = ""

    def columns(self) -> dict[str, Optional[str]]:
        """Its columns of the documents table (and of a document's JSON line): null when unknown."""
        return {
            "municipality": self.municipality or None,
            "municipality_basis": self.basis,
            "municipality_rule": self.rule or None,
            "municipality_quote": self.quote or None,
            "municipality_kind": self.kind or None,
        }


@dataclass
class Extraction:
    """Everything extracted from one document."""

    source: SourceText
    meta: DocumentMeta
    sections: list[Section]
    amounts: list[Amount]
    target_groups: list[TargetGroup]
    milestones: list[Milestone]
    tables: list[Table] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what extraction found amiss (a total that is not its parts)
    fingerprint: str = ""  # digest of everything above: equal fingerprints, equal records
    folded_sections: list[tuple[str, str]] = field(default_factory=list)  # each section's heading and body as searched
    place: DocumentPlace = field(default_factory=DocumentPlace)  # the municipality it is of

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": asdict(self.meta),
            "place": asdict(self.place),
            "format": self.source.format,
            "warnings": list(self.source.warnings),
            "ocr_repairs": [asdict(r) for r in self.source.repairs],
            "sections": [asdict(s) for s in self.sections],
            "amounts": [asdict(a) for a in self.amounts],
            "target_groups": [asdict(t) for t in self.target_groups],
            "milestones": [asdict(m) for m in self.milestones],
            "tables": [asdict(t) for t in self.tables],
            "allocations": [asdict(a) for a in self.allocations],
        }
