"""The streamed upload (api/upload.py) through the web form: the CSRF token travels as a
form field before the file, never in the URL, and the review's hostile uploads get a
Swedish error page in seconds, through TestClient and through a real uvicorn server whose
RSS must not grow by more than 100 MB."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from nlp.store import session_scope
from nlp.store.models import Job
from tests.hostile_files import Server, hostile_uploads, nested_json, xlsx_bomb
from tests.test_web_pages import csrf_of, demo, login  # noqa: F401 - demo is a fixture

Demo = tuple[TestClient, dict[str, Any]]
CSV = (
    "id;Vad kan bli bättre?\n" + "".join(f"{i};Jag fick vänta länge på en tid, svar {i}\n" for i in range(30))
).encode()


def _form(client: TestClient, pid: int) -> str:
    return client.get(f"/projekt/{pid}/ladda-upp").text


def _jobs(client: TestClient) -> int:
    from tests.test_web_pages import get_engine_of

    with session_scope(get_engine_of(client)) as s:
        return s.scalar(select(func.count()).select_from(Job)) or 0


def _left_behind(tmp_path: Path) -> list[Path]:
    root = tmp_path / "uppladdningar"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_upload_form_sends_the_token_as_a_field_before_the_file(demo: Demo) -> None:
    client, ids = demo
    login(client, "analytiker1")
    html = _form(client, ids["project_id"])
    form = re.search(r"<form[^>]+ladda-upp[^>]*>.*?</form>", html, re.S).group(0)
    assert "csrf_token=" not in form.split(">", 1)[0]  # not in the URL (access logs keep URLs)
    assert form.index('name="csrf_token"') < form.index('name="fil"')


def test_upload_page_accepts_exactly_what_the_readers_take(demo: Demo) -> None:
    from nlp.ingest import accept_attribute

    client, ids = demo
    login(client, "analytiker1")
    accept = re.search(r'type="file"[^>]*accept="([^"]*)"', _form(client, ids["project_id"]))
    assert accept is not None and accept[1] == accept_attribute()
    assert ".jsonl" in accept[1].split(",")


def test_no_form_or_link_carries_a_secret_in_its_url() -> None:
    templates = Path(__file__).resolve().parent.parent / "api" / "templates"
    for path in templates.rglob("*.html"):
        for url in re.findall(r'(?:action|href|src)="([^"]*)"', path.read_text()):
            assert not re.search(r"[?&](csrf|token|losenord|password|nyckel|key)", url, re.I), (path.name, url)


@pytest.mark.parametrize("how", ["utan", "fel", "efter filen", "i adressen"])
def test_upload_without_a_valid_token_before_the_file_is_refused_and_nothing_kept(
    demo: Demo, tmp_path: Path, how: str
) -> None:
    client, ids = demo
    login(client, "analytiker1")
    pid = ids["project_id"]
    token = csrf_of(_form(client, pid))
    url, data = f"/projekt/{pid}/ladda-upp", {}
    if how == "fel":
        data = {"csrf_token": token[:-2] + "xx"}
    elif how == "i adressen":  # the old way no longer counts
        url += f"?csrf_token={token}"
    if how == "efter filen":
        boundary = "grans"
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="fil"; filename="a.csv"\r\n\r\n'.encode()
            + CSV
            + f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
            f"{token}\r\n--{boundary}--\r\n".encode()
        )
        resp = client.post(url, content=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    else:
        resp = client.post(url, data=data, files={"fil": ("a.csv", CSV, "text/csv")})
    assert resp.status_code == 403 and "CSRF-kontrollen misslyckades" in resp.text
    assert _jobs(client) == 0 and _left_behind(tmp_path) == []


def test_javascript_clients_may_send_the_token_as_a_header(demo: Demo) -> None:
    client, ids = demo
    login(client, "analytiker1")
    pid = ids["project_id"]
    token = csrf_of(_form(client, pid))
    resp = client.post(
        f"/projekt/{pid}/ladda-upp", headers={"X-CSRF-Token": token}, files={"fil": ("a.csv", CSV, "text/csv")}
    )
    assert resp.status_code == 303


def test_a_json_lines_upload_is_read_as_json_lines(demo: Demo) -> None:
    """The upload names the saved file after the reader that recognises the content, so JSON
    Lines is previewed as JSON Lines (it was saved as .json and refused before)."""
    client, ids = demo
    login(client, "analytiker1")
    pid = ids["project_id"]
    lines = "".join(f'{{"id": {i}, "svar": "Jag fick vänta länge på en tid, svar {i}"}}\n' for i in range(12))
    token = csrf_of(_form(client, pid))
    resp = client.post(
        f"/projekt/{pid}/ladda-upp", data={"csrf_token": token}, files={"fil": ("svar.jsonl", lines.encode())}
    )
    assert resp.status_code == 303, resp.text
    mapping = client.get(resp.headers["location"])
    assert mapping.status_code == 200 and "svar" in mapping.text and "ingen lista med svar" not in mapping.text


@pytest.mark.parametrize("name", ["nastlad-80kb.json", "nastlad-400kb.json", "zipbomb.xlsx"])
def test_hostile_uploads_get_a_swedish_error_page_in_seconds(demo: Demo, tmp_path: Path, name: str) -> None:
    client, ids = demo
    login(client, "analytiker1")
    pid = ids["project_id"]
    if name.endswith(".xlsx"):
        content = xlsx_bomb(tmp_path / name, unzipped_mb=400).read_bytes()
    else:
        content = nested_json((80 if "80" in name else 400) * 1024)
    token = csrf_of(_form(client, pid))
    start = time.monotonic()
    resp = client.post(f"/projekt/{pid}/ladda-upp", data={"csrf_token": token}, files={"fil": (name, content)})
    assert time.monotonic() - start < 15
    assert resp.status_code == 422, resp.text
    # The error names the stored file, never the user's own file name (issue 12): "den uppladdade filen".
    assert "Fel i den uppladdade filen" in resp.text and name.rsplit(".", 1)[0] not in resp.text
    assert ("zip-bomb" if name.endswith(".xlsx") else "inte ett JSON-objekt") in resp.text
    assert "Traceback" not in resp.text
    assert _jobs(client) == 0 and _left_behind(tmp_path) == []


def test_real_server_rss_stays_flat_during_hostile_uploads(engine: Engine, tmp_path: Path) -> None:
    env = dict(os.environ, BRUKARROST_UPLOAD_DIR=str(tmp_path / "upp"))
    uploads = hostile_uploads(tmp_path)
    with Server(env) as server:
        warm = server.upload("vanlig.csv", uploads.pop("vanlig.csv"))
        assert warm.status == 303, warm.text  # also loads what the first upload imports
        for name, content in uploads.items():
            result = server.upload(name, content)
            assert result.status == 422 and "Fel i den uppladdade filen" in result.text, (name, result.text[:500])
            assert result.seconds < 20, (name, result.seconds)
            grew = (result.rss_peak - result.rss_before) / 2**20
            assert grew < 100, f"{name}: serverns minne växte {grew:.0f} MB"
