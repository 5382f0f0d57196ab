"""Model versions (analysts): retrain from validated labels, compare the new version's
cross-validated metrics with the current version's, switch explicitly.

Training and switching go through the model service the API uses too
(api/services/models.py), so the page and the API queue the same job and write the same
audit entries.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from api.auth import verify_csrf
from api.deps import DB, wake_worker
from api.schemas import RetrainIn
from api.services import jobs as jobs_service
from api.services import models
from api.web.render import WebUser, deny, page_project, render
from nlp.pipeline import MIN_TRAINING_EXAMPLES, TRAINING_STAGES
from nlp.store import current_project_taxonomy, project_taxonomy_choices
from nlp.store.models import ClassifierVersion, Project, User

router = APIRouter()
TRAINERS = ("analyst", "admin")

# Headline metrics in the order and words the page shows; True = higher is better.
METRICS: list[tuple[str, str, bool]] = [
    ("micro_f1", "Träffsäkerhet (F1, alla etiketter)", True),
    ("macro_f1", "Träffsäkerhet per etikett i snitt (makro-F1)", True),
    ("coverage", "Rätt etikett finns bland förslagen (täckning)", True),
    ("mean_set_size", "Antal förslag per svar i snitt", False),
    ("ece", "Kalibreringsfel (hur väl säkerheten stämmer)", False),
    ("no_label_correct", "Svar utan etikett som lämnas utan förslag", True),
]
PERCENT = {"micro_f1", "macro_f1", "coverage", "ece", "no_label_correct"}


def _trainer_project(db: Session, user: User, project_id: int) -> Project:
    return page_project(db, user, project_id, TRAINERS, "Modellversioner hanteras av analytiker.")


def fmt(key: str, value: Any) -> str:
    if not isinstance(value, (int, float)):
        return "–"
    if key in PERCENT:
        return f"{value * 100:.0f}\u00a0%"
    return f"{value:.1f}".replace(".", ",")


def comparison(candidate: ClassifierVersion, active: ClassifierVersion | None) -> list[dict[str, Any]]:
    """Rows: the candidate's cross-validated metric, the active version's own cross-validated
    metric, and the current model on the candidate's examples (as stored at training)."""
    m = candidate.metrics or {}
    new = m.get("korsvaliderade") or {}
    same = m.get("nuvarande_pa_samma_exempel") or {}
    old = ((active.metrics or {}).get("korsvaliderade") or {}) if active and active.id != candidate.id else {}
    rows = []
    for key, text, higher in METRICS:
        a, b = new.get(key), same.get(key)
        better = None
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) > 1e-9:
            better = (a > b) == higher
        rows.append(
            {
                "key": key,
                "text": text,
                "new": fmt(key, a),
                "current_same": fmt(key, b),
                "active_cv": fmt(key, old.get(key)),
                "better": better,
            }
        )
    return rows


@router.get("/projekt/{project_id}/modeller", response_class=HTMLResponse)
def models_page(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project = _trainer_project(db, user, project_id)
    versions = models.versions(db, project.id, newest_first=True)
    choices = dict(project_taxonomy_choices(db, project.id))  # the project's own first
    own = current_project_taxonomy(db, project.id)
    default = own.taxonomy_id if own else "samsjuklighet"
    taxonomy = request.query_params.get("taxonomi") or default
    if taxonomy not in choices:
        taxonomy = default if default in choices else next(iter(choices), default)
    mine = [v for v in versions if v.taxonomy_id == taxonomy]
    active = next((v for v in mine if v.active), None)
    newest = mine[0] if mine else None
    n_examples = models.n_training_examples(db, project.id, taxonomy)
    jobs = models.training_jobs(db, project.id)
    running = any(j.status in ("vantar", "pagar") for j in jobs)
    return render(
        request,
        "modeller.html",
        user=user,
        title="Modellversioner",
        active="/projekt",
        project=project,
        taxonomy=taxonomy,
        taxonomy_title=choices.get(taxonomy, taxonomy),
        taxonomies=list(choices),
        versions=mine,
        active_version=active,
        newest=newest,
        rows=comparison(newest, active) if newest else [],
        n_examples=n_examples,
        min_examples=MIN_TRAINING_EXAMPLES,
        jobs=jobs,
        running=running,
        # Stage and n of N of a running training, fresher than the job row.
        live={j.id: p for j in jobs if (p := jobs_service.progress(j)) is not None},
        training_stages=TRAINING_STAGES,
    )


@router.post("/projekt/{project_id}/modeller/trana", dependencies=[Depends(verify_csrf)])
def train_submit(
    project_id: int, request: Request, user: WebUser, db: DB, taxonomi: str = Form("samsjuklighet")
) -> Response:
    project = _trainer_project(db, user, project_id)
    try:
        body = RetrainIn(taxonomy=taxonomi)
    except ValidationError:
        return deny(request, user, "Okänd taxonomi.", 422)
    models.request_training(db, user, project, body.taxonomy)
    wake_worker(request)
    return RedirectResponse(
        f"/projekt/{project_id}/modeller?taxonomi={quote(taxonomi)}&meddelande=traning", status_code=303
    )


@router.post("/projekt/{project_id}/modeller/{version_id}/aktivera", dependencies=[Depends(verify_csrf)])
def activate_submit(project_id: int, version_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project = _trainer_project(db, user, project_id)
    version = models.activate(db, user, project, version_id)
    return RedirectResponse(
        f"/projekt/{project_id}/modeller?taxonomi={quote(version.taxonomy_id)}&meddelande=aktiverad", status_code=303
    )
