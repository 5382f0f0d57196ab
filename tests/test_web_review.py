"""Pages for joint analysis of disputed labels and for model versions, over HTTP against
the real app and a real database (seeded rows; no embedding model needed)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from api.app import create_app
from api.settings import ApiSettings
from nlp.config import get_settings
from nlp.store import session_scope
from nlp.store.models import AuditEntry, ClassifierVersion, Job, Suggestion, ValidationEvent
from nlp.validation_status import confidence_text, statuses
from tests.browser.seed import seed
from tests.test_web_pages import login


@pytest.fixture
def app_ids(engine: Engine, tmp_path: Path) -> Iterator[tuple[Any, dict[str, Any]]]:
    ids = seed(engine)
    settings = ApiSettings(
        database_url=get_settings().db_url,
        session_secret="hemligt-for-test",
        embedded_worker=False,
        upload_dir=tmp_path / "uppladdningar",
    )
    app = create_app(settings)
    with TestClient(app):  # runs the app's startup once
        yield app, ids


def client_for(app: Any, username: str) -> tuple[TestClient, str]:
    client = TestClient(app, follow_redirects=False)
    return client, login(client, username)


def decide(
    app: Any,
    username: str,
    pid: int,
    record_id: int,
    decision: str,
    comment: str = "",
    label: str = "respekt",
    other: str = "",
) -> None:
    client, csrf = client_for(app, username)
    resp = client.post(
        f"/projekt/{pid}/validera",
        data={
            "csrf_token": csrf,
            "record_id": record_id,
            "label_id": label,
            "taxonomy_id": "samsjuklighet",
            "beslut": decision,
            "kommentar": comment,
            "annan_etikett": other,
        },
    )
    assert resp.status_code == 303, resp.text


def test_disputed_labels_are_listed_with_every_decision_and_settled_jointly(
    app_ids: tuple[Any, dict[str, Any]], engine: Engine
) -> None:
    app, ids = app_ids
    pid, rec, rec2 = ids["project_id"], ids["record_ids"][0], ids["record_ids"][1]
    decide(app, "granskare1", pid, rec, "accept", "Tydligt om bemötande.")
    decide(app, "granskare2", pid, rec, "reject", "Handlar mer om väntetider.")
    decide(app, "granskare1", pid, rec2, "accept")  # agreed by one judge only: not disputed
    # "other" on another label counts as accepting the proposed one: a dispute on helhet.
    decide(app, "granskare1", pid, rec2, "other", label="tillganglighet", other="helhet")
    decide(app, "granskare2", pid, rec2, "reject", label="helhet")

    coord, csrf = client_for(app, "samordnare1")
    page = coord.get(f"/projekt/{pid}/omstridda")
    assert page.status_code == 200, page.text
    html = page.text
    assert "2 omstridda etiketter" in html
    for text in (
        "Granskare1",
        "granskare1",
        "RSMH Värmland",
        "Attention Karlstad",
        "Tydligt om bemötande.",
        "Handlar mer om väntetider.",
        "föreslogs som annan etikett",
    ):
        assert text in html, text
    assert 'name="csrf_token"' in html

    resp = coord.post(
        f"/projekt/{pid}/omstridda",
        data={
            "csrf_token": csrf,
            "record_id": rec,
            "label_id": "respekt",
            "taxonomy_id": "samsjuklighet",
            "beslut": "reject",
            "kommentar": "Vi enades om väntetider.",
        },
    )
    assert resp.status_code == 303
    assert "Ert gemensamma beslut är sparat." in coord.get(resp.headers["location"]).text
    with session_scope(engine) as s:
        events = s.scalars(select(ValidationEvent).where(ValidationEvent.project_id == pid)).all()
        st = statuses(events)
        assert st[(rec, "samsjuklighet", "respekt")] == "avvisad"
        assert st[(rec2, "samsjuklighet", "helhet")] == "omstridd"
        joint = [e for e in events if e.is_resolution]
        assert len(joint) == 1 and joint[0].actor == "samordnare1" and joint[0].comment == "Vi enades om väntetider."
        # The earlier decisions are kept as they were.
        assert sum(1 for e in events if e.record_id == rec and not e.is_resolution) == 2
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.actor == "samordnare1"))]
        assert "gemensamt_beslut" in actions and "las_svar" in actions
    assert "1 omstridd etikett." in coord.get(f"/projekt/{pid}/omstridda").text

    # A choice is required; no decision is stored without one.
    resp = coord.post(
        f"/projekt/{pid}/omstridda",
        data={"csrf_token": csrf, "record_id": rec2, "label_id": "helhet", "taxonomy_id": "samsjuklighet"},
    )
    assert resp.status_code == 303 and "fel=beslut" in resp.headers["location"]
    # Without the CSRF token nothing is stored.
    resp = coord.post(
        f"/projekt/{pid}/omstridda",
        data={"record_id": rec2, "label_id": "helhet", "taxonomy_id": "samsjuklighet", "beslut": "accept"},
    )
    assert resp.status_code == 403
    with session_scope(engine) as s:
        assert len(s.scalars(select(ValidationEvent).where(ValidationEvent.is_resolution.is_(True))).all()) == 1


def test_validators_and_outsiders_cannot_settle_disputes(app_ids: tuple[Any, dict[str, Any]]) -> None:
    app, ids = app_ids
    pid, rec = ids["project_id"], ids["record_ids"][0]
    validator, csrf = client_for(app, "granskare1")
    assert validator.get(f"/projekt/{pid}/omstridda").status_code == 403
    resp = validator.post(
        f"/projekt/{pid}/omstridda",
        data={
            "csrf_token": csrf,
            "record_id": rec,
            "label_id": "respekt",
            "taxonomy_id": "samsjuklighet",
            "beslut": "accept",
        },
    )
    assert resp.status_code == 403
    outsider, _ = client_for(app, "utomstaende")
    assert outsider.get(f"/projekt/{pid}/omstridda").status_code == 404
    # A record of this project cannot be settled through another project's page.
    coord, csrf = client_for(app, "samordnare1")
    resp = coord.post(
        f"/projekt/{ids['other_project_id']}/omstridda",
        data={
            "csrf_token": csrf,
            "record_id": rec,
            "label_id": "respekt",
            "taxonomy_id": "samsjuklighet",
            "beslut": "accept",
        },
    )
    assert resp.status_code == 404


def _metrics(f1: float, coverage: float) -> dict[str, Any]:
    return {
        "n": 12,
        "micro_f1": f1,
        "macro_f1": f1 - 0.05,
        "coverage": coverage,
        "mean_set_size": 1.4,
        "ece": 0.08,
        "no_label_correct": None,
        "n_no_label": 0,
    }


def test_models_page_trains_compares_and_switches_explicitly(
    app_ids: tuple[Any, dict[str, Any]], engine: Engine
) -> None:
    app, ids = app_ids
    pid = ids["project_id"]
    analyst, csrf = client_for(app, "analytiker1")
    html = analyst.get(f"/projekt/{pid}/modeller").text
    assert "Grundmodellen" in html and "Det finns 0 granskade svar" in html
    assert "/modeller/trana" not in html  # too few examples: no button

    for rec in ids["record_ids"][:11]:
        decide(app, "granskare1", pid, rec, "accept")
    html = analyst.get(f"/projekt/{pid}/modeller").text
    assert "Det finns 11 granskade svar" in html
    resp = analyst.post(f"/projekt/{pid}/modeller/trana", data={"csrf_token": csrf, "taxonomi": "samsjuklighet"})
    assert resp.status_code == 303
    assert "Träningen är startad" in analyst.get(resp.headers["location"]).text
    with session_scope(engine) as s:
        job = s.scalars(select(Job).where(Job.project_id == pid, Job.kind == "traning")).one()
        assert job.status == "vantar" and job.created_by == "analytiker1"
    assert "En träning pågår" in analyst.get(f"/projekt/{pid}/modeller").text

    # What a finished training stores (nlp/jobs.py): a candidate with its metrics.
    with session_scope(engine) as s:
        old = ClassifierVersion(
            project_id=pid,
            taxonomy_id="samsjuklighet",
            version="v1",
            n_examples=30,
            metrics={"korsvaliderade": _metrics(0.61, 0.88)},
            active=True,
        )
        new = ClassifierVersion(
            project_id=pid,
            taxonomy_id="samsjuklighet",
            version="v2",
            n_examples=41,
            metrics={
                "korsvaliderade": _metrics(0.74, 0.91),
                "nuvarande_version": "v1",
                "nuvarande_pa_samma_exempel": _metrics(0.58, 0.93),
            },
            active=False,
        )
        s.add_all([old, new])
        s.flush()
        new_id = new.id
    html = analyst.get(f"/projekt/{pid}/modeller").text
    assert "Version <strong>v1</strong>" in html
    table = re.search(r'<table id="jamforelse-tabell">(.*?)</table>', html, re.S).group(1)
    row = re.search(r"Träffsäkerhet \(F1, alla etiketter\)</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r"(\d+)\u00a0%", row) == ["74", "58", "61"] and "(bättre)" in row
    cov = re.search(r"\(täckning\)</th>(.*?)</tr>", table, re.S).group(1)
    assert "(sämre)" in cov  # 91 % against 93 % on the same answers

    # Nothing switches by itself; the analyst switches explicitly.
    with session_scope(engine) as s:
        assert not s.get(ClassifierVersion, new_id).active
    resp = analyst.post(f"/projekt/{pid}/modeller/{new_id}/aktivera", data={"csrf_token": csrf})
    assert resp.status_code == 303
    html = analyst.get(resp.headers["location"]).text
    assert "Projektet använder nu den valda modellversionen" in html and "Version <strong>v2</strong>" in html
    with session_scope(engine) as s:
        active = s.scalars(select(ClassifierVersion).where(ClassifierVersion.active.is_(True))).all()
        assert [v.version for v in active] == ["v2"]
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "modell_aktiverad")).first() is not None


def test_models_page_is_for_analysts(app_ids: tuple[Any, dict[str, Any]]) -> None:
    app, ids = app_ids
    pid = ids["project_id"]
    coord, csrf = client_for(app, "samordnare1")
    assert coord.get(f"/projekt/{pid}/modeller").status_code == 403
    assert coord.post(f"/projekt/{pid}/modeller/trana", data={"csrf_token": csrf}).status_code == 403
    analyst, csrf = client_for(app, "analytiker1")
    assert analyst.post(f"/projekt/{pid}/modeller/trana", data={"taxonomi": "samsjuklighet"}).status_code == 403
    assert analyst.post(f"/projekt/{pid}/modeller/99999/aktivera", data={"csrf_token": csrf}).status_code == 404


def test_validator_picks_a_theme_and_the_queue_follows_it(app_ids: tuple[Any, dict[str, Any]], engine: Engine) -> None:
    from nlp.store.models import ThemeAssignment

    app, ids = app_ids
    pid, theme = ids["project_id"], ids["theme_ids"]["helhet"]
    client, csrf = client_for(app, "granskare1")
    html = client.get(f"/projekt/{pid}/validera").text
    assert "Där modellen är mest osäker först" in html and f'<option value="{theme}">Tema: ' in html
    with session_scope(engine) as s:
        members = set(s.scalars(select(ThemeAssignment.record_id).where(ThemeAssignment.theme_id == theme)))
    seen, judged = [], set()
    # The seed has two texts per theme; identical answers are judged together, so two
    # judgements go through the theme.
    for _ in range(2):
        html = client.get(f"/projekt/{pid}/validera?tema={theme}").text
        assert f'<option value="{theme}" selected>' in html
        rid = int(re.search(r'name="record_id" value="(\d+)"', html).group(1))
        label = re.search(r'name="foreslagen" value="([^"]+)"', html).group(1)
        group = [int(x) for v in re.findall(r'name="grupp" value="([^"]+)"', html) for x in v.split(",")]
        seen.append(rid)
        judged |= {rid, *group}
        resp = client.post(
            f"/projekt/{pid}/validera",
            data={
                "csrf_token": csrf,
                "record_id": rid,
                "foreslagen": label,
                "etikett": label,
                "grupp": ",".join(map(str, group)),
                "taxonomy_id": "samsjuklighet",
                "beslut": "accept",
                "tema": str(theme),
            },
        )
        assert resp.status_code == 303 and resp.headers["location"].endswith(f"&tema={theme}")
    assert set(seen) <= members and len(set(seen)) == 2 and judged == members
    assert (
        "inga fler svar för dig att granska i det här temat" in client.get(f"/projekt/{pid}/validera?tema={theme}").text
    )
    # An unknown theme id falls back to the default order instead of failing.
    assert client.get(f"/projekt/{pid}/validera?tema=999999").status_code == 200


def test_coordinator_changes_an_actions_status_owner_and_date(
    app_ids: tuple[Any, dict[str, Any]], engine: Engine
) -> None:
    from datetime import date

    from nlp.store.models import Action

    app, ids = app_ids
    pid = ids["project_id"]
    coord, csrf = client_for(app, "samordnare1")
    resp = coord.post(
        f"/projekt/{pid}/atgarder",
        data={"csrf_token": csrf, "rubrik": "Ring tillbaka samma dag", "ansvarig": "Enhetschef", "fas": "plan"},
    )
    assert resp.status_code == 303
    with session_scope(engine) as s:
        aid = s.scalars(select(Action.id)).one()
    html = coord.get(f"/projekt/{pid}/nytt").text
    assert f'action="/projekt/{pid}/atgarder/{aid}"' in html
    resp = coord.post(
        f"/projekt/{pid}/atgarder/{aid}",
        data={
            "csrf_token": csrf,
            "status": "pagar",
            "ansvarig": "Verksamhetsutvecklare",
            "datum": "2027-01-31",
            "fas": "do",
        },
    )
    assert resp.status_code == 303
    page = coord.get(resp.headers["location"]).text
    assert "Åtgärden är uppdaterad." in page
    row = re.search(rf'<tr id="atgard-{aid}">(.*?)</td>', page, re.S).group(0)
    assert "Verksamhetsutvecklare" in row and "2027-01-31" in page
    with session_scope(engine) as s:
        act = s.get(Action, aid)
        assert (act.status, act.owner, act.due_date, act.phase) == (
            "pagar",
            "Verksamhetsutvecklare",
            date(2027, 1, 31),
            "do",
        )
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "atgard_andrad")).first() is not None
    # Bad status: nothing changes, a Swedish message instead.
    resp = coord.post(f"/projekt/{pid}/atgarder/{aid}", data={"csrf_token": csrf, "status": "kanske"})
    assert resp.status_code == 303 and "fel=atgard_andra" in resp.headers["location"]
    assert "Kontrollera status" in coord.get(resp.headers["location"]).text
    # Validators cannot change actions; other projects' actions are not reachable.
    validator, vcsrf = client_for(app, "granskare1")
    assert (
        validator.post(f"/projekt/{pid}/atgarder/{aid}", data={"csrf_token": vcsrf, "status": "klar"}).status_code
        == 403
    )
    admin, acsrf = client_for(app, "admin1")
    assert (
        admin.post(
            f"/projekt/{ids['other_project_id']}/atgarder/{aid}", data={"csrf_token": acsrf, "status": "klar"}
        ).status_code
        == 404
    )
    with session_scope(engine) as s:
        assert s.get(Action, aid).status == "pagar"


def test_erasure_page_confirms_without_echoing_the_id(
    app_ids: tuple[Any, dict[str, Any]], engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from sqlalchemy import func, update

    from nlp.pseudonymise import Pseudonymiser, load_or_create_key
    from nlp.store.models import RecordRow, Tombstone

    app, ids = app_ids
    pid = ids["project_id"]
    raw_id = "19121212-1212"
    victims = ids["record_ids"][3:6]
    with session_scope(engine) as s:
        key = Pseudonymiser(load_or_create_key()).respondent_key(raw_id)
        s.execute(update(RecordRow).where(RecordRow.id.in_(victims)).values(respondent_key=key))
    caplog.set_level(logging.DEBUG)
    analyst, csrf = client_for(app, "analytiker1")
    assert "Radera allt om en respondent" in analyst.get("/projekt").text
    page = analyst.post(f"/projekt/{pid}/radera", data={"csrf_token": csrf, "respondent_id": raw_id})
    assert page.status_code == 200
    assert "3 svar" in page.text and raw_id not in page.text and key not in page.text
    # Without the tick nothing is deleted.
    resp = analyst.post(
        f"/projekt/{pid}/radera/bekrafta", data={"csrf_token": csrf, "respondent_id": raw_id, "n_found": "3"}
    )
    assert resp.status_code == 422 and raw_id not in resp.text
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.id.in_(victims))) == 3
    resp = analyst.post(
        f"/projekt/{pid}/radera/bekrafta",
        data={"csrf_token": csrf, "respondent_id": raw_id, "bekrafta": "ja", "n_found": "3"},
    )
    assert resp.status_code == 200 and "Raderingen är klar: 3 svar" in resp.text and raw_id not in resp.text
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.id.in_(victims))) == 0
        assert s.scalars(select(Tombstone)).one().counts["svar"] == 3
        logged = " ".join(f"{e.details} {e.object_id}" for e in s.scalars(select(AuditEntry)))
    assert raw_id not in logged and key not in logged
    assert raw_id not in caplog.text
    # Coordinators and validators cannot erase.
    for who in ("samordnare1", "granskare1"):
        other, ocsrf = client_for(app, who)
        assert other.get(f"/projekt/{pid}/radera").status_code == 403
        assert (
            other.post(
                f"/projekt/{pid}/radera/bekrafta", data={"csrf_token": ocsrf, "respondent_id": raw_id, "bekrafta": "ja"}
            ).status_code
            == 403
        )


def test_validator_sees_why_the_model_is_unsure(app_ids: tuple[Any, dict[str, Any]], engine: Engine) -> None:
    from nlp.store.models import Classification

    app, ids = app_ids
    client, _ = client_for(app, "granskare1")
    html = client.get(f"/projekt/{ids['project_id']}/validera").text
    rid = int(re.search(r'name="record_id" value="(\d+)"', html).group(1))
    with session_scope(engine) as s:
        c = s.scalars(
            select(Classification).where(Classification.run_id == ids["run_id"], Classification.record_id == rid)
        ).one()
        unsure, reason = c.unsure, c.unsure_reason
    # The queue puts the least certain first: in the seed that is an unsure answer.
    assert unsure and reason == "för stor mängd"
    assert "Varför modellen är osäker: Svaret kan handla om många områden" in html
    with session_scope(engine) as s:
        best = max(s.scalars(select(Suggestion).where(Suggestion.record_id == rid)), key=lambda x: x.probability)
    assert f"(förslag: {confidence_text(best.probability)})" in html  # the one wording of confidence
