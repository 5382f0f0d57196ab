"""Two real `brukarrost worker` processes beside the web service (uvicorn) on PostgreSQL:
an upload runs to "klar"; the worker running it is killed (SIGKILL) mid-job, and the other
one finishes it with nothing imported, analysed or stored twice and nothing lost.

Needs a PostgreSQL server (the one of BRUKARROST_TEST_DATABASE_URL, else 127.0.0.1:5432);
the test makes its own database and drops it afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import URL, make_url

from nlp.store.db import init_db
from nlp.store.models import AnalysisRun, Classification, Import, Job, RecordRow
from tests.conftest import EXAMPLE_EXPORT, PROJECT_ROOT
from tests.server_process import uvicorn_server
from tests.test_api_support import PASSWORD, seed

pytestmark = pytest.mark.slow
HEARTBEAT_SECONDS = 1.0


def _server_url() -> URL:
    given = os.environ.get("BRUKARROST_TEST_DATABASE_URL")
    return make_url(given or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def queue_db() -> Iterator[str]:
    admin_url = _server_url().set(database="postgres")
    name = f"brukarrost_ko_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        admin.dispose()
        pytest.skip(f"ingen PostgreSQL-server att köra kön på ({type(exc).__name__})")
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _env(db_url: str, tmp_path: Path) -> dict[str, str]:
    env = os.environ.copy()  # the test's own data dir and key file (tests/conftest.py)
    env.update(
        BRUKARROST_DATABASE_URL=db_url,
        BRUKARROST_KO="postgres",
        BRUKARROST_KO_HJARTSLAG_SEKUNDER=str(HEARTBEAT_SECONDS),
        BRUKARROST_UPLOAD_DIR=str(tmp_path / "uppladdningar"),  # shared by server and workers
        BRUKARROST_SESSION_SECRET="test-hemlighet-" + "x" * 32,
        PYTHONPATH=str(PROJECT_ROOT),
    )
    return env


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    out = open(log, "wb")  # noqa: SIM115 - closed with the process below
    return subprocess.Popen(
        [sys.executable, "-m", "nlp.cli", "worker"], env=env, cwd=PROJECT_ROOT, stdout=out, stderr=subprocess.STDOUT
    )


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _job(engine: Engine, job_id: int) -> Job:
    with engine.connect() as conn:
        return conn.execute(select(Job).where(Job.id == job_id)).one()


def _count(engine: Engine, model: Any, *where: Any) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model).where(*where))


def _wait(what: str, check: Any, timeout_s: float, logs: list[Path]) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if (value := check()) is not None:
            return value
        time.sleep(0.05)
    tails = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-2000:]}" for p in logs)
    raise AssertionError(f"{what} hände inte inom {timeout_s} s\n{tails}")


def _upload_and_start(base: str, export: bytes) -> tuple[int, list[str]]:
    with httpx.Client(base_url=base, timeout=60) as c:
        token = c.post("/api/auth/token", json={"username": "analytiker", "password": PASSWORD}).json()
        h = {"Authorization": f"Bearer {token['access_token']}"}
        project = c.get("/api/projects", headers=h).json()[0]["id"]
        r = c.post(f"/api/projects/{project}/uploads", headers=h, files={"fil": ("enkat.csv", export, "text/csv")})
        assert r.status_code == 201, r.text
        job_id, columns = r.json()["job"]["id"], r.json()["preview"]["text_columns"]
        r = c.post(f"/api/jobs/{job_id}/start", headers=h, json={"text_columns": columns})
        assert r.status_code == 200 and r.json()["status"] == "vantar", r.text
        return job_id, columns


def _records_in_one_process(path: Path, columns: list[str], tmp_path: Path) -> int:
    """What the same file gives imported in this process (SQLite, the same key)."""
    from nlp import pipeline

    engine = init_db(f"sqlite:///{tmp_path / 'referens.db'}")
    summary = pipeline.import_export(path, project="referens", engine=engine, text_columns=columns)
    engine.dispose()
    return summary.n_records


def test_a_killed_workers_job_finishes_on_the_other(queue_db: str, tmp_path: Path) -> None:
    engine = init_db(queue_db)
    seed(engine)  # users and two projects, each with one finished import and run
    imports_before, runs_before = _count(engine, Import), _count(engine, AnalysisRun)
    env = _env(queue_db, tmp_path)
    export = tmp_path / "enkat.csv"  # 150 of the example's rows: long enough to kill mid-job
    export.write_bytes(b"".join(EXAMPLE_EXPORT.read_bytes().splitlines(keepends=True)[:151]))
    logs = [tmp_path / "arbetare-1.log", tmp_path / "arbetare-2.log"]
    with uvicorn_server(env, "/logga-in", log=tmp_path / "server.log") as base:
        workers = [_start_worker(env, log) for log in logs]
        try:
            job_id, columns = _upload_and_start(base, export.read_bytes())
            started = f"Jobb {job_id} startar"
            first = _wait("att en arbetare tog jobbet", lambda: _log_with(logs, started), 60, logs)
            # mid-job: the import is stored and the analysis has begun, nothing of it stored yet
            run_id = _wait("att analysen började", lambda: _job(engine, job_id).run_id, 120, logs)
            os.kill(workers[first].pid, signal.SIGKILL)
            workers[first].wait()
            killed_at = _job(engine, job_id)
            assert killed_at.status == "pagar" and killed_at.import_id is not None
            assert _count(engine, Classification, Classification.run_id == run_id) == 0
            other = logs[1 - first]
            _wait("att den andra arbetaren tog över", lambda: started in other.read_text() or None, 60, logs)
            done = _wait("att jobbet blev klart", lambda: _finished(engine, job_id), 240, logs)
        finally:
            for w in workers:
                _stop(w)
    assert done.status == "klar", done.error
    assert done.attempts == 2 and done.result["run_id"] == run_id  # the same run went on
    # nothing duplicated: one new import, one new run, every answer once; nothing lost
    assert _count(engine, Import) == imports_before + 1
    assert _count(engine, AnalysisRun) == runs_before + 1
    import_id = done.result["import_id"]
    n_records = _count(engine, RecordRow, RecordRow.import_id == import_id)
    assert n_records == _records_in_one_process(export, columns, tmp_path) > 100
    # The run analyses the project as a whole: every answer of its imports classified once.
    with engine.connect() as conn:
        project_id = conn.scalar(select(Import.project_id).where(Import.id == import_id))
        in_project = conn.scalar(
            select(func.count(RecordRow.id))
            .join(Import, Import.id == RecordRow.import_id)
            .where(Import.project_id == project_id)
        )
    assert in_project > n_records
    assert _count(engine, Classification, Classification.run_id == run_id) == in_project
    assert (
        _count(
            engine,
            Classification,
            Classification.run_id == run_id,
            Classification.record_id.in_(select(RecordRow.id).where(RecordRow.import_id == import_id)),
        )
        == n_records
    )
    with engine.connect() as conn:
        assert conn.scalar(select(AnalysisRun.status).where(AnalysisRun.id == run_id)) == "klar"
        assert conn.scalar(select(Import.n_records).where(Import.id == import_id)) == n_records
    engine.dispose()


def _log_with(logs: list[Path], line: str) -> int | None:
    for i, log in enumerate(logs):
        if log.exists() and line in log.read_text(errors="replace"):
            return i
    return None


def _finished(engine: Engine, job_id: int) -> Job | None:
    job = _job(engine, job_id)
    return job if job.status not in ("vantar", "pagar") else None


def test_a_stopped_worker_gives_its_job_back(queue_db: str, tmp_path: Path) -> None:
    """SIGTERM (a restart, a deploy): the worker stops within a heartbeat or two, its job
    waits again without counting as a failed attempt, and the next worker finishes it with
    the same run."""
    from nlp import pipeline
    from nlp.jobqueue import QueueDispatcher, prepare_queue, queue_conninfo
    from nlp.store.db import session_scope

    engine = init_db(queue_db)
    ids = seed(engine)
    export = tmp_path / "enkat.csv"
    export.write_bytes(b"".join(EXAMPLE_EXPORT.read_bytes().splitlines(keepends=True)[:121]))
    imported = pipeline.import_export(export, project="projekt-a", engine=engine)
    with session_scope(engine) as s:
        job = Job(project_id=ids["project_a"], kind="analys", status="vantar", import_id=imported.import_id)
        s.add(job)
        s.flush()
        job_id = job.id
    runs_before = _count(engine, AnalysisRun)
    env, conninfo = _env(queue_db, tmp_path), queue_conninfo("postgres", queue_db)
    prepare_queue(conninfo)
    logs = [tmp_path / "arbetare-1.log", tmp_path / "arbetare-2.log"]
    first = _start_worker(env, logs[0])
    dispatcher = QueueDispatcher(engine, conninfo)
    dispatcher.start()
    try:
        run_id = _wait("att analysen började", lambda: _job(engine, job_id).run_id, 120, logs[:1])
        t0 = time.monotonic()
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=30)
        assert time.monotonic() - t0 < 10 * HEARTBEAT_SECONDS
        back = _job(engine, job_id)
        assert (back.status, back.attempts, back.run_id) == ("vantar", 0, run_id)
        second = _start_worker(env, logs[1])
        try:
            done = _wait("att jobbet blev klart", lambda: _finished(engine, job_id), 300, logs)
        finally:
            _stop(second)
    finally:
        _stop(first)
        dispatcher.stop()
    assert (done.status, done.attempts, done.result["run_id"]) == ("klar", 1, run_id), done.error
    assert _count(engine, AnalysisRun) == runs_before + 1
    engine.dispose()
