"""Every table of a run's export, built once for all formats (nlp/report/formats/):

- "sammanfattning": the report's figures (from the read model, with the one small-cell
  rule), plus how many answers people decided each label for;
- "respondenter": one row per respondent (a row of the export), the export's questions as
  columns, each with its decided labels, the model's suggestions and the themes;
- "svar": one row per answer (nlp/report/answers.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from nlp.report.answers import AnswerFacts, answer_facts, answer_rows
from nlp.report.formats import ExportBook, Sheet
from nlp.report.load import load_run_report
from nlp.report.model import SOURCE_TEXT, Cell, RunReport
from nlp.store.models import AnalysisRun, Import

SUMMARY_COLUMNS = ["Avsnitt", "Namn", "Antal", "Andel", "Andel från (95 %)", "Andel till (95 %)", "Värde"]
PER_QUESTION = ("beslutade etiketter", "modellens förslag", "teman")
META_COLUMNS = ["Rad", "Datum", "Verksamhet", "Källa", "Kön", "Åldersgrupp"]


def export_book(session: Session, run_id: int, status_of: Mapping[int, Mapping[str, str]] | None = None) -> ExportBook:
    """The export of a finished run. `status_of`: record id → {label: validation status}."""
    facts = answer_facts(session, run_id, status_of)
    report = load_run_report(session, run_id)
    columns, rows = answer_rows(facts)
    return ExportBook(
        [
            Sheet("sammanfattning", SUMMARY_COLUMNS, summary_rows(report, facts)),
            Sheet("respondenter", *respondent_table(facts, _question_order(session, run_id, facts))),
            Sheet("svar", columns, rows),
        ]
    )


def _question_order(session: Session, run_id: int, facts: AnswerFacts) -> list[str]:
    """The questions in the export's column order, then any others by name."""
    run = session.get(AnalysisRun, run_id)
    imp = session.get(Import, run.import_id) if run is not None else None
    present = {r.question for r, _ in facts.answers}
    order = [q for q in (imp.text_columns if imp is not None else None) or [] if q in present]
    return order + sorted(present - set(order))


def respondent_table(facts: AnswerFacts, questions: list[str]) -> tuple[list[str], list[list[Any]]]:
    """One row per respondent (export row): metadata, then per question its answer, decided
    labels, the model's suggestions and themes."""
    columns = META_COLUMNS + [col for q in questions for col in (q, *(f"{q} – {what}" for what in PER_QUESTION))]
    # A respondent is a row of one import: a project run spans several, whose row numbers repeat.
    by_row: dict[tuple[int, int], dict[str, Any]] = {}
    for r, _ in facts.answers:
        held = by_row.setdefault((r.import_id, r.row), {"first": r})
        held[r.question] = r
    imports = sorted({key[0] for key in by_row})
    if len(imports) > 1:
        columns = ["Import", *columns]
    rows = []
    for key in sorted(by_row):
        held = by_row[key]
        first = held["first"]
        out: list[Any] = [imports.index(key[0]) + 1] if len(imports) > 1 else []
        out += [
            key[1],
            first.date.isoformat() if first.date else "",
            first.unit or "",
            SOURCE_TEXT.get(first.source_type or "", first.source_type or ""),
            first.gender or "",
            first.age_group or "",
        ]
        for q in questions:
            rec = held.get(q)
            if rec is None:
                out += ["", "", "", ""]
                continue
            suggested = [lab for lab in facts.titles if lab in facts.suggested.get(rec.id, [])]
            out += [
                rec.text,
                facts.titled(facts.decided(rec.id)),
                facts.titled(suggested),
                "; ".join(facts.themes.get(rec.id, [])),
            ]
        rows.append(out)
    return columns, rows


def _cell_row(section: str, name: str, cell: Cell, value: str = "") -> list[Any]:
    """A count under the one small-cell rule: the number, or "färre än N" and no share."""
    lo, hi = cell.ci or (None, None)
    share = cell.share
    return [
        section,
        name,
        cell.text if cell.hidden else cell.k,
        None if share is None else round(share, 4),
        None if lo is None else round(lo, 4),
        None if hi is None else round(hi, 4),
        value,
    ]


def summary_rows(rep: RunReport, facts: AnswerFacts) -> list[list[Any]]:
    """The summary sheet: overview, labels (the model's and people's), themes, uncertainty."""
    period = f"{rep.period[0].isoformat()} – {rep.period[1].isoformat()}" if rep.period else "okänd"
    rows: list[list[Any]] = [
        ["Översikt", "Projekt", None, None, None, None, rep.project_name],
        ["Översikt", "Fil", None, None, None, None, rep.filename],
        ["Översikt", "Analys", rep.run_id, None, None, None, ""],
        ["Översikt", "Svar", rep.n_answers, None, None, None, ""],
        ["Översikt", "Respondenter (rader)", rep.n_rows, None, None, None, ""],
        ["Översikt", "Period", None, None, None, None, period],
        ["Översikt", "Taxonomi", None, None, None, None, rep.taxonomy_name],
        ["Översikt", "Modellversion", None, None, None, None, rep.classifier_version or ""],
        ["Översikt", "Små grupper", None, None, None, None, f"antal under {rep.threshold} visas inte"],
    ]
    counted = "Etikett, förslagsmängd (äldre analys)" if rep.counts_prediction_sets else "Etikett, modellens förslag"
    rows += [_cell_row(counted, lab.title, lab.counted) for lab in rep.labels]
    decided: dict[str, int] = {}
    for r, _ in facts.answers:
        for lab in facts.decided(r.id):
            decided[lab] = decided.get(lab, 0) + 1
    rows += [
        _cell_row(
            "Etikett, beslutad av granskare", facts.title(lab), Cell(decided.get(lab, 0), rep.n_answers, rep.threshold)
        )
        for lab in facts.titles
    ]
    rows += [_cell_row("Tema", t.title, t.cell, "nytt eller växande" if t.emerging else "") for t in rep.shown_themes]
    rows.append(_cell_row("Tema", "Övrigt (utanför teman och små teman)", rep.other))
    rows.append(_cell_row("Osäkerhet", "Svar som modellen är osäker på", rep.unsure))
    rows += [_cell_row("Valens", name, cell) for name, cell in rep.valence.items()]
    return rows
