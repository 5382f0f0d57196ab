"""Export formats as a registry: each module in this package declares one `FORMAT`.

Adding a format is one new module here (name, media type, title, a writer of
(columns, rows) → bytes, and a file suffix where it is not the name) plus its test
tests/test_export_<name>.py; the export route, its accepted `format` values and the
download links derive from `FORMATS`. Formats that a
spreadsheet program opens must write through nlp/spreadsheet.py (formula neutralisation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nlp.registry import declared

Writer = Callable[[Sequence[str], Sequence[Sequence[Any]]], bytes]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # the `format` query value, e.g. "csv"
    media_type: str
    title: str  # for download links: "Svar med förslag och teman (CSV)"
    write: Writer
    suffix: str = ""  # file suffix without the dot; the name when not given

    def __post_init__(self) -> None:
        if not self.suffix:
            object.__setattr__(self, "suffix", self.name)


def _discover() -> dict[str, ExportFormat]:
    found = {f.name: f for f in declared(__name__, "FORMAT", unique=("name",))}
    # csv first: the default, and the first download link
    return dict(sorted(found.items(), key=lambda kv: (kv[0] != "csv", kv[0])))


FORMATS: dict[str, ExportFormat] = _discover()

__all__ = ["FORMATS", "ExportFormat", "Writer"]
