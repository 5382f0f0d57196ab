"""Login, logout, start page and the project list."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select

from api.auth import (
    change_own_password,
    login_user,
    logout_user,
    optional_user,
    verify_csrf,
)
from api.deps import DB
from api.services.errors import ServiceError, Unauthorized
from api.services.projects import visible_projects
from api.web.render import WebUser, render
from nlp.jobs import LIVE_STATUSES
from nlp.report import latest_run
from nlp.store.models import Import, Job, User

router = APIRouter()


def _safe_next(target: str | None) -> str:
    # Only local paths: an open redirect after login would help phishing.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def home_for(user: User) -> str:
    return {"admin": "/admin", "validator": "/validera"}.get(user.role, "/projekt")


@router.get("/", response_class=HTMLResponse)
def start(request: Request, db: DB) -> Response:
    user = optional_user(request, db)
    return RedirectResponse(home_for(user) if user else "/logga-in", status_code=303)


@router.get("/logga-in", response_class=HTMLResponse)
def login_form(request: Request, nasta: str | None = None) -> HTMLResponse:
    return render(request, "logga_in.html", user=None, title="Logga in", nasta=_safe_next(nasta))


def _login_refused(request: Request, nasta: str, anvandarnamn: str, error: str, status_code: int) -> HTMLResponse:
    """The login form again, with the name kept and why it was refused."""
    return render(
        request,
        "logga_in.html",
        user=None,
        title="Logga in",
        nasta=_safe_next(nasta),
        error=error,
        anvandarnamn=anvandarnamn,
        status_code=status_code,
    )


@router.post("/logga-in", response_class=HTMLResponse)
def login_submit(
    request: Request,
    db: DB,
    anvandarnamn: str = Form(""),
    losenord: str = Form(""),
    nasta: str = Form("/"),
    csrf_token_field: str = Form("", alias="csrf_token"),
) -> Response:
    # Login CSRF: without it another site could sign the browser in to an attacker's account.
    expected = request.session.get("csrf")
    if not expected or not hmac.compare_digest(str(expected), csrf_token_field):
        return _login_refused(request, nasta, anvandarnamn, "Inloggningsformuläret hade gått ut. Försök igen.", 403)
    try:
        user = login_user(request, db, anvandarnamn.strip(), losenord)
    except ServiceError as exc:
        return _login_refused(request, nasta, anvandarnamn, exc.message, exc.status)
    target = _safe_next(nasta)
    return RedirectResponse(home_for(user) if target == "/" else target, status_code=303)


@router.post("/logga-ut", dependencies=[Depends(verify_csrf)])
def logout(request: Request, db: DB) -> Response:
    # Ends every session of the user, so a copied cookie is worthless after logout.
    logout_user(request, db, optional_user(request, db))
    return RedirectResponse("/logga-in?meddelande=utloggad", status_code=303)


@router.get("/konto/losenord", response_class=HTMLResponse)
def password_form(request: Request, user: WebUser) -> HTMLResponse:
    return render(
        request,
        "losenord.html",
        user=user,
        title="Byt lösenord",
        min_length=request.app.state.settings.password_min_length,
    )


@router.post("/konto/losenord", response_class=HTMLResponse, dependencies=[Depends(verify_csrf)])
def password_submit(
    request: Request, user: WebUser, db: DB, nuvarande: str = Form(""), nytt: str = Form(""), nytt_igen: str = Form("")
) -> Response:
    """Change one's own password as the API does (same policy, same audit)."""
    error, status = None, 200
    if nytt != nytt_igen:
        error, status = "De två nya lösenorden är inte lika. Skriv samma lösenord två gånger.", 422
    elif not nuvarande or not nytt:
        error, status = "Fyll i både ditt nuvarande och ditt nya lösenord.", 422
    else:
        try:
            change_own_password(request, db, user, nuvarande[:1000], nytt[:1000])
        except ServiceError as exc:
            db.rollback()
            error, status = exc.message, exc.status
            if isinstance(exc, Unauthorized):
                error = "Det nuvarande lösenordet stämmer inte."
    if error is not None:
        return render(
            request,
            "losenord.html",
            user=user,
            title="Byt lösenord",
            error=error,
            status_code=status,
            min_length=request.app.state.settings.password_min_length,
        )
    return RedirectResponse("/projekt?meddelande=losenord", status_code=303)


@router.get("/projekt", response_class=HTMLResponse)
def projects(request: Request, user: WebUser, db: DB) -> HTMLResponse:
    rows = []
    for p in visible_projects(db, user, order_by_name=True):
        n_imports = db.scalar(select(func.count()).select_from(Import).where(Import.project_id == p.id)) or 0
        run = latest_run(db, p.id)
        running = db.scalars(
            select(Job).where(Job.project_id == p.id, Job.status.in_(LIVE_STATUSES)).order_by(Job.id.desc())
        ).first()
        rows.append({"project": p, "n_imports": n_imports, "run": run, "job": running})
    return render(request, "projekt.html", user=user, title="Projekt", active="/projekt", rows=rows)
