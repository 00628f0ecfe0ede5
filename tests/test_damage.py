"""Damaged copies of real documents (tests/damage.py: truncated, bytes flipped, other
encodings and line ends, BOMs, NUL bytes, PDFs cut and flipped) built beside the good files:
no traceback, every good file built, every refused file recorded with a one-line reason, and
no decoded text with mojibake where the original had æ, ø and å."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import sqlite_utils
from damage import DEV, FLIPS, PDFS, TEXTS, write

from extract.logs import MAX_LINE

pytestmark = pytest.mark.slow  # a build in another process
# What a UTF-8 text decoded with a single-byte code page looks like ("Ã¦", "Ã¸", "Ã¥",
# "Ă", "Ĺ"), and a replacement character in place of a whole word's letters.
MOJIBAKE = re.compile("Ã[\u00a0-\u00bf]|[ĂĹŁŠ]")


@pytest.fixture(scope="module")
def damaged_build(tmp_path_factory):
    project = tmp_path_factory.mktemp("damage")
    sources = project / "sources"
    copies = write(sources)
    for name in TEXTS:
        shutil.copy(DEV / "text" / name, sources / name)
    for name in PDFS:
        shutil.copy(DEV / "pdf" / name, sources / name)
    result = subprocess.run([sys.executable, "-m", "extract.cli", "build", "sources", "--db", "kb.db", "-q"],
                            cwd=project, capture_output=True, text=True, timeout=600)  # fmt: skip
    return project, copies, result, sqlite_utils.Database(project / "kb.db")


def test_no_traceback_and_one_short_line_per_refused_file(damaged_build):
    _, copies, result, db = damaged_build
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    refused = {r["file"] for r in db.query("select file from build_errors")}
    assert len(errors) == len(refused)
    for line in errors:
        assert len(line) <= MAX_LINE + 120, line
    assert len(copies) == 25


def test_every_good_file_is_built_and_every_file_is_built_or_refused(damaged_build):
    project, copies, _, db = damaged_build
    built = {r["path"] for r in db.query("select path from documents")}
    refused = {r["file"] for r in db.query("select file from build_errors")}
    assert {f"sources/{n}" for n in TEXTS + PDFS} <= built
    assert {f"sources/{d.name}" for d in copies} <= built | refused


def test_no_mojibake_where_the_original_had_danish_letters(damaged_build):
    _, copies, _, db = damaged_build
    for d in copies:
        rows = list(db.query("select t.text from texts t join documents d on d.id = t.document_id where d.path = ?",
                             [f"sources/{d.name}"]))  # fmt: skip
        if not rows:
            continue
        text = rows[0]["text"]
        assert not MOJIBAKE.search(text), (d.name, MOJIBAKE.search(text).group())
        if d.original.startswith("text/"):  # a PDF's flipped bytes may break a font's letters
            assert "ø" in text and "æ" in text, d.name


def test_text_damage_loses_bytes_not_text(damaged_build):
    """A text with a few damaged bytes keeps all of its words but those the bytes were in
    (a flipped byte breaks at most the two words it joins); another encoding, line end,
    BOM or NUL bytes keep every word."""
    _, copies, _, db = damaged_build
    for d in copies:
        if d.original.startswith("pdf/") or d.how == "truncated":
            continue
        rows = list(db.query("select t.text from texts t join documents d on d.id = t.document_id where d.path = ?",
                             [f"sources/{d.name}"]))  # fmt: skip
        assert rows, f"{d.name} ({d.how}) was refused"
        words = set((DEV / d.original).read_text(encoding="utf-8").split())
        lost = words - set(rows[0]["text"].split())
        assert len(lost) <= (2 * FLIPS if d.how == "flipped" else 0), (d.name, d.how, sorted(lost)[:10])


def test_a_damaged_pdf_gives_the_pages_it_can_and_says_so(damaged_build):
    _, copies, _, db = damaged_build
    for d in copies:
        if d.original.startswith("pdf/"):
            rows = list(db.query("select pages, pages_lost, warnings from documents where path = ?",
                                 [f"sources/{d.name}"]))  # fmt: skip
            if d.how == "cut":  # its first pages are whole
                assert rows, f"{d.name}: refused whole, though pages of it are readable"
            if rows:  # what was lost is said: the file damaged, a page unreadable or without text
                said = rows[0]["warnings"]
                assert any(w in said for w in ("damaged", "unreadable", "no usable text")), d.name


def test_the_home_page_flags_a_document_built_from_some_of_its_pages(damaged_build):
    from extract.publish.coverage import COVERAGE_SQL, coverage_params, flags

    _, _, _, db = damaged_build
    rows = [r for r in db.query(COVERAGE_SQL, coverage_params()) if r["damaged"]]
    assert {r["path"] for r in rows} >= {f"sources/cut-{name}" for name in PDFS}
    for row in rows:
        assert any("beskadiget" in f for f in flags(row)), row["path"]
    assert not any(
        "beskadiget" in f for r in db.query(COVERAGE_SQL, coverage_params()) if not r["damaged"] for f in flags(r)
    )


def test_the_home_page_flags_ocr_pages_below_the_confidence_the_rules_give():
    from extract.publish.coverage import flags, low_ocr_confidence

    assert low_ocr_confidence() == 70  # rules/ocr_repair.yml, limits.flag_page_confidence
    assert flags({"sections": 3, "kind": "dagsordenspunkt", "low_ocr_pages": 2}) == [
        "2 OCR-side(r) med lav sikkerhed (under 70)"
    ]
