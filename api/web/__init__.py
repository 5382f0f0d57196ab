"""Web pages for analysts, coordinators, validators and admins (issue 7).

Served by the same FastAPI app (api/app.py includes `router` and mounts STATIC_DIR at
/static). Pages are server-rendered Jinja templates in plain Swedish; they use the API's
auth (session cookie + CSRF) and read the stored, pseudonymised data through the ORM.
Everything a page needs (CSS, JS, charts) is served locally: no CDN, no web fonts.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter

from api.web import (
    pages_admin,
    pages_analyst,
    pages_common,
    pages_coordinator,
    pages_erasure,
    pages_joint,
    pages_models,
    pages_residual,
    pages_validator,
)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(include_in_schema=False)
for _module in (pages_common, pages_analyst, pages_coordinator, pages_validator, pages_joint, pages_models,
                pages_erasure, pages_admin, pages_residual):
    router.include_router(_module.router)

__all__ = ["router", "STATIC_DIR"]
