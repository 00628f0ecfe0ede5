"""The code is kept clean: ruff's lint (pyflakes, pycodestyle, import order) and its
formatting, as configured in pyproject.toml, over the whole project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.parametrize(
    "args", [["check", "--output-format", "concise"], ["format", "--check"]], ids=["lint", "format"]
)
def test_ruff_finds_nothing(args):
    assert RUFF, "ruff is installed with the test tools (setup.sh --test)"
    result = subprocess.run([RUFF, *args, "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
