"""A project's own taxonomy: upload a version, list the versions, use an earlier one again."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import PlainTextResponse

from api.auth import ProjectAccess, require_role
from api.deps import DB, Id
from api.schemas import TaxonomyIn, TaxonomyVersionOut
from api.services import taxonomies
from nlp.store.models import ProjectTaxonomy, User

router = APIRouter(tags=["taxonomier"])
Analyst = Annotated[User, Depends(require_role("analyst"))]


@router.get("/projects/{project_id}/taxonomies")
def list_versions(project: ProjectAccess, user: Analyst, db: DB) -> dict[str, Any]:
    """Every version, newest first; the newest is the one new analyses use."""
    found = taxonomies.overview(db, project)
    return {
        "current": TaxonomyVersionOut.model_validate(found["current"]).model_dump() if found["current"] else None,
        "versions": [TaxonomyVersionOut.model_validate(v).model_dump() for v in found["versions"]],
        "changes": found["changes"],
    }


@router.post("/projects/{project_id}/taxonomies", response_model=TaxonomyVersionOut, status_code=201)
def upload(body: TaxonomyIn, project: ProjectAccess, user: Analyst, db: DB) -> ProjectTaxonomy:
    """Validate the YAML (Swedish errors naming the line or field) and store it as the next version."""
    return taxonomies.upload(db, user, project, body.yaml.encode("utf-8"))


@router.post("/projects/{project_id}/taxonomies/{version_id}/restore", response_model=TaxonomyVersionOut)
def restore(version_id: Id, project: ProjectAccess, user: Analyst, db: DB) -> ProjectTaxonomy:
    """Use an earlier version again (stored as the next version)."""
    return taxonomies.restore(db, user, project, version_id)


@router.get("/projects/{project_id}/taxonomies/{version_id}/yaml", response_class=PlainTextResponse)
def download(version_id: Id, project: ProjectAccess, user: Analyst, db: DB) -> PlainTextResponse:
    return PlainTextResponse(taxonomies.version_of(db, project, version_id).yaml_text, media_type="application/yaml")
