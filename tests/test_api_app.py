"""Security headers on every response of the real app: pages, API, static files, redirects,
errors (404, 422, 500), the API docs and the self-contained report."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import CSP, DOCS_CSP, create_app
from api.settings import ApiSettings
from nlp.config import get_settings
from tests.browser.seed import seed
from tests.test_web_pages import login

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def _settings(tmp_path: Path, **extra: Any) -> ApiSettings:
    return ApiSettings(
        database_url=get_settings().db_url,
        session_secret="hemligt-for-test",
        embedded_worker=False,
        upload_dir=tmp_path / "uppladdningar",
        **extra,
    )


def _assert_secure(resp: Any, csp: str = CSP, https: bool = False) -> None:
    where = f"{resp.request.method} {resp.request.url.path} ({resp.status_code})"
    for name, value in COMMON.items():
        assert resp.headers.get(name) == value, f"{name} saknas i {where}"
    assert resp.headers.get("content-security-policy") == csp, where
    assert "camera=()" in resp.headers.get("permissions-policy", ""), where
    assert ("strict-transport-security" in resp.headers) == https, where


def _assert_no_inline_code(html: str, where: str) -> None:
    # What the CSP would block: inline scripts, event handlers, style attributes/elements.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline-skript i {where}"
    assert not re.search(r"\son[a-z]+\s*=", html), f"händelseattribut i {where}"
    assert not re.search(r"\sstyle\s*=|<style", html), f"inline-stil i {where}"


def test_every_kind_of_response_carries_the_headers(engine: Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    app = create_app(_settings(tmp_path))

    @app.get("/api/test-fel")
    def boom() -> None:
        raise RuntimeError("test")

    p, run = ids["project_id"], ids["run_id"]
    with TestClient(app, follow_redirects=False, raise_server_exceptions=False) as client:
        anonymous = [
            client.get("/logga-in"),
            client.get("/projekt"),
            client.get("/static/app.css"),
            client.get("/static/app.js"),
            client.get("/api/projects"),
            client.get("/finns-inte"),
            client.get("/api/finns-inte"),
            client.get("/openapi.json"),
            client.get("/api/test-fel"),
            client.post("/api/auth/token", json={}),
        ]
        assert [r.status_code for r in anonymous] == [200, 303, 200, 200, 401, 404, 404, 200, 500, 422]
        for resp in anonymous:
            _assert_secure(resp)
        _assert_secure(client.get("/docs"), csp=DOCS_CSP)

        login(client, "admin1")
        pages = [
            "/projekt",
            f"/korningar/{run}/rapport",
            f"/projekt/{p}/ladda-upp",
            f"/projekt/{p}/nytt",
            f"/projekt/{p}/modeller",
            f"/projekt/{p}/omstridda",
            f"/projekt/{p}/radera",
            f"/projekt/{p}/validera",
            "/validera",
            "/admin",
        ]
        for path in pages:
            resp = client.get(path)
            assert resp.status_code in (200, 303), (path, resp.status_code)
            _assert_secure(resp)
            if resp.status_code == 200:
                _assert_no_inline_code(resp.text, path)
        api = client.get(f"/api/projects/{p}")
        assert api.status_code == 200
        _assert_secure(api)

        # The standalone HTML report keeps its own, narrower policy: its CSS by hash only.
        report = client.get(f"/api/runs/{run}/report")
        assert report.status_code == 200
        css = re.search(r"<style>(.*?)</style>", report.text, flags=re.S).group(1)  # type: ignore[union-attr]
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        policy = report.headers["content-security-policy"]
        assert f"style-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy and "script" not in policy
        assert report.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("behind_tls", [False, True])
def test_hsts_only_over_https_or_behind_a_tls_proxy(engine: Engine, tmp_path: Path, behind_tls: bool) -> None:
    app = create_app(_settings(tmp_path, cookie_secure=behind_tls))
    with (
        TestClient(app, follow_redirects=False) as plain,
        TestClient(app, base_url="https://testserver", follow_redirects=False) as tls,
    ):
        _assert_secure(plain.get("/logga-in"), https=behind_tls)
        resp = tls.get("/logga-in")
        _assert_secure(resp, https=True)
        assert resp.headers["strict-transport-security"] == "max-age=31536000"
