"""Erasure of one respondent (analysts, admins), in two steps: look up how much is stored,
then confirm by typing the id again.

The raw id is never echoed back into a page, a URL, the session or a log: the first step
turns it into the keyed HMAC at once and shows only counts, and the confirmation asks for
the id again instead of carrying it in a hidden field. Counting and deleting are the erasure
service the API uses too (api/services/erasure.py): one implementation, one tombstone, one
audit entry.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from api.auth import verify_csrf
from api.deps import DB
from api.schemas import ErasureIn
from api.services import erasure
from api.services.errors import Conflict
from api.web.render import WebUser, page_project, render
from nlp.store.models import Project, User

router = APIRouter()
ERASERS = ("analyst", "admin")


def _eraser_project(db: Session, user: User, project_id: int) -> Project:
    return page_project(db, user, project_id, ERASERS, "Radering görs av analytiker och administratörer.")


def _page(
    request: Request, user: User, project: Project, step: str, status_code: int = 200, **context: object
) -> HTMLResponse:
    return render(
        request,
        "radera.html",
        user=user,
        title="Radera allt om en respondent",
        active="/projekt",
        project=project,
        step=step,
        status_code=status_code,
        **context,
    )


def _confirm_again(request: Request, user: User, project: Project, n_found: int, error: str) -> HTMLResponse:
    return _page(request, user, project, "bekrafta", 422, n_found=n_found, error=error)


@router.get("/projekt/{project_id}/radera", response_class=HTMLResponse)
def erase_form(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project = _eraser_project(db, user, project_id)
    return _page(request, user, project, "sok")


@router.post("/projekt/{project_id}/radera", dependencies=[Depends(verify_csrf)])
def erase_lookup(project_id: int, request: Request, user: WebUser, db: DB, respondent_id: str = Form("")) -> Response:
    project = _eraser_project(db, user, project_id)
    rid = respondent_id.strip()
    if not rid or len(rid) > 500:
        return _page(request, user, project, "sok", 422, error="Skriv respondentens id (högst 500 tecken).")
    try:
        n_found, unreachable = erasure.count(db, project, rid)
    except Conflict as exc:  # no key or a damaged key file: the message names no path
        return _page(request, user, project, "sok", exc.status, error=exc.message)
    return _page(request, user, project, "bekrafta", n_found=n_found, unreachable=unreachable)


@router.post("/projekt/{project_id}/radera/bekrafta", dependencies=[Depends(verify_csrf)])
def erase_confirm(
    project_id: int,
    request: Request,
    user: WebUser,
    db: DB,
    respondent_id: str = Form(""),
    bekrafta: str = Form(""),
    n_found: int = Form(0),
) -> Response:
    project = _eraser_project(db, user, project_id)
    if bekrafta != "ja":
        return _confirm_again(
            request, user, project, n_found, "Kryssa i att du förstår att raderingen inte går att ångra."
        )
    try:
        body = ErasureIn(respondent_id=respondent_id.strip())
    except ValidationError:
        return _confirm_again(request, user, project, n_found, "Skriv respondentens id igen för att bekräfta.")
    out = erasure.erase(db, user, project, body.respondent_id)
    return _page(request, user, project, "klar", result=out)
