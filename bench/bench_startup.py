"""Start-up of the kb command: ``kb extract`` of a one-paragraph text file, as a whole process.

Each run starts a new process (interpreter, imports, rules, extraction, output), as a
user's command does. Runs alternate with the reference, a bare interpreter start
(``python -c pass``), so both see the same state of the machine; the figures are the
median, minimum and maximum wall seconds of each, and the difference of each pair (what
kb itself costs). A second file holds a target-group statement, whose labels need the
Danish lemma table: it shows what loading that table adds.

Run: .venv/bin/python bench/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KB = [sys.executable, "-m", "extract.cli", "extract"]
PARAGRAPH = (
    "Københavns Kommune afsætter 4,0 mio. kr. årligt i 2013-2016 til en indsats for ledige, "
    "der starter 1. februar 2013 og evalueres ultimo 2014.\n"
)
STATEMENT = "Målgruppen er unge kontanthjælpsmodtagere under 30 år uden uddannelse.\n"


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def row(name: str, values: list[float]) -> str:
    return f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} | s |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kb-startup-"))
    paragraph, statement = folder / "afsnit.txt", folder / "maalgruppe.txt"
    paragraph.write_text(PARAGRAPH, encoding="utf-8")
    statement.write_text(STATEMENT, encoding="utf-8")
    reference, plain, with_lemmas = [], [], []
    wall(KB + [str(paragraph)])  # warm the file cache
    for _ in range(args.runs):
        reference.append(wall([sys.executable, "-c", "pass"]))
        plain.append(wall(KB + [str(paragraph)]))
        with_lemmas.append(wall(KB + [str(statement)]))
    print(f"kb extract start-up, {args.runs} runs each, alternating\n")
    print("| process | median | min | max | |\n|---|---|---|---|---|")
    print(row("python -c pass (reference)", reference))
    print(row("kb extract, one paragraph (amount, dates)", plain))
    print(row("kb extract, one paragraph minus the reference", [p - r for p, r in zip(plain, reference)]))
    print(row("kb extract, a target-group statement (lemma table)", with_lemmas))


if __name__ == "__main__":
    main()
