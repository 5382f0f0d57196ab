"""User accounts: creating, deactivating, password changes, tokens, the audit log, and what
a user sees about their own account. Shared by the JSON API, the admin pages and
`brukarrost anvandare skapa`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.deps import audit, get_row
from api.passwords import (
    DEFAULT_MIN_LENGTH,
    end_sessions,
    hash_password,
    password_problem,
)
from api.services.errors import Conflict, Invalid, NotFound, commit_unique
from nlp.store.models import (
    ApiToken,
    AuditEntry,
    Organisation,
    Project,
    ProjectMember,
    User,
    ValidationEvent,
    utcnow,
)

_NAME_TAKEN = "Användarnamnet är upptaget."
_NO_USER = "Användaren finns inte."
_ORG_TAKEN = "Det finns redan en organisation med det namnet."
_NO_ORG = "Organisationen finns inte."


def check_password(password: str, username: str, min_length: int = DEFAULT_MIN_LENGTH) -> None:
    """Invalid with the Swedish reason when the password breaks the policy (api/passwords.py)."""
    problem = password_problem(password, username, min_length)
    if problem is not None:
        raise Invalid(problem)


def create_user(
    db: Session,
    *,
    username: str,
    password: str,
    role: str,
    organisation: str | None = None,
    display_name: str | None = None,
    project_ids: list[int] | tuple[int, ...] = (),
    min_length: int = DEFAULT_MIN_LENGTH,
    new_organisation: bool = False,
) -> User:
    """Add an account (flushed, not committed: the caller audits and commits).

    The organisation must be one of the managed organisations (a differently spelt name
    with the same letters is taken as that one); `new_organisation` adds it when it is
    missing (the command line's first setup), else Invalid."""
    if role == "validator" and not (organisation or "").strip():
        raise Invalid("En granskare måste höra till en organisation.")
    check_password(password, username, min_length)
    if db.scalar(select(User).where(User.username == username)) is not None:
        raise Conflict(_NAME_TAKEN)
    org = None
    if organisation and organisation.strip():
        found = find_organisation(db, organisation)
        if found is None and not new_organisation:
            raise Invalid(
                "Organisationen finns inte i listan. Välj en av organisationerna, eller lägg till "
                "den under Organisationer först."
            )
        org = found or _add_organisation(db, organisation)
    new = User(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password),
        role=role,
        organisation=org.name if org else None,
        active=True,
    )
    db.add(new)
    db.flush()
    for pid in project_ids:
        if db.get(Project, pid) is None:
            raise NotFound(f"Projekt {pid} finns inte.")
        db.add(ProjectMember(project_id=pid, user_id=new.id))
    return new


def register_user(db: Session, actor: User, **fields: Any) -> User:
    """An admin creates an account: created, audited and committed."""
    new = create_user(db, **fields)
    audit(db, actor, "anvandare_skapad", "user", new.id, role=new.role)
    commit_unique(db, _NAME_TAKEN)
    return new


def set_password(db: Session, user: User, new_password: str, min_length: int) -> None:
    """Replace a user's password (the caller has checked the current one); every session and
    token of the user ends."""
    check_password(new_password, user.username, min_length)
    user.password_hash = hash_password(new_password)
    end_sessions(db, user)
    audit(db, user, "losenord_bytt", "user", user.id)
    db.commit()


def deactivate_user(db: Session, actor: User, user_id: int) -> User:
    target = get_row(db, User, user_id)
    if target is None:
        raise NotFound(_NO_USER)
    if target.id == actor.id:
        raise Conflict("Du kan inte inaktivera ditt eget konto.")
    target.active = False
    end_sessions(db, target)
    audit(db, actor, "anvandare_inaktiverad", "user", user_id)
    db.commit()
    return target


def revoke_user_tokens(db: Session, actor: User, user_id: int) -> None:
    """Revoke every bearer token of a user (their web sessions go on)."""
    if db.get(User, user_id) is None:
        raise NotFound(_NO_USER)
    db.execute(update(ApiToken).where(ApiToken.user_id == user_id).values(revoked=True))
    audit(db, actor, "token_aterkallade", "user", user_id)
    db.commit()


def _tidy(name: str) -> str:
    return " ".join(name.split())


def find_organisation(db: Session, name: str) -> Organisation | None:
    """The organisation of this name, spaces and case aside ("rsmh  värmland" is "RSMH Värmland")."""
    wanted = _tidy(name).casefold()
    return next((o for o in list_organisations(db) if o.name.casefold() == wanted), None)


def list_organisations(db: Session) -> list[Organisation]:
    return list(db.scalars(select(Organisation).order_by(Organisation.name)))


def _add_organisation(db: Session, name: str) -> Organisation:
    org = Organisation(name=_tidy(name))
    db.add(org)
    db.flush()
    return org


def _valid_name(name: str) -> str:
    tidy = _tidy(name)
    if not tidy or len(tidy) > 200:
        raise Invalid("Skriv organisationens namn (högst 200 tecken).")
    return tidy


def create_organisation(db: Session, actor: User, name: str) -> Organisation:
    """A new organisation (admins); Conflict when one by that name (spaces and case aside) exists."""
    tidy = _valid_name(name)
    if find_organisation(db, tidy) is not None:
        raise Conflict(_ORG_TAKEN)
    org = _add_organisation(db, tidy)
    audit(db, actor, "organisation_skapad", "organisation", org.id)
    commit_unique(db, _ORG_TAKEN)
    return org


def rename_organisation(db: Session, actor: User, org_id: int, name: str) -> Organisation:
    """Rename an organisation: its accounts and its members' decisions follow (they keep the
    name), so what they see and how agreement is counted stay the same."""
    org = get_row(db, Organisation, org_id)
    if org is None:
        raise NotFound(_NO_ORG)
    tidy = _valid_name(name)
    other = find_organisation(db, tidy)
    if other is not None and other.id != org.id:
        raise Conflict(_ORG_TAKEN)
    old, org.name = org.name, tidy
    db.execute(update(User).where(User.organisation == old).values(organisation=tidy))
    db.execute(update(ValidationEvent).where(ValidationEvent.organisation == old).values(organisation=tidy))
    audit(db, actor, "organisation_omdopt", "organisation", org.id)
    commit_unique(db, _ORG_TAKEN)
    return org


def list_users(db: Session, *, by_name: bool = False) -> list[User]:
    return list(db.scalars(select(User).order_by(User.username if by_name else User.id)))


def audit_entries(
    db: Session, *, actor: str | None = None, action: str | None = None, limit: int = 100, offset: int = 0
) -> list[AuditEntry]:
    """The append-only audit log, newest first."""
    q = select(AuditEntry).order_by(AuditEntry.id.desc())
    if actor:
        q = q.where(AuditEntry.actor == actor[:200])
    if action:
        q = q.where(AuditEntry.action == action[:100])
    return list(db.scalars(q.limit(limit).offset(offset)))


@dataclass(frozen=True)
class AccountSummary:
    """What the signed-in user may see about their own account."""

    user: User
    projects: list[Project]
    active_tokens: int


def account_summary(db: Session, user: User) -> AccountSummary:
    projects = list(
        db.scalars(
            select(Project)
            .join(ProjectMember, ProjectMember.project_id == Project.id)
            .where(ProjectMember.user_id == user.id)
            .order_by(Project.name)
        )
    )
    now = utcnow()
    tokens = db.scalars(
        select(ApiToken.expires_at).where(
            ApiToken.user_id == user.id,
            ApiToken.revoked.is_(False),
            ApiToken.generation == (user.session_generation or 0),
        )
    )
    # Compared in Python: SQLite keeps no time zone, so a SQL comparison would be textual.
    active = sum(1 for t in tokens if t is None or (t if t.tzinfo else t.replace(tzinfo=now.tzinfo)) > now)
    return AccountSummary(user=user, projects=projects, active_tokens=active)


__all__ = [
    "AccountSummary",
    "account_summary",
    "audit_entries",
    "check_password",
    "create_organisation",
    "create_user",
    "deactivate_user",
    "find_organisation",
    "list_organisations",
    "list_users",
    "register_user",
    "rename_organisation",
    "revoke_user_tokens",
    "set_password",
]
