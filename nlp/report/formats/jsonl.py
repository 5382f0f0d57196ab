"""JSON Lines: one JSON object per answer (heading → value), for scripts and other tools.

Not for spreadsheet programs, so no formula neutralisation: values are kept exactly."""

from __future__ import annotations

import json

from nlp.report.formats import ExportBook, ExportFormat


def write(book: ExportBook) -> bytes:
    sheet = book.sheet("svar")
    lines = (
        json.dumps(dict(zip(sheet.columns, row, strict=True)), ensure_ascii=False, default=str) for row in sheet.rows
    )
    return "".join(line + "\n" for line in lines).encode("utf-8")


FORMAT = ExportFormat(
    name="jsonl",
    media_type="application/x-ndjson",
    title="Ett svar per rad (JSON Lines, för skript)",
    write=write,
)
