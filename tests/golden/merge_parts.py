"""Merge golden parts (<stem>.<kind>.json, written by reading each document) into <stem>.json.

Run once after editing a part: .venv/bin/python tests/golden/merge_parts.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("document", "sections", "amounts", "target_groups", "milestones")


def main() -> None:
    stems = sorted({p.name.split(".")[0] for p in HERE.glob("*.*.json")})
    for stem in stems:
        target = HERE / f"{stem}.json"
        data = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
        for kind in KINDS:
            part = HERE / f"{stem}.{kind}.json"
            if part.exists():
                data[kind] = json.loads(part.read_text(encoding="utf-8"))
                part.unlink()
        ordered = {k: data[k] for k in KINDS if k in data}
        target.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(target.name, {k: (len(v) if isinstance(v, list) else 1) for k, v in ordered.items()})


if __name__ == "__main__":
    main()
