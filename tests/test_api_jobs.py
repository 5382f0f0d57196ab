"""Upload → preview → confirm mapping → background job, over HTTP with real files;
private upload directory, size and type checks, recovery after a restart."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import create_app
from nlp.jobs import EmbeddedWorker, recover_on_startup
from nlp.store.db import session_scope
from nlp.store.models import AnalysisRun, Job
from tests.conftest import EXAMPLE_EXPORT
from tests.test_api_support import auth, client, make_settings, seeded  # noqa: F401


def _small_export(tmp_path: Path, n: int = 40) -> bytes:
    lines = EXAMPLE_EXPORT.read_bytes().splitlines(keepends=True)
    return b"".join(lines[: n + 1])


def _upload(client: TestClient, h: dict[str, str], project: int, name: str, content: bytes) -> Any:
    return client.post(
        f"/api/projects/{project}/uploads", headers=h, files={"fil": (name, content, "application/octet-stream")}
    )


def test_upload_preview_and_private_directory(
    client: TestClient, seeded: dict[str, Any], auth: Any, tmp_path: Path
) -> None:
    h = auth("analytiker")
    r = _upload(client, h, seeded["project_a"], "enkät juli.csv", _small_export(tmp_path))
    assert r.status_code == 201, r.text
    body = r.json()
    # the user's file name is never stored (issue 12): a neutral name instead
    assert body["job"]["status"] == "uppladdad"
    assert body["job"]["filename"] == f"uppladdning {body['job']['id']} (csv)"
    prev = body["preview"]
    assert prev["file_format"] == "csv"
    assert set(prev["text_columns"]) >= {"Vad fungerar bra?", "Vad kan bli bättre?"}
    assert prev["column_map"]["respondent_id"] == "Respondent-ID"
    root = tmp_path / "uppladdningar"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    dirs = [p for p in root.iterdir()]
    assert len(dirs) == 1 and stat.S_IMODE(dirs[0].stat().st_mode) == 0o700
    files = list(dirs[0].iterdir())
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600
    # progress and preview are readable by members; the raw file path is not shown
    job = client.get(f"/api/jobs/{body['job']['id']}", headers=auth("validerare_a1")).json()
    assert "upload_path" not in job and job["status"] == "uppladdad"
    # cancelling deletes the file
    assert client.delete(f"/api/jobs/{body['job']['id']}", headers=h).json()["status"] == "avbruten"
    assert not dirs[0].exists()


def test_upload_checks_type_by_content_and_size(engine: Engine, seeded: dict[str, Any], tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_upload_mb=0.01)  # about 10 kB
    with TestClient(create_app(settings)) as c:
        from tests.test_api_support import token_headers

        h = token_headers(c, "analytiker")
        pa = seeded["project_a"]
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
        r = _upload(c, h, pa, "svar.csv", png)  # the name says CSV, the content does not
        assert r.status_code == 415 and "CSV, XLSX eller JSON" in r.json()["detail"]
        r = _upload(c, h, pa, "stor.csv", b"svar\n" + b"ganska lang rad med text\n" * 2000)
        assert r.status_code == 413 and "MB" in r.json()["detail"]
        r = _upload(c, h, pa, "tom.csv", b"")
        assert r.status_code == 422 and r.json()["detail"] == "Filen är tom."
        r = c.post(f"/api/projects/{pa}/uploads", headers=h, json={"fil": "x"})
        assert r.status_code == 415
        # nothing is left behind by the refused uploads
        assert list((tmp_path / "uppladdningar").iterdir()) == []


def test_bad_mapping_gets_a_swedish_error_naming_the_column(
    client: TestClient, seeded: dict[str, Any], auth: Any, tmp_path: Path
) -> None:
    h = auth("analytiker")
    job = _upload(client, h, seeded["project_a"], "a.csv", _small_export(tmp_path)).json()["job"]
    r = client.post(f"/api/jobs/{job['id']}/start", headers=h, json={"text_columns": ["Finns inte"]})
    assert r.status_code == 422
    assert "Finns inte" in r.json()["detail"]
    assert client.get(f"/api/jobs/{job['id']}", headers=h).json()["status"] == "uppladdad"


@pytest.mark.slow  # the real embedding model, themes and classifier on 30 rows
def test_job_runs_in_the_worker_and_deletes_the_upload(
    client: TestClient, seeded: dict[str, Any], auth: Any, tmp_path: Path, engine: Engine
) -> None:
    h = auth("analytiker")
    job = _upload(client, h, seeded["project_a"], "a.csv", _small_export(tmp_path, 30)).json()["job"]
    r = client.post(
        f"/api/jobs/{job['id']}/start",
        headers=h,
        json={"text_columns": ["Vad fungerar bra?", "Vad kan bli bättre?"], "taxonomy": "samsjuklighet"},
    )
    assert r.status_code == 200 and r.json()["status"] == "vantar"
    EmbeddedWorker(engine).run_pending()
    done = client.get(f"/api/jobs/{job['id']}", headers=h).json()
    assert done["status"] in ("klar", "fel"), done
    assert done["status"] == "klar", done["error"]
    assert done["import_id"] and done["run_id"] and done["progress_total"] > 0
    # seconds per stage of the run, for the progress page
    assert {"inbaddning", "teman", "klassificering"} <= set(done["tider_s"])
    assert all(v >= 0 for v in done["tider_s"].values())
    assert list((tmp_path / "uppladdningar").iterdir()) == []
    themes = client.get(f"/api/runs/{done['run_id']}/themes", headers=h)
    assert themes.status_code == 200


def test_restart_resumes_interrupted_jobs_and_removes_stale_uploads(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    root = tmp_path / "uppladdningar"
    (root / "jobb-kvar").mkdir(parents=True)
    (root / "jobb-kvar" / "a.csv").write_bytes(b"svar\nhej\n")
    (root / "jobb-gammal").mkdir()
    (root / "jobb-gammal" / "b.csv").write_bytes(b"svar\nhej\n")
    with session_scope(engine) as s:
        run = AnalysisRun(import_id=seeded["import_a"], status="pagar", stage="inbäddning")
        s.add(run)
        s.flush()
        resumable = Job(
            project_id=seeded["project_a"],
            status="pagar",
            attempts=1,
            upload_path=str(root / "jobb-kvar"),
            run_id=run.id,
        )
        lost = Job(project_id=seeded["project_a"], status="pagar", attempts=1, upload_path=str(root / "finns-inte"))
        s.add_all([resumable, lost])
        s.flush()
        ids = (resumable.id, lost.id, run.id)
    counts = recover_on_startup(engine, root)
    assert counts["aterupptagna"] == 1 and counts["misslyckade"] == 1
    with session_scope(engine) as s:
        assert s.get(Job, ids[0]).status == "vantar"
        failed = s.get(Job, ids[1])
        assert failed.status == "fel" and "omstart" in failed.error
        assert s.get(AnalysisRun, ids[2]).status == "fel"  # no half-written run shows as live
    assert sorted(p.name for p in root.iterdir()) == ["jobb-kvar"]
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


def test_retraining_needs_settled_labels_and_fails_cleanly_without_them(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    from nlp.pipeline import validated_examples

    h = auth("analytiker")
    pa = seeded["project_a"]
    recs = seeded["records_a"]
    # two agreeing judges settle a label; a disagreement does not count until resolved
    for rec in recs[:3]:
        for who in ("validerare_a1", "validerare_b"):
            client.post(
                f"/api/records/{rec}/decisions", headers=auth(who), json={"label_id": "helhet", "decision": "accept"}
            )
    client.post(
        f"/api/records/{recs[3]}/decisions",
        headers=auth("validerare_a1"),
        json={"label_id": "helhet", "decision": "accept"},
    )
    client.post(
        f"/api/records/{recs[3]}/decisions",
        headers=auth("validerare_b"),
        json={"label_id": "helhet", "decision": "reject"},
    )
    examples = validated_examples(engine, pa, "samsjuklighet")
    assert [(e["record_id"], e["value"]) for e in examples] == [(r, 1) for r in recs[:3]]
    assert all("[PERSON_1]" in e["text"] for e in examples)
    job = client.post(f"/api/projects/{pa}/models/train", headers=h, json={"taxonomy": "samsjuklighet"})
    assert job.status_code == 202 and job.json()["kind"] == "traning"
    EmbeddedWorker(engine).run_pending()
    done = client.get(f"/api/jobs/{job.json()['id']}", headers=h).json()
    assert done["status"] == "fel" and "För få granskade etiketter" in done["error"]
    assert client.get(f"/api/projects/{pa}/models", headers=h).json()["versions"] == []


@pytest.mark.slow  # trains the real classifier (loads the embedding model)
def test_retraining_builds_a_new_version_that_is_used_only_after_activation(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    h = auth("analytiker")
    pa = seeded["project_a"]
    for i, rec in enumerate(seeded["records_a"][:12]):
        decision = "accept" if i % 2 else "reject"
        for who in ("validerare_a1", "validerare_b"):
            r = client.post(
                f"/api/records/{rec}/decisions",
                headers=auth(who),
                json={"label_id": ["helhet", "respekt"][i % 4 // 2], "decision": decision},
            )
            assert r.status_code == 201
    job = client.post(f"/api/projects/{pa}/models/train", headers=h, json={"taxonomy": "samsjuklighet"})
    EmbeddedWorker(engine).run_pending()
    done = client.get(f"/api/jobs/{job.json()['id']}", headers=h).json()
    assert done["status"] == "klar", done["error"]
    listing = client.get(f"/api/projects/{pa}/models", headers=h).json()
    (version,) = listing["versions"]
    assert not version["active"] and version["n_examples"] == 12
    assert version["metrics"]["korsvaliderade"]["n"] > 0
    assert "macro_f1" in version["metrics"]["nuvarande_pa_samma_exempel"]
    cmp = listing["jamforelse"][0]
    assert cmp["aktiv"] is None and cmp["senaste"]["id"] == version["id"]
    r = client.post(f"/api/projects/{pa}/models/{version['id']}/activate", headers=h)
    assert r.status_code == 200 and r.json()["active"]


def test_embedded_worker_runs_queued_jobs_in_the_background(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    import time

    from tests.test_api_support import token_headers

    settings = make_settings(tmp_path, embedded_worker=True, worker_poll_seconds=0.1)
    with TestClient(create_app(settings)) as c:
        h = token_headers(c, "analytiker")
        job = c.post(
            f"/api/projects/{seeded['project_a']}/models/train", headers=h, json={"taxonomy": "samsjuklighet"}
        ).json()
        assert job["status"] == "vantar"  # the request returns before the job runs
        deadline = time.monotonic() + 30
        while (state := c.get(f"/api/jobs/{job['id']}", headers=h).json())["status"] in (
            "vantar",
            "pagar",
        ) and time.monotonic() < deadline:
            time.sleep(0.1)
    assert state["status"] == "fel" and "För få granskade etiketter" in state["error"]
    assert state["started_at"] and state["finished_at"]
