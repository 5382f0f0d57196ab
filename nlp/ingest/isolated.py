"""The server's preview in a child process (`python -m nlp.ingest`) with RLIMIT_AS, a CPU
limit and a timeout, so whatever a parse of a hostile upload takes is given back to the
system when the child exits (see limits.py)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from nlp.errors import InputError
from nlp.ingest.limits import MB, Limits
from nlp.ingest.read import inspect_export
from nlp.ingest.types import ColumnStats, ExportPreview

# The directory holding the `nlp` package: the child imports this very package, wherever it lives.
_ROOT = Path(__file__).resolve().parent.parent.parent


def inspect_isolated(path: Path, limits: Limits | None = None, **kwargs: Any) -> ExportPreview:
    """`inspect_export` in a child process with RLIMIT_AS, RLIMIT_CPU and a timeout.

    Whatever the parse takes is given back to the system when the child exits, so the
    server's RSS does not grow with a hostile upload. Returns the ExportPreview; raises
    the child's InputError, or an InputError saying which limit stopped it.
    """
    limits = limits or Limits.from_settings()
    path = Path(path)
    request = json.dumps({"path": str(path), "kwargs": kwargs, "limits": asdict(limits)})
    env = dict(os.environ)
    env["PYTHONPATH"] = str(_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "nlp.ingest"],
            input=request,
            capture_output=True,
            check=False,
            text=True,
            timeout=limits.preview_seconds + 5,
            env=env,
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
        raise InputError(
            "Filen kunde inte läsas; den kan vara skadad eller i ett format som "
            "inte stöds. Använd CSV, Excel (xlsx) eller JSON.",
            file=path,
        )
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


def run_child() -> None:
    """The child's side: read the request from stdin, print one JSON line of answer."""
    req = json.loads(sys.stdin.read())
    limits = Limits(**req["limits"])
    memory = limits.preview_memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits.preview_seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        preview = inspect_export(Path(req["path"]), limits=limits, **req["kwargs"])
        out: dict[str, Any] = {"preview": preview.to_dict()}
    except InputError as exc:
        # The message without its "Fel i fil …, rad …:" prefix, which the parent rebuilds.
        prefix = InputError("", file=exc.file, row=exc.row, column=exc.column).message
        message = exc.message.removeprefix(prefix)
        out = {"error": {"message": message, "row": exc.row, "column": exc.column}}
    except MemoryError:
        out = {"memory": True}
    except Exception:  # noqa: BLE001 - no library message (it may quote the file) leaves the child
        out = {"failed": True}
    sys.stdout.write(json.dumps(out, default=str) + "\n")
