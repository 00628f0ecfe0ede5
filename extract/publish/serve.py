"""How the knowledge base is served: the Datasette command line with the project's
settings, plugins and templates (``kb serve``)."""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


def datasette_command(db_path: str, host: str, port: int, metadata: str) -> list[str]:
    """Datasette on the file read-only (it opens it with mode=ro), with time and row limits
    and the project's plugins (links from documents to their source files, search excerpts)."""
    cmd = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        db_path,
        "--metadata",
        metadata,
        "--host",
        host,
        "--port",
        str(port),
        "--plugins-dir",
        str(PROJECT_ROOT / "plugins"),
        "--template-dir",
        str(PROJECT_ROOT / "templates"),
        "--setting",
        "sql_time_limit_ms",
        "3000",
        "--setting",
        "max_returned_rows",
        "2000",
        "--setting",
        "allow_download",
        "off",
        "--setting",
        "default_allow_sql",
        "on",
        "--setting",
        "suggest_facets",
        "off",  # suggestions cost a query per column on every table page
        # each facet of a table page is a query of its own, run one after another: one that takes
        # longer (a search hitting most sections, an array facet over every row) is left out
        "--setting",
        "facet_time_limit_ms",
        "100",
        # Under 16 concurrent readers (bench/bench_load.py) the small queries of a page waited
        # on a pool of 3 SQL threads: p95 1.8 s. Run in the server's own thread, as SQLite
        # queries this small are best run (sql_time_limit_ms still stops a long one), and
        # with 20 rows a page: p95 0.27 s.
        "--setting",
        "num_sql_threads",
        "0",
        "--setting",
        "default_page_size",
        "20",
    ]
    return cmd
