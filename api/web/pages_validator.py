"""Validator pages: one answer at a time with every label to tick, its identical and
near-identical answers judged with it, the evidence highlighted; undo; "Mina bedömningar".

Progressive enhancement: the form posts and redirects as a plain page; api/static/validera.js
sends the same form with fetch (header X-Granskning) and gets only the next answer's part of
the page (validera_svar.html) to put in place. The queue, the decisions and the groups come
from the services the API uses too (api/services/validation.py, judgements.py,
answer_groups.py): one implementation, same events, same audit entries.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.auth import verify_csrf
from api.deps import DB, audit_reads
from api.schemas import DecisionIn
from api.services import answer_groups, judgements, validation
from api.services.errors import Invalid, NotFound
from api.services.projects import visible_projects
from api.web.queries import SOURCE_TEXT, latest_run, run_label_titles, themes_for_run
from api.web.render import WebUser, form_text, no_finished_run, page_project, page_run, render
from api.web.validator_view import evidence_lines, highlight, label_choices
from nlp.core import OTHER_THEME
from nlp.store.models import AnalysisRun, Classification, Project, Suggestion, User, ValidationEvent
from nlp.validation_status import expand, verdict

router = APIRouter()
JUDGES = ("validator", "analyst", "coordinator", "admin")
JUDGE_REFUSAL = "Din roll kan inte granska förslag."
FETCH_HEADER = "x-granskning"  # set by validera.js: answer with the page part, not a redirect
# Why the classifier marked an answer "osäker" (Classification.unsure_reason), in plain words.
UNSURE_TEXT = {
    "utanför ämnet": "Svaret verkar inte handla om något av områdena.",
    "tom mängd": "Modellen kunde inte föreslå något område med tillräcklig säkerhet.",
    "för stor mängd": "Svaret kan handla om många områden, så modellen kan inte välja.",
    "ingen säker etikett": "Inget område är mer sannolikt rätt än fel för det här svaret.",
    "flera möjliga": "Flera områden kan varken uteslutas eller väljas: modellen ger dem "
    "minst en chans på fyra, men under beslutsgränsen.",
}
STATUS_TEXT = {
    "godkand": "stämmer",
    "avvisad": "stämmer inte",
    "omstridd": "omstridd, väntar på gemensam analys",
    "osaker": "ingen har kunnat avgöra",
    "forslag": "inte bedömd",
}
ERRORS = {
    "etikett": "Kryssa i minst ett område som svaret handlar om, eller välj ”Vet inte”.",
    "annan": "Välj vilken annan etikett som passar bättre.",
    "angra": "Du har inget beslut att ångra.",
    "avgjort": "Beslutet har redan avgjorts i gemensam analys och kan inte ångras.",
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


def _progress(db: Session, user: User, project: Project, run: AnalysisRun) -> dict[str, int]:
    judged = select(func.count(func.distinct(ValidationEvent.record_id))).where(
        ValidationEvent.project_id == project.id,
        ValidationEvent.user_id == user.id,
        ValidationEvent.taxonomy_id == (run.taxonomy_id or ""),
    )
    total = select(func.count(func.distinct(Suggestion.record_id))).where(Suggestion.run_id == run.id)
    return {"judged": db.scalar(judged) or 0, "total": db.scalar(total) or 0}


def _answer(db: Session, user: User, run: AnalysisRun, item: dict[str, Any], titles: dict[str, str]) -> dict[str, Any]:
    """Everything the page shows about the answer at the head of the queue."""
    rec = item["record"]
    ev, reason = db.execute(
        select(Classification.evidence, Classification.unsure_reason).where(
            Classification.run_id == run.id, Classification.record_id == rec["id"]
        )
    ).first() or (None, None)
    choices = label_choices(item["suggestions"], titles)
    shown = [c["label_id"] for c in choices["suggested"]]
    group = answer_groups.answer_group(db, user, run.id, run.taxonomy_id, rec)
    grouped = [i for v in group for i in v["ids"]]
    similar = answer_groups.similar_validated(db, user, run.id, rec, grouped)
    return {
        "item": rec,
        "pieces": (pieces := highlight(rec["text"] or "", ev, shown)),
        "has_marks": any(marked for _, marked in pieces),
        "choices": choices,
        "unsure": item["unsure"],
        "unsure_reason": UNSURE_TEXT.get(reason or "") if item["unsure"] else None,
        "evidence": evidence_lines(ev, titles, shown, rec["text"] or ""),
        "group": group,
        "n_identical": len(group[0]["ids"]) - 1,
        "near": group[1:],
        "similar": similar,
        "period": month_of(rec.get("date")),
        "source": SOURCE_TEXT.get(rec.get("source_type") or "", rec.get("source_type")),
    }


def _context(request: Request, db: Session, user: User, project: Project, run: AnalysisRun) -> dict[str, Any]:
    """The page's context: the queue's head answer (least certain first, or one theme's)."""
    themes = [t for t in themes_for_run(db, run, examples=0) if t.topic != OTHER_THEME]
    theme_id = _theme_param(request.query_params.get("tema"), {t.id for t in themes})
    order = "tema" if theme_id is not None else "osakerhet"
    q = validation.queue(db, user, project, order=order, run_id=run.id, theme_id=theme_id, limit=1)
    tax_title, titles = run_label_titles(run)  # the taxonomy the run was classified with
    context: dict[str, Any] = {"item": None}
    if q["items"]:
        context = _answer(db, user, run, q["items"][0], titles)
        # The queue logged the head answer; the grouped and similar answers are shown too.
        shown = [i for v in context["group"] for i in v["ids"]] + [s["id"] for s in context["similar"]]
        if len(shown) > 1:
            audit_reads(db, user, project.id, "valideringssidan", shown[1:])
    return {
        "project": project,
        "run": run,
        "titles": titles,
        "taxonomy_title": tax_title,
        "themes": themes,
        "theme_id": theme_id,
        "order": order,
        "can_undo": judgements.latest_batch(db, user, project) is not None,
        "status_text": STATUS_TEXT,
        **_progress(db, user, project, run),
        **context,
    }


@router.get("/projekt/{project_id}/validera", response_class=HTMLResponse)
def validate_page(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project, run = page_run(db, user, project_id, JUDGES, JUDGE_REFUSAL)
    if run is None:
        return no_finished_run(request, user, "Inget att granska")
    ctx = _context(request, db, user, project, run)
    template = "validera_svar.html" if request.headers.get(FETCH_HEADER) else "validera.html"
    return render(
        request,
        template,
        user=user,
        title="Granska förslag",
        active="/validera",
        error=ERRORS.get(request.query_params.get("fel", "")),
        **ctx,
    )


def _theme_param(value: str | None, known: set[int]) -> int | None:
    """A theme id from the query string, only if it is one of the run's themes."""
    if value and value.isdigit() and int(value) in known:
        return int(value)
    return None


def _queue_query(tema: str) -> str:
    return f"tema={int(tema)}" if tema.isdigit() and int(tema) < 2**31 else ""


def month_of(value: Any) -> str | None:
    if not value:
        return None
    return str(value)[:7]


def _next(project_id: int, tema: str, **params: str) -> Response:
    """After a post: a redirect to the page. fetch follows it with the X-Granskning header
    still set, so validera.js gets the next answer's part from the same GET as a browser
    without JavaScript gets the whole page: one path, the same content."""
    query = "&".join([*(f"{k}={v}" for k, v in params.items()), _queue_query(tema)]).strip("&")
    return RedirectResponse(f"/projekt/{project_id}/validera?{query}", status_code=303)


def _ids(values: list[str]) -> list[int]:
    """Record ids from the form's group fields ("12,15,18" per variant)."""
    out = []
    for v in values:
        out += [int(x) for x in str(v).split(",") if x.strip().isdigit() and int(x) < 2**31]
    return out


def _single_label(db: Session, user: User, form: Any) -> None:
    """The older single-label form (label_id, beslut, annan_etikett), still accepted: one
    decision event as the API makes it."""
    beslut = form_text(form, "beslut")
    other = form_text(form, "annan_etikett")
    body = DecisionIn(
        label_id=form_text(form, "label_id"),
        taxonomy_id=form_text(form, "taxonomy_id"),
        decision=beslut if beslut in ("accept", "reject", "other", "unsure") else "unsure",
        other_labels=[other] if beslut == "other" else [],
        comment=form_text(form, "kommentar") or None,
    )
    if beslut not in ("accept", "reject", "other", "unsure"):
        raise Invalid("Okänt beslut.")
    validation.decide(db, user, _ids([form_text(form, "record_id")])[0], **body.model_dump())


@router.post("/projekt/{project_id}/validera", dependencies=[Depends(verify_csrf)])
async def validate_submit(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    """One judgement: the ticked labels of the shown answer, for its whole group."""
    form = await request.form()
    _judge_project(db, user, project_id)
    tema, beslut = form_text(form, "tema"), form_text(form, "beslut")
    if not _ids([form_text(form, "record_id")]):
        raise Invalid("Svaret saknas i formuläret.")
    if "foreslagen" not in form and "etikett" not in form:
        if beslut == "other" and not form_text(form, "annan_etikett"):
            return _next(project_id, tema, fel="annan")
        _single_label(db, user, form)
        return _next(project_id, tema, meddelande="sparat")
    suggested = [str(v) for v in form.getlist("foreslagen") if v]
    ticked = [str(v) for v in form.getlist("etikett") if v]
    body = DecisionIn(
        label_id=(suggested or ticked or ["-"])[0],
        taxonomy_id=form_text(form, "taxonomy_id"),
        decision="unsure",
        comment=form_text(form, "kommentar") or None,
    )  # checks the fields' sizes and pseudonymises the comment, as for the API
    if beslut == "accept" and not ticked:
        return _next(project_id, tema, fel="etikett")
    judgements.judge(
        db,
        user,
        _ids([form_text(form, "record_id"), *form.getlist("grupp")]),
        taxonomy_id=body.taxonomy_id,
        judgement=beslut,
        suggested=suggested,
        ticked=ticked,
        comment=body.comment,
    )
    return _next(project_id, tema, meddelande="sparat")


@router.post("/projekt/{project_id}/validera/angra", dependencies=[Depends(verify_csrf)])
async def undo_submit(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    form = await request.form()
    project = _judge_project(db, user, project_id)
    tema = form_text(form, "tema")
    try:
        judgements.undo_last(db, user, project)
    except NotFound:
        return _next(project_id, tema, fel="angra")
    except Invalid:
        return _next(project_id, tema, fel="avgjort")
    return _next(project_id, tema, meddelande="angrat")


@router.get("/projekt/{project_id}/validera/mina", response_class=HTMLResponse)
def my_page(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project, run = page_run(db, user, project_id, JUDGES, JUDGE_REFUSAL)
    items = judgements.my_judgements(db, user, project)
    titles = run_label_titles(run)[1] if run is not None else {}
    return render(
        request,
        "validera_mina.html",
        user=user,
        title="Mina bedömningar",
        active="/validera",
        project=project,
        items=items,
        titles=titles,
        mine=my_agreement(db, project.id, user),
        status_text=STATUS_TEXT,
    )
