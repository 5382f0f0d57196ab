"""An analysis run: embed → themes (with human edits) → classify → store, and the report."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, select

from nlp.classify import Example
from nlp.config import get_settings
from nlp.core import ANALYSIS_KIND
from nlp.embed import cached_embedder, embed_texts
from nlp.errors import BrukarrostError
from nlp.pipeline.answers import Answers, import_answers
from nlp.pipeline.common import Progress, StageTimer, active_version, no_progress
from nlp.pipeline.importing import ImportSummary, import_export
from nlp.pipeline.partitions import (
    ClassifiedParts,
    Part,
    PartitionedVectors,
    answer_calibration,
    answer_ids,
    assign_partitions,
    classify_partitions,
    embed_parts,
    local_rows,
    partition,
    place_partitions,
    read_rows,
    remove_run_files,
    stored_answers,
)
from nlp.pipeline.placed_edits import apply_placed_edits
from nlp.pipeline.project import analyse_project
from nlp.pipeline.results import store_results
from nlp.pipeline.runs import create_run, run_guarded, save_settings, set_run
from nlp.pipeline.training import validated_answers
from nlp.report import write_report
from nlp.store import init_db, session_scope
from nlp.store.models import Import, ThemeEdit
from nlp.taxonomy import Taxonomy, load_taxonomy, taxonomy_snapshot
from nlp.themes import ProjectTheme, ThemeResult, apply_theme_edits, assign, name_result
from nlp.themes.sample import (
    SAMPLE_MAX,
    coded_sample,
    fit_sample,
    fit_sample_placed,
    period_strata,
    stratified_sample,
)

log = logging.getLogger(__name__)


@dataclass
class _Inputs:
    """An import's answers (stored by partition, not held) and the project's human work."""

    parts: list[Part]  # the answers' partition files (nlp.pipeline.answers), in record order
    strata: np.ndarray  # each answer's stratum for the theme sample: its month, coded
    months: list[str | None]  # code → month
    edits: Sequence[ThemeEdit]
    active_version: str | None
    validated: list[Example]  # the project's validated answers (zero-shot's calibration)

    @property
    def n(self) -> int:
        return len(self.strata)


def analyse_import(
    import_id: int,
    *,
    engine: Engine | None = None,
    taxonomy: str | Path | Taxonomy = "samsjuklighet",
    progress: Progress | None = None,
    run_id: int | None = None,
    embed_model: str | None = None,
) -> int:
    """Embed, find themes and classify one import's records; store all of it in one go.

    Results are written in a single transaction at the end, so an interrupted run
    leaves no half-written themes or suggestions; its status says "fel".
    """
    engine = engine or init_db()
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    if run_id is None:
        run_id = create_run(import_id, engine=engine, taxonomy=tax.id)
    # The run keeps the taxonomy it is classified with, so its report never depends on the file.
    set_run(engine, run_id, taxonomy_id=tax.id, taxonomy_snapshot=taxonomy_snapshot(tax))

    def work(report: Progress) -> str:
        try:
            inputs = _load_inputs(engine, import_id, tax.id, run_id)
            themes, classified = _analyse(engine, run_id, inputs, tax, embed_model, report)
            report("lagring", 0, 1)
            store_results(engine, run_id, tax.id, answer_ids(inputs.parts), themes, classified)
        finally:
            # The vector cache keeps the vectors (and erasure reaches them there); these copies,
            # the answers' files and the partitions' classifications (now in the database) go.
            remove_run_files(run_id, engine)
        return classified.model_version

    run_guarded(engine, run_id, work, progress or no_progress)
    return run_id


def _load_inputs(engine: Engine, import_id: int, taxonomy_id: str, run_id: int) -> _Inputs:
    """The import's answers streamed from the database into the run's partition files (only
    each answer's month is kept here, for the theme sample), and the project's human work."""
    months: dict[str | None, int] = {}
    strata: list[np.ndarray] = []

    def keep_months(chunks: Iterator[Answers]) -> Iterator[Answers]:
        for chunk in chunks:
            keys = period_strata(chunk.dates, len(chunk))
            strata.append(np.fromiter((months.setdefault(k, len(months)) for k in keys), np.int32, len(keys)))
            yield chunk

    parts = partition(keep_months(import_answers(engine, import_id, get_settings().kluster_partition)), run_id, engine)
    if not parts:
        raise BrukarrostError(f"Importen {import_id} har inga svar att analysera.")
    with session_scope(engine) as session:
        imp = session.get(Import, import_id)
        project_id = imp.project_id if imp else None
        # Human work is data: names, merges and splits are carried over to this refit.
        edits = session.scalars(
            select(ThemeEdit).where(ThemeEdit.project_id == project_id).order_by(ThemeEdit.created_at, ThemeEdit.id)
        ).all()
        current = active_version(session, project_id, taxonomy_id)
    validated = validated_answers(engine, project_id, taxonomy_id) if project_id is not None else []
    return _Inputs(parts, np.concatenate(strata), list(months), edits, current, validated)


def _analyse(
    engine: Engine,
    run_id: int,
    inputs: _Inputs,
    tax: Taxonomy,
    embed_model: str | None,
    report: Progress,
) -> tuple[ThemeResult, ClassifiedParts]:
    """The computing steps of a run (nothing is stored here but progress and the run's files).

    Embedding and classification run by partition (in this process, or on the cluster of
    BRUKARROST_KLUSTER), reading the answers' partition files; the vectors are kept by
    partition on disk. Past the theme sample (SAMPLE_MAX answers) this process holds only the
    sample's answers, vectors and labels: the rest is placed, stored and counted by partition."""
    name = embed_model or get_settings().embed_model
    # Cached: label phrases, and answers for a model saved with the other kind of vector.
    embedder = cached_embedder(name)
    set_run(engine, run_id, embed_model=embedder.model_id)
    rows = coded_sample(inputs.strata, inputs.months, SAMPLE_MAX)
    # Past the sample the project's theme edits too are applied by partition (nlp.pipeline.placed_edits).
    streamed = len(rows) < inputs.n
    parts = [replace(p, sample=mine) for p, mine in local_rows(inputs.parts, rows)] if streamed else inputs.parts
    # One pass per answer: the same vectors serve themes, labels, valence and evidence.
    vectors = embed_parts(parts, name, report)
    # The analyst's explicitly activated version; zero-shot until there is one, calibrated
    # on the project's validated answers when there are enough of them. Before the
    # themes: a theme's name leads with the taxonomy label most of its answers carry.
    cal, record = answer_calibration(tax, inputs.active_version, inputs.validated, name)
    save_settings(engine, run_id, kalibrering=record)
    classified = classify_partitions(vectors, tax, inputs.active_version, name, report, cal)
    report("teman", 0, 1)
    common: dict[str, Any] = {
        "labels": classified.labels,
        "valence": classified.valence,
        "titles": tax.name_titles(),
        "embed": lambda p: embed_texts(p, embedder=embedder, kind=ANALYSIS_KIND),
    }
    if streamed:
        themes = find_themes_placed(read_rows(parts, rows), rows, vectors, edits=inputs.edits, **common)
    else:
        ids, dates, texts = stored_answers(parts)
        themes = find_themes(texts, vectors, record_ids=ids, dates=dates, edits=inputs.edits, **common)
    report("teman", 1, 1)
    return themes, classified


def find_themes(
    texts: Sequence[str],
    vectors: np.ndarray | PartitionedVectors,
    *,
    record_ids: Sequence[Any],
    dates: Sequence[Any] | None = None,
    edits: Sequence[Any] = (),
    period: str = "month",
    random_state: int = 42,
    sample_max: int | None = None,
    labels: Sequence[Sequence[str]] | None = None,
    titles: Mapping[str, str] | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    valence: Sequence[str | None] | None = None,
) -> ThemeResult:
    """Fit themes (on a stratified sample past `sample_max` answers, the rest assigned),
    carry the project's human edits (names, merges, splits) over, and name the themes as a
    project's are (nlp.themes.name_result): from the sample's answers, led by the taxonomy
    label most of them carry (`labels`: each answer's label ids; `titles`: id → title) and in
    the tone most of them have (`valence`: each answer's).
    `embed` embeds the names' phrases like the answers (default: the configured model)."""
    # None: the module's SAMPLE_MAX, read at the call (a test of the sample path lowers it).
    bound = SAMPLE_MAX if sample_max is None else sample_max
    rows = stratified_sample(period_strata(dates, len(texts)), bound)
    pick = lambda seq: [seq[i] for i in rows]  # noqa: E731
    # No word-list labels: name_result below names every theme.
    sample, assign_rest = _sample_and_rest(vectors, rows)
    themes = fit_sample(
        texts,
        record_ids,
        rows,
        sample,
        assign_rest,
        dates=dates,
        period=period,
        random_state=random_state,
        word_labels=False,
    )
    if edits:
        # A split needs its members' vectors (read from the partitions' files when stored there);
        # the merges and names do not read any.
        full = vectors.matrix() if isinstance(vectors, PartitionedVectors) else vectors
        # Edited themes' words come from the sample's answers, as every other theme's do.
        themes = apply_theme_edits(
            themes, edits, record_ids=record_ids, texts=texts, embeddings=full, word_ids=pick(record_ids)
        )
    return name_result(
        themes,
        pick(texts),
        sample,
        embed or (lambda p: embed_texts(p, kind=ANALYSIS_KIND)),
        record_ids=pick(record_ids),
        labels=pick(labels) if labels is not None else None,
        titles=titles,
        valence=pick(valence) if valence else None,
    )


def find_themes_placed(
    sample: Answers,
    rows: np.ndarray,
    vectors: PartitionedVectors,
    *,
    edits: Sequence[Any] = (),
    period: str = "month",
    random_state: int = 42,
    labels: Sequence[Sequence[str]] | None = None,
    titles: Mapping[str, str] | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    valence: Sequence[str | None] | None = None,
) -> ThemeResult:
    """find_themes for an import too large to hold: `sample` holds the answers of the sample
    `rows` (and `labels`, `valence` theirs), and the partitions of `vectors` know their rows
    in it (Part.sample). The themes are fitted on the sample and the workers place the rest by
    partition, keep the placements there and send back counts per theme and period
    (nlp.themes.sample.fit_sample_placed); the project's `edits` are matched and applied by
    partition too (nlp.pipeline.placed_edits): the result equals find_themes's."""
    sample_vectors = vectors.rows(rows)
    themes = fit_sample_placed(
        sample.texts,
        sample.ids,
        sample_vectors,
        vectors.n,
        lambda found: place_partitions(vectors, found, period),
        dates=sample.dates,
        period=period,
        random_state=random_state,
        word_labels=False,
    )
    if edits:
        themes = apply_placed_edits(themes, edits, sample, rows, vectors, period)
    return name_result(
        themes,
        sample.texts,
        sample_vectors,
        embed or (lambda p: embed_texts(p, kind=ANALYSIS_KIND)),
        record_ids=sample.ids,
        labels=labels,
        titles=titles,
        valence=valence or None,
    )


def _sample_and_rest(
    vectors: np.ndarray | PartitionedVectors, rows: np.ndarray
) -> tuple[np.ndarray, Callable[[Sequence[ProjectTheme]], Sequence[str | None]]]:
    """The sample's vectors, and every answer's nearest theme by partition or in memory."""
    if isinstance(vectors, PartitionedVectors):
        stored = vectors
        return stored.rows(rows), lambda themes: assign_partitions(stored, themes)
    matrix = np.asarray(vectors, dtype=np.float32)
    return matrix[rows], lambda themes: assign(themes, matrix, floor=True)


def analyse_export(
    path: str | Path,
    out_dir: str | Path,
    *,
    project: str = "standard",
    taxonomy: str | Path = "samsjuklighet",
    text_columns: Sequence[str] | None = None,
    column_map: Mapping[str, str] | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    whole_project: bool = False,
    refit: bool = False,
) -> tuple[ImportSummary, Path]:
    """The whole chain for one file: import, analyse, write the report (`brukarrost analysera`).

    Returns the import's summary and the HTML report's path (rapport.json beside it).
    `taxonomy` is an id in etiketter/ or the path of a taxonomy file. With `whole_project`
    the file joins the project's earlier imports and the project is analysed as a whole."""
    tax = load_taxonomy(taxonomy)  # a broken taxonomy file fails before anything is imported
    timer = progress if isinstance(progress, StageTimer) else StageTimer(progress)
    summary = import_export(
        path, project=project, text_columns=text_columns, column_map=column_map, sheet=sheet, progress=timer
    )
    if whole_project:
        run_id = analyse_project(project, taxonomy=tax, progress=timer, refit=refit)
    else:
        run_id = analyse_import(summary.import_id, taxonomy=tax, progress=timer)
    return summary, write_report(run_id, out_dir)
