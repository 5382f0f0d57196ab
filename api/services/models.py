"""Classifier versions: queue training from validated labels, compare, switch explicitly."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.access import taxonomy_labels
from api.deps import audit, get_row
from api.services.errors import NotFound
from nlp.pipeline import validated_examples
from nlp.store.models import ClassifierVersion, Job, Project, User, utcnow


def versions(
    db: Session, project_id: int, taxonomy: str | None = None, *, newest_first: bool = False
) -> list[ClassifierVersion]:
    q = select(ClassifierVersion).where(ClassifierVersion.project_id == project_id)
    if taxonomy:
        q = q.where(ClassifierVersion.taxonomy_id == taxonomy)
    order = ClassifierVersion.id.desc() if newest_first else ClassifierVersion.id
    return list(db.scalars(q.order_by(order)))


def n_training_examples(db: Session, project_id: int, taxonomy: str) -> int:
    """Answers with a settled label, counted through the worker's own function: exactly the
    examples a training would use."""
    return len({e["record_id"] for e in validated_examples(db.get_bind(), project_id, taxonomy)})


def training_jobs(db: Session, project_id: int, limit: int = 5) -> list[Job]:
    return list(
        db.scalars(
            select(Job).where(Job.project_id == project_id, Job.kind == "traning").order_by(Job.id.desc()).limit(limit)
        )
    )


def request_training(db: Session, user: User, project: Project, taxonomy: str) -> Job:
    """Queue training of a new version from this project's validated labels (committed; the
    caller wakes the worker). The new version is not used until someone activates it."""
    taxonomy_labels(db, project.id, taxonomy)
    job = Job(
        project_id=project.id, kind="traning", status="vantar", params={"taxonomy": taxonomy}, created_by=user.username
    )
    db.add(job)
    db.flush()
    audit(db, user, "traning_startad", "job", job.id, taxonomi=taxonomy)
    db.commit()
    return job


def activate(db: Session, user: User, project: Project, version_id: int) -> ClassifierVersion:
    """Switch to a version explicitly (one active version per taxonomy)."""
    version = get_row(db, ClassifierVersion, version_id)
    if version is None or version.project_id != project.id:
        raise NotFound("Modellversionen finns inte i projektet.")
    db.execute(
        update(ClassifierVersion)
        .where(ClassifierVersion.project_id == project.id, ClassifierVersion.taxonomy_id == version.taxonomy_id)
        .values(active=False)
    )
    version.active = True
    version.activated_at = utcnow()
    audit(
        db,
        user,
        "modell_aktiverad",
        "classifier_version",
        version.id,
        version=version.version,
        taxonomi=version.taxonomy_id,
    )
    db.commit()
    db.refresh(version)
    return version


def overview(db: Session, project_id: int, taxonomy: str | None = None) -> dict[str, list[Any]]:
    """All versions, and per taxonomy the active version next to the newest."""
    found = versions(db, project_id, taxonomy)
    active = {v.taxonomy_id: v for v in found if v.active}
    comparisons = []
    for tax in sorted({v.taxonomy_id for v in found}):
        newest = [v for v in found if v.taxonomy_id == tax][-1]
        comparisons.append({"taxonomy_id": tax, "aktiv": active.get(tax), "senaste": newest})
    return {"versions": found, "jamforelse": comparisons}


__all__ = ["activate", "overview", "request_training", "training_jobs", "versions"]
