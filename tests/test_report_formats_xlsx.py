"""The XLSX export format: one sheet "svar", text cells stay text (never formulas)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from nlp.report import FORMATS


def test_xlsx_writes_one_sheet_of_strings() -> None:
    fmt = FORMATS["xlsx"]
    body = fmt.write(["svar_id", "text"], [[1, "=1+1"], [2, "Bra bemötande"]])
    ws = load_workbook(io.BytesIO(body))["svar"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["svar_id", "text"],
        [1, "=1+1"],
        [2, "Bra bemötande"],
    ]
    assert ws["B2"].data_type == "s"
    assert fmt.suffix == "xlsx"
