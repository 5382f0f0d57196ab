"""Shared fixtures: an isolated data dir and key per test, and a real database.

The database is a real SQLite file, or the PostgreSQL server named by
BRUKARROST_TEST_DATABASE_URL (the suite runs against both in CI).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from nlp.config import PROJECT_ROOT, get_settings

SHARED_DIR = PROJECT_ROOT.parent / "shared"
# Built model files (weights only, no answer data) are shared by the whole test session and
# the servers it starts, so the ONNX build happens once rather than once per test data dir.
os.environ.setdefault("BRUKARROST_MODEL_DIR", str(PROJECT_ROOT / ".cache" / "modeller"))
EXAMPLE_EXPORT = PROJECT_ROOT / "exempel" / "enkat_exempel.csv"


# Tests marked `utan_databas` open no database, so the PostgreSQL run leaves them out
# (Makefile: test-postgres). The mark is checked on every run: a marked test that opens one fails.
# Tests marked `db_incidental` open one only to store what the model or the analysis computes
# (Makefile: the rule for it); one that opens none fails, as it belongs under `utan_databas`.
_opened_databases: list[str] = []
_call_passed = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_call_passed] = report.passed
    return report


@event.listens_for(Engine, "engine_connect")
def _note_database_opened(conn: Any) -> None:
    _opened_databases.append(conn.engine.dialect.name)


@pytest.fixture(autouse=True)
def isolated_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Path]:
    """Every test gets its own data dir and pseudonym key file (outside the data dir)."""
    data_dir = tmp_path / "data" / "anonymiserad"
    monkeypatch.setenv("BRUKARROST_DATA_DIR", str(data_dir))
    monkeypatch.setenv("BRUKARROST_KEY_FILE", str(tmp_path / "nyckel" / "pseudonym.key"))
    monkeypatch.delenv("BRUKARROST_KEY", raising=False)
    without_db = request.node.get_closest_marker("utan_databas") is not None
    incidental_db = request.node.get_closest_marker("db_incidental") is not None
    test_db = None if without_db else os.environ.get("BRUKARROST_TEST_DATABASE_URL")
    if test_db:
        monkeypatch.setenv("BRUKARROST_DATABASE_URL", test_db)
        # Every test starts from an empty database, as with SQLite's file per test: a
        # command that checks what the database holds (no new key while imports exist)
        # must not see another test's imports. A test with the `engine` fixture gets its wipe
        # (and the migrations) there.
        if "engine" not in request.fixturenames:
            from sqlalchemy import create_engine

            fresh = create_engine(test_db)
            _reset_postgres(fresh)
            fresh.dispose()
    else:
        monkeypatch.delenv("BRUKARROST_DATABASE_URL", raising=False)
    _opened_databases.clear()
    get_settings.cache_clear()
    yield data_dir
    get_settings.cache_clear()
    if without_db and _opened_databases:
        pytest.fail(f"Testet är märkt utan_databas men öppnade en databas ({_opened_databases[0]}).")
    if incidental_db and request.node.stash.get(_call_passed, False) and not _opened_databases:
        pytest.fail("Testet är märkt db_incidental men öppnade ingen databas: märk det utan_databas.")


def _reset_postgres(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture
def engine(isolated_settings: Path) -> Engine:
    """A fresh, migrated database: SQLite in tmp, or a wiped PostgreSQL schema."""
    from nlp.store.db import get_engine, init_db

    url = get_settings().db_url
    if url.startswith("postgresql"):
        _reset_postgres(get_engine(url))
    return init_db(url)


@pytest.fixture
def shared_dir() -> Path:
    """The team's shared data (../shared). Skips, saying so, when it is missing."""
    if not (SHARED_DIR / "data").is_dir():
        pytest.skip(f"Delad utvecklingsdata saknas: {SHARED_DIR / 'data'} finns inte")
    return SHARED_DIR


@pytest.fixture(scope="module")
def embed() -> Any:
    """texts -> their analysis vectors from the default model (what theme naming is handed)."""
    from nlp.core import ANALYSIS_KIND
    from nlp.embed import embed_texts

    return lambda texts: embed_texts(list(texts), kind=ANALYSIS_KIND)


@pytest.fixture(scope="module")
def embedder() -> Any:
    """The default model through the vector cache, as the pipeline hands it to the classifier."""
    from nlp.embed import cached_embedder

    return cached_embedder()


@pytest.fixture(scope="module")
def tax() -> Any:
    """The small care-experience taxonomy of tests/classify_support.py."""
    from tests.classify_support import care_taxonomy

    return care_taxonomy()
