"""Validator pages: one answer at a time, the suggestion in plain words, four decisions.

The queue, the decision and the agreement figures come from the validation service
(api/services/validation.py) the API uses too: one implementation (same ordering, same
audit entries, same events).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.auth import verify_csrf
from api.deps import DB
from api.schemas import DecisionIn
from api.services import validation
from api.services.projects import visible_projects
from api.web.queries import SOURCE_TEXT, latest_run, run_label_titles, themes_for_run
from api.web.render import (
    JudgedLabelForm,
    WebUser,
    deny,
    no_finished_run,
    page_project,
    page_run,
    render,
)
from nlp.core import OTHER_THEME
from nlp.store.models import Classification, Project, Suggestion, User, ValidationEvent
from nlp.validation_status import expand, verdict

router = APIRouter()
JUDGES = ("validator", "analyst", "coordinator", "admin")
JUDGE_REFUSAL = "Din roll kan inte granska förslag."
# Why the classifier marked an answer "osäker" (Classification.unsure_reason), in plain words.
UNSURE_TEXT = {
    "utanför ämnet": "Svaret verkar inte handla om något av områdena.",
    "tom mängd": "Modellen kunde inte föreslå något område med tillräcklig säkerhet.",
    "för stor mängd": "Svaret kan handla om många områden, så modellen kan inte välja.",
}


def _judge_project(db: Session, user: User, project_id: int) -> Project:
    return page_project(db, user, project_id, JUDGES, JUDGE_REFUSAL)


@router.get("/validera", response_class=HTMLResponse)
def choose_project(request: Request, user: WebUser, db: DB) -> Response:
    projects = [p for p in visible_projects(db, user, order_by_name=True) if latest_run(db, p.id) is not None]
    if len(projects) == 1:
        return RedirectResponse(f"/projekt/{projects[0].id}/validera", status_code=303)
    return render(
        request, "validera_val.html", user=user, title="Granska förslag", projects=projects, active="/validera"
    )


def my_agreement(db: Session, project_id: int, user: User) -> dict[str, Any]:
    """How this judge's latest verdicts compare with other judges' on the same answers."""
    latest: dict[tuple[int, str, str, Any], Any] = {}
    events = db.scalars(
        select(ValidationEvent)
        .where(
            ValidationEvent.project_id == project_id,
            ValidationEvent.record_id.is_not(None),
            ValidationEvent.is_resolution.is_(False),
        )
        .order_by(ValidationEvent.id)
    ).all()
    # Same rules as the API: the latest decision per judge; "other" accepts the proposed labels.
    for e in expand(events):
        latest[(e.record_id, e.taxonomy_id, e.label_id, e.user_id or e.actor)] = e
    by_item: dict[tuple[int, str, str], dict[Any, int]] = defaultdict(dict)
    for (rid, tax, lab, who), e in latest.items():
        v = verdict(e.decision)
        if v is not None:
            by_item[(rid, tax, lab)][who] = v
    me = user.id
    pairs = agree = items = 0
    for judges in by_item.values():
        if me not in judges or len(judges) < 2:
            continue
        items += 1
        for who, v in judges.items():
            if who != me:
                pairs += 1
                agree += v == judges[me]
    return {"n_items": items, "pairs": pairs, "share": agree / pairs if pairs else None}


def _evidence(raw: Any, titles: dict[str, str], shown: str | None) -> list[str]:
    """Plain-language lines from the classifier's evidence: per label the words that drove
    it and the most similar validated examples (format of nlp/classify/evidence.py); the shown
    label's evidence first."""
    items = [i for i in (raw or []) if isinstance(i, dict)]
    items.sort(key=lambda i: i.get("label") != shown)
    lines: list[str] = []
    for item in items:
        title = titles.get(str(item.get("label")), str(item.get("label") or ""))
        words = [str(w) for w in item.get("words") or []]
        if words:
            lines.append(f"Ord i svaret som pekar mot ”{title}”: {', '.join(words)}")
        for ex in item.get("examples") or []:
            if isinstance(ex, dict) and ex.get("text"):
                sim = ex.get("similarity")
                extra = f" (likhet {float(sim):.2f})".replace(".", ",") if isinstance(sim, (int, float)) else ""
                lines.append(f"Liknande granskat svar om ”{title}”: {ex['text']}{extra}")
    return lines[:6]


@router.get("/projekt/{project_id}/validera", response_class=HTMLResponse)
def validate_page(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project, run = page_run(db, user, project_id, JUDGES, JUDGE_REFUSAL)
    if run is None:
        return no_finished_run(request, user, "Inget att granska")
    # The queue's order: the model's least certain first (active learning), or one theme.
    themes = [t for t in themes_for_run(db, run, examples=0) if t.topic != OTHER_THEME]
    theme_id = _theme_param(request.query_params.get("tema"), {t.id for t in themes})
    order = "tema" if theme_id is not None else "osakerhet"
    q = validation.queue(db, user, project, order=order, run_id=run.id, theme_id=theme_id, limit=1)
    item = q["items"][0] if q["items"] else None
    tax_title, titles = run_label_titles(run)  # the taxonomy the run was classified with
    context: dict[str, Any] = {}
    if item is not None:
        suggestions = item["suggestions"]
        best = suggestions[0] if suggestions else None
        ev, reason = db.execute(
            select(Classification.evidence, Classification.unsure_reason).where(
                Classification.run_id == run.id, Classification.record_id == item["record"]["id"]
            )
        ).first() or (None, None)
        rec = item["record"]
        context = {
            "unsure_reason": UNSURE_TEXT.get(reason or "") if item["unsure"] else None,
            "item": rec,
            "best": best,
            "unsure": item["unsure"],
            # Other labels in the prediction set, if they are plausible at all (a long tail
            # of 3–5 % suggestions is noise for a human judge).
            "others": [s for s in suggestions[1:] if s["in_prediction_set"] and s["probability"] >= 0.15][:3],
            "evidence": _evidence(ev, titles, best["label_id"] if best else None),
            "period": month_of(rec.get("date")),
            "source": SOURCE_TEXT.get(rec.get("source_type") or "", rec.get("source_type")),
        }
    judged = (
        db.scalar(
            select(func.count(func.distinct(ValidationEvent.record_id))).where(
                ValidationEvent.project_id == project.id,
                ValidationEvent.user_id == user.id,
                ValidationEvent.taxonomy_id == (run.taxonomy_id or ""),
            )
        )
        or 0
    )
    total = db.scalar(select(func.count(func.distinct(Suggestion.record_id))).where(Suggestion.run_id == run.id)) or 0
    agreement = validation.agreement(db, project.id, "validator", run.taxonomy_id)
    by_org = validation.agreement(db, project.id, "organisation", run.taxonomy_id)
    return render(
        request,
        "validera.html",
        user=user,
        title="Granska förslag",
        active="/validera",
        project=project,
        run=run,
        titles=titles,
        taxonomy_title=tax_title,
        judged=judged,
        total=total,
        mine=my_agreement(db, project.id, user),
        agreement=agreement["labels"],
        by_org=by_org["labels"],
        error=request.query_params.get("fel") and "Välj vilken annan etikett som passar bättre.",
        themes=themes,
        theme_id=theme_id,
        order=order,
        **context,
    )


def _theme_param(value: str | None, known: set[int]) -> int | None:
    """A theme id from the query string, only if it is one of the run's themes."""
    if value and value.isdigit() and int(value) in known:
        return int(value)
    return None


def _queue_query(tema: str) -> str:
    return f"&tema={int(tema)}" if tema.isdigit() and int(tema) < 2**31 else ""


def month_of(value: Any) -> str | None:
    if not value:
        return None
    return str(value)[:7]


@router.post("/projekt/{project_id}/validera", dependencies=[Depends(verify_csrf)])
def validate_submit(
    project_id: int,
    request: Request,
    user: WebUser,
    db: DB,
    label: JudgedLabelForm,
    beslut: str = Form(...),
    annan_etikett: str = Form(""),
    kommentar: str = Form(""),
    tema: str = Form(""),
) -> Response:
    _judge_project(db, user, project_id)
    if beslut not in ("accept", "reject", "other", "unsure"):
        return deny(request, user, "Okänt beslut.", 400)
    if beslut == "other" and not annan_etikett:
        return RedirectResponse(f"/projekt/{project_id}/validera?fel=annan{_queue_query(tema)}", status_code=303)
    body = DecisionIn(
        label_id=label.label_id,
        taxonomy_id=label.taxonomy_id,
        decision=beslut,
        other_labels=[annan_etikett] if beslut == "other" else [],
        comment=kommentar.strip() or None,
    )
    validation.decide(db, user, label.record_id, **body.model_dump())
    return RedirectResponse(f"/projekt/{project_id}/validera?meddelande=sparat{_queue_query(tema)}", status_code=303)
