"""Residual-risk pages for the data-protection officer (issue 12): per import, what was
replaced and which kinds of risky tokens were kept (counts, for analysts, coordinators and
admins); each kept token in its pseudonymised context only for an admin, on an audited page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from api.deps import DB
from api.services import residual
from api.services.errors import Forbidden
from api.web.render import WebUser, page_project, render
from nlp.pseudonymise import DESCRIPTIONS
from nlp.residual_risk import FIELDS, KINDS
from nlp.store.models import Project

router = APIRouter()

CATEGORY_TEXT = DESCRIPTIONS


@router.get("/projekt/{project_id}/restrisk", response_class=HTMLResponse)
def overview(project_id: int, request: Request, user: WebUser, db: DB) -> HTMLResponse:
    project = page_project(
        db, user, project_id, ("admin", "analyst", "coordinator"), "Din roll har inte behörighet till restrisken."
    )
    summaries = residual.project_summaries(db, project.id)
    return render(
        request,
        "restrisk.html",
        user=user,
        title="Restrisk efter pseudonymiseringen",
        project=project,
        summaries=summaries,
        kinds=KINDS,
        categories=CATEGORY_TEXT,
        fields=list(FIELDS.values()),
        active="/projekt",
    )


@router.get("/projekt/{project_id}/importer/{import_id}/restrisk", response_class=HTMLResponse)
def review(project_id: int, import_id: int, request: Request, user: WebUser, db: DB) -> HTMLResponse:
    """Admin only: each kept risky token in its pseudonymised context; every view is audited."""
    if user.role != "admin":
        raise Forbidden("Bara en administratör kan se de enskilda orden i sitt sammanhang.")
    imp = residual.import_for(db, user, import_id, project_id)
    tokens = residual.tokens(db, user, imp)
    project = db.scalar(select(Project).where(Project.id == project_id))
    return render(
        request,
        "restrisk_granska.html",
        user=user,
        title=f"Restrisk i {imp.filename}",
        project=project,
        imp=imp,
        tokens=tokens,
        kinds=KINDS,
        active="/projekt",
    )
