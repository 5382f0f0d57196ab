"""Validation: the queue (active learning or by theme), decisions as events, joint
resolution, label status and agreement. Shared by the JSON API and the pages."""

from __future__ import annotations

import math
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.access import (
    latest_run_id,
    record_dict,
    record_for,
    run_for,
    taxonomy_labels,
    visible_decisions,
)
from api.deps import audit, get_row, release, serial_write
from api.services.errors import Invalid, NotFound
from nlp.report import curated_themes
from nlp.store.models import (
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
from nlp.validation_status import expand, statuses, verdict


def _queue_ids(
    db: Session, user: User, run_id: int, taxonomy_id: str | None, order: str, theme_id: int | None, limit: int
) -> list[int]:
    judged = select(ValidationEvent.record_id).where(
        ValidationEvent.user_id == user.id,
        ValidationEvent.record_id.is_not(None),
        ValidationEvent.taxonomy_id == (taxonomy_id or ""),
    )
    if order == "tema":
        if theme_id is None:
            raise Invalid("Ange theme_id för ordningen tema.")
        theme = db.get(Theme, theme_id)
        if theme is None or theme.run_id != run_id:
            raise NotFound("Temat finns inte i analysen.")
        # A merged theme is made of several stored themes: its queue holds the answers of all.
        of = curated_themes(db, run_id).of
        parts = [sid for sid, cid in of.items() if cid == of.get(theme_id, theme_id)]
        q = (
            select(ThemeAssignment.record_id)
            .where(ThemeAssignment.theme_id.in_(parts), ThemeAssignment.record_id.not_in(judged))
            .group_by(ThemeAssignment.record_id)
            .order_by(func.max(ThemeAssignment.weight).desc(), ThemeAssignment.record_id)
        )
    else:
        margin = func.min(func.abs(Suggestion.probability - 0.5))
        q = (
            select(Suggestion.record_id)
            .where(Suggestion.run_id == run_id, Suggestion.record_id.not_in(judged))
            .group_by(Suggestion.record_id)
            .order_by(margin, Suggestion.record_id)
        )
    return list(db.scalars(q.limit(limit)))


def _queue_items(db: Session, run_id: int, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    recs = {r.id: r for r in db.scalars(select(RecordRow).where(RecordRow.id.in_(ids)))}
    sugg: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for s in db.scalars(
        select(Suggestion)
        .where(Suggestion.run_id == run_id, Suggestion.record_id.in_(ids))
        .order_by(Suggestion.probability.desc())
    ):
        sugg[s.record_id].append(
            {
                "label_id": s.label_id,
                "probability": s.probability,
                "in_prediction_set": s.in_prediction_set,
                "model_version": s.model_version,
            }
        )
    unsure = dict(
        db.execute(
            select(Classification.record_id, Classification.unsure).where(
                Classification.run_id == run_id, Classification.record_id.in_(ids)
            )
        ).all()
    )
    return [
        {"record": record_dict(recs[i]), "suggestions": sugg.get(i, []), "unsure": bool(unsure.get(i, False))}
        for i in ids
        if i in recs
    ]


def queue(
    db: Session,
    user: User,
    project: Project,
    *,
    order: str = "osakerhet",
    run_id: int | None = None,
    theme_id: int | None = None,
    limit: int = 20,
) -> dict[str, Any]:
    """Answers for this user to judge, not yet judged by them (an audited read).

    order=osakerhet: the model's least certain first (a suggestion closest to 0.5:
    uncertainty sampling for active learning). order=tema: one theme's answers, most
    typical first.
    """
    rid = run_id or latest_run_id(db, project.id)
    if rid is None:
        return {"run_id": None, "items": []}
    run, _ = run_for(db, user, rid)
    if db.get(Import, run.import_id).project_id != project.id:
        raise NotFound("Analysen hör inte till projektet.")
    ids = _queue_ids(db, user, run.id, run.taxonomy_id, order, theme_id, limit)
    items = _queue_items(db, run.id, ids)
    audit(
        db, user, "las_svar", "project", project.id, record_ids=[i["record"]["id"] for i in items], via="valideringskö"
    )
    db.commit()
    return {"run_id": run.id, "taxonomy_id": run.taxonomy_id, "order": order, "items": items}


def known_labels(db: Session, project: Project, taxonomy_id: str) -> set[str]:
    """Labels of what the taxonomy id means in the project: its own upload, a run's snapshot or
    a shipped file (nlp.store.resolve_taxonomy)."""
    return taxonomy_labels(db, project.id, taxonomy_id)


def new_event(
    user: User, rec: RecordRow, project: Project, is_resolution: bool, other_labels: Sequence[str] = (), **fields: Any
) -> ValidationEvent:
    """A decision event by `user` on `rec`, with who they are (organisation, role) at this moment."""
    return ValidationEvent(
        record_id=rec.id,
        project_id=project.id,
        user_id=user.id,
        is_resolution=is_resolution,
        other_labels=list(other_labels),
        actor=user.username,
        organisation=user.organisation,
        role=user.role,
        **fields,
    )


def decide(
    db: Session,
    user: User,
    record_id: int,
    *,
    taxonomy_id: str,
    label_id: str,
    decision: str,
    other_labels: list[str] | tuple[str, ...] = (),
    comment: str | None = None,
) -> ValidationEvent:
    """Record a decision (accept, reject, other labels, unsure). Never overwrites: a new
    decision is a new event, and disagreement between judges makes the label "omstridd"."""
    rec, project = record_for(db, user, record_id)
    known = known_labels(db, project, taxonomy_id)
    if label_id not in known:
        raise Invalid("Etiketten finns inte i taxonomin.")
    if decision == "other" and not other_labels:
        raise Invalid("Ange minst en annan etikett när beslutet är 'other'.")
    if any(lab not in known for lab in other_labels):
        raise Invalid("En av de andra etiketterna finns inte i taxonomin.")
    others = other_labels if decision == "other" else ()
    fields = {"taxonomy_id": taxonomy_id, "label_id": label_id, "decision": decision, "comment": comment}
    event = new_event(user, rec, project, False, others, batch=uuid.uuid4().hex, **fields)
    release(db)  # end the read transaction before queueing for the writer lock
    with serial_write(db):
        db.add(event)
        db.flush()
        audit(db, user, "beslut", "record", rec.id, event_id=event.id, label=label_id, decision=decision)
        db.commit()
    return event


def resolve(
    db: Session,
    user: User,
    record_id: int,
    *,
    project_id: int | None = None,
    taxonomy_id: str,
    label_id: str,
    decision: str,
    comment: str | None = None,
) -> ValidationEvent:
    """Settle a label after joint analysis; earlier decisions stay as they were. With
    project_id, the answer must be in that project."""
    if project_id is not None:
        rec = get_row(db, RecordRow, record_id)
        if rec is None or rec.import_.project_id != project_id:
            raise NotFound("Svaret finns inte i projektet.")
    rec, project = record_for(db, user, record_id)
    if label_id not in known_labels(db, project, taxonomy_id):
        raise Invalid("Etiketten finns inte i taxonomin.")
    fields = {"taxonomy_id": taxonomy_id, "label_id": label_id, "decision": decision, "comment": comment}
    event = new_event(user, rec, project, True, **fields)
    db.add(event)
    db.flush()
    audit(db, user, "gemensamt_beslut", "record", rec.id, event_id=event.id, label=label_id, decision=decision)
    db.commit()
    return event


def decisions(db: Session, user: User, record_id: int) -> list[ValidationEvent]:
    """The decisions on an answer that the user may read (api.access.visible_decisions)."""
    rec, project = record_for(db, user, record_id)
    shown, _hidden = visible_decisions(
        user,
        project,
        db.scalars(select(ValidationEvent).where(ValidationEvent.record_id == rec.id).order_by(ValidationEvent.id)),
    )
    return shown


def label_status(db: Session, project_id: int, status: str | None = None, limit: int = 200) -> dict[str, Any]:
    """Status per (answer, label) from the decisions; e.g. status=omstridd lists disputes."""
    events = db.scalars(
        select(ValidationEvent).where(ValidationEvent.project_id == project_id, ValidationEvent.record_id.is_not(None))
    ).all()
    st = statuses(events)
    counts = Counter(st.values())
    items = [
        {"record_id": rid, "taxonomy_id": tax, "label_id": lab, "status": s}
        for (rid, tax, lab), s in sorted(st.items(), key=lambda kv: (kv[0][0] or 0, kv[0][2]))
        if status is None or s == status
    ][:limit]
    return {"counts": dict(counts), "items": items}


def _alpha(matrix: list[list[float]]) -> float | None:
    import krippendorff  # loaded on first use: numpy-heavy, only the agreement figures need it
    import numpy as np

    data = np.array(matrix, dtype=float)
    values = set(np.unique(data[~np.isnan(data)]).tolist())
    if data.shape[0] < 2 or data.shape[1] == 0:
        return None
    if len(values) < 2:
        # Everyone gave the same value on every item: perfect agreement, alpha undefined.
        return None
    a = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return None if math.isnan(a) else a


def _coded(
    db: Session, project_id: int, by: str, taxonomy_id: str | None
) -> dict[tuple[str, str], dict[int, dict[str, list[int]]]]:
    """(taxonomy, label) -> answer -> coder -> verdicts: each judge's latest decision."""
    q = select(ValidationEvent).where(
        ValidationEvent.project_id == project_id,
        ValidationEvent.record_id.is_not(None),
        ValidationEvent.is_resolution.is_(False),
    )
    if taxonomy_id:
        q = q.where(ValidationEvent.taxonomy_id == taxonomy_id)
    latest: dict[tuple[str, str, int, Any], Any] = {}
    for e in expand(db.scalars(q.order_by(ValidationEvent.id))):
        latest[(e.taxonomy_id, e.label_id, e.record_id, e.user_id or e.actor)] = e
    table: dict[tuple[str, str], dict[int, dict[str, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for (tax, label, rid, _who), e in latest.items():
        v = verdict(e.decision)
        if v is None:
            continue
        coder = (e.organisation or "utan organisation") if by == "organisation" else (e.actor or "?")
        table[(tax, label)][rid][coder].append(v)
    return table


def agreement(db: Session, project_id: int, by: str = "validator", taxonomy_id: str | None = None) -> dict[str, Any]:
    """Krippendorff's alpha (nominal) and raw agreement per label over the answers judged
    by at least two validators (or organisations). Each judge's latest decision counts;
    "unsure" counts as no judgement. An organisation's judgement is its members' majority."""
    out = []
    for (tax, label), items in sorted(_coded(db, project_id, by, taxonomy_id).items()):
        resolved: dict[int, dict[str, int]] = {}
        for rid, coders in items.items():
            vals: dict[str, int] = {}
            for coder, vs in coders.items():
                c = Counter(vs).most_common()
                if len(c) == 1 or c[0][1] > c[1][1]:  # ties within an organisation: no value
                    vals[coder] = c[0][0]
            if len(vals) >= 2:
                resolved[rid] = vals
        coders = sorted({c for vals in resolved.values() for c in vals})
        matrix = [[float(resolved[rid].get(c, math.nan)) for rid in sorted(resolved)] for c in coders]
        agree = sum(1 for vals in resolved.values() if len(set(vals.values())) == 1)
        out.append(
            {
                "taxonomy_id": tax,
                "label_id": label,
                "n_items": len(resolved),
                "n_coders": len(coders),
                "alpha": _alpha(matrix) if resolved else None,
                "raw_agreement": agree / len(resolved) if resolved else None,
            }
        )
    return {"by": by, "labels": out}


__all__ = ["agreement", "decide", "decisions", "known_labels", "label_status", "new_event", "queue", "resolve"]
