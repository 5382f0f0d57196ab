"""Model versions (analysts): retrain from validated labels, compare the new version's
cross-validated metrics with the current version's, switch explicitly.

Training and switching go through the API's own endpoint functions (routers/models.py),
so the page and the API queue the same job and write the same audit entries.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import is_member, verify_csrf
from api.deps import get_db
from api.routers import models as api_models
from api.schemas import RetrainIn
from api.web.queries import label_titles
from api.web.render import deny, render, web_user
from nlp.store.models import ClassifierVersion, Job, Project, User

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


def _project(request: Request, db: Session, user: User, project_id: int) -> Project | Response:
    project = db.get(Project, project_id)
    if project is None or not is_member(db, user, project_id):
        return deny(request, user, "Projektet finns inte, eller så har du inte tillgång till det.", 404)
    if user.role not in TRAINERS:
        return deny(request, user, "Modellversioner hanteras av analytiker.")
    return project


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
        rows.append({"key": key, "text": text, "new": fmt(key, a), "current_same": fmt(key, b),
                     "active_cv": fmt(key, old.get(key)), "better": better})
    return rows


@router.get("/projekt/{project_id}/modeller", response_class=HTMLResponse)
def models_page(project_id: int, request: Request, user: User = Depends(web_user),
                db: Session = Depends(get_db)) -> Response:
    project = _project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    from nlp.pipeline import MIN_TRAINING_EXAMPLES, validated_examples
    from nlp.taxonomy import list_taxonomies

    versions = list(db.scalars(select(ClassifierVersion).where(ClassifierVersion.project_id == project.id)
                               .order_by(ClassifierVersion.id.desc())))
    taxonomies = list_taxonomies()
    taxonomy = request.query_params.get("taxonomi") or "samsjuklighet"
    if taxonomy not in taxonomies:
        taxonomy = taxonomies[0] if taxonomies else "samsjuklighet"
    mine = [v for v in versions if v.taxonomy_id == taxonomy]
    active = next((v for v in mine if v.active), None)
    newest = mine[0] if mine else None
    # Counted through the worker's own function: exactly the examples a training would use.
    n_examples = len({e["record_id"] for e in validated_examples(db.get_bind(), project.id, taxonomy)})
    jobs = list(db.scalars(select(Job).where(Job.project_id == project.id, Job.kind == "traning")
                           .order_by(Job.id.desc()).limit(5)))
    running = any(j.status in ("vantar", "pagar") for j in jobs)
    return render(
        request, "modeller.html", user=user, title="Modellversioner", active="/projekt", project=project,
        taxonomy=taxonomy, taxonomy_title=label_titles(taxonomy)[0], taxonomies=taxonomies,
        versions=mine, active_version=active, newest=newest,
        rows=comparison(newest, active) if newest else [], n_examples=n_examples,
        min_examples=MIN_TRAINING_EXAMPLES, jobs=jobs, running=running,
    )


@router.post("/projekt/{project_id}/modeller/trana", dependencies=[Depends(verify_csrf)])
def train_submit(project_id: int, request: Request, taxonomi: str = Form("samsjuklighet"),
                 user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    project = _project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    try:
        body = RetrainIn(taxonomy=taxonomi)
        api_models.train(body=body, request=request, project=project, user=user, db=db)
    except ValidationError:
        return deny(request, user, "Okänd taxonomi.", 422)
    except HTTPException as exc:
        return deny(request, user, str(exc.detail), exc.status_code)
    return RedirectResponse(f"/projekt/{project_id}/modeller?taxonomi={quote(taxonomi)}&meddelande=traning",
                            status_code=303)


@router.post("/projekt/{project_id}/modeller/{version_id}/aktivera", dependencies=[Depends(verify_csrf)])
def activate_submit(project_id: int, version_id: int, request: Request, user: User = Depends(web_user),
                    db: Session = Depends(get_db)) -> Response:
    project = _project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    if not 1 <= version_id < 2**31:
        return deny(request, user, "Modellversionen finns inte i projektet.", 404)
    try:
        version = api_models.activate(version_id=version_id, project=project, user=user, db=db)
    except HTTPException as exc:
        return deny(request, user, str(exc.detail), exc.status_code)
    return RedirectResponse(f"/projekt/{project_id}/modeller?taxonomi={quote(version.taxonomy_id)}&meddelande=aktiverad",
                            status_code=303)
