"""Extraction speed of this checkout against another version's, paired in one run.

Builds the documents of the labelled development corpus (``tests/golden/dev``, the files
its labels name) with ``kb build --no-cache -j 1`` in a new process, once with this
checkout's code and once with the reference checkout's, in turn (A B A B …), so both see
the same state of the machine. Each build writes its own temporary database. Prints, for
each side, the median, minimum and maximum wall seconds and the peak resident memory of
the build process, and the median, minimum and maximum of the ratio of each pair (this
checkout over the reference): below 1 is faster.

Run: .venv/bin/python bench/bench_versions.py --ref <checkout of the other version> [--pairs 5]
(make the reference with ``git worktree add --detach <folder> <commit>``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "golden" / "dev"


def documents() -> list[str]:
    """The absolute paths of the documents the development labels name."""
    names = (json.loads(p.read_text(encoding="utf-8"))["document"] for p in sorted(LABELS.glob("*.json")))
    return [str((ROOT / name).resolve()) for name in names]


def build(checkout: Path, files: list[str], folder: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one cold build with ``checkout``'s code."""
    db = folder / f"{checkout.name}-{time.monotonic_ns()}.db"
    cmd = [sys.executable, "-m", "extract.cli", "build", *files, "--db", str(db), "-q", "--no-cache", "-j", "1"]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench_versions: the build with {checkout} failed")
    db.unlink(missing_ok=True)
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def row(name: str, values: list[float], unit: str) -> str:
    return f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} | {unit} |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ref", type=Path, required=True, help="a checkout of the version to compare with")
    ap.add_argument("--pairs", type=int, default=5)
    args = ap.parse_args()
    ref = args.ref.resolve()
    if not (ref / "extract" / "cli.py").is_file():
        sys.exit(f"bench_versions: {args.ref}: not a checkout of this project")
    files = documents()
    folder = Path(tempfile.mkdtemp(prefix="kb-versions-"))
    build(ROOT, files, folder)  # warm the file cache for both
    build(ref, files, folder)
    this, other = [], []
    for _ in range(args.pairs):
        this.append(build(ROOT, files, folder))
        other.append(build(ref, files, folder))
    print(f"kb build of {len(files)} documents, --no-cache -j 1, {args.pairs} pairs in turn\n")
    print("| build | median | min | max | |\n|---|---|---|---|---|")
    print(row("this checkout, wall", [s for s, _ in this], "s"))
    print(row("reference, wall", [s for s, _ in other], "s"))
    print(row("this checkout, peak memory", [m for _, m in this], "MiB"))
    print(row("reference, peak memory", [m for _, m in other], "MiB"))
    print(row("ratio of each pair (this / reference), wall", [a[0] / b[0] for a, b in zip(this, other)], ""))


if __name__ == "__main__":
    main()
