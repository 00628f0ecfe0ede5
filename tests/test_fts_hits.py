"""kb_fts_rowids: the rows a full-text match finds, computed once per database state."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from extract.fts_hits import FtsHits, cached_search_clause, register

TERMS = ["kontanthjælp", "mentor", "unge", "mio. kr.", "jobrotation", "ledighed"]


def fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@pytest.fixture
def db_copy(built_db, tmp_path):
    path = tmp_path / "kb.db"
    shutil.copy(built_db, path)
    return path


@pytest.mark.parametrize("term", TERMS)
def test_the_rowids_are_those_the_match_finds(built_db, term):
    conn = sqlite3.connect(built_db)
    register(conn)
    direct = [r[0] for r in conn.execute("select rowid from sections_fts where sections_fts match ?",
                                         (fts_phrase(term),))]
    hits = conn.execute("select kb_fts_rowids('sections_fts', ?)", (fts_phrase(term),)).fetchone()[0]
    assert json.loads(hits) == direct and direct
    clause = cached_search_clause("rowid", "sections_fts", ":q")
    count = conn.execute(f"select count(*) from sections where {clause}", {"q": fts_phrase(term)}).fetchone()[0]
    assert count == len(direct)


def test_a_second_query_of_the_same_match_does_not_run_it_again(built_db):
    conn = sqlite3.connect(built_db)
    hits = register(conn)
    clause = cached_search_clause("rowid", "sections_fts", ":q")
    rows = conn.execute(f"select id from sections where {clause} order by id limit 20", {"q": '"mentor"'}).fetchall()
    count = conn.execute(f"select count(*) from sections where {clause}", {"q": '"mentor"'}).fetchone()[0]
    by_role = conn.execute(f"select role, count(*) from sections where {clause} group by role",
                           {"q": '"mentor"'}).fetchall()
    assert len(rows) == min(20, count) and sum(n for _, n in by_role) == count > 3
    assert hits.computed == 1  # the rows, the count and the facet: one match
    conn.execute("select kb_fts_rowids('sections_fts', '\"unge\"')")
    assert hits.computed == 2


def test_a_commit_by_another_connection_is_seen_at_once(db_copy):
    reader = sqlite3.connect(f"file:{db_copy}?mode=ro", uri=True)
    hits = register(reader)
    q = fts_phrase("kontanthjælp")
    before = json.loads(reader.execute("select kb_fts_rowids('sections_fts', ?)", (q,)).fetchone()[0])
    writer = sqlite3.connect(db_copy)
    # sqlite-utils' triggers keep sections_fts in step with sections
    writer.execute("update sections set body = 'Ny indsats for kontanthjælpsmodtagere' "
                   "where rowid = (select min(rowid) from sections where rowid not in "
                   "(select rowid from sections_fts where sections_fts match ?))", (q,))
    writer.commit()
    after = json.loads(reader.execute("select kb_fts_rowids('sections_fts', ?)", (q,)).fetchone()[0])
    assert len(after) == len(before) + 1 and set(before) < set(after)
    assert hits.computed == 2


def test_the_cache_stays_within_its_bound(built_db):
    conn = sqlite3.connect(built_db)
    hits = FtsHits(conn, max_rowids=60)
    conn.create_function("kb_fts_rowids", 2, hits)
    sizes = {t: len(json.loads(hits("sections_fts", fts_phrase(t)))) for t in TERMS}
    assert hits._held <= 60
    assert any(n > 60 for n in sizes.values())  # a list over the bound is answered but not kept
    big = next(t for t, n in sizes.items() if n > 60)
    computed = hits.computed
    hits("sections_fts", fts_phrase(big))
    assert hits.computed == computed + 1


# sqlite3 hands the function's ValueError to sys.unraisablehook before it raises OperationalError
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_only_a_table_name_is_accepted(built_db):
    conn = sqlite3.connect(built_db)
    register(conn)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("select kb_fts_rowids('sections_fts where 1; --', 'x')").fetchone()
