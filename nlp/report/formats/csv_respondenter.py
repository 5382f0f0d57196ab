"""CSV for Excel set to Swedish: one row per respondent, the export's questions as columns
(";"-separated, UTF-8 with BOM, decimal commas, formulas neutralised)."""

from __future__ import annotations

from nlp.report.formats import ExportBook, ExportFormat
from nlp.spreadsheet import csv_text


def write(book: ExportBook) -> bytes:
    sheet = book.sheet("respondenter")
    return csv_text(sheet.columns, sheet.rows, decimal=",").encode("utf-8")


FORMAT = ExportFormat(
    name="csv_respondenter",
    media_type="text/csv; charset=utf-8",
    title="En respondent per rad, frågorna som kolumner (CSV för Excel)",
    write=write,
    suffix="respondenter.csv",
)
