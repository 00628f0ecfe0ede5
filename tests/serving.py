"""Run `kb serve` on a free 127.0.0.1 port for tests and benchmarks."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def kb_serve(db: Path, cwd: Path, timeout: float = 30) -> Iterator[str]:
    """Start kb serve on db (its sources/ folder relative to cwd); yield the base URL."""
    port = free_port()
    # The server logs a line per request: to a file, since a pipe nobody reads fills up
    # after a few hundred requests and then blocks the server.
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=cwd,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"kb serve exited: {log.read().decode()}") from None
                if time.time() > deadline:
                    raise RuntimeError(f"kb serve did not answer within {timeout} s") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@contextmanager
def serve_built(root: Path, db: Optional[Path] = None) -> Iterator[tuple[str, Path]]:
    """kb serve on ``db``, or on a knowledge base built from ``root``/sources into a
    temporary file; yields the base URL and the database's path (for the benchmarks)."""
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            from extract.build import build

            db = Path(tmp) / "kb.db"
            build([root / "sources"], str(db), root=root)
        with kb_serve(db, root) as base:
            yield base, db


def percentile(times: list[float], q: float) -> float:
    """The ``q`` quantile of the times (nearest rank), e.g. 0.95 for p95."""
    times = sorted(times)
    return times[min(len(times) - 1, int(q * len(times)))]
