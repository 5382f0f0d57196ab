"""Login, tokens, users, projects and membership, audit log."""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.auth import (
    authenticate,
    bearer_row,
    current_user,
    end_sessions,
    ensure_project_access,
    hash_password,
    issue_token,
    login_user,
    logout_user,
    require_role,
    visible_project_ids,
)
from api.deps import Id, audit, get_db
from api.passwords import DEFAULT_MIN_LENGTH, password_problem
from api.schemas import (
    AuditOut,
    LoginIn,
    LoginOut,
    MemberIn,
    PasswordChangeIn,
    ProjectIn,
    ProjectOut,
    TokenOut,
    UserIn,
    UserOut,
)
from nlp.store.models import ApiToken, AuditEntry, Project, ProjectMember, User

router = APIRouter()


@router.post("/auth/login", response_model=LoginOut, tags=["konton"])
def login(body: LoginIn, request: Request, db: Session = Depends(get_db)) -> LoginOut:
    """Log in with a session cookie (for browsers); returns the CSRF token for writes."""
    user = login_user(request, db, body.username, body.password)
    return LoginOut(user=UserOut.model_validate(user), csrf_token=request.session["csrf"])


@router.post("/auth/logout", status_code=204, tags=["konton"])
def logout(request: Request, user: User = Depends(current_user), db: Session = Depends(get_db)) -> None:
    """Log out everywhere: every session cookie and bearer token of the user ends."""
    logout_user(request, db, user)


def _token_out(value: str, seconds: int) -> TokenOut:
    return TokenOut(access_token=value, expires_in=seconds, expires_in_days=seconds // 86400)


@router.post("/auth/token", response_model=TokenOut, tags=["konton"])
def token(body: LoginIn, request: Request, db: Session = Depends(get_db)) -> TokenOut:
    """Exchange username and password for a short-lived bearer token (for API clients)."""
    user = authenticate(request, db, body.username, body.password)
    value, seconds = issue_token(request, db, user)
    audit(db, user, "token_skapad")
    db.commit()
    return _token_out(value, seconds)


def _own_token(request: Request, db: Session, user: User) -> ApiToken:
    row = bearer_row(request, db)
    if row is None or row.user_id != user.id:
        raise HTTPException(400, "Skicka den token som ska förnyas eller återkallas i "
                                 "Authorization-huvudet (Bearer).")
    return row


@router.post("/auth/token/renew", response_model=TokenOut, tags=["konton"])
def renew_token(request: Request, user: User = Depends(current_user),
                db: Session = Depends(get_db)) -> TokenOut:
    """A valid token gets a fresh one (the old one is revoked), never past the token's
    absolute limit (token_max_lifetime_hours after the password was given)."""
    row = _own_token(request, db, user)
    limit = row.renewable_until
    if limit is None or limit.replace(tzinfo=limit.tzinfo or timezone.utc) <= datetime.now(timezone.utc):
        raise HTTPException(401, "Token kan inte förnyas längre. Logga in med lösenord igen.",
                            headers={"WWW-Authenticate": "Bearer"})
    row.revoked = True
    value, seconds = issue_token(request, db, user, renewable_until=limit)
    audit(db, user, "token_fornyad")
    db.commit()
    return _token_out(value, seconds)


@router.post("/auth/token/revoke", status_code=204, tags=["konton"])
def revoke_token(request: Request, user: User = Depends(current_user),
                 db: Session = Depends(get_db)) -> None:
    """Revoke the bearer token this request is made with."""
    row = _own_token(request, db, user)
    row.revoked = True
    audit(db, user, "token_aterkallad", "token", row.id)
    db.commit()


@router.post("/users/{user_id}/tokens/revoke", status_code=204, tags=["konton"])
def revoke_user_tokens(
    user_id: Id, user: User = Depends(require_role("admin")), db: Session = Depends(get_db)
) -> None:
    """Admin: revoke every bearer token of a user (their web sessions go on)."""
    if db.get(User, user_id) is None:
        raise HTTPException(404, "Användaren finns inte.")
    db.execute(update(ApiToken).where(ApiToken.user_id == user_id).values(revoked=True))
    audit(db, user, "token_aterkallade", "user", user_id)
    db.commit()


def check_password(password: str, username: str, min_length: int = DEFAULT_MIN_LENGTH) -> None:
    """422 with the Swedish reason when the password breaks the policy (api/passwords.py)."""
    problem = password_problem(password, username, min_length)
    if problem is not None:
        raise HTTPException(422, problem)


@router.post("/auth/password", status_code=204, tags=["konton"])
def change_password(body: PasswordChangeIn, request: Request, user: User = Depends(current_user),
                    db: Session = Depends(get_db)) -> None:
    """Change one's own password. Every other session and every token of the user ends;
    a browser session that made the change stays signed in."""
    me = authenticate(request, db, user.username, body.current_password)
    check_password(body.new_password, me.username, request.app.state.settings.password_min_length)
    me.password_hash = hash_password(body.new_password)
    end_sessions(db, me)
    audit(db, me, "losenord_bytt", "user", me.id)
    db.commit()
    if request.session.get("uid") == me.id:
        request.session["gen"] = me.session_generation


@router.get("/auth/me", response_model=UserOut, tags=["konton"])
def me(user: User = Depends(current_user)) -> User:
    return user


@router.get("/users", response_model=list[UserOut], tags=["konton"])
def list_users(
    user: User = Depends(require_role("admin")), db: Session = Depends(get_db)
) -> list[User]:
    return list(db.scalars(select(User).order_by(User.id)))


def create_user(db: Session, body: UserIn, min_length: int = DEFAULT_MIN_LENGTH) -> User:
    """Create an account (shared by the API, the admin page and `brukarrost anvandare skapa`)."""
    if body.role == "validator" and not body.organisation:
        raise HTTPException(422, "En validerare måste höra till en organisation.")
    check_password(body.password, body.username, min_length)
    if db.scalar(select(User).where(User.username == body.username)) is not None:
        raise HTTPException(409, "Användarnamnet är upptaget.")
    new = User(
        username=body.username,
        display_name=body.display_name,
        password_hash=hash_password(body.password),
        role=body.role,
        organisation=body.organisation,
        active=True,
    )
    db.add(new)
    db.flush()
    for pid in body.project_ids:
        if db.get(Project, pid) is None:
            raise HTTPException(404, f"Projekt {pid} finns inte.")
        db.add(ProjectMember(project_id=pid, user_id=new.id))
    return new


@router.post("/users", response_model=UserOut, status_code=201, tags=["konton"])
def post_user(
    body: UserIn, request: Request, user: User = Depends(require_role("admin")),
    db: Session = Depends(get_db),
) -> User:
    new = create_user(db, body, request.app.state.settings.password_min_length)
    audit(db, user, "anvandare_skapad", "user", new.id, role=new.role)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise HTTPException(409, "Användarnamnet är upptaget.") from None
    return new


@router.post("/users/{user_id}/deactivate", response_model=UserOut, tags=["konton"])
def deactivate_user(
    user_id: Id, user: User = Depends(require_role("admin")), db: Session = Depends(get_db)
) -> User:
    target = db.get(User, user_id)
    if target is None:
        raise HTTPException(404, "Användaren finns inte.")
    if target.id == user.id:
        raise HTTPException(409, "Du kan inte inaktivera ditt eget konto.")
    target.active = False
    end_sessions(db, target)
    audit(db, user, "anvandare_inaktiverad", "user", user_id)
    db.commit()
    return target


@router.get("/projects", response_model=list[ProjectOut], tags=["projekt"])
def list_projects(user: User = Depends(current_user), db: Session = Depends(get_db)) -> list[Project]:
    ids = visible_project_ids(db, user)
    if not ids:
        return []
    return list(db.scalars(select(Project).where(Project.id.in_(ids)).order_by(Project.id)))


@router.post("/projects", response_model=ProjectOut, status_code=201, tags=["projekt"])
def create_project(
    body: ProjectIn, user: User = Depends(require_role("admin")), db: Session = Depends(get_db)
) -> Project:
    if db.scalar(select(Project).where(Project.slug == body.slug)) is not None:
        raise HTTPException(409, "Det finns redan ett projekt med den kortadressen.")
    project = Project(slug=body.slug, name=body.name, settings={})
    db.add(project)
    db.flush()
    audit(db, user, "projekt_skapat", "project", project.id)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise HTTPException(409, "Det finns redan ett projekt med den kortadressen.") from None
    return project


@router.get("/projects/{project_id}", response_model=ProjectOut, tags=["projekt"])
def get_project(
    project_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)
) -> Project:
    return ensure_project_access(db, user, project_id)


@router.get("/projects/{project_id}/members", response_model=list[UserOut], tags=["projekt"])
def list_members(
    project_id: Id,
    user: User = Depends(require_role("analyst", "coordinator")),
    db: Session = Depends(get_db),
) -> list[User]:
    ensure_project_access(db, user, project_id)
    return list(
        db.scalars(
            select(User)
            .join(ProjectMember, ProjectMember.user_id == User.id)
            .where(ProjectMember.project_id == project_id)
            .order_by(User.id)
        )
    )


@router.post("/projects/{project_id}/members", status_code=204, tags=["projekt"])
def add_member(
    project_id: Id,
    body: MemberIn,
    user: User = Depends(require_role("admin")),
    db: Session = Depends(get_db),
) -> None:
    ensure_project_access(db, user, project_id)
    if db.get(User, body.user_id) is None:
        raise HTTPException(404, "Användaren finns inte.")
    if db.get(ProjectMember, {"project_id": project_id, "user_id": body.user_id}) is None:
        db.add(ProjectMember(project_id=project_id, user_id=body.user_id))
        audit(db, user, "medlem_tillagd", "project", project_id, user_id=body.user_id)
        db.commit()


@router.get("/audit", response_model=list[AuditOut], tags=["granskning"])
def audit_log(
    user: User = Depends(require_role("admin")),
    db: Session = Depends(get_db),
    actor: str | None = Query(default=None, max_length=200),
    action: str | None = Query(default=None, max_length=100),
    limit: int = Query(default=100, ge=1, le=1000),
    offset: int = Query(default=0, ge=0, le=10_000_000),
) -> list[AuditEntry]:
    """The append-only audit log, newest first (admins only)."""
    q = select(AuditEntry).order_by(AuditEntry.id.desc())
    if actor:
        q = q.where(AuditEntry.actor == actor)
    if action:
        q = q.where(AuditEntry.action == action)
    return list(db.scalars(q.limit(limit).offset(offset)))
