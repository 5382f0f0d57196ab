"""Storage stage: SQLAlchemy models, engine/session helpers and Alembic migrations."""

from nlp.store.audit import add_audit_entry
from nlp.store.db import get_engine, init_db, make_session_factory, session_scope
from nlp.store.taxonomies import (
    add_taxonomy_version,
    current_project_taxonomy,
    project_taxonomy_choices,
    project_taxonomy_ids,
    project_taxonomy_versions,
    resolve_taxonomy,
)

__all__ = [
    "add_audit_entry",
    "add_taxonomy_version",
    "current_project_taxonomy",
    "get_engine",
    "init_db",
    "make_session_factory",
    "project_taxonomy_choices",
    "project_taxonomy_ids",
    "project_taxonomy_versions",
    "resolve_taxonomy",
    "session_scope",
]
