"""Authentication and authorisation shared by the JSON API and the web pages.

- Web pages: a signed session cookie (Starlette SessionMiddleware: HttpOnly, SameSite=Lax)
  holding only the user id and a CSRF token.
- API clients: `Authorization: Bearer <token>`; only the token's SHA-256 is stored.
- Unsafe requests (POST/PUT/PATCH/DELETE) authenticated by cookie must carry the session's
  CSRF token: header X-CSRF-Token or form field `csrf_token`. Never in the URL (URLs end up
  in access logs): the upload form sends it as a field before the file, and the streaming
  upload checks it before any file byte is written (`verify_csrf_upload`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from api.deps import Id, audit, get_db
from nlp.store.models import ApiToken, LoginAttempt, Project, ProjectMember, User

ROLES = ("admin", "analyst", "coordinator", "validator")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"

_hasher = PasswordHasher()  # argon2id with the library's current defaults


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


# --- CSRF ------------------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use); put it in forms as `csrf_token`."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Dependency: reject an unsafe request whose CSRF token does not match the session's.

    Requests with a bearer token are exempt (no ambient credential to abuse).
    """
    if request.method in SAFE_METHODS or _bearer(request) is not None:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    ctype = request.headers.get("content-type", "")
    if not sent and ctype.startswith("application/x-www-form-urlencoded"):
        form = await request.form()  # cached by Starlette; the endpoint can read it again
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), str(sent)):
        raise HTTPException(403, "CSRF-kontrollen misslyckades: ladda om sidan och försök igen.")


async def verify_csrf_upload(request: Request) -> None:
    """Dependency for streamed multipart uploads from a form: the header if sent, else the
    form field `csrf_token`, which api.upload.receive_upload checks when the file part
    starts (so it must come before the file). Nothing is read from the body here."""
    if request.method in SAFE_METHODS or _bearer(request) is not None or request.headers.get(CSRF_HEADER):
        await verify_csrf(request)
        return
    request.state.csrf_expected = str(request.session.get("csrf") or "")


def csrf_field_ok(request: Request, sent: bytes | None) -> bool:
    """For receive_upload: is the form field's token the one verify_csrf_upload expects?"""
    expected = getattr(request.state, "csrf_expected", None)
    if expected is None:
        return True  # checked by header or bearer token already
    return bool(expected) and sent is not None and hmac.compare_digest(expected.encode(), sent)


async def _csrf_if_session(request: Request) -> None:
    # Only cookie sessions need CSRF; anonymous unsafe requests fail on authentication instead.
    if request.session.get("uid") is not None:
        await verify_csrf(request)


# --- login, rate limiting, tokens --------------------------------------------------------


def _client(request: Request) -> str | None:
    return request.client.host if request.client else None


def check_rate_limit(request: Request, db: Session, username: str) -> None:
    """Raise 429 after too many failed logins for this username or client in the window."""
    settings = request.app.state.settings
    since = _utcnow() - timedelta(seconds=settings.login_window_seconds)
    by_user = db.scalar(
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.username_sha256 == _sha256(username.lower()), LoginAttempt.at >= since)
    )
    client = _client(request)
    by_client = 0
    if client:
        by_client = db.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(LoginAttempt.client == client, LoginAttempt.at >= since)
        ) or 0
    limit = settings.login_max_failures
    # A client may try several accounts, but not endlessly.
    if (by_user or 0) >= limit or by_client >= limit * 4:
        raise HTTPException(
            429,
            "För många misslyckade inloggningsförsök. Vänta en stund och försök igen.",
            headers={"Retry-After": str(settings.login_window_seconds)},
        )


def authenticate(request: Request, db: Session, username: str, password: str) -> User:
    """Check a username and password, with rate limiting; records failures. Raises 401/429."""
    check_rate_limit(request, db, username)
    user = db.scalar(select(User).where(User.username == username))
    if user is None or not user.active or not verify_password(user.password_hash, password):
        db.add(LoginAttempt(username_sha256=_sha256(username.lower()), client=_client(request)))
        audit(db, username[:100] or "?", "inloggning_misslyckad")
        db.commit()
        raise HTTPException(401, "Fel användarnamn eller lösenord.")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.execute(
        delete(LoginAttempt).where(LoginAttempt.username_sha256 == _sha256(username.lower()))
    )
    return user


def login_user(request: Request, db: Session, username: str, password: str) -> User:
    """Log in for the web pages: sets the signed session cookie and a fresh CSRF token."""
    user = authenticate(request, db, username, password)
    request.session.clear()
    request.session["uid"] = user.id
    request.session["csrf"] = secrets.token_urlsafe(32)
    audit(db, user, "inloggning")
    db.commit()
    return user


def logout_user(request: Request) -> None:
    request.session.clear()


def issue_token(db: Session, user: User, days: int = 30) -> str:
    """Create a bearer token; the plain value is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    db.add(
        ApiToken(
            user_id=user.id,
            token_sha256=_sha256(token),
            expires_at=_utcnow() + timedelta(days=days),
        )
    )
    return token


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


# --- dependencies ------------------------------------------------------------------------


def _as_aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def optional_user(request: Request, db: Session = Depends(get_db)) -> User | None:
    """The signed-in user (bearer token first, then session cookie), or None."""
    token = _bearer(request)
    user: User | None = None
    if token is not None:
        row = db.scalar(select(ApiToken).where(ApiToken.token_sha256 == _sha256(token)))
        if row is None or row.revoked or (
            row.expires_at is not None and _as_aware(row.expires_at) < _utcnow()
        ):
            raise HTTPException(
                401, "Ogiltig eller utgången token.", headers={"WWW-Authenticate": "Bearer"}
            )
        user = db.get(User, row.user_id)
    else:
        uid = request.session.get("uid")
        if uid is not None:
            user = db.get(User, uid)
            if user is None or not user.active:
                request.session.clear()
                return None
    if user is not None and not user.active:
        raise HTTPException(401, "Kontot är inaktiverat.")
    release(db)
    return user


def release(db: Session) -> None:
    """End the read transaction so the connection goes back to the pool.

    FastAPI runs each sync dependency and the endpoint in separate thread-pool tasks;
    a connection held across that hop lets many concurrent requests exhaust the pool
    while they wait for threads. Loaded objects stay usable (expire_on_commit=False).
    """
    if not (db.new or db.dirty or db.deleted):
        db.commit()


async def current_user(  # async: no I/O here, so no thread-pool hop
    request: Request,
    _csrf: None = Depends(_csrf_if_session),
    user: User | None = Depends(optional_user),
) -> User:
    """Dependency: the signed-in user, or 401. Cookie sessions are CSRF-checked on writes."""
    if user is None:
        raise HTTPException(
            401, "Du behöver logga in.", headers={"WWW-Authenticate": "Bearer"}
        )
    return user


def require_role(*roles: str) -> Callable[..., User]:
    """Dependency factory: the signed-in user if their role is one of `roles` (admin always)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")

    async def dependency(user: User = Depends(current_user)) -> User:
        if user.role != "admin" and user.role not in roles:
            raise HTTPException(403, "Din roll har inte behörighet till detta.")
        return user

    return dependency


def is_member(db: Session, user: User, project_id: int) -> bool:
    if user.role == "admin":
        return True
    return (
        db.get(ProjectMember, {"project_id": project_id, "user_id": user.id}) is not None
    )


def ensure_project_access(db: Session, user: User, project_id: int) -> Project:
    """The project if the user belongs to it (admins: every project), else 404.

    404 rather than 403, so that nobody learns which projects exist.
    """
    project = db.get(Project, project_id)
    if project is None or not is_member(db, user, project_id):
        raise HTTPException(404, "Projektet finns inte, eller så har du inte tillgång till det.")
    return project


def project_access(
    project_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)
) -> Project:
    """Dependency for routes with a `{project_id}` path parameter."""
    project = ensure_project_access(db, user, project_id)
    release(db)
    return project


def visible_project_ids(db: Session, user: User) -> list[int]:
    if user.role == "admin":
        return list(db.scalars(select(Project.id)))
    return list(
        db.scalars(select(ProjectMember.project_id).where(ProjectMember.user_id == user.id))
    )
