"""Initiatives are followed within one municipality: two municipalities' like-named pools are
two pools (documents.municipality, rules/places.yml), one municipality's are one."""

from __future__ import annotations

import sqlite_utils

from extract.build import build

POOL = (
    "Kulturpuljen 2025 - fordeling af midler\n\n"
    "Sagsfremstilling\n\n"
    "{who} har i budget 2025 afsat 0,5 mio. kr. til Kulturpuljen. Puljen støtter foreninger og "
    "frivillige, der skaber kulturelle arrangementer for borgerne. Der er modtaget 14 ansøgninger.\n\n"
    "Indstilling\n\n"
    "Administrationen indstiller, at udvalget godkender fordelingen af Kulturpuljen 2025.\n"
)


def _linked(db: sqlite_utils.Database) -> set[frozenset[str]]:
    paths = {r["id"]: r["path"].rsplit("/", 1)[-1] for r in db.query("select id, path from documents")}
    return {frozenset((paths[r["document_a"]], paths[r["document_b"]])) for r in db.query(
        "select document_a, document_b from initiative_links")}  # fmt: skip


def test_a_like_named_pool_of_another_municipality_is_not_linked(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "kulturpulje-fordeling.txt").write_text(POOL.format(who="Greve Kommune"), encoding="utf-8")
    (folder / "kulturpuljen-2025.txt").write_text(POOL.format(who="Solrød Kommune"), encoding="utf-8")
    # Greve's again, its municipality only in its file name (an agenda item's)
    (folder / "greve_kfu_2025-03-05_p04_kulturpuljen.txt").write_text(POOL.format(who="Kommunen"), encoding="utf-8")
    summary = build([folder], str(tmp_path / "kb.db"), root=tmp_path)
    assert summary.failed == 0, summary.errors
    db = sqlite_utils.Database(tmp_path / "kb.db")
    places = {r["path"].rsplit("/", 1)[-1]: (r["municipality"], r["municipality_basis"]) for r in db["documents"].rows}
    assert places == {
        "kulturpulje-fordeling.txt": ("Greve", "text"),
        "kulturpuljen-2025.txt": ("Solrød", "text"),
        "greve_kfu_2025-03-05_p04_kulturpuljen.txt": ("Greve", "file_name"),
    }
    assert _linked(db) == {frozenset(("kulturpulje-fordeling.txt", "greve_kfu_2025-03-05_p04_kulturpuljen.txt"))}


def test_a_document_of_no_known_municipality_links_as_before(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "kulturpulje-fordeling.txt").write_text(POOL.format(who="Greve Kommune"), encoding="utf-8")
    (folder / "kulturpuljen-2025.txt").write_text(POOL.format(who="Kommunen"), encoding="utf-8")
    build([folder], str(tmp_path / "kb.db"), root=tmp_path)
    db = sqlite_utils.Database(tmp_path / "kb.db")
    assert [r["municipality"] for r in db.query("select municipality from documents order by path")] == ["Greve", None]
    assert _linked(db) == {frozenset(("kulturpulje-fordeling.txt", "kulturpuljen-2025.txt"))}


def test_a_paths_place_is_compared_as_the_municipalitys_name(tmp_path):
    # made-up agenda items in the genre's words: one names its municipality, one only its path does
    # (a file named with the Danish letter, which no ascii form of a file name matches)
    from extract.links import stage
    from extract.pipeline import project_rules

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "helsingør_byraad_2025-03-05_p04_kulturpuljen.txt").write_text(
        POOL.format(who="Kommunen"), encoding="utf-8"
    )
    (folder / "helsingør_byraad_2025-04-02_p07_kulturpuljen-status.txt").write_text(
        POOL.format(who="Helsingør Kommune"), encoding="utf-8"
    )
    build([folder], str(tmp_path / "kb.db"), root=tmp_path)
    db = sqlite_utils.Database(tmp_path / "kb.db")
    rules = project_rules()
    docs = list(db.query("select id, path, title, date, case_number, municipality from documents order by path"))
    assert [d["municipality"] for d in docs] == [None, "Helsingør"]
    places = {
        u.place for d in docs for u in stage.doc_units(db, d, rules["initiatives.yml"], {}, "", rules["places.yml"])
    }
    assert places == {"Helsingør"}


def test_each_document_row_names_the_rule_and_words_that_decided_and_a_region_is_told_apart(tmp_path):
    # made-up documents in the genre's words
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "sundhedsaftale-notat.txt").write_text(
        "Region Hovedstaden\n\nSundhedsaftale\n\nHvidovre Kommune har udviklet et tilbud med regionen.\n",
        encoding="utf-8",
    )
    (folder / "greve_kfu_2025-03-05_p04_kulturpuljen.txt").write_text(POOL.format(who="Kommunen"), encoding="utf-8")
    build([folder], str(tmp_path / "kb.db"), root=tmp_path)
    db = sqlite_utils.Database(tmp_path / "kb.db")
    rows = {
        r["path"].rsplit("/", 1)[-1]: (
            r["municipality"],
            r["municipality_rule"],
            r["municipality_quote"],
            r["municipality_kind"],
        )
        for r in db["documents"].rows
    }
    assert rows == {
        "sundhedsaftale-notat.txt": ("Region Hovedstaden", "named_body", "Region Hovedstaden", "region"),
        "greve_kfu_2025-03-05_p04_kulturpuljen.txt": (
            "Greve",
            "file_name",
            "greve_kfu_2025-03-05_p04_kulturpuljen.txt",
            "municipality",
        ),
    }
