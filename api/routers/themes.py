"""Theme edits (name, merge, split) through the API; the logic is api/services/themes.py,
which the coordinator pages call too."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from api.auth import AnalystOrCoordinator, ProjectAccess
from api.deps import DB, Id
from api.schemas import ThemeEditOut, ThemeMergeIn, ThemeNameIn, ThemeSplitIn
from api.services import themes
from nlp.store.models import ThemeEdit

router = APIRouter(tags=["teman"])


@router.get("/projects/{project_id}/theme-edits", response_model=list[ThemeEditOut])
def list_edits(project: ProjectAccess, db: DB) -> list[ThemeEdit]:
    return themes.list_edits(db, project.id)


@router.post("/projects/{project_id}/themes/{theme_id}/name", response_model=ThemeEditOut, status_code=201)
def name_theme(
    theme_id: Id, body: ThemeNameIn, project: ProjectAccess, user: AnalystOrCoordinator, db: DB
) -> ThemeEdit:
    """Give a theme a human name; it is kept on refits by the theme's members."""
    return themes.name_theme(db, user, project, theme_id, body.name)


@router.post("/projects/{project_id}/themes/merge", response_model=ThemeEditOut, status_code=201)
def merge_themes(body: ThemeMergeIn, project: ProjectAccess, user: AnalystOrCoordinator, db: DB) -> ThemeEdit:
    """Merge two or more themes of one run, optionally naming the merged theme."""
    return themes.merge_themes(db, user, project, body.theme_ids, body.name)


@router.get("/projects/{project_id}/themes/{theme_id}/split-preview")
def split_preview(
    theme_id: Id, project: ProjectAccess, user: AnalystOrCoordinator, db: DB, parts: int = Query(default=2, ge=2, le=6)
) -> dict[str, Any]:
    """The parts a split would give (size, phrases, example answers) before it is asked for;
    a split asked for is made at the project's next analysis, the largest part keeping the key."""
    return themes.split_preview(db, project, theme_id, parts)


@router.post("/projects/{project_id}/themes/{theme_id}/split", response_model=ThemeEditOut, status_code=201)
def split_theme(
    theme_id: Id, body: ThemeSplitIn, project: ProjectAccess, user: AnalystOrCoordinator, db: DB
) -> ThemeEdit:
    """Ask for a theme to be split into n parts; the parts are found from the members'
    embeddings when the themes are next fitted (nlp.themes.apply_theme_edits)."""
    return themes.split_theme(db, user, project, theme_id, body.n_parts, body.note)
