"""Reading text sources: encodings, HTML fragments, formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RULES

from extract.errors import SourceError
from extract.read import encodings
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


# --- encodings: the decoding that reads most like Danish ------------------------------

DEV_TEXT = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-corpus" / "text"
ENCODINGS = RULES["encodings.yml"]
ONE_LINE = "Målgruppen er unge på kontanthjælp"


def decode(data: bytes):
    return encodings.decode(data, "note.txt", ENCODINGS)


@pytest.mark.parametrize(
    "encoding,named",
    [
        ("cp1252", "cp1252"),
        ("latin-1", "cp1252"),  # Latin-1 and Windows-1252 write æ, ø, å alike
        ("iso8859_15", "cp1252"),
        ("cp865", "cp865"),  # the Nordic DOS code page
        ("mac_roman", "mac_roman"),
        ("utf-16", None),
        ("utf-8-sig", None),
        ("utf-8", None),
    ],
)
def test_a_one_line_file_is_decoded_as_danish(encoding, named):
    text, warnings = decode(ONE_LINE.encode(encoding))
    assert text == ONE_LINE
    assert (named is None and not warnings) or (named is not None and f"decoded as {named}" in warnings[0])


def test_a_windows_1252_agenda_item_is_read_as_windows_1252():
    path = DEV_TEXT / "greve_beu_2025-01-06_p03_juniormesterlaere.txt"
    original = path.read_text(encoding="utf-8")
    src = read_text_source(Path("punkt.txt"), original.encode("cp1252"))
    assert "Juniormesterlære" in src.text and "på 8.-9. årgang" in src.text
    assert src.text == read_text_source(Path("punkt.txt"), original.encode("utf-8")).text
    assert any("decoded as cp1252" in w for w in src.warnings)


def test_a_damaged_utf8_file_stays_utf8_and_counts_the_bad_bytes():
    path = DEV_TEXT / "greve_beu_2025-01-06_p03_juniormesterlaere.txt"
    data = bytearray(path.read_bytes())
    for i in range(12):  # twelve stray bytes between words
        at = data.index(b" ", 200 + 97 * i)
        data[at:at] = b"\x9d"
    text, warnings = decode(bytes(data))
    assert text.count("\ufffd") == 12 and "Juniormesterlære" in text
    assert "Ã" not in text  # not read as Windows-1252 (which would give mojibake)
    assert warnings == ["12 byte(s) could not be decoded as UTF-8 (invalid UTF-8): each replaced by U+FFFD"]


def test_mojibake_counts_against_a_decoding():
    assert encodings.score("Målgruppen er unge på kontanthjælp", ENCODINGS) > 0
    assert encodings.score("MÃ¥lgruppen er unge pÃ¥ kontanthjÃ¦lp", ENCODINGS) < 0
    assert encodings.score("MĂĄlgruppen er unge pĂĄ kontanthjĂ¦lp", ENCODINGS) < 0


@pytest.mark.parametrize("example", ENCODINGS.examples, ids=[e[:30] for e in ENCODINGS.examples])
def test_encoding_examples_decode_back_from_every_candidate(example):
    for encoding in (*ENCODINGS.candidates, "utf-16", "utf-8-sig"):
        assert decode(example.encode(encoding))[0] == example, encoding


def test_utf8_saved_from_mojibake_is_decoded_once_more():
    garbled = ONE_LINE.encode("utf-8").decode("cp1252")  # "MÃ¥lgruppen er unge pÃ¥ kontanthjÃ¦lp"
    text, warnings = decode(garbled.encode("utf-8"))
    assert text == ONE_LINE and "mojibake" in warnings[0]
    kept = "Studietur til SÃO PAULO i 2013"  # an "Ã" that is no mojibake: it decodes to nothing else
    assert decode(kept.encode("utf-8")) == (kept, [])
