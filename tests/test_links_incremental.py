"""Linking across documents is incremental and crash-safe: a new edition is linked to the
earlier one without the others being extracted or linked again, a removed document's
links go with it, and links a crash left undone are made at the next build."""

from __future__ import annotations

import shutil

import pytest
import sqlite_utils
from conftest import ROOT

from extract import build as build_module
from extract.build import build

DEV = ROOT.parent / "shared" / "dev-corpus"
EARLIER = DEV / "text" / "greve_beu_2022-05-30_p10_budgetopfoelgning-1-2022.txt"
LATER = DEV / "text" / "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt"
OTHERS = [
    DEV / "pdf" / "syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf",
    DEV / "pdf" / "syddjurs_2013-06-20_kulturkommune-2017-arbejdsoplaeg.pdf",
    DEV / "text" / "greve_beu_2023-11-13_p05_pulje-forsikrede-ledige-over-50.txt",
]


@pytest.fixture
def folder(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in [EARLIER, *OTHERS]:
        shutil.copy(path, sources / path.name)
    return sources


def same_initiative(db, heading_a: str, heading_b: str) -> bool:
    rows = list(db.query("select heading, initiative_id from initiative_sections where heading in (?, ?)",
                         [heading_a, heading_b]))  # fmt: skip
    return len(rows) == 2 and rows[0]["initiative_id"] == rows[1]["initiative_id"]


def test_a_new_edition_is_linked_without_touching_the_others_and_leaves_with_its_links(folder, tmp_path):
    path = str(tmp_path / "kb.db")
    first = build([folder], path, root=tmp_path)
    assert (first.added, first.stages_run["links"]) == (4, 4)
    db = sqlite_utils.Database(path)
    before = {r["document_id"]: r["linked_at"] for r in db.query("select * from linked_documents")}
    kept_links = list(db.query("select * from initiative_links order by id"))
    assert kept_links  # the two Kulturkommune 2017 documents

    shutil.copy(LATER, folder / LATER.name)
    second = build([folder], path, root=tmp_path)
    assert (second.added, second.unchanged, second.stages_run["links"]) == (1, 4, 1)  # only the new one linked
    after = {r["document_id"]: r["linked_at"] for r in db.query("select * from linked_documents")}
    assert {d: after[d] for d in before} == before  # the others' links were not made again
    assert all(row in list(db.query("select * from initiative_links")) for row in kept_links)
    assert same_initiative(db, "Uden for servicerammen", "Drift uden for servicerammen")
    new_id = next(db.query("select id from documents where path like ?", [f"%{LATER.name}"]))["id"]
    assert db.execute("select count(*) from editions where document_id = ?", [new_id]).fetchone()[0] == 1

    (folder / LATER.name).unlink()
    third = build([folder], path, root=tmp_path)
    assert (third.removed, third.stages_run["links"]) == (1, 0)
    for table, column in [("initiative_links", "document_a"), ("initiative_links", "document_b"),
                          ("initiative_sections", "document_id"), ("linked_documents", "document_id"),
                          ("editions", "document_id"), ("abbreviations", "document_id")]:  # fmt: skip
        assert db.execute(f"select count(*) from {table} where {column} = ?", [new_id]).fetchone()[0] == 0
    assert not same_initiative(db, "Uden for servicerammen", "Drift uden for servicerammen")
    assert db.execute("select count(*) from editions").fetchone()[0] == 0  # one edition is no series
    assert list(db.query("select * from initiative_links order by id")) == kept_links


def test_links_a_crash_left_undone_are_made_at_the_next_build(folder, tmp_path, monkeypatch):
    shutil.copy(LATER, folder / LATER.name)
    path = str(tmp_path / "kb.db")

    def crash(db, rules):
        raise KeyboardInterrupt("killed while linking")

    with monkeypatch.context() as m:
        m.setattr(build_module.links_stage, "compute", crash)
        with pytest.raises(KeyboardInterrupt):
            build([folder], path, root=tmp_path)
    db = sqlite_utils.Database(path)
    assert db["documents"].count == 5  # every document written, each whole
    assert db["linked_documents"].count == 0 and db["initiative_links"].count == 0

    again = build([folder], path, root=tmp_path)
    assert (again.unchanged, again.stages_run["links"]) == (5, 5)
    assert same_initiative(db, "Uden for servicerammen", "Drift uden for servicerammen")


def test_a_change_of_the_linking_rules_links_every_document_again(folder, tmp_path):
    path = str(tmp_path / "kb.db")
    build([folder], path, root=tmp_path)
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with open(rules / "initiatives.yml", "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    again = build([folder], path, root=tmp_path, rules_dir=rules)
    assert again.stages_run["links"] == 4
    assert again.unchanged == 4  # relinked, not extracted again: only the linking rules changed


def test_a_database_searched_before_expansions_existed_is_searched_by_them_once_opened(folder, tmp_path):
    from extract import save

    path = str(tmp_path / "kb.db")
    build([folder], path, root=tmp_path)
    db = sqlite_utils.Database(path)
    db["sections"].disable_fts()
    db["sections"].enable_fts(["heading", "body"], tokenize="trigram", create_triggers=True)
    db.close()
    db = save.open_db(path)
    assert set(db["sections_fts"].columns_dict) == {"heading", "body", "expansions"}
    hits = db.execute("select count(*) from sections_fts where sections_fts match '\"Kulturkommune\"'").fetchone()[0]
    assert hits > 0  # the index was rebuilt from the rows
