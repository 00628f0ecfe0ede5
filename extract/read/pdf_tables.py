"""Ruled tables of PDF pages, and the pages PDFium's reading cannot use: pdfplumber's part.

pdfplumber parses a page in Python (every character a dict), some 20 times slower than
PDFium, so it is opened only for the pages where it adds something: a ruled table (its
table finder follows the ruling lines and gives each cell's text) or a page whose text
PDFium's reading cannot lay out (:mod:`extract.read.pdf_chars` says why).

Which pages hold a ruled table is decided from PDFium's page objects, without parsing the
text: the straight rules of the page (stroked lines and boxes, and the thin filled
rectangles word processors draw borders with) are gathered into horizontal and vertical
rules, and the page is a table page when they cross so as to close two cells side by
side or one above the other. An underline, a rule under the letterhead, a box around a
paragraph (one cell), a logo (curves, or short strokes that close no cell of text size)
or a shaded area (a filled rectangle) is no table.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Optional, Sequence, Union

import pypdfium2.raw as raw

from extract.read.normalise import normalise
from extract.records import Line

THIN = 2.0  # points: a filled rectangle this thin is a rule
MIN_RULE = 3.0  # points: shorter strokes are no rule (pdfplumber's shortest table edge)
SNAP = 3.0  # points within which rules are one rule, and meet (pdfplumber's snap tolerance)
MIN_CELL = 5.0  # points: a cell at least this wide and high can hold text
AXIS_SLACK = 0.5  # points a rule may slant and still be horizontal or vertical
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class Rule:
    """A horizontal rule (``at`` its y, from ``start`` to ``end`` in x) or a vertical one."""

    at: float
    start: float
    end: float


def _times(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies ``m``, then ``n`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _matrix(obj) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _bounds(obj, m: Matrix) -> tuple[float, float, float, float]:
    """The object's box (left, bottom, right, top) on the page; ``m`` takes its parent's
    space (a form's) to the page's."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    corners = [(x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs = [m[0] * x + m[2] * y + m[4] for x, y in corners]
    ys = [m[1] * x + m[3] * y + m[5] for x, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _stroked_segments(obj, m: Matrix) -> list[tuple[float, float, float, float]]:
    """The straight segments of a stroked path on the page (curves are left out)."""
    m = _times(_matrix(obj), m)
    out = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start = last = None
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            out.append((*last, *point))
        last = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and last != start:
            out.append((*last, *start))
            last = start
    return out


def _add_segment(x0: float, y0: float, x1: float, y1: float, across: list[Rule], down: list[Rule]) -> None:
    if abs(y1 - y0) <= AXIS_SLACK and abs(x1 - x0) >= MIN_RULE:
        across.append(Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= AXIS_SLACK and abs(y1 - y0) >= MIN_RULE:
        down.append(Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _gather(parent, count: int, get, m: Matrix, across: list[Rule], down: list[Rule]) -> None:
    """The rules among ``count`` objects (``get(parent, i)``), forms followed into."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for i in range(count):
        obj = get(parent, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            _gather(
                obj, raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject, _times(_matrix(obj), m), across, down
            )
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = _bounds(obj, m)
            if max(right - left, top - bottom) < MIN_RULE:  # a dot, a speck of a drawing
                continue
            if min(right - left, top - bottom) <= THIN:  # a line, or a thin bar: one rule
                x_mid, y_mid = (left + right) / 2, (bottom + top) / 2
                if right - left >= top - bottom:
                    _add_segment(left, y_mid, right, y_mid, across, down)
                else:
                    _add_segment(x_mid, bottom, x_mid, top, across, down)
                continue
            raw.FPDFPath_GetDrawMode(obj, fill, stroke)
            if stroke.value:  # a box or a polyline; a filled area is shading, no rule
                for segment in _stroked_segments(obj, m):
                    _add_segment(*segment, across, down)


def _merged(rules: list[Rule]) -> list[Rule]:
    """Rules within SNAP of one line that touch or overlap are one rule."""
    out: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (r.at, r.start)):
        same_line = [r for r in out[-8:] if abs(r.at - rule.at) <= SNAP and rule.start <= r.end + SNAP]
        if same_line:
            joined = same_line[-1]
            joined.end = max(joined.end, rule.end)
        else:
            out.append(Rule(rule.at, rule.start, rule.end))
    return out


def closed_cells(across: list[Rule], down: list[Rule]) -> list[tuple[int, int, int, int]]:
    """The cells the rules close, as indexes of (lower, left, upper, right) rule in the
    merged rules sorted by place (PDF space: y grows upwards): a corner where two rules
    cross, the next crossing along each of them at least MIN_CELL away, and the fourth."""
    across = sorted(_merged(across), key=lambda r: r.at)
    down = sorted(_merged(down), key=lambda r: r.at)
    crossings = {
        (h, v)
        for h, a in enumerate(across)
        for v, d in enumerate(down)
        if d.start - SNAP <= a.at <= d.end + SNAP and a.start - SNAP <= d.at <= a.end + SNAP
    }
    cells = []
    for h, v in sorted(crossings):
        right = next(
            (w for w in range(v + 1, len(down)) if (h, w) in crossings and down[w].at - down[v].at >= MIN_CELL), None
        )
        below = next(
            (k for k in range(h + 1, len(across)) if (k, v) in crossings and across[k].at - across[h].at >= MIN_CELL),
            None,
        )
        if right is not None and below is not None and (below, right) in crossings:
            cells.append((h, v, below, right))
    return cells


def holds_ruled_table(page_raw) -> bool:
    """The page's rules close two cells side by side or one above the other: a table
    (see the module's docstring); a lone box is none, nor are two apart."""
    across: list[Rule] = []
    down: list[Rule] = []
    _gather(page_raw, raw.FPDFPage_CountObjects(page_raw), raw.FPDFPage_GetObject, _IDENTITY, across, down)
    if len(across) < 2 or len(down) < 2:
        return False
    cells = closed_cells(across, down)
    left_sides = {(lower, left, upper) for lower, left, upper, _ in cells}
    lower_sides = {(lower, left, right) for lower, left, _, right in cells}
    return any(
        (lower, right, upper) in left_sides or (upper, left, right) in lower_sides
        for lower, left, upper, right in cells
    )


def page_without_images(doc, index: int) -> Optional[bytes]:
    """A one-page PDF of the page's text and drawings, its images left out (PDFium writes
    the copy), for pdfplumber's table finder, which parses every object of a page in
    Python: a page of thousands of small images (seen in a municipal system's export) took
    0.64 s where its copy takes 0.09 s, with the same tables. None when the page holds no
    image or the copy cannot be made."""
    import pypdfium2 as pdfium

    copy = pdfium.PdfDocument.new()
    try:
        copy.import_pages(doc, [index])
        page = copy[0]
        try:
            images = [
                obj
                for obj in (raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw)))
                if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_IMAGE
            ]
            if not images:
                return None
            for obj in images:
                raw.FPDFPage_RemoveObject(page.raw, obj)
                raw.FPDFPageObj_Destroy(obj)
            if not raw.FPDFPage_GenerateContent(page.raw):
                return None
        finally:
            page.close()
        out = io.BytesIO()
        copy.save(out)
        return out.getvalue()
    except pdfium.PdfiumError:
        return None
    finally:
        copy.close()


class PlumberPages:
    """The PDF opened with pdfplumber when a page first needs it, closed with ``close``."""

    def __init__(self, source: Union[Path, bytes]):
        self.source = source
        self._pdf = None

    def page(self, index: int):
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(io.BytesIO(self.source) if isinstance(self.source, bytes) else self.source)
        return self._pdf.pages[index]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def _frame(page) -> tuple[float, float, float]:
    """Where the page's crop box starts in pdfplumber's measures (from the media box), and
    its height: PDFium measures from the crop box, and so do the ``Line`` records."""
    x0, top, _, bottom = page.cropbox
    return float(x0), float(top), float(bottom - top)


def table_lines(page, number: int) -> list[Line]:
    """The ruled tables pdfplumber finds on the page, each as a ``Line`` standing in for
    its rows; a table without any text (a drawing's grid) is left out."""
    dx, dy, height = _frame(page)
    out = []
    for table in page.find_tables():
        rows = [[normalise(c or "").replace("\n", " ").strip() for c in row] for row in table.extract()]
        if any(cell for row in rows for cell in row):
            x0, top, x1, bottom = table.bbox
            out.append(Line("", number, top - dy, bottom - dy, x0 - dx, x1 - dx, 0, False, height, table_rows=rows))
    return out


def page_lines(page, number: int) -> list[Line]:
    """All of a page's text lines and tables as pdfplumber reads them: for a page PDFium's
    reading cannot use. Type size the median of the line's characters, bold when 80 % of
    them are in a font named bold."""
    tables = table_lines(page, number) if (page.rects or page.lines or page.curves) else []
    dx, dy, height = _frame(page)
    boxes = [(t.x0 + dx, t.top + dy, t.x1 + dx, t.bottom + dy) for t in tables]
    out = tables
    for tl in page.extract_text_lines(return_chars=True, strip=True):
        chars = [c for c in tl["chars"] if c["text"].strip()]
        if not chars or any(_inside(tl, box) for box in boxes):
            continue
        size = round(median(c["size"] for c in chars), 3)
        bold = sum("Bold" in c["fontname"] for c in chars) >= 0.8 * len(chars)
        out.append(
            Line(
                normalise(tl["text"]),
                number,
                tl["top"] - dy,
                tl["bottom"] - dy,
                tl["x0"] - dx,
                tl["x1"] - dx,
                size,
                bold,
                height,
            )
        )
    return sorted(out, key=lambda ln: (ln.top, ln.x0))


def _inside(tl: dict, box: Sequence[float]) -> bool:
    x0, top, x1, bottom = box
    return tl["x0"] >= x0 - 1 and tl["x1"] <= x1 + 1 and tl["top"] >= top - 1 and tl["bottom"] <= bottom + 1
