"""Datasets, records, themes, suggestions and aggregates (with small-cell suppression)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import record_dict, record_for, run_for, visible_decisions
from api.auth import current_user, project_access
from api.deps import MAX_ID, Id, audit, get_db
from api.schemas import DatasetOut, DecisionOut, RecordOut
from nlp.validation_status import statuses
from nlp.config import get_settings
from nlp.stats import wilson_interval
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    Project,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
    User,
    ValidationEvent,
)

router = APIRouter(tags=["data"])


def _threshold() -> int:
    return get_settings().suppression_threshold


@router.get("/projects/{project_id}/datasets", response_model=list[DatasetOut])
def datasets(project: Project = Depends(project_access), db: Session = Depends(get_db)) -> list[DatasetOut]:
    """Imports of the project, each with its analysis runs (status and progress)."""
    out = []
    imports = db.scalars(select(Import).where(Import.project_id == project.id).order_by(Import.id))
    for imp in imports:
        runs = db.scalars(
            select(AnalysisRun).where(AnalysisRun.import_id == imp.id).order_by(AnalysisRun.id)
        )
        out.append(
            DatasetOut(
                import_id=imp.id, filename=imp.filename, created_at=imp.created_at,
                n_rows=imp.n_rows, n_records=imp.n_records, text_columns=imp.text_columns or [],
                runs=[
                    {"run_id": r.id, "status": r.status, "stage": r.stage,
                     "progress_n": r.progress_n, "progress_total": r.progress_total,
                     "taxonomy_id": r.taxonomy_id, "classifier_version": r.classifier_version,
                     "embed_model": r.embed_model, "created_at": r.created_at,
                     "finished_at": r.finished_at, "error": r.error}
                    for r in runs
                ],
            )
        )
    return out


@router.get("/projects/{project_id}/records", response_model=list[RecordOut])
def records(
    project: Project = Depends(project_access),
    user: User = Depends(current_user),
    db: Session = Depends(get_db),
    import_id: int | None = Query(default=None, ge=1, le=MAX_ID),
    unit: str | None = Query(default=None, max_length=300),
    limit: int = Query(default=50, ge=1, le=500),
    offset: int = Query(default=0, ge=0, le=10_000_000),
) -> list[dict[str, Any]]:
    """Pseudonymised answers with metadata. Every read is written to the audit log."""
    q = (
        select(RecordRow)
        .join(Import, Import.id == RecordRow.import_id)
        .where(Import.project_id == project.id)
        .order_by(RecordRow.id)
    )
    if import_id is not None:
        q = q.where(RecordRow.import_id == import_id)
    if unit is not None:
        q = q.where(RecordRow.unit == unit)
    rows = list(db.scalars(q.limit(limit).offset(offset)))
    audit(db, user, "las_svar", "project", project.id, record_ids=[r.id for r in rows])
    db.commit()
    return [record_dict(r) for r in rows]


@router.get("/records/{record_id}")
def record(
    record_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)
) -> dict[str, Any]:
    """One answer with its suggestions (per run), themes, decisions and label status."""
    rec, project = record_for(db, user, record_id)
    sugg = db.scalars(
        select(Suggestion).where(Suggestion.record_id == rec.id)
        .order_by(Suggestion.run_id.desc(), Suggestion.probability.desc())
    ).all()
    cls = db.scalars(
        select(Classification).where(Classification.record_id == rec.id)
        .order_by(Classification.run_id.desc())
    ).all()
    themes = db.execute(
        select(Theme.id, Theme.run_id, Theme.topic, Theme.label, ThemeAssignment.weight)
        .join(ThemeAssignment, ThemeAssignment.theme_id == Theme.id)
        .where(ThemeAssignment.record_id == rec.id)
    ).all()
    events = db.scalars(
        select(ValidationEvent).where(ValidationEvent.record_id == rec.id).order_by(ValidationEvent.id)
    ).all()
    shown, hidden = visible_decisions(user, project, events)
    audit(db, user, "las_svar", "record", rec.id)
    db.commit()
    return {
        "record": record_dict(rec),
        "suggestions": [
            {"run_id": s.run_id, "taxonomy_id": s.taxonomy_id, "label_id": s.label_id,
             "probability": s.probability, "in_prediction_set": s.in_prediction_set,
             "model_version": s.model_version}
            for s in sugg
        ],
        "classifications": [
            {"run_id": c.run_id, "taxonomy_id": c.taxonomy_id, "model_version": c.model_version,
             "prediction_set": c.prediction_set, "unsure": c.unsure, "valence": c.valence,
             "valence_probability": c.valence_probability, "evidence": c.evidence}
            for c in cls
        ],
        "themes": [
            {"theme_id": t.id, "run_id": t.run_id, "topic": t.topic, "label": t.label,
             "weight": t.weight}
            for t in themes
        ],
        "decisions": [DecisionOut.model_validate(e).model_dump() for e in shown],
        # Other organisations' decisions a validator may not read: only how many of each.
        "decisions_hidden": hidden,
        "label_status": {
            f"{tax}/{label}": st for (_, tax, label), st in statuses(events).items()
        },
    }


@router.get("/records/{record_id}/suggestions")
def record_suggestions(
    record_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db),
    run_id: int | None = Query(default=None, ge=1, le=MAX_ID),
) -> list[dict[str, Any]]:
    """Label suggestions ("förslag") for one answer, with probability and model version."""
    rec, _ = record_for(db, user, record_id)
    q = select(Suggestion).where(Suggestion.record_id == rec.id)
    if run_id is not None:
        q = q.where(Suggestion.run_id == run_id)
    return [
        {"run_id": s.run_id, "taxonomy_id": s.taxonomy_id, "label_id": s.label_id,
         "probability": s.probability, "in_prediction_set": s.in_prediction_set,
         "model_version": s.model_version}
        for s in db.scalars(q.order_by(Suggestion.run_id.desc(), Suggestion.probability.desc()))
    ]


@router.get("/runs/{run_id}/suggestions")
def run_suggestions(
    run_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db),
    label_id: str | None = Query(default=None, max_length=100),
    min_probability: float = Query(default=0.0, ge=0.0, le=1.0),
    limit: int = Query(default=100, ge=1, le=1000),
    offset: int = Query(default=0, ge=0, le=10_000_000),
) -> list[dict[str, Any]]:
    """Suggestions of one run (record ids, no text), highest probability first."""
    run, _ = run_for(db, user, run_id)
    q = select(Suggestion).where(Suggestion.run_id == run.id, Suggestion.probability >= min_probability)
    if label_id:
        q = q.where(Suggestion.label_id == label_id)
    q = q.order_by(Suggestion.probability.desc(), Suggestion.id).limit(limit).offset(offset)
    return [
        {"record_id": s.record_id, "taxonomy_id": s.taxonomy_id, "label_id": s.label_id,
         "probability": s.probability, "in_prediction_set": s.in_prediction_set,
         "model_version": s.model_version}
        for s in db.scalars(q)
    ]


def _month(d: Any) -> str | None:
    return d.strftime("%Y-%m") if d else None


def _cell(k: int, n: int, threshold: int) -> dict[str, Any]:
    """A count with share and 95 % Wilson interval; hidden when k or n is below threshold."""
    if n < threshold or k < threshold:
        return {"antal": None, "n": None if n < threshold else n, "andel": None, "ki95": None,
                "dold": True}
    lo, hi = wilson_interval(k, n)
    return {"antal": k, "n": n, "andel": k / n, "ki95": [lo, hi], "dold": False}


@router.get("/runs/{run_id}/themes")
def themes(
    run_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)
) -> dict[str, Any]:
    """Themes of a run with size, share and CI, counts per month and "new or growing" flags.

    Themes smaller than the suppression threshold have their counts hidden.
    """
    run, _ = run_for(db, user, run_id)
    thr = _threshold()
    rows = db.scalars(select(Theme).where(Theme.run_id == run.id).order_by(Theme.topic)).all()
    # each record's main theme, for counts over time
    assign = db.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id, ThemeAssignment.weight,
               RecordRow.date)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .join(RecordRow, RecordRow.id == ThemeAssignment.record_id)
        .where(Theme.run_id == run.id)
    ).all()
    best: dict[int, tuple[float, int, Any]] = {}
    for rid, tid, w, d in assign:
        if rid not in best or w > best[rid][0]:
            best[rid] = (w, tid, d)
    per_theme: dict[int, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for _w, tid, d in best.values():
        m = _month(d)
        if m:
            per_theme[tid][m] += 1
            totals[m] += 1
    months = sorted(totals)
    out = []
    for t in rows:
        hidden = t.size < thr
        counts = [per_theme[t.id][m] for m in months]
        out.append({
            "id": t.id, "topic": t.topic, "label": t.label, "phrase": t.phrase,
            "words": list(t.words or [])[:10],
            "size": None if hidden else t.size, "share": None if hidden else t.share,
            "ki95": None if hidden else [t.ci_low, t.ci_high], "dold": hidden,
            "example_record_ids": [] if hidden else list(t.example_record_ids or []),
            "emerging": t.emerging,
            "over_time": None if hidden else {
                "months": months,
                "counts": [c if c >= thr else None for c in counts],
                "share": [c / totals[m] if c >= thr and totals[m] else None
                          for c, m in zip(counts, months)],
            },
        })
    return {"run_id": run.id, "suppression_threshold": thr, "themes": out,
            "emerging": [x for x in out if x["emerging"] and not x["dold"]]}


BreakdownBy = Literal["gender", "unit", "source_type", "period"]


@router.get("/runs/{run_id}/aggregates")
def aggregates(
    run_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db),
    by: list[BreakdownBy] = Query(default=["gender", "unit", "source_type", "period"]),
) -> dict[str, Any]:
    """Per label: answers the classifier decided on (Suggestion.decided), share with 95 %
    CI, how many have it in the prediction set ("i_forslagsmangd": "kan också handla om"),
    validation status counts, and breakdowns by gender, unit, source and month. Cells <
    threshold hidden. Runs stored before decisions were kept count their prediction sets
    ("raknar": "forslagsmangd")."""
    run, _ = run_for(db, user, run_id)
    thr = _threshold()
    rows = db.execute(
        select(Classification.record_id, Classification.prediction_set, RecordRow.gender,
               RecordRow.unit, RecordRow.source_type, RecordRow.date)
        .join(RecordRow, RecordRow.id == Classification.record_id)
        .where(Classification.run_id == run.id)
    ).all()
    n = len(rows)
    labels: set[str] = set()
    for r in rows:
        labels.update(r.prediction_set or [])
    labels.update(db.scalars(select(Suggestion.label_id).where(Suggestion.run_id == run.id).distinct()))
    # The prediction set is wide by design when the model is unsure (zero-shot: most labels),
    # so shares count the classifier's decided labels; the set is reported beside them.
    decided: dict[int, set[str]] = defaultdict(set)
    for rid, lab in db.execute(select(Suggestion.record_id, Suggestion.label_id).where(
            Suggestion.run_id == run.id, Suggestion.decided.is_(True))):
        decided[rid].add(lab)
    in_set = {r.record_id: set(r.prediction_set or []) for r in rows}
    legacy = not decided and any(in_set.values())
    counted = in_set if legacy else decided
    record_ids = [r.record_id for r in rows]
    events = db.scalars(
        select(ValidationEvent).where(ValidationEvent.record_id.in_(record_ids),
                                      ValidationEvent.taxonomy_id == (run.taxonomy_id or ""))
    ).all() if record_ids else []
    status_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (_rid, _tax, label), st in statuses(events).items():
        status_counts[label][st] += 1

    def group_of(r: Any, attr: str) -> str:
        if attr == "period":
            return _month(r.date) or "okänt"
        return getattr(r, attr) or "okänt"

    out = []
    for label in sorted(labels):
        k = sum(1 for r in rows if label in counted.get(r.record_id, ()))
        k_set = sum(1 for r in rows if label in in_set[r.record_id])
        entry: dict[str, Any] = {"label_id": label, **_cell(k, n, thr),
                                 "i_forslagsmangd": k_set if k_set >= thr else None,
                                 "validering": dict(status_counts.get(label, {}))}
        breakdowns: dict[str, list[dict[str, Any]]] = {}
        for attr in by:
            g_n: Counter[str] = Counter()
            g_k: Counter[str] = Counter()
            for r in rows:
                g = group_of(r, attr)
                g_n[g] += 1
                if label in counted.get(r.record_id, ()):
                    g_k[g] += 1
            groups = []
            hidden_groups = 0
            for g in sorted(g_n):
                if g_n[g] < thr:
                    hidden_groups += 1  # too small to show even its name
                    continue
                groups.append({"grupp": g, **_cell(g_k[g], g_n[g], thr)})
            if hidden_groups:
                groups.append({"grupp": f"(dolda grupper med färre än {thr} svar)",
                               "antal": None, "n": None, "andel": None, "ki95": None, "dold": True})
            breakdowns[attr] = groups
        entry["breakdowns"] = breakdowns
        out.append(entry)
    return {"run_id": run.id, "taxonomy_id": run.taxonomy_id, "n": n,
            "raknar": "forslagsmangd" if legacy else "beslutade", "suppression_threshold": thr,
            "labels": out}
