"""Analyst pages: the report of an analysis run."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import may_read_report
from api.auth import verify_csrf, verify_csrf_upload
from api.deps import DB, audit, wake_worker
from api.schemas import MappingIn
from api.services import jobs
from api.services.errors import ServiceError
from api.services.projects import is_member
from api.upload import UploadFailed, accept_documents, accept_upload
from api.web.render import WebUser, deny, page_project, render
from nlp.config import get_settings
from nlp.ingest import accept_attribute
from nlp.pipeline import STAGES, TIME_LABELS, TRAINING_STAGES
from nlp.report import FORMATS, latest_run_id, load_run_report
from nlp.store import current_project_taxonomy, project_taxonomy_choices
from nlp.store.models import AnalysisRun, Import, Job, Project, User

router = APIRouter()
UPLOADERS = ("analyst", "admin")  # who uploads files, starts their analysis and removes them


def run_project_id(db: Session, run_id: int) -> int | None:
    return db.scalar(
        select(Import.project_id).join(AnalysisRun, AnalysisRun.import_id == Import.id).where(AnalysisRun.id == run_id)
    )


@router.get("/korningar/{run_id}/rapport", response_class=HTMLResponse)
def report(run_id: int, request: Request, user: WebUser, db: DB) -> HTMLResponse:
    project_id = run_project_id(db, run_id)
    if project_id is None or not is_member(db, user, project_id):
        return deny(request, user, "Analysen finns inte, eller så har du inte tillgång till den.", 404)
    if not may_read_report(user):  # the same rule as the API's report
        return deny(request, user, "Rapporten är för analytiker och samordnare.")
    run = db.get(AnalysisRun, run_id)
    if run is None or run.status != "klar":
        return render(
            request,
            "fel.html",
            user=user,
            status_code=409,
            title="Analysen är inte klar",
            text="Rapporten visas när analysen är klar. Följ förloppet på projektsidan.",
        )
    rep = load_run_report(db, run_id, threshold=get_settings().suppression_threshold)
    # The report shows answer texts (examples): every read goes to the audit log.
    audit(db, user, "visa_rapport", "korning", run_id)
    db.commit()
    return render(
        request,
        "rapport.html",
        user=user,
        title=f"Rapport: {rep.filename}",
        r=rep,
        active="/projekt",
        downloads=download_links(run_id, project_id),
        project_id=project_id if rep.run_id == latest_run_id(db, project_id) else None,
    )


def download_links(run_id: int, project_id: int) -> list[tuple[str, str]]:
    """Links to the API's exports: every registered format, and the report as one HTML file."""
    return [(f"/api/runs/{run_id}/export?format={f.name}", f.title) for f in FORMATS.values()] + [
        (f"/api/runs/{run_id}/report", "Rapporten som fristående HTML-fil")
    ]


# --- upload → column mapping → progress -------------------------------------------------

FIELD_TEXT = {
    "respondent_id": "Respondent-id",
    "date": "Datum",
    "unit": "Verksamhet / enhet",
    "source_type": "Källa (enkät, patientforum, berättelse)",
    "gender": "Kön",
    "age_group": "Åldersgrupp",
}
KIND_TEXT = {
    "fritext": "fritext",
    "datum": "datum",
    "kategori": "kategori",
    "id": "id-nummer",
    "tal": "tal",
    "tom": "tom",
}


def _analyst_project(db: Session, user: User, project_id: int) -> Project:
    return page_project(db, user, project_id, ("analyst", "admin"), "Bara analytiker kan ladda upp filer.")


def _upload_page(
    request: Request, user: User, project: Project, status_code: int = 200, error: str | None = None
) -> HTMLResponse:
    return render(
        request,
        "ladda_upp.html",
        user=user,
        title="Ladda upp en export",
        project=project,
        max_mb=request.app.state.settings.max_upload_mb,
        active="/projekt",
        error=error,
        accept=accept_attribute(),
        status_code=status_code,
    )


@router.get("/projekt/{project_id}/ladda-upp", response_class=HTMLResponse)
def upload_form(project_id: int, request: Request, user: WebUser, db: DB) -> HTMLResponse:
    return _upload_page(request, user, _analyst_project(db, user, project_id))


# The token comes as a form field before the file: receive_upload checks it while streaming.
@router.post("/projekt/{project_id}/ladda-upp", dependencies=[Depends(verify_csrf_upload)])
async def upload_submit(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project = await run_in_threadpool(_analyst_project, db, user, project_id)
    try:
        # As the API's upload: streamed to a private directory, type checked by content.
        out = await accept_upload(request, db, user, project)
    except ServiceError as exc:
        return _upload_page(request, user, project, exc.status, exc.message)
    return RedirectResponse(f"/jobb/{out.job.id}/kolumner", status_code=303)


def _documents_page(
    request: Request,
    db: Session,
    user: User,
    project: Project,
    status_code: int = 200,
    error: str | None = None,
    values: dict[str, str] | None = None,
) -> HTMLResponse:
    return render(
        request,
        "ladda_upp_dokument.html",
        user=user,
        title="Ladda upp berättelser och anteckningar",
        project=project,
        max_mb=request.app.state.settings.max_upload_mb,
        active="/projekt",
        error=error,
        accept=accept_attribute(documents=True),
        sources=jobs.DOCUMENT_SOURCES,
        taxonomies=project_taxonomy_choices(db, project.id),
        values=values or {},  # what was typed, kept after an error
        status_code=status_code,
    )


@router.get("/projekt/{project_id}/dokument", response_class=HTMLResponse)
def documents_form(project_id: int, request: Request, user: WebUser, db: DB) -> HTMLResponse:
    return _documents_page(request, db, user, _analyst_project(db, user, project_id))


@router.post("/projekt/{project_id}/dokument", dependencies=[Depends(verify_csrf_upload)])
async def documents_submit(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project = await run_in_threadpool(_analyst_project, db, user, project_id)
    try:
        out = await accept_documents(request, db, user, project)
    except UploadFailed as exc:
        return await run_in_threadpool(_documents_page, request, db, user, project, exc.status, exc.message, exc.fields)
    wake_worker(request)
    return RedirectResponse(f"/jobb/{out.id}", status_code=303)


def _mapping_page(
    request: Request,
    db: Session,
    user: User,
    job: Job,
    error: str | None = None,
    status_code: int = 200,
    typed: dict[str, Any] | None = None,
) -> HTMLResponse:
    """The column page; after an error, with the choices as they were made (`typed`)."""
    taxonomies = project_taxonomy_choices(db, job.project_id)
    own = current_project_taxonomy(db, job.project_id)
    preview = (job.params or {}).get("preview") or {}
    if typed:
        preview = {**preview, "text_columns": typed["text_columns"], "column_map": typed["column_map"]}
    return render(
        request,
        "kolumner.html",
        user=user,
        title="Kontrollera kolumnerna",
        job=job,
        preview=preview,
        chosen_taxonomy=(typed or {}).get("taxonomy") or (own.taxonomy_id if own else "samsjuklighet"),
        fields=FIELD_TEXT,
        kinds=KIND_TEXT,
        taxonomies=taxonomies,
        ttl_hours=request.app.state.settings.upload_ttl_hours,
        active="/projekt",
        error=error,
        status_code=status_code,
    )


@router.get("/jobb/{job_id}/kolumner", response_class=HTMLResponse)
def mapping_form(job_id: int, request: Request, user: WebUser, db: DB) -> Response:
    job = jobs.job_for(db, user, job_id)
    if job.status != "uppladdad":
        return RedirectResponse(f"/jobb/{job.id}", status_code=303)
    return _mapping_page(request, db, user, job)


@router.post("/jobb/{job_id}/kolumner", dependencies=[Depends(verify_csrf)])
async def mapping_submit(job_id: int, request: Request, user: WebUser, db: DB) -> Response:
    form = await request.form()
    text_columns = [str(v) for v in form.getlist("textkolumn")]
    column_map = {f: str(form.get(f"falt_{f}")) for f in FIELD_TEXT if form.get(f"falt_{f}")}
    taxonomy = str(form.get("taxonomi") or "samsjuklighet")

    def start() -> Response:
        job = jobs.job_for(db, user, job_id)
        if not text_columns:
            return RedirectResponse(f"/jobb/{job_id}/kolumner?fel=textkolumn", status_code=303)
        try:
            body = MappingIn(
                text_columns=text_columns,
                column_map=column_map,
                sheet=(job.params or {}).get("preview", {}).get("sheet"),
                taxonomy=taxonomy,
            )
        except ValueError:
            return deny(request, user, "Ogiltigt val av kolumner eller taxonomi.", 422)
        try:
            jobs.start(db, user, job_id, **body.model_dump())
        except ServiceError as exc:  # the page the user is on, with a way on (or to remove it)
            db.rollback()
            if job.status != "uppladdad":
                raise
            typed = {"text_columns": text_columns, "column_map": column_map, "taxonomy": taxonomy}
            return _mapping_page(request, db, user, job, exc.message, exc.status, typed)
        wake_worker(request)
        return RedirectResponse(f"/jobb/{job_id}", status_code=303)

    return await run_in_threadpool(start)


@router.get("/jobb/{job_id}", response_class=HTMLResponse)
def job_page(job_id: int, request: Request, user: WebUser, db: DB) -> Response:
    job = jobs.job_for(db, user, job_id)
    training = job.kind == "traning"
    done = f"/projekt/{job.project_id}/modeller?taxonomi={quote((job.params or {}).get('taxonomy') or '')}"
    if job.status == "klar" and (job.run_id or training):
        return RedirectResponse(done if training else f"/korningar/{job.run_id}/rapport", status_code=303)
    if job.status == "uppladdad" and user.role in UPLOADERS:
        return RedirectResponse(f"/jobb/{job.id}/kolumner", status_code=303)
    live = jobs.progress(job)
    return render(
        request,
        "jobb.html",
        user=user,
        title="Träningen pågår" if training else "Analysen pågår",
        job=job,
        live=live,
        training=training,
        done=done if training else "",
        active="/projekt",
        stages=TRAINING_STAGES if training else STAGES,
        time_labels=TIME_LABELS,
        times={} if training else jobs.stage_times(db, job),
    )


@router.post("/jobb/{job_id}/ta-bort", dependencies=[Depends(verify_csrf)])
def cancel_upload(job_id: int, request: Request, user: WebUser, db: DB) -> Response:
    """Remove an upload whose analysis was never started (or failed to start): its file is
    deleted and it is no longer shown as going on."""
    if user.role not in UPLOADERS:
        return deny(request, user, "Bara analytiker kan ta bort uppladdningar.")
    try:
        jobs.cancel(db, user, job_id)
    except ServiceError as exc:
        return deny(request, user, exc.message, exc.status)
    return RedirectResponse("/projekt?meddelande=avbruten", status_code=303)
