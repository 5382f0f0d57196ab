"""Uploads that were never started, and training progress, through the real app: a stuck
upload can be removed (and only analysts are shown it), a failed start stays on the page the
user is on, unstarted uploads expire by themselves, and a training job shows its stage and
count on the job page and the models page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from nlp.jobs import expire_uploads
from nlp.store import session_scope
from nlp.store.models import Job
from tests.test_web_pages import csrf_of, demo, login  # noqa: F401 - demo is a fixture

Demo = tuple[TestClient, dict[str, Any]]
CSV = (
    "id;Vad kan bli bättre?\n" + "".join(f"{i};Jag fick vänta länge på en tid, svar {i}\n" for i in range(30))
).encode()


def _upload(client: TestClient, pid: int) -> int:
    token = csrf_of(client.get(f"/projekt/{pid}/ladda-upp").text)
    resp = client.post(f"/projekt/{pid}/ladda-upp", data={"csrf_token": token}, files={"fil": ("a.csv", CSV)})
    assert resp.status_code == 303, resp.text
    return int(resp.headers["location"].split("/")[2])


def _files(tmp_path: Path) -> list[Path]:
    root = tmp_path / "uppladdningar"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_stuck_upload_is_shown_to_analysts_and_can_be_removed(demo: Demo, tmp_path: Path, engine: Engine) -> None:
    client, ids = demo
    login(client, "analytiker1")
    job_id = _upload(client, ids["project_id"])
    # A failed start: the column page again, with the error and a way to remove the upload.
    first = client.get(f"/jobb/{job_id}/kolumner").text
    assert re.search(r'value="Vad kan bli bättre\?" checked', first)  # found by itself
    token = csrf_of(first)
    bad = client.post(
        f"/jobb/{job_id}/kolumner", data={"csrf_token": token, "textkolumn": "Finns inte", "taxonomi": "samsjuklighet"}
    )
    assert bad.status_code == 422 and "Finns inte" in bad.text and f'action="/jobb/{job_id}/ta-bort"' in bad.text
    assert "Fel i den uppladdade filen" in bad.text and "export.csv" not in bad.text
    # What was chosen is kept: "Vad kan bli bättre?" was not ticked this time.
    assert not re.search(r'value="Vad kan bli bättre\?" checked', bad.text)
    assert client.get(f"/jobb/{job_id}").headers["location"] == f"/jobb/{job_id}/kolumner"
    page = client.get("/projekt").text
    assert "Uppladdad men inte startad" in page and "Steg: uppladdad" not in page
    assert f'action="/jobb/{job_id}/ta-bort"' in page
    login(client, "granskare1")  # a volunteer has nothing to do with it
    page = client.get("/projekt").text
    assert "Uppladdad men inte startad" not in page and f"/jobb/{job_id}" not in page
    assert client.post(f"/jobb/{job_id}/ta-bort", data={"csrf_token": csrf_of(page)}).status_code == 403
    login(client, "analytiker1")
    token = csrf_of(client.get("/projekt").text)
    resp = client.post(f"/jobb/{job_id}/ta-bort", data={"csrf_token": token})
    assert resp.status_code == 303 and resp.headers["location"] == "/projekt?meddelande=avbruten"
    page = client.get("/projekt?meddelande=avbruten").text
    assert "Uppladdningen är borttagen." in page and f"/jobb/{job_id}" not in page
    assert _files(tmp_path) == []
    with session_scope(engine) as s:
        assert s.get(Job, job_id).status == "avbruten"
    assert "Uppladdningen är borttagen" in client.get(f"/jobb/{job_id}").text


def test_unstarted_uploads_expire_by_themselves(demo: Demo, tmp_path: Path, engine: Engine) -> None:
    client, ids = demo
    login(client, "analytiker1")
    job_id = _upload(client, ids["project_id"])
    assert _files(tmp_path) and expire_uploads(engine, ttl_hours=1) == 0  # not yet
    assert expire_uploads(engine, ttl_hours=0) == 1
    assert _files(tmp_path) == []
    with session_scope(engine) as s:
        assert s.get(Job, job_id).status == "utgangen"
    assert "Uppladdad men inte startad" not in client.get("/projekt").text
    assert "den startades aldrig" in client.get(f"/jobb/{job_id}").text


def test_a_training_job_shows_its_stage_and_count(demo: Demo, engine: Engine) -> None:
    client, ids = demo
    pid = ids["project_id"]
    with session_scope(engine) as s:
        job = Job(
            project_id=pid,
            kind="traning",
            status="pagar",
            stage="inbäddning",
            progress_n=30,
            progress_total=120,
            params={"taxonomy": "samsjuklighet"},
            created_by="analytiker1",
        )
        s.add(job)
        s.flush()
        job_id = job.id
    login(client, "analytiker1")
    page = client.get(f"/jobb/{job_id}").text
    assert "Träning av en ny modellversion" in page
    assert "Steg 2 av 4: inbäddning" in page and "(30 av 120)" in page
    assert f'data-done="/projekt/{pid}/modeller?taxonomi=samsjuklighet"' in page
    models = client.get(f"/projekt/{pid}/modeller").text
    assert re.search(r"steg 2 av 4: inbäddning \(30 av 120\)", models) and f'href="/jobb/{job_id}"' in models
    with session_scope(engine) as s:
        s.get(Job, job_id).status = "klar"
    done = client.get(f"/jobb/{job_id}")
    assert done.status_code == 303 and done.headers["location"].startswith(f"/projekt/{pid}/modeller")


@pytest.mark.slow  # the real embedding model and the classifier's cross-validation
def test_training_reports_every_stage_in_order(engine: Engine) -> None:
    from nlp.pipeline import TRAINING_STAGES, train_candidate
    from tests.browser.seed import seed

    ids = seed(engine)
    from nlp.store.models import RecordRow, Suggestion, ValidationEvent

    with session_scope(engine) as s:
        rows = s.execute(
            select(RecordRow.id, Suggestion.label_id)
            .join(Suggestion, Suggestion.record_id == RecordRow.id)
            .where(Suggestion.decided.is_(True))
            .limit(40)
        ).all()
        for rid, label in rows:
            s.add(
                ValidationEvent(
                    record_id=rid,
                    taxonomy_id="samsjuklighet",
                    label_id=label,
                    decision="accept",
                    project_id=ids["project_id"],
                    actor="granskare1",
                    organisation="RSMH Värmland",
                    role="validator",
                )
            )
    seen: list[tuple[str, int, int]] = []
    train_candidate(engine, ids["project_id"], "samsjuklighet", actor="test", progress=lambda *a: seen.append(a))
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == list(TRAINING_STAGES)
    embedded = [(n, t) for stage, n, t in seen if stage == "inbäddning"]
    assert embedded[-1][0] == embedded[-1][1] > 0  # the count reaches its total
