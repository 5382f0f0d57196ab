"""The schema migrates on a real database and a failed transaction stores nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, inspect, select

from nlp.store import session_scope
from nlp.store.models import Import, Project


def test_migrations_create_all_tables(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    for name in ["projects", "imports", "records", "analysis_runs", "themes", "suggestions",
                 "classifications", "validation_events", "audit_log", "theme_assignments"]:
        assert name in tables


def test_failed_transaction_stores_nothing(engine: Engine) -> None:
    with pytest.raises(RuntimeError):
        with session_scope(engine) as s:
            p = Project(slug="p", name="P")
            s.add(p)
            s.flush()
            s.add(Import(project_id=p.id, filename="x.csv", file_sha256="0" * 64))
            s.flush()
            raise RuntimeError("avbrott mitt i")
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 0
        assert s.scalar(select(func.count()).select_from(Import)) == 0


def test_migrations_match_the_models(engine: Engine) -> None:
    """A model change without its migration would silently differ between databases."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from nlp.store.models import Base

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
