"""CSV for Excel set to Swedish: one row per answer, ";"-separated, UTF-8 with BOM, decimal
commas, formulas neutralised."""

from __future__ import annotations

from nlp.report.formats import ExportBook, ExportFormat
from nlp.spreadsheet import csv_text


def write(book: ExportBook) -> bytes:
    sheet = book.sheet("svar")
    return csv_text(sheet.columns, sheet.rows, decimal=",").encode("utf-8")


FORMAT = ExportFormat(
    name="csv",
    media_type="text/csv; charset=utf-8",
    title="Ett svar per rad (CSV för Excel)",
    write=write,
)
