"""Extraction of many documents: in this process, in worker processes, or on a Dask cluster.

A :class:`Job` names the file; :func:`run_job` reads it, hashes the bytes it read and
extracts them with the rules of the build, which every job is given as data
(:class:`extract.rules.RuleFiles`). The same function runs here, in a worker process
or as a Dask task; tasks sent to a Dask cluster carry the file's bytes too, so a
worker there needs neither the source folder nor the project's rules. Workers never
touch the database: the process that runs the build writes every result to SQLite
(one writer). Results come back as they finish; only a bounded
number of jobs is in flight, so memory stays bounded however many documents there are.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from extract.cache import StageCache
from extract.errors import KbError, SourceError
from extract.logs import route_from_environment
from extract.pipeline import Limits, extract_file, rule_set
from extract.records import Extraction
from extract.rules import RuleFiles

IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class Job:
    stored_path: str  # the path stored in the database (its suffix decides the reader)
    path: str  # where to read the file, unless ``data`` holds its bytes
    limits: Limits
    cache_dir: Optional[str] = None
    data: Optional[bytes] = None  # the file's bytes as the build read them (workers need not see the file)
    sha256: Optional[str] = None  # of ``data``
    stored_fingerprint: Optional[str] = None  # of the records the database holds for these bytes


@dataclass
class JobResult:
    stored_path: str
    sha256: str
    size: int
    extraction: Optional[Extraction]
    error: Optional[str]
    stages_run: dict[str, int]  # the stages computed, not taken from the cache
    records_unchanged: bool = False  # the records are those the database holds: nothing sent, nothing to write


class OverTimeLimit(Exception):
    """A document's extraction ran longer than the build allows."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop the work inside after ``seconds`` with :class:`OverTimeLimit` (in a process's main
    thread, where a timer signal can be caught: the build's own process and its worker processes;
    a Dask worker's thread runs without a limit)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise OverTimeLimit()

    before = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def run_job(job: Job, rules: RuleFiles) -> JobResult:
    """Extract one document (in any process) with the build's ``rules``; a failure becomes
    the result's error, never an exception."""
    extraction, error, sha, size = None, None, "", 0
    cache = StageCache(job.cache_dir)
    try:
        data = job.data if job.data is not None else Path(job.path).read_bytes()
        sha = job.sha256 if job.data is not None and job.sha256 else hashlib.sha256(data).hexdigest()
        size = len(data)
        with time_limit(job.limits.max_seconds):
            extraction = extract_file(Path(job.stored_path), rule_set(rules), data, job.limits, cache, sha)
    except OverTimeLimit:
        error = f"extraction stopped after {job.limits.max_seconds} s, over the time limit (kb build --max-seconds)"
    except OSError as e:
        error = f"cannot read the file: {e.strerror or e}"
    except SourceError as e:
        error = e.reason
    except Exception as e:  # an extractor bug must not stop the other documents
        error = f"extraction failed: {type(e).__name__}: {e}"
    if extraction is not None and job.stored_fingerprint == extraction.fingerprint:
        return JobResult(job.stored_path, sha, size, None, None, dict(cache.computed), records_unchanged=True)
    return JobResult(job.stored_path, sha, size, extraction, error, dict(cache.computed))


def run_serial(jobs: Iterable[Job], rules: RuleFiles) -> Iterator[JobResult]:
    for job in jobs:
        yield run_job(job, rules)


def _bounded(
    submit: Callable[[Job], Future], jobs: Iterable[Job], window: int, wait_any: Callable[[set], set]
) -> Iterator:
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


def run_in_processes(jobs: Iterable[Job], workers: int, rules: RuleFiles) -> Iterator[JobResult]:
    """Worker processes start from a fresh interpreter (forkserver), so they hold none of
    this process's files: the build lock dies with the build."""
    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_exit_with, initargs=(os.getpid(),)
    ) as pool:

        def wait_any(pending: set) -> set:
            return wait(pending, return_when=FIRST_COMPLETED).done

        for future in _bounded(
            lambda j: pool.submit(run_job, j, rules), jobs, workers * IN_FLIGHT_PER_WORKER, wait_any
        ):
            yield future.result()


def _exit_with(pid: int) -> None:
    """In a worker: end when the build process ``pid`` is gone (killed), instead of
    waiting for work forever; the libraries' warnings go where the build sends them."""
    route_from_environment()

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


def run_on_dask(jobs: Iterable[Job], address: str, rules: RuleFiles) -> Iterator[JobResult]:
    """Run the jobs as tasks on the Dask cluster whose scheduler is at ``address``; the
    rules go to every worker once, the files' bytes with their tasks."""
    try:
        from distributed import Client
        from distributed import wait as dask_wait
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
            return client.submit(run_job, job, shipped, pure=False, key=f"kb-{time.monotonic_ns()}")

        for future in _bounded(submit, jobs, workers * IN_FLIGHT_PER_WORKER, wait_any):
            yield future.result()


def run_jobs(
    jobs: Iterable[Job], rules: RuleFiles, workers: int = 1, dask_address: Optional[str] = None
) -> Iterator[JobResult]:
    """Results of the jobs, extracted with ``rules``, as they finish: on Dask, in up to
    ``workers`` processes, or here (one worker needs no other process). ``jobs`` is read
    as slots free up, so only the jobs in flight hold their files' bytes."""
    if dask_address:
        return run_on_dask(jobs, dask_address, rules)
    if workers > 1:
        return run_in_processes(jobs, workers, rules)
    return run_serial(jobs, rules)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
