"""The Excel reader (nlp/ingest/readers/xlsx_reader.py): sheet choice, real cell types, row estimate."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from nlp.ingest import EXTENSIONS, SAMPLE_ROWS, inspect_export, read_answers
from tests.conftest import EXAMPLE_EXPORT

pytestmark = pytest.mark.utan_databas

EXAMPLE_XLSX = EXAMPLE_EXPORT.with_suffix(".xlsx")


def test_xlsx_is_registered_for_its_endings() -> None:
    assert EXTENSIONS[".xlsx"] == EXTENSIONS[".xlsm"] == "xlsx"


def test_example_xlsx_skips_the_info_sheet_and_matches_the_csv() -> None:
    preview = inspect_export(EXAMPLE_XLSX)
    assert preview.sheets == ["Info", "Svar"] and preview.sheet == "Svar"
    from_csv = [(a.row, a.question, a.text, a.meta) for a in read_answers(EXAMPLE_EXPORT)]
    from_xlsx = [(a.row, a.question, a.text, a.meta) for a in read_answers(EXAMPLE_XLSX)]
    assert from_xlsx == from_csv
    # A sheet chosen by name (case does not matter).
    by_name = [(a.row, a.question, a.text, a.meta) for a in read_answers(EXAMPLE_XLSX, sheet="svar")]
    assert by_name == from_csv
    assert inspect_export(EXAMPLE_XLSX, sheet="Info").columns == ["Brukarenkät 2024–2025 (påhittade exempeldata)"]


def test_a_long_sheet_is_estimated_from_its_stated_size(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["id", "Vad kan bli bättre?"])
    n = SAMPLE_ROWS + 500
    for i in range(n):
        ws.append([i, f"Kortare väntetider i telefon, svar nummer {i} av många"])
    wb.save(tmp_path / "lang.xlsx")
    preview = inspect_export(tmp_path / "lang.xlsx")
    assert preview.n_sampled == SAMPLE_ROWS
    assert preview.n_rows == n and preview.n_rows_estimated
