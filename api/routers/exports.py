"""Exports (CSV, XLSX, the HTML report)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import may_read_report, run_for
from api.auth import current_user, require_role
from api.deps import Id, audit, get_db
from nlp.spreadsheet import csv_text, xlsx_bytes
from nlp.validation_status import statuses
from nlp.store.models import (
    Classification,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
    User,
    ValidationEvent,
)

router = APIRouter(tags=["export"])
COLUMNS = ["svar_id", "rad", "fraga", "text_pseudonymiserad", "datum", "verksamhet", "kalla",
           "kon", "aldersgrupp", "etiketter_beslutade", "etiketter_forslag", "sannolikheter", "osaker",
           "osaker_orsak", "valens",
           "valideringsstatus", "teman", "modellversion"]


def _rows(db: Session, run_id: Id, taxonomy_id: str) -> Iterator[list[Any]]:
    recs = db.execute(
        select(RecordRow, Classification)
        .join(Classification, Classification.record_id == RecordRow.id)
        .where(Classification.run_id == run_id)
        .order_by(RecordRow.id)
    ).all()
    ids = [r.id for r, _ in recs]
    probs: dict[int, dict[str, float]] = defaultdict(dict)
    # The classifier's decided labels; etiketter_forslag keeps the (wider) prediction set.
    decided: dict[int, list[str]] = defaultdict(list)
    for s in db.scalars(select(Suggestion).where(Suggestion.run_id == run_id).order_by(Suggestion.label_id)):
        probs[s.record_id][s.label_id] = round(s.probability, 4)
        if s.decided:
            decided[s.record_id].append(s.label_id)
    themes: dict[int, list[str]] = defaultdict(list)
    for rid, label in db.execute(
        select(ThemeAssignment.record_id, Theme.label)
        .join(Theme, Theme.id == ThemeAssignment.theme_id).where(Theme.run_id == run_id)
    ):
        themes[rid].append(label)
    st: dict[int, dict[str, str]] = defaultdict(dict)
    if ids:
        events = db.scalars(select(ValidationEvent).where(
            ValidationEvent.record_id.in_(ids), ValidationEvent.taxonomy_id == taxonomy_id))
        for (rid, _tax, label), s in statuses(events).items():
            st[rid or 0][label] = s
    for r, c in recs:
        yield [
            r.id, r.row, r.question, r.text, r.date.isoformat() if r.date else "", r.unit or "",
            r.source_type or "", r.gender or "", r.age_group or "",
            ";".join(decided.get(r.id, [])), ";".join(c.prediction_set or []),
            json.dumps(probs.get(r.id, {}), ensure_ascii=False),
            "ja" if c.unsure else "nej", c.unsure_reason or "", c.valence or "",
            json.dumps(st.get(r.id, {}), ensure_ascii=False), ";".join(themes.get(r.id, [])),
            c.model_version,
        ]


@router.get("/runs/{run_id}/export", responses={200: {"content": {
    "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}})
def export(
    run_id: Id,
    format: Literal["csv", "xlsx"] = Query(default="csv"),
    user: User = Depends(require_role("analyst", "coordinator")),
    db: Session = Depends(get_db),
) -> Response:
    """Pseudonymised answers with suggested labels, probabilities, validation status, themes."""
    run, _ = run_for(db, user, run_id)
    rows = list(_rows(db, run.id, run.taxonomy_id or ""))
    audit(db, user, "export", "run", run.id, format=format, antal=len(rows))
    db.commit()
    name = f"brukarrost-analys-{run.id}"
    if format == "csv":
        return Response(csv_text(COLUMNS, rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return Response(
        xlsx_bytes(COLUMNS, rows, sheet="svar"),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
    )


@router.get("/runs/{run_id}/report", response_class=HTMLResponse)
def report(
    run_id: Id,
    user: User = Depends(current_user),
    db: Session = Depends(get_db),
) -> HTMLResponse:
    """The self-contained HTML report of a finished run (small groups hidden)."""
    from nlp.errors import BrukarrostError
    from nlp.report import build_report, render_html

    if not may_read_report(user):
        raise HTTPException(403, "Din roll har inte behörighet till detta.")
    run, _ = run_for(db, user, run_id)
    try:
        html = render_html(build_report(run.id, engine=db.get_bind()))
    except BrukarrostError as exc:
        raise HTTPException(409, exc.message) from None
    audit(db, user, "rapport", "run", run.id)
    db.commit()
    return HTMLResponse(html, headers={"Content-Security-Policy": _report_csp(html)})


def _report_csp(html: str) -> str:
    """The report is one self-contained file with its CSS in <style>: allow exactly that
    CSS (by hash) and nothing else; it has no scripts."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    ) or "'none'"
    return (f"default-src 'none'; style-src {hashes}; img-src data:; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")
