"""The audit log's one writer: every part (pipeline, key handling, erasure, API) appends here."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from nlp.store.models import AuditEntry


def add_audit_entry(
    session: Session, actor: str, action: str, object_type: str | None = None, object_id: Any = None, **details: Any
) -> None:
    """Append one entry (who, what, on which object). Never pass answer text in details."""
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=None if object_id is None else str(object_id),
            details=details,
        )
    )
