"""Validation over HTTP: queue order, decisions as events, "omstridd", agreement,
and concurrent decisions from many validators losing nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update

from api.app import create_app
from nlp.store.db import session_scope
from nlp.store.models import AnalysisRun, AuditEntry, Suggestion, ValidationEvent
from nlp.taxonomy import load_taxonomy, taxonomy_snapshot
from tests.test_api_support import PASSWORD, auth, client, make_settings, seeded  # noqa: F401


def _decide(client: TestClient, h: dict[str, str], rec: int, label: str, decision: str, **extra: Any) -> httpx.Response:
    return client.post(
        f"/api/records/{rec}/decisions", headers=h, json={"label_id": label, "decision": decision, **extra}
    )


def test_queue_puts_least_certain_first_and_skips_what_i_judged(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    h = auth("validerare_a1")
    pa = seeded["project_a"]
    resp = client.get(f"/api/projects/{pa}/validation/queue", headers=h, params={"limit": 10})
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    assert len(items) == 10
    margins = [min(abs(s["probability"] - 0.5) for s in it["suggestions"]) for it in items]
    assert margins == sorted(margins)
    # the most uncertain record of the whole run comes first
    with session_scope(engine) as s:
        rows = s.execute(
            select(Suggestion.record_id, Suggestion.probability).where(Suggestion.run_id == seeded["run_a"])
        ).all()
    best: dict[int, float] = {}
    for rid, p in rows:
        best[rid] = min(best.get(rid, 1.0), abs(p - 0.5))
    assert items[0]["record"]["id"] == min(best, key=lambda r: (best[r], r))
    assert "[PERSON_1]" in items[0]["record"]["text"]
    first = items[0]["record"]["id"]
    assert _decide(client, h, first, "respekt", "unsure").status_code == 201
    again = client.get(f"/api/projects/{pa}/validation/queue", headers=h, params={"limit": 10}).json()
    assert first not in [it["record"]["id"] for it in again["items"]]
    # another validator still gets it
    other = client.get(
        f"/api/projects/{pa}/validation/queue", headers=auth("validerare_b"), params={"limit": 10}
    ).json()
    assert other["items"][0]["record"]["id"] == first
    # by theme
    theme = seeded["themes_a"][1]
    by_theme = client.get(
        f"/api/projects/{pa}/validation/queue", headers=h, params={"order": "tema", "theme_id": theme, "limit": 50}
    ).json()
    assert by_theme["items"] and all(
        any(
            t["theme_id"] == theme for t in client.get(f"/api/records/{it['record']['id']}", headers=h).json()["themes"]
        )
        for it in by_theme["items"][:3]
    )
    # reading texts is audited
    with session_scope(engine) as s:
        reads = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "las_svar", AuditEntry.actor == "validerare_a1")
        )
    assert reads >= 3


def test_disagreement_is_kept_and_resolved_in_joint_analysis(
    client: TestClient, seeded: dict[str, Any], auth: Any
) -> None:
    rec = seeded["records_a"][3]
    a1, b = auth("validerare_a1"), auth("validerare_b")
    assert _decide(client, a1, rec, "respekt", "accept", comment="Tydligt").status_code == 201
    assert _decide(client, b, rec, "respekt", "other", other_labels=["helhet"]).status_code == 201
    detail = client.get(f"/api/records/{rec}", headers=auth("samordnare")).json()
    assert detail["label_status"]["samsjuklighet/respekt"] == "omstridd"
    # "other" proposes helhet: that counts as b accepting helhet
    assert detail["label_status"]["samsjuklighet/helhet"] == "godkand"
    assert [d["decision"] for d in detail["decisions"]] == ["accept", "other"]
    assert {d["organisation"] for d in detail["decisions"]} == {"Brukarföreningen A", "Anhörigföreningen B"}
    status = client.get(
        f"/api/projects/{seeded['project_a']}/validation/status", headers=a1, params={"status": "omstridd"}
    ).json()
    assert {"record_id": rec, "taxonomy_id": "samsjuklighet", "label_id": "respekt", "status": "omstridd"} in status[
        "items"
    ]
    # a validator cannot settle it; a coordinator can, and both decisions stay
    assert (
        client.post(
            f"/api/records/{rec}/resolution", headers=a1, json={"label_id": "respekt", "decision": "accept"}
        ).status_code
        == 403
    )
    resp = client.post(
        f"/api/records/{rec}/resolution",
        headers=auth("samordnare"),
        json={"label_id": "respekt", "decision": "reject", "comment": "Gemensam analys"},
    )
    assert resp.status_code == 201, resp.text
    detail = client.get(f"/api/records/{rec}", headers=auth("analytiker")).json()
    assert detail["label_status"]["samsjuklighet/respekt"] == "avvisad"
    assert len(detail["decisions"]) == 3


def test_validators_see_only_their_own_organisations_decisions(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    from nlp.store.models import Project

    rec = seeded["records_a"][5]
    a1, a2, b = auth("validerare_a1"), auth("validerare_a2"), auth("validerare_b")
    assert _decide(client, a2, rec, "respekt", "accept", comment="Vi i A håller med").status_code == 201
    assert _decide(client, b, rec, "respekt", "reject", comment="Hemlig tanke från B").status_code == 201
    for path in (f"/api/records/{rec}", f"/api/records/{rec}/decisions"):
        r = client.get(path, headers=a1)
        assert r.status_code == 200 and "Hemlig tanke från B" not in r.text
        assert "Anhörigföreningen B" not in r.text
    detail = client.get(f"/api/records/{rec}", headers=a1).json()
    assert [d["comment"] for d in detail["decisions"]] == ["Vi i A håller med"]
    assert detail["decisions_hidden"] == {"reject": 1}  # others only as counts
    assert detail["label_status"]["samsjuklighet/respekt"] == "omstridd"
    # coordinators and analysts see every decision, for joint analysis
    for who in ("samordnare", "analytiker"):
        full = client.get(f"/api/records/{rec}/decisions", headers=auth(who)).json()
        assert [d["comment"] for d in full] == ["Vi i A håller med", "Hemlig tanke från B"]
    # a project may let validators see everything (off by default)
    with session_scope(engine) as s:
        s.get(Project, seeded["project_a"]).validators_see_all = True
    assert len(client.get(f"/api/records/{rec}/decisions", headers=a1).json()) == 2


def test_decisions_on_a_run_with_a_users_own_taxonomy_use_its_snapshot(
    client: TestClient, seeded: dict[str, Any], auth: Any, engine: Engine
) -> None:
    """A run classified with a file outside etiketter/ (`analysera --taxonomi PATH`) can be
    judged by the labels it stored, though the file is not there."""
    own = load_taxonomy("samsjuklighet").model_copy(update={"id": "egen"})
    with session_scope(engine) as s:
        s.execute(
            update(AnalysisRun)
            .where(AnalysisRun.id == seeded["run_a"])
            .values(taxonomy_id="egen", taxonomy_snapshot=taxonomy_snapshot(own))
        )
    h, rec = auth("validerare_a1"), seeded["records_a"][0]
    assert _decide(client, h, rec, "respekt", "accept", taxonomy_id="egen").status_code == 201
    r = _decide(client, h, rec, "finns-inte", "accept", taxonomy_id="egen")
    assert r.status_code == 422 and "finns inte i taxonomin" in r.json()["detail"]
    r = _decide(client, h, rec, "respekt", "accept", taxonomy_id="saknas")
    assert r.status_code == 422 and "Okänd taxonomi" in r.json()["detail"]


def test_decision_input_is_checked_in_swedish(client: TestClient, seeded: dict[str, Any], auth: Any) -> None:
    h, rec = auth("validerare_a1"), seeded["records_a"][0]
    r = _decide(client, h, rec, "finns-inte", "accept")
    assert r.status_code == 422 and "finns inte i taxonomin" in r.json()["detail"]
    r = _decide(client, h, rec, "respekt", "other")
    assert r.status_code == 422 and "annan etikett" in r.json()["detail"]
    r = _decide(client, h, rec, "respekt", "kanske")
    assert r.status_code == 422
    assert r.json()["detail"][0]["fel"] == "Fältet decision har ett värde som inte är tillåtet."


def test_agreement_alpha_between_validators_and_organisations(
    client: TestClient, seeded: dict[str, Any], auth: Any
) -> None:
    recs = seeded["records_a"][:8]
    a1, a2, b = auth("validerare_a1"), auth("validerare_a2"), auth("validerare_b")
    a1_votes = ["accept", "accept", "reject", "reject", "accept", "reject", "accept", "reject"]
    b_votes = ["accept", "reject", "reject", "reject", "accept", "reject", "accept", "accept"]
    for rec, va, vb in zip(recs, a1_votes, b_votes):
        assert _decide(client, a1, rec, "helhet", va).status_code == 201
        assert _decide(client, a2, rec, "helhet", va).status_code == 201
        assert _decide(client, b, rec, "helhet", vb).status_code == 201
    import krippendorff
    import numpy as np

    to01 = {"accept": 1, "reject": 0}
    expected = krippendorff.alpha(
        reliability_data=np.array([[to01[v] for v in a1_votes]] * 2 + [[to01[v] for v in b_votes]], dtype=float),
        level_of_measurement="nominal",
    )
    resp = client.get(f"/api/projects/{seeded['project_a']}/agreement", headers=a1).json()
    row = next(r for r in resp["labels"] if r["label_id"] == "helhet")
    assert row["n_items"] == 8 and row["n_coders"] == 3
    assert abs(row["alpha"] - expected) < 1e-9
    assert row["raw_agreement"] == 6 / 8
    org = client.get(f"/api/projects/{seeded['project_a']}/agreement", headers=a1, params={"by": "organisation"}).json()
    row = next(r for r in org["labels"] if r["label_id"] == "helhet")
    expected_org = krippendorff.alpha(
        reliability_data=np.array([[to01[v] for v in a1_votes], [to01[v] for v in b_votes]], dtype=float),
        level_of_measurement="nominal",
    )
    assert row["n_coders"] == 2 and abs(row["alpha"] - expected_org) < 1e-9


def test_concurrent_decisions_from_many_validators_lose_nothing(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    app = create_app(make_settings(tmp_path))
    recs = seeded["records_a"][:10]
    validators = ["validerare_a1", "validerare_a2", "validerare_b", "analytiker", "samordnare"]

    async def run() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            tokens = {}
            for v in validators:
                r = await c.post("/api/auth/token", json={"username": v, "password": PASSWORD})
                tokens[v] = {"Authorization": f"Bearer {r.json()['access_token']}"}
            calls = [
                c.post(
                    f"/api/records/{rec}/decisions",
                    headers=tokens[v],
                    json={"label_id": "vardag", "decision": ["accept", "reject"][(i + j) % 2], "comment": f"{v} {rec}"},
                )
                for i, v in enumerate(validators)
                for j, rec in enumerate(recs)
                for _ in range(2)
            ]
            return [r.status_code for r in await asyncio.gather(*calls)]

    codes = asyncio.run(run())
    assert codes == [201] * len(validators) * len(recs) * 2
    with session_scope(engine) as s:
        n = s.scalar(select(func.count()).select_from(ValidationEvent).where(ValidationEvent.label_id == "vardag"))
        pairs = set(
            s.execute(
                select(ValidationEvent.actor, ValidationEvent.record_id).where(ValidationEvent.label_id == "vardag")
            ).all()
        )
    assert n == len(validators) * len(recs) * 2
    assert pairs == {(v, r) for v in validators for r in recs}


def test_decision_while_an_import_holds_the_sqlite_write_lock_gets_a_retry_answer(
    engine: Engine, seeded: dict[str, Any], tmp_path: Path
) -> None:
    import pytest

    if engine.dialect.name != "sqlite":
        pytest.skip("gäller bara SQLite (en skrivare åt gången)")
    import sqlite3

    from sqlalchemy import create_engine

    app = create_app(make_settings(tmp_path))
    with TestClient(app) as c:
        r = c.post("/api/auth/token", json={"username": "validerare_a1", "password": PASSWORD})
        h = {"Authorization": f"Bearer {r.json()['access_token']}"}
        # a short busy timeout for this test's own engine stands in for a long import
        db_path = engine.url.database
        app.state.session_factory.kw["bind"] = create_engine(f"sqlite:///{db_path}", connect_args={"timeout": 0.2})
        blocker = sqlite3.connect(db_path)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            resp = c.post(
                f"/api/records/{seeded['records_a'][0]}/decisions",
                headers=h,
                json={"label_id": "respekt", "decision": "accept"},
            )
        finally:
            blocker.rollback()
            blocker.close()
        assert resp.status_code == 503 and "upptagen" in resp.json()["detail"]
        assert resp.headers["retry-after"] == "10"
        ok = c.post(
            f"/api/records/{seeded['records_a'][0]}/decisions",
            headers=h,
            json={"label_id": "respekt", "decision": "accept"},
        )
        assert ok.status_code == 201
