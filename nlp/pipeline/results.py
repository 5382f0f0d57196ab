"""Storing an analysis run's results: themes, theme assignments, classifications, suggestions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from sqlalchemy import Engine, insert

from nlp.pipeline.common import BATCH, jsonable
from nlp.pipeline.partitions import ClassifiedParts
from nlp.store import session_scope
from nlp.store.models import Classification, Suggestion, Theme, ThemeAssignment
from nlp.themes import ThemeResult


def store_results(
    engine: Engine,
    run_id: int,
    taxonomy_id: str,
    ids: Iterable[int],
    themes: ThemeResult,
    classified: ClassifiedParts,
    *,
    extra: Callable[[Any], None] | None = None,
) -> None:
    """All results of one run in a single transaction (nothing half-written on failure);
    `extra(session)` stores more in the same transaction (a project's themes). `ids`: every
    answer's record id, in the run's order (read as the classifications are).

    The rows are made and inserted a batch at a time, the classifications read from their
    partitions' files as they go: memory does not grow with the number of answers."""
    with session_scope(engine) as session:
        if extra is not None:
            extra(session)
        theme_db_ids = _store_themes(session, run_id, themes)
        assignments = (
            {"record_id": rid, "theme_id": theme_db_ids[tid], "weight": float(w)}
            for rid, pairs in themes.assignment_rows()
            for tid, w in pairs
            if tid in theme_db_ids
        )
        _insert_batches(session, ThemeAssignment, assignments)
        classifications: list[dict[str, Any]] = []
        suggestions: list[dict[str, Any]] = []
        for rid, (columns, sugs) in zip(ids, classified.rows(), strict=True):
            classifications.append({"run_id": run_id, "record_id": rid, "taxonomy_id": taxonomy_id, **columns})
            suggestions.extend(
                {
                    "run_id": run_id,
                    "record_id": rid,
                    "taxonomy_id": taxonomy_id,
                    "label_id": label,
                    "probability": probability,
                    "in_prediction_set": in_set,
                    "decided": decided,
                    "model_version": columns["model_version"],
                }
                for label, probability, in_set, decided in sugs
            )
            if len(classifications) >= BATCH:
                session.execute(insert(Classification), classifications)
                classifications.clear()
            if len(suggestions) >= BATCH:
                session.execute(insert(Suggestion), suggestions)
                suggestions.clear()
        for model, rows in ((Classification, classifications), (Suggestion, suggestions)):
            if rows:
                session.execute(insert(model), rows)


def _insert_batches(session: Any, model: Any, rows: Iterable[dict[str, Any]]) -> None:
    """INSERTs of BATCH rows at a time from an iterable that is never held whole."""
    it = iter(rows)
    while batch := list(islice(it, BATCH)):
        session.execute(insert(model), batch)


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


def _emerging_for(themes: Any, theme_id: int) -> dict[str, Any] | None:
    for flag in getattr(themes, "emerging", None) or []:
        fid = flag.get("theme_id") if isinstance(flag, dict) else getattr(flag, "theme_id", None)
        if fid == theme_id:
            return jsonable(flag)
    return None
