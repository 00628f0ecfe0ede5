"""Reading text sources: encodings, HTML fragments, formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RULES

from extract.errors import SourceError
from extract.read import text as read_text
from extract.read.normalise import detect_format, normalise


def read_text_source(path, data):
    return read_text.read_text_source(path, data, RULES["ocr_repair.yml"])


DANISH = "Målgruppen er særligt unge kontanthjælpsmodtagere i Københavns Kommune: 4,0 mio. kr. årligt."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_are_detected(encoding):
    data = (DANISH + "\n") * 20
    src = read_text_source(Path("note.txt"), data.encode(encoding))
    assert src.text.strip().split("\n")[0] == DANISH


def test_a_stray_invalid_byte_is_replaced_and_reported():
    data = ("Københavns Kommune har modtaget 26.898.526 kr. " * 50).encode() + b"\xff" + " slut.".encode()
    src = read_text_source(Path("note.txt"), data)
    assert "\ufffd" in src.text and "26.898.526 kr." in src.text
    assert any("invalid UTF-8" in w for w in src.warnings)


@pytest.mark.parametrize("data,reason", [(b"", "no text"), (b"abc\x00def", "NUL"), (b"   \n\n", "no text")])
def test_unreadable_text_is_refused_with_the_reason(data, reason):
    with pytest.raises(SourceError) as e:
        read_text_source(Path("bad.txt"), data)
    assert "bad.txt" in str(e.value) and reason in str(e.value)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("anvendes 3,7 mio. kr. til formålet i 2013<sup>1</sup>.", "anvendes 3,7 mio. kr. til formålet i 2013¹."),
        ('<ol style="x"> <li>1) 200 medarbejdere</li> </ol>', "\n \n1) 200 medarbejdere\n \n"),
        ("<p>Ad.1: Der er afholdt</p>", "\nAd.1: Der er afholdt\n"),
        ("a\r\nb", "a\nb"),
        ("Løntilskud &amp; praktik", "Løntilskud & praktik"),
    ],
)
def test_html_fragments_and_line_ends_are_normalised(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "text,suffix,fmt",
    [
        ("## Titel\n\ntekst\n\n### Målgruppe\n\ntekst\n\n### Økonomi\n", ".txt", "markdown"),
        ("Nr.\tA\tB\tC\tD\n1\tx\ty\tz\tw\n1.1\tx\ty\tz\tw\n1.2\tx\ty\tz\tw\n", ".txt", "table"),
        ("1. Indledning\n\nKommunerne skal hvert år vedtage en plan.\n", ".txt", "text"),
        ("Punkt 3: Budget\n", ".md", "markdown"),
    ],
)
def test_format_detection(text, suffix, fmt):
    assert detect_format(text, suffix) == fmt
