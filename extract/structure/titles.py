"""The document's lines and paragraphs, and its title (the title is not a section).

Minutes and agendas are titled by their kind word and the body's name ("Referat Teknisk Udvalg"),
however the meeting header writes them. An agenda item's title is its first line without the item's
number; a markdown document's, its first heading that is no standard sub-heading (a PDF's, the first in
the largest type on its first page); otherwise the first single-line paragraph near the top that reads
as a title (never a label, a date, the sender, the heading over a meeting's items or an all-caps line,
but a news page's headline in capitals over its text).
"""

from __future__ import annotations

import re
from typing import Optional

from extract.records import SourceText
from extract.structure.headings import (
    HeadingRules,
    credit_at,
    filled_line_start,
    markdown_line,
    never_heading,
    next_line_start,
    parse_number,
    role_of,
    strip_marks,
    title_candidate,
)
from extract.structure.title_skips import (
    caps_headline,
    headline_over_text,
    lead_in,
    over_page_tool,
    passed_over,
    reads_as_sentence,
    standard_heading,
    trails_to,
)

BULLETS = set("•·*–-")  # the marks that open a list item
_ITEM_BULLETS = BULLETS - set("–-")  # ... before an item's number alone (a dash: a page's number, "- 2 -")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every block of non-blank lines."""
    out, start, pos = [], None, 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            start = pos if start is None else start
            last_end = end
        elif start is not None:
            out.append((start, last_end))
            start = None
        pos = end + 1
    if start is not None:
        out.append((start, last_end))
    return out


def text_lines(text: str, limit: Optional[int] = None) -> list[tuple[int, str]]:
    """Each line with its offset; with ``limit``, the lines of the text's first ``limit``
    characters, without a line the limit cuts off (a sentence cut mid-word reads as a title)."""
    window = text if limit is None or len(text) <= limit else text[: (text.rfind("\n", 0, limit) + 1) or limit]
    out, pos = [], 0
    for line in window.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def find_title(src: SourceText, r: HeadingRules) -> Optional[tuple[int, str]]:
    """(offset, text) of the document title: the line after a line naming the kind of
    document ("Notat"; "Referat" with the body's name), else the first markdown heading,
    else the first single-line paragraph near the top that reads as a title (never a label,
    date, sender, addressee or all-caps line), or the first line of a paragraph over a list,
    before any numbered heading. A news headline over its byline drops its dateline."""
    found = _title_line(src, r)
    if found is None or not r.titles.dateline.match(found[1]):
        return found
    text = src.text
    after = filled_line_start(text, next_line_start(text, found[0]))
    if credit_at(text, after, r):
        return found[0], r.titles.dateline.sub("", found[1], count=1)
    return found


def _title_line(src: SourceText, r: HeadingRules) -> Optional[tuple[int, str]]:
    text = src.text
    named = _after_kind_word(text, r)
    if named:
        return named
    if src.format == "markdown" and src.origin == "pdf":
        found = _largest_on_first_page(src, r)
        if found:
            return found
    elif src.format == "markdown":
        for start, line in text_lines(text):
            found = markdown_line(line, r)
            if found is not None:
                if found.kind == "markdown" and role_of(found.heading, r) is None:
                    if not r.titles.addressee.search(strip_marks(line)):
                        return start, clean_title(strip_marks(line), r)
                break
    crumb = r.titles.breadcrumb.search(text, 0, r.title_search_chars)  # the site's chrome and banners above it
    for a, b in paragraphs(text):
        if a > r.title_search_chars:
            break
        if crumb and b <= crumb.start():
            continue
        block = text[a:b]
        while "\n" in block and never_heading(block.split("\n", 1)[0], r) == "image_text":
            a += block.index("\n") + 1  # an image's name or hint over the headline: no line of the block
            block = text[a:b]
        if bulleted_number(block.split("\n", 1)[0]):
            break  # the meeting's items begin, with no title line over them
        if "\n" in block:
            if over_page_tool(text, block, b, r):
                continue  # the site's section over a page's tool ("• Få siden oplæst"): the headline is below
            first = block.split("\n", 1)[0].strip()
            if r.titles.field_heading.match(first):
                break  # a pool's field over its answer ("Hvem kan søge?" over "- Foreninger …"): no title
            if meeting_line(first, r):
                return a, first  # the meeting's header line over its items, no blank line between
            over = _heading_over_list(block, r) or _headline_over(block, text[crumb.end() if crumb else 0 : a], r)
            if over:
                return a, over
            continue
        if standard_heading(block, r) or r.titles.field_heading.match(block.strip()):
            break  # the page's standard sub-headings begin ("Formål", "Hvem kan søge?"): no title line over them
        passed = passed_over(text, a, b, r)
        if passed is False:
            break  # the page opens with its running text: no title line stands over it
        if passed:
            continue
        numbered = parse_number(block.strip(), r)
        if numbered and numbered[2] == "punkt":
            return a, clean_title(block.strip(), r)  # an agenda item is titled by its item line
        if numbered or r.detectors["table_row"].pattern.match(block):
            break
        title = _as_title(block, r) or caps_headline(text, a, b, r)
        if title:
            return a, title
    return None


def _as_title(line: str, r: HeadingRules) -> Optional[str]:
    """The line as the document's title, cleaned, unless it is no title or reads as a sentence."""
    title = title_candidate(line, r)
    return clean_title(title, r) if title and not reads_as_sentence(title, r) else None


def bulleted_number(line: str) -> bool:
    """Is the line an item's number alone in a bullet ("• 35" over "Orientering om …"), as web agendas list items?"""
    text = line.strip()
    number = text[1:].strip(" \t.")
    return bool(text) and text[0] in _ITEM_BULLETS and number.isdigit() and len(number) <= 4


def _headline_over(block: str, above: str, r: HeadingRules) -> Optional[str]:
    """The first line of a paragraph when it is a headline over a news page's date alone ("Ny pulje til …" over
    "25-04-2021 09:00", ``titles.date_under_headline``) or, at the top, over its text (``headline_over_text``)."""
    lines = block.split("\n")
    dated = len(lines) == 2 and r.titles.date_under_headline.search(lines[1].strip())
    return _as_title(lines[0], r) if dated or headline_over_text(block, above, r) else None


def _heading_over_list(block: str, r: HeadingRules) -> Optional[str]:
    """The first line of a paragraph when it reads as a title over a list ("Retningslinjer for
    puljen" over "• Hvem kan søge?"): a web page's heading over its folded sections."""
    first, rest = block.split("\n", 1)
    if lead_in(first, r) or first.rstrip().endswith(":"):  # a label over its list, no title
        return None
    first = strip_marks(first).strip()
    if rest.lstrip()[:1] not in BULLETS or not first or first[:1] in BULLETS:
        return None
    if r.titles.addressee.search(first) or r.titles.never_title.search(first) or parse_number(first, r):
        return None
    title = title_candidate(first, r)
    if not title or title.endswith((".", ":", ",")):
        return None
    return clean_title(title, r)


def _largest_on_first_page(src: SourceText, r: HeadingRules) -> Optional[tuple[int, str]]:
    """A PDF's title: the first heading in the largest type on its first page (markdown depth
    from type size), never the sender, a date, a label or a standard sub-heading above it
    ("Syddjurs Kommune" in small bold over "Politik for Kultur og Fritid")."""
    end = src.page_starts[1] if len(src.page_starts) > 1 else r.title_search_chars
    best: Optional[tuple[int, int, str]] = None
    for start, line in text_lines(src.text[:end]):
        found = markdown_line(line, r)
        if found is None or found.kind != "markdown" or never_heading(line, r) or never_heading(found.heading, r):
            continue
        if role_of(found.heading, r) is not None or r.titles.addressee.search(strip_marks(line)):
            continue
        if best is None or found.depth < best[0]:
            best = (found.depth, start, found.heading)
    return (best[1], clean_title(strip_marks(best[2]), r)) if best else None


def clean_title(title: str, r: HeadingRules) -> str:
    """The title without an agenda item's number before it ("Punkt 5: ") and its route ("ØU/KB - "), a
    letter's date, a photo's credit or the site's name glued to its end and words a PDF broke."""
    title = r.titles.item_number.sub("", title, count=1)
    title = r.titles.item_route.sub("", title)
    title = r.titles.trailing_date.sub("", title).strip()
    title = r.titles.headline_tail.sub("", title).strip()
    return r.titles.broken_word.sub("", title)


def header_lines(text: str, r: HeadingRules) -> list[tuple[int, str]]:
    """The header's non-empty lines with their offsets; a line ending in a preposition joined to the
    next ("Dagsorden til" over "møde i" over "Økonomiudvalget", as a PDF's copy breaks a header), a
    trail of links to the line below left out."""
    lines: list[tuple[int, str]] = []
    for a, line in text_lines(text, r.title_search_chars):
        if not line.strip():
            continue
        if lines and r.titles.line_goes_on.search(lines[-1][1]):
            lines[-1] = (lines[-1][0], f"{lines[-1][1].rstrip()} {strip_marks(line).strip()}")
        else:
            lines.append((a, strip_marks(line)))
    return [
        (a, line) for i, (a, line) in enumerate(lines) if i + 1 == len(lines) or not trails_to(line, lines[i + 1][1])
    ]


def body_of(text: str, r: HeadingRules) -> Optional[str]:
    """A political body's name as a minutes header writes it, without the meeting's day and
    hour after it, the election period beside it and a genitive's "s"; None if it names no body."""
    if text.rstrip().endswith(":"):
        return None  # a field's label ("Udvalg:"), its value left empty
    body = without_genitive(_name_part(text, r), r)
    if body[:1].islower() and r.titles.body_name.fullmatch(body):
        body = body[:1].upper() + body[1:]  # a body named by its common noun in running text ("referat fra byrådet")
    if not body or body[:1].islower() or r.titles.not_body_name.search(body):  # a sentence's words, no name
        return None
    words = len(body.split())
    longest = r.titles.fields_body_max_words if r.titles.fields_body.match(body) else r.titles.body_max_words
    return body if r.titles.body_name.search(body) and words <= longest else None


def without_genitive(name: str, r: HeadingRules) -> str:
    """A body's name without the genitive's "s" ("Økonomiudvalgets", "Beskæftigelsesråd's")."""
    genitive = r.titles.body_genitive.match(name)
    return genitive.group("name") if genitive else name


def kind_line_rest(rest: str, r: HeadingRules) -> str:
    """What a title line holds after its kind word, without the meeting's details a full stop parts
    from it ("Referat. Mødedato: 18. september Mødelokale: …" is "Referat")."""
    return r.titles.body_tail.sub("", rest).rstrip(" .") if rest.startswith(".") else rest


def _name_part(text: str, r: HeadingRules) -> str:
    """The part of a header line that may name a body: without the meeting's day and hour after
    it ("… møde den 1. oktober 2025"), the election period beside it, and marks at its ends."""
    return name_form(drop_period(r.titles.body_tail.sub("", text), r).strip(" \t-–•:.,"), r)


def name_form(line: str, r: HeadingRules) -> str:
    """A header line naming a body as the body's name is written: without the municipality named
    with it ("Tønder Kommune – Kommunalbestyrelsen"), in running text's letters when the header
    stands in capitals ("ØKONOMIUDVALGET" → "Økonomiudvalget")."""
    for place in r.titles.body_place:
        line = place.sub("", line, count=1)
    return line.capitalize() if line.isupper() else line


def committee_name(text: str, r: HeadingRules) -> Optional[str]:
    """A body's name that holds no word for a body ("Plan, teknik og miljø", a committee named
    for its field), read only where the layout says it names the body: before the kind word
    ("… - Referat") or the name of a web archive of meetings ("… - Dagsordener og referater").
    A name: a capital first, a few words, no number and no preposition."""
    name = _name_part(text, r)
    if not name[:1].isupper() or len(name.split()) > 6 or r.titles.not_body_alone.search(name.replace(",", "")):
        return None
    return name


def drop_period(name: str, r: HeadingRules) -> str:
    """A body's name without an election period beside it ("09-13 Udvalget for Børn", "Teknisk
    Udvalg (22-25)"): two years the later ``period_years`` after the first; other years stay."""

    def period(m: re.Match) -> str:
        span = (int(m.group("last")) - int(m.group("first"))) % 100
        return "" if span in r.titles.period_years else m.group(0)

    for pattern in r.titles.body_period:
        name = pattern.sub(period, name)
    return name


def labelled_body(lines: list[tuple[int, str]], r: HeadingRules) -> Optional[str]:
    """The body a meeting header names in a field ("Udvalg: Teknisk Udvalg"); a committee's field
    names it whatever its name holds ("Udvalg: Miljø Teknik og Plan", a committee named for its
    field; a note after it in parentheses dropped: "Udvalg: Udvikling af Midtbyen (§17, stk.4)")."""
    joined = "\n".join(line for _, line in lines)
    for pattern in r.titles.body_labels:
        for m in pattern.finditer(joined):
            body = body_of(m.group("body"), r)
            if body:
                return body
    for pattern in r.titles.committee_labels:
        for m in pattern.finditer(joined):
            name = re.sub(r"\s*\([^()\n]*\)\s*$", "", _name_part(m.group("body"), r))
            if name[:1].isupper() and len(name.split()) <= r.titles.body_max_words and not re.search(r"\d", name):
                return name
    return None


def before_fields(lines: list[tuple[int, str]], r: HeadingRules) -> list[tuple[int, str]]:
    """The header's lines: those before the first field of an agenda item ("Sagsfremstilling",
    "Bilag"); a kind word with a body's name below it names another meeting ("Referat fra
    mødet i Handicaprådet" among the item's attachments)."""
    for i, (_, line) in enumerate(lines):
        if role_of(line, r) is not None:
            return lines[:i]
    return lines


def item_list_line(line: str, r: HeadingRules) -> bool:
    """Is the line an item's line of a meeting's list ("12 Trafikplan 2025", "åbent 1 …")?"""
    return bool(r.titles.item_number.match(line) or r.titles.contents_line.match(line.strip()))


def meeting_line(line: str, r: HeadingRules) -> Optional[re.Match]:
    """The match of the first ``meeting_lines`` pattern when the line names a body's meeting
    without a kind word ("Byrådets møde den 1. oktober 2025", "Byrådet 22-11-2016"), else None."""
    return next((m for m in (p.match(line) for p in r.titles.meeting_lines) if m), None)


def meeting_line_body(text: str, r: HeadingRules) -> Optional[str]:
    """The body a header line names as holding the meeting, without a kind word ("Miljø, natur
    og klimas møde den 9. maj 2023"): the first such line before the first field."""
    lines = before_fields(header_lines(text, r), r)
    for _, line in lines:
        m = meeting_line(line, r)
        if m:
            body = drop_period(m.group("body"), r).strip(" \t-–•:")
            return body if body[:1].isupper() else None
    return None


def _kind_with_body(lines: list[tuple[int, str]], r: HeadingRules) -> Optional[tuple[int, str]]:
    """A minutes or agenda title written on one header line with the body's name
    ("Teknisk Udvalg - Referat") or on the body's line and the next ("Teknisk Udvalg" over
    "Referat • 1. oktober 2025"): the first such line near the top, as "Referat Teknisk Udvalg"."""
    joined = "\n".join(line for _, line in lines)
    starts = [0]
    for _, line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found = []
    for pattern in r.titles.kind_lines:
        for m in pattern.finditer(joined):
            body = body_of(m.group("body"), r)
            if body is None and m.start("body") == m.start():  # the name first, the kind word after it
                body = committee_name(m.group("body"), r)
            if body:
                found.append((m.start(), m.group("kind").capitalize(), body))
                break
    if not found:
        return None
    pos, kind, body = min(found)
    index = max(i for i, s in enumerate(starts[:-1]) if s <= pos)
    return lines[index][0], f"{kind} {body}"


def _after_kind_word(text: str, r: HeadingRules) -> Optional[tuple[int, str]]:
    """The title after a line naming only the kind of document, near the top; for minutes
    and agendas the kind word and the body's name (on the next line, or in a field of the
    meeting header), wherever they stand together first."""
    lines = header_lines(text, r)
    together = _kind_with_body(header := before_fields(lines, r), r)  # the kind word under a field: "Orientering"
    for i, (a, line) in enumerate(lines):
        if together and together[0] <= a:
            return together
        dated = r.titles.kind_with_day.match(line)
        line = dated.group("kind").capitalize() if dated else line
        if not r.titles.kind_word.fullmatch(line) or i + 1 >= len(lines):
            continue
        start, nxt = lines[i + 1]
        if together and together[0] == start:
            return together  # the kind word alone over the line naming it with the body ("Referat - Teknisk Udvalg")
        if r.titles.with_body.fullmatch(line):
            body = labelled_body(lines[i + 1 : i + 2], r) or body_of(nxt, r) or labelled_body(lines, r)
            return a, f"{line} {clean_title(body, r)}" if body else line
        title = title_candidate(nxt, r) if i < len(header) else None  # under an item's field: a sub-heading
        if title and not r.titles.never_title.search(title):
            return start, clean_title(title, r)
    return together


def named_kind(title: Optional[str], r: HeadingRules) -> Optional[str]:
    """A minutes title under the kind word the labelling guide names it by ("Beslutningsprotokol
    Erhvervsudvalget" → "Referat Erhvervsudvalget", ``kind_names``)."""
    first, _, rest = (title or "").partition(" ")
    named = r.titles.kind_names.get(first.casefold())
    return f"{named} {rest}" if named and rest else title
