"""The kb command: help, README, extract, rules check, errors as one line."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT, SOURCES

from extract.cli import cli

COMMANDS = [["build"], ["extract"], ["rules", "check"], ["serve"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kb {' '.join(command)}" in readme


def test_extract_prints_records_as_json():
    result = CliRunner().invoke(cli, ["extract", str(SOURCES / "jobkonsulenter-redegoerelse-2007.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["document"]["case_number"] == "2008-15091"
    assert 26898526 in [a["value_dkk"] for a in data["amounts"]]


def test_rules_check_passes_on_the_shipped_rules():
    result = CliRunner().invoke(cli, ["rules", "check"])
    assert result.exit_code == 0, result.output
    assert "rule files OK" in result.output


def test_rules_check_names_file_rule_and_allowed_values(tmp_path):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    broken = tmp_path / "rules" / "sentences.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("never_final:", "never_finale:"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "check", "--rules", str(tmp_path / "rules")])
    assert result.exit_code == 1
    assert "sentences.yml" in result.output and "never_finale" in result.output
    assert "allowed keys" in result.output


def test_build_reports_a_bad_file_in_one_line_and_exits_nonzero(tmp_path):
    (tmp_path / "sources").mkdir()
    shutil.copy(SOURCES / "temaer-beskaeftigelsesaftale-2012.txt", tmp_path / "sources")
    (tmp_path / "sources" / "tom.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "sources"), "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 1
    assert "1 added" in result.output and "1 failed" in result.output
    error_lines = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(error_lines) == 1 and "tom.txt" in error_lines[0] and "empty" in error_lines[0]
    assert "Traceback" not in result.output


def test_ci_runs_the_readme_test_command():
    readme_lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [ln.strip() for ln in readme_lines[:6] if ln.startswith("    ./")]
    assert len(commands) == 2, "the README starts with the two set-up commands"
    assert "kb serve" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_build_stops_a_file_over_max_seconds_and_builds_the_others(tmp_path, sources_one_never_ending):
    command = ["build", str(tmp_path / "sources"), "--db", str(tmp_path / "kb.db"), "-j", "1", "--max-seconds", "5"]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert "1 added" in result.output and "1 failed" in result.output
    error_lines = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(error_lines) == 1 and "endeloes.txt" in error_lines[0] and "--max-seconds" in error_lines[0]
