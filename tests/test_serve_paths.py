"""No path out of sources/: the route that serves source files gives only files a document
of the database was built from, inside the served sources folder, and every refusal is the
same 404 that reveals no path of the machine."""

from __future__ import annotations

import http.client
import shutil
from urllib.parse import urlsplit

import pytest
from serving import kb_serve

from extract.build import build

pytestmark = pytest.mark.slow  # starts a server

DEV = "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt"
DEV_OTHER = "region-hovedstaden_forretningsudvalget_2012-09-25_p02_hospitalsudstyr-patientnaere-arealer.txt"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import ROOT

    project = tmp_path_factory.mktemp("project")
    sources = project / "sources"
    sources.mkdir()
    for name in (DEV, DEV_OTHER):
        shutil.copy(ROOT.parent / "shared" / "dev-corpus" / "text" / name, sources / name)
    summary = build([sources], str(project / "kb.db"), root=project)
    assert summary.failed == 0, summary.errors
    (project / "secret.txt").write_text("hemmeligt", encoding="utf-8")
    (sources / "not-built.txt").write_text("Målgruppen er unge", encoding="utf-8")
    (sources / DEV_OTHER).unlink()  # a built document's name now leads out of the folder
    (sources / DEV_OTHER).symlink_to(project / "secret.txt")
    with kb_serve(project / "kb.db", project) as base:
        yield base, project


def raw_get(base: str, path: str) -> tuple[int, str]:
    """The path sent as written: no client normalises '..' away; a redirect is followed
    the same way (Datasette redirects some paths to their normal form)."""
    for _ in range(3):
        conn = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
        conn.request("GET", path)
        response = conn.getresponse()
        if response.status not in (301, 302) or not response.getheader("Location", "").startswith("/"):
            return response.status, response.read().decode("utf-8", "replace")
        path = response.getheader("Location")
    return response.status, ""


def test_a_built_document_is_served(site):
    base, _ = site
    status, text = raw_get(base, f"/sources/{DEV}")
    assert status == 200 and "Budgetopfølgning 2 (2024)" in text


@pytest.mark.parametrize(
    "path",
    [
        "/sources/../secret.txt",
        "/sources/%2e%2e/secret.txt",
        "/sources/%2e%2e%2fsecret.txt",
        "/sources/..%2fsecret.txt",
        "/sources/%2fetc%2fpasswd",
        "/sources//etc/passwd",
        "/sources/not-built.txt",
        f"/sources/{DEV_OTHER}",
        f"/sources/{DEV}/../../secret.txt",
    ],
)
def test_no_path_out_of_sources(site, path):
    base, project = site
    status, body = raw_get(base, path)
    assert status == 404, (path, body[:200])
    assert "hemmeligt" not in body and str(project) not in body and "/etc" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/-/kilde/../../secret.txt",
        "/-/kilde/%2e%2e/%2e%2e/secret.txt",
        "/-/kilde/documents/..%2f..%2fsecret.txt",
        "/-/kilde/sqlite_master/1",
        "/-/kilde/sections/ikke-en-noegle",
        "/-/kilde/sections/ikke-en-noegle.png",
    ],
)
def test_source_passages_and_page_images_only_for_records_of_the_database(site, path):
    base, project = site
    status, body = raw_get(base, path)
    assert status == 404, (path, body[:200])
    assert "hemmeligt" not in body and str(project) not in body
