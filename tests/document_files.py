"""Real documents for the document tests: .docx written by python-docx, .odt by odfpy, plain
text, and zip archives of them (also hostile ones). No tests are collected from this module."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from odf.opendocument import OpenDocumentText
from odf.text import H, P

ANNA = "Jag heter Anna Svensson och fick vänta i tre månader på en tid hos psykiatrin."
SECOND = "Till slut fick jag hjälp av en sköterska som lyssnade och tog mig på allvar."
ODT_HEADING = "Min väg tillbaka"
ODT_TEXT = "Personalen på boendet lyssnade på mig och hjälpte mig med vardagen."
PLAIN = "Det var svårt att få kontakt med socialtjänsten.\n\nNär jag väl fick en tid blev det bättre."


def docx_bytes(*paragraphs: str) -> bytes:
    doc = docx.Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def odt_bytes(heading: str, *paragraphs: str) -> bytes:
    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text=heading))
    for p in paragraphs:
        doc.text.addElement(P(text=p))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def stories_zip() -> bytes:
    """Three stories; the first file is named after a person."""
    return zip_bytes(
        {
            "Anna Svensson 19121212-1212.docx": docx_bytes(ANNA, SECOND),
            "forum/berattelse-2.odt": odt_bytes(ODT_HEADING, ODT_TEXT),
            "anteckning.txt": PLAIN.encode("cp1252"),
            "__MACOSX/._anteckning.txt": b"\x00\x05\x16\x07",
        }
    )


def bomb_docx(unzipped_mb: int = 300) -> bytes:
    """A .docx whose document part inflates to hundreds of MB (zeros pack ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(unzipped_mb):
                member.write(chunk)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
