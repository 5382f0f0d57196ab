"""Analyst pages: the report of an analysis run."""

from __future__ import annotations

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
from api.upload import accept_upload
from api.web.queries import label_titles
from api.web.render import WebUser, deny, page_project, render
from nlp.config import get_settings
from nlp.ingest import accept_attribute
from nlp.pipeline import STAGES, TIME_LABELS
from nlp.report import FORMATS, load_run_report
from nlp.store.models import AnalysisRun, Import, Project, User
from nlp.taxonomy import list_taxonomies

router = APIRouter()


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


@router.get("/jobb/{job_id}/kolumner", response_class=HTMLResponse)
def mapping_form(job_id: int, request: Request, user: WebUser, db: DB) -> Response:
    job = jobs.job_for(db, user, job_id)
    if job.status != "uppladdad":
        return RedirectResponse(f"/jobb/{job.id}", status_code=303)
    taxonomies = [(t, label_titles(t)[0]) for t in list_taxonomies()]
    return render(
        request,
        "kolumner.html",
        user=user,
        title="Kontrollera kolumnerna",
        job=job,
        preview=(job.params or {}).get("preview") or {},
        fields=FIELD_TEXT,
        kinds=KIND_TEXT,
        taxonomies=taxonomies,
        active="/projekt",
    )


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
        jobs.start(db, user, job_id, **body.model_dump())
        wake_worker(request)
        return RedirectResponse(f"/jobb/{job_id}", status_code=303)

    return await run_in_threadpool(start)


@router.get("/jobb/{job_id}", response_class=HTMLResponse)
def job_page(job_id: int, request: Request, user: WebUser, db: DB) -> Response:
    job = jobs.job_for(db, user, job_id)
    if job.status == "klar" and job.run_id:
        return RedirectResponse(f"/korningar/{job.run_id}/rapport", status_code=303)
    return render(
        request,
        "jobb.html",
        user=user,
        title="Analysen pågår",
        job=job,
        active="/projekt",
        stages=STAGES,
        time_labels=TIME_LABELS,
        times=jobs.stage_times(db, job),
    )
