"""Theme edits (name, merge, split) through the API; the coordinator pages call these same
functions, so both store the same ThemeEdit rows and the same audit entries.

The edit itself is made by nlp/themes/edits.py (edit_name / edit_merge / edit_split) on a
ThemeResult rebuilt from the stored themes of the run, so what is stored is exactly the
format apply_theme_edits carries over to a refit (members = answers whose main theme it is).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import project_access, require_role
from api.deps import Id, audit, get_db
from api.schemas import ThemeEditOut, ThemeMergeIn, ThemeNameIn, ThemeSplitIn
from nlp.store.models import AnalysisRun, Import, Project, Theme, ThemeAssignment, ThemeEdit, User

router = APIRouter(tags=["teman"])
EDITORS = ("analyst", "coordinator")


def theme_in_project(db: Session, project_id: int, theme_id: int) -> Theme | None:
    theme = db.get(Theme, theme_id) if 1 <= theme_id < 2**31 else None
    if theme is None:
        return None
    pid = db.scalar(select(Import.project_id).join(AnalysisRun, AnalysisRun.import_id == Import.id)
                    .where(AnalysisRun.id == theme.run_id))
    return theme if pid == project_id else None


def _themes_or_404(db: Session, project_id: int, theme_ids: list[int]) -> list[Theme]:
    themes = [theme_in_project(db, project_id, i) for i in theme_ids]
    if any(t is None for t in themes):
        raise HTTPException(404, "Temat finns inte i projektet.")
    found = [t for t in themes if t is not None]
    if len({t.run_id for t in found}) > 1:
        raise HTTPException(422, "Temana hör till olika analyser.")
    return found


def stored_result(db: Session, run_id: int) -> Any:
    """The run's stored themes as a ThemeResult (ids = topic numbers), enough for the edit
    functions of nlp/themes/edits.py: themes and each answer's themes, heaviest first."""
    from nlp.themes import ThemeInfo, ThemeResult

    themes = list(db.scalars(select(Theme).where(Theme.run_id == run_id)))
    topic = {t.id: t.topic for t in themes}
    assignments: dict[Any, list[tuple[int, float]]] = defaultdict(list)
    for rid, tid, weight in db.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id, ThemeAssignment.weight)
        .where(ThemeAssignment.theme_id.in_(list(topic)))
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc(), ThemeAssignment.theme_id)
    ):
        assignments[rid].append((topic[tid], weight))
    infos = [ThemeInfo(id=t.topic, label=t.label, phrase=t.phrase or t.label, words=list(t.words or []),
                       size=t.size, share=t.share, ci=(t.ci_low, t.ci_high)) for t in themes]
    return ThemeResult(themes=infos, assignments=dict(assignments), over_time={}, emerging=[],
                       n_texts=len(assignments))


def _store(db: Session, user: User, project: Project, edit: dict[str, Any], run_id: int,
           action: str, object_id: int, **details: Any) -> ThemeEdit:
    row = ThemeEdit(project_id=project.id, kind=edit["kind"], member_record_ids=edit["member_record_ids"],
                    payload={**edit["payload"], "run_id": run_id}, actor=user.username)
    db.add(row)
    db.flush()
    audit(db, user, action, "theme", object_id, edit_id=row.id, **details)
    return row


def _edit(fn: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    try:
        return fn(*args, **kwargs)
    except ValueError:
        # nlp.themes (edits) raises for "övrigt", unknown themes and too few parts.
        raise HTTPException(422, "Temat kan inte ändras så: övrigt och tomma teman går inte att "
                                 "namnge, sammanfoga eller dela.") from None


@router.get("/projects/{project_id}/theme-edits", response_model=list[ThemeEditOut])
def list_edits(project: Project = Depends(project_access), db: Session = Depends(get_db)) -> list[ThemeEdit]:
    return list(db.scalars(select(ThemeEdit).where(ThemeEdit.project_id == project.id).order_by(ThemeEdit.id)))


@router.post("/projects/{project_id}/themes/{theme_id}/name", response_model=ThemeEditOut, status_code=201)
def name_theme(
    theme_id: Id, body: ThemeNameIn,
    project: Project = Depends(project_access),
    user: User = Depends(require_role(*EDITORS)),
    db: Session = Depends(get_db),
) -> ThemeEdit:
    """Give a theme a human name; it is kept on refits by the theme's members."""
    from nlp.themes import edit_name

    name = body.name.strip()
    if not name:
        raise HTTPException(422, "Skriv ett namn på temat.")
    (theme,) = _themes_or_404(db, project.id, [theme_id])
    edit = _edit(edit_name, stored_result(db, theme.run_id), theme.topic, name)
    row = _store(db, user, project, edit, theme.run_id, "tema_namngivet", theme.id)
    db.commit()
    return row


@router.post("/projects/{project_id}/themes/merge", response_model=ThemeEditOut, status_code=201)
def merge_themes(
    body: ThemeMergeIn,
    project: Project = Depends(project_access),
    user: User = Depends(require_role(*EDITORS)),
    db: Session = Depends(get_db),
) -> ThemeEdit:
    """Merge two or more themes of one run, optionally naming the merged theme."""
    from nlp.themes import edit_merge

    ids = sorted(set(body.theme_ids))
    if len(ids) < 2:
        raise HTTPException(422, "Välj minst två teman att sammanfoga.")
    themes = _themes_or_404(db, project.id, ids)
    run_id = themes[0].run_id
    edit = _edit(edit_merge, stored_result(db, run_id), [t.topic for t in themes], body.name)
    row = _store(db, user, project, edit, run_id, "teman_sammanfogade", ids[0], teman=ids)
    if edit["payload"].get("namn"):
        # The pages show human names from "namn" edits; the merged theme's name applies to
        # the union of the members, so it also finds the merged theme after a refit.
        db.add(ThemeEdit(project_id=project.id, kind="namn", member_record_ids=edit["member_record_ids"],
                         payload={"namn": edit["payload"]["namn"], "run_id": run_id}, actor=user.username))
    db.commit()
    return row


@router.post("/projects/{project_id}/themes/{theme_id}/split", response_model=ThemeEditOut, status_code=201)
def split_theme(
    theme_id: Id, body: ThemeSplitIn,
    project: Project = Depends(project_access),
    user: User = Depends(require_role(*EDITORS)),
    db: Session = Depends(get_db),
) -> ThemeEdit:
    """Ask for a theme to be split into n parts; the parts are found from the members'
    embeddings when the themes are next fitted (nlp.themes.apply_theme_edits)."""
    from nlp.themes import edit_split

    (theme,) = _themes_or_404(db, project.id, [theme_id])
    edit = _edit(edit_split, stored_result(db, theme.run_id), theme.topic, n_parts=body.n_parts)
    if body.note and body.note.strip():
        edit["payload"]["notering"] = body.note.strip()
    row = _store(db, user, project, edit, theme.run_id, "tema_dela_begard", theme.id)
    db.commit()
    return row
