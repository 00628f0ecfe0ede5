"""The municipality (or region) a document is of, and on what basis (a pure function: the
text and the file name in, a :class:`~extract.records.DocumentPlace` out).

A document is of the municipality that speaks in it as sender or author, not of every
place it names: a budget item of Greve cites "Køge Kommune" as a partner, KL's letter to
the municipalities quotes "Greve Kommune". So the text is read by position and
frequency (``rules/places.yml``):

- every occurrence of a cue counts for its place: a web or mail address of the
  municipality ("www.greve.dk", "lpj@balk.dk") most, "Kommunalbestyrelsen i <Name>" /
  "Byrådet i <Name>" next, a full name ("Greve Kommune", "Københavns Kommunes",
  "Region Hovedstaden") and "<Name> Byråd" once;
- an occurrence in the first ``header_chars`` characters (letterhead, sender block,
  title) counts ``header_weight`` times; one just after a citing phrase ("i samarbejde
  med", "ligesom", "… og") counts nothing;
- the place with the highest count is the document's when it counts at least
  ``min_score`` and more than ``lead`` times the next place's; a tie leaves it unknown;
- a sender that is no municipality (``other_senders``: KL) named in the header before any
  municipality is makes every municipality of the text a cited one: the text gives none.

Without a place from the text, a file name that starts with a place's ascii form (an
agenda item's stem "greve_beu_2022-03-14_p04_…") gives it (basis ``file_name``); else
the place is unknown (``""``, basis ``none``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional

from extract.records import DocumentPlace
from extract.rules import (
    RuleError,
    require_examples,
    require_keys,
    require_mapping,
    require_number,
    require_regex,
    require_strings,
)

KINDS = ("municipality", "region")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    written: tuple[str, ...]
    short: tuple[str, ...]
    ascii: tuple[str, ...]
    web: tuple[str, ...]


@dataclass(frozen=True)
class Cue:
    id: str
    weight: float
    pattern: re.Pattern  # its group "place" is one place's form
    examples: tuple


@dataclass(frozen=True)
class PlaceRules:
    places: tuple[Place, ...]
    by_form: dict  # a form in lower case (written, short, ascii, web) → the place's name
    cues: tuple[Cue, ...]
    citing: re.Pattern
    citing_examples: tuple
    other_senders: tuple[tuple[str, re.Pattern, tuple], ...]
    header_chars: int
    header_weight: float
    citing_window: int
    min_score: float
    lead: float
    file_name: re.Pattern
    examples: tuple


def find_place(text: str, file_name: str, r: PlaceRules) -> DocumentPlace:
    """The place a document is of: from its text, else from its file name, else unknown."""
    found = place_in_text(text, r)
    if found is not None:
        return found
    named = place_in_file_name(file_name, r)
    if named:
        return DocumentPlace(named, "file_name", "file_name", file_name)
    return DocumentPlace("", "none")


def place_in_text(text: str, r: PlaceRules) -> Optional[DocumentPlace]:
    """The place the text speaks as (see the module), or None."""
    text = text or ""
    head = text[: r.header_chars]
    senders = [m.start() for _, p, _ in r.other_senders for m in p.finditer(head)]
    scores: Counter = Counter()
    best: dict[str, tuple[float, str, str]] = {}  # place → (weight, cue, quote) of its strongest occurrence
    header_places = []
    for cue in r.cues:
        for m in cue.pattern.finditer(text):
            place = r.by_form.get(" ".join(m.group("place").split()).lower())
            if place is None:
                continue
            if r.citing.search(text[max(0, m.start() - r.citing_window) : m.start()]):
                continue
            weight = cue.weight * (r.header_weight if m.start() < r.header_chars else 1)
            if m.start() < r.header_chars:
                header_places.append(m.start())
            scores[place] += weight
            if weight > best.get(place, (0.0,))[0]:
                best[place] = (weight, cue.id, " ".join(m.group(0).split()))
    if senders and (not header_places or min(senders) < min(header_places)):
        return None  # another body's letter: the municipalities it names are cited ones
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < r.min_score:
        return None
    if len(ranked) > 1 and ranked[0][1] <= r.lead * ranked[1][1]:
        return None
    place = ranked[0][0]
    _, cue, quote = best[place]
    return DocumentPlace(place, "text", cue, quote)


def place_in_file_name(file_name: str, r: PlaceRules) -> str:
    """The place whose ascii form a file's name starts with ("" when none)."""
    stem = (file_name or "").replace("\\", "/").rsplit("/", 1)[-1].lower()
    m = r.file_name.match(stem)
    return r.by_form.get(m.group("place"), "") if m else ""


# --- rules ------------------------------------------------------------------------------


def load_rules(data: Any) -> PlaceRules:
    keys = ["transliterate", "header_chars", "header_weight", "citing_window", "min_score", "lead", "file_name_end",
            "cues", "citing", "other_senders", "places", "examples"]  # fmt: skip
    data = require_keys(data, "-", keys)
    letters = require_mapping(data["transliterate"], "transliterate")
    places = tuple(_place(e, i, letters) for i, e in enumerate(data["places"] or []))
    if not places:
        raise RuleError("places", "needs the list of places")
    by_form: dict[str, str] = {}
    for p in places:
        for form in (*p.written, *p.short, *p.ascii, *p.web):
            other = by_form.setdefault(form.lower(), p.name)
            if other != p.name:
                raise RuleError(p.name, f"the form {form!r} is {other}'s too")
    forms = {
        "written": [f for p in places for f in p.written],
        "short": [f for p in places for f in p.short],
        "web": [f for p in places for f in p.web],
    }
    cues = tuple(_cue(e, i, forms) for i, e in enumerate(data["cues"] or []))
    citing = require_keys((data["citing"] or [None])[0], "citing", ["id", "pattern", "examples"])
    senders = tuple(_sender(e, i) for i, e in enumerate(data["other_senders"] or []))
    ascii_forms = _alternation([f for p in places for f in p.ascii])
    end = require_regex(data["file_name_end"], "file_name_end")
    return PlaceRules(
        places=places,
        by_form=by_form,
        cues=cues,
        citing=require_regex(citing["pattern"], citing["id"]),
        citing_examples=require_examples(citing, citing["id"]),
        other_senders=senders,
        header_chars=require_number(data, "header_chars", "header_chars", int, 0, 100_000),
        header_weight=require_number(data, "header_weight", "header_weight", float, 1, 100),
        citing_window=require_number(data, "citing_window", "citing_window", int, 0, 1000),
        min_score=require_number(data, "min_score", "min_score", float, 0, 1000),
        lead=require_number(data, "lead", "lead", float, 1, 100),
        file_name=re.compile(rf"(?P<place>{ascii_forms})(?={end.pattern})"),
        examples=require_examples(data, "examples"),
    )


def _place(entry: Any, i: int, letters: dict) -> Place:
    rid = f"places[{i}]"
    entry = require_keys(entry, rid, ["name"], ["kind", "written", "short", "ascii", "web"])
    name = entry["name"]
    if not isinstance(name, str) or not name.strip():
        raise RuleError(rid, "name must be a place's name")
    kind = entry.get("kind", "municipality")
    if kind not in KINDS:
        raise RuleError(name, f"kind is {kind!r}; allowed values: {list(KINDS)}")
    written = require_strings(entry.get("written", [f"{name} Kommune"]), name)
    short = require_strings(entry.get("short", [name]), name)
    plain = name.lower()
    for letter, spelt in letters.items():
        plain = plain.replace(letter, spelt)
    ascii_forms = require_strings(entry.get("ascii", [plain.replace(" ", "-")]), name)
    web = require_strings(entry.get("web", [f"{a}{end}" for a in ascii_forms for end in (".dk", "kommune.dk")]), name)
    return Place(name, kind, written, short, ascii_forms, web)


def _alternation(forms: list[str]) -> str:
    """One pattern of the forms, the longest first; a space as any run of white space."""
    parts = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in parts)


def _cue(entry: Any, i: int, forms: dict) -> Cue:
    entry = require_keys(entry, f"cues[{i}]", ["id", "weight", "pattern", "examples"])
    rid = entry["id"]
    raw = entry["pattern"]
    if not isinstance(raw, str):
        raise RuleError(rid, "pattern must be a string (a regular expression)")
    filled = raw
    for key, values in forms.items():
        filled = filled.replace("{" + key + "}", _alternation(values))
    pattern = require_regex(filled, rid)
    if "place" not in pattern.groupindex:
        raise RuleError(rid, "pattern needs a group named 'place' around {written}, {short} or {web}")
    return Cue(rid, require_number(entry, "weight", rid, float, 0, 100), pattern, require_examples(entry, rid))


def _sender(entry: Any, i: int) -> tuple[str, re.Pattern, tuple]:
    entry = require_keys(entry, f"other_senders[{i}]", ["name", "pattern", "examples"])
    return (entry["name"], require_regex(entry["pattern"], entry["name"]), require_examples(entry, entry["name"]))
