"""The schema migrates on a real database and a failed transaction stores nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, func, inspect, select, text

from nlp.config import get_settings
from nlp.report import load_run_report
from nlp.store import session_scope
from nlp.store.db import get_engine
from nlp.store.models import AnalysisRun, Import, Project


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
    from nlp.store.search import outside_search_index

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": outside_search_index})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_replaces_file_names_stored_before_0007(tmp_path) -> None:
    """Users' own file names (often a name or personnummer) stored by older versions are
    replaced by neutral names, and dropped from the import entries of the audit log."""
    import json

    from alembic import command
    from sqlalchemy import create_engine

    from nlp.store.db import alembic_config

    url = f"sqlite:///{tmp_path / 'gammal.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "0006")
    raw = "Enkät Anna Svensson 19121212-1212.csv"
    eng = create_engine(url)
    with eng.begin() as conn:
        _old_import(conn, raw)
        conn.execute(
            text("INSERT INTO audit_log (at, actor, action, details) VALUES (CURRENT_TIMESTAMP, 'cli', 'import', :d)"),
            {"d": json.dumps({"fil": raw, "svar": 3})},
        )
    command.upgrade(cfg, "head")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT filename FROM imports")).scalar_one() == "import 7"
        assert json.loads(conn.execute(text("SELECT details FROM audit_log")).scalar_one()) == {"svar": 3}
    eng.dispose()


def _old_import(conn: Connection, filename: str) -> None:
    """Project 1 with import 7, written as an older version of the schema stored them."""
    conn.execute(
        text(
            "INSERT INTO projects (id, slug, name, settings, created_at) VALUES (1, 'p', 'P', '{}', CURRENT_TIMESTAMP)"
        )
    )
    conn.execute(
        text(
            "INSERT INTO imports (id, project_id, filename, file_sha256, text_columns, "
            "column_mapping, pii_counts, n_rows, n_records, created_at) "
            "VALUES (7, 1, :f, :s, '[]', '{}', '{}', 0, 0, CURRENT_TIMESTAMP)"
        ),
        {"f": filename, "s": "0" * 64},
    )


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    from alembic import command

    from nlp.store.db import alembic_config

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_upgrade_to_0008_keeps_old_runs_readable_from_their_file(isolated_settings) -> None:
    """A database with a finished run from before 0008 upgrades (SQLite, or the PostgreSQL of
    BRUKARROST_TEST_DATABASE_URL); the old run has no snapshot and its report reads the file."""
    eng = get_engine(get_settings().db_url)
    _migrate(eng, "0007")
    with eng.begin() as conn:
        _old_import(conn, "import 7")
        conn.execute(
            text(
                "INSERT INTO analysis_runs (id, import_id, created_at, finished_at, status, progress_n, "
                "progress_total, taxonomy_id, settings) "
                "VALUES (3, 7, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'klar', 1, 1, 'samsjuklighet', '{}')"
            )
        )
    _migrate(eng, "head")
    with session_scope(eng) as s:
        assert s.get(AnalysisRun, 3).taxonomy_snapshot is None
        rep = load_run_report(s, 3)
        assert rep.taxonomy_id == "samsjuklighet" and rep.taxonomy_name != "samsjuklighet"
        assert [lab.id for lab in rep.labels][:3] == ["tidig-hjalp", "tillganglighet", "behandling-val"]
        assert rep.labels[0].title != "tidig-hjalp"  # the title comes from etiketter/samsjuklighet.yaml
    _migrate(eng, "0007", down=True)
    assert "taxonomy_snapshot" not in {c["name"] for c in inspect(eng).get_columns("analysis_runs")}
    eng.dispose()
