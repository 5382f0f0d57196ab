"""The schema migrates on a real database and a failed transaction stores nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, inspect, select

from nlp.store import session_scope
from nlp.store.models import Import, Project


def test_migrations_create_all_tables(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    for name in [
        "projects",
        "imports",
        "records",
        "analysis_runs",
        "themes",
        "suggestions",
        "classifications",
        "validation_events",
        "audit_log",
        "theme_assignments",
    ]:
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


def test_upgrade_replaces_file_names_stored_before_0007(tmp_path) -> None:
    """Users' own file names (often a name or personnummer) stored by older versions are
    replaced by neutral names, and dropped from the import entries of the audit log."""
    import json

    from alembic import command
    from sqlalchemy import create_engine, text

    from nlp.store.db import alembic_config

    url = f"sqlite:///{tmp_path / 'gammal.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "0006")
    raw = "Enkät Anna Svensson 19121212-1212.csv"
    eng = create_engine(url)
    with eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO projects (id, slug, name, settings, created_at) "
                "VALUES (1, 'p', 'P', '{}', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO imports (id, project_id, filename, file_sha256, text_columns, "
                "column_mapping, pii_counts, n_rows, n_records, created_at) "
                "VALUES (7, 1, :f, :s, '[]', '{}', '{}', 0, 0, CURRENT_TIMESTAMP)"
            ),
            {"f": raw, "s": "0" * 64},
        )
        conn.execute(
            text("INSERT INTO audit_log (at, actor, action, details) VALUES (CURRENT_TIMESTAMP, 'cli', 'import', :d)"),
            {"d": json.dumps({"fil": raw, "svar": 3})},
        )
    command.upgrade(cfg, "head")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT filename FROM imports")).scalar_one() == "import 7"
        assert json.loads(conn.execute(text("SELECT details FROM audit_log")).scalar_one()) == {"svar": 3}
    eng.dispose()
