"""CSV for spreadsheet programs: semicolon-separated, UTF-8 with BOM, formulas neutralised."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nlp.report.formats import ExportFormat
from nlp.spreadsheet import csv_text


def write(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    return csv_text(columns, rows).encode("utf-8")


FORMAT = ExportFormat(
    name="csv",
    media_type="text/csv; charset=utf-8",
    title="Svar med förslag och teman (CSV)",
    write=write,
)
