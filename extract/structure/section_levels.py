"""The levels of a document's heading candidates, one way for each layout.

Candidates come from ``extract.structure.headings``; ``extract.structure.sections`` builds
the tree from the levels decided here:

* markdown (the budget-note layout, where ``##``/``###``/bold are used
  inconsistently): a non-role heading no deeper than the current top heading
  starts a new top section; a deeper non-role heading directly after it (only
  depth-less role lines such as "Aftalegrundlag:" between), or at the markdown
  depth of the last role heading, is a sub-initiative (level 2); a heading deeper
  than the last role heading is a child of that role section; role headings
  attach to the current sub-initiative or top section. Bold-only lines take the
  depth of the last role heading (else one below the top heading);
* plain text: numbered headings nest by numbering scheme ("3." → "3.1."; a new
  scheme such as "1:" or "A." nests one below the current numbered heading);
  unnumbered headings sit one below the current numbered heading, a label over its list
  ("Borgere:") one below the unnumbered heading before it, unless a heading written as a
  label ("Målgruppe:") stood among those headings (the page's labels are their siblings);
  a web page's folded sections ("• Målgruppe") one below the heading directly over them, and
  every heading after the buttons that open or close the folds ("Luk alle") one below the
  heading over those buttons;
* tables: a row's level is the number of parts of its number (1 → 1, 1.1 → 2);
* Word and HTML (markdown made by their readers, ``#`` depth from heading styles and
  h1–h6): a heading nests under every open heading of smaller depth;
* PDF layout (markdown made by the PDF reader, ``#`` depth from type size): a
  heading nests under every open heading in larger type; at equal type size it
  nests only under a heading whose numbering it extends ("3." → "3.1.", "2." →
  "A."), under a heading that opens a part ("DEL 2 …", until the next part or
  "Bilag 1"), and an unnumbered standard sub-heading ("Målgruppe") under a
  non-standard one.
"""

from __future__ import annotations

from extract.structure.agenda_lines import meeting_part
from extract.structure.headings import Candidate, HeadingRules, line_at, never_heading


def markdown_levels(cands: list[Candidate]) -> list[int]:
    levels: list[int] = []
    top = sub = last_role = None  # markdown depths
    role_level = 1
    for c in cands:
        if c.standard:
            level = 1 if top is None else (3 if sub is not None else 2)
            if c.depth is not None:
                last_role, role_level = c.depth, level
        else:
            depth = c.depth if c.depth is not None else (last_role or (top or 0) + 1)
            if top is None or depth <= top:
                level, top, sub, last_role = 1, depth, None, None
            elif last_role is not None and depth > last_role and (sub is None or depth > sub):
                level = role_level + 1
            else:
                level, sub, last_role = 2, depth, None
        levels.append(level)
    return levels


def plain_levels(cands: list[Candidate], text: str, r: HeadingRules) -> list[int]:
    levels: list[int] = []
    stack: list[str] = []
    current = 0
    # after an unnumbered heading, no label: a label (no part of a meeting's record) sits below
    # it, the heading introduces its labelled lists; unless a heading written as a label (its
    # line ends with a colon: "Målgruppe:" over its list) already stood among the unnumbered
    # headings: the page's labels are their siblings
    under = labels_beside = False
    folds: tuple[int, bool] | None = None  # level of a heading over folded sections, and does it hold any heading?
    for n, c in enumerate(cands):
        if c.style is None and folds and (folds[1] or c.kind == "folded"):
            levels.append(folds[0] + 1)  # a folded section of the heading over them
            continue
        folds = None
        if c.style is None:
            below = c.kind == "label" and under and not labels_beside and not meeting_part(c.heading, r.agenda)
            levels.append(current + 1 + below)
            if c.kind not in ("label", "folded") and n + 1 < len(cands):
                folds = _over_folds(c, cands[n + 1], text, r, levels[-1])
            if c.kind != "label":
                under = True
                labels_beside = labels_beside or line_at(text, c.start).rstrip(" \t*_").endswith(":")
            continue
        under = False
        if c.style not in stack:
            outer = f"dot{int(c.style[3:]) - 1}" if c.style.startswith("dot") else None
            if outer in stack:
                del stack[stack.index(outer) + 1 :]
            stack.append(c.style)
        del stack[stack.index(c.style) + 1 :]
        current = len(stack)
        levels.append(current)
    return levels


def _over_folds(c: Candidate, nxt: Candidate, text: str, r: HeadingRules, level: int) -> tuple[int, bool] | None:
    """A web page's heading directly over its folded sections: (its level, whether it holds every
    heading after it) when nothing stands between it and the next heading but the page's buttons
    that open or close the folds ("Luk alle", "Åbn alle": every heading after them is a fold),
    or when the next heading is a bulleted fold ("• Målgruppe" over its text); else None."""
    between = [line for line in text[c.body_start : nxt.start].split("\n") if line.strip()]
    controls = bool(between) and all(never_heading(line, r) in r.fold_not_headings for line in between)
    if controls or (not between and nxt.kind == "folded"):
        return level, controls
    return None


_BODY_DEPTH = 99  # heading words in running text ("Målgruppe: …") sit below every typed heading


def _nests_under(outer: Candidate, inner: Candidate, r: HeadingRules) -> bool:
    """Is ``outer`` an ancestor of ``inner`` in a PDF's layout (see the module docstring)?"""
    od = outer.depth if outer.depth is not None else _BODY_DEPTH
    idp = inner.depth if inner.depth is not None else _BODY_DEPTH
    if od != idp:
        return od < idp
    part = r.parts.pattern
    if part.search(outer.heading) or part.search(inner.heading):
        return part.search(inner.heading) is None  # a part holds the headings in its type up to the next part
    if inner.standard and inner.number is None:
        return not outer.standard
    if outer.style and inner.style and outer.style != inner.style:
        both_dots = outer.style.startswith("dot") and inner.style.startswith("dot")
        return not both_dots or int(inner.style[3:]) > int(outer.style[3:])
    return False


# Readers whose heading depths come from the document's own markup (Word's heading styles,
# HTML's h1–h6): a heading nests under every open heading of smaller depth.
STYLED_ORIGINS = ("docx", "html")


def depth_levels(cands: list[Candidate]) -> list[int]:
    levels: list[int] = []
    open_: list[int] = []  # depths of the open headings
    for c in cands:
        depth = c.depth if c.depth is not None else (open_[-1] + 1 if open_ else 1)
        while open_ and open_[-1] >= depth:
            open_.pop()
        open_.append(depth)
        levels.append(len(open_))
    return levels


def layout_levels(cands: list[Candidate], r: HeadingRules) -> list[int]:
    levels: list[int] = []
    open_: list[Candidate] = []
    for c in cands:
        while open_ and not _nests_under(open_[-1], c, r):
            open_.pop()
        open_.append(c)
        levels.append(len(open_))
    return levels
