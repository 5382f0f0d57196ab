"""JSON Lines: one JSON object per answer (column → value), for scripts and other tools.

Not for spreadsheet programs, so no formula neutralisation: values are kept exactly."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from nlp.report.formats import ExportFormat


def write(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    lines = (json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str) for row in rows)
    return "".join(line + "\n" for line in lines).encode("utf-8")


FORMAT = ExportFormat(
    name="jsonl",
    media_type="application/x-ndjson",
    title="Svar med förslag och teman (JSON Lines)",
    write=write,
)
