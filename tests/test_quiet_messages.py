"""Quiet, short messages: a damaged PDF's library warnings go to the build log (and to the
terminal only with --debug); each error line names the file and the reason in at most
~200 characters, the whole reason kept in build_errors."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
import sqlite_utils
from conftest import ROOT

from extract.logs import MAX_LINE, one_line

PDF = (
    ROOT.parent / "shared" / "dev-corpus" / "pdf" / "ballerup_2012-11-19_notat-torvevej-budgettilpasning-2013-2014.pdf"
)
TEXT = ROOT.parent / "shared" / "dev-corpus" / "text" / "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt"


def damaged(data: bytes, seed: int, flips: int) -> bytes:
    out, rng = bytearray(data), random.Random(seed)
    for _ in range(flips):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def kb_build(folder, *args):
    return subprocess.run([sys.executable, "-m", "extract.cli", "build", "sources", "--db", "kb.db", "-q", *args],
                          cwd=folder, capture_output=True, text=True, timeout=300)  # fmt: skip


@pytest.fixture
def project(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "note.txt").write_bytes(TEXT.read_bytes())
    (sources / "half.pdf").write_bytes(PDF.read_bytes()[:45000])
    (sources / "flipped.pdf").write_bytes(damaged(PDF.read_bytes(), 1, 200))
    return tmp_path


@pytest.mark.parametrize("workers", ["1", "2"])
def test_library_warnings_go_to_the_build_log_not_the_terminal(project, workers):
    result = kb_build(project, "--workers", workers)
    assert "xref" not in result.stderr and "WARNING" not in result.stderr
    for line in result.stderr.splitlines():
        assert len(line) <= MAX_LINE + 60, line
    assert "xref" in (project / "kb.log").read_text(encoding="utf-8")
    db = sqlite_utils.Database(project / "kb.db")
    built = {r["path"] for r in db.query("select path from documents")}
    refused = {r["file"] for r in db.query("select file from build_errors")}
    assert "sources/note.txt" in built and built | refused == {
        "sources/note.txt",
        "sources/half.pdf",
        "sources/flipped.pdf",
    }


def test_debug_shows_the_library_warnings(project):
    result = kb_build(project, "--workers", "1", "--debug")
    assert "xref" in result.stderr


def test_a_long_reason_is_cut_to_one_short_line():
    dump = "not a readable PDF (" + "<< /Type /Page /Parent 3 0 R >> " * 20 + ")\nTraceback …"
    line = one_line(dump)
    assert len(line) <= MAX_LINE and "\n" not in line and line.startswith("not a readable PDF")
    assert one_line("no text on any page") == "no text on any page"
