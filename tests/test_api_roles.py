"""Role and membership checks for every router, over HTTP against the real app."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.test_api_support import auth, client, seeded  # noqa: F401 - fixtures


def test_everything_needs_login(client: TestClient, seeded: dict[str, Any]) -> None:
    pa, run = seeded["project_a"], seeded["run_a"]
    rec = seeded["records_a"][0]
    for method, url in [
        ("GET", "/api/projects"),
        ("GET", f"/api/projects/{pa}/records"),
        ("GET", f"/api/records/{rec}"),
        ("GET", f"/api/runs/{run}/aggregates"),
        ("GET", f"/api/projects/{pa}/validation/queue"),
        ("GET", "/api/audit"),
        ("POST", f"/api/records/{rec}/decisions"),
        ("GET", f"/api/runs/{run}/export"),
        ("GET", f"/api/projects/{pa}/insights"),
        ("GET", f"/api/projects/{pa}/jobs"),
    ]:
        resp = client.request(method, url)
        assert resp.status_code == 401, (method, url, resp.status_code)
        assert resp.json()["detail"] == "Du behöver logga in."


def test_validator_of_other_project_sees_nothing_of_project_a(
    client: TestClient, seeded: dict[str, Any], auth: Any
) -> None:
    h = auth("validerare_proj_b")
    pa, run_a, rec_a = seeded["project_a"], seeded["run_a"], seeded["records_a"][0]
    assert [p["id"] for p in client.get("/api/projects", headers=h).json()] == [seeded["project_b"]]
    for url in [
        f"/api/projects/{pa}",
        f"/api/projects/{pa}/datasets",
        f"/api/projects/{pa}/records",
        f"/api/records/{rec_a}",
        f"/api/records/{rec_a}/suggestions",
        f"/api/runs/{run_a}/themes",
        f"/api/runs/{run_a}/aggregates",
        f"/api/runs/{run_a}/suggestions",
        f"/api/projects/{pa}/validation/queue",
        f"/api/projects/{pa}/agreement",
        f"/api/projects/{pa}/validation/status",
        f"/api/projects/{pa}/insights",
        f"/api/projects/{pa}/actions",
        f"/api/projects/{pa}/jobs",
        f"/api/projects/{pa}/models",
    ]:
        resp = client.get(url, headers=h)
        assert resp.status_code == 404, (url, resp.status_code, resp.text)
        assert "tillgång" in resp.json()["detail"]
    resp = client.post(f"/api/records/{rec_a}/decisions", headers=h, json={"label_id": "respekt", "decision": "accept"})
    assert resp.status_code == 404
    # …while the project it belongs to is readable
    assert client.get(f"/api/runs/{seeded['run_b']}/themes", headers=h).status_code == 200


def test_validator_cannot_retrain_upload_export_erase_or_read_audit(
    client: TestClient, seeded: dict[str, Any], auth: Any
) -> None:
    h = auth("validerare_a1")
    pa, run_a = seeded["project_a"], seeded["run_a"]
    checks = [
        ("POST", f"/api/projects/{pa}/models/train", {"taxonomy": "samsjuklighet"}),
        ("GET", "/api/audit", None),
        ("GET", "/api/users", None),
        ("POST", "/api/projects", {"slug": "ny", "name": "Ny"}),
        ("GET", f"/api/runs/{run_a}/export", None),
        ("GET", f"/api/runs/{run_a}/report", None),
        ("POST", f"/api/projects/{pa}/erasure", {"respondent_id": "123"}),
        ("POST", f"/api/projects/{pa}/insights", {"title": "x"}),
        ("POST", f"/api/records/{seeded['records_a'][0]}/resolution", {"label_id": "respekt", "decision": "accept"}),
    ]
    for method, url, body in checks:
        resp = client.request(method, url, headers=h, json=body)
        assert resp.status_code == 403, (url, resp.status_code, resp.text)
        assert resp.json()["detail"] == "Din roll har inte behörighet till detta."
    up = client.post(f"/api/projects/{pa}/uploads", headers=h, files={"fil": ("a.csv", b"svar\nhej\n", "text/csv")})
    assert up.status_code == 403


def test_coordinator_and_analyst_rights(client: TestClient, seeded: dict[str, Any], auth: Any) -> None:
    pa = seeded["project_a"]
    coord, analyst, admin = auth("samordnare"), auth("analytiker"), auth("admin")
    assert client.get("/api/audit", headers=coord).status_code == 403
    assert client.get("/api/audit", headers=analyst).status_code == 403
    assert client.get("/api/audit", headers=admin).status_code == 200
    assert client.post(f"/api/projects/{pa}/models/train", headers=coord, json={}).status_code == 403
    assert client.post(f"/api/projects/{pa}/insights", headers=coord, json={"title": "Väntetider"}).status_code == 201
    # an analyst of project B cannot reach project A's runs
    hb = auth("analytiker_b")
    assert client.get(f"/api/runs/{seeded['run_a']}/export", headers=hb).status_code == 404
    # admins see every project
    assert len(client.get("/api/projects", headers=admin).json()) == 2
