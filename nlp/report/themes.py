"""A run's themes as the read model shows them: curated (names and merges, applied in
nlp/report/curation.py), with examples and monthly counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp.core import period_key
from nlp.report.charts import RunChart, p_chart
from nlp.report.curation import curated_themes
from nlp.report.model import SOURCE_TEXT, Cell, Example, ThemeFigures
from nlp.report.runs import run_import_ids
from nlp.store.models import AnalysisRun, Import, RecordRow

N_EXAMPLES = 5


def month(d: date | None) -> str | None:
    """The report's period of an answer: its month ("2025-03"), via nlp.core.period_key."""
    return period_key(d) if d else None


def examples(session: Session, ids: Iterable[int], limit: int = N_EXAMPLES) -> list[Example]:
    ids = [int(i) for i in list(ids)[:limit]]
    if not ids:
        return []
    rows = {r.id: r for r in session.scalars(select(RecordRow).where(RecordRow.id.in_(ids)))}
    return [example(r) for i in ids if (r := rows.get(i)) is not None]


def example(r: RecordRow) -> Example:
    return Example(r.id, r.text, r.question, month(r.date), SOURCE_TEXT.get(r.source_type or "", r.source_type))


def answer_months(session: Session, import_ids: Sequence[int]) -> dict[int, str]:
    """record id → month, for the answers of the imports that have a date."""
    return {
        rid: period_key(d)
        for rid, d in session.execute(
            select(RecordRow.id, RecordRow.date).where(
                RecordRow.import_id.in_(list(import_ids)), RecordRow.date.is_not(None)
            )
        )
    }


def themes_for_run(
    session: Session,
    run: AnalysisRun,
    *,
    threshold: int,  # required: the small-cell rule is never off by default
    n_examples: int = N_EXAMPLES,
    months: Sequence[str] | None = None,
    month_of: dict[int, str] | None = None,
) -> list[ThemeFigures]:
    """The run's themes as curated (nlp/report/curation.py), with examples and (given months)
    monthly counts by main theme."""
    curated = curated_themes(session, run.id)
    imports = run_import_ids(run)
    n = count_answers(session, imports)
    over_time = _over_time(curated.main, month_of or {}, months or [], threshold)
    per_import = _per_import(session, curated.main, imports, threshold)
    return [
        ThemeFigures(
            id=t.id,
            topic=t.row.topic,
            label=t.label,
            name=t.name,
            phrase=t.phrase,
            words=t.words,
            size=t.size,
            n=n,
            threshold=threshold,
            emerging=t.emerging,
            examples=examples(session, t.example_ids, n_examples),
            over_time=over_time.get(t.id, [Cell(0, 0, threshold) for _ in months or []]),
            stored_ids=t.stored_ids,
            key=t.row.key,
            per_import=per_import.get(t.id, []),
        )
        for t in curated.themes
    ]


def count_answers(session: Session, import_ids: Sequence[int]) -> int:
    return (
        session.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.import_id.in_(list(import_ids))))
        or 0
    )


def _per_import(
    session: Session, main: dict[int, int], imports: Sequence[int], threshold: int
) -> dict[int, list[tuple[str, Cell]]]:
    """theme id → per import of the run (when it covers several): its answers of that import."""
    if len(imports) < 2:
        return {}
    names = dict(session.execute(select(Import.id, Import.filename).where(Import.id.in_(list(imports)))).all())
    import_of = dict(
        # .all(): dict() of a Result would take it for a mapping (it has keys())
        session.execute(select(RecordRow.id, RecordRow.import_id).where(RecordRow.import_id.in_(list(imports)))).all()
    )
    totals = Counter(import_of.values())
    hits: dict[int, Counter[int]] = defaultdict(Counter)
    for rid, tid in main.items():
        if rid in import_of:
            hits[tid][import_of[rid]] += 1
    return {tid: [(names.get(i, str(i)), Cell(c[i], totals[i], threshold)) for i in imports] for tid, c in hits.items()}


def _over_time(
    main: dict[int, int], month_of: dict[int, str], months: Sequence[str], threshold: int
) -> dict[int, list[Cell]]:
    """theme id → per month: answers whose main theme it is, of all answers that month."""
    totals = Counter(month_of.values())
    hits: dict[int, Counter[str]] = defaultdict(Counter)
    for rid, tid in main.items():
        if rid in month_of:
            hits[tid][month_of[rid]] += 1
    return {tid: [Cell(c[m], totals[m], threshold) for m in months] for tid, c in hits.items()}


def theme_chart(session: Session, theme: ThemeFigures, run: AnalysisRun) -> RunChart:
    """Monthly share of one theme (answers whose main theme it is) among all dated answers."""
    month_of = answer_months(session, run_import_ids(run))
    main = curated_themes(session, run.id).main
    months = sorted(set(month_of.values()))
    totals = Counter(month_of.values())
    hits = Counter(month_of[rid] for rid, tid in main.items() if tid == theme.id and rid in month_of)
    return p_chart(theme.title, months, [totals[m] for m in months], [hits[m] for m in months])
