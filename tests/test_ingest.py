"""Ingest: every supported format, text-column and metadata detection, overrides, dates.

Fixture files are written with tmp_path from one small table, so each format is checked
against the same expected answers; the csv module and openpyxl serve as independent readers.
"""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from nlp.core import DECLINED, Answer, Metadata
from nlp.errors import InputError
from nlp.ingest import (
    SAMPLE_ROWS,
    IngestStats,
    file_sha256,
    inspect_export,
    parse_date,
    read_answers,
)
from tests.conftest import EXAMPLE_EXPORT

pytestmark = pytest.mark.utan_databas

EXAMPLE_XLSX = EXAMPLE_EXPORT.with_suffix(".xlsx")
PLANTED = EXAMPLE_EXPORT.parent / "planterade_personuppgifter.json"

HEADER = ["Respondent-ID", "Datum", "Verksamhet", "Källa", "Kön", "Ålder", "Vad fungerar bra?", "Vad kan bli bättre?"]
TABLE: list[list[Any]] = [
    [
        "a1",
        "2024-07-03",
        "Beroendemottagningen",
        "Enkät",
        "Kvinna",
        "34",
        "Personalen lyssnar och tar sig tid, det känns tryggt.",
        "Väntetiden i telefon är över en halvtimme, det är för långt.",
    ],
    [
        "a2",
        "2024-08-15",
        "Allmänpsykiatrin",
        "patientforum",
        "M",
        "18-24",
        "",
        "Fler aktiviteter på helgerna skulle göra stor skillnad för oss.",
    ],
    [
        "a3",
        "2024-09-30",
        "Socialtjänsten",
        "Berättelse",
        "vill ej ange",
        "",
        "Min kontaktperson följer med på alla möten med myndigheter.",
        "Man bollas mellan psykiatrin och beroendevården hela tiden.",
    ],
    [
        "a4",
        "2024-10-01",
        "Beroendemottagningen",
        "enkat",
        "annat",
        "65–74",
        "Samtalen med psykologen har hjälpt mig mycket med ångesten.",
        "-",
    ],
]
EXPECTED_META = {
    "a1": Metadata("a1", date(2024, 7, 3), "Beroendemottagningen", "enkat", "kvinna", "25-34"),
    "a2": Metadata("a2", date(2024, 8, 15), "Allmänpsykiatrin", "patientforum", "man", "18-24"),
    "a3": Metadata("a3", date(2024, 9, 30), "Socialtjänsten", "berattelse", "vill ej svara", None),
    "a4": Metadata("a4", date(2024, 10, 1), "Beroendemottagningen", "enkat", "annat", "65-74"),
}


def _expected() -> set[tuple[str, str, str]]:
    return {
        (row[0], q, row[6 + i].strip())
        for row in TABLE
        for i, q in enumerate(HEADER[6:])
        if row[6 + i].strip() not in ("", "-")
    }


def _got(answers: list[Answer]) -> set[tuple[str, str, str]]:
    return {(a.meta.respondent_id or "", a.question, a.text) for a in answers}


# --- writers for each format --------------------------------------------------------


def _write_csv(path: Path, *, delimiter: str = ";", encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(HEADER)
        w.writerows(TABLE)
    return path


def _write_xlsx(path: Path) -> Path:
    wb = Workbook()
    info = wb.active
    info.title = "Info"
    info.append(["Export från enkätverktyget"])
    ws = wb.create_sheet("Svar")
    ws.append(HEADER)
    for row in TABLE:
        # Real Excel cells: a datetime for the date, a number for the age.
        cells = list(row)
        cells[1] = datetime.fromisoformat(row[1] + " 10:31")
        cells[5] = int(row[5]) if row[5].isdigit() else (row[5] or None)
        ws.append([c if c != "" else None for c in cells])
    wb.save(path)
    return path


def _objects() -> list[dict[str, Any]]:
    return [dict(zip(HEADER, row)) for row in TABLE]


def _write_json(path: Path) -> Path:
    path.write_text(json.dumps(_objects(), ensure_ascii=False), encoding="utf-8")
    return path


def _write_json_wrapped(path: Path) -> Path:
    doc = {"enkat": "Brukarenkät", "meta": {"antal": 4}, "svar": _objects()}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _write_jsonl(path: Path) -> Path:
    lines = [json.dumps(o, ensure_ascii=False) for o in _objects()]
    path.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
    return path


FORMATS = {
    "csv-semikolon-utf8": ("export.csv", lambda p: _write_csv(p), "csv", "utf-8", ";"),
    "csv-komma-bom": (
        "export.csv",
        lambda p: _write_csv(p, delimiter=",", encoding="utf-8-sig"),
        "csv",
        "utf-8-sig",
        ",",
    ),
    "csv-windows-1252": ("export.csv", lambda p: _write_csv(p, encoding="cp1252"), "csv", "cp1252", ";"),
    "tsv-utf16": ("export.txt", lambda p: _write_csv(p, delimiter="\t", encoding="utf-16"), "csv", "utf-16", "\t"),
    "xlsx": ("export.xlsx", _write_xlsx, "xlsx", None, None),
    "json": ("export.json", _write_json, "json", "utf-8", None),
    "json-inbaddad": ("export.json", _write_json_wrapped, "json", "utf-8", None),
    "jsonl": ("export.jsonl", _write_jsonl, "jsonl", "utf-8", None),
}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_gives_the_same_answers_and_metadata(tmp_path: Path, fmt: str) -> None:
    name, write, file_format, encoding, delimiter = FORMATS[fmt]
    path = write(tmp_path / name)
    preview = inspect_export(path)
    assert preview.file_format == file_format
    assert preview.encoding == encoding
    assert preview.delimiter == delimiter
    assert preview.text_columns == ["Vad fungerar bra?", "Vad kan bli bättre?"]
    assert preview.column_map == {
        "respondent_id": "Respondent-ID",
        "date": "Datum",
        "unit": "Verksamhet",
        "source_type": "Källa",
        "gender": "Kön",
        "age_group": "Ålder",
    }
    assert preview.n_rows == len(TABLE) and not preview.n_rows_estimated

    answers = list(read_answers(path))
    assert _got(answers) == _expected()
    for a in answers:
        assert a.meta == EXPECTED_META[a.meta.respondent_id]
    if file_format in ("csv", "xlsx"):  # spreadsheet rows: header is row 1
        assert {a.meta.respondent_id: a.row for a in answers} == {"a1": 2, "a2": 3, "a3": 4, "a4": 5}
    if fmt == "jsonl":  # line numbers; line 3 is blank
        assert {a.meta.respondent_id: a.row for a in answers} == {"a1": 1, "a2": 2, "a3": 4, "a4": 5}


def test_example_export_csv_is_read_as_its_generator_wrote_it() -> None:
    preview = inspect_export(EXAMPLE_EXPORT)
    assert preview.delimiter == ";" and preview.encoding == "utf-8-sig"
    assert preview.text_columns == ["Vad fungerar bra?", "Vad kan bli bättre?", "Övriga synpunkter"]
    assert set(preview.column_map) == {"respondent_id", "date", "unit", "source_type", "gender", "age_group"}
    # The csv module is the independent reader: every non-empty answer cell, at its row.
    with open(EXAMPLE_EXPORT, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert preview.n_rows == len(rows) >= 250
    expected = {
        (i + 2, q, r[q].strip())
        for i, r in enumerate(rows)
        for q in preview.text_columns
        if r[q].strip() and r[q].strip() != "-"
    }
    stats = IngestStats()
    answers = list(read_answers(EXAMPLE_EXPORT, stats=stats))
    assert {(a.row, a.question, a.text) for a in answers} == expected
    assert stats.n_rows == len(rows) and stats.n_answers == len(answers)
    assert not stats.warnings
    assert {a.meta.source_type for a in answers} == {"enkat", "patientforum", "berattelse"}
    assert {a.meta.gender for a in answers} <= {"kvinna", "man", "annat", DECLINED, None}
    dates = [a.meta.date for a in answers]
    assert all(d is not None for d in dates)
    assert date(2024, 7, 1) <= min(dates) and max(dates) <= date(2025, 12, 31)
    assert 4 <= len({a.meta.unit for a in answers}) <= 6


def test_example_generator_is_deterministic_and_lists_planted_values(tmp_path: Path) -> None:
    from exempel.skapa_exempel import main

    main(["--ut", str(tmp_path)])
    assert (tmp_path / "enkat_exempel.csv").read_bytes() == EXAMPLE_EXPORT.read_bytes()
    planted = json.loads(PLANTED.read_text(encoding="utf-8"))["planterade"]
    assert planted == json.loads((tmp_path / PLANTED.name).read_text(encoding="utf-8"))["planterade"]
    assert 8 <= len(planted) <= 15
    assert {"PERSON", "PERSONNUMMER", "TELEFON", "EPOST", "ADRESS"} <= {p["etikett"] for p in planted}
    by_cell = {(a.row, a.question): a.text for a in read_answers(EXAMPLE_EXPORT)}
    for p in planted:
        assert p["varde"] in by_cell[(p["rad"], p["kolumn"])]


def test_example_has_an_emerging_waiting_time_theme() -> None:
    words = ("telefon", "vänt", "vant", "kö", "upptaget", "komma fram")
    late, early = [0, 0], [0, 0]
    for a in read_answers(EXAMPLE_EXPORT, text_columns=["Vad kan bli bättre?"]):
        bucket = late if a.meta.date >= date(2025, 10, 1) else early
        bucket[0] += any(w in a.text.lower() for w in words)
        bucket[1] += 1
    assert late[1] >= 30
    assert late[0] / late[1] > 3 * early[0] / early[1]


def test_real_reviews_are_read_with_comma_delimiter(shared_dir: Path) -> None:
    path = shared_dir / "data" / "real" / "recensioner_sv_10k.csv"
    preview = inspect_export(path)
    assert preview.delimiter == "," and preview.text_columns == ["text"]
    assert preview.n_rows_estimated  # the sample is not the whole file
    with open(path, encoding="utf-8", newline="") as fh:
        n = sum(1 for _ in csv.DictReader(fh))
    assert abs(preview.n_rows - n) / n < 0.2
    stats = IngestStats()
    answers = sum(1 for _ in read_answers(path, stats=stats))
    assert stats.n_rows == n and 0.95 * n <= answers <= n


def test_dev_jsonl_metadata_by_english_and_swedish_names(shared_dir: Path) -> None:
    path = shared_dir / "data" / "dev" / "malbilder_dev.jsonl"
    preview = inspect_export(path)
    assert preview.text_columns == ["text"]
    assert preview.column_map["source_type"] == "source" and preview.column_map["gender"] == "kon"
    objects = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    answers = {a.meta.respondent_id: a for a in read_answers(path)}
    for obj in objects:
        if obj["id"] in answers:
            meta = answers[obj["id"]].meta
            assert meta.source_type == obj["source"] and meta.gender == obj["kon"]
            assert meta.date == date.fromisoformat(obj["datum"])


def test_text_column_and_metadata_overrides(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "export.csv")
    answers = list(
        read_answers(
            path,
            text_columns=["vad kan bli bättre?"],  # case-insensitive match
            column_map={"unit": "Källa", "source_type": "", "date": None},  # "" / None = no column
        )
    )
    assert {a.question for a in answers} == {"Vad kan bli bättre?"}
    a1 = next(a for a in answers if a.meta.respondent_id == "a1")
    assert a1.meta.unit == "Enkät" and a1.meta.source_type is None and a1.meta.date is None
    # The preview's map, passed back as the pipeline does, keeps the switched-off fields off.
    preview = inspect_export(path, column_map={"date": ""})
    assert preview.column_map["date"] == "" and preview.column_map["unit"] == "Verksamhet"
    again = list(read_answers(path, column_map=preview.column_map))
    assert again and all(a.meta.date is None and a.meta.unit for a in again)


def test_sparse_open_question_is_found_by_its_header(tmp_path: Path) -> None:
    path = tmp_path / "glest.csv"
    rows = ["Id;Enhet;Hur nöjd är du?;Övriga synpunkter"]
    short = [
        "vet ej",
        "Inget att tillägga",
        "nej tack",
        "Bra ställe",
        "Tack!",
        "Mer personal",
        "vet ej",
        "Kortare köer",
        "Bättre mat",
        "nej",
        "Allt bra",
        "Fler tider",
        "vet ej",
    ]
    likert = ["Mycket nöjd", "Ganska nöjd", "Varken eller", "Inte särskilt nöjd", "Inte alls nöjd"]
    rows += [f"{i};Enhet {i % 2};{likert[i % 5]};{short[i % 13] if i % 3 else ''}" for i in range(60)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert inspect_export(path).text_columns == ["Övriga synpunkter"]


def test_trailing_empty_fields_are_tolerated_and_short_rows_padded(tmp_path: Path) -> None:
    path = tmp_path / "ojamn.csv"
    path.write_text(
        "id;Vad kan bli bättre?;Övriga synpunkter;;\n"
        "1;Kortare väntetider på mottagningen;Inget mer;;;;\n"
        "2;Fler samtal med psykolog vore bra\n",
        encoding="utf-8",
    )
    answers = list(read_answers(path))
    assert [(a.row, a.question) for a in answers] == [
        (2, "Vad kan bli bättre?"),
        (2, "Övriga synpunkter"),
        (3, "Vad kan bli bättre?"),
    ]


def test_duplicate_and_empty_headers_get_distinct_names(tmp_path: Path) -> None:
    path = tmp_path / "dubbla.csv"
    path.write_text(
        "id;;Annat, nämligen:;Annat, nämligen:\n"
        "1;x;Jag vill ha mer stöd i vardagen hemma;Mer information om behandlingen\n",
        encoding="utf-8",
    )
    preview = inspect_export(path, text_columns=["Annat, nämligen:", "Annat, nämligen: (kolumn D)"])
    assert preview.columns == ["id", "Kolumn B", "Annat, nämligen:", "Annat, nämligen: (kolumn D)"]
    answers = list(read_answers(path, text_columns=preview.text_columns))
    assert {a.question for a in answers} == set(preview.text_columns)


def test_unknown_categories_become_none_and_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "kategorier.csv"
    path.write_text(
        "id;kön;källa;kommentar\n"
        "1;Kvinna;Webbenkät;Bra bemötande från personalen i receptionen\n"
        "2;Katt;telefonintervju på stan;Det tar för lång tid att få en ny tid\n",
        encoding="utf-8",
    )
    stats = IngestStats()
    meta = {a.row: a.meta for a in read_answers(path, stats=stats)}
    assert meta[2].gender == "kvinna" and meta[2].source_type == "enkat"
    assert meta[3].gender is None and meta[3].source_type is None
    assert stats.warnings == {("gender", "okänt värde"): 1, ("source_type", "okänt värde"): 1}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-12", date(2024, 5, 12)),
        ("2024-05-12 10:31", date(2024, 5, 12)),
        ("2024-05-12T10:31:00Z", date(2024, 5, 12)),
        ("12/5/2024", date(2024, 5, 12)),  # day first, as in Sweden
        ("12.05.2024", date(2024, 5, 12)),
        ("20240512", date(2024, 5, 12)),
        ("20240512 10:31", date(2024, 5, 12)),
        ("12 maj 2024", date(2024, 5, 12)),
        ("45424", date(2024, 5, 12)),  # Excel serial as text
        (45424.4375, date(2024, 5, 12)),  # Excel serial as a number (time of day)
        (datetime(2024, 5, 12, 10, 31), date(2024, 5, 12)),
        ("5/13/2024", None),  # US month/day is not guessed
        ("2024-02-30", None),
        ("snart", None),
        ("12345", None),  # not a plausible Excel date
    ],
)
def test_parse_date(value: Any, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_stats_in_the_preview_hold_no_cell_contents(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "export.csv")
    blob = json.dumps(inspect_export(path).to_dict(), default=str, ensure_ascii=False)
    for row in TABLE:
        for cell in row:
            if len(cell) > 3 and cell not in HEADER:
                assert cell not in blob
    stats = inspect_export(path).column_stats["Vad kan bli bättre?"]
    assert stats.non_empty == 4 and stats.kind == "fritext" and 0 < stats.unique_share <= 1


def test_inspect_reads_a_sample_and_read_answers_streams(tmp_path: Path) -> None:
    # A bad row far past the sample: the preview does not see it; the stream yields every
    # answer before it and then names the row.
    path = tmp_path / "stor.csv"
    n_good = SAMPLE_ROWS + 500
    lines = ["id;Vad kan bli bättre?"]
    lines += [f"{i};Svar nummer {i} om väntetider och bemötande" for i in range(n_good)]
    lines.append("x;för;många;fält")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    preview = inspect_export(path)
    assert preview.n_sampled == SAMPLE_ROWS and preview.n_rows_estimated
    assert abs(preview.n_rows - (n_good + 1)) / n_good < 0.1
    seen = 0
    with pytest.raises(InputError) as info:
        for _ in read_answers(path):
            seen += 1
    assert seen == n_good
    assert info.value.row == n_good + 2


def test_file_sha256(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "export.csv")
    assert file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_granska_command_shows_columns_but_no_answer_text(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from nlp.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["granska", str(EXAMPLE_EXPORT), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["text_columns"] == ["Vad fungerar bra?", "Vad kan bli bättre?", "Övriga synpunkter"]
    table = runner.invoke(app, ["granska", str(EXAMPLE_XLSX), "--kolumn", "verksamhet=Källa"])
    assert table.exit_code == 0, table.output
    for answer in read_answers(EXAMPLE_EXPORT):
        if len(answer.text) > 12:
            assert answer.text not in result.output and answer.text not in table.output
    for p in json.loads(PLANTED.read_text(encoding="utf-8"))["planterade"]:
        assert p["varde"] not in result.output + table.output
    bad = runner.invoke(app, ["granska", str(EXAMPLE_EXPORT), "--textkolumn", "Saknas"])
    assert bad.exit_code == 2 and "Saknas" in bad.output and "Traceback" not in bad.output


def test_windows_1252_with_a_few_utf8_lookalikes_is_not_taken_for_utf8(tmp_path: Path) -> None:
    # "Ö" followed by a non-breaking space is, byte for byte, valid UTF-8 ("Ã" + NBSP) —
    # one such pair must not outvote a file full of Windows-1252 å/ä/ö.
    path = tmp_path / "ansi.csv"
    lines = ["id;Vad kan bli bättre?", "1;ÖREBRO\u00a0mottagning", "2;Väntetiden är för lång på vårdcentralen"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert inspect_export(path).encoding == "cp1252"
    texts = [a.text for a in read_answers(path, text_columns=["Vad kan bli bättre?"])]
    assert texts == ["ÖREBRO\u00a0mottagning", "Väntetiden är för lång på vårdcentralen"]


def test_very_long_question_names_are_shortened_and_still_match(tmp_path: Path) -> None:
    question = "Berätta gärna mer om " + "hur du upplevde kontakten med oss " * 20 + "?"
    path = tmp_path / "lang.csv"
    path.write_text(f"id;{question}\n1;Det var bra men tog lång tid att få svar\n", encoding="utf-8")
    answers = list(read_answers(path, text_columns=[question]))
    assert len(answers) == 1 and len(answers[0].question) <= 250
    assert answers[0].question.startswith("Berätta gärna mer om hur du upplevde")


def test_a_column_that_fills_in_after_the_sample_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ny_fraga.csv"
    lines = ["id;Vad kan bli bättre?;Ny fråga"]
    lines += [f"{i};Svar {i}: kortare väntetider och bättre bemötande;" for i in range(SAMPLE_ROWS + 20)]
    lines += [f"{i};Svar {i}: fler aktiviteter på helgerna;Ett svar på den nya frågan" for i in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats = IngestStats()
    answers = list(read_answers(path, stats=stats))
    assert {a.question for a in answers} == {"Vad kan bli bättre?"}
    assert stats.warnings == {("Ny fråga", "ifylld kolumn som var tom i provet och inte lästes"): 3}
