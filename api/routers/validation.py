"""Validation: queue (active learning or by theme), decisions as events, agreement.
The logic is api/services/validation.py, which the validator pages call too."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from api.auth import (
    AnalystOrCoordinator,
    CurrentUser,
    ProjectAccess,
    require_role,
)
from api.deps import DB, MAX_ID, Id
from api.schemas import DecisionIn, DecisionOut, ResolutionIn
from api.services import validation
from nlp.store.models import User, ValidationEvent

router = APIRouter(tags=["validering"])
JUDGES = ("validator", "analyst", "coordinator")
Judge = Annotated[User, Depends(require_role(*JUDGES))]


@router.get("/projects/{project_id}/validation/queue")
def queue(
    project: ProjectAccess,
    user: Judge,
    db: DB,
    order: Literal["osakerhet", "tema"] = Query(default="osakerhet"),
    run_id: int | None = Query(default=None, ge=1, le=MAX_ID),
    theme_id: int | None = Query(default=None, ge=1, le=MAX_ID),
    limit: int = Query(default=20, ge=1, le=200),
) -> dict[str, Any]:
    """Answers for this user to judge, not yet judged by them.

    order=osakerhet: the model's least certain first (a suggestion closest to 0.5:
    uncertainty sampling for active learning). order=tema: one theme's answers, most
    typical first.
    """
    return validation.queue(db, user, project, order=order, run_id=run_id, theme_id=theme_id, limit=limit)


@router.post("/records/{record_id}/decisions", response_model=DecisionOut, status_code=201)
def decide(record_id: Id, body: DecisionIn, user: Judge, db: DB) -> ValidationEvent:
    """Record a decision (accept, reject, other labels, unsure). Never overwrites: a new
    decision is a new event, and disagreement between judges makes the label "omstridd"."""
    return validation.decide(db, user, record_id, **body.model_dump())


@router.post("/records/{record_id}/resolution", response_model=DecisionOut, status_code=201)
def resolve(record_id: Id, body: ResolutionIn, user: AnalystOrCoordinator, db: DB) -> ValidationEvent:
    """Settle a label after joint analysis. Earlier decisions stay as they were."""
    return validation.resolve(db, user, record_id, **body.model_dump())


@router.get("/records/{record_id}/decisions", response_model=list[DecisionOut])
def decisions(record_id: Id, user: CurrentUser, db: DB) -> list[ValidationEvent]:
    """The decisions on an answer that the user may read (api.access.visible_decisions)."""
    return validation.decisions(db, user, record_id)


@router.get("/projects/{project_id}/validation/status")
def label_status(
    project: ProjectAccess,
    db: DB,
    status: Literal["godkand", "avvisad", "omstridd", "osaker"] | None = Query(default=None),
    limit: int = Query(default=200, ge=1, le=5000),
) -> dict[str, Any]:
    """Status per (answer, label) from the decisions; e.g. status=omstridd lists disputes."""
    return validation.label_status(db, project.id, status, limit)


@router.get("/projects/{project_id}/agreement")
def agreement(
    project: ProjectAccess,
    db: DB,
    by: Literal["validator", "organisation"] = Query(default="validator"),
    taxonomy_id: str | None = Query(default=None, max_length=100),
) -> dict[str, Any]:
    """Krippendorff's alpha (nominal) and raw agreement per label over the answers judged
    by at least two validators (or organisations). Each judge's latest decision counts;
    "unsure" counts as no judgement. An organisation's judgement is its members' majority."""
    return validation.agreement(db, project.id, by, taxonomy_id)
