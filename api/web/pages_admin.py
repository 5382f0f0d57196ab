"""Admin pages: users, organisations, projects and the audit log.

Writes go through the account and project services (api/services), so the same checks and
audit entries apply to the pages and the JSON API.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import verify_csrf
from api.deps import DB
from api.schemas import ProjectIn, UserIn
from api.services import accounts, projects
from api.services.errors import Forbidden, ServiceError
from api.web.render import ROLE_TEXT, form_ids, form_text, render, web_user
from nlp.store.models import AuditEntry, Project, ProjectMember, User

router = APIRouter()
AUDIT_PAGE = 100
# What a form that fails its schema is told (the schema's own messages are in English).
_BAD_USER = (
    "Kontrollera uppgifterna: användarnamnet får bara innehålla bokstäver, siffror och . @ - _, "
    "lösenordet får inte vara tomt och en roll måste väljas."
)
_BAD_PROJECT = "Kontrollera uppgifterna: kortnamnet får bara innehålla små bokstäver a–z, siffror, - och _."


def _admin_page(
    request: Request,
    db: Session,
    user: User,
    error: str | None = None,
    status_code: int = 200,
    typed: dict[str, Any] | None = None,
) -> HTMLResponse:
    """The admin page; after an error, `typed` holds what the failed form had (never a
    password), so nothing has to be typed again."""
    users = accounts.list_users(db, by_name=True)
    all_projects = db.scalars(select(Project).order_by(Project.name)).all()
    members: dict[int, list[int]] = {}
    for pid, uid in db.execute(select(ProjectMember.project_id, ProjectMember.user_id)):
        members.setdefault(uid, []).append(pid)
    counts = Counter(u.organisation for u in users if u.organisation)
    orgs = [(o, counts.get(o.name, 0)) for o in accounts.list_organisations(db)]
    actor = request.query_params.get("aktor") or None
    action = request.query_params.get("handelse") or None
    entries = accounts.audit_entries(db, actor=actor, action=action, limit=AUDIT_PAGE)
    actions = sorted(set(db.scalars(select(AuditEntry.action).distinct())))
    return render(
        request,
        "admin.html",
        user=user,
        title="Administration",
        active="/admin",
        users=users,
        projects=all_projects,
        members=members,
        orgs=orgs,
        typed=typed or {},
        min_length=request.app.state.settings.password_min_length,
        entries=entries,
        roles=ROLE_TEXT,
        actions=actions,
        actor=actor or "",
        action=action or "",
        project_name={p.id: p.name for p in all_projects},
        error=error,
        status_code=status_code,
    )


def admin_user(request: Request, user: User = Depends(web_user)) -> User:
    """The signed-in admin; anyone else gets the error page."""
    if user.role != "admin":
        raise Forbidden("Administrationen är bara för administratörer.")
    return user


AdminUser = Annotated[User, Depends(admin_user)]


def _done(
    request: Request,
    db: Session,
    user: User,
    write: Callable[[], object],
    message: str,
    typed: dict[str, Any] | None = None,
) -> Response:
    """Run a service call; its Swedish error is shown on the admin page with the form as it
    was typed (`typed`), success redirects."""
    try:
        write()
    except ServiceError as exc:
        db.rollback()
        return _admin_page(request, db, user, error=exc.message, status_code=exc.status, typed=typed)
    return RedirectResponse(f"/admin?meddelande={message}", status_code=303)


def _typed_user(form: Any) -> dict[str, Any]:
    """The new-account form as typed, without the password."""
    return {
        "form": "anvandare",
        "anvandarnamn": form_text(form, "anvandarnamn"),
        "namn": form_text(form, "namn"),
        "roll": form_text(form, "roll"),
        "organisation": form_text(form, "organisation"),
        "projekt": form_ids(form, "projekt"),
    }


@router.get("/admin", response_class=HTMLResponse)
def admin(request: Request, user: AdminUser, db: DB) -> Response:
    return _admin_page(request, db, user)


@router.post("/admin/anvandare", dependencies=[Depends(verify_csrf)])
async def create_user(request: Request, user: AdminUser, db: DB) -> Response:
    form = await request.form()
    try:
        body = UserIn(
            username=form_text(form, "anvandarnamn"),
            password=str(form.get("losenord") or ""),
            role=str(form.get("roll") or ""),
            organisation=form_text(form, "organisation") or None,
            display_name=form_text(form, "namn") or None,
            project_ids=form_ids(form, "projekt"),
        )
    except ValidationError:
        return _admin_page(request, db, user, error=_BAD_USER, status_code=422, typed=_typed_user(form))
    min_length = request.app.state.settings.password_min_length
    return _done(
        request,
        db,
        user,
        lambda: accounts.register_user(db, user, **body.model_dump(), min_length=min_length),
        "anvandare",
        _typed_user(form),
    )


@router.post("/admin/projekt", dependencies=[Depends(verify_csrf)])
async def create_project(request: Request, user: AdminUser, db: DB) -> Response:
    form = await request.form()
    typed = {"form": "projekt", "kortnamn": form_text(form, "kortnamn"), "namn": form_text(form, "namn")}
    try:
        body = ProjectIn(slug=typed["kortnamn"], name=typed["namn"])
    except ValidationError:
        return _admin_page(request, db, user, error=_BAD_PROJECT, status_code=422, typed=typed)
    return _done(request, db, user, lambda: projects.create_project(db, user, body.slug, body.name), "projekt", typed)


@router.post("/admin/organisationer", dependencies=[Depends(verify_csrf)])
async def create_organisation(request: Request, user: AdminUser, db: DB) -> Response:
    form = await request.form()
    name = form_text(form, "namn")
    typed = {"form": "organisation", "namn": name}
    return _done(request, db, user, lambda: accounts.create_organisation(db, user, name), "organisation", typed)


@router.post("/admin/organisationer/{org_id}", dependencies=[Depends(verify_csrf)])
async def rename_organisation(org_id: int, request: Request, user: AdminUser, db: DB) -> Response:
    form = await request.form()
    name = form_text(form, "namn")
    typed = {"form": f"organisation-{org_id}", "namn": name}
    return _done(request, db, user, lambda: accounts.rename_organisation(db, user, org_id, name), "omdopt", typed)


@router.post("/admin/medlem", dependencies=[Depends(verify_csrf)])
async def add_member(request: Request, user: AdminUser, db: DB) -> Response:
    form = await request.form()
    pid, uid = str(form.get("projekt") or ""), str(form.get("anvandare") or "")
    typed = {"form": "medlem", "projekt": pid, "anvandare": uid}
    if not (pid.isdigit() and uid.isdigit()):
        return _admin_page(request, db, user, error="Välj både projekt och användare.", status_code=422, typed=typed)
    return _done(request, db, user, lambda: projects.add_member(db, user, int(pid), int(uid)), "medlem", typed)


@router.post("/admin/anvandare/{user_id}/inaktivera", dependencies=[Depends(verify_csrf)])
def deactivate(user_id: int, request: Request, user: AdminUser, db: DB) -> Response:
    return _done(request, db, user, lambda: accounts.deactivate_user(db, user, user_id), "inaktiverad")
