"""Upload an export, preview its columns, confirm the mapping, follow the analysis job."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import current_user, project_access, project_of_object, require_role
from api.deps import Id, audit, get_db
from api.schemas import JobOut, MappingIn, UploadOut
from api.upload import receive_upload
from nlp.errors import BrukarrostError
from nlp.jobs import remove_upload
from nlp.safe_store import neutral_file_name
from nlp.store.models import Job, Project, User

router = APIRouter(tags=["uppladdning och jobb"])

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["fil"],
                    "properties": {"fil": {"type": "string", "format": "binary"}},
                }
            }
        },
    }
}


def _preview(path: Any, **kwargs: Any) -> dict[str, Any]:
    # In a child process with memory and time limits: a hostile upload cannot grow the
    # server's memory, and what the parse took is returned when the child exits.
    from nlp.ingest import inspect_isolated

    return inspect_isolated(path, **kwargs).to_dict()


def _job_for(db: Session, user: User, job_id: Id) -> Job:
    job = db.get(Job, job_id)
    project_of_object(db, user, job.project_id if job else None,
                      "Jobbet finns inte, eller så har du inte tillgång till det.")
    return job


@router.post(
    "/projects/{project_id}/uploads", response_model=UploadOut, status_code=201,
    openapi_extra=_UPLOAD_BODY,
)
async def upload(
    request: Request,
    project: Project = Depends(project_access),
    user: User = Depends(require_role("analyst")),
    db: Session = Depends(get_db),
) -> UploadOut:
    """Upload an export (CSV, XLSX or JSON; field `fil`), streamed to a private directory.

    The type is checked from the content. Returns the job (status "uppladdad") and a
    preview of the detected columns; start the analysis with POST /jobs/{id}/start.
    """
    settings = request.app.state.settings
    saved = await receive_upload(request, settings.uploads, settings.max_upload_bytes)
    try:
        preview = await run_in_threadpool(_preview, saved.path)
    except BrukarrostError as exc:
        remove_upload(str(saved.directory))
        raise HTTPException(422, exc.message) from None
    except Exception as exc:  # noqa: BLE001 - an unreadable file is the user's problem to fix
        remove_upload(str(saved.directory))
        raise HTTPException(422, f"Filen kunde inte läsas som {saved.file_format.upper()}.") from None

    def store() -> Job:
        job = Job(
            project_id=project.id, kind="analys", status="uppladdad", filename=None,
            upload_path=str(saved.directory), size_bytes=saved.size,
            params={"preview": preview}, created_by=user.username,
        )
        db.add(job)
        db.flush()
        # Never the user's file name (it may hold a name or personnummer): "uppladdning 7 (csv)".
        job.filename = neutral_file_name("uppladdning", job.id, saved.file_format)
        audit(db, user, "uppladdning", "job", job.id, storlek=saved.size, format=saved.file_format)
        db.commit()
        return job

    job = await run_in_threadpool(store)
    return UploadOut(job=JobOut.model_validate(job), preview=preview)


@router.post("/jobs/{job_id}/start", response_model=JobOut)
def start(
    job_id: Id,
    body: MappingIn,
    request: Request,
    user: User = Depends(require_role("analyst")),
    db: Session = Depends(get_db),
) -> Job:
    """Confirm the column mapping and queue the analysis (import → pseudonymise → analyse)."""
    job = _job_for(db, user, job_id)
    if job.status != "uppladdad":
        raise HTTPException(409, f"Jobbet kan inte startas (status: {job.status}).")
    from nlp.jobs import upload_file

    try:
        path = upload_file(job.upload_path)
        preview = _preview(path, sheet=body.sheet, text_columns=body.text_columns,
                           column_map=body.column_map)
    except BrukarrostError as exc:
        raise HTTPException(422, exc.message) from None
    if body.taxonomy:
        from api.access import taxonomy_labels

        taxonomy_labels(body.taxonomy)
    job.params = {
        "preview": preview, "text_columns": preview["text_columns"],
        "column_map": preview["column_map"], "sheet": body.sheet, "taxonomy": body.taxonomy,
    }
    job.status = "vantar"
    audit(db, user, "jobb_startat", "job", job.id, taxonomi=body.taxonomy)
    db.commit()
    worker = request.app.state.worker
    if worker is not None:
        worker.notify()
    return job


@router.delete("/jobs/{job_id}", response_model=JobOut)
def cancel(
    job_id: Id, user: User = Depends(require_role("analyst")), db: Session = Depends(get_db)
) -> Job:
    """Cancel an upload that has not been started; its file is deleted."""
    job = _job_for(db, user, job_id)
    if job.status != "uppladdad":
        raise HTTPException(409, f"Bara ett jobb som inte har startats kan avbrytas (status: {job.status}).")
    remove_upload(job.upload_path)
    job.upload_path, job.status = None, "avbruten"
    audit(db, user, "jobb_avbrutet", "job", job.id)
    db.commit()
    return job


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)) -> JobOut:
    """Status and progress (stage, n of N) of a job; readable while it runs."""
    from nlp.jobs import live_progress

    job = _job_for(db, user, job_id)
    out = JobOut.model_validate(job)
    live = live_progress(job.id) if job.status == "pagar" else None
    if live is not None:  # fresher than the row while the import transaction is open
        out.stage, out.progress_n, out.progress_total = live
    return out


@router.get("/projects/{project_id}/jobs", response_model=list[JobOut])
def list_jobs(project: Project = Depends(project_access), db: Session = Depends(get_db)) -> list[Job]:
    return list(db.scalars(select(Job).where(Job.project_id == project.id).order_by(Job.id.desc())))
