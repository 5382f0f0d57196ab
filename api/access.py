"""Looking up runs and records through the project the user may see (NotFound otherwise)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import get_row
from api.services.errors import Conflict, Invalid
from api.services.projects import project_of_object
from nlp.errors import BrukarrostError
from nlp.store import resolve_taxonomy
from nlp.store.models import (
    AnalysisRun,
    Import,
    Project,
    RecordRow,
    User,
    ValidationEvent,
)

# Roles that see every judge's decisions and comments, and the full run report.
OVERSEERS = ("admin", "analyst", "coordinator")
REPORT_ROLES = OVERSEERS


def may_read_report(user: User) -> bool:
    """Whether the user may open a run's report (API export and web page alike)."""
    return user.role in REPORT_ROLES


def visible_decisions(
    user: User, project: Project, events: Iterable[ValidationEvent]
) -> tuple[list[ValidationEvent], dict[str, int]]:
    """The decisions (with comments) the user may read, and counts of the rest by decision.

    The one rule for the API and the web pages: analysts, coordinators and admins see
    every decision; a validator sees their own organisation's (and their own), and others'
    only as counts, unless the project lets validators see everything (validators_see_all).
    """
    events = list(events)
    if user.role in OVERSEERS or project.validators_see_all:
        return events, {}
    shown = [
        e
        for e in events
        if e.user_id == user.id or (user.organisation is not None and e.organisation == user.organisation)
    ]
    keep = {id(e) for e in shown}
    hidden = Counter(e.decision for e in events if id(e) not in keep)
    return shown, dict(hidden)


def run_for(db: Session, user: User, run_id: int, *, finished: bool = True) -> tuple[AnalysisRun, Project]:
    run = get_row(db, AnalysisRun, run_id)
    imp = db.get(Import, run.import_id) if run is not None else None
    project = project_of_object(
        db, user, imp.project_id if imp else None, "Analysen finns inte, eller så har du inte tillgång till den."
    )
    if finished and run.status != "klar":
        raise Conflict(f"Analysen är inte klar (status: {run.status}).")
    return run, project


def record_for(db: Session, user: User, record_id: int) -> tuple[RecordRow, Project]:
    rec = get_row(db, RecordRow, record_id)
    imp = db.get(Import, rec.import_id) if rec is not None else None
    project = project_of_object(
        db, user, imp.project_id if imp else None, "Svaret finns inte, eller så har du inte tillgång till det."
    )
    return rec, project


def latest_run_id(db: Session, project_id: int) -> int | None:
    return db.scalar(
        select(AnalysisRun.id)
        .join(Import, Import.id == AnalysisRun.import_id)
        .where(Import.project_id == project_id, AnalysisRun.status == "klar")
        .order_by(AnalysisRun.id.desc())
        .limit(1)
    )


def taxonomy_labels(db: Session, project_id: int | None, taxonomy_id: str) -> set[str]:
    """Label ids of what `taxonomy_id` means in the project (its own upload, a run's snapshot or
    a shipped file: nlp.store.resolve_taxonomy); Invalid (in Swedish) when it is none of them."""
    if not taxonomy_id.replace("-", "").replace("_", "").isalnum():
        raise Invalid("Okänd taxonomi.")
    try:
        return set(resolve_taxonomy(db, project_id, taxonomy_id).label_ids)
    except BrukarrostError as exc:
        raise Invalid(exc.message) from None


def record_dict(r: RecordRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "import_id": r.import_id,
        "row": r.row,
        "question": r.question,
        "text": r.text,
        "date": r.date,
        "unit": r.unit,
        "source_type": r.source_type,
        "gender": r.gender,
        "age_group": r.age_group,
    }
