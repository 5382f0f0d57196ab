"""Projects and membership: who may reach which project, and creating and staffing them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import audit, get_row
from api.services.errors import Conflict, NotFound, commit_unique
from nlp.store.models import Project, ProjectMember, User

NO_PROJECT = "Projektet finns inte, eller så har du inte tillgång till det."
_SLUG_TAKEN = "Det finns redan ett projekt med den kortadressen."


def is_member(db: Session, user: User, project_id: int) -> bool:
    if user.role == "admin":
        return True
    return db.get(ProjectMember, {"project_id": project_id, "user_id": user.id}) is not None


def ensure_project_access(db: Session, user: User, project_id: int) -> Project:
    """The project if the user belongs to it (admins: every project), else NotFound.

    Not found rather than forbidden, so that nobody learns which projects exist.
    """
    project = get_row(db, Project, project_id)
    if project is None or not is_member(db, user, project_id):
        raise NotFound(NO_PROJECT)
    return project


def project_of_object(db: Session, user: User, project_id: int | None, missing: str) -> Project:
    """The project of an object (a job, import, run, answer, action) the user may reach,
    else NotFound with `missing`: the same answer whether the object or the access is lacking."""
    try:
        if project_id is not None:
            return ensure_project_access(db, user, project_id)
    except NotFound:
        pass
    raise NotFound(missing)


def visible_project_ids(db: Session, user: User) -> list[int]:
    if user.role == "admin":
        return list(db.scalars(select(Project.id)))
    return list(db.scalars(select(ProjectMember.project_id).where(ProjectMember.user_id == user.id)))


def visible_projects(db: Session, user: User, *, order_by_name: bool = False) -> list[Project]:
    ids = visible_project_ids(db, user)
    if not ids:
        return []
    order = Project.name if order_by_name else Project.id
    return list(db.scalars(select(Project).where(Project.id.in_(ids)).order_by(order)))


def create_project(db: Session, actor: User, slug: str, name: str) -> Project:
    """A new project (admins); Conflict when the slug is taken."""
    if db.scalar(select(Project).where(Project.slug == slug)) is not None:
        raise Conflict(_SLUG_TAKEN)
    project = Project(slug=slug, name=name, settings={})
    db.add(project)
    db.flush()
    audit(db, actor, "projekt_skapat", "project", project.id)
    commit_unique(db, _SLUG_TAKEN)
    return project


def members(db: Session, project_id: int) -> list[User]:
    return list(
        db.scalars(
            select(User)
            .join(ProjectMember, ProjectMember.user_id == User.id)
            .where(ProjectMember.project_id == project_id)
            .order_by(User.id)
        )
    )


def add_member(db: Session, actor: User, project_id: int, user_id: int) -> None:
    """Add a user to a project (idempotent)."""
    ensure_project_access(db, actor, project_id)
    if db.get(User, user_id) is None:
        raise NotFound("Användaren finns inte.")
    if db.get(ProjectMember, {"project_id": project_id, "user_id": user_id}) is None:
        db.add(ProjectMember(project_id=project_id, user_id=user_id))
        audit(db, actor, "medlem_tillagd", "project", project_id, user_id=user_id)
        db.commit()


__all__ = [
    "NO_PROJECT",
    "add_member",
    "create_project",
    "ensure_project_access",
    "is_member",
    "members",
    "project_of_object",
    "visible_project_ids",
    "visible_projects",
]
