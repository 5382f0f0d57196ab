"""Admin pages: users, organisations, projects and the audit log.

Writes go through the API's account functions (api/routers/accounts.py), so the same
checks and audit entries apply to the pages and the JSON API.
"""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import verify_csrf
from api.deps import get_db
from api.routers import accounts as api_accounts
from api.schemas import MemberIn, ProjectIn, UserIn
from api.web.render import ROLE_TEXT, deny, render, web_user
from nlp.store.models import AuditEntry, Project, ProjectMember, User

router = APIRouter()
AUDIT_PAGE = 100


def _admin_page(request: Request, db: Session, user: User, error: str | None = None,
                status_code: int = 200) -> HTMLResponse:
    users = db.scalars(select(User).order_by(User.username)).all()
    projects = db.scalars(select(Project).order_by(Project.name)).all()
    members: dict[int, list[int]] = {}
    for pid, uid in db.execute(select(ProjectMember.project_id, ProjectMember.user_id)):
        members.setdefault(uid, []).append(pid)
    orgs = Counter(u.organisation for u in users if u.organisation)
    actor = request.query_params.get("aktor") or None
    action = request.query_params.get("handelse") or None
    q = select(AuditEntry).order_by(AuditEntry.id.desc())
    if actor:
        q = q.where(AuditEntry.actor == actor[:200])
    if action:
        q = q.where(AuditEntry.action == action[:100])
    entries = db.scalars(q.limit(AUDIT_PAGE)).all()
    actions = sorted(set(db.scalars(select(AuditEntry.action).distinct())))
    return render(request, "admin.html", user=user, title="Administration", active="/admin", users=users,
                  projects=projects, members=members, orgs=sorted(orgs.items()), entries=entries,
                  roles=ROLE_TEXT, actions=actions, actor=actor or "", action=action or "",
                  project_name={p.id: p.name for p in projects}, error=error, status_code=status_code)


def _need_admin(request: Request, user: User) -> HTMLResponse | None:
    if user.role != "admin":
        return deny(request, user, "Administrationen är bara för administratörer.")
    return None


@router.get("/admin", response_class=HTMLResponse)
def admin(request: Request, user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    return _need_admin(request, user) or _admin_page(request, db, user)


@router.post("/admin/anvandare", dependencies=[Depends(verify_csrf)])
async def create_user(request: Request, user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    if (denied := _need_admin(request, user)) is not None:
        return denied
    form = await request.form()
    try:
        body = UserIn(
            username=str(form.get("anvandarnamn") or "").strip(), password=str(form.get("losenord") or ""),
            role=str(form.get("roll") or ""), organisation=str(form.get("organisation") or "").strip() or None,
            display_name=str(form.get("namn") or "").strip() or None,
            project_ids=[int(v) for v in form.getlist("projekt") if str(v).isdigit()],
        )
    except ValidationError:
        return _admin_page(request, db, user, status_code=422, error=(
            "Kontrollera uppgifterna: användarnamnet får bara innehålla bokstäver, siffror och . @ - _, "
            "lösenordet får inte vara tomt och en roll måste väljas."))
    try:
        api_accounts.post_user(body=body, request=request, user=user, db=db)
    except HTTPException as exc:
        db.rollback()
        return _admin_page(request, db, user, error=str(exc.detail), status_code=exc.status_code)
    return RedirectResponse("/admin?meddelande=anvandare", status_code=303)


@router.post("/admin/projekt", dependencies=[Depends(verify_csrf)])
async def create_project(request: Request, user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    if (denied := _need_admin(request, user)) is not None:
        return denied
    form = await request.form()
    try:
        body = ProjectIn(slug=str(form.get("kortnamn") or "").strip(), name=str(form.get("namn") or "").strip())
    except ValidationError:
        return _admin_page(request, db, user, status_code=422, error=(
            "Kontrollera uppgifterna: kortnamnet får bara innehålla små bokstäver a–z, siffror, - och _."))
    try:
        api_accounts.create_project(body=body, user=user, db=db)
    except HTTPException as exc:
        return _admin_page(request, db, user, error=str(exc.detail), status_code=exc.status_code)
    return RedirectResponse("/admin?meddelande=projekt", status_code=303)


@router.post("/admin/medlem", dependencies=[Depends(verify_csrf)])
async def add_member(request: Request, user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    if (denied := _need_admin(request, user)) is not None:
        return denied
    form = await request.form()
    pid, uid = str(form.get("projekt") or ""), str(form.get("anvandare") or "")
    if not (pid.isdigit() and uid.isdigit()):
        return _admin_page(request, db, user, error="Välj både projekt och användare.", status_code=422)
    try:
        api_accounts.add_member(project_id=int(pid), body=MemberIn(user_id=int(uid)), user=user, db=db)
    except HTTPException as exc:
        return _admin_page(request, db, user, error=str(exc.detail), status_code=exc.status_code)
    return RedirectResponse("/admin?meddelande=medlem", status_code=303)


@router.post("/admin/anvandare/{user_id}/inaktivera", dependencies=[Depends(verify_csrf)])
def deactivate(user_id: int, request: Request, user: User = Depends(web_user),
               db: Session = Depends(get_db)) -> Response:
    if (denied := _need_admin(request, user)) is not None:
        return denied
    if user_id == user.id:
        return _admin_page(request, db, user, error="Du kan inte inaktivera ditt eget konto.", status_code=409)
    try:
        api_accounts.deactivate_user(user_id=user_id, user=user, db=db)
    except HTTPException as exc:
        return _admin_page(request, db, user, error=str(exc.detail), status_code=exc.status_code)
    return RedirectResponse("/admin?meddelande=inaktiverad", status_code=303)
