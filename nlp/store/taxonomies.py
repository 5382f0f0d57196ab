"""A project's taxonomies: its own uploaded versions, the snapshots its runs kept, the shipped files.

One resolution order for every user of a taxonomy id within a project (analysis jobs, retraining,
validation, the pages): the project's current own version with that id, else the taxonomy the
project's newest run with that id stored (a file given to `analysera --taxonomi PATH`, since changed
or gone), else the file in etiketter/.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp.errors import BrukarrostError, ConfigError
from nlp.store.models import AnalysisRun, Import, ProjectTaxonomy
from nlp.taxonomy import Taxonomy, list_taxonomies, load_taxonomy, taxonomy_from_snapshot, taxonomy_snapshot


def current_project_taxonomy(session: Session, project_id: int) -> ProjectTaxonomy | None:
    """The version the project's analyses use now: the newest one uploaded (or restored)."""
    return session.scalars(
        select(ProjectTaxonomy)
        .where(ProjectTaxonomy.project_id == project_id)
        .order_by(ProjectTaxonomy.version.desc())
        .limit(1)
    ).first()


def project_taxonomy_versions(session: Session, project_id: int) -> list[ProjectTaxonomy]:
    """All versions, newest first."""
    return list(
        session.scalars(
            select(ProjectTaxonomy)
            .where(ProjectTaxonomy.project_id == project_id)
            .order_by(ProjectTaxonomy.version.desc())
        )
    )


def add_taxonomy_version(
    session: Session,
    project_id: int,
    yaml_text: str,
    tax: Taxonomy,
    *,
    actor: str | None,
    note: str | None = None,
) -> ProjectTaxonomy:
    """Store `tax` (already validated from `yaml_text`) as the project's next version."""
    latest = session.scalar(select(func.max(ProjectTaxonomy.version)).where(ProjectTaxonomy.project_id == project_id))
    row = ProjectTaxonomy(
        project_id=project_id,
        version=(latest or 0) + 1,
        taxonomy_id=tax.id,
        name=(tax.name or tax.id)[:300],
        yaml_text=yaml_text,
        snapshot=taxonomy_snapshot(tax),
        note=note,
        created_by=actor,
    )
    session.add(row)
    session.flush()
    return row


def _run_snapshot(session: Session, project_id: int, taxonomy_id: str) -> Taxonomy | None:
    snapshot = session.scalars(
        select(AnalysisRun.taxonomy_snapshot)
        .join(Import, AnalysisRun.import_id == Import.id)
        .where(
            Import.project_id == project_id,
            AnalysisRun.taxonomy_id == taxonomy_id,
            AnalysisRun.taxonomy_snapshot.is_not(None),
        )
        .order_by(AnalysisRun.id.desc())
        .limit(1)
    ).first()
    return taxonomy_from_snapshot(snapshot) if snapshot is not None else None


def resolve_taxonomy(session: Session, project_id: int | None, taxonomy_id: str) -> Taxonomy:
    """The taxonomy `taxonomy_id` means in this project (see the module's resolution order);
    ConfigError in Swedish when it is neither the project's own, nor used by one of its runs,
    nor a shipped file."""
    if project_id is not None:
        own = current_project_taxonomy(session, project_id)
        if own is not None and own.taxonomy_id == taxonomy_id:
            return taxonomy_from_snapshot(own.snapshot)
        stored = _run_snapshot(session, project_id, taxonomy_id)
        if stored is not None:
            return stored
    if taxonomy_id not in list_taxonomies():  # only shipped ids: never a path from a request
        known = ", ".join(project_taxonomy_ids(session, project_id)) or "inga"
        raise ConfigError(f"Okänd taxonomi {taxonomy_id!r}: den finns inte i projektet. Tillgängliga: {known}.")
    try:
        return load_taxonomy(taxonomy_id)
    except BrukarrostError:
        raise ConfigError(f"Taxonomin {taxonomy_id!r} kan inte läsas.") from None


def project_taxonomy_ids(session: Session, project_id: int | None) -> list[str]:
    """The ids a project can choose between: its own current taxonomy first, then the shipped ones."""
    own = current_project_taxonomy(session, project_id) if project_id is not None else None
    shipped = [t for t in list_taxonomies() if own is None or t != own.taxonomy_id]
    return ([own.taxonomy_id] if own is not None else []) + shipped


def project_taxonomy_choices(session: Session, project_id: int | None) -> list[tuple[str, str]]:
    """(id, name) of each taxonomy the project can choose, its own first; one that cannot be
    read is left out rather than taking the page down."""
    choices = []
    for taxonomy_id in project_taxonomy_ids(session, project_id):
        try:
            tax = resolve_taxonomy(session, project_id, taxonomy_id)
        except BrukarrostError:
            continue
        choices.append((taxonomy_id, tax.name or taxonomy_id))
    return choices


__all__ = [
    "add_taxonomy_version",
    "current_project_taxonomy",
    "project_taxonomy_choices",
    "project_taxonomy_ids",
    "project_taxonomy_versions",
    "resolve_taxonomy",
]
