"""Corrections in corrections/*.yml: applied after extraction on every build, to exactly
their row, surviving a rebuild and a rules change; an orphaned one is reported."""

from __future__ import annotations

import shutil

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import SOURCES

from extract.build import build
from extract.cli import cli
from extract.facts.corrections import check_corrections, load_corrections
from extract.rules import RULES_DIR, RuleError

REPORT = "sources/jobkonsulenter-redegoerelse-2007.txt"
CORRECTION = f"""corrections:
  - document: {REPORT}
    quote: "14,530 mill. kr."
    field: status
    value: granted
    why: "the centres' share of the state grant"
"""


@pytest.fixture
def project(tmp_path):
    shutil.copytree(SOURCES, tmp_path / "sources")
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    (tmp_path / "corrections").mkdir()
    return tmp_path


def run(project, **kw):
    summary = build([project / "sources"], str(project / "kb.db"), root=project, rules_dir=project / "rules",
                    corrections_dir=project / "corrections", **kw)  # fmt: skip
    assert summary.failed == 0, summary.errors
    return summary


def rows(project) -> dict[str, dict]:
    db = sqlite_utils.Database(project / "kb.db")
    return {r["id"]: r for r in db.query("select * from allocations")}


def test_a_correction_changes_exactly_its_row(project):
    run(project)
    before = rows(project)
    (project / "corrections" / "fix.yml").write_text(CORRECTION, encoding="utf-8")
    summary = run(project)
    after = rows(project)
    changed = {k for k in after if after[k] != before[k]}
    assert len(changed) == 1
    row = after[changed.pop()]
    assert (row["quote"], row["status"], row["corrected"]) == ("14,530 mill. kr.", "granted", 1)
    assert row["correction"] == "the centres' share of the state grant"
    assert before[row["id"]]["status"] == "frame"
    assert [c["status"] for c in summary.corrections] == ["applied"]


def test_a_correction_survives_a_rebuild_and_a_rules_change_and_goes_when_removed(project):
    (project / "corrections" / "fix.yml").write_text(CORRECTION + """  - document: sources/beskaeftigelsesplan-2022.txt
    quote: "0,6 mio. kr."
    near: "2022 og "
    field: years
    value: 2020
    why: "the plan's own words"
""", encoding="utf-8")  # fmt: skip
    run(project)
    first = rows(project)
    run(project, rebuild=True)
    assert rows(project) == first
    rules = project / "rules" / "allocations.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("rounding_share: 0.02", "rounding_share: 0.021"),
                     encoding="utf-8")  # fmt: skip
    run(project)
    corrected = {k: r for k, r in rows(project).items() if r["corrected"]}
    assert {r["quote"] for r in corrected.values()} == {"14,530 mill. kr.", "0,6 mio. kr."}
    assert {r["status"] for r in corrected.values() if r["quote"] == "14,530 mill. kr."} == {"granted"}
    (project / "corrections" / "fix.yml").unlink()
    run(project)
    assert not any(r["corrected"] for r in rows(project).values())


def test_removing_a_correction_restores_the_extracted_values(project):
    run(project)
    extracted = rows(project)
    (project / "corrections" / "fix.yml").write_text(CORRECTION, encoding="utf-8")
    run(project)
    (project / "corrections" / "fix.yml").unlink()
    run(project)
    assert rows(project) == extracted


def test_an_orphaned_correction_is_reported(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "corrections" / "fix.yml").write_text(CORRECTION.replace("14,530 mill. kr.", "99 mill. kr."),
                                                     encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(cli, ["build", "sources", "--db", "kb.db", "-q", "--corrections", "corrections"])
    assert result.exit_code == 0, result.output
    assert "1 orphaned" in result.output
    assert "fix.yml#1: the quote no longer occurs" in result.output
    db = sqlite_utils.Database(project / "kb.db")
    assert [r["status"] for r in db.query("select status from corrections")] == ["orphaned"]
    assert not any(r["corrected"] for r in rows(project).values())


@pytest.mark.parametrize(
    "change,message",
    [
        (("field: status", "field: colour"), "allowed fields"),
        (("value: granted", "value: approved"), "must be one of"),
        (('why: "the centres\' share of the state grant"', "why: ''"), "why must be a non-empty text"),
        (("quote:", "qoute:"), "unknown key"),
    ],
)
def test_kb_rules_check_validates_corrections_files(project, change, message):
    (project / "corrections" / "bad.yml").write_text(CORRECTION.replace(*change), encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_corrections(project / "corrections")
    errors = check_corrections(project / "corrections")
    assert len(errors) == 1 and errors[0].startswith("bad.yml")
    result = CliRunner().invoke(cli, ["rules", "check", "--corrections", str(project / "corrections")])
    assert result.exit_code != 0 and "bad.yml" in result.output and message in result.output


def test_a_broken_corrections_file_stops_the_build_before_it_writes(project):
    (project / "corrections" / "bad.yml").write_text("corrections: [", encoding="utf-8")
    with pytest.raises(RuleError, match="bad.yml"):
        run(project)
    assert not (project / "kb.db").exists() or not sqlite_utils.Database(project / "kb.db")["documents"].count


def test_corrections_by_sha256_prefix(project):
    run(project)
    sha = next(sqlite_utils.Database(project / "kb.db").query("select sha256 from documents where path = ?",
                                                              [REPORT]))["sha256"]  # fmt: skip
    (project / "corrections" / "fix.yml").write_text(CORRECTION.replace(REPORT, sha[:12]), encoding="utf-8")
    assert [c["status"] for c in run(project).corrections] == ["applied"]
