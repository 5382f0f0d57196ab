"""Smoke test: `brukarrost serve` as a real process (uvicorn) on 127.0.0.1, with the first
admin created by `brukarrost anvandare skapa`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_starts_uvicorn_and_answers_on_localhost(engine: Engine, tmp_path: Path) -> None:
    env = dict(
        os.environ, BRUKARROST_UPLOAD_DIR=str(tmp_path / "upp"), BRUKARROST_NYTT_LOSENORD="kanel-och-kardemumma-9"
    )
    made = subprocess.run(
        [sys.executable, "-m", "nlp.cli", "anvandare", "skapa", "forsta", "--projekt", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nlp.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("servern startade inte: " + (proc.stdout.read() if proc.stdout else ""))
            time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=10) as c:
            assert c.get("/api/projects").status_code == 401
            tok = c.post("/api/auth/token", json={"username": "forsta", "password": "kanel-och-kardemumma-9"})
            assert tok.status_code == 200, tok.text
            h = {"Authorization": f"Bearer {tok.json()['access_token']}"}
            projects = c.get("/api/projects", headers=h).json()
            assert [p["slug"] for p in projects] == ["demo"]
            assert c.get("/docs").status_code == 200
            # uvicorn must not take X-Forwarded-For from loopback: a forged address per try
            # would dodge the per-client back-off (no trusted proxies are configured).
            codes = [
                c.post(
                    "/api/auth/token",
                    json={"username": "forsta", "password": "fel-fel"},
                    headers={"X-Forwarded-For": f"10.9.0.{i}"},
                ).status_code
                for i in range(6)
            ]
            assert codes == [401] * 5 + [429]
        assert (tmp_path / "upp").is_dir()  # created with 0700 at start-up
        assert (tmp_path / "upp").stat().st_mode & 0o077 == 0
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
