"""OCR repair of æ, ø, å: the rules' own examples, the corpus (clean documents untouched,
the OCR'd theme note repaired), offsets, the original text kept, and the database rows."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, RULES, SOURCES

from extract.pipeline import load_rule_file
from extract.read import lexicon as danish_lexicon
from extract.read import ocr, ocr_repair
from extract.read import ocr_repair as repair
from extract.read.lexicon import build_lexicon, lexicon_identity
from extract.read.normalise import normalise, repair_damage
from extract.read.ocr_repair_rules import all_examples
from extract.read.text import decode
from extract.read.text import read_text_source as read_text
from extract.rules import RULES_DIR, RuleError

REPAIR = RULES["ocr_repair.yml"]


def rules():
    return REPAIR


def repair_text(text, lexicon=None):
    return repair.repair_text(text, REPAIR, lexicon=lexicon)


def read_text_source(path, data):
    return read_text(path, data, REPAIR)


def repair_pages(text, starts, pages):
    ends = [*starts[1:], len(text)]
    return repair_damage(text, REPAIR, [(starts[n - 1], ends[n - 1]) for n in sorted(pages)])


THEME = SOURCES / "temaer-beskaeftigelsesaftale-2012.txt"
CLEAN = [p for p in CORPUS if p != THEME]
EXAMPLES = all_examples(rules())


def normalised_text(path: Path) -> str:
    return normalise(decode(path.read_bytes(), path.name)[0])


@pytest.fixture(scope="module")
def theme():
    original = normalised_text(THEME)
    return original, repair_text(original)


@pytest.mark.parametrize("rule,example", EXAMPLES, ids=[f"{r}:{e.damaged[:30]}" for r, e in EXAMPLES])
def test_rule_examples(rule, example):
    repaired = repair_text(example.damaged)
    assert repaired.text == example.repaired
    methods = " ".join(r.method for r in repaired.repairs)
    confusion = next((c for c in rules().confusions if c.id == rule), None)
    if confusion:  # the example shows this confusion at work
        assert f"{confusion.damaged}→" in methods, methods
    elif rule in ("compounds", "fuzzy"):
        assert rule.rstrip("s") in methods, methods
    elif rule == "abbreviations":
        assert repaired.repairs == ()
    elif rule not in ("prefer", "short_words"):  # a whole-word rule: each token it changed is a "word:" repair
        word = next(w for w in rules().words if w.id == rule)

        def count(text: str) -> int:
            return len(re.findall(rf"(?<!\S){re.escape(word.damaged)}(?!\S)", text))

        assert methods.count(f"word:{word.damaged}→") == count(example.damaged) - count(example.repaired), methods


# A typo of the source ("indvandrermodre" for "indvandrermødre", the ø lost as an OCR
# would lose it) is the one word of the clean documents that is not Danish and that a
# confusion makes Danish; everything else, every valid word, stays as it is.
SOURCE_TYPOS = {("status-beskaeftigelsesaftale-2009", "indvandrermodre", "indvandrermødre")}


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_the_clean_documents_are_left_as_they_are(path):
    repaired = repair_text(normalised_text(path))
    changed = {(path.stem, r.original, r.repaired) for r in repaired.repairs}
    assert changed <= SOURCE_TYPOS, sorted(changed - SOURCE_TYPOS)
    assert len(repaired.repairs) == len(changed)


@pytest.mark.parametrize(
    "word",
    [
        "vare",
        "bade",
        "far",
        "nar",
        "malet",
        "satte",
        "medes",
        "dér",
        "idéer",
        "BIF",
        "SMV’er",
        "AC'ere",
        "bydelsmor",
        "kernelementer",
        "Trostellet",
        "1",
        "e",
        "o",
    ],
)
def test_valid_words_names_acronyms_and_numbers_are_never_changed(word):
    repaired = repair_text(f"De ledige kebenhavnere pa kontanthjelp og {word} og hojere malgrupper.")
    assert repaired.text == f"De ledige københavnere på kontanthjælp og {word} og højere målgrupper."


# Damaged words of the theme note as read, with what the text means (checked by reading it).
THEME_WORDS = [
    ("KBENHAVNS", "KØBENHAVNS"),
    ("Kebenhavns", "Københavns"),
    ("Kgbenhavn", "København"),
    ("kebenhavnere", "københavnere"),
    ("malgrupper", "målgrupper"),
    ("sarlig", "særlig"),
    ("s@rlig", "særlig"),
    ("scerligt", "særligt"),
    ("stotte", "støtte"),
    ("sprogstette", "sprogstøtte"),
    ("P4", "På"),
    ("pd", "på"),
    ("pé", "på"),
    ("dreftet", "drøftet"),
    ("efterfolgende", "efterfølgende"),
    ("se@ttemoder", "sættemøder"),
    ("tilretteleegges", "tilrettelægges"),
    ("sammens&tningen", "sammensætningen"),
    ("hovedmaélgruppers", "hovedmålgruppers"),
    ("méilrettet", "målrettet"),
    ("heldrspersoner", "helårspersoner"),
    ("kontanthjcelpsmodtagere", "kontanthjælpsmodtagere"),
    ("ordinzre", "ordinære"),
    ("jobtraeningsforleb", "jobtræningsforløb"),
    ("eokonomiske", "økonomiske"),
    ("lgsninger", "løsninger"),
    ("selvbetjeningslasninger", "selvbetjeningsløsninger"),
    ("ger", "gør"),
    ("30-arige", "30-årige"),
    ("i1", "i"),
]


@pytest.mark.parametrize("damaged,meant", THEME_WORDS, ids=[d for d, _ in THEME_WORDS])
def test_damaged_words_of_the_theme_note_are_repaired(theme, damaged, meant):
    original, repaired = theme
    word = damaged.split("-")[-1]
    found = [r for r in repaired.repairs if r.original == word]
    assert found, f"{damaged!r} was not repaired"
    assert {r.repaired for r in found} == {meant.split("-")[-1]}


def test_one_for_i_between_words_in_the_theme_note(theme):
    original, repaired = theme
    assert "prioriteringerne i den samlede" in repaired.text and "Ledigheden i København" in repaired.text
    assert "TEMA 1:" in repaired.text and "(matchgruppe 1)" in repaired.text


def test_case_is_kept(theme):
    _, repaired = theme
    pairs = {(r.original, r.repaired) for r in repaired.repairs}
    assert {
        ("KBENHAVNS", "KØBENHAVNS"),
        ("Kebenhavns", "Københavns"),
        ("P4", "På"),
        ("Pa", "På"),
        ("Folgende", "Følgende"),
        ("pa", "på"),
    } <= pairs


def test_offsets_point_at_the_repaired_words(theme):
    original, repaired = theme
    assert len(repaired.repairs) > 200
    for r, (start, end) in zip(repaired.repairs, repaired.original_spans):
        assert repaired.text[r.char_start : r.char_end] == r.repaired
        assert original[start:end] == r.original
        assert repaired.map_offset(start) == r.char_start and repaired.map_offset(end) == r.char_end
    # outside the repaired words the two texts are the same
    pieces, pos = [], 0
    for r, (start, _) in zip(repaired.repairs, repaired.original_spans):
        pieces.append(repaired.text[repaired.map_offset(pos) : r.char_start])
        pos = start + len(r.original)
    rebuilt = (
        "".join(p + r.original for p, r in zip(pieces, repaired.repairs)) + repaired.text[repaired.map_offset(pos) :]
    )
    assert rebuilt == original


def test_the_theme_note_keeps_its_original_text_and_says_how_many_words_were_repaired(theme):
    original, repaired = theme
    src = read_text_source(THEME, THEME.read_bytes())
    assert src.ocr_damaged and src.original_text == original
    assert src.text == repaired.text and src.repairs == repaired.repairs
    assert f"{len(src.repairs)} words repaired (OCR damage to æ/ø/å)" in src.warnings
    assert "Københavns Kommune skal være kendt for at have Danmarks bedste" in src.text


def test_a_clean_text_is_read_without_loading_the_lexicon(monkeypatch):
    def no_lexicon():
        raise AssertionError("the lexicon was loaded for a clean text")

    monkeypatch.setattr(ocr_repair, "load_lexicon", no_lexicon)
    path = SOURCES / "jobkonsulenter-redegoerelse-2007.txt"
    src = read_text_source(path, path.read_bytes())
    assert src.original_text is None and src.repairs == ()


def test_only_the_given_pages_are_repaired_and_page_starts_follow():
    text = "Side et: vaesentligt for Kebenhavns\n\nSide to: Kebenhavns Kommune og malgrupper"
    starts = (0, text.index("Side to"))
    second = repair_pages(text, starts, [2])
    assert second.text == "Side et: vaesentligt for Kebenhavns\n\nSide to: Københavns Kommune og målgrupper"
    assert second.map_offset(starts[1]) == starts[1]
    both = repair_pages(text, starts, [1, 2])
    assert both.text.startswith("Side et: væsentligt for Københavns") and both.map_offset(starts[1]) == starts[1] - 1
    assert both.text[both.map_offset(starts[1]) :].startswith("Side to")
    assert repair_pages(text, starts, []).text == text


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def test_an_ocr_page_with_english_model_damage_is_repaired(monkeypatch):
    words = "Malgruppen er sarlig unge kontanthjelpsmodtagere i Kebenhavns Kommune".split()
    tsv = TSV_HEADER + "".join(
        f"5\t1\t1\t1\t1\t{i}\t{200 + 120 * i}\t400\t110\t40\t90\t{w}\n" for i, w in enumerate(words, start=1)
    )
    monkeypatch.setattr(ocr, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr, "ocr_pages", lambda images: {n: ocr.tsv_to_page(tsv, n, h) for n, _, h in images})
    from extract.read.pdf import read_pdf_source

    src = read_pdf_source(
        ROOT / "tests" / "fixtures" / "pdf" / "beskaeftigelsesplan-2022.scanned-p3.pdf", REPAIR, RULES["layout.yml"]
    )
    assert "Målgruppen er særlig unge kontanthjælpsmodtagere i Københavns Kommune" in src.text
    assert "Malgruppen er sarlig" in src.original_text
    assert [r.original for r in src.repairs] == ["Malgruppen", "sarlig", "kontanthjelpsmodtagere", "Kebenhavns"]
    assert all(
        src.page_at(r.char_start) == 1 and src.text[r.char_start : r.char_end] == r.repaired for r in src.repairs
    )
    assert "4 words repaired (OCR damage to æ/ø/å)" in src.warnings


def test_without_the_word_list_spacy_alone_and_a_warning_naming_the_package(tmp_path):
    lexicon = build_lexicon(tmp_path / "danish")
    assert "københavnere" in lexicon and len(lexicon) > 300_000
    assert lexicon.warnings and "apt-get install wdanish" in lexicon.warnings[0]
    assert repair_text("Kebenhavns Kommune og hojere malgrupper", lexicon=lexicon).warnings == lexicon.warnings


def test_the_word_list_counts_in_the_rules_hash(tmp_path, monkeypatch):
    from extract import pipeline

    words = tmp_path / "danish"
    words.write_text("københavn\n", encoding="utf-8")
    before = lexicon_identity(words)
    words.write_text("københavn\nkøbenhavns\n", encoding="utf-8")
    assert lexicon_identity(words) != before
    assert lexicon_identity(tmp_path / "missing") != before
    hashes = set()
    for identity in ("danish:1:1", "danish:2:2"):
        monkeypatch.setattr(pipeline, "lexicon_identity", lambda identity=identity: identity)
        hashes.add(pipeline.rules_hash(RULES))
    assert len(hashes) == 2


def test_the_lexicon_is_loaded_once():
    first = danish_lexicon.load_lexicon()
    assert danish_lexicon.load_lexicon() is first


@pytest.mark.parametrize(
    "old,new,named",
    [
        ("letters: [æ]\n", "letters: [ae]\n", ["ocr_repair.yml", "'ae'", "allowed values"]),
        ("min_score: 90", "min_score: 190", ["ocr_repair.yml", "fuzzy", "min_score", "100"]),
        ("    position: inside\n", "    position: middle\n", ["ocr_repair.yml", "'z'", "inside"]),
        ("  min_share: 0.02\n", "  min_share: 0.02\n  share: 1\n", ["ocr_repair.yml", "damaged_text", "allowed keys"]),
        (
            "  flag_page_confidence: 70\n",
            "  flag_page_confidence: 50\n",
            ["ocr_repair.yml", "flag_page_confidence", "60"],
        ),
    ],
)
def test_a_broken_rule_names_file_rule_and_allowed_values(tmp_path, old, new, named):
    text = (RULES_DIR / "ocr_repair.yml").read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "ocr_repair.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    for word in named:
        assert word in str(e.value)


def test_the_build_stores_the_repairs_and_the_original_text(built_db):
    con = sqlite3.connect(built_db)
    con.row_factory = sqlite3.Row
    doc = con.execute(
        "select id, warnings from documents where path like '%temaer-beskaeftigelsesaftale-2012.txt'"
    ).fetchone()
    text, original = con.execute("select text, original_text from texts where document_id = ?", [doc["id"]]).fetchone()
    rows = con.execute("select * from ocr_repairs where document_id = ? order by char_start", [doc["id"]]).fetchall()
    assert original == normalised_text(THEME) and text != original
    assert len(rows) > 200 and f"{len(rows)} words repaired (OCR damage to æ/ø/å)" in doc["warnings"]
    assert all(text[r["char_start"] : r["char_end"]] == r["repaired"] and r["page"] is None for r in rows)
    assert ("Kebenhavns", "Københavns", "lexicon:e→ø") in [(r["original"], r["repaired"], r["method"]) for r in rows]
    others = con.execute("select count(*) from texts where document_id != ? and original_text is not null", [doc["id"]])
    assert others.fetchone()[0] == 0
    assert con.execute("select count(*) from ocr_repairs where document_id != ?", [doc["id"]]).fetchone()[0] == 0
    assert re.search(r"\bmålgrupper\b", text)


def test_the_lemma_table_gives_lemmas_and_its_forms_are_in_the_lexicon():
    table = danish_lexicon.lemma_table()
    assert table["ledige"] == "ledig" and table["borgere"] == "borger" and len(table) > 500_000
    lexicon = danish_lexicon.load_lexicon()
    assert "ledige" in lexicon and "ledig" in lexicon
