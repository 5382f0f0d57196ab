"""Kept for existing imports: label status now lives in nlp.validation_status, so that the
worker (nlp/jobs.py) does not depend on the api package (dependencies point api → nlp)."""

from nlp.validation_status import STATUSES, expand, status_of, statuses, verdict

__all__ = ["STATUSES", "expand", "status_of", "statuses", "verdict"]
