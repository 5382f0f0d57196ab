"""One judgement on the validator page: every shown label of an answer, for the answer and
the identical or near-identical ones grouped with it, saved at once; undo of one's latest
judgement; and "Mina bedömningar", one's own judgements with the outcome of each.

A judgement is stored as ordinary decision events (one per answer and label, the format of
api/services/validation.py and nlp/validation_status.py) that share a batch id, so the
status rules, agreement, training and joint analysis read them as before.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.access import record_dict, record_for
from api.deps import audit, release, serial_write
from api.services.errors import Invalid, NotFound
from api.services.validation import known_labels, new_event
from nlp.store.models import Project, RecordRow, User, ValidationEvent
from nlp.validation_status import statuses

__all__ = ["JUDGEMENTS", "judge", "latest_batch", "my_judgements", "undo_last"]

# What the buttons mean: "accept" saves the ticks as they are (ticked = the label holds,
# an unticked suggestion = it does not); "reject" says none of the suggestions holds (a
# label ticked beyond them still holds); "unsure" leaves the suggestions undecided.
JUDGEMENTS = ("accept", "reject", "unsure")


def _verdicts(judgement: str, suggested: Sequence[str], ticked: Sequence[str]) -> dict[str, str]:
    """label -> decision for one answer."""
    if judgement == "unsure":
        return dict.fromkeys(suggested, "unsure")
    out = {lab: ("accept" if judgement == "accept" and lab in ticked else "reject") for lab in suggested}
    out.update({lab: "accept" for lab in ticked if lab not in suggested})
    return out


def judge(
    db: Session,
    user: User,
    record_ids: Sequence[int],
    *,
    taxonomy_id: str,
    judgement: str,
    suggested: Sequence[str],
    ticked: Sequence[str] = (),
    comment: str | None = None,
) -> str:
    """Save one judgement on these answers (the first is the one shown; the rest are grouped
    with it) and return its batch id. `suggested`: the labels shown as the model's
    suggestions; `ticked`: the labels the judge ticked. One event per answer and label."""
    if judgement not in JUDGEMENTS:
        raise Invalid("Okänt beslut.")
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        raise Invalid("Inget svar att bedöma.")
    verdicts = _verdicts(judgement, list(dict.fromkeys(suggested)), list(dict.fromkeys(ticked)))
    if not verdicts:
        raise Invalid("Kryssa i minst ett område, eller välj ”Vet inte”.")
    records = [record_for(db, user, rid) for rid in ids]
    project = records[0][1]
    if any(p.id != project.id for _, p in records):
        raise Invalid("Svaren hör till olika projekt.")
    known = known_labels(db, project, taxonomy_id)
    if any(lab not in known for lab in verdicts):
        raise Invalid("Etiketten finns inte i taxonomin.")
    batch = uuid.uuid4().hex
    events = [
        new_event(
            user, rec, project, False, taxonomy_id=taxonomy_id, label_id=lab, decision=dec, comment=comment, batch=batch
        )
        for rec, _ in records
        for lab, dec in verdicts.items()
    ]
    release(db)  # end the read transaction before queueing for the writer lock
    with serial_write(db):
        db.add_all(events)
        db.flush()
        for rec, _ in records:
            audit(db, user, "beslut", "record", rec.id, batch=batch, labels=verdicts, grouped=len(ids))
        db.commit()
    return batch


def latest_batch(db: Session, user: User, project: Project) -> str | None:
    return db.scalar(
        select(ValidationEvent.batch)
        .where(
            ValidationEvent.project_id == project.id,
            ValidationEvent.user_id == user.id,
            ValidationEvent.is_resolution.is_(False),
            ValidationEvent.batch.is_not(None),
        )
        .order_by(ValidationEvent.id.desc())
        .limit(1)
    )


def undo_last(db: Session, user: User, project: Project) -> list[int]:
    """Withdraw the user's latest judgement in the project; returns its answers' ids.

    The one exception to append-only, and a narrow one: only one's own, only the latest,
    and not once joint analysis has settled any of its labels. The withdrawal is in the
    audit log (which events, which answers), so the history of who decided what is kept."""
    batch = latest_batch(db, user, project)
    if batch is None:
        raise NotFound("Du har inget beslut att ångra.")
    events = db.scalars(select(ValidationEvent).where(ValidationEvent.batch == batch)).all()
    keys = {(e.record_id, e.taxonomy_id, e.label_id) for e in events}
    first = min(e.id for e in events)
    later = db.scalars(
        select(ValidationEvent).where(
            ValidationEvent.record_id.in_({k[0] for k in keys}),
            ValidationEvent.is_resolution.is_(True),
            ValidationEvent.id > first,
        )
    ).all()
    if any((e.record_id, e.taxonomy_id, e.label_id) in keys for e in later):
        raise Invalid("Beslutet har redan avgjorts i gemensam analys och kan inte ångras.")
    record_ids = sorted({e.record_id for e in events if e.record_id is not None})
    event_ids = [e.id for e in events]
    release(db)
    with serial_write(db):
        db.execute(delete(ValidationEvent).where(ValidationEvent.id.in_(event_ids), ValidationEvent.user_id == user.id))
        audit(db, user, "beslut_angrat", "project", project.id, batch=batch, event_ids=event_ids, record_ids=record_ids)
        db.commit()
    return record_ids


def _outcome(events: list[ValidationEvent], mine: dict[str, Any]) -> dict[str, Any]:
    """What became of one of the user's decisions on (answer, label), from all its events."""
    status = statuses(events).get((mine["record_id"], mine["taxonomy_id"], mine["label_id"]), "forslag")
    resolved = [e for e in events if e.is_resolution and e.label_id == mine["label_id"]]
    judges = {e.user_id or e.actor for e in events if not e.is_resolution and e.label_id == mine["label_id"]}
    return {
        "status": status,
        "settled": resolved[-1].decision if resolved else None,
        "others": len(judges - {mine["user_id"]}),
    }


def my_judgements(db: Session, user: User, project: Project, limit: int = 30) -> list[dict[str, Any]]:
    """The user's latest `limit` judgements in the project, newest first, each with its
    answers and per label the decision and its outcome (status, settled in joint analysis,
    how many others judged it). An audited read of the answers shown."""
    mine = db.scalars(
        select(ValidationEvent)
        .where(
            ValidationEvent.project_id == project.id,
            ValidationEvent.user_id == user.id,
            ValidationEvent.record_id.is_not(None),
            ValidationEvent.is_resolution.is_(False),
        )
        .order_by(ValidationEvent.id.desc())
    ).all()
    batches: dict[str, list[ValidationEvent]] = {}
    for e in mine:
        key = e.batch or f"e{e.id}"
        if key not in batches and len(batches) >= limit:
            continue
        batches.setdefault(key, []).append(e)
    record_ids = {e.record_id for evs in batches.values() for e in evs}
    all_events: dict[int, list[ValidationEvent]] = defaultdict(list)
    for e in db.scalars(
        select(ValidationEvent).where(ValidationEvent.record_id.in_(record_ids)).order_by(ValidationEvent.id)
    ):
        all_events[e.record_id].append(e)
    recs = {r.id: r for r in db.scalars(select(RecordRow).where(RecordRow.id.in_(record_ids)))}
    out = []
    for key, evs in batches.items():
        head = min(e.record_id for e in evs)
        labels = {}
        for e in sorted(evs, key=lambda x: x.id):
            if e.record_id == head:
                d = {"record_id": head, "taxonomy_id": e.taxonomy_id, "label_id": e.label_id, "user_id": user.id}
                labels[e.label_id] = {"decision": e.decision, **_outcome(all_events[head], d)}
        out.append(
            {
                "batch": key,
                "at": max(e.created_at for e in evs),
                "record": record_dict(recs[head]) if head in recs else None,
                "n_records": len({e.record_id for e in evs}),
                "taxonomy_id": evs[0].taxonomy_id,
                "labels": labels,
                "comment": evs[0].comment,
            }
        )
    shown = sorted({r for b in out for r in ([b["record"]["id"]] if b["record"] else [])})
    if shown:
        audit(db, user, "las_svar", "project", project.id, via="mina_bedomningar", record_ids=shown)
        db.commit()
    return [b for b in out if b["record"] is not None]
