"""Analysis jobs: an uploaded file becomes a job, its column mapping starts it, it can be
cancelled before that, and its progress is read while it runs (the worker is nlp/jobs.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import taxonomy_labels
from api.deps import audit, get_row
from api.services.errors import Conflict, Invalid
from api.services.projects import project_of_object
from nlp.errors import BrukarrostError, InputError
from nlp.ingest import DOCUMENT_WHOLE_COLUMN, document_text_columns, inspect_isolated, parse_date
from nlp.jobs import live_progress, remove_upload, upload_file
from nlp.safe_store import neutral_file_name
from nlp.store.models import AnalysisRun, Job, Project, User

# What an ingest message advises for the command line, as said on a web page or to the API.
_FOR_PAGES = {
    "Ange textkolumnerna själv med --textkolumn.": "Kontrollera att filen har en rubrikrad och en kolumn med fritextsvar.",
}


def upload_message(exc: BrukarrostError) -> str:
    """An ingest error as the person who uploaded the file reads it: about "den uppladdade
    filen" (the saved file's name, export.csv, is not a name they know, and their own may
    hold personal data), with advice for the page instead of for the command line."""
    text = exc.for_upload() if isinstance(exc, InputError) else exc.message
    for cli, page in _FOR_PAGES.items():
        text = text.replace(cli, page)
    return text


def preview(path: Path, **kwargs: Any) -> dict[str, Any]:
    """The detected columns of an uploaded file; Invalid when it cannot be read.

    Parsed in a child process with memory and time limits: a hostile upload cannot grow the
    server's memory, and what the parse took is returned when the child exits."""
    try:
        return inspect_isolated(path, **kwargs).to_dict()
    except BrukarrostError as exc:
        raise Invalid(upload_message(exc)) from None


def job_for(db: Session, user: User, job_id: int) -> Job:
    """The job if the user may reach its project, else NotFound."""
    job = get_row(db, Job, job_id)
    project_of_object(
        db, user, job.project_id if job else None, "Jobbet finns inte, eller så har du inte tillgång till det."
    )
    assert job is not None
    return job


def list_jobs(db: Session, project_id: int) -> list[Job]:
    return list(db.scalars(select(Job).where(Job.project_id == project_id).order_by(Job.id.desc())))


def register_upload(db: Session, user: User, project: Project, saved: Any) -> tuple[Job, dict[str, Any]]:
    """A job (status "uppladdad") and the detected columns for a file saved in its private
    directory (api.upload.SavedUpload: directory, path, size, file_format); an unreadable
    file is removed and Invalid says why."""
    try:
        columns = preview(saved.path)
    except Invalid:
        remove_upload(str(saved.directory))
        raise
    except Exception:  # noqa: BLE001 - an unreadable file is the user's problem to fix
        remove_upload(str(saved.directory))
        raise Invalid(f"Filen kunde inte läsas som {saved.file_format.upper()}.") from None
    job = Job(
        project_id=project.id,
        kind="analys",
        status="uppladdad",
        filename=None,
        upload_path=str(saved.directory),
        size_bytes=saved.size,
        params={"preview": columns},
        created_by=user.username,
    )
    db.add(job)
    db.flush()
    # Never the user's file name (it may hold a name or personnummer): "uppladdning 7 (csv)".
    job.filename = neutral_file_name("uppladdning", job.id, saved.file_format)
    audit(db, user, "uppladdning", "job", job.id, storlek=saved.size, format=saved.file_format)
    db.commit()
    return job, columns


# The document form's source choices: stored category → as the form shows it.
DOCUMENT_SOURCES = {"berattelse": "Berättelse", "patientforum": "Patientforum", "enkat": "Enkät"}
# A document table's only metadata column is the file name, kept as a keyed respondent id.
_DOCUMENT_MAP = {"respondent_id": "Dokument", "date": "", "unit": "", "source_type": "", "gender": "", "age_group": ""}


def document_fields(db: Session, project_id: int, fields: dict[str, str]) -> tuple[dict[str, str], str]:
    """The document form's metadata (date as YYYY-MM-DD, unit, source type) and taxonomy,
    checked; Invalid names the field to correct."""
    raw_date = (fields.get("datum") or "").strip()
    parsed = parse_date(raw_date) if raw_date else None
    if raw_date and parsed is None:
        raise Invalid("Datumet känns inte igen: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.")
    unit = " ".join((fields.get("verksamhet") or "").split())
    if len(unit) > 200:
        raise Invalid("Verksamheten får vara högst 200 tecken.")
    source = fields.get("kalla") or "berattelse"
    if source not in DOCUMENT_SOURCES:
        raise Invalid("Välj en av källorna i listan.")
    taxonomy = fields.get("taxonomi") or "samsjuklighet"
    taxonomy_labels(db, project_id, taxonomy)  # Invalid for a taxonomy the project does not have
    meta = {"date": parsed.isoformat() if parsed else "", "unit": unit, "source_type": source}
    return meta, taxonomy


def register_documents(db: Session, user: User, project: Project, saved: Any) -> Job:
    """A queued analysis job for uploaded documents (api.upload.SavedUpload with the form's
    fields): each story whole and per paragraph; the file names only as keyed respondent ids."""
    try:
        meta, taxonomy = document_fields(db, project.id, saved.fields)
        columns = preview(saved.path, column_map=_DOCUMENT_MAP, text_columns=[DOCUMENT_WHOLE_COLUMN])
    except Exception:
        remove_upload(str(saved.directory))
        raise
    texts = document_text_columns(columns["columns"])
    job = Job(
        project_id=project.id,
        kind="analys",
        status="vantar",
        filename=None,
        upload_path=str(saved.directory),
        size_bytes=saved.size,
        params={
            "preview": columns,
            "text_columns": texts,
            "column_map": _DOCUMENT_MAP,
            "metadata": meta,
            "taxonomy": taxonomy,
        },
        created_by=user.username,
    )
    db.add(job)
    db.flush()
    job.filename = neutral_file_name("dokument", job.id, saved.path.suffix.lstrip("."))
    audit(db, user, "uppladdning", "job", job.id, storlek=saved.size, format="dokument", taxonomi=taxonomy)
    db.commit()
    return job


def start(
    db: Session,
    user: User,
    job_id: int,
    *,
    text_columns: list[str] | None = None,
    column_map: dict[str, str] | None = None,
    sheet: str | None = None,
    taxonomy: str | None = None,
) -> Job:
    """Confirm the column mapping and queue the analysis (committed; the caller wakes the worker)."""
    job = job_for(db, user, job_id)
    if job.status != "uppladdad":
        raise Conflict(f"Jobbet kan inte startas (status: {job.status}).")
    try:
        path = upload_file(job.upload_path)
    except BrukarrostError as exc:
        raise Invalid(exc.message) from None
    found = preview(path, sheet=sheet, text_columns=text_columns, column_map=column_map)
    if taxonomy:
        taxonomy_labels(db, job.project_id, taxonomy)
    job.params = {
        "preview": found,
        "text_columns": found["text_columns"],
        "column_map": found["column_map"],
        "sheet": sheet,
        "taxonomy": taxonomy,
    }
    job.status = "vantar"
    audit(db, user, "jobb_startat", "job", job.id, taxonomi=taxonomy)
    db.commit()
    return job


def cancel(db: Session, user: User, job_id: int) -> Job:
    """Cancel an upload that has not been started; its file is deleted."""
    job = job_for(db, user, job_id)
    if job.status != "uppladdad":
        raise Conflict(f"Bara ett jobb som inte har startats kan avbrytas (status: {job.status}).")
    remove_upload(job.upload_path)
    job.upload_path, job.status = None, "avbruten"
    audit(db, user, "jobb_avbrutet", "job", job.id)
    db.commit()
    return job


def progress(job: Job) -> tuple[str, int, int] | None:
    """Stage and n of N while the job runs, fresher than the row (whose import
    transaction is still open)."""
    return live_progress(job.id) if job.status == "pagar" else None


def stage_times(db: Session, job: Job) -> dict[str, float]:
    """Seconds of each stage of the job's analysis run so far (the run keeps them as it goes)."""
    if job.run_id is None:
        return {}
    run = db.get(AnalysisRun, job.run_id)
    return dict(((run.settings or {}) if run else {}).get("tider_s") or {})


__all__ = [
    "DOCUMENT_SOURCES",
    "cancel",
    "document_fields",
    "job_for",
    "list_jobs",
    "preview",
    "progress",
    "register_documents",
    "register_upload",
    "stage_times",
    "start",
    "upload_message",
]
