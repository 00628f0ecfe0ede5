"""kb build: incremental, idempotent, and a bad file never costs the others."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from conftest import SOURCES, dump

from extract.build import build, build_lock
from extract.errors import BuildLockedError
from extract.rules import RULES_DIR, RuleError


@pytest.fixture
def workdir(tmp_path):
    shutil.copytree(SOURCES, tmp_path / "sources")
    return tmp_path


def run(workdir: Path, db: str = "kb.db", **kw):
    return build([workdir / "sources"], str(workdir / db), root=workdir, **kw)


def test_building_twice_gives_the_same_database(workdir):
    first = run(workdir, "a.db")
    assert (first.added, first.failed) == (5, 0)
    again = run(workdir, "a.db")
    assert (again.added, again.changed, again.unchanged, again.removed) == (0, 0, 5, 0)
    run(workdir, "b.db")
    assert dump(workdir / "a.db") == dump(workdir / "b.db")
    assert first.records["amounts"] > 0 and first.records["sections"] > 0


def test_the_database_follows_added_changed_and_removed_files(workdir):
    run(workdir)
    src = workdir / "sources"
    note = src / "ny-note.txt"
    note.write_text("Ny indsats\n\nDer afsættes 2,5 mio. kr. årligt til drift i 2014-2016.\n", encoding="utf-8")
    s = run(workdir)
    assert (s.added, s.unchanged) == (1, 5)
    db = sqlite_utils.Database(workdir / "kb.db")
    assert [
        r["value_dkk"]
        for r in db.query(
            "select value_dkk from amounts join documents d on d.id = document_id where d.path = 'sources/ny-note.txt'"
        )
    ] == [2500000]

    note.write_text("Ny indsats\n\nDer afsættes 3,0 mio. kr. i 2015.\n", encoding="utf-8")
    s = run(workdir)
    assert (s.changed, s.unchanged) == (1, 5)
    values = [
        r["value_dkk"]
        for r in db.query(
            "select value_dkk from amounts join documents d on d.id = document_id where d.path = 'sources/ny-note.txt'"
        )
    ]
    assert values == [3000000]
    assert db.execute("select count(*) from documents where path = 'sources/ny-note.txt'").fetchone()[0] == 1

    note.unlink()
    s = run(workdir)
    assert (s.removed, s.unchanged) == (1, 5)
    assert db.execute("select count(*) from documents").fetchone()[0] == 5
    orphans = db.execute("select count(*) from amounts where document_id not in (select id from documents)").fetchone()[
        0
    ]
    assert orphans == 0


def test_a_bad_file_is_reported_and_the_others_are_built(workdir):
    (workdir / "sources" / "tom.txt").write_bytes(b"")
    (workdir / "sources" / "binaer.txt").write_bytes(b"PK\x03\x04\x00\x00garbage")
    s = run(workdir)
    assert (s.added, s.failed) == (5, 2)
    reasons = dict(s.errors)
    assert "empty" in reasons["sources/tom.txt"]
    assert "NUL" in reasons["sources/binaer.txt"]
    db = sqlite_utils.Database(workdir / "kb.db")
    logged = {r["file"] for r in db.query("select file from build_errors")}
    assert logged == {"sources/tom.txt", "sources/binaer.txt"}


def test_a_broken_new_version_keeps_the_old_records_marked_stale(workdir):
    run(workdir)
    db = sqlite_utils.Database(workdir / "kb.db")
    path = "sources/budget-2013-nye-initiativer.md"
    before = db.execute(
        "select count(*) from amounts a join documents d on d.id = a.document_id where d.path = ?", [path]
    ).fetchone()[0]
    (workdir / path).write_bytes(b"\x00\x01 broken")
    s = run(workdir)
    assert s.failed == 1
    row = next(db.query("select status, error from documents where path = ?", [path]))
    assert row["status"] == "stale" and "NUL" in row["error"]
    after = db.execute(
        "select count(*) from amounts a join documents d on d.id = a.document_id where d.path = ?", [path]
    ).fetchone()[0]
    assert after == before > 0


def test_a_second_build_on_the_same_database_is_refused(workdir):
    with build_lock(str(workdir / "kb.db")):
        with pytest.raises(BuildLockedError, match="another 'kb build'"):
            run(workdir)


def test_full_text_search_finds_danish_compounds(built_db):
    conn = sqlite3.connect(built_db)
    rows = conn.execute(
        "select s.heading, s.body from sections_fts f join sections s on s.rowid = f.rowid where sections_fts match ?",
        ['"kontanthjælp"'],
    ).fetchall()
    assert rows
    assert any("kontanthjælpsmodtagere" in (h + b) for h, b in rows)


def test_views_answer_common_questions(built_db):
    db = sqlite_utils.Database(built_db)
    rows = list(db.query("select document, section, value_dkk from amounts_with_context where value_dkk = 26898526"))
    assert rows and rows[0]["document"].startswith("Redegørelse")
    targets = list(db.query("select initiative, groups from target_groups_with_initiative"))
    assert targets and all(t["initiative"] for t in targets)


def test_amounts_and_target_groups_meet_at_their_initiative(built_db):
    db = sqlite_utils.Database(built_db)
    rows = list(
        db.query("""
        select i.heading, a.value_dkk, a.year_from, a.year_to, a.kind
        from amounts a join sections i on i.id = a.initiative_id
        where a.initiative_id in (
          select t.initiative_id from target_groups t, json_each(t.groups) g where g.value = 'unge')
        order by a.char_start""")
    )
    by_initiative = {}
    for r in rows:
        by_initiative.setdefault(r["heading"], []).append((r["value_dkk"], r["year_from"], r["year_to"], r["kind"]))
    assert by_initiative["Nytteaktivering af unge kontanthjælpsmodtagere"] == [
        (4000000, 2013, 2013, "indsats"),
        (4000000, 2013, 2013, None),
    ]
    assert (3500000, 2013, 2016, "drift") in by_initiative[
        "Ungestrategi – case managers, sundhedsguides og turboforløb"
    ]
    assert "Jobbanken (ny finansieringsmodel)" not in by_initiative


def test_broken_rules_stop_the_build_before_any_document_is_written(workdir):
    """A rules file that does not validate is named in one error; the documents built
    before keep their records, untouched."""
    run(workdir)
    before = dump(workdir / "kb.db")
    rules = workdir / "rules"
    shutil.copytree(RULES_DIR, rules)
    broken = rules / "amounts.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("factor:", "faktor:", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="amounts.yml.*allowed keys"):
        run(workdir, rules_dir=rules)
    assert dump(workdir / "kb.db") == before


def test_deadlines_without_a_year_are_stored_without_bounds_and_listed_last(tmp_path):
    """A pool's page with no year to read its deadlines from: the milestones are stored with
    empty bounds, the milestones view lists them after the dated ones, and an initiative's
    history names them by their words."""
    src = tmp_path / "sources"
    src.mkdir()
    # made-up, in the style of pools' pages and of a plan with a dated step
    (src / "pulje.txt").write_text(
        "Kulturpuljen\n\nForeninger kan søge to gange om året. Ansøgningsfristen er den 1. april og den 1. november.\n",
        encoding="utf-8",
    )
    (src / "plan.txt").write_text("Handleplan\n\nPlanen forelægges udvalget den 14. januar 2026.\n", encoding="utf-8")
    result = build([src], str(tmp_path / "kb.db"), root=tmp_path)
    assert result.failed == 0
    db = sqlite_utils.Database(tmp_path / "kb.db")
    rows = [(r["date_text"], r["date_start"], r["date_end"], r["kind"]) for r in db.query(
        "select date_text, date_start, date_end, kind from milestones_with_context")]  # fmt: skip
    assert rows == [
        ("14. januar 2026", "2026-01-14", "2026-01-14", "event"),
        ("1. april", None, None, "deadline"),
        ("1. november", None, None, "deadline"),
    ]
    # an initiative's history names them by their words, the dated one with its day
    history = {
        r["initiative"]: r["milestones"] for r in db.query("select initiative, milestones from initiative_history")
    }
    assert history == {"Kulturpuljen": "1. april; 1. november", "Handleplan": "14. januar 2026 (2026-01-14)"}
