"""Joint analysis of disputed labels ("omstridd"): every judge's decision side by side,
and the joint decision that settles the label, for identical and near-identical answers
together; and the agreement between validators and organisations (Krippendorff's alpha).

The list uses the same status rules as the API (nlp.validation_status), and the joint
decision is written by the validation service the API uses too (api/services/validation.py),
so pages and API share one implementation, one event format and one audit entry.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.access import visible_decisions
from api.auth import verify_csrf
from api.deps import DB, audit_reads
from api.schemas import ResolutionIn
from api.services import answer_groups, validation
from api.web.queries import SOURCE_TEXT, label_titles, latest_run, month, run_label_titles
from api.web.render import JudgedLabelForm, WebUser, page_project, render
from nlp.store.models import Project, RecordRow, User, ValidationEvent
from nlp.validation_status import statuses

router = APIRouter()
RESOLVERS = ("analyst", "coordinator", "admin")
PAGE_SIZE = 50  # disputes per page view; each shown answer is an audited read


def _resolver_project(db: Session, user: User, project_id: int) -> Project:
    return page_project(
        db, user, project_id, RESOLVERS, "Gemensam analys av omstridda etiketter görs av analytiker och samordnare."
    )


def disputes(
    db: Session, project_id: int, limit: int = PAGE_SIZE, *, user: User | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """Disputed (record, label) pairs with each judge's decisions, oldest first per pair.

    With a user, only the decisions they may read are listed (api.access.visible_decisions;
    the rest as counts under "hidden"). Returns (number of disputes, the first `limit`).
    """
    project = db.get(Project, project_id)
    events = db.scalars(
        select(ValidationEvent)
        .where(ValidationEvent.project_id == project_id, ValidationEvent.record_id.is_not(None))
        .order_by(ValidationEvent.id)
    ).all()
    disputed = sorted(key for key, st in statuses(events).items() if st == "omstridd")
    shown = disputed[:limit]
    if not shown:
        return len(disputed), []
    by_key: dict[tuple[int | None, str, str], list[ValidationEvent]] = defaultdict(list)
    wanted = set(shown)
    for e in events:
        if (e.record_id, e.taxonomy_id, e.label_id) in wanted:
            by_key[(e.record_id, e.taxonomy_id, e.label_id)].append(e)
        # An "other" decision judges its proposed labels too: show it under those.
        for lab in e.other_labels or []:
            if e.decision == "other" and (e.record_id, e.taxonomy_id, lab) in wanted and lab != e.label_id:
                by_key[(e.record_id, e.taxonomy_id, lab)].append(e)
    recs = {r.id: r for r in db.scalars(select(RecordRow).where(RecordRow.id.in_({k[0] for k in shown})))}
    uids = {e.user_id for evs in by_key.values() for e in evs if e.user_id}
    names = dict(db.execute(select(User.id, User.display_name).where(User.id.in_(uids))).all()) if uids else {}
    items = []
    for key in shown:
        rid, tax, lab = key
        rec = recs.get(rid)
        if rec is None:
            continue
        evs = sorted(by_key[key], key=lambda e: e.id)
        hidden: dict[str, int] = {}
        if user is not None and project is not None:
            evs, hidden = visible_decisions(user, project, evs)
        items.append(
            {
                "hidden": hidden,
                "record": rec,
                "taxonomy_id": tax,
                "label_id": lab,
                "period": month(rec.date),
                "source": SOURCE_TEXT.get(rec.source_type or "", rec.source_type),
                "decisions": [
                    {
                        "who": e.actor or "okänd",
                        "name": names.get(e.user_id),
                        "organisation": e.organisation,
                        "role": e.role,
                        "at": e.created_at,
                        "comment": e.comment,
                        # "other" on another label is an accept of this one (what it proposed).
                        "decision": "accept" if e.label_id != lab else e.decision,
                        "via_other": e.label_id != lab,
                        "other_labels": list(e.other_labels or []),
                        "latest": e.id == max(x.id for x in evs if (x.user_id or x.actor) == (e.user_id or e.actor)),
                    }
                    for e in evs
                ],
            }
        )
    return len(disputed), items


def grouped(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Disputes on the same label of identical or near-identical answers (the validator
    page's grouping, api/services/answer_groups.py) as one card, settled together. Each
    group is its first item plus "members" (all items) and "others" (the rest)."""
    groups: list[dict[str, Any]] = []
    for it in items:
        for g in groups:
            same_label = (g["taxonomy_id"], g["label_id"]) == (it["taxonomy_id"], it["label_id"])
            if same_label and answer_groups.similarity(g["record"].text, it["record"].text) >= answer_groups.NEAR:
                g["members"].append(it)
                g["decisions"] = g["decisions"] + it["decisions"]
                break
        else:
            groups.append({**it, "members": [it]})
    for g in groups:
        g["others"] = g["members"][1:]
    return groups


def _agreement(db: Session, project: Project) -> dict[str, Any]:
    """Krippendorff's alpha and raw agreement per label, between validators and between
    organisations, for the taxonomy of the latest run: figures for whoever leads the joint
    analysis, not for the volunteer judging an answer."""
    run = latest_run(db, project.id)
    tax = run.taxonomy_id if run is not None else None
    titles = run_label_titles(run)[1] if run is not None else {}
    return {
        "by_validator": validation.agreement(db, project.id, "validator", tax)["labels"],
        "by_org": validation.agreement(db, project.id, "organisation", tax)["labels"],
        "agreement_titles": titles,
    }


@router.get("/projekt/{project_id}/omstridda", response_class=HTMLResponse)
def disputed_page(project_id: int, request: Request, user: WebUser, db: DB) -> Response:
    project = _resolver_project(db, user, project_id)
    total, items = disputes(db, project.id, user=user)
    if items:
        audit_reads(db, user, project.id, "gemensam_analys", [i["record"].id for i in items])
    titles: dict[str, dict[str, str]] = {}
    for i in items:
        if i["taxonomy_id"] not in titles:
            titles[i["taxonomy_id"]] = label_titles(i["taxonomy_id"])[1]
    return render(
        request,
        "omstridda.html",
        user=user,
        title="Gemensam analys",
        active="/projekt",
        project=project,
        items=grouped(items),
        n_items=len(items),
        total=total,
        titles=titles,
        page_size=PAGE_SIZE,
        error={"beslut": "Välj om etiketten stämmer eller inte."}.get(request.query_params.get("fel", "")),
        **_agreement(db, project),
    )


@router.post("/projekt/{project_id}/omstridda", dependencies=[Depends(verify_csrf)])
def resolve_submit(
    project_id: int,
    request: Request,
    user: WebUser,
    db: DB,
    label: JudgedLabelForm,
    beslut: str = Form(""),
    kommentar: str = Form(""),
    grupp: list[str] = Form([]),
) -> Response:
    """The joint decision, for the shown answer and the identical or near-identical answers
    disputed on the same label with it (the card's group)."""
    project = _resolver_project(db, user, project_id)
    try:
        body = ResolutionIn(
            label_id=label.label_id, taxonomy_id=label.taxonomy_id, decision=beslut, comment=kommentar.strip() or None
        )
    except ValidationError:
        return RedirectResponse(f"/projekt/{project_id}/omstridda?fel=beslut", status_code=303)
    others = [int(v) for v in grupp if v.isdigit() and int(v) < 2**31 and int(v) != label.record_id]
    for rid in [label.record_id, *dict.fromkeys(others)]:
        validation.resolve(db, user, rid, **body.model_dump(), project_id=project.id)
    return RedirectResponse(f"/projekt/{project_id}/omstridda?meddelande=avgjort", status_code=303)
