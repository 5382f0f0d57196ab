"""The chain: ingest → pseudonymise → store (one transaction), then embed → themes →
classify → store for an analysis run. The CLI (`analysera`) and the API's job worker
call these same functions.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, insert, select, update

from nlp.config import get_settings
from nlp.errors import BrukarrostError, InputError
from nlp.store import init_db, session_scope
from nlp.store.models import (
    AnalysisRun,
    AuditEntry,
    Classification,
    ClassifierVersion,
    Import,
    Project,
    RecordRow,
    ResidualToken,
    Suggestion,
    Theme,
    ThemeAssignment,
    ThemeEdit,
)

if TYPE_CHECKING:
    from nlp.pseudonymise import Pseudonymiser, PseudonymisedRow

log = logging.getLogger(__name__)

# (stage, done, total): stage is a Swedish stage name shown in progress bars and the API.
Progress = Callable[[str, int, int], None]
STAGES = ("inläsning", "pseudonymisering", "inbäddning", "teman", "klassificering", "lagring")
_BATCH = 1000


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


def _noop(stage: str, done: int, total: int) -> None:
    return None


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
) -> ImportSummary:
    """Read, pseudonymise and store one export in a single transaction.

    Raw text lives only in memory here: each answer is pseudonymised before it is
    added to the session. Any error rolls the whole import back.
    """
    from nlp.ingest import file_sha256, inspect_export, read_answers
    from nlp.keys import key_for_import
    from nlp.pseudonymise import Pseudonymiser
    from nlp.residual_risk import ResidualScanner
    from nlp.safe_store import MetadataGuard, neutral_file_name

    path = Path(path)
    progress = progress or _noop
    engine = engine or init_db()
    if not path.is_file():
        raise InputError("filen finns inte eller är ingen vanlig fil.", file=path)
    sha = file_sha256(path)
    preview = inspect_export(path, sheet=sheet, text_columns=text_columns, column_map=column_map)
    # The user's file name is never stored (it often holds a name or personnummer); the
    # import is stored as "import <id> (<format>)".

    with session_scope(engine) as session:
        proj = get_or_create_project(session, project)
        existing = session.scalar(
            select(Import).where(Import.project_id == proj.id, Import.file_sha256 == sha)
        )
        if existing is not None:
            return _summary(existing, project, created=False)

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

        pseudonymiser = Pseudonymiser(
            accepted.key, categories=(proj.settings or {}).get("pii_categories")
        )
        guard = MetadataGuard(accepted.key)  # unit and age group: identifiers out, unit names kept
        scanner = ResidualScanner()  # what was kept that still looks risky (counts, offsets)
        pii_counts: dict[str, int] = {}
        rows_seen: set[int] = set()
        batch: list[dict[str, Any]] = []
        n_records = 0
        total = int(getattr(preview, "n_rows", 0) or 0)
        for answer in read_answers(
            path, sheet=sheet, text_columns=preview.text_columns, column_map=preview.column_map
        ):
            safe = pseudonymiser.pseudonymise(answer.text)
            for span in safe.spans:
                pii_counts[span.label] = pii_counts.get(span.label, 0) + 1
            meta = answer.meta
            unit = guard.safe("unit", meta.unit)
            age_group = guard.safe("age_group", meta.age_group)
            cell = (answer.row, answer.question)
            scanner.add(cell, "text", safe.text)
            scanner.add(cell, "unit", unit)
            scanner.add(cell, "age_group", age_group)
            batch.append(
                {
                    "import_id": imp.id,
                    "row": answer.row,
                    "question": answer.question,
                    "text": safe.text,
                    "text_sha256": hashlib.sha256(safe.text.encode("utf-8")).hexdigest(),
                    "respondent_key": (
                        pseudonymiser.respondent_key(meta.respondent_id)
                        if meta.respondent_id
                        else None
                    ),
                    "date": meta.date,
                    "unit": unit,
                    # source type and gender are fixed categories after ingest (else None)
                    "source_type": meta.source_type,
                    "gender": meta.gender,
                    "age_group": age_group,
                    "pii_spans": [
                        {"start": s.start, "end": s.end, "label": s.label} for s in safe.spans
                    ],
                }
            )
            rows_seen.add(answer.row)
            n_records += 1
            if len(batch) >= _BATCH:
                session.execute(insert(RecordRow), batch)
                batch.clear()
                progress("pseudonymisering", len(rows_seen), max(total, len(rows_seen)))
        if batch:
            session.execute(insert(RecordRow), batch)
        if n_records == 0:
            raise InputError(
                "filen innehåller inga ifyllda fritextsvar i de valda kolumnerna "
                f"({', '.join(preview.text_columns)}).",
                file=path,
            )
        imp.n_rows = len(rows_seen)
        imp.n_records = n_records
        imp.pii_counts = pii_counts
        imp.metadata_pii_counts = guard.counts_json()
        _store_residual(session, imp.id, scanner)
        session.add(
            AuditEntry(
                actor=actor,
                action="import",
                object_type="import",
                object_id=str(imp.id),
                details={"svar": n_records, "personuppgifter": pii_counts},
            )
        )
        progress("pseudonymisering", len(rows_seen), len(rows_seen))
        session.flush()
        return _summary(imp, project, created=True)


def _store_residual(session: Any, import_id: int, scanner: Any) -> None:
    """Positions of the kept risky tokens, against the stored records' ids."""
    if not scanner.pending:
        return
    ids = {
        (row, question): rid
        for rid, row, question in session.execute(
            select(RecordRow.id, RecordRow.row, RecordRow.question)
            .where(RecordRow.import_id == import_id)
        )
    }
    rows = scanner.rows(import_id, ids)
    for i in range(0, len(rows), _BATCH):
        session.execute(insert(ResidualToken), rows[i : i + _BATCH])


def _set_run(engine: Engine, run_id: int, **values: Any) -> None:
    """Progress and status are committed on their own so other processes can read them."""
    with session_scope(engine) as session:
        session.execute(update(AnalysisRun).where(AnalysisRun.id == run_id).values(**values))


def create_run(
    import_id: int, *, engine: Engine | None = None, taxonomy: str = "samsjuklighet",
    settings: Mapping[str, Any] | None = None,
) -> int:
    engine = engine or init_db()
    with session_scope(engine) as session:
        if session.get(Import, import_id) is None:
            raise BrukarrostError(f"Importen {import_id} finns inte.")
        run = AnalysisRun(
            import_id=import_id, taxonomy_id=taxonomy, status="pagar", stage="väntar",
            settings=dict(settings or {}),
        )
        session.add(run)
        session.flush()
        return run.id


def analyse_import(
    import_id: int,
    *,
    engine: Engine | None = None,
    taxonomy: str = "samsjuklighet",
    progress: Progress | None = None,
    run_id: int | None = None,
    embed_model: str | None = None,
) -> int:
    """Embed, find themes and classify one import's records; store all of it in one go.

    Results are written in a single transaction at the end, so an interrupted run
    leaves no half-written themes or suggestions; its status says "fel".
    """
    from nlp.classify import ClassifierModel, classify_texts
    from nlp.embed import embed_texts, get_embedder
    from nlp.taxonomy import load_taxonomy
    from nlp.themes import fit_themes
    from nlp.themes_edits import apply_theme_edits

    engine = engine or init_db()
    progress = progress or _noop
    tax = load_taxonomy(taxonomy)
    if run_id is None:
        run_id = create_run(import_id, engine=engine, taxonomy=tax.id)

    def report(stage: str, done: int, total: int) -> None:
        progress(stage, done, total)
        _set_run(engine, run_id, stage=stage, progress_n=done, progress_total=total)

    try:
        with session_scope(engine) as session:
            rows = session.execute(
                select(RecordRow.id, RecordRow.text, RecordRow.date)
                .where(RecordRow.import_id == import_id)
                .order_by(RecordRow.id)
            ).all()
            imp = session.get(Import, import_id)
            project_id = imp.project_id if imp else None
            # Human work is data: names, merges and splits are carried over to this refit.
            edits = session.scalars(
                select(ThemeEdit).where(ThemeEdit.project_id == project_id)
                .order_by(ThemeEdit.created_at, ThemeEdit.id)
            ).all()
            active = session.scalar(
                select(ClassifierVersion).where(
                    ClassifierVersion.project_id == project_id,
                    ClassifierVersion.taxonomy_id == tax.id,
                    ClassifierVersion.active.is_(True),
                )
            )
            active_version = active.version if active else None
        if not rows:
            raise BrukarrostError(f"Importen {import_id} har inga svar att analysera.")
        ids = [r.id for r in rows]
        texts = [r.text for r in rows]
        dates = [r.date for r in rows]

        embedder = get_embedder(embed_model or get_settings().embed_model)
        _set_run(engine, run_id, embed_model=embedder.model_id)
        vectors = embed_texts(
            texts, embedder=embedder, progress=lambda d, t: report("inbäddning", d, t)
        )
        report("teman", 0, 1)
        themes = fit_themes(texts, vectors, record_ids=ids, dates=dates)
        if edits:
            themes = apply_theme_edits(themes, edits, record_ids=ids, texts=texts,
                                       embeddings=vectors)
        report("teman", 1, 1)
        report("klassificering", 0, len(texts))
        # The analyst's explicitly activated version; zero-shot until there is one.
        model = ClassifierModel.load(active_version) if active_version else None
        results = classify_texts(texts, vectors, tax, embedder=embedder, model=model)
        report("klassificering", len(texts), len(texts))
        report("lagring", 0, 1)
        model_version = results[0].model_version if results else "ingen"
        _store_results(engine, run_id, tax.id, ids, themes, results)
        _set_run(
            engine, run_id, status="klar", stage="klar", classifier_version=model_version,
            finished_at=datetime.now(timezone.utc), progress_n=1, progress_total=1,
        )
        progress("lagring", 1, 1)
    except BrukarrostError as exc:
        _set_run(engine, run_id, status="fel", error=exc.message,
                 finished_at=datetime.now(timezone.utc))
        raise
    except Exception as exc:
        # The message of an unexpected error could quote data; store only its type.
        log.exception("analysis run %s failed", run_id)
        _set_run(engine, run_id, status="fel",
                 error=f"Oväntat fel ({type(exc).__name__}). Se serverns logg.",
                 finished_at=datetime.now(timezone.utc))
        raise
    return run_id


def _store_results(
    engine: Engine, run_id: int, taxonomy_id: str, ids: Sequence[int], themes: Any,
    results: Sequence[Any],
) -> None:
    with session_scope(engine) as session:
        theme_db_ids: dict[int, int] = {}
        for t in themes.themes:
            lo, hi = t.ci
            row = Theme(
                run_id=run_id, topic=t.id, label=t.label, phrase=t.phrase, words=list(t.words),
                size=t.size, share=t.share, ci_low=lo, ci_high=hi,
                example_record_ids=list(t.example_ids),
                emerging=_emerging_for(themes, t.id),
            )
            session.add(row)
            session.flush()
            theme_db_ids[t.id] = row.id
        assignments = [
            {"record_id": rid, "theme_id": theme_db_ids[tid], "weight": float(w)}
            for rid, pairs in themes.assignments.items()
            for tid, w in pairs
            if tid in theme_db_ids
        ]
        for i in range(0, len(assignments), _BATCH):
            session.execute(insert(ThemeAssignment), assignments[i : i + _BATCH])

        classifications, suggestions = [], []
        for rid, res in zip(ids, results):
            valence = res.valence
            classifications.append(
                {
                    "run_id": run_id, "record_id": rid, "taxonomy_id": taxonomy_id,
                    "model_version": res.model_version, "prediction_set": list(res.prediction_set),
                    "unsure": bool(res.unsure),
                    "unsure_reason": getattr(res, "unsure_reason", None),
                    "valence": valence.label if valence else None,
                    "valence_probability": float(valence.probability) if valence else None,
                    "evidence": _jsonable(res.evidence),
                }
            )
            for sug in res.suggestions:
                suggestions.append(
                    {
                        "run_id": run_id, "record_id": rid, "taxonomy_id": taxonomy_id,
                        "label_id": sug.label, "probability": float(sug.probability),
                        "in_prediction_set": sug.label in res.prediction_set,
                        "decided": bool(getattr(sug, "decided", False)),
                        "model_version": res.model_version,
                    }
                )
        for rows, model in ((classifications, Classification), (suggestions, Suggestion)):
            for i in range(0, len(rows), _BATCH):
                session.execute(insert(model), rows[i : i + _BATCH])


def _emerging_for(themes: Any, theme_id: int) -> dict[str, Any] | None:
    for flag in getattr(themes, "emerging", None) or []:
        fid = flag.get("theme_id") if isinstance(flag, dict) else getattr(flag, "theme_id", None)
        if fid == theme_id:
            return _jsonable(flag)
    return None


def _jsonable(value: Any) -> Any:
    """Dataclasses and numpy scalars → plain JSON types for the JSON columns."""
    import dataclasses

    import numpy as np

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "model_dump"):
        return _jsonable(value.model_dump())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def pseudonymise_file(path: Path, pseudonymiser: Pseudonymiser,
                      text_column: str | None = None) -> Iterator[PseudonymisedRow]:
    """Stream pseudonymised rows from a JSON Lines, CSV, XLSX or JSON file, for
    `brukarrost pseudonymisera` and `klassificera`: ingest reads, pseudonymise replaces.

    JSON Lines takes an `id` and a text field per line ('text' unless named); CSV, XLSX and
    JSON go through ingest's reader, and their "id" is the respondent id when the export has
    one, else the row number."""
    from nlp.ingest import iter_json_lines, read_answers
    from nlp.pseudonymise import jsonl_text_rows, pseudonymise_rows

    path = Path(path)
    if not path.exists():
        raise InputError("Filen finns inte.", file=path)
    if path.suffix.lower() in _JSONL_SUFFIXES:
        rows = jsonl_text_rows(iter_json_lines(path), path, text_column or "text")
    else:
        answers = read_answers(path, text_columns=[text_column] if text_column else None)
        rows = ((a.meta.respondent_id or a.row, a.text, a.question) for a in answers)
    yield from pseudonymise_rows(rows, pseudonymiser)
