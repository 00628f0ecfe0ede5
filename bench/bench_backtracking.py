"""Every pattern of the rules and of the code against text made to make a regular expression backtrack.

A pattern that repeats a repeat ("(?:\\.{2,}|…)+$") can take time exponential in the length
of a run of the characters it repeats, when something after the run makes the match fail: a
real agenda page with a dot leader once held up a build for good that way. This script
loads the project's rules, collects every compiled pattern in them and every pattern the
package's modules compile at import (the one that hung was such), and times a search of
each over runs of one character or word (a dot leader, spaces, commas, digits, a repeated
word, …) of ``--length`` characters, with a stop at ``--cap`` seconds per search. It prints
the slowest searches: a pattern near the cap, or one whose time grows fast when the length
doubles, is one to rewrite.

Run: .venv/bin/python bench/bench_backtracking.py [--length 400] [--cap 2] [--top 15]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import extract  # noqa: E402
from extract.jobs import OverTimeLimit, time_limit  # noqa: E402
from extract.pipeline import RULE_FILES, project_rules  # noqa: E402

# a run of one thing, then a character that makes a pattern anchored after the run fail
RUNS = {
    "dots": ".",
    "dots and ellipses": ".…",
    "spaces": " ",
    "line breaks": "\n",
    "commas": ", ",
    "dashes": "- ",
    "digits": "1",
    "thousands": "1.000 ",
    "letters": "a",
    "words": "unge ",
    "capitals": "Udvalget ",
    "dates": "1. januar 2025 ",
    "bullets": "• a\n",
    "colons": "a: ",
}
TAILS = ("!", ")", "x", "")


def patterns_in(value, path: str, seen: set) -> list[tuple[str, re.Pattern]]:
    """(where, pattern) of every compiled pattern reachable from a loaded rules object."""
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        return [(path, value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = []
        for field in dataclasses.fields(value):
            out += patterns_in(getattr(value, field.name), f"{path}.{field.name}", seen)
        return out
    if isinstance(value, (dict, MappingProxyType)):
        return [p for k, v in value.items() for p in patterns_in(v, f"{path}[{k!r}]", seen)]
    if isinstance(value, (list, tuple, frozenset, set)):
        return [p for i, v in enumerate(value) for p in patterns_in(v, f"{path}[{i}]", seen)]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return [p for k, v in vars(value).items() for p in patterns_in(v, f"{path}.{k}", seen)]
    return []


def code_patterns() -> list[tuple[str, re.Pattern]]:
    """(module.name, pattern) of every text pattern a module of the package compiles at import."""
    out = []
    for info in pkgutil.walk_packages(extract.__path__, "extract."):
        module = importlib.import_module(info.name)
        out += [(f"{info.name}.{k}", v) for k, v in vars(module).items() if isinstance(v, re.Pattern)]
    return [(where, p) for where, p in out if isinstance(p.pattern, str)]


def timed_search(pattern: re.Pattern, text: str, cap: float) -> float:
    """Seconds a search of ``text`` takes, stopped at ``cap`` by the build's own time limit."""
    t0 = time.perf_counter()
    try:
        with time_limit(cap):
            pattern.search(text)
    except OverTimeLimit:
        pass
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--length", type=int, default=400, help="characters of each run")
    parser.add_argument("--cap", type=float, default=2.0, help="seconds at most per search")
    parser.add_argument("--top", type=int, default=15, help="slowest searches shown")
    args = parser.parse_args()
    rules = project_rules()
    found: list[tuple[str, re.Pattern]] = []
    for name in sorted(RULE_FILES):
        found += patterns_in(rules[name], name, set())
    rules_count = len({(p.pattern, p.flags) for _, p in found})
    found += code_patterns()
    unique = {(p.pattern, p.flags): (where, p) for where, p in found}
    texts = [
        (f"{kind}, then {tail!r}", (unit * (args.length // len(unit) + 1))[: args.length] + tail)
        for kind, unit in RUNS.items()
        for tail in TAILS
    ]
    t0 = time.perf_counter()
    times = []
    for where, pattern in unique.values():
        for label, text in texts:
            times.append((timed_search(pattern, text, args.cap), where, label))
    times.sort(reverse=True)
    print(f"{rules_count} patterns of {len(RULE_FILES)} rules files and {len(unique) - rules_count} of the code, "
          f"{len(texts)} texts of {args.length} characters")  # fmt: skip
    print(f"all searches: {time.perf_counter() - t0:.1f} s; at the cap of {args.cap} s: "
          f"{sum(t >= args.cap for t, _, _ in times)}\n")  # fmt: skip
    print("| seconds | pattern | text |")
    print("|---|---|---|")
    for seconds, where, label in times[: args.top]:
        print(f"| {seconds:.3f} | {where} | {label} |")


if __name__ == "__main__":
    main()
