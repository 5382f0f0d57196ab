"""Query strings stay out of the access log. A search in the answer browser
(/projekt/1/svar?q=…) is words a user typed, and they may name a person: personal data
never reaches a log. The path stays, so the log still tells which page was asked for."""

from __future__ import annotations

import logging

__all__ = ["DropQueryStrings", "keep_queries_out_of_access_log"]

ACCESS_LOGGER = "uvicorn.access"


class DropQueryStrings(logging.Filter):
    """Cuts "?…" off the path in uvicorn's access records (args: client, method, path, …)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def keep_queries_out_of_access_log() -> None:
    """Install the filter once on uvicorn's access logger (uvicorn's logging setup keeps it)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, DropQueryStrings) for f in logger.filters):
        logger.addFilter(DropQueryStrings())
