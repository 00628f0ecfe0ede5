"""Concurrent use: Datasette keeps answering while kb build rewrites the database,
and a second kb build on the same database is refused at once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import SOURCES, dump
from serving import kb_serve

from extract.build import build

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

REQUESTS = 150
PAGES = [
    "/kb/documents.json?_shape=array",
    "/kb/amounts.json?_shape=array&_size=max",
    "/kb/sections.json?_search=kontanthj%C3%A6lp&_shape=array",
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    work = tmp_path_factory.mktemp("concurrent")
    shutil.copytree(SOURCES, work / "src")
    build([work / "src"], str(work / "kb.db"), root=work)
    with kb_serve(work / "kb.db", work) as base:
        yield work, base


def test_the_site_answers_while_documents_are_rewritten(served):
    work, base = served
    expected_amounts = json.loads(urllib.request.urlopen(base + PAGES[1]).read())
    builder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from extract.build import build\n"
            "for _ in range(3): build([Path('src')], 'kb.db', rebuild=True)",
        ],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    statuses, during = [], 0
    for i in range(REQUESTS):
        with urllib.request.urlopen(base + PAGES[i % len(PAGES)], timeout=10) as r:
            statuses.append(r.status)
            rows = json.loads(r.read())
        if i % len(PAGES) == 0:
            assert len(rows) == 5
        if i % len(PAGES) == 1:
            assert len(rows) == len(expected_amounts)
        during += builder.poll() is None
    builder.wait(timeout=120)
    assert builder.returncode == 0, builder.stderr.read().decode()
    assert statuses == [200] * REQUESTS
    assert during > 10, "the requests should overlap the rebuilds"


def test_a_second_build_is_refused_with_a_clear_message(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(15):
        for p in SOURCES.iterdir():
            (src / f"{i:02d}-{p.name}").write_bytes(p.read_bytes() + f"\n\nKopi {i}.\n".encode())
    first = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "build", "src", "--db", "kb.db", "-q"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    lock = tmp_path / "kb.db.lock"
    for _ in range(100):
        if lock.exists() and (tmp_path / "kb.db").exists():
            break
        time.sleep(0.05)
    time.sleep(0.5)
    second = subprocess.run(
        [sys.executable, "-m", "extract.cli", "build", "src", "--db", "kb.db", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert first.poll() is None, "the first build should still be running"
    assert second.returncode == 1
    assert "is being built by another 'kb build'" in second.stderr and "Traceback" not in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1
    assert first.wait(timeout=300) == 0
    build([src], str(tmp_path / "clean.db"), root=tmp_path)
    assert dump(tmp_path / "kb.db") == dump(tmp_path / "clean.db")
