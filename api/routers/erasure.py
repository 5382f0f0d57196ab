"""Erasure of one respondent (analysts, admins); the logic is api/services/erasure.py,
which the erasure page calls too."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from api.auth import project_access, require_role
from api.deps import get_db
from api.schemas import ErasureIn
from api.services import erasure
from nlp.store.models import Project, User

router = APIRouter(tags=["export"])


@router.post("/projects/{project_id}/erasure")
def erase(
    body: ErasureIn,
    project: Project = Depends(project_access),
    user: User = Depends(require_role("analyst")),
    db: Session = Depends(get_db),
) -> dict[str, Any]:
    """Delete everything about one respondent (nlp.erasure). The raw id is turned into the
    keyed HMAC at once and is never stored or logged. `fullstandig` is false and
    `ej_sokta_importer` lists the imports that could not be searched (another key)."""
    return erasure.erase(db, user, project, body.respondent_id)
