"""A project analysed as a whole: all its imports, one set of themes with stable keys.

`analyse_project` embeds every answer of the project (the cache makes earlier imports
cheap), analyses the new answers into the project's themes (nlp/themes/project.py) or, when
the analyst asks, refits all themes and matches them to the old ones; then names the themes
from their answers and the taxonomy, finds new and growing themes over every period of every
import, classifies, and stores the run and the project's themes in one transaction.

The answers are read from the database into the run's partition files, as for one import
(nlp.pipeline.project_state, nlp.pipeline.answers); this process holds each answer's record
id, date and import; the vectors stay in the partitions' files and the steps that compare new
answers with all earlier ones read them a block at a time (nlp.themes.vectors); and it holds
the texts of the answers a step reads: the theme sample (at most SAMPLE_MAX answers,
stratified by import and month), which is fitted, named and worded, the leftovers a new import
clusters, and the themes' representatives. Up to SAMPLE_MAX answers the sample is every answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine

from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND, OTHER_THEME, period_key
from nlp.embed import cached_embedder, embed_texts
from nlp.pipeline.answers import Answers
from nlp.pipeline.common import Progress, no_progress
from nlp.pipeline.partitions import (
    ClassifiedParts,
    answer_calibration,
    classify_partitions,
    embed_parts,
    local_rows,
    remove_run_files,
)
from nlp.pipeline.project_state import (
    SCOPE,
    ProjectAnswers,
    ProjectInputs,
    load_project,
    project_answers,
    save_project_themes,
)
from nlp.pipeline.results import store_results
from nlp.pipeline.runs import create_run, run_guarded, save_settings, set_run
from nlp.store import init_db
from nlp.store.models import ThemeEdit
from nlp.taxonomy import Taxonomy, load_taxonomy, taxonomy_snapshot
from nlp.themes import (
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
from nlp.themes.vectors import Matrix


def project_sample(
    ids: Sequence[Any], dates: Sequence[Any] | None, import_of: Mapping[Any, Any] | None, size: int
) -> np.ndarray:
    """The sorted rows of a project's theme sample: at most `size`, stratified by import and month."""
    groups = [import_of.get(r) for r in ids] if import_of else None
    return stratified_sample(period_strata(dates, len(ids), groups), size)


def update_project_themes(
    texts: Sequence[str],
    vectors: Matrix,
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
    row = {r: i for i, r in enumerate(ids)}

    def cluster(pool: Sequence[Any], pool_vectors: np.ndarray) -> dict[Any, int]:
        # Only the pool's texts are read (in row order: stored texts read each partition once).
        pool_texts = [texts[row[r]] for r in pool]

        # No outlier reduction: what gathers nowhere stays outside (target share 1.0).
        def fit(single: bool) -> dict[Any, int]:
            found = fit_themes(
                pool_texts,
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
    vectors: Matrix,
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
    rows = project_sample(ids, dates, import_of, sample_max)
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
    groups = [import_of.get(r) for r in ids] if import_of else None
    strata = period_strata(dates, len(ids), groups)
    fresh.second_opinions = second_opinions(texts, vectors, ids, strata, sample_max, random_state)
    return match_refit(state, fresh, vectors, ids, import_of=import_of), fresh


def project_result(
    pt: ProjectThemes,
    texts: Sequence[str],
    ids: Sequence[Any],
    dates: Sequence[Any],
    names: dict[str, tuple[str, str, list[str]]],
    flags: dict[str, dict[str, Any]],
    rows: np.ndarray | None = None,
) -> ThemeResult:
    """The run's ThemeResult: topics numbered by size, each with its key, name and signal.
    The themes' words are those of the answers `rows` (the theme sample; None: every answer);
    of the other texts only the themes' representatives' are read."""
    n = len(ids)
    sizes = Counter(k for k in pt.main.values() if k is not None)
    keys = sorted(sizes, key=lambda k: (-sizes[k], k))
    topic_of: dict[str | None, int] = {k: i for i, k in enumerate(keys)}
    topic_of[None] = OTHER_THEME
    labels = np.array([topic_of[pt.main.get(r)] for r in ids], dtype=int)
    rows = np.arange(n) if rows is None else rows
    words = topic_words([texts[i] for i in rows], labels[rows], n)
    row_of = {r: i for i, r in enumerate(ids)}
    wanted = {r: row_of[r] for key in keys for r in pt.theme(key).representative_ids if r in row_of}  # type: ignore[union-attr]
    text_of = {ids[i]: texts[i] for i in sorted(wanted.values())}
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
        try:
            answers = project_answers(engine, inputs.order, run_id)
            found = _analyse(engine, run_id, inputs, answers, tax, embed_model, settings, report)
            pt, splits, themes, classified = found
            report("lagring", 0, 1)
            store_results(
                engine,
                run_id,
                tax.id,
                answers.ids,
                themes,
                classified,
                extra=lambda session: save_project_themes(session, inputs.project_id, pt, themes, splits, run_id),
            )
        finally:
            # The answers' and vectors' files go (the vector cache keeps the vectors).
            remove_run_files(run_id, engine)
        return classified.model_version

    run_guarded(engine, run_id, work, progress)
    return run_id


def _analyse(
    engine: Engine,
    run_id: int,
    inputs: ProjectInputs,
    answers: ProjectAnswers,
    tax: Taxonomy,
    embed_model: str | None,
    settings: dict[str, Any],
    report: Progress,
) -> tuple[ProjectThemes, list[int], ThemeResult, ClassifiedParts]:
    """The computing steps of a project run (nothing is stored here but progress and settings;
    `settings`: the run's, "omanpassning" saying whether the themes are refitted)."""
    name = embed_model or get_settings().embed_model
    embedder = cached_embedder(name)
    set_run(engine, run_id, embed_model=embedder.model_id)
    # The theme sample (every answer up to SAMPLE_MAX, read at the call): fitted on a refit,
    # and the answers the themes are named and worded from; only its labels come back.
    rows = project_sample(answers.ids, answers.dates, answers.import_of, SAMPLE_MAX)
    parts = answers.parts
    if len(rows) < len(answers.ids):
        parts = [replace(p, sample=mine) for p, mine in local_rows(parts, rows)]
    # One pass per answer: the same vectors serve themes, names, labels, valence and evidence.
    stored = embed_parts(parts, name, report)
    # A project's themes compare new answers with every earlier answer and theme: the steps
    # that read every vector read them from the partitions' files a block at a time.
    vectors = stored.matrix()
    report("teman", 0, 1)
    pt = update_project_themes(
        answers.texts,
        vectors,
        answers.ids,
        state=inputs.state,
        import_of=answers.import_of,
        latest=inputs.order[-1],
        refit=bool(settings["omanpassning"]),
        dates=answers.dates,
        sample_max=SAMPLE_MAX,
    )
    pt, splits = apply_splits(pt, inputs.edits, vectors, answers.ids)
    set_run(engine, run_id, settings={**settings, "temamappning": pt.mapping, "nya_teman": pt.new_keys})
    cal, record = answer_calibration(tax, inputs.active_version, inputs.validated, name)
    save_settings(engine, run_id, kalibrering=record)
    classified = classify_partitions(stored, tax, inputs.active_version, name, report, cal)
    embed = lambda p: embed_texts(p, embedder=embedder, kind=ANALYSIS_KIND)  # noqa: E731
    sample = Answers([answers.ids[i] for i in rows], answers.texts.pick(rows), [answers.dates[i] for i in rows])
    themes = finish_themes(inputs, answers, pt, sample, vectors[rows], rows, classified, tax, embed)
    return pt, splits, themes, classified


def finish_themes(
    inputs: ProjectInputs,
    answers: ProjectAnswers,
    pt: ProjectThemes,
    sample: Answers,
    sample_vectors: np.ndarray,
    rows: np.ndarray,
    classified: ClassifiedParts,
    tax: Taxonomy,
    embed: Callable[[list[str]], np.ndarray],
) -> ThemeResult:
    """Names and signals of the project's themes, as the run's ThemeResult: named from the
    theme sample (`sample`, the answers of `rows`, with their vectors and the labels and
    valence `classified` holds for them), signals from every answer's theme and period."""
    valence = classified.valence or None
    titles = tax.name_titles()
    names = theme_names(pt, sample.texts, sample_vectors, sample.ids, embed, classified.labels, titles, valence)
    for t in pt.themes:
        if t.key in names:
            t.label = names[t.key][0]
    period_of = {r: period_key(d) if d else None for r, d in zip(answers.ids, answers.dates)}
    created = {t.key: t.created_in for t in pt.themes}
    flags = project_signals(pt.main, period_of, answers.import_of, inputs.order, inputs.names, created)
    return project_result(pt, answers.texts, answers.ids, answers.dates, names, flags, rows)


def apply_splits(
    pt: ProjectThemes, edits: Sequence[ThemeEdit], vectors: Matrix, ids: Sequence[Any]
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
