"""An export being read: its path, what was found about it, and the budget it reads within."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.errors import InputError
from nlp.ingest.limits import Budget


@dataclass
class Source:
    """The file and what opening it found; the readers fill in their own fields."""

    path: Path
    file_format: str  # the reader's key (nlp.ingest.readers)
    encoding: str | None = None
    delimiter: str | None = None  # csv
    sheet: str | None = None  # xlsx
    sheets: list[str] = field(default_factory=list)  # xlsx
    json_prefix: str = "item"  # json: where the array of answers is
    workbook: Any = None  # an open handle kept between calls (xlsx: the read-only workbook)
    max_row: int | None = None  # the sheet's stated size (xlsx only), for the row estimate
    sep_line: bool = False  # CSV starts with Excel's "sep=;" line
    budget: Budget = field(default_factory=Budget.read)  # cells and time (limits.py)

    def error(self, message: str, row: int | None = None, column: str | None = None) -> InputError:
        return InputError(message, file=self.path, row=row, column=column)

    def close(self) -> None:
        if self.workbook is not None:
            self.workbook.close()
            self.workbook = None
