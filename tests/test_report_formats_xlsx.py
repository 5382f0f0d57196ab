"""The XLSX export format: every sheet of the export, text cells stay text (never formulas),
numbers stay numbers."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from nlp.report import FORMATS, ExportBook, Sheet

pytestmark = pytest.mark.utan_databas


def test_xlsx_writes_every_sheet_with_strings_and_numbers() -> None:
    fmt = FORMATS["xlsx"]
    book = ExportBook(
        [
            Sheet("sammanfattning", ["Avsnitt", "Antal"], [["Översikt", 40]]),
            Sheet("svar", ["Svar-id", "Svar", "Sannolikhet: Respekt"], [[1, "=1+1", 0.812], [2, "Bra", None]]),
        ]
    )
    wb = load_workbook(io.BytesIO(fmt.write(book)))
    assert wb.sheetnames == ["sammanfattning", "svar"]
    ws = wb["svar"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["Svar-id", "Svar", "Sannolikhet: Respekt"],
        [1, "=1+1", 0.812],
        [2, "Bra", None],
    ]
    assert ws["B2"].data_type == "s" and ws["C2"].data_type == "n"
    assert ws.freeze_panes == "A2"
    assert fmt.suffix == "xlsx"
