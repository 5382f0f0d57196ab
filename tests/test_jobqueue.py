"""The queue's side of jobs (nlp/jobqueue.py) on the real database: the setting, and how a
worker claims a job or takes it over from a worker that stopped (nothing done twice)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from nlp.errors import ConfigError
from nlp.jobqueue import give_back, queue_conninfo, take
from nlp.jobs import MAX_ATTEMPTS, run_job
from nlp.store.db import session_scope
from nlp.store.models import AnalysisRun, Classification, Job, RecordRow
from tests.test_api_support import seeded  # noqa: F401

PG = "postgresql+psycopg://brukare:hemligt@db.example:5432/brukarrost"


def test_the_setting_names_a_postgres_queue_or_none() -> None:
    assert queue_conninfo("", PG) is None
    assert queue_conninfo("  ", "sqlite:///x.db") is None
    # "postgres" is the service's own database, in the form psycopg takes
    assert queue_conninfo("postgres", PG) == "postgresql://brukare:hemligt@db.example:5432/brukarrost"
    assert queue_conninfo(" PostgreSQL ", PG) == "postgresql://brukare:hemligt@db.example:5432/brukarrost"
    with pytest.raises(ConfigError, match="Kön kräver PostgreSQL"):
        queue_conninfo("postgres", "sqlite:///data/brukarrost.db")
    with pytest.raises(ConfigError, match="tar värdet postgres"):
        queue_conninfo("redis://127.0.0.1:6379/0", PG)
    with pytest.raises(ConfigError, match="inte en giltig") as err:
        queue_conninfo("postgres", "::hemligt-lösen::")
    assert "hemligt" not in str(err.value)


def _job(engine: Engine, project_id: int, **values: Any) -> int:
    with session_scope(engine) as s:
        job = Job(project_id=project_id, kind="analys", filename="uppladdning 1 (csv)", **values)
        s.add(job)
        s.flush()
        return job.id


def _row(engine: Engine, job_id: int) -> Job:
    with session_scope(engine) as s:
        job = s.get(Job, job_id)
        s.expunge(job)
        return job


def test_a_waiting_job_is_claimed_once(engine: Engine, seeded: dict[str, Any]) -> None:
    job_id = _job(engine, seeded["project_a"], status="vantar")
    assert take(engine, job_id) == 1  # the attempt, which fences the job's final write
    job = _row(engine, job_id)
    assert (job.status, job.attempts) == ("pagar", 1) and job.started_at is not None
    for status in ("klar", "fel", "avbruten", "uppladdad"):
        other = _job(engine, seeded["project_a"], status=status)
        assert take(engine, other) is None
        assert _row(engine, other).status == status
    assert take(engine, 10_000) is None


def test_a_stopped_workers_job_goes_on_with_its_run(engine: Engine, seeded: dict[str, Any]) -> None:
    import_id = seeded["import_a"]
    with session_scope(engine) as s:
        run = AnalysisRun(import_id=import_id, taxonomy_id="samsjuklighet", status="pagar", stage="inbäddning")
        s.add(run)
        s.flush()
        run_id = run.id
    job_id = _job(engine, seeded["project_a"], status="pagar", attempts=1, import_id=import_id, run_id=run_id)
    assert take(engine, job_id) == 2
    job = _row(engine, job_id)
    # the same run goes on (nlp.jobs reuses an open run): no second run, no second import
    assert (job.status, job.attempts, job.stage, job.run_id) == ("pagar", 2, "återupptas", run_id)
    # stopped once more: the job fails instead of stopping workers forever, and says why
    assert MAX_ATTEMPTS == 2
    assert take(engine, job_id) is None
    job = _row(engine, job_id)
    assert job.status == "fel" and "två gånger" in job.error
    with session_scope(engine) as s:
        assert s.get(AnalysisRun, run_id).status == "fel"


def test_results_stored_before_the_stop_are_not_made_again(engine: Engine, seeded: dict[str, Any]) -> None:
    """Results and the run's "klar" are written in two transactions; a worker that stopped
    between them left a complete run, which the next worker finishes instead of redoing."""
    import_id = seeded["import_a"]
    with session_scope(engine) as s:
        run = AnalysisRun(import_id=import_id, taxonomy_id="samsjuklighet", status="pagar", stage="lagring")
        s.add(run)
        s.flush()
        record_id = s.scalar(select(RecordRow.id).where(RecordRow.import_id == import_id).limit(1))
        s.add(Classification(run_id=run.id, record_id=record_id, taxonomy_id="samsjuklighet", model_version="t"))
        run_id = run.id
    job_id = _job(engine, seeded["project_a"], status="pagar", attempts=1, import_id=import_id, run_id=run_id)
    runs_before = _count(engine, AnalysisRun)
    assert take(engine, job_id) is None
    job = _row(engine, job_id)
    assert job.status == "klar" and job.result == {"import_id": import_id, "run_id": run_id, "ny_import": False}
    assert _count(engine, AnalysisRun) == runs_before
    with session_scope(engine) as s:
        assert s.get(AnalysisRun, run_id).status == "klar"


def _count(engine: Engine, model: Any) -> int:
    with session_scope(engine) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_job_taken_over_cannot_be_overwritten_by_its_old_attempt(engine: Engine, seeded: dict[str, Any]) -> None:
    """The attempt fences the final write: a worker taken for dead whose job went on
    elsewhere (attempt 2) cannot write its outcome over the new attempt's."""
    job_id = _job(engine, seeded["project_a"], status="pagar", attempts=2)
    with session_scope(engine) as s:
        s.get(Job, job_id).kind = "okand"  # fails at once with a Swedish reason
    run_job(engine, job_id, attempt=1)
    assert _row(engine, job_id).status == "pagar"
    run_job(engine, job_id, attempt=2)
    job = _row(engine, job_id)
    assert job.status == "fel" and "Okänd jobbtyp" in job.error


def test_a_job_stopped_with_its_worker_waits_again_uncounted(engine: Engine, seeded: dict[str, Any]) -> None:
    job_id = _job(engine, seeded["project_a"], status="vantar")
    attempt = take(engine, job_id)
    give_back(engine, job_id, attempt + 1)  # not this attempt's to give back
    assert _row(engine, job_id).status == "pagar"
    give_back(engine, job_id, attempt)
    job = _row(engine, job_id)
    assert (job.status, job.attempts) == ("vantar", 0)
    assert take(engine, job_id) == 1


def test_a_queue_out_of_reach_does_not_fail_the_request(engine: Engine, seeded: dict[str, Any]) -> None:
    """The web service's notify after a job is stored: if the queue cannot be reached (here:
    no queue tables, nothing listening), the job stays waiting for the workers to enqueue."""
    from nlp.jobqueue import QueueDispatcher

    job_id = _job(engine, seeded["project_a"], status="vantar")
    dispatcher = QueueDispatcher(engine, "postgresql://postgres@127.0.0.1:9/ingen")
    dispatcher.notify()
    assert _row(engine, job_id).status == "vantar"
