"""Background jobs: analysis of an uploaded export, and classifier retraining.

The API only writes a `jobs` row (status "vantar"); a worker claims it and runs it apart
from the request. `EmbeddedWorker` is a thread inside the server process (no extra
server to run). The work itself is the pipeline's (nlp.pipeline); this module only runs it.
Workers claim jobs with a conditional UPDATE, so two workers never run the same job.

Raw uploads hold personal data: they live in a private 0700 directory outside data/,
one 0700 sub-directory per job, deleted as soon as the job ends or fails, and on
start-up when no live job needs them.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, false, select, text, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from nlp import pipeline  # its stages load on first use (nlp/pipeline/__init__.py)
from nlp.errors import BrukarrostError, InputError
from nlp.private_files import private_dir
from nlp.store.db import session_scope
from nlp.store.models import AnalysisRun, Job, Project
from nlp.store.taxonomies import resolve_taxonomy
from nlp.taxonomy import Taxonomy

log = logging.getLogger(__name__)

LIVE_STATUSES = ("uppladdad", "vantar", "pagar")
MAX_ATTEMPTS = 2  # a job interrupted twice by restarts fails instead of looping
# A database outage (PostgreSQL restarted, SQLite file locked for long): a job waits up to
# DB_WAIT_SECONDS for the database, then runs again (at most DB_JOB_ATTEMPTS times).
DB_WAIT_SECONDS = 120.0
DB_JOB_ATTEMPTS = 3
DB_OUTAGE_MESSAGE = (
    "Databasen gick inte att nå medan jobbet kördes, så jobbet avbröts. "
    "Inget halvfärdigt sparades. Starta jobbet igen när databasen fungerar."
)


def _now() -> datetime:
    return datetime.now(UTC)


def _as_aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def remove_upload(path: str | None) -> None:
    if path:
        shutil.rmtree(path, ignore_errors=True)


def db_unavailable(exc: BaseException) -> bool:
    """Whether an error (or one it was raised while handling) means the database was away."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, (OperationalError, InterfaceError)) or (
            isinstance(cur, DBAPIError) and cur.connection_invalidated
        ):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def wait_for_db(engine: Engine, seconds: float) -> bool:
    """Probe the database with back-off until it answers (True) or `seconds` pass (False)."""
    deadline = time.monotonic() + seconds
    delay = 0.2
    while True:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception as exc:  # noqa: BLE001
            if not db_unavailable(exc):
                raise
        if time.monotonic() + delay > deadline:
            return False
        time.sleep(delay)
        delay = min(delay * 2, 5.0)


def _set_job(engine: Engine, job_id: int, fence: int | None = None, **values: Any) -> None:
    """Write to the job row; during an outage wait for the database (up to DB_WAIT_SECONDS).

    With `fence` (the attempt that is writing), nothing is written once another attempt
    has taken the job over: a worker taken for dead cannot overwrite its successor."""
    deadline = time.monotonic() + DB_WAIT_SECONDS
    where = [Job.id == job_id] if fence is None else [Job.id == job_id, Job.attempts == fence]
    while True:
        try:
            with session_scope(engine) as session:
                session.execute(update(Job).where(*where).values(**values))
            return
        except Exception as exc:
            if not db_unavailable(exc):
                raise
            log.warning("Jobb %s: databasen gick inte att nå; väntar på den", job_id)
            if not wait_for_db(engine, deadline - time.monotonic()):
                raise


def claim_next(engine: Engine) -> int | None:
    """Claim the oldest waiting job atomically; None when there is none."""
    with session_scope(engine) as session:
        ids = session.scalars(select(Job.id).where(Job.status == "vantar").order_by(Job.id).limit(5)).all()
        for job_id in ids:
            res = session.execute(
                update(Job)
                .where(Job.id == job_id, Job.status == "vantar")
                .values(status="pagar", started_at=_now(), attempts=Job.attempts + 1)
            )
            if res.rowcount == 1:
                return job_id
    return None


# Progress of running jobs in this process, for stages that run inside one long write
# transaction (the import): SQLite allows one writer, so it cannot go to the job row then.
_live: dict[int, tuple[str, int, int]] = {}


def live_progress(job_id: int) -> tuple[str, int, int] | None:
    """(stage, n, total) of a job running in this process's worker, if any."""
    return _live.get(job_id)


class _Progress:
    """Writes (stage, n, total) to the job row, at most a few times a second."""

    def __init__(self, engine: Engine, job_id: int) -> None:
        self.engine, self.job_id = engine, job_id
        self.last = 0.0
        self.stage: str | None = None
        self.memory_only = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        _live[self.job_id] = (stage, int(done), int(total))
        if self.memory_only:
            return
        now = time.monotonic()
        if stage == self.stage and now - self.last < 0.5 and done < total:
            return
        self.stage, self.last = stage, now
        try:  # progress is not worth waiting for: the next write will carry it
            with session_scope(self.engine) as session:
                session.execute(
                    update(Job)
                    .where(Job.id == self.job_id)
                    .values(stage=stage, progress_n=int(done), progress_total=int(total))
                )
        except Exception as exc:
            if not db_unavailable(exc):
                raise
            self.stage = None


# Final states that could not be written because the database was away; the worker
# writes them as soon as it answers again (so no job stays "pagar" until a restart).
_unfinished: dict[int, dict[str, Any]] = {}


def flush_unfinished(engine: Engine) -> None:
    for job_id, values in list(_unfinished.items()):
        _set_job(engine, job_id, **values)
        _unfinished.pop(job_id, None)


def _load_job(engine: Engine, job_id: int) -> dict[str, Any] | None:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None:
            return None
        project = session.get(Project, job.project_id)
        return {
            "kind": job.kind,
            "params": dict(job.params or {}),
            "upload": job.upload_path,
            "done_import": job.import_id,
            "done_run": job.run_id,
            "slug": project.slug if project else None,
            "filename": job.filename,
            "actor": job.created_by or "api",
        }


def _run_body(engine: Engine, job_id: int, info: dict[str, Any], progress: _Progress) -> dict[str, Any]:
    if info["slug"] is None:
        raise BrukarrostError("Projektet finns inte längre.")
    if info["kind"] == "analys":
        return _run_analysis(
            engine,
            job_id,
            info["slug"],
            info["upload"],
            info["filename"],
            info["actor"],
            info["params"],
            progress,
            done_import=info["done_import"],
            done_run=info["done_run"],
        )
    if info["kind"] == "traning":
        return _run_training(engine, job_id, info["params"], info["actor"], progress)
    raise BrukarrostError(f"Okänd jobbtyp: {info['kind']}.")


def _abandon_run(engine: Engine, job_id: int) -> None:
    """The analysis run of an attempt cut off by an outage: mark it failed (nothing of it
    was stored: results are written in one transaction)."""
    with session_scope(engine) as session:
        run_id = session.scalar(select(Job.run_id).where(Job.id == job_id))
        if run_id is not None:
            session.execute(
                update(AnalysisRun)
                .where(AnalysisRun.id == run_id, AnalysisRun.status == "pagar")
                .values(status="fel", error="Avbröts: databasen gick inte att nå.", finished_at=_now())
            )


def _attempt(engine: Engine, job_id: int, progress: _Progress) -> dict[str, Any] | None:
    """Run the job, again after a database outage; returns the final values for the row."""
    for attempt in range(1, DB_JOB_ATTEMPTS + 1):
        try:
            info = _load_job(engine, job_id)
            if info is None:
                return None
            result = _run_body(engine, job_id, info, progress)
            return {"status": "klar", "stage": "klar", "result": result, "error": None}
        except InputError as exc:  # about the file the person uploaded, as the upload page says
            return {"status": "fel", "error": exc.for_upload()}
        except BrukarrostError as exc:
            return {"status": "fel", "error": exc.message}
        except Exception as exc:  # noqa: BLE001 - a worker must survive any job
            if not db_unavailable(exc):
                # Only the type: the message of an unexpected error could quote data.
                log.error("Jobb %s misslyckades: %s", job_id, type(exc).__name__)
                return {"status": "fel", "error": f"Oväntat fel ({type(exc).__name__}). Se serverns logg."}
            log.warning("Jobb %s: databasen gick inte att nå (försök %s av %s)", job_id, attempt, DB_JOB_ATTEMPTS)
            if attempt == DB_JOB_ATTEMPTS or not wait_for_db(engine, DB_WAIT_SECONDS):
                return {"status": "fel", "error": DB_OUTAGE_MESSAGE}
            _abandon_run(engine, job_id)
            _live.pop(job_id, None)
    return None  # not reached


def run_job(engine: Engine, job_id: int, *, keep_unwritten: bool = True, attempt: int | None = None) -> None:
    """Run one claimed job to the end; never raises. The upload is deleted afterwards.

    A database outage makes the job wait for the database and run again; if it stays
    away, the job fails with a Swedish reason, written as soon as the database answers
    (by this process; with keep_unwritten=False the error is raised instead, so that a
    queue retries the job later and the retry finds what was stored). With `attempt`, the
    final state is written only while the job row still counts that attempt."""
    progress = _Progress(engine, job_id)
    upload: str | None = None
    try:
        with contextlib.suppress(Exception):
            upload = (_load_job(engine, job_id) or {}).get("upload")
        final = _attempt(engine, job_id, progress)
        if final is None:
            return
        values = {**final, "finished_at": _now(), "upload_path": None}
        try:
            _set_job(engine, job_id, fence=attempt, **values)
        except Exception as exc:  # noqa: BLE001
            log.warning("Jobb %s: slutstatus väntar på databasen (%s)", job_id, type(exc).__name__)
            if not keep_unwritten:
                raise
            _unfinished[job_id] = values
    finally:
        remove_upload(upload)
        _live.pop(job_id, None)


def upload_file(upload: str | None) -> Path:
    """The uploaded file in a job's private directory (the one that is not still arriving)."""
    if not upload or not Path(upload).is_dir():
        raise BrukarrostError("Den uppladdade filen finns inte längre; ladda upp den igen.")
    files = [p for p in Path(upload).iterdir() if p.is_file() and p.name != "mottas"]
    if not files:
        raise BrukarrostError("Den uppladdade filen finns inte längre; ladda upp den igen.")
    return files[0]


def _run_analysis(
    engine: Engine,
    job_id: int,
    slug: str,
    upload: str | None,
    filename: str | None,
    actor: str,
    params: dict[str, Any],
    progress: _Progress,
    *,
    done_import: int | None = None,
    done_run: int | None = None,
) -> dict[str, Any]:
    if done_import is not None and not (upload and Path(upload).is_dir()):
        import_id, created = done_import, False  # resumed after a restart: import is stored
    else:
        path = upload_file(upload)
        _set_job(engine, job_id, stage="inläsning")
        # SQLite has one writer, held by the import; PostgreSQL takes the progress on the row,
        # where the pages read it even when the job runs in another process (brukarrost worker).
        progress.memory_only = engine.dialect.name == "sqlite"
        try:
            summary = pipeline.import_export(
                path,
                project=slug,
                engine=engine,
                text_columns=params.get("text_columns"),
                column_map=params.get("column_map"),
                sheet=params.get("sheet"),
                progress=progress,
                actor=actor,
                metadata=params.get("metadata"),
            )
        finally:
            progress.memory_only = False
        import_id, created = summary.import_id, summary.created
    # The raw file is not needed once pseudonymised records are stored; the job row learns
    # the import first, so a retry after an outage resumes from it instead of the file.
    _set_job(engine, job_id, import_id=import_id, upload_path=None)
    remove_upload(upload)
    taxonomy = _job_taxonomy(engine, job_id, params)
    # A job taken over from a stopped worker goes on with its run (nothing of it was stored).
    run_id = done_run if _run_open(engine, done_run, import_id) else None
    if run_id is None:
        run_id = pipeline.create_run(import_id, engine=engine, taxonomy=taxonomy.id)
        _set_job(engine, job_id, run_id=run_id)
    # A new upload joins the project's earlier imports: the project is analysed as a whole,
    # so its themes keep their keys and names, and new or growing themes span every import.
    pipeline.analyse_project(slug, engine=engine, taxonomy=taxonomy, progress=progress, run_id=run_id)
    return {"import_id": import_id, "run_id": run_id, "ny_import": created}


def _run_open(engine: Engine, run_id: int | None, import_id: int) -> bool:
    if run_id is None:
        return False
    with session_scope(engine) as session:
        run = session.get(AnalysisRun, run_id)
        return run is not None and run.import_id == import_id and run.status == "pagar"


def _run_training(
    engine: Engine,
    job_id: int,
    params: dict[str, Any],
    actor: str,
    progress: pipeline.Progress,
) -> dict[str, Any]:
    with session_scope(engine) as session:
        project_id = session.get(Job, job_id).project_id
    taxonomy = _job_taxonomy(engine, job_id, params)
    return pipeline.train_candidate(engine, project_id, taxonomy, actor=actor, progress=progress)


def _job_taxonomy(engine: Engine, job_id: int, params: dict[str, Any]) -> Taxonomy:
    """What the job's taxonomy id means in its project when the job runs: the project's own
    current upload, a run's snapshot or a shipped file (one resolution order: nlp.store)."""
    with session_scope(engine) as session:
        project_id = session.get(Job, job_id).project_id
        return resolve_taxonomy(session, project_id, params.get("taxonomy") or "samsjuklighet")


def expire_uploads(engine: Engine, ttl_hours: float) -> int:
    """Delete uploads whose mapping was never confirmed within ttl_hours."""
    cutoff = _now() - timedelta(hours=ttl_hours)
    n = 0
    with session_scope(engine) as session:
        for job in session.scalars(select(Job).where(Job.status == "uppladdad")):
            if _as_aware(job.created_at) < cutoff:
                remove_upload(job.upload_path)
                job.status, job.upload_path, job.finished_at = "utgangen", None, _now()
                n += 1
    return n


def recover_on_startup(
    engine: Engine, upload_root: Path, ttl_hours: float = 24.0, *, resume_running: bool = True
) -> dict[str, int]:
    """Make interrupted jobs resume (or fail cleanly) and delete stale uploads.

    Assumes one server process owns the embedded worker. With resume_running=False (jobs
    run by `brukarrost worker` processes, nlp/jobqueue.py) running jobs are left to the
    queue, which hands a stopped worker's job to another. An import is one transaction
    and an analysis writes its results in one transaction, so an interrupted job has
    left nothing half-written; its run is marked "fel" and the job is queued again
    while its upload still exists (importing the same file twice adds nothing).
    """
    private_dir(upload_root, own=True)
    counts = {"aterupptagna": 0, "misslyckade": 0, "utgangna": 0, "borttagna_filer": 0}
    with session_scope(engine) as session:
        running = select(Job).where(Job.status == "pagar" if resume_running else false())
        for job in session.scalars(running):
            if job.run_id is not None:
                session.execute(
                    update(AnalysisRun)
                    .where(AnalysisRun.id == job.run_id, AnalysisRun.status == "pagar")
                    .values(status="fel", error="Avbröts av en omstart av servern.", finished_at=_now())
                )
            has_file = bool(job.upload_path) and Path(job.upload_path).is_dir()
            if job.attempts < MAX_ATTEMPTS and (has_file or job.import_id is not None or job.kind != "analys"):
                job.status, job.stage, job.run_id = "vantar", "återupptas", None
                counts["aterupptagna"] += 1
            else:
                job.status, job.finished_at = "fel", _now()
                job.error = "Jobbet avbröts av en omstart av servern och kunde inte återupptas."
                remove_upload(job.upload_path)
                job.upload_path = None
                counts["misslyckade"] += 1
        session.flush()
    counts["utgangna"] = expire_uploads(engine, ttl_hours)
    with session_scope(engine) as session:
        live = {
            str(Path(p).resolve())
            for p in session.scalars(
                select(Job.upload_path).where(Job.status.in_(LIVE_STATUSES), Job.upload_path.is_not(None))
            )
        }
    for child in upload_root.iterdir():
        if str(child.resolve()) not in live:
            remove_upload(str(child)) if child.is_dir() else child.unlink(missing_ok=True)
            counts["borttagna_filer"] += 1
    return counts


class EmbeddedWorker:
    """A daemon thread that runs queued jobs one at a time."""

    def __init__(self, engine: Engine, poll_seconds: float = 1.0, upload_ttl_hours: float | None = None) -> None:
        self.engine = engine
        self.poll_seconds = poll_seconds
        self.upload_ttl_hours = upload_ttl_hours
        self._last_sweep = 0.0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="brukarrost-jobb", daemon=True)
            self._thread.start()

    def notify(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def run_pending(self) -> int:
        """Run every waiting job now, in this thread (used by the CLI and tests)."""
        flush_unfinished(self.engine)
        n = 0
        while (job_id := claim_next(self.engine)) is not None:
            run_job(self.engine, job_id)
            n += 1
        return n

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_pending()
                if self.upload_ttl_hours is not None and time.monotonic() - self._last_sweep > 600:
                    self._last_sweep = time.monotonic()
                    expire_uploads(self.engine, self.upload_ttl_hours)
            except Exception as exc:  # noqa: BLE001 - e.g. the database was briefly away
                log.error("Jobbkön: %s", type(exc).__name__)
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
