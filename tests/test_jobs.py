"""Jobs survive a database outage without a restart (nlp/jobs.py): a real PostgreSQL
server refuses connections for a while and every backend is terminated mid-job."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from api.app import create_app
from nlp import jobs
from tests.test_api_jobs import _small_export, _upload
from tests.test_api_support import make_settings, seed, token_headers

pytestmark = pytest.mark.skipif(
    not os.environ.get("BRUKARROST_TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="Avbrottet simuleras mot PostgreSQL: ange BRUKARROST_TEST_DATABASE_URL",
)


@contextmanager
def outage(engine: Engine) -> Iterator[None]:
    """The database refuses new connections and every open one is cut, until the block ends."""
    name = engine.url.database
    admin = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d AND pid <> pg_backend_pid()"
            ),
            {"d": name},
        )
        try:
            yield
        finally:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
    admin.dispose()


def _status(engine: Engine, job_id: int) -> tuple[str, str | None]:
    with engine.connect() as conn:
        return tuple(conn.execute(text("SELECT status, error FROM jobs WHERE id = :i"), {"i": job_id}).one())


def _start_job(client: TestClient, h: dict[str, str], project: int, tmp_path: Path) -> int:
    job = _upload(client, h, project, "a.csv", _small_export(tmp_path, 30)).json()["job"]
    r = client.post(
        f"/api/jobs/{job['id']}/start",
        headers=h,
        json={"text_columns": ["Vad fungerar bra?", "Vad kan bli bättre?"], "taxonomy": "samsjuklighet"},
    )
    assert r.status_code == 200, r.text
    return job["id"]


def _run_through_outage(engine: Engine, tmp_path: Path, seconds: float) -> tuple[Any, int, str]:
    ids = seed(engine)
    settings = make_settings(tmp_path, embedded_worker=True, worker_poll_seconds=0.2)
    with TestClient(create_app(settings)) as client:
        h = token_headers(client, "analytiker")
        job_id = _start_job(client, h, ids["project_a"], tmp_path)
        deadline = time.monotonic() + 60
        while _status(engine, job_id)[0] != "pagar" and time.monotonic() < deadline:
            time.sleep(0.05)
        with outage(engine):
            during = client.get(f"/api/jobs/{job_id}", headers=h)
            time.sleep(seconds)
        deadline = time.monotonic() + 300
        while _status(engine, job_id)[0] in ("vantar", "pagar") and time.monotonic() < deadline:
            time.sleep(0.5)
        worker = client.app.state.worker
        alive = worker._thread is not None and worker._thread.is_alive()
        assert alive, "jobbkön dog under avbrottet"
    assert during.status_code == 503 and "import" not in during.json()["detail"]
    return worker, job_id, during.json()["detail"]


def test_job_waits_out_a_database_outage_and_finishes(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="nlp.jobs")
    _, job_id, detail = _run_through_outage(engine, tmp_path, seconds=6)
    assert "går inte att nå" in detail
    assert "databasen gick inte att nå" in caplog.text  # the outage did hit the job
    status, error = _status(engine, job_id)
    assert status == "klar", error
    with engine.connect() as conn:
        runs = conn.execute(text("SELECT status FROM analysis_runs")).scalars().all()
    assert "pagar" not in runs and "klar" in runs
    assert list((tmp_path / "uppladdningar").iterdir()) == []


def test_job_fails_with_a_swedish_reason_when_the_database_stays_away(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "DB_WAIT_SECONDS", 1.0)
    _run_through_outage(engine, tmp_path, seconds=6)
    status, error = _status(engine, 1)
    assert status == "fel"
    assert error == jobs.DB_OUTAGE_MESSAGE and "import" not in error
    assert threading.active_count() >= 1
