"""Page and query times of the Datasette site (kb serve) on the built corpus.

Builds the knowledge base from sources/ into a temporary file, starts kb serve on a
free 127.0.0.1 port, requests each page N times (bounded) and prints median, p95
and max in milliseconds. Run: .venv/bin/python bench/bench_site.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from serving import percentile, serve_built  # noqa: E402

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with serve_built(ROOT) as (base, _):
        print(f"{'page':<28} {'median':>8} {'p95':>8} {'max':>8}  (ms, {args.runs} requests each)")
        for name, path in PAGES:
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                with urllib.request.urlopen(base + path, timeout=10) as r:
                    r.read()
                times.append((time.perf_counter() - t0) * 1000)
            p95 = percentile(times, 0.95)
            print(f"{name:<28} {statistics.median(times):>8.1f} {p95:>8.1f} {max(times):>8.1f}")


if __name__ == "__main__":
    main()
