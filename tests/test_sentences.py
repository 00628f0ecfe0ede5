"""Sentences of running text: where they end around dots that leave a thought open."""

from __future__ import annotations

import pytest
from conftest import RULES

from extract.structure.sentences import sentence_spans

SENTENCES = RULES["sentences.yml"]


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end].strip() for s in sentence_spans(text, SENTENCES)]


@pytest.mark.parametrize("dots", [2, 3, 40, 400])
def test_a_dot_leader_glued_to_a_word_ends_no_sentence(dots):
    # a table of contents' leader copied into a line, a closing parenthesis after it (made up in
    # the style of a meeting's list of items): however long, the leader is read as one open end
    leader = "." * dots
    text = f"Se listen (Meddelelser{leader}) for detaljer. Næste punkt følger."
    assert _sentences(text) == [f"Se listen (Meddelelser{leader}) for detaljer.", "Næste punkt følger."]


def test_dots_after_an_ellipsis_and_a_single_stop_end_the_sentence():
    text = "Vi venter på svar…. Næste punkt følger."
    assert _sentences(text) == ["Vi venter på svar….", "Næste punkt følger."]
