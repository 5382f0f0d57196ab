"""The answers of a run as one table, for the exports: one row per answer, with the
classifier's decided labels beside its (wider) prediction set and the themes by their
curated names (the same names the report shows)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.report.curation import curated_themes
from nlp.store.models import (
    Classification,
    RecordRow,
    Suggestion,
    ThemeAssignment,
)

COLUMNS = [
    "svar_id",
    "rad",
    "fraga",
    "text_pseudonymiserad",
    "datum",
    "verksamhet",
    "kalla",
    "kon",
    "aldersgrupp",
    "etiketter_beslutade",
    "etiketter_forslag",
    "sannolikheter",
    "osaker",
    "osaker_orsak",
    "valens",
    "valideringsstatus",
    "teman",
    "modellversion",
]


def run_record_ids(session: Session, run_id: int) -> list[int]:
    """The answers the run classified, in id order."""
    return list(
        session.scalars(
            select(Classification.record_id).where(Classification.run_id == run_id).order_by(Classification.record_id)
        )
    )


def answer_table(
    session: Session, run_id: int, status_of: Mapping[int, Mapping[str, str]] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """(COLUMNS, rows). `status_of`: record id → {label: validation status}."""
    status_of = status_of or {}
    recs = session.execute(
        select(RecordRow, Classification)
        .join(Classification, Classification.record_id == RecordRow.id)
        .where(Classification.run_id == run_id)
        .order_by(RecordRow.id)
    ).all()
    probs: dict[int, dict[str, float]] = defaultdict(dict)
    decided: dict[int, list[str]] = defaultdict(list)
    for s in session.scalars(select(Suggestion).where(Suggestion.run_id == run_id).order_by(Suggestion.label_id)):
        probs[s.record_id][s.label_id] = round(s.probability, 4)
        if s.decided:
            decided[s.record_id].append(s.label_id)
    themes = _theme_titles(session, run_id)
    return COLUMNS, [
        [
            r.id,
            r.row,
            r.question,
            r.text,
            r.date.isoformat() if r.date else "",
            r.unit or "",
            r.source_type or "",
            r.gender or "",
            r.age_group or "",
            ";".join(decided.get(r.id, [])),
            ";".join(c.prediction_set or []),
            json.dumps(probs.get(r.id, {}), ensure_ascii=False),
            "ja" if c.unsure else "nej",
            c.unsure_reason or "",
            c.valence or "",
            json.dumps(dict(status_of.get(r.id, {})), ensure_ascii=False),
            ";".join(themes.get(r.id, [])),
            c.model_version,
        ]
        for r, c in recs
    ]


def _theme_titles(session: Session, run_id: int) -> dict[int, list[str]]:
    """record id → the titles of its curated themes (as ThemeFigures.title), heaviest first."""
    curated = curated_themes(session, run_id)
    title = {t.id: curated.title(t.id) for t in curated.themes}
    held: dict[int, list[int]] = defaultdict(list)
    for rid, tid in session.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id)
        .where(ThemeAssignment.theme_id.in_(list(curated.of)))
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc(), ThemeAssignment.theme_id)
    ):
        if curated.of[tid] not in held[rid]:  # two merged parts are one theme
            held[rid].append(curated.of[tid])
    return {rid: [title[cid] for cid in cids] for rid, cids in held.items()}
