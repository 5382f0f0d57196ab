"""My account (/konto): the signed-in user's name, role, organisation, projects and how
many API tokens are still valid, with the way to change the password."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from api.deps import get_db
from api.services.accounts import account_summary
from api.web.render import render, web_user
from nlp.store.models import User

router = APIRouter()


@router.get("/konto", response_class=HTMLResponse)
def account(request: Request, user: User = Depends(web_user), db: Session = Depends(get_db)) -> HTMLResponse:
    return render(request, "konto.html", user=user, title="Mitt konto", summary=account_summary(db, user))
