"""A project analysed as a whole: all its imports, one set of themes with stable keys.

`analyse_project` embeds every answer of the project (the cache makes earlier imports
cheap), analyses the new answers into the project's themes (nlp/themes/project.py) or, when
the analyst asks, refits all themes and matches them to the old ones; then names the themes
from their answers and the taxonomy, finds new and growing themes over every period of every
import, classifies, and stores the run and the project's themes in one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from nlp.classify import Example
from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND, OTHER_THEME, period_key
from nlp.embed import cached_embedder, embed_texts
from nlp.errors import BrukarrostError
from nlp.pipeline.common import Progress, active_version, no_progress
from nlp.pipeline.partitions import answer_calibration, classify_partitions, embed_partitions, remove_run_files
from nlp.pipeline.results import store_results
from nlp.pipeline.runs import create_run, run_guarded, save_settings, set_run
from nlp.pipeline.training import validated_answers
from nlp.store import init_db, session_scope
from nlp.store.models import (
    AnalysisRun,
    Import,
    Project,
    ProjectThemeRow,
    RecordRow,
    Theme,
    ThemeAssignment,
    ThemeEdit,
)
from nlp.taxonomy import Taxonomy, load_taxonomy, taxonomy_snapshot
from nlp.themes import (
    ProjectTheme,
    ProjectThemes,
    ThemeResult,
    assign,
    extend,
    fit_themes,
    from_fit,
    label_titles,
    match_refit,
    name_themes,
    project_signals,
    refresh_time_series,
    second_opinions,
    split_parts,
    split_theme,
    theme_info,
    topic_words,
)
from nlp.themes.sample import SAMPLE_MAX, fit_sample, period_strata, stratified_sample

SCOPE = "projekt"  # AnalysisRun.settings["omfang"] of a run over a whole project


@dataclass
class ProjectInputs:
    """A project's pseudonymised answers in import order, and its theme state."""

    project_id: int
    ids: list[int]
    texts: list[str]
    dates: list[Any]
    import_of: dict[int, int]
    order: list[int]  # import ids, oldest first
    names: dict[int, str]  # import id → its neutral name
    edits: Sequence[ThemeEdit]
    active_version: str | None
    state: ProjectThemes | None
    validated: list[Example]  # the project's validated answers (zero-shot's calibration)


def update_project_themes(
    texts: Sequence[str],
    vectors: np.ndarray,
    ids: Sequence[Any],
    *,
    state: ProjectThemes | None,
    import_of: dict[Any, Any] | None = None,
    latest: Any = None,
    refit: bool = False,
    random_state: int = 42,
    dates: Sequence[Any] | None = None,
    sample_max: int = SAMPLE_MAX,
) -> ProjectThemes:
    """The project's themes after a new import: analysed into the existing ones, or a refit
    (first analysis, or asked for) matched to them. A fit past `sample_max` answers is made
    on a sample stratified by import and month (`dates`), the rest assigned."""
    if state is None or refit or not state.themes:
        return refit_project_themes(
            texts,
            vectors,
            ids,
            state=state,
            import_of=import_of,
            random_state=random_state,
            dates=dates,
            sample_max=sample_max,
        )[0]
    text_of = dict(zip(ids, texts))

    def cluster(pool: Sequence[Any], pool_vectors: np.ndarray) -> dict[Any, int]:
        # No outlier reduction: what gathers nowhere stays outside (target share 1.0).
        def fit(single: bool) -> dict[Any, int]:
            found = fit_themes(
                [text_of[r] for r in pool],
                pool_vectors,
                record_ids=pool,
                random_state=random_state,
                target_outlier_share=1.0,
                single_cluster=single,
                # The leftovers of an import may be mostly one new topic: no bound on its share.
                max_share=1.0,
                word_labels=False,  # only the clusters are read
            )
            return found.main_theme()

        found = fit(False)
        # A pool holding one new topic only is one cluster, which HDBSCAN does not return
        # unless asked; whether it is a new theme is decided by the caller as for any cluster.
        return found if any(c != OTHER_THEME for c in found.values()) else fit(True)

    new_ids = [r for r in ids if r not in state.main]
    return extend(state, vectors, ids, new_ids, cluster, import_id=latest)


def refit_project_themes(
    texts: Sequence[str],
    vectors: np.ndarray,
    ids: Sequence[Any],
    *,
    state: ProjectThemes | None,
    import_of: dict[Any, Any] | None = None,
    random_state: int = 42,
    dates: Sequence[Any] | None = None,
    sample_max: int = SAMPLE_MAX,
) -> tuple[ProjectThemes, ProjectThemes]:
    """(the project's themes after a full refit, the fresh fit of all answers they were decided
    from): with earlier themes the refit is warm-started from them (match_refit), else the
    fresh fit is the project's first themes. A fit past `sample_max` answers is made on a
    sample stratified by import and month (`dates`), the rest assigned."""
    groups = [import_of.get(r) for r in ids] if import_of else None
    strata = period_strata(dates, len(ids), groups)
    rows = stratified_sample(strata, sample_max)
    fit = fit_sample(
        texts,
        ids,
        rows,
        vectors[rows],
        lambda themes: assign(themes, vectors, floor=True),
        random_state=random_state,
        word_labels=False,  # a project's themes are named from their answers (theme_names)
    )
    fresh = from_fit(fit, vectors, ids, used_keys=[t.key for t in state.themes] if state else (), import_of=import_of)
    if state is None or not state.themes:
        return fresh, fresh
    # Splits and merges need the consent of independent fits of half the answers.
    fresh.second_opinions = second_opinions(texts, vectors, ids, strata, sample_max, random_state)
    return match_refit(state, fresh, vectors, ids, import_of=import_of), fresh


def project_result(
    pt: ProjectThemes,
    texts: Sequence[str],
    ids: Sequence[Any],
    dates: Sequence[Any],
    names: dict[str, tuple[str, str, list[str]]],
    flags: dict[str, dict[str, Any]],
) -> ThemeResult:
    """The run's ThemeResult: topics numbered by size, each with its key, name and signal."""
    n = len(ids)
    sizes = Counter(k for k in pt.main.values() if k is not None)
    keys = sorted(sizes, key=lambda k: (-sizes[k], k))
    topic_of: dict[str | None, int] = {k: i for i, k in enumerate(keys)}
    topic_of[None] = OTHER_THEME
    labels = np.array([topic_of[pt.main.get(r)] for r in ids], dtype=int)
    words = topic_words(list(texts), labels, n)
    text_of = dict(zip(ids, texts))
    themes = []
    for key in keys:
        reps = [r for r in pt.theme(key).representative_ids if r in text_of][:5]  # type: ignore[union-attr]
        info = theme_info(
            topic_of[key],
            words.get(topic_of[key], []),
            sizes[key],
            n,
            reps,
            [text_of[r] for r in reps],
            word_label=key not in names,
        )
        info.key = key
        if key in names:
            info.label, info.phrase, _ = names[key]
        themes.append(info)
    if (labels == OTHER_THEME).any():
        themes.append(theme_info(OTHER_THEME, [], int((labels == OTHER_THEME).sum()), n, [], []))
    periods = {r: period_key(d) if d else None for r, d in zip(ids, dates)}
    result = ThemeResult(
        themes=themes,
        assignments={r: [(int(t), 1.0)] for r, t in zip(ids, labels)},
        over_time={},
        emerging=[],
        n_texts=n,
        settings={"period": "month", "mappning": pt.mapping, "nya_teman": pt.new_keys},
        periods=periods,
    )
    result = refresh_time_series(result)
    result.emerging = [{**f, "theme_id": topic_of[k]} for k, f in flags.items() if k in topic_of]
    return result


def theme_names(
    pt: ProjectThemes,
    texts: Sequence[str],
    vectors: np.ndarray,
    ids: Sequence[Any],
    embed: Callable[[list[str]], np.ndarray],
    labels: Sequence[Sequence[str]] | None = None,
    titles: dict[str, str] | None = None,
    valence: Sequence[str | None] | None = None,
) -> dict[str, tuple[str, str, list[str]]]:
    """key → (name, phrase, keyphrases); the taxonomy label most answers carry leads the name,
    and it says the tone most answers have (`valence`: each answer's, row-aligned with ids)."""
    main = [pt.main.get(r) for r in ids]
    return name_themes(texts, vectors, main, embed, label_titles=label_titles(main, labels, titles), valence=valence)


def analyse_project(
    project: str,
    *,
    engine: Engine | None = None,
    taxonomy: str | Path | Taxonomy = "samsjuklighet",
    progress: Progress | None = None,
    run_id: int | None = None,
    refit: bool = False,
    embed_model: str | None = None,
) -> int:
    """Analyse every import of a project together (`brukarrost analysera FIL --projekt P`)."""
    engine = engine or init_db()
    progress = progress or no_progress
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    inputs = load_project(engine, project, tax.id)
    settings = {"omfang": SCOPE, "importer": inputs.order, "omanpassning": bool(refit)}
    if run_id is None:
        run_id = create_run(inputs.order[-1], engine=engine, taxonomy=tax.id, settings=settings)
    set_run(engine, run_id, taxonomy_id=tax.id, taxonomy_snapshot=taxonomy_snapshot(tax), settings=settings)

    def work(report: Progress) -> str:
        name = embed_model or get_settings().embed_model
        embedder = cached_embedder(name)
        set_run(engine, run_id, embed_model=embedder.model_id)
        try:
            # One pass per answer: the same vectors serve themes, names, labels, valence and evidence.
            stored = embed_partitions(inputs.texts, run_id, name, report)
            # A project's themes compare new answers with every earlier answer and theme: this
            # step holds all the project's vectors (see README, "Stora importer").
            vectors = stored.all()
            report("teman", 0, 1)
            pt = update_project_themes(
                inputs.texts,
                vectors,
                inputs.ids,
                state=inputs.state,
                import_of=inputs.import_of,
                latest=inputs.order[-1],
                refit=refit,
                dates=inputs.dates,
            )
            pt, splits = apply_splits(pt, inputs.edits, vectors, inputs.ids)
            set_run(engine, run_id, settings={**settings, "temamappning": pt.mapping, "nya_teman": pt.new_keys})
            cal, record = answer_calibration(tax, inputs.active_version, inputs.validated, name)
            save_settings(engine, run_id, kalibrering=record)
            classified = classify_partitions(stored, tax, inputs.active_version, name, report, cal)
            themes = _finish_themes(
                inputs,
                pt,
                vectors,
                classified.labels,
                tax,
                classified.valence,
                lambda p: embed_texts(p, embedder=embedder, kind=ANALYSIS_KIND),
            )
            report("lagring", 0, 1)
            store_results(
                engine,
                run_id,
                tax.id,
                inputs.ids,
                themes,
                classified,
                extra=lambda session: save_project_themes(session, inputs.project_id, pt, themes, splits, run_id),
            )
        finally:
            remove_run_files(run_id)
        return classified.model_version

    run_guarded(engine, run_id, work, progress)
    return run_id


def _finish_themes(
    inputs: ProjectInputs,
    pt: ProjectThemes,
    vectors: np.ndarray,
    labels: Sequence[Sequence[str]],
    tax: Taxonomy,
    valence: Sequence[str | None],
    embed: Callable[[list[str]], np.ndarray],
) -> ThemeResult:
    """Names and signals of the project's themes, as the run's ThemeResult (`labels`: each
    answer's decided label ids)."""
    names = theme_names(pt, inputs.texts, vectors, inputs.ids, embed, labels, tax.name_titles(), valence or None)
    for t in pt.themes:
        if t.key in names:
            t.label = names[t.key][0]
    period_of = {r: period_key(d) if d else None for r, d in zip(inputs.ids, inputs.dates)}
    created = {t.key: t.created_in for t in pt.themes}
    flags = project_signals(pt.main, period_of, inputs.import_of, inputs.order, inputs.names, created)
    return project_result(pt, inputs.texts, inputs.ids, inputs.dates, names, flags)


# --- the project's state in the database -------------------------------------------------


def load_project(engine: Engine, project: str, taxonomy_id: str) -> ProjectInputs:
    with session_scope(engine) as session:
        proj = session.scalar(select(Project).where(Project.slug == project))
        if proj is None:
            raise BrukarrostError(f"Projektet {project!r} finns inte.")
        imports = session.execute(
            select(Import.id, Import.filename).where(Import.project_id == proj.id).order_by(Import.id)
        ).all()
        rows = session.execute(
            select(RecordRow.id, RecordRow.text, RecordRow.date, RecordRow.import_id)
            .join(Import, Import.id == RecordRow.import_id)
            .where(Import.project_id == proj.id)
            .order_by(RecordRow.import_id, RecordRow.id)
        ).all()
        edits = session.scalars(
            select(ThemeEdit).where(ThemeEdit.project_id == proj.id).order_by(ThemeEdit.created_at, ThemeEdit.id)
        ).all()
        state = load_state(session, proj.id, edits)
        current = active_version(session, proj.id, taxonomy_id)
    if not rows:
        raise BrukarrostError(f"Projektet {project!r} har inga svar att analysera.")
    return ProjectInputs(
        project_id=proj.id,
        ids=[r.id for r in rows],
        texts=[r.text for r in rows],
        dates=[r.date for r in rows],
        import_of={r.id: r.import_id for r in rows},
        order=[i.id for i in imports if i.id in {r.import_id for r in rows}],
        names={i.id: i.filename for i in imports},
        edits=edits,
        active_version=current,
        state=state,
        validated=validated_answers(engine, proj.id, taxonomy_id),
    )


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


def apply_splits(
    pt: ProjectThemes, edits: Sequence[ThemeEdit], vectors: np.ndarray, ids: Sequence[Any]
) -> tuple[ProjectThemes, list[int]]:
    """Execute the splits asked for on project themes (by key) that are not made yet."""
    done = []
    for e in edits:
        payload = e.payload or {}
        key = payload.get("nyckel")
        if e.kind != "dela" or not key or payload.get("utford_i_analys") or pt.theme(key) is None:
            continue
        pt = split_theme(pt, key, vectors, ids, int(payload.get("antal") or 2))
        done.append(e.id)
    return pt, done


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


def preview_split(texts: Sequence[str], n_parts: int = 2, n_examples: int = 3) -> list[dict[str, Any]]:
    """What a split would make of a theme's answers (pseudonymised): per part its size, the
    phrases it would be named from and a few answers nearest its centre. Nothing is stored."""
    embedder = cached_embedder()
    vectors = embed_texts(list(texts), embedder=embedder)
    parts = split_parts(vectors, np.arange(len(texts)), n_parts)
    names = name_themes(
        list(texts), vectors, parts.tolist(), lambda p: embed_texts(p, embedder=embedder, kind=ANALYSIS_KIND)
    )
    out = []
    for p in sorted(set(parts.tolist())):
        rows = np.flatnonzero(parts == p)
        centre = vectors[rows].mean(axis=0)
        nearest = rows[np.argsort(-(vectors[rows] @ centre), kind="stable")][:n_examples]
        name, phrase, phrases = names.get(p, ("", "", []))
        out.append(
            {"del": p + 1, "antal": len(rows), "namn": name, "fraser": phrases, "exempel": [texts[i] for i in nearest]}
        )
    return out
