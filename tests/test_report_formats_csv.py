"""The CSV export format: semicolons, a BOM for Excel, and no cell a spreadsheet runs."""

from __future__ import annotations

import csv
import io

from nlp.report import FORMATS


def test_csv_writes_rows_with_formulas_neutralised() -> None:
    fmt = FORMATS["csv"]
    body = fmt.write(["svar_id", "text"], [[1, '=HYPERLINK("http://x")'], [2, "Bra bemötande"]])
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows == [["svar_id", "text"], ["1", '\'=HYPERLINK("http://x")'], ["2", "Bra bemötande"]]
    assert fmt.suffix == "csv" and fmt.media_type.startswith("text/csv")
