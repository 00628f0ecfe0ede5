"""A database built by the version before the documents' municipality: served after its new
columns are added (empty, nothing else touched), filled by the next build."""

from __future__ import annotations

import shutil
import sqlite3

from conftest import SOURCES

from extract.build import build
from extract.save import add_missing_columns


def test_a_database_without_the_municipality_is_brought_up_to_date_and_rebuilt(tmp_path):
    shutil.copytree(SOURCES, tmp_path / "sources")
    db = tmp_path / "kb.db"
    build([tmp_path / "sources"], str(db), root=tmp_path)
    with sqlite3.connect(db) as conn:  # as the version before wrote it
        conn.execute("alter table documents drop column municipality")
        conn.execute("alter table documents drop column municipality_basis")
        # its rules had no places.yml, its records no place
        conn.execute("update documents set records_hash = 'older', rules_hash = 'older'")
        before = conn.execute("select id, title, records_hash from documents order by id").fetchall()
        sections = conn.execute("select count(*) from sections").fetchone()[0]
    assert add_missing_columns(str(db)) == ["documents.municipality", "documents.municipality_basis"]
    assert add_missing_columns(str(db)) == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("select id, title, records_hash from documents order by id").fetchall() == before
        assert conn.execute("select count(*) from sections").fetchone()[0] == sections
        assert {r[0] for r in conn.execute("select municipality from documents")} == {None}
    build([tmp_path / "sources"], str(db), root=tmp_path)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select distinct municipality, municipality_basis from documents").fetchall()
        assert rows == [("København", "text")]
        assert conn.execute("select count(*) from sections").fetchone()[0] == sections


def test_kb_serve_adds_an_older_databases_columns_and_says_which(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from extract.cli import cli

    (tmp_path / "sources").mkdir()
    shutil.copy(SOURCES / "budget-2013-nye-initiativer.md", tmp_path / "sources")
    db = tmp_path / "kb.db"
    build([tmp_path / "sources"], str(db), root=tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("alter table documents drop column municipality_kind")
    served = []
    monkeypatch.setattr("os.execv", lambda *args: served.append(args))  # the site is not started
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "added documents.municipality_kind, empty until the next kb build" in result.stderr
    assert len(served) == 1
    with sqlite3.connect(db) as conn:
        assert "municipality_kind" in {r[1] for r in conn.execute("pragma table_info(documents)")}
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)])  # up to date: nothing said
    assert "older version" not in result.stderr
