"""Target-group labels: which groups of the vocabulary (``rules/target_groups.yml``) a text names.

Words are matched on their lowercased forms and their lemmas from spaCy's Danish lemma table
(spacy-lookups-data, read without spaCy's pipeline), by compound stems, whole-word regexes,
multi-word phrases by their lemmas, regexes on the whole text, and a rapidfuzz fallback for
OCR-damaged words (words the lemma table does not know). All patterns live in the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.extractors.target_group_rules import LabelRule, TargetGroupRules, norm_form
from extract.read.lexicon import lemma_table

# A word (with its inner hyphens and apostrophes, and a hyphen that leaves it open: "borger- og
# virksomhedsrettede"), a punctuation mark, or white space other than one space (a line break
# parts a phrase as a word does)
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*-?|[^\w\s]|\s+")
START = "^"  # how the rules' `bare_conjunct` lists name the statement's start as the word before


@dataclass(frozen=True)
class _Token:
    text: str
    lemma: str


def _tokens(text: str) -> list[_Token]:
    """The words of ``text`` with their lemmas from the Danish lemma table."""
    table = lemma_table()
    return [_Token(t, table.get(t, t)) for t in _TOKEN.findall(text) if t != " "]


_PHRASE_CACHE: dict[int, tuple[tuple[LabelRule, ...], dict]] = {}


def _phrases(labels: tuple[LabelRule, ...]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """(label, lemmas) of the vocabulary's multi-word phrases by their first lemma (made once per
    vocabulary, kept by its identity: hashing the vocabulary costs more than reading it)."""
    entry = _PHRASE_CACHE.get(id(labels))
    if entry is None or entry[0] is not labels:
        by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for label in labels:
            for p in label.phrases:
                lemmas = tuple(t.lemma for t in _tokens(p.lower()))
                by_first.setdefault(lemmas[0], []).append((label.id, lemmas))
        entry = _PHRASE_CACHE[id(labels)] = (labels, by_first)
    return entry[1]


def _phrase_hits(tokens: list[_Token], labels: tuple[LabelRule, ...]) -> tuple[set[str], set[int]]:
    """Labels with a phrase whose lemmas stand in a row among the tokens' lemmas, and the
    positions of the tokens such phrases cover."""
    lemmas = [t.lemma for t in tokens]
    phrases = _phrases(labels)
    found, covered = set(), set()
    for i, first in enumerate(lemmas):
        for label, phrase in phrases.get(first, ()):
            n = len(phrase)
            if tuple(lemmas[i : i + n]) == phrase:
                found.add(label)
                covered.update(range(i, i + n))
    return found, covered


def _fold(word: str, r: TargetGroupRules) -> str:
    for a, b in r.fuzzy_fold:
        word = word.replace(a, b)
    return word


def _stem_hits(forms: tuple[str, ...], r: TargetGroupRules, blocked: set[str]) -> set[str]:
    """Labels whose stems occur in the token; overlapping stems of different labels: the longer wins."""
    hits = []
    for label in r.labels:
        if label.id in blocked:
            continue
        for stem in label.stems:
            for form in forms:
                at = form.find(stem)
                if at >= 0 and not _thing_head(form, at + len(stem), r):
                    hits.append((label.id, at, at + len(stem), form))
    kept = set()
    for lid, a, b, form in hits:
        inside_longer = any(o != lid and f == form and oa <= a and b <= ob and ob - oa > b - a for o, oa, ob, f in hits)
        if not inside_longer:
            kept.add(lid)
    return kept


def _thing_head(form: str, end: int, r: TargetGroupRules) -> bool:
    """Whether the compound goes on after a stem with a head that names a thing, not people
    ("flygtningeboliger", "handicapudvalget"): the stem is then only its modifier."""
    rest = form[end:]
    rest = rest[1:] if rest[:1] in ("e", "s") and not any(rest.startswith(h) for h in r.compound_thing_heads) else rest
    return any(rest.startswith(h) for h in r.compound_thing_heads)


def _fuzzy_hits(form: str, r: TargetGroupRules) -> set[str]:
    from rapidfuzz import fuzz

    folded = _fold(form, r)
    hits = set()
    for label in r.labels:
        for stem in label.stems:
            if len(stem) < r.fuzzy_min_stem:
                continue
            fs = _fold(stem, r)
            if any(fuzz.ratio(fs, folded[: len(fs) + k]) >= r.fuzzy_min_ratio for k in (-1, 0, 1, 2)):
                hits.add(label.id)
    return hits


_LABEL_CACHE: dict[int, tuple[TargetGroupRules, dict, tuple[tuple[str, frozenset[str]], ...]]] = {}


def _labels_cache(r: TargetGroupRules) -> tuple[dict, tuple[tuple[str, frozenset[str]], ...]]:
    """Labels of each (form, lemma, blocked labels) already read, per vocabulary, and the
    vocabulary's labels that some words before a token block (with those words)."""
    entry = _LABEL_CACHE.get(id(r))
    if entry is None or entry[0] is not r:
        blockers = tuple((lb.id, lb.not_after) for lb in r.labels if lb.not_after)
        entry = _LABEL_CACHE[id(r)] = (r, {}, blockers)
    return entry[1], entry[2]


_BEFORE_CACHE: dict[int, tuple[TargetGroupRules, dict[str, set[str]], dict[str, frozenset[str]]]] = {}


def _blocked_before(word: str, r: TargetGroupRules) -> frozenset[str]:
    """The labels ``word`` blocks in the token right before it: those with a not_before word that
    is the word, its lemma ("stillingerne": stilling) or the head of it as a compound
    ("praktikpladser": pladser)."""
    entry = _BEFORE_CACHE.get(id(r))
    if entry is None or entry[0] is not r:
        words: dict[str, set[str]] = {}
        for lb in r.labels:
            for w in lb.not_before:
                words.setdefault(norm_form(w), set()).add(lb.id)
        entry = _BEFORE_CACHE[id(r)] = (r, words, {})
    seen = entry[2]
    if word not in seen:
        forms = {norm_form(word), norm_form(lemma_table().get(word, word))}
        heads = (w for w in entry[1] if any(f.endswith(w) for f in forms))
        seen[word] = frozenset(lid for w in heads for lid in entry[1][w])
    return seen[word]


def _token_labels(tok: _Token, before: set[str], r: TargetGroupRules) -> set[str]:
    form, lemma = norm_form(tok.text), norm_form(tok.lemma)
    cache, blockers = _labels_cache(r)
    blocked = frozenset(lid for lid, words in blockers if words & before)
    key = (form, lemma, blocked)
    if key not in cache:
        cache[key] = frozenset(_form_labels(form, lemma, blocked, r))
    return set(cache[key])


def _form_labels(form: str, lemma: str, blocked: frozenset, r: TargetGroupRules) -> set[str]:
    found = _stem_hits((form, lemma), r, set(blocked))
    for label in r.labels:
        if label.id not in blocked and any(w.fullmatch(form) or w.fullmatch(lemma) for w in label.words):
            found.add(label.id)
    thing = any(h in form[r.fuzzy_min_stem :] for h in r.compound_thing_heads)
    known = form in lemma_table()  # a word of the lexicon is no OCR damage ("flytning" is not "flygtning")
    if not found and len(form) >= r.fuzzy_min_stem and form.isalpha() and not thing and not known:
        found = _fuzzy_hits(form, r) - blocked
    return found


def find_labels(text: str, r: TargetGroupRules) -> list[str]:
    """Vocabulary labels named in ``text`` (sorted); the no-label label when none is named.
    A group named only inside a name in quotes (a plan's, a project's) counts when the text
    names no other group; one named only inside a unit's name in capitals ("sektor Børn og Familie")
    does not count."""
    if r.unit_name is not None:
        text = r.unit_name.sub(lambda m: " " * len(m.group(0)), text)
    if r.quoted_name is not None and r.quoted_name.search(text):
        outside = _labels_in(r.quoted_name.sub(lambda m: " " * len(m.group(0)), text), r)
        if outside != [r.no_label]:
            return outside
    return _labels_in(text, r)


def _labels_in(text: str, r: TargetGroupRules) -> list[str]:
    lowered = text.lower() if len(text.lower()) == len(text) else text
    tokens = _tokens(lowered)
    found, in_phrase = _phrase_hits(tokens, r.labels)
    inside_only = {lb.id for lb in r.labels if lb.not_in_phrase}
    for i, tok in enumerate(tokens):
        window = [t.text for t in tokens[max(0, i - r.not_after_window) : i]]
        stop = max((j for j, w in enumerate(window) if w in r.not_after_stops), default=-1)
        labels = _token_labels(tok, set(window[stop + 1 :]), r)  # a place or partner before "for" is no longer near
        after = next((t.text for t in tokens[i + 1 : i + 3] if not t.text.isspace()), "")
        if labels and after:
            labels -= _blocked_before(after, r)  # "ledige lokaler": a thing, no people
        found |= labels - inside_only if i in in_phrase else labels
    found |= {lb.id for lb in r.labels if any(p.search(lowered) for p in lb.patterns)}
    for label in r.labels:
        if label.fallback and label.id in found and found - {label.id}:
            found.discard(label.id)
    return sorted(found | _bare_conjuncts(tokens, found, r)) or [r.no_label]


def _bare_conjuncts(tokens: list[_Token], found: set[str], r: TargetGroupRules) -> set[str]:
    """The fallback labels of words that stand bare in an enumeration of groups ("en for voksne
    og en for børn", "foreninger og borgere"), beside the specific groups ``found``: there the
    word names a group of its own, not the head of a qualified one ("borgere med handicap")."""
    rule = r.bare_conjunct
    if not rule or not found - fallbacks(r):
        return set()
    words = [t for t in tokens if not t.text.isspace()]
    kept = set()
    for i, tok in enumerate(words):
        form = norm_form(tok.text)  # the word itself, not a form of it ("borgernes behov")
        labels = {lb.id for lb in r.labels if lb.fallback and any(w.fullmatch(form) for w in lb.words)}
        before = words[i - 1].text.lower() if i else START  # the statement's first word
        if not labels or before not in rule.before:
            continue
        after = words[i + 1].text.lower() if i + 1 < len(words) else ""
        then = words[i + 2].text.lower() if i + 2 < len(words) else ""
        joined = before in rule.joined_by
        if before in rule.first_only and after not in rule.joined_by:
            continue  # the agent of a passive, not the first of an enumeration ("opleves … af borgerne")
        if before in rule.list_only and after not in rule.open_after:
            continue  # a pair that is a clause's subject ("Borgere og virksomheder skal have kendskab …")
        if (not after or after in rule.after) and (joined or not (after in rule.open_after and then in rule.not_then)):
            kept |= labels
    return kept


def fallbacks(r: TargetGroupRules) -> set[str]:
    """Labels that say little: the fallback labels and the no-label label."""
    return {lb.id for lb in r.labels if lb.fallback} | {r.no_label}


def specific(labels: list[str], r: TargetGroupRules) -> bool:
    return any(lb not in fallbacks(r) for lb in labels)
