"""Benchmark of reading PDFs from real producers: a cold kb build against pdfplumber's
own ``extract_words`` on the same files.

The files: the born-digital PDFs of the development corpus (``../shared/dev-corpus/pdf/``:
Word 2007, Word 2010 and Adlib; read from there, never copied into the repository) and
the five documents of ``sources/`` rendered to PDF by LibreOffice Writer
(``soffice --headless --convert-to pdf``). LibreOffice is needed for the bench only; on
Debian: ``apt-get install -y libreoffice-writer-nogui``. Both sets are copied into a
temporary folder, which is what is timed.

Each run times, one after the other (A B A B …):

* A: ``kb build FOLDER --db TMP.db --workers 1 --no-cache -q`` in a new process (process
  start, imports and spaCy's start included; a new database each time);
* B: a new Python process that opens every file with pdfplumber and runs
  ``page.extract_words(extra_attrs=["fontname", "size"])`` on every page.

It prints each pair, the medians (with min and max) and the ratio per pair (B's time
over A's: how many times as fast kb build is), then, per file, its pages, how many
were read by PDFium, by PDFium with pdfplumber's tables, by pdfplumber alone (and why)
and by OCR. Also, to show where a build's time goes: a build of one short text file (the
fixed cost of a build) and the reading alone (``parse_pdf`` of every file in this process).

Run: .venv/bin/python bench/bench_pdf.py [--runs N] [--corpus DIR] [--no-renders]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "dev-corpus" / "pdf"
WORDS = """
import sys
from pathlib import Path
import pdfplumber
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
"""


def render_sources(out: Path) -> list[Path]:
    """The documents of sources/ as PDFs made by LibreOffice Writer."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit(
            "LibreOffice is not installed (Debian: apt-get install -y libreoffice-writer-nogui), "
            "or run with --no-renders"
        )
    sources = sorted(p for p in (ROOT / "sources").iterdir() if p.is_file() and not p.name.startswith("."))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
        )
    return sorted(out.glob("*.pdf"))


def timed_process(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def kb_build(folder: Path, work: Path) -> float:
    db = work / "bench.db"
    for old in work.glob("bench.db*"):
        old.unlink()
    kb = Path(sys.executable).parent / "kb"
    return timed_process([str(kb), "build", str(folder), "--db", str(db), "--workers", "1", "--no-cache", "-q"])


def extract_words(folder: Path) -> float:
    return timed_process([sys.executable, "-c", WORDS, str(folder)])


def figures(name: str, values: list[float], unit: str) -> str:
    return f"{name:<44} {statistics.median(values):>8.3f} {min(values):>8.3f} {max(values):>8.3f} {unit}"


def readers_per_file(files: list[Path]) -> tuple[list[tuple[str, Counter]], float]:
    """Per file: what read each of its pages; and the time of parse_pdf over all files."""
    from extract.read.pdf import parse_pdf

    start = time.perf_counter()
    parsed = [parse_pdf(path, data=path.read_bytes()) for path in files]
    elapsed = time.perf_counter() - start
    return [(path.name, Counter(result.readers)) for path, result in zip(files, parsed)], elapsed


def reader_rows(readers: list[tuple[str, Counter]]) -> list[str]:
    rows = [f"{'file':<58} {'pages':>5} {'pdfium':>6} {'+tables':>7} {'pdfplumber':>10} {'ocr':>4}  why pdfplumber"]
    for name, counts in readers:
        plumber = {k: n for k, n in counts.items() if k.startswith("pdfplumber")}
        rows.append(
            f"{name[:58]:<58} {sum(counts.values()):>5} {counts.get('pdfium', 0):>6} "
            f"{counts.get('pdfium + pdfplumber tables', 0):>7} {sum(plumber.values()):>10} "
            f"{counts.get('ocr', 0):>4}  {'; '.join(f'{n}× {k}' for k, n in plumber.items())}"
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--corpus", type=Path, default=CORPUS, help="folder of real PDFs (default ../shared/dev-corpus/pdf)"
    )
    ap.add_argument("--no-renders", action="store_true", help="the corpus PDFs only, without LibreOffice renders")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_pdf_") as tmp:
        work = Path(tmp)
        folder = work / "pdfs"
        folder.mkdir()
        for path in sorted(args.corpus.glob("*.pdf")):
            shutil.copy(path, folder / path.name)
        if not args.no_renders:
            for path in render_sources(work / "renders"):
                shutil.copy(path, folder / f"libreoffice-{path.name}")
        files = sorted(folder.glob("*.pdf"))
        readers, parse_time = readers_per_file(files)
        one = work / "one"
        one.mkdir()
        (one / "notat.txt").write_text("Notat\n\nDer afsættes 1,0 mio. kr. i 2013.\n", encoding="utf-8")
        kb_times, word_times, ratios = [], [], []
        for run in range(args.runs):
            a = kb_build(folder, work)
            b = extract_words(folder)
            kb_times.append(a)
            word_times.append(b)
            ratios.append(b / a)
            print(f"run {run + 1}: kb build {a:.3f} s, extract_words {b:.3f} s, ratio {b / a:.2f}", flush=True)
        fixed = [kb_build(one, work) for _ in range(args.runs)]
    pages = sum(sum(counts.values()) for _, counts in readers)
    print(f"\n{len(files)} PDFs, {pages} pages; {args.runs} runs: median, min, max")
    print(figures("kb build, cold, 1 worker, no cache", kb_times, "s"))
    print(figures("pdfplumber extract_words (1 process)", word_times, "s"))
    print(figures("extract_words time / kb build time", ratios, "×"))
    print(figures("kb build of one short text file (fixed cost)", fixed, "s"))
    print(f"{'parse_pdf of every file, in this process':<44} {parse_time:>8.3f} s (one run)")
    print()
    print("\n".join(reader_rows(readers)))


if __name__ == "__main__":
    main()
