"""Residual-risk pages for the data-protection officer (issue 12): per import, what was
replaced and which kinds of risky tokens were kept (counts, for analysts, coordinators and
admins); each kept token in its pseudonymised context only for an admin, on an audited page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import is_member
from api.deps import get_db
from api.routers import residual as api_residual
from api.web.render import deny, render, web_user
from nlp.pseudonymise import DESCRIPTIONS
from nlp.residual_risk import FIELDS, KINDS
from nlp.store.models import Import, Project, User

router = APIRouter()

CATEGORY_TEXT = DESCRIPTIONS


@router.get("/projekt/{project_id}/restrisk", response_class=HTMLResponse)
def overview(project_id: int, request: Request, user: User = Depends(web_user),
             db: Session = Depends(get_db)) -> HTMLResponse:
    project = db.get(Project, project_id)
    if project is None or not is_member(db, user, project_id):
        return deny(request, user, "Projektet finns inte, eller så har du inte tillgång till det.", 404)
    if user.role not in ("admin", "analyst", "coordinator"):
        return deny(request, user, "Din roll har inte behörighet till restrisken.")
    summaries = api_residual.project_residual_risk(project=project, user=user, db=db)
    return render(request, "restrisk.html", user=user, title="Restrisk efter pseudonymiseringen",
                  project=project, summaries=summaries, kinds=KINDS, categories=CATEGORY_TEXT,
                  fields=list(FIELDS.values()), active="/projekt")


@router.get("/projekt/{project_id}/importer/{import_id}/restrisk", response_class=HTMLResponse)
def review(project_id: int, import_id: int, request: Request, user: User = Depends(web_user),
           db: Session = Depends(get_db)) -> HTMLResponse:
    """Admin only: each kept risky token in its pseudonymised context; every view is audited."""
    if user.role != "admin":
        return deny(request, user, "Bara en administratör kan se de enskilda orden i sitt sammanhang.")
    imp = db.get(Import, import_id) if 1 <= import_id < 2**31 else None
    if imp is None or imp.project_id != project_id:
        return deny(request, user, "Importen finns inte i projektet.", 404)
    try:
        data = api_residual.residual_tokens(import_id=import_id, user=user, db=db)
    except HTTPException as exc:
        return deny(request, user, str(exc.detail), exc.status_code)
    project = db.scalar(select(Project).where(Project.id == project_id))
    return render(request, "restrisk_granska.html", user=user, title=f"Restrisk i {imp.filename}",
                  project=project, imp=imp, tokens=data["tokens"], kinds=KINDS, active="/projekt")
