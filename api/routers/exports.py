"""Exports (CSV, XLSX, the HTML report) and erasure of one respondent."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from api.access import may_read_report, run_for
from api.auth import current_user, project_access, require_role
from api.deps import Id, audit, get_db
from api.schemas import ErasureIn
from nlp.validation_status import statuses
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    Insight,
    Project,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
    Tombstone,
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
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        data = "\ufeff" + buf.getvalue()  # BOM: Excel opens UTF-8 correctly
        return Response(data, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("svar")
    ws.append(COLUMNS)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()  # in memory: nothing is written to a temp file
    wb.save(out)
    return Response(
        out.getvalue(),
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
    return HTMLResponse(html)


@router.post("/projects/{project_id}/erasure")
def erase(
    body: ErasureIn,
    project: Project = Depends(project_access),
    user: User = Depends(require_role("analyst")),
    db: Session = Depends(get_db),
) -> dict[str, Any]:
    """Delete everything about one respondent: answers, suggestions, theme links; decisions
    keep only a reference to a tombstone. The raw id is turned into the keyed HMAC at once
    and is never stored or logged."""
    from nlp.pseudonymise import Pseudonymiser, load_or_create_key

    key = Pseudonymiser(load_or_create_key()).respondent_key(body.respondent_id)
    ids = list(db.scalars(
        select(RecordRow.id).join(Import, Import.id == RecordRow.import_id)
        .where(Import.project_id == project.id, RecordRow.respondent_key == key)
    ))
    tomb = Tombstone(project_id=project.id, actor=user.username, counts={})
    db.add(tomb)
    db.flush()
    counts = {"svar": len(ids), "forslag": 0, "beslut": 0}
    if ids:
        counts["forslag"] = len(list(db.scalars(select(Suggestion.id).where(Suggestion.record_id.in_(ids)))))
        res = db.execute(
            update(ValidationEvent).where(ValidationEvent.record_id.in_(ids))
            .values(record_id=None, tombstone_id=tomb.id, comment=None)
        )
        counts["beslut"] = res.rowcount or 0
        per_import: dict[int, int] = defaultdict(int)
        for imp_id in db.scalars(select(RecordRow.import_id).where(RecordRow.id.in_(ids))):
            per_import[imp_id] += 1
        # Explicit deletes, not only FK cascades, so it also holds where cascades are off.
        for model in (Suggestion, Classification):
            db.execute(delete(model).where(model.record_id.in_(ids)))
        db.execute(delete(ThemeAssignment).where(ThemeAssignment.record_id.in_(ids)))
        db.execute(delete(RecordRow).where(RecordRow.id.in_(ids)))
        for imp_id, n in per_import.items():
            imp = db.get(Import, imp_id)
            imp.n_records = max(0, imp.n_records - n)
        gone = set(ids)
        project_themes = (
            select(Theme).join(AnalysisRun, AnalysisRun.id == Theme.run_id)
            .join(Import, Import.id == AnalysisRun.import_id).where(Import.project_id == project.id)
        )
        for theme in db.scalars(project_themes):
            if gone & set(theme.example_record_ids or []):
                theme.example_record_ids = [i for i in theme.example_record_ids if i not in gone]
        for ins in db.scalars(select(Insight).where(Insight.project_id == project.id)):
            ev = dict(ins.evidence or {})
            if gone & set(ev.get("record_ids", [])):
                ev["record_ids"] = [i for i in ev["record_ids"] if i not in gone]
                ins.evidence = ev
    tomb.counts = counts
    audit(db, user, "radering", "tombstone", tomb.id, project_id=project.id, **counts)
    db.commit()
    return {"tombstone_id": tomb.id, **counts}
