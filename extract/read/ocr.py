"""OCR of pages without a usable text layer, with Tesseract and its Danish data.

Each page image is read by the ``tesseract`` command (``-l dan``, TSV output) in its
own process with ``OMP_THREAD_LIMIT=1``; pages run in parallel, one per core (with
Tesseract's default threading this is about 9× slower on 2 cores). Words become
lines with their pixel heights turned into type sizes, so the layout reader finds
headings in scanned pages by their size as it does in born-digital ones. The
reader then repairs the æ, ø, å that OCR lost in these pages (``extract.read.ocr_repair``).

Before a page is read, Tesseract's orientation and script detection (``--psm 0``) says
whether it was scanned on its side or upside down; the image is turned upright first
(read as it lies, a page on its side gives a few words of noise at a mean confidence
near 40 instead of its text near 95). Where the detection is unsure (a page of a few
words) the page is read as it lies. Whether a page read this way is good enough to keep
is the reader's call (``rules/ocr_repair.yml``: ``limits.min_page_confidence``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import median

from extract.records import Line

DPI = 200
LANGUAGE = "dan"
INSTALL_HINT = "install tesseract-ocr-dan"
# Tesseract's orientation confidence under which its guess is not followed: a full page
# of text on its side scores 10-20, a page of a few words or a picture under 2.
MIN_ORIENTATION_CONFIDENCE = 2.0
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.M)
_ORIENTATION_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.M)


@dataclass
class OcrPage:
    lines: list[Line]
    confidence: float  # Tesseract's mean word confidence, 0-100
    rotated: int = 0  # degrees the image was turned clockwise to stand upright before it was read


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Tesseract is installed with its Danish data."""
    if not shutil.which("tesseract"):
        return False
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return LANGUAGE in out.stdout.split()


def page_image(page):
    """A PDF page (pypdfium2's ``PdfPage``) rendered by PDFium for Tesseract at ``DPI``:
    without anti-aliasing (a scan's pixels are read as they are, not smoothed), as the
    page images were made before (by pdfplumber, through PDFium)."""
    bitmap = page.render(scale=DPI / 72, no_smoothtext=True, no_smoothpath=True, no_smoothimage=True, prefer_bgrx=True)
    return bitmap.to_pil().convert("RGB")


def ocr_pages(images: list[tuple[int, object, float]]) -> dict[int, OcrPage]:
    """OCR (page number, PIL image, page height in points) in parallel."""
    workers = max(1, min(len(images), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda item: (item[0], ocr_image(*item)), images)
        return dict(results)


def orientation(png: Path, env: dict) -> tuple[int, float]:
    """(degrees to turn the image clockwise to stand upright, Tesseract's confidence in
    that); (0, 0.0) when Tesseract cannot tell (too few characters)."""
    out = subprocess.run(
        ["tesseract", str(png), "-", "--psm", "0", "--dpi", str(DPI)], capture_output=True, text=True, env=env
    )
    rotate, confidence = _ROTATE.search(out.stdout), _ORIENTATION_CONFIDENCE.search(out.stdout)
    if out.returncode != 0 or not rotate or not confidence:
        return 0, 0.0
    return int(rotate.group(1)) % 360, float(confidence.group(1))


def ocr_image(number: int, image, page_height: float) -> OcrPage:
    """One page image read by Tesseract, turned upright first when it lies on its side or
    upside down (``page_height``: the page's height in points as it stands)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        gray = image.convert("L")
        gray.save(png, dpi=(DPI, DPI))
        rotate, confidence = orientation(png, env)
        turned = rotate if rotate and confidence >= MIN_ORIENTATION_CONFIDENCE else 0
        if turned:
            gray = gray.rotate(-turned, expand=True)  # PIL turns counter-clockwise
            gray.save(png, dpi=(DPI, DPI))
            page_height = gray.height * 72 / DPI
        out = subprocess.run(
            ["tesseract", str(png), "-", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    page = tsv_to_page(out.stdout, number, page_height)
    page.rotated = turned
    return page


def tsv_to_page(tsv: str, number: int, page_height: float) -> OcrPage:
    """Tesseract's TSV words grouped into lines, positions in points."""
    scale = 72 / DPI
    lines: dict[tuple, list[list[str]]] = {}
    confidences = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or not f[11].strip() or float(f[10]) < 0:
            continue
        confidences.append(float(f[10]))
        lines.setdefault((int(f[2]), int(f[3]), int(f[4])), []).append(f)
    out = []
    for words in lines.values():
        left = min(int(w[6]) for w in words)
        top = min(int(w[7]) for w in words)
        right = max(int(w[6]) + int(w[8]) for w in words)
        bottom = max(int(w[7]) + int(w[9]) for w in words)
        size = median(int(w[9]) for w in words) * scale
        text = " ".join(w[11] for w in words)
        out.append(
            Line(
                text,
                number,
                top * scale,
                bottom * scale,
                left * scale,
                right * scale,
                size,
                False,
                page_height,
                ocr=True,
            )
        )
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return OcrPage(out, sum(confidences) / len(confidences) if confidences else 0.0)
