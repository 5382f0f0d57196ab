"""The export format registry (nlp/report/formats/): every declared format has its own test,
and the export route accepts exactly the registered formats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from nlp.report import FORMATS
from tests.test_api_support import auth, client, seeded  # noqa: F401

TESTS = Path(__file__).resolve().parent


def test_every_registered_format_has_a_test_file() -> None:
    assert {"csv", "xlsx"} <= set(FORMATS)
    missing = [n for n in FORMATS if not (TESTS / f"test_report_formats_{n}.py").is_file()]
    assert not missing, f"exportformat utan test: {missing}"
    assert len({f.suffix for f in FORMATS.values()}) == len(FORMATS)
    assert next(iter(FORMATS)) == "csv"  # the default comes first


def test_the_route_serves_every_registered_format_and_refuses_others(
    client: TestClient, seeded: dict[str, Any], auth: Any
) -> None:
    h = auth("analytiker")
    url = f"/api/runs/{seeded['run_a']}/export"
    for name, fmt in FORMATS.items():
        r = client.get(url, headers=h, params={"format": name})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].split(";")[0] == fmt.media_type.split(";")[0]
        assert r.headers["content-disposition"].endswith(f'.{fmt.suffix}"')
    assert client.get(url, headers=h, params={"format": "exe"}).status_code == 422
    documented = client.get("/openapi.json").json()["paths"]["/api/runs/{run_id}/export"]["get"]
    param = next(p for p in documented["parameters"] if p["name"] == "format")
    assert set(param["schema"]["enum"]) == set(FORMATS)
