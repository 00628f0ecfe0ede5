"""Crash safety: kb build killed with SIGKILL at random moments never corrupts kb.db.

After each kill the database passes PRAGMA integrity_check and every document in it
is either fully the old version or fully the new one — its allocations too, none of them
half-linked to amounts, no link across documents to a document that is gone —; the next build completes and equals a clean build.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SOURCES, dump

from extract.build import build

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

RUNS = 12
EXTRA = "\n\nDer afsættes 1,5 mio. kr. årligt i 2015-2017 til drift.\n"
TABLES = ("sections", "amounts", "target_groups", "milestones", "allocations", "allocation_mentions")
# Rows that would be half-linked: a mention whose amount or allocation is gone or belongs to
# another document, an allocation no mention states.
HALF_LINKED = """
select count(*) from allocation_mentions m
  left join amounts a on a.id = m.amount_id
  left join allocations l on l.id = m.allocation_id
 where a.id is null or l.id is null or a.document_id != m.document_id or l.document_id != m.document_id
union all
select count(*) from allocations l
 where not exists (select 1 from allocation_mentions m where m.allocation_id = l.id)
union all
select count(*) from initiative_links k
 where not exists (select 1 from documents d where d.id = k.document_a)
    or not exists (select 1 from documents d where d.id = k.document_b)
union all
select count(*) from initiative_sections u
 where not exists (select 1 from documents d where d.id = u.document_id)
    or not exists (select 1 from initiatives i where i.id = u.initiative_id)
"""


def counts(db_path: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db_path)
    out = {}
    for doc_id, path, sha in conn.execute("select id, path, sha256 from documents"):
        out[path] = (
            sha,
            *(conn.execute(f"select count(*) from {t} where document_id = ?", [doc_id]).fetchone()[0] for t in TABLES),
        )
    conn.close()
    return out


def start_build(work: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "build", "src", "--db", str(db), "-q"],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=None,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    work = tmp_path_factory.mktemp("crash")
    src = work / "src"
    shutil.copytree(SOURCES, src)
    for p in src.iterdir():
        p.write_bytes(p.read_bytes() + EXTRA.encode())
    build([src], str(work / "old.db"), root=work)
    old = counts(work / "old.db")
    shutil.rmtree(src)
    shutil.copytree(SOURCES, src)
    build([src], str(work / "clean.db"), root=work)
    new = counts(work / "clean.db")
    assert all(old[p][0] != new[p][0] for p in new)
    return work, old, new


def test_sigkill_at_random_moments_leaves_old_or_new_documents(corpus):
    work, old, new = corpus
    rnd = random.Random(20261123)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "extract.cli", "build", "src", "--db", str(work / "timing.db"), "-q"],
        cwd=work,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    full = time.perf_counter() - t0
    db = work / "run.db"
    states = []
    for _ in range(RUNS):
        for p in work.glob("run.db*"):  # the database, its WAL, lock and parse cache
            # (a killed build's workers may still be finishing a cache entry: they end within a second)
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink()
        shutil.copy(work / "old.db", db)
        proc = start_build(work, db)
        time.sleep(rnd.uniform(0, full))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(db)
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert [n for (n,) in conn.execute(HALF_LINKED)] == [0, 0, 0, 0]
        conn.close()
        got = counts(db)
        assert set(got) == set(new)
        for path, row in got.items():
            assert row in (old[path], new[path]), f"{path} is half old, half new: {row}"
        states.append(sum(row == new[p] for p, row in got.items()))
    assert len(set(states)) > 1, f"kills should land at different moments: {states}"
    result = subprocess.run(
        [sys.executable, "-m", "extract.cli", "build", "src", "--db", str(db), "-q"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert dump(db) == dump(work / "clean.db")
