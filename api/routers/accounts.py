"""Login, tokens, users, projects and membership, audit log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import Session

from api.auth import (
    AnalystOrCoordinator,
    CurrentUser,
    ProjectAccess,
    authenticate,
    bearer_row,
    change_own_password,
    issue_token,
    login_user,
    logout_user,
    require_role,
)
from api.deps import DB, Id, audit
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
from api.services import accounts, projects
from api.services.errors import BadRequest, Unauthorized
from nlp.store.models import ApiToken, AuditEntry, Project, User

router = APIRouter()
Admin = Annotated[User, Depends(require_role("admin"))]


@router.post("/auth/login", response_model=LoginOut, tags=["konton"])
def login(body: LoginIn, request: Request, db: DB) -> LoginOut:
    """Log in with a session cookie (for browsers); returns the CSRF token for writes."""
    user = login_user(request, db, body.username, body.password)
    return LoginOut(user=UserOut.model_validate(user), csrf_token=request.session["csrf"])


@router.post("/auth/logout", status_code=204, tags=["konton"])
def logout(request: Request, user: CurrentUser, db: DB) -> None:
    """Log out everywhere: every session cookie and bearer token of the user ends."""
    logout_user(request, db, user)


def _token_out(value: str, seconds: int) -> TokenOut:
    return TokenOut(access_token=value, expires_in=seconds, expires_in_days=seconds // 86400)


@router.post("/auth/token", response_model=TokenOut, tags=["konton"])
def token(body: LoginIn, request: Request, db: DB) -> TokenOut:
    """Exchange username and password for a short-lived bearer token (for API clients)."""
    user = authenticate(request, db, body.username, body.password)
    value, seconds = issue_token(request, db, user)
    audit(db, user, "token_skapad")
    db.commit()
    return _token_out(value, seconds)


def _own_token(request: Request, db: Session, user: User) -> ApiToken:
    row = bearer_row(request, db)
    if row is None or row.user_id != user.id:
        raise BadRequest("Skicka den token som ska förnyas eller återkallas i Authorization-huvudet (Bearer).")
    return row


@router.post("/auth/token/renew", response_model=TokenOut, tags=["konton"])
def renew_token(request: Request, user: CurrentUser, db: DB) -> TokenOut:
    """A valid token gets a fresh one (the old one is revoked), never past the token's
    absolute limit (token_max_lifetime_hours after the password was given)."""
    row = _own_token(request, db, user)
    limit = row.renewable_until
    if limit is None or limit.replace(tzinfo=limit.tzinfo or UTC) <= datetime.now(UTC):
        raise Unauthorized(
            "Token kan inte förnyas längre. Logga in med lösenord igen.", headers={"WWW-Authenticate": "Bearer"}
        )
    row.revoked = True
    value, seconds = issue_token(request, db, user, renewable_until=limit)
    audit(db, user, "token_fornyad")
    db.commit()
    return _token_out(value, seconds)


@router.post("/auth/token/revoke", status_code=204, tags=["konton"])
def revoke_token(request: Request, user: CurrentUser, db: DB) -> None:
    """Revoke the bearer token this request is made with."""
    row = _own_token(request, db, user)
    row.revoked = True
    audit(db, user, "token_aterkallad", "token", row.id)
    db.commit()


@router.post("/users/{user_id}/tokens/revoke", status_code=204, tags=["konton"])
def revoke_user_tokens(user_id: Id, user: Admin, db: DB) -> None:
    """Admin: revoke every bearer token of a user (their web sessions go on)."""
    accounts.revoke_user_tokens(db, user, user_id)


@router.post("/auth/password", status_code=204, tags=["konton"])
def change_password(body: PasswordChangeIn, request: Request, user: CurrentUser, db: DB) -> None:
    """Change one's own password. Every other session and every token of the user ends;
    a browser session that made the change stays signed in."""
    change_own_password(request, db, user, body.current_password, body.new_password)


@router.get("/auth/me", response_model=UserOut, tags=["konton"])
def me(user: CurrentUser) -> User:
    return user


@router.get("/users", response_model=list[UserOut], tags=["konton"])
def list_users(user: Admin, db: DB) -> list[User]:
    return accounts.list_users(db)


@router.post("/users", response_model=UserOut, status_code=201, tags=["konton"])
def post_user(body: UserIn, request: Request, user: Admin, db: DB) -> User:
    return accounts.register_user(
        db, user, **body.model_dump(), min_length=request.app.state.settings.password_min_length
    )


@router.post("/users/{user_id}/deactivate", response_model=UserOut, tags=["konton"])
def deactivate_user(user_id: Id, user: Admin, db: DB) -> User:
    return accounts.deactivate_user(db, user, user_id)


@router.get("/projects", response_model=list[ProjectOut], tags=["projekt"])
def list_projects(user: CurrentUser, db: DB) -> list[Project]:
    return projects.visible_projects(db, user)


@router.post("/projects", response_model=ProjectOut, status_code=201, tags=["projekt"])
def create_project(body: ProjectIn, user: Admin, db: DB) -> Project:
    return projects.create_project(db, user, body.slug, body.name)


@router.get("/projects/{project_id}", response_model=ProjectOut, tags=["projekt"])
def get_project(project: ProjectAccess) -> Project:
    return project


@router.get("/projects/{project_id}/members", response_model=list[UserOut], tags=["projekt"])
def list_members(project: ProjectAccess, user: AnalystOrCoordinator, db: DB) -> list[User]:
    return projects.members(db, project.id)


@router.post("/projects/{project_id}/members", status_code=204, tags=["projekt"])
def add_member(project_id: Id, body: MemberIn, user: Admin, db: DB) -> None:
    projects.add_member(db, user, project_id, body.user_id)


@router.get("/audit", response_model=list[AuditOut], tags=["granskning"])
def audit_log(
    user: Admin,
    db: DB,
    actor: str | None = Query(default=None, max_length=200),
    action: str | None = Query(default=None, max_length=100),
    limit: int = Query(default=100, ge=1, le=1000),
    offset: int = Query(default=0, ge=0, le=10_000_000),
) -> list[AuditEntry]:
    """The append-only audit log, newest first (admins only)."""
    return accounts.audit_entries(db, actor=actor, action=action, limit=limit, offset=offset)
