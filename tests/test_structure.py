"""Heading rules on real lines, the heading tree of every corpus document, rule examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS
from conftest import RULES as ALL_RULES

from extract.read.text import read_text_source as read_text
from extract.records import SourceText
from extract.structure import headings, sections
from extract.structure.contents import contents_entries

RULES = ALL_RULES["headings.yml"]
ROLES = RULES.roles


def _with_rules(f):
    """A heading function with the project's heading rules as its last argument."""
    return lambda *args: f(*args, RULES)


(
    heading_word_rule,
    is_sentence,
    markdown_line,
    never_heading,
    parse_number,
    plain_line,
    role_of,
    run_in_line,
    title_candidate,
    find_sections,
    find_title,
) = map(
    _with_rules,
    (
        headings.heading_word_rule,
        headings.is_sentence,
        headings.markdown_line,
        headings.never_heading,
        headings.parse_number,
        headings.plain_line,
        headings.role_of,
        headings.run_in_line,
        headings.title_candidate,
        sections.find_sections,
        sections.find_title,
    ),
)


def read_text_source(path: Path, data: bytes) -> SourceText:
    return read_text(path, data, ALL_RULES["ocr_repair.yml"])


def read(path: Path) -> SourceText:
    return read_text_source(path, path.read_bytes())


SOURCES = {p.stem: read(p) for p in CORPUS}
SECTIONS = {stem: find_sections(src) for stem, src in SOURCES.items()}


# --- every rule's own examples -------------------------------------------------------

ROLE_EXAMPLES = [(r.id, e) for r in RULES.role_words for e in r.examples]


@pytest.mark.parametrize("rule_id,example", ROLE_EXAMPLES, ids=[f"{r}:{e['text']}" for r, e in ROLE_EXAMPLES])
def test_role_word_examples(rule_id, example):
    found = role_of(example["text"])
    assert found is not None and found.id == rule_id and found.role == example["role"]


NUMBER_EXAMPLES = [(r.id, e) for r in RULES.numbering for e in r.examples]


@pytest.mark.parametrize("rule_id,example", NUMBER_EXAMPLES, ids=[e["text"][:40] for _, e in NUMBER_EXAMPLES])
def test_numbering_examples(rule_id, example):
    number, heading, _, fired = parse_number(example["text"])
    assert (fired, number, heading) == (rule_id, example["number"], example["heading"])


def test_a_number_over_a_day_of_a_month_is_no_numbered_heading():
    """An ordinal may open a numbered title ("3. 2. behandling af …"); a day of a month is no title."""
    assert parse_number("3. 2. behandling af budgetforslag 2025")[:2] == ("3", "2. behandling af budgetforslag 2025")
    assert parse_number("3. 1. maj afholdes arrangementet") is None


def detect(rule_id: str, text: str):
    """What the detector named ``rule_id`` makes of ``text`` (heading text or None)."""
    if rule_id == "table_row":
        m = RULES.detectors["table_row"].pattern.match(text)
        return m.group("heading").strip() if m and "\t" in text else None
    if rule_id == "plain_run_in_line":
        first, second = text.split("\n", 1)
        found = run_in_line(first, second)
    elif rule_id.startswith("plain_"):
        found = plain_line(text)
    else:
        found = markdown_line(text)
    if found is None:
        return None
    assert found.rule in {rule_id, "plain_numbered", "plain_short_line", "plain_run_in_line"} or found.kind == "word"
    return found.heading


DETECTOR_EXAMPLES = [(d.id, e) for d in RULES.detectors.values() for e in d.examples]


@pytest.mark.parametrize(
    "rule_id,example", DETECTOR_EXAMPLES, ids=[f"{r}:{e['text'][:35]}" for r, e in DETECTOR_EXAMPLES]
)
def test_detector_examples(rule_id, example):
    assert detect(rule_id, example["text"]) == example["heading"]


NOT_HEADING_EXAMPLES = [(r.id, e["text"]) for r in RULES.not_headings for e in r.examples if not e.get("heading")]
# lines a not_headings rule must leave alone: numbered items and headings, titles with their date
HEADING_COUNTER_EXAMPLES = [(r.id, e["text"]) for r in RULES.not_headings for e in r.examples if e.get("heading")]


@pytest.mark.parametrize("rule_id,text", HEADING_COUNTER_EXAMPLES, ids=[t[:40] for _, t in HEADING_COUNTER_EXAMPLES])
def test_not_heading_counter_examples(rule_id, text):
    assert never_heading(text) != rule_id


@pytest.mark.parametrize("rule_id,text", NOT_HEADING_EXAMPLES, ids=[t[:40] for _, t in NOT_HEADING_EXAMPLES])
def test_not_heading_examples(rule_id, text):
    assert never_heading(text) == rule_id
    assert plain_line(text) is None


HEADING_LINE_EXAMPLES = [(r.id, e["text"]) for r in RULES.heading_lines for e in r.examples]


@pytest.mark.parametrize("rule_id,text", HEADING_LINE_EXAMPLES)
def test_heading_line_examples(rule_id, text):
    assert heading_word_rule(text) == rule_id
    assert plain_line(text) is not None


@pytest.mark.parametrize("example", RULES.lead_in_examples, ids=[e["text"][:40] for e in RULES.lead_in_examples])
def test_lead_in_examples(example):
    assert RULES.lead_in_ending.search(example["text"])
    assert plain_line(example["text"]) is None


@pytest.mark.parametrize("example", RULES.sentence_examples, ids=[e["text"][:40] for e in RULES.sentence_examples])
def test_sentence_examples(example):
    assert is_sentence(example["text"]) == example["sentence"]


@pytest.mark.parametrize("example", RULES.not_title_examples, ids=[e["text"] for e in RULES.not_title_examples])
def test_not_title_examples(example):
    assert title_candidate(example["text"]) is None


@pytest.mark.parametrize("example", RULES.initiative_examples, ids=[e["text"][:40] for e in RULES.initiative_examples])
def test_initiative_parent_examples(example):
    assert bool(RULES.initiative_parent.search(example["text"])) == example["initiative_parent"]


# --- real lines: headings and lines that must be rejected -----------------------------


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "1. Baggrund herunder statens bevillingsudmelding og indstilling til BIU.",
            ("1", "Baggrund herunder statens bevillingsudmelding og indstilling til BIU."),
        ),
        (
            "2: Jobkonsulentplaceringer og projekter i 2007 og i 2008",
            ("2", "Jobkonsulentplaceringer og projekter i 2007 og i 2008"),
        ),
        (
            "A. Generel styrkelse af indsatsen i job- og beskæftigelsescentre for den samlede målgruppe",
            ("A", "Generel styrkelse af indsatsen i job- og beskæftigelsescentre for den samlede målgruppe"),
        ),
        (
            "3.1. BIF skal hjælpe udsatte til hurtig afklaring, så de kan komme videre",
            ("3.1", "BIF skal hjælpe udsatte til hurtig afklaring, så de kan komme videre"),
        ),
        ("TEMA 1: Jobklare ledige hurtigere i gang", ("1", "Jobklare ledige hurtigere i gang")),
        ("Opkvalificering i København", (None, "Opkvalificering i København")),
        ("Målsætninger", (None, "Målsætninger")),
        ("Indsatser", (None, "Indsatser")),
        ("Helt ud på virksomheden", (None, "Helt ud på virksomheden")),
        ("Status ultimo 2007.", (None, "Status ultimo 2007.")),
        ("Status ultimo 2007:", (None, "Status ultimo 2007")),
        ("Punkt 4: Budgetopfølgning 2. kvartal", ("4", "Budgetopfølgning 2. kvartal")),
        ("Resumé", (None, "Resumé")),
        ("Beslutning", (None, "Beslutning")),
    ],
)
def test_plain_headings(line, expected):
    found = plain_line(line)
    assert found is not None and (found.number, found.heading) == expected


@pytest.mark.parametrize(
    "line",
    [
        "- A. Generel styrkelse af eksisterende indsats i job- og beskæftigelsescentre for den samlede målgruppe.",
        "- A. **Styrkelse af den generelle indsats** for alle i den relevante målgruppe",
        "- Basale kompetencer",
        "1. Indledning.....\t2",
        "3.1. BIF skal hjælpe udsatte til hurtig afklaring, så de kan komme videre\t3",
        "Sagsnr.",
        "Dokumentnr.",
        "Sagsbehandler",
        "Dato: 24-04-2008",
        "23-09-2012",
        "Københavns Kommune",
        "JC Musvågevej\t31",
        "grupper:",
        "Ifølge Beskæftigelsesministeriets udmelding skal:",
        "1. *Kampagne: Job nu.* Målgruppe: Ledige indvandrere i de 6 udsatte boligområder med fokus på matchgruppe 3 og 4.",
        "Der anvendes samtlige redskaber i beskæftigelseslovgivningen.",
        "Resultaterne viser, at kontanthjælpsgraden er faldet fra 19,56 (primo 2007) til 17,04 (ultimo 2007). Målet er nået.",
        "Andelen af beskæftigede indvandrere og efterkommere øges i perioden 2007 -2010 til ca. 64 %:",
    ],
)
def test_plain_non_headings(line):
    assert plain_line(line) is None


def test_a_plain_line_with_no_mark_of_a_heading_is_short():
    """The longest unmarked heading of the development corpus (13 words) is one; a longer plain line
    that holds a comma or reads as a sentence is a sentence whose stop a web page left out (made up
    in the style of a news page's lead), one that names a thing is a heading (a plan's initiative),
    and the same words numbered are a heading (an item's or a plan's numbered heading may be long)."""
    longest = "Tildeling af midler af ansøgningerne efter retningslinjerne for tildeling af § 79 tilskud"
    assert plain_line(longest) is not None
    lead = (
        "Byrådet har afsat 2,5 mio. kr. over tre år til en ny indsats, som skal give flere unge uden"
        " uddannelse en læreplads"
    )
    assert len(lead.split()) > RULES.max_plain_words >= len(longest.split())
    assert plain_line(lead) is None
    named = (  # a plan's initiative, as long, names a thing
        "Etablering af specialteam af jobkonsulenter til etablering af arbejdspladser for handicappede og"
        " personer med nedsat arbejdsevne i øvrigt med anden etnisk baggrund."
    )
    assert plain_line(named) is not None
    numbered = plain_line("4. Ny indsats over tre år, som skal give flere unge uden uddannelse en læreplads i kommunen")
    assert numbered is not None and numbered.number == "4"


@pytest.mark.parametrize(
    "first,second",
    [
        (
            "Beskaftigelses- og Integrationsudvalget har pa udvalgets",
            "budgetseminar den 28. februar - 1. marts 2011 dreftet udfordringer,",
        ),
        (
            "Kebenhavns Kommune skal vere kendt for at have Danmarks bedste",
            "jobindsats. Det betyder dels, at alle borgere skal sikres et meningsfuldt",
        ),
        (
            "sammens&tningen af tilbudsviften i forhold til tilbuddenes indhold,",
            "varighed og timeintensitet, prioriteringen mellem forskellige",
        ),
        (
            "e Unge pa kanten af uddannelsessystemet: Mulige tiltag kunne",
            "vare en samlet BIF/BUF/SOF-ungestrategi, hvor den helheds-",
        ),
        ("Københavns Kommune", "Beskæftigelses- og Integrationsforvaltningen"),
        ("1. Indledning.....\t2", "2. Budget 2022.....\t2"),
    ],
)
def test_wrapped_body_lines_are_not_headings(first, second):
    assert run_in_line(first, second) is None


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "### Nytteaktivering af unge kontanthjælpsmodtagere",
            ("Nytteaktivering af unge kontanthjælpsmodtagere", 3, None),
        ),
        ("#### **Turboforløb**", ("Turboforløb", 4, None)),
        ("**Turboforløb**", ("Turboforløb", None, None)),
        (
            "#### 1. Udviklingsfasen (1. oktober 2012 – 31. januar 2012)",
            ("Udviklingsfasen (1. oktober 2012 – 31. januar 2012)", 4, "1"),
        ),
        ("### *Indhold og formål:*", ("Indhold og formål", 3, None)),
        ("Aftalegrundlag:", ("Aftalegrundlag", None, None)),
        ("*Forventede resultater af indsatsen*", ("Forventede resultater af indsatsen", None, None)),
        ("#### *Devaluering:*", ("Devaluering", 4, None)),
    ],
)
def test_markdown_headings(line, expected):
    found = markdown_line(line)
    assert found is not None and (found.heading, found.depth, found.number) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Primær målgruppe:",
        "Milepæle for indsatsen inkluderer:",
        "Initiativerne under AC-budgetpakken tæller:",
        "*”Parterne er enige om at hjemtage og udvikle op til 25 pct. af myndighedsopgaverne knyttet til akademikerne.”.*",
        "Sagsbehandler  ",
        "23-09-2012",
        "- Månedlig opfølgning på rettidig samtaleafholdelse samt effekter.",
        "For *dagpengemodtagere* er overgangen til selvforsørgelse x pct. højere i 2013 end i 2012.",
    ],
)
def test_markdown_non_headings(line):
    assert markdown_line(line) is None


@pytest.mark.parametrize(
    "heading,role",
    [
        ("Malgruppe", "maalgruppe"),
        ("Forventede resultater af indsatsen fra 2013", "forventede_resultater"),
        ("Indhold og formål:", "indhold_og_formaal"),
        ("Milepæle:", "milepaele"),
        ("Aftalegrundlag:", "aftalegrundlag"),
        ("Implementeringsfase", None),
        ("Primær målgruppe", None),
        ("Jobrotation", None),
    ],
)
def test_roles_from_heading_words(heading, role):
    found = role_of(heading)
    assert (found.role if found else None) == role


# --- the corpus ------------------------------------------------------------------------


@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_sections_are_ordered_disjoint_and_nested(stem):
    text = SOURCES[stem].text
    sections = SECTIONS[stem]
    assert sections and sections[0].char_start == 0  # the text before the first heading is a section too
    previous_end = 0
    for i, s in enumerate(sections):
        assert s.position == i and s.role in ROLES and s.rule
        assert previous_end == s.char_start <= s.body_start <= s.char_end
        assert s.body == text[s.body_start : s.char_end].strip()
        assert (s.heading == "") == (s.role == "preamble") and (s.role != "preamble" or i == 0)
        assert not s.heading.endswith(":") and not s.heading.startswith(("#", "*"))
        previous_end = s.char_end
        if s.parent_position is None:
            assert s.level == 1
        else:
            parent = sections[s.parent_position]
            assert parent.position < i and parent.level == s.level - 1
    assert sections[-1].char_end == len(text)


@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_title_is_not_a_section(stem):
    title = find_title(SOURCES[stem])
    assert title is not None
    headed = [s for s in SECTIONS[stem] if s.heading]
    assert all(s.char_start > title[0] for s in headed)
    preamble = SECTIONS[stem][0]
    assert preamble.role == "preamble" and preamble.char_start <= title[0] < preamble.char_end


def test_ocr_note_has_its_three_themes():
    themes = [s for s in SECTIONS["temaer-beskaeftigelsesaftale-2012"] if s.rule == "plain_numbered"]
    assert [(t.number, t.heading) for t in themes] == [
        ("1", "Jobklare ledige hurtigere i gang"),
        ("2", "En indsats, der virker, for vores indsatsklare ledige"),
        ("3", "Borgeren ved roret"),
    ]
    assert themes[0].body.startswith("Ledigheden i København er generelt højere")  # OCR damage repaired


def test_table_rows_keep_their_cells_as_body():
    rows = {s.number: s for s in SECTIONS["status-beskaeftigelsesaftale-2009"]}
    assert rows["1.4"].body.startswith("Jobbussen kører mindst to gange om ugen")
    assert rows["2"].heading == "Styrket indsats mod Fattigdom og Marginalisering" and rows["2"].level == 1
    assert rows["2.3"].parent_position == rows["2"].position


def test_numbered_phases_belong_to_the_implementation_section():
    sections = SECTIONS["budget-2013-nye-initiativer"]
    phase = next(s for s in sections if s.heading.startswith("Driftsfasen"))
    parent = sections[phase.parent_position]
    assert parent.role == "implementering_og_opfoelgning" and phase.level == 3
    after = sections[phase.position + 1]
    assert after.role == "maalgruppe" and after.level == 2


@pytest.mark.parametrize(
    "name,text",
    [
        (
            "punkt.txt",
            "Aarhus Kommune\n\nPunkt 5: Godkendelse af beskæftigelsesplan 2023\n\nResumé\n\nMagistraten "
            "forelægger planen.\n\nIndstilling\n\nForvaltningen indstiller, at planen godkendes.\n\n"
            "Beslutning\n\nGodkendt.\n",
        ),
        (
            "punkt.md",
            "# Punkt 5: Godkendelse af beskæftigelsesplan 2023\n\n**Resumé**\n\nMagistraten forelægger "
            "planen.\n\n**Indstilling**\n\nForvaltningen indstiller, at planen godkendes.\n\n"
            "**Beslutning:** Godkendt.\n",
        ),
    ],
)
def test_agenda_items_from_other_municipalities(name, text):
    src = read_text_source(Path(name), text.encode("utf-8"))
    assert find_title(src)[1] == "Godkendelse af beskæftigelsesplan 2023"  # the item number is not the title
    sections = find_sections(src)
    assert [(s.level, s.heading, s.role) for s in sections] == [
        (1, "", "preamble"),
        (1, "Resumé", "resume"),
        (1, "Indstilling", "indstilling"),
        (1, "Beslutning", "beslutning"),
    ]
    assert sections[-1].body == "Godkendt."


@pytest.mark.parametrize("example", RULES.parts.examples, ids=[e["text"][:40] for e in RULES.parts.examples])
def test_part_heading_examples(example):
    assert RULES.parts.pattern.search(example["text"])


@pytest.mark.parametrize("text", ["Delmål 2: Flere i job", "Delvis finansieret", "Bilagene 1-3 er vedlagt"])
def test_lines_that_open_no_part(text):
    assert not RULES.parts.pattern.search(text)


# written in the style of a municipal memo (no agenda fields): the applicant's name over its
# address is a short line over a short line, and so is the label above it: no headings; the
# headings over running text are
MEMO = """Notat om ansøgning til kulturpuljen

Baggrund for notatet

Forvaltningen har modtaget en ansøgning om tilskud til en koncertrække i efteråret 2025.

Ansøger

Kulturhuset Vesterled
Hovedgaden 12

Kulturhuset har tidligere fået tilskud fra puljen til to koncerter for børn.

Forvaltningens vurdering

Ansøgningen lever op til puljens kriterier, og forvaltningen anbefaler et tilskud.
"""


def test_short_lines_over_short_lines_are_no_headings_in_plain_text():
    src = read_text_source(Path("notat.txt"), MEMO.encode("utf-8"))
    assert [s.heading for s in find_sections(src) if s.heading] == ["Baggrund for notatet", "Forvaltningens vurdering"]


# written in the style of a municipality's pool page: its links, each a short line alone in its
# paragraph, make a list straight over the next heading; the list's last line over a paragraph of
# running text is that paragraph's heading, the short lines over a short answer are a list
POOL_PAGE = """Idrætspuljen

Ansøgningsskema

Retningslinjer for puljen

Regnskabsskabelon

Hvad kan puljen støtte?

Puljen støtter nye aktiviteter i foreningerne, som får flere børn, unge og ældre til at dyrke idræt i deres lokalområde, og som kan fortsætte, når tilskuddet er brugt.

Kontakt

Kultur og Fritid

Telefon 70 10 20 30

Mandag til fredag kl. 9-15
"""


def test_a_lists_last_short_line_over_running_text_is_a_heading():
    """The links over the text are no headings; the heading over whom to contact is one, whatever
    stands under it (readers of pool pages of several municipalities labelled it 9 times of 11)."""
    src = read_text_source(Path("pulje.txt"), POOL_PAGE.encode("utf-8"))
    assert [s.heading for s in find_sections(src) if s.heading] == ["Hvad kan puljen støtte?", "Kontakt"]


# written in the style of a municipality's page calling for ideas to a plan: each heading runs
# straight into its text (no blank line between), between a subtitle and a link line alone in
# their paragraphs, so that short lines stand in every paragraph in a row
IDEAS_PAGE = """Kom med dine ideer til planen

Høringsperiode fra den 3. maj til den 21. juni 2024

Ideer og forslag
Byrådet har besluttet, at der skal laves en ny plan for større solcelleanlæg i kommunen.

Folder om planen

Borgermøde
Der vil som en del af planprocessen blive holdt et borgermøde i rådhusets kantine.

Tidsfrist
Ideer og forslag skal være modtaget senest den 21. juni 2024.
Skriv Solcelleplan i emnefeltet

Spørgsmål
Spørgsmål kan rettes til byplanlæggeren på telefon 70 10 20 30.
"""


def test_lines_over_their_own_text_in_a_run_of_short_lines_are_headings():
    """A run of short lines is a list; a line of it with its text under it in its own paragraph is
    that text's heading all the same (readers of the page it imitates labelled the four)."""
    src = read_text_source(Path("ideer.txt"), IDEAS_PAGE.encode("utf-8"))
    assert [s.heading for s in find_sections(src) if s.heading] == [
        "Ideer og forslag",
        "Borgermøde",
        "Tidsfrist",
        "Spørgsmål",
    ]


# A municipality's web page with folded sections, copied as text: each section's title is the
# point of a bulleted list, its text indented under it (made up in that style; the development
# corpus has no such page).
FOLDED_PAGE = """Retningslinjer for Trafikpuljen
 • Hvad kan du søge om?

  Puljen støtter nye initiativer, der gør skolevejen mere sikker for børn og unge.

 • Hvem kan søge?

  Alle skolebestyrelser og grundejerforeninger i kommunen.

 • Ansøgningen skal indeholde
  • En kort projektbeskrivelse
  • Et budget
 • Hvornår kan du søge?

  Man skal sende ansøgningen senest fire uger før udvalgets møde
"""


def test_a_web_page_with_folded_sections_has_their_titles_as_headings():
    src = read_text(Path("puljen.txt"), FOLDED_PAGE.encode("utf-8"), ALL_RULES["ocr_repair.yml"])
    got = [(s.level, s.heading, s.rule) for s in find_sections(src) if s.heading]
    assert got == [
        (1, "Hvad kan du søge om?", "folded_section"),
        (1, "Hvem kan søge?", "folded_section"),
        (1, "Hvornår kan du søge?", "folded_section"),  # the text under it is its body, no heading
    ]
    # a list's points under a lead-in are no folded sections
    assert not any("beskrivelse" in s.heading for s in find_sections(src))


# A municipality's list of press releases copied with no blank lines: each headline over its teaser
# (made up in that style).
RELEASES_PAGE = """Pressemeddelelser
Ny skolelinje på vej i Nordby
En ny studielinje med fokus på sundhed begynder på gymnasiet efter sommerferien.
Investor vil bygge butikker ved stationen
Tre nye butikker kan blive en realitet, og kommunen går i gang med lokalplanen.
"""


def test_a_list_of_headlines_each_over_its_teaser_has_them_as_headings():
    src = read_text(Path("presse.txt"), RELEASES_PAGE.encode("utf-8"), ALL_RULES["ocr_repair.yml"])
    got = [s.heading for s in find_sections(src) if s.heading]
    assert got[-2:] == ["Ny skolelinje på vej i Nordby", "Investor vil bygge butikker ved stationen"]
    # a paragraph of running text is no list of headlines
    prose = "Om puljen\n\nPuljen støtter foreninger.\nDen blev oprettet i år.\nDer er afsat midler.\nAnsøg nu.\n"
    src = read_text(Path("pulje.txt"), prose.encode("utf-8"), ALL_RULES["ocr_repair.yml"])
    assert [s.heading for s in find_sections(src) if s.heading] == []


# A project database's page of facts, each a bulleted label over its indented value (in the style of
# a page on a municipality's project with EU funding): labels over values are no folded sections.
FACTS_PAGE = """Plads til flere

Projektinformation

 • Startdato

  20.10.2020
 • Støttemodtagerens navn

  Nordby Kommune
 • Hvornår kan der søges?

  Ansøgningsfrist
 • Aktindsigt

  Aktindsigt

  Er du borger i kommunen, kan du få aktindsigt i din sag.

Projektresumé

Projektet er et samarbejde mellem jobcentret og virksomhederne i kommunen.
"""


def test_a_bulleted_label_over_its_value_is_no_folded_section():
    src = read_text(Path("projekt.txt"), FACTS_PAGE.encode("utf-8"), ALL_RULES["ocr_repair.yml"])
    got = [s.heading for s in find_sections(src) if s.heading]
    assert "Startdato" not in got and "Støttemodtagerens navn" not in got
    assert "Hvornår kan der søges?" in got  # a question holds its section whatever stands under it
    assert "Aktindsigt" in got  # a section's title again inside it is no value


@pytest.mark.parametrize(
    "example", RULES.initiative_name_examples, ids=[e["text"][:40] for e in RULES.initiative_name_examples]
)
def test_initiative_name_examples(example):
    assert bool(RULES.initiative_name.search(example["text"])) == example["initiative"]


# Made up in the style of minutes pages and plans: items and headings that name a date, a
# proposal, a logo or a contact stay items and headings; a title may carry its date.
PUNKT_MINUTES = """Referat

Punkt 1: Godkendelse af dagsorden

Beslutning

Godkendt.

Punkt 2: Godkendelse af referat fra mødet den 3. maj 2024

Beslutning

Godkendt.

Punkt 3: Trafikplan 2025

Beslutning

Godkendt.
"""


def _outline(text: str) -> list[tuple[str, str | None]]:
    src = read_text_source(Path("referat.txt"), text.encode("utf-8"))
    return [(s.heading, s.number) for s in find_sections(src) if s.heading and s.number]


def test_numbered_items_and_headings_may_name_a_date_a_proposal_or_a_logo():
    assert _outline(PUNKT_MINUTES) == [
        ("Punkt 1: Godkendelse af dagsorden", "1"),
        ("Punkt 2: Godkendelse af referat fra mødet den 3. maj 2024", "2"),
        ("Punkt 3: Trafikplan 2025", "3"),
    ]
    plan = "Plan\n\nTema 1: Mål\n\nTekst om mål.\n\nTema 2: Indsatser fra 1. januar 2025\n\nTekst om indsatser.\n\n"
    plan += "4.1 Ny hjemmeside\n\nTekst om siden.\n\n4.2 Nyt logo\n\nTekst om logoet.\n"
    assert [n for _, n in _outline(plan)] == ["1", "2", "4.1", "4.2"]
    for line in ("12. Venstre foreslår, at kommunen etablerer en ny hal", "5. Orientering om nyt logo",
                 "4. Kontakt: kultur@kommune.dk"):  # fmt: skip
        assert plain_line(line) is not None, line


@pytest.mark.parametrize(
    "first",
    ["Budgetopfølgning 30.09.2024", "Referat 15.05.2012", "Dagsorden 3. oktober 2024", "Nyhedsbrev 1. marts 2024"],
)
def test_a_title_with_its_date_is_the_title(first):
    src = read_text_source(Path("side.txt"), f"{first}\n\nDrift\n\nTeksten her handler om driften.\n".encode())
    assert find_title(src) == (0, first)


@pytest.mark.parametrize(
    "line", ["Det vil vi", "Vi vil", "Det har vi opnået", "Det skal vi arbejde med", "Det er vi lykkedes med"]
)
def test_a_plans_short_inverted_heading_is_no_sentence_start(line):
    """Made up in the style of municipal plans' standard headings."""
    assert never_heading(line) is None


@pytest.mark.parametrize(
    "line", ["Det vil vi", "Vi vil", "Det har vi opnået", "Det skal vi arbejde med", "Det er vi lykkedes med"]
)
def test_a_plans_short_inverted_heading_is_a_heading(line):
    src = read_text_source(Path("plan.txt"), f"Plan\n\nMål\n\n{line}\n\nVi vil styrke fællesskabet i byen.\n".encode())
    assert line in [s.heading for s in find_sections(src)]


def test_a_contact_address_is_a_bounded_token():
    """An address's local part is at most 64 characters and starts a token (so a long run of
    letters, as a damaged PDF gives, is not searched from every position); its speed is
    measured by bench/, not here."""
    assert never_heading("Kontakt: " + "a" * 64 + "@kommune.dk") == "contact_line"
    assert never_heading("Kontakt: " + "a" * 65 + "@kommune.dk") != "contact_line"


def test_a_heading_that_is_a_name_opening_with_se_or_laes_is_a_heading():
    """A web page's heading that names a magazine or an event with two verbs ("Se og hør") is no
    link's bidding, while "Se kulturpolitikken" is (made up in the style of a library's page)."""
    page = (
        "Bibliotekets blade\n\nSe og hør\n\nBladet om kendte kan lånes på alle bibliotekets afdelinger i kommunen.\n\n"
    )
    page += "Se kulturpolitikken\n\nPolitikken er vedtaget af byrådet og gælder for alle kommunens kulturhuse.\n"
    src = read_text_source(Path("side.txt"), page.encode())
    headings = [s.heading for s in find_sections(src)]
    assert "Se og hør" in headings and "Se kulturpolitikken" not in headings


@pytest.mark.parametrize("example", RULES.inverted_examples, ids=lambda e: e["text"])
def test_inverted_heading_examples(example):
    """A plan's inverted heading is no sentence and no lead-in, even ending with its preposition."""
    if example["heading"]:
        assert plain_line(example["text"]) is not None
    assert headings.inverted(example["text"], RULES) == example["heading"]


@pytest.mark.parametrize("example", RULES.list_label_examples, ids=lambda e: e["text"])
def test_list_label_examples(example):
    """A label ending with a colon heads its list on a page that is no agenda item."""
    assert headings.list_label(example["text"], RULES) == example["heading"]
    found = headings.list_label_line(example["text"], "Foreninger", RULES)
    assert (found is not None) == example["heading"]
    assert headings.list_label_line(example["text"], "JC Musvågevej\t31", RULES) is None  # over a table
    # over a list whose points open in lower case (a pool page's "- udvikling af …"), but not over
    # a sentence running on in lower case
    found = headings.list_label_line(example["text"], "- udviklingsinitiativer i foreningen", RULES)
    assert (found is not None) == example["heading"]
    assert headings.list_label_line(example["text"], "og foreningerne i kommunen", RULES) is None


def test_a_label_over_its_list_is_a_pages_heading():
    """Made up in the style of a municipality's page on a pool: labels over lists of short lines
    (no bullets, no blank line) and over a bulleted list are headings; a lead-in sentence is none."""
    page = "Søg puljen\n\nRetningslinjer\n\nHvem kan søge:\nForeninger\nLokale netværk\nInstitutioner\n\n"
    page += "Kriterier for tildeling af puljen:\n\n • Projektet skal gavne beboerne i området.\n • Højst 50 pct.\n\n"
    page += "Ansøgningen skal indeholde følgende oplysninger:\n\n • Projektets formål\n • Budget\n"
    src = read_text_source(Path("side.txt"), page.encode())
    headings = [s.heading for s in find_sections(src)]
    assert headings[1:] == ["Retningslinjer", "Hvem kan søge", "Kriterier for tildeling af puljen"]


def test_contents_heads_the_text_under_it_but_not_a_table_of_contents():
    """ "Indhold" over the page's own text is its heading (readers of pages of four municipalities
    labelled it so); over a table of contents it heads no text (made up in those styles)."""
    page = (
        "Aktivitetspuljen\n\nIndhold\n\nDet er udvalget, som anbefaler, om ansøgningen skal have tilskud fra puljen.\n"
    )
    src = read_text_source(Path("side.txt"), page.encode())
    assert [s.heading for s in find_sections(src)][1:] == ["Indhold"]
    plan = "Beskæftigelsesplan\n\nIndhold\n\n1. Indledning.....\t2\n2. Budget.....\t3\n\n1. Indledning\n\nPlanen beskriver indsatsen.\n"
    src = read_text_source(Path("plan.txt"), plan.encode())
    assert "Indhold" not in [s.heading for s in find_sections(src)]


def test_a_question_over_a_sentence_leading_in_to_a_list_heads_it():
    """Made up in the style of a pool's page: "Hvem kan søge?" over "Puljen kan søges af:" over its
    list; a short label over such a lead-in is no heading of it."""
    page = "Aktivitetspuljen\n\nPuljen støtter nye aktiviteter for foreningerne i kommunen.\n\n"
    page += "Hvem kan søge?\n\nPuljen kan søges af:\n\n • Foreninger\n • Selvejende institutioner\n\n"
    page += "Institutionen skal være hjemmehørende i kommunen eller have mange deltagere.\n"
    src = read_text_source(Path("side.txt"), page.encode())
    assert [s.heading for s in find_sections(src)][1:] == ["Hvem kan søge?"]


def test_a_question_heads_its_list_of_lower_case_items():
    """Made up in the style of municipalities' pool pages: a line asking with its "?" heads its
    list though the items start in lower case and though it has no question word."""
    page = "Aktivitetspuljen\n\nPuljen støtter nye aktiviteter for foreningerne i kommunen.\n\n"
    page += (
        "Puljen giver IKKE tilskud til?\n\n • projekter med kommerciel interesse.\n • aktiviteter, der er i gang.\n\n"
    )
    page += "Ansøgningen skal indeholde?\n\n • beskrivelse af projektet.\n • et budget.\n\n"
    page += "Hvem kan søge?\n\nAlle foreninger i kommunen kan søge om tilskud fra puljen.\n"
    src = read_text_source(Path("side.txt"), page.encode())
    headings = [s.heading for s in find_sections(src)]
    assert headings[1:] == ["Puljen giver IKKE tilskud til?", "Ansøgningen skal indeholde?", "Hvem kan søge?"]


@pytest.mark.parametrize(
    "first,second,heading",
    [
        # made up in the style of a municipality's news page
        (
            "Mette fik job på rådhuset",
            "Det kan 30-årige Mette fortælle om, for hun har været ledig i to år, før hun fik jobbet.",
            True,
        ),
        (
            "Udvalget har i dag besluttet at give",
            "Et tilskud til foreningerne, der søger om midler til nye aktiviteter i hallerne.",
            False,
        ),
        ("Puljen er åben", "Søg inden fristen.", False),
    ],
)
def test_a_headline_with_its_verb_over_its_text(first, second, heading):
    assert (run_in_line(first, second) is not None) == heading


@pytest.mark.parametrize(
    "lead",
    [
        "Udvalget godkendte følgende:",
        "Byrådet godkendte endvidere:",
        "Direktionen indstiller:",
        "Anne Holm, formand:",
        "Forvaltningen anbefaler følgende:",
        "Byrådet vedtog:",
        "Planen indeholder tre indsatser:",
        "Puljen støtter:",
        "Heriblandt:",
        "Bl.a.:",
    ],
)
def test_a_sentence_or_lead_in_with_a_colon_heads_no_list(lead):
    """Made up in the style of minutes and municipal pages: a sentence, a lead-in or a speaker's
    name and role ending with a colon, over bullets or over text, is no heading."""
    for body in (
        "\n\n • Budget for 2025\n • Tidsplan for projektet\n",
        "\nForeningerne får tilskud til nye aktiviteter i hallerne.\n",
    ):
        page = "Referat\n\nBehandling af sagen\n\n" + lead + body
        src = read_text_source(Path("side.txt"), page.encode())
        assert lead.rstrip(":") not in [s.heading for s in find_sections(src)]


@pytest.mark.parametrize("lead", ["Følgende blev drøftet på mødet", "Ansøgningen skal indeholde"])
def test_a_sentence_alone_over_a_bulleted_list_is_no_heading(lead):
    """Made up in the style of minutes and a pool's page: a short sentence or lead-in alone in its
    paragraph over a bulleted list is no heading (a noun phrase there is: "Fordele")."""
    page = "Referat\n\nBehandling af sagen\n\n" + lead + "\n\n • Budget\n • Tidsplan\n"
    src = read_text_source(Path("side.txt"), page.encode())
    assert lead not in [s.heading for s in find_sections(src)]
    page = "Referat\n\nBehandling af sagen\n\nFlere skal i job\n\n • Færre udgifter\n • Kortere ventetid\n"
    assert "Flere skal i job" in [s.heading for s in find_sections(read_text_source(Path("side.txt"), page.encode()))]


def test_a_hearing_replys_short_sentence_is_no_inverted_heading():
    """Made up in the style of a hearing reply: "Det mener vi ikke" over a long line is a
    sentence, no plan's inverted heading; "Det vil vi" over its text still is one."""
    body = "Forvaltningen foreslår at lukke skolen, men det vil gøre skolevejen længere for mange børn i området.\n"
    page = "Høringssvar\n\nSkolestrukturen\n\nDet mener vi ikke\n" + body
    assert "Det mener vi ikke" not in [s.heading for s in find_sections(read_text_source(Path("s.txt"), page.encode()))]
    page = "Handleplan\n\nTrivsel\n\nDet vil vi\n\n" + body
    assert "Det vil vi" in [s.heading for s in find_sections(read_text_source(Path("s.txt"), page.encode()))]


def test_a_short_question_without_its_mark_is_a_pages_heading():
    """Made up in the style of a municipality's page on a pool: a short question without "?" over
    its answer or alone over a bulleted list is a heading, though it ends on a preposition or reads
    as a sentence ("kan søge"); a long line opening with a question word is none."""
    page = "Søg puljen\n\nHvad kan der søges til\n\nPuljen dækker events og projekter, der styrker foreningslivet.\n\n"
    page += "Hvem kan søge\n\n • Foreninger\n • Lokale netværk\n\nHvordan søges der\n\n"
    page += "Ansøgningen sendes til kulturforvaltningen på det skema, der ligger på kommunens hjemmeside.\n\n"
    page += "Hvad angår ansøgninger om tilskud til større anlæg og ombygninger af foreningernes egne lokaler og til\n"
    page += "mindre projekter gælder der andre regler, som fremgår af retningslinjerne.\n"
    found = [s.heading for s in find_sections(read_text_source(Path("side.txt"), page.encode()))]
    assert found[1:] == ["Hvad kan der søges til", "Hvem kan søge", "Hvordan søges der"]


def test_a_label_over_its_list_sits_below_the_heading_before_it():
    """Made up in the style of a municipality's page: labels over their lists under a heading sit
    one level below it; a label before any heading stays on top."""
    page = "Opgaveudvalget\n\nBorgere i udvalget:\n\n • Anne Holm\n • Peter Lund\n\n"
    page += "Hvem sad i opgaveudvalget\n\nUdvalget bestod af ti borgere og fem politikere fra kommunalbestyrelsen.\n\n"
    page += (
        "Kommunalpolitikere:\n\n • Søren Hansen (formand)\n • Mette Lund\n\nBorgere:\n\n • Jens Holm\n • Lise Berg\n"
    )
    found = [
        (s.level, s.heading) for s in find_sections(read_text_source(Path("side.txt"), page.encode())) if s.heading
    ]
    assert found == [
        (1, "Borgere i udvalget"),
        (1, "Hvem sad i opgaveudvalget"),
        (2, "Kommunalpolitikere"),
        (2, "Borgere"),
    ]


def test_a_label_after_a_standard_heading_is_its_sibling():
    """Made up in the style of a pool's page: a label over its list after a standard heading
    ("Økonomi") sits beside it, as one after another standard heading does."""
    page = "Pulje til foreningslivet\n\nFormål\n\nPuljen skal styrke foreningslivet og fællesskabet i kommunens "
    page += "landsbyer og mindre byer.\n\nMålgruppe:\n\n • Foreninger\n • Selvejende institutioner\n\nØkonomi\n\n"
    page += "Der er afsat 500.000 kr. til puljen i 2026, og midlerne fordeles to gange årligt.\n\n"
    page += "Ansøgningsfrist:\n\n • 1. marts 2026\n • 1. september 2026\n"
    found = [
        (s.level, s.heading) for s in find_sections(read_text_source(Path("side.txt"), page.encode())) if s.heading
    ]
    assert found == [(1, "Formål"), (1, "Målgruppe"), (1, "Økonomi"), (1, "Ansøgningsfrist")]


def test_a_news_headline_over_its_byline_is_a_heading():
    """Made up in the style of a municipality's news page: the byline under a headline is no
    heading, the headline over it and the article is."""
    page = "Nyt fra kommunen\n\nTo nye legepladser\n\nAf Kommunens Kommunikation\n\n"
    page += "Byrådet har vedtaget to nye legepladser i midtbyen, og de åbner til sommer for alle børn.\n"
    found = [s.heading for s in find_sections(read_text_source(Path("nyhed.txt"), page.encode())) if s.heading]
    assert found == ["To nye legepladser"]


def test_a_heading_ending_on_her_is_no_link():
    """Made up in the style of municipal web pages: a heading ending on "her" without a verb of
    reading, finding or applying is a heading (and a page's title), a link's wording is not."""
    body = "Kommunen vil i de kommende år investere i grøn omstilling, nye stier og bedre busser for alle.\n\n"
    page = "Fremtiden starter her\n\n" + body + "Klimaet er her\n\n" + body + "Hjælpen er lige her\n\n" + body
    page += "Tilmeld dig her\n\n" + body
    src = read_text_source(Path("side.txt"), page.encode())
    assert find_title(src)[1] == "Fremtiden starter her"
    assert [s.heading for s in find_sections(src) if s.heading] == ["Klimaet er her", "Hjælpen er lige her"]
    for link in ("Læs mere her", "Tilmeld dig her", "Se programmet her", "Find ansøgningsskemaet her"):
        assert never_heading(link) == "web_link"


def test_a_news_headlines_dateline_is_dropped_over_its_byline():
    """Made up in the style of a local paper's article: the town in capitals before the headline
    is dropped when a byline follows; a word in capitals before a colon without one stays."""
    body = "Byrådet har afsat penge til nye stier og cykelparkering ved skolerne i hele kommunen.\n"
    news = read_text_source(
        Path("nyhed.txt"), ("NÆSTVED: Ny hal til foreningerne\n\nAf Mette Holm\n\n" + body).encode()
    )
    assert find_title(news)[1] == "Ny hal til foreningerne"
    page = read_text_source(Path("side.txt"), ("HØRING: Forslag til ny ældrepolitik\n\n" + body).encode())
    assert find_title(page)[1] == "HØRING: Forslag til ny ældrepolitik"


@pytest.mark.parametrize(
    "example", RULES.plain_heading_list_examples, ids=[e["text"][:40] for e in RULES.plain_heading_list_examples]
)
def test_plain_heading_list_examples(example):
    assert len(example["text"].split()) > RULES.max_plain_words
    assert (plain_line(example["text"]) is not None) == example["heading"]


def _headings_of(text: str) -> list[str]:
    return [s.heading for s in find_sections(read_text_source(Path("side.txt"), text.encode())) if s.heading]


def test_the_rest_of_a_line_broken_off_after_a_word_that_leads_on_is_no_heading():
    """On a page copied line by line, a short line right under a line that breaks off after a word
    that leads on ("… for", "og/eller") is that line's rest, no heading, even over running text (made
    up in the style of a budget agreement's cover and a pool's page); a sentence leading in ("… være
    interesseret i") stands over its list, whose line over running text stays a heading."""
    cover = (
        "Budgetaftale mellem\nA, B og C for\nBudget 2027-2030\n"
        "Denne aftale er indgået mellem partierne i byrådet, som er enige om budgettet for de kommende fire år"
        " og om de vigtigste prioriteringer.\n"
        "Aftalen sikrer en økonomi i balance, og partierne vil i fællesskab følge udviklingen nøje.\n"
    )
    assert _headings_of(cover) == []
    pool = (
        "Udvalget har en pulje på 50.000 kr. til nye initiativer i foreningslivet, som kan søges hele året af"
        " alle godkendte foreninger i kommunen.\n"
        "Puljen prioriterer projekter:\nMed en social målsætning\nMed blivende effekt og/eller\nKunstnerisk effekt\n"
        "Ansøgninger til puljen sendes til kultur@kommune.dk, og udvalget behandler dem på sit næste møde i foråret.\n"
    )
    assert _headings_of(pool) == []
    links = (
        "Puljen støtter lokale initiativer, der drives af lokale kræfter og er til glæde for mange af kommunens"
        " borgere.\nAlle spørgsmål om puljen sendes til kultur@kommune.dk\n"
        "Andre emner som du kunne være interesseret i\nUdviklingspuljen\n"
        "Udviklingspuljen kan støtte en bred variation af aktivitetsskabende og nytænkende projekter i hele"
        " kommunen.\nFritidspuljen\n"
    )
    assert _headings_of(links) == ["Udviklingspuljen"]


def test_a_long_heading_with_a_lists_comma_is_a_heading():
    """Made up in the style of a plan: a heading of more than `max_plain_heading_words` words whose
    comma joins a list ("dagtilbud, skole og fritidstilbud") is a heading over its text."""
    heading = (
        "Bedre overgange mellem dagtilbud, skole og fritidstilbud for børn med særlige behov og deres"
        " forældre i hele kommunen"
    )
    body = (
        "Indsatsen skal styrke familiernes trivsel gennem en tidlig og forebyggende indsats i samarbejde med skolerne."
    )
    assert _headings_of(f"Handleplan for sundhed\n\n{heading}\n\n{body}\n") == [heading]


@pytest.mark.parametrize("pair", ["SSP/PPR", "KL/KKR", "EU/EØS", "HR/IT"])
def test_two_abbreviations_with_a_slash_are_a_heading_not_a_journal_mark(pair):
    """Made up in the style of minutes and plans: two abbreviations alone over a paragraph name
    fields or bodies; a journal mark has a route of bodies or a trailing slash."""
    body = "Samarbejdet mellem skole, politi og socialforvaltning styrkes, og der etableres et fælles netværk."
    assert _headings_of(f"Handleplan for sundhed\n\n{pair}\n\n{body}\n") == [pair]
    assert never_heading("KLH/MS - ØU - KB") == never_heading("JPN/") == "case_mark"


def test_a_foundation_or_grant_named_after_a_person_is_a_heading():
    """Made up in the style of a grants page: a foundation named with an office and a genitive is a
    heading; the office and a person's name alone is a name line."""
    page = "Fonde og legater\n\nDirektør Ib Henriksens Fond\n\n"
    page += "Fonden støtter sociale og humanitære formål, og der kan søges om tilskud to gange om året.\n\n"
    page += "Borgmester Hansens Legat\n\n"
    page += "Legatet uddeles hvert år til unge under uddannelse, der bor i kommunen, og fristen er 1. marts.\n"
    assert _headings_of(page) == ["Direktør Ib Henriksens Fond", "Borgmester Hansens Legat"]
    assert never_heading("Borgmester Jens Hansen") == "name_line"


def _levels(text: str) -> list[tuple[str, int]]:
    src = read_text_source(Path("side.txt"), text.encode("utf-8"))
    return [(s.heading, s.level) for s in find_sections(src) if s.heading]


def test_a_web_pages_heading_over_its_folded_sections_holds_them():
    page = (
        "Tilskud til foreninger\n\nKommunen støtter hvert år foreningernes arbejde med aktiviteter for børn.\n\n"
        "Om tilskuddene\n\nLuk alle\n\nÅbn alle\n\nAktivitetstilskud\n\n"
        "Foreninger kan søge tilskud til aktiviteter for børn og unge under 25 år i kommunen.\n\n"
        "Tryk her for ansøgningsskemaet\n\nLokaletilskud\n\n"
        "Foreninger kan få tilskud til leje af lokaler, når kommunen ikke kan anvise et lokale.\n"
    )
    assert [(lvl, h) for h, lvl in _levels(page)] == [
        (1, "Om tilskuddene"),
        (2, "Aktivitetstilskud"),
        (2, "Lokaletilskud"),
    ]
    page = (
        "Tilskud til aktiviteter for ældre\n\nKommunen afsætter hvert år et beløb til aktiviteter for ældre borgere.\n\n"
        "Mere om tilskuddet\n\n"
        " • Det kan du søge om\n   Foreninger får støtte til udflugter, foredrag og fællesspisning for ældre.\n"
        " • Målgruppe\n   Ældre borgere i hele kommunen skal kunne deltage i aktiviteten.\n"
    )
    assert [(lvl, h) for h, lvl in _levels(page)] == [
        (1, "Mere om tilskuddet"),
        (2, "Det kan du søge om"),
        (2, "Målgruppe"),
    ]


def test_a_question_heads_its_short_answer_and_the_answer_is_no_heading():
    """A pool's facts, each a question or label over a short answer, no blank line between
    (made up in the style of a municipality's pool page): the questions are headings, though
    their answers are short lines without a stop; the answers are none."""
    text = (
        "Renoveringspuljen\n\nPuljen dækker udvendig renovering samt indvendig og udvendig energirenovering af klubhuse.\n\n"
        "Hvem kan søge\n\nGodkendte folkeoplysende foreninger, der har eget klubhus\n\n"
        "Hvad kan der søges til\n\nRenovering af klubhuse.\n"
    )
    assert _headings_of(text) == ["Hvem kan søge", "Hvad kan der søges til"]


def test_short_lines_that_run_into_a_question_are_a_list():
    """A site's trail of short lines over the page's question heading (made up in the style of a
    pool's page): the trail is a list, no headings; the question heads its answer."""
    text = (
        "Tilskud\n\nFrivillig forening\n\nAktivitetstilskud\n\nHVAD KAN DU FÅ TILSKUD TIL?\n\n"
        "Aktivitetstilskud er et tilskud, som foreninger kan søge til de grundlæggende omkostninger ved foreningens virksomhed.\n"
    )
    assert "Frivillig forening" not in _headings_of(text)
    assert "HVAD KAN DU FÅ TILSKUD TIL?" in _headings_of(text)


def test_a_question_directly_over_its_answer_is_a_heading_a_question_to_the_reader_is_none():
    # made up in the style of pools' pages that print each question right over its answer
    text = (
        "Puljen til lokale aktiviteter\n\nPuljen støtter aktiviteter, der samler borgere på tværs af alder og baggrund.\n\n"
        "Hvem kan søge?\nOrganisationer, foreninger og privatpersoner i kommunen.\n\n"
        "Hvornår?\nFørste ansøgningsfrist er 15. september 2025.\n\n"
        "Hvor meget?\nDer kan søges om op til 50.000 kr. pr. aktivitet.\n\n"
        "Er du mellem 13 og 25 år?\nSå kan du også søge puljen til unges egne projekter.\n"
    )
    src = read_text_source(Path("pulje.txt"), text.encode("utf-8"))
    assert [s.heading for s in find_sections(src) if s.heading] == ["Hvem kan søge?", "Hvornår?", "Hvor meget?"]


def test_a_question_under_a_page_title_with_no_blank_line_is_a_heading():
    """A pool's page prints its name, then its first question right under it and over its answer
    ("Bosætningspuljen" over "Hvad er bosætningspuljen?", a pool's page; the second made up in that
    style): the question heads its answer, the name above is the page's title."""
    for text, question in [
        (
            "Bosætningspuljen\nHvad er bosætningspuljen?\nBosætningspuljen har til formål at give mulighed for at "
            "igangsætte initiativer.\n\nAnsøgninger behandles i udvalget.\n",
            "Hvad er bosætningspuljen?",
        ),
        (
            "Indledning\n\nKommunen har flere puljer.\n\nLandsbypuljen\nHvem kan søge?\nLokalråd og foreninger i "
            "landsbyerne kan søge om tilskud til projekter.\n",
            "Hvem kan søge?",
        ),
        # the question in capitals, as another pool page of the same site prints it
        (
            "Kulturpuljen\nHVAD ER KULTURPULJEN?\nKulturpuljen har til formål at støtte et bredt udbud af "
            "kulturaktiviteter i kommunen.\n\nAnsøgninger behandles løbende.\n",
            "HVAD ER KULTURPULJEN?",
        ),
        (
            "Indledning\n\nKommunen har flere puljer.\n\nHVEM KAN SØGE?\nForeninger og lokalråd i kommunen kan søge.\n",
            "HVEM KAN SØGE?",
        ),
    ]:
        src = read_text_source(Path("pulje.txt"), text.encode("utf-8"))
        assert question in [s.heading for s in find_sections(src)]
    # a question to the reader without a question word is none
    text = "Ungepuljen\nEr du mellem 13 og 25 år?\nSå kan du søge puljen til unges egne projekter.\n"
    src = read_text_source(Path("pulje.txt"), text.encode("utf-8"))
    assert "Er du mellem 13 og 25 år?" not in [s.heading for s in find_sections(src)]


def test_a_line_of_two_sentences_is_running_text_not_a_line_of_a_list():
    """A pool's page whose paragraph holds two sentences, its last stop left out: its short
    headings over it and after it are no list of short lines (a pool's page, made up in its style)."""
    text = (
        "Puljen til udvikling\n\nPuljen støtter nye aktiviteter i foreningerne i hele kommunen.\n\n"
        "Sådan søger du\n\nBenyt vores nye elektroniske ansøgningsskema til puljen. Find link til skemaet "
        "under puljens navn på kommunens hjemmeside\n\nAnsøgningsfrist\n\nAnsøgningsfristen er 15. december.\n"
    )
    src = read_text_source(Path("pulje.txt"), text.encode("utf-8"))
    assert [s.heading for s in find_sections(src) if s.heading] == ["Sådan søger du", "Ansøgningsfrist"]
    # a title of two sentences stays the title
    text = "Kontrol med sociale ydelser. Årsrapport 2024 og forslag til business case\n\nSagen handler om kontrol.\n"
    src = read_text_source(Path("sag.txt"), text.encode("utf-8"))
    assert find_title(src)[1] == "Kontrol med sociale ydelser. Årsrapport 2024 og forslag til business case"


def test_a_list_of_press_releases_has_each_headline_over_its_date_as_a_heading():
    """A municipality's list of press releases prints each headline over its date in figures and then
    the item's text (made up in that style): the headlines are headings, the dates none."""
    text = (
        "Kommunens pressemeddelelser\n\nDen nordiske kultur fejret\n\n29.08.2019\n\nLørdag den 24. august blev kulturdagen afholdt for "
        "første gang i kommunen, og mange kom forbi.\n\nHjælpemiddeldepotet får ny adresse\n\n12.08.2019\n\n"
        "Et nyindrettet hjælpemiddeldepot bliver snart taget i brug på Materialegården i byen.\n"
    )
    src = read_text_source(Path("nyheder.txt"), text.encode("utf-8"))
    assert [s.heading for s in find_sections(src) if s.heading] == [
        "Den nordiske kultur fejret",
        "Hjælpemiddeldepotet får ny adresse",
    ]


@pytest.mark.parametrize("example", RULES.contents_examples, ids=[e["text"][:40] for e in RULES.contents_examples])
def test_contents_list_examples(example):
    assert len(contents_entries(example["text"], RULES)) == example["entries"]


def test_a_table_of_contents_without_leaders_gives_no_headings():
    """A budget agreement's contents, each line ending in its page (as one municipality's PDF saved as
    text prints it): its lines are no headings; the parts they name further on are."""
    text = (
        "Budgetaftale 2024-2027\n\nIndholdsfortegnelse\n1. Udgangspunktet for budgetaftalen 1\n"
        "2. Det økonomiske udgangspunkt 2\n3. Budget 2024-2027 i hovedtal 4\n\n"
        "1. Udgangspunktet for budgetaftalen\nByrådet har over en årrække haft et øget fokus på bosætning.\n\n"
        "2. Det økonomiske udgangspunkt\nKommunens økonomi er sund, og kassebeholdningen er stabil.\n"
    )
    src = read_text_source(Path("aftale.txt"), text.encode())
    headings = [s.heading for s in find_sections(src) if s.heading]
    assert headings == ["Indholdsfortegnelse", "Udgangspunktet for budgetaftalen", "Det økonomiske udgangspunkt"]


def test_a_programmes_items_by_the_hour_are_no_headings_its_label_is():
    """A citizens' meeting's programme ("PROGRAM" over "Kl. 19.00 Velkommen …", "Kl. 20.10 Pause"; made up
    in the style of a municipality's invitation): the label heads the programme, its hours are its lines."""
    text = (
        "Borgermøde om ny svømmehal\n\nKommunen inviterer til borgermøde om den nye svømmehal.\n\nPROGRAM\n\n"
        "Kl. 19.00 Velkommen v/ Anne Holm\n\n"
        "Kl. 19.10 Kort orientering om budgettet, de overordnede målsætninger og tidsplanen for projektet v/ direktøren\n\n"
        "Kl. 20.10 Pause\n\nKl. 20.55 Afrunding og tak for i dag v/ udvalgsformanden og direktøren\n"
    )
    assert _headings_of(text) == ["PROGRAM"]


def test_a_sentence_naming_the_following_items_of_its_list_is_no_heading():
    """ "… opererer med følgende byroller:" over its list (a municipal plan's guidelines; made up in their
    style) leads in to the list: no heading; the guideline's numbered heading above it is one."""
    text = (
        "Offentlige formål\n\nRetningslinjerne gælder for hele kommunen.\n\n"
        "OM. 2 Placering og byroller\n\nPlacering af institutioner sker med afsæt i byrollerne.\n\n"
        "Kommunens kommuneplan opererer med følgende byroller:\n\n"
        " • Hovedby: Esbjerg\n • Kommuneby: Ribe og Bramming\n • Landsby (landzone)\n\n"
        "Byrollerne har betydning for, hvor kommunen placerer institutioner.\n"
    )
    assert _headings_of(text) == ["OM. 2 Placering og byroller"]
