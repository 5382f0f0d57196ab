"""A project's state in the database, and its answers streamed into a run's partition files.

What a project analysis (nlp.pipeline.project) reads before it computes: the project's imports,
human theme edits, activated classifier and validated answers (load_project); its themes and
each earlier answer's theme key (load_state); and every answer of every import, read from the
database a partition at a time into the run's private answer files (project_answers), so the
process that analyses the project holds record ids, dates and imports per answer, not texts.
After the run its themes are kept as the project's (save_project_themes).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from nlp.classify import Example
from nlp.config import get_settings
from nlp.errors import BrukarrostError
from nlp.pipeline.answers import Answers, StoredTexts, import_answers
from nlp.pipeline.common import active_version
from nlp.pipeline.partitions import Part, partition
from nlp.pipeline.training import validated_answers
from nlp.store import session_scope
from nlp.store.models import AnalysisRun, Import, Project, ProjectThemeRow, RecordRow, Theme, ThemeAssignment, ThemeEdit
from nlp.themes import ProjectTheme, ProjectThemes, ThemeResult

SCOPE = "projekt"  # AnalysisRun.settings["omfang"] of a run over a whole project


@dataclass
class ProjectInputs:
    """A project's imports with answers (oldest first) and its theme state and human work."""

    project_id: int
    order: list[int]  # import ids, oldest first
    names: dict[int, str]  # import id → its neutral name
    edits: Sequence[ThemeEdit]
    active_version: str | None
    state: ProjectThemes | None
    validated: list[Example]  # the project's validated answers (zero-shot's calibration)


@dataclass
class ProjectAnswers:
    """A project's pseudonymised answers in import order: the texts stay in the run's partition
    files (`texts` reads the rows asked for); ids, dates and imports are held, one per answer."""

    parts: list[Part]
    ids: list[int]
    dates: list[date | None]
    import_of: dict[int, int]
    texts: Sequence[str]


def load_project(engine: Engine, project: str, taxonomy_id: str) -> ProjectInputs:
    """The project's imports that have answers, its edits, theme state and classifier."""
    with session_scope(engine) as session:
        proj = session.scalar(select(Project).where(Project.slug == project))
        if proj is None:
            raise BrukarrostError(f"Projektet {project!r} finns inte.")
        imports = session.execute(
            select(Import.id, Import.filename).where(Import.project_id == proj.id).order_by(Import.id)
        ).all()
        with_answers = set(
            session.scalars(
                select(RecordRow.import_id).where(RecordRow.import_id.in_([i.id for i in imports])).distinct()
            )
        )
        edits = session.scalars(
            select(ThemeEdit).where(ThemeEdit.project_id == proj.id).order_by(ThemeEdit.created_at, ThemeEdit.id)
        ).all()
        state = load_state(session, proj.id, edits)
        current = active_version(session, proj.id, taxonomy_id)
    if not with_answers:
        raise BrukarrostError(f"Projektet {project!r} har inga svar att analysera.")
    return ProjectInputs(
        project_id=proj.id,
        order=[i.id for i in imports if i.id in with_answers],
        names={i.id: i.filename for i in imports},
        edits=edits,
        active_version=current,
        state=state,
        validated=validated_answers(engine, proj.id, taxonomy_id),
    )


def project_answers(engine: Engine, order: Sequence[int], run_id: int) -> ProjectAnswers:
    """Every answer of the imports `order` (in that order, each in record order), streamed from
    the database into the run's partition files (nlp.pipeline.answers)."""
    ids: list[int] = []
    dates: list[date | None] = []
    import_of: dict[int, int] = {}

    def chunks() -> Iterator[Answers]:
        size = get_settings().kluster_partition
        for import_id in order:
            for chunk in import_answers(engine, import_id, size):
                ids.extend(chunk.ids)
                dates.extend(chunk.dates)
                import_of.update(dict.fromkeys(chunk.ids, import_id))
                yield chunk

    parts = partition(chunks(), run_id, engine)
    return ProjectAnswers(parts, ids, dates, import_of, StoredTexts([(p.answers, p.n) for p in parts]))


def load_state(session: Session, project_id: int, edits: Sequence[ThemeEdit] = ()) -> ProjectThemes | None:
    """The project's themes and each earlier answer's theme key (from its latest project run)."""
    rows = session.scalars(
        select(ProjectThemeRow).where(ProjectThemeRow.project_id == project_id).order_by(ProjectThemeRow.id)
    ).all()
    if not rows:
        return None
    human = {
        e.payload["nyckel"]: e.payload.get("namn")
        for e in edits
        if e.kind == "namn" and (e.payload or {}).get("nyckel") and e.payload.get("namn")
    }
    themes = [
        ProjectTheme(
            key=r.key,
            centroid=np.asarray(r.centroid, dtype=np.float32),
            size=r.size,
            threshold=r.threshold,
            floor=r.floor,
            representative_ids=list(r.representative_record_ids or []),
            name=human.get(r.key, r.name),
            label=r.label,
            created_in=r.created_import_id,
            parent=r.parent_key,
        )
        for r in rows
        if r.active
    ]
    return ProjectThemes(themes, _previous_main(session, project_id), retired=[r.key for r in rows if not r.active])


def _previous_main(session: Session, project_id: int) -> dict[int, str | None]:
    """record id → theme key in the project's latest finished project run."""
    runs = session.scalars(
        select(AnalysisRun)
        .join(Import, Import.id == AnalysisRun.import_id)
        .where(Import.project_id == project_id, AnalysisRun.status == "klar")
        .order_by(AnalysisRun.id.desc())
    )
    run = next((r for r in runs if (r.settings or {}).get("omfang") == SCOPE), None)
    if run is None:
        return {}
    main: dict[int, str | None] = {}
    for rid, key in session.execute(
        select(ThemeAssignment.record_id, Theme.key)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .where(Theme.run_id == run.id)
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc(), Theme.id)
    ):
        main.setdefault(rid, key)
    return main


def save_project_themes(
    session: Session,
    project_id: int,
    pt: ProjectThemes,
    result: ThemeResult,
    splits: Sequence[int] = (),
    run_id: int | None = None,
) -> None:
    """Upsert the project's themes; themes no longer in use are kept, inactive (keys never reused).
    Splits made in this run are marked on their edits, so they are made once."""
    for edit in session.scalars(select(ThemeEdit).where(ThemeEdit.id.in_(list(splits)))):
        edit.payload = {**(edit.payload or {}), "utford_i_analys": run_id}
    rows = {r.key: r for r in session.scalars(select(ProjectThemeRow).where(ProjectThemeRow.project_id == project_id))}
    now = datetime.now(UTC)
    for row in rows.values():
        row.active = False
    for t in pt.themes:
        if t.size == 0:
            continue
        row = rows.get(t.key) or ProjectThemeRow(project_id=project_id, key=t.key)
        row.name, row.label = t.name, t.label or t.key
        row.centroid = [round(float(x), 6) for x in t.centroid]
        row.threshold, row.floor, row.size = float(t.threshold), float(t.floor), int(t.size)
        row.representative_record_ids = list(t.representative_ids)
        row.created_import_id = t.created_in
        row.parent_key, row.active, row.updated_at = t.parent, True, now
        session.add(row)
