"""What the title search passes over among the lines near a document's top: a site's banner (also
one of news over its link), a trail of links to the heading below, a cookie notice, an addressee,
a label, a decision in a word, a lead-in, the rest of a sentence, running text (which, opening the
page, ends the search); and a news page's headline in capitals, which it takes. Used by
``extract.structure.titles`` (a title paragraph) and ``extract.extractors.title_line`` (a title line
of a meeting's page). Pure functions.
"""

from __future__ import annotations

from typing import Optional

from extract.structure.headings import (
    HeadingRules,
    filled_line_start,
    heading_word_rule,
    is_sentence,
    line_at,
    never_heading,
    parse_number,
    strip_marks,
)


def passed_over(text: str, start: int, end: int, r: HeadingRules) -> Optional[bool]:
    """How the title search reads the line or paragraph at ``start``–``end``: True, it passes over it
    (a site's banner over a meeting's day and members or over its link, a trail of links, an
    addressee, a line never a title, a decision in a word, a lead-in, the rest of a sentence,
    running text under a site's notice); False, it stops (running text that opens the page: no title
    stands over it); None, the line may be the title."""
    raw = text[start:end]
    line, t = strip_marks(raw).strip(), r.titles
    if t.over_meeting_header.match(text, end) or over_page_tool(text, raw, end, r) or trail_to_heading(text, raw, end):
        return True  # a site's banner over a meeting's header, or over a page's tool; a trail of links
    if any(t.addressee.search(form) or t.never_title.search(form) for form in (raw.strip(), line)):
        return True  # as written ("Sagstype.:", a label) or without its marks
    if t.decided_words.fullmatch(line):
        return True  # a decision written in a word or two ("Godkendt."): no title
    if running_text(line, r):
        return not opens_the_page(text, start, end, r)
    if first_of_several_items(line, text, end, r):
        return False  # a meeting's list of items begins ("Nr.1 - Træffetid", "Nr.2 - …"): no title line over it
    if sentences_on_one_line(line, r) and over_link(text, end, r):
        return True  # a site's banner over its link ("… nye restriktioner. Testcenter åbnet" over "Læs mere her - …")
    return True if lead_in(raw, r) or continues_sentence(line) else None


def first_of_several_items(line: str, text: str, end: int, r: HeadingRules) -> bool:
    """Is the line an agenda item's ("Nr.1 - Træffetid") with another item's line below it: the first of a
    meeting's items, which titles no page (one item alone on its page is its title)?"""
    if not _item_line(line, r):
        return False
    return any(_item_line(strip_marks(below).strip(), r) for below in text[end:].splitlines())


def _item_line(line: str, r: HeadingRules) -> bool:
    numbered = parse_number(line, r)
    return bool(numbered) and numbered[2] == r.agenda.item_style


def over_page_tool(text: str, raw: str, end: int, r: HeadingRules) -> bool:
    """A line a page's tool stands under ("Budget og regnskab" over "• Få siden oplæst"), in its
    paragraph or on the next line: the site's section or a banner's caption, no title."""
    below = raw.split("\n")[1:] + [line_at(text, end + 1)]
    return any(r.titles.page_tool.match(line) for line in below)


def trail_to_heading(text: str, raw: str, end: int) -> bool:
    """A line over the next line with words (blank lines between) that it ends in: see ``trails_to``."""
    return trails_to(raw, _line_below(text, end))


def _line_below(text: str, end: int) -> str:
    """The first line with words at or after ``end``."""
    return line_at(text, filled_line_start(text, end))


def trails_to(line: str, heading: str) -> bool:
    """Does ``line`` end in the words of ``heading``, the line below it: a trail of links from the
    site's front page to the page, its heading standing again on its own line below ("Forside …
    Sundhedsudvalget - Referat - 25. oktober 2016" over "Sundhedsudvalget - Referat - 25. oktober
    2016")?"""
    line, heading = line.strip(), heading.strip()
    return len(heading.split()) >= 2 and len(line) > len(heading) + 3 and line.endswith(heading)


def lead_in(line: str, r: HeadingRules) -> bool:
    """Is the line a sentence that leads in to what follows ("Udvalget har ansvaret for:", "Administrationen
    indstiller overfor udvalget:"), no title? A name over its list keeps its colon ("Lokaletilskud:")."""
    text = line.rstrip(" \t*_")
    words, verb = strip_marks(text).rstrip(":,").strip(), r.list_label_verb  # verb: "Direktionen indstiller:"
    if not text.endswith((":", ",")):  # a sentence broken off after a word that leads on ("Visionen er, at")
        return is_sentence(words, r) and bool(r.lead_in_ending.search(words))
    return text.endswith(",") or is_sentence(words, r) or bool(r.lead_in_ending.search(words) or verb.search(words))


def continues_sentence(line: str) -> bool:
    """Does the line open with a small letter: the rest of a sentence broken over lines (a web
    page's banner: "Vi har fejl på telefonerne ..." over "og vi beder dig …"), never a title,
    which opens with a capital, a number or a sign ("§ 79-puljen")?"""
    return strip_marks(line).strip()[:1].islower()


def opens_the_page(text: str, start: int, end: int, r: HeadingRules) -> bool:
    """Does the running text at ``start``–``end`` open the page (nothing above it but an image's place),
    the page's own text, not a site's notice over its link ("… læs om restriktioner …" over "Læs mere
    her - …", the headline below them)?"""
    if not only_images(text[:start], r):
        return False  # only an image's place above ("Billede") leaves the running text opening the page
    return not over_link(text, end, r)


def caps_headline(text: str, start: int, end: int, r: HeadingRules) -> Optional[str]:
    """The line at ``start``–``end`` as a news page's headline in capitals ("BUDGETFORLIG PRIORITERER FLERE
    PENGE TIL DRIFT"): the page's first line, alone in its paragraph, of ``caps_headline_words`` words or
    more with no body's name (a sender's "KØBENHAVNS KOMMUNE"), running text under it after a blank line."""
    line = strip_marks(text[start:end]).strip()
    if "\n" in line or not line.isupper() or len(line.split()) < r.titles.caps_headline_words:
        return None
    if r.titles.body_name.search(line) or not only_images(text[:start], r):
        return None
    below = filled_line_start(text, end)
    return line if below > end + 1 and running_text(line_at(text, below), r) else None


def only_images(text: str, r: HeadingRules) -> bool:
    """Does ``text`` hold nothing but an image's place or name on its lines ("Billede", "Design Uden Navn (9)")?"""
    return not any(line.strip() and never_heading(line, r) != "image_text" for line in text.split("\n"))


def sentences_on_one_line(line: str, r: HeadingRules) -> bool:
    """Running text of two sentences on one line, the last one's stop cut off (a site's banner of
    news, an excerpt's text): ``running_text_words`` words or more, a sentence's end and the next
    one's start inside (``sentence_stop``)."""
    return len(line.split()) >= r.titles.running_text_words and bool(r.titles.sentence_stop.search(line))


def over_link(text: str, end: int, r: HeadingRules) -> bool:
    """Is the next line with words (blank lines between) a link's text ("Læs mere her - …")?"""
    return never_heading(_line_below(text, end), r) in r.link_not_headings


def running_text(line: str, r: HeadingRules) -> bool:
    """Is a line a sentence of running text, never a title: ``running_text_words`` words or more
    ending in a full stop?"""
    line = line.strip()
    return line.endswith(".") and not line.endswith("..") and len(line.split()) >= r.titles.running_text_words


def lede(line: str, r: HeadingRules) -> bool:
    """Is a line a news page's lede whose headline was not copied, its stop lost: ``lede_words`` words or
    more with a comma and a sentence's words?"""
    return len(line.split()) >= r.titles.lede_words and "," in line and bool(r.sentence_cues.search(line))


def reads_as_sentence(title: str, r: HeadingRules) -> bool:
    """Is a title candidate a sentence (a full stop and a sentence's words, or a lede), no title?"""
    return (title.endswith(".") and bool(r.sentence_cues.search(title))) or lede(title, r)


def standard_heading(line: str, r: HeadingRules) -> bool:
    """Is the line a standard sub-heading's words ("Indledning", "Formål"), numbered or not ("1.
    Indledning")? A page that opens at one has no title line over it."""
    numbered = parse_number(line, r)
    return heading_word_rule(numbered[1] if numbered else line, r) in r.role_word_ids


def headline_over_text(block: str, above: str, r: HeadingRules) -> bool:
    """Does the page's first paragraph (``above`` it only the site's chrome or an image's place) open with
    a headline over its running text, no blank line between ("Kulturpuljen" over "Kulturpuljen har til
    formål at …"), or over a sub-heading and then its text (an all-caps or asked one: "HVAD ER
    KULTURPULJEN?")? The headline is a short line with no stop, comma or colon, no standard sub-heading and
    no field of an agenda item."""
    if not only_images(above, r):
        return False
    lines = [strip_marks(line).strip() for line in block.split("\n")]
    first = lines[0]
    if len(first.split()) > r.titles.running_text_words or first.endswith((".", ":", ",", ";")) or len(lines) < 2:
        return False
    if standard_heading(first, r) or r.agenda.field_named(" ".join(first.split())):
        return False  # a standard sub-heading or an item's field ("Forord", "Administrativ indstilling"): no title
    below = lines[1]
    if len(lines) > 2 and (below.endswith("?") or (below.isupper() and below != first.upper())):
        below = lines[2]  # the page's first sub-heading between the headline and its text
    return running_text(below, r)
