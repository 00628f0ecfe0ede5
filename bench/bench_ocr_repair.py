"""Benchmark of OCR repair (æ, ø, å) on real OCR output whose true text is known.

Pages of the born-digital corpus PDFs (tests/fixtures/pdf/*.fpdf.pdf, all but the theme
note, whose own text is OCR-damaged) are rasterised at 200 dpi and read by Tesseract
with its English model (``-l eng``, OMP_THREAD_LIMIT=1), which loses æ, ø and å as an
English-model OCR run does. The true text is the PDF's own text layer of the same page.
Tesseract reads each page as one block of lines (``--psm 6``), the order of the text
layer, so that the distance counts misread letters rather than table cells read in
another order (``--psm 3`` shows that effect on the status note's table pages).

Prints, per document and in all, the character and word error rates (Levenshtein
distance over the reference length, whitespace normalised) before and after
:func:`repair_text`, the repaired words that the true text holds and those it does not,
and the time to load the lexicon.

Run: .venv/bin/python bench/bench_ocr_repair.py [--pages N] [--psm N] [--show]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pipeline import project_rules  # noqa: E402
from extract.read.lexicon import build_lexicon  # noqa: E402
from extract.read.ocr_repair import Repaired, repair_text  # noqa: E402

PDFS = sorted(p for p in (ROOT / "tests" / "fixtures" / "pdf").glob("*.fpdf.pdf") if not p.name.startswith("temaer"))
DPI = 200


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def ocr_english(image, psm: str) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.convert("L").save(png, dpi=(DPI, DPI))
        out = subprocess.run(
            ["tesseract", str(png), "-", "-l", "eng", "--dpi", str(DPI), "--psm", psm],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    return out.stdout


def pages(per_pdf: int, psm: str) -> list[tuple[str, str, str]]:
    """(document, true text, English-model OCR text) of the first pages of each PDF."""
    import pdfplumber

    out = []
    for pdf_path in PDFS:
        with pdfplumber.open(pdf_path) as pdf:
            for page in pdf.pages[:per_pdf]:
                truth = page.extract_text() or ""
                image = page.to_image(resolution=DPI).original
                out.append((pdf_path.name.split(".")[0], truth, ocr_english(image, psm)))
    return out


def error_rates(hypothesis: str, reference: str) -> tuple[int, int, int, int]:
    """(character edits, reference characters, word edits, reference words)."""
    from rapidfuzz.distance import Levenshtein

    hyp, ref = normalised(hypothesis), normalised(reference)
    return (Levenshtein.distance(hyp, ref), len(ref), Levenshtein.distance(hyp.split(), ref.split()), len(ref.split()))


def repair_outcomes(ocr: str, truth: str, repaired: Repaired) -> Counter:
    """Each repaired word checked against the true text: right when the true text holds it."""
    true_words = Counter(re.findall(r"[\wæøåÆØÅ]+", truth))
    return Counter("right" if r.repaired in true_words else "wrong" for r in repaired.repairs)


def rates_row(label: str, before: list[int], after: list[int]) -> str:
    ratio = after[2] / before[2] if before[2] else 0.0
    return (
        f"{label:<36}{before[3]:>7}{before[0] / before[1]:>9.2%}{after[0] / after[1]:>9.2%}"
        f"{before[2] / before[3]:>9.2%}{after[2] / after[3]:>9.2%}{ratio:>8.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=3, help="pages per PDF (default 3)")
    ap.add_argument("--psm", default="6", help="Tesseract page segmentation mode (default 6: one block of lines)")
    ap.add_argument("--show", action="store_true", help="print every repaired word")
    args = ap.parse_args()
    wall, cpu = time.perf_counter(), time.process_time()
    lexicon = build_lexicon()
    load_wall, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
    sample = pages(args.pages, args.psm)
    totals: dict[str, tuple[list[int], list[int]]] = {}
    outcomes: Counter = Counter()
    repair_time = 0.0
    for name, truth, ocr in sample:
        t0 = time.perf_counter()
        repaired = repair_text(ocr, project_rules()["ocr_repair.yml"], lexicon=lexicon)
        repair_time += time.perf_counter() - t0
        for key in (name, "all"):
            before, after = totals.setdefault(key, ([0] * 4, [0] * 4))
            for total, rates in ((before, error_rates(ocr, truth)), (after, error_rates(repaired.text, truth))):
                for i, value in enumerate(rates):
                    total[i] += value
        outcomes += repair_outcomes(ocr, truth, repaired)
        if args.show:
            for r in repaired.repairs:
                print(f"  {name}: {r.original} → {r.repaired} ({r.method})")
    print(
        f"{len(sample)} pages ({args.pages} of each of {len(PDFS)} PDFs), Tesseract -l eng --psm {args.psm} "
        f"at {DPI} dpi, against the PDF text layer"
    )
    print(
        f"lexicon load: {load_wall:.2f} s wall, {load_cpu:.2f} s CPU ({len(lexicon)} word forms"
        f"{'; ' + lexicon.warnings[0] if lexicon.warnings else ''})"
    )
    print(f"repair: {repair_time:.2f} s for {sum(len(normalised(o)) for _, _, o in sample)} characters of OCR text")
    print(f"{'':<36}{'words':>7}{'CER':>9}{'after':>9}{'WER':>9}{'after':>9}{'ratio':>8}")
    for key, (before, after) in sorted(totals.items(), key=lambda kv: kv[0] == "all"):
        print(rates_row(key, before, after))
    print("target: WER after / before at most 0.50")
    print(
        f"words repaired: {sum(outcomes.values())}; in the true text {outcomes['right']}, not in it {outcomes['wrong']}"
    )


if __name__ == "__main__":
    main()
