"""My account (/konto): the signed-in user's name, role, organisation, projects and how
many API tokens are still valid, with the way to change the password."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import DB
from api.services.accounts import account_summary
from api.web.render import WebUser, render

router = APIRouter()


@router.get("/konto", response_class=HTMLResponse)
def account(request: Request, user: WebUser, db: DB) -> HTMLResponse:
    return render(request, "konto.html", user=user, title="Mitt konto", summary=account_summary(db, user))
