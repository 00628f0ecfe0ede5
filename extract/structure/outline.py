"""Questions asked of a document's built sections: which section holds an offset, which
initiative holds a section, which roles lie above an offset (the tree is built by
``extract.structure.sections``)."""

from __future__ import annotations

import bisect
from typing import Callable, Optional

from extract.records import INITIATIVE, Section


def section_at(sections: list[Section], offset: int) -> Optional[int]:
    """Position of the section whose text holds ``offset`` (None before the first heading)."""
    i = bisect.bisect_right([s.char_start for s in sections], offset) - 1
    return sections[i].position if i >= 0 and offset < sections[i].char_end else None


def outermost_initiatives(sections: list[Section]) -> dict[int, int]:
    """For each section position, the outermost initiative that holds it (or is it)."""
    by_position = {s.position: s for s in sections}
    out: dict[int, int] = {}
    for s in sections:
        found, node = None, s
        while node is not None:
            if node.role == INITIATIVE:
                found = node.position
            node = by_position.get(node.parent_position) if node.parent_position is not None else None
        if found is not None:
            out[s.position] = found
    return out


def roles_at(sections: list[Section]) -> Callable[[int], set[str]]:
    """The roles of the section that holds an offset and of the sections above it."""
    by_position = {s.position: s for s in sections}
    ordered = sorted(sections, key=lambda s: s.char_start)
    starts = [s.char_start for s in ordered]

    def roles(offset: int) -> set[str]:
        i = bisect.bisect_right(starts, offset) - 1
        sec = ordered[i] if i >= 0 and offset < ordered[i].char_end else None
        out = set()
        while sec is not None:
            out.add(sec.role)
            sec = by_position.get(sec.parent_position) if sec.parent_position is not None else None
        return out

    return roles
