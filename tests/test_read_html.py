"""HTML exports of agenda systems, read with an HTML parser: headings with their level,
list items, tables as rows of cells, line breaks, entities; scripts and styles dropped.

The pages are written at test time from the text of a real agenda item of the
development corpus, marked up as agenda systems export it (never committed)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import RULES

from extract.errors import SourceError
from extract.pipeline import extract_source, read_source
from extract.read.blocks import write_blocks
from extract.read.formats import read_html_source
from extract.read.html import html_blocks

DEV_TEXT = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus" / "text"
ITEM = DEV_TEXT / "greve_ktm_2022-01-17_p08_genopretningspuljen-frigivelse.txt"
FIELDS = {"Beslutning", "Fremstilling", "Sagsprocedure", "Resume", "Indstilling", "Sagsbeskrivelse",
          "Lovgrundlag", "Økonomiske konsekvenser", "Tidsplan", "Øvrige forhold"}  # fmt: skip


def agenda_item_html(charset: str = "utf-8") -> bytes:
    """The item as an agenda system's HTML export: title h1, fields h2, paragraphs, the
    numbered recommendations as a list, the budget table as a table, a script and a style,
    Danish letters as entities."""
    lines = [ln.strip() for ln in ITEM.read_text(encoding="utf-8").split("\n") if ln.strip()]
    out = [
        f'<html><head><meta charset="{charset}"><title>Dagsorden</title>',
        "<style>h2 { color: red }</style><script>var punkt = '<h2>Ikke en overskrift</h2>';</script></head>",
        f"<body><h1>{html.escape(lines[0])}</h1>",
    ]
    rows, items = [], []
    for line in lines[1:] + ["Slut"]:
        if rows and "\t" not in line:
            cells = ["".join(f"<td>{html.escape(c.strip())}</td>" for c in r.split("\t")) for r in rows]
            out.append("<table><tr>" + "</tr>\n<tr>".join(cells) + "</tr></table>")
            rows = []
        if items and not line[:2].rstrip(")").isdigit():
            out.append("<ol>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ol>")
            items = []
        if "\t" in line:
            rows.append(line)
        elif line[:2].rstrip(")").isdigit() and line[1:3].startswith(")"):
            items.append(line.split(")", 1)[1].strip())
        elif line in FIELDS:
            out.append(f"<h2>{html.escape(line)}</h2>")
        elif line != "Slut":
            out.append("<p>" + html.escape(line).replace("æ", "&aelig;").replace("ø", "&oslash;") + "</p>")
    out.append("</body></html>")
    return "\n".join(out).encode(charset, errors="xmlcharrefreplace")


@pytest.fixture(scope="module")
def extraction():
    return extract_source(read_source(Path("punkt.html"), RULES, data=agenda_item_html()), RULES)


def test_headings_keep_their_level_and_scripts_are_dropped(extraction):
    text = extraction.source.text
    marked = [ln for ln in text.split("\n") if ln.startswith("#")]
    assert marked[0] == "# Frigivelse af midler fra Genopretningspuljen"
    assert {ln[3:] for ln in marked[1:]} == FIELDS and all(ln.startswith("## ") for ln in marked[1:])
    assert "Ikke en overskrift" not in text and "color" not in text and "Dagsorden" not in text
    assert extraction.meta.title == "Frigivelse af midler fra Genopretningspuljen"
    assert {s.heading for s in extraction.sections if s.heading} == FIELDS


def test_lists_tables_and_entities(extraction):
    text = extraction.source.text
    assert "\n1. at der afsættes rådighedsbeløb i 2022 og meddeles anlægsbevilling på 1,0 mio. kr." in text
    assert "\n9. at det godkendes" in text
    assert "&aelig;" not in text and "Klima-, Teknik- og Miljøudvalget" in text
    [table] = extraction.tables
    rows = text[table.char_start : table.char_end].split("\n")
    assert rows[0] == "Projekt\tBudget i t. kr." and rows[-1] == "I alt\t9.000"
    assert extraction.source.page_starts == () and extraction.source.origin == "html"


def test_a_windows_1252_export_is_read_by_its_declared_charset():
    src = read_source(Path("punkt.htm"), RULES, data=agenda_item_html("windows-1252"))
    assert "Klima-, Teknik- og Miljøudvalget" in src.text and not src.warnings


def test_line_breaks_and_list_marks():
    page = (
        b"<div>Center for Teknik &amp; Milj&oslash;<br>indstiller,</div>"
        b"<ul><li>at udvalget godkender rammen</li><li>at sagen tages til efterretning</li></ul>"
        b"<p>Se <b>bilag</b>\n   1<sup>2</sup></p>"
    )
    src = read_source(Path("x.html"), RULES, data=page)
    assert src.text == (
        "Center for Teknik & Miljø\nindstiller,\n\n- at udvalget godkender rammen\n\n"
        "- at sagen tages til efterretning\n\nSe bilag 1²\n"
    )


@pytest.mark.parametrize(
    "name,advice",
    [
        ("referat.doc", "save it as .docx (or PDF)"),
        ("budget.xlsx", "export the sheet as a tab-separated .tsv file"),
        ("budget.xls", "export the sheet as a tab-separated .tsv file"),
        ("oplaeg.pptx", "save the presentation as PDF"),
        ("noter.odt", "save it as .docx (or PDF)"),
    ],
)
def test_unsupported_files_get_one_line_of_what_to_do(name, advice):
    with pytest.raises(SourceError) as e:
        read_source(Path(name), RULES, data=b"\xd0\xcf\x11\xe0 office bytes")
    message = str(e.value)
    assert name in message and advice in message and "\n" not in message


def test_a_table_that_lays_out_the_page_is_read_as_its_blocks():
    """Agenda systems wrap an item in a table of one cell a row, its fields' headings in
    the cells, a data table nested inside: the headings stay headings, the nested table a
    table."""
    lines = [ln.strip() for ln in ITEM.read_text(encoding="utf-8").split("\n") if ln.strip()]
    table = [ln.split("\t") for ln in lines if "\t" in ln]
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in r) + "</tr>" for r in table)
    page = (
        f"<table><tr><td><h2>{html.escape(lines[0])}</h2></td></tr>"
        f"<tr><td><h3>Resume</h3><p>{html.escape(lines[lines.index('Resume') + 1])}</p></td></tr>"
        f"<tr><td><h3>Økonomiske konsekvenser</h3><table>{rows}</table></td></tr></table>"
    ).encode()
    ex = extract_source(read_source(Path("punkt.html"), RULES, data=page), RULES)
    marked = [ln for ln in ex.source.text.split("\n") if ln.startswith("#")]
    assert marked == ["## Frigivelse af midler fra Genopretningspuljen", "### Resume", "### Økonomiske konsekvenser"]
    assert "I investeringsoversigten er der i budget 2022 afsat 13 mio. kr." in ex.source.text
    [found] = ex.tables
    assert ex.source.text[found.char_start : found.char_end].split("\n")[-1] == "I alt\t9.000"


def test_entities_and_escaped_tags_are_the_documents_words():
    text = write_blocks(html_blocks("<p>Beløb &lt;b&gt; 5 &amp;amp; x</p><p>a &lt;br&gt; b</p>"))[0]
    assert text == "Beløb <b> 5 &amp; x\n\na <br> b\n"


def test_a_wrong_declared_charset_does_not_make_mojibake():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Målgruppen er unge på kontanthjælp</p></body></html>'
    src = read_html_source(Path("side.html"), page.encode("utf-8"), RULES["ocr_repair.yml"], RULES["encodings.yml"])
    assert "Målgruppen er unge på kontanthjælp" in src.text and "Ã" not in src.text
    assert any("declares iso-8859-1" in w for w in src.warnings)
    latin = page.encode("latin-1")
    src = read_html_source(Path("side.html"), latin, RULES["ocr_repair.yml"], RULES["encodings.yml"])
    assert "Målgruppen er unge på kontanthjælp" in src.text and not src.warnings
