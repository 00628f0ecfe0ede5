"""The excerpt beside a search hit (extract/search_excerpt.py), on sentences of the corpus."""

from __future__ import annotations

from extract.publish.search_excerpt import BEFORE, ELLIPSIS, WIDTH, excerpt, search_excerpt

MENTOR = (
    "Alle nyankomne flygtninge tilbydes en helhedsorienteret mentor, som hjælper flygtningen til "
    "hurtigt at etablere sig og opnå optimale rammer for et hverdags- og arbejdsliv i København. "
    "Når flygtningene er i virksomhedsforløb, kan de desuden få tilknyttet en virksomhedsmentor."
)


def test_every_hit_in_the_window_is_bold_also_inside_a_compound():
    text = excerpt(MENTOR, "mentor")
    assert text.count("**mentor**") == 2
    assert "virksomheds**mentor**." in text


def test_the_match_ignores_case_like_the_index_does():
    assert (
        excerpt("Målgruppen er Kontanthjælpsmodtagere over 30 år.", "kontanthjælp")
        == "Målgruppen er **Kontanthjælp**smodtagere over 30 år."
    )
    assert "**ÆLDRE**" in excerpt("Indsatsen for ÆLDRE ledige.", "ældre")


def test_a_late_hit_is_shown_with_words_before_it_and_ellipses():
    text = excerpt(MENTOR, "virksomhedsforløb", width=120)
    assert text.startswith(f"{ELLIPSIS} ") and text.endswith(f" {ELLIPSIS}")
    assert "**virksomhedsforløb**" in text
    shown = text.replace("**", "").strip(f"{ELLIPSIS} ")
    assert shown in MENTOR and len(shown) <= 120
    before = shown[: shown.index("virksomhedsforløb")]
    assert 0 < len(before) <= BEFORE + len("Når flygtningene er i ")
    assert not shown.startswith(" ") and MENTOR[MENTOR.index(shown) - 1] == " "  # cut between words


def test_a_quoted_phrase_matches_across_line_breaks_and_amount_text():
    body = "Der afsættes 4,0 mio.\nkr. årligt 2026-29 til håndholdt indsats og 2,9 mio. kr. til kvinder."
    text = excerpt(body, '"mio. kr."')
    assert text.count("**") == 4 and "**mio. kr.**" in text and "**mio. kr.** årligt" in text


def test_words_typed_without_quotes_are_marked_each_and_folded_words_in_their_spelling():
    body = "Der afsættes 4,0 mio. kr. til kontanthjælpsmodtagere i København og til AC-ledige, ikke til vaccination."
    text = excerpt(body, "kontanthjaelp kobenhavn ac")
    assert "**kontanthjælp**smodtagere" in text and "**København**" in text and "**AC**-ledige" in text
    assert "v**ac**cination" not in text  # a short word is marked whole only


def test_no_hit_gives_the_start_of_the_text():
    text = excerpt(MENTOR, "sygedagpenge")
    assert "**" not in text and text.startswith("Alle nyankomne") and len(text) <= WIDTH + 2


def test_a_section_found_by_its_heading_shows_the_heading():
    assert (
        search_excerpt("Helhedsorienterede mentorer og virksomhedsmentorer", "Tekst uden ordet.", "mentor")
        == "Helhedsorienterede **mentor**er og virksomheds**mentor**er"
    )
    assert search_excerpt("Mentorer", MENTOR, "mentor").count("**mentor**") == 2


def test_empty_inputs():
    assert excerpt(None, "unge") == ""
    assert excerpt("Unge under 30 år.", "   ") == "Unge under 30 år."
    assert search_excerpt(None, None, None) == ""


def test_the_documents_own_emphasis_marks_do_not_mix_with_the_bold():
    body = "*”at jobkonsulenterne ansættes til at følge de ledige i målgruppen tæt”.* Se __bilag 2__."
    text = excerpt(body, "ledige")
    assert text == "”at jobkonsulenterne ansættes til at følge de **ledige** i målgruppen tæt”. Se bilag 2."
