"""Exports: every format registered in nlp/report/formats/, and the HTML report."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import may_read_report, run_for
from api.auth import current_user, require_role
from api.deps import Id, audit, get_db
from nlp.errors import BrukarrostError
from nlp.report import (
    FORMATS,
    export_book,
    load_run_report,
    render_html,
    report_json,
    run_record_ids,
)
from nlp.store.models import AnalysisRun, User, ValidationEvent
from nlp.validation_status import statuses

router = APIRouter(tags=["export"])
# The accepted `format` values are the registered formats (nlp/report/formats/).
FormatName = Literal[tuple(FORMATS)]  # type: ignore[valid-type]


def _statuses(db: Session, run: AnalysisRun) -> dict[int, dict[str, str]]:
    """record id → {label: validation status} for the run's answers."""
    ids = run_record_ids(db, run.id)
    out: dict[int, dict[str, str]] = defaultdict(dict)
    if ids:
        events = db.scalars(
            select(ValidationEvent).where(
                ValidationEvent.record_id.in_(ids), ValidationEvent.taxonomy_id == (run.taxonomy_id or "")
            )
        )
        for (rid, _tax, label), st in statuses(events).items():
            out[rid or 0][label] = st
    return out


@router.get("/runs/{run_id}/export", responses={200: {"content": {f.media_type: {} for f in FORMATS.values()}}})
def export(
    run_id: Id,
    format: FormatName = Query(default="csv"),  # type: ignore[valid-type]
    user: User = Depends(require_role("analyst", "coordinator")),
    db: Session = Depends(get_db),
) -> Response:
    """Pseudonymised answers with the labels people decided, the model's suggestions, one
    probability column per label, validation status and themes (by curated name), one row per
    answer or per respondent, and a summary (workbook formats), in any registered format."""
    run, _ = run_for(db, user, run_id)
    fmt = FORMATS[format]
    try:
        book = export_book(db, run.id, _statuses(db, run))
    except BrukarrostError as exc:  # a run that is not finished has nothing to export yet
        raise HTTPException(409, exc.message) from None
    audit(db, user, "export", "run", run.id, format=fmt.name, antal=len(book.sheet("svar").rows))
    db.commit()
    return Response(
        fmt.write(book),
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="brukarrost-analys-{run.id}.{fmt.suffix}"'},
    )


@router.get("/runs/{run_id}/report", response_class=HTMLResponse)
def report(
    run_id: Id,
    user: User = Depends(current_user),
    db: Session = Depends(get_db),
) -> HTMLResponse:
    """The self-contained HTML report of a finished run (small groups hidden)."""
    if not may_read_report(user):
        raise HTTPException(403, "Din roll har inte behörighet till detta.")
    run, _ = run_for(db, user, run_id)
    try:
        html = render_html(report_json(load_run_report(db, run.id)))
    except BrukarrostError as exc:
        raise HTTPException(409, exc.message) from None
    audit(db, user, "rapport", "run", run.id)
    db.commit()
    return HTMLResponse(html, headers={"Content-Security-Policy": _report_csp(html)})


def _report_csp(html: str) -> str:
    """The report is one self-contained file with its CSS in <style>: allow exactly that
    CSS (by hash) and nothing else; it has no scripts."""
    hashes = (
        " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
            for css in re.findall(r"<style>(.*?)</style>", html, flags=re.DOTALL)
        )
        or "'none'"
    )
    return (
        f"default-src 'none'; style-src {hashes}; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )
