"""Erasure of one respondent: the one implementation behind the API, the web page and the CLI.

Deletes the respondent's answers with their suggestions, classifications and theme links;
validation decisions keep only a tombstone reference. Record ids are scrubbed from every
JSON list that names answers (theme examples, theme edits, insights, other answers'
evidence, saved classifier versions' example sets), and the answers' vectors and
pseudonymisation finds are removed from their caches. Afterwards `purge_storage` makes the
database give the freed pages back (SQLite: secure_delete, WAL checkpoint, VACUUM; PostgreSQL: VACUUM).

The raw id is turned into the keyed HMAC at once and is never stored or logged. Imports
made with another pseudonym key cannot be searched (their respondent keys can't be
computed); they are listed in the result instead of a plain success.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from nlp.classify import ClassifierModel
from nlp.embed import forget_texts
from nlp.keys import key_for_erasure
from nlp.pseudonymise import Pseudonymiser, forget_finds
from nlp.store import add_audit_entry
from nlp.store.models import (
    AnalysisRun,
    Classification,
    ClassifierVersion,
    Import,
    Insight,
    ProjectThemeRow,
    RecordRow,
    ResidualToken,
    Suggestion,
    Theme,
    ThemeAssignment,
    ThemeEdit,
    Tombstone,
    ValidationEvent,
)

log = logging.getLogger(__name__)
# JSON keys whose values are lists of record ids (or lists of such lists: "grupper").
_ID_LISTS = ("record_ids", "member_record_ids", "example_ids", "example_record_ids")


@dataclass
class ErasureResult:
    tombstone_id: int
    counts: dict[str, int]
    # Imports in the project made with another key: not searched. [{import_id, fil, importerad}]
    unreachable: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tombstone_id": self.tombstone_id,
            **self.counts,
            "fullstandig": not self.unreachable,
            "ej_sokta_importer": self.unreachable,
        }


def _respondent_ids(session: Session, project_id: int, respondent_id: str) -> tuple[list[int], list[dict[str, Any]]]:
    accepted = key_for_erasure(session)
    rkey = Pseudonymiser(accepted.key).respondent_key(respondent_id)
    ids = list(
        session.scalars(
            select(RecordRow.id)
            .join(Import, Import.id == RecordRow.import_id)
            .where(
                Import.project_id == project_id,
                RecordRow.respondent_key == rkey,
                Import.key_fingerprint == accepted.fingerprint,
            )
        )
    )
    other = session.scalars(
        select(Import)
        .where(
            Import.project_id == project_id,
            or_(Import.key_fingerprint.is_(None), Import.key_fingerprint != accepted.fingerprint),
        )
        .order_by(Import.id)
    )
    unreachable = [
        {
            "import_id": imp.id,
            "fil": imp.filename,
            "importerad": imp.created_at.date().isoformat() if imp.created_at else None,
        }
        for imp in other
    ]
    return ids, unreachable


def count_respondent(session: Session, project_id: int, respondent_id: str) -> tuple[int, list[dict[str, Any]]]:
    """(answers found, imports that could not be searched) — for the confirmation step."""
    ids, unreachable = _respondent_ids(session, project_id, respondent_id)
    return len(ids), unreachable


def erase_respondent(session: Session, project_id: int, respondent_id: str, actor: str) -> ErasureResult:
    """Erase in the caller's transaction (commit it, then call `purge_storage`)."""
    ids, unreachable = _respondent_ids(session, project_id, respondent_id)
    tomb = Tombstone(project_id=project_id, actor=actor, counts={})
    session.add(tomb)
    session.flush()
    counts = {"svar": len(ids), "forslag": 0, "beslut": 0, "cachade_vektorer": 0, "cachade_fynd": 0}
    if ids:
        texts = list(session.scalars(select(RecordRow.text).where(RecordRow.id.in_(ids))))
        counts["forslag"] = (
            session.scalar(select(func.count()).select_from(Suggestion).where(Suggestion.record_id.in_(ids))) or 0
        )
        res = session.execute(
            update(ValidationEvent)
            .where(ValidationEvent.record_id.in_(ids))
            .values(record_id=None, tombstone_id=tomb.id, comment=None)
        )
        counts["beslut"] = res.rowcount or 0
        per_import: dict[int, int] = defaultdict(int)
        for imp_id in session.scalars(select(RecordRow.import_id).where(RecordRow.id.in_(ids))):
            per_import[imp_id] += 1
        # Explicit deletes, not only FK cascades, so it also holds where cascades are off.
        for model in (Suggestion, Classification, ThemeAssignment, ResidualToken):
            session.execute(delete(model).where(model.record_id.in_(ids)))
        session.execute(delete(RecordRow).where(RecordRow.id.in_(ids)))
        for imp_id, n in per_import.items():
            imp = session.get(Import, imp_id)
            imp.n_records = max(0, imp.n_records - n)
        _scrub_record_ids(session, project_id, set(ids))
        counts["cachade_vektorer"] = _forget_vectors(texts)
        # what the pseudonymiser found in their texts (offsets and kinds, under keyed digests)
        counts["cachade_fynd"] = forget_finds(texts)
    tomb.counts = {**counts, "ej_sokta_importer": len(unreachable)}
    details = {"project_id": project_id, **counts, "ej_sokta_importer": [u["import_id"] for u in unreachable]}
    add_audit_entry(session, actor, "radering", "tombstone", tomb.id, **details)
    return ErasureResult(tomb.id, counts, unreachable)


def _drop_ids(value: Any, gone: set[int]) -> Any:
    """A copy of a JSON value without the erased ids in its record-id lists."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in _ID_LISTS and isinstance(v, list):
                out[k] = [i for i in v if _as_id(i) not in gone]
            elif k == "grupper" and isinstance(v, list):
                out[k] = [[i for i in g if _as_id(i) not in gone] if isinstance(g, list) else g for g in v]
            elif k == "examples" and isinstance(v, list):  # evidence: [{"id", "text", …}]
                out[k] = [e for e in v if not (isinstance(e, dict) and _as_id(e.get("id")) in gone)]
            else:
                out[k] = _drop_ids(v, gone)
        return out
    if isinstance(value, list):
        return [_drop_ids(v, gone) for v in value]
    return value


def _as_id(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _scrub_record_ids(session: Session, project_id: int, gone: set[int]) -> None:
    runs = (
        select(AnalysisRun.id).join(Import, Import.id == AnalysisRun.import_id).where(Import.project_id == project_id)
    )
    for theme in session.scalars(select(Theme).where(Theme.run_id.in_(runs))):
        if gone & {_as_id(i) for i in theme.example_record_ids or []}:
            theme.example_record_ids = [i for i in theme.example_record_ids if _as_id(i) not in gone]
    for pt in session.scalars(select(ProjectThemeRow).where(ProjectThemeRow.project_id == project_id)):
        if gone & {_as_id(i) for i in pt.representative_record_ids or []}:
            pt.representative_record_ids = [i for i in pt.representative_record_ids if _as_id(i) not in gone]
    for edit in session.scalars(select(ThemeEdit).where(ThemeEdit.project_id == project_id)):
        edit.member_record_ids = [i for i in edit.member_record_ids or [] if _as_id(i) not in gone]
        edit.payload = _drop_ids(edit.payload or {}, gone)
    for ins in session.scalars(select(Insight).where(Insight.project_id == project_id)):
        ins.evidence = _drop_ids(ins.evidence or {}, gone)
    # Other answers' evidence quotes validated examples — possibly the erased answers.
    for cls in session.scalars(select(Classification).where(Classification.run_id.in_(runs))):
        scrubbed = _drop_ids(cls.evidence or [], gone)
        if scrubbed != cls.evidence:
            cls.evidence = scrubbed
    for version in session.scalars(
        select(ClassifierVersion).where(ClassifierVersion.project_id == project_id, ClassifierVersion.path.is_not(None))
    ):
        _scrub_classifier(Path(version.path), gone)


def _scrub_classifier(path: Path, gone: set[int]) -> None:
    """Remove erased answers from a saved version's example set (texts, ids, vectors).

    The trained weights still reflect them; retraining without them removes that too."""
    if not (path / "modell.json").is_file():
        return
    model = ClassifierModel.load(path.name, directory=path.parent)
    keep = [i for i, rid in enumerate(model.example_ids) if _as_id(rid) not in gone]
    if len(keep) == len(model.example_ids):
        return
    model.example_ids = [model.example_ids[i] for i in keep]
    model.example_texts = [model.example_texts[i] for i in keep]
    model.example_labels = [model.example_labels[i] for i in keep]
    model.example_emb = np.asarray(model.example_emb)[keep]
    model.save(directory=path.parent)


def _forget_vectors(texts: list[str]) -> int:
    return forget_texts(texts)


def purge_storage(engine: Engine) -> None:
    """After the erasure is committed: make the database drop the deleted text from disk.

    SQLite keeps deleted rows in free pages and in the WAL until a checkpoint;
    secure_delete (set per connection in nlp.store.db) zeroes freed content, the TRUNCATE
    checkpoint empties the WAL and VACUUM rewrites the file. PostgreSQL keeps dead tuples
    until VACUUM; plain VACUUM makes the space reusable (it is not guaranteed to overwrite
    it — VACUUM FULL would, but locks the tables, so it is left to the administrator)."""
    try:
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.exec_driver_sql("VACUUM")
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        elif engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in (
                    "records",
                    "suggestions",
                    "classifications",
                    "theme_assignments",
                    "validation_events",
                    "theme_edits",
                    "insights",
                    "themes",
                ):
                    conn.execute(text(f"VACUUM {table}"))
    except Exception as exc:  # noqa: BLE001 - the erasure itself is committed already
        # Busy (another writer) is not fatal: the next erasure or checkpoint finishes it.
        log.warning("Efter raderingen kunde databasfilen inte städas: %s", type(exc).__name__)
