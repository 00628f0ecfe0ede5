"""What reading and extracting a document gave, kept on disk to be used again.

Parsing a PDF (pdfplumber's layout of every character, its tables, OCR of scanned
pages) costs far more than running the rules over its text, and most rules touch
one kind of record. So the cache keeps, per document:

- the parsed PDF (lines with positions, type sizes and weights, tables, outline,
  OCR confidences), keyed by the sha256 of the file's bytes;
- the document read into text (after the OCR repair), keyed by the file's sha256
  and what reading depends on (``rules/ocr_repair.yml``, the lexicon);
- each extraction stage's result (sentences, sections, amounts, …), keyed by the
  text and the rules files that stage reads (``STAGE_RULES``).

A rules change then redoes only the stages whose rules changed. Keys hold the
extractor version and every input, so an entry can never be stale; entries are
written to a temporary name and renamed, so a crash leaves no half entry and
parallel workers can share the folder. A missing or unreadable entry is computed again.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from extract import __version__
from extract.rules import rules_dir

T = TypeVar("T")

# The rules files each stage of extraction reads (directly or through the stages it uses).
STAGE_RULES: dict[str, tuple[str, ...]] = {
    "source": ("ocr_repair.yml",),
    "sentences": ("sentences.yml",),
    "sections": ("headings.yml",),
    "meta": ("document_meta.yml", "dates.yml", "headings.yml"),
    "amounts": ("amounts.yml", "sentences.yml"),
    "milestones": ("milestones.yml", "dates.yml", "sentences.yml"),  # and the amounts' places (pipeline.py)
    "target_groups": ("target_groups.yml", "sentences.yml", "headings.yml"),
    "tables": (),
}
PDF_STAGE = "pdf"  # parsed pages: depend on the file's bytes and the reader only


class ParseCache:
    """A folder of cached results; ``None`` as folder keeps nothing."""

    def __init__(self, folder: Optional[Path]):
        self.folder = Path(folder) if folder is not None else None
        self._rules: dict[str, str] = {}

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle.z"

    def get(self, key: str) -> Any:
        if self.folder is None:
            return None
        try:
            return pickle.loads(zlib.decompress(self._path(key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None  # missing, or written by another version: compute again

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except OSError:
            return  # a full or read-only disk costs the cache entry, not the build

    def key(self, stage: str, *parts: str) -> str:
        """The key of ``stage``'s result for the given inputs and the current rules."""
        h = hashlib.sha256(f"{__version__}\0{stage}\0{self._rules_digest(stage)}".encode())
        for part in parts:
            h.update(b"\0" + part.encode())
        return h.hexdigest()

    def _rules_digest(self, stage: str) -> str:
        if stage not in self._rules:
            folder = rules_dir()
            files = []
            for name in STAGE_RULES.get(stage, ()):
                try:
                    st = (folder / name).stat()
                    files.append((name, st.st_mtime_ns, st.st_size))
                except OSError:
                    files.append((name, 0, -1))
            self._rules[stage] = _rules_digest(str(folder), stage, tuple(files))
        return self._rules[stage]

    def memo(self, stage: str, inputs: str, compute: Callable[[], T]) -> T:
        """``compute()``, or its result kept from an earlier run with the same inputs and rules."""
        if self.folder is None:
            return compute()
        key = self.key(stage, inputs)
        found = self.get(key)
        if found is not None:
            return found
        value = compute()
        self.put(key, value)
        return value


@lru_cache(maxsize=256)
def _rules_digest(folder: str, stage: str, files: tuple[tuple[str, int, int], ...]) -> str:
    """Digest of the contents of a stage's rules files (read once per file version)."""
    h = hashlib.sha256()
    for name, _, size in files:
        try:
            h.update(name.encode() + b"\0" + (Path(folder) / name).read_bytes())
        except OSError:
            h.update(name.encode() + b"\0missing")
    if stage == "source":
        from extract.read.lexicon import lexicon_identity

        h.update(lexicon_identity().encode())
    return h.hexdigest()


def default_cache_dir(db_path: str) -> Path:
    """Beside the database: ``kb.db`` → ``kb.db.cache/``."""
    return Path(f"{db_path}.cache")
