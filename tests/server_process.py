"""The one way tests and benchmarks start the app under uvicorn as a separate process."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def uvicorn_server(
    env: dict[str, str],
    ready_path: str,
    *,
    timeout_s: float = 60,
    extra_args: tuple[str, ...] = (),
    log: Path | None = None,
) -> Iterator[str]:
    """Start `api.app:create_app` on a free port, wait until `ready_path` answers 200, yield the
    base URL, and stop the server afterwards. With `log`, the server's output goes to that
    file and its end is part of the error when the server does not start."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", *extra_args]
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(log, "w")) if log else None
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT if out else None)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(proc, f"{base}{ready_path}", timeout_s, log)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_until_ready(proc: subprocess.Popen[bytes], url: str, timeout_s: float, log: Path | None) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise RuntimeError("Servern startade inte." + (f"\n{tail}" if tail else ""))
        time.sleep(0.2)
