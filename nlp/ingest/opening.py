"""Opening an export: which format it is (by ending, else by content), its encoding, and the
reader's own first look. Also the upload's check of a file's type by content."""

from __future__ import annotations

from pathlib import Path

from nlp.errors import InputError
from nlp.ingest.encoding import detect_encoding, known_codec, looks_binary
from nlp.ingest.limits import Budget
from nlp.ingest.readers import container_reader_for, reader_for_path, text_reader_for
from nlp.ingest.source import Source
from nlp.ingest.types import SAMPLE_BYTES

_OLE = b"\xd0\xcf\x11\xe0"  # the old binary Office formats (.xls, .doc)
_ZIP = b"PK\x03\x04"
_BINARY = "Filen innehåller binära data och kan inte läsas som text. Använd CSV, Excel (xlsx) eller JSON."


def sniff_format(head: bytes) -> str | None:
    """A reader's key for a file from its first bytes, not its name; None if no reader takes it.

    For the upload, which names the saved file after it: the same decisions as reading."""
    if (container := container_reader_for(head)) is not None:
        return container.key
    if head.startswith(_OLE):
        return None
    encoding = detect_encoding(head, whole_file=False)
    if encoding is None or looks_binary(head.decode(encoding, errors="surrogateescape")):
        return None
    return text_reader_for(head).key


def open_source(path: Path, encoding: str | None, delimiter: str | None, sheet: str | None, budget: Budget) -> Source:
    """Open the export for reading; InputError in Swedish if it is not one we can read."""
    if not path.exists():
        raise InputError("Filen finns inte.", file=path)
    if path.is_dir():
        raise InputError("Det är en mapp, inte en fil.", file=path)
    with open(path, "rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    reader = reader_for_path(path)
    src = Source(path=path, file_format=reader.key if reader else "", budget=budget)
    if not head.strip():
        raise src.error("Filen är tom.")
    _refuse_foreign(src, head)
    if reader is not None and reader.container:
        reader.open(src, head, sheet)
        return src
    if head.startswith(_ZIP):
        kind = "en Excel-fil eller ett zip-arkiv"
        raise src.error(
            f"Filen är {kind}, inte en textfil. Är det en Excel-fil? Ge den ändelsen .xlsx; "
            "är det ett zip-arkiv, packa upp det först."
        )
    if reader is None:
        reader = text_reader_for(head)
        src.file_format = reader.key
    if encoding is not None and not known_codec(encoding):
        raise src.error("Okänd teckenkodning. Använd t.ex. utf-8, cp1252 eller utf-16.")
    if delimiter is not None and len(delimiter) != 1:
        raise src.error("Avgränsaren ska vara ett enda tecken, t.ex. ; eller ,.")
    src.encoding = encoding or detect_encoding(head, path.stat().st_size <= len(head))
    if src.encoding is None:
        raise src.error(_BINARY)
    text_head = head.decode(src.encoding, errors="surrogateescape")
    if looks_binary(text_head):
        raise src.error(f"Filen ser ut att vara en binärfil, inte {reader.name}. Använd CSV, Excel (xlsx) eller JSON.")
    reader.prepare(src, text_head, delimiter)
    return src


def _refuse_foreign(src: Source, head: bytes) -> None:
    """Files that are clearly something else get a message saying what to do instead."""
    if head.startswith(_OLE):
        raise src.error(
            "Filen är i det gamla Excel-formatet (.xls) eller ett annat Office-format som "
            "inte stöds. Spara den som .xlsx eller CSV och försök igen."
        )
    if head.startswith(b"%PDF"):
        raise src.error("Filen är en PDF, inte en export med svar. Använd CSV, Excel (xlsx) eller JSON.")
