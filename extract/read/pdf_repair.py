"""A damaged PDF made readable as far as it goes: the file's cross-reference table rebuilt
from the objects it still holds.

A PDF cut short (a broken download, a full disk) loses its end: the cross-reference table
and the trailer that say where each object lies and which object is the document's root.
Its first objects — the catalogue, the page tree, the first pages and their contents — are
usually whole (producers write them first). Following the PDF specification (ISO 32000,
7.5.4–7.5.5), this module keeps the file up to its last complete object and appends a new
cross-reference table (each ``N G obj`` found and its offset) and a trailer naming the
catalogue; PDFium then opens it like any other PDF, and the pages whose objects were lost
fail to load one by one, as pages. Bytes in, bytes out: no reader's internals involved.
"""

from __future__ import annotations

import re
from typing import Optional

_OBJECT = re.compile(rb"(?<![0-9])(\d{1,7})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b")
_END = b"endobj"
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")


def rebuilt(data: bytes) -> Optional[bytes]:
    """The file's complete objects with a new cross-reference table and trailer, or None
    when nothing of a PDF's structure is left (no complete object, no catalogue)."""
    last = data.rfind(_END)
    if not data.startswith(b"%PDF") or last < 0:
        return None
    body = data[: last + len(_END)] + b"\n"
    offsets: dict[int, tuple[int, int]] = {}
    root: Optional[tuple[int, int]] = None
    for m in _OBJECT.finditer(body):
        number, generation = int(m.group(1)), int(m.group(2))
        offsets[number] = (m.start(), generation)  # a later copy of an object replaces an earlier one
        end = body.find(_END, m.end())
        if root is None and end > 0 and _CATALOG.search(body, m.end(), end):
            root = (number, generation)
    if root is None or not offsets:
        return None
    size = max(offsets) + 1
    rows = [b"xref\n0 %d\n" % size, b"0000000000 65535 f \n"]
    for number in range(1, size):
        offset, generation = offsets.get(number, (0, 65535))
        rows.append(b"%010d %05d %s \n" % (offset, generation, b"n" if number in offsets else b"f"))
    trailer = b"trailer\n<< /Size %d /Root %d %d R >>\nstartxref\n%d\n%%%%EOF\n" % (size, *root, len(body))
    return body + b"".join(rows) + trailer
