"""Erasure of one respondent (nlp.erasure): how much is stored, and deleting it.

The raw id is turned into the keyed HMAC at once and is never stored or logged."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.services.errors import Conflict
from nlp.errors import ConfigError
from nlp.store.models import Project, User


def count(db: Session, project: Project, respondent_id: str) -> tuple[int, list[dict[str, Any]]]:
    """How many answers are stored about the respondent, and the imports that could not be
    searched (another key). Conflict when there is no usable key."""
    from nlp.erasure import (
        count_respondent,  # loads the pseudonymiser: seconds at start-up
    )

    try:
        found = count_respondent(db, project.id, respondent_id)
    except ConfigError as exc:  # no key or a damaged key file: the message names no path
        db.rollback()
        raise Conflict(exc.message) from None
    db.commit()  # a first key generation may have been registered (nlp.keys)
    return found


def erase(db: Session, user: User, project: Project, respondent_id: str) -> dict[str, Any]:
    """Delete everything about one respondent. `fullstandig` is false and
    `ej_sokta_importer` lists the imports that could not be searched (another key)."""
    from nlp.erasure import erase_respondent, purge_storage  # as in count()

    try:
        result = erase_respondent(db, project.id, respondent_id, user.username)
    except ConfigError as exc:
        db.rollback()
        raise Conflict(exc.message) from None
    db.commit()
    purge_storage(db.get_bind())
    return result.to_dict()


__all__ = ["count", "erase"]
