"""Authentication and authorisation shared by the JSON API and the web pages.

- Web pages: a signed session cookie (Starlette SessionMiddleware: HttpOnly, SameSite=Lax)
  holding only the user id and a CSRF token.
- API clients: `Authorization: Bearer <token>`; only the token's SHA-256 is stored.
  Tokens are short-lived and renewable up to a limit (POST /api/auth/token/renew).
- Logout, password change and deactivation bump the user's session_generation: every
  cookie and token carrying the old number stops working (one primary-key lookup that
  optional_user does anyway).
- Unsafe requests (POST/PUT/PATCH/DELETE) authenticated by cookie must carry the session's
  CSRF token: header X-CSRF-Token or form field `csrf_token`. Never in the URL (URLs end up
  in access logs): the upload form sends it as a field before the file, and the streaming
  upload checks it before any file byte is written (`verify_csrf_upload`).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from api.deps import Id, audit, get_db, release
from api.passwords import end_sessions, hash_password, needs_rehash, verify_password
from api.services.accounts import set_password
from api.services.errors import TooManyRequests, Unauthorized
from api.services.projects import ensure_project_access
from nlp.store.models import ApiToken, LoginAttempt, Project, User

ROLES = ("admin", "analyst", "coordinator", "validator")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _utcnow() -> datetime:
    return datetime.now(UTC)


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


# --- login, throttling, tokens -------------------------------------------------------------


@lru_cache(maxsize=64)
def _networks(spec: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in spec.split(",") if p.strip())


def _is_trusted(host: str, nets: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(addr in net for net in nets)


def client_address(request: Request) -> str | None:
    """The client's address. X-Forwarded-For counts only when the direct peer is one of the
    configured trusted proxies (setting trusted_proxies); then the right-most hop that is
    not a trusted proxy is the client (hops further left are whatever the client sent)."""
    peer = request.client.host if request.client else None
    nets = _networks(request.app.state.settings.trusted_proxies)
    if peer is None or not nets or not _is_trusted(peer, nets):
        return peer
    hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, nets):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer
    return peer


def _account_key(request: Request, username: str) -> str:
    """A keyed hash of the typed user name: stored for throttling instead of the name."""
    state = request.app.state
    key = getattr(state, "login_hash_key", None)
    if key is None:
        key = state.login_hash_key = hashlib.sha256(b"inloggning:" + state.settings.secret().encode("utf-8")).digest()
    return hmac.new(key, username.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()


def _backoff(count: int, last: datetime | None, free: int, base: float, cap: float) -> float:
    """Seconds still to wait: 0 for the first `free` failures, then base, 2·base, … ≤ cap."""
    if count < free or last is None:
        return 0.0
    delay = min(cap, base * 2 ** min(count - free, 30))
    return max(0.0, (_as_aware(last) + timedelta(seconds=delay) - _utcnow()).total_seconds())


def _same_client(client: str | None) -> ColumnElement[bool]:
    return LoginAttempt.client.is_(None) if client is None else LoginAttempt.client == client


def check_rate_limit(request: Request, db: Session, account: str, client: str | None) -> None:
    """Raise TooManyRequests while this (account, client) or, bounded, this account must wait.

    Throttled per (account, client), so one address behind a NAT does not lock out the
    others, and per account across clients with a short cap, so guessing from many
    addresses is slowed but the rightful user never waits more than that cap."""
    s = request.app.state.settings
    since = _utcnow() - timedelta(seconds=s.login_window_seconds)
    q = select(func.count(), func.max(LoginAttempt.at)).where(
        LoginAttempt.username_sha256 == account, LoginAttempt.at >= since
    )
    n_account, last_account = db.execute(q).one()
    n_pair, last_pair = db.execute(q.where(_same_client(client))).one()
    wait = max(
        _backoff(n_pair or 0, last_pair, s.login_free_failures, s.login_base_delay_seconds, s.login_window_seconds),
        _backoff(
            n_account or 0,
            last_account,
            s.login_account_free_failures,
            s.login_base_delay_seconds,
            s.login_account_max_delay_seconds,
        ),
    )
    if wait > 0:
        seconds = math.ceil(wait)
        raise TooManyRequests(
            f"För många misslyckade inloggningsförsök. Vänta {seconds} sekunder och försök igen.",
            headers={"Retry-After": str(seconds)},
        )


def authenticate(request: Request, db: Session, username: str, password: str) -> User:
    """Check a username and password, with throttling; records failures. Raises Unauthorized/TooManyRequests.

    A failure is audited with the client and a keyed hash of the account only: the typed
    name may be a password typed into the wrong field."""
    account = _account_key(request, username)
    client = client_address(request)
    check_rate_limit(request, db, account, client)
    user = db.scalar(select(User).where(User.username == username))
    if user is None or not user.active or not verify_password(user.password_hash, password):
        db.add(LoginAttempt(username_sha256=account, client=client))
        # Failures older than the window count for nothing: keep the table small.
        window = timedelta(seconds=request.app.state.settings.login_window_seconds)
        db.execute(delete(LoginAttempt).where(LoginAttempt.at < _utcnow() - window))
        audit(db, "okänd", "inloggning_misslyckad", konto=account[:16], klient=client)
        db.commit()
        raise Unauthorized("Fel användarnamn eller lösenord.")
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    # Only this client's failures are forgiven: others' guesses keep their back-off.
    db.execute(delete(LoginAttempt).where(LoginAttempt.username_sha256 == account, _same_client(client)))
    return user


def login_user(request: Request, db: Session, username: str, password: str) -> User:
    """Log in for the web pages: sets the signed session cookie and a fresh CSRF token."""
    user = authenticate(request, db, username, password)
    request.session.clear()
    request.session["uid"] = user.id
    request.session["gen"] = user.session_generation or 0
    request.session["csrf"] = secrets.token_urlsafe(32)
    audit(db, user, "inloggning")
    db.commit()
    return user


def logout_user(request: Request, db: Session | None = None, user: User | None = None) -> None:
    """Log out: with a user, every session and token of theirs ends, not only this cookie."""
    if db is not None and user is not None:
        end_sessions(db, user)
        audit(db, user, "utloggning")
        db.commit()
    request.session.clear()


def issue_token(request: Request, db: Session, user: User, renewable_until: datetime | None = None) -> tuple[str, int]:
    """Create a bearer token; returns the plain value (never stored) and its lifetime in s.

    It lives token_lifetime_seconds, and renewals never reach past renewable_until
    (token_max_lifetime_hours after the password was given)."""
    s = request.app.state.settings
    now = _utcnow()
    limit = renewable_until or now + timedelta(hours=s.token_max_lifetime_hours)
    expires = min(now + timedelta(seconds=s.token_lifetime_seconds), _as_aware(limit))
    token = secrets.token_urlsafe(32)
    db.add(
        ApiToken(
            user_id=user.id,
            token_sha256=_sha256(token),
            expires_at=expires,
            generation=user.session_generation or 0,
            renewable_until=limit,
        )
    )
    return token, max(0, int((expires - now).total_seconds()))


def bearer_row(request: Request, db: Session) -> ApiToken | None:
    """The stored row of the request's bearer token, if it is present and still valid."""
    token = _bearer(request)
    if token is None:
        return None
    row = db.scalar(select(ApiToken).where(ApiToken.token_sha256 == _sha256(token)))
    if row is None or row.revoked or (row.expires_at is not None and _as_aware(row.expires_at) < _utcnow()):
        return None
    return row


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


# --- dependencies ------------------------------------------------------------------------


def _as_aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def optional_user(request: Request, db: Session = Depends(get_db)) -> User | None:
    """The signed-in user (bearer token first, then session cookie), or None.

    A cookie or token issued before the user's last logout, password change or
    deactivation carries an older generation number and no longer counts."""
    user: User | None = None
    if _bearer(request) is not None:
        row = bearer_row(request, db)
        user = db.get(User, row.user_id) if row is not None else None
        if row is None or user is None or row.generation != (user.session_generation or 0):
            raise HTTPException(401, "Ogiltig eller utgången token.", headers={"WWW-Authenticate": "Bearer"})
    else:
        uid = request.session.get("uid")
        if uid is not None:
            user = db.get(User, uid)
            if user is None or not user.active or request.session.get("gen") != (user.session_generation or 0):
                request.session.clear()
                return None
    if user is not None and not user.active:
        raise HTTPException(401, "Kontot är inaktiverat.")
    release(db)
    return user


async def current_user(  # async: no I/O here, so no thread-pool hop
    request: Request,
    _csrf: None = Depends(_csrf_if_session),
    user: User | None = Depends(optional_user),
) -> User:
    """Dependency: the signed-in user, or 401. Cookie sessions are CSRF-checked on writes."""
    if user is None:
        raise HTTPException(401, "Du behöver logga in.", headers={"WWW-Authenticate": "Bearer"})
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


def project_access(project_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)) -> Project:
    """Dependency for routes with a `{project_id}` path parameter."""
    project = ensure_project_access(db, user, project_id)
    release(db)
    return project


def change_own_password(request: Request, db: Session, user: User, current: str, new: str) -> None:
    """The signed-in user changes their password (API and page alike): the current one is
    checked with throttling, every other session and token ends, and a browser session that
    made the change stays signed in."""
    me = authenticate(request, db, user.username, current)
    set_password(db, me, new, request.app.state.settings.password_min_length)
    if request.session.get("uid") == me.id:
        request.session["gen"] = me.session_generation


# Parameter types for routes (`user: CurrentUser`): the signed-in user, the project of
# {project_id}. A role's user: `Annotated[User, Depends(require_role("analyst"))]`.
CurrentUser = Annotated[User, Depends(current_user)]
ProjectAccess = Annotated[Project, Depends(project_access)]
# Analysts and coordinators (and admins): theme edits, insights, joint decisions, members.
AnalystOrCoordinator = Annotated[User, Depends(require_role("analyst", "coordinator"))]
