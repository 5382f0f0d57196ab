"""Theme edits (name, merge, split), shared by the API and the coordinator pages, so both
store the same ThemeEdit rows and the same audit entries.

The edit itself is made by nlp/themes/edits.py (edit_name / edit_merge / edit_split) on a
ThemeResult rebuilt from the stored themes of the run, so what is stored is exactly the
format apply_theme_edits carries over to a refit (members = answers whose main theme it is).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deps import audit, get_row
from api.services.errors import Invalid, NotFound
from nlp.store.models import (
    AnalysisRun,
    Import,
    Project,
    RecordRow,
    Theme,
    ThemeAssignment,
    ThemeEdit,
    User,
)
from nlp.themes import ThemeInfo, ThemeResult, edit_merge, edit_name, edit_split


def theme_in_project(db: Session, project_id: int, theme_id: int) -> Theme | None:
    theme = get_row(db, Theme, theme_id)
    if theme is None:
        return None
    pid = db.scalar(
        select(Import.project_id)
        .join(AnalysisRun, AnalysisRun.import_id == Import.id)
        .where(AnalysisRun.id == theme.run_id)
    )
    return theme if pid == project_id else None


def _themes(db: Session, project_id: int, theme_ids: list[int]) -> list[Theme]:
    themes = [theme_in_project(db, project_id, i) for i in theme_ids]
    if any(t is None for t in themes):
        raise NotFound("Temat finns inte i projektet.")
    found = [t for t in themes if t is not None]
    if len({t.run_id for t in found}) > 1:
        raise Invalid("Temana hör till olika analyser.")
    return found


def stored_result(db: Session, run_id: int) -> ThemeResult:
    """The run's stored themes as a ThemeResult (ids = topic numbers), enough for the edit
    functions of nlp/themes/edits.py: themes and each answer's themes, heaviest first."""
    themes = list(db.scalars(select(Theme).where(Theme.run_id == run_id)))
    topic = {t.id: t.topic for t in themes}
    assignments: dict[Any, list[tuple[int, float]]] = defaultdict(list)
    for rid, tid, weight in db.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id, ThemeAssignment.weight)
        .where(ThemeAssignment.theme_id.in_(list(topic)))
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc(), ThemeAssignment.theme_id)
    ):
        assignments[rid].append((topic[tid], weight))
    infos = [
        ThemeInfo(
            id=t.topic,
            label=t.label,
            phrase=t.phrase or t.label,
            words=list(t.words or []),
            size=t.size,
            share=t.share,
            ci=(t.ci_low, t.ci_high),
        )
        for t in themes
    ]
    return ThemeResult(themes=infos, assignments=dict(assignments), over_time={}, emerging=[], n_texts=len(assignments))


def _store(
    db: Session,
    user: User,
    project: Project,
    edit: dict[str, Any],
    run_id: int,
    action: str,
    object_id: int,
    **details: Any,
) -> ThemeEdit:
    row = ThemeEdit(
        project_id=project.id,
        kind=edit["kind"],
        member_record_ids=edit["member_record_ids"],
        payload={**edit["payload"], "run_id": run_id},
        actor=user.username,
    )
    db.add(row)
    db.flush()
    audit(db, user, action, "theme", object_id, edit_id=row.id, **details)
    return row


def _edit(fn: Callable[..., dict[str, Any]], *args: Any, **kwargs: Any) -> dict[str, Any]:
    try:
        return fn(*args, **kwargs)
    except ValueError:
        # nlp.themes (edits) raises for "övrigt", unknown themes and too few parts.
        raise Invalid(
            "Temat kan inte ändras så: övrigt och tomma teman går inte att namnge, sammanfoga eller dela."
        ) from None


def _with_keys(edit: dict[str, Any], themes: list[Theme]) -> None:
    """Themes of a project run have stable keys: the edit then travels by key to later
    imports and refits, not only by its members (nlp/report/curation.py)."""
    keys = [t.key for t in themes]
    if all(keys):
        edit["payload"]["nyckel" if len(keys) == 1 else "nycklar"] = keys[0] if len(keys) == 1 else keys


def split_preview(db: Session, project: Project, theme_id: int, n_parts: int = 2) -> dict[str, Any]:
    """The parts a split of the theme would give (sizes, phrases, example answers), before
    anyone asks for it; nothing is stored."""
    from nlp.pipeline import preview_split  # heavy (embedding, k-means): loaded when asked

    if not 2 <= n_parts <= 6:
        raise Invalid("Ett tema kan delas i 2–6 delar.")
    (theme,) = _themes(db, project.id, [theme_id])
    members = stored_result(db, theme.run_id).members(theme.topic)
    if theme.topic == -1 or len(members) < 2 * n_parts:
        raise Invalid("Temat har för få svar för att delas.")
    texts = dict(db.execute(select(RecordRow.id, RecordRow.text).where(RecordRow.id.in_(members))).all())
    return {"tema": theme.id, "nyckel": theme.key, "delar": preview_split([texts[r] for r in members], n_parts)}


def list_edits(db: Session, project_id: int) -> list[ThemeEdit]:
    return list(db.scalars(select(ThemeEdit).where(ThemeEdit.project_id == project_id).order_by(ThemeEdit.id)))


def name_theme(db: Session, user: User, project: Project, theme_id: int, name: str) -> ThemeEdit:
    """Give a theme a human name; it is kept on refits by the theme's members."""
    name = name.strip()
    if not name:
        raise Invalid("Skriv ett namn på temat.")
    (theme,) = _themes(db, project.id, [theme_id])
    edit = _edit(edit_name, stored_result(db, theme.run_id), theme.topic, name)
    _with_keys(edit, [theme])
    row = _store(db, user, project, edit, theme.run_id, "tema_namngivet", theme.id)
    db.commit()
    return row


def merge_themes(db: Session, user: User, project: Project, theme_ids: list[int], name: str | None = None) -> ThemeEdit:
    """Merge two or more themes of one run, optionally naming the merged theme."""
    ids = sorted(set(theme_ids))
    if len(ids) < 2:
        raise Invalid("Välj minst två teman att sammanfoga.")
    themes = _themes(db, project.id, ids)
    run_id = themes[0].run_id
    edit = _edit(edit_merge, stored_result(db, run_id), [t.topic for t in themes], name)
    _with_keys(edit, themes)
    row = _store(db, user, project, edit, run_id, "teman_sammanfogade", ids[0], teman=ids)
    if edit["payload"].get("namn"):
        # The pages show human names from "namn" edits; the merged theme's name applies to
        # the union of the members, so it also finds the merged theme after a refit.
        db.add(
            ThemeEdit(
                project_id=project.id,
                kind="namn",
                member_record_ids=edit["member_record_ids"],
                payload={"namn": edit["payload"]["namn"], "run_id": run_id},
                actor=user.username,
            )
        )
    db.commit()
    return row


def split_theme(
    db: Session, user: User, project: Project, theme_id: int, n_parts: int, note: str | None = None
) -> ThemeEdit:
    """Ask for a theme to be split into n parts; the parts are found from the members'
    embeddings when the themes are next fitted (nlp.themes.apply_theme_edits)."""
    (theme,) = _themes(db, project.id, [theme_id])
    edit = _edit(edit_split, stored_result(db, theme.run_id), theme.topic, n_parts=n_parts)
    _with_keys(edit, [theme])
    if note and note.strip():
        edit["payload"]["notering"] = note.strip()
    row = _store(db, user, project, edit, theme.run_id, "tema_dela_begard", theme.id)
    db.commit()
    return row


__all__ = [
    "list_edits",
    "merge_themes",
    "name_theme",
    "split_preview",
    "split_theme",
    "stored_result",
    "theme_in_project",
]
