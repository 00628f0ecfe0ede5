"""The lines above an amount that give it a frame: sub-headings (read once a text, looked
up per amount) and the lead-in of a list or a table. The texts are short, made up in the
style of Danish budget follow-ups."""

from __future__ import annotations

from conftest import RULES as ALL_RULES

from extract.extractors.amount_neighbours import SubHeadings, lead_in_frame, line_above
from extract.extractors.amount_tables import table_lead_frame

RULES = ALL_RULES["amounts.yml"]

FOLLOW_UP = "Status drift\n\nDer forventes et mindreforbrug.\nSygeplejen\nBeløbet er 2 mio. kr.\n"


def test_the_nearest_sub_heading_above_gives_its_frame_or_none():
    heads = SubHeadings(FOLLOW_UP, RULES)
    under_status = FOLLOW_UP.index("Der forventes")
    under_sygeplejen = FOLLOW_UP.index("Beløbet")
    assert heads.frame(under_status, 0) == "drift"
    assert heads.frame(under_sygeplejen, 0) is None  # the nearer sub-heading names no frame
    assert heads.frame(FOLLOW_UP.index("Status"), 0) is None  # nothing above the first line


def test_a_sub_heading_above_the_section_start_gives_nothing():
    heads = SubHeadings(FOLLOW_UP, RULES)
    assert heads.frame(FOLLOW_UP.index("Der forventes"), FOLLOW_UP.index("Der forventes")) is None


def test_a_section_starting_inside_a_line_reads_that_line_from_its_start():
    text = "se nedenfor Anlæg\nDer afsættes 5 mio. kr.\n"
    heads = SubHeadings(text, RULES)
    amount = text.index("Der")
    assert heads.frame(amount, 0) is None  # the whole line is no sub-heading (lower case)
    assert heads.frame(amount, text.index("Anlæg")) == "anlæg"  # from the section's start it is


def test_paragraphs_list_entries_and_table_rows_are_passed_over():
    text = "Anlæg\nPuljen er fordelt således.\n- Skoler\nSkoler\t2025\t2026\nBeløbet er 5 mio. kr.\n"
    assert SubHeadings(text, RULES).frame(text.index("Beløbet"), 0) == "anlæg"


def test_the_line_above_passes_blank_lines_and_list_entries_when_asked():
    text = "Der indstilles følgende:\n\n- 1 mio. kr.\n- 2 mio. kr.\n"
    last = text.index("- 2")
    assert line_above(text, last, RULES) == (text.index("- 1"), "- 1 mio. kr.")
    assert line_above(text, last, RULES, past_entries=True) == (0, "Der indstilles følgende:")
    assert line_above(text, 0, RULES) is None


def test_a_list_and_a_table_take_the_frame_of_their_lead_in():
    lead = "Budgetopfølgningen viser følgende på drift:\n\n"
    listed = lead + "- Skoler 1 mio. kr.\n"
    assert lead_in_frame(listed, listed.index("Skoler"), RULES) == "drift"
    table = lead + "Mio. kr.\n2025\t2026\nSkoler\t1,0\t2,0\n"
    assert table_lead_frame(table, table.index("Mio."), RULES) == "drift"
    joined = "Der er følgende ændringer på drift og anlæg:\n- Skoler 1 mio. kr.\n"
    assert lead_in_frame(joined, joined.index("Skoler"), RULES) is None
