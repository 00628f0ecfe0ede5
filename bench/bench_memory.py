"""Peak memory and time of building one large PDF (default: the 2,000-page PDF of the bad-input corpus).

Each build runs in a fresh process; peak resident memory is that process's
ru_maxrss. Run: .venv/bin/python bench/bench_memory.py [--pages 2000]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from bad_inputs import DANISH, pdf_bytes  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        (src / "stor.pdf").write_bytes(pdf_bytes([f"Side {i}. {DANISH}" for i in range(args.pages)]))
        size = (src / "stor.pdf").stat().st_size
        cmd = [
            sys.executable,
            "-m",
            "extract.cli",
            "build",
            str(src),
            "--db",
            str(Path(tmp) / "kb.db"),
            "-q",
            "--max-pages",
            str(args.pages + 1),
        ]
        t0 = time.perf_counter()
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"PDF: {args.pages} pages, {size / 1e6:.1f} MB")
    print(f"build: {seconds:.1f} s ({args.pages / seconds:.0f} pages/s), exit {out.returncode}")
    print(f"peak memory of the build process: {peak_mb:.0f} MB")
    print(out.stdout.strip())


if __name__ == "__main__":
    main()
