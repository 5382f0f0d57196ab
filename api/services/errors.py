"""The errors services raise. Each carries a Swedish message that never holds personal
data, and the HTTP status it stands for; api/app.py turns them into responses in one
place (JSON under /api, an HTML page elsewhere)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


class ServiceError(Exception):
    """A request that cannot be done; `message` is shown to the user as it is."""

    status = 400

    def __init__(self, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers


class BadRequest(ServiceError):
    """The request is malformed (not the data in it)."""

    status = 400


class Unauthorized(ServiceError):
    """Wrong or missing credentials."""

    status = 401


class Forbidden(ServiceError):
    """The user's role or session may not do this."""

    status = 403


class NotFound(ServiceError):
    """The object does not exist, or the user may not know that it does."""

    status = 404


class Conflict(ServiceError):
    """The object is in a state where this cannot be done (taken name, job already started)."""

    status = 409


class TooLarge(ServiceError):
    """The upload is over the size limit."""

    status = 413


class Unsupported(ServiceError):
    """The file type or content type is not one we read."""

    status = 415


class Invalid(ServiceError):
    """The data given breaks a rule (password policy, unknown label, evidence elsewhere)."""

    status = 422


class TooManyRequests(ServiceError):
    """Throttled; `headers` carries Retry-After."""

    status = 429


def commit_unique(db: Session, taken: str) -> None:
    """Commit; a unique constraint another request won meanwhile becomes Conflict(taken)."""
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise Conflict(taken) from None


__all__ = [
    "BadRequest",
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "ServiceError",
    "TooLarge",
    "TooManyRequests",
    "Unauthorized",
    "Unsupported",
    "commit_unique",
]
