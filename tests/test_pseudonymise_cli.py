"""`brukarrost pseudonymisera`: the real command on real files (JSON Lines, CSV)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.config import get_settings

runner = CliRunner()

ROWS = [
    {"id": "a1", "text": "Syster Kerstin ringde mig på 070-555 12 34 i tisdags."},
    {"id": 2, "text": "Maten var god men kaffet kallt."},
    {"id": "a3", "text": "Kerstin hälsar, mejla kerstin.b@exempel.se om tiden den 4 mars."},
]


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_json_output_has_original_offsets_and_consistent_pseudonyms(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "svar.jsonl", ROWS)
    result = runner.invoke(app, ["pseudonymisera", str(src), "--json"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a1", 2, "a3"]
    for row, o in zip(ROWS, out):
        for span in o["spans"]:
            # offsets point into the ORIGINAL text
            assert row["text"][span["start"] : span["end"]].strip() == row["text"][span["start"] : span["end"]]
            assert row["text"][span["start"] : span["end"]] not in o["text"]
    assert [(ROWS[0]["text"][s["start"] : s["end"]], s["label"]) for s in out[0]["spans"]] == [
        ("Kerstin", "PERSON"),
        ("070-555 12 34", "TELEFON"),
    ]
    assert out[1] == {"id": 2, "text": ROWS[1]["text"], "spans": []}
    assert out[0]["text"].startswith("Syster [PERSON_1] ringde")
    assert out[2]["text"].startswith("[PERSON_1] hälsar")
    assert "Kerstin" not in result.stdout and "555" not in result.stdout
    # the key was created outside the data dir and is not in the output
    key_hex = get_settings().key_file.read_text().strip()
    assert key_hex not in result.output


def test_summary_in_swedish(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "svar.jsonl", ROWS)
    result = runner.invoke(app, ["pseudonymisera", str(src)])
    assert result.exit_code == 0, result.output
    assert "Pseudonymiserade 3 texter" in result.stdout
    assert "2 innehöll personuppgifter" in result.stdout
    assert "Kerstin" not in result.stdout


def test_categories_option(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "svar.jsonl", ROWS[:1])
    result = runner.invoke(app, ["pseudonymisera", str(src), "--json", "--kategori", "telefon"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == "Syster Kerstin ringde mig på [TELEFON_1] i tisdags."
    bad = runner.invoke(app, ["pseudonymisera", str(src), "--kategori", "NAMN"])
    assert bad.exit_code != 0 and "Okänd kategori" in bad.output


def test_csv_through_ingest(tmp_path: Path) -> None:
    src = tmp_path / "enkat.csv"
    src.write_text(
        "respondent;datum;svar\n"
        "R-1;2025-03-01;Tack till kuratorn Ingela på BUP Karlstad.\n"
        ";2025-03-02;Parkeringen är för liten.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["pseudonymisera", str(src), "--json", "--textkolumn", "svar"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["id"] == "R-1"
    assert out[0]["text"] == "Tack till kuratorn [PERSON_1] på [VARDENHET_1]."
    assert out[1]["id"] == 3  # no respondent id: the row number as a spreadsheet shows it
    assert out[1]["spans"] == []


def test_xlsx_through_ingest(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Respondent", "Fritext"])
    ws.append(["X9", "Min handläggare Sten på Försäkringskassan svarar aldrig."])
    src = tmp_path / "svar.xlsx"
    wb.save(src)
    result = runner.invoke(app, ["pseudonymisera", str(src), "--json", "--textkolumn", "Fritext"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["id"] == "X9"
    assert row["text"] == "Min handläggare [PERSON_1] på [ORGANISATION_1] svarar aldrig."


@pytest.mark.parametrize(
    "content,where",
    [
        ('{"id": 1, "text": "Ring Gudrun Ek"}\n{"id": 2, "text": "Gudrun Ek igen"\n', "rad 2"),
        ('{"id": 1, "svar": "Gudrun Ek ringde"}\n', "kolumn 'text'"),
        ('{"id": 1, "text": ["Gudrun Ek"]}\n', "rad 1"),
    ],
)
def test_bad_input_gives_swedish_error_without_content(tmp_path: Path, content: str, where: str) -> None:
    src = tmp_path / "trasig.jsonl"
    src.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["pseudonymisera", str(src), "--json"])
    assert result.exit_code == 2
    assert "trasig.jsonl" in result.stderr and where in result.stderr
    assert "Gudrun" not in result.stderr


def test_no_temp_files_and_nothing_in_data_dir(
    tmp_path: Path, isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp = tmp_path / "tmpdir"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    src = _write_jsonl(tmp_path / "svar.jsonl", ROWS)
    result = runner.invoke(app, ["pseudonymisera", str(src), "--json"])
    assert result.exit_code == 0
    assert list(tmp.iterdir()) == []
    written = [p for p in isolated_settings.rglob("*") if p.is_file()] if isolated_settings.exists() else []
    assert written == []
