"""Parallel and distributed builds give the database a build in one process gives;
parsed PDFs are kept so a rebuild after a rules change does not parse them again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, RULES, SOURCES, dump

from extract import pipeline
from extract.build import build
from extract.pipeline import RULE_FILES, STAGES
from extract.rules import RULES_DIR

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
PDFS = ("status-beskaeftigelsesaftale-2009.reportlab.pdf", "jobkonsulenter-redegoerelse-2007.fpdf.pdf")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The corpus and two of its documents as PDFs."""
    work = tmp_path_factory.mktemp("workers")
    shutil.copytree(SOURCES, work / "sources")
    for name in PDFS:
        shutil.copy(PDF_DIR / name, work / "sources" / name)
    return work


@pytest.fixture(scope="module")
def serial_db(corpus) -> Path:
    summary = build([corpus / "sources"], str(corpus / "serial.db"), root=corpus, workers=1)
    assert (summary.added, summary.failed) == (7, 0)
    return corpus / "serial.db"


def test_two_worker_processes_build_the_same_database(corpus, serial_db):
    summary = build([corpus / "sources"], str(corpus / "two.db"), root=corpus, workers=2)
    assert (summary.added, summary.failed) == (7, 0)
    assert dump(corpus / "two.db") == dump(serial_db)


def test_a_file_failing_in_a_worker_is_reported_and_the_others_are_built(corpus, tmp_path):
    shutil.copytree(corpus / "sources", tmp_path / "sources")
    (tmp_path / "sources" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    summary = build([tmp_path / "sources"], str(tmp_path / "kb.db"), root=tmp_path, workers=2)
    assert (summary.added, summary.failed) == (7, 1)
    assert summary.errors[0][0].endswith("broken.pdf") and "not a readable PDF" in summary.errors[0][1]


def _changed_rules(tmp_path: Path, name: str) -> Path:
    """A copy of rules/ with ``name`` changed (a comment added)."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    with open(rules / name, "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    return rules


@pytest.mark.parametrize("changed", sorted(RULE_FILES))
def test_a_rules_change_redoes_exactly_the_stages_that_read_it(changed, corpus, tmp_path):
    """Every document is extracted again, but only the stages that declare the changed file
    are run again: the others come from the cache (their inputs came out the same). A file
    only linking across documents reads is no document's: every document is linked again,
    none extracted again."""
    shutil.copytree(corpus / "sources", tmp_path / "sources")
    cache = tmp_path / "cache"
    db = str(tmp_path / "kb.db")
    first = build([tmp_path / "sources"], db, root=tmp_path, cache_dir=cache)
    assert first.stages_run["read"] == 7 and first.stages_run["pdf"] == 2
    rules = _changed_rules(tmp_path, changed)
    summary = build([tmp_path / "sources"], db, root=tmp_path, cache_dir=cache, rules_dir=rules)
    want = (7, 0, 0) if changed in pipeline.DOCUMENT_RULE_FILES else (0, 7, 0)  # changed, unchanged, failed
    assert (summary.changed, summary.unchanged, summary.failed) == want, summary.errors
    expected = {name: 7 for name, stage in STAGES.items() if changed in stage.reads}
    assert dict(summary.stages_run) == expected
    fresh = tmp_path / "fresh.db"  # the same rules, no cache: the same records
    build([tmp_path / "sources"], str(fresh), root=tmp_path, rules_dir=rules)
    assert dump(Path(db)) == dump(fresh)


def test_a_broken_cache_entry_is_parsed_again(corpus, tmp_path):
    shutil.copytree(corpus / "sources", tmp_path / "sources")
    cache = tmp_path / "cache"
    build([tmp_path / "sources"], str(tmp_path / "a.db"), root=tmp_path, cache_dir=cache)
    for entry in cache.rglob("*.pickle.z"):
        entry.write_bytes(b"garbage")
    summary = build([tmp_path / "sources"], str(tmp_path / "b.db"), root=tmp_path, cache_dir=cache)
    assert (summary.added, summary.failed) == (7, 0)
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")


def test_a_dask_cluster_builds_the_same_database(corpus, serial_db):
    """A real scheduler and two worker processes on 127.0.0.1; the rules travel with the tasks."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        summary = build([corpus / "sources"], str(corpus / "dask.db"), root=corpus, dask=cluster.scheduler_address)
    assert (summary.added, summary.failed) == (7, 0)
    assert dump(corpus / "dask.db") == dump(serial_db)


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path):
    from extract.errors import KbError

    shutil.copytree(SOURCES, tmp_path / "sources")
    with pytest.raises(KbError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        build([tmp_path / "sources"], str(tmp_path / "kb.db"), root=tmp_path, dask="tcp://127.0.0.1:1")


def test_workers_end_when_the_build_is_killed(corpus, tmp_path):
    """A build killed with SIGKILL leaves no worker processes behind."""
    import signal
    import subprocess
    import sys
    import time

    import psutil

    build_proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extract.cli",
            "build",
            str(corpus / "sources"),
            "--db",
            str(tmp_path / "kb.db"),
            "-q",
            "--workers",
            "2",
            "--no-cache",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(build_proc.pid)
    deadline = time.time() + 60
    children: list = []
    while time.time() < deadline and len(children) < 3:  # the forkserver and two workers
        children = parent.children(recursive=True)
        time.sleep(0.1)
    assert len(children) >= 3, "the build should have started its workers"
    build_proc.send_signal(signal.SIGKILL)
    build_proc.wait()
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert alive == [], f"workers left behind: {[p.pid for p in alive]}"


def test_milestones_follow_the_amounts_they_are_given(tmp_path, monkeypatch):
    """Milestones are cached by the places of the amounts, not by amounts.yml: when changed
    amount rules find other amounts the milestones are found again, when they find the same
    amounts the milestones come from the cache."""
    from extract.cache import StageCache
    from extract.extractors import amounts

    path = tmp_path / "note.txt"
    path.write_text(
        "Indsatsen starter i 2. kvartal 2013. Der er afsat 4,0 mio. kr. i 1. halvår 2013 til at starte indsatsen.\n",
        encoding="utf-8",
    )  # the half-year is the amount's period
    src = pipeline.read_source(path, RULES)
    first = pipeline.extract_source(src, RULES, StageCache(tmp_path / "cache"))
    changed = pipeline.project_rules(_changed_rules(tmp_path, "amounts.yml"))
    cache = StageCache(tmp_path / "cache")
    same = pipeline.extract_source(src, changed, cache)  # amount rules changed, the same amounts found
    assert cache.computed["amounts"] == 1 and cache.computed["milestones"] == 0
    assert same.milestones == first.milestones
    with open(tmp_path / "rules" / "amounts.yml", "a", encoding="utf-8") as f:
        f.write("# changed again\n")
    monkeypatch.setattr(
        amounts, "find_amounts", lambda text, spans, r, sections=(), title=None, date=None: []
    )  # … and finding none
    cache = StageCache(tmp_path / "cache")
    fewer = pipeline.extract_source(src, pipeline.project_rules(tmp_path / "rules"), cache)
    assert cache.computed["amounts"] == 1 and cache.computed["milestones"] == 1
    fresh = pipeline.extract_source(src, pipeline.project_rules(tmp_path / "rules"))

    def found(milestones):
        return [(m.char_start, m.date_start, m.date_end, m.kind, m.rule) for m in milestones]

    assert found(fewer.milestones) == found(fresh.milestones) != found(first.milestones)
    assert [m.date_text for m in first.milestones] == ["2. kvartal 2013"]
    assert [m.date_text for m in fewer.milestones] == ["2. kvartal 2013", "1. halvår 2013"]


def test_a_document_over_the_time_limit_is_stopped_and_the_others_are_built(tmp_path, sources_one_never_ending):
    limits = pipeline.Limits(max_seconds=1)
    summary = build([sources_one_never_ending], str(tmp_path / "kb.db"), root=tmp_path, workers=1, limits=limits)
    assert (summary.added, summary.failed) == (1, 1)
    assert summary.errors[0][0].endswith("endeloes.txt") and "over the time limit" in summary.errors[0][1]
