"""An analysis run's row: created, its progress and status recorded, its end in one place."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, update

from nlp.errors import BrukarrostError
from nlp.pipeline.common import Progress, StageTimer
from nlp.store import init_db, session_scope
from nlp.store.models import AnalysisRun, Import

log = logging.getLogger(__name__)


def set_run(engine: Engine, run_id: int, **values: Any) -> None:
    """Progress and status are committed on their own so other processes can read them."""
    with session_scope(engine) as session:
        session.execute(update(AnalysisRun).where(AnalysisRun.id == run_id).values(**values))


def save_settings(engine: Engine, run_id: int, **values: Any) -> None:
    """Merge values into the run's settings (the other keys are kept)."""
    with session_scope(engine) as session:
        run = session.get(AnalysisRun, run_id)
        if run is not None:
            run.settings = {**(run.settings or {}), **values}


def save_times(engine: Engine, run_id: int, timer: StageTimer) -> None:
    """The run's wall and CPU seconds per stage so far, in its settings (read by the report and
    job page)."""
    save_settings(engine, run_id, tider_s=timer.snapshot(), cpu_tider_s=timer.cpu_snapshot())


def run_guarded(engine: Engine, run_id: int, work: Callable[[Progress], str], progress: Progress) -> None:
    """Run `work(report)` (which returns the classifier version) and record the run's end:
    "klar", or "fel" with a message that never quotes data. Seconds per stage go to the
    run's settings (tider_s) as it goes: report.json and the job page show them."""
    timer = progress if isinstance(progress, StageTimer) else StageTimer(progress)
    progress = timer

    def report(stage: str, done: int, total: int) -> None:
        progress(stage, done, total)
        set_run(engine, run_id, stage=stage, progress_n=done, progress_total=total)
        save_times(engine, run_id, timer)  # the job page shows the running stage's time too

    try:
        model_version = work(report)
        save_times(engine, run_id, timer)
        set_run(
            engine,
            run_id,
            status="klar",
            stage="klar",
            classifier_version=model_version,
            finished_at=datetime.now(UTC),
            progress_n=1,
            progress_total=1,
        )
        progress("lagring", 1, 1)
    except BrukarrostError as exc:
        set_run(engine, run_id, status="fel", error=exc.message, finished_at=datetime.now(UTC))
        raise
    except Exception as exc:
        # The message of an unexpected error could quote data; store only its type.
        log.exception("analysis run %s failed", run_id)
        set_run(
            engine,
            run_id,
            status="fel",
            error=f"Oväntat fel ({type(exc).__name__}). Se serverns logg.",
            finished_at=datetime.now(UTC),
        )
        raise


def create_run(
    import_id: int,
    *,
    engine: Engine | None = None,
    taxonomy: str = "samsjuklighet",
    settings: Mapping[str, Any] | None = None,
) -> int:
    engine = engine or init_db()
    with session_scope(engine) as session:
        if session.get(Import, import_id) is None:
            raise BrukarrostError(f"Importen {import_id} finns inte.")
        run = AnalysisRun(
            import_id=import_id,
            taxonomy_id=taxonomy,
            status="pagar",
            stage="väntar",
            settings=dict(settings or {}),
        )
        session.add(run)
        session.flush()
        return run.id
