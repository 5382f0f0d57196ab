"""Classifier versions: retrain from validated labels, compare metrics, switch explicitly."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from api.auth import ProjectAccess, require_role
from api.deps import DB, Id, wake_worker
from api.schemas import JobOut, ModelVersionOut, RetrainIn
from api.services import models
from nlp.store.models import ClassifierVersion, Job, User

router = APIRouter(tags=["modellversioner"])
Analyst = Annotated[User, Depends(require_role("analyst"))]


def _out(version: ClassifierVersion | None) -> dict[str, Any] | None:
    return ModelVersionOut.model_validate(version).model_dump() if version is not None else None


@router.get("/projects/{project_id}/models")
def list_versions(
    project: ProjectAccess, db: DB, taxonomy: str | None = Query(default=None, max_length=100)
) -> dict[str, Any]:
    """All versions, the active one, and the newest candidate's cross-validated metrics
    next to the active version's."""
    found = models.overview(db, project.id, taxonomy)
    return {
        "versions": [_out(v) for v in found["versions"]],
        "jamforelse": [
            {"taxonomy_id": c["taxonomy_id"], "aktiv": _out(c["aktiv"]), "senaste": _out(c["senaste"])}
            for c in found["jamforelse"]
        ],
    }


@router.post("/projects/{project_id}/models/train", response_model=JobOut, status_code=202)
def train(body: RetrainIn, request: Request, project: ProjectAccess, user: Analyst, db: DB) -> Job:
    """Queue training of a new classifier version from this project's validated labels.
    The new version is not used until an analyst activates it."""
    job = models.request_training(db, user, project, body.taxonomy)
    wake_worker(request)
    return job


@router.post("/projects/{project_id}/models/{version_id}/activate", response_model=ModelVersionOut)
def activate(version_id: Id, project: ProjectAccess, user: Analyst, db: DB) -> ClassifierVersion:
    """Switch to a version explicitly (one active version per taxonomy)."""
    return models.activate(db, user, project, version_id)
