"""Damaged copies of real documents of the development corpus, made with a fixed seed:
what a folder of files that passed through mail systems, old editors and broken downloads
holds. Run as a script to write them for a look by hand:
    .venv/bin/python tests/damage.py /tmp/damaged
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus"
TEXTS = [
    "greve_beu_2024-10-07_p02_budgetopfoelgning-2-2024.txt",
    "koebenhavn_kfu_2026-10-22_p02_udmoentning-budget-2027.txt",
    "aarhus_byraad_2025-10-08_p24_byggemodning-trige.txt",
]
PDFS = [
    "syddjurs_2012-09-20_opsamlingsnotat-temamoede-kulturkommune-2017.pdf",
    "ballerup_2012-11-19_notat-torvevej-budgettilpasning-2013-2014.pdf",
]
SEED = 20261202
FLIPS = 50  # bytes flipped in a text


@dataclass(frozen=True)
class Damaged:
    name: str  # the damaged copy's file name
    original: str  # the dev-corpus file it was made from
    how: str
    data: bytes


def flip(data: bytes, count: int, rng: random.Random, start: int = 0) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        out[rng.randrange(start, len(out))] = rng.randrange(256)
    return bytes(out)


def text_damages(rng: random.Random) -> dict[str, Callable[[str, bytes], bytes]]:
    return {
        "truncated": lambda t, b: b[: len(b) // 2],
        "flipped": lambda t, b: flip(b, FLIPS, rng, 200),
        "cp1252": lambda t, b: t.encode("cp1252", "replace"),
        "utf16": lambda t, b: t.encode("utf-16"),
        "mac": lambda t, b: t.replace("\n", "\r").encode("utf-8"),
        "bom-crlf": lambda t, b: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
        "nul": lambda t, b: b[:300] + b"\x00" * 8 + b[300:],
    }


def pdf_damages(rng: random.Random) -> dict[str, Callable[[bytes], bytes]]:
    return {
        "cut": lambda b: b[: len(b) // 2],
        "flipped": lambda b: flip(b, 200, rng, 2000),
    }


def damaged_copies() -> list[Damaged]:
    rng = random.Random(SEED)
    out = []
    for name in TEXTS:
        data = (DEV / "text" / name).read_bytes()
        text = data.decode("utf-8")
        for how, make in text_damages(rng).items():
            out.append(Damaged(f"{how}-{name}", f"text/{name}", how, make(text, data)))
    for name in PDFS:
        data = (DEV / "pdf" / name).read_bytes()
        for how, make in pdf_damages(rng).items():
            out.append(Damaged(f"{how}-{name}", f"pdf/{name}", how, make(data)))
    return out


def write(folder: Path) -> list[Damaged]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = damaged_copies()
    for d in copies:
        (folder / d.name).write_bytes(d.data)
    return copies


if __name__ == "__main__":
    for d in write(Path(sys.argv[1])):
        print(d.name, len(d.data))
