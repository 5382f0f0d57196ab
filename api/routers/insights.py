"""Insights (IAIA: insight → action) with evidence, and improvement actions (PDSA)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import project_access, project_of_object, require_role
from api.deps import Id, audit, get_db
from api.schemas import ActionIn, ActionOut, ActionPatch, InsightIn, InsightOut
from nlp.store.models import (
    Action,
    AnalysisRun,
    Import,
    Insight,
    Project,
    RecordRow,
    Theme,
    User,
    utcnow,
)

router = APIRouter(tags=["insikter och åtgärder"])
WRITERS = ("analyst", "coordinator")


def _check_evidence(db: Session, project_id: Id, body: InsightIn) -> None:
    """Evidence must belong to the same project (no peeking into others through ids)."""
    if body.record_ids:
        found = set(db.scalars(
            select(RecordRow.id).join(Import, Import.id == RecordRow.import_id)
            .where(Import.project_id == project_id, RecordRow.id.in_(body.record_ids))
        ))
        if found != set(body.record_ids):
            raise HTTPException(422, "Ett eller flera svar finns inte i projektet.")
    if body.theme_ids:
        found = set(db.scalars(
            select(Theme.id).join(AnalysisRun, AnalysisRun.id == Theme.run_id)
            .join(Import, Import.id == AnalysisRun.import_id)
            .where(Import.project_id == project_id, Theme.id.in_(body.theme_ids))
        ))
        if found != set(body.theme_ids):
            raise HTTPException(422, "Ett eller flera teman finns inte i projektet.")


@router.get("/projects/{project_id}/insights", response_model=list[InsightOut])
def list_insights(project: Project = Depends(project_access), db: Session = Depends(get_db)) -> list[Insight]:
    return list(db.scalars(select(Insight).where(Insight.project_id == project.id).order_by(Insight.id)))


@router.post("/projects/{project_id}/insights", response_model=InsightOut, status_code=201)
def create_insight(
    body: InsightIn,
    project: Project = Depends(project_access),
    user: User = Depends(require_role(*WRITERS)),
    db: Session = Depends(get_db),
) -> Insight:
    _check_evidence(db, project.id, body)
    ins = Insight(
        project_id=project.id, title=body.title, description=body.description,
        evidence={"theme_ids": sorted(set(body.theme_ids)), "label_ids": sorted(set(body.label_ids)),
                  "record_ids": sorted(set(body.record_ids))},
        created_by=user.username,
    )
    db.add(ins)
    db.flush()
    audit(db, user, "insikt_skapad", "insight", ins.id, project_id=project.id)
    db.commit()
    return ins


@router.get("/projects/{project_id}/actions", response_model=list[ActionOut])
def list_actions(project: Project = Depends(project_access), db: Session = Depends(get_db)) -> list[Action]:
    return list(db.scalars(select(Action).where(Action.project_id == project.id).order_by(Action.id)))


@router.post("/projects/{project_id}/actions", response_model=ActionOut, status_code=201)
def create_action(
    body: ActionIn,
    project: Project = Depends(project_access),
    user: User = Depends(require_role(*WRITERS)),
    db: Session = Depends(get_db),
) -> Action:
    if body.insight_id is not None:
        ins = db.get(Insight, body.insight_id)
        if ins is None or ins.project_id != project.id:
            raise HTTPException(422, "Insikten finns inte i projektet.")
    act = Action(project_id=project.id, created_by=user.username, **body.model_dump())
    db.add(act)
    db.flush()
    audit(db, user, "atgard_skapad", "action", act.id, project_id=project.id)
    db.commit()
    return act


@router.patch("/actions/{action_id}", response_model=ActionOut)
def update_action(
    action_id: Id,
    body: ActionPatch,
    user: User = Depends(require_role(*WRITERS)),
    db: Session = Depends(get_db),
) -> Action:
    act = db.get(Action, action_id)
    project_of_object(db, user, act.project_id if act else None, "Åtgärden finns inte.")
    changes = body.model_dump(exclude_unset=True)
    for k, v in changes.items():
        if k in ("owner", "status") and v is None:  # NOT NULL columns: null means unchanged
            continue
        setattr(act, k, v)
    act.updated_at = utcnow()
    audit(db, user, "atgard_andrad", "action", act.id, falt=sorted(changes))
    db.commit()
    return act
