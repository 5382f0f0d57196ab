"""Coordinator pages: what is new or growing, the answers behind it, naming/merging/
splitting themes, and recording insights and actions (IAIA, PDSA).

Theme edits, insights and actions are written by the API's own endpoint functions
(routers/themes.py, routers/insights.py), so pages and API store the same rows (theme
edits in the format nlp/themes/edits.py applies on a refit) and the same audit entries.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import is_member, verify_csrf
from api.deps import audit, get_db
from api.routers import insights as api_insights
from api.routers import themes as api_themes
from api.schemas import ActionIn, ActionPatch, InsightIn, ThemeMergeIn, ThemeNameIn, ThemeSplitIn
from api.web.queries import ThemeView, month, theme_answers, theme_chart, themes_for_run, latest_run
from api.web.render import deny, render, web_user
from nlp.config import get_settings
from nlp.store.models import (
    Action,
    AnalysisRun,
    Insight,
    Project,
    RecordRow,
    ThemeAssignment,
    User,
)

router = APIRouter()
EDITORS = ("coordinator", "analyst", "admin")
RECENT_MONTHS = 3  # "this period": the last three months with answers


def _project(request: Request, db: Session, user: User, project_id: int) -> Project | HTMLResponse:
    project = db.get(Project, project_id)
    if project is None or not is_member(db, user, project_id):
        return deny(request, user, "Projektet finns inte, eller så har du inte tillgång till det.", 404)
    return project


def growth(db: Session, run: AnalysisRun, themes: list[ThemeView]) -> tuple[list[str], dict[int, dict[str, Any]]]:
    """Share of each theme in the recent months against the months before."""
    months = sorted({m for (d,) in db.execute(
        select(RecordRow.date).where(RecordRow.import_id == run.import_id, RecordRow.date.is_not(None))
    ) if (m := month(d))})
    recent = set(months[-RECENT_MONTHS:])
    totals: Counter[bool] = Counter()
    for (d,) in db.execute(select(RecordRow.date).where(RecordRow.import_id == run.import_id,
                                                        RecordRow.date.is_not(None))):
        totals[month(d) in recent] += 1
    out: dict[int, dict[str, Any]] = {}
    ids = [t.id for t in themes]
    hits: dict[int, Counter[bool]] = {i: Counter() for i in ids}
    for tid, d in db.execute(
        select(ThemeAssignment.theme_id, RecordRow.date).join(RecordRow, RecordRow.id == ThemeAssignment.record_id)
        .where(ThemeAssignment.theme_id.in_(ids), RecordRow.date.is_not(None))
    ):
        hits[tid][month(d) in recent] += 1
    for tid in ids:
        now = hits[tid][True] / totals[True] if totals[True] else 0.0
        before = hits[tid][False] / totals[False] if totals[False] else 0.0
        out[tid] = {"now": now, "before": before, "n_now": hits[tid][True], "change": now - before}
    return sorted(recent), out


@router.get("/projekt/{project_id}/nytt", response_class=HTMLResponse)
def whats_new(project_id: int, request: Request, user: User = Depends(web_user),
              db: Session = Depends(get_db)) -> Response:
    project = _project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    run = latest_run(db, project.id)
    if run is None:
        return render(request, "fel.html", user=user, title="Ingen analys ännu",
                      text="Projektet har ingen färdig analys ännu.")
    threshold = get_settings().suppression_threshold
    themes = [t for t in themes_for_run(db, run, examples=0) if t.topic != -1 and t.size >= threshold]
    recent, g = growth(db, run, themes)
    # Emerging (flagged by the themes stage against its control limits) first, then growth.
    ordered = sorted(themes, key=lambda t: (t.emerging is None, -g[t.id]["change"]))
    highlighted = [t for t in ordered if t.emerging or g[t.id]["change"] > 0.02][:4]
    since = date.fromisoformat(recent[0] + "-01") if recent else None
    details = []
    for t in highlighted:
        answers = theme_answers(db, t.id, since=since, limit=5)
        details.append({"theme": t, "growth": g[t.id], "chart": theme_chart(db, t, run), "answers": answers})
    if details:
        audit(db, user, "las_svar", "project", project.id, via="nytt_och_vaxande",
              record_ids=[a.record_id for d in details for a in d["answers"]])
        db.commit()
    insights = db.scalars(select(Insight).where(Insight.project_id == project.id).order_by(Insight.id.desc())).all()
    actions = db.scalars(select(Action).where(Action.project_id == project.id).order_by(Action.id.desc())).all()
    theme_title = {t.id: t.title for t in themes}
    return render(
        request, "nytt.html", user=user, title="Nytt och växande", project=project, run=run,
        recent=recent, details=details, themes=ordered, growth=g, insights=insights, actions=actions,
        theme_title=theme_title, can_edit=user.role in EDITORS, active="/projekt",
        error={"namn": "Skriv ett namn på temat.", "sammanfoga": "Välj minst två teman att sammanfoga.",
               "insikt": "Insikten behöver en rubrik.", "atgard": "Åtgärden behöver en rubrik och en ansvarig.",
               "atgard_andra": "Kontrollera status, ansvarig och datum för åtgärden.",
               "dela": "Temat kan inte delas."}
        .get(request.query_params.get("fel", "")),
    )


def _editor(request: Request, db: Session, user: User, project_id: int) -> Project | HTMLResponse:
    project = _project(request, db, user, project_id)
    if isinstance(project, Project) and user.role not in EDITORS:
        return deny(request, user, "Din roll kan inte ändra teman eller skriva insikter.")
    return project


def _theme_edit(request: Request, user: User, project_id: int, call: Any, ok: str, fel: str) -> Response:
    """Run one of the API's theme-edit functions; its Swedish errors become pages."""
    try:
        call()
    except HTTPException as exc:
        if exc.status_code == 422:
            return RedirectResponse(f"/projekt/{project_id}/nytt?fel={fel}", status_code=303)
        return deny(request, user, str(exc.detail), exc.status_code)
    return RedirectResponse(f"/projekt/{project_id}/nytt?meddelande={ok}", status_code=303)


@router.post("/projekt/{project_id}/teman/{theme_id}/namn", dependencies=[Depends(verify_csrf)])
def name_theme(project_id: int, theme_id: int, request: Request, namn: str = Form(""),
               user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    project = _editor(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    if api_themes.theme_in_project(db, project.id, theme_id) is None:
        return deny(request, user, "Temat finns inte i projektet.", 404)
    try:
        body = ThemeNameIn(name=namn.strip()[:200])
    except ValidationError:
        return RedirectResponse(f"/projekt/{project_id}/nytt?fel=namn#tema-{theme_id}", status_code=303)
    return _theme_edit(request, user, project_id, lambda: api_themes.name_theme(
        theme_id=theme_id, body=body, project=project, user=user, db=db), "namngivet", "namn")


@router.post("/projekt/{project_id}/teman/sammanfoga", dependencies=[Depends(verify_csrf)])
async def merge_themes(project_id: int, request: Request, user: User = Depends(web_user),
                       db: Session = Depends(get_db)) -> Response:
    form = await request.form()
    ids = sorted({int(v) for v in form.getlist("tema") if str(v).isdigit() and 0 < int(v) < 2**31})
    name = str(form.get("namn") or "").strip()[:200]

    def merge() -> Response:
        project = _editor(request, db, user, project_id)
        if not isinstance(project, Project):
            return project
        try:
            body = ThemeMergeIn(theme_ids=ids, name=name or None)
        except ValidationError:
            return RedirectResponse(f"/projekt/{project_id}/nytt?fel=sammanfoga#sammanfoga", status_code=303)
        return _theme_edit(request, user, project_id, lambda: api_themes.merge_themes(
            body=body, project=project, user=user, db=db), "sammanfogat", "sammanfoga")

    return await run_in_threadpool(merge)


@router.post("/projekt/{project_id}/teman/{theme_id}/dela", dependencies=[Depends(verify_csrf)])
def split_theme(project_id: int, theme_id: int, request: Request, notering: str = Form(""),
                user: User = Depends(web_user), db: Session = Depends(get_db)) -> Response:
    project = _editor(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    if api_themes.theme_in_project(db, project.id, theme_id) is None:
        return deny(request, user, "Temat finns inte i projektet.", 404)
    # A split needs a refit of the theme's answers; the request is kept as data for it.
    body = ThemeSplitIn(n_parts=2, note=notering.strip()[:2000] or None)
    return _theme_edit(request, user, project_id, lambda: api_themes.split_theme(
        theme_id=theme_id, body=body, project=project, user=user, db=db), "delat", "dela")


@router.post("/projekt/{project_id}/insikter", dependencies=[Depends(verify_csrf)])
async def add_insight(project_id: int, request: Request, user: User = Depends(web_user),
                      db: Session = Depends(get_db)) -> Response:
    form = await request.form()
    project = _editor(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    try:
        body = InsightIn(title=str(form.get("rubrik") or "").strip(),
                         description=str(form.get("beskrivning") or "").strip() or None,
                         theme_ids=[int(v) for v in form.getlist("tema") if str(v).isdigit()])
    except ValidationError:
        return RedirectResponse(f"/projekt/{project_id}/nytt?fel=insikt#insikter", status_code=303)
    try:
        api_insights.create_insight(body=body, project=project, user=user, db=db)
    except HTTPException as exc:
        return deny(request, user, str(exc.detail), exc.status_code)
    return RedirectResponse(f"/projekt/{project_id}/nytt?meddelande=insikt#insikter", status_code=303)


@router.post("/projekt/{project_id}/atgarder", dependencies=[Depends(verify_csrf)])
async def add_action(project_id: int, request: Request, user: User = Depends(web_user),
                     db: Session = Depends(get_db)) -> Response:
    form = await request.form()
    project = _editor(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    insight = str(form.get("insikt") or "")
    try:
        body = ActionIn(title=str(form.get("rubrik") or "").strip(), owner=str(form.get("ansvarig") or "").strip(),
                        due_date=str(form.get("datum") or "") or None, status=str(form.get("status") or "planerad"),
                        phase=str(form.get("fas") or "") or None,
                        insight_id=int(insight) if insight.isdigit() else None)
    except ValidationError:
        return RedirectResponse(f"/projekt/{project_id}/nytt?fel=atgard#atgarder", status_code=303)
    try:
        api_insights.create_action(body=body, project=project, user=user, db=db)
    except HTTPException as exc:
        return deny(request, user, str(exc.detail), exc.status_code)
    return RedirectResponse(f"/projekt/{project_id}/nytt?meddelande=atgard#atgarder", status_code=303)


@router.post("/projekt/{project_id}/atgarder/{action_id}", dependencies=[Depends(verify_csrf)])
async def update_action(project_id: int, action_id: int, request: Request, user: User = Depends(web_user),
                        db: Session = Depends(get_db)) -> Response:
    """Status, owner and date of an action, through the API's PATCH implementation."""
    form = await request.form()
    project = _editor(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    act = db.get(Action, action_id) if 1 <= action_id < 2**31 else None
    if act is None or act.project_id != project.id:
        return deny(request, user, "Åtgärden finns inte i projektet.", 404)
    try:
        # Date and phase may be cleared; status and owner are only changed when given.
        fields: dict[str, Any] = {"due_date": str(form.get("datum") or "") or None,
                                  "phase": str(form.get("fas") or "") or None}
        if form.get("status"):
            fields["status"] = str(form.get("status"))
        if str(form.get("ansvarig") or "").strip():
            fields["owner"] = str(form.get("ansvarig")).strip()
        body = ActionPatch(**fields)
    except ValidationError:
        return RedirectResponse(f"/projekt/{project_id}/nytt?fel=atgard_andra#atgard-{action_id}", status_code=303)
    try:
        api_insights.update_action(action_id=action_id, body=body, user=user, db=db)
    except HTTPException as exc:
        return deny(request, user, str(exc.detail), exc.status_code)
    return RedirectResponse(f"/projekt/{project_id}/nytt?meddelande=atgard_andrad#atgard-{action_id}",
                            status_code=303)
