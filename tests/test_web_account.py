"""The account page (/konto) over HTTP: the signed-in user's own details only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import create_app
from api.services import accounts
from api.settings import ApiSettings
from nlp.config import get_settings
from nlp.store import session_scope
from tests.browser.seed import PASSWORD, seed
from tests.test_web_pages import csrf_of, post_login

STRONG = "en lång och ovanlig fras 42"


def login(client: TestClient, username: str, password: str = PASSWORD) -> None:
    resp = post_login(client, username, password)
    assert resp.status_code == 303, resp.text
    csrf_of(client.get("/konto").text)


@pytest.fixture
def demo(engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    seed(engine)
    settings = ApiSettings(
        database_url=get_settings().db_url,
        session_secret="hemligt-for-test",
        embedded_worker=False,
        upload_dir=tmp_path / "uppladdningar",
    )
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield client


def test_account_page_needs_login(demo: TestClient) -> None:
    resp = demo.get("/konto")
    assert resp.status_code == 303 and resp.headers["location"] == "/logga-in?nasta=/konto"


def test_account_page_shows_role_organisation_projects_and_tokens(demo: TestClient) -> None:
    resp = demo.post("/api/auth/token", json={"username": "granskare1", "password": PASSWORD})
    assert resp.status_code == 200
    login(demo, "granskare1")
    page = demo.get("/konto")
    assert page.status_code == 200
    text: Any = page.text
    assert "Mitt konto" in text and "granskare1" in text
    assert "granskare" in text and "RSMH Värmland" in text
    assert "Giltiga API-token</dt><dd>1</dd>" in text
    assert "Demoprojekt" in text and "Annat projekt" not in text
    assert "Attention Karlstad" not in text  # nobody else's details


def test_account_page_lists_only_the_users_own_projects(demo: TestClient) -> None:
    login(demo, "utomstaende")
    text = demo.get("/konto").text
    assert "Annat projekt" in text and "Demoprojekt" not in text
    assert "Giltiga API-token</dt><dd>0</dd>" in text


def test_account_page_of_a_user_in_no_project(demo: TestClient, engine: Engine) -> None:
    with session_scope(engine) as db:
        accounts.create_user(db, username="ensam", password=STRONG, role="analyst")
    login(demo, "ensam", STRONG)
    assert "Du är inte med i något projekt ännu" in demo.get("/konto").text
