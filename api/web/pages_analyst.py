"""Analyst pages: the report of an analysis run."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import is_member
from api.deps import audit, get_db
from api.web.queries import build_report
from api.web.render import deny, render, web_user
from nlp.config import get_settings
from nlp.store.models import AnalysisRun, Import, User

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
    run = db.get(AnalysisRun, run_id)
    if run is None or run.status != "klar":
        return render(request, "fel.html", user=user, status_code=409, title="Analysen är inte klar",
                      text="Rapporten visas när analysen är klar. Följ förloppet på projektsidan.")
    rep = build_report(db, run_id, threshold=get_settings().suppression_threshold)
    # The report shows answer texts (examples): every read goes to the audit log.
    audit(db, user, "visa_rapport", "korning", run_id)
    db.commit()
    return render(request, "rapport.html", user=user, title=f"Rapport: {rep.import_.filename}",
                  r=rep, active="/projekt", downloads=download_links(run_id, project_id))


def download_links(run_id: int, project_id: int) -> list[tuple[str, str]]:
    """Links to the API's exports (issue 6): pseudonymised texts with labels, and the report."""
    return [
        (f"/api/projects/{project_id}/runs/{run_id}/export.csv", "Svar med förslag och teman (CSV)"),
        (f"/api/projects/{project_id}/runs/{run_id}/export.xlsx", "Svar med förslag och teman (Excel, XLSX)"),
        (f"/api/projects/{project_id}/runs/{run_id}/report.html", "Rapporten som fristående HTML-fil"),
    ]
