"""Limits for reading an export: nesting depth, unpacked size, compression ratio, cells, time.

A small hostile upload must not take the server's memory or a core. The security review
found a deeply nested JSON array (80 KB made ijson's prefixes grow quadratically to
3.95 GB) and a 4 MB XLSX zip bomb (1.2 GB of sheet XML, 142 s of a core). So:

- JSON is read from ijson's basic events with a depth counter (json_events.py): an element
  that is not an object, or nesting deeper than the limit, is refused when it starts, before
  it is built; nested values inside an answer object are skipped (ingest rejects them if the
  column is used), never built.
- An XLSX file's zip directory, declared sizes, compression ratios and actual inflated
  sizes are checked before openpyxl opens it.
- Every reader counts cells and parse time against a `Budget`.
- The server's preview runs in a child process (`inspect_isolated`, isolated.py) with
  RLIMIT_AS, a CPU limit and a timeout, so whatever a parse takes is given back when the child exits.

The limits come from settings (nlp/config.py, env BRUKARROST_INGEST_*). Errors are
InputError in Swedish naming the file and, where it applies, the row.
"""

from __future__ import annotations

import struct
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from nlp.errors import InputError

ErrorFactory = Callable[..., InputError]  # Source.error(message, row=None, column=None)

MB = 1024 * 1024
_RATIO_FLOOR = 1 * MB  # small members (styles, tiny sheets) may pack very well and harmlessly
_MAX_ZIP_ENTRIES = 10_000  # an XLSX has tens of parts
_MAX_ZIP_DIRECTORY = 4 * MB


@dataclass(frozen=True)
class Limits:
    """What one file may cost. Defaults are the settings' defaults."""

    max_depth: int = 20
    max_unzipped_bytes: int = 200 * MB
    max_zip_ratio: float = 100.0
    max_cells: int = 20_000_000
    max_columns: int = 16_384
    read_seconds: float = 600.0
    preview_seconds: float = 120.0
    preview_memory_mb: int = 2048

    @classmethod
    def from_settings(cls) -> Limits:
        # Lazily: the upload preview's child process imports this package before it sets its
        # memory limit, and pydantic-settings would add ~110 ms and ~15 MB to every preview.
        from nlp.config import get_settings

        s = get_settings()
        return cls(
            max_depth=s.ingest_max_depth,
            max_unzipped_bytes=int(s.ingest_max_unzipped_mb * MB),
            max_zip_ratio=s.ingest_max_zip_ratio,
            max_cells=s.ingest_max_cells,
            max_columns=s.ingest_max_columns,
            read_seconds=s.ingest_max_seconds,
            preview_seconds=s.ingest_preview_seconds,
            preview_memory_mb=s.ingest_preview_memory_mb,
        )


class Budget:
    """Cells and parse time spent on one file; `check` raises InputError when either runs out.

    Time the consumer spends between rows (pause/resume around a yield) does not count, so
    an import that pseudonymises slowly is not cut short by its reader's budget.
    """

    def __init__(self, limits: Limits, seconds: float) -> None:
        self.limits = limits
        self.seconds = seconds
        self.cells = 0
        self._start = time.monotonic()
        self._paused = 0.0
        self._paused_at: float | None = None

    @classmethod
    def preview(cls, limits: Limits | None = None) -> Budget:
        limits = limits or Limits.from_settings()
        return cls(limits, limits.preview_seconds)

    @classmethod
    def read(cls, limits: Limits | None = None) -> Budget:
        limits = limits or Limits.from_settings()
        return cls(limits, limits.read_seconds)

    def pause(self) -> None:
        self._paused_at = time.monotonic()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused += time.monotonic() - self._paused_at
            self._paused_at = None

    def used(self) -> float:
        return time.monotonic() - self._start - self._paused

    def check(self, error: ErrorFactory, row: int | None = None, cells: int = 0) -> None:
        self.cells += cells
        if self.cells > self.limits.max_cells:
            cap = f"{self.limits.max_cells:,}".replace(",", " ")
            raise error(
                f"Filen har fler än {cap} celler, gränsen för en fil. Dela upp exporten i mindre filer.", row=row
            )
        if self.used() > self.seconds:
            raise error(
                f"Läsningen tog för lång tid (mer än {self.seconds:.0f} sekunder) och avbröts. "
                "Dela upp exporten i mindre filer eller spara den som CSV.",
                row=row,
            )

    def columns(self, error: ErrorFactory, n: int, row: int | None = None) -> None:
        if n > self.limits.max_columns:
            raise error(f"Filen har fler än {self.limits.max_columns} kolumner (fält), gränsen för en fil.", row=row)


# --- zips: XLSX, documents, archives of documents -----------------------------------------------------------------------


@dataclass(frozen=True)
class ZipWords:
    """How errors about a zip name it and what they advise (an Excel file, a document, an archive)."""

    noun: str = "Excel-filen"  # "Excel-filen blir 900 MB uppackad …", "Del 3 av Excel-filen …"
    unreadable: str = "Filen kan inte läsas som Excel-fil (xlsx); den kan vara skadad."
    advice: str = "Spara om den från Excel eller som CSV och försök igen."
    parts: str = "en export har några tiotal. Spara om den från Excel eller som CSV."


EXCEL = ZipWords()


def check_zip(
    path: Path | IO[bytes], budget: Budget, error: ErrorFactory, words: ZipWords = EXCEL, *, max_entries: int = 0
) -> None:
    """Refuse a zip bomb before a library opens the file: directory size, declared sizes,
    compression ratios, then the actual inflated sizes (streamed, stopping at the limit).

    `path`: a file, or a zip held in memory (a document inside an archive). `max_entries`:
    a lower cap on the parts than an XLSX's (an archive of documents: one per document)."""
    limits = budget.limits
    entries, directory = _zip_directory(path, error, words)
    cap = min(max_entries or _MAX_ZIP_ENTRIES, _MAX_ZIP_ENTRIES)
    if entries > cap or directory > _MAX_ZIP_DIRECTORY:
        raise error(f"{words.noun} består av fler än {cap} delar; {words.parts}")
    broken = False
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_declared(infos, limits, error, words)
            _check_inflated(zf, infos, budget, error, words)
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - zipfile raises many kinds (bad CRC, encryption, method)
        broken = True
    if broken:  # raised outside the except block so no library message is chained
        raise error(words.unreadable)


def _zip_directory(path: Path | IO[bytes], error: ErrorFactory, words: ZipWords) -> tuple[int, int]:
    """The entry count and directory size the zip's end record states."""
    if isinstance(path, Path):
        size = path.stat().st_size
        with open(path, "rb") as fh:
            fh.seek(max(0, size - (65536 + 22)))
            tail = fh.read()
    else:
        size = path.seek(0, 2)
        path.seek(max(0, size - (65536 + 22)))
        tail = path.read()
        path.seek(0)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        raise error(words.unreadable)
    entries, directory = struct.unpack_from("<4s4H2IH", tail, pos)[4:6]
    return entries, directory


def _bomb(error: ErrorFactory, what: str, words: ZipWords) -> InputError:
    return error(f"{what} Filen kan vara en så kallad zip-bomb. {words.advice}")


def _check_declared(infos: list[zipfile.ZipInfo], limits: Limits, error: ErrorFactory, words: ZipWords) -> None:
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    cap_mb = limits.max_unzipped_bytes // MB
    if total > limits.max_unzipped_bytes:
        raise _bomb(error, f"{words.noun} blir {total // MB} MB uppackad, mer än gränsen på {cap_mb} MB.", words)
    for number, info in enumerate(infos, 1):
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
            # The part by number: a name inside an archive may be a person's name.
            raise _bomb(
                error,
                f"Del {number} av {words.noun} blir {ratio:.0f} gånger större "
                f"uppackad (gränsen är {limits.max_zip_ratio:.0f}).",
                words,
            )
    if total > _RATIO_FLOOR and total / max(packed, 1) > limits.max_zip_ratio:
        raise _bomb(
            error,
            f"{words.noun} blir {total / max(packed, 1):.0f} gånger större uppackad "
            f"(gränsen är {limits.max_zip_ratio:.0f}).",
            words,
        )


def _check_inflated(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], budget: Budget, error: ErrorFactory, words: ZipWords
) -> None:
    actual = 0
    for info in infos:
        got = 0
        with zf.open(info) as member:
            while chunk := member.read(MB):
                got += len(chunk)
                if actual + got > budget.limits.max_unzipped_bytes or got > info.file_size:
                    raise _bomb(error, f"{words.noun} blir större uppackad än den själv anger.", words)
                budget.check(error)
        if got != info.file_size:
            raise _bomb(error, f"{words.noun} blir mindre uppackad än den själv anger.", words)
        actual += got
