"""Schemathesis against the OpenAPI schema: generated requests to every operation, as an
admin (who passes role checks, so the handlers themselves are exercised) and anonymously;
no request may cause a server error. Bounded: a few examples per operation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from sqlalchemy import Engine

from api.app import create_app
from tests.test_api_support import make_settings, seeded, token_headers  # noqa: F401

MAX_EXAMPLES = 8


def test_openapi_schema_is_served_at_docs(engine: Engine, tmp_path: Path) -> None:
    with TestClient(create_app(make_settings(tmp_path))) as c:
        assert c.get("/docs").status_code == 200
        spec = c.get("/openapi.json").json()
    assert spec["info"]["title"] == "Brukarröst API"
    assert "/api/records/{record_id}/decisions" in spec["paths"]
    upload = spec["paths"]["/api/projects/{project_id}/uploads"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]


def test_generated_requests_cause_no_server_error(engine: Engine, seeded: dict[str, Any], tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path, login_free_failures=1000, login_account_free_failures=1000))
    login = TestClient(app)
    admin = token_headers(login, "admin")
    # These end the caller's token (or all of them): the admin then gets a fresh one.
    self_ending = {"/api/auth/logout", "/api/auth/token/revoke", "/api/auth/token/renew", "/api/auth/password"}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    codes: list[int] = []
    real_ids = {
        "project_id": seeded["project_a"],
        "run_id": seeded["run_a"],
        "record_id": seeded["records_a"][1],
        "user_id": seeded["users"]["validerare_a2"],
        "job_id": 1,
        "action_id": 1,
        "version_id": 1,
    }
    n_ops = 0
    for result in schema.get_all_operations():
        op = result.ok()
        n_ops += 1

        @given(case=op.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        # `op` is read only while this loop iteration runs the check (B023 does not apply).
        def check(case: Any) -> None:
            calls = [(admin, None), ({}, None)]
            if case.path_parameters:
                # Random ids mostly miss; also replay with ids that exist, so the handlers
                # run on generated bodies and query strings.
                calls.append((admin, {k: real_ids.get(k, v) for k, v in case.path_parameters.items()}))
            for headers, path_params in calls:
                if path_params is not None:
                    case.path_parameters = path_params
                response = case.call(headers=dict(headers))
                if op.path in self_ending and headers is admin:  # noqa: B023
                    admin.update(token_headers(login, "admin"))
                codes.append(response.status_code)
                if response.status_code >= 500:
                    failures.append(f"{op.method.upper()} {op.path}: {response.status_code}")  # noqa: B023
                assert response.status_code < 500
                # every error has a detail in Swedish, not FastAPI's English default
                if response.status_code >= 400 and "application/json" in response.headers.get("content-type", ""):
                    assert "detail" in response.json()

        check()
    assert n_ops >= 30
    assert failures == []
    # the run must have reached the handlers, not only the auth checks
    assert sum(1 for c in codes if 200 <= c < 300) >= 3 * n_ops
