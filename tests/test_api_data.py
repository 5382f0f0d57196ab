"""Datasets, themes, aggregates with suppression, exports, erasure, insights and actions,
model versions — over HTTP against the real app and database."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import Engine, func, select, update

from nlp.config import get_settings
from nlp.store.db import session_scope
from nlp.store.models import (
    AuditEntry,
    Classification,
    ClassifierVersion,
    RecordRow,
    Suggestion,
    Tombstone,
    ValidationEvent,
)
from tests.test_api_support import auth, client, seeded  # noqa: F401


def test_datasets_records_and_suggestions(client: TestClient, seeded: dict[str, Any], auth: Any) -> None:
    h = auth("samordnare")
    pa = seeded["project_a"]
    ds = client.get(f"/api/projects/{pa}/datasets", headers=h).json()
    assert [d["import_id"] for d in ds] == [seeded["import_a"]]
    assert ds[0]["runs"][0]["status"] == "klar"
    recs = client.get(f"/api/projects/{pa}/records", headers=h, params={"limit": 5}).json()
    assert len(recs) == 5 and all("[PERSON_1]" in r["text"] for r in recs)
    assert set(recs[0]) >= {"date", "unit", "gender", "source_type"}
    sug = client.get(
        f"/api/runs/{seeded['run_a']}/suggestions", headers=h, params={"label_id": "respekt", "limit": 3}
    ).json()
    probs = [s["probability"] for s in sug]
    assert probs == sorted(probs, reverse=True) and sug[0]["model_version"] == "zeroshot-1"


def test_aggregates_hide_small_cells(client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine) -> None:
    h = auth("samordnare")
    thr = get_settings().suppression_threshold
    agg = client.get(f"/api/runs/{seeded['run_a']}/aggregates", headers=h).json()
    assert agg["n"] == 40 and agg["suppression_threshold"] == thr
    assert agg["raknar"] == "beslutade"
    with session_scope(engine) as s:
        gender = dict(
            s.execute(
                select(RecordRow.id, RecordRow.gender)
                .join(Classification, RecordRow.id == Classification.record_id)
                .where(Classification.run_id == seeded["run_a"])
            ).all()
        )
        decided: dict[int, set[str]] = {rid: set() for rid in gender}
        in_set: dict[int, set[str]] = {rid: set() for rid in gender}
        for rid, lab, dec, member in s.execute(
            select(Suggestion.record_id, Suggestion.label_id, Suggestion.decided, Suggestion.in_prediction_set).where(
                Suggestion.run_id == seeded["run_a"]
            )
        ):
            if dec:
                decided[rid].add(lab)
            if member:
                in_set[rid].add(lab)
    # Shares count the classifier's decisions, not the wider prediction set.
    rows = [(decided[rid], g) for rid, g in gender.items()]
    assert sum(len(v) for v in in_set.values()) > sum(len(v) for v in decided.values())
    for label in agg["labels"]:
        k = sum(1 for ps, _ in rows if label["label_id"] in ps)
        k_set = sum(1 for ps in in_set.values() if label["label_id"] in ps)
        assert label["i_forslagsmangd"] == (k_set if k_set >= thr else None)
        if k >= thr:
            assert label["antal"] == k and label["ki95"][0] <= k / 40 <= label["ki95"][1]
        else:
            assert label["antal"] is None and label["dold"]
        for group in label["breakdowns"]["gender"]:
            if group["antal"] is not None:
                assert group["antal"] >= thr and group["n"] >= thr
                expected = sum(1 for ps, g in rows if g == group["grupp"] and label["label_id"] in ps)
                assert group["antal"] == expected
        assert {g["grupp"] for g in label["breakdowns"]["period"]} <= {f"2026-0{m}" for m in range(1, 7)} | {
            f"(dolda grupper med färre än {thr} svar)"
        }
    themes = client.get(f"/api/runs/{seeded['run_a']}/themes", headers=h).json()
    small = [t for t in themes["themes"] if t["topic"] == -1][0]  # 4 records: below 5
    assert small["dold"] and small["size"] is None
    big = [t for t in themes["themes"] if t["topic"] == 0][0]
    assert big["size"] == 12 and all(c is None or c >= thr for c in big["over_time"]["counts"])


def test_exports_csv_and_xlsx_with_validation_status(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    h = auth("analytiker")
    rec = seeded["records_a"][0]
    client.post(f"/api/records/{rec}/decisions", headers=h, json={"label_id": "respekt", "decision": "accept"})
    r = client.get(f"/api/runs/{seeded['run_a']}/export", headers=h)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 40
    respekt = "Bli lyssnad på, få förståelse och bli behandlad med samma respekt som andra"
    first = next(x for x in rows if int(x["Svar-id"]) == rec)
    assert first["Granskning"] == f"{respekt}: godkänd"
    assert "[PERSON_1]" in first["Svar (pseudonymiserat)"] and first["Teman"]
    # The model's decisions and its prediction set, by title; people's decisions apart.
    with session_scope(engine) as s:
        for row in rows:
            rid = int(row["Svar-id"])
            suggested = set(
                s.scalars(
                    select(Suggestion.label_id).where(
                        Suggestion.run_id == seeded["run_a"], Suggestion.record_id == rid, Suggestion.decided.is_(True)
                    )
                )
            )
            titles = {t for t in row["Modellens förslag"].split("; ") if t}
            assert len(titles) == len(suggested)
            assert ("respekt" in suggested) == (respekt in titles)
            assert row["Beslutade etiketter (av granskare)"] == (respekt if rid == rec else "")
    x = client.get(f"/api/runs/{seeded['run_a']}/export", headers=h, params={"format": "xlsx"})
    sheet_rows = list(load_workbook(io.BytesIO(x.content), read_only=True)["svar"].values)
    assert len(sheet_rows) == 41 and sheet_rows[0][3] == "Svar (pseudonymiserat)"


def test_erasure_deletes_a_respondent_and_keeps_decisions_on_a_tombstone(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    from nlp.pseudonymise import Pseudonymiser, load_or_create_key

    raw_id = "19121212-1212"
    key = Pseudonymiser(load_or_create_key()).respondent_key(raw_id)
    victims = seeded["records_a"][5:7]
    with session_scope(engine) as s:
        s.execute(update(RecordRow).where(RecordRow.id.in_(victims)).values(respondent_key=key))
    h = auth("analytiker")
    client.post(
        f"/api/records/{victims[0]}/decisions",
        headers=h,
        json={"label_id": "respekt", "decision": "accept", "comment": "Om personen"},
    )
    r = client.post(f"/api/projects/{seeded['project_a']}/erasure", headers=h, json={"respondent_id": raw_id})
    assert r.status_code == 200, r.text
    assert r.json()["svar"] == 2 and r.json()["forslag"] == 10 and r.json()["beslut"] == 1
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.id.in_(victims))) == 0
        assert s.scalar(select(func.count()).select_from(Suggestion).where(Suggestion.record_id.in_(victims))) == 0
        ev = s.scalars(select(ValidationEvent).where(ValidationEvent.tombstone_id.is_not(None))).one()
        assert ev.record_id is None and ev.comment is None
        assert s.get(Tombstone, ev.tombstone_id).counts["svar"] == 2
        logged = " ".join(f"{e.details}" for e in s.scalars(select(AuditEntry)))
    assert raw_id not in logged and key not in logged
    admin_log = client.get("/api/audit", headers=auth("admin"), params={"action": "radering"}).json()
    assert admin_log and admin_log[0]["details"]["svar"] == 2
    assert client.get(f"/api/records/{victims[0]}", headers=h).status_code == 404


def test_insights_and_actions(client: TestClient, seeded: dict[str, Any], auth: Any) -> None:
    h = auth("samordnare")
    pa = seeded["project_a"]
    r = client.post(
        f"/api/projects/{pa}/insights",
        headers=h,
        json={
            "title": "Långa väntetider på vårdcentralen",
            "theme_ids": [seeded["themes_a"][1]],
            "label_ids": ["tillganglighet"],
            "record_ids": seeded["records_a"][:2],
        },
    )
    assert r.status_code == 201, r.text
    insight = r.json()
    # evidence from another project is refused
    bad = client.post(
        f"/api/projects/{pa}/insights", headers=h, json={"title": "x", "record_ids": [seeded["records_b"][0]]}
    )
    assert bad.status_code == 422
    a = client.post(
        f"/api/projects/{pa}/actions",
        headers=h,
        json={
            "title": "Testa sms-påminnelse",
            "owner": "Enhetschef",
            "due_date": "2027-01-31",
            "phase": "plan",
            "insight_id": insight["id"],
        },
    )
    assert a.status_code == 201, a.text
    p = client.patch(f"/api/actions/{a.json()['id']}", headers=h, json={"status": "pagar", "phase": "do"})
    assert p.json()["status"] == "pagar" and p.json()["phase"] == "do"
    listed = client.get(f"/api/projects/{pa}/actions", headers=auth("validerare_a1")).json()
    assert [x["title"] for x in listed] == ["Testa sms-påminnelse"]
    assert (
        client.patch(
            f"/api/actions/{a.json()['id']}", headers=auth("analytiker_b"), json={"status": "klar"}
        ).status_code
        == 404
    )  # not a member
    assert (
        client.patch(
            f"/api/actions/{a.json()['id']}", headers=auth("validerare_a1"), json={"status": "klar"}
        ).status_code
        == 403
    )  # member, wrong role


def test_model_versions_switch_explicitly(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    pa = seeded["project_a"]
    with session_scope(engine) as s:
        old = ClassifierVersion(
            project_id=pa,
            taxonomy_id="samsjuklighet",
            version="v1",
            metrics={"f1_makro": 0.61},
            n_examples=40,
            active=True,
        )
        new = ClassifierVersion(
            project_id=pa,
            taxonomy_id="samsjuklighet",
            version="v2",
            metrics={"f1_makro": 0.68},
            n_examples=80,
            active=False,
        )
        s.add_all([old, new])
        s.flush()
        new_id = new.id
    h = auth("analytiker")
    listing = client.get(f"/api/projects/{pa}/models", headers=h).json()
    cmp = listing["jamforelse"][0]
    assert cmp["aktiv"]["version"] == "v1" and cmp["senaste"]["version"] == "v2"
    assert cmp["senaste"]["metrics"]["f1_makro"] > cmp["aktiv"]["metrics"]["f1_makro"]
    assert client.post(f"/api/projects/{pa}/models/{new_id}/activate", headers=auth("samordnare")).status_code == 403
    r = client.post(f"/api/projects/{pa}/models/{new_id}/activate", headers=h)
    assert r.status_code == 200 and r.json()["active"]
    listing = client.get(f"/api/projects/{pa}/models", headers=h).json()
    assert [v["version"] for v in listing["versions"] if v["active"]] == ["v2"]
    assert (
        client.post(
            f"/api/projects/{seeded['project_b']}/models/{new_id}/activate", headers=auth("analytiker_b")
        ).status_code
        == 404
    )


def test_report_is_html_and_no_answer_text_reaches_the_logs(
    client: TestClient, seeded: dict[str, Any], auth: Any, caplog: Any
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    h = auth("analytiker")
    r = client.get(f"/api/runs/{seeded['run_a']}/report", headers=h)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<html" in r.text.lower()
    client.get(f"/api/projects/{seeded['project_a']}/records", headers=h)
    client.get(f"/api/projects/{seeded['project_a']}/validation/queue", headers=h)
    client.post(
        f"/api/records/{seeded['records_a'][0]}/decisions",
        headers=h,
        json={"label_id": "respekt", "decision": "unsure", "comment": "vänta länge"},
    )
    client.get(f"/api/runs/{seeded['run_a']}/export", headers=h)
    assert caplog.records  # logging was captured at all
    assert "vänta länge" not in caplog.text and "[PERSON_1]" not in caplog.text
