"""The answers of a run as one table, for the exports: one row per answer, headed in plain
Swedish, labels by their titles, one number column per label for the classifier's
probability, and the themes by their curated names (the same names the report shows).

"Beslutade etiketter" are the labels a person decided on: accepted by the judges, or settled
in joint analysis (status "godkand", nlp/validation_status.py). The classifier's own choices
are "Modellens förslag"; its wider prediction set is "Kan också handla om".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from nlp.report.curation import curated_themes
from nlp.report.model import SOURCE_TEXT
from nlp.report.runs import run_label_titles
from nlp.store.models import (
    AnalysisRun,
    Classification,
    RecordRow,
    Suggestion,
    ThemeAssignment,
)

DECIDED = "Beslutade etiketter (av granskare)"
SUGGESTED = "Modellens förslag"
IN_SET = "Kan också handla om"
THEMES = "Teman"
PROBABILITY = "Sannolikhet: "  # + the label's title: one number column per label
COLUMNS = [
    "Svar-id",
    "Rad",
    "Fråga",
    "Svar (pseudonymiserat)",
    "Datum",
    "Verksamhet",
    "Källa",
    "Kön",
    "Åldersgrupp",
    DECIDED,
    SUGGESTED,
    IN_SET,
    "Osäker",
    "Orsak till osäkerhet",
    "Valens",
    "Granskning",
    THEMES,
    "Modellversion",
]
# A validation status (nlp/validation_status.py) as a reader sees it; "forslag" is not shown.
STATUS_TEXT = {"godkand": "godkänd", "avvisad": "avvisad", "omstridd": "omstridd", "osaker": "osäker"}


@dataclass
class AnswerFacts:
    """What the export sheets show of a run's answers, read once."""

    answers: list[tuple[RecordRow, Classification]]
    titles: dict[str, str]  # label id → title, taxonomy order, then labels outside it
    probability: dict[int, dict[str, float]] = field(default_factory=dict)
    suggested: dict[int, list[str]] = field(default_factory=dict)  # the classifier's decisions
    status: Mapping[int, Mapping[str, str]] = field(default_factory=dict)
    themes: dict[int, list[str]] = field(default_factory=dict)

    def title(self, label: str) -> str:
        return self.titles.get(label, label)

    def decided(self, rid: int) -> list[str]:
        """Labels a person decided on (accepted, or settled in joint analysis), taxonomy order."""
        held = {lab for lab, st in self.status.get(rid, {}).items() if st == "godkand"}
        return [lab for lab in self.titles if lab in held] + sorted(held - set(self.titles))

    def titled(self, labels: list[str]) -> str:
        return "; ".join(self.title(lab) for lab in labels)

    def review(self, rid: int) -> str:
        """ "Respekt: godkänd; Helhet: omstridd" for the labels people have judged."""
        status = self.status.get(rid, {})
        return "; ".join(
            f"{self.title(lab)}: {STATUS_TEXT[st]}"
            for lab in sorted(status, key=self._order)
            if (st := status[lab]) in STATUS_TEXT
        )

    def _order(self, label: str) -> tuple[int, str]:
        order = list(self.titles)
        return (order.index(label), "") if label in order else (len(order), label)


def run_record_ids(session: Session, run_id: int) -> list[int]:
    """The answers the run classified, in id order."""
    return list(
        session.scalars(
            select(Classification.record_id).where(Classification.run_id == run_id).order_by(Classification.record_id)
        )
    )


def answer_facts(
    session: Session, run_id: int, status_of: Mapping[int, Mapping[str, str]] | None = None
) -> AnswerFacts:
    """The run's answers with labels, probabilities, human statuses and curated themes.
    `status_of`: record id → {label: validation status}."""
    run = session.get(AnalysisRun, run_id)
    _, titles = run_label_titles(run) if run is not None else ("", {})
    facts = AnswerFacts(
        answers=list(
            session.execute(
                select(RecordRow, Classification)
                .join(Classification, Classification.record_id == RecordRow.id)
                .where(Classification.run_id == run_id)
                .order_by(RecordRow.row, RecordRow.id)
                # JSON the export does not show: decoding it took most of the time
                .options(defer(RecordRow.pii_spans), defer(Classification.evidence))
            )
        ),
        titles=dict(titles),
        status=status_of or {},
        themes=_theme_titles(session, run_id),
    )
    probability: dict[int, dict[str, float]] = defaultdict(dict)
    suggested: dict[int, list[str]] = defaultdict(list)
    # Columns, not ORM objects: a run has (answers × labels) suggestions.
    for rid, label, prob, decided in session.execute(
        select(Suggestion.record_id, Suggestion.label_id, Suggestion.probability, Suggestion.decided)
        .where(Suggestion.run_id == run_id)
        .order_by(Suggestion.label_id)
    ):
        probability[rid][label] = round(prob, 3)
        if decided:
            suggested[rid].append(label)
        facts.titles.setdefault(label, label)  # a label outside the taxonomy still gets its column
    facts.probability, facts.suggested = dict(probability), dict(suggested)
    return facts


def answer_table(
    session: Session, run_id: int, status_of: Mapping[int, Mapping[str, str]] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """(headings, rows): one row per answer. `status_of`: record id → {label: validation status}."""
    return answer_rows(answer_facts(session, run_id, status_of))


def answer_rows(facts: AnswerFacts) -> tuple[list[str], list[list[Any]]]:
    """One row per answer: COLUMNS, then the probability of each label as a number."""
    labels = list(facts.titles)
    # A probability column for each label the run stored probabilities for, taxonomy order.
    scored = set().union(*facts.probability.values()) if facts.probability else set()
    columns = COLUMNS + [PROBABILITY + facts.title(lab) for lab in labels if lab in scored]
    rows = []
    for r, c in facts.answers:
        probs = facts.probability.get(r.id, {})
        rows.append(
            [
                r.id,
                r.row,
                r.question,
                r.text,
                r.date.isoformat() if r.date else "",
                r.unit or "",
                SOURCE_TEXT.get(r.source_type or "", r.source_type or ""),
                r.gender or "",
                r.age_group or "",
                facts.titled(facts.decided(r.id)),
                facts.titled([lab for lab in labels if lab in facts.suggested.get(r.id, [])]),
                facts.titled([lab for lab in labels if lab in (c.prediction_set or [])]),
                "ja" if c.unsure else "nej",
                c.unsure_reason or "",
                c.valence or "",
                facts.review(r.id),
                "; ".join(facts.themes.get(r.id, [])),
                c.model_version,
            ]
            + [probs.get(lab) for lab in labels if lab in scored]  # a number, or empty where none was stored
        )
    return columns, rows


def _theme_titles(session: Session, run_id: int) -> dict[int, list[str]]:
    """record id → the titles of its curated themes (as ThemeFigures.title), heaviest first."""
    curated = curated_themes(session, run_id)
    title = {t.id: curated.title(t.id) for t in curated.themes}
    held: dict[int, list[int]] = defaultdict(list)
    for rid, tid in session.execute(
        select(ThemeAssignment.record_id, ThemeAssignment.theme_id)
        .where(ThemeAssignment.theme_id.in_(list(curated.of)))
        .order_by(ThemeAssignment.record_id, ThemeAssignment.weight.desc(), ThemeAssignment.theme_id)
    ):
        if curated.of[tid] not in held[rid]:  # two merged parts are one theme
            held[rid].append(curated.of[tid])
    return {rid: [title[cid] for cid in cids] for rid, cids in held.items()}
