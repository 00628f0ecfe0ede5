"""What reading and extracting a document gave, kept on disk to be used again.

Parsing a PDF (the layout of every character, its tables, OCR of scanned pages) costs
far more than running the rules over its text, and most rules touch one stage. So each
stage's result is kept under a key made of the extractor version, the stage, the
contents of the rules files the stage declares (:data:`extract.pipeline.STAGES`) and
digests of its inputs (the file's bytes, or the results of the stages before it). A
rules change then redoes only the stages that read the changed file, and a stage whose
inputs came out the same is not redone either.

Keys hold every input, so an entry can never be stale; entries are written to a
temporary name and renamed, so a crash leaves no half entry and parallel workers can
share the folder. A missing or unreadable entry is computed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from extract import __version__

T = TypeVar("T")


def digest(value: Any) -> str:
    """A digest of a stage's input or result by its value: a text itself, anything else by
    its ``repr`` (records are dataclasses: equal values, equal digests)."""
    return hashlib.sha256((value if isinstance(value, str) else repr(value)).encode()).hexdigest()


class StageCache:
    """A folder of stage results; ``None`` as folder keeps nothing. ``computed`` counts the
    stages run (not taken from the folder) by name."""

    def __init__(self, folder: Optional[Path]):
        self.folder = Path(folder) if folder is not None else None
        self.computed: Counter[str] = Counter()

    @property
    def keeps(self) -> bool:
        return self.folder is not None

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

    def memo(self, stage: str, key_parts: Callable[[], list[str]], compute: Callable[[], T]) -> tuple[T, Optional[str]]:
        """``compute()``, or its result kept from an earlier run with the same key (the stage,
        the version and ``key_parts()``: digests of the stage's rules and inputs); with the
        result's own digest, kept beside it, for the stages that take it as input and for
        the fingerprint of the document's records (None when nothing is kept: made when asked)."""
        if self.folder is None:
            self.computed[stage] += 1
            return compute(), None
        h = hashlib.sha256(f"{__version__}\0{stage}".encode())
        for part in key_parts():
            h.update(b"\0" + part.encode())
        key = h.hexdigest()
        found = self.get(key)
        if isinstance(found, tuple) and len(found) == 2:
            return found
        self.computed[stage] += 1
        value = compute()
        kept = (value, digest(value))
        self.put(key, kept)
        return kept


def default_cache_dir(db_path: str) -> Path:
    """Beside the database: ``kb.db`` → ``kb.db.cache/``."""
    return Path(f"{db_path}.cache")
