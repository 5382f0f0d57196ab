"""Export formats as a registry: each module in this package declares one `FORMAT`.

Adding a format is one new module here (name, media type, title, a writer of an
`ExportBook` → bytes, and a file suffix where it is not the name) plus its test
tests/test_report_formats_<name>.py; the export route, its accepted `format` values and the
download links derive from `FORMATS`. Formats that a
spreadsheet program opens must write through nlp/spreadsheet.py (formula neutralisation).

An `ExportBook` holds every table of an export (nlp/report/export_book.py builds it): one row
per answer ("svar"), one row per respondent ("respondenter") and the summary
("sammanfattning"). A workbook format writes them all; a one-table format picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nlp.registry import declared


@dataclass(frozen=True)
class Sheet:
    """One table of an export: its name (a sheet in a workbook), headings and rows."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


@dataclass(frozen=True)
class ExportBook:
    """Every table of one run's export, by sheet name, in the order a workbook shows them."""

    sheets: Sequence[Sheet]

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)


Writer = Callable[[ExportBook], bytes]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # the `format` query value, e.g. "csv"
    media_type: str
    title: str  # for download links: "Ett svar per rad (CSV för Excel)"
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

__all__ = ["FORMATS", "ExportBook", "ExportFormat", "Sheet", "Writer"]
