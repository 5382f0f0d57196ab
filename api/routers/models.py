"""Classifier versions: retrain from validated labels, compare metrics, switch explicitly."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.access import taxonomy_labels
from api.auth import project_access, require_role
from api.deps import Id, audit, get_db
from api.schemas import JobOut, ModelVersionOut, RetrainIn
from nlp.store.models import ClassifierVersion, Job, Project, User, utcnow

router = APIRouter(tags=["modellversioner"])


@router.get("/projects/{project_id}/models")
def list_versions(
    project: Project = Depends(project_access),
    db: Session = Depends(get_db),
    taxonomy: str | None = Query(default=None, max_length=100),
) -> dict[str, Any]:
    """All versions, the active one, and the newest candidate's cross-validated metrics
    next to the active version's."""
    q = select(ClassifierVersion).where(ClassifierVersion.project_id == project.id)
    if taxonomy:
        q = q.where(ClassifierVersion.taxonomy_id == taxonomy)
    versions = list(db.scalars(q.order_by(ClassifierVersion.id)))
    active = {v.taxonomy_id: v for v in versions if v.active}
    comparisons = []
    for tax in sorted({v.taxonomy_id for v in versions}):
        newest = [v for v in versions if v.taxonomy_id == tax][-1]
        cur = active.get(tax)
        comparisons.append({
            "taxonomy_id": tax,
            "aktiv": ModelVersionOut.model_validate(cur).model_dump() if cur else None,
            "senaste": ModelVersionOut.model_validate(newest).model_dump(),
        })
    return {
        "versions": [ModelVersionOut.model_validate(v).model_dump() for v in versions],
        "jamforelse": comparisons,
    }


@router.post("/projects/{project_id}/models/train", response_model=JobOut, status_code=202)
def train(
    body: RetrainIn,
    request: Request,
    project: Project = Depends(project_access),
    user: User = Depends(require_role("analyst")),
    db: Session = Depends(get_db),
) -> Job:
    """Queue training of a new classifier version from this project's validated labels.
    The new version is not used until an analyst activates it."""
    taxonomy_labels(body.taxonomy)
    job = Job(project_id=project.id, kind="traning", status="vantar",
              params={"taxonomy": body.taxonomy}, created_by=user.username)
    db.add(job)
    db.flush()
    audit(db, user, "traning_startad", "job", job.id, taxonomi=body.taxonomy)
    db.commit()
    if request.app.state.worker is not None:
        request.app.state.worker.notify()
    return job


@router.post("/projects/{project_id}/models/{version_id}/activate", response_model=ModelVersionOut)
def activate(
    version_id: Id,
    project: Project = Depends(project_access),
    user: User = Depends(require_role("analyst")),
    db: Session = Depends(get_db),
) -> ClassifierVersion:
    """Switch to a version explicitly (one active version per taxonomy)."""
    version = db.get(ClassifierVersion, version_id)
    if version is None or version.project_id != project.id:
        raise HTTPException(404, "Modellversionen finns inte i projektet.")
    db.execute(
        update(ClassifierVersion)
        .where(ClassifierVersion.project_id == project.id,
               ClassifierVersion.taxonomy_id == version.taxonomy_id)
        .values(active=False)
    )
    version.active = True
    version.activated_at = utcnow()
    audit(db, user, "modell_aktiverad", "classifier_version", version.id,
          version=version.version, taxonomi=version.taxonomy_id)
    db.commit()
    db.refresh(version)
    return version
