"""The bytes of a text file decoded as the encoding that reads most like Danish.

A byte-order mark decides (UTF-8, UTF-16). Valid UTF-8 is UTF-8. Any other file is
decoded by each candidate code page of ``rules/encodings.yml`` and by UTF-8 with its
bad bytes replaced (U+FFFD), and the decoding with the best score wins: Danish letters
inside words and common Danish words count for it; mojibake, replaced bytes, control
codes and characters Danish text does not use count against it. So a short Windows-1252
note with "på" and "målgruppen" is Windows-1252, not another code page that happens to
decode every byte, and a UTF-8 file with a few damaged bytes stays UTF-8 with the bad
bytes counted in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.errors import SourceError
from extract.rules import RuleError, require_keys, require_regex, require_strings

UTF8 = "utf-8"
REPLACED = "\ufffd"
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte UTF-8 could not decode (surrogateescape)
_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")
SAMPLE = 256 * 1024  # bytes of lines outside ASCII a decoding is chosen by
# What each sign is worth in a decoding's score
DANISH_LETTER = 2
KNOWN_WORD = 5
BAD = 10  # a replaced byte, a control code, a mojibake sequence, an unusual character


@dataclass(frozen=True)
class EncodingRules:
    candidates: tuple[str, ...]  # single-byte code pages, in order of preference
    danish_letters: frozenset
    usual: frozenset  # non-ASCII characters Danish documents use
    words: frozenset  # common Danish words with æ, ø or å (lower case)
    mojibake: re.Pattern
    examples: tuple[str, ...]
    max_nul_share: float = 0.01  # more NUL bytes than this share: not a text file


def load_rules(data) -> EncodingRules:
    keys = ["candidates", "danish_letters", "usual_characters", "words", "mojibake", "examples", "max_nul_share"]
    data = require_keys(data, "-", keys)
    candidates = require_strings(data["candidates"], "candidates")
    for name in candidates:
        try:
            b"\xe6".decode(name)
        except LookupError:
            raise RuleError("candidates", f"{name!r} is not a codec name (e.g. cp1252, latin_1)") from None
    for key in ("danish_letters", "usual_characters"):
        if not isinstance(data[key], str) or not data[key]:
            raise RuleError(key, "needs a string of characters")
    examples = require_strings(data["examples"], "examples")
    if not examples:
        raise RuleError("examples", "needs real sentences of Danish documents")
    return EncodingRules(
        candidates=candidates,
        danish_letters=frozenset(data["danish_letters"]),
        usual=frozenset(data["usual_characters"]) | frozenset(data["danish_letters"]),
        words=frozenset(w.lower() for w in require_strings(data["words"], "words")),
        mojibake=require_regex(data["mojibake"], "mojibake"),
        examples=examples,
        max_nul_share=_share(data["max_nul_share"]),
    )


def _share(value) -> float:
    if not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise RuleError("max_nul_share", "needs a share of the file's bytes, 0 to 1 (e.g. 0.01)")
    return float(value)


def score(text: str, r: EncodingRules) -> int:
    """How much ``text`` reads like Danish (higher is better)."""
    points = 0
    for word in _WORD.findall(text):
        danish = sum(1 for ch in word if ch in r.danish_letters)
        if danish and len(word) > 1:
            points += DANISH_LETTER * danish
        if word.lower() in r.words:
            points += KNOWN_WORD
    unusual = sum(1 for ch in text if ord(ch) > 127 and ch not in r.usual and ch != REPLACED)
    bad = text.count(REPLACED) + len(_CONTROL.findall(text)) + len(r.mojibake.findall(text)) + unusual
    return points - BAD * bad


def _utf8_replaced(data: bytes) -> tuple[str, int]:
    """UTF-8 with each byte it cannot decode replaced by U+FFFD, and how many there were."""
    text = data.decode(UTF8, errors="surrogateescape")
    bad = len(_ESCAPED.findall(text))
    return (_ESCAPED.sub(REPLACED, text) if bad else text), bad


def _undone_mojibake(text: str, r: EncodingRules) -> tuple[str, list[str]]:
    """Valid UTF-8 that holds mojibake ("MÃ¥lgruppen": text decoded as a code page and
    saved as UTF-8 again) is decoded once more, when that reads more like Danish."""
    if not r.mojibake.search(text):
        return text, []
    for candidate in r.candidates:
        try:
            again = text.encode(candidate).decode(UTF8)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if score(again, r) > score(text, r):
            return again, [f'UTF-8 saved from {candidate} mojibake ("Ã¦" for "æ"): decoded once more']
    return text, []


def decode(data: bytes, name: str, r: EncodingRules) -> tuple[str, list[str]]:
    """Bytes to text, with warnings naming how they were decoded and what was replaced."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as e:
            raise SourceError(name, f"UTF-16 text with invalid bytes: {e.reason}") from None
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    nul = data.count(b"\x00")
    if nul > r.max_nul_share * len(data):
        raise SourceError(name, f"contains {nul} NUL bytes: not a text file")
    data = data.replace(b"\x00", b"")
    text, warnings = _decoded(data, bom, r)
    return text, [f"{nul} NUL byte(s) dropped (not text)"] * bool(nul) + warnings


def _decoded(data: bytes, bom: bool, r: EncodingRules) -> tuple[str, list[str]]:
    text, bad = _utf8_replaced(data)
    if not bad:
        return _undone_mojibake(text, r)
    best_name = UTF8
    if not bom:
        sample = _sample(data)
        best_score = score(_utf8_replaced(sample)[0], r)
        for candidate in r.candidates:
            points = score(sample.decode(candidate, errors="replace"), r)
            if points > best_score:
                best_score, best_name = points, candidate
    if best_name == UTF8:
        return text, [f"{bad} byte(s) could not be decoded as UTF-8 (invalid UTF-8): each replaced by U+FFFD"]
    decoded = data.decode(best_name, errors="replace")
    return decoded, [f"decoded as {best_name}: not UTF-8, and this code page reads most like Danish"]


def _sample(data: bytes) -> bytes:
    """The lines holding bytes outside ASCII (where encodings differ), up to ``SAMPLE`` bytes:
    what the candidates are scored on."""
    lines = _NON_ASCII_LINE.findall(data[: SAMPLE * 8])
    return b"\n".join(lines)[:SAMPLE] or data[:SAMPLE]
