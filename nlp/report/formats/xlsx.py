"""An Excel workbook (one sheet "svar"); every text cell is a string, never a formula."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nlp.report.formats import ExportFormat
from nlp.spreadsheet import xlsx_bytes


def write(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    return xlsx_bytes(columns, rows, sheet="svar")


FORMAT = ExportFormat(
    name="xlsx",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    title="Svar med förslag och teman (Excel, XLSX)",
    write=write,
)
