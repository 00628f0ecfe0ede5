"""Shared fixtures: the corpus in sources/, extractions cached per session, a built database."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import sqlite_utils

from extract.pipeline import project_rules
from extract.schema import RECORD_TABLES

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLDEN = Path(__file__).resolve().parent / "golden"
CORPUS = sorted(p for p in SOURCES.iterdir() if p.is_file() and not p.name.startswith("."))
RULES = project_rules()  # the project's rules, loaded once per file on first use
VOLATILE = {"extracted_at"}  # columns that differ between two builds of the same documents
CONTENT_TABLES = ("documents", "texts", *RECORD_TABLES, "pages", "ocr_repairs")  # what a build writes


def extract_text(text: str, tmp_path: Path, name: str):
    """What the pipeline extracts from ``text`` saved as the file ``name`` in ``tmp_path``."""
    from extract.pipeline import extract_source, read_source

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_source(read_source(path, RULES), RULES, name=path.name)


@pytest.fixture
def sources_one_never_ending(tmp_path, monkeypatch) -> Path:
    """A folder of two documents, one whose extraction never ends (a pattern backtracking without
    end on a dot leader, as 0.16.0's sentence splitter did on a real page)."""
    import re

    from extract import jobs

    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "notat.txt").write_text("Notat om puljen\n\nKommunen afsætter 2 mio. kr. i 2025.\n", encoding="utf-8")
    (sources / "endeloes.txt").write_text("Notat\n\nEt dokument, hvis udtræk aldrig slutter.\n", encoding="utf-8")
    real = jobs.extract_file

    def never_ending_for_one(path, *args, **kwargs):
        if path.name == "endeloes.txt":
            re.search(r"(?:\.{2,}|…)+$", "Indhold" + "." * 70 + ")")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(jobs, "extract_file", never_ending_for_one)
    return sources


def dump(db_path: Path) -> dict:
    """The rows of every content table of a built database (volatile columns left out), to
    compare two builds."""
    db = sqlite_utils.Database(db_path)
    out = {}
    for table in CONTENT_TABLES:
        rows = db.query(f"select * from [{table}] order by 1")
        out[table] = [{k: v for k, v in r.items() if k not in VOLATILE} for r in rows]
    return out


# written by the golden tests in tests/output/
EVAL_REPORTS = {"dev_eval.txt": "kb eval", "dev_agreement.txt": "kb agree", "allocations_eval.txt": "kb eval",
                "links_eval.txt": "kb eval"}  # fmt: skip
SUMMARY_STARTS = ("tuned documents", "links across documents")  # where a report's summary begins
STARTED = time.time()


def pytest_terminal_summary(terminalreporter):
    """The figures of the labelled documents, as `kb eval` prints them, at the end of a run
    that scored them (the per-document report with every miss stays in tests/output/)."""
    for name, command in EVAL_REPORTS.items():
        path = ROOT / "tests" / "output" / name
        if not path.exists() or path.stat().st_mtime < STARTED:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith(SUMMARY_STARTS)), len(lines))
        terminalreporter.section(f"{command}: {name} (details in tests/output/{name})")
        for line in lines[start:]:
            terminalreporter.write_line(line)


def build_labelled(labels, folder: Path) -> Path:
    """A knowledge base of the documents a set of label files names (``folder/kb.db``)."""
    from extract.build import build

    files = []
    for label in labels:
        path = (ROOT / label.document).resolve()
        assert path.exists(), f"{label.path.name}: its document {label.document} is missing"
        files.append(path)
    db_path = folder / "kb.db"
    summary = build(files, str(db_path), root=ROOT)
    assert summary.failed == 0, summary.errors
    return db_path


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/*.json from the current extraction, for a human to review in the diff.",
    )


@pytest.fixture(scope="session")
def extractions():
    """Extraction of every corpus document, keyed by file stem (computed once)."""
    from extract.pipeline import extract_file

    return {p.stem: extract_file(p) for p in CORPUS}


@pytest.fixture(scope="session")
def built_db(tmp_path_factory):
    """A knowledge base built from a copy of sources/ (the path of kb.db)."""
    from extract.build import build

    work = tmp_path_factory.mktemp("kb")
    shutil.copytree(SOURCES, work / "sources")
    db_path = work / "kb.db"
    summary = build([work / "sources"], str(db_path), root=work)
    assert summary.failed == 0, summary.errors
    return db_path
