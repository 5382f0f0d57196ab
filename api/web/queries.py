"""Page-side read queries: what the report, coordinator and validator pages show.

They read the stored, pseudonymised data through the ORM (nlp/store/models.py). Every
aggregate hides groups smaller than settings.suppression_threshold, so no respondent can
be singled out in a breakdown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp.charts import RunChart, p_chart
from nlp.stats import wilson_interval
from nlp.store.models import (
    AnalysisRun,
    Classification,
    Import,
    Project,
    RecordRow,
    Suggestion,
    Theme,
    ThemeAssignment,
    ThemeEdit,
    ValidationEvent,
)

# Valence names as the classifier reports them (issue 5), and what the pages call them.
VALENCE_TEXT = {"styrka": "styrka", "utmaning": "utmaning", "blandad": "blandad", "neutral": "neutral"}
DIMENSIONS = (("gender", "Kön"), ("unit", "Verksamhet"), ("source_type", "Källa"))
SOURCE_TEXT = {"enkat": "Enkät", "patientforum": "Patientforum", "berattelse": "Berättelse"}


@dataclass
class Example:
    record_id: int
    text: str
    question: str
    period: str | None
    source: str | None


@dataclass
class ThemeView:
    id: int
    topic: int
    label: str
    name: str | None  # a human name from theme edits, shown instead of the model's label
    phrase: str | None
    words: list[str]
    size: int
    share: float
    ci: tuple[float, float]
    emerging: dict[str, Any] | None
    examples: list[Example] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name or self.phrase or self.label


@dataclass
class LabelView:
    label_id: str
    title: str
    n: int
    total: int
    share: float
    ci: tuple[float, float]
    valence: dict[str, int]
    flag: str  # styrka | utmaning | blandad | få
    mean_probability: float
    n_in_set: int = 0  # answers whose prediction set holds the label ("kan också handla om")


@dataclass
class BreakdownRow:
    group: str
    n: int
    shares: dict[str, float | None]  # label id -> share within the group; None = hidden (< threshold)


@dataclass
class Breakdown:
    dimension: str
    title: str
    rows: list[BreakdownRow]
    hidden_groups: int  # groups below the threshold, not shown
    hidden_answers: int


@dataclass
class Report:
    run: AnalysisRun
    project: Project
    import_: Import
    n_records: int
    n_respondents: int
    period: tuple[date | None, date | None]
    taxonomy_title: str
    label_titles: dict[str, str]
    labels: list[LabelView]
    themes: list[ThemeView]
    breakdowns: list[Breakdown]
    charts: list[RunChart]
    threshold: int
    unsure_share: float
    n_unsure: int = 0
    counts_prediction_sets: bool = False  # an old run without the classifier's decisions


def month(d: date | None) -> str | None:
    return f"{d.year:04d}-{d.month:02d}" if d else None


@lru_cache(maxsize=32)  # taxonomy files are read once per process, not per page view
def label_titles(taxonomy_id: str | None) -> tuple[str, dict[str, str]]:
    """Taxonomy name and label titles; falls back to the ids if the file cannot be read."""
    if not taxonomy_id:
        return ("Etiketter", {})
    try:
        from nlp.taxonomy import load_taxonomy

        tax = load_taxonomy(taxonomy_id)
    except Exception:  # a missing or broken taxonomy must not take the report down
        return (taxonomy_id, {})
    labels = getattr(tax, "labels", []) or []
    titles = {getattr(lab, "id", str(lab)): getattr(lab, "title", str(lab)) for lab in labels}
    return (getattr(tax, "name", None) or taxonomy_id, titles)


def theme_names(session: Session, project_id: int, themes: Sequence[Theme]) -> dict[int, str]:
    """Human names from ThemeEdit(kind="namn"), matched to themes by their member records.

    An edit applies to the theme that holds most of the edit's members (at least half), so
    a name survives a refit that reshuffles ids.
    """
    edits = session.scalars(
        select(ThemeEdit).where(ThemeEdit.project_id == project_id, ThemeEdit.kind == "namn")
        .order_by(ThemeEdit.created_at, ThemeEdit.id)
    ).all()
    if not edits or not themes:
        return {}
    members: dict[int, set[int]] = defaultdict(set)
    for rid, tid in session.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id).where(
            ThemeAssignment.theme_id.in_([t.id for t in themes])
        )
    ):
        members[tid].add(rid)
    names: dict[int, str] = {}
    for edit in edits:  # later edits win
        wanted = set(int(r) for r in edit.member_record_ids or [])
        name = (edit.payload or {}).get("namn") or (edit.payload or {}).get("name")
        if not wanted or not name:
            continue
        best = max(themes, key=lambda t: len(members[t.id] & wanted))
        if len(members[best.id] & wanted) * 2 >= len(wanted):
            names[best.id] = str(name)
    return names


def _examples(session: Session, ids: Iterable[int], limit: int = 3) -> list[Example]:
    ids = [int(i) for i in list(ids)[:limit]]
    if not ids:
        return []
    rows = {r.id: r for r in session.scalars(select(RecordRow).where(RecordRow.id.in_(ids)))}
    return [
        Example(r.id, r.text, r.question, month(r.date), SOURCE_TEXT.get(r.source_type or "", r.source_type))
        for i in ids
        if (r := rows.get(i)) is not None
    ]


def themes_for_run(session: Session, run: AnalysisRun, *, examples: int = 3) -> list[ThemeView]:
    themes = session.scalars(
        select(Theme).where(Theme.run_id == run.id).order_by(Theme.topic == -1, Theme.size.desc(), Theme.topic)
    ).all()
    project_id = session.scalar(select(Import.project_id).where(Import.id == run.import_id))
    names = theme_names(session, project_id, themes)
    return [
        ThemeView(
            id=t.id, topic=t.topic, label=t.label, name=names.get(t.id), phrase=t.phrase,
            words=[str(w) for w in (t.words or [])][:8], size=t.size, share=t.share,
            ci=(t.ci_low, t.ci_high), emerging=t.emerging,
            examples=_examples(session, t.example_record_ids or [], examples),
        )
        for t in themes
    ]


def _flag(valence: Counter[str], threshold: int) -> str:
    good, bad = valence.get("styrka", 0), valence.get("utmaning", 0)
    if good + bad < threshold:
        return "få"
    # A clear majority either way is a flag; otherwise both are present ("blandad").
    if good >= 2 * bad:
        return "styrka"
    if bad >= 2 * good:
        return "utmaning"
    return "blandad"


def build_report(session: Session, run_id: int, *, threshold: int) -> Report | None:
    run = session.get(AnalysisRun, run_id)
    if run is None:
        return None
    imp = session.get(Import, run.import_id)
    project = session.get(Project, imp.project_id)
    records = session.execute(
        select(RecordRow.id, RecordRow.date, RecordRow.gender, RecordRow.unit,
               RecordRow.source_type, RecordRow.respondent_key)
        .where(RecordRow.import_id == imp.id)
    ).all()
    by_id = {r.id: r for r in records}
    n = len(records)
    # A label counts for an answer when the classifier decided on it. The conformal
    # prediction set is wide by design when the model is unsure (zero-shot: most labels),
    # so it is shown apart as "kan också handla om" and never drives the shares.
    labelled: dict[str, set[int]] = defaultdict(set)
    in_set: dict[str, set[int]] = defaultdict(set)
    prob_sum: dict[str, float] = defaultdict(float)
    for rid, lab, prob, decided, member in session.execute(
        select(Suggestion.record_id, Suggestion.label_id, Suggestion.probability, Suggestion.decided,
               Suggestion.in_prediction_set).where(
            Suggestion.run_id == run.id,
            (Suggestion.decided.is_(True)) | (Suggestion.in_prediction_set.is_(True)),
        )
    ):
        if member:
            in_set[lab].add(rid)
        if decided:
            labelled[lab].add(rid)
            prob_sum[lab] += prob
    legacy = not labelled and bool(in_set)
    if legacy:
        # Runs stored before the classifier's decisions were kept (migration 0003) have
        # only prediction sets; count those and say so on the page.
        labelled = in_set
        for rid, lab, prob in session.execute(
            select(Suggestion.record_id, Suggestion.label_id, Suggestion.probability).where(
                Suggestion.run_id == run.id, Suggestion.in_prediction_set.is_(True))
        ):
            prob_sum[lab] += prob
    valence_of: dict[int, str | None] = {}
    unsure = 0
    for rid, val, is_unsure in session.execute(
        select(Classification.record_id, Classification.valence, Classification.unsure).where(
            Classification.run_id == run.id
        )
    ):
        valence_of[rid] = val
        unsure += bool(is_unsure)
    tax_title, titles = label_titles(run.taxonomy_id)
    labels: list[LabelView] = []
    for lab in list(titles) + sorted(set(labelled) - set(titles)):
        ids = labelled.get(lab, set())
        val = Counter(v for i in ids if (v := valence_of.get(i)))
        labels.append(
            LabelView(
                label_id=lab, title=titles.get(lab, lab), n=len(ids), total=n,
                share=len(ids) / n if n else 0.0, ci=wilson_interval(len(ids), n), valence=dict(val),
                flag=_flag(val, threshold),
                mean_probability=prob_sum[lab] / len(ids) if ids else 0.0,
                n_in_set=len(in_set.get(lab, ())),
            )
        )
    labels.sort(key=lambda lv: -lv.n)

    breakdowns: list[Breakdown] = []
    top = [lv.label_id for lv in labels if lv.n > 0][:5]
    for dim, title in DIMENSIONS:
        groups: dict[str, list[int]] = defaultdict(list)
        for r in records:
            value = getattr(r, dim)
            if value:
                groups[SOURCE_TEXT.get(value, value) if dim == "source_type" else value].append(r.id)
        rows, hidden, hidden_n = [], 0, 0
        for g, ids in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len(ids) < threshold:
                hidden, hidden_n = hidden + 1, hidden_n + len(ids)
                continue
            idset = set(ids)
            counts = {lab: len(labelled[lab] & idset) for lab in top}
            # Cells are suppressed like groups: a count below the threshold is not shown.
            rows.append(BreakdownRow(g, len(ids), {
                lab: (k / len(ids) if k >= threshold else None) for lab, k in counts.items()
            }))
        breakdowns.append(Breakdown(dim, title, rows, hidden, hidden_n))

    months = sorted({m for r in records if (m := month(r.date))})
    totals = Counter(month(r.date) for r in records if r.date)
    charts = []
    for lv in labels[:6]:
        if lv.n < threshold:
            continue  # its monthly counts would add up to a count the page hides
        hits = Counter(month(by_id[i].date) for i in labelled[lv.label_id] if i in by_id and by_id[i].date)
        charts.append(p_chart(lv.title, months, [totals[m] for m in months], [hits[m] for m in months]))

    dates = [r.date for r in records if r.date]
    return Report(
        run=run, project=project, import_=imp, n_records=n,
        n_respondents=len({r.respondent_key for r in records if r.respondent_key}) or imp.n_rows,
        period=(min(dates) if dates else None, max(dates) if dates else None),
        taxonomy_title=tax_title, label_titles=titles, labels=labels,
        themes=themes_for_run(session, run), breakdowns=breakdowns, charts=charts,
        threshold=threshold, unsure_share=unsure / n if n else 0.0, n_unsure=unsure,
        counts_prediction_sets=legacy,
    )


def latest_run(session: Session, project_id: int, *, finished: bool = True) -> AnalysisRun | None:
    q = (
        select(AnalysisRun).join(Import, AnalysisRun.import_id == Import.id)
        .where(Import.project_id == project_id)
        .order_by(AnalysisRun.created_at.desc(), AnalysisRun.id.desc())
    )
    if finished:
        q = q.where(AnalysisRun.status == "klar")
    return session.scalars(q.limit(1)).first()


def theme_chart(session: Session, theme: ThemeView, run: AnalysisRun) -> RunChart:
    """Monthly share of one theme among all answers of the run's import."""
    totals = Counter(
        month(d) for (d,) in session.execute(
            select(RecordRow.date).where(RecordRow.import_id == run.import_id, RecordRow.date.is_not(None))
        )
    )
    hits = Counter(
        month(d) for (d,) in session.execute(
            select(RecordRow.date).join(ThemeAssignment, ThemeAssignment.record_id == RecordRow.id)
            .where(ThemeAssignment.theme_id == theme.id, RecordRow.date.is_not(None))
        )
    )
    months = sorted(totals)
    return p_chart(theme.title, months, [totals[m] for m in months], [hits[m] for m in months])


def theme_answers(session: Session, theme_id: int, *, since: date | None = None, limit: int = 20) -> list[Example]:
    q = (
        select(RecordRow).join(ThemeAssignment, ThemeAssignment.record_id == RecordRow.id)
        .where(ThemeAssignment.theme_id == theme_id)
        .order_by(RecordRow.date.desc().nulls_last(), RecordRow.id)
    )
    if since is not None:
        q = q.where(RecordRow.date >= since)
    return [
        Example(r.id, r.text, r.question, month(r.date), SOURCE_TEXT.get(r.source_type or "", r.source_type))
        for r in session.scalars(q.limit(limit))
    ]


def count_records(session: Session, import_id: int) -> int:
    return session.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.import_id == import_id)) or 0


def validation_counts(session: Session, actor: str) -> int:
    return session.scalar(select(func.count()).select_from(ValidationEvent).where(ValidationEvent.actor == actor)) or 0
