"""The site answers without SQL (issue "a site that answers without SQL"): each test is one
of the failures people met on the site, on the Copenhagen corpus and one of its documents
as a PDF; the numbers come from the golden files."""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request

import pytest
from conftest import GOLDEN, ROOT, SOURCES
from serving import kb_serve

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

PDF = ROOT / "tests" / "fixtures" / "pdf" / "budget-2013-nye-initiativer.reportlab.pdf"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from extract.build import build

    work = tmp_path_factory.mktemp("site")
    shutil.copytree(SOURCES, work / "sources")
    shutil.copy(PDF, work / "sources" / "budget-2013-som-pdf.pdf")
    build([work / "sources"], str(work / "kb.db"), root=work)
    with kb_serve(work / "kb.db", work) as base:
        yield base


def get(url: str) -> tuple[int, str, dict]:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.read().decode("utf-8"), dict(r.headers)


def rows(site: str, path: str, **params) -> list[dict]:
    qs = urllib.parse.urlencode({**params, "_shape": "array"})
    return json.loads(get(f"{site}{path}.json?{qs}")[1])


def golden(stem: str) -> dict:
    return json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))


# readable numbers


def test_kroner_are_whole_numbers_in_json_and_read_as_danish_kroner_in_html(site):
    amounts = rows(site, "/kb/amounts", quote="4,0 mio. kr.")
    assert amounts and all(a["value_dkk"] == 4000000 and isinstance(a["value_dkk"], int) for a in amounts)
    _, html, _ = get(site + "/kb/amounts?quote=4,0+mio.+kr.")
    assert "4.000.000 kr." in html and "4000000.0" not in html


def test_the_spreadsheet_csv_has_a_byte_order_mark_semicolons_and_every_row(site):
    with urllib.request.urlopen(site + "/kb/amounts.regneark", timeout=30) as r:
        data = r.read()
        assert r.headers["Content-Type"].startswith("text/csv")
    text = data.decode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf") and text.splitlines()[0].startswith("\ufeffid;document_id;")
    n = json.loads(get(site + "/kb/amounts.json?_size=1")[1])["filtered_table_rows_count"]
    assert len(text.strip().splitlines()) == n + 1  # all rows, not one page
    assert ";4000000;" in text  # exact kroner


# search that finds what people type


def search(site: str, q: str) -> list[dict]:
    return rows(site, "/kb/soeg", q=q)


def test_all_words_are_searched_not_the_phrase(site):
    hits = search(site, "ledige unge")
    assert len(hits) >= 5
    for h in hits:
        marked = {m.lower() for m in h["uddrag_md"].split("**")[1::2]}
        assert marked, h
    assert search(site, '"ledige unge"') == []  # as a phrase it does not occur in the corpus


@pytest.mark.parametrize("typed,written", [("kontanthjaelp", "kontanthjælp"), ("kobenhavn", "københavn"),
                                           ("koebenhavn", "københavn"), ("maalgruppe", "målgruppe")])  # fmt: skip
def test_words_typed_without_ae_oe_aa_find_the_danish_spelling(site, typed, written):
    folded, proper = search(site, typed), search(site, written)
    assert folded and [h["section_id"] for h in folded] == [h["section_id"] for h in proper]
    assert written in folded[0]["uddrag_md"].lower()


@pytest.mark.parametrize("abbreviation", ["AC", "UU", "BR"])
def test_short_abbreviations_are_found_as_whole_words(site, abbreviation):
    hits = search(site, abbreviation)
    assert hits
    for h in hits:
        assert f"**{abbreviation.lower()}**" in h["uddrag_md"].lower(), h


def test_each_hit_names_its_initiative_and_document_and_links_to_its_row_and_source(site):
    hits = search(site, "nytteaktivering")
    assert hits[0]["dokument"].startswith("Budget 2013") and "Nytteaktivering" in hits[0]["indsats"]
    _, html, _ = get(site + "/kb/soeg?q=nytteaktivering")
    assert '<a class="kilde" href="/-/kilde/sections/' in html and 'href="/kb/sections/' in html


def test_the_home_page_search_box_leads_to_the_search(site):
    _, html, _ = get(site + "/")
    assert '<form class="kb-search" action="/kb/soeg"' in html and 'name="q"' in html


# provenance


def test_the_source_passage_shows_the_quote_marked_and_the_section_path(site):
    amount = rows(site, "/kb/amounts_with_context", quote="0,7 mio. kr.")[0]
    _, html, _ = get(f"{site}/-/kilde/amounts/{amount['id']}")
    assert '<mark id="citat">0,7 mio. kr.</mark>' in html
    assert "Afsnit: " in html and "Mikrolån" in html


def test_a_pdf_record_shows_its_page_with_the_quote_boxed_cached_beside_the_database(site, tmp_path):
    doc = rows(site, "/kb/documents", format="pdf")[0]
    amount = rows(site, "/kb/amounts", document_id=doc["id"], quote="0,7 mio. kr.")[0]
    _, html, _ = get(f"{site}/-/kilde/amounts/{amount['id']}")
    assert f'<img src="/-/kilde/amounts/{amount["id"]}.png"' in html
    with urllib.request.urlopen(f"{site}/-/kilde/amounts/{amount['id']}.png", timeout=60) as r:
        png = r.read()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


@pytest.mark.parametrize("path", ["/-/kilde/documents/x", "/-/kilde/amounts/nope", "/-/kilde/amounts/..%2F..%2Fetc"])
def test_the_source_passage_refuses_what_is_not_a_record(site, path):
    with pytest.raises(urllib.error.HTTPError) as e:
        get(site + path)
    assert e.value.code == 404


# questions as pages


def test_money_per_year_for_a_target_group_in_any_case(site):
    per_year = {r["aar"]: r for r in rows(site, "/kb/penge_til_maalgruppe", label="Unge")}
    lower = {r["aar"]: r for r in rows(site, "/kb/penge_til_maalgruppe", label="unge")}
    assert {y: r["kroner"] for y, r in per_year.items()} == {y: r["kroner"] for y, r in lower.items()}
    # Nytteaktivering af unge kontanthjælpsmodtagere: 4,0 mio. kr. granted for 2013 (golden), in each
    # of the two copies of the budget note; no year above all the own granted money of the labels
    labels = [golden(f"allocations/{p.stem}") for p in SOURCES.iterdir()
              if (GOLDEN / "allocations" / f"{p.stem}.json").exists()]  # fmt: skip
    ceiling = {int(y): 0 for lab in labels for y in lab["per_year_own_granted"]}
    for lab in labels:
        for y, v in lab["per_year_own_granted"].items():
            ceiling[int(y)] += v
    budget = golden("allocations/budget-2013-nye-initiativer")["per_year_own_granted"]
    assert per_year[2013]["kroner"] >= 2 * 4_000_000
    for year, r in per_year.items():
        assert r["kroner"] <= ceiling.get(year, 0) + int(budget.get(str(year), 0)), year
    assert all(r["liste"].startswith("/kb/bevillinger_til_maalgruppe?label=") for r in per_year.values())


def test_deadlines_for_a_target_group_typed_without_ae(site):
    got = rows(site, "/kb/frister_for_maalgruppe", label="kontanthjaelpsmodtagere")
    assert got == rows(site, "/kb/frister_for_maalgruppe", label="kontanthjælpsmodtagere")
    assert got and [r["fra"] for r in got] == sorted(r["fra"] for r in got)
    assert all(r["kilde"].startswith("/-/kilde/milestones/") for r in got)


def test_dates_typed_as_people_type_them(site):
    iso = rows(site, "/kb/milepaele_i_periode", fra="2013-01-01", til="2013-01-31")
    assert iso
    assert rows(site, "/kb/milepaele_i_periode", fra="01-01-2013", til="januar 2013") == iso


def test_money_per_year_by_document_title(site):
    by_title = rows(site, "/kb/beloeb_pr_aar", document="Redegørelse for anvendelse", status="spent")
    expected = sum(a["value_dkk"] for a in golden("jobkonsulenter-redegoerelse-2007")["amounts"]
                   if a["year_from"] == a["year_to"] == 2008)  # fmt: skip
    assert sum(r["kroner"] for r in by_title if r["year"] == 2008) == expected == 34900000


# coverage and readable pages


def test_the_home_page_lists_the_documents_and_flags_a_note_without_initiatives(site):
    _, html, _ = get(site + "/")

    def row(title: str) -> str:
        tail = html[html.index(title) :]
        return tail[: tail.index("</tr>")]

    # the themes note names no initiative, project or pool; the plan names a pool (Afklaringspuljen)
    assert "ingen indsatser fundet" in row("Mulige temaer for en beskæftigelsesaftale 2012")
    assert "ingen indsatser fundet" not in row("Beskæftigelsesplan 2022")


def test_page_titles_are_words_not_sql(site):
    _, html, _ = get(site + "/kb/soeg?q=mentor")
    title = html[html.index("<title>") + 7 : html.index("</title>")]
    assert title == "Søg i afsnit / Search sections"
    _, html, _ = get(site + "/kb/amounts")
    assert "<title>Beløb / Amounts – " in html


def test_table_pages_start_with_the_data_and_keep_descriptions_one_click_away(site):
    _, html, _ = get(site + "/kb/amounts")
    start = html.index('<details class="om-tabellen">')
    assert (
        start
        < html.index("column-descriptions")
        < html.index("</details>", start)
        < html.index('<table class="rows-and-columns"')
    )


def test_the_whole_database_downloads_as_one_consistent_file(site, tmp_path):
    import sqlite3

    with urllib.request.urlopen(site + "/kb.db", timeout=60) as r:
        data = r.read()
        assert "kb.db" in r.headers["Content-Disposition"]
    (tmp_path / "kb.db").write_bytes(data)
    with sqlite3.connect(tmp_path / "kb.db") as conn:
        n = conn.execute("select count(*) from amounts").fetchone()[0]
    assert n == json.loads(get(site + "/kb/amounts.json?_size=1")[1])["filtered_table_rows_count"] > 0


def test_a_row_page_names_its_document_section_and_initiative(site):
    amount = rows(site, "/kb/amounts_with_context", quote="0,7 mio. kr.")[0]
    key = urllib.parse.quote(amount["id"].replace(":", "~3A"))
    _, html, _ = get(f"{site}/kb/amounts/{key}")
    assert f">{amount['document']}</a>" in html and f">{amount['initiative']}</a>" in html
    assert f'href="/-/kilde/amounts/{amount["id"]}"' in html  # and its source passage


def test_long_bodies_are_cut_with_a_way_to_expand(site):
    _, html, _ = get(site + "/kb/sections?_size=50")
    assert '<details class="lang"><summary>' in html and "(vis alt, " in html


def test_table_pages_show_the_key_columns_first(site):
    _, html, _ = get(site + "/kb/amounts")
    head = html[html.index('<table class="rows-and-columns">') :]
    columns = [c.split('"')[0] for c in head[: head.index("</thead>")].split('class="col-')[1:]]
    assert columns[:6] == ["id", "quote", "value_dkk", "year_from", "year_to", "kind"]
