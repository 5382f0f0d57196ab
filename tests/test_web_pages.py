"""The web pages over HTTP (Starlette's httpx-based TestClient against the real app and a
real database): login, role checks, the report, coordinator, validator and admin pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from api.app import create_app
from api.settings import ApiSettings
from nlp.config import get_settings
from nlp.store import session_scope
from nlp.store.models import AuditEntry, Insight, Action, ThemeEdit, ValidationEvent
from tests.browser.seed import PASSWORD, seed


@pytest.fixture
def demo(engine: Engine, tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    ids = seed(engine)
    settings = ApiSettings(
        database_url=get_settings().db_url, session_secret="hemligt-for-test", embedded_worker=False,
        upload_dir=tmp_path / "uppladdningar",
    )
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield client, ids


def login(client: TestClient, username: str) -> str:
    """Log in through the form; returns the CSRF token of the new session."""
    page = client.get("/logga-in")
    assert page.status_code == 200
    resp = client.post("/logga-in", data={"anvandarnamn": username, "losenord": PASSWORD, "nasta": "/"})
    assert resp.status_code == 303, resp.text
    return csrf_of(client.get("/projekt").text)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "sidan saknar CSRF-fält"
    return m.group(1)


def test_pages_need_login_and_redirect_back(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 303
    assert resp.headers["location"].startswith("/logga-in?nasta=")
    page = client.get(resp.headers["location"])
    assert 'lang="sv"' in page.text and "Hoppa till innehållet" in page.text


def test_wrong_password_gives_swedish_error(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    resp = client.post("/logga-in", data={"anvandarnamn": "analytiker1", "losenord": "fel", "nasta": "/"})
    assert resp.status_code == 401
    assert "Fel användarnamn eller lösenord" in resp.text
    assert 'role="alert"' in resp.text


def test_login_does_not_redirect_off_site(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    resp = client.post("/logga-in", data={"anvandarnamn": "analytiker1", "losenord": PASSWORD,
                                          "nasta": "//evil.example/"})
    assert resp.status_code == 303 and resp.headers["location"] == "/projekt"


def test_report_shows_shares_flags_breakdowns_and_charts(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "analytiker1")
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 200, resp.text
    html = resp.text
    assert "förslag" in html
    # Flags: respekt is written as strengths, the others as challenges in the seed.
    assert 'class="flag styrka"' in html and 'class="flag utmaning"' in html
    # Confidence intervals with Swedish percent formatting.
    assert re.search(r"\d+\u00a0% \(\d+\u00a0%–\d+\u00a0%\)", html)
    # Breakdowns: the unit with fewer than 5 answers is hidden, the big ones shown.
    assert "Psykiatrin" in html and "Liten enhet" not in html
    assert "visas inte" in html
    # Run charts: inline SVG with an accessible name, and the same numbers as a table.
    assert html.count('<svg class="runchart"') >= 3 and "styrgränser" in html
    assert "<caption>" in html
    # Example answers are shown, and reading them is audited.
    assert "telefon" in html.lower()
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "visa_rapport")) == 1
    # The emerging theme in the seed signals above the upper control limit.
    assert "utanför styrgränserna" in html


def get_engine_of(client: TestClient) -> Engine:
    return client.app.state.engine  # type: ignore[attr-defined]


def test_validator_of_other_project_cannot_see_report(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "utomstaende")
    resp = client.get(f"/korningar/{ids['run_id']}/rapport")
    assert resp.status_code == 404
    assert "inte tillgång" in resp.text
    assert "telefon" not in resp.text.lower()


def test_static_files_are_served_locally(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    css = client.get("/static/app.css")
    assert css.status_code == 200 and ":focus-visible" in css.text
    assert client.get("/static/app.js").status_code == 200
    html = client.get("/logga-in").text
    # No external resources: every src/href is local.
    assert not re.search(r'(src|href)="(https?:)?//', html)
