"""Speed, memory and accuracy of kb build and kb serve on the scale corpus.

Prints one table of figures (median of --runs runs, with min and max):

- PDF pages per second through kb build (1 and N worker processes, no parse cache)
  beside pdfplumber's own ``extract_words`` (what a reader built on pdfplumber can
  at best reach) and pypdfium2's raw text extraction (the practical limit for
  reading text), all on the same sample of PDFs;
- text documents per second through kb build;
- on an evenly spread subset of the corpus (--subset): cold build, no-op rebuild and a
  rules-only rebuild (a rules file changed, documents not) and their ratio, and the
  peak memory of the cold build (the build process and its workers together);
- on the whole corpus (a build of it, --full-db, made and timed here when missing):
  no-op rebuild time;
- accuracy of amounts and milestones against the generated truth;
- full-text search latency (median, p95) through Datasette's JSON API, and canned-query latency.

The scale corpus is generated first when missing (bench/scale_corpus.py).
Run: .venv/bin/python bench/bench_scale.py [--corpus bench/out/scale] [--runs 3] [--sample 60]
     [--subset 200] [--full-db FILE] [--parts throughput,rebuilds,scale]
     --parts search --full-db FILE times the searches alone on a database built before.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import timed  # noqa: E402
from scale_accuracy import accuracy  # noqa: E402
from serving import kb_serve  # noqa: E402

from extract.jobs import default_workers  # noqa: E402

KB = [sys.executable, "-m", "extract.cli"]
SEARCHES = [
    "kontanthjælp",
    "ledighed",
    "akademiker",
    "jobrotation",
    "unge",
    "virksomhedspraktik",
    "mentor",
    "sygedagpenge",
    "integration",
    "opkvalificering",
]
# What people type into the ranked search: all words, a phrase, æ/ø/å folded, short words whole.
TYPED = ["ledige unge", '"ledige unge"', "kontanthjaelp", "kobenhavn", "maalgruppe", "AC", "UU", "AC ledighed"]
CANNED = [
    ("initiatives for unge", "/kb/maalgruppe.json?label=unge&_size=50"),
    ("money for unge per year", "/kb/penge_til_maalgruppe.json?label=unge"),
    ("deadlines for kontanthjælpsmodtagere", "/kb/frister_for_maalgruppe.json?label=kontanthjaelpsmodtagere"),
    ("amounts per year", "/kb/beloeb_pr_aar.json?document="),
    ("milestones in 2013", "/kb/milepaele_i_periode.json?fra=2013-01-01&til=2013-12-31"),
]
# Full-text search through the JSON API, each path run with every term of SEARCHES: the
# ranked search (soeg), the table's search as an API client asks for it (rows only), and
# the table page as browsed (row count and the table's facets from metadata.yml, each a
# query, a facet dropped when it runs over Datasette's facet_time_limit_ms).
SEARCH_PATHS = [
    ("ranked search soeg.json?q=", "/kb/soeg.json?q={q}"),
    ("sections.json?_search= (rows)", "/kb/sections.json?_search={q}&_size=20&_nocount=1&_nofacet=1"),
    ("sections.json?_search= (count + facets)", "/kb/sections.json?_search={q}&_size=20"),
]
# A term asked again finds the pages its match reads in SQLite's and the OS's caches; the
# first search of each of these many words (drawn from the headings of the served
# database, other words for each path) is timed apart.
FIRST_SEARCHES = 60


def stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def line(name: str, values: list[float], unit: str) -> str:
    med, lo, hi = stats(values)
    return f"| {name} | {med:,.2f} | {lo:,.2f} | {hi:,.2f} | {unit} |"


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its children, in bytes."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_kb(args: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """(seconds, peak memory of the process tree in bytes) of one kb command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(KB + args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    out, _ = proc.communicate()
    watcher.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"kb {' '.join(args)} failed:\n{out.decode()[-2000:]}")
    return time.perf_counter() - t0, peak[0]


def sample_folder(corpus: Path, suffixes: tuple[str, ...], n: int, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in corpus.iterdir() if p.suffix in suffixes)[:n]
    for p in files:
        shutil.copy(p, dest / p.name)
    return files


def pdf_pages(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(str(p))) for p in files)


def plumber_words(files: list[Path]) -> None:
    import pdfplumber

    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()


def pdfium_text(files: list[Path]) -> None:
    import pypdfium2 as pdfium

    for f in files:
        doc = pdfium.PdfDocument(str(f))
        for i in range(len(doc)):
            page = doc[i]
            page.get_textpage().get_text_range()
            page.close()
        doc.close()


def parse_pdfs(files: list[Path], pdfium: bool) -> None:
    """extract.read.pdf.parse_pdf on every file (OCR off): pages through PDFium's text API
    (pdfplumber for ruled tables), or (``pdfium=False``) every page through pdfplumber."""
    from unittest import mock

    from extract.read import ocr
    from extract.read import pdf as read_pdf

    with mock.patch.object(ocr, "ocr_available", lambda: False):
        for f in files:
            read_pdf.parse_pdf(f, data=f.read_bytes(), use_pdfium=pdfium)


def build_times(folder: Path, work: Path, runs: int, workers: int) -> list[float]:
    times = []
    for _ in range(runs):
        for p in work.glob("b.db*"):
            shutil.rmtree(p) if p.is_dir() else p.unlink()
        seconds, _ = run_kb(
            [
                "build",
                str(folder),
                "--db",
                "b.db",
                "--quiet",
                "--no-cache",
                "--workers",
                str(workers),
                "--max-pages",
                "5000",
            ],
            work,
        )
        times.append(seconds)
    return times


def http_get(base: str, path: str) -> tuple[float, bytes]:
    """(milliseconds, body) of one request."""
    t0 = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=30) as r:
        body = r.read()
    return (time.perf_counter() - t0) * 1000, body


def http_ms(base: str, path: str, runs: int) -> list[float]:
    return [http_get(base, path)[0] for _ in range(runs)]


def facets_shown(body: bytes) -> int:
    """The number of facets a table page's JSON holds (those over the time limit are left out)."""
    return len(json.loads(body).get("facet_results") or {})


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "bench" / "out" / "scale"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sample", type=int, default=60, help="PDFs (and text documents) in the throughput sample")
    ap.add_argument("--subset", type=int, default=200, help="documents in the cold / rules-only rebuild comparison")
    ap.add_argument(
        "--full-db",
        default=None,
        help="a build of the whole corpus to reuse, made by 'kb build CORPUS' in the project folder "
        "(built, and timed, here when missing)",
    )
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--search-runs", type=int, default=20)
    ap.add_argument(
        "--parts",
        default="throughput,rebuilds,scale",
        help="which parts to run, comma-separated: throughput, rebuilds, scale "
        "(scale includes search); search alone needs --full-db",
    )
    args = ap.parse_args()
    corpus = Path(args.corpus)
    truth = corpus.parent / f"{corpus.name}.truth.jsonl"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(ROOT / "bench" / "scale_corpus.py"), str(corpus)], check=True)
    parts = {
        "throughput": throughput_rows,
        "rebuilds": rebuild_rows,
        "scale": lambda c, w, a: scale_rows(c, truth, w, a),
        "search": lambda c, w, a: search_rows(Path(a.full_db), w, a),
    }
    if "search" in args.parts.split(",") and not (args.full_db and Path(args.full_db).exists()):
        ap.error("--parts search needs --full-db, a database built from the corpus")
    print("| figure | median | min | max | unit |\n|---|---:|---:|---:|---|", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.parts.split(","):
            print("\n".join(parts[name](corpus, Path(tmp), args)), flush=True)  # each part as it ends


def throughput_rows(corpus: Path, work: Path, args) -> list[str]:
    pdfs = sample_folder(corpus, (".pdf",), args.sample, work / "pdf")
    texts = sample_folder(corpus, (".txt", ".md"), args.sample, work / "text")
    pages = pdf_pages(pdfs)
    run_kb(["build", str(work / "pdf"), "--db", "warm.db", "--quiet", "--no-cache", "--workers", "1"], work)
    rows = [f"| **PDF throughput** ({len(pdfs)} PDFs, {pages} pages) | median | min | max | |"]
    rows.append(
        line("pdfium raw text (1 process)", [pages / t for t in timed(lambda: pdfium_text(pdfs), args.runs)], "pages/s")
    )
    words = [pages / t for t in timed(lambda: plumber_words(pdfs), args.runs)]
    rows.append(line("pdfplumber extract_words (1 process)", words, "pages/s"))
    rows.append(
        line(
            "parse_pdf, every page by pdfplumber",
            [pages / t for t in timed(lambda: parse_pdfs(pdfs, pdfium=False), args.runs)],
            "pages/s",
        )
    )
    rows.append(
        line(
            "parse_pdf, pages through PDFium",
            [pages / t for t in timed(lambda: parse_pdfs(pdfs, pdfium=True), args.runs)],
            "pages/s",
        )
    )
    ours1 = [pages / t for t in build_times(work / "pdf", work, args.runs, 1)]
    rows.append(line("kb build, 1 worker", ours1, "pages/s"))
    rows.append(line("kb build, 1 worker / extract_words", [o / statistics.median(words) for o in ours1], "ratio"))
    oursn = [pages / t for t in build_times(work / "pdf", work, args.runs, args.workers)]
    rows.append(line(f"kb build, {args.workers} workers", oursn, "pages/s"))
    rows.append(
        line(f"speed-up 1 → {args.workers} workers", [statistics.median(oursn) / statistics.median(ours1)], "×")
    )
    rows.append(f"| **Text throughput** ({len(texts)} documents) | | | | |")
    rows.append(
        line("kb build, 1 worker", [len(texts) / t for t in build_times(work / "text", work, args.runs, 1)], "docs/s")
    )
    rows.append(
        line(
            f"kb build, {args.workers} workers",
            [len(texts) / t for t in build_times(work / "text", work, args.runs, args.workers)],
            "docs/s",
        )
    )
    return rows


def _kb_build(folder: Path, db: Path, cwd: Path, workers: int, rules: Path | None = None) -> tuple[float, int]:
    """kb build run in ``cwd`` (documents are stored by their path relative to it), with the
    rules of ``rules`` (default: the project's)."""
    try:
        folder = folder.resolve().relative_to(cwd.resolve())
    except ValueError:
        pass
    rules_args = ["--rules", str(rules)] if rules else []
    return run_kb(
        [
            "build",
            str(folder),
            "--db",
            str(db),
            "--quiet",
            "--workers",
            str(workers),
            "--max-pages",
            "5000",
            *rules_args,
        ],
        cwd,
    )


def rebuild_rows(corpus: Path, work: Path, args) -> list[str]:
    """Cold build, no-op rebuild and rules-only rebuild of a subset, each timed --runs times."""
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    step = max(1, len(files) // args.subset)
    subset = work / "subset"
    subset.mkdir()
    for p in files[::step][: args.subset]:
        shutil.copy(p, subset / p.name)
    rules = work / "rules"
    shutil.copytree(ROOT / "rules", rules)
    cold, noop, rules_only, peaks = [], [], [], []
    for i in range(args.runs):
        db = work / f"subset{i}.db"
        seconds, peak = _kb_build(subset, db, work, args.workers, rules)
        cold.append(seconds)
        peaks.append(peak / 2**20)
        noop.append(_kb_build(subset, db, work, args.workers, rules)[0])
        with open(rules / "amounts.yml", "a", encoding="utf-8") as f:  # a rules change: a new comment
            f.write(f"\n# bench change {i}\n")
        rules_only.append(_kb_build(subset, db, work, args.workers, rules)[0])
    n = len(list(subset.iterdir()))
    return [
        f"| **Rebuilds** ({n} documents of the corpus, {args.workers} workers) | | | | |",
        line("cold build", cold, "s"),
        line("no-op rebuild", noop, "s"),
        line("rules-only rebuild (amounts.yml changed)", rules_only, "s"),
        line("cold / rules-only", [c / r for c, r in zip(cold, rules_only)], "×"),
        line("peak memory of a cold build (all processes)", peaks, "MB"),
    ]


def scale_rows(corpus: Path, truth: Path, work: Path, args) -> list[str]:
    n_docs = sum(1 for p in corpus.iterdir() if p.is_file())
    rows = [f"| **Scale corpus** ({n_docs} documents, {args.workers} workers) | | | | |"]
    db = Path(args.full_db) if args.full_db else work / "scale.db"
    if not db.exists():
        cold, peak = _kb_build(corpus, db, ROOT, args.workers)
        rows += [line("cold build (one run)", [cold], "s"), line("peak memory of the cold build", [peak / 2**20], "MB")]
    noop = [_kb_build(corpus, db, ROOT, args.workers)[0] for _ in range(args.runs)]
    rows.append(line("no-op rebuild", noop, "s"))
    acc = accuracy(str(db), str(truth))
    rows.append("| **Accuracy against the generated truth** | precision | recall | true records | |")
    for kind in ("amounts", "milestones"):
        for group, f in sorted(acc[kind].items()):
            if isinstance(f, dict):  # all, and per format (text, fpdf, reportlab)
                rows.append(f"| {kind} ({group}) | {f['precision']:.4f} | {f['recall']:.4f} | {f['true']} | |")
    rows += search_rows(db, work, args)
    return rows


def heading_words(db: Path, n: int, exclude: set[str]) -> list[str]:
    """n words of 5 or more letters from the database's headings, evenly spread over them."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        text = " ".join(h for (h,) in conn.execute("select heading from sections order by rowid"))
    words = sorted({w.lower() for w in re.findall(r"[A-Za-zÆØÅæøå]{5,}", text)} - exclude)
    step = max(1, len(words) // n)
    return words[::step][:n]


def search_line(name: str, timed: list[tuple[float, bytes]]) -> str:
    """A table row of request times; for a page with facets, how many facets it showed."""
    times = [ms for ms, _ in timed]
    unit = "ms"
    shown = [facets_shown(body) for _, body in timed if b'"facet_results"' in body]
    if shown and max(shown) > 0:
        most = max(shown)
        unit += f"; {most} facets on {shown.count(most)} of {len(shown)} pages, fewest {min(shown)}"
    return f"| {name} | {statistics.median(times):.1f} | {p95(times):.1f} | {max(times):.1f} | {unit} |"


def search_rows(db: Path, work: Path, args) -> list[str]:
    site = work / "site"  # metadata.yml (canned queries) speaks of the database named kb
    site.mkdir(exist_ok=True)
    served = site / "kb.db"
    if not served.exists():
        served.symlink_to(db.resolve())
    with kb_serve(served, work) as base:
        rows = [f"| **Datasette JSON API** ({len(SEARCHES)} terms × {args.search_runs}) | median | p95 | max | |"]
        for name, template in SEARCH_PATHS:
            paths = [template.format(q=urllib.parse.quote(q)) for q in SEARCHES]
            for path in paths:  # warm the page cache once
                http_ms(base, path, 1)
            timed = [http_get(base, path) for path in paths for _ in range(args.search_runs)]
            rows.append(search_line(name, timed))
        typed = [SEARCH_PATHS[0][1].format(q=urllib.parse.quote(q)) for q in TYPED]
        for path in typed:
            http_ms(base, path, 1)
        timed = [http_get(base, path) for path in typed for _ in range(args.search_runs)]
        rows.append(search_line(f"ranked search, {len(TYPED)} forms people type ({', '.join(TYPED)})", timed))
        first_paths = SEARCH_PATHS
        drawn = heading_words(db, FIRST_SEARCHES * len(first_paths), exclude=set(SEARCHES))
        for i, (name, template) in enumerate(first_paths):
            words = drawn[i :: len(first_paths)]  # words of their own: no path finds another's pages cached
            timed = [http_get(base, template.format(q=urllib.parse.quote(q))) for q in words]
            rows.append(search_line(f"{name}, first search of {len(words)} other words", timed))
        for name, path in CANNED:
            times = http_ms(base, path, args.search_runs)
            rows.append(f"| {name} | {statistics.median(times):.1f} | {p95(times):.1f} | {max(times):.1f} | ms |")
    return rows


if __name__ == "__main__":
    main()
