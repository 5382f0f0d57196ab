"""The JSON Lines reader (nlp/ingest/readers/jsonl_reader.py): line numbers, and recognised
by content when the ending names no format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.ingest import EXTENSIONS, inspect_export, iter_json_lines, read_answers

pytestmark = pytest.mark.utan_databas


def test_jsonl_is_registered_for_its_endings() -> None:
    assert EXTENSIONS[".jsonl"] == EXTENSIONS[".ndjson"] == "jsonl"


def test_an_unknown_ending_with_one_object_per_line_is_read_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    rows = [{"id": i, "Vad kan bli bättre?": f"Längre öppettider på helgerna, svar {i}"} for i in range(3)]
    path.write_text("\n\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert inspect_export(path).file_format == "jsonl"
    assert [a.row for a in read_answers(path)] == [1, 3, 5]  # line numbers, blank lines counted


def test_iter_json_lines_names_the_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "svar.jsonl"
    f.write_text('{"id": 1, "text": "Bra bemötande"}\n\n[1, 2]\n', encoding="utf-8")
    rows = iter_json_lines(f)
    assert next(rows) == (1, {"id": 1, "text": "Bra bemötande"})
    with pytest.raises(InputError) as err:
        next(rows)
    assert err.value.row == 3 and "svar.jsonl" in str(err.value)
