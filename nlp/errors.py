"""Errors users see. Messages are plain Swedish and never contain answer text.

Personal data must not leak through an error message, so an error names the file,
row and column where it applies, never the content of a cell.
"""

from __future__ import annotations

from pathlib import Path


class BrukarrostError(Exception):
    """Base class for errors shown to users (Swedish message, non-zero exit)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(BrukarrostError):
    """Bad input file: names the file and, where it applies, row and column."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = str(Path(file).name) if file is not None else None
        self.row = row
        self.column = column
        where = []
        if self.file:
            where.append(f"fil {self.file}")
        if row is not None:
            where.append(f"rad {row}")
        if column is not None:
            where.append(f"kolumn {column!r}")
        prefix = f"Fel i {', '.join(where)}: " if where else ""
        super().__init__(prefix + message)


class ConfigError(BrukarrostError):
    """Bad configuration (taxonomy file, key, settings)."""
