"""The lines of PDF pages read with PDFium (pypdfium2): the same ``Line`` records
:func:`extract.read.pdf_layout.page_lines` gives from pdfplumber, about 4× sooner per page
of text (pdfplumber's own grouping of characters into words and lines, used here as
well, is now about a third of the time).

pdfplumber spends almost all of its time interpreting the content streams into one
dict per character (pdfminer). PDFium does that in C; this module takes from it the
characters, their order, their fonts and where each one starts, and gives every
character the box pdfminer would give it:

* the text and the advance width come from pdfminer's own font objects (the font
  dictionaries only, not the content): PDFium keeps widths as whole units of 1/1000
  em and so drifts from pdfminer along a line; each character's start is PDFium's
  (which holds the kerning, character and word spacing) moved by the widths pdfminer
  would have added before it within the same text object, or within the text objects
  that go on where the one before ended (a change of font inside a line);
* top and bottom follow pdfminer: the baseline plus the font's descent, and the
  type size above that (pdfminer's box is the type size high, not the glyph's);
* size is the type size on the page, bold is "Bold" in pdfminer's font name.

Lines and words are then made by pdfplumber's own ``chars_to_textmap`` and
``extract_text_lines``, and turned into ``Line`` records by the code
:func:`page_lines` uses. Coordinates differ from pdfplumber's only by PDFium's
single-precision arithmetic (under 0.001 pt on the test files), type sizes by the
rounding in the last bits of pdfminer's box height.

A page is left to pdfplumber (``None`` is returned for it) when its records could
differ: it holds vector paths (ruling lines: pdfplumber looks for tables there) or
form XObjects, it is rotated or its media box does not start at 0, a character is
rotated or skewed, a font is a Type 3 font or cannot be matched to exactly one of
the page's fonts, a character has no Unicode mapping, or PDFium's advance of a
character is not the font's width in whole units. PDFium marks a hyphen that ends a
line (code point 2): which hyphen it is (hyphen-minus or soft hyphen) is found from
the font, or the page is left to pdfplumber. Pages with no usable text (the OCR path) are
decided by the caller from the lines given here and re-read with pdfplumber.
"""
from __future__ import annotations

import ctypes
import math
import struct
import threading
from dataclasses import dataclass
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.pdffont import PDFCIDFont, PDFType3Font, PDFUnicodeNotDefined
from pdfminer.pdftypes import PDFObjRef, dict_value
from pdfplumber.utils.text import chars_to_textmap

from extract.read.pdf_layout import text_line_records
from extract.records import Line

_NAME_BUFFER = 256
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one call into it at a time in a process
WIDTH_SLACK = 0.002  # points PDFium's advance of a character may differ from the font's width in whole units
PDFIUM_HYPHEN = 2  # the code point PDFium gives a hyphen that ends a line
HYPHEN = -1  # such a hyphen, before it is known which of HYPHENS it is
HYPHENS = (0x2D, 0xAD)  # hyphen-minus, soft hyphen: what PDFium takes for a line-end hyphen
CONTINUES = 0.001  # points within which a text object starts where the one before ended


def _f32(value: float) -> float:
    """The shortest decimal that a single-precision float holds: the number as the PDF
    wrote it ("10.98 Tf" is read by PDFium as 10.97999954…, by pdfminer as 10.98)."""
    packed = struct.pack("<f", value)
    for digits in range(1, 10):
        candidate = float(f"{value:.{digits}g}")
        if struct.pack("<f", candidate) == packed:
            return candidate
    return value


@dataclass
class _Font:
    """What pdfminer reads from one font dictionary: the widths (text space, per unit of
    type size) of the codes that give each text, the descent and the font name
    pdfplumber reports."""

    name: str  # the base font name without a subset prefix, to match PDFium's
    fontname: str
    descent: float
    widths: dict[str, tuple[float, ...]]

    def width(self, text: str, pdfium_advance: float, size: float) -> Optional[float]:
        """pdfminer's width of the code PDFium drew for ``text``: the one whose whole units
        give PDFium's advance (PDFium keeps widths as whole units of 1/1000 em). None when
        no code, or two with different widths, fit."""
        fits = [w for w in self.widths.get(text, ()) if abs(_whole_units(w) * size / 1000 - pdfium_advance) <= WIDTH_SLACK]
        return fits[0] if fits and all(w == fits[0] for w in fits) else None


def _whole_units(width: float) -> int:
    return math.trunc(round(width * 1000, 6))


def _font_widths(font) -> Optional[dict[str, tuple[float, ...]]]:
    """Text → widths of the codes the font maps to it, or None for a font whose text
    pdfminer does not take from a plain map (Type 3, identity maps)."""
    if isinstance(font, PDFType3Font):
        return None
    umap = getattr(font, "unicode_map", None)
    if isinstance(font, PDFCIDFont):
        if umap is None or type(umap).__name__ != "FileUnicodeMap":
            return None
        cids = list(umap.cid2unichr)
    else:
        cids = sorted(set(range(256)) | set(umap.cid2unichr if umap is not None else ()))
    widths: dict[str, set[float]] = {}
    for cid in cids:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            continue
        widths.setdefault(text, set()).add(font.char_width(cid))
    return {text: tuple(sorted(ws)) for text, ws in widths.items()}


def _strip_subset(name: str) -> str:
    head, plus, rest = name.partition("+")
    return rest if plus and len(head) == 6 and head.isupper() else name


def open_pdfium(source, plumber_pdf) -> Optional["PdfiumPages"]:
    """The PDF (path or bytes) opened with PDFium for :class:`PdfiumPages`, or None when
    PDFium cannot open it or counts other pages than pdfplumber (then pdfplumber reads
    every page; a file pdfminer repairs can be one PDFium refuses)."""
    try:
        pages = PdfiumPages(source, plumber_pdf)
    except pdfium.PdfiumError:
        return None
    if len(pages.doc) != len(plumber_pdf.pages):
        pages.close()
        return None
    return pages


class PdfiumPages:
    """One PDF opened with PDFium beside its pdfplumber document (whose pdfminer font
    objects give the widths): ``lines(index, page)`` for each page."""

    def __init__(self, source, plumber_pdf):
        with _PDFIUM:
            self.doc = pdfium.PdfDocument(source)
        self.rsrcmgr = plumber_pdf.rsrcmgr
        self._fonts: dict[int, Optional[_Font]] = {}

    def close(self) -> None:
        with _PDFIUM:
            self.doc.close()

    def __enter__(self) -> "PdfiumPages":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _font(self, objid, spec) -> Optional[_Font]:
        """The font of a page's resources, read once per font object of the file."""
        if objid is not None and objid in self._fonts:
            return self._fonts[objid]
        font = self.rsrcmgr.get_font(objid, spec)
        widths = _font_widths(font)
        basefont = getattr(font, "basefont", font.fontname)
        found = None if widths is None else _Font(_strip_subset(str(basefont)), font.fontname, font.get_descent(), widths)
        if objid is not None:
            self._fonts[objid] = found
        return found

    def _page_fonts(self, plumber_page) -> Optional[list[_Font]]:
        resources = plumber_page.page_obj.resources
        if not resources or "Font" not in resources:
            return []
        fonts = []
        try:
            for spec in dict_value(resources["Font"]).values():
                objid = spec.objid if isinstance(spec, PDFObjRef) else None
                font = self._font(objid, dict_value(spec))
                if font is None:
                    return None
                fonts.append(font)
        except Exception:  # pdfminer raises many untyped errors on a broken font: pdfplumber's reading reports it
            return None
        return fonts

    def lines(self, index: int, plumber_page) -> Optional[list[Line]]:
        """The page's lines as :func:`page_lines` gives them, or None when the page is
        for pdfplumber to read (see the module's docstring)."""
        if plumber_page.rotation % 360 or tuple(plumber_page.mediabox[:2]) != (0, 0):
            return None
        fonts = self._page_fonts(plumber_page)
        if fonts is None:
            return None
        with _PDFIUM:
            try:
                page = self.doc[index]
            except pdfium.PdfiumError:
                return None
            try:
                text_objects = _text_objects(page.raw)
                chars = None if text_objects is None else _page_chars(page, fonts, float(plumber_page.height), text_objects)
            finally:
                page.close()
        if chars is None:
            return None
        textmap = chars_to_textmap(chars, layout_bbox=plumber_page.bbox, layout_width=plumber_page.width,
                                   layout_height=plumber_page.height)
        return text_line_records(textmap.extract_text_lines(strip=True, return_chars=True), index + 1,
                                 plumber_page.height)


def _text_objects(page_raw) -> Optional[set[int]]:
    """The addresses of the page's text objects; None when the page holds a path (ruling
    lines, boxes) or a form XObject."""
    found = set()
    for i in range(raw.FPDFPage_CountObjects(page_raw)):
        obj = raw.FPDFPage_GetObject(page_raw, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            found.add(ctypes.cast(obj, ctypes.c_void_p).value)
        elif kind not in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_SHADING):
            return None
    return found


def _font_name(font_raw) -> str:
    buf = ctypes.create_string_buffer(_NAME_BUFFER)
    n = raw.FPDFFont_GetBaseFontName(font_raw, buf, _NAME_BUFFER)
    return buf.raw[:max(n - 1, 0)].decode("utf-8", "replace") if 0 < n <= _NAME_BUFFER else ""


def _match_font(font_raw, fonts: list[_Font], uses: set[tuple[str, float, float]]) -> Optional[_Font]:
    """The page font with PDFium's name for ``font_raw`` that has, for every (text, type
    size, PDFium's advance) it is used with, a code of that width; None when there is no
    such font, or several that would give different records."""
    name = _strip_subset(_font_name(font_raw))
    found = [f for f in fonts if f.name == name and all(f.width(t, adv, size) is not None for t, size, adv in uses)]
    if not found:
        return None
    first = found[0]
    same = all(f.descent == first.descent and ("Bold" in f.fontname) == ("Bold" in first.fontname)
               and all(f.width(t, adv, size) == first.width(t, adv, size) for t, size, adv in uses) for f in found[1:])
    return first if same else None


def _page_chars(page, fonts: list[_Font], height: float, text_objects: set[int]) -> Optional[list[dict]]:
    """pdfplumber's char dicts (the keys its text lines use) for every character PDFium
    reads on the page, in its order; None when one cannot be made exactly, or when PDFium
    read no character of one of the page's text objects: it leaves out a text object that
    repeats the one before at almost the same place (the "fake bold" of some producers),
    which pdfminer reads twice."""
    textpage = page.get_textpage()
    try:
        read = _chars(textpage.raw, fonts, height)
    finally:
        textpage.close()
    if read is None:
        return None
    chars, seen = read
    return chars if seen >= text_objects else None


def _address_call(name: str, restype, *argtypes):
    """PDFium's function ``name`` taking and giving plain addresses: called once per
    character, it then makes no ctypes pointer object per call."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)


_c_double_p = ctypes.POINTER(ctypes.c_double)
_IS_GENERATED = _address_call("FPDFText_IsGenerated", ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
_MAP_ERROR = _address_call("FPDFText_HasUnicodeMapError", ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
_TEXT_OBJECT = _address_call("FPDFText_GetTextObject", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_UNICODE = _address_call("FPDFText_GetUnicode", ctypes.c_uint, ctypes.c_void_p, ctypes.c_int)
_ORIGIN = _address_call("FPDFText_GetCharOrigin", ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _c_double_p, _c_double_p)


@dataclass
class _Object:
    """A PDFium text object: its font and type size, the text matrix's scales."""

    font_key: int  # the font's address
    font_raw: object
    size_raw: float  # the type size as PDFium holds it (single precision)
    size: float  # as the PDF wrote it, as pdfminer reads it
    a: float
    d: float


def _text_object(tp, i: int, address: int) -> Optional[_Object]:
    obj = ctypes.cast(address, raw.FPDF_PAGEOBJECT)
    matrix = raw.FS_MATRIX()
    fsize = ctypes.c_float()
    if not raw.FPDFText_GetMatrix(tp, i, matrix) or not raw.FPDFTextObj_GetFontSize(obj, fsize):
        return None
    if matrix.b != 0 or matrix.c != 0 or matrix.a <= 0 or matrix.d <= 0:
        return None  # rotated, skewed or mirrored text
    font_raw = raw.FPDFTextObj_GetFont(obj)
    return _Object(ctypes.cast(font_raw, ctypes.c_void_p).value, font_raw, fsize.value, _f32(fsize.value),
                   _f32(matrix.a), _f32(matrix.d))


def _chars(tp, fonts: list[_Font], height: float) -> Optional[tuple[list[dict], set[int]]]:
    tp_address = ctypes.cast(tp, ctypes.c_void_p).value
    x, y = ctypes.c_double(), ctypes.c_double()
    px, py = ctypes.pointer(x), ctypes.pointer(y)
    read: list[tuple[_Object, int, int, float, float]] = []  # (object, its address, code point, origin x, origin y)
    objects: dict[int, _Object] = {}
    for i in range(raw.FPDFText_CountChars(tp)):
        if _IS_GENERATED(tp_address, i):
            continue  # a space or line break PDFium infers: pdfminer has none
        address = _TEXT_OBJECT(tp_address, i)
        if not address or _MAP_ERROR(tp_address, i):
            return None
        obj = objects.get(address)
        if obj is None:
            obj = objects[address] = _text_object(tp, i, address)
            if obj is None:
                return None
        _ORIGIN(tp_address, i, px, py)
        code = _UNICODE(tp_address, i)
        if code == PDFIUM_HYPHEN and raw.FPDFText_IsHyphen(tp, i):
            code = HYPHEN  # a hyphen ending a line, which PDFium marks: which one is found from the font
        read.append((obj, address, code, x.value, y.value))

    advance = ctypes.c_float()
    advances: dict[tuple[int, int, float], float] = {}  # (font, code point, size) → PDFium's advance

    def pdfium_advance(obj: _Object, code: int) -> Optional[float]:
        key = (obj.font_key, code, obj.size)
        if key not in advances:
            if not raw.FPDFFont_GetGlyphWidth(obj.font_raw, code, obj.size_raw, advance):
                return None
            advances[key] = advance.value
        return advances[key]

    uses: dict[int, set[tuple[str, float, float]]] = {obj.font_key: set() for obj in objects.values()}
    for obj, _, code, _, _ in read:
        if code != HYPHEN:
            adv = pdfium_advance(obj, code)
            if adv is None:
                return None
            uses[obj.font_key].add((chr(code), obj.size, adv))
    matched: dict[int, _Font] = {}
    for obj in objects.values():
        if obj.font_key not in matched:
            font = _match_font(obj.font_raw, fonts, uses[obj.font_key])
            if font is None:
                return None
            matched[obj.font_key] = font
    # per (font, code point or HYPHEN, size): the text, PDFium's advance and pdfminer's (text space)
    glyphs: dict[tuple[int, int, float], tuple[str, float, float]] = {}
    for obj, _, code, _, _ in read:
        key = (obj.font_key, code, obj.size)
        if key in glyphs:
            continue
        font = matched[obj.font_key]
        found = []
        for candidate in (HYPHENS if code == HYPHEN else (code,)):
            adv = pdfium_advance(obj, candidate)
            width = None if adv is None else font.width(chr(candidate), adv, obj.size)
            if width is not None:
                found.append((chr(candidate), adv, width * obj.size))
        if len(found) != 1:
            return None
        glyphs[key] = found[0]

    chars: list[dict] = []
    last: Optional[tuple[int, float, float, float, float, float]] = None  # the character before, see below
    for obj, address, code, ox, oy in read:
        text, pdfium_adv, adv = glyphs[(obj.font_key, code, obj.size)]
        if last is not None and (last[0] == address or (abs(oy - last[2]) <= CONTINUES and abs(ox - last[5]) <= CONTINUES)):
            # the same text object, or one that goes on where PDFium ended the one before
            # (a change of font within a line): PDFium's start plus the widths it lacks
            x0 = last[3] + (ox - last[1]) + last[4]
        else:
            x0 = ox
        a, d, size = obj.a, obj.d, obj.size
        # (object, PDFium's start, baseline, pdfminer's start, what pdfminer's advance adds, PDFium's end)
        last = (address, ox, oy, x0, a * (adv - pdfium_adv), ox + a * pdfium_adv)
        font = matched[obj.font_key]
        descent = font.descent * size
        y0 = d * descent + oy
        y1 = d * (descent + size) + oy
        chars.append({"text": text, "x0": x0, "x1": a * adv + x0, "top": height - y1, "bottom": height - y0,
                      "doctop": height - y1, "upright": True, "size": y1 - y0, "fontname": font.fontname})
    return chars, set(objects)
