"""Money amounts: Danish number forms, what is and is not money, years, per year and kind."""

from __future__ import annotations

import pytest
from conftest import RULES as ALL_RULES
from conftest import extract_text

from extract.extractors import amounts as amount_rules
from extract.extractors.amount_frames import frame_in_label
from extract.extractors.amount_periods import label_years
from extract.extractors.amount_tables import unit_factor
from extract.extractors.amounts import find_amounts, find_mentions
from extract.extractors.numbers import parse_danish_number
from extract.rules import RULES_DIR
from extract.structure.sentences import sentence_spans

RULES = ALL_RULES["amounts.yml"]


def amounts(text: str):
    return find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES)


def parse_danish_amount(text: str):
    return amount_rules.parse_danish_amount(text, RULES)


def parse_danish_amount_strict(text: str):
    return amount_rules.parse_danish_amount_strict(text, RULES)


@pytest.mark.parametrize(
    "written,value",
    [
        ("26.898.526", 26898526),
        ("4,0", 4.0),
        ("0,032", 0.032),
        ("1.931", 1931),
        ("14,530", 14.53),
        ("1\u00a0234\u00a0567", 1234567),
        ("375.000", 375000),
        ("12", 12),
        ("abc", None),
        ("", None),
    ],
)
def test_danish_numbers(written, value):
    assert parse_danish_number(written) == value


@pytest.mark.parametrize(
    "written,value",
    [
        ("4,0 mio. kr.", 4000000),
        ("0,032 mio. kr.", 32000),
        ("26.898.526 kr.", 26898526),
        ("300 mill. kr.", 300000000),
        ("14 millioner", 14000000),
        ("kr.12,5 mill.", 12500000),
        ("12,5 mio.kr.", 12500000),
        ("3 mia. kr.", 3000000000),
        ("500 t.kr.", 500000),
        ("4.0 mio. kr.", 4000000),
        ("1\u00a0234\u00a0567 kr.", 1234567),
        ("2,5\u00a0mio.\u00a0kr.", 2500000),
        ("10 millioner kroner", 10000000),
        ("6 mio.", 6000000),
        ("100.000 kroner", 100000),
    ],
)
def test_amount_forms(written, value):
    assert parse_danish_amount(written) == value
    assert parse_danish_amount_strict(written) == value


@pytest.mark.parametrize(
    "text",
    [
        "De nævnte målgrupper skønnes at udgøre 25 % af akademikerne.",
        "Det er en stigning på 33 pct. i forhold til 2012.",
        "Der er som udgangspunkt en forventning om, at der er ca. 400 borgere i målgruppen i 2012.",
        "Jobbanken skal sikre den løbende besættelse af 1.800 offentlige helårsløntilskudspladser.",
        "Sagsnr. 2011-176323, Dokumentnr. 2012-751888",
        "Det forventes at ville medføre 3.600 jobklubforløb i 2013.",
        "Under 30 år\t648\t519\t495\t194\t75\t1.931\t33 %",
        "Ring på 33 66 33 66 eller se BIU 25.06.12, punkt 6.",
        "Budgettet for 2013 blev vedtaget i Budget 2013-forhandlingerne.",
        "København har ca. 1,5 mio. indbyggere.",
    ],
)
def test_what_is_not_money(text):
    assert amounts(text) == []


def test_strict_parse_names_the_text():
    with pytest.raises(ValueError, match="'25 pct.'"):
        parse_danish_amount_strict("25 pct.")
    assert parse_danish_amount("25 pct.") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "I budgetaftalen for 2013 er afsat 4,0 mio. kr. årligt til drift i perioden fra 2013-16.",
            [(4000000, 2013, 2016, True, "drift")],
        ),
        (
            "I 2014-16 er der årligt afsat 2,0 mio. kr. til drift og 4,0 mio. kr. til indsats til AC-pakken.",
            [(2000000, 2014, 2016, True, "drift"), (4000000, 2014, 2016, True, "indsats")],
        ),
        (
            "Der afsættes derfor 2,7 mio. kr. i drift i 2013 og 3,5 mio. kr. årligt i drift i 2014-2016.",
            [(2700000, 2013, 2013, False, "drift"), (3500000, 2014, 2016, True, "drift")],
        ),
        (
            "kompenseret med indsatsmidler svarende til 57,6 mio. kr. årligt fra 2013 og frem.",
            [(57600000, 2013, None, True, "indsats")],
        ),
        (
            "afsat indsatsmidler svarende til 12 mio. kr. i 2013 og 7,0 mio. kr. årligt i 2014-16.",
            [(12000000, 2013, 2013, False, "indsats"), (7000000, 2014, 2016, True, "indsats")],
        ),
        (
            "at søge om finansiering på 6 mio. til drift og 20,4 mio. kr. til indsats årligt til en ekstra indsats.",
            [(6000000, None, None, True, "drift"), (20400000, None, None, True, "indsats")],
        ),
        (
            "afsat 1,1 mio. kr. drift årligt fra 2013 til og med 2016 og 2 mio. kr. i indsatsmidler i 2013.",
            [(1100000, 2013, 2016, True, "drift"), (2000000, 2013, 2013, False, "indsats")],
        ),
        (
            "I 2007 er udmeldt midler til Jobcenter og Beskæftigelsescentre på i alt 14,530 mill. kr., svarende til 93 jobkonsulenter.",
            [(14530000, 2007, 2007, False, None)],
        ),
        ("Projektet har en årlig udgift på 2,3 mio. kr.", [(2300000, None, None, True, None)]),
        (
            "Med små lån (5.000 – 50.000) sættes et mindre antal borgere i stand til selvforsørgelse.",
            [(5000, None, None, False, None), (50000, None, None, False, None)],
        ),
        (
            "Første del af omlægningen blev aftalt i Budget 2016, hvor den virksomhedsrettede indsats blev styrket "
            "med 120 mio. kr. over fire år (30 mio. kr. årligt).",
            [(120000000, None, None, False, None), (30000000, None, None, True, None)],
        ),
        (
            "Andet led blev besluttet med Budget 2019, hvor yderligere 80 mio. kr. over tre år (2019-2021) blev flyttet.",
            [(80000000, 2019, 2021, False, None)],
        ),
        # drift with the prefix of a net sum, as anlæg has it ("nettoanlægsudgifter")
        ("Nettodriftsudgifter inkl. refusioner udgør 3.489,8 mio. kr.", [(3489800000, None, None, False, "drift")]),
        # made up in the genre's words: the works of the anlæg budget
        ("Anlægsarbejdet forventes at koste 2,3 mio. kr. i 2026.", [(2300000, 2026, 2026, False, "anlæg")]),
        # building works name no budget frame: the kind is the frame the text names (readers
        # leave such sums without one)
        ("Udgiften til renovering vil medføre en udgift på ca. 400.000 kr.", [(400000, None, None, False, None)]),
    ],
)
def test_years_per_year_and_kind_tied_to_each_amount(text, expected):
    got = [(a.value_dkk, a.year_from, a.year_to, a.per_year, a.kind) for a in amounts(text)]
    assert got == expected


def test_every_amount_quotes_its_text_and_sentence():
    text = "Overskrift\n\nDer afsættes 35 mio. kr. i 2013 og 12 mio. kr. i 2014. Dette skal tænkes ind."
    found = amounts(text)
    assert [a.quote for a in found] == ["35 mio. kr.", "12 mio. kr."]
    for a in found:
        assert text[a.char_start : a.char_end] == a.quote
        assert a.sentence == "Der afsættes 35 mio. kr. i 2013 og 12 mio. kr. i 2014."


FORM_EXAMPLES = [(rule.id, ex) for rule in RULES.forms for ex in rule.examples]


@pytest.mark.parametrize("rule_id,example", FORM_EXAMPLES, ids=[f"{r}:{e['text'][:30]}" for r, e in FORM_EXAMPLES])
def test_form_rule_examples(rule_id, example):
    mentions = find_mentions(example["text"], RULES)
    got = [[m_text(example["text"], m), m.value] for m in mentions]
    assert got == [list(x) for x in example["amounts"]]
    rules = [m.rule for m in mentions]
    last_by = example.get("last_by")  # a list's last sum, read by the rule of a sum alone
    assert all(r == rule_id for r in (rules[:-1] if last_by else rules))
    assert not rules or rules[-1] == (last_by or rule_id)


def m_text(text, m):
    return text[m.start : m.end]


PERIOD_EXAMPLES = [(rule, ex) for rule in RULES.periods for ex in rule.examples]


@pytest.mark.parametrize("rule,example", PERIOD_EXAMPLES, ids=[f"{r.id}:{e['text'][:30]}" for r, e in PERIOD_EXAMPLES])
def test_period_rule_examples(rule, example):
    """Each example gives its years; one with ``years: null`` shows what the rule leaves out."""
    if example["years"] is not None:
        assert rule.pattern.search(example["text"]), f"{rule.id} does not match its example"
    (a, *_rest) = amounts(example["text"])
    assert [a.year_from, a.year_to] == (example["years"] or [None, None])
    if "per_year" in example:
        assert a.per_year == example["per_year"]


RELATIVE_EXAMPLES = [(rule, ex) for rule in RULES.relative_periods for ex in rule.examples]


@pytest.mark.parametrize(
    "rule,example", RELATIVE_EXAMPLES, ids=[f"{r.id}:{e['text'][:30]}" for r, e in RELATIVE_EXAMPLES]
)
def test_relative_period_examples(rule, example):
    """A year named relative to the document's date: that year plus the rule's offset; an
    amount in the example takes it. ``years: null`` shows what the rule leaves out."""
    found = rule.pattern.search(example["text"])
    if example["years"] is None:
        assert found is None, f"{rule.id} matches {found.group()!r}"
        return
    assert found and int(example["date"][:4]) + rule.offset == example["years"][0]
    text = example["text"]
    money = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, date=example["date"])
    assert all([a.year_from, a.year_to] == example["years"] for a in money)


def test_a_relative_year_needs_the_documents_date():
    text = "Der forventes et merforbrug på 2,5 mio. kr. i indeværende år og 1,0 mio. kr. næste år."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    dated = find_amounts(text, spans, RULES, date="2024-05-01")
    assert [(a.year_from, a.year_to) for a in dated] == [(2024, 2024), (2025, 2025)]
    assert [(a.year_from, a.year_to) for a in amounts(text)] == [(None, None), (None, None)]


KIND_EXAMPLES = [(rule, ex) for rule in RULES.kinds for ex in rule.examples]


@pytest.mark.parametrize("rule,example", KIND_EXAMPLES, ids=[f"{r.id}:{e['text'][:30]}" for r, e in KIND_EXAMPLES])
def test_kind_rule_examples(rule, example):
    found = amounts(example["text"])
    assert found and all(a.kind == example["kind"] for a in found)


def test_scale_rule_examples():
    import yaml

    data = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))
    for entry, scale in zip(data["scales"], RULES.scales):
        for example in entry["examples"]:
            value = parse_danish_amount(example)
            assert value is not None and value >= scale.factor, (scale.id, example)


FRAME_EXAMPLES = [(frame, ex) for frame in RULES.frames for ex in frame.examples]


@pytest.mark.parametrize("frame,example", FRAME_EXAMPLES, ids=[f"{f.id}:{e[:30]}" for f, e in FRAME_EXAMPLES])
def test_frame_rule_examples(frame, example):
    assert frame_in_label(example, RULES) == frame.kind


HEADING_EXAMPLES = [ex for rule in RULES.heading_periods for ex in rule.examples]


@pytest.mark.parametrize("example", HEADING_EXAMPLES, ids=[e["text"][:30] for e in HEADING_EXAMPLES])
def test_heading_period_examples(example):
    expected = tuple(example["years"]) if example["years"] else None
    assert label_years(example["text"], RULES) == expected


UNIT_EXAMPLES = [(unit, ex) for unit in RULES.table_units for ex in unit.examples]


@pytest.mark.parametrize("unit,example", UNIT_EXAMPLES, ids=[f"{u.id}:{e[:30]}" for u, e in UNIT_EXAMPLES])
def test_table_unit_examples_name_a_unit_and_are_no_amount(unit, example):
    assert unit_factor(example, RULES) == unit.factor
    assert amounts(example) == []


CURRENCY_EXAMPLES = [(c, ex) for c in RULES.currencies for ex in c.examples]


@pytest.mark.parametrize("currency,example", CURRENCY_EXAMPLES, ids=[f"{c.code}:{e}" for c, e in CURRENCY_EXAMPLES])
def test_other_currencies_are_recorded_with_their_code_and_no_kroner(currency, example):
    (a,) = amounts(f"Prisen er {example} i alt.")
    assert (a.quote, a.currency, a.value_dkk) == (example, currency.code, None)


@pytest.mark.parametrize(
    "text",
    ["Museet havde 4,2 mio. besøg i 2023.", "Regionen har 1,1 millioner borgere.", "Der er 1.200 pladser i alt."],
)
def test_counts_of_other_things_are_not_money(text):
    assert amounts(text) == []


def test_kroner_are_dkk():
    (a,) = amounts("Der er afsat 3 ½ mio. kr. til formålet.")
    assert (a.value_dkk, a.currency) == (3500000, "DKK")


def test_frame_of_the_clause_beats_the_shared_kind_of_a_coordinated_amount():
    text = (
        "Det samlede merforbrug er sammensat af et merforbrug på 35,7 mio. kr. på service og "
        "mindreudgifter på -22,5 mio. kr. uden for servicerammen."
    )
    assert [a.kind for a in amounts(text)] == ["service", "overførsler"]


def test_heading_gives_kind_and_years_unless_the_sentence_names_a_year():
    from extract.records import Section

    text = "Anlæg 2025\n\nDer forventes et mindreforbrug på 4,9 mio. kr.\n\nAftalt i Budget 2016 med 120 mio. kr."
    sections = [Section(0, 1, "Anlæg 2025", "other", None, 0, len(text), body_start=11)]
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, sections)
    assert [(a.kind, a.year_from) for a in found] == [("anlæg", 2025), ("anlæg", None)]


def test_title_year_examples():
    """The rule's examples: the one year a title names, none for a span."""
    import yaml

    from extract.extractors.amount_document_years import title_budget_year, title_year

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["title_year"]["examples"]
    assert len(examples) >= 4
    for ex in examples:
        got = title_year(ex["title"], RULES) or title_budget_year(ex["title"], RULES)
        assert (list(got) if got else None) == ex["years"], ex["title"]


def test_a_budget_title_gives_its_budget_year_to_sums_that_name_none_not_to_yearly_ones():
    # made up in the genre's words: a budget proposal for the first reading
    title = "Budgetforslag for 2026 og overslagsårene 2027-2029 til 1. behandling"
    text = "Udskrivningsgrundlaget er på 4.812,6 mio. kr. Driften nedbringes med 175.000 kr. årligt."
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), title)
    assert [(a.year_from, a.year_to) for a in found] == [(2026, 2026), (None, None)]


def test_a_yearly_sum_does_not_take_the_one_year_of_its_documents_title():
    # a dev corpus sentence under its item's title: a yearly saving is every year's
    text = "Hvis det bliver muligt, forventes en årlig driftsbesparelse på maksimalt 30.000 kr."
    found = find_amounts(
        text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), "Klimapulje 2024 - udmøntning"
    )
    assert [(a.year_from, a.year_to, a.per_year) for a in found] == [(None, None, True)]


def test_a_yearly_sum_in_a_report_on_one_year_takes_its_year():
    # made-up, in the style of a budget follow-up: a yearly expense there is the year's
    text = "Merforbruget skyldes en årlig udgift på 1,2 mio. kr. til licenser."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Budgetopfølgning 2 (2024)", "2024-09-25")
    assert [(a.year_from, a.year_to, a.per_year) for a in found] == [(2024, 2024, True)]
    # ... but a dev corpus sentence looking ahead under a follow-up's title: the saving runs on
    text = "Indfrielsen af den samlede restgæld på 57,6 mio. kr. vil medføre en årlig besparelse på renter og afdrag på 2,7 mio. kr."
    found = find_amounts(
        text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), "Budgetopfølgning 0 for 2023"
    )
    assert [(a.year_from, a.per_year) for a in found][-1] == (None, True)


def test_a_sum_over_the_whole_budget_period_takes_no_budget_year_of_the_title():
    # made-up, in the style of a budget book: a project's total over the period
    text = "Anlægsprojektet koster i alt 20 mio. kr. fordelt over budgetperioden."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Budget 2025 og budgetoverslag 2026-2028", "2024-10-02")
    assert [(a.year_from, a.year_to) for a in found] == [(None, None)]
    # ... while a sum naming no year nor the whole period is the budget year's
    text = "Til legepladser afsættes 1,5 mio. kr."
    found = find_amounts(
        text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), "Budget 2025 og budgetoverslag 2026-2028"
    )
    assert [(a.year_from, a.year_to) for a in found] == [(2025, 2025)]


def test_an_amount_without_years_takes_the_one_year_of_its_documents_title():
    text = "Indenfor servicerammen forventes der samlet mindreudgifter på -1,1 mio. kr."
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), "Budgetopfølgning 2 (2024)")
    assert [(a.year_from, a.year_to) for a in found] == [(2024, 2024)]
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), "Budget 2025-28")
    assert [(a.year_from, a.year_to) for a in found] == [(None, None)]


def test_a_carry_over_items_amounts_take_the_year_the_money_moves_to():
    text = "Overførslerne på anlæg udgør netto 56,8 mio. kr.\n\nDer fremrykkes 2,1 mio. kr. fra 2025 til 2024."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Drifts- og anlægsoverførsler 2023-2024")
    assert [(a.year_from, a.year_to) for a in found] == [(2024, 2024), (2024, 2024)]
    found = find_amounts(text, spans, RULES, (), "Budget 2025-28")
    assert [(a.year_from, a.year_to) for a in found] == [(None, None), (2024, 2024)]


def test_a_sentence_naming_only_its_titles_year_keeps_that_year_for_its_other_amounts():
    text = "Udfordringen er 28,2 mio. kr. i 2023, der dog delvist modgås af et forventet mindreforbrug som følge af et nyt udbud på 8,7 mio. kr."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Budgetopfølgning 0 for 2023")
    assert [(a.year_from, a.year_to) for a in found] == [(2023, 2023), (2023, 2023)]
    found = find_amounts(text, spans, RULES, (), "Budgetopfølgning 0 for 2024")
    assert [(a.year_from, a.year_to) for a in found] == [(2023, 2023), (None, None)]


def test_a_row_naming_taxes_or_the_result_takes_no_frame_from_its_groups_total():
    text = (
        "Tabel 1 (mio. kr.)\tBudget\tRegnskab\n"
        "Skatter, tilskud og udligning\t-3.606,7\t-3.685,3\n"
        "Anlæg ekskl. køb og salg\t123,4\t151,5\n"
        "Anlæg i alt\t118,7\t151,4\n"
        "Kassetræk eksl. finansforskydninger\t38,9\t87,3\n"
        "Deponeringer, netto\t37,7\t0,5\n"
    )
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES)
    kinds = {a.quote: a.kind for a in found}
    assert kinds["3.606,7"] is None and kinds["123,4"] == "anlæg" and kinds["118,7"] == "anlæg"
    assert kinds["38,9"] is None and kinds["37,7"] == "finansposter"


def test_a_money_noun_ending_a_row_label_leaves_the_cell_to_the_tables_unit():
    text = "Finansiering (1.000 kr.)\tBudget\tRegnskab\nAfdrag på lån\t55.798\t55.462\n"
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES)
    assert [(a.quote, a.value_dkk, a.kind) for a in found] == [
        ("55.798", 55798000, "finansposter"),
        ("55.462", 55462000, "finansposter"),
    ]


def test_a_frame_a_caption_names_as_a_part_is_its_columns_not_the_tables():
    text = (
        "Tabel 2. Forventet merforbrug, heraf serviceramme og indstillede tillægsbevillinger\n\n"
        "Mio. kr.\tIndmelding\tHeraf serviceramme\n"
        "Ældreområdet\t5,0\t4,0\n"
    )
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES)
    assert [(a.quote, a.kind) for a in found] == [("5,0", None), ("4,0", "service")]


def test_document_budget_year_examples():
    """The rule's examples: the one budget year a text names, none for two or a span."""
    import yaml

    from extract.extractors.amount_document_years import document_year

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["document_budget_year"]
    assert len(examples["examples"]) >= 3
    for ex in examples["examples"]:
        got = document_year(ex["text"], RULES, ex.get("date", "2030-01-01"))
        assert (list(got) if got else None) == ex["years"], ex["text"]


def test_a_coming_budget_agreement_named_in_the_spring_gives_no_year():
    # made up in the genre's words: the agreement for 2027 is still to be made in March 2026, so
    # the year-less amount is no 2027 money; in the autumn the agreed budget's it is
    text = "Forslaget kan indgå i budgetaftalen for 2027. Der er afsat 1 mio. kr."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Forslag om legepladser", "2026-03-01")
    assert [(a.year_from, a.year_to) for a in found] == [(None, None)]
    found = find_amounts(text, spans, RULES, (), "Forslag om legepladser", "2026-11-20")
    assert [(a.year_from, a.year_to) for a in found] == [(2027, 2027)]


def test_an_amount_with_no_year_anywhere_takes_the_one_budget_year_its_document_names_if_begun():
    # (a second sentence that points back, "Der resterer 12,5 mio. kr.", would take 2022 from the first)
    text = "I investeringsoversigten er der i budget 2022 afsat 13 mio. kr.\n\nTagprojektet koster 12,5 mio. kr."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Frigivelse af midler fra puljen", "2022-01-17")
    assert [(a.year_from, a.year_to) for a in found] == [(2022, 2022), (2022, 2022)]
    # the sum written beside "i budget 2022" is that budget's whatever the date; the other
    # takes the document's budget year only once that year has begun
    found = find_amounts(text, spans, RULES, (), "Frigivelse af midler fra puljen", "2021-09-01")
    assert [(a.year_from, a.year_to) for a in found] == [(2022, 2022), (None, None)]
    assert [a.year_from for a in find_amounts(text, spans, RULES, (), None, None)] == [2022, None]


def test_a_table_row_naming_its_year_gives_its_cells_that_year():
    text = "Likviditet (mio. kr.)\tBeløb\nRegnskab 2023 - Urealiseret kursgevinst\t21,8\nDisponibelt beløb ultimo 2027\t277,5\n"
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, (), "Budgetopfølgning 2 (2024)")
    assert [(a.quote, a.year_from, a.year_to) for a in found] == [("21,8", 2023, 2023), ("277,5", 2027, 2027)]


def test_an_amount_naming_no_frame_takes_the_one_frame_its_documents_title_names():
    # made up in the genre's words: an item granting an anlægsbevilling
    text = "Udgiften til projektet er 2,4 mio. kr.\n\nDer afsættes 0,2 mio. kr. til drift."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Anlægsbevilling til renovering af skolens tag")
    assert [a.kind for a in found] == ["anlæg", "drift"]
    found = find_amounts(text, spans, RULES, (), "Drifts- og anlægsoverførsler 2023-2024")
    assert [a.kind for a in found] == [None, "drift"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # made up in the genre's words: a year past a new clause is the next amount's
        ("I 2023 blev der brugt 1,8 mio. kr., og i 2024 forventes et forbrug på 2,1 mio. kr.", [2023, 2024]),
        ("I 2025 afsættes 1 mio. kr. og i 2026 2 mio. kr.", [2025, 2026]),
        # … but a year right after it is its own, and one after a plain "og" is shared
        ("Der afsættes 1 mio. kr. i 2025, 2 mio. kr. i 2026 og 3 mio. kr. i 2027.", [2025, 2026, 2027]),
        (
            "I budgetaftalen er afsat 1,1 mio. kr. årligt til drift og 0,7 mio. kr. årligt til indsats i 2013-14.",
            [2013, 2013],
        ),
    ],
)
def test_a_year_past_a_new_clause_belongs_to_the_next_amount(text, expected):
    assert [a.year_from for a in amounts(text)] == expected


def test_the_yearly_sum_named_before_it_is_per_year():
    # made up in the genre's words
    assert [a.per_year for a in amounts("Den årlige udgift er 120.000 kr.")] == [True]
    # the yearly noun further back than the words right before the sum (dev corpus sentences)
    for text in (
        "Indfrielsen af den samlede restgæld på 57,6 mio. kr. vil medføre en årlig besparelse på renter og afdrag på 2,7 mio. kr.",
        "Hvis det bliver muligt, forventes en årlig driftsbesparelse på maksimalt 30.000 kr.",
        "Det gennemsnitlige årlige provenu er brutto cirka 1,5 mio. kr.",
    ):
        assert amounts(text)[-1].per_year is True, text
    # ... and is that sum's only, not shared with a sum joined to it by "og"
    text = "Indfrielsen af den samlede restgæld på 57,6 mio. kr. vil medføre en årlig besparelse på renter og afdrag på 2,7 mio. kr."
    assert [a.per_year for a in amounts(text)] == [False, True]
    # a yearly noun after the sum is another sum's; a sum of a noun that is not yearly is not
    assert [a.per_year for a in amounts("Udgiften er 1,2 mio. kr., og en årlig besparelse følger.")] == [False]
    assert [a.per_year for a in amounts("Der er en samlet besparelse på renter og afdrag på 2,7 mio. kr.")] == [False]
    # made-up negatives in the genre's words: "årlig" before a noun that names no money, or a
    # clause of its own (a comma, "at", a verb) between the yearly noun and a one-off sum
    for text in (
        "Ud over det årlige tilskud er der givet et engangsbeløb på 300.000 kr.",
        "I stedet for den årlige pulje gives der nu et samlet beløb på 4 mio. kr.",
        "Den årlige rapport viser, at underskuddet var 3,2 mio. kr.",
        "Det årlige møde med foreningerne viste, at behovet er 800.000 kr.",
    ):
        assert [a.per_year for a in amounts(text)] == [False], text


def test_continues_before_examples():
    """The rule's examples: the second sentence's first amount takes the years and frame
    of the sentence before it."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["continues_before"]["examples"]
    assert len(examples) >= 3
    for ex in examples:
        text = ex["text"]
        second = sentence_spans(text, ALL_RULES["sentences.yml"])[1].start
        first = next(a for a in amounts(text) if a.char_start >= second)
        assert ([first.year_from, first.year_to], first.kind) == (ex["years"], ex["kind"]), text


@pytest.mark.parametrize(
    "text, kinds",
    [
        # made up in the words of budget news: savings named on two frames joined are neither's
        ("En række reduktioner på både drift og anlæg udgør i alt 38 mio. kr. i 2027.", [None]),
        ("Udvidelsesforslag på drift og anlæg koster i alt 4,0 mio. kr.", [None]),
        # a frame named after the joined ones is the amount's own
        ("Forslagene på drift og anlæg omfatter anlægsudgifter på 4,0 mio. kr.", ["anlæg"]),
        ("Besparelser på driften udgør 3,0 mio. kr.", ["drift"]),
        # made up after a follow-up's words: a frame named in a list of three parts of the budget
        ("Ændringen i forbruget vedr. drift, anlæg og finansiering udgør 17,0 mio. kr.", [None]),
        ("Mindreudgifterne på indtægter, refusion og drift udgør 0,5 mio. kr.", [None]),
        # a list of what is no part of the budget leaves the frame its own
        ("Udgifter til drift, vedligehold og rengøring udgør 2,0 mio. kr.", ["drift"]),
    ],
)
def test_two_frames_joined_in_a_clause_name_neither(text, kinds):
    assert [a.kind for a in amounts(text)] == kinds


@pytest.mark.parametrize(
    "label, kind",
    [
        # made up, in the words of a prognosis "opdelt på bevillingerne service, anlæg og overførsler"
        ("Tabel 1. Service, anlæg og overførsler (mio. kr.)", None),
        ("Tabel 2. Anlæg, indtægter og udgifter (1.000 kr.)", None),
        ("Tabel 3. Anlæg (mio. kr.)", "anlæg"),
    ],
)
def test_a_caption_listing_parts_of_the_budget_names_no_frame(label, kind):
    assert frame_in_label(label, RULES) == kind


def test_the_following_operating_costs_in_a_heading_name_no_frame():
    """Made up in the words of a committee's account: "afledt drift" beside the economy names the
    project's later running costs, not the frame of the sums under the heading."""
    assert frame_in_label("Økonomi og afledt drift", RULES) is None
    assert frame_in_label("Drift og vedligehold", RULES) == "drift"


@pytest.mark.parametrize(
    "text",
    [
        # made up in the words of an account: the joined frames hold against the frame of the title ...
        "Samlet for drift og anlæg er der et overskud på 2,0 mio. kr.",
        # ... and a sum joined by "og" to one under joined frames shares its none
        "Overskuddet er på 2,0 mio. kr. og 1,0 mio. kr. samlet for drift og anlæg i 2027 og 2028.",
    ],
)
def test_two_frames_joined_hold_against_a_frame_from_further_off(text):
    title = "Anlægsbevilling til ny skole"  # made up: a title naming one frame
    found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, title=title)
    assert found and [a.kind for a in found] == [None] * len(found)
    plain = text.replace("samlet for drift og anlæg ", "").replace("Samlet for drift og anlæg er der et", "Der er et")
    assert {
        a.kind for a in find_amounts(plain, sentence_spans(plain, ALL_RULES["sentences.yml"]), RULES, title=title)
    } == {"anlæg"}


def _rule_examples(key: str) -> list:
    import yaml

    return yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))[key]["examples"]


@pytest.mark.parametrize("ex", _rule_examples("year_label"), ids=lambda ex: ex["text"][:40])
def test_year_label_examples(ex):
    """The rule's examples: each amount takes the year that labels it right before it."""
    assert [[a.year_from, a.year_to] for a in amounts(ex["text"])] == ex["years"]


def test_restated_sum_examples():
    """The rule's examples: the last amount, a sum named again, takes the years of its
    value's other mentions only after the definite article and when they agree."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["restated_sum"]["examples"]
    assert len(examples) >= 3
    for ex in examples:
        last = amounts(ex["text"])[-1]
        assert [last.year_from, last.year_to] == ex["years"], ex["text"]


def test_a_sentence_that_does_not_point_back_takes_nothing_from_the_one_before():
    text = "Der er afsat 16,6 mio. kr. i Genopretningspuljen i 2023. Projektet koster 1,0 mio. kr."
    assert [a.year_from for a in amounts(text)] == [2023, None]


@pytest.mark.parametrize(
    "text",
    [
        # made up in the genre's words: the ways a yearly sum is written
        "Prisen er 500 kr./år pr. husstand.",
        "Udgiften er 1,2 mio. kr. pr. budgetår.",
        "Besparelsen har en helårseffekt på 0,4 mio. kr.",
        "Der afsættes 0,9 mio. kr. i hvert af årene 2026-2028.",
    ],
)
def test_ways_of_writing_a_yearly_sum(text):
    assert [a.per_year for a in amounts(text)] == [True]


def test_later_years_examples():
    """The rule's examples: each amount's years; the budget's later years follow the year
    of the amount before them."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["later_years"]["examples"]
    assert len(examples) >= 2
    for ex in examples:
        assert [[a.year_from, a.year_to] for a in amounts(ex["text"])] == ex["years"], ex["text"]


def test_respective_examples():
    """A list of sums "henholdsvis" as long as its span: each sum the year of its place."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["respective"]["examples"]
    assert len(examples) >= 2
    for ex in examples:
        assert [[a.year_from, a.year_to] for a in amounts(ex["text"])] == ex["years"], ex["text"]


def test_a_follow_up_gives_its_year_to_its_sums_but_not_to_a_yearly_one():
    # made up in the genre's words: minutes whose item names the follow-up's year in its text
    text = (
        "Forvaltningen foreslår, at 3. totalopfølgning 2021 godkendes.\n\n"
        "Der meddeles en negativ tillægsbevilling på 260.000 kr. vedr. udskudte vejprojekter.\n\n"
        "Der er afsat et årligt tilskud på 2,2 mio. kr. til foreningen."
    )
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Referat Byrådet", "2021-11-24")
    assert [(a.quote, a.year_from, a.year_to, a.per_year) for a in found] == [
        ("260.000 kr.", 2021, 2021, False),
        ("2,2 mio. kr.", None, None, True),
    ]


def test_list_lead_in_examples():
    """An entry's amount takes the frame the list's lead-in names, unless it names its own."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["list_lead_in"]["examples"]
    for ex in examples:
        assert [a.kind for a in amounts(ex["text"])] == ex["kinds"], ex["text"]


def test_a_list_entrys_amount_takes_the_years_its_lead_in_names_unless_it_names_its_own():
    # made up in the words of a budget proposal's summary
    text = (
        "Budgetforslaget for perioden 2025-2028 viser samlet følgende:\n"
        "- Et underskud på 12,0 mio. kr.\n"
        "- En likviditet på mindst 80 mio. kr. i hele perioden.\n"
        "- Servicerammen overskrides med 4,1 mio. kr. i 2025.\n"
    )
    assert [(a.quote, a.year_from, a.year_to) for a in amounts(text)] == [
        ("12,0 mio. kr.", 2025, 2028),
        ("80 mio. kr.", 2025, 2028),
        ("4,1 mio. kr.", 2025, 2025),
    ]
    # a lead-in naming no years gives none; a line that is no lead-in gives none either
    text = "Udvalget indstiller følgende:\n- Et tilskud på 40.000 kr.\n"
    assert [(a.year_from, a.year_to) for a in amounts(text)] == [(None, None)]
    text = "Budget 2025-2028 blev vedtaget.\n- Et tilskud på 40.000 kr.\n"
    assert [(a.year_from, a.year_to) for a in amounts(text)] == [(None, None)]


def test_a_reports_year_stands_over_a_later_year_but_not_an_earlier_one():
    # dev corpus sentences (an account of 2024; a follow-up of 2023), under their titles
    text = "Grundskylden alene bidrager med merindtægter på 48,2 mio. kr., hvoraf 24,0 mio. kr. var indregnet i forhandlingen af budget 2025-28."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Afgivelse af årsregnskab 2024 til revisionen", "2025-04-09")
    assert (found[0].quote, found[0].year_from, found[0].year_to) == ("48,2 mio. kr.", 2024, 2024)
    text = "Kurserne faldt i løbet af 2022, og tabet kan blive på 60 mio. kr."
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, (), "Budgetopfølgning 0 for 2023", "2023-01-23")
    assert [(a.year_from, a.year_to) for a in found] == [(None, None)]


def test_in_minutes_of_several_items_a_follow_ups_year_stays_in_its_item():
    # made up in the genre's words: minutes of two items, a follow-up and a grant
    from extract.records import Section

    one = "1. Budgetopfølgning pr. 31. marts 2024\n\nBudgetopfølgning pr. 31. marts 2024 viser et mindreforbrug på 2,5 mio. kr.\n\n"
    two = "2. Tilskud til lufthavnen\n\nDer gives et tilskud på 1,2 mio. kr. til lufthavnen.\n"
    text = one + two
    sections = [
        Section(0, 1, "1. Budgetopfølgning pr. 31. marts 2024", "punkt", "1", 0, len(one)),
        Section(1, 1, "2. Tilskud til lufthavnen", "punkt", "2", len(one), len(text)),
    ]
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, sections, "Referat Økonomiudvalget", "2024-05-14")
    assert [(a.quote, a.year_from) for a in found] == [("2,5 mio. kr.", 2024), ("1,2 mio. kr.", None)]
    # read as one item, the follow-up's year is the whole text's
    found = find_amounts(text, spans, RULES, sections[:1], "Referat Økonomiudvalget", "2024-05-14")
    assert [(a.quote, a.year_from) for a in found] == [("2,5 mio. kr.", 2024), ("1,2 mio. kr.", 2024)]


def test_budget_span_words_examples():
    """Words naming the budget's years take the span of a budget's title, and none else."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["budget_span_words"]["examples"]
    for ex in examples:
        spans = sentence_spans(ex["text"], ALL_RULES["sentences.yml"])
        (a,) = find_amounts(ex["text"], spans, RULES, (), ex["title"], "2025-09-08")
        assert [a.year_from, a.year_to] == (ex["years"] or [None, None]), ex
        assert a.per_year == ex.get("per_year", True), ex


def test_a_short_line_heading_the_paragraphs_below_gives_them_its_frame():
    # made up, in the style of a budget follow-up whose sub-headings are plain lines
    text = (
        "Baggrund\nAlle fagudvalg behandler budgetopfølgningen.\n"
        "Status drift\nPå området er der et mindre forbrug på 4,5 mio. kr.\n\n"
        "Herudover ventes et merforbrug på sygeplejen på 1,6 mio. kr.\n"
        "Sygeplejen\nDer forventes et merforbrug på 0,8 mio. kr.\n"
    )
    assert [(a.quote, a.kind) for a in amounts(text)] == [
        ("4,5 mio. kr.", "drift"),
        ("1,6 mio. kr.", "drift"),
        ("0,8 mio. kr.", None),
    ]


def test_the_change_a_relative_clause_puts_beside_a_sum_shares_its_frame():
    # made up, in a budget follow-up's words
    found = amounts("Serviceudgifterne viser et merforbrug på 21,4 mio. kr., hvilket er en bedring på 6,5 mio. kr.")
    assert [(a.quote, a.kind) for a in found] == [("21,4 mio. kr.", "service"), ("6,5 mio. kr.", "service")]


def test_the_running_costs_a_project_brings_do_not_keep_an_item_from_being_about_building():
    # made up, in the words of a pool's item granting anlægsbevillinger
    grants = "Der meddeles anlægsbevilling og afsættes rådighedsbeløb til projektet. " * 5
    text = (
        grants + "Projektet giver en mulig årlig driftsbesparelse. " * 3 + "Udgiften forventes at udgøre 0,3 mio. kr."
    )
    assert [a.kind for a in amounts(text)] == ["anlæg"]


def test_a_carry_over_items_heading_gives_its_list_the_year_the_money_moves_to():
    # made up in the genre's words: minutes titled by the committee, the item heading naming
    # the carry-over, its indstilling a numbered list of sums without years
    from extract.records import Section

    head = "12. Overførsel af ikke forbrugte drifts- og anlægsmidler fra 2025 til 2026"
    text = head + "\n\nIndstilling\nDer gives bevilling til:\n1. Driftsoverførsler, i alt 1.082.799 kr.\n"
    sections = [Section(0, 1, head, "punkt", "12", 0, len(text))]
    spans = sentence_spans(text, ALL_RULES["sentences.yml"])
    found = find_amounts(text, spans, RULES, sections, "Referat Økonomiudvalget", "2026-03-23")
    assert [(a.quote, a.year_from, a.year_to) for a in found] == [("1.082.799 kr.", 2026, 2026)]


def test_an_accounts_result_of_the_years_running_names_no_frame():
    # the first from the dev corpus (an annual account); the second made up in the genre's words
    assert [a.kind for a in amounts("I regnskabet er der et driftsoverskud på 217,2 mio. kr. (jf. tabel 1).")] == [None]
    text = (
        "Budgettet regnede med et overskud af den ordinære driftsvirksomhed (skatter, tilskud, driftsudgifter "
        "og renter) på 61,3 mio. kr. Det faktiske resultat af ordinær driftsvirksomhed endte på 66,9 mio. kr."
    )
    assert [a.kind for a in amounts(text)] == [None, None]
    # made up in the genre's words: an institution's deficit is its running's, no account's result
    assert [a.kind for a in amounts("Svømmehallen har et driftsunderskud på 1,2 mio. kr. i 2024.")] == ["drift"]
    # the ordinary running before anlæg is still drift
    text = "et overskud på den ordinære drift (før anlæg og finansielle poster) på mindst 120 mio. kr."
    assert [a.kind for a in amounts(text)] == ["drift"]


def test_a_sentence_run_on_from_a_tables_rows_takes_no_frame_from_them():
    # made up in the genre's words: a web page's table of an account's main figures ("|" cells)
    # with no full stop before the paragraph under it
    text = (
        "Hovedtal | Budget 2024 | Regnskab 2024 |\n"
        "Renter | 9,9 | 7,5 |\n"
        "Kursregulering m.v. | 0,0 | -11,3 |\n"
        "Det oprindelige budget regnede med et overskud på 31,6 mio. kr. til kassen."
    )
    found = [a for a in amounts(text) if a.quote.endswith("kr.")]
    assert [(a.quote, a.kind) for a in found] == [("31,6 mio. kr.", None)]


def test_sentence_lead_frame_examples():
    """The rule's examples: a sentence opening with a frame gives its sums with no frame of
    their own that frame."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["sentence_lead_frame"][
        "examples"
    ]
    assert len(examples) >= 3
    for ex in examples:
        assert [a.kind for a in amounts(ex["text"])] == ex["kinds"], ex["text"]


def test_label_source_year_examples():
    """The rule's examples: a row label naming the year its money came from gives its cells no year."""
    import yaml

    from extract.extractors.amount_periods import row_label_years

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["label_source_year"]["examples"]
    assert any(ex["years"] is None for ex in examples) and any(ex["years"] for ex in examples)
    for ex in examples:
        assert row_label_years(ex["text"], RULES) == (tuple(ex["years"]) if ex["years"] else None), ex["text"]


def test_origin_year_examples():
    """The rule's examples: the year money came from ("overførsler fra 2024 på …") is no period
    of the sum, which takes the year of the report its title names."""
    import yaml

    examples = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))["origin_year"]["examples"]
    assert len(examples) >= 3
    for ex in examples:
        text = ex["text"]
        found = find_amounts(text, sentence_spans(text, ALL_RULES["sentences.yml"]), RULES, title=ex["title"])
        assert [found[-1].year_from, found[-1].year_to] == ex["years"], text


def test_frames_joined_states_each_word_list_once_and_checks_its_examples_on_load():
    import copy

    import yaml

    from extract.extractors.amount_rules import load_rules
    from extract.rules import RuleError

    data = yaml.safe_load((RULES_DIR / "amounts.yml").read_text(encoding="utf-8"))
    section = data["frames_joined"]
    for ex in section["examples"]:
        assert bool(RULES.frames_joined.search(ex["text"])) is ex["joined"], ex["text"]
    # a word added to a list reaches every shape: two joined and each place of a list of three
    grown = copy.deepcopy(data)
    grown["frames_joined"]["frames"].append("indsats")
    rules = load_rules(grown)
    for text in ("indsats og anlæg", "indsats, refusion og udgifter", "udgifter, indsats og refusion"):
        assert rules.frames_joined.search(text) and not RULES.frames_joined.search(text), text
    # an example the lists do not bear out, or a pattern for a word, is refused on load
    for field, value in (
        ("examples", [{"text": "drift, vedligehold og rengøring", "joined": True}]),
        ("parts", ["a b"]),
    ):
        broken = copy.deepcopy(data)
        broken["frames_joined"][field] = value
        with pytest.raises(RuleError):
            load_rules(broken)


def test_a_sum_ending_its_line_takes_no_year_of_the_next_line():
    """A sum's "kr." at a line's end before a capital ends the sentence as it does on one line:
    the next line's year is not the sum's (made up in the style of a follow-up's list)."""
    for gap in (" ", "\n"):
        text = f"Der er et mindreforbrug på 1,2 mio. kr.{gap}Det skyldes færre borgere i 2026 end ventet."
        spans = sentence_spans(text, ALL_RULES["sentences.yml"])
        assert len(spans) == 2, gap
        assert [(a.year_from, a.year_to) for a in amounts(text)] == [(None, None)], gap


def test_a_sum_in_words_with_its_scale_needs_no_kroner_but_a_count_of_people_is_none():
    """News of a budget writes its sums in words and leaves out kroner ("fem mio. til ældreområdet",
    "en halv million årligt", as three municipalities' budget news do): each is money, a yearly one
    yearly; "en million borgere", "fem millioner besøgende" count people (made up in that style)."""
    text = (
        "I runde tal er det fem mio. til ældreområdet og to mio. til skoler. "
        "Samtidig afsættes en halv million årligt til en tryghedsmedarbejder. "
        "Kommunen har en million borgere i tankerne og fem millioner besøgende.\n"
    )
    assert [(a.quote, a.value_dkk, bool(a.per_year)) for a in amounts(text)] == [
        ("fem mio.", 5_000_000, False),
        ("to mio.", 2_000_000, False),
        ("en halv million", 500_000, True),
    ]


def test_a_scale_word_inside_a_compound_names_no_sum():
    """ "millionbyer", "millionærer", "to millionbyer" (made up): the scale word is part of another word,
    no sum of money; "14 millioner" and "to millioner" stay sums."""
    assert amounts("Danmark har 2 millionbyer og 3 millionærer, og Aarhus er en af to millionbyer.\n") == []
    text = "Der blev overført 14 millioner og to millioner.\n"
    assert [(a.quote, a.value_dkk) for a in amounts(text)] == [
        ("14 millioner", 14_000_000),
        ("to millioner", 2_000_000),
    ]


def test_a_stop_slipped_in_before_the_scale_keeps_the_scale(tmp_path):
    """ "kr. 5. mio." (a committee's item on a saving; made up in its style) is five million kroner, not
    five kroner: the full stop before the scale is a slip."""
    found = extract_text("Udvalget skal finde en rammebesparelse på kr. 5. mio. i 2026.\n", tmp_path, "punkt.txt")
    assert [(a.quote, a.value_dkk) for a in found.amounts] == [("kr. 5. mio.", 5000000)]
