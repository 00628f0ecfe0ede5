"""Generate the bad-input corpus: every kind of file a folder from many hands may hold.

Run as a script to write the files into a folder for a look by hand:
    .venv/bin/python tests/bad_inputs.py /tmp/bad
The tests call :func:`make_bad_inputs` into a temporary folder. Nothing here is a
hand-made binary: every file is generated from a recipe, and each case names what
the build must report for it (a fragment of the one-line error), or None when the
file must be built.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

DANISH = (
    "Målgruppen er unge kontanthjælpsmodtagere under 30 år i Københavns Kommune. "
    "I budgetaftalen for 2013 er afsat 4,0 mio. kr. årligt til drift i 2013-16. "
    "Indsatsen skal være færdig inden 15. november 2012."
)


@dataclass(frozen=True)
class BadInput:
    name: str
    make: Callable[[Path], None]
    error: Optional[str]  # fragment of the reported reason; None = must be built
    pages: int = 0


def pdf_bytes(pages: list[str], password: Optional[str] = None) -> bytes:
    """A born-digital PDF with one paragraph of text per page (fpdf2, core Helvetica)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def image_only_pdf_bytes() -> bytes:
    """A 'scanned' page: only drawn shapes, no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for i in range(40):
        pdf.rect(20, 20 + i * 6, 150 - (i * 7) % 60, 3, style="F")
    return bytes(pdf.output())


def garbage_text_pdf_bytes(seed: int = 7) -> bytes:
    """A text layer of noise, as a broken font encoding or a bad OCR leaves it."""
    rnd = random.Random(seed)
    alphabet = "ÿþýüûúùøöõôóòñðïîíìëêéèçæåäãâáàßÞÝÜÛÚÙ×ÖÕÔÓÒÑÐÏÎÍÌËÊÉÈÇ§¤¦¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿"
    pages = [" ".join("".join(rnd.choice(alphabet) for _ in range(rnd.randint(3, 9))) for _ in range(120))]
    return pdf_bytes(pages)


def broken_xref_pdf_bytes() -> bytes:
    """A good PDF whose cross-reference table points at the wrong offsets."""
    data = bytearray(pdf_bytes([DANISH]))
    xref = data.rfind(b"xref")
    section = data[xref:]
    broken = bytearray()
    for line in section.split(b"\n"):
        if len(line) == 18 and line[10:11] == b" " and line[-1:] == b"n":
            line = b"%010d" % 7 + line[10:]
        broken += line + b"\n"
    return bytes(data[:xref] + broken[:-1])


def docx_bytes() -> bytes:
    """A minimal Word document (a zip with word/document.xml)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml", f"<w:document><w:body><w:p><w:r><w:t>{DANISH}</w:t></w:r></w:p></w:body></w:document>"
        )
    return buf.getvalue()


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return make


def _symlink_outside(folder: Path) -> None:
    outside = folder.parent / "outside-secret.txt"
    outside.write_text(DANISH, encoding="utf-8")
    (folder / "link-udenfor.txt").symlink_to(outside)


def bad_inputs(big_pages: int = 2000) -> list[BadInput]:
    good_pdf = pdf_bytes([DANISH, DANISH])
    return [
        BadInput("tom.txt", _write("tom.txt", b""), "empty"),
        BadInput(
            "tilfaeldige-bytes.pdf",
            _write("tilfaeldige-bytes.pdf", random.Random(1).randbytes(4000)),
            "not a readable PDF",
        ),
        BadInput("afkortet.pdf", _write("afkortet.pdf", good_pdf[: len(good_pdf) // 3]), "not a readable PDF"),
        BadInput("oedelagt-xref.pdf", _write("oedelagt-xref.pdf", broken_xref_pdf_bytes()), None),
        BadInput("kodeord.pdf", _write("kodeord.pdf", pdf_bytes([DANISH], password="hemmelig")), "password-protected"),
        BadInput("kun-billede.pdf", _write("kun-billede.pdf", image_only_pdf_bytes()), "needs OCR"),
        BadInput(
            "stor.pdf",
            _write("stor.pdf", pdf_bytes([f"Side {i}. {DANISH}" for i in range(big_pages)])),
            "pages",
            big_pages,
        ),
        BadInput("affald-tekstlag.pdf", _write("affald-tekstlag.pdf", garbage_text_pdf_bytes()), "garbage"),
        BadInput("windows-1252.txt", _write("windows-1252.txt", (DANISH + "\n").encode("cp1252") * 30), None),
        BadInput(
            "latin-1.txt", _write("latin-1.txt", ("Særlig støtte: " + DANISH + "\n").encode("latin-1") * 30), None
        ),
        BadInput("utf-16.txt", _write("utf-16.txt", ("\ufeff" + DANISH + "\n").encode("utf-16-le") * 1), None),
        BadInput("nul-bytes.txt", _write("nul-bytes.txt", DANISH.encode() + b"\x00\x00" + DANISH.encode()), None),
        BadInput("binaer.txt", _write("binaer.txt", (DANISH.encode() + b"\x00" * 40) * 3), "NUL"),
        BadInput(
            "en-linje-20mb.txt",
            _write("en-linje-20mb.txt", (DANISH + " ").encode() * (20_000_000 // (len(DANISH.encode()) + 1))),
            "MB",
        ),
        BadInput(
            "side.html",
            _write(
                "side.html",
                f"<html><head><script>alert('x')</script></head><body><h1>Notat</h1><p>{DANISH}</p></body></html>".encode(),
            ),
            None,
        ),
        BadInput("notat.docx", _write("notat.docx", docx_bytes()), "Word"),
        BadInput(
            "referat.doc", _write("referat.doc", b"\xd0\xcf\x11\xe0" + DANISH.encode("cp1252")), "save it as .docx"
        ),
        BadInput("budget.xlsx", _write("budget.xlsx", docx_bytes()), "export the sheet"),
        BadInput("link-udenfor.txt", _symlink_outside, "symlink"),
    ]


def make_bad_inputs(folder: Path, big_pages: int = 2000) -> list[BadInput]:
    folder.mkdir(parents=True, exist_ok=True)
    cases = bad_inputs(big_pages)
    for case in cases:
        case.make(folder)
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
    for case in make_bad_inputs(target):
        print(f"{case.name:<26} {'built' if case.error is None else 'refused: ' + case.error}")
