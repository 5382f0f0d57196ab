"""The CSV export format: one row per answer, semicolons, a BOM and decimal commas for Excel
set to Swedish, and no cell a spreadsheet runs."""

from __future__ import annotations

import csv
import io

import pytest

from nlp.report import FORMATS, ExportBook, Sheet

pytestmark = pytest.mark.utan_databas


def _book() -> ExportBook:
    return ExportBook(
        [
            Sheet("sammanfattning", ["Avsnitt"], [["Översikt"]]),
            Sheet("respondenter", ["Rad"], [[2]]),
            Sheet(
                "svar",
                ["Svar-id", "Svar", "Sannolikhet: Respekt"],
                [[1, '=HYPERLINK("http://x")', 0.25], [2, "Bra bemötande", None]],
            ),
        ]
    )


def test_csv_writes_the_answer_rows_with_formulas_neutralised() -> None:
    fmt = FORMATS["csv"]
    body = fmt.write(_book())
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [
        ["Svar-id", "Svar", "Sannolikhet: Respekt"],
        ["1", '\'=HYPERLINK("http://x")', "0,25"],
        ["2", "Bra bemötande", ""],
    ]
    assert fmt.suffix == "csv" and fmt.media_type.startswith("text/csv")
