"""Erasure of one respondent (analysts, admins); the logic is api/services/erasure.py,
which the erasure page calls too."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from api.auth import ProjectAccess, require_role
from api.deps import DB
from api.schemas import ErasureIn
from api.services import erasure
from nlp.store.models import User

router = APIRouter(tags=["export"])
Analyst = Annotated[User, Depends(require_role("analyst"))]


@router.post("/projects/{project_id}/erasure")
def erase(body: ErasureIn, project: ProjectAccess, user: Analyst, db: DB) -> dict[str, Any]:
    """Delete everything about one respondent (nlp.erasure). The raw id is turned into the
    keyed HMAC at once and is never stored or logged. `fullstandig` is false and
    `ej_sokta_importer` lists the imports that could not be searched (another key)."""
    return erasure.erase(db, user, project, body.respondent_id)
