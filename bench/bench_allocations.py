"""What allocations cost: the allocations stage against the whole extraction, paired.

For each document of the folders given (default: sources/), each run extracts the
document without a cache (the reference: read, structure, every extractor) and then runs
the allocations stage alone on that extraction's records; runs alternate, so both see the
same state of the machine. Prints the median, minimum and maximum seconds of both over
all documents, and the stage's share of extraction per run.

Run: .venv/bin/python bench/bench_allocations.py [FOLDER ...] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.facts.allocations import find_allocations  # noqa: E402
from extract.pipeline import extract_file, project_rules  # noqa: E402
from extract.structure.sentences import find_sentences  # noqa: E402

SUFFIXES = {".pdf", ".txt", ".md", ".html", ".tsv"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="*", default=[str(ROOT / "sources")])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    files = sorted(p for d in args.folders for p in Path(d).iterdir() if p.suffix.lower() in SUFFIXES)
    rules = project_rules()
    whole, stage, allocations = [], [], 0
    for _ in range(args.runs):
        t_whole = t_stage = 0.0
        allocations = 0
        for path in files:
            t0 = time.perf_counter()
            ex = extract_file(path, rules)
            t1 = time.perf_counter()
            spans = find_sentences(ex.source.text, rules["sentences.yml"]).spans
            t2 = time.perf_counter()
            found, _ = find_allocations(ex.source.text, ex.amounts, spans, ex.sections, ex.meta,
                                        rules["allocations.yml"])  # fmt: skip
            t3 = time.perf_counter()
            t_whole, t_stage, allocations = t_whole + (t1 - t0), t_stage + (t3 - t2), allocations + len(found)
        whole.append(t_whole)
        stage.append(t_stage)
    print(f"{len(files)} documents, {allocations} allocations, {args.runs} runs (median, min, max seconds)")
    print(f"  extraction (all stages)  {statistics.median(whole):8.3f} {min(whole):8.3f} {max(whole):8.3f}")
    print(f"  allocations stage        {statistics.median(stage):8.3f} {min(stage):8.3f} {max(stage):8.3f}")
    shares = [s / w for s, w in zip(stage, whole)]
    print(f"  share of extraction      {statistics.median(shares):8.1%} {min(shares):8.1%} {max(shares):8.1%}")


if __name__ == "__main__":
    main()
