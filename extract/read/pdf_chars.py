"""The text of a PDF page as PDFium reads it, in runs of characters.

PDFium (pypdfium2's raw C API, PDFium's public functions) interprets the page's content,
orders its characters as they are drawn and puts characters of its own between them: a
space where it sees a gap between two words, a line break where the text goes on
elsewhere ("generated" characters, which belong to no text object). A run is what lies
between two of those within one text object: characters of one font, type size and
matrix on one baseline, drawn left to right.

Each character costs one call into PDFium (which text object it belongs to); the rest —
whether its font maps it to Unicode, the run's font, size, weight, where it starts and
ends — is asked once per run or per text object, so a page of text is read in a few
milliseconds.

Geometry is in points from the page's top left, as the ``Line`` records hold it. A run
is as high as its type size, split at the baseline as the font's ascent and descent
are (PDFium's own measure of a character's box; a box that fits each glyph would make
every line's height depend on its letters). Characters that are not upright (a banner
rotated into the margin, a vertical stamp) are counted and left out.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Optional

import pypdfium2.raw as raw

HYPHEN_MARKS = {"\x02": "-", "\ufffe": "-"}  # PDFium's mark for a hyphen that ends a line
_CONTROL = {code: None for code in range(32)}  # a control code in a run: a glyph without Unicode, noise
UPRIGHT_SLACK = 0.01  # share of the horizontal scale a baseline may rise or fall and still be upright
DEFAULT_ASCENT = 0.8  # share of the type size above the baseline when a font gives no metrics
FORCE_BOLD = 1 << 18  # the font descriptor's ForceBold flag
BOLD_WEIGHT = 700
_NAME_BUFFER = 256
OFF_PAGE = 1.0  # points a run may stand out of the page box and still be on it


def _address_call(name: str, restype, *argtypes):
    """PDFium's function ``name`` taking plain addresses: called once or twice per
    character, it then makes no ctypes pointer object per call."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)


_TEXT_OBJECT = _address_call("FPDFText_GetTextObject", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_MAP_ERROR = _address_call("FPDFText_HasUnicodeMapError", ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
_LOOSE_BOX = _address_call("FPDFText_GetLooseCharBox", ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)


@dataclass
class Run:
    """Characters of one text object between two of PDFium's breaks (see the module)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # type size on the page: the font size times the text's vertical scale
    bold: bool
    chars: int  # characters that are not white space: a run's weight in a line's size and boldness
    order: int  # place in PDFium's order of the page's runs
    space_before: bool  # PDFium put a space (its own or the PDF's) between this run and the one before
    ligature: bool = False  # its characters come from one glyph ("ff"): they share one origin


@dataclass
class PageText:
    """The runs of a page, or why PDFium's reading of it cannot be used."""

    runs: list[Run] = field(default_factory=list)
    rotated: int = 0  # characters left out because they are not upright
    unreadable: Optional[str] = None


@dataclass(frozen=True)
class _Font:
    bold: bool
    ascent: float  # share of the type size above the baseline


@dataclass(frozen=True)
class _Style:
    """What a text object gives all its characters: None for ``size`` when it is not upright."""

    size: Optional[float]
    bold: bool
    ascent: float


class _Reader:
    """Reads one text page; fonts and text objects are looked up once each."""

    def __init__(self, textpage, box: tuple[float, float, float, float]):
        self.tp = textpage
        self.address = ctypes.cast(textpage, ctypes.c_void_p).value
        self.left, self.top_edge = box[0], box[3]
        self.width, self.height = box[2] - box[0], box[3] - box[1]
        self.fonts: dict[int, _Font] = {}  # by address: valid while the page is loaded
        self.styles: dict[int, _Style] = {}
        self.box = raw.FS_RECTF()
        self.box_address = ctypes.addressof(self.box)
        self.page = PageText()

    def read(self) -> PageText:
        count = raw.FPDFText_CountChars(self.tp)
        if count < 0:
            return PageText(unreadable="PDFium could not read the page's text")
        text = _all_text(self.tp, count)
        start, obj, space = 0, None, False
        drawn = unmapped = 0
        for i in range(count + 1):
            current = _TEXT_OBJECT(self.address, i) if i < count else None
            if current == obj:
                continue
            if obj is not None:  # a run ends: another text object, or a character PDFium put in
                space = self._close(text, start, i, obj, space)
                drawn += i - start
                if _MAP_ERROR(self.address, start):  # asked of a run's first character: its font's map
                    unmapped += i - start
            start, obj = i, current
            if current is None and i < count:  # a space or a line break of PDFium's
                space = space or text[i] == " "
        if unmapped * 10 > drawn:
            return PageText(unreadable="characters without Unicode")
        upright = sum(run.chars for run in self.page.runs)
        if self.page.rotated > upright:
            return PageText(rotated=self.page.rotated, unreadable="text mostly not upright")
        self.page.runs = _placed(self.page.runs, self.width, self.height)
        return self.page

    def _close(self, text: str, start: int, end: int, obj: int, space: bool) -> bool:
        """Make a run of characters ``start:end`` of text object ``obj``; whether the next
        run follows a space (this run is white space only, or ends with a space)."""
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            return True
        first = start + (len(piece) - len(piece.lstrip()))
        last = start + len(piece.rstrip()) - 1
        style = self._style(obj, first)
        if style.size is None:
            self.page.rotated += len("".join(stripped.split()))
            return False
        origin = _origin(self.tp, first)
        baseline = origin[1]
        ligature = first < last <= first + 2 and _origin(self.tp, last) == origin
        _LOOSE_BOX(self.address, first, self.box_address)
        x0 = self.box.left - self.left
        _LOOSE_BOX(self.address, last, self.box_address)
        top = self.top_edge - (baseline + style.ascent * style.size)
        words = stripped
        for mark, hyphen in HYPHEN_MARKS.items():
            words = words.replace(mark, hyphen)
        words = words.translate(_CONTROL)
        self.page.runs.append(
            Run(
                words,
                x0,
                self.box.right - self.left,
                top,
                top + style.size,
                style.size,
                style.bold,
                len("".join(words.split())),
                len(self.page.runs),
                space or piece[0].isspace(),
                ligature,
            )
        )
        return piece[-1].isspace()

    def _style(self, obj: int, index: int) -> _Style:
        found = self.styles.get(obj)
        if found is None:
            found = self.styles[obj] = self._read_style(obj, index)
        return found

    def _read_style(self, obj: int, index: int) -> _Style:
        matrix = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(self.tp, index, matrix)
        handle = ctypes.cast(obj, raw.FPDF_PAGEOBJECT)
        font_size = ctypes.c_float()
        raw.FPDFTextObj_GetFontSize(handle, font_size)
        font_raw = raw.FPDFTextObj_GetFont(handle)
        key = ctypes.cast(font_raw, ctypes.c_void_p).value or 0
        font = self.fonts.get(key)
        if font is None:
            font = self.fonts[key] = _read_font(font_raw)
        stroked = raw.FPDFTextObj_GetTextRenderMode(handle) == raw.FPDF_TEXTRENDERMODE_FILL_STROKE
        upright = matrix.a > 0 and matrix.d > 0 and abs(matrix.b) <= UPRIGHT_SLACK * matrix.a
        return _Style(font_size.value * matrix.d if upright else None, font.bold or stroked, font.ascent)


def _all_text(textpage, count: int) -> str:
    """The page's characters, one per index (PDFium writes UTF-16: a character outside the
    Basic Multilingual Plane takes two units, then each is asked for on its own)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "surrogatepass")
    if len(text) != count:
        return "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    return text


def _origin(textpage, index: int) -> tuple[float, float]:
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage, index, x, y)
    return x.value, y.value


def _read_font(font_raw) -> _Font:
    """Bold when the font's name says so, its weight is 700 or more, or it is forced bold;
    the ascent's share of ascent + descent, which places a run's box on its baseline."""
    if not font_raw:
        return _Font(False, DEFAULT_ASCENT)
    buffer = ctypes.create_string_buffer(_NAME_BUFFER)
    n = raw.FPDFFont_GetBaseFontName(font_raw, buffer, _NAME_BUFFER)
    name = buffer.raw[: max(n - 1, 0)].decode("utf-8", "replace") if 0 < n <= _NAME_BUFFER else ""
    flags = raw.FPDFFont_GetFlags(font_raw)
    bold = (
        "bold" in name.lower() or raw.FPDFFont_GetWeight(font_raw) >= BOLD_WEIGHT or (flags > 0 and flags & FORCE_BOLD)
    )
    ascent, descent = ctypes.c_float(), ctypes.c_float()
    if (
        raw.FPDFFont_GetAscent(font_raw, 1.0, ascent)
        and raw.FPDFFont_GetDescent(font_raw, 1.0, descent)
        and ascent.value - descent.value > 0
        and ascent.value > 0
    ):
        share = ascent.value / (ascent.value - descent.value)
    else:
        share = DEFAULT_ASCENT
    return _Font(bool(bold), share)


def _off_page(run: Run, width: float, height: float) -> bool:
    return run.x1 < -OFF_PAGE or run.x0 > width + OFF_PAGE or run.bottom < -OFF_PAGE or run.top > height + OFF_PAGE


def _one_line(a: Run, b: Run) -> bool:
    return abs(a.bottom - b.bottom) <= OFF_PAGE


def _placed(runs: list[Run], width: float, height: float) -> list[Run]:
    """The runs on the page, a ligature put back in its word: PDFium places the letters of
    a ligature (one glyph, two letters: "ff") drawn inside a scaled form where the form's
    space has them, not the page's. Such a run, on the line of neither run beside it in
    PDFium's order, is put where the one before ends or, starting a line, where the one
    after begins. Text off the page is not shown and is left out."""
    out = []
    for i, run in enumerate(runs):
        before, after = runs[i - 1] if i else None, runs[i + 1] if i + 1 < len(runs) else None
        if run.ligature and not any(n is not None and _one_line(run, n) for n in (before, after)):
            if before is not None and (after is None or _one_line(before, after)):
                x0, x1, beside = before.x1, after.x0 if after is not None else before.x1, before
            elif after is not None:
                x0, x1, beside = after.x0, after.x0, after
            else:
                continue
            run = Run(
                run.text,
                x0,
                max(x0, x1),
                beside.top,
                beside.bottom,
                run.size,
                run.bold,
                run.chars,
                run.order,
                run.space_before,
            )
        if not _off_page(run, width, height):
            out.append(run)
    return out


def read_page_text(textpage, box: tuple[float, float, float, float]) -> PageText:
    """The runs of a PDFium text page (``page.get_textpage().raw``) on the page box
    (left, bottom, right, top in PDF units): x from its left, tops from its top."""
    return _Reader(textpage, box).read()
