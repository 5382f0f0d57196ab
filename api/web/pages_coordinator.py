"""Coordinator pages: what is new or growing, the answers behind it, naming/merging/
splitting themes, and recording insights and actions (IAIA, PDSA).

Theme edits, insights and actions are written by the services the API uses too
(api/services/themes.py, api/services/insights.py), so pages and API store the same rows
(theme edits in the format nlp/themes/edits.py applies on a refit) and the same audit entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import verify_csrf
from api.deps import DB, audit_reads
from api.schemas import (
    ActionIn,
    ActionPatch,
    InsightIn,
    ThemeMergeIn,
    ThemeNameIn,
    ThemeSplitIn,
)
from api.services import insights, themes
from api.services.errors import Invalid, NotFound
from api.web.queries import (
    ThemeView,
    month,
    run_import_ids,
    theme_answers,
    theme_chart,
    themes_for_run,
)
from api.web.render import (
    WebUser,
    form_ids,
    form_text,
    no_finished_run,
    page_project,
    page_run,
    render,
)
from nlp.config import get_settings
from nlp.core import OTHER_THEME
from nlp.store.models import AnalysisRun, Project, RecordRow, Theme, ThemeAssignment, User

router = APIRouter()
EDITORS = ("coordinator", "analyst", "admin")
RECENT_MONTHS = 3  # "this period": the last three months with answers


def growth(db: Session, run: AnalysisRun, themes: list[ThemeView]) -> tuple[list[str], dict[int, dict[str, Any]]]:
    """Share of each theme in the recent months against the months before."""
    imports = run_import_ids(run)
    months = sorted(
        {
            m
            for (d,) in db.execute(
                select(RecordRow.date).where(RecordRow.import_id.in_(imports), RecordRow.date.is_not(None))
            )
            if (m := month(d))
        }
    )
    recent = set(months[-RECENT_MONTHS:])
    totals: Counter[bool] = Counter()
    for (d,) in db.execute(select(RecordRow.date).where(RecordRow.import_id.in_(imports), RecordRow.date.is_not(None))):
        totals[month(d) in recent] += 1
    out: dict[int, dict[str, Any]] = {}
    ids = [t.id for t in themes]
    # A merged theme is made of several stored themes; an answer in two of them counts once.
    curated_of = {sid: t.id for t in themes for sid in t.stored_ids or (t.id,)}
    seen: set[tuple[int, int]] = set()
    hits: dict[int, Counter[bool]] = {i: Counter() for i in ids}
    for tid, rid, d in db.execute(
        select(ThemeAssignment.theme_id, RecordRow.id, RecordRow.date)
        .join(RecordRow, RecordRow.id == ThemeAssignment.record_id)
        .where(ThemeAssignment.theme_id.in_(list(curated_of)), RecordRow.date.is_not(None))
    ):
        if (curated_of[tid], rid) not in seen:
            seen.add((curated_of[tid], rid))
            hits[curated_of[tid]][month(d) in recent] += 1
    for tid in ids:
        now = hits[tid][True] / totals[True] if totals[True] else 0.0
        before = hits[tid][False] / totals[False] if totals[False] else 0.0
        out[tid] = {"now": now, "before": before, "n_now": hits[tid][True], "change": now - before}
    return sorted(recent), out


def split_requested(db: Session, project_id: int, run: AnalysisRun, shown: list[ThemeView]) -> set[int]:
    """Themes of the page with a split asked for on this run: it is made at the next analysis."""
    topics = {
        e.payload.get("tema")
        for e in themes.list_edits(db, project_id)
        if e.kind == "dela" and (e.payload or {}).get("run_id") == run.id
    }
    stored = set(db.scalars(select(Theme.id).where(Theme.run_id == run.id, Theme.topic.in_(topics - {None}))))
    return {t.id for t in shown if stored & set(t.stored_ids or (t.id,))}


@router.get("/projekt/{project_id}/nytt", response_class=HTMLResponse)
def whats_new(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project, run = page_run(db, user, project_id)
    if run is None:
        return no_finished_run(request, user, "Ingen analys ännu")
    threshold = get_settings().suppression_threshold
    shown = [t for t in themes_for_run(db, run, examples=0) if t.topic != OTHER_THEME and t.size >= threshold]
    recent, g = growth(db, run, shown)
    # Emerging (flagged by the themes stage against its control limits) first, then growth.
    ordered = sorted(shown, key=lambda t: (t.emerging is None, -g[t.id]["change"]))
    highlighted = [t for t in ordered if t.emerging or g[t.id]["change"] > 0.02][:4]
    since = date.fromisoformat(recent[0] + "-01") if recent else None
    details = []
    for t in highlighted:
        answers = theme_answers(db, t, since=since, limit=5)
        details.append({"theme": t, "growth": g[t.id], "chart": theme_chart(db, t, run), "answers": answers})
    if details:
        audit_reads(db, user, project.id, "nytt_och_vaxande", [a.record_id for d in details for a in d["answers"]])
    theme_title = {t.id: t.title for t in shown}
    return render(
        request,
        "nytt.html",
        user=user,
        title="Nytt och växande",
        project=project,
        run=run,
        recent=recent,
        details=details,
        themes=ordered,
        growth=g,
        insights=insights.list_insights(db, project.id, newest_first=True),
        actions=insights.list_actions(db, project.id, newest_first=True),
        theme_title=theme_title,
        split_requested=split_requested(db, project.id, run, shown),
        can_edit=user.role in EDITORS,
        active="/projekt",
        error={
            "namn": "Skriv ett namn på temat.",
            "sammanfoga": "Välj minst två teman att sammanfoga.",
            "insikt": "Insikten behöver en rubrik.",
            "atgard": "Åtgärden behöver en rubrik och en ansvarig.",
            "atgard_andra": "Kontrollera status, ansvarig och datum för åtgärden.",
            "dela": "Temat kan inte delas.",
        }.get(request.query_params.get("fel", "")),
    )


def _editor(db: Session, user: User, project_id: int) -> Project:
    return page_project(db, user, project_id, EDITORS, "Din roll kan inte ändra teman eller skriva insikter.")


def _back(project_id: int, query: str) -> RedirectResponse:
    """Back to the project's "new and growing" page with a message or an error code."""
    return RedirectResponse(f"/projekt/{project_id}/nytt?{query}", status_code=303)


def _theme_edit(project_id: int, call: Callable[[], object], ok: str, fel: str) -> Response:
    """Run a theme edit; a rule it breaks is shown on the page, other errors as error pages."""
    try:
        call()
    except Invalid:
        return _back(project_id, f"fel={fel}")
    return _back(project_id, f"meddelande={ok}")


def _theme_editor(db: Session, user: User, project_id: int, theme_id: int) -> Project:
    """The project (as _editor), once the theme is known to be one of its themes."""
    project = _editor(db, user, project_id)
    if themes.theme_in_project(db, project.id, theme_id) is None:
        raise NotFound("Temat finns inte i projektet.")
    return project


@router.post("/projekt/{project_id}/teman/{theme_id}/namn", dependencies=[Depends(verify_csrf)])
def name_theme(
    project_id: int, theme_id: int, request: Request, user: WebUser, db: DB, namn: str = Form("")
) -> Response:
    project = _theme_editor(db, user, project_id, theme_id)
    try:
        body = ThemeNameIn(name=namn.strip()[:200])
    except ValidationError:
        return _back(project_id, f"fel=namn#tema-{theme_id}")
    return _theme_edit(
        project_id, lambda: themes.name_theme(db, user, project, theme_id, body.name), "namngivet", "namn"
    )


@router.post("/projekt/{project_id}/teman/sammanfoga", dependencies=[Depends(verify_csrf)])
async def merge_themes(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    form = await request.form()
    ids = sorted({i for i in form_ids(form, "tema") if 0 < i < 2**31})
    name = form_text(form, "namn")[:200]

    def merge() -> Response:
        project = _editor(db, user, project_id)
        try:
            body = ThemeMergeIn(theme_ids=ids, name=name or None)
        except ValidationError:
            return _back(project_id, "fel=sammanfoga#sammanfoga")
        return _theme_edit(
            project_id,
            lambda: themes.merge_themes(db, user, project, body.theme_ids, body.name),
            "sammanfogat",
            "sammanfoga",
        )

    return await run_in_threadpool(merge)


@router.post("/projekt/{project_id}/teman/{theme_id}/dela", dependencies=[Depends(verify_csrf)])
def split_theme(
    project_id: int, theme_id: int, request: Request, user: WebUser, db: DB, notering: str = Form("")
) -> Response:
    project = _theme_editor(db, user, project_id, theme_id)
    # A split needs a refit of the theme's answers; the request is kept as data for it. The
    # schema pseudonymises the note (FreeText), as for every stored text.
    body = ThemeSplitIn(n_parts=2, note=notering.strip()[:2000] or None)
    return _theme_edit(
        project_id, lambda: themes.split_theme(db, user, project, theme_id, body.n_parts, body.note), "delat", "dela"
    )


@router.post("/projekt/{project_id}/insikter", dependencies=[Depends(verify_csrf)])
async def add_insight(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    form = await request.form()
    project = _editor(db, user, project_id)
    try:
        body = InsightIn(
            title=form_text(form, "rubrik"),
            description=form_text(form, "beskrivning") or None,
            theme_ids=form_ids(form, "tema"),
        )
    except ValidationError:
        return _back(project_id, "fel=insikt#insikter")
    insights.create_insight(db, user, project, **body.model_dump())
    return _back(project_id, "meddelande=insikt#insikter")


@router.post("/projekt/{project_id}/atgarder", dependencies=[Depends(verify_csrf)])
async def add_action(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    form = await request.form()
    project = _editor(db, user, project_id)
    insight = str(form.get("insikt") or "")
    try:
        body = ActionIn(
            title=form_text(form, "rubrik"),
            owner=form_text(form, "ansvarig"),
            due_date=str(form.get("datum") or "") or None,
            status=str(form.get("status") or "planerad"),
            phase=str(form.get("fas") or "") or None,
            insight_id=int(insight) if insight.isdigit() else None,
        )
    except ValidationError:
        return _back(project_id, "fel=atgard#atgarder")
    insights.create_action(db, user, project, body.model_dump())
    return _back(project_id, "meddelande=atgard#atgarder")


@router.post("/projekt/{project_id}/atgarder/{action_id}", dependencies=[Depends(verify_csrf)])
async def update_action(project_id: int, action_id: int, request: Request, user: WebUser, db: DB) -> Response:
    """Status, owner and date of an action, as the API's PATCH does."""
    form = await request.form()
    project = _editor(db, user, project_id)
    try:
        # Date and phase may be cleared; status and owner are only changed when given.
        fields: dict[str, Any] = {
            "due_date": str(form.get("datum") or "") or None,
            "phase": str(form.get("fas") or "") or None,
        }
        if form.get("status"):
            fields["status"] = str(form.get("status"))
        if form_text(form, "ansvarig"):
            fields["owner"] = form_text(form, "ansvarig")
        body = ActionPatch(**fields)
    except ValidationError:
        return _back(project_id, f"fel=atgard_andra#atgard-{action_id}")
    insights.update_action(db, user, action_id, body.model_dump(exclude_unset=True), project_id=project.id)
    return _back(project_id, f"meddelande=atgard_andrad#atgard-{action_id}")
