"""OCR of pages without a usable text layer, with Tesseract and its Danish data.

Each page image is read by the ``tesseract`` command (``-l dan``, TSV output) in its
own process with ``OMP_THREAD_LIMIT=1``; pages run in parallel, one per core (with
Tesseract's default threading this is about 9× slower on 2 cores). Words become
lines with their pixel heights turned into type sizes, so the layout reader finds
headings in scanned pages by their size as it does in born-digital ones. The
reader then repairs the æ, ø, å that OCR lost in these pages (``extract.read.ocr_repair``).
"""

from __future__ import annotations

import os
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


@dataclass
class OcrPage:
    lines: list[Line]
    confidence: float  # Tesseract's mean word confidence, 0-100


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


def ocr_image(number: int, image, page_height: float) -> OcrPage:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.convert("L").save(png, dpi=(DPI, DPI))
        out = subprocess.run(
            ["tesseract", str(png), "-", "-l", LANGUAGE, "--dpi", str(DPI), "tsv"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    return tsv_to_page(out.stdout, number, page_height)


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
