"""Finding a project's runs and reading a run's taxonomy, for the report and the pages."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.errors import BrukarrostError
from nlp.store.models import AnalysisRun, Import, Project
from nlp.taxonomy import Taxonomy, load_taxonomy, taxonomy_from_snapshot


def latest_run(session: Session, project_id: int, *, finished: bool = True) -> AnalysisRun | None:
    """The project's newest run (by creation, then id); only finished runs unless told."""
    q = (
        select(AnalysisRun)
        .join(Import, AnalysisRun.import_id == Import.id)
        .where(Import.project_id == project_id)
        .order_by(AnalysisRun.created_at.desc(), AnalysisRun.id.desc())
    )
    if finished:
        q = q.where(AnalysisRun.status == "klar")
    return session.scalars(q.limit(1)).first()


def run_import_ids(run: AnalysisRun) -> list[int]:
    """The imports whose answers a run covers: all of them for a run over a whole project
    (nlp/pipeline/project.py), else the run's one import."""
    ids = (run.settings or {}).get("importer")
    return [int(i) for i in ids] if ids else [run.import_id]


def latest_run_id(session: Session, project_id: int) -> int | None:
    """The id of the project's newest finished run (the validation queue's default run)."""
    run = latest_run(session, project_id)
    return run.id if run is not None else None


@lru_cache(maxsize=32)  # taxonomy files are read once per process, not per page view
def label_titles(taxonomy_id: str | None) -> tuple[str, dict[str, str]]:
    """Taxonomy name and label titles; falls back to the ids if the file cannot be read."""
    if not taxonomy_id:
        return ("Etiketter", {})
    try:
        tax = load_taxonomy(taxonomy_id)
    except (BrukarrostError, OSError, ValueError):  # a missing or broken taxonomy must not take the report down
        return (taxonomy_id, {})
    return _titles(tax)


def run_label_titles(run: AnalysisRun) -> tuple[str, dict[str, str]]:
    """Taxonomy name and label titles of the taxonomy a run used: its snapshot, so later
    edits of the file never change an old report; the file for runs stored without one."""
    if not run.taxonomy_snapshot:
        return label_titles(run.taxonomy_id)
    try:
        tax = taxonomy_from_snapshot(run.taxonomy_snapshot)
    except BrukarrostError:  # an unreadable snapshot must not take the report down either
        return (run.taxonomy_id or "Etiketter", {})
    return _titles(tax)


def _titles(tax: Taxonomy) -> tuple[str, dict[str, str]]:
    return (tax.name or tax.id, {lab.id: lab.title for lab in tax.labels})


def finished_run(session: Session, run_id: int) -> tuple[AnalysisRun, Import, Project]:
    """The run with its import and project; BrukarrostError unless it exists and is done."""
    run = session.get(AnalysisRun, run_id)
    if run is None:
        raise BrukarrostError(f"Analysen {run_id} finns inte.")
    if run.status != "klar":
        raise BrukarrostError(f"Analysen {run_id} är inte klar (status: {run.status}).")
    imp = session.get(Import, run.import_id)
    return run, imp, session.get(Project, imp.project_id)
