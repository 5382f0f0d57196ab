"""Residual risk of the pseudonymisation per import (issue 12; the figures are
nlp/residual_risk.py): counts for readers, each kept risky token in context for an admin."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import audit, get_row
from api.services.errors import NotFound
from api.services.projects import project_of_object
from nlp.residual_risk import import_summary, tokens_in_context
from nlp.store.models import Import, User


def import_for(db: Session, user: User, import_id: int, project_id: int | None = None) -> Import:
    """The import if the user belongs to its project (and it is in project_id, when given)."""
    imp = get_row(db, Import, import_id)
    if project_id is not None and (imp is None or imp.project_id != project_id):
        raise NotFound("Importen finns inte i projektet.")
    project_of_object(
        db, user, imp.project_id if imp else None, "Importen finns inte, eller så har du inte tillgång till den."
    )
    assert imp is not None
    return imp


def project_summaries(db: Session, project_id: int) -> list[dict[str, Any]]:
    """Per import, newest first: replacements per category and field, and kept risky tokens
    per kind (counts only, never the tokens)."""
    imports = db.scalars(select(Import).where(Import.project_id == project_id).order_by(Import.id.desc()))
    return [import_summary(db, imp) for imp in imports]


def summary(db: Session, user: User, import_id: int) -> dict[str, Any]:
    return import_summary(db, import_for(db, user, import_id))


def tokens(db: Session, user: User, imp: Import) -> list[dict[str, Any]]:
    """Each kept risky token in its pseudonymised context (admins). Audited."""
    items = tokens_in_context(db, imp.id)
    audit(db, user, "visa_restrisk", "import", imp.id, antal=len(items))
    db.commit()
    return items


__all__ = ["import_for", "project_summaries", "summary", "tokens"]
