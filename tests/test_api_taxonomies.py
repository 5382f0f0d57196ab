"""The taxonomy API and a whole analysis and retraining on a project's own taxonomy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from nlp.jobs import EmbeddedWorker
from nlp.store import session_scope
from nlp.store.models import AnalysisRun, ProjectTaxonomy, Suggestion
from tests.test_api_jobs import _small_export, _upload
from tests.test_api_support import auth, client, seeded  # noqa: F401
from tests.test_web_taxonomy import OWN


def test_upload_list_restore_and_refusals(client: TestClient, seeded: dict[str, Any], auth: Any) -> None:
    h, pa = auth("analytiker"), seeded["project_a"]
    r = client.post(f"/api/projects/{pa}/taxonomies", headers=h, json={"yaml": OWN})
    assert r.status_code == 201, r.text
    first = r.json()
    assert first["version"] == 1 and first["taxonomy_id"] == "vardupplevelse-test"
    r = client.post(f"/api/projects/{pa}/taxonomies", headers=h, json={"yaml": OWN.replace("labels:", "etiketter:")})
    assert r.status_code == 422 and "Fel i taxonomifilen" in r.json()["detail"]
    r = client.post(f"/api/projects/{pa}/taxonomies/{first['id']}/restore", headers=h)
    assert r.status_code == 200 and r.json()["version"] == 2 and r.json()["note"] == "återställd från version 1"
    listing = client.get(f"/api/projects/{pa}/taxonomies", headers=h).json()
    assert [v["version"] for v in listing["versions"]] == [2, 1] and listing["current"]["version"] == 2
    assert client.get(f"/api/projects/{pa}/taxonomies/{first['id']}/yaml", headers=h).text == OWN
    # validators may not upload; another project's version is not found
    r = client.post(f"/api/projects/{pa}/taxonomies", headers=auth("validerare_a1"), json={"yaml": OWN})
    assert r.status_code == 403
    r = client.post(f"/api/projects/{seeded['project_b']}/taxonomies/{first['id']}/restore", headers=auth("admin"))
    assert r.status_code == 404


@pytest.mark.slow  # the real embedding model on 30 rows, twice
def test_analysis_and_retraining_use_the_projects_own_taxonomy(
    client: TestClient, seeded: dict[str, Any], auth: Any, tmp_path: Path, engine: Engine
) -> None:
    h, pa = auth("analytiker"), seeded["project_a"]
    assert client.post(f"/api/projects/{pa}/taxonomies", headers=h, json={"yaml": OWN}).status_code == 201
    job = _upload(client, h, pa, "a.csv", _small_export(tmp_path, 30)).json()["job"]
    r = client.post(
        f"/api/jobs/{job['id']}/start",
        headers=h,
        json={"text_columns": ["Vad fungerar bra?", "Vad kan bli bättre?"], "taxonomy": "vardupplevelse-test"},
    )
    assert r.status_code == 200, r.text
    EmbeddedWorker(engine).run_pending()
    done = client.get(f"/api/jobs/{job['id']}", headers=h).json()
    assert done["status"] == "klar", done["error"]
    # a new version afterwards does not change what the finished run used
    changed = OWN.replace("title: Bemötande", "title: Personalens bemötande")
    assert client.post(f"/api/projects/{pa}/taxonomies", headers=h, json={"yaml": changed}).status_code == 201
    with session_scope(engine) as s:
        run = s.get(AnalysisRun, done["run_id"])
        assert run.taxonomy_id == "vardupplevelse-test"
        assert run.taxonomy_snapshot["taxonomy"]["labels"][0]["title"] == "Bemötande"
        labels = set(s.scalars(select(Suggestion.label_id).where(Suggestion.run_id == run.id)))
        v1 = s.scalars(select(ProjectTaxonomy).where(ProjectTaxonomy.version == 1)).one()
        assert run.taxonomy_snapshot == v1.snapshot
        records = [r for (r,) in s.execute(select(Suggestion.record_id).where(Suggestion.run_id == run.id))]
    assert labels and labels <= {"bemotande", "tillganglighet"}
    # validators judge by the own labels, and those judgements train a model for this taxonomy
    hv = auth("validerare_a1")
    for i, rec in enumerate(sorted(set(records))[:12]):
        label = "bemotande" if i % 2 else "tillganglighet"
        r = client.post(
            f"/api/records/{rec}/decisions",
            headers=hv,
            json={"label_id": label, "decision": "accept", "taxonomy_id": "vardupplevelse-test"},
        )
        assert r.status_code == 201, r.text
    r = client.post(f"/api/projects/{pa}/models/train", headers=h, json={"taxonomy": "vardupplevelse-test"})
    assert r.status_code == 202, r.text
    EmbeddedWorker(engine).run_pending()
    trained = client.get(f"/api/jobs/{r.json()['id']}", headers=h).json()
    assert trained["status"] == "klar", trained["error"]
    versions = client.get(f"/api/projects/{pa}/models?taxonomy=vardupplevelse-test", headers=h).json()["versions"]
    assert len(versions) == 1 and versions[0]["n_examples"] == 12
