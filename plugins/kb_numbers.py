"""Datasette plugin of the knowledge base: readable kroner and a CSV for spreadsheets.

- ``kb_kroner(value)``: the same text inside a query (a canned query's summary line).
- ``render_cell``: a kroner column (extract/publish/numbers.py) shows "4.000.000 kr." in
  the HTML pages; JSON and CSV keep the exact number.
- ``register_output_renderer``: every table and query page offers ``.regneark`` ("This data
  as … regneark"): all its rows as Datasette's own CSV (``.csv?_stream=on``) with a
  byte-order mark, semicolons and decimal commas, which Excel set to Danish opens right.
- ``/kb.db``: the whole database to download, a consistent copy per build run (Datasette's
  own download serves only databases opened immutable; this one is read while builds write).
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import AsgiFileDownload, Response
from markupsafe import Markup

from extract.publish.numbers import KRONER_COLUMNS, kroner, spreadsheet_csv

EXTENSION = "regneark"


@hookimpl
def prepare_connection(conn):
    conn.create_function("kb_kroner", 1, kroner, deterministic=True)  # "1.100.000 kr." inside a query's text


@hookimpl
def render_cell(value, column):
    if column in KRONER_COLUMNS:
        shown = kroner(value)
        if shown is not None:
            return Markup(f'<span class="kroner" title="{value}">{shown}</span>')
    return None


async def render_spreadsheet(datasette, request):
    path = request.path[: -len(EXTENSION)] + "csv"
    args = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True) if k not in ("_stream", "_size")]
    response = await datasette.client.get(path + "?" + urlencode([*args, ("_stream", "on"), ("_size", "max")]))
    if response.status_code != 200:
        return Response.text(response.text, status=response.status_code)
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return Response(
        spreadsheet_csv(response.text),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@hookimpl
def register_output_renderer():
    return {"extension": EXTENSION, "render": render_spreadsheet}


_COPYING = asyncio.Lock()  # one copy made at a time


def _copy_database(source: str, tmp: Path) -> None:
    """A consistent copy of the database (VACUUM INTO), on a connection of its own."""
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        conn.execute("vacuum into ?", [str(tmp)])
    finally:
        conn.close()


async def download_database(request, datasette):
    """The whole knowledge base as one SQLite file (public documents, extracts under CC0): a
    consistent copy made with VACUUM INTO once per build run, kept beside the database,
    made in a worker thread and streamed from disk (the site answers others meanwhile)."""
    db = datasette.get_database("kb")
    run = (await db.execute("select coalesce(max(id), 0) from build_runs")).first()[0]
    folder = Path(str(db.path) + ".download")
    copy = folder / f"kb-run{run}.db"
    async with _COPYING:
        if not copy.exists():
            folder.mkdir(exist_ok=True)
            tmp = folder / f"kb-run{run}.tmp"
            tmp.unlink(missing_ok=True)
            await asyncio.to_thread(_copy_database, str(db.path), tmp)
            tmp.replace(copy)
            for old in folder.glob("kb-run*.db"):
                if old != copy:
                    old.unlink(missing_ok=True)
    return AsgiFileDownload(copy, filename="kb.db", content_type="application/vnd.sqlite3")


@hookimpl
def register_routes():
    return [(r"^/kb\.db$", download_database)]
