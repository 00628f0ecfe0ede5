"""The Danish lexicon that OCR repair checks its candidates against.

It is the union of Debian's ``wdanish`` word list (``/usr/share/dict/danish``) and
every word form, keys and lemmas, of spaCy's Danish lemma table (``da_lemma_lookup``
in spacy-lookups-data), lowercased. Loading takes a second or more (measured by
bench/bench_ocr_repair.py), so it happens only when a text needs repair, once per
process. A word is valid when it is in the lexicon or is a compound of lexicon words
("beskæftigelses" + "aftale").
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

DEBIAN_WORD_LIST = Path("/usr/share/dict/danish")
INSTALL_HINT = "apt-get install wdanish"
SPACY_TABLE = "da_lemma_lookup.json.gz"


@dataclass(frozen=True)
class CompoundShape:
    """How compounds are cut: the least letters of a first and a last part, the most parts,
    the linking letters allowed after a first part, and whether two parts may share the
    letter where they meet."""

    min_part: int = 4
    min_last_part: int = 3
    max_parts: int = 3
    linking: tuple[str, ...] = ("s", "e")
    shared_letter: bool = False  # "kerne" + "elementer" written "kernelementer"


def spacy_table_path() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).resolve().parent / "data" / SPACY_TABLE


def lexicon_identity(word_list: Path = DEBIAN_WORD_LIST) -> str:
    """What the lexicon is made of, cheaply (no reading): the word list's size and time and
    the spaCy table's package version and size. It counts in the rules hash, so installing
    or updating either re-extracts every document."""
    from importlib.metadata import version

    try:
        st = word_list.stat()
        listed = f"{word_list.name}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        listed = f"{word_list.name}:missing"
    table = spacy_table_path()
    size = table.stat().st_size if table.exists() else "missing"
    return f"{listed};spacy-lookups-data {version('spacy-lookups-data')}:{table.name}:{size}"


class Lexicon:
    """Lowercased Danish word forms, with a compound check and a fuzzy look-up.

    ``words`` holds every form; ``common`` only those the sources write in lower case,
    so a name ("Rømø") is a word but never a part of a compound ("Rømøaftale").
    """

    def __init__(self, words: frozenset[str], common: frozenset[str], warnings: tuple[str, ...] = ()):
        self.words = words
        self.common = common
        self.warnings = warnings
        self._compounds: dict[tuple[str, int, CompoundShape], bool] = {}
        self._buckets: Optional[dict[tuple[str, int], list[str]]] = None

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def is_compound(self, word: str, shape: CompoundShape) -> bool:
        """``word`` is two or more common words ("arbejds|markedet", "bydel|s|mor"): the first
        parts of at least ``shape.min_part`` letters, each optionally followed by a linking
        letter, the last of at least ``shape.min_last_part``."""
        return self._is_compound(word, shape, shape.max_parts)

    def _is_compound(self, word: str, shape: CompoundShape, parts: int) -> bool:
        if parts < 2 or len(word) < shape.min_part + shape.min_last_part:
            return False
        key = (word, parts, shape)
        if key not in self._compounds:
            cuts = [
                cut for cut in range(shape.min_part, len(word) - shape.min_last_part + 1) if word[:cut] in self.common
            ]
            self._compounds[key] = any(self._tail_ok(word[cut:], shape, parts) for cut in cuts) or (
                shape.shared_letter and any(self._tail_ok(word[cut - 1 :], shape, parts) for cut in cuts)
            )
        return self._compounds[key]

    def _tail_ok(self, tail: str, shape: CompoundShape, parts: int) -> bool:
        for rest in (tail, *(tail[len(link) :] for link in shape.linking if tail.startswith(link))):
            if len(rest) >= shape.min_last_part and rest in self.common:
                return True
            if self._is_compound(rest, shape, parts - 1):
                return True
        return False

    def closest(self, word: str, spread: int, limit: int = 2) -> list[tuple[str, float]]:
        """The ``limit`` lexicon words most like ``word`` (rapidfuzz ratio, 0-100), among
        words with its first letter and at most ``spread`` letters longer or shorter."""
        from rapidfuzz import fuzz, process

        if self._buckets is None:
            buckets: dict[tuple[str, int], list[str]] = {}
            for w in self.words:  # order does not matter: a tie at the top is no match
                buckets.setdefault((w[0], len(w)), []).append(w)
            self._buckets = buckets
        choices = [
            w for n in range(len(word) - spread, len(word) + spread + 1) for w in self._buckets.get((word[0], n), ())
        ]
        found = process.extract(word, choices, scorer=fuzz.ratio, limit=limit)
        return [(w, score) for w, score, _ in found]


def read_word_list(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """spaCy's Danish lemma table (spacy-lookups-data): word form → lemma, read once per
    process. Target groups look their words' lemmas up in it; the lexicon holds its forms."""
    return json.loads(gzip.decompress(spacy_table_path().read_bytes()))


def build_lexicon(word_list: Path = DEBIAN_WORD_LIST) -> Lexicon:
    """Read both sources; without the word list, spaCy's table alone and a warning."""
    table = lemma_table()
    forms = [*table.keys(), *table.values()]
    warnings: tuple[str, ...] = ()
    if word_list.is_file():
        forms += read_word_list(word_list)
    else:
        warnings = (
            f"Danish word list {word_list} is missing: OCR repair used spaCy's lemma table alone ({INSTALL_HINT})",
        )
    common = frozenset(w for w in forms if w and not w[0].isupper())
    names = frozenset(w.lower() for w in forms if w[:1].isupper())
    return Lexicon(common | names, common, warnings)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, read on first use and kept for the life of the process."""
    return build_lexicon()
