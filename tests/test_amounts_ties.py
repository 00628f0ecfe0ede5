"""What ties an amount's years, per-year flag and frame to it across its sentence: a total over
listed years, two frames joined, a sum named again. Made up in the genre's words."""

from __future__ import annotations

import pytest
from conftest import RULES as ALL_RULES

from extract.extractors.amounts import find_amounts
from extract.structure.sentences import sentence_spans

RULES = ALL_RULES["amounts.yml"]


def amounts(text: str):
    return find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES)


def got(text: str):
    return [(a.value_dkk, a.year_from, a.year_to, a.per_year, a.kind) for a in amounts(text)]


@pytest.mark.parametrize(
    "text,value,years",
    [
        # words after the sum that make it a total over the years listed
        ("Kommunen reserverer 2 mio. kr. i alt i 2022 og 2023 til puljen.", 2000000, (2022, 2023)),
        ("Der afsættes 2 mio. kr. samlet i 2022 og 2023 til puljen.", 2000000, (2022, 2023)),
        ("Projektet koster 4 mio. kr. i 2024 og 2025 tilsammen.", 4000000, (2024, 2025)),
        ("Regnskabet viste et overskud på 3 mio. kr. i 2021 og 2022 under ét.", 3000000, (2021, 2022)),
        ("Udvidelsen koster sammenlagt 6 mio. kr. i 2025 og 2026.", 6000000, (2025, 2026)),
        ("Puljen udgør 1,2 mio. kr., der fordeles i 2024 og 2025.", 1200000, (2024, 2025)),
        # words before the sum, in its clause, that make it a total
        ("Der er i alt afsat 2 mio. kr. i 2024 og 2025 til puljen.", 2000000, (2024, 2025)),
        ("Tilsammen gives 3 mio. kr. i 2024 og 2025.", 3000000, (2024, 2025)),
        ("Den samlede udgift til projektet er 1,5 mio. kr. i 2023 og 2024.", 1500000, (2023, 2024)),
        # a noun before the sum that names it a total
        ("Det samlede beløb på 900.000 kr. fordeles i 2024 og 2025.", 900000, (2024, 2025)),
        ("Den samlede udgift er 1,5 mio. kr. i 2023 og 2024.", 1500000, (2023, 2024)),
    ],
)
def test_a_total_over_listed_years_is_no_sum_of_each(text, value, years):
    assert got(text) == [(value, *years, False, None)]


@pytest.mark.parametrize(
    "text,value,years",
    [
        ("Der er 122.500 kr. i frie midler til uddeling i 2024 og 2025.", 122500, (2024, 2025)),
        ("Klubben modtager et tilskud på 85.000 kr. i 2017 og 2018.", 85000, (2017, 2018)),
        ("Kommunen reserverer 2 mio. kr. i 2024 og 2025 til en samlet plan.", 2000000, (2024, 2025)),
    ],
)
def test_a_sum_over_listed_years_with_no_total_is_each_years(text, value, years):
    assert got(text) == [(value, *years, True, None)]


def test_a_total_in_the_clause_before_is_another_sums():
    text = "Projektet koster i alt 5 mio. kr., og kommunen reserverer 2 mio. kr. i 2024 og 2025."
    assert got(text)[1] == (2000000, 2024, 2025, True, None)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "På driften er der et mindreforbrug på 3 mio. kr., mens resultatet samlet for drift og anlæg "
            "er et overskud på 5 mio. kr.",
            [(3000000, None, None, False, "drift"), (5000000, None, None, False, None)],
        ),
        (
            "På anlæg er der brugt 10 mio. kr., og der er overført 4 mio. kr. fra drift og anlæg til næste år.",
            [(10000000, None, None, False, "anlæg"), (4000000, None, None, False, None)],
        ),
    ],
)
def test_two_frames_joined_block_the_sentences_leading_frame(text, expected):
    assert got(text) == expected


def test_a_sum_named_again_takes_its_years_with_their_per_year_flag():
    text = "Der afsættes 1 mio. kr. årligt i 2024-2027 til indsatsen. De 1 mio. kr. skal bruges til løn."
    assert [(a.year_from, a.year_to, a.per_year) for a in amounts(text)] == [(2024, 2027, True)] * 2


@pytest.mark.parametrize(
    "text",
    [
        # made up in the words of a budget's allotment: the frame right after the sum is one of a
        # list of the budget's parts, or of two frames joined: neither is the sum's
        "Der er afsat 2 mio. kr. til drift, anlæg og finansiering i 2025.",
        "Der er afsat 4,5 mio. kr. til drift og anlæg af den nye svømmehal.",
        "Kommunen har i 2024 brugt 3,1 mio. kr. på service, anlæg og overførsler.",
    ],
)
def test_a_frame_right_after_the_sum_in_a_list_of_frames_is_not_its_own(text):
    assert [a.kind for a in amounts(text)] == [None]
    # nor does a frame from further off stand in for it
    title = "Anlægsbevilling til ny svømmehal"  # made up: a title naming one frame
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, title=title)
    assert [a.kind for a in found] == [None]


def test_a_frame_right_after_the_sum_alone_is_its_own():
    assert [a.kind for a in amounts("Der er afsat 4,5 mio. kr. til drift af den nye svømmehal.")] == ["drift"]
    assert [a.kind for a in amounts("Der er afsat 2 mio. kr. til drift, vedligehold og rengøring i 2025.")] == ["drift"]


@pytest.mark.parametrize(
    "text,kinds",
    [
        # a sum measured against its budget, and a change restated in two words, share the frame
        ("Anlægsudgifterne er på 76,1 mio. kr. mod oprindeligt budgetteret 134,9 mio. kr.", ["anlæg", "anlæg"]),
        ("Driftsudgifterne er på 48,5 mio. kr., hvilket svarer til et mindre forbrug på 3,8 mio. kr.", ["drift"] * 2),
        # a sum that is no measure against the first keeps its own (none)
        ("Anlægsudgifterne er på 76,1 mio. kr., og foreningen modtager 0,5 mio. kr. i tilskud.", ["anlæg", None]),
    ],
)
def test_a_sum_measured_against_its_budget_shares_its_frame(text, kinds):
    assert [a.kind for a in amounts(text)] == kinds
