"""Page and query times of the Datasette site (kb serve) on the built corpus.

Builds the knowledge base from sources/ into a temporary file, starts kb serve on a
free 127.0.0.1 port, requests each page N times (bounded) and prints median, p95
and max in milliseconds. Run: .venv/bin/python bench/bench_site.py [--runs 20]
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.build import build  # noqa: E402

PAGES = [
    ("home", "/"),
    ("documents table", "/kb/documents"),
    ("sections table", "/kb/sections"),
    ("amounts table + facets", "/kb/amounts"),
    ("table search kontanthjælp", "/kb/sections?_search=kontanthj%C3%A6lp"),
    ("search query (snippets)", "/kb/soeg?q=kontanthj%C3%A6lp"),
    ("search query JSON", "/kb/soeg.json?q=ledighed"),
    ("amounts per year", "/kb/beloeb_pr_aar?document="),
    ("initiatives for unge", "/kb/maalgruppe?label=unge"),
    ("milestones 2013", "/kb/milepaele_i_periode?fra=2013-01-01&til=2013-12-31"),
    ("one initiative", "/kb/indsats?indsats=Jobrotation"),
    ("search all tables", "/-/search?q=akademiker"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kb.db"
        build([ROOT / "sources"], str(db), root=ROOT)
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "extract.cli", "serve", "--db", str(db), "--port", str(port)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            print(f"{'page':<28} {'median':>8} {'p95':>8} {'max':>8}  (ms, {args.runs} requests each)")
            for name, path in PAGES:
                times = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    with urllib.request.urlopen(base + path, timeout=10) as r:
                        r.read()
                    times.append((time.perf_counter() - t0) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
                print(f"{name:<28} {statistics.median(times):>8.1f} {p95:>8.1f} {max(times):>8.1f}")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
