"""What the steps of the pipeline share: progress, JSON-safe values, the active classifier."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.store.models import ClassifierVersion

# (stage, done, total): stage is a Swedish stage name shown in progress bars and the API.
Progress = Callable[[str, int, int], None]
STAGES = ("inläsning", "pseudonymisering", "inbäddning", "teman", "klassificering", "lagring")
BATCH = 1000  # rows per INSERT


def no_progress(stage: str, done: int, total: int) -> None:
    """The progress callback used when the caller gives none."""
    return None


def jsonable(value: Any) -> Any:
    """Dataclasses and numpy scalars → plain JSON types for the JSON columns."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "model_dump"):
        return jsonable(value.model_dump())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def finite(value: Any) -> Any:
    """JSON-safe metrics: NaN/inf (e.g. no positive examples of a label) become None."""
    if isinstance(value, dict):
        return {str(k): finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def active_version(session: Session, project_id: int | None, taxonomy_id: str) -> str | None:
    """The classifier version an analyst activated for the project and taxonomy, if any."""
    active = session.scalar(
        select(ClassifierVersion).where(
            ClassifierVersion.project_id == project_id,
            ClassifierVersion.taxonomy_id == taxonomy_id,
            ClassifierVersion.active.is_(True),
        )
    )
    return active.version if active else None
