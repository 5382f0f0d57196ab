"""The web pages over HTTP (Starlette's httpx-based TestClient against the real app and a
real database): login, sessions, role checks, static files, upload and admin pages. The report,
validator and theme pages are in test_web_report_page.py, test_web_validation_page.py and
test_web_themes_page.py; the fixture `demo` and the login helpers here are shared with them."""

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
from nlp.store.models import ValidationEvent
from tests.browser.seed import PASSWORD, seed


@pytest.fixture
def demo(engine: Engine, tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    ids = seed(engine)
    settings = ApiSettings(
        database_url=get_settings().db_url,
        session_secret="hemligt-for-test",
        embedded_worker=False,
        upload_dir=tmp_path / "uppladdningar",
    )
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield client, ids


def post_login(client: TestClient, username: str, password: str = PASSWORD, nasta: str = "/") -> Any:
    """Submit the login form as a browser does: with the token from the form page."""
    page = client.get("/logga-in")
    assert page.status_code == 200
    return client.post(
        "/logga-in",
        data={"anvandarnamn": username, "losenord": password, "nasta": nasta, "csrf_token": csrf_of(page.text)},
    )


def login(client: TestClient, username: str) -> str:
    """Log in through the form; returns the CSRF token of the new session."""
    resp = post_login(client, username)
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
    resp = post_login(client, "analytiker1", "fel")
    assert resp.status_code == 401
    assert "Fel användarnamn eller lösenord" in resp.text
    assert 'role="alert"' in resp.text


def test_login_does_not_redirect_off_site(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    resp = post_login(client, "analytiker1", nasta="//evil.example/")
    assert resp.status_code == 303 and resp.headers["location"] == "/projekt"


def test_login_form_without_its_csrf_token_is_refused(demo: tuple[TestClient, dict[str, Any]]) -> None:
    """Login CSRF: a post from another site (no token, or a token of another session)
    must not sign the browser in."""
    client, _ = demo
    data = {"anvandarnamn": "analytiker1", "losenord": PASSWORD, "nasta": "/"}
    resp = client.post("/logga-in", data=data)
    assert resp.status_code == 403
    assert "Försök igen" in resp.text and 'role="alert"' in resp.text
    assert client.get("/projekt").status_code == 303  # still not signed in
    with TestClient(client.app, follow_redirects=False) as other:
        foreign = csrf_of(other.get("/logga-in").text)
    client.get("/logga-in")
    assert client.post("/logga-in", data={**data, "csrf_token": foreign}).status_code == 403
    # The refused page carries a fresh form token, so the second attempt works.
    assert post_login(client, "analytiker1").status_code == 303


def get_engine_of(client: TestClient) -> Engine:
    return client.app.state.engine  # type: ignore[attr-defined]


def test_static_files_are_served_locally(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = demo
    css = client.get("/static/app.css")
    assert css.status_code == 200 and ":focus-visible" in css.text
    assert client.get("/static/app.js").status_code == 200
    html = client.get("/logga-in").text
    # No external resources: every src/href is local.
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_validator_cannot_edit_themes_or_open_admin(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    csrf = login(client, "granskare1")
    resp = client.post(
        f"/projekt/{ids['project_id']}/teman/{ids['theme_ids']['respekt']}/namn", data={"csrf_token": csrf, "namn": "x"}
    )
    assert resp.status_code == 403
    assert client.get("/admin").status_code == 403
    assert client.get(f"/projekt/{ids['project_id']}/ladda-upp").status_code == 403


def test_admin_creates_user_project_and_sees_audit_log(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    login(client, "admin1")
    html = client.get("/admin").text
    assert "RSMH Värmland" in html and "Granskningslogg" in html and "inloggning" in html
    csrf = csrf_of(html)
    resp = client.post(
        "/admin/anvandare",
        data={
            "csrf_token": csrf,
            "anvandarnamn": "ny.granskare",
            "losenord": "kort",
            "roll": "validator",
            "organisation": "X",
        },
    )
    assert resp.status_code == 422 and "minst 12 tecken" in resp.text
    resp = client.post(
        "/admin/anvandare",
        data={
            "csrf_token": csrf,
            "anvandarnamn": "ny.granskare",
            "losenord": "aaaaaaaaaaaa",
            "roll": "validator",
            "organisation": "X",
        },
    )
    assert resp.status_code == 422 and "upprepade tecken" in resp.text
    resp = client.post("/admin/organisationer", data={"csrf_token": csrf, "namn": "Hjärnkoll"})
    assert resp.status_code == 303
    resp = client.post(
        "/admin/anvandare",
        data={
            "csrf_token": csrf,
            "anvandarnamn": "ny.granskare",
            "losenord": "ett-langt-losenord",
            "roll": "validator",
            "organisation": "Hjärnkoll",
            "projekt": str(ids["project_id"]),
        },
    )
    assert resp.status_code == 303
    resp = client.post("/admin/projekt", data={"csrf_token": csrf, "namn": "Patientforum RPK", "kortnamn": "rpk"})
    assert resp.status_code == 303
    html = client.get("/admin?handelse=anvandare_skapad").text
    assert "ny.granskare" in html and "Patientforum RPK" in html and "Hjärnkoll" in html
    assert "anvandare_skapad" in html


def test_upload_shows_detected_columns_and_starts_job(
    demo: tuple[TestClient, dict[str, Any]],
    tmp_path: Path,
) -> None:
    client, ids = demo
    pid = ids["project_id"]
    csv_path = tmp_path / "export.csv"
    rows = ["Respondent-ID;Datum;Kön;Vad kan bli bättre?"] + [
        f"{i};2025-0{1 + i % 9}-1{i % 9};{'Kvinna' if i % 2 else 'Man'};"
        f"Jag fick vänta länge på att få en tid hos psykiatrin, svar nummer {i}."
        for i in range(30)
    ]
    csv_path.write_text("\n".join(rows), encoding="utf-8")
    login(client, "analytiker1")
    form = client.get(f"/projekt/{pid}/ladda-upp").text
    action = re.search(r'action="([^"]+ladda-upp)"', form).group(1).replace("&amp;", "&")
    with csv_path.open("rb") as fh:
        # The token is a form field sent before the file, never part of the URL.
        resp = client.post(action, data={"csrf_token": csrf_of(form)}, files={"fil": ("export.csv", fh, "text/csv")})
    assert resp.status_code == 303, resp.text
    mapping_url = resp.headers["location"]
    html = client.get(mapping_url).text
    # The free-text column is detected and pre-checked; metadata columns are pre-selected.
    assert re.search(r'name="textkolumn" value="Vad kan bli bättre\?" checked', html)
    assert re.search(r'<option value="Datum" selected>', html)
    assert "svar nummer" not in html  # the preview never shows cell contents
    resp = client.post(
        mapping_url,
        data={
            "csrf_token": csrf_of(html),
            "textkolumn": "Vad kan bli bättre?",
            "falt_date": "Datum",
            "falt_gender": "Kön",
            "taxonomi": "samsjuklighet",
        },
    )
    assert resp.status_code == 303
    job_page = client.get(resp.headers["location"])
    assert job_page.status_code == 200 and "<progress" in job_page.text
    assert "väntar på sin tur" in job_page.text


def test_admin_deactivates_a_user_who_then_cannot_log_in(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    csrf = login(client, "admin1")
    uid = ids["users"]["granskare2"]
    resp = client.post(f"/admin/anvandare/{uid}/inaktivera", data={"csrf_token": csrf})
    assert resp.status_code == 303
    assert "Kontot är inaktiverat." in client.get(resp.headers["location"]).text
    client.post("/logga-ut", data={"csrf_token": csrf})
    resp = post_login(client, "granskare2")
    assert resp.status_code == 401


def test_copied_cookie_is_worthless_after_logging_out(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    csrf = login(client, "granskare1")
    copied = client.cookies.get("brukarrost_session")
    client.post("/logga-ut", data={"csrf_token": csrf})
    client.cookies.set("brukarrost_session", copied)
    assert client.get("/projekt").status_code == 303  # back to the login page
    resp = client.post(
        f"/projekt/{ids['project_id']}/validera",
        data={
            "csrf_token": csrf,
            "record_id": "1",
            "label_id": "x",
            "taxonomy_id": "samsjuklighet",
            "beslut": "accept",
        },
    )
    assert resp.status_code in (303, 403) and "/logga-in" in resp.headers.get("location", "/logga-in")
    with session_scope(get_engine_of(client)) as s:
        assert s.scalar(select(func.count()).select_from(ValidationEvent)) == 0


def test_user_changes_password_and_other_sessions_end(demo: tuple[TestClient, dict[str, Any]]) -> None:
    client, ids = demo
    app = client.app
    with TestClient(app, follow_redirects=False) as phone:
        login(phone, "granskare2")
        csrf = login(client, "granskare2")
        page = client.get("/konto/losenord")
        assert page.status_code == 200 and "minst 12 tecken" in page.text
        bad = client.post(
            "/konto/losenord",
            data={
                "csrf_token": csrf,
                "nuvarande": PASSWORD,
                "nytt": "granskare2-lösen",
                "nytt_igen": "granskare2-lösen",
            },
        )
        assert bad.status_code == 422 and "användarnamnet" in bad.text
        wrong = client.post(
            "/konto/losenord",
            data={
                "csrf_token": csrf,
                "nuvarande": "fel-fel-fel",
                "nytt": "kanelbulle-och-kaffe",
                "nytt_igen": "kanelbulle-och-kaffe",
            },
        )
        assert wrong.status_code == 401 and "nuvarande lösenordet stämmer inte" in wrong.text
        ok = client.post(
            "/konto/losenord",
            data={
                "csrf_token": csrf,
                "nuvarande": PASSWORD,
                "nytt": "kanelbulle-och-kaffe",
                "nytt_igen": "kanelbulle-och-kaffe",
            },
        )
        assert ok.status_code == 303
        assert "Ditt lösenord är bytt" in client.get(ok.headers["location"]).text  # still signed in
        assert phone.get("/projekt").status_code == 303  # the other session has ended
    client.post("/logga-ut", data={"csrf_token": csrf_of(client.get("/projekt").text)})
    assert post_login(client, "granskare2", "kanelbulle-och-kaffe").status_code == 303
