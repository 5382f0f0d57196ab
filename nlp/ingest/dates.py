"""Dates from the common Swedish formats, Excel serials and datetime values.

Slashed dates are read day first, as in Sweden (12/5/2024 = 12 May 2024).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from nlp.errors import InputError
from nlp.ingest.source import Source

_EXCEL_EPOCH = date(1899, 12, 30)
_SV_MONTHS = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "februari": 2,
    "mar": 3,
    "mars": 3,
    "apr": 4,
    "april": 4,
    "maj": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "augusti": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:[ T]?\d{1,2}[:.]?\d{2}(?:[:.]?\d{2})?)?")
_SERIAL = re.compile(r"(\d{5})(?:[.,]\d+)?")
_WORDS = re.compile(r"(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})")


def try_date(value: Any, serials: bool = True) -> date | None:
    """A date, or None; `serials=False` leaves out Excel serial numbers (ids look like them)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(float(value)) if serials else None
    text = str(value).strip()
    try:
        if m := _ISO.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.fullmatch(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _COMPACT.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if serials and _SERIAL.fullmatch(text):
            return _excel_serial(float(text.replace(",", ".")))
        if m := _WORDS.fullmatch(text.casefold()):
            month = _SV_MONTHS.get(m[2])
            return date(int(m[3]), month, int(m[1])) if month else None
    except ValueError:
        return None
    return None


def _excel_serial(serial: float) -> date | None:
    # Serial days since 1899-12-30 (Excel's 1900 system); only plausible survey years.
    if 20_000 <= serial <= 80_000:
        return _EXCEL_EPOCH + timedelta(days=int(serial))
    return None


def parse_date(value: Any) -> date | None:
    """A date from the common Swedish formats, Excel serials or datetime; None if not one."""
    return try_date(value)


def bad_date(src: Source, row: int, column: str) -> InputError:
    """The error for a date cell that cannot be read."""
    return src.error(
        "Datumet kan inte tolkas. Använd t.ex. 2024-05-12, 2024-05-12 10:31, "
        "12/5/2024 eller 20240512, eller ange en annan datumkolumn eller ingen.",
        row=row,
        column=column,
    )
