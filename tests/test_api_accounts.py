"""Accounts over HTTP: session cookie with CSRF, bearer tokens, rate limiting, audit log,
Swedish errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from api.app import create_app
from nlp.store.db import session_scope
from nlp.store.models import AuditEntry, User
from tests.test_api_support import PASSWORD, auth, client, make_settings, seeded  # noqa: F401


def test_session_cookie_is_httponly_samesite_and_writes_need_csrf(
    client: TestClient, seeded: dict[str, Any]
) -> None:
    resp = client.post("/api/auth/login", json={"username": "validerare_a1", "password": PASSWORD})
    assert resp.status_code == 200, resp.text
    cookie = resp.headers["set-cookie"]
    assert "brukarrost_session=" in cookie and "httponly" in cookie.lower()
    assert "samesite=lax" in cookie.lower()
    csrf = resp.json()["csrf_token"]
    assert client.get("/api/auth/me").json()["username"] == "validerare_a1"
    rec = seeded["records_a"][0]
    body = {"label_id": "respekt", "decision": "accept"}
    no_token = client.post(f"/api/records/{rec}/decisions", json=body)
    assert no_token.status_code == 403 and "CSRF" in no_token.json()["detail"]
    wrong = client.post(f"/api/records/{rec}/decisions", json=body, headers={"X-CSRF-Token": "fel"})
    assert wrong.status_code == 403
    ok = client.post(f"/api/records/{rec}/decisions", json=body, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 201, ok.text
    assert client.post("/api/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/auth/me").status_code == 401


def test_passwords_are_argon2_hashed(client: TestClient, engine: Engine) -> None:
    with session_scope(engine) as s:
        h = s.scalar(select(User.password_hash).where(User.username == "analytiker"))
    assert h.startswith("$argon2id$") and PASSWORD not in h


def test_failed_logins_are_rate_limited(client: TestClient, engine: Engine) -> None:
    for _ in range(5):
        r = client.post("/api/auth/token", json={"username": "analytiker", "password": "fel-fel"})
        assert r.status_code == 401 and r.json()["detail"] == "Fel användarnamn eller lösenord."
    # now even the right password is refused for a while
    r = client.post("/api/auth/token", json={"username": "analytiker", "password": PASSWORD})
    assert r.status_code == 429 and "För många" in r.json()["detail"]
    assert "retry-after" in r.headers
    # other accounts are not locked out
    assert client.post("/api/auth/token",
                       json={"username": "samordnare", "password": PASSWORD}).status_code == 200


def test_bad_tokens_and_unknown_routes_get_swedish_errors(client: TestClient) -> None:
    r = client.get("/api/projects", headers={"Authorization": "Bearer inte-en-token"})
    assert r.status_code == 401 and r.json()["detail"] == "Ogiltig eller utgången token."
    assert client.get("/api/finns-inte").json()["detail"] == "Hittades inte."
    r = client.post("/api/auth/token", json={"username": "x"})
    assert r.status_code == 422 and r.json()["detail"][0]["fel"] == "Fältet password saknas."


def test_admin_creates_users_and_reads_the_audit_log(
    client: TestClient, seeded: dict[str, Any], auth: Any
) -> None:
    admin = auth("admin")
    r = client.post("/api/users", headers=admin, json={
        "username": "ny_validerare", "password": "ett-nytt-losenord", "role": "validator",
        "project_ids": [seeded["project_b"]]})
    assert r.status_code == 422 and "organisation" in r.json()["detail"]
    r = client.post("/api/users", headers=admin, json={
        "username": "ny_validerare", "password": "ett-nytt-losenord", "role": "validator",
        "organisation": "Org D", "project_ids": [seeded["project_b"]]})
    assert r.status_code == 201, r.text
    h = {"Authorization": "Bearer " + client.post(
        "/api/auth/token", json={"username": "ny_validerare", "password": "ett-nytt-losenord"}
    ).json()["access_token"]}
    assert [p["id"] for p in client.get("/api/projects", headers=h).json()] == [seeded["project_b"]]
    client.get(f"/api/records/{seeded['records_b'][0]}", headers=h)
    log = client.get("/api/audit", headers=admin, params={"actor": "ny_validerare"}).json()
    actions = [e["action"] for e in log]
    assert "las_svar" in actions and "token_skapad" in actions
    entry = next(e for e in log if e["action"] == "las_svar")
    assert entry["object_id"] == str(seeded["records_b"][0])
    # deactivated accounts lose access at once, tokens included
    uid = r.json()["id"]
    assert client.post(f"/api/users/{uid}/deactivate", headers=admin).status_code == 200
    assert client.get("/api/projects", headers=h).status_code == 401


def test_audit_log_never_holds_answer_text(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    h = auth("analytiker")
    client.get(f"/api/projects/{seeded['project_a']}/records", headers=h)
    client.post(f"/api/records/{seeded['records_a'][0]}/decisions", headers=h,
                json={"label_id": "respekt", "decision": "accept"})
    with session_scope(engine) as s:
        entries = s.scalars(select(AuditEntry)).all()
        dumped = " ".join(f"{e.action} {e.details}" for e in entries)
    assert "las_svar" in dumped and "beslut" in dumped
    assert "vänta länge" not in dumped


def test_second_app_on_same_database_keeps_sessions_apart(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    # a cookie signed with another secret is ignored
    with TestClient(create_app(make_settings(tmp_path))) as one:
        one.post("/api/auth/login", json={"username": "analytiker", "password": PASSWORD})
        cookie = one.cookies.get("brukarrost_session")
    with TestClient(create_app(make_settings(tmp_path, session_secret="annan-" + "y" * 40))) as two:
        two.cookies.set("brukarrost_session", cookie)
        assert two.get("/api/auth/me").status_code == 401


def test_audit_log_is_append_only_in_the_database(client: TestClient, engine: Engine) -> None:
    import pytest
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DatabaseError

    client.post("/api/auth/token", json={"username": "admin", "password": "fel-losenord"})
    with session_scope(engine) as s:
        assert s.scalar(select(AuditEntry.id)) is not None
    for stmt in (update(AuditEntry).values(actor="någon annan"), delete(AuditEntry)):
        with pytest.raises(DatabaseError):
            with session_scope(engine) as s:
                s.execute(stmt)
