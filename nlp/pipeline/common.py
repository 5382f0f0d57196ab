"""What the steps of the pipeline share: progress, JSON-safe values, the active classifier."""

from __future__ import annotations

import dataclasses
import logging
import math
import resource
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from nlp.store.models import ClassifierVersion
from nlp.taxonomy import Taxonomy

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # the classifier loads scikit-learn; only a run needs it
    from nlp.classify import ClassifierModel

# (stage, done, total): stage is a Swedish stage name shown in progress bars and the API.
Progress = Callable[[str, int, int], None]
STAGES = ("inläsning", "pseudonymisering", "inbäddning", "teman", "klassificering", "lagring")
BATCH = 1000  # rows per INSERT
# Stage → key of its seconds in `tider_s` (wall) and `cpu_tider_s` (the run's settings, report.json, the job page).
TIME_KEYS = {
    "inläsning": "pseudonymisering",
    "pseudonymisering": "pseudonymisering",
    "inbäddning": "inbaddning",
    "teman": "teman",
    "klassificering": "klassificering",
    "lagring": "lagring_rapport",
}
TIME_LABELS = {
    "pseudonymisering": "inläsning och pseudonymisering",
    "inbaddning": "inbäddning",
    "teman": "teman",
    "klassificering": "klassificering",
    "lagring_rapport": "lagring och rapport",
}


class StageTimer:
    """A progress callback that also keeps the wall and CPU seconds of each stage.

    A stage runs from its first report until the first report of another stage (or
    `stop()`); stages report when they start, so set-up such as loading the model counts
    where it belongs. Calls `inner` with every report. CPU seconds are this process's, all its
    threads (ONNX Runtime's included), plus its child processes' once they have ended (the
    pseudonymisation's helpers, nlp/pseudonymise/parallel.py): on a shared machine they are
    the comparable figure, since wall seconds grow with other users' load; work done in
    cluster worker processes (BRUKARROST_KLUSTER) is not in them.
    """

    def __init__(self, inner: Progress | None = None) -> None:
        self.inner = inner
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self._key: str | None = None
        self._since = (0.0, 0.0)

    @staticmethod
    def _now() -> tuple[float, float]:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.perf_counter(), time.process_time() + children.ru_utime + children.ru_stime

    def __call__(self, stage: str, done: int, total: int) -> None:
        key = TIME_KEYS.get(stage, stage)
        if key != self._key:
            self.stop()
            self._key, self._since = key, self._now()
        if self.inner is not None:
            self.inner(stage, done, total)

    @property
    def current(self) -> str | None:
        """The key of the running stage, if any."""
        return self._key

    def _add(self, wall: dict[str, float], cpu: dict[str, float]) -> None:
        if self._key is not None:
            now = self._now()
            wall[self._key] = round(wall.get(self._key, 0.0) + now[0] - self._since[0], 1)
            cpu[self._key] = round(cpu.get(self._key, 0.0) + now[1] - self._since[1], 1)

    def stop(self) -> None:
        """End the running stage (its seconds are added to what it had)."""
        self._add(self.seconds, self.cpu_seconds)
        self._key = None

    def snapshot(self) -> dict[str, float]:
        """Wall seconds so far, the running stage included."""
        wall, cpu = dict(self.seconds), dict(self.cpu_seconds)
        self._add(wall, cpu)
        return wall

    def cpu_snapshot(self) -> dict[str, float]:
        """CPU seconds so far, the running stage included."""
        wall, cpu = dict(self.seconds), dict(self.cpu_seconds)
        self._add(wall, cpu)
        return cpu


def format_times(seconds: Mapping[str, float]) -> str:
    """'inbäddning 12,3 s, teman 4,0 s …' in stage order, for the command line."""
    order = list(TIME_LABELS)
    keys = sorted(seconds, key=lambda k: order.index(k) if k in order else len(order))
    return ", ".join(f"{TIME_LABELS.get(k, k)} {seconds[k]:.1f} s".replace(".", ",") for k in keys)


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


def active_model(version: str | None, tax: Taxonomy) -> ClassifierModel | None:
    """The activated classifier version, or None (zero-shot) when there is none or it was
    trained on another version of the taxonomy: its scores would sit under the wrong labels."""
    from nlp.classify import ClassifierModel

    model = ClassifierModel.load(version) if version else None
    if model is not None and list(model.label_ids) != list(tax.label_ids):
        log.warning(
            "active classifier %s has other labels than taxonomy %s: zero-shot until retrained", version, tax.id
        )
        return None
    return model
