"""Golden label files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from extract.errors import KbError


@dataclass(frozen=True)
class LabelFile:
    path: Path
    document: str  # as a build stores it (sources/…) ; matched by name when the path differs
    data: dict[str, Any]

    @property
    def held_out(self) -> bool:
        return bool(self.data.get("held_out"))


def load_labels(folder: Path, kind: str, required: bool = True) -> list[LabelFile]:
    """Every label file of a folder that has the ``kind`` key ("allocations", "sections" …)."""
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise KbError(f"{path.name}: not a label file ({e})") from None
        if isinstance(data, dict) and kind in data and "document" in data:
            out.append(LabelFile(path, data["document"], data))
    if not out and required:
        raise KbError(f"{folder}: no label files with {kind!r} (see tests/golden/*/README.md)")
    return out


def find_document(db, label: LabelFile) -> Optional[str]:
    """The id of the labelled document in the database: by its path, else by its file name."""
    return document_id(db, label.document)


def document_id(db, path: str) -> Optional[str]:
    """The id of the document stored under ``path``, else of one with the same file name."""
    name = file_name(path)
    rows = list(db.query("select id from documents where path = ? or path like ? order by path = ? desc",
                         [path, f"%/{name}", path]))  # fmt: skip
    return rows[0]["id"] if rows else None


def file_name(path: str) -> str:
    """The file name a label file's document path ends on (how two label files of one document,
    or a label file and a build, are matched when their paths differ)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]
