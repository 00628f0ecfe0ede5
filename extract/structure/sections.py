"""The heading tree: sections in text order with levels, parents, roles and offsets.

Candidates come from ``extract.structure.headings``; their levels, one way for each layout
(markdown, plain text, tables, Word and HTML, PDF layout), from
``extract.structure.section_levels``.

A section's own text runs from the end of its heading line to the next heading
of any level, so sections never overlap. The title is not a section.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Optional

from extract.records import INITIATIVE, OTHER, PREAMBLE, Section, SourceText
from extract.structure.agenda import agenda_layout, blocks
from extract.structure.agenda_lines import field_of
from extract.structure.contents import contents_entries
from extract.structure.folded import folded_heading
from extract.structure.headings import (
    Candidate,
    HeadingRules,
    LineHeading,
    heading_starts,
    heading_word_rule,
    indent,
    list_label_line,
    markdown_line,
    never_heading,
    next_line_start,
    over_text,
    plain_line,
    question,
    role_of,
    run_in_line,
    starts_lowercase,
)
from extract.structure.run_in_fields import decided_items, run_in_fields, run_in_items
from extract.structure.section_levels import STYLED_ORIGINS, depth_levels, layout_levels, markdown_levels, plain_levels
from extract.structure.titles import find_title, text_lines

_MIN_LIST_RUN = 3  # this many short lines in a row, without text between, are a list


# --- candidates per layout ----------------------------------------------------------


def _candidate(start: int, body_start: int, found: LineHeading, r: HeadingRules) -> Candidate:
    field = field_of(found.heading, r.agenda)
    role_rule = role_of(found.heading, r)
    role = field.role if field else role_rule.role if role_rule else OTHER
    return Candidate(
        start,
        body_start,
        found.heading,
        found.number,
        found.style,
        found.depth,
        found.kind,
        role,
        found.rule,
        role_rule is not None or field is not None,
    )


def markdown_candidates(text: str, title_at: Optional[int], r: HeadingRules) -> list[Candidate]:
    out = []
    for start, line in text_lines(text):
        if title_at is not None and start <= title_at:
            continue  # the title and what stands above it (sender, addressee, date) are no headings
        found = markdown_line(line, r)
        if found is None or never_heading(found.heading, r) in r.marked_not_headings:
            continue
        body = start + found.label_end if found.label_end else next_line_start(text, start)
        out.append(_candidate(start, body, found, r))
    return out


def plain_candidates(
    text: str, title_at: Optional[int], r: HeadingRules, paras: Optional[list[tuple[int, int]]] = None
) -> list[Candidate]:
    out: list[Candidate] = []
    paras = blocks(text) if paras is None else paras
    after_unnumbered = False
    fold = None  # the indentation of the last folded section's bullet: lines indented deeper are its text
    for i, (a, b) in enumerate(paras):
        lines = text[a:b].split("\n")
        following = text[paras[i + 1][0] : paras[i + 1][1]].split("\n")[0] if i + 1 < len(paras) else ""
        found = None
        fold = fold if fold is not None and indent(lines[0]) > fold else None
        folds = _folded(text, a, lines, following, title_at, r)
        out += [c for c in folds if c.start > a]
        fold = indent(text[folds[-1].start : folds[-1].body_start]) if folds else fold
        if folds and folds[0].start == a:
            found = folds[0]
        elif title_at is None or a > title_at:
            found = _paragraph_heading(lines, following, after_unnumbered, r)
            if fold is not None and (found is None or found.kind != "short_line" or ":" in found.heading):
                found = None  # in a folded section's text only a short line over running text heads a part
        if isinstance(found, Candidate):
            out.append(found)
        elif found is not None:
            out.append(_candidate(a, next_line_start(text, a), found, r))
        if not folds and (title_at is None or a >= title_at):
            out += [_candidate(a + o, next_line_start(text, a + o), h, r) for o, h in _teasers(lines, r)]
        asked = _question_under(lines, r) if not folds else None
        if asked is not None:
            out.append(_candidate(a + len(lines[0]) + 1, a + len(lines[0]) + len(lines[1]) + 2, asked, r))
        after_unnumbered = found is not None and found.number is None and found.kind != "word"
    kept = _house_style(_drop_lists(out, text, paras, r), r)
    starts = heading_starts(text, kept, r)
    return [c for c in kept if over_text(text, c, starts, r)]  # a short line over a short line is none


def _teasers(lines: list[str], r: HeadingRules) -> list[tuple[int, LineHeading]]:
    """(offset, heading) of the headlines after the first of a paragraph of headlines, each over its
    teaser sentence, no blank line between ("Forsvaret rykker ind på …" over "En ny studielinje …"
    over "Investor vil bygge …" over "3-5 boksbutikker …", a list of press releases, under the list's
    own heading or not): every pair a headline over a line of running text that ends a sentence; else none."""
    first = len(lines) % 2  # a line over the pairs: the page's title or heading
    if len(lines) - first < 4:
        return []
    pairs = [(lines[i], lines[i + 1]) for i in range(first, len(lines), 2)]
    if not all(body.rstrip().endswith((".", "!", "?")) for _, body in pairs):
        return []
    found = [run_in_line(head, body, r) for head, body in pairs]
    if any(f is None for f in found):
        return []
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))  # each line's offset in the paragraph
    return list(zip(starts[first::2], found))[1 - first :]  # the first pair's headline is the paragraph's own


def _question_under(lines: list[str], r: HeadingRules) -> Optional[LineHeading]:
    """A short question with its question word on a paragraph's second line, under a short line
    (a page's title or heading) and over its answer, no blank line between them ("Bosætningspuljen"
    over "Hvad er bosætningspuljen?" over "Bosætningspuljen har til formål …", a pool's page)."""
    if len(lines) < 3 or not r.list_label_asks.match(lines[1].strip()) or plain_line(lines[0], r) is None:
        return None
    return run_in_line(lines[1], lines[2], r)


def _folded(text: str, a: int, lines: list[str], following: str, title_at: Optional[int], r) -> list[Candidate]:
    """The folded sections of a web page among a paragraph's lines ("• Hvem kan søge?" over its answer)."""
    out, start = [], a
    for j, line in enumerate(lines):
        found = folded_heading(line, lines[j + 1] if j + 1 < len(lines) else following, r)
        if found and (title_at is None or start > title_at):
            out.append(_candidate(start, next_line_start(text, start), found, r))
        start += len(line) + 1
    return out


def _house_style(cands: list[Candidate], r: HeadingRules) -> list[Candidate]:
    """Unnumbered lines ending with a full stop (not an abbreviation's: "2 pct.") are headings
    only in a document whose numbered headings also end with one ("1: Proces."); elsewhere
    they are sentences."""
    if any(c.number and c.heading.endswith(".") for c in cands):
        return cands
    abbreviated = r.agenda.abbreviation_end
    return [c for c in cands if c.kind != "short_line" or not c.heading.endswith(".") or abbreviated.search(c.heading)]


def _paragraph_heading(
    lines: list[str], following: str, after_unnumbered: bool, r: HeadingRules
) -> Optional[LineHeading]:
    if len(lines) > 1:
        return run_in_line(lines[0], lines[1], r)
    found = plain_line(lines[0], r)
    if found is None:
        return list_label_line(lines[0], following, r)  # "Kommunalpolitikere:" over "• Anne Holm"
    if found.kind == "word":
        return found
    if starts_lowercase(following) and not lines[0].rstrip().endswith("?"):
        return None  # a lead-in or a paragraph broken across a page (a question heads its list's lower-case items)
    if found.kind == "short_line" and after_unnumbered and lines[0].rstrip().endswith("."):
        return None  # the first line of a project's text, right after its title
    return found


def _drop_lists(cands: list[Candidate], text: str, paras: list[tuple[int, int]], r: HeadingRules) -> list[Candidate]:
    """Runs of short unnumbered lines, or of lines numbered in one scheme ("1.", "2.", "3."
    or "A.", "B.", "C."), with nothing between them are a list, not headings; the last short
    line of such a run over a long paragraph of running text, and any over its body without a
    blank line between, is that text's heading. A
    question ("Hvem kan søge") heads the line after it, its answer, however short: it ends a
    run (the lines before it a list when they make one with it), and its answer is no heading (a
    pool's facts, a question over each answer)."""
    index = {a: i for i, (a, _) in enumerate(paras)}

    def kind(c: Optional[Candidate]) -> Optional[str]:
        if c is None:
            return None
        if c.kind == "short_line":
            return c.kind
        return f"numbered {c.style}" if c.kind == "numbered" and c.style else None

    def kept(run: list[Candidate]) -> list[Candidate]:
        if len(run) < _MIN_LIST_RUN:
            return run
        last = len(run) - 1 if _over_paragraph(run[-1], text, paras, index, r) else -1
        return [c for i, c in enumerate(run) if i == last or c.body_start < paras[index[c.start]][1]]

    keep, run = [], []
    answer = -1  # the paragraph of the last question's answer
    for c in cands + [None]:
        asked = c is not None and index.get(c.start) == answer  # the answer to the question above
        if asked or c is not None and c.kind == "short_line" and question(c.heading, r):
            adjacent = bool(run) and index.get(c.start) == index.get(run[-1].start, -2) + 1
            keep += [] if adjacent and len(run) + 1 >= _MIN_LIST_RUN else kept(run)  # a list that ends in it
            keep += [] if asked else [c]
            i = index.get(c.start, -2)
            run_in = i >= 0 and c.body_start < paras[i][1]  # "Hvornår?" over its answer, no blank line between
            run, answer = [], -1 if asked else i + (0 if run_in else 1)
            continue
        k = kind(c)
        joined = run and k == kind(run[-1]) and index.get(c.start) == index.get(run[-1].start, -2) + 1
        if k is not None and (not run or joined):
            run.append(c)
            continue
        keep += kept(run)
        run = [c] if k is not None else []
        if c is not None and k is None:
            keep.append(c)
    keep += kept(run)
    return sorted(keep, key=lambda c: c.start)


def _over_paragraph(c: Candidate, text: str, paras: list[tuple[int, int]], index: dict, r: HeadingRules) -> bool:
    """A short line (no full stop, comma or inner colon) over a paragraph of running text."""
    i = index.get(c.start)
    if c.kind != "short_line" or i is None or i + 1 >= len(paras):
        return False
    line = c.heading.rstrip(": ")
    if line.endswith((".", ",")) or ":" in line:
        return False
    a, b = paras[i + 1]
    return len(text[a:b].split()) >= r.list_end_body_words


def table_candidates(text: str, r: HeadingRules) -> list[Candidate]:
    out = []
    pattern = r.detectors["table_row"].pattern
    for start, line in text_lines(text):
        m = pattern.match(line)
        if m and "\t" in line:
            number = m.group("number")
            out.append(
                Candidate(
                    start,
                    start + m.end("heading"),
                    m.group("heading").strip(),
                    number,
                    f"dot{number.count('.') + 1}",
                    None,
                    "table_row",
                    r.table_row_role,
                    "table_row",
                )
            )
    return out


# --- sections -----------------------------------------------------------------------


def find_sections(src: SourceText, r: HeadingRules) -> list[Section]:
    """The document's sections in text order (the title is not one)."""
    title = find_title(src, r)
    title_at = title[0] if title else None
    agenda = None
    if src.format != "markdown":
        plain = lambda paras: plain_candidates(src.text, title_at, r, paras)  # noqa: E731
        agenda = agenda_layout(src.text, blocks(src.text), title_at, plain, r)
    if agenda:
        cands, levels = agenda
    elif src.format == "table":
        cands = table_candidates(src.text, r)
        levels = [c.number.count(".") + 1 for c in cands]
    elif src.format == "markdown":
        cands = markdown_candidates(src.text, title_at, r)
        if src.origin == "pdf":
            levels = layout_levels(cands, r)
        elif src.origin in STYLED_ORIGINS:
            levels = depth_levels(cands)
        else:
            levels = markdown_levels(cands)
    else:
        cands = plain_candidates(src.text, title_at, r)
        levels = plain_levels(cands, src.text, r)
    # a table of contents' lines name headings; none themselves
    cands, levels = _without(cands, levels, contents_entries(src.text, r))
    cands, levels = _with_run_in_fields(src.text, cands, levels, r)
    last = cands[-1] if cands else None
    # a line the text ends on heads nothing (a cut-off excerpt); a numbered item may be cut, a field stays
    cut = last and not src.text[last.body_start :].strip() and not (last.number and last.role == r.agenda.item_role)
    if cut and not last.standard and last.kind not in ("field", "markdown", "word"):  # a marked heading stays
        cands, levels = cands[:-1], levels[:-1]
    sections = _build(src.text, cands, levels)
    _mark_initiatives(sections, cands, src.format, r)
    return with_preamble(src.text, sections)


def _without(cands: list[Candidate], levels: list[int], starts) -> tuple[list[Candidate], list[int]]:
    """The candidates and their levels but those starting at one of ``starts``."""
    kept = [(c, level) for c, level in zip(cands, levels) if c.start not in starts]
    return [c for c, _ in kept], [level for _, level in kept]


def _with_run_in_fields(
    text: str, cands: list[Candidate], levels: list[int], r: HeadingRules
) -> tuple[list[Candidate], list[int]]:
    """The candidates with the fields named inside run-on lines (``run_in_fields``): each one level
    below an item before it, beside a field before it, else at the top; and the items of a page of
    minutes over their decisions' lines (``decided_items``), in the place of a line's other reading."""
    decided = decided_items(text, r)  # in the place of the item's line and its decision's line read otherwise
    cands, levels = _without(cands, levels, {x for d in decided for x in (d.start, d.body_start)})
    taken = {c.start for c in cands}
    fields = run_in_fields(text, r)
    extra = [c for c in fields + run_in_items(text, fields, r) + decided if c.start not in taken]
    if not extra:
        return cands, levels
    given = dict(zip((c.start for c in cands), levels))
    out, out_levels = sorted(cands + extra, key=lambda c: c.start), []
    for i, c in enumerate(out):
        before, level = (out[i - 1], out_levels[-1]) if i else (None, 0)
        if c.start in given:
            out_levels.append(given[c.start])
        elif c.role == r.agenda.item_role:
            out_levels.append(1)
        elif before is not None and before.role == r.agenda.item_role:
            out_levels.append(level + 1)
        else:
            out_levels.append(level if before is not None and before.kind == "field" else 1)
    return out, out_levels


def with_preamble(text: str, sections: list[Section]) -> list[Section]:
    """The sections with the text before the first heading (title, date, case number) as a
    section of its own without a heading, so every character lies in exactly one section."""
    first = sections[0].char_start if sections else len(text)
    if first == 0:
        return sections
    for s in sections:
        s.position += 1
        s.parent_position = None if s.parent_position is None else s.parent_position + 1
    body = text[:first]
    lead = len(body) - len(body.lstrip())
    preamble = Section(0, 1, "", PREAMBLE, None, 0, first, body.strip(), lead, None, rule="preamble")
    return [preamble, *sections]


def _build(text: str, cands: list[Candidate], levels: list[int]) -> list[Section]:
    sections: list[Section] = []
    open_at: dict[int, int] = {}
    for i, (c, want) in enumerate(zip(cands, levels)):
        level = want
        while level > 1 and level - 1 not in open_at:
            level -= 1
        open_at = {k: v for k, v in open_at.items() if k < level}
        open_at[level] = i
        end = cands[i + 1].start if i + 1 < len(cands) else len(text)
        body_start = min(c.body_start, end)
        sections.append(
            Section(
                position=i,
                level=level,
                heading=c.heading,
                role=c.role,
                number=c.number,
                char_start=c.start,
                char_end=end,
                body=text[body_start:end].strip(),
                body_start=body_start,
                parent_position=open_at.get(level - 1),
                rule=c.rule,
            )
        )
    return sections


def _mark_initiatives(sections: list[Section], cands: list[Candidate], fmt: str, r: HeadingRules) -> None:
    """Markdown top and sub headings with standard sub-headings, plain-text project titles
    under a numbered heading about efforts or projects, and plain-text headings that name a pool
    or grant scheme are initiatives."""
    if fmt == "table":
        return
    with_roles = {s.parent_position for s in sections if s.role in r.evidence_roles}
    for s, c in zip(sections, cands):
        if s.role != OTHER or c.kind == "word" or c.standard or heading_word_rule(c.heading, r):
            continue  # a heading word ("Status ultimo 2007."), however it is typed, names no initiative
        parent = sections[s.parent_position] if s.parent_position is not None else None
        if fmt == "markdown" and c.kind in {"markdown", "bold"} and s.level <= 2:
            if s.position in with_roles or (parent is not None and parent.position in with_roles and parent.level == 1):
                s.role = INITIATIVE
        elif c.number is None and parent is not None and parent.number:
            if r.initiative_parent.search(parent.heading):
                s.role = INITIATIVE
        if s.role == OTHER and r.initiative_name.search(s.heading):
            s.role = INITIATIVE  # a heading that names a pool, however the document is laid out
