"""The per-respondent CSV export: the "respondenter" table, for Excel set to Swedish."""

from __future__ import annotations

import csv
import io

import pytest

from nlp.report import FORMATS, ExportBook, Sheet

pytestmark = pytest.mark.utan_databas


def test_csv_respondenter_writes_one_row_per_respondent() -> None:
    fmt = FORMATS["csv_respondenter"]
    book = ExportBook(
        [
            Sheet("svar", ["Svar-id"], [[1], [2]]),
            Sheet("respondenter", ["Rad", "Vad var bra?", "Vad kan bli bättre?"], [[2, "-bemötandet", "Väntetiden"]]),
        ]
    )
    text = fmt.write(book).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [["Rad", "Vad var bra?", "Vad kan bli bättre?"], ["2", "'-bemötandet", "Väntetiden"]]
    assert fmt.suffix == "respondenter.csv" and fmt.media_type.startswith("text/csv")
