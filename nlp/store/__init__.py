"""Storage stage: SQLAlchemy models, engine/session helpers and Alembic migrations."""

from nlp.store.audit import add_audit_entry
from nlp.store.db import get_engine, init_db, make_session_factory, session_scope

__all__ = ["add_audit_entry", "get_engine", "init_db", "make_session_factory", "session_scope"]
