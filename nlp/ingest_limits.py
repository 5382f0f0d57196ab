"""Limits for reading an export: nesting depth, unpacked size, compression ratio, cells, time.

A small hostile upload must not take the server's memory or a core. The security review
found a deeply nested JSON array (80 KB made ijson's prefixes grow quadratically to
3.95 GB) and a 4 MB XLSX zip bomb (1.2 GB of sheet XML, 142 s of a core). So:

- JSON is read from ijson's basic events with a depth counter: an element that is not an
  object, or nesting deeper than the limit, is refused when it starts, before it is built;
  nested values inside an answer object are skipped (ingest rejects them if the column is
  used), never built.
- An XLSX file's zip directory, declared sizes, compression ratios and actual inflated
  sizes are checked before openpyxl opens it.
- Every reader counts cells and parse time against a `Budget`.
- The server's preview runs in a child process (`inspect_isolated`) with RLIMIT_AS, a CPU
  limit and a timeout, so whatever a parse takes is given back when the child exits.

The limits come from settings (nlp/config.py, env BRUKARROST_INGEST_*). Errors are
InputError in Swedish naming the file and, where it applies, the row.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nlp.errors import InputError

ErrorFactory = Callable[..., InputError]  # _Source.error(message, row=None, column=None)

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
        from nlp.config import get_settings

        s = get_settings()
        return cls(
            max_depth=s.ingest_max_depth, max_unzipped_bytes=int(s.ingest_max_unzipped_mb * MB),
            max_zip_ratio=s.ingest_max_zip_ratio, max_cells=s.ingest_max_cells,
            max_columns=s.ingest_max_columns, read_seconds=s.ingest_max_seconds,
            preview_seconds=s.ingest_preview_seconds, preview_memory_mb=s.ingest_preview_memory_mb,
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
            raise error(f"Filen har fler än {cap} celler, gränsen för en fil. Dela upp "
                        "exporten i mindre filer.", row=row)
        if self.used() > self.seconds:
            raise error(
                f"Läsningen tog för lång tid (mer än {self.seconds:.0f} sekunder) och avbröts. "
                "Dela upp exporten i mindre filer eller spara den som CSV.",
                row=row,
            )

    def columns(self, error: ErrorFactory, n: int, row: int | None = None) -> None:
        if n > self.limits.max_columns:
            raise error(f"Filen har fler än {self.limits.max_columns} kolumner (fält), gränsen "
                        "för en fil.", row=row)


# --- JSON from events -----------------------------------------------------------------


class _Events:
    """ijson basic events with a depth counter checked as containers open (nothing built)."""

    def __init__(self, fh: Any, budget: Budget, error: ErrorFactory) -> None:
        import ijson

        self._it = ijson.basic_parse(fh, use_float=True)
        self.budget, self.error = budget, error
        self.depth = 0
        self.row: int | None = None
        self._n = 0

    def __iter__(self) -> _Events:
        return self

    def __next__(self) -> tuple[str, Any]:
        event, value = next(self._it)
        if event == "start_map" or event == "start_array":
            self.enter()
        elif event == "end_map" or event == "end_array":
            self.depth -= 1
        self._n += 1
        if not self._n & 0xFFF:
            self.budget.check(self.error, self.row)
        return event, value

    def enter(self) -> None:
        self.depth += 1
        if self.depth > self.budget.limits.max_depth:
            raise self.error(
                f"JSON-filen är för djupt nästlad (mer än {self.budget.limits.max_depth} "
                "nivåer). En export ska vara en lista av objekt med ett värde per fält.",
                row=self.row,
            )

    def take(self) -> tuple[str, Any]:
        for item in self:
            return item
        raise self.error("Filen är inte giltig JSON.", row=self.row)

    def skip(self, event: str) -> None:
        """Skip the value that began with `event`, without building it."""
        if event == "start_map" or event == "start_array":
            target = self.depth - 1
            for _ in self:
                if self.depth <= target:
                    return


def _value(ev: _Events, event: str, value: Any, keep_nested: bool) -> Any:
    if event == "start_map":
        if keep_nested:
            return _build_map(ev, keep_nested)
        ev.skip(event)
        return {}  # an empty stand-in: ingest rejects it if the column is used
    if event == "start_array":
        if keep_nested:
            return _build_list(ev)
        ev.skip(event)
        return []
    return value


def _build_map(ev: _Events, keep_nested: bool) -> dict[str, Any]:
    # The hot loop of a JSON import: flat values straight from ijson's iterator (an answer
    # object is mostly flat); containers go through `ev`, which counts depth.
    obj: dict[str, Any] = {}
    raw = ev._it
    for event, value in raw:
        if event == "map_key":
            event2, value2 = next(raw, ("", None))
            if event2 == "start_map" or event2 == "start_array":
                ev.enter()
                value2 = _value(ev, event2, value2, keep_nested)
            obj[value] = value2
            if len(obj) > ev.budget.limits.max_columns:
                ev.budget.columns(ev.error, len(obj), ev.row)
        else:  # end_map
            ev.depth -= 1
            return obj
    raise ev.error("Filen är inte giltig JSON.", row=ev.row)


def _build_list(ev: _Events) -> list[Any]:
    out: list[Any] = []
    for event, value in ev:
        if event == "end_array":
            return out
        out.append(_value(ev, event, value, True))
        if not len(out) & 0xFF:
            ev.budget.check(ev.error, ev.row, 256)
    return out


def json_prefix(fh: Any, budget: Budget, error: ErrorFactory) -> str | None:
    """ijson-style prefix of the answers: "item" (top-level array) or "<key>.item" for the
    first array directly under a top-level key; None if there is none."""
    ev = _Events(fh, budget, error)
    event, _ = ev.take()
    if event == "start_array":
        return "item"
    if event != "start_map":
        return None
    for event, key in ev:
        if event == "end_map":
            return None
        event, _ = ev.take()
        if event == "start_array" and "." not in key:
            return f"{key}.item"
        ev.skip(event)
    return None


def json_objects(fh: Any, prefix: str, budget: Budget, error: ErrorFactory) -> Iterator[dict[str, Any]]:
    """The objects of the array at `prefix` (from json_prefix); an element that is not an
    object stops the read naming its row (element number + 1) before it is built."""
    ev = _Events(fh, budget, error)
    key = None if prefix == "item" else prefix[: -len(".item")]
    event, _ = ev.take()
    row = [1]
    if key is None:
        if event == "start_array":
            yield from _elements(ev, row)
        return
    if event != "start_map":
        return
    for event, name in ev:
        if event == "end_map":
            return
        event, _ = ev.take()
        if name == key and event == "start_array":
            yield from _elements(ev, row)
        else:
            ev.skip(event)


def _elements(ev: _Events, row: list[int]) -> Iterator[dict[str, Any]]:
    for event, _ in ev:
        if event == "end_array":
            return
        row[0] += 1
        ev.row = row[0]
        if event != "start_map":
            raise ev.error("Posten är inte ett JSON-objekt ({...}).", row=row[0])
        yield _build_map(ev, keep_nested=False)


def json_line(line: str, row: int, budget: Budget, error: ErrorFactory, keep_nested: bool) -> Any:
    """One JSON Lines line: its object, None if it is not valid JSON. A line that is not an
    object, or nests too deep, raises before it is built."""
    import ijson

    if line.count("{") == 1 and "[" not in line:
        # Flat (no brackets even inside strings): json.loads cannot recurse or build a list.
        try:
            return json.loads(line)
        except ValueError:  # JSONDecodeError, or an integer over Python's 4300-digit limit
            return None
    ev = _Events(io.BytesIO(line.encode("utf-8", "surrogatepass")), budget, error)
    ev.row = row
    try:
        event, _ = ev.take()
        if event != "start_map":
            raise error("Raden är inte ett JSON-objekt ({...}).", row=row)
        obj = _build_map(ev, keep_nested)
        for _ in ev:  # trailing data makes the line invalid, as with json.loads
            pass
    except (ijson.JSONError, UnicodeError):
        return None
    return obj


# --- XLSX (zip) -----------------------------------------------------------------------


def check_zip(path: Path, budget: Budget, error: ErrorFactory) -> None:
    """Refuse a zip bomb before openpyxl opens the file: directory size, declared sizes,
    compression ratios, then the actual inflated sizes (streamed, stopping at the limit)."""
    limits = budget.limits
    unreadable = "Filen kan inte läsas som Excel-fil (xlsx); den kan vara skadad."
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - (65536 + 22)))
        tail = fh.read()
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        raise error(unreadable)
    entries, directory = struct.unpack_from("<4s4H2IH", tail, pos)[4:6]
    if entries > _MAX_ZIP_ENTRIES or directory > _MAX_ZIP_DIRECTORY:
        raise error(f"Excel-filen består av fler än {_MAX_ZIP_ENTRIES} delar; en export har "
                    "några tiotal. Spara om den från Excel eller som CSV.")
    broken = False
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_declared(infos, limits, error)
            _check_inflated(zf, infos, budget, error)
    except InputError:
        raise
    except Exception:  # zipfile raises many kinds (bad CRC, encryption, method)
        broken = True
    if broken:  # raised outside the except block so no library message is chained
        raise error(unreadable)


def _bomb(error: ErrorFactory, what: str) -> InputError:
    return error(f"{what} Filen kan vara en så kallad zip-bomb. Spara om den från Excel eller "
                 "som CSV och försök igen.")


def _check_declared(infos: list[zipfile.ZipInfo], limits: Limits, error: ErrorFactory) -> None:
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    cap_mb = limits.max_unzipped_bytes // MB
    if total > limits.max_unzipped_bytes:
        raise _bomb(error, f"Excel-filen blir {total // MB} MB uppackad, mer än gränsen på {cap_mb} MB.")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
            raise _bomb(error, f"Delen {info.filename!r} i Excel-filen blir {ratio:.0f} gånger större "
                        f"uppackad (gränsen är {limits.max_zip_ratio:.0f}).")
    if total > _RATIO_FLOOR and total / max(packed, 1) > limits.max_zip_ratio:
        raise _bomb(error, f"Excel-filen blir {total / max(packed, 1):.0f} gånger större uppackad "
                    f"(gränsen är {limits.max_zip_ratio:.0f}).")


def _check_inflated(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], budget: Budget,
                    error: ErrorFactory) -> None:
    actual = 0
    for info in infos:
        got = 0
        with zf.open(info) as member:
            while chunk := member.read(MB):
                got += len(chunk)
                if actual + got > budget.limits.max_unzipped_bytes or got > info.file_size:
                    raise _bomb(error, "Excel-filen blir större uppackad än den själv anger.")
                budget.check(error)
        if got != info.file_size:
            raise _bomb(error, "Excel-filen blir mindre uppackad än den själv anger.")
        actual += got


# --- the preview in a child process -----------------------------------------------------


def inspect_isolated(path: Path, limits: Limits | None = None, **kwargs: Any) -> Any:
    """`inspect_export` in a child process with RLIMIT_AS, RLIMIT_CPU and a timeout.

    Whatever the parse takes is given back to the system when the child exits, so the
    server's RSS does not grow with a hostile upload. Returns the ExportPreview; raises
    the child's InputError, or an InputError saying which limit stopped it.
    """
    from nlp.ingest import ColumnStats, ExportPreview

    limits = limits or Limits.from_settings()
    path = Path(path)
    request = json.dumps({"path": str(path), "kwargs": kwargs, "limits": asdict(limits)})
    env = dict(os.environ)  # the child imports this very package, wherever it lives
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "nlp.ingest_limits"], input=request, capture_output=True,
            text=True, timeout=limits.preview_seconds + 5, env=env,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child
        done = None
    answer = _answer(done.stdout) if done is not None else None
    if answer is None or "memory" in answer:
        raise InputError(
            "Förhandsgranskningen avbröts: filen tog mer minne eller tid än gränsen "
            f"({limits.preview_memory_mb} MB, {limits.preview_seconds:.0f} sekunder). Dela upp "
            "exporten i mindre filer eller spara den som CSV.",
            file=path,
        )
    if "failed" in answer:
        raise InputError("Filen kunde inte läsas; den kan vara skadad eller i ett format som "
                         "inte stöds. Använd CSV, Excel (xlsx) eller JSON.", file=path)
    if "error" in answer:
        err = answer["error"]
        raise InputError(err["message"], file=path, row=err.get("row"), column=err.get("column"))
    data = answer["preview"]
    data["column_stats"] = {k: ColumnStats(**v) for k, v in data["column_stats"].items()}
    return ExportPreview(**data)


def _answer(stdout: str) -> dict[str, Any] | None:
    lines = stdout.strip().splitlines()
    try:
        return json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        return None


def _child() -> None:
    import resource

    req = json.loads(sys.stdin.read())
    limits = Limits(**req["limits"])
    memory = limits.preview_memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits.preview_seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    from nlp.ingest import inspect_export

    try:
        preview = inspect_export(Path(req["path"]), limits=limits, **req["kwargs"])
        out: dict[str, Any] = {"preview": preview.to_dict()}
    except InputError as exc:
        # The message without its "Fel i fil …, rad …:" prefix, which the parent rebuilds.
        prefix = InputError("", file=exc.file, row=exc.row, column=exc.column).message
        message = exc.message[len(prefix):] if exc.message.startswith(prefix) else exc.message
        out = {"error": {"message": message, "row": exc.row, "column": exc.column}}
    except MemoryError:
        out = {"memory": True}
    except Exception:  # noqa: BLE001 - no library message (it may quote the file) leaves the child
        out = {"failed": True}
    sys.stdout.write(json.dumps(out, default=str) + "\n")


if __name__ == "__main__":
    _child()
