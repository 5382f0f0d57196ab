"""Upload an export, preview its columns, confirm the mapping, follow the analysis job.
The logic is api/services/jobs.py, which the analyst pages call too."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from api.auth import (
    CurrentUser,
    ProjectAccess,
    require_role,
)
from api.deps import DB, Id, wake_worker
from api.schemas import JobOut, MappingIn, UploadOut
from api.services import jobs
from api.upload import accept_documents, accept_upload
from nlp.store.models import Job, User

router = APIRouter(tags=["uppladdning och jobb"])
Analyst = Annotated[User, Depends(require_role("analyst"))]

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


@router.post(
    "/projects/{project_id}/uploads",
    response_model=UploadOut,
    status_code=201,
    openapi_extra=_UPLOAD_BODY,
)
async def upload(request: Request, project: ProjectAccess, user: Analyst, db: DB) -> UploadOut:
    """Upload an export (CSV, XLSX or JSON; field `fil`), streamed to a private directory.

    The type is checked from the content. Returns the job (status "uppladdad") and a
    preview of the detected columns; start the analysis with POST /jobs/{id}/start.
    """
    return await accept_upload(request, db, user, project)


_DOCUMENT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["fil"],
                    "properties": {
                        "fil": {"type": "string", "format": "binary"},
                        "datum": {"type": "string", "description": "ÅÅÅÅ-MM-DD"},
                        "verksamhet": {"type": "string"},
                        "kalla": {"type": "string", "enum": list(jobs.DOCUMENT_SOURCES)},
                        "taxonomi": {"type": "string"},
                    },
                }
            }
        },
    }
}


@router.post(
    "/projects/{project_id}/documents",
    response_model=JobOut,
    status_code=201,
    openapi_extra=_DOCUMENT_BODY,
)
async def upload_documents(request: Request, project: ProjectAccess, user: Analyst, db: DB) -> JobOut:
    """Upload stories or notes: one .docx, .odt, .txt or .md file, or a zip of them (field
    `fil`), with `datum`, `verksamhet`, `kalla` and `taxonomi`. Each story is analysed whole
    and per paragraph; the job is queued at once."""
    out = await accept_documents(request, db, user, project)
    wake_worker(request)
    return out


@router.post("/jobs/{job_id}/start", response_model=JobOut)
def start(job_id: Id, body: MappingIn, request: Request, user: Analyst, db: DB) -> Job:
    """Confirm the column mapping and queue the analysis (import → pseudonymise → analyse)."""
    job = jobs.start(db, user, job_id, **body.model_dump())
    wake_worker(request)
    return job


@router.delete("/jobs/{job_id}", response_model=JobOut)
def cancel(job_id: Id, user: Analyst, db: DB) -> Job:
    """Cancel an upload that has not been started; its file is deleted."""
    return jobs.cancel(db, user, job_id)


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job_id: Id, user: CurrentUser, db: DB) -> JobOut:
    """Status and progress (stage, n of N) of a job; readable while it runs."""
    job = jobs.job_for(db, user, job_id)
    out = JobOut.model_validate(job)
    live = jobs.progress(job)
    if live is not None:
        out.stage, out.progress_n, out.progress_total = live
    out.tider_s = jobs.stage_times(db, job)
    return out


@router.get("/projects/{project_id}/jobs", response_model=list[JobOut])
def list_jobs(project: ProjectAccess, db: DB) -> list[Job]:
    return jobs.list_jobs(db, project.id)
