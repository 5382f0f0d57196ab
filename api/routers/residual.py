"""Residual risk of the pseudonymisation, per import (issue 12): counts for analysts and
coordinators; each kept risky token in its pseudonymised context only for an admin, audited.
The logic is in nlp/residual_risk.py; these routes only check access and render JSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import project_access, project_of_object, require_role
from api.deps import Id, audit, get_db
from nlp.residual_risk import import_summary, tokens_in_context
from nlp.store.models import Import, Project, User

router = APIRouter(tags=["restrisk"])
READERS = ("analyst", "coordinator")


def import_for(db: Session, user: User, import_id: int) -> Import:
    """The import if the user belongs to its project, else 404 (as for every project object)."""
    imp = db.get(Import, import_id)
    project_of_object(db, user, imp.project_id if imp else None,
                      "Importen finns inte, eller så har du inte tillgång till den.")
    return imp


@router.get("/projects/{project_id}/residual-risk")
def project_residual_risk(
    project: Project = Depends(project_access),
    user: User = Depends(require_role(*READERS)),
    db: Session = Depends(get_db),
) -> list[dict[str, Any]]:
    """Per import: replacements per category and field, and kept risky tokens per kind
    (counts only, never the tokens)."""
    imports = db.scalars(select(Import).where(Import.project_id == project.id).order_by(Import.id.desc()))
    return [import_summary(db, imp) for imp in imports]


@router.get("/imports/{import_id}/residual-risk")
def residual_risk(
    import_id: Id, user: User = Depends(require_role(*READERS)), db: Session = Depends(get_db)
) -> dict[str, Any]:
    return import_summary(db, import_for(db, user, import_id))


@router.get("/imports/{import_id}/residual-risk/tokens")
def residual_tokens(
    import_id: Id, user: User = Depends(require_role("admin")), db: Session = Depends(get_db)
) -> dict[str, Any]:
    """Admin only: each kept risky token in its pseudonymised context. Audited."""
    imp = import_for(db, user, import_id)
    items = tokens_in_context(db, imp.id)
    audit(db, user, "visa_restrisk", "import", imp.id, antal=len(items))
    db.commit()
    return {"import_id": imp.id, "tokens": items}
