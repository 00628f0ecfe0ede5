"""kb serve: Datasette answers on a real port with the built database."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_db):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "extract.cli", "serve", "--db", str(built_db), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"kb serve exited: {proc.stdout.read().decode()}")
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("kb serve did not answer within 30 s")
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.read().decode("utf-8")


def test_home_page_shows_the_knowledge_base(server):
    status, html = get(server + "/")
    assert status == 200
    assert "Vidensbase for kommunale beskæftigelsesdokumenter" in html


def test_a_table_page_lists_documents(server):
    status, html = get(server + "/kb/documents")
    assert status == 200
    assert "Beskæftigelsesplan 2022" in html


def test_search_finds_compounds_of_the_query(server):
    q = urllib.parse.quote("kontanthjælp")
    status, body = get(server + f"/kb/sections.json?_search={q}&_shape=array")
    rows = json.loads(body)
    assert status == 200 and rows
    assert any("kontanthjælpsmodtagere" in (r["heading"] + r["body"]) for r in rows)


def test_a_canned_query_runs(server):
    status, body = get(server + "/kb/stoerste_bevillinger.json?_shape=array")
    rows = json.loads(body)
    assert status == 200
    assert rows[0]["value_dkk"] == max(r["value_dkk"] for r in rows)
    assert rows[0]["value_dkk"] >= 26898526
