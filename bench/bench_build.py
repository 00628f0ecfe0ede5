"""Benchmark of kb build on the documents in sources/ (or a folder given as argument).

Prints, as the median of several runs with min and max: cold build time and
documents per second, no-op rebuild time (nothing changed), and per-document
extraction time. Run: .venv/bin/python bench/bench_build.py [FOLDER] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.build import build  # noqa: E402
from extract.pipeline import extract_file  # noqa: E402


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def row(name: str, times: list[float], unit: str = "s") -> str:
    return f"{name:<34} {statistics.median(times):>9.3f} {min(times):>9.3f} {max(times):>9.3f} {unit}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", default=str(ROOT / "sources"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path(args.folder)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    extract_file(files[0])  # load spaCy and the rules once, outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kb.db"

        def cold():
            for p in Path(tmp).glob("kb.db*"):
                p.unlink()
            build([folder], str(db), root=ROOT)

        cold_times = timed(cold, args.runs)
        noop_times = timed(lambda: build([folder], str(db), root=ROOT), args.runs)
    print(f"{len(files)} documents in {folder.name}/, {args.runs} runs: median, min, max")
    print(row("cold build", cold_times))
    print(row("documents per second (cold)", [len(files) / t for t in cold_times], "docs/s"))
    print(row("no-op rebuild", noop_times))
    for p in files:
        print(row(f"extract {p.name[:26]}", timed(lambda: extract_file(p), args.runs)))


if __name__ == "__main__":
    main()
