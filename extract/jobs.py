"""Extraction of many documents: in this process, in worker processes, or on a Dask cluster.

A :class:`Job` names the file; a worker reads it, hashes the bytes it read and
extracts them. Jobs sent to a Dask cluster carry the file's bytes and the rules of
the build, so a worker there needs neither the source folder nor the project's
rules. Workers never touch the database: the process that runs the build writes
every result to SQLite (one writer). Results come back as they finish; only a bounded
number of jobs is in flight, so memory stays bounded however many documents there are.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from extract.errors import KbError, SourceError
from extract.cache import ParseCache
from extract.pipeline import Limits, extract_file, rules_hash
from extract.records import Extraction
from extract.rules import RULES_ENV, rules_dir

IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class RulesBundle:
    """The rules files of the build, shipped to workers that may hold other ones."""

    digest: str
    files: tuple[tuple[str, bytes], ...]

    @classmethod
    def from_folder(cls, digest: str, folder: Optional[Path] = None) -> "RulesBundle":
        folder = folder or rules_dir()
        return cls(digest, tuple((p.name, p.read_bytes()) for p in sorted(folder.glob("*.yml"))))

    def install(self) -> Path:
        """Write the rules to a folder named by their digest (once per machine) and use it."""
        folder = Path(tempfile.gettempdir()) / f"kb-rules-{self.digest}"
        if not folder.is_dir():
            staging = Path(tempfile.mkdtemp(prefix=f"kb-rules-{self.digest}-"))
            for name, data in self.files:
                (staging / name).write_bytes(data)
            try:
                staging.rename(folder)
            except OSError:  # another worker installed them first
                pass
        os.environ[RULES_ENV] = str(folder)
        return folder


@dataclass(frozen=True)
class Job:
    display: str  # the path stored in the database (its suffix decides the reader)
    path: str  # where to read the file, unless ``data`` holds its bytes
    limits: Limits
    cache_dir: Optional[str] = None
    data: Optional[bytes] = None  # sent along to workers that may not see the file

    def with_data(self) -> "Job":
        return replace(self, data=Path(self.path).read_bytes())


@dataclass
class JobResult:
    display: str
    sha256: str
    size: int
    extraction: Optional[Extraction]
    error: Optional[str]


def run_job(job: Job, rules: Optional[RulesBundle] = None) -> JobResult:
    """Extract one document (in any process) with ``rules`` when given, else the local ones;
    a failure becomes the result's error, never an exception."""
    if rules is not None:
        rules.install()
    extraction, error, sha, size = None, None, "", 0
    try:
        data = job.data if job.data is not None else Path(job.path).read_bytes()
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
        extraction = extract_file(Path(job.display), data, job.limits, ParseCache(job.cache_dir), sha)
    except OSError as e:
        error = f"cannot read the file: {e.strerror or e}"
    except SourceError as e:
        error = e.reason
    except Exception as e:  # an extractor bug must not stop the other documents
        error = f"extraction failed: {type(e).__name__}: {e}"
    return JobResult(job.display, sha, size, extraction, error)


def run_serial(jobs: Iterable[Job]) -> Iterator[JobResult]:
    for job in jobs:
        yield run_job(job)


def _bounded(submit: Callable[[Job], Future], jobs: Iterable[Job], window: int,
             wait_any: Callable[[set], set]) -> Iterator:
    """Submit jobs keeping at most ``window`` in flight; yield futures as they finish."""
    pending: set = set()
    queue = iter(jobs)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            job = next(queue, None)
            if job is None:
                exhausted = True
            else:
                pending.add(submit(job))
        if not pending:
            return
        done = wait_any(pending)
        pending -= done
        yield from done


def run_in_processes(jobs: Iterable[Job], workers: int) -> Iterator[JobResult]:
    """Worker processes start from a fresh interpreter (forkserver), so they hold none of
    this process's files: the build lock dies with the build."""
    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_exit_with,
                             initargs=(os.getpid(),)) as pool:
        def wait_any(pending: set) -> set:
            return wait(pending, return_when=FIRST_COMPLETED).done

        for future in _bounded(lambda j: pool.submit(run_job, j), jobs, workers * IN_FLIGHT_PER_WORKER, wait_any):
            yield future.result()


def _exit_with(pid: int) -> None:
    """In a worker: end when the build process ``pid`` is gone (killed), instead of
    waiting for work forever."""
    def watch() -> None:
        while True:
            time.sleep(0.2)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, daemon=True, name="kb-exit-with-build").start()


def run_on_dask(jobs: Iterable[Job], address: str, rules: RulesBundle) -> Iterator[JobResult]:
    """Run the jobs as tasks on the Dask cluster whose scheduler is at ``address``; the
    rules go to every worker once, the files' bytes with their tasks."""
    try:
        from distributed import Client, wait as dask_wait
    except ImportError:
        raise KbError("kb build --dask needs dask.distributed: pip install 'kb-dk-policy[dask]'") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as e:
        raise KbError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    with client:
        workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        shipped = client.scatter(rules, broadcast=True)

        def wait_any(pending: set) -> set:
            return set(dask_wait(list(pending), return_when="FIRST_COMPLETED").done)

        def submit(job: Job) -> Future:  # the bytes go along: workers need not see the files
            return client.submit(run_job, job.with_data(), shipped, pure=False, key=f"kb-{time.monotonic_ns()}")

        for future in _bounded(submit, jobs, workers * IN_FLIGHT_PER_WORKER, wait_any):
            yield future.result()


def run_jobs(jobs: Sequence[Job], workers: int = 1, dask_address: Optional[str] = None,
             rules: Optional[RulesBundle] = None) -> Iterator[JobResult]:
    """Results of the jobs as they finish: on Dask (with ``rules``, the build's rules), in up
    to ``workers`` processes, or here (one job, or one worker, needs no other process)."""
    if dask_address:
        return run_on_dask(jobs, dask_address, rules or RulesBundle.from_folder(rules_hash()))
    if workers > 1 and len(jobs) > 1:
        return run_in_processes(jobs, min(workers, len(jobs)))
    return run_serial(jobs)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

