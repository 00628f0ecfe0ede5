"""From a file to its records: read, find the structure, run the extractors, attach provenance.

The rules files and the loader that validates each (:data:`RULE_FILES`), and the stages
of extraction with the rules files each one reads (:data:`STAGES`), are declared here
and nowhere else. A stage is handed only the rules it declares, and its cached result
is keyed by exactly those files and its inputs (:mod:`extract.cache`), so the cache
cannot serve a result made under other rules.

Nothing here touches a database; ``kb extract`` and ``kb build`` both call
:func:`extract_file`.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, TypeVar

from extract import __version__
from extract.cache import StageCache, digest
from extract.errors import SourceError
from extract.extractors import (
    amounts,
    date_rules,
    document_meta,
    document_place,
    milestones,
    target_group_rules,
    target_groups,
)
from extract.facts import allocation_rules, allocations
from extract.links import link_rules
from extract.links import stage as links_stage
from extract.publish import search_rules
from extract.read import docx, encodings, layout_rules, lexicon, ocr_repair_rules
from extract.read.formats import DOCX_SUFFIXES, HTML_SUFFIXES, check_supported, read_docx_source, read_html_source
from extract.read.text import read_text_source
from extract.records import Extraction, Section, SourceText
from extract.rules import RULES_DIR, Loader, RuleFiles, RuleSet
from extract.structure import headings, sections, sentences, tables

T = TypeVar("T")
EXTRACTOR_VERSION = __version__

# Every rules file and the function that validates and loads it.
RULE_FILES: dict[str, Loader] = {
    "ocr_repair.yml": ocr_repair_rules.load_rules,
    "encodings.yml": encodings.load_rules,
    "formats.yml": docx.load_rules,
    "layout.yml": layout_rules.load_rules,
    "sentences.yml": sentences.load_rules,
    "headings.yml": headings.load_rules,
    "document_meta.yml": document_meta.load_rules,
    "places.yml": document_place.load_rules,
    "dates.yml": date_rules.load_rules,
    "amounts.yml": amounts.load_rules,
    "milestones.yml": milestones.load_rules,
    "target_groups.yml": target_group_rules.load_rules,
    "allocations.yml": allocation_rules.load_rules,
    "search.yml": search_rules.load_rules,
    "initiatives.yml": link_rules.load_initiative_rules,
    "abbreviations.yml": link_rules.load_abbreviation_rules,
}


@dataclass(frozen=True)
class Stage:
    """A step of extraction and the rules files it reads (and may read: no others)."""

    name: str
    reads: tuple[str, ...] = ()


STAGES: dict[str, Stage] = {
    s.name: s
    for s in (
        Stage("pdf"),  # a PDF's pages parsed into lines: depends on the file's bytes alone
        # the document as one text, its OCR damage repaired
        Stage("read", ("ocr_repair.yml", "layout.yml", "encodings.yml", "formats.yml")),
        Stage("sentences", ("sentences.yml",)),
        Stage("sections", ("headings.yml",)),
        # the title passes over the municipality's name alone (a web page's logo), read from places.yml
        Stage("meta", ("document_meta.yml", "headings.yml", "dates.yml", "places.yml")),
        Stage("place", ("places.yml",)),  # the municipality the document is of: its text, else its file name
        Stage("amounts", ("amounts.yml",)),
        Stage("milestones", ("milestones.yml", "dates.yml")),
        Stage("target_groups", ("target_groups.yml",)),
        Stage("tables"),
        Stage("allocations", ("allocations.yml",)),  # the sums of money the amounts state, each once
        Stage("search", ("search.yml",)),  # each section's heading and body folded for the site's search
        # across documents, after every document is written (extract/links/, not per document):
        # initiative threads, editions and abbreviations of what changed
        Stage("links", links_stage.RULE_NAMES),
    )
}


def project_rules(folder: Path = RULES_DIR) -> RuleSet:
    """The rules of a folder (the project's ``rules/``), loaded on first use."""
    return RuleSet(RuleFiles.from_folder(folder, RULE_FILES), RULE_FILES)


def rule_set(files: RuleFiles) -> RuleSet:
    """Rules sent as data (to a worker), loaded on first use."""
    return RuleSet(files, RULE_FILES)


def load_rule_file(path: Path):
    """One rules file, validated and loaded by the loader of its name (raises RuleError)."""
    return RuleSet(RuleFiles(((path.name, path.read_bytes()),)), RULE_FILES)[path.name]


def check_rules(folder: Path = RULES_DIR) -> list[str]:
    """Validate every rules file; the error messages (empty: all good), also naming YAML
    files in the folder that no loader knows."""
    errors = project_rules(folder).errors()
    for path in sorted(folder.glob("*.yml")):
        if path.name not in RULE_FILES:
            errors.append(f"{path.name}: no loader knows this file; known files: {sorted(RULE_FILES)}")
    return errors


@dataclass(frozen=True)
class Limits:
    """Documents over these are refused before they are read (memory stays bounded); one whose
    extraction runs longer than ``max_seconds`` is stopped (a build never hangs on one document)."""

    max_bytes: int = 16 * 1024 * 1024
    max_pages: int = 1500
    max_seconds: int = 1800


def check_size(path: Path, size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise SourceError(
            path.name, f"{size / 1e6:.1f} MB, over the limit of {limits.max_bytes / 1e6:.1f} MB (kb build --max-mb)"
        )


class StageRunner:
    """Runs one document's stages: each is handed the rules it declares, and its result is
    kept in ``cache`` under the digests of those rules and of its inputs."""

    def __init__(self, rules: RuleSet, cache: Optional[StageCache] = None):
        self.rules = rules
        self.cache = cache or StageCache(None)
        self._digests: dict[int, tuple[object, str]] = {}  # id → (input, its digest): each input digested once

    def __call__(self, name: str, inputs: Sequence, compute: Callable[[RuleSet], T]) -> T:
        stage = STAGES[name]
        view = self.rules.only(stage.reads)

        def key_parts() -> list[str]:
            return [self.rules.digest(stage.reads), *(self._digest(i) for i in inputs)]

        value, value_digest = self.cache.memo(name, key_parts, lambda: compute(view))
        if value_digest is not None:
            self._digests[id(value)] = (value, value_digest)
        return value

    def fingerprint(self, *values: object) -> str:
        """One digest of the given stage results (and the extractor version)."""
        h = hashlib.sha256(EXTRACTOR_VERSION.encode())
        for value in values:
            h.update(self._digest(value).encode())
        return h.hexdigest()

    def _digest(self, value: object) -> str:
        """The digest of a stage's input or result: kept with it when a stage gave it, else made once."""
        found = self._digests.get(id(value))
        if found is None:
            found = self._digests[id(value)] = (value, digest(value))
        return found[1]


def read_source(
    path: Path,
    rules: RuleSet,
    data: Optional[bytes] = None,
    limits: Limits = Limits(),
    cache: Optional[StageCache] = None,
    sha256: Optional[str] = None,
) -> SourceText:
    """Read a PDF or text file into normalised text; raises SourceError with the reason.
    A document read before (the same bytes and reading rules) is taken from ``cache``; so
    is a PDF parsed before, when only what reading does after parsing changed."""
    check_supported(path)
    check_size(path, len(data) if data is not None else path.stat().st_size, limits)
    run = StageRunner(rules, cache)
    if run.cache.keeps and sha256 is None:
        data = data if data is not None else path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
    identity = (sha256, path.suffix.lower(), lexicon_identity())  # the suffix decides the text's format
    if path.suffix.lower() == ".pdf":
        # the PDF libraries load with the first PDF: a text file's extraction starts without them
        from extract.read.pdf import check_page_count, parse_pdf, pdf_source

        def parsed():
            return run("pdf", (sha256,), lambda _: parse_pdf(path, max_pages=limits.max_pages, data=data))

        src = run("read", identity, lambda r: pdf_source(path, parsed(), r["ocr_repair.yml"], r["layout.yml"]))
        check_page_count(path, len(src.page_starts), limits.max_pages)  # the limit may have been lowered since
        return src
    if data is None:
        data = path.read_bytes()
    if not data:
        raise SourceError(path.name, "the file is empty")
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return run("read", identity, lambda r: read_docx_source(path, data, r["ocr_repair.yml"], r["formats.yml"]))
    if suffix in HTML_SUFFIXES:
        return run("read", identity, lambda r: read_html_source(path, data, r["ocr_repair.yml"], r["encodings.yml"]))
    return run("read", identity, lambda r: read_text_source(path, data, r["ocr_repair.yml"], r["encodings.yml"]))


def source_digest(src: SourceText) -> str:
    """What the extractors see of a document: its text and how it is laid out."""
    h = hashlib.sha256(src.text.encode())
    layout = (src.format, src.ocr_damaged, src.origin, src.page_starts, src.table_spans, src.pages_lost, src.damaged)
    h.update(repr(layout).encode())
    return h.hexdigest()


def _stored_source_digest(src: SourceText, seen: str) -> str:
    """What the database keeps of a read document beyond what the extractors see (``seen``):
    its warnings, OCR pages and repaired words (the text as read follows from them)."""
    return digest(repr((seen, src.warnings, src.ocr_pages, src.repairs, src.original_text is None)))


def extract_source(src: SourceText, rules: RuleSet, cache: Optional[StageCache] = None, name: str = "") -> Extraction:
    """Run every extractor over one read document (pure: text in, records out). With a
    ``cache``, a stage whose rules and inputs are unchanged gives its earlier result. The
    file ``name`` dates an agenda item whose text gives no meeting date."""
    run = StageRunner(rules, cache)
    doc = source_digest(src)
    text = src.text
    found = run("sentences", (doc,), lambda r: sentences.find_sentences(text, r["sentences.yml"]))
    tree = run("sections", (doc,), lambda r: sections.find_sections(src, r["headings.yml"]))
    meta = run(
        "meta",
        (doc, tree, name),
        lambda r: document_meta.find_meta(
            src, tree, r["document_meta.yml"], r["headings.yml"], r["dates.yml"], name, r["places.yml"].by_form
        ),
    )
    place = run("place", (doc, name), lambda r: document_place.find_place(text, name, r["places.yml"]))
    money = run(
        "amounts",
        (doc, found, tree, meta.title, meta.date),
        lambda r: amounts.find_amounts(text, found.spans, r["amounts.yml"], tree, meta.title, meta.date),
    )
    # milestones read the amounts' places only: a change of amounts.yml that finds the same
    # amounts leaves them as they were
    places = [(a.char_start, a.char_end) for a in money]
    dated = run(
        "milestones",
        (doc, found, places, meta.date),
        lambda r: milestones.find_milestones(text, found, places, r["milestones.yml"], r["dates.yml"], meta.date),
    )
    groups = run(
        "target_groups",
        (doc, found, tree, meta.title, lexicon_identity()),
        lambda r: target_groups.find_target_groups(text, found.spans, tree, r["target_groups.yml"], meta.title),
    )
    found_tables = run("tables", (doc,), lambda _: tables.find_tables(text, src.table_spans))
    found_facts = run(
        "allocations",
        (doc, found, tree, meta, money),
        lambda r: allocations.find_allocations(text, money, found.spans, tree, meta, r["allocations.yml"]),
    )
    facts, warnings = found_facts
    folded = run("search", (tree,), lambda r: [(r["search.yml"].fold(s.heading), r["search.yml"].fold(s.body))
                                               for s in tree])  # fmt: skip
    # the records are these results, with pages and sections the text and the tree decide
    fingerprint = run.fingerprint(
        _stored_source_digest(src, doc), meta, tree, money, dated, groups, found_tables, found_facts, folded, place
    )
    cells = [c for t in found_tables for c in t.cells]
    attach_provenance(src, tree, [*money, *dated, *groups, *found_tables, *cells, *facts])
    for s in tree:
        s.page = src.page_at(s.char_start)
    for t in found_tables:
        t.page_end = src.page_at(max(t.char_start, t.char_end - 1))
    return Extraction(src, meta, tree, money, groups, dated, found_tables, facts, warnings, fingerprint=fingerprint,
                      folded_sections=folded, place=place)  # fmt: skip


def extract_file(
    path: Path,
    rules: Optional[RuleSet] = None,
    data: Optional[bytes] = None,
    limits: Limits = Limits(),
    cache: Optional[StageCache] = None,
    sha256: Optional[str] = None,
) -> Extraction:
    """Read and extract one file (with the project's rules unless ``rules`` are given)."""
    rules = rules or project_rules()
    return extract_source(read_source(path, rules, data, limits, cache, sha256), rules, cache, path.name)


def attach_provenance(src: SourceText, sections_: Sequence[Section], records: Iterable) -> None:
    """Set each record's section (the one whose text holds its start) and page."""
    starts = [s.char_start for s in sections_]
    for rec in records:
        rec.page = src.page_at(rec.char_start)
        i = bisect.bisect_right(starts, rec.char_start) - 1
        if i >= 0 and rec.char_start < sections_[i].char_end:
            rec.section_position = sections_[i].position
        else:
            rec.section_position = None


@lru_cache(maxsize=1)
def lexicon_identity() -> str:
    """What the lexicon of OCR repair is made of (read once per process)."""
    return lexicon.lexicon_identity()


# the rules files a document's extraction reads: not those of the stages across documents
# (links), which keep their own digest of what they read (a change relinks, it does not re-extract)
DOCUMENT_RULE_FILES = tuple(sorted({f for s in STAGES.values() if s.name != "links" for f in s.reads}))


def rules_hash(rules: RuleSet) -> str:
    """Digest of the rules files a document's extraction reads, the Danish lexicon of OCR
    repair (its files' sizes and times) and the extractor version: a document built under
    another is extracted again."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    h.update(lexicon_identity().encode())
    h.update(rules.digest(DOCUMENT_RULE_FILES).encode())
    return h.hexdigest()[:16]
