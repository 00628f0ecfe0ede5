"""Heading candidates: which lines of a document are headings, their number and role.

Rules live in ``rules/headings.yml``. Three layouts are read differently:

* markdown: ``#`` headings, bold-only lines (``**Turboforløb**``), italic-only lines and plain lines
  that hold only a heading word (``*Milepæle*``, ``Aftalegrundlag:``), and run-in labels (``*Målgruppe:* …``);
* plain text: numbered lines ("3.1.", "A.", "TEMA 1:", "Punkt 5:") and short
  single-line paragraphs that read as titles, never bullets (but a web page's folded
  section, a bulleted title over text indented deeper), tables of contents,
  labels ("Sagsnr."), lead-in sentences or hard-wrapped body lines. The first line
  of a paragraph is a heading directly followed by its body (no blank line) when
  it reads as a title (or as a news page's short headline with its verb, over a far longer
  line) and the next line starts a new sentence with a capital; a short label ending with a
  colon over its list or text ("Hvem kan søge:") is a heading too, a plan's inverted heading
  ("Det skal vi arbejde med") no sentence;
* tables: each numbered row ("1.1<TAB>initiative<TAB>…").

The rules are loaded by ``extract.structure.heading_rules``; the title is found by
``extract.structure.titles`` (it is not a section); the tree (levels, parents, offsets)
is built by ``extract.structure.sections``, agenda items by ``extract.structure.agenda``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from extract.structure.heading_rules import HeadingRules, RoleWords
from extract.structure.heading_rules import load_rules as load_rules  # the stage's loader, declared in the pipeline
from extract.structure.sentences import line_above

_MARKS = re.compile(r"^[\s#*_]+|[\s*_]+$")
_PARAGRAPH_GAP = re.compile(r"\n[ \t]*\n")
_SENTENCE_BREAK = re.compile(r"[.!?:;]\s+[A-ZÆØÅ]")
_QUOTED = re.compile(r"['\"“”«»‘’][^'\"“”«»‘’]*['\"“”«»‘’]")


@dataclass(frozen=True)
class Candidate:
    """A heading line: where it starts, where its body starts, what it says."""

    start: int
    body_start: int
    heading: str
    number: Optional[str]
    style: Optional[str]  # numbering scheme ("dot1", "colon", "letter", "tema", …)
    depth: Optional[int]  # markdown depth (number of #), None otherwise
    kind: str  # markdown, bold, word, numbered, short_line, run_in, table_row, folded, field, part, label
    role: str
    rule: str
    standard: bool = False  # a standard sub-heading by its words (any role, also "Resumé")


# --- words and numbers ---------------------------------------------------------


def strip_marks(text: str) -> str:
    """Heading text without markdown marks and a trailing colon."""
    text = _MARKS.sub("", text)
    text = re.sub(r"\*+", "", text).strip()
    return text[:-1].rstrip() if text.endswith(":") else text


def _words_match(heading_words: list[str], word: str, r: HeadingRules) -> bool:
    wanted = word.lower().split()
    if len(heading_words) < len(wanted):
        return False
    head = " ".join(heading_words[: len(wanted)])
    target = " ".join(wanted)
    if abs(len(head) - len(target)) > r.fuzzy_max_length_difference:
        return False
    return fuzz.ratio(head, target) >= r.fuzzy_min_ratio


def role_of(heading: str, r: HeadingRules) -> Optional[RoleWords]:
    """The role rule whose words begin ``heading`` (tolerant of OCR errors)."""
    words = re.sub(r"[^\w\s-]", " ", strip_marks(heading).lower()).split()
    for rule in r.role_words:
        if any(_words_match(words, w, r) for w in rule.words):
            return rule
    return None


def heading_word_rule(line: str, r: HeadingRules) -> Optional[str]:
    """Rule id when the whole line is a heading word ("Aftalegrundlag:", "Status ultimo 2007.")."""
    stripped = strip_marks(line)
    text = stripped.rstrip(".").strip()
    words = re.sub(r"[^\w\s-]", " ", text.lower()).split()
    for rule in r.role_words:
        for w in rule.words:
            if len(words) == len(w.split()) and _words_match(words, w, r):
                return rule.id
    for rule in r.heading_lines:
        if rule.pattern.search(stripped):
            return rule.id
    return None


def parse_number(text: str, r: HeadingRules) -> Optional[tuple[str, str, str, str]]:
    """(number, heading, style, rule id) for a numbered heading text, else None."""
    for rule in r.numbering:
        m = rule.pattern.match(text)
        if m:
            number = m.group("number")
            style = f"dot{number.count('.') + 1}" if rule.style == "dot" else rule.style
            return number, m.group("heading").strip(), style, rule.id
    return None


def never_heading(line: str, r: HeadingRules) -> Optional[str]:
    """Rule id of the not_headings rule that rejects ``line``, else None."""
    stripped = line.strip()
    for rule in r.not_headings:
        if rule.pattern.search(line) or rule.pattern.search(stripped):
            if rule.id in r.unnumbered_not_headings and parse_number(strip_marks(stripped) or stripped, r):
                continue  # a numbered item or heading: its words may be a sentence, a date, a logo
            return rule.id
    return None


def is_sentence(text: str, r: HeadingRules) -> bool:
    """Does the text read as a sentence (its cues)? A plan's inverted heading ("Det vil vi") does:
    its exception is made where headings are decided (`_sentence_line`)."""
    return bool(r.sentence_cues.search(_QUOTED.sub("", text)))


def inverted(text: str, r: HeadingRules) -> bool:
    """Is the text a plan's short heading with its object first ("Det skal vi arbejde med")?"""
    return bool(r.inverted_heading.match(strip_marks(text)))


def question(text: str, r: HeadingRules) -> bool:
    """Is the text a short question without its "?" ("Hvem kan søge", "Hvad kan der søges til"),
    a web page's heading over its answer though it reads as a sentence or ends on a preposition
    (with a colon it is a label over its list, ``list_label``)?"""
    if text.rstrip(" *_")[-1:] in ".:":
        return False
    text = strip_marks(text)
    return bool(r.list_label_question.match(text)) and len(text.split()) <= r.list_label_words


def _sentence_line(text: str, r: HeadingRules) -> bool:
    """Does a would-be heading read as a sentence, and not as a plan's inverted heading or a question?"""
    return is_sentence(text, r) and not inverted(text, r) and not question(text, r)


def starts_lowercase(line: str) -> bool:
    """Does the line continue a sentence (first letter lower-case, after bullets, marks and an aside in brackets)?"""
    line = re.sub(r"^[ \t]*(?:[-•▪●–]\s+)?(?:\([^()\n]{1,80}\)[ \t]+(?=\S))?", "", line)
    line = line.lstrip("*_”“\"'‘’«» \t")
    return bool(line) and line[0].islower()


# --- one line -------------------------------------------------------------------


@dataclass(frozen=True)
class LineHeading:
    """What a line says as a heading (no offsets yet)."""

    heading: str
    number: Optional[str]
    style: Optional[str]
    depth: Optional[int]
    kind: str
    rule: str
    label_end: Optional[int] = None  # run-in label: where the body starts in the line


def _with_number(text: str, r: HeadingRules) -> tuple[str, Optional[str], Optional[str]]:
    parsed = parse_number(text, r)
    if parsed:
        return strip_marks(parsed[1]) or text, parsed[0], parsed[2]
    return text, None, None


def markdown_line(line: str, r: HeadingRules) -> Optional[LineHeading]:
    """A markdown line as a heading: ``#`` heading, bold-only line, heading word or run-in label."""
    det = r.detectors
    m = det["markdown_heading"].pattern.match(line)
    if m:
        inner = strip_marks(m.group("heading"))
        if not inner:
            return None
        heading, number, style = _with_number(inner, r)
        return LineHeading(heading, number, style, len(m.group("marks")), "markdown", "markdown_heading")
    rejected = never_heading(line, r)
    if rejected == "bullet":
        return None
    m = det["bold_line"].pattern.match(line)
    if m and _short_enough(m.group("heading"), r):
        heading, number, style = _with_number(strip_marks(m.group("heading")), r)
        return LineHeading(heading, number, style, None, "bold", "bold_line")
    m = det["italic_role_line"].pattern.match(line)
    if m and (heading_word_rule(m.group("heading"), r) or _role_title(m.group("heading"), r)):
        return LineHeading(strip_marks(m.group("heading")), None, None, None, "word", "italic_role_line")
    m = det["run_in_label"].pattern.match(line)
    if m and heading_word_rule(m.group("heading"), r):
        return LineHeading(strip_marks(m.group("heading")), None, None, None, "word", "run_in_label", m.end())
    rule = heading_word_rule(line, r) if not rejected else None
    if rule:
        return LineHeading(strip_marks(line), None, None, None, "word", rule)
    return None


def _role_title(text: str, r: HeadingRules) -> bool:
    """An italic line that starts with role words and reads as a title, not a sentence."""
    text = strip_marks(text)
    return (
        role_of(text, r) is not None
        and not text.endswith(".")
        and not _sentence_line(text, r)
        and len(text.split()) <= 10
    )


def _short_enough(text: str, r: HeadingRules) -> bool:
    return len(text) <= r.max_chars and len(text.split()) <= r.max_words


def plain_line(line: str, r: HeadingRules) -> Optional[LineHeading]:
    """A line of plain text on its own as a heading (context is checked by the caller)."""
    if not line.strip() or "\t" in line or never_heading(line, r):
        return None
    text = strip_marks(line) if line.lstrip().startswith(("*", "_")) else line.strip()
    rule = heading_word_rule(line, r)
    if rule:
        return LineHeading(strip_marks(line), None, None, None, "word", rule)
    titled = inverted(text, r) or question(text, r)  # a heading though it ends on a word that leads on
    if not _short_enough(text, r) or (r.lead_in_ending.search(text) and not titled):
        return None
    parsed = parse_number(text, r)
    if parsed:
        number, heading, style, _ = parsed
        if _SENTENCE_BREAK.search(heading.rstrip(".")) or "*" in heading:
            return None
        return LineHeading(heading, number, style, None, "numbered", "plain_numbered")
    first = next((c for c in text if c.isalnum()), "")
    if not first or not (first.isupper() or first.isdigit()):
        return None
    unlisted = text if text.endswith((".", "!", "?")) else r.plain_heading_list.sub("", text)  # "A, B og C"
    long_sentence = len(text.split()) > r.max_plain_words and ("," in unlisted or is_sentence(text, r))
    if long_sentence or len(_SENTENCE_BREAK.findall(text.rstrip("."))) > 1:
        return None  # a long line that reads as a sentence (its stop left out), or two sentences
    sentence = text.endswith(".") and is_sentence(text, r)
    if sentence or (text.endswith((".", "!", "?")) and _SENTENCE_BREAK.search(text[:-1])):
        return None
    return LineHeading(text, None, None, None, "short_line", "plain_short_line")


def list_label(text: str, r: HeadingRules) -> bool:
    """Is the text a label ending with a colon that heads its list or text ("Hvem kan søge:",
    "Kommunalpolitikere:"): short, a capital first, no sentence nor lead-in unless a question?"""
    words = text[:-1].split()
    if not words or len(words) > r.list_label_words or not words[0][:1].isupper() or never_heading(text, r):
        return False
    if r.list_label_not.search(text) or r.list_label_verb.search(text) or r.list_label_name_role.search(text):
        return False
    if r.list_label_lead_in.search(text):
        return False
    if r.list_label_question.match(text):
        return True
    return not is_sentence(text, r) and not r.lead_in_ending.search(text[:-1].rstrip())


def list_label_line(line: str, following: str, r: HeadingRules) -> Optional[LineHeading]:
    """The line as a label over its list or text (``following``, its next line: no table's row,
    no sentence running on in lower case; a list's point may open in lower case), else None."""
    text = strip_marks(line) if line.lstrip().startswith(("*", "_")) else line.strip()
    running_on = starts_lowercase(following) and not r.bullet.search(following)
    if "\t" in line + following or not following.strip() or running_on:
        return None
    if not text.endswith(":") or not list_label(text, r):
        return None
    return LineHeading(text[:-1].rstrip(), None, None, None, "label", "list_label")


def indent(line: str) -> int:
    """How far the line is indented by spaces and tabs (a no-break space is a character of the text)."""
    return len(line) - len(line.lstrip(" \t"))


def line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def next_line_start(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def filled_line_start(text: str, pos: int) -> int:
    """Where the first line at or after ``pos`` with text on it starts (else the text's end)."""
    while pos < len(text) and not line_at(text, pos).strip():
        pos = next_line_start(text, pos)
    return pos


def over_list(text: str, start: int, r: HeadingRules) -> bool:
    """Does the line at ``start`` stand alone in its paragraph (blank lines below it) over a bulleted list?"""
    after = next_line_start(text, start)
    pos = filled_line_start(text, after)
    return after < pos < len(text) and bool(r.bullet.search(line_at(text, pos)))


def credit_at(text: str, pos: int, r: HeadingRules) -> bool:
    """Is the line at ``pos`` a credit or byline between a headline and its body?"""
    return pos < len(text) and never_heading(line_at(text, pos), r) in r.credit_not_headings


def over_text(text: str, c: Candidate, starts: set[int], r: HeadingRules) -> bool:
    """Does an unmarked short line stand over running text (its next line, past a byline, long
    enough or a sentence, a lead-in to a list too, a bulleted list after a blank line, a heading in
    ``starts``, or nothing)? A numbered line, a label or a heading word has its mark already."""
    if c.kind != "short_line":
        return True
    if _continues_above(text, c.start, r):
        return False
    pos = filled_line_start(text, c.body_start)
    while credit_at(text, pos, r):
        pos = filled_line_start(text, next_line_start(text, pos))  # a byline between a headline and its body
    if pos >= len(text) or pos in starts:
        return True
    line = line_at(text, pos).strip()
    words = len(line.split())
    if over_list(text, c.start, r):
        # a line alone in its paragraph over a bulleted list ("Fordele" over "• Færre …", a plan's
        # goal "Flere skal i job"), no lead-in ("Følgende blev drøftet på mødet", "Ansøgningen skal indeholde")
        head = c.heading.strip()
        if question(head, r):
            return True  # "Hvem kan søge" over "• Foreninger"
        return not (r.over_list_not.search(head) or r.lead_in_ending.search(head) or r.list_label_lead_in.search(head))
    stop = line.endswith((".", "!", "?")) or line.endswith(":") and is_sentence(line, r)  # "Puljen kan søges af:"
    return words >= r.min_body_words or stop and words >= r.min_sentence_words


def _continues_above(text: str, start: int, r: HeadingRules) -> bool:
    """Is the line at ``start`` the rest of the line right above it, which breaks off after a word
    that leads on ("Horsens Kommunes" over "Budgetaftale indgået for 2024 og 2025")? A sentence that
    leads in ("Andre emner som du kunne være interesseret i") stands over its own list."""
    found = line_above(text, start)
    if found is None or found[0] + len(found[1]) + 1 != start:
        return False  # the top of the text, or a blank line between
    above = found[1].rstrip()
    return above[-1:].isalpha() and r.lead_in_ending.search(above) is not None and not is_sentence(above, r)


def heading_starts(text: str, cands: list[Candidate], r: HeadingRules) -> set[int]:
    """Where headings start that give a short line above them a body: marked ones, short lines over text."""
    marked = {c.start for c in cands if c.kind != "short_line"}
    return marked | {c.start for c in cands if c.kind == "short_line" and over_text(text, c, marked, r)}


def run_in_line(first: str, second: str, r: HeadingRules) -> Optional[LineHeading]:
    """The first line of a paragraph as a heading directly followed by its body."""
    found = plain_line(first, r)
    if found is None:
        return list_label_line(first, second, r)  # "Hvem kan søge:" over "Foreninger"
    if found.kind == "word":
        return found
    if (first.rstrip().endswith((".", "!", "?")) and not r.list_label_asks.match(first.strip())) or not second.strip():
        return None
    rejected = never_heading(second, r)
    if starts_lowercase(second) or (rejected and rejected not in r.sentence_not_headings):
        return None  # a list's point, a label, a date: no body
    if parse_number(second.strip(), r):
        return None
    if found.kind == "short_line" and _sentence_line(first, r) and not _headline(first, second, r):
        return None
    return LineHeading(found.heading, found.number, found.style, None, found.kind, "plain_run_in_line")


def _headline(first: str, second: str, r: HeadingRules) -> bool:
    """A news page's headline with its verb ("Mette fik job på rådhuset"): a short line (at
    most ``headline_words``) without a stop or a word that leads on, over a long line of running
    text that opens a new sentence (a wrapped paragraph's first line is as long as the next)."""
    words = first.split()
    return (
        len(words) <= r.headline_words
        and not r.headline_not.match(first)
        and not r.lead_in_ending.search(first.rstrip())
        and len(second.split()) >= 2 * len(words) + r.min_body_words
    )


def title_candidate(line: str, r: HeadingRules) -> Optional[str]:
    """The line as a document title, or None (labels, dates, senders, all-caps lines)."""
    text = strip_marks(line)
    if not text or "\t" in line or r.not_title.search(text):
        return None
    rejected = never_heading(line, r)
    if rejected and rejected not in r.title_not_headings:  # a title may carry its date
        return None
    if heading_word_rule(line, r) or len(text) > 2 * r.max_chars:
        return None
    return text
