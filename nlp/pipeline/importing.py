"""ingest → pseudonymise → store: one export becomes one import, in a single transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select

from nlp.core import Answer
from nlp.errors import InputError
from nlp.ingest import ExportPreview, file_sha256, inspect_export, read_answers
from nlp.keys import key_for_import
from nlp.pipeline.common import BATCH, Progress, no_progress
from nlp.pseudonymise import Pseudonymised, Pseudonymiser, SpanCache, pseudonymise_stream
from nlp.residual_risk import ResidualScanner
from nlp.safe_store import MetadataGuard, neutral_file_name
from nlp.store import add_audit_entry, init_db, session_scope
from nlp.store.models import Import, Project, RecordRow, ResidualToken


@dataclass
class ImportSummary:
    import_id: int
    project: str
    filename: str
    n_rows: int
    n_records: int
    created: bool  # False when the same file was already imported (nothing duplicated)
    text_columns: list[str] = field(default_factory=list)
    column_map: dict[str, str] = field(default_factory=dict)
    pii_counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Tally:
    """What an import has stored so far."""

    pii_counts: dict[str, int] = field(default_factory=dict)
    rows_seen: set[int] = field(default_factory=set)
    n_records: int = 0


def get_or_create_project(session: Any, slug: str, name: str | None = None) -> Project:
    project = session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        project = Project(slug=slug, name=name or slug, settings={})
        session.add(project)
        session.flush()
    return project


def _summary(imp: Import, project: str, created: bool) -> ImportSummary:
    return ImportSummary(
        import_id=imp.id,
        project=project,
        filename=imp.filename,
        n_rows=imp.n_rows,
        n_records=imp.n_records,
        created=created,
        text_columns=list(imp.text_columns or []),
        column_map=dict(imp.column_mapping or {}),
        pii_counts=dict(imp.pii_counts or {}),
    )


def import_export(
    path: str | Path,
    *,
    project: str = "standard",
    engine: Engine | None = None,
    text_columns: Sequence[str] | None = None,
    column_map: Mapping[str, str] | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    actor: str = "cli",
    metadata: Mapping[str, str] | None = None,
) -> ImportSummary:
    """Read, pseudonymise and store one export in a single transaction.

    Raw text lives only in memory here: each answer is pseudonymised before it is
    added to the session. Any error rolls the whole import back. `metadata`: values for
    every answer where the file gives none (documents: the upload form's date as
    YYYY-MM-DD, unit and source type).
    """
    path = Path(path)
    progress = progress or no_progress
    engine = engine or init_db()
    if not path.is_file():
        raise InputError("filen finns inte eller är ingen vanlig fil.", file=path)
    sha = file_sha256(path)
    preview = inspect_export(path, sheet=sheet, text_columns=text_columns, column_map=column_map)
    # The user's file name is never stored (it often holds a name or personnummer); the
    # import is stored as "import <id> (<format>)".

    with session_scope(engine) as session:
        proj = get_or_create_project(session, project)
        existing = session.scalar(select(Import).where(Import.project_id == proj.id, Import.file_sha256 == sha))
        if existing is not None:
            return _summary(existing, project, created=False)
        imp, key = _create_import(session, proj, sha, preview, actor)
        pseudonymiser = Pseudonymiser(key, categories=(proj.settings or {}).get("pii_categories"))
        # What was found in a text imported before is read back, not searched again.
        cache = SpanCache(key, pseudonymiser.finder)
        guard = MetadataGuard(key)  # unit and age group: identifiers out, unit names kept
        scanner = ResidualScanner()  # what was kept that still looks risky (counts, offsets)
        answers = read_answers(path, sheet=sheet, text_columns=preview.text_columns, column_map=preview.column_map)
        if metadata:
            answers = _with_metadata(answers, metadata)
        total = int(getattr(preview, "n_rows", 0) or 0)
        with cache:
            tally = _store_records(
                session,
                imp.id,
                answers,
                pseudonymiser,
                guard,
                scanner,
                cache,
                lambda n: progress("pseudonymisering", n, max(total, n)),
            )
        if tally.n_records == 0:
            raise InputError(
                f"filen innehåller inga ifyllda fritextsvar i de valda kolumnerna ({', '.join(preview.text_columns)}).",
                file=path,
            )
        _finish_import(session, imp, tally, guard, scanner, actor)
        progress("pseudonymisering", len(tally.rows_seen), len(tally.rows_seen))
        session.flush()
        summary = _summary(imp, project, created=True)
    cache.save()  # committed: the finds may be kept (a rolled-back import leaves none)
    return summary


def _with_metadata(answers: Any, values: Mapping[str, str]) -> Any:
    """The answers with the given metadata filled in where the file had none."""
    fixed: dict[str, Any] = {k: v for k, v in values.items() if v and k in ("unit", "source_type")}
    if values.get("date"):
        fixed["date"] = date.fromisoformat(values["date"])
    for answer in answers:
        missing = {k: v for k, v in fixed.items() if getattr(answer.meta, k) is None}
        yield replace(answer, meta=replace(answer.meta, **missing)) if missing else answer


def _create_import(session: Any, proj: Project, sha: str, preview: ExportPreview, actor: str) -> tuple[Import, bytes]:
    """The new import row (neutral file name) and the key its answers are pseudonymised with."""
    # Before anything is written: never a silently new key when data exists.
    accepted = key_for_import(session, actor=actor)
    imp = Import(
        project_id=proj.id,
        filename="import",
        file_sha256=sha,
        key_fingerprint=accepted.fingerprint,
        text_columns=list(preview.text_columns),
        column_mapping=dict(preview.column_map),
    )
    session.add(imp)
    session.flush()
    imp.filename = neutral_file_name("import", imp.id, preview.file_format)
    return imp, accepted.key


def _store_records(
    session: Any,
    import_id: int,
    answers: Any,
    pseudonymiser: Pseudonymiser,
    guard: MetadataGuard,
    scanner: ResidualScanner,
    cache: SpanCache,
    progress: Any,
) -> _Tally:
    """Pseudonymise each answer and insert it in batches; raw text never reaches the session."""
    tally = _Tally()
    batch: list[dict[str, Any]] = []
    # On every core for a large file (BRUKARROST_PSEUDONYMISERING_PROCESSER), in file order.
    for answer, safe in pseudonymise_stream(pseudonymiser, answers, _answer_text, cache=cache):
        for span in safe.spans:
            tally.pii_counts[span.label] = tally.pii_counts.get(span.label, 0) + 1
        batch.append(_record_row(import_id, answer, safe, pseudonymiser, guard, scanner))
        tally.rows_seen.add(answer.row)
        tally.n_records += 1
        if len(batch) >= BATCH:
            session.execute(insert(RecordRow), batch)
            batch.clear()
            progress(len(tally.rows_seen))
    if batch:
        session.execute(insert(RecordRow), batch)
    return tally


def _answer_text(answer: Answer) -> str:
    return answer.text


def _record_row(
    import_id: int,
    answer: Answer,
    safe: Pseudonymised,
    pseudonymiser: Pseudonymiser,
    guard: MetadataGuard,
    scanner: ResidualScanner,
) -> dict[str, Any]:
    """One records row of a pseudonymised answer; kept risky tokens go to the scanner."""
    meta = answer.meta
    unit = guard.safe("unit", meta.unit)
    age_group = guard.safe("age_group", meta.age_group)
    cell = (answer.row, answer.question)
    scanner.add(cell, "text", safe.text)
    scanner.add(cell, "unit", unit)
    scanner.add(cell, "age_group", age_group)
    return {
        "import_id": import_id,
        "row": answer.row,
        "question": answer.question,
        "text": safe.text,
        "text_sha256": hashlib.sha256(safe.text.encode("utf-8")).hexdigest(),
        "respondent_key": (pseudonymiser.respondent_key(meta.respondent_id) if meta.respondent_id else None),
        "date": meta.date,
        "unit": unit,
        # source type and gender are fixed categories after ingest (else None)
        "source_type": meta.source_type,
        "gender": meta.gender,
        "age_group": age_group,
        "pii_spans": [{"start": s.start, "end": s.end, "label": s.label} for s in safe.spans],
    }


def _finish_import(
    session: Any,
    imp: Import,
    tally: _Tally,
    guard: MetadataGuard,
    scanner: ResidualScanner,
    actor: str,
) -> None:
    imp.n_rows = len(tally.rows_seen)
    imp.n_records = tally.n_records
    imp.pii_counts = tally.pii_counts
    imp.metadata_pii_counts = guard.counts_json()
    _store_residual(session, imp.id, scanner)
    add_audit_entry(session, actor, "import", "import", imp.id, svar=tally.n_records, personuppgifter=tally.pii_counts)


def _store_residual(session: Any, import_id: int, scanner: ResidualScanner) -> None:
    """Positions of the kept risky tokens, against the stored records' ids."""
    if not scanner.pending:
        return
    ids = {
        (row, question): rid
        for rid, row, question in session.execute(
            select(RecordRow.id, RecordRow.row, RecordRow.question).where(RecordRow.import_id == import_id)
        )
    }
    rows = scanner.rows(import_id, ids)
    for i in range(0, len(rows), BATCH):
        session.execute(insert(ResidualToken), rows[i : i + BATCH])
