"""The service layer (api/services) on a real database, without HTTP: each service takes a
session and plain arguments, returns rows or plain data, and raises the project's errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from api.services import (
    accounts,
    erasure,
    insights,
    jobs,
    models,
    projects,
    residual,
    themes,
    validation,
)
from api.services.errors import Conflict, Forbidden, Invalid, NotFound, ServiceError
from nlp.store import make_session_factory
from nlp.store.models import (
    AuditEntry,
    ClassifierVersion,
    Job,
    Project,
    ThemeEdit,
    User,
    ValidationEvent,
)
from tests.browser.seed import seed

STRONG = "en lång och ovanlig fras 42"


@pytest.fixture
def world(engine: Engine) -> Iterator[tuple[Session, dict[str, Any]]]:
    ids = seed(engine)
    db = make_session_factory(engine)()
    try:
        yield db, ids
    finally:
        db.close()


def user(db: Session, name: str) -> User:
    return db.scalar(select(User).where(User.username == name))


def as_member(db: Session, ids: dict[str, Any], name: str) -> tuple[User, Project]:
    """A user of the seeded project and that project, reached as they reach it."""
    who = user(db, name)
    return who, projects.ensure_project_access(db, who, ids["project_id"])


def actions(db: Session) -> list[str]:
    return list(db.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_errors_carry_swedish_messages_and_their_status() -> None:
    assert issubclass(NotFound, ServiceError) and NotFound("x").status == 404
    assert (Invalid("x").status, Conflict("x").status, Forbidden("x").status) == (422, 409, 403)
    assert NotFound("Finns inte.").message == "Finns inte."


def test_accounts_create_check_and_deactivate(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    admin = user(db, "admin1")
    with pytest.raises(Invalid, match="organisation"):
        accounts.create_user(db, username="ny", password=STRONG, role="validator")
    with pytest.raises(Invalid, match="minst"):
        accounts.create_user(db, username="ny", password="kort", role="analyst")
    with pytest.raises(Conflict):
        accounts.create_user(db, username="admin1", password=STRONG, role="analyst")
    db.rollback()
    new = accounts.register_user(
        db, admin, username="ny", password=STRONG, role="analyst", project_ids=[ids["project_id"]]
    )
    assert projects.is_member(db, new, ids["project_id"])
    assert not projects.is_member(db, new, ids["other_project_id"])
    with pytest.raises(Conflict):
        accounts.deactivate_user(db, admin, admin.id)
    assert accounts.deactivate_user(db, admin, new.id).active is False
    assert actions(db)[-2:] == ["anvandare_skapad", "anvandare_inaktiverad"]


def test_account_summary_lists_own_projects(world: tuple[Session, dict[str, Any]]) -> None:
    db, _ = world
    summary = accounts.account_summary(db, user(db, "utomstaende"))
    assert [p.name for p in summary.projects] == ["Annat projekt"]
    assert summary.active_tokens == 0


def test_projects_hide_what_the_user_may_not_reach(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    outsider = user(db, "utomstaende")
    with pytest.raises(NotFound):
        projects.ensure_project_access(db, outsider, ids["project_id"])
    with pytest.raises(NotFound, match="Jobbet"):
        projects.project_of_object(db, outsider, ids["project_id"], "Jobbet finns inte.")
    assert [p.id for p in projects.visible_projects(db, outsider)] == [ids["other_project_id"]]
    with pytest.raises(Conflict):
        projects.create_project(db, user(db, "admin1"), "demo", "Igen")


def test_validation_decide_resolve_and_agreement(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    g1, g2, analyst = user(db, "granskare1"), user(db, "granskare2"), user(db, "analytiker1")
    rid = ids["record_ids"][0]
    with pytest.raises(Invalid, match="Etiketten"):
        validation.decide(db, g1, rid, taxonomy_id="samsjuklighet", label_id="finns-ej", decision="accept")
    with pytest.raises(NotFound):
        validation.decide(
            db, user(db, "utomstaende"), rid, taxonomy_id="samsjuklighet", label_id="tillganglighet", decision="accept"
        )
    lab = "tillganglighet"
    validation.decide(db, g1, rid, taxonomy_id="samsjuklighet", label_id=lab, decision="accept")
    validation.decide(db, g2, rid, taxonomy_id="samsjuklighet", label_id=lab, decision="reject")
    status = validation.label_status(db, ids["project_id"], "omstridd")
    assert status["items"] == [
        {"record_id": rid, "taxonomy_id": "samsjuklighet", "label_id": lab, "status": "omstridd"}
    ]
    with pytest.raises(NotFound, match="i projektet"):
        validation.resolve(
            db,
            analyst,
            rid,
            taxonomy_id="samsjuklighet",
            label_id=lab,
            decision="accept",
            project_id=ids["other_project_id"],
        )
    event = validation.resolve(db, analyst, rid, taxonomy_id="samsjuklighet", label_id=lab, decision="accept")
    assert event.is_resolution
    agreement = validation.agreement(db, ids["project_id"])
    row = next(r for r in agreement["labels"] if r["label_id"] == lab)
    assert row["n_items"] == 1 and row["raw_agreement"] == 0.0
    # A validator sees their own organisation's decisions only.
    assert [e.user_id for e in validation.decisions(db, g1, rid)] == [g1.id]


def test_validation_queue_skips_what_the_judge_has_done(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    g1, project = as_member(db, ids, "granskare1")
    first = validation.queue(db, g1, project, limit=1)["items"][0]["record"]["id"]
    validation.decide(db, g1, first, taxonomy_id="samsjuklighet", label_id="respekt", decision="unsure")
    assert validation.queue(db, g1, project, limit=1)["items"][0]["record"]["id"] != first
    with pytest.raises(Invalid):
        validation.queue(db, g1, project, order="tema")
    assert db.scalar(select(ValidationEvent.decision)) == "unsure"


def test_insights_check_evidence_and_actions_stay_in_their_project(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    coord, project = as_member(db, ids, "samordnare1")
    with pytest.raises(Invalid, match="svar"):
        insights.create_insight(db, coord, project, title="X", record_ids=[2**30])
    ins = insights.create_insight(
        db, coord, project, title="Telefontider", theme_ids=[ids["theme_ids"]["tillganglighet"]]
    )
    act = insights.create_action(
        db, coord, project, {"title": "Fler telefontider", "owner": "Enhetschef", "insight_id": ins.id}
    )
    with pytest.raises(NotFound, match="i projektet"):
        insights.update_action(db, coord, act.id, {"status": "klar"}, project_id=ids["other_project_id"])
    assert insights.update_action(db, coord, act.id, {"status": "pagar", "owner": None}).owner == "Enhetschef"
    assert [i.id for i in insights.list_insights(db, project.id)] == [ins.id]


def test_theme_edits_are_stored_as_refit_data(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    coord, project = as_member(db, ids, "samordnare1")
    t = ids["theme_ids"]
    with pytest.raises(Invalid):
        themes.name_theme(db, coord, project, t["respekt"], "  ")
    with pytest.raises(NotFound):
        themes.name_theme(db, coord, project, 2**30, "Namn")
    with pytest.raises(Invalid, match="två"):
        themes.merge_themes(db, coord, project, [t["respekt"]])
    row = themes.name_theme(db, coord, project, t["respekt"], "Bemötande")
    assert row.kind == "namn" and row.payload["run_id"] == ids["run_id"] and row.member_record_ids
    themes.merge_themes(db, coord, project, [t["respekt"], t["helhet"]], "Vård")
    assert [e.kind for e in themes.list_edits(db, project.id)] == ["namn", "sammanfoga", "namn"]
    assert db.scalar(select(ThemeEdit.actor)) == "samordnare1"


def test_models_train_request_and_activation(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    analyst, project = as_member(db, ids, "analytiker1")
    with pytest.raises(Invalid, match="taxonomi"):
        models.request_training(db, analyst, project, "finns-inte")
    job = models.request_training(db, analyst, project, "samsjuklighet")
    assert (job.kind, job.status) == ("traning", "vantar")
    v1, v2 = (
        ClassifierVersion(
            project_id=project.id,
            taxonomy_id="samsjuklighet",
            version=n,
            path="x",
            metrics={},
            active=False,
            created_by="t",
        )
        for n in ("v1", "v2")
    )
    db.add_all([v1, v2])
    db.commit()
    models.activate(db, analyst, project, v1.id)
    models.activate(db, analyst, project, v2.id)
    db.refresh(v1)
    assert (v1.active, v2.active) == (False, True)
    assert models.overview(db, project.id)["jamforelse"][0]["aktiv"].id == v2.id
    with pytest.raises(NotFound):
        models.activate(db, analyst, project, 2**30)


def test_jobs_start_only_an_uploaded_job(world: tuple[Session, dict[str, Any]], tmp_path: Path) -> None:
    db, ids = world
    analyst = user(db, "analytiker1")
    upload = tmp_path / "jobb-1"
    upload.mkdir()
    (upload / "export.csv").write_text(
        "id;Vad kan bli bättre?\n1;Längre öppettider\n2;Mer personal\n", encoding="utf-8"
    )
    job = Job(
        project_id=ids["project_id"],
        kind="analys",
        status="uppladdad",
        upload_path=str(upload),
        created_by="analytiker1",
    )
    db.add(job)
    db.commit()
    with pytest.raises(NotFound):
        jobs.job_for(db, user(db, "utomstaende"), job.id)
    with pytest.raises(Invalid):
        jobs.start(db, analyst, job.id, taxonomy="finns-inte")
    db.rollback()
    started = jobs.start(db, analyst, job.id, taxonomy="samsjuklighet")
    assert started.status == "vantar" and started.params["text_columns"] == ["Vad kan bli bättre?"]
    with pytest.raises(Conflict, match="startas"):
        jobs.start(db, analyst, job.id)
    with pytest.raises(Conflict, match="avbrytas"):
        jobs.cancel(db, analyst, job.id)


def test_residual_risk_is_per_import_and_audited(world: tuple[Session, dict[str, Any]]) -> None:
    db, ids = world
    admin = user(db, "admin1")
    with pytest.raises(NotFound, match="i projektet"):
        residual.import_for(db, admin, ids["import_id"], ids["other_project_id"])
    with pytest.raises(NotFound):
        residual.summary(db, user(db, "utomstaende"), ids["import_id"])
    assert [s["import_id"] for s in residual.project_summaries(db, ids["project_id"])] == [ids["import_id"]]
    residual.tokens(db, admin, residual.import_for(db, admin, ids["import_id"]))
    assert actions(db)[-1] == "visa_restrisk"


def test_erasure_refuses_when_the_key_of_earlier_imports_is_missing(world: tuple[Session, dict[str, Any]]) -> None:
    """The seeded imports were made with a key this test does not have: nothing is counted or
    deleted, and the reason says what to do (never a new key by itself)."""
    db, ids = world
    analyst, project = as_member(db, ids, "analytiker1")
    with pytest.raises(Conflict, match="Nyckeln"):
        erasure.count(db, project, "r1")
    with pytest.raises(Conflict, match="Nyckeln"):
        erasure.erase(db, analyst, project, "r1")
    assert len(validation.queue(db, analyst, project, limit=200)["items"]) == 200
