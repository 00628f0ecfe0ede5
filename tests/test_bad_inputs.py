"""Bad input never stops a build: each bad file gets a one-line reason, the others are built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils
from bad_inputs import make_bad_inputs
from click.testing import CliRunner
from conftest import SOURCES

from extract.build import build
from extract.cli import cli
from extract.errors import BuildAbortedError

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

GOOD = ["temaer-beskaeftigelsesaftale-2012.txt", "status-beskaeftigelsesaftale-2009.txt"]


@pytest.fixture(scope="module", autouse=True)
def without_tesseract():
    """The bad-input cases are those of a machine without Tesseract."""
    from extract.read import ocr

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ocr, "ocr_available", lambda: False)
        yield


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    src = root / "src"
    cases = make_bad_inputs(src)
    for name in GOOD:
        shutil.copy(SOURCES / name, src / name)
    return root, cases


@pytest.fixture(scope="module")
def bad_build(bad_folder):
    root, cases = bad_folder
    summary = build([root / "src"], str(root / "kb.db"), root=root)
    return root, cases, summary


def test_every_bad_file_gets_its_reason_and_the_good_ones_are_built(bad_build):
    root, cases, summary = bad_build
    reasons = dict(summary.errors)
    db = sqlite_utils.Database(root / "kb.db")
    built = {r["path"] for r in db.query("select path from documents where status = 'ok'")}
    for case in cases:
        path = f"src/{case.name}"
        if case.error is None:
            assert path in built, f"{case.name} should be built: {reasons.get(path)}"
        else:
            assert case.error in reasons[path], (case.name, reasons.get(path))
            assert "\n" not in reasons[path] and "Traceback" not in reasons[path]
    assert {f"src/{name}" for name in GOOD} <= built
    logged = {r["file"] for r in db.query("select file from build_errors where run_id = ?", [summary.run_id])}
    assert logged == set(reasons)
    assert summary.failed == len([c for c in cases if c.error])


@pytest.mark.parametrize("name", ["windows-1252.txt", "latin-1.txt", "utf-16.txt"])
def test_text_in_other_encodings_is_read_without_mojibake(bad_build, name):
    root, _, _ = bad_build
    db = sqlite_utils.Database(root / "kb.db")
    text = next(
        db.query(
            "select t.text from texts t join documents d on d.id = t.document_id where d.path = ?", [f"src/{name}"]
        )
    )["text"]
    assert "Målgruppen er unge kontanthjælpsmodtagere" in text and "Ã" not in text


def test_html_is_read_as_text_without_its_scripts(bad_build):
    root, _, _ = bad_build
    db = sqlite_utils.Database(root / "kb.db")
    text = next(
        db.query("select t.text from texts t join documents d on d.id = t.document_id where d.path = 'src/side.html'")
    )["text"]
    assert "Notat" in text and "alert" not in text and "<" not in text
    values = [
        r["value_dkk"]
        for r in db.query(
            "select value_dkk from amounts a join documents d on d.id = a.document_id where d.path = 'src/side.html'"
        )
    ]
    assert values == [4000000]


def test_the_cli_says_one_line_per_bad_file_and_exits_1(bad_folder, tmp_path):
    root, cases = bad_folder
    result = CliRunner().invoke(cli, ["build", str(root / "src"), "--db", str(tmp_path / "kb.db"), "-q"])
    assert result.exit_code == 1
    errors = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(errors) == len([c for c in cases if c.error])
    assert "Traceback" not in result.output


def test_strict_stops_at_the_first_failure(bad_folder, tmp_path):
    root, _ = bad_folder
    with pytest.raises(BuildAbortedError, match="--strict"):
        build([root / "src"], str(tmp_path / "kb.db"), root=root, strict=True)
    result = CliRunner().invoke(cli, ["build", str(root / "src"), "--db", str(tmp_path / "kb2.db"), "--strict"])
    assert result.exit_code == 1 and "stopped: --strict" in result.output and "Traceback" not in result.output


def test_limits_are_configurable(bad_folder, tmp_path):
    root, _ = bad_folder
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(root / "src" / "status-beskaeftigelsesaftale-2009.txt"),
            "--db",
            str(tmp_path / "kb.db"),
            "--max-mb",
            "0.001",
        ],
    )
    assert result.exit_code == 1 and "over the limit of 0.0 MB" in result.output


def test_a_file_that_disappears_during_the_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in GOOD:
        shutil.copy(SOURCES / name, src / name)
    (src / "zz-forsvinder.txt").write_text("Notat\n\nDer afsættes 1,0 mio. kr.\n", encoding="utf-8")

    def delete_the_last(_done: str) -> None:
        (src / "zz-forsvinder.txt").unlink(missing_ok=True)

    summary = build([src], str(tmp_path / "kb.db"), root=tmp_path, on_progress=delete_the_last)
    assert summary.added == 2
    assert dict(summary.errors) == {"src/zz-forsvinder.txt": "cannot read the file: No such file or directory"}


def test_an_unreadable_file(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SOURCES / GOOD[0], src / GOOD[0])
    locked = src / "laast.txt"
    locked.write_text("Notat\n", encoding="utf-8")
    locked.chmod(0)
    real_read = Path.read_bytes

    def read_bytes(self):  # root ignores file modes, so deny the read the way the OS would
        if self.name == "laast.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    summary = build([src], str(tmp_path / "kb.db"), root=tmp_path)
    assert summary.added == 1
    assert dict(summary.errors) == {"src/laast.txt": "cannot read the file: Permission denied"}
