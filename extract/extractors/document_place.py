"""The municipality (or region) a document is of, and on what basis (a pure function: the
text and the file name in, a :class:`~extract.records.DocumentPlace` out).

A document is of the municipality that speaks in it as sender or author, not of every
place it names: a budget item of Greve cites "Køge Kommune" as a partner, KL's letter to
the municipalities quotes "Greve Kommune". The order of the bases:

1. a file name that starts with a place's ascii form (an agenda item's stem
   "greve_beu_2022-03-14_p04_…", the name a user or an agenda system gave the file) gives
   it (basis ``file_name``; ``text`` when the text's count below agrees) unless the text's
   sender names another place: a name on a letterhead line, or a web or mail address in
   the header (``sender_cues``); the names the body counts never override it;
2. else the text's count (``rules/places.yml``) gives it (basis ``text``);
3. else the place is unknown (``""``, basis ``none``).

The text is read by position and frequency:

- every occurrence of a cue counts for its place: a web or mail address of the
  municipality ("www.greve.dk", "lpj@balk.dk") most, "Kommunalbestyrelsen i <Name>" /
  "Byrådet i <Name>" next, a full name ("Greve Kommune", "Københavns Kommunes",
  "Region Hovedstaden") and "<Name> Byråd" once;
- an occurrence on a letterhead line (one of the first ``letterhead_lines`` lines, the
  name alone on it or before an address) counts ``letterhead_weight`` times, one elsewhere
  in the first ``header_chars`` characters (sender block, title) ``header_weight`` times;
  one just after a ``citing`` phrase ("i samarbejde med", "ligesom", "klage over", a
  letter's "Til") counts nothing; two names joined by "og" count alike;
- the place with the highest count is the document's when it counts at least
  ``min_score`` and more than ``lead`` times the next place's; a tie leaves it unknown;
- a sender that is no municipality (``other_senders``: KL, a ministry, a state agency)
  named in the header before any municipality is makes every municipality of the text a
  cited one: the text gives none.
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
class Sender:
    name: str
    pattern: re.Pattern
    letterhead: bool  # read on the letterhead lines only (else in the whole header)
    examples: tuple


@dataclass(frozen=True)
class PlaceRules:
    places: tuple[Place, ...]
    by_form: dict  # a form in lower case (written, short, ascii, web) → the place's name
    kind_of: dict  # a place's name → municipality or region
    cues: tuple[Cue, ...]
    citing: tuple[re.Pattern, ...]
    citing_examples: tuple  # (pattern, example)
    other_senders: tuple[Sender, ...]
    header_chars: int
    header_weight: float
    letterhead_lines: int
    letterhead_weight: float
    letterhead_rest: re.Pattern  # what may follow a name on a letterhead line
    sender_cues: frozenset  # the cues (a web address) that in the header say the sender
    citing_window: int
    min_score: float
    lead: float
    file_name: re.Pattern
    examples: tuple


def find_place(text: str, file_name: str, r: PlaceRules) -> DocumentPlace:
    """The place a document is of: a file name's place unless the text's sender says another
    (see the module), else the text's, else unknown."""
    named = place_in_file_name(file_name, r)
    found, sender = _readings(text, r)
    if not named:
        return found or DocumentPlace("", "none")
    if found is not None and found.municipality == named:
        return found
    if sender is not None:
        return sender
    return DocumentPlace(named, "file_name", "file_name", file_name, r.kind_of[named])


_LINE = re.compile(r"[^\n]*\S[^\n]*")  # a non-empty line


def letterhead_end(text: str, r: PlaceRules) -> int:
    """Where the letterhead ends: after the text's first ``letterhead_lines`` non-empty lines."""
    seen = 0
    for m in _LINE.finditer(text):
        seen += 1
        if seen == r.letterhead_lines:
            return m.end()
    return len(text)


def _on_letterhead(text: str, start: int, end: int, head_end: int, r: PlaceRules) -> bool:
    """Whether the occurrence text[start:end] is a letterhead line's: one of the first lines,
    opening it, with only what ``letterhead_rest`` allows after it."""
    if start >= head_end or text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False
    line_end = text.find("\n", end)
    return bool(r.letterhead_rest.match(text[end : line_end if line_end >= 0 else len(text)]))


def place_in_text(text: str, r: PlaceRules) -> Optional[DocumentPlace]:
    """The place the text speaks as (see the module), or None."""
    return _readings(text, r)[0]


class _Tally:
    """The occurrences one reading counts: each place's count, the (weight, cue, quote) of its
    strongest occurrence, and where the first one in the header stands."""

    def __init__(self) -> None:
        self.scores: Counter = Counter()
        self.best: dict[str, tuple[float, str, str]] = {}
        self.first_in_header: Optional[int] = None

    def add(self, place: str, weight: float, cue: str, m: re.Match, in_header: bool) -> None:
        if in_header and (self.first_in_header is None or m.start() < self.first_in_header):
            self.first_in_header = m.start()
        self.scores[place] += weight
        if weight > self.best.get(place, (0.0,))[0]:
            self.best[place] = (weight, cue, " ".join(m.group(0).split()))

    def place(self, first_sender: Optional[int], r: PlaceRules) -> Optional[DocumentPlace]:
        if first_sender is not None and (self.first_in_header is None or first_sender < self.first_in_header):
            return None  # another body's letter: the municipalities it names are cited ones
        ranked = self.scores.most_common(2)
        if not ranked or ranked[0][1] < r.min_score:
            return None
        if len(ranked) > 1 and ranked[0][1] <= r.lead * ranked[1][1]:
            return None
        place = ranked[0][0]
        _, cue, quote = self.best[place]
        return DocumentPlace(place, "text", cue, quote, r.kind_of[place])


def _readings(text: str, r: PlaceRules) -> tuple[Optional[DocumentPlace], Optional[DocumentPlace]]:
    """In one pass over the text, the place it speaks as and the place its sender's cues alone
    say (a letterhead line's names and the header's ``sender_cues``: what may override a file
    name); each None when the text gives none."""
    text = text or ""
    head = text[: r.header_chars]
    head_end = letterhead_end(text, r)
    senders = [
        m.start() for s in r.other_senders for m in s.pattern.finditer(head[: head_end if s.letterhead else None])
    ]
    every, sender = _Tally(), _Tally()
    for cue in r.cues:
        for m in cue.pattern.finditer(text):
            place = r.by_form.get(place_key(m.group("place")))
            if place is None:
                continue
            before = text[max(0, m.start() - r.citing_window) : m.start()]
            if any(c.search(before) for c in r.citing):
                continue
            letterhead = _on_letterhead(text, m.start(), m.end(), head_end, r)
            in_header = m.start() < r.header_chars
            weight = cue.weight * (r.letterhead_weight if letterhead else r.header_weight if in_header else 1)
            every.add(place, weight, cue.id, m, in_header)
            if letterhead or (in_header and cue.id in r.sender_cues):
                sender.add(place, weight, cue.id, m, in_header)
    first_sender = min(senders, default=None)
    return every.place(first_sender, r), sender.place(first_sender, r)


def place_in_file_name(file_name: str, r: PlaceRules) -> str:
    """The place whose ascii form a file's name starts with ("" when none)."""
    stem = (file_name or "").replace("\\", "/").rsplit("/", 1)[-1].lower()
    m = r.file_name.match(stem)
    return r.by_form.get(place_key(m.group("place")), "") if m else ""


def place_named(form: str, r: PlaceRules) -> str:
    """The place one of whose forms (a name, a file name's ascii form) ``form`` is ("" when none)."""
    return r.by_form.get(place_key(form or ""), "")


# --- rules ------------------------------------------------------------------------------


def place_key(form: str) -> str:
    """A form as looked up: lower case, a hyphen as a space ("Høje Taastrup" is "Høje-Taastrup")."""
    return " ".join(form.replace("-", " ").split()).lower()


def load_rules(data: Any) -> PlaceRules:
    keys = ["transliterate", "written_default", "web_default", "header_chars", "header_weight", "letterhead_lines",
            "letterhead_weight", "letterhead_rest", "sender_cues", "citing_window", "min_score", "lead",
            "file_name_end", "cues", "citing", "other_senders", "places", "examples"]  # fmt: skip
    data = require_keys(data, "-", keys)
    letters = require_mapping(data["transliterate"], "transliterate")
    for letter, spelt in letters.items():
        require_strings(spelt, f"transliterate {letter}")
    templates = (
        require_strings(data["written_default"], "written_default"),
        require_strings(data["web_default"], "web_default"),
    )
    places = tuple(_place(e, i, letters, templates) for i, e in enumerate(data["places"] or []))
    if not places:
        raise RuleError("places", "needs the list of places")
    by_form: dict[str, str] = {}
    for p in places:
        for form in (*p.written, *p.short, *p.ascii, *p.web):
            other = by_form.setdefault(place_key(form), p.name)
            if other != p.name:
                raise RuleError(p.name, f"the form {form!r} is {other}'s too")
    forms = {
        "written": [f for p in places for f in p.written],
        "short": [f for p in places for f in p.short],
        "web": [f for p in places for f in p.web],
    }
    cues = tuple(_cue(e, i, forms) for i, e in enumerate(data["cues"] or []))
    sender_cues = frozenset(require_strings(data["sender_cues"], "sender_cues"))
    if sender_cues - {c.id for c in cues}:
        raise RuleError("sender_cues", f"names no cue: {sorted(sender_cues - {c.id for c in cues})}")
    citing = tuple(_citing(e, i) for i, e in enumerate(data["citing"] or []))
    senders = tuple(_sender(e, i) for i, e in enumerate(data["other_senders"] or []))
    ascii_forms = _alternation([f for p in places for f in p.ascii])
    end = require_regex(data["file_name_end"], "file_name_end")
    return PlaceRules(
        places=places,
        by_form=by_form,
        kind_of={p.name: p.kind for p in places},
        cues=cues,
        citing=tuple(c[1] for c in citing),
        citing_examples=tuple((c[1], ex) for c in citing for ex in c[2]),
        other_senders=senders,
        header_chars=require_number(data, "header_chars", "header_chars", int, 0, 100_000),
        header_weight=require_number(data, "header_weight", "header_weight", float, 1, 100),
        letterhead_lines=require_number(data, "letterhead_lines", "letterhead_lines", int, 0, 100),
        letterhead_weight=require_number(data, "letterhead_weight", "letterhead_weight", float, 1, 100),
        letterhead_rest=require_regex(data["letterhead_rest"], "letterhead_rest"),
        sender_cues=sender_cues,
        citing_window=require_number(data, "citing_window", "citing_window", int, 0, 1000),
        min_score=require_number(data, "min_score", "min_score", float, 0, 1000),
        lead=require_number(data, "lead", "lead", float, 1, 100),
        file_name=re.compile(rf"(?P<place>{ascii_forms})(?={end.pattern})"),
        examples=require_examples(data, "examples"),
    )


def _ascii(name: str, letters: dict) -> list[str]:
    """A name's ascii forms: each of its letters spelt its first way, then its second ("Sønderborg":
    "soenderborg", "sonderborg"), a space as a hyphen."""
    widest = max((len(v) for v in letters.values()), default=1)
    out: list[str] = []
    for i in range(widest):
        plain = name.lower()
        for letter, spelt in letters.items():
            plain = plain.replace(letter, spelt[min(i, len(spelt) - 1)])
        if plain.replace(" ", "-") not in out:
            out.append(plain.replace(" ", "-"))
    return out


def _place(entry: Any, i: int, letters: dict, templates: tuple) -> Place:
    rid = f"places[{i}]"
    entry = require_keys(entry, rid, ["name"], ["kind", "written", "short", "ascii", "web"])
    name = entry["name"]
    if not isinstance(name, str) or not name.strip():
        raise RuleError(rid, "name must be a place's name")
    kind = entry.get("kind", "municipality")
    if kind not in KINDS:
        raise RuleError(name, f"kind is {kind!r}; allowed values: {list(KINDS)}")
    written_default, web_default = templates
    written = require_strings(entry.get("written", [t.format(name=name) for t in written_default]), name)
    short = require_strings(entry.get("short", [name]), name)
    ascii_forms = require_strings(entry.get("ascii", _ascii(name, letters)), name)
    web = [t.format(ascii=a) for a in ascii_forms for t in web_default] if kind == "municipality" else []
    web += [w for w in require_strings(entry.get("web", []), name) if w not in web]
    return Place(name, kind, written, short, tuple(ascii_forms), tuple(web))


def _alternation(forms: list[str]) -> str:
    """One pattern of the forms, the longest first; a space as any run of white space."""
    parts = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(re.escape(f).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]") for f in parts)


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


def _citing(entry: Any, i: int) -> tuple[str, re.Pattern, tuple]:
    entry = require_keys(entry, f"citing[{i}]", ["id", "pattern", "examples"])
    return (entry["id"], require_regex(entry["pattern"], entry["id"]), require_examples(entry, entry["id"]))


def _sender(entry: Any, i: int) -> Sender:
    entry = require_keys(entry, f"other_senders[{i}]", ["name", "pattern", "examples"], ["letterhead"])
    letterhead = entry.get("letterhead", False)
    if not isinstance(letterhead, bool):
        raise RuleError(entry["name"], "letterhead must be true or false")
    pattern = require_regex(entry["pattern"], entry["name"])
    return Sender(entry["name"], pattern, letterhead, require_examples(entry, entry["name"]))
