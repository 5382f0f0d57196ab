"""Loading a run's report from the database: the one place the read model is built."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.config import get_settings
from nlp.core import period_key
from nlp.report.charts import p_chart
from nlp.report.model import (
    DIMENSIONS,
    UNKNOWN,
    Breakdown,
    Cell,
    Group,
    LabelFigures,
    RunReport,
    group_title,
)
from nlp.report.quotes import label_quotes
from nlp.report.runs import finished_run, run_import_ids, run_label_titles
from nlp.report.themes import themes_for_run
from nlp.store.models import Classification, Import, RecordRow, Suggestion

VALENCES = ("styrka", "utmaning", "blandad", "neutral")


@dataclass(frozen=True)
class Labelling:
    """Who carries which label in a run, and the classifier's view of each answer."""

    counted: dict[str, set[int]]
    in_set: dict[str, set[int]]
    probability: dict[tuple[int, str], float]
    valence_of: dict[int, str | None]
    unsure: int
    legacy: bool


def load_run_report(session: Session, run_id: int, *, threshold: int | None = None) -> RunReport:
    """Every figure of one finished run, with small cells hidden by the one rule."""
    threshold = get_settings().suppression_threshold if threshold is None else threshold
    run, imp, project = finished_run(session, run_id)
    imports = run_import_ids(run)
    answers = session.execute(
        select(
            RecordRow.id,
            RecordRow.date,
            RecordRow.question,
            RecordRow.gender,
            RecordRow.age_group,
            RecordRow.unit,
            RecordRow.source_type,
        ).where(RecordRow.import_id.in_(imports))
    ).all()
    n = len(answers)
    month_of = {a.id: period_key(a.date) for a in answers if a.date}
    months = sorted(set(month_of.values()))
    labelling = run_labelling(session, run.id)
    tax_name, titles = run_label_titles(run)
    quotes = label_quotes(session, run.id, labelling.counted, labelling.probability)
    labels = [
        _label(lab, titles.get(lab, lab), labelling, n, month_of, months, threshold, quotes.get(lab, []))
        for lab in list(titles) + sorted((set(labelling.counted) | set(labelling.in_set)) - set(titles))
    ]
    dates = [a.date for a in answers if a.date]
    valence = Counter(labelling.valence_of.values())
    return RunReport(
        run_id=run.id,
        project_name=project.name,
        filename=imp.filename if len(imports) == 1 else f"projektet {project.name} ({len(imports)} importer)",
        finished_at=run.finished_at,
        embed_model=run.embed_model,
        classifier_version=run.classifier_version,
        taxonomy_id=run.taxonomy_id,
        taxonomy_name=tax_name,
        n_answers=n,
        n_rows=sum(i.n_rows for i in session.scalars(select(Import).where(Import.id.in_(imports)))),
        questions=sorted({a.question for a in answers}),
        period=(min(dates), max(dates)) if dates else None,
        pii_counts=dict(imp.pii_counts or {}),
        threshold=threshold,
        months=months,
        labels=labels,
        themes=themes_for_run(session, run, threshold=threshold, months=months, month_of=month_of),
        breakdowns=[_breakdown(dim, answers, labels, labelling, threshold) for dim in DIMENSIONS],
        unsure=Cell(labelling.unsure, n, threshold),
        valence={v: Cell(valence.get(v, 0), n, threshold) for v in VALENCES},
        counts_prediction_sets=labelling.legacy,
        timings=dict((run.settings or {}).get("tider_s") or {}),
        cpu_timings=dict((run.settings or {}).get("cpu_tider_s") or {}),
        calibration=dict((run.settings or {}).get("kalibrering") or {}),
        theme_mapping=[
            str(m["text"]) for m in (run.settings or {}).get("temamappning") or [] if m.get("typ") != "behallen"
        ],
    )


def run_labelling(session: Session, run_id: int) -> Labelling:
    """Who carries which label in a run (decided; old runs: prediction sets), and valences."""
    counted: dict[str, set[int]] = defaultdict(set)
    in_set: dict[str, set[int]] = defaultdict(set)
    probability: dict[tuple[int, str], float] = {}
    for rid, lab, prob, decided, member in session.execute(
        select(
            Suggestion.record_id,
            Suggestion.label_id,
            Suggestion.probability,
            Suggestion.decided,
            Suggestion.in_prediction_set,
        ).where(Suggestion.run_id == run_id, Suggestion.decided.is_(True) | Suggestion.in_prediction_set.is_(True))
    ):
        probability[(rid, lab)] = prob
        if member:
            in_set[lab].add(rid)
        if decided:
            counted[lab].add(rid)
    # The conformal prediction set is wide by design when the model is unsure (zero-shot:
    # most labels), so it never drives the shares, except in runs stored before the
    # classifier's decisions were kept (migration 0003), which have only sets.
    legacy = not counted and bool(in_set)
    valence_of: dict[int, str | None] = {}
    unsure = 0
    for rid, val, is_unsure in session.execute(
        select(Classification.record_id, Classification.valence, Classification.unsure).where(
            Classification.run_id == run_id
        )
    ):
        valence_of[rid] = val
        unsure += bool(is_unsure)
    return Labelling(in_set if legacy else counted, in_set, probability, valence_of, unsure, legacy)


def _label(
    lab: str,
    title: str,
    labelling: Labelling,
    n: int,
    month_of: dict[int, str],
    months: Sequence[str],
    threshold: int,
    quotes: list[str] | None = None,
) -> LabelFigures:
    ids = labelling.counted.get(lab, set())
    counted = Cell(len(ids), n, threshold)
    val = Counter(labelling.valence_of.get(i) for i in ids)
    chart = None
    if not counted.hidden:  # a hidden count gets no chart: its months would add up to it
        totals = Counter(month_of.values())
        hits = Counter(month_of[i] for i in ids if i in month_of)
        chart = p_chart(title, months, [totals[m] for m in months], [hits[m] for m in months])
    return LabelFigures(
        id=lab,
        title=title,
        counted=counted,
        in_set=Cell(len(labelling.in_set.get(lab, ())), n, threshold),
        mean_probability=(None if counted.hidden else sum(labelling.probability[(i, lab)] for i in ids) / len(ids)),
        valence={v: Cell(val.get(v, 0), len(ids), threshold) for v in VALENCES},
        chart=chart,
        quotes=[] if counted.hidden else list(quotes or []),  # small cells show no text either
    )


def _group_of(answer: Any, dimension: str) -> str | None:
    if dimension == "period":
        return period_key(answer.date) if answer.date else None
    return getattr(answer, dimension) or None


def _breakdown(
    dimension: str,
    answers: Sequence[Any],
    labels: Sequence[LabelFigures],
    labelling: Labelling,
    threshold: int,
) -> Breakdown:
    """Counted answers per group; a dimension no answer has a value for has no groups."""
    groups: dict[str, set[int]] = defaultdict(set)
    for a in answers:
        groups[_group_of(a, dimension) or UNKNOWN].add(a.id)
    if set(groups) <= {UNKNOWN}:
        groups = {}
    order = sorted(groups) if dimension == "period" else sorted(groups, key=lambda g: (-len(groups[g]), g))
    shown = [g for g in order if len(groups[g]) >= threshold]
    return Breakdown(
        dimension=dimension,
        title=DIMENSIONS[dimension],
        groups=[
            Group(
                key=g,
                title=group_title(g),
                n=len(groups[g]),
                cells={
                    lab.id: Cell(len(labelling.counted.get(lab.id, set()) & groups[g]), len(groups[g]), threshold)
                    for lab in labels
                },
            )
            for g in shown
        ],
        hidden_groups=len(order) - len(shown),
    )
