"""Datasets, records, themes, suggestions and aggregates (with small-cell suppression)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import record_dict, record_for, run_for, visible_decisions
from api.auth import current_user, project_access
from api.deps import MAX_ID, Id, audit, get_db
from api.schemas import DatasetOut, DecisionOut, RecordOut
from nlp.report import (
    ThemeFigures,
    cell_json,
    curated_themes,
    hidden_groups_text,
    load_run_report,
    run_record_ids,
)
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
from nlp.validation_status import statuses

router = APIRouter(tags=["data"])


@router.get("/projects/{project_id}/datasets", response_model=list[DatasetOut])
def datasets(project: Project = Depends(project_access), db: Session = Depends(get_db)) -> list[DatasetOut]:
    """Imports of the project, each with its analysis runs (status and progress)."""
    out = []
    imports = db.scalars(select(Import).where(Import.project_id == project.id).order_by(Import.id))
    for imp in imports:
        runs = db.scalars(select(AnalysisRun).where(AnalysisRun.import_id == imp.id).order_by(AnalysisRun.id))
        out.append(
            DatasetOut(
                import_id=imp.id,
                filename=imp.filename,
                created_at=imp.created_at,
                n_rows=imp.n_rows,
                n_records=imp.n_records,
                text_columns=imp.text_columns or [],
                runs=[
                    {
                        "run_id": r.id,
                        "status": r.status,
                        "stage": r.stage,
                        "progress_n": r.progress_n,
                        "progress_total": r.progress_total,
                        "taxonomy_id": r.taxonomy_id,
                        "classifier_version": r.classifier_version,
                        "embed_model": r.embed_model,
                        "created_at": r.created_at,
                        "finished_at": r.finished_at,
                        "error": r.error,
                    }
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


def _suggestion_json(s: Suggestion, key: Literal["run_id", "record_id"]) -> dict[str, Any]:
    """A suggestion as the API shows it, led by its run (an answer's list) or its answer (a run's list)."""
    return {
        key: getattr(s, key),
        "taxonomy_id": s.taxonomy_id,
        "label_id": s.label_id,
        "probability": s.probability,
        "in_prediction_set": s.in_prediction_set,
        "model_version": s.model_version,
    }


@router.get("/records/{record_id}")
def record(record_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)) -> dict[str, Any]:
    """One answer with its suggestions (per run), themes, decisions and label status."""
    rec, project = record_for(db, user, record_id)
    sugg = db.scalars(
        select(Suggestion)
        .where(Suggestion.record_id == rec.id)
        .order_by(Suggestion.run_id.desc(), Suggestion.probability.desc())
    ).all()
    cls = db.scalars(
        select(Classification).where(Classification.record_id == rec.id).order_by(Classification.run_id.desc())
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
        "suggestions": [_suggestion_json(s, "run_id") for s in sugg],
        "classifications": [
            {
                "run_id": c.run_id,
                "taxonomy_id": c.taxonomy_id,
                "model_version": c.model_version,
                "prediction_set": c.prediction_set,
                "unsure": c.unsure,
                "valence": c.valence,
                "valence_probability": c.valence_probability,
                "evidence": c.evidence,
            }
            for c in cls
        ],
        "themes": _record_themes(db, themes),
        "decisions": [DecisionOut.model_validate(e).model_dump() for e in shown],
        # Other organisations' decisions a validator may not read: only how many of each.
        "decisions_hidden": hidden,
        "label_status": {f"{tax}/{label}": st for (_, tax, label), st in statuses(events).items()},
    }


def _record_themes(db: Session, themes: Sequence[Any]) -> list[dict[str, Any]]:
    """An answer's stored themes, each with the curated theme holding it (its id and title:
    the name people gave it, or the merged theme it is now part of)."""
    curated = {run_id: curated_themes(db, run_id) for run_id in {t.run_id for t in themes}}
    out = []
    for t in themes:
        held = curated[t.run_id].of[t.id]
        out.append(
            {
                "theme_id": t.id,
                "run_id": t.run_id,
                "topic": t.topic,
                "label": t.label,
                "weight": t.weight,
                "curated_theme_id": held,
                "title": curated[t.run_id].title(held),
            }
        )
    return out


@router.get("/records/{record_id}/suggestions")
def record_suggestions(
    record_id: Id,
    user: User = Depends(current_user),
    db: Session = Depends(get_db),
    run_id: int | None = Query(default=None, ge=1, le=MAX_ID),
) -> list[dict[str, Any]]:
    """Label suggestions ("förslag") for one answer, with probability and model version."""
    rec, _ = record_for(db, user, record_id)
    q = select(Suggestion).where(Suggestion.record_id == rec.id)
    if run_id is not None:
        q = q.where(Suggestion.run_id == run_id)
    return [
        _suggestion_json(s, "run_id")
        for s in db.scalars(q.order_by(Suggestion.run_id.desc(), Suggestion.probability.desc()))
    ]


@router.get("/runs/{run_id}/suggestions")
def run_suggestions(
    run_id: Id,
    user: User = Depends(current_user),
    db: Session = Depends(get_db),
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
    return [_suggestion_json(s, "record_id") for s in db.scalars(q)]


def _theme_json(t: ThemeFigures, months: list[str]) -> dict[str, Any]:
    hidden = t.cell.hidden
    return {
        "id": t.id,
        "topic": t.topic,
        "label": t.label,
        "name": t.name,
        "title": t.title,
        "phrase": t.phrase,
        "words": t.words,
        "size": t.cell.count,
        "share": t.cell.share,
        "ki95": list(t.cell.ci) if not hidden else None,
        "dold": hidden,
        "example_record_ids": [] if hidden else [e.record_id for e in t.examples],
        "emerging": t.emerging,
        "over_time": None
        if hidden
        else {
            "months": months,
            "counts": [c.count for c in t.over_time],
            "share": [c.share for c in t.over_time],
        },
    }


@router.get("/runs/{run_id}/themes")
def themes(run_id: Id, user: User = Depends(current_user), db: Session = Depends(get_db)) -> dict[str, Any]:
    """Themes of a run (nlp.report's read model): curated name and title, size, share and CI,
    counts per month by main theme, and "new or growing" flags. Counts below the suppression
    threshold are hidden."""
    run, _ = run_for(db, user, run_id)
    rep = load_run_report(db, run.id)
    out = [_theme_json(t, rep.months) for t in rep.themes]
    return {
        "run_id": run.id,
        "suppression_threshold": rep.threshold,
        "themes": out,
        "emerging": [_theme_json(t, rep.months) for t in rep.emerging_themes],
    }


BreakdownBy = Literal["gender", "unit", "source_type", "period"]


def _status_counts(db: Session, run: AnalysisRun) -> dict[str, Counter[str]]:
    """label → how many answers of the run have each validation status."""
    record_ids = run_record_ids(db, run.id)
    events = (
        db.scalars(
            select(ValidationEvent).where(
                ValidationEvent.record_id.in_(record_ids), ValidationEvent.taxonomy_id == (run.taxonomy_id or "")
            )
        ).all()
        if record_ids
        else []
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (_rid, _tax, label), st in statuses(events).items():
        counts[label][st] += 1
    return counts


@router.get("/runs/{run_id}/aggregates")
def aggregates(
    run_id: Id,
    user: User = Depends(current_user),
    db: Session = Depends(get_db),
    by: list[BreakdownBy] = Query(default=["gender", "unit", "source_type", "period"]),
) -> dict[str, Any]:
    """Per label (nlp.report's read model): answers the label is counted for (the
    classifier's decisions; "raknar": "forslagsmangd" for runs stored before decisions were
    kept), share with 95 % CI, "i_forslagsmangd" (answers with it in the prediction set),
    mean probability, validation status counts, and breakdowns by gender, unit, source and
    month. Cells below the suppression threshold are hidden."""
    run, _ = run_for(db, user, run_id)
    rep = load_run_report(db, run.id)
    status_counts = _status_counts(db, run)
    hidden_row = {
        "grupp": hidden_groups_text(rep.threshold),
        "antal": None,
        "n": None,
        "andel": None,
        "ki95": None,
        "dold": True,
    }
    out = []
    for lab in rep.labels:
        breakdowns: dict[str, list[dict[str, Any]]] = {}
        for dim in by:
            b = rep.breakdown(dim)
            groups = [{"grupp": g.key, **cell_json(g.cells[lab.id])} for g in b.groups]
            breakdowns[dim] = groups + ([hidden_row] if b.hidden_groups else [])
        out.append(
            {
                "label_id": lab.id,
                "titel": lab.title,
                **cell_json(lab.counted),
                "i_forslagsmangd": lab.in_set.count,
                "medelsannolikhet": lab.mean_probability,
                "validering": dict(status_counts.get(lab.id, {})),
                "breakdowns": breakdowns,
            }
        )
    return {
        "run_id": run.id,
        "taxonomy_id": run.taxonomy_id,
        "n": rep.n_answers,
        "raknar": "forslagsmangd" if rep.counts_prediction_sets else "beslutade",
        "suppression_threshold": rep.threshold,
        "labels": out,
    }
