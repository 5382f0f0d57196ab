"""Residual risk of the pseudonymisation, per import (issue 12): counts for analysts and
coordinators; each kept risky token in its pseudonymised context only for an admin, audited.
The logic is in api/services/residual.py and nlp/residual_risk.py."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from api.auth import ProjectAccess, require_role
from api.deps import DB, Id
from api.services import residual
from nlp.store.models import User

router = APIRouter(tags=["restrisk"])
READERS = ("analyst", "coordinator")
Admin = Annotated[User, Depends(require_role("admin"))]
Reader = Annotated[User, Depends(require_role(*READERS))]


@router.get("/projects/{project_id}/residual-risk")
def project_residual_risk(project: ProjectAccess, user: Reader, db: DB) -> list[dict[str, Any]]:
    """Per import: replacements per category and field, and kept risky tokens per kind
    (counts only, never the tokens)."""
    return residual.project_summaries(db, project.id)


@router.get("/imports/{import_id}/residual-risk")
def residual_risk(import_id: Id, user: Reader, db: DB) -> dict[str, Any]:
    return residual.summary(db, user, import_id)


@router.get("/imports/{import_id}/residual-risk/tokens")
def residual_tokens(import_id: Id, user: Admin, db: DB) -> dict[str, Any]:
    """Admin only: each kept risky token in its pseudonymised context. Audited."""
    imp = residual.import_for(db, user, import_id)
    return {"import_id": imp.id, "tokens": residual.tokens(db, user, imp)}
