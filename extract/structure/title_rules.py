"""Rules for finding a document's title (the ``titles`` part of ``rules/headings.yml``), loaded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from extract.rules import RuleError, require_examples, require_keys, require_number, require_regex


@dataclass(frozen=True)
class TitleRules:
    kind_word: re.Pattern  # a line naming only the kind of document ("Notat"): the title follows it
    minutes_line: re.Pattern  # a header line naming a meeting's minutes ("Referat", "Referat af …møde …")
    with_body: re.Pattern  # a kind word that takes the body's name after it ("Referat" + "Teknisk Udvalg")
    kind_qualifier: re.Pattern  # what a kind word may have after it, no body's name ("Dagsorden med vedtagelser")
    kind_with_day: re.Pattern  # the kind word and the meeting's day on one line ("Referat: 1. oktober 2024")
    body_name: re.Pattern  # a line naming a political body
    not_body_alone: re.Pattern  # what makes a line naming a body more than its name (a number, a preposition)
    not_body_name: re.Pattern  # a word no body's name holds (a verb: "Byrådet har vedtaget …" is a sentence)
    body_max_words: int  # how many words a body's name holds at most
    fields_body: re.Pattern  # a committee named for the fields it covers ("Udvalget for …"): longer names
    fields_body_max_words: int  # … of at most this many words
    running_text_words: int  # a line of this many words ending in a full stop is running text, no title
    sentence_stop: re.Pattern  # … or holding a sentence's end and the next one's start ("budgettet. Mindreforbruget")
    body_in_text: re.Pattern  # a committee's name in running text ("Børne- og Familieudvalgets område")
    body_named_times: int  # … named this often at least on a page with no body in its header, the meeting's body
    caps_headline_words: int  # a page's first line in capitals of this many words over running text is its headline
    item_sentence_words: int  # a numbered line this long ending in a full stop is no item of the meeting's list
    lede_words: int  # a line this long with a comma and a sentence's words, its stop lost, is a news page's lede
    addressee: re.Pattern  # a line naming whom a note or letter is for: never the title
    date_under_headline: re.Pattern  # a news page's date (and hour) alone under its headline, no blank line between
    page_tool: re.Pattern  # a page's tool on the line under its site's section name ("• Få siden oplæst")
    trailing_date: re.Pattern  # a meeting's day after the meeting a header names, a letter's date glued to its subject
    line_goes_on: re.Pattern  # a header line ending in a preposition: it goes on in the next line
    headline_tail: re.Pattern  # what a page glues to a headline's end: a photo's credit, the site's name
    broken_word: re.Pattern  # the hyphen and space of a word broken across lines ("aflastnings- institutionen")
    never_title: re.Pattern  # a header line that is never the title (a list's heading, a date)
    breadcrumb: re.Pattern  # a site's breadcrumb ("Du er her:"): the page's title stands below it
    field_heading: re.Pattern  # a pool's field ("Hvem kan søge?"): the page's copy opens under its title
    item_number: re.Pattern  # an agenda item's number before its title ("Punkt 5: ", "Nr.141 - ")
    contents_line: re.Pattern  # a contents list's line in a meeting's header ("12 Trafikplan 2025")
    body_tail: re.Pattern  # the meeting's day and hour after a body's name in a minutes header
    archive_tail: re.Pattern  # a web archive's name after a body's name ("- Dagsordener og referater")
    body_genitive: re.Pattern  # a body's name in the genitive ("Teknisk Udvalgs"); group `name`
    body_period: tuple[re.Pattern, ...]  # two years beside a body's name ("09-13 …"); groups `first`, `last`
    body_place: tuple[re.Pattern, ...]  # the municipality named with a body ("Tønder Kommune – …"): dropped
    period_years: frozenset[int]  # how many years the later year of an election period is after the first
    kind_lines: tuple[re.Pattern, ...]  # kind word and body written together; groups `kind`, `body`
    body_labels: tuple[re.Pattern, ...]  # where a meeting header names its body; group `body`
    committee_labels: tuple[re.Pattern, ...]  # a committee's field: its value the name, whatever it holds
    body_on_date: tuple[re.Pattern, ...]  # a body beside a day (groups `body`, `value`): the meeting's on its day
    unnamed_kind: str  # the kind word of a meeting's page that writes none ("Referat")
    kind_names: Mapping[str, str]  # a kind word a page writes → its title's ("beslutningsprotokol" → "Referat")
    agenda_kind: str  # ... and shows its items' fields with no decision written ("Dagsorden")
    decided_words: re.Pattern  # a decision written in a few words alone ("Godkendt.", "Tiltrådt.")
    over_meeting_header: re.Pattern  # read after a line: the meeting's header below it (its banner is no title)
    part_kind: re.Pattern  # the kind word over a meeting's list of items ("Åben dagsorden"); group `kind`
    meeting_lines: tuple[re.Pattern, ...]  # a header line naming a body's meeting without a kind word; group `body`
    item_route: re.Pattern  # the bodies an item goes through, written in its title line ("ØU/KB - ")
    dateline: re.Pattern  # a news headline's town in capitals ("BRØNDBY. "): dropped over a byline
    procedural_item: re.Pattern  # a meeting's procedural item ("Godkendelse af dagsorden"): no page's title
    trail_inflection: (
        re.Pattern
    )  # the endings a word of a site's trail and its compound take ("Puljer", "Kulturpuljen")
    examples: tuple
    decided_words_examples: tuple = ()  # {text, decided}
    trail_examples: tuple = ()  # {text: "<trail word> / <heading>", title}: whether the heading is the narrower title
    body_period_examples: tuple = ()  # {text, body}: the name with an election period dropped
    body_place_examples: tuple = ()  # {text, body}: the name with the municipality dropped
    committee_label_examples: tuple = ()  # {text, body}: the committee a header's field names, or None
    body_on_date_examples: tuple = ()
    never_title_examples: tuple = ()  # {text, never}
    field_heading_examples: tuple = ()  # {text, field}: whether the line is a pool's field, where no title stands
    not_body_name_examples: tuple = ()  # {text, body}: the body a line names, or None
    line_goes_on_examples: tuple = ()  # {text, lines}: the header's lines, those broken after a preposition joined


def _grouped(patterns, key: str, groups: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    if not isinstance(patterns, list) or not patterns:
        raise RuleError("titles", f"{key} must be a non-empty list of patterns")
    out = []
    for p in patterns:
        pattern = require_regex(p, "titles", key)
        missing = [g for g in groups if g not in pattern.groupindex]
        if missing:
            raise RuleError("titles", f"{key}: pattern {p!r} needs the group(s) {missing}")
        out.append(re.compile(pattern.pattern, pattern.flags | re.M))
    return tuple(out)


def load_title_rules(data) -> TitleRules:
    plain = ["kind_word", "with_body", "kind_qualifier", "kind_with_day", "body_name", "not_body_alone",
             "not_body_name", "addressee", "trailing_date", "line_goes_on", "headline_tail", "broken_word",
             "never_title", "item_number", "contents_line", "body_tail", "archive_tail", "body_genitive",
             "fields_body", "minutes_line", "sentence_stop", "over_meeting_header", "date_under_headline",
             "page_tool", "breadcrumb", "field_heading", "body_in_text"]  # fmt: skip
    data = require_keys(data, "titles", [*plain, "kind_lines", "body_labels", "committee_labels", "body_on_date",
                                         "unnamed_kind", "kind_names", "agenda_kind", "decided_words",
                                         "decided_words_examples", "part_kind", "meeting_lines",
                                         "item_route", "dateline", "running_text_words", "item_sentence_words",
                                         "caps_headline_words", "body_named_times", "lede_words",
                                         "procedural_item", "body_max_words", "fields_body_max_words",
                                         "body_place", "body_place_examples", "committee_label_examples",
                                         "examples", "body_period", "period_years", "body_period_examples",
                                         "body_on_date_examples", "never_title_examples", "field_heading_examples",
                                         "not_body_name_examples", "trail_inflection", "trail_examples",
                                         "line_goes_on_examples"])  # fmt: skip
    if "kind" not in require_regex(data["kind_with_day"], "titles", "kind_with_day").groupindex:
        raise RuleError("titles", "kind_with_day needs a group named 'kind'")
    if "name" not in require_regex(data["body_genitive"], "titles", "body_genitive").groupindex:
        raise RuleError("titles", "body_genitive needs a group named 'name'")
    if "kind" not in require_regex(data["part_kind"], "titles", "part_kind").groupindex:
        raise RuleError("titles", "part_kind needs a group named 'kind'")
    for key in ("unnamed_kind", "agenda_kind"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleError("titles", f"{key} must be a kind word")
    names = data["kind_names"]
    if not isinstance(names, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                              for k, v in names.items()):  # fmt: skip
        raise RuleError("titles", "kind_names must map a kind word to the kind word of its title")
    years = data["period_years"]
    if not isinstance(years, list) or not years or not all(isinstance(y, int) and 0 < y < 10 for y in years):
        raise RuleError("titles", "period_years must be a non-empty list of small whole numbers of years")
    counts = ("body_max_words", "fields_body_max_words", "running_text_words", "item_sentence_words")
    for key in (*counts, "caps_headline_words", "lede_words"):
        if not isinstance(data[key], int) or not 0 < data[key] < 40:
            raise RuleError("titles", f"{key} must be a whole number of words")
    patterns = {k: require_regex(data[k], "titles", k) for k in plain}
    return TitleRules(
        **patterns,
        body_max_words=data["body_max_words"],
        fields_body_max_words=data["fields_body_max_words"],
        running_text_words=data["running_text_words"],
        item_sentence_words=data["item_sentence_words"],
        caps_headline_words=data["caps_headline_words"],
        lede_words=data["lede_words"],
        body_named_times=require_number(data, "body_named_times", "titles", int, 1, 20),
        body_period=_grouped(data["body_period"], "body_period", ("first", "last")),
        body_place=_grouped(data["body_place"], "body_place", ()),
        body_place_examples=_examples(data, "body_place_examples", "body"),
        committee_label_examples=_examples(data, "committee_label_examples", "body"),
        period_years=frozenset(years),
        kind_lines=_grouped(data["kind_lines"], "kind_lines", ("kind", "body")),
        body_labels=_grouped(data["body_labels"], "body_labels", ("body",)),
        committee_labels=_grouped(data["committee_labels"], "committee_labels", ("body",)),
        body_on_date=_grouped(data["body_on_date"], "body_on_date", ("body", "value")),
        unnamed_kind=data["unnamed_kind"].strip(),
        kind_names=MappingProxyType({k.casefold(): v.strip() for k, v in data["kind_names"].items()}),
        agenda_kind=data["agenda_kind"].strip(),
        decided_words=require_regex(data["decided_words"], "titles", "decided_words"),
        part_kind=require_regex(data["part_kind"], "titles", "part_kind"),
        meeting_lines=_grouped(data["meeting_lines"], "meeting_lines", ("body",)),
        item_route=require_regex(data["item_route"], "titles", "item_route"),
        dateline=require_regex(data["dateline"], "titles", "dateline"),
        procedural_item=require_regex(data["procedural_item"], "titles", "procedural_item"),
        examples=require_examples(data, "titles"),
        body_period_examples=tuple(data["body_period_examples"] or ()),
        body_on_date_examples=tuple(data["body_on_date_examples"] or ()),
        never_title_examples=_examples(data, "never_title_examples", "never"),
        field_heading_examples=_examples(data, "field_heading_examples", "field"),
        not_body_name_examples=_examples(data, "not_body_name_examples", "body"),
        trail_inflection=require_regex(data["trail_inflection"], "titles", "trail_inflection"),
        trail_examples=_examples(data, "trail_examples", "title"),
        decided_words_examples=_examples(data, "decided_words_examples", "decided"),
        line_goes_on_examples=_examples(data, "line_goes_on_examples", "lines"),
    )


def _examples(data: dict, key: str, field: str) -> tuple:
    """A list of examples {text, ``field``} under ``key``."""
    found = data[key]
    if not isinstance(found, list) or not all(isinstance(e, dict) and {"text", field} <= set(e) for e in found):
        raise RuleError("titles", f"{key} must be a list of {{text, {field}}}")
    return tuple(found)
