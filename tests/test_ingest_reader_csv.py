"""The CSV reader (nlp/ingest/readers/csv_reader.py): delimiter, Excel's sep line, row numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.ingest import EXTENSIONS, inspect_export, read_answers
from nlp.ingest.readers.csv_reader import sniff_delimiter

pytestmark = pytest.mark.utan_databas


def test_csv_is_registered_for_its_endings() -> None:
    assert {EXTENSIONS[e] for e in (".csv", ".txt", ".tsv")} == {"csv"}


def test_the_delimiter_is_the_one_with_consistent_rows_not_the_most_common() -> None:
    # Answers full of commas in a ";"-separated Swedish Excel export.
    text = "id;Vad kan bli bättre?\n1;Kortare köer, fler tider, mer personal\n2;Bättre information, tack\n"
    assert sniff_delimiter(text) == ";"
    assert sniff_delimiter("id\tsvar\n1\tbra, mycket bra\n") == "\t"


def test_multiline_cells_keep_spreadsheet_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "flerrad.csv"
    path.write_text(
        "id;Berätta om din kontakt med oss\r\n"
        '1;"Första stycket om vården.\r\n\r\nAndra stycket, efter en tom rad."\r\n'
        "\r\n"
        "2;Det har blivit bättre sedan i våras, tycker jag.\r\n",
        encoding="utf-8",
    )
    answers = list(read_answers(path))
    assert [a.row for a in answers] == [2, 4]  # the blank line is row 3, as Excel shows it
    assert "\n\n" in answers[0].text


def test_excel_sep_line_names_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_text('sep=,\r\nid,Vad kan bli bättre?\r\n1,"Kortare köer; fler tider"\r\n', encoding="utf-8-sig")
    preview = inspect_export(path)
    assert preview.delimiter == "," and preview.columns == ["id", "Vad kan bli bättre?"]
    answers = list(read_answers(path))
    assert [(a.row, a.text) for a in answers] == [(2, "Kortare köer; fler tider")]
