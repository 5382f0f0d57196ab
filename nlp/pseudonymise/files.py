"""Pseudonymise rows of a file, for `brukarrost pseudonymisera` and `klassificera`.

Reading the file is ingest's work; the pipeline composes the two (nlp.pipeline.pseudonymise_file).
Here: the checks of a JSON Lines row's `id` and text field (their names are fixed by the
command), and the pseudonymised output row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlp.core import Span
from nlp.errors import InputError
from nlp.pseudonymise.pseudonymiser import Pseudonymiser

# One text to pseudonymise, RAW: (id, text, column or None). Never persist.
TextRow = tuple[Any, str, str | None]


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


def jsonl_text_rows(objects: Iterable[tuple[int, dict[str, Any]]], path: Path, text_field: str) -> Iterator[TextRow]:
    """Rows from JSON Lines objects (line number, object): an `id` (else the line number)
    and the text field, each checked, with a Swedish InputError naming the line."""
    for line_no, obj in objects:
        if text_field not in obj:
            raise InputError("Fältet med text saknas.", file=path, row=line_no, column=text_field)
        text = obj[text_field]
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise InputError("Fältet ska vara en textsträng.", file=path, row=line_no, column=text_field)
        row_id = obj.get("id", line_no)
        if not isinstance(row_id, (str, int)) or isinstance(row_id, bool):
            raise InputError("Fältet ska vara text eller ett heltal.", file=path, row=line_no, column="id")
        yield row_id, text, None


def pseudonymise_rows(rows: Iterable[TextRow], pseudonymiser: Pseudonymiser) -> Iterator[PseudonymisedRow]:
    """Each row pseudonymised, in order, as it is read (the file is never held whole)."""
    for row_id, text, column in rows:
        result = pseudonymiser.pseudonymise(text)
        yield PseudonymisedRow(row_id, result.text, result.spans, column)
