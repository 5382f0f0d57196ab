"""Jobs on a queue, run by `brukarrost worker` processes apart from the web service.

The queue is procrastinate (https://procrastinate.readthedocs.io) on PostgreSQL, the
database the installation already has once it serves more than one machine: no other
server to run, back up or secure. A queue entry carries only a job id; the `jobs` table
stays the source of truth that the pages read (status, stage, n of N, result).

- The web service enqueues every waiting job without a live entry (`enqueue_waiting`), so
  enqueueing again is harmless. Workers do the same every heartbeat, so a job whose entry
  was lost (the web service stopped between commit and enqueue) or gave up still runs.
- A queue lock per job means two workers never run one job at the same time.
- Workers send a heartbeat; a worker silent for 3 heartbeats is dead, and any worker puts
  its job back in the queue (`requeue_stalled`). The next worker takes it over (`take`):
  the import is stored in one transaction and the job row knows it (import_id), the run's
  results in one transaction (run_id), so the job goes on from what was stored and nothing
  is imported or analysed twice. A job that stopped a worker twice fails (MAX_ATTEMPTS).
- An error that escapes a job (the database away for longer than nlp.jobs waits) is
  retried by the queue with exponential back-off (RETRY).
- Each job runs in a child process of the worker (`run_queued`), and the attempt number
  fences its final write; on SIGTERM a running job is given back (`give_back`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import socket
import sys
import threading
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import Engine, exists, select, text, update
from sqlalchemy.engine import make_url

from nlp.errors import ConfigError
from nlp.jobs import MAX_ATTEMPTS, expire_uploads, remove_upload, run_job
from nlp.store.db import session_scope
from nlp.store.models import AnalysisRun, Classification, Job

if TYPE_CHECKING:  # procrastinate loads only where a queue is used (web start-up stays light)
    import procrastinate

log = logging.getLogger(__name__)

TASK = "brukarrost.jobb"
QUEUE = "brukarrost"
SCHEMA_LOCK = 4_716_002  # advisory lock: one process at a time creates the queue's tables
# Waits 4, 8, 16, 32 s between the attempts of a job whose error escaped it.
RETRY = {"max_attempts": 5, "exponential_wait": 2}
STALLED_HEARTBEATS = 3
UPLOAD_TTL_HOURS = 24.0
TAKEN_OVER_TWICE = (
    "Jobbet avbröts två gånger när en arbetsprocess stannade och körs inte en tredje gång. "
    "Starta det igen; fortsätter det att stanna, kontakta den som driftar tjänsten."
)


def queue_conninfo(setting: str, db_url: str) -> str | None:
    """The queue's PostgreSQL address from BRUKARROST_KO; None when empty (the embedded worker).

    The queue lives in the service's own database ("postgres"), beside the jobs table: one
    server, and a job and its queue entry are read in one query (`waiting_jobs`)."""
    value = (setting or "").strip().lower()
    if not value:
        return None
    if value not in ("postgres", "postgresql"):
        raise ConfigError(
            "BRUKARROST_KO tar värdet postgres (kön i tjänstens PostgreSQL-databas), eller lämnas tom "
            "för den inbyggda arbetaren."
        )
    try:
        parsed = make_url(db_url)
    except Exception:  # noqa: BLE001 - the text itself may hold a password: not quoted
        raise ConfigError("BRUKARROST_DATABASE_URL är inte en giltig databasadress.") from None
    if parsed.get_backend_name() != "postgresql":
        raise ConfigError(
            "Kön kräver PostgreSQL: sätt BRUKARROST_DATABASE_URL till en PostgreSQL-databas som webbtjänsten "
            "och alla arbetsprocesser når, eller lämna BRUKARROST_KO tom för den inbyggda arbetaren."
        )
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def prepare_queue(conninfo: str) -> None:
    """Create the queue's tables (procrastinate's own schema) if the database has none yet."""
    import psycopg
    from procrastinate.schema import SchemaManager

    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (SCHEMA_LOCK,))
        try:
            found = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
            if found is None or found[0] is None:
                conn.execute(SchemaManager.get_schema())
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (SCHEMA_LOCK,))


def _deferrer(app: procrastinate.App, job_id: int) -> Any:
    lock = f"jobb-{job_id}"
    return app.configure_task(TASK, queue=QUEUE, lock=lock, queueing_lock=lock)


def waiting_jobs(engine: Engine) -> list[int]:
    """Waiting or running jobs without a live queue entry (an entry holds its job's lock,
    `jobb-N`): new jobs, and jobs whose entry was lost or gave up (they are taken over)."""
    with engine.connect() as conn:
        return list(
            conn.scalars(
                text(
                    "SELECT j.id FROM jobs j WHERE j.status IN ('vantar', 'pagar') AND NOT EXISTS ("
                    "SELECT 1 FROM procrastinate_jobs p WHERE p.lock = 'jobb-' || j.id "
                    "AND p.status IN ('todo', 'doing')) ORDER BY j.id"
                )
            )
        )


def enqueue_waiting(engine: Engine, app: procrastinate.App) -> int:
    """Put every waiting job in the queue (once: a job already there stays as it is)."""
    from procrastinate import exceptions as queue_errors

    n = 0
    for job_id in waiting_jobs(engine):
        try:
            _deferrer(app, job_id).defer(job_id=job_id)
            n += 1
        except queue_errors.AlreadyEnqueued:
            pass
    return n


async def enqueue_waiting_async(engine: Engine, app: procrastinate.App) -> int:
    from procrastinate import exceptions as queue_errors

    n = 0
    for job_id in await asyncio.to_thread(waiting_jobs, engine):
        try:
            await _deferrer(app, job_id).defer_async(job_id=job_id)
            n += 1
        except queue_errors.AlreadyEnqueued:
            pass
    return n


def _finish_stored_run(job: Job, run: AnalysisRun | None, session: Any) -> bool:
    """A run whose results were stored before its worker stopped: finish it, don't redo it."""
    if run is None:
        return False
    # Results and the run's "klar" are two transactions: results without "klar" are complete.
    stored = run.status == "klar" or (
        run.status == "pagar" and bool(session.scalar(select(exists().where(Classification.run_id == run.id))))
    )
    if not stored:
        return False
    if run.status != "klar":
        run.status, run.stage, run.finished_at = "klar", "klar", datetime.now(UTC)
    job.status, job.stage, job.error, job.finished_at = "klar", "klar", None, datetime.now(UTC)
    job.result = {"import_id": run.import_id, "run_id": run.id, "ny_import": False}
    return True


def take(engine: Engine, job_id: int) -> int | None:
    """Claim a job handed out by the queue, or take it over from a worker that stopped.

    The attempt number when this worker should run it, else None. The queue's lock on the
    job means no other worker runs it now, so a job still "pagar" was left by a worker
    that is gone."""
    upload: str | None = None
    attempt: int | None = None
    with session_scope(engine) as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job is None or job.status not in ("vantar", "pagar"):
            return None  # finished, cancelled or removed meanwhile: nothing to do
        if job.status == "vantar":
            job.status, job.started_at, job.attempts = "pagar", datetime.now(UTC), job.attempts + 1
            return job.attempts
        run = session.get(AnalysisRun, job.run_id) if job.run_id is not None else None
        if job.kind == "analys" and _finish_stored_run(job, run, session):
            log.info("Jobb %s: resultatet var redan sparat; jobbet är klart", job_id)
            upload, job.upload_path = job.upload_path, None
        elif job.attempts >= MAX_ATTEMPTS:
            if run is not None and run.status == "pagar":
                run.status, run.error, run.finished_at = "fel", TAKEN_OVER_TWICE, datetime.now(UTC)
            job.status, job.error, job.finished_at = "fel", TAKEN_OVER_TWICE, datetime.now(UTC)
            upload, job.upload_path = job.upload_path, None
        else:
            log.info("Jobb %s: tas över efter en arbetsprocess som stannade", job_id)
            job.attempts, job.stage = job.attempts + 1, "återupptas"
            attempt = job.attempts
    remove_upload(upload)
    return attempt


class JobInterrupted(Exception):
    """The job's process ended without finishing the job; the queue tries again later."""


async def run_queued(engine: Engine, job_id: int) -> None:
    """The queue's task: run one job if it is still to be run (a repeated entry is a no-op).

    The job runs in a child process: the worker's own loop keeps its heartbeat even when
    the job holds the interpreter for long (numba, HDBSCAN), and the job's memory is given
    back when it ends. The child dies with the worker, so a killed worker leaves no job
    running behind the one that takes it over."""
    attempt = await asyncio.to_thread(take, engine, job_id)
    if attempt is None:
        return
    log.info("Jobb %s startar (försök %s)", job_id, attempt)
    code = f"from nlp.jobqueue import run_child; run_child({job_id}, {attempt}, {os.getpid()})"
    child = await asyncio.create_subprocess_exec(sys.executable, "-c", code)
    try:
        status = await child.wait()
    except asyncio.CancelledError:  # the worker stops: the job goes back to the queue as it was
        child.kill()
        await child.wait()
        await asyncio.to_thread(give_back, engine, job_id, attempt)
        raise
    if status != 0:
        raise JobInterrupted(f"jobb {job_id}: processen slutade med kod {status}")
    log.info("Jobb %s är slut", job_id)


def give_back(engine: Engine, job_id: int, attempt: int) -> None:
    """A job stopped with its worker (SIGTERM): waiting again, and the stop is not counted
    as a failed attempt. What was stored stays (the import, the open run)."""
    with session_scope(engine) as session:
        session.execute(
            update(Job)
            .where(Job.id == job_id, Job.attempts == attempt, Job.status == "pagar")
            .values(status="vantar", stage="väntar", attempts=attempt - 1)
        )
    log.info("Jobb %s: tillbaka i kön när arbetsprocessen stoppades", job_id)


def _die_with_parent(parent: int) -> None:
    with contextlib.suppress(Exception):  # Linux: the kernel kills this process with its parent
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

    def watch() -> None:  # elsewhere, and for a parent that died before prctl
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="foralder", daemon=True).start()


def run_child(job_id: int, attempt: int, parent: int) -> NoReturn:
    """A job's own process (started by run_queued): exit code 0 when the job row got its
    final state."""
    from nlp.config import get_settings
    from nlp.store.db import get_engine

    _die_with_parent(parent)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    code = 0
    try:
        run_job(get_engine(get_settings().db_url), job_id, keep_unwritten=False, attempt=attempt)
    except Exception as exc:  # noqa: BLE001 - the final state could not be written
        log.error("Jobb %s: slutstatus kunde inte skrivas (%s)", job_id, type(exc).__name__)
        code = 3
    # Everything is committed: leave now rather than wait for the libraries' own teardown
    # (seconds under load), which the worker would otherwise wait for.
    logging.shutdown()
    os._exit(code)


def make_app(connector: Any, engine: Engine | None = None) -> procrastinate.App:
    """The queue; with an engine it can also run jobs (a worker), without only enqueue them."""
    import procrastinate

    app = procrastinate.App(connector=connector)
    if engine is not None:

        async def job(job_id: int) -> None:
            await run_queued(engine, job_id)

        app.task(name=TASK, queue=QUEUE, retry=procrastinate.RetryStrategy(**RETRY))(job)
    return app


class QueueDispatcher:
    """The web service's side when a queue is set: a queued job is put in the queue
    (instead of waking an embedded worker); `brukarrost worker` processes run it."""

    def __init__(self, engine: Engine, conninfo: str) -> None:
        from procrastinate import SyncPsycopgConnector

        self.engine = engine
        self.app = make_app(SyncPsycopgConnector(conninfo=conninfo, min_size=1, max_size=4))

    def start(self) -> None:
        self.app.open()
        self.notify()  # jobs that were waiting while the service was down

    def notify(self) -> None:
        # The job is stored already: if the queue cannot be reached now, the workers enqueue
        # it within a heartbeat, so the request that queued it does not fail.
        try:
            enqueue_waiting(self.engine, self.app)
        except Exception as exc:  # noqa: BLE001
            log.warning("Kön gick inte att nå; arbetsprocesserna hämtar jobbet senare (%s)", type(exc).__name__)

    def stop(self, timeout: float = 5.0) -> None:
        self.app.close()


async def requeue_stalled(app: procrastinate.App, seconds: float) -> int:
    """Put the jobs of workers silent for `seconds` back in the queue; returns how many."""
    from procrastinate import exceptions as queue_errors

    n = 0
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=seconds, queue=QUEUE):
        try:
            await app.job_manager.retry_job(job)
            log.warning(
                "Kön: jobb %s (kö-id %s) ges till en annan arbetsprocess", job.task_kwargs.get("job_id"), job.id
            )
            n += 1
        except queue_errors.ConnectorException as exc:  # e.g. another worker put it back first
            log.warning("Kön: jobb i kön %s kunde inte läggas tillbaka (%s)", job.id, type(exc).__name__)
    return n


async def _housekeeping(app: procrastinate.App, engine: Engine, heartbeat: float) -> None:
    """Every heartbeat: stalled jobs back in the queue, lost entries enqueued; stale uploads
    every ten minutes. Errors are logged (by type only) and the loop goes on."""
    last_sweep = 0.0
    while True:
        try:
            await requeue_stalled(app, heartbeat * STALLED_HEARTBEATS)
            await enqueue_waiting_async(engine, app)
            if time.monotonic() - last_sweep > 600:
                last_sweep = time.monotonic()
                await asyncio.to_thread(expire_uploads, engine, UPLOAD_TTL_HOURS)
        except Exception as exc:  # noqa: BLE001 - e.g. the database briefly away
            log.error("Kön: underhållet misslyckades (%s)", type(exc).__name__)
        await asyncio.sleep(heartbeat)


async def run_worker(engine: Engine, conninfo: str, *, concurrency: int = 1, heartbeat: float = 10.0) -> None:
    """Run queued jobs until SIGINT/SIGTERM (a running job then goes back to the queue)."""
    from procrastinate import PsycopgConnector

    app = make_app(PsycopgConnector(conninfo=conninfo, kwargs={"application_name": "brukarrost-worker"}), engine)
    async with app.open_async():
        keeper = asyncio.create_task(_housekeeping(app, engine, heartbeat))
        try:
            await app.run_worker_async(
                queues=[QUEUE],
                name=f"{socket.gethostname()}-{os.getpid()}",
                concurrency=concurrency,
                update_heartbeat_interval=heartbeat,
                stalled_worker_timeout=heartbeat * STALLED_HEARTBEATS,
                # procrastinate stops the heartbeat when asked to stop: a running job is given
                # back (give_back) before other workers would take this one for dead.
                shutdown_graceful_timeout=heartbeat,
            )
        finally:
            keeper.cancel()


__all__ = [
    "QUEUE",
    "RETRY",
    "TASK",
    "JobInterrupted",
    "QueueDispatcher",
    "enqueue_waiting",
    "make_app",
    "prepare_queue",
    "queue_conninfo",
    "requeue_stalled",
    "run_queued",
    "run_worker",
    "give_back",
    "run_child",
    "take",
    "waiting_jobs",
]
