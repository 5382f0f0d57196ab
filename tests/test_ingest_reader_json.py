"""The JSON reader (nlp/ingest/readers/json_reader.py): the array of answers and its row numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.ingest import EXTENSIONS, inspect_export, read_answers

pytestmark = pytest.mark.utan_databas

ROWS = [{"id": i, "Vad kan bli bättre?": f"Personalen lyssnade inte på mig, svar {i}"} for i in range(3)]


def test_json_is_registered_for_its_ending() -> None:
    assert EXTENSIONS[".json"] == "json"


def test_the_answers_may_be_the_first_array_under_a_key(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps({"enkat": "Brukarenkät", "svar": ROWS}, ensure_ascii=False), encoding="utf-8-sig"
    )  # with a BOM, which ijson itself does not skip
    assert inspect_export(path).file_format == "json"
    answers = list(read_answers(path))
    assert [a.row for a in answers] == [2, 3, 4]  # element number + 1, as in a spreadsheet
    assert answers[0].text == "Personalen lyssnade inte på mig, svar 0"


def test_an_element_that_is_not_an_object_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(ROWS * 2 + [[1, 2]], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(read_answers(path))
    assert err.value.row == 8 and "JSON-objekt" in str(err.value)
