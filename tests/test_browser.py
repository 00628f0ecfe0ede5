"""Browser journeys through the Datasette site, in Debian's Chromium driven by Playwright.

Each journey saves a screenshot under tests/output/browser/ for a person to look at.
"""

from __future__ import annotations

import json
import shutil
import urllib.request

import pytest
from conftest import ROOT, SOURCES
from serving import kb_serve

pytestmark = pytest.mark.slow  # starts processes: CI runs it, pytest -m "not slow" leaves it out

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "tests" / "output" / "browser"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
PDF = ROOT / "tests" / "fixtures" / "pdf" / "budget-2013-nye-initiativer.reportlab.pdf"
SCRIPT_NOTE = (
    "Notat om sikkerhed\n\nBaggrund\n\nDenne tekst indeholder &lt;script&gt;alert('xss')&lt;/script&gt; "
    "som tekst.\n\nMålgruppen er unge ledige.\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from extract.build import build

    work = tmp_path_factory.mktemp("site")
    shutil.copytree(SOURCES, work / "sources")
    (work / "sources" / "script-notat.txt").write_text(SCRIPT_NOTE, encoding="utf-8")
    shutil.copy(PDF, work / "sources" / "budget-2013-som-pdf.pdf")  # a PDF: its pages as images
    build([work / "sources"], str(work / "kb.db"), root=work)
    with kb_serve(work / "kb.db", work) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_home_page(site, page):
    page.goto(site + "/")
    assert "Vidensbase for kommunale beskæftigelsesdokumenter" in page.title()
    page.get_by_role("link", name="Indsatser for unge").click()
    page.wait_for_selector("table.rows-and-columns")
    assert "Nytteaktivering af unge kontanthjælpsmodtagere" in page.locator("table.rows-and-columns").inner_text()
    page.goto(site + "/")
    shot(page, "01-home")


def test_search_shows_compounds_with_highlighted_snippets(site, page):
    page.goto(site + "/kb/soeg")
    page.fill("input[name=q]", "kontanthjælp")
    page.get_by_role("button", name="Run SQL").click()
    page.wait_for_selector("table.rows-and-columns")
    marks = page.locator("td strong")
    assert marks.count() > 0 and "kontanthjælp" in marks.first.inner_text().lower()
    assert "kontanthjælpsmodtagere" in page.locator("table.rows-and-columns").inner_text()
    shot(page, "02-search-kontanthjaelp")


def test_click_a_facet(site, page):
    page.goto(site + "/kb/amounts")
    page.locator("details.facetter summary").click()  # the facets are one click away: the rows come first
    page.locator(".facet-info[data-column=kind] a", has_text="drift").first.click()
    page.wait_for_url("**kind=drift**")
    kinds = page.locator("table.rows-and-columns td.col-kind").all_inner_texts()
    assert kinds and set(kinds) == {"drift"}
    shot(page, "03-facet-kind-drift")


def test_amounts_per_year_query_with_a_parameter(site, page):
    with open(ROOT / "tests" / "golden" / "jobkonsulenter-redegoerelse-2007.json", encoding="utf-8") as f:
        amounts = json.load(f)["amounts"]
    expected_2008 = sum(a["value_dkk"] for a in amounts if a["year_from"] == a["year_to"] == 2008)  # one: spent
    docs = json.loads(
        urllib.request.urlopen(
            site + "/kb/documents.json?_shape=array&path=sources/jobkonsulenter-redegoerelse-2007.txt"
        ).read()
    )
    page.goto(site + "/kb/beloeb_pr_aar")
    page.fill("input[name=document]", docs[0]["id"])
    page.fill("input[name=status]", "spent")  # what was spent, not what was granted
    page.get_by_role("button", name="Run SQL").click()
    page.wait_for_selector("table.rows-and-columns")
    rows = page.locator("table.rows-and-columns tbody tr")
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    row_2008 = next(c for c in cells if c[0] == "2008")
    assert row_2008[2] == "34.900.000 kr." and expected_2008 == 34900000  # readable kroner
    page.get_by_text("Show charting options").click()
    page.get_by_label("Bar").check()
    page.locator("select[name=y_column]").select_option("kroner")
    page.locator("select[name=color_column]").select_option("kind")
    page.wait_for_selector("canvas, svg.marks", timeout=15000)
    page.locator("canvas, svg.marks").first.scroll_into_view_if_needed()
    shot(page, "04-amounts-per-year-chart")


def test_open_an_initiative_and_follow_the_link_to_its_source(site, page):
    page.goto(site + "/kb/sections?role=initiative&heading=Mikrolån")
    page.wait_for_selector("table.rows-and-columns")
    shot(page, "05-initiative")
    page.locator("td.col-document_id a").filter(has_text="Budget 2013").first.click()
    page.wait_for_selector("text=sources/budget-2013-nye-initiativer.md")
    page.locator("a", has_text="sources/budget-2013-nye-initiativer.md").first.click()
    page.wait_for_load_state()
    assert "Mikrolån" in page.content()
    shot(page, "06-source-file")


def test_script_in_a_document_is_shown_as_text(site, page):
    page.goto(site + "/kb/sections?_search=xss")
    page.wait_for_selector("table.rows-and-columns")
    text = page.locator("table.rows-and-columns").inner_text()
    assert "<script>alert('xss')</script>" in text
    page.locator("td", has_text="alert('xss')").first.scroll_into_view_if_needed()
    shot(page, "07-script-as-text")
    page.goto(site + "/kb/texts")
    page.wait_for_timeout(300)
    assert page.dialogs == []


def golden(name: str) -> dict:
    return json.loads((ROOT / "tests" / "golden" / f"{name}.json").read_text(encoding="utf-8"))


def api(site: str, path: str) -> list[dict]:
    return json.loads(urllib.request.urlopen(site + path, timeout=30).read())


def test_journalist_searches_follows_a_hit_to_its_source_passage_and_the_pdf_page(site, page):
    """Search "ledige unge" from the home page → a hit in the PDF → its source passage with the
    quote marked → the page image with the quote boxed."""
    page.goto(site + "/")
    page.fill("#kb-q", "ledige unge")
    page.get_by_role("button", name="Søg").click()
    page.wait_for_selector("table.rows-and-columns")
    assert page.title() == "Søg i afsnit / Search sections"
    table = page.locator("table.rows-and-columns")
    assert "ledige" in table.inner_text().lower() and table.locator("td strong").count() > 0
    shot(page, "10-journalist-search")
    pdf_id = api(site, "/kb/documents.json?_shape=array&format=pdf")[0]["id"]
    row = table.locator("tbody tr").filter(has=page.locator(f'a[href^="/kb/sections/{pdf_id}"]')).first
    heading = row.locator("td.col-heading").inner_text()
    row.locator("a.kilde").click()
    page.wait_for_selector("mark#citat")
    assert page.locator("mark#citat").inner_text() == heading
    golden_headings = {s["heading"] for s in golden("budget-2013-nye-initiativer")["sections"]}
    assert heading in golden_headings  # a heading a careful reader counts
    shot(page, "11-journalist-source-passage")
    image = page.locator(".side img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.side img').complete")
    assert page.evaluate("document.querySelector('.side img').naturalWidth") > 500
    shot(page, "12-journalist-pdf-page")


def test_analyst_money_per_year_for_young_people_as_a_chart_and_a_spreadsheet(site, page):
    """The home page's "Penge til unge pr. år" → per year with a bar chart → the spreadsheet CSV."""
    page.goto(site + "/")
    page.get_by_role("link", name="Penge til unge pr. år").click()
    page.wait_for_selector("table.rows-and-columns")
    cells = {r.locator("td.col-aar").inner_text(): r.locator("td.col-kroner").inner_text()
             for r in page.locator("table.rows-and-columns tbody tr").all()}  # fmt: skip
    kroner_2013 = int(cells["2013"].replace(" kr.", "").replace(".", ""))
    # Nytteaktivering af unge kontanthjælpsmodtagere: 4,0 mio. kr. granted for 2013 in the budget
    # note (golden), here twice (the note and its PDF); no more than all own granted money of 2013
    nytte = golden("allocations/budget-2013-nye-initiativer")
    assert any(a["value_dkk"] == 4_000_000 and a["years"] == [2013] for a in nytte["allocations"])
    assert 2 * 4_000_000 <= kroner_2013 <= 2 * nytte["per_year_own_granted"]["2013"]
    page.wait_for_selector("svg.marks, canvas", timeout=15000)
    page.locator("svg.marks, canvas").first.scroll_into_view_if_needed()
    shot(page, "13-analyst-chart")
    with page.expect_download() as download:
        page.get_by_role("link", name="regneark").first.click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbfaar;kroner;bevillinger;indsatser;liste")
    assert f"2013;{kroner_2013};".encode() in data


def test_reviewer_deadlines_for_kontanthjaelpsmodtagere_then_an_initiatives_page(site, page):
    """The deadlines of the initiatives for kontanthjælpsmodtagere → one initiative's page."""
    page.goto(site + "/")
    page.get_by_role("link", name="Frister for kontanthjælpsmodtagere").click()
    page.wait_for_selector("table.rows-and-columns")
    starts = page.locator("td.col-fra").all_inner_texts()
    assert starts and starts == sorted(starts)
    expected = {m["date_start"] for m in golden("budget-2013-nye-initiativer")["milestones"]}
    assert expected & set(starts)  # dates a careful reader found in the budget note
    shot(page, "14-reviewer-deadlines")
    row = page.locator("table.rows-and-columns tbody tr").first
    initiative = row.locator("td.col-indsats").inner_text()
    row.locator("td.col-indsatsside a").click()
    page.wait_for_selector("table.rows-and-columns")
    text = page.locator("table.rows-and-columns").inner_text()
    assert initiative in text and "milepæl" in text
    assert page.title() == "En indsats samlet / One initiative's full record"
    shot(page, "15-reviewer-initiative")
