"""Insights (IAIA: insight → action) with evidence, and improvement actions (PDSA)."""

from __future__ import annotations

from fastapi import APIRouter

from api.auth import AnalystOrCoordinator, ProjectAccess
from api.deps import DB, Id
from api.schemas import ActionIn, ActionOut, ActionPatch, InsightIn, InsightOut
from api.services import insights
from nlp.store.models import Action, Insight

router = APIRouter(tags=["insikter och åtgärder"])


@router.get("/projects/{project_id}/insights", response_model=list[InsightOut])
def list_insights(project: ProjectAccess, db: DB) -> list[Insight]:
    return insights.list_insights(db, project.id)


@router.post("/projects/{project_id}/insights", response_model=InsightOut, status_code=201)
def create_insight(body: InsightIn, project: ProjectAccess, user: AnalystOrCoordinator, db: DB) -> Insight:
    return insights.create_insight(db, user, project, **body.model_dump())


@router.get("/projects/{project_id}/actions", response_model=list[ActionOut])
def list_actions(project: ProjectAccess, db: DB) -> list[Action]:
    return insights.list_actions(db, project.id)


@router.post("/projects/{project_id}/actions", response_model=ActionOut, status_code=201)
def create_action(body: ActionIn, project: ProjectAccess, user: AnalystOrCoordinator, db: DB) -> Action:
    return insights.create_action(db, user, project, body.model_dump())


@router.patch("/actions/{action_id}", response_model=ActionOut)
def update_action(action_id: Id, body: ActionPatch, user: AnalystOrCoordinator, db: DB) -> Action:
    return insights.update_action(db, user, action_id, body.model_dump(exclude_unset=True))
