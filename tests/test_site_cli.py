"""kb build and kb extract in the spirit of the site: nothing made from a path that does not
exist, one stored path per file however it is typed, records grouped under their section and
one JSON record per line for pipes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import ROOT, SOURCES

import extract.cli  # noqa: F401  (the command the tests run)

NOTE = SOURCES / "budget-2013-nye-initiativer.md"


def kb(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})  # fmt: skip


def test_building_a_path_that_does_not_exist_creates_no_database(tmp_path):
    done = kb("build", "no-such-note.txt", "--db", str(tmp_path / "kb.db"), "-q", cwd=tmp_path)
    assert done.returncode == 1 and "no such file or folder: no-such-note.txt" in done.stderr
    assert list(tmp_path.iterdir()) == []  # no database, lock, log or cache


def test_a_file_outside_the_project_is_stored_once_however_it_is_typed(tmp_path):
    from extract.build import build

    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir(), outside.mkdir()
    shutil.copy(NOTE, outside / "note.md")
    db = str(project / "kb.db")
    build([project / ".." / "outside" / "note.md"], db, root=project)
    summary = build([outside / "note.md"], db, root=project)
    import sqlite3

    with sqlite3.connect(db) as conn:
        paths = [r[0] for r in conn.execute("select path from documents")]
    assert paths == [(outside / "note.md").as_posix()] and summary.added == 0 and summary.unchanged == 1


def test_extract_prints_each_record_under_its_section():
    done = kb("extract", str(NOTE))
    lines = done.stdout.splitlines()
    heading = lines.index("  § Aftalegrundlag [aftalegrundlag]")
    assert lines[1] == "§ (before the first heading) [preamble]"  # the title and date line
    assert lines[2] == "§ Nytteaktivering af unge kontanthjælpsmodtagere [initiative]"
    assert lines[heading + 1].split() == ["amount", "4.000.000", "kr.", "2013-2013", "indsats", "'4,0", "mio.", "kr.'"]


def test_extract_jsonl_prints_one_record_per_line_in_the_order_of_the_text():
    done = kb("extract", str(NOTE), "--jsonl")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records[0]["type"] == "document" and records[0]["title"].startswith("Budget 2013")
    amounts = [r for r in records if r["type"] == "amount"]
    assert amounts[0]["quote"] == "4,0 mio. kr." and amounts[0]["section"] == "Aftalegrundlag"
    assert {r["type"] for r in records} >= {"section", "amount", "target_group", "milestone"}
    starts = [r["char_start"] for r in records[1:]]
    assert starts == sorted(starts)
