"""Shared fixtures for the API tests: a real app over a real database with seeded data.

The seed writes projects, users, an import, a finished analysis run, themes, suggestions
and classifications through the ORM: real rows in a real database, no stand-ins.
No tests are collected from this module.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.app import create_app
from api.passwords import hash_password
from api.settings import ApiSettings
from nlp.config import get_settings
from nlp.store.db import session_scope
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    Project,
    ProjectMember,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
    User,
)

PASSWORD = "ett-langt-losenord-42"
LABELS = ["tidig-hjalp", "tillganglighet", "behandling-val", "helhet", "respekt"]
UNITS = ["Vårdcentral Norr", "Vårdcentral Söder", "Psykiatri"]
# (username, role, organisation, projects)
USERS = [
    ("admin", "admin", None, []),
    ("analytiker", "analyst", "Regionen", ["a"]),
    ("samordnare", "coordinator", "Regionen", ["a"]),
    ("validerare_a1", "validator", "Brukarföreningen A", ["a"]),
    ("validerare_a2", "validator", "Brukarföreningen A", ["a"]),
    ("validerare_b", "validator", "Anhörigföreningen B", ["a"]),
    ("validerare_proj_b", "validator", "Organisation C", ["b"]),
    ("analytiker_b", "analyst", "Regionen", ["b"]),
]


def seed(engine: Engine, n_records: int = 40, seed_value: int = 7) -> dict[str, Any]:
    from nlp.pseudonymise import load_or_create_key

    rng = random.Random(seed_value)
    ids: dict[str, Any] = {"users": {}}
    load_or_create_key()  # the seeded imports stand for imports made with this test's key
    with session_scope(engine) as s:
        projects = {
            key: Project(slug=f"projekt-{key}", name=f"Projekt {key.upper()}", settings={}) for key in ("a", "b")
        }
        s.add_all(projects.values())
        s.flush()
        ids["users"] = _seed_users(s, projects)
        for key, project in projects.items():
            ids.update(_seed_project_run(s, key, project, n_records, rng))
    return ids


def _seed_users(s: Session, projects: dict[str, Project]) -> dict[str, int]:
    """USERS with their project memberships; returns user ids by username."""
    pw = hash_password(PASSWORD)
    user_ids = {}
    for username, role, org, memberships in USERS:
        u = User(username=username, password_hash=pw, role=role, organisation=org, active=True)
        s.add(u)
        s.flush()
        user_ids[username] = u.id
        for key in memberships:
            s.add(ProjectMember(project_id=projects[key].id, user_id=u.id))
    return user_ids


def _seed_project_run(s: Session, key: str, project: Project, n_records: int, rng: random.Random) -> dict[str, Any]:
    """One import of `project` with a finished run: themes, records, classifications, suggestions."""
    imp = Import(
        project_id=project.id,
        filename=f"enkat_{key}.csv",
        file_sha256=key * 64,
        n_rows=n_records,
        n_records=n_records,
        text_columns=["svar"],
        column_mapping={},
        pii_counts={},
    )
    s.add(imp)
    s.flush()
    run = AnalysisRun(
        import_id=imp.id,
        status="klar",
        stage="klar",
        taxonomy_id="samsjuklighet",
        classifier_version="zeroshot-1",
        embed_model="test",
    )
    s.add(run)
    s.flush()
    themes = _seed_themes(s, run)
    rec_ids = [_seed_record(s, key, i, imp, run, themes, rng) for i in range(n_records)]
    for t in themes:
        t.share = t.size / n_records
        t.example_record_ids = rec_ids[:3]
    return {
        f"project_{key}": project.id,
        f"run_{key}": run.id,
        f"import_{key}": imp.id,
        f"records_{key}": rec_ids,
        f"themes_{key}": [t.id for t in themes],
    }


def _seed_themes(s: Session, run: AnalysisRun) -> list[Theme]:
    """The outlier theme (-1) and three themes; sizes and shares are filled in as records come."""
    themes = [
        Theme(
            run_id=run.id,
            topic=t,
            label=f"tema {t}",
            phrase=None,
            words=["väntetid", "bemötande"],
            size=0,
            share=0.0,
            example_record_ids=[],
        )
        for t in (-1, 0, 1, 2)
    ]
    s.add_all(themes)
    s.flush()
    return themes


def _seed_record(
    s: Session, key: str, i: int, imp: Import, run: AnalysisRun, themes: list[Theme], rng: random.Random
) -> int:
    """Record `i` of project `key`, its theme assignment, classification and suggestions."""
    rec = RecordRow(
        import_id=imp.id,
        row=i + 2,
        question="svar",
        text=f"Svar {i}: [PERSON_1] fick vänta länge på hjälp.",
        text_sha256=f"{key}{i:063d}",
        respondent_key=f"nyckel-{key}-{i}",
        date=date(2026, 1 + i % 6, 1 + i % 27),
        unit=UNITS[i % 3],
        source_type="enkat",
        gender=["kvinna", "man", "annat"][i % 3 if i % 7 else 2],
        age_group="30-49",
        pii_spans=[],
    )
    s.add(rec)
    s.flush()
    theme = themes[1 + i % 3] if i % 10 else themes[0]
    theme.size += 1
    s.add(ThemeAssignment(record_id=rec.id, theme_id=theme.id, weight=rng.random()))
    probs = {lab: rng.random() for lab in LABELS}
    pset = [lab for lab, p in probs.items() if p >= 0.5]
    s.add(
        Classification(
            run_id=run.id,
            record_id=rec.id,
            taxonomy_id="samsjuklighet",
            model_version="zeroshot-1",
            prediction_set=pset,
            unsure=not pset,
            valence="utmaning",
            evidence=[],
        )
    )
    for lab, p in probs.items():
        s.add(
            Suggestion(
                run_id=run.id,
                record_id=rec.id,
                taxonomy_id="samsjuklighet",
                label_id=lab,
                probability=p,
                in_prediction_set=lab in pset,
                decided=p >= 0.7,
                model_version="zeroshot-1",
            )
        )
    return rec.id


def make_settings(tmp_path: Path, **overrides: Any) -> ApiSettings:
    values: dict[str, Any] = dict(
        database_url=get_settings().db_url,
        session_secret="test-hemlighet-" + "x" * 32,
        embedded_worker=False,
        upload_dir=tmp_path / "uppladdningar",
        worker_poll_seconds=0.2,
    )
    values.update(overrides)
    return ApiSettings(**values)


@pytest.fixture
def seeded(engine: Engine) -> dict[str, Any]:
    return seed(engine)


@pytest.fixture
def client(engine: Engine, seeded: dict[str, Any], tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(tmp_path))) as c:
        yield c


_token_cache: dict[tuple[int, str], str] = {}


def token_headers(client: TestClient, username: str) -> dict[str, str]:
    resp = client.post("/api/auth/token", json={"username": username, "password": PASSWORD})
    assert resp.status_code == 200, resp.text
    return {"Authorization": f"Bearer {resp.json()['access_token']}"}


@pytest.fixture
def auth(client: TestClient) -> Any:
    """auth("analytiker") → bearer headers for that user (one token per user and test)."""
    cache: dict[str, dict[str, str]] = {}

    def get(username: str) -> dict[str, str]:
        if username not in cache:
            cache[username] = token_headers(client, username)
        return cache[username]

    return get
