"""Bad input: one test per case. Each must give a Swedish InputError that names the file
(and row/column where it applies), never quotes a cell, and is raised by the call itself
(before anything is yielded) whenever the problem is visible in the sample.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from nlp.errors import InputError
from nlp.ingest import MAX_CELL_CHARS, SAMPLE_ROWS, inspect_export, read_answers

pytestmark = pytest.mark.utan_databas

# Personal data planted in cells: must never appear in an error message.
SECRET = "Hemlig Hemligsson 19811218-9876"
GOOD_ROWS = [
    f"{i};2024-05-{i + 10:02d};Svar {i}: vad bra att ni finns, {SECRET} tycker personalen är snäll" for i in range(1, 6)
]
HEADER = "id;Datum;Vad kan bli bättre?"


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def _raises(
    call: Callable[[], object],
    *,
    file: str,
    row: int | None = None,
    column: str | None = None,
    words: tuple[str, ...] = (),
) -> InputError:
    with pytest.raises(InputError) as info:
        call()
    err = info.value
    assert err.file == file
    assert err.row == row
    assert err.column == column
    message = str(err)
    assert message.startswith(f"Fel i fil {file}")
    # No chained library exception: those can carry the raw line (JSONDecodeError.doc,
    # UnicodeDecodeError.object, parser messages quoting the file).
    assert err.__context__ is None and err.__cause__ is None
    assert SECRET not in message and "Hemligsson" not in message
    for word in words:
        assert word in message
    return err


def _both(path: Path, **kwargs: object) -> None:
    """The preview and the reader raise the same error, at call time."""
    _raises(lambda: inspect_export(path), **kwargs)  # type: ignore[arg-type]
    _raises(lambda: read_answers(path), **kwargs)  # type: ignore[arg-type]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "tom.csv"
    path.write_bytes(b"")
    _both(path, file="tom.csv", words=("tom",))


def test_file_with_only_blank_lines_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n  \r\n")
    _both(path, file="blank.csv", words=("tom",))


def test_header_only_csv(tmp_path: Path) -> None:
    path = _csv(tmp_path / "rubrik.csv", [HEADER])
    _both(path, file="rubrik.csv", row=1, words=("rubrikrad",))


def test_no_text_column(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "siffror.csv", ["id;ålder;poäng;kön"] + [f"{i};{20 + i};{i % 5};{'KM'[i % 2]}" for i in range(30)]
    )
    err = _raises(lambda: read_answers(path), file="siffror.csv", words=("--textkolumn", "'poäng'"))
    assert "fritext" in str(err)


def test_unknown_text_column(tmp_path: Path) -> None:
    path = _csv(tmp_path / "enkat.csv", [HEADER, *GOOD_ROWS])
    _raises(
        lambda: read_answers(path, text_columns=["Finns inte"]),
        file="enkat.csv",
        column="Finns inte",
        words=("finns inte", "'Vad kan bli bättre?'"),
    )


def test_unknown_column_in_metadata_override(tmp_path: Path) -> None:
    path = _csv(tmp_path / "enkat.csv", [HEADER, *GOOD_ROWS])
    _raises(
        lambda: inspect_export(path, column_map={"unit": "Enhet"}),
        file="enkat.csv",
        column="Enhet",
        words=("finns inte",),
    )


def test_unknown_metadata_field_in_override(tmp_path: Path) -> None:
    path = _csv(tmp_path / "enkat.csv", [HEADER, *GOOD_ROWS])
    _raises(
        lambda: read_answers(path, column_map={"postnummer": "id"}),
        file="enkat.csv",
        words=("postnummer", "respondent_id"),
    )


def test_unknown_sheet_name(tmp_path: Path) -> None:
    path = tmp_path / "enkat.xlsx"
    wb = Workbook()
    wb.active.title = "Svar"
    wb.active.append(["id", "Vad kan bli bättre?"])
    wb.active.append([1, "Kortare väntetider på telefon"])
    wb.save(path)
    _raises(lambda: read_answers(path, sheet="Blad9"), file="enkat.xlsx", words=("Blad9", "'Svar'"))


def test_undecodable_bytes_in_a_utf8_file(tmp_path: Path) -> None:
    # A mixed file: UTF-8 rows with one row pasted in from a Windows-1252 file.
    lines = [HEADER.encode(), *(r.encode("utf-8") for r in GOOD_ROWS)]
    lines.insert(3, "9;2024-05-20;Väntetiden är för lång, sa Åsa".encode("cp1252"))
    path = tmp_path / "blandad.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    _both(path, file="blandad.csv", row=4, column="Vad kan bli bättre?", words=("avkoda", "UTF-8"))


def test_bytes_undefined_in_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    body = (HEADER + "\n1;2024-05-12;Bra bemötande på mottagningen\n").encode("cp1252")
    path.write_bytes(body + b"2;2024-05-13;V\xe4ntetider \x81\x8d\x90 i telefon\n")
    _both(path, file="ansi.csv", row=3, column="Vad kan bli bättre?", words=("avkoda",))


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "bild.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    _both(path, file="bild.csv", words=("binär",))


def test_zip_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("svar.csv", HEADER + "\n" + "\n".join(GOOD_ROWS))
    _both(path, file="export.csv", words=("zip", ".xlsx"))


def test_old_xls_file(tmp_path: Path) -> None:
    path = tmp_path / "gammal.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _both(path, file="gammal.xls", words=(".xls",))


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    path = _csv(tmp_path / "export.xlsx", [HEADER, *GOOD_ROWS])
    _both(path, file="export.xlsx", words=("Excel",))


def test_ragged_row_with_more_fields(tmp_path: Path) -> None:
    lines = [HEADER, *GOOD_ROWS]
    lines.insert(3, f"7;2024-06-01;Bra;men {SECRET};extra fält")  # spreadsheet row 4
    path = _csv(tmp_path / "ojamn.csv", lines)
    _both(path, file="ojamn.csv", row=4, words=("3 kolumner", "5 fält"))


def test_unparseable_date_deep_in_the_file_is_found_when_streamed(tmp_path: Path) -> None:
    lines = [HEADER] + [f"{i};2024-05-12;Svar {i}: mer personal på kvällarna" for i in range(SAMPLE_ROWS + 5)]
    lines.append(f"x;13/13/2024;{SECRET}")
    path = _csv(tmp_path / "datum_sent.csv", lines)
    answers = read_answers(path)
    _raises(lambda: list(answers), file="datum_sent.csv", row=SAMPLE_ROWS + 7, column="Datum", words=("Datumet",))


def test_ragged_row_deep_in_the_file_is_found_when_streamed(tmp_path: Path) -> None:
    lines = [HEADER] + [f"{i};2024-05-12;Svar {i}: vi vill ha kortare väntetider" for i in range(SAMPLE_ROWS + 50)]
    lines.append(f"x;2024-05-12;{SECRET};för många")
    path = _csv(tmp_path / "djup.csv", lines)
    answers = read_answers(path)  # the sample is fine
    _raises(lambda: list(answers), file="djup.csv", row=SAMPLE_ROWS + 52, words=("fält",))


def test_one_megabyte_cell(tmp_path: Path) -> None:
    lines = [HEADER, *GOOD_ROWS]
    lines.insert(2, "8;2024-05-12;" + (SECRET + " ") * (1_000_000 // (len(SECRET) + 1)))
    path = _csv(tmp_path / "stor_cell.csv", lines)
    err = _raises(
        lambda: read_answers(path),
        file="stor_cell.csv",
        row=3,
        column="Vad kan bli bättre?",
        words=("för lång", str(MAX_CELL_CHARS)),
    )
    assert len(str(err)) < 500


def test_unclosed_quote_swallowing_the_file(tmp_path: Path) -> None:
    lines = [HEADER, *GOOD_ROWS, '9;2024-05-12;"Här börjar ett citat som aldrig slutar']
    lines += [f"{i};2024-05-12;{SECRET} rad {i}" for i in range(10, 4000)]
    path = _csv(tmp_path / "citat.csv", lines)
    _raises(
        lambda: list(read_answers(path)), file="citat.csv", row=7, column="Vad kan bli bättre?", words=("citattecken",)
    )


def test_xlsx_with_only_headers(tmp_path: Path) -> None:
    path = tmp_path / "rubriker.xlsx"
    wb = Workbook()
    wb.active.title = "Svar"
    wb.active.append(["Respondent-ID", "Datum", "Vad fungerar bra?", "Vad kan bli bättre?"])
    wb.save(path)
    _both(path, file="rubriker.xlsx", row=1, words=("rubrikrad", "'Svar'"))


def test_xlsx_without_any_filled_sheet(tmp_path: Path) -> None:
    path = tmp_path / "tomt.xlsx"
    Workbook().save(path)
    _both(path, file="tomt.xlsx", words=("inga ifyllda blad",))


def test_unparseable_date(tmp_path: Path) -> None:
    lines = [HEADER, *GOOD_ROWS]
    lines.insert(4, f"6;{SECRET};Kortare köer i telefon")  # the "date" holds personal data
    path = _csv(tmp_path / "datum.csv", lines)
    _both(path, file="datum.csv", row=5, column="Datum", words=("Datumet kan inte tolkas", "2024-05-12"))
    # Mapping the date to no column imports the file.
    assert len(list(read_answers(path, column_map={"date": ""}))) == len(GOOD_ROWS) + 1


def test_invalid_json_line(tmp_path: Path) -> None:
    good = json.dumps({"id": 1, "svar": f"Bra bemötande, {SECRET}"}, ensure_ascii=False)
    path = tmp_path / "svar.jsonl"
    path.write_text(f'{good}\n{good}\n{{"id": 3, "svar": "{SECRET}\n', encoding="utf-8")
    _both(path, file="svar.jsonl", row=3, words=("JSON",))


def test_json_without_a_list_of_answers(tmp_path: Path) -> None:
    path = tmp_path / "svar.json"
    path.write_text(json.dumps({"id": 1, "svar": SECRET}), encoding="utf-8")
    _both(path, file="svar.json", words=("lista",))


def test_broken_json_array(tmp_path: Path) -> None:
    objs = [{"id": i, "kommentar": f"Mer tid med läkaren, svar nummer {i} {SECRET}"} for i in range(5)]
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(objs, ensure_ascii=False)[:-30], encoding="utf-8")
    _both(path, file="svar.json", row=6, words=("JSON",))  # the 5th element is row 6


def test_missing_file(tmp_path: Path) -> None:
    _both(tmp_path / "finns_inte.csv", file="finns_inte.csv", words=("finns inte",))


def test_file_without_header_row(tmp_path: Path) -> None:
    path = _csv(tmp_path / "utan_rubrik.csv", [r for r in GOOD_ROWS])
    _both(path, file="utan_rubrik.csv", row=1, words=("rubrikrad", "kolumn B"))


def test_unknown_encoding_or_delimiter_override(tmp_path: Path) -> None:
    path = _csv(tmp_path / "enkat.csv", [HEADER, *GOOD_ROWS])
    _raises(lambda: read_answers(path, encoding="klingonska"), file="enkat.csv", words=("teckenkodning",))
    _raises(lambda: read_answers(path, delimiter=";;"), file="enkat.csv", words=("Avgränsaren",))


def test_undecodable_bytes_in_the_header(tmp_path: Path) -> None:
    path = tmp_path / "rubrik.csv"
    path.write_bytes(b"id;Fr\x81ga 1\n" + "1;Väntetiden är för lång\n".encode("cp1252"))
    _both(path, file="rubrik.csv", row=1, words=("kolumn B", "avkoda"))
