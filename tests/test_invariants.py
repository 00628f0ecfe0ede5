"""Relations that must hold for every corpus document, whatever the values."""

from __future__ import annotations

import pytest
from conftest import CORPUS, RULES

STEMS = [p.stem for p in CORPUS]


@pytest.mark.parametrize("stem", STEMS)
def test_quotes_are_the_text_at_their_offsets(stem, extractions):
    ex = extractions[stem]
    text = ex.source.text
    for rec in [*ex.amounts, *ex.target_groups]:
        assert text[rec.char_start : rec.char_end] == rec.quote, rec
    for m in ex.milestones:
        assert text[m.char_start : m.char_end] == m.date_text, m
        assert m.date_text in m.quote, m


@pytest.mark.parametrize("stem", STEMS)
def test_sections_follow_the_text_and_nest(stem, extractions):
    ex = extractions[stem]
    text = ex.source.text
    by_position = {s.position: s for s in ex.sections}
    previous_end = 0
    for i, s in enumerate(ex.sections):
        assert s.position == i
        assert s.role in RULES["headings.yml"].roles
        assert previous_end <= s.char_start <= s.body_start <= s.char_end
        assert s.body == text[s.body_start : s.char_end].strip()
        previous_end = s.char_end
        if s.parent_position is None:
            assert s.level == 1, s
        else:
            parent = by_position[s.parent_position]
            assert parent.position < s.position and parent.level == s.level - 1, (parent, s)


@pytest.mark.parametrize("stem", STEMS)
def test_records_lie_in_their_section(stem, extractions):
    ex = extractions[stem]
    by_position = {s.position: s for s in ex.sections}
    for rec in [*ex.amounts, *ex.target_groups, *ex.milestones]:
        if rec.section_position is not None:
            s = by_position[rec.section_position]
            assert s.char_start <= rec.char_start < s.char_end


@pytest.mark.parametrize("stem", STEMS)
def test_values_are_sane(stem, extractions):
    ex = extractions[stem]
    for a in ex.amounts:
        assert a.value_dkk > 0, a
        if a.year_from and a.year_to:
            assert a.year_from <= a.year_to, a
        assert a.quote in a.sentence, a
    for m in ex.milestones:
        assert m.date_start <= m.date_end, m
    for t in ex.target_groups:
        if t.age_min is not None and t.age_max is not None:
            assert t.age_min <= t.age_max, t
        assert t.groups, t
