"""A run's stored themes as the read model shows them: curated names, examples, monthly counts.

Curated names come from theme edits (ThemeEdit kind "namn"; a named merge stores one on the
union of the merged themes' members). An edit names the theme that holds most of the edit's
members (at least half), so a name survives a refit that reshuffles theme numbers. Merges and
splits change the themes themselves when the themes are next fitted (nlp/themes/edits.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlp.core import period_key
from nlp.report.charts import RunChart, p_chart
from nlp.report.model import SOURCE_TEXT, Cell, Example, ThemeFigures
from nlp.store.models import (
    AnalysisRun,
    Import,
    RecordRow,
    Theme,
    ThemeAssignment,
    ThemeEdit,
)

N_EXAMPLES = 5


def month(d: date | None) -> str | None:
    """The report's period of an answer: its month ("2025-03"), via nlp.core.period_key."""
    return period_key(d) if d else None


def main_themes(session: Session, theme_ids: Sequence[int]) -> dict[int, int]:
    """record id → its main theme (highest weight; ties: lowest theme id)."""
    out: dict[int, int] = {}
    for rid, tid in session.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id)
        .where(ThemeAssignment.theme_id.in_(list(theme_ids)))
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc(), ThemeAssignment.theme_id)
    ):
        out.setdefault(rid, tid)
    return out


def curated_names(session: Session, project_id: int, themes: Sequence[Theme], main: dict[int, int]) -> dict[int, str]:
    """theme id → the name people gave it (later edits win)."""
    edits = session.scalars(
        select(ThemeEdit)
        .where(ThemeEdit.project_id == project_id, ThemeEdit.kind == "namn")
        .order_by(ThemeEdit.created_at, ThemeEdit.id)
    ).all()
    if not edits or not themes:
        return {}
    members: dict[int, set[int]] = defaultdict(set)
    for rid, tid in main.items():
        members[tid].add(rid)
    names: dict[int, str] = {}
    for edit in edits:
        wanted = {int(r) for r in edit.member_record_ids or []}
        name = (edit.payload or {}).get("namn") or (edit.payload or {}).get("name")
        if not wanted or not name:
            continue
        best = max(themes, key=lambda t: len(members[t.id] & wanted))
        if len(members[best.id] & wanted) * 2 >= len(wanted):
            names[best.id] = str(name)
    return names


def examples(session: Session, ids: Iterable[int], limit: int = N_EXAMPLES) -> list[Example]:
    ids = [int(i) for i in list(ids)[:limit]]
    if not ids:
        return []
    rows = {r.id: r for r in session.scalars(select(RecordRow).where(RecordRow.id.in_(ids)))}
    return [example(r) for i in ids if (r := rows.get(i)) is not None]


def example(r: RecordRow) -> Example:
    return Example(r.id, r.text, r.question, month(r.date), SOURCE_TEXT.get(r.source_type or "", r.source_type))


def run_themes(session: Session, run_id: int) -> list[Theme]:
    """The run's themes, largest first, "övrigt" last."""
    return list(
        session.scalars(
            select(Theme).where(Theme.run_id == run_id).order_by(Theme.topic == -1, Theme.size.desc(), Theme.topic)
        )
    )


def answer_months(session: Session, import_id: int) -> dict[int, str]:
    """record id → month, for the answers of an import that have a date."""
    return {
        rid: period_key(d)
        for rid, d in session.execute(
            select(RecordRow.id, RecordRow.date).where(RecordRow.import_id == import_id, RecordRow.date.is_not(None))
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
    """The run's themes with curated names, examples and (given months) monthly counts."""
    themes = run_themes(session, run.id)
    project_id = session.scalar(select(Import.project_id).where(Import.id == run.import_id))
    main = main_themes(session, [t.id for t in themes])
    names = curated_names(session, project_id, themes, main)
    n = count_answers(session, run.import_id)
    over_time = _over_time(main, month_of or {}, months or [], threshold)
    return [
        ThemeFigures(
            id=t.id,
            topic=t.topic,
            label=t.label,
            name=names.get(t.id),
            phrase=t.phrase,
            words=[str(w) for w in (t.words or [])][:10],
            size=t.size,
            n=n,
            threshold=threshold,
            emerging=t.emerging,
            examples=examples(session, t.example_record_ids or [], n_examples),
            over_time=over_time.get(t.id, [Cell(0, 0, threshold) for _ in months or []]),
        )
        for t in themes
    ]


def count_answers(session: Session, import_id: int) -> int:
    return session.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.import_id == import_id)) or 0


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
    month_of = answer_months(session, run.import_id)
    main = main_themes(session, [t.id for t in run_themes(session, run.id)])
    months = sorted(set(month_of.values()))
    totals = Counter(month_of.values())
    hits = Counter(month_of[rid] for rid, tid in main.items() if tid == theme.id and rid in month_of)
    return p_chart(theme.title, months, [totals[m] for m in months], [hits[m] for m in months])
