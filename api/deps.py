"""Request dependencies: settings, database session, audit helper."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session

from nlp.store import add_audit_entry
from nlp.store.models import User


def get_db(request: Request) -> Iterator[Session]:
    """One session per request; endpoints commit explicitly, anything else is rolled back."""
    session: Session = request.app.state.session_factory()
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


_sqlite_writer = threading.Lock()


@contextmanager
def serial_write(db: Session) -> Iterator[None]:
    """On SQLite, let one request thread write at a time.

    SQLite has a single writer; concurrent writers otherwise wait in SQLite's busy
    handler, which sleeps with back-off and makes the slowest requests much slower.
    A plain lock queues them without sleeping. Other databases: no-op.
    """
    if db.get_bind().dialect.name != "sqlite":
        yield
        return
    with _sqlite_writer:
        yield


def audit(
    db: Session,
    user: User | str,
    action: str,
    object_type: str | None = None,
    object_id: Any = None,
    **details: Any,
) -> None:
    """Append one audit entry (who, when, what). Never pass answer text in details."""
    actor = user.username if isinstance(user, User) else user
    add_audit_entry(db, actor, action, object_type, object_id, **details)


def audit_reads(db: Session, user: User, project_id: int, via: str, record_ids: list[int]) -> None:
    """Log that `user` read these answers of a project (shown on the page `via`), and commit."""
    audit(db, user, "las_svar", "project", project_id, via=via, record_ids=record_ids)
    db.commit()


# Ids in paths: positive and within a 32-bit integer, so huge numbers are a 422, not a
# database overflow.
MAX_ID = 2_147_483_647
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


def wake_worker(request: Request) -> None:
    """Tell the embedded job worker (if this process runs one) that a job is queued."""
    worker = request.app.state.worker
    if worker is not None:
        worker.notify()


T = TypeVar("T")


def get_row(db: Session, model: type[T], row_id: int) -> T | None:
    """The row with this id, or None; ids outside 1..MAX_ID (from a form or a page path)
    are None rather than a database overflow."""
    return db.get(model, row_id) if 1 <= row_id <= MAX_ID else None


def release(db: Session) -> None:
    """End the read transaction so the connection goes back to the pool.

    FastAPI runs each sync dependency and the endpoint in separate thread-pool tasks;
    a connection held across that hop lets many concurrent requests exhaust the pool
    while they wait for threads. Loaded objects stay usable (expire_on_commit=False).
    """
    if not (db.new or db.dirty or db.deleted):
        db.commit()


# The request's session as a parameter type: `db: DB` (FastAPI's Annotated dependencies).
DB = Annotated[Session, Depends(get_db)]
