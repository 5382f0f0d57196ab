"""Accounts over HTTP: session cookie with CSRF, bearer tokens, rate limiting, audit log,
Swedish errors."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from api.app import create_app
from nlp.store.db import session_scope
from nlp.store.models import AuditEntry, User
from tests.test_api_support import PASSWORD, auth, client, make_settings, seeded  # noqa: F401


def test_session_cookie_is_httponly_samesite_and_writes_need_csrf(client: TestClient, seeded: dict[str, Any]) -> None:
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
    assert client.post("/api/auth/token", json={"username": "samordnare", "password": PASSWORD}).status_code == 200


def test_bad_tokens_and_unknown_routes_get_swedish_errors(client: TestClient) -> None:
    r = client.get("/api/projects", headers={"Authorization": "Bearer inte-en-token"})
    assert r.status_code == 401 and r.json()["detail"] == "Ogiltig eller utgången token."
    assert client.get("/api/finns-inte").json()["detail"] == "Hittades inte."
    r = client.post("/api/auth/token", json={"username": "x"})
    assert r.status_code == 422 and r.json()["detail"][0]["fel"] == "Fältet password saknas."


def test_admin_creates_users_and_reads_the_audit_log(client: TestClient, seeded: dict[str, Any], auth: Any) -> None:
    admin = auth("admin")
    r = client.post(
        "/api/users",
        headers=admin,
        json={
            "username": "ny_validerare",
            "password": "ett-nytt-losenord",
            "role": "validator",
            "project_ids": [seeded["project_b"]],
        },
    )
    assert r.status_code == 422 and "organisation" in r.json()["detail"]
    assert client.post("/api/organisations", headers=admin, json={"name": "Org D"}).status_code == 201
    r = client.post(
        "/api/users",
        headers=admin,
        json={
            "username": "ny_validerare",
            "password": "ett-nytt-losenord",
            "role": "validator",
            "organisation": "Org D",
            "project_ids": [seeded["project_b"]],
        },
    )
    assert r.status_code == 201, r.text
    h = {
        "Authorization": "Bearer "
        + client.post("/api/auth/token", json={"username": "ny_validerare", "password": "ett-nytt-losenord"}).json()[
            "access_token"
        ]
    }
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
    client.post(
        f"/api/records/{seeded['records_a'][0]}/decisions",
        headers=h,
        json={"label_id": "respekt", "decision": "accept"},
    )
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


def test_a_nul_character_in_a_filter_is_the_request_s_fault(client: TestClient, auth: Any) -> None:
    """PostgreSQL text cannot hold NUL: the filter gives a Swedish 400 there, an empty answer
    on SQLite, never a server error (found by the schema-driven test on PostgreSQL)."""
    resp = client.get("/api/audit", headers=auth("admin"), params={"action": "\x00"})
    if resp.status_code == 400:
        assert "NUL-tecken" in resp.json()["detail"]
    else:
        assert resp.status_code == 200 and resp.json() == []


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


# --- hardening (issue 13): sessions end, tokens are short, throttling, passwords, audit ---


def _login_cookie(app_client: TestClient, username: str) -> tuple[str, str]:
    r = app_client.post("/api/auth/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return app_client.cookies.get("brukarrost_session"), r.json()["csrf_token"]


def test_copied_cookie_stops_working_after_logout_writes_included(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    app = create_app(make_settings(tmp_path))
    with TestClient(app) as victim, TestClient(app) as thief:
        cookie, csrf = _login_cookie(victim, "validerare_a1")
        thief.cookies.set("brukarrost_session", cookie)  # copied before logout
        assert thief.get("/api/auth/me").status_code == 200
        assert victim.post("/api/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
        thief.cookies.set("brukarrost_session", cookie)
        assert thief.get("/api/auth/me").status_code == 401
        write = thief.post(
            f"/api/records/{seeded['records_a'][0]}/decisions",
            json={"label_id": "respekt", "decision": "accept"},
            headers={"X-CSRF-Token": csrf},
        )
        assert write.status_code == 401


def test_logout_password_change_and_deactivation_end_every_session_and_token(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    app = create_app(make_settings(tmp_path))
    with TestClient(app) as browser, TestClient(app) as other, TestClient(app) as api:
        _, csrf = _login_cookie(browser, "analytiker")
        _login_cookie(other, "analytiker")
        token = {
            "Authorization": "Bearer "
            + api.post("/api/auth/token", json={"username": "analytiker", "password": PASSWORD}).json()["access_token"]
        }
        new = "en-helt-annan-fras-om-kaffe"
        r = browser.post(
            "/api/auth/password",
            json={"current_password": PASSWORD, "new_password": new},
            headers={"X-CSRF-Token": csrf},
        )
        assert r.status_code == 204, r.text
        assert browser.get("/api/auth/me").status_code == 200  # the session that changed it stays
        assert other.get("/api/auth/me").status_code == 401
        assert api.get("/api/auth/me", headers=token).status_code == 401
        # a bearer-authenticated logout ends the cookie sessions too
        token = {
            "Authorization": "Bearer "
            + api.post("/api/auth/token", json={"username": "analytiker", "password": new}).json()["access_token"]
        }
        assert api.post("/api/auth/logout", headers=token).status_code == 204
        assert browser.get("/api/auth/me").status_code == 401
        assert api.get("/api/auth/me", headers=token).status_code == 401
        # deactivation ends a live cookie session at once
        _login_cookie(other, "samordnare")
        admin = {
            "Authorization": "Bearer "
            + api.post("/api/auth/token", json={"username": "admin", "password": PASSWORD}).json()["access_token"]
        }
        uid = seeded["users"]["samordnare"]
        assert api.post(f"/api/users/{uid}/deactivate", headers=admin).status_code == 200
        assert other.get("/api/auth/me").status_code == 401


def test_password_change_checks_current_password_and_policy(client: TestClient, auth: Any) -> None:
    h = auth("validerare_a1")
    r = client.post(
        "/api/auth/password",
        headers=h,
        json={"current_password": "fel-fel-fel", "new_password": "en-helt-annan-fras-om-te"},
    )
    assert r.status_code == 401
    r = client.post(
        "/api/auth/password", headers=h, json={"current_password": PASSWORD, "new_password": "aaaaaaaaaaaa"}
    )
    assert r.status_code == 422 and "upprepade" in r.json()["detail"]
    assert client.get("/api/auth/me", headers=h).status_code == 200  # nothing changed


def test_tokens_are_short_lived_renewable_to_a_limit_and_revocable(
    client: TestClient, engine: Engine, seeded: dict[str, Any], auth: Any
) -> None:
    from datetime import datetime, timedelta

    from nlp.store.models import ApiToken

    r = client.post("/api/auth/token", json={"username": "analytiker", "password": PASSWORD})
    assert r.json()["expires_in"] == 3600
    old = {"Authorization": f"Bearer {r.json()['access_token']}"}
    renewed = client.post("/api/auth/token/renew", headers=old)
    assert renewed.status_code == 200 and renewed.json()["expires_in"] <= 3600
    fresh = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
    assert client.get("/api/auth/me", headers=old).status_code == 401  # replaced
    assert client.get("/api/auth/me", headers=fresh).status_code == 200
    # renewal never passes the absolute limit set when the password was given
    with session_scope(engine) as s:
        for row in s.scalars(select(ApiToken)):
            row.renewable_until = datetime.now(UTC) - timedelta(seconds=1)
    refused = client.post("/api/auth/token/renew", headers=fresh)
    assert refused.status_code == 401 and "förnyas" in refused.json()["detail"]
    # revoke one's own token
    mine = auth("samordnare")
    assert client.post("/api/auth/token/revoke", headers=mine).status_code == 204
    assert client.get("/api/auth/me", headers=mine).status_code == 401
    # the admin revokes all of a user's tokens; only admins may
    v = auth("validerare_a1")
    uid = seeded["users"]["validerare_a1"]
    assert client.post(f"/api/users/{uid}/tokens/revoke", headers=v).status_code == 403
    assert client.post(f"/api/users/{uid}/tokens/revoke", headers=auth("admin")).status_code == 204
    assert client.get("/api/auth/me", headers=v).status_code == 401


def _from(app: Any, address: str) -> TestClient:
    return TestClient(app, client=(address, 40000))


def _set_attempt_age(engine: Engine, seconds: float) -> None:
    """Move every recorded failure back in time, as if the client had waited."""
    from datetime import timedelta

    from nlp.store.models import LoginAttempt

    with session_scope(engine) as s:
        for row in s.scalars(select(LoginAttempt)):
            row.at = row.at - timedelta(seconds=seconds)


def test_wrong_passwords_slow_down_one_client_but_never_lock_out_the_user(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    app = create_app(make_settings(tmp_path, login_base_delay_seconds=60))
    wrong = {"username": "admin", "password": "fel-losenord"}
    right = {"username": "admin", "password": PASSWORD}
    with _from(app, "203.0.113.7") as attacker, _from(app, "198.51.100.9") as admin_pc:
        for _ in range(5):
            assert attacker.post("/api/auth/token", json=wrong).status_code == 401
        r = attacker.post("/api/auth/token", json=right)
        assert r.status_code == 429 and "Vänta" in r.json()["detail"]
        assert 0 < int(r.headers["retry-after"]) <= 60
        # the admin at another address is not locked out
        assert admin_pc.post("/api/auth/token", json=right).status_code == 200
        # the delay grows with every further failure after a wait, but ends
        _set_attempt_age(engine, 61)
        assert attacker.post("/api/auth/token", json=wrong).status_code == 401
        r = attacker.post("/api/auth/token", json=wrong)
        assert r.status_code == 429 and 60 < int(r.headers["retry-after"]) <= 120
        _set_attempt_age(engine, 121)
        assert attacker.post("/api/auth/token", json=right).status_code == 200


def test_one_address_behind_a_nat_does_not_lock_out_the_others(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    app = create_app(make_settings(tmp_path))
    with _from(app, "192.0.2.1") as nat:
        for name in ("analytiker", "samordnare", "validerare_a1", "validerare_a2", "validerare_b"):
            for _ in range(5):
                nat.post("/api/auth/token", json={"username": name, "password": "fel-losenord"})
        # 25 failures from the address: colleagues behind it still get in
        assert nat.post("/api/auth/token", json={"username": "admin", "password": PASSWORD}).status_code == 200
        assert nat.post("/api/auth/token", json={"username": "analytiker_b", "password": PASSWORD}).status_code == 200


def test_guessing_one_account_from_many_addresses_waits_only_a_bounded_time(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    app = create_app(make_settings(tmp_path, login_account_free_failures=6, login_account_max_delay_seconds=30))
    for i in range(8):
        with _from(app, f"203.0.113.{i + 1}") as bot:
            bot.post("/api/auth/token", json={"username": "analytiker", "password": "fel-losenord"})
    with _from(app, "198.51.100.20") as user_pc:
        r = user_pc.post("/api/auth/token", json={"username": "analytiker", "password": PASSWORD})
        assert r.status_code == 429 and int(r.headers["retry-after"]) <= 30
        _set_attempt_age(engine, 31)
        assert user_pc.post("/api/auth/token", json={"username": "analytiker", "password": PASSWORD}).status_code == 200


def test_x_forwarded_for_counts_only_from_a_configured_trusted_proxy(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    wrong = {"username": "analytiker", "password": "fel-losenord"}
    # default: no trusted proxies, so a forged header from loopback changes nothing
    with _from(create_app(make_settings(tmp_path)), "127.0.0.1") as local:
        codes = [
            local.post("/api/auth/token", json=wrong, headers={"X-Forwarded-For": f"10.0.0.{i}"}).status_code
            for i in range(7)
        ]
        assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    _set_attempt_age(engine, 10_000)
    app = create_app(make_settings(tmp_path, trusted_proxies="127.0.0.1/32, ::1"))
    with _from(app, "127.0.0.1") as proxy, _from(app, "192.0.2.50") as direct:
        # behind the trusted proxy each real client has its own back-off
        for i in range(7):
            assert (
                proxy.post(
                    "/api/auth/token", json=wrong, headers={"X-Forwarded-For": f"1.2.3.4, 10.0.0.{i}"}
                ).status_code
                == 401
            )
        # a client that talks directly cannot pick its address with the header
        codes = [
            direct.post("/api/auth/token", json=wrong, headers={"X-Forwarded-For": f"10.1.0.{i}"}).status_code
            for i in range(6)
        ]
        assert codes[5] == 429


def test_failed_login_audit_holds_no_typed_name_or_password(client: TestClient, engine: Engine) -> None:
    from nlp.store.models import LoginAttempt

    typed = "Hemlig-Fras-Av-Misstag-77"  # a password typed into the user-name field
    client.post("/api/auth/token", json={"username": typed, "password": "nagot-annat-hemligt"})
    client.post("/api/auth/login", json={"username": "analytiker", "password": "nagot-annat-hemligt"})
    with session_scope(engine) as s:
        entries = [
            (e.actor, e.details)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "inloggning_misslyckad"))
        ]
        stored = [a.username_sha256 for a in s.scalars(select(LoginAttempt))]
    assert len(entries) == 2
    dumped = repr(entries).lower()
    for secret in (typed.lower(), "nagot-annat-hemligt", "analytiker"):
        assert secret not in dumped
    assert all(details.get("klient") == "testclient" for _, details in entries)
    import hashlib

    plain = {hashlib.sha256(n.lower().encode()).hexdigest() for n in (typed, "analytiker")}
    assert stored and not plain & set(stored)  # keyed, not a plain (guessable) hash


def test_weak_passwords_are_refused_in_swedish(client: TestClient, auth: Any) -> None:
    admin = auth("admin")
    cases = {
        "aaaaaaaaaa": "minst 12 tecken",
        "aaaaaaaaaaaa": "upprepade",
        "password1234": "vanliga lösenord",
        "qwertyuiopasdf": "följd",
        "ny_person-2024-x": "användarnamnet",
    }
    for password, expected in cases.items():
        r = client.post(
            "/api/users", headers=admin, json={"username": "ny_person", "password": password, "role": "analyst"}
        )
        assert r.status_code == 422 and expected in r.json()["detail"], (password, r.text)
        assert password not in r.text
    r = client.post(
        "/api/users",
        headers=admin,
        json={"username": "ny_person", "password": "kanelbulle-med-kardemumma", "role": "analyst"},
    )
    assert r.status_code == 201, r.text
