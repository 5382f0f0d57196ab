"""An Excel workbook: the summary, one row per respondent and one row per answer, each a
sheet; every text cell is a string, never a formula; numbers are numbers."""

from __future__ import annotations

from nlp.report.formats import ExportBook, ExportFormat
from nlp.spreadsheet import xlsx_book


def write(book: ExportBook) -> bytes:
    return xlsx_book((s.name, s.columns, s.rows) for s in book.sheets)


FORMAT = ExportFormat(
    name="xlsx",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    title="Sammanfattning, respondenter och svar (Excel, XLSX)",
    write=write,
)
