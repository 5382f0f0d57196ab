"""Analyst pages: the report of an analysis run."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import may_read_report
from api.auth import is_member, verify_csrf, verify_csrf_upload
from api.routers import jobs as api_jobs
from api.schemas import MappingIn
from api.deps import audit, get_db
from api.web.queries import build_report, label_titles
from api.web.render import deny, render, web_user
from nlp.config import get_settings
from nlp.store.models import AnalysisRun, Import, Job, Project, User

router = APIRouter()


def run_project_id(db: Session, run_id: int) -> int | None:
    return db.scalar(
        select(Import.project_id).join(AnalysisRun, AnalysisRun.import_id == Import.id)
        .where(AnalysisRun.id == run_id)
    )


@router.get("/korningar/{run_id}/rapport", response_class=HTMLResponse)
def report(run_id: int, request: Request, user: User = Depends(web_user),
           db: Session = Depends(get_db)) -> HTMLResponse:
    project_id = run_project_id(db, run_id)
    if project_id is None or not is_member(db, user, project_id):
        return deny(request, user, "Analysen finns inte, eller så har du inte tillgång till den.", 404)
    if not may_read_report(user):  # the same rule as the API's report
        return deny(request, user, "Rapporten är för analytiker och samordnare.")
    run = db.get(AnalysisRun, run_id)
    if run is None or run.status != "klar":
        return render(request, "fel.html", user=user, status_code=409, title="Analysen är inte klar",
                      text="Rapporten visas när analysen är klar. Följ förloppet på projektsidan.")
    rep = build_report(db, run_id, threshold=get_settings().suppression_threshold)
    # The report shows answer texts (examples): every read goes to the audit log.
    audit(db, user, "visa_rapport", "korning", run_id)
    db.commit()
    return render(request, "rapport.html", user=user, title=f"Rapport: {rep.filename}",
                  r=rep, active="/projekt", downloads=download_links(run_id, project_id))


def download_links(run_id: int, project_id: int) -> list[tuple[str, str]]:
    """Links to the API's exports (issue 6): pseudonymised texts with labels, and the report."""
    return [
        (f"/api/runs/{run_id}/export?format=csv", "Svar med förslag och teman (CSV)"),
        (f"/api/runs/{run_id}/export?format=xlsx", "Svar med förslag och teman (Excel, XLSX)"),
        (f"/api/runs/{run_id}/report", "Rapporten som fristående HTML-fil"),
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
KIND_TEXT = {"fritext": "fritext", "datum": "datum", "kategori": "kategori", "id": "id-nummer",
             "tal": "tal", "tom": "tom"}


def _analyst_project(request: Request, db: Session, user: User, project_id: int) -> Project | HTMLResponse:
    project = db.get(Project, project_id)
    if project is None or not is_member(db, user, project_id):
        return deny(request, user, "Projektet finns inte, eller så har du inte tillgång till det.", 404)
    if user.role not in ("analyst", "admin"):
        return deny(request, user, "Bara analytiker kan ladda upp filer.")
    return project


@router.get("/projekt/{project_id}/ladda-upp", response_class=HTMLResponse)
def upload_form(project_id: int, request: Request, user: User = Depends(web_user),
                db: Session = Depends(get_db)) -> HTMLResponse:
    project = _analyst_project(request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    max_mb = request.app.state.settings.max_upload_mb
    return render(request, "ladda_upp.html", user=user, title="Ladda upp en export", project=project,
                  max_mb=max_mb, active="/projekt")


# The token comes as a form field before the file: receive_upload checks it while streaming.
@router.post("/projekt/{project_id}/ladda-upp", dependencies=[Depends(verify_csrf_upload)])
async def upload_submit(project_id: int, request: Request, user: User = Depends(web_user),
                        db: Session = Depends(get_db)) -> Response:
    project = await run_in_threadpool(_analyst_project, request, db, user, project_id)
    if not isinstance(project, Project):
        return project
    try:
        # The API's upload: streamed to a private directory, type checked by content.
        out = await api_jobs.upload(request=request, project=project, user=user, db=db)
    except HTTPException as exc:
        return render(request, "ladda_upp.html", user=user, title="Ladda upp en export", project=project,
                      max_mb=request.app.state.settings.max_upload_mb, active="/projekt",
                      error=str(exc.detail) if isinstance(exc.detail, str) else "Filen kunde inte tas emot.",
                      status_code=exc.status_code)
    return RedirectResponse(f"/jobb/{out.job.id}/kolumner", status_code=303)


def _job_or_deny(request: Request, db: Session, user: User, job_id: int) -> Job | HTMLResponse:
    job = db.get(Job, job_id)
    if job is None or not is_member(db, user, job.project_id):
        return deny(request, user, "Jobbet finns inte, eller så har du inte tillgång till det.", 404)
    return job


@router.get("/jobb/{job_id}/kolumner", response_class=HTMLResponse)
def mapping_form(job_id: int, request: Request, user: User = Depends(web_user),
                 db: Session = Depends(get_db)) -> Response:
    job = _job_or_deny(request, db, user, job_id)
    if not isinstance(job, Job):
        return job
    if job.status != "uppladdad":
        return RedirectResponse(f"/jobb/{job.id}", status_code=303)
    from nlp.taxonomy import list_taxonomies

    taxonomies = [(t, label_titles(t)[0]) for t in list_taxonomies()]
    return render(request, "kolumner.html", user=user, title="Kontrollera kolumnerna", job=job,
                  preview=(job.params or {}).get("preview") or {}, fields=FIELD_TEXT, kinds=KIND_TEXT,
                  taxonomies=taxonomies, active="/projekt")


@router.post("/jobb/{job_id}/kolumner", dependencies=[Depends(verify_csrf)])
async def mapping_submit(job_id: int, request: Request, user: User = Depends(web_user),
                         db: Session = Depends(get_db)) -> Response:
    form = await request.form()
    text_columns = [str(v) for v in form.getlist("textkolumn")]
    column_map = {f: str(form.get(f"falt_{f}")) for f in FIELD_TEXT if form.get(f"falt_{f}")}
    taxonomy = str(form.get("taxonomi") or "samsjuklighet")

    def start() -> Response:
        job = _job_or_deny(request, db, user, job_id)
        if not isinstance(job, Job):
            return job
        if not text_columns:
            return RedirectResponse(f"/jobb/{job_id}/kolumner?fel=textkolumn", status_code=303)
        try:
            body = MappingIn(text_columns=text_columns, column_map=column_map,
                             sheet=(job.params or {}).get("preview", {}).get("sheet"), taxonomy=taxonomy)
            api_jobs.start(job_id=job_id, body=body, request=request, user=user, db=db)
        except HTTPException as exc:
            return deny(request, user, str(exc.detail), exc.status_code)
        except ValueError:
            return deny(request, user, "Ogiltigt val av kolumner eller taxonomi.", 422)
        return RedirectResponse(f"/jobb/{job_id}", status_code=303)

    return await run_in_threadpool(start)


@router.get("/jobb/{job_id}", response_class=HTMLResponse)
def job_page(job_id: int, request: Request, user: User = Depends(web_user),
             db: Session = Depends(get_db)) -> Response:
    job = _job_or_deny(request, db, user, job_id)
    if not isinstance(job, Job):
        return job
    if job.status == "klar" and job.run_id:
        return RedirectResponse(f"/korningar/{job.run_id}/rapport", status_code=303)
    from nlp.pipeline import STAGES

    return render(request, "jobb.html", user=user, title="Analysen pågår", job=job, active="/projekt",
                  stages=STAGES)
