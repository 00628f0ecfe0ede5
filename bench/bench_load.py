"""The site under load: 16 concurrent readers on the common pages (loopback only).

Builds the knowledge base from sources/ into a temporary file, starts kb serve on a free
127.0.0.1 port, and sends a bounded number of requests (default 400) from N concurrent
clients (default 16), cycling over the common pages: home, table pages, a search, canned
queries, a row page, a CSV export. Prints errors, p50, p95 and max per page and overall
(milliseconds). Run: .venv/bin/python bench/bench_load.py [--clients 16] [--requests 400]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import sqlite_utils  # noqa: E402
from serving import percentile, serve_built  # noqa: E402

PAGES = [
    ("home", "/"),
    ("database", "/kb"),
    ("documents", "/kb/documents"),
    ("sections", "/kb/sections"),
    ("amounts", "/kb/amounts"),
    ("allocations", "/kb/allocations"),
    ("search", "/kb/soeg?q=kontanthj%C3%A6lp"),
    ("table search", "/kb/sections?_search=ledige"),
    ("per year", "/kb/beloeb_pr_aar?document="),
    ("target group", "/kb/maalgruppe?label=unge"),
    ("row", None),  # a section's row page: its id is read from the database
    ("csv", "/kb/amounts.csv?_size=max"),
]


def fetch(base: str, path: str) -> tuple[float, bool]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            r.read()
            ok = r.status == 200
    except OSError:
        ok = False
    return (time.perf_counter() - t0) * 1000, ok


def run(base: str, pages: list[tuple[str, str]], clients: int, requests: int) -> dict[str, list]:
    plan = [pages[i % len(pages)] for i in range(requests)]
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda p: (p[0], *fetch(base, p[1])), plan))
    out: dict[str, list] = {}
    for name, ms, ok in results:
        out.setdefault(name, []).append((ms, ok))
    return out


def report(results: dict[str, list], clients: int, seconds: float) -> None:
    every = [ms for rows in results.values() for ms, _ in rows]
    errors = sum(not ok for rows in results.values() for _, ok in rows)
    print(f"{'page':<14} {'n':>4} {'errors':>6} {'p50':>8} {'p95':>8} {'max':>8}  (ms)")
    for name, rows in results.items():
        times = [ms for ms, _ in rows]
        print(f"{name:<14} {len(rows):>4} {sum(not ok for _, ok in rows):>6} {statistics.median(times):>8.0f} "
              f"{percentile(times, 0.95):>8.0f} {max(times):>8.0f}")  # fmt: skip
    print(f"{'all':<14} {len(every):>4} {errors:>6} {statistics.median(every):>8.0f} {percentile(every, 0.95):>8.0f} "
          f"{max(every):>8.0f}   {clients} clients, {len(every) / seconds:.1f} requests/s")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--db", type=Path, help="Serve this built database instead of building sources/.")
    args = ap.parse_args()
    with serve_built(ROOT, args.db) as (base, db):
        section = next(sqlite_utils.Database(db).query("select id from sections limit 1"))["id"]
        pages = [(name, path or f"/kb/sections/{section}") for name, path in PAGES]
        run(base, pages, 2, len(pages))  # warm: each page once
        t0 = time.perf_counter()
        results = run(base, pages, args.clients, min(args.requests, 2000))
        report(results, args.clients, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
