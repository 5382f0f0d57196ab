"""Cells and header names as clean text; every format's values go through here."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from nlp.ingest.encoding import BAD_BYTES
from nlp.ingest.source import Source
from nlp.ingest.types import MAX_CELL_CHARS, MAX_HEADER_CHARS

_ALNUM = re.compile(r"[^\W_]")


def fold(name: str) -> str:
    """A name or value folded for matching: lower case, no accents, only letters and digits."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "", folded)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 -> "A")."""
    # openpyxl is loaded only when a message needs a letter: CSV and JSON reads never do.
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def clip(name: str) -> str:
    """A header name cut to MAX_HEADER_CHARS."""
    return name if len(name) <= MAX_HEADER_CHARS else name[: MAX_HEADER_CHARS - 1] + "…"


def listing(columns: Sequence[str]) -> str:
    """Column names for an error message, each cut short."""
    names = [repr(c if len(c) <= 60 else c[:57] + "…") for c in columns[:40]]
    return ", ".join(names) + (" …" if len(columns) > 40 else "")


def header_names(src: Source, raw: Sequence[Any], header_row: int) -> list[str]:
    """Clean header names; empty ones get "Kolumn F", duplicates get "(kolumn F)"."""
    names: list[str] = []
    seen: set[str] = set()
    for i, value in enumerate(raw):
        name = " ".join(str(value).split()) if value is not None else ""
        if BAD_BYTES.search(name):
            raise src.error(
                f"Rubriken i kolumn {column_letter(i)} innehåller tecken som inte går att "
                f"avkoda som {src.encoding}. Spara om filen som UTF-8.",
                row=header_row,
            )
        name = clip(unicodedata.normalize("NFC", name))
        if not name:
            name = f"Kolumn {column_letter(i)}"
        if name.casefold() in seen:
            name = f"{name} (kolumn {column_letter(i)})"
        seen.add(name.casefold())
        names.append(name)
    return names


def cell_text(src: Source, value: Any, row: int, column: str) -> str:
    """A cell as clean text (NFC, stripped). Raises on undecodable bytes and huge cells."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "ja" if value else "nej"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, (datetime, date)):
        text = value.isoformat()
    elif isinstance(value, (dict, list)):
        raise src.error("Cellen innehåller en lista eller ett objekt i stället för text.", row=row, column=column)
    else:
        text = str(value)
    if len(text) > MAX_CELL_CHARS:
        raise src.error(
            f"Cellen är för lång ({len(text)} tecken; högst {MAX_CELL_CHARS} tillåts). "
            "Oftast beror det på ett citattecken som aldrig avslutas.",
            row=row,
            column=column,
        )
    if BAD_BYTES.search(text):
        raise src.error(
            f"Cellen innehåller tecken som inte går att avkoda som {src.encoding}. "
            "Filen kan ha blandad teckenkodning; spara om den som UTF-8.",
            row=row,
            column=column,
        )
    text = text.strip()
    if "\r" in text:  # one line-break form, so the same answer hashes alike from CSV and XLSX
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def fit_row(src: Source, cells: list[Any], width: int, row: int, columns: list[str]) -> list[Any]:
    """The row padded or cut to the header's width; extra cells that hold data are an error."""
    if len(cells) == width:
        return cells
    if len(cells) < width:
        return cells + [None] * (width - len(cells))
    extra = cells[width:]
    if any(v is not None and str(v).strip() for v in extra):
        raise src.error(
            f"Raden har {len(cells)} fält men rubrikraden har {width} kolumner; data skulle "
            "hamna i fel kolumn. Kontrollera avgränsare och citattecken på raden.",
            row=row,
        )
    return cells[:width]


def meaningful(text: str) -> bool:
    """True unless the cell is only punctuation/space ("-", "...", "?"); emoji count as text."""
    if _ALNUM.search(text):
        return True
    return any(unicodedata.category(ch) == "So" for ch in text)
