"""Page-side read queries. The report of a run is the read model of nlp/report (the same
figures as the HTML file and the API); what stays here are the few reads only pages make."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.config import get_settings
from nlp.report import (
    SOURCE_TEXT,
    Example,
    ThemeFigures,
    example,
    label_titles,
    latest_run,
    month,
    run_import_ids,
    run_label_titles,
    theme_chart,
)
from nlp.report import themes_for_run as report_themes
from nlp.store.models import AnalysisRun, RecordRow, ThemeAssignment

ThemeView = ThemeFigures  # the name the coordinator and validator pages use

__all__ = [
    "SOURCE_TEXT",
    "Example",
    "ThemeView",
    "label_titles",
    "latest_run",
    "month",
    "run_import_ids",
    "run_label_titles",
    "theme_answers",
    "theme_chart",
    "themes_for_run",
]


def themes_for_run(session: Session, run: AnalysisRun, *, examples: int = 3) -> list[ThemeFigures]:
    return report_themes(session, run, n_examples=examples, threshold=get_settings().suppression_threshold)


def theme_answers(
    session: Session, theme: ThemeFigures, *, since: date | None = None, limit: int = 20
) -> list[Example]:
    """Answers of a theme (of any of its stored parts, after a merge), newest first."""
    members = select(ThemeAssignment.record_id).where(ThemeAssignment.theme_id.in_(theme.stored_ids or (theme.id,)))
    q = select(RecordRow).where(RecordRow.id.in_(members)).order_by(RecordRow.date.desc().nulls_last(), RecordRow.id)
    if since is not None:
        q = q.where(RecordRow.date >= since)
    return [example(r) for r in session.scalars(q.limit(limit))]
