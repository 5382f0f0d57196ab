"""Storing an analysis run's results: themes, theme assignments, classifications, suggestions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Engine, insert

from nlp.classify import ClassificationResult
from nlp.pipeline.common import BATCH, jsonable
from nlp.store import session_scope
from nlp.store.models import Classification, Suggestion, Theme, ThemeAssignment
from nlp.themes import ThemeResult


def store_results(
    engine: Engine,
    run_id: int,
    taxonomy_id: str,
    ids: Sequence[int],
    themes: ThemeResult,
    results: Sequence[ClassificationResult],
    *,
    extra: Callable[[Any], None] | None = None,
) -> None:
    """All results of one run in a single transaction (nothing half-written on failure);
    `extra(session)` stores more in the same transaction (a project's themes)."""
    with session_scope(engine) as session:
        if extra is not None:
            extra(session)
        theme_db_ids = _store_themes(session, run_id, themes)
        assignments = [
            {"record_id": rid, "theme_id": theme_db_ids[tid], "weight": float(w)}
            for rid, pairs in themes.assignments.items()
            for tid, w in pairs
            if tid in theme_db_ids
        ]
        classifications, suggestions = [], []
        for rid, res in zip(ids, results):
            classifications.append(_classification_row(run_id, rid, taxonomy_id, res))
            suggestions.extend(
                {
                    "run_id": run_id,
                    "record_id": rid,
                    "taxonomy_id": taxonomy_id,
                    "label_id": sug.label,
                    "probability": float(sug.probability),
                    "in_prediction_set": sug.label in res.prediction_set,
                    "decided": bool(getattr(sug, "decided", False)),
                    "model_version": res.model_version,
                }
                for sug in res.suggestions
            )
        for rows, model in (
            (assignments, ThemeAssignment),
            (classifications, Classification),
            (suggestions, Suggestion),
        ):
            for i in range(0, len(rows), BATCH):
                session.execute(insert(model), rows[i : i + BATCH])


def _store_themes(session: Any, run_id: int, themes: ThemeResult) -> dict[int, int]:
    """Theme rows of the run; returns topic number → theme row id."""
    theme_db_ids: dict[int, int] = {}
    for t in themes.themes:
        lo, hi = t.ci
        row = Theme(
            run_id=run_id,
            topic=t.id,
            label=t.label,
            phrase=t.phrase,
            words=list(t.words),
            size=t.size,
            share=t.share,
            ci_low=lo,
            ci_high=hi,
            example_record_ids=list(t.example_ids),
            emerging=_emerging_for(themes, t.id),
            key=t.key,
        )
        session.add(row)
        session.flush()
        theme_db_ids[t.id] = row.id
    return theme_db_ids


def _classification_row(run_id: int, rid: int, taxonomy_id: str, res: ClassificationResult) -> dict[str, Any]:
    valence = res.valence
    return {
        "run_id": run_id,
        "record_id": rid,
        "taxonomy_id": taxonomy_id,
        "model_version": res.model_version,
        "prediction_set": list(res.prediction_set),
        "unsure": bool(res.unsure),
        "unsure_reason": getattr(res, "unsure_reason", None),
        "valence": valence.label if valence else None,
        "valence_probability": float(valence.probability) if valence else None,
        "evidence": jsonable(res.evidence),
    }


def _emerging_for(themes: Any, theme_id: int) -> dict[str, Any] | None:
    for flag in getattr(themes, "emerging", None) or []:
        fid = flag.get("theme_id") if isinstance(flag, dict) else getattr(flag, "theme_id", None)
        if fid == theme_id:
            return jsonable(flag)
    return None
