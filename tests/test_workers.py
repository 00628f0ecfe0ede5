"""Parallel and distributed builds give the database a build in one process gives;
parsed PDFs are kept so a rebuild after a rules change does not parse them again."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SOURCES
from extract import pipeline
from extract.build import build
from test_build import dump

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


def _changed_rules(tmp_path: Path, name: str, monkeypatch) -> None:
    """A copy of rules/ with ``name`` changed (a comment added), in use from now on."""
    rules = tmp_path / "rules"
    if not rules.exists():
        shutil.copytree(ROOT / "rules", rules)
    with open(rules / name, "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    monkeypatch.setenv("KB_RULES_DIR", str(rules))


def _refuse(monkeypatch, module, name: str) -> None:
    def refused(*args, **kwargs):
        raise AssertionError(f"{name} ran again")

    monkeypatch.setattr(module, name, refused)


@pytest.mark.parametrize("changed,refused", [
    ("amounts.yml", ["parse_pdf", "read_text_source", "find_sections", "sentence_spans", "find_target_groups",
                     "find_milestones"]),  # the same amounts found: the milestones' input is unchanged
    ("headings.yml", ["parse_pdf", "read_text_source", "sentence_spans", "find_amounts", "find_milestones"]),
    ("ocr_repair.yml", ["parse_pdf"]),
])
def test_a_rules_change_redoes_only_what_those_rules_touch(changed, refused, corpus, tmp_path, monkeypatch):
    shutil.copytree(corpus / "sources", tmp_path / "sources")
    cache = tmp_path / "cache"
    db = str(tmp_path / "kb.db")
    build([tmp_path / "sources"], db, root=tmp_path, cache_dir=cache)
    _changed_rules(tmp_path, changed, monkeypatch)
    for name in refused:
        _refuse(monkeypatch, pipeline, name)
    summary = build([tmp_path / "sources"], db, root=tmp_path, cache_dir=cache)
    assert (summary.changed, summary.failed) == (7, 0), summary.errors
    monkeypatch.undo()
    monkeypatch.setenv("KB_RULES_DIR", str(tmp_path / "rules"))  # the same rules, no cache: the same records
    fresh = tmp_path / "fresh.db"
    build([tmp_path / "sources"], str(fresh), root=tmp_path)
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

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
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

    build_proc = subprocess.Popen([sys.executable, "-m", "extract.cli", "build", str(corpus / "sources"), "--db",
                                   str(tmp_path / "kb.db"), "-q", "--workers", "2", "--no-cache"],
                                  cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
    from extract.cache import ParseCache
    from extract.read.text import read_text_source

    path = tmp_path / "note.txt"
    path.write_text("Indsatsen starter i 2. kvartal 2013. Der er afsat 4,0 mio. kr. i 1. halvår 2013 til at "
                    "starte indsatsen.\n", encoding="utf-8")  # the half-year is the amount's period
    src = read_text_source(path, path.read_bytes())
    cache = ParseCache(tmp_path / "cache")
    first = pipeline.extract_source(src, cache)
    calls = []
    real_milestones = pipeline.find_milestones
    monkeypatch.setattr(pipeline, "find_milestones", lambda *a: calls.append(1) or real_milestones(*a))
    real_digest = cache._rules_digest
    monkeypatch.setattr(cache, "_rules_digest", lambda stage: real_digest(stage) + ("x" if stage == "amounts" else ""))
    same = pipeline.extract_source(src, cache)  # amount rules "changed", the same amounts found
    assert calls == [] and same.milestones == first.milestones
    monkeypatch.setattr(cache, "_rules_digest", lambda stage: real_digest(stage) + ("y" if stage == "amounts" else ""))
    monkeypatch.setattr(pipeline, "find_amounts", lambda text, spans: [])
    fewer = pipeline.extract_source(src, cache)  # changed again: the amount is not found
    assert calls == [1]
    fresh = real_milestones(src.text, pipeline.sentence_spans(src.text),
                            [(a.char_start, a.char_end) for a in fewer.amounts])
    def found(milestones):
        return [(m.char_start, m.date_start, m.date_end, m.kind, m.rule) for m in milestones]

    assert found(fewer.milestones) == found(fresh) != found(first.milestones)
    assert [m.date_text for m in first.milestones] == ["2. kvartal 2013"]
    assert [m.date_text for m in fewer.milestones] == ["2. kvartal 2013", "1. halvår 2013"]
