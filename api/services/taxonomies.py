"""A project's own taxonomy: upload a YAML (validated, stored as a new version), list the
versions, go back to an earlier one. Analyses started afterwards use the newest version; every
run keeps the snapshot it used, so a new version never changes an old report."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.deps import audit
from api.services.errors import Invalid, NotFound
from nlp.errors import BrukarrostError
from nlp.store import add_taxonomy_version, current_project_taxonomy, project_taxonomy_versions
from nlp.store.models import Project, ProjectTaxonomy, User
from nlp.taxonomy import Taxonomy, load_taxonomy_text, taxonomy_from_snapshot

# A taxonomy is a page of text; the upload limit for survey exports would be far too generous.
MAX_TAXONOMY_BYTES = 512 * 1024
# The name in error messages: the uploaded file's own name could carry personal data.
UPLOADED = "som laddades upp"


def parse_upload(data: bytes) -> tuple[str, Taxonomy]:
    """The YAML text and its validated taxonomy; Invalid with the schema's Swedish errors."""
    if not data.strip():
        raise Invalid("Taxonomifilen som laddades upp är tom.")
    if len(data) > MAX_TAXONOMY_BYTES:
        raise Invalid(f"Taxonomifilen som laddades upp är större än {MAX_TAXONOMY_BYTES // 1024} kB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid(
            "Taxonomifilen som laddades upp är inte UTF-8-kodad. Spara den som UTF-8 och försök igen."
        ) from None
    try:
        return text, load_taxonomy_text(text, UPLOADED)
    except BrukarrostError as exc:
        raise Invalid(exc.message) from None


def upload(db: Session, user: User, project: Project, data: bytes) -> ProjectTaxonomy:
    """Validate and store the next version (committed). Nothing is stored when it is invalid."""
    text, tax = parse_upload(data)
    row = add_taxonomy_version(db, project.id, text, tax, actor=user.username)
    audit(db, user, "taxonomi_uppladdad", "project", project.id, taxonomi=tax.id, version=row.version)
    db.commit()
    return row


def restore(db: Session, user: User, project: Project, version_id: int) -> ProjectTaxonomy:
    """Use an earlier version again: stored as the next version, noting where it came from."""
    old = db.get(ProjectTaxonomy, version_id)
    if old is None or old.project_id != project.id:
        raise NotFound("Taxonomiversionen finns inte i projektet.")
    tax = taxonomy_from_snapshot(old.snapshot)
    row = add_taxonomy_version(
        db, project.id, old.yaml_text, tax, actor=user.username, note=f"återställd från version {old.version}"
    )
    audit(
        db, user, "taxonomi_aterstalld", "project", project.id, taxonomi=tax.id, fran=old.version, version=row.version
    )
    db.commit()
    return row


def version_of(db: Session, project: Project, version_id: int) -> ProjectTaxonomy:
    row = db.get(ProjectTaxonomy, version_id)
    if row is None or row.project_id != project.id:
        raise NotFound("Taxonomiversionen finns inte i projektet.")
    return row


def overview(db: Session, project: Project) -> dict[str, Any]:
    """The current version with its labels, every version, and what changed in the newest one."""
    found = project_taxonomy_versions(db, project.id)
    current = current_project_taxonomy(db, project.id)
    tax = taxonomy_from_snapshot(current.snapshot) if current else None
    return {
        "current": current,
        "taxonomy": tax,
        "versions": found,
        "changes": label_changes(found[1], found[0]) if len(found) > 1 else None,
    }


def label_changes(before: ProjectTaxonomy, after: ProjectTaxonomy) -> dict[str, list[str]]:
    """Label ids added and removed between two versions (a trained model knows the old ones)."""
    old = set(taxonomy_from_snapshot(before.snapshot).label_ids)
    new = set(taxonomy_from_snapshot(after.snapshot).label_ids)
    return {"tillagda": sorted(new - old), "borttagna": sorted(old - new)}


__all__ = ["MAX_TAXONOMY_BYTES", "label_changes", "overview", "parse_upload", "restore", "upload", "version_of"]
