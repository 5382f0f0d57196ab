"""Insights (IAIA: insight → action) with their evidence, and improvement actions (PDSA)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import audit, get_row
from api.services.errors import Invalid
from api.services.projects import project_of_object
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


def _check_evidence(db: Session, project_id: int, record_ids: list[int], theme_ids: list[int]) -> None:
    """Evidence must belong to the same project (no peeking into others through ids)."""
    if record_ids:
        found = set(
            db.scalars(
                select(RecordRow.id)
                .join(Import, Import.id == RecordRow.import_id)
                .where(Import.project_id == project_id, RecordRow.id.in_(record_ids))
            )
        )
        if found != set(record_ids):
            raise Invalid("Ett eller flera svar finns inte i projektet.")
    if theme_ids:
        found = set(
            db.scalars(
                select(Theme.id)
                .join(AnalysisRun, AnalysisRun.id == Theme.run_id)
                .join(Import, Import.id == AnalysisRun.import_id)
                .where(Import.project_id == project_id, Theme.id.in_(theme_ids))
            )
        )
        if found != set(theme_ids):
            raise Invalid("Ett eller flera teman finns inte i projektet.")


def list_insights(db: Session, project_id: int, *, newest_first: bool = False) -> list[Insight]:
    order = Insight.id.desc() if newest_first else Insight.id
    return list(db.scalars(select(Insight).where(Insight.project_id == project_id).order_by(order)))


def list_actions(db: Session, project_id: int, *, newest_first: bool = False) -> list[Action]:
    order = Action.id.desc() if newest_first else Action.id
    return list(db.scalars(select(Action).where(Action.project_id == project_id).order_by(order)))


def create_insight(
    db: Session,
    user: User,
    project: Project,
    *,
    title: str,
    description: str | None = None,
    theme_ids: Sequence[int] = (),
    label_ids: Sequence[str] = (),
    record_ids: Sequence[int] = (),
) -> Insight:
    _check_evidence(db, project.id, list(record_ids), list(theme_ids))
    ins = Insight(
        project_id=project.id,
        title=title,
        description=description,
        evidence={
            "theme_ids": sorted(set(theme_ids)),
            "label_ids": sorted(set(label_ids)),
            "record_ids": sorted(set(record_ids)),
        },
        created_by=user.username,
    )
    db.add(ins)
    db.flush()
    audit(db, user, "insikt_skapad", "insight", ins.id, project_id=project.id)
    db.commit()
    return ins


def create_action(db: Session, user: User, project: Project, fields: dict[str, Any]) -> Action:
    """A new action from the ActionIn fields (title, owner, due_date, status, phase, insight_id)."""
    insight_id = fields.get("insight_id")
    if insight_id is not None:
        ins = db.get(Insight, insight_id)
        if ins is None or ins.project_id != project.id:
            raise Invalid("Insikten finns inte i projektet.")
    act = Action(project_id=project.id, created_by=user.username, **fields)
    db.add(act)
    db.flush()
    audit(db, user, "atgard_skapad", "action", act.id, project_id=project.id)
    db.commit()
    return act


def update_action(
    db: Session, user: User, action_id: int, changes: dict[str, Any], project_id: int | None = None
) -> Action:
    """Change the given fields of an action; with project_id, the action must be in it."""
    act = get_row(db, Action, action_id)
    owner = act.project_id if act is not None and project_id in (None, act.project_id) else None
    project_of_object(
        db, user, owner, "Åtgärden finns inte." if project_id is None else "Åtgärden finns inte i projektet."
    )
    assert act is not None
    for k, v in changes.items():
        if k in ("owner", "status") and v is None:  # NOT NULL columns: null means unchanged
            continue
        setattr(act, k, v)
    act.updated_at = utcnow()
    audit(db, user, "atgard_andrad", "action", act.id, falt=sorted(changes))
    db.commit()
    return act


__all__ = ["create_action", "create_insight", "list_actions", "list_insights", "update_action"]
