"""The answer browser: the answers of a project's latest analysis, searched in Swedish and
filtered by theme, label, status, valence, unit, source, gender, age group and period, with
counts and shares (95 % Wilson intervals) for the selection.

Figures come from the report's read model (nlp/report: labelling, curated themes, the one
small-cell rule `Cell`); the text search is the database's own (nlp/store/search.py). A
selection smaller than the threshold is shown as "färre än N" and its answers are not listed,
as a theme's examples are shown only for themes large enough to show. Filter values
(units, genders, …) with fewer answers than the threshold are not offered: not even their
names are shown, as in the report's breakdowns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from api.deps import audit_reads, serial_write
from nlp.config import get_settings
from nlp.core import OTHER_THEME, period_key
from nlp.report import Cell, Labelling, curated_themes, group_title, run_label_titles, run_labelling
from nlp.report.model import UNKNOWN
from nlp.store.models import AnalysisRun, Import, RecordRow, User, ValidationEvent
from nlp.store.search import highlight, index_import, search_hits
from nlp.validation_status import statuses

PER_PAGE = 25
MAX_QUERY = 200  # characters: a search is a few words, not a document
VALENCE_TEXT = {"styrka": "Styrka", "utmaning": "Utmaning", "blandad": "Blandad", "neutral": "Neutral"}
# How a label is held: the model's decision (counted in the report's shares), only in its
# prediction set ("kan också handla om"), or as judged by people (nlp/validation_status.py).
STATUS_TEXT = {
    "beslutad": "Modellens förslag (räknas i andelarna)",
    "mojlig": "Kan också handla om",
    "godkand": "Bekräftad av granskare",
    "avvisad": "Avvisad av granskare",
    "omstridd": "Omstridd bland granskare",
}
_HUMAN = ("godkand", "avvisad", "omstridd")
_MONTH = re.compile(r"\d{4}-\d{2}")
# Filter → the answer's column: the one list the SQL filters and the offered values come from.
COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "unit": RecordRow.unit,
    "source": RecordRow.source_type,
    "gender": RecordRow.gender,
    "age_group": RecordRow.age_group,
}


@dataclass(frozen=True)
class AnswerFilter:
    """What the reader asked for; every field optional. Values outside the offered ones
    simply match nothing."""

    query: str = ""
    theme: int | None = None  # curated theme id
    label: str | None = None
    status: str | None = None  # STATUS_TEXT key
    valence: str | None = None
    unit: str | None = None
    source: str | None = None
    gender: str | None = None
    age_group: str | None = None
    period_from: str | None = None  # "2025-03"
    period_to: str | None = None

    def cleaned(self) -> AnswerFilter:
        """Stripped values, a bounded query, months only in the form ÅÅÅÅ-MM."""
        out = {f.name: (v.strip() or None) if isinstance(v := getattr(self, f.name), str) else v for f in fields(self)}
        out["query"] = (out["query"] or "")[:MAX_QUERY]
        for key in ("period_from", "period_to"):
            if out[key] and not _MONTH.fullmatch(out[key]):
                out[key] = None
        if out["status"] not in STATUS_TEXT:
            out["status"] = None
        return AnswerFilter(**out)

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) not in (None, "") for f in fields(self))


@dataclass(frozen=True)
class Option:
    value: str
    title: str


@dataclass(frozen=True)
class FilterOptions:
    themes: list[Option]
    labels: list[Option]
    statuses: list[Option]
    valences: list[Option]
    unit: list[Option]
    source: list[Option]
    gender: list[Option]
    age_group: list[Option]
    months: list[str]


@dataclass(frozen=True)
class AnswerHit:
    record_id: int
    pieces: list[tuple[str, bool]]  # the pseudonymised text; True: a word the search found
    question: str
    period: str | None
    source: str | None
    unit: str | None
    labels: list[str]  # titles of the labels counted for the answer
    theme: str | None  # its curated main theme
    valence: str | None


@dataclass(frozen=True)
class AnswerPage:
    run_id: int
    filters: AnswerFilter
    options: FilterOptions
    selection: Cell  # the selected answers of all answers of the run
    labels: list[tuple[str, Cell]]  # each label among the selected answers
    valences: list[tuple[str, Cell]]
    hits: list[AnswerHit]  # empty when the selection is too small to show
    page: int
    pages: int
    no_words: bool  # a query was given but held no word to search for
    threshold: int

    @property
    def first(self) -> int:
        return (self.page - 1) * PER_PAGE + 1


@dataclass(frozen=True)
class _RunView:
    """The run as the filters need it, read once per request."""

    run: AnalysisRun
    labelling: Labelling
    titles: dict[str, str]
    main: dict[int, int]  # record → curated main theme
    theme_titles: dict[int, str]  # shown curated themes only


def prepare_search(db: Session, run: AnalysisRun, query: str) -> None:
    """SQLite: stem the run's answers into the search index before their first search."""
    if query.strip():
        with serial_write(db):
            if index_import(db, run.import_id):
                db.commit()


def browse(db: Session, user: User, run: AnalysisRun, filters: AnswerFilter, page: int = 1) -> AnswerPage:
    """One page of the selected answers with the selection's figures; the answers shown are
    written to the audit log (read access to answer texts, as the report's)."""
    threshold = get_settings().suppression_threshold
    filters = filters.cleaned()
    view = _run_view(db, run, threshold)
    scored, no_words = _matching(db, run, filters)
    ids = _python_filters(db, view, filters, scored)
    n_all = db.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.import_id == run.import_id)) or 0
    selection = Cell(len(ids), n_all, threshold)
    pages = max(1, -(-len(ids) // PER_PAGE))
    page = min(max(1, page), pages)
    shown = [] if selection.hidden else ids[(page - 1) * PER_PAGE : page * PER_PAGE]
    hits = _hits(db, view, shown, filters.query)
    if shown:
        audit_reads(db, user, run_project_id(db, run), "svar", shown)
    chosen = set(ids)
    return AnswerPage(
        run_id=run.id,
        filters=filters,
        options=_options(db, view, threshold),
        selection=selection,
        labels=[
            (title, Cell(len(view.labelling.counted.get(lab, set()) & chosen), len(ids), threshold))
            for lab, title in view.titles.items()
        ],
        valences=[
            (text, Cell(sum(1 for i in ids if view.labelling.valence_of.get(i) == v), len(ids), threshold))
            for v, text in VALENCE_TEXT.items()
        ],
        hits=hits,
        page=page,
        pages=pages,
        no_words=no_words,
        threshold=threshold,
    )


def run_project_id(db: Session, run: AnalysisRun) -> int:
    return int(db.scalar(select(Import.project_id).where(Import.id == run.import_id)))


def _run_view(db: Session, run: AnalysisRun, threshold: int) -> _RunView:
    labelling = run_labelling(db, run.id)
    _, titles = run_label_titles(run)
    titles = dict(titles)
    for lab in sorted((set(labelling.counted) | set(labelling.in_set)) - set(titles)):
        titles[lab] = lab  # labels outside the taxonomy, as the report lists them
    curated = curated_themes(db, run.id)
    n = db.scalar(select(func.count()).select_from(RecordRow).where(RecordRow.import_id == run.import_id)) or 0
    theme_titles = {
        t.id: t.name or t.label
        for t in curated.themes
        if t.row.topic != OTHER_THEME and not Cell(t.size, n, threshold).hidden
    }
    return _RunView(run, labelling, titles, curated.main, theme_titles)


def _matching(db: Session, run: AnalysisRun, f: AnswerFilter) -> tuple[list[tuple[int, date | None, float]], bool]:
    """(record id, date, score) of the answers passing the text and metadata filters (SQL),
    and whether a query held no word to search for."""
    q = select(RecordRow.id, RecordRow.date).where(RecordRow.import_id == run.import_id)
    for name, column in COLUMNS.items():
        value = getattr(f, name)
        if value:
            q = q.where(column.is_(None) if value == UNKNOWN else column == value)
    if f.period_from:
        q = q.where(RecordRow.date >= date.fromisoformat(f.period_from + "-01"))
    if f.period_to:
        y, m = int(f.period_to[:4]), int(f.period_to[5:])
        q = q.where(RecordRow.date < date(y + m // 12, m % 12 + 1, 1))
    hits = search_hits(db, f.query) if f.query else None
    if hits is None:
        return [(rid, d, 0.0) for rid, d in db.execute(q)], bool(f.query)
    q = q.join(hits, hits.c.record_id == RecordRow.id).add_columns(hits.c.score)
    return [(rid, d, float(score or 0.0)) for rid, d, score in db.execute(q)], False


def _python_filters(
    db: Session, view: _RunView, f: AnswerFilter, scored: list[tuple[int, date | None, float]]
) -> list[int]:
    """The filters on what the run says about each answer (theme, label, valence), in the
    order shown: best match first when searching, else newest first."""
    keep = _label_filter(db, view, f)
    rows = [
        r
        for r in scored
        if (f.theme is None or view.main.get(r[0]) == f.theme)
        and (f.valence is None or view.labelling.valence_of.get(r[0]) == f.valence)
        and (keep is None or r[0] in keep)
    ]
    if f.query:
        rows.sort(key=lambda r: (-r[2], -(r[1] or date.min).toordinal(), r[0]))
    else:
        rows.sort(key=lambda r: (r[1] is None, -(r[1] or date.min).toordinal(), r[0]))
    return [r[0] for r in rows]


def _label_filter(db: Session, view: _RunView, f: AnswerFilter) -> set[int] | None:
    """The answers holding the label (any label when none is chosen) as the status says;
    None when neither is chosen."""
    if f.label is None and f.status is None:
        return None
    labels = [f.label] if f.label else list(view.titles)
    counted, in_set = view.labelling.counted, view.labelling.in_set
    if f.status in _HUMAN:
        judged = _judged(db, view.run)
        return {rid for (rid, lab), st in judged.items() if st == f.status and lab in labels}
    if f.status == "mojlig":
        return _union(in_set.get(lab, set()) - counted.get(lab, set()) for lab in labels)
    return _union(counted.get(lab, set()) for lab in labels)


def _union(sets: Iterable[set[int]]) -> set[int]:
    out: set[int] = set()
    for s in sets:
        out |= s
    return out


def _judged(db: Session, run: AnalysisRun) -> dict[tuple[int, str], str]:
    """(record, label) → status from people's decisions, for the run's answers and taxonomy."""
    events = db.scalars(
        select(ValidationEvent)
        .join(RecordRow, RecordRow.id == ValidationEvent.record_id)
        .where(RecordRow.import_id == run.import_id, ValidationEvent.taxonomy_id == (run.taxonomy_id or ""))
        .order_by(ValidationEvent.id)
    ).all()
    return {(rid, lab): st for (rid, _tax, lab), st in statuses(events).items() if rid is not None}


def _hits(db: Session, view: _RunView, ids: list[int], query: str) -> list[AnswerHit]:
    if not ids:
        return []
    rows = {r.id: r for r in db.scalars(select(RecordRow).where(RecordRow.id.in_(ids)))}
    counted = view.labelling.counted
    out = []
    for rid in ids:
        r = rows[rid]
        theme = view.main.get(rid)
        out.append(
            AnswerHit(
                record_id=rid,
                pieces=highlight(r.text, query) if query else [(r.text, False)],
                question=r.question,
                period=period_key(r.date) if r.date else None,
                source=group_title(r.source_type) if r.source_type else None,
                unit=r.unit,
                labels=[title for lab, title in view.titles.items() if rid in counted.get(lab, ())],
                theme=view.theme_titles.get(theme) if theme is not None else None,
                valence=VALENCE_TEXT.get(view.labelling.valence_of.get(rid) or ""),
            )
        )
    return out


def _options(db: Session, view: _RunView, threshold: int) -> FilterOptions:
    imp = view.run.import_id
    by_column = {}
    for name, column in COLUMNS.items():
        counts = db.execute(select(column, func.count()).where(RecordRow.import_id == imp).group_by(column)).all()
        values = sorted((v or UNKNOWN for v, k in counts if k >= threshold), key=lambda v: (v == UNKNOWN, v))
        by_column[name] = [Option(v, group_title(v)) for v in values] if set(values) - {UNKNOWN} else []
    months = sorted(
        {period_key(d) for (d,) in db.execute(select(RecordRow.date).where(RecordRow.import_id == imp).distinct()) if d}
    )
    return FilterOptions(
        themes=[Option(str(tid), title) for tid, title in view.theme_titles.items()],
        labels=[Option(lab, title) for lab, title in view.titles.items()],
        statuses=[Option(k, v) for k, v in STATUS_TEXT.items()],
        valences=[Option(k, v) for k, v in VALENCE_TEXT.items()],
        months=months,
        **by_column,
    )
