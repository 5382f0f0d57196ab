"""The JSON Lines export format: one object per answer, values kept exactly."""

from __future__ import annotations

import json

import pytest

from nlp.report import FORMATS, ExportBook, Sheet

pytestmark = pytest.mark.utan_databas


def test_jsonl_writes_one_object_per_answer() -> None:
    fmt = FORMATS["jsonl"]
    book = ExportBook([Sheet("svar", ["Svar-id", "Svar"], [[1, "=1+1"], [2, "Rad ett\nrad två"]])])
    lines = fmt.write(book).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"Svar-id": 1, "Svar": "=1+1"},
        {"Svar-id": 2, "Svar": "Rad ett\nrad två"},
    ]
    assert fmt.suffix == "jsonl" and fmt.write(ExportBook([Sheet("svar", ["Svar-id"], [])])) == b""
