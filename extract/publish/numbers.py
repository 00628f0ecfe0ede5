"""Kroner as people read them, and CSV as Danish spreadsheets open it.

The database keeps exact numbers (``value_dkk`` in whole kroner); the site's HTML shows
them as "4.000.000 kr." (plugins/kb_numbers.py), JSON and CSV stay exact. The spreadsheet
CSV is Datasette's own CSV with a byte-order mark (so Excel reads UTF-8: æ, ø, å), semicolons
between fields and decimal commas (what a spreadsheet set to Danish expects).
"""

from __future__ import annotations

import csv
import io
import re

# Columns that hold kroner, in tables, views and the canned queries of metadata.yml.
KRONER_COLUMNS = frozenset({"value_dkk", "kroner", "kroner_i_alt", "egne_kroner"})
BOM = "\ufeff"
_DECIMAL = re.compile(r"^-?\d+\.\d+$")


def kroner(value: object) -> str | None:
    """A number of kroner with thousands marked by dots, as Danish writes it; None for
    anything that is not a number.

    >>> kroner(4000000.0), kroner(-7700000), kroner(1333333.5)
    ('4.000.000 kr.', '-7.700.000 kr.', '1.333.334 kr.')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    whole = int(round(value))
    return f"{whole:,} kr.".replace(",", ".")


def spreadsheet_csv(text: str) -> str:
    """Datasette's CSV (comma-separated, decimal points) as a spreadsheet set to Danish
    opens it: a byte-order mark, semicolons, decimal commas in numbers.

    >>> spreadsheet_csv('year,kroner,kind\\n2013,1500000.5,drift\\n')
    '\\ufeffyear;kroner;kind\\r\\n2013;1500000,5;drift\\r\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for row in csv.reader(io.StringIO(text)):
        writer.writerow([cell.replace(".", ",") if _DECIMAL.match(cell) else cell for cell in row])
    return BOM + out.getvalue()
