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
        self.bare = message  # without the "Fel i fil …:" prefix
        super().__init__(self._prefix(f"fil {self.file}" if self.file else None) + message)

    def _prefix(self, file: str | None) -> str:
        where = [file] if file else []
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column is not None:
            where.append(f"kolumn {self.column!r}")
        return f"Fel i {', '.join(where)}: " if where else ""

    def for_upload(self) -> str:
        """The message for the person who uploaded the file: about "den uppladdade filen",
        since the saved file's name (export.csv) is not one they know and their own name
        for it may hold personal data."""
        return self._prefix("den uppladdade filen") + self.bare


class ConfigError(BrukarrostError):
    """Bad configuration (taxonomy file, key, settings)."""
