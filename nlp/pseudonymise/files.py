"""Pseudonymise a whole file, row by row, for `brukarrost pseudonymisera`.

JSON Lines takes an `id` and a text field per line (read here, because the field names are
fixed by the command); CSV, XLSX and JSON go through nlp.ingest.read_answers, and their "id"
is the respondent id when the export has one, else the row number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlp.core import Span
from nlp.errors import InputError
from nlp.pseudonymise.pseudonymiser import Pseudonymiser

_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class PseudonymisedRow:
    """One output row: safe text plus spans (offsets in the original text)."""

    id: Any
    text: str
    spans: tuple[Span, ...]
    column: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
        }
        if self.column is not None:
            out["kolumn"] = self.column
        return out


def _jsonl_rows(path: Path, text_field: str) -> Iterator[tuple[Any, str]]:
    from nlp.ingest import iter_json_lines

    for line_no, obj in iter_json_lines(path):
        if text_field not in obj:
            raise InputError("Fältet med text saknas.", file=path, row=line_no, column=text_field)
        text = obj[text_field]
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise InputError("Fältet ska vara en textsträng.", file=path, row=line_no,
                             column=text_field)
        row_id = obj.get("id", line_no)
        if not isinstance(row_id, (str, int)) or isinstance(row_id, bool):
            raise InputError("Fältet ska vara text eller ett heltal.", file=path, row=line_no,
                             column="id")
        yield row_id, text


def pseudonymise_file(path: Path, pseudonymiser: Pseudonymiser,
                      text_column: str | None = None) -> Iterator[PseudonymisedRow]:
    """Stream pseudonymised rows from a JSON Lines, CSV, XLSX or JSON file."""
    path = Path(path)
    if not path.exists():
        raise InputError("Filen finns inte.", file=path)
    if path.suffix.lower() in _JSONL_SUFFIXES:
        for row_id, text in _jsonl_rows(path, text_column or "text"):
            result = pseudonymiser.pseudonymise(text)
            yield PseudonymisedRow(row_id, result.text, result.spans)
        return
    from nlp.ingest import read_answers

    for answer in read_answers(path, text_columns=[text_column] if text_column else None):
        result = pseudonymiser.pseudonymise(answer.text)
        row_id = answer.meta.respondent_id or answer.row
        yield PseudonymisedRow(row_id, result.text, result.spans, answer.question)
