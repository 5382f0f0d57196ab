"""Erasure of one respondent (analysts, admins), in two steps: look up how much is stored,
then confirm by typing the id again.

The raw id is never echoed back into a page, a URL, the session or a log: the first step
turns it into the keyed HMAC at once and shows only counts, and the confirmation asks for
the id again instead of carrying it in a hidden field. The deletion itself is the API's
endpoint function (routers/exports.erase): one implementation, one tombstone, one audit entry.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from api.auth import is_member, verify_csrf
from api.deps import get_db
from api.routers import exports as api_exports
from api.schemas import ErasureIn
from api.web.render import deny, render, web_user
from nlp.errors import ConfigError
from nlp.store.models import Project, User

router = APIRouter()
ERASERS = ("analyst", "admin")


def _project(request: Request, db: Session, user: User, project_id: int) -> Project | Response:
    project = db.get(Project, project_id)
    if project is None or not is_member(db, user, project_id):
        return deny(request, user, "Projektet finns inte, eller så har du inte tillgång till det.", 404)
    if user.role not in ERASERS:
        return deny(request, user, "Radering görs av analytiker och administratörer.")
    return project


def _count(db: Session, project_id: int, respondent_id: str) -> tuple[int, list[dict[str, object]]]:
    from nlp.erasure import count_respondent

    found = count_respondent(db, project_id, respondent_id)
    db.commit()  # a first key generation may have been registered (nlp.keys)
    return found


def _page(request: Request, user: User, project: Project, step: str, status_code: int = 200,
          **context: object) -> HTMLResponse:
    return render(request, "radera.html", user=user, title="Radera allt om en respondent",
                  active="/projekt", project=project, step=step, status_code=status_code, **context)


@router.get("/projekt/{project_id}/radera", response_class=HTMLResponse)
def erase_form(project_id: int, request: Request, user: User = Depends(web_user),
               db: Session = Depends(get_db)) -> Response:
    project = _project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    return _page(request, user, project, "sok")


@router.post("/projekt/{project_id}/radera", dependencies=[Depends(verify_csrf)])
def erase_lookup(project_id: int, request: Request, respondent_id: str = Form(""),
                 user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    project = _project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    rid = respondent_id.strip()
    if not rid or len(rid) > 500:
        return _page(request, user, project, "sok", 422, error="Skriv respondentens id (högst 500 tecken).")
    try:
        n_found, unreachable = _count(db, project.id, rid)
    except ConfigError as exc:  # no key or a damaged key file: the message names no path
        db.rollback()
        return _page(request, user, project, "sok", 409, error=exc.message)
    return _page(request, user, project, "bekrafta", n_found=n_found, unreachable=unreachable)


@router.post("/projekt/{project_id}/radera/bekrafta", dependencies=[Depends(verify_csrf)])
def erase_confirm(project_id: int, request: Request, respondent_id: str = Form(""), bekrafta: str = Form(""),
                  n_found: int = Form(0), user: User = Depends(web_user),
                  db: Session = Depends(get_db)) -> Response:
    project = _project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    if bekrafta != "ja":
        return _page(request, user, project, "bekrafta", 422, n_found=n_found,
                     error="Kryssa i att du förstår att raderingen inte går att ångra.")
    try:
        body = ErasureIn(respondent_id=respondent_id.strip())
    except ValidationError:
        return _page(request, user, project, "bekrafta", 422, n_found=n_found,
                     error="Skriv respondentens id igen för att bekräfta.")
    try:
        out = api_exports.erase(body=body, project=project, user=user, db=db)
    except HTTPException as exc:
        return deny(request, user, str(exc.detail), exc.status_code)
    return _page(request, user, project, "klar", result=out)
